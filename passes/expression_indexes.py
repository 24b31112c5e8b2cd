"""Expression indexes: `CREATE [UNIQUE] INDEX ON t (lower(email))`,
`USING gin (to_tsvector('simple', body))`, in schema files and at run
time.

A key written `(expr)` (or a function call) is typed over the table as
transformIndexStmt types it (EXPR_KIND_INDEX_EXPRESSION: no subquery,
aggregate, window or set-returning function) and checked as DefineIndex
checks it (immutable functions only: 42P17). Its index column is named
by FigureIndexColname (a function's name, a cast's argument's, else
`expr`), which also names the index (ChooseIndexColumnNames). The catalog
`Index` keeps the syntax in `expressions` (None for a plain key) and the
name in `columns`; code that matches indexes to table columns (planner
lookups, ON CONFLICT inference, foreign keys) leaves such indexes alone
(`plain_columns`). The store computes the keys of a UNIQUE one through
`key_values` (compiled by the engine) for 23505; the system catalog
shows them (pg_index.indkey 0, indexprs, pg_get_indexdef). Refused by
name: an expression index on a partitioned table.
"""

from __future__ import annotations

from typing import Any, Callable

from twinning.errors import (
    column_does_not_exist, invalid_object_definition,
)
from twinning.ir import catalog as c
from twinning.ir import ddl as d
from twinning.ir import query as q
from twinning.ir.types import SqlType
from twinning.passes.expr.analyze import (TypingContext, figure_colname,
                                          refusals, resolve_expr)
from twinning.passes.expr.check import _mutable, _no_user_calls
from twinning.passes.expr.compile import compile_checked
from twinning.passes.expr.scope import TableScope
from twinning.passes.parse_expr import Unsupported
from twinning.passes import index_methods
from twinning.passes.resolve_index import (_EQUAL_IMAGE, check_predicate,
                                           new_index_name)

__all__ = ["handlers", "type_expression", "key_types", "key_values",
           "plain_columns", "expression_columns"]


def plain_columns(index: Any) -> bool:
    """Whether every key of the index is a table column."""
    return not index.expressions


def type_expression(table: Any, expr: Any) -> q.TExpr:
    """One key expression typed over `table`, with its errors."""
    ctx = TypingContext(kind="index expression", allow_params=False,
                        **refusals("index expression", "index expressions"))
    ctx.no_sets = "index expressions"
    typed = resolve_expr(expr, TableScope(table), ctx)
    _no_user_calls(typed, "an index expression")
    if _mutable(typed):
        raise invalid_object_definition("functions in index expression must be marked "
                                        "IMMUTABLE")
    return typed


def key_types(table: Any, index: Any) -> list[SqlType]:
    """Each key column's type (an expression's result type)."""
    out = []
    for i, name in enumerate(index.columns):
        expr = index.expressions[i] if index.expressions else None
        if expr is None:
            out.append(table.column(name).type)
        else:
            out.append(type_expression(table, expr).type.sql_type)
    return out


def key_values(table: Any, index: Any) -> Callable[[tuple], tuple]:
    """fn(row) → the index's key values (plain keys read from the row)."""
    from twinning.passes.expr.check import CheckContext
    ctx = CheckContext()
    parts = []
    for i, name in enumerate(index.columns):
        expr = index.expressions[i]
        if expr is None:
            slot = table.slot(name)
            parts.append(lambda row, slot=slot: row[slot])
        else:
            fn = compile_checked(type_expression(table, expr)).fn
            parts.append(lambda row, fn=fn: fn(row, ctx))
    return lambda row: tuple(part(row) for part in parts)


def renamed(index: Any, names: Callable, refs: Callable) -> Any:
    """The index after RENAME COLUMN: `names` renames a column list,
    `refs` the references in an expression (plain keys, INCLUDE, the
    predicate and the key expressions follow; an expression key keeps
    its index column name)."""
    from dataclasses import replace
    columns = tuple(
        names((col,))[0] if not index.expressions or index.expressions[i] is None
        else col for i, col in enumerate(index.columns))
    return replace(index, columns=columns, include=names(index.include),
                   predicate=refs(index.predicate),
                   expressions=tuple(None if e is None else refs(e)
                                     for e in index.expressions))


def expression_columns(index: Any) -> set[str]:
    """The table columns an index's expressions read (DROP COLUMN)."""
    from twinning.passes.resolve_index import predicate_columns
    out: set[str] = set()
    for expr in index.expressions:
        if expr is not None:
            out |= predicate_columns(expr)
    return out


def _index_column_name(expr: Any) -> str:
    """FigureIndexColname (FigureColnameInternal's answer, else expr)."""
    name = figure_colname(expr)
    return "expr" if name == "?column?" else name


def handlers(apply: dict, partitioned: dict) -> dict:
    """`partitioned` (resolve_partition's handlers) with CREATE INDEX
    taking expression keys here."""
    plain = partitioned.get(d.IndexDef, apply[d.IndexDef])

    def index(b: Any, defn: d.IndexDef) -> None:
        if not defn.expressions:
            return plain(b, defn)
        return _apply(b, defn)
    return {**partitioned, d.IndexDef: index}


def _apply(b: Any, defn: d.IndexDef) -> None:
    table = b.table(defn.table)
    if getattr(b, "partition_keys", {}).get(table.name) is not None:
        raise Unsupported("an expression index on a partitioned table",
                          defn.location)
    frozen = table.freeze()
    if defn.where is not None:
        check_predicate(frozen, defn.where)
    names, types, shown = [], [], []
    for i, (col, expr) in enumerate(zip(defn.columns, defn.expressions)):
        if expr is None:
            column = table.column(col)
            if column is None:
                raise column_does_not_exist(col)
            sql_type, name = column.type, col
        else:
            sql_type = type_expression(frozen, expr).type.sql_type
            name = _index_column_name(expr)
        written = defn.opclasses[i] if defn.opclasses else None
        shown.append(index_methods.resolve_opclass(
            defn.method, sql_type, written, b.extensions)[1])
        names.append(name)
        types.append(sql_type)
    for col in defn.include:
        if table.column(col) is None:
            raise column_does_not_exist(col)
    schema = table.name.schema
    name = new_index_name(b, defn, table.name, tuple(names) + defn.include)
    if name is None:
        return None
    b.indexes[c.QName(schema, name)] = c.Index(
        c.QName(schema, name), table.name, tuple(names), defn.unique, False,
        None, defn.nulls_not_distinct, include=defn.include,
        options=defn.options if any(defn.options) else (),
        predicate=defn.where, method=defn.method,
        opclasses=tuple(shown) if any(shown) else (),
        expressions=defn.expressions)
    b.debug.extend(_build_messages(table.name.name, name, types, defn.include))


def _build_messages(table: str, name: str, types: list, include: tuple
                    ) -> list[str]:
    """resolve_index.build_messages over the keys' types."""
    out = [f'building index "{name}" on table "{table}" serially']
    if not include:
        safe = all(t.name in _EQUAL_IMAGE and not t.is_array for t in types)
        out.append(f'index "{name}" can safely use deduplication' if safe
                   else f'index "{name}" cannot use deduplication')
    return out
