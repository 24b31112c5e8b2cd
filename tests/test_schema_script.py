"""Schema files with data fixes: from the first statement that needs rows
or a session (INSERT/UPDATE/DELETE, WITH … UPDATE, SELECT f(), DO, SET
client_encoding) the file runs statement by statement in a session
(`twinning/schema_script.py`), as psql -f runs it.

Each case is run on real PostgreSQL one statement at a time as psql
sends them (the file's UTF-8 bytes, whatever client_encoding says) and
loaded by the twin; every table's rows must be equal.
"""

from __future__ import annotations

import itertools

import pglast
import pytest

from twinning import bootstrap
from twinning.errors import Refusal
from twinning.schema_script import run_rest
from twinning.session import Engine, Session
from twinning.wire.messages import DataRow, decode_backend_stream

CASES = {
    "data_fixes": """
CREATE TABLE emp (id int PRIMARY KEY, org text, node varchar DEFAULT '/');
INSERT INTO emp (id, org) VALUES (1, 'a1'), (2, 'a1b2'), (3, NULL);
SELECT 'a progress message';
WITH RECURSIVE hier AS (
  SELECT id, org, get_byte(decode(substring(org, 1, 2), 'hex'), 0)::bit(8)::varchar AS bits, 2 AS i FROM emp
  UNION ALL
  SELECT e.id, e.org, hier.bits || get_byte(decode(substring(e.org, i + 1, 2), 'hex'), 0)::bit(8)::varchar, i + 2
    FROM emp AS e JOIN hier ON e.id = hier.id AND i < length(e.org))
UPDATE emp SET org = coalesce(trim(trailing '0' FROM hier.bits), '')
  FROM hier WHERE emp.id = hier.id AND (hier.org IS NULL OR i = length(hier.org));
CREATE FUNCTION fix() RETURNS void AS $$
BEGIN
  LOOP
    UPDATE emp SET node = node || substring(org, 1, 2)::bit(2)::integer || '/',
                   org = substring(org, 3) WHERE org LIKE '1%';
    EXIT WHEN NOT FOUND;
  END LOOP;
END $$ LANGUAGE plpgsql;
SELECT fix();
DROP FUNCTION fix();
ALTER TABLE emp ADD COLUMN note text DEFAULT 'added';
DELETE FROM emp WHERE id = 3;
DO $$ BEGIN INSERT INTO emp (id, org) VALUES (4, 'do'); END $$;
CREATE TABLE later (id int REFERENCES emp);
INSERT INTO later SELECT id FROM emp;
""",
    "encoding": """
CREATE TABLE c (id int, t text);
INSERT INTO c VALUES (1, 'Résumé');
SET client_encoding = latin1;
INSERT INTO c VALUES (2, 'Résumé');
COMMENT ON TABLE c IS 'Résumé';
SET client_encoding = 'UTF8';
INSERT INTO c VALUES (3, 'Türkiye');
""",
    "search_path": """
CREATE SCHEMA s;
SET search_path = s, public;
CREATE TABLE t (a int);
INSERT INTO t VALUES (1);
CREATE TABLE u (b int);
INSERT INTO u SELECT a + 1 FROM t;
""",
}

_numbers = itertools.count()


def _statements(script: str) -> list[bytes]:
    out = []
    for raw in pglast.parse_sql(script):
        start = raw.stmt_location or 0
        end = start + raw.stmt_len if raw.stmt_len else len(script)
        out.append(script[start:end].strip().encode())
    return out


def _pg_rows(realpg, script: str) -> dict:
    admin = realpg.connect()
    name = f"script_case_{next(_numbers)}"
    with admin.cursor() as cur:
        cur.execute(f"CREATE DATABASE {name}")
    try:
        conn = realpg.connect(dbname=name)
        conn.autocommit = True
        with conn.cursor() as cur:
            for statement in _statements(script):
                cur.execute(statement)  # bytes, as psql sends the file's
        conn.close()
        conn = realpg.connect(dbname=name)
        with conn.cursor() as cur:
            return _rows(lambda sql: (cur.execute(sql), [
                tuple(None if v is None else str(v) for v in row)
                for row in cur.fetchall()])[1])
    finally:
        conn.close()
        with admin.cursor() as cur:
            cur.execute(f"DROP DATABASE {name}")
        admin.close()


