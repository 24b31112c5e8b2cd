"""Runtime DDL beyond one session's statement stream (issue 12).

The differential corpus `tests/differential/corpus/ddl_runtime.sql` holds
what one session observes, against PostgreSQL. Here: DDL outside the
subset is refused with a 0A000 naming it and has no effect (PostgreSQL
runs these, so there is nothing to compare); DDL commits are what other
sessions see, a session waiting on a DDL writer gets 55P03 under
lock_timeout as in PostgreSQL (its lock wait), plans and templates made
on an older catalog are never used on a newer one, and a snapshot of the
final state restores the tables that existed at shutdown.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from twinning.ir.catalog import QName
from tests.support.replay import engine_of, run_all, snapshot_after, through_snapshot
from tests.support.replay import session_on as _session
from twinning.session import Engine


@pytest.mark.parametrize("sql,construct", [
    ("CREATE TEMP SEQUENCE tmp", "CREATE TEMPORARY SEQUENCE"),
    ("CREATE UNLOGGED TABLE ul (a int)", "UNLOGGED table"),
    ("CREATE VIEW v WITH (security_barrier) AS SELECT 1", "view WITH (options)"),
    ("CREATE VIEW v AS SELECT a FROM t WITH CHECK OPTION", "WITH CHECK OPTION"),
    ("CREATE DOMAIN d AS int[]", "CREATE DOMAIN over an array type"),
    ("CREATE DOMAIN d AS text COLLATE \"C\"", 'CREATE DOMAIN … COLLATE "C"'),
    ("CREATE TABLE tz (a inet)", "type inet"),
    ("ALTER TABLE t ADD COLUMN b macaddr", "type macaddr"),
    ("ALTER TABLE t ALTER COLUMN a TYPE text COLLATE \"C\"", "COLLATE"),
    ("ALTER TABLE t OWNER TO someone", 'OWNER TO role "someone"'),
    ("CREATE MATERIALIZED VIEW mv USING heap AS SELECT 1", "USING access method"),
    ("CREATE UNLOGGED TABLE c AS SELECT 1", "UNLOGGED table"),
    ("CREATE TABLE c AS SELECT relname FROM pg_class",
     "CREATE TABLE AS with a column of type name"),
    ("CREATE INDEX ON t (a int4_ops (x = 1))", "index operator class options"),
    ("CREATE INDEX ON t ((a::text) COLLATE \"C\")", "index column COLLATE"),
    ("COMMENT ON FUNCTION now() IS 'x'", "COMMENT ON FUNCTION"),
    ("COMMENT ON TYPE int4 IS 'x'", "COMMENT ON TYPE"),
])
def test_refused_ddl_names_the_construct_and_changes_nothing(sql, construct):
    engine = Engine()
    session = _session(engine)
    session.on_query("CREATE TABLE t (a int)")
    before = engine.committed_state()
    reply = session.on_query(sql)
    assert b"C0A000" in reply and construct.encode() in reply, reply
    assert b"C42P01" not in reply
    assert engine.committed_state().catalog == before.catalog
    assert b"SELECT 0" in session.on_query("SELECT * FROM t")


def _two_sessions():
    """Two sessions on one new engine."""
    engine = Engine()
    return _session(engine), _session(engine)


def test_other_sessions_see_ddl_when_it_commits():
    a, b = _two_sessions()
    run_all(a, ["BEGIN", "CREATE TABLE t (a int)", "INSERT INTO t VALUES (1)"])
    assert b"C42P01" in b.on_query("SELECT * FROM t")
    a.on_query("COMMIT")
    assert b"SELECT 1" in b.on_query("SELECT * FROM t")


def test_a_writer_waiting_on_ddl_gets_55p03():
    a, b = _two_sessions()
    run_all(a, ["CREATE TABLE t (a int)", "BEGIN", "DROP TABLE t"])
    b.on_query("SET lock_timeout = '50ms'")
    reply = b.on_query("INSERT INTO t VALUES (1)")
    assert b"C55P03" in reply, reply
    a.on_query("ROLLBACK")
    assert b"INSERT 0 1" in b.on_query("INSERT INTO t VALUES (1)")


def test_cached_plans_follow_the_catalog():
    """The same text planned before and after DDL: each run sees the
    catalog of its own statement, with the statement cache warm."""
    a, b = _two_sessions()
    a.on_query("CREATE TABLE t (a int)")
    for value in (1, 2, 3):  # learn a template for the INSERT and the SELECT
        a.on_query(f"INSERT INTO t VALUES ({value})")
        assert b"SELECT" in b.on_query(f"SELECT * FROM t WHERE a = {value}")
    a.on_query("DROP TABLE t")
    assert b"C42P01" in b.on_query("SELECT * FROM t WHERE a = 4")
    a.on_query("CREATE TABLE t (a text, b int)")
    assert b"INSERT 0 1" in a.on_query("INSERT INTO t VALUES (5)")
    reply = b.on_query("SELECT * FROM t WHERE a = '5'")
    assert b"\x00\x02" in reply and b"SELECT 1" in reply  # two columns now


def test_prepared_statement_is_replanned_after_ddl():
    a, b = _two_sessions()
    run_all(a, ["CREATE TABLE t (a int)", "INSERT INTO t VALUES (1)"])
    b.on_query("PREPARE p AS SELECT a FROM t")
    assert b"SELECT 1" in b.on_query("EXECUTE p")
    a.on_query("CREATE INDEX t_a ON t (a)")  # same result shape: re-planned
    assert b"SELECT 1" in b.on_query("EXECUTE p")
    run_all(a, ["DROP TABLE t", "CREATE TABLE t (a text)"])
    reply = b.on_query("EXECUTE p")
    assert b"C0A000" in reply and b"cached plan must not change result type" in reply


def test_snapshot_restores_the_final_catalog(tmp_path):
    from twinning.bootstrap import compile_schema
    schema = "CREATE TABLE base (id int PRIMARY KEY)"
    engine = engine_of(schema)
    session = _session(engine)
    run_all(session, [
        "CREATE TABLE extra (id serial PRIMARY KEY, note text)",
        "INSERT INTO extra (note) VALUES ('kept')",
        "BEGIN", "CREATE TABLE gone (a int)", "ROLLBACK",
        "DROP TABLE base",
        "ALTER TABLE extra ADD COLUMN flag boolean DEFAULT true",
        "ALTER TABLE extra ALTER COLUMN note SET NOT NULL",
        "ALTER TABLE extra RENAME TO renamed",
        "ALTER TABLE renamed ADD COLUMN scratch int, ADD COLUMN tail text",
        "ALTER TABLE renamed DROP COLUMN scratch",
        "ALTER TABLE renamed RENAME COLUMN tail TO last",
        "ALTER TABLE renamed DROP COLUMN last",
        "ALTER TABLE renamed ALTER COLUMN id TYPE bigint",
        "CREATE SCHEMA s",
        "CREATE TABLE s.copied AS SELECT note, flag, 1.5::numeric(4,2) AS n "
        "FROM renamed",
        "SELECT id INTO ids FROM renamed",
        'CREATE TABLE kw AS SELECT 1 AS "order", \'x\' AS "Mixed Case"'])
    state = engine.committed_state()
    restored, _ = compile_schema(state.ddl, "<snapshot>")
    assert restored == state.catalog
    assert [str(t.name) for t in restored.tables] == [
        "public.ids", "public.kw", "public.renamed", "s.copied"]
    assert state.rows[restored.tables[2].name] == ((1, "kept", True),)
    assert state.rows[restored.tables[3].name] == (("kept", True, Decimal("1.50")),)
    assert [c.name for c in restored.tables[1].columns] == ["order", "Mixed Case"]


def test_snapshot_restores_views_where_they_were_made():
    """Views, a materialized view and objects made under another
    search_path come back from the DDL log as they were; a temporary view
    stays out of it."""
    from twinning.bootstrap import compile_schema
    engine = Engine()
    session = _session(engine)
    run_all(session, [
        "CREATE SCHEMA s", "SET search_path = s",
        "CREATE TABLE t (id int PRIMARY KEY, data text)",
        "INSERT INTO t VALUES (1, 'a'), (2, 'b')",
        "CREATE VIEW v (ident) AS SELECT id FROM t WHERE id > 1",
        "RESET search_path",
        "CREATE MATERIALIZED VIEW mv AS SELECT * FROM s.v",
        "REFRESH MATERIALIZED VIEW mv WITH NO DATA",
        "REFRESH MATERIALIZED VIEW mv",
        "CREATE TEMP VIEW tv AS SELECT 1 AS one",
        "COMMENT ON VIEW s.v IS 'kept'"])
    state = engine.committed_state()
    assert "tv" not in state.ddl
    restored, _ = compile_schema(state.ddl, "<snapshot>")
    assert restored == state.catalog
    assert [str(v.name) for v in restored.views] == ["public.mv", "s.v"]
    assert [str(t.name) for t in restored.tables] == ["public.mv", "s.t"]
    assert restored.view(restored.views[1].name).comment == "kept"
    assert state.rows[restored.tables[0].name] == ((2,),)


def test_temporary_tables_are_the_sessions_own_and_outlive_nothing():
    """Each session's temporary tables live in its own pg_temp_N; while it
    is connected they are not in the committed state a snapshot takes
    (nor in its DDL), and its disconnection drops them."""
    from twinning.bootstrap import compile_schema
    engine = Engine()
    a, b = _session(engine), _session(engine)
    a.on_query("CREATE TABLE base (id int PRIMARY KEY)")
    for session, value in ((a, 1), (b, 2)):
        run_all(session, [
            "CREATE TEMP TABLE stage (id serial, v int)",
            f"INSERT INTO stage (v) VALUES ({value})",
            "CREATE INDEX ON stage (v)"])
    assert b"D\x00\x00\x00\x0b\x00\x01\x00\x00\x00\x011" in a.on_query("SELECT v FROM stage")
    assert b"D\x00\x00\x00\x0b\x00\x01\x00\x00\x00\x012" in b.on_query("SELECT v FROM stage")
    schemas = {t.name.schema for t in engine.store.latest.schema.catalog.tables}
    assert schemas == {"public", "pg_temp_3", "pg_temp_4"}
    state = engine.committed_state()  # the shared catalog has both
    assert [str(t.name) for t in state.catalog.tables] == ["public.base"]
    assert list(state.rows) == [state.catalog.tables[0].name]
    assert not state.sequences and "stage" not in state.ddl
    assert compile_schema(state.ddl, "<snapshot>")[0] == state.catalog
    a.on_disconnect()
    schemas = set(engine.store.latest.schema.catalog.schemas)
    assert "pg_temp_3" not in schemas and "pg_temp_4" in schemas
    b.on_disconnect()
    assert engine.store.latest.schema.catalog == state.catalog
    c = _session(engine)  # the lowest free slot again
    assert b"pg_temp_3" in c.on_query("CREATE TEMP TABLE x (a int); "
                                      "SELECT nspname FROM pg_namespace "
                                      "WHERE nspname LIKE 'pg\\_temp%'")


def test_comments_and_index_options_survive_a_snapshot():
    """COMMENT ON CONSTRAINT/INDEX/SEQUENCE/SCHEMA and indexes with
    options, INCLUDE and a WHERE, made at run time, are in the DDL log: a
    restored twin has the same catalog, and its partial unique index
    still enforces uniqueness only where its predicate holds."""
    from twinning.bootstrap import compile_schema
    schema = "CREATE TABLE t (id int CONSTRAINT t_pk PRIMARY KEY, email text, live bool)"
    catalog, _ = compile_schema(schema, "<test>")
    from twinning.state import CommittedState
    engine = Engine(CommittedState.empty(catalog, schema))
    session = _session(engine)
    run_all(session, [
        "CREATE UNIQUE INDEX t_live ON t (email) INCLUDE (id) WHERE live",
        "CREATE INDEX t_desc ON t (email DESC NULLS LAST, id NULLS FIRST)",
        "CREATE SEQUENCE q",
        "COMMENT ON CONSTRAINT t_pk ON t IS 'key'",
        "COMMENT ON INDEX t_live IS 'one live address'",
        "COMMENT ON SEQUENCE q IS 'numbers'",
        "CREATE SCHEMA s", "COMMENT ON SCHEMA s IS 'spare'",
        "COMMENT ON SCHEMA public IS NULL",
        "BEGIN", "COMMENT ON INDEX t_desc IS 'gone'", "ROLLBACK",
        "INSERT INTO t VALUES (1, 'a', true), (2, 'a', false)"])
    state, restored = through_snapshot(engine)
    index = {i.name.name: i for i in restored.catalog.indexes}
    assert index["t_live"].comment == "one live address"
    assert index["t_live"].include == ("id",) and index["t_live"].predicate
    assert index["t_desc"].options == (1, 2) and index["t_desc"].comment is None
    assert restored.catalog.table(index["t_live"].table).constraints[0].comment == "key"
    assert dict(restored.catalog.schema_comments) == {"public": None, "s": "spare"}
    again = _session(Engine(restored))
    assert b"ERROR" not in again.on_query("INSERT INTO t VALUES (3, 'a', false)")
    reply = again.on_query("INSERT INTO t VALUES (4, 'a', true)")
    assert b"C23505" in reply and b"Key (email)=(a) already exists." in reply


def test_enums_survive_a_snapshot():
    """Enums made and altered at run time are in the DDL log: a restored
    twin has the same catalog (labels, sort orders, OIDs) and rows, and
    still orders and checks values by the type."""
    schema = "CREATE SCHEMA s;\nCREATE TYPE s.size AS ENUM ('small', 'large');"
    restored = snapshot_after(schema, [
        "CREATE TYPE mood AS ENUM ('sad', 'happy')",
        "ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy'",
        "CREATE TABLE t (m mood, s s.size, ms mood[])",
        "INSERT INTO t VALUES ('happy', 'large', '{ok,sad}'), "
        "('ok', 'small', NULL), ('sad', NULL, '{}')",
        "ALTER TYPE s.size ADD VALUE 'medium' AFTER 'small'",
        "CREATE TYPE gone AS ENUM ('x')", "DROP TYPE gone"])
    sizes = restored.catalog.type_named(("s", "size")).sql_type.user
    assert sizes.labels == ("small", "medium", "large")
    assert sizes.sort_orders == (1.0, 1.5, 2.0)
    again = _session(Engine(restored))
    reply = again.on_query("SELECT m FROM t ORDER BY m DESC")
    assert reply.index(b"happy") < reply.index(b"ok") < reply.index(b"sad")
    assert b"C22P02" in again.on_query("INSERT INTO t VALUES ('angry')")
    assert b"ERROR" not in again.on_query("INSERT INTO t (s) VALUES ('medium')")


def test_domains_survive_a_snapshot():
    """Domains made and altered at run time are in the DDL log: a restored
    twin has the same catalog (constraints, names, OIDs, default) and rows,
    and still checks values against the domains."""
    schema = ("CREATE SCHEMA s;\nCREATE DOMAIN s.code AS varchar(4) "
              "CHECK (VALUE ~ '^[A-Z]+$');")
    restored = snapshot_after(schema, [
        "CREATE DOMAIN posint AS int CHECK (VALUE > 0)",
        "CREATE DOMAIN small AS posint DEFAULT 1 NOT NULL",
        "CREATE TABLE t (p posint, c s.code, sm small, ps posint[])",
        "INSERT INTO t VALUES (5, 'AB', 2, '{1,2}'), (7, NULL, 3, NULL)",
        "INSERT INTO t (p) VALUES (9)",
        "ALTER DOMAIN posint ADD CONSTRAINT below CHECK (VALUE < 100) "
        "NOT VALID",
        "ALTER DOMAIN small RENAME TO tiny",
        "CREATE DOMAIN gone AS int", "DROP DOMAIN gone"])
    tiny = restored.catalog.type_named(("tiny",))
    assert tiny.kind == "d" and tiny.domain.not_null
    assert [k.name for k in tiny.domain.base.domain.checks] == \
        ["posint_check", "below"]
    again = _session(Engine(restored))
    reply = again.on_query("SELECT sm FROM t ORDER BY sm")
    assert b"SELECT 3" in reply
    reply = again.on_query("INSERT INTO t (p) VALUES (100)")
    assert b"C23514" in reply and b'check constraint "below"' in reply
    reply = again.on_query("INSERT INTO t (p, sm) VALUES (1, NULL)")
    assert b"C23502" in reply and b"domain tiny does not allow null" in reply
    assert b"C23514" in again.on_query("INSERT INTO t (c) VALUES ('ab')")


def test_extensions_survive_a_snapshot():
    """Extensions created, commented and dropped at run time are in the DDL
    log (a CREATE SCHEMA with elements and a CLUSTER too): a restored twin
    has the same catalog, and a default calling an extension's function
    still runs."""
    schema = 'CREATE EXTENSION "uuid-ossp";'
    restored = snapshot_after(schema, [
        "CREATE SCHEMA x CREATE TABLE t (id uuid DEFAULT "
        "public.uuid_generate_v4() PRIMARY KEY, n text)",
        "CLUSTER x.t USING t_pkey",
        "CREATE EXTENSION fuzzystrmatch SCHEMA x",
        "COMMENT ON EXTENSION fuzzystrmatch IS 'fuzzy'",
        "CREATE EXTENSION pgcrypto", "DROP EXTENSION pgcrypto",
        "INSERT INTO x.t (n) VALUES (x.soundex('Robert'))"])
    assert [(e.name, e.schema, e.comment) for e in restored.catalog.extensions] \
        == [("fuzzystrmatch", "x", "fuzzy"),
            ("uuid-ossp", "public", "generate universally unique identifiers "
             "(UUIDs)")]
    again = _session(Engine(restored))
    reply = again.on_query("INSERT INTO x.t (n) VALUES ('b') RETURNING "
                           "length(id::text), x.soundex(n)")
    assert b"ERROR" not in reply and b"B000" in reply, reply


def test_partitions_survive_a_snapshot():
    """Partitioned tables made, attached and detached at run time are in
    the DDL log: a restored twin has the same catalog (keys, bounds,
    attached indexes) and rows, and still routes new rows."""
    schema = ("CREATE TABLE m (id int NOT NULL, at date NOT NULL, "
              "PRIMARY KEY (at, id)) PARTITION BY RANGE (at);\n"
              "CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2024-01-01') "
              "TO ('2024-02-01');")
    engine = engine_of(schema)
    session = _session(engine)
    run_all(session, [
        "CREATE TABLE m2 (id int NOT NULL, at date NOT NULL)",
        "INSERT INTO m2 VALUES (7, '2024-02-03')",
        "ALTER TABLE m ATTACH PARTITION m2 FOR VALUES FROM "
        "('2024-02-01') TO ('2024-03-01')",
        "CREATE TABLE h (k text) PARTITION BY HASH (k)",
        "CREATE TABLE h0 PARTITION OF h FOR VALUES WITH "
        "(MODULUS 2, REMAINDER 0)",
        "CREATE TABLE h1 PARTITION OF h FOR VALUES WITH "
        "(MODULUS 2, REMAINDER 1)",
        "INSERT INTO h SELECT 'k' || i FROM generate_series(1, 9) i",
        "INSERT INTO m VALUES (1, '2024-01-05'), (2, '2024-02-05')",
        "CREATE TABLE md PARTITION OF m DEFAULT",
        "ALTER TABLE m DETACH PARTITION md"])
    state, restored = through_snapshot(engine)
    assert restored.catalog.partition_key(QName("public", "m")).strategy == "range"
    assert {str(i.child) for i in restored.catalog.inherits} == {
        "public.m1", "public.m2", "public.m1_pkey", "public.m2_pkey",
        "public.h0", "public.h1"}
    again = _session(Engine(restored))
    reply = again.on_query("SELECT tableoid::regclass, id FROM m ORDER BY id")
    assert b"SELECT 3" in reply and b"m2" in reply
    assert b"INSERT 0 1" in again.on_query("INSERT INTO m VALUES (3, '2024-02-09')")
    reply = again.on_query("INSERT INTO m VALUES (4, '2024-05-01')")
    assert b"C23514" in reply and b'no partition of relation "m"' in reply
    before = session.on_query("SELECT tableoid::regclass, k FROM h ORDER BY k")
    assert again.on_query("SELECT tableoid::regclass, k FROM h ORDER BY k") == before


def test_temporary_tables_beside_extensions_roles_and_grants():
    """A temporary table changes nothing permanent: the catalog without
    the sessions' temporary schemas keeps the extensions, roles and
    grants (it once lost them, and CREATE TEMP TABLE was then refused as
    changing permanent objects too)."""
    engine = Engine()
    session = _session(engine)
    run_all(session, ["CREATE TABLE t (a int)", "CREATE EXTENSION pgcrypto",
                      "CREATE ROLE reader", "GRANT SELECT ON t TO reader"])
    before = engine.committed_state().catalog
    reply = session.on_query("CREATE TEMP TABLE stage (x int)")
    assert b"CREATE TABLE" in reply, reply
    assert b"GRANT" in session.on_query("GRANT SELECT ON stage TO reader")
    after = engine.committed_state().catalog
    assert after == before
    assert [e.name for e in after.extensions] == ["pgcrypto"]
    assert [r.name for r in after.roles] == ["reader"]
