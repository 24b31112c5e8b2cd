"""Column definition lists: `FROM f(…) AS t(a int, b text)` for a
function returning `record` (tablefunc's crosstab, a user function
declared RETURNS [SETOF] record).

The list gives the columns' names and types (transformRangeFunction /
addRangeTableEntryForFunction): it is required for a function returning
record (42601 "a column definition list is required …"), refused for any
other (42601 "… only allowed for functions returning \"record\"", or
"… redundant …" for a named composite type or OUT parameters). Each row
the function gives is checked when it arrives as
ExecMakeTableFunctionResult / tupledesc_match check it: as many fields
as the list names (42804 "function return row and query-specified return
row do not match"). Within ROWS FROM and with ORDINALITY the list is
refused by name. The list is parsed by `parse_select`
(`FunctionRef.column_definitions`).
"""

from __future__ import annotations

from typing import Any, Callable

from twinning.errors import SqlError
from twinning.ir import query as q
from twinning.ir import select as r
from twinning.ir.types import RECORD_OID, RecordType
from twinning.passes.user_functions import result_kind

__all__ = ["required_error", "typed_scan", "checked_rows",
           "returns_record"]


def returns_record(typed: Any) -> bool:
    """Whether a typed call's result is the pseudo-type record (not a
    named composite, not a function with OUT parameters' columns)."""
    if getattr(typed, "columns", ()):
        return False
    sql_type = getattr(typed.type, "sql_type", None)
    user = getattr(sql_type, "user", None)
    if isinstance(user, RecordType):
        return user.oid == RECORD_OID and not user.fields
    return getattr(typed.type, "name", None) == "record"


def required_error(location: int) -> SqlError:
    return SqlError("42601", "a column definition list is required for "
                    'functions returning "record"', position=location + 1
                    if location >= 0 else None)


def typed_scan(ref: r.FunctionRef, typed: Any,
               declared_type: Callable[[Any], q.ResultType]
               ) -> tuple[r.FunctionScan, list[str]]:
    """The scan of `typed` (the one call of `ref`) through the list."""
    first = ref.column_definitions[0][2]
    if not returns_record(typed):
        user = getattr(getattr(typed.type, "sql_type", None), "user", None)
        kind = result_kind(getattr(typed, "oid", 0))
        if kind == "row" or (isinstance(user, RecordType) and
                             user.oid != RECORD_OID):
            message = ("a column definition list is redundant for a "
                       "function returning a named composite type")
        elif isinstance(user, RecordType) or getattr(typed, "columns", ()):
            message = ("a column definition list is redundant for a "
                       "function with OUT parameters")
        else:
            message = ("a column definition list is only allowed for "
                       'functions returning "record"')
        raise SqlError("42601", message, position=first + 1)
    names = [name for name, _, _ in ref.column_definitions]
    types = tuple(declared_type(spec) for _, spec, _ in ref.column_definitions)
    columns = tuple(r.RelColumn(n, t) for n, t in zip(names, types))
    call = r.TColumnDefinitions(typed, types, first)
    return r.FunctionScan((call,), columns, False, True), names


def checked_rows(produce: Callable, count: int) -> Callable:
    """`produce(row, ctx)` → its rows, each checked to have `count`
    fields (a scalar call's one value is its one row)."""
    def rows(row: tuple, ctx: Any) -> list:
        out = []
        for value in produce(row, ctx):
            if value is None:
                out.append((None,) * count)
                continue
            if not isinstance(value, tuple) or len(value) != count:
                got = len(value) if isinstance(value, tuple) else 1
                raise SqlError("42804", "function return row and "
                               "query-specified return row do not match",
                               detail=f"Returned row contains {got} "
                               f"attribute{'s' if got != 1 else ''}, but "
                               f"query expects {count}.")
            out.append(value)
        return out
    return rows
