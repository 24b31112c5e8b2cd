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
from functools import partial
from typing import Any, Callable

from twinning import values
from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, cannot_coerce, feature_not_supported,
    numeric_value_out_of_range,
)
from twinning.ir import query as q
from twinning.ir.types import BASE_TYPES, OID_TYPES, REG_TYPES, SqlType
from twinning.values import bits, md_arrays, money, system, timestamps, timetz
from twinning.values.column_input import column_input
from twinning.values.calendar import (DATE_NOBEGIN, DATE_NOEND,
                                      TIMESTAMP_NOBEGIN, TIMESTAMP_NOEND,
                                      USECS_PER_DAY)
from twinning.values.datetime import Interval
from twinning.values.floats import to_float32
from twinning.values.integers import INT_TYPES
from twinning.values.numeric import parse_numeric
from twinning.values.settings import DEFAULT_SETTINGS, FormatSettings
from twinning.values.timezones import session_zone

Input = Callable[[str], Any]

_STRING_TYPES = frozenset({"text", "varchar", "bpchar", "name"})
_DATETIME = frozenset({"date", "time", "timestamp", "timestamptz", "interval",
                       "timetz"})
_FLOATS = frozenset({"float4", "float8"})
_INT_NAMES = {"int2": "smallint", "int4": "integer", "int8": "bigint"}


def _sql(rtype: q.ResultType):
    if rtype.sql_type is None:
        base = rtype.name[:-2] if rtype.name.endswith("[]") else rtype.name
        if base in BASE_TYPES:  # e.g. q.NAME, built before `name` was a base type
            return SqlType(base, rtype.typmod, rtype.name.endswith("[]"))
        raise feature_not_supported(f"values of type {rtype.name} here")
    return rtype.sql_type


def input_function(rtype: q.ResultType,
                   settings: FormatSettings = DEFAULT_SETTINGS) -> Input:
    """The type's input function (text → value), typmod not applied."""
    return values.parser_for(_sql(rtype), settings)


def text_input(rtype: q.ResultType,
               settings: FormatSettings = DEFAULT_SETTINGS) -> Input:
    """The input function, then the typmod as an assignment applies it:
    a column's converter (`values.column_input`), whose shortcuts for the
    usual spellings give what the input function gives."""
    column = column_input(_sql(rtype), settings)
    return _same if column is None else column.convert


def _same(text: str) -> str:
    return text


def typmod_function(rtype: q.ResultType, explicit: bool
                    ) -> Callable[[Any], Any] | None:
    """The length/precision coercion of a typmod (None: nothing to do)."""
    if rtype.typmod < 0 or rtype.sql_type is None:
        return None
    return values.typmod_for(rtype.sql_type, explicit)


def formatter(rtype: q.ResultType, settings: FormatSettings) -> Callable[[Any], str]:
    """The output function under `settings`."""
    if rtype.name == "void":
        return lambda v: ""
    return values.formatter_for(_sql(rtype), settings)


def send_function(rtype: q.ResultType) -> Callable[[Any], bytes]:
    if rtype.name == "void":
        return lambda v: b""
    return values.encoder_for(_sql(rtype))


def recv_function(rtype: q.ResultType, param: int | None = None
                  ) -> Callable[[bytes], Any]:
    return partial(values.decoder_for(_sql(rtype)), param=param)


# -- casts ------------------------------------------------------------------------


def _element_name(rtype: q.ResultType) -> str:
    return rtype.name[:-2] if rtype.name.endswith("[]") else rtype.name


def settings_dependent(source: q.ResultType, target: q.ResultType) -> bool:
    """Does the cast's result depend on DateStyle/TimeZone/extra_float_digits
    (or bytea_output)?"""
    s, t = _element_name(source), _element_name(target)
    if s == t:
        return False
    return (s in _DATETIME or t in _DATETIME
            or (s in _FLOATS and t in _STRING_TYPES)
            or (s == "bytea" and t in _STRING_TYPES))


def _int_range(name: str) -> Callable[[int], int]:
    _, lo, hi = INT_TYPES[name]
    label = _INT_NAMES[name]

    def check(value: int) -> int:
        if not lo <= value <= hi:
            raise numeric_value_out_of_range(f"{label} out of range")
        return value
    return check


