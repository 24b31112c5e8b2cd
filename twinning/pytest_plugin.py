"""The pytest plugin (entry point `pytest11`: installed with the package):
a fresh database per test, forked from one in-process twin in about a
millisecond.

Options (each also an ini value without the dashes, `twinning_schema` …):
  --twinning-schema PATH    the base: a schema file (DDL, optional data)
  --twinning-restore PATH   or a twinning snapshot
  --twinning-clock TS       deterministic time (as `twinning postgres --clock`)
  --twinning-seed N         deterministic randomness (`--seed`)

Fixtures:
  twinning_server  (session) one twin on a free 127.0.0.1 port, in this
                   process; with pytest-xdist, one per worker
  twinning_db      (function) a fork of the base (`CREATE DATABASE …
                   TEMPLATE postgres`), dropped after the test (its
                   leftover connections terminated: WITH (FORCE)); an
                   object with host, port, user, dbname, dsn (libpq
                   keywords) and url (postgresql://…), for psycopg2,
                   psycopg 3, asyncpg, pg8000, SQLAlchemy, …

When a test fails, its report shows the last query strings its database
received, each write the twin refused marked with its SQLSTATE (a
"twinning: last statements" section; other errors are not marked).

Nothing is imported from twinning until a fixture is used, so the plugin
costs a test run that does not use it nothing.
"""

from __future__ import annotations

import itertools
from collections import deque
from dataclasses import dataclass
from typing import Any, Iterator

import pytest

_OPTIONS = (("schema", "PATH", "the base schema file of twinning_db"),
            ("restore", "PATH", "a twinning snapshot as the base instead"),
            ("clock", "TIMESTAMP", "deterministic now() & co. (--clock)"),
            ("seed", "N", "deterministic random(), gen_random_uuid() (--seed)"))


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("twinning", "a PostgreSQL 15 twin per test")
    for name, meta, text in _OPTIONS:
        group.addoption(f"--twinning-{name}", metavar=meta, default=None,
                        help=text)
        parser.addini(f"twinning_{name}", text, default=None)


def _option(config: Any, name: str) -> str | None:
    value = config.getoption(f"--twinning-{name}")
    return value if value is not None else config.getini(f"twinning_{name}")


@dataclass(frozen=True)
class TwinDatabase:
    """Where a test's database is."""

    host: str
    port: int
    dbname: str
    user: str = "postgres"

    @property
    def dsn(self) -> str:
        return (f"host={self.host} port={self.port} user={self.user} "
                f"dbname={self.dbname}")

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.dbname}"


class TwinServer:
    """The session's twin: its engine, its server, and fork names."""

    def __init__(self, engine: Any, server: Any) -> None:
        self.engine = engine
        self.server = server
        self.host = server.host
        self.port = server.port
        self._names = itertools.count(1)

    def base(self) -> TwinDatabase:
        return TwinDatabase(self.host, self.port, "postgres")

    def fork(self, log: Any = None) -> TwinDatabase:
        """A fresh fork of the base; with `log` (a deque), the query
        strings its sessions send are appended to it."""
        from twinning.databases import Databases
        name = f"test_{next(self._names)}"
        databases = Databases.of(self.engine)
        databases.create(name, "postgres")
        if log is not None:
            engine = databases.get(name).engine
            engine.activity = _Recorder(engine.activity, log)
            engine.count_refusal = _refusal_marker(engine.count_refusal, log)
        return TwinDatabase(self.host, self.port, name)

    def drop(self, database: TwinDatabase) -> None:
        from twinning.databases import Databases
        Databases.of(self.engine).drop(database.dbname, True, None, force=True)


class _Recorder:
    """The fork's view of the twin's activity board that also keeps the
    query strings it is told of (only a plugin's fork pays for this)."""

    def __init__(self, activity: Any, log: Any) -> None:
        self._activity = activity
        self._log = log

    def statement(self, sql: str) -> None:
        self._log.append(sql)
        self._activity.statement(sql)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._activity, name)


def _refusal_marker(count: Any, log: Any) -> Any:
    """The fork's refusal counter, which also marks the last logged query
    string with the SQLSTATE of the write the twin refused."""
    def count_refusal(sqlstate: str) -> None:
        if log:
            log[-1] = f"{log[-1]}  -- refused: SQLSTATE {sqlstate}"
        count(sqlstate)
    return count_refusal


def _state(config: Any) -> Any:
    from twinning import bootstrap
    from twinning.passes import load_schema
    from twinning.state import CommittedState
    schema, restore = _option(config, "schema"), _option(config, "restore")
    if schema and restore:
        raise pytest.UsageError("--twinning-schema or --twinning-restore, "
                                "not both")
    if restore:
        return bootstrap.from_snapshot(restore).state
    if schema:
        return bootstrap.from_schema(schema).state
    return CommittedState.empty(load_schema("").catalog, "")


@pytest.fixture(scope="session")
def twinning_server(pytestconfig: Any) -> Iterator[TwinServer]:
    from twinning import determinism
    from twinning.errors import Refusal
    from twinning.server import TwinServer as Server
    from twinning.session import Engine
    clock, seed = _option(pytestconfig, "clock"), _option(pytestconfig, "seed")
    if clock is not None or seed is not None:
        determinism.install(clock, None if seed is None else int(seed))
    try:
        engine = Engine(_state(pytestconfig))
    except Refusal as refusal:
        raise pytest.UsageError(f"twinning: {refusal}") from None
    with Server(engine, "127.0.0.1", 0) as server:
        yield TwinServer(engine, server)


@pytest.fixture
def twinning_db(twinning_server: TwinServer, request: Any
                ) -> Iterator[TwinDatabase]:
    log: deque = deque(maxlen=_LOGGED)
    database = twinning_server.fork(log)
    request.node._twinning_log = (database.dbname, log)
    try:
        yield database
    finally:
        twinning_server.drop(database)


_LOGGED = 20  # query strings shown when a test fails


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: Any, call: Any) -> Iterator[None]:
    """A failed test's report gets the last query strings its database
    received, a refused write's marked with its SQLSTATE (other errors
    are not marked)."""
    outcome = yield
    report = outcome.get_result()
    logged = getattr(item, "_twinning_log", None)
    if logged is not None and report.failed:
        name, log = logged
        report.sections.append((f"twinning: last statements of {name}",
                                "\n".join(log) or "(none)"))
