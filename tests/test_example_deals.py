"""The bundled example, as a user runs it: `examples/deals/extract.py` (and
its buggy twin) under `twinning postgres --run`, and the same extractor
against a real PostgreSQL 15.

The expectations below are worked out from `examples/deals/data/*.csv`, not
copied from a run; the comments give the reasoning. Identity values count
every INSERT attempt, as PostgreSQL's do: nextval runs before a constraint
refuses the row or ON CONFLICT finds the existing one.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.differential.harness import postgres_database
from tests.support.twin import running_twin
from twinning import schemas

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "deals"
SCHEMA = EXAMPLE / "schema.sql"
RULES = EXAMPLE / "rules.verify.json"
TWINNING = [sys.executable, "-m", "twinning.cli"]
TABLES = ("tenants", "properties", "deals", "crm.contacts", "crm.activities")
_databases = itertools.count(1)


def _extractor(name: str) -> str:
    return f"{sys.executable} examples/deals/{name}"


def _run_twin(tmp_path: Path, script: str, *extra: str,
              report: str = "report.json") -> tuple[subprocess.CompletedProcess, dict]:
    """`twinning postgres --run` on the example; the process and its report."""
    report_path = tmp_path / report
    proc = subprocess.run(
        [*TWINNING, "postgres", "--schema", str(SCHEMA), "--verify", str(RULES),
         "--run", _extractor(script), "--report", str(report_path),
         "--snapshot", str(tmp_path / "deals.twin"), *extra],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env=_client_env())
    assert "Traceback" not in proc.stdout
    document = json.loads(report_path.read_text())
    schemas.validator("twinning.v0").validate(document)
    return proc, document


def _client_env(**extra: str) -> dict[str, str]:
    """Our environment without libpq settings a developer may have set."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PG") and k != "DATABASE_URL"}
    env.update(extra)
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _failures(report: dict) -> dict[str, list[dict]]:
    return {r["rule_id"]: r["affected"] for r in report["verify"]["results"]
            if r["status"] == "fail"}


# ------------------------------------------------------------------ twin runs

def test_good_extractor_passes(tmp_path):
    proc, report = _run_twin(tmp_path, "extract.py", "--port", "0")
    assert proc.returncode == 0, proc.stderr
    assert report["outcome"] == "PASS" and report["mode"] == "run_once"
    assert report["run"]["exit_code"] == 0, proc.stderr
    assert report["verify"]["outcome"] == "PASS"
    assert report["verify"]["summary"]["failed_rules"] == 0
    # tenant 2 and deal D-1004 appear twice and contact ann.lee in two
    # spellings: upserts merge them. Refused: deal D-1006 (amount N/A →
    # NULL), D-1008 (negative amount), D-1009 (tenant 9), contact hal (score
    # 101); the blank-email contact is skipped by the extractor.
    assert {t: v["rows"] for t, v in report["tables"].items()} == {
        "crm.activities": 0, "crm.contacts": 8, "public.deals": 7,
        "public.properties": 7, "public.tenants": 4}
    assert report["constraints"] == {
        "not_null_violations": 1, "unique_violations": 0, "fk_violations": 1,
        "check_violations": 2, "data_errors": 0}
    for line in ("refused deal D-1006: 23502 ", "refused deal D-1008: 23514 ",
                 "refused deal D-1009: 23503 ",
                 "refused contact hal@cedarpine.com: 23514 ",
                 "skipped contact of tenant 2: no email"):
        assert line in proc.stderr
    # the read-back summary the extractor prints (its stdout is our stderr)
    assert "loaded: 4 tenants, 7 properties, 7 deals, 8 crm.contacts" in proc.stderr
    assert "won            3    328200.50" in proc.stderr


