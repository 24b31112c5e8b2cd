"""Every PostgreSQL v3 protocol message as a frozen value with encode/decode.

A message class knows its type byte (`code`), how to turn itself into wire
bytes (`encode()`, the complete frame with type byte and length word) and how
to read itself back from a payload (`decode(payload)`, the bytes after the
length word). Frontend messages are what clients send, backend messages what
the server sends; both directions are complete so the tests (and a future
client-side replayer) can round-trip anything.

Reading follows PostgreSQL's `pqformat.c` to the letter: the same checks in
the same order with the same texts ("invalid string in message",
"insufficient data left in message", "invalid message format", "no data left
in message"), raised as ERROR-level `ProtocolViolation`s. Strings the backend
would pass through `pg_client_to_server` are checked as UTF-8 and refused
with 22021 as PostgreSQL does; the twin's client encoding is always UTF8.

Writing is built for speed where it matters: precompiled `struct.Struct`s,
fixed messages as constants, and `encode_data_row` building a DataRow with a
single `bytes.join`. This module does no I/O and knows nothing of sessions.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, Union

from twinning.ir.node import node
from twinning.errors import (
    CHARACTER_NOT_IN_REPERTOIRE, FEATURE_NOT_SUPPORTED, SqlError,
    invalid_password,
)
from twinning.wire.violation import ProtocolViolation, payload_error

# --------------------------------------------------------------------------
# Message type codes (the first byte of a typed message), as in pg8000.

# Frontend (client -> server)
BIND = b"B"
CLOSE = b"C"
COPY_DATA = b"d"          # both directions
COPY_DONE = b"c"          # both directions
COPY_FAIL = b"f"
DESCRIBE = b"D"
EXECUTE = b"E"
FLUSH = b"H"
FUNCTION_CALL = b"F"
PARSE = b"P"
PASSWORD = b"p"           # PasswordMessage, SASLInitialResponse, SASLResponse
QUERY = b"Q"
SYNC = b"S"
TERMINATE = b"X"

# Backend (server -> client)
AUTHENTICATION = b"R"
BACKEND_KEY_DATA = b"K"
BIND_COMPLETE = b"2"
CLOSE_COMPLETE = b"3"
COMMAND_COMPLETE = b"C"
COPY_IN_RESPONSE = b"G"
COPY_OUT_RESPONSE = b"H"
DATA_ROW = b"D"
EMPTY_QUERY_RESPONSE = b"I"
ERROR_RESPONSE = b"E"
NEGOTIATE_PROTOCOL_VERSION = b"v"
NO_DATA = b"n"
NOTICE_RESPONSE = b"N"
NOTIFICATION_RESPONSE = b"A"
PARAMETER_DESCRIPTION = b"t"
PARAMETER_STATUS = b"S"
PARSE_COMPLETE = b"1"
PORTAL_SUSPENDED = b"s"
READY_FOR_QUERY = b"Z"
ROW_DESCRIPTION = b"T"

# Untyped startup packets are told apart by their first int32.
PROTOCOL_VERSION_3_0 = 3 << 16          # 196608
CANCEL_REQUEST_CODE = 80877102          # 1234.5678
SSL_REQUEST_CODE = 80877103             # 1234.5679
GSSENC_REQUEST_CODE = 80877104          # 1234.5680

# The one-byte, unframed answer to SSLRequest and GSSENCRequest: "no".
SSL_DENY = b"N"

# Authentication request codes (the int32 after 'R').
AUTH_REQ_OK = 0
AUTH_REQ_PASSWORD = 3
AUTH_REQ_SASL = 10
AUTH_REQ_SASL_CONT = 11
AUTH_REQ_SASL_FIN = 12

# Transaction status of ReadyForQuery.
IDLE = "I"
IN_TRANSACTION = "T"
IN_FAILED_TRANSACTION = "E"

# --------------------------------------------------------------------------
# Precompiled framing.

_I16 = struct.Struct("!h")
_U16 = struct.Struct("!H")
_I32 = struct.Struct("!i")
_U32 = struct.Struct("!I")
_HEADER = struct.Struct("!ci")           # type byte + length word
_HEADER_H = struct.Struct("!ciH")        # ... + an int16 count (DataRow etc.)
_HEADER_I = struct.Struct("!cii")        # ... + an int32 (Authentication)
_STARTUP_HEADER = struct.Struct("!ii")   # length word + version/request code
_FIELD = struct.Struct("!IhIhih")        # RowDescription per-field tail
_KEY = struct.Struct("!II")              # BackendKeyData / CancelRequest

_pack_i32 = _I32.pack
_pack_header = _HEADER.pack
_pack_header_h = _HEADER_H.pack
_NULL_VALUE = b"\xff\xff\xff\xff"        # int32 -1: a NULL parameter/column


def _frame(code: bytes, payload: bytes) -> bytes:
    return _pack_header(code, len(payload) + 4) + payload


def _cstr(text: str) -> bytes:
    return text.encode("utf-8") + b"\x00"


# --------------------------------------------------------------------------
# Reading payloads: PostgreSQL's pq_getmsg* with their error texts.


def _utf8_error(raw: bytes, start: int) -> ProtocolViolation:
    """22021 as `report_invalid_encoding` words it, bytes of the bad char."""
    lead = raw[start]
    if lead & 0x80 == 0:
        width = 1
    elif lead & 0xE0 == 0xC0:
        width = 2
    elif lead & 0xF0 == 0xE0:
        width = 3
    elif lead & 0xF8 == 0xF0:
        width = 4
    else:
        width = 1
    shown = raw[start:start + min(width, 8)]
    hexes = " ".join(f"0x{b:02x}" for b in shown)
    return ProtocolViolation(
        f'invalid byte sequence for encoding "UTF8": {hexes}',
        fatal=False, sqlstate=CHARACTER_NOT_IN_REPERTOIRE)


def decode_text(raw: bytes) -> str:
    """Client text to str: UTF-8, refused with PostgreSQL's 22021 error."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _utf8_error(raw, exc.start) from None


