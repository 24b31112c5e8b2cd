"""Deep nesting ends where PostgreSQL's stack depth limit ends it.

PostgreSQL 15 (max_stack_depth 2048kB) accepts, per kind of nesting, up to
a depth measured and recorded in `passes/stack_depth.py` (and
`JSON_DEPTH` of `twinning/values/json.py`), then answers 54001 "stack
depth limit exceeded" with its HINT about max_stack_depth; nested
parentheses instead meet bison's stack at 10,000 (42601 "memory
exhausted"), as twice PostgreSQL's depth of subselects does. The twin is asked each shape at 0.5, 0.9, 1.1 and 2 times
PostgreSQL's depth and must give PostgreSQL's whole answer (rows, or
SQLSTATE, message and HINT), keep the session usable, and abort a
transaction block as PostgreSQL does.
"""

from __future__ import annotations

import psycopg2
import pytest

from tests.support.twin import running_twin
from twinning.errors import SqlError
from twinning.passes import stack_depth
from twinning.values.json import JSON_DEPTH

# shape → (statement of depth n, the deepest PostgreSQL 15 accepts)
SHAPES = {
    "parentheses": (lambda n: "SELECT " + "(" * n + "1" + ")" * n, 9_993),
    "subselects": (lambda n: "SELECT " + "(SELECT " * n + "1" + ")" * n,
                   stack_depth.SUBSELECT_DEPTH),
    "unions": (lambda n: " UNION ".join(["SELECT 1"] * n),
               stack_depth.SET_OPERATION_DEPTH + 1),
    "function_calls": (lambda n: "SELECT " + "abs(" * n + "1" + ")" * n,
                       stack_depth.EXPRESSION_DEPTH - 1),
    "operator_chain": (lambda n: "SELECT " + "1+" * n + "1",
                       stack_depth.EXPRESSION_DEPTH - 1),
    "jsonb_arrays": (lambda n: "SELECT '" + "[" * n + "]" * n +
                     "'::jsonb IS NOT NULL", JSON_DEPTH),
    "json_objects": (lambda n: "SELECT '" + '{"a":' * n + "1" + "}" * n +
                     "'::json IS NOT NULL", JSON_DEPTH),
}
FACTORS = (0.5, 0.9, 1.1, 2.0)


@pytest.fixture(scope="module")
def twin():
    with running_twin() as handle:
        yield handle


def _answers(conn, sql: str) -> tuple:
    """The statement's answer alone, then inside a block: its answer and
    what the block says next; the session answers afterwards."""
    cur = conn.cursor()
    out = []
    for autocommit in (True, False):
        conn.autocommit = autocommit
        try:
            cur.execute(sql)
            answer: tuple = ("rows", cur.fetchall())
        except psycopg2.Error as exc:
            answer = (exc.pgcode, exc.pgerror, exc.diag.message_hint)
        out.append(answer)
        if not autocommit:
            try:
                cur.execute("SELECT 1")
                out.append("then ok")
            except psycopg2.Error as exc:
                out.append(f"then {exc.pgcode}")
            conn.rollback()
    conn.autocommit = True
    cur.execute("SELECT 42")
    assert cur.fetchone() == (42,)
    return tuple(out)


@pytest.mark.realpg
@pytest.mark.parametrize("shape", list(SHAPES))
def test_depth_answers_as_postgresql(twin, realpg, shape):
    make, deepest = SHAPES[shape]
    pg, tw = realpg.connect(), twin.connect()
    try:
        for factor in FACTORS:
            sql = make(int(deepest * factor))
            expected = _answers(pg, sql)
            assert _answers(tw, sql) == expected, (shape, factor)
            if factor < 1:
                assert expected[0][0] == "rows", (shape, factor)
            elif factor == 2.0 or shape == "parentheses":
                assert expected[0][0] in ("54001", "42601"), (shape, factor)
            else:  # past the stack limit, before bison's (2x subselects)
                code, message, hint = expected[0]
                assert code == "54001", (shape, factor)
                assert message.startswith("ERROR:  stack depth limit "
                                          "exceeded\n")
                assert hint == ('Increase the configuration parameter '
                                '"max_stack_depth" (currently 2048kB), after '
                                "ensuring the platform's stack depth limit "
                                "is adequate.")
    finally:
        pg.close()
        tw.close()


def test_budget_spends_across_kinds():
    """A mix of kinds spends one budget: half the subselects PostgreSQL
    takes, each around half the expression depth, is too deep."""
    stack_depth.reset()
    stack_depth.descend(stack_depth.SUBSELECT)  # the statement's own query
    for _ in range(stack_depth.SUBSELECT_DEPTH // 2):  # query + SubLink
        stack_depth.descend(stack_depth.SUBSELECT)
        stack_depth.descend(stack_depth.EXPRESSION)
    with pytest.raises(SqlError) as err:
        for _ in range(stack_depth.EXPRESSION_DEPTH // 2 + 2):
            stack_depth.descend(stack_depth.EXPRESSION)
    assert err.value.sqlstate == "54001"
    stack_depth.reset()
