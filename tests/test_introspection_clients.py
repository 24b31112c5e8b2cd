"""Catalog introspection as clients do it, against PostgreSQL and the twin.

psql's describe commands and SQLAlchemy's reflection send their own
catalog queries (docs/introspection-queries.md lists them); what they
print or return must be the same from a real PostgreSQL 15 loaded with
the example schema and from a twin loaded with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy

from tests.differential.harness import postgres_database, twin_server
from tests.support.psql import params as _params, psql as _psql

pytestmark = pytest.mark.realpg

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = (ROOT / "examples" / "deals" / "schema.sql").read_text()


@pytest.fixture(scope="module")
def servers(realpg):
    """(PostgreSQL dsn parts, twin dsn parts), both loaded with SCHEMA."""
    with postgres_database(realpg, SCHEMA, "introspection") as pg_connect, \
            twin_server(SCHEMA) as twin_connect:
        yield _params(pg_connect), _params(twin_connect)


@pytest.mark.parametrize("command", [
    r"\dt", r"\dt crm.*", r"\dn", r"\d", r"\d deals", r"\d tenants",
    r"\d properties", r"\d crm.contacts", r"\d crm.activities",
])
def test_psql_describe_prints_the_same(servers, command):
    pg, twin = servers
    assert _psql(twin, command) == _psql(pg, command)


def _engine(params: dict, driver: str = "psycopg2"):
    url = sqlalchemy.engine.URL.create(
        f"postgresql+{driver}", username=params["user"], host=params["host"],
        port=params["port"], database=params["dbname"])
    return sqlalchemy.create_engine(url, poolclass=sqlalchemy.pool.NullPool)


def _reflection(params: dict, driver: str) -> dict:
    engine = _engine(params, driver)
    try:
        inspector = sqlalchemy.inspect(engine)
        out: dict = {"schemas": inspector.get_schema_names()}
        for schema in ("public", "crm"):
            for table in inspector.get_table_names(schema=schema):
                key = f"{schema}.{table}"
                out[key] = {
                    "columns": [{k: str(v) for k, v in c.items()}
                                for c in inspector.get_columns(table, schema)],
                    "pk": inspector.get_pk_constraint(table, schema),
                    "fks": inspector.get_foreign_keys(table, schema),
                    "uniques": inspector.get_unique_constraints(table, schema),
                    "indexes": inspector.get_indexes(table, schema),
                    "checks": inspector.get_check_constraints(table, schema),
                    "comment": inspector.get_table_comment(table, schema),
                    "has_table": inspector.has_table(table, schema),
                }
        out["has_nope"] = inspector.has_table("nope")
        metadata = sqlalchemy.MetaData()
        metadata.reflect(engine)
        out["reflected"] = sorted(metadata.tables)
        return out
    finally:
        engine.dispose()


@pytest.mark.parametrize("driver", ["psycopg2", "psycopg", "pg8000"])
def test_sqlalchemy_reflection_is_the_same(servers, driver):
    pg, twin = servers
    assert _reflection(twin, driver) == _reflection(pg, driver)


def _asyncpg_reads(params: dict) -> list:
    """asyncpg introspects every type it has no codec for (array
    parameters, int2vector, name[]) with a WITH RECURSIVE query over
    pg_type and set_config('jit', …) before running the statement."""
    import asyncio

    import asyncpg

    async def main() -> list:
        conn = await asyncpg.connect(host=params["host"], port=params["port"],
                                     user=params["user"],
                                     database=params["dbname"])
        try:
            out = [await conn.fetch(
                "SELECT relname FROM pg_catalog.pg_class WHERE relname = "
                "ANY($1::text[]) ORDER BY relname", ["deals", "tenants", "x"])]
            out.append(await conn.fetch(
                "SELECT indkey, indclass FROM pg_catalog.pg_index i JOIN "
                "pg_catalog.pg_class c ON c.oid = i.indexrelid WHERE "
                "c.relname = $1", "deals_pkey"))
            out.append(await conn.fetchval(
                "SELECT ARRAY(SELECT attname FROM pg_catalog.pg_attribute "
                "WHERE attrelid = 'public.tenants'::regclass AND attnum > 0 "
                "ORDER BY attnum)"))
            return [[tuple(r) for r in rows] if isinstance(rows, list)
                    else rows for rows in out]
        finally:
            await conn.close()
    return asyncio.run(main())


def test_asyncpg_type_introspection_is_the_same(servers):
    pg, twin = servers
    assert _asyncpg_reads(twin) == _asyncpg_reads(pg)
