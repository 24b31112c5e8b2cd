"""Session scripts: steps for two or three autocommit psycopg2 sessions
run against one database, recorded step by step (the runner of
test_concurrency.py and test_row_locks.py; see test_concurrency.py for
what is recorded and why).

The scripts are data: `corpus/scenarios/*.sql` hold them, one `-- scenario: name`
section each, a step a line, `WHO[ FLAGS]: SQL` (FLAGS: `wait`, `async`).
"""

from __future__ import annotations

import functools
import itertools
import re
import socket
import threading
import time
from pathlib import Path

import psycopg2
import pytest

from tests.differential.harness import postgres_database, twin_server

SCENARIO_DIR = Path(__file__).resolve().parent / "corpus" / "scenarios"
# the tables both scenario files use (each adds its own)
KV_SCHEMA = """
CREATE TABLE kv (
    k  integer PRIMARY KEY,
    v  text NOT NULL
);
CREATE TABLE log (
    id    integer PRIMARY KEY,
    k     integer REFERENCES kv ON DELETE CASCADE,
    note  text
);
"""

WAITED = 0.15          # seconds: a step that took this long was blocked ...
# ... when it ended the way only a wait ends (a lock wait's timeout, a
# deadlock, a statement timeout); a step that ends otherwise counts as
# blocked only past LONG_WAIT, so a loaded machine's slow step is not one
LONG_WAIT = 1.0
WAIT_ENDS = {"canceling statement due to lock timeout", "deadlock detected",
             "canceling statement due to statement timeout"}
DISCONNECT = "<disconnect>"      # close the session (Terminate message)
DROP = "<drop socket>"           # shut the socket down without a goodbye
ASYNC = "async"        # start the statement in the background ...
JOIN = "<join>"        # ... and collect its outcome here
WAIT = "wait"          # record whether the step blocked

_SCENARIO = re.compile(r"^-- scenario: *(\S+) *$", re.M)
_STEP = re.compile(r"^(?P<who>[A-Z])(?P<flags>(?: (?:wait|async))*): (?P<sql>.+)$")
_numbers = itertools.count(1)


@functools.cache
def load_scenarios(file_name: str) -> dict[str, list[tuple]]:
    """The scenarios of corpus/scenarios/FILE_NAME, in file order: name -> steps,
    each step (who, sql, *flags); comment lines describe, they do not run."""
    parts = _SCENARIO.split((SCENARIO_DIR / file_name).read_text())
    scenarios: dict[str, list[tuple]] = {}
    for name, body in zip(parts[1::2], parts[2::2]):
        assert name not in scenarios, f"scenario {name} twice in {file_name}"
        steps = []
        for line in body.splitlines():
            if not line.strip() or line.startswith("--"):
                continue
            match = _STEP.match(line)
            assert match, f"{file_name}: not a step: {line!r}"
            steps.append((match["who"], match["sql"], *match["flags"].split()))
        scenarios[name] = steps
    return scenarios


def scenario_params(file_name: str, gaps: set[str]) -> list:
    """The scenario names of corpus/scenarios/FILE_NAME as test parameters, the
    known gaps strict xfails."""
    return [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="known parity gap"))
            if n in gaps else n for n in sorted(load_scenarios(file_name))]


def check_scenario(realpg, schema: str, file_name: str, name: str, prefix: str) -> None:
    """Scenario NAME of corpus/scenarios/FILE_NAME gives the same record on
    PostgreSQL and on the twin (databases PREFIX_n, loaded with SCHEMA)."""
    steps = load_scenarios(file_name)[name]
    diffs = scenario_differences(realpg, schema, steps, prefix)
    assert not diffs, f"{name}:\n" + "\n".join(diffs)


def scenario_differences(realpg, schema: str, steps: list[tuple], prefix: str) -> list[str]:
    """Run STEPS on a fresh PostgreSQL database and a fresh twin, both
    loaded with SCHEMA; how their records differ."""
    with postgres_database(realpg, schema, f"{prefix}_{next(_numbers)}") as connect:
        expected = run_scenario(connect, steps)
    with twin_server(schema, f"{prefix}_{next(_numbers)}") as connect:
        actual = run_scenario(connect, steps)
    return differences(expected, actual)


