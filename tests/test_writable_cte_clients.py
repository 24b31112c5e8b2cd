"""Data-modifying WITH queries through the extended protocol, against
PostgreSQL: parameters inside the WITH queries and the main statement,
prepared statements run again (psycopg 3 `prepare=True`, asyncpg's
prepared statements), Describe's columns, the command tag, and an error
inside a WITH query undoing the whole statement. The simple-protocol
behaviour is in `tests/differential/corpus/writable_ctes.sql`."""

from __future__ import annotations

import re

import pytest

from tests.support.clients import asyncpg_client, psycopg3_client, same_on_both

pytestmark = pytest.mark.realpg

SETUP = ["DROP TABLE IF EXISTS wc_target", "DROP TABLE IF EXISTS wc_staging",
         "CREATE TABLE wc_staging (id int, payload text)",
         "CREATE TABLE wc_target (id int PRIMARY KEY, payload text, "
         "loads int DEFAULT 1)",
         "INSERT INTO wc_staging SELECT g, 'p' || g FROM generate_series(1, 6) g"]

MOVE = ("WITH moved AS (DELETE FROM wc_staging WHERE id <= $1 RETURNING *) "
        "INSERT INTO wc_target (id, payload) SELECT id, payload || $2 "
        "FROM moved RETURNING id, payload")
UPSERT = ("WITH ins AS (INSERT INTO wc_target (id, payload) VALUES ($1, $2) "
          "ON CONFLICT (id) DO UPDATE SET loads = wc_target.loads + $3 "
          "RETURNING id, loads) SELECT count(*), sum(loads) FROM ins")
DELETED = ("WITH d AS (DELETE FROM wc_staging WHERE id BETWEEN $1 AND $2 "
           "RETURNING id) "
           "SELECT id FROM d ORDER BY id")


def _pyformat(sql: str) -> str:
    """psycopg 3's placeholders (each `$n` above is used once, in order)."""
    return re.sub(r"\$\d", "%s", sql)


def _psycopg3_body(conn, out: list) -> None:
    import psycopg
    move, upsert, deleted = map(_pyformat, (MOVE, UPSERT, DELETED))
    cur = conn.cursor()
    cur.execute(move, (2, "!"), prepare=True)
    out.append((cur.statusmessage, [c.name for c in cur.description],
                cur.fetchall()))
    for id_, loads in ((1, 5), (9, 1), (1, 2)):
        cur.execute(upsert, (id_, "u", loads), prepare=True)
        out.append((cur.statusmessage, cur.fetchall()))
    cur.execute(deleted, (3, 4))
    out.append((cur.statusmessage, cur.fetchall()))
    try:
        cur.execute(move, (6, None))  # a NULL parameter: NULL payloads
        out.append((cur.statusmessage, cur.fetchall()))
        cur.execute("INSERT INTO wc_staging VALUES (1, 'again')")
        cur.execute(move, (6, "x"))  # 23505: the DELETE is undone too
    except psycopg.Error as exc:
        out.append((exc.sqlstate, str(exc)))
    cur.execute("SELECT * FROM wc_staging ORDER BY id")
    out.append(cur.fetchall())
    cur.execute("SELECT * FROM wc_target ORDER BY id")
    out.append(cur.fetchall())


async def _asyncpg_body(conn, out: list) -> None:
    stmt = await conn.prepare(MOVE)
    out.append([(a.name, a.type.oid) for a in stmt.get_attributes()])
    out.append([tuple(r) for r in await stmt.fetch(3, "?")])
    out.append([tuple(r) for r in await stmt.fetch(4, "?")])
    out.append(await conn.execute(
        "WITH u AS (UPDATE wc_target SET loads = loads * $1 "
        "RETURNING id) DELETE FROM wc_staging WHERE id IN "
        "(SELECT id + $2 FROM u)", 10, 4))
    out.append([tuple(r) for r in await conn.fetch(
        "SELECT * FROM wc_target ORDER BY id")])
    out.append([tuple(r) for r in await conn.fetch(
        "SELECT * FROM wc_staging ORDER BY id")])


def test_psycopg3_parameters_in_with_queries(realpg):
    same_on_both(realpg, psycopg3_client(_psycopg3_body, SETUP))


def test_asyncpg_prepared_with_queries(realpg):
    same_on_both(realpg, asyncpg_client(_asyncpg_body, SETUP))


CURSOR_SETUP = ["DROP TABLE IF EXISTS wc_cur", "CREATE TABLE wc_cur (id int)",
                "INSERT INTO wc_cur SELECT generate_series(1, 7)"]


async def _asyncpg_cursor_body(conn, out: list) -> None:
    """Portal suspension (Execute with a row limit): the statement runs
    once, to completion, and its rows come in batches (PostgreSQL's
    PORTAL_ONE_MOD_WITH)."""
    async with conn.transaction():
        cur = conn.cursor(
            "WITH d AS (DELETE FROM wc_cur WHERE id > $1 RETURNING id) "
            "SELECT id FROM d ORDER BY id", 2, prefetch=2)
        out.append([r["id"] async for r in cur])
        more = await conn.cursor(
            "WITH u AS (UPDATE wc_cur SET id = id * 10 RETURNING id) "
            "SELECT id FROM u ORDER BY id")
        out.append([tuple(r) for r in await more.fetch(1)])
        out.append([tuple(r) for r in await more.fetch(5)])
    out.append([tuple(r) for r in await conn.fetch(
        "SELECT * FROM wc_cur ORDER BY id")])


def test_asyncpg_cursor_over_with_queries(realpg):
    same_on_both(realpg, asyncpg_client(_asyncpg_cursor_body, CURSOR_SETUP))
