"""to_timestamp(text, text) and to_date(text, text): PostgreSQL 15's
DCH_from_char and do_to_timestamp (formatting.c), over the template nodes
of `twinning.values.formatting`.

Fields are read as PostgreSQL reads them: fixed widths unless FM or a
non-digit node follows (from_char_parse_int_len, with its "source string
too short" and "invalid value" errors), names matched case-insensitively
in PostgreSQL's array order, separators and spaces skipped outside FX
mode, conflicting settings of one field refused; then the collected
fields become a date (CC/YY centuries, J, ISO weeks, DDD, 12-hour clock)
checked as ValidateDate checks it.
"""

from __future__ import annotations

from dataclasses import dataclass

from twinning.errors import (
    DATETIME_FIELD_OVERFLOW, FEATURE_NOT_SUPPORTED, INVALID_DATETIME_FORMAT,
    SqlError, datetime_field_overflow, invalid_time_zone_displacement_value,
)
from twinning.values.calendar import (DAY_TAB, USECS_PER_SEC, Tm,
                                      checked_date, isleap, j2date,
                                      tm2timestamp)
from twinning.values.formatting import (DIGIT_KEYWORDS, MONTHS_FULL,
                                        MONTHS_SHORT, DAYS_FULL, DAYS_SHORT,
                                        S_FM, S_TH, S_th, Node, _iso_start,
                                        parse_template)
from twinning.values.timezones import tz_for_local

_AMPM = ("am", "pm", "AM", "PM")
_AMPM_LONG = ("a.m.", "p.m.", "A.M.", "P.M.")
_ADBC = ("ad", "bc", "AD", "BC")
_ADBC_LONG = ("a.d.", "b.c.", "A.D.", "B.C.")
_RM_LOWER = ("xii", "xi", "x", "ix", "viii", "vii", "vi", "v", "iv", "iii",
             "ii", "i")

_ISO = frozenset({"IDDD", "ID", "IW", "IYYY", "IYY", "IY", "I"})
_GREGORIAN = frozenset({"DDD", "DD", "D", "MM", "MONTH", "Month", "month",
                        "MON", "Mon", "mon", "RM", "rm", "WW", "W", "Y,YYY",
                        "YYYY", "YYY", "YY", "Y"})
_INT_MIN, _INT_MAX = -2**31, 2**31 - 1


@dataclass
class TmFromChar:
    mode: int = 0  # 0 none, 1 Gregorian, 2 ISO week
    hh: int = 0
    pm: int = 0
    mi: int = 0
    ss: int = 0
    ssss: int = 0
    d: int = 0
    dd: int = 0
    ddd: int = 0
    mm: int = 0
    ms: int = 0
    year: int = 0
    bc: int = 0
    ww: int = 0
    w: int = 0
    cc: int = 0
    j: int = 0
    us: int = 0
    yysz: int = 0
    clock12: bool = False
    tzsign: int = 0
    tzh: int = 0
    tzm: int = 0
    ff: int = 0


def _fmt_error(message: str, detail: str | None = None,
               hint: str | None = None, code: str = INVALID_DATETIME_FORMAT) -> SqlError:
    return SqlError(code, message, detail=detail, hint=hint)


_FM_HINT = 'If your source string is not fixed-width, try using the "FM" ' \
    'modifier.'


def _keyword_name(node: Node) -> str:
    return node.key or ""


def _is_next_separator(nodes, k: int) -> bool:
    node = nodes[k]
    if node.key is not None and node.suffix & (S_TH | S_th):
        return True
    if k + 1 >= len(nodes):
        return True
    nxt = nodes[k + 1]
    if nxt.key is not None:
        return nxt.key not in DIGIT_KEYWORDS
    return not nxt.char.isdigit() or not nxt.char.isascii()


def _isspace(ch: str) -> bool:
    return ch in " \t\n\r\f\v"


