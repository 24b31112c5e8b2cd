"""The command line: bootstrap mode, artifacts and every SPEC §4 refusal.

Refusals are checked for their code, exit code 2, a schema-valid JSON
envelope with `--json`, and no Python traceback on stderr.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import cbor2
import pytest

from twinning import schemas
from twinning.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "deals" / "schema.sql"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def refusal(capsys, *argv: str) -> dict:
    """Run with --json, expect a valid REFUSAL envelope and exit 2."""
    code, out, _ = run(capsys, *argv, "--json")
    assert code == 2
    envelope = json.loads(out)
    schemas.validator("twinning.v0").validate(envelope)
    assert envelope["outcome"] == "REFUSAL"
    return envelope["refusal"]


def test_bootstrap_json_report_is_schema_valid(capsys, tmp_path):
    report_path = tmp_path / "report.json"
    code, out, _ = run(capsys, "postgres", "--schema", str(EXAMPLE), "--json",
                       "--report", str(report_path))
    assert code == 0
    report = json.loads(out)
    schemas.validator("twinning.v0").validate(report)
    assert report["outcome"] == "READY" and report["mode"] == "bootstrap"
    assert report["schema"]["table_count"] == 5
    assert report["tables"]["public.deals"]["rows"] == 0
    assert report_path.read_text() == out  # the file is the printed document


def test_bootstrap_human_output(capsys):
    code, out, _ = run(capsys, "postgres", "--schema", str(EXAMPLE))
    assert code == 0
    assert out.startswith("twinning postgres bootstrap ready")
    assert "public.deals" in out and "next:" in out


def test_reports_are_byte_identical_across_runs(capsys, tmp_path):
    outputs = []
    for n in range(2):
        run(capsys, "postgres", "--schema", str(EXAMPLE), "--json",
            "--snapshot", str(tmp_path / "s.twin"), "--report",
            str(tmp_path / f"r{n}.json"))
        outputs.append((tmp_path / f"r{n}.json").read_bytes())
    assert outputs[0] == outputs[1]


def test_snapshot_restore_round_trip_keeps_hash(capsys, tmp_path):
    first, second = tmp_path / "a.twin", tmp_path / "b.twin"
    _, out, _ = run(capsys, "postgres", "--schema", str(EXAMPLE), "--json",
                    "--snapshot", str(first))
    written = json.loads(out)["snapshot"]["snapshot_hash"]
    code, out, _ = run(capsys, "postgres", "--restore", str(first), "--json",
                       "--snapshot", str(second))
    assert code == 0
    report = json.loads(out)
    schemas.validator("twinning.v0").validate(report)
    assert report["snapshot"]["restored_from"] == str(first)
    assert report["snapshot"]["snapshot_hash"] == written
    # Same committed state; only the lineage differs between the two files.
    a, b = cbor2.loads(first.read_bytes()), cbor2.loads(second.read_bytes())
    assert a["state"] == b["state"] and a["snapshot_hash"] == b["snapshot_hash"]
    assert b["lineage"] == {"restored_from": written}


def test_snapshot_document_matches_its_schema(capsys, tmp_path):
    path = tmp_path / "s.twin"
    run(capsys, "postgres", "--schema", str(EXAMPLE), "--snapshot", str(path))
    doc = cbor2.loads(path.read_bytes())
    schemas.validator("twinning.snapshot.v0").validate(_jsonable(doc))


def _jsonable(value):
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def test_snapshot_inspect(capsys, tmp_path):
    path = tmp_path / "s.twin"
    run(capsys, "postgres", "--schema", str(EXAMPLE), "--snapshot", str(path))
    code, out, _ = run(capsys, "snapshot", "inspect", str(path), "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["tables"]["public.deals"] == 0
    assert doc["sequences"]["public.invoice_numbers"] == {
        "last_value": 1000, "is_called": False}
    code, out, _ = run(capsys, "snapshot", "inspect", str(path))
    assert code == 0 and doc["snapshot_hash"] in out


def test_explain_prints_catalog_and_fk_graph(capsys):
    code, out, _ = run(capsys, "explain", "--schema", str(EXAMPLE))
    assert code == 0
    assert "constraint deals_pkey PRIMARY KEY (deal_id)" in out
    assert "load order:" in out
    assert "fk cycles: crm.contacts; public.deals <-> public.properties" in out
    code, out, _ = run(capsys, "explain", "--schema", str(EXAMPLE), "--json")
    doc = json.loads(out)
    assert doc["catalog"]["node"] == "Catalog"
    assert doc["fk_graph"]["fk_cycles"] == [
        ["crm.contacts"],  # manager_id references its own table
        ["public.deals", "public.properties", "public.tenants"]]


def test_describe_lists_codes_and_artifacts(capsys):
    code, out, _ = run(capsys, "--describe")
    doc = json.loads(out)
    assert code == 0
    assert "E_SNAPSHOT_VERIFY" in doc["refusal_codes"]
    assert doc["artifacts"]["snapshot"] == "twinning.snapshot.v0"


# ------------------------------------------------------------------ refusals

def test_neither_source(capsys):
    assert refusal(capsys, "postgres")["code"] == "E_BOOTSTRAP_SOURCE_REQUIRED"


def test_both_sources(capsys, tmp_path):
    code = refusal(capsys, "postgres", "--schema", str(EXAMPLE), "--restore",
                   str(tmp_path / "x.twin"))["code"]
    assert code == "E_AMBIGUOUS_BOOTSTRAP_SOURCE"


def test_serve_and_run(capsys):
    code = refusal(capsys, "postgres", "--schema", str(EXAMPLE), "--serve",
                   "--run", "true")["code"]
    assert code == "E_AMBIGUOUS_LIVE_MODE"


@pytest.mark.parametrize("engine", ["mysql", "oracle"])
def test_other_engines(capsys, engine):
    assert refusal(capsys, engine, "--schema", "x.sql")["code"] == \
        "E_ENGINE_UNIMPLEMENTED"


def test_usage_error(capsys):
    assert refusal(capsys, "postgres", "--no-such-flag")["code"] == "E_USAGE"
    assert refusal(capsys, "postgres", "--schema", str(EXAMPLE), "--port",
                   "99999")["code"] == "E_USAGE"


def test_missing_schema_file(capsys, tmp_path):
    r = refusal(capsys, "postgres", "--schema", str(tmp_path / "nope.sql"))
    assert r["code"] == "E_IO_READ" and "nope.sql" in r["message"]


def test_unreadable_schema_file(capsys, tmp_path):
    # A directory cannot be read as a file, even by root.
    assert refusal(capsys, "postgres", "--schema", str(tmp_path))["code"] == \
        "E_IO_READ"


def test_schema_not_utf8(capsys, tmp_path):
    path = tmp_path / "latin1.sql"
    path.write_bytes(b"CREATE TABLE t (a text DEFAULT '\xe9');")
    assert refusal(capsys, "postgres", "--schema", str(path))["code"] == \
        "E_SCHEMA_PARSE"


def test_syntax_error_has_line_and_column(capsys, tmp_path):
    path = tmp_path / "bad.sql"
    path.write_text("CREATE TABLE a (x int);\n\nCREATE TABLE b (x int,, y int);\n")
    r = refusal(capsys, "postgres", "--schema", str(path))
    assert r["code"] == "E_SCHEMA_PARSE"
    assert (r["detail"]["line"], r["detail"]["column"]) == (3, 23)
    assert r["detail"]["sqlstate"] == "42601"
    assert 'syntax error at or near ","' in r["message"]


def test_unsupported_ddl_names_statement_and_line(capsys, tmp_path):
    path = tmp_path / "view.sql"
    path.write_text("CREATE TABLE a (x int);\n"
                    "CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, "
                    "FUNCTION = int4eq);\n")
    r = refusal(capsys, "postgres", "--schema", str(path))
    assert r["code"] == "E_SCHEMA_UNSUPPORTED"
    assert r["detail"]["construct"] == "CREATE OPERATOR"
    assert r["detail"]["line"] == 2


def test_fk_to_missing_table(capsys, tmp_path):
    path = tmp_path / "fk.sql"
    path.write_text("CREATE TABLE c (p int REFERENCES parent (id));\n")
    r = refusal(capsys, "postgres", "--schema", str(path))
    assert r["code"] == "E_SCHEMA_INVALID"
    assert r["detail"]["sqlstate"] == "42P01"
    assert 'relation "parent" does not exist' in r["message"]


def _snapshot(capsys, tmp_path) -> Path:
    path = tmp_path / "s.twin"
    run(capsys, "postgres", "--schema", str(EXAMPLE), "--snapshot", str(path))
    return path


def test_tampered_snapshot(capsys, tmp_path):
    path = _snapshot(capsys, tmp_path)
    doc = cbor2.loads(path.read_bytes())
    doc["state"]["sequences"][0]["last_value"] = 7
    path.write_bytes(cbor2.dumps(doc, canonical=True))
    r = refusal(capsys, "postgres", "--restore", str(path))
    assert r["code"] == "E_SNAPSHOT_VERIFY" and "hash mismatch" in r["message"]


def test_tampered_snapshot_ddl(capsys, tmp_path):
    path = _snapshot(capsys, tmp_path)
    doc = cbor2.loads(path.read_bytes())
    doc["ddl"] = doc["ddl"].replace("amount >= 0", "amount >= 1")
    path.write_bytes(cbor2.dumps(doc, canonical=True))
    r = refusal(capsys, "postgres", "--restore", str(path))
    assert r["code"] == "E_SNAPSHOT_VERIFY" and "catalog" in r["message"]


def test_flipped_byte_in_snapshot(capsys, tmp_path):
    path = _snapshot(capsys, tmp_path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    assert refusal(capsys, "postgres", "--restore", str(path))["code"] == \
        "E_SNAPSHOT_VERIFY"


def test_truncated_snapshot(capsys, tmp_path):
    path = _snapshot(capsys, tmp_path)
    path.write_bytes(path.read_bytes()[:-10])
    r = refusal(capsys, "postgres", "--restore", str(path))
    assert r["code"] == "E_SNAPSHOT_VERIFY"


def test_wrong_version_snapshot(capsys, tmp_path):
    path = _snapshot(capsys, tmp_path)
    doc = cbor2.loads(path.read_bytes())
    doc["version"] = "twinning.snapshot.v9"
    path.write_bytes(cbor2.dumps(doc, canonical=True))
    r = refusal(capsys, "postgres", "--restore", str(path))
    assert r["code"] == "E_SNAPSHOT_VERIFY" and "version" in r["message"]


def test_not_a_snapshot(capsys, tmp_path):
    assert refusal(capsys, "postgres", "--restore", str(EXAMPLE))["code"] == \
        "E_SNAPSHOT_VERIFY"


def test_unwritable_outputs(capsys, tmp_path):
    missing_dir = tmp_path / "no" / "such" / "dir"
    for flag in ("--report", "--snapshot"):
        r = refusal(capsys, "postgres", "--schema", str(EXAMPLE), flag,
                    str(missing_dir / "out"))
        assert r["code"] == "E_IO_WRITE"


def _verify_file(tmp_path, document) -> str:
    path = tmp_path / "rules.verify.json"
    path.write_text(document if isinstance(document, str) else json.dumps(document))
    return str(path)


RULES = {
    "version": "verify.constraint.v1",
    "constraint_set_id": "deals.rules",
    "bindings": [{"name": "public.deals", "kind": "relation",
                  "key_fields": ["deal_id"]}],
    "rules": [{"id": "AMOUNT_PRESENT", "severity": "error",
               "portability": "portable",
               "check": {"op": "not_null", "binding": "public.deals",
                         "columns": ["amount"]}}],
}


def test_verify_artifact_loaded(capsys, tmp_path):
    code, out, _ = run(capsys, "postgres", "--schema", str(EXAMPLE), "--verify",
                       _verify_file(tmp_path, RULES), "--json")
    assert code == 0
    assert json.loads(out)["verify_artifact"]["loaded"] == 1


def _verify_refused(capsys, tmp_path, rules) -> str:
    """The refusal code of `twinning postgres --verify` with RULES."""
    return refusal(capsys, "postgres", "--schema", str(EXAMPLE), "--verify",
                   _verify_file(tmp_path, rules))["code"]


def test_malformed_verify_artifact(capsys, tmp_path):
    for bad in ("{not json", {"version": "verify.constraint.v1"},
                {**RULES, "rules": [{"id": "x"}]}):
        assert _verify_refused(capsys, tmp_path, bad) == "E_VERIFY_ARTIFACT_PARSE"


def test_batch_only_verify_rules(capsys, tmp_path):
    rules = json.loads(json.dumps(RULES))
    rules["rules"][0]["portability"] = "batch_only"
    assert _verify_refused(capsys, tmp_path, rules) == "E_VERIFY_BATCH_ONLY"


def test_verify_binding_to_unknown_table_or_column(capsys, tmp_path):
    rules = json.loads(json.dumps(RULES))
    rules["bindings"][0]["name"] = "public.nope"
    rules["rules"][0]["check"]["binding"] = "public.nope"
    assert _verify_refused(capsys, tmp_path, rules) == "E_VERIFY_BINDING"
    rules = json.loads(json.dumps(RULES))
    rules["rules"][0]["check"]["columns"] = ["no_such_column"]
    assert _verify_refused(capsys, tmp_path, rules) == "E_VERIFY_BINDING"


def test_console_script_refuses_without_traceback(tmp_path):
    """The installed entry point, end to end, for a couple of bad inputs."""
    exe = shutil.which("twinning") or str(Path(sys.executable).parent / "twinning")
    for argv in (["postgres", "--schema", str(tmp_path / "missing.sql")],
                 ["postgres", "--restore", str(EXAMPLE)],
                 ["mysql"]):
        proc = subprocess.run([exe, *argv], capture_output=True, text=True,
                              env={**os.environ, "PYTHONWARNINGS": "ignore"})
        assert proc.returncode == 2
        assert "Traceback" not in proc.stderr
        assert proc.stderr.startswith("twinning: refused (E_")


def test_explain_shows_the_read_plan(capsys):
    """A primary-key point lookup is answered from the index, a join on
    keys is hashed, and both are visible in the plan explain prints."""
    code, out, _ = run(capsys, "explain", "--schema", str(EXAMPLE),
                       "SELECT amount FROM deals WHERE deal_id = 42")
    assert code == 0
    plan = out[out.index("-- query plan"):].splitlines()
    assert plan[1].strip() == ("Index Lookup using deals_pkey on public.deals "
                               "(deal_id)")
    code, out, _ = run(capsys, "explain", "--schema", str(EXAMPLE),
                       "SELECT t.name, count(*) FROM tenants t, deals d "
                       "WHERE d.tenant_id = t.tenant_id AND t.tenant_id = $1 "
                       "GROUP BY t.name")
    plan = [line.strip() for line in
            out[out.index("-- query plan"):].splitlines()[1:]]
    assert plan == ["HashAggregate (1 aggregate(s))",
                    "Hash Inner Join on tenant_id = tenant_id",
                    "Index Lookup using tenants_pkey on public.tenants "
                    "(tenant_id)",
                    "Seq Scan on public.deals"]


def test_a_valid_verify_artifact_is_checked_once(tmp_path):
    """The schema check of a verify artifact is remembered by its bytes:
    a second start with the same file does not import jsonschema, and a
    changed (invalid) file is still refused."""
    path = _verify_file(tmp_path, RULES)
    env = {**os.environ, "TWINNING_CACHE": str(tmp_path / "cache")}
    probe = ("import sys; from twinning.cli import main; "
             "code = main(['postgres', '--schema', sys.argv[1], '--verify', "
             "sys.argv[2], '--json']); "
             "print('jsonschema' in sys.modules, code, file=sys.stderr)")

    def start() -> str:
        done = subprocess.run([sys.executable, "-c", probe, str(EXAMPLE), path],
                              capture_output=True, text=True, env=env)
        return done.stderr.strip().splitlines()[-1]

    assert start() == "True 0"
    assert start() == "False 0"
    bad = {**RULES, "rules": [{"id": "x"}]}
    (tmp_path / "rules.verify.json").write_text(json.dumps(bad))
    assert start().endswith("True 2")
