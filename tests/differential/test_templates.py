"""Every differential case again, on a twin whose statement cache is warm.

A first twin runs the case and learns a plan template per normalized
statement (`twinning/statement_cache.py`); a second, fresh twin starts with
those templates, so its statements are cache hits: constants bound as
parameters, VALUES rows through the learned converters. It must still
agree with PostgreSQL on everything `harness.py` compares. (Varying the
constants under one key is `property/test_template_binding.py`.)
"""

from __future__ import annotations

import pytest

from tests.differential.harness import compare
from tests.differential.test_corpora import CASES

pytestmark = pytest.mark.realpg


@pytest.mark.parametrize("corpus,name,script,schema", CASES,
                         ids=[f"{c}::{n}" for c, n, _, _ in CASES])
def test_case_warm(corpus, name, script, schema, realpg):
    diffs = compare(realpg, schema, script, warm=True)
    assert not diffs, f"{corpus}::{name} (warm cache):\n" + "\n".join(diffs)
