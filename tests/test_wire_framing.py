"""FrontendDecoder: phases, PostgreSQL 15's size limits, and the errors for
malformed streams (garbage, bad lengths, unknown types, 1 GB headers,
truncated packets, wrong protocol versions)."""

from __future__ import annotations

import struct

import pytest

from twinning.wire.framing import (
    MAX_STARTUP_PACKET_LENGTH, PG_MAX_AUTH_TOKEN_LENGTH,
    PG_MAX_SASL_MESSAGE_LENGTH, PQ_LARGE_MESSAGE_LIMIT, PQ_SMALL_MESSAGE_LIMIT,
    Frame, FrontendDecoder, Phase,
)
from twinning.wire.messages import (
    AuthResponse, Bind, CancelRequest, CopyData, CopyDone, Describe, Execute,
    GSSENCRequest, Parse, Query, SSLRequest, StartupMessage, Sync, Terminate,
)
from twinning.wire.violation import ProtocolViolation

STARTUP = StartupMessage(params=(("user", "bob"), ("database", "db")))


def regular() -> FrontendDecoder:
    decoder = FrontendDecoder()
    decoder.feed(STARTUP.encode())
    assert decoder.next_message() == STARTUP
    assert decoder.phase is Phase.REGULAR
    return decoder


def violation(decoder: FrontendDecoder, data: bytes) -> ProtocolViolation:
    decoder.feed(data)
    with pytest.raises(ProtocolViolation) as info:
        while decoder.next_message() is not None:
            pass
    return info.value


# -- startup phase ------------------------------------------------------------------


def test_startup_whole_and_byte_by_byte():
    wire = STARTUP.encode()
    decoder = FrontendDecoder()
    for i, byte in enumerate(wire):
        assert decoder.next_message() is None
        decoder.feed(bytes([byte]))
    assert decoder.next_message() == STARTUP
    assert decoder.buffered == 0


def test_ssl_then_gss_then_startup():
    decoder = FrontendDecoder()
    decoder.feed(SSLRequest().encode())
    assert decoder.next_message() == SSLRequest()
    assert decoder.phase is Phase.STARTUP
    decoder.feed(GSSENCRequest().encode() + STARTUP.encode())
    assert list(decoder) == [GSSENCRequest(), STARTUP]
    assert decoder.phase is Phase.REGULAR


@pytest.mark.parametrize("request_,minor", [(SSLRequest(), 5679), (GSSENCRequest(), 5680)])
def test_same_negotiation_request_twice_is_an_unknown_protocol(request_, minor):
    decoder = FrontendDecoder()
    decoder.feed(request_.encode())
    assert decoder.next_message() == request_
    error = violation(decoder, request_.encode())
    assert (error.sqlstate, error.message, error.severity) == (
        "0A000", f"unsupported frontend protocol 1234.{minor}: server supports 3.0 to 3.0",
        "FATAL")


def test_ssl_gss_ssl_is_allowed_as_in_postgres_15():
    # PG 15 only remembers the last request: SSL->N, GSS->N resets ssl_done.
    decoder = FrontendDecoder()
    for request_ in (SSLRequest(), GSSENCRequest(), SSLRequest()):
        decoder.feed(request_.encode())
        assert decoder.next_message() == request_


def test_cancel_request_ends_reading():
    decoder = FrontendDecoder()
    decoder.feed(CancelRequest(7, 9).encode() + b"garbage that is never read")
    assert decoder.next_message() == CancelRequest(7, 9)
    assert decoder.phase is Phase.DONE
    assert decoder.next_message() is None


@pytest.mark.parametrize("length", [0, 4, 7, -1, MAX_STARTUP_PACKET_LENGTH + 5, 0x40000000])
def test_startup_length_out_of_range_refused_from_the_length_word(length):
    error = violation(FrontendDecoder(), struct.pack("!i", length))
    assert (error.sqlstate, error.message, error.fatal) == (
        "08P01", "invalid length of startup packet", True)


