"""Runaway statements end as PostgreSQL ends them, and the twin goes on.

- A four-way cross join of 300 rows (hours of work) is stopped by a
  CancelRequest and by statement_timeout with 57014, promptly, leaving the
  transaction as PostgreSQL leaves it (aborted inside a block).
- Work that would exhaust memory fails with 53200 under the engine's
  budget (`--max-memory`) instead of taking the process down.
- Deep or huge statements get PostgreSQL's own answer (54001, the
  parser's 42601 "memory exhausted", or rows where PostgreSQL has rows).
- Past max_connections a client gets FATAL 53300.
- A non-loopback bind without a password is refused (E_INSECURE_BIND).

Cancels are sent from a child process: libpq's PQcancel holds the GIL
the in-process twin needs to answer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import psycopg2
import pytest

from tests.support.twin import EXAMPLE_SCHEMA, Twin
from twinning import bootstrap
from twinning.server import MAX_CONNECTIONS, TwinServer
from twinning.session import Engine

RUNAWAY = "SELECT count(*) FROM t a, t b, t c, t d"

# Prints, per attempt, the SQLSTATE, the message and how long after the
# cancel (or the timeout) the answer came; then the transaction's fate.
_CLIENT = r"""
import sys, threading, time, psycopg2
conn = psycopg2.connect(sys.argv[1]); conn.autocommit = True
cur = conn.cursor()
cur.execute("DROP TABLE IF EXISTS t")
cur.execute("CREATE TABLE t AS SELECT generate_series(1, 300) AS x")
cur.execute("SELECT count(*) FROM t a, t b")  # planned once: warm
def attempt(how):
    mark = []
    if how == "cancel":
        def fire():
            mark.append(time.monotonic()); conn.cancel()
        threading.Timer(0.3, fire).start()
    else:
        cur.execute("SET statement_timeout = 300")
    started = time.monotonic()
    try:
        cur.execute(sys.argv[2])
        print("no error")
    except psycopg2.Error as exc:
        late = time.monotonic() - (mark[0] if mark else started + 0.3)
        print(exc.pgcode, exc.pgerror.splitlines()[0], round(late * 1000))
    if how != "cancel":
        cur.execute("RESET statement_timeout")
for how in ("cancel", "cancel", "cancel", "timeout", "timeout", "timeout"):
    attempt(how)
conn.autocommit = False
threading.Timer(0.3, conn.cancel).start()
try:
    cur.execute(sys.argv[2])
except psycopg2.Error as exc:
    print("in block:", exc.pgcode)
try:
    cur.execute("SELECT 1")
except psycopg2.Error as exc:
    print("then:", exc.pgcode)
