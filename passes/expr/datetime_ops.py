"""Dates, times, timestamps and intervals: arithmetic (months added on
the calendar, days on the wall clock in the session's zone for
timestamptz), comparisons across date/timestamp/timestamptz, extract /
date_part / date_trunc, age, justify_*, make_date and the clock
functions.

Ported from utils/adt/timestamp.c and date.c: timestamp_pl_interval,
interval_mul's cascading fractions, interval_cmp_value's 30-day months,
timestamp_age's borrowing. The conversions casts share live in
`twinning.values.timestamps`.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Callable

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, datetime_field_overflow,
    feature_not_supported, invalid_parameter_value,
)
from twinning.passes.expr.numeric_ops import (div_round, div_scale,
                                              numeric_result)
from twinning.passes.expr.registry import (BINARY, COMPARE, FUNCTIONS,
                                           PY_COMPARE, UNARY, Impl, define,
                                           division_by_zero,
                                           interval_out_of_range, reg)
from twinning.values.calendar import (DAY_TAB, POSTGRES_EPOCH_JDATE,
                                      TIMESTAMP_NOBEGIN, TIMESTAMP_NOEND,
                                      UNIX_EPOCH_JDATE,
                                      USECS_PER_DAY, USECS_PER_HOUR,
                                      USECS_PER_MINUTE, USECS_PER_SEC, date2j,
                                      dt2time, is_valid_date, is_valid_julian,
                                      isleap, j2date, j2day)
from twinning.values.datetime import Interval, format_interval
from twinning.values.floats import printf_g
from twinning.values.timestamps import (check_ts, date_to_ts,
                                        date_to_tstz, finite, from_local,
                                        join, local_offset, split, to_local,
                                        ts_out_of_range, ts_to_tstz)
from twinning.values.timezones import (DTZ, DYNTZ, TZ, lookup_abbrev,
                                       lookup_zone, session_zone,
                                       tz_for_abbrev)
from twinning.values.timezones import tz_for_local as tz_for_local_fields


def _days_in_month(year: int, month: int) -> int:
    return DAY_TAB[1 if isleap(year) else 0][month - 1]


def _add_months(year: int, month: int, day: int, months: int
                ) -> tuple[int, int, int]:
    total = year * 12 + (month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    day = min(day, _days_in_month(year, month))
    return year, month, day


def ts_pl_interval(ts: int, span: Interval) -> int:
    """timestamp_pl_interval()."""
    if not finite(ts):
        return ts
    if span.months:
        y, m, d, hh, mi, ss, fs = split(ts)
        y, m, d = _add_months(y, m, d, span.months)
        if not (-4713 <= y <= 294276):
            raise ts_out_of_range()
        ts = join(y, m, d, ((hh * 60 + mi) * 60 + ss) * USECS_PER_SEC + fs)
        check_ts(ts)
    if span.days:
        y, m, d, hh, mi, ss, fs = split(ts)
        jd = date2j(y, m, d) + span.days
        y, m, d = j2date(jd)
        ts = join(y, m, d, ((hh * 60 + mi) * 60 + ss) * USECS_PER_SEC + fs)
        check_ts(ts)
    ts += span.micros
    return check_ts(ts)


def _neg_interval(span: Interval) -> Interval:
    return _interval(-span.months, -span.days, -span.micros)


def _interval(months: int, days: int, micros: int) -> Interval:
    if not (-2**31 <= months < 2**31 and -2**31 <= days < 2**31
            and -2**63 <= micros < 2**63):
        raise interval_out_of_range()
    return Interval(months, days, micros)


def tstz_pl_interval(settings) -> Callable[[int, Interval], int]:
    zone = session_zone(settings.timezone)

    def add(ts: int, span: Interval) -> int:
        if not finite(ts):
            return ts
        if span.months or span.days:
            local = to_local(zone, ts)
            micros_of_day = local % USECS_PER_DAY
            y, m, d, *_ = split(local)
            if span.months:
                y, m, d = _add_months(y, m, d, span.months)
                if not (-4713 <= y <= 294276):
                    raise ts_out_of_range()
            if span.days:
                y, m, d = j2date(date2j(y, m, d) + span.days)
            ts = from_local(zone, join(y, m, d, micros_of_day))
            check_ts(ts)
        return check_ts(ts + span.micros)
    return add


def _ts_mi(a: int, b: int) -> Interval:
    if not (finite(a) and finite(b)):
        raise datetime_field_overflow("cannot subtract infinite timestamps")
    # PostgreSQL 15's timestamp_mi does not check the int64 subtraction
    # (built with -fwrapv, it wraps): the span between the ends of the
    # timestamp range is reported wrapped, not as an error.
    diff = (a - b + 2**63) % 2**64 - 2**63
    days = int(diff / USECS_PER_DAY) if diff >= 0 else -((-diff) // USECS_PER_DAY)
    return _interval(0, days, diff - days * USECS_PER_DAY)


def _date_pl_int(d: int, n: int) -> int:
    if d in (-2**31, 2**31 - 1):
        return d  # date_pli: infinity cannot change
    r = d + n
    if not (-2**31 <= r < 2**31) or not is_valid_date(r):
        raise datetime_field_overflow("date out of range")
    return r


def _date_mi_int(d: int, n: int) -> int:
    return _date_pl_int(d, -n)


def _date_mi(a: int, b: int) -> int:
    if a in (-2**31, 2**31 - 1) or b in (-2**31, 2**31 - 1):
        raise datetime_field_overflow("cannot subtract infinite dates")
    return a - b


def _time_pl_interval(t: int, span: Interval) -> int:
    return (t + span.micros) % USECS_PER_DAY


def _time_mi_interval(t: int, span: Interval) -> int:
    return (t - span.micros) % USECS_PER_DAY


def _time_mi_time(a: int, b: int) -> Interval:
    return Interval(0, 0, a - b)


def _interval_pl(a: Interval, b: Interval) -> Interval:
    return _interval(a.months + b.months, a.days + b.days, a.micros + b.micros)


def _interval_mi(a: Interval, b: Interval) -> Interval:
    return _interval(a.months - b.months, a.days - b.days, a.micros - b.micros)


def _tsround(x: float) -> float:
    return _rint(x * 1000000.0) / 1000000.0


def _rint(x: float) -> float:
    return float(round(x))


def _cascade(months_f: float, days_f: float, months: int, days: int
             ) -> tuple[int, float]:
    """Carry a scaled interval's fractional months and days down, as
    interval_mul() and interval_div() do (a month is 30 days): the days,
    and the seconds left for the time part."""
    month_remainder_days = _tsround((months_f - months) * 30)
    sec_remainder = _tsround((days_f - days + month_remainder_days
                              - int(month_remainder_days)) * 86400)
    if abs(sec_remainder) >= 86400:
        days += int(sec_remainder / 86400)
        sec_remainder -= int(sec_remainder / 86400) * 86400
    return days + int(month_remainder_days), sec_remainder


def interval_mul(span: Interval, factor: float) -> Interval:
    """interval_mul() of PostgreSQL 15, fractions cascading down."""
    if factor != factor:
        raise interval_out_of_range()
    months_f = span.months * factor
    if months_f != months_f or not -2**31 <= months_f < 2**31:
        raise interval_out_of_range()
    days_f = span.days * factor
    if days_f != days_f or not -2**31 <= days_f < 2**31:
        raise interval_out_of_range()
    months = int(months_f)
    days, sec_remainder = _cascade(months_f, days_f, months, int(days_f))
    result_double = _rint(span.micros * factor + sec_remainder * 1000000)
    if result_double != result_double or not -2**63 <= result_double < 2**63:
        raise interval_out_of_range()
    return _interval(months, days, int(result_double))


def interval_div(span: Interval, factor: float) -> Interval:
    if factor == 0.0:
        raise division_by_zero()
    months_f, days_f = span.months / factor, span.days / factor
    months = int(months_f)
    days, sec_remainder = _cascade(months_f, days_f, months, int(days_f))
    return _interval(months, days,
                     int(_rint(span.micros / factor + sec_remainder * 1e6)))


def interval_key(span: Interval) -> int:
    """interval_cmp_value(): months count 30 days, days 24 hours."""
    return span.micros + (span.days + span.months * 30) * USECS_PER_DAY


def _interval_compare(op: str) -> Callable:
    test = PY_COMPARE[op]
    return lambda a, b: test(interval_key(a), interval_key(b))


def _date_cross(op: str, date_left: bool) -> Callable:
    test = PY_COMPARE[op]
    if date_left:
        return lambda a, b: test(date_to_ts(a), b)
    return lambda a, b: test(a, date_to_ts(b))


def _zone_cross(op: str, left_conv: str | None, right_conv: str | None):
    test = PY_COMPARE[op]
    convs = {"date": date_to_tstz, "timestamp": ts_to_tstz}

    def make(settings):
        lc = convs[left_conv](settings) if left_conv else None
        rc = convs[right_conv](settings) if right_conv else None

        def f(a, b):
            return test(lc(a) if lc else a, rc(b) if rc else b)
        return f
    return make


# -- extract / date_part / date_trunc -----------------------------------------------

from twinning.values import dtparse as _dtp  # noqa: E402


def _unit(text: str) -> tuple[int, int, str]:
    low = text.lower()
    kind, value = _dtp.decode_units(low)
    if kind == _dtp.UNKNOWN_FIELD:
        kind, value = _dtp.decode_special(low)
    return kind, value, low


def _isoweek(year: int, month: int, day: int) -> tuple[int, int]:
    import datetime as _dt
    try:
        iso = _dt.date(year, month, day).isocalendar()
        return iso[0], iso[1]
    except ValueError:
        # outside Python's calendar: PostgreSQL's arithmetic
        jd = date2j(year, month, day)
        dow = (jd + 1) % 7 or 7
        thursday = jd + (4 - dow)
        ty, _, _ = j2date(thursday)
        week = (thursday - date2j(ty, 1, 1)) // 7 + 1
        return ty, week


def _fields_value(field: int, kind: int, low: str, y: int, m: int, d: int,
                  hh: int, mi: int, ss: int, fs: int, type_name: str,
                  numeric: bool, epoch_us: int | None, tz_east: int | None
                  ) -> Decimal | float:
    """timestamp_part_common(); ints become numeric or float8."""
    def out(v: int, scale: int = 0):
        if numeric:
            return Decimal(v).scaleb(-scale) if scale else Decimal(v)
        return v / 10 ** scale if scale else float(v)
    U = _dtp
    if kind == U.UNITS:
        if field == U.DTK_MICROSEC:
            return out(ss * 1000000 + fs)
        if field == U.DTK_MILLISEC:
            v = ss * 1000000 + fs
            return Decimal(v).scaleb(-3) if numeric else ss * 1000.0 + fs / 1000.0
        if field == U.DTK_SECOND:
            v = ss * 1000000 + fs
            return Decimal(v).scaleb(-6) if numeric else ss + fs / 1000000.0
        if field == U.DTK_MINUTE:
            return out(mi)
        if field == U.DTK_HOUR:
            return out(hh)
        if field == U.DTK_DAY:
            return out(d)
        if field == U.DTK_MONTH:
            return out(m)
        if field == U.DTK_QUARTER:
            return out((m - 1) // 3 + 1)
        if field == U.DTK_WEEK:
            return out(_isoweek(y, m, d)[1])
        if field == U.DTK_YEAR:
            return out(y if y > 0 else y - 1)
        if field == U.DTK_DECADE:
            return out(y // 10 if y >= 0 else -((8 - (y - 1)) // 10))
        if field == U.DTK_CENTURY:
            return out((y + 99) // 100 if y > 0 else -((99 - (y - 1)) // 100))
        if field == U.DTK_MILLENNIUM:
            return out((y + 999) // 1000 if y > 0 else
                       -((999 - (y - 1)) // 1000))
        if field == U.DTK_JULIAN:
            secs = ((hh * 60 + mi) * 60 + ss) * 1000000 + fs
            if numeric:
                frac = div_round(Decimal(secs), Decimal(86400000000),
                                  div_scale(Decimal(secs) if secs else
                                            Decimal(0), Decimal(86400000000)))
                return numeric_result(Decimal(date2j(y, m, d)) + frac) \
                    if secs else Decimal(date2j(y, m, d))
            return date2j(y, m, d) + secs / 86400000000.0
        if field == U.DTK_ISOYEAR:
            iy = _isoweek(y, m, d)[0]
            return out(iy if iy > 0 else iy - 1)
        if field in (U.DTK_DOW, U.DTK_ISODOW):
            dow = j2day(date2j(y, m, d))
            if field == U.DTK_ISODOW and dow == 0:
                dow = 7
            return out(dow)
        if field == U.DTK_DOY:
            return out(date2j(y, m, d) - date2j(y, 1, 1) + 1)
        if tz_east is not None and field in (U.DTK_TZ, U.DTK_TZ_HOUR,
                                             U.DTK_TZ_MINUTE):
            if field == U.DTK_TZ:
                return out(tz_east)
            if field == U.DTK_TZ_HOUR:
                return out(int(tz_east / 3600))
            return out(int((tz_east - int(tz_east / 3600) * 3600) / 60))
        raise SqlError(FEATURE_NOT_SUPPORTED, f'unit "{low}" not supported for type '
                                     f"{type_name}")
    if kind == U.RESERV and field == U.DTK_EPOCH and epoch_us is not None:
        return Decimal(epoch_us).scaleb(-6) if numeric else epoch_us / 1e6
    raise invalid_parameter_value(f'unit "{low}" not recognized for type '
                                  f"{type_name}")


_EPOCH_TS = (2440588 - POSTGRES_EPOCH_JDATE) * USECS_PER_DAY


def _extract_ts(numeric: bool, with_tz: bool):
    type_name = "timestamp with time zone" if with_tz else \
        "timestamp without time zone"

    def make(settings):
        zone = session_zone(settings.timezone) if with_tz else None

        def f(unit: str, ts: int):
            kind, field, low = _unit(unit)
            if not finite(ts):
                return _infinite_part(kind, field, low, ts, numeric, type_name)
            local, east = ts, None
            if zone is not None:
                east = local_offset(zone, ts)
                local = ts + east * USECS_PER_SEC
            y, m, d, hh, mi, ss, fs = split(local)
            return _fields_value(field, kind, low, y, m, d, hh, mi, ss, fs,
                                 type_name, numeric, ts - _EPOCH_TS, east)
        return f
    return make


def _infinite_part(kind, field, low, ts, numeric, type_name):
    U = _dtp
    growing = {U.DTK_YEAR, U.DTK_DECADE, U.DTK_CENTURY, U.DTK_MILLENNIUM,
               U.DTK_JULIAN, U.DTK_ISOYEAR}
    if (kind == U.UNITS and field in growing) or (
            kind == U.RESERV and field == U.DTK_EPOCH):
        sign = 1 if ts == TIMESTAMP_NOEND else -1
        if numeric:
            return Decimal("Infinity") * sign
        return math.inf * sign
    if kind == U.UNITS and field in (
            U.DTK_MICROSEC, U.DTK_MILLISEC, U.DTK_SECOND, U.DTK_MINUTE,
            U.DTK_HOUR, U.DTK_DAY, U.DTK_MONTH, U.DTK_QUARTER, U.DTK_WEEK,
            U.DTK_DOW, U.DTK_ISODOW, U.DTK_DOY, U.DTK_TZ, U.DTK_TZ_HOUR,
            U.DTK_TZ_MINUTE):
        return None
    return _fields_value(field, kind, low, 2000, 1, 1, 0, 0, 0, 0, type_name,
                         numeric, 0, None)


def _extract_date(unit: str, days: int):
    """extract(field from date) of PostgreSQL 14+: integral numerics."""
    kind, field, low = _unit(unit)
    U = _dtp
    if days in (-2**31, 2**31 - 1):
        return _infinite_part(kind, field, low, TIMESTAMP_NOEND if days > 0
                              else TIMESTAMP_NOBEGIN, True, "date")
    y, m, d = j2date(days + POSTGRES_EPOCH_JDATE)
    if kind == U.UNITS and field in (U.DTK_MICROSEC, U.DTK_MILLISEC,
                                     U.DTK_SECOND, U.DTK_MINUTE, U.DTK_HOUR,
                                     U.DTK_TZ, U.DTK_TZ_HOUR, U.DTK_TZ_MINUTE):
        raise SqlError(FEATURE_NOT_SUPPORTED, f'unit "{low}" not supported for type date')
    if kind == U.UNITS and field == U.DTK_JULIAN:
        return Decimal(date2j(y, m, d))
    if kind == U.RESERV and field == U.DTK_EPOCH:
        return Decimal((days - (2440588 - POSTGRES_EPOCH_JDATE)) * 86400)
    return _fields_value(field, kind, low, y, m, d, 0, 0, 0, 0, "date", True,
                         None, None)


def _date_part_date(unit: str, days: int) -> float:
    ts = date_to_ts(days)
    return _extract_ts(False, False)(None)(unit, ts)


def _extract_time(numeric: bool):
    def f(unit: str, t: int):
        kind, field, low = _unit(unit)
        U = _dtp
        hh, mi, ss, fs = dt2time(t)
        if kind == U.UNITS:
            if field in (U.DTK_MICROSEC, U.DTK_MILLISEC, U.DTK_SECOND,
                         U.DTK_MINUTE, U.DTK_HOUR):
                return _fields_value(field, kind, low, 2000, 1, 1, hh, mi, ss,
                                     fs, "time without time zone", numeric,
                                     None, None)
            raise SqlError(FEATURE_NOT_SUPPORTED, f'unit "{low}" not supported for type '
                                         "time without time zone")
        if kind == U.RESERV and field == U.DTK_EPOCH:
            return Decimal(t).scaleb(-6) if numeric else t / 1e6
        raise invalid_parameter_value(f'unit "{low}" not recognized for type '
                                      "time without time zone")
    return f


def _extract_interval(numeric: bool):
    def f(unit: str, span: Interval):
        kind, field, low = _unit(unit)
        U = _dtp

        def out(v: int, scale: int = 0):
            if numeric:
                return Decimal(v).scaleb(-scale) if scale else Decimal(v)
            return v / 10 ** scale if scale else float(v)
        years = int(span.months / 12)
        months = span.months - years * 12
        micros = span.micros
        hours = int(micros / USECS_PER_HOUR)
        micros -= hours * USECS_PER_HOUR
        minutes = int(micros / USECS_PER_MINUTE)
        micros -= minutes * USECS_PER_MINUTE
        secs_us = micros
        if kind == U.UNITS:
            if field == U.DTK_MICROSEC:
                return out(secs_us)
            if field == U.DTK_MILLISEC:
                return out(secs_us, 3)
            if field == U.DTK_SECOND:
                return out(secs_us, 6)
            if field == U.DTK_MINUTE:
                return out(minutes)
            if field == U.DTK_HOUR:
                return out(hours)
            if field == U.DTK_DAY:
                return out(span.days)
            if field == U.DTK_MONTH:
                return out(months)
            if field == U.DTK_QUARTER:
                return out(int(months / 3) + 1)
            if field == U.DTK_YEAR:
                return out(years)
            if field == U.DTK_DECADE:
                return out(int(years / 10))
            if field == U.DTK_CENTURY:
                return out(int(years / 100))
            if field == U.DTK_MILLENNIUM:
                return out(int(years / 1000))
            raise SqlError(FEATURE_NOT_SUPPORTED, f'unit "{low}" not supported for type '
                                         "interval")
        if kind == U.RESERV and field == U.DTK_EPOCH:
            if numeric:
                val = ((1461 * years + 120 * months + 4 * span.days) * 21600
                       * 1000000 + span.micros)
                return Decimal(val).scaleb(-6)
            return (span.micros / 1000000.0 + 365.25 * 86400 * years
                    + 30.0 * 86400 * months + 86400.0 * span.days)
        raise invalid_parameter_value(f'unit "{low}" not recognized for type '
                                      "interval")
    return f


_TRUNC_UNITS = {_dtp.DTK_MILLENNIUM, _dtp.DTK_CENTURY, _dtp.DTK_DECADE,
                _dtp.DTK_YEAR, _dtp.DTK_QUARTER, _dtp.DTK_MONTH, _dtp.DTK_WEEK,
                _dtp.DTK_DAY, _dtp.DTK_HOUR, _dtp.DTK_MINUTE, _dtp.DTK_SECOND,
                _dtp.DTK_MILLISEC, _dtp.DTK_MICROSEC}


def _trunc_fields(field: int, y, m, d, hh, mi, ss, fs):
    U = _dtp
    if field == U.DTK_WEEK:
        iy, wk = _isoweek(y, m, d)
        jd = date2j(y, m, d)
        dow = j2day(jd) or 7
        y, m, d = j2date(jd - (dow - 1))
        return y, m, d, 0, 0, 0, 0
    if field == U.DTK_MILLENNIUM:
        y = ((y + 999) // 1000) * 1000 - 999 if y > 0 else \
            -((999 - (y - 1)) // 1000) * 1000 + 1
        return y, 1, 1, 0, 0, 0, 0
    if field == U.DTK_CENTURY:
        y = ((y + 99) // 100) * 100 - 99 if y > 0 else \
            -((99 - (y - 1)) // 100) * 100 + 1
        return y, 1, 1, 0, 0, 0, 0
    if field == U.DTK_DECADE:
        if y > 0:
            y = (y // 10) * 10
        else:
            y = -((8 - (y - 1)) // 10) * 10
        return y, 1, 1, 0, 0, 0, 0
    if field == U.DTK_YEAR:
        return y, 1, 1, 0, 0, 0, 0
    if field == U.DTK_QUARTER:
        return y, 3 * ((m - 1) // 3) + 1, 1, 0, 0, 0, 0
    if field == U.DTK_MONTH:
        return y, m, 1, 0, 0, 0, 0
    if field == U.DTK_DAY:
        return y, m, d, 0, 0, 0, 0
    if field == U.DTK_HOUR:
        return y, m, d, hh, 0, 0, 0
    if field == U.DTK_MINUTE:
        return y, m, d, hh, mi, 0, 0
    if field == U.DTK_SECOND:
        return y, m, d, hh, mi, ss, 0
    if field == U.DTK_MILLISEC:
        return y, m, d, hh, mi, ss, (fs // 1000) * 1000
    return y, m, d, hh, mi, ss, fs


def _trunc_unit(unit: str, type_name: str) -> int:
    kind, field, low = _unit(unit)
    if kind != _dtp.UNITS:
        raise invalid_parameter_value(f'unit "{low}" not recognized for type '
                                      f"{type_name}")
    if field not in _TRUNC_UNITS:
        raise SqlError(FEATURE_NOT_SUPPORTED, f'unit "{low}" not supported for type '
                                     f"{type_name}")
    return field


def _date_trunc_ts(unit: str, ts: int) -> int:
    field = _trunc_unit(unit, "timestamp without time zone")
    if not finite(ts):
        return ts
    y, m, d, hh, mi, ss, fs = _trunc_fields(field, *split(ts))
    return check_ts(join(y, m, d, ((hh * 60 + mi) * 60 + ss)
                           * USECS_PER_SEC + fs))


def _date_trunc_tstz(settings):
    zone = session_zone(settings.timezone)

    def f(unit: str, ts: int) -> int:
        field = _trunc_unit(unit, "timestamp with time zone")
        if not finite(ts):
            return ts
        local = to_local(zone, ts)
        y, m, d, hh, mi, ss, fs = _trunc_fields(field, *split(local))
        truncated = join(y, m, d, ((hh * 60 + mi) * 60 + ss)
                          * USECS_PER_SEC + fs)
        if field in (_dtp.DTK_MINUTE, _dtp.DTK_SECOND, _dtp.DTK_MILLISEC,
                     _dtp.DTK_MICROSEC):
            # sub-hour truncation keeps the instant's own offset
            return check_ts(ts - (local - truncated))
        return check_ts(from_local(zone, truncated))
    return f


def _date_trunc_interval(unit: str, span: Interval) -> Interval:
    kind, field, low = _unit(unit)
    if kind != _dtp.UNITS:
        raise invalid_parameter_value(f'unit "{low}" not recognized for type '
                                      "interval")
    U = _dtp
    if field == U.DTK_WEEK:
        raise SqlError(FEATURE_NOT_SUPPORTED, f'unit "{low}" not supported for type '
                                     "interval", detail="Months usually have fractional "
                                     "weeks.")
    if field not in _TRUNC_UNITS:
        raise SqlError(FEATURE_NOT_SUPPORTED, f'unit "{low}" not supported for type '
                                     "interval")
    years = int(span.months / 12)
    months = span.months - years * 12
    days = span.days
    micros = span.micros
    hours = int(micros / USECS_PER_HOUR)
    rest = micros - hours * USECS_PER_HOUR
    minutes = int(rest / USECS_PER_MINUTE)
    rest -= minutes * USECS_PER_MINUTE
    secs = int(rest / USECS_PER_SEC)
    fs = rest - secs * USECS_PER_SEC
    order = [U.DTK_MILLENNIUM, U.DTK_CENTURY, U.DTK_DECADE, U.DTK_YEAR,
             U.DTK_QUARTER, U.DTK_MONTH, U.DTK_DAY, U.DTK_HOUR, U.DTK_MINUTE,
             U.DTK_SECOND, U.DTK_MILLISEC, U.DTK_MICROSEC]
    level = order.index(field)
    if field == U.DTK_MILLENNIUM:
        years = int(years / 1000) * 1000
    elif field == U.DTK_CENTURY:
        years = int(years / 100) * 100
    elif field == U.DTK_DECADE:
        years = int(years / 10) * 10
    if level <= 3:
        months = 0
    if field == U.DTK_QUARTER:
        months = 3 * int(months / 3)
    if level <= 5:
        days = 0
    if level <= 6:
        hours = 0
    if level <= 7:
        minutes = 0
    if level <= 8:
        secs = 0
    if level <= 9:
        fs = 0
    if field == U.DTK_MILLISEC:
        fs = int(fs / 1000) * 1000
    return _interval(years * 12 + months, days,
                     ((hours * 60 + minutes) * 60 + secs) * USECS_PER_SEC + fs)


def _age_ts(a: int, b: int) -> Interval:
    if not (finite(a) and finite(b)):
        raise feature_not_supported("age() of infinite timestamps")
    return _age_pg(split(a), split(b))


def _age_pg(t1: tuple, t2: tuple) -> Interval:
    """timestamp_age(): field-wise difference, borrowing a month's days
    from the month of the earlier operand."""
    y1, m1, d1, h1, mi1, s1, f1 = t1
    y2, m2, d2, h2, mi2, s2, f2 = t2
    fsec = f1 - f2
    sec = s1 - s2
    minute = mi1 - mi2
    hour = h1 - h2
    mday = d1 - d2
    mon = m1 - m2
    year = y1 - y2
    # flip sign if necessary
    sign = 1
    if (t1 < t2):
        sign = -1
        fsec, sec, minute, hour = -fsec, -sec, -minute, -hour
        mday, mon, year = -mday, -mon, -year
    while fsec < 0:
        fsec += USECS_PER_SEC
        sec -= 1
    while sec < 0:
        sec += 60
        minute -= 1
    while minute < 0:
        minute += 60
        hour -= 1
    while hour < 0:
        hour += 24
        mday -= 1
    while mday < 0:
        if t1 < t2:
            mday += _days_in_month(y1, m1)
        else:
            mday += _days_in_month(y2, m2)
        mon -= 1
    while mon < 0:
        mon += 12
        year -= 1
    if sign < 0:
        fsec, sec, minute, hour = -fsec, -sec, -minute, -hour
        mday, mon, year = -mday, -mon, -year
    return _interval(year * 12 + mon, mday,
                     ((hour * 60 + minute) * 60 + sec) * USECS_PER_SEC + fsec)


def _age_tstz(settings):
    zone = session_zone(settings.timezone)

    def f(a: int, b: int) -> Interval:
        if not (finite(a) and finite(b)):
            raise feature_not_supported("age() of infinite timestamps")
        return _age_pg(split(to_local(zone, a)), split(to_local(zone, b)))
    return f


def _carry(high: int, low: int, unit: int) -> tuple[int, int]:
    """Whole `unit`s of `low` moved into `high` (truncating, as C does)."""
    whole = int(low / unit)
    return high + whole, low - whole * unit


def _borrow(high: int, low: int, unit: int) -> tuple[int, int]:
    """`low` given the sign of `high` by moving one `unit` between them."""
    if high > 0 and low < 0:
        return high - 1, low + unit
    if high < 0 and low > 0:
        return high + 1, low - unit
    return high, low


def _justify_hours(span: Interval) -> Interval:
    days, micros = _carry(span.days, span.micros, USECS_PER_DAY)
    days, micros = _borrow(days, micros, USECS_PER_DAY)
    return _interval(span.months, days, micros)


def _justify_days(span: Interval) -> Interval:
    months, days = _borrow(*_carry(span.months, span.days, 30), 30)
    return _interval(months, days, span.micros)


def _justify_interval(span: Interval) -> Interval:
    days, micros = _carry(span.days, span.micros, USECS_PER_DAY)
    months, days = _carry(span.months, days, 30)
    if months > 0 and (days < 0 or (days == 0 and micros < 0)):
        days += 30
        months -= 1
    elif months < 0 and (days > 0 or (days == 0 and micros > 0)):
        days -= 30
        months += 1
    days, micros = _borrow(days, micros, USECS_PER_DAY)
    return _interval(months, days, micros)


def _make_date(y: int, m: int, d: int) -> int:
    if y == 0:
        raise datetime_field_overflow(f"date field value out of range: {y}-"
                                      f"{m:02d}-{d:02d}")
    # ValidateDate turns a BC year into PostgreSQL's internal numbering
    # (1 BC = 0) before the checks, and the messages print that year
    year = y if y > 0 else y + 1
    if not (1 <= m <= 12) or not (1 <= d <= _days_in_month(year, m)):
        raise datetime_field_overflow(f"date field value out of range: {year}-"
                                      f"{m:02d}-{d:02d}")
    if not is_valid_julian(year, m, d):
        raise datetime_field_overflow(f"date out of range: {year}-{m:02d}-{d:02d}")
    days = date2j(year, m, d) - POSTGRES_EPOCH_JDATE
    if not is_valid_date(days):
        raise datetime_field_overflow(f"date out of range: {year}-{m:02d}-{d:02d}")
    return days


# age(ts) = age(current_date at midnight, ts): needs the clock
def _age_now(ctx, ts: int) -> Interval:
    midnight = ctx.current_date() * USECS_PER_DAY
    return _age_ts(midnight, ts)


def _age_now_tz(ctx, ts: int) -> Interval:
    make = _age_tstz
    midnight_local = ctx.current_date() * USECS_PER_DAY
    zone = session_zone(ctx.settings.timezone)
    return make(ctx.settings)(from_local(zone, midnight_local), ts)


def _time_overflows(hour: int, minute: int, sec: float) -> bool:
    """float_time_overflows(): fields out of range, or past 24:00:00."""
    if hour < 0 or hour > 24 or minute < 0 or minute >= 60 or \
            not math.isfinite(sec):
        return True
    micros = _rint(sec * USECS_PER_SEC)
    if micros < 0 or micros > 60 * USECS_PER_SEC:
        return True
    return (hour * 60 + minute) * 60 * USECS_PER_SEC + int(micros) > USECS_PER_DAY


def _time_fields(hour: int, minute: int, sec: float) -> int:
    if _time_overflows(hour, minute, sec):
        raise datetime_field_overflow(f"time field value out of range: "
                                      f"{hour}:{minute:02d}:{printf_g(sec, '02')}")
    return (hour * 60 + minute) * 60 * USECS_PER_SEC + int(_rint(sec * USECS_PER_SEC))


def _make_time(hour: int, minute: int, sec: float) -> int:
    return _time_fields(hour, minute, sec)


def _make_timestamp(y: int, m: int, d: int, hour: int, minute: int,
                    sec: float) -> int:
    """make_timestamp_internal(): years before 1 are refused, not BC."""
    if y <= 0 or not (1 <= m <= 12) or not (1 <= d <= _days_in_month(y, m)):
        raise datetime_field_overflow(f"date field value out of range: {y}-{m:02d}-{d:02d}")
    if not is_valid_julian(y, m, d):
        raise datetime_field_overflow(f"date out of range: {y}-{m:02d}-{d:02d}")
    days = date2j(y, m, d) - POSTGRES_EPOCH_JDATE
    result = days * USECS_PER_DAY + _time_fields(hour, minute, sec)
    if not finite(result) or check_ts_quiet(result) is None:
        raise datetime_field_overflow(f"timestamp out of range: {y}-{m:02d}-{d:02d} "
                                      f"{hour}:{minute:02d}:{printf_g(sec, '02')}")
    return result


def check_ts_quiet(ts: int) -> int | None:
    try:
        return check_ts(ts)
    except SqlError:
        return None


def _make_timestamptz(settings):
    zone = session_zone(settings.timezone)

    def make(y: int, m: int, d: int, hour: int, minute: int, sec: float) -> int:
        return check_ts(from_local(zone, _make_timestamp(y, m, d, hour, minute, sec)))
    return make


_INT4 = (-2**31, 2**31 - 1)


def _make_interval(years: int, months: int, weeks: int, days: int,
                   hours: int, mins: int, secs: float) -> Interval:
    """make_interval(): whole fields, seconds rounded to microseconds."""
    if math.isinf(secs) or math.isnan(secs):
        raise interval_out_of_range()
    month = years * 12 + months
    day = weeks * 7 + days
    micros = hours * USECS_PER_HOUR + mins * USECS_PER_MINUTE + int(_rint(secs * USECS_PER_SEC))
    if not (_INT4[0] <= month <= _INT4[1] and _INT4[0] <= day <= _INT4[1]
            and -2**63 <= micros < 2**63):
        raise interval_out_of_range()
    return Interval(month, day, micros)


# -- AT TIME ZONE: timezone(zone, timestamp[tz]) -------------------------------

def _named_zone(name: str):
    """How timestamp[tz]_zone read a zone name: a time zone abbreviation
    first (fixed: (TZ, seconds east); dynamic: (DYNTZ, its zone)), else a
    full zone name (pg_tzset: (None, zone)), else 22023."""
    found = lookup_abbrev(name.lower()[:63])
    if found is not None:
        return found
    zone = lookup_zone(name)
    if zone is None:
        raise invalid_parameter_value(f'time zone "{name}" not recognized')
    return None, zone


def _local_west(zone, local: int) -> int:
    """DetermineTimeZoneOffset() of a wall time, in seconds west."""
    y, m, d, hh, mi, ss, _ = split(local)
    return tz_for_local_fields(zone, y, m, d, hh, mi, ss)


def _timestamptz_zone(name: str, ts: int) -> int:
    """timestamptz AT TIME ZONE text: the wall time there (timestamp)."""
    if not finite(ts):
        return ts
    kind, value = _named_zone(name)
    if kind in (TZ, DTZ):
        return check_ts(ts + value * USECS_PER_SEC)
    if kind == DYNTZ:
        unix = ts // USECS_PER_SEC + \
            (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * 86400
        interpret = getattr(value, "interpret_abbrev", None)
        found = interpret(name.upper(), unix) if interpret else None
        if found is not None:
            return check_ts(ts + found[0] * USECS_PER_SEC)
        return check_ts(ts - _local_west(value, to_local(value, ts))
                        * USECS_PER_SEC)
    return check_ts(to_local(value, ts))


def _timestamp_zone(name: str, ts: int) -> int:
    """timestamp AT TIME ZONE text: that wall time there (timestamptz)."""
    if not finite(ts):
        return ts
    kind, value = _named_zone(name)
    if kind in (TZ, DTZ):
        return check_ts(ts - value * USECS_PER_SEC)
    if kind == DYNTZ:
        y, m, d, hh, mi, ss, _ = split(ts)
        return check_ts(ts + tz_for_abbrev(value, name, y, m, d, hh, mi, ss)
                        * USECS_PER_SEC)
    return check_ts(from_local(value, ts))


def _interval_zone(to_utc: bool):
    """timestamp[tz] AT TIME ZONE interval: a fixed offset of whole
    seconds (C division, toward zero); months or days are 22023."""
    def make(settings):
        def zone_shift(span: Interval, ts: int) -> int:
            if not finite(ts):
                return ts
            if span.months or span.days:
                raise invalid_parameter_value(f'interval time zone "{format_interval(span, settings)}" '
                                              "must not include months or days")
            east = abs(span.micros) // USECS_PER_SEC * (1 if span.micros >= 0 else -1)
            return check_ts(ts - east * USECS_PER_SEC if to_utc
                            else ts + east * USECS_PER_SEC)
        return zone_shift
    return make


def register() -> None:
    for op in COMPARE:
        for k in ("date", "time", "timestamp", "timestamptz"):
            reg(BINARY, f"{k} {op} {k}", PY_COMPARE[op])
        reg(BINARY, f"interval {op} interval", _interval_compare(op))
        reg(BINARY, f"date {op} timestamp", _date_cross(op, True))
        reg(BINARY, f"timestamp {op} date", _date_cross(op, False))
        reg(BINARY, f"date {op} timestamptz", _zone_cross(op, "date", None),
            settings=True)
        reg(BINARY, f"timestamptz {op} date", _zone_cross(op, None, "date"),
            settings=True)
        reg(BINARY, f"timestamp {op} timestamptz",
            _zone_cross(op, "timestamp", None), settings=True)
        reg(BINARY, f"timestamptz {op} timestamp",
            _zone_cross(op, None, "timestamp"), settings=True)
    reg(BINARY, "date + int4", _date_pl_int)
    reg(BINARY, "int4 + date", lambda n, d: _date_pl_int(d, n))
    reg(BINARY, "date - int4", _date_mi_int)
    reg(BINARY, "date - date", _date_mi)
    reg(BINARY, "date + interval",
        lambda d, i: ts_pl_interval(date_to_ts(d), i))
    reg(BINARY, "interval + date",
        lambda i, d: ts_pl_interval(date_to_ts(d), i))
    reg(BINARY, "date - interval",
        lambda d, i: ts_pl_interval(date_to_ts(d), _neg_interval(i)))
    reg(BINARY, "date + time", lambda d, t: check_ts(date_to_ts(d) + t))
    reg(BINARY, "time + date", lambda t, d: check_ts(date_to_ts(d) + t))
    reg(BINARY, "timestamp + interval", ts_pl_interval)
    reg(BINARY, "interval + timestamp", lambda i, t: ts_pl_interval(t, i))
    reg(BINARY, "timestamp - interval",
        lambda t, i: ts_pl_interval(t, _neg_interval(i)))
    reg(BINARY, "timestamp - timestamp", _ts_mi)
    reg(BINARY, "timestamptz + interval", tstz_pl_interval, settings=True)

    def tstz_plus_rev(settings):
        add = tstz_pl_interval(settings)
        return lambda i, t: add(t, i)

    def tstz_minus(settings):
        add = tstz_pl_interval(settings)
        return lambda t, i: add(t, _neg_interval(i))
    reg(BINARY, "interval + timestamptz", tstz_plus_rev, settings=True)
    reg(BINARY, "timestamptz - interval", tstz_minus, settings=True)
    reg(BINARY, "timestamptz - timestamptz", _ts_mi)
    reg(BINARY, "time + interval", _time_pl_interval)
    reg(BINARY, "interval + time", lambda i, t: _time_pl_interval(t, i))
    reg(BINARY, "time - interval", _time_mi_interval)
    reg(BINARY, "time - time", _time_mi_time)
    reg(BINARY, "interval + interval", _interval_pl)
    reg(BINARY, "interval - interval", _interval_mi)
    reg(BINARY, "interval * float8", interval_mul)
    reg(BINARY, "float8 * interval", lambda f, i: interval_mul(i, f))
    reg(BINARY, "interval / float8", interval_div)
    reg(UNARY, "- interval", _neg_interval)
    reg(UNARY, "+ interval", lambda v: v)
    # the clock: the transaction's start, the statement's, the wall clock
    define("now()", lambda ctx: ctx.transaction_start(), context=True)
    define("transaction_timestamp()", lambda ctx: ctx.transaction_start(),
           context=True)
    define("statement_timestamp()", lambda ctx: ctx.statement_start(),
           context=True)
    define("clock_timestamp()", lambda ctx: ctx.clock(), context=True,
           volatile=True)
    define("current_date()", lambda ctx: ctx.current_date(), context=True)
    define("localtimestamp()", lambda ctx: ctx.local_timestamp(), context=True)
    define("localtime()", lambda ctx: ctx.local_timestamp() % USECS_PER_DAY,
           context=True)
    define("date_part(text,timestamp)", _extract_ts(False, False),
           settings=True)
    define("date_part(text,timestamptz)", _extract_ts(False, True),
           settings=True)
    define("date_part(text,date)", _date_part_date)
    define("date_part(text,time)", _extract_time(False))
    define("date_part(text,interval)", _extract_interval(False))
    define("extract(text,timestamp)", _extract_ts(True, False), settings=True)
    define("extract(text,timestamptz)", _extract_ts(True, True), settings=True)
    define("extract(text,date)", _extract_date)
    define("extract(text,time)", _extract_time(True))
    define("extract(text,interval)", _extract_interval(True))
    define("date_trunc(text,timestamp)", _date_trunc_ts)
    define("date_trunc(text,timestamptz)", _date_trunc_tstz, settings=True)
    define("date_trunc(text,interval)", _date_trunc_interval)
    define("age(timestamp,timestamp)", _age_ts)
    define("age(timestamptz,timestamptz)", _age_tstz, settings=True)
    FUNCTIONS["age(timestamp)"] = Impl(_age_now, context=True)
    FUNCTIONS["age(timestamptz)"] = Impl(_age_now_tz, context=True)
    define("justify_days(interval)", _justify_days)
    define("justify_hours(interval)", _justify_hours)
    define("justify_interval(interval)", _justify_interval)
    define("isfinite(date)", lambda d: d not in (-2**31, 2**31 - 1))
    define("isfinite(timestamp)", finite)
    define("isfinite(timestamptz)", finite)
    define("isfinite(interval)", lambda i: True)
    define("make_time(int4,int4,float8)", _make_time)
    define("make_timestamp(int4,int4,int4,int4,int4,float8)", _make_timestamp)
    define("make_timestamptz(int4,int4,int4,int4,int4,float8)",
           _make_timestamptz, settings=True)
    define("make_interval(int4,int4,int4,int4,int4,int4,float8)", _make_interval)
    define("timezone(text,timestamptz)", _timestamptz_zone)
    define("timezone(text,timestamp)", _timestamp_zone)
    define("timezone(interval,timestamptz)", _interval_zone(False), settings=True)
    define("timezone(interval,timestamp)", _interval_zone(True), settings=True)
    define("make_date(int4,int4,int4)", _make_date)