def test_good_extractor_human_summary(tmp_path):
    proc, report = _run_twin(tmp_path, "extract.py", "--port", "0")
    out = proc.stdout
    lines = out.splitlines()
    assert lines[0] == "twinning postgres run_once passed"
    assert lines[1].startswith(f"run: '{_extractor('extract.py')}' exit 0")
    assert "  public.deals              7 rows" in lines
    assert ("refused writes: 4 — not null 1, foreign key 1, check 2"
            in lines)
    assert ("verify: " + str(RULES) + " PASS — 13 rules, 13 passed, 0 failed"
            in lines)
    assert report["snapshot"]["snapshot_hash"] in out
    assert lines[-1].startswith("next: ")
    assert len(lines) <= 20


def test_buggy_extractor_fails_verify_with_keys(tmp_path):
    proc, report = _run_twin(tmp_path, "extract_buggy.py", "--port", "0")
    assert proc.returncode == 1
    assert report["outcome"] == "FAIL" and report["verify"]["outcome"] == "FAIL"
    assert report["run"]["exit_code"] == 0, proc.stderr  # the child itself is fine
    failures = _failures(report)
    # Passing: all 4 tenants land (the second tenant 2 row is refused); every
    # property has an address; won deals D-1007 has a close date and D-1004
    # stays in its stale first version ("qualified").
    assert set(failures) == {
        "TENANTS_PRIMARY_DEAL_DISTINCT", "TENANTS_PRIMARY_DEAL_OWNED",
        "PROPERTIES_LOADED", "DEALS_LOADED", "DEALS_AMOUNT_TOTAL",
        "DEALS_PROPERTY_NAMED", "DEALS_RATE_IS_FRACTION", "CONTACTS_LOADED",
        "CONTACTS_EMAIL_PRESENT", "CONTACTS_MANAGER_SAME_TENANT"}
    tenants, deals, contacts = "public.tenants", "public.deals", "crm.contacts"

    # BUG 1: "1,200.50", "12,000", "N/A" sq_ft lose properties 1/10, 1/11,
    # 1/12; "1,200.50", "$45,000.00", "N/A" amounts lose D-1001, D-1005,
    # D-1006. With D-1008 (check), D-1009 (fk) and the second D-1004 (BUG 4)
    # refused too, D-1002, D-1003, D-1004 (250000), D-1007, D-1010 remain.
    assert failures["PROPERTIES_LOADED"] == [
        {"binding": "public.properties", "value": 4}]
    assert failures["DEALS_LOADED"] == [{"binding": deals, "value": 5}]
    assert failures["DEALS_AMOUNT_TOTAL"] == [
        {"binding": deals, "field": "amount",
         "value": "1329500.00"}]  # 980000 + 15000 + 250000 + 72000 + 12500
    # BUG 3: "P-11", "P-20", "P-40" read as NULL; D-1007's "30" survives.
    assert failures["DEALS_PROPERTY_NAMED"] == [
        {"binding": deals, "key": {"deal_id": d}, "field": "property_id",
         "value": None} for d in (1002, 1003, 1004, 1010)]
    # BUG 2: "3.9%" → 3.9 (D-1004), "5 %" → 5.0 (D-1007). The rule is an
    # `or`, so the entries carry the key only.
    assert failures["DEALS_RATE_IS_FRACTION"] == [
        {"binding": deals, "key": {"deal_id": d}} for d in (1004, 1007)]
    # BUG 8: D-1002 (980000) is the largest deal; every tenant gets it, and
    # only tenant 1 owns it.
    assert failures["TENANTS_PRIMARY_DEAL_DISTINCT"] == [
        {"binding": tenants, "key": {"tenant_id": t}, "field": "primary_deal",
         "value": 1002} for t in (1, 2, 3, 4)]
    assert failures["TENANTS_PRIMARY_DEAL_OWNED"] == [
        {"binding": tenants, "key": {"tenant_id": t}, "value": [t, 1002]}
        for t in (2, 3, 4)]
    # BUG 5: ANN.LEE@… is a second contact; BUG 6: the blank one lands as ''.
    # 11 rows, each an INSERT attempt; hal (row 8, score 101) is refused:
    # 10 contacts.
    assert failures["CONTACTS_LOADED"] == [{"binding": contacts, "value": 10}]
    assert failures["CONTACTS_EMAIL_PRESENT"] == [
        {"binding": contacts, "key": {"tenant_id": 2, "email": ""},
         "field": "email", "value": ""}]
    # BUG 7: gus (tenant 4) gets the last pat@brokers.example, row 11 of the
    # file (contact_id 11), which belongs to tenant 3.
    assert failures["CONTACTS_MANAGER_SAME_TENANT"] == [
        {"binding": contacts,
         "key": {"tenant_id": 4, "email": "gus@dunmore.co.uk"},
         "value": [4, 11]}]
    assert report["constraints"] == {
        "not_null_violations": 0, "unique_violations": 2, "fk_violations": 1,
        "check_violations": 2, "data_errors": 6}
    for line in ('refused property 1/12: 22P02 invalid input syntax for type '
                 'real: "N/A"',
                 'refused deal D-1005: 22P02 invalid input syntax for type '
                 'numeric: "$45,000.00"',
                 'refused deal D-1004: 23505 duplicate key value violates '
                 'unique constraint "deals_pkey"'):
        assert line in proc.stderr
    # the human summary names the rules and example keys, in one screen
    out = proc.stdout.splitlines()
    assert out[0] == "twinning postgres run_once FAILED"
    assert "  FAIL error CONTACTS_MANAGER_SAME_TENANT: 1 violation" in out
    assert "    crm.contacts tenant_id=4 email=gus@dunmore.co.uk value=(4, 11)" in out
    assert "  FAIL error DEALS_LOADED: public.deals value=5" in out
    assert len(out) <= 40
    assert "CONTACTS_EMAIL_PRESENT" in report["next_step"]


