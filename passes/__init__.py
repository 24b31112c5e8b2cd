"""The pipeline, in order. Each stage is a pure function of the previous
stage's output; `twinning explain` and the query trace watch them through
the `on_stage` hook.

Schema files (`SCHEMA_STAGES`):

    parse_script → lower_schema → resolve_schema  (→ Catalog)

Client statements: `parse_query` splits a query string once (the engine
keeps it per text); each statement then runs the stages of its kind
(`STATEMENT_KINDS` in `statements.py`, the kind from `statement_kind`):

    refused     resolve (42P01 for a missing table, else 0A000 naming it)
    read        resolve → plan          SELECT … FROM, VALUES, set operations
    projection  resolve → lower → plan  SELECT without FROM
    write       resolve → plan          INSERT/UPDATE/DELETE/MERGE/TRUNCATE/
                                        COPY, any statement with a writing WITH
    ddl         resolve → lower → plan  CREATE/ALTER/DROP …, run as a command
    command     resolve → lower → plan  BEGIN, SET, PREPARE, DECLARE, …

Reads and writes have no lower stage: their resolved form is what the
planner compiles. The plans run in the session (`q.Runner`): one `run`
per plan variant.
"""

from __future__ import annotations

from typing import Any, Callable

from twinning.passes.lower_ddl import lower_schema
from twinning.passes.parse import parse_script
from twinning.passes.resolve_ddl import ResolvedSchema, resolve_schema
from twinning.passes.parse_query import parse_query
from twinning.passes.statements import (STATEMENT_KINDS, StageHook,
                                        plan_resolved, plan_statement,
                                        statement_kind)

__all__ = ["SCHEMA_STAGES", "STATEMENT_KINDS", "load_schema", "parse_query",
           "plan_resolved", "plan_statement", "statement_kind"]

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
