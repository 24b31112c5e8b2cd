"""Time zones: name lookup (pg_tzset), offsets in both directions, and the
timezone abbreviations of date/time input.

Zones come from the system IANA database through `zoneinfo`, the same
files Debian's PostgreSQL reads. Offsets follow PostgreSQL's sign
conventions where it matters: `gmtoff` is seconds east of Greenwich; the
parser's `tz` is seconds *west* (its negation).

`zoneinfo` only knows years 1..9999; PostgreSQL's range is wider. Past
9999 the zone's closing POSIX rule repeats with the 400-year Gregorian
cycle, so instants are shifted by whole cycles; before year 1 every zone
is in its earliest (local mean time) offset, which is what year 1 gives.

Like pg_tzset(), a zone name may also be a POSIX TZ specification. Those
without daylight-saving rules ('EST5', '<+05:30>-05:30', 'ABC+3') are fixed
offsets and supported; ones with rules ('EST5EDT4', 'abc5def') are refused
with 0A000 (real zone files such as EST5EDT are ordinary IANA zones).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import os
import struct
from functools import lru_cache
from typing import TYPE_CHECKING

from twinning.values.calendar import UNIX_EPOCH_JDATE, date2j, is_valid_julian
from twinning.values.tzabbrev_data import DYNAMIC, FIXED

if TYPE_CHECKING:  # imported where a zone is looked up: not at start-up
    import zoneinfo

_UTC = _dt.timezone.utc
_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_UTC)
_CYCLE = 146097 * 86400  # 400 Gregorian years in seconds
_MIN_SECS = (date2j(1, 1, 2) - UNIX_EPOCH_JDATE) * 86400
_MAX_SECS = (date2j(9999, 12, 30) - UNIX_EPOCH_JDATE) * 86400
_NAIVE_EPOCH = _dt.datetime(1970, 1, 1)


class Zone:
    """A time zone as PostgreSQL's pg_tz: name plus offset rules."""

    name: str

    def at_utc(self, unix_seconds: int) -> tuple[int, str, bool]:
        """(gmtoff, abbreviation, is_dst) in effect at a UTC instant."""
        raise NotImplementedError

    def tz_for_local(self, local_seconds: int) -> int:
        """DetermineTimeZoneOffset(): seconds *west* for a local wall time."""
        raise NotImplementedError

    def fixed_gmtoff(self) -> int | None:
        """pg_get_timezone_offset(): the offset if the zone never changes it."""
        raise NotImplementedError


class FixedZone(Zone):
    def __init__(self, name: str, gmtoff: int, abbrev: str) -> None:
        self.name = name
        self.gmtoff = gmtoff
        self.abbrev = abbrev

    def at_utc(self, unix_seconds: int) -> tuple[int, str, bool]:
        return self.gmtoff, self.abbrev, False

    def tz_for_local(self, local_seconds: int) -> int:
        return -self.gmtoff

    def fixed_gmtoff(self) -> int | None:
        return self.gmtoff


