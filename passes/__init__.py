"""The pipeline, in order. Each stage is a pure function of the previous
stage's output; `twinning explain` and the query trace watch them through
the `on_stage` hook.

Schema files:  parse_script → lower_schema → resolve_schema  (→ Catalog)
Statements:    parse_query → resolve → lower → plan → execute (session)
"""

from __future__ import annotations

from typing import Any, Callable

from twinning.passes.lower_ddl import lower_schema
from twinning.passes.parse import parse_script
from twinning.passes.resolve_ddl import ResolvedSchema, resolve_schema
from twinning.passes.lower import lower
from twinning.passes.parse_query import parse_query
from twinning.passes.plan import plan
from twinning.passes.resolve import resolve

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


# Client statements: parse_query splits a query string once (cached by the
# session per SQL text); each statement then goes through these, in order.
STATEMENT_STAGES: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("resolve", resolve),
    ("lower", lower),
    ("plan", plan),
)


def plan_statement(parsed, catalog=None, param_types=(),
                   on_stage: StageHook | None = None,
                   search_path: tuple[str, ...] = ("public",)):
    """One parsed statement → `Plan`, through every statement stage;
    unqualified table names are looked up along `search_path`."""
    resolved = resolve(parsed, catalog, param_types, search_path)
    if on_stage is not None:
        on_stage("resolve", resolved)
    lowered = lower(resolved)
    if on_stage is not None:
        on_stage("lower", lowered)
    planned = plan(lowered, parsed.source)
    if on_stage is not None:
        on_stage("plan", planned)
    return planned
