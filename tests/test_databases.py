"""Many databases in one twin (issue 16): CREATE DATABASE … TEMPLATE,
DROP DATABASE, ALTER DATABASE … RENAME TO, pg_database, the startup
message's database, and isolation between forks.

Every transcript runs on PostgreSQL 15 and on a twin, each holding a
database `fk16_base` loaded with the same schema, and must come out the
same: command tags, rows, notices, SQLSTATEs, messages and details, the
FATAL a connection to a missing database gets, and what psql's `\\l`
prints. PostgreSQL's DROP/RENAME of a database other sessions use waits
5 s before its 55006; the twin's wait is shortened here.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import threading

import psycopg2
import pytest

from tests.differential.harness import postgres_database
from twinning import databases as databases_module
from twinning.databases import Databases
from tests.support.replay import engine_of
from tests.support.twin import serving

pytestmark = pytest.mark.realpg

SCHEMA = "CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL UNIQUE);"
SEED = "INSERT INTO items (name) VALUES ('seed')"
BASE = "fk16_base"
NAMES = ("fk16_a", "fk16_b", "fk16_c", "fk16_d", "fk16_e")


class Server:
    """One server's side of a transcript: named connections."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.conns: dict[str, object] = {}

    def connect(self, label: str, dbname: str) -> str:
        try:
            conn = psycopg2.connect(host=self.host, port=self.port,
                                    user="postgres", dbname=dbname)
        except psycopg2.OperationalError as exc:
            return "connect failed: " + str(exc).split("failed: ", 1)[-1].strip()
        conn.autocommit = True
        self.conns[label] = conn
        return f"connected {dbname}"

    def run(self, label: str, sql: str) -> tuple:
        conn = self.conns[label]
        with conn.cursor() as cur:
            try:
                cur.execute(sql)
            except psycopg2.Error as exc:
                diag = exc.diag
                return ("error", exc.pgcode, diag.message_primary,
                        diag.message_detail, diag.severity)
            finally:
                notices = [n.strip() for n in conn.notices]
                conn.notices.clear()
            rows = cur.fetchall() if cur.description else None
            return ("ok", cur.statusmessage, rows, notices)

    def close(self, label: str) -> None:
        self.conns.pop(label).close()

    def close_all(self) -> None:
        for conn in self.conns.values():
            conn.close()
        self.conns.clear()

    def terminated(self, label: str) -> tuple:
        """What a terminated session's next statement gets."""
        try:
            self.run(label, "SELECT 1")
        except psycopg2.OperationalError as exc:
            return ("closed", str(exc).splitlines()[0])
        return ("alive",)


def transcript(server: Server, steps: list[tuple]) -> list:
    out = []
    for step in steps:
        kind, label, *rest = step
        if kind == "connect":
            out.append(server.connect(label, rest[0]))
        elif kind == "close":
            server.close(label)
        elif kind == "terminated":
            out.append(server.terminated(label))
        else:
            out.append((label, rest[0], server.run(label, rest[0])))
    server.close_all()
    return out


@contextlib.contextmanager
def twin_with_base():
    with serving(engine_of(SCHEMA)) as twin:
        with twin.cursor() as cur:
            cur.execute(SEED)
            cur.execute(f"CREATE DATABASE {BASE} TEMPLATE postgres")
        yield Server(twin.host, twin.port), twin.engine


@pytest.fixture(scope="module")
def servers(realpg):
    with postgres_database(realpg, SCHEMA + SEED, BASE), twin_with_base() as (twin, engine):
        pg = Server(realpg.host, realpg.port)
        yield pg, twin, engine


@pytest.fixture
def both(servers, realpg, monkeypatch):
    """(PostgreSQL, twin), with the test's databases dropped afterwards."""
    pg, twin, _ = servers
    monkeypatch.setattr(databases_module, "_LEAVE_WAIT", 0.3)
    yield pg, twin
    admin = realpg.connect()
    with admin.cursor() as cur:
        for name in NAMES:
            cur.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.close()
    for name in NAMES:
        found = Databases.of(servers[2]).get(name)
        if found is not None:
            Databases.of(servers[2]).drop(name, True, None)


