"""Server-side cursors as client libraries use them, twin against
PostgreSQL 15: psycopg2's named cursor (DECLARE … WITHOUT HOLD, then
FETCH FORWARD itersize), psycopg 3's ServerCursor (over the extended
protocol: the FETCH's row description comes from the cursor) and
SQLAlchemy's stream_results. What each observes must be equal.
"""

from __future__ import annotations

import contextlib

import psycopg
import pytest
import sqlalchemy as sa

from tests.differential.harness import both_servers

pytestmark = pytest.mark.realpg

SCHEMA = """CREATE TABLE events (id int PRIMARY KEY, kind text NOT NULL,
amount numeric(10,2), at timestamptz);"""


@contextlib.contextmanager
def _both(realpg):
    """(PostgreSQL connect, twin connect): psycopg2 factories over the
    same schema, filled with the same rows."""
    with both_servers(realpg, SCHEMA, "cursor_clients") as (pg, twin):
        for connect in (pg, twin):
            conn = connect()
            conn.autocommit = True
            conn.cursor().execute(
                "INSERT INTO events SELECT g, 'k' || (g % 7), g * 1.25, "
                "timestamptz '2024-01-01 00:00+00' + g * interval '1 minute' "
                "FROM generate_series(1, 2500) g")
            conn.close()
        yield _transactional(pg), _transactional(twin)


def _transactional(connect):
    """psycopg2's own default, whatever the harness's factory sets."""
    def made():
        conn = connect()
        conn.autocommit = False
        return conn
    return made


def _psycopg2_named(connect) -> list:
    conn = connect()
    seen = []
    with conn.cursor(name="stream") as cur:
        cur.itersize = 300
        cur.execute("SELECT id, kind, amount, at FROM events WHERE id % 3 = 0 "
                    "ORDER BY id")
        seen.append([d[:2] for d in cur.description or ()])
        seen.append(list(cur))
        seen.append(cur.rownumber)
    with conn.cursor(name="scroller", scrollable=True) as cur:
        cur.execute("SELECT id FROM events ORDER BY id DESC LIMIT 10")
        seen.append(cur.fetchmany(3))
        cur.scroll(-2)
        seen.append(cur.fetchone())
        cur.scroll(7, mode="absolute")
        seen.append(cur.fetchall())
    conn.commit()
    with conn.cursor(name="held", withhold=True) as cur:
        cur.execute("SELECT count(*) FROM events")
        conn.commit()
        seen.append(cur.fetchone())
    conn.close()
    return seen


def _psycopg3_server_cursor(connect) -> list:
    params = connect().get_dsn_parameters()
    dsn = " ".join(f"{k}={params[k]}" for k in ("host", "port", "user", "dbname"))
    seen = []
    with psycopg.connect(dsn) as conn:
        with conn.cursor(name="p3") as cur:
            cur.execute("SELECT id, kind FROM events WHERE kind = %s ORDER BY id",
                        ("k3",))
            seen.append([(c.name, c.type_code) for c in cur.description])
            seen.append(cur.fetchmany(5))
            seen.append(len(cur.fetchall()))
        with conn.cursor(name="p3b", scrollable=True) as cur:
            cur.execute("SELECT id FROM events WHERE id <= %s ORDER BY id", (20,))
            cur.scroll(15, mode="absolute")
            seen.append(cur.fetchone())
            cur.scroll(-10)
            seen.append(cur.fetchmany(2))
    return seen


def _sqlalchemy_stream(connect) -> list:
    engine = sa.create_engine("postgresql+psycopg2://", creator=connect,
                              poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            result = conn.execution_options(stream_results=True,
                                            max_row_buffer=100).execute(
                sa.text("SELECT id, amount FROM events ORDER BY id"))
            return [sum(1 for _ in result.yield_per(250))]
    finally:
        engine.dispose()


@pytest.mark.parametrize("scenario", [_psycopg2_named, _psycopg3_server_cursor,
                                      _sqlalchemy_stream],
                         ids=["psycopg2_named", "psycopg3_server_cursor",
                              "sqlalchemy_stream_results"])
def test_same_as_postgres(realpg, scenario):
    with _both(realpg) as (pg, twin):
        assert scenario(twin) == scenario(pg)
