"""Writes to a table that has user triggers (CREATE TRIGGER).

`execute_write` hands a write here only when the statement's catalog has
triggers at all (one attribute test per statement) and this table has
some for the command; every other write never sees this module.

The order is PostgreSQL's (trigger.c): BEFORE STATEMENT triggers, then
per row the BEFORE ROW triggers in name order, each seeing the NEW row
the previous one returned (NULL skips the row: no write, no AFTER
triggers, not counted), the write itself, and once every row is written
the AFTER ROW triggers of each row in row order, then AFTER STATEMENT.
A trigger's WHEN is tested with the row's OLD/NEW values (for AFTER ROW
triggers, when the row event is queued, as PostgreSQL does). In a
statement with WITH queries each part's AFTER triggers wait for the whole
statement's end, in the order the parts finished (`execute_with`), as
PostgreSQL's after-trigger queue does.
"""

from __future__ import annotations

from typing import Any

from twinning import builtin_triggers
from twinning.deferred import deferred
from twinning.errors import FEATURE_NOT_SUPPORTED, SqlError
from twinning.execute_with import AFTER_TRIGGERS
from twinning.passes.builtin_triggers import BUILTIN_TRIGGERS
from twinning.ir import dml as d
from twinning.store import SequenceSession, Transaction

# PL/pgSQL's interpreter: a table with triggers is no cold start's
plpgsql_run = deferred("twinning.plpgsql_run", globals(), "plpgsql_run")

_BUILTIN = frozenset(BUILTIN_TRIGGERS.values())
_OPS = {d.ResolvedInsert: "insert", d.ResolvedUpdate: "update",
        d.ResolvedDelete: "delete", d.ResolvedTruncate: "truncate"}


def fire_write(plan: Any, txn: Transaction, seq: SequenceSession, ctx: Any,
               rows: list | None) -> tuple[list, str] | None:
    """The write with its triggers fired; None: no trigger of this table
    fires for this command."""
    resolved = plan.resolved
    if isinstance(resolved, d.ResolvedMerge):
        target = resolved.table
        if ctx.catalog.triggers_of(target):
            raise SqlError(FEATURE_NOT_SUPPORTED, "MERGE into a table with triggers is not "
                                         "supported by twinning")
        return None
    op = _OPS[type(resolved)]
    tables = resolved.tables if op == "truncate" else (resolved.table,)
    upsert = op == "insert" and resolved.on_conflict is not None
    triggers = [t for name in tables for t in ctx.catalog.triggers_of(name)
                if op in t.events or (upsert and "update" in t.events)]
    if not triggers:
        return None
    routines = ctx.routines
    if op == "truncate":
        return _truncate(plan, txn, ctx, triggers)
    table = ctx.catalog.table(resolved.table)
    firing = _Firing(routines, ctx, table, op, triggers, plan)
    firing.statement("before")
    if op == "insert":
        written = _insert(plan, txn, seq, ctx, rows, firing)
    elif op == "update":
        written = _update(plan, txn, seq, ctx, firing)
    else:
        written = _delete(plan, txn, ctx, firing)
    queue = ctx.worktables.get(AFTER_TRIGGERS)
    if queue is None:
        firing.after()
    else:  # a part of a statement with WITH queries: at its end
        queue.append(firing)
    returned = [tuple(fn(row, ctx) for fn in plan.returning)
                for row in written] if plan.returning else []
    count = len(written)
    tag = f"INSERT 0 {count}" if plan.tag == "INSERT" else \
        f"{plan.tag} {count}"
    return returned, tag


def copy_firing(ctx: Any, table: Any, triggers: list, plan: Any) -> "_Firing":
    """COPY FROM's triggers: BEFORE STATEMENT fired now; the copy runs
    the rows through the returned firing."""
    firing = _Firing(ctx.routines, ctx, table, "insert", triggers, plan)
    firing.statement("before")
    return firing


def _truncate(plan: Any, txn: Transaction, ctx: Any, triggers: list) -> tuple:
    resolved = plan.resolved
    by_table = {}
    for t in triggers:
        by_table.setdefault(t.table, []).append(t)
    firings = [_Firing(ctx.routines, ctx, ctx.catalog.table(name), "truncate",
                       found, plan) for name, found in by_table.items()]
    for firing in firings:
        firing.statement("before")
    notices = txn.truncate(list(resolved.tables),
                           restart_identity=resolved.restart_identity,
                           cascade=resolved.cascade)
    ctx.notices.extend(notices)
    for firing in firings:
        firing.statement("after")
    return [], plan.tag


