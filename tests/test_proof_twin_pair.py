"""`twinning proof twin-pair` on the README example.

Two snapshots, one from the good extractor and one from the buggy one,
replay `examples/deals/queries.sql`. Which queries must differ is not
typed here: real PostgreSQL 15 is loaded by the same two extractors and
answers the same queries, and the proof must report exactly the queries
whose PostgreSQL answers differ (columns, tag, SQLSTATE, or rows as a
multiset), exit 1, and write a schema-valid `twinning.proof.v0`. The same
snapshot against itself exits 0. A statement outside the subset is
`refused` on both sides, never a match (exit 2 when nothing differs).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.differential.harness import postgres_database
from twinning import schemas
from twinning.proof_compare import canonical_groups, order_keys
from twinning.proof_replay import Outcome

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "deals"
QUERIES = EXAMPLE / "queries.sql"
TWINNING = [sys.executable, "-m", "twinning.cli"]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PG") and k != "DATABASE_URL"}
    env.update(TWINNING_WARM="0", **extra)
    return env


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory):
    out = tmp_path_factory.mktemp("proof")
    paths = {}
    for script in ("extract.py", "extract_buggy.py"):
        path = out / f"{script}.twin"
        subprocess.run(
            [*TWINNING, "postgres", "--schema", str(EXAMPLE / "schema.sql"),
             "--port", "0", "--run", f"{sys.executable} examples/deals/{script}",
             "--snapshot", str(path)],
            capture_output=True, text=True, timeout=180, cwd=ROOT, env=_env())
        assert path.exists()
        paths[script] = path
    return out, paths["extract.py"], paths["extract_buggy.py"]


def _proof(left, right, *extra) -> tuple[int, dict]:
    proc = subprocess.run([*TWINNING, "proof", "twin-pair", "--left", str(left),
                           "--right", str(right), "--json", *map(str, extra)],
                          capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env=_env())
    assert proc.stderr == "" or proc.returncode == 2, proc.stderr
    report = json.loads(proc.stdout)
    if "version" in report:
        schemas.validator("twinning.proof.v0").validate(report)
    return proc.returncode, report


def _statements() -> list[str]:
    from twinning.passes.parse import split_statements
    return [sql for _, sql, _ in split_statements(QUERIES.read_text())]


def _pg_answer(conn, sql: str):
    import psycopg2
    with conn.cursor() as cur:
        try:
            cur.execute(sql)
        except psycopg2.Error as exc:
            return ("error", exc.pgcode)
        columns = [(d.name, d.type_code) for d in cur.description or ()]
        rows = sorted(map(repr, cur.fetchall())) if cur.description else None
        return (columns, cur.statusmessage, rows)


@contextlib.contextmanager
def _loaded(realpg, script: str):
    name = f"proof_{script.split('.')[0]}_{os.getpid()}"
    with postgres_database(realpg, (EXAMPLE / "schema.sql").read_text(),
                           name) as connect:
        url = f"postgresql://{realpg.user}@{realpg.host}:{realpg.port}/{name}"
        done = subprocess.run([sys.executable, str(EXAMPLE / script)],
                              capture_output=True, text=True, timeout=120,
                              env=_env(DATABASE_URL=url))
        assert done.returncode == 0, done.stderr
        conn = connect()
        try:
            yield conn
        finally:
            conn.close()


@pytest.mark.realpg
def test_good_against_buggy_reports_exactly_what_postgres_says_differs(
        realpg, snapshots):
    _, good, buggy = snapshots
    statements = _statements()
    with _loaded(realpg, "extract.py") as a, \
            _loaded(realpg, "extract_buggy.py") as b:
        answers = [(_pg_answer(a, sql), _pg_answer(b, sql))
                   for sql in statements]
    expected = {i for i, (x, y) in enumerate(answers, 1) if x != y}
    assert expected and len(expected) < len(statements)  # a real test
    code, report = _proof(good, buggy, "--queries", QUERIES)
    assert code == 1
    assert report["outcome"] == "DIFFER"
    got = {q["index"] for q in report["queries"] if q["verdict"] == "differ"}
    assert got == expected
    assert report["counts"]["match"] == len(statements) - len(expected)
    for entry, (pg, _) in zip(report["queries"], answers):
        if pg[0] == "error":  # SQLSTATE parity with PostgreSQL itself
            assert entry["left"]["sqlstate"] == pg[1]
        else:  # the twin's columns are PostgreSQL's
            assert [(c["name"], c["type_oid"]) for c in
                    entry["left"]["columns"]] == pg[0]
            assert entry["left"]["command_tag"] == pg[1]
    for entry in report["queries"]:
        for diff in entry.get("differences", ()):
            if diff["aspect"] == "rows":
                row = diff["first_differing_row"]
                assert row["left"] != row["right"]


def test_a_snapshot_against_itself_matches(snapshots):
    _, good, _ = snapshots
    code, report = _proof(good, good, "--queries", QUERIES)
    assert code == 0 and report["outcome"] == "MATCH"
    assert report["counts"]["match"] == len(_statements())


def test_human_output_names_each_differing_query(snapshots):
    _, good, buggy = snapshots
    proc = subprocess.run([*TWINNING, "proof", "twin-pair", "--left", str(good),
                           "--right", str(buggy), "--queries", str(QUERIES)],
                          capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env=_env())
    assert proc.returncode == 1
    assert "DIFFER" in proc.stdout
    assert "[differ] #3 (line 6): select count(*) as deals from deals" \
        in proc.stdout


def test_refused_statements_are_never_a_match(snapshots, tmp_path):
    out, good, _ = snapshots
    queries = tmp_path / "q.sql"
    queries.write_text("select 1;\ncreate operator === (leftarg = int, "
                       "rightarg = int, function = int4eq);\n")
    report_path = tmp_path / "proof.json"
    code, report = _proof(good, good, "--queries", queries,
                          "--report", report_path)
    assert code == 2 and report["outcome"] == "INCOMPLETE"
    refused = report["queries"][1]
    assert refused["verdict"] == "refused"
    assert refused["left"]["sqlstate"] == "0A000"
    assert json.loads(report_path.read_text()) == report


def test_trace_replay_keeps_sessions_and_skips_unknown_parameters(
        snapshots, tmp_path):
    _, good, buggy = snapshots
    lines = [
        {"session": 1, "seq": 1, "sql": "begin", "protocol": "simple"},
        {"session": 2, "seq": 2, "sql": "select count(*) from deals",
         "protocol": "extended"},
        {"session": 1, "seq": 3, "sql": "delete from crm.contacts",
         "protocol": "simple"},
        # session 2 does not see session 1's uncommitted delete
        {"session": 2, "seq": 4, "sql": "select count(*) from crm.contacts",
         "protocol": "simple"},
        {"session": 1, "seq": 5, "sql": "select count(*) from crm.contacts",
         "protocol": "simple"},
        {"session": 2, "seq": 6, "sql": "select * from deals where deal_id = $1",
         "protocol": "extended"},
    ]
    trace = tmp_path / "trace.jsonl"
    trace.write_text("".join(json.dumps({"version": "twinning.query-trace.v0",
                                         "stages": {}, "outcome": {}, **r})
                             + "\n" for r in lines))
    code, report = _proof(good, good, "--trace", trace)
    verdicts = [q["verdict"] for q in report["queries"]]
    assert verdicts == ["match"] * 5 + ["not_replayable"]
    assert code == 2
    # one session per traced session: the delete is seen only where it ran
    assert report["queries"][3]["left"]["rows_hash"] != \
        report["queries"][4]["left"]["rows_hash"]
    code, report = _proof(good, buggy, "--trace", trace)
    assert code == 1
    assert [q["session"] for q in report["queries"]] == [1, 2, 1, 2, 1, 2]


def test_usage_needs_one_query_source(snapshots):
    _, good, _ = snapshots
    proc = subprocess.run([*TWINNING, "proof", "twin-pair", "--left", str(good),
                           "--right", str(good)], capture_output=True,
                          text=True, timeout=60, cwd=ROOT, env=_env())
    assert proc.returncode == 2
    assert "refused (E_USAGE)" in proc.stderr and "next: " in proc.stderr


def _outcome(*rows) -> Outcome:
    return Outcome(columns=[("k", 23, -1), ("v", 25, -1)],
                   rows=[tuple(None if x is None else str(x).encode()
                               for x in r) for r in rows],
                   command_tag=f"SELECT {len(rows)}")


def test_peers_compare_as_multisets_and_distinct_keys_in_order():
    keys = order_keys("select k, v from t order by k")
    assert keys == ["k"]
    peers_a = canonical_groups(_outcome((1, "a"), (1, "b"), (2, "c")), keys)
    peers_b = canonical_groups(_outcome((1, "b"), (1, "a"), (2, "c")), keys)
    assert peers_a == peers_b and peers_a[0] == "ordered_with_peers"
    swapped = canonical_groups(_outcome((2, "c"), (1, "a")), keys)
    straight = canonical_groups(_outcome((1, "a"), (2, "c")), keys)
    assert swapped != straight and straight[0] == "ordered"
    none = order_keys("select k, v from t")
    assert none is None
    assert canonical_groups(_outcome((2, "c"), (1, "a")), none) == \
        canonical_groups(_outcome((1, "a"), (2, "c")), none)
    assert order_keys("select k from t order by 2") == [2]
    assert order_keys("select k from t order by k + 1") == []
    assert canonical_groups(_outcome((2, "c"), (1, "a")), [])[0] == \
        "multiset_order_by_unread"
