"""An aggregate call with WITHIN GROUP (or of an ordered-set aggregate's
name without it), typed as ParseFuncOrColumn and transformAggregateCall
type one: the direct arguments, then the WITHIN GROUP expressions, chosen
among `expr.ordered_set`'s candidates, the sort keys over the coerced
expressions, FILTER. The call becomes an `AggCall` with `within_group`,
its direct arguments checked with the level's grouped columns later
(`resolve_group`).
"""

from __future__ import annotations

from typing import Any

from twinning.ir import select as r
from twinning.ir import syntax as s
from twinning.passes.expr.aggregates import plain_candidates
from twinning.passes.expr.analyze import (resolve_expr, resolve_filter,
                                          resolve_target)
from twinning.passes.expr.ordered_set import (ORDERED_SET_NAMES,
                                              type_ordered_set)
from twinning.passes.expr.ordering import require_ordering
from twinning.passes.read_syntax import expr_location, sort_key
from twinning.passes import resolve_lateral as lateral

__all__ = ["ORDERED_SET_NAMES", "ordered_set_call"]


def ordered_set_call(node: s.FuncCall, level: Any, ctx: Any) -> r.TAggRef:
    """The aggregate hook's work for an ordered-set call (the placement
    checks are the caller's)."""
    name = node.name[-1]
    level.in_aggregate = True
    try:
        direct = [resolve_expr(a, level, ctx) for a in node.args]
        ordered = [resolve_target(o.expr, level, ctx) for o in node.order_by] \
            if node.within_group else []
        where = [getattr(o, "location", -1) for o in ordered]
        signature, direct, ordered, rtype = type_ordered_set(
            name, direct, ordered, node.within_group, node.location,
            plain_candidates(name), ctx)
        keys = []
        for expr, sort, at in zip(ordered, node.order_by, where):
            require_ordering(expr.type, at if at >= 0 else
                             expr_location(sort.expr))
            keys.append(sort_key(expr, sort))
        filt = resolve_filter(node.filter, level, ctx)
        lateral.check_aggregate_level(level, ordered, node.location)
    finally:
        level.in_aggregate = False
    level.aggregates.append(r.AggCall(signature, tuple(ordered), rtype,
                                      filter=filt, order_by=tuple(keys),
                                      within_group=True, direct=tuple(direct)))
    return r.TAggRef(len(level.aggregates) - 1, rtype, node.location)
