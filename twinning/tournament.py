"""`twinning tournament`: many candidate extractors, each against its own
fork of one base, compared (issue 16, SPEC §1's second use).

One twin process. Every candidate's database is forked from `postgres`
(the --schema/--restore state) before any candidate starts, so each sees
exactly the base; then the candidates run through the shell, up to
--jobs at a time, each with PGHOST/PGPORT/PGUSER/PGDATABASE/DATABASE_URL
pointing at its own database (its output goes to our stderr). When all
have ended (or --run-timeout killed them), the server stops and each
fork's committed state is judged: exit code, timed out, verify outcome
and failing rules (--verify), refused writes by SQLSTATE, rows per table,
snapshot hash. Candidates whose committed states are byte-identical (the
same snapshot hash) are grouped.

The ranking: verify passed (or, without --verify, exit 0 and not timed
out) first, then fewer failing rules, fewer refused writes, exit 0, then
the name. The `twinning.tournament.v0` JSON (schemas/) holds no port and,
under --clock, no wall times, so the same candidates with --clock/--seed
give the same JSON twice. Exit 0 when at least one candidate passes.
"""

from __future__ import annotations

import concurrent.futures
import os
import re
import subprocess
import sys
import time
from typing import Any

from twinning.errors import Refusal

VERSION = "twinning.tournament.v0"
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}\Z")


def parse_candidates(specs: list[str]) -> list[tuple[str, str]]:
    """NAME=CMD pairs; the names become database names."""
    out: list[tuple[str, str]] = []
    for spec in specs:
        name, sep, command = spec.partition("=")
        if not sep or not command.strip() or not _NAME.match(name):
            raise Refusal("E_USAGE", f"--candidate must be NAME=CMD with NAME "
                          f"a lower-case identifier, not {spec!r}",
                          {"candidate": spec}, "twinning tournament --schema "
                          "schema.sql --candidate a='python a.py' "
                          "--candidate b='python b.py'")
        if name in ("postgres", "template0", "template1") or \
                name in (n for n, _ in out):
            raise Refusal("E_USAGE", f"candidate name {name!r} is taken",
                          {"candidate": name}, "give each candidate its own name")
        out.append((name, command))
    return out


def _jobs(value: str | None, count: int) -> int:
    if value is None:
        return max(1, min(count, os.cpu_count() or 1))
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise Refusal("E_USAGE", f"--jobs must be a positive integer, not "
                      f"{value!r}", {"jobs": value}, "twinning tournament … "
                      "--jobs 4")
    return jobs


def _environment(host: str, port: int, database: str,
                 password: str | None) -> dict[str, str]:
    from twinning.live import child_environment
    env = child_environment(host, port, password)
    env["PGDATABASE"] = database
    env["DATABASE_URL"] = env["DATABASE_URL"].rsplit("/", 1)[0] + "/" + database
    return env


def _run(command: str, env: dict[str, str], timeout: float | None) -> dict:
    started = time.monotonic()
    child = subprocess.Popen(command, shell=True, start_new_session=True,
                             env=env, stdin=subprocess.DEVNULL,
                             stdout=sys.stderr.fileno())
    timed_out = False
    try:
        child.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        from twinning.live import _stop_group
        _stop_group(child)
    code = child.returncode
    return {"exit_code": code if code is not None and code >= 0 else None,
            "timed_out": timed_out,
            "wall_seconds": round(time.monotonic() - started, 3)}


