"""What operators and functions *do*: PostgreSQL 15's semantics over
`twinning.values`' representation.

The typer asks this module which candidate signatures the twin implements
(`operator_impl`, `function_impl`); the compiler asks it for the Python
callable of a signature (`binary`, `unary`, `function`). A signature the
twin cannot run faithfully has no entry, and the typer refuses it with
0A000 rather than approximating.

Values: int (int2/4/8), Decimal (numeric), float (float4/8), str (text,
varchar, bpchar, name, json, jsonb), bool, bytes, uuid.UUID, date = days
since 2000-01-01, timestamp[tz] = µs since 2000-01-01 (UTC for tz),
time = µs, `Interval(months, days, micros)`, arrays = tuples.

Callables take non-NULL arguments (the compiler handles NULL for strict
functions). Those whose result depends on session settings (TimeZone,
DateStyle, extra_float_digits) are factories `make(settings)`, marked
`settings=True`, bound once per settings value at run time.
"""

from __future__ import annotations

import hashlib
import math
import operator as _op
import random as _random
import re
import uuid as _uuid
from decimal import (ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR,
                     ROUND_HALF_UP, Decimal, InvalidOperation, localcontext)
from functools import lru_cache
from typing import Any, Callable, Sequence

from twinning.errors import SqlError, feature_not_supported
from twinning.ir import query as q
from twinning.passes.expr import pg_data
from twinning.passes.expr.types import (display, element, is_array, key,
                                        result_type)
from twinning.values import formatter_for
from twinning.values.calendar import (POSTGRES_EPOCH_JDATE, TIMESTAMP_NOBEGIN,
                                      TIMESTAMP_NOEND, USECS_PER_DAY,
                                      USECS_PER_HOUR, USECS_PER_MINUTE,
                                      USECS_PER_SEC, date2j, dt2time,
                                      is_valid_date,
                                      isleap, j2date, j2day, DAY_TAB)
from twinning.values.datetime import Interval
from twinning.values.floats import to_float32
from twinning.values.numeric import (CTX, canonical, check_storable,
                                     dscale_of, to_base10000)
from twinning.values.timestamps import (check_ts, date_to_ts, date_to_tstz,
                                       finite, from_local, join,
                                       local_offset, split,
                                       to_local, ts_out_of_range, ts_to_tstz)
from twinning.values.timezones import session_zone

INT_BOUNDS = {"int2": (-2**15, 2**15 - 1, "smallint"),
              "int4": (-2**31, 2**31 - 1, "integer"),
              "int8": (-2**63, 2**63 - 1, "bigint")}
INTS = frozenset(INT_BOUNDS)
FLOATS = frozenset({"float4", "float8"})
STRINGS = frozenset({"text", "varchar", "bpchar", "name"})
DATETIMES = frozenset({"date", "time", "timestamp", "timestamptz", "interval"})


def err(sqlstate: str, message: str, **kw: Any) -> SqlError:
    return SqlError(sqlstate, message, **kw)


def division_by_zero() -> SqlError:
    return SqlError("22012", "division by zero")


def float_overflow() -> SqlError:
    return SqlError("22003", "value out of range: overflow")


def float_underflow() -> SqlError:
    return SqlError("22003", "value out of range: underflow")


def interval_out_of_range() -> SqlError:
    return SqlError("22008", "interval out of range")


class Impl:
    """One implemented signature: `fn` (or a factory of it when
    `settings`), strictness, and whether it needs the EvalContext."""

    __slots__ = ("fn", "strict", "settings", "context", "volatile", "fast")

    def __init__(self, fn: Callable, *, strict: bool = True,
                 settings: bool = False, context: bool = False,
                 volatile: bool = False, fast: Callable | None = None) -> None:
        self.fn = fn
        # numeric comparisons: the C-level operator, right whenever it does
        # not raise InvalidOperation (NaN) — lets the compiler inline it
        self.fast = fast
        self.strict = strict
        self.settings = settings
        self.context = context
        self.volatile = volatile

    def check_args(self, args: Sequence[q.TExpr]) -> None:
        return None

    @property
    def foldable(self) -> bool:
        return not (self.settings or self.context or self.volatile)


# ============================================================ integers

def _int_checker(result: str) -> Callable[[int], int]:
    lo, hi, label = INT_BOUNDS[result]

    def check(value: int) -> int:
        if lo <= value <= hi:
            return value
        raise SqlError("22003", f"{label} out of range")
    return check


def _int_binary(op: str, result: str) -> Callable[[int, int], int]:
    lo, hi, label = INT_BOUNDS[result]
    if op == "+":
        def f(a, b):
            r = a + b
            if lo <= r <= hi:
                return r
            raise SqlError("22003", f"{label} out of range")
    elif op == "-":
        def f(a, b):
            r = a - b
            if lo <= r <= hi:
                return r
            raise SqlError("22003", f"{label} out of range")
    elif op == "*":
        def f(a, b):
            r = a * b
            if lo <= r <= hi:
                return r
            raise SqlError("22003", f"{label} out of range")
    elif op == "/":
        def f(a, b):
            if b == 0:
                raise division_by_zero()
            r = abs(a) // abs(b)
            if (a < 0) != (b < 0):
                r = -r
            if lo <= r <= hi:
                return r
            raise SqlError("22003", f"{label} out of range")
    else:  # %
        def f(a, b):
            if b == 0:
                raise division_by_zero()
            r = abs(a) % abs(b)
            return -r if a < 0 else r
    return f


# ============================================================ numeric

def _numeric_result(value: Decimal) -> Decimal:
    return check_storable(canonical(value))


def _special_arith(op: str, a: Decimal, b: Decimal) -> Decimal:
    """NaN/Infinity arithmetic (numeric_add/sub/mul/div special cases)."""
    if a.is_nan() or b.is_nan():
        return Decimal("NaN")
    with localcontext(CTX) as c:
        c.traps[InvalidOperation] = False
        r = {"+": _op.add, "-": _op.sub, "*": _op.mul,
             "/": _op.truediv}[op](a, b)
    if r.is_nan():
        return Decimal("NaN")
    return r


def _num_add(a: Decimal, b: Decimal) -> Decimal:
    if a.is_finite() and b.is_finite():
        return _numeric_result(CTX.add(a, b))
    return _special_arith("+", a, b)


def _num_sub(a: Decimal, b: Decimal) -> Decimal:
    if a.is_finite() and b.is_finite():
        return _numeric_result(CTX.subtract(a, b))
    return _special_arith("-", a, b)


def _num_mul(a: Decimal, b: Decimal) -> Decimal:
    if a.is_finite() and b.is_finite():
        return _numeric_result(CTX.multiply(a, b))
    return _special_arith("*", a, b)


def _weight_first(value: Decimal) -> tuple[int, int]:
    digits, weight, _, _ = to_base10000(value)
    return (weight, digits[0]) if digits else (0, 0)


def _div_round(a: Decimal, b: Decimal, rscale: int) -> Decimal:
    """a / b rounded half away from zero to rscale digits, exactly."""
    sa, da, ea = a.as_tuple()
    sb, db, eb = b.as_tuple()
    ia = int("".join(map(str, da)) or "0")
    ib = int("".join(map(str, db)) or "0")
    shift = ea - eb + rscale
    if shift >= 0:
        num, den = ia * 10 ** shift, ib
    else:
        num, den = ia, ib * 10 ** (-shift)
    quotient, remainder = divmod(num, den)
    if remainder * 2 >= den:
        quotient += 1
    negative = (sa != sb) and quotient != 0
    return Decimal((1 if negative else 0, tuple(map(int, str(quotient))),
                    -rscale))


def div_scale(a: Decimal, b: Decimal) -> int:
    """select_div_scale()."""
    w1, f1 = _weight_first(a)
    w2, f2 = _weight_first(b)
    qweight = w1 - w2
    if f1 <= f2:
        qweight -= 1
    rscale = 16 - qweight * 4
    rscale = max(rscale, dscale_of(a), dscale_of(b), 0)
    return min(rscale, 1000)


def _num_div(a: Decimal, b: Decimal) -> Decimal:
    if a.is_finite() and b.is_finite():
        if b.is_zero():
            raise division_by_zero()
        return _numeric_result(_div_round(a, b, div_scale(a, b)))
    if a.is_nan() or b.is_nan():
        return Decimal("NaN")
    if b.is_zero():
        raise division_by_zero()
    if a.is_infinite() and b.is_infinite():
        return Decimal("NaN")
    if b.is_infinite():
        return Decimal(0)
    return a if b > 0 else -a


def _num_mod(a: Decimal, b: Decimal) -> Decimal:
    if a.is_nan() or b.is_nan():
        return Decimal("NaN")
    if b.is_zero():
        raise division_by_zero()
    if a.is_infinite():
        return Decimal("NaN")
    if b.is_infinite():
        return a
    # truncating division, as PostgreSQL's mod_var
    r = CTX.subtract(a, CTX.multiply(CTX.divide_int(a, b), b))
    scale = max(dscale_of(a), dscale_of(b))
    return _numeric_result(r.quantize(Decimal((0, (1,), -scale)), context=CTX))


def _num_pow(a: Decimal, b: Decimal) -> Decimal:
    if a.is_nan() or b.is_nan():
        if a.is_nan() and b.is_nan():
            return Decimal("NaN")
        if a.is_nan():
            return Decimal(1) if b.is_zero() else Decimal("NaN")
        return Decimal(1) if a == 1 else Decimal("NaN")
    if not (a.is_finite() and b.is_finite()):
        raise feature_not_supported("numeric power with infinite operands")
    if a.is_zero() and b < 0:
        raise SqlError("2201F", "zero raised to a negative power is undefined")
    integral = b == b.to_integral_value()
    if a < 0 and not integral:
        raise SqlError("2201F", "a negative number raised to a non-integer "
                       "power yields a complex result")
    if integral and abs(b) < 2**31:
        return _num_pow_int(a, int(b), dscale_of(b))
    if a.is_zero():
        return Decimal(0).quantize(Decimal((0, (1,), -max(16, dscale_of(a),
                                                           dscale_of(b)))))
    with localcontext() as c:
        c.prec = 60
        val = float(b * a.ln()) * 0.434294481903252
    rscale = 16 - int(val)
    rscale = max(rscale, dscale_of(a), dscale_of(b), 0)
    rscale = min(rscale, 1000)
    with localcontext() as c:
        c.prec = max(rscale + int(val), 0) + 30
        c.Emax = 10**9
        c.Emin = -10**9
        r = (b * a.ln()).exp()
    return _numeric_result(r.quantize(Decimal((0, (1,), -rscale)),
                                      rounding=ROUND_HALF_UP, context=CTX))


def _num_pow_int(a: Decimal, exp: int, exp_dscale: int) -> Decimal:
    """power_var_int() of PostgreSQL 15: rscale max(16, base dscale)."""
    rscale = min(max(16, dscale_of(a)), 1000)
    unit = Decimal((0, (1,), -rscale))
    if exp == 0:
        return Decimal(1).quantize(unit)
    if a.is_zero():
        return Decimal(0).quantize(unit)
    digits, weight, _, _ = to_base10000(a)
    if exp * (math.log10(digits[0]) + weight * 4) > 3 * 32767 * 4:
        raise SqlError("22003", "value overflows numeric format")
    if exp > 0:
        exact = CTX.power(a, exp)
        return _numeric_result(exact.quantize(unit, rounding=ROUND_HALF_UP,
                                              context=CTX))
    return _numeric_result(_div_round(Decimal(1), CTX.power(a, -exp),
                                      rscale))


