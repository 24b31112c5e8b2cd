"""Executing MERGE (a `CompiledWrite` from `plan_dml._merge`).

PostgreSQL 15's ExecMerge over the join of the source and the target: for
each source row, the target rows the join condition accepts, read from the
statement's snapshot (rows this statement writes are never joined, and
conditions and values read the old target row). A matched pair takes the
first MATCHED clause whose condition holds; a source row without a match
the first NOT MATCHED clause (its expressions see a NULL target row). A
target row acted on a second time (UPDATE or DELETE; DO NOTHING does not
count) is 21000, as ExecMergeMatched's TM_SelfModified. Constraint checks
are the store's, row by row; FK checks wait for the statement's end as for
any write. Returns the count of rows inserted, updated and deleted.
"""

from __future__ import annotations

from typing import Any

from twinning.errors import cardinality_violation
from twinning.ir import dml as d
from twinning.store import SequenceSession, Transaction


def default_value(value: Any, seq: SequenceSession, txn: Transaction, ctx: Any) -> Any:
    """A column's default for a new row: nextval for a serial's, else the
    compiled expression (INSERT, MERGE's INSERT and COPY share it)."""
    if value is None:
        return None
    if isinstance(value, d.SequenceDefault):
        return seq.nextval(value.sequence, txn)
    return value((), ctx)


def execute_merge(plan: Any, txn: Transaction, seq: SequenceSession,
                  ctx: Any) -> int:
    table = plan.resolved.table
    defaults = plan.defaults
    width = len(defaults)
    on = plan.where
    matched = [a for a in plan.merge if a[0]]
    unmatched = [a for a in plan.merge if not a[0]]
    sources = [tuple(row) for row in plan.reads(ctx)]
    targets = list(txn.scan(table)) if matched or unmatched else []
    check = getattr(ctx, "check", None)
    nulls = (None,) * width
    touched: set = set()
    count = 0
    candidates = _candidates(plan.join_keys, targets)
    for source in sources:
        found = False
        for rid, row in candidates(source):
            both = row + source
            if on(both, ctx) is not True:
                continue
            found = True
            count += _matched(matched, table, rid, row, both, touched,
                              defaults, txn, seq, ctx, plan.generated)
        if not found:
            count += _not_matched(unmatched, table, nulls + source, width,
                                  defaults, txn, seq, ctx, plan.generated)
        if check is not None:
            check()
    return count


def _candidates(keys: tuple, targets: list) -> Any:
    """The target rows a source row may match: those with its key under
    the ON condition's column equalities (in scan order), or all."""
    if not keys:
        return lambda source: targets
    target_key, source_key = keys
    buckets: dict = {}
    for pair in targets:
        key = target_key(pair[1])
        if key is not None:
            buckets.setdefault(key, []).append(pair)

    def find(source: tuple) -> list:
        key = source_key(source)
        return buckets.get(key, ()) if key is not None else ()
    return find


def _generate(generated: tuple, new: list, ctx: Any) -> list:
    """The stored generated columns computed from the new row."""
    if generated:
        row = tuple(new)
        for slot, fn in generated:
            new[slot] = fn(row, ctx)
    return new


def _holds(condition: Any, row: tuple, ctx: Any) -> bool:
    return condition is None or condition(row, ctx) is True


def _matched(actions: list, table: Any, rid: Any, old: tuple, both: tuple,
             touched: set, defaults: tuple, txn: Transaction,
             seq: SequenceSession, ctx: Any, generated: tuple = ()) -> int:
    for _, action, condition, _, assignments in actions:
        if not _holds(condition, both, ctx):
            continue
        if action == "nothing":
            return 0
        if rid in touched:
            raise cardinality_violation("MERGE command cannot affect row a second "
                                        "time", hint="Ensure that not more than one source "
                                        "row matches any one target row.")
        touched.add(rid)
        if action == "delete":
            return 1 if txn.delete(table, rid) else 0
        new = list(old)
        for slot, fn in assignments:
            new[slot] = default_value(defaults[slot], seq, txn, ctx) if fn is None \
                else fn(both, ctx)
        new = _generate(generated, new, ctx)
        return 1 if txn.update(table, rid, tuple(new)) is not None else 0
    return 0


def _not_matched(actions: list, table: Any, row: tuple, width: int,
                 defaults: tuple, txn: Transaction, seq: SequenceSession,
                 ctx: Any, generated: tuple = ()) -> int:
    for _, action, condition, values, _ in actions:
        if not _holds(condition, row, ctx):
            continue
        if action == "nothing":
            return 0
        given = dict(values)
        new = []
        for slot in range(width):  # the target list, in column order
            fn = given.get(slot)
            new.append(default_value(defaults[slot], seq, txn, ctx) if fn is None
                       else fn(row, ctx))
        txn.insert(table, tuple(_generate(generated, new, ctx)))
        return 1
    return 0
