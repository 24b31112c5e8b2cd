"""numeric: numeric_in/numeric_out, apply_typmod and the base-10000 form.

Runtime value: `decimal.Decimal`. A finite value is kept canonical the way
PostgreSQL stores it: exponent == -dscale (never positive), no negative
zero. NaN, Infinity and -Infinity are Decimal's own specials. All
arithmetic here runs in a private context wide enough for PostgreSQL's
limits (131072 integer digits, 16383 fraction digits), so nothing rounds
behind our back.
"""

from __future__ import annotations

import functools
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, InvalidOperation, Overflow

from twinning.errors import SqlError, numeric_value_out_of_range
from twinning.ir.types import VARHDRSZ, numeric_precision_scale
from twinning.values.common import C_SPACE, c_strtol, invalid_syntax

DSCALE_MAX = 0x3FFF
WEIGHT_MAX = 32767  # base-10000 digits before the point, minus one
CTX = Context(prec=200_000, Emax=10**12, Emin=-10**12,
              rounding=ROUND_HALF_UP, traps=[InvalidOperation, Overflow])
ONE = Decimal(1)
NAN = Decimal("NaN")
PINF = Decimal("Infinity")
NINF = Decimal("-Infinity")

_SPECIALS = (
    ("nan", NAN), ("infinity", PINF), ("+infinity", PINF), ("-infinity", NINF),
    ("inf", PINF), ("+inf", PINF), ("-inf", NINF),
)
_MANTISSA = re.compile(r"([+-]?)(\.?)([0-9])")
_BODY = re.compile(r"[0-9]*(?:\.[0-9]*)?")
_INT_MAX_HALF = (1 << 31) // 2


def overflow() -> SqlError:
    return numeric_value_out_of_range("value overflows numeric format")


def canonical(value: Decimal) -> Decimal:
    """Normalise a finite Decimal to PostgreSQL's stored shape."""
    if not value.is_finite():
        return value
    exp = value.as_tuple().exponent
    if exp > 0:
        value = value.quantize(ONE, context=CTX)
    if value.is_zero() and value.is_signed():
        value = value.copy_abs()
    return value


def dscale_of(value: Decimal) -> int:
    return max(0, -value.as_tuple().exponent)


def check_storable(value: Decimal) -> Decimal:
    """make_result(): weight must fit int16, dscale 14 bits."""
    if not value.is_finite():
        return value
    if dscale_of(value) > DSCALE_MAX:
        raise overflow()
    if not value.is_zero() and value.adjusted() // 4 > WEIGHT_MAX:
        raise overflow()
    return value


# A plain decimal (what drivers send for numeric parameters): Decimal
# reads it exactly and within every storage limit.
_PLAIN = re.compile(r"-?[0-9]{1,100}(?:\.[0-9]{1,100})?")


def parse_numeric(text: str) -> Decimal:
    if _PLAIN.fullmatch(text):
        value = Decimal(text)
        return value.copy_abs() if value.is_zero() else value
    return _parse_numeric(text)


def _parse_numeric(text: str) -> Decimal:
    n = len(text)
    i = 0
    while i < n and text[i] in C_SPACE:
        i += 1
    low = text[i:i + 9].lower()
    for word, special in _SPECIALS:
        if low.startswith(word):
            end = i + len(word)
            if text[end:].strip(C_SPACE):
                raise invalid_syntax("numeric", text)
            return special
    m = _MANTISSA.match(text, i)
    if m is None:
        raise invalid_syntax("numeric", text)
    body_start = m.start(2)
    body = _BODY.match(text, body_start)
    end = body.end()
    if end < n and text[end] == ".":  # a second decimal point
        raise invalid_syntax("numeric", text)
    mantissa = text[body_start:end]
    exponent = 0
    if end < n and text[end] in "eE":
        exponent, exp_end, _ = c_strtol(text, end + 1)
        if exp_end == end + 1:
            raise invalid_syntax("numeric", text)
        if exponent >= _INT_MAX_HALF or exponent <= -_INT_MAX_HALF:
            raise overflow()
        end = exp_end
    if text[end:].strip(C_SPACE):
        raise invalid_syntax("numeric", text)
    value = Decimal(mantissa if mantissa[0] != "." else "0" + mantissa)
    if m.group(1) == "-":
        value = value.copy_negate()
    if exponent:
        value = value.scaleb(exponent, context=CTX)
    if not value.is_zero() and value.adjusted() // 4 > WEIGHT_MAX:
        raise overflow()  # before canonical() would spell out the digits
    return check_storable(canonical(value))


