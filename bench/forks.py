"""The fork workloads (issue 16): many databases over one base.

`fork_loop`: CREATE DATABASE … TEMPLATE, connect to it, one INSERT,
disconnect, DROP DATABASE, n times; the median per fork is the figure.
Both sides fork the same small template (`fork_template`, one table), made
before the clock starts: PostgreSQL cannot fork a database that has open
sessions (the bench's own connection sits in `postgres`), the twin can.

`reset_after_writes`: 1,000 INSERTs into a fork, then the time to get the
fork back to its creation state: `SELECT twinning.reset()` on the twin;
on PostgreSQL, its nearest equivalent, DROP DATABASE and CREATE DATABASE
… TEMPLATE again.

`fork_memory` (with the "memory" figures): the twin's RSS per idle fork,
1,000 forks of `postgres` (the loaded `wide` table's 110,000 rows among
them) made and left idle.
"""

from __future__ import annotations

import statistics
import time

import psycopg2

from bench.workloads import Context, Side, cursor

TEMPLATE = "fork_template"
_TABLE = "CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL)"


def _with_db(dsn: str, name: str) -> str:
    return " ".join(part for part in dsn.split() if not part.startswith(
        "dbname=")) + f" dbname={name}"


def ensure_template(side: Side) -> None:
    """`fork_template` with one table, made once per server."""
    with cursor(side.dsn) as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (TEMPLATE,))
        if cur.fetchone():
            return
        cur.execute(f"CREATE DATABASE {TEMPLATE}")
    with cursor(_with_db(side.dsn, TEMPLATE)) as cur:
        cur.execute(_TABLE)


def fork_loop(side: Side, n: int, ctx: Context) -> float:
    """n × (fork, connect, INSERT, disconnect, drop): the median fork's
    seconds × n, so the table's ms/fork is the median fork."""
    ensure_template(side)
    admin = psycopg2.connect(side.dsn)
    admin.autocommit = True
    cur = admin.cursor()
    times: list[float] = []
    try:
        for number in range(n):
            name = f"fork_{number}"
            started = time.perf_counter()
            cur.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
            conn = psycopg2.connect(_with_db(side.dsn, name))
            conn.autocommit = True
            with conn.cursor() as fork:
                fork.execute("INSERT INTO items (name) VALUES ('x')")
            conn.close()
            cur.execute(f"DROP DATABASE {name}")
            times.append(time.perf_counter() - started)
    finally:
        admin.close()
    return statistics.median(times) * n


def reset_after_writes(side: Side, n: int, ctx: Context) -> float:
    """1,000 INSERTs into a fork, then n resets; seconds of the resets."""
    ensure_template(side)
    name = "fork_reset"
    admin = psycopg2.connect(side.dsn)
    admin.autocommit = True
    cur = admin.cursor()
    total = 0.0
    try:
        cur.execute(f"DROP DATABASE IF EXISTS {name}")
        cur.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        for _ in range(n):
            conn = psycopg2.connect(_with_db(side.dsn, name))
            conn.autocommit = True
            fork = conn.cursor()
            for i in range(1000):
                fork.execute("INSERT INTO items (name) VALUES (%s)", (str(i),))
            if side.name == "twin":
                started = time.perf_counter()
                fork.execute("SELECT twinning.reset()")
                total += time.perf_counter() - started
                conn.close()
            else:
                conn.close()
                started = time.perf_counter()
                cur.execute(f"DROP DATABASE {name}")
                cur.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
                total += time.perf_counter() - started
        cur.execute(f"DROP DATABASE {name}")
    finally:
        admin.close()
    return total


def fork_memory(dsn: str, rss_kib, pid: int, count: int = 1000) -> dict:
    """The twin's RSS per idle fork of `postgres`, KiB."""
    admin = psycopg2.connect(dsn)
    admin.autocommit = True
    cur = admin.cursor()
    try:
        cur.execute("CREATE DATABASE fork_warmup TEMPLATE postgres")
        cur.execute("DROP DATABASE fork_warmup")
        before = rss_kib(pid)
        for number in range(count):
            cur.execute(f"CREATE DATABASE idle_{number} TEMPLATE postgres")
        after = rss_kib(pid)
        for number in range(count):
            cur.execute(f"DROP DATABASE idle_{number}")
    finally:
        admin.close()
    return {"forks": count, "rss_before_kib": before, "rss_after_kib": after,
            "kib_per_idle_fork": round((after - before) / count, 2)}
