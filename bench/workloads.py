"""The benchmark workloads. Each takes the server under test, a count and
the shared context, and returns the seconds of its timed section (set-up
such as TRUNCATE and connecting is outside the timing, except where
connecting or starting is what is measured)."""

from __future__ import annotations

import io
import os
import random
import shlex
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

import psycopg
import psycopg2
import psycopg2.extras

from bench.data import COLUMNS, STATUSES, copy_text
from bench.servers import (ROOT, TWIN, ensure_warm_server,
                           start_postgres, start_twin, twin_env)

EXAMPLE = ROOT / "examples" / "deals"

_INSERT = (f"INSERT INTO ins_rows ({', '.join(COLUMNS)}) "
           f"VALUES ({', '.join(['%s'] * len(COLUMNS))})")
_UPSERT = ("INSERT INTO upsert_rows (id, tenant, amount, status, updated) "
           "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET "
           "amount = upsert_rows.amount + EXCLUDED.amount, "
           "status = EXCLUDED.status, hits = upsert_rows.hits + 1, "
           "updated = EXCLUDED.updated")
_POINT = "SELECT * FROM wide WHERE id = %s"
_FILTER = ("SELECT id, name, amount FROM wide "
           "WHERE status = %s AND amount > %s ORDER BY amount DESC")
_GROUP = ("SELECT status, count(*), sum(amount), avg(score) FROM wide "
          "GROUP BY status ORDER BY status")


@dataclass(frozen=True)
class Side:
    """One server under test: 'twin' or 'postgres', and how to reach it."""

    name: str
    dsn: str


@dataclass
class Context:
    """What every workload may use: the generated rows (the first
    `wide_rows` of them are loaded into `wide`) and the round number."""

    rows: list[tuple]
    wide_rows: int
    round: int = 0

    def rng(self, workload: str) -> random.Random:
        """Parameters for a workload: the same on both sides of a round."""
        return random.Random(f"{workload}:{self.round}")


@contextmanager
def cursor(dsn: str, autocommit: bool = True):
    """A psycopg2 cursor on a fresh connection, closed afterwards."""
    conn = psycopg2.connect(dsn)
    conn.autocommit = autocommit
    try:
        yield conn.cursor()
    finally:
        conn.close()


def truncate(dsn: str, table: str) -> None:
    with cursor(dsn) as cur:
        cur.execute(f"TRUNCATE {table}")


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def timed_statements(dsn: str, sql: str, params, *, fetch: bool = False,
                     commit: bool = False) -> float:
    """SQL run once per parameter tuple of PARAMS on one fresh connection,
    each result fetched when FETCH; with COMMIT, all in one transaction,
    committed inside the timing. Returns the seconds it took."""
    with cursor(dsn, autocommit=not commit) as cur:
        def run() -> None:
            for p in params:
                cur.execute(sql, p)
                if fetch:
                    cur.fetchall()
            if commit:
                cur.connection.commit()
        return timed(run)


# -- writes --------------------------------------------------------------------

def insert_autocommit(side: Side, n: int, ctx: Context) -> float:
    """n single-row INSERTs, each its own transaction."""
    truncate(side.dsn, "ins_rows")
    return timed_statements(side.dsn, _INSERT, ctx.rows[:n])


def insert_one_txn(side: Side, n: int, ctx: Context) -> float:
    """n single-row INSERTs in one transaction, commit included."""
    truncate(side.dsn, "ins_rows")
    return timed_statements(side.dsn, _INSERT, ctx.rows[:n], commit=True)


def execute_values(side: Side, n: int, ctx: Context) -> float:
    """psycopg2.extras.execute_values of n rows, 1,000 per statement."""
    truncate(side.dsn, "bulk_rows")
    rows = ctx.rows[:n]
    with cursor(side.dsn, autocommit=False) as cur:
        def run() -> None:
            psycopg2.extras.execute_values(
                cur, "INSERT INTO bulk_rows VALUES %s", rows, page_size=1000)
            cur.connection.commit()
        return timed(run)


def upsert(side: Side, n: int, ctx: Context) -> float:
    """n INSERT … ON CONFLICT DO UPDATE in one transaction; keys drawn
    from 0.6·n ids, so about half insert and half update."""
    truncate(side.dsn, "upsert_rows")
    rng = ctx.rng("upsert")
    params = [(rng.randrange(1, int(n * 0.6) + 1), rng.randrange(1, 501),
               Decimal(rng.randrange(0, 100_000)).scaleb(-2),
               rng.choice(STATUSES), row[7])
              for row in ctx.rows[:n]]
    return timed_statements(side.dsn, _UPSERT, params, commit=True)