def same(both, steps) -> list:
    pg, twin = both
    expected = transcript(pg, steps)
    assert transcript(twin, steps) == expected
    return expected


def test_create_drop_rename_errors_as_postgres(both):
    s = [("connect", "m", "postgres")] + [("sql", "m", sql) for sql in (
        f"CREATE DATABASE fk16_a TEMPLATE {BASE}",
        f"CREATE DATABASE fk16_a TEMPLATE {BASE}",
        "CREATE DATABASE fk16_b TEMPLATE fk16_nosuch",
        "CREATE DATABASE fk16_a TEMPLATE fk16_nosuch",
        "DROP DATABASE fk16_nosuch",
        "DROP DATABASE IF EXISTS fk16_nosuch",
        "DROP DATABASE postgres",
        "DROP DATABASE template1",
        "DROP DATABASE template0",
        "ALTER DATABASE fk16_a RENAME TO fk16_b",
        "ALTER DATABASE fk16_nosuch RENAME TO fk16_c",
        "ALTER DATABASE fk16_b RENAME TO template1",
        "ALTER DATABASE postgres RENAME TO fk16_c",
        "BEGIN", "CREATE DATABASE fk16_c", "ROLLBACK",
        "BEGIN", "DROP DATABASE fk16_b", "ROLLBACK",
        "CREATE DATABASE fk16_c; SELECT 1",
        f"CREATE DATABASE fk16_c WITH TEMPLATE = {BASE}",
        "SELECT has_database_privilege('fk16_c', 'CONNECT')",
        "SELECT has_database_privilege('fk16_nosuch', 'CONNECT')",
        "SELECT datname, datistemplate, datallowconn FROM pg_database "
        "WHERE datname LIKE 'fk16%' OR datname IN ('postgres', 'template0', "
        "'template1') ORDER BY datname",
        "DROP DATABASE fk16_b",
        "DROP DATABASE IF EXISTS fk16_c",
        "SELECT datname FROM pg_database WHERE datname LIKE 'fk16%' "
        "ORDER BY datname",
    )]
    same(both, s)


# a session m on postgres forks the base as fk16_a
FORK_A = [("connect", "m", "postgres"),
          ("sql", "m", f"CREATE DATABASE fk16_a TEMPLATE {BASE}")]


