"""Start and stop the two servers under test: the twin and PostgreSQL 15."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "bench" / "schema.sql"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.support.realpg import RealPostgres  # noqa: E402

_LISTENING = re.compile(rb"listening on [^:\s]+:(\d+)")
_START_TIMEOUT = 60.0


@dataclass
class Twin:
    """A running `twinning postgres --serve` subprocess."""

    proc: subprocess.Popen
    port: int
    log: deque = field(default_factory=lambda: deque(maxlen=50))

    @property
    def dsn(self) -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self) -> None:
        """SIGTERM (the twin writes its artifacts and exits), then kill."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _drain(stream, log: deque) -> None:
    """Keep the twin's stderr flowing (a full pipe would block it)."""
    for line in stream:
        log.append(line.decode(errors="replace").rstrip())


# The twin's command, as users run it: the `twinning` script of the venv
# that `make bench` installs the work tree into as a wheel
# (TWINNING_BENCH_PYTHON names its interpreter), or of this venv. The
# repository's venv has an editable install, whose import finder costs
# every process it starts ~14 ms that no user's install pays.
TWIN = [os.path.join(os.path.dirname(os.path.abspath(
    os.environ.get("TWINNING_BENCH_PYTHON") or sys.executable)), "twinning")]


def twin_env(warm: bool) -> dict[str, str]:
    """The twin's environment: `warm` lets the command line hand the
    command to a warm server (twinning.warm); off, the twin is a process
    of its own, as the statement workloads and RSS figures want."""
    return {**os.environ, "TWINNING_WARM": "1" if warm else "0"}


def ensure_warm_server() -> None:
    """Run one command so that a warm server starts, and wait for it."""
    with open(TWIN[0]) as script:  # its interpreter, as the `#!` names it
        python = script.readline()[2:].strip()
    path = subprocess.run(  # the socket of the installed code's server
        [python, "-c", "import os; from twinning import warm; print("
         "warm.socket_path_in(os.environ.get('XDG_RUNTIME_DIR') or '/tmp'))"],
        cwd="/", capture_output=True, text=True, check=True).stdout.strip()
    if path == "None":
        raise RuntimeError("no private directory for the warm server")
    subprocess.run([*TWIN, "postgres",
                    "--schema", str(SCHEMA), "--run", "true"], cwd=ROOT,
                   env=twin_env(True), stdin=subprocess.DEVNULL,
                   capture_output=True, check=True, timeout=120)
    deadline = time.monotonic() + _START_TIMEOUT
    while time.monotonic() < deadline:
        probe = socket.socket(socket.AF_UNIX)
        try:
            probe.connect(path)
            return
        except OSError:
            time.sleep(0.05)
        finally:
            probe.close()
    raise RuntimeError("the warm server did not start")


def start_twin(schema: Path = SCHEMA, warm: bool = False) -> Twin:
    """Launch the twin on a free port; return once it says it listens."""
    proc = subprocess.Popen(
        [*TWIN, "postgres", "--schema",
         str(schema), "--serve", "--port", "0"],
        cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, env=twin_env(warm))
    lines = []
    deadline = time.monotonic() + _START_TIMEOUT
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        lines.append(line)
        match = _LISTENING.search(line)
        if match:
            twin = Twin(proc, int(match.group(1)))
            threading.Thread(target=_drain, args=(proc.stderr, twin.log),
                             daemon=True).start()
            return twin
    proc.kill()
    proc.wait()
    raise RuntimeError("twin did not start: "
                       + b"".join(lines).decode(errors="replace")[-2000:])


def start_postgres(schema: Path = SCHEMA) -> RealPostgres:
    """initdb + start a throwaway PostgreSQL 15, then load the schema."""
    server = RealPostgres().start()
    try:
        conn = server.connect()
        conn.cursor().execute(schema.read_text())
        conn.close()
    except BaseException:
        server.stop()
        raise
    return server


def rss_kib(pid: int) -> int:
    """Resident set size of a process, from /proc (KiB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")
