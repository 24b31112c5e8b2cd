"""Run one peer suite against the twin or a real PostgreSQL 15.

Usage:
  run SUITE [--target=TARGET] [--out=FILE] [--workdir=DIR] [--trace]
      [--test-timeout=SEC] [--timeout=SEC] [--twin-cwd=DIR] [--as-is]
      [--quiet]
      [--] [PYTEST_ARG...]

Run it as `python -m peers.run` from the repository's top.

SUITE is `sqlalchemy` (its dialect compliance suite,
test/dialect/test_suite.py) or `psycopg2` (its tests/ package, against the
installed psycopg2, i.e. psycopg2-binary). The runner fetches the pinned
sdist (peers/fetch.py), starts the server itself (a fresh one: the twin
with peers/setup/SUITE.sql as its schema, or a throwaway PostgreSQL 15 that
runs the same file), runs pytest in the unpacked sdist and writes one JSON
document: each test id's outcome (passed, failed, error, skipped, xfailed,
xpassed, timeout, crashed, not-run) with the first line of its failure.

A test that runs past --test-timeout is recorded as `timeout`; the server
is restarted and the run resumes after it, so a hang costs one test, never
the run. --timeout bounds the whole run; tests not reached by then are
`not-run`. PYTEST_ARG... are passed on to pytest (e.g. `-k test_foo`).

Options:
  --target=TARGET      twin or postgres [default: twin].
  --out=FILE           Where the JSON result goes [default: out/peers/SUITE-TARGET.json].
  --workdir=DIR        Logs of the run (pytest output, server log, result
                       log, traces) [default: out/peers/SUITE-TARGET].
  --trace              Run the twin with --trace and attach to each failing
                       test the statements of it that the twin refused.
  --test-timeout=SEC   Time limit of one test [default: 120].
  --timeout=SEC        Time limit of the whole run [default: 3600].
  --twin-cwd=DIR       The twinning checkout the twin is started from
                       [default: the one holding this file].
  --as-is              SQLAlchemy: keep its harness's PostgreSQL hooks
                       (session-start CREATE EXTENSION citext/hstore, the
                       pg_stat_activity look before dropping tables). By
                       default they are the generic no-ops: no compliance
                       test depends on them (peers/plugin/peers_guard.py).
  --quiet              Do not echo progress.
"""

from __future__ import annotations

import json
import os
import platform
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from peers.fetch import SDISTS, fetch

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_DIR = Path(__file__).resolve().parent / "plugin"
SETUP_DIR = Path(__file__).resolve().parent / "setup"
TIMEOUT_EXIT = 86  # peers_guard's exit code on a per-test timeout
_LISTENING = re.compile(rb"listening on [\d.]+:(\d+)")
_START_TIMEOUT = 60.0
OUTCOMES = ("passed", "failed", "error", "skipped", "xfailed", "xpassed",
            "timeout", "crashed", "not-run")


def log(msg: str, quiet: bool = False) -> None:
    if not quiet:
        print(f"[peers] {msg}", file=sys.stderr, flush=True)


# -- servers -------------------------------------------------------------------

class TwinServer:
    def __init__(self, cwd: Path, schema: Path, logfile: Path,
                 trace: Path | None) -> None:
        self.cwd, self.schema, self.logfile, self.trace = cwd, schema, logfile, trace
        self.proc: subprocess.Popen | None = None
        self.port: int | None = None

    def start(self) -> None:
        cmd = [sys.executable, "-m", "twinning.cli", "postgres", "--schema",
               str(self.schema), "--serve", "--port", "0"]
        if self.trace is not None:
            cmd += ["--trace", str(self.trace)]
        self.proc = subprocess.Popen(cmd, cwd=self.cwd, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE,
                                     start_new_session=True)
        sink = open(self.logfile, "ab")
        deadline = time.monotonic() + _START_TIMEOUT
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                break
            sink.write(line)
            match = _LISTENING.search(line)
            if match:
                self.port = int(match.group(1))
                threading.Thread(target=_drain, args=(self.proc.stderr, sink),
                                 daemon=True).start()
                return
        sink.close()
        self.stop()
        raise RuntimeError(f"the twin did not start; see {self.logfile}")

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _drain(stream, sink) -> None:
    for line in iter(stream.readline, b""):
        sink.write(line)
        sink.flush()
    sink.close()


class PostgresServer:
    def __init__(self, schema: Path) -> None:
        self.schema = schema
        self.server = None
        self.port: int | None = None

    def start(self) -> None:
        sys.path.insert(0, str(ROOT))
        from tests.support.realpg import RealPostgres

        self.server = RealPostgres().start()
        self.port = self.server.port
        sql = self.schema.read_text()
        if any(line.strip() and not line.strip().startswith("--")
               for line in sql.splitlines()):
            conn = self.server.connect()
            conn.cursor().execute(sql)
            conn.close()

    def stop(self) -> None:
        server, self.server = self.server, None
        if server is not None:
            server.stop()


