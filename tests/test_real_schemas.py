"""Real schema files load, and their catalogs are PostgreSQL's (issue 12).

`tests/fixtures/real_schemas/<name>/{source,dump}.sql` (copied from the
project's shared schema set, each with its upstream LICENSE) are a project's own DDL and
its `pg_dump --schema-only` (psql meta-commands, SETs, owners, ALTER TABLE
ONLY … ADD CONSTRAINT, `DROP … IF EXISTS`, `SET search_path` with
unqualified names). `pg_catalog.json` beside them is real PostgreSQL 15's
catalog after loading `source.sql`: per table its columns (format_type,
NOT NULL, the default as pg_get_expr shows it, identity, generated),
constraints (pg_get_constraintdef) and indexes (pg_get_indexdef). Both
forms must load into a twin whose pg_catalog answers the same. A file
listed in `SKIPPED` loads with --skip-unsupported, leaving out exactly the
statements counted there by construct (a change either way is noticed).
A file's data fixes (UPDATE, SELECT f(), WITH … UPDATE, SET
client_encoding) run through a session (`twinning/schema_script.py`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from twinning import bootstrap
from twinning.schema_script import run_rest
from twinning.session import Engine, Session

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT / "tests" / "fixtures" / "real_schemas"
NAMES = ["chinook", "northwind", "mimic_iv", "adventureworks", "pagila"]
# what each file still needs --skip-unsupported for, by construct (none:
# AdventureWorks' data fixes run in a session, its views over xpath(),
# money and crosstab() are created)
SKIPPED: dict = {}

_TABLES = """
SELECT c.oid, n.nspname, c.relname, c.relkind FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY n.nspname, c.relname"""
_COLUMNS = """
SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
FROM pg_attribute a LEFT JOIN pg_attrdef d
  ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = {oid} AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum"""
_CONSTRAINTS = """
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint
WHERE conrelid = {oid} ORDER BY conname"""
_INDEXES = """
SELECT indexname, indexdef FROM pg_indexes
WHERE schemaname = '{schema}' AND tablename = '{table}' ORDER BY indexname"""


def _rows(session: Session, sql: str) -> list[tuple]:
    """Text rows of a query, through the session's simple protocol."""
    from twinning.wire.messages import DataRow, ErrorResponse, decode_backend_stream
    out = []
    for message in decode_backend_stream(session.on_query(sql)):
        if isinstance(message, ErrorResponse):
            raise AssertionError(f"{sql}: {message}")
        if isinstance(message, DataRow):
            out.append(tuple(None if v is None else v.decode()
                             for v in message.values))
    return out


def _catalog(session: Session) -> list[dict]:
    tables = []
    for oid, schema, name, kind in _rows(session, _TABLES):
        columns = [{"name": n, "type": t, "not_null": nn == "t", "default": d,
                    "identity": i, "generated": g}
                   for n, t, nn, d, i, g in _rows(session, _COLUMNS.format(oid=oid))]
        constraints = [{"name": n, "type": k, "definition": x} for n, k, x
                       in _rows(session, _CONSTRAINTS.format(oid=oid))]
        indexes = [{"name": n, "definition": x} for n, x in _rows(
            session, _INDEXES.format(schema=schema, table=name))]
        tables.append({"schema": schema, "name": name, "kind": kind,
                       "columns": columns, "constraints": constraints,
                       "indexes": indexes})
    return tables


@pytest.mark.parametrize("form", ["source", "dump"])
@pytest.mark.parametrize("name", NAMES)
def test_loads_with_postgres_catalog(name, form):
    expected = json.loads((SHARED / name / "pg_catalog.json").read_text())
    skips = SKIPPED.get((name, form))
    source = bootstrap.from_schema(str(SHARED / name / f"{form}.sql"),
                                   skip_unsupported=skips is not None,
                                   run_rest=run_rest)
    counted: dict[str, int] = {}
    for skipped in source.skipped:
        counted[skipped["construct"]] = counted.get(skipped["construct"], 0) + 1
    assert counted == (skips or {})
    session = Session(Engine(source.state))
    session.on_startup({"user": "postgres", "database": "postgres"})
    session.on_authenticated()
    got = _catalog(session)
    assert len(got) == expected["counts"]["tables"] > 0
    key = lambda t: (t["schema"], t["name"])  # noqa: E731
    assert sorted(got, key=key) == sorted(expected["tables"], key=key)
