"""`twinning postgres --run CMD` and `--serve`, as a user runs them: the
real CLI in a subprocess, real clients, artifacts validated against their
JSON Schemas.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
import pytest

from twinning import schemas

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "deals" / "schema.sql"
TWINNING = [sys.executable, "-m", "twinning.cli"]


def _twinning(*args: str, timeout: float = 60, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*TWINNING, *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, **kw)


def _report(path: Path) -> dict:
    report = json.loads(path.read_text())
    schemas.validator("twinning.v0").validate(report)
    return report


def test_run_psql_select_1(tmp_path):
    report_path = tmp_path / "r.json"
    out = _twinning("postgres", "--schema", str(EXAMPLE), "--port", "0",
                    "--run", 'psql -X -c "select 1"', "--report",
                    str(report_path))
    assert out.returncode == 0, out.stderr
    report = _report(report_path)
    assert report["mode"] == "run_once"
    assert report["run"] == {"command": 'psql -X -c "select 1"',
                             "exit_code": 0, "signal": None,
                             "timed_out": False}
    assert report["port"] > 0
    assert f"listening on 127.0.0.1:{report['port']}" in out.stderr
    assert "(1 row)" in out.stderr  # the child's stdout goes to stderr


def test_run_child_environment_and_json(tmp_path):
    script = ("import os, psycopg2\n"
              "c = psycopg2.connect(os.environ['DATABASE_URL'])\n"
              "cur = c.cursor(); cur.execute('select current_database(), current_user')\n"
              "print(cur.fetchone()); c.close()\n"
              "c = psycopg2.connect(''); c.close()\n")
    out = _twinning("postgres", "--schema", str(EXAMPLE), "--port", "0",
                    "--run", f"{sys.executable} -c \"{script}\"", "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)  # stdout is the report and nothing else
    schemas.validator("twinning.v0").validate(report)
    assert report["run"]["exit_code"] == 0
    assert "('postgres', 'postgres')" in out.stderr


def test_failing_child_keeps_exit_code_domain(tmp_path):
    out = _twinning("postgres", "--schema", str(EXAMPLE), "--port", "0",
                    "--run", "exit 3", "--report", str(tmp_path / "r.json"))
    assert out.returncode == 0
    assert _report(tmp_path / "r.json")["run"]["exit_code"] == 3


def test_run_timeout_kills_the_process_group(tmp_path):
    marker = tmp_path / "grandchild-survived"
    started = time.monotonic()
    out = _twinning("postgres", "--schema", str(EXAMPLE), "--port", "0",
                    "--run", f"(sleep 4; touch {marker}) & sleep 30",
                    "--run-timeout", "1", "--report", str(tmp_path / "r.json"))
    assert out.returncode == 0, out.stderr
    assert time.monotonic() - started < 15
    run = _report(tmp_path / "r.json")["run"]
    assert run["timed_out"] is True
    assert run["exit_code"] is None and run["signal"] == signal.SIGTERM
    time.sleep(4)
    assert not marker.exists()


def test_run_timeout_must_be_positive():
    out = _twinning("postgres", "--schema", str(EXAMPLE), "--port", "0",
                    "--run", "true", "--run-timeout", "soon", "--json")
    assert out.returncode == 2
    assert json.loads(out.stdout)["refusal"]["code"] == "E_USAGE"


def test_port_in_use_is_e_bind():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        out = _twinning("postgres", "--schema", str(EXAMPLE), "--port",
                        str(port), "--run", "true", "--json")
    assert out.returncode == 2
    envelope = json.loads(out.stdout)
    schemas.validator("twinning.v0").validate(envelope)
    assert envelope["refusal"]["code"] == "E_BIND"


def test_password_reaches_the_child(tmp_path):
    out = _twinning("postgres", "--schema", str(EXAMPLE), "--port", "0",
                    "--run", 'psql -X -Atc "show session_authorization"',
                    env=dict(os.environ, TWINNING_PASSWORD="pw"))
    assert out.returncode == 0
    assert "postgres" in out.stderr.split("\n", 1)[1]


def test_sigterm_during_serve_writes_report_and_snapshot(tmp_path):
    report_path, snap_path = tmp_path / "r.json", tmp_path / "s.twin"
    proc = subprocess.Popen(
        [*TWINNING, "postgres", "--schema", str(EXAMPLE), "--port", "0",
         "--serve", "--report", str(report_path), "--snapshot", str(snap_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        line = proc.stderr.readline()
        port = int(re.search(r"listening on 127\.0\.0\.1:(\d+)", line).group(1))
        conn = psycopg2.connect(host="127.0.0.1", port=port, user="postgres",
                                dbname="postgres")
        cur = conn.cursor()
        cur.execute("select 1")
        assert cur.fetchone() == (1,)
        conn.commit()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        with pytest.raises(psycopg2.OperationalError):
            cur.execute("select 1")  # the server is gone
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    report = _report(report_path)
    assert report["mode"] == "serve" and report["port"] == port
    assert snap_path.exists()
    assert report["snapshot"]["written_to"] == str(snap_path)
    inspect = _twinning("snapshot", "inspect", str(snap_path), "--json")
    assert json.loads(inspect.stdout)["snapshot_hash"] == \
        report["snapshot"]["snapshot_hash"]


def test_run_with_socket_dir(tmp_path):
    sockets = tmp_path / "sock"
    sockets.mkdir()
    out = _twinning("postgres", "--schema", str(EXAMPLE), "--port", "0",
                    "--socket-dir", str(sockets), "--run",
                    f'psql -X -At -h {sockets} -c "select 40 + 2"',
                    "--report", str(tmp_path / "r.json"))
    assert out.returncode == 0, out.stderr
    port = _report(tmp_path / "r.json")["port"]
    assert (f"listening on 127.0.0.1:{port} and {sockets}/.s.PGSQL.{port}"
            in out.stderr)
    assert "42" in out.stderr.splitlines()
    assert not any(sockets.iterdir())  # the socket file is removed on stop
