"""`time with time zone` (timetz): the value, its input and output, typmod
rounding, binary and snapshot forms, and the conversions casts and
operators share (date.c's timetz_* functions).

A value is `TimeTz(utc, zone)`: `zone` is seconds *west* of UTC, as
PostgreSQL stores it, and `utc` is the local time of day in microseconds
plus the zone (`time + zone * 1e6`). timetz_cmp orders by that
UTC-adjusted time first and then by zone, and calls two values equal only
when both agree, so the dataclass's own field-by-field ordering, equality
and hash are PostgreSQL's: sorts, DISTINCT, GROUP BY and index keys need
no key function. `time` (the local time of day, 24:00:00 allowed) is
derived.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from twinning.errors import (
    datetime_field_overflow, invalid_time_zone_displacement_value,
)
from twinning.values.calendar import (DATE_NOBEGIN, DATE_NOEND,
                                      POSTGRES_EPOCH_JDATE, TIMESTAMP_END_JULIAN,
                                      TIMESTAMP_NOBEGIN, TIMESTAMP_NOEND,
                                      USECS_PER_DAY, USECS_PER_SEC, dt2time,
                                      is_valid_timestamp)
from twinning.values.datetime import _seconds, apply_time_typmod, encode_tz
from twinning.values.dtparse import (DtErr, _now_fields, datetime_error,
                                     parse_datetime)
from twinning.values.dtparse_time import decode_time_only
from twinning.values.settings import (DEFAULT_SETTINGS, FormatSettings,
                                      parse_datestyle)
from twinning.values.timezones import session_zone, tz_for_local

TYPE_NAME = "time with time zone"
# TZDISP_LIMIT: a zone must be within 16 hours of UTC (exclusive)
TZDISP_LIMIT = 16 * 3600
_WIRE = struct.Struct("!qi")
_MAXDATELEN_BUF = 129  # MAXDATELEN + 1


@dataclass(frozen=True, slots=True, order=True)
class TimeTz:
    """A timetz: `utc` = local micros + zone seconds; `zone` seconds west."""

    utc: int
    zone: int

    @property
    def time(self) -> int:
        """The local time of day in microseconds (TimeTzADT.time)."""
        return self.utc - self.zone * USECS_PER_SEC


def make(time: int, zone: int) -> TimeTz:
    """tm2timetz(): a local time of day and its zone (seconds west)."""
    return TimeTz(time + zone * USECS_PER_SEC, zone)


# -- input / output -----------------------------------------------------------------

def parse_timetz(text: str, settings: FormatSettings = DEFAULT_SETTINGS) -> TimeTz:
    """timetz_in() with typmod -1."""
    _, order = parse_datestyle(settings.datestyle)
    try:
        df = decode_time_only(parse_datetime(text, _MAXDATELEN_BUF), order,
                              settings.timezone)
    except DtErr as err:
        raise datetime_error(err.code, text, TYPE_NAME) from None
    tm = df.tm
    return make(((tm.hour * 60 + tm.min) * 60 + tm.sec) * USECS_PER_SEC
                + df.fsec, df.tz)


def format_timetz(value: TimeTz, settings: FormatSettings = DEFAULT_SETTINGS) -> str:
    """timetz_out(): EncodeTimeOnly with the zone (no DateStyle prints
    it differently: XSD is never an output style)."""
    hour, minute, sec, fsec = dt2time(value.time)
    return f"{hour:02d}:{minute:02d}:{_seconds(sec, fsec)}" + encode_tz(value.zone)


def apply_typmod(value: TimeTz, typmod: int) -> TimeTz:
    """AdjustTimeForTypmod() of the local time (it may round to 24:00)."""
    time = value.time
    rounded = apply_time_typmod(time, typmod)
    return value if rounded == time else make(rounded, value.zone)


# -- binary and snapshot forms --------------------------------------------------------

def send(value: TimeTz) -> bytes:
    """timetz_send(): int64 local micros, int32 zone (seconds west)."""
    return _WIRE.pack(value.time, value.zone)


def recv(raw: bytes) -> TimeTz:
    """timetz_recv()'s checks."""
    time, zone = _WIRE.unpack(raw)
    if time < 0 or time > USECS_PER_DAY:
        raise datetime_field_overflow("time out of range")
    if zone <= -TZDISP_LIMIT or zone >= TZDISP_LIMIT:
        raise invalid_time_zone_displacement_value("time zone displacement out of range")
    return make(time, zone)


def to_plain(value: TimeTz) -> list:
    return [value.time, value.zone]


def from_plain(plain) -> TimeTz:
    time, zone = plain
    return make(int(time), int(zone))


# -- conversions ----------------------------------------------------------------------

def _wrap(time: int) -> int:
    """A time of day brought into [0, 24h) (timetz_pl_interval's wrap)."""
    return time % USECS_PER_DAY


def from_time(settings: FormatSettings):
    """time_timetz(): the session zone's offset on the transaction's date."""
    def convert(time: int) -> TimeTz:
        day = _now_fields(settings.timezone)[0]
        hour, minute, sec, _ = dt2time(time)
        zone = tz_for_local(session_zone(settings.timezone), day.year,
                            day.mon, day.mday, hour, minute, sec)
        return make(time, zone)
    return convert


def from_timestamptz(settings: FormatSettings):
    """timestamptz_timetz(): the local time and offset in the session
    zone (an infinite timestamp gives NULL)."""
    from twinning.values.datetime import timestamptz_local
    from twinning.values.timestamps import finite

    def convert(ts: int) -> TimeTz | None:
        if not finite(ts):
            return None
        local, gmtoff, _, _ = timestamptz_local(ts, session_zone(settings.timezone))
        return make(local % USECS_PER_DAY, -gmtoff)
    return convert


def plus_micros(value: TimeTz, micros: int) -> TimeTz:
    """timetz_pl_interval / timetz_mi_interval: only the interval's time
    part counts, wrapped into the day; the zone is kept."""
    return make(_wrap(value.time + micros), value.zone)


def with_zone(value: TimeTz, zone: int) -> TimeTz:
    """timetz_zone / timetz_izone: the same instant seen at `zone`."""
    return make(_wrap(value.time + (value.zone - zone) * USECS_PER_SEC), zone)


def at_date(days: int, value: TimeTz) -> int:
    """datetimetz_timestamptz(): date + timetz as a timestamptz."""
    if days == DATE_NOBEGIN:
        return TIMESTAMP_NOBEGIN
    if days == DATE_NOEND:
        return TIMESTAMP_NOEND
    if days >= TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE:
        raise datetime_field_overflow("date out of range for timestamp")
    result = days * USECS_PER_DAY + value.time + value.zone * USECS_PER_SEC
    if not is_valid_timestamp(result):
        raise datetime_field_overflow("date out of range for timestamp")
    return result


def cast(source: str, target: str, settings: FormatSettings):
    """pg_cast's timetz rows: time -> timetz, timetz -> time,
    timestamptz -> timetz (None: not a timetz cast)."""
    if source == "time" and target == "timetz":
        return from_time(settings)
    if source == "timetz" and target == "time":
        return lambda value: value.time
    if source == "timestamptz" and target == "timetz":
        return from_timestamptz(settings)
    return None
