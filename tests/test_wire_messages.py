"""Wire messages: golden bytes from the protocol docs, round trips, and the
exact PostgreSQL errors for malformed payloads (texts checked against a real
PostgreSQL 15 server, see test_wire_realpg.py)."""

from __future__ import annotations

import struct

import pytest

from twinning.errors import SqlError
from twinning.wire.messages import (
    AUTHENTICATION_OK, BACKEND_MESSAGES, PROTOCOL_VERSION_3_0, SSL_DENY,
    AuthenticationCleartextPassword, AuthenticationOk, AuthenticationSASL,
    AuthenticationSASLContinue, AuthenticationSASLFinal, AuthResponse,
    BackendKeyData, Bind, BindComplete, CancelRequest, Close, CloseComplete,
    CommandComplete, CopyData, CopyDone, CopyFail, CopyInResponse,
    CopyOutResponse, DataRow, Describe, EmptyQueryResponse, ErrorResponse,
    Execute, FieldDescription, Flush, FunctionCall, GSSENCRequest,
    NegotiateProtocolVersion, NoData, NoticeResponse, ParameterDescription,
    ParameterStatus, Parse, ParseComplete, PasswordMessage, PortalSuspended,
    Query, ReadyForQuery, RowDescription, SASLInitialResponse, SASLResponse,
    SSLRequest, StartupMessage, Sync, Terminate, decode_backend,
    decode_backend_stream, decode_frontend, encode_data_row, encode_data_rows,
    encode_error, encode_notice, error_fields,
)
from twinning.wire.violation import ProtocolViolation


def payload(frame: bytes) -> bytes:
    """The payload of a typed frame, checking its length word."""
    (length,) = struct.unpack("!i", frame[1:5])
    assert length == len(frame) - 1
    return frame[5:]


def startup_payload(packet: bytes) -> bytes:
    (length,) = struct.unpack("!i", packet[:4])
    assert length == len(packet)
    return packet[4:]


# -- golden bytes -------------------------------------------------------------

GOLDEN_FRONTEND = [
    (Query("SELECT 1"), b"Q\x00\x00\x00\x0dSELECT 1\x00"),
    (Parse("s1", "select $1", (23,)),
     b"P\x00\x00\x00\x17s1\x00select $1\x00\x00\x01\x00\x00\x00\x17"),
    (Bind("", "s1", (1,), (b"\x00\x00\x00\x2a", None), (0,)),
     b"B\x00\x00\x00\x1e\x00s1\x00\x00\x01\x00\x01\x00\x02"
     b"\x00\x00\x00\x04\x00\x00\x00\x2a\xff\xff\xff\xff\x00\x01\x00\x00"),
    (Describe("S", "s1"), b"D\x00\x00\x00\x08Ss1\x00"),
    (Describe("P"), b"D\x00\x00\x00\x06P\x00"),
    (Execute("", 0), b"E\x00\x00\x00\x09\x00\x00\x00\x00\x00"),
    (Execute("p", 10), b"E\x00\x00\x00\x0ap\x00\x00\x00\x00\x0a"),
    (Close("P", "p"), b"C\x00\x00\x00\x07Pp\x00"),
    (Sync(), b"S\x00\x00\x00\x04"),
    (Flush(), b"H\x00\x00\x00\x04"),
    (Terminate(), b"X\x00\x00\x00\x04"),
    (CopyData(b"1\t2\n"), b"d\x00\x00\x00\x081\t2\n"),
    (CopyDone(), b"c\x00\x00\x00\x04"),
    (CopyFail("boom"), b"f\x00\x00\x00\x09boom\x00"),
    (FunctionCall(1598, (0,), (b"ab", None), 1),
     b"F\x00\x00\x00\x1a\x00\x00\x06\x3e\x00\x01\x00\x00\x00\x02"
     b"\x00\x00\x00\x02ab\xff\xff\xff\xff\x00\x01"),
]


def _golden(cases):
    """Parametrize over (message, its bytes on the wire), named by type."""
    return pytest.mark.parametrize("message,wire", cases,
                                   ids=[type(m).__name__ for m, _ in cases])


