"""A column's text input, decided once per column: the type's input
function bound to the session's settings, then the column's typmod
(assignment semantics), plus batch shortcuts for the spellings that COPY
TO, pg_dump, client libraries and `execute_values` pages write.

A batch converts a whole column of texts with C-level `map`s and gives
exactly what the input function gives, or returns None and leaves every
text, errors included, to the input function. COPY FROM converts its
blocks a column at a time through these (`execute_copy`), and so do the
cached templates of multi-row INSERT … VALUES (`passes/template.py`),
whose string and number cells are the same texts.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from itertools import repeat
from operator import attrgetter, floordiv, sub
from typing import Any, Callable, Sequence

from twinning import values
from twinning.ir.types import VARHDRSZ, SqlType, numeric_precision_scale
from twinning.values.calendar import (POSTGRES_EPOCH_JDATE, UNIX_EPOCH_JDATE,
                                      USECS_PER_SEC)
from twinning.values.numeric import CTX
from twinning.values.settings import FormatSettings
from twinning.values.timezones import session_zone

Converter = Callable[[str], Any]


class ColumnInput:
    """One column's input: `convert` one text (the input function, then the
    typmod), `convert_all` a block's column (None stays None). `batch`, if
    any, converts a list of texts in one go, or returns None to leave them
    to `convert`."""

    def __init__(self, convert: Converter,
                 batch: Callable[[list[str]], list | None] | None = None) -> None:
        self.convert, self.batch = convert, batch

    def convert_all(self, texts: Sequence[str | None]) -> Sequence:
        present = [t for t in texts if t is not None] if None in texts else texts
        out = None if self.batch is None else self.batch(present)  # type: ignore[arg-type]
        if out is None:
            out = list(map(self.convert, present))
        if present is texts:
            return out
        converted = iter(out)
        return [None if t is None else next(converted) for t in texts]


def column_input(t: SqlType, settings: FormatSettings) -> ColumnInput | None:
    """The column's converters under `settings`; None when its input is the
    text itself (text without a length)."""
    parse = values.parser_for(t, settings)
    typmod = values.typmod_for(t, False)

    def general(text: str) -> Any:
        return typmod(parse(text))

    if t.is_array:
        return ColumnInput(general)
    name = t.name
    if name in ("text", "varchar", "bpchar"):
        if t.typmod < 0:
            return None
        if name == "varchar" and t.typmod >= VARHDRSZ:
            return _varchar(t.typmod - VARHDRSZ, general)
        return ColumnInput(general)
    if name in _INT_DIGITS:
        return _int(*_INT_DIGITS[name], general)
    if name == "bool":
        return _bool(general)
    if name == "float8":
        return _float8(general)
    if name == "numeric":
        return _numeric(t.typmod, general)
    if name == "date":
        return _memo(general)
    if name in ("timestamp", "timestamptz"):
        return _timestamp(name == "timestamptz", settings,
                          typmod if t.typmod >= 0 else None, general)
    return ColumnInput(general)


def _varchar(limit: int, general: Converter) -> ColumnInput:
    def batch(texts: list[str]) -> list | None:
        return texts if max(map(len, texts), default=0) <= limit else None
    return ColumnInput(lambda text: text if len(text) <= limit else general(text), batch)


# at most this many digits cannot overflow the type (a sign aside), and
# the type's largest value
_INT_DIGITS = {"int2": (4, 2**15 - 1), "int4": (9, 2**31 - 1),
               "int8": (18, 2**63 - 1)}


def _int(digits: int, largest: int, general: Converter) -> ColumnInput:
    def convert(text: str) -> Any:
        if len(text) <= digits and text.isascii():
            if text.isdigit() or (text[:1] == "-" and text[1:].isdigit()):
                return int(text)
        return general(text)

    def batch(texts: list[str]) -> list | None:
        """Unsigned ASCII digits only (int() reads them as the input
        function does), none empty (int() refuses it), none too large."""
        joined = "".join(texts)
        if not (joined.isascii() and joined.isdigit()):
            return None
        try:
            out = list(map(int, texts))
        except ValueError:
            return None
        return out if max(out) <= largest else None
    return ColumnInput(convert, batch)


_BOOLS = {"t": True, "f": False, "true": True, "false": False}


def _bool(general: Converter) -> ColumnInput:
    def convert(text: str) -> Any:
        value = _BOOLS.get(text)
        return general(text) if value is None else value

    def batch(texts: list[str]) -> list | None:
        try:
            return list(map(_BOOLS.__getitem__, texts))
        except KeyError:
            return None
    return ColumnInput(convert, batch)


# strtod's decimal syntax; a result that is zero, subnormal or infinite
# (where float8in's range rules come in) takes the input function. Over
# these characters float() takes exactly that syntax (what else it takes
# needs a letter, a space or an underscore), so a batch checks the alphabet.
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z")
_NOT_DECIMAL = str.maketrans("", "", "0123456789.eE+-")
_DBL_MIN, _DBL_MAX = 2.2250738585072014e-308, 1.7976931348623157e308


def _float8(general: Converter) -> ColumnInput:
    match = _DECIMAL.match

    def convert(text: str) -> Any:
        if match(text) is not None:
            value = float(text)
            if _DBL_MIN <= abs(value) <= _DBL_MAX:
                return value
        return general(text)

    def batch(texts: list[str]) -> list | None:
        if not texts or "".join(texts).translate(_NOT_DECIMAL):
            return None
        out = _map_all(float, texts)
        if out is None:
            return None
        magnitudes = list(map(abs, out))
        return out if min(magnitudes) >= _DBL_MIN and max(magnitudes) <= _DBL_MAX else None
    return ColumnInput(convert, batch)


def _map_all(convert: Callable[[str], Any], texts: list[str]) -> list | None:
    """Every text converted at C speed, or None when one raises ValueError
    (the batch then falls back to value by value)."""
    try:
        return list(map(convert, texts))
    except ValueError:
        return None


_DIGITS = str.maketrans("0123456789", "9999999999")


def _same_shape(texts: list[str], match: Callable[[str], Any]) -> bool:
    """Do all texts have the first one's shape (its characters, with any
    ASCII digit for each of its digits) and does it match `match`, a
    pattern of digit classes and literals? Then every text matches it:
    one translation of the joined column instead of a match per text.
    (The first text has no tab, so neither has any text when the joined
    shapes agree.)"""
    first = texts[0]
    if match(first) is None:
        return False
    shape = first.translate(_DIGITS)
    return "\t".join(texts).translate(_DIGITS) == "\t".join(repeat(shape, len(texts)))


def _numeric(typmod: int, general: Converter) -> ColumnInput:
    """Plain `-ddd.dd` within the declared precision and scale: the value
    is in range and needs no rounding, only a shorter fraction padded to
    the scale; negative zero, exponents, NaN etc. take the input function.
    A batch takes only texts with exactly the scale's digits."""
    if typmod < VARHDRSZ:
        before, scale = 1000, 1000
    else:
        precision, scale = numeric_precision_scale(typmod)
        before = precision - scale
        if scale < 0 or before < 1:
            return ColumnInput(general)
    fraction = rf"(?:\.([0-9]{{1,{scale}}}))?" if scale else ""
    match = re.compile(rf"-?[0-9]{{1,{before}}}{fraction}\Z").match
    quantum = None if typmod < VARHDRSZ else Decimal((0, (1,), -scale))
    exact = match if quantum is None else re.compile(
        rf"[0-9]{{1,{before}}}" + (rf"\.[0-9]{{{scale}}}" if scale else "") + r"\Z").match

    def convert(text: str) -> Any:
        m = match(text)
        if m is not None:
            value = Decimal(text)
            if quantum is not None and scale and len(m.group(1) or "") != scale:
                value = value.quantize(quantum, context=CTX)
            if not (value.is_signed() and value.is_zero()):
                return value
        return general(text)

    def batch(texts: list[str]) -> list | None:
        if quantum is None:
            plain = "-" not in "".join(texts) and all(map(exact, texts))
        else:
            plain = bool(scale) and _fixed_point(texts, before, scale) or \
                all(map(exact, texts))
        return list(map(Decimal, texts)) if plain else None
    return ColumnInput(convert, batch)


