"""psql's describe commands over composite types (issue 15: psql `\\d`
prints what PostgreSQL prints): PostgreSQL 15 and a twin, both loaded with
the composite-types schema of the differential corpus, print the same for
a composite type (`Composite type "public.address"`, from pg_class relkind
'c' and its pg_attribute rows) and for a table with composite columns."""

from __future__ import annotations

import pytest

from tests.support.psql import describes_alike, schema_file, servers_fixture

pytestmark = pytest.mark.realpg

SCHEMA = schema_file("composite.sql")


servers = servers_fixture(SCHEMA, "composite_psql")


@pytest.mark.parametrize("command", [
    r"\d address", r"\d+ address", r"\d money_amount", r"\d customer",
    r"\d+ customer", r"\dT", r"\dT+ address", r"\d",
])
def test_psql_describes_composite_types_alike(servers, command):
    describes_alike(servers, command)
