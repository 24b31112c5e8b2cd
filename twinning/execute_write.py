"""Executing a `CompiledWrite` against one store transaction.

INSERT builds each row from its VALUES closures and the column defaults
(sequence draws through the session's `SequenceSession`), checks an upsert's
proposed row (NOT NULL, CHECK: ExecInsert does before it looks for a
conflict), resolves ON CONFLICT against the arbiter indexes, and hands the
row to the store, which
enforces NOT NULL, CHECK and uniqueness at once and queues FK checks until
`statement_end()`. UPDATE and DELETE first collect the rows WHERE selects
(so a statement never sees its own changes), then apply them; a row
another transaction updated and committed meanwhile is re-checked in its
newest version (READ COMMITTED's EvalPlanQual: `RowMoved`). RETURNING is
evaluated over each row written. Returns RETURNING's rows and the command
tag (`INSERT 0 3`, `UPDATE 2`, …).
"""

from __future__ import annotations

import dataclasses
from itertools import chain, repeat
from operator import is_
from typing import Any

from twinning.errors import (
    SqlError, cardinality_violation, undefined_parameter,
)
from twinning import partition_writes
from twinning.execute_merge import default_value, execute_merge
from twinning.execute_with import execute_with
from twinning.ir import dml as d
from twinning.ir import query as q
from twinning.passes.plan_dml import CompiledWrite
from twinning.passes.plan_select import pinned_index
from twinning.passes.plan_with import CompiledWith
from twinning.passes.polling import chunks
from twinning.passes.template import DEFAULT
from twinning.store import RowMoved, SequenceSession, Transaction


def execute_write(plan: CompiledWrite, txn: Transaction, seq: SequenceSession,
                  ctx: Any, rows: list | None = None) -> tuple[list[tuple], str]:
    """RETURNING's rows and the tag; `rows`: an INSERT's VALUES rows bound
    by a plan template (values, `DEFAULT` markers) instead of its closures."""
    if type(plan) is CompiledWith:  # data-modifying WITH queries
        return execute_with(plan, txn, seq, ctx, rows, execute_write)
    resolved = plan.resolved
    if ctx.catalog.partition_keys:  # a partitioned table's writes are routed
        txn = partition_writes.routed(resolved, txn, ctx)
    if ctx.catalog.triggers:  # a catalog without triggers pays this test only
        fired = ctx.routines.fire_write(plan, txn, seq, ctx, rows)
        if fired is not None:
            return fired
    if isinstance(resolved, d.ResolvedTruncate):
        notices = txn.truncate(list(resolved.tables),
                               restart_identity=resolved.restart_identity,
                               cascade=resolved.cascade)
        ctx.notices.extend(notices)
        return [], plan.tag
    if isinstance(resolved, d.ResolvedMerge):
        return [], f"MERGE {execute_merge(plan, txn, seq, ctx)}"
    if isinstance(resolved, d.ResolvedInsert):
        written = _insert(plan, txn, seq, ctx, rows)
    else:
        run = _update if isinstance(resolved, d.ResolvedUpdate) else _delete
        written = run(plan, txn, seq, ctx)
    returned = [tuple(fn(row, ctx) for fn in plan.returning)
                for block in chunks(written, ctx) for row in block] \
        if plan.returning else []
    count = len(written)
    tag = f"INSERT 0 {count}" if plan.tag == "INSERT" else f"{plan.tag} {count}"
    return returned, tag


def missing_parameter(resolved: object, bound: int) -> SqlError:
    """42P02 for the first `$n` a simple-protocol write references without
    a value, at its position."""
    found: list = []

    def walk(node: Any) -> None:
        if isinstance(node, q.TParam):
            if node.number > bound:
                found.append(node)
        elif isinstance(node, (tuple, list)):
            for item in node:
                walk(item)
        elif dataclasses.is_dataclass(node):
            for f in dataclasses.fields(node):
                walk(getattr(node, f.name))

    walk(resolved)
    first = min(found, key=lambda p: (p.location < 0, p.location), default=None)
    number = first.number if first else bound + 1
    where = first.location if first else -1
    return undefined_parameter(f"there is no parameter ${number}",
                               position=where + 1 if where >= 0 else None)