class Reader:
    """A cursor over one message payload, like PostgreSQL's StringInfo."""

    __slots__ = ("data", "pos")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def byte(self) -> int:
        if self.pos >= len(self.data):
            raise payload_error("no data left in message")
        value = self.data[self.pos]
        self.pos += 1
        return value

    def _need(self, n: int) -> int:
        pos = self.pos
        if n < 0 or n > len(self.data) - pos:
            raise payload_error("insufficient data left in message")
        self.pos = pos + n
        return pos

    def int16(self) -> int:
        return _I16.unpack_from(self.data, self._need(2))[0]

    def uint16(self) -> int:
        """Counts: PostgreSQL reads them unsigned, so never negative."""
        return _U16.unpack_from(self.data, self._need(2))[0]

    def int32(self) -> int:
        return _I32.unpack_from(self.data, self._need(4))[0]

    def uint32(self) -> int:
        return _U32.unpack_from(self.data, self._need(4))[0]

    def bytes(self, n: int) -> bytes:
        pos = self._need(n)
        return self.data[pos:pos + n]

    def raw_string(self) -> bytes:
        end = self.data.find(b"\x00", self.pos)
        if end < 0:
            raise payload_error("invalid string in message")
        raw = self.data[self.pos:end]
        self.pos = end + 1
        return raw

    def string(self) -> str:
        """pq_getmsgstring: NUL-terminated, converted from client encoding."""
        return decode_text(self.raw_string())

    def rest(self) -> bytes:
        raw = self.data[self.pos:]
        self.pos = len(self.data)
        return raw

    def finish(self) -> None:
        """pq_getmsgend: nothing may follow the last field."""
        if self.pos != len(self.data):
            raise payload_error("invalid message format")


# Arrays of format codes and OIDs: precompiled for the usual small counts.
_INT16_ARRAYS = tuple(struct.Struct(f"!{n}h") for n in range(64))
_UINT32_ARRAYS = tuple(struct.Struct(f"!{n}I") for n in range(64))


def _int16s(reader: Reader, count: int) -> tuple[int, ...]:
    if not count:
        return ()
    pos = reader._need(2 * count)
    array = _INT16_ARRAYS[count] if count < 64 else struct.Struct(f"!{count}h")
    return array.unpack_from(reader.data, pos)


def _uint32s(reader: Reader, count: int) -> tuple[int, ...]:
    if not count:
        return ()
    pos = reader._need(4 * count)
    array = _UINT32_ARRAYS[count] if count < 64 else struct.Struct(f"!{count}I")
    return array.unpack_from(reader.data, pos)


def _short_value(index: int) -> ProtocolViolation:
    exc = payload_error("insufficient data left in message")
    exc.index = index          # which value: Bind names it in its context
    return exc


def _values(reader: Reader, count: int) -> tuple[bytes | None, ...]:
    """int32-length-prefixed values, -1 meaning NULL (Bind, DataRow, ...).
    The loop checks the lengths against the data only once, at its end;
    a message that fails that is read again by `_checked_values`, which
    names the first bad value."""
    found = _scan_values(reader.data, reader.pos, count)
    if found is None:
        return _checked_values(reader, count)
    values, reader.pos = found
    return tuple(values)


def _scan_values(data: bytes, pos: int, count: int
                 ) -> tuple[list[bytes | None], int] | None:
    """`count` values from `pos`, and where they end; None when a length
    is bad or the data too short (the caller's checked path says which)."""
    out: list[bytes | None] = []
    append = out.append
    unpack = _I32.unpack_from
    try:
        for _ in range(count):
            (n,) = unpack(data, pos)
            pos += 4
            if n >= 0:
                pos += n
                append(data[pos - n:pos])
            elif n == -1:
                append(None)
            else:
                return None
    except struct.error:  # fewer than 4 bytes left for a length
        return None
    return (out, pos) if pos <= len(data) else None


def _checked_values(reader: Reader, count: int) -> tuple[bytes | None, ...]:
    """`_values` value by value, raising at the first one that is short."""
    data = reader.data
    pos = reader.pos
    end = len(data)
    out: list[bytes | None] = []
    index = 0
    try:
        for index in range(count):
            (n,) = _I32.unpack_from(data, pos)
            pos += 4
            if n < 0:
                if n != -1:
                    raise _short_value(index)
                out.append(None)
                continue
            stop = pos + n
            if stop > end:
                raise _short_value(index)
            out.append(data[pos:stop])
            pos = stop
    except struct.error:  # fewer than 4 bytes left for a length
        raise _short_value(index) from None
    reader.pos = pos
    return tuple(out)


def _encode_values(values: Iterable[bytes | None]) -> list[bytes]:
    """Bind's and FunctionCall's values: each its length word and bytes,
    NULL the length -1 alone (encode_data_row is the hot path's own)."""
    return [part for value in values
            for part in ((_NULL_VALUE,) if value is None
                         else (_pack_i32(len(value)), value))]


def _check_empty(payload: bytes) -> None:
    if payload:
        raise payload_error("invalid message format")


def _no_payload(name: str, code: bytes, doc: str = "", checked: bool = True,
                frame: bytes | None = None) -> type:
    """A message that is its type byte and length alone (or, for a
    startup packet, `frame`), as a `@node` class. `checked`: decoding
    refuses a payload (PostgreSQL looks at neither Terminate's nor
    CopyDone's)."""
    if frame is None:
        frame = code + b"\x00\x00\x00\x04"

    def encode(self: object) -> bytes:
        return frame

    def decode(cls: type, payload: bytes) -> object:
        if checked:
            _check_empty(payload)
        return cls()

    return node(type(name, (), {
        "__module__": __name__, "__qualname__": name, "__doc__": doc or None,
        "__annotations__": {"code": "ClassVar[bytes]"}, "code": code,
        "encode": encode, "decode": classmethod(decode)}))


