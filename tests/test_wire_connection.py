"""Connection state machine, driven with a fake Backend (a test double of our
own interface) and raw client bytes. No sockets."""

from __future__ import annotations

import struct

import pytest
import scramp

from twinning.errors import SqlError
from twinning.wire.connection import (
    CleartextPassword, Connection, CopyIn, ReplyError, ScramSha256,
    SessionStart, State, Trust,
)
from twinning.wire.messages import (
    AuthenticationCleartextPassword, AuthenticationOk, AuthenticationSASL,
    AuthenticationSASLContinue, AuthenticationSASLFinal, BackendKeyData, Bind,
    BindComplete, CancelRequest, Close, CloseComplete, CommandComplete,
    CopyData, CopyDone, CopyFail, CopyInResponse, Describe,
    ErrorResponse, Execute, FieldDescription, Flush, FunctionCall,
    GSSENCRequest, NegotiateProtocolVersion, NoData, ParameterStatus, Parse,
    ParseComplete, PasswordMessage, PortalSuspended, Query, ReadyForQuery,
    RowDescription, SASLInitialResponse, SASLResponse, SSLRequest,
    StartupMessage, Sync, Terminate, decode_backend_stream, encode_data_row,
)
from twinning.wire.scram import ScramSecret

PARAMETERS = [("server_version", "15.0"), ("client_encoding", "UTF8")]
ROWDESC = RowDescription((FieldDescription("x", 23, type_size=4),))


class Sink:
    """Records one COPY FROM STDIN."""

    def __init__(self, backend: FakeBackend, after: bytes = b"", where: str | None = None):
        self.backend, self.after, self.where = backend, after, where
        self.data: list[bytes] = []
        self.aborted: SqlError | None = None

    def on_copy_data(self, data: bytes) -> None:
        if data == b"bad\n":
            raise SqlError("22P02", 'invalid input syntax for type integer: "bad"')
        self.data.append(data)

    def on_copy_done(self):
        if self.after == b"again":
            return CopyIn(CopyInResponse(0, (0,)).encode(), Sink(self.backend))
        return CommandComplete(f"COPY {len(self.data)}").encode() + self.after

    def on_copy_abort(self, error: SqlError):
        self.aborted = error
        self.backend.status = "E" if self.backend.status == "T" else self.backend.status
        if self.where:
            error.where = self.where
            return error
        return None


class FakeBackend:
    """A tiny session: answers by keyword, records every call."""

    def __init__(self, auth=None):
        self.auth = auth or Trust()
        self.calls: list[tuple] = []
        self.status = "I"
        self.sinks: list[Sink] = []
        self.disconnects = 0

    def on_startup(self, params):
        self.calls.append(("startup", dict(params)))
        if params.get("database") == "nosuch":
            raise SqlError("3D000", 'database "nosuch" does not exist')
        return self.auth

    def on_authenticated(self):
        self.calls.append(("authenticated",))
        return SessionStart(PARAMETERS, 4242, 0xCAFEBABE)

    def on_cancel(self, pid, key):
        self.calls.append(("cancel", pid, key))

    def transaction_status(self):
        return self.status

    def _run(self, sql: str):
        if sql == "begin":
            self.status = "T"
            return CommandComplete("BEGIN").encode()
        if sql == "fail":
            if self.status == "T":
                self.status = "E"
            raise SqlError("22012", "division by zero")
        if sql == "partial":
            raise ReplyError(ROWDESC.encode() + encode_data_row([b"1"]),
                             SqlError("22012", "division by zero"))
        if sql == "fatal":
            raise SqlError("57P01", "terminating connection due to administrator command",
                           severity="FATAL")
        if sql == "boom":
            raise RuntimeError("bug")
        if sql.startswith("copy"):
            sink = Sink(self, after=b"again" if "again" in sql else
                        (CommandComplete("SELECT 0").encode() if "then" in sql else b""),
                        where="COPY t, line 1" if "where" in sql else None)
            self.sinks.append(sink)
            return CopyIn(CommandComplete("SET").encode() + CopyInResponse(0, (0,)).encode(),
                          sink)
        return ROWDESC.encode() + encode_data_row([sql.encode()]) + \
            CommandComplete("SELECT 1").encode()

    def on_query(self, sql):
        self.calls.append(("query", sql))
        return self._run(sql)

    def on_parse(self, message):
        self.calls.append(("parse", message))
        if message.query == "fail":
            raise SqlError("42601", 'syntax error at or near "fail"', position=1)
        self.last = message.query
        return ParseComplete().encode()

    def on_bind(self, message):
        self.calls.append(("bind", message))
        return BindComplete().encode()

    def on_describe(self, message):
        self.calls.append(("describe", message))
        return NoData().encode()

    def on_execute(self, message):
        self.calls.append(("execute", message))
        if message.max_rows == 1:
            return encode_data_row([b"1"]) + PortalSuspended().encode()
        reply = self._run(self.last)
        if isinstance(reply, bytes) and reply.startswith(b"T"):
            reply = reply[len(ROWDESC.encode()):]
        if isinstance(reply, CopyIn):
            return CopyIn(CopyInResponse(0, (0,)).encode(), reply.sink)
        return reply

    def on_close(self, message):
        self.calls.append(("close", message))
        return CloseComplete().encode()

    def on_sync(self):
        self.calls.append(("sync",))
        return b""

    def on_function_call(self, message):
        self.calls.append(("function", message))
        raise SqlError("0A000", "fastpath function calls are not supported by twinning")

    def on_disconnect(self):
        self.disconnects += 1

    def kinds(self) -> list[str]:
        return [call[0] for call in self.calls]


