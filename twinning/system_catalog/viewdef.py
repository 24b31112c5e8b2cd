"""A view's query as the catalog shows it: pg_get_viewdef, and whether
the view is automatically updatable (information_schema's is_updatable,
is_insertable_into).

pg_get_viewdef prints ruleutils' get_query_def (PostgreSQL 15) with
PRETTYFLAG_INDENT, plus PRETTYFLAG_PAREN when `pretty`:

     SELECT t.id,
        t.data
       FROM t
      WHERE (t.id > 1);

Column references are qualified by their range-table name, `*` is
expanded to the columns the view was made with, an output whose name is
not its column's gets `AS name`, and the relation is schema-qualified when
the session's search path does not find it. The twin prints this shape:
one SELECT over one relation, with its target list (plain aggregates
included), WHERE, GROUP BY, HAVING, ORDER BY, LIMIT and OFFSET. A view
whose query has more (joins, subqueries, DISTINCT, set operations, WITH,
aggregates with FILTER/ORDER BY/DISTINCT …) is refused by name (0A000)
rather than printed differently from PostgreSQL.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from twinning.errors import SqlError, feature_not_supported
from twinning.ir import query as q
from twinning.ir import select as r
from twinning.ir import syntax as s
from twinning.ir.catalog import View
from twinning.passes.expr.analyze import (TypingContext, coerce_to_boolean,
                                          coerce_to_type, resolve_expr)
from twinning.passes.expr.aggregates import AGGREGATE_NAMES, type_aggregate
from twinning.passes.expr.scope import TableScope
from twinning.system_catalog.deparse import Printer, keyword_call
from twinning.system_catalog.names import quote_ident
from twinning.system_catalog.oids import OidMap
from twinning.system_catalog.regnames import regclass_text

__all__ = ["view_def", "updatable"]


@dataclasses.dataclass(frozen=True, slots=True)
class AggregateCall(q.TCall):
    """An aggregate call as ruleutils prints it (`count(*)` for star)."""

    star: bool = False


class _Unprintable(Exception):
    """A construct the view printer does not print."""


class _Qualified(Printer):
    """get_rule_expr() with column references qualified by `refname`."""

    def __init__(self, m: OidMap, session: Any, pretty: bool,
                 refname: str) -> None:
        super().__init__(m, session, pretty)
        self.refname = quote_ident(refname)

    def _TColumn(self, node: Any, showimplicit: bool) -> str:
        return f"{self.refname}.{quote_ident(node.name)}"

    def expr(self, node: Any, showimplicit: bool = False) -> str:
        if not hasattr(self, "_" + type(node).__name__):
            raise _Unprintable()
        return super().expr(node, showimplicit)

    def _AggregateCall(self, node: AggregateCall, showimplicit: bool) -> str:
        if node.star:
            return "count(*)"
        return self._TCall(node, showimplicit)


def _aggregate(node: s.FuncCall, scope: Any, ctx: TypingContext) -> Any:
    """The typing context's aggregate hook: the call as a printable node."""
    if node.filter is not None or node.order_by or node.distinct:
        raise _Unprintable()
    args = [] if node.star else [resolve_expr(a, scope, ctx) for a in node.args]
    signature, targets, rtype = type_aggregate(node.name[-1], args, node.star,
                                               node.location)
    args = [coerce_to_type(a, t, ctx) for a, t in zip(args, targets)]
    return AggregateCall(signature, tuple(args), rtype, node.location, node.star)


def _single_relation(view: View) -> r.TableRef | None:
    """The one relation of a `SELECT … FROM rel …` without DISTINCT, WITH
    or set operations."""
    query, body = view.query, view.query.body
    if not isinstance(body, r.SelectCore) or query.with_ \
            or body.distinct is not None or len(body.from_) != 1:
        return None
    ref = body.from_[0]
    if not isinstance(ref, r.TableRef) or ref.column_aliases:
        return None
    return ref


def view_def(m: OidMap, view: View, session: Any, pretty: bool) -> str:
    """pg_get_viewdef(oid[, pretty])."""
    ref = _single_relation(view)
    relation = None if ref is None else _relation(m, view, ref)
    try:
        if relation is None:
            raise _Unprintable()
        return _print(m, view, ref, relation, session, pretty)
    except _Unprintable:
        raise feature_not_supported(
            f'pg_get_viewdef of view "{view.name.name}" (the twin prints a '
            "SELECT from one relation, without joins, subqueries, "
            "DISTINCT or grouping sets)") from None


