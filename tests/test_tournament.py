"""`twinning tournament` (issue 16): the deals example's good and buggy
extractors, each against its own fork of the schema, judged by the verify
rules; run twice with --clock/--seed the JSON is the same bytes. The real
CLI in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from twinning import schemas

ROOT = Path(__file__).resolve().parent.parent
DEALS = ROOT / "examples" / "deals"
TWINNING = [sys.executable, "-m", "twinning.cli"]


def _tournament(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*TWINNING, "tournament", "--schema", str(DEALS / "schema.sql"), *args],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
        env={**os.environ, "TWINNING_WARM": "0"})


@pytest.fixture(scope="module")
def two_runs():
    args = ("--verify", str(DEALS / "rules.verify.json"),
            "--clock", "2024-01-01T00:00:00Z", "--seed", "1", "--jobs", "2",
            "--candidate", f"buggy={sys.executable} {DEALS / 'extract_buggy.py'}",
            "--candidate", f"good={sys.executable} {DEALS / 'extract.py'}",
            "--json")
    return _tournament(*args), _tournament(*args)


def test_same_json_twice(two_runs):
    first, second = two_runs
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout


def test_ranked_and_judged(two_runs):
    document = json.loads(two_runs[0].stdout)
    schemas.validator("twinning.tournament.v0").validate(document)
    good, buggy = document["candidates"]
    assert (good["name"], good["rank"], good["passed"]) == ("good", 1, True)
    assert good["verify"] == {"outcome": "PASS", "failing_rules": []}
    assert (buggy["name"], buggy["passed"]) == ("buggy", False)
    assert "DEALS_LOADED" in buggy["verify"]["failing_rules"]
    assert buggy["refused_writes"]  # by SQLSTATE, e.g. 22P02
    assert good["snapshot_hash"] != buggy["snapshot_hash"]
    assert document["identical_groups"] == []
    assert good["wall_seconds"] is None  # --clock: nothing wall-clock


def test_identical_candidates_grouped_and_exit_1_when_none_passes(tmp_path):
    done = _tournament("--candidate", "a=exit 1", "--candidate", "b=exit 2",
                       "--report", str(tmp_path / "t.json"))
    assert done.returncode == 1
    document = json.loads((tmp_path / "t.json").read_text())
    assert document["outcome"] == "FAIL"
    assert document["identical_groups"] == [["a", "b"]]
    assert "tournament FAIL" in done.stdout


def test_bad_candidate_is_a_usage_refusal():
    done = _tournament("--candidate", "Not A Name=true", "--json")
    assert done.returncode == 2
    assert json.loads(done.stdout)["refusal"]["code"] == "E_USAGE"
