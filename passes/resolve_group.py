"""The ungrouped-column check of a grouped query level and the rewrite
of its post-aggregation expressions (PostgreSQL's parseCheckAggregates /
check_ungrouped_columns), split from `resolve_select`: `Regrouper` checks
the target list, HAVING and window expressions against the GROUP BY keys
and re-points them at the Aggregate's row (keys, then aggregate results).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable

from twinning.errors import GROUPING_ERROR, SqlError, grouping_error
from twinning.ir import query as q
from twinning.ir import select as r
from twinning.passes.expr.analyze import pos
from twinning.passes.expr.walk import children

__all__ = ["Regrouper", "contains_aggregate", "agg_location"]


class Regrouper:
    """PostgreSQL's check_ungrouped_columns and the rewrite of post-
    aggregation expressions over the Aggregate's row (keys, then
    aggregate results). A column not grouped is allowed when its table's
    primary key is grouped (check_functional_grouping); it then rides
    along as an extra key."""

    def __init__(self, keys: list[Any], level: Any,
                 common: list[Any] | None = None) -> None:
        self.keys = list(keys)
        self.level = level
        # the keys of every grouping set: only they make a column
        # functionally dependent (gset_common)
        self.common = list(self.keys if common is None else common)
        self.grouping_base = 0  # the first GROUPING() column

    def check(self, exprs: Iterable[Any]) -> None:
        for expr in exprs:
            self._check(expr)

    def _check(self, expr: Any) -> None:
        if any(expr == k for k in self.keys):
            return
        if isinstance(expr, r.TAggRef):
            self._check_direct(self.level.aggregates[expr.index].direct)
            return
        if isinstance(expr, r.TGroupingRef):
            return
        if isinstance(expr, q.TColumn):
            if self._functionally_grouped(expr):
                self.keys.append(expr)
                self.common.append(expr)
                return
            owner = self._owner(expr)
            raise grouping_error(f'column "{owner}.{expr.name}" must appear '
                                 "in the GROUP BY clause or be used in an aggregate "
                                 "function", position=pos(expr.location))
        if isinstance(expr, r.TSubquery):
            for ref in _grouped_level_refs(expr.relation, 1):
                if self._key_slot(ref.slot) is not None:
                    continue
                column = q.TColumn(ref.slot, ref.name, ref.type, ref.location)
                if self._functionally_grouped(column):
                    self.keys.append(column)
                    self.common.append(column)
                    continue
                raise grouping_error("subquery uses ungrouped column "
                                     f'"{self._owner(column)}.{ref.name}" from outer '
                                     "query", position=pos(ref.location))
            if expr.test is not None:
                self._check(expr.test)
            return
        for child in children(expr):
            self._check(child)

    def _check_direct(self, direct: tuple) -> None:
        """An ordered-set aggregate's direct arguments: grouped columns
        only, as PostgreSQL's check says in its DETAIL."""
        try:
            self.check(direct)
        except SqlError as error:
            if error.sqlstate == GROUPING_ERROR and error.detail is None:
                error.detail = ("Direct arguments of an ordered-set "
                                "aggregate must use only grouped columns.")
            raise

    def _key_slot(self, slot: int) -> int | None:
        return next((i for i, k in enumerate(self.keys)
                     if isinstance(k, q.TColumn) and k.slot == slot), None)

    def _owner(self, column: q.TColumn) -> str:
        for entry in self.level.rtable:
            if entry.is_join:
                continue
            for e in entry.exprs:
                if isinstance(e, q.TColumn) and e.slot == column.slot:
                    return entry.refname
        return "?"

    def _functionally_grouped(self, column: q.TColumn) -> bool:
        for entry in self.level.rtable:
            table = entry.catalog_table
            if table is None or entry.is_join:
                continue
            slots = {e.slot: n for e, n in zip(entry.exprs, entry.names)
                     if isinstance(e, q.TColumn)}
            if column.slot not in slots:
                continue
            pk = table.primary_key if hasattr(table, "primary_key") else None
            if pk is None:
                return False
            real = {c.name: i for i, c in enumerate(table.columns)}
            wanted = {entry.exprs[real[c]].slot for c in pk.columns}
            grouped = {k.slot for k in self.common
                       if isinstance(k, q.TColumn)}
            return wanted <= grouped
        return False

    def rewrite(self, expr: Any, nkeys: int) -> Any:
        for i, k in enumerate(self.keys):
            if expr == k:
                return q.TColumn(i, getattr(k, "name", f"key{i}"), k.type,
                                 getattr(expr, "location", -1))
        if isinstance(expr, r.TAggRef):
            return q.TColumn(nkeys + expr.index, f"agg{expr.index}",
                             expr.type, expr.location)
        if isinstance(expr, r.TGroupingRef):
            return q.TColumn(self.grouping_base + expr.index,
                             f"grouping{expr.index}", expr.type, expr.location)
        if isinstance(expr, r.TSubquery):
            relation = _regroup_refs(expr.relation, 1, self._key_slot,
                                     self.grouping_base)
            test = self.rewrite(expr.test, nkeys) if expr.test is not None \
                else None
            return dataclasses.replace(expr, relation=relation, test=test)
        if isinstance(expr, tuple):
            return tuple(self.rewrite(e, nkeys) for e in expr)
        if dataclasses.is_dataclass(expr) and not isinstance(
                expr, (q.ResultType, q.TLiteral, q.TParam, r.TOuter)):
            changes = {f.name: self.rewrite(getattr(expr, f.name), nkeys)
                       for f in dataclasses.fields(expr)}
            return dataclasses.replace(expr, **changes)
        return expr


