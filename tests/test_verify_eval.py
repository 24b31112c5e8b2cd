"""The embedded verify evaluator: every portable op on passing and failing
committed state, the report's summary/policy/localisation contract, the
published fixtures adapted to twin relation names, and load-time refusals
for rules that could not run. Every report is validated against the vendored
`verify.report.v1` schema (`tests.support.verify.run`)."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

import pytest

from tests.support.verify import CORPUS, artifact, load, only, run, state
from twinning.errors import Refusal
from twinning.values import Interval
from twinning.verify_eval import AFFECTED_LIMIT

LOANS = "public.loans"
TENANTS = "public.tenants"
PROPERTY = "public.property"

TENANT_ROWS = [(1, "Acme", "NY", True), (2, "Bolt", None, False),
               (3, "Core", "CA", True)]
PROPERTY_ROWS = [(10, 1, "1 Main St", 120.5, 8000),
                 (11, 2, "2 Side St", None, None),
                 (12, None, "3 Back St", 50.0, 8100)]
LOAN_ROWS = [("LN-001", Decimal("100.00"), 0.05, 0, "open"),
             ("LN-002", Decimal("250.50"), 0.07, None, "closed"),
             ("LN-003", Decimal("0.00"), None, None, "open")]


def good() -> object:
    return state(tenants=TENANT_ROWS, property=PROPERTY_ROWS, loans=LOAN_ROWS)


def check(op: str, binding: str = LOANS, **fields) -> dict:
    return {"check": {"op": op, "binding": binding, **fields}}


# ------------------------------------------------------------------ not_null

def test_not_null_passes():
    result = only(run(artifact(check("not_null", columns=["loan_id", "status"])),
                      good()))
    assert result == {"rule_id": "R00", "severity": "error", "status": "pass",
                      "violation_count": 0, "affected": []}


def test_not_null_fails_on_null_empty_and_whitespace_strings():
    st = state(loans=[("LN-1", None, None, None, None),
                      ("LN-2", None, None, None, ""),
                      ("LN-3", None, None, None, " \t"),
                      ("LN-4", None, None, None, "ok")])
    report = run(artifact(check("not_null", columns=["status", "balance"])), st)
    result = only(report)
    assert result["status"] == "fail" and result["violation_count"] == 7
    assert result["affected"][:3] == [
        {"binding": LOANS, "key": {"loan_id": "LN-1"}, "field": "status",
         "value": None},
        {"binding": LOANS, "key": {"loan_id": "LN-1"}, "field": "balance",
         "value": None},
        {"binding": LOANS, "key": {"loan_id": "LN-2"}, "field": "status",
         "value": ""}]
    assert report["outcome"] == "FAIL"


def test_not_null_blank_rule_applies_to_strings_only():
    # A zero, a false and an empty array are values, not missing ones.
    st = state(tenants=[(1, "x", None, False)],
               loans=[("LN-1", Decimal(0), 0.0, None, "s", None, None, ())])
    report = run(artifact(check("not_null", TENANTS, columns=["active"]),
                          check("not_null", columns=["balance", "rate", "tags"])),
                 st)
    assert [r["status"] for r in report["results"]] == ["pass", "pass"]


# ------------------------------------------------------------------ unique

def test_unique_passes_and_ignores_null_tuples():
    st = state(tenants=[(1, "a", None, True), (2, "b", None, True),
                        (3, "c", "NY", True)])
    result = only(run(artifact(check("unique", TENANTS, columns=["region"])), st))
    assert result["status"] == "pass"


def test_unique_reports_every_row_of_each_duplicate_group():
    st = state(tenants=[(1, "a", "NY", True), (2, "b", "CA", True),
                        (3, "c", "NY", True), (4, "d", "CA", True),
                        (5, "e", "TX", True)])
    result = only(run(artifact(check("unique", TENANTS, columns=["region"])), st))
    assert result["violation_count"] == 4
    assert [(e["key"]["tenant_id"], e["field"], e["value"])
            for e in result["affected"]] == [
        (1, "region", "NY"), (2, "region", "CA"), (3, "region", "NY"),
        (4, "region", "CA")]


def test_unique_multi_column_localises_the_tuple():
    st = state(property=[(1, 1, "x"), (2, 1, "x"), (3, 2, "x")])
    result = only(run(artifact(check("unique", PROPERTY,
                                     columns=["tenant_id", "address"])), st))
    assert result["violation_count"] == 2
    assert result["affected"][0] == {"binding": PROPERTY,
                                     "key": {"property_id": 1},
                                     "value": [1, "x"]}


def test_unique_bpchar_ignores_trailing_spaces_and_numbers_compare_by_value():
    st = state(tenants=[(1, "a", "N ", True), (2, "b", "N", True)],
               loans=[("a", Decimal("1.0")), ("b", Decimal("1.00"))])
    report = run(artifact(check("unique", TENANTS, columns=["region"]),
                          check("unique", columns=["balance"])), st)
    assert [r["violation_count"] for r in report["results"]] == [2, 2]


# ------------------------------------------------------------------ predicate

def predicate(expr, binding=LOANS, **kw) -> dict:
    return {**kw, **check("predicate", binding, expr=expr)}


def test_predicate_comparison_passes_and_fails_with_localisation():
    st = state(loans=[("LN-1", Decimal("10.00")), ("LN-2", Decimal("-500.00"))])
    result = only(run(artifact(predicate({"gte": [{"column": "balance"}, 0]})), st))
    assert result["violation_count"] == 1
    # numeric renders as PostgreSQL's text output
    assert result["affected"] == [{"binding": LOANS, "key": {"loan_id": "LN-2"},
                                   "field": "balance", "value": "-500.00"}]
    assert only(run(artifact(predicate({"gt": [{"column": "balance"}, -501]})),
                    st))["status"] == "pass"


@pytest.mark.parametrize("op,literal,failing", [
    ("eq", 100, ["LN-002", "LN-003"]),
    ("ne", 100, ["LN-001"]),
    ("gt", 100.0, ["LN-001", "LN-003"]),
    ("gte", "100.00", ["LN-003"]),
    ("lt", 250.5, ["LN-002"]),
    ("lte", 0, ["LN-001", "LN-002"]),
])
def test_every_comparison_operator(op, literal, failing):
    result = only(run(artifact(predicate({op: [{"column": "balance"}, literal]})),
                      good()))
    assert [e["key"]["loan_id"] for e in result["affected"]] == failing


def test_literal_on_the_left_and_column_to_column():
    st = state(loans=[("a", Decimal("1.5"), 1.5), ("b", Decimal("2"), 1.0)])
    report = run(artifact(
        predicate({"lt": [0, {"column": "balance"}]}, id="LEFT"),
        predicate({"eq": [{"column": "balance"}, {"column": "rate"}]}, id="COLS")),
        st)
    cols, left = report["results"]  # sorted by rule id
    assert left["status"] == "pass"
    assert [e["key"]["loan_id"] for e in cols["affected"]] == ["b"]


def test_null_semantics_two_valued():
    st = state(loans=[("a", None, None, None, None), ("b", None, None, None, "x")])
    report = run(artifact(
        predicate({"eq": [{"column": "status"}, None]}, id="A_EQ_NULL"),
        predicate({"ne": [{"column": "status"}, "x"]}, id="B_NE"),
        predicate({"gt": [{"column": "balance"}, 0]}, id="C_GT_NULL"),
        predicate({"not": {"gt": [{"column": "balance"}, 0]}}, id="D_NOT_GT"),
        predicate({"in": [{"column": "status"}, ["x", None]]}, id="E_IN")), st)
    got = {r["rule_id"]: [e["key"]["loan_id"] for e in r["affected"]]
           for r in report["results"]}
    assert got == {"A_EQ_NULL": ["b"], "B_NE": ["b"], "C_GT_NULL": ["a", "b"],
                   "D_NOT_GT": [], "E_IN": []}


def test_boolean_composition_and_presence_checks():
    st = state(loans=[("a", Decimal(5), None, None, "open"),
                      ("b", Decimal(-1), None, None, "open"),
                      ("c", None, None, None, "  "),
                      ("d", Decimal(1), None, None, "closed")])
    expr = {"or": [{"ne": [{"column": "status"}, "open"]},
                   {"and": [{"not": {"is_null": {"column": "balance"}}},
                            {"gt": [{"column": "balance"}, 0]}]}]}
    report = run(artifact(
        predicate(expr, id="IMPLIES"),
        predicate({"is_blank": {"column": "status"}}, id="BLANK"),
        predicate({"column": "status"}, id="PRESENT"),
        predicate({"is_null": {"column": "balance"}}, id="NULL")), st)
    got = {r["rule_id"]: [e["key"]["loan_id"] for e in r["affected"]]
           for r in report["results"]}
    assert got == {"BLANK": ["a", "b", "d"], "IMPLIES": ["b"],
                   "NULL": ["a", "b", "d"], "PRESENT": ["c"]}
    implies = next(r for r in report["results"] if r["rule_id"] == "IMPLIES")
    # and/or/not localise to the row only
    assert implies["affected"] == [{"binding": LOANS, "key": {"loan_id": "b"}}]


def test_in_membership_and_typed_literals():
    st = state(loans=[
        ("a", None, None, 0, "open", uuid.UUID(int=1), Interval(1, 0, 0)),
        ("b", None, None, 86_400_000_000, "gone", uuid.UUID(int=2),
         Interval(0, 30, 0))])
    report = run(artifact(
        predicate({"in": [{"column": "status"}, ["open", "closed"]]}, id="IN"),
        predicate({"lt": [{"column": "opened_at"}, "2000-01-01 12:00"]},
                  id="TS"),
        predicate({"eq": [{"column": "external_ref"},
                          "00000000-0000-0000-0000-000000000001"]}, id="UUID"),
        predicate({"eq": [{"column": "term"}, "1 mon"]}, id="INTERVAL")), st)
    got = {r["rule_id"]: r["affected"] for r in report["results"]}
    assert got["IN"] == [{"binding": LOANS, "key": {"loan_id": "b"},
                          "field": "status", "value": "gone"}]
    assert got["TS"] == [{"binding": LOANS, "key": {"loan_id": "b"},
                          "field": "opened_at", "value": "2000-01-02 00:00:00"}]
    assert got["UUID"][0]["value"] == "00000000-0000-0000-0000-000000000002"
    assert got["INTERVAL"] == []  # '30 days' = '1 mon', as in PostgreSQL


def test_float_nan_is_greatest_and_equal_to_itself():
    st = state(loans=[("a", None, float("nan")), ("b", None, 1.0)])
    report = run(artifact(
        predicate({"gt": [{"column": "rate"}, 1e300]}, id="GT"),
        predicate({"eq": [{"column": "rate"}, "NaN"]}, id="EQ")), st)
    got = {r["rule_id"]: r["affected"] for r in report["results"]}
    assert [e["key"]["loan_id"] for e in got["GT"]] == ["b"]
    assert [e["key"]["loan_id"] for e in got["EQ"]] == ["b"]


def test_two_literals_are_a_constant():
    report = run(artifact(predicate({"eq": [1, 1.0]}, id="T"),
                          predicate({"lt": ["b", "a"]}, id="F")), good())
    assert [r["violation_count"] for r in report["results"]] == [3, 0]


# ------------------------------------------------------------------ row_count

@pytest.mark.parametrize("compare,passes", [
    ({"eq": 3}, True), ({"eq": 4}, False), ({"eq": 4, "tolerance": 1}, True),
    ({"ne": 3}, False), ({"gt": 2}, True), ({"gte": 4}, False),
    ({"lt": 4, "gte": 3}, True), ({"lte": 2}, False), ({"gt": "2"}, True),
])
def test_row_count(compare, passes):
    result = only(run(artifact(check("row_count", compare=compare)), good()))
    assert (result["status"] == "pass") is passes
    if not passes:
        assert result["affected"] == [{"binding": LOANS, "value": 3}]


# ------------------------------------------------------------------ aggregates

@pytest.mark.parametrize("aggregate,compare,observed", [
    ({"sum": "balance"}, {"eq": 350.5}, None),
    ({"sum": "balance"}, {"eq": 350.49}, "350.50"),
    ({"sum": "balance"}, {"eq": 350.49, "tolerance": 0.01}, None),
    ({"avg": "balance"}, {"gt": 116.83, "lt": 116.84}, None),
    ({"avg": "balance"}, {"eq": 116.8333}, "116.8333333333333333"),
    ({"min": "balance"}, {"eq": 0}, None),
    ({"max": "balance"}, {"lt": "250.50"}, "250.50"),
    ({"sum": "rate"}, {"eq": 0.12, "tolerance": 1e-9}, None),
    ({"max": "status"}, {"eq": "open"}, None),
    ({"min": "opened_at"}, {"gte": "2000-01-02"}, "2000-01-01 00:00:00"),
])
def test_aggregate_compare(aggregate, compare, observed):
    result = only(run(artifact(check("aggregate_compare", aggregate=aggregate,
                                     compare=compare)), good()))
    if observed is None:
        assert result["status"] == "pass", result
    else:
        (column,) = aggregate.values()
        assert result["affected"] == [{"binding": LOANS, "field": column,
                                       "value": observed}]


def test_aggregates_over_no_values():
    report = run(artifact(
        {**check("aggregate_compare", aggregate={"sum": "balance"},
                 compare={"eq": 0}), "id": "SUM"},
        {**check("aggregate_compare", aggregate={"avg": "balance"},
                 compare={"gte": 0}), "id": "AVG"},
        {**check("aggregate_compare", aggregate={"max": "balance"},
                 compare={"eq": None}), "id": "MAX"}), state())
    got = {r["rule_id"]: r for r in report["results"]}
    assert got["SUM"]["status"] == "pass" and got["MAX"]["status"] == "pass"
    assert got["AVG"]["affected"] == [{"binding": LOANS, "field": "balance",
                                       "value": None}]


def test_sum_is_exact_decimal():
    rows = [(f"L{i}", Decimal("0.10")) for i in range(10)]
    result = only(run(artifact(check("aggregate_compare",
                                     aggregate={"sum": "balance"},
                                     compare={"eq": "1.00"})), state(loans=rows)))
    assert result["status"] == "pass"


# ------------------------------------------------------------------ foreign_key

def fk(**kw) -> dict:
    return {**kw, **check("foreign_key", PROPERTY, columns=["tenant_id"],
                          ref_binding=TENANTS, ref_columns=["tenant_id"])}


def test_foreign_key_passes_with_null_keys_skipped():
    assert only(run(artifact(fk()), good()))["status"] == "pass"


def test_foreign_key_reports_orphans():
    st = state(tenants=TENANT_ROWS,
               property=PROPERTY_ROWS + [(13, 9, "x"), (14, 7, "y")])
    result = only(run(artifact(fk()), st))
    assert result["violation_count"] == 2
    assert result["affected"] == [
        {"binding": PROPERTY, "key": {"property_id": 13}, "field": "tenant_id",
         "value": 9},
        {"binding": PROPERTY, "key": {"property_id": 14}, "field": "tenant_id",
         "value": 7}]


def test_multi_column_foreign_key():
    st = state(tenants=TENANT_ROWS,
               property=[(1, 1, "Acme"), (2, 2, "Nope"), (3, None, "Acme")])
    rule = check("foreign_key", PROPERTY, columns=["tenant_id", "address"],
                 ref_binding=TENANTS, ref_columns=["tenant_id", "name"])
    result = only(run(artifact(rule), st))
    assert result["affected"] == [{"binding": PROPERTY, "key": {"property_id": 2},
                                   "value": [2, "Nope"]}]


# ------------------------------------------------------------------ the report

def test_report_envelope_and_binding_identity():
    report = run(artifact(fk(), check("row_count", compare={"gte": 1})), good())
    assert list(report) == ["tool", "version", "execution_mode", "outcome",
                            "constraint_set_id", "constraint_hash", "bindings",
                            "summary", "policy_signals", "results", "refusal"]
    assert report["execution_mode"] == "embedded" and report["refusal"] is None
    assert list(report["bindings"]) == [LOANS, PROPERTY, TENANTS]
    tenants = report["bindings"][TENANTS]
    assert tenants["source"] == "public.tenants"
    assert tenants["content_hash"].startswith("sha256:")
    assert tenants["input_verification"] is None
    other = run(artifact(fk(), check("row_count", compare={"gte": 1})),
                state(tenants=TENANT_ROWS[:2], property=PROPERTY_ROWS,
                      loans=LOAN_ROWS))
    assert other["bindings"][TENANTS]["content_hash"] != tenants["content_hash"]
    assert other["bindings"][PROPERTY] == report["bindings"][PROPERTY]


def test_summary_severity_band_and_outcome():
    passing = check("row_count", compare={"gte": 1})
    failing = check("row_count", compare={"eq": 0})
    clean = run(artifact({**passing, "severity": "warn"}, passing), good())
    assert clean["outcome"] == "PASS"
    assert clean["policy_signals"] == {"severity_band": "CLEAN"}
    assert clean["summary"] == {"total_rules": 2, "passed_rules": 2,
                                "failed_rules": 0,
                                "by_severity": {"error": 0, "warn": 0}}
    warn = run(artifact({**failing, "severity": "warn"}, passing), good())
    # verify: FAIL means one or more failed rules, whatever the severity
    assert warn["outcome"] == "FAIL"
    assert warn["policy_signals"] == {"severity_band": "WARN_ONLY"}
    assert warn["summary"]["by_severity"] == {"error": 0, "warn": 1}
    error = run(artifact({**failing, "severity": "warn"}, failing), good())
    assert error["policy_signals"] == {"severity_band": "ERROR_PRESENT"}
    assert error["summary"] == {"total_rules": 2, "passed_rules": 0,
                                "failed_rules": 2,
                                "by_severity": {"error": 1, "warn": 1}}


def test_results_sorted_by_rule_id():
    report = run(artifact({**check("row_count", compare={"gte": 0}), "id": "Z"},
                          {**check("row_count", compare={"gte": 0}), "id": "A"}),
                 good())
    assert [r["rule_id"] for r in report["results"]] == ["A", "Z"]


def test_affected_is_bounded_but_counted_in_key_order():
    rows = [(f"L{i:03d}", None) for i in range(57, 0, -1)]
    result = only(run(artifact(check("not_null", columns=["balance"])),
                      state(loans=rows)))
    assert result["violation_count"] == 57
    assert len(result["affected"]) == AFFECTED_LIMIT
    assert [e["key"]["loan_id"] for e in result["affected"]] == \
        [f"L{i:03d}" for i in range(1, AFFECTED_LIMIT + 1)]


def test_binding_without_key_fields_omits_key():
    bindings = [{"name": LOANS, "kind": "relation"}]
    result = only(run(artifact(check("not_null", columns=["balance"]),
                               bindings=bindings), state(loans=[("a",)])))
    assert result["affected"] == [{"binding": LOANS, "field": "balance",
                                   "value": None}]


def test_values_render_as_postgres_text():
    st = state(loans=[("a", Decimal("1.50"), float("inf"), 0, "s",
                       uuid.UUID(int=255), Interval(0, 1, 0), ("x", None),
                       '{"k": 1}')])
    cols = ["balance", "rate", "opened_at", "external_ref", "term", "tags",
            "attributes"]
    result = only(run(artifact(predicate(
        {"and": [{"is_null": {"column": c}} for c in cols]})), st))
    assert result["violation_count"] == 1
    bindings = [{"name": LOANS, "kind": "relation", "key_fields": cols}]
    result = only(run(artifact(predicate({"is_null": {"column": "balance"}}),
                               bindings=bindings), st))
    assert result["affected"][0]["key"] == {
        "balance": "1.50", "rate": "Infinity",
        "opened_at": "2000-01-01 00:00:00",
        "external_ref": "00000000-0000-0000-0000-0000000000ff",
        "term": "1 day", "tags": "{x,NULL}", "attributes": '{"k": 1}'}


def test_reports_are_deterministic():
    art = artifact(fk(), check("not_null", columns=["balance"]),
                   check("unique", TENANTS, columns=["region"]))
    a = json.dumps(run(art, good()))
    b = json.dumps(run(artifact(fk(), check("not_null", columns=["balance"]),
                                check("unique", TENANTS, columns=["region"])),
                       good()))
    assert a == b


# ------------------------------------------------------------------ fixtures

def fixture(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def test_published_not_null_fixture():
    art = load(fixture("not_null_loans.verify.json"))
    st = state(loans=[("LN-001", Decimal(1)), ("", Decimal(2))])
    report = run(art, st)
    assert report["constraint_set_id"] == "fixtures.arity1.not_null_loans"
    assert report["constraint_hash"] == art.hash
    # the published arity1_not_null.fail.json reports the blank id the same way
    assert report["results"] == [{
        "rule_id": "INPUT_LOAN_ID_PRESENT", "severity": "error",
        "status": "fail", "violation_count": 1,
        "affected": [{"binding": LOANS, "key": {"loan_id": ""},
                      "field": "loan_id", "value": ""}]}]
    assert report["summary"]["by_severity"] == {"error": 1, "warn": 0}
    assert report["policy_signals"]["severity_band"] == "ERROR_PRESENT"


def test_published_foreign_key_fixture():
    art = load(fixture("foreign_key_property_tenants.verify.json"))
    assert run(art, good())["outcome"] == "PASS"
    st = state(tenants=TENANT_ROWS, property=PROPERTY_ROWS + [(99, 42)])
    result = only(run(art, st))
    assert result["affected"] == [{"binding": PROPERTY, "key": {"property_id": 99},
                                   "field": "tenant_id", "value": 42}]


def test_published_batch_only_fixture_is_refused():
    with pytest.raises(Refusal) as exc:
        load(fixture("orphan_rows.verify.json"))
    assert exc.value.code == "E_VERIFY_BATCH_ONLY"


# ------------------------------------------------------------------ refusals

@pytest.mark.parametrize("rule", [
    predicate({"gt": [{"column": "balance"}, "abc"]}),
    predicate({"eq": [{"column": "balance"}, True]}),
    predicate({"eq": [{"column": "status"}, 1]}),
    predicate({"lt": [{"column": "opened_at"}, "not a time"]}),
    predicate({"eq": [{"column": "status"}, {"column": "balance"}]}),
    predicate({"gt": [{"column": "attributes"}, "{}"]}),
    predicate({"lt": [{"column": "tags"}, "{a}"]}),
    predicate({"in": [{"column": "balance"}, [1, "x"]]}),
    predicate({"lt": [1, "a"]}),
    check("row_count", compare={"eq": "many"}),
    check("aggregate_compare", aggregate={"sum": "status"}, compare={"eq": 1}),
    check("aggregate_compare", aggregate={"max": "attributes"},
          compare={"eq": "{}"}),
    check("foreign_key", PROPERTY, columns=["tenant_id", "address"],
          ref_binding=TENANTS, ref_columns=["tenant_id"]),
    check("foreign_key", PROPERTY, columns=["address"], ref_binding=TENANTS,
          ref_columns=["tenant_id"]),
])
def test_rules_that_cannot_run_are_refused_at_load(rule):
    with pytest.raises(Refusal) as exc:
        artifact(rule)
    assert exc.value.code == "E_VERIFY_ARTIFACT_PARSE"
    assert "rule R00" in exc.value.message


def test_repeated_rule_ids_and_bindings_are_refused():
    rule = check("row_count", compare={"gte": 0})
    with pytest.raises(Refusal) as exc:
        artifact({**rule, "id": "X"}, {**rule, "id": "X"})
    assert exc.value.code == "E_VERIFY_ARTIFACT_PARSE"
    binding = {"name": LOANS, "kind": "relation"}
    with pytest.raises(Refusal) as exc:
        artifact(rule, bindings=[binding, binding])
    assert exc.value.code == "E_VERIFY_ARTIFACT_PARSE"


# ------------------------------------------------------------------ CLI

ALL_OPS = [
    {"id": "A_NOT_NULL", **check("not_null", columns=["balance"])},
    {"id": "B_UNIQUE", "severity": "warn",
     **check("unique", TENANTS, columns=["region"])},
    predicate({"gte": [{"column": "balance"}, 0]}, id="C_PREDICATE"),
    {"id": "D_ROW_COUNT", **check("row_count", compare={"gte": 1})},
    {"id": "E_AGGREGATE", **check("aggregate_compare",
                                  aggregate={"sum": "balance"},
                                  compare={"lte": 1000})},
    {"id": "F_FOREIGN_KEY", **fk()},
]


def _cli(capsys, tmp_path, st, rules, *extra: str) -> tuple[int, str, dict]:
    from twinning import schemas, snapshot
    from twinning.cli import main

    snap = tmp_path / "state.twin"
    snap.write_bytes(snapshot.encode(st)[0])
    art = artifact(*rules)
    path = tmp_path / "rules.verify.json"
    path.write_text(json.dumps(art.document))
    report_path = tmp_path / "report.json"
    code = main(["postgres", "--restore", str(snap), "--verify", str(path),
                 "--report", str(report_path), *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    report = json.loads(report_path.read_text())
    schemas.validator("twinning.v0").validate(report)
    schemas.validator("verify.report.v1").validate(report["verify"])
    return code, out, report


def test_cli_restore_with_passing_verify_exits_0(capsys, tmp_path):
    code, out, report = _cli(capsys, tmp_path, good(), ALL_OPS, "--json")
    assert code == 0 and report["outcome"] == "PASS"
    assert json.loads(out) == report
    assert report["verify"]["summary"]["passed_rules"] == 6
    assert report["null_rates"]["public.property"]["tenant_id"] == 0.333333
    assert report["fk_coverage"]["public.property.property_tenant_id_fkey"][
        "matched"] == 2


def test_cli_restore_with_failing_verify_exits_1_localised(capsys, tmp_path):
    st = state(tenants=TENANT_ROWS + [(4, "Dup", "NY", True)],
               property=PROPERTY_ROWS + [(13, 77)],
               loans=LOAN_ROWS + [("LN-004", None), ("LN-005", Decimal("-2.50"))])
    code, out, report = _cli(capsys, tmp_path, st, ALL_OPS, "--json")
    assert code == 1 and report["outcome"] == "FAIL"
    verify = report["verify"]
    assert verify["policy_signals"]["severity_band"] == "ERROR_PRESENT"
    failing = {r["rule_id"]: r["affected"] for r in verify["results"]
               if r["status"] == "fail"}
    assert failing == {
        "A_NOT_NULL": [{"binding": LOANS, "key": {"loan_id": "LN-004"},
                        "field": "balance", "value": None}],
        "B_UNIQUE": [{"binding": TENANTS, "key": {"tenant_id": 1},
                      "field": "region", "value": "NY"},
                     {"binding": TENANTS, "key": {"tenant_id": 4},
                      "field": "region", "value": "NY"}],
        # an ordering comparison with NULL does not hold: LN-004 fails too
        "C_PREDICATE": [{"binding": LOANS, "key": {"loan_id": "LN-004"},
                         "field": "balance", "value": None},
                        {"binding": LOANS, "key": {"loan_id": "LN-005"},
                         "field": "balance", "value": "-2.50"}],
        "F_FOREIGN_KEY": [{"binding": PROPERTY, "key": {"property_id": 13},
                           "field": "tenant_id", "value": 77}]}
    assert "A_NOT_NULL" in report["next_step"]
    assert report["fk_coverage"]["public.property.property_tenant_id_fkey"][
        "orphans"] == 1


def test_cli_human_summary(capsys, tmp_path):
    rows = LOAN_ROWS + [(f"N{i}", None) for i in range(5)]
    code, out, report = _cli(capsys, tmp_path, state(loans=rows), ALL_OPS[:1])
    assert code == 1
    assert "verify: " in out and "FAIL" in out
    assert "  FAIL error A_NOT_NULL: 5 violations" in out
    assert "    public.loans loan_id=N0 balance=NULL" in out
    assert "    … 2 more" in out
    assert report["snapshot"]["snapshot_hash"] in out
    assert out.rstrip().splitlines()[-1].startswith("next: Fix the extractor")
    assert len(out.splitlines()) < 25


def test_cli_reports_are_byte_identical(capsys, tmp_path):
    outputs = []
    for n in range(2):
        sub = tmp_path / str(n)
        sub.mkdir()
        _, out, _ = _cli(capsys, sub, good(), ALL_OPS, "--json")
        outputs.append(out.replace(str(sub), "DIR"))
    assert outputs[0] == outputs[1]
