"""psql's describe commands over partitioned tables (issue 15: "psql \\d
of … a partitioned table prints what PostgreSQL prints"): PostgreSQL 15
and a twin, both loaded with the partitioning schema of the differential
corpus, print the same for each command.

`\\d+` of a hash partition is left out: its partition constraint names the
parent by OID (satisfies_hash_partition('16442'::oid, …)), and the twin's
OIDs are its own; so is `\\dP+`, whose sizes come from pg_partition_tree
(refused: 0A000) and the storage PostgreSQL allocated.
"""

from __future__ import annotations

import pytest

from tests.support.psql import describes_alike, schema_file, servers_fixture

pytestmark = pytest.mark.realpg

SCHEMA = schema_file("partitions.sql")


servers = servers_fixture(SCHEMA, "partitions_psql")


@pytest.mark.parametrize("command", [
    r"\d payment", r"\d+ payment", r"\d payment_p2022_01",
    r"\d+ payment_p2022_02", r"\d payment_pkey", r"\d orders",
    r"\d+ orders", r"\d orders_us", r"\d+ orders_us", r"\d+ orders_us_high",
    r"\d+ orders_other", r"\d events", r"\d+ events", r"\d events_0",
    r"\d+ readings_low", r"\d+ readings_rest", r"\d+ stamps_old",
    r"\d+ stamps_new", r"\dt", r"\d", r"\di", r"\dP",
])
def test_psql_describes_partitions_alike(servers, command):
    describes_alike(servers, command)
