"""Invariants of the timetz value (twinning.values.timetz): its natural
ordering is timetz_cmp's, and the text, binary and plain forms round-trip."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from twinning.values import timetz as tt
from twinning.values.calendar import USECS_PER_DAY, USECS_PER_SEC

times = st.integers(0, USECS_PER_DAY)
zones = st.integers(-tt.TZDISP_LIMIT + 1, tt.TZDISP_LIMIT - 1)
values = st.builds(tt.make, times, zones)


def _timetz_cmp(a: tt.TimeTz, b: tt.TimeTz) -> int:
    """date.c's timetz_cmp_internal, over (time, zone)."""
    t1 = a.time + a.zone * USECS_PER_SEC
    t2 = b.time + b.zone * USECS_PER_SEC
    if t1 != t2:
        return 1 if t1 > t2 else -1
    return (a.zone > b.zone) - (a.zone < b.zone)


@given(values, values)
def test_natural_order_is_timetz_cmp(a, b):
    expected = _timetz_cmp(a, b)
    assert ((a > b) - (a < b)) == expected
    assert (a == b) == (expected == 0)
    if a == b:
        assert hash(a) == hash(b)


@given(values)
def test_forms_round_trip(value):
    assert tt.recv(tt.send(value)) == value
    assert tt.from_plain(tt.to_plain(value)) == value
    assert tt.parse_timetz(tt.format_timetz(value)) == value


@given(values, st.integers(-10 * USECS_PER_DAY, 10 * USECS_PER_DAY))
def test_interval_arithmetic_stays_in_the_day(value, micros):
    moved = tt.plus_micros(value, micros)
    assert 0 <= moved.time < USECS_PER_DAY and moved.zone == value.zone
    assert tt.plus_micros(moved, -micros).time == value.time % USECS_PER_DAY


@given(values, zones)
def test_with_zone_keeps_the_instant(value, zone):
    moved = tt.with_zone(value, zone)
    assert moved.zone == zone
    assert (moved.utc - value.utc) % USECS_PER_DAY == 0


def test_timetz_columns_survive_a_snapshot():
    from tests.support.replay import engine_of, run_all, through_snapshot
    from tests.support.replay import session_on
    from twinning.session import Engine
    engine = engine_of("CREATE TABLE t (id int PRIMARY KEY, v timetz(2), "
                       "a time with time zone[]);")
    session = session_on(engine)
    run_all(session, [
        "SET TIME ZONE 'UTC'",
        "INSERT INTO t VALUES (1, '12:34:56.789+05:30', "
        "'{\"01:02:03-04:00:30\",NULL}'), (2, '24:00:00-15:59', NULL), "
        "(3, NULL, '{}')"])
    _, restored = through_snapshot(engine)
    again = session_on(Engine(restored))
    reply = again.on_query("SELECT v, a FROM t ORDER BY v")
    assert b"12:34:56.79+05:30" in reply and b"24:00:00-15:59" in reply
    assert b'{01:02:03-04:00:30,NULL}' in reply
