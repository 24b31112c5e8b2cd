"""Warm start (twinning.warm): a command handed to a zygote behaves as the
same command run in its own process — output, exit code, report,
environment, directory, umask, signals — and dies when its client does.

Each test gets its own zygote directory (XDG_RUNTIME_DIR), so these
zygotes are private to the test and stopped after it."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg2
import pytest

from tests.support.warm import stop_warm_servers
from twinning import warm

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "examples" / "deals" / "schema.sql"
PARENT_OF_SHELL = "echo $PPID"


@pytest.fixture
def runtime():
    """A short private directory: the zygote's socket path must fit
    sun_path (108 bytes), which pytest-xdist's tmp_path can exceed."""
    folder = Path(tempfile.mkdtemp(prefix="twrun-"))
    folder.chmod(0o700)
    yield folder
    stop_warm_servers(folder)
    shutil.rmtree(folder, ignore_errors=True)


def _env(runtime: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key != "TWINNING_WARM"}
    return {**env, "XDG_RUNTIME_DIR": str(runtime), **extra}


def _twinning(args: list[str], env: dict[str, str], cwd: Path = ROOT,
              **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "twinning.cli", *args],
                          env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60, **kwargs)


def _warmed(runtime: Path) -> Path:
    """Start this test's zygote (by a first, cold command) and wait until
    it listens."""
    env = _env(runtime)
    done = _twinning(["postgres", "--schema", str(SCHEMA), "--run", "true"], env)
    assert done.returncode == 0, done.stderr
    path = Path(warm.socket_path_in(str(runtime)))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if path.exists():
            probe = socket.socket(socket.AF_UNIX)
            try:
                probe.connect(str(path))
                return path
            except OSError:
                pass
            finally:
                probe.close()
        time.sleep(0.05)
    raise AssertionError("the zygote did not start")


def _served_warm(stdout: str, client_pid: int) -> bool:
    """The --run shell's parent is the twin; a warm twin's parent is the
    zygote, a cold twin is the client process itself."""
    lines = [line for line in stdout.splitlines() if line.strip().isdigit()]
    return int(lines[-1]) != client_pid


def _run_both(runtime: Path, args: list[str], cwd: Path = ROOT,
              **extra: str) -> tuple[subprocess.CompletedProcess, ...]:
    _warmed(runtime)
    hot = _twinning(args, _env(runtime, **extra), cwd)
    cold = _twinning(args, _env(runtime, TWINNING_WARM="0", **extra), cwd)
    return hot, cold


def test_a_warm_command_answers_as_a_cold_one(runtime, tmp_path):
    script = ("echo out; echo err >&2; pwd; echo $FOO; umask; "
              "psql -Atc 'SELECT count(*) FROM public.deals'; exit 7")
    outputs = []
    for mode in ("1", "0"):
        report = tmp_path / f"report{mode}.json"
        if mode == "1":
            _warmed(runtime)
        done = subprocess.run(
            ["sh", "-c", "umask 027; exec \"$@\"", "sh", sys.executable, "-m",
             "twinning.cli", "postgres", "--schema", str(SCHEMA), "--run",
             script, "--report", str(report)],
            env=_env(runtime, FOO="bar baz", TWINNING_WARM=mode),
            cwd=tmp_path, stdin=subprocess.DEVNULL, capture_output=True,
            text=True, timeout=60)
        data = json.loads(report.read_text())
        data.pop("timing", None)
        outputs.append((done.returncode, done.stdout, done.stderr,
                        data["run"], data["tables"]))
    assert outputs[0] == outputs[1]
    code, stdout, stderr, run, _ = outputs[0]
    assert "out\nerr\n" in stderr and f"{tmp_path}\nbar baz\n0027\n0\n" in stderr
    assert run["exit_code"] == 7


def test_the_warm_path_is_taken_and_can_be_turned_off(runtime):
    args = ["postgres", "--schema", str(SCHEMA), "--run", PARENT_OF_SHELL]
    _warmed(runtime)
    for mode, expected in (("1", True), ("0", False)):
        proc = subprocess.Popen(
            [sys.executable, "-m", "twinning.cli", *args],
            env=_env(runtime, TWINNING_WARM=mode), cwd=ROOT,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert _served_warm(err, proc.pid) is expected, err


def test_refusals_and_usage_errors_exit_the_same(runtime, tmp_path):
    bad = tmp_path / "bad.sql"
    bad.write_text("CREATE TABLE t (a int);\nCREATE TABLE t (a int);\n")
    for args in (["postgres", "--schema", str(bad), "--run", "true"],
                 ["postgres", "--no-such-option"],
                 ["postgres", "--schema", str(bad), "--run", "true", "--json"]):
        hot, cold = _run_both(runtime, args)
        assert (hot.returncode, hot.stdout, hot.stderr) == (
            cold.returncode, cold.stdout, cold.stderr)
        assert hot.returncode == 2


def _listening(stderr) -> int:
    line = stderr.readline()
    assert "listening on" in line, line
    return int(line.rsplit(":", 1)[1])


def _serve(runtime: Path, snapshot: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "twinning.cli", "postgres", "--schema",
         str(SCHEMA), "--serve", "--port", "0", "--snapshot", str(snapshot)],
        env=_env(runtime), cwd=ROOT, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigterm_to_the_client_stops_the_warm_twin_cleanly(runtime, tmp_path):
    _warmed(runtime)
    snapshot = tmp_path / "s.twin"
    proc = _serve(runtime, snapshot)
    port = _listening(proc.stderr)
    conn = psycopg2.connect(host="127.0.0.1", port=port, user="postgres",
                            dbname="postgres")
    conn.close()
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    assert snapshot.stat().st_size > 0


def test_a_killed_client_takes_its_warm_twin_down(runtime, tmp_path):
    _warmed(runtime)
    proc = _serve(runtime, tmp_path / "s.twin")
    port = _listening(proc.stderr)
    proc.kill()
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        probe = socket.socket()
        try:
            probe.connect(("127.0.0.1", port))
        except ConnectionRefusedError:
            return
        finally:
            probe.close()
        time.sleep(0.05)
    raise AssertionError("the warm twin still listens after its client died")


def test_a_stale_socket_falls_back_to_a_cold_run(runtime):
    path = Path(warm.socket_path_in(str(runtime)))
    path.parent.mkdir(mode=0o700, exist_ok=True)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(path))  # bound, never listening: connect is refused
    stale.close()
    proc = subprocess.Popen(
        [sys.executable, "-m", "twinning.cli", "postgres", "--schema",
         str(SCHEMA), "--run", PARENT_OF_SHELL], env=_env(runtime), cwd=ROOT,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and not _served_warm(err, proc.pid), err


def test_a_directory_others_can_write_is_not_used(tmp_path):
    folder = tmp_path / f"twinning-{os.getuid()}"
    folder.mkdir()
    folder.chmod(0o777)
    assert warm.socket_path_in(str(tmp_path)) is None


def test_the_code_key_follows_every_module():
    module = Path(warm.__file__).parent.parent / "passes" / "parse.py"
    if not module.exists():  # an installed wheel keeps passes/ inside
        module = Path(warm.__file__).parent / "passes" / "parse.py"
    before = warm.code_key()
    info = module.stat()
    try:
        os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns + 1))
        assert warm.code_key() != before
    finally:
        os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert warm.code_key() == before
