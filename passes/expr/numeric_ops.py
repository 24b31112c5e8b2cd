"""Integers, numeric and floats: arithmetic with PostgreSQL's overflow
errors, comparisons (NaN above every number), the math functions,
bitwise operators and generate_series.

numeric is Decimal under `values.numeric.CTX`, with PostgreSQL's result
scales (select_div_scale, power's rscale) and NaN/±Infinity rules; floats
are Python floats, float4 rounded through `to_float32`.
"""

from __future__ import annotations

import math
import operator as _op
import random as _random
from decimal import (ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_UP,
                     Decimal, InvalidOperation, localcontext)
from typing import Callable, Sequence

from twinning.errors import (
    feature_not_supported, invalid_argument_for_logarithm,
    invalid_argument_for_power_function, invalid_parameter_value,
    numeric_value_out_of_range,
)
from twinning.ir import query as q
from twinning.passes.expr.registry import (ARITH, BINARY, COMPARE, FLOATS,
                                           INT_BOUNDS, INTS, PY_COMPARE,
                                           SET_RETURNING, UNARY, define,
                                           division_by_zero, float_overflow,
                                           float_underflow, reg)
from twinning.values.floats import to_float32
from twinning.values.numeric import (CTX, canonical, check_storable,
                                     dscale_of, to_base10000)


def _int_checker(result: str) -> Callable[[int], int]:
    lo, hi, label = INT_BOUNDS[result]

    def check(value: int) -> int:
        if lo <= value <= hi:
            return value
        raise numeric_value_out_of_range(f"{label} out of range")
    return check


def _int_binary(op: str, result: str) -> Callable[[int, int], int]:
    lo, hi, label = INT_BOUNDS[result]
    if op == "+":
        def f(a, b):
            r = a + b
            if lo <= r <= hi:
                return r
            raise numeric_value_out_of_range(f"{label} out of range")
    elif op == "-":
        def f(a, b):
            r = a - b
            if lo <= r <= hi:
                return r
            raise numeric_value_out_of_range(f"{label} out of range")
    elif op == "*":
        def f(a, b):
            r = a * b
            if lo <= r <= hi:
                return r
            raise numeric_value_out_of_range(f"{label} out of range")
    elif op == "/":
        def f(a, b):
            if b == 0:
                raise division_by_zero()
            r = abs(a) // abs(b)
            if (a < 0) != (b < 0):
                r = -r
            if lo <= r <= hi:
                return r
            raise numeric_value_out_of_range(f"{label} out of range")
    else:  # %
        def f(a, b):
            if b == 0:
                raise division_by_zero()
            r = abs(a) % abs(b)
            return -r if a < 0 else r
    return f


def _neg_int(result: str) -> Callable[[int], int]:
    check = _int_checker(result)
    return lambda a: check(-a)


def _int_abs(result: str) -> Callable[[int], int]:
    check = _int_checker(result)
    return lambda a: check(abs(a))


def _wrap_signed(value: int, width: int) -> int:
    value &= (1 << width) - 1
    return value - (1 << width) if value >> (width - 1) else value


# -- numeric ------------------------------------------------------------------------


def numeric_result(value: Decimal) -> Decimal:
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


def num_add(a: Decimal, b: Decimal) -> Decimal:
    if a.is_finite() and b.is_finite():
        return numeric_result(CTX.add(a, b))
    return _special_arith("+", a, b)


def _num_sub(a: Decimal, b: Decimal) -> Decimal:
    if a.is_finite() and b.is_finite():
        return numeric_result(CTX.subtract(a, b))
    return _special_arith("-", a, b)


def _num_mul(a: Decimal, b: Decimal) -> Decimal:
    if a.is_finite() and b.is_finite():
        return numeric_result(CTX.multiply(a, b))
    return _special_arith("*", a, b)


def _weight_first(value: Decimal) -> tuple[int, int]:
    digits, weight, _, _ = to_base10000(value)
    return (weight, digits[0]) if digits else (0, 0)


def div_round(a: Decimal, b: Decimal, rscale: int) -> Decimal:
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
        return numeric_result(div_round(a, b, div_scale(a, b)))
    if a.is_nan() or b.is_nan():
        return Decimal("NaN")
    if b.is_zero():
        raise division_by_zero()
    if a.is_infinite() and b.is_infinite():
        return Decimal("NaN")
    if b.is_infinite():
        return Decimal(0)
    return a if b > 0 else -a


