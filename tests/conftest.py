"""Fixtures of the tests/ tree (the project-wide ones, `realpg` among them,
are in the root conftest.py)."""

from __future__ import annotations

import pytest

from tests.support import raw_text_connection


@pytest.fixture(scope="module")
def conn(realpg):
    """A connection to `realpg` that returns the server's raw text, one per
    test module: the tests/test_values_*.py files compare the twin's input
    and output functions with PostgreSQL's over it."""
    c = raw_text_connection(realpg)
    yield c
    c.close()
