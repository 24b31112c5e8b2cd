"""Known parity gaps, kept visible: every case in `gaps/` still differs.

These are cases real PostgreSQL 15 answers and the twin does not yet
(mostly the read path: `SELECT … FROM`, `INSERT … SELECT`, `UPDATE … FROM`).
Each is marked as an expected failure, strictly: when the twin starts to
agree, the test fails, and the case must move back to `corpus/`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.differential.harness import compare, corpus_schema
from tests.support.corpus import cases_in

pytestmark = pytest.mark.realpg

GAPS = Path(__file__).resolve().parent / "gaps"
CASES = [(path.stem, name, script, corpus_schema(path.read_text()))
         for path in sorted(GAPS.glob("*.sql"))
         for name, script in cases_in(path)]


@pytest.mark.xfail(strict=True, reason="known parity gap (see tests/differential/gaps)")
@pytest.mark.parametrize("corpus,name,script,schema", CASES,
                         ids=[f"{c}::{n}" for c, n, _, _ in CASES])
def test_gap_still_differs(corpus, name, script, schema, realpg):
    diffs = compare(realpg, schema, script)
    assert not diffs, f"{corpus}::{name}:\n" + "\n".join(diffs)
