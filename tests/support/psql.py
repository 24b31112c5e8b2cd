"""psql against a real PostgreSQL and a twin loaded with the same schema:
what the describe-command tests compare."""

from __future__ import annotations

import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from tests.differential.harness import postgres_database, twin_server

SCHEMAS = Path(__file__).resolve().parent.parent / "differential" / "schemas"


def params(connect) -> dict:
    """host, port, user and dbname of a server, from one connection."""
    conn = connect()
    try:
        info = conn.info
        return {"host": info.host, "port": info.port, "user": info.user,
                "dbname": info.dbname}
    finally:
        conn.close()


def psql(server: dict, command: str) -> str:
    """What `psql -X -c COMMAND` prints (stdout, then stderr)."""
    program = shutil.which("psql")
    assert program, "psql (postgresql-client) is installed by scripts/system-deps.sh"
    done = subprocess.run(
        [program, "-X", "-h", server["host"], "-p", str(server["port"]),
         "-U", server["user"], "-d", server["dbname"], "-c", command],
        capture_output=True, text=True, timeout=60)
    return done.stdout + done.stderr


@contextmanager
def psql_servers(realpg, schema: str, name: str) -> Iterator[tuple[dict, dict]]:
    """(PostgreSQL, twin) connection parameters, both loaded with `schema`
    (a database `name` on `realpg`)."""
    with postgres_database(realpg, schema, name) as pg_connect, \
            twin_server(schema, name) as twin_connect:
        yield params(pg_connect), params(twin_connect)


def schema_file(name: str) -> str:
    """A schema of the differential corpus (tests/differential/schemas)."""
    return (SCHEMAS / name).read_text()


def servers_fixture(schema: str, name: str):
    """A module-scoped `servers` fixture: psql_servers(realpg, SCHEMA, NAME)."""
    @pytest.fixture(scope="module")
    def servers(realpg):
        with psql_servers(realpg, schema, name) as pair:
            yield pair
    return servers


def describes_alike(servers: tuple[dict, dict], command: str) -> str:
    """Assert that psql prints the same for COMMAND on the twin as on
    PostgreSQL; return what it printed on the twin."""
    pg, twin = servers
    out = psql(twin, command)
    assert out == psql(pg, command)
    return out
