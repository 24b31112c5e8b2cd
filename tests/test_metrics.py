"""Twin-native metrics: null rates per column and foreign key coverage,
over committed states built directly (`tests.support.verify.state`)."""

from __future__ import annotations

from decimal import Decimal

from tests.support.verify import CATALOG, state
from twinning.metrics import fk_coverage, null_rates
from twinning.passes import load_schema
from twinning.state import CommittedState

FK = "public.property.property_tenant_id_fkey"


def test_null_rates_per_column_in_catalog_order():
    st = state(tenants=[(1, "a", None, True), (2, "b", "NY", True),
                        (3, "c", None, False)])
    rates = null_rates(st)
    assert list(rates) == [str(t.name) for t in CATALOG.tables]
    assert rates["public.tenants"] == {"tenant_id": 0.0, "name": 0.0,
                                       "region": 0.666667, "active": 0.0}


def test_null_rates_of_empty_tables_are_zero():
    rates = null_rates(state())
    assert all(rate == 0.0 for table in rates.values() for rate in table.values())
    assert list(rates["public.loans"])[:3] == ["loan_id", "balance", "rate"]


def test_fk_coverage_counts_nulls_matches_and_orphans():
    st = state(tenants=[(1, "a"), (2, "b")],
               property=[(10, 1), (11, 2), (12, None), (13, 9), (14, 1)])
    assert fk_coverage(st) == {FK: {
        "references": "public.tenants", "columns": ["tenant_id"], "rows": 5,
        "null_keys": 1, "matched": 3, "orphans": 1, "coverage": 0.75}}


def test_fk_coverage_with_nothing_to_check_is_full():
    assert fk_coverage(state())[FK]["coverage"] == 1.0
    st = state(property=[(1, None)])
    assert fk_coverage(st)[FK] == {
        "references": "public.tenants", "columns": ["tenant_id"], "rows": 1,
        "null_keys": 1, "matched": 0, "orphans": 0, "coverage": 1.0}


def test_fk_coverage_composite_keys_match_simple():
    # bigint referencing integer, numeric scales compared by value
    ddl = """CREATE TABLE p (a int, b numeric, PRIMARY KEY (a, b));
             CREATE TABLE m (a bigint, b numeric,
                 FOREIGN KEY (a, b) REFERENCES p);"""
    catalog = load_schema(ddl).catalog
    empty = CommittedState.empty(catalog, ddl)
    rows = dict(empty.rows)
    by = {str(t.name): t.name for t in catalog.tables}
    rows[by["public.p"]] = ((1, Decimal("1.0")),)
    rows[by["public.m"]] = ((1, Decimal("1.00")), (1, None), (None, None),
                            (2, Decimal(1)))
    cov = fk_coverage(CommittedState(catalog, ddl, rows, empty.sequences))
    simple = cov["public.m.m_a_b_fkey"]
    assert (simple["null_keys"], simple["matched"], simple["orphans"]) == (2, 1, 1)
    assert simple["coverage"] == 0.5


def test_metrics_are_stable_across_runs():
    st = state(tenants=[(1, "a", None)], property=[(1, 1), (2, 3), (3, None)])
    assert repr(null_rates(st)) == repr(null_rates(st))
    assert repr(fk_coverage(st)) == repr(fk_coverage(st))
