"""asyncpg against composite types and generated columns: it introspects a
composite type through pg_type/pg_attribute and sends and reads records
in binary (record_send/record_recv), so PostgreSQL 15 and the twin must
answer its statements alike, errors included (an untyped parameter
compared with a composite is an anonymous record, which no one can
input)."""

from __future__ import annotations

import asyncio

import pytest

from tests.differential.harness import postgres_database, twin_server

asyncpg = pytest.importorskip("asyncpg")
pytestmark = pytest.mark.realpg

SCHEMA = ("CREATE TYPE pair AS (x int, y text); "
          "CREATE TABLE t (id int, p pair, ps pair[], "
          "g int GENERATED ALWAYS AS (id * 2) STORED);")
STATEMENTS = [
    ("INSERT INTO t (id, p) VALUES ($1, $2)", (1, (5, "a b"))),
    ("INSERT INTO t (id, p) VALUES ($1, $2)", (2, None)),
    ("INSERT INTO t (id, g) VALUES ($1, $2)", (3, 9)),
    ("SELECT * FROM t ORDER BY id", ()),
    ("SELECT ROW(1, 'x')::pair, (p).y FROM t ORDER BY id", ()),
    ("SELECT p FROM t WHERE p = $1", ((5, "a b"),)),
    ("SELECT $1::pair", ((7, None),)),
    ("SELECT id FROM t WHERE p = $1::pair", ((5, "a b"),)),
]


async def _run(dsn: str) -> list[str]:
    conn = await asyncpg.connect(dsn)
    out = []
    try:
        for sql, args in STATEMENTS:
            try:
                out.append(repr(await conn.fetch(sql, *args)))
            except Exception as exc:  # the client's view of the error
                out.append(f"{type(exc).__name__}: {exc}")
    finally:
        await conn.close()
    return out


def _dsn(conn) -> str:
    p = conn.get_dsn_parameters()
    conn.close()
    return f"postgresql://{p['user']}@{p['host']}:{p['port']}/{p['dbname']}"


def test_asyncpg_reads_and_writes_composites_alike(realpg):
    with postgres_database(realpg, SCHEMA, "composite_asyncpg") as pg, \
            twin_server(SCHEMA, "composite_asyncpg") as twin:
        want = asyncio.run(_run(_dsn(pg())))
        got = asyncio.run(_run(_dsn(twin())))
    assert got == want
    assert "<Record x=5 y='a b'>" in want[3]


def _psycopg3(dsn: str) -> list:
    psycopg = pytest.importorskip("psycopg")
    from psycopg.types.composite import CompositeInfo, register_composite
    out = []
    with psycopg.connect(dsn, autocommit=True) as conn:
        info = CompositeInfo.fetch(conn, "pair")  # pg_type/pg_attribute
        out.append((info.name, info.field_names, info.field_types))
        register_composite(info, conn)
        conn.execute("INSERT INTO t (id, p) VALUES (%s, %s)",  # typed by OID
                     (1, info.python_type(5, "a b")))
        out.append(conn.execute("SELECT id, p, g FROM t").fetchall())
        out.append(conn.execute("SELECT p FROM t", binary=True).fetchall())
    return [repr(x) for x in out]


def test_psycopg3_composite_adapter_alike(realpg):
    with postgres_database(realpg, SCHEMA, "composite_psycopg3") as pg, \
            twin_server(SCHEMA, "composite_psycopg3") as twin:
        def dsn(conn) -> str:
            p = conn.get_dsn_parameters()
            conn.close()
            return (f"host={p['host']} port={p['port']} user={p['user']} "
                    f"dbname={p['dbname']}")
        want, got = _psycopg3(dsn(pg())), _psycopg3(dsn(twin()))
    assert got == want
    assert "pair(x=5, y='a b')" in want[1]