# ==========================================================================
# Frontend messages (typed).


class _OneString:
    """A message whose payload is its one field, a string."""

    __slots__ = ()

    def encode(self) -> bytes:
        return _frame(self.code,  # type: ignore[attr-defined]
                      _cstr(getattr(self, self.__match_args__[0])))  # type: ignore[attr-defined]

    @classmethod
    def decode(cls, payload: bytes) -> Any:
        reader = Reader(payload)
        text = reader.string()
        reader.finish()
        return cls(text)  # type: ignore[call-arg]


class _Raw:
    """A message whose payload is its one field, as bytes."""

    __slots__ = ()

    def encode(self) -> bytes:
        return _frame(self.code, self.data)  # type: ignore[attr-defined]

    @classmethod
    def decode(cls, payload: bytes) -> Any:
        return cls(payload)  # type: ignore[call-arg]


@node
class Query(_OneString):
    """Simple query: one string, possibly several statements."""

    code: ClassVar[bytes] = QUERY
    sql: str


@node
class Parse:
    """Prepare `query` as statement `name` ('' = unnamed); 0 OIDs = infer."""

    code: ClassVar[bytes] = PARSE
    name: str
    query: str
    param_oids: tuple[int, ...] = ()

    def encode(self) -> bytes:
        oids = self.param_oids
        payload = (_cstr(self.name) + _cstr(self.query) + _U16.pack(len(oids))
                   + struct.pack(f"!{len(oids)}I", *oids))
        return _frame(PARSE, payload)

    @classmethod
    def decode(cls, payload: bytes) -> Parse:
        reader = Reader(payload)
        name = reader.string()
        query = reader.string()
        oids = _uint32s(reader, reader.uint16())
        reader.finish()
        return cls(name, query, oids)


@node
class Bind:
    """Bind parameters to a prepared statement, creating a portal."""

    code: ClassVar[bytes] = BIND
    portal: str
    statement: str
    param_formats: tuple[int, ...] = ()
    params: tuple[bytes | None, ...] = ()
    result_formats: tuple[int, ...] = ()

    def encode(self) -> bytes:
        pf, rf = self.param_formats, self.result_formats
        parts = [_cstr(self.portal), _cstr(self.statement),
                 struct.pack(f"!H{len(pf)}h", len(pf), *pf),
                 _U16.pack(len(self.params)), *_encode_values(self.params),
                 struct.pack(f"!H{len(rf)}h", len(rf), *rf)]
        return _frame(BIND, b"".join(parts))

    @classmethod
    def decode(cls, payload: bytes) -> Bind:
        fast = _bind_fast(payload)
        if fast is not None:
            return fast
        reader = Reader(payload)
        portal = reader.string()
        statement = reader.string()
        param_formats = _int16s(reader, reader.uint16())
        nparams = reader.uint16()
        if len(param_formats) > 1 and len(param_formats) != nparams:
            raise payload_error(f"bind message has {len(param_formats)} "
                                f"parameter formats but {nparams} parameters")
        try:
            params = _values(reader, nparams)
        except ProtocolViolation as exc:
            # exec_bind_message reads values under an error context callback.
            exc.where = (f"unnamed portal parameter ${exc.index + 1}" if not portal
                         else f'portal "{portal}" parameter ${exc.index + 1}')
            raise
        result_formats = _int16s(reader, reader.uint16())
        reader.finish()
        return cls(portal, statement, param_formats, params, result_formats)


def _kind_and_name(payload: bytes, what: str) -> tuple[str, str]:
    reader = Reader(payload)
    kind = reader.byte()
    name = reader.string()
    reader.finish()
    if kind not in (0x53, 0x50):  # 'S', 'P'
        raise payload_error(f"invalid {what} message subtype {kind}")
    return chr(kind), name


@node
class Describe:
    """Describe statement ('S') or portal ('P') `name`."""

    code: ClassVar[bytes] = DESCRIBE
    kind: str
    name: str = ""

    def encode(self) -> bytes:
        return _frame(DESCRIBE, self.kind.encode("ascii") + _cstr(self.name))

    @classmethod
    def decode(cls, payload: bytes) -> Describe:
        if payload == b"P\x00":  # the unnamed portal: psycopg 3's every Execute
            return _DESCRIBE_UNNAMED_PORTAL
        return cls(*_kind_and_name(payload, "DESCRIBE"))


@node
class Execute:
    """Run portal `portal`; `max_rows` <= 0 means all rows."""

    code: ClassVar[bytes] = EXECUTE
    portal: str = ""
    max_rows: int = 0

    def encode(self) -> bytes:
        return _frame(EXECUTE, _cstr(self.portal) + _pack_i32(self.max_rows))

    @classmethod
    def decode(cls, payload: bytes) -> Execute:
        if payload[:1] == b"\x00" and len(payload) == 5:  # the unnamed portal
            return _new_execute("", _I32.unpack_from(payload, 1)[0])
        reader = Reader(payload)
        portal = reader.string()
        max_rows = reader.int32()
        reader.finish()
        return cls(portal, max_rows)


_DESCRIBE_UNNAMED_PORTAL = Describe("P", "")


def _new_execute(portal: str, max_rows: int) -> Execute:
    message = object.__new__(Execute)
    object.__setattr__(message, "portal", portal)
    object.__setattr__(message, "max_rows", max_rows)
    return message


