"""The shadow parity ledger: `twinning postgres --schema S --shadow URL`.

Each twin session gets a twin of itself on real PostgreSQL: a connection
to a fresh database created at URL from the same schema (`ShadowDatabase`,
dropped at the end). `ShadowConnection` wraps the twin's sans-I/O
`Connection`: every byte a client sends after start-up goes to the twin
first (whose answer is what the client gets) and then, unchanged, to
PostgreSQL, so both see the same statements in the same order with the
same session structure (one PostgreSQL session per twin session, the
same transactions, prepared statements and portals).

The two answers are compared at each ReadyForQuery: each side's messages
are cut into statement outcomes (at CommandComplete, ErrorResponse,
EmptyQueryResponse, PortalSuspended) and compared pairwise as `proof`
compares them (column names and types — a user type's OID as "user" —,
command tag, rows as a multiset or in ORDER BY order; an error's SQLSTATE,
message, detail, hint, position and context; the notices, in order; the
transaction status at ReadyForQuery). A RowDescription that precedes an
error is not compared: no client sees it. Every difference goes to the
`Ledger`, which the report prints as its `parity` section. A COPY FROM
STDIN that only PostgreSQL accepts is ended there with CopyFail, so the
two stay in step.

PostgreSQL's connection is opened by libpq (psycopg's `pq`, any
authentication, `sslmode=disable`), then spoken to through its socket.
"""

from __future__ import annotations

import os
import socket
import threading
from collections import deque
from typing import Any

from twinning.errors import Refusal
from twinning.proof_compare import canonical_groups, order_keys, side_summary
from twinning.proof_replay import Outcome
from twinning.psycopg_driver import psycopg_driver
from twinning.wire.connection import Connection, State
from twinning.wire.messages import (CopyData, CopyFail,
                                    CopyInResponse, DataRow, ErrorResponse,
                                    NoticeResponse, ReadyForQuery,
                                    RowDescription,
                                    decode_backend, decode_backend_stream,
                                    decode_frontend)

TIMEOUT = 120.0  # seconds PostgreSQL may take to answer one batch
MAX_LISTED = 1000  # divergences kept in the report (all are counted)
_PORTAL_SUSPENDED = "PortalSuspended"
# compared beside SQLSTATE and message: detail, hint, position, context
_ERROR_FIELDS = ("D", "H", "P", "W")


class Ledger:
    """What every shadowed session compared, shared by all of them."""

    def __init__(self, source: dict[str, Any], database: str) -> None:
        self._lock = threading.Lock()
        self.source, self.database = source, database
        self.compared = 0
        self.divergences: list[dict[str, Any]] = []
        self.divergence_count = 0
        self.sessions = 0

    def session(self) -> int:
        with self._lock:
            self.sessions += 1
            return self.sessions

    def record(self, session: int, statement: str | None, twin: Outcome,
               postgres: Outcome) -> None:
        """Compare one statement's two outcomes."""
        keys = order_keys(statement) if statement else None
        tg, pg = canonical_groups(twin, keys), canonical_groups(postgres, keys)
        if twin.sqlstate or postgres.sqlstate:
            # an error: a RowDescription sent before it reaches no client
            same = (twin.sqlstate, twin.message, twin.error_fields) == \
                (postgres.sqlstate, postgres.message, postgres.error_fields)
        else:
            same = (_types(twin.columns), twin.command_tag, tg[1]) == \
                (_types(postgres.columns), postgres.command_tag, pg[1])
        same = same and twin.notices == postgres.notices
        with self._lock:
            self.compared += 1
            if same:
                return
            self.divergence_count += 1
            if len(self.divergences) < MAX_LISTED:
                self.divergences.append({
                    "session": session, "statement": statement,
                    "twin": _summary(twin, tg[1]),
                    "postgres": _summary(postgres, pg[1])})

    def status(self, session: int, statement: str | None, twin: str,
               postgres: str) -> None:
        """The transaction status each side reported at ReadyForQuery."""
        if twin != postgres:
            with self._lock:
                self.divergence_count += 1
                self.divergences.append({
                    "session": session, "statement": statement,
                    "twin": {"transaction_status": twin},
                    "postgres": {"transaction_status": postgres}})

    def lost(self, session: int, why: str) -> None:
        with self._lock:
            self.divergence_count += 1
            self.divergences.append({"session": session, "statement": None,
                                     "twin": {}, "postgres": {"lost": why}})

    def block(self) -> dict[str, Any]:
        with self._lock:
            return {"shadow": self.source, "database": self.database,
                    "sessions": self.sessions,
                    "statements_compared": self.compared,
                    "divergence_count": self.divergence_count,
                    "divergences": list(self.divergences)}


FIRST_NORMAL_OID = 16384


def _summary(outcome: Outcome, groups) -> dict[str, Any]:
    side = side_summary(outcome, groups)
    fields = {k: v for k, v in outcome.error_fields if v is not None}
    if fields:
        side["error_fields"] = fields
    if outcome.notices:
        side["notices"] = [list(n) for n in outcome.notices]
    return side


