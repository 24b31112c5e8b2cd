"""Aggregate functions: which one a call means, and what it computes.

Typing follows PostgreSQL: the candidates are `pg_proc`'s aggregate rows
(`pg_data`, prokind 'a'), chosen by the same candidate selection as
ordinary functions, so `sum(int4)` is bigint, `avg(int8)` numeric and
`sum(text)` the 42883 PostgreSQL gives. Computing reuses the operators'
own implementations (`numeric + numeric`, `numeric / numeric`, …), so a
sum overflows, and an average gets its scale, exactly as the operators do.

An aggregate the twin does not implement is refused with 0A000 naming it.
"""

from __future__ import annotations

import math
import operator
import sys
from decimal import Decimal, InvalidOperation, localcontext
from functools import reduce
from typing import Any, Callable, Sequence

from twinning.deferred import deferred
from twinning.errors import (
    feature_not_supported, function_not_unique, invalid_parameter_value,
    numeric_value_out_of_range,
)
from twinning.ir import query as q
from twinning.ir.types import is_enum_key
from twinning.passes.expr import pg_data, runtime, variance
from twinning.passes.expr.records import record_of
from twinning.passes.expr.numeric_ops import num_add, numeric_result
from twinning.passes.expr.registry import float_overflow, output
from twinning.passes.expr.ordering import sort_key
from twinning.passes.expr.ordered_set import ORDERED_SET_NAMES
from twinning.passes.expr.types import display, key, key_of_pg, result_type
from twinning.passes.expr.typmods import call_result
from twinning.passes.user_functions import type_user_aggregate
from twinning.values import md_arrays
from twinning.values.json import escape_json, parse_jsonb
from twinning.values.numeric import CTX
from twinning.values.settings import DEFAULT_SETTINGS

json_ops = deferred("twinning.passes.expr.json_ops", globals(), "json_ops")

__all__ = ["type_aggregate", "accumulator", "fold", "AGGREGATE_NAMES",
           "plain_candidates"]


def _pos(location: int) -> int | None:
    return location + 1 if location is not None and location >= 0 else None


def _candidates() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, args, result, _variadic, kind, _retset in pg_data.FUNCTIONS:
        if kind == "a":
            out.setdefault(name, []).append(
                (tuple(key_of_pg(a) for a in args), key_of_pg(result)))
    return out


_CANDIDATES = _candidates()
# every aggregate the read path routes a call of to its aggregate hook
AGGREGATE_NAMES = frozenset(_CANDIDATES) | ORDERED_SET_NAMES


def plain_candidates(name: str) -> list[tuple[tuple[str, ...], str]]:
    """The plain (not ordered-set) aggregates of a name: argument and
    result keys."""
    return _CANDIDATES.get(name, [])

_SUMMABLE = ("int2", "int4", "int8", "numeric", "float4", "float8", "interval")
_ORDERED = ("int2", "int4", "int8", "numeric", "float4", "float8", "text",
            "bpchar", "varchar", "date", "time", "timetz", "timestamp", "timestamptz",
            "interval", "bool", "uuid", "bytea", "oid")


