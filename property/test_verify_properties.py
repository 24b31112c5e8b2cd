"""Embedded verify is a function of committed rows, not of how they got
there: the report (outcome, every count, every localised entry, the
binding hashes) is byte-identical whatever the row insertion order, and so
are the twin-native metrics."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.verify import artifact, state
from twinning.metrics import fk_coverage, null_rates
from twinning.verify_eval import evaluate

LOANS, TENANTS, PROPERTY = "public.loans", "public.tenants", "public.property"

ART = artifact(
    {"id": "NN", "check": {"op": "not_null", "binding": LOANS,
                           "columns": ["balance", "status"]}},
    {"id": "UQ", "severity": "warn",
     "check": {"op": "unique", "binding": LOANS, "columns": ["status"]}},
    {"id": "PR", "check": {"op": "predicate", "binding": LOANS, "expr": {
        "or": [{"gte": [{"column": "balance"}, 0]},
               {"in": [{"column": "status"}, ["void", None]]}]}}},
    {"id": "RC", "check": {"op": "row_count", "binding": LOANS,
                           "compare": {"lte": 12}}},
    {"id": "AG", "check": {"op": "aggregate_compare", "binding": LOANS,
                           "aggregate": {"sum": "balance"},
                           "compare": {"eq": 0, "tolerance": 50}}},
    {"id": "FK", "check": {"op": "foreign_key", "binding": PROPERTY,
                           "columns": ["tenant_id"], "ref_binding": TENANTS,
                           "ref_columns": ["tenant_id"]}})

balances = st.none() | st.decimals(-100, 100, places=2)
statuses = st.none() | st.sampled_from(["open", "void", "", " ", "closed"])
loans = st.lists(st.tuples(st.text("ab", min_size=1, max_size=4), balances,
                           st.none() | st.floats(allow_nan=True), st.none(),
                           statuses),
                 max_size=15, unique_by=lambda r: r[0])
tenants = st.lists(st.integers(1, 6), max_size=6, unique=True).map(
    lambda ids: [(i, f"t{i}") for i in ids])
props = st.lists(st.tuples(st.integers(1, 30), st.none() | st.integers(1, 8)),
                 max_size=12, unique_by=lambda r: r[0])


def _bytes(st_) -> str:
    return json.dumps({"verify": evaluate(ART, st_), "null_rates":
                       null_rates(st_), "fk_coverage": fk_coverage(st_)})


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(loans, tenants, props, st.randoms(use_true_random=False))
def test_report_does_not_depend_on_insertion_order(l, t, p, rnd):
    first = state(loans=l, tenants=t, property=p)
    shuffled = [list(x) for x in (l, t, p)]
    for rows in shuffled:
        rnd.shuffle(rows)
    second = state(loans=shuffled[0], tenants=shuffled[1], property=shuffled[2])
    a, b = _bytes(first), _bytes(second)
    assert a == b
    report = json.loads(a)["verify"]
    failed = [r for r in report["results"] if r["status"] == "fail"]
    assert report["outcome"] == ("FAIL" if failed else "PASS")
    for result in report["results"]:
        assert (result["violation_count"] > 0) == (result["status"] == "fail")
        assert len(result["affected"]) == min(result["violation_count"], 20)


@settings(max_examples=60, deadline=None)
@given(loans)
def test_not_null_count_matches_a_direct_count(l):
    report = evaluate(ART, state(loans=l))
    nn = next(r for r in report["results"] if r["rule_id"] == "NN")
    expected = sum((b is None) + (s is None or not s.strip())
                   for _, b, _, _, s in l)
    assert nn["violation_count"] == expected
