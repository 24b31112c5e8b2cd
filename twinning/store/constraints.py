"""Row constraints and the errors PostgreSQL raises for them, word for word.

`check_row` is ExecConstraints(): NOT NULL in column order, then the CHECK
constraints in name order (a CHECK that yields NULL passes). Unique and
foreign-key checks live with the indexes they use (`transaction.py`,
`foreign_keys.py`); their error texts are built here.

Rendering follows the backend: values through the type's output function
under the session's settings, NULL as `null`; `Failing row contains` clips
each value to 64 bytes plus `...` (ExecBuildSlotValueDescription); unique
violations name the index columns through quote_ident
(BuildIndexValueDescription), foreign keys print column names bare
(ri_ReportViolation). Every error carries the schema, table and constraint
(or column) fields PostgreSQL sets.
"""

from __future__ import annotations

from decimal import InvalidOperation
from itertools import repeat
from operator import itemgetter
from typing import Any, Callable, Iterable


from twinning import values
from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, check_violation as check_violation_err,
    duplicate_key, foreign_key_violation,
    not_null_violation as not_null_violation_err, read_only_sql_transaction,
    unique_violation as unique_violation_err,
)
from twinning.ir.types import SqlType
from twinning.store.indexes import IndexDef
from twinning.store.schema import FkLink, TableInfo
from twinning.values.identifiers import quote_ident
from twinning.values.settings import FormatSettings

_MAX_FIELD_BYTES = 64


def block_passes(check: Callable[[tuple], Any], rows: list[tuple]) -> bool:
    """Does no row of `rows` fail `check` (True and NULL pass)? A check
    of the form `column op constant` carries its `column_test` (passes/
    expr/compile.py): the test over the column at C speed, which answers
    as the check does for every value it does not raise on (a NULL, a
    NaN); when it raises, the rows go through the check itself."""
    column_test = getattr(check, "column_test", None)
    if column_test is not None:
        slot, test, constant = column_test
        try:
            return False not in map(test, map(itemgetter(slot), rows),
                                    repeat(constant))
        except (TypeError, InvalidOperation):
            pass
    return False not in map(check, rows)


def render(t: SqlType, value: Any, settings: FormatSettings) -> str:
    return "null" if value is None else values.format_text(t, value, settings)


def _clip(text: str) -> str:
    raw = text.encode()
    if len(raw) <= _MAX_FIELD_BYTES:
        return text
    return raw[:_MAX_FIELD_BYTES].decode(errors="ignore") + "..."


def failing_row(info: TableInfo, row: tuple, settings: FormatSettings) -> str:
    shown = ", ".join(_clip(render(t, v, settings)) for t, v in zip(info.types, row))
    return f"Failing row contains ({shown})."


def _fields(info_or_name, constraint: str | None = None, column: str | None = None) -> dict:
    name = info_or_name.name if isinstance(info_or_name, TableInfo) else info_or_name
    out = {"schema": name.schema, "table": name.name}
    if constraint is not None:
        out["constraint"] = constraint
    if column is not None:
        out["column"] = column
    return out


def not_null_violation(info: TableInfo, position: int, row: tuple,
                       settings: FormatSettings) -> SqlError:
    column = info.columns[position]
    return not_null_violation_err(
        f'null value in column "{column}" of relation "{info.name.name}" '
        "violates not-null constraint",
        detail=failing_row(info, row, settings), **_fields(info, column=column))


def check_violation(info: TableInfo, name: str, row: tuple,
                    settings: FormatSettings) -> SqlError:
    return check_violation_err(
        f'new row for relation "{info.name.name}" violates check '
        f'constraint "{name}"',
        detail=failing_row(info, row, settings), **_fields(info, constraint=name))


def check_row(info: TableInfo, row: tuple, settings: FormatSettings) -> None:
    """ExecConstraints(): NOT NULL columns in order, then CHECKs by name."""
    for position in info.not_null:
        if row[position] is None:
            raise not_null_violation(info, position, row, settings)
    for name, check in info.checks:
        if check(row) is False:
            raise check_violation(info, name, row, settings)


def _key_parts(names: Iterable[str], types: Iterable[SqlType], key: Iterable[Any],
               settings: FormatSettings) -> tuple[str, str]:
    shown = ", ".join(render(t, v, settings) for t, v in zip(types, key))
    return ", ".join(names), shown


def _key_text(names: Iterable[str], types: Iterable[SqlType], key: Iterable[Any],
              settings: FormatSettings) -> str:
    return "Key (%s)=(%s)" % _key_parts(names, types, key, settings)


def unique_violation(info: TableInfo, index: IndexDef, row: tuple,
                     settings: FormatSettings) -> SqlError:
    name = index.constraint or index.name
    if index.expression is not None:  # Key (lower(email::text))=(…)
        key = _key_parts(index.key_names, index.key_types,
                         index.expression(row), settings)
    else:
        key = _key_parts((quote_ident(c) for c in index.columns),
                         (info.types[p] for p in index.positions),
                         (row[p] for p in index.positions), settings)
    return duplicate_key(name, *key, **_fields(info, constraint=name))


def fk_missing_parent(link: FkLink, child: TableInfo, row: tuple,
                      settings: FormatSettings) -> SqlError:
    detail = _key_text(link.child_columns, (child.types[p] for p in link.child_positions),
                       link.child_key(row), settings)
    return foreign_key_violation(
        f'insert or update on table "{child.name.name}" violates foreign key '
        f'constraint "{link.name}"',
        detail=f'{detail} is not present in table "{link.parent.name}".',
        **_fields(child, constraint=link.name))


def fk_still_referenced(link: FkLink, parent: TableInfo, old_row: tuple,
                        settings: FormatSettings) -> SqlError:
    detail = _key_text(link.parent_columns,
                       (parent.types[p] for p in link.parent_positions),
                       link.parent_key(old_row), settings)
    return foreign_key_violation(
        f'update or delete on table "{parent.name.name}" violates foreign key '
        f'constraint "{link.name}" on table "{link.child.name}"',
        detail=f'{detail} is still referenced from table "{link.child.name}".',
        **_fields(link.child, constraint=link.name))


def read_only(command: str) -> SqlError:
    return read_only_sql_transaction(f"cannot execute {command} in a read-only transaction")


def truncate_referenced(child: str, parent: str) -> SqlError:
    return SqlError(
        FEATURE_NOT_SUPPORTED, "cannot truncate a table referenced in a foreign key constraint",
        detail=f'Table "{child}" references "{parent}".',
        hint=f'Truncate table "{child}" at the same time, or use TRUNCATE ... CASCADE.')


def duplicate_on_build(info: TableInfo, defn: Any, row: tuple,
                       settings: FormatSettings) -> SqlError:
    """23505 of a unique index built over rows that repeat a key."""
    if defn.expression is not None:
        shown = ", ".join(render(t, v, settings) for t, v in
                          zip(defn.key_types, defn.expression(row)))
        names = ", ".join(defn.key_names)
    else:
        shown = ", ".join(render(info.types[p], row[p], settings)
                          for p in defn.positions)
        names = ", ".join(quote_ident(c) for c in defn.columns)
    return unique_violation_err(f'could not create unique index "{defn.name}"',
                                detail=f"Key ({names})=({shown}) is duplicated.",
                                schema=info.name.schema, table=info.name.name,
                                constraint=defn.constraint or defn.name)
