"""Every case of every differential corpus: PostgreSQL and the twin agree.

See `harness.py` for what is compared. Each case runs on fresh databases
created from the corpus's schema, so cases never see each other's writes.
"""

from __future__ import annotations

import pytest

from tests.differential.harness import DIFF_CORPUS, compare, corpus_schema
from tests.support.corpus import cases_in

pytestmark = pytest.mark.realpg

CASES = [(path.stem, name, script, corpus_schema(path.read_text()))
         for path in sorted(DIFF_CORPUS.glob("*.sql"))
         for name, script in cases_in(path)]


@pytest.mark.parametrize("corpus,name,script,schema", CASES,
                         ids=[f"{c}::{n}" for c, n, _, _ in CASES])
def test_case(corpus, name, script, schema, realpg):
    diffs = compare(realpg, schema, script)
    assert not diffs, f"{corpus}::{name}:\n" + "\n".join(diffs)
