"""psql's describe commands over stored generated columns: PostgreSQL 15
and a twin, both loaded with the generated-columns schema of the
differential corpus, print the same (`\\d` shows `generated always as
(…) stored` in the Default column, from pg_attrdef and attgenerated)."""

from __future__ import annotations

import pytest

from tests.support.psql import (describes_alike, psql as _psql, schema_file,
                                servers_fixture)

pytestmark = pytest.mark.realpg

SCHEMA = schema_file("generated.sql")


servers = servers_fixture(SCHEMA, "generated_psql")


@pytest.mark.parametrize("command", [
    r"\d item", r"\d+ item", r"\d person", r"\d+ person", r"\d item_total",
])
def test_psql_describes_generated_columns_alike(servers, command):
    assert "generated always as" in _psql(servers[0], r"\d item")
    describes_alike(servers, command)