def format_numeric(value: Decimal) -> str:
    if value.is_nan():
        return "NaN"
    if value.is_infinite():
        return "-Infinity" if value.is_signed() else "Infinity"
    value = canonical(value)
    return format(value, "f")


def apply_numeric_typmod(value: Decimal, typmod: int) -> Decimal:
    """numeric(p, s): round half away from zero to s, then range-check."""
    if typmod < VARHDRSZ:
        return value
    precision, scale, quantum, maxdigits = _typmod_shape(typmod)
    if value.is_nan():
        return value
    if value.is_infinite():
        raise numeric_value_out_of_range("numeric field overflow",
                                         detail=f"A field with precision {precision}, scale {scale} "
                                                f"cannot hold an infinite value.")
    rounded = value.quantize(quantum, context=CTX)
    if scale < 0 or (rounded.is_signed() and rounded.is_zero()):
        rounded = canonical(rounded)
    if not rounded.is_zero() and rounded.adjusted() >= maxdigits:
        bound = f"10^{maxdigits}" if maxdigits else "1"
        raise numeric_value_out_of_range("numeric field overflow",
                                         detail=f"A field with precision {precision}, scale {scale} "
                                                f"must round to an absolute value less than {bound}.")
    return rounded


@functools.lru_cache(maxsize=None)
def _typmod_shape(typmod: int) -> tuple[int, int, Decimal, int]:
    """(precision, scale, the quantum of the scale, digits before the point)."""
    precision, scale = numeric_precision_scale(typmod)
    return precision, scale, Decimal((0, (1,), -scale)), precision - scale


# -- base-10000 wire form -------------------------------------------------------

NUMERIC_POS = 0x0000
NUMERIC_NEG = 0x4000
NUMERIC_NAN = 0xC000
NUMERIC_PINF = 0xD000
NUMERIC_NINF = 0xF000


def to_base10000(value: Decimal) -> tuple[list[int], int, int, int]:
    """(digits, weight, sign, dscale) exactly as numeric_send emits them.

    (PostgreSQL reads the dscale of ±Infinity out of its short header, so
    it sends 32 for them; NaN sends 0.)"""
    if value.is_nan():
        return [], 0, NUMERIC_NAN, 0
    if value.is_infinite():
        return [], 0, (NUMERIC_NINF if value.is_signed() else NUMERIC_PINF), 32
    value = canonical(value)
    dscale = dscale_of(value)
    sign = NUMERIC_NEG if value.is_signed() and not value.is_zero() else NUMERIC_POS
    digits = value.as_tuple().digits  # decimal digits; exponent == -dscale
    int_len = len(digits) - dscale
    # Align on base-10000 boundaries around the decimal point.
    lead = (-int_len) % 4
    trail = (-dscale) % 4
    padded = (0,) * lead + tuple(digits) + (0,) * trail
    groups = [padded[k] * 1000 + padded[k + 1] * 100 + padded[k + 2] * 10 + padded[k + 3]
              for k in range(0, len(padded), 4)]
    weight = (int_len + lead) // 4 - 1
    first = 0
    while first < len(groups) and groups[first] == 0:
        first += 1
        weight -= 1
    last = len(groups)
    while last > first and groups[last - 1] == 0:
        last -= 1
    if first == last:
        return [], 0, NUMERIC_POS, dscale
    return groups[first:last], weight, sign, dscale


def from_base10000(digits: list[int], weight: int, sign: int, dscale: int) -> Decimal:
    """numeric_recv's reconstruction, truncating digits hidden by dscale."""
    if sign == NUMERIC_NAN:
        return NAN
    if sign == NUMERIC_PINF:
        return PINF
    if sign == NUMERIC_NINF:
        return NINF
    if not digits:
        return Decimal((0, (0,), -dscale))
    text = "".join("%04d" % d for d in digits)
    # value = text * 10000^(weight - ndigits + 1)
    value = Decimal((0, tuple(int(c) for c in text), 4 * (weight - len(digits) + 1)))
    value = value.quantize(Decimal((0, (1,), -dscale)), rounding=ROUND_DOWN, context=CTX)
    if sign == NUMERIC_NEG:
        value = value.copy_negate()
    return canonical(value)
