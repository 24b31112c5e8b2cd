"""Arrays of several dimensions or other lower bounds (`MdArray`):
invariants of their representation, text and plain forms, subscripting
against a nested-list model, and a snapshot round trip.

The answers PostgreSQL gives are checked against real PostgreSQL in
tests/differential/corpus/arrays_multidim.sql and tests/test_values_arrays.py;
these are the properties those rely on."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.replay import engine_of, through_snapshot
from tests.support.replay import session_on as _session
from twinning.ir.catalog import QName
from twinning.ir.types import SqlType
from twinning.session import Engine
from twinning.values import format_text, from_plain, md_arrays, parse_text, to_plain

INT_ARRAY = SqlType("int4", is_array=True)


@st.composite
def arrays(draw):
    ndim = draw(st.integers(1, 3))
    dims = [draw(st.integers(1, 3)) for _ in range(ndim)]
    lbounds = [draw(st.integers(-3, 3)) for _ in range(ndim)]
    total = 1
    for d in dims:
        total *= d
    items = draw(st.lists(st.one_of(st.none(), st.integers(-99, 99)),
                          min_size=total, max_size=total))
    return md_arrays.make(items, dims, lbounds), dims, lbounds


@given(arrays())
@settings(max_examples=200, deadline=None)
def test_one_representation_per_shape(case):
    value, dims, lbounds = case
    if len(dims) == 1 and lbounds == [1]:
        assert type(value) is tuple
    else:
        assert type(value) is md_arrays.MdArray
    assert md_arrays.shape(value) == (tuple(dims), tuple(lbounds))
    plain = tuple(value)
    assert (value == plain) == (type(value) is tuple)
    assert hash(value) == hash(md_arrays.make(plain, dims, lbounds))


@given(arrays())
@settings(max_examples=200, deadline=None)
def test_text_and_plain_forms_round_trip(case):
    value, _, _ = case
    text = format_text(INT_ARRAY, value)
    again = parse_text(INT_ARRAY, text)
    assert again == value and md_arrays.shape(again) == md_arrays.shape(value)
    restored = from_plain(INT_ARRAY, to_plain(INT_ARRAY, value))
    assert restored == value and type(restored) is type(value)


def _model_fetch(value, indices):
    dims, lbounds = md_arrays.shape(value)
    if len(indices) != len(dims):
        return None
    node = md_arrays.nested(value)
    for i, lb, d in zip(indices, lbounds, dims):
        if not lb <= i < lb + d:
            return None
        node = node[i - lb]
    return node


@given(arrays(), st.lists(st.integers(-4, 5), min_size=1, max_size=3))
@settings(max_examples=300, deadline=None)
def test_fetch_follows_the_nested_model(case, indices):
    value, _, _ = case
    assert md_arrays.fetch(value, indices) == _model_fetch(value, indices)


@given(arrays(), st.lists(st.tuples(st.one_of(st.none(), st.integers(-4, 5)),
                                    st.one_of(st.none(), st.integers(-4, 5))),
                          min_size=1, max_size=3))
@settings(max_examples=300, deadline=None)
def test_slice_takes_the_clipped_box(case, bounds):
    value, dims, lbounds = case
    got = md_arrays.slice_of(value, [b[0] for b in bounds], [b[1] for b in bounds])
    if len(bounds) > len(dims):
        assert got == ()
        return
    ranges = []
    for k, (d, lb) in enumerate(zip(dims, lbounds)):
        lo, hi = bounds[k] if k < len(bounds) else (None, None)
        lo = lb if lo is None else max(lo, lb)
        hi = lb + d - 1 if hi is None else min(hi, lb + d - 1)
        ranges.append(range(lo, hi + 1))
    if any(len(r) == 0 for r in ranges):
        assert got == ()
        return
    expected = [_model_fetch(value, list(ix)) for ix in itertools.product(*ranges)]
    assert list(got) == expected
    assert md_arrays.shape(got) == (tuple(len(r) for r in ranges),
                                    tuple(1 for _ in ranges))


def test_multidimensional_values_survive_a_snapshot():
    engine = engine_of("CREATE TABLE g (id int PRIMARY KEY, a int[], t text[]);")
    session = _session(engine)
    assert b"ERROR" not in session.on_query(
        "INSERT INTO g VALUES (1, '{{1,2},{3,NULL}}', '[0:1]={a,\"b c\"}'), "
        "(2, '{5}', NULL)")
    _, restored = through_snapshot(engine)
    assert restored.catalog.table(QName("public", "g")) is not None
    again = _session(Engine(restored))
    reply = again.on_query("SELECT a, t, array_dims(a) FROM g WHERE id = 1")
    assert b"{{1,2},{3,NULL}}" in reply and b'[0:1]={a,"b c"}' in reply
    assert b"[1:2][1:2]" in reply
    assert b"1" in again.on_query("SELECT count(*) FROM g WHERE a = '{{1,2},{3,NULL}}'")
