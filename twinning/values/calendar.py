"""Calendar arithmetic shared by date, time, timestamp and interval.

PostgreSQL counts in Julian days and microseconds; Python's datetime
cannot (years 1..9999 only), so the few conversions are ported directly:
date2j/j2date, the broken-down `Tm`, and the range macros of
datatype/timestamp.h. All divisions that PostgreSQL does in C truncate
toward zero; `tdiv` keeps that explicit.
"""

from __future__ import annotations

from twinning.errors import datetime_field_overflow

USECS_PER_SEC = 1_000_000
USECS_PER_MINUTE = 60 * USECS_PER_SEC
USECS_PER_HOUR = 3600 * USECS_PER_SEC
USECS_PER_DAY = 86400 * USECS_PER_SEC
SECS_PER_DAY = 86400
DAYS_PER_MONTH = 30
MONTHS_PER_YEAR = 12

POSTGRES_EPOCH_JDATE = 2451545  # date2j(2000, 1, 1)
UNIX_EPOCH_JDATE = 2440588  # date2j(1970, 1, 1)

JULIAN_MINYEAR, JULIAN_MINMONTH = -4713, 11
JULIAN_MAXYEAR, JULIAN_MAXMONTH = 5874898, 6
DATETIME_MIN_JULIAN = 0
DATE_END_JULIAN = 2147483494  # date2j(JULIAN_MAXYEAR, 1, 1)
TIMESTAMP_END_JULIAN = 109203528  # date2j(294277, 1, 1)
MIN_TIMESTAMP = -211813488000000000
END_TIMESTAMP = 9223371331200000000

INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
DATE_NOBEGIN, DATE_NOEND = -(1 << 31), (1 << 31) - 1
TIMESTAMP_NOBEGIN, TIMESTAMP_NOEND = INT64_MIN, INT64_MAX

DAY_TAB = ((31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31),
           (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31))
MONTH_ABBREVS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                 "Oct", "Nov", "Dec")
DAY_NAMES = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
             "Saturday")


def tdiv(a: int, b: int) -> int:
    """C integer division (truncates toward zero)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def tmod(a: int, b: int) -> int:
    """C remainder (sign follows the dividend)."""
    return a - b * tdiv(a, b)


def isleap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def date2j(year: int, month: int, day: int) -> int:
    if month > 2:
        month += 1
        year += 4800
    else:
        month += 13
        year += 4799
    century = tdiv(year, 100)
    julian = year * 365 - 32167
    julian += tdiv(year, 4) - century + tdiv(century, 4)
    julian += tdiv(7834 * month, 256) + day
    return julian


def j2date(jd: int) -> tuple[int, int, int]:
    julian = (jd + 32044) & 0xFFFFFFFF  # unsigned arithmetic, as in C
    quad = julian // 146097
    extra = (julian - quad * 146097) * 4 + 3
    julian += 60 + quad * 3 + extra // 146097
    quad = julian // 1461
    julian -= quad * 1461
    y = julian * 4 // 1461
    julian = ((julian + 305) % 365 if y != 0 else (julian + 306) % 366) + 123
    y += quad * 4
    year = y - 4800
    quad = julian * 2141 // 65536
    day = julian - 7834 * quad // 256
    month = (quad + 10) % MONTHS_PER_YEAR + 1
    return year, month, day


def civil_from_julian(jd: int) -> tuple[int, int, int]:
    """Proleptic Gregorian (year, month, day) for any Julian day, negative
    ones included (pg_localtime's view; j2date is only valid from 0)."""
    z = jd - 1721120  # days since 0000-03-01
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    year = yoe + era * 400 + (1 if month <= 2 else 0)
    return year, month, day


def j2day(jd: int) -> int:
    """Day of week, 0 = Sunday."""
    return (jd + 1) % 7


def is_valid_julian(year: int, month: int, day: int) -> bool:
    return ((year > JULIAN_MINYEAR or (year == JULIAN_MINYEAR and month >= JULIAN_MINMONTH))
            and (year < JULIAN_MAXYEAR or (year == JULIAN_MAXYEAR and month < JULIAN_MAXMONTH)))


def is_valid_date(days: int) -> bool:
    return (DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE <= days
            < DATE_END_JULIAN - POSTGRES_EPOCH_JDATE)


def checked_date(tm: Tm, text: str) -> int:
    """`tm`'s date as days since 2000-01-01, range-checked as date_in and
    to_date do (22008 naming the input `text`)."""
    if not is_valid_julian(tm.year, tm.mon, tm.mday):
        raise datetime_field_overflow(f'date out of range: "{text}"')
    days = date2j(tm.year, tm.mon, tm.mday) - POSTGRES_EPOCH_JDATE
    if not is_valid_date(days):
        raise datetime_field_overflow(f'date out of range: "{text}"')
    return days


def is_valid_timestamp(ts: int) -> bool:
    return MIN_TIMESTAMP <= ts < END_TIMESTAMP


class Tm:
    """struct pg_tm, the broken-down form every parser and printer uses."""

    __slots__ = ("year", "mon", "mday", "hour", "min", "sec", "yday", "wday", "isdst",
                 "gmtoff", "zone")

    def __init__(self) -> None:
        self.year = self.mon = self.mday = 0
        self.hour = self.min = self.sec = 0
        self.yday = self.wday = 0
        self.isdst = -1
        self.gmtoff = 0
        self.zone: str | None = None


def time2t(hour: int, minute: int, sec: int, fsec: int) -> int:
    return ((hour * 60 + minute) * 60 + sec) * USECS_PER_SEC + fsec


def dt2time(t: int) -> tuple[int, int, int, int]:
    """Microseconds within a day -> (hour, min, sec, fsec); by C division,
    so also interval2itm()'s time part (each field carrying its sign)."""
    hour = tdiv(t, USECS_PER_HOUR)
    t -= hour * USECS_PER_HOUR
    minute = tdiv(t, USECS_PER_MINUTE)
    t -= minute * USECS_PER_MINUTE
    sec = tdiv(t, USECS_PER_SEC)
    return hour, minute, sec, t - sec * USECS_PER_SEC


def split_timestamp(ts: int) -> tuple[int, int] | None:
    """(julian day, microseconds in day) for a finite timestamp, or None."""
    date = tdiv(ts, USECS_PER_DAY)
    time = ts - date * USECS_PER_DAY
    if time < 0:
        time += USECS_PER_DAY
        date -= 1
    date += POSTGRES_EPOCH_JDATE
    if date < 0 or date > 2147483647:
        return None
    return date, time


def time_overflows(hour: int, minute: int, sec: int, fsec: int) -> bool:
    if (hour < 0 or minute < 0 or minute > 59 or sec < 0 or sec > 60 or hour > 24
            or (hour == 24 and (minute > 0 or sec > 0 or fsec > 0))):
        return True
    return time2t(hour, minute, sec, fsec) > USECS_PER_DAY


def tm2timestamp(tm: Tm, fsec: int, tz: int | None) -> int | None:
    """Broken-down local time (+ tz seconds west) -> timestamp, or None."""
    if not is_valid_julian(tm.year, tm.mon, tm.mday):
        return None
    date = date2j(tm.year, tm.mon, tm.mday) - POSTGRES_EPOCH_JDATE
    result = date * USECS_PER_DAY + time2t(tm.hour, tm.min, tm.sec, fsec)
    if not INT64_MIN <= result <= INT64_MAX:
        return None
    if tz is not None:
        result += tz * USECS_PER_SEC
    if not is_valid_timestamp(result):
        return None
    return result