STARTUP = StartupMessage(params=(("user", "bob"), ("database", "db"))).encode()


def messages(data: bytes) -> list:
    return decode_backend_stream(data)


def errors(data: bytes) -> list[tuple[str, str, str]]:
    return [(m.field("S"), m.field("C"), m.field("M"))
            for m in messages(data) if isinstance(m, ErrorResponse)]


def ready(auth=None) -> tuple[Connection, FakeBackend]:
    backend = FakeBackend(auth)
    conn = Connection(backend)
    out = conn.receive(STARTUP)
    assert messages(out)[-1] == ReadyForQuery("I")
    backend.calls.clear()
    return conn, backend


# -- startup ---------------------------------------------------------------------


def test_trust_startup_sequence():
    backend = FakeBackend()
    conn = Connection(backend)
    assert conn.state is State.STARTUP
    out = conn.receive(StartupMessage(params=(("user", "bob"),)).encode())
    assert messages(out) == [
        AuthenticationOk(), ParameterStatus("server_version", "15.0"),
        ParameterStatus("client_encoding", "UTF8"), BackendKeyData(4242, 0xCAFEBABE),
        ReadyForQuery("I")]
    assert conn.state is State.READY
    # database defaults to the user name, as in PostgreSQL
    assert backend.calls[0] == ("startup", {"user": "bob", "database": "bob"})
    assert conn.session.process_id == 4242


def test_startup_split_into_single_bytes():
    conn, out = Connection(FakeBackend()), b""
    for byte in STARTUP + Query("select 1").encode():
        out += conn.receive(bytes([byte]))
    assert [type(m).__name__ for m in messages(out)][-4:] == [
        "RowDescription", "DataRow", "CommandComplete", "ReadyForQuery"]


@pytest.mark.parametrize("request_", [SSLRequest(), GSSENCRequest()])
def test_ssl_and_gss_requests_are_denied_then_startup(request_):
    conn = Connection(FakeBackend())
    assert conn.receive(request_.encode()) == b"N"
    out = conn.receive(STARTUP)
    assert messages(out)[0] == AuthenticationOk()


def test_data_pipelined_after_ssl_request_is_refused():
    conn = Connection(FakeBackend())
    out = conn.receive(SSLRequest().encode() + STARTUP)
    assert out[:1] == b"N"
    [error] = messages(out[1:])
    assert (error.field("S"), error.field("C"), error.field("M")) == (
        "FATAL", "08P01", "received unencrypted data after SSL request")
    assert error.field("D").startswith("This could be either a client-software bug")
    assert conn.closed


def test_cancel_request_is_reported_and_closes():
    backend = FakeBackend()
    conn = Connection(backend)
    assert conn.receive(CancelRequest(4242, 0xCAFEBABE).encode()) == b""
    assert backend.calls == [("cancel", 4242, 0xCAFEBABE)]
    assert conn.closed and backend.disconnects == 1


