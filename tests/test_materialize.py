"""`twinning materialize` from a throwaway real PostgreSQL 15.

The differential corpus's type, generated-column and identity schemas are
loaded into real PostgreSQL with data written here (every type family,
NULLs, escapes, NaN and infinities, arrays, JSON, a keyless table with
duplicates), materialized, restored into a twin (the file written by streaming equal to what the
snapshot codec writes for the restored state), and every table's
`COPY … TO STDOUT` (and `COPY (SELECT * …)`, which keeps generated
columns) must be byte-identical to PostgreSQL's. Sequences carry on where
the source left them. Rows are inserted in primary-key order (full-tuple
order without a key): a snapshot stores rows in that canonical order, so a
restored table scans in it.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.differential.harness import postgres_database
from tests.support.twin import serving
from twinning import bootstrap
from twinning.session import Engine

pytestmark = pytest.mark.realpg

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "tests" / "differential" / "schemas"
TWINNING = [sys.executable, "-m", "twinning.cli"]

DATA = r"""
INSERT INTO ints VALUES (1, -32768, -2147483648, -9223372036854775808),
  (2, 32767, 2147483647, 9223372036854775807), (3, NULL, 0, NULL);
INSERT INTO nums VALUES (1, 0.000000000000000000001, 123.45, 999, 3.14159),
  (2, 'NaN', -0.5, -7, NULL), (3, 1e30, NULL, 0, -0.0001),
  (4, 12345678901234567890.123456789, 1.1, 1, 1);
INSERT INTO floats VALUES (1, 'Infinity', '-Infinity'), (2, 'NaN', -0.0),
  (3, 3.4e38, 1.7976931348623157e308), (4, 1.5e-45, 5e-324),
  (5, 0.1, 0.1), (6, NULL, 1e15);
INSERT INTO strs VALUES (1, E'tab\there\nnewline \\ back', 'abc', 'ab', 'ü€😀', 'x'),
  (2, '', '', '', '', ' '), (3, NULL, NULL, NULL, NULL, NULL),
  (4, E'\\N is not null', 'a"b', 'a,b', E'carriage\rreturn', 'é');
INSERT INTO bools VALUES (1, true), (2, false), (3, NULL);
INSERT INTO times VALUES
  (1, '2024-02-29', '2024-02-29 23:59:59.999999', '2024-02-29 23:59:59.5+05:30',
   '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.789'),
  (2, '4713-01-01 BC', '1999-01-08 04:05:06', '1970-01-01 00:00:00+00',
   '00:00', '-1 days +02:03:00'),
  (3, 'infinity', '-infinity', 'infinity', '24:00:00', '0'),
  (4, NULL, NULL, NULL, NULL, NULL);
INSERT INTO uuids VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), (2, NULL);
INSERT INTO docs VALUES
  (1, '{"b": 1, "a": [1, 2.50, null], "a": "dup"}', '{"b": 1, "a": [1, 2.50, null]}'),
  (2, '"\u00e9 \\ \n"', '"\u00e9 \\ \n"'), (3, 'null', 'null'), (4, NULL, NULL);
INSERT INTO blobs VALUES (1, '\xdeadbeef00'), (2, ''), (3, NULL);
INSERT INTO arrs VALUES
  (1, '{1,NULL,3}', '{"a b","c,d","","NULL",NULL,"q\"uote"}', '{1.5,-2.0}',
   '{abc,d}', '{t,f,NULL}', '{2024-01-01,infinity}'),
  (2, '{}', '{}', NULL, '{}', '{}', NULL),
  (3, NULL, NULL, '{}', NULL, NULL, '{}');
INSERT INTO bag VALUES (1, 'a', 1.00), (1, 'a', 1.00), (1, 'b', NULL),
  (2, NULL, -3.50), (NULL, 'z', 0.00), (NULL, NULL, NULL);
INSERT INTO item (id, price, qty) VALUES (1, 9.99, 3), (2, 0.50, 1), (3, 100, 0);
INSERT INTO person (first_name, last_name) VALUES ('Ada', 'Lovelace'),
  ('Alan', 'Turing'), ('Grace', 'Hopper');
