"""Plan stage of a statement with data-modifying WITH queries: each
write compiled by `plan_dml`, the main statement by `plan_select` or
`plan_dml`; `twinning/execute_with.py` runs them.

The plan is a `WritePlan` whatever the main statement is: it writes, so
it takes its target's lock and a statement savepoint like any write
(`tag`, the main statement's command, names it in 25006 "cannot execute
SELECT in a read-only transaction", as PostgreSQL's
ExecCheckXactReadOnly names the main statement).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from twinning.ir import dml as d
from twinning.ir import query as q
from twinning.ir import select as r
from twinning.passes.plan_dml import plan_write
from twinning.passes.plan_select import plan_query

__all__ = ["CompiledWith", "plan_with"]


@dataclass(frozen=True, slots=True)
class CompiledWith:
    resolved: d.ResolvedWith
    tag: str  # the main statement's command
    columns: tuple[q.Column, ...]  # the main statement's rows
    writes: tuple = field(default=(), compare=False, repr=False)  # (key, CompiledWrite)
    main: Any = field(default=None, compare=False, repr=False)
    planning_error: Any = field(default=None, compare=False, repr=False)


def plan_with(resolved: d.ResolvedWith) -> CompiledWith:
    writes = tuple((w.key, plan_write(w.write)) for w in resolved.writes)
    main = resolved.main
    if isinstance(main, r.ResolvedQuery):
        compiled: Any = plan_query(main)
        tag = "SELECT"
        columns = tuple(q.Column(c.name, c.type, getattr(c, "origin", None))
                        for c in main.columns)
        main_error = compiled.error
    else:
        compiled = plan_write(main)
        tag, columns, main_error = compiled.tag, compiled.columns, \
            compiled.planning_error
    # PostgreSQL plans the whole statement before running any of it
    errors = [w.planning_error for _, w in writes] + [main_error]
    error = next((e for e in errors if e is not None), None)
    return CompiledWith(resolved, tag, columns, writes, compiled, error)