def test_missing_user_is_28000():
    conn = Connection(FakeBackend())
    out = conn.receive(StartupMessage(params=(("database", "db"),)).encode())
    assert errors(out) == [("FATAL", "28000",
                            "no PostgreSQL user name specified in startup packet")]
    assert conn.closed


def test_newer_minor_version_and_pq_options_negotiated():
    backend = FakeBackend()
    conn = Connection(backend)
    out = conn.receive(StartupMessage(version=(3 << 16) | 2, params=(
        ("user", "bob"), ("_pq_.compression", "on"))).encode())
    assert messages(out)[0] == NegotiateProtocolVersion(3 << 16, ("_pq_.compression",))
    assert messages(out)[1] == AuthenticationOk()
    assert "_pq_.compression" not in backend.calls[0][1]


def test_protocol_2_gets_a_protocol_2_error():
    conn = Connection(FakeBackend())
    out = conn.receive(struct.pack("!iI", 9, 2 << 16) + b"\x00")
    assert out == (b"EFATAL:  unsupported frontend protocol 2.0: "
                   b"server supports 3.0 to 3.0\n\x00")
    assert conn.closed


def test_protocol_4_gets_a_v3_error():
    conn = Connection(FakeBackend())
    out = conn.receive(struct.pack("!iI", 9, 4 << 16) + b"\x00")
    assert errors(out) == [("FATAL", "0A000",
                            "unsupported frontend protocol 4.0: server supports 3.0 to 3.0")]


def test_backend_refusal_at_startup_is_fatal():
    conn = Connection(FakeBackend())
    out = conn.receive(StartupMessage(params=(("user", "bob"), ("database", "nosuch"))).encode())
    assert errors(out) == [("FATAL", "3D000", 'database "nosuch" does not exist')]
    assert conn.closed


def test_long_names_are_truncated_to_63_bytes():
    backend = FakeBackend()
    Connection(backend).receive(StartupMessage(params=(("user", "u" * 100),)).encode())
    assert backend.calls[0][1] == {"user": "u" * 63, "database": "u" * 63}


@pytest.mark.parametrize("packet,message", [
    (struct.pack("!i", 4), "invalid length of startup packet"),
    (struct.pack("!i", 20000), "invalid length of startup packet"),
    (struct.pack("!iI", 12, 3 << 16) + b"user", "invalid startup packet layout: "
     "expected terminator as last byte"),
])
def test_bad_startup_packets_are_fatal_08p01(packet, message):
    backend = FakeBackend()
    conn = Connection(backend)
    assert errors(conn.receive(packet)) == [("FATAL", "08P01", message)]
    assert conn.closed and backend.disconnects == 1
    assert conn.receive(STARTUP) == b""


# -- authentication ---------------------------------------------------------------


def test_cleartext_password_flow():
    backend = FakeBackend(CleartextPassword("s3cret"))
    conn = Connection(backend)
    assert messages(conn.receive(STARTUP)) == [AuthenticationCleartextPassword()]
    assert conn.state is State.AUTHENTICATING
    out = conn.receive(PasswordMessage("s3cret").encode())
    assert messages(out)[0] == AuthenticationOk()
    assert messages(out)[-1] == ReadyForQuery("I")
    assert conn.state is State.READY


@pytest.mark.parametrize("response,expected", [
    (PasswordMessage("wrong").encode(),
     ("FATAL", "28P01", 'password authentication failed for user "bob"')),
    (b"p\x00\x00\x00\x05\x00", ("FATAL", "28P01", "empty password returned by client")),
    (b"p\x00\x00\x00\x07abc", ("FATAL", "08P01", "invalid password packet size")),
    (Query("select 1").encode(),
     ("FATAL", "08P01", "expected password response, got message type 81")),
    (b"p" + struct.pack("!i", 65536), ("FATAL", "08P01", "invalid message length")),
])
def test_cleartext_failures_are_fatal(response, expected):
    backend = FakeBackend(CleartextPassword(ScramSecret.from_password("s3cret")))
    conn = Connection(backend)
    conn.receive(STARTUP)
    assert errors(conn.receive(response)) == [expected]
    assert conn.closed and backend.disconnects == 1
    assert ("authenticated",) not in backend.calls