def test_startup_length_limits_are_inclusive():
    decoder = FrontendDecoder()
    decoder.feed(struct.pack("!i", MAX_STARTUP_PACKET_LENGTH + 4))
    assert decoder.next_message() is None          # allowed: waits for the body
    body = b"user\x00bob\x00"
    packet = StartupMessage(params=(("user", "bob"), ("x", "y" * 100))).encode()
    decoder = FrontendDecoder()
    decoder.feed(packet)
    assert decoder.next_message().as_dict()["x"] == "y" * 100
    big = struct.pack("!iI", MAX_STARTUP_PACKET_LENGTH + 4, 3 << 16) + body
    big += b"\x00" * (MAX_STARTUP_PACKET_LENGTH + 4 - len(big))
    decoder = FrontendDecoder()
    decoder.feed(big)
    # fits, but padding after the terminator breaks the layout
    with pytest.raises(ProtocolViolation, match="expected terminator as last byte"):
        decoder.next_message()


@pytest.mark.parametrize("version,text", [
    (2 << 16, "2.0"), (4 << 16, "4.0"), (0, "0.0"), (0xFFFFFFFF, "65535.65535"),
])
def test_unsupported_protocol_versions(version, text):
    error = violation(FrontendDecoder(), struct.pack("!iI", 9, version) + b"\x00")
    assert (error.sqlstate, error.severity) == ("0A000", "FATAL")
    assert error.message == f"unsupported frontend protocol {text}: server supports 3.0 to 3.0"


def test_short_cancel_request():
    # 1234.5678 is CancelRequest's code; a cancel packet must be 16 bytes.
    error = violation(FrontendDecoder(), struct.pack("!iI", 9, 80877102) + b"\x00")
    assert error.message == "invalid length of startup packet"


def test_next_frame_is_not_for_startup_packets():
    with pytest.raises(RuntimeError):
        FrontendDecoder().next_frame()


# -- regular phase ------------------------------------------------------------------


def test_regular_messages_one_byte_at_a_time():
    messages = [Query("select 1"), Parse("", "select $1", (23,)),
                Bind("", "", (), (b"1",), ()), Describe("P"), Execute("", 0),
                Sync(), Terminate()]
    wire = b"".join(m.encode() for m in messages)
    decoder = regular()
    got = []
    for byte in wire:
        decoder.feed(bytes([byte]))
        got.extend(decoder)
    assert got == messages
    assert decoder.buffered == 0


def test_next_frame_gives_raw_type_and_payload():
    decoder = regular()
    decoder.feed(b"Q\x00\x00\x00\x05x")        # payload not even a valid string
    assert decoder.next_frame() == Frame(b"Q", b"x")
    decoder.feed(b"X\x00\x00\x00\x04")
    assert decoder.next_frame() == Frame(b"X", b"")
    assert decoder.next_frame() is None


@pytest.mark.parametrize("code", [b"x", b"\x00", b"p", b"Z", b"R", b"\xff", b"G"])
def test_unknown_type_refused_from_its_first_byte(code):
    error = violation(regular(), code)
    assert (error.sqlstate, error.message, error.severity) == (
        "08P01", f"invalid frontend message type {code[0]}", "FATAL")


@pytest.mark.parametrize("length", [0, 3, -1, -0x80000000])
def test_length_below_four_is_invalid(length):
    error = violation(regular(), b"Q" + struct.pack("!i", length))
    assert (error.message, error.fatal) == ("invalid message length", True)


def test_one_gigabyte_header_refused_before_any_body():
    decoder = regular()
    decoder.feed(b"Q" + struct.pack("!i", 0x40000000))
    with pytest.raises(ProtocolViolation, match="invalid message length"):
        decoder.next_frame()
    assert decoder.buffered == 5                # nothing more was waited for


def test_large_limit_boundary():
    decoder = regular()
    decoder.feed(b"Q" + struct.pack("!i", PQ_LARGE_MESSAGE_LIMIT))
    assert decoder.next_frame() is None         # legal: waits for ~1 GB
    error = violation(regular(), b"d" + struct.pack("!i", PQ_LARGE_MESSAGE_LIMIT + 1))
    assert error.message == "invalid message length"


