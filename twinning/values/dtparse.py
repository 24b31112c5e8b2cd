"""PostgreSQL 15's date/time string parser (datetime.c), ported.

ParseDateTime() splits the input into typed fields; DecodeDateTime() and
DecodeInterval()/DecodeISO8601Interval() interpret them (DecodeTimeOnly
is `dtparse_time`'s). The port keeps PostgreSQL's control flow and bit masks on purpose:
the accepted language is defined by this code, quirks included, and the
differential tests compare it with the real server.

Errors are raised as `DtErr(code)` and turned into SqlErrors by
`datetime_error()` with the input text and type name, exactly like
DateTimeParseError(). The relative words now/today/tomorrow/yesterday read
the transaction's start time in the session's zone (GetCurrentTimeUsec):
the session sets that clock for the thread that runs its statement
(`set_transaction_clock`); without one they read the current time.
"""

from __future__ import annotations

import datetime as _dt
import threading
from typing import Any

from twinning.errors import (
    INVALID_DATETIME_FORMAT, SqlError, datetime_field_overflow,
    interval_field_overflow, invalid_input_syntax, invalid_parameter_value,
    invalid_time_zone_displacement_value,
)
from twinning.values.calendar import (
    DAY_TAB, MONTHS_PER_YEAR, USECS_PER_DAY, USECS_PER_HOUR, USECS_PER_MINUTE,
    USECS_PER_SEC, Tm, date2j, dt2time, isleap, j2date, tdiv, time_overflows, tmod,
)
from twinning.values.common import (
    INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN, c_strtod, c_strtoint, c_strtol,
)
from twinning.values.timezones import (
    DTZ, DYNTZ, lookup_abbrev, lookup_zone, session_zone, tz_for_abbrev,
    tz_for_local,
)

# DTERR codes
BAD_FORMAT, FIELD_OVERFLOW, MD_FIELD_OVERFLOW, INTERVAL_OVERFLOW, TZDISP_OVERFLOW = \
    -1, -2, -3, -4, -5


