"""Parse stage of the read path: a pglast SelectStmt → `select.Query`.

Everything outside the read subset raises `Unsupported` naming the
construct (a column definition list in FROM, TABLESAMPLE, …; FOR
UPDATE/SHARE is kept and judged by `resolve_locking`), which the session
answers with
0A000. Subqueries in expressions come back here through the expression
converter's `select` hook.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pglast import ast
from pglast.enums import (CoercionForm, GroupingSetKind, JoinType,
                          LimitOption, LockClauseStrength, LockWaitPolicy,
                          SetOperation)

from twinning.ir import select as r
from twinning.ir import syntax as s
from twinning.passes.parse_dml import convert_write
from twinning.passes.parse_expr import (ExprConverter, Unsupported, loc,
                                        names, type_spec)
from twinning.passes.polling import PLANNING, chunks
from twinning.passes.stack_depth import (SET_OPERATION, SUBSELECT, ascend,
                                         descend)

__all__ = ["convert_query", "convert_read"]


def convert_query(node: Any) -> r.Query:
    if not isinstance(node, ast.SelectStmt):
        raise Unsupported(f"{type(node).__name__} as a subquery", loc(node))
    return _Converter().query(node)


def convert_read(node: Any) -> r.Query | r.FromItem:
    """What a write statement reads: its source query (INSERT … SELECT),
    subqueries, and the items of UPDATE … FROM / DELETE … USING."""
    if isinstance(node, ast.SelectStmt):
        return convert_query(node)
    if isinstance(node, ast.WithClause):
        return _Converter().with_clause(node)
    return _Converter().from_item(node)


_SET_OPS = {SetOperation.SETOP_UNION: "union",
            SetOperation.SETOP_INTERSECT: "intersect",
            SetOperation.SETOP_EXCEPT: "except"}
_JOINS = {JoinType.JOIN_INNER: "inner", JoinType.JOIN_LEFT: "left",
          JoinType.JOIN_RIGHT: "right", JoinType.JOIN_FULL: "full"}


class _Converter:
    def __init__(self) -> None:
        self.expr = ExprConverter(convert_query)

    def query(self, node: ast.SelectStmt) -> r.Query:
        descend(SUBSELECT)  # PostgreSQL's stack depth limit (54001)
        try:
            return self._query(node)
        finally:
            ascend(SUBSELECT)

    def _query(self, node: ast.SelectStmt) -> r.Query:
        with_ = ()
        if node.withClause is not None:
            with_ = self.with_clause(node.withClause)
        if node.intoClause is not None:
            raise Unsupported("SELECT INTO", loc(node.intoClause))
        locking = tuple(_locking(c) for c in node.lockingClause or ())
        return r.Query(self.body(node),
                       tuple(self.expr.sort_by(o) for o in node.sortClause or ()),
                       self.optional(node.limitCount),
                       self.optional(node.limitOffset), with_, loc(node),
                       locking,
                       node.limitOption == LimitOption.LIMIT_OPTION_WITH_TIES)

    def with_clause(self, node: ast.WithClause) -> tuple[r.CommonTable, ...]:
        return tuple(self.cte(c, bool(node.recursive)) for c in node.ctes)

    def optional(self, node: Any):
        return None if node is None else self.expr(node)

    def body(self, node: ast.SelectStmt):
        if node.op != SetOperation.SETOP_NONE:
            left, right = node.larg, node.rarg
            descend(SET_OPERATION - SUBSELECT)  # its arms are queries too
            try:
                return r.SetOperation(_SET_OPS[node.op], bool(node.all),
                                      self.query(left), self.query(right))
            finally:
                ascend(SET_OPERATION - SUBSELECT)
        if node.valuesLists:
            return r.ValuesList(tuple(self.expr.many(row) for block in chunks(
                node.valuesLists, PLANNING, 64) for row in block))
        distinct = None
        if node.distinctClause is not None:
            items = [d for d in node.distinctClause if d is not None]
            distinct = self.expr.many(items)
        group = self.group_clause(node.groupClause or ())
        return r.SelectCore(
            tuple(self.target(t) for t in node.targetList or ()),
            tuple(self.from_item(f) for f in node.fromClause or ()),
            self.optional(node.whereClause), tuple(group),
            self.optional(node.havingClause), distinct, loc(node),
            tuple(self.expr.window_def(w) for w in node.windowClause or ()),
            bool(node.groupDistinct))

    def group_clause(self, items) -> tuple:
        """flatten_grouping_sets: a parenthesized list at top level is its
        items, top-level `()`s are dropped (one stays when nothing else
        does), GROUPING SETS nested in GROUPING SETS are spliced in, and
        every element of ROLLUP, CUBE and GROUPING SETS becomes a set."""
        out: list = []
        had_sets = False
        for item in items:
            if _implicit_row(item):
                out.extend(self.expr(a) for a in item.args)
            elif isinstance(item, ast.GroupingSet):
                had_sets = True
                if item.kind != GroupingSetKind.GROUPING_SET_EMPTY:
                    out.append(self.grouping_set(item))
            else:
                out.append(self.expr(item))
        if not out and had_sets:
            out.append(r.GroupingSet("empty", (), loc(items[0])))
        return tuple(out)

    def grouping_set(self, node: ast.GroupingSet) -> r.GroupingSet:
        kind = _SET_KINDS[node.kind]
        content: list[r.GroupingSet] = []
        for item in node.content or ():
            if isinstance(item, ast.GroupingSet):
                inner = self.grouping_set(item)
                if inner.kind == "sets":
                    content.extend(inner.content)
                else:
                    content.append(inner)
            elif _implicit_row(item):
                content.append(r.GroupingSet("simple", tuple(
                    self.expr(a) for a in item.args), loc(item)))
            else:
                content.append(r.GroupingSet("simple", (self.expr(item),),
                                             loc(item)))
        return r.GroupingSet(kind, tuple(content), loc(node))

    def target(self, node: ast.ResTarget) -> r.Target:
        return r.Target(self.expr(node.val), node.name, loc(node))

    def cte(self, node: ast.CommonTableExpr,
            recursive: bool = False) -> r.CommonTable:
        if node.search_clause is not None or node.cycle_clause is not None:
            raise Unsupported("SEARCH/CYCLE", loc(node))
        body = node.ctequery
        query = self.query(body) if isinstance(body, ast.SelectStmt) else \
            convert_write(body, convert_read)  # data-modifying: resolve_with
        return r.CommonTable(node.ctename, names(node.aliascolnames),
                             query, loc(node), recursive)

    def from_item(self, node: Any) -> r.FromItem:
        if isinstance(node, ast.RangeVar):
            alias, columns = _alias(node.alias)
            return r.TableRef(tuple(p for p in (node.catalogname,
                                                node.schemaname, node.relname)
                                    if p), alias, columns, loc(node),
                              node.inh is False)
        if isinstance(node, ast.RangeSubselect):
            alias, columns = _alias(node.alias)
            return r.SubqueryRef(convert_query(node.subquery), alias, columns,
                                 loc(node), bool(node.lateral))
        if isinstance(node, ast.JoinExpr):
            kind = _JOINS.get(node.jointype)
            if kind is None:
                raise Unsupported("semi/anti join", -1)
            left = self.from_item(node.larg)
            right = self.from_item(node.rarg)
            using = names(node.usingClause) if node.usingClause else None
            if node.join_using_alias is not None:
                raise Unsupported("JOIN USING … AS alias", loc(node))
            if kind == "inner" and node.quals is None and using is None \
                    and not node.isNatural:
                kind = "cross"
            alias, columns = _alias(node.alias)
            return r.JoinRef(kind, left, right, self.optional(node.quals),
                             using, bool(node.isNatural), alias, columns,
                             loc(node))
        if isinstance(node, ast.RangeFunction):
            return self.function(node)
        if isinstance(node, ast.RangeTableSample):
            raise Unsupported("TABLESAMPLE", loc(node))
        raise Unsupported(f"{type(node).__name__} in FROM", loc(node))


    def function(self, node: ast.RangeFunction) -> r.FunctionRef:
        where = _first_location(node)
        definitions = _column_definitions(node)
        functions = []
        for call, coldefs in node.functions:
            if coldefs:
                raise Unsupported("a column definition list in ROWS FROM",
                                  loc(call))
            converted = self.expr(call)
            if not isinstance(converted, s.FuncCall):
                raise Unsupported("an expression in FROM", loc(call))
            functions.append(converted)
        rows_from = bool(node.is_rowsfrom)
        if not rows_from and _multi_unnest(functions[0]):
            # transformRangeFunction: unnest(a, b) is ROWS FROM (unnest(a),
            # unnest(b))
            call = functions[0]
            functions = [dataclasses.replace(call, args=(arg,))
                         for arg in call.args]
        alias, columns = _alias(node.alias)
        return r.FunctionRef(tuple(functions), alias, columns,
                             bool(node.ordinality), where, rows_from,
                             definitions)


def _column_definitions(node: ast.RangeFunction) -> tuple:
    """A column definition list (passes/column_definitions.py) as
    (name, TypeSpec, location) per column; () without one."""
    if not node.coldeflist:
        return ()
    where = loc(node.coldeflist[0])
    if node.is_rowsfrom or len(node.functions) > 1:
        raise Unsupported("a column definition list with ROWS FROM", where)
    if node.ordinality:
        raise Unsupported("a column definition list WITH ORDINALITY", where)
    out = []
    for column in node.coldeflist:
        if column.collClause is not None:
            raise Unsupported("COLLATE in a column definition list",
                              loc(column.collClause))
        out.append((column.colname, type_spec(column.typeName), loc(column)))
    return tuple(out)


_SET_KINDS = {GroupingSetKind.GROUPING_SET_EMPTY: "empty",
              GroupingSetKind.GROUPING_SET_SIMPLE: "simple",
              GroupingSetKind.GROUPING_SET_ROLLUP: "rollup",
              GroupingSetKind.GROUPING_SET_CUBE: "cube",
              GroupingSetKind.GROUPING_SET_SETS: "sets"}


def _implicit_row(node: Any) -> bool:
    """`(a, b)` (not `ROW(a, b)`): a list of grouping items."""
    return isinstance(node, ast.RowExpr) and \
        node.row_format == CoercionForm.COERCE_IMPLICIT_CAST


def _alias(alias: ast.Alias | None) -> tuple[str | None, tuple[str, ...]]:
    if alias is None:
        return None, ()
    return alias.aliasname, names(alias.colnames)


def _multi_unnest(call: s.FuncCall) -> bool:
    return (call.name == ("unnest",) and len(call.args) > 1
            and not call.star and not call.distinct and not call.order_by
            and call.filter is None and call.over is None
            and not getattr(call, "variadic", False))


def _first_location(node: Any) -> int:
    for item in node.functions or ():
        for part in item or ():
            where = loc(part)
            if where >= 0:
                return where
    return -1


_STRENGTHS = {LockClauseStrength.LCS_FORKEYSHARE: 0,
              LockClauseStrength.LCS_FORSHARE: 1,
              LockClauseStrength.LCS_FORNOKEYUPDATE: 2,
              LockClauseStrength.LCS_FORUPDATE: 3}
_WAITS = {LockWaitPolicy.LockWaitBlock: "block",
          LockWaitPolicy.LockWaitSkip: "skip",
          LockWaitPolicy.LockWaitError: "error"}


def _locking(node: ast.LockingClause) -> r.LockingClause:
    rels = node.lockedRels or ()
    return r.LockingClause(
        _STRENGTHS[node.strength],
        tuple(tuple(p for p in (v.catalogname, v.schemaname, v.relname) if p)
              for v in rels),
        _WAITS[node.waitPolicy], tuple(loc(v) for v in rels))