def cast_function(source: q.ResultType, target: q.ResultType,
                  settings: FormatSettings = DEFAULT_SETTINGS,
                  explicit: bool = True) -> Callable[[Any], Any]:
    """value of `source` → value of `target` (a non-NULL value; explicit
    or assignment semantics for the target's typmod)."""
    typmod = typmod_function(target, explicit=explicit)
    if source.name.endswith("[]") and target.name.endswith("[]") \
            and source.name != target.name:
        inner = _convert(_element(source), _element(target), settings)
        convert = lambda v: md_arrays.map_elements(v, inner)  # noqa: E731
    else:
        convert = _convert(source, target, settings)
    if typmod is None:
        return convert
    return lambda v: typmod(convert(v))


def _element(rtype: q.ResultType) -> q.ResultType:
    assert rtype.sql_type is not None
    return q.ResultType.of(rtype.sql_type.element)


def _float_to_int(check: Callable[[int], int]) -> Callable[[float], int]:
    def convert(v: float) -> int:
        if v != v or v in (float("inf"), float("-inf")):
            return check(2**70)
        return check(int(Decimal(v).to_integral_value(ROUND_HALF_EVEN)))
    return convert


def _numeric_to_int(check: Callable[[int], int]) -> Callable[[Decimal], int]:
    def convert(v: Decimal) -> int:
        if v.is_nan():
            raise SqlError(FEATURE_NOT_SUPPORTED, "cannot convert NaN to " + check.__name__)
        if v.is_infinite():
            raise SqlError(FEATURE_NOT_SUPPORTED, "cannot convert infinity to "
                                         + check.__name__)
        return check(int(v.to_integral_value(ROUND_HALF_UP)))
    return convert


def _float_to_numeric(digits: int) -> Callable[[float], Decimal]:
    def convert(v: float) -> Decimal:
        if v != v:
            return Decimal("NaN")
        if v in (float("inf"), float("-inf")):
            return Decimal("Infinity") if v > 0 else Decimal("-Infinity")
        return parse_numeric("%.*g" % (digits, v))
    return convert


def _numeric_to_float(single: bool) -> Callable[[Decimal], float]:
    label = "real" if single else "double precision"

    def convert(v: Decimal) -> float:
        result = float(v)
        if single:
            result = to_float32(result)
        if v.is_finite() and (result in (float("inf"), float("-inf"))
                              or (result == 0.0 and not v.is_zero())):
            raise numeric_value_out_of_range(f'"{format(v, "f")}" is out of range for '
                                             f"type {label}")
        return result
    return convert


def _float8_to_float4(v: float) -> float:
    result = to_float32(v)
    if result in (float("inf"), float("-inf")) and v not in (
            float("inf"), float("-inf")):
        raise numeric_value_out_of_range("value out of range: overflow")
    if result == 0.0 and v != 0.0:
        raise numeric_value_out_of_range("value out of range: underflow")
    return result


def _datetime_cast(s: str, t: str, settings: FormatSettings):
    if s == "date" and t == "timestamp":
        return timestamps.date_to_ts
    if s == "date" and t == "timestamptz":
        return timestamps.date_to_tstz(settings)
    if s == "timestamp" and t == "timestamptz":
        return timestamps.ts_to_tstz(settings)
    zone = session_zone(settings.timezone) if "timestamptz" in (s, t) else None
    finite, to_local = timestamps.finite, timestamps.to_local
    if s == "timestamptz" and t == "timestamp":
        return lambda v: v if not finite(v) else timestamps.check_ts(
            to_local(zone, v))

    def ts_date(v: int) -> int:
        if v == TIMESTAMP_NOBEGIN:
            return DATE_NOBEGIN
        if v == TIMESTAMP_NOEND:
            return DATE_NOEND
        return v // USECS_PER_DAY
    if s == "timestamp" and t == "date":
        return ts_date
    if s == "timestamptz" and t == "date":
        return lambda v: ts_date(v if not finite(v) else to_local(zone, v))
    # timestamp[tz]_time: an infinite timestamp has no time of day (NULL)
    if s == "timestamp" and t == "time":
        return lambda v: v % USECS_PER_DAY if finite(v) else None
    if s == "timestamptz" and t == "time":
        return lambda v: to_local(zone, v) % USECS_PER_DAY if finite(v) else None
    if s == "time" and t == "interval":
        return lambda v: Interval(0, 0, v)
    if s == "interval" and t == "time":
        return lambda v: v.micros % USECS_PER_DAY
    return None


