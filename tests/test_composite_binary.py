"""Binary input of composite values (record_recv): the bytes PostgreSQL's
COPY … TO STDOUT (FORMAT binary) writes for a table with composite
columns are read back by COPY … FROM STDIN (FORMAT binary) on PostgreSQL
and on the twin alike, values and errors (a record of other attribute
types: 42804 naming both types and the column)."""

from __future__ import annotations

import io

import psycopg2
import pytest

from tests.differential.harness import postgres_database, twin_server

pytestmark = pytest.mark.realpg

SCHEMA = """
CREATE TYPE pair AS (n int, s text);
CREATE TYPE other AS (s text, n int);
CREATE TABLE src (id int, p pair, ps pair[]);
CREATE TABLE dst (id int, p pair);
CREATE TABLE wrong (id int, p other);
"""
ROWS = ("INSERT INTO src VALUES (1, '(1,\"a b\")', NULL), (2, NULL, NULL), "
        "(3, '(,)', NULL), (4, '(-7,\"\")', NULL)")


def _copy_in(conn, table: str, data: bytes):
    cur = conn.cursor()
    try:
        cur.copy_expert(f"COPY {table} FROM STDIN (FORMAT binary)",
                        io.BytesIO(data))
        cur.execute(f"SELECT * FROM {table} ORDER BY id")
        return cur.fetchall()
    except psycopg2.Error as exc:
        return (exc.pgcode, exc.pgerror)


def test_composites_read_back_from_binary_copy(realpg):
    with postgres_database(realpg, SCHEMA, "composite_binary") as pg, \
            twin_server(SCHEMA, "composite_binary") as twin:
        source = pg()
        source.cursor().execute(ROWS)
        out = io.BytesIO()
        source.cursor().copy_expert(
            "COPY (SELECT id, p FROM src) TO STDOUT (FORMAT binary)", out)
        data = out.getvalue()
        for table in ("dst", "wrong"):
            want = _copy_in(pg(), table, data)
            got = _copy_in(twin(), table, data)
            assert got == want, table
        assert _copy_in(pg(), "dst", data)[0] == (1, '(1,"a b")')
