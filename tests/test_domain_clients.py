"""Domains through binary clients, against PostgreSQL: RowDescription
names the base type (so asyncpg and psycopg 3 decode a domain column
with the base type's binary codec), bound parameters are checked against
the domain with PostgreSQL's errors. The text-protocol behaviour is in
`tests/differential/corpus/types_domain.sql`."""

from __future__ import annotations

import datetime

import pytest

from tests.support.clients import (asyncpg_client, binary_select, psycopg3_client,
                                   same_on_both)

pytestmark = pytest.mark.realpg

SETUP = ["DROP TABLE IF EXISTS dom_t", "DROP DOMAIN IF EXISTS dom_day",
         "DROP DOMAIN IF EXISTS dom_pos",
         "CREATE DOMAIN dom_pos AS int8 CHECK (VALUE > 0)",
         "CREATE DOMAIN dom_day AS date NOT NULL",
         "CREATE TABLE dom_t (p dom_pos, d dom_day, ps dom_pos[])",
         "INSERT INTO dom_t VALUES (5, '2024-02-29', '{1,2}')"]


async def _asyncpg_body(conn, out: list) -> None:
    import asyncpg
    stmt = await conn.prepare("SELECT p, d FROM dom_t")
    out.append([a.type.oid for a in stmt.get_attributes()])
    out.append(tuple(await conn.fetchrow("SELECT p, d FROM dom_t")))
    await conn.execute("INSERT INTO dom_t (p, d) VALUES ($1, $2)", 7,
                       datetime.date(2024, 3, 1))
    for args in ((-1, datetime.date(2024, 3, 1)), (1, None)):
        try:
            await conn.execute("INSERT INTO dom_t (p, d) VALUES ($1, $2)",
                               *args)
        except asyncpg.PostgresError as exc:
            out.append((exc.sqlstate, str(exc)))
    out.append([tuple(r) for r in await conn.fetch(
        "SELECT p, d FROM dom_t ORDER BY p")])


def _psycopg3_body(conn, out: list) -> None:
    import psycopg
    binary_select(conn, "SELECT p, d FROM dom_t", out)
    try:
        conn.execute("UPDATE dom_t SET p = %s", (0,))
    except psycopg.Error as exc:
        out.append((exc.sqlstate, str(exc)))


def test_binary_clients_see_the_base_type(realpg):
    same_on_both(realpg, asyncpg_client(_asyncpg_body, SETUP),
                 psycopg3_client(_psycopg3_body, SETUP))