def _int_span(s: str, pos: int, max_digits: int = -1,
              any_digit: bool = False) -> tuple[int, int, int]:
    """The scan of strtol() (ASCII digits) or of sscanf's %3d (max_digits
    3, any Unicode digit): (where the number starts after the blanks,
    where its digits start after the sign, where they end)."""
    i = pos
    while i < len(s) and _isspace(s[i]):
        i += 1
    j = i + 1 if i < len(s) and s[i] in "+-" else i
    k = j
    while k < len(s) and k - j != max_digits and (
            s[k].isdigit() if any_digit else "0" <= s[k] <= "9"):
        k += 1
    return i, j, k


def _strtol(s: str, pos: int) -> tuple[int | None, int]:
    """C strtol(): (value or None when nothing parsed, end position)."""
    i, j, k = _int_span(s, pos)
    if k == j:
        return None, pos
    return int(s[i:k]), k


class _Reader:
    def __init__(self, text: str, nodes) -> None:
        self.s = text
        self.pos = 0
        self.nodes = nodes
        self.out = TmFromChar()

    def set_int(self, field: str, value: int, node: Node) -> None:
        current = getattr(self.out, field)
        if current != 0 and current != value:
            raise _fmt_error(f'conflicting values for "{node.key}" field in '
                             "formatting string",
                             "This value contradicts a previous setting for "
                             "the same field type.")
        setattr(self.out, field, value)

    def parse_int(self, field: str | None, k: int, length: int) -> int:
        """from_char_parse_int_len(); returns the characters used."""
        node = self.nodes[k]
        s = self.s
        init = self.pos
        pos = init
        while pos < len(s) and _isspace(s[pos]):
            pos += 1
        copy = s[pos:pos + length]
        if node.suffix & S_FM or _is_next_separator(self.nodes, k):
            result, end = _strtol(s, init)
            self.pos = end if result is not None else init
        else:
            if len(copy) < length:
                raise _fmt_error(f'source string too short for "{node.key}" '
                                 "formatting field",
                                 f"Field requires {length} characters, but "
                                 f"only {len(copy)} remain.", _FM_HINT)
            result, end = _strtol(copy, 0)
            used = end if result is not None else 0
            if 0 < used < length:
                raise _fmt_error(f'invalid value "{copy}" for "{node.key}"',
                                 f"Field requires {length} characters, but "
                                 f"only {used} could be parsed.", _FM_HINT)
            self.pos = pos + used
        if self.pos == init:
            raise _fmt_error(f'invalid value "{copy}" for "{node.key}"',
                             "Value must be an integer.")
        if result < _INT_MIN or result > _INT_MAX:
            raise _fmt_error(f'value for "{node.key}" in source string is '
                             "out of range", "Value must be in the range "
                             f"{_INT_MIN} to {_INT_MAX}.", code=DATETIME_FIELD_OVERFLOW)
        if field is not None:
            self.set_int(field, result, node)
        return self.pos - init

    def seq_search(self, array, node: Node) -> int:
        s = self.s[self.pos:]
        low = s.lower()
        for idx, entry in enumerate(array):
            if low.startswith(entry.lower()):
                self.pos += len(entry)
                return idx
        copy = s
        for c, ch in enumerate(s):
            if ch in " \t\n\r\f\v":
                copy = s[:c]
                break
        raise _fmt_error(f'invalid value "{copy}" for "{node.key}"',
                         "The given value did not match any of the allowed "
                         "values for this field.")

    def skip_th(self, node: Node) -> None:
        if node.suffix & (S_TH | S_th):
            self.pos = min(self.pos + 2, len(self.s))


def _adjust_partial_year(year: int) -> int:
    """adjust_partial_year_to_2020()."""
    if year < 70:
        return year + 2000
    if year < 100:
        return year + 1900
    if year < 520:
        return year + 2000
    if year < 1000:
        return year + 1000
    return year


