"""`SqlError`: what a client sees, a PostgreSQL ErrorResponse with
SQLSTATE, message and the optional fields PostgreSQL fills in (detail,
hint, position, schema/table/column/constraint names).

Each SQLSTATE class (the code's first two characters) has a subclass,
declared in the generated `conditions` module with `sqlstate_class=`;
`SqlError(code, ...)` builds an instance of its code's class, so
`except IntegrityConstraintViolation` catches every 23xxx however the
error was built. Subclasses of those keep their own class.
"""

from __future__ import annotations

from typing import Any

# SQLSTATE class (two characters) -> its SqlError subclass, filled as the
# generated `conditions` module declares them (the package imports it).
CLASSES: dict[str, type[SqlError]] = {}


class SqlError(Exception):
    """An ErrorResponse/NoticeResponse as PostgreSQL would send it."""

    sqlstate_class: str | None = None

    def __init_subclass__(cls, sqlstate_class: str | None = None,
                          **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if sqlstate_class is not None:
            cls.sqlstate_class = sqlstate_class
            CLASSES[sqlstate_class] = cls

    def __new__(cls, *args: Any, **kwargs: Any) -> SqlError:
        # subclasses (ProtocolViolation, ...) have constructors of their own
        if cls is SqlError:
            code = args[0] if args else kwargs.get("sqlstate", "")
            cls = CLASSES.get(code[:2], SqlError)
        return super().__new__(cls)

    def __init__(
        self,
        sqlstate: str,
        message: str,
        *,
        detail: str | None = None,
        hint: str | None = None,
        position: int | None = None,
        schema: str | None = None,
        table: str | None = None,
        column: str | None = None,
        datatype: str | None = None,
        constraint: str | None = None,
        where: str | None = None,
        severity: str = "ERROR",
    ) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate
        self.message = message
        self.detail = detail
        self.hint = hint
        self.position = position
        self.schema = schema
        self.table = table
        self.column = column
        self.datatype = datatype
        self.constraint = constraint
        self.where = where
        self.severity = severity

    def fields(self) -> dict[str, Any]:
        """The set fields, in a stable order, for traces and tests."""
        out: dict[str, Any] = {"sqlstate": self.sqlstate, "message": self.message}
        for name in ("detail", "hint", "position", "schema", "table", "column",
                     "datatype", "constraint", "where"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out

    def __reduce__(self) -> tuple:
        # rebuilt through the class dispatch, then the fields restored
        return (_rebuild, (type(self), self.sqlstate, self.message),
                self.__dict__)

    def __repr__(self) -> str:
        return f"SqlError({self.sqlstate}, {self.message!r})"


def _rebuild(cls: type[SqlError], sqlstate: str, message: str) -> SqlError:
    error = SqlError.__new__(cls, sqlstate)
    Exception.__init__(error, message)
    return error
