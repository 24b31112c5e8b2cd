"""`--skip-unsupported`: a schema loads without the statements the twin
cannot run, each one listed (stderr and the report's schema.skipped) with
its line, construct and SQLSTATE; without the flag the first one still
stops the load; a statement is skipped whole; a genuine error still stops
it; and the text kept for snapshots loads to the same catalog without the
flag (a Hypothesis property over mixes of supported and refused
statements).
"""

from __future__ import annotations

import json

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from twinning import schemas
from twinning.cli import main
from twinning.passes import load_schema
from twinning.passes.parse import StatementUnsupported
from twinning.errors import SqlError
from twinning.passes.skip_unsupported import MISSING_OBJECT, load_schema_skipping

SCHEMA = """CREATE TABLE a (x int PRIMARY KEY);
CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq);
CREATE TABLE b (p point);
CREATE INDEX b_p ON b (p);
\\i other.sql
ALTER TABLE a ADD COLUMN y int, ADD COLUMN z point;
CREATE TABLE c (id int REFERENCES a (x));
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_skipped_statements_are_listed(capsys, tmp_path):
    path = tmp_path / "schema.sql"
    path.write_text(SCHEMA)
    code, out, err = run(capsys, "postgres", "--schema", str(path),
                         "--skip-unsupported", "--json")
    assert code == 0
    report = json.loads(out)
    schemas.validator("twinning.v0").validate(report)
    skipped = report["schema"]["skipped"]
    assert [(s["line"], s["construct"], s["sqlstate"]) for s in skipped] == [
        (2, "CREATE OPERATOR", "0A000"),
        (3, "type point", "0A000"),
        (4, "a statement needing a skipped one", "42P01"),
        (5, "psql meta-command \\i", "0A000"),
        (6, "type point", "0A000")]
    assert skipped[2]["message"] == 'relation "b" does not exist'
    assert all(s["path"] == str(path) for s in skipped)
    assert err.count("twinning: skipped ") == 5
    assert f"{path}:2:1: CREATE OPERATOR (0A000" in err
    assert sorted(report["tables"]) == ["public.a", "public.c"]
    assert report["tables"]["public.a"]["columns"] == 1  # y went with z


def test_without_the_flag_the_first_refusal_stops(capsys, tmp_path):
    path = tmp_path / "schema.sql"
    path.write_text(SCHEMA)
    code, out, _ = run(capsys, "postgres", "--schema", str(path), "--json")
    assert code == 2
    refusal = json.loads(out)["refusal"]
    assert refusal["code"] == "E_SCHEMA_UNSUPPORTED"
    assert (refusal["detail"]["line"], refusal["detail"]["construct"]) == (
        2, "CREATE OPERATOR")


def test_a_genuine_error_still_stops(capsys, tmp_path):
    path = tmp_path / "schema.sql"
    path.write_text("CREATE TABLE b (p point);\nCREATE TABLE a (x int);\n"
                    "CREATE TABLE a (y int);\n")
    code, out, _ = run(capsys, "postgres", "--schema", str(path),
                       "--skip-unsupported", "--json")
    assert code == 2
    refusal = json.loads(out)["refusal"]
    assert refusal["code"] == "E_SCHEMA_INVALID"
    assert refusal["detail"]["sqlstate"] == "42P07"


def test_human_output_counts_them(capsys, tmp_path):
    path = tmp_path / "schema.sql"
    path.write_text(SCHEMA)
    code, out, _ = run(capsys, "postgres", "--schema", str(path),
                       "--skip-unsupported")
    assert code == 0 and "skipped: 5 statements" in out


def test_snapshot_of_a_skipping_load_restores(capsys, tmp_path):
    path, snap = tmp_path / "schema.sql", tmp_path / "s.twin"
    path.write_text(SCHEMA)
    assert run(capsys, "postgres", "--schema", str(path), "--skip-unsupported",
               "--snapshot", str(snap))[0] == 0
    code, out, _ = run(capsys, "postgres", "--restore", str(snap), "--json")
    assert code == 0
    assert sorted(json.loads(out)["tables"]) == ["public.a", "public.c"]


_POOL = [
    "CREATE TABLE t{i} (id int PRIMARY KEY, v text)",
    "CREATE TABLE u{i} (p point)",
    "CREATE INDEX ON t{i} (v)",
    "CREATE OPERATOR ==={i} (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq)",
    "ALTER TABLE t{i} ADD COLUMN w int, ADD COLUMN q point",
    "ALTER TABLE t{i} ADD COLUMN w{i} int",
    "CREATE SCHEMA s{i} CREATE TABLE k (a int) CREATE TABLE m (b point)",
    "CREATE SCHEMA s{i} CREATE TABLE k (a int)",
    "COMMENT ON TABLE t{i} IS 'x'",
    "CREATE VIEW v{i} AS SELECT id FROM t{i}",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_POOL) - 1), st.integers(0, 2)),
                max_size=12))
def test_kept_text_loads_to_the_same_catalog(picks):
    text = "".join(_POOL[p].format(i=i) + ";\n" for p, i in picks)
    try:
        resolved, skipped, kept = load_schema_skipping(text)
    except SqlError as exc:  # a genuine error (a duplicate name) stops it
        assert exc.sqlstate != "0A000"
        with pytest.raises((SqlError, StatementUnsupported)):
            load_schema(text)  # and stops the load without the flag too
        return
    assert len(kept) == len(text) and kept.count("\n") == text.count("\n")
    assert load_schema(kept).catalog == resolved.catalog
    assert all(s.sqlstate == "0A000" or s.sqlstate in MISSING_OBJECT
               for s in skipped)


def test_a_skip_keeps_the_partitioning_made_before_it():
    """A statement skipped while resolving rebuilds the builder from the
    catalog as of the skip before: a partitioned table made before them
    is still partitioned after, and its partitions attach (pagila: the
    statements on a table of a refused type between them)."""
    text = ("CREATE TABLE p (id int, at date) PARTITION BY RANGE (at);\n"
            "CREATE TABLE shapes (v point);\n"
            "ALTER TABLE shapes ADD COLUMN n int;\n"
            "CREATE TABLE p1 (id int, at date);\n"
            "COMMENT ON TABLE shapes IS 'gone';\n"
            "ALTER TABLE p ATTACH PARTITION p1 FOR VALUES FROM "
            "('2024-01-01') TO ('2024-02-01');\n")
    resolved, skipped, _ = load_schema_skipping(text)
    assert [s.construct for s in skipped] == [
        "type point", "a statement needing a skipped one",
        "a statement needing a skipped one"]
    assert [str(i.child) for i in resolved.catalog.inherits] == ["public.p1"]