def _system_cast(s: str, t: str) -> Callable[[Any], Any] | None:
    """Casts among the system catalog types and to/from them (pg_cast's
    rows for oid, the reg* types, name and "char"). A cast to a reg* type
    gives a bare OID here; the expression layer names it."""
    if t in OID_TYPES and t not in ("xid", "cid"):
        wrap = system.RegOid if t in REG_TYPES else int
        if s in ("int2", "int4") or s in OID_TYPES:
            return lambda v: wrap(int(v) & system.OID_MAX)
        if s == "int8":
            def oid_of_int8(v: int):
                if v < 0 or v > system.OID_MAX:
                    raise numeric_value_out_of_range("OID out of range")
                return wrap(v)
            return oid_of_int8
    if s in OID_TYPES and t == "int4":
        return lambda v: int(v) - 2**32 if int(v) >= 2**31 else int(v)
    if s in OID_TYPES and t == "int8":
        return int
    if t == "name" and s in _STRING_TYPES:
        if s == "bpchar":
            return lambda v: system.parse_name(v.rstrip(" "))
        return system.parse_name
    if s == "char":
        if t == "int4":
            return system.char_to_int
        if t in _STRING_TYPES:
            return system.format_char
    if t == "char":
        if s == "int4":
            return system.char_from_int
        if s in _STRING_TYPES:
            return system.parse_char
    if s == "pg_node_tree" and t in _STRING_TYPES:
        return lambda v: v
    return None


def _bit_money_cast(s: str, t: str, target: q.ResultType
                    ) -> Callable[[Any], Any] | None:
    """pg_cast's function casts of bit, varbit and money (the length
    coercion of bit(n) follows as the typmod's)."""
    if t == "bit" and s in ("int4", "int8"):
        return bits.from_int(target.typmod)
    if s == "bit" and t in ("int4", "int8"):
        return bits.to_int(32 if t == "int4" else 64)
    if {s, t} == {"bit", "varbit"}:
        return lambda v: v
    return money.CASTS.get((s, t))


def _convert(source: q.ResultType, target: q.ResultType,
             settings: FormatSettings) -> Callable[[Any], Any]:
    s, t = source.name, target.name
    if s == t:
        return lambda v: v
    if s == "unknown":
        return input_function(target, settings)
    found = _system_cast(s, t) or _bit_money_cast(s, t, target)
    if found is not None:
        return found
    if t in INT_TYPES:
        check = _int_range(t)
        check.__name__ = {"int2": "smallint", "int4": "integer",
                          "int8": "bigint"}[t]
        if s in INT_TYPES:
            return check
        if s == "numeric":
            return _numeric_to_int(check)
        if s in _FLOATS:
            return _float_to_int(check)
        if s == "bool" and t == "int4":
            return lambda v: 1 if v else 0
    if t == "bool" and s == "int4":
        return lambda v: v != 0
    if t == "numeric" and s in INT_TYPES:
        return Decimal
    if t == "numeric" and s in _FLOATS:
        return _float_to_numeric(15 if s == "float8" else 6)
    if t in _FLOATS and s == "numeric":
        return _numeric_to_float(t == "float4")
    if t == "float4" and s == "float8":
        return _float8_to_float4
    if t in _FLOATS and (s in INT_TYPES or s in _FLOATS):
        return (lambda v: to_float32(float(v))) if t == "float4" else float
    if t in _STRING_TYPES:
        if s == "bpchar":  # rtrim1(): trailing blanks are not significant
            return lambda v: v.rstrip(" ")
        if s in _STRING_TYPES:
            return lambda v: v
        if s == "bool":
            return lambda v: "true" if v else "false"
        if s == "xml":  # xmltotext: the text as written, declaration kept
            return lambda v: v
        return formatter(source, settings)
    if s in _STRING_TYPES:
        return input_function(target, settings)
    if s in _DATETIME and t in _DATETIME:
        found = timetz.cast(s, t, settings) or _datetime_cast(s, t, settings)
        if found is not None:
            return found
    if s == "json" and t == "jsonb":
        return values.parser_for(_sql(target), settings)
    if s == "jsonb" and t == "json":
        return lambda v: v
    raise cannot_coerce(f"cannot cast type {source.name} to {target.name}")
