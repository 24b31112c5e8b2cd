"""to_char() of timestamps, timestamptz and intervals: PostgreSQL 15's
date/time template engine (formatting.c, DCH_to_char).

A template is cut into nodes once (`parse_template`, cached): keyword
actions chosen as index_seq_search does (the first keyword of the table,
in its order, that prefixes the text; keywords are case-sensitive where
PostgreSQL's table is), the FM/TM prefixes and TH/th/SP suffixes, double-
quoted literals with backslash escapes, and every other character copied.
`to_char_tm` then writes each node from a broken-down time (`Tm`), as
DCH_to_char does, with its C printf widths (`%0*d` keeps a minus sign
inside the width).

The parsing direction (to_timestamp, to_date) lives in `twinning.values.
fromchar`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from twinning.errors import (
    SqlError, invalid_datetime_format, invalid_text_representation,
)
from twinning.values.calendar import (POSTGRES_EPOCH_JDATE, USECS_PER_DAY, date2j,
                                      dt2time, j2date)

MONTHS_FULL = ("January", "February", "March", "April", "May", "June",
               "July", "August", "September", "October", "November",
               "December")
MONTHS_SHORT = tuple(m[:3] for m in MONTHS_FULL)
DAYS_FULL = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
             "Friday", "Saturday")
DAYS_SHORT = tuple(d[:3] for d in DAYS_FULL)
RM_UPPER = ("XII", "XI", "X", "IX", "VIII", "VII", "VI", "V", "IV", "III",
            "II", "I")

# DCH_keywords in PostgreSQL's order (index_seq_search takes the first
# one that prefixes the text among those sharing its first character).
# (name, id, is a digit field)
KEYWORDS = (
    "A.D.", "A.M.", "AD", "AM", "B.C.", "BC", "CC", "DAY", "DDD", "DD",
    "DY", "Day", "Dy", "D", "FF1", "FF2", "FF3", "FF4", "FF5", "FF6", "FX",
    "HH24", "HH12", "HH", "IDDD", "ID", "IW", "IYYY", "IYY", "IY", "I", "J",
    "MI", "MM", "MONTH", "MON", "MS", "Month", "Mon", "OF", "P.M.", "PM",
    "Q", "RM", "SSSSS", "SSSS", "SS", "TZH", "TZM", "TZ", "US", "WW", "W",
    "Y,YYY", "YYYY", "YYY", "YY", "Y",
    "a.d.", "a.m.", "ad", "am", "b.c.", "bc", "cc", "day", "ddd", "dd",
    "dy", "d", "ff1", "ff2", "ff3", "ff4", "ff5", "ff6", "fx", "hh24",
    "hh12", "hh", "iddd", "id", "iw", "iyyy", "iyy", "iy", "i", "j", "mi",
    "mm", "month", "mon", "ms", "of", "p.m.", "pm", "q", "rm", "sssss",
    "ssss", "ss", "tz", "tzh", "tzm", "us", "ww", "w", "y,yyy", "yyyy",
    "yyy", "yy", "y")

# keywords whose case matters (the others are folded to upper case)
_CASED = frozenset({"Day", "day", "Dy", "dy", "Month", "month", "Mon", "mon",
                    "a.d.", "a.m.", "ad", "am", "b.c.", "bc", "p.m.", "pm",
                    "rm", "tz"})

# the keywords DCH_to_char refuses for an interval (INVALID_FOR_INTERVAL)
_NOT_FOR_INTERVAL = frozenset({
    "TZ", "tz", "TZH", "TZM", "OF", "A.D.", "AD", "B.C.", "BC", "a.d.",
    "ad", "b.c.", "bc", "MONTH", "Month", "month", "MON", "Mon", "mon",
    "DAY", "Day", "day", "DY", "Dy", "dy", "D", "ID"})

# FROM_CHAR's "is a digit" flag per keyword (is_next_separator)
DIGIT_KEYWORDS = frozenset({
    "CC", "DDD", "DD", "D", "FF1", "FF2", "FF3", "FF4", "FF5", "FF6",
    "HH24", "HH12", "HH", "IDDD", "ID", "IW", "IYYY", "IYY", "IY", "I", "J",
    "MI", "MM", "MS", "Q", "SSSSS", "SSSS", "SS", "TZM", "US", "WW",
    "W", "Y,YYY", "YYYY", "YYY", "YY", "Y"})

S_FM, S_TH, S_th, S_TM, S_SP = 1, 2, 4, 8, 16
_PREFIXES = (("FM", S_FM), ("fm", S_FM), ("TM", S_TM), ("tm", S_TM))
_POSTFIXES = (("TH", S_TH), ("th", S_th), ("SP", S_SP))


@dataclass(frozen=True)
class Node:
    """One template node: a keyword (`key`, canonical upper-case name or
    the cased one, `suffix` bits) or one literal character (`char`;
    `kind` "char", "space" or "separator" as the parser tells them)."""
    key: str | None
    suffix: int = 0
    char: str = ""
    kind: str = "char"


_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _kw in KEYWORDS:
    _BY_FIRST.setdefault(_kw[0], ())
    _BY_FIRST[_kw[0]] += (_kw,)


def _canonical(name: str) -> str:
    return name if name in _CASED else name.upper()


def is_separator_char(ch: str) -> bool:
    """is_separator_char(): ASCII punctuation other than letters/digits."""
    return (ch.isascii() and not ch.isalnum() and ch.isprintable()
            and not ch.isspace())


def quoted_chars(fmt: str, i: int) -> tuple[list[str], int]:
    """A double-quoted literal of a to_char/to_number format from its
    opening quote at `i`: its characters (a backslash escapes the next)
    and where the format goes on."""
    chars = []
    i += 1
    n = len(fmt)
    while i < n:
        if fmt[i] == '"':
            return chars, i + 1
        if fmt[i] == "\\" and i + 1 < n:
            i += 1
        chars.append(fmt[i])
        i += 1
    return chars, i

@lru_cache(maxsize=512)
def parse_template(fmt: str) -> tuple[Node, ...]:
    nodes: list[Node] = []
    i, n = 0, len(fmt)
    while i < n:
        suffix = 0
        for name, bit in _PREFIXES:
            if fmt.startswith(name, i):
                suffix |= bit
                i += len(name)
                break
        key = None
        if i < n:
            for kw in _BY_FIRST.get(fmt[i], ()):
                if fmt.startswith(kw, i):
                    key = kw
                    break
        if key is not None:
            i += len(key)
            if i < n:
                for name, bit in _POSTFIXES:
                    if fmt.startswith(name, i):
                        suffix |= bit
                        i += len(name)
                        break
            nodes.append(Node(_canonical(key), suffix))
            continue
        if i >= n:
            break
        ch = fmt[i]
        if ch == '"':
            chars, i = quoted_chars(fmt, i)
            nodes.extend(Node(None, char=c) for c in chars)
            continue
        if ch == "\\" and i + 1 < n and fmt[i + 1] == '"':
            i += 1
            ch = '"'
        kind = ("separator" if is_separator_char(ch) else
                "space" if ch.isspace() else "char")
        nodes.append(Node(None, char=ch, kind=kind))
        i += 1
    return tuple(nodes)


@dataclass
class Tm:
    """A broken-down time as DCH_to_char reads it (`year` astronomical for
    timestamps: 0 is 1 BC; for intervals the interval's fields)."""
    year: int = 0
    mon: int = 0
    mday: int = 0
    hour: int = 0
    min: int = 0
    sec: int = 0
    fsec: int = 0
    wday: int = 0
    yday: int = 0
    gmtoff: int = 0
    tzn: str | None = None


def cfmt(width: int, value: int) -> str:
    """C's sprintf("%0*d", width, value)."""
    if width <= 0:
        return str(value)
    if value < 0:
        return "-" + str(-value).rjust(width - 1, "0")
    return str(value).rjust(width, "0")


def ctrunc_div(a: int, b: int) -> int:
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def cmod(a: int, b: int) -> int:
    return a - b * ctrunc_div(a, b)


def th_suffix(num: str, upper: bool) -> str:
    """get_th(): the English ordinal suffix of a number's text."""
    if not num or not num[-1].isdigit():
        raise invalid_text_representation(f'"{num}" is not a number')
    last = num[-1]
    if len(num) > 1 and num[-2] == "1":
        last = "0"
    th = {"1": "st", "2": "nd", "3": "rd"}.get(last, "th")
    return th.upper() if upper else th


def _th(text: str, suffix: int) -> str:
    if suffix & S_TH:
        return text + th_suffix(text, True)
    if suffix & S_th:
        return text + th_suffix(text, False)
    return text


def j2day(jd: int) -> int:
    return (jd + 1) % 7


def _iso_start(year: int) -> int:
    day4 = date2j(year, 1, 4)
    return day4 - j2day(day4 - 1)


def date2isoweek(year: int, mon: int, mday: int) -> int:
    dayn = date2j(year, mon, mday)
    start = _iso_start(year)
    if dayn < start:
        start = _iso_start(year - 1)
    result = (dayn - start) // 7 + 1
    if result >= 52:
        nxt = _iso_start(year + 1)
        if dayn >= nxt:
            result = (dayn - nxt) // 7 + 1
    return result


def date2isoyear(year: int, mon: int, mday: int) -> int:
    dayn = date2j(year, mon, mday)
    start = _iso_start(year)
    if dayn < start:
        start = _iso_start(year - 1)
        year -= 1
    result = (dayn - start) // 7 + 1
    if result >= 52:
        if dayn >= _iso_start(year + 1):
            year += 1
    return year


def date2isoyearday(year: int, mon: int, mday: int) -> int:
    iso = date2isoyear(year, mon, mday)
    return date2j(year, mon, mday) - _iso_start(iso) + 1


def _invalid_for_interval() -> SqlError:
    return invalid_datetime_format("invalid format specification for an interval "
                                   "value", hint="Intervals are not tied to specific "
                                   "calendar dates.")


def _adjust_year(year: int, is_interval: bool) -> int:
    if is_interval:
        return year
    return -(year - 1) if year <= 0 else year


def _pad_name(name: str, fm: bool, width: int) -> str:
    return name if fm else name.ljust(width)


def to_char_tm(fmt: str, tm: Tm, is_interval: bool) -> str:
    out: list[str] = []
    for node in parse_template(fmt):
        key = node.key
        if key is None:
            out.append(node.char)
            continue
        if is_interval and key in _NOT_FOR_INTERVAL:
            raise _invalid_for_interval()
        suf = node.suffix
        fm = bool(suf & S_FM)
        text = _action(key, suf, fm, tm, is_interval)
        out.append(text)
    return "".join(out)


def _either(*pairs: tuple[str, str]) -> dict[str, tuple[str, str]]:
    """Each spelling of a two-valued field (either word of a pair selects
    the pair): its (first, second) words."""
    return {word: pair for pair in pairs for word in pair}


# AM/PM and AD/BC in their four spellings: [before noon, after] and
# [AD, BC]
_MERIDIEMS = _either(("A.M.", "P.M."), ("AM", "PM"), ("a.m.", "p.m."), ("am", "pm"))
_ERAS = _either(("A.D.", "B.C."), ("AD", "BC"), ("a.d.", "b.c."), ("ad", "bc"))


def _action(key: str, suf: int, fm: bool, tm: Tm, is_interval: bool) -> str:
    meridiem = _MERIDIEMS.get(key)
    if meridiem is not None:
        return meridiem[cmod(tm.hour, 24) >= 12]
    if key in ("HH", "HH12"):
        h = cmod(tm.hour, 12)
        return _th(cfmt(0 if fm else (2 if tm.hour >= 0 else 3),
                        12 if h == 0 else h), suf)
    if key == "HH24":
        return _th(cfmt(0 if fm else (2 if tm.hour >= 0 else 3), tm.hour),
                   suf)
    if key == "MI":
        return _th(cfmt(0 if fm else (2 if tm.min >= 0 else 3), tm.min), suf)
    if key == "SS":
        return _th(cfmt(0 if fm else (2 if tm.sec >= 0 else 3), tm.sec), suf)
    if key.startswith("FF") or key in ("MS", "US"):
        digits = {"MS": 3, "US": 6}.get(key) or int(key[2])
        value = ctrunc_div(tm.fsec, 10 ** (6 - digits))
        return _th(cfmt(digits, value), suf)
    if key in ("SSSS", "SSSSS"):
        return _th(str(tm.hour * 3600 + tm.min * 60 + tm.sec), suf)
    if key in ("TZ", "tz"):
        if tm.tzn is None:
            return ""
        return tm.tzn.lower() if key == "tz" else tm.tzn
    off = abs(tm.gmtoff)
    sign = "+" if tm.gmtoff >= 0 else "-"
    if key == "TZH":
        return f"{sign}{off // 3600:02d}"
    if key == "TZM":
        return f"{off % 3600 // 60:02d}"
    if key == "OF":
        text = sign + cfmt(0 if fm else 2, off // 3600)
        if off % 3600:
            text += f":{off % 3600 // 60:02d}"
        return text
    era = _ERAS.get(key)
    if era is not None:
        return era[tm.year <= 0]
    if key in ("MONTH", "Month", "month"):
        if not tm.mon:
            return ""
        name = MONTHS_FULL[tm.mon - 1]
        name = {"MONTH": name.upper(), "month": name.lower()}.get(key, name)
        return _pad_name(name, fm, 9)
    if key in ("MON", "Mon", "mon"):
        if not tm.mon:
            return ""
        name = MONTHS_SHORT[tm.mon - 1]
        return {"MON": name.upper(), "mon": name.lower()}.get(key, name)
    if key == "MM":
        return _th(cfmt(0 if fm else (2 if tm.mon >= 0 else 3), tm.mon), suf)
    if key in ("DAY", "Day", "day"):
        name = DAYS_FULL[tm.wday]
        name = {"DAY": name.upper(), "day": name.lower()}.get(key, name)
        return _pad_name(name, fm, 9)
    if key in ("DY", "Dy", "dy"):
        name = DAYS_SHORT[tm.wday]
        return {"DY": name.upper(), "dy": name.lower()}.get(key, name)
    if key in ("DDD", "IDDD"):
        value = tm.yday if key == "DDD" else \
            date2isoyearday(tm.year, tm.mon, tm.mday)
        return _th(cfmt(0 if fm else 3, value), suf)
    if key == "DD":
        return _th(cfmt(0 if fm else 2, tm.mday), suf)
    if key == "D":
        return _th(str(tm.wday + 1), suf)
    if key == "ID":
        return _th(str(7 if tm.wday == 0 else tm.wday), suf)
    if key == "WW":
        return _th(cfmt(0 if fm else 2, ctrunc_div(tm.yday - 1, 7) + 1), suf)
    if key == "IW":
        return _th(cfmt(0 if fm else 2,
                        date2isoweek(tm.year, tm.mon, tm.mday)), suf)
    if key == "Q":
        if not tm.mon:
            return ""
        return _th(str(ctrunc_div(tm.mon - 1, 3) + 1), suf)
    if key == "CC":
        if is_interval:
            i = ctrunc_div(tm.year, 100)
        elif tm.year > 0:
            i = (tm.year - 1) // 100 + 1
        else:
            i = ctrunc_div(tm.year, 100) - 1
        if -99 <= i <= 99:
            return _th(cfmt(0 if fm else (2 if i >= 0 else 3), i), suf)
        return _th(str(i), suf)
    if key == "Y,YYY":
        year = _adjust_year(tm.year, is_interval)
        i = ctrunc_div(year, 1000)
        return _th(f"{i},{cfmt(3, year - i * 1000)}", suf)
    if key in ("YYYY", "IYYY", "YYY", "IYY", "YY", "IY", "Y", "I"):
        year = tm.year if key[0] == "Y" else \
            date2isoyear(tm.year, tm.mon, tm.mday)
        year = _adjust_year(year, is_interval)
        digits = len(key)
        # the width follows the calendar year even for the ISO fields
        widen = _adjust_year(tm.year, is_interval) < 0
        if digits == 4:
            return _th(cfmt(0 if fm else (5 if widen else 4), year), suf)
        value = cmod(year, 10 ** digits)
        return _th(cfmt(0 if fm else digits + widen, value), suf)
    if key in ("RM", "rm"):
        if not tm.mon and not tm.year:
            return ""
        if tm.mon == 0:
            idx = 0 if tm.year >= 0 else 11
        elif tm.mon < 0:
            idx = -(tm.mon + 1)
        else:
            idx = 12 - tm.mon
        name = RM_UPPER[idx]
        if key == "rm":
            name = name.lower()
        return _pad_name(name, fm, 4)
    if key == "W":
        return _th(str(ctrunc_div(tm.mday - 1, 7) + 1), suf)
    if key == "J":
        return _th(str(date2j(tm.year, tm.mon, tm.mday)), suf)
    return ""  # FX


def tm_of_timestamp(local: int, gmtoff: int = 0,
                    tzn: str | None = None) -> Tm:
    days, micros = divmod(local, USECS_PER_DAY)
    jd = days + POSTGRES_EPOCH_JDATE
    year, mon, mday = j2date(jd)
    hour, minute, sec, fsec = dt2time(micros)
    return Tm(year, mon, mday, hour, minute, sec, fsec, wday=j2day(jd),
              yday=jd - date2j(year, 1, 1) + 1, gmtoff=gmtoff, tzn=tzn)


def tm_of_interval(months: int, days: int, micros: int) -> Tm:
    hour, minute, sec, fsec = dt2time(micros)
    year = ctrunc_div(months, 12)
    mon = months - year * 12
    return Tm(year, mon, days, hour, minute, sec, fsec,
              yday=(year * 12 + mon) * 30 + days)
