"""Plain trees for snapshots: a lossless, deterministic mapping of every
runtime value onto CBOR-friendly Python (int, str, bytes, bool, float,
list, None for array NULLs).

- numeric -> its exact text ('1.50', 'NaN', '-Infinity'): Decimal scale kept;
- float4/float8 -> float (CBOR keeps -0.0; every NaN becomes the one
  canonical NaN, which PostgreSQL cannot tell apart anyway);
- uuid -> its 16 bytes; interval -> [months, days, micros];
- date/time/timestamps -> their int; json/jsonb/text -> str; bytea -> bytes;
- arrays -> list of element plains; a multidimensional array or one with
  a lower bound other than 1 -> {"dims", "lbounds", "items"}.

`same_value(t, a, b)` compares runtime values by their plain form, which
treats NaN as equal to NaN and -0.0 as different from 0.0 (what a
snapshot needs; plain `==` does neither).
"""

from __future__ import annotations

import math
import struct
from decimal import Decimal
from functools import lru_cache
from typing import Callable

from twinning.deferred import deferred
from twinning.ir.types import RecordType, SqlType
from twinning.values.datetime import Interval
from twinning.values import md_arrays
from twinning.values.numeric import format_numeric

uuid = deferred("uuid", globals(), "uuid")
jsonpath = deferred("twinning.values.jsonpath", globals(), "jsonpath")
timetz = deferred("twinning.values.timetz", globals(), "timetz")
tsearch = deferred("twinning.values.tsearch", globals(), "tsearch")


# the types whose plain form is their Python value's own kind, both ways
_SAME: dict[str, Callable] = {
    "bool": bool, "int2": int, "int4": int, "int8": int,
    "float4": float, "float8": float,
    "text": str, "varchar": str, "bpchar": str, "json": str, "jsonb": str,
    "xml": str, "bit": str, "varbit": str, "money": int,
    "bytea": bytes,
    "date": int, "time": int, "timestamp": int, "timestamptz": int,
}

_TO: dict[str, Callable] = {
    **_SAME,
    "numeric": format_numeric,
    "tsvector": lambda v: tsearch.format_tsvector(v),
    "tsquery": lambda v: tsearch.send_tsquery(v),
    "jsonpath": str,
    "uuid": lambda v: v.bytes,
    "interval": lambda v: [v.months, v.days, v.micros],
    "timetz": lambda v: timetz.to_plain(v),
}

_FROM: dict[str, Callable] = {
    **_SAME,
    "numeric": Decimal,
    "tsvector": lambda p: tsearch.parse_tsvector(p),
    "tsquery": lambda p: tsearch.recv_tsquery(bytes(p)),
    "jsonpath": lambda p: jsonpath.parse_jsonpath(p),
    "uuid": lambda p: uuid.UUID(bytes=bytes(p)),
    "interval": lambda p: Interval(int(p[0]), int(p[1]), int(p[2])),
    "timetz": lambda p: timetz.from_plain(p),
}


def _record_to(t: SqlType) -> Callable:
    """A composite: the list of its fields' plain forms."""
    fields = [to_plain_for(f) for _, f in t.user.fields]
    return lambda value: [None if v is None else conv(v)
                          for conv, v in zip(fields, value)]


def _record_from(t: SqlType) -> Callable:
    fields = [from_plain_for(f) for _, f in t.user.fields]
    return lambda plain: tuple(None if p is None else conv(p)
                               for conv, p in zip(fields, plain))


def _element_conv(t: SqlType, record: Callable, table: dict) -> Callable:
    """The conversion of `t`'s element: a composite's over its fields, an
    enum's label as is, else the type's entry in `table`."""
    if isinstance(t.user, RecordType):
        return record(t.element)
    return str if t.user is not None else table[t.name]


@lru_cache(maxsize=None)
def to_plain_for(t: SqlType) -> Callable:
    conv = _element_conv(t, _record_to, _TO)
    if t.is_array:
        def array_to(value):
            items = [None if v is None else conv(v) for v in value]
            if type(value) is md_arrays.MdArray:
                return {"dims": list(value.dims), "lbounds": list(value.lbounds),
                        "items": items}
            return items
        return array_to
    return conv


@lru_cache(maxsize=None)
def from_plain_for(t: SqlType) -> Callable:
    conv = _element_conv(t, _record_from, _FROM)
    if t.is_array:
        def array_from(plain):
            if isinstance(plain, dict):
                return md_arrays.make([None if p is None else conv(p)
                                       for p in plain["items"]],
                                      plain["dims"], plain["lbounds"])
            return tuple(None if p is None else conv(p) for p in plain)
        return array_from
    return conv


def to_plain(t: SqlType, value):
    return to_plain_for(t)(value)


def from_plain(t: SqlType, plain):
    return from_plain_for(t)(plain)


def _key(plain):
    """A comparable form: floats by their bit pattern (NaNs collapsed)."""
    if isinstance(plain, float):
        if math.isnan(plain):
            return ("nan",)
        return ("f", struct.pack(">d", plain))
    if isinstance(plain, list):
        return [_key(p) for p in plain]
    if isinstance(plain, dict):
        return {k: _key(v) for k, v in plain.items()}
    return plain


def same_value(t: SqlType, a, b) -> bool:
    return _key(to_plain(t, a)) == _key(to_plain(t, b))
