"""real/double precision: float4in/float8in and float4out/float8out.

Input follows glibc strtod()/strtof() plus PostgreSQL's own spellings of
NaN and infinity. A float4 is parsed with correct single rounding (a double
that lands exactly on a float32 midpoint is re-decided exactly), so the
stored value is what strtof() would give.

Output with extra_float_digits > 0 (the default) is the shortest string
that reads back to the same value (Ryu in PostgreSQL; Python's repr gives
the same digits for doubles, and float32 digits are searched exactly),
formatted as PostgreSQL does: fixed notation for decimal exponents in
[-4, 15) (doubles) or [-4, 6) (reals), otherwise d.ddde±XX.
"""

from __future__ import annotations

import math
import struct
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext
from fractions import Fraction

from twinning.errors import SqlError
from twinning.values.common import C_SPACE, c_strtod, invalid_syntax

_PACK_F = struct.Struct(">f")
_PACK_I = struct.Struct(">I")
FLT_MAX = 3.4028234663852886e38
FLT_MIN = 1.1754943508222875e-38

# PostgreSQL's fallback spellings, tried in this order when strtod fails.
_SPECIALS = (
    ("nan", math.nan), ("infinity", math.inf), ("+infinity", math.inf),
    ("-infinity", -math.inf), ("inf", math.inf), ("+inf", math.inf),
    ("-inf", -math.inf),
)


def to_float32(value: float) -> float:
    """Round a double to the nearest float32 (ties to even), as a double."""
    try:
        return _PACK_F.unpack(_PACK_F.pack(value))[0]
    except (OverflowError, struct.error):
        return math.copysign(math.inf, value)


def _f32_step(value: float, up: bool) -> float:
    """The adjacent float32 above (up) or below a finite float32 value."""
    bits = _PACK_I.unpack(_PACK_F.pack(value))[0]
    if value == 0.0:
        bits = 1 if up else 0x80000001
    elif (value > 0) == up:
        bits += 1
    else:
        bits -= 1
    return _PACK_F.unpack(_PACK_I.pack(bits))[0]


def _strtof(text: str, start: int, end: int, dbl: float) -> float:
    """Correctly rounded float32 for text[start:end] given strtod's double."""
    f = to_float32(dbl)
    if math.isinf(f) or math.isnan(f) or f == dbl:
        return f
    other = _f32_step(f, up=dbl > f)
    if math.isinf(other) or (f + other) / 2 != dbl:
        return f
    # The double is exactly a float32 midpoint: decide with the exact value.
    try:
        exact = Fraction(text[start:end].strip(C_SPACE))
    except (ValueError, ZeroDivisionError):
        return f
    mid = Fraction(dbl)
    if exact == mid:  # true tie: round half to even
        bits = _PACK_I.unpack(_PACK_F.pack(f))[0]
        return f if bits % 2 == 0 else other
    return max(f, other) if exact > mid else min(f, other)


def _parse_float(text: str, type_name: str, single: bool) -> float:
    i = 0
    n = len(text)
    while i < n and text[i] in C_SPACE:
        i += 1
    if i == n:
        raise invalid_syntax(type_name, text)
    value, end, erange = c_strtod(text, i)
    if single and end != i and not math.isnan(value) and (erange or not math.isinf(value)):
        nonzero = value != 0.0 or erange
        value = _strtof(text, i, end, value) if not math.isinf(value) else value
        erange = math.isinf(value) or (nonzero and abs(value) < FLT_MIN)
    if end == i or erange:
        low = text[i:i + 9].lower()
        for word, special in _SPECIALS:
            if low.startswith(word):
                value, end = special, i + len(word)
                break
        else:
            if not erange:
                raise invalid_syntax(type_name, text)
            if value == 0.0 or math.isinf(value):
                shown = text if single else text[i:end]
                raise SqlError("22003", f'"{shown}" is out of range for type {type_name}')
    while end < n and text[end] in C_SPACE:
        end += 1
    if end != n:
        raise invalid_syntax(type_name, text)
    return value


def parse_float8(text: str) -> float:
    return _parse_float(text, "double precision", single=False)


def parse_float4(text: str) -> float:
    return _parse_float(text, "real", single=True)


# -- output -------------------------------------------------------------------

def _special(value: float) -> str | None:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return None


def _layout(negative: bool, digits: str, exp: int, fixed_max: int) -> str:
    """PostgreSQL's Ryu layout of shortest digits with decimal exponent exp."""
    sign = "-" if negative else ""
    if -4 <= exp < fixed_max:
        if exp < 0:
            return f"{sign}0.{'0' * (-exp - 1)}{digits}"
        if len(digits) <= exp + 1:
            return f"{sign}{digits}{'0' * (exp + 1 - len(digits))}"
        return f"{sign}{digits[:exp + 1]}.{digits[exp + 1:]}"
    mant = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return f"{sign}{mant}e{'-' if exp < 0 else '+'}{abs(exp):02d}"


def _digits_of(text: str) -> tuple[str, int]:
    """(significant digits, decimal exponent of the first) of a decimal string."""
    mant, _, e = text.partition("e")
    exp = int(e) if e else 0
    whole, _, frac = mant.partition(".")
    digits = (whole + frac).lstrip("0")
    exp += len(whole) - 1 - (len(whole + frac) - len((whole + frac).lstrip("0")))
    return digits.rstrip("0") or "0", exp


def shortest_float8(value: float) -> str:
    if value == 0.0:
        return "-0" if math.copysign(1.0, value) < 0 else "0"
    digits, exp = _digits_of(repr(abs(value)))
    return _layout(value < 0, digits, exp, 15)


def _shortest_f32_digits(value: float) -> tuple[str, int]:
    exact = Decimal(value)
    with localcontext() as ctx:
        for prec in range(1, 10):
            ctx.prec = prec
            best = None
            for rounding in (ROUND_FLOOR, ROUND_CEILING):
                ctx.rounding = rounding
                cand = +exact
                text = format(cand, "e")
                if to_float32_exact(text) == value:
                    if best is None or abs(cand - exact) < abs(best - exact):
                        best = cand
            if best is not None:
                return _digits_of(format(best, "e"))
    return _digits_of(repr(value))


def to_float32_exact(text: str) -> float:
    dbl = float(text)
    return _strtof(text, 0, len(text), dbl)


def shortest_float4(value: float) -> str:
    if value == 0.0:
        return "-0" if math.copysign(1.0, value) < 0 else "0"
    digits, exp = _shortest_f32_digits(abs(value))
    return _layout(value < 0, digits, exp, 6)


def format_float8(value: float, extra_float_digits: int = 1) -> str:
    special = _special(value)
    if special is not None:
        return special
    if extra_float_digits > 0:
        return shortest_float8(value)
    return "%.*g" % (max(1, 15 + extra_float_digits), value)


def format_float4(value: float, extra_float_digits: int = 1) -> str:
    special = _special(value)
    if special is not None:
        return special
    if extra_float_digits > 0:
        return shortest_float4(value)
    return "%.*g" % (max(1, 6 + extra_float_digits), value)
