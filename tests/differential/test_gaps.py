"""Known parity gaps, kept visible: every case in `gaps/` still differs.

These are cases real PostgreSQL 15 answers and the twin answers otherwise
today: constructs outside the subset, functions and output styles the
twin refuses, a few error details (each file's header lists its cases).
Each is an expected failure, strictly, and only a mismatch counts as the
expected failure (`StillDiffers`): when the twin starts to agree the test
fails, and the case must move back to `corpus/`; when the harness itself
breaks, the test fails too instead of passing as a known gap.
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


class StillDiffers(AssertionError):
    """PostgreSQL and the twin answered a gap case differently."""


@pytest.mark.xfail(strict=True, raises=StillDiffers,
                   reason="known parity gap (see tests/differential/gaps)")
@pytest.mark.parametrize("corpus,name,script,schema", CASES,
                         ids=[f"{c}::{n}" for c, n, _, _ in CASES])
def test_gap_still_differs(corpus, name, script, schema, realpg):
    diffs = compare(realpg, schema, script)
    if diffs:
        raise StillDiffers(f"{corpus}::{name}:\n" + "\n".join(diffs))
