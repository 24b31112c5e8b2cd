"""Stored generated columns: `GENERATED ALWAYS AS (expr) STORED`.

The catalog keeps the generation expression as the column's `default`
(PostgreSQL keeps it in pg_attrdef too) with `Column.generated` set. It is
typed over the table's row, as cookDefault() types it with
EXPR_KIND_GENERATED_COLUMN: system columns (42P10), aggregates (42803),
window functions (42P20), subqueries and set-returning functions (0A000)
are refused with PostgreSQL's words; then check_nested_generated() (no
generated column may read another, 42P17), the immutability test (42P17
"generation expression is not immutable") and the assignment coercion to
the column's type (42804, worded as for a default).

Writes compute the columns from the row built so far (`typed`, assigned
to the column by the resolve stage and compiled once per plan); a write
to a table without generated columns never reaches this module.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, datatype_mismatch,
    invalid_column_reference, invalid_object_definition,
    object_not_in_prerequisite_state, syntax_error,
)
from twinning.ir import query as q
from twinning.ir.catalog import Column, Table
from twinning.passes.expr.analyze import (TypingContext, can_coerce_expr, pos,
                                          refusals, resolve_expr)
from twinning.passes.expr.check import contains_mutable
from twinning.passes.expr.scope import TableScope
from twinning.passes.expr.types import display_type
from twinning.passes.expr.walk import children

__all__ = ["check_generation", "typed", "has_generated"]

_SYSTEM_COLUMNS = frozenset({"ctid", "xmin", "cmin", "xmax", "cmax",
                             "tableoid"})
_CLAUSE = "column generation expressions"


class _GenerationScope(TableScope):
    """The row a generation expression reads: its table's columns, no
    system columns."""

    def lookup(self, parts: tuple[str, ...], location: int) -> Any:
        if parts[-1] in _SYSTEM_COLUMNS and self.table.column(parts[-1]) is None \
                and (len(parts) == 1 or self._qualifies(parts[:-1])):
            raise invalid_column_reference(f'cannot use system column "{parts[-1]}" '
                                           "in column generation expression",
                                           position=pos(location))
        return super().lookup(parts, location)


def has_generated(table: Table) -> bool:
    return any(c.generated for c in table.columns)


def typed(table: Table, column: Column) -> q.TExpr:
    """The generation expression of `column` typed over `table`'s row
    (transformExpr with EXPR_KIND_GENERATED_COLUMN), not yet coerced."""
    ctx = TypingContext(kind="GENERATED", allow_params=False,
                        **refusals("column generation expression", _CLAUSE))
    ctx.no_sets = _CLAUSE
    return resolve_expr(column.default, _GenerationScope(table), ctx)


def check_generation(table: Table, column: Column) -> None:
    """What cookDefault() raises for a generated column, in its order."""
    expr = typed(table, column)
    _check_nested(table, expr)
    if contains_mutable(expr):
        raise invalid_object_definition("generation expression is not immutable")
    target = q.ResultType.of(column.type)
    if not can_coerce_expr(expr, target, "a"):
        bare = q.ResultType.of(replace(column.type, typmod=-1))
        raise datatype_mismatch(f'column "{column.name}" is of type '
                                f"{display_type(bare)} but default expression is of "
                                f"type {display_type(expr.type)}",
                                hint="You will need to rewrite or cast the expression.")


def _check_nested(table: Table, expr: Any) -> None:
    """check_nested_generated(): no reference to a generated column."""
    if isinstance(expr, q.TColumn) and 0 <= expr.slot < len(table.columns):
        column = table.columns[expr.slot]
        if column.generated:
            raise invalid_object_definition(f'cannot use generated column "{column.name}"'
                                            " in column generation expression",
                                            detail="A generated column cannot reference another "
                                            "generated column.", position=pos(expr.location))
    for child in children(expr):
        _check_nested(table, child)


def check_columns(table: Table, columns: list[Column]) -> None:
    """`columns` of `table` (being created or added) that are generated:
    their expressions checked; ALTER TABLE's have no position."""
    for column in columns:
        if column.generated:
            check_generation(table, column)


def users(table: Table, name: str) -> list[Column]:
    """The generated columns of `table` whose expression reads column
    `name` (they depend on it, as pg_depend records)."""
    out = []
    for column in table.columns:
        if column.generated and column.name != name and \
                name in _read(typed(table, column), table):
            out.append(column)
    return out


def _read(expr: Any, table: Table) -> set[str]:
    names = {table.columns[expr.slot].name} if isinstance(expr, q.TColumn) \
        else set()
    for child in children(expr):
        names |= _read(child, table)
    return names


def check_retype(table: Table, column: Column) -> None:
    """ATPrepAlterColumnType: a column a generated column reads keeps its
    type."""
    found = users(table, column.name)
    if found:
        raise SqlError(FEATURE_NOT_SUPPORTED, "cannot alter type of a column used by a "
                                     "generated column", detail=f'Column "{column.name}" is '
                                     f'used by generated column "{found[0].name}".')


def check_default_change(column: Column, relation: str, action: str) -> None:
    """ATExecColumnDefault: a generated column has no default to change."""
    if column.generated and action in ("set_default", "drop_default"):
        raise syntax_error(f'column "{column.name}" of relation '
                           f'"{relation}" is a generated column',
                           hint="Use ALTER TABLE ... ALTER COLUMN ... DROP "
                           "EXPRESSION instead." if action == "drop_default"
                           else None)


def check_foreign_key(columns: list[Column], ref: Any) -> None:
    """ATAddForeignKeyConstraint: a foreign key holding a generated column
    may not set it on UPDATE or DELETE of the referenced row."""
    if not any(column.generated for column in columns):
        return
    for clause, action, forbidden in (
            ("ON UPDATE", ref.on_update, ("SET NULL", "SET DEFAULT", "CASCADE")),
            ("ON DELETE", ref.on_delete, ("SET NULL", "SET DEFAULT"))):
        if action in forbidden:
            raise syntax_error(f"invalid {clause} action for foreign key "
                               "constraint containing generated column")


def drop_expression(column: Column, relation: str, if_exists: bool,
                    notices: list) -> Column:
    """ALTER COLUMN … DROP EXPRESSION [IF EXISTS]: the column keeps its
    values and becomes an ordinary one (ATExecDropExpression)."""
    if not column.generated:
        message = f'column "{column.name}" of relation "{relation}" is not ' \
            "a stored generated column"
        if not if_exists:
            raise object_not_in_prerequisite_state(message)
        notices.append(message + ", skipping")
        return column
    return replace(column, generated=False, default=None, default_source=None)
