"""The planner's grouping sets (PostgreSQL's MixedAggregate): the input
read once, then per grouping set its groups by that set's keys, each row
the set's key values with NULL for the keys outside it, the aggregates
over the group, and the GROUPING() values of the set. An empty set is one
group of every row, so it gives a row even over no input.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from twinning.ir import select as r
from twinning.passes.polling import chunks

__all__ = ["grouping_set_rows"]


def grouping_bits(call: tuple[int, ...], members: tuple[int, ...]) -> int:
    """GROUPING(a, b, …): bit per argument, the first the highest, set
    when the argument's key is not in the current set."""
    value = 0
    for index in call:
        value = value << 1 | (index not in members)
    return value


def grouping_set_rows(node: r.Aggregate, source: Callable,
                      computes: list[Callable], grouping: Callable
                      ) -> Callable[[Any], Iterable[tuple]]:
    """fn(ctx) → the Aggregate's rows; `grouping(keys)` is the planner's
    group-by function maker (fn(rows, ctx) → (key values, rows) pairs)."""
    width = len(node.keys)
    plans = []
    for members in node.sets or ():
        group = grouping(tuple(node.keys[i] for i in members)) \
            if members else None
        bits = tuple(grouping_bits(call, members) for call in node.groupings)
        plans.append((members, group, bits))

    def aggregate_sets(ctx: Any) -> list[tuple]:
        rows = list(source(ctx))
        out: list[tuple] = []
        for members, group, bits in plans:
            if group is None:
                out.append((None,) * width +
                           tuple([c(rows, ctx) for c in computes]) + bits)
                continue
            for values, members_rows in (pair for block in chunks(
                    group(rows, ctx), ctx) for pair in block):
                full: list[Any] = [None] * width
                for i, v in zip(members, values):
                    full[i] = v
                out.append(tuple(full) + tuple(
                    [c(members_rows, ctx) for c in computes]) + bits)
        return out
    return aggregate_sets
