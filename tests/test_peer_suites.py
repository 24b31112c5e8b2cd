"""The peer suites on the twin, strictly against their expected failures.

SQLAlchemy's dialect compliance suite and psycopg2's own tests, from their
pinned PyPI sdists (peers/fetch.py), are run against a fresh twin by
peers/run.py. peers/expected/SUITE.postgres.json is the same suite's run on
PostgreSQL 15 (tests it does not pass are outside the comparison) and
peers/expected/SUITE.txt lists the tests PostgreSQL passes and the twin
does not, with their causes. The test fails when

- a test PostgreSQL passes fails on the twin and is not listed,
- a listed test passes (its line must go: the list only shrinks),
- a listed test is no longer one PostgreSQL passes (a stale line),
- the run did not run the suite (pytest's exit 5, a session error, a
  run cut short by its time limit).

They run when TWINNING_PEERS=1, which `make test` (hence CI) and `make
peers` set; a bare `pytest` skips them. The first run downloads ~10 MB of
sdists into ~/.cache/twinning-peers (or $TWINNING_PEERS_CACHE). Select with
`-m peers`. TWINNING_PEERS_TWIN_CWD starts the twin from another checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "peers" / "expected"
RUN_TIMEOUT = 1200  # seconds: peers/run.py's own limit for the whole run

pytestmark = pytest.mark.peers


def _parse_expected(path: Path) -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    try:
        from peers.compare import parse_expected
    finally:
        sys.path.remove(str(ROOT))
    return parse_expected(path)


@pytest.mark.parametrize("suite", ["sqlalchemy", "psycopg2"])
def test_peer_suite_on_twin(suite: str, tmp_path: Path) -> None:
    if os.environ.get("TWINNING_PEERS") != "1":
        pytest.skip("peer suites run with TWINNING_PEERS=1 (make test sets it): "
                    f"{suite}'s suite against the twin")
    out = tmp_path / f"{suite}-twin.json"
    cmd = [sys.executable, "-m", "peers.run", suite, "--target", "twin",
           "--out", str(out), "--workdir", str(tmp_path / "work"),
           "--timeout", str(RUN_TIMEOUT), "--quiet"]
    twin_cwd = os.environ.get("TWINNING_PEERS_TWIN_CWD")
    if twin_cwd:
        cmd += ["--twin-cwd", twin_cwd]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                          timeout=RUN_TIMEOUT + 300)
    assert done.returncode == 0, (
        f"peers/run.py exited {done.returncode}:\n{done.stderr[-4000:]}")
    print(done.stdout.strip())
    result = json.loads(out.read_text())

    # The suite must have run: no empty collection, no aborted session.
    codes = [seg["exit_code"] for seg in result["segments"]]
    assert result["session_error"] is None, (
        f"pytest stopped before running the suite: {result['session_error']} "
        f"(exit codes {codes}; log in {tmp_path / 'work'})")
    assert codes[-1] in (0, 1), (
        f"the suite's pytest exited {codes} (5: no tests ran; "
        f"run-timeout: the {RUN_TIMEOUT} s limit)")

    baseline = json.loads((EXPECTED / f"{suite}.postgres.json").read_text())
    pg_passed = set(baseline["passed"])
    outside = set(baseline["not_passing"])
    expected = _parse_expected(EXPECTED / f"{suite}.txt")
    tests = result["tests"]

    unexpected, now_passing, stale = [], [], []
    for test in sorted(pg_passed):
        entry = tests.get(test, {"outcome": "missing from the run"})
        if test in expected:
            if entry["outcome"] == "passed":
                now_passing.append(test)
        elif entry["outcome"] != "passed":
            unexpected.append(f"{test}: {entry['outcome']}: "
                              f"{entry.get('message', '')}")
    for test, entry in sorted(tests.items()):
        if test not in pg_passed and test not in outside \
                and entry["outcome"] != "passed":
            unexpected.append(f"{test} (not in PostgreSQL's run): "
                              f"{entry['outcome']}: {entry.get('message', '')}")
    stale = sorted(set(expected) - pg_passed)

    twin_passed = sum(1 for t in pg_passed if tests.get(t, {}).get("outcome") == "passed")
    print(f"{suite}: the twin passes {twin_passed} of the {len(pg_passed)} "
          f"tests PostgreSQL passes ({100 * twin_passed / len(pg_passed):.1f}%)")
    problems = []
    if unexpected:
        problems.append(f"{len(unexpected)} tests PostgreSQL passes fail on the "
                        "twin and are not in peers/expected/"
                        f"{suite}.txt:\n  " + "\n  ".join(unexpected[:40]))
    if now_passing:
        problems.append(f"{len(now_passing)} tests listed in peers/expected/"
                        f"{suite}.txt now pass on the twin; remove their "
                        "lines:\n  " + "\n  ".join(now_passing[:40]))
    if stale:
        problems.append(f"{len(stale)} lines of peers/expected/{suite}.txt name "
                        "no test PostgreSQL passes:\n  " + "\n  ".join(stale[:40]))
    assert not problems, "\n".join(problems)
