"""Prepared INSERTs of bare parameters, against PostgreSQL: the row is the
Bind values converted to the columns' types (`plan_dml._param_row`), so
the conversions PostgreSQL makes there must give the same values and the
same errors — int2/int8 parameters into int4, numeric into numeric(p,s)
(rounding, overflow), text into varchar(n) and char(n), NULLs into NOT
NULL columns, a domain, ON CONFLICT, defaults for the columns left out,
and a parameter under an explicit cast."""

from __future__ import annotations

import decimal

import pytest

from tests.support.clients import asyncpg_client, psycopg3_client, same_on_both

pytestmark = pytest.mark.realpg

SETUP = [
    "DROP TABLE IF EXISTS lane_t", "DROP DOMAIN IF EXISTS lane_pos",
    "CREATE DOMAIN lane_pos AS int4 CHECK (VALUE > 0)",
    "CREATE TABLE lane_t (id int4 PRIMARY KEY, amount numeric(6, 2) NOT NULL,"
    " code varchar(3), pad char(4), p lane_pos, n int8 DEFAULT 7,"
    " made text DEFAULT 'x')",
]
INSERT = "INSERT INTO lane_t (id, amount, code, pad, p) VALUES (%s, %s, %s, %s, %s)"
UPSERT = ("INSERT INTO lane_t (id, amount, code, pad, p) VALUES (%s, %s, %s, %s, %s)"
          " ON CONFLICT (id) DO UPDATE SET amount = EXCLUDED.amount")
CAST = "INSERT INTO lane_t (id, amount, n) VALUES (%s, %s::numeric(4,1), %s::int2)"
D = decimal.Decimal
ROWS = [
    (INSERT, (1, D("12.345"), "ab", "x", 1)),         # rounds to 12.35, pads
    (INSERT, (2, D("9999.995"), "abc", None, 2)),     # rounds up past 4 digits
    (INSERT, (3, D("-0.005"), "abcd", "y", 3)),       # varchar(3) too long
    (INSERT, (4, None, "a", "z", 4)),                 # NOT NULL
    (INSERT, (2**31, D("1"), "a", "z", 5)),           # int8 into int4
    (INSERT, (5, D("1"), "a", "toolong", 6)),         # char(4) too long
    (INSERT, (6, D("1"), "a", "z", 0)),               # the domain's CHECK
    (INSERT, (7, D("NaN"), "a", "z", 7)),
    (INSERT, (1, D("2"), "b", "z", 8)),               # duplicate key
    (UPSERT, (1, D("3.999"), "b", "z", 9)),
    (CAST, (8, D("123.45"), 3)),
    (CAST, (9, D("1234.5"), 3)),                       # the cast's overflow
    (CAST, (10, D("1"), 40000)),                       # int2 cast overflow
    (INSERT, (11, 5, "a", "z", 10)),                  # an int into numeric
]


def _psycopg3_body(conn, out: list) -> None:
    import psycopg
    cur = conn.cursor()
    for sql, params in ROWS:
        try:
            cur.execute(sql, params, prepare=True)
            out.append(cur.statusmessage)
        except psycopg.Error as exc:
            out.append((exc.sqlstate, str(exc).splitlines()[0]))
    cur.execute("SELECT * FROM lane_t ORDER BY id")
    out.append([tuple(map(repr, r)) for r in cur.fetchall()])  # NaN


async def _asyncpg_body(conn, out: list) -> None:
    import asyncpg
    for sql, params in ROWS:
        numbered = sql
        for i in range(1, len(params) + 1):
            numbered = numbered.replace("%s", f"${i}", 1)
        try:
            out.append(await conn.execute(numbered, *params))
        except (asyncpg.PostgresError, asyncpg.DataError,
                OverflowError) as exc:
            out.append((getattr(exc, "sqlstate", type(exc).__name__),
                        str(exc).splitlines()[0]))
    out.append([tuple(map(repr, r)) for r in await conn.fetch(
        "SELECT * FROM lane_t ORDER BY id")])


def test_psycopg3_prepared_inserts_convert_as_postgresql(realpg):
    same_on_both(realpg, psycopg3_client(_psycopg3_body, SETUP))


def test_asyncpg_prepared_inserts_convert_as_postgresql(realpg):
    same_on_both(realpg, asyncpg_client(_asyncpg_body, SETUP))