def num_cmp(a: Decimal, b: Decimal) -> int:
    """cmp_numerics(): NaN equals NaN and sorts above everything."""
    if a.is_nan():
        return 0 if b.is_nan() else 1
    if b.is_nan():
        return -1
    return (a > b) - (a < b)


def float_cmp(a: float, b: float) -> int:
    if a != a:
        return 0 if b != b else 1
    if b != b:
        return -1
    return (a > b) - (a < b)


_CMP_TEST = {"=": lambda c: c == 0, "<>": lambda c: c != 0,
             "<": lambda c: c < 0, ">": lambda c: c > 0,
             "<=": lambda c: c <= 0, ">=": lambda c: c >= 0}
PY_COMPARE = {"=": _op.eq, "<>": _op.ne, "<": _op.lt, ">": _op.gt,
              "<=": _op.le, ">=": _op.ge}


def _via_cmp(cmp: Callable[[Any, Any], int], op: str) -> Callable:
    test = PY_COMPARE[op]

    def f(a, b):
        return test(cmp(a, b), 0)
    return f


def _numeric_compare(op: str) -> Callable:
    fast = PY_COMPARE[op]

    def f(a, b):
        try:
            return fast(a, b)
        except InvalidOperation:
            return fast(num_cmp(a, b), 0)
    if op in ("=", "<>"):
        def g(a, b):
            if a.is_nan() or b.is_nan():
                return fast(num_cmp(a, b), 0)
            return fast(a, b)
        return g
    return f


def _float_compare(op: str) -> Callable:
    fast = PY_COMPARE[op]

    def f(a, b):
        if a == a and b == b:
            return fast(a, b)
        return fast(float_cmp(a, b), 0)
    return f


# ============================================================ floats

def _float_binary(op: str, result: str) -> Callable[[float, float], float]:
    single = result == "float4"

    def finish(r, a, b, zero_ok):
        if single:
            r = to_float32(r)
        if math.isinf(r) and not (math.isinf(a) or math.isinf(b)):
            raise float_overflow()
        if r == 0.0 and not zero_ok:
            raise float_underflow()
        return r
    if op == "+":
        return lambda a, b: finish(a + b, a, b, True)
    if op == "-":
        return lambda a, b: finish(a - b, a, b, True)
    if op == "*":
        return lambda a, b: finish(a * b, a, b, a == 0.0 or b == 0.0)
    if op == "/":
        def div(a, b):
            if b == 0.0 and a == a:
                raise division_by_zero()
            if b == 0.0:
                return math.nan
            return finish(a / b, a, b, a == 0.0 or math.isinf(b))
        return div
    raise KeyError(op)


def float_pow(a: float, b: float) -> float:
    if a == 0 and b < 0:
        raise SqlError("2201F", "zero raised to a negative power is undefined")
    if a < 0 and math.floor(b) != b and not math.isinf(b):
        raise SqlError("2201F", "a negative number raised to a non-integer "
                       "power yields a complex result")
    if a != a or b != b:
        return 1.0 if (b == 0 or a == 1.0) else math.nan
    try:
        r = math.pow(a, b)
    except OverflowError:
        raise float_overflow() from None
    except ValueError:
        return math.nan
    if math.isinf(r) and not (math.isinf(a) or math.isinf(b)):
        raise float_overflow()
    if r == 0.0 and a != 0.0 and not math.isinf(b):
        raise float_underflow()
    return r


# ============================================================ strings

def bpchar_trim(value: str) -> str:
    return value.rstrip(" ")


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                             "abcdefghijklmnopqrstuvwxyz")
_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz",
                             "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def ascii_lower(value: str) -> str:
    """lower() under the C locale: ASCII letters only."""
    return value.translate(_ASCII_LOWER)


def ascii_upper(value: str) -> str:
    return value.translate(_ASCII_UPPER)


def initcap(value: str) -> str:
    """initcap() in the C locale: a letter after an ASCII letter or digit
    is lowered, any other is raised; only ASCII letters change."""
    out = []
    after_alnum = False
    for ch in value:
        if ch.isascii():
            out.append(ch.lower() if after_alnum else ch.upper())
            after_alnum = ch.isalnum()
        else:
            out.append(ch)
            after_alnum = False
    return "".join(out)


def like_escape(pattern: str, escape: str) -> str:
    """like_escape(): rewrite `pattern` to use backslash escapes."""
    if len(escape) > 1:
        raise SqlError("22025", "invalid escape string",
                       hint="Escape string must be empty or one character.")
    if escape == "\\":
        return pattern
    out = []
    if escape == "":
        return pattern.replace("\\", "\\\\")
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == escape:
            i += 1
            if i >= len(pattern):
                raise SqlError("22025", "LIKE pattern must not end with "
                               "escape character")
            nxt = pattern[i]
            out.append("\\" + nxt)
        elif ch == "\\":
            out.append("\\\\")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


@lru_cache(maxsize=4096)
def like_regex(pattern: str, fold: bool) -> re.Pattern:
    """A LIKE pattern (backslash escapes) as an anchored regex."""
    parts = []
    i = 0
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 1
            if i >= n:
                raise SqlError("22025", "LIKE pattern must not end with "
                               "escape character")
            parts.append(re.escape(pattern[i]))
        elif ch == "%":
            parts.append(".*")
        elif ch == "_":
            parts.append(".")
        else:
            parts.append(re.escape(ch))
        i += 1
    return re.compile("".join(parts) + r"\Z", re.S)


def like(value: str, pattern: str) -> bool:
    return like_regex(pattern, False).match(value) is not None


def ilike(value: str, pattern: str) -> bool:
    return like_regex(ascii_lower(pattern), True).match(
        ascii_lower(value)) is not None


def _substr(s: str, start: int, length: int | None = None) -> str:
    if length is None:
        return s[max(start - 1, 0):]
    if length < 0:
        raise SqlError("22011", "negative substring length not allowed")
    end = start + length - 1
    if end < 1:
        return ""
    return s[max(start - 1, 0):end]


def _replace(s: str, old: str, new: str) -> str:
    return s if old == "" else s.replace(old, new)


def _left(s: str, n: int) -> str:
    return s[:n] if n >= 0 else s[:max(len(s) + n, 0)]


def _right(s: str, n: int) -> str:
    if n >= 0:
        return s[len(s) - n:] if n else ""
    return s[-n:]


def _strpos(s: str, sub: str) -> int:
    return s.find(sub) + 1


