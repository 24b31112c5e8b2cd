"""LISTEN / NOTIFY as psycopg2 users run them, twin against PostgreSQL 15:
what a listener receives (channel, payload, which session sent it), and
when (at the sender's commit, only outside the listener's own transaction
block, an idle listener woken by select()).
"""

from __future__ import annotations

import contextlib
import itertools
import select
import threading
import time

import psycopg2
import pytest

from tests.differential.harness import postgres_database, twin_server

pytestmark = pytest.mark.realpg

_NAMES = (f"listen_notify_{i}" for i in itertools.count())


@contextlib.contextmanager
def _both(realpg):
    with postgres_database(realpg, "", next(_NAMES)) as pg, \
            twin_server("") as twin:
        yield pg, twin


def _autocommit(connect):
    conn = connect()
    conn.autocommit = True
    return conn


def _received(conn, pids) -> list:
    """The notifications that arrive (PostgreSQL delivers them a moment
    after the commit: wait until 0.2 s pass without one), senders named
    by role, not pid."""
    conn.poll()
    while select.select([conn], [], [], 0.2)[0]:
        conn.poll()
    out = [(pids[n.pid], n.channel, n.payload) for n in conn.notifies]
    conn.notifies.clear()
    return out


def _scenario(connect) -> list:
    listener, sender = _autocommit(connect), _autocommit(connect)
    pids = {listener.info.backend_pid: "listener",
            sender.info.backend_pid: "sender"}
    lcur, scur = listener.cursor(), sender.cursor()
    seen = []
    lcur.execute("LISTEN foo")
    lcur.execute('LISTEN "Bar"')
    scur.execute("NOTIFY foo, 'one'")
    scur.execute("NOTIFY bar, 'not listened'")
    scur.execute("NOTIFY \"Bar\"")
    seen.append(_received(listener, pids))
    # the sender's transaction: duplicates folded, nothing before COMMIT
    scur.execute("BEGIN")
    for payload in ("a", "b", "a"):
        scur.execute("NOTIFY foo, %s", (payload,))
    scur.execute("SELECT pg_notify('foo', 'via function')")
    seen.append(_received(listener, pids))
    scur.execute("COMMIT")
    seen.append(_received(listener, pids))
    # rolled back, and rolled back to a savepoint: not sent
    scur.execute("BEGIN")
    scur.execute("NOTIFY foo, 'kept'")
    scur.execute("SAVEPOINT s")
    scur.execute("NOTIFY foo, 'dropped'")
    scur.execute("ROLLBACK TO SAVEPOINT s")
    scur.execute("COMMIT")
    scur.execute("BEGIN")
    scur.execute("NOTIFY foo, 'never'")
    scur.execute("ROLLBACK")
    seen.append(_received(listener, pids))
    # the listener inside a block hears only after its COMMIT
    lcur.execute("BEGIN")
    scur.execute("NOTIFY foo, 'while in block'")
    lcur.execute("SELECT 1")
    seen.append(_received(listener, pids))
    lcur.execute("COMMIT")
    seen.append(_received(listener, pids))
    # self-notification, UNLISTEN, and errors
    lcur.execute("NOTIFY foo, 'to myself'")
    seen.append(_received(listener, pids))
    lcur.execute("UNLISTEN foo")
    scur.execute("NOTIFY foo, 'unheard'")
    scur.execute("NOTIFY \"Bar\", 'heard'")
    seen.append(_received(listener, pids))
    for sql in ("SELECT pg_notify('', 'x')", "SELECT pg_notify(NULL, 'x')",
                "NOTIFY foo, '" + "x" * 8000 + "'"):
        try:
            scur.execute(sql)
        except psycopg2.Error as exc:
            seen.append((exc.pgcode, exc.diag.message_primary))
    # an idle listener is woken: select() returns before the timeout
    lcur.execute("UNLISTEN *")
    lcur.execute("LISTEN wake")
    threading.Timer(0.3, lambda: _autocommit(connect).cursor().execute(
        "NOTIFY wake, 'up'")).start()
    started = time.monotonic()
    ready, _, _ = select.select([listener], [], [], 5)
    seen.append((bool(ready), time.monotonic() - started < 4))
    listener.poll()
    seen.append([(n.channel, n.payload) for n in listener.notifies])
    listener.close()
    sender.close()
    return seen


def test_listen_notify_matches_postgres(realpg):
    with _both(realpg) as (pg, twin):
        assert _scenario(twin) == _scenario(pg)
