"""Arrays: `||` (array with array or element), equality element by
element, the bounds and length functions, array_to_string, unnest and
generate_subscripts.

Arrays are tuples (None for a NULL element) with lower bound 1, except
int2vector and oidvector, which start at 0 as in PostgreSQL's catalogs;
arrays of more dimensions or other lower bounds are
`values.md_arrays.MdArray`s, whose shape these functions read.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, feature_not_supported,
)
from twinning.ir import query as q
from twinning.passes.expr.ordering import equality_key, sort_key
from twinning.passes.expr.registry import (BINARY, FUNCTIONS, PY_COMPARE,
                                           SET_RETURNING, Impl, TypedImpl,
                                           define, lookup, output)
from twinning.passes.expr.types import VECTORS, element, element_of
from twinning.values import md_arrays
from twinning.values.md_arrays import MdArray


def _array_concat(a: tuple, b: tuple) -> tuple:
    return md_arrays.concat(a, b)


def _array_equal_factory(elem_eq: Callable[[Any, Any], bool]):
    def eq(a: tuple, b: tuple) -> bool:
        if len(a) != len(b):
            return False
        if type(a) is not type(b) or type(a) is MdArray:
            if md_arrays.shape(a) != md_arrays.shape(b):
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
    equal = f"{elem_key} = {elem_key}"
    inner = lookup(BINARY, equal) or BINARY[equal]
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


def _shape(array, low: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(dims, lower bounds); `low` is a plain tuple's lower bound."""
    if type(array) is MdArray:
        return array.dims, array.lbounds
    return ((len(array),), (low,)) if array else ((), ())


def _bounds(which: str):
    def factory(arg_types: Sequence[q.ResultType]):
        low = lower_bound(arg_types[0])

        def bound(array, dim):
            dims, lbounds = _shape(array, low)
            if not 1 <= dim <= len(dims):
                return None
            if which == "lower":
                return lbounds[dim - 1]
            if which == "upper":
                return lbounds[dim - 1] + dims[dim - 1] - 1
            return dims[dim - 1]
        return lambda settings: bound
    return factory


def _array_dims(arg_types: Sequence[q.ResultType]):
    low = lower_bound(arg_types[0])

    def dims_text(array):
        dims, lbounds = _shape(array, low)
        if not dims:
            return None
        return "".join(f"[{lb}:{lb + d - 1}]" for d, lb in zip(dims, lbounds))
    return lambda settings: dims_text


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
        dims, lbounds = _shape(array, low)
        if not 1 <= dim <= len(dims):
            return iter(())
        first = lbounds[dim - 1]
        found = range(first, first + dims[dim - 1])
        return iter(reversed(found) if reverse else found)
    return subscripts


def _element_equality(arg_types: Sequence[q.ResultType]) -> Callable:
    """The elements' `=` (array_remove/replace/position compare with it);
    NULL matches NULL there, as IS NOT DISTINCT FROM."""
    elem_key = element(arg_types[0].name)
    inner = lookup(BINARY, f"{elem_key} = {elem_key}")
    if inner is None or inner.settings or inner.fn is None:
        raise feature_not_supported(f"array search over {elem_key}")
    eq = inner.fn
    return lambda a, b: a is b if a is None or b is None else eq(a, b)


def _one_dim(a, what: str) -> int:
    """The lower bound of a one-dimensional MdArray; 0A000 for more
    dimensions, as array_remove and array_position raise."""
    if len(a.dims) > 1:
        raise SqlError(FEATURE_NOT_SUPPORTED, f"{what} in multidimensional arrays is not "
                                     "supported" if what == "searching for elements" else
                                     f"{what} from multidimensional arrays is not supported")
    return a.lbounds[0]


def _array_remove(arg_types: Sequence[q.ResultType]):
    same = _element_equality(arg_types)

    def remove(a, e):
        if a is None:
            return None
        kept = tuple(x for x in a if not same(x, e))
        if type(a) is MdArray:
            lb = _one_dim(a, "removing elements")
            return md_arrays.make(kept, (len(kept),), (lb,))
        return kept
    return lambda settings: remove


