"""Random GROUP BY clauses with grouping sets, and ordered-set aggregates
over random groups: the twin answers as PostgreSQL.

Each example draws a small table `g(k int, a int, b text, c boolean)`
(small domains, NULLs everywhere) and a GROUP BY clause of one to three
items, each a plain column, ROLLUP, CUBE (of columns or parenthesized
column lists) or GROUPING SETS (of column lists, `()`, ROLLUP and CUBE),
sometimes with GROUP BY DISTINCT. The query selects the grouped columns,
GROUPING() of them, count(*), sum(k), percentile_disc and the
hypothetical rank of a drawn value, and mode(). Without ORDER BY the
harness compares rows as a multiset, so the invariant is the multiset of
groups PostgreSQL's expansion (cartesian product of the items' sets,
duplicates kept unless DISTINCT) gives, and each group's aggregates.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from tests.differential.harness import compare

pytestmark = pytest.mark.realpg

SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

COLUMNS = ("a", "b", "c")
SCHEMA = "CREATE TABLE g (k integer, a integer, b text, c boolean);"


def _nullable(base: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), base, base)


def _literal(value: object) -> str:
    """A drawn value as SQL text (its strings hold no quote)."""
    if value is None or isinstance(value, bool):
        return {None: "NULL", True: "true", False: "false"}[value]
    return f"'{value}'" if isinstance(value, str) else str(value)


ROWS = st.lists(st.tuples(_nullable(st.integers(-2, 4)),
                          _nullable(st.integers(0, 2)),
                          _nullable(st.sampled_from(("x", "y", "z"))),
                          _nullable(st.booleans())), max_size=8)

COLUMN_LIST = st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=2)


def _element(columns: list[str]) -> str:
    return columns[0] if len(columns) == 1 else f"({', '.join(columns)})"


ELEMENTS = st.lists(COLUMN_LIST.map(_element), min_size=1, max_size=3)
ROLLUP = ELEMENTS.map(lambda e: f"ROLLUP ({', '.join(e)})")
CUBE = ELEMENTS.map(lambda e: f"CUBE ({', '.join(e)})")
SET = st.one_of(st.just("()"), COLUMN_LIST.map(
    lambda c: f"({', '.join(c)})"), ROLLUP, CUBE)
SETS = st.lists(SET, min_size=1, max_size=3).map(
    lambda s: f"GROUPING SETS ({', '.join(s)})")
ITEM = st.one_of(st.sampled_from(COLUMNS), ROLLUP, CUBE, SETS)


@st.composite
def grouping_queries(draw) -> tuple[str, str]:
    rows = draw(ROWS)
    items = draw(st.lists(ITEM, min_size=1, max_size=3))
    distinct = "DISTINCT " if draw(st.booleans()) else ""
    clause = ", ".join(items)
    # the columns the clause names (its keywords are upper case)
    grouped = [c for c in COLUMNS if any(c in i for i in items)]
    fraction = draw(st.sampled_from(("0", "0.3", "0.5", "1")))
    probe = draw(st.integers(-2, 4))
    targets = grouped + ([f"grouping({', '.join(grouped)})"] if grouped
                         else []) + [
        "count(*)", "sum(k)",
        f"percentile_disc({fraction}) WITHIN GROUP (ORDER BY k)",
        f"rank({probe}) WITHIN GROUP (ORDER BY k)",
        "mode() WITHIN GROUP (ORDER BY b)"]
    query = f"SELECT {', '.join(targets)} FROM g GROUP BY {distinct}{clause}"
    inserts = [f"INSERT INTO g VALUES ({', '.join(map(_literal, r))})"
               for r in rows]
    return "\n".join(inserts + [query]) + "\n", query


@SETTINGS
@given(grouping_queries())
def test_grouping_sets_agree_with_postgres(realpg, drawn):
    script, query = drawn
    note(query)
    diffs = compare(realpg, SCHEMA, script)
    assert not diffs, "\n".join(diffs)