def server_version(port: int) -> str:
    import psycopg2

    conn = psycopg2.connect(host="127.0.0.1", port=port, user="postgres",
                            dbname="postgres", connect_timeout=10)
    try:
        cur = conn.cursor()
        cur.execute("SHOW server_version")
        return cur.fetchone()[0]
    finally:
        conn.close()


# -- the suites ----------------------------------------------------------------

def pytest_command(suite: str, port: int, extra: list[str],
                   as_is: bool = False) -> tuple[list[str], dict]:
    base = [sys.executable, "-m", "pytest", "-p", "peers_guard",
            "-p", "no:cacheprovider", "-p", "no:randomly"]
    env: dict[str, str] = {}
    if suite == "sqlalchemy":
        # --maxfail: the sdist's addopts stop at 250 failures.
        cmd = base + ["test/dialect/test_suite.py",
                      "--dburi", f"postgresql+psycopg2://postgres@127.0.0.1:{port}/postgres",
                      "--maxfail=1000000"]
        if not as_is:
            env["PEERS_SQLA_ADAPT"] = "1"
    elif suite == "psycopg2":
        cmd = base + ["tests", "--rootdir", ".", "-v"]
        env = {"PSYCOPG2_TESTDB": "postgres", "PSYCOPG2_TESTDB_HOST": "127.0.0.1",
               "PSYCOPG2_TESTDB_PORT": str(port), "PSYCOPG2_TESTDB_USER": "postgres"}
    else:
        raise ValueError(suite)
    return cmd + extra, env


def _base_env(workdir: Path) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PG", "PSYCOPG2_", "PEERS_", "PYTEST_"))}
    env["PYTHONPATH"] = str(PLUGIN_DIR)
    # Entry-point plugins of this venv (hypothesis, …) stay out of the way.
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    # Fixed string hashing: SQLAlchemy's IsolationLevelTest picks "a
    # non-default level" with set.pop(), so the level (and whether the
    # twin accepts it) would otherwise change from run to run.
    env["PYTHONHASHSEED"] = "0"
    env["TZ"] = "UTC"
    return env


def read_log(path: Path) -> list[dict]:
    if not path.exists():
        return []
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                pass  # a line cut by a kill
    return records


_SQLA_BACKEND = re.compile(r"_postgresql\+psycopg2_\d+(_\d+)*::")


def test_id(nodeid: str) -> str:
    """A node id without the server version SQLAlchemy's plugin puts in
    class names (IntegerTest_postgresql+psycopg2_15_18), so ids compare
    across servers and PostgreSQL minor releases."""
    return _SQLA_BACKEND.sub("_postgresql+psycopg2::", nodeid)


def summarize(records: list[dict], collected: list[str]) -> dict[str, dict]:
    """Per test id: outcome and the first failure's details."""
    tests: dict[str, dict] = {}
    started: set[str] = set()
    ended: set[str] = set()
    for rec in records:
        event = rec.get("event")
        if event == "start":
            started.add(rec["nodeid"])
        elif event == "end":
            ended.add(rec["nodeid"])
        elif event == "report":
            nodeid = rec["nodeid"]
            entry = tests.setdefault(nodeid, {"outcome": None})
            _apply(entry, rec)
    for nodeid in started - set(tests):
        tests[nodeid] = {"outcome": "crashed",
                         "message": "the pytest process died during this test"}
    for nodeid, entry in tests.items():
        if entry["outcome"] is None:
            entry["outcome"] = "crashed" if nodeid not in ended else "error"
    for nodeid in collected:
        tests.setdefault(nodeid, {"outcome": "not-run"})
    return tests


_DETAIL_KEYS = ("message", "exc_type", "sqlstate", "pg_message", "sql")


def _apply(entry: dict, rec: dict) -> None:
    when, outcome = rec["when"], rec["outcome"]
    details = {k: rec[k] for k in _DETAIL_KEYS if k in rec}
    if when == "timeout":
        entry["outcome"] = "timeout"
        entry.update(details)
        return
    if entry["outcome"] in ("timeout", "error", "failed"):
        return  # the first problem is the one reported
    if when == "setup":
        if outcome == "failed":
            entry["outcome"] = "error"
            entry.update(details)
        elif outcome == "skipped":
            entry["outcome"] = "xfailed" if rec.get("xfail") else "skipped"
            entry.update(details)
    elif when == "call":
        if outcome == "passed":
            entry["outcome"] = "xpassed" if rec.get("xfail") else "passed"
        elif outcome == "failed":
            entry["outcome"] = "xfailed" if rec.get("xfail") else "failed"
            entry.update(details)
        else:
            entry["outcome"] = "xfailed" if rec.get("xfail") else "skipped"
            entry.update(details)
    elif when == "teardown" and outcome == "failed":
        if entry["outcome"] in (None, "passed", "xpassed"):
            entry["outcome"] = "error"
            entry.update(details)
            entry["message"] = "teardown: " + details.get("message", "")


