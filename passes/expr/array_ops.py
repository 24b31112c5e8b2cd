"""Arrays: `||` (array with array or element), equality element by
element, the bounds and length functions, array_to_string, unnest and
generate_subscripts.

Arrays are one-dimensional tuples (None for a NULL element) with lower
bound 1, except int2vector and oidvector, which start at 0 as in
PostgreSQL's catalogs.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from twinning.errors import feature_not_supported
from twinning.ir import query as q
from twinning.passes.expr.ordering import equality_key, sort_key
from twinning.passes.expr.registry import (BINARY, FUNCTIONS, PY_COMPARE,
                                           SET_RETURNING, Impl, TypedImpl,
                                           define, output)
from twinning.passes.expr.types import VECTORS, element, element_of


def _array_concat(a: tuple, b: tuple) -> tuple:
    return a + b


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


def array_equality(sig: str, types: Sequence[q.ResultType]) -> Impl:
    """`= array` / `<> array`: the element type's `=`, NULL elements equal
    only to each other."""
    elem_key = element(types[0].name)
    if elem_key == "varchar":  # compared with text's operators
        elem_key = "text"
    inner = BINARY[f"{elem_key} = {elem_key}"]
    if inner.settings:
        raise feature_not_supported("array comparison of this type")
    eq = _array_equal_factory(inner.fn)
    if sig.startswith("<>"):
        return Impl(lambda a, b: not eq(a, b))
    return Impl(eq)


# anyarray's operators the twin runs: equality above, btree order
# (array_cmp: element by element, NULL elements last, then the shorter
# array first, as `ordering.sort_key` has it) and containment
# (array_contain_compare: the element type's equality, NULL elements
# never match)
ORDERING = ("<", ">", "<=", ">=")
ARRAY_OPERATORS = ("=", "<>") + ORDERING + ("@>", "<@", "&&")


def array_operator(sig: str, types: Sequence[q.ResultType]) -> Impl:
    op = sig.split()[0]
    if op in ORDERING:
        order = sort_key(types[0])
        test = PY_COMPARE[op]
        return Impl(lambda a, b: test(order(a), order(b)))
    same = equality_key(element_of(types[0])) or (lambda v: v)

    def contains(a, b) -> bool:    # every element of b is a non-NULL of a
        have = {same(v) for v in a if v is not None}
        return all(v is not None and same(v) in have for v in b)

    def overlaps(a, b) -> bool:
        have = {same(v) for v in b if v is not None}
        return any(v is not None and same(v) in have for v in a)
    if op == "@>":
        return Impl(contains)
    if op == "<@":
        return Impl(lambda a, b: contains(b, a))
    return Impl(overlaps)


def lower_bound(rtype: q.ResultType) -> int:
    """An array's lower bound: 1, but 0 for int2vector and oidvector."""
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


def _element_equality(arg_types: Sequence[q.ResultType]) -> Callable:
    """The elements' `=` (array_remove/replace/position compare with it);
    NULL matches NULL there, as IS NOT DISTINCT FROM."""
    elem_key = element(arg_types[0].name)
    inner = BINARY.get(f"{elem_key} = {elem_key}")
    if inner is None or inner.settings or inner.fn is None:
        raise feature_not_supported(f"array search over {elem_key}")
    eq = inner.fn
    return lambda a, b: a is b if a is None or b is None else eq(a, b)


def _array_remove(arg_types: Sequence[q.ResultType]):
    same = _element_equality(arg_types)
    return lambda settings: (lambda a, e: None if a is None else
                             tuple(x for x in a if not same(x, e)))


def _array_replace(arg_types: Sequence[q.ResultType]):
    same = _element_equality(arg_types)
    return lambda settings: (lambda a, old, new: None if a is None else
                             tuple(new if same(x, old) else x for x in a))


def _array_position(arg_types: Sequence[q.ResultType]):
    same = _element_equality(arg_types)
    low = lower_bound(arg_types[0])

    def position(a, e, start=None):
        if a is None:
            return None
        begin = 0 if start is None else max(start - low, 0)
        for i in range(begin, len(a)):
            if same(a[i], e):
                return i + low
        return None
    return lambda settings: position


def _array_positions(arg_types: Sequence[q.ResultType]):
    same = _element_equality(arg_types)
    low = lower_bound(arg_types[0])
    return lambda settings: (lambda a, e: None if a is None else
                             tuple(i + low for i, x in enumerate(a)
                                   if same(x, e)))


def register() -> None:
    # array_cat / array_append / array_prepend are not strict: a NULL
    # array is an empty one, and NULL || NULL is NULL
    BINARY["array || array"] = Impl(
        lambda a, b: b if a is None else a if b is None else _array_concat(a, b),
        strict=False)
    BINARY["array || elem"] = Impl(lambda a, e: (a or ()) + (e,), strict=False)
    BINARY["elem || array"] = Impl(lambda e, a: (e,) + (a or ()), strict=False)
    A, E = "anycompatiblearray", "anycompatible"
    FUNCTIONS[f"array_append({A},{E})"] = BINARY["array || elem"]
    FUNCTIONS[f"array_prepend({E},{A})"] = BINARY["elem || array"]
    FUNCTIONS[f"array_cat({A},{A})"] = BINARY["array || array"]
    FUNCTIONS[f"array_remove({A},{E})"] = TypedImpl(_array_remove, strict=False)
    FUNCTIONS[f"array_replace({A},{E},{E})"] = TypedImpl(_array_replace,
                                                       strict=False)
    FUNCTIONS[f"array_position({A},{E})"] = TypedImpl(_array_position,
                                                    strict=False)
    FUNCTIONS[f"array_position({A},{E},int4)"] = TypedImpl(_array_position,
                                                         strict=False)
    FUNCTIONS[f"array_positions({A},{E})"] = TypedImpl(_array_positions,
                                                     strict=False)
    FUNCTIONS["array_upper(anyarray,int4)"] = TypedImpl(_bounds("upper"))
    FUNCTIONS["array_lower(anyarray,int4)"] = TypedImpl(_bounds("lower"))
    define("array_length(anyarray,int4)",
           lambda a, d: len(a) if a and d == 1 else None)
    define("cardinality(anyarray)", len)
    FUNCTIONS["array_to_string(anyarray,text)"] = TypedImpl(
        _array_to_string_factory)
    FUNCTIONS["array_to_string(anyarray,text,text)"] = TypedImpl(
        _array_to_string_factory, strict=False)
    SET_RETURNING["unnest(anyarray)"] = _unnest
    SET_RETURNING["generate_subscripts(anyarray,int4)"] = _generate_subscripts
    SET_RETURNING["generate_subscripts(anyarray,int4,bool)"] = \
        _generate_subscripts
