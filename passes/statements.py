"""The statement half of the pipeline: each statement kind's stages, in
order (the package docstring draws the table), and the one function that
runs them. A module of its own so that stages may plan a statement of
their own (a SQL function's body) without importing the package."""

from __future__ import annotations

from typing import Any, Callable

from twinning.passes.lower import lower_command, lower_ddl, lower_projection
from twinning.passes.plan import (compile_expressions, plan_command,
                                  plan_projection, plan_read, plan_write)
from twinning.passes.resolve import (StageInput, resolve_arguments,
                                     resolve_command, resolve_ddl,
                                     resolve_projection, resolve_read,
                                     resolve_refused, resolve_write,
                                     statement_kind)

__all__ = ["STATEMENT_KINDS", "execute_arguments", "plan_resolved",
           "plan_statement", "statement_kind"]

StageHook = Callable[[str, Any], None]
Stage = Callable[[Any, StageInput], Any]

STATEMENT_KINDS: dict[str, tuple[tuple[str, Stage], ...]] = {
    "refused": (("resolve", resolve_refused),),
    "read": (("resolve", resolve_read), ("plan", plan_read)),
    "projection": (("resolve", resolve_projection), ("lower", lower_projection),
                   ("plan", plan_projection)),
    "write": (("resolve", resolve_write), ("plan", plan_write)),
    "ddl": (("resolve", resolve_ddl), ("lower", lower_ddl), ("plan", plan_command)),
    "command": (("resolve", resolve_command), ("lower", lower_command),
                ("plan", plan_command)),
}


def plan_statement(parsed, catalog=None, param_types=(),
                   on_stage: StageHook | None = None,
                   search_path: tuple[str, ...] = ("public",)):
    """One parsed statement → `Plan`, through its kind's stages;
    unqualified table names are looked up along `search_path`."""
    env = StageInput(catalog, param_types, search_path, parsed.source)
    value: Any = parsed
    for name, stage in STATEMENT_KINDS[statement_kind(parsed.node)]:
        value = stage(value, env)
        if on_stage is not None:
            on_stage(name, value)
    return value


def plan_resolved(stmt, resolved):
    """The stages after resolve of `stmt`'s kind, from a resolved form of
    it (a template's: its constants made parameters)."""
    env = StageInput(source=stmt.source)
    value: Any = resolved
    for _, stage in STATEMENT_KINDS[statement_kind(stmt.node)][1:]:
        value = stage(value, env)
    return value


def execute_arguments(args, types) -> Callable[[Any], tuple]:
    """EXECUTE's arguments against its prepared statement's parameter
    types (known only to the session): resolved, coerced with assignment
    semantics, and compiled into one function of the context."""
    return compile_expressions(resolve_arguments(args, types))
