"""The pipeline, in order. Each stage is a pure function of the previous
stage's output; `twinning explain` and the query trace watch them through
the `on_stage` hook.

Schema files:  parse_script → lower_schema → resolve_schema  (→ Catalog)
Statements:    parse → resolve → lower → plan → execute (the store)
"""

from __future__ import annotations

from typing import Any, Callable

from twinning.passes.lower_ddl import lower_schema
from twinning.passes.parse import parse_script
from twinning.passes.resolve_ddl import ResolvedSchema, resolve_schema

StageHook = Callable[[str, Any], None]

SCHEMA_STAGES: tuple[tuple[str, Callable[[Any], Any]], ...] = (
    ("parse", parse_script),
    ("lower", lower_schema),
    ("resolve", resolve_schema),
)


def load_schema(text: str, on_stage: StageHook | None = None) -> ResolvedSchema:
    """Run a schema file through every schema stage."""
    value: Any = text
    for name, stage in SCHEMA_STAGES:
        value = stage(value)
        if on_stage is not None:
            on_stage(name, value)
    return value
