"""date, time, timestamp, timestamptz and interval: the type-level input,
output and typmod functions (date.c / timestamp.c), on top of the ported
parser in `dtparse` and the calendar helpers.

Runtime values, as PostgreSQL stores them:
- date: int days since 2000-01-01; ±infinity = int32 max/min;
- time: int microseconds since midnight (24:00:00 allowed);
- timestamp/timestamptz: int microseconds since 2000-01-01 00:00:00 (UTC
  for timestamptz); ±infinity = int64 max/min;
- interval: `Interval(months, days, micros)`.

Output honours DateStyle (ISO, SQL, Postgres, German with the field
order), IntervalStyle (all four) and TimeZone.
"""

from __future__ import annotations

from datetime import date as _date
from datetime import datetime as _datetime

from twinning.deferred import deferred_pattern
from twinning.ir.node import node
from twinning.errors import (
    datetime_field_overflow, internal_error, invalid_parameter_value,
)
from twinning.values.calendar import (
    DATE_NOBEGIN, DATE_NOEND, DAY_NAMES, MONTH_ABBREVS, MONTHS_PER_YEAR,
    POSTGRES_EPOCH_JDATE, TIMESTAMP_NOBEGIN, TIMESTAMP_NOEND, UNIX_EPOCH_JDATE,
    USECS_PER_DAY, USECS_PER_HOUR, USECS_PER_MINUTE, USECS_PER_SEC, civil_from_julian,
    checked_date, date2j, dt2time, j2date, j2day,
    split_timestamp, tdiv, time2t, tm2timestamp, tmod,
)
from twinning.values.common import INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN
from twinning.values.dtparse import (
    BAD_FORMAT, DTK_DATE, DTK_EARLY, DTK_EPOCH, DTK_LATE, FIELD_OVERFLOW,
    INTERVAL_FULL_PRECISION, INTERVAL_FULL_RANGE, INTERVAL_OVERFLOW, DtErr, datetime_error,
    decode_datetime, decode_interval, decode_iso8601_interval,
    parse_datetime,
)
from twinning.values.dtparse_time import decode_time_only
from twinning.values.settings import (
    DEFAULT_SETTINGS, FormatSettings, interval_style, parse_datestyle,
)
from twinning.values.timezones import session_zone

MAXDATELEN_BUF = 129  # MAXDATELEN + 1
INTERVAL_BUF = 256
EPOCH_TIMESTAMP = (UNIX_EPOCH_JDATE - POSTGRES_EPOCH_JDATE) * USECS_PER_DAY
EPOCH_DATE = UNIX_EPOCH_JDATE - POSTGRES_EPOCH_JDATE


@node
class Interval:
    """PostgreSQL's interval: months, days and microseconds, kept apart."""

    months: int
    days: int
    micros: int

    def verify(self) -> None:
        if not (INT32_MIN <= self.months <= INT32_MAX and INT32_MIN <= self.days <= INT32_MAX
                and INT64_MIN <= self.micros <= INT64_MAX):
            raise ValueError(f"interval field out of range: {self!r}")


# -- input ----------------------------------------------------------------------------

def _decode(text: str, type_name: str, settings: FormatSettings, want_zone: bool):
    _, order = parse_datestyle(settings.datestyle)
    zone = session_zone(settings.timezone) if want_zone else None
    try:
        return decode_datetime(parse_datetime(text, MAXDATELEN_BUF), order, zone,
                               settings.timezone)
    except DtErr as err:
        raise datetime_error(err.code, text, type_name) from None


# Fast paths for the unambiguous ISO spellings that bulk loads send. They
# accept only inputs whose every field is in range (4-digit year >= 1, real
# calendar day, hour < 24, second < 60, at most 6 fraction digits), where the
# full parser provably gives the same value; anything else, including every
# error, takes the full parser.
_WS = "[ \t\n\v\f\r]*"
_FAST_DATE = deferred_pattern(globals(), "_FAST_DATE", _WS + r"([0-9]{4}-[0-9]{2}-[0-9]{2})" + _WS + r"\Z")
_FAST_TIME = r"([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,6}))?)?"
_FAST_TS = deferred_pattern(
    globals(), "_FAST_TS",
    _WS + r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[Tt]| +)"
    r"([0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?)"
    + r"(?: *(?:([+-])([0-9]{2})(?::?([0-9]{2}))?|([zZ])))?" + _WS + r"\Z")
