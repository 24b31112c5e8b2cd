"""What operators and functions *do*: PostgreSQL 15's semantics over
`twinning.values`' representation, one module per type family.

The typer asks this module which candidate signatures the twin implements
(`operator_impl`, `function_impl`, `set_returning`); the compiler asks it
for the Python callable of a signature (`binary`, `unary`, `function_impl`).
`registry` holds the tables; the families fill them (`families` registers
each when one of its signatures is first looked up; in this order when
all are, as they did at import before):

    numeric_ops    integers, numeric, floats: arithmetic, math, bitwise
    text_ops       strings and bytea: LIKE, regular expressions, concat
    datetime_ops   dates, times, timestamps, intervals, the clock
    json_ops       json/jsonb operators and json_build_object
    jsonpath_ops   jsonb_path_* and @?/@@ over jsonpath_eval
    array_ops      arrays: ||, equality, bounds, unnest
    system_ops     bool, uuid, oid & co., sequences, the session
    extension_ops  the functions of the contrib extensions the twin provides
    tsearch_ops    tsvector/tsquery: @@, comparison, to_tsvector & co.
    bit_money_ops  bit, bit varying and money
    xml_ops        xpath()/xpath_exists(): typed, refused when called
    twinning_ops   the twin's own twinning.reset() and twinning.snapshot_hash()
    timetz_ops     time with time zone: comparison, arithmetic, AT TIME ZONE

A new function goes into its family's `register()` (then rerun
scripts/gen_family_index.py); a new family into `families._MODULES`.
"""

from __future__ import annotations

from typing import Callable, Sequence

from twinning.errors import feature_not_supported
from twinning.ir import query as q
from twinning.deferred import deferred
from twinning.passes.expr import families  # noqa: F401 (registry's hook)
from twinning.passes.expr.registry import (BINARY, FUNCTIONS, SET_RETURNING,
                                           SET_RETURNING_COLUMN,
                                           UNARY, Impl, lookup, rtype_of)
from twinning.passes.expr.types import (can_coerce, category, display,
                                        element, is_array, preferred,
                                        result_type)

array_ops = deferred("twinning.passes.expr.array_ops", globals(), "array_ops")
text_ops = deferred("twinning.passes.expr.text_ops", globals(), "text_ops")
enum_ops = deferred("twinning.passes.expr.enum_ops", globals(), "enum_ops")
record_ops = deferred("twinning.passes.expr.record_ops", globals(),
                      "record_ops")


def operator_impl(op: str, declared: tuple[str, ...], result: str,
                  actual: Sequence[q.ResultType]
                  ) -> tuple[str | None, q.ResultType, list[q.ResultType]]:
    """(impl signature or None, result type, operand target types) for the
    candidate the typer chose."""
    if len(declared) == 1:
        sig = f"{op} {declared[0]}"
        rtype = result_type(result)
        if lookup(UNARY, sig) is None or rtype is None:
            return None, q.UNKNOWN, []
        return sig, rtype, [rtype_of(declared[0])]
    left, right = declared
    if op == "||" and (left.startswith("any") or right.startswith("any")):
        return _poly_concat(left, right, actual)
    if left == "anyarray" and right == "anyarray" and \
            op in array_ops.ARRAY_OPERATORS:
        lt, rt = actual
        lk, rk = lt.name, rt.name
        if lk == "unknown":
            lk = rk
        if rk == "unknown":
            rk = lk
        need = "<" if op in array_ops.ORDERING else "="
        if lk != rk or comparison_impl(element(lk), need) is None:
            return None, q.UNKNOWN, []
        target = rtype_of(lk)
        return f"{op} array", q.BOOL, [target, target]
    if left == "anyenum" and right == "anyenum":
        return enum_ops.operator(op, actual)
    if left == "record" and right == "record":
        return record_ops.operator(op, actual)
    sig = f"{left} {op} {right}"
    rtype = result_type(result)
    if lookup(BINARY, sig) is None or rtype is None:
        return None, q.UNKNOWN, []
    return sig, rtype, [rtype_of(left), rtype_of(right)]


