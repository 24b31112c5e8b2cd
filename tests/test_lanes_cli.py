"""The command line of the real-PostgreSQL lanes (issue #17) without a
server: refusals with their codes and next steps, and the surface
`--describe` announces."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _twinning(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "twinning.cli", *argv],
                          capture_output=True, text=True, timeout=60,
                          cwd=ROOT, env={**os.environ, "TWINNING_WARM": "0"})


def test_backend_needs_a_schema_and_a_live_mode():
    done = _twinning("postgres", "--backend", "postgresql://u@h/db", "--serve")
    assert done.returncode == 2
    assert "refused (E_USAGE): --backend builds its database from --schema" \
        in done.stderr
    done = _twinning("postgres", "--schema", "examples/deals/schema.sql",
                     "--backend", "postgresql://u@h/db")
    assert done.returncode == 2
    assert "refused (E_USAGE): --backend serves clients" in done.stderr
    done = _twinning("postgres", "--schema", "examples/deals/schema.sql",
                     "--backend", "postgresql://u@h/db", "--serve",
                     "--journal", "j")
    assert "refused (E_USAGE): --backend does not combine with --journal" \
        in done.stderr


def test_backend_that_cannot_be_reached_is_refused():
    done = _twinning("postgres", "--schema", "examples/deals/schema.sql",
                     "--backend", "postgresql://u@127.0.0.1:1/db", "--serve",
                     "--port", "0")
    assert done.returncode == 2
    assert "refused (E_BACKEND): cannot build the backend database" \
        in done.stderr


def test_shadow_needs_a_schema(tmp_path):
    snapshot = tmp_path / "deals.twin"
    made = _twinning("postgres", "--schema", "examples/deals/schema.sql",
                     "--snapshot", str(snapshot))
    assert made.returncode == 0, made.stderr
    done = _twinning("postgres", "--restore", str(snapshot), "--port", "0",
                     "--shadow", "postgresql://u@127.0.0.1:1/db", "--serve")
    assert done.returncode == 2
    assert "refused (E_USAGE): --shadow builds its database from --schema" \
        in done.stderr


def test_materialize_needs_from_and_snapshot():
    done = _twinning("materialize", "--snapshot", "x.twin", "--json")
    assert done.returncode == 2
    assert json.loads(done.stdout)["refusal"]["code"] == "E_USAGE"


def test_where_must_name_a_table_and_predicate():
    done = _twinning("materialize", "--from", "postgresql://u@127.0.0.1:1/db",
                     "--snapshot", "x.twin", "--where", "nopredicate")
    assert done.returncode == 2 and "TABLE=PREDICATE" in done.stderr


def test_describe_lists_the_lane_commands_and_artifacts():
    doc = json.loads(_twinning("--describe").stdout)
    assert "proof twin-pair" in doc["commands"]
    assert "materialize" in doc["commands"]
    assert doc["artifacts"]["proof"] == "twinning.proof.v0"
    assert doc["artifacts"]["materialize"] == "twinning.materialize.v0"
    assert "E_BACKEND" in doc["refusal_codes"]