def _pad(left: bool) -> Callable:
    def pad(s: str, n: int, fill: str = " ") -> str:
        if n <= 0:
            return ""
        if len(s) >= n:
            return s[:n]
        if fill == "":
            return s
        need = n - len(s)
        filler = (fill * (need // len(fill) + 1))[:need]
        return filler + s if left else s + filler
    return pad


def _split_part(s: str, delim: str, n: int) -> str:
    if n == 0:
        raise SqlError("22023", "field position must not be zero")
    if delim == "":
        return s if n in (1, -1) else ""
    parts = s.split(delim)
    if n > 0:
        return parts[n - 1] if n <= len(parts) else ""
    return parts[n] if -n <= len(parts) else ""


def _trim(which: str) -> Callable:
    def trim(s: str, chars: str = " ") -> str:
        if which == "b":
            return s.strip(chars) if chars else s
        if which == "l":
            return s.lstrip(chars) if chars else s
        return s.rstrip(chars) if chars else s
    return trim


def _repeat(s: str, n: int) -> str:
    return s * max(n, 0)


def _chr(n: int) -> str:
    if n == 0:
        raise SqlError("54000", "null character not permitted")
    if n < 0 or n > 0x10FFFF or 0xD800 <= n <= 0xDFFF:
        raise SqlError("54000", "requested character too large for encoding: "
                       f"{n}")
    return chr(n)


def _ascii(s: str) -> int:
    return ord(s[0]) if s else 0


def _translate(s: str, src: str, dst: str) -> str:
    table = {}
    for i, ch in enumerate(src):
        if ord(ch) in table:
            continue
        table[ord(ch)] = dst[i] if i < len(dst) else None
    return s.translate(table)


def _md5(value: str | bytes) -> str:
    data = value.encode("utf-8") if isinstance(value, str) else value
    return hashlib.md5(data).hexdigest()


# ============================================================ numeric functions

def _int_abs(result: str) -> Callable[[int], int]:
    check = _int_checker(result)
    return lambda a: check(abs(a))


def _num_abs(a: Decimal) -> Decimal:
    return a.copy_abs()


def _num_round(a: Decimal, scale: int = 0) -> Decimal:
    if not a.is_finite():
        return a
    scale = max(min(scale, 1000), -1000)
    q_ = Decimal((0, (1,), -scale))
    r = a.quantize(q_, rounding=ROUND_HALF_UP, context=CTX)
    if scale < 0:
        r = r.quantize(Decimal(1), context=CTX)
    return _numeric_result(r)


def _num_trunc(a: Decimal, scale: int = 0) -> Decimal:
    if not a.is_finite():
        return a
    scale = max(min(scale, 1000), -1000)
    r = a.quantize(Decimal((0, (1,), -scale)), rounding=ROUND_DOWN, context=CTX)
    if scale < 0:
        r = r.quantize(Decimal(1), context=CTX)
    return _numeric_result(r)


def _num_floor(a: Decimal) -> Decimal:
    if not a.is_finite():
        return a
    return canonical(a.quantize(Decimal(1), rounding=ROUND_FLOOR, context=CTX))


def _num_ceil(a: Decimal) -> Decimal:
    if not a.is_finite():
        return a
    return canonical(a.quantize(Decimal(1), rounding=ROUND_CEILING,
                                context=CTX))


def _num_sign(a: Decimal) -> Decimal:
    if a.is_nan():
        return a
    return Decimal((a > 0) - (a < 0))


def _num_sqrt(a: Decimal) -> Decimal:
    if a.is_nan():
        return a
    if a < 0:
        raise SqlError("2201F", "cannot take square root of a negative number")
    if a.is_infinite():
        return a
    digits, weight, _, _ = to_base10000(a)
    sweight = (weight + 1) * 4 // 2 - 1
    rscale = max(16 - sweight, dscale_of(a), 0)
    rscale = min(rscale, 1000)
    if a.is_zero():
        return Decimal(0).quantize(Decimal((0, (1,), -rscale)))
    with localcontext() as c:
        c.prec = max(a.adjusted() // 2 + rscale + 20, 30)
        c.Emax, c.Emin = 10**9, -10**9
        r = a.sqrt()
    return canonical(r.quantize(Decimal((0, (1,), -rscale)),
                                rounding=ROUND_HALF_UP, context=CTX))


def _signed(result: float, a: float) -> float:
    return math.copysign(result, a) if result == 0.0 else result


def _float_round(a: float) -> float:
    if math.isinf(a) or a != a:
        return a
    return _signed(float(round(a)), a)  # rint(): ties to even


def _float_trunc(a: float) -> float:
    if math.isinf(a) or a != a:
        return a
    return _signed(float(math.trunc(a)), a)


def _float_floor(a: float) -> float:
    return a if (math.isinf(a) or a != a) else _signed(float(math.floor(a)), a)


def _float_ceil(a: float) -> float:
    return a if (math.isinf(a) or a != a) else _signed(float(math.ceil(a)), a)


def _float_sign(a: float) -> float:
    if a != a:
        return a
    return float((a > 0) - (a < 0))


def _float_sqrt(a: float) -> float:
    if a < 0:
        raise SqlError("2201F", "cannot take square root of a negative number")
    return math.sqrt(a)


def _float_ln(a: float) -> float:
    if a == 0:
        raise SqlError("2201E", "cannot take logarithm of zero")
    if a < 0:
        raise SqlError("2201E", "cannot take logarithm of a negative number")
    return math.log(a) if not math.isinf(a) else a


def _float_log10(a: float) -> float:
    if a == 0:
        raise SqlError("2201E", "cannot take logarithm of zero")
    if a < 0:
        raise SqlError("2201E", "cannot take logarithm of a negative number")
    return math.log10(a) if not math.isinf(a) else a


def _float_exp(a: float) -> float:
    try:
        r = math.exp(a)
    except OverflowError:
        raise float_overflow() from None
    if r == 0.0 and not math.isinf(a):
        raise float_underflow()
    return r


def _float_cbrt(a: float) -> float:
    r = abs(a) ** (1.0 / 3.0)
    r = round(r) if abs(round(r) ** 3 - abs(a)) == 0 else r
    return math.copysign(float(r), a)


# ============================================================ date / time

def _days_in_month(year: int, month: int) -> int:
    return DAY_TAB[1 if isleap(year) else 0][month - 1]


def _add_months(year: int, month: int, day: int, months: int
                ) -> tuple[int, int, int]:
    total = year * 12 + (month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    day = min(day, _days_in_month(year, month))
    return year, month, day


def ts_pl_interval(ts: int, span: Interval) -> int:
    """timestamp_pl_interval()."""
    if not finite(ts):
        return ts
    if span.months:
        y, m, d, hh, mi, ss, fs = split(ts)
        y, m, d = _add_months(y, m, d, span.months)
        if not (-4713 <= y <= 294276):
            raise ts_out_of_range()
        ts = join(y, m, d, ((hh * 60 + mi) * 60 + ss) * USECS_PER_SEC + fs)
        check_ts(ts)
    if span.days:
        y, m, d, hh, mi, ss, fs = split(ts)
        jd = date2j(y, m, d) + span.days
        y, m, d = j2date(jd)
        ts = join(y, m, d, ((hh * 60 + mi) * 60 + ss) * USECS_PER_SEC + fs)
        check_ts(ts)
    ts += span.micros
    return check_ts(ts)


def _neg_interval(span: Interval) -> Interval:
    return _interval(-span.months, -span.days, -span.micros)


def _interval(months: int, days: int, micros: int) -> Interval:
    if not (-2**31 <= months < 2**31 and -2**31 <= days < 2**31
            and -2**63 <= micros < 2**63):
        raise interval_out_of_range()
    return Interval(months, days, micros)


def tstz_pl_interval(settings) -> Callable[[int, Interval], int]:
    zone = session_zone(settings.timezone)

    def add(ts: int, span: Interval) -> int:
        if not finite(ts):
            return ts
        if span.months or span.days:
            local = to_local(zone, ts)
            micros_of_day = local % USECS_PER_DAY
            y, m, d, *_ = split(local)
            if span.months:
                y, m, d = _add_months(y, m, d, span.months)
                if not (-4713 <= y <= 294276):
                    raise ts_out_of_range()
            if span.days:
                y, m, d = j2date(date2j(y, m, d) + span.days)
            ts = from_local(zone, join(y, m, d, micros_of_day))
            check_ts(ts)
        return check_ts(ts + span.micros)
    return add


def _ts_mi(a: int, b: int) -> Interval:
    if not (finite(a) and finite(b)):
        raise SqlError("22008", "cannot subtract infinite timestamps")
    diff = a - b
    days = int(diff / USECS_PER_DAY) if diff >= 0 else -((-diff) // USECS_PER_DAY)
    return _interval(0, days, diff - days * USECS_PER_DAY)


def _date_pl_int(d: int, n: int) -> int:
    r = d + n
    if not (-2**31 <= r < 2**31) or not is_valid_date(r):
        raise SqlError("22008", "date out of range")
    return r


def _date_mi_int(d: int, n: int) -> int:
    return _date_pl_int(d, -n)


def _date_mi(a: int, b: int) -> int:
    if a in (-2**31, 2**31 - 1) or b in (-2**31, 2**31 - 1):
        raise SqlError("22008", "cannot subtract infinite dates")
    return a - b


def _time_pl_interval(t: int, span: Interval) -> int:
    return (t + span.micros) % USECS_PER_DAY


def _time_mi_interval(t: int, span: Interval) -> int:
    return (t - span.micros) % USECS_PER_DAY


def _time_mi_time(a: int, b: int) -> Interval:
    return Interval(0, 0, a - b)


def _interval_pl(a: Interval, b: Interval) -> Interval:
    return _interval(a.months + b.months, a.days + b.days, a.micros + b.micros)


def _interval_mi(a: Interval, b: Interval) -> Interval:
    return _interval(a.months - b.months, a.days - b.days, a.micros - b.micros)


def _tsround(x: float) -> float:
    return _rint(x * 1000000.0) / 1000000.0


def _rint(x: float) -> float:
    return float(round(x))


def interval_mul(span: Interval, factor: float) -> Interval:
    """interval_mul() of PostgreSQL 15, fractions cascading down."""
    if factor != factor:
        raise interval_out_of_range()
    result_double = span.months * factor
    if result_double != result_double or not -2**31 <= result_double < 2**31:
        raise interval_out_of_range()
    months = int(result_double)
    result_double = span.days * factor
    if result_double != result_double or not -2**31 <= result_double < 2**31:
        raise interval_out_of_range()
    days = int(result_double)
    month_remainder_days = (span.months * factor - months) * 30
    month_remainder_days = _tsround(month_remainder_days)
    sec_remainder = (span.days * factor - days + month_remainder_days
                     - int(month_remainder_days)) * 86400
    sec_remainder = _tsround(sec_remainder)
    if abs(sec_remainder) >= 86400:
        days += int(sec_remainder / 86400)
        sec_remainder -= int(sec_remainder / 86400) * 86400
    days += int(month_remainder_days)
    result_double = _rint(span.micros * factor + sec_remainder * 1000000)
    if result_double != result_double or not -2**63 <= result_double < 2**63:
        raise interval_out_of_range()
    return _interval(months, days, int(result_double))


def interval_div(span: Interval, factor: float) -> Interval:
    if factor == 0.0:
        raise division_by_zero()
    months = int(span.months / factor)
    days = int(span.days / factor)
    month_remainder_days = (span.months / factor - months) * 30
    month_remainder_days = _tsround(month_remainder_days)
    sec_remainder = (span.days / factor - days + month_remainder_days
                     - int(month_remainder_days)) * 86400
    sec_remainder = _tsround(sec_remainder)
    if abs(sec_remainder) >= 86400:
        days += int(sec_remainder / 86400)
        sec_remainder -= int(sec_remainder / 86400) * 86400
    days += int(month_remainder_days)
    return _interval(months, days,
                     int(_rint(span.micros / factor + sec_remainder * 1e6)))


def interval_key(span: Interval) -> int:
    """interval_cmp_value(): months count 30 days, days 24 hours."""
    return span.micros + (span.days + span.months * 30) * USECS_PER_DAY


def _interval_compare(op: str) -> Callable:
    test = PY_COMPARE[op]
    return lambda a, b: test(interval_key(a), interval_key(b))


def _neg_int(result: str) -> Callable[[int], int]:
    check = _int_checker(result)
    return lambda a: check(-a)


def _date_cross(op: str, date_left: bool) -> Callable:
    test = PY_COMPARE[op]
    if date_left:
        return lambda a, b: test(date_to_ts(a), b)
    return lambda a, b: test(a, date_to_ts(b))


def _zone_cross(op: str, left_conv: str | None, right_conv: str | None):
    test = PY_COMPARE[op]
    convs = {"date": date_to_tstz, "timestamp": ts_to_tstz}

    def make(settings):
        lc = convs[left_conv](settings) if left_conv else None
        rc = convs[right_conv](settings) if right_conv else None

        def f(a, b):
            return test(lc(a) if lc else a, rc(b) if rc else b)
        return f
    return make


# -- extract / date_part / date_trunc ---------------------------------------

from twinning.values import dtparse as _dtp  # noqa: E402


def _unit(text: str) -> tuple[int, int, str]:
    low = text.lower()
    kind, value = _dtp.decode_units(low)
    if kind == _dtp.UNKNOWN_FIELD:
        kind, value = _dtp.decode_special(low)
    return kind, value, low


def _isoweek(year: int, month: int, day: int) -> tuple[int, int]:
    import datetime as _dt
    try:
        iso = _dt.date(year, month, day).isocalendar()
        return iso[0], iso[1]
    except ValueError:
        # outside Python's calendar: PostgreSQL's arithmetic
        jd = date2j(year, month, day)
        dow = (jd + 1) % 7 or 7
        thursday = jd + (4 - dow)
        ty, _, _ = j2date(thursday)
        week = (thursday - date2j(ty, 1, 1)) // 7 + 1
        return ty, week


def _fields_value(field: int, kind: int, low: str, y: int, m: int, d: int,
                  hh: int, mi: int, ss: int, fs: int, type_name: str,
                  numeric: bool, epoch_us: int | None, tz_east: int | None
                  ) -> Decimal | float:
    """timestamp_part_common(); ints become numeric or float8."""
    def out(v: int, scale: int = 0):
        if numeric:
            return Decimal(v).scaleb(-scale) if scale else Decimal(v)
        return v / 10 ** scale if scale else float(v)
    U = _dtp
    if kind == U.UNITS:
        if field == U.DTK_MICROSEC:
            return out(ss * 1000000 + fs)
        if field == U.DTK_MILLISEC:
            v = ss * 1000000 + fs
            return Decimal(v).scaleb(-3) if numeric else ss * 1000.0 + fs / 1000.0
        if field == U.DTK_SECOND:
            v = ss * 1000000 + fs
            return Decimal(v).scaleb(-6) if numeric else ss + fs / 1000000.0
        if field == U.DTK_MINUTE:
            return out(mi)
        if field == U.DTK_HOUR:
            return out(hh)
        if field == U.DTK_DAY:
            return out(d)
        if field == U.DTK_MONTH:
            return out(m)
        if field == U.DTK_QUARTER:
            return out((m - 1) // 3 + 1)
        if field == U.DTK_WEEK:
            return out(_isoweek(y, m, d)[1])
        if field == U.DTK_YEAR:
            return out(y if y > 0 else y - 1)
        if field == U.DTK_DECADE:
            return out(y // 10 if y >= 0 else -((8 - (y - 1)) // 10))
        if field == U.DTK_CENTURY:
            return out((y + 99) // 100 if y > 0 else -((99 - (y - 1)) // 100))
        if field == U.DTK_MILLENNIUM:
            return out((y + 999) // 1000 if y > 0 else
                       -((999 - (y - 1)) // 1000))
        if field == U.DTK_JULIAN:
            secs = ((hh * 60 + mi) * 60 + ss) * 1000000 + fs
            if numeric:
                frac = _div_round(Decimal(secs), Decimal(86400000000),
                                  div_scale(Decimal(secs) if secs else
                                            Decimal(0), Decimal(86400000000)))
                return _numeric_result(Decimal(date2j(y, m, d)) + frac) \
                    if secs else Decimal(date2j(y, m, d))
            return date2j(y, m, d) + secs / 86400000000.0
        if field == U.DTK_ISOYEAR:
            iy = _isoweek(y, m, d)[0]
            return out(iy if iy > 0 else iy - 1)
        if field in (U.DTK_DOW, U.DTK_ISODOW):
            dow = j2day(date2j(y, m, d))
            if field == U.DTK_ISODOW and dow == 0:
                dow = 7
            return out(dow)
        if field == U.DTK_DOY:
            return out(date2j(y, m, d) - date2j(y, 1, 1) + 1)
        if tz_east is not None and field in (U.DTK_TZ, U.DTK_TZ_HOUR,
                                             U.DTK_TZ_MINUTE):
            if field == U.DTK_TZ:
                return out(tz_east)
            if field == U.DTK_TZ_HOUR:
                return out(int(tz_east / 3600))
            return out(int((tz_east - int(tz_east / 3600) * 3600) / 60))
        raise SqlError("0A000", f'unit "{low}" not supported for type '
                       f"{type_name}")
    if kind == U.RESERV and field == U.DTK_EPOCH and epoch_us is not None:
        return Decimal(epoch_us).scaleb(-6) if numeric else epoch_us / 1e6
    raise SqlError("22023", f'unit "{low}" not recognized for type '
                   f"{type_name}")


_EPOCH_TS = (2440588 - POSTGRES_EPOCH_JDATE) * USECS_PER_DAY


def _extract_ts(numeric: bool, with_tz: bool):
    type_name = "timestamp with time zone" if with_tz else \
        "timestamp without time zone"

    def make(settings):
        zone = session_zone(settings.timezone) if with_tz else None

        def f(unit: str, ts: int):
            kind, field, low = _unit(unit)
            if not finite(ts):
                return _infinite_part(kind, field, low, ts, numeric, type_name)
            local, east = ts, None
            if zone is not None:
                east = local_offset(zone, ts)
                local = ts + east * USECS_PER_SEC
            y, m, d, hh, mi, ss, fs = split(local)
            return _fields_value(field, kind, low, y, m, d, hh, mi, ss, fs,
                                 type_name, numeric, ts - _EPOCH_TS, east)
        return f
    return make


def _infinite_part(kind, field, low, ts, numeric, type_name):
    U = _dtp
    growing = {U.DTK_YEAR, U.DTK_DECADE, U.DTK_CENTURY, U.DTK_MILLENNIUM,
               U.DTK_JULIAN, U.DTK_ISOYEAR}
    if (kind == U.UNITS and field in growing) or (
            kind == U.RESERV and field == U.DTK_EPOCH):
        sign = 1 if ts == TIMESTAMP_NOEND else -1
        if numeric:
            return Decimal("Infinity") * sign
        return math.inf * sign
    if kind == U.UNITS and field in (
            U.DTK_MICROSEC, U.DTK_MILLISEC, U.DTK_SECOND, U.DTK_MINUTE,
            U.DTK_HOUR, U.DTK_DAY, U.DTK_MONTH, U.DTK_QUARTER, U.DTK_WEEK,
            U.DTK_DOW, U.DTK_ISODOW, U.DTK_DOY, U.DTK_TZ, U.DTK_TZ_HOUR,
            U.DTK_TZ_MINUTE):
        return None
    return _fields_value(field, kind, low, 2000, 1, 1, 0, 0, 0, 0, type_name,
                         numeric, 0, None)


def _extract_date(unit: str, days: int):
    """extract(field from date) of PostgreSQL 14+: integral numerics."""
    kind, field, low = _unit(unit)
    U = _dtp
    if days in (-2**31, 2**31 - 1):
        return _infinite_part(kind, field, low, TIMESTAMP_NOEND if days > 0
                              else TIMESTAMP_NOBEGIN, True, "date")
    y, m, d = j2date(days + POSTGRES_EPOCH_JDATE)
    if kind == U.UNITS and field in (U.DTK_MICROSEC, U.DTK_MILLISEC,
                                     U.DTK_SECOND, U.DTK_MINUTE, U.DTK_HOUR,
                                     U.DTK_TZ, U.DTK_TZ_HOUR, U.DTK_TZ_MINUTE):
        raise SqlError("0A000", f'unit "{low}" not supported for type date')
    if kind == U.UNITS and field == U.DTK_JULIAN:
        return Decimal(date2j(y, m, d))
    if kind == U.RESERV and field == U.DTK_EPOCH:
        return Decimal((days - (2440588 - POSTGRES_EPOCH_JDATE)) * 86400)
    return _fields_value(field, kind, low, y, m, d, 0, 0, 0, 0, "date", True,
                         None, None)


def _date_part_date(unit: str, days: int) -> float:
    ts = date_to_ts(days)
    return _extract_ts(False, False)(None)(unit, ts)


def _extract_time(numeric: bool):
    def f(unit: str, t: int):
        kind, field, low = _unit(unit)
        U = _dtp
        hh, mi, ss, fs = dt2time(t)
        if kind == U.UNITS:
            if field in (U.DTK_MICROSEC, U.DTK_MILLISEC, U.DTK_SECOND,
                         U.DTK_MINUTE, U.DTK_HOUR):
                return _fields_value(field, kind, low, 2000, 1, 1, hh, mi, ss,
                                     fs, "time without time zone", numeric,
                                     None, None)
            raise SqlError("0A000", f'unit "{low}" not supported for type '
                           "time without time zone")
        if kind == U.RESERV and field == U.DTK_EPOCH:
            return Decimal(t).scaleb(-6) if numeric else t / 1e6
        raise SqlError("22023", f'unit "{low}" not recognized for type '
                       "time without time zone")
    return f


def _extract_interval(numeric: bool):
    def f(unit: str, span: Interval):
        kind, field, low = _unit(unit)
        U = _dtp

        def out(v: int, scale: int = 0):
            if numeric:
                return Decimal(v).scaleb(-scale) if scale else Decimal(v)
            return v / 10 ** scale if scale else float(v)
        years = int(span.months / 12)
        months = span.months - years * 12
        micros = span.micros
        hours = int(micros / USECS_PER_HOUR)
        micros -= hours * USECS_PER_HOUR
        minutes = int(micros / USECS_PER_MINUTE)
        micros -= minutes * USECS_PER_MINUTE
        secs_us = micros
        if kind == U.UNITS:
            if field == U.DTK_MICROSEC:
                return out(secs_us)
            if field == U.DTK_MILLISEC:
                return out(secs_us, 3)
            if field == U.DTK_SECOND:
                return out(secs_us, 6)
            if field == U.DTK_MINUTE:
                return out(minutes)
            if field == U.DTK_HOUR:
                return out(hours)
            if field == U.DTK_DAY:
                return out(span.days)
            if field == U.DTK_MONTH:
                return out(months)
            if field == U.DTK_QUARTER:
                return out(int(months / 3) + 1)
            if field == U.DTK_YEAR:
                return out(years)
            if field == U.DTK_DECADE:
                return out(int(years / 10))
            if field == U.DTK_CENTURY:
                return out(int(years / 100))
            if field == U.DTK_MILLENNIUM:
                return out(int(years / 1000))
            raise SqlError("0A000", f'unit "{low}" not supported for type '
                           "interval")
        if kind == U.RESERV and field == U.DTK_EPOCH:
            if numeric:
                val = ((1461 * years + 120 * months + 4 * span.days) * 21600
                       * 1000000 + span.micros)
                return Decimal(val).scaleb(-6)
            return (span.micros / 1000000.0 + 365.25 * 86400 * years
                    + 30.0 * 86400 * months + 86400.0 * span.days)
        raise SqlError("22023", f'unit "{low}" not recognized for type '
                       "interval")
    return f


_TRUNC_UNITS = {_dtp.DTK_MILLENNIUM, _dtp.DTK_CENTURY, _dtp.DTK_DECADE,
                _dtp.DTK_YEAR, _dtp.DTK_QUARTER, _dtp.DTK_MONTH, _dtp.DTK_WEEK,
                _dtp.DTK_DAY, _dtp.DTK_HOUR, _dtp.DTK_MINUTE, _dtp.DTK_SECOND,
                _dtp.DTK_MILLISEC, _dtp.DTK_MICROSEC}


def _trunc_fields(field: int, y, m, d, hh, mi, ss, fs):
    U = _dtp
    if field == U.DTK_WEEK:
        iy, wk = _isoweek(y, m, d)
        jd = date2j(y, m, d)
        dow = j2day(jd) or 7
        y, m, d = j2date(jd - (dow - 1))
        return y, m, d, 0, 0, 0, 0
    if field == U.DTK_MILLENNIUM:
        y = ((y + 999) // 1000) * 1000 - 999 if y > 0 else \
            -((999 - (y - 1)) // 1000) * 1000 + 1
        return y, 1, 1, 0, 0, 0, 0
    if field == U.DTK_CENTURY:
        y = ((y + 99) // 100) * 100 - 99 if y > 0 else \
            -((99 - (y - 1)) // 100) * 100 + 1
        return y, 1, 1, 0, 0, 0, 0
    if field == U.DTK_DECADE:
        if y > 0:
            y = (y // 10) * 10
        else:
            y = -((8 - (y - 1)) // 10) * 10
        return y, 1, 1, 0, 0, 0, 0
    if field == U.DTK_YEAR:
        return y, 1, 1, 0, 0, 0, 0
    if field == U.DTK_QUARTER:
        return y, 3 * ((m - 1) // 3) + 1, 1, 0, 0, 0, 0
    if field == U.DTK_MONTH:
        return y, m, 1, 0, 0, 0, 0
    if field == U.DTK_DAY:
        return y, m, d, 0, 0, 0, 0
    if field == U.DTK_HOUR:
        return y, m, d, hh, 0, 0, 0
    if field == U.DTK_MINUTE:
        return y, m, d, hh, mi, 0, 0
    if field == U.DTK_SECOND:
        return y, m, d, hh, mi, ss, 0
    if field == U.DTK_MILLISEC:
        return y, m, d, hh, mi, ss, (fs // 1000) * 1000
    return y, m, d, hh, mi, ss, fs


def _trunc_unit(unit: str, type_name: str) -> int:
    kind, field, low = _unit(unit)
    if kind != _dtp.UNITS:
        raise SqlError("22023", f'unit "{low}" not recognized for type '
                       f"{type_name}")
    if field not in _TRUNC_UNITS:
        raise SqlError("0A000", f'unit "{low}" not supported for type '
                       f"{type_name}")
    return field


def _date_trunc_ts(unit: str, ts: int) -> int:
    field = _trunc_unit(unit, "timestamp without time zone")
    if not finite(ts):
        return ts
    y, m, d, hh, mi, ss, fs = _trunc_fields(field, *split(ts))
    return check_ts(join(y, m, d, ((hh * 60 + mi) * 60 + ss)
                           * USECS_PER_SEC + fs))


def _date_trunc_tstz(settings):
    zone = session_zone(settings.timezone)

    def f(unit: str, ts: int) -> int:
        field = _trunc_unit(unit, "timestamp with time zone")
        if not finite(ts):
            return ts
        local = to_local(zone, ts)
        y, m, d, hh, mi, ss, fs = _trunc_fields(field, *split(local))
        truncated = join(y, m, d, ((hh * 60 + mi) * 60 + ss)
                          * USECS_PER_SEC + fs)
        if field in (_dtp.DTK_MINUTE, _dtp.DTK_SECOND, _dtp.DTK_MILLISEC,
                     _dtp.DTK_MICROSEC):
            # sub-hour truncation keeps the instant's own offset
            return check_ts(ts - (local - truncated))
        return check_ts(from_local(zone, truncated))
    return f


def _date_trunc_interval(unit: str, span: Interval) -> Interval:
    kind, field, low = _unit(unit)
    if kind != _dtp.UNITS:
        raise SqlError("22023", f'unit "{low}" not recognized for type '
                       "interval")
    U = _dtp
    if field == U.DTK_WEEK:
        raise SqlError("0A000", f'unit "{low}" not supported for type '
                       "interval", detail="Months usually have fractional "
                       "weeks.")
    if field not in _TRUNC_UNITS:
        raise SqlError("0A000", f'unit "{low}" not supported for type '
                       "interval")
    years = int(span.months / 12)
    months = span.months - years * 12
    days = span.days
    micros = span.micros
    hours = int(micros / USECS_PER_HOUR)
    rest = micros - hours * USECS_PER_HOUR
    minutes = int(rest / USECS_PER_MINUTE)
    rest -= minutes * USECS_PER_MINUTE
    secs = int(rest / USECS_PER_SEC)
    fs = rest - secs * USECS_PER_SEC
    order = [U.DTK_MILLENNIUM, U.DTK_CENTURY, U.DTK_DECADE, U.DTK_YEAR,
             U.DTK_QUARTER, U.DTK_MONTH, U.DTK_DAY, U.DTK_HOUR, U.DTK_MINUTE,
             U.DTK_SECOND, U.DTK_MILLISEC, U.DTK_MICROSEC]
    level = order.index(field)
    if field == U.DTK_MILLENNIUM:
        years = int(years / 1000) * 1000
    elif field == U.DTK_CENTURY:
        years = int(years / 100) * 100
    elif field == U.DTK_DECADE:
        years = int(years / 10) * 10
    if level <= 3:
        months = 0
    if field == U.DTK_QUARTER:
        months = 3 * int(months / 3)
    if level <= 5:
        days = 0
    if level <= 6:
        hours = 0
    if level <= 7:
        minutes = 0
    if level <= 8:
        secs = 0
    if level <= 9:
        fs = 0
    if field == U.DTK_MILLISEC:
        fs = int(fs / 1000) * 1000
    return _interval(years * 12 + months, days,
                     ((hours * 60 + minutes) * 60 + secs) * USECS_PER_SEC + fs)


def _age_ts(a: int, b: int) -> Interval:
    if not (finite(a) and finite(b)):
        raise feature_not_supported("age() of infinite timestamps")
    return _age_pg(split(a), split(b))


def _age_pg(t1: tuple, t2: tuple) -> Interval:
    """timestamp_age(): field-wise difference, borrowing a month's days
    from the month of the earlier operand."""
    y1, m1, d1, h1, mi1, s1, f1 = t1
    y2, m2, d2, h2, mi2, s2, f2 = t2
    fsec = f1 - f2
    sec = s1 - s2
    minute = mi1 - mi2
    hour = h1 - h2
    mday = d1 - d2
    mon = m1 - m2
    year = y1 - y2
    # flip sign if necessary
    sign = 1
    if (t1 < t2):
        sign = -1
        fsec, sec, minute, hour = -fsec, -sec, -minute, -hour
        mday, mon, year = -mday, -mon, -year
    while fsec < 0:
        fsec += USECS_PER_SEC
        sec -= 1
    while sec < 0:
        sec += 60
        minute -= 1
    while minute < 0:
        minute += 60
        hour -= 1
    while hour < 0:
        hour += 24
        mday -= 1
    while mday < 0:
        if t1 < t2:
            mday += _days_in_month(y1, m1)
        else:
            mday += _days_in_month(y2, m2)
        mon -= 1
    while mon < 0:
        mon += 12
        year -= 1
    if sign < 0:
        fsec, sec, minute, hour = -fsec, -sec, -minute, -hour
        mday, mon, year = -mday, -mon, -year
    return _interval(year * 12 + mon, mday,
                     ((hour * 60 + minute) * 60 + sec) * USECS_PER_SEC + fsec)


def _age_tstz(settings):
    zone = session_zone(settings.timezone)

    def f(a: int, b: int) -> Interval:
        if not (finite(a) and finite(b)):
            raise feature_not_supported("age() of infinite timestamps")
        return _age_pg(split(to_local(zone, a)), split(to_local(zone, b)))
    return f


def _justify_hours(span: Interval) -> Interval:
    days, micros = span.days, span.micros
    whole = int(micros / USECS_PER_DAY)
    days += whole
    micros -= whole * USECS_PER_DAY
    if days > 0 and micros < 0:
        micros += USECS_PER_DAY
        days -= 1
    elif days < 0 and micros > 0:
        micros -= USECS_PER_DAY
        days += 1
    return _interval(span.months, days, micros)


def _justify_days(span: Interval) -> Interval:
    months, days = span.months, span.days
    whole = int(days / 30)
    months += whole
    days -= whole * 30
    if months > 0 and days < 0:
        days += 30
        months -= 1
    elif months < 0 and days > 0:
        days -= 30
        months += 1
    return _interval(months, days, span.micros)


def _justify_interval(span: Interval) -> Interval:
    months, days, micros = span.months, span.days, span.micros
    whole = int(micros / USECS_PER_DAY)
    days += whole
    micros -= whole * USECS_PER_DAY
    whole = int(days / 30)
    months += whole
    days -= whole * 30
    if months > 0 and (days < 0 or (days == 0 and micros < 0)):
        days += 30
        months -= 1
    elif months < 0 and (days > 0 or (days == 0 and micros > 0)):
        days -= 30
        months += 1
    if days > 0 and micros < 0:
        micros += USECS_PER_DAY
        days -= 1
    elif days < 0 and micros > 0:
        micros -= USECS_PER_DAY
        days += 1
    return _interval(months, days, micros)


def _make_date(y: int, m: int, d: int) -> int:
    from twinning.values.calendar import is_valid_julian
    if y == 0:
        raise SqlError("22008", f"date field value out of range: {y}-"
                       f"{m:02d}-{d:02d}")
    year = y if y > 0 else y + 1
    if not (1 <= m <= 12) or not (1 <= d <= _days_in_month(year, m)):
        raise SqlError("22008", f"date field value out of range: {y}-"
                       f"{m:02d}-{d:02d}")
    if not is_valid_julian(year, m, d):
        raise SqlError("22008", f"date out of range: {y}-{m:02d}-{d:02d}")
    days = date2j(year, m, d) - POSTGRES_EPOCH_JDATE
    if not is_valid_date(days):
        raise SqlError("22008", f"date out of range: {y}-{m:02d}-{d:02d}")
    return days


# ============================================================ context functions

def _current_setting(ctx, name: str, missing_ok: bool = False):
    return ctx.current_setting(name, bool(missing_ok))


def _pg_sleep(ctx, seconds: float) -> str:
    ctx.sleep(seconds)
    return ""


# ============================================================ output (anytextcat)

def output(rtype_key: str, as_cast: bool = False) -> Callable:
    """A factory: settings → the output function of a type (`as_cast`:
    the cast to text instead, which spells booleans out and trims
    char(n) padding, as anytextcat's `::text` does)."""
    def make(settings):
        rtype = result_type(rtype_key)
        if rtype is None or rtype.sql_type is None:
            return str
        if rtype_key == "bpchar":
            return (lambda v: v.rstrip(" ")) if as_cast else (lambda v: v)
        if rtype_key == "bool":
            if as_cast:
                return lambda v: "true" if v else "false"
            return lambda v: "t" if v else "f"
        return formatter_for(rtype.sql_type, settings)
    return make


_SETTINGS_FREE_OUTPUT = frozenset({"int2", "int4", "int8", "numeric", "text",
                                   "varchar", "bpchar", "name", "bool",
                                   "uuid", "json", "jsonb", "bytea"})


# ============================================================ registries

def _t(name: str) -> q.ResultType:
    rtype = result_type(name)
    assert rtype is not None, name
    return rtype


ARITH = ("+", "-", "*", "/")
COMPARE = ("=", "<>", "<", ">", "<=", ">=")

# binary operators: "lkey op rkey" → Impl
BINARY: dict[str, Impl] = {}
UNARY: dict[str, Impl] = {}


def _reg(table: dict, sig: str, fn: Callable, **kw: Any) -> None:
    table[sig] = Impl(fn, **kw)


def _register_operators() -> None:
    order = {"int2": 0, "int4": 1, "int8": 2}
    for a in INTS:
        for b in INTS:
            result = max(a, b, key=order.get)
            for op in ARITH:
                _reg(BINARY, f"{a} {op} {b}", _int_binary(op, result))
            for op in COMPARE:
                _reg(BINARY, f"{a} {op} {b}", PY_COMPARE[op])
        _reg(BINARY, f"{a} % {a}", _int_binary("%", a))
        _reg(UNARY, f"- {a}", _neg_int(a))
        _reg(UNARY, f"+ {a}", lambda v: v)
        _reg(UNARY, f"@ {a}", _int_abs(a))
    for op, fn in (("+", _num_add), ("-", _num_sub), ("*", _num_mul),
                   ("/", _num_div), ("%", _num_mod), ("^", _num_pow)):
        _reg(BINARY, f"numeric {op} numeric", fn)
    for op in COMPARE:
        _reg(BINARY, f"numeric {op} numeric", _numeric_compare(op),
             fast=PY_COMPARE[op] if op not in ("=", "<>") else None)
    _reg(UNARY, "- numeric", lambda v: canonical(-v) if not v.is_nan() else v)
    _reg(UNARY, "+ numeric", lambda v: v)
    _reg(UNARY, "@ numeric", _num_abs)
    for a in FLOATS:
        for b in FLOATS:
            result = "float8" if "float8" in (a, b) else "float4"
            for op in ARITH:
                _reg(BINARY, f"{a} {op} {b}", _float_binary(op, result))
            for op in COMPARE:
                _reg(BINARY, f"{a} {op} {b}", _float_compare(op))
        _reg(UNARY, f"- {a}", lambda v: -v)
        _reg(UNARY, f"+ {a}", lambda v: v)
        _reg(UNARY, f"@ {a}", abs)
    _reg(BINARY, "float8 ^ float8", float_pow)
    _reg(UNARY, "|/ float8", _float_sqrt)
    # strings
    for op in COMPARE:
        _reg(BINARY, f"text {op} text", PY_COMPARE[op])
        _reg(BINARY, f"name {op} name", PY_COMPARE[op])
        _reg(BINARY, f"name {op} text", PY_COMPARE[op])
        _reg(BINARY, f"text {op} name", PY_COMPARE[op])
        test = PY_COMPARE[op]
        _reg(BINARY, f"bpchar {op} bpchar",
             lambda a, b, test=test: test(a.rstrip(" "), b.rstrip(" ")))
        for k in ("bool", "date", "time", "timestamp", "timestamptz", "uuid",
                  "bytea"):
            _reg(BINARY, f"{k} {op} {k}", PY_COMPARE[op])
        _reg(BINARY, f"interval {op} interval", _interval_compare(op))
        _reg(BINARY, f"date {op} timestamp", _date_cross(op, True))
        _reg(BINARY, f"timestamp {op} date", _date_cross(op, False))
        _reg(BINARY, f"date {op} timestamptz", _zone_cross(op, "date", None),
             settings=True)
        _reg(BINARY, f"timestamptz {op} date", _zone_cross(op, None, "date"),
             settings=True)
        _reg(BINARY, f"timestamp {op} timestamptz",
             _zone_cross(op, "timestamp", None), settings=True)
        _reg(BINARY, f"timestamptz {op} timestamp",
             _zone_cross(op, None, "timestamp"), settings=True)
    _reg(BINARY, "text || text", _op.add)
    _reg(BINARY, "bytea || bytea", _op.add)
    _reg(BINARY, "text ~~ text", like)
    _reg(BINARY, "text !~~ text", lambda a, b: not like(a, b))
    _reg(BINARY, "bpchar ~~ text", like)
    _reg(BINARY, "bpchar !~~ text", lambda a, b: not like(a, b))
    _reg(BINARY, "name ~~ text", like)
    _reg(BINARY, "name !~~ text", lambda a, b: not like(a, b))
    _reg(BINARY, "text ~~* text", ilike)
    _reg(BINARY, "text !~~* text", lambda a, b: not ilike(a, b))
    _reg(BINARY, "bpchar ~~* text", ilike)
    _reg(BINARY, "bpchar !~~* text", lambda a, b: not ilike(a, b))
    _reg(BINARY, "name ~~* text", ilike)
    _reg(BINARY, "name !~~* text", lambda a, b: not ilike(a, b))
    # date / time arithmetic
    _reg(BINARY, "date + int4", _date_pl_int)
    _reg(BINARY, "int4 + date", lambda n, d: _date_pl_int(d, n))
    _reg(BINARY, "date - int4", _date_mi_int)
    _reg(BINARY, "date - date", _date_mi)
    _reg(BINARY, "date + interval",
         lambda d, i: ts_pl_interval(date_to_ts(d), i))
    _reg(BINARY, "interval + date",
         lambda i, d: ts_pl_interval(date_to_ts(d), i))
    _reg(BINARY, "date - interval",
         lambda d, i: ts_pl_interval(date_to_ts(d), _neg_interval(i)))
    _reg(BINARY, "date + time", lambda d, t: check_ts(date_to_ts(d) + t))
    _reg(BINARY, "time + date", lambda t, d: check_ts(date_to_ts(d) + t))
    _reg(BINARY, "timestamp + interval", ts_pl_interval)
    _reg(BINARY, "interval + timestamp", lambda i, t: ts_pl_interval(t, i))
    _reg(BINARY, "timestamp - interval",
         lambda t, i: ts_pl_interval(t, _neg_interval(i)))
    _reg(BINARY, "timestamp - timestamp", _ts_mi)
    _reg(BINARY, "timestamptz + interval", tstz_pl_interval, settings=True)

    def tstz_plus_rev(settings):
        add = tstz_pl_interval(settings)
        return lambda i, t: add(t, i)

    def tstz_minus(settings):
        add = tstz_pl_interval(settings)
        return lambda t, i: add(t, _neg_interval(i))
    _reg(BINARY, "interval + timestamptz", tstz_plus_rev, settings=True)
    _reg(BINARY, "timestamptz - interval", tstz_minus, settings=True)
    _reg(BINARY, "timestamptz - timestamptz", _ts_mi)
    _reg(BINARY, "time + interval", _time_pl_interval)
    _reg(BINARY, "interval + time", lambda i, t: _time_pl_interval(t, i))
    _reg(BINARY, "time - interval", _time_mi_interval)
    _reg(BINARY, "time - time", _time_mi_time)
    _reg(BINARY, "interval + interval", _interval_pl)
    _reg(BINARY, "interval - interval", _interval_mi)
    _reg(BINARY, "interval * float8", interval_mul)
    _reg(BINARY, "float8 * interval", lambda f, i: interval_mul(i, f))
    _reg(BINARY, "interval / float8", interval_div)
    _reg(UNARY, "- interval", _neg_interval)
    _reg(UNARY, "+ interval", lambda v: v)
    # jsonb equality is structural (numbers by value, keys unordered): the
    # store's hash key already decodes a value that way
    from twinning.ir.types import SqlType
    from twinning.store.indexes import key_function
    jsonb_key = key_function(SqlType("jsonb"))
    _reg(BINARY, "jsonb = jsonb", lambda a, b: jsonb_key(a) == jsonb_key(b))
    _reg(BINARY, "jsonb <> jsonb", lambda a, b: jsonb_key(a) != jsonb_key(b))
    from twinning.passes.expr.json_ops import OPERATORS as JSON_OPERATORS
    for sig, fn in JSON_OPERATORS.items():
        _reg(BINARY, sig, fn)


_register_operators()


def operator_impl(op: str, declared: tuple[str, ...], result: str,
                  actual: Sequence[q.ResultType]
                  ) -> tuple[str | None, q.ResultType, list[q.ResultType]]:
    """(impl signature or None, result type, operand target types) for the
    candidate the typer chose."""
    if len(declared) == 1:
        sig = f"{op} {declared[0]}"
        rtype = result_type(result)
        if sig not in UNARY or rtype is None:
            return None, q.UNKNOWN, []
        return sig, rtype, [_t(declared[0])]
    left, right = declared
    if op == "||" and (left.startswith("any") or right.startswith("any")):
        return _poly_concat(left, right, actual)
    if op in ("=", "<>") and left == "anyarray" and right == "anyarray":
        lt, rt = actual
        lk, rk = lt.name, rt.name
        if lk == "unknown":
            lk = rk
        if rk == "unknown":
            rk = lk
        if lk != rk or comparison_impl(element(lk), "=") is None:
            return None, q.UNKNOWN, []
        target = _t(lk)
        return f"{op} array", q.BOOL, [target, target]
    sig = f"{left} {op} {right}"
    rtype = result_type(result)
    if sig not in BINARY or rtype is None:
        return None, q.UNKNOWN, []
    return sig, rtype, [_t(left), _t(right)]


def _poly_concat(left: str, right: str, actual: Sequence[q.ResultType]):
    lt, rt = actual
    if left == "anynonarray" and right == "text":
        return "any || text", _t("text"), [lt, _t("text")]
    if left == "text" and right == "anynonarray":
        return "text || any", _t("text"), [_t("text"), rt]
    lk, rk = lt.name, rt.name
    if left == "anycompatiblearray" and right == "anycompatiblearray":
        if lk == "unknown":
            lk = rk
        if rk == "unknown":
            rk = lk
        elem = _common_element(element(lk), element(rk))
        if elem is None:
            return None, q.UNKNOWN, []
        target = _t(elem + "[]")
        return "array || array", target, [target, target]
    if left == "anycompatiblearray":
        elem = _common_element(element(lk), rk if rk != "unknown" else
                               element(lk))
        if elem is None:
            return None, q.UNKNOWN, []
        return "array || elem", _t(elem + "[]"), [_t(elem + "[]"), _t(elem)]
    if right == "anycompatiblearray":
        elem = _common_element(lk if lk != "unknown" else element(rk),
                               element(rk))
        if elem is None:
            return None, q.UNKNOWN, []
        return "elem || array", _t(elem + "[]"), [_t(elem), _t(elem + "[]")]
    return None, q.UNKNOWN, []


def _common_element(a: str, b: str) -> str | None:
    from twinning.passes.expr.types import can_coerce
    if a == b:
        return a if result_type(a) is not None else None
    if can_coerce(a, b) and result_type(b) is not None:
        return b
    if can_coerce(b, a) and result_type(a) is not None:
        return a
    return None


def _array_concat(a: tuple, b: tuple) -> tuple:
    return a + b


BINARY["array || array"] = Impl(_array_concat)
BINARY["array || elem"] = Impl(lambda a, e: a + (e,), strict=False)
BINARY["elem || array"] = Impl(lambda e, a: (e,) + a, strict=False)


def comparison_impl(type_key: str, op: str = "<") -> str | None:
    """The impl signature of a type's own comparison operator."""
    sig = f"{type_key} {op} {type_key}"
    if sig in BINARY:
        return sig
    if is_array(type_key) and op in ("=", "<>") and \
            comparison_impl(element(type_key), "=") is not None:
        return f"{op} array"
    return None


def _array_equal_factory(elem_eq: Callable[[Any, Any], bool]):
    def eq(a: tuple, b: tuple) -> bool:
        if len(a) != len(b):
            return False
        for x, y in zip(a, b):
            if x is None or y is None:
                if x is not y:
                    return False
            elif not elem_eq(x, y):
                return False
        return True
    return eq


def binary(sig: str, types: Sequence[q.ResultType] = ()) -> Impl:
    if sig in ("= array", "<> array"):
        elem_key = element(types[0].name)
        inner = BINARY[f"{elem_key} = {elem_key}"]
        if inner.settings:
            raise feature_not_supported("array comparison of this type")
        eq = _array_equal_factory(inner.fn)
        if sig.startswith("<>"):
            return Impl(lambda a, b: not eq(a, b))
        return Impl(eq)
    if sig in ("any || text", "text || any"):
        other = types[0] if sig.startswith("any") else types[1]
        out = output(other.name, as_cast=True)
        if sig.startswith("any"):
            def make(settings):
                fn = out(settings)
                return lambda a, b: fn(a) + b
        else:
            def make(settings):
                fn = out(settings)
                return lambda a, b: a + fn(b)
        return Impl(make, settings=other.name not in _SETTINGS_FREE_OUTPUT) \
            if other.name not in _SETTINGS_FREE_OUTPUT else \
            Impl(make(None))
    return BINARY[sig]


def unary(sig: str) -> Impl:
    return UNARY[sig]


# -- functions ------------------------------------------------------------------

FUNCTIONS: dict[str, Impl] = {}


def register_function(sig: str, fn: Callable, **kw: Any) -> None:
    FUNCTIONS[sig] = Impl(fn, **kw)


_fn = register_function


def _sequence(ctx, name: str):
    """regclass input for a sequence name ('s', 'public.s', '"S"')."""
    from twinning.ir.catalog import QName
    parts = [p.strip('"') if p.startswith('"') else p.lower()
             for p in name.split(".")]
    qname = QName(parts[0] if len(parts) > 1 else "public", parts[-1])
    if ctx.sequences is None or not ctx.sequences.exists(qname):
        raise SqlError("42P01", f'relation "{name}" does not exist')
    return qname


def _nextval(ctx, name: str) -> int:
    return ctx.sequences.nextval(_sequence(ctx, name), ctx.txn)


def _currval(ctx, name: str) -> int:
    return ctx.sequences.currval(_sequence(ctx, name))


def _setval(ctx, name: str, value: int, is_called: bool = True) -> int:
    return ctx.sequences.setval(_sequence(ctx, name), value, bool(is_called),
                                ctx.txn)


def _lastval(ctx) -> int:
    return ctx.sequences.lastval()


# Sequence functions take regclass in PostgreSQL; the twin passes the name
# as text and resolves it at run time (analyze.SEQUENCE_FUNCTIONS).
SEQUENCE_SIGNATURES = {
    ("nextval", 1): "nextval(text)", ("currval", 1): "currval(text)",
    ("setval", 2): "setval(text,int8)", ("setval", 3): "setval(text,int8,bool)",
    ("lastval", 0): "lastval()",
}


def _register_functions() -> None:
    _fn("nextval(text)", _nextval, context=True, volatile=True)
    _fn("currval(text)", _currval, context=True, volatile=True)
    _fn("setval(text,int8)", _setval, context=True, volatile=True)
    _fn("setval(text,int8,bool)", _setval, context=True, volatile=True)
    _fn("lastval()", _lastval, context=True, volatile=True)
    _fn("lower(text)", ascii_lower)
    _fn("upper(text)", ascii_upper)
    _fn("initcap(text)", initcap)
    for name in ("length", "char_length", "character_length"):
        _fn(f"{name}(text)", len)
        _fn(f"{name}(bpchar)", lambda s: len(s.rstrip(" ")))
    _fn("length(bytea)", len)
    _fn("octet_length(text)", lambda s: len(s.encode("utf-8")))
    _fn("octet_length(bpchar)", lambda s: len(s.encode("utf-8")))
    _fn("octet_length(bytea)", len)
    for name, which in (("btrim", "b"), ("ltrim", "l"), ("rtrim", "r")):
        _fn(f"{name}(text)", _trim(which))
        _fn(f"{name}(text,text)", _trim(which))
    for name in ("substring", "substr"):
        _fn(f"{name}(text,int4)", _substr)
        _fn(f"{name}(text,int4,int4)", _substr)
    _fn("replace(text,text,text)", _replace)
    _fn("left(text,int4)", _left)
    _fn("right(text,int4)", _right)
    _fn("position(text,text)", _strpos)
    _fn("strpos(text,text)", _strpos)
    _fn("lpad(text,int4)", _pad(True))
    _fn("lpad(text,int4,text)", _pad(True))
    _fn("rpad(text,int4)", _pad(False))
    _fn("rpad(text,int4,text)", _pad(False))
    _fn("split_part(text,text,int4)", _split_part)
    _fn("reverse(text)", lambda s: s[::-1])
    _fn("repeat(text,int4)", _repeat)
    _fn("starts_with(text,text)", lambda s, p: s.startswith(p))
    _fn("translate(text,text,text)", _translate)
    _fn("ascii(text)", _ascii)
    _fn("chr(int4)", _chr)
    _fn("md5(text)", _md5)
    _fn("md5(bytea)", _md5)
    _fn("like_escape(text,text)", like_escape)
    for k in INTS:
        _fn(f"abs({k})", _int_abs(k))
    _fn("abs(numeric)", _num_abs)
    _fn("abs(float8)", abs)
    _fn("abs(float4)", abs)
    _fn("round(float8)", _float_round)
    _fn("round(numeric)", _num_round)
    _fn("round(numeric,int4)", _num_round)
    _fn("trunc(float8)", _float_trunc)
    _fn("trunc(numeric)", _num_trunc)
    _fn("trunc(numeric,int4)", _num_trunc)
    _fn("floor(float8)", _float_floor)
    _fn("floor(numeric)", _num_floor)
    for name in ("ceil", "ceiling"):
        _fn(f"{name}(float8)", _float_ceil)
        _fn(f"{name}(numeric)", _num_ceil)
    for k in INTS:
        _fn(f"mod({k},{k})", _int_binary("%", k))
    _fn("mod(numeric,numeric)", _num_mod)
    for name in ("power", "pow"):
        _fn(f"{name}(float8,float8)", float_pow)
        _fn(f"{name}(numeric,numeric)", _num_pow)
    _fn("sqrt(float8)", _float_sqrt)
    _fn("sqrt(numeric)", _num_sqrt)
    _fn("sign(float8)", _float_sign)
    _fn("sign(numeric)", _num_sign)
    _fn("exp(float8)", _float_exp)
    _fn("ln(float8)", _float_ln)
    _fn("log(float8)", _float_log10)
    _fn("log10(float8)", _float_log10)
    _fn("cbrt(float8)", _float_cbrt)
    _fn("pi()", lambda: math.pi)
    _fn("div(numeric,numeric)", lambda a, b: _num_trunc(_num_div_exact(a, b)))
    _fn("random()", _random.random, volatile=True)
    _fn("gen_random_uuid()", _uuid.uuid4, volatile=True)
    # session and clock
    _fn("now()", lambda ctx: ctx.transaction_start(), context=True)
    _fn("transaction_timestamp()", lambda ctx: ctx.transaction_start(),
        context=True)
    _fn("statement_timestamp()", lambda ctx: ctx.statement_start(),
        context=True)
    _fn("clock_timestamp()", lambda ctx: ctx.clock(), context=True,
        volatile=True)
    _fn("current_date()", lambda ctx: ctx.current_date(), context=True)
    _fn("localtimestamp()", lambda ctx: ctx.local_timestamp(), context=True)
    _fn("localtime()", lambda ctx: ctx.local_timestamp() % USECS_PER_DAY,
        context=True)
    _fn("version()", lambda ctx: ctx.version, context=True)
    _fn("current_user()", lambda ctx: ctx.user, context=True)
    _fn("session_user()", lambda ctx: ctx.user, context=True)
    _fn("current_database()", lambda ctx: ctx.database, context=True)
    _fn("pg_backend_pid()", lambda ctx: ctx.pid, context=True)
    _fn("current_setting(text)", _current_setting, context=True)
    _fn("current_setting(text,bool)", _current_setting, context=True)
    _fn("set_config(text,text,bool)",
        lambda ctx, name, value, local: ctx.set_config(name, value, local),
        context=True, volatile=True)
    _fn("pg_sleep(float8)", _pg_sleep, context=True, volatile=True)
    _fn("pg_is_in_recovery()", lambda: False)
    # date / time
    _fn("date_part(text,timestamp)", _extract_ts(False, False), settings=True)
    _fn("date_part(text,timestamptz)", _extract_ts(False, True), settings=True)
    _fn("date_part(text,date)", _date_part_date)
    _fn("date_part(text,time)", _extract_time(False))
    _fn("date_part(text,interval)", _extract_interval(False))
    _fn("extract(text,timestamp)", _extract_ts(True, False), settings=True)
    _fn("extract(text,timestamptz)", _extract_ts(True, True), settings=True)
    _fn("extract(text,date)", _extract_date)
    _fn("extract(text,time)", _extract_time(True))
    _fn("extract(text,interval)", _extract_interval(True))
    _fn("date_trunc(text,timestamp)", _date_trunc_ts)
    _fn("date_trunc(text,timestamptz)", _date_trunc_tstz, settings=True)
    _fn("date_trunc(text,interval)", _date_trunc_interval)
    _fn("age(timestamp,timestamp)", _age_ts)
    _fn("age(timestamptz,timestamptz)", _age_tstz, settings=True)
    _fn("justify_days(interval)", _justify_days)
    _fn("justify_hours(interval)", _justify_hours)
    _fn("justify_interval(interval)", _justify_interval)
    _fn("isfinite(date)", lambda d: d not in (-2**31, 2**31 - 1))
    _fn("isfinite(timestamp)", finite)
    _fn("isfinite(timestamptz)", finite)
    _fn("isfinite(interval)", lambda i: True)
    _fn("make_date(int4,int4,int4)", _make_date)


def _num_div_exact(a: Decimal, b: Decimal) -> Decimal:
    if b.is_zero():
        raise division_by_zero()
    with localcontext(CTX) as c:
        c.rounding = ROUND_DOWN
        return (a / b).to_integral_value(ROUND_DOWN)


_register_functions()


class _Concat(Impl):
    """concat / concat_ws: non-strict, output functions per argument."""

    def __init__(self, with_separator: bool) -> None:
        super().__init__(None, strict=False, settings=True)
        self.sep = with_separator

    def factory(self, arg_types: Sequence[q.ResultType]):
        return concat_factory(arg_types, self.sep)


def concat_factory(arg_types: Sequence[q.ResultType], with_sep: bool):
    outs = [output(t.name) for t in arg_types]

    def make(settings):
        fns = [o(settings) for o in outs]
        if with_sep:
            rest = fns[1:]

            def concat_ws(sep, *values):
                if sep is None:
                    return None
                return sep.join(f(v) for f, v in zip(rest, values)
                                if v is not None)
            return concat_ws

        def concat(*values):
            return "".join(f(v) for f, v in zip(fns, values) if v is not None)
        return concat
    return make


FUNCTIONS["concat(any)"] = _Concat(False)
FUNCTIONS["concat_ws(text,any)"] = _Concat(True)


def function_impl(signature: str) -> Impl | None:
    return FUNCTIONS.get(signature)


# age(ts) = age(current_date at midnight, ts): needs the clock
def _age_now(ctx, ts: int) -> Interval:
    midnight = ctx.current_date() * USECS_PER_DAY
    return _age_ts(midnight, ts)


def _age_now_tz(ctx, ts: int) -> Interval:
    make = _age_tstz
    midnight_local = ctx.current_date() * USECS_PER_DAY
    zone = session_zone(ctx.settings.timezone)
    return make(ctx.settings)(from_local(zone, midnight_local), ts)


FUNCTIONS["age(timestamp)"] = Impl(_age_now, context=True)
FUNCTIONS["age(timestamptz)"] = Impl(_age_now_tz, context=True)


# -- casts ----------------------------------------------------------------------

_REFUSED_CASTS = {("jsonb", k) for k in ("bool", "numeric", "int2", "int4",
                                          "int8", "float4", "float8")}


def check_cast(source: q.ResultType, target: q.ResultType,
               position: int | None) -> None:
    """0A000 for a cast PostgreSQL has but the twin does not run."""
    s_, t_ = source.name, target.name
    if (element(s_), element(t_)) in _REFUSED_CASTS:
        raise feature_not_supported(f"cast from {display(s_)} to "
                                    f"{display(t_)}", position)


# ============================================================ typed functions

class TypedImpl(Impl):
    """A function whose behaviour depends on its arguments' types (output
    functions of `any` arguments, element types of arrays):
    `factory(arg_types) -> make(settings) -> fn(*args)`."""

    def __init__(self, factory: Callable, *, strict: bool = True) -> None:
        super().__init__(None, strict=strict, settings=True)
        self.factory = factory


def _array_to_string_factory(arg_types: Sequence[q.ResultType]):
    out = output(element(arg_types[0].name))

    def make(settings):
        fmt = out(settings)

        def array_to_string(array, sep, null_text=None):
            if array is None or sep is None:
                return None
            parts = []
            for item in array:
                if item is None:
                    if null_text is not None:
                        parts.append(null_text)
                else:
                    parts.append(fmt(item))
            return sep.join(parts)
        return array_to_string
    return make


def _json_value_factory(rtype: q.ResultType):
    """to_json() of one value: numbers bare, booleans, strings escaped,
    json verbatim; other types through their output text."""
    from twinning.values.json import escape_json
    name = rtype.name
    if name in INTS or name == "numeric":
        return lambda settings: str
    if name in FLOATS:
        def make_float(settings):
            fmt = output(name)(settings)
            return lambda v: fmt(v) if math.isfinite(v) else escape_json(fmt(v))
        return make_float
    if name == "bool":
        return lambda settings: (lambda v: "true" if v else "false")
    if name in ("json", "jsonb"):
        return lambda settings: str
    if is_array(name) or name in DATETIMES:
        raise feature_not_supported(f"json_build_object of {display(name)}")
    out = output(name)
    return lambda settings: (lambda v, fmt=out(settings): escape_json(fmt(v)))


def _json_build_object_factory(binary: bool):
    def factory(arg_types: Sequence[q.ResultType]):
        if len(arg_types) % 2:
            raise SqlError("22023", "argument list must have even number of "
                           "elements", hint="The arguments of "
                           f"{'jsonb' if binary else 'json'}_build_object() "
                           "must consist of alternating keys and values.")
        keys = [output(t.name, as_cast=True) for t in arg_types[0::2]]
        values = [_json_value_factory(t) for t in arg_types[1::2]]

        def make(settings):
            from twinning.values.json import escape_json, parse_jsonb
            key_fns = [k(settings) for k in keys]
            value_fns = [v(settings) for v in values]

            def build(*args):
                parts = []
                for i, (kf, vf) in enumerate(zip(key_fns, value_fns)):
                    key, value = args[2 * i], args[2 * i + 1]
                    if key is None:
                        raise SqlError("22023", f"argument {2 * i + 1} cannot "
                                       "be null", hint="Object keys should be "
                                       "text.")
                    shown = "null" if value is None else vf(value)
                    parts.append(f"{escape_json(kf(key))} : {shown}")
                text = "{" + ", ".join(parts) + "}"
                return parse_jsonb(text) if binary else text
            return build
        return make
    return factory


def _pg_typeof_factory(arg_types: Sequence[q.ResultType]):
    from twinning.values.system import RegOid
    rtype = arg_types[0]
    # regtype output is format_type_be(): the type without its typmod
    value = RegOid(rtype.oid, display(key(rtype)))
    return lambda settings: (lambda *args: value)


# ============================================================ regular expressions

_ARE_CLASSES = {"d": r"\d", "D": r"\D", "w": r"\w", "W": r"\W", "s": r"\s",
                "S": r"\S", "n": "\n", "t": "\t", "r": "\r", "f": "\f",
                "v": "\v"}


@lru_cache(maxsize=256)
def are_regex(pattern: str, fold: bool) -> re.Pattern:
    """A PostgreSQL advanced regular expression as a Python pattern, for
    the ARE subset whose meaning both engines share: literals, `.`, `^`,
    `$`, groups, alternation, quantifiers, bracket expressions and the
    class escapes. Anything else is a 0A000 refusal."""
    out = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            if i + 1 >= n:
                raise SqlError("2201B", "invalid regular expression: invalid "
                               "escape \\ sequence")
            nxt = pattern[i + 1]
            if nxt in _ARE_CLASSES:
                out.append(_ARE_CLASSES[nxt])
            elif not nxt.isalnum():
                out.append(re.escape(nxt))
            else:
                raise feature_not_supported(f"regular expression escape "
                                            f"\\{nxt}")
            i += 2
            continue
        if c == "$":
            out.append(r"\Z")
        elif c == "(" and pattern.startswith("(?", i):
            raise feature_not_supported("regular expression (? … ) syntax")
        elif c == "[":
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                if pattern.startswith("[:", j) or pattern.startswith("[=", j) \
                        or pattern.startswith("[.", j):
                    raise feature_not_supported("regular expression "
                                                "character class names")
                j += 1
            if j >= n:
                raise SqlError("2201B", "invalid regular expression: brackets "
                               "[] not balanced")
            body = pattern[i + 1:j].replace("\\", "\\\\")
            out.append("[" + body + "]")
            i = j + 1
            continue
        else:
            out.append(c)
        i += 1
    flags = re.DOTALL | (re.IGNORECASE if fold else 0)
    try:
        return re.compile("".join(out), flags)
    except re.error as exc:
        text = str(exc)
        reason = next((ours for theirs, ours in _RE_ERRORS if theirs in text),
                      "invalid regular expression")
        raise SqlError("2201B", f"invalid regular expression: {reason}"
                       ) from None


# Python's re messages → Spencer's regex library messages (regerror.c)
_RE_ERRORS = (("missing )", "parentheses () not balanced"),
              ("unbalanced parenthesis", "parentheses () not balanced"),
              ("nothing to repeat", "quantifier operand invalid"),
              ("multiple repeat", "quantifier operand invalid"),
              ("unterminated character set", "brackets [] not balanced"),
              ("bad character range", "invalid character range"),
              ("min repeat greater than max", "invalid repetition count(s)"))


def _regex_match(fold: bool, negate: bool) -> Callable[[str, str], bool]:
    def match(value: str, pattern: str) -> bool:
        found = are_regex(pattern, fold).search(value) is not None
        return found != negate
    return match


# ============================================================ registration

def _register_catalog() -> None:
    for op in COMPARE:
        _reg(BINARY, f"oid {op} oid", PY_COMPARE[op])
        _reg(BINARY, f"char {op} char", PY_COMPARE[op])
    for op in ("=", "<>"):
        _reg(BINARY, f"xid {op} xid", PY_COMPARE[op])
        _reg(BINARY, f"cid {op} cid", PY_COMPARE[op])
        _reg(BINARY, f"xid {op} int4", lambda a, b, t=PY_COMPARE[op]:
             t(a, b & 0xFFFFFFFF))
    for left in ("text", "name", "bpchar"):
        for op, fold, negate in (("~", False, False), ("!~", False, True),
                                 ("~*", True, False), ("!~*", True, True)):
            _reg(BINARY, f"{left} {op} text", _regex_match(fold, negate))
    for k in INTS:
        for op, fn in (("&", _op.and_), ("|", _op.or_), ("#", _op.xor)):
            _reg(BINARY, f"{k} {op} {k}", fn)
        _reg(UNARY, f"~ {k}", _op.invert)
        lo, hi, _ = INT_BOUNDS[k]
        width = hi.bit_length() + 1
        # C shifts: the count is taken modulo the width (x86 semantics)
        _reg(BINARY, f"{k} << int4",
             lambda a, b, w=width: _wrap_signed(a << (b & (w - 1)), w))
        _reg(BINARY, f"{k} >> int4", lambda a, b, w=width: a >> (b & (w - 1)))
    FUNCTIONS["array_upper(anyarray,int4)"] = TypedImpl(_bounds("upper"))
    FUNCTIONS["array_lower(anyarray,int4)"] = TypedImpl(_bounds("lower"))
    _fn("array_length(anyarray,int4)",
        lambda a, d: len(a) if a and d == 1 else None)
    _fn("cardinality(anyarray)", len)
    FUNCTIONS["array_to_string(anyarray,text)"] = TypedImpl(
        _array_to_string_factory)
    FUNCTIONS["array_to_string(anyarray,text,text)"] = TypedImpl(
        _array_to_string_factory, strict=False)
    FUNCTIONS["json_build_object()"] = Impl(lambda: "{}")
    FUNCTIONS["json_build_object(any)"] = TypedImpl(
        _json_build_object_factory(False), strict=False)
    FUNCTIONS["jsonb_build_object()"] = Impl(lambda: "{}")
    FUNCTIONS["jsonb_build_object(any)"] = TypedImpl(
        _json_build_object_factory(True), strict=False)
    FUNCTIONS["pg_typeof(any)"] = TypedImpl(_pg_typeof_factory, strict=False)
    _fn("string_to_array(text,text)", _string_to_array, strict=False)
    _fn("string_to_array(text,text,text)", _string_to_array, strict=False)
    from twinning.valueio import cast_function
    for target, source in (("oid", "int8"), ("int8", "oid"), ("text", "name"),
                           ("text", "bool"), ("text", "bpchar"),
                           ("text", "char"), ("name", "text"),
                           ("name", "varchar"), ("name", "bpchar")):
        _fn(f"{target}({source})", cast_function(_t(source), _t(target)))


def lower_bound(rtype: q.ResultType) -> int:
    """An array's lower bound: 1, but 0 for int2vector and oidvector."""
    from twinning.passes.expr.types import VECTORS
    return 0 if rtype.name in VECTORS else 1


def _bounds(which: str):
    def factory(arg_types: Sequence[q.ResultType]):
        low = lower_bound(arg_types[0])

        def bound(array, dim):
            if not array or dim != 1:
                return None
            return low if which == "lower" else low + len(array) - 1
        return lambda settings: bound
    return factory


def _wrap_signed(value: int, width: int) -> int:
    value &= (1 << width) - 1
    return value - (1 << width) if value >> (width - 1) else value


def signatures(name: str) -> list[tuple]:
    from twinning.passes.expr.types import key_of_pg
    return [(n, tuple(key_of_pg(a) for a in args), *rest)
            for n, args, *rest in pg_data.FUNCTIONS if n == name]


def _string_to_array(text, delimiter, null_text=None):
    if text is None:
        return None
    if text == "":
        return ()
    if delimiter is None:
        parts = list(text)
    elif delimiter == "":
        parts = [text]
    else:
        parts = text.split(delimiter)
    return tuple(None if null_text is not None and p == null_text else p
                 for p in parts)


_register_catalog()


# ============================================================ set-returning

def _unnest(arg_types: Sequence[q.ResultType]):
    return lambda array: iter(array)


def _generate_subscripts(arg_types: Sequence[q.ResultType]):
    low = lower_bound(arg_types[0])

    def subscripts(array, dim, reverse=False):
        if not array or dim != 1:
            return iter(())
        found = range(low, low + len(array))
        return iter(reversed(found) if reverse else found)
    return subscripts


def _generate_series(arg_types: Sequence[q.ResultType]):
    def series(start, stop, step=1):
        if step == 0:
            raise SqlError("22023", "step size cannot equal zero")
        return iter(range(start, stop + (1 if step > 0 else -1), step))
    return series


# Set-returning functions for the read path's FROM/target-list machinery:
# signature -> factory(argument types) -> fn(*non-NULL args) -> iterator of
# values (one column each). A NULL argument gives no rows (they are strict).
SET_RETURNING: dict[str, Callable[[Sequence[q.ResultType]], Callable]] = {
    "unnest(anyarray)": _unnest,
    "generate_subscripts(anyarray,int4)": _generate_subscripts,
    "generate_subscripts(anyarray,int4,bool)": _generate_subscripts,
    "generate_series(int4,int4)": _generate_series,
    "generate_series(int4,int4,int4)": _generate_series,
    "generate_series(int8,int8)": _generate_series,
    "generate_series(int8,int8,int8)": _generate_series,
    # no partitions in the twin: no relation has ancestors (PostgreSQL
    # returns no rows for a relation that is not a partition)
    "pg_partition_ancestors(regclass)": lambda types: lambda oid: iter(()),
}
