"""Differential: the same raw client bytes to real PostgreSQL 15 and to our
Connection must get the same answer (message kinds; severity, SQLSTATE,
message, detail and context of errors; whether the connection closes).

Only protocol-level cases are compared: the twin side runs a stub backend
that answers Parse/Bind/Sync and nothing else, so every difference is the
wire layer's. Needs a throwaway PostgreSQL 15 (tests/support/realpg.py).
"""

from __future__ import annotations

import socket
import struct

import pytest

from twinning.errors import SqlError
from twinning.wire.connection import Connection, SessionStart, Trust
from twinning.wire.messages import (
    SSL_DENY, Bind, BindComplete, CancelRequest, CopyData, CopyDone,
    CopyFail, ErrorResponse, Execute, Flush, GSSENCRequest,
    NegotiateProtocolVersion, Parse, ParseComplete, Query, SSLRequest,
    StartupMessage, Sync, Terminate, decode_backend_stream,
)

pytestmark = pytest.mark.realpg

IGNORED = {"ParameterStatus", "BackendKeyData"}


@pytest.fixture(scope="module")
def pg(realpg):
    """The session's real PostgreSQL (a missing server fails, never skips)."""
    return realpg


class StubBackend:
    def on_startup(self, params):
        self.database = params["database"]
        return Trust()

    def on_authenticated(self):
        if self.database == "nosuch":
            raise SqlError("3D000", f'database "{self.database}" does not exist')
        return SessionStart([], 1, 2)

    def transaction_status(self):
        return "I"

    def on_parse(self, message):
        return ParseComplete().encode()

    def on_bind(self, message):
        return BindComplete().encode()

    def on_sync(self):
        return b""

    def on_cancel(self, pid, key):
        pass

    def on_disconnect(self):
        pass

    def __getattr__(self, name):
        raise AssertionError(f"the wire layer should not have called {name}")


def frame(code: bytes, payload: bytes) -> bytes:
    return code + struct.pack("!i", len(payload) + 4) + payload


def normalize(out: bytes, closed: bool) -> tuple:
    items: list = []
    if out[:1] == SSL_DENY:
        items.append("N")
        out = out[1:]
    if out.startswith(b"EFATAL:"):           # protocol 2 error format
        return (out, closed)
    for message in decode_backend_stream(out):
        kind = type(message).__name__
        if kind in IGNORED:
            continue
        if isinstance(message, ErrorResponse):
            fields = dict(message.fields)
            items.append((fields.get("V"), fields.get("C"), fields.get("M"),
                          fields.get("D"), fields.get("W")))
        elif isinstance(message, NegotiateProtocolVersion):
            items.append(message)
        else:
            items.append(kind)
    return (tuple(items), closed)


def real(pg, chunks: list[bytes]) -> tuple:
    sock = socket.create_connection((pg.host, pg.port), timeout=10)
    out, closed = b"", False
    try:
        for chunk in chunks:
            sock.sendall(chunk)
            if chunk in (SSLRequest().encode(), GSSENCRequest().encode()):
                out += sock.recv(1)          # a client waits for 'N'/'S'/'G'
        while True:
            data = sock.recv(65536)
            if not data:
                closed = True
                break
            out += data
    except (ConnectionResetError, BrokenPipeError):
        closed = True
    finally:
        sock.close()
    return normalize(out, closed)


def twin(chunks: list[bytes]) -> tuple:
    conn = Connection(StubBackend())
    out = b"".join(conn.receive(chunk) for chunk in chunks)
    if not conn.closed:
        out += conn.receive_eof()
    return normalize(out, True)


LOGIN = StartupMessage(params=(("user", "postgres"), ("database", "postgres"))).encode()
END = Terminate().encode()   # so both sides close and the comparison is exact

