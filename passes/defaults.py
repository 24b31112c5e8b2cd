"""Column DEFAULT expressions of the schema subset, checked as PostgreSQL does.

SPEC §5 admits constants (optionally cast), `now()` and its relatives,
`CURRENT_TIMESTAMP`/`CURRENT_DATE`/`LOCALTIMESTAMP`, `gen_random_uuid()` and
`nextval('seq')`. A constant is run through the column type's input function
at CREATE TABLE time, so `DEFAULT 'abc'` on an integer column fails there with
22P02, exactly like PostgreSQL; a typed expression must be assignable to the
column type (42804 otherwise). Anything else is outside the subset.
"""

from __future__ import annotations

from typing import Callable

from twinning.errors import SqlError
from twinning.ir import syntax as s
from twinning.ir.types import BASE_TYPES, SqlType
from twinning.passes.parse_expr import Unsupported

_NUMERIC = {"int2", "int4", "int8", "numeric", "float4", "float8"}
_STRING = {"text", "varchar", "bpchar"}
_DATETIME = {"date", "timestamp", "timestamptz"}

_FUNCTIONS = {
    "now": "timestamptz", "transaction_timestamp": "timestamptz",
    "statement_timestamp": "timestamptz", "clock_timestamp": "timestamptz",
    "gen_random_uuid": "uuid",
}
_SQL_VALUES = {
    "current_timestamp": "timestamptz", "current_date": "date",
    "localtimestamp": "timestamp", "localtime": "time",
    "current_user": "name", "current_role": "name", "session_user": "name",
    "user": "name", "current_catalog": "name", "current_schema": "name",
}


def assignable(source: str, target: SqlType) -> bool:
    """Is there an implicit or assignment cast from `source` to `target`?"""
    if target.is_array:
        return False
    dest = target.name
    if source == dest or dest in _STRING:
        return True  # every type has an assignment I/O cast to strings
    if source in _NUMERIC:
        return dest in _NUMERIC
    if source in _DATETIME:
        return dest in _DATETIME or (dest == "time" and source != "date")
    if source == "time":
        return dest == "interval"
    if source in ("json", "jsonb"):
        return dest in ("json", "jsonb")
    return False


def _literal_type(lit: s.Literal) -> str:
    if lit.kind == "integer":
        value = int(lit.text or "0")
        return "int4" if -2**31 <= value < 2**31 else "int8"
    return {"numeric": "numeric", "boolean": "bool"}[lit.kind]


def is_null_constant(expr: s.Expr) -> bool:
    """`NULL` or `NULL::type`: a default PostgreSQL does not store."""
    while isinstance(expr, s.Cast):
        expr = expr.arg
    return isinstance(expr, s.Literal) and expr.kind == "null"


def check_default(column: str, target: SqlType, expr: s.Expr,
                  sequence_exists: Callable[[str], None]) -> None:
    """Raise what PostgreSQL raises for this DEFAULT, or Unsupported."""
    from twinning import values  # the type I/O functions

    source = _expression_type(expr, values, sequence_exists)
    if source is None:  # an untyped string literal: the column's input function
        # (the typmod — length, precision — is only enforced on INSERT)
        assert isinstance(expr, s.Literal) and expr.text is not None
        values.parse_text(target, expr.text)
        return
    if source == "unknown-null":
        return
    if not assignable(source, target):
        shown = SqlType(source).display() if source in BASE_TYPES else source
        raise SqlError("42804", f'column "{column}" is of type '
                       f"{target.display()} but default expression is of type "
                       f"{shown}",
                       hint="You will need to rewrite or cast the expression.")


def _expression_type(expr: s.Expr, values, sequence_exists) -> str | None:
    """The type of a default expression; None for an untyped string."""
    if isinstance(expr, s.Literal):
        if expr.kind == "null":
            return "unknown-null"
        if expr.kind == "string":
            return None
        return _literal_type(expr)
    if isinstance(expr, s.Cast) and isinstance(expr.arg, s.Literal):
        from twinning.passes.lower_ddl import lower_type
        cast_type, _ = lower_type(expr.type)
        if expr.arg.kind == "string":
            values.apply_typmod(cast_type, values.parse_text(
                cast_type, expr.arg.text or ""), explicit=True)
        elif expr.arg.kind != "null" and not assignable(
                _literal_type(expr.arg), cast_type):
            raise Unsupported("DEFAULT with this cast", expr.location)
        return cast_type.name
    if isinstance(expr, s.FuncCall) and len(expr.name) == 1:
        name = expr.name[0]
        if name in _FUNCTIONS and not expr.args:
            return _FUNCTIONS[name]
        if name == "nextval" and len(expr.args) == 1:
            arg = expr.args[0]
            if isinstance(arg, s.Cast) and arg.type.name == "regclass":
                arg = arg.arg
            if isinstance(arg, s.Literal) and arg.kind == "string":
                sequence_exists(arg.text or "")
                return "int8"
    if isinstance(expr, s.SqlValue) and expr.name in _SQL_VALUES:
        return _SQL_VALUES[expr.name]
    raise Unsupported("DEFAULT expression outside the subset (constants, "
                      "now(), CURRENT_TIMESTAMP, gen_random_uuid(), nextval)",
                      getattr(expr, "location", -1))
