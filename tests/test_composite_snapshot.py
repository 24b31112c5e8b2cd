"""Composite types and stored generated columns made at run time survive
a snapshot: the DDL log rebuilds the same catalog (OIDs, attgenerated),
the rows come back with their composite values as tuples, and a restored
twin still computes generated columns and reads fields."""

from __future__ import annotations

from tests.support.replay import snapshot_after
from tests.support.replay import session_on as _session
from twinning.ir.catalog import QName
from twinning.session import Engine


def test_composite_types_and_generated_columns_survive_a_snapshot():
    restored = snapshot_after("CREATE TYPE pair AS (x int, y text);", [
        "CREATE TYPE crate AS (p pair, tags text[], n numeric(5,2))",
        "CREATE TABLE t (id int PRIMARY KEY, b crate, ps pair[], "
        "twice int GENERATED ALWAYS AS (id * 2) STORED)",
        "INSERT INTO t (id, b, ps) VALUES "
        "(1, '(\"(1,a b)\",\"{x,y}\",1.5)', '{\"(2,c)\",NULL}'), "
        "(2, NULL, NULL), (3, ROW(ROW(3, NULL), NULL, NULL), '{}')",
        "ALTER TABLE t ADD COLUMN label text GENERATED ALWAYS AS "
        "('n' || id) STORED",
        "CREATE TYPE spare AS (a int, b text)",
        "ALTER TYPE spare DROP ATTRIBUTE a, ADD ATTRIBUTE c date",
        "ALTER TYPE spare RENAME ATTRIBUTE b TO b2",
        "ALTER TYPE spare RENAME TO spare2"])
    table = restored.catalog.table(QName("public", "t"))
    assert [c.name for c in table.columns if c.generated] == ["twice", "label"]
    assert restored.catalog.type_named(("crate",)).kind == "c"
    spare = restored.catalog.type_named(("spare2",))
    assert [f for f, _ in spare.sql_type.user.fields] == ["b2", "c"]
    assert [a for a, _ in spare.dropped] == [1]
    again = _session(Engine(restored))
    reply = again.on_query("SELECT b, ((b).p).y, ps, twice, label FROM t "
                           "WHERE id = 1")
    assert b'("(1,""a b"")","{x,y}",1.50)' in reply  # record_out, nested
    assert b'{"(2,c)",NULL}' in reply and b"n1" in reply
    assert b"ERROR" not in again.on_query("INSERT INTO t (id) VALUES (4)")
    assert b"8" in again.on_query("SELECT twice FROM t WHERE id = 4")
    assert b"C428C9" in again.on_query("UPDATE t SET twice = 1")
