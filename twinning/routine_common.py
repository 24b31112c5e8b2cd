"""What the function runner and the PL/pgSQL interpreter share: a nested
statement's result and PostgreSQL's CONTEXT lines."""

from __future__ import annotations

from twinning.errors import SqlError


def add_context(exc: SqlError, line: str) -> SqlError:
    """Append a CONTEXT line (innermost first, as PostgreSQL lists them)."""
    exc.where = line if not exc.where else f"{exc.where}\n{line}"
    return exc


class Result:
    """A statement run inside a function: columns, rows, rows affected."""

    __slots__ = ("columns", "rows", "count")

    def __init__(self, columns: tuple, rows: list, count: int) -> None:
        self.columns, self.rows, self.count = columns, rows, count