conn.rollback()
cur.execute("SELECT count(*) FROM t"); print(cur.fetchone()[0])
"""


def _serve(engine: Engine):
    server = TwinServer(engine, "127.0.0.1", 0)
    server.start()
    return server, Twin(server, engine)


@pytest.fixture(scope="module")
def twin():
    engine = Engine(bootstrap.from_schema(str(EXAMPLE_SCHEMA)).state)
    server, handle = _serve(engine)
    yield handle
    server.stop()


def _client(dsn: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", _CLIENT, dsn, RUNAWAY],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


@pytest.mark.realpg
def test_runaway_cross_join_is_cancelled_promptly(twin, realpg):
    expected = _client(realpg.dsn)
    got = _client(twin.dsn)
    # same answers as PostgreSQL, latency aside
    assert [line.rsplit(" ", 1)[0] for line in got[:6]] == \
        [line.rsplit(" ", 1)[0] for line in expected[:6]] == \
        ["57014 ERROR:  canceling statement due to user request"] * 3 + \
        ["57014 ERROR:  canceling statement due to statement timeout"] * 3
    assert got[6:] == expected[6:] == ["in block: 57014", "then: 25P02",
                                       "300"]
    # within 100 ms of the cancel / the deadline (best of three: the
    # machine is shared)
    cancel_ms = min(int(line.rsplit(" ", 1)[1]) for line in got[:3])
    timeout_ms = min(int(line.rsplit(" ", 1)[1]) for line in got[3:6])
    assert cancel_ms < 100 and timeout_ms < 100, got


def test_memory_budget_fails_the_statement_not_the_process():
    engine = Engine(max_memory=64 << 20)
    server, twin = _serve(engine)
    try:
        conn = twin.connect()
        conn.autocommit = True
        cur = conn.cursor()
        cur.execute("CREATE TABLE t AS SELECT generate_series(1, 300) AS x")
        for sql in (RUNAWAY, "SELECT count(*) FROM generate_series(1, 1e9::int)",
                    "SELECT x FROM (SELECT a.x FROM t a, t b, t c) s ORDER BY 1"):
            with pytest.raises(psycopg2.Error) as err:
                cur.execute(sql)
            assert err.value.pgcode == "53200"
            assert err.value.pgerror.startswith("ERROR:  out of memory\n"
                                                "DETAIL:  Failed on request of size ")
        cur.execute("SELECT count(*) FROM t a, t b")  # within the budget
        assert cur.fetchone() == (90000,)
        conn.close()
    finally:
        server.stop()


def test_a_long_set_returning_call_times_out(twin):
    with twin.cursor() as cur:
        cur.execute("SET statement_timeout = 200")
        with pytest.raises(psycopg2.errors.QueryCanceled):
            cur.execute("SELECT count(*) FROM generate_series(1, 2000000000)")
        cur.execute("SELECT 1")
        assert cur.fetchone() == (1,)


_DEEP = {
    "megabyte_expression": "SELECT " + "1+" * 500_000 + "1",
    "parentheses_100k": "SELECT " + "(" * 100_000 + "1" + ")" * 100_000,
    "subselects_100k": "SELECT " + "(SELECT " * 100_000 + "1" + ")" * 100_000,
    "unions_2000": " UNION ".join(f"SELECT {i % 7}" for i in range(2000)),
    "union_all_2000": "SELECT count(*) FROM (" + " UNION ALL ".join(
        ["SELECT 1"] * 2000) + ") s",
}


def _answer(conn, sql: str):
    cur = conn.cursor()
    try:
        cur.execute(sql)
        answer = ("rows", sorted(cur.fetchall()))
    except psycopg2.Error as exc:
        answer = (exc.pgcode, exc.pgerror)
    conn.rollback()
    cur.execute("SELECT 1")
    assert cur.fetchone() == (1,)
    return answer


@pytest.mark.realpg
@pytest.mark.parametrize("name", list(_DEEP))
def test_deep_and_huge_statements_answer_as_postgresql(twin, realpg, name):
    expected = _answer(realpg.connect(), _DEEP[name])
    bystander = twin.connect()
    got = _answer(twin.connect(), _DEEP[name])
    assert got == expected
    assert _answer(bystander, "SELECT 42") == ("rows", [(42,)])


def test_past_max_connections_is_fatal_53300(twin):
    held = [twin.connect() for _ in range(MAX_CONNECTIONS)]
    try:
        with pytest.raises(psycopg2.OperationalError) as err:
            twin.connect()
        assert "sorry, too many clients already" in str(err.value)
    finally:
        for conn in held:
            conn.close()
    conn = None
    for _ in range(100):  # the held connections' threads finish closing
        try:
            conn = twin.connect()
            break
        except psycopg2.OperationalError:
            time.sleep(0.05)
    assert conn is not None
    conn.close()


def _cli(*argv: str) -> tuple[int, dict]:
    env = {k: v for k, v in os.environ.items() if k != "TWINNING_PASSWORD"}
    out = subprocess.run([sys.executable, "-c", "import sys; from twinning.cli "
                          "import main; sys.exit(main(sys.argv[1:]))",
                          "postgres", "--schema", str(EXAMPLE_SCHEMA),
                          "--port", "0", "--json", *argv],
                         capture_output=True, text=True, timeout=60, env=env)
    return out.returncode, json.loads(out.stdout)


def test_non_loopback_bind_needs_a_password():
    code, doc = _cli("--serve", "--host", "0.0.0.0")
    assert code == 2 and doc["refusal"]["code"] == "E_INSECURE_BIND"
    assert "--password" in doc["refusal"]["next_command"]
    code, doc = _cli("--run", "true", "--host", "0.0.0.0", "--trust-remote")
    assert code == 0 and any("--trust-remote" in w for w in doc["warnings"])
    code, doc = _cli("--run", "true", "--host", "0.0.0.0", "--password", "pw")
    assert code == 0 and doc["outcome"] == "READY"
    code, doc = _cli("--run", "true", "--host", "localhost")
    assert code == 0 and not doc.get("warnings")
