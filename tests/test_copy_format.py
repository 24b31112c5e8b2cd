"""COPY FROM's text and CSV parsing, judged by PostgreSQL 15.

Each case of tests/corpus/copy/copy_from.json (options + input bytes) is
loaded by real PostgreSQL into a table of three text columns and parsed by
`twinning.copy_format.CopyReader`: the rows, or the SQLSTATE, message,
hint and CONTEXT line, must be identical. Parsing must not depend on how
the input is split into CopyData messages.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pglast
import psycopg2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twinning.copy_format import CopyReader, Dialect, format_row
from twinning.errors import SqlError
from twinning.passes.parse_dml import convert_write

CASES = json.loads((Path(__file__).parent / "corpus" / "copy" /
                    "copy_from.json").read_text())
COLUMNS = ["a", "b", "c"]


def _options(text: str):
    stmt = convert_write(pglast.parse_sql(f"COPY t FROM STDIN WITH ({text})")[0].stmt)
    return stmt.options


def twin_parse(options: str, data: bytes, chunks: list[int] | None = None):
    try:
        reader = CopyReader(_options(options), "t", COLUMNS)
        rows = []
        pieces = [data] if not chunks else _split(data, chunks)
        for piece in pieces:
            rows.extend(tuple(line.fields) for line in reader.feed(piece))
        rows.extend(tuple(line.fields) for line in reader.finish())
        return ("rows", rows)
    except SqlError as exc:
        return ("error", exc.sqlstate, exc.message, exc.hint, exc.where)


def _split(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    pieces, start = [], 0
    for p in points:
        pieces.append(data[start:p])
        start = p
    pieces.append(data[start:])
    return pieces


@pytest.fixture(scope="module")
def pg_table(realpg):
    conn = realpg.connect()
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE t (a text, b text, c text)")
    yield conn
    with conn.cursor() as cur:
        cur.execute("DROP TABLE t")
    conn.close()


def pg_parse(conn, options: str, data: bytes):
    with conn.cursor() as cur:
        cur.execute("TRUNCATE t")
        try:
            cur.copy_expert(f"COPY t FROM STDIN WITH ({options})", io.BytesIO(data))
        except psycopg2.Error as exc:
            diag = exc.diag
            return ("error", exc.pgcode, diag.message_primary, diag.message_hint,
                    diag.context)
        cur.execute("SELECT a, b, c FROM t")
        return ("rows", [tuple(r) for r in cur.fetchall()])


@pytest.mark.realpg
@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{c['options']}"
                                             for i, c in enumerate(CASES)])
def test_copy_from_parses_like_postgres(case, pg_table):
    data = case["data"].encode("latin1") if "\xff" in case["data"] else \
        case["data"].encode()
    assert twin_parse(case["options"], data) == pg_parse(pg_table, case["options"], data)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(CASES), st.lists(st.integers(0, 400), max_size=6))
def test_chunking_does_not_matter(case, cuts):
    data = case["data"].encode("latin1") if "\xff" in case["data"] else \
        case["data"].encode()
    assert twin_parse(case["options"], data, cuts) == twin_parse(case["options"], data)


ROUND_TRIP = st.lists(st.lists(st.none() | st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=8), min_size=3, max_size=3), max_size=5)


@settings(max_examples=200, deadline=None)
@given(ROUND_TRIP, st.sampled_from(["format text", "format csv",
                                     "format csv, delimiter ';'",
                                     "format text, null 'NULL'"]))
def test_format_row_reads_back(rows, options):
    """What COPY TO writes, COPY FROM reads back identically — except, as in
    PostgreSQL, a text-format value spelled like a custom NULL string."""
    dialect = Dialect.of(_options(options))
    if not dialect.csv:
        rows = [r for r in rows if dialect.null not in r]
    data = "".join(format_row(r, dialect) for r in rows).encode()
    expected = [tuple(r) for r in rows]
    assert twin_parse(options, data) == ("rows", expected)
