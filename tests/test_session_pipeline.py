"""The statement pipeline and the session without sockets.

Stages are pure and their IR dumpable; the engine caches parses and plans
(a repeated statement is never re-parsed or re-planned); the session
behind a sans-I/O `Connection` answers the same bytes whether the client's
stream arrives whole or one byte at a time.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from twinning.errors import SqlError
from twinning.ir.dump import dump
from twinning.passes import (STATEMENT_KINDS, parse_query, plan_statement,
                             statement_kind)
from twinning.bootstrap import compile_schema
from twinning.session import Engine, Session
from twinning.wire.connection import Connection
from twinning.wire.messages import (Bind, CommandComplete, DataRow, Execute,
                                    Parse, Query, ReadyForQuery, Sync,
                                    decode_backend_stream)

ROOT = Path(__file__).resolve().parent.parent


def test_stage_order():
    """Every kind resolves first and plans last; only the kinds that
    change shape have a lower stage between."""
    for kind, stages in STATEMENT_KINDS.items():
        names = [name for name, _ in stages]
        assert names in (["resolve"], ["resolve", "plan"],
                         ["resolve", "lower", "plan"]), kind
    assert [n for n, _ in STATEMENT_KINDS["read"]] == ["resolve", "plan"]


@pytest.mark.parametrize("sql,kind", [
    ("select 1", "projection"), ("select * from t", "read"),
    ("values (1)", "read"), ("insert into t values (1)", "write"),
    ("with w as (delete from t returning *) select * from w", "write"),
    ("copy t from stdin", "write"), ("create table u (a int)", "ddl"),
    ("begin", "command"), ("set search_path = public", "command"),
    ("create operator === (leftarg = int, rightarg = int, function = int4eq)",
     "refused")])
def test_statement_kinds(sql, kind):
    """`plan_statement` runs the stages of the kind the table gives."""
    catalog, _ = compile_schema("CREATE TABLE t (a int);", "<test>")
    (stmt,) = parse_query(sql).statements
    assert statement_kind(stmt.node) == kind
    seen: list[str] = []
    try:
        plan_statement(stmt, catalog, (), lambda name, _: seen.append(name))
    except SqlError as exc:  # refused: its one stage raises
        assert kind == "refused" and exc.sqlstate == "0A000"
    assert seen == [n for n, _ in STATEMENT_KINDS[kind]][:len(seen)]
    assert len(seen) == len(STATEMENT_KINDS[kind]) - (kind == "refused")


def test_every_stage_is_dumpable_and_stable():
    sql = ("select 1 + 2 as x, 'a' || 'b', $1::int8, now(), current_user; "
           "begin isolation level read committed; set local timezone = 'UTC'; "
           "show all; prepare p(int) as select $1; execute p(1); discard all")
    seen: list[tuple[str, object]] = []
    for stmt in parse_query(sql).statements:
        seen.append(("parse", stmt))
        plan_statement(stmt, None, (), lambda n, v: seen.append((n, v)))
    dumps = [json.dumps(dump(v), sort_keys=False) for _, v in seen]
    again: list[tuple[str, object]] = []
    for stmt in parse_query(sql).statements:
        again.append(("parse", stmt))
        plan_statement(stmt, None, (), lambda n, v: again.append((n, v)))
    assert dumps == [json.dumps(dump(v)) for _, v in again]
    assert {n for n, _ in seen} == {"parse", "resolve", "lower", "plan"}


def test_refused_statement_raises_only_when_reached():
    parsed = parse_query("select 1; create operator === (leftarg = int, "
                         "rightarg = int, function = int4eq)")
    plan_statement(parsed.statements[0])
    with pytest.raises(SqlError) as err:
        plan_statement(parsed.statements[1])
    assert err.value.sqlstate == "0A000"
    assert "CREATE OPERATOR" in err.value.message


def test_syntax_error_rejects_the_whole_string():
    with pytest.raises(SqlError) as err:
        parse_query("select 1; selec 2")
    assert err.value.sqlstate == "42601" and err.value.position == 11


def test_engine_caches_parse_and_plan():
    engine = Engine()
    first = engine.parse("select 1, now()")
    assert engine.parse("select 1, now()") is first
    stmt = first.statements[0]
    assert engine.plan(stmt) is engine.plan(stmt)


def _startup() -> bytes:
    body = b"user\0alice\0database\0db\0\0"
    return struct.pack("!ii", len(body) + 8, 196608) + body


def _script() -> bytes:
    return b"".join([
        _startup(), Query("select 1 as a; show timezone").encode(),
        Parse("s", "select $1::int * 2").encode(),
        Bind("", "s", (), (b"21",)).encode(), Execute("", 0).encode(),
        Sync().encode(), Query("begin; select 1/0").encode(),
        Query("rollback").encode()])


def _strip_key(messages: list) -> list:
    return [m for m in messages if type(m).__name__ != "BackendKeyData"]


def test_session_bytes_whole_or_one_at_a_time():
    data = _script()
    whole = Connection(Session(Engine())).receive(data)
    conn = Connection(Session(Engine()))
    trickled = b"".join(conn.receive(data[i:i + 1]) for i in range(len(data)))
    a = _strip_key(decode_backend_stream(whole))
    b = _strip_key(decode_backend_stream(trickled))
    assert a == b
    assert DataRow((b"42",)) in a
    assert CommandComplete("ROLLBACK") in a
    assert [m.status for m in a if isinstance(m, ReadyForQuery)] == \
        ["I", "I", "I", "E", "I"]


def test_explain_cli_prints_every_stage():
    out = subprocess.run([sys.executable, "-m", "twinning.cli", "explain",
                          "--schema", str(ROOT / "examples/deals/schema.sql"),
                          "--json", "select 1; select 'x'::int"],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    first, second = doc["statements"]
    assert list(first["stages"]) == ["parse", "resolve", "lower", "plan"]
    assert second["error"]["sqlstate"] == "22P02"