def _bind_fast(payload: bytes) -> Bind | None:
    """Bind.decode in one pass for the usual message: ASCII names, a
    format code per parameter (or one, or none), and values that fit. None
    sends anything else down the checked path, which names the error."""
    end = payload.find(b"\x00")
    cut = payload.find(b"\x00", end + 1)
    if end < 0 or cut < 0 or not payload[:cut].isascii():
        return None
    pos = cut + 1
    try:
        (nformats,) = _U16.unpack_from(payload, pos)
        if nformats >= 64:
            return None
        formats = _INT16_ARRAYS[nformats].unpack_from(payload, pos + 2)
        pos += 2 + 2 * nformats
        (count,) = _U16.unpack_from(payload, pos)
        if nformats > 1 and nformats != count:
            return None
        found = _scan_values(payload, pos + 2, count)
        if found is None:
            return None
        values, pos = found
        (nresults,) = _U16.unpack_from(payload, pos)
        if nresults >= 64 or pos + 2 + 2 * nresults != len(payload):
            return None
        results = _INT16_ARRAYS[nresults].unpack_from(payload, pos + 2)
    except struct.error:
        return None
    message = object.__new__(Bind)
    setattr_ = object.__setattr__
    setattr_(message, "portal", payload[:end].decode("ascii"))
    setattr_(message, "statement", payload[end + 1:cut].decode("ascii"))
    setattr_(message, "param_formats", formats)
    setattr_(message, "params", tuple(values))
    setattr_(message, "result_formats", results)
    return message


@node
class Close:
    """Close statement ('S') or portal ('P') `name`."""

    code: ClassVar[bytes] = CLOSE
    kind: str
    name: str = ""

    def encode(self) -> bytes:
        return _frame(CLOSE, self.kind.encode("ascii") + _cstr(self.name))

    @classmethod
    def decode(cls, payload: bytes) -> Close:
        return cls(*_kind_and_name(payload, "CLOSE"))


Sync = _no_payload("Sync", SYNC)
Flush = _no_payload("Flush", FLUSH)
Terminate = _no_payload("Terminate", TERMINATE, checked=False)  # PostgreSQL exits


@node
class CopyData:
    """A chunk of COPY data (sent by both sides)."""

    code: ClassVar[bytes] = COPY_DATA
    data: bytes

    def encode(self) -> bytes:
        return _pack_header(COPY_DATA, len(self.data) + 4) + self.data

    @classmethod
    def decode(cls, payload: bytes) -> CopyData:
        return cls(payload)


CopyDone = _no_payload("CopyDone", COPY_DONE, "End of COPY data (sent by both sides).",
                       checked=False)  # COPY FROM STDIN does not check it


@node
class CopyFail:
    """The client aborts COPY FROM STDIN with a reason."""

    code: ClassVar[bytes] = COPY_FAIL
    message: str

    def encode(self) -> bytes:
        return _frame(COPY_FAIL, _cstr(self.message))

    @classmethod
    def decode(cls, payload: bytes) -> CopyFail:
        # pq_getmsgstring only: PostgreSQL does not check for trailing bytes.
        return cls(Reader(payload).string())


@node
class FunctionCall:
    """The fastpath function call ('F'); decoded so the session can refuse it."""

    code: ClassVar[bytes] = FUNCTION_CALL
    function_oid: int
    arg_formats: tuple[int, ...] = ()
    args: tuple[bytes | None, ...] = ()
    result_format: int = 0

    def encode(self) -> bytes:
        af = self.arg_formats
        parts = [_U32.pack(self.function_oid),
                 struct.pack(f"!H{len(af)}h", len(af), *af),
                 _U16.pack(len(self.args)), *_encode_values(self.args),
                 _I16.pack(self.result_format)]
        return _frame(FUNCTION_CALL, b"".join(parts))

    @classmethod
    def decode(cls, payload: bytes) -> FunctionCall:
        reader = Reader(payload)
        oid = reader.uint32()
        arg_formats = _int16s(reader, reader.uint16())
        nargs = reader.uint16()
        if len(arg_formats) > 1 and len(arg_formats) != nargs:
            raise payload_error(
                f"function call message contains {len(arg_formats)} "
                f"argument formats but {nargs} arguments")
        args: list[bytes | None] = []
        for _ in range(nargs):
            size = reader.int32()
            if size == -1:
                args.append(None)
                continue
            if size < 0:
                raise payload_error(
                    f"invalid argument size {size} in function call message")
            args.append(reader.bytes(size))
        result_format = reader.int16()
        reader.finish()
        return cls(oid, arg_formats, tuple(args), result_format)


# -- Authentication responses: one type byte ('p'), three readings ---------


@node
class AuthResponse(_Raw):
    """A raw 'p' message; the authentication state decides how to read it."""

    code: ClassVar[bytes] = PASSWORD
    data: bytes


@node
class PasswordMessage:
    """A cleartext password (undecodable bytes kept as surrogate escapes)."""

    code: ClassVar[bytes] = PASSWORD
    password: str

    def encode(self) -> bytes:
        return _frame(PASSWORD,
                      self.password.encode("utf-8", "surrogateescape") + b"\x00")

    @classmethod
    def decode(cls, payload: bytes) -> PasswordMessage:
        # recv_password_packet: the string must fill the packet exactly.
        if not payload or payload.find(b"\x00") != len(payload) - 1:
            raise payload_error("invalid password packet size")
        if len(payload) == 1:
            raise invalid_password("empty password returned by client")
        return cls(payload[:-1].decode("utf-8", "surrogateescape"))


@node
class SASLInitialResponse:
    """The chosen mechanism and the optional initial response (None = absent)."""

    code: ClassVar[bytes] = PASSWORD
    mechanism: str
    data: bytes | None = None

    def encode(self) -> bytes:
        tail = (_NULL_VALUE if self.data is None
                else _pack_i32(len(self.data)) + self.data)
        return _frame(PASSWORD, _cstr(self.mechanism) + tail)

    @classmethod
    def decode(cls, payload: bytes) -> SASLInitialResponse:
        reader = Reader(payload)
        mechanism = reader.raw_string().decode("utf-8", "replace")
        size = reader.int32()
        data = None if size == -1 else reader.bytes(size)
        reader.finish()
        return cls(mechanism, data)


