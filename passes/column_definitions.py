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

json_to_record/jsonb_to_record and their _recordset forms fill the
listed columns by name (populate_record_worker): a JSON string's text,
any other value's JSON text, through the column type's input function
with its typmod (JSON null and a missing key: NULL; json/jsonb columns
take the value's JSON); a JSON array into an array column and a
composite column are refused by name. Called anywhere but in FROM with a
list they are PostgreSQL's 0A000 "could not determine row type".
"""

from __future__ import annotations

from typing import Any, Callable

from twinning.errors import (
    SqlError, datatype_mismatch, feature_not_supported,
    invalid_parameter_value, syntax_error,
)
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
    return syntax_error("a column definition list is required for "
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
        raise syntax_error(message, position=first + 1)
    names = [name for name, _, _ in ref.column_definitions]
    types = tuple(declared_type(spec) for _, spec, _ in ref.column_definitions)
    columns = tuple(r.RelColumn(n, t) for n, t in zip(names, types))
    call = r.TColumnDefinitions(typed, types, first, tuple(names))
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
                raise datatype_mismatch("function return row and "
                                        "query-specified return row do not match",
                                        detail=f"Returned row contains {got} "
                                        f"attribute{'s' if got != 1 else ''}, but "
                                        f"query expects {count}.")
            out.append(value)
        return out
    return rows


# -- json_to_record & co.

_POPULATE = {"json_to_record(json)": ("json_to_record", False),
             "jsonb_to_record(jsonb)": ("jsonb_to_record", False),
             "json_to_recordset(json)": ("json_to_recordset", True),
             "jsonb_to_recordset(jsonb)": ("jsonb_to_recordset", True)}


def populator(call: Any, names: tuple, types: tuple, compile: Callable
              ) -> Callable | None:
    """fn(row, ctx) → the rows of a json_to_record-like call, or None for
    any other function."""
    found = _POPULATE.get(getattr(call, "function", None))
    if found is None:
        return None
    from twinning.passes.expr.json_ops import element_spans, _skip
    name, many = found
    arg = compile(call.args[0])
    fill = _filler(names, types)

    def rows(row: tuple, ctx: Any) -> list:
        text = arg(row, ctx)
        if not many:
            if text is None:
                return [(None,) * len(names)]
            kind = text[_skip(text, 0)]
            if kind != "{":
                raise invalid_parameter_value("cannot call populate_composite on "
                                              f"{'an array' if kind == '[' else 'a scalar'}")
            return [fill(text)]
        if text is None:
            return []
        kind = text[_skip(text, 0)]
        if kind != "[":
            raise invalid_parameter_value(f"cannot call {name} on "
                                          f"{'an object' if kind == '{' else 'a scalar'}")
        out = []
        for start, end in element_spans(text):
            if text[start] != "{":
                raise invalid_parameter_value(f"argument of {name} must be an array "
                                              "of objects")
            out.append(fill(text[start:end]))
        return out
    return rows


def _filler(names: tuple, types: tuple) -> Callable[[str], tuple]:
    from twinning import values
    from twinning.passes.expr.json_ops import _as_text, _field
    from twinning.values.json import parse_jsonb

    def convert(raw: str | None, rtype: Any) -> Any:
        text = _as_text(raw)
        if text is None:
            return None
        sql_type = rtype.sql_type
        if sql_type.name in ("json", "jsonb") and not sql_type.is_array:
            raw = raw.strip(" \t\n\r")
            return raw if sql_type.name == "json" else parse_jsonb(raw)
        if getattr(sql_type, "user", None) is not None and \
                sql_type.user.__class__.__name__ == "RecordType":
            raise feature_not_supported("json_to_record into a composite column")
        if sql_type.is_array and not raw.lstrip(" \t\n\r").startswith('"'):
            raise feature_not_supported("json_to_record of a JSON array into "
                                        "an array column")
        return values.coerce_text(sql_type, text)

    def fill(obj: str) -> tuple:
        return tuple(convert(_field(obj, n), t) for n, t in zip(names, types))
    return fill