INSERT INTO ser (name) VALUES ('one'), ('two'), (NULL);
INSERT INTO bser (name) VALUES ('x');
INSERT INTO ida (name) VALUES ('a'), ('b');
INSERT INTO idd (name) VALUES ('one');
INSERT INTO idd (id, name) VALUES (10, 'ten');
INSERT INTO defs (note, created_at, made_on, ext)
  VALUES ('first', '2020-01-01 00:00+00', '2020-01-01', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12');
INSERT INTO stepped (name) VALUES ('s1'), ('s2');
SELECT nextval('counter');
CREATE TABLE words (w text PRIMARY KEY, n integer);
INSERT INTO words VALUES ('', 6), ('B', 1), ('Z', 4), ('a', 2), ('ab', 5), ('é', 3);
"""

SETTINGS = ("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, MDY'; "
            "SET IntervalStyle = 'postgres'; SET extra_float_digits = 1")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PG") and k != "DATABASE_URL"}
    env["TWINNING_WARM"] = "0"
    return env


def _materialize(url: str, *extra) -> subprocess.CompletedProcess:
    return subprocess.run([*TWINNING, "materialize", "--from", url, *map(str, extra)],
                          capture_output=True, text=True, timeout=300,
                          cwd=ROOT, env=_env())


def _tables(conn) -> list[str]:
    with conn.cursor() as cur:
        cur.execute("SELECT quote_ident(schemaname) || '.' || quote_ident(relname) "
                    "FROM pg_stat_user_tables ORDER BY 1")
        return [r[0] for r in cur.fetchall()]


def _copies(conn, tables: list[str]) -> dict[str, bytes]:
    out = {}
    with conn.cursor() as cur:
        cur.execute(SETTINGS)
        for table in tables:
            for sql in (f"COPY {table} TO STDOUT",
                        f"COPY (SELECT * FROM {table}) TO STDOUT"):
                buf = io.BytesIO()
                cur.copy_expert(sql, buf)
                out[sql] = buf.getvalue()
    return out


@contextlib.contextmanager
def _twin_of(path: Path):
    """An autocommit psycopg2 connection to a twin restored from the
    snapshot at PATH."""
    with serving(Engine(bootstrap.from_snapshot(str(path)).state)) as twin:
        conn = twin.connect()
        conn.autocommit = True
        try:
            yield conn
        finally:
            conn.close()


def _sequences_go_on(cur) -> tuple:
    """What two sequences and an identity column give next."""
    cur.execute("SELECT nextval('counter'), nextval('by10')")
    after = cur.fetchone()
    cur.execute("INSERT INTO ida (name) VALUES ('c') RETURNING id")
    return after, cur.fetchone()


@contextlib.contextmanager
def _database(realpg, schema: str, tag: str):
    """A PostgreSQL database materialize_TAGpid loaded with SCHEMA:
    (its URL, its connect)."""
    name = f"materialize_{tag}{os.getpid()}"
    with postgres_database(realpg, schema, name) as connect:
        yield (f"postgresql://{realpg.user}@{realpg.host}:{realpg.port}/{name}",
               connect)


@pytest.fixture(scope="module")
def source(realpg):
    schema = "\n".join((SCHEMAS / f).read_text() for f in
                       ("types.sql", "generated.sql", "identity.sql"))
    with _database(realpg, schema + DATA, "") as (url, connect):
        yield url, connect


def test_restored_tables_copy_byte_identical(source, tmp_path):
    url, connect = source
    out = tmp_path / "db.twin"
    report_path = tmp_path / "materialize.json"
    done = _materialize(url, "--snapshot", out, "--json", "--report", report_path)
    assert done.returncode == 0, done.stderr + done.stdout
    report = json.loads(done.stdout)
    from twinning import schemas
    schemas.validator("twinning.materialize.v0").validate(report)
    assert json.loads(report_path.read_text()) == report
    assert "twinning: copied public.ints: 3 rows" in done.stderr
    # streamed, the file is what the snapshot codec writes for its state
    from twinning import snapshot
    restored = bootstrap.from_snapshot(str(out)).restored
    assert snapshot.encode(restored.state, lineage=restored.lineage)[0] == \
        out.read_bytes()
    conn = connect()
    try:
        tables = _tables(conn)
        expected = _copies(conn, tables)
        counts = {}
        with conn.cursor() as cur:
            for table in tables:
                cur.execute(f"SELECT count(*) FROM {table}")
                counts[table.replace('"', '')] = cur.fetchone()[0]
            pg_next, pg_ida = _sequences_go_on(cur)
    finally:
        conn.close()
    assert len(tables) == 20
    assert {t["name"].removeprefix("public."): t["rows"]
            for t in report["tables"]} == \
        {k.removeprefix("public."): v for k, v in counts.items()}
    with _twin_of(out) as twin:
        actual = _copies(twin, tables)
        with twin.cursor() as cur:
            twin_next, twin_ida = _sequences_go_on(cur)
    for sql, data in expected.items():
        assert actual[sql] == data, sql
    assert (twin_next, twin_ida) == (pg_next, pg_ida)


def test_snapshot_is_deterministic_and_schema_only_empty(source, tmp_path):
    url, _ = source
    first, second, empty = (tmp_path / n for n in ("a.twin", "b.twin", "e.twin"))
    for path in (first, second):
        assert _materialize(url, "--snapshot", path).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    done = _materialize(url, "--snapshot", empty, "--schema-only", "--json")
    assert done.returncode == 0, done.stderr
    assert all(t["rows"] == 0 for t in json.loads(done.stdout)["tables"])


def test_tables_and_where_filter(source, tmp_path):
    url, _ = source
    out = tmp_path / "part.twin"
    done = _materialize(url, "--snapshot", out, "--json", "--tables",
                        "public.ints,public.bag", "--where", "public.ints=id > 1",
                        "--where", "bag=a IS NOT NULL")
    assert done.returncode == 0, done.stderr
    tables = {t["name"]: t for t in json.loads(done.stdout)["tables"]}
    assert set(tables) == {"public.ints", "public.bag"}
    assert tables["public.ints"]["rows"] == 2
    assert tables["public.ints"]["where"] == "id > 1"
    assert tables["public.bag"]["rows"] == 4


def test_unsupported_objects_refused_by_name_or_skipped(realpg, tmp_path):
    schema = ("CREATE TABLE t (id integer PRIMARY KEY, v text);\n"
              "CREATE OPERATOR === (LEFTARG = integer, RIGHTARG = integer, "
              "FUNCTION = int4eq);\n"
              "INSERT INTO t VALUES (1, 'kept');\n"
              "CREATE TABLE grid (id integer PRIMARY KEY, a integer[]);\n"
              "INSERT INTO grid VALUES (1, '{1}'), (2, '{{1,2},{3,4}}');\n")
    with _database(realpg, schema, "refuse_") as (url, _):
        refused = _materialize(url, "--snapshot", tmp_path / "r.twin")
        skipped = _materialize(url, "--snapshot", tmp_path / "s.twin",
                               "--skip-unsupported", "--json",
                               "--where", "grid=id = 1")
        value = _materialize(url, "--snapshot", tmp_path / "v.twin",
                             "--skip-unsupported")
    assert refused.returncode == 2
    assert "refused (E_SCHEMA_UNSUPPORTED)" in refused.stderr
    assert "CREATE OPERATOR" in refused.stderr
    assert "next: " in refused.stderr
    assert not (tmp_path / "r.twin").exists()
    assert skipped.returncode == 0, skipped.stderr
    report = json.loads(skipped.stdout)
    assert [s["construct"] for s in report["skipped"]] == ["CREATE OPERATOR"]
    assert [(t["name"], t["rows"]) for t in report["tables"]] == \
        [("public.grid", 1), ("public.t", 1)]
    # a multidimensional array is a value the twin holds
    assert value.returncode == 0, value.stderr


def test_value_the_twin_cannot_hold_is_refused_by_row():
    """A value whose input raises 0A000 is refused by table, column and
    row (no built-in type has such values left: a stub input shows it)."""
    from types import SimpleNamespace

    from twinning.errors import Refusal, SqlError
    from twinning.materialize import _converted

    class Input:
        def convert_all(self, texts):
            return [self.convert(t) for t in texts]

        def convert(self, text):
            if text == "bad":
                raise SqlError("0A000", "thing is not supported by twinning")
            return text

    with pytest.raises(Refusal) as refused:
        _converted(SimpleNamespace(name="public.grid"), "a", Input(),
                   ["ok", None, "bad"], 1)
    assert refused.value.code == "E_MATERIALIZE_UNSUPPORTED"
    assert refused.value.message.startswith(
        "public.grid.a, row 3: thing is not supported by twinning (0A000)")


def test_usage_and_bad_source_are_refusals(tmp_path):
    done = _materialize("postgresql://nobody@127.0.0.1:1/none")
    assert done.returncode == 2 and "refused (E_USAGE)" in done.stderr
    done = _materialize("postgresql://nobody@127.0.0.1:1/none", "--snapshot",
                        tmp_path / "x.twin")
    assert done.returncode == 2
    assert "refused (E_MATERIALIZE_SOURCE)" in done.stderr


PARTITION_DATA = """
INSERT INTO payment (payment_id, customer_id, amount, payment_date) VALUES
  (1, 1, 10.00, '2022-01-05 10:00+00'), (2, 2, 5.50, '2022-02-10 00:00+00'),
  (3, 1, 0, '2022-03-15 23:59:59.5+00');
SELECT setval('payment_payment_id_seq', 3);
INSERT INTO orders VALUES (1, 'de', 'a'), (2, 'fr', NULL), (5, 'us', 'low'),
  (999, 'us', 'low'), (1000, 'us', 'high'), (3, 'jp', 'other');
INSERT INTO events VALUES (1, 'one'), (2, 'two'), (3, 'three'), (4, NULL);
INSERT INTO readings VALUES (1, '2024-01-01', 1.5), (2, '2024-01-02', NULL),
  (NULL, '2024-01-03', 2), (3, '2024-01-04', 3), (7, '2024-01-05', 7);
INSERT INTO stamps VALUES ('1999-12-31', 'old'), ('2000-01-01', 'new');
"""


def test_partitioned_tables(realpg, tmp_path):
    """Rows live in the leaf partitions: each leaf's COPY and each
    parent's COPY (SELECT *) are PostgreSQL's bytes."""
    schema = (SCHEMAS / "partitions.sql").read_text()
    out = tmp_path / "parts.twin"
    with _database(realpg, schema + PARTITION_DATA, "parts_") as (url, connect):
        done = _materialize(url, "--snapshot", out)
        assert done.returncode == 0, done.stderr + done.stdout
        conn = connect()
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT relname, relkind FROM pg_class WHERE "
                            "relnamespace = 'public'::regnamespace AND "
                            "relkind IN ('r', 'p') ORDER BY 1")
                kinds = dict(cur.fetchall())
            expected = _relation_copies(conn, kinds)
        finally:
            conn.close()
    with _twin_of(out) as twin:
        actual = _relation_copies(twin, kinds)
    assert sum(kinds[t] == "p" for t in kinds) == 6
    for sql, data in expected.items():
        assert actual[sql] == data, sql


def _relation_copies(conn, kinds: dict[str, str]) -> dict[str, bytes]:
    out = {}
    with conn.cursor() as cur:
        cur.execute(SETTINGS)
        for table, kind in kinds.items():
            sqls = [f"COPY (SELECT * FROM {table}) TO STDOUT"]
            if kind == "r":
                sqls.append(f"COPY {table} TO STDOUT")
            for sql in sqls:
                buf = io.BytesIO()
                cur.copy_expert(sql, buf)
                out[sql] = buf.getvalue()
    return out


def test_where_that_breaks_a_foreign_key_is_refused(realpg, tmp_path):
    schema = ("CREATE TABLE parent (id integer PRIMARY KEY);\n"
              "CREATE TABLE child (id integer PRIMARY KEY, "
              "parent_id integer REFERENCES parent);\n"
              "INSERT INTO parent VALUES (1), (2);\n"
              "INSERT INTO child VALUES (10, 1), (20, 2), (30, NULL);\n")
    with _database(realpg, schema, "fk_") as (url, _):
        broken = _materialize(url, "--snapshot", tmp_path / "b.twin",
                              "--where", "parent=id = 1")
        kept = _materialize(url, "--snapshot", tmp_path / "k.twin", "--json",
                            "--where", "parent=id = 1",
                            "--where", "child=parent_id = 1 OR parent_id IS NULL")
    assert broken.returncode == 2
    assert "refused (E_MATERIALIZE_FK): --where leaves 1 row(s) of " \
        "public.child referring to public.parent" in broken.stderr
    assert not (tmp_path / "b.twin").exists()
    assert kept.returncode == 0, kept.stderr
    assert [(t["name"], t["rows"]) for t in json.loads(kept.stdout)["tables"]] \
        == [("public.child", 2), ("public.parent", 1)]