@node
class SASLResponse(_Raw):
    code: ClassVar[bytes] = PASSWORD
    data: bytes


# -- Untyped startup packets ------------------------------------------------


def _startup_frame(payload: bytes) -> bytes:
    return _pack_i32(len(payload) + 4) + payload


@node
class StartupMessage:
    """Protocol version and parameters (user, database, options, GUCs...)."""

    code: ClassVar[bytes] = b""
    version: int = PROTOCOL_VERSION_3_0
    params: tuple[tuple[str, str], ...] = ()

    @property
    def major(self) -> int:
        return self.version >> 16

    @property
    def minor(self) -> int:
        return self.version & 0xFFFF

    def as_dict(self) -> dict[str, str]:
        """Parameters by name; a repeated name keeps its last value, as in PG."""
        return dict(self.params)

    def encode(self) -> bytes:
        body = b"".join(_cstr(name) + _cstr(value) for name, value in self.params)
        return _startup_frame(_pack_i32(self.version) + body + b"\x00")

    @classmethod
    def decode(cls, payload: bytes) -> StartupMessage:
        """Read a v3 startup packet body (after the length word).

        Mirrors ProcessStartupPacket: major version first (0A000), then the
        name/value scan over a copy with a NUL appended, which must end with
        the terminator as the very last byte.
        """
        (version,) = _U32.unpack_from(payload, 0)
        major, minor = version >> 16, version & 0xFFFF
        if major != 3:
            raise ProtocolViolation(
                f"unsupported frontend protocol {major}.{minor}: "
                "server supports 3.0 to 3.0", sqlstate=FEATURE_NOT_SUPPORTED, v2=major < 3)
        length = len(payload)
        buf = payload + b"\x00"
        offset = 4
        params: list[tuple[str, str]] = []
        while offset < length:
            name_end = buf.index(b"\x00", offset)
            if name_end == offset:
                break                      # found the packet terminator
            value_at = name_end + 1
            if value_at >= length:
                break                      # missing value: complained below
            value_end = buf.index(b"\x00", value_at)
            params.append((buf[offset:name_end].decode("utf-8", "replace"),
                           buf[value_at:value_end].decode("utf-8", "replace")))
            offset = value_end + 1
        if offset != length - 1:
            raise ProtocolViolation("invalid startup packet layout: "
                                    "expected terminator as last byte")
        return cls(version, tuple(params))


SSLRequest = _no_payload("SSLRequest", b"", checked=False,
                         frame=_STARTUP_HEADER.pack(8, SSL_REQUEST_CODE))
GSSENCRequest = _no_payload("GSSENCRequest", b"", checked=False,
                            frame=_STARTUP_HEADER.pack(8, GSSENC_REQUEST_CODE))


@node
class CancelRequest:
    """Cancel the query running in backend `process_id` (unsigned 32-bit)."""

    code: ClassVar[bytes] = b""
    process_id: int
    secret_key: int

    def encode(self) -> bytes:
        return (_STARTUP_HEADER.pack(16, CANCEL_REQUEST_CODE)
                + _KEY.pack(self.process_id & 0xFFFFFFFF,
                            self.secret_key & 0xFFFFFFFF))

    @classmethod
    def decode(cls, payload: bytes) -> CancelRequest:
        if len(payload) != 12:
            raise ProtocolViolation("invalid length of startup packet")
        return cls(*_KEY.unpack_from(payload, 4))


FrontendMessage = Union[
    Query, Parse, Bind, Describe, Execute, Close, Sync, Flush, Terminate,
    CopyData, CopyDone, CopyFail, FunctionCall, AuthResponse,
    PasswordMessage, SASLInitialResponse, SASLResponse,
    StartupMessage, SSLRequest, GSSENCRequest, CancelRequest,
]

# Typed messages of the regular phase by type byte ('p' only while
# authenticating, decoded as AuthResponse).
FRONTEND_MESSAGES: dict[bytes, type] = {
    cls.code: cls for cls in (Query, Parse, Bind, Describe, Execute, Close,
                              Sync, Flush, Terminate, CopyData, CopyDone,
                              CopyFail, FunctionCall, AuthResponse)
}


def decode_frontend(code: bytes, payload: bytes) -> FrontendMessage:
    """Decode the payload of a typed frontend message with type byte `code`."""
    return FRONTEND_MESSAGES[code].decode(payload)


# ==========================================================================
# Backend messages.

AUTHENTICATION_OK = b"R\x00\x00\x00\x08\x00\x00\x00\x00"
AUTHENTICATION_CLEARTEXT_PASSWORD = b"R\x00\x00\x00\x08\x00\x00\x00\x03"
PARSE_COMPLETE_MSG = b"1\x00\x00\x00\x04"
BIND_COMPLETE_MSG = b"2\x00\x00\x00\x04"
CLOSE_COMPLETE_MSG = b"3\x00\x00\x00\x04"
NO_DATA_MSG = b"n\x00\x00\x00\x04"
EMPTY_QUERY_RESPONSE_MSG = b"I\x00\x00\x00\x04"
PORTAL_SUSPENDED_MSG = b"s\x00\x00\x00\x04"
COPY_DONE_MSG = b"c\x00\x00\x00\x04"
READY_FOR_QUERY_MSG = {status: b"Z\x00\x00\x00\x05" + status.encode("ascii")
                       for status in (IDLE, IN_TRANSACTION, IN_FAILED_TRANSACTION)}


def _auth_frame(request: int, data: bytes = b"") -> bytes:
    return _HEADER_I.pack(AUTHENTICATION, len(data) + 8, request) + data


def _decode_any_authentication(cls, payload: bytes):
    # All 'R' messages share the type byte; the request code inside picks the
    # class, so each class's decode reads any of them.
    return decode_authentication(payload)


