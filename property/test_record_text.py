"""Composite values' text and plain forms (twinning.values.records, plain):

- record_in(record_out(v)) is v for records of text, integer and nested
  record fields holding any text (quotes, backslashes, parentheses,
  commas, white space, empty strings) and NULLs — record_out quotes
  exactly what record_in would otherwise misread;
- from_plain(to_plain(v)) is v (snapshots keep composite columns);
- PostgreSQL agrees: the real server reads the twin's record_out text
  back through its own record_in and prints it the same.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twinning.ir.types import SqlType, record_type
from twinning.values import format_text, from_plain, parse_text, to_plain

FAST = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

INNER = record_type((("n", SqlType("int4")), ("s", SqlType("text"))), 70001,
                    70002, "public", "inner_t")
OUTER = record_type((("t", SqlType("text")), ("i", INNER),
                     ("a", SqlType("text", is_array=True))), 70003, 70004,
                    "public", "outer_t")

texts = st.text(alphabet=st.sampled_from(list('ab "\\(),{}\t\n') + ["é"]),
                max_size=8)
inner_values = st.one_of(st.none(), st.tuples(
    st.one_of(st.none(), st.integers(-2**31, 2**31 - 1)),
    st.one_of(st.none(), texts)))
outer_values = st.tuples(st.one_of(st.none(), texts), inner_values,
                         st.one_of(st.none(), st.lists(
                             st.one_of(st.none(), texts), max_size=3).map(tuple)))


@FAST
@given(outer_values)
def test_record_text_round_trips(value):
    assert parse_text(OUTER, format_text(OUTER, value)) == value


@FAST
@given(outer_values)
def test_record_plain_round_trips(value):
    assert from_plain(OUTER, to_plain(OUTER, value)) == value


@pytest.mark.realpg
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow,
                                 HealthCheck.function_scoped_fixture])
@given(value=outer_values)
def test_postgres_reads_record_out_back(value, realpg_types):
    cur = realpg_types
    text = format_text(OUTER, value)
    cur.execute("SELECT %s::outer_t::text", (text,))
    assert cur.fetchone()[0] == text


@pytest.fixture(scope="module")
def realpg_types(realpg):
    conn = realpg.connect()
    cur = conn.cursor()
    cur.execute("DROP TYPE IF EXISTS outer_t; DROP TYPE IF EXISTS inner_t; "
                "CREATE TYPE inner_t AS (n int, s text); "
                "CREATE TYPE outer_t AS (t text, i inner_t, a text[])")
    yield cur
    cur.execute("DROP TYPE outer_t; DROP TYPE inner_t")
    conn.close()
