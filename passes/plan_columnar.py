"""GROUP BY over a table's columns instead of its rows.

A grouped aggregate whose input is a whole table, whose keys are columns
and whose aggregates each read one column (or none: count(*)) needs only
those columns. The committed row map keeps a columnar copy of each column
it is asked for (`RowMap.column`), so grouping walks one list of keys and
each aggregate picks its group's values out of one list by position, at C
speed, instead of visiting every row tuple once per aggregate: row tuples
lie all over memory, and those visits were most of the time.

It gives what the row path (plan_select's `_Aggregate`) gives, groups in
the same order of first appearance, and hands over to it whenever the
transaction has written the table or the table is small.
"""

from __future__ import annotations

from collections import defaultdict
from operator import itemgetter
from typing import Any, Callable, Iterable, Sequence

Rows = Callable[[Any], Iterable[tuple]]
# an aggregate: None for count(*), else (its column's slot, its fold)
Part = tuple[int, Callable[[Sequence], Any]] | None

# below this many rows the row path is as quick and builds no copies
MIN_ROWS = 2048


def columnar_aggregate(table: Any, key_slots: list[int], parts: list[Part],
                       zeros: tuple, fallback: Rows) -> Rows:
    """fn(ctx) → one row per group: the key values, the aggregates, then
    `zeros` (GROUPING() of a plain GROUP BY)."""
    one_key = len(key_slots) == 1

    def aggregate(ctx: Any) -> Iterable[tuple]:
        heap = ctx.txn.committed_rows(table)
        if heap is None or len(heap) < MIN_ROWS:
            return fallback(ctx)
        if one_key:
            keys: list = heap.column(key_slots[0])[0]
        else:
            keys = list(zip(*[heap.column(s)[0] for s in key_slots]))
        groups: defaultdict = defaultdict(list)
        for i, key in enumerate(keys):
            groups[key].append(i)
        ctx.check()
        columns = [None if part is None else heap.column(part[0])
                   for part in parts]
        out = []
        for key, positions in groups.items():
            pick = itemgetter(*positions) if len(positions) > 1 else \
                (lambda values, at=positions[0]: (values[at],))
            row = [key] if one_key else list(key)
            for part, column in zip(parts, columns):
                if part is None:
                    row.append(len(positions))
                    continue
                values, has_null = column
                picked = pick(values)
                if has_null:
                    picked = [v for v in picked if v is not None]
                row.append(part[1](picked))
            out.append(tuple(row) + zeros)
        return out
    return aggregate
