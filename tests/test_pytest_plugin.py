"""The pytest plugin (issue 16): the example suite (examples/pytest_suite)
run by pytest in a subprocess with --twinning-schema, each test on its own
fork; a suite whose test fails, with the twin's databases left as they
were; and a suite run by pytest-xdist, a twin per worker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pytest(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "-q",
                           "-p", "no:randomly", "-p", "no:cacheprovider", *args],
                          capture_output=True, text=True, timeout=300, cwd=cwd,
                          env={**os.environ, "TWINNING_WARM": "0"})


def test_example_suite_passes():
    done = _pytest("examples/pytest_suite", "--twinning-schema",
                   "examples/deals/schema.sql")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "9 passed" in done.stdout


def _project(tmp_path, test_file: str, source: str) -> None:
    """A pytest project whose ini names a one-table schema, and one test
    file."""
    (tmp_path / "schema.sql").write_text("CREATE TABLE t (x int);")
    (tmp_path / "pytest.ini").write_text("[pytest]\ntwinning_schema = schema.sql\n")
    (tmp_path / test_file).write_text(source)


def test_forks_are_dropped_and_the_ini_names_the_schema(tmp_path):
    _project(tmp_path, "test_it.py",
        "import psycopg2\n"
        "def test_one(twinning_db, twinning_server):\n"
        "    with psycopg2.connect(twinning_db.dsn) as c, c.cursor() as cur:\n"
        "        cur.execute('INSERT INTO t VALUES (1)')\n"
        "def test_after(twinning_db, twinning_server):\n"
        "    with psycopg2.connect(twinning_server.base().dsn) as c, c.cursor() as cur:\n"
        "        cur.execute(\"SELECT datname FROM pg_database WHERE datname LIKE 'test%' ORDER BY 1\")\n"
        "        assert cur.fetchall() == [(twinning_db.dbname,)]\n"
        "        cur.execute('SELECT count(*) FROM t')\n"
        "        assert cur.fetchone() == (0,)\n"
        "def test_fails(twinning_db):\n"
        "    with psycopg2.connect(twinning_db.dsn) as c, c.cursor() as cur:\n"
        "        cur.execute('SELECT 42 AS answer')\n"
        "    with psycopg2.connect(twinning_db.dsn) as c, c.cursor() as cur:\n"
        "        try:\n"
        "            cur.execute('INSERT INTO t VALUES (1 / 0)')\n"
        "        except psycopg2.Error:\n"
        "            pass\n"
        "    assert False\n")
    done = _pytest(cwd=tmp_path)
    assert done.returncode == 1
    assert "1 failed, 2 passed" in done.stdout, done.stdout
    assert "twinning: last statements of test_3" in done.stdout
    assert "SELECT 42 AS answer" in done.stdout
    assert "INSERT INTO t VALUES (1 / 0)  -- refused: SQLSTATE 22012" in done.stdout


def test_each_xdist_worker_has_its_own_twin_and_each_test_a_fresh_fork(tmp_path):
    """pytest-xdist (`-n 2`): the session-scoped `twinning_server` is one
    twin per worker process, and every test's `twinning_db` is a fork of
    the base that no other test has written to."""
    _project(tmp_path, "test_workers.py",
        "import json, os, pytest, psycopg2\n"
        "@pytest.mark.parametrize('n', range(8))\n"
        "def test_write(n, twinning_db, twinning_server):\n"
        "    with psycopg2.connect(twinning_db.dsn) as c, c.cursor() as cur:\n"
        "        cur.execute('SELECT count(*) FROM t')\n"
        "        (before,) = cur.fetchone()\n"
        "        cur.execute('INSERT INTO t VALUES (%s)', (n,))\n"
        "        cur.execute('SELECT current_database()')\n"
        "        (database,) = cur.fetchone()\n"
        "    record = dict(worker=os.environ['PYTEST_XDIST_WORKER'], pid=os.getpid(),\n"
        "                  server_port=twinning_server.port, port=twinning_db.port,\n"
        "                  database=database, dbname=twinning_db.dbname, before=before)\n"
        "    with open(f'records/{n}.json', 'w') as out:\n"
        "        json.dump(record, out)\n")
    (tmp_path / "records").mkdir()
    done = _pytest("-n", "2", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "8 passed" in done.stdout, done.stdout
    records = [json.loads(p.read_text()) for p in (tmp_path / "records").iterdir()]
    assert len(records) == 8
    workers = {r["worker"] for r in records}
    assert workers == {"gw0", "gw1"}
    twin_of = {}  # worker → (its process, its twin's port)
    for r in records:
        assert r["port"] == r["server_port"]  # the fork is on the worker's twin
        assert twin_of.setdefault(r["worker"], (r["pid"], r["port"])) == \
            (r["pid"], r["port"])  # one twin for all of a worker's tests
        assert r["database"] == r["dbname"]
        assert r["before"] == 0  # a fresh fork: no other test's row
    (pid0, port0), (pid1, port1) = twin_of.values()
    assert pid0 != pid1 and port0 != port1
    names = [(r["worker"], r["dbname"]) for r in records]
    assert len(set(names)) == 8  # a fork per test
