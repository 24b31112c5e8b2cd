"""A twin server for tests: the real TCP server, in-process, on a free port.

`running_twin()` loads the example schema (or a given state), starts
`TwinServer` on 127.0.0.1 port 0 and stops it afterwards. Tests talk to it
with real client libraries only.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from twinning import bootstrap
from twinning.server import TwinServer
from twinning.session import Engine

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE_SCHEMA = ROOT / "examples" / "deals" / "schema.sql"


class Twin:
    def __init__(self, server: TwinServer, engine: Engine) -> None:
        self.server = server
        self.engine = engine
        self.host = server.host
        self.port = server.port
        self.user = "postgres"
        self.dbname = "postgres"

    @property
    def dsn(self) -> str:
        return f"host={self.host} port={self.port} user=postgres dbname=postgres"

    @property
    def url(self) -> str:
        return f"postgresql://postgres@{self.host}:{self.port}/postgres"

    def connect(self, **kwargs):
        import psycopg2
        return psycopg2.connect(self.dsn, **kwargs)


@contextlib.contextmanager
def running_twin(password: str | None = None):
    state = bootstrap.from_schema(str(EXAMPLE_SCHEMA)).state
    engine = Engine(state, password=password)
    server = TwinServer(engine, "127.0.0.1", 0)
    server.start()
    try:
        yield Twin(server, engine)
    finally:
        server.stop()