def test_two_runs_write_identical_reports(tmp_path):
    port = _free_port()  # the report names the port: the same for both runs
    reports = []
    for _ in range(2):
        _run_twin(tmp_path, "extract.py", "--port", str(port))
        reports.append((tmp_path / "report.json").read_bytes())
    assert reports[0] == reports[1]


# ------------------------------------------------------------ against PostgreSQL

@contextlib.contextmanager
def _postgres_url(realpg):
    name = f"deals_example_{os.getpid()}_{next(_databases)}"
    with postgres_database(realpg, SCHEMA.read_text(), name) as connect:
        yield f"postgresql://{realpg.user}@{realpg.host}:{realpg.port}/{name}", connect


def _extract(script: str, url: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(EXAMPLE / script)],
                          capture_output=True, text=True, timeout=120,
                          env=_client_env(DATABASE_URL=url))


def _contents(conn) -> dict[str, list[str]]:
    """Every table's rows as COPY text, sorted: order is not content."""
    out = {}
    with conn.cursor() as cur:
        for table in TABLES:
            buf = io.StringIO()
            cur.copy_expert(f"COPY {table} TO STDOUT", buf)
            out[table] = sorted(buf.getvalue().splitlines())
    conn.commit()
    return out


@pytest.mark.realpg
@pytest.mark.parametrize("script", ["extract.py", "extract_buggy.py"])
def test_extractor_same_on_postgres_and_twin(realpg, script):
    """Every value the extractor writes is explicit (external_ref from the
    deal reference, created_at from the export), so no column needs
    excluding: the tables must match row for row, and so must the log."""
    with _postgres_url(realpg) as (url, connect):
        expected = _extract(script, url)
        conn = connect()
        try:
            expected_rows = _contents(conn)
        finally:
            conn.close()
    with running_twin() as twin:
        actual = _extract(script, twin.url)
        conn = twin.connect()
        try:
            actual_rows = _contents(conn)
        finally:
            conn.close()
    assert expected.returncode == 0, expected.stderr
    assert actual.stderr == expected.stderr
    assert actual.stdout == expected.stdout
    assert actual.returncode == 0
    assert actual_rows == expected_rows
    assert len(expected_rows["deals"]) == (7 if script == "extract.py" else 5)
