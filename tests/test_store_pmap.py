"""Persistent maps and index keys: evolve never changes the original, order
and sizes stay right across resizes, and keys compare like PostgreSQL."""

from __future__ import annotations

import random
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from twinning.ir.types import SqlType
from twinning.store.indexes import IndexDef, MultiOverlay, UniqueOverlay
from twinning.values.keys import key_function
from twinning.store.pmap import CHUNK_BITS, DELETE, PMap, RowMap, evolved
from twinning.values.datetime import Interval


def test_rowmap_evolve_keeps_original_and_id_order() -> None:
    base = RowMap.build([(i, (i,)) for i in range(3000)])
    changed = base.evolve({5: DELETE, 3000: ("new",), 4000: ("newer",), 17: ("upd",)})
    assert len(base) == 3000 and base.get(5) == (5,) and base.get(3000) is None
    assert len(changed) == 3001
    assert changed.get(5) is None and changed.get(17) == ("upd",)
    ids = [rid for rid, _ in changed.items()]
    assert ids == sorted(ids) and ids[-2:] == [3000, 4000]


def test_rowmap_trims_empty_leading_chunks() -> None:
    size = 1 << CHUNK_BITS
    base = RowMap.build([(i, (i,)) for i in range(2 * size)])
    emptied = base.evolve({i: DELETE for i in range(size)})
    assert len(emptied._chunks) == 1 and len(emptied) == size
    assert list(emptied.evolve({i: DELETE for i in range(size, 2 * size)}).items()) == []


# a commit: deletions of existing ids, updates, and appends of new ids above
# every id so far (the store allocates ids monotonically)
_COMMITS = st.lists(st.tuples(
    st.lists(st.integers(0, 5000), max_size=40),  # ids to delete or update
    st.booleans(),                                # delete (else update)
    st.integers(0, 3000)), min_size=1, max_size=8)  # how many to append


@settings(max_examples=150, deadline=None)
@given(start=st.integers(0, 4000), commits=_COMMITS)
@example(start=0, commits=[([], False, 1), ([0], False, 0), ([0], True, 0),
                           ([], False, 1)])  # one row into an empty map
def test_rowmap_evolve_is_a_dict_in_id_order(start, commits) -> None:
    model = {i: (i,) for i in range(start)}
    current = RowMap.build(sorted(model.items()))
    next_id = start
    for touched, delete, appended in commits:
        changes: dict = {}
        for rid in touched:
            if rid in model:
                changes[rid] = DELETE if delete else ("upd", rid)
        for rid in range(next_id, next_id + appended):
            changes[rid] = ("new", rid)
        next_id += appended
        current = current.evolve(changes)
        for rid, value in changes.items():
            if value is DELETE:
                model.pop(rid, None)
            else:
                model[rid] = value
        assert list(current.items()) == sorted(model.items())
        assert len(current) == len(model)
        assert all(current.get(rid) == row for rid, row in model.items())
        assert not current._chunks or (current._chunks[0]
                                       and current._chunks[-1])


def test_pmap_against_dict_through_resizes() -> None:
    rng = random.Random(7)
    model: dict = {}
    current = PMap()
    history = []
    for _ in range(60):
        changes = {}
        for _ in range(rng.randint(1, 400)):
            key = rng.randint(0, 3000)
            changes[key] = DELETE if rng.random() < 0.3 else rng.random()
        before = dict(model)
        history.append((current, before))
        current = evolved(current, changes)
        for k, v in changes.items():
            if v is DELETE:
                model.pop(k, None)
            else:
                model[k] = v
        assert len(current) == len(model)
    assert dict(current.items()) == model
    for old, snapshot in history:  # earlier versions never changed
        assert dict(old.items()) == snapshot


def test_pmap_one_change_at_a_time_through_resizes() -> None:
    """Single-key changes (a one-row commit's path), growing to thousands of
    keys and shrinking back, deleting absent keys too."""
    rng = random.Random(11)
    model: dict = {}
    current = PMap()
    for step in range(6000):
        key = rng.randint(0, 2500)
        value = DELETE if step > 3000 and rng.random() < 0.8 else step
        before, old_items = current, dict(current.items())
        current = evolved(current, {key: value})
        if value is DELETE:
            model.pop(key, None)
        else:
            model[key] = value
        assert len(current) == len(model)
        assert dict(before.items()) == old_items  # never changed
        if step % 500 == 0:
            assert dict(current.items()) == model
    assert dict(current.items()) == model
    assert all(current.get(k) == v for k, v in model.items())


def test_key_functions_follow_postgres_equality() -> None:
    def key(name, value, array=False):
        fn = key_function(SqlType(name, is_array=array))
        return value if fn is None else fn(value)

    assert key("numeric", Decimal("1.0")) == key("numeric", Decimal("1.000"))
    assert key("numeric", Decimal("NaN")) == key("numeric", Decimal("NaN"))
    assert key("float8", float("nan")) == key("float8", float("nan"))
    assert key("float8", -0.0) == key("float8", 0.0)
    assert key("bpchar", "ab   ") == key("bpchar", "ab")
    assert key("interval", Interval(0, 1, 0)) == key("interval", Interval(0, 0, 86400 * 10**6))
    assert key("interval", Interval(1, 0, 0)) == key("interval", Interval(0, 30, 0))
    assert key("jsonb", '{"a": 1.0, "b": [true]}') == key("jsonb", '{"b": [true], "a": 1.00}')
    assert key("jsonb", '{"a": true}') != key("jsonb", '{"a": 1}')
    assert key("int4", (1, None), array=True) == (1, None)


def _defn(unique: bool, nnd: bool = False) -> IndexDef:
    return IndexDef("i", ("a", "b"), (0, 1), (None, None), unique=unique,
                    nulls_not_distinct=nnd)


def test_index_keys_leave_out_nulls_unless_not_distinct() -> None:
    assert _defn(True).key((1, None)) is None
    assert _defn(True, nnd=True).key((1, None)) == (1, None)
    assert _defn(False).key((1, 2)) == (1, 2)


def test_unique_overlay_appear_disappear_round_trip() -> None:
    base, _ = _defn(True).build([(0, (1, 1)), (1, (2, 2))])
    overlay = UniqueOverlay(base)
    overlay.disappear((1, 1), 0)
    assert overlay.get((1, 1)) is None
    overlay.appear((1, 1), 5)
    assert overlay.get((1, 1)) == 5
    overlay.disappear((1, 1), 5)
    overlay.appear((1, 1), 0)  # undo back to the committed row
    assert overlay.changes == {} and overlay.get((1, 1)) == 0
    committed = UniqueOverlay(base)
    committed.appear((3, 3), 9)
    assert dict(committed.commit().items()) == {(1, 1): 0, (2, 2): 1, (3, 3): 9}


def test_multi_overlay_sets() -> None:
    base, _ = _defn(False).build([(0, (1, 1)), (1, (1, 1)), (2, (2, 2))])
    overlay = MultiOverlay(base)
    overlay.disappear((1, 1), 0)
    overlay.appear((1, 1), 7)
    assert set(overlay.lookup((1, 1))) == {1, 7}
    overlay.disappear((2, 2), 2)
    assert dict(overlay.commit().items()) == {(1, 1): frozenset({1, 7})}


def test_unique_build_reports_duplicates() -> None:
    _, duplicate = _defn(True).build([(0, (1, 1)), (1, (1, None)), (2, (1, 1))])
    assert duplicate == (0, 2)
