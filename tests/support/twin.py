"""A twin server for tests: the real TCP server, in-process, on a free port.

`running_twin()` loads the example schema (or a given state), starts
`TwinServer` on 127.0.0.1 port 0 and stops it afterwards. Tests talk to it
with real client libraries only.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from twinning import bootstrap, pytest_plugin
from twinning.server import TwinServer
from twinning.session import Engine

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE_SCHEMA = ROOT / "examples" / "deals" / "schema.sql"


class Twin(pytest_plugin.TwinServer):
    """The running twin as the pytest plugin's server (engine, server,
    host, port) with its base database's address (user, dbname, dsn, url)."""

    def __init__(self, server: TwinServer, engine: Engine) -> None:
        super().__init__(engine, server)
        self.user = "postgres"
        self.dbname = "postgres"

    dsn = pytest_plugin.TwinDatabase.dsn
    url = pytest_plugin.TwinDatabase.url

    def connect(self, **kwargs):
        import psycopg2
        return psycopg2.connect(self.dsn, **kwargs)

    @contextlib.contextmanager
    def cursor(self):
        """An autocommit psycopg2 cursor on a new connection, closed after."""
        conn = self.connect()
        conn.autocommit = True
        try:
            yield conn.cursor()
        finally:
            conn.close()


@contextlib.contextmanager
def serving(engine: Engine):
    """ENGINE behind the TCP server on a free 127.0.0.1 port (a Twin),
    stopped afterwards."""
    with TwinServer(engine, "127.0.0.1", 0) as server:
        yield Twin(server, engine)


@contextlib.contextmanager
def running_twin(password: str | None = None):
    """A twin of the example schema, served (see `serving`)."""
    state = bootstrap.from_schema(str(EXAMPLE_SCHEMA)).state
    with serving(Engine(state, password=password)) as twin:
        yield twin