@node
class AuthenticationOk:
    code: ClassVar[bytes] = AUTHENTICATION

    decode = classmethod(_decode_any_authentication)

    def encode(self) -> bytes:
        return AUTHENTICATION_OK


@node
class AuthenticationCleartextPassword:
    code: ClassVar[bytes] = AUTHENTICATION

    decode = classmethod(_decode_any_authentication)

    def encode(self) -> bytes:
        return AUTHENTICATION_CLEARTEXT_PASSWORD


@node
class AuthenticationSASL:
    """The SASL mechanisms offered, most preferred first."""

    code: ClassVar[bytes] = AUTHENTICATION
    mechanisms: tuple[str, ...] = ("SCRAM-SHA-256",)

    decode = classmethod(_decode_any_authentication)

    def encode(self) -> bytes:
        names = b"".join(_cstr(name) for name in self.mechanisms) + b"\x00"
        return _auth_frame(AUTH_REQ_SASL, names)


@node
class AuthenticationSASLContinue:
    code: ClassVar[bytes] = AUTHENTICATION
    data: bytes

    decode = classmethod(_decode_any_authentication)

    def encode(self) -> bytes:
        return _auth_frame(AUTH_REQ_SASL_CONT, self.data)


@node
class AuthenticationSASLFinal:
    code: ClassVar[bytes] = AUTHENTICATION
    data: bytes

    decode = classmethod(_decode_any_authentication)

    def encode(self) -> bytes:
        return _auth_frame(AUTH_REQ_SASL_FIN, self.data)


def decode_authentication(payload: bytes):
    """Decode any 'R' message by its request code."""
    reader = Reader(payload)
    request = reader.int32()
    if request == AUTH_REQ_OK:
        reader.finish()
        return AuthenticationOk()
    if request == AUTH_REQ_PASSWORD:
        reader.finish()
        return AuthenticationCleartextPassword()
    if request == AUTH_REQ_SASL:
        names: list[str] = []
        while (name := reader.string()) != "":
            names.append(name)
        reader.finish()
        return AuthenticationSASL(tuple(names))
    if request == AUTH_REQ_SASL_CONT:
        return AuthenticationSASLContinue(reader.rest())
    if request == AUTH_REQ_SASL_FIN:
        return AuthenticationSASLFinal(reader.rest())
    raise payload_error(f"unsupported authentication request {request}")


@node
class ParameterStatus:
    code: ClassVar[bytes] = PARAMETER_STATUS
    name: str
    value: str

    def encode(self) -> bytes:
        return _frame(PARAMETER_STATUS, _cstr(self.name) + _cstr(self.value))

    @classmethod
    def decode(cls, payload: bytes) -> ParameterStatus:
        reader = Reader(payload)
        name, value = reader.string(), reader.string()
        reader.finish()
        return cls(name, value)


@node
class NotificationResponse:
    """A NOTIFY delivered to a listening session: the sender's process id,
    the channel and the payload."""

    code: ClassVar[bytes] = NOTIFICATION_RESPONSE
    process_id: int
    channel: str
    payload: str

    def encode(self) -> bytes:
        return _frame(NOTIFICATION_RESPONSE,
                      (self.process_id & 0xFFFFFFFF).to_bytes(4, "big")
                      + _cstr(self.channel) + _cstr(self.payload))

    @classmethod
    def decode(cls, payload: bytes) -> NotificationResponse:
        reader = Reader(payload)
        pid = reader.int32()
        channel, text = reader.string(), reader.string()
        reader.finish()
        return cls(pid, channel, text)


@node
class BackendKeyData:
    """Process id and secret key for CancelRequest (unsigned 32-bit each)."""

    code: ClassVar[bytes] = BACKEND_KEY_DATA
    process_id: int
    secret_key: int

    def encode(self) -> bytes:
        return _frame(BACKEND_KEY_DATA,
                      _KEY.pack(self.process_id & 0xFFFFFFFF,
                                self.secret_key & 0xFFFFFFFF))

    @classmethod
    def decode(cls, payload: bytes) -> BackendKeyData:
        reader = Reader(payload)
        pid, key = reader.uint32(), reader.uint32()
        reader.finish()
        return cls(pid, key)


@node
class ReadyForQuery:
    """Transaction status: 'I' idle, 'T' in a block, 'E' in a failed block."""

    code: ClassVar[bytes] = READY_FOR_QUERY
    status: str = IDLE

    def encode(self) -> bytes:
        return READY_FOR_QUERY_MSG[self.status]

    @classmethod
    def decode(cls, payload: bytes) -> ReadyForQuery:
        if len(payload) != 1:
            raise payload_error("invalid message format")
        return cls(chr(payload[0]))


@node
class FieldDescription:
    """One RowDescription column."""

    name: str
    type_oid: int
    table_oid: int = 0
    column_attnum: int = 0
    type_size: int = -1
    type_modifier: int = -1
    format: int = 0

    def encode(self) -> bytes:
        return _cstr(self.name) + _FIELD.pack(
            self.table_oid, self.column_attnum, self.type_oid,
            self.type_size, self.type_modifier, self.format)


@node
class RowDescription:
    code: ClassVar[bytes] = ROW_DESCRIPTION
    fields: tuple[FieldDescription, ...]

    def encode(self) -> bytes:
        body = b"".join(f.encode() for f in self.fields)
        return _pack_header_h(ROW_DESCRIPTION, len(body) + 6,
                              len(self.fields)) + body

    @classmethod
    def decode(cls, payload: bytes) -> RowDescription:
        reader = Reader(payload)
        fields = []
        for _ in range(reader.uint16()):
            name = reader.string()
            table_oid, attnum, type_oid, size, typmod, fmt = \
                _FIELD.unpack_from(payload, reader._need(_FIELD.size))
            fields.append(FieldDescription(name, type_oid, table_oid, attnum,
                                           size, typmod, fmt))
        reader.finish()
        return cls(tuple(fields))