_FAST_TIME_ONLY = deferred_pattern(globals(), "_FAST_TIME_ONLY", _WS + _FAST_TIME + _WS + r"\Z")


_ORDINAL_2000 = _date(2000, 1, 1).toordinal()
_MIDNIGHT_2000 = _datetime(2000, 1, 1)


# The shapes above are ISO 8601 as Python's fromisoformat reads it, which
# checks every field in C: a day past the month's end, hour 24 or second
# 60 (PostgreSQL takes those) raise ValueError and go to the full parser.
# The proleptic Gregorian ordinal is PostgreSQL's Julian day count shifted.

def _fast_ymd(text: str) -> int | None:
    """Days since 2000-01-01 of a real calendar date `YYYY-MM-DD`."""
    try:
        return _date.fromisoformat(text).toordinal() - _ORDINAL_2000
    except ValueError:  # year 0, month 13, February 30, …
        return None


def _fast_hms(hour: str, minute: str, sec: str | None, frac: str | None) -> int | None:
    h, mi, se = int(hour), int(minute), int(sec) if sec else 0
    if h > 23 or mi > 59 or se > 59:
        return None
    return ((h * 60 + mi) * 60 + se) * USECS_PER_SEC + (int(frac.ljust(6, "0")) if frac else 0)


def _fast_timestamp(text: str, with_tz: bool, settings: FormatSettings) -> int | None:
    m = _FAST_TS.match(text)
    if m is None:
        return None
    day, clock, sign, hours, minutes, zulu = m.groups()
    try:
        delta = _datetime.fromisoformat(day + "T" + clock) - _MIDNIGHT_2000
    except ValueError:
        return None
    local = (delta.days * 86400 + delta.seconds) * USECS_PER_SEC + delta.microseconds
    east = 0
    if sign:  # validated even for timestamp, which then ignores it
        hours, minutes = int(hours), int(minutes or 0)
        if hours > 15 or minutes > 59:
            return None
        east = (hours * 60 + minutes) * 60 * (1 if sign == "+" else -1)
    if not with_tz:
        return local
    if sign:
        return local - east * USECS_PER_SEC
    if zulu:
        return local
    zone = session_zone(settings.timezone)
    secs = local // USECS_PER_SEC + (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * 86400
    return local + zone.tz_for_local(secs) * USECS_PER_SEC


def parse_date(text: str, settings: FormatSettings = DEFAULT_SETTINGS) -> int:
    m = _FAST_DATE.match(text)
    if m is not None:
        fast = _fast_ymd(m.group(1))
        if fast is not None:
            return fast
    df = _decode(text, "date", settings, want_zone=False)
    special = _SPECIAL_DATES.get(df.dtype)
    if special is not None:
        return special
    if df.dtype != DTK_DATE:
        raise datetime_error(BAD_FORMAT, text, "date")
    return checked_date(df.tm, text)


# the values 'epoch', 'infinity' and '-infinity' stand for
_SPECIAL_DATES = {DTK_EPOCH: EPOCH_DATE, DTK_LATE: DATE_NOEND, DTK_EARLY: DATE_NOBEGIN}
_SPECIAL_TIMESTAMPS = {DTK_EPOCH: EPOCH_TIMESTAMP, DTK_LATE: TIMESTAMP_NOEND,
                       DTK_EARLY: TIMESTAMP_NOBEGIN}


def _parse_timestamp(text: str, settings: FormatSettings, with_tz: bool) -> int:
    fast = _fast_timestamp(text, with_tz, settings)
    if fast is not None:
        return fast
    type_name = "timestamp with time zone" if with_tz else "timestamp"
    df = _decode(text, type_name, settings, want_zone=with_tz)
    if df.dtype == DTK_DATE:
        result = tm2timestamp(df.tm, df.fsec, df.tz if with_tz else None)
        if result is None:
            raise datetime_field_overflow(f'timestamp out of range: "{text}"')
        return result
    special = _SPECIAL_TIMESTAMPS.get(df.dtype)
    if special is not None:
        return special
    raise internal_error(f'unexpected dtype {df.dtype} while parsing {type_name} "{text}"')


