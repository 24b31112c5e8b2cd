"""The live modes of `twinning postgres`: `--serve` and `--run CMD`.

Both start the server (TCP, plus a Unix socket with `--socket-dir`; it
runs on threads of its own) and keep the main thread for what only it can
do: wait for SIGINT/SIGTERM (serve) or for the child (run_once). When they
return, the server has stopped accepting, every connection is closed
(uncommitted work rolled back) and committed state is frozen, so the
caller writes the report and snapshot over exactly what clients committed.

The child of `--run` runs through the shell in its own process group with
PGHOST/PGPORT/PGUSER/PGDATABASE/DATABASE_URL (and PGPASSWORD when a
password is set) pointing at the twin. Its stdout goes to our stderr: the
report on stdout (`--json`) must stay a clean document, and the report
itself never holds child output. On `--run-timeout` or a signal to us the
whole process group is terminated, then killed.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator

from twinning.deferred import deferred
from twinning.server import POLL_SECONDS, TwinServer
from twinning.session import Engine

# only --run starts a child (subprocess imports locale & co., ~2 ms)
subprocess = deferred("subprocess", globals(), "subprocess")

DEFAULT_USER = "postgres"
DEFAULT_DATABASE = "postgres"
_KILL_GRACE = 2.0


@dataclass
class LiveResult:
    port: int
    run: dict[str, Any] | None = None


def _announce(server: TwinServer) -> None:
    also = f" and {server.socket_path}" if server.socket_path else ""
    sys.stderr.write(f"twinning postgres listening on {server.host}:"
                     f"{server.port}{also}\n")
    sys.stderr.flush()


def _tune_gc() -> None:
    """A live twin allocates in bursts (a 1000-row VALUES page is tens of
    thousands of short-lived objects) over a large long-lived heap (the
    catalog, compiled plans, committed rows). What start-up built (with the
    collector off: `cli.main`) stays for the whole run, so it is frozen out
    of every later collection, and the young generation is collected less
    often."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    gc.enable()


class _Signals:
    """SIGINT/SIGTERM → an Event (restored afterwards)."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.received: int | None = None
        self._old: dict[int, Any] = {}

    def __enter__(self) -> _Signals:
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._old[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum: int, frame: Any) -> None:
        self.received = signum
        self.event.set()

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._old.items():
            signal.signal(sig, handler)


def serve(engine: Engine, host: str, port: int,
          socket_dir: str | None = None) -> LiveResult:
    """Serve until SIGINT or SIGTERM."""
    with _serving(engine, host, port, socket_dir) as (actual, signals):
        while not signals.event.wait(0.5):
            pass
    return LiveResult(actual)


@contextmanager
def _serving(engine: Engine, host: str, port: int, socket_dir: str | None
             ) -> Iterator[tuple[int, _Signals]]:
    """The server started and announced, stopped at the end; yields its
    port and the signal watch."""
    _tune_gc()
    server = TwinServer(engine, host, port, socket_dir, POLL_SECONDS)
    with _Signals() as signals:
        actual = server.start()
        _announce(server)
        try:
            yield actual, signals
        finally:
            server.stop()


def child_environment(host: str, port: int, password: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(PGHOST=host, PGPORT=str(port), PGUSER=DEFAULT_USER,
               PGDATABASE=DEFAULT_DATABASE)
    auth = DEFAULT_USER
    if password:
        env["PGPASSWORD"] = password
        from urllib.parse import quote  # it imports ipaddress: not at start-up
        auth += ":" + quote(password, safe="")
    shown_host = f"[{host}]" if ":" in host else host
    env["DATABASE_URL"] = (f"postgresql://{auth}@{shown_host}:{port}/"
                           f"{DEFAULT_DATABASE}")
    return env


def run_once(engine: Engine, host: str, port: int, command: str,
             timeout: float | None, socket_dir: str | None = None) -> LiveResult:
    """Serve while `command` runs; stop when it exits or times out."""
    with _serving(engine, host, port, socket_dir) as (actual, signals):
        child = subprocess.Popen(
            command, shell=True, start_new_session=True,
            env=child_environment(host, actual, engine.password),
            stdin=subprocess.DEVNULL, stdout=sys.stderr.fileno())
        timed_out = _wait(child, timeout, signals)
    code = child.returncode
    run = {"command": command,
           "exit_code": code if code is not None and code >= 0 else None,
           "signal": -code if code is not None and code < 0 else None,
           "timed_out": timed_out}
    return LiveResult(actual, run)


def _wait(child: subprocess.Popen, timeout: float | None,
          signals: _Signals) -> bool:
    """Until the child exits (seen at once: a thread blocks in waitpid,
    where `Popen.wait(timeout)` would poll with sleeps of up to 50 ms), a
    signal arrives or the timeout passes; True when it timed out."""
    exited = threading.Event()

    def reap() -> None:
        child.wait()
        exited.set()

    threading.Thread(target=reap, name="twinning-child", daemon=True).start()
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        if exited.wait(0.1):
            return False
        if signals.event.is_set():
            _stop_group(child)
            return False
        if deadline is not None and time.monotonic() >= deadline:
            _stop_group(child)
            return True


def _stop_group(child: subprocess.Popen) -> None:
    """SIGTERM the child's process group, SIGKILL what is left."""
    for sig, grace in ((signal.SIGTERM, _KILL_GRACE), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(child.pid, sig)
        except ProcessLookupError:
            return
        try:
            child.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue
