"""stddev/stddev_samp/stddev_pop and variance/var_samp/var_pop.

Integers and numeric accumulate exactly (numeric_accum, int4_accum's
128-bit sums: N, sum(X), sum(X*X)) and finish as
numeric_stddev_internal does: N*sum(X*X) - sum(X)^2 at twice sum(X)'s
scale (zero when roundoff leaves it negative), divided by N*(N-1) or N*N
with numeric division's result scale, the square root taken at that same
scale; any NaN or infinite input gives NaN. float4/float8 accumulate
with float8_accum's Youngs-Cramer steps (`aggregates._float8_accum`, its
overflow error included) and finish in float8.

corr, covar_pop/covar_samp and the regr_* aggregates take (Y, X) as
float8 and accumulate float8_regr_accum's N, Sx, Sxx, Sy, Syy, Sxy,
skipping rows where either is NULL; their final functions are
float8_corr, float8_covar_pop, … with PostgreSQL's NULL results.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any, Callable

from twinning.passes.expr import runtime
from twinning.passes.expr.registry import float_overflow
from twinning.values.numeric import CTX, dscale_of

__all__ = ["variance_accumulator", "NAMES"]

# name -> (sample, square root)
NAMES = {"stddev": (True, True), "stddev_samp": (True, True),
         "stddev_pop": (False, True), "variance": (True, False),
         "var_samp": (True, False), "var_pop": (False, False)}
_NUMERIC = ("int2", "int4", "int8", "numeric")


def variance_accumulator(name: str, arg: str, float_accum: Callable):
    sample, root = NAMES[name]
    if arg in _NUMERIC:
        return _numeric(sample, root)
    return _float(sample, root, float_accum)


def _numeric(sample: bool, root: bool):
    div = runtime.binary("numeric / numeric").fn

    def step(state, args):
        v = args[0]
        if v is None:
            return state
        n, sx, sxx, special = state
        v = Decimal(v)
        if not v.is_finite():
            return n + 1, sx, sxx, True
        sxx = CTX.add(sxx, CTX.multiply(v, v))
        return n + 1, CTX.add(sx, v), sxx, special

    def final(state):
        n, sx, sxx, special = state
        if special:
            return Decimal("NaN")
        if n <= (1 if sample else 0):
            return None
        rscale = dscale_of(sx) * 2
        numerator = CTX.subtract(CTX.multiply(Decimal(n), sxx),
                                 CTX.multiply(sx, sx))
        if numerator <= 0:
            return Decimal(0)
        numerator = CTX.quantize(numerator, Decimal(1).scaleb(-rscale))
        denominator = Decimal(n * (n - 1) if sample else n * n)
        result = div(numerator, denominator)
        return _sqrt(result) if root else result
    return (lambda: (0, Decimal(0), Decimal(0), False)), step, final


def _sqrt(value: Decimal) -> Decimal:
    """sqrt_var at the variance's own scale, rounded half up."""
    scale = dscale_of(value)
    with localcontext() as ctx:
        ctx.prec = len(value.as_tuple().digits) + scale + 20
        exact = value.sqrt()
        return exact.quantize(Decimal(1).scaleb(-scale), ROUND_HALF_UP)


def _float(sample: bool, root: bool, float_accum: Callable):
    def step(state, args):
        v = args[0]
        return state if v is None else float_accum(state, float(v))

    def final(state):
        n, _, sxx = state
        if n <= (1.0 if sample else 0.0):
            return None
        result = sxx / (n - 1.0 if sample else n)
        return math.sqrt(result) if root else result
    return (lambda: (0.0, 0.0, 0.0)), step, final


def _regr_step(state: tuple, args: tuple) -> tuple:
    """float8_regr_accum."""
    y, x = args
    if y is None or x is None:
        return state
    n0, sx0, sxx, sy0, syy, sxy = state
    n, sx, sy = n0 + 1.0, sx0 + x, sy0 + y
    if n0 > 0.0:
        tx, ty = x * n - sx, y * n - sy
        scale = 1.0 / (n * n0)
        sxx += tx * tx * scale
        syy += ty * ty * scale
        sxy += tx * ty * scale
        inf = math.isinf
        if inf(sx) or inf(sxx) or inf(sy) or inf(syy) or inf(sxy):
            if ((inf(sx) or inf(sxx)) and not inf(sx0) and not inf(x)) or \
                    ((inf(sy) or inf(syy)) and not inf(sy0) and not inf(y)) or \
                    (inf(sxy) and not inf(sx0) and not inf(x)
                     and not inf(sy0) and not inf(y)):
                raise float_overflow()
            sxx = math.nan if inf(sxx) else sxx
            syy = math.nan if inf(syy) else syy
            sxy = math.nan if inf(sxy) else sxy
    else:
        if math.isnan(x) or math.isinf(x):
            sxx = sxy = math.nan
        if math.isnan(y) or math.isinf(y):
            syy = sxy = math.nan
    return n, sx, sxx, sy, syy, sxy


def _corr(n, sx, sxx, sy, syy, sxy):
    if n < 1.0 or sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def _r2(n, sx, sxx, sy, syy, sxy):
    if n < 1.0 or sxx == 0:
        return None
    return 1.0 if syy == 0 else (sxy * sxy) / (sxx * syy)


_REGR = {
    "corr": _corr,
    "covar_pop": lambda n, sx, sxx, sy, syy, sxy: None if n < 1.0 else sxy / n,
    "covar_samp": lambda n, sx, sxx, sy, syy, sxy:
        None if n < 2.0 else sxy / (n - 1.0),
    "regr_count": lambda n, *rest: int(n),
    "regr_sxx": lambda n, sx, sxx, sy, syy, sxy: None if n < 1.0 else sxx,
    "regr_syy": lambda n, sx, sxx, sy, syy, sxy: None if n < 1.0 else syy,
    "regr_sxy": lambda n, sx, sxx, sy, syy, sxy: None if n < 1.0 else sxy,
    "regr_avgx": lambda n, sx, sxx, sy, syy, sxy: None if n < 1.0 else sx / n,
    "regr_avgy": lambda n, sx, sxx, sy, syy, sxy: None if n < 1.0 else sy / n,
    "regr_slope": lambda n, sx, sxx, sy, syy, sxy:
        None if n < 1.0 or sxx == 0 else sxy / sxx,
    "regr_intercept": lambda n, sx, sxx, sy, syy, sxy:
        None if n < 1.0 or sxx == 0 else (sy - sx * sxy / sxx) / n,
    "regr_r2": _r2,
}


def _regression(final: Callable):
    return (lambda: (0.0,) * 6), _regr_step, lambda state: final(*state)


def accumulators(float_accum: Callable) -> dict[str, Any]:
    """`aggregates._IMPLEMENTED` entries, signature -> factory."""
    out = {f"{name}(float8,float8)": (lambda f: lambda types: _regression(f))(
        final) for name, final in _REGR.items()}
    for name in NAMES:
        for arg in _NUMERIC + ("float4", "float8"):
            out[f"{name}({arg})"] = (
                lambda n, a: lambda types: variance_accumulator(
                    n, a, float_accum))(name, arg)
    return out