def tournament(args: dict[str, Any]) -> int:
    from twinning import commands
    from twinning.databases import Databases
    from twinning.server import TwinServer
    from twinning.session import Engine

    candidates = parse_candidates(args["--candidate"])
    source = commands._source(args, "tournament")
    state = source.state
    verify_doc = commands._verify_doc(args, state.catalog)
    determinism = commands._determinism(args)
    jobs = _jobs(args["--jobs"], len(candidates))
    timeout = commands._run_timeout(args["--run-timeout"])
    password = args.get("--password") or os.environ.get("TWINNING_PASSWORD")
    engine = Engine(state, password=password or None)
    databases = Databases.of(engine)
    for name, _ in candidates:  # every fork of the untouched base
        databases.create(name, "postgres")
    host = args["--host"]
    exposed = commands._exposure(args)
    server = TwinServer(engine, host, 0)  # a free port: candidates are told
    port = server.start()
    try:
        with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
            runs = list(pool.map(lambda c: _run(c[1], _environment(
                host, port, c[0], password), timeout), candidates))
    finally:
        server.stop()
    results = [_judge(name, command, run, databases.get(name).engine,
                      verify_doc, determinism is not None)
               for (name, command), run in zip(candidates, runs)]
    document = _document(results, source, verify_doc, determinism)
    if exposed:
        sys.stderr.write(f"twinning: {exposed}\n")
    commands.emit_report(args, document, render)
    return 0 if any(r["passed"] for r in results) else 1


def _judge(name: str, command: str, run: dict, engine: Any, verify_doc: Any,
           deterministic: bool) -> dict:
    from twinning import snapshot
    state = engine.committed_state()
    verify = None
    if verify_doc is not None:
        from twinning.verify_eval import evaluate
        result = evaluate(verify_doc, state)
        verify = {"outcome": result["outcome"], "failing_rules": [
            r["rule_id"] for r in result["results"] if r["status"] == "fail"]}
    clean = run["exit_code"] == 0 and not run["timed_out"]
    return {
        "name": name, "command": command,
        "exit_code": run["exit_code"], "timed_out": run["timed_out"],
        "verify": verify,
        "passed": verify["outcome"] == "PASS" if verify else clean,
        "refused_writes": dict(sorted(engine.refused.items())),
        "rows": {str(t.name): len(state.rows.get(t.name, ()))
                 for t in state.catalog.tables},
        "snapshot_hash": snapshot.state_hash(state),
        "wall_seconds": None if deterministic else run["wall_seconds"],
    }


def _rank_key(result: dict) -> tuple:
    failing = len(result["verify"]["failing_rules"]) if result["verify"] else 0
    return (not result["passed"], failing, sum(result["refused_writes"].values()),
            result["exit_code"] != 0, result["name"])


def _document(results: list[dict], source: Any, verify_doc: Any,
              determinism: dict | None) -> dict:
    ranked = sorted(results, key=_rank_key)
    for rank, result in enumerate(ranked, 1):
        result["rank"] = rank
    groups: dict[str, list[str]] = {}
    for result in ranked:
        groups.setdefault(result["snapshot_hash"], []).append(result["name"])
    return {
        "version": VERSION,
        "outcome": "PASS" if any(r["passed"] for r in results) else "FAIL",
        "base": {"source": source.path, "hash": source.hash},
        "verify_artifact": None if verify_doc is None else
        {"source": verify_doc.source, "hash": verify_doc.hash},
        "determinism": determinism,
        "candidates": ranked,
        "identical_groups": [names for names in groups.values()
                             if len(names) > 1],
    }


def render(document: dict) -> str:
    """The ranked table a person reads."""
    rows = [("rank", "candidate", "passed", "verify", "exit", "refused",
             "rows", "state", "wall")]
    for r in document["candidates"]:
        failing = r["verify"]["failing_rules"] if r["verify"] else []
        verify = "-" if r["verify"] is None else (
            r["verify"]["outcome"] + (f" ({len(failing)} rules)" if failing
                                      else ""))
        exit_text = "timeout" if r["timed_out"] else str(r["exit_code"])
        rows.append((str(r["rank"]), r["name"], "yes" if r["passed"] else "no",
                     verify, exit_text, str(sum(r["refused_writes"].values())),
                     str(sum(r["rows"].values())), r["snapshot_hash"][7:19],
                     "-" if r["wall_seconds"] is None else f"{r['wall_seconds']}s"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip()
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    for r in document["candidates"]:
        if r["verify"] and r["verify"]["failing_rules"]:
            lines.append(f"{r['name']} fails: "
                         + ", ".join(r["verify"]["failing_rules"]))
    for names in document["identical_groups"]:
        lines.append("identical committed states: " + ", ".join(names))
    lines.append(f"tournament {document['outcome']}")
    return "\n".join(lines) + "\n"
