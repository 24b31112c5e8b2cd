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

from typing import NamedTuple, Protocol, Sequence

from twinning.errors import SqlError
from twinning.ir import query as q
from twinning.ir.catalog import Table

__all__ = ["ColumnBinding", "Scope", "EmptyScope", "TableScope",
           "missing_column"]


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
        return SqlError("42703", f"column {parts[-2]}.{parts[-1]} does not "
                        "exist", hint=hint, position=_pos(location))
    return SqlError("42703", f'column "{parts[-1]}" does not exist',
                    hint=hint, position=_pos(location))


def missing_table(name: str, location: int) -> SqlError:
    return SqlError("42P01", f'missing FROM-clause entry for table "{name}"',
                    position=_pos(location))


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


def fuzzy_hint(written: str, names: Sequence[str], relation: str) -> str | None:
    """PostgreSQL's "Perhaps you meant …" for one relation's columns."""
    best = _MAX_FUZZY_DISTANCE + 1
    found: list[str] = []
    for name in names:
        distance = levenshtein(name, written)
        if distance > len(written) // 2:
            continue
        if distance < best:
            best, found = distance, [name]
        elif distance == best:
            if len(found) >= 2:
                best, found = distance - 1, []
            else:
                found.append(name)
    if len(found) == 1:
        return f'Perhaps you meant to reference the column "{relation}.{found[0]}".'
    if len(found) == 2:
        return (f'Perhaps you meant to reference the column "{relation}.'
                f'{found[0]}" or the column "{relation}.{found[1]}".')
    return None


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
            if len(parts) > 2 and parts[-2] == (self.alias or self.table.name.name):
                raise SqlError("42P01", "missing FROM-clause entry for table "
                               f'"{parts[-2]}"', position=_pos(location))
            raise missing_table(parts[-2], location)
        found = self._slots.get(parts[-1])
        if found is None:
            relation = self.alias or self.table.name.name
            hint = None
            if len(parts) == 1:
                hint = fuzzy_hint(parts[-1], list(self._slots), relation)
            raise missing_column(parts, location, hint)
        return found