def _types(columns):
    """Columns as compared: a user type's OID (an enum's, a composite's)
    is whatever the cluster had free, so it compares as "user"."""
    if columns is None:
        return None
    return [(n, "user" if t >= FIRST_NORMAL_OID else t, m)
            for n, t, m in columns]


class ShadowDatabase:
    """A fresh database at URL's server, built from the schema text."""

    def __init__(self, url: str, schema: str, name: str | None = None) -> None:
        psycopg = psycopg_driver("--shadow")
        self.url = url
        self.name = name or f"twinning_shadow_{os.getpid()}_{id(self) % 100000}"
        info = psycopg.conninfo.conninfo_to_dict(url)
        self.source = {k: info[k] for k in ("host", "port", "dbname") if k in info}
        try:
            with psycopg.connect(url, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{self.name}"')
            self.conninfo = psycopg.conninfo.make_conninfo(
                url, dbname=self.name, sslmode="disable")
            with psycopg.connect(self.conninfo, autocommit=True) as conn:
                conn.execute(schema)  # one simple Query, as a script runs
        except psycopg.Error as exc:
            self.drop()
            raise Refusal("E_SHADOW", f"cannot build the shadow database: "
                          f"{str(exc).strip()}", {"database": self.name},
                          "check --shadow (a role that may CREATE DATABASE)"
                          ) from None

    def drop(self) -> None:
        psycopg = psycopg_driver("--shadow")
        try:
            with psycopg.connect(self.url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        except psycopg.Error:
            pass


class _Link:
    """One PostgreSQL session, spoken to in raw protocol after libpq's
    start-up."""

    def __init__(self, conninfo: str, params: dict[str, str]) -> None:
        from psycopg import pq
        options = " ".join(f"-c {k}={v.replace(' ', chr(92) + ' ')}"
                           for k, v in params.items()
                           if k not in ("user", "database", "options",
                                        "replication", "client_encoding",
                                        "application_name"))
        extra = {"client_encoding": params.get("client_encoding", "UTF8"),
                 "application_name": params.get("application_name", "")}
        if options:
            extra["options"] = options
        from psycopg.conninfo import make_conninfo
        self.pgconn = pq.PGconn.connect(make_conninfo(conninfo, **extra).encode())
        if self.pgconn.status != pq.ConnStatus.OK:
            raise OSError(self.pgconn.get_error_message().decode(errors="replace"))
        self.sock = socket.socket(fileno=os.dup(self.pgconn.socket))
        self.sock.setblocking(True)
        self.sock.settimeout(TIMEOUT)
        self.buffer = bytearray()

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def messages(self) -> list:
        """The complete messages received so far (reads once if none)."""
        out = []
        while True:
            if len(self.buffer) >= 5:
                length = int.from_bytes(self.buffer[1:5], "big")
                if len(self.buffer) >= 1 + length:
                    code = bytes(self.buffer[:1])
                    payload = bytes(self.buffer[5:1 + length])
                    del self.buffer[:1 + length]
                    out.append(decode_backend(code, payload))
                    continue
            if out:
                return out
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise OSError("the shadow PostgreSQL closed the connection")
            self.buffer += chunk

    def close(self) -> None:
        try:
            self.sock.sendall(b"X\x00\x00\x00\x04")
        except OSError:
            pass
        self.sock.close()
        self.pgconn.finish()


def _outcomes(messages: list) -> list[Outcome]:
    """One ReadyForQuery's worth of messages as statement outcomes."""
    out: list[Outcome] = []
    current = Outcome()
    for message in messages:
        if isinstance(message, NoticeResponse):
            current.notices.append((message.field("V"), message.field("C"),
                                    message.field("M")))
            continue
        if type(message).__name__ == _PORTAL_SUSPENDED:
            current.command_tag = "(portal suspended)"
        elif not current.take(message):
            continue
        if isinstance(message, ErrorResponse):
            current.error_fields = tuple(
                (k, message.field(k)) for k in _ERROR_FIELDS)
        if not isinstance(message, (RowDescription, DataRow, CopyData)):
            out.append(current)
            current = Outcome()
    return out


class ShadowConnection:
    """The twin's `Connection`, with a PostgreSQL session beside it."""

    def __init__(self, inner: Connection, database: ShadowDatabase,
                 ledger: Ledger) -> None:
        self._inner = inner
        self._database = database
        self._ledger = ledger
        self._link: _Link | None = None
        self._session = 0
        self._frontend = bytearray()
        self._labels: deque[list[str]] = deque([[]])  # per ReadyForQuery
        self._statements: dict[str, str] = {}
        self._portals: dict[str, str] = {}
        self._twin: list = []
        self._postgres: list = []
        self._twin_ready = self._postgres_ready = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def receive(self, data: bytes) -> bytes:
        started = self._inner.state is State.READY or \
            self._inner.state is State.COPY_IN
        out = self._inner.receive(data)
        if not started:
            if self._inner.state is State.READY and self._link is None:
                self._open()
            return out
        if self._link is not None:
            try:
                self._shadow(data, out)
            except (OSError, ValueError) as exc:
                self._ledger.lost(self._session, f"shadow session ended: {exc}")
                self._drop_link()
        return out

    def receive_eof(self) -> bytes:
        self._drop_link()
        return self._inner.receive_eof()

    # -- the PostgreSQL side ----------------------------------------------------
    def _open(self) -> None:
        self._session = self._ledger.session()
        try:
            self._link = _Link(self._database.conninfo,
                               dict(self._inner.startup_params))
        except OSError as exc:
            self._ledger.lost(self._session, f"cannot connect: {exc}")

    def _drop_link(self) -> None:
        if self._link is not None:
            self._link.close()
            self._link = None

    def _shadow(self, data: bytes, out: bytes) -> None:
        self._note_frontend(data)
        link = self._link
        assert link is not None
        link.send(data)
        twin = decode_backend_stream(out)
        self._twin += twin
        self._twin_ready += sum(isinstance(m, ReadyForQuery) for m in twin)
        twin_copy_in = self._inner.state is State.COPY_IN
        while self._postgres_ready < self._twin_ready or \
                (twin_copy_in and self._postgres_ready == self._twin_ready
                 and not self._postgres_copy_in()):
            for message in link.messages():
                self._postgres.append(message)
                if isinstance(message, ReadyForQuery):
                    self._postgres_ready += 1
                elif isinstance(message, CopyInResponse) and not twin_copy_in:
                    link.send(CopyFail("the twin did not start this COPY")
                              .encode())
        self._compare()

    def _postgres_copy_in(self) -> bool:
        for message in reversed(self._postgres):
            if isinstance(message, ReadyForQuery):
                return False
            if isinstance(message, CopyInResponse):
                return True
        return False

    def _compare(self) -> None:
        while True:
            t = _until_ready(self._twin)
            p = _until_ready(self._postgres)
            if t is None or p is None:
                return
            twin, self._twin = self._twin[:t + 1], self._twin[t + 1:]
            pg, self._postgres = self._postgres[:p + 1], self._postgres[p + 1:]
            labels = self._labels.popleft() if self._labels else []
            if not self._labels:
                self._labels.append([])
            twin_out, pg_out = _outcomes(twin), _outcomes(pg)
            self._ledger.status(self._session, labels[-1] if labels else None,
                                twin[-1].status, pg[-1].status)
            for index in range(max(len(twin_out), len(pg_out))):
                label = labels[index] if index < len(labels) else None
                self._ledger.record(
                    self._session, label,
                    twin_out[index] if index < len(twin_out) else Outcome(),
                    pg_out[index] if index < len(pg_out) else Outcome())

    # -- what the client asked, for the ledger's labels ---------------------------
    def _note_frontend(self, data: bytes) -> None:
        self._frontend += data
        buffer = self._frontend
        while len(buffer) >= 5:
            length = int.from_bytes(buffer[1:5], "big")
            if len(buffer) < 1 + length:
                break
            code, payload = bytes(buffer[:1]), bytes(buffer[5:1 + length])
            del buffer[:1 + length]
            self._note(code, payload)

    def _note(self, code: bytes, payload: bytes) -> None:
        if not code or code not in b"QPBES":
            return
        try:
            message = decode_frontend(code, payload)
        except Exception:
            return
        kind = type(message).__name__
        current = self._labels[-1]
        if kind == "Query":
            current.extend(_split(message.sql))
            self._labels.append([])
        elif kind == "Parse":
            self._statements[message.name] = message.query
        elif kind == "Bind":
            self._portals[message.portal] = self._statements.get(
                message.statement, "")
        elif kind == "Execute":
            current.append(self._portals.get(message.portal, ""))
        elif kind == "Sync":
            self._labels.append([])


def _until_ready(messages: list) -> int | None:
    for index, message in enumerate(messages):
        if isinstance(message, ReadyForQuery):
            return index
    return None


def _split(sql: str) -> list[str]:
    from twinning.passes.parse import split_statements
    try:
        return [text for _, text, _ in split_statements(sql)] or [sql]
    except Exception:
        return [sql]


class Shadow:
    """--shadow on an engine: its database and ledger."""

    def __init__(self, database: ShadowDatabase, ledger: Ledger) -> None:
        self.database, self.ledger = database, ledger

    def close(self) -> None:
        self.database.drop()


def attach(engine, args: dict[str, Any], schema: str,
           name: str | None = None) -> Shadow:
    """Build the shadow database and make the engine's server wrap each
    connection (`TwinServer` asks `engine.wrap_connection`)."""
    if not args.get("--schema"):
        raise Refusal("E_USAGE", "--shadow builds its database from --schema "
                      "(a restored snapshot's rows are not in it)", {},
                      "twinning postgres --schema schema.sql --shadow URL "
                      "--run CMD")
    database = ShadowDatabase(args["--shadow"], schema, name)
    ledger = Ledger(database.source, database.name)
    engine.wrap_connection = lambda conn: ShadowConnection(conn, database,
                                                           ledger)
    return Shadow(database, ledger)
