"""psql's describe commands over composite types (issue 15: psql `\\d`
prints what PostgreSQL prints): PostgreSQL 15 and a twin, both loaded with
the composite-types schema of the differential corpus, print the same for
a composite type (`Composite type "public.address"`, from pg_class relkind
'c' and its pg_attribute rows) and for a table with composite columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.psql import psql as _psql, psql_servers

pytestmark = pytest.mark.realpg

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = (ROOT / "tests" / "differential" / "schemas" / "composite.sql").read_text()


@pytest.fixture(scope="module")
def servers(realpg):
    with psql_servers(realpg, SCHEMA, "composite_psql") as pair:
        yield pair


@pytest.mark.parametrize("command", [
    r"\d address", r"\d+ address", r"\d money_amount", r"\d customer",
    r"\d+ customer", r"\dT", r"\dT+ address", r"\d",
])
def test_psql_describes_composite_types_alike(servers, command):
    pg, twin = servers
    assert _psql(twin, command) == _psql(pg, command)
