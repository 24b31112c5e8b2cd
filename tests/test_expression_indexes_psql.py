"""psql's describe commands over expression indexes: PostgreSQL 15 and a
twin loaded with the same schema print the same (`\\d table` lists each
index from pg_get_indexdef, `\\d index` shows its expression columns
from pg_get_indexdef(oid, n, true) and pg_attribute)."""

from __future__ import annotations

import pytest

from tests.support.psql import (describes_alike, psql as _psql, schema_file,
                                servers_fixture)

pytestmark = pytest.mark.realpg

SCHEMA = schema_file("expression_indexes.sql")


servers = servers_fixture(SCHEMA, "expression_indexes_psql")


@pytest.mark.parametrize("command", [
    r"\d accounts", r"\d+ accounts", r"\d accounts_email_lower",
    r"\d accounts_score_plus", r"\d+ accounts_body_search",
    r"\d accounts_upper_live", r"\di",
])
def test_psql_describes_expression_indexes_alike(servers, command):
    assert "lower(email::text)" in _psql(servers[0], r"\d accounts")
    describes_alike(servers, command)
