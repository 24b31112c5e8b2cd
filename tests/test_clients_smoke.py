"""Every client library of SPEC §1, unmodified, against the twin.

Each client connects, runs `SELECT 1`, SET/SHOW, BEGIN/COMMIT, survives
errors with the connection usable afterwards; `test_same_error_as_postgres`
runs the error statements through every client against real PostgreSQL
and the twin and requires the same SQLSTATE and message.
"""

from __future__ import annotations

import asyncio
import os
import subprocess

import pytest

from tests.support.twin import running_twin

NOPE = "SELECT * FROM nope"


@pytest.fixture(scope="module")
def twin():
    with running_twin() as server:
        yield server


def test_psycopg2(twin):
    import psycopg2
    conn = twin.connect()
    cur = conn.cursor()
    cur.execute("SELECT 1")
    assert cur.fetchall() == [(1,)]
    cur.execute("SET TimeZone = 'Europe/Paris'")
    assert cur.statusmessage == "SET"
    cur.execute("SHOW TimeZone")
    assert cur.fetchone() == ("Europe/Paris",)
    conn.commit()
    cur.execute("SELECT %s::int + %s", (40, 2))
    assert cur.fetchone() == (42,)
    conn.commit()
    with pytest.raises(psycopg2.errors.DivisionByZero):
        cur.execute("SELECT 1/0")
    conn.rollback()
    with pytest.raises(psycopg2.Error):
        cur.execute(NOPE)
    conn.rollback()
    cur.execute("SELECT 2")
    assert cur.fetchone() == (2,)
    conn.close()


def test_psycopg3_prepared(twin):
    import psycopg
    with psycopg.connect(twin.dsn) as conn:
        for _ in range(3):  # the third run uses the server-side statement
            row = conn.execute("SELECT %s::int8 * 2, %s::text", (21, "x"),
                               prepare=True).fetchone()
            assert row == (42, "x")
        conn.execute("SET statement_timeout = '2s'")
        assert conn.execute("SHOW statement_timeout").fetchone() == ("2s",)
        with conn.transaction():
            assert conn.execute("SELECT 1").fetchone() == (1,)
        with pytest.raises(psycopg.errors.DivisionByZero):
            conn.execute("SELECT 1/0", prepare=True)
        conn.rollback()
        with pytest.raises(psycopg.Error):
            conn.execute(NOPE)
        conn.rollback()
        assert conn.execute("SELECT 1").fetchone() == (1,)


def test_asyncpg_binary(twin):
    import asyncpg

    async def main():
        conn = await asyncpg.connect(host=twin.host, port=twin.port,
                                     user="postgres", database="postgres")
        try:
            row = await conn.fetchrow(
                "SELECT 1 AS a, $1::int8 AS b, 'x'::text AS c, 1.50::numeric AS d, "
                "true AS e, '2024-02-29'::date AS f", 7)
            assert tuple(row) == (1, 7, "x", __import__("decimal").Decimal("1.50"),
                                  True, __import__("datetime").date(2024, 2, 29))
            await conn.execute("SET application_name = 'asyncpg-smoke'")
            assert await conn.fetchval("SHOW application_name") == "asyncpg-smoke"
            async with conn.transaction():
                assert await conn.fetchval("SELECT 2") == 2
            with pytest.raises(asyncpg.exceptions.DivisionByZeroError):
                await conn.fetchval("SELECT 1/0")
            with pytest.raises(asyncpg.PostgresError):
                await conn.fetch(NOPE)
            assert await conn.fetchval("SELECT 3") == 3
        finally:
            await conn.close()
    asyncio.run(main())


def test_pg8000(twin):
    import pg8000.native
    conn = pg8000.native.Connection("postgres", host=twin.host, port=twin.port,
                                    database="postgres")
    try:
        assert conn.run("SELECT 1") == [[1]]
        assert conn.run("SELECT :x::int + 1", x=41) == [[42]]
        conn.run("SET TimeZone = 'UTC'")
        assert conn.run("SHOW TimeZone") == [["UTC"]]
        conn.run("BEGIN")
        conn.run("COMMIT")
        with pytest.raises(pg8000.native.DatabaseError) as err:
            conn.run("SELECT 1/0")
        assert err.value.args[0]["C"] == "22012"
        with pytest.raises(pg8000.native.DatabaseError):
            conn.run(NOPE)
        assert conn.run("SELECT 2") == [[2]]
    finally:
        conn.close()


