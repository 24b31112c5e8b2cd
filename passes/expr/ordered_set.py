"""Ordered-set and hypothetical-set aggregates: `percentile_cont`,
`percentile_disc`, `mode` and `rank`/`dense_rank`/`percent_rank`/
`cume_dist` with `WITHIN GROUP (ORDER BY …)`.

Typing is ParseFuncOrColumn's for an aggregate with WITHIN GROUP: the
direct arguments and then the ORDER BY expressions are the call's
arguments for candidate selection over `pg_data.ORDERED_SET_AGGREGATES`
(and the plain aggregates of the name, which WITHIN GROUP then refuses);
a hypothetical-set call pairs each direct argument with its ORDER BY
column and coerces both to their common type (unify_hypothetical_args).

Computing is orderedsetaggs.c's final functions over the group's rows
sorted by the WITHIN GROUP keys: the ordered-set ones skip NULL inputs
and check the fraction (22003) before looking at the rows; the
hypothetical ones count the rows before (or with) the hypothetical row.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Sequence

from twinning.errors import (
    feature_not_supported, function_not_unique, numeric_value_out_of_range,
    undefined_object, wrong_object_type,
)
from twinning.ir import query as q
from twinning.passes.expr import pg_data, runtime
from twinning.values import md_arrays
from twinning.values.floats import printf_g
from twinning.passes.expr.types import display, key, key_of_pg, result_type
from twinning.passes.expr.typmods import call_result

__all__ = ["ORDERED_SET_NAMES", "HYPOTHETICAL", "type_ordered_set",
           "ordered_set_final"]


def _rows() -> dict[str, list[tuple[tuple[str, ...], str, bool, str, int]]]:
    out: dict[str, list] = {}
    for name, args, result, variadic, kind, ndirect in \
            pg_data.ORDERED_SET_AGGREGATES:
        out.setdefault(name, []).append(
            (tuple(key_of_pg(a) for a in args), key_of_pg(result), variadic,
             kind, ndirect))
    return out


_ROWS = _rows()
ORDERED_SET_NAMES = frozenset(_ROWS)
HYPOTHETICAL = frozenset(n for n, rows in _ROWS.items()
                         if any(k == "h" for *_, k, _d in rows))


def _pos(location: int) -> int | None:
    return location + 1 if location is not None and location >= 0 else None


def type_ordered_set(name: str, direct: Sequence[q.TExpr],
                     ordered: Sequence[q.TExpr], within_group: bool,
                     location: int, plain: Sequence[tuple[tuple[str, ...], str]],
                     ctx: Any) -> tuple[str, list[q.TExpr], list[q.TExpr],
                                        q.ResultType]:
    """(signature, coerced direct arguments, coerced ORDER BY arguments,
    result type); `plain`: the name's plain aggregate candidates."""
    from twinning.passes.expr.analyze import (
        Candidate, _no_function, coerce_to_common_type, coerce_to_type,
        select_candidate, select_common_type)
    args = list(direct) + list(ordered)
    inputs = [key(a.type) for a in args]
    cands = [Candidate(name, a, r, v) for a, r, v, _k, _d in
             _ROWS.get(name, ())]
    kinds = {id(c): row for c, row in zip(cands, _ROWS.get(name, ()))}
    plains = [Candidate(name, a, r) for a, r in plain]
    found, ambiguous = select_candidate(inputs, cands + plains)
    if len(found) != 1:
        if ambiguous:
            raise function_not_unique(
                f"{name}({', '.join(display(i) for i in inputs)})", _pos(location))
        raise _no_function(name, args, location)
    cand, declared = found[0]
    row = kinds.get(id(cand))
    if row is None:
        raise wrong_object_type(f"{name} is not an ordered-set aggregate, so "
                                "it cannot have WITHIN GROUP",
                                position=_pos(location))
    if not within_group:
        raise wrong_object_type("WITHIN GROUP is required for ordered-set "
                                f"aggregate {name}", position=_pos(location))
    _args, result_key, _variadic, kind, ndirect = row
    if kind == "h":
        if len(direct) != len(ordered):
            error = _no_function(name, args, location)
            error.hint = (f"To use the hypothetical-set aggregate {name}, the "
                          "number of hypothetical direct arguments (here "
                          f"{len(direct)}) must match the number of ordering "
                          f"columns (here {len(ordered)}).")
            raise error
        pairs = []
        for d, o in zip(direct, ordered):
            common = select_common_type([o, d], "WITHIN GROUP")
            pairs.append((coerce_to_common_type(d, common, "WITHIN GROUP",
                                                ctx),
                          coerce_to_common_type(o, common, "WITHIN GROUP",
                                                ctx)))
        return (f"{name}(any)", [d for d, _ in pairs], [o for _, o in pairs],
                result_type(result_key))
    if len(direct) != ndirect:
        error = _no_function(name, args, location)
        error.hint = (f"There is an ordered-set aggregate {name}, but it "
                      f"requires {ndirect} direct argument"
                      f"{'' if ndirect == 1 else 's'}, not "
                      f"{len(direct)}.")
        raise error
    targets = []
    for arg, want in zip(args, declared):
        if want in ("anyelement", "anyarray"):
            targets.append(arg.type if arg.type != q.UNKNOWN
                           else result_type("text"))
        else:
            targets.append(result_type(want))
    element = targets[-1]
    if result_key == "anyelement":
        result = element
    elif result_key == "anyarray":
        if element.sql_type is None:
            raise feature_not_supported(f"{name} of {display(key(element))}",
                                        _pos(location))
        if element.sql_type.is_array:
            raise undefined_object("could not find array type for data type "
                                   f"{element.sql_type.display()}")
        result = q.ResultType.of(element.sql_type.array_of())
    else:
        result = result_type(result_key)
    coerced = [coerce_to_type(a, t, ctx) for a, t in zip(args, targets)]
    signature = f"{name}({','.join(declared)})"
    return signature, coerced[:len(direct)], coerced[len(direct):], \
        call_result(result)


