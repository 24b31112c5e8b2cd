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
import re
import struct
from functools import lru_cache
from typing import Callable

from twinning.errors import numeric_value_out_of_range
from twinning.values.common import C_SPACE, c_strtod, invalid_syntax

_PACK_F = struct.Struct(">f")
_PACK_I = struct.Struct(">I")
_PACK_D = struct.Struct(">d")
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
    from fractions import Fraction  # lazy: cold start (a rare branch)
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
                raise numeric_value_out_of_range(f'"{shown}" is out of range for type {type_name}')
    while end < n and text[end] in C_SPACE:
        end += 1
    if end != n:
        raise invalid_syntax(type_name, text)
    if value != value and text[i:end].rstrip(C_SPACE).endswith(")"):
        value = _nan_with_payload(text[i:end].strip(C_SPACE), single)
    return value


_NAN_CHARS = re.compile(r"([+-]?)nan\((0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)\)\Z", re.I)
_PACK_Q = struct.Struct(">Q")


def _nan_with_payload(word: str, single: bool) -> float:
    """glibc's 'nan(n-chars)': the number becomes the NaN's payload."""
    m = _NAN_CHARS.match(word)
    sign = 1 << 63 if word.startswith("-") else 0
    if m is None:
        return _PACK_D.unpack(_PACK_Q.pack(sign | 0x7FF8000000000000))[0]
    payload = int(m.group(2), 0)
    if single:
        bits = sign | 0x7FF8000000000000 | ((payload & 0x3FFFFF) << 29)
    else:
        bits = sign | 0x7FF8000000000000 | (payload & 0x7FFFFFFFFFFFF)
    return _PACK_D.unpack(_PACK_Q.pack(bits))[0]


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


def printf_g(value: float, width: str = "") -> str:
    """snprintf's %g (%02g with width "02") as PostgreSQL's prints it:
    NaN and Infinity spelled out."""
    return _special(value) or f"{value:{width}g}"


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


# -- Ryu (PostgreSQL's d2s.c / f2s.c), with exact integer arithmetic ----------------
#
# PostgreSQL prints floats with its copy of Ryu, compiled without
# STRICTLY_SHORTEST: the interval bounds are never accepted, so a value whose
# shortest decimal lies exactly on a bound gets one more digit (1e23 prints
# as 9.999999999999999e+22). Python's repr is therefore not byte-identical.
# Python big integers stand in for the 128-bit multiplication tables.

def _pow5bits(e: int) -> int:
    return ((e * 1217359) >> 19) + 1


def _log10pow2(e: int) -> int:
    return (e * 78913) >> 18


def _log10pow5(e: int) -> int:
    return (e * 732923) >> 20


def _pow5_factor(value: int) -> int:
    count = 0
    while value % 5 == 0:
        value //= 5
        count += 1
    return count


@lru_cache(maxsize=None)
def _pow5_inv(i: int, bits: int) -> int:
    pow5 = 5 ** i
    return (1 << (pow5.bit_length() - 1 + bits)) // pow5 + 1


@lru_cache(maxsize=None)
def _pow5(i: int, bits: int) -> int:
    pow5 = 5 ** i
    shift = pow5.bit_length() - bits
    return pow5 >> shift if shift >= 0 else pow5 << -shift


def _unpacked(mantissa: int, exponent: int, bias: int, mbits: int
              ) -> tuple[int, int]:
    """Ryu's e2 and m2 of an IEEE value's raw fields (subnormals have
    exponent 0 and no implicit bit)."""
    if exponent == 0:
        return 1 - bias - mbits - 2, mantissa
    return exponent - bias - mbits - 2, (1 << mbits) | mantissa