class _Firing:
    """One statement's triggers of one table."""

    def __init__(self, routines: Any, ctx: Any, table: Any, op: str,
                 triggers: list, plan: Any) -> None:
        self.routines, self.ctx, self.table, self.op = routines, ctx, table, op
        self.triggers = triggers
        self.queue: list[tuple[Any, tuple | None, tuple | None]] = []
        self.updated: set[str] | None = None
        if op == "update":
            self.updated = {table.columns[slot].name
                            for slot, _ in plan.assignments}

    def _applies(self, trigger: Any) -> bool:
        return not trigger.columns or self.updated is None or \
            bool(self.updated.intersection(trigger.columns))

    def _call(self, trigger: Any, old: tuple | None, new: tuple | None
              ) -> tuple | None:
        fn = self.ctx.catalog.function_by_oid(trigger.function_oid)
        if fn is None and trigger.function_oid in _BUILTIN:
            return builtin_triggers.run(trigger.function_oid, trigger,
                                        self.op.upper(), self.table, old, new,
                                        self.updated)
        self.routines.depth += 1
        try:
            return plpgsql_run.call_trigger(self.routines, fn, trigger,
                                self.op.upper(), self.table, old, new)
        finally:
            self.routines.depth -= 1

    def statement(self, timing: str) -> None:
        for trigger in self.triggers:
            if not trigger.row and trigger.timing == timing and \
                    self._applies(trigger):
                self._call(trigger, None, None)

    def before_row(self, old: tuple | None, new: tuple | None
                   ) -> tuple | None:
        """The row to write after the BEFORE ROW triggers (None: skip)."""
        for trigger in self.triggers:
            if not trigger.row or trigger.timing != "before" or \
                    not self._applies(trigger):
                continue
            if trigger.when is not None and not self._when(trigger, old, new):
                continue
            returned = self._call(trigger, old, new)
            if returned is None:
                return None
            if self.op != "delete":
                new = returned
        return new if self.op != "delete" else old

    def row_written(self, old: tuple | None, new: tuple | None) -> None:
        for trigger in self.triggers:
            if trigger.row and trigger.timing == "after" and \
                    self._applies(trigger) and (
                        trigger.when is None or self._when(trigger, old, new)):
                self.queue.append((trigger, old, new))

    def after_rows(self) -> None:
        for trigger, old, new in self.queue:
            self._call(trigger, old, new)

    def after(self) -> None:
        """The AFTER ROW triggers of every row, then AFTER STATEMENT."""
        self.after_rows()
        self.statement("after")

    def _when(self, trigger: Any, old: tuple | None, new: tuple | None
              ) -> bool:
        routines = self.routines
        body = routines.compiled(_WhenKey(trigger), _when_body)
        frame = plpgsql_run.Frame(body, routines, None, trigger.name)
        columns = tuple((c.name, c_type(c)) for c in self.table.columns)
        row = plpgsql_run.Row
        frame.values["new"] = row(columns, new) if new is not None else None
        frame.values["old"] = row(columns, old) if old is not None else None
        value, _ = body.when.value(frame)
        return value is True


def c_type(column: Any) -> Any:
    from twinning.ir.query import ResultType
    return ResultType.of(column.type)


class _WhenKey:
    """A trigger's WHEN as a compiled-cache entry (`Routines.compiled`)."""

    def __init__(self, trigger: Any) -> None:
        self.oid = ("when", trigger.oid)
        self.trigger = trigger


def _when_body(key: _WhenKey, routines: Any) -> Any:
    """A trigger's WHEN compiled as a PL/pgSQL body of one expression
    (the class is made on first use, with plpgsql_run)."""
    if not _WHEN_BODY:
        class WhenBody(plpgsql_run.Body):
            def __init__(self, key: _WhenKey, routines: Any) -> None:
                super().__init__(None, routines,
                                 {"datums": [], "action": None})
                self.function = key  # what the cache compares
                self.records.update(("new", "old"))
                self.when = plpgsql_run.Expr(key.trigger.when, False)
        _WHEN_BODY.append(WhenBody)
    return _WHEN_BODY[0](key, routines)


_WHEN_BODY: list[type] = []


def _insert(plan: Any, txn: Transaction, seq: SequenceSession, ctx: Any,
            bound: list | None, firing: _Firing) -> list:
    from twinning.execute_write import _proposed, generate
    resolved = plan.resolved
    if resolved.on_conflict is not None:
        raise SqlError(FEATURE_NOT_SUPPORTED, "INSERT … ON CONFLICT into a table with "
                                     "triggers is not supported by twinning")
    written = []
    for new in list(_proposed(plan, resolved.slots, len(plan.defaults), txn,
                              seq, ctx, bound)):
        new = firing.before_row(None, new)
        if new is None:
            continue
        if plan.generated:  # computed after BEFORE triggers, as ExecInsert
            new = generate(plan.generated, new, ctx)
        txn.insert(resolved.table, new)
        written.append(new)
        firing.row_written(None, new)
    return written


def _update(plan: Any, txn: Transaction, seq: SequenceSession, ctx: Any,
            firing: _Firing) -> list:
    from twinning.execute_write import _assigned, _selected, generate
    table = plan.resolved.table
    width = len(plan.defaults)
    written = []
    for rid, old, source in _selected(plan, txn, ctx):
        new = _assigned(plan, old, source, txn, seq, ctx)
        if plan.generated:  # BEFORE triggers see NULL there, as on INSERT
            new = tuple(None if i in dict(plan.generated) else value
                        for i, value in enumerate(new))
        new = firing.before_row(old, new)
        if new is None:
            continue
        if plan.generated:
            new = generate(plan.generated, new, ctx)
        if txn.update(table, rid, new) is not None:
            written.append(new + source[width:])
            firing.row_written(old, new)
    return written


def _delete(plan: Any, txn: Transaction, ctx: Any, firing: _Firing) -> list:
    from twinning.execute_write import _selected
    table = plan.resolved.table
    written = []
    for rid, row, source in _selected(plan, txn, ctx):
        if firing.before_row(row, None) is None:
            continue
        if txn.delete(table, rid):
            written.append(source)
            firing.row_written(row, None)
    return written