def _rows(query) -> dict:
    tables = query("SELECT n.nspname || '.' || c.relname FROM pg_class c "
                   "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                   "c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', "
                   "'information_schema') ORDER BY 1")
    out = {name: query(f"SELECT * FROM {name} ORDER BY 1")
           for (name,) in tables}
    out["comments"] = query("SELECT description FROM pg_description d JOIN "
                            "pg_class c ON c.oid = d.objoid ORDER BY 1")
    return out


def _twin_session(state) -> Session:
    session = Session(Engine(state))
    session.on_startup({"user": "postgres", "database": "postgres"})
    session.on_authenticated()
    return session


def _twin_rows(session: Session) -> dict:
    def query(sql: str) -> list:
        return [tuple(None if v is None else v.decode() for v in m.values)
                for m in decode_backend_stream(session.on_query(sql))
                if isinstance(m, DataRow)]
    return _rows(query)


def _load(tmp_path, script: str, **kw) -> bootstrap.Source:
    path = tmp_path / "schema.sql"
    path.write_text(script)
    return bootstrap.from_schema(str(path), run_rest=run_rest, **kw)


@pytest.mark.parametrize("name", sorted(CASES))
def test_rows_as_postgres_leaves_them(name, realpg, tmp_path):
    script = CASES[name]
    source = _load(tmp_path, script)
    assert _twin_rows(_twin_session(source.state)) == _pg_rows(realpg, script)


def test_snapshot_ddl_rebuilds_the_catalog(tmp_path):
    """The state's DDL (the head, then each later DDL statement) rebuilds
    the catalog the session left, as a restore does."""
    source = _load(tmp_path, CASES["data_fixes"])
    catalog, _ = bootstrap.compile_schema(source.state.ddl, "<ddl>")
    assert catalog == source.state.catalog


def test_error_after_the_head_is_refused_with_its_line(tmp_path):
    script = "CREATE TABLE t (a int PRIMARY KEY);\nINSERT INTO t VALUES (1);\n" \
             "INSERT INTO t VALUES (1);\n"
    with pytest.raises(Refusal) as refused:
        _load(tmp_path, script)
    assert refused.value.code == "E_SCHEMA_INVALID"
    assert refused.value.detail["sqlstate"] == "23505"
    assert refused.value.detail["line"] == 3


def test_unsupported_after_the_head_is_skipped_or_refused(tmp_path):
    script = ("CREATE TABLE t (a int);\nINSERT INTO t VALUES (1);\n"
              "SET client_encoding = 'EUC_JP';\nINSERT INTO t VALUES (2);\n")
    with pytest.raises(Refusal) as refused:
        _load(tmp_path, script)
    assert refused.value.code == "E_SCHEMA_UNSUPPORTED"
    assert refused.value.detail["line"] == 3
    source = _load(tmp_path, script, skip_unsupported=True)
    assert [(s["line"], s["construct"]) for s in source.skipped] == [
        (3, "SET client_encoding = 'EUC_JP'")]
    assert _twin_rows(_twin_session(source.state))["public.t"] == [("1",), ("2",)]


def test_without_a_session_the_data_statement_is_refused(tmp_path):
    with pytest.raises(Refusal) as refused:
        bootstrap.from_schema(_write(
            tmp_path, "CREATE TABLE t (a int);\nUPDATE t SET a = 1;\n"))
    assert refused.value.code == "E_SCHEMA_UNSUPPORTED"
    assert refused.value.detail["construct"] == "UPDATE"
    assert refused.value.detail["line"] == 2


def _write(tmp_path, text: str) -> str:
    path = tmp_path / "plain.sql"
    path.write_text(text)
    return str(path)