def _encodes_and_decodes(message, wire, decode) -> None:
    assert message.encode() == wire
    assert decode(wire[:1], payload(wire)) == message


@_golden(GOLDEN_FRONTEND)
def test_frontend_golden_bytes_and_round_trip(message, wire):
    _encodes_and_decodes(message, wire, decode_frontend)
    assert type(message).decode(payload(wire)) == message


def test_startup_packets_golden_bytes():
    startup = StartupMessage(params=(("user", "postgres"), ("database", "db")))
    wire = (b"\x00\x00\x00\x23\x00\x03\x00\x00user\x00postgres\x00"
            b"database\x00db\x00\x00")
    assert startup.encode() == wire
    assert StartupMessage.decode(startup_payload(wire)) == startup
    assert startup.as_dict() == {"user": "postgres", "database": "db"}
    assert (startup.major, startup.minor) == (3, 0)
    assert SSLRequest().encode() == b"\x00\x00\x00\x08\x04\xd2\x16\x2f"
    assert GSSENCRequest().encode() == b"\x00\x00\x00\x08\x04\xd2\x16\x30"
    cancel = CancelRequest(4321, 0xDEADBEEF)
    assert cancel.encode() == (b"\x00\x00\x00\x10\x04\xd2\x16\x2e"
                               b"\x00\x00\x10\xe1\xde\xad\xbe\xef")
    assert CancelRequest.decode(startup_payload(cancel.encode())) == cancel
    assert SSL_DENY == b"N"


def test_startup_repeated_parameter_keeps_last_value():
    startup = StartupMessage(params=(("user", "a"), ("user", "b")))
    assert StartupMessage.decode(startup_payload(startup.encode())).as_dict() == {"user": "b"}


GOLDEN_BACKEND = [
    (AuthenticationOk(), b"R\x00\x00\x00\x08\x00\x00\x00\x00"),
    (AuthenticationCleartextPassword(), b"R\x00\x00\x00\x08\x00\x00\x00\x03"),
    (AuthenticationSASL(("SCRAM-SHA-256",)),
     b"R\x00\x00\x00\x17\x00\x00\x00\x0aSCRAM-SHA-256\x00\x00"),
    (AuthenticationSASLContinue(b"r=abc"), b"R\x00\x00\x00\x0d\x00\x00\x00\x0br=abc"),
    (AuthenticationSASLFinal(b"v=xyz"), b"R\x00\x00\x00\x0d\x00\x00\x00\x0cv=xyz"),
    (ParameterStatus("TimeZone", "UTC"), b"S\x00\x00\x00\x11TimeZone\x00UTC\x00"),
    (BackendKeyData(1234, 5678),
     b"K\x00\x00\x00\x0c\x00\x00\x04\xd2\x00\x00\x16\x2e"),
    (ReadyForQuery("I"), b"Z\x00\x00\x00\x05I"),
    (ReadyForQuery("T"), b"Z\x00\x00\x00\x05T"),
    (ReadyForQuery("E"), b"Z\x00\x00\x00\x05E"),
    (RowDescription((FieldDescription("id", 23, 16384, 1, 4, -1, 0),)),
     b"T\x00\x00\x00\x1b\x00\x01id\x00\x00\x00\x40\x00\x00\x01"
     b"\x00\x00\x00\x17\x00\x04\xff\xff\xff\xff\x00\x00"),
    (DataRow((b"1", None, b"")),
     b"D\x00\x00\x00\x13\x00\x03\x00\x00\x00\x011\xff\xff\xff\xff\x00\x00\x00\x00"),
    (CommandComplete("INSERT 0 1"), b"C\x00\x00\x00\x0fINSERT 0 1\x00"),
    (EmptyQueryResponse(), b"I\x00\x00\x00\x04"),
    (ParseComplete(), b"1\x00\x00\x00\x04"),
    (BindComplete(), b"2\x00\x00\x00\x04"),
    (CloseComplete(), b"3\x00\x00\x00\x04"),
    (NoData(), b"n\x00\x00\x00\x04"),
    (PortalSuspended(), b"s\x00\x00\x00\x04"),
    (ParameterDescription((23, 25)),
     b"t\x00\x00\x00\x0e\x00\x02\x00\x00\x00\x17\x00\x00\x00\x19"),
    (CopyInResponse(0, (0, 0)), b"G\x00\x00\x00\x0b\x00\x00\x02\x00\x00\x00\x00"),
    (CopyOutResponse(1, (1,)), b"H\x00\x00\x00\x09\x01\x00\x01\x00\x01"),
    (CopyData(b"x"), b"d\x00\x00\x00\x05x"),
    (CopyDone(), b"c\x00\x00\x00\x04"),
    (NegotiateProtocolVersion(PROTOCOL_VERSION_3_0, ("_pq_.x",)),
     b"v\x00\x00\x00\x13\x00\x03\x00\x00\x00\x00\x00\x01_pq_.x\x00"),
    (ErrorResponse((("S", "ERROR"), ("V", "ERROR"), ("C", "22012"),
                    ("M", "division by zero"))),
     b"E\x00\x00\x00\x2cSERROR\x00VERROR\x00C22012\x00Mdivision by zero\x00\x00"),
    (NoticeResponse((("S", "WARNING"), ("V", "WARNING"), ("C", "25P01"),
                     ("M", "there is no transaction in progress"))),
     b"N\x00\x00\x00\x43SWARNING\x00VWARNING\x00C25P01\x00"
     b"Mthere is no transaction in progress\x00\x00"),
]


