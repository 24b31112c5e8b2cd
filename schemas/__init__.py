"""JSON Schemas of every artifact twinning reads or writes.

`verify.constraint.v1` and `verify.report.v1` are the verify tool's
published schemas, vendored unchanged; the `twinning.*` schemas are this
project's own contracts (SPEC §12). Installed as `twinning.schemas`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The schema document `schemas/<name>.schema.json`."""
    text = resources.files(__name__).joinpath(f"{name}.schema.json").read_text()
    return json.loads(text)


def validator(name: str):
    """A jsonschema validator for one artifact kind."""
    import jsonschema

    schema = load(name)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)
