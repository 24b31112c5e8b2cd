"""pg_proc and pg_stat_activity, judged by PostgreSQL 15 over the wire.

- pg_proc: the whole relation (every row, every column, as text) equals
  PostgreSQL's, and so do what clients derive from it: libpq's
  large-object lookup (psycopg2's `lobject`), `oid::regproc`,
  `to_regproc`, pg_get_function_arguments/_identity_arguments/_result,
  pg_function_is_visible and format_type of every type a function takes
  or returns.
- pg_stat_activity: the columns RowDescription reports, and the shape of
  each session's row (NULL-ness of the times, states, wait events, query
  texts) in the same scenario on both servers; the times themselves
  cannot be compared.

The PostgreSQL side is a server of its own with autovacuum on, as a
default installation runs (the shared `realpg` turns it off), so its
pg_stat_activity lists the background processes the twin mirrors.
"""

from __future__ import annotations

import threading
import time

import psycopg
import psycopg2
import pytest

from tests.differential.harness import postgres_database, twin_server
from tests.support.realpg import RealPostgres
from twinning.system_catalog.build import STAND_INS

pytestmark = pytest.mark.realpg

DBNAME = "procactivity"


@pytest.fixture(scope="module")
def servers():
    """(PostgreSQL connect, twin connect): fresh, empty databases of the
    same name; PostgreSQL with autovacuum on."""
    with RealPostgres({"autovacuum": "on"}) as pg, \
            postgres_database(pg, "", DBNAME) as pg_connect, \
            twin_server("", dbname=DBNAME) as twin_connect:
        yield pg_connect, twin_connect


def _connection(connect, autocommit: bool = True):
    conn = connect()  # PostgreSQL's come in autocommit, the twin's not
    conn.autocommit = autocommit
    return conn


def _raw(conn) -> None:
    """Every value as the server's text (psycopg2 converts nothing)."""
    cur = conn.cursor()
    cur.execute("SELECT oid FROM pg_type WHERE oid < 10000")
    oids = tuple(row[0] for row in cur.fetchall())
    psycopg2.extensions.register_type(psycopg2.extensions.new_type(
        oids, "RAWTEXT", lambda value, cursor: value), conn)


def _outcome(conn, sql: str):
    """(columns as (name, type oid), rows) or (SQLSTATE, message)."""
    cur = conn.cursor()
    try:
        cur.execute(sql)
    except psycopg2.Error as exc:
        return exc.pgcode, exc.diag.message_primary
    return [(d.name, d.type_code) for d in cur.description], cur.fetchall()


@pytest.fixture(scope="module")
def both(servers):
    """Raw-text autocommit connections to PostgreSQL and the twin."""
    conns = [_connection(connect) for connect in servers]
    for conn in conns:
        _raw(conn)
    yield conns
    for conn in conns:
        conn.close()


def _same(both, sql: str):
    pg, twin = (_outcome(conn, sql) for conn in both)
    assert twin == pg, sql
    return pg


# -- pg_proc -----------------------------------------------------------------------------


def test_pg_proc_columns(both):
    _same(both, "SELECT * FROM pg_proc LIMIT 0")
    _same(both, "SELECT * FROM pg_catalog.pg_proc WHERE false")


def test_pg_proc_every_row(both):
    """All of PostgreSQL's built-in functions, every column as text."""
    columns, rows = _same(both, "SELECT * FROM pg_proc ORDER BY oid")
    assert len(rows) > 3000
    _same(both, "SELECT count(*) FROM pg_proc")


def test_pg_proc_common_functions(both):
    _same(both, "SELECT * FROM pg_proc WHERE proname IN ('lower', 'now', "
          "'lo_open', 'generate_series', 'count') ORDER BY oid")
    _same(both, "SELECT proname, prorettype::regtype, proargtypes, "
          "pronamespace::regnamespace FROM pg_catalog.pg_proc p JOIN "
          "pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE "
          "n.nspname = 'information_schema' ORDER BY 1")


# libpq's lo_initialize(), run by psycopg2's lobject() on first use
LO_LOOKUP = (
    "select proname, oid from pg_catalog.pg_proc where proname in "
    "('lo_open', 'lo_close', 'lo_creat', 'lo_create', 'lo_unlink', "
    "'lo_lseek', 'lo_lseek64', 'lo_tell', 'lo_tell64', 'lo_truncate', "
    "'lo_truncate64', 'loread', 'lowrite') and pronamespace = (select oid "
    "from pg_catalog.pg_namespace where nspname = 'pg_catalog')")


def test_large_object_lookup(both):
    pg, twin = (_outcome(conn, LO_LOOKUP) for conn in both)
    assert twin[0] == pg[0]
    assert sorted(twin[1]) == sorted(pg[1])
    assert len(pg[1]) == 13


