"""User functions and triggers beyond one session's statement stream.

The differential corpora (`functions.sql`, `triggers.sql`,
`functions_pagila.sql`) compare what a session sees with PostgreSQL.
Here: functions and triggers made at run time survive a snapshot (the
DDL log rebuilds them), what the interpreter does not run is refused by
name, writes to tables without triggers never reach the trigger path,
and the variable rewrite maps positions back to the text as written.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from twinning.passes.routine_sql import substitute
from tests.support.replay import run_all, snapshot_after, through_snapshot
from tests.support.replay import session_on as _session
from twinning.session import Engine


def test_functions_and_triggers_survive_a_snapshot():
    schema = ("CREATE TABLE t (id int PRIMARY KEY, v int, stamp text);\n"
              "CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql "
              "IMMUTABLE AS 'SELECT x * 2';")
    restored = snapshot_after(schema, [
        "CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN NEW.stamp := 'by ' || TG_NAME; NEW.v := twice(NEW.v);"
        " RETURN NEW; END $$",
        "CREATE TRIGGER a_stamp BEFORE INSERT ON t FOR EACH ROW "
        "EXECUTE FUNCTION stamp()",
        "INSERT INTO t (id, v) VALUES (1, 5)",
        "CREATE FUNCTION gone() RETURNS int LANGUAGE sql AS 'SELECT 1'",
        "DROP FUNCTION gone()"])
    assert [f.name.name for f in restored.catalog.functions] == \
        ["twice", "stamp"]
    again = _session(Engine(restored))
    assert b"ERROR" not in again.on_query("INSERT INTO t (id, v) VALUES (2, 7)")
    reply = again.on_query("SELECT v, stamp FROM t ORDER BY id")
    assert b"by a_stamp" in reply and b"14" in reply and b"10" in reply


def test_rollback_forgets_a_function_and_its_trigger():
    session = _session(Engine())
    session.on_query("CREATE TABLE t (a int)")
    run_all(session, [
        "BEGIN",
        "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RETURN NULL; END $$",
        "CREATE TRIGGER skip BEFORE INSERT ON t FOR EACH ROW "
        "EXECUTE FUNCTION f()", "ROLLBACK"])
    assert b"INSERT 0 1" in session.on_query("INSERT INTO t VALUES (1)")
    assert b"C42883" in session.on_query("SELECT f()")


def test_tables_without_triggers_never_reach_the_trigger_path():
    session = _session(Engine())
    calls = []
    fire = session.routines.fire_write
    session.routines.fire_write = lambda *a: calls.append(a) or fire(*a)
    session.on_query("CREATE TABLE t (a int)")
    session.on_query("INSERT INTO t VALUES (1)")
    assert calls == []  # a catalog without triggers: one attribute test
    session.on_query("CREATE TABLE u (a int)")
    session.on_query("CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql "
                     "AS $$ BEGIN NEW.a := NEW.a + 1; RETURN NEW; END $$")
    session.on_query("CREATE TRIGGER up BEFORE INSERT ON u FOR EACH ROW "
                     "EXECUTE FUNCTION f()")
    session.on_query("INSERT INTO t VALUES (1)")
    assert len(calls) == 1  # asked once for the statement: none fire on t
    session.on_query("INSERT INTO u VALUES (1)")
    assert b"2" in session.on_query("SELECT a FROM u")


def test_what_the_interpreter_does_not_run_is_refused_when_created():
    session = _session(Engine())
    session.on_query("CREATE TABLE t (a int, b text)")
    session.on_query("CREATE FUNCTION pos(x int) RETURNS bool LANGUAGE sql "
                     "IMMUTABLE AS 'SELECT x > 0'")
    for sql, construct in [
            ("CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ DECLARE "
             "c refcursor; BEGIN OPEN c FOR SELECT 1; RETURN 1; END $$",
             b"PL/pgSQL cursor variables"),
            ("CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN "
             "COMMIT; RETURN 1; END $$", b"PL/pgSQL COMMIT statement"),
            ("CREATE FUNCTION f() RETURNS int LANGUAGE c AS 'x', 'y'",
             b"CREATE FUNCTION \xe2\x80\xa6 AS 'obj_file'"),
            ("CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1'",
             b"CREATE PROCEDURE"),
            ("CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, "
             "FUNCTION = int4eq)", b"CREATE OPERATOR"),
            ("CREATE TRIGGER x BEFORE UPDATE ON t FOR EACH ROW EXECUTE "
             "FUNCTION suppress_redundant_updates_trigger()",
             b"built-in trigger function suppress_redundant_updates_trigger()"),
            ("CREATE TABLE c (b int CHECK (pos(b)))",
             b"a user function in a CHECK constraint"),
            ("CREATE INDEX ON t (a) WHERE pos(a)",
             b"a user function in an index predicate")]:
        reply = session.on_query(sql)
        assert b"C0A000" in reply and construct in reply, reply
    assert b"SELECT 0" in session.on_query(
        "SELECT 1 FROM pg_proc WHERE proname IN ('f', 'p')")
    assert b"SELECT 0" in session.on_query(
        "SELECT 1 FROM pg_class WHERE relname = 'c'")


def test_other_commands_inside_a_function_are_refused_when_they_run():
    session = _session(Engine())
    session.on_query("CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ "
                     "BEGIN EXECUTE 'LISTEN ch'; RETURN 1; END $$")
    reply = session.on_query("SELECT f()")
    assert b"C0A000" in reply and b"LISTEN inside a function" in reply


_NAMES = st.sampled_from(["x", "y", "new.a", "r.field"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_NAMES, st.sampled_from(["+ 1", "* 2", "|| 'q'",
                                                    "- x", "+ zz"])),
                min_size=1, max_size=6))
def test_substituted_positions_map_back_to_the_written_text(parts):
    """Every `$n` the rewrite puts in maps back to where its variable was
    written, and text after a rewritten variable keeps its place."""
    text = "SELECT " + " , ".join(f"{name} {rest}" for name, rest in parts)
    numbers = {("x",): 1, ("y",): 2, ("new", "a"): 3, ("r", "field"): 4}
    done = substitute(text, numbers.get)
    dollars = [i for i, ch in enumerate(done.sql) if ch == "$"]
    assert len(dollars) == len(parts) + sum("- x" in r for _, r in parts)
    for i in dollars:
        written = text[done.original(i + 1) - 1:].split()[0]
        assert written in ("x", "y", "new.a", "r.field"), (text, done.sql, i)
        number = int(done.sql[i + 1])
        assert numbers[tuple(written.split("."))] == number
    tail = done.sql.rfind("zz")
    if tail >= 0:
        assert text[done.original(tail + 1) - 1:].startswith("zz")


def test_copy_into_a_partitioned_table_with_triggers_is_refused():
    """COPY FROM fires a plain table's INSERT triggers (corpus
    triggers::copy_from_fires_insert_triggers); rows routed to partitions
    would need each partition's triggers, which the copy does not fire."""
    session = _session(Engine())
    run_all(session, [
        "CREATE TABLE t (a int) PARTITION BY RANGE (a)",
        "CREATE TABLE t1 PARTITION OF t FOR VALUES FROM (0) TO (10)",
        "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RETURN NEW; END $$",
        "CREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW "
        "EXECUTE FUNCTION f()"])
    reply = session.on_query("COPY t FROM STDIN")
    assert b"C0A000" in reply and \
        b"COPY FROM into a partitioned table with triggers" in reply