def attach_trace(tests: dict, records: list[dict], trace_files: dict[int, Path],
                 limit: int = 5) -> None:
    """For each failing test, the statements the twin answered with an
    error while it ran (cut out of the segment's trace by byte offsets)."""
    spans: dict[str, list] = {}
    segment_of: dict[str, int] = {}
    for rec in records:
        if rec.get("event") == "start":
            spans[rec["nodeid"]] = [rec.get("trace_start"), None]
            segment_of[rec["nodeid"]] = rec.get("segment", 0)
        elif rec.get("event") in ("end", "report") and rec.get("trace_end") is not None:
            if rec["nodeid"] in spans:
                spans[rec["nodeid"]][1] = rec["trace_end"]
    cache: dict[int, bytes] = {}
    for nodeid, entry in tests.items():
        if entry["outcome"] not in ("failed", "error", "timeout"):
            continue
        span = spans.get(nodeid)
        seg = segment_of.get(nodeid, 0)
        if not span or span[0] is None or seg not in trace_files:
            continue
        if seg not in cache:
            path = trace_files[seg]
            cache[seg] = path.read_bytes() if path.exists() else b""
        chunk = cache[seg][span[0]:span[1]]
        refused = []
        for line in chunk.splitlines():
            try:
                rec = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue
            out = rec.get("outcome") or {}
            if "sqlstate" in out:
                refused.append({"sql": rec.get("sql", "")[:8000],
                                "sqlstate": out["sqlstate"],
                                "message": out.get("message", "")})
        if refused:
            entry["twin_errors"] = refused[:limit]


# -- the run -------------------------------------------------------------------

