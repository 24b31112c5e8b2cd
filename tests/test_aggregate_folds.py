"""Whole-group folds agree with the row-by-row accumulators.

GROUP BY computes count/sum/avg/min/max over a group's values in one go
(`aggregates.fold`); DISTINCT or ORDER BY inside the call still steps the
accumulator row by row. Both must give the same value, bit for bit for
floats (PostgreSQL adds doubles in row order), and the same error: float
overflow of the sum, and of avg's Youngs-Cramer squared deviations.
"""

from __future__ import annotations

import math
import struct
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from twinning.errors import SqlError
from twinning.passes.expr import types
from twinning.passes.expr.aggregates import accumulator, fold

FLOATS = st.one_of(
    st.floats(-1e6, 1e6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e308, -1e308, 1e200, -1e200, 1e154, -0.0, 0.1, 0.7]))
NUMERICS = st.one_of(
    st.decimals(min_value=-10**12, max_value=10**12, places=4,
                allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity"),
                     Decimal("1.10"), Decimal("-0.005")]))
INTS = st.integers(-2**63, 2**63 - 1)


def _outcome(compute, values):
    try:
        result = compute(values)
    except SqlError as exc:
        return ("error", exc.sqlstate, exc.message)
    if isinstance(result, float):
        return ("float", struct.pack(">d", result))  # -0.0, NaN bits alike
    if isinstance(result, Decimal):
        return ("numeric", str(result))
    return ("value", result)


def _stepped(signature, type_name):
    init, step, final = accumulator(signature, [types.result_type(type_name)])

    def run(values):
        state = init()
        for v in values:
            state = step(state, (v,))
        return final(state)
    return run


def _check(name, type_name, values):
    signature = f"{name}({type_name})"
    folded = fold(signature, [types.result_type(type_name)])
    assert folded is not None
    present = [v for v in values if v is not None]
    assert _outcome(folded, present) == _outcome(
        _stepped(signature, type_name), values), (signature, values)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), FLOATS), max_size=12),
       st.sampled_from(["sum", "avg"]))
def test_float8_fold_matches_steps(values, name):
    _check(name, "float8", values)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), FLOATS.filter(
    lambda f: math.isnan(f) or abs(f) < 3e38)), max_size=12))
def test_float4_avg_fold_matches_steps(values):
    _check("avg", "float4", values)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), NUMERICS), max_size=12),
       st.sampled_from(["sum", "avg", "min", "max"]))
def test_numeric_fold_matches_steps(values, name):
    _check(name, "numeric", values)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), INTS), max_size=12),
       st.sampled_from(["int2", "int4", "int8"]),
       st.sampled_from(["sum", "avg"]))
def test_integer_fold_matches_steps(values, type_name, name):
    bound = {"int2": 2**15, "int4": 2**31, "int8": 2**63}[type_name]
    values = [v if v is None else max(-bound, min(bound - 1, v))
              for v in values]
    _check(name, type_name, values)


def test_avg_float8_squared_deviation_overflow():
    """The sum fits, the squared deviations do not: PostgreSQL's
    float8_accum raises, although avg() only divides the sum."""
    values = [1e200, -1e200]
    folded = fold("avg(float8)", [types.result_type("float8")])
    assert _outcome(folded, values)[:2] == ("error", "22003")
    assert folded([1e100, -1e100]) == 0.0


def test_float8_sum_adds_in_row_order():
    values = [1e16, 1.0, -1e16, 1.0]
    folded = fold("sum(float8)", [types.result_type("float8")])
    assert folded(values) == ((1e16 + 1.0) - 1e16) + 1.0 == 1.0