def from_char(text: str, fmt: str) -> TmFromChar:
    nodes = parse_template(fmt)
    r = _Reader(text, nodes)
    out = r.out
    s = text
    fx = False
    extra_skip = 0
    k = 0
    while k < len(nodes) and r.pos < len(s):
        node = nodes[k]
        if not fx and node.key != "FX" and (node.key is not None or k == 0):
            while r.pos < len(s) and _isspace(s[r.pos]):
                r.pos += 1
                extra_skip += 1
        if node.key is None:
            if node.kind in ("space", "separator"):
                if not fx:
                    extra_skip -= 1
                    if r.pos < len(s) and (_isspace(s[r.pos]) or
                                           _is_sep(s[r.pos])):
                        r.pos += 1
                        extra_skip += 1
                else:
                    r.pos += 1
            elif not fx:
                if extra_skip > 0:
                    extra_skip -= 1
                else:
                    r.pos += 1
            else:
                r.pos += 1
            k += 1
            continue
        _set_mode(out, node.key)
        _field(r, k, node, extra_skip)
        if node.key == "FX":
            fx = True
        if not fx:
            extra_skip = 0
            while r.pos < len(s) and _isspace(s[r.pos]):
                r.pos += 1
                extra_skip += 1
        k += 1
    return out


def _is_sep(ch: str) -> bool:
    return (ch.isascii() and not ch.isalnum() and ch.isprintable()
            and not ch.isspace())


def _set_mode(out: TmFromChar, key: str) -> None:
    mode = 2 if key in _ISO else 1 if key in _GREGORIAN else 0
    if mode:
        if out.mode == 0:
            out.mode = mode
        elif out.mode != mode:
            raise _fmt_error("invalid combination of date conventions",
                             hint="Do not mix Gregorian and ISO week date "
                             "conventions in a formatting template.")


def _field(r: _Reader, k: int, node: Node, extra_skip: int) -> None:
    key = node.key
    out = r.out
    s = r.s
    if key == "FX":
        return
    if key in ("A.M.", "P.M.", "a.m.", "p.m."):
        r.set_int("pm", r.seq_search(_AMPM_LONG, node) % 2, node)
        out.clock12 = True
    elif key in ("AM", "PM", "am", "pm"):
        r.set_int("pm", r.seq_search(_AMPM, node) % 2, node)
        out.clock12 = True
    elif key in ("HH", "HH12"):
        r.parse_int("hh", k, 2)
        out.clock12 = True
        r.skip_th(node)
    elif key in ("HH24",):
        r.parse_int("hh", k, 2)
        r.skip_th(node)
    elif key in ("MI", "SS", "DD", "D", "MM", "DDD", "WW", "IW", "CC", "W",
                 "J", "SSSS", "Q"):
        field = {"MI": "mi", "SS": "ss", "DD": "dd", "D": "d", "MM": "mm",
                 "DDD": "ddd", "WW": "ww", "IW": "ww", "CC": "cc", "W": "w",
                 "J": "j", "SSSS": "ssss", "Q": None}[key]
        r.parse_int(field, k, len(key))
        r.skip_th(node)
    elif key == "SSSSS":
        r.parse_int("ssss", k, 5)
        r.skip_th(node)
    elif key == "MS":
        n = r.parse_int("ms", k, 3)
        out.ms *= 100 if n == 1 else 10 if n == 2 else 1
        r.skip_th(node)
    elif key == "US" or key.startswith("FF"):
        if key != "US":
            out.ff = int(key[2])
        n = r.parse_int("us", k, 6 if key == "US" else out.ff)
        out.us *= 10 ** (6 - n) if 1 <= n <= 5 else 1
        r.skip_th(node)
    elif key in ("TZ", "tz", "OF"):
        raise SqlError(FEATURE_NOT_SUPPORTED, f'formatting field "{key}" is only '
                                     "supported in to_char")
    elif key == "TZH":
        if r.pos < len(s) and s[r.pos] in "+- ":
            out.tzsign = -1 if s[r.pos] == "-" else 1
            r.pos += 1
        elif extra_skip > 0 and r.pos > 0 and s[r.pos - 1] == "-":
            out.tzsign = -1
        else:
            out.tzsign = 1
        r.parse_int("tzh", k, 2)
    elif key == "TZM":
        if not out.tzsign:
            out.tzsign = 1
        r.parse_int("tzm", k, 2)
    elif key in ("A.D.", "B.C.", "a.d.", "b.c."):
        r.set_int("bc", r.seq_search(_ADBC_LONG, node) % 2, node)
    elif key in ("AD", "BC", "ad", "bc"):
        r.set_int("bc", r.seq_search(_ADBC, node) % 2, node)
    elif key in ("MONTH", "Month", "month"):
        r.set_int("mm", r.seq_search(MONTHS_FULL, node) + 1, node)
    elif key in ("MON", "Mon", "mon"):
        r.set_int("mm", r.seq_search(MONTHS_SHORT, node) + 1, node)
    elif key in ("DAY", "Day", "day"):
        r.set_int("d", r.seq_search(DAYS_FULL, node), node)
        out.d += 1
    elif key in ("DY", "Dy", "dy"):
        r.set_int("d", r.seq_search(DAYS_SHORT, node), node)
        out.d += 1
    elif key == "IDDD":
        r.parse_int("ddd", k, 3)
        r.skip_th(node)
    elif key == "ID":
        r.parse_int("d", k, 1)
        out.d += 1
        if out.d > 7:
            out.d = 1
        r.skip_th(node)
    elif key == "Y,YYY":
        _read_y_yyy(r, node)
    elif key in ("YYYY", "IYYY"):
        r.parse_int("year", k, 4)
        out.yysz = 4
        r.skip_th(node)
    elif key in ("YYY", "IYY", "YY", "IY", "Y", "I"):
        n = r.parse_int("year", k, len(key))
        if n < 4:
            out.year = _adjust_partial_year(out.year)
        out.yysz = len(key)
        r.skip_th(node)
    elif key in ("RM", "rm"):
        r.set_int("mm", 12 - r.seq_search(_RM_LOWER, node), node)


