"""psql's describe commands over stored generated columns: PostgreSQL 15
and a twin, both loaded with the generated-columns schema of the
differential corpus, print the same (`\\d` shows `generated always as
(…) stored` in the Default column, from pg_attrdef and attgenerated)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.psql import psql as _psql, psql_servers

pytestmark = pytest.mark.realpg

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = (ROOT / "tests" / "differential" / "schemas" / "generated.sql").read_text()


@pytest.fixture(scope="module")
def servers(realpg):
    with psql_servers(realpg, SCHEMA, "generated_psql") as pair:
        yield pair


@pytest.mark.parametrize("command", [
    r"\d item", r"\d+ item", r"\d person", r"\d+ person", r"\d item_total",
])
def test_psql_describes_generated_columns_alike(servers, command):
    pg, twin = servers
    out = _psql(twin, command)
    assert "generated always as" in _psql(pg, r"\d item")
    assert out == _psql(pg, command)
