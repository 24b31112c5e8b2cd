"""pytest plugin of the peer-suite runner (loaded with `-p peers_guard`).

It does three things, configured by environment variables that
`peers/run.py` sets:

- PEERS_LOG: a JSON-lines result log, one line per test phase as it ends
  (written and flushed at once, so a run that is killed still has every
  outcome up to the kill): node id, phase, outcome, duration, and for a
  failure the exception type, its message's first line, the SQLSTATE and
  SQL statement when the exception carries them (psycopg2 errors,
  SQLAlchemy's StatementError).
- PEERS_TEST_TIMEOUT: seconds one test (setup + call + teardown) may take.
  A watchdog thread, on expiry, writes a `timeout` line for the test, dumps
  every thread's stack to stderr and ends the process with exit code 86:
  a client blocked inside libpq cannot be interrupted from Python, so the
  runner restarts the server and resumes after the hung test.
- PEERS_DESELECT: a file of node ids (one a line) to deselect: the tests a
  previous, interrupted segment of the same run already finished.
- PEERS_SQLA_ADAPT=1: SQLAlchemy's PostgreSQL provisioning runs two
  statements that belong to its test harness, not to any compliance test:
  `CREATE EXTENSION IF NOT EXISTS citext` / `hstore` once at session start
  (post_configure_engine; only tests under test/dialect/postgresql use those
  types) and, before dropping tables after a test, a look at
  pg_stat_activity for sessions idle in transaction whose only effect is a
  warning (prepare_for_drop_tables). With this setting both hooks fall back
  to SQLAlchemy's generic no-op ones, as a third-party dialect's own
  provision module does (sqlalchemy-cockroachdb's, for one). Without it,
  a refusal of the first aborts the whole session and of the second errors
  every test's teardown.
- PEERS_TRACE: the twin's `--trace` file; each test's log lines carry the
  file's size when the test started and ended, so the statements it sent
  can be cut out of the trace afterwards.
"""

from __future__ import annotations

import faulthandler
import json
import os
import sys
import threading
import time

import pytest

TIMEOUT_EXIT = 86

_log = None
_lock = threading.Lock()
_timeout = float(os.environ.get("PEERS_TEST_TIMEOUT") or 0)
_trace = os.environ.get("PEERS_TRACE") or None


def _write(record: dict) -> None:
    if _log is None:
        return
    with _lock:
        _log.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        _log.flush()


def _trace_pos() -> int | None:
    if _trace is None:
        return None
    try:
        return os.path.getsize(_trace)
    except OSError:
        return None


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:500]
    return ""


def _details(exc: BaseException) -> dict:
    """Type, first message line, SQLSTATE and statement of an exception
    (following SQLAlchemy's .orig and the __cause__ chain)."""
    out: dict = {"exc_type": type(exc).__module__ + "." + type(exc).__qualname__,
                 "message": _first_line(str(exc)) or type(exc).__name__}
    group = getattr(exc, "exceptions", None)
    if isinstance(exc, BaseExceptionGroup) and group:
        inner = _details(group[0])
        inner["message"] = f"{len(group)} errors; first: {inner['message']}"
        return inner
    seen = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        stmt = getattr(cur, "statement", None)
        if isinstance(stmt, str) and "sql" not in out:
            out["sql"] = stmt[:4000]
        code = getattr(cur, "pgcode", None)
        if isinstance(code, str) and "sqlstate" not in out:
            out["sqlstate"] = code
            pgerror = getattr(cur, "pgerror", None)
            if isinstance(pgerror, str):
                out["pg_message"] = _first_line(pgerror)
        orig = getattr(cur, "orig", None)
        cur = orig if isinstance(orig, BaseException) else cur.__cause__ \
            or cur.__context__
    return out


def pytest_configure(config):
    global _log
    path = os.environ.get("PEERS_LOG")
    if path:
        _log = open(path, "a", encoding="utf-8")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    path = os.environ.get("PEERS_DESELECT")
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            done = {line.rstrip("\n") for line in f if line.strip()}
        keep = [item for item in items if item.nodeid not in done]
        dropped = [item for item in items if item.nodeid in done]
        if dropped:
            config.hook.pytest_deselected(items=dropped)
            items[:] = keep


def pytest_collection_finish(session):
    _write({"event": "collected", "count": len(session.items),
            "ids": [item.nodeid for item in session.items]})


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    if os.environ.get("PEERS_SQLA_ADAPT") == "1":
        # By now SQLAlchemy's conftest has put the sdist's lib/ first on
        # sys.path, so this is the sdist's module, not an installed one.
        import sqlalchemy
        from sqlalchemy.dialects.postgresql import provision as _pg  # noqa: F401
        from sqlalchemy.testing import provision

        provision.post_configure_engine.fns.pop("postgresql", None)
        provision.prepare_for_drop_tables.fns.pop("postgresql", None)

        _write({"event": "sqlalchemy", "version": sqlalchemy.__version__,
                "file": sqlalchemy.__file__})


class _Watchdog:
    def __init__(self, nodeid: str, seconds: float) -> None:
        self.nodeid = nodeid
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(seconds,),
                                       daemon=True)
        self.thread.start()

    def _run(self, seconds: float) -> None:
        if self.done.wait(seconds):
            return
        _write({"event": "report", "nodeid": self.nodeid, "when": "timeout",
                "outcome": "timeout", "duration": seconds,
                "message": f"test took longer than {seconds:g}s "
                           "(the runner's per-test limit)",
                "trace_end": _trace_pos()})
        sys.stderr.write(f"\npeers_guard: {self.nodeid} exceeded "
                         f"{seconds:g}s; stacks follow\n")
        sys.stderr.flush()
        faulthandler.dump_traceback(all_threads=True)
        os._exit(TIMEOUT_EXIT)

    def stop(self) -> None:
        self.done.set()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    dog = _Watchdog(item.nodeid, _timeout) if _timeout > 0 else None
    _write({"event": "start", "nodeid": item.nodeid, "trace_start": _trace_pos(),
            "time": time.time()})
    try:
        yield
    finally:
        if dog is not None:
            dog.stop()
        _write({"event": "end", "nodeid": item.nodeid, "trace_end": _trace_pos()})


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    record = {"event": "report", "nodeid": report.nodeid, "when": report.when,
              "outcome": report.outcome, "duration": round(report.duration, 4)}
    if hasattr(report, "wasxfail"):
        record["xfail"] = True
    if report.skipped:
        longrepr = report.longrepr
        if isinstance(longrepr, tuple) and len(longrepr) == 3:
            record["message"] = _first_line(str(longrepr[2]))
        elif longrepr is not None:
            record["message"] = _first_line(str(longrepr))
    elif report.failed:
        if call.excinfo is not None:
            record.update(_details(call.excinfo.value))
        else:
            record["message"] = _first_line(str(report.longrepr))
    _write(record)