def _read_y_yyy(r: _Reader, node: Node) -> None:
    s = r.s
    millennia, end = _strtol(s, r.pos)
    if millennia is None or end >= len(s) or s[end] != ",":
        raise _fmt_error('invalid input string for "Y,YYY"')
    j, start, k = _int_span(s, end + 1, 3, any_digit=True)
    if k == start:
        raise _fmt_error('invalid input string for "Y,YYY"')
    years = int(s[j:k]) + millennia * 1000
    r.set_int("year", years, node)
    r.out.yysz = 4
    r.pos = k
    r.skip_th(node)


def _field_overflow(text: str) -> SqlError:
    return datetime_field_overflow(f'date/time field value out of range: "{text}"')


def do_to_timestamp(text: str, fmt: str) -> tuple[Tm, int, int, str | None]:
    """→ (tm, fsec, fractional precision, "+hh:mm" zone or None)."""
    tmfc = from_char(text, fmt) if fmt else TmFromChar()
    tm = Tm()
    tm.mday = tm.mon = 1
    fmask_year = fmask_month = fmask_day = False
    if tmfc.ssss:
        x = tmfc.ssss
        tm.hour = x // 3600
        x %= 3600
        tm.min = x // 60
        tm.sec = x % 60
    if tmfc.ss:
        tm.sec = tmfc.ss
    if tmfc.mi:
        tm.min = tmfc.mi
    if tmfc.hh:
        tm.hour = tmfc.hh
    if tmfc.clock12:
        if tm.hour < 1 or tm.hour > 12:
            raise _fmt_error(f'hour "{tm.hour}" is invalid for the 12-hour '
                             "clock", hint="Use the 24-hour clock, or give "
                             "an hour between 1 and 12.")
        if tmfc.pm and tm.hour < 12:
            tm.hour += 12
        elif not tmfc.pm and tm.hour == 12:
            tm.hour = 0
    if tmfc.year:
        if tmfc.cc and tmfc.yysz <= 2:
            cc = -tmfc.cc if tmfc.bc else tmfc.cc
            tm.year = _cmod(tmfc.year, 100)
            if tm.year:
                if cc >= 0:
                    tm.year += (cc - 1) * 100
                else:
                    tm.year = (cc + 1) * 100 - tm.year + 1
            else:
                tm.year = cc * 100 + (0 if cc >= 0 else 1)
        else:
            tm.year = tmfc.year
            if tmfc.bc:
                tm.year = -tm.year
            if tm.year < 0:
                tm.year += 1
        fmask_year = True
    elif tmfc.cc:
        cc = -tmfc.cc if tmfc.bc else tmfc.cc
        tm.year = (cc - 1) * 100 + 1 if cc >= 0 else cc * 100 + 1
        fmask_year = True
    if tmfc.j:
        tm.year, tm.mon, tm.mday = j2date(tmfc.j)
        fmask_year = fmask_month = fmask_day = True
    if tmfc.ww:
        if tmfc.mode == 2:
            if tmfc.d:
                jd = _iso_start(tm.year) + (tmfc.ww - 1) * 7 + \
                    (tmfc.d + 5) % 7
            else:
                jd = _iso_start(tm.year) + (tmfc.ww - 1) * 7
            tm.year, tm.mon, tm.mday = j2date(jd)
            fmask_year = fmask_month = fmask_day = True
        else:
            tmfc.ddd = (tmfc.ww - 1) * 7 + 1
    if tmfc.w:
        tmfc.dd = (tmfc.w - 1) * 7 + 1
    if tmfc.dd:
        tm.mday = tmfc.dd
        fmask_day = True
    if tmfc.mm:
        tm.mon = tmfc.mm
        fmask_month = True
    if tmfc.ddd and (tm.mon <= 1 or tm.mday <= 1):
        if not tm.year and not tmfc.bc:
            raise _fmt_error("cannot calculate day of year without year "
                             "information")
        if tmfc.mode == 2:
            j0 = _iso_start(tm.year) - 1
            tm.year, tm.mon, tm.mday = j2date(j0 + tmfc.ddd)
            fmask_year = fmask_month = fmask_day = True
        else:
            ysum = _YSUM[1 if isleap(tm.year) else 0]
            i = 1
            while i <= 12 and tmfc.ddd > ysum[i]:
                i += 1
            if tm.mon <= 1:
                tm.mon = i
            if tm.mday <= 1:
                tm.mday = tmfc.ddd - ysum[i - 1]
            fmask_month = fmask_day = True
    fsec = tmfc.ms * 1000 + tmfc.us
    if fmask_month and not 1 <= tm.mon <= 12:
        raise _field_overflow(text)
    if fmask_day and not 1 <= tm.mday <= 31:
        raise _field_overflow(text)
    if fmask_year and fmask_month and fmask_day and \
            tm.mday > DAY_TAB[1 if isleap(tm.year) else 0][tm.mon - 1]:
        raise _field_overflow(text)
    if not (0 <= tm.hour < 24 and 0 <= tm.min < 60 and 0 <= tm.sec < 60
            and 0 <= fsec < USECS_PER_SEC):
        raise _field_overflow(text)
    zone = None
    if tmfc.tzsign:
        if not (0 <= tmfc.tzh <= 15 and 0 <= tmfc.tzm < 60):
            raise invalid_time_zone_displacement_value("time zone displacement out of range: "
                                                       f'"{text}"')
        zone = (tmfc.tzsign, tmfc.tzh, tmfc.tzm)
    return tm, fsec, tmfc.ff, zone


_YSUM = ((0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365),
         (0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366))


def _cmod(a: int, b: int) -> int:
    q = abs(a) // abs(b)
    q = q if (a >= 0) == (b >= 0) else -q
    return a - b * q


def to_date(text: str, fmt: str) -> int:
    tm, _, _, _ = do_to_timestamp(text, fmt)
    return checked_date(tm, text)


def to_timestamp(text: str, fmt: str, zone) -> int:
    """`zone`: the session's Zone (DetermineTimeZoneOffset)."""
    tm, fsec, fprec, fixed = do_to_timestamp(text, fmt)
    if fixed is not None:
        sign, hh, mm = fixed
        west = -sign * (hh * 3600 + mm * 60)
    else:
        west = tz_for_local(zone, tm.year, tm.mon, tm.mday, tm.hour, tm.min,
                            tm.sec)
    result = tm2timestamp(tm, fsec, west)
    if result is None:
        raise datetime_field_overflow("timestamp out of range")
    if fprec:
        unit = 10 ** (6 - fprec)
        if result >= 0:
            result = (result + unit // 2) // unit * unit
        else:
            result = -((-result + unit // 2) // unit * unit)
    return result
