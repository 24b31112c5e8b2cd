"""Running a statement with data-modifying WITH queries (`CompiledWith`).

Every part reads the snapshot the statement started with
(`store.StatementSnapshot`): the main statement does not see what the WITH
queries wrote, only their RETURNING rows. Each write runs exactly once:
when the main statement (or another WITH query) first reads its rows —
the slot `("cte", key)` of `ctx.worktables` holds a thunk until then —
and the ones nobody read run after the main statement, last one first, as
PostgreSQL's ExecPostprocessPlan runs `es_auxmodifytables` (a list built
by lcons). Foreign-key checks and actions of all parts run at the
statement's end (the session's `statement_end`), and so do the parts'
AFTER triggers (`AFTER_TRIGGERS`, in the order the parts finished), as
PostgreSQL fires the after-trigger queue once for the whole statement;
an error anywhere undoes the whole statement.
"""

from __future__ import annotations

from typing import Any

from twinning.passes.plan_select import CompiledQuery
from twinning.passes.plan_with import CompiledWith
from twinning.store.statement_snapshot import StatementSnapshot

__all__ = ["AFTER_TRIGGERS", "execute_with"]

# the slot of `ctx.worktables` where each part's AFTER triggers wait
# (`execute_triggers`) for the statement's end
AFTER_TRIGGERS = ("after triggers",)


def execute_with(plan: CompiledWith, txn: Any, seq: Any, ctx: Any,
                 rows: list | None, execute_write: Any
                 ) -> tuple[list[tuple], str]:
    """The main statement's rows and tag."""
    snapshot = StatementSnapshot(txn)
    slots = ctx.worktables
    saved = ctx.txn
    ctx.txn = snapshot

    def thunk(key: int, write: Any):
        def run() -> list[tuple]:
            returned, _ = execute_write(write, snapshot, seq, ctx)
            slots[("cte", key)] = returned
            return returned
        return run

    for key, write in plan.writes:
        slots[("cte", key)] = thunk(key, write)
    slots[AFTER_TRIGGERS] = after = []
    try:
        main = plan.main
        if isinstance(main, CompiledQuery):
            returned, tag = main.run(ctx), "SELECT"
        else:
            returned, tag = execute_write(main, snapshot, seq, ctx, rows)
        for key, _ in reversed(plan.writes):
            pending = slots[("cte", key)]
            if type(pending) is not list:
                pending()
    finally:
        ctx.txn = saved
        del slots[AFTER_TRIGGERS]
    for firing in after:
        firing.after()
    return returned, tag
