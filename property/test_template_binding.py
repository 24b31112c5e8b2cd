"""Cached plan templates bind new constants exactly as PostgreSQL types them.

One PostgreSQL database and one twin live for the whole test, so after the
first example every statement shape is a cache hit on the twin
(`twinning/statement_cache.py`): the constants of each new text are bound
into a template learned from another text of the same key. Hypothesis
draws the values, psycopg2's own `mogrify` writes them into the SQL as an
extractor's statements carry them (ints of every width and sign, numerics,
floats with NaN and infinities, strings with quotes, too-long strings,
dates and malformed dates, timestamps with and without offsets and
malformed ones, NULLs), and every statement's outcome — tag, columns,
rows, SQLSTATE, message and error position — must be the same on both
servers. Single-row INSERTs, multi-row VALUES pages with mixed cell
shapes, point SELECTs, UPDATEs and DELETEs by key are all exercised.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from tests.differential.harness import (differences, observe,
                                        postgres_database, twin_server)

pytestmark = pytest.mark.realpg

SCHEMA = """
CREATE TABLE tb (
    k integer PRIMARY KEY,
    big bigint,
    amount numeric(8, 2),
    label varchar(5),
    note text NOT NULL,
    day date,
    ratio double precision,
    flag boolean,
    at timestamptz
);
"""
COLUMNS = ("k", "big", "amount", "label", "note", "day", "ratio", "flag",
           "at")

ints = st.one_of(st.integers(-5, 5), st.integers(-2**31 - 2, 2**31 + 2),
                 st.integers(-2**63 - 2, 2**63 + 2),
                 st.sampled_from([2**31, -2**31, 2**63, -2**63]))
numerics = st.one_of(st.decimals(allow_nan=False, places=3,
                                 min_value=-10**7, max_value=10**7),
                     st.integers(-10**8, 10**8), st.just(Decimal("NaN")))
texts = st.text(st.sampled_from("ab'c é\\%_"), max_size=7)
days = st.one_of(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
                 st.sampled_from(["2024-02-30", "2023-13-01", "today", "x"]))
floats = st.one_of(st.floats(allow_nan=True), st.integers(-10, 10))
stamps = st.one_of(
    st.datetimes(dt.datetime(1, 1, 2), dt.datetime(9999, 12, 30),
                 timezones=st.sampled_from([dt.timezone.utc,
                                            dt.timezone(dt.timedelta(hours=-5)),
                                            dt.timezone(dt.timedelta(hours=5, minutes=30))])),
    st.datetimes(dt.datetime(1, 1, 2), dt.datetime(9999, 12, 30)),
    st.sampled_from(["2024-02-30 00:00:00+00", "2024-01-01T25:00:00+00",
                     "epoch", "2024-01-01 00:00:00+16:00"]))


def nullable(strategy):
    return st.one_of(st.none(), strategy)


rows = st.tuples(st.integers(-3, 40), nullable(ints), nullable(numerics),
                 nullable(texts), nullable(texts), nullable(days),
                 nullable(floats), nullable(st.booleans()), nullable(stamps))

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
_names = itertools.count(1)


@pytest.fixture(scope="module")
def servers(realpg):
    name = f"templates_{next(_names)}"
    with postgres_database(realpg, SCHEMA, name) as pg, \
            twin_server(SCHEMA, name) as twin:
        connections = pg(), twin()
        for conn in connections:
            conn.autocommit = True
        yield connections
        for conn in connections:
            conn.close()


def statements(conn, batch, page, key, new_note, new_amount):
    """The statements of one example, with constants written by psycopg2."""
    cur = conn.cursor()
    placeholders = "(" + ", ".join(["%s"] * len(COLUMNS)) + ")"
    out = ["TRUNCATE tb"]
    out += [cur.mogrify(f"INSERT INTO tb VALUES {placeholders}", row).decode()
            for row in batch]
    if page:
        out.append("INSERT INTO tb VALUES " + ", ".join(
            cur.mogrify(placeholders, row).decode() for row in page))
    out += [
        cur.mogrify("SELECT * FROM tb WHERE k = %s", (key,)).decode(),
        cur.mogrify("SELECT k, note FROM tb WHERE amount > %s AND note <> %s"
                    " ORDER BY k", (new_amount, new_note)).decode(),
        cur.mogrify("UPDATE tb SET note = %s, amount = %s WHERE k = %s",
                    (new_note, new_amount, key)).decode(),
        cur.mogrify("INSERT INTO tb VALUES " + placeholders + " ON CONFLICT "
                    "(k) DO UPDATE SET note = EXCLUDED.note RETURNING k, note",
                    (key, None, new_amount, None, new_note or "n", None, None,
                     None, None)).decode(),
        cur.mogrify("DELETE FROM tb WHERE k = %s RETURNING k", (key + 1,)).decode(),
        "SELECT * FROM tb ORDER BY k",
    ]
    return out


@SETTINGS
@given(batch=st.lists(rows, max_size=4), page=st.lists(rows, max_size=6),
       key=st.integers(-3, 40), new_note=nullable(texts),
       new_amount=nullable(numerics))
def test_bound_constants_agree(servers, batch, page, key, new_note, new_amount):
    pg, twin = servers
    lines = statements(pg, batch, page, key, new_note, new_amount)
    note("\n".join(lines))
    expected = [(line, observe(pg, line)) for line in lines]
    actual = [(line, observe(twin, line)) for line in lines]
    diffs = differences(expected, actual)
    assert not diffs, "\n".join(diffs)
