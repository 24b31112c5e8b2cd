"""`twinning materialize` of ROWS rows (1M by default) from a throwaway
PostgreSQL 15: wall time, rows/s and the materializing process's peak RSS
(`ru_maxrss` of the child), the figures docs/PERFORMANCE.md states.

Run as `python -m bench.materialize [ROWS]` (not part of the test suite:
it takes tens of seconds). The table has a bigint key and integer,
numeric, text, timestamptz, boolean and jsonb columns.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.servers import ROOT
from tests.support.realpg import RealPostgres

SCHEMA = """
CREATE TABLE facts (
    id bigint PRIMARY KEY,
    n integer NOT NULL,
    amount numeric(12, 2),
    label text,
    at timestamptz,
    ok boolean,
    doc jsonb
);
"""

FILL = """
INSERT INTO facts
SELECT g, g % 1000, (g % 100000) / 100.0, 'label ' || g,
       timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second',
       g % 3 = 0, jsonb_build_object('g', g, 'tag', 'x' || g % 7)
  FROM generate_series(1, ROWS) g;
"""


def main(rows: int) -> dict:
    with RealPostgres() as server, tempfile.TemporaryDirectory() as tmp:
        conn = server.connect()
        with conn.cursor() as cur:
            cur.execute(SCHEMA)
            cur.execute(FILL.replace("ROWS", str(rows)))
            cur.execute("VACUUM ANALYZE facts")
        conn.close()
        out = Path(tmp) / "facts.twin"
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "twinning.cli", "materialize", "--from",
             server.url, "--snapshot", str(out), "--json"],
            cwd=ROOT, capture_output=True, text=True,
            env={**os.environ, "TWINNING_WARM": "0"})
        seconds = time.monotonic() - started
        if done.returncode != 0:
            raise SystemExit(done.stderr + done.stdout)
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        report = json.loads(done.stdout)
        return {"rows": rows, "seconds": round(seconds, 1),
                "rows_per_second": round(rows / seconds),
                "peak_rss_mib": round(peak_kib / 1024),
                "snapshot_mib": round(report["snapshot"]["bytes"] / 2**20, 1),
                "progress": done.stderr.strip().splitlines()[-1]}


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000),
                     indent=2))