def type_aggregate(name: str, args: Sequence[q.TExpr], star: bool,
                   location: int, qualified: tuple[str, ...] | None = None
                   ) -> tuple[str, tuple[q.ResultType, ...], q.ResultType]:
    """(signature, argument target types, result type) of an aggregate call."""
    from twinning.passes.expr.candidates import Candidate
    from twinning.passes.expr.analyze import (_no_function,
                                              select_candidate)
    if star and name == "count":
        return "count()", (), q.INT8
    user = type_user_aggregate(name, args, location,
                               qualified)  # CREATE AGGREGATE's
    if user is not None:
        return user[:2] + (call_result(user[2]),)
    inputs = [key(a.type) for a in args]
    cands = [Candidate(name, a, r) for a, r in _CANDIDATES.get(name, ())
             if len(a) == len(args)]
    exact = [c for c in cands if list(c.args) == inputs]
    if exact:
        chosen = (exact[0], exact[0].args)
    else:
        found, ambiguous = select_candidate(inputs, cands)
        if len(found) != 1:
            if ambiguous:
                raise function_not_unique(
                    f"{name}({', '.join(display(i) for i in inputs)})",
                    _pos(location))
            raise _no_function(name, list(args), location)
        chosen = found[0]
    cand, declared = chosen
    targets = []
    for arg, want in zip(args, declared):
        if want in ("any", "anynonarray", "anyelement", "anyarray",
                    "anyenum"):
            targets.append(arg.type if arg.type != q.UNKNOWN else
                           result_type("text"))
        else:
            targets.append(result_type(want))
    signature = f"{name}({','.join(declared)})"
    if cand.result == "anyarray" and name == "array_agg":
        element = targets[0]
        if element.sql_type is None:
            raise feature_not_supported("array_agg of this type", _pos(location))
        if element.sql_type.is_array:  # stacked: one more dimension
            result = q.ResultType.of(element.sql_type)
            signature = "array_agg(anyarray)"
        else:
            result = q.ResultType.of(element.sql_type.array_of())
            signature = "array_agg(anynonarray)"
    elif cand.result.startswith("any"):
        result = targets[0]
    else:
        result = result_type(cand.result)
    if signature not in _IMPLEMENTED and not _generic_minmax(name, targets):
        raise feature_not_supported(f"aggregate function {name}("
                                    f"{', '.join(display(d) for d in declared)})",
                                    _pos(location))
    if name.startswith(("json_", "jsonb_")) and any(
            t is not None and not _json_ready(t) for t in targets):
        raise feature_not_supported(
            f"aggregate function {name} of "
            f"{', '.join(display(key(t)) for t in targets)}", _pos(location))
    if None in targets or result is None:
        raise feature_not_supported(f"aggregate function {name} on "
                                    f"{', '.join(display(i) for i in inputs)}",
                                    _pos(location))
    return signature, tuple(targets), call_result(result)


def _generic_minmax(name: str, targets: Sequence[q.ResultType]) -> bool:
    return name in ("min", "max") and len(targets) == 1 and \
        (targets[0].name.removesuffix("[]") in _ORDERED
         or is_enum_key(targets[0].name))


# -- computing ----------------------------------------------------------------------
#
# An accumulator is (init, step, final): `init()` a fresh state, `step(state,
# args)` the next state for one input row's argument values, `final(state)`
# the result. NULL handling is the aggregate's own (strict transition
# functions skip NULL inputs).

Accumulator = tuple[Callable[[], Any], Callable[[Any, tuple], Any],
                    Callable[[Any], Any]]


def _count_star() -> Accumulator:
    return (lambda: 0), (lambda n, args: n + 1), (lambda n: n)


def _count() -> Accumulator:
    return (lambda: 0), (lambda n, args: n if args[0] is None else n + 1), \
        (lambda n: n)


def _add(sig: str) -> Callable[[Any, Any], Any]:
    impl = runtime.binary(sig)
    return impl.fn


def _sum(arg: str) -> Accumulator:
    convert: Callable[[Any], Any] = _same
    if arg in ("int2", "int4"):
        plus = _add("int8 + int8")  # int4_sum: a bigint accumulator
    elif arg == "int8":
        plus, convert = _add("numeric + numeric"), Decimal  # int8_sum
    else:
        plus = _add(f"{arg} + {arg}")

    def step(state, args):
        v = args[0]
        if v is None:
            return state
        v = convert(v)
        return v if state is None else plus(state, v)
    return (lambda: None), step, _same


def _same(value: Any) -> Any:
    return value


def _float8_accum(state: tuple, v: float) -> tuple:
    """One step of float8_accum (float4_accum adds in float8 too): the
    count, the sum and Youngs-Cramer's sum of squared deviations, whose
    overflow PostgreSQL reports even though avg() only divides the sum."""
    n0, sx0, sxx = state
    n, sx = n0 + 1.0, sx0 + v
    if n0 > 0.0:
        tmp = v * n - sx
        sxx += tmp * tmp / (n * n0)
        if math.isinf(sx) or math.isinf(sxx):
            if not (math.isinf(sx0) or math.isinf(v)):
                raise float_overflow()
            sxx = math.nan
    elif math.isnan(v) or math.isinf(v):
        sxx = math.nan
    return n, sx, sxx