def _insert(plan: CompiledWrite, txn: Transaction, seq: SequenceSession,
            ctx: Any, bound: list | None) -> list[tuple]:
    resolved: d.ResolvedInsert = plan.resolved  # type: ignore[assignment]
    table = resolved.table
    slots = resolved.slots
    width = len(plan.defaults)
    conflict = resolved.on_conflict
    written: list[tuple] = []
    if bound is None and plan.param_row is not None:
        params = ctx.params
        bound = [[v if (v := params[i]) is None or f is None else f(v)
                  for i, f in plan.param_row]]
    if conflict is None and bound is not None and len(bound) > 1 \
            and slots == tuple(range(width)) \
            and not any(map(is_, chain.from_iterable(bound), repeat(DEFAULT))):
        # a multi-row VALUES of every column: the store's block insert
        rows = list(map(tuple, bound))
        _, error = txn.insert_block(table, rows)
        if error is not None:
            raise error
        return rows
    proposed = _proposed(plan, slots, width, txn, seq, ctx, bound)
    if plan.generated:  # stored generated columns, from each row built
        proposed = (generate(plan.generated, row, ctx) for row in proposed)
    one = len(bound) == 1 if bound is not None else \
        plan.reads is None and len(plan.values or ((),)) == 1
    if conflict is None and one:
        new = next(proposed)  # one row: the store's single insert
        txn.insert(table, new)
        return [new]
    if conflict is None:  # the store's bulk insert, rows drawn as it goes
        def recorded():
            check = ctx.check
            for new in proposed:  # lazy (a serial draws as rows are
                written.append(new)  # reached): polled, not chunked
                if not len(written) & 1023:
                    check()
                yield new
        _, error = txn.insert_rows(table, recorded())
        if error is not None:
            raise error
        return written
    touched: set[int] = set()
    for n, new in enumerate(proposed, 1):
        if not n & 1023:
            ctx.check()
        if conflict is not None:
            txn.check(table, new)  # the proposed row first, as ExecInsert
            hit = txn.find_conflict(table, new, list(conflict.arbiters))
            if hit is not None:
                if conflict.action == "nothing":
                    continue
                updated = _upsert(plan, txn, seq, ctx, hit[1], new, touched)
                if updated is not None:
                    written.append(updated)
                continue
        rid = txn.insert(table, new)
        if conflict is not None:
            touched.add(rid)
        written.append(new)
    return written


def _proposed(plan: CompiledWrite, slots: tuple[int, ...], width: int,
              txn: Transaction, seq: SequenceSession, ctx: Any,
              bound: list | None):
    """Each row to insert, defaults filled in as it is reached (a serial
    draws per row). An INSERT … SELECT reads its query to the end first:
    it sees the table as it was before this statement."""
    if bound is not None:
        defaults = plan.defaults
        every = slots == tuple(range(width))
        for values in bound:
            if every and not any(map(is_, values, repeat(DEFAULT))):
                yield tuple(values)  # every column given, in order
                continue
            row: list[Any] = [DEFAULT] * width
            for slot, value in zip(slots, values):
                row[slot] = value
            for slot in range(width):
                if row[slot] is DEFAULT:
                    row[slot] = default_value(defaults[slot], seq, txn, ctx)
            yield tuple(row)
        return
    if plan.reads is not None:
        sources = [tuple(row) for row in plan.reads(ctx)]
        given = set(slots)
        for values in sources:
            row: list[Any] = [None] * width
            for slot, value in zip(slots, values):
                row[slot] = value
            for slot in range(width):
                if slot not in given:
                    row[slot] = default_value(plan.defaults[slot], seq, txn, ctx)
            yield tuple(row)
        return
    # VALUES items first, every row: PostgreSQL reads its literals during
    # parse analysis (a settings-dependent input function: `at_analysis`),
    # then folds the rest when planning, before any row or default exists
    rows = plan.values or ((),)
    early = {(i, j): rows[i][j]((), ctx) for i, j in plan.early}
    if early:
        given = [[(slot, early[i, j] if (i, j) in early else fn((), ctx))
                  for j, (slot, fn) in enumerate(zip(slots, fns))
                  if fn is not None] for i, fns in enumerate(rows)]
    else:
        given = [[(slot, fn((), ctx)) for slot, fn in layout[0]]
                 for block in chunks(plan.layouts, ctx, 16) for layout in block]
    defaults = plan.defaults
    for items, (_, defaulted) in zip(given, plan.layouts):
        row = [None] * width
        for slot, value in items:
            row[slot] = value
        for slot in defaulted:
            row[slot] = default_value(defaults[slot], seq, txn, ctx)
        yield tuple(row)


def _upsert(plan: CompiledWrite, txn: Transaction, seq: SequenceSession, ctx: Any,
            rid: int, proposed: tuple, touched: set[int]) -> tuple | None:
    """ON CONFLICT DO UPDATE of the existing row `rid`."""
    table = plan.resolved.table
    # None: a row another part of the statement wrote (`execute_with`)
    existing = None if rid in touched else txn.get(table, rid)
    if existing is None:
        raise cardinality_violation("ON CONFLICT DO UPDATE command cannot affect "
                                    "row a second time",
                                    hint="Ensure that no rows proposed for insertion within "
                                    "the same command have duplicate constrained values.")
    both = existing + proposed
    if plan.conflict_where is not None and plan.conflict_where(both, ctx) is not True:
        return None
    new = _assigned(plan, existing, both, txn, seq, ctx)
    new_rid = txn.update(table, rid, new)
    touched.add(new_rid if new_rid is not None else rid)
    return new


