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

from property.templates import filled
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


KINDS = ("int4", "int8", "numeric", "float8", "text", "bool", "date",
         "interval")
_INTEGER = ["({K} {+|-|*|/|%} {K})"] * 3 + [
    "abs({K})", "(case when {bool} then {K} else {K} end)", "coalesce({K}, {K})",
    "greatest({K}, {K})"]
# each kind's expressions, as templates (property/templates.py)
RULES = {
    "int4": [t.replace("K", "int4") for t in _INTEGER]
    + ["length({text})", "({date} - {date})"],
    "int8": [t.replace("K", "int8") for t in _INTEGER],
    "numeric": ["({numeric} {+|-|*|/} {numeric|int4|int8})"] * 2
    + ["round({numeric}, {SMALL})", "trunc({numeric})", "nullif({numeric}, {numeric})"],
    "float8": ["({float8} {+|-|*} {float8|int4|numeric})", "floor({float8})",
               "round({float8})"],
    "text": ["({text} || {text})", "{lower|upper|btrim}({text})",
             "substr({text}, {SMALL}, {0..5})", "replace({text}, {TEXT}, {TEXT})",
             "concat({text}, {int4}, {bool})", "({text} || {int4})",
             "lpad({text}, {0..8}, 'xy')"],
    "bool": [f"({{{k}}} {{=|<>|<|>|<=|>=}} {{{k}}})"
             for k in ("int4", "numeric", "float8", "text", "date", "interval")]
    + ["({bool} {and|or} {bool})", "(not {bool})", "({int4} is {|not }null)",
       "({int4} {|not }in ({int4*}))", "({numeric} between {int4} and {numeric})",
       "({text} {like|not like|ilike} {TEXT})", "({int4} is distinct from {int4})",
       "({bool} is {true|not true|false|unknown})"],
    "date": ["({date} {+|-} {SMALL})"],
    "interval": ["({interval} {+|-} {interval})", "({interval} * {SMALL})",
                 "(timestamp '2024-01-01' + {interval} - timestamp '2023-12-25 06:00')"],
}


@st.composite
def expr(draw, kind: str, depth: int = 3) -> str:
    if depth <= 0 or draw(st.integers(0, 3)) == 0:
        return draw(leaves(kind))
    return draw(filled(RULES[kind], lambda k: expr(k, depth - 1), KINDS,
                       {"SMALL": SMALL, "TEXT": TEXT}))


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