@pytest.mark.parametrize("driver", ["psycopg2", "psycopg"])
def test_sqlalchemy(twin, driver):
    import sqlalchemy as sa
    # use_native_hstore=False: the hstore probe queries pg_type, which
    # arrives with catalog introspection (SPEC §10)
    engine = sa.create_engine(
        f"postgresql+{driver}://postgres@{twin.host}:{twin.port}/postgres",
        use_native_hstore=False)
    try:
        with engine.begin() as conn:
            assert conn.execute(sa.text("SELECT 1")).scalar() == 1
            conn.execute(sa.text("SET TimeZone = 'UTC'"))
            assert conn.execute(sa.text("SHOW TimeZone")).scalar() == "UTC"
        assert engine.dialect.server_version_info[0] == 15
        with engine.connect() as conn:
            with pytest.raises(sa.exc.DataError):
                conn.execute(sa.text("SELECT 1/0"))
            conn.rollback()
            assert conn.execute(sa.text("SELECT 2")).scalar() == 2
    finally:
        engine.dispose()


def test_psql(twin):
    env = dict(os.environ, PGHOST=twin.host, PGPORT=str(twin.port),
               PGUSER="postgres", PGDATABASE="postgres")
    out = subprocess.run(
        ["psql", "-X", "-At", "-v", "ON_ERROR_STOP=0", "-c", "SELECT 1",
         "-c", "SET TimeZone = 'Asia/Tokyo'", "-c", "SHOW TimeZone",
         "-c", "BEGIN", "-c", "COMMIT", "-c", "SELECT 1/0", "-c", NOPE,
         "-c", "SELECT 2"],
        capture_output=True, text=True, env=env, timeout=30)
    assert out.stdout.split() == ["1", "SET", "Asia/Tokyo", "BEGIN", "COMMIT",
                                  "2"]
    assert "division by zero" in out.stderr


ERRORS = ["SELECT 1/0", NOPE, "SELECT x FROM public.nope2 JOIN nope3 ON true",
          "INSERT INTO nope (a) VALUES (1)", "SELECT 'x'::int"]


def _psycopg2_error(dsn, sql):
    import psycopg2
    conn = psycopg2.connect(dsn)
    try:
        with pytest.raises(psycopg2.Error) as err:
            conn.cursor().execute(sql)
        return err.value.pgcode, err.value.diag.message_primary, \
            err.value.diag.statement_position
    finally:
        conn.close()


def _psycopg3_error(dsn, sql):
    import psycopg
    with psycopg.connect(dsn) as conn:
        with pytest.raises(psycopg.Error) as err:
            conn.execute(sql, prepare=True)
        diag = err.value.diag
        return diag.sqlstate, diag.message_primary, diag.statement_position


def _asyncpg_error(dsn, sql):
    import asyncpg

    async def main():
        conn = await asyncpg.connect(dsn)
        try:
            with pytest.raises(asyncpg.PostgresError) as err:
                await conn.fetch(sql)
            e = err.value
            return e.sqlstate, e.message, getattr(e, "position", None)
        finally:
            await conn.close()
    return asyncio.run(main())


def _pg8000_error(dsn, sql):
    import pg8000.native
    from urllib.parse import urlparse
    url = urlparse(dsn)
    conn = pg8000.native.Connection(url.username or "postgres",
                                    host=url.hostname, port=url.port,
                                    database=url.path.lstrip("/") or "postgres")
    try:
        with pytest.raises(pg8000.native.DatabaseError) as err:
            conn.run(sql)
        fields = err.value.args[0]
        return fields["C"], fields["M"], fields.get("P")
    finally:
        conn.close()


def _sqlalchemy_error(dsn, sql):
    import sqlalchemy as sa
    engine = sa.create_engine(dsn.replace("postgresql://", "postgresql+psycopg://"),
                              use_native_hstore=False)
    try:
        with engine.connect() as conn:
            with pytest.raises(sa.exc.DBAPIError) as err:
                conn.execute(sa.text(sql))
        diag = err.value.orig.diag
        return diag.sqlstate, diag.message_primary, diag.statement_position
    finally:
        engine.dispose()


def _psql_error(dsn, sql):
    """psql's own rendering of the error, SQLSTATE included (VERBOSITY)."""
    out = subprocess.run(["psql", "-X", "-At", "-v", "VERBOSITY=verbose",
                          "-d", dsn, "-c", sql],
                         capture_output=True, text=True, timeout=30)
    assert out.returncode != 0
    return [line for line in out.stderr.splitlines()
            if not line.startswith("LOCATION:")]


CLIENTS = {"psycopg2": _psycopg2_error, "psycopg": _psycopg3_error,
           "asyncpg": _asyncpg_error, "pg8000": _pg8000_error,
           "sqlalchemy": _sqlalchemy_error, "psql": _psql_error}


@pytest.mark.realpg
@pytest.mark.parametrize("sql", ERRORS)
@pytest.mark.parametrize("client", sorted(CLIENTS))
def test_same_error_as_postgres(twin, realpg, client, sql):
    """SQLSTATE, message and position as real PostgreSQL, seen by each client."""
    run = CLIENTS[client]
    assert run(twin.url, sql) == run(realpg.url, sql)
