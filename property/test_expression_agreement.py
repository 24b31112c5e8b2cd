"""Random well-typed constant expressions: the twin answers as PostgreSQL.

A strategy builds expression *text* together with its SQL type, bottom up
from literals (NULL included) through the operators and functions of the
expression layer — arithmetic with promotion across int4/int8/numeric/
float8, string functions, comparisons, three-valued logic, IN/BETWEEN/
LIKE/CASE/COALESCE/GREATEST, date and interval arithmetic. Each one is run
as `SELECT expr` on real PostgreSQL 15 and on the twin through psycopg2;
the outcomes must be identical: result type OID and value, or SQLSTATE and
message (overflow and division by zero are generated on purpose).
"""

from __future__ import annotations

import datetime

import psycopg2
import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from tests.support.twin import running_twin

pytestmark = pytest.mark.realpg

SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

INT4 = st.integers(-2**31, 2**31 - 1).map(
    lambda v: f"({v})" if v < 0 else str(v))
SMALL = st.integers(-20, 20).map(lambda v: f"({v})" if v < 0 else str(v))
NUMERIC = st.decimals(min_value=-10**6, max_value=10**6, places=3,
                      allow_nan=False).map(lambda d: f"({d})")
FLOAT8 = st.floats(-1e6, 1e6, allow_nan=False).map(lambda f: f"({f!r}::float8)")
TEXT = st.text(alphabet="abcAB %_x", max_size=6).map(
    lambda s: "'" + s.replace("'", "''") + "'")
DATES = st.dates(min_value=datetime.date(1990, 1, 1),
                 max_value=datetime.date(2040, 12, 31)).map(
    lambda d: f"date '{d.isoformat()}'")
INTERVALS = st.tuples(st.integers(-30, 30), st.integers(-48, 48)).map(
    lambda t: f"interval '{t[0]} days {t[1]} hours'")


def nulls(sql_type: str) -> st.SearchStrategy[str]:
    return st.just(f"null::{sql_type}")


def leaves(kind: str) -> st.SearchStrategy[str]:
    base = {"int4": INT4, "int8": INT4.map(lambda v: f"{v}::int8"),
            "numeric": NUMERIC, "float8": FLOAT8, "text": TEXT,
            "bool": st.sampled_from(["true", "false"]), "date": DATES,
            "interval": INTERVALS}[kind]
    return st.one_of(base, base, base, nulls(kind))


