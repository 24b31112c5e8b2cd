"""The store's constraint errors, judged by real PostgreSQL 15.

Each case is a schema (DDL run on PostgreSQL and through
`twinning.passes.load_schema`), the CHECK expressions and column defaults
as the callables the SQL pipeline would compile, and a list of statements.
A statement is described once as data (insert rows / delete where /
update set where / truncate) and run both ways: rendered as SQL on a fresh
PostgreSQL schema, and as store operations in an autocommit transaction
(statement_start, the row writes in scan order, statement_end, commit).
After every statement both sides must agree on the outcome — SQLSTATE,
message, detail, hint, schema/table/column/constraint fields, NOTICEs — and
on every table's rows, in heap order (an unordered SELECT).

Values are written as text and coerced by the column type on both sides
(PostgreSQL: unknown-typed literals; store: `values.coerce_text`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import psycopg2
import pytest

from twinning import values
from twinning.errors import SqlError
from twinning.ir.catalog import QName
from twinning.passes import load_schema
from twinning.state import CommittedState
from twinning.store import MvccStore
from twinning.values.identifiers import quote_ident as quote_identifier

pytestmark = pytest.mark.realpg


# ---------------------------------------------------------------- statements

@dataclass
class Step:
    sql: str
    params: tuple
    run: Callable[[Any, MvccStore], list[str]]  # (txn, store) -> notices
    command: str


def _q(name: str) -> str:
    return quote_identifier(name)


def _coerce(info, column: str, text: Any) -> Any:
    if text is None:
        return None
    return values.coerce_text(info.types[info.columns.index(column)], str(text))


def _row(info, texts: tuple) -> tuple:
    return tuple(_coerce(info, c, v) for c, v in zip(info.columns, texts))


def _matches(info, row: tuple, where: dict) -> bool:
    return all(row[info.columns.index(c)] is not None
               and row[info.columns.index(c)] == _coerce(info, c, v)
               for c, v in where.items())


def ins(table: str, *rows: tuple) -> Step:
    marks = ", ".join("(" + ", ".join(["%s"] * len(r)) + ")" for r in rows)
    params = tuple(None if v is None else str(v) for r in rows for v in r)

    def run(txn, store):
        info = store.schema.tables[QName("public", table)]
        for r in rows:
            txn.insert(info.name, _row(info, r))
        return []
    return Step(f"INSERT INTO {_q(table)} VALUES {marks}", params, run, "INSERT")


def _where_sql(where: dict) -> tuple[str, tuple]:
    if not where:
        return "", ()
    return " WHERE " + " AND ".join(f"{_q(c)} = %s" for c in where), \
        tuple(str(v) for v in where.values())


def dele(table: str, **where: Any) -> Step:
    clause, params = _where_sql(where)

    def run(txn, store):
        info = store.schema.tables[QName("public", table)]
        for rid, row in list(txn.scan(info.name)):
            if _matches(info, row, where):
                txn.delete(info.name, rid)
        return []
    return Step(f"DELETE FROM {_q(table)}{clause}", params, run, "DELETE")


def upd(table: str, sets: dict, **where: Any) -> Step:
    """UPDATE with constant SET values, or callables of the old row
    (rendered through `sql_sets`)."""
    clause, wparams = _where_sql(where)
    assignments = ", ".join(f"{_q(c)} = %s" for c in sets)

    def run(txn, store):
        info = store.schema.tables[QName("public", table)]
        for rid, row in list(txn.scan(info.name)):
            if _matches(info, row, where):
                new = list(row)
                for c, v in sets.items():
                    new[info.columns.index(c)] = _coerce(info, c, v)
                txn.update(info.name, rid, tuple(new))
        return []
    return Step(f"UPDATE {_q(table)} SET {assignments}{clause}",
                tuple(None if v is None else str(v) for v in sets.values()) + wparams,
                run, "UPDATE")


def bump(table: str, column: str, by: int) -> Step:
    """UPDATE t SET col = col + by (every row, heap order)."""
    def run(txn, store):
        info = store.schema.tables[QName("public", table)]
        p = info.columns.index(column)
        for rid, row in list(txn.scan(info.name)):
            new = list(row)
            new[p] = None if row[p] is None else row[p] + by
            txn.update(info.name, rid, tuple(new))
        return []
    return Step(f"UPDATE {_q(table)} SET {_q(column)} = {_q(column)} + {by}", (), run,
                "UPDATE")


def trunc(*tables: str, cascade: bool = False, restart: bool = False) -> Step:
    sql = "TRUNCATE " + ", ".join(_q(t) for t in tables)
    sql += " RESTART IDENTITY" if restart else ""
    sql += " CASCADE" if cascade else ""

    def run(txn, store):
        return txn.truncate([QName("public", t) for t in tables],
                            restart_identity=restart, cascade=cascade)
    return Step(sql, (), run, "TRUNCATE TABLE")


def raw(sql: str, run: Callable, command: str = "INSERT") -> Step:
    return Step(sql, (), run, command)


@dataclass
class Case:
    name: str
    ddl: str
    steps: list[Step]
    checks: dict[str, dict[str, Callable]] = field(default_factory=dict)
    defaults: dict[str, dict[str, Callable]] = field(default_factory=dict)
    sequences: tuple[str, ...] = ()


def _gt0(i):
    return lambda r: None if r[i] is None else r[i] > 0


CASES = [
    Case("unique_single", """
        CREATE TABLE deals (deal_id int PRIMARY KEY, ref text UNIQUE, note text);""", [
        ins("deals", (7, "a", None)),
        ins("deals", (7, "b", None)),
        ins("deals", (8, "a", "x")),
        ins("deals", (9, None, None), (10, None, None)),
        ins("deals", (11, "c", None), (11, "d", None)),
        upd("deals", {"ref": "a"}, deal_id=9),
        upd("deals", {"deal_id": 7}, deal_id=9),
        upd("deals", {"ref": "a"}, deal_id=7),
    ]),
    Case("unique_composite_quoted", """
        CREATE TABLE q ("Order" int, "b c" text, x int, "select" date,
                        PRIMARY KEY ("Order", "b c"), UNIQUE (x, "select"));""", [
        ins("q", (1, "a b", 1, "2024-01-02")),
        ins("q", (1, "a b", 2, None)),
        ins("q", (2, "a b", 1, "2024-01-02")),
        ins("q", (3, "a", None, "2024-01-02"), (4, "a", None, "2024-01-02")),
        ins("q", (5, "a", 1, None), (6, "a", 1, None)),
        ins("q", (None, "z", 9, None)),
    ]),
    Case("unique_nulls_not_distinct", """
        CREATE TABLE nnd (a int, b text, UNIQUE NULLS NOT DISTINCT (a, b));
        CREATE TABLE nd (a int, b text, UNIQUE (a, b));""", [
        ins("nnd", (1, None)),
        ins("nnd", (1, None)),
        ins("nnd", (None, None), (None, None)),
        ins("nd", (1, None), (1, None), (None, None)),
        ins("nd", (1, "x"), (1, "x")),
    ]),
    Case("unique_equality_per_type", """
        CREATE TABLE n (a numeric PRIMARY KEY);
        CREATE TABLE f (a float8 PRIMARY KEY);
        CREATE TABLE c (a char(5) PRIMARY KEY);
        CREATE TABLE i (a interval PRIMARY KEY);
        CREATE TABLE j (a jsonb PRIMARY KEY);
        CREATE TABLE ts (a timestamptz PRIMARY KEY);
        CREATE TABLE ar (a int[] PRIMARY KEY);""", [
        ins("n", ("1.0",)), ins("n", ("1.000",)), ins("n", ("NaN",)), ins("n", ("NaN",)),
        ins("f", ("NaN",)), ins("f", ("NaN",)), ins("f", ("0",)), ins("f", ("-0",)),
        ins("c", ("ab",)), ins("c", ("ab  ",)),
        ins("i", ("1 day",)), ins("i", ("24 hours",)), ins("i", ("1 mon",)),
        ins("i", ("30 days",)),
        ins("j", ('{"a": 1.0, "b": [1, true]}',)), ins("j", ('{"b": [1, true], "a": 1.00}',)),
        ins("j", ('{"a": true}',)), ins("j", ('{"a": 1}',)),
        ins("ts", ("2024-01-02 03:04:05+02",)), ins("ts", ("2024-01-02 01:04:05Z",)),
        ins("ar", ("{1,NULL,3}",)), ins("ar", ("{1,NULL,3}",)),
    ]),
    Case("not_null_and_failing_row", """
        CREATE TABLE t (a int, b text NOT NULL, c int NOT NULL, d date, e timestamptz,
                        f numeric(6,2), g boolean, h bytea, i jsonb, j interval,
                        k text[], l uuid, m float8, n varchar(100));""", [
        ins("t", (None, None, None, None, None, None, None, None, None, None, None,
                  None, None, None)),
        ins("t", (1, "x", None, "2024-02-29", "2024-01-02 03:04:05+02", "1.5", "yes",
                  "\\x0102", '{"b": 1, "a": [1, 2]}', "1 day 2 hours", '{a,"b c",NULL}',
                  "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "0.1", "a, b (c)")),
        ins("t", (1, "y" * 100, None, None, None, None, None, None, None, None, None,
                  None, None, "é" * 40)),
        ins("t", (1, "ok", 2, None, None, None, None, None, None, None, None, None,
                  "1e100", None)),
        upd("t", {"b": None}, a=1),
    ]),
    Case("check_order_and_null", """
        CREATE TABLE t (a int, b int NOT NULL, c int,
                        CONSTRAINT zz CHECK (a > 0), CONSTRAINT aa CHECK (c > 0),
                        CONSTRAINT "Mm" CHECK (b > 0), UNIQUE (b));""", [
        ins("t", (-1, -1, -1)),
        ins("t", (-1, 1, -1)),
        ins("t", (-1, 1, 1)),
        ins("t", (None, 1, None)),
        ins("t", (None, 1, -5)),
        ins("t", (-1, None, -1)),
        ins("t", (1, 1, 1)),
        upd("t", {"a": -3}, b=1),
    ], checks={"t": {"zz": _gt0(0), "aa": _gt0(2), "Mm": _gt0(1)}}),
    Case("fk_child_missing_parent", """
        CREATE TABLE p (id int PRIMARY KEY, k int UNIQUE);
        CREATE TABLE c (cid int PRIMARY KEY, p int REFERENCES p, pk int REFERENCES p(k));
        CREATE TABLE m1 (a int, b text, PRIMARY KEY (a, b));
        CREATE TABLE m2 (x int, y text, FOREIGN KEY (y, x) REFERENCES m1 (b, a));
        CREATE TABLE emp (id int PRIMARY KEY, boss int REFERENCES emp);""", [
        ins("c", (1, 9, None)),
        ins("c", (1, None, 9)),
        ins("c", (2, 5, 5), (3, 2, None)),
        ins("c", (2, None, None), (3, 5, None)),
        ins("p", (1, 10)),
        ins("c", (1, 1, 10), (2, 1, None)),
        upd("c", {"p": 4}, cid=2),
        upd("c", {"pk": 4}, cid=1),
        ins("m1", (1, "x")),
        ins("m2", (1, "y")),
        ins("m2", (1, "x"), (None, "q"), (2, None)),
        ins("emp", (2, 1), (1, None)),
        ins("emp", (3, 4), (5, 3)),
        ins("c", (9, 1, 10)),
    ]),
    Case("fk_parent_actions", """
        CREATE TABLE p (id int PRIMARY KEY, k int UNIQUE);
        CREATE TABLE na (id int PRIMARY KEY, p int REFERENCES p);
        CREATE TABLE re (id int PRIMARY KEY, k int REFERENCES p(k) ON DELETE RESTRICT
                         ON UPDATE RESTRICT);
        CREATE TABLE ca (id int PRIMARY KEY, p int REFERENCES p ON DELETE CASCADE
                         ON UPDATE CASCADE);
        CREATE TABLE sn (id int PRIMARY KEY, p int REFERENCES p ON DELETE SET NULL
                         ON UPDATE SET NULL);
        CREATE TABLE sd (id int PRIMARY KEY, p int DEFAULT 0 REFERENCES p
                         ON DELETE SET DEFAULT ON UPDATE SET DEFAULT);""", [
        ins("p", (0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5)),
        ins("na", (1, 1)), ins("re", (1, 2)), ins("ca", (1, 3), (2, 3)),
        ins("sn", (1, 4)), ins("sd", (1, 5), (2, 0)),
        dele("p", id=1), upd("p", {"id": 11}, id=1), upd("p", {"k": 11}, id=1),
        dele("p", id=2), upd("p", {"k": 12}, id=2), upd("p", {"id": 12}, id=2),
        upd("p", {"id": 13}, id=3), dele("p", id=13),
        upd("p", {"id": 14}, id=4), ins("sn", (2, 14)), dele("p", id=14),
        upd("p", {"id": 15}, id=5), dele("p", id=0),
        ins("p", (20, 20)), upd("sd", {"p": 20}, id=2), dele("p", id=0),
        upd("p", {"k": 1}, id=1),
    ], defaults={"sd": {"p": lambda ctx: 0}}),
    Case("fk_set_null_not_null_and_check", """
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE c3 (id int PRIMARY KEY, p int NOT NULL REFERENCES p ON DELETE SET NULL);
        CREATE TABLE c4 (id int PRIMARY KEY, p int REFERENCES p ON DELETE SET NULL,
                         CHECK (p IS NOT NULL OR id < 0));
        CREATE TABLE c5 (id int PRIMARY KEY, p int DEFAULT 99 REFERENCES p
                         ON DELETE SET DEFAULT);""", [
        ins("p", (1,), (2,), (3,)), ins("c3", (1, 1)), ins("c4", (1, 2), (-1, 2)),
        ins("c5", (1, 3)),
        dele("p", id=1), dele("p", id=2), dele("p", id=3),
    ], checks={"c4": {"c4_check": lambda r: r[1] is not None or r[0] < 0}},
        defaults={"c5": {"p": lambda ctx: 99}}),
    Case("fk_cascade_levels", """
        CREATE TABLE a (id int PRIMARY KEY);
        CREATE TABLE b (id int PRIMARY KEY, a int REFERENCES a ON DELETE CASCADE
                        ON UPDATE CASCADE);
        CREATE TABLE c (id int PRIMARY KEY, b int REFERENCES b ON DELETE CASCADE);
        CREATE TABLE d (id int PRIMARY KEY, c int REFERENCES c ON DELETE SET NULL);
        CREATE TABLE e (id int PRIMARY KEY, c int REFERENCES c);""", [
        ins("a", (1,), (2,), (3,)),
        ins("b", (10, 1), (20, 2), (30, 3)),
        ins("c", (100, 10), (200, 20), (300, 30)),
        ins("d", (1000, 100), (2000, 200)),
        ins("e", (1, 300)),
        dele("a", id=1),
        upd("a", {"id": 5}, id=2),
        dele("a", id=3),
        dele("a", id=5),
    ]),
    Case("fk_cycles", """
        CREATE TABLE node (id int PRIMARY KEY, parent int REFERENCES node
                           ON DELETE CASCADE ON UPDATE CASCADE);
        CREATE TABLE x (id int PRIMARY KEY, y int);
        CREATE TABLE y (id int PRIMARY KEY, x int REFERENCES x ON DELETE CASCADE);
        ALTER TABLE x ADD CONSTRAINT x_y_fkey FOREIGN KEY (y) REFERENCES y
            ON DELETE CASCADE;
        CREATE TABLE r (id int PRIMARY KEY, nxt int REFERENCES r ON DELETE SET NULL);""", [
        ins("node", (1, None), (2, 1), (3, 2), (4, 3), (5, 1)),
        ins("node", (6, 6)),
        upd("node", {"id": 10}, id=1),
        dele("node", id=2),
        dele("node", id=6),
        ins("x", (1, None)), ins("y", (1, 1)), upd("x", {"y": 1}, id=1),
        ins("x", (2, None)), ins("y", (2, 2)), upd("x", {"y": 2}, id=2),
        dele("x", id=1),
        ins("r", (1, None), (2, 1), (3, 2)), upd("r", {"nxt": 3}, id=1),
        dele("r", id=2),
    ]),
    Case("restrict_vs_no_action", """
        CREATE TABLE p (id int PRIMARY KEY, k int UNIQUE);
        CREATE TABLE na (id int PRIMARY KEY, k int REFERENCES p(k));
        CREATE TABLE re (id int PRIMARY KEY, k int REFERENCES p(k) ON DELETE RESTRICT);
        CREATE TABLE s (id int PRIMARY KEY);""", [
        ins("p", (1, 1), (2, 2)), ins("na", (1, 1)), ins("re", (1, 2)),
        raw("WITH d AS (DELETE FROM p WHERE k = 1 RETURNING k) "
            "INSERT INTO p SELECT 3, k FROM d", lambda txn, store: _swap(txn, 1, 3)),
        raw("WITH d AS (DELETE FROM p WHERE k = 2 RETURNING k) "
            "INSERT INTO p SELECT 4, k FROM d", lambda txn, store: _swap(txn, 2, 4)),
        ins("s", (1,), (2,)),
        bump("s", "id", 1),
        bump("s", "id", -1),
    ]),
    Case("truncate", """
        CREATE TABLE p (id serial PRIMARY KEY);
        CREATE TABLE c (id bigserial PRIMARY KEY, p int REFERENCES p);
        CREATE TABLE g (id int PRIMARY KEY, c int REFERENCES c ON DELETE RESTRICT);
        CREATE TABLE solo (id int GENERATED ALWAYS AS IDENTITY, n int);
        CREATE TABLE selfref (id int PRIMARY KEY, up int REFERENCES selfref);""", [
        raw("INSERT INTO p DEFAULT VALUES", lambda txn, store: _serial(txn, store, "p")),
        trunc("p"),
        trunc("p", "c"),
        trunc("c", "p"),
        trunc("p", "c", "g", restart=True),
        raw("INSERT INTO p DEFAULT VALUES", lambda txn, store: _serial(txn, store, "p")),
        raw("INSERT INTO p DEFAULT VALUES", lambda txn, store: _serial(txn, store, "p")),
        trunc("p", cascade=True),
        trunc("g", "c", cascade=True, restart=True),
        trunc("solo", restart=True),
        trunc("selfref"),
    ], sequences=("p_id_seq", "c_id_seq", "solo_id_seq")),
]


def _swap(txn, key: int, new_id: int) -> list[str]:
    """DELETE the parent row with k = key, then INSERT (new_id, key)."""
    table = QName("public", "p")
    for rid, row in list(txn.scan(table)):
        if row[1] == key:
            txn.delete(table, rid)
    txn.insert(table, (new_id, key))
    return []


def _serial(txn, store, table: str) -> list[str]:
    """INSERT INTO t DEFAULT VALUES for a one-serial-column table."""
    seq = store.session()
    txn.insert(QName("public", table), (seq.nextval(QName("public", f"{table}_id_seq"),
                                                    txn),))
    return []


# ---------------------------------------------------------------- running

def _error_fields(err) -> dict:
    if isinstance(err, SqlError):
        f = err.fields()
        return {k: f.get(k) for k in ("sqlstate", "message", "detail", "hint", "schema",
                                      "table", "column", "constraint")}
    d = err.diag
    return {"sqlstate": err.pgcode, "message": d.message_primary,
            "detail": d.message_detail, "hint": d.message_hint,
            "schema": d.schema_name, "table": d.table_name,
            "column": d.column_name, "constraint": d.constraint_name}


def _pg_rows(cur, catalog) -> dict:
    out = {}
    for table in catalog.tables:
        # format() prints through the type's output function (a ::text cast
        # would strip char(n) padding); NULL stays NULL.
        cols = ", ".join(f"CASE WHEN {_q(c.name)} IS NOT NULL THEN format('%%s', {_q(c.name)}) END"
                         for c in table.columns)
        cur.execute(f"SELECT {cols} FROM {_q(table.name.name)}", ())
        out[table.name.name] = [tuple(r) for r in cur.fetchall()]
    return out


def _store_rows(store: MvccStore, catalog) -> dict:
    txn = store.begin(read_only=True)
    txn.statement_start()
    out = {}
    for table in catalog.tables:
        types = [c.type for c in table.columns]
        out[table.name.name] = [
            tuple(None if v is None else values.format_text(t, v) for t, v in zip(types, row))
            for _, row in txn.scan(table.name)]
    txn.commit()
    return out


def _pg_sequences(cur, names) -> dict:
    out = {}
    for name in names:
        cur.execute(f"SELECT last_value, is_called FROM {_q(name)}")
        out[name] = cur.fetchone()
    return out


def _store_sequences(store, names) -> dict:
    state = store.committed_state().sequences
    return {n: (state[QName("public", n)].last_value, state[QName("public", n)].is_called)
            for n in names}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_store_matches_postgres(case: Case, realpg_conn) -> None:
    conn = realpg_conn
    cur = conn.cursor()
    cur.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;")
    cur.execute(case.ddl)
    catalog = load_schema(case.ddl).catalog
    checks = {QName("public", t): c for t, c in case.checks.items()}
    defaults = {QName("public", t): d for t, d in case.defaults.items()}
    store = MvccStore(CommittedState.empty(catalog, case.ddl), checks=checks,
                      defaults=defaults)
    for number, step in enumerate(case.steps):
        del conn.notices[:]
        try:
            cur.execute(step.sql, step.params)
            expected = None
        except psycopg2.Error as err:
            expected = _error_fields(err)
        pg_notices = [n.strip().removeprefix("NOTICE:").strip() for n in conn.notices]
        txn = store.begin()
        notices: list[str] = []
        try:
            txn.statement_start(writes=step.command)
            notices = step.run(txn, store)
            txn.statement_end()
            txn.commit()
            got = None
        except SqlError as err:
            txn.rollback()
            got = _error_fields(err)
        where = f"step {number}: {step.sql} {step.params}"
        assert got == expected, where
        if expected is None:
            assert notices == pg_notices, where
        assert _store_rows(store, catalog) == _pg_rows(cur, catalog), where
    if case.sequences:
        assert _store_sequences(store, case.sequences) == _pg_sequences(cur, case.sequences)