def scram_login(conn: Connection, password: str) -> bytes:
    out = conn.receive(STARTUP)
    assert messages(out) == [AuthenticationSASL(("SCRAM-SHA-256",))]
    client = scramp.ScramClient(["SCRAM-SHA-256"], "bob", password)
    out = conn.receive(SASLInitialResponse(
        "SCRAM-SHA-256", client.get_client_first().encode()).encode())
    [cont] = messages(out)
    assert isinstance(cont, AuthenticationSASLContinue)
    client.set_server_first(cont.data.decode())
    out = conn.receive(SASLResponse(client.get_client_final().encode()).encode())
    if isinstance(messages(out)[0], AuthenticationSASLFinal):
        client.set_server_final(messages(out)[0].data.decode())
    return out


def test_scram_flow_with_scramp_client():
    conn = Connection(FakeBackend(ScramSha256("s3cret")))
    out = scram_login(conn, "s3cret")
    kinds = [type(m).__name__ for m in messages(out)]
    assert kinds[:2] == ["AuthenticationSASLFinal", "AuthenticationOk"]
    assert kinds[-1] == "ReadyForQuery"
    assert conn.state is State.READY


def test_scram_wrong_password():
    conn = Connection(FakeBackend(ScramSha256(ScramSecret.from_password("s3cret"))))
    out = scram_login(conn, "nope")
    assert errors(out) == [("FATAL", "28P01", 'password authentication failed for user "bob"')]
    assert conn.closed


def test_scram_without_initial_response_gets_empty_challenge():
    conn = Connection(FakeBackend(ScramSha256("pw")))
    conn.receive(STARTUP)
    out = conn.receive(SASLInitialResponse("SCRAM-SHA-256", None).encode())
    assert messages(out) == [AuthenticationSASLContinue(b"")]
    client = scramp.ScramClient(["SCRAM-SHA-256"], "bob", "pw")
    out = conn.receive(SASLResponse(client.get_client_first().encode()).encode())
    client.set_server_first(messages(out)[0].data.decode())
    out = conn.receive(SASLResponse(client.get_client_final().encode()).encode())
    assert messages(out)[1] == AuthenticationOk()


@pytest.mark.parametrize("response,expected", [
    (SASLInitialResponse("SCRAM-SHA-256-PLUS", b"p=tls-server-end-point,,n=,r=x").encode(),
     ("FATAL", "08P01", "client selected an invalid SASL authentication mechanism")),
    (SASLInitialResponse("SCRAM-SHA-256", b"p=tls-server-end-point,,n=,r=x").encode(),
     ("FATAL", "08P01", "malformed SCRAM message")),
    (SASLInitialResponse("SCRAM-SHA-256", b"").encode(),
     ("FATAL", "08P01", "malformed SCRAM message")),
    (Terminate().encode(), ("FATAL", "08P01", "expected SASL response, got message type 88")),
    (b"p" + struct.pack("!i", 1025), ("FATAL", "08P01", "invalid message length")),
    (b"p\x00\x00\x00\x07abc", ("FATAL", "08P01", "invalid string in message")),
])
def test_scram_protocol_errors_are_fatal(response, expected):
    conn = Connection(FakeBackend(ScramSha256("pw")))
    conn.receive(STARTUP)
    assert errors(conn.receive(response)) == [expected]
    assert conn.closed


def test_eof_during_authentication_is_silent():
    backend = FakeBackend(CleartextPassword("pw"))
    conn = Connection(backend)
    conn.receive(STARTUP)
    assert conn.receive_eof() == b""
    assert conn.closed and backend.disconnects == 1


# -- simple query ---------------------------------------------------------------------


def test_simple_query_gets_ready_for_query_with_backend_status():
    conn, backend = ready()
    out = conn.receive(Query("begin").encode())
    assert messages(out) == [CommandComplete("BEGIN"), ReadyForQuery("T")]
    out = conn.receive(Query("fail").encode())
    assert messages(out)[-1] == ReadyForQuery("E")
    assert errors(out) == [("ERROR", "22012", "division by zero")]


def test_partial_output_then_error():
    conn, _ = ready()
    out = conn.receive(Query("partial").encode())
    assert [type(m).__name__ for m in messages(out)] == [
        "RowDescription", "DataRow", "ErrorResponse", "ReadyForQuery"]


