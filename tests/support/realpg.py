"""A throwaway real PostgreSQL 15 server: the judge of differential tests.

`RealPostgres` runs `initdb` into a fresh temporary directory and starts the
postmaster on a free TCP port of 127.0.0.1 (plus a private Unix socket
directory), tuned for speed over durability (`fsync=off`, no WAL niceties).
It never touches an existing cluster, and `stop()` — also called at
interpreter exit — shuts the server down and deletes the directory, so no
process or file outlives the test session.

PostgreSQL refuses to run as root. When the tests run as root, initdb and the
server run as the unprivileged system user `twinpg` (created on first use);
when the binaries are missing and we are root, the Debian `postgresql`
package is installed. Otherwise a missing server is a clear error.

Session settings the differential tests rely on: `TimeZone=UTC`,
`DateStyle=ISO, MDY`, `IntervalStyle=postgres`, `extra_float_digits=1`
(the client default), UTF8 encoding and the C locale.
"""

from __future__ import annotations

import atexit
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from twinning.pytest_plugin import TwinDatabase

MAJOR = 15
SERVICE_USER = "twinpg"
_DEBIAN_BINDIR = f"/usr/lib/postgresql/{MAJOR}/bin"
_STARTUP_TIMEOUT = 30.0
_STOP_TIMEOUT = 10.0

# Settings for a fast, disposable server. Everything that writes to disk for
# durability is off; the server is gone at the end of the session anyway.
_SERVER_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "listen_addresses": "127.0.0.1",
    "TimeZone": "UTC",
    "log_timezone": "UTC",
    "DateStyle": "ISO, MDY",
    "IntervalStyle": "postgres",
    "lc_messages": "C",
    "max_connections": "30",
    "shared_buffers": "32MB",
    "max_wal_senders": "0",
    "wal_level": "minimal",
    "autovacuum": "off",
    "logging_collector": "off",
    "log_min_messages": "warning",
    "dynamic_shared_memory_type": "posix",
}


class RealPostgresError(RuntimeError):
    """The real server could not be found, installed or started."""


def _major_of(bindir: Path) -> int | None:
    try:
        out = subprocess.run([str(bindir / "postgres"), "--version"],
                             capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"\(PostgreSQL\) (\d+)", out)
    return int(match.group(1)) if match else None


def _candidate_bindirs() -> list[Path]:
    found: list[Path] = []
    env = os.environ.get("TWINNING_PG_BINDIR")
    if env:
        found.append(Path(env))
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True,
                                 text=True, timeout=10).stdout.strip()
            if out:
                found.append(Path(out))
        except (OSError, subprocess.SubprocessError):
            pass
    found.append(Path(_DEBIAN_BINDIR))
    on_path = shutil.which("postgres")
    if on_path:
        found.append(Path(on_path).resolve().parent)
    return found