def _print(m: OidMap, view: View, ref: r.TableRef, relation: Any,
           session: Any, pretty: bool) -> str:
    query = view.query
    body = query.body
    refname = ref.alias or relation.name.name
    printer = _Qualified(m, session, pretty, refname)
    scope = TableScope(relation, ref.alias)
    ctx = TypingContext(allow_params=False, sql_value=keyword_call,
                        search_path=view.search_path, aggregate=_aggregate)

    def typed(expr: Any) -> Any:
        if _has_subquery(expr) or _contains(expr, lambda e: isinstance(
                e, (s.Row, s.FieldSelect))):
            raise _Unprintable()
        try:
            return resolve_expr(expr, scope, ctx)
        except SqlError:  # a whole-row reference: not printed
            raise _Unprintable() from None
    if body.group_distinct or any(isinstance(e, r.GroupingSet)
                                  for e in body.group_by) or any(
            _contains(t.expr, lambda e: isinstance(e, s.Grouping))
            for t in body.targets):
        raise _Unprintable()  # grouping sets and GROUPING()
    outputs = iter(view.columns)
    items = []
    for target in view.query.body.targets:
        expr = target.expr
        if isinstance(expr, s.ColumnRef) and expr.star:
            for column in relation.columns:
                items.append(_item(f"{printer.refname}.{quote_ident(column.name)}",
                                   column.name, next(outputs).name))
            continue
        text = printer.text(typed(expr))
        own = expr.parts[-1] if isinstance(expr, s.ColumnRef) else None
        items.append(_item(text, own, next(outputs).name))
    out = " SELECT " + ",\n    ".join(items)
    name = regclass_text(m, m.relations[relation.name], session)
    out += f"\n   FROM {name}"
    if ref.alias is not None:
        out += f" {quote_ident(ref.alias)}"
    if body.where is not None:
        where = coerce_to_boolean(typed(body.where), "WHERE", ctx)
        out += "\n  WHERE " + printer.text(where)
    if body.group_by:
        out += "\n  GROUP BY " + ", ".join(
            _group_item(printer, typed(_output(e, body))) for e in body.group_by)
    if body.having is not None:
        having = coerce_to_boolean(typed(body.having), "HAVING", ctx)
        out += "\n HAVING " + printer.text(having)
    if query.order_by:
        out += "\n  ORDER BY " + ", ".join(
            _sort(printer, typed(_output(sort.expr, body)), sort)
            for sort in query.order_by)
    if query.offset is not None:
        out += "\n OFFSET " + printer.text(typed(query.offset))
    if query.limit is not None:
        out += "\n LIMIT " + printer.text(typed(query.limit))
    return out + ";"


def _output(expr: Any, body: r.SelectCore) -> Any:
    """An ORDER BY / GROUP BY item: an output position or name stands for
    that target's expression."""
    if isinstance(expr, s.Literal) and expr.kind == "integer":
        index = int(expr.text) - 1
        if 0 <= index < len(body.targets):
            target = body.targets[index].expr
            if isinstance(target, s.ColumnRef) and target.star:
                raise _Unprintable()
            return target
    if isinstance(expr, s.ColumnRef) and len(expr.parts) == 1:
        for target in body.targets:
            if target.alias == expr.parts[0]:
                return target.expr
    return expr


def _group_item(printer: Printer, expr: Any) -> str:
    """get_rule_sortgroupclause(): an expression other than a column in
    parentheses when pretty, a function call or aggregate always."""
    text = printer.text(expr)
    if isinstance(expr, q.TColumn):
        return text
    if printer.pretty or isinstance(expr, q.TCall):
        return f"({text})"
    return text


def _sort(printer: Printer, expr: Any, sort: s.SortBy) -> str:
    text = _group_item(printer, expr)
    if sort.descending:
        text += " DESC"
    if sort.nulls_first is not None and sort.nulls_first != sort.descending:
        text += " NULLS FIRST" if sort.nulls_first else " NULLS LAST"
    return text


def _item(text: str, own: str | None, name: str) -> str:
    return text if own == name else f"{text} AS {quote_ident(name)}"


def _relation(m: OidMap, view: View, ref: r.TableRef) -> Any:
    catalog = m.catalog
    name = catalog.table_named(ref.names, view.search_path)
    return catalog.view(name) or catalog.table(name)


def _contains(expr: Any, found) -> bool:
    if found(expr):
        return True
    if isinstance(expr, tuple):
        return any(_contains(e, found) for e in expr)
    fields = getattr(expr, "__dataclass_fields__", None)
    return bool(fields) and any(_contains(getattr(expr, f), found)
                                for f in fields)


def _has_aggregate(expr: Any) -> bool:
    return _contains(expr, lambda e: isinstance(e, s.FuncCall)
                     and e.name[-1] in AGGREGATE_NAMES)


def _has_subquery(expr: Any) -> bool:
    return _contains(expr, lambda e: isinstance(e, s.SubLink))


def updatable(m: OidMap, view: View) -> tuple[bool, frozenset[str]]:
    """(automatically updatable for UPDATE and DELETE, the columns that
    are: plain references to the relation's columns), as PostgreSQL's
    view_query_is_auto_updatable and view_cols_are_auto_updatable judge;
    a view over a view is only as updatable as that one."""
    ref = _single_relation(view)
    query = view.query
    if view.materialized or ref is None or query.limit is not None \
            or query.offset is not None or query.body.group_by \
            or query.body.having is not None:
        return False, frozenset()
    targets = query.body.targets
    if any(_has_aggregate(t.expr) or _contains(
            t.expr, lambda e: isinstance(e, s.FuncCall) and e.over is not None)
            for t in targets):
        return False, frozenset()
    relation = _relation(m, view, ref)
    base_columns = None
    if isinstance(relation, View):
        ok, base_columns = updatable(m, relation)
        if not ok:
            return False, frozenset()
    names = iter(view.columns)
    columns = set()
    for target in targets:
        expr = target.expr
        if isinstance(expr, s.ColumnRef) and expr.star:
            for column in relation.columns:
                name = next(names).name
                if base_columns is None or column.name in base_columns:
                    columns.add(name)
            continue
        name = next(names).name
        if isinstance(expr, s.ColumnRef) and (
                base_columns is None or expr.parts[-1] in base_columns):
            columns.add(name)
    return True, frozenset(columns)