def _num_div_exact(a: Decimal, b: Decimal) -> Decimal:
    if b.is_zero():
        raise division_by_zero()
    with localcontext(CTX) as c:
        c.rounding = ROUND_DOWN
        return (a / b).to_integral_value(ROUND_DOWN)


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
    return numeric_result(r.quantize(Decimal((0, (1,), -scale)), context=CTX))


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
        raise invalid_argument_for_power_function("zero raised to a negative power is undefined")
    integral = b == b.to_integral_value()
    if a < 0 and not integral:
        raise invalid_argument_for_power_function("a negative number raised to a non-integer "
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
    return numeric_result(r.quantize(Decimal((0, (1,), -rscale)),
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
        raise numeric_value_out_of_range("value overflows numeric format")
    if exp > 0:
        exact = CTX.power(a, exp)
        return numeric_result(exact.quantize(unit, rounding=ROUND_HALF_UP,
                                              context=CTX))
    return numeric_result(div_round(Decimal(1), CTX.power(a, -exp),
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


# -- floats -------------------------------------------------------------------------


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
    if a != a or b != b:  # dpow: NaN ^ 0 = 1 ^ NaN = 1, other NaNs NaN
        return 1.0 if (a != a and b == 0) or (b != b and a == 1.0) else math.nan
    if a == 0 and b < 0:
        raise invalid_argument_for_power_function("zero raised to a negative power is undefined")
    if a < 0 and not math.isinf(b) and math.floor(b) != b:
        raise invalid_argument_for_power_function("a negative number raised to a non-integer "
                                                  "power yields a complex result")
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


# -- functions ----------------------------------------------------------------------


def _min_scale(a: Decimal) -> int:
    """get_min_scale: the scale without the trailing fractional zeros."""
    text = format(a, "f")
    if "." not in text:
        return 0
    return len(text.rstrip("0").split(".")[1])


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
    return numeric_result(r)


def _num_trunc(a: Decimal, scale: int = 0) -> Decimal:
    if not a.is_finite():
        return a
    scale = max(min(scale, 1000), -1000)
    r = a.quantize(Decimal((0, (1,), -scale)), rounding=ROUND_DOWN, context=CTX)
    if scale < 0:
        r = r.quantize(Decimal(1), context=CTX)
    return numeric_result(r)


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
        raise invalid_argument_for_power_function("cannot take square root of a negative number")
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


# -- ln, log and exp of numeric (numeric.c: ln_var, log_var, exp_var) --------------
#
# PostgreSQL picks each result's scale from estimates of its weight, then
# computes with guard digits and rounds half away from zero; the decimal
# module at a generous precision, rounded the same way, gives its digits.

def _ln_dweight(a: Decimal) -> int:
    """estimate_ln_dweight(): the decimal weight of ln(a), estimated."""
    if a <= 0:
        return 0
    if Decimal("0.9") <= a <= Decimal("1.1"):
        x = a - 1
        return 0 if x.is_zero() else x.adjusted()
    digits, weight, _, _ = to_base10000(a)
    leading = digits[0]
    dweight = weight * 4
    if len(digits) > 1:
        leading = leading * 10000 + digits[1]
        dweight -= 4
    return int(math.log10(abs(math.log(leading) + dweight * math.log(10))))


def _log_argument(a: Decimal) -> None:
    if a.is_zero():
        raise invalid_argument_for_logarithm("cannot take logarithm of zero")
    if a < 0:
        raise invalid_argument_for_logarithm("cannot take logarithm of a negative number")


def _rounded(compute, rscale: int, magnitude: int) -> Decimal:
    with localcontext() as c:
        c.prec = max(magnitude, 0) + rscale + 30
        c.Emax, c.Emin = 10**9, -10**9
        value = compute()
    return numeric_result(value.quantize(Decimal((0, (1,), -rscale)),
                                         rounding=ROUND_HALF_UP, context=CTX))


def _num_ln(a: Decimal) -> Decimal:
    if a.is_nan():
        return a
    _log_argument(a)
    if a.is_infinite():
        return a
    dweight = _ln_dweight(a)
    rscale = min(max(16 - dweight, dscale_of(a), 0), 1000)
    return _rounded(a.ln, rscale, dweight)


def _num_log(base: Decimal, num: Decimal) -> Decimal:
    """log(base, num): ln(num) / ln(base) at log_var's scale."""
    if base.is_nan() or num.is_nan():
        return Decimal("NaN")
    if not (base.is_finite() and num.is_finite()):
        _log_argument(base)
        _log_argument(num)
        if base.is_infinite():
            return Decimal("NaN") if num.is_infinite() else Decimal(0)
        return num
    _log_argument(base)
    _log_argument(num)
    dweight = _ln_dweight(num) - _ln_dweight(base)
    rscale = min(max(16 - dweight, dscale_of(base), dscale_of(num), 0), 1000)
    if base == 1:
        raise division_by_zero()
    return _rounded(lambda: num.ln() / base.ln(), rscale, dweight)


def _num_exp(a: Decimal) -> Decimal:
    if a.is_nan():
        return a
    if a.is_infinite():
        return a if a > 0 else Decimal(0)
    weight = max(min(float(a) * 0.434294481903252, 2000), -2000)
    rscale = min(max(16 - int(weight), dscale_of(a), 0), 1000)
    if abs(float(a)) >= 2000 * 3:
        if a > 0:
            raise numeric_value_out_of_range("value overflows numeric format")
        return Decimal(0).quantize(Decimal((0, (1,), -rscale)))
    return _rounded(a.exp, rscale, int(weight))


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
    # float8_sign: neither > 0 nor < 0, NaN's sign is 0
    return float((a > 0) - (a < 0))


def _float_sqrt(a: float) -> float:
    if a < 0:
        raise invalid_argument_for_power_function("cannot take square root of a negative number")
    return math.sqrt(a)


def _float_log(log: Callable[[float], float]) -> Callable[[float], float]:
    """dlog1() / dlog10(): the same domain checks around either logarithm."""
    def float_log(a: float) -> float:
        if a == 0:
            raise invalid_argument_for_logarithm("cannot take logarithm of zero")
        if a < 0:
            raise invalid_argument_for_logarithm("cannot take logarithm of a negative number")
        return log(a) if not math.isinf(a) else a
    return float_log


_float_ln = _float_log(math.log)
_float_log10 = _float_log(math.log10)


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


def _generate_series(arg_types: Sequence[q.ResultType]):
    def series(start, stop, step=1):
        if step == 0:
            raise invalid_parameter_value("step size cannot equal zero")
        return iter(range(start, stop + (1 if step > 0 else -1), step))
    return series


def _in_range(value: int, top: int, label: str) -> int:
    """A result of int4gcd/int8gcd & co. that must fit the type (the
    gcd of the minimum and 0 or itself does not)."""
    if value > top:
        raise numeric_value_out_of_range(f"{label} out of range")
    return value


def _lcm(a: int, b: int, top: int, label: str) -> int:
    """int4lcm/int8lcm: 0 when either is 0, else |a / gcd(a, b) * b|."""
    if a == 0 or b == 0:
        return 0
    product = a // _in_range(math.gcd(a, b), top, label) * b
    if not -top <= product <= top:  # the minimum has no absolute value
        raise numeric_value_out_of_range(f"{label} out of range")
    return abs(product)


def register() -> None:
    order = {"int2": 0, "int4": 1, "int8": 2}
    for a in INTS:
        for b in INTS:
            result = max(a, b, key=order.get)
            for op in ARITH:
                reg(BINARY, f"{a} {op} {b}", _int_binary(op, result))
            for op in COMPARE:
                reg(BINARY, f"{a} {op} {b}", PY_COMPARE[op])
        reg(BINARY, f"{a} % {a}", _int_binary("%", a))
        reg(UNARY, f"- {a}", _neg_int(a))
        reg(UNARY, f"+ {a}", lambda v: v)
        reg(UNARY, f"@ {a}", _int_abs(a))
    for op, fn in (("+", num_add), ("-", _num_sub), ("*", _num_mul),
                   ("/", _num_div), ("%", _num_mod), ("^", _num_pow)):
        reg(BINARY, f"numeric {op} numeric", fn)
    for op in COMPARE:
        reg(BINARY, f"numeric {op} numeric", _numeric_compare(op),
            fast=PY_COMPARE[op] if op not in ("=", "<>") else None)
    # copy_negate: exact (unary minus would round to the thread's context)
    reg(UNARY, "- numeric",
        lambda v: canonical(v.copy_negate()) if not v.is_nan() else v)
    reg(UNARY, "+ numeric", lambda v: v)
    reg(UNARY, "@ numeric", _num_abs)
    for a in FLOATS:
        for b in FLOATS:
            result = "float8" if "float8" in (a, b) else "float4"
            for op in ARITH:
                reg(BINARY, f"{a} {op} {b}", _float_binary(op, result))
            for op in COMPARE:
                reg(BINARY, f"{a} {op} {b}", _float_compare(op))
        reg(UNARY, f"- {a}", lambda v: -v)
        reg(UNARY, f"+ {a}", lambda v: v)
        reg(UNARY, f"@ {a}", abs)
    reg(BINARY, "float8 ^ float8", float_pow)
    reg(UNARY, "|/ float8", _float_sqrt)
    for k in INTS:
        for op, fn in (("&", _op.and_), ("|", _op.or_), ("#", _op.xor)):
            reg(BINARY, f"{k} {op} {k}", fn)
        reg(UNARY, f"~ {k}", _op.invert)
        lo, hi, _ = INT_BOUNDS[k]
        width = hi.bit_length() + 1
        # C shifts: the count is taken modulo the width (x86 semantics)
        reg(BINARY, f"{k} << int4",
            lambda a, b, w=width: _wrap_signed(a << (b & (w - 1)), w))
        reg(BINARY, f"{k} >> int4", lambda a, b, w=width: a >> (b & (w - 1)))
    for k in INTS:
        define(f"abs({k})", _int_abs(k))
    define("abs(numeric)", _num_abs)
    define("to_hex(int4)", lambda v: format(v & 0xFFFFFFFF, "x"))
    define("to_hex(int8)", lambda v: format(v & 0xFFFFFFFFFFFFFFFF, "x"))
    for k, label in (("int4", "integer"), ("int8", "bigint")):
        top = INT_BOUNDS[k][1]
        define(f"gcd({k},{k})", lambda a, b, top=top, label=label:
               _in_range(math.gcd(a, b), top, label))
        define(f"lcm({k},{k})", lambda a, b, top=top, label=label:
               _lcm(a, b, top, label))
    define("abs(float8)", abs)
    define("abs(float4)", abs)
    define("round(float8)", _float_round)
    define("round(numeric)", _num_round)
    define("round(numeric,int4)", _num_round)
    define("trunc(float8)", _float_trunc)
    define("trunc(numeric)", _num_trunc)
    define("trunc(numeric,int4)", _num_trunc)
    define("floor(float8)", _float_floor)
    define("floor(numeric)", _num_floor)
    for name in ("ceil", "ceiling"):
        define(f"{name}(float8)", _float_ceil)
        define(f"{name}(numeric)", _num_ceil)
    for k in INTS:
        define(f"mod({k},{k})", _int_binary("%", k))
    define("mod(numeric,numeric)", _num_mod)
    for name in ("power", "pow"):
        define(f"{name}(float8,float8)", float_pow)
        define(f"{name}(numeric,numeric)", _num_pow)
    define("sqrt(float8)", _float_sqrt)
    define("sqrt(numeric)", _num_sqrt)
    define("sign(float8)", _float_sign)
    define("sign(numeric)", _num_sign)
    define("exp(float8)", _float_exp)
    define("exp(numeric)", _num_exp)
    define("ln(numeric)", _num_ln)
    define("log(numeric,numeric)", _num_log)
    define("log(numeric)", lambda a: _num_log(Decimal(10), a))
    define("log10(numeric)", lambda a: _num_log(Decimal(10), a))
    define("ln(float8)", _float_ln)
    define("log(float8)", _float_log10)
    define("log10(float8)", _float_log10)
    define("cbrt(float8)", _float_cbrt)
    define("pi()", lambda: math.pi)
    define("scale(numeric)", lambda a: dscale_of(a) if a.is_finite() else None)
    define("min_scale(numeric)", lambda a: _min_scale(a) if a.is_finite()
           else None)
    define("trim_scale(numeric)", lambda a: CTX.quantize(
        a, Decimal(1).scaleb(-_min_scale(a))) if a.is_finite() else a)
    define("div(numeric,numeric)", lambda a, b: _num_trunc(_num_div_exact(a, b)))
    define("random()", _random.random, volatile=True)
    for sig in ("generate_series(int4,int4)", "generate_series(int4,int4,int4)",
                "generate_series(int8,int8)", "generate_series(int8,int8,int8)"):
        SET_RETURNING[sig] = _generate_series
