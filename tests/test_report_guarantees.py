"""The report says what the journal and the memory budget guarantee.

A `--run` with a journal and `--max-memory` reports, beside the journal's
counters, which commits survive which crash under its `--journal-sync`
mode, and the statement memory budget in use with what it covers and does
not; bootstrap runs no statement and reports no budget. The human
rendering names both.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from twinning import schemas
from twinning.execute import default_memory_limit
from twinning.report import JOURNAL_GUARANTEES

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "deals" / \
    "schema.sql"


def _cli(*argv: str) -> str:
    """The command in a process of its own (`--run` hands its child the
    real standard streams)."""
    env = {k: v for k, v in os.environ.items() if k != "TWINNING_PASSWORD"}
    out = subprocess.run([sys.executable, "-c", "import sys; from twinning.cli "
                          "import main; sys.exit(main(sys.argv[1:]))",
                          "postgres", "--schema", str(EXAMPLE), "--port", "0",
                          *argv], capture_output=True, text=True, timeout=60,
                         env=env)
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout


def _report(capsys, *argv: str) -> dict:
    report = json.loads(_cli("--json", *argv))
    schemas.validator("twinning.v0").validate(report)
    return report


@pytest.mark.parametrize("sync", ["commit", "off"])
def test_journal_guarantee_follows_the_sync_mode(capsys, tmp_path, sync):
    report = _report(capsys, "--run", "true", "--journal",
                     str(tmp_path / "twin.journal"), "--journal-sync", sync,
                     "--max-memory", "64MB")
    guarantee = report["journal"]["guarantee"]
    assert guarantee == JOURNAL_GUARANTEES[sync]
    assert "SIGKILL" in guarantee
    if sync == "commit":
        assert "fsync'ed before" in guarantee and "and of the machine" in guarantee
    else:
        assert "not fsync'ed" in guarantee and "may lose" in guarantee
    budget = report["memory_budget"]
    assert (budget["bytes"], budget["default"]) == (64 << 20, False)
    assert "53200" in budget["covers"]
    assert "OOM killer" in budget["does_not_cover"]


def test_default_budget_and_human_rendering(capsys):
    out = _cli("--run", "true")
    assert f"memory budget: {default_memory_limit()} bytes per statement " \
        "(the default: half the RAM)" in out
    report = _report(capsys, "--run", "true")
    assert report["memory_budget"]["default"] is True
    assert "memory_budget" not in _report(capsys)  # bootstrap: no statements