@st.composite
def expr(draw, kind: str, depth: int = 3) -> str:
    if depth <= 0 or draw(st.integers(0, 3)) == 0:
        return draw(leaves(kind))
    sub = lambda k: expr(k, depth - 1)  # noqa: E731
    if kind in ("int4", "int8"):
        choice = draw(st.integers(0, 8))
        if choice <= 2:
            op = draw(st.sampled_from(["+", "-", "*", "/", "%"]))
            return f"({draw(sub(kind))} {op} {draw(sub(kind))})"
        if choice == 3:
            return f"abs({draw(sub(kind))})"
        if choice == 4 and kind == "int4":
            return f"length({draw(sub('text'))})"
        if choice == 5:
            return (f"(case when {draw(sub('bool'))} then {draw(sub(kind))} "
                    f"else {draw(sub(kind))} end)")
        if choice == 6:
            return f"coalesce({draw(sub(kind))}, {draw(sub(kind))})"
        if choice == 7 and kind == "int4":
            return f"({draw(sub('date'))} - {draw(sub('date'))})"
        return f"greatest({draw(sub(kind))}, {draw(sub(kind))})"
    if kind == "numeric":
        choice = draw(st.integers(0, 4))
        if choice <= 1:
            op = draw(st.sampled_from(["+", "-", "*", "/"]))
            other = draw(st.sampled_from(["numeric", "int4", "int8"]))
            return f"({draw(sub('numeric'))} {op} {draw(sub(other))})"
        if choice == 2:
            return f"round({draw(sub('numeric'))}, {draw(SMALL)})"
        if choice == 3:
            return f"trunc({draw(sub('numeric'))})"
        return f"nullif({draw(sub('numeric'))}, {draw(sub('numeric'))})"
    if kind == "float8":
        choice = draw(st.integers(0, 2))
        if choice == 0:
            op = draw(st.sampled_from(["+", "-", "*"]))
            other = draw(st.sampled_from(["float8", "int4", "numeric"]))
            return f"({draw(sub('float8'))} {op} {draw(sub(other))})"
        if choice == 1:
            return f"floor({draw(sub('float8'))})"
        return f"round({draw(sub('float8'))})"
    if kind == "text":
        choice = draw(st.integers(0, 6))
        if choice == 0:
            return f"({draw(sub('text'))} || {draw(sub('text'))})"
        if choice == 1:
            return f"{draw(st.sampled_from(['lower', 'upper', 'btrim']))}" \
                   f"({draw(sub('text'))})"
        if choice == 2:
            return f"substr({draw(sub('text'))}, {draw(SMALL)}, " \
                   f"{draw(st.integers(0, 5))})"
        if choice == 3:
            return f"replace({draw(sub('text'))}, {draw(TEXT)}, {draw(TEXT)})"
        if choice == 4:
            return f"concat({draw(sub('text'))}, {draw(sub('int4'))}, " \
                   f"{draw(sub('bool'))})"
        if choice == 5:
            return f"({draw(sub('text'))} || {draw(sub('int4'))})"
        return f"lpad({draw(sub('text'))}, {draw(st.integers(0, 8))}, 'xy')"
    if kind == "bool":
        choice = draw(st.integers(0, 8))
        if choice == 0:
            k = draw(st.sampled_from(["int4", "numeric", "float8", "text",
                                      "date", "interval"]))
            op = draw(st.sampled_from(["=", "<>", "<", ">", "<=", ">="]))
            return f"({draw(sub(k))} {op} {draw(sub(k))})"
        if choice == 1:
            op = draw(st.sampled_from(["and", "or"]))
            return f"({draw(sub('bool'))} {op} {draw(sub('bool'))})"
        if choice == 2:
            return f"(not {draw(sub('bool'))})"
        if choice == 3:
            return f"({draw(sub('int4'))} is {draw(st.sampled_from(['', 'not ']))}null)"
        if choice == 4:
            items = draw(st.lists(sub("int4"), min_size=1, max_size=4))
            neg = draw(st.sampled_from(["", "not "]))
            return f"({draw(sub('int4'))} {neg}in ({', '.join(items)}))"
        if choice == 5:
            return (f"({draw(sub('numeric'))} between {draw(sub('int4'))} and "
                    f"{draw(sub('numeric'))})")
        if choice == 6:
            op = draw(st.sampled_from(["like", "not like", "ilike"]))
            return f"({draw(sub('text'))} {op} {draw(TEXT)})"
        if choice == 7:
            return f"({draw(sub('int4'))} is distinct from {draw(sub('int4'))})"
        test = draw(st.sampled_from(["true", "not true", "false", "unknown"]))
        return f"({draw(sub('bool'))} is {test})"
    if kind == "date":
        op = draw(st.sampled_from(["+", "-"]))
        return f"({draw(sub('date'))} {op} {draw(SMALL)})"
    if kind == "interval":
        choice = draw(st.integers(0, 2))
        if choice == 0:
            op = draw(st.sampled_from(["+", "-"]))
            return f"({draw(sub('interval'))} {op} {draw(sub('interval'))})"
        if choice == 1:
            return f"({draw(sub('interval'))} * {draw(SMALL)})"
        return (f"(timestamp '2024-01-01' + {draw(sub('interval'))} - "
                "timestamp '2023-12-25 06:00')")
    raise AssertionError(kind)


KINDS = ("int4", "int8", "numeric", "float8", "text", "bool", "date",
         "interval")


@pytest.fixture(scope="module")
def twin_conn():
    with running_twin() as server:
        conn = server.connect()
        conn.autocommit = True
        yield conn
        conn.close()


def _outcome(conn, sql: str):
    cur = conn.cursor()
    try:
        cur.execute(sql)
        return ("ok", [d.type_code for d in cur.description],
                repr(cur.fetchall()))
    except psycopg2.Error as exc:
        return ("error", exc.pgcode, exc.pgerror)


@SETTINGS
@given(data=st.data())
def test_constant_expressions_agree(realpg_conn, twin_conn, data):
    kind = data.draw(st.sampled_from(KINDS), label="kind")
    text = data.draw(expr(kind), label="expression")
    sql = f"SELECT {text}"
    note(sql)
    assert _outcome(twin_conn, sql) == _outcome(realpg_conn, sql)
