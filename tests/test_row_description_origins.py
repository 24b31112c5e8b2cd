"""RowDescription's table OID and column number, twin against PostgreSQL
15: a result column read straight from a table, a view, a catalog
relation, or such a column of a subquery, CTE or join names that relation
and attnum (what psycopg2's description and JDBC's getTableName report);
expressions, aggregates and set operations name none.
"""

from __future__ import annotations

import itertools

import pytest

from tests.differential.harness import postgres_database, twin_server

pytestmark = pytest.mark.realpg

SCHEMA = """CREATE TABLE testcol (pi numeric(10,2), hi text, gone int, lo int);
ALTER TABLE testcol DROP COLUMN gone;
CREATE VIEW tv (words) AS SELECT hi FROM testcol;"""

QUERIES = [
    "SELECT hi, pi, 42, pi + 1, lo FROM testcol",
    "SELECT * FROM testcol",
    "SELECT * FROM (SELECT hi, lo AS renamed FROM testcol) s",
    "SELECT t.hi, u.pi FROM testcol t JOIN testcol u USING (hi)",
    "SELECT * FROM tv",
    "SELECT relname, relkind FROM pg_class LIMIT 1",
    "WITH c AS (SELECT pi FROM testcol) SELECT * FROM c",
    "SELECT hi FROM testcol UNION SELECT hi FROM testcol",
    "SELECT count(*), hi FROM testcol GROUP BY hi",
    "SELECT hi FROM testcol ORDER BY lo",
]
_NAMES = (f"row_description_{i}" for i in itertools.count())


def _origins(connect) -> list:
    conn = connect()
    conn.autocommit = True
    cur = conn.cursor()
    out = []
    for sql in QUERIES:
        cur.execute(sql)
        described = [(d.name, d.table_oid, d.table_column)
                     for d in cur.description]
        named = []
        for name, table, attnum in described:
            if table:
                cur.execute("SELECT %s::regclass::text", (table,))
                table = cur.fetchone()[0]
            named.append((name, table, attnum))
        out.append((sql, named))
    conn.close()
    return out


def test_row_description_names_the_source_column(realpg):
    with postgres_database(realpg, SCHEMA, next(_NAMES)) as pg, \
            twin_server(SCHEMA) as twin:
        assert _origins(twin) == _origins(pg)
