"""time with time zone through binary clients, against PostgreSQL:
asyncpg and psycopg 3 read timetz columns and arrays in binary (int64
local microseconds + int32 zone seconds west), bind timetz parameters in
binary, and binary COPY writes and reads them. The text protocol is
`tests/differential/corpus/types_timetz.sql`."""

from __future__ import annotations

import datetime

import pytest

from tests.support.clients import (asyncpg_client, binary_select, psycopg3_client,
                                   same_on_both)

pytestmark = pytest.mark.realpg

SETUP = ["SET TIME ZONE 'UTC'", "DROP TABLE IF EXISTS ttz",
         "CREATE TABLE ttz (id int PRIMARY KEY, v timetz(3), a timetz[])",
         "INSERT INTO ttz VALUES (1, '12:34:56.7891+05:30', "
         "'{\"01:02:03-04\",NULL,\"23:00:00+00\"}'), (2, NULL, NULL), "
         "(3, '00:00:00-15:59:59', '{}')"]


def _tz(hours: int, minutes: int = 0, seconds: int = 0) -> datetime.timezone:
    return datetime.timezone(datetime.timedelta(hours=hours, minutes=minutes,
                                                seconds=seconds))


async def _asyncpg_body(conn, out: list) -> None:
    stmt = await conn.prepare("SELECT id, v, a FROM ttz ORDER BY id")
    out.append([a.type.oid for a in stmt.get_attributes()])
    out.append([tuple(r) for r in await stmt.fetch()])
    value = datetime.time(23, 59, 59, 999999, tzinfo=_tz(-3, -30))
    await conn.execute("INSERT INTO ttz (id, v, a) VALUES ($1, $2, $3)",
                       4, value, [value, None])
    out.append(await conn.fetchrow(
        "SELECT v::text, a::text, $1::timetz = v FROM ttz WHERE id = 4",
        value))
    out.append(await conn.fetchval(
        "SELECT $1::timetz AT TIME ZONE 'Asia/Kolkata'",
        datetime.time(1, 2, 3, tzinfo=_tz(0))))
    buf: list[bytes] = []

    async def collect(chunk: bytes) -> None:
        buf.append(bytes(chunk))
    await conn.copy_from_query("SELECT id, v, a FROM ttz ORDER BY id",
                               output=collect, format="binary")
    out.append(b"".join(buf))
    await conn.execute("CREATE TEMP TABLE ttz2 (id int, v timetz)")
    await conn.copy_records_to_table(
        "ttz2", records=[(1, value), (2, None)])
    out.append([tuple(r) for r in await conn.fetch(
        "SELECT id, v::text FROM ttz2 ORDER BY id")])


def _psycopg3_body(conn, out: list) -> None:
    cur = binary_select(conn, "SELECT id, v, a FROM ttz ORDER BY id", out)
    value = datetime.time(4, 5, 6, 7, tzinfo=_tz(9, 30))
    cur.execute("SELECT %b::timetz, (%b::timetz)::text", (value, value))
    out.append(cur.fetchall())
    with cur.copy("COPY ttz TO STDOUT (FORMAT binary)") as copy:
        out.append(b"".join(bytes(chunk) for chunk in copy))
    with cur.copy("COPY ttz (id, v) FROM STDIN (FORMAT binary)") as copy:
        copy.set_types(["int4", "timetz"])
        copy.write_row((9, value))
    cur.execute("SELECT v::text FROM ttz WHERE id = 9")
    out.append(cur.fetchall())


def test_binary_clients_read_and_write_timetz(realpg):
    same_on_both(realpg, asyncpg_client(_asyncpg_body, SETUP),
                 psycopg3_client(_psycopg3_body, SETUP))
