"""Project-wide pytest fixtures.

`realpg` is one throwaway PostgreSQL 15 server per test session (see
`tests/support/realpg.py`); differential tests compare the twin against it.
Tests using it should carry the `realpg` marker so a run without PostgreSQL
can deselect them with `-m "not realpg"`.
"""

from __future__ import annotations

import pytest

from tests.support.realpg import RealPostgres


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