# Length words of short values, precomputed: most column values are short.
_LENGTH_WORDS = tuple(_pack_i32(n) for n in range(1024))


def encode_data_row(values: Sequence[bytes | None]) -> bytes:
    """One DataRow from column values already in wire format (None = NULL)."""
    return encode_data_rows((values,), (_as_is,) * len(values))


def encode_data_rows(rows: Iterable[Sequence[Any]],
                     encoders: Sequence[Callable[[Any], bytes]]) -> bytes:
    """DataRows in one buffer, column j's value v sent as `encoders[j](v)`
    (None = NULL).

    The hot path of every result: no message object, cached length words,
    one join for a row's values with its header prepended (measured faster
    than computing the size first, for rows of ordinary widths), values
    encoded in the same loop that frames them. A plain loop: on CPython
    3.11 it beats interleaving through chain/zip/map, whose iterators cost
    more than a row's few values.
    """
    count = len(encoders)
    out: list[bytes] = []
    for row in rows:
        parts: list[bytes] = []
        append = parts.append
        for encode, value in zip(encoders, row):
            if value is None:
                append(_NULL_VALUE)
            else:
                value = encode(value)
                n = len(value)
                append(_LENGTH_WORDS[n] if n < 1024 else _pack_i32(n))
                append(value)
        body = b"".join(parts)
        out.append(_pack_header_h(DATA_ROW, len(body) + 6, count))
        out.append(body)
    return b"".join(out)


def _as_is(value: bytes) -> bytes:
    return value


@node
class DataRow:
    code: ClassVar[bytes] = DATA_ROW
    values: tuple[bytes | None, ...]

    def encode(self) -> bytes:
        return encode_data_row(self.values)

    @classmethod
    def decode(cls, payload: bytes) -> DataRow:
        reader = Reader(payload)
        values = _values(reader, reader.uint16())
        reader.finish()
        return cls(values)


@node
class CommandComplete(_OneString):
    code: ClassVar[bytes] = COMMAND_COMPLETE
    tag: str


EmptyQueryResponse = _no_payload("EmptyQueryResponse", EMPTY_QUERY_RESPONSE,
                                 "The query string held no statement.")


ParseComplete = _no_payload("ParseComplete", PARSE_COMPLETE)
BindComplete = _no_payload("BindComplete", BIND_COMPLETE)
CloseComplete = _no_payload("CloseComplete", CLOSE_COMPLETE)
NoData = _no_payload("NoData", NO_DATA,
                     "Describe: the statement or portal returns no rows.")


PortalSuspended = _no_payload(
    "PortalSuspended", PORTAL_SUSPENDED,
    "Execute stopped at max_rows; the portal can be executed again.")


@node
class ParameterDescription:
    code: ClassVar[bytes] = PARAMETER_DESCRIPTION
    oids: tuple[int, ...]

    def encode(self) -> bytes:
        n = len(self.oids)
        return _frame(PARAMETER_DESCRIPTION,
                      struct.pack(f"!H{n}I", n, *self.oids))

    @classmethod
    def decode(cls, payload: bytes) -> ParameterDescription:
        reader = Reader(payload)
        oids = _uint32s(reader, reader.uint16())
        reader.finish()
        return cls(oids)


class _CopyResponse:
    """CopyIn/CopyOutResponse's body: the overall format (0 text, 1
    binary) and each column's."""

    __slots__ = ()

    def encode(self) -> bytes:
        formats = self.column_formats  # type: ignore[attr-defined]
        return _frame(self.code, struct.pack(  # type: ignore[attr-defined]
            f"!bH{len(formats)}h", self.format, len(formats), *formats))  # type: ignore[attr-defined]

    @classmethod
    def decode(cls, payload: bytes) -> Any:
        reader = Reader(payload)
        fmt = reader.byte()
        formats = _int16s(reader, reader.uint16())
        reader.finish()
        return cls(fmt, formats)  # type: ignore[call-arg]


@node
class CopyInResponse(_CopyResponse):
    """COPY FROM STDIN begins."""

    code: ClassVar[bytes] = COPY_IN_RESPONSE
    format: int = 0
    column_formats: tuple[int, ...] = ()


@node
class CopyOutResponse(_CopyResponse):
    """COPY TO STDOUT begins."""

    code: ClassVar[bytes] = COPY_OUT_RESPONSE
    format: int = 0
    column_formats: tuple[int, ...] = ()


@node
class NegotiateProtocolVersion:
    """Newest version supported (3.0) and the `_pq_.` options not understood."""

    code: ClassVar[bytes] = NEGOTIATE_PROTOCOL_VERSION
    newest_version: int = PROTOCOL_VERSION_3_0
    unrecognized: tuple[str, ...] = ()

    def encode(self) -> bytes:
        names = b"".join(_cstr(name) for name in self.unrecognized)
        return _frame(NEGOTIATE_PROTOCOL_VERSION,
                      _KEY.pack(self.newest_version, len(self.unrecognized)) + names)

    @classmethod
    def decode(cls, payload: bytes) -> NegotiateProtocolVersion:
        reader = Reader(payload)
        version = reader.uint32()
        names = tuple(reader.string() for _ in range(reader.uint32()))
        reader.finish()
        return cls(version, names)


# -- ErrorResponse / NoticeResponse ----------------------------------------

# Field codes in the order PostgreSQL's send_message_to_frontend emits them,
# with the SqlError attribute each one comes from. S/V/C/M are always sent.
_ERROR_FIELDS: tuple[tuple[str, str], ...] = (
    ("D", "detail"), ("H", "hint"), ("W", "where"), ("s", "schema"),
    ("t", "table"), ("c", "column"), ("d", "datatype"), ("n", "constraint"),
    ("P", "position"), ("p", "internal_position"), ("q", "internal_query"),
    ("F", "file"), ("L", "line"), ("R", "routine"),
)
_ERROR_ATTRS = dict(_ERROR_FIELDS)
_NUMERIC_FIELDS = frozenset({"P", "p", "L"})


