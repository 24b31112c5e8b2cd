"""A partition key's parts: key columns and key expressions.

`PartitionKey.columns` names each key column, "" where the key part is an
expression (`PartitionKey.exprs` holds its syntax, typed here over the
table's row as ComputePartitionAttrs types it: immutable, not constant, no
aggregate, window or set-returning call). Everything that reads a row's key
(routing, partition constraints, ATTACH's row checks) takes its types and
values from here; the text a message or pg_get_partkeydef shows for a key
part comes from the system catalog's deparser (`SystemCatalog.key_text`).
"""

from __future__ import annotations

from typing import Any, Callable

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, invalid_object_definition,
)
from twinning.ir import catalog as c
from twinning.ir import query as q
from twinning.ir import syntax as s
from twinning.passes.expr.analyze import TypingContext, refusals, resolve_expr
from twinning.passes.expr.check import CheckContext, _mutable
from twinning.passes.expr.compile import compile_checked
from twinning.passes.expr.scope import TableScope
from twinning.passes.expr.walk import children
from twinning.ir.select import TSetCall


def typed_expression(table: Any, expr: s.Expr) -> q.TExpr:
    """A key expression typed over `table`'s row, with PostgreSQL's
    checks."""
    if hasattr(table, "freeze"):  # the DDL builder's table
        table = table.freeze()
    ctx = TypingContext(kind="PARTITION BY", allow_params=False,
                        **refusals("partition key expression",
                                         "partition key expressions"))
    try:  # PostgreSQL reports these without a position
        typed = resolve_expr(expr, TableScope(table), ctx)
    except SqlError as exc:
        exc.position = None
        raise
    if _returns_set(typed):
        raise SqlError(FEATURE_NOT_SUPPORTED, "set-returning functions are not allowed in "
                                     "partition key expressions")
    if _mutable(typed):
        raise invalid_object_definition("functions in partition key expression must be "
                                        "marked IMMUTABLE")
    if not column_refs(expr):
        raise invalid_object_definition("cannot use constant expression as partition key")
    return typed


def _returns_set(expr: Any) -> bool:
    return isinstance(expr, TSetCall) or any(_returns_set(x)
                                             for x in children(expr))


def column_refs(expr: Any) -> list[str]:
    """The columns an expression's syntax names."""
    return [ref.parts[-1] for ref in s.column_refs(expr)
            if ref.parts and not ref.star]


def uses_column(key: c.PartitionKey, column: str) -> bool:
    """Whether the key reads `column` (as a key column or in an
    expression)."""
    return column in key.columns or any(
        column in column_refs(e) for e in key.exprs if e is not None)


def expression_at(key: c.PartitionKey, i: int) -> Any:
    return key.exprs[i] if i < len(key.exprs) else None


def key_types(table: Any, key: c.PartitionKey) -> list:
    """The SqlType of each key part."""
    out = []
    for i, name in enumerate(key.columns):
        if name:
            out.append(table.column(name).type)
        else:
            out.append(typed_expression(table, key.exprs[i]).type.sql_type)
    return out


def key_function(table: Any, key: c.PartitionKey) -> Callable[[tuple], tuple]:
    """fn(row of `table`) → the row's key values."""
    if all(key.columns):
        slots = [table.slot(name) for name in key.columns]
        if len(slots) == 1:
            only = slots[0]
            return lambda row: (row[only],)
        return lambda row: tuple(row[s] for s in slots)
    ctx = CheckContext()
    parts: list[Callable[[tuple], Any]] = []
    for i, name in enumerate(key.columns):
        if name:
            parts.append((lambda slot: lambda row: row[slot])(table.slot(name)))
        else:
            fn = compile_checked(typed_expression(table, key.exprs[i])).fn
            parts.append((lambda fn: lambda row: fn(row, ctx))(fn))
    return lambda row: tuple(part(row) for part in parts)
