"""The 200-test suite workload (issue 16): one fresh database per test, a
handful of statements each, run by pytest in a subprocess.

Twin: the twinning pytest plugin (`twinning_db`: a fork of the schema per
test, from an in-process twin the suite starts). PostgreSQL:
pytest-postgresql's template-database fixture (`postgresql_noproc` on
the bench's server with the schema loaded into a template database once,
`postgresql`: a database cloned from it per test, dropped after), what
users of PostgreSQL run today. The same test bodies on both; the figure
is the whole pytest run, start-up included.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.workloads import Context, Side

SCHEMA = """CREATE TABLE accounts (id serial PRIMARY KEY, name text NOT NULL UNIQUE,
                       balance numeric(12,2) NOT NULL DEFAULT 0 CHECK (balance >= 0));
CREATE TABLE moves (id serial PRIMARY KEY, account int NOT NULL REFERENCES accounts,
                    amount numeric(12,2) NOT NULL);
"""

TESTS = '''
import pytest


@pytest.mark.parametrize("n", range({count}))
def test_transfer(db, n):
    with db.cursor() as cur:
        cur.execute("INSERT INTO accounts (name, balance) VALUES (%s, 100), (%s, 0) "
                    "RETURNING id", (f"a{{n}}", f"b{{n}}"))
        a, b = (row[0] for row in cur.fetchall())
        cur.execute("INSERT INTO moves (account, amount) VALUES (%s, -30), (%s, 30)",
                    (a, b))
        cur.execute("UPDATE accounts SET balance = balance - 30 WHERE id = %s", (a,))
        cur.execute("UPDATE accounts SET balance = balance + 30 WHERE id = %s", (b,))
        cur.execute("SELECT count(*), sum(balance) FROM accounts")
        assert cur.fetchone() == (2, 100)
    db.commit()
'''

TWIN_CONFTEST = '''
import psycopg
import pytest


@pytest.fixture
def db(twinning_db):
    with psycopg.connect(twinning_db.url) as conn:
        yield conn
'''

PG_CONFTEST = '''
from pathlib import Path

from pytest_postgresql import factories

postgresql_bench = factories.postgresql_noproc(
    host={host!r}, port={port}, user={user!r}, dbname="suite_tmpl",
    load=[Path({schema!r})])
db = factories.postgresql("postgresql_bench")
'''


def _dsn_parts(dsn: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in dsn.split())


def test_suite(side: Side, n: int, ctx: Context) -> float:
    """pytest over n tests, one fresh database each; seconds."""
    with tempfile.TemporaryDirectory() as where:
        root = Path(where)
        schema = root / "schema.sql"
        schema.write_text(SCHEMA)
        (root / "test_suite.py").write_text(TESTS.format(count=n))
        # plugins of the development venv that neither fixture uses stay
        # out of both runs (hypothesis' alone adds ~0.6 s at session end)
        args = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly",
                "-p", "no:cacheprovider", "-p", "no:hypothesispytest",
                str(root)]
        if side.name == "twin":
            (root / "conftest.py").write_text(TWIN_CONFTEST)
            args += ["--twinning-schema", str(schema), "-p", "no:postgresql"]
        else:
            parts = _dsn_parts(side.dsn)
            (root / "conftest.py").write_text(PG_CONFTEST.format(
                host=parts["host"], port=int(parts["port"]),
                user=parts["user"], schema=str(schema)))
        env = {**os.environ, "TWINNING_WARM": "0"}
        started = time.perf_counter()
        done = subprocess.run(args, capture_output=True, text=True, cwd=root,
                              env=env, timeout=1800)
        seconds = time.perf_counter() - started
        if done.returncode != 0 or f"{n} passed" not in done.stdout:
            tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
            raise RuntimeError("pytest failed: " + " | ".join(tail))
        return seconds
