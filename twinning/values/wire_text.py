"""Text output straight to UTF-8 bytes, for the result hot path.

`text_encoder(name, settings)` gives a one-call encoder for the types and
settings result rows meet most: integers, text, booleans, float8, numeric,
uuid and ISO-style dates and timestamps. The calendar and digit work is
done by C code (`datetime`, `repr`, `%d`); anything outside the range
where that agrees with PostgreSQL goes to the type's general output
function, which stays the definition. property/test_wire_text.py holds
each encoder to it.

float8 uses `repr` only for magnitudes in [1e-4, 1e15), where PostgreSQL
prints fixed notation. There a midpoint between two adjacent doubles needs
at least 18 significant digits, so the shortest round-trip digits (17 at
most) never lie on an interval bound, the one case where PostgreSQL's Ryu
(built without STRICTLY_SHORTEST) and Python's repr differ.
"""

from __future__ import annotations

import datetime as _dt
from typing import Callable

from twinning.values import datetime as dt
from twinning.values import floats, numeric
from twinning.values.settings import FormatSettings, parse_datestyle
from twinning.values.timezones import session_zone

Encoder = Callable[[object], bytes]

_BASE = _dt.datetime(2000, 1, 1)
_DATE_BASE = _BASE.toordinal()  # PostgreSQL's day 0 as a proleptic ordinal
_MICRO = _dt.timedelta(microseconds=1)
_BOOL = {True: b"t", False: b"f"}.__getitem__


def _float8(value: float) -> bytes:
    size = abs(value)
    if 1e-4 <= size < 1e15:
        text = repr(value)
        return (text[:-2] if text.endswith(".0") else text).encode()
    return floats.format_float8(value, 1).encode()


def _numeric(value) -> bytes:
    return numeric.format_numeric(value).encode()


def _iso_date(value: int) -> bytes:
    try:
        return _dt.date.fromordinal(value + _DATE_BASE).isoformat().encode()
    except (ValueError, OverflowError):  # BC, beyond 9999, ±infinity
        return dt.format_date(value).encode()


def _iso_local(value: int) -> str | None:
    """A timestamp in µs since 2000 as PostgreSQL's ISO text, or None
    outside years 1–9999."""
    try:
        moment = _BASE + value * _MICRO
    except OverflowError:
        return None
    text = moment.isoformat(" ")
    return text.rstrip("0") if moment.microsecond else text


def _iso_timestamp(settings: FormatSettings) -> Encoder:
    def encode(value: int) -> bytes:
        text = _iso_local(value)
        if text is None:
            return dt.format_timestamp(value, settings).encode()
        return text.encode()
    return encode


def _iso_timestamptz(settings: FormatSettings) -> Encoder:
    zone = session_zone(settings.timezone)
    gmtoff = zone.fixed_gmtoff()

    def encode(value: int) -> bytes:
        local, offset = value, gmtoff
        if offset is None:
            try:
                local, offset, _, _ = dt.timestamptz_local(value, zone)
            except Exception:  # out of range: the general path says how
                return dt.format_timestamptz(value, settings).encode()
        else:
            local = value + offset * 1_000_000
        text = _iso_local(local)
        if text is None:
            return dt.format_timestamptz(value, settings).encode()
        return (text + dt.encode_tz(-offset)).encode()
    return encode


def text_encoder(name: str, settings: FormatSettings) -> Encoder | None:
    """The fast text encoder of scalar type `name`, or None."""
    if name in ("int2", "int4", "int8"):
        return b"%d".__mod__
    if name in ("text", "varchar", "bpchar"):
        return str.encode
    if name == "bool":
        return _BOOL
    if name == "float8":
        return _float8 if settings.extra_float_digits > 0 else None
    if name == "numeric":
        return _numeric
    if name == "uuid":
        return lambda value: str(value).encode()
    if parse_datestyle(settings.datestyle)[0] != "ISO":
        return None
    if name == "date":
        return _iso_date
    stamp = {"timestamp": _iso_timestamp, "timestamptz": _iso_timestamptz}.get(name)
    return None if stamp is None else stamp(settings)
