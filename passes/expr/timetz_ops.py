"""`time with time zone`: comparison, interval and date arithmetic, AT
TIME ZONE, extract/date_part and CURRENT_TIME (date.c's timetz_*).

Values are `twinning.values.timetz.TimeTz`, whose natural ordering is
timetz_cmp's, so the comparisons are Python's own.
"""

from __future__ import annotations

from decimal import Decimal

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, invalid_parameter_value,
)
from twinning.passes.expr.datetime_ops import (_fields_value, _named_zone,
                                               _unit)
from twinning.passes.expr.registry import (BINARY, COMPARE, PY_COMPARE,
                                           define, reg)
from twinning.values import dtparse as _dtp
from twinning.values import timetz as tt
from twinning.values.calendar import (POSTGRES_EPOCH_JDATE, UNIX_EPOCH_JDATE,
                                      USECS_PER_SEC, dt2time)
from twinning.values.datetime import Interval, format_interval
from twinning.values.timezones import DTZ, DYNTZ, TZ

_TYPE = tt.TYPE_NAME
# the units timetz_part_common knows; any other unit is "not supported"
_UNITS = frozenset({_dtp.DTK_MICROSEC, _dtp.DTK_MILLISEC, _dtp.DTK_SECOND,
                    _dtp.DTK_MINUTE, _dtp.DTK_HOUR, _dtp.DTK_TZ,
                    _dtp.DTK_TZ_HOUR, _dtp.DTK_TZ_MINUTE})


def _extract(numeric: bool):
    """timetz_part_common(): numeric for extract, float8 for date_part."""
    def part(unit: str, value: tt.TimeTz):
        kind, field, low = _unit(unit)
        if kind == _dtp.UNITS:
            if field not in _UNITS:
                raise SqlError(FEATURE_NOT_SUPPORTED, f'unit "{low}" not supported for '
                                             f"type {_TYPE}")
            hh, mi, ss, fs = dt2time(value.time)
            return _fields_value(field, kind, low, 2000, 1, 1, hh, mi, ss, fs,
                                 _TYPE, numeric, None, -value.zone)
        if kind == _dtp.RESERV and field == _dtp.DTK_EPOCH:
            if numeric:
                return Decimal(value.utc).scaleb(-6)
            return value.time / 1000000.0 + value.zone
        raise invalid_parameter_value(f'unit "{low}" not recognized for type {_TYPE}')
    return part


def _zone_at(ctx, name: str, value: tt.TimeTz) -> tt.TimeTz:
    """timetz_zone(): an abbreviation's fixed offset, else the offset the
    abbreviation's or the named zone has at the transaction's start."""
    kind, found = _named_zone(name)
    if kind in (TZ, DTZ):
        return tt.with_zone(value, -found)
    unix = ctx.transaction_start() // USECS_PER_SEC + \
        (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * 86400
    if kind == DYNTZ:
        interpret = getattr(found, "interpret_abbrev", None)
        known = interpret(name.upper(), unix) if interpret else None
        if known is not None:
            return tt.with_zone(value, -known[0])
    return tt.with_zone(value, -found.at_utc(unix)[0])


def _interval_zone(settings):
    """timetz_izone(): a fixed offset of whole seconds (C division)."""
    def zone_shift(span: Interval, value: tt.TimeTz) -> tt.TimeTz:
        if span.months or span.days:
            raise invalid_parameter_value(f'interval time zone "'
                                          f'{format_interval(span, settings)}" must not '
                                          "include months or days")
        east = abs(span.micros) // USECS_PER_SEC * (1 if span.micros >= 0 else -1)
        return tt.with_zone(value, -east)
    return zone_shift


def _current_time(ctx) -> tt.TimeTz:
    """GetSQLCurrentTime(): the transaction's start in the session zone."""
    return tt.from_timestamptz(ctx.settings)(ctx.transaction_start())


def register() -> None:
    for op in COMPARE:
        reg(BINARY, f"timetz {op} timetz", PY_COMPARE[op])
    reg(BINARY, "timetz + interval", lambda v, i: tt.plus_micros(v, i.micros))
    reg(BINARY, "interval + timetz", lambda i, v: tt.plus_micros(v, i.micros))
    reg(BINARY, "timetz - interval", lambda v, i: tt.plus_micros(v, -i.micros))
    reg(BINARY, "date + timetz", tt.at_date)
    reg(BINARY, "timetz + date", lambda v, d: tt.at_date(d, v))
    define("date_part(text,timetz)", _extract(False))
    define("extract(text,timetz)", _extract(True))
    define("timezone(text,timetz)", _zone_at, context=True)
    define("timezone(interval,timetz)", _interval_zone, settings=True)
    define("current_time()", _current_time, context=True)
