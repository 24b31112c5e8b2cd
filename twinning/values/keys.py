"""Equality keys per type: Python values whose `==` and `hash` agree with
PostgreSQL's default btree/hash operator class for the column type.

`1.0 = 1.00` (numeric), `'NaN' = 'NaN'` and `0 = -0` (float), `'ab' =
'ab   '` (char(n)), `'1 day' = '24 hours'` (interval), `'{"a":1.0}' =
'{"a":1.00}'` (jsonb). The store's indexes key rows with them and the
expression layer's grouping and DISTINCT compare with them.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal
from typing import Any, Callable, Hashable

from twinning.ir.types import RecordType, SqlType
from twinning.values import md_arrays
from twinning.values.calendar import USECS_PER_DAY

_NAN = ("NaN",)  # every NaN is one value for float and numeric btree opclasses


def _float_key(value: float) -> Hashable:
    return _NAN if math.isnan(value) else value  # -0.0 == 0.0 and hash alike


def _numeric_key(value: Decimal) -> Hashable:
    return _NAN if value.is_nan() else value  # Decimal('1.0') == Decimal('1.00')


def _interval_key(value: Any) -> Hashable:
    # interval_cmp_value(): months count 30 days, days 24 hours.
    return (value.months * 30 + value.days) * USECS_PER_DAY + value.micros


def _jsonb_freeze(value: Any) -> Hashable:
    if isinstance(value, dict):
        return ("o", frozenset((k, _jsonb_freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("a", tuple(_jsonb_freeze(v) for v in value))
    if isinstance(value, bool):
        return ("b", value)
    if isinstance(value, Decimal):
        return ("n", value)
    if value is None:
        return ("z",)
    return ("s", value)


def _jsonb_key(value: str) -> Hashable:
    return _jsonb_freeze(json.loads(value, parse_float=Decimal, parse_int=Decimal))


def _jsonb_order(value: Any, top: bool = False) -> tuple:
    # compareJsonbContainers: null < string < number < bool < array <
    # object; containers by element count first (a raw scalar is a
    # one-element array below a real one of the same count), then element
    # by element, objects key, value, key, … in storage order
    if isinstance(value, dict):
        items: list = [5, len(value)]
        for k, v in value.items():
            items.append((1, k))
            items.append(_jsonb_order(v))
        return tuple(items)
    if isinstance(value, list):
        return (4, len(value), 1, *(_jsonb_order(v) for v in value))
    if isinstance(value, bool):
        scalar: tuple = (3, value)
    elif isinstance(value, Decimal):
        scalar = (2, value)
    elif value is None:
        scalar = (0,)
    else:
        scalar = (1, value)
    return (4, 1, 0, scalar) if top else scalar


def jsonb_sort_key(value: str) -> tuple:
    """jsonb's btree order (the C collation for strings and keys)."""
    return _jsonb_order(json.loads(value, parse_float=Decimal,
                                   parse_int=Decimal), True)


def _tsquery_key(value: Any) -> Hashable:
    from twinning.values.tsearch import tsquery_key
    return tsquery_key(value)  # weights and prefix marks do not count


def _scalar_key(name: str) -> Callable[[Any], Hashable] | None:
    return {
        "float4": _float_key, "float8": _float_key, "numeric": _numeric_key,
        "bpchar": lambda v: v.rstrip(" "), "interval": _interval_key,
        "jsonb": _jsonb_key, "tsquery": _tsquery_key,
    }.get(name)


def _same(value: Any) -> Any:
    return value


def key_function(t: SqlType) -> Callable[[Any], Hashable] | None:
    """The normaliser for one column type; None when the value is its own key."""
    if isinstance(t.user, RecordType) and not t.is_array:
        # record_eq: field by field, two NULLs equal
        keys = [key_function(f) or _same for _, f in t.user.fields]
        return lambda v: tuple(None if e is None else k(e)
                               for k, e in zip(keys, v))
    scalar = _scalar_key(t.name)
    if not t.is_array:
        return scalar
    if scalar is None:
        return _array_key
    return lambda v: _array_key(md_arrays.map_elements(v, scalar))


def _array_key(v) -> Hashable:
    """A plain array is its own key; an MdArray's key adds its shape."""
    if type(v) is md_arrays.MdArray:
        return (tuple(v), v.dims, v.lbounds)
    return tuple(v)