def _d2d(mantissa: int, exponent: int) -> tuple[int, int]:
    e2, m2 = _unpacked(mantissa, exponent, 1023, 52)
    accept_bounds = False  # PostgreSQL builds Ryu without STRICTLY_SHORTEST
    mv = 4 * m2
    mm_shift = 1 if (mantissa != 0 or exponent <= 1) else 0
    vm_trailing = vr_trailing = False
    if e2 >= 0:
        q = _log10pow2(e2) - (1 if e2 > 3 else 0)
        e10 = q
        k = 125 + _pow5bits(q) - 1
        i = -e2 + q + k
        mul = _pow5_inv(q, 125)
        vr = (mv * mul) >> i
        vp = ((mv + 2) * mul) >> i
        vm = ((mv - 1 - mm_shift) * mul) >> i
        if q <= 21:
            vr_trailing, vm_trailing, drop = _exact_by_pow5(
                q, mv, mv - 1 - mm_shift, mv + 2, accept_bounds)
            vp -= drop
    else:
        q = _log10pow5(-e2) - (1 if -e2 > 1 else 0)
        e10 = q + e2
        i = -e2 - q
        k = _pow5bits(i) - 125
        j = q - k
        mul = _pow5(i, 125)
        vr = (mv * mul) >> j
        vp = ((mv + 2) * mul) >> j
        vm = ((mv - 1 - mm_shift) * mul) >> j
        vr_trailing, vm_trailing, drop = _exact_by_pow2(q, 63, q, mv, mm_shift,
                                                         accept_bounds)
        vp -= drop
    output, removed = _remove_digits(vr, vp, vm, vm_trailing, vr_trailing, 0,
                                     accept_bounds)
    return output, e10 + removed


def _remove_digits(vr: int, vp: int, vm: int, vm_trailing: bool, vr_trailing: bool,
                   last: int, accept_bounds: bool) -> tuple[int, int]:
    """The end of d2d and f2d: drop digits while the interval allows,
    `last` the last one dropped; (output, digits removed)."""
    if vm_trailing or vr_trailing:
        return _trailing_zeros(vr, vp, vm, vm_trailing, vr_trailing, last,
                               accept_bounds)
    # the specialized common case (d2d's two digits at once, the same
    # result as two steps of one; f2d's C code takes only the latter)
    removed = 0
    if vp // 100 > vm // 100:
        last = vr % 100 // 10
        vr, vp, vm = vr // 100, vp // 100, vm // 100
        removed = 2
    while vp // 10 > vm // 10:
        last = vr % 10
        vr, vp, vm = vr // 10, vp // 10, vm // 10
        removed += 1
    return vr + (1 if (vr == vm or last >= 5) else 0), removed


def _exact_by_pow5(q: int, mv: int, mm: int, mp: int, accept_bounds: bool
                   ) -> tuple[bool, bool, int]:
    """d2d/f2d for e2 >= 0 and a small q: (vr has trailing zeros, vm has,
    how much to take off vp), from the powers of 5 dividing the bounds."""
    if mv % 5 == 0:
        return _pow5_factor(mv) >= q, False, 0
    if accept_bounds:
        return False, _pow5_factor(mm) >= q, 0
    return False, False, 1 if _pow5_factor(mp) >= q else 0


def _exact_by_pow2(q: int, limit: int, bits: int, mv: int, mm_shift: int,
                   accept_bounds: bool) -> tuple[bool, bool, int]:
    """d2d/f2d for e2 < 0: the same triple, from the powers of 2 dividing
    mv (`bits` of them when q < limit: d2d's 63 and q, f2d's 31 and q - 1)."""
    if q <= 1:
        if accept_bounds:
            return True, mm_shift == 1, 0
        return True, False, 1
    return q < limit and (mv & ((1 << bits) - 1)) == 0, False, 0


def _trailing_zeros(vr: int, vp: int, vm: int, vm_trailing: bool,
                    vr_trailing: bool, last: int, accept_bounds: bool
                    ) -> tuple[int, int]:
    """Ryu's general case, shared by d2d and f2d: remove digits while the
    interval allows, tracking trailing zeros; (output, digits removed)."""
    removed = 0
    while vp // 10 > vm // 10:
        vm_trailing = vm_trailing and vm % 10 == 0
        vr_trailing = vr_trailing and last == 0
        last = vr % 10
        vr, vp, vm = vr // 10, vp // 10, vm // 10
        removed += 1
    if vm_trailing:
        while vm % 10 == 0:
            vr_trailing = vr_trailing and last == 0
            last = vr % 10
            vr, vp, vm = vr // 10, vp // 10, vm // 10
            removed += 1
    if vr_trailing and last == 5 and vr % 2 == 0:
        last = 4
    output = vr + (1 if ((vr == vm and (not accept_bounds or not vm_trailing))
                         or last >= 5) else 0)
    return output, removed


