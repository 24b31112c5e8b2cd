"""One client connection as a state machine: bytes in, bytes out, no I/O.

`Connection` owns a `FrontendDecoder` and walks the life of a PostgreSQL 15
backend: startup packets (SSL/GSS requests answered 'N', CancelRequest
passed on), authentication (trust, cleartext password, SCRAM-SHA-256),
then the query loop. Every decision about SQL belongs to an injected
`Backend` (the session); the connection only knows the protocol:

- what PostgreSQL answers by itself (SSL denial, NegotiateProtocolVersion,
  the authentication exchange, ParameterStatus/BackendKeyData/ReadyForQuery
  at startup, ReadyForQuery after a simple query, a function call or Sync);
- ErrorResponse placement: after an error in an extended-query message
  (Parse, Bind, Describe, Execute, Close, Flush) everything up to Sync is
  discarded unread; after an error anywhere else ReadyForQuery follows;
- output buffering: extended-query output is held until Flush, Sync or an
  error, as PostgreSQL holds it in its send buffer;
- COPY FROM STDIN: while a `CopySink` takes data only CopyData/CopyDone/
  CopyFail count (Flush and Sync are read and ignored), anything else loses
  protocol sync and ends the connection;
- fatal errors: framing violations, authentication failures and FATAL
  SqlErrors send a FATAL ErrorResponse and close.

The server drives it from the connection's own thread: `out =
conn.receive(chunk)`, send `out`, stop when `conn.closed`;
`conn.receive_eof()` when the peer hangs up. Backend calls happen inside
`receive` and may block (a lock wait, pg_sleep): only that thread waits.
"""

from __future__ import annotations

import enum
import struct
from collections.abc import Mapping, Sequence
from typing import Protocol, Union

from twinning.deferred import deferred_logger
from twinning.ir.node import node
from twinning.errors import (
    SqlError, internal_error, invalid_authorization_specification,
    query_canceled, stack_depth_exceeded,
)
from twinning.wire.framing import (REGULAR_LIMITS, TYPE_BYTES, Frame,
                                   FrontendDecoder)
from twinning.wire.messages import (
    AUTHENTICATION_CLEARTEXT_PASSWORD, AUTHENTICATION_OK, BIND, CLOSE,
    COPY_DATA, COPY_DONE, COPY_FAIL, DESCRIBE, EXECUTE, FLUSH, FUNCTION_CALL,
    PARSE, PROTOCOL_VERSION_3_0, QUERY, READY_FOR_QUERY_MSG, SSL_DENY, SYNC,
    TERMINATE, AuthenticationSASL, AuthenticationSASLContinue,
    AuthenticationSASLFinal, BackendKeyData, Bind, CancelRequest, Close,
    CopyFail, Describe, Execute, Flush, FunctionCall, GSSENCRequest,
    NegotiateProtocolVersion, ParameterStatus, Parse, PasswordMessage,
    SASLInitialResponse, SSLRequest, StartupMessage, Sync, decode_frontend,
    encode_error,
)
from twinning.wire.scram import (
    MECHANISMS, ScramSecret, ScramServer, check_cleartext, check_mechanism,
)
from twinning.wire.violation import ProtocolViolation

log = deferred_logger(globals(), "log")  # logging: on first use

NAMEDATALEN = 64
_FATAL = frozenset({"FATAL", "PANIC"})
_EXTENDED = frozenset({PARSE, BIND, DESCRIBE, EXECUTE, CLOSE, FLUSH})
# The frames every extended-protocol batch repeats, whole (type byte and
# length included) → their decoded message, shared (messages are frozen):
# a batch's Describe, Execute and Sync are then one dict lookup each
KNOWN_FRAMES = {message.encode(): message for message in (
    Describe("P", ""), Describe("S", ""), Execute("", 0), Sync(), Flush())}
_known = KNOWN_FRAMES.get
_MITM_DETAIL = ("This could be either a client-software bug or evidence of an "
                "attempted man-in-the-middle attack.")


_QUERY_LIMIT = REGULAR_LIMITS[QUERY[0]]
_LENGTH = struct.Struct("!I")  # a frame's length word
# startup's ParameterStatus messages, per reported settings (most
# connections start with the same)
_PARAMETER_BLOCKS: dict[tuple, bytes] = {}


