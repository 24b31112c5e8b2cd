"""Type input/output for the statement pipeline, by `ResultType`.

The pipeline needs, per result type: the input function (string literals,
text-format parameters), the output function (text results), binary
send/recv (binary results and parameters), typmod coercion and casts. The
per-type work is `twinning.values` (PostgreSQL's input/output functions);
this module binds it to result types — including the two result-only types
`name` and `void` — once per column, so a plan or a portal holds one
callable per column and per-row work is a plain call.

Values are in `twinning.values`' representation (timestamps as
microseconds since 2000-01-01, dates as days since then, Decimal for
numeric). Casts whose result depends on session settings (anything
involving a date/time type, floats to text) are marked so the planner
does not fold them into a cached plan.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any, Callable

from twinning import values
from twinning.errors import SqlError, feature_not_supported
from twinning.ir import query as q
from twinning.values.floats import to_float32
from twinning.values.integers import INT_TYPES
from twinning.values.numeric import parse_numeric
from twinning.values.settings import DEFAULT_SETTINGS, FormatSettings

Input = Callable[[str], Any]

_STRING_TYPES = frozenset({"text", "varchar", "bpchar", "name"})
_DATETIME = frozenset({"date", "time", "timestamp", "timestamptz", "interval"})
_FLOATS = frozenset({"float4", "float8"})
_INT_NAMES = {"int2": "smallint", "int4": "integer", "int8": "bigint"}


def _sql(rtype: q.ResultType):
    if rtype.sql_type is None:
        raise feature_not_supported(f"values of type {rtype.name} here")
    return rtype.sql_type


def input_function(rtype: q.ResultType,
                   settings: FormatSettings = DEFAULT_SETTINGS) -> Input:
    """The type's input function (text → value), typmod not applied."""
    if rtype.name == "name":
        return lambda text: text
    return values.parser_for(_sql(rtype), settings)


def typmod_function(rtype: q.ResultType, explicit: bool
                    ) -> Callable[[Any], Any] | None:
    """The length/precision coercion of a typmod (None: nothing to do)."""
    if rtype.typmod < 0 or rtype.sql_type is None:
        return None
    return values.typmod_for(rtype.sql_type, explicit)


def formatter(rtype: q.ResultType, settings: FormatSettings) -> Callable[[Any], str]:
    """The output function under `settings`."""
    if rtype.name == "name":
        return str
    if rtype.name == "void":
        return lambda v: ""
    return values.formatter_for(_sql(rtype), settings)


def send_function(rtype: q.ResultType) -> Callable[[Any], bytes]:
    if rtype.name == "name":
        return lambda v: v.encode("utf-8")
    if rtype.name == "void":
        return lambda v: b""
    return values.encoder_for(_sql(rtype))


def recv_function(rtype: q.ResultType, param: int | None = None
                  ) -> Callable[[bytes], Any]:
    if rtype.name == "name":
        return lambda d: d.decode("utf-8")
    sql_type = _sql(rtype)
    return lambda data: values.decode_binary(sql_type, data, param=param)


# -- casts ------------------------------------------------------------------------


def settings_dependent(source: q.ResultType, target: q.ResultType) -> bool:
    """Does the cast's result depend on DateStyle/TimeZone/extra_float_digits?"""
    s, t = source.name, target.name
    if s == t:
        return False
    return (s in _DATETIME or t in _DATETIME
            or (s in _FLOATS and t in _STRING_TYPES))


def _int_range(name: str) -> Callable[[int], int]:
    _, lo, hi = INT_TYPES[name]
    label = _INT_NAMES[name]

    def check(value: int) -> int:
        if not lo <= value <= hi:
            raise SqlError("22003", f"{label} out of range")
        return value
    return check


def cast_function(source: q.ResultType, target: q.ResultType,
                  settings: FormatSettings = DEFAULT_SETTINGS
                  ) -> Callable[[Any], Any]:
    """value of `source` → value of `target` (explicit cast semantics)."""
    typmod = typmod_function(target, explicit=True)
    convert = _convert(source, target, settings)
    if typmod is None:
        return convert
    return lambda v: typmod(convert(v))


def _convert(source: q.ResultType, target: q.ResultType,
             settings: FormatSettings) -> Callable[[Any], Any]:
    s, t = source.name, target.name
    if s == t:
        return lambda v: v
    if s == "unknown":
        return input_function(target, settings)
    if t in INT_TYPES:
        check = _int_range(t)
        if s in INT_TYPES:
            return check
        if s == "numeric":
            return lambda v: check(int(v.to_integral_value(ROUND_HALF_UP)))
        if s in _FLOATS:
            return lambda v: check(int(Decimal(v).to_integral_value(
                ROUND_HALF_EVEN)))
    if t == "numeric" and s in INT_TYPES:
        return Decimal
    if t == "numeric" and s in _FLOATS:
        return lambda v: parse_numeric(repr(v))
    if t in _FLOATS and (s in INT_TYPES or s == "numeric" or s in _FLOATS):
        return (lambda v: to_float32(float(v))) if t == "float4" else float
    if t in _STRING_TYPES:
        if s == "bpchar":  # rtrim1(): trailing blanks are not significant
            return lambda v: v.rstrip(" ")
        if s in _STRING_TYPES:
            return lambda v: v
        if s == "bool":
            return lambda v: "true" if v else "false"
        return formatter(source, settings)
    if s in _STRING_TYPES:
        return input_function(target, settings)
    raise SqlError("42846", f"cannot cast type {source.name} to {target.name}")