def parse_timestamp(text: str, settings: FormatSettings = DEFAULT_SETTINGS) -> int:
    return _parse_timestamp(text, settings, with_tz=False)


def parse_timestamptz(text: str, settings: FormatSettings = DEFAULT_SETTINGS) -> int:
    return _parse_timestamp(text, settings, with_tz=True)


def parse_time(text: str, settings: FormatSettings = DEFAULT_SETTINGS) -> int:
    m = _FAST_TIME_ONLY.match(text)
    if m is not None:
        fast = _fast_hms(*m.groups())
        if fast is not None:
            return fast
    _, order = parse_datestyle(settings.datestyle)
    try:
        df = decode_time_only(parse_datetime(text, MAXDATELEN_BUF), order,
                              settings.timezone)
    except DtErr as err:
        raise datetime_error(err.code, text, "time") from None
    tm = df.tm
    return time2t(tm.hour, tm.min, tm.sec, df.fsec)


def interval_typmod(typmod: int) -> tuple[int, int]:
    """(range mask, precision) from an interval typmod.

    The typmod is PostgreSQL's packing, (range << 16) | precision (see
    twinning.ir.types.interval_typmod). A bare 0..6 (which PostgreSQL never
    produces) is also read as a precision over the full range."""
    if typmod < 0:
        return INTERVAL_FULL_RANGE, INTERVAL_FULL_PRECISION
    if typmod <= 6:
        return INTERVAL_FULL_RANGE, typmod
    return (typmod >> 16) & 0x7FFF, typmod & 0xFFFF


def parse_interval(text: str, settings: FormatSettings = DEFAULT_SETTINGS,
                   typmod: int = -1) -> Interval:
    rng, _ = interval_typmod(typmod)
    style = interval_style(settings)
    try:
        try:
            itm = decode_interval(parse_datetime(text, INTERVAL_BUF), rng, style)
        except DtErr as err:
            if err.code != BAD_FORMAT:
                raise
            itm = decode_iso8601_interval(text)
    except DtErr as err:
        code = INTERVAL_OVERFLOW if err.code == FIELD_OVERFLOW else err.code
        raise datetime_error(code, text, "interval") from None
    months = itm.year * MONTHS_PER_YEAR + itm.mon
    if not INT32_MIN <= months <= INT32_MAX:
        raise datetime_field_overflow("interval out of range")
    return apply_interval_typmod(Interval(months, itm.mday, itm.usec), typmod)


# -- typmods --------------------------------------------------------------------------

_SCALES = (1000000, 100000, 10000, 1000, 100, 10, 1)
_OFFSETS = (500000, 50000, 5000, 500, 50, 5, 0)


def _round_micros(value: int, precision: int) -> int:
    scale = _SCALES[precision]
    if value >= 0:
        return tdiv(value + _OFFSETS[precision], scale) * scale
    return -(tdiv(-value + _OFFSETS[precision], scale) * scale)


def apply_timestamp_typmod(value: int, typmod: int) -> int:
    if value in (TIMESTAMP_NOBEGIN, TIMESTAMP_NOEND) or typmod < 0 or typmod == 6:
        return value
    if typmod > 6:
        raise invalid_parameter_value(f"timestamp({typmod}) precision must be between 0 and 6")
    # PostgreSQL 15 does not re-check the range after rounding: the last
    # microsecond of 294276 rounds to (and prints as) 294277-01-01.
    return _round_micros(value, typmod)


def apply_time_typmod(value: int, typmod: int) -> int:
    if 0 <= typmod <= 6:
        scale = _SCALES[typmod]
        return tdiv(value + _OFFSETS[typmod], scale) * scale
    return value