def test_lobject_gets_past_the_lookup(servers):
    """psycopg2's lobject(): the pg_proc lookup answers; the large-object
    functions themselves (a fastpath call) are refused."""
    conn = servers[1]()
    try:
        with pytest.raises(psycopg2.Error) as refused:
            conn.lobject()
        assert "fastpath function calls are not supported" in \
            str(refused.value)
    finally:
        conn.close()


@pytest.mark.parametrize("expression", [
    "oid::regproc::text",
    "to_regproc(proname)::oid",
    "to_regproc(pronamespace::regnamespace::text || '.' || proname)::oid",
    "pg_get_function_arguments(oid)",
    "pg_get_function_identity_arguments(oid)",
    "pg_get_function_result(oid)",
    "pg_function_is_visible(oid)",
    "prosupport::oid::regproc::text",
    "format_type(prorettype, NULL)",
    "format_type(provariadic, NULL)",
])
def test_functions_over_every_row(both, expression):
    _same(both, f"SELECT oid, {expression} FROM pg_proc ORDER BY 1")


def test_format_type_of_argument_types(both):
    pg = both[0].cursor()
    pg.execute("SELECT DISTINCT unnest(proallargtypes) FROM pg_proc "
               "UNION SELECT DISTINCT unnest(proargtypes::oid[]) FROM pg_proc")
    oids = ",".join(sorted(row[0] for row in pg.fetchall()))
    for typmod in ("NULL", "-1"):
        _same(both, f"SELECT t, format_type(t, {typmod}), t::regtype "
              f"FROM unnest('{{{oids}}}'::oid[]) t ORDER BY 1")


@pytest.mark.parametrize("sql", [
    "SELECT 'lower'::regproc",
    "SELECT 'pg_catalog.lower'::regproc",
    "SELECT 'now'::regproc, 'pg_catalog.now'::regproc::oid, '\"left\"'::regproc",
    "SELECT 'public.now'::regproc",
    "SELECT 'nosuch.f'::regproc",
    "SELECT 'nosuch'::regproc",
    "SELECT 'information_schema._pg_expandarray'::regproc",
    "SELECT 'a.b.c'::regproc",
    "SELECT 'procactivity.pg_catalog.now'::regproc",
    "SELECT 'a.b.c.d'::regproc",
    "SELECT 870::regproc, 1::regproc, 0::regproc",
    "SELECT to_regproc('lower'), to_regproc('nosuch'), to_regproc('x.y'), "
    "to_regproc('now')",
    "SELECT to_regproc('information_schema._pg_expandarray')",
    "SELECT to_regproc('a..b')",
    "SELECT to_regproc('a.b.c.d')",
    "SELECT pg_get_function_result(1), pg_get_function_arguments(NULL)",
    "SELECT pg_function_is_visible(1)",
    "SELECT format_type(1560, -1), format_type(1560, 8), "
    "format_type(1562, 8), format_type(1266, 3), format_type(1561, NULL), "
    "format_type(1270, 2)",
])
def test_regproc(both, sql):
    _same(both, sql)


# -- pg_stat_activity ----------------------------------------------------------------------


def test_pg_stat_activity_columns(both):
    """PostgreSQL's columns and types; client_addr is inet there, a type
    the twin does not have: served as its stand-in (always NULL)."""
    pg, twin = (_outcome(conn, "SELECT * FROM pg_stat_activity LIMIT 0")
                for conn in both)
    inet = [i for i, (name, _) in enumerate(pg[0]) if name == "client_addr"]
    assert pg[0][inet[0]][1] == 869 and STAND_INS == {"inet": "text"}
    expected = list(pg[0])
    expected[inet[0]] = ("client_addr", 25)
    assert twin[0] == expected


# One row per client session of the test database: what both servers
# must agree on (the times only as NULL or not, and in order).
SHAPE = """
    SELECT pid = pg_backend_pid() AS me, datid = (SELECT oid FROM
           pg_database WHERE datname = current_database()) AS datid,
           datname, leader_pid, usesysid, usename, application_name,
           client_hostname, backend_start IS NULL, xact_start IS NULL,
           query_start IS NULL, state_change IS NULL,
           backend_start <= query_start, query_start <= state_change,
           xact_start <= query_start, wait_event_type, wait_event, state,
           backend_xid, backend_xmin IS NULL OR pid = pg_backend_pid(),
           query_id, CASE WHEN pid = pg_backend_pid() THEN left(query, 40)
           ELSE query END, backend_type
    FROM pg_stat_activity WHERE pid = ANY(%s)
    ORDER BY backend_start"""
# backend_xmin: PostgreSQL shows the reading session's snapshot xmin;
# the twin has no transaction ids (NULL). Idle sessions (read committed,
# nothing written) have none on either server.


