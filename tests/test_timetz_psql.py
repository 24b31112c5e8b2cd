"""psql's describe commands over time with time zone columns: PostgreSQL
15 and a twin loaded with the same schema print the same (`\\d` shows
"time(3) with time zone", arrays and the deparsed default)."""

from __future__ import annotations

import pytest

from tests.support.psql import describes_alike, servers_fixture

pytestmark = pytest.mark.realpg

SCHEMA = """
CREATE TABLE shift (
    id int PRIMARY KEY,
    starts time with time zone NOT NULL DEFAULT '09:00+01',
    ends timetz(3),
    breaks timetz[]
);
CREATE INDEX shift_starts ON shift (starts);
"""


servers = servers_fixture(SCHEMA, "timetz_psql")


@pytest.mark.parametrize("command", [r"\d shift", r"\d+ shift", r"\d shift_starts"])
def test_psql_describes_timetz_alike(servers, command):
    assert "with time zone" in describes_alike(servers, command)
