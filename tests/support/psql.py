"""psql against a real PostgreSQL and a twin loaded with the same schema:
what the describe-command tests compare."""

from __future__ import annotations

import shutil
import subprocess
from contextlib import contextmanager
from typing import Iterator

from tests.differential.harness import postgres_database, twin_server


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
