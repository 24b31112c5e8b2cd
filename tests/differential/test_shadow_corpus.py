"""Every differential corpus case under the shadow parity ledger: zero
divergences.

Each case's script runs (through the harness's client) against a twin
whose connections are shadowed (`twinning.shadow`) on a fresh database of
the throwaway PostgreSQL 15, named as the twin's database is, so
current_database() agrees. The ledger compares at the wire what the
corpus compares through psycopg2, so a divergence here is either a twin
bug the corpus missed or a ledger bug.

`KNOWN` lists the twin bugs the ledger found that the corpus, reading
answers through psycopg2, cannot see (a RowDescription's type modifier,
text that converts to the same Python value, a notice's SQLSTATE); each
is a strict xfail, so
fixing the twin turns it into a failure to remove here. It is empty: the
22 the ledger first found (issue 17) are fixed.
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

KNOWN: dict[str, str] = {}


@contextlib.contextmanager
def shadowed_twin(realpg, schema: str, name: str):
    catalog, _ = compile_schema(schema, "<differential schema>")
    engine = Engine(CommittedState.empty(catalog, schema))
    try:  # a twin with many databases (issue 16) needs the case's created
        from twinning.databases import Databases
    except ImportError:  # a twin of one database answers to any name
        pass
    else:
        Databases.of(engine).create(name, "postgres")
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


@pytest.mark.parametrize("corpus,name,script,schema", [
    pytest.param(*case, marks=pytest.mark.xfail(
        reason=KNOWN[f"{case[0]}::{case[1]}"], strict=True))
    if f"{case[0]}::{case[1]}" in KNOWN else case for case in CASES],
    ids=[f"{c}::{n}" for c, n, _, _ in CASES])
def test_case_has_no_divergence(corpus, name, script, schema, realpg):
    with shadowed_twin(realpg, schema, f"shadow_{next(_numbers)}") as \
            (connect, ledger):
        run_script(connect, script)
    parity = ledger.block()
    assert parity["divergence_count"] == 0, \
        f"{corpus}::{name}:\n" + "\n".join(map(str, parity["divergences"]))
    assert parity["statements_compared"] > 0
