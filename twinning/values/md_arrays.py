"""Arrays a plain tuple cannot say: more than one dimension, or a lower
bound other than 1.

A one-dimensional array with lower bound 1 (the common case) stays a plain
tuple of its elements, and the empty array is () (PostgreSQL's empty
arrays have no dimensions). Every other array is an `MdArray`: a tuple
subclass holding the elements flat in row-major order (what unnest,
cardinality, `= ANY`, containment and array_to_string see in PostgreSQL
too) plus `dims` and `lbounds`. Its equality and hash take the shape into
account, as array_eq does; `make()` picks the representation, so two
arrays of one shape always have one representation.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from twinning.errors import (
    SqlError, array_subscript_error, data_exception, integer_out_of_range,
    null_value_not_allowed, program_limit_exceeded,
)

MAXDIM = 6
MAX_ITEMS = 134217727  # MaxArraySize


class MdArray(tuple):
    """Elements flat in row-major order; `dims` and `lbounds` per dimension."""

    dims: tuple[int, ...]
    lbounds: tuple[int, ...]

    def __new__(cls, items, dims, lbounds):
        self = tuple.__new__(cls, items)
        self.dims = tuple(dims)
        self.lbounds = tuple(lbounds)
        return self

    def __eq__(self, other):
        if not isinstance(other, tuple):
            return NotImplemented
        return tuple.__eq__(self, other) and shape(other) == (self.dims, self.lbounds)

    def __ne__(self, other):
        same = self.__eq__(other)
        return same if same is NotImplemented else not same

    def __hash__(self):
        return hash((tuple(self), self.dims, self.lbounds))

    def __reduce__(self):
        return (MdArray, (tuple(self), self.dims, self.lbounds))

    def __add__(self, other):  # a flat concatenation would lose the shape
        raise TypeError("MdArray has no flat concatenation")

    __radd__ = __add__

    def __repr__(self):
        return f"MdArray({tuple(self)!r}, {self.dims!r}, {self.lbounds!r})"


def make(items: Sequence[Any], dims: Sequence[int], lbounds: Sequence[int]) -> tuple:
    """The array of `items` (row-major) with `dims` and `lbounds`."""
    if not dims or 0 in dims:
        return ()
    if len(dims) == 1 and lbounds[0] == 1:
        return tuple(items)
    return MdArray(items, dims, lbounds)


def shape(value) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(dims, lbounds) of an array value."""
    if type(value) is MdArray:
        return value.dims, value.lbounds
    if not value:
        return (), ()
    return (len(value),), (1,)


def ndim(value) -> int:
    return len(shape(value)[0])


def is_md(value) -> bool:
    return type(value) is MdArray


def remap(value, items: Sequence[Any]) -> tuple:
    """`items` (one per element of `value`) in `value`'s shape."""
    if type(value) is MdArray:
        return MdArray(items, value.dims, value.lbounds)
    return tuple(items)


def map_elements(value, fn: Callable[[Any], Any]) -> tuple:
    """`fn` applied to each non-NULL element, the shape kept."""
    return remap(value, [None if e is None else fn(e) for e in value])


def nested(value) -> list:
    """The elements as nested lists, one level per dimension."""
    dims = shape(value)[0]
    if not dims:
        return []
    flat = list(value)

    def build(level: int, start: int) -> tuple[list, int]:
        if level == len(dims) - 1:
            end = start + dims[level]
            return flat[start:end], end
        out = []
        for _ in range(dims[level]):
            sub, start = build(level + 1, start)
            out.append(sub)
        return out, start
    return build(0, 0)[0]


def check_size(dims: Sequence[int]) -> None:
    """ArrayGetNItems' limit on the number of elements."""
    total = 1
    for d in dims:
        total *= d
        if d < 0 or total > MAX_ITEMS:
            raise program_limit_exceeded("array size exceeds the maximum allowed "
                                         f"({MAX_ITEMS})")


def decoration(value) -> str:
    """array_out's `[lb:ub]…=` prefix, printed when a lower bound is not 1."""
    dims, lbounds = shape(value)
    if all(lb == 1 for lb in lbounds):
        return ""
    return "".join(f"[{lb}:{lb + d - 1}]" for d, lb in zip(dims, lbounds)) + "="


def format_nested(value, format_item: Callable[[Any], str]) -> str:
    """array_out's nested braces around already-quoted item texts."""
    return decoration(value) + join_nested(value, format_item, "{", "}", ",")


