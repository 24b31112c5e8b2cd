"""Compare a peer suite's run on the twin with its run on PostgreSQL 15.

Usage:
  compare SUITE --postgres=FILE --twin=FILE [--write] [--triage=FILE]
      [--top=N]

Run it as `python -m peers.compare` from the repository's top, with the
JSON files `peers/run.py` wrote for the same suite.

Prints the numbers (the twin's passes among the tests PostgreSQL passes)
and the twin's failures grouped by cause, most frequent first. The cause
of a failure is its SQLSTATE and the server's message when the exception
carries one (psycopg2 errors, SQLAlchemy's DBAPIError), else the error the
twin answered during the test (from the run's --trace), else the exception
type and the first line of its message; a test PostgreSQL passes that the
twin skips is 'skipped on the twin: REASON'.

With the write option, it writes the two checked-in files that
tests/test_peer_suites.py reads:
  peers/expected/SUITE.txt            the expected failures: each test
                                      PostgreSQL passes and the twin does
                                      not, with its cause;
  peers/expected/SUITE.postgres.json  PostgreSQL's run: every test id with
                                      its outcome (those it does not pass
                                      are outside the comparison), counts,
                                      versions and wall time.

Options:
  --postgres=FILE   The run on PostgreSQL.
  --twin=FILE       The run on the twin.
  --write           Write the expected files.
  --triage=FILE     Also write the cause table as Markdown here.
  --top=N           Causes shown with their example and SQL [default: 20].
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

EXPECTED_DIR = Path(__file__).resolve().parent / "expected"
_DRIVER_PREFIX = re.compile(r"^\((?:psycopg2\.errors\.|psycopg2\.)?[\w.]+\)\s*")
_PORT = re.compile(r"port \d+")


def load(path: str | Path) -> dict:
    return json.loads(Path(path).read_text())


def cause_of(entry: dict) -> str:
    """One line naming why a test did not pass on the twin."""
    outcome = entry["outcome"]
    if outcome in ("skipped", "xfailed"):
        return "skipped on the twin: " + _clean(entry.get("message", ""))
    if outcome == "timeout":
        return "timeout: " + _clean(entry.get("message", ""))
    if outcome in ("not-run", "crashed"):
        return outcome
    message = entry.get("pg_message") or _DRIVER_PREFIX.sub(
        "", entry.get("message", ""))
    message = _clean(message.removeprefix("ERROR:").strip())
    if entry.get("sqlstate"):
        return f"{entry['sqlstate']} {message}"
    twin = entry.get("twin_errors") or []
    if twin:
        first = twin[0]
        return (f"{first['sqlstate']} {_clean(first['message'])} "
                f"(then {_short_type(entry)}: {message})")
    return f"{_short_type(entry)}: {message}"


def _short_type(entry: dict) -> str:
    return (entry.get("exc_type") or "error").rsplit(".", 1)[-1]


def _clean(text: str) -> str:
    text = text.removeprefix("teardown: ").strip()
    return _PORT.sub("port N", text)[:200]


def compare(suite: str, pg: dict, twin: dict) -> dict:
    pg_tests, twin_tests = pg["tests"], twin["tests"]
    pg_passed = {k for k, v in pg_tests.items() if v["outcome"] == "passed"}
    excluded = {k: v["outcome"] for k, v in pg_tests.items()
                if v["outcome"] != "passed"}
    both = {k for k in pg_passed if twin_tests.get(k, {}).get("outcome") == "passed"}
    failing: dict[str, str] = {}
    for k in sorted(pg_passed - both):
        entry = twin_tests.get(k)
        if entry is None:
            cause = "not run on the twin" + (
                f" ({twin['session_error']})" if twin.get("session_error") else "")
        else:
            cause = cause_of(entry)
        failing[k] = cause
    only_twin = sorted(k for k, v in twin_tests.items()
                       if v["outcome"] == "passed" and k not in pg_passed)
    return {"suite": suite, "pg_passed": len(pg_passed), "twin_passed": len(both),
            "ratio": len(both) / len(pg_passed) if pg_passed else 0.0,
            "failing": failing, "excluded": excluded,
            "passed_only_on_twin": only_twin}


def group(failing: dict[str, str]) -> list[tuple[str, list[str]]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for test, cause in failing.items():
        groups[cause].append(test)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def example_sql(entry: dict | None) -> str:
    if not entry:
        return ""
    # The statement the twin refused (from the trace) is the one it was
    # sent: SQLAlchemy reports a server-side cursor's query without the
    # DECLARE psycopg2 wraps it in.
    twin = entry.get("twin_errors") or []
    same = [t for t in twin if t["sqlstate"] == entry.get("sqlstate")]
    sql = (same or twin or [{}])[0].get("sql") or entry.get("sql") or ""
    return " ".join(sql.split())


def write_expected(suite: str, pg: dict, twin: dict, result: dict) -> None:
    EXPECTED_DIR.mkdir(exist_ok=True)
    lines = [
        f"# {twin['sdist']} ({suite}) on the twin: the tests PostgreSQL 15 "
        "passes that the twin does not, each with its cause.",
        "# Strict: tests/test_peer_suites.py fails when a listed test passes "
        "(remove its line) and when an unlisted one does not.",
        "# Written by `python -m peers.compare SUITE --postgres … --twin … "
        "--write`; the twin's causes are grouped below, most frequent first.",
        f"# Measured {twin['started']}: the twin passes {result['twin_passed']} "
        f"of the {result['pg_passed']} tests PostgreSQL passes "
        f"({100 * result['ratio']:.1f}%).",
    ]
    for cause, tests in group(result["failing"]):
        lines.append("")
        lines.append(f"# {len(tests)} × {cause}")
        for test in sorted(tests):
            lines.append(f"{test}  # {cause}")
    (EXPECTED_DIR / f"{suite}.txt").write_text("\n".join(lines) + "\n")
    baseline = {
        "format": "twinning.peers.postgres.v1", "suite": suite,
        "sdist": pg["sdist"], "server_version": pg["server_version"],
        "driver": pg["driver"], "started": pg["started"],
        "wall_seconds": pg["wall_seconds"], "counts": pg["counts"],
        "note": "every test id of the suite's run on PostgreSQL 15 with its "
                "outcome; tests it does not pass are outside the comparison",
        "not_passing": {k: {"outcome": v["outcome"],
                            "message": v.get("message", "")}
                        for k, v in pg["tests"].items() if v["outcome"] != "passed"},
        "passed": sorted(k for k, v in pg["tests"].items()
                         if v["outcome"] == "passed"),
    }
    (EXPECTED_DIR / f"{suite}.postgres.json").write_text(
        json.dumps(baseline, indent=1, ensure_ascii=False) + "\n")


def parse_expected(path: Path) -> dict[str, str]:
    """test id → cause, from an expected-failures file."""
    out: dict[str, str] = {}
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        test, sep, cause = line.partition("  # ")
        out[test.strip()] = cause.strip() if sep else ""
    return out


def triage_markdown(result: dict, twin: dict, top: int) -> str:
    rows = ["| # | tests | cause | example test | failing SQL |",
            "|---|---|---|---|---|"]
    for rank, (cause, tests) in enumerate(group(result["failing"]), 1):
        example = sorted(tests)[0]
        sql = example_sql(twin["tests"].get(example)) if rank <= top else ""
        if len(sql) > 300:
            sql = sql[:300] + " …"
        rows.append(f"| {rank} | {len(tests)} | {_md(cause)} | `{example}` | "
                    f"{('`' + _md(sql) + '`') if sql else ''} |")
    return "\n".join(rows) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("`", "'")


def main(argv: list[str] | None = None) -> int:
    from docopt import docopt

    args = docopt(__doc__, argv=argv)
    suite = args["SUITE"]
    pg, twin = load(args["--postgres"]), load(args["--twin"])
    result = compare(suite, pg, twin)
    print(f"{suite}: PostgreSQL {pg['counts']} in {pg['wall_seconds']} s")
    print(f"{suite}: twin       {twin['counts']} in {twin['wall_seconds']} s")
    print(f"{suite}: the twin passes {result['twin_passed']} of the "
          f"{result['pg_passed']} tests PostgreSQL passes "
          f"({100 * result['ratio']:.1f}%); {len(result['excluded'])} tests "
          "PostgreSQL does not pass are outside the comparison")
    if result["passed_only_on_twin"]:
        print(f"{suite}: {len(result['passed_only_on_twin'])} pass on the twin "
              "but not on PostgreSQL: " + ", ".join(result["passed_only_on_twin"][:5]))
    top = int(args["--top"])
    for rank, (cause, tests) in enumerate(group(result["failing"]), 1):
        print(f"{rank:3d}. {len(tests):4d}  {cause}")
        if rank <= top:
            example = sorted(tests)[0]
            print(f"           e.g. {example}")
            sql = example_sql(twin["tests"].get(example))
            if sql:
                print(f"           SQL: {sql[:300]}")
    if args["--write"]:
        write_expected(suite, pg, twin, result)
        print(f"wrote {EXPECTED_DIR / (suite + '.txt')} and "
              f"{EXPECTED_DIR / (suite + '.postgres.json')}")
    if args["--triage"]:
        Path(args["--triage"]).write_text(triage_markdown(result, twin, top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
