"""Verify pushed down to the backend as SQL gives the in-memory evaluator's
`verify.report.v1`, and the report's null rates and foreign-key coverage
read with SQL are the twin's, on data chosen to meet every semantic
decision of `verify_eval` (blank strings in Unicode White_Space, char(n)
padding, NaN, numeric scales, NULLs in keys, code point order of text,
literals converted to the column's type, MATCH SIMPLE).

The same INSERTs run on the in-memory twin and on a fresh backend
database; the twin's committed state is evaluated in memory, the backend
with SQL, and the documents must be equal, content hashes included.
"""

from __future__ import annotations

import json

import psycopg2
import pytest

from twinning import metrics
from twinning.backend import BackendDatabase
from twinning.backend_metrics import fk_coverage, null_rates, row_counts
from twinning.backend_verify import BackendVerify
from twinning.bootstrap import compile_schema
from twinning.server import TwinServer
from twinning.session import Engine
from twinning.state import CommittedState
from twinning.verify_artifact import load_verify_artifact
from twinning.verify_eval import evaluate

pytestmark = pytest.mark.realpg

SCHEMA = """
CREATE TABLE parent (a integer, b text, k bigint PRIMARY KEY,
                     UNIQUE (a, b));
CREATE TABLE item (
    id integer PRIMARY KEY,
    name text,
    code char(4),
    label varchar(10),
    amount numeric(10, 2),
    ratio double precision,
    small real,
    born date,
    span interval,
    flag boolean,
    ref uuid,
    pa integer,
    pb text,
    pk bigint REFERENCES parent (k),
    FOREIGN KEY (pa, pb) REFERENCES parent (a, b)
);
CREATE TABLE bag (x text, y integer);
"""

DATA = [
    "INSERT INTO parent VALUES (1, 'x', 10), (2, 'y', 20), (3, NULL, 30)",
    "INSERT INTO item (id, name, code, label, amount, ratio, small, born, "
    "span, flag, ref, pa, pb, pk) VALUES "
    "(1, 'alpha', 'ab', 'Zed', 1.50, 0.5, 1.5, '2024-01-31', '1 day', true, "
    "'00000000-0000-0000-0000-000000000001', 1, 'x', 10), "
    "(2, '   ', 'ab  ', 'zed', 1.5, 'NaN', 2.5, '2023-12-01', '24 hours', "
    "false, 'ffffffff-0000-0000-0000-000000000000', 2, 'y', 20), "
    "(3, E'\\u3000\\t', NULL, 'apple', NULL, 'NaN', NULL, NULL, '1 mon', "
    "NULL, NULL, 1, NULL, NULL), "
    "(4, '', 'cd', 'Apple', 100.25, -1, 0.25, '2024-02-29', '30 days', true, "
    "'00000000-0000-0000-0000-000000000002', NULL, NULL, 99), "
    "(5, 'ß', 'cd ', 'éclair', 3, 2.5, 4, '2024-03-01', '-1 day', false, "
    "NULL, 5, 'q', 10), "
    "(6, 'Beta', 'ef', NULL, 2.00, NULL, 8, '2020-01-01', NULL, true, "
    "'00000000-0000-0000-0000-000000000001', 2, 'x', 20)",
    "INSERT INTO bag VALUES ('b', 2), ('a', 1), ('b', 2), (NULL, NULL), "
    "('B', 3)",
]
DDL_OFF = ("ALTER TABLE item DROP CONSTRAINT item_pk_fkey",
           "ALTER TABLE item DROP CONSTRAINT item_pa_pb_fkey")


def _rule(rule_id: str, check: dict, severity: str = "error") -> dict:
    return {"id": rule_id, "severity": severity, "portability": "portable",
            "check": check}