def test_foreign_key_actions_on_a_table_with_triggers_are_refused():
    """PostgreSQL fires the child's triggers for the rows its ON DELETE/
    ON UPDATE actions change; the store's actions do not run triggers."""
    session = _session(Engine())
    run_all(session, [
        "CREATE TABLE p (id int PRIMARY KEY)",
        "CREATE TABLE c (id int PRIMARY KEY, p int REFERENCES p "
        "ON DELETE CASCADE)",
        "INSERT INTO p VALUES (1), (2)", "INSERT INTO c VALUES (1, 1)",
        "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RETURN OLD; END $$",
        "CREATE TRIGGER x BEFORE DELETE ON c FOR EACH ROW "
        "EXECUTE FUNCTION f()", "DELETE FROM p WHERE id = 2"])
    reply = session.on_query("DELETE FROM p WHERE id = 1")
    assert b"C0A000" in reply and b"foreign key action CASCADE" in reply
    assert b"SELECT 1" in session.on_query("SELECT * FROM c")


def test_a_body_created_unchecked_is_replayed_unchecked():
    """check_function_bodies = off (pg_dump's, before the tables a body
    reads): the DDL log keeps the setting around the statement, so a
    snapshot restores it."""
    engine = Engine()
    session = _session(engine)
    run_all(session, [
        "SET check_function_bodies = false",
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS "
        "'SELECT a FROM later'",
        "RESET check_function_bodies",
        "CREATE TABLE later (a int)", "INSERT INTO later VALUES (5)"])
    assert b"C42P01" in session.on_query(
        "CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT a FROM nope'")
    state, restored = through_snapshot(engine)
    again = _session(Engine(restored))
    assert b"SELECT 1" in again.on_query("SELECT f()")


def test_upsert_into_a_table_with_update_triggers_is_refused():
    session = _session(Engine())
    run_all(session, [
        "CREATE TABLE t (a int PRIMARY KEY, n int)",
        "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN NEW.n := NEW.n + 100; RETURN NEW; END $$",
        "CREATE TRIGGER x BEFORE UPDATE ON t FOR EACH ROW "
        "EXECUTE FUNCTION f()", "INSERT INTO t VALUES (1, 1)"])
    reply = session.on_query("INSERT INTO t VALUES (1, 2) ON CONFLICT (a) "
                             "DO UPDATE SET n = excluded.n")
    assert b"C0A000" in reply and b"ON CONFLICT" in reply
