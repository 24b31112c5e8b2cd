"""LISTEN / NOTIFY as psycopg2 users run them, twin against PostgreSQL 15:
what a listener receives (channel, payload, which session sent it), and
when (at the sender's commit, only outside the listener's own transaction
block, an idle listener woken by select()).
"""

from __future__ import annotations

import select
import threading
import time

import psycopg2
import pytest

from tests.differential.harness import both_servers

pytestmark = pytest.mark.realpg

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


HEARD = "what the listener has received"
# (session, statement) or HEARD: the script both servers run
STEPS = [
    ("listener", "LISTEN foo"), ("listener", 'LISTEN "Bar"'),
    ("sender", "NOTIFY foo, 'one'"), ("sender", "NOTIFY bar, 'not listened'"),
    ("sender", 'NOTIFY "Bar"'), HEARD,
    # the sender's transaction: duplicates folded, nothing before COMMIT
    ("sender", "BEGIN"), ("sender", "NOTIFY foo, 'a'"), ("sender", "NOTIFY foo, 'b'"),
    ("sender", "NOTIFY foo, 'a'"), ("sender", "SELECT pg_notify('foo', 'via function')"),
    HEARD, ("sender", "COMMIT"), HEARD,
    # rolled back, and rolled back to a savepoint: not sent
    ("sender", "BEGIN"), ("sender", "NOTIFY foo, 'kept'"), ("sender", "SAVEPOINT s"),
    ("sender", "NOTIFY foo, 'dropped'"), ("sender", "ROLLBACK TO SAVEPOINT s"),
    ("sender", "COMMIT"), ("sender", "BEGIN"), ("sender", "NOTIFY foo, 'never'"),
    ("sender", "ROLLBACK"), HEARD,
    # the listener inside a block hears only after its COMMIT
    ("listener", "BEGIN"), ("sender", "NOTIFY foo, 'while in block'"),
    ("listener", "SELECT 1"), HEARD, ("listener", "COMMIT"), HEARD,
    # self-notification, UNLISTEN, and errors
    ("listener", "NOTIFY foo, 'to myself'"), HEARD, ("listener", "UNLISTEN foo"),
    ("sender", "NOTIFY foo, 'unheard'"), ("sender", "NOTIFY \"Bar\", 'heard'"), HEARD,
]


def _scenario(connect) -> list:
    listener, sender = _autocommit(connect), _autocommit(connect)
    pids = {listener.info.backend_pid: "listener",
            sender.info.backend_pid: "sender"}
    cursors = {"listener": listener.cursor(), "sender": sender.cursor()}
    seen = []
    for step in STEPS:
        if step == HEARD:
            seen.append(_received(listener, pids))
        else:
            who, sql = step
            cursors[who].execute(sql)
    scur = cursors["sender"]
    for sql in ("SELECT pg_notify('', 'x')", "SELECT pg_notify(NULL, 'x')",
                "NOTIFY foo, '" + "x" * 8000 + "'"):
        try:
            scur.execute(sql)
        except psycopg2.Error as exc:
            seen.append((exc.pgcode, exc.diag.message_primary))
    # an idle listener is woken: select() returns before the timeout
    lcur = cursors["listener"]
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
    with both_servers(realpg, "", "listen_notify") as (pg, twin):
        assert _scenario(twin) == _scenario(pg)
