"""The delegated backend's connection: the twin's front door, PostgreSQL's
answers (`twinning postgres --backend URL`).

`BackendConnection` wraps the twin's sans-I/O `Connection` (the server
asks `engine.wrap_connection`, as for `--shadow`): start-up, SSL refusal,
authentication and the start-up refusals are the twin's own. From
ReadyForQuery on, the client's messages go to one PostgreSQL session on
the backend database (opened by libpq as the shadow ledger opens its own,
`shadow._Link`), and PostgreSQL's answers go back to the client byte for
byte — except a refused statement's (`backend_policy`), whose error is
the twin's 0A000.

The answers are read in step with what was sent: each frontend message
that gets an answer (Query, Parse, Bind, Describe, Execute, Close, Sync)
is queued and its answer consumed in order once PostgreSQL has been told
to send it (a Flush, Sync or Query, the end of a COPY: an extended-protocol
message alone is answered into PostgreSQL's output buffer), an error
skipping the messages up to the next Sync as PostgreSQL does; a
CopyInResponse hands the turn back to the client. So each statement's
outcome is known: the records are made
from it as the twin makes them (the trace line with the twin's stages and
plan and PostgreSQL's command tag and row count or SQLSTATE; a refused
write counted by the SQLSTATE PostgreSQL returned).

A CancelRequest reaches the twin's session (its process id and key are
the twin's), whose cancel is sent on to PostgreSQL's session (libpq's
PQcancel); so is the server's at shutdown. Not forwarded: notifications
PostgreSQL sends while the session is idle (they arrive with the
session's next answer).
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from twinning import trace
from twinning.backend_policy import (MARKER, MARKER_STATEMENT, REFUSED,
                                     Checked, Statement, check, is_marker)
from twinning.errors import CONNECTION_FAILURE, PROTOCOL_VIOLATION, SqlError
from twinning.wire.connection import Connection, State
from twinning.wire.messages import (Bind, ErrorResponse, Parse, Query,
                                    decode_frontend, encode_error)

log = logging.getLogger(__name__)

STREAM_BYTES = 1 << 20  # answer bytes held before they go to the client

_ANSWERED = frozenset(b"QPBDECS")  # frontend messages PostgreSQL answers
_EXTENDED_DONE = {b"P": b"1", b"B": b"2", b"C": b"3"}
_ASYNC = frozenset((b"N", b"S", b"A"))  # notice, ParameterStatus, NOTIFY
# after these PostgreSQL sends every answer owed so far (an extended-protocol
# message alone is answered into its output buffer, sent at Flush or Sync)
_FLUSHING = frozenset((b"Q", b"S", b"H", b"F", b"c", b"f"))


@dataclass
class _Pending:
    """One frontend message waiting for its answer."""

    kind: bytes
    checked: Checked | None = None  # Q, P: the twin's decision
    name: str = ""  # P: statement; B, E: portal
    statement: str = ""  # B: the statement bound
    bound: Statement | None = None  # B: what that statement was when sent
    index: int = 0  # Q: the statement the next outcome belongs to
    rows: int = 0
    started: bool = False  # D: ParameterDescription seen
    flushed: bool = False  # a later message makes PostgreSQL send it


@dataclass
class _Counters:
    """What every backend session adds to: refused writes by SQLSTATE."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    refused: dict[str, int] = field(default_factory=dict)

    def count(self, sqlstate: str) -> None:
        with self.lock:
            self.refused[sqlstate] = self.refused.get(sqlstate, 0) + 1


