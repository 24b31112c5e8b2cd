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
from twinning.passes.expr.registry import (BINARY, FUNCTIONS, SET_RETURNING,
                                           Impl, TypedImpl, define, output)
from twinning.passes.expr.types import VECTORS, element


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
    inner = BINARY[f"{elem_key} = {elem_key}"]
    if inner.settings:
        raise feature_not_supported("array comparison of this type")
    eq = _array_equal_factory(inner.fn)
    if sig.startswith("<>"):
        return Impl(lambda a, b: not eq(a, b))
    return Impl(eq)


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


def register() -> None:
    # array_cat / array_append / array_prepend are not strict: a NULL
    # array is an empty one, and NULL || NULL is NULL
    BINARY["array || array"] = Impl(
        lambda a, b: b if a is None else a if b is None else _array_concat(a, b),
        strict=False)
    BINARY["array || elem"] = Impl(lambda a, e: (a or ()) + (e,), strict=False)
    BINARY["elem || array"] = Impl(lambda e, a: (e,) + (a or ()), strict=False)
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