def _array_replace(arg_types: Sequence[q.ResultType]):
    same = _element_equality(arg_types)
    return lambda settings: (lambda a, old, new: None if a is None else
                             md_arrays.remap(a, [new if same(x, old) else x
                                                 for x in a]))


def _array_position(arg_types: Sequence[q.ResultType]):
    same = _element_equality(arg_types)
    low = lower_bound(arg_types[0])

    def position(a, e, start=None):
        if a is None:
            return None
        first = _one_dim(a, "searching for elements") if type(a) is MdArray \
            else low
        begin = 0 if start is None else max(start - first, 0)
        for i in range(begin, len(a)):
            if same(a[i], e):
                return i + first
        return None
    return lambda settings: position


def _array_positions(arg_types: Sequence[q.ResultType]):
    same = _element_equality(arg_types)
    low = lower_bound(arg_types[0])

    def positions(a, e):
        if a is None:
            return None
        first = _one_dim(a, "searching for elements") if type(a) is MdArray \
            else low
        return tuple(i + first for i, x in enumerate(a) if same(x, e))
    return lambda settings: positions


def register() -> None:
    # array_cat / array_append / array_prepend are not strict: a NULL
    # array is an empty one, and NULL || NULL is NULL
    BINARY["array || array"] = Impl(
        lambda a, b: b if a is None else a if b is None else _array_concat(a, b),
        strict=False)
    BINARY["array || elem"] = Impl(md_arrays.append, strict=False)
    BINARY["elem || array"] = Impl(md_arrays.prepend, strict=False)
    A, E = "anycompatiblearray", "anycompatible"
    FUNCTIONS[f"array_append({A},{E})"] = BINARY["array || elem"]
    FUNCTIONS[f"array_prepend({E},{A})"] = BINARY["elem || array"]
    FUNCTIONS[f"array_cat({A},{A})"] = BINARY["array || array"]
    FUNCTIONS[f"array_remove({A},{E})"] = TypedImpl(
        _array_remove, strict=False, immutable=True)
    FUNCTIONS[f"array_replace({A},{E},{E})"] = TypedImpl(
        _array_replace, strict=False, immutable=True)
    FUNCTIONS[f"array_position({A},{E})"] = TypedImpl(
        _array_position, strict=False, immutable=True)
    FUNCTIONS[f"array_position({A},{E},int4)"] = TypedImpl(
        _array_position, strict=False, immutable=True)
    FUNCTIONS[f"array_positions({A},{E})"] = TypedImpl(
        _array_positions, strict=False, immutable=True)
    FUNCTIONS["array_upper(anyarray,int4)"] = TypedImpl(_bounds("upper"),
                                                        immutable=True)
    FUNCTIONS["array_lower(anyarray,int4)"] = TypedImpl(_bounds("lower"),
                                                        immutable=True)
    FUNCTIONS["array_length(anyarray,int4)"] = TypedImpl(_bounds("length"),
                                                         immutable=True)
    FUNCTIONS["array_dims(anyarray)"] = TypedImpl(_array_dims, immutable=True)
    define("array_fill(anyelement,int4[])",
           lambda e, d: md_arrays.fill(e, d, two_args=True), strict=False)
    define("array_fill(anyelement,int4[],int4[])", md_arrays.fill,
           strict=False)
    define("array_ndims(anyarray)",
           lambda a: len(md_arrays.shape(a)[0]) or None)
    define("cardinality(anyarray)", len)
    FUNCTIONS["array_to_string(anyarray,text)"] = TypedImpl(
        _array_to_string_factory)
    FUNCTIONS["array_to_string(anyarray,text,text)"] = TypedImpl(
        _array_to_string_factory, strict=False)
    SET_RETURNING["unnest(anyarray)"] = _unnest
    SET_RETURNING["generate_subscripts(anyarray,int4)"] = _generate_subscripts
    SET_RETURNING["generate_subscripts(anyarray,int4,bool)"] = \
        _generate_subscripts
