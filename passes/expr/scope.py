"""Where column references resolve: the `Scope` protocol and the two
scopes this layer needs on its own.

A scope turns a written column reference (`amount`, `deals.amount`,
`public.deals.amount`) into a `ColumnBinding`: the slot of the value in
the row tuple compiled expressions receive, its type and its name. It
raises PostgreSQL's errors for what does not resolve: 42703 `column "x"
does not exist` (with the Levenshtein hint PostgreSQL gives), 42702
ambiguous references, 42P01 `missing FROM-clause entry for table "t"`.
The read path supplies scopes over FROM clauses; `EmptyScope` is a SELECT
without FROM and `TableScope` one table's row (CHECK constraints, INSERT
and UPDATE targets).
"""

from __future__ import annotations

from typing import Iterable, NamedTuple, Protocol, Sequence

from twinning.errors import (
    SqlError, column_does_not_exist, missing_from_entry, undefined_column,
)
from twinning.ir import query as q
from twinning.ir.catalog import Table

__all__ = ["ColumnBinding", "Scope", "EmptyScope", "TableScope",
           "missing_column", "column_not_found"]


class ColumnBinding(NamedTuple):
    """Where a column reference reads from: `slot` of the row, or, when
    `expr` is given, that typed expression (an outer query's column, a
    JOIN USING column merged from both sides)."""

    slot: int
    type: q.ResultType
    name: str
    expr: object = None


class Scope(Protocol):
    def lookup(self, parts: tuple[str, ...], location: int) -> ColumnBinding:
        """The column `parts` names, or the SqlError PostgreSQL raises."""
        ...


def _pos(location: int) -> int | None:
    return location + 1 if location is not None and location >= 0 else None


def missing_column(parts: tuple[str, ...], location: int,
                   hint: str | None = None) -> SqlError:
    """errorMissingColumn(): qualified names print without quotes."""
    if len(parts) > 1:
        return undefined_column(f"column {parts[-2]}.{parts[-1]} does not "
                                "exist", hint=hint, position=_pos(location))
    return column_does_not_exist(parts[-1], hint=hint, position=_pos(location))


def missing_table(name: str, location: int) -> SqlError:
    return missing_from_entry(name, position=_pos(location))


class EmptyScope:
    """No FROM clause: every column reference fails as in PostgreSQL."""

    def lookup(self, parts: tuple[str, ...], location: int) -> ColumnBinding:
        if len(parts) > 1:
            raise missing_table(parts[-2], location)
        raise missing_column(parts, location)


EMPTY = EmptyScope()


def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1,
                           prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


_MAX_FUZZY_DISTANCE = 3


def column_not_found(relname: str | None, colname: str, location: int,
                     rtable: Iterable[tuple[str, Sequence[str]]]) -> SqlError:
    """errorMissingColumn() with searchRangeTableForCol()'s hint.

    `rtable` is every range-table entry that could be meant, innermost
    query level first, each as (reference name, column names); join
    entries are left out, as PostgreSQL leaves them out. A qualified
    reference weighs the distance of its table name too; an exact match
    in an entry the reference cannot see is named as such."""
    distance = _MAX_FUZZY_DISTANCE + 1
    first: tuple[str, str] | None = None
    second: tuple[str, str] | None = None
    exact: str | None = None
    for refname, names in rtable:
        penalty = 0 if relname is None else levenshtein(relname, refname)
        for name in names:
            if penalty > distance:
                break
            d = levenshtein(name, colname)
            if d > len(colname) // 2:
                continue
            d += penalty
            if d < distance:
                distance, first, second = d, (refname, name), None
            elif d == distance:
                if second is not None:
                    distance, first, second = d - 1, None, None
                elif first is not None:
                    second = (refname, name)
        if penalty == 0 and colname in names:
            exact = refname
            break
    message = (f"column {relname}.{colname} does not exist" if relname
               else f'column "{colname}" does not exist')
    if exact is not None:
        hint = (f'There is a column named "{colname}" in table "{exact}", '
                "but it cannot be referenced from this part of the query.")
    elif first is not None and second is not None:
        hint = (f'Perhaps you meant to reference the column "{first[0]}.'
                f'{first[1]}" or the column "{second[0]}.{second[1]}".')
    elif first is not None:
        hint = (f'Perhaps you meant to reference the column "{first[0]}.'
                f'{first[1]}".')
    else:
        hint = None
    return undefined_column(message, hint=hint, position=_pos(location))


class TableScope:
    """One table's row: slot i is the table's i-th column."""

    def __init__(self, table: Table, alias: str | None = None) -> None:
        self.table = table
        self.alias = alias
        self._slots = {c.name: ColumnBinding(i, q.ResultType.of(c.type), c.name)
                       for i, c in enumerate(table.columns)}

    def _qualifies(self, qualifier: tuple[str, ...]) -> bool:
        if self.alias is not None:
            return qualifier == (self.alias,)
        name = self.table.name
        return qualifier in ((name.name,), (name.schema, name.name))

    def lookup(self, parts: tuple[str, ...], location: int) -> ColumnBinding:
        if len(parts) > 1 and not self._qualifies(parts[:-1]):
            raise missing_table(parts[-2], location)
        found = self._slots.get(parts[-1])
        if found is None:
            if len(parts) > 1:
                raise missing_column(parts, location)
            raise column_not_found(None, parts[-1], location, [
                (self.alias or self.table.name.name, list(self._slots))])
        return found