_NOT_FIXED_POINT = str.maketrans("", "", "9.\t")


def _fixed_point(texts: list[str], before: int, scale: int) -> bool:
    """Is every text `d…d.d…d`, 1 to `before` digits, a point, exactly
    `scale` (>= 1) digits? Counted over the joined column's shape at C
    speed: only digits, points and separators; as many points as texts,
    each `scale` digits before a text's end (so one per text, none
    containing a tab); none first in a text; no run of more than
    `before` digits (a fraction that long only sends the texts to the
    per-text test)."""
    n = len(texts)
    shape = ("\t" + "\t".join(texts) + "\t").translate(_DIGITS)
    return not shape.translate(_NOT_FIXED_POINT) and shape.count("\t") == n + 1 \
        and shape.count(".") == n == shape.count("." + "9" * scale + "\t") \
        and "\t." not in shape and "9" * (before + 1) not in shape


_MEMO_LIMIT = 65536


def _memo(general: Converter) -> ColumnInput:
    """For a pure input function whose values repeat (dates): each distinct
    text is converted once (while there are not too many). Only texts that
    start with a digit are kept: 'today', 'now' and the like read the
    transaction's clock, and converters outlive a transaction (a template's,
    a prepared statement's)."""
    seen: dict[str, Any] = {}

    def convert(text: str) -> Any:
        value = seen.get(text)
        if value is None:
            value = general(text)
            if len(seen) < _MEMO_LIMIT and _DIGIT_FIRST(text):
                seen[text] = value
        return value

    def batch(texts: list[str]) -> list | None:
        new = set(texts).difference(seen)
        if len(seen) + len(new) > _MEMO_LIMIT:
            seen.clear()
            new = set(texts)
        if not all(map(_DIGIT_FIRST, new)):
            return None  # value by value
        for text in new:
            seen[text] = general(text)
        return list(map(seen.__getitem__, texts))
    return ColumnInput(convert, batch)


