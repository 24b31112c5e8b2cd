"""GROUP BY's grouping sets and GROUPING(), as PostgreSQL's parse analysis
has them (transformGroupClause, transformGroupingSet, expand_grouping_sets,
transformGroupingFunc, finalize_grouping_exprs).

`parse_select` has already flattened the clause (`ir.select.GroupingSet`).
Here each expression is matched to the target list like any GROUP BY item
(the caller's `resolve_item`), and ROLLUP, CUBE and GROUPING SETS expand
into the cartesian product of their sets: every set is a tuple of target
indices, duplicates inside a set dropped, duplicate sets kept (they give
duplicate rows) unless GROUP BY DISTINCT. The Aggregate then computes each
set's groups, its keys outside the set NULL.

GROUPING(a, b) is typed over the level like an aggregate would be and
stands as a `TGroupingRef` until the Aggregate exists; then its arguments
must be GROUP BY expressions, and it becomes a column of the Aggregate's
row: the bits of the arguments the current set leaves out.
"""

from __future__ import annotations

from itertools import product
from typing import Any, Callable, Sequence

from twinning.errors import (
    feature_not_supported, grouping_error, statement_too_complex,
    too_many_arguments, too_many_columns,
)
from twinning.ir import query as q
from twinning.ir import select as r
from twinning.ir import syntax as s
from twinning.passes.expr.analyze import pos, resolve_expr

__all__ = ["group_clause", "grouping_call", "grouping_keys", "common_keys"]

MAX_SETS = 4096  # expand_grouping_sets' limit in parseCheckAggregates
MAX_CUBE = 12
MAX_GROUPING_ARGS = 31

Sets = list[tuple[int, ...]]


def group_clause(items: Sequence[Any], distinct: bool,
                 resolve_item: Callable[[s.Expr], int]
                 ) -> tuple[list[int], Sets | None]:
    """(the grouped target indices in order of appearance, the expanded
    grouping sets or None for a plain GROUP BY)."""
    order: list[int] = []

    def item(expr: s.Expr) -> int:
        index = resolve_item(expr)
        if index not in order:
            order.append(index)
        return index

    if not any(isinstance(i, r.GroupingSet) for i in items):
        for expr in items:
            item(expr)
        return order, None
    typed = [_typed(node, item) if isinstance(node, r.GroupingSet)
             else ("simple", (item(node),)) for node in items]
    factors: list[Sets] = []
    count = 1
    for node in typed:
        factor = _expand(node)
        factors.append(factor)
        count *= len(factor)
        if count > MAX_SETS:
            raise statement_too_complex("too many grouping sets present "
                                        f"(maximum {MAX_SETS})")
    sets = [tuple(dict.fromkeys(i for part in combo for i in part))
            for combo in product(*factors)]
    if distinct:
        unique = dict.fromkeys(tuple(sorted(x)) for x in sets)
        sets = list(unique)
    if len(sets) == 1 and sets[0]:
        return order, None  # one non-empty set: a plain GROUP BY
    return order, sets


def _typed(node: r.GroupingSet, item: Callable[[s.Expr], int]) -> Any:
    """transformGroupingSet: the set with its expressions as target
    indices, CUBE's size checked."""
    if node.kind == "simple":
        return ("simple", tuple(item(e) for e in node.content))
    if node.kind == "empty":
        return ("simple", ())
    content = [_typed(c, item) for c in node.content]
    if node.kind == "cube" and len(content) > MAX_CUBE:
        raise too_many_columns(f"CUBE is limited to {MAX_CUBE} elements",
                               position=pos(node.location))
    return (node.kind, content)


def _expand(node: Any) -> Sets:
    """expand_groupingset_node, in PostgreSQL's order."""
    kind, content = node
    if kind == "simple":
        return [content]
    if kind == "rollup":
        parts = [c[1] for c in content]
        return [tuple(i for p in parts[:n] for i in p)
                for n in range(len(parts), 0, -1)] + [()]
    if kind == "cube":
        parts = [c[1] for c in content]
        return [tuple(i for bit, p in enumerate(parts) if mask >> bit & 1
                      for i in p) for mask in range(1 << len(parts))]
    return [x for c in content for x in _expand(c)]  # sets


def common_keys(sets: Sets | None, groups: list[int]) -> list[int]:
    """The target indices in every set (gset_common), which alone make
    other columns functionally dependent."""
    if sets is None:
        return list(groups)
    common = set(sets[0])
    for x in sets[1:]:
        common &= set(x)
    return [g for g in groups if g in common]


def grouping_call(node: s.Grouping, level: Any, ctx: Any) -> Any:
    """transformGroupingFunc: placement checked, arguments typed over the
    level; the call waits as a `TGroupingRef` for the Aggregate."""
    if len(node.args) > MAX_GROUPING_ARGS:
        raise too_many_arguments("GROUPING must have fewer than 32 arguments",
                                 position=pos(node.location))
    args = tuple(resolve_expr(a, level, ctx) for a in node.args)
    depth = _levels_up(args)
    owner = level
    for _ in range(depth):  # the level the arguments belong to
        if owner is None or not getattr(owner, "via_sublink", False):
            raise feature_not_supported("GROUPING() of an outer query level "
                                        "here", pos(node.location))
        owner = owner.parent
    groupings = getattr(owner, "groupings", None)
    if groupings is None:  # a write statement's clauses
        if ctx.kind in ("UPDATE", "INSERT", "DELETE", "MERGE"):
            raise grouping_error("grouping operations are not allowed in "
                                 f"{ctx.kind}", position=pos(node.location))
        raise feature_not_supported("GROUPING() here", pos(node.location))
    clause = owner.agg_clause
    if clause is not None:
        raise grouping_error(f"grouping operations are not allowed in "
                             f"{clause}", position=pos(node.location))
    if owner.in_aggregate:
        raise grouping_error("aggregate function calls cannot be nested",
                             position=pos(node.location))
    if depth:
        groupings.append(tuple(_at_owner(a, depth) for a in args))
        return r.TOuterGrouping(depth, len(groupings) - 1, q.INT4,
                                node.location)
    groupings.append(args)
    return r.TGroupingRef(len(groupings) - 1, q.INT4, node.location)


def _levels_up(args: Sequence[Any]) -> int:
    """The query level GROUPING() belongs to (its agglevelsup): that of
    its arguments' innermost columns, when all of them are outer ones."""
    depths = {a.depth for a in args if isinstance(a, r.TOuter)}
    if len(depths) != 1 or not all(isinstance(a, r.TOuter) for a in args):
        return 0
    return depths.pop()


def _at_owner(arg: r.TOuter, depth: int) -> Any:
    """An outer reference as its own level reads it."""
    return q.TColumn(arg.slot, arg.name, arg.type, arg.location)


def grouping_keys(calls: Sequence[tuple[Any, ...]], keys: Sequence[Any]
                  ) -> tuple[tuple[int, ...], ...]:
    """finalize_grouping_exprs: each GROUPING call's arguments as indices
    of the GROUP BY keys (42803 for an argument that is not one)."""
    out = []
    for args in calls:
        found = []
        for arg in args:
            index = next((i for i, k in enumerate(keys) if k == arg), None)
            if index is None:
                raise grouping_error("arguments to GROUPING must be "
                                     "grouping expressions of the associated query "
                                     "level", position=pos(getattr(arg, "location",
                                                                   -1)))
            found.append(index)
        out.append(tuple(found))
    return tuple(out)
