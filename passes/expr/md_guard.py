"""The functions and operators over arrays that have not been taught
arrays of several dimensions or other lower bounds (`MdArray`): they
refuse such an argument with 0A000 instead of reading its elements as a
flat list, which could answer differently from PostgreSQL (today only
functions other refusals already keep out: json[b]_extract_path's
VARIADIC form, xpath; a function added later starts here).

`guard()` wraps a family's signatures as the family registers
(`families`); the
functions that know the shape (or read the elements flat, as
deconstruct_array does) are listed in `SHAPE_AWARE`, those PostgreSQL
runs over any one-dimensional array but refuses with its own error for
more dimensions in `ONE_DIMENSIONAL`.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable

from twinning.errors import (
    ARRAY_SUBSCRIPT_ERROR, SqlError, feature_not_supported,
)
from twinning.passes.expr.registry import Impl, TypedImpl
from twinning.values.md_arrays import MdArray

_ARRAY_ARG = re.compile(r"\[\]|anyarray|anycompatiblearray")

# signatures whose implementation reads the dimensions and bounds
SHAPE_AWARE = frozenset({
    "array_append(anycompatiblearray,anycompatible)",
    "array_prepend(anycompatible,anycompatiblearray)",
    "array_cat(anycompatiblearray,anycompatiblearray)",
    "array_remove(anycompatiblearray,anycompatible)",
    "array_replace(anycompatiblearray,anycompatible,anycompatible)",
    "array_position(anycompatiblearray,anycompatible)",
    "array_position(anycompatiblearray,anycompatible,int4)",
    "array_positions(anycompatiblearray,anycompatible)",
    "array_upper(anyarray,int4)", "array_lower(anyarray,int4)",
    "array_length(anyarray,int4)", "array_dims(anyarray)",
    "array_ndims(anyarray)", "cardinality(anyarray)",
    "array_to_string(anyarray,text)", "array_to_string(anyarray,text,text)",
    "array_to_json(anyarray)", "array_to_json(anyarray,bool)",
    "array_fill(anyelement,int4[])", "array_fill(anyelement,int4[],int4[])",
    "array || array", "array || elem", "elem || array",
    # deconstruct_array: the elements in order, whatever the shape
    "format_variadic(text,anyarray)",
    "json #> text[]", "json #>> text[]", "jsonb #> text[]", "jsonb #>> text[]",
    "jsonb ?| text[]", "jsonb ?& text[]",
    "ts_filter(tsvector,char[])", "setweight(tsvector,char,text[])",
    "array_to_tsvector(text[])", "ts_delete(tsvector,text[])",
    # a 2-D array of two columns is key/value rows
    "json_object(text[])", "jsonb_object(text[])",
})


# signatures PostgreSQL runs over a one-dimensional array with any lower
# bound, raising its own error for more dimensions
ONE_DIMENSIONAL = {
    "jsonb - text[]": (ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts"),
    "jsonb #- text[]": (ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts"),
    "jsonb_set(jsonb,text[],jsonb,bool)": (ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts"),
    "jsonb_set_lax(jsonb,text[],jsonb,bool,text)": (ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts"),
    "jsonb_insert(jsonb,text[],jsonb,bool)": (ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts"),
    "json_object(text[],text[])": (ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts"),
    "jsonb_object(text[],text[])": (ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts"),
    "ts_rank(float4[],tsvector,tsquery)": (ARRAY_SUBSCRIPT_ERROR, "array of weight must be one-dimensional"),
    "ts_rank(float4[],tsvector,tsquery,int4)": (ARRAY_SUBSCRIPT_ERROR, "array of weight must be one-dimensional"),
}


def _one_dimensional(fn: Callable, error: tuple[str, str]) -> Callable:
    def guarded(*args: Any) -> Any:
        for a in args:
            if type(a) is MdArray and len(a.dims) > 1:
                raise SqlError(*error)
        return fn(*args)
    return guarded


def _checked(fn: Callable, name: str) -> Callable:
    def guarded(*args: Any) -> Any:
        for a in args:
            if type(a) is MdArray:
                raise feature_not_supported(
                    f"{name} of a multidimensional array or one with a "
                    "lower bound other than 1")
        return fn(*args)
    return guarded


def _wrap(impl: Impl, check: Callable[[Callable], Callable]) -> None:
    if isinstance(impl, TypedImpl):
        factory = impl.factory

        def typed(arg_types):
            make = factory(arg_types)
            return lambda settings: check(make(settings))
        impl.factory = typed
    elif impl.settings:
        make = impl.fn
        impl.fn = lambda settings: check(make(settings))
    elif impl.fn is not None:
        impl.fn = check(impl.fn)
        impl.fast = None


def guard(table: dict[str, Impl], signatures: Iterable[str]) -> None:
    """Wrap `table`'s entries of `signatures` (FUNCTIONS' or BINARY's,
    just registered) that take an array."""
    for sig in signatures:
        if sig in SHAPE_AWARE or not _ARRAY_ARG.search(sig):
            continue
        impl = table[sig]
        if sig in ONE_DIMENSIONAL:
            error = ONE_DIMENSIONAL[sig]
            _wrap(impl, lambda fn, e=error: _one_dimensional(fn, e))
            continue
        name = sig.split("(")[0] if "(" in sig else f"operator {sig}"
        _wrap(impl, lambda fn, n=name: _checked(fn, n))