def test_startup_database(both):
    """A missing database and template0 are FATAL at connection; a fork
    answers current_database() with its own name."""
    same(both, [
        ("connect", "m", "postgres"),
        ("connect", "x", "fk16_nosuch"),
        ("connect", "x", "template0"),
        ("sql", "m", f"CREATE DATABASE fk16_a TEMPLATE {BASE}"),
        ("connect", "a", "fk16_a"),
        ("sql", "a", "SELECT current_database(), current_catalog"),
        ("sql", "a", "SELECT datname FROM pg_database d JOIN pg_stat_activity"
                     " s ON s.datid = d.oid WHERE s.pid = pg_backend_pid()"),
        ("connect", "t", "template1"),
        ("sql", "t", "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
    ])


def test_other_sessions_block_drop_and_rename(both):
    """55006 with PostgreSQL's detail counting the other sessions; the
    same DROP succeeds once they are gone."""
    same(both, FORK_A + [
        ("connect", "a1", "fk16_a"),
        ("connect", "a2", "fk16_a"),
        ("sql", "m", "DROP DATABASE fk16_a"),
        ("close", "a2"),
        ("sql", "m", "ALTER DATABASE fk16_a RENAME TO fk16_b"),
        ("sql", "a1", "DROP DATABASE fk16_a"),
        ("close", "a1"),
        ("sql", "m", "ALTER DATABASE fk16_a RENAME TO fk16_b"),
        ("sql", "m", "DROP DATABASE fk16_b"),
    ])


def test_drop_with_force_ends_the_other_sessions(both):
    same(both, FORK_A + [
        ("connect", "a", "fk16_a"),
        ("sql", "a", "DROP DATABASE fk16_a WITH (FORCE)"),
        ("sql", "m", "DROP DATABASE fk16_a WITH (FORCE)"),
        ("terminated", "a"),
        ("sql", "m", "SELECT count(*) FROM pg_database WHERE datname = 'fk16_a'"),
        ("sql", "m", "DROP DATABASE IF EXISTS fk16_a WITH (FORCE)"),
    ])


def test_forks_are_isolated(both):
    """Two forks of one template written concurrently: each sees only its
    own rows, sequence positions, failed transaction and settings; the
    template is unchanged, and a fork of a fork starts from its state."""
    same(both, FORK_A + [
        ("sql", "m", f"CREATE DATABASE fk16_b TEMPLATE {BASE}"),
        ("connect", "a", "fk16_a"),
        ("connect", "b", "fk16_b"),
        ("sql", "a", "BEGIN"),
        ("sql", "b", "BEGIN"),
        ("sql", "a", "INSERT INTO items (name) VALUES ('a1'), ('a2') RETURNING *"),
        ("sql", "b", "INSERT INTO items (name) VALUES ('a1') RETURNING *"),
        ("sql", "b", "INSERT INTO items (name) VALUES ('seed')"),
        ("sql", "a", "SET LOCAL work_mem = '8MB'"),
        ("sql", "a", "SET statement_timeout = '7s'"),
        ("sql", "a", "COMMIT"),
        ("sql", "b", "SELECT 1"),
        ("sql", "b", "ROLLBACK"),
        ("sql", "b", "SHOW statement_timeout"),
        ("sql", "a", "SHOW statement_timeout"),
        ("sql", "b", "SELECT * FROM items ORDER BY id"),
        ("sql", "a", "SELECT * FROM items ORDER BY id"),
        ("sql", "b", "SELECT nextval('items_id_seq')"),
        ("sql", "b", "CREATE TABLE only_b (x int)"),
        ("sql", "a", "SELECT count(*) FROM pg_tables WHERE tablename = 'only_b'"),
        ("close", "a"),
        ("sql", "m", "CREATE DATABASE fk16_c TEMPLATE fk16_a"),
        ("connect", "c", "fk16_c"),
        ("sql", "c", "SELECT * FROM items ORDER BY id"),
        ("sql", "c", "INSERT INTO items (name) VALUES ('c') RETURNING *"),
        ("close", "c"),
        ("connect", "base", BASE),
        ("sql", "base", "SELECT * FROM items ORDER BY id"),
    ])


def test_concurrent_writers_in_two_forks_do_not_block(servers, both):
    """A transaction holding a row lock in one fork does not hold up a
    write of the same key in another (the twin only: PostgreSQL has no
    shared state between databases either, which this shows)."""
    _, twin = both
    twin.connect("m", "postgres")
    twin.run("m", f"CREATE DATABASE fk16_a TEMPLATE {BASE}")
    twin.run("m", f"CREATE DATABASE fk16_b TEMPLATE {BASE}")
    twin.connect("a", "fk16_a")
    twin.connect("b", "fk16_b")
    twin.run("a", "BEGIN")
    twin.run("a", "UPDATE items SET name = 'held' WHERE id = 1")
    done = []
    worker = threading.Thread(target=lambda: done.append(
        twin.run("b", "UPDATE items SET name = 'free' WHERE id = 1")))
    worker.start()
    worker.join(10)
    assert done == [("ok", "UPDATE 1", None, [])]
    twin.run("a", "ROLLBACK")
    twin.close_all()


def _psql(host: str, port: int, command: str) -> str:
    program = shutil.which("psql")
    assert program
    done = subprocess.run([program, "-X", "-h", host, "-p", str(port), "-U",
                           "postgres", "-d", "postgres", "-c", command],
                          capture_output=True, text=True, timeout=60)
    return done.stdout + done.stderr


def test_psql_lists_databases_alike(both):
    pg, twin = both
    for server in both:
        server.connect("m", "postgres")
        server.run("m", f"CREATE DATABASE fk16_a TEMPLATE {BASE}")
        server.run("m", f"CREATE DATABASE fk16_b TEMPLATE {BASE}")
        server.close_all()
    for command in (r"\l fk16_*", r"\l template*", r"\l postgres"):
        assert _psql(twin.host, twin.port, command) == \
            _psql(pg.host, pg.port, command)