def _whole_query(data: bytes) -> str | None:
    """The SQL of `data` when it is exactly one well-formed Query message
    (one recv usually is), else None and the framing path takes it."""
    size = len(data)
    if size < 6 or data[-1] != 0 or int.from_bytes(data[1:5], "big") != size - 1 \
            or size - 1 > _QUERY_LIMIT or data.find(0, 5, size - 1) >= 0:
        return None
    try:
        return data[5:-1].decode("utf-8")
    except UnicodeDecodeError:
        return None


# -- What the backend tells the connection --------------------------------


@node
class Trust:
    """Accept the connection without a password (the twin's default)."""


@node
class CleartextPassword:
    """Ask for the password in clear (pg_hba `password`)."""

    password: str | ScramSecret


@node
class ScramSha256:
    """Run SCRAM-SHA-256 against this password or stored secret.

    Prefer a `ScramSecret` derived once at server start: a plain password
    costs a PBKDF2 derivation (4096 rounds) on every connection.
    """

    password: str | ScramSecret


AuthMethod = Union[Trust, CleartextPassword, ScramSha256]


@node
class SessionStart:
    """What the client learns once authenticated."""

    parameters: Sequence[tuple[str, str]]   # ParameterStatus, in this order
    process_id: int                         # BackendKeyData (unsigned 32-bit)
    secret_key: int


class CopySink(Protocol):
    """Receives the data of one COPY FROM STDIN."""

    def on_copy_data(self, data: bytes) -> None:
        """One CopyData payload. Raise SqlError to abort the COPY."""

    def on_copy_done(self) -> Reply:
        """CopyDone: finish, return CommandComplete (and, in a simple query,
        the output of the statements after the COPY; possibly another CopyIn).
        Raise SqlError or ReplyError to fail instead."""

    def on_copy_abort(self, error: SqlError) -> SqlError | None:
        """The COPY ended with `error` (CopyFail, a malformed message, an
        unexpected message type, or an error the sink raised itself): undo and
        mark the transaction failed. Return the error to report instead (e.g.
        with `where="COPY t, line 3"`, as PostgreSQL adds), or None for as is."""


@node
class CopyIn:
    """A reply that switches the connection to COPY FROM STDIN.

    `output` is everything to send first, ending with CopyInResponse.
    """

    output: bytes
    sink: CopySink


Reply = Union[bytes, CopyIn]


class ReplyError(Exception):
    """A handler failed after producing output: send `output`, then `error`.

    E.g. `SELECT 1; SELECT 1/0` answers the first statement, then fails; an
    Execute fails on the fifth row after sending four DataRows.
    """

    def __init__(self, output: bytes, error: SqlError) -> None:
        super().__init__(error.message)
        self.output = output
        self.error = error


class Backend(Protocol):
    """The session behind a connection, as the wire layer sees it.

    Handlers return backend-message bytes, already encoded with
    `twinning.wire.messages` (e.g. `ParseComplete`, `RowDescription`,
    `encode_data_row`, `CommandComplete`, `NoticeResponse`), and never
    ReadyForQuery: the connection adds it where the protocol wants it. A
    handler that fails raises `SqlError` (or `ReplyError` to keep the output
    it had already produced). Severity ERROR leaves the session up; FATAL
    ends the connection. Any other exception is a bug: logged, sent as XX000.
    """

    def on_startup(self, params: Mapping[str, str]) -> AuthMethod:
        """Startup packet accepted (user present, `database` defaulted to the
        user, `_pq_.` options removed). Choose how to authenticate; raise
        SqlError to refuse (it is sent as FATAL)."""

    def on_authenticated(self) -> SessionStart:
        """Authentication succeeded: create the session. Raise SqlError to
        refuse now (e.g. 3D000 database does not exist; sent as FATAL)."""

    def on_cancel(self, process_id: int, secret_key: int) -> None:
        """A CancelRequest arrived on this (otherwise unused) connection."""

    def transaction_status(self) -> str:
        """'I' idle, 'T' in a transaction block, 'E' in a failed block."""

    def on_query(self, sql: str) -> Reply:
        """Simple query: every statement of `sql`, in order."""

    def on_parse(self, message: Parse) -> bytes:
        """Usually ParseComplete."""

    def on_bind(self, message: Bind) -> bytes:
        """Usually BindComplete."""

    def on_describe(self, message: Describe) -> bytes:
        """ParameterDescription (statements) and RowDescription or NoData."""

    def on_execute(self, message: Execute) -> Reply:
        """DataRows, then CommandComplete or PortalSuspended (max_rows)."""

    def on_close(self, message: Close) -> bytes:
        """Usually CloseComplete (also for names that do not exist)."""

    def on_sync(self) -> bytes:
        """End of an extended-query batch: commit an implicit transaction."""

    def on_function_call(self, message: FunctionCall) -> bytes:
        """The fastpath function call; the twin refuses it."""

    def on_disconnect(self) -> None:
        """The connection is over (Terminate, EOF, fatal error): roll back
        and release everything. Called exactly once."""