RULES = [
    _rule("NN_TEXT", {"op": "not_null", "binding": "item",
                      "columns": ["name", "code", "label", "amount"]}),
    _rule("NN_BAG", {"op": "not_null", "binding": "bag", "columns": ["x"]}),
    _rule("UQ_CODE", {"op": "unique", "binding": "item", "columns": ["code"]}),
    _rule("UQ_AMOUNT", {"op": "unique", "binding": "item",
                        "columns": ["amount"]}),
    _rule("UQ_RATIO_FLAG", {"op": "unique", "binding": "item",
                            "columns": ["ratio", "flag"]}),
    _rule("UQ_SPAN", {"op": "unique", "binding": "item", "columns": ["span"]}),
    _rule("UQ_BAG", {"op": "unique", "binding": "bag", "columns": ["x", "y"]}),
    _rule("FK_K", {"op": "foreign_key", "binding": "item", "columns": ["pk"],
                   "ref_binding": "parent", "ref_columns": ["k"]}),
    _rule("FK_AB", {"op": "foreign_key", "binding": "item",
                    "columns": ["pa", "pb"], "ref_binding": "parent",
                    "ref_columns": ["a", "b"]}),
    _rule("P_ORDER_TEXT", {"op": "predicate", "binding": "item",
                           "expr": {"lt": [{"column": "label"}, "a"]}}),
    _rule("P_EQ_NULL", {"op": "predicate", "binding": "item",
                        "expr": {"eq": [{"column": "ratio"}, None]}}, "warn"),
    _rule("P_NE", {"op": "predicate", "binding": "item",
                   "expr": {"ne": [{"column": "code"}, "ab"]}}),
    _rule("P_RANGE", {"op": "predicate", "binding": "item", "expr": {
        "and": [{"gte": [{"column": "ratio"}, 0]},
                {"lte": [{"column": "small"}, {"column": "ratio"}]}]}}),
    _rule("P_DATE", {"op": "predicate", "binding": "item",
                     "expr": {"gt": [{"column": "born"}, "2024-01-31"]}}),
    _rule("P_SPAN", {"op": "predicate", "binding": "item",
                     "expr": {"gte": [{"column": "span"}, "1 day"]}}),
    _rule("P_IN", {"op": "predicate", "binding": "item",
                   "expr": {"in": [{"column": "code"}, ["ab", None]]}}),
    _rule("P_BLANK", {"op": "predicate", "binding": "item", "expr": {
        "or": [{"is_blank": {"column": "name"}},
               {"not": {"column": "label"}}, {"is_null": {"column": "flag"}},
               {"eq": [{"column": "flag"}, True]}]}}),
    _rule("P_CONST", {"op": "predicate", "binding": "bag",
                      "expr": {"eq": [1, 2]}}),
    _rule("P_AMOUNT", {"op": "predicate", "binding": "item",
                       "expr": {"lt": [{"column": "amount"}, 2.005]}}),
    _rule("RC", {"op": "row_count", "binding": "item", "compare": {"eq": 6}}),
    _rule("RC_BAG", {"op": "row_count", "binding": "bag",
                     "compare": {"gt": 1, "lt": 5}}),
    _rule("SUM_AMOUNT", {"op": "aggregate_compare", "binding": "item",
                         "aggregate": {"sum": "amount"},
                         "compare": {"eq": 108.25}}),
    _rule("SUM_ID", {"op": "aggregate_compare", "binding": "item",
                     "aggregate": {"sum": "id"}, "compare": {"eq": 20}}),
    _rule("AVG_AMOUNT", {"op": "aggregate_compare", "binding": "item",
                         "aggregate": {"avg": "amount"},
                         "compare": {"lt": 1}}),
    _rule("AVG_ID", {"op": "aggregate_compare", "binding": "item",
                     "aggregate": {"avg": "id"}, "compare": {"eq": 3}}),
    _rule("AVG_SMALL", {"op": "aggregate_compare", "binding": "item",
                        "aggregate": {"avg": "small"}, "compare": {"eq": 0}}),
    _rule("SUM_EMPTY", {"op": "aggregate_compare", "binding": "empty_bag",
                        "aggregate": {"sum": "y"}, "compare": {"ne": 0}}),
    _rule("MIN_LABEL", {"op": "aggregate_compare", "binding": "item",
                        "aggregate": {"min": "label"},
                        "compare": {"eq": "x"}}),
    _rule("MAX_NAME", {"op": "aggregate_compare", "binding": "item",
                       "aggregate": {"max": "name"}, "compare": {"eq": "x"}}),
    _rule("MAX_REF", {"op": "aggregate_compare", "binding": "item",
                      "aggregate": {"max": "ref"},
                      "compare": {"eq": "00000000-0000-0000-0000-000000000000"}}),
    _rule("MIN_BORN", {"op": "aggregate_compare", "binding": "item",
                       "aggregate": {"min": "born"},
                       "compare": {"eq": "2020-01-02"}}),
    _rule("MAX_FLAG", {"op": "aggregate_compare", "binding": "item",
                       "aggregate": {"max": "flag"}, "compare": {"eq": False}}),
    _rule("MAX_RATIO", {"op": "aggregate_compare", "binding": "item",
                        "aggregate": {"max": "ratio"}, "compare": {"lt": 3}}),
]