def test_malformed_query_is_an_error_not_a_skip():
    conn, backend = ready()
    out = conn.receive(b"Q\x00\x00\x00\x07x\x00y" + Query("select 2").encode())
    assert errors(out) == [("ERROR", "08P01", "invalid message format")]
    assert backend.calls == [("query", "select 2")]
    assert not conn.ignoring_till_sync


def test_invalid_utf8_query():
    conn, _ = ready()
    out = conn.receive(b"Q\x00\x00\x00\x07\xc3\x28\x00")
    assert errors(out) == [("ERROR", "22021",
                            'invalid byte sequence for encoding "UTF8": 0xc3 0x28')]
    assert messages(out)[-1] == ReadyForQuery("I")


def test_internal_error_becomes_xx000_and_session_survives():
    conn, _ = ready()
    out = conn.receive(Query("boom").encode() + Query("ok").encode())
    assert errors(out) == [("ERROR", "XX000", "internal error: RuntimeError: bug")]
    assert messages(out)[-1] == ReadyForQuery("I")
    assert not conn.closed


def test_fatal_sql_error_closes():
    conn, backend = ready()
    out = conn.receive(Query("fatal").encode() + Query("never").encode())
    assert errors(out) == [("FATAL", "57P01",
                            "terminating connection due to administrator command")]
    assert conn.closed and backend.disconnects == 1
    assert ("query", "never") not in backend.calls


def test_function_call_is_passed_on_then_ready():
    conn, backend = ready()
    out = conn.receive(FunctionCall(1598, (), (), 0).encode())
    assert errors(out)[0][1] == "0A000"
    assert messages(out)[-1] == ReadyForQuery("I")
    assert backend.kinds() == ["function"]


def test_copy_messages_outside_copy_are_dropped():
    conn, backend = ready()
    out = conn.receive(CopyData(b"x").encode() + CopyDone().encode()
                       + CopyFail("why").encode() + Query("a").encode())
    assert backend.kinds() == ["query"]
    assert messages(out)[-1] == ReadyForQuery("I")


# -- extended query ----------------------------------------------------------------------

EXTENDED = (Parse("", "select 1").encode() + Bind("", "").encode()
            + Describe("P").encode() + Execute("", 0).encode())


def test_extended_output_is_held_until_sync():
    conn, backend = ready()
    assert conn.receive(EXTENDED) == b""
    assert backend.kinds() == ["parse", "bind", "describe", "execute"]
    out = conn.receive(Sync().encode())
    assert [type(m).__name__ for m in messages(out)] == [
        "ParseComplete", "BindComplete", "NoData", "DataRow", "CommandComplete",
        "ReadyForQuery"]


def test_flush_releases_held_output():
    conn, _ = ready()
    assert conn.receive(Parse("s", "select 1").encode()) == b""
    assert messages(conn.receive(Flush().encode())) == [ParseComplete()]
    assert conn.receive(Flush().encode()) == b""


def test_error_discards_until_sync():
    conn, backend = ready()
    out = conn.receive(Parse("", "fail").encode() + Bind("", "").encode()
                       + Execute("", 0).encode() + Query("select 2").encode()
                       + Parse("x", "select 3").encode() + Flush().encode())
    assert errors(out) == [("ERROR", "42601", 'syntax error at or near "fail"')]
    assert messages(out)[-1].field("P") == "1"
    assert ReadyForQuery("I") not in messages(out)
    assert backend.kinds() == ["parse"]
    assert conn.ignoring_till_sync
    out = conn.receive(Sync().encode() + Query("select 4").encode())
    assert messages(out)[0] == ReadyForQuery("I")
    assert backend.kinds() == ["parse", "sync", "query"]
    assert not conn.ignoring_till_sync


def test_held_output_precedes_the_error():
    conn, _ = ready()
    out = conn.receive(Parse("a", "select 1").encode() + Parse("b", "fail").encode())
    assert [type(m).__name__ for m in messages(out)] == ["ParseComplete", "ErrorResponse"]


def test_malformed_extended_message_is_an_error_then_skip():
    conn, backend = ready()
    out = conn.receive(b"B\x00\x00\x00\x05x" + Execute("", 0).encode())
    assert errors(out) == [("ERROR", "08P01", "invalid string in message")]
    assert backend.calls == []
    out = conn.receive(Sync().encode())
    assert messages(out) == [ReadyForQuery("I")]