def _clamp(seconds: int) -> int:
    if seconds < _MIN_SECS:
        return _MIN_SECS
    if seconds > _MAX_SECS:
        cycles = -(-(seconds - _MAX_SECS) // _CYCLE)
        return seconds - cycles * _CYCLE
    return seconds


class IanaZone(Zone):
    def __init__(self, name: str, info: zoneinfo.ZoneInfo, path: str | None) -> None:
        self.name = name
        self.info = info
        self.path = path
        self._fixed: tuple[int | None] | None = None
        self._tzif: tuple[TzifData | None] | None = None

    @lru_cache(maxsize=4096)
    def at_utc(self, unix_seconds: int) -> tuple[int, str, bool]:
        local = (_EPOCH + _dt.timedelta(seconds=_clamp(unix_seconds))).astimezone(self.info)
        off = local.utcoffset()
        dst = local.dst()
        return int(off.total_seconds()), local.tzname() or "", bool(dst)

    @lru_cache(maxsize=4096)
    def tz_for_local(self, local_seconds: int) -> int:
        naive = _NAIVE_EPOCH + _dt.timedelta(seconds=_clamp(local_seconds))
        off0 = self.info.utcoffset(naive.replace(fold=0))
        off1 = self.info.utcoffset(naive.replace(fold=1))
        # In a spring-forward gap PostgreSQL takes the offset from before the
        # transition, in a fall-back overlap the one from after: both are the
        # smaller offset (the later UTC instant).
        return -int(min(off0, off1).total_seconds())

    def interpret_abbrev(self, abbrev: str, unix_seconds: int) -> tuple[int, bool] | None:
        """pg_interpret_timezone_abbrev(): the meaning of an abbreviation in
        this zone at (or else nearest before, else after) a UTC instant."""
        if self._tzif is None:
            self._tzif = (read_tzif(self.path) if self.path else None,)
        data = self._tzif[0]
        if data is None:
            return None
        wanted = {i for i, info in enumerate(data.infos) if info[2] == abbrev}
        if not wanted:
            return None
        cutoff = bisect.bisect_right(data.times, unix_seconds)
        for i in range(cutoff - 1, -1, -1):
            if data.types[i] in wanted:
                info = data.infos[data.types[i]]
                return info[0], info[1]
        for i in range(cutoff, len(data.times)):
            if data.types[i] in wanted:
                info = data.infos[data.types[i]]
                return info[0], info[1]
        return None

    def fixed_gmtoff(self) -> int | None:
        if self._fixed is None:
            offsets = _tzif_offsets(self.path) if self.path else None
            self._fixed = (offsets.pop() if offsets and len(offsets) == 1 else None,)
        return self._fixed[0]


class TzifData:
    """The parts of a TZif file PostgreSQL's abbreviation lookup reads."""

    __slots__ = ("times", "types", "infos")

    def __init__(self, times: list[int], types: list[int],
                 infos: list[tuple[int, bool, str]]) -> None:
        self.times = times  # transition instants (UTC seconds), ascending
        self.types = types  # index into infos for each transition
        self.infos = infos  # (utoff, isdst, abbreviation)


def read_tzif(path: str) -> TzifData | None:
    """Parse the 64-bit (v2+) body of a TZif file, or the v1 body."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    if data[:4] != b"TZif":
        return None

    def counts(at: int):
        return struct.unpack(">6l", data[at + 20:at + 44])

    isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts(0)
    start = 44
    time_size = 4
    if data[4:5] >= b"2":
        start += timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt + isutcnt
        isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts(start)
        start += 44
        time_size = 8
    fmt = ">%d%s" % (timecnt, "q" if time_size == 8 else "l")
    times = list(struct.unpack_from(fmt, data, start))
    start += timecnt * time_size
    types = list(data[start:start + timecnt])
    start += timecnt
    raw_infos = [struct.unpack_from(">lBB", data, start + 6 * i) for i in range(typecnt)]
    start += 6 * typecnt
    chars = data[start:start + charcnt]
    infos = []
    for utoff, isdst, idx in raw_infos:
        end = chars.find(b"\0", idx)
        infos.append((utoff, bool(isdst), chars[idx:end if end >= 0 else None].decode("ascii")))
    return TzifData(times, types, infos)


def _tzif_offsets(path: str) -> set[int] | None:
    data = read_tzif(path)
    return None if data is None else {info[0] for info in data.infos}


@lru_cache(maxsize=1)
def _zone_index() -> dict[str, str]:
    import zoneinfo  # lazy: cold start
    return {name.lower(): name for name in zoneinfo.available_timezones()}


def _zone_path(key: str) -> str | None:
    import zoneinfo  # lazy: cold start
    for root in zoneinfo.TZPATH:
        path = os.path.join(root, key)
        if os.path.isfile(path):
            return path
    return None


# -- POSIX TZ specifications (tzparse) ---------------------------------------------

def _getnum(s: str, i: int, lo: int, hi: int):
    if i >= len(s) or not s[i].isdigit() or not s[i].isascii():
        return None, i
    num = 0
    while i < len(s) and s[i].isascii() and s[i].isdigit():
        num = num * 10 + int(s[i])
        if num > hi:
            return None, i
        i += 1
    return (num, i) if num >= lo else (None, i)


def _getsecs(s: str, i: int, max_hours: int = 24 * 7 - 1):
    hours, i = _getnum(s, i, 0, max_hours)
    if hours is None:
        return None, i
    secs = hours * 3600
    if i < len(s) and s[i] == ":":
        minutes, i = _getnum(s, i + 1, 0, 59)
        if minutes is None:
            return None, i
        secs += minutes * 60
        if i < len(s) and s[i] == ":":
            seconds, i = _getnum(s, i + 1, 0, 60)
            if seconds is None:
                return None, i
            secs += seconds
    return secs, i


def _getoffset(s: str, i: int):
    neg = False
    if i < len(s) and s[i] in "+-":
        neg = s[i] == "-"
        i += 1
    secs, i = _getsecs(s, i)
    if secs is None:
        return None, i
    return (-secs if neg else secs), i


def _getzname(s: str, i: int, quoted: bool):
    if quoted:
        while i < len(s) and s[i] != ">":
            i += 1
        return i
    while i < len(s) and s[i] not in ",-+" and not (s[i].isascii() and s[i].isdigit()):
        i += 1
    return i


def _getrule(s: str, i: int):
    if i < len(s) and s[i] == "J":
        day, i = _getnum(s, i + 1, 1, 365)
    elif i < len(s) and s[i] == "M":
        month, i = _getnum(s, i + 1, 1, 12)
        if month is None or i >= len(s) or s[i] != ".":
            return None
        week, i = _getnum(s, i + 1, 1, 5)
        if week is None or i >= len(s) or s[i] != ".":
            return None
        day, i = _getnum(s, i + 1, 0, 6)
    else:
        day, i = _getnum(s, i, 0, 365)
    if day is None:
        return None
    if i < len(s) and s[i] == "/":
        j = i + 1 + (1 if s[i + 1:i + 2] in ("+", "-") else 0)
        secs, i = _getsecs(s, j, 167)
        if secs is None:
            return None
    return i


def parse_posix_tz(spec: str):
    """PostgreSQL's tzparse() (after pg_tzset upper-cases the name):
    (standard gmtoff, standard abbreviation, has daylight rules), or None."""
    s = spec.upper()
    i = 0
    if s.startswith("<"):
        end = _getzname(s, 1, quoted=True)
        if end >= len(s):
            return None
        std_name, i = s[1:end], end + 1
    else:
        i = _getzname(s, 0, quoted=False)
        std_name = s[:i]
    if i >= len(s):
        return None
    west, i = _getoffset(s, i)
    if west is None:
        return None
    if i == len(s):
        return -west, std_name, False
    if s[i] == "<":
        end = _getzname(s, i + 1, quoted=True)
        if end >= len(s):
            return None
        dst_len, i = end - i - 1, end + 1
    else:
        end = _getzname(s, i, quoted=False)
        dst_len, i = end - i, end
    if dst_len == 0:
        return None
    if i < len(s) and s[i] not in ",;":
        _, i = _getoffset(s, i)
        if _ is None:
            return None
    if i < len(s):
        if s[i] not in ",;":
            return None
        i = _getrule(s, i + 1)
        if i is None or i >= len(s) or s[i] != ",":
            return None
        i = _getrule(s, i + 1)
        if i is None or i != len(s):
            return None
    return -west, std_name, True


@lru_cache(maxsize=512)
def lookup_zone(name: str) -> Zone | None:
    """pg_tzset(): a zone by (case-insensitive) name, or None.

    Besides IANA names this accepts POSIX specifications without daylight
    rules ('EST5', '<+0530>-05:30'), which PostgreSQL also takes.
    """
    if not name or len(name) > 255:
        return None
    if name.upper() == "GMT":
        return FixedZone("GMT", 0, "GMT")
    key = _zone_index().get(name.lower())
    if key is not None:
        import zoneinfo  # lazy: cold start
        try:
            return IanaZone(key, zoneinfo.ZoneInfo(key), _zone_path(key))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            return None
    if name.startswith(":"):
        return None
    posix = parse_posix_tz(name)
    if posix is None:
        return None
    gmtoff, abbrev, has_dst = posix
    if has_dst:
        from twinning.values.common import unsupported
        raise unsupported(f'POSIX time zone specification with daylight-saving rules "{name}"')
    return FixedZone(name.upper(), gmtoff, abbrev)


# -- abbreviations --------------------------------------------------------------

TZ, DTZ, DYNTZ = "TZ", "DTZ", "DYNTZ"


def lookup_abbrev(lowtoken: str):
    """DecodeTimezoneAbbrev(): (kind, gmtoff or zone) or None."""
    key = lowtoken[:10]
    fixed = FIXED.get(key)
    if fixed is not None:
        return (DTZ if fixed[1] else TZ), fixed[0]
    zone_name = DYNAMIC.get(key)
    if zone_name is not None:
        zone = lookup_zone(zone_name)
        if zone is not None:
            return DYNTZ, zone
    return None


def local_seconds(year: int, mon: int, mday: int, hour: int, minute: int, sec: int) -> int | None:
    """Wall time as seconds since 1970 (no zone), None outside Julian range."""
    if not is_valid_julian(year, mon, mday):
        return None
    return (date2j(year, mon, mday) - UNIX_EPOCH_JDATE) * 86400 + (hour * 60 + minute) * 60 + sec


def tz_for_local(zone: Zone, year: int, mon: int, mday: int, hour: int, minute: int,
                 sec: int) -> int:
    """DetermineTimeZoneOffset() for broken-down local time (UTC if out of range)."""
    secs = local_seconds(year, mon, mday, hour, minute, sec)
    if secs is None:
        return 0
    return zone.tz_for_local(secs)


def tz_for_abbrev(zone: Zone, abbrev: str, year: int, mon: int, mday: int, hour: int,
                  minute: int, sec: int) -> int:
    """DetermineTimeZoneAbbrevOffset(): use the abbreviation's own offset when
    the zone uses that abbreviation at that time, else the zone's offset."""
    tz = tz_for_local(zone, year, mon, mday, hour, minute, sec)
    secs = local_seconds(year, mon, mday, hour, minute, sec)
    probe = secs + tz if secs is not None else 0
    interpret = getattr(zone, "interpret_abbrev", None)
    found = interpret(abbrev.upper(), probe) if interpret else None
    if found is not None:
        return -found[0]
    return tz


@lru_cache(maxsize=64)
def session_zone(name: str) -> Zone:
    """The zone named by the TimeZone setting (0A000 if it is not one)."""
    if name.upper() == "UTC":
        return FixedZone("UTC", 0, "UTC")
    zone = lookup_zone(name)
    if zone is None:
        from twinning.values.common import unsupported
        raise unsupported(f'TimeZone "{name}"')
    return zone