def apply_interval_typmod(value: Interval, typmod: int) -> Interval:
    if typmod < 0:
        return value
    rng, precision = interval_typmod(typmod)
    months, days, micros = value.months, value.days, value.micros
    y, mo, d, h, mi, s = (1 << 2), (1 << 1), (1 << 3), (1 << 10), (1 << 11), (1 << 12)
    if rng == INTERVAL_FULL_RANGE:
        pass
    elif rng == y:
        months = tdiv(months, MONTHS_PER_YEAR) * MONTHS_PER_YEAR
        days = micros = 0
    elif rng in (mo, y | mo):
        days = micros = 0
    elif rng == d:
        micros = 0
    elif rng in (h, d | h):
        micros = tdiv(micros, USECS_PER_HOUR) * USECS_PER_HOUR
    elif rng in (mi, d | h | mi, h | mi):
        micros = tdiv(micros, USECS_PER_MINUTE) * USECS_PER_MINUTE
    elif rng in (s, d | h | mi | s, h | mi | s, mi | s):
        pass
    else:
        raise internal_error(f"unrecognized interval typmod: {typmod}")
    if precision != INTERVAL_FULL_PRECISION:
        if precision < 0 or precision > 6:
            raise invalid_parameter_value(f"interval({precision}) precision must be between 0 and 6")
        scale = _SCALES[precision]
        if micros >= 0:
            micros += _OFFSETS[precision]
            if micros > INT64_MAX:
                raise datetime_field_overflow("interval out of range")
            micros -= tmod(micros, scale)
        else:
            micros -= _OFFSETS[precision]
            if micros < INT64_MIN:
                raise datetime_field_overflow("interval out of range")
            micros -= tmod(micros, scale)
    if (months, days, micros) == (value.months, value.days, value.micros):
        return value
    return Interval(months, days, micros)


# -- output ---------------------------------------------------------------------------

def _year_text(year: int) -> str:
    return "%04d" % (year if year > 0 else -(year - 1))


def _seconds(sec: int, fsec: int, fillzeros: bool = True) -> str:
    """AppendSeconds(): seconds plus fraction without trailing zeros."""
    text = "%02d" % abs(sec) if fillzeros else str(abs(sec))
    if fsec:
        text += ("." + "%06d" % abs(fsec)).rstrip("0")
    return text


def encode_tz(tz: int, xsd: bool = False) -> str:
    """EncodeTimezone(): tz is seconds west."""
    sec = abs(tz)
    minutes, sec = divmod(sec, 60)
    hours, minutes = divmod(minutes, 60)
    sign = "+" if tz <= 0 else "-"
    if sec:
        return f"{sign}{hours:02d}:{minutes:02d}:{sec:02d}"
    if minutes or xsd:
        return f"{sign}{hours:02d}:{minutes:02d}"
    return f"{sign}{hours:02d}"


def _encode_date(year: int, mon: int, mday: int, style: str, order: str) -> str:
    if style == "ISO":
        text = f"{_year_text(year)}-{mon:02d}-{mday:02d}"
    elif style == "SQL":
        md = f"{mday:02d}/{mon:02d}" if order == "DMY" else f"{mon:02d}/{mday:02d}"
        text = f"{md}/{_year_text(year)}"
    elif style == "GERMAN":
        text = f"{mday:02d}.{mon:02d}.{_year_text(year)}"
    else:
        md = f"{mday:02d}-{mon:02d}" if order == "DMY" else f"{mon:02d}-{mday:02d}"
        text = f"{md}-{_year_text(year)}"
    return text + (" BC" if year <= 0 else "")


# the infinities' output (EncodeSpecialDate, EncodeSpecialTimestamp)
_INFINITE_DATES = {DATE_NOBEGIN: "-infinity", DATE_NOEND: "infinity"}
_INFINITE_TIMESTAMPS = {TIMESTAMP_NOBEGIN: "-infinity", TIMESTAMP_NOEND: "infinity"}


def format_date(value: int, settings: FormatSettings = DEFAULT_SETTINGS) -> str:
    infinite = _INFINITE_DATES.get(value)
    if infinite is not None:
        return infinite
    style, order = parse_datestyle(settings.datestyle)
    year, mon, mday = j2date(value + POSTGRES_EPOCH_JDATE)
    return _encode_date(year, mon, mday, style, order)


def format_time(value: int, settings: FormatSettings = DEFAULT_SETTINGS) -> str:
    hour, minute, sec, fsec = dt2time(value)
    return f"{hour:02d}:{minute:02d}:{_seconds(sec, fsec)}"