def _avg(arg: str) -> Accumulator:
    if arg in ("int2", "int4", "int8", "numeric"):
        plus = _add("numeric + numeric")
        div = _add("numeric / numeric")
        to_num = Decimal

        def step(state, args):
            v = args[0]
            if v is None:
                return state
            total, n = state
            return (to_num(v) if total is None else plus(total, to_num(v)),
                    n + 1)

        def final(state):
            total, n = state
            return None if n == 0 else div(total, to_num(n))
        return (lambda: (None, 0)), step, final
    if arg in ("float4", "float8"):
        def fstep(state, args):
            v = args[0]
            return state if v is None else _float8_accum(state, float(v))

        def ffinal(state):
            n, total, _ = state
            return None if n == 0.0 else total / n
        return (lambda: (0.0, 0.0, 0.0)), fstep, ffinal
    plus = _add("interval + interval")
    div = _add("interval / float8")

    def istep(state, args):
        v = args[0]
        if v is None:
            return state
        return (v if state[0] is None else plus(state[0], v), state[1] + 1)

    def ifinal(state):
        return None if state[1] == 0 else div(state[0], float(state[1]))
    return (lambda: (None, 0)), istep, ifinal


def _keeps_first(arg: q.ResultType) -> bool:
    """Which of two equal values min/max keep: the transition functions
    (numeric_smaller, float8larger, interval_smaller, array_larger, ...)
    return the new value unless the state is strictly better, so among
    equal but distinguishable values (0 and -0, 1.0 and 1.00, '1 day' and
    '24 hours') the last wins; bpchar_smaller/larger keep the state."""
    return arg.name == "bpchar"


def _extreme(arg: q.ResultType, want_max: bool) -> Accumulator:
    order = sort_key(arg) or _same
    first = _keeps_first(arg)

    def step(state, args):
        v = args[0]
        if v is None:
            return state
        if state is None:
            return v
        if first:
            if want_max:
                return v if order(state) < order(v) else state
            return v if order(v) < order(state) else state
        if want_max:
            return state if order(v) < order(state) else v
        return state if order(state) < order(v) else v
    return (lambda: None), step, (lambda s: s)


def _bool(want_and: bool) -> Accumulator:
    def step(state, args):
        v = args[0]
        if state is None or v is None:  # strict: the first non-NULL starts it
            return state if v is None else v
        return (state and v) if want_and else (state or v)
    return (lambda: None), step, (lambda s: s)


def _string_agg(empty: Any) -> Accumulator:
    def step(state, args):
        value, delim = args
        if value is None:
            return state
        if state is None:
            return [value]
        state.append(delim if delim is not None else empty)
        state.append(value)
        return state
    return (lambda: None), step, (lambda s: None if s is None else empty.join(s))


def _array_agg() -> Accumulator:
    def step(state, args):
        if state is None:
            state = []
        state.append(args[0])
        return state
    return (lambda: None), step, (lambda s: None if s is None else tuple(s))


def _array_agg_arrays() -> Accumulator:
    def step(state, args):
        if state is None:
            state = md_arrays.Accumulator()
        state.add(args[0])
        return state
    return (lambda: None), step, (lambda s: None if s is None else s.result())


# json[b]_agg and json[b]_object_agg over the types whose JSON form does
# not depend on session settings (to_json of floats, dates and times
# does: those stay 0A000)
_JSON_READY = frozenset({"int2", "int4", "int8", "numeric", "bool", "text",
                         "varchar", "bpchar", "name", "json", "jsonb", "uuid"})


def _json_ready(t: q.ResultType) -> bool:
    """A type whose to_json text does not depend on the settings (a
    composite: when each of its fields' does)."""
    record = record_of(t)
    if record is not None:
        return all(_json_ready(q.ResultType.of(f)) for _, f in record.fields)
    return t.name.removesuffix("[]") in _JSON_READY  # arrays of them too