# -- computing ----------------------------------------------------------------------
#
# A final is fn(direct argument values, the rows' argument tuples sorted
# by the WITHIN GROUP keys) → result. The ordered-set ones see only rows whose argument is not NULL.


def _check_fraction(value: float) -> float:
    if not 0 <= value <= 1:  # NaN fails both
        raise numeric_value_out_of_range(f"percentile value {printf_g(value)} "
                                         "is not between 0 and 1")
    return value


def _lerp(type_name: str) -> Callable[[Any, Any, float], Any]:
    if type_name == "float8":
        return lambda lo, hi, pct: lo + pct * (hi - lo)
    minus = runtime.binary("interval - interval").fn
    times = runtime.binary("interval * float8").fn
    plus = runtime.binary("interval + interval").fn
    return lambda lo, hi, pct: plus(times(minus(hi, lo), pct), lo)


def _cont(values: list, pct: float, lerp: Callable) -> Any:
    n = len(values)
    first = math.floor(pct * (n - 1))
    second = math.ceil(pct * (n - 1))
    if first == second:
        return values[first]
    return lerp(values[first], values[second], pct * (n - 1) - first)


def _disc(values: list, pct: float) -> Any:
    row = math.ceil(pct * len(values))
    return values[max(row, 1) - 1]


def _each(fractions: Any, pick: Callable[[float], Any]) -> Any:
    """A fraction array's results, in its shape; NULL fractions NULL."""
    if isinstance(fractions, (tuple, list)):  # an MdArray keeps its shape
        return md_arrays.remap(fractions, [_each(f, pick) for f in fractions])
    if fractions is None:
        return None
    return pick(fractions)


def _percentile(pick: Callable[[list, float], Any], multi: bool) -> Callable:
    def final(direct: tuple, rows: list) -> Any:
        fraction = direct[0]
        values = [r[0] for r in rows if r[0] is not None]
        if multi:  # no rows: NULL before the fractions are looked at
            if not values or fraction is None:
                return None
            checked = _each(fraction, _check_fraction)
            return _each(checked, lambda f: pick(values, f))
        if fraction is None:
            return None
        pct = _check_fraction(fraction)
        return pick(values, pct) if values else None
    return final


def _mode(equal_key: Callable[[Any], Any]) -> Callable:
    """mode_final: the first value of the longest run (the earliest run
    wins ties), in the WITHIN GROUP order."""
    def final(direct: tuple, rows: list) -> Any:
        best = None
        best_count = 0
        run_value, run_key, run_count = None, None, 0
        for r in rows:
            v = r[0]
            if v is None:
                continue
            k = equal_key(v)
            if run_count and k == run_key:
                run_count += 1
            else:
                run_value, run_key, run_count = v, k, 1
            if run_count > best_count:
                best, best_count = run_value, run_count
        return best
    return final


def _hypothetical(name: str, keys: Sequence[tuple[Callable, bool]]) -> Callable:
    """hypothetical_rank_common and friends: `keys` per ORDER BY column,
    (sort key function, descending)."""
    def compare(row: tuple, hyp: tuple) -> int:
        for (keyfn, descending), a, b in zip(keys, row, hyp):
            ka, kb = keyfn(a), keyfn(b)
            if ka != kb:
                result = -1 if ka < kb else 1
                return -result if descending else result
        return 0

    def final(direct: tuple, rows: list) -> Any:
        n = len(rows)
        order = [compare(r, direct) for r in rows]
        before = sum(1 for c in order if c < 0)
        if name == "rank":
            return before + 1
        if name == "percent_rank":
            return 0.0 if n == 0 else before / n
        if name == "cume_dist":
            return (before + sum(1 for c in order if c == 0) + 1) / (n + 1)
        # dense_rank: the distinct peer groups before the row, plus one
        groups = 0
        last = None
        for r, c in zip(rows, order):
            if c >= 0:
                continue
            k = tuple(keyfn(v) for (keyfn, _), v in zip(keys, r))
            if k != last:
                groups += 1
                last = k
        return groups + 1
    return final


def ordered_set_final(signature: str, arg_types: Sequence[q.ResultType],
                      keys: Sequence[tuple[Callable, bool]],
                      equal_key: Callable[[Any], Any]) -> Callable:
    """The final function of ordered-set aggregate `signature`."""
    name, _, rest = signature.partition("(")
    declared = rest[:-1].split(",")
    if name in HYPOTHETICAL:
        return _hypothetical(name, keys)
    if name == "mode":
        return _mode(equal_key)
    multi = declared[0] == "float8[]"
    if name == "percentile_cont":
        lerp = _lerp(declared[1])
        return _percentile(lambda vs, p: _cont(vs, p, lerp), multi)
    if name == "percentile_disc":
        return _percentile(_disc, multi)
    raise feature_not_supported(f"aggregate function {signature}")