def join_nested(value, format_item: Callable[[Any], str], open_: str,
                close: str, sep: str) -> str:
    """The item texts nested one bracket pair per dimension (array_out's
    braces, to_json's brackets)."""
    dims = shape(value)[0] or (0,)
    texts = [format_item(v) for v in value]

    def build(level: int, start: int) -> tuple[str, int]:
        if level == len(dims) - 1:
            end = start + dims[level]
            return open_ + sep.join(texts[start:end]) + close, end
        parts = []
        for _ in range(dims[level]):
            sub, start = build(level + 1, start)
            parts.append(sub)
        return open_ + sep.join(parts) + close, start
    return build(0, 0)[0]


# -- operations (PostgreSQL's arrayfuncs.c) ----------------------------------

def _matching_dims() -> SqlError:
    return array_subscript_error("multidimensional arrays must have array "
                                 "expressions with matching dimensions")


def stack(subarrays: Sequence[Any]) -> tuple:
    """ExecEvalArrayExpr, multidims: the sub-arrays (NULL or empty ones
    allowed only when all are) as one more, outer dimension."""
    items: list[Any] = []
    first = None
    empty = False
    count = 0
    for sub in subarrays:
        if sub is None or not sub:
            empty = True
            continue
        this = shape(sub)
        if first is None:
            first = this
            if len(this[0]) + 1 > MAXDIM:
                raise program_limit_exceeded("number of array dimensions (%d) exceeds "
                                             "the maximum allowed (%d)" % (len(this[0]) + 1, MAXDIM))
        elif this != first:
            raise _matching_dims()
        items.extend(sub)
        count += 1
    if empty:
        if first is None:
            return ()
        raise _matching_dims()
    if first is None:
        return ()
    return make(items, (count, *first[0]), (1, *first[1]))


def fetch(value, indices: Sequence[int], low: int = 1):
    """array_get_element(): NULL unless there is one subscript per
    dimension, each within its bounds. `low`: a plain tuple's lower bound
    (0 for int2vector and oidvector)."""
    if type(value) is MdArray:
        dims, lbounds = value.dims, value.lbounds
    elif not value:
        return None
    else:
        dims, lbounds = (len(value),), (low,)
    if len(indices) != len(dims):
        return None
    offset = 0
    for i, d, lb in zip(indices, dims, lbounds):
        if i < lb or i >= lb + d:
            return None
        offset = offset * d + (i - lb)
    return value[offset]


def slice_of(value, lowers: Sequence[int | None], uppers: Sequence[int | None]) -> tuple:
    """array_get_slice(): omitted bounds are the array's, bounds are
    clipped to it, missing subscripts take whole dimensions; the result's
    lower bounds are 1."""
    dims, lbounds = shape(value)
    n = len(dims)
    if n < len(uppers) or n == 0:
        return ()
    lo: list[int] = []
    hi: list[int] = []
    for k in range(n):
        first, last = lbounds[k], lbounds[k] + dims[k] - 1
        a = lowers[k] if k < len(lowers) and lowers[k] is not None else first
        b = uppers[k] if k < len(uppers) and uppers[k] is not None else last
        a, b = max(a, first), min(b, last)
        if a > b:
            return ()
        lo.append(a - first)
        hi.append(b - first)
    out_dims = [b - a + 1 for a, b in zip(lo, hi)]
    strides = [1] * n
    for k in range(n - 2, -1, -1):
        strides[k] = strides[k + 1] * dims[k + 1]
    items: list[Any] = []

    def walk(k: int, base: int) -> None:
        if k == n - 1:
            items.extend(value[base + lo[k]:base + hi[k] + 1])
            return
        for i in range(lo[k], hi[k] + 1):
            walk(k + 1, base + i * strides[k])
    walk(0, 0)
    return make(items, out_dims, [1] * n)


def _incompatible(detail: str) -> SqlError:
    return array_subscript_error("cannot concatenate incompatible arrays", detail=detail)


def concat(a, b) -> tuple:
    """array_cat() of two non-NULL arrays."""
    if not a:
        return b
    if not b:
        return a
    if type(a) is not MdArray and type(b) is not MdArray:
        return a + b
    (dims1, lbs1), (dims2, lbs2) = shape(a), shape(b)
    n1, n2 = len(dims1), len(dims2)
    if n1 == n2:
        if dims1[1:] != dims2[1:] or lbs1[1:] != lbs2[1:]:
            raise _incompatible("Arrays with differing element dimensions are "
                                "not compatible for concatenation.")
        dims, lbs = (dims1[0] + dims2[0], *dims1[1:]), lbs1
    elif n1 == n2 - 1:
        if dims1 != dims2[1:] or lbs1 != lbs2[1:]:
            raise _incompatible("Arrays with differing dimensions are not "
                                "compatible for concatenation.")
        dims, lbs = (dims2[0] + 1, *dims2[1:]), lbs2
    elif n1 == n2 + 1:
        if dims2 != dims1[1:] or lbs2 != lbs1[1:]:
            raise _incompatible("Arrays with differing dimensions are not "
                                "compatible for concatenation.")
        dims, lbs = (dims1[0] + 1, *dims1[1:]), lbs1
    else:
        raise _incompatible(f"Arrays of {n1} and {n2} dimensions are not "
                            "compatible for concatenation.")
    return make(tuple(a) + tuple(b), dims, lbs)