def find_bindir(install: bool = True) -> Path:
    """The directory holding PostgreSQL 15's `initdb` and `postgres`."""
    for bindir in _candidate_bindirs():
        if (bindir / "initdb").is_file() and (bindir / "postgres").is_file() \
                and _major_of(bindir) == MAJOR:
            return bindir
    if install and os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for cmd in (["apt-get", "update"],
                    ["apt-get", "install", "-y", "--no-install-recommends",
                     "postgresql"]):
            done = subprocess.run(cmd, env=env, capture_output=True, text=True)
            if done.returncode != 0:
                raise RealPostgresError(
                    f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
        return find_bindir(install=False)
    raise RealPostgresError(
        f"PostgreSQL {MAJOR} server binaries (initdb, postgres) not found; "
        f"install the 'postgresql-{MAJOR}' package or set TWINNING_PG_BINDIR")


def _service_account() -> pwd.struct_passwd | None:
    """The user the server runs as: None for 'ourselves' (not root)."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SERVICE_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home",
                        "--shell", "/usr/sbin/nologin", SERVICE_USER],
                       check=True, capture_output=True)
        return pwd.getpwnam(SERVICE_USER)


def _load_prctl():
    # Resolved in the parent: after dropping privileges the child may not
    # be able to read the Python installation to import anything.
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


_PRCTL = _load_prctl()


def _die_with_parent() -> None:
    """In the server's child process (after setuid, which would clear it):
    get SIGINT, PostgreSQL's fast shutdown, when the test process dies
    without calling stop(), so a killed test run never leaves a postmaster
    behind. Linux only; best effort."""
    if _PRCTL is not None:
        _PRCTL(1, int(signal.SIGINT))  # PR_SET_PDEATHSIG


def _temp_root(account: pwd.struct_passwd | None) -> str:
    """Where the cluster directory goes: the usual temp dir, unless the
    service user could not reach it (e.g. TMPDIR under /root)."""
    base = tempfile.gettempdir()
    if account is None:
        return base
    path = Path(base).resolve()
    for part in (path, *path.parents):
        if not os.stat(part).st_mode & 0o001:  # no search permission for others
            return "/tmp"
    return base


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RealPostgres:
    """One disposable PostgreSQL 15 server (a context manager)."""

    user = "postgres"
    dbname = "postgres"
    host = "127.0.0.1"

    def __init__(self, settings: dict[str, str] | None = None) -> None:
        self.settings = {**_SERVER_SETTINGS, **(settings or {})}
        self.port: int | None = None
        self.bindir: Path | None = None
        self.tmpdir: Path | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._log = None

    # -- lifecycle -------------------------------------------------------------
    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> RealPostgres:
        if self._proc is not None:
            return self
        self.bindir = find_bindir()
        account = _service_account()
        self.tmpdir = Path(tempfile.mkdtemp(prefix="twinning-realpg-",
                                            dir=_temp_root(account)))
        atexit.register(self.stop)
        try:
            (self.tmpdir / "sock").mkdir()
            if account is not None:
                for path in (self.tmpdir, self.tmpdir / "sock"):
                    os.chown(path, account.pw_uid, account.pw_gid)
            self._initdb(account)
            self._launch(account)
        except BaseException:
            self.stop()
            raise
        return self

    __enter__ = start  # `with RealPostgres() as pg:` starts it

    def _run_as(self, account: pwd.struct_passwd | None) -> dict[str, object]:
        """Popen arguments that drop root privileges to the service user."""
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C",
               "TZ": "UTC", "HOME": str(self.tmpdir)}
        if account is None:
            return {"env": env}
        return {"env": env, "user": account.pw_uid, "group": account.pw_gid,
                "extra_groups": []}

    def _initdb(self, account: pwd.struct_passwd | None) -> None:
        assert self.bindir is not None and self.tmpdir is not None
        cmd = [str(self.bindir / "initdb"), "-D", str(self.tmpdir / "data"),
               "-A", "trust", "-U", self.user, "-E", "UTF8", "--locale=C",
               "--no-sync", "--no-instructions"]
        done = subprocess.run(cmd, capture_output=True, text=True,
                              cwd=self.tmpdir, **self._run_as(account))
        if done.returncode != 0:
            raise RealPostgresError(f"initdb failed:\n{done.stderr[-4000:]}")

    def _launch(self, account: pwd.struct_passwd | None) -> None:
        assert self.bindir is not None and self.tmpdir is not None
        log_path = self.tmpdir / "server.log"
        for _attempt in range(3):
            self.port = _free_port()
            cmd = [str(self.bindir / "postgres"), "-D", str(self.tmpdir / "data"),
                   "-p", str(self.port), "-k", str(self.tmpdir / "sock")]
            for key, value in self.settings.items():
                cmd += ["-c", f"{key}={value}"]
            self._log = open(log_path, "ab")
            self._proc = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, stdout=self._log,
                stderr=subprocess.STDOUT, cwd=self.tmpdir,
                start_new_session=True, preexec_fn=_die_with_parent,
                **self._run_as(account))
            if self._wait_ready():
                return
            # Lost the port race or failed: reap and retry on another port.
            self._terminate()
        log = log_path.read_text(errors="replace")[-4000:]
        raise RealPostgresError(f"PostgreSQL did not start:\n{log}")

    def _wait_ready(self) -> bool:
        import psycopg2

        deadline = time.monotonic() + _STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            assert self._proc is not None
            if self._proc.poll() is not None:
                return False
            try:
                psycopg2.connect(self.dsn, connect_timeout=2).close()
                return True
            except psycopg2.OperationalError:
                time.sleep(0.02)
        return False

    def _terminate(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            # SIGINT is PostgreSQL's "fast" shutdown: abort sessions, exit.
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def stop(self) -> None:
        """Fast shutdown, then delete the cluster directory. Idempotent."""
        self._terminate()
        if self.tmpdir is not None:
            shutil.rmtree(self.tmpdir, ignore_errors=True)
            self.tmpdir = None
        atexit.unregister(self.stop)

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    # -- addressing ------------------------------------------------------------
    # libpq keyword/value string and URL: the pytest plugin's, over the
    # same host, port, user and dbname attributes
    dsn = TwinDatabase.dsn
    url = TwinDatabase.url

    @property
    def socket_dir(self) -> str | None:
        return str(self.tmpdir / "sock") if self.tmpdir else None

    def connect(self, **kwargs: object):
        """A new psycopg2 connection in autocommit mode."""
        import psycopg2

        conn = psycopg2.connect(self.dsn, **kwargs)
        conn.autocommit = True
        return conn

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<RealPostgres {self.url} {state}>"