class BackendConnection:
    """The twin's `Connection` up to ReadyForQuery, PostgreSQL's after."""

    def __init__(self, inner: Connection, engine: Any, conninfo: str,
                 counters: _Counters) -> None:
        self._inner = inner
        self._engine = engine
        self._conninfo = conninfo
        self._counters = counters
        self._link: Any = None
        self._closed = False
        self._frontend = bytearray()
        self._pending: deque[_Pending] = deque()
        self._copy_in = False
        self._skipping = False  # after an extended-protocol error, to Sync
        self._statements: dict[str, Statement | None] = {}
        self._portals: dict[str, list] = {}  # portal → [statement, traced]
        self._pid = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    @property
    def closed(self) -> bool:
        return self._closed or self._inner.closed

    @property
    def state(self) -> State:
        if self._closed:
            return State.CLOSED
        return State.COPY_IN if self._copy_in else self._inner.state

    def receive(self, data: bytes) -> bytes:
        if self._link is None:
            out = self._inner.receive(data)
            if self._inner.state is State.READY:
                out += self._open()
            return out
        try:
            return self._forward(data)
        except OSError as exc:
            return self._lost(str(exc))
        except Exception as exc:  # a malformed message, or a twinning bug
            log.exception("backend session %s", self._pid)
            return self._lost(f"{type(exc).__name__}: {exc}", PROTOCOL_VIOLATION)

    def receive_eof(self) -> bytes:
        self._drop_link()
        return self._inner.receive_eof()

    def fatal(self, error: SqlError) -> bytes:
        self._drop_link()
        return self._inner.fatal(error)

    # -- the PostgreSQL session -------------------------------------------------
    def _open(self) -> bytes:
        from twinning.shadow import _Link  # the shadow ledger's libpq session
        start = self._inner.session
        self._pid = start.process_id if start is not None else 0
        try:
            self._link = _Link(self._conninfo, dict(self._inner.startup_params))
        except OSError as exc:
            return self._lost(f"cannot connect: {exc}")
        # no time limit: a statement may wait for another session's lock
        # or run long on a big table, as it may on PostgreSQL
        self._link.sock.settimeout(None)
        session = self._engine.session_of(self._pid)
        if session is not None:  # CancelRequest and shutdown reach PostgreSQL
            session.interrupt.cancel = _canceller(self._link.pgconn.get_cancel())
        return b""

    def _drop_link(self) -> None:
        if self._link is not None:
            self._link.close()
            self._link = None

    def _lost(self, why: str, sqlstate: str = CONNECTION_FAILURE) -> bytes:
        self._drop_link()
        self._closed = True
        return encode_error(SqlError(sqlstate, "the backend PostgreSQL "
                                     f"session ended: {why.strip()}",
                                     severity="FATAL"))

    # -- client → PostgreSQL ------------------------------------------------------
    def _forward(self, data: bytes) -> bytes:
        self._frontend += data
        buffer, sent = self._frontend, []
        while len(buffer) >= 5:
            length = int.from_bytes(buffer[1:5], "big")
            if len(buffer) < 1 + length:
                break
            raw = bytes(buffer[:1 + length])
            del buffer[:1 + length]
            code = raw[:1]
            if code == b"X":
                if sent:
                    self._link.send(b"".join(sent))
                self._drop_link()
                self._closed = True
                self._inner.receive(raw)  # the twin's session ends too
                return b""
            sent.append(self._message(code, raw))
            if code in _FLUSHING:
                for pending in self._pending:
                    pending.flushed = True
        if sent:
            self._link.send(b"".join(sent))
        return self._answers()

    def _message(self, code: bytes, raw: bytes) -> bytes:
        """The bytes to send for one client message (a refused statement's
        text replaced by the marker); its answer queued."""
        if code in (b"c", b"f"):
            self._copy_in = False
        if code == b"F":  # fastpath: refused by the twin, in PostgreSQL's turn
            code, raw = b"Q", Query(MARKER).encode()
            refusal = SqlError(REFUSED, "fastpath function calls are not "
                               "supported by twinning")
            if not self._skipping:
                self._pending.append(_Pending(code, Checked(MARKER, [], refusal)))
            return raw
        if code[0] not in _ANSWERED:
            return raw
        if self._skipping:  # PostgreSQL ignores everything up to Sync
            if code != b"S":
                return raw
            self._skipping = False
        pending = _Pending(code)
        if code == b"Q":
            message = decode_frontend(code, raw[5:])
            pending.checked = check(self._engine, message.sql)
            if pending.checked.sql != message.sql:
                raw = Query(pending.checked.sql).encode()
        elif code == b"P":
            message = decode_frontend(code, raw[5:])
            pending.name = message.name
            pending.checked = check(self._engine, message.query,
                                    self._declared(message.param_oids))
            checked = pending.checked
            # known from here on: a Bind in the same batch names it (if the
            # Parse fails, PostgreSQL skips that Bind anyway)
            self._statements[message.name] = \
                checked.statements[0] if checked.statements else None
            if checked.refusal is not None and not (
                    checked.statements and checked.statements[0].deferred):
                raw = Parse(message.name, checked.sql).encode()
        elif code in b"BE":
            message = decode_frontend(code, raw[5:])
            pending.name = message.portal
            if code == b"B":
                pending.statement = message.statement
                raw = self._bind(pending, message, raw)
        self._pending.append(pending)
        return raw

    def _bind(self, pending: _Pending, message: Any, raw: bytes) -> bytes:
        """A statement whose refusal the twin meets at Bind: bound to a
        statement PostgreSQL does not have, the error replaced."""
        statement = pending.bound = self._statements.get(message.statement)
        if statement is None or not statement.deferred:
            return raw
        pending.checked = Checked("", [], statement.refusal)
        return Bind(message.portal, MARKER_STATEMENT, message.param_formats,
                    message.params, message.result_formats).encode()

    def _declared(self, oids: tuple) -> tuple:
        from twinning.passes.resolve import result_type_of_oid
        catalog = self._engine.catalog
        return tuple(result_type_of_oid(o, lambda: catalog) for o in oids)

    # -- PostgreSQL → client ----------------------------------------------------------
    def _answers(self) -> bytes:
        """PostgreSQL's answers owed so far; a big result goes out to the
        client as it comes (`STREAM_BYTES` at a time, through the
        server's socket), never held whole."""
        out: list[bytes] = []
        size = 0
        link = self._link
        while self._pending and self._pending[0].flushed and \
                not self._copy_in:
            code, raw = _frame(link)
            if code not in _ASYNC:
                raw = self._answer(code, raw)
            out.append(raw)
            size += len(raw)
            if size >= STREAM_BYTES and self._send_now(b"".join(out)):
                out.clear()
                size = 0
        return b"".join(out)

    def _send_now(self, data: bytes) -> bool:
        session = self._engine.session_of(self._pid)
        push = getattr(getattr(session, "notifications", None), "push", None)
        if push is None:
            return False
        push(data)  # the connection thread's own socket, in order
        return True

    def _answer(self, code: bytes, raw: bytes) -> bytes:
        pending = self._pending[0]
        kind = pending.kind
        if code == b"E":
            return self._error(pending, raw)
        if code == b"G":  # COPY FROM STDIN: the client's turn
            self._copy_in = True
            return raw
        if kind == b"Q":
            self._simple(pending, code, raw)
        elif kind == b"S":
            if code == b"Z":
                self._pending.popleft()
        elif kind == b"D":
            if code in b"Tn":
                self._pending.popleft()
        elif kind == b"E":
            self._execute(pending, code, raw)
        elif _EXTENDED_DONE.get(kind) == code:
            self._pending.popleft()
            if kind == b"B":
                self._portals[pending.name] = [pending.bound, False]
        return raw

    def _simple(self, pending: _Pending, code: bytes, raw: bytes) -> None:
        if code == b"D":
            pending.rows += 1
        elif code == b"T":
            pending.rows = 0
        elif code == b"C":
            statement = self._statement_at(pending)
            if statement is not None:
                self._trace(statement, "simple", trace.success(
                    _tag(raw), pending.rows))
            pending.index += 1
        elif code == b"Z":
            self._pending.popleft()

    def _execute(self, pending: _Pending, code: bytes, raw: bytes) -> None:
        if code == b"D":
            pending.rows += 1
            return
        if code not in b"CIs":
            return
        self._pending.popleft()
        portal = self._portals.get(pending.name)
        if code == b"I" or portal is None or portal[0] is None or portal[1]:
            return
        portal[1] = True  # the twin traces a portal's first Execute
        tag = _tag(raw) if code == b"C" else "(portal suspended)"
        self._trace(portal[0], "extended", trace.success(tag, pending.rows))

    def _error(self, pending: _Pending, raw: bytes) -> bytes:
        error = ErrorResponse.decode(raw[5:])
        sqlstate, message = error.field("C") or "", error.field("M")
        kind = pending.kind
        statement = None
        if kind == b"Q":
            statement = self._statement_at(pending)
            pending.index += 1
        elif kind == b"P":
            checked = pending.checked
            statement = checked.statements[0] if checked and \
                checked.statements else None
        elif kind == b"E":
            portal = self._portals.get(pending.name)
            statement = portal[0] if portal else None
        refusal = pending.checked.refusal if pending.checked else None
        if refusal is not None and is_marker(message):
            raw = encode_error(refusal)
            sqlstate, message = refusal.sqlstate, refusal.message
        if statement is not None and kind in b"QPE":
            outcome = {"sqlstate": sqlstate, "message": message}
            self._trace(statement, "simple" if kind == b"Q" else "extended",
                        outcome, planned=False)
            if statement.is_write:
                self._counters.count(sqlstate)
        if kind != b"Q":  # the extended protocol skips to Sync
            while self._pending and self._pending[0].kind != b"S":
                self._pending.popleft()
            self._skipping = not self._pending
        return raw

    def _statement_at(self, pending: _Pending) -> Statement | None:
        checked = pending.checked
        if checked is None or pending.index >= len(checked.statements):
            return None
        return checked.statements[pending.index]

    def _trace(self, statement: Statement, protocol: str, outcome: dict,
               planned: bool = True) -> None:
        """One trace line as the twin writes it (a failed statement's
        without its plan, as the twin's)."""
        recorder = self._engine.trace
        if recorder is None:
            return
        stmt, plan = statement.stmt, statement.plan
        stages = self._engine.stages(stmt, statement.declared)
        summary = plan.summary() if plan is not None and planned else None
        recorder.record(self._pid, stmt.source, protocol, stages, summary,
                        outcome)


def _canceller(cancel: Any):
    """The twin session's cancel, sent on to PostgreSQL's session (which
    ignores it when idle)."""
    def send() -> None:
        try:
            cancel.cancel()
        except Exception:  # the backend is gone: nothing is running there
            pass
    return send


def _tag(raw: bytes) -> str:
    """A CommandComplete's tag."""
    return raw[5:-1].decode("utf-8", "replace")


def _frame(link: Any) -> tuple[bytes, bytes]:
    """One whole backend message from the link: (type byte, raw bytes)."""
    buffer = link.buffer
    while True:
        if len(buffer) >= 5:
            length = int.from_bytes(buffer[1:5], "big")
            if len(buffer) >= 1 + length:
                raw = bytes(buffer[:1 + length])
                del buffer[:1 + length]
                return raw[:1], raw
        chunk = link.sock.recv(1 << 16)
        if not chunk:
            raise OSError("the backend PostgreSQL closed the connection")
        buffer += chunk