class State(enum.Enum):
    STARTUP = "startup"
    AUTHENTICATING = "authenticating"
    READY = "ready"
    COPY_IN = "copy_in"
    CLOSED = "closed"


# The connection's one table of moves: (state, event) → next state. Each
# move also sets what the decoder reads next (`Connection._move`); closing
# is a move from any state but CLOSED.
TRANSITIONS: dict[tuple[State, str], State] = {
    (State.STARTUP, "challenge"): State.AUTHENTICATING,  # password or SASL
    (State.STARTUP, "authenticated"): State.READY,  # trust
    (State.AUTHENTICATING, "authenticated"): State.READY,
    (State.READY, "copy_in"): State.COPY_IN,
    (State.COPY_IN, "copy_end"): State.READY,
    **{(state, "close"): State.CLOSED for state in State if state is not State.CLOSED},
}


def _truncate_name(name: str) -> str:
    """Names longer than NAMEDATALEN-1 bytes are cut, as PostgreSQL cuts them."""
    raw = name.encode("utf-8")
    if len(raw) < NAMEDATALEN:
        return name
    return raw[:NAMEDATALEN - 1].decode("utf-8", "ignore")


class Connection:
    """The protocol side of one client connection."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self._decoder = FrontendDecoder()
        self._state = State.STARTUP
        self._held = bytearray()   # produced, waiting for Flush/Sync/error
        self._out = bytearray()    # flushed, handed out by receive()
        self._ignore_till_sync = False
        self._auth: AuthMethod | None = None
        self._scram: ScramServer | None = None
        self._scram_step = ""
        self._copy: CopySink | None = None
        self._copy_extended = False
        self.startup_params: dict[str, str] = {}
        self.user = ""
        self.session: SessionStart | None = None
        self._handlers = {
            QUERY: self._on_query, PARSE: self._on_parse, BIND: self._on_bind,
            DESCRIBE: self._on_describe, EXECUTE: self._on_execute,
            CLOSE: self._on_close, FLUSH: self._on_flush, SYNC: self._on_sync,
            TERMINATE: self._on_terminate, FUNCTION_CALL: self._on_function_call,
            COPY_DATA: self._ignore, COPY_DONE: self._ignore,
            COPY_FAIL: self._ignore,
        }

    # -- public ------------------------------------------------------------------
    @property
    def state(self) -> State:
        return self._state

    @property
    def closed(self) -> bool:
        return self._state is State.CLOSED

    @property
    def ignoring_till_sync(self) -> bool:
        return self._ignore_till_sync

    def receive(self, data: bytes) -> bytes:
        """Take bytes from the client; return the bytes to send back now."""
        if self._state is State.READY and not self._decoder.buffered:
            if data[:1] == QUERY and not self._ignore_till_sync:
                sql = _whole_query(data)
                if sql is not None:  # the common case: one whole simple query
                    self._dispatch(QUERY, self._on_sql, sql)
                    return self._take()
            data = self._whole_frames(data)
            if not data:  # the batch was whole (the usual case)
                return self._take()
        if self._state is not State.CLOSED:
            self._decoder.feed(data)
            self._run()
        return self._take()

    def _whole_frames(self, data: bytes) -> bytes:
        """Handle the complete, well-framed messages at the start of `data`
        (an extended-protocol batch usually arrives whole) without the
        decoder's buffer; return what is left for it."""
        pos, size = 0, len(data)
        handlers, dispatch = self._handlers, self._dispatch
        while self._state is State.READY and pos + 5 <= size:
            code = data[pos]
            (length,) = _LENGTH.unpack_from(data, pos + 1)
            limit = REGULAR_LIMITS.get(code)
            end = pos + 1 + length
            if limit is None or length < 4 or length > limit or end > size:
                break  # the decoder's path, for its errors or the rest
            code = TYPE_BYTES[code]
            if self._ignore_till_sync:  # as `_on_frame`
                if code != SYNC and code != TERMINATE:
                    pos = end
                    continue
                self._ignore_till_sync = False
            known = _known(data[pos:end])
            if known is None:
                dispatch(code, handlers[code], data[pos + 5:end], True)
            else:
                dispatch(code, handlers[code], known)
            pos = end
        return data[pos:] if pos else data

    def receive_eof(self) -> bytes:
        """The client hung up. PostgreSQL sends nothing; the session ends."""
        self._close()
        return self._take()

    def fatal(self, error: SqlError) -> bytes:
        """End the connection from the server side (e.g. 25P03 idle timeout):
        a FATAL ErrorResponse, then closed."""
        if self._state is not State.CLOSED:
            self._fail(error)
        return self._take()

    # -- the loop ------------------------------------------------------------------
    def _run(self) -> None:
        decoder = self._decoder
        while self._state is not State.CLOSED:
            state = self._state
            try:
                if state is State.STARTUP:
                    item = decoder.next_message()
                else:
                    item = decoder.next_frame()
            except ProtocolViolation as exc:
                self._framing_error(exc)
                return
            if item is None:
                return
            if state is State.STARTUP:
                self._on_startup_packet(item)
            elif state is State.AUTHENTICATING:
                self._on_auth_response(item)
            elif state is State.READY:
                self._on_frame(item)
            else:
                self._on_copy_frame(item)

    def _framing_error(self, exc: ProtocolViolation) -> None:
        if not exc.lost_sync:
            self._fail(exc)
            return
        # Reported as an ERROR, then the connection is useless (postgres.c:
        # "terminating connection because protocol synchronization was lost").
        self._emit(encode_error(self._abort_copy(exc), "ERROR"))
        self._fail(ProtocolViolation(
            "terminating connection because protocol synchronization was lost"))

    # -- startup -------------------------------------------------------------------
    def _on_startup_packet(self, message) -> None:
        if isinstance(message, (SSLRequest, GSSENCRequest)):
            self._out += SSL_DENY
            if self._decoder.buffered:
                what = ("SSL request" if isinstance(message, SSLRequest)
                        else "GSSAPI encryption request")
                self._fail(ProtocolViolation(
                    f"received unencrypted data after {what}", detail=_MITM_DETAIL))
            return
        if isinstance(message, CancelRequest):
            try:
                self._backend.on_cancel(message.process_id, message.secret_key)
            except Exception:
                log.exception("cancel request failed")
            self._close()
            return
        try:
            self._start(message)
        except SqlError as exc:
            self._fail(exc)
        except Exception as exc:
            self._fail(self._internal(exc))

    def _start(self, startup: StartupMessage) -> None:
        params: dict[str, str] = {}
        unrecognized: list[str] = []
        for name, value in startup.params:
            if name.startswith("_pq_."):
                unrecognized.append(name)
            else:
                params[name] = value
        if startup.minor > 0 or unrecognized:
            self._emit(NegotiateProtocolVersion(
                PROTOCOL_VERSION_3_0, tuple(unrecognized)).encode())
        if not params.get("user"):
            raise invalid_authorization_specification(
                                                      "no PostgreSQL user name specified in startup packet")
        if not params.get("database"):
            params["database"] = params["user"]
        params["user"] = _truncate_name(params["user"])
        params["database"] = _truncate_name(params["database"])
        self.startup_params = params
        self.user = params["user"]
        method = self._backend.on_startup(params)
        self._auth = method
        if isinstance(method, Trust):
            self._authenticated()
        elif isinstance(method, CleartextPassword):
            self._emit(AUTHENTICATION_CLEARTEXT_PASSWORD)
            self._await_auth(sasl=False)
        elif isinstance(method, ScramSha256):
            self._scram = ScramServer(method.password, self.user)
            self._scram_step = "initial"
            self._emit(AuthenticationSASL(MECHANISMS).encode())
            self._await_auth(sasl=True)
        else:
            raise TypeError(f"unknown authentication method {method!r}")

    def _await_auth(self, *, sasl: bool) -> None:
        self._move("challenge")
        self._decoder.expect_auth_response(sasl=sasl)
        self._flush()

    def _move(self, event: str) -> None:
        """The one place the state changes, by `TRANSITIONS`; the decoder
        follows it (the auth response's framing is `_await_auth`'s)."""
        self._state = state = TRANSITIONS[(self._state, event)]
        if state is State.READY:
            self._decoder.start_regular()
        elif state is State.COPY_IN:
            self._decoder.start_copy_in()
        elif state is State.CLOSED:
            self._decoder.close()

    # -- authentication ---------------------------------------------------------------
    def _on_auth_response(self, frame: Frame) -> None:
        try:
            if isinstance(self._auth, CleartextPassword):
                given = PasswordMessage.decode(frame.payload).password
                check_cleartext(self._auth.password, given, self.user)
                self._authenticated()
            else:
                self._scram_exchange(frame.payload)
        except SqlError as exc:
            self._fail(exc)
        except Exception as exc:
            self._fail(self._internal(exc))

    def _scram_exchange(self, payload: bytes) -> None:
        scram = self._scram
        assert scram is not None
        step = self._scram_step
        if step == "initial":
            initial = SASLInitialResponse.decode(payload)
            check_mechanism(initial.mechanism)
            if initial.data is None:
                # No initial response: an empty challenge asks for it.
                self._emit(AuthenticationSASLContinue(b"").encode())
                self._scram_step = "first"
            else:
                self._emit(AuthenticationSASLContinue(scram.start(initial.data)).encode())
                self._scram_step = "final"
            self._flush()
        elif step == "first":
            self._emit(AuthenticationSASLContinue(scram.start(payload)).encode())
            self._scram_step = "final"
            self._flush()
        else:
            self._emit(AuthenticationSASLFinal(scram.finish(payload)).encode())
            self._authenticated()

    def _authenticated(self) -> None:
        self._emit(AUTHENTICATION_OK)
        start = self._backend.on_authenticated()
        self.session = start
        parameters = tuple(start.parameters)  # (the same tuple, usually)
        block = _PARAMETER_BLOCKS.get(parameters)
        if block is None:
            block = b"".join(ParameterStatus(name, value).encode()
                             for name, value in parameters)
            if len(_PARAMETER_BLOCKS) < 256:
                _PARAMETER_BLOCKS[parameters] = block
        self._emit(block)
        self._emit(BackendKeyData(start.process_id, start.secret_key).encode())
        self._move("authenticated")
        self._ready_for_query()

    # -- the query loop ---------------------------------------------------------------
    def _on_frame(self, frame: Frame) -> None:
        code = frame.code
        if self._ignore_till_sync:
            if code != SYNC and code != TERMINATE:
                return
            self._ignore_till_sync = False
        self._dispatch(code, self._handlers[code], frame.payload, True)

    def _dispatch(self, code: bytes, handler, argument, decode=False) -> None:
        """Run one message's handler; errors become ErrorResponses."""
        try:
            handler(decode_frontend(code, argument) if decode else argument)
        except ReplyError as exc:
            self._emit(exc.output)
            self._error(exc.error, code in _EXTENDED)
        except SqlError as exc:
            self._error(exc, code in _EXTENDED)
        except Exception as exc:
            self._error(self._internal(exc), code in _EXTENDED)

    def _on_query(self, message) -> None:
        self._on_sql(message.sql)

    def _on_sql(self, sql: str) -> None:
        self._simple_reply(self._backend.on_query(sql))

    def _simple_reply(self, reply: Reply) -> None:
        if isinstance(reply, CopyIn):
            self._enter_copy(reply, extended=False)
            return
        self._emit(reply)
        self._ready_for_query()

    def _on_parse(self, message: Parse) -> None:
        self._emit(self._backend.on_parse(message))

    def _on_bind(self, message: Bind) -> None:
        self._emit(self._backend.on_bind(message))

    def _on_describe(self, message: Describe) -> None:
        self._emit(self._backend.on_describe(message))

    def _on_execute(self, message: Execute) -> None:
        self._execute_reply(self._backend.on_execute(message))

    def _execute_reply(self, reply: Reply) -> None:
        if isinstance(reply, CopyIn):
            self._enter_copy(reply, extended=True)
        else:
            self._emit(reply)   # held until Flush or Sync

    def _on_close(self, message: Close) -> None:
        self._emit(self._backend.on_close(message))

    def _on_flush(self, message) -> None:
        self._flush()

    def _on_sync(self, message) -> None:
        self._emit(self._backend.on_sync())
        self._ready_for_query()

    def _on_terminate(self, message) -> None:
        self._held.clear()
        self._close()

    def _on_function_call(self, message: FunctionCall) -> None:
        self._emit(self._backend.on_function_call(message))
        self._ready_for_query()

    def _ignore(self, message) -> None:
        """CopyData/CopyDone/CopyFail outside COPY: dropped, per the protocol."""

    def _error(self, error: SqlError, extended: bool) -> None:
        if error.severity in _FATAL:
            self._fail(error)
            return
        self._emit(encode_error(error))
        if extended:
            self._ignore_till_sync = True
            self._flush()
        else:
            self._ready_for_query()

    def _ready_for_query(self) -> None:
        self._emit(READY_FOR_QUERY_MSG[self._backend.transaction_status()])
        self._flush()

    # -- COPY FROM STDIN ----------------------------------------------------------------
    def _enter_copy(self, copy_in: CopyIn, *, extended: bool) -> None:
        self._emit(copy_in.output)
        self._flush()
        self._copy = copy_in.sink
        self._copy_extended = extended
        self._move("copy_in")

    def _leave_copy(self) -> tuple[CopySink, bool]:
        sink, extended = self._copy, self._copy_extended
        assert sink is not None
        self._copy = None
        self._move("copy_end")
        return sink, extended

    def _on_copy_frame(self, frame: Frame) -> None:
        code = frame.code
        sink = self._copy
        assert sink is not None
        try:
            if code == COPY_DATA:
                sink.on_copy_data(frame.payload)
            elif code == COPY_DONE:
                reply = sink.on_copy_done()
                _, extended = self._leave_copy()
                if extended:
                    self._execute_reply(reply)
                else:
                    self._simple_reply(reply)
            elif code == COPY_FAIL:
                reason = CopyFail.decode(frame.payload).message
                raise query_canceled(f"COPY from stdin failed: {reason}")
            # Flush and Sync are ignored during COPY FROM STDIN.
        except ReplyError as exc:
            self._copy_failed(exc.error, exc.output)
        except SqlError as exc:
            self._copy_failed(exc)
        except Exception as exc:
            self._copy_failed(self._internal(exc))

    def _copy_failed(self, error: SqlError, output: bytes = b"") -> None:
        extended = self._copy_extended
        error = self._abort_copy(error)
        self._emit(output)
        self._error(error, extended)

    def _abort_copy(self, error: SqlError) -> SqlError:
        """Leave COPY mode, tell the sink; the error to report."""
        if self._copy is None:
            return error
        sink, _ = self._leave_copy()
        try:
            return sink.on_copy_abort(error) or error
        except Exception:
            log.exception("COPY abort failed")
            return error

    # -- output and ending ---------------------------------------------------------------
    def _emit(self, data: bytes) -> None:
        self._held += data

    def _flush(self) -> None:
        if self._held:
            self._out += self._held
            self._held.clear()

    def _take(self) -> bytes:
        out = bytes(self._out)
        self._out.clear()
        return out

    def _fail(self, error: SqlError) -> None:
        """FATAL ErrorResponse (ERRORs are promoted, as during authentication),
        after whatever output was held; then close."""
        if getattr(error, "v2", False):
            # Protocol 2 error format: 'E', then "FATAL:  message\n" and NUL.
            self._emit(b"E" + f"FATAL:  {error.message}\n".encode("utf-8") + b"\x00")
        else:
            self._emit(encode_error(error, "PANIC" if error.severity == "PANIC"
                                    else "FATAL"))
        self._flush()
        self._close()

    def _close(self) -> None:
        if self._state is State.CLOSED:
            return
        self._move("close")
        self._held.clear()
        try:
            self._backend.on_disconnect()
        except Exception:
            log.exception("backend disconnect failed")

    @staticmethod
    def _internal(exc: Exception) -> SqlError:
        if isinstance(exc, RecursionError):  # a statement nested too deep
            return stack_depth_exceeded()
        log.error("internal error", exc_info=exc)
        return internal_error(f"internal error: {type(exc).__name__}: {exc}")