@_golden(GOLDEN_BACKEND)
def test_backend_golden_bytes_and_round_trip(message, wire):
    _encodes_and_decodes(message, wire, decode_backend)


def test_every_backend_type_byte_has_a_decoder():
    assert set(BACKEND_MESSAGES) == set(b"RSKZTDCIE123nstGHdcvNA"[i:i + 1]
                                        for i in range(22))


def test_decode_backend_stream_splits_messages():
    stream = (AUTHENTICATION_OK + ParameterStatus("a", "b").encode()
              + ReadyForQuery("I").encode())
    assert decode_backend_stream(stream) == [
        AuthenticationOk(), ParameterStatus("a", "b"), ReadyForQuery("I")]
    with pytest.raises(ProtocolViolation):
        decode_backend_stream(stream[:-1])


# -- DataRow hot path -----------------------------------------------------------


def test_encode_data_row_matches_the_message_and_decodes_back():
    values = (b"42", None, b"", "héllo".encode(), b"\x00\xff" * 100)
    wire = encode_data_row(values)
    assert wire == DataRow(values).encode()
    assert DataRow.decode(payload(wire)).values == values
    assert encode_data_row([]) == b"D\x00\x00\x00\x06\x00\x00"
    assert encode_data_row(list(values)) == wire


def test_encode_data_rows_is_the_concatenation_of_the_encoded_rows():
    rows = [("1", 7), (None, 0), ("é" * 600, None), ("x" * 2000, -3)]
    encoders = (str.encode, b"%d".__mod__)
    wire = encode_data_rows(rows, encoders)
    assert wire == b"".join(encode_data_row(tuple(
        None if v is None else f(v) for f, v in zip(encoders, row)))
        for row in rows)
    assert DataRow.decode(payload(encode_data_rows(rows[2:3], encoders))
                          ).values == ("é".encode() * 600, None)
    assert encode_data_rows([], encoders) == b""


# -- ErrorResponse / NoticeResponse ----------------------------------------------


def test_error_fields_follow_postgres_order():
    error = SqlError("23505", "duplicate key value violates unique constraint \"t_pkey\"",
                     detail="Key (id)=(1) already exists.", hint="h",
                     position=7, schema="public", table="t", column="id",
                     datatype="int4", constraint="t_pkey", where="w")
    assert [code for code, _ in error_fields(error)] == list("SVCMDHWstcdnP")
    decoded = ErrorResponse.decode(payload(encode_error(error)))
    assert decoded.field("D") == "Key (id)=(1) already exists."
    assert decoded.field("P") == "7"
    back = decoded.to_error()
    assert back.fields() == error.fields()
    assert back.severity == "ERROR"


