"""Every differential corpus case under the shadow parity ledger: zero
divergences.

Each case's script runs (through the harness's client) against a twin
whose connections are shadowed (`twinning.shadow`) on a fresh database of
the throwaway PostgreSQL 15, named as the twin's database is, so
current_database() agrees. The ledger compares at the wire what the
corpus compares through psycopg2, so a divergence here is either a twin
bug the corpus missed or a ledger bug.
"""

from __future__ import annotations

import contextlib
import itertools

import psycopg2
import pytest

from tests.differential.harness import DIFF_CORPUS, corpus_schema, run_script
from tests.support.corpus import cases_in
from twinning.bootstrap import compile_schema
from twinning.server import TwinServer
from twinning.session import Engine
from twinning.shadow import attach
from twinning.state import CommittedState

pytestmark = pytest.mark.realpg

CASES = [(path.stem, name, script, corpus_schema(path.read_text()))
         for path in sorted(DIFF_CORPUS.glob("*.sql"))
         for name, script in cases_in(path)]
_numbers = itertools.count(1)


@contextlib.contextmanager
def shadowed_twin(realpg, schema: str, name: str):
    catalog, _ = compile_schema(schema, "<differential schema>")
    engine = Engine(CommittedState.empty(catalog, schema))
    shadow = attach(engine, {"--schema": "<schema>", "--shadow": realpg.url},
                    schema, name)
    server = TwinServer(engine, "127.0.0.1", 0)
    server.start()
    try:
        yield (lambda: psycopg2.connect(host=server.host, port=server.port,
                                        user="postgres", dbname=name)), \
            shadow.ledger
    finally:
        server.stop()
        shadow.close()


@pytest.mark.parametrize("corpus,name,script,schema", CASES,
                         ids=[f"{c}::{n}" for c, n, _, _ in CASES])
def test_case_has_no_divergence(corpus, name, script, schema, realpg):
    with shadowed_twin(realpg, schema, f"shadow_{next(_numbers)}") as \
            (connect, ledger):
        run_script(connect, script)
    parity = ledger.block()
    assert parity["divergence_count"] == 0, \
        f"{corpus}::{name}:\n" + "\n".join(map(str, parity["divergences"]))
    assert parity["statements_compared"] > 0