def _sessions(connect):
    """A fresh session, an idle one (with an application name), one idle
    in a transaction, one in a failed transaction; their shapes as a
    fifth session (psycopg2, simple protocol) reads them."""
    fresh = connect()
    idle = _connection(connect)
    idle.cursor().execute("SET application_name = 'twin test'")
    idle.cursor().execute("SELECT 1 AS x")
    in_txn = _connection(connect, autocommit=False)
    in_txn.cursor().execute("SELECT 2")
    failed = _connection(connect, autocommit=False)
    with pytest.raises(psycopg2.Error):
        failed.cursor().execute("SELECT 1/0")
    reader = _connection(connect)
    sessions = (fresh, idle, in_txn, failed, reader)
    cur = reader.cursor()
    cur.execute(SHAPE, ([conn.get_backend_pid() for conn in sessions],))
    rows = cur.fetchall()
    for conn in sessions:
        conn.close()
    return rows


def test_pg_stat_activity_sessions(servers):
    pg_connect, twin_connect = servers
    pg = _sessions(pg_connect)
    assert [row[17] for row in pg] == [
        "idle", "idle", "idle in transaction",
        "idle in transaction (aborted)", "active"]
    assert _sessions(twin_connect) == pg


def test_pg_stat_activity_sessions_leave(servers):
    """A session that disconnects leaves (once its server noticed)."""
    for connect in servers:
        reader, other = _connection(connect), _connection(connect)
        pids = [reader.get_backend_pid(), other.get_backend_pid()]
        cur = reader.cursor()
        count = "SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(%s)"
        cur.execute(count, (pids,))
        assert cur.fetchone() == (2,)
        other.close()
        for _ in range(100):
            cur.execute(count, (pids,))
            if cur.fetchone() == (1,):
                break
            time.sleep(0.02)
        else:
            pytest.fail("the closed session is still listed")
        reader.close()


def _running(connect) -> tuple:
    """Another session's row while it runs a statement."""
    busy = _connection(connect)
    worker = threading.Thread(
        target=lambda: busy.cursor().execute("SELECT pg_sleep(1.5)"))
    worker.start()
    reader = _connection(connect)
    cur = reader.cursor()
    try:
        for _ in range(50):
            cur.execute("SELECT state, query, xact_start IS NULL, "
                        "query_start IS NULL FROM pg_stat_activity "
                        "WHERE pid = %s", (busy.get_backend_pid(),))
            row = cur.fetchone()
            if row[0] == "active":
                return row
            time.sleep(0.02)
        return row
    finally:
        worker.join()
        busy.close()
        reader.close()


def test_pg_stat_activity_other_session_running(servers):
    """(PostgreSQL's wait event for pg_sleep, Timeout/PgSleep, is not
    compared: the twin shows no wait event for a running statement.)"""
    pg_connect, twin_connect = servers
    pg = _running(pg_connect)
    assert pg == ("active", "SELECT pg_sleep(1.5)", False, False)
    assert _running(twin_connect) == pg


def test_pg_stat_activity_extended_protocol(servers):
    """psycopg 3 sends Parse/Bind/Execute: the text of the Parse."""
    sql = "SELECT state, query FROM pg_stat_activity WHERE pid = pg_backend_pid()"
    found = []
    for connect in servers:
        info = connect().info
        dsn = (f"host={info.host} port={info.port} user={info.user} "
               f"dbname={info.dbname}")
        with psycopg.connect(dsn, autocommit=True) as conn:
            found.append(conn.execute(sql).fetchall())
    assert found[1] == found[0] == [("active", sql)]


BACKGROUND = """
    SELECT backend_type, datid, datname, leader_pid, usesysid, usename,
           application_name, client_addr::text, client_hostname,
           client_port, backend_start IS NULL, xact_start, query_start,
           state_change, wait_event_type,
           CASE WHEN wait_event = 'BgWriterHibernate' THEN 'BgWriterMain'
                ELSE wait_event END,
           state, backend_xid, backend_xmin, query_id, query
    FROM pg_stat_activity
    WHERE backend_type NOT IN ('client backend', 'autovacuum worker')
    ORDER BY backend_type"""
# (PostgreSQL's background writer waits in BgWriterHibernate rather than
# BgWriterMain once it has had nothing to write for a while; the twin
# shows the main loop's.)


def test_pg_stat_activity_background_processes(both):
    """The processes a default PostgreSQL 15 runs beside its clients."""
    pg, twin = (_outcome(conn, BACKGROUND) for conn in both)
    assert [row[0] for row in pg[1]] == [
        "autovacuum launcher", "background writer", "checkpointer",
        "logical replication launcher", "walwriter"]
    assert twin == pg