ARTIFACT = {
    "version": "verify.constraint.v1",
    "constraint_set_id": "tests.backend_verify",
    "bindings": [
        {"name": "item", "kind": "relation", "key_fields": ["id"]},
        {"name": "parent", "kind": "relation", "key_fields": ["k"]},
        {"name": "bag", "kind": "relation"},
        {"name": "empty_bag", "kind": "relation"},
    ],
    "rules": RULES,
}


def _apply(host: str, port: int | None, dsn: str | None = None) -> None:
    conn = psycopg2.connect(dsn) if dsn else psycopg2.connect(
        host=host, port=port, user="postgres", dbname="postgres")
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            for sql in DATA:
                cur.execute(sql)
    finally:
        conn.close()


def test_pushed_down_verify_and_metrics_match_the_evaluator(realpg):
    schema = SCHEMA + "CREATE TABLE empty_bag (y integer);\n"
    catalog, _ = compile_schema(schema, "<schema>")
    # the rows break the foreign keys on purpose: loaded without them
    # (the twin and PostgreSQL both refuse them otherwise)
    loose = schema
    for sql in DDL_OFF:
        loose += sql + ";\n"
    catalog_loose, _ = compile_schema(loose, "<schema>")
    engine = Engine(CommittedState.empty(catalog_loose, loose))
    twin = TwinServer(engine, "127.0.0.1", 0)
    twin.start()
    try:
        _apply(twin.host, twin.port)
    finally:
        twin.stop()
    state = engine.committed_state()
    raw = json.dumps(ARTIFACT).encode()
    artifact = load_verify_artifact(raw, "rules.json", catalog_loose)
    expected = evaluate(artifact, state)
    database = BackendDatabase(realpg.url, loose)
    try:
        _apply("", None, database.conninfo)
        with database.connect() as conn:
            got = BackendVerify(conn, artifact, catalog_loose).evaluate()
            # the metrics over the schema's foreign keys, rows as loaded
            assert null_rates(conn, catalog) == metrics.null_rates(
                _with_catalog(state, catalog))
            assert fk_coverage(conn, catalog) == metrics.fk_coverage(
                _with_catalog(state, catalog))
            assert row_counts(conn, catalog) == {
                str(t.name): len(state.rows.get(t.name, ()))
                for t in catalog.tables}
    finally:
        database.drop()
    assert [r["status"] for r in expected["results"]].count("fail") > 10
    for want, have in zip(expected["results"], got["results"]):
        assert have == want, want["rule_id"]
    assert got == expected


def _with_catalog(state, catalog):
    """The loaded rows under the schema's catalog (with its foreign keys)."""
    from dataclasses import replace
    return replace(state, catalog=catalog)

