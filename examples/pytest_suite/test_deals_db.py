"""A small test suite on the twinning pytest plugin: every test gets its
own fresh database, forked from the deals schema (examples/deals), so
tests never see each other's rows and need no cleanup.

    pytest examples/pytest_suite --twinning-schema examples/deals/schema.sql

(or `twinning_schema = examples/deals/schema.sql` under [pytest] in an ini
file). The fixture's `dsn`/`url` work with any PostgreSQL client.
"""

import psycopg
import psycopg2
import pytest


def test_insert_is_seen(twinning_db):
    with psycopg2.connect(twinning_db.dsn) as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO tenants (tenant_id, name) VALUES (1, 'acme')")
        cur.execute("SELECT name FROM tenants")
        assert cur.fetchall() == [("acme",)]


def test_each_test_starts_empty(twinning_db):
    with psycopg.connect(twinning_db.url) as conn:
        assert conn.execute("SELECT count(*) FROM tenants").fetchone() == (0,)
        assert conn.execute("SELECT current_database()").fetchone() == (
            twinning_db.dbname,)


def test_constraints_are_postgres(twinning_db):
    with psycopg2.connect(twinning_db.dsn) as conn, conn.cursor() as cur:
        with pytest.raises(psycopg2.errors.NotNullViolation):
            cur.execute("INSERT INTO tenants (tenant_id) VALUES (1)")


@pytest.mark.parametrize("n", range(3))
def test_sequences_start_over(twinning_db, n):
    with psycopg.connect(twinning_db.url, autocommit=True) as conn:
        assert conn.execute("SELECT nextval('invoice_numbers')").fetchone() == (1000,)


def test_sqlalchemy_and_pg8000(twinning_db):
    import pg8000.native
    import sqlalchemy as sa
    engine = sa.create_engine(twinning_db.url.replace(
        "postgresql://", "postgresql+psycopg2://"))
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO tenants (tenant_id, name) "
                             "VALUES (7, 'seven')"))
    engine.dispose()
    conn = pg8000.native.Connection(twinning_db.user, host=twinning_db.host,
                                    port=twinning_db.port,
                                    database=twinning_db.dbname)
    assert conn.run("SELECT tenant_id FROM tenants") == [[7]]
    conn.close()


def test_a_leaked_connection_is_closed_for_you(twinning_db):
    psycopg2.connect(twinning_db.dsn)  # never closed: the fork is dropped WITH (FORCE)


def test_asyncpg(twinning_db):
    import asyncio

    import asyncpg

    async def main():
        conn = await asyncpg.connect(twinning_db.url)
        try:
            await conn.execute("INSERT INTO tenants (tenant_id, name) VALUES ($1, $2)",
                               3, "three")
            return await conn.fetchval("SELECT name FROM tenants WHERE tenant_id = 3")
        finally:
            await conn.close()

    assert asyncio.run(main()) == "three"