def psycopg3_prepared_insert(side: Side, n: int, ctx: Context) -> float:
    """psycopg 3, n INSERTs with prepare=True (server-side prepared
    statement, extended protocol) in one transaction."""
    truncate(side.dsn, "ins_rows")
    rows = ctx.rows[:n]
    with psycopg.connect(side.dsn) as conn:
        cur = conn.cursor()

        def run() -> None:
            for row in rows:
                cur.execute(_INSERT, row, prepare=True)
            conn.commit()
        return timed(run)


def copy_from_stdin(side: Side, n: int, ctx: Context) -> float:
    """COPY … FROM STDIN (text format) of n rows into an empty table."""
    truncate(side.dsn, "bulk_rows")
    text = copy_text(ctx.rows[:n])
    with cursor(side.dsn) as cur:
        return timed(lambda: cur.copy_expert(
            "COPY bulk_rows FROM STDIN", io.StringIO(text)))


# -- reads over `wide` -----------------------------------------------------------

def pk_point_select(side: Side, n: int, ctx: Context) -> float:
    """n primary-key lookups with random ids, rows fetched."""
    rng = ctx.rng("pk")
    ids = [(rng.randrange(1, ctx.wide_rows + 1),) for _ in range(n)]
    return timed_statements(side.dsn, _POINT, ids, fetch=True)


def filtered_scan(side: Side, n: int, ctx: Context) -> float:
    """n scans with a non-indexed predicate (status and an amount floor),
    each returning the few matching rows sorted."""
    rng = ctx.rng("filter")
    params = [(rng.choice(STATUSES), Decimal(998_000 + rng.randrange(2000))
               .scaleb(-2)) for _ in range(n)]
    return timed_statements(side.dsn, _FILTER, params, fetch=True)


def group_by(side: Side, n: int, ctx: Context) -> float:
    """n runs of a GROUP BY with count, sum and avg over every row."""
    return timed_statements(side.dsn, _GROUP, [None] * n, fetch=True)


# -- connections and whole processes -------------------------------------------

def connect(side: Side, n: int, ctx: Context) -> float:
    """n psycopg2.connect + close over loopback TCP."""
    def run() -> None:
        for _ in range(n):
            psycopg2.connect(side.dsn).close()
    return timed(run)


def select_1(dsn: str) -> None:
    with cursor(dsn) as cur:
        cur.execute("SELECT 1")
        cur.fetchall()


def cold_start(side: Side, n: int, ctx: Context) -> float:
    """Process start (PostgreSQL: initdb + start) with bench/schema.sql
    loaded, until a client's SELECT 1 answers; no warm server."""
    return _start(side, warm=False)


def warm_start(side: Side, n: int, ctx: Context) -> float:
    """The same with the twin's warm server running (twinning.warm), as
    for every command after a user's first; PostgreSQL as in cold_start."""
    if side.name == "twin":
        ensure_warm_server()
    return _start(side, warm=True)


def _start(side: Side, warm: bool) -> float:
    start = time.perf_counter()
    server = start_twin(warm=warm) if side.name == "twin" else start_postgres()
    try:
        select_1(server.dsn)
        return time.perf_counter() - start
    finally:
        server.stop()


def _run_checked(cmd: list[str], **kwargs: object) -> None:
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300, **kwargs)
    if done.returncode != 0:
        tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
        raise RuntimeError(f"exit {done.returncode}: {' | '.join(tail)}")


def example_loop(side: Side, n: int, ctx: Context) -> float:
    """The README example end to end: a fresh server with the deals
    schema, examples/deals/extract.py against it, then stop (the twin
    also verifies and writes its report); the twin's warm server runs."""
    if side.name == "twin":
        ensure_warm_server()
    return _example(side, warm=True)


def example_loop_cold(side: Side, n: int, ctx: Context) -> float:
    """The same without the twin's warm server."""
    return _example(side, warm=False)


def _example(side: Side, warm: bool) -> float:
    extract = [sys.executable, str(EXAMPLE / "extract.py")]
    start = time.perf_counter()
    if side.name == "twin":
        with tempfile.TemporaryDirectory() as tmp:
            _run_checked([
                *TWIN, "postgres",
                "--schema", str(EXAMPLE / "schema.sql"),
                "--verify", str(EXAMPLE / "rules.verify.json"),
                "--port", "0", "--run", shlex.join(extract),
                "--report", os.path.join(tmp, "report.json")],
                env=twin_env(warm))
    else:
        server = start_postgres(EXAMPLE / "schema.sql")
        try:
            _run_checked(extract, env={**os.environ, "DATABASE_URL": server.url})
        finally:
            server.stop()
    return time.perf_counter() - start
