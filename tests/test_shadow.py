"""The shadow parity ledger (`--shadow URL`) against a throwaway PostgreSQL 15.

The README example under `--shadow` compares every statement and finds no
divergence; a test double of the twin that answers one statement wrongly
is caught, and exactly that statement is listed. The differential
corpus under the ledger is `tests/differential/test_shadow_corpus.py`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from twinning import schemas
from twinning.shadow import attach
from twinning.wire.messages import DataRow, decode_backend_stream
from tests.support.replay import engine_of
from tests.support.twin import serving

pytestmark = pytest.mark.realpg

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "deals"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PG") and k != "DATABASE_URL"}
    env["TWINNING_WARM"] = "0"
    return env


def _databases(realpg) -> set[str]:
    conn = realpg.connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT datname FROM pg_database")
            return {r[0] for r in cur.fetchall()}
    finally:
        conn.close()


def test_readme_example_has_no_divergence(realpg, tmp_path):
    before = _databases(realpg)
    report_path = tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, "-m", "twinning.cli", "postgres", "--schema",
         str(EXAMPLE / "schema.sql"), "--verify", str(EXAMPLE / "rules.verify.json"),
         "--port", "0", "--shadow", realpg.url, "--run",
         f"{sys.executable} examples/deals/extract.py", "--report",
         str(report_path)],
        capture_output=True, text=True, timeout=300, cwd=ROOT, env=_env())
    assert done.returncode == 0, done.stderr + done.stdout
    report = json.loads(report_path.read_text())
    schemas.validator("twinning.v0").validate(report)
    parity = report["parity"]
    assert parity["divergences"] == [] and parity["divergence_count"] == 0
    assert parity["statements_compared"] > 100 and parity["sessions"] == 1
    assert report["verify"]["outcome"] == "PASS"
    assert _databases(realpg) == before  # the shadow database is dropped


class _WrongOnce:
    """A test double of the twin: its answer to one statement is changed
    (the first value of its first row), everything else passes through."""

    def __init__(self, inner, statement: str) -> None:
        self._inner, self._statement = inner, statement.encode()

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def receive(self, data: bytes) -> bytes:
        out = self._inner.receive(data)
        if self._statement not in data:
            return out
        messages = decode_backend_stream(out)
        for index, message in enumerate(messages):
            if isinstance(message, DataRow):
                messages[index] = DataRow((b"999",) + message.values[1:])
                break
        return b"".join(m.encode() for m in messages)


def test_a_planted_difference_is_listed_alone(realpg):
    schema = (EXAMPLE / "schema.sql").read_text()
    engine = engine_of(schema)
    shadow = attach(engine, {"--schema": "schema.sql", "--shadow": realpg.url},
                    schema)
    wrap = engine.wrap_connection
    wrong = "select count(*) from tenants where tenant_id > 1"
    engine.wrap_connection = lambda conn: wrap(_WrongOnce(conn, wrong))
    try:
        with serving(engine) as twin, twin.cursor() as cur:
            cur.execute("insert into tenants (tenant_id, name) values "
                        "(1, 'a'), (2, 'b'), (3, 'c')")
            cur.execute("select name from tenants order by tenant_id")
            cur.execute(wrong)
            assert cur.fetchone() == (999,)  # the client gets the twin's answer
            cur.execute("begin; update tenants set region = 'EU'; commit")
            cur.execute("select count(*) from tenants")
    finally:
        shadow.close()
    parity = shadow.ledger.block()
    assert parity["statements_compared"] == 7
    assert parity["divergence_count"] == 1
    (only,) = parity["divergences"]
    assert only["statement"] == wrong
    assert only["twin"]["rows_hash"] != only["postgres"]["rows_hash"]
    assert only["twin"]["row_count"] == only["postgres"]["row_count"] == 1