def test_error_severity_override_and_optional_source_fields():
    error = SqlError("08P01", "invalid message length")
    error.file, error.line, error.routine = "pqcomm.c", 1234, "pq_getmessage"
    fields = error_fields(error, "FATAL")
    assert fields == (("S", "FATAL"), ("V", "FATAL"), ("C", "08P01"),
                      ("M", "invalid message length"), ("F", "pqcomm.c"),
                      ("L", "1234"), ("R", "pq_getmessage"))
    # a position of 0 means "none", as PostgreSQL's cursorpos
    assert ("P", "0") not in error_fields(SqlError("42601", "x", position=0))


def test_notice_encoding():
    notice = SqlError("25P01", "there is no transaction in progress", severity="WARNING")
    wire = encode_notice(notice)
    assert wire[:1] == b"N"
    assert NoticeResponse.decode(payload(wire)).to_error().severity == "WARNING"


# -- malformed payloads: PostgreSQL's pqformat.c texts ---------------------------------


def error_of(cls, data: bytes) -> ProtocolViolation:
    with pytest.raises(SqlError) as info:
        cls.decode(data)
    return info.value


# PostgreSQL's message for each malformed payload: message -> (class, payload)
MALFORMED: dict[str, list[tuple[type, bytes]]] = {
    "invalid string in message": [
        (Query, b"select 1"), (Query, b""), (Describe, b"S"),
        (CopyFail, b"no terminator"), (SASLInitialResponse, b"SCRAM-SHA-256"),
    ],
    "invalid message format": [
        (Query, b"select 1\x00x"), (Parse, b"s\x00select 1\x00\x00\x00x"),
        (Bind, b"\x00s\x00\x00\x00\x00\x00\x00\x00x"), (Describe, b"Sa\x00x"),
        (Execute, b"\x00\x00\x00\x00\x00x"), (Sync, b"x"), (Flush, b"x"),
        (SASLInitialResponse, b"SCRAM-SHA-256\x00\xff\xff\xff\xffx"),
    ],
    "insufficient data left in message": [
        (Parse, b"s\x00select 1\x00"),
        (Parse, b"s\x00select 1\x00\x00\x02\x00\x00\x00\x17"),
        (Parse, b"\x00select 1\x00\xff\xff"),
        (Bind, b"\x00s\x00\x00\x00\x00\x01\x00\x00"),
        (Bind, b"\x00s\x00\x00\x00\x00\x00"), (Execute, b"\x00\x00\x00"),
        (SASLInitialResponse, b"SCRAM-SHA-256\x00\x00\x00\x00\x05ab"),
    ],
    "bind message has 2 parameter formats but 3 parameters": [
        (Bind, b"\x00s\x00\x00\x02\x00\x00\x00\x00\x00\x03"),
    ],
    "no data left in message": [(Describe, b"")],
    "invalid DESCRIBE message subtype 88": [(Describe, b"Xa\x00")],
    "invalid CLOSE message subtype 0": [(Close, b"\x00\x00")],
    "invalid argument size -2 in function call message": [
        (FunctionCall, b"\x00\x00\x00\x01\x00\x00\x00\x01\xff\xff\xff\xfe\x00\x00"),
    ],
    "function call message contains 2 argument formats but 1 arguments": [
        (FunctionCall, b"\x00\x00\x00\x01\x00\x02\x00\x00\x00\x00\x00\x01"),
    ],
    "invalid password packet size": [
        (PasswordMessage, b"secret"), (PasswordMessage, b"sec\x00ret\x00"),
        (PasswordMessage, b""),
    ],
}


@pytest.mark.parametrize("cls,data,message", [
    (cls, data, message) for message, cases in MALFORMED.items() for cls, data in cases])
def test_malformed_payload_errors(cls, data, message):
    error = error_of(cls, data)
    assert (error.sqlstate, error.message, error.severity) == ("08P01", message, "ERROR")


def test_bind_value_errors_name_the_parameter_like_postgres():
    short = b"\x00s\x00\x00\x00\x00\x02\x00\x00\x00\x01x\xff\xff\xff\xfe\x00\x00"
    assert error_of(Bind, short).where == "unnamed portal parameter $2"
    named = b"pp\x00s\x00\x00\x00\x00\x01\x00\x00\x00\x09ab"
    assert error_of(Bind, named).where == 'portal "pp" parameter $1'