def _json_final(opening: str, separator: str, closing: str, binary: bool
                ) -> Callable:
    """json[b]_agg's and json[b]_object_agg's final function: the pieces
    the steps gathered, joined and bracketed (jsonb: read as jsonb)."""
    def final(state):
        if state is None:
            return None
        text = opening + separator.join(state) + closing
        return parse_jsonb(text) if binary else text
    return final


def _json_agg(arg_types: Sequence[q.ResultType], binary: bool) -> Accumulator:
    """json_agg_transfn: `[a, b, …]`, NULL elements as null; an array or
    composite element after the first (a NULL one aside) is set on a new
    line, `, \\n `, as PostgreSQL 15 appends "\\n " for JSONTYPE_ARRAY
    and JSONTYPE_COMPOSITE values."""
    t = arg_types[0]
    to_json = json_ops.json_value(t)(DEFAULT_SETTINGS)
    structured = ", \n " if record_of(t) is not None or t.name.endswith(
        "[]") or (t.sql_type is not None and t.sql_type.is_array) else ", "

    def step(state, args):
        value = args[0]
        if state is None:
            state = []
        elif value is None:
            state.append(", ")
        else:
            state.append(structured)
        state.append("null" if value is None else to_json(value))
        return state

    return (lambda: None), step, _json_final("[", "", "]", binary)


def _json_object_agg(arg_types: Sequence[q.ResultType], binary: bool
                     ) -> Accumulator:
    """json_object_agg_transfn: `{ "k" : v, … }`; a NULL key is 22023."""
    key_text = output(arg_types[0].name, as_cast=True)(DEFAULT_SETTINGS)
    to_json = json_ops.json_value(arg_types[1])(DEFAULT_SETTINGS)

    def step(state, args):
        name, value = args
        if name is None:
            raise invalid_parameter_value("field name must not be null")
        if state is None:
            state = []
        state.append(f"{escape_json(key_text(name))} : "
                     + ("null" if value is None else to_json(value)))
        return state

    return (lambda: None), step, _json_final("{ ", ", ", " }", binary)


_IMPLEMENTED: dict[str, Callable[[Sequence[q.ResultType]], Accumulator]] = {
    "json_agg(anyelement)": lambda t: _json_agg(t, False),
    "jsonb_agg(anyelement)": lambda t: _json_agg(t, True),
    "json_object_agg(any,any)": lambda t: _json_object_agg(t, False),
    "jsonb_object_agg(any,any)": lambda t: _json_object_agg(t, True),
    "count()": lambda t: _count_star(),
    "count(any)": lambda t: _count(),
    "bool_and(bool)": lambda t: _bool(True),
    "every(bool)": lambda t: _bool(True),
    "bool_or(bool)": lambda t: _bool(False),
    "string_agg(text,text)": lambda t: _string_agg(""),
    "string_agg(bytea,bytea)": lambda t: _string_agg(b""),
    "array_agg(anynonarray)": lambda t: _array_agg(),
    "array_agg(anyarray)": lambda t: _array_agg_arrays(),
}
for _t in _SUMMABLE:
    _IMPLEMENTED[f"sum({_t})"] = (lambda a: lambda t: _sum(a))(_t)
    _IMPLEMENTED[f"avg({_t})"] = (lambda a: lambda t: _avg(a))(_t)
_IMPLEMENTED.update(variance.accumulators(_float8_accum))


def _numeric_total(values: list) -> Any:
    """sum(numeric) exactly, checked once: numeric addition never rounds,
    so adding in one wide context equals adding row by row. A finite
    total means every value was finite; otherwise (Infinity, NaN) the
    special values are added the way numeric_add does."""
    try:
        with localcontext(CTX):
            total = sum(values[1:], values[0])
        if total.is_finite():
            return numeric_result(total)
    except InvalidOperation:  # Infinity + -Infinity: see below
        pass
    finite = [v for v in values if v.is_finite()]
    total = None
    if finite:
        with localcontext(CTX):
            total = numeric_result(sum(finite[1:], finite[0]))
    for v in values:
        if not v.is_finite():
            total = v if total is None else num_add(total, v)
    return total