def error_fields(error: SqlError, severity: str | None = None
                 ) -> tuple[tuple[str, str], ...]:
    """The (code, value) pairs of an ErrorResponse/NoticeResponse for `error`.

    File/line/routine (F/L/R) and the internal query fields are sent when the
    error object carries `file`, `line`, `routine`, `internal_position` or
    `internal_query` attributes; SqlError itself does not.
    """
    sev = severity or error.severity
    out = [("S", sev), ("V", sev), ("C", error.sqlstate), ("M", error.message)]
    for code, attr in _ERROR_FIELDS:
        value = getattr(error, attr, None)
        if value is None or (code in _NUMERIC_FIELDS and value <= 0):
            continue
        out.append((code, str(value)))
    return tuple(out)


def _encode_fields(code: bytes, fields: Iterable[tuple[str, str]]) -> bytes:
    body = b"".join(key.encode("ascii") + _cstr(value) for key, value in fields)
    return _frame(code, body + b"\x00")


def _decode_fields(payload: bytes) -> tuple[tuple[str, str], ...]:
    reader = Reader(payload)
    fields = []
    while (key := reader.byte()) != 0:
        fields.append((chr(key), reader.string()))
    reader.finish()
    return tuple(fields)


def _fields_to_error(fields: tuple[tuple[str, str], ...]) -> SqlError:
    values = dict(fields)
    kwargs = {}
    for code, attr in (("D", "detail"), ("H", "hint"), ("W", "where"),
                       ("s", "schema"), ("t", "table"), ("c", "column"),
                       ("d", "datatype"), ("n", "constraint")):
        if code in values:
            kwargs[attr] = values[code]
    if "P" in values:
        kwargs["position"] = int(values["P"])
    return SqlError(values.get("C", ""), values.get("M", ""),
                    severity=values.get("V", values.get("S", "ERROR")), **kwargs)


class _Fields:
    """ErrorResponse's and NoticeResponse's body: (code, value) fields."""

    __slots__ = ()

    @classmethod
    def from_error(cls, error: SqlError, severity: str | None = None) -> Any:
        return cls(error_fields(error, severity))  # type: ignore[call-arg]

    def to_error(self) -> SqlError:
        return _fields_to_error(self.fields)  # type: ignore[attr-defined]

    def field(self, key: str) -> str | None:
        return dict(self.fields).get(key)  # type: ignore[attr-defined]

    def encode(self) -> bytes:
        return _encode_fields(self.code, self.fields)  # type: ignore[attr-defined]

    @classmethod
    def decode(cls, payload: bytes) -> Any:
        return cls(_decode_fields(payload))  # type: ignore[call-arg]


@node
class ErrorResponse(_Fields):
    code: ClassVar[bytes] = ERROR_RESPONSE
    fields: tuple[tuple[str, str], ...]


@node
class NoticeResponse(_Fields):
    """The fields of an ErrorResponse, for a NOTICE or WARNING."""

    code: ClassVar[bytes] = NOTICE_RESPONSE
    fields: tuple[tuple[str, str], ...]


def encode_error(error: SqlError, severity: str | None = None) -> bytes:
    """ErrorResponse bytes for `error` (severity defaults to the error's)."""
    return _encode_fields(ERROR_RESPONSE, error_fields(error, severity))


def encode_notice(notice: SqlError, severity: str | None = None) -> bytes:
    """NoticeResponse bytes; give the SqlError severity NOTICE/WARNING/..."""
    return _encode_fields(NOTICE_RESPONSE, error_fields(notice, severity))


def encode_ready_for_query(status: str) -> bytes:
    return READY_FOR_QUERY_MSG[status]


BackendMessage = Union[
    AuthenticationOk, AuthenticationCleartextPassword, AuthenticationSASL,
    AuthenticationSASLContinue, AuthenticationSASLFinal, ParameterStatus,
    BackendKeyData, ReadyForQuery, RowDescription, DataRow, CommandComplete,
    ErrorResponse, NoticeResponse, ParameterDescription, CopyInResponse,
    CopyOutResponse, CopyData, CopyDone, NegotiateProtocolVersion,
]

BACKEND_MESSAGES: dict[bytes, type] = {
    cls.code: cls for cls in (
        ParameterStatus, BackendKeyData, ReadyForQuery, RowDescription, DataRow,
        CommandComplete, EmptyQueryResponse, ErrorResponse, NoticeResponse,
        ParseComplete, BindComplete, CloseComplete, NoData, PortalSuspended,
        ParameterDescription, CopyInResponse, CopyOutResponse, CopyData,
        CopyDone, NegotiateProtocolVersion, NotificationResponse)
}
BACKEND_MESSAGES[AUTHENTICATION] = AuthenticationOk  # decodes any 'R'


def decode_backend(code: bytes, payload: bytes):
    """Decode the payload of a backend message with type byte `code`."""
    try:
        cls = BACKEND_MESSAGES[code]
    except KeyError:
        raise payload_error(f"unknown backend message type {code!r}") from None
    return cls.decode(payload)


def decode_backend_stream(data: bytes) -> list:
    """Split complete backend output into messages (tests, replay tools)."""
    out = []
    pos, end = 0, len(data)
    while pos < end:
        if end - pos < 5:
            raise payload_error("incomplete backend message")
        code, length = _HEADER.unpack_from(data, pos)
        if length < 4 or pos + 1 + length > end:
            raise payload_error("incomplete backend message")
        out.append(decode_backend(code, data[pos + 5:pos + 1 + length]))
        pos += 1 + length
    return out