def run(suite: str, target: str, out: Path, workdir: Path, *, trace: bool,
        test_timeout: float, timeout: float, twin_cwd: Path, extra: list[str],
        as_is: bool = False, quiet: bool = False) -> dict:
    t0 = time.monotonic()
    started_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    tree = fetch(suite)
    workdir.mkdir(parents=True, exist_ok=True)
    for old in workdir.glob("*"):
        if old.is_file():
            old.unlink()
    result_log = workdir / "results.jsonl"
    deselect = workdir / "deselect.txt"
    pytest_out = workdir / "pytest.log"
    schema = SETUP_DIR / f"{suite}.sql"
    deadline = t0 + timeout
    segments = []
    trace_files: dict[int, Path] = {}
    version = None
    collected: list[str] | None = None
    records: list[dict] = []
    seg = 0
    while True:
        seg += 1
        trace_file = workdir / f"trace.{seg}.jsonl" if trace and target == "twin" else None
        if trace_file is not None:
            trace_files[seg] = trace_file
        server = (TwinServer(twin_cwd, schema, workdir / "twin.log", trace_file)
                  if target == "twin" else PostgresServer(schema))
        log(f"{suite} on {target}: segment {seg}, starting the server", quiet)
        server.start()
        try:
            if version is None:
                version = server_version(server.port)
            cmd, suite_env = pytest_command(suite, server.port, extra, as_is)
            env = _base_env(workdir) | suite_env
            env["PEERS_LOG"] = str(result_log)
            env["PEERS_TEST_TIMEOUT"] = str(test_timeout)
            env["PEERS_DESELECT"] = str(deselect)
            if trace_file is not None:
                env["PEERS_TRACE"] = str(trace_file)
            before = len(read_log(result_log))
            seg_t0 = time.monotonic()
            log(f"{suite} on {target}: segment {seg}, pytest on port {server.port}", quiet)
            with open(pytest_out, "ab") as sink:
                sink.write(f"\n=== segment {seg}: {' '.join(cmd)}\n".encode())
                sink.flush()
                proc = subprocess.Popen(cmd, cwd=tree, env=env, stdout=sink,
                                        stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL,
                                        start_new_session=True)
                try:
                    code = proc.wait(max(1.0, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    code = "run-timeout"
                finally:
                    # pytest's session: it, and whatever its tests forked
                    # and left behind (it is gone on a per-test timeout).
                    try:
                        os.killpg(proc.pid, signal.SIGKILL)
                    except (ProcessLookupError, PermissionError):
                        pass
                    proc.wait()
        finally:
            server.stop()
        # Tag this segment's records (the plugin does not know its number).
        records = read_log(result_log)
        for rec in records[before:]:
            rec.setdefault("segment", seg)
        _rewrite_log(result_log, records)
        new = records[before:]
        segments.append({"segment": seg, "exit_code": code,
                         "seconds": round(time.monotonic() - seg_t0, 1),
                         "records": len(new)})
        if collected is None:
            for rec in new:
                if rec.get("event") == "collected":
                    collected = rec["ids"]
                    break
        if code in (0, 1, 5, 2, 3, 4, "run-timeout"):
            break
        # Timed out (86) or died: resume after what has been started.
        started = [r["nodeid"] for r in new if r.get("event") == "start"]
        if not started or seg >= 200:
            break
        with open(deselect, "a", encoding="utf-8") as f:
            for nodeid in dict.fromkeys(started):
                f.write(nodeid + "\n")
        log(f"{suite} on {target}: pytest exited {code} during {started[-1]}; "
            "restarting the server and resuming", quiet)
        if time.monotonic() >= deadline:
            break
    tests = summarize(records, collected or [])
    if trace_files:
        attach_trace(tests, records, trace_files)
    tests = {test_id(k): v for k, v in tests.items()}
    session_error = None
    if any(s["exit_code"] not in (0, 1) for s in segments):
        session_error = _internal_error(pytest_out)
    library = next((f"{r['version']} ({r['file']})" for r in records
                    if r.get("event") == "sqlalchemy"), None)
    counts = {k: 0 for k in OUTCOMES}
    for entry in tests.values():
        counts[entry["outcome"]] += 1
    sdist = SDISTS[suite]
    result = {
        "format": "twinning.peers.v1",
        "suite": suite, "sdist": f"{sdist.project}-{sdist.version}",
        "target": target, "server_version": version,
        "python": platform.python_version(), "driver": _driver_version(),
        "started": started_at,
        "wall_seconds": round(time.monotonic() - t0, 1),
        "segments": segments, "session_error": session_error,
        "sqlalchemy_under_test": library,
        "adapted": (None if suite != "sqlalchemy" or as_is else
                    ("provision hooks post_configure_engine (CREATE EXTENSION "
                     "citext, hstore) and prepare_for_drop_tables "
                     "(pg_stat_activity) are the generic no-ops")),
        "counts": counts,
        "tests": dict(sorted(tests.items())),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    return result


def _internal_error(pytest_log: Path) -> str | None:
    """The exception line of pytest's last INTERNALERROR (or usage error)."""
    text = pytest_log.read_text(errors="replace") if pytest_log.exists() else ""
    found = None
    for line in text.splitlines():
        body = line.removeprefix("INTERNALERROR> ")
        if line.startswith("INTERNALERROR> ") and re.match(
                r"^[A-Za-z_][\w.]*(Error|Exception|Warning|Exit)\b.*:", body):
            found = body.strip()
        elif line.startswith("ERROR: "):
            found = line.strip()
    return found


def _rewrite_log(path: Path, records: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _driver_version() -> str:
    import psycopg2

    return "psycopg2 " + psycopg2.__version__.split()[0]


def main(argv: list[str] | None = None) -> int:
    from docopt import docopt

    args = docopt(__doc__, argv=argv)
    # SIGTERM (a caller's timeout) unwinds like Ctrl-C, so the servers and
    # pytest this run started are stopped by the finally clauses.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    suite, target = args["SUITE"], args["--target"]
    if suite not in SDISTS:
        print(f"unknown suite {suite!r}; one of {', '.join(sorted(SDISTS))}",
              file=sys.stderr)
        return 2
    if target not in ("twin", "postgres"):
        print("--target is twin or postgres", file=sys.stderr)
        return 2
    out = Path(args["--out"].replace("SUITE", suite).replace("TARGET", target))
    workdir = Path(args["--workdir"].replace("SUITE", suite).replace("TARGET", target))
    twin_cwd = Path(args["--twin-cwd"]) if args["--twin-cwd"] != \
        "the one holding this file" else ROOT
    result = run(suite, target, out.resolve(), workdir.resolve(),
                 trace=args["--trace"],
                 test_timeout=float(args["--test-timeout"]),
                 timeout=float(args["--timeout"]), twin_cwd=twin_cwd,
                 extra=args["PYTEST_ARG"], as_is=args["--as-is"],
                 quiet=args["--quiet"])
    c = result["counts"]
    print(f"{suite} on {target} ({result['server_version']}): "
          + ", ".join(f"{c[k]} {k}" for k in OUTCOMES if c[k])
          + f" in {result['wall_seconds']:.0f} s; {out}")
    if result["session_error"]:
        print(f"pytest stopped: {result['session_error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