SESSION_CASES = {
    "invalid type byte": b"x\x00\x00\x00\x04",
    "password message after login": frame(b"p", b"pw\x00"),
    "query without terminator": frame(b"Q", b"select 1"),
    "query with trailing bytes": frame(b"Q", b"select 1\x00x"),
    "query not utf8": frame(b"Q", b"select '\xc3\x28'\x00"),
    "query not utf8, 4-byte lead": frame(b"Q", b"select '\xf0\x9f\x98'\x00"),
    "describe bad subtype": frame(b"D", b"Xa\x00") + Sync().encode(),
    "describe empty": frame(b"D", b"") + Sync().encode(),
    "close bad subtype": frame(b"C", b"\x00\x00") + Sync().encode(),
    "sync trailing bytes": frame(b"S", b"x"),
    "flush trailing bytes": Parse("", "select 1").encode() + frame(b"H", b"x")
    + Query("select 2").encode() + Sync().encode(),
    "parse huge count": frame(b"P", b"\x00select 1\x00\xff\xff") + Sync().encode(),
    "parse name not utf8": frame(b"P", b"\xff\x00select 1\x00\x00\x00") + Sync().encode(),
    "bind formats mismatch": Parse("", "select $1::int").encode()
    + Bind("", "", (0, 0), (b"1", b"2", b"3")).encode() + Sync().encode(),
    "bind value truncated": Parse("", "select $1::text").encode()
    + frame(b"B", b"\x00\x00\x00\x00\x00\x01\xff\xff\xff\xfe\x00\x00") + Sync().encode(),
    "bind second value truncated": Parse("", "select $1::text, $2::text").encode()
    + frame(b"B", b"\x00\x00\x00\x00\x00\x02\x00\x00\x00\x01a\x00\x00\x00\x09bc")
    + Sync().encode(),
    "bind string unterminated skips till sync": Parse("", "select 1").encode()
    + frame(b"B", b"portal") + Query("select 2").encode() + Execute().encode()
    + Sync().encode(),
    "execute trailing bytes": Parse("", "select 1").encode() + Bind("", "").encode()
    + frame(b"E", b"\x00\x00\x00\x00\x00x") + Sync().encode(),
    "terminate while skipping": Parse("", "select 1").encode() + frame(b"B", b"x"),
    "copy messages outside copy": CopyData(b"x").encode() + CopyDone().encode()
    + CopyFail("no").encode() + Sync().encode(),
    "held output is not sent without flush": Parse("s", "select 1").encode(),
    "flush sends held output": Parse("s", "select 1").encode() + Flush().encode(),
}


@pytest.mark.parametrize("name", SESSION_CASES)
def test_session_protocol_matches_postgres(pg, name):
    chunks = [LOGIN, SESSION_CASES[name] + END]
    assert twin(chunks) == real(pg, chunks)


STARTUP_CASES = {
    "missing user": [StartupMessage(params=(("database", "postgres"),)).encode()],
    "layout": [struct.pack("!iI", 12, 3 << 16) + b"user"],
    "protocol 2.0": [struct.pack("!iI", 9, 2 << 16) + b"\x00"],
    "protocol 4.0": [struct.pack("!iI", 9, 4 << 16) + b"\x00"],
    "protocol 3.1 and _pq_ option": [StartupMessage(version=(3 << 16) | 1, params=(
        ("user", "postgres"), ("_pq_.x", "1"))).encode() + END],
    "ssl then startup": [SSLRequest().encode(), LOGIN + END],
    "ssl twice": [SSLRequest().encode(), SSLRequest().encode()],
    "data pipelined after ssl request": [SSLRequest().encode() + LOGIN],
    "cancel request": [CancelRequest(1, 2).encode()],
    "database does not exist": [StartupMessage(params=(
        ("user", "postgres"), ("database", "nosuch"))).encode()],
}


@pytest.mark.parametrize("name", STARTUP_CASES)
def test_startup_protocol_matches_postgres(pg, name):
    chunks = STARTUP_CASES[name]
    assert twin(chunks) == real(pg, chunks)


@pytest.mark.parametrize("chunks", [
    [LOGIN, b"Q\x00\x00\x00\x02"],                  # length word below 4
    [LOGIN, b"Q\x40\x00\x00\x00"],                  # 1 GB
    [LOGIN, b"S" + struct.pack("!i", 10001)],       # small message too big
    [struct.pack("!i", 7) + b"\x00\x00\x00"],       # startup packet too short
    [struct.pack("!iI", 12, 80877102) + b"\x00\x00\x00\x01"],  # short cancel
], ids=["short length", "1GB", "big sync", "short startup", "short cancel"])
def test_documented_deviation_length_errors(pg, chunks):
    """PostgreSQL only logs these (COMMERROR) and hangs up; the twin also
    hangs up but first says why, with a FATAL 08P01 (SPEC §11)."""
    real_items, real_closed = real(pg, chunks)
    twin_items, twin_closed = twin(chunks)
    assert real_closed and twin_closed
    assert not any(isinstance(item, tuple) for item in real_items)
    assert [item for item in twin_items if isinstance(item, tuple)][-1][:2] == \
        ("FATAL", "08P01")
    assert [i for i in real_items if not isinstance(i, tuple)] == \
        [i for i in twin_items if not isinstance(i, tuple)]
