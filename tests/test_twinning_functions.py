"""twinning.reset() and twinning.snapshot_hash() (issue 16): the twin's
own functions, so the twin is their only judge: reset returns a database
to the state it was made, loaded or restored from (rows, sequences, DDL)
and touches no other database; snapshot_hash is the hash a snapshot of
the database records."""

from __future__ import annotations

import psycopg2
import pytest

from tests.support.twin import running_twin
from twinning import snapshot
from twinning.databases import Databases


@pytest.fixture(scope="module")
def twin():
    with running_twin() as t:
        yield t


def _connect(twin, dbname="postgres"):
    conn = psycopg2.connect(host=twin.host, port=twin.port, user="postgres",
                            dbname=dbname)
    conn.autocommit = True
    return conn


def _one(conn, sql):
    with conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchone()[0] if cur.description else cur.statusmessage


def test_snapshot_hash_is_the_snapshots(twin):
    conn = _connect(twin)
    expected = snapshot.encode(twin.engine.committed_state())[1]
    assert _one(conn, "SELECT twinning.snapshot_hash()") == expected
    conn.close()


def test_reset_returns_a_fork_to_its_creation(twin):
    admin = _connect(twin)
    _one(admin, "CREATE DATABASE fn_a TEMPLATE postgres")
    fork = _connect(twin, "fn_a")
    at_creation = _one(fork, "SELECT twinning.snapshot_hash()")
    _one(fork, "INSERT INTO tenants (tenant_id, name) VALUES (1, 't')")
    _one(fork, "SELECT nextval('invoice_numbers')")
    _one(fork, "CREATE TABLE scratch (x int)")
    changed = _one(fork, "SELECT twinning.snapshot_hash()")
    assert changed != at_creation
    base = _one(admin, "SELECT twinning.snapshot_hash()")
    assert _one(fork, "SELECT twinning.reset()") == ""
    assert _one(fork, "SELECT twinning.snapshot_hash()") == at_creation
    assert _one(fork, "SELECT count(*) FROM tenants") == 0
    assert _one(fork, "SELECT count(*) FROM pg_tables WHERE tablename = "
                      "'scratch'") == 0
    assert _one(admin, "SELECT twinning.snapshot_hash()") == base
    # the sequence is back too: the same id is drawn again
    first = _one(fork, "SELECT nextval('invoice_numbers')")
    _one(fork, "SELECT twinning.reset()")
    assert _one(fork, "SELECT nextval('invoice_numbers')") == first
    fork.close()
    Databases.of(twin.engine).drop("fn_a", True, None)
    admin.close()


def test_reset_refusals(twin):
    conn = _connect(twin)
    with conn.cursor() as cur:
        cur.execute("BEGIN")
        with pytest.raises(psycopg2.Error) as caught:
            cur.execute("SELECT twinning.reset()")
        assert caught.value.pgcode == "25001"
        cur.execute("ROLLBACK")
        cur.execute("CREATE TEMP TABLE t (x int)")
        with pytest.raises(psycopg2.Error) as caught:
            cur.execute("SELECT twinning.reset()")
        assert caught.value.pgcode == "0A000"
        with pytest.raises(psycopg2.Error) as caught:
            cur.execute("SELECT reset()")  # only schema-qualified
        assert caught.value.pgcode == "42883"
    conn.close()