def _int_total(values: list) -> Any:
    total = sum(values)
    if not -2**63 <= total < 2**63:
        raise numeric_value_out_of_range("bigint out of range")
    return total


def _int_as_numeric(values: list) -> Decimal:
    """The exact numeric total of integers (int8_sum, int*_avg): Python
    adds integers exactly, so this is the numeric sum row by row."""
    return numeric_result(Decimal(sum(values)))


if sys.version_info < (3, 12):
    _add_in_order = sum  # a double added to one by one, in C
else:  # sum() compensates rounding errors since 3.12; PostgreSQL does not
    def _add_in_order(values: list, start: Any) -> Any:
        return reduce(operator.add, values, start)


def _float_total(values: list, start: Any) -> float:
    """Doubles added left to right from `start` (None: the first value),
    as float8pl / float8_accum step through the rows. A finite result
    means no step overflowed; otherwise the steps are replayed with the
    operator's overflow check, which raises where PostgreSQL does."""
    if start is None:
        start, values = values[0], values[1:]
    total = _add_in_order(values, start)
    if math.isfinite(total):
        return total
    plus = _add("float8 + float8")
    total = start
    for v in values:
        total = plus(total, v)
    return total


def _fold_sum(arg: str) -> Callable[[list], Any] | None:
    if arg in ("int2", "int4"):
        return lambda vs: _int_total(vs) if vs else None
    if arg == "int8":
        return lambda vs: _int_as_numeric(vs) if vs else None
    if arg == "numeric":
        return lambda vs: _numeric_total(vs) if vs else None
    if arg == "float8":
        return lambda vs: _float_total(vs, None) if vs else None
    return None  # float4 rounds every step to single precision


# Below this bound on count × largest magnitude, float8_accum's squared
# deviations stay far from overflowing (each step adds at most 8·max²).
_ACCUM_SAFE = 1e150


def _float_avg(values: list) -> Any:
    """avg(float8): the sum of `_float_total` over the count, unless the
    values are large enough that float8_accum might overflow: then its
    steps are replayed exactly."""
    if not values:
        return None
    n = len(values)
    total = _add_in_order(values, 0.0)
    if math.isfinite(total) and \
            max(max(values), -min(values)) * n < _ACCUM_SAFE:
        return total / n
    state = (0.0, 0.0, 0.0)
    for v in values:
        state = _float8_accum(state, float(v))
    return state[1] / state[0]


def _fold_avg(arg: str) -> Callable[[list], Any] | None:
    if arg in ("float4", "float8"):
        return _float_avg  # float4 values are doubles already
    if arg not in ("int2", "int4", "int8", "numeric"):
        return None
    div = _add("numeric / numeric")

    def avg(values: list) -> Any:
        if not values:
            return None
        total = _numeric_total(values) if arg == "numeric" else \
            _int_as_numeric(values)
        return div(total, Decimal(len(values)))
    return avg


def fold(signature: str, arg_types: Sequence[q.ResultType]
         ) -> Callable[[list], Any] | None:
    """A whole-group form of a one-argument aggregate: fn(the non-NULL
    argument values in input order) → result; None when the aggregate
    has none (it then runs through its accumulator)."""
    name, _, arg = signature[:-1].partition("(")
    if name == "count":
        return len
    fold_of = {"sum": _fold_sum, "avg": _fold_avg}.get(name)
    if fold_of is not None:
        return fold_of(arg)
    if name in ("min", "max") and arg_types:
        order = sort_key(arg_types[0]) or _same
        pick = min if name == "min" else max
        if _keeps_first(arg_types[0]):
            return lambda vs: pick(vs, key=order) if vs else None
        # the last of equal values wins: pick over the reversed input
        return lambda vs: pick(reversed(vs), key=order) if vs else None
    return None


def accumulator(signature: str, arg_types: Sequence[q.ResultType]
                ) -> Accumulator:
    """The (init, step, final) triple computing aggregate `signature`."""
    make = _IMPLEMENTED.get(signature)
    if make is not None:
        return make(arg_types)
    if signature.startswith(("min(", "max(")):
        return _extreme(arg_types[0], signature.startswith("max("))
    raise feature_not_supported(f"aggregate function {signature}")
