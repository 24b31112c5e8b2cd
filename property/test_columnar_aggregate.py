"""GROUP BY over a table's columnar copies (passes/plan_columnar.py)
answers exactly what the row path answers: the same groups in the same
order, the same aggregate values, on random tables with NULLs, NaN,
infinities and duplicate keys, before and after writes that replace the
table's rows (the row path's answers are PostgreSQL's: the differential
corpora pin them down)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twinning.bootstrap import compile_schema
from twinning.passes import plan_columnar
from twinning.session import Engine, Session
from twinning.state import CommittedState

SCHEMA = "CREATE TABLE g (id serial PRIMARY KEY, k text, j integer, " \
         "n numeric, f double precision, b boolean);"
QUERIES = (
    "SELECT k, count(*), count(j), sum(j), avg(j), min(j), max(j) FROM g GROUP BY k",
    "SELECT k, j, sum(n), avg(n), min(n), max(n) FROM g GROUP BY k, j",
    "SELECT b, sum(f), avg(f), min(f), max(f), min(k), max(k) FROM g GROUP BY b",
    "SELECT j, count(*), count(b) FROM g GROUP BY j HAVING count(*) > 1",
)


def _literal(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f"'{value}'"
    return f"'{value}'"  # numbers, 'NaN' and 'Infinity' alike


def _nullable(base: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), base, base, base)


ROWS = st.lists(st.tuples(
    _nullable(st.sampled_from(("a", "b", "c", "a "))),
    _nullable(st.integers(-3, 3)),
    _nullable(st.one_of(st.decimals(-100, 100, places=2),
                        st.sampled_from(("NaN", "Infinity", "-Infinity")))),
    _nullable(st.one_of(st.integers(-8, 8).map(lambda i: i / 4),
                        st.sampled_from(("NaN", "Infinity", "-Infinity")))),
    _nullable(st.booleans())), max_size=40)


def _answers(rows: list, changes: list, min_rows: int) -> list:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plan_columnar, "MIN_ROWS", min_rows)
        return _run(rows, changes)


def _run(rows: list, changes: list) -> list:
    catalog, _ = compile_schema(SCHEMA, "<columnar>")
    session = Session(Engine(CommittedState.empty(catalog, SCHEMA)))
    session.on_startup({"user": "postgres", "database": "postgres"})
    session.on_authenticated()
    out = []
    for batch in (rows, changes):
        if batch:
            session.on_query("INSERT INTO g (k, j, n, f, b) VALUES " + ", ".join(
                "(" + ", ".join(map(_literal, row)) + ")" for row in batch))
        session.on_query("DELETE FROM g WHERE id % 7 = 3")
        out.extend(repr(session.on_query(sql)) for sql in QUERIES)
    return out


@settings(max_examples=60, deadline=None)
@given(rows=ROWS, changes=ROWS)
def test_columnar_aggregate_matches_the_row_path(rows, changes):
    assert _answers(rows, changes, 0) == _answers(rows, changes, 10**9)