def _grouped_level_refs(node: Any, nesting: int) -> list[r.TOuter]:
    """The references a subquery makes to the query level it sits in."""
    if isinstance(node, r.TOuter):
        return [node] if node.depth == nesting else []
    if isinstance(node, r.TSubquery):
        return (_grouped_level_refs(node.relation, nesting + 1) +
                _grouped_level_refs(node.test, nesting))
    if isinstance(node, r.Join) and node.lateral:  # its right side: a frame
        return (_grouped_level_refs(node.left, nesting) +
                _grouped_level_refs(node.right, nesting + 1) +
                _grouped_level_refs(node.condition, nesting))
    found: list[r.TOuter] = []
    for child in children(node):
        found.extend(_grouped_level_refs(child, nesting))
    return found


def _regroup_refs(node: Any, nesting: int, key_slot, base: int) -> Any:
    """Those references re-pointed at the grouped row's key columns (and
    the level's GROUPING() calls inside at its GROUPING() columns, which
    start at `base`)."""
    if isinstance(node, r.TOuter):
        if node.depth == nesting:
            return dataclasses.replace(node, slot=key_slot(node.slot))
        return node
    if isinstance(node, r.TOuterGrouping) and node.depth == nesting:
        return r.TOuter(nesting, base + node.index, "grouping", node.type,
                        node.location)
    if isinstance(node, r.TSubquery):
        return dataclasses.replace(
            node, relation=_regroup_refs(node.relation, nesting + 1, key_slot,
                                         base),
            test=_regroup_refs(node.test, nesting, key_slot, base))
    if isinstance(node, r.Join) and node.lateral:  # its right side: a frame
        return dataclasses.replace(
            node, left=_regroup_refs(node.left, nesting, key_slot, base),
            right=_regroup_refs(node.right, nesting + 1, key_slot, base),
            condition=_regroup_refs(node.condition, nesting, key_slot, base))
    if isinstance(node, tuple):
        return tuple(_regroup_refs(n, nesting, key_slot, base) for n in node)
    if dataclasses.is_dataclass(node) and not isinstance(
            node, (q.ResultType, q.TLiteral, q.TParam)):
        return dataclasses.replace(node, **{
            f.name: _regroup_refs(getattr(node, f.name), nesting, key_slot,
                                  base)
            for f in dataclasses.fields(node)})
    return node


def contains_aggregate(expr: Any) -> bool:
    if isinstance(expr, r.TAggRef):
        return True
    return any(contains_aggregate(c) for c in children(expr)
               if not isinstance(c, r.TSubquery))


def agg_location(expr: Any) -> int:
    if isinstance(expr, r.TAggRef):
        return expr.location
    for child in children(expr):
        if contains_aggregate(child):
            return agg_location(child)
    return -1
