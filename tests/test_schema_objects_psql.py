"""psql's describe commands over views, enum columns and domain columns
(issue 15: "psql \\d of a view, an enum column, a domain column … prints
what PostgreSQL prints"): PostgreSQL 15 and a twin, both loaded with the
schema below, print the same for each command."""

from __future__ import annotations

import pytest

from tests.support.psql import describes_alike, psql as _psql, servers_fixture

pytestmark = pytest.mark.realpg

SCHEMA = """
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN us_postal AS text
    CHECK (VALUE ~ '^\\d{5}$' OR VALUE ~ '^\\d{5}-\\d{4}$');
CREATE DOMAIN positive_amount AS numeric(10, 2) NOT NULL DEFAULT 1
    CHECK (VALUE > 0);
CREATE TABLE person (
    id      integer PRIMARY KEY,
    name    text NOT NULL,
    feeling mood DEFAULT 'ok',
    zip     us_postal,
    owed    positive_amount
);
CREATE VIEW happy_people AS
    SELECT id, name, zip FROM person WHERE feeling = 'happy';
CREATE VIEW owed_by_mood AS
    SELECT feeling, count(*) AS people, sum(owed) AS total
    FROM person GROUP BY feeling;
"""


servers = servers_fixture(SCHEMA, "schema_objects_psql")


@pytest.mark.parametrize("command", [
    r"\d person", r"\d+ person", r"\d happy_people", r"\d+ happy_people",
    r"\d owed_by_mood",
    r"\dv", r"\dT", r"\dT+ mood", r"\dD", r"\d",
])
def test_psql_describes_views_enums_and_domains_alike(servers, command):
    describes_alike(servers, command)


class StillDiffers(AssertionError):
    """psql printed something else on the twin."""


@pytest.mark.xfail(strict=True, raises=StillDiffers, reason="known gaps: "
                   "pg_get_viewdef omits the domain-to-base cast PostgreSQL "
                   "prints in an aggregate's argument (sum(owed::numeric)); "
                   "\\dD+ reads pg_type.tableoid (no system columns on the "
                   "twin's catalogs)")
@pytest.mark.parametrize("command", [
    r"\d+ owed_by_mood", r"\dD+",
])
def test_psql_describe_gaps_still_differ(servers, command):
    pg, twin = servers
    if _psql(twin, command) != _psql(pg, command):
        raise StillDiffers(command)
