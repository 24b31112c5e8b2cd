"""psql's describe commands over expression indexes: PostgreSQL 15 and a
twin loaded with the same schema print the same (`\\d table` lists each
index from pg_get_indexdef, `\\d index` shows its expression columns
from pg_get_indexdef(oid, n, true) and pg_attribute)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.psql import psql as _psql, psql_servers

pytestmark = pytest.mark.realpg

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = (ROOT / "tests" / "differential" / "schemas" /
          "expression_indexes.sql").read_text()


@pytest.fixture(scope="module")
def servers(realpg):
    with psql_servers(realpg, SCHEMA, "expression_indexes_psql") as pair:
        yield pair


@pytest.mark.parametrize("command", [
    r"\d accounts", r"\d+ accounts", r"\d accounts_email_lower",
    r"\d accounts_score_plus", r"\d+ accounts_body_search",
    r"\d accounts_upper_live", r"\di",
])
def test_psql_describes_expression_indexes_alike(servers, command):
    pg, twin = servers
    out = _psql(twin, command)
    assert "lower(email::text)" in _psql(pg, r"\d accounts")
    assert out == _psql(pg, command)
