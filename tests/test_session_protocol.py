"""Extended query protocol, message for message, twin against PostgreSQL 15.

The same frontend messages go to both servers over raw sockets; the
backend messages that come back must be equal (ParameterStatus values,
BackendKeyData and the C-source fields of errors aside): ParseComplete,
ParameterDescription, RowDescription with OIDs/typlen/typmod/format,
DataRows in text and binary, PortalSuspended, CommandComplete tags,
ErrorResponse fields and what is skipped until Sync, ReadyForQuery status.
"""

from __future__ import annotations

import pytest

from tests.support.rawclient import RawClient
from tests.support.twin import running_twin
from twinning.wire.messages import (Bind, Close, Describe, Execute, Flush,
                                    ParameterStatus,
                                    Parse, Query, Sync)

pytestmark = pytest.mark.realpg


@pytest.fixture(scope="module")
def twin():
    with running_twin() as server:
        yield server


def _both(realpg, twin, *steps):
    """Run every step (a tuple of messages ending in Sync/Query) on fresh
    connections to both servers; return the two transcripts."""
    transcripts = []
    for host, port in ((realpg.host, realpg.port), (twin.host, twin.port)):
        client = RawClient(host, port)
        try:
            transcripts.append([client.exchange(*step) for step in steps])
        finally:
            client.close()
    return transcripts


SCENARIOS = {
    "typed_parameters": [
        (Parse("", "select $1::int + 1, $2, $3::text", (0, 25, 0)),
         Describe("S", ""), Bind("", "", (0,), (b"41", b"x", None)),
         Describe("P", ""), Execute("", 0), Sync()),
    ],
    "binary_results": [
        (Parse("s1", "select 1::int2, 2::int4, 3::int8, 'x'::text, true, "
               "1.50::numeric, -0.5::float8, '2024-02-29'::date, "
               "'abc'::varchar(5), null::int"),
         Bind("", "s1", (), (), (1,)), Describe("P", ""), Execute("", 0),
         Sync()),
    ],
    "binary_more_types": [
        (Parse("", "select '2024-01-01 10:00+02'::timestamptz, "
               "'2024-02-29'::date, '1 day 02:00'::interval, '10:00'::time, "
               "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, "
               "'{\"a\": 1}'::jsonb, '\\x0102'::bytea, '{1,NULL,3}'::int[], "
               "'2024-01-01 10:00'::timestamp"),
         Bind("", "", (), (), (1,)), Describe("P", ""), Execute("", 0), Sync()),
        (Parse("", "select $1::timestamptz, $2::date, $3::numeric"),
         Bind("", "", (0,), (b"2024-01-01 10:00+02", b"2024-02-29", b"1.50")),
         Execute("", 0), Sync()),
    ],
    "binary_parameters": [
        (Parse("", "select $1::int8, $2::bool, $3::text", (20, 16, 25)),
         Bind("", "", (1,), (b"\x00\x00\x00\x00\x00\x00\x00\x07", b"\x01",
                             b"abc")),
         Execute("", 0), Sync()),
    ],
    "max_rows": [
        (Parse("", "select 1"), Bind("p1", "", (), (), ()), Execute("p1", 1),
         Execute("p1", 1), Sync()),
    ],
    "named_reuse_and_close": [
        (Parse("st", "select $1::int"), Sync()),
        (Bind("", "st", (), (b"5",)), Execute("", 0),
         Bind("", "st", (), (b"6",)), Execute("", 0), Sync()),
        (Close("S", "st"), Close("S", "st"), Close("P", "nope"), Sync()),
        (Bind("", "st", (), (b"5",)), Execute("", 0), Sync()),
    ],
    "errors_skip_until_sync": [
        (Bind("", "nope", (), ()), Execute("", 0), Sync()),
        (Bind("", "", (), ()), Sync()),
        (Execute("nope", 0), Sync()),
        (Describe("S", "nope"), Sync()),
        (Describe("P", "nope"), Sync()),
        (Parse("dup", "select 1"), Parse("dup", "select 2"), Sync()),
        (Parse("", "select $1::int"), Bind("", "", (), ()), Sync()),
        (Parse("", "select 1"), Bind("", "", (), (b"1",)), Sync()),
        (Parse("", "select 1; select 2"), Sync()),
        (Parse("", "select 1"), Bind("", "", (), (), (0, 0)), Sync()),
        (Parse("", "select $1::int"), Bind("", "", (), (b"x",)), Sync()),
        (Parse("", "select 'x'::int"), Sync()),
    ],
    "empty_query": [
        (Parse("", ""), Describe("S", ""), Bind("", "", (), ()),
         Describe("P", ""), Execute("", 0), Sync()),
        (Query(""),),
        (Query(";"),),
    ],
    "transaction_status": [
        (Parse("", "begin"), Bind("", "", (), ()), Execute("", 0), Sync()),
        (Parse("", "select 1/0"), Bind("", "", (), ()), Execute("", 0), Sync()),
        (Parse("", "select 1"), Sync()),
        (Parse("", "rollback"), Bind("", "", (), ()), Execute("", 0), Sync()),
        (Parse("", "commit"), Bind("", "", (), ()), Execute("", 0), Sync()),
    ],
    "prepare_sql_and_protocol_share_names": [
        (Query("prepare p(int) as select $1 + 1"),),
        (Parse("p", "select 1"), Sync()),
        (Bind("", "p", (), (b"1",)), Describe("P", ""), Execute("", 0), Sync()),
        (Describe("S", "p"), Sync()),
        (Query("deallocate p"),),
        (Bind("", "p", (), (b"1",)), Sync()),
    ],
    "simple_query_sequences": [
        (Query("select 1; select 'a' as b; show timezone"),),
        (Query("set timezone = 'Asia/Tokyo'; select 1/0"),),
        (Query("show timezone"),),
        (Query("begin; set local timezone = 'Asia/Tokyo'; show timezone"),),
        (Query("commit; show timezone"),),
        (Query("select 1 from nowhere_is_refused_but_begin_runs"),),
    ],
    "merge_parameters": [
        (Query("create temp table mt (id int primary key, v text)"),),
        (Parse("m", "merge into mt using (values ($1::int, $2)) s (id, v) "
               "on mt.id = s.id when matched and $3 then update set v = s.v "
               "when not matched then insert values (s.id, s.v)", (0, 25, 16)),
         Describe("S", "m"), Bind("", "m", (), (b"1", b"a", b"t")),
         Describe("P", ""), Execute("", 0),
         Bind("", "m", (), (b"1", b"b", b"t")), Execute("", 0),
         Bind("", "m", (), (b"2", b"c", b"f")), Execute("", 0), Sync()),
        (Bind("", "m", (), (b"1", None, b"t")), Execute("", 0), Sync()),
        (Bind("", "m", (), (b"1", b"z", None)), Execute("", 0), Sync()),
        (Parse("", "merge into mt using (select $1 as id) s on mt.id = s.id "
               "when matched then delete"), Describe("S", ""), Sync()),
        (Query("select id + 0 as id, v || '' as v from mt order by id"),),
    ],
    "flush": [
        (Parse("", "select 7"), Bind("", "", (), ()), Execute("", 0), Flush(),
         Sync()),
    ],
}