def test_bad_describe_subtype_and_sync_trailing_bytes():
    conn, _ = ready()
    out = conn.receive(b"D\x00\x00\x00\x07Xa\x00" + b"S\x00\x00\x00\x05x")
    # Sync with garbage is itself an ERROR (not extended), so ReadyForQuery follows
    assert errors(out) == [("ERROR", "08P01", "invalid DESCRIBE message subtype 88"),
                           ("ERROR", "08P01", "invalid message format")]
    assert messages(out)[-1] == ReadyForQuery("I")


def test_terminate_while_discarding_closes():
    conn, backend = ready()
    conn.receive(Parse("", "fail").encode())
    assert conn.receive(Terminate().encode()) == b""
    assert conn.closed and backend.disconnects == 1


def test_max_rows_portal_suspended_and_close():
    conn, backend = ready()
    out = conn.receive(Parse("", "select 1").encode() + Bind("p", "").encode()
                       + Execute("p", 1).encode() + Close("P", "p").encode()
                       + Sync().encode())
    assert [type(m).__name__ for m in messages(out)] == [
        "ParseComplete", "BindComplete", "DataRow", "PortalSuspended",
        "CloseComplete", "ReadyForQuery"]


def test_invalid_type_byte_is_fatal_and_closes():
    conn, backend = ready()
    out = conn.receive(Parse("", "select 1").encode() + b"x\x00\x00\x00\x04")
    assert [type(m).__name__ for m in messages(out)] == ["ParseComplete", "ErrorResponse"]
    assert errors(out) == [("FATAL", "08P01", "invalid frontend message type 120")]
    assert conn.closed and backend.disconnects == 1
    assert conn.receive(Query("select 1").encode()) == b""


def test_password_message_after_startup_is_an_invalid_type():
    conn, _ = ready()
    assert errors(conn.receive(PasswordMessage("pw").encode())) == [
        ("FATAL", "08P01", "invalid frontend message type 112")]


def test_gigabyte_header_is_refused_at_once():
    conn, _ = ready()
    out = conn.receive(b"Q\x40\x00\x00\x00")
    assert errors(out) == [("FATAL", "08P01", "invalid message length")]
    assert conn.closed


def test_oversized_sync_is_refused():
    conn, _ = ready()
    assert errors(conn.receive(b"S" + struct.pack("!i", 10001))) == [
        ("FATAL", "08P01", "invalid message length")]


# -- COPY FROM STDIN ------------------------------------------------------------------------


def test_copy_in_simple_query():
    conn, backend = ready()
    out = conn.receive(Query("copy t from stdin").encode())
    assert messages(out) == [CommandComplete("SET"), CopyInResponse(0, (0,))]
    assert conn.state is State.COPY_IN
    out = conn.receive(CopyData(b"1\n").encode() + Sync().encode() + Flush().encode()
                       + CopyData(b"2\n").encode() + CopyDone().encode())
    assert messages(out) == [CommandComplete("COPY 2"), ReadyForQuery("I")]
    assert backend.sinks[0].data == [b"1\n", b"2\n"]
    assert conn.state is State.READY


def test_copy_then_more_statements_and_a_second_copy():
    conn, backend = ready()
    conn.receive(Query("copy then").encode())
    out = conn.receive(CopyDone().encode())
    assert messages(out) == [CommandComplete("COPY 0"), CommandComplete("SELECT 0"),
                             ReadyForQuery("I")]
    conn.receive(Query("copy again").encode())
    out = conn.receive(CopyDone().encode())
    assert messages(out) == [CopyInResponse(0, (0,))]
    assert conn.state is State.COPY_IN
    assert messages(conn.receive(CopyDone().encode())) == [CommandComplete("COPY 0"),
                                                            ReadyForQuery("I")]


def test_copy_fail_reports_57014_and_later_copy_data_is_dropped():
    conn, backend = ready()
    conn.receive(Query("copy where").encode())
    out = conn.receive(CopyData(b"1\n").encode() + CopyFail("boom").encode()
                       + CopyData(b"x").encode() + CopyDone().encode())
    assert errors(out) == [("ERROR", "57014", "COPY from stdin failed: boom")]
    error = [m for m in messages(out) if isinstance(m, ErrorResponse)][0]
    assert error.field("W") == "COPY t, line 1"
    assert messages(out)[-1] == ReadyForQuery("I")
    assert backend.sinks[0].aborted.sqlstate == "57014"
    assert conn.state is State.READY


