"""--trace FILE: one schema-valid twinning.query-trace.v0 line per statement,
with each stage's IR and the outcome the client saw."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from twinning import schemas

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "examples" / "deals" / "schema.sql"

CLIENT = """
import psycopg
with psycopg.connect(autocommit=True) as conn:
    conn.execute("SELECT 1, version()")
    try:
        conn.execute("SELECT * FROM nope")
    except psycopg.Error:
        pass
    for _ in range(2):
        conn.execute("SELECT %s::int8 + 1", (41,), prepare=True)
    conn.execute("SET lock_timeout = 5000")
"""


def test_trace_records_every_statement(tmp_path):
    trace = tmp_path / "trace.jsonl"
    client = tmp_path / "client.py"
    client.write_text(CLIENT)
    proc = subprocess.run(
        [sys.executable, "-m", "twinning.cli", "postgres", "--schema",
         str(SCHEMA), "--port", "0", "--trace", str(trace), "--json",
         "--run", f"{sys.executable} {client}"],
        capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["run"]["exit_code"] == 0
    records = [json.loads(line) for line in trace.read_text().splitlines()]
    validator = schemas.validator("twinning.query-trace.v0")
    for record in records:
        validator.validate(record)
    assert [r["seq"] for r in records] == list(range(1, len(records) + 1))
    by_sql = {}
    for record in records:
        by_sql.setdefault(record["sql"], []).append(record)
    first = by_sql["SELECT 1, version()"][0]
    assert first["outcome"] == {"command_tag": "SELECT 1", "rows": 1}
    assert set(first["stages"]) == {"parse", "resolve", "lower", "plan"}
    missing = by_sql["SELECT * FROM nope"][0]
    assert missing["outcome"]["sqlstate"] == "42P01"
    prepared = by_sql["SELECT $1::int8 + 1"]
    assert len(prepared) == 2 and all(r["protocol"] == "extended" for r in prepared)
    assert by_sql["SET lock_timeout = 5000"][0]["outcome"]["command_tag"] == "SET"


def test_bootstrap_trace_is_empty_but_written(tmp_path):
    trace = tmp_path / "trace.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "twinning.cli", "postgres", "--schema",
         str(SCHEMA), "--trace", str(trace)], capture_output=True, text=True)
    assert proc.returncode == 0 and trace.read_text() == ""
