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


@cache
def _registry():
    """Every schema of the package under its file name, so one schema can
    `$ref` a sibling (`twinning.v0` embeds `verify.report.v1`)."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    names = sorted(p.name.removesuffix(".schema.json")
                   for p in resources.files(__name__).iterdir()
                   if p.name.endswith(".schema.json"))
    return Registry().with_resources(
        (f"{n}.schema.json",
         Resource.from_contents(load(n), default_specification=DRAFT202012))
        for n in names)


def validator(name: str):
    """A jsonschema validator for one artifact kind."""
    import jsonschema

    schema = load(name)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, registry=_registry(),
               format_checker=cls.FORMAT_CHECKER)