@pytest.mark.parametrize("code", [b"S", b"H", b"X", b"C", b"D", b"E", b"c", b"f"])
def test_small_messages_limited_to_10000(code):
    decoder = regular()
    decoder.feed(code + struct.pack("!i", PQ_SMALL_MESSAGE_LIMIT))
    assert decoder.next_frame() is None
    error = violation(regular(), code + struct.pack("!i", PQ_SMALL_MESSAGE_LIMIT + 1))
    assert error.message == "invalid message length"


@pytest.mark.parametrize("code", [b"Q", b"P", b"B", b"d", b"F"])
def test_large_allowed_messages(code):
    decoder = regular()
    decoder.feed(code + struct.pack("!i", PQ_SMALL_MESSAGE_LIMIT + 1))
    assert decoder.next_frame() is None


def test_big_query_arrives_in_pieces():
    sql = "select '" + "x" * 200_000 + "'"
    wire = Query(sql).encode()
    decoder = regular()
    for i in range(0, len(wire), 4096):
        decoder.feed(wire[i:i + 4096])
        if i + 4096 < len(wire):
            assert decoder.next_message() is None
    assert decoder.next_message() == Query(sql)


def test_many_small_messages_compact_the_buffer():
    wire = Sync().encode() * 50_000 + Query("x").encode()
    decoder = regular()
    decoder.feed(wire[:-3])
    count = 0
    while isinstance(decoder.next_message(), Sync):
        count += 1
    assert count == 50_000
    decoder.feed(wire[-3:])
    assert decoder.next_message() == Query("x")
    assert decoder.buffered == 0


def test_payload_errors_are_not_fatal_and_decoding_goes_on():
    decoder = regular()
    decoder.feed(b"Q\x00\x00\x00\x05x" + Sync().encode())
    with pytest.raises(ProtocolViolation) as info:
        decoder.next_message()
    assert (info.value.message, info.value.fatal) == ("invalid string in message", False)
    assert decoder.next_message() == Sync()


# -- authentication and COPY phases -----------------------------------------------------


@pytest.mark.parametrize("sasl,limit,what", [
    (False, PG_MAX_AUTH_TOKEN_LENGTH, "password"),
    (True, PG_MAX_SASL_MESSAGE_LENGTH, "SASL"),
])
def test_auth_phase_reads_only_p(sasl, limit, what):
    decoder = regular()
    decoder.expect_auth_response(sasl=sasl)
    decoder.feed(b"p\x00\x00\x00\x08abc\x00")
    assert decoder.next_message() == AuthResponse(b"abc\x00")
    decoder.feed(b"p" + struct.pack("!i", limit))
    assert decoder.next_frame() is None
    decoder = regular()
    decoder.expect_auth_response(sasl=sasl)
    assert violation(decoder, b"p" + struct.pack("!i", limit + 1)).message == \
        "invalid message length"
    decoder = regular()
    decoder.expect_auth_response(sasl=sasl)
    error = violation(decoder, Query("select 1").encode())
    assert (error.message, error.fatal) == (
        f"expected {what} response, got message type 81", True)


def test_copy_in_phase():
    decoder = regular()
    decoder.start_copy_in()
    decoder.feed(CopyData(b"1\n").encode() + Sync().encode() + CopyDone().encode())
    assert list(decoder) == [CopyData(b"1\n"), Sync(), CopyDone()]
    decoder.feed(b"d" + struct.pack("!i", PQ_SMALL_MESSAGE_LIMIT + 1))
    assert decoder.next_frame() is None          # CopyData may be large
    decoder = regular()
    decoder.start_copy_in()
    error = violation(decoder, Query("select 1").encode())
    assert error.message == "unexpected message type 0x51 during COPY from stdin"
    assert (error.severity, error.lost_sync, error.fatal) == ("ERROR", True, True)
    decoder.start_regular()
    assert decoder.next_message() == Query("select 1")


def test_close_drops_everything():
    decoder = regular()
    decoder.feed(Query("select 1").encode())
    decoder.close()
    assert decoder.phase is Phase.DONE
    assert decoder.buffered == 0
    assert decoder.next_message() is None