# Cases where the twin refuses (0A000) what PostgreSQL would answer
# differently: the read path arrives in a later issue.
_READ_PATH = {"simple_query_sequences"}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_extended_protocol(name, realpg, twin):
    pg, tw = _both(realpg, twin, *SCENARIOS[name])
    if name in _READ_PATH:
        pg, tw = pg[:-1], tw[:-1]
    for i, (want, got) in enumerate(zip(pg, tw)):
        assert got == want, f"{name} step {i}"


def _reported(realpg_or_twin, *queries) -> list[list[str]]:
    """The setting names of each answer's ParameterStatus messages, in
    the order the server sent them (startup's and the values aside)."""
    client = RawClient(realpg_or_twin.host, realpg_or_twin.port)
    try:
        out = []
        for sql in queries:
            client.send(Query(sql))
            out.append([m.name for m in client.until_ready()
                        if isinstance(m, ParameterStatus)])
        return out
    finally:
        client.close()


def test_changed_settings_are_reported_in_guc_order(realpg, twin):
    """Several reported settings changed by one Query: ParameterStatus in
    guc.c's order (by name, case aside), as ReportChangedGUCOptions
    walks them."""
    queries = ("SET TimeZone = 'Europe/Paris'; "
               "SET DateStyle = 'ISO, DMY'; SET application_name = 'x'; "
               "SET IntervalStyle = 'iso_8601'; "
               "SET default_transaction_read_only = on",
               "RESET ALL")
    assert _reported(twin, *queries) == _reported(realpg, *queries)