def observe_step(conn, sql: str) -> dict:
    """What one session sees of one statement (CONTEXT left out, see above)."""
    cur = conn.cursor()
    outcome: dict = {}
    try:
        cur.execute(sql)
        outcome["tag"] = cur.statusmessage
        if cur.description is not None:
            outcome["columns"] = [(d.name, d.type_code) for d in cur.description]
            outcome["rows"] = cur.fetchall()
    except psycopg2.Error as exc:
        # a deadlock's DETAIL names backend pids: not compared
        detail = None if exc.pgcode == "40P01" else exc.diag.message_detail
        outcome["error"] = (exc.pgcode, exc.diag.message_primary, detail)
    outcome["notices"] = list(conn.notices)
    del conn.notices[:]
    outcome["status"] = conn.info.transaction_status
    return outcome


def timed(conn, sql: str) -> tuple[dict, float]:
    start = time.monotonic()
    outcome = observe_step(conn, sql)
    return outcome, time.monotonic() - start


def waited(outcome: dict, elapsed: float, background: bool) -> bool:
    """Was the step blocked? A background statement (JOIN) was: it was
    still running after the half second it was left to wait. A step run
    in the foreground is when it ends as only a wait ends, after WAITED
    (NOWAIT's 55P03 and a SKIP LOCKED read end at once), or when it took
    LONG_WAIT."""
    if background:
        return elapsed >= WAITED
    error = outcome.get("error")
    ended_waiting = error is not None and error[1] in WAIT_ENDS
    return elapsed >= LONG_WAIT or (ended_waiting and elapsed >= WAITED)


def drop_socket(conn) -> None:
    """Cut the TCP connection under libpq: no Terminate message."""
    sock = socket.socket(fileno=conn.fileno())
    try:
        sock.shutdown(socket.SHUT_RDWR)
    finally:
        sock.detach()
    try:
        conn.close()
    except psycopg2.Error:
        pass


def run_scenario(connect, steps: list[tuple]) -> list[tuple]:
    sessions = {}
    for who in sorted({step[0] for step in steps} | {"A", "B"}):
        sessions[who] = connect()
        sessions[who].autocommit = True
    pending: dict[str, tuple[threading.Thread, list]] = {}
    record: list[tuple] = []
    try:
        for step in steps:
            who, sql, *flags = step
            conn = sessions[who]
            if sql == DISCONNECT:
                conn.close()
                record.append((who, sql))
                continue
            if sql == DROP:
                drop_socket(conn)
                record.append((who, sql))
                continue
            if sql == JOIN:
                thread, box = pending.pop(who)
                thread.join(timeout=30)
                assert not thread.is_alive(), f"{who}'s statement never returned"
                outcome, elapsed = box[0]
            elif ASYNC in flags:
                box: list = []
                thread = threading.Thread(
                    target=lambda c=conn, s=sql, b=box: b.append(timed(c, s)))
                thread.start()
                pending[who] = (thread, box)
                time.sleep(0.5)  # let it reach the server and start waiting
                assert thread.is_alive(), f"{who}'s statement did not wait: {sql}"
                record.append((who, sql, "started"))
                continue
            else:
                outcome, elapsed = timed(conn, sql)
            if WAIT in flags:
                outcome["waited"] = waited(outcome, elapsed, sql == JOIN)
            record.append((who, sql, outcome))
        assert not pending, f"unjoined background statements: {sorted(pending)}"
    finally:
        for conn in sessions.values():
            if not conn.closed:
                conn.close()
    return record


def differences(expected, actual) -> list[str]:
    diffs = [f"{want[:2]}\n  pg:   {want[2:]}\n  twin: {got[2:]}"
             for want, got in zip(expected, actual) if want != got]
    if len(expected) != len(actual):
        diffs.append(f"pg ran {len(expected)} steps, the twin {len(actual)}")
    return diffs
