"""Properties of the sans-I/O wire layer.

1. Any valid client stream, split into arbitrary chunks (down to one byte at
   a time), decodes to the same messages.
2. Random garbage never makes the decoder raise anything but
   ProtocolViolation, in any phase.
3. A Connection never raises, whatever it is fed, and its output does not
   depend on the chunking.
4. Every message round-trips through encode/decode.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from twinning.errors import SqlError
from twinning.wire.connection import Connection, SessionStart, Trust
from twinning.wire.framing import FrontendDecoder
from twinning.wire.messages import (
    Bind, Close, CommandComplete, CopyData, CopyDone, CopyFail, DataRow,
    Describe, ErrorResponse, Execute, Flush, FunctionCall, GSSENCRequest,
    ParameterDescription, Parse, Query, RowDescription, FieldDescription,
    SSLRequest, StartupMessage, Sync, Terminate, decode_backend,
)
from twinning.wire import messages
from twinning.wire.violation import ProtocolViolation

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Text a client can send in a NUL-terminated string: any Unicode scalar value
# but NUL (the terminator) and surrogates (not encodable as UTF-8).
text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=40)
# Names in small messages (Describe/Close/Execute) stay far below 10000 bytes.
name = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=20)
int16 = st.integers(-(2 ** 15), 2 ** 15 - 1)
uint32 = st.integers(0, 2 ** 32 - 1)
value = st.none() | st.binary(max_size=30)

frontend_message = st.one_of(
    st.builds(Query, text),
    st.builds(Parse, name, text, st.lists(uint32, max_size=5).map(tuple)),
    st.lists(value, max_size=5).flatmap(lambda params: st.builds(
        Bind, name, name,
        st.sampled_from([(), (0,), tuple(1 for _ in params)]),
        st.just(tuple(params)), st.lists(int16, max_size=4).map(tuple))),
    st.builds(Describe, st.sampled_from("SP"), name),
    st.builds(Execute, name, st.integers(-(2 ** 31), 2 ** 31 - 1)),
    st.builds(Close, st.sampled_from("SP"), name),
    st.builds(Sync), st.builds(Flush), st.builds(Terminate),
    st.builds(CopyData, st.binary(max_size=50)), st.builds(CopyDone),
    st.builds(CopyFail, name),
    st.lists(value, max_size=4).flatmap(lambda args: st.builds(
        FunctionCall, uint32, st.sampled_from([(), (0,), tuple(0 for _ in args)]),
        st.just(tuple(args)), int16)),
)
startup = st.builds(StartupMessage, st.just(3 << 16), st.lists(
    st.tuples(name.filter(bool), name), max_size=4).map(
        lambda pairs: (("user", "u"),) + tuple(pairs)))
negotiation = st.lists(st.sampled_from([SSLRequest(), GSSENCRequest()]), max_size=2).filter(
    lambda requests: len(requests) < 2 or requests[0] != requests[1])


# Garbage that gets past the framing: a real type byte, a right length word,
# random payload. Pure random bytes almost never do, so both are drawn.
framed_garbage = st.lists(st.tuples(st.sampled_from(b"QPBDECSHXdcfFp"), st.binary(max_size=40)),
                          max_size=6).map(lambda frames: b"".join(
                              bytes([code]) + (len(body) + 4).to_bytes(4, "big") + body
                              for code, body in frames))
garbage = st.one_of(st.binary(max_size=300), framed_garbage,
                    st.tuples(framed_garbage, st.binary(max_size=20)).map(b"".join))


def chunked(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    return [data[a:b] for a, b in zip([0] + points, points + [len(data)])]


@SETTINGS
@given(negotiation, startup, st.lists(frontend_message, max_size=12),
       st.lists(st.integers(0, 10 ** 6), max_size=20), st.booleans())
def test_any_chunking_decodes_the_same_messages(requests, first, body, cuts, bytewise):
    stream = first.encode() + b"".join(m.encode() for m in body)
    chunks = [bytes([b]) for b in stream] if bytewise else chunked(stream, cuts)
    note(f"{len(chunks)} chunks")
    decoder = FrontendDecoder()
    got = []
    # Negotiation requests come first, each alone (a client waits for 'N').
    for request in requests:
        decoder.feed(request.encode())
        got.append(decoder.next_message())
    for chunk in chunks:
        decoder.feed(chunk)
        got.extend(decoder)
    assert got == requests + [first] + body
    assert decoder.buffered == 0


@SETTINGS
@given(st.sampled_from(["startup", "regular", "auth", "sasl", "copy"]),
       garbage, st.lists(st.integers(0, 400), max_size=8))
def test_garbage_only_raises_protocol_violation(phase, junk, cuts):
    decoder = FrontendDecoder()
    if phase != "startup":
        decoder.feed(StartupMessage(params=(("user", "u"),)).encode())
        decoder.next_message()
    if phase in ("auth", "sasl"):
        decoder.expect_auth_response(sasl=phase == "sasl")
    elif phase == "copy":
        decoder.start_copy_in()
    for chunk in chunked(junk, cuts):
        decoder.feed(chunk)
        while True:
            try:
                if decoder.next_message() is None:
                    break
            except ProtocolViolation as exc:
                assert exc.sqlstate in ("08P01", "0A000", "22021")
                if exc.fatal:
                    return


class Permissive:
    """A backend that answers everything, to exercise the connection alone."""

    def on_startup(self, params):
        return Trust()

    def on_authenticated(self):
        return SessionStart([("server_version", "15.0")], 1, 2)

    def on_cancel(self, pid, key):
        pass

    def transaction_status(self):
        return "I"

    def on_query(self, sql):
        if "x" in sql:
            raise SqlError("42601", "syntax error")
        return CommandComplete("SELECT 0").encode()

    def on_parse(self, message):
        return b"1\x00\x00\x00\x04"

    on_bind = on_describe = on_close = on_parse

    def on_execute(self, message):
        return CommandComplete("SELECT 0").encode()

    def on_sync(self):
        return b""

    def on_function_call(self, message):
        raise SqlError("0A000", "no")

    def on_disconnect(self):
        pass


@SETTINGS
@given(garbage, st.lists(frontend_message, max_size=6),
       st.booleans(), st.lists(st.integers(0, 10 ** 5), max_size=10))
def test_connection_never_raises_and_ignores_chunking(junk, body, garbage_first, cuts):
    login = StartupMessage(params=(("user", "u"),)).encode()
    wire = b"".join(m.encode() for m in body)
    stream = login + (junk + wire if garbage_first else wire + junk)

    def run(chunks: list[bytes]) -> bytes:
        conn, out = Connection(Permissive()), b""
        for chunk in chunks:
            out += conn.receive(chunk)
        return out + conn.receive_eof()

    assert run(chunked(stream, cuts)) == run([stream])


@SETTINGS
@given(st.lists(value, max_size=10))
def test_data_row_round_trip(values):
    row = DataRow(tuple(values))
    wire = row.encode()
    assert decode_backend(wire[:1], wire[5:]) == row


@SETTINGS
@given(st.lists(st.builds(FieldDescription, name, uint32, uint32, int16, int16,
                          st.integers(-(2 ** 31), 2 ** 31 - 1), st.sampled_from([0, 1])),
                max_size=5),
       st.lists(uint32, max_size=5), text)
def test_backend_round_trips(fields, oids, message):
    for m in (RowDescription(tuple(fields)), ParameterDescription(tuple(oids)),
              ErrorResponse.from_error(SqlError("XX000", message, detail=message)),
              CommandComplete(message)):
        wire = m.encode()
        assert decode_backend(wire[:1], wire[5:]) == m


def _checked_decode(cls, payload: bytes):
    """The Reader path alone (the one-pass decoders switched off)."""
    try:
        if cls is Bind:
            original, messages._bind_fast = messages._bind_fast, lambda _: None
            try:
                return Bind.decode(payload)
            finally:
                messages._bind_fast = original
        reader = messages.Reader(payload)
        if cls is Execute:
            found = Execute(reader.string(), reader.int32())
        else:
            found = Describe(*messages._kind_and_name(payload, "DESCRIBE"))
            reader.pos = len(payload)
        reader.finish()
        return found
    except ProtocolViolation as exc:
        return ("error", str(exc), getattr(exc, "where", None))


def _decode(cls, payload: bytes):
    try:
        return cls.decode(payload)
    except ProtocolViolation as exc:
        return ("error", str(exc), getattr(exc, "where", None))


bind_payload = st.one_of(
    st.lists(value, max_size=8).flatmap(lambda params: st.builds(
        Bind, name, name,
        st.sampled_from([(), (0,), (1,), tuple(i % 2 for i in range(len(params))),
                         (0, 1)]),
        st.just(tuple(params)), st.lists(int16, max_size=4).map(tuple))).map(
            lambda m: m.encode()[5:]),
    st.binary(max_size=60))
mangled = st.tuples(bind_payload, st.integers(0, 80), st.binary(max_size=3)).map(
    lambda t: t[0][:t[1]] + t[2] + t[0][t[1] + len(t[2]):])


@SETTINGS
@given(st.one_of(bind_payload, mangled))
def test_one_pass_bind_decoding_agrees_with_the_checked_path(payload):
    """Bind's one-pass decoder (`_bind_fast`) gives the message the
    checked reader gives, or leaves the payload to it (errors included)."""
    assert _decode(Bind, payload) == _checked_decode(Bind, payload)


@SETTINGS
@given(st.sampled_from([Execute, Describe]),
       st.one_of(st.builds(lambda n: b"\x00" + n.to_bytes(4, "big", signed=True),
                           st.integers(-(2 ** 31), 2 ** 31 - 1)),
                 st.sampled_from([b"P\x00", b"S\x00", b"P\x00\x00", b"\x00", b""]),
                 st.binary(max_size=8)))
def test_one_pass_execute_and_describe_agree_with_the_checked_path(cls, payload):
    assert _decode(cls, payload) == _checked_decode(cls, payload)