def _poly_concat(left: str, right: str, actual: Sequence[q.ResultType]):
    lt, rt = actual
    if left == "anynonarray" and right == "text":
        return "any || text", rtype_of("text"), [lt, rtype_of("text")]
    if left == "text" and right == "anynonarray":
        return "text || any", rtype_of("text"), [rtype_of("text"), rt]
    lk, rk = lt.name, rt.name
    if left == "anycompatiblearray" and right == "anycompatiblearray":
        if lk == "unknown":
            lk = rk
        if rk == "unknown":
            rk = lk
        elem = common_element(element(lk), element(rk))
        if elem is None:
            return None, q.UNKNOWN, []
        target = rtype_of(elem + "[]")
        return "array || array", target, [target, target]
    if left == "anycompatiblearray":
        elem = common_element(element(lk), rk if rk != "unknown" else
                               element(lk))
        if elem is None:
            return None, q.UNKNOWN, []
        return "array || elem", rtype_of(elem + "[]"), [rtype_of(elem + "[]"), rtype_of(elem)]
    if right == "anycompatiblearray":
        elem = common_element(lk if lk != "unknown" else element(rk),
                               element(rk))
        if elem is None:
            return None, q.UNKNOWN, []
        return "elem || array", rtype_of(elem + "[]"), [rtype_of(elem), rtype_of(elem + "[]")]
    return None, q.UNKNOWN, []


def common_element(a: str, b: str) -> str | None:
    """select_common_type() of two element types, the first one first:
    the second replaces it only when the first is not its category's
    preferred type and the coercion goes one way (text[] || char(n) stays
    text[]; char(n) || text[] is bpchar[])."""
    common = a
    if a != b:
        if category(a) != category(b):
            return None
        if not preferred(a) and can_coerce(a, b) and not can_coerce(b, a):
            common = b
        elif not can_coerce(b, common):
            return None
    return common if result_type(common) is not None else None


def comparison_impl(type_key: str, op: str = "<") -> str | None:
    """The impl signature of a type's own comparison operator (varchar
    compares with text's operators: its btree opclass is text's)."""
    if type_key == "varchar":
        type_key = "text"
    sig = f"{type_key} {op} {type_key}"
    if lookup(BINARY, sig) is not None:
        return sig
    if is_array(type_key) and op in array_ops.ARRAY_OPERATORS and \
            comparison_impl(element(type_key), "<" if op in
                            array_ops.ORDERING else "=") is not None:
        return f"{op} array"
    return None


def binary(sig: str, types: Sequence[q.ResultType] = ()) -> Impl:
    if sig in ("= array", "<> array"):
        return array_ops.array_equality(sig, types)
    if sig.endswith(" array") and sig[:-6] in array_ops.ARRAY_OPERATORS:
        return array_ops.array_operator(sig, types)
    if sig in ("any || text", "text || any"):
        return text_ops.anytextcat(sig, types)
    if sig.endswith(" enum"):
        return enum_ops.comparison(sig, types)
    if sig.endswith(" record"):
        return record_ops.comparison(sig, types)
    return lookup(BINARY, sig) or BINARY[sig]  # KeyError: not the twin's


def unary(sig: str) -> Impl:
    return lookup(UNARY, sig) or UNARY[sig]


def function_impl(signature: str) -> Impl | None:
    return lookup(FUNCTIONS, signature)


def set_returning(signature: str) -> Callable | None:
    """factory(argument types) -> fn(*non-NULL args) -> iterator of values
    (one column each), for the read path's FROM and target lists."""
    return lookup(SET_RETURNING, signature)


def set_returning_column(signature: str) -> str | None:
    """The name of a set-returning function's single named OUT parameter."""
    return lookup(SET_RETURNING_COLUMN, signature)


_REFUSED_CASTS = {("jsonb", k) for k in ("bool", "numeric", "int2", "int4",
                                          "int8", "float4", "float8")}


def check_cast(source: q.ResultType, target: q.ResultType,
               position: int | None) -> None:
    """0A000 for a cast PostgreSQL has but the twin does not run."""
    s_, t_ = source.name, target.name
    if (element(s_), element(t_)) in _REFUSED_CASTS:
        raise feature_not_supported(f"cast from {display(s_)} to "
                                    f"{display(t_)}", position)