def _assigned(plan: CompiledWrite, row: tuple, source: tuple, txn: Transaction,
              seq: SequenceSession, ctx: Any) -> tuple:
    """`row` with the SET assignments applied; values read `source` (the
    old row, or the existing row followed by EXCLUDED for an upsert)."""
    out = list(row)
    for slot, fn in plan.assignments:
        if fn is None:
            out[slot] = default_value(plan.defaults[slot], seq, txn, ctx)
        else:
            out[slot] = fn(source, ctx)
    if plan.generated:
        return generate(plan.generated, out, ctx)
    return tuple(out)


def generate(generated: tuple, row: Any, ctx: Any) -> tuple:
    """`row` with its stored generated columns computed from it (none
    reads another, so their order does not matter)."""
    out = list(row)
    for slot, fn in generated:
        out[slot] = fn(row, ctx)
    return tuple(out)


def _selected(plan: CompiledWrite, txn: Transaction, ctx: Any
              ) -> list[tuple[int, tuple, tuple]]:
    """(row id, row, the row the statement's expressions read) of every
    target row WHERE keeps, collected before anything is written. With
    FROM/USING items that row is the target row followed by the first
    items' row the WHERE accepts (PostgreSQL joins, and a target row is
    changed once whatever else matches)."""
    where = plan.where
    rows = _candidates(plan, txn, ctx)
    if plan.reads is not None:
        joined = plan.reads(ctx)
        out = []
        for rid, row in (pair for block in chunks(rows, ctx) for pair in block):
            for extra in joined:
                both = row + extra
                if where is None or where(both, ctx) is True:
                    out.append((rid, row, both))
                    break
        return out
    if where is None:
        return [(rid, row, row) for rid, row in rows]
    return [(rid, row, row) for block in chunks(rows, ctx)
            for rid, row in block if where(row, ctx) is True]


def _candidates(plan: CompiledWrite, txn: Transaction, ctx: Any) -> list:
    """(row id, row) of the rows WHERE may keep: an index lookup when WHERE
    pins every column of an index to a constant, else every row."""
    table = plan.resolved.table
    if plan.pinned:
        pinned = dict(plan.pinned)
        info = ctx.catalog.table(table)
        chosen = pinned_index(pinned, [c.name for c in info.columns],
                              ctx.catalog.indexes_of(table))
        if chosen is not None:
            index, slots = chosen
            key = [pinned[slot]((), ctx) for slot in slots]
            if None in key:
                return []
            return txn.lookup(table, index.name.name, key)
    return list(txn.scan(table))


def _update(plan: CompiledWrite, txn: Transaction, seq: SequenceSession,
            ctx: Any) -> list[tuple]:
    table = plan.resolved.table
    width = len(plan.defaults)
    follow = plan.reads is None  # EvalPlanQual of the one table's row
    written = []
    for rid, old, source in (item for block in chunks(
            _selected(plan, txn, ctx), ctx) for item in block):
        while True:
            new = _assigned(plan, old, source, txn, seq, ctx)
            try:
                if txn.update(table, rid, new, follow) is not None:
                    written.append(new + source[width:])  # RETURNING sees FROM too
                break
            except RowMoved as moved:  # READ COMMITTED: its newest version
                if not _still_selected(plan, moved, ctx):
                    break
                rid, old = moved.rid, moved.row
                source = old
    return written


def _delete(plan: CompiledWrite, txn: Transaction, seq: SequenceSession,
            ctx: Any) -> list[tuple]:
    table = plan.resolved.table
    follow = plan.reads is None
    written = []
    for rid, row, source in (item for block in chunks(
            _selected(plan, txn, ctx), ctx) for item in block):
        while True:
            try:
                if txn.delete(table, rid, follow):
                    written.append(source)
                break
            except RowMoved as moved:
                if not _still_selected(plan, moved, ctx):
                    break
                rid, source = moved.rid, moved.row
    return written


def _still_selected(plan: CompiledWrite, moved: RowMoved, ctx: Any) -> bool:
    """EvalPlanQual's re-check: does WHERE still hold for the newest
    version of a row another transaction updated (False: it deleted it)?"""
    if moved.rid is None:
        return False
    return plan.where is None or plan.where(moved.row, ctx) is True
