"""Timestamp conversions that casts and operators share: date → timestamp
(date2timestamp), local wall time ↔ UTC in a zone, broken-down fields and
the range check (IS_VALID_TIMESTAMP).

Timestamps are microseconds since 2000-01-01 (UTC for timestamptz), dates
days since then; ±infinity are TIMESTAMP_NOBEGIN/NOEND and pass through
unchanged. Conversions that need the TimeZone setting are factories of
`settings`, bound once per settings value.
"""

from __future__ import annotations

from typing import Any, Callable

from twinning.errors import SqlError, datetime_field_overflow
from twinning.values.calendar import (DATE_NOBEGIN, DATE_NOEND,
                                      POSTGRES_EPOCH_JDATE, TIMESTAMP_NOBEGIN,
                                      TIMESTAMP_NOEND, UNIX_EPOCH_JDATE,
                                      USECS_PER_DAY, USECS_PER_SEC, date2j,
                                      dt2time, is_valid_timestamp, j2date)
from twinning.values.timezones import session_zone, tz_for_local


def ts_out_of_range() -> SqlError:
    return datetime_field_overflow("timestamp out of range")


def finite(ts: int) -> bool:
    return ts != TIMESTAMP_NOBEGIN and ts != TIMESTAMP_NOEND


def check_ts(ts: int) -> int:
    if not is_valid_timestamp(ts):
        raise ts_out_of_range()
    return ts


def date_to_ts(days: int) -> int:
    """date2timestamp(): midnight of the date, infinities kept."""
    if days == DATE_NOBEGIN:
        return TIMESTAMP_NOBEGIN
    if days == DATE_NOEND:
        return TIMESTAMP_NOEND
    ts = days * USECS_PER_DAY
    if not is_valid_timestamp(ts):
        raise datetime_field_overflow("date out of range for timestamp")
    return ts


def split(ts: int) -> tuple[int, int, int, int, int, int, int]:
    """timestamp → (year, month, day, hour, minute, second, fsec)."""
    days, micros = divmod(ts, USECS_PER_DAY)
    year, month, day = j2date(days + POSTGRES_EPOCH_JDATE)
    hour, minute, sec, fsec = dt2time(micros)
    return year, month, day, hour, minute, sec, fsec


def join(year: int, month: int, day: int, micros: int) -> int:
    """A date and the microseconds into it → timestamp (unchecked)."""
    jd = date2j(year, month, day)
    return (jd - POSTGRES_EPOCH_JDATE) * USECS_PER_DAY + micros


def local_offset(zone: Any, ts_utc: int) -> int:
    """Seconds east of UTC in `zone` at a UTC timestamp."""
    unix = (ts_utc // USECS_PER_SEC) + \
        (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * 86400
    gmtoff, _, _ = zone.at_utc(unix)
    return gmtoff


def to_local(zone: Any, ts_utc: int) -> int:
    """A UTC timestamp as wall time in `zone`."""
    return ts_utc + local_offset(zone, ts_utc) * USECS_PER_SEC


def from_local(zone: Any, local: int) -> int:
    """A local wall time → UTC (DetermineTimeZoneOffset)."""
    y, m, d, hh, mi, ss, fs = split(local)
    west = tz_for_local(zone, y, m, d, hh, mi, ss)
    return local + west * USECS_PER_SEC


def date_to_tstz(settings: Any) -> Callable[[int], int]:
    """date2timestamptz() under the session's TimeZone."""
    zone = session_zone(settings.timezone)

    def convert(days: int) -> int:
        ts = date_to_ts(days)
        if not finite(ts):
            return ts
        return check_ts(from_local(zone, ts))
    return convert


def ts_to_tstz(settings: Any) -> Callable[[int], int]:
    """timestamp2timestamptz() under the session's TimeZone."""
    zone = session_zone(settings.timezone)
    return lambda ts: ts if not finite(ts) else check_ts(from_local(zone, ts))
