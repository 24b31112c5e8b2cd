"""The pytest plugin (issue 16): the example suite (examples/pytest_suite)
run by pytest in a subprocess with --twinning-schema, each test on its own
fork; and a suite whose test fails, with the twin's databases left as they
were."""

from __future__ import annotations

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


def test_forks_are_dropped_and_the_ini_names_the_schema(tmp_path):
    (tmp_path / "schema.sql").write_text("CREATE TABLE t (x int);")
    (tmp_path / "pytest.ini").write_text("[pytest]\ntwinning_schema = schema.sql\n")
    (tmp_path / "test_it.py").write_text(
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
