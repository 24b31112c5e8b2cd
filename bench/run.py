"""Benchmarks: the twin beside a real PostgreSQL 15, same machine, same run.

Measured (SPEC §14), each reported with PostgreSQL's figure and the ratio:
- cold start to ready: `twinning postgres --schema … --serve --port 0`
  until a client's `SELECT 1` answers, against an ephemeral PostgreSQL
  (initdb + start + the same schema);
- statement throughput through psycopg2 and psycopg 3 (`SELECT 1` and a
  parameterised constant expression, one connection, autocommit);
- read throughput over the same loaded data (2,000 tenants, 20,000
  deals): a primary-key point lookup, a grouped aggregate over every
  deal, and a key lookup joined and grouped;
- idle RSS of the twin after startup.

Prints one JSON document. Never part of the test suite: timings are
measurements, not assertions. Run: `python -m bench.run [--quick]`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "examples" / "deals" / "schema.sql"
sys.path.insert(0, str(ROOT))

from tests.support.realpg import RealPostgres  # noqa: E402

_LISTENING = re.compile(rb"listening on [^:]+:(\d+)")


def twin_cold_start() -> tuple[float, subprocess.Popen, int]:
    """Seconds from process start to the first answered SELECT 1."""
    import psycopg2
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "twinning.cli", "postgres", "--schema",
         str(SCHEMA), "--serve", "--port", "0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    line = proc.stderr.readline()
    port = int(_LISTENING.search(line).group(1))
    conn = psycopg2.connect(host="127.0.0.1", port=port, user="postgres",
                            dbname="postgres")
    conn.cursor().execute("SELECT 1")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed, proc, port


def postgres_cold_start() -> tuple[float, RealPostgres]:
    start = time.perf_counter()
    server = RealPostgres().start()
    conn = server.connect()
    conn.cursor().execute(SCHEMA.read_text())
    conn.cursor().execute("SELECT 1")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed, server


def throughput(connect, statement: str, params, count: int) -> float:
    """Statements per second on one autocommit connection."""
    conn = connect()
    conn.autocommit = True
    cur = conn.cursor()
    for _ in range(50):  # warm caches on both sides
        cur.execute(statement, params)
        cur.fetchall()
    start = time.perf_counter()
    for _ in range(count):
        cur.execute(statement, params)
        cur.fetchall()
    elapsed = time.perf_counter() - start
    conn.close()
    return count / elapsed


READS = (
    ("pk_lookup", "SELECT amount, stage FROM deals WHERE deal_id = %s",
     (12345,), 1),
    ("group_by_scan", "SELECT stage, count(*), sum(amount) FROM deals "
     "GROUP BY stage", None, 20),
    ("join_lookup", "SELECT t.name, count(*), max(d.amount) FROM tenants t "
     "JOIN deals d ON d.tenant_id = t.tenant_id WHERE t.tenant_id = %s "
     "GROUP BY t.name", (42,), 20),
)


def load_read_data(connect) -> None:
    """The same rows into either server, through COPY."""
    import io
    conn = connect()
    conn.autocommit = True
    cur = conn.cursor()
    tenants = "".join(f"{i}\ttenant {i}\n" for i in range(1, 2001))
    cur.copy_expert("COPY tenants (tenant_id, name) FROM STDIN",
                    io.StringIO(tenants))
    deals = "".join(f"{i}\t{i % 2000 + 1}\t{i % 977}.{i % 100:02d}\t"
                    f"{('lead', 'qualified', 'won', 'lost')[i % 4]}\n"
                    for i in range(1, 20001))
    cur.copy_expert("COPY deals (deal_id, tenant_id, amount, stage) FROM STDIN",
                    io.StringIO(deals))
    conn.close()


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return -1


def main() -> None:
    quick = "--quick" in sys.argv
    count = 500 if quick else 5000
    import psycopg
    import psycopg2

    twin_start, proc, port = twin_cold_start()
    pg_start, server = postgres_cold_start()
    try:
        time.sleep(0.5)
        idle_rss = rss_kib(proc.pid)
        twin_dsn = f"host=127.0.0.1 port={port} user=postgres dbname=postgres"
        results = {}
        for driver, connect_to in (("psycopg2", psycopg2.connect),
                                   ("psycopg3", psycopg.connect)):
            for label, sql, params in (
                    ("select_1", "SELECT 1", None),
                    ("param_expression", "SELECT %s::int8 * 2 + 1, %s::text",
                     (21, "x"))):
                twin_rate = throughput(lambda: connect_to(twin_dsn), sql,
                                       params, count)
                pg_rate = throughput(lambda: connect_to(server.dsn), sql,
                                     params, count)
                results[f"{driver}.{label}"] = {
                    "twin_per_s": round(twin_rate), "postgres_per_s": round(pg_rate),
                    "ratio": round(twin_rate / pg_rate, 3)}
        load_read_data(lambda: psycopg2.connect(twin_dsn))
        load_read_data(lambda: psycopg2.connect(server.dsn))
        for label, sql, params, divisor in READS:
            n = max(20, count // divisor)
            twin_rate = throughput(lambda: psycopg2.connect(twin_dsn), sql,
                                   params, n)
            pg_rate = throughput(lambda: psycopg2.connect(server.dsn), sql,
                                 params, n)
            results[f"psycopg2.read.{label}"] = {
                "twin_per_s": round(twin_rate, 1),
                "postgres_per_s": round(pg_rate, 1),
                "ratio": round(twin_rate / pg_rate, 3)}
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        server.stop()
    print(json.dumps({
        "cold_start": {"twin_s": round(twin_start, 3),
                       "postgres_s": round(pg_start, 3),
                       "speedup": round(pg_start / twin_start, 2)},
        "idle_rss_mib": round(idle_rss / 1024, 1),
        "throughput": results,
        "statements_per_measure": count,
        "cpu_count": os.cpu_count(),
    }, indent=2))


if __name__ == "__main__":
    main()