def test_copy_data_error_from_the_sink():
    conn, backend = ready()
    conn.receive(Query("begin").encode())
    conn.receive(Query("copy t").encode())
    out = conn.receive(CopyData(b"bad\n").encode() + CopyDone().encode())
    assert errors(out) == [("ERROR", "22P02", 'invalid input syntax for type integer: "bad"')]
    assert messages(out)[-1] == ReadyForQuery("E")


def test_unexpected_message_during_copy_loses_sync():
    conn, backend = ready()
    conn.receive(Query("copy where").encode())
    out = conn.receive(Query("select 1").encode())
    assert errors(out) == [
        ("ERROR", "08P01", "unexpected message type 0x51 during COPY from stdin"),
        ("FATAL", "08P01", "terminating connection because protocol synchronization was lost")]
    assert messages(out)[0].field("W") == "COPY t, line 1"
    assert backend.sinks[0].aborted is not None
    assert conn.closed and backend.disconnects == 1


def test_copy_via_execute_error_discards_until_sync():
    conn, backend = ready()
    out = conn.receive(Parse("", "copy t").encode() + Bind("", "").encode()
                       + Execute("", 0).encode() + Sync().encode())
    # Sync sent right after Execute is ignored by COPY, as in PostgreSQL
    assert messages(out) == [ParseComplete(), BindComplete(), CopyInResponse(0, (0,))]
    out = conn.receive(CopyFail("no").encode() + Execute("", 0).encode())
    assert errors(out) == [("ERROR", "57014", "COPY from stdin failed: no")]
    assert conn.ignoring_till_sync
    assert messages(conn.receive(Sync().encode())) == [ReadyForQuery("I")]


def test_copy_via_execute_done_waits_for_sync():
    conn, _ = ready()
    conn.receive(Parse("", "copy t").encode() + Bind("", "").encode()
                 + Execute("", 0).encode())
    assert conn.receive(CopyData(b"1\n").encode() + CopyDone().encode()) == b""
    assert messages(conn.receive(Sync().encode())) == [CommandComplete("COPY 1"),
                                                        ReadyForQuery("I")]


# -- ending ------------------------------------------------------------------------------------


def test_terminate_closes_without_output():
    conn, backend = ready()
    assert conn.receive(Parse("", "select 1").encode() + Terminate().encode()
                        + Query("never").encode()) == b""
    assert conn.closed and backend.disconnects == 1
    assert backend.kinds() == ["parse"]


def test_eof_closes_once():
    conn, backend = ready()
    conn.receive(Query("sel").encode()[:4])
    assert conn.receive_eof() == b""
    assert conn.receive_eof() == b""
    assert backend.disconnects == 1


def test_server_side_fatal():
    conn, backend = ready()
    conn.receive(Parse("", "select 1").encode())
    out = conn.fatal(SqlError("25P03", "terminating connection due to "
                              "idle-in-transaction timeout"))
    assert [type(m).__name__ for m in messages(out)] == ["ParseComplete", "ErrorResponse"]
    assert errors(out)[0][0] == "FATAL"
    assert conn.closed and backend.disconnects == 1
    assert conn.fatal(SqlError("XX000", "again")) == b""


def test_whole_session_same_output_for_any_chunking():
    script = (SSLRequest().encode(), STARTUP + Query("select 1").encode() + EXTENDED
              + Sync().encode() + Parse("", "fail").encode() + Execute("", 0).encode()
              + Sync().encode() + Query("copy t").encode() + CopyData(b"1\n").encode()
              + CopyDone().encode() + Terminate().encode())

    def run(chunk: int) -> bytes:
        conn, out = Connection(FakeBackend()), b""
        out += conn.receive(script[0])
        data = script[1]
        for i in range(0, len(data), chunk):
            out += conn.receive(data[i:i + chunk])
        assert conn.closed
        return out

    whole = run(len(script[1]))
    for chunk in (1, 2, 3, 7, 64):
        assert run(chunk) == whole