def _f2d(mantissa: int, exponent: int) -> tuple[int, int]:
    e2, m2 = _unpacked(mantissa, exponent, 127, 23)
    accept_bounds = False  # PostgreSQL builds Ryu without STRICTLY_SHORTEST
    mv = 4 * m2
    mp = mv + 2
    mm_shift = 1 if (mantissa != 0 or exponent <= 1) else 0
    mm = mv - 1 - mm_shift
    vm_trailing = vr_trailing = False
    last = 0
    if e2 >= 0:
        q = _log10pow2(e2)
        e10 = q
        k = 59 + _pow5bits(q) - 1
        i = -e2 + q + k
        mul = _pow5_inv(q, 59)
        vr, vp, vm = (mv * mul) >> i, (mp * mul) >> i, (mm * mul) >> i
        if q != 0 and (vp - 1) // 10 <= vm // 10:
            lk = 59 + _pow5bits(q - 1) - 1
            last = ((mv * _pow5_inv(q - 1, 59)) >> (-e2 + q - 1 + lk)) % 10
        if q <= 9:
            vr_trailing, vm_trailing, drop = _exact_by_pow5(q, mv, mm, mp, accept_bounds)
            vp -= drop
    else:
        q = _log10pow5(-e2)
        e10 = q + e2
        i = -e2 - q
        k = _pow5bits(i) - 61
        j = q - k
        mul = _pow5(i, 61)
        vr, vp, vm = (mv * mul) >> j, (mp * mul) >> j, (mm * mul) >> j
        if q != 0 and (vp - 1) // 10 <= vm // 10:
            j = q - 1 - (_pow5bits(i + 1) - 61)
            last = ((mv * _pow5(i + 1, 61)) >> j) % 10
        vr_trailing, vm_trailing, drop = _exact_by_pow2(q, 31, q - 1, mv, mm_shift,
                                                         accept_bounds)
        vp -= drop
    output, removed = _remove_digits(vr, vp, vm, vm_trailing, vr_trailing, last,
                                     accept_bounds)
    return output, e10 + removed


def _small_int(mantissa: int, exponent: int, mbits: int, bias: int):
    """d2d_small_int/f2d_small_int: exact integers in [1, 2^(mbits+1))."""
    e2 = exponent - bias - mbits
    if -mbits <= e2 <= 0 and (mantissa & ((1 << -e2) - 1)) == 0:
        value = ((1 << mbits) | mantissa) >> -e2
        exp = 0
        while value % 10 == 0:
            value //= 10
            exp += 1
        return value, exp
    return None


def _ryu(value: float, single: bool) -> str:
    if single:
        bits = _PACK_I.unpack(_PACK_F.pack(value))[0]
        sign, exponent, mantissa = bits >> 31, (bits >> 23) & 0xFF, bits & 0x7FFFFF
        small = _small_int(mantissa, exponent, 23, 127)
        digits, exp = small if small else _f2d(mantissa, exponent)
        fixed_max = 6
    else:
        bits = _PACK_Q.unpack(_PACK_D.pack(value))[0]
        sign, exponent, mantissa = bits >> 63, (bits >> 52) & 0x7FF, bits & ((1 << 52) - 1)
        small = _small_int(mantissa, exponent, 52, 1023)
        digits, exp = small if small else _d2d(mantissa, exponent)
        fixed_max = 15
    text = str(digits)
    return _layout(bool(sign), text, exp + len(text) - 1, fixed_max)


def shortest_float8(value: float) -> str:
    if value == 0.0:
        return "-0" if math.copysign(1.0, value) < 0 else "0"
    return _ryu(value, single=False)


def shortest_float4(value: float) -> str:
    if value == 0.0:
        return "-0" if math.copysign(1.0, value) < 0 else "0"
    return _ryu(value, single=True)


def _float_out(shortest: Callable[[float], str], digits: int
               ) -> Callable[..., str]:
    """float8out/float4out: the shortest exact text when
    extra_float_digits > 0, else %g with `digits` (DBL_DIG, FLT_DIG) plus
    extra_float_digits significant digits. One closure per type, so the
    per-value call is as direct as a plain function's."""
    def format_float(value: float, extra_float_digits: int = 1) -> str:
        special = _special(value)
        if special is not None:
            return special
        if extra_float_digits > 0:
            return shortest(value)
        return "%.*g" % (max(1, digits + extra_float_digits), value)
    return format_float


format_float8 = _float_out(shortest_float8, 15)
format_float4 = _float_out(shortest_float4, 6)
