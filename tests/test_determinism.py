"""--clock and --seed (issue 16): the same statement stream, run twice
against a schema whose defaults call now(), random() and
gen_random_uuid(), gives byte-identical snapshots (one per database with
--snapshot-dir) and reports; without the flags the two runs differ. The
real CLI in a subprocess, psql as the client."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest

from twinning import schemas

ROOT = Path(__file__).resolve().parent.parent
TWINNING = [sys.executable, "-m", "twinning.cli"]
SCHEMA = """CREATE TABLE events (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL DEFAULT now(),
    r float8 DEFAULT random(),
    name text);
"""
SCRIPT = """set -e
psql -X -q -c "INSERT INTO events (name) VALUES ('a')" \\
     -c "INSERT INTO events (name) VALUES ('b'), ('c')" \\
     -c "CREATE DATABASE fork1 TEMPLATE postgres"
psql -X -q -d fork1 -c "INSERT INTO events (name) VALUES ('f')" \\
     -c "INSERT INTO events (name, created_at) SELECT 'g', clock_timestamp()"
psql -X -q -c "BEGIN" -c "INSERT INTO events (name) VALUES ('d')" -c "COMMIT"
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(where: Path, port: int, *flags: str) -> subprocess.CompletedProcess:
    where.mkdir()
    (where / "schema.sql").write_text(SCHEMA)
    (where / "run.sh").write_text(SCRIPT)
    env = {**os.environ, "TWINNING_WARM": "0"}
    return subprocess.run(
        [*TWINNING, "postgres", "--schema", "schema.sql", "--port", str(port),
         "--run", "sh run.sh", "--snapshot", "s.twin", "--snapshot-dir", "dbs",
         "--report", "r.json", *flags],
        capture_output=True, text=True, timeout=120, cwd=where, env=env)


def _artifacts(where: Path) -> dict[str, bytes]:
    return {name: (where / name).read_bytes() for name in
            ("s.twin", "r.json", "dbs/postgres.twin", "dbs/fork1.twin")}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    if shutil.which("psql") is None:
        pytest.skip("psql is installed by scripts/system-deps.sh")
    port = _free_port()  # one port: the report records it
    base = tmp_path_factory.mktemp("determinism")
    out = {}
    for name, flags in (("one", ("--clock", "2024-01-01T00:00:00Z", "--seed", "7")),
                        ("two", ("--clock", "2024-01-01T00:00:00Z", "--seed", "7")),
                        ("free", ())):
        done = _run(base / name, port, *flags)
        assert done.returncode == 0, done.stderr
        out[name] = base / name
    return out


def test_same_stream_same_bytes(runs):
    assert _artifacts(runs["one"]) == _artifacts(runs["two"])


def test_without_the_flags_runs_differ(runs):
    one, free = _artifacts(runs["one"]), _artifacts(runs["free"])
    assert one["s.twin"] != free["s.twin"]


def test_report_records_the_flags_and_every_database(runs):
    report = json.loads((runs["one"] / "r.json").read_text())
    schemas.validator("twinning.v0").validate(report)
    assert report["determinism"] == {"clock": "2024-01-01T00:00:00Z", "seed": 7}
    assert report["databases"]["fork1"]["tables"] == {"public.events": 5}
    assert report["databases"]["postgres"]["tables"] == {"public.events": 4}
    assert report["databases"]["postgres"]["snapshot_hash"] == \
        report["snapshot"]["snapshot_hash"]
    free = json.loads((runs["free"] / "r.json").read_text())
    assert "determinism" not in free


def test_clock_steps_in_statement_order(runs, tmp_path):
    """The rows' times: each transaction's start one step after the last
    reading, from --clock on, in the order the statements ran."""
    from twinning import bootstrap
    state = bootstrap.from_snapshot(str(runs["one"] / "dbs" / "fork1.twin")).state
    rows = sorted(state.rows[next(iter(state.rows))], key=lambda r: r[1])
    assert [r[3] for r in rows] == ["a", "b", "c", "f", "g"]
    times = [r[1] for r in rows]
    start = 757382400000000  # 2024-01-01 UTC in µs since 2000-01-01
    assert times[0] == start and times[1] == times[2]  # one statement
    assert times[0] < times[1] < times[3] < times[4]
    assert all((t - start) % 1000 == 0 for t in times)  # 1 ms steps


@pytest.mark.realpg
def test_setseed_range_error_as_postgres(realpg, tmp_path):
    conn = realpg.connect()
    with conn.cursor() as cur, pytest.raises(psycopg2.Error) as caught:
        cur.execute("SELECT setseed(2)")
    conn.close()
    expected = f"ERROR:  {caught.value.diag.message_primary}"
    where = tmp_path / "w"
    where.mkdir()
    (where / "schema.sql").write_text(SCHEMA)
    done = subprocess.run(
        [*TWINNING, "postgres", "--schema", "schema.sql", "--port", "0",
         "--run", "psql -X -q -c 'SELECT setseed(2)'", "--seed", "1"],
        capture_output=True, text=True, timeout=120, cwd=where,
        env={**os.environ, "TWINNING_WARM": "0"})
    assert expected in done.stderr


def test_snapshot_dir_without_live_mode(tmp_path):
    """Bootstrap mode has one database, the loaded one: its snapshot is
    the same bytes as --snapshot's."""
    (tmp_path / "schema.sql").write_text(SCHEMA)
    done = subprocess.run(
        [*TWINNING, "postgres", "--schema", "schema.sql", "--snapshot",
         "s.twin", "--snapshot-dir", "dbs", "--json"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={**os.environ, "TWINNING_WARM": "0"})
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert list(report["databases"]) == ["postgres"]
    assert (tmp_path / "dbs" / "postgres.twin").read_bytes() == \
        (tmp_path / "s.twin").read_bytes()