_DIGIT_FIRST = re.compile("[0-9]").match


# `YYYY-MM-DD HH:MM:SS[.ffffff][±HH[:MM]]` (or a T for the space), as
# timestamptz_out under DateStyle ISO and isoformat() write it: a subset of
# what the input function's own shortcut (values.datetime._fast_timestamp)
# takes, and fromisoformat() reads it the same way (a year >= 1, a real day,
# hour < 24, second < 60, or ValueError)
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}"
                        r"(?:\.[0-9]{1,6})?(?:[+-][0-9]{2}(?::[0-9]{2})?)?\Z")
_FROM_ISO = _dt.datetime.fromisoformat
_TZINFO = attrgetter("tzinfo")
_UTC = _dt.timezone.utc  # what fromisoformat gives for a zero offset
_EPOCH = _dt.datetime(2000, 1, 1)
_EPOCH_UTC = _EPOCH.replace(tzinfo=_dt.timezone.utc)
_MICROSECOND = _dt.timedelta(microseconds=1)
_MAX_OFFSET = _dt.timedelta(hours=15, minutes=59)  # beyond: the input function
_UNIX_SHIFT = (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * 86400


def _timestamp(with_tz: bool, settings: FormatSettings,
               typmod: Converter | None, general: Converter) -> ColumnInput:
    """timestamp[tz] in microseconds since 2000-01-01 (UTC for tz): an
    explicit offset is applied (timestamp ignores it), none means the
    session TimeZone (timestamptz) or nothing (timestamp)."""
    match = _TIMESTAMP.match
    zone: list = []  # the session zone, looked up when first needed

    def local(stamp: _dt.datetime) -> int:
        micros = (stamp.replace(tzinfo=None) - _EPOCH) // _MICROSECOND
        if stamp.tzinfo is not None or not with_tz:
            return micros
        if not zone:
            zone.append(session_zone(settings.timezone))
        secs = micros // USECS_PER_SEC + _UNIX_SHIFT
        return micros + zone[0].tz_for_local(secs) * USECS_PER_SEC

    def convert(text: str) -> Any:
        if match(text) is not None:
            try:
                stamp = _FROM_ISO(text)
            except ValueError:
                return general(text)
            offset = stamp.utcoffset()
            if offset is None or abs(offset) <= _MAX_OFFSET:
                value = (stamp - _EPOCH_UTC) // _MICROSECOND if offset is not None \
                    and with_tz else local(stamp)
                return value if typmod is None else typmod(value)
        return general(text)

    def batch(texts: list[str]) -> list | None:
        """All with offsets in range (timestamptz) or all without
        (timestamp): C-level date arithmetic; else value by value."""
        if not texts or not (_same_shape(texts, match) or all(map(match, texts))):
            return None
        stamps = _map_all(_FROM_ISO, texts)
        if stamps is None:
            return None
        zones = set(map(_TZINFO, stamps))
        if not with_tz and zones == {None}:
            epoch = _EPOCH
        elif with_tz and (zones == {_UTC} or None not in zones and max(map(
                abs, set(map(_dt.datetime.utcoffset, stamps)))) <= _MAX_OFFSET):
            epoch = _EPOCH_UTC
        else:
            return None
        out = list(map(floordiv, map(sub, stamps, repeat(epoch)), repeat(_MICROSECOND)))
        return out if typmod is None else list(map(typmod, out))
    return ColumnInput(convert, batch)
