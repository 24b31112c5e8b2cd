"""pg_terminate_backend and pg_cancel_backend as psycopg2 users call them,
twin against PostgreSQL 15: a session that terminates itself loses its
connection; a terminated idle session finds its connection gone at the
next statement; a pid that is no backend gives false and a WARNING; a
session that cancels itself gets 57014.
"""

from __future__ import annotations

import time

import psycopg2
import pytest

from tests.differential.harness import both_servers

pytestmark = pytest.mark.realpg



def _autocommit(connect):
    conn = connect()
    conn.autocommit = True
    return conn


def _outcome(run) -> tuple:
    try:
        return ("ok", run())
    except psycopg2.Error as exc:
        return (type(exc).__name__, exc.pgcode)


def _scenario(connect) -> list:
    seen = []
    own = _autocommit(connect)
    seen.append(_outcome(lambda: own.cursor().execute(
        "SELECT pg_terminate_backend(pg_backend_pid())")))
    seen.append(own.closed)
    victim, control = _autocommit(connect), _autocommit(connect)
    cur = victim.cursor()
    cur.execute("SELECT pg_backend_pid()")
    pid = cur.fetchone()[0]
    ccur = control.cursor()
    ccur.execute("SELECT pg_terminate_backend(%s)", (pid,))
    seen.append(ccur.fetchone())
    time.sleep(0.2)  # PostgreSQL's victim ends on its own time
    seen.append(_outcome(lambda: cur.execute("SELECT 1")))
    seen.append(victim.closed)
    ccur.execute("SELECT pg_terminate_backend(2147483000)")
    seen.append((ccur.fetchone(), list(control.notices)))
    seen.append(_outcome(lambda: ccur.execute(
        "SELECT pg_cancel_backend(pg_backend_pid())")))
    ccur.execute("SELECT pg_cancel_backend(2147483000)")
    seen.append(ccur.fetchone())
    control.close()
    return seen


def test_backend_signals_match_postgres(realpg):
    with both_servers(realpg, "", "backend_signals") as (pg, twin):
        assert _scenario(twin) == _scenario(pg)
