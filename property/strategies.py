"""Hypothesis strategies for twinning's SQL types and their runtime values.

`sql_types()` draws any supported SqlType: every base type, with and
without the typmods PostgreSQL allows (varchar(n), char(n), numeric(p,s),
time/timestamp/timestamptz precision, interval fields and precision), scalar or one-dimensional
array. `values_of(t)` draws valid runtime values of exactly that type, as
twinning.values represents them, already conforming to the typmod, so
property tests of other modules can use them directly.

What the strategies leave out, and why:
- text never contains NUL or lone surrogates: PostgreSQL text cannot;
- float NaNs are the canonical quiet NaN (PostgreSQL prints every NaN as
  'NaN', so payloads are invisible in text and excluded from text tests);
- numeric stays well inside PostgreSQL's limits (40 integer digits, 30
  fraction digits) to keep examples small; the limits have their own
  differential tests;
- timestamps stay one second clear of the upper end, where typmod rounding
  could carry past the last representable instant.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal

from hypothesis import strategies as st

from twinning.ir.types import (
    INTERVAL_FULL_PRECISION, INTERVAL_FULL_RANGE, INTERVAL_RANGES, VARHDRSZ, SqlType,
    interval_typmod, numeric_precision_scale, numeric_typmod,
)
from twinning.values import Interval, apply_typmod
from twinning.values.calendar import (
    DATE_END_JULIAN, DATE_NOBEGIN, DATE_NOEND, END_TIMESTAMP, MIN_TIMESTAMP,
    POSTGRES_EPOCH_JDATE, TIMESTAMP_NOBEGIN, TIMESTAMP_NOEND, USECS_PER_DAY,
)
from twinning.values.floats import to_float32
from twinning.values.json import parse_jsonb
from twinning.values.numeric import CTX, canonical

BASE_NAMES = ("bool", "bytea", "int2", "int4", "int8", "text", "json", "float4", "float8",
              "bpchar", "varchar", "date", "time", "timestamp", "timestamptz", "interval",
              "numeric", "uuid", "jsonb")

INT_RANGES = {"int2": 16, "int4": 32, "int8": 64}


def _typmods(name: str) -> st.SearchStrategy[int]:
    if name in ("varchar", "bpchar"):
        return st.one_of(st.just(-1), st.integers(1, 20).map(lambda n: n + VARHDRSZ))
    if name == "numeric":
        return st.one_of(st.just(-1), st.integers(1, 30).flatmap(
            lambda p: st.integers(0, p).map(lambda s: numeric_typmod(p, s))))
    if name in ("time", "timestamp", "timestamptz"):
        return st.one_of(st.just(-1), st.integers(0, 6))
    if name == "interval":
        # The grammar only attaches a precision to ranges ending in SECOND.
        second = 1 << 12
        with_second = sorted(r for r in INTERVAL_RANGES
                             if r & second and r != INTERVAL_FULL_RANGE)
        without = sorted(r for r in INTERVAL_RANGES if not r & second)
        return st.one_of(
            st.just(-1),
            st.integers(0, 6).map(lambda p: interval_typmod(INTERVAL_FULL_RANGE, p)),
            st.tuples(st.sampled_from(with_second),
                      st.sampled_from([0, 3, INTERVAL_FULL_PRECISION]))
            .map(lambda rp: interval_typmod(*rp)),
            st.sampled_from(without).map(
                lambda r: interval_typmod(r, INTERVAL_FULL_PRECISION)))
    return st.just(-1)


@st.composite
def sql_types(draw, names=BASE_NAMES, arrays: bool = True) -> SqlType:
    """Any supported SqlType (base, typmod, array flag)."""
    name = draw(st.sampled_from(names))
    typmod = draw(_typmods(name))
    is_array = draw(st.booleans()) if arrays else False
    return SqlType(name, typmod, is_array)


# -- element strategies ------------------------------------------------------------

_TEXT_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")


def _text(max_size: int | None = None) -> st.SearchStrategy[str]:
    return st.text(_TEXT_CHARS, max_size=30 if max_size is None else max_size)


def _numeric(typmod: int) -> st.SearchStrategy[Decimal]:
    if typmod >= VARHDRSZ:
        precision, scale = numeric_precision_scale(typmod)
        digits = st.integers(-(10 ** precision - 1), 10 ** precision - 1)
        finite = digits.map(lambda n: canonical(Decimal(n).scaleb(-scale, context=CTX)))
        return st.one_of(finite, st.just(Decimal("NaN")))
    finite = st.tuples(st.integers(-(10 ** 40), 10 ** 40), st.integers(0, 30)).map(
        lambda p: canonical(Decimal(p[0]).scaleb(-p[1], context=CTX)))
    return st.one_of(finite, st.sampled_from([Decimal("NaN"), Decimal("Infinity"),
                                              Decimal("-Infinity")]))


def _float(width: int) -> st.SearchStrategy[float]:
    base = st.floats(width=width, allow_nan=False)
    special = st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 0.0])
    values = st.one_of(base, special)
    return values.map(to_float32) if width == 32 else values


_JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10 ** 20), 10 ** 20),
    st.floats(allow_nan=False, allow_infinity=False), _text(10))
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(_text(6), children, max_size=4)),
    max_leaves=12)


@st.composite
def json_texts(draw) -> str:
    """Valid JSON documents, spelled with assorted whitespace and escaping."""
    value = draw(_JSON_VALUES)
    indent = draw(st.sampled_from([None, 0, 2]))
    separators = draw(st.sampled_from([(",", ":"), (", ", ": "), (" ,", " : ")]))
    text = json.dumps(value, ensure_ascii=draw(st.booleans()), indent=indent,
                      separators=separators)
    pad = draw(st.sampled_from(["", " ", "\n", "\t "]))
    return pad + text + pad


def _date() -> st.SearchStrategy[int]:
    finite = st.integers(-POSTGRES_EPOCH_JDATE, DATE_END_JULIAN - POSTGRES_EPOCH_JDATE - 1)
    return st.one_of(finite, st.sampled_from([DATE_NOBEGIN, DATE_NOEND]))


def _timestamp(typmod: int) -> st.SearchStrategy[int]:
    finite = st.one_of(
        st.integers(MIN_TIMESTAMP, END_TIMESTAMP - 1_000_001),
        # the years people actually store
        st.integers(-3_155_760_000_000_000, 3_155_760_000_000_000))
    t = SqlType("timestamp", typmod)
    finite = finite.map(lambda v: apply_typmod(t, v))
    return st.one_of(finite, st.sampled_from([TIMESTAMP_NOBEGIN, TIMESTAMP_NOEND]))


def _time(typmod: int) -> st.SearchStrategy[int]:
    t = SqlType("time", typmod)
    return st.integers(0, USECS_PER_DAY).map(lambda v: apply_typmod(t, v))


def _interval(typmod: int) -> st.SearchStrategy[Interval]:
    t = SqlType("interval", typmod)
    raw = st.builds(Interval, st.integers(-(2 ** 31), 2 ** 31 - 1),
                    st.integers(-(2 ** 31), 2 ** 31 - 1),
                    st.one_of(st.integers(-(2 ** 63) + 1_000_000, 2 ** 63 - 1_000_000),
                              st.integers(-10 ** 12, 10 ** 12)))
    return raw.map(lambda v: apply_typmod(t, v))


def _bpchar(typmod: int) -> st.SearchStrategy[str]:
    if typmod < VARHDRSZ:
        return _text()
    n = typmod - VARHDRSZ
    return _text(n).map(lambda s: s + " " * (n - len(s)))


def _scalar(t: SqlType) -> st.SearchStrategy:
    name, typmod = t.name, t.typmod
    if name == "bool":
        return st.booleans()
    if name in INT_RANGES:
        bits = INT_RANGES[name]
        return st.integers(-(1 << (bits - 1)), (1 << (bits - 1)) - 1)
    if name == "float4":
        return _float(32)
    if name == "float8":
        return _float(64)
    if name == "numeric":
        return _numeric(typmod)
    if name == "text":
        return _text()
    if name == "varchar":
        return _text(typmod - VARHDRSZ if typmod >= VARHDRSZ else None)
    if name == "bpchar":
        return _bpchar(typmod)
    if name == "bytea":
        return st.binary(max_size=40)
    if name == "uuid":
        return st.uuids()
    if name == "json":
        return json_texts()
    if name == "jsonb":
        return json_texts().map(parse_jsonb)
    if name == "date":
        return _date()
    if name == "time":
        return _time(typmod)
    if name in ("timestamp", "timestamptz"):
        return _timestamp(typmod)
    if name == "interval":
        return _interval(typmod)
    raise KeyError(name)


def values_of(t: SqlType) -> st.SearchStrategy:
    """Valid runtime values of type t (tuples with None for arrays)."""
    element = _scalar(t.element)
    if not t.is_array:
        return element
    return st.lists(st.one_of(st.none(), element), max_size=5).map(tuple)


@st.composite
def typed_values(draw, names=BASE_NAMES, arrays: bool = True):
    """(SqlType, value) pairs."""
    t = draw(sql_types(names, arrays))
    return t, draw(values_of(t))