def test_counts_are_unsigned_like_postgres():
    # 0xFFFF formats is 65535, not -1: it runs out of data.
    assert error_of(Bind, b"\x00\x00\xff\xff").message == "insufficient data left in message"


def test_empty_password_is_28p01():
    error = error_of(PasswordMessage, b"\x00")
    assert (error.sqlstate, error.message) == ("28P01", "empty password returned by client")


@pytest.mark.parametrize("raw,shown", [
    (b"select '\xc3\x28'", "0xc3 0x28"),
    (b"select '\xf0\x9f\x98'", "0xf0 0x9f 0x98 0x27"),
    (b"\xff", "0xff"),
    (b"ab\xed\xa0\x80", "0xed 0xa0 0x80"),   # an encoded surrogate
])
def test_invalid_utf8_is_22021_with_postgres_bytes(raw, shown):
    error = error_of(Query, raw + b"\x00")
    assert error.sqlstate == "22021"
    assert error.message == f'invalid byte sequence for encoding "UTF8": {shown}'
    assert error.severity == "ERROR"


def test_utf8_text_decodes():
    assert Query.decode("select 'ünï ☃ 😀'".encode() + b"\x00").sql == "select 'ünï ☃ 😀'"


def test_startup_layout_and_version_errors():
    v3 = struct.pack("!I", PROTOCOL_VERSION_3_0)
    for body in (b"", b"user", b"user\x00bob", b"user\x00bob\x00", b"user\x00bob\x00\x00x"):
        error = error_of(StartupMessage, v3 + body)
        assert (error.sqlstate, error.message, error.severity) == (
            "08P01", "invalid startup packet layout: expected terminator as last byte",
            "FATAL")
    assert StartupMessage.decode(v3 + b"\x00").params == ()
    error = error_of(StartupMessage, struct.pack("!HH", 1234, 5678) + b"\x00")
    assert (error.sqlstate, error.message) == (
        "0A000", "unsupported frontend protocol 1234.5678: server supports 3.0 to 3.0")
    assert not error.v2
    assert error_of(StartupMessage, struct.pack("!HH", 2, 0) + b"\x00").v2
    # minor versions above 0 are accepted (NegotiateProtocolVersion follows)
    assert StartupMessage.decode(struct.pack("!HH", 3, 2) + b"\x00").minor == 2


def test_cancel_request_must_be_16_bytes():
    code = struct.pack("!I", 80877102)
    assert error_of(CancelRequest, code + b"\x00" * 4).message == \
        "invalid length of startup packet"
    assert error_of(CancelRequest, code + b"\x00" * 12).message == \
        "invalid length of startup packet"


# -- authentication responses ----------------------------------------------------------


def test_auth_responses_round_trip():
    for message in (PasswordMessage("s3cret"), PasswordMessage("pässwörd"),
                    SASLInitialResponse("SCRAM-SHA-256", b"n,,n=,r=abc"),
                    SASLInitialResponse("SCRAM-SHA-256", None),
                    SASLInitialResponse("SCRAM-SHA-256", b""),
                    SASLResponse(b"c=biws,r=abc,p=xyz")):
        wire = message.encode()
        assert wire[:1] == b"p"
        assert type(message).decode(payload(wire)) == message
        assert AuthResponse.decode(payload(wire)).data == payload(wire)


def test_password_keeps_undecodable_bytes():
    message = PasswordMessage.decode(b"\xff\xfe\x00")
    assert message.encode() == b"p\x00\x00\x00\x07\xff\xfe\x00"


def test_sasl_initial_response_none_is_minus_one():
    assert SASLInitialResponse("SCRAM-SHA-256").encode().endswith(b"\xff\xff\xff\xff")


def test_known_frames_are_what_decoding_them_gives():
    """The connection's shared Describe/Execute/Sync/Flush messages
    stand for exactly the decoding of their frames."""
    from twinning.wire.connection import KNOWN_FRAMES
    for frame, message in KNOWN_FRAMES.items():
        assert decode_frontend(frame[:1], frame[5:]) == message
        assert int.from_bytes(frame[1:5], "big") == len(frame) - 1
