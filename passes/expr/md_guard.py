"""The functions and operators over arrays that have not been taught
arrays of several dimensions or other lower bounds (`MdArray`): they
refuse such an argument with 0A000 instead of reading its elements as a
flat list, which would answer differently from PostgreSQL (json_object
of a two-column array, a jsonb path given as a 2-D array, ...).

`install()` wraps them once, after every family registered; the
functions that know the shape are listed in `SHAPE_AWARE`.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from twinning.errors import feature_not_supported
from twinning.passes.expr.registry import BINARY, FUNCTIONS, Impl, TypedImpl
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


def _checked(fn: Callable, name: str) -> Callable:
    def guarded(*args: Any) -> Any:
        for a in args:
            if type(a) is MdArray:
                raise feature_not_supported(
                    f"{name} of a multidimensional array or one with a "
                    "lower bound other than 1")
        return fn(*args)
    return guarded


def _wrap(impl: Impl, name: str) -> None:
    if isinstance(impl, TypedImpl):
        factory = impl.factory

        def typed(arg_types):
            make = factory(arg_types)
            return lambda settings: _checked(make(settings), name)
        impl.factory = typed
    elif impl.settings:
        make = impl.fn
        impl.fn = lambda settings: _checked(make(settings), name)
    elif impl.fn is not None:
        impl.fn = _checked(impl.fn, name)
        impl.fast = None


def install() -> None:
    for table in (FUNCTIONS, BINARY):
        for sig, impl in table.items():
            if sig in SHAPE_AWARE or not _ARRAY_ARG.search(sig):
                continue
            name = sig.split("(")[0] if "(" in sig else f"operator {sig}"
            _wrap(impl, name)