def _encode_datetime(year: int, mon: int, mday: int, hour: int, minute: int, sec: int,
                     fsec: int, tz: int | None, tzn: str | None, style: str,
                     order: str) -> str:
    hms = f"{hour:02d}:{minute:02d}:{_seconds(sec, fsec)}"
    if style == "ISO":
        text = f"{_year_text(year)}-{mon:02d}-{mday:02d} {hms}"
        if tz is not None:
            text += encode_tz(tz)
    elif style in ("SQL", "GERMAN"):
        if style == "SQL":
            md = f"{mday:02d}/{mon:02d}" if order == "DMY" else f"{mon:02d}/{mday:02d}"
            text = f"{md}/{_year_text(year)} {hms}"
        else:
            text = f"{mday:02d}.{mon:02d}.{_year_text(year)} {hms}"
        if tz is not None:
            text += f" {tzn[:10]}" if tzn is not None else encode_tz(tz)
    else:
        wday = DAY_NAMES[j2day(date2j(year, mon, mday))][:3]
        month = MONTH_ABBREVS[mon - 1]
        md = f"{mday:02d} {month}" if order == "DMY" else f"{month} {mday:02d}"
        text = f"{wday} {md} {hms} {_year_text(year)}"
        if tz is not None:
            text += f" {tzn[:10]}" if tzn is not None else " " + encode_tz(tz)
    return text + (" BC" if year <= 0 else "")


def _split(value: int) -> tuple[int, int]:
    parts = split_timestamp(value)
    if parts is None:
        raise datetime_field_overflow("timestamp out of range")
    return parts


def format_timestamp(value: int, settings: FormatSettings = DEFAULT_SETTINGS) -> str:
    infinite = _INFINITE_TIMESTAMPS.get(value)
    if infinite is not None:
        return infinite
    style, order = parse_datestyle(settings.datestyle)
    jd, time = _split(value)
    year, mon, mday = j2date(jd)
    hour, minute, sec, fsec = dt2time(time)
    return _encode_datetime(year, mon, mday, hour, minute, sec, fsec, None, None, style, order)