class DtErr(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def datetime_error(code: int, text: str, type_name: str) -> SqlError:
    if code == FIELD_OVERFLOW:
        return datetime_field_overflow(f'date/time field value out of range: "{text}"')
    if code == MD_FIELD_OVERFLOW:
        return datetime_field_overflow(f'date/time field value out of range: "{text}"',
                                       hint='Perhaps you need a different "datestyle" setting.')
    if code == INTERVAL_OVERFLOW:
        return interval_field_overflow(f'interval field value out of range: "{text}"')
    if code == TZDISP_OVERFLOW:
        return invalid_time_zone_displacement_value(f'time zone displacement out of range: "{text}"')
    return invalid_input_syntax(type_name, text, INVALID_DATETIME_FORMAT)


# field types (ftype) and DTK value codes
DTK_NUMBER, DTK_STRING, DTK_DATE, DTK_TIME, DTK_TZ, DTK_SPECIAL = 0, 1, 2, 3, 4, 6
DTK_EARLY, DTK_LATE, DTK_EPOCH, DTK_NOW, DTK_YESTERDAY, DTK_TODAY, DTK_TOMORROW, \
    DTK_ZULU, DTK_DELTA = 9, 10, 11, 12, 13, 14, 15, 16, 17
DTK_SECOND, DTK_MINUTE, DTK_HOUR, DTK_DAY, DTK_WEEK, DTK_MONTH, DTK_QUARTER, DTK_YEAR, \
    DTK_DECADE, DTK_CENTURY, DTK_MILLENNIUM, DTK_MILLISEC, DTK_MICROSEC, DTK_JULIAN, \
    DTK_DOW, DTK_DOY, DTK_TZ_HOUR, DTK_TZ_MINUTE, DTK_ISOYEAR, DTK_ISODOW = range(18, 38)

# token types (datetkn.type) -> bit positions of the field masks
(RESERV, MONTH, YEAR, DAY, JULIAN, TZ_T, DTZ_T, DYNTZ_T, IGNORE_DTF, AMPM, HOUR, MINUTE,
 SECOND, MILLISECOND, MICROSECOND, DOY, DOW, UNITS, ADBC, AGO) = range(20)
ISOTIME, WEEK, DECADE, CENTURY, MILLENNIUM, DTZMOD = 23, 24, 25, 26, 27, 28
UNKNOWN_FIELD = 31


def M(t: int) -> int:
    return 1 << t


DTK_ALL_SECS_M = M(SECOND) | M(MILLISECOND) | M(MICROSECOND)
DTK_DATE_M = M(YEAR) | M(MONTH) | M(DAY)
DTK_TIME_M = M(HOUR) | M(MINUTE) | DTK_ALL_SECS_M
AM, PM, HR24 = 0, 1, 2
AD, BC = 0, 1
MAX_TZDISP_HOUR = 15
MAXDATEFIELDS = 25

DATETKTBL = {
    "-infinity": (RESERV, DTK_EARLY), "ad": (ADBC, AD), "allballs": (RESERV, DTK_ZULU),
    "am": (AMPM, AM), "apr": (MONTH, 4), "april": (MONTH, 4), "at": (IGNORE_DTF, 0),
    "aug": (MONTH, 8), "august": (MONTH, 8), "bc": (ADBC, BC), "d": (UNITS, DTK_DAY),
    "dec": (MONTH, 12), "december": (MONTH, 12), "dow": (UNITS, DTK_DOW),
    "doy": (UNITS, DTK_DOY), "dst": (DTZMOD, 3600), "epoch": (RESERV, DTK_EPOCH),
    "feb": (MONTH, 2), "february": (MONTH, 2), "fri": (DOW, 5), "friday": (DOW, 5),
    "h": (UNITS, DTK_HOUR), "infinity": (RESERV, DTK_LATE), "isodow": (UNITS, DTK_ISODOW),
    "isoyear": (UNITS, DTK_ISOYEAR), "j": (UNITS, DTK_JULIAN), "jan": (MONTH, 1),
    "january": (MONTH, 1), "jd": (UNITS, DTK_JULIAN), "jul": (MONTH, 7),
    "julian": (UNITS, DTK_JULIAN), "july": (MONTH, 7), "jun": (MONTH, 6),
    "june": (MONTH, 6), "m": (UNITS, DTK_MONTH), "mar": (MONTH, 3), "march": (MONTH, 3),
    "may": (MONTH, 5), "mm": (UNITS, DTK_MINUTE), "mon": (DOW, 1), "monday": (DOW, 1),
    "nov": (MONTH, 11), "november": (MONTH, 11), "now": (RESERV, DTK_NOW),
    "oct": (MONTH, 10), "october": (MONTH, 10), "on": (IGNORE_DTF, 0), "pm": (AMPM, PM),
    "s": (UNITS, DTK_SECOND), "sat": (DOW, 6), "saturday": (DOW, 6), "sep": (MONTH, 9),
    "sept": (MONTH, 9), "september": (MONTH, 9), "sun": (DOW, 0), "sunday": (DOW, 0),
    "t": (ISOTIME, DTK_TIME), "thu": (DOW, 4), "thur": (DOW, 4), "thurs": (DOW, 4),
    "thursday": (DOW, 4), "today": (RESERV, DTK_TODAY), "tomorrow": (RESERV, DTK_TOMORROW),
    "tue": (DOW, 2), "tues": (DOW, 2), "tuesday": (DOW, 2), "wed": (DOW, 3),
    "wednesday": (DOW, 3), "weds": (DOW, 3), "y": (UNITS, DTK_YEAR),
    "yesterday": (RESERV, DTK_YESTERDAY),
}

# deltatktbl: the interval words, all but two a unit (type UNITS), listed
# by the unit they name
DELTATKTBL = {"@": (IGNORE_DTF, 0), "ago": (AGO, 0)} | {
    word: (UNITS, unit) for unit, words in (
        (DTK_CENTURY, "c cent centuries century"), (DTK_DAY, "d day days"),
        (DTK_DECADE, "dec decade decades decs"), (DTK_HOUR, "h hour hours hr hrs"),
        (DTK_MICROSEC, "microsecon us usec usecond useconds usecs"),
        (DTK_MILLENNIUM, "mil millennia millennium mils"),
        (DTK_MILLISEC, "millisecon ms msec msecond mseconds msecs"),
        (DTK_MINUTE, "m min mins minute minutes"), (DTK_MONTH, "mon mons month months"),
        (DTK_QUARTER, "qtr quarter"), (DTK_SECOND, "s sec second seconds secs"),
        (DTK_TZ, "timezone"), (DTK_TZ_HOUR, "timezone_h"), (DTK_TZ_MINUTE, "timezone_m"),
        (DTK_WEEK, "w week weeks"), (DTK_YEAR, "y year years yr yrs"),
    ) for word in words.split()
}


def decode_special(token: str):
    return DATETKTBL.get(token[:10], (UNKNOWN_FIELD, 0))


def decode_units(token: str):
    return DELTATKTBL.get(token[:10], (UNKNOWN_FIELD, 0))


# -- character classes of the C locale -----------------------------------------

def _digit(c: str) -> bool:
    return "0" <= c <= "9"


def _alpha(c: str) -> bool:
    return ("a" <= c <= "z") or ("A" <= c <= "Z")


def _alnum(c: str) -> bool:
    return _digit(c) or _alpha(c)


_SPACE = " \t\n\v\f\r"
_PUNCT = frozenset(chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum())


# -- ParseDateTime -------------------------------------------------------------------

def parse_datetime(text: str, buflen: int = 129) -> list[tuple[str, int]]:
    """ParseDateTime(): [(field, ftype)] with text lowercased as PostgreSQL does."""
    fields: list[tuple[str, int]] = []
    n = len(text)
    i = 0
    used = 0

    def room(k: int) -> None:
        # APPEND_CHAR's "bufptr + 1 >= end" check for k more characters
        if used + k >= buflen:
            raise DtErr(BAD_FORMAT)

    while i < n:
        c = text[i]
        if c in _SPACE:
            i += 1
            continue
        if len(fields) >= MAXDATEFIELDS:
            raise DtErr(BAD_FORMAT)
        start = i
        lower = False
        if _digit(c):
            i += 1
            while i < n and _digit(text[i]):
                i += 1
            if i < n and text[i] == ":":
                ftype = DTK_TIME
                i += 1
                while i < n and (_digit(text[i]) or text[i] in ":."):
                    i += 1
            elif i < n and text[i] in "-/.":
                delim = text[i]
                i += 1
                if i < n and _digit(text[i]):
                    ftype = DTK_NUMBER if delim == "." else DTK_DATE
                    while i < n and _digit(text[i]):
                        i += 1
                    if i < n and text[i] == delim:
                        ftype = DTK_DATE
                        i += 1
                        while i < n and (_digit(text[i]) or text[i] == delim):
                            i += 1
                else:
                    ftype = DTK_DATE
                    lower = True
                    while i < n and (_alnum(text[i]) or text[i] == delim):
                        i += 1
            else:
                ftype = DTK_NUMBER
        elif c == ".":
            i += 1
            while i < n and _digit(text[i]):
                i += 1
            ftype = DTK_NUMBER
        elif _alpha(c):
            ftype = DTK_STRING
            lower = True
            i += 1
            while i < n and _alpha(text[i]):
                i += 1
            is_date = False
            if i < n and text[i] in "-/.":
                is_date = True
            elif i < n and (text[i] == "+" or _digit(text[i])):
                if text[start:i].lower()[:10] not in DATETKTBL:
                    is_date = True
            if is_date:
                ftype = DTK_DATE
                i += 1
                while i < n and (text[i] in "+-/_.:" or _alnum(text[i])):
                    i += 1
        elif c in "+-":
            i += 1
            while i < n and text[i] in _SPACE:
                i += 1
            body = i
            if i < n and _digit(text[i]):
                ftype = DTK_TZ
                i += 1
                while i < n and (_digit(text[i]) or text[i] in ":.-"):
                    i += 1
            elif i < n and _alpha(text[i]):
                ftype = DTK_SPECIAL
                lower = True
                i += 1
                while i < n and _alpha(text[i]):
                    i += 1
            else:
                raise DtErr(BAD_FORMAT)
            field = c + text[body:i]
            room(len(field))
            used += len(field) + 1
            fields.append((field.lower() if lower else field, ftype))
            continue
        elif c in _PUNCT:
            i += 1
            continue
        else:
            raise DtErr(BAD_FORMAT)
        field = text[start:i]
        room(len(field))
        used += len(field) + 1
        fields.append((field.lower() if lower else field, ftype))
    return fields


# -- helpers of the decoders ----------------------------------------------------------

def _parse_fraction(s: str, pos: int) -> float:
    """ParseFraction(): '.' then digits up to the end of the field."""
    if pos + 1 == len(s):
        return 0.0
    value, end, erange = c_strtod(s, pos)
    if end != len(s) or erange or end == pos:
        raise DtErr(BAD_FORMAT)
    return value


def _fractional_second(s: str, pos: int) -> int:
    return int(round(_parse_fraction(s, pos) * 1000000))


class DateFields:
    """The decoder's output: dtype, broken-down time, fraction, tz (secs west)."""

    __slots__ = ("dtype", "tm", "fsec", "tz")

    def __init__(self) -> None:
        self.dtype = DTK_DATE
        self.tm = Tm()
        self.fsec = 0
        self.tz: int | None = None


def decode_date(s: str, fmask: int, tm: Tm, order: str, state: dict) -> int:
    """DecodeDate(): a field with embedded delimiters; returns the new tmask."""
    tmask = 0
    parts: list[str] = []
    i, n = 0, len(s)
    while i < n and len(parts) < MAXDATEFIELDS:
        while i < n and not _alnum(s[i]):
            i += 1
        if i >= n:
            raise DtErr(BAD_FORMAT)
        start = i
        if _digit(s[i]):
            while i < n and _digit(s[i]):
                i += 1
        elif _alpha(s[i]):
            while i < n and _alpha(s[i]):
                i += 1
        parts.append(s[start:i])
        if i < n:
            i += 1  # the C code overwrites the next character with NUL
    have_text_month = False
    pending: list[str | None] = list(parts)
    for idx, part in enumerate(parts):
        if part and _alpha(part[0]):
            ttype, val = decode_special(part)
            if ttype == IGNORE_DTF:
                continue
            dmask = M(ttype)
            if ttype == MONTH:
                tm.mon = val
                have_text_month = True
            else:
                raise DtErr(BAD_FORMAT)
            if fmask & dmask:
                raise DtErr(BAD_FORMAT)
            fmask |= dmask
            tmask |= dmask
            pending[idx] = None
    for part in pending:
        if part is None:
            continue
        if not part:
            raise DtErr(BAD_FORMAT)
        dmask = decode_number(part, have_text_month, fmask, tm, order, state)
        if fmask & dmask:
            raise DtErr(BAD_FORMAT)
        fmask |= dmask
        tmask |= dmask
    if (fmask & ~(M(DOY) | M(TZ_T))) != DTK_DATE_M:
        raise DtErr(BAD_FORMAT)
    return tmask


def apply_meridian(mer: int, tm: Any) -> None:
    """AM/PM onto a 12-hour clock's hour (HR24: none given); an hour
    above 12 with AM or PM is out of range."""
    if mer != HR24 and tm.hour > 12:
        raise DtErr(FIELD_OVERFLOW)
    if mer == AM and tm.hour == 12:
        tm.hour = 0
    elif mer == PM and tm.hour != 12:
        tm.hour += 12


def validate_date(fmask: int, isjulian: bool, is2digits: bool, bc: bool, tm: Tm) -> None:
    if fmask & M(YEAR):
        if isjulian:
            pass
        elif bc:
            if tm.year <= 0:
                raise DtErr(FIELD_OVERFLOW)
            tm.year = -(tm.year - 1)
        elif is2digits:
            if tm.year < 0:
                raise DtErr(FIELD_OVERFLOW)
            if tm.year < 70:
                tm.year += 2000
            elif tm.year < 100:
                tm.year += 1900
        elif tm.year <= 0:
            raise DtErr(FIELD_OVERFLOW)
    if fmask & M(DOY):
        tm.year, tm.mon, tm.mday = j2date(date2j(tm.year, 1, 1) + tm.yday - 1)
    if fmask & M(MONTH):
        if tm.mon < 1 or tm.mon > MONTHS_PER_YEAR:
            raise DtErr(MD_FIELD_OVERFLOW)
    if fmask & M(DAY):
        if tm.mday < 1 or tm.mday > 31:
            raise DtErr(MD_FIELD_OVERFLOW)
    if (fmask & DTK_DATE_M) == DTK_DATE_M:
        if tm.mday > DAY_TAB[isleap(tm.year)][tm.mon - 1]:
            raise DtErr(FIELD_OVERFLOW)


def _decode_time_common(s: str, rng: int):
    """DecodeTimeCommon(): (hour, min, sec, usec) with PostgreSQL's checks."""
    hour, cp, err = c_strtol(s, 0)
    if err:
        raise DtErr(FIELD_OVERFLOW)
    if cp >= len(s) or s[cp] != ":":
        raise DtErr(BAD_FORMAT)
    minute, cp, err = c_strtoint(s, cp + 1)
    if err:
        raise DtErr(FIELD_OVERFLOW)
    fsec = 0
    sec = 0
    if cp >= len(s):
        if rng == (M(MINUTE) | M(SECOND)):
            if hour > INT32_MAX or hour < INT32_MIN:
                raise DtErr(FIELD_OVERFLOW)
            hour, minute, sec = 0, hour, minute
    elif s[cp] == ".":
        fsec = _fractional_second(s, cp)
        if hour > INT32_MAX or hour < INT32_MIN:
            raise DtErr(FIELD_OVERFLOW)
        hour, minute, sec = 0, hour, minute
    elif s[cp] == ":":
        sec, cp, err = c_strtoint(s, cp + 1)
        if err:
            raise DtErr(FIELD_OVERFLOW)
        if cp < len(s):
            if s[cp] == ".":
                fsec = _fractional_second(s, cp)
            else:
                raise DtErr(BAD_FORMAT)
    else:
        raise DtErr(BAD_FORMAT)
    if hour < 0 or minute < 0 or minute > 59 or sec < 0 or sec > 60 \
            or fsec < 0 or fsec > USECS_PER_SEC:
        raise DtErr(FIELD_OVERFLOW)
    return hour, minute, sec, fsec


def decode_time(s: str, tm: Tm, rng: int = 0x7FFF) -> tuple[int, int]:
    """DecodeTime() for timestamps; returns (tmask, fsec)."""
    hour, minute, sec, fsec = _decode_time_common(s, rng)
    if hour > INT32_MAX:
        raise DtErr(FIELD_OVERFLOW)
    tm.hour, tm.min, tm.sec = hour, minute, sec
    return DTK_TIME_M, fsec


def decode_number(s: str, have_text_month: bool, fmask: int, tm: Tm, order: str,
                  state: dict) -> int:
    """DecodeNumber(): a plain number in date context; returns tmask.

    `state` carries is2digits and fsec between the decoders."""
    val, cp, err = c_strtoint(s, 0)
    if err:
        raise DtErr(FIELD_OVERFLOW)
    if cp == 0:
        raise DtErr(BAD_FORMAT)
    flen = len(s)
    if cp < flen and s[cp] == ".":
        if cp > 2:
            return decode_number_field(s, fmask | DTK_DATE_M, tm, state)[0]
        state["fsec"] = _fractional_second(s, cp)
    elif cp < flen:
        raise DtErr(BAD_FORMAT)
    if flen == 3 and (fmask & DTK_DATE_M) == M(YEAR) and 1 <= val <= 366:
        tm.yday = val
        return M(DOY) | M(MONTH) | M(DAY)
    # which field the number is (DecodeNumber's switch on the date fields
    # seen so far); `field` is its DTK bit number
    have = fmask & DTK_DATE_M
    if have == 0:
        field = YEAR if flen >= 3 or order == "YMD" else DAY if order == "DMY" else MONTH
    elif have == M(MONTH):
        field = YEAR if have_text_month and (flen >= 3 or order == "YMD") else DAY
    elif have == M(YEAR) | M(MONTH):
        if have_text_month and flen >= 3 and state["is2digits"]:
            # the two-digit number taken for the year was the day
            tm.mday, tm.year = tm.year, val
            state["is2digits"] = False
            return M(DAY)
        field = DAY
    elif have == M(YEAR) or have == M(DAY):
        field = MONTH
    elif have == M(MONTH) | M(DAY):
        field = YEAR
    elif have == DTK_DATE_M:
        return decode_number_field(s, fmask, tm, state)[0]
    else:
        raise DtErr(BAD_FORMAT)
    setattr(tm, _TM_FIELD[field], val)
    if field == YEAR:
        state["is2digits"] = flen <= 2
    return M(field)


# the Tm attribute of each field's DTK bit number, and the field a unit
# word before a number (`y`, `m`, `d`, `h`, …) names
_TM_FIELD = {YEAR: "year", MONTH: "mon", DAY: "mday", HOUR: "hour", MINUTE: "min",
             SECOND: "sec"}
_UNIT_FIELD = {DTK_YEAR: YEAR, DTK_MONTH: MONTH, DTK_DAY: DAY, DTK_HOUR: HOUR,
               DTK_MINUTE: MINUTE, DTK_SECOND: SECOND}


def _atoi(s: str) -> int:
    """glibc atoi(): (int) strtol(), so long digit runs wrap around."""
    value, _, _ = c_strtol(s, 0)
    return ((value + (1 << 31)) & 0xFFFFFFFF) - (1 << 31)


def decode_number_field(s: str, fmask: int, tm: Tm, state: dict) -> tuple[int, int]:
    """DecodeNumberField(): run-together digits; (tmask, DTK code)."""
    dot = s.find(".")
    if dot >= 0:
        if dot + 1 == len(s):
            state["fsec"] = 0
        else:
            frac, _, err = c_strtod(s, dot)
            if err:
                raise DtErr(BAD_FORMAT)
            state["fsec"] = int(round(frac * 1000000))
        s = s[:dot]
    elif (fmask & DTK_DATE_M) != DTK_DATE_M:
        if len(s) >= 6:
            n = len(s)
            tm.mday = _atoi(s[n - 2:])
            tm.mon = _atoi(s[n - 4:n - 2])
            tm.year = _atoi(s[:n - 4])
            if n - 4 == 2:
                state["is2digits"] = True
            return DTK_DATE_M, DTK_DATE
    if (fmask & DTK_TIME_M) != DTK_TIME_M:
        if len(s) == 6:
            tm.sec = _atoi(s[4:])
            tm.min = _atoi(s[2:4])
            tm.hour = _atoi(s[:2])
            return DTK_TIME_M, DTK_TIME
        if len(s) == 4:
            tm.sec = 0
            tm.min = _atoi(s[2:])
            tm.hour = _atoi(s[:2])
            return DTK_TIME_M, DTK_TIME
    raise DtErr(BAD_FORMAT)


def decode_timezone(s: str) -> int:
    """DecodeTimezone(): '+hh', '+hhmm', '+hh:mm[:ss]' -> seconds west."""
    if not s or s[0] not in "+-":
        raise DtErr(BAD_FORMAT)
    hr, cp, err = c_strtoint(s, 1)
    if err:
        raise DtErr(TZDISP_OVERFLOW)
    sec = 0
    if cp < len(s) and s[cp] == ":":
        minute, cp, err = c_strtoint(s, cp + 1)
        if err:
            raise DtErr(TZDISP_OVERFLOW)
        if cp < len(s) and s[cp] == ":":
            sec, cp, err = c_strtoint(s, cp + 1)
            if err:
                raise DtErr(TZDISP_OVERFLOW)
    elif cp >= len(s) and len(s) > 3:
        minute = tmod(hr, 100)
        hr = tdiv(hr, 100)
    else:
        minute = 0
    if hr < 0 or hr > MAX_TZDISP_HOUR:
        raise DtErr(TZDISP_OVERFLOW)
    if minute < 0 or minute >= 60:
        raise DtErr(TZDISP_OVERFLOW)
    if sec < 0 or sec >= 60:
        raise DtErr(TZDISP_OVERFLOW)
    tz = (hr * 60 + minute) * 60 + sec
    if s[0] == "-":
        tz = -tz
    if cp < len(s):
        raise DtErr(BAD_FORMAT)
    return -tz


def _zone_not_found(name: str) -> SqlError:
    return invalid_parameter_value(f'time zone "{name}" not recognized')


_CLOCK = threading.local()
_UNIX_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
_MICROSECOND = _dt.timedelta(microseconds=1)


def set_transaction_clock(start: _dt.datetime | int | None) -> None:
    """What 'now', 'today', 'tomorrow' and 'yesterday' read on this thread:
    the current transaction's start (an aware datetime, or a timestamptz
    value: microseconds since 2000-01-01 UTC), or None for the wall clock."""
    _CLOCK.start = start


_UNIX_TO_POSTGRES = (2451545 - 2440588) * USECS_PER_DAY


def _now_fields(zone_name: str | None) -> tuple[Tm, int, int]:
    """GetCurrentTimeUsec(): the transaction start broken down in the
    session zone; (tm, fsec, zone displacement in seconds west)."""
    start = getattr(_CLOCK, "start", None) or _dt.datetime.now(_dt.timezone.utc)
    if isinstance(start, int):
        unix_micros = start + _UNIX_TO_POSTGRES
    else:
        unix_micros = (start - _UNIX_EPOCH) // _MICROSECOND
    zone = session_zone(zone_name or "UTC")
    gmtoff = zone.at_utc(unix_micros // USECS_PER_SEC)[0]
    local = unix_micros + gmtoff * USECS_PER_SEC
    days, micros = divmod(local, USECS_PER_DAY)
    tm = Tm()
    tm.year, tm.mon, tm.mday = j2date(days + 2440588)  # UNIX_EPOCH_JDATE
    tm.hour, tm.min, tm.sec, fsec = dt2time(micros)
    return tm, fsec, -gmtoff


# -- DecodeDateTime -------------------------------------------------------------------

def pending_unit_value(field: str, ptype: int, fmask: int, tm: Any,
                       state: dict) -> tuple[int, Any, bool, int | None]:
    """A number after a unit word or ISO letter (`y`, `m`, `d`, `h`, `t`, `J`
    …): DecodeDateTime's and DecodeTimeOnly's `if (ptype != 0)` branch.
    (field mask, a time zone it gave or None, whether it was a Julian day,
    the field type a `T` time gave or None)."""
    tz = None
    julian = False
    code = None
    val, cp, err = c_strtoint(field, 0)
    if err:
        raise DtErr(FIELD_OVERFLOW)
    if cp < len(field) and field[cp] == ".":
        if ptype not in (DTK_JULIAN, DTK_TIME, DTK_SECOND):
            raise DtErr(BAD_FORMAT)
    elif cp < len(field):
        raise DtErr(BAD_FORMAT)
    unit_field = _UNIT_FIELD.get(ptype)
    if unit_field == MONTH and (fmask & M(MONTH)) and (fmask & M(HOUR)):
        unit_field = MINUTE  # an "m" after a month and an hour: minutes
    if unit_field is not None:
        setattr(tm, _TM_FIELD[unit_field], val)
        tmask = M(unit_field)
        if unit_field == SECOND and cp < len(field) and field[cp] == ".":
            state["fsec"] = _fractional_second(field, cp)
            tmask = DTK_ALL_SECS_M
    elif ptype == DTK_TZ:
        tmask = M(TZ_T)
        tz = decode_timezone(field)
    elif ptype == DTK_JULIAN:
        if val < 0:
            raise DtErr(FIELD_OVERFLOW)
        tmask = DTK_DATE_M
        tm.year, tm.mon, tm.mday = j2date(val)
        julian = True
        if cp < len(field) and field[cp] == ".":
            frac, end, err = c_strtod(field, cp)
            if end != len(field) or err:
                raise DtErr(BAD_FORMAT)
            tm.hour, tm.min, tm.sec, state["fsec"] = dt2time(int(frac * USECS_PER_DAY))
            tmask |= DTK_TIME_M
    elif ptype == DTK_TIME:
        tmask, code = decode_number_field(field, fmask | DTK_DATE_M, tm, state)
        if tmask != DTK_TIME_M:
            raise DtErr(BAD_FORMAT)
    else:
        raise DtErr(BAD_FORMAT)
    return tmask, tz, julian, code


class FieldScan(DateFields):
    """The output of DecodeDateTime and DecodeTimeOnly with what they keep
    while they walk the fields (their local variables in datetime.c; `tz`
    is the zone so far), and the steps the two take alike; each decoder
    keeps its own switch and calls these. (C's writes to ftype[i] are
    left out: neither function reads a field's type after its turn.)"""

    __slots__ = ("fields", "fmask", "ptype", "isjulian", "bc", "mer", "named_tz",
                 "abbrev_tz", "abbrev", "state")

    def __init__(self, fields: list[tuple[str, int]], dtype: int) -> None:
        self.dtype = dtype
        self.tm = Tm()
        self.fsec = self.tz = 0
        self.fields = fields
        self.fmask = self.ptype = 0
        self.isjulian = self.bc = False
        self.mer = HR24
        # a named zone; a dynamic abbreviation's zone, and the word
        self.named_tz = self.abbrev_tz = self.abbrev = None
        self.state = {"is2digits": False, "fsec": 0}

    def add(self, tmask: int) -> None:
        """A field's bits, none of them seen before."""
        if tmask & self.fmask:
            raise DtErr(BAD_FORMAT)
        self.fmask |= tmask

    def number_with_zone(self, field: str, number_fmask: int) -> int:
        """A DTK_DATE field of digits then '-zone': a run-together time
        (DecodeNumberField under `number_fmask`) with its zone."""
        if (self.fmask & DTK_TIME_M) == DTK_TIME_M:
            raise DtErr(BAD_FORMAT)
        dash = field.find("-")
        if dash < 0:
            raise DtErr(BAD_FORMAT)
        self.tz = decode_timezone(field[dash:])
        tmask, _ = decode_number_field(field[:dash], number_fmask, self.tm, self.state)
        return tmask | M(TZ_T)

    def zone_name(self, field: str) -> int:
        """A DTK_DATE field that is a zone's name."""
        self.named_tz = lookup_zone(field)
        if self.named_tz is None:
            raise _zone_not_found(field)
        return M(TZ_T)

    def offset_or_unit_value(self, field: str, ftype: int) -> int:
        """The fields both decoders read alike: a zone offset (DTK_TZ),
        or a number after a unit word (DTK_NUMBER's `if (ptype != 0)`)."""
        if ftype == DTK_TZ:
            self.tz = decode_timezone(field)
            return M(TZ_T)
        tmask, found_tz, julian, _ = pending_unit_value(
            field, self.ptype, self.fmask, self.tm, self.state)
        if found_tz is not None:
            self.tz = found_tz
        self.isjulian = self.isjulian or julian
        self.ptype = 0
        self.dtype = DTK_DATE
        return tmask

    def word_type(self, field: str, ftype: int) -> tuple[int, int]:
        """(type, value) of a word (DTK_STRING, DTK_SPECIAL; any other
        field type is an error): a zone abbreviation's, else its datetktbl
        entry's; a dynamic abbreviation's zone is kept."""
        if ftype != DTK_STRING and ftype != DTK_SPECIAL:
            raise DtErr(BAD_FORMAT)
        found = lookup_abbrev(field)
        if found is None:
            return decode_special(field)
        kind, payload = found
        if kind == DYNTZ:
            self.abbrev_tz, self.abbrev = payload, field
            return DYNTZ_T, 0
        return (DTZ_T if kind == DTZ else TZ_T), -payload

    def zone_or_modifier(self, i: int, field: str, ttype: int, val: int, tmask: int,
                         need_date: bool) -> int:
        """The word types both switches take alike (DTZMOD through
        UNKNOWN_FIELD; a noise word, IGNORE_DTF, adds no bits: their
        `continue`); DecodeDateTime's ISOTIME also needs a whole date
        (`need_date`). Returns the field's bits."""
        tm = self.tm
        if ttype == IGNORE_DTF:
            tmask = 0
        elif ttype == DTZMOD:
            tmask |= M(DTZ_T)
            tm.isdst = 1
            self.tz -= val
        elif ttype == DTZ_T or ttype == TZ_T:
            if ttype == DTZ_T:
                tmask |= M(TZ_T)
            tm.isdst = 1 if ttype == DTZ_T else 0
            self.tz = val
        elif ttype == DYNTZ_T:
            tmask |= M(TZ_T)
        elif ttype == AMPM:
            self.mer = val
        elif ttype == ADBC:
            self.bc = val == BC
        elif ttype == UNITS:
            tmask = 0
            self.ptype = val
        elif ttype == ISOTIME:
            tmask = 0
            if need_date and (self.fmask & DTK_DATE_M) != DTK_DATE_M:
                raise DtErr(BAD_FORMAT)
            fields = self.fields
            if i >= len(fields) - 1 or fields[i + 1][1] not in (DTK_NUMBER, DTK_TIME, DTK_DATE):
                raise DtErr(BAD_FORMAT)
            self.ptype = val
        elif ttype == UNKNOWN_FIELD:
            self.named_tz = lookup_zone(field)
            if self.named_tz is None:
                raise DtErr(BAD_FORMAT)
            tmask = M(TZ_T)
        else:
            raise DtErr(BAD_FORMAT)
        return tmask

    def finish(self) -> tuple[int, int]:
        """After the fields: the fraction, the date's checks, AM/PM;
        (the fields' mask, the zone so far)."""
        self.fsec = self.state["fsec"]
        validate_date(self.fmask, self.isjulian, self.state["is2digits"], self.bc, self.tm)
        apply_meridian(self.mer, self.tm)
        return self.fmask, self.tz


def decode_datetime(fields: list[tuple[str, int]], order: str, session_zone,
                    now_zone: str | None = None) -> DateFields:
    """DecodeDateTime() for date, timestamp and timestamptz input.

    Returns DateFields; raises DtErr. `fields.tz` is the zone displacement in
    seconds west (explicit, or the session zone's for that local time);
    `now_zone` is the TimeZone setting 'now'/'today'/… are read in."""
    d = FieldScan(fields, DTK_DATE)
    tm, state = d.tm, d.state
    have_text_month = False
    for i, (field, ftype) in enumerate(fields):
        if ftype == DTK_TZ or ftype == DTK_NUMBER and d.ptype != 0:
            tmask = d.offset_or_unit_value(field, ftype)
        elif ftype == DTK_DATE:
            if d.ptype == DTK_JULIAN:
                jday, cp, err = c_strtoint(field, 0)
                if err or jday < 0:
                    raise DtErr(FIELD_OVERFLOW)
                tm.year, tm.mon, tm.mday = j2date(jday)
                d.isjulian = True
                d.tz = decode_timezone(field[cp:])
                tmask = DTK_DATE_M | DTK_TIME_M | M(TZ_T)
                d.ptype = 0
            elif d.ptype != 0 or (d.fmask & (M(MONTH) | M(DAY))) == (M(MONTH) | M(DAY)):
                if _digit(field[0]) or d.ptype != 0:
                    if d.ptype != 0:
                        if d.ptype != DTK_TIME:
                            raise DtErr(BAD_FORMAT)
                        d.ptype = 0
                    tmask = d.number_with_zone(field, d.fmask)
                else:
                    tmask = d.zone_name(field)
            else:
                tmask = decode_date(field, d.fmask, tm, order, state)
        elif ftype == DTK_TIME:
            if d.ptype != 0:
                if d.ptype != DTK_TIME:
                    raise DtErr(BAD_FORMAT)
                d.ptype = 0
            tmask, state["fsec"] = decode_time(field, tm)
            if time_overflows(tm.hour, tm.min, tm.sec, state["fsec"]):
                raise DtErr(FIELD_OVERFLOW)
        elif ftype == DTK_NUMBER:
            fmask = d.fmask
            flen = len(field)
            dot = field.find(".")
            if dot >= 0 and not (fmask & DTK_DATE_M):
                tmask = decode_date(field, fmask, tm, order, state)
            elif dot >= 0 and dot > 2:
                tmask, _ = decode_number_field(field, fmask, tm, state)
            elif flen >= 6 and (not (fmask & DTK_DATE_M) or not (fmask & DTK_TIME_M)):
                tmask, _ = decode_number_field(field, fmask, tm, state)
            else:
                tmask = decode_number(field, have_text_month, fmask, tm, order, state)
        else:
            ttype, val = d.word_type(field, ftype)
            tmask = M(ttype)
            if ttype == RESERV:
                if val == DTK_NOW:
                    tmask = DTK_DATE_M | DTK_TIME_M | M(TZ_T)
                    d.dtype = DTK_DATE
                    now, state["fsec"], d.tz = _now_fields(now_zone)
                    tm.year, tm.mon, tm.mday = now.year, now.mon, now.mday
                    tm.hour, tm.min, tm.sec = now.hour, now.min, now.sec
                elif val in (DTK_YESTERDAY, DTK_TODAY, DTK_TOMORROW):
                    tmask = DTK_DATE_M
                    d.dtype = DTK_DATE
                    now = _now_fields(now_zone)[0]
                    shift = {DTK_YESTERDAY: -1, DTK_TODAY: 0, DTK_TOMORROW: 1}[val]
                    tm.year, tm.mon, tm.mday = j2date(
                        date2j(now.year, now.mon, now.mday) + shift)
                elif val == DTK_ZULU:
                    tmask = DTK_TIME_M | M(TZ_T)
                    d.dtype = DTK_DATE
                    tm.hour = tm.min = tm.sec = 0
                    d.tz = 0
                else:
                    d.dtype = val
            elif ttype == MONTH:
                if (d.fmask & M(MONTH)) and not have_text_month and not (d.fmask & M(DAY)) \
                        and 1 <= tm.mon <= 31:
                    tm.mday = tm.mon
                    tmask = M(DAY)
                have_text_month = True
                tm.mon = val
            elif ttype == DOW:
                tm.wday = val
            else:
                tmask = d.zone_or_modifier(i, field, ttype, val, tmask, need_date=True)
        d.add(tmask)
    # (15 validates the fields even for epoch/infinity)
    fmask, tz = d.finish()
    if d.dtype == DTK_DATE:
        if (fmask & DTK_DATE_M) != DTK_DATE_M:
            if (fmask & DTK_TIME_M) == DTK_TIME_M:
                raise DtErr(1)  # "time only": every caller rejects it
            raise DtErr(BAD_FORMAT)
        if d.named_tz is not None:
            if fmask & M(DTZMOD):
                raise DtErr(BAD_FORMAT)
            tz = tz_for_local(d.named_tz, tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec)
        if d.abbrev_tz is not None:
            if fmask & M(DTZMOD):
                raise DtErr(BAD_FORMAT)
            tz = tz_for_abbrev(d.abbrev_tz, d.abbrev, tm.year, tm.mon, tm.mday, tm.hour,
                               tm.min, tm.sec)
        if not (fmask & M(TZ_T)):
            if fmask & M(DTZMOD):
                raise DtErr(BAD_FORMAT)
            tz = tz_for_local(session_zone, tm.year, tm.mon, tm.mday, tm.hour, tm.min,
                              tm.sec) if session_zone is not None else 0
    d.tz = tz
    return d


# -- intervals ------------------------------------------------------------------------

INTERVAL_FULL_RANGE = 0x7FFF
INTERVAL_FULL_PRECISION = 0xFFFF


class ItmIn:
    """struct pg_itm_in with PostgreSQL's overflow-checked accumulators."""

    __slots__ = ("usec", "mday", "mon", "year")

    def __init__(self) -> None:
        self.usec = 0
        self.mday = 0
        self.mon = 0
        self.year = 0

    def add_usec(self, value: int) -> bool:
        return self._add_within("usec", value, INT64_MIN, INT64_MAX)

    def _add_within(self, field: str, value: int, low: int, high: int) -> bool:
        """The field plus `value` when the sum stays within [low, high];
        False (the field unchanged) when it would not."""
        total = getattr(self, field) + value
        if not low <= total <= high:
            return False
        setattr(self, field, total)
        return True

    def fract_usec(self, frac: float, scale: int) -> bool:
        if frac == 0:
            return True
        frac *= scale
        usec = int(frac)
        frac -= usec
        if frac > 0.5:
            usec += 1
        elif frac < -0.5:
            usec -= 1
        return self.add_usec(usec)

    def fract_days(self, frac: float, scale: int) -> bool:
        if frac == 0:
            return True
        frac *= scale
        extra = int(frac)
        return self._add_within("mday", extra, INT32_MIN, INT32_MAX) and \
            self.fract_usec(frac - extra, USECS_PER_DAY)

    def fract_years(self, frac: float, scale: int) -> bool:
        extra = int(round(frac * scale * MONTHS_PER_YEAR))
        return self._add_within("mon", extra, INT32_MIN, INT32_MAX)

    def micros(self, val: int, fval: float, scale: int) -> bool:
        product = val * scale
        if not INT64_MIN <= product <= INT64_MAX or not self.add_usec(product):
            return False
        return self.fract_usec(fval, scale)

    def days(self, val: int, scale: int) -> bool:
        return self._add_scaled("mday", val, scale)

    def months(self, val: int) -> bool:
        return INT32_MIN <= val <= INT32_MAX and \
            self._add_within("mon", val, INT32_MIN, INT32_MAX)

    def years(self, val: int, scale: int) -> bool:
        return self._add_scaled("year", val, scale)

    def add_unit(self, unit: int, val: int, fval: float) -> bool:
        """`val` and the fraction `fval` of a unit (DTK_SECOND, DTK_YEAR,
        …) added as DecodeInterval and DecodeISO8601Interval add them;
        False on overflow, BAD_FORMAT for a unit an interval has not."""
        scale = _USECS_OF_UNIT.get(unit)
        if scale is not None:
            return self.micros(val, fval, scale)
        years = _YEARS_OF_UNIT.get(unit)
        if years is not None:
            return self.years(val, years) and self.fract_years(fval, years)
        if unit == DTK_DAY:
            return self.days(val, 1) and self.fract_usec(fval, USECS_PER_DAY)
        if unit == DTK_WEEK:
            return self.days(val, 7) and self.fract_days(fval, 7)
        if unit == DTK_MONTH:
            return self.months(val) and self.fract_days(fval, 30)
        raise DtErr(BAD_FORMAT)

    def _add_scaled(self, field: str, val: int, scale: int) -> bool:
        """AdjustDays/AdjustYears: val * scale added to the field, each
        step within int32 (False on overflow, the field unchanged)."""
        product = val * scale
        return INT32_MIN <= val <= INT32_MAX and INT32_MIN <= product <= INT32_MAX and \
            self._add_within(field, product, INT32_MIN, INT32_MAX)


# the units ItmIn.add_unit counts in microseconds or in years, and the
# field bits each interval unit sets
_USECS_OF_UNIT = {DTK_MICROSEC: 1, DTK_MILLISEC: 1000, DTK_SECOND: USECS_PER_SEC,
                  DTK_MINUTE: USECS_PER_MINUTE, DTK_HOUR: USECS_PER_HOUR}
_YEARS_OF_UNIT = {DTK_YEAR: 1, DTK_DECADE: 10, DTK_CENTURY: 100, DTK_MILLENNIUM: 1000}
_UNIT_MASK = {DTK_MICROSEC: M(MICROSECOND), DTK_MILLISEC: M(MILLISECOND),
              DTK_SECOND: M(SECOND), DTK_MINUTE: M(MINUTE), DTK_HOUR: M(HOUR),
              DTK_DAY: M(DAY), DTK_WEEK: M(WEEK), DTK_MONTH: M(MONTH), DTK_YEAR: M(YEAR),
              DTK_DECADE: M(DECADE), DTK_CENTURY: M(CENTURY),
              DTK_MILLENNIUM: M(MILLENNIUM)}


def _time_for_interval(s: str, rng: int, itm: ItmIn) -> None:
    hour, minute, sec, usec = _decode_time_common(s, rng)
    itm.usec = usec
    for value, scale in ((hour, USECS_PER_HOUR), (minute, USECS_PER_MINUTE),
                         (sec, USECS_PER_SEC)):
        product = value * scale
        if not INT64_MIN <= product <= INT64_MAX or not itm.add_usec(product):
            raise DtErr(FIELD_OVERFLOW)


def _range_default_type(rng: int) -> int:
    m_year, m_month, m_day = M(YEAR), M(MONTH), M(DAY)
    m_hour, m_minute = M(HOUR), M(MINUTE)
    if rng == m_year:
        return DTK_YEAR
    if rng in (m_month, m_year | m_month):
        return DTK_MONTH
    if rng == m_day:
        return DTK_DAY
    if rng in (m_hour, m_day | m_hour):
        return DTK_HOUR
    if rng in (m_minute, m_hour | m_minute, m_day | m_hour | m_minute):
        return DTK_MINUTE
    return DTK_SECOND


def decode_interval(fields: list[tuple[str, int]], rng: int, style: str) -> ItmIn:
    """DecodeInterval() (PostgreSQL 15): fields read right to left."""
    itm = ItmIn()
    force_negative = False
    is_before = False
    fmask = 0
    ttype = IGNORE_DTF
    nf = len(fields)
    if style == "sql_standard" and nf > 0 and fields[0][0][0] == "-":
        force_negative = not any(f[0][0] in "+-" for f in fields[1:])
    for i in range(nf - 1, -1, -1):
        field, ftype = fields[i]
        if ftype == DTK_TIME:
            _time_for_interval(field, rng, itm)
            if force_negative and itm.usec > 0:
                itm.usec = -itm.usec
            tmask = DTK_TIME_M
            ttype = DTK_DAY
        elif ftype in (DTK_TZ, DTK_DATE, DTK_NUMBER):
            handled = False
            if ftype == DTK_TZ and ":" in field[1:]:
                try:
                    _time_for_interval(field[1:], rng, itm)
                    handled = True
                except DtErr:
                    handled = False
                if handled:
                    if field[0] == "-":
                        if itm.usec == INT64_MIN:
                            raise DtErr(FIELD_OVERFLOW)
                        itm.usec = -itm.usec
                    if force_negative and itm.usec > 0:
                        itm.usec = -itm.usec
                    tmask = DTK_TIME_M
                    ttype = DTK_DAY
            if not handled:
                if ttype == IGNORE_DTF:
                    ttype = _range_default_type(rng)
                val, cp, err = c_strtol(field, 0)
                if err:
                    raise DtErr(FIELD_OVERFLOW)
                if cp < len(field) and field[cp] == "-":
                    val2, cp, err = c_strtoint(field, cp + 1)
                    if err or val2 < 0 or val2 >= MONTHS_PER_YEAR:
                        raise DtErr(FIELD_OVERFLOW)
                    if cp < len(field):
                        raise DtErr(BAD_FORMAT)
                    ttype = DTK_MONTH
                    if field[0] == "-":
                        val2 = -val2
                    val = val * MONTHS_PER_YEAR
                    if not INT64_MIN <= val <= INT64_MAX:
                        raise DtErr(FIELD_OVERFLOW)
                    val += val2
                    if not INT64_MIN <= val <= INT64_MAX:
                        raise DtErr(FIELD_OVERFLOW)
                    fval = 0.0
                elif cp < len(field) and field[cp] == ".":
                    fval = _parse_fraction(field, cp)
                    if field[0] == "-":
                        fval = -fval
                elif cp == len(field):
                    fval = 0.0
                else:
                    raise DtErr(BAD_FORMAT)
                if force_negative:
                    if val > 0:
                        val = -val
                    if fval > 0:
                        fval = -fval
                ok = itm.add_unit(ttype, val, fval)
                tmask = _UNIT_MASK[ttype]
                if ttype == DTK_SECOND and fval != 0:
                    tmask = DTK_ALL_SECS_M
                elif ttype == DTK_HOUR:
                    ttype = DTK_DAY  # the unit a following bare number takes
                if not ok:
                    raise DtErr(FIELD_OVERFLOW)
        elif ftype in (DTK_STRING, DTK_SPECIAL):
            utype, uval = decode_units(field)
            if utype == IGNORE_DTF:
                continue
            tmask = 0
            if utype == UNITS:
                ttype = uval
            elif utype == AGO:
                is_before = True
                ttype = uval
            else:
                raise DtErr(BAD_FORMAT)
        else:
            raise DtErr(BAD_FORMAT)
        if tmask & fmask:
            raise DtErr(BAD_FORMAT)
        fmask |= tmask
    if fmask == 0:
        raise DtErr(BAD_FORMAT)
    if is_before:
        if itm.usec == INT64_MIN or INT32_MIN in (itm.mday, itm.mon, itm.year):
            raise DtErr(FIELD_OVERFLOW)
        itm.usec, itm.mday, itm.mon, itm.year = -itm.usec, -itm.mday, -itm.mon, -itm.year
    return itm


def _iso_number(s: str, pos: int) -> tuple[int, float, int]:
    """ParseISO8601Number(): (integer part, fraction, end)."""
    if pos >= len(s) or not (_digit(s[pos]) or s[pos] in "-."):
        raise DtErr(BAD_FORMAT)
    val, end, err = c_strtod(s, pos)
    if end == pos or err:
        raise DtErr(BAD_FORMAT)
    if val != val or val < -1.0e15 or val > 1.0e15:
        raise DtErr(FIELD_OVERFLOW)
    ipart = int(val)  # truncates toward zero, like the floor/-floor dance
    return ipart, val - ipart, end


def _iso_int_width(s: str, pos: int) -> int:
    if pos < len(s) and s[pos] == "-":
        pos += 1
    start = pos
    while pos < len(s) and _digit(s[pos]):
        pos += 1
    return pos - start


_ISO_DATE_UNITS = {"Y": DTK_YEAR, "M": DTK_MONTH, "W": DTK_WEEK, "D": DTK_DAY}


def decode_iso8601_interval(s: str) -> ItmIn:
    """DecodeISO8601Interval(): 'P1Y2M3DT4H5M6S' and the alternative format."""
    itm = ItmIn()
    if len(s) < 2 or s[0] != "P":
        raise DtErr(BAD_FORMAT)
    i = 1
    n = len(s)
    datepart = True
    havefield = False

    def check(ok: bool) -> None:
        if not ok:
            raise DtErr(FIELD_OVERFLOW)

    while i < n:
        if s[i] == "T":
            datepart = False
            havefield = False
            i += 1
            continue
        fieldstart = i
        val, fval, i = _iso_number(s, i)
        unit = s[i] if i < n else "\0"
        i += 1
        if datepart:
            if unit in _ISO_DATE_UNITS:
                check(itm.add_unit(_ISO_DATE_UNITS[unit], val, fval))
            elif unit in ("T", "\0", "-"):
                if unit != "-" and _iso_int_width(s, fieldstart) == 8 and not havefield:
                    check(itm.years(tdiv(val, 10000), 1)
                          and itm.months(tmod(tdiv(val, 100), 100))
                          and itm.days(tmod(val, 100), 1)
                          and itm.fract_usec(fval, USECS_PER_DAY))
                    if unit == "\0":
                        return itm
                    datepart = False
                    havefield = False
                    continue
                if havefield:
                    raise DtErr(BAD_FORMAT)
                check(itm.add_unit(DTK_YEAR, val, fval))
                if unit == "\0":
                    return itm
                if unit == "T":
                    datepart = False
                    havefield = False
                    continue
                # the alternative format's month, then its day: the string
                # may end after either, or the date part ('T')
                for alt_unit in (DTK_MONTH, DTK_DAY):
                    val, fval, i = _iso_number(s, i)
                    check(itm.add_unit(alt_unit, val, fval))
                    if i >= n:
                        return itm
                    if s[i] != "-" or alt_unit == DTK_DAY:
                        break
                    i += 1
                if s[i] != "T":
                    raise DtErr(BAD_FORMAT)
                datepart = False
                havefield = False
                i += 1
                continue
            else:
                raise DtErr(BAD_FORMAT)
        else:
            if unit == "H":
                check(itm.micros(val, fval, USECS_PER_HOUR))
            elif unit == "M":
                check(itm.micros(val, fval, USECS_PER_MINUTE))
            elif unit == "S":
                check(itm.micros(val, fval, USECS_PER_SEC))
            elif unit in ("\0", ":"):
                if unit == "\0" and _iso_int_width(s, fieldstart) == 6 and not havefield:
                    h = tdiv(val, 10000)
                    m = tmod(tdiv(val, 100), 100)
                    sec = tmod(val, 100)
                    check(itm.micros(h, 0, USECS_PER_HOUR) and itm.micros(m, 0, USECS_PER_MINUTE)
                          and itm.micros(sec, 0, USECS_PER_SEC) and itm.fract_usec(fval, 1))
                    return itm
                if havefield:
                    raise DtErr(BAD_FORMAT)
                check(itm.micros(val, fval, USECS_PER_HOUR))
                if unit == "\0":
                    return itm
                val, fval, i = _iso_number(s, i)
                check(itm.micros(val, fval, USECS_PER_MINUTE))
                if i >= n:
                    return itm
                if s[i] != ":":
                    raise DtErr(BAD_FORMAT)
                i += 1
                val, fval, i = _iso_number(s, i)
                check(itm.micros(val, fval, USECS_PER_SEC))
                if i >= n:
                    return itm
                raise DtErr(BAD_FORMAT)
            else:
                raise DtErr(BAD_FORMAT)
        havefield = True
    return itm
