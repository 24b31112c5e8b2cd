"""How values of each type sort and compare equal, as PostgreSQL's default
btree and hash operator classes define it.

`sort_key(type)` maps a non-NULL value to a Python key whose natural order
is the type's: NaN above every number (float and numeric), `char(n)`
without its padding, intervals by their 30-day-month span, uuids by their
bytes, text by code point (the C collation the twin declares), arrays
element by element with NULL elements last. `equality_key(type)` is the
store's hash-index key (numeric 1.0 = 1.00, -0.0 = 0.0, NaN = NaN), used
for GROUP BY, DISTINCT, set operations and hash joins.

json and jsonpath have neither ordering nor equality in PostgreSQL;
asking for either is the 42883 PostgreSQL raises. jsonb sorts by its btree order
(`values.keys.jsonb_sort_key`: objects above arrays above booleans above
numbers above strings above null, containers by count first).
"""

from __future__ import annotations

import math
from typing import Any, Callable

from twinning.errors import undefined_function
from twinning.ir import query as q
from twinning.ir.types import RecordType
from twinning.values import md_arrays
from twinning.values.keys import jsonb_sort_key, key_function

__all__ = ["sort_key", "raw_order", "equality_key", "require_ordering",
           "require_equality"]

_NAN_KEY = (1, 0)


def _float(value: float) -> tuple:
    return _NAN_KEY if math.isnan(value) else (0, value)


def _numeric(value: Any) -> tuple:
    return _NAN_KEY if value.is_nan() else (0, value)


def _bpchar(value: str) -> str:
    return value.rstrip(" ")


def _interval(value: Any) -> int:
    return (value.months * 30 + value.days) * 86_400_000_000 + value.micros


def _tsvector() -> Callable[[Any], Any]:
    from functools import cmp_to_key
    from twinning.values.tsearch import tsvector_cmp
    return cmp_to_key(tsvector_cmp)  # silly_cmp_tsvector: size first


def _tsquery() -> Callable[[Any], Any]:
    from functools import cmp_to_key
    from twinning.values.tsearch import tsquery_cmp
    return cmp_to_key(tsquery_cmp)  # CompareTSQ


_SCALAR: dict[str, Callable[[], Callable[[Any], Any]]] = {
    "float4": lambda: _float, "float8": lambda: _float,
    "numeric": lambda: _numeric, "bpchar": lambda: _bpchar,
    "interval": lambda: _interval, "jsonb": lambda: jsonb_sort_key,
    "tsvector": _tsvector, "tsquery": _tsquery,
}


def _scalar_key(name: str) -> Callable[[Any], Any] | None:
    make = _SCALAR.get(name)
    return make() if make is not None else None


def sort_key(rtype: q.ResultType) -> Callable[[Any], Any] | None:
    """A key function for non-NULL values (None: the value is its key)."""
    sql_type = rtype.sql_type
    if sql_type is None:
        return None
    if isinstance(sql_type.user, RecordType) and not sql_type.is_array:
        return _record_key(sql_type.user)
    scalar = _scalar_key(sql_type.name) if sql_type.user is None else \
        sql_type.user.rank().__getitem__  # an enum: declaration order
    if not sql_type.is_array:
        return scalar
    inner = scalar or (lambda v: v)
    # array_cmp: element by element (NULLs last), the shorter array first,
    # then fewer dimensions, smaller dimensions, smaller lower bounds
    def key(value):
        dims, lbounds = md_arrays.shape(value)
        return (tuple((1,) if e is None else (0, inner(e)) for e in value),
                len(dims), dims, lbounds)
    return key


def _record_key(record: RecordType) -> Callable[[Any], Any]:
    """btrecordcmp: field by field, a NULL field after any value."""
    keys = [sort_key(q.ResultType.of(f)) or (lambda v: v)
            for _, f in record.fields]
    return lambda value: tuple((1,) if e is None else (0, k(e))
                               for k, e in zip(keys, value))


def raw_order(rtype: q.ResultType) -> bool:
    """Whether non-NULL values sort as Python orders them, except that
    NaN (numeric: comparing raises InvalidOperation; float: silently
    unordered) needs `sort_key`: a sort may then skip the key function."""
    sql_type = rtype.sql_type
    if sql_type is None or sql_type.is_array:
        return False
    return sort_key(rtype) is None or sql_type.name in ("numeric", "float4",
                                                        "float8")


def equality_key(rtype: q.ResultType) -> Callable[[Any], Any] | None:
    sql_type = rtype.sql_type
    return key_function(sql_type) if sql_type is not None else None


def _display(rtype: q.ResultType) -> str:
    from twinning.passes.expr.types import display_type
    return display_type(rtype)


def _json(rtype: q.ResultType) -> bool:
    """json and jsonpath: no btree or hash operator class."""
    return rtype.sql_type is not None and \
        rtype.sql_type.name in ("json", "jsonpath")


def require_ordering(rtype: q.ResultType, location: int) -> None:
    if _json(rtype):
        raise undefined_function("could not identify an ordering operator for "
                                 f"type {_display(rtype)}",
                                 hint="Use an explicit ordering operator or modify the "
                                 "query.", position=location + 1 if location >= 0 else None)


def require_equality(rtype: q.ResultType, location: int) -> None:
    if _json(rtype):
        raise undefined_function("could not identify an equality operator for "
                                 f"type {_display(rtype)}",
                                 position=location + 1 if location >= 0 else None)
