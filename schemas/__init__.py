"""JSON Schemas of every artifact twinning reads or writes.

`verify.constraint.v1` and `verify.report.v1` are the verify tool's
published schemas, vendored unchanged; the `twinning.*` schemas are this
project's own contracts (SPEC §12). Installed as `twinning.schemas`.
"""

from __future__ import annotations

import hashlib
import json
import os
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


def errors(name: str, document: Any, raw: bytes) -> list:
    """jsonschema's errors for `document` (parsed from `raw`) against
    artifact kind `name`, sorted by path.

    Importing jsonschema is a large part of a short run (about a tenth of
    a second), so a document found valid is remembered: an empty file named
    by the hash of the schema and the document's bytes under
    `$TWINNING_CACHE/valid` (default `$XDG_CACHE_HOME/twinning`, that is
    `~/.cache/twinning`). The same
    bytes are then not checked again; anything else is. A cache that
    cannot be read or written is ignored."""
    schema = resources.files(__name__).joinpath(f"{name}.schema.json").read_bytes()
    key = hashlib.sha256(name.encode() + b"\0" + schema + b"\0" + raw).hexdigest()
    marker = os.path.join(_cache_dir(), key)
    if os.path.exists(marker):
        return []
    found = sorted(validator(name).iter_errors(document),
                   key=lambda e: list(e.absolute_path))
    if not found:
        try:
            os.makedirs(os.path.dirname(marker), exist_ok=True)
            with open(marker, "xb"):
                pass
        except OSError:
            pass
    return found


def _cache_dir() -> str:
    base = os.environ.get("TWINNING_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME")
        or os.path.join(os.path.expanduser("~"), ".cache"), "twinning")
    return os.path.join(base, "valid")
