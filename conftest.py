"""Project-wide pytest fixtures.

`realpg` is one throwaway PostgreSQL 15 server per test session (see
`tests/support/realpg.py`); differential tests compare the twin against it.
Tests using it should carry the `realpg` marker so a run without PostgreSQL
can deselect them with `-m "not realpg"`.
"""

from __future__ import annotations

import os
import tempfile

import pytest

from pathlib import Path

from tests.support.realpg import RealPostgres
from tests.support.warm import stop_warm_servers


# twinning's own cache (the schema-validation verdicts, `twinning.schemas`)
# goes to a directory of this run, never the user's: set before any test,
# so twins started as subprocesses inherit it.
os.environ["TWINNING_CACHE"] = tempfile.mkdtemp(prefix="twinning-cache-")
# So do the warm servers the `twinning` commands of the tests start
# (twinning.warm): private to this run, stopped at its end.
_RUNTIME = Path(tempfile.mkdtemp(prefix="twinning-runtime-"))
os.environ["XDG_RUNTIME_DIR"] = str(_RUNTIME)
os.environ.setdefault("TWINNING_WARM_IDLE", "120")


@pytest.fixture(scope="session", autouse=True)
def _warm_servers_of_the_run():
    yield
    stop_warm_servers(_RUNTIME)


@pytest.fixture(scope="session")
def realpg():
    """A started real PostgreSQL 15 server, shared by the whole session."""
    with RealPostgres() as server:
        yield server


@pytest.fixture(scope="session")
def realpg_conn(realpg):
    """One autocommit psycopg2 connection to `realpg`, shared per session."""
    conn = realpg.connect()
    try:
        yield conn
    finally:
        conn.close()