def timestamptz_local(value: int, zone) -> tuple[int, int, str, bool]:
    """(local timestamp, gmtoff, abbreviation, is_dst) of a timestamptz."""
    _, time = _split(value)
    fsec = time % USECS_PER_SEC
    utime = (value - fsec) // USECS_PER_SEC \
        + (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * 86400
    gmtoff, abbrev, isdst = zone.at_utc(utime)
    return value + gmtoff * USECS_PER_SEC, gmtoff, abbrev, isdst


def format_timestamptz(value: int, settings: FormatSettings = DEFAULT_SETTINGS) -> str:
    infinite = _INFINITE_TIMESTAMPS.get(value)
    if infinite is not None:
        return infinite
    style, order = parse_datestyle(settings.datestyle)
    local, gmtoff, abbrev, _ = timestamptz_local(value, session_zone(settings.timezone))
    # pg_localtime() computes the local calendar date without the Julian
    # range limit, so zone offsets may step just outside it.
    days, time = divmod(local, USECS_PER_DAY)
    year, mon, mday = civil_from_julian(days + POSTGRES_EPOCH_JDATE)
    hour, minute, sec, fsec = dt2time(time)
    return _encode_datetime(year, mon, mday, hour, minute, sec, fsec, -gmtoff, abbrev,
                            style, order)


def format_interval(value: Interval, settings: FormatSettings = DEFAULT_SETTINGS) -> str:
    style = interval_style(settings)
    year = tdiv(value.months, MONTHS_PER_YEAR)
    mon = tmod(value.months, MONTHS_PER_YEAR)
    mday = value.days
    hour, minute, sec, fsec = dt2time(value.micros)
    if style == "postgres":
        return _interval_postgres(year, mon, mday, hour, minute, sec, fsec)
    if style == "postgres_verbose":
        return _interval_verbose(year, mon, mday, hour, minute, sec, fsec)
    if style == "iso_8601":
        return _interval_iso(year, mon, mday, hour, minute, sec, fsec)
    return _interval_sql(year, mon, mday, hour, minute, sec, fsec)


def _interval_postgres(year, mon, mday, hour, minute, sec, fsec) -> str:
    parts: list[str] = []
    is_before = False
    is_zero = True
    for value, unit in ((year, "year"), (mon, "mon"), (mday, "day")):
        if value == 0:
            continue
        parts.append(("" if is_zero else " ") + ("+" if is_before and value > 0 else "")
                     + f"{value} {unit}" + ("s" if value != 1 else ""))
        is_before = value < 0
        is_zero = False
    if is_zero or hour or minute or sec or fsec:
        minus = hour < 0 or minute < 0 or sec < 0 or fsec < 0
        parts.append(("" if is_zero else " ") + ("-" if minus else ("+" if is_before else ""))
                     + "%02d:%02d:" % (abs(hour), abs(minute)) + _seconds(sec, fsec))
    return "".join(parts)


def _interval_verbose(year, mon, mday, hour, minute, sec, fsec) -> str:
    out = "@"
    is_before = False
    is_zero = True
    for value, unit in ((year, "year"), (mon, "mon"), (mday, "day"), (hour, "hour"),
                        (minute, "min")):
        if value == 0:
            continue
        if is_zero:
            is_before = value < 0
            value = abs(value)
        elif is_before:
            value = -value
        out += f" {value} {unit}" + ("" if value == 1 else "s")
        is_zero = False
    if sec or fsec:
        out += " "
        if sec < 0 or (sec == 0 and fsec < 0):
            if is_zero:
                is_before = True
            elif not is_before:
                out += "-"
        elif is_before:
            out += "-"
        out += _seconds(sec, fsec, fillzeros=False)
        out += " sec" + ("s" if abs(sec) != 1 or fsec != 0 else "")
        is_zero = False
    if is_zero:
        out += " 0"
    if is_before:
        out += " ago"
    return out


def _interval_iso(year, mon, mday, hour, minute, sec, fsec) -> str:
    if not (year or mon or mday or hour or minute or sec or fsec):
        return "PT0S"
    out = "P"
    for value, unit in ((year, "Y"), (mon, "M"), (mday, "D")):
        if value:
            out += f"{value}{unit}"
    if hour or minute or sec or fsec:
        out += "T"
    for value, unit in ((hour, "H"), (minute, "M")):
        if value:
            out += f"{value}{unit}"
    if sec or fsec:
        if sec < 0 or fsec < 0:
            out += "-"
        out += _seconds(sec, fsec, fillzeros=False) + "S"
    return out


def _interval_sql(year, mon, mday, hour, minute, sec, fsec) -> str:
    has_negative = year < 0 or mon < 0 or mday < 0 or hour < 0 or minute < 0 or sec < 0 \
        or fsec < 0
    has_positive = year > 0 or mon > 0 or mday > 0 or hour > 0 or minute > 0 or sec > 0 \
        or fsec > 0
    has_year_month = year != 0 or mon != 0
    has_day_time = mday != 0 or hour != 0 or minute != 0 or sec != 0 or fsec != 0
    sql_standard_value = not (has_negative and has_positive) \
        and not (has_year_month and has_day_time)
    out = ""
    if has_negative and sql_standard_value:
        out = "-"
        year, mon, mday, hour, minute, sec, fsec = \
            -year, -mon, -mday, -hour, -minute, -sec, -fsec
    if not has_negative and not has_positive:
        return out + "0"
    if not sql_standard_value:
        year_sign = "-" if year < 0 or mon < 0 else "+"
        day_sign = "-" if mday < 0 else "+"
        sec_sign = "-" if hour < 0 or minute < 0 or sec < 0 or fsec < 0 else "+"
        return (out + f"{year_sign}{abs(year)}-{abs(mon)} {day_sign}{abs(mday)} "
                f"{sec_sign}{abs(hour)}:{abs(minute):02d}:" + _seconds(sec, fsec))
    if has_year_month:
        return out + f"{year}-{mon}"
    if mday != 0:
        return out + f"{mday} {hour}:{minute:02d}:" + _seconds(sec, fsec)
    return out + f"{hour}:{minute:02d}:" + _seconds(sec, fsec)