def _one_dimensional(value) -> int:
    """The lower bound of an empty or one-dimensional array (1 if empty)."""
    if type(value) is MdArray:
        if len(value.dims) != 1:
            raise data_exception("argument must be empty or one-dimensional array")
        return value.lbounds[0]
    return 1


def append(value, element) -> tuple:
    """array_append(): the new element after the last subscript."""
    if value is None or type(value) is not MdArray:
        return (value or ()) + (element,)
    lb = _one_dimensional(value)
    if lb + value.dims[0] > 2**31 - 1:
        raise integer_out_of_range()
    return make((*value, element), (value.dims[0] + 1,), (lb,))


def prepend(element, value) -> tuple:
    """array_prepend(): the new element first, the lower bound kept."""
    if value is None or type(value) is not MdArray:
        return (element,) + (value or ())
    lb = _one_dimensional(value)
    if lb - 1 < -2**31:
        raise integer_out_of_range()
    return make((element, *value), (value.dims[0] + 1,), (lb,))


class Accumulator:
    """accumArrayResultArr(): array_agg(anyarray) and ARRAY(SELECT array)
    stack their inputs, all of one shape, as one more dimension."""

    __slots__ = ("items", "count", "first")

    def __init__(self) -> None:
        self.items: list[Any] = []
        self.count = 0
        self.first: tuple | None = None

    def add(self, value) -> None:
        if value is None:
            raise null_value_not_allowed("cannot accumulate null arrays")
        this = shape(value)
        if not this[0]:
            raise array_subscript_error("cannot accumulate empty arrays")
        if self.first is None:
            if len(this[0]) + 1 > MAXDIM:
                raise program_limit_exceeded("number of array dimensions (%d) exceeds "
                                             "the maximum allowed (%d)" % (len(this[0]) + 1, MAXDIM))
            self.first = this
        elif this != self.first:
            raise array_subscript_error("cannot accumulate arrays of different "
                                        "dimensionality")
        self.items.extend(value)
        self.count += 1

    def result(self) -> tuple:
        if self.first is None:
            return ()
        return make(self.items, (self.count, *self.first[0]), (1, *self.first[1]))


def stack_rows(values) -> tuple:
    """ARRAY(SELECT array …): the rows' arrays accumulated (an empty
    array when there are none)."""
    acc = Accumulator()
    for value in values:
        acc.add(value)
    return acc.result()


def outer_rows(value) -> list[tuple]:
    """The sub-arrays along the first dimension (the elements of a
    one-dimensional array, each as a 1-tuple)."""
    dims, lbounds = shape(value)
    if len(dims) <= 1:
        return [(v,) for v in value]
    size = len(value) // dims[0]
    return [make(value[i * size:(i + 1) * size], dims[1:], lbounds[1:])
            for i in range(dims[0])]


def _dimension_list(value) -> list[int]:
    if ndim(value) > 1:
        raise array_subscript_error("wrong number of array subscripts",
                                    detail="Dimension array must be one dimensional.")
    if any(v is None for v in value):
        raise null_value_not_allowed("dimension values cannot be null")
    return list(value)


def fill(element, dims, lbounds=None, two_args: bool = False) -> tuple:
    """array_fill(value, dims[, lbounds])."""
    if dims is None or (not two_args and lbounds is None):
        raise null_value_not_allowed("dimension array or low bound array cannot be null")
    sizes = _dimension_list(dims)
    if len(sizes) > MAXDIM:
        raise program_limit_exceeded("number of array dimensions (%d) exceeds the "
                                     "maximum allowed (%d)" % (len(sizes), MAXDIM))
    if lbounds is not None:
        lows = _dimension_list(lbounds)
        if len(lows) != len(sizes):
            raise array_subscript_error("wrong number of array subscripts",
                                        detail="Low bound array has different size than "
                                        "dimensions array.")
    else:
        lows = [1] * len(sizes)
    check_size(sizes)
    for d, lb in zip(sizes, lows):
        if not -2**31 <= d + lb <= 2**31 - 1:
            raise program_limit_exceeded(f"array lower bound is too large: {lb}")
    total = 1
    for d in sizes:
        total *= d
    if not sizes or total <= 0:
        return ()
    return make([element] * total, sizes, lows)
