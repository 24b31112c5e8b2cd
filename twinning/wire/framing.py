"""Incremental framing of what a client sends: bytes in, messages out.

`FrontendDecoder` is fed arbitrary chunks (`feed`) and hands back one
message at a time (`next_message`, or `next_frame` for the raw type byte and
payload), or None while a message is incomplete. Decoding is lazy: a chunk is
only buffered on `feed`; headers are checked when a message is asked for, so
the owner can switch the decoder's phase between two messages (startup ->
authentication -> regular <-> COPY IN) exactly where PostgreSQL switches the
code that reads the socket.

Limits and texts are PostgreSQL 15's (postmaster.c ProcessStartupPacket,
postgres.c SocketBackend, pqcomm.c pq_getmessage, auth.c, auth-sasl.c,
copyfromparse.c). A length word is judged as soon as its 4 bytes are here,
before any of the body is buffered, so a 1 GB header is refused at once. The
type byte is judged before the length word, as SocketBackend does.

Guarantee: the messages decoded from a byte stream do not depend on how the
stream is split into chunks. The decoder never raises anything but
`ProtocolViolation` for what a client sends; `fatal` says whether the
connection can go on.
"""

from __future__ import annotations

import enum
import struct
from typing import NamedTuple

from twinning.wire.messages import (
    BIND, CANCEL_REQUEST_CODE, CLOSE, COPY_DATA, COPY_DONE, COPY_FAIL,
    DESCRIBE, EXECUTE, FLUSH, FUNCTION_CALL, GSSENC_REQUEST_CODE, PARSE,
    PASSWORD, QUERY, SSL_REQUEST_CODE, SYNC, TERMINATE, AuthResponse,
    CancelRequest, FrontendMessage, GSSENCRequest, SSLRequest, StartupMessage,
    decode_frontend,
)
from twinning.wire.violation import ProtocolViolation

MAX_STARTUP_PACKET_LENGTH = 10000        # body after the length word
PQ_SMALL_MESSAGE_LIMIT = 10000           # length word included
PQ_LARGE_MESSAGE_LIMIT = 0x3FFFFFFF - 1  # MaxAllocSize - 1
PG_MAX_AUTH_TOKEN_LENGTH = 65535         # PasswordMessage
PG_MAX_SASL_MESSAGE_LENGTH = 1024        # SASLInitialResponse / SASLResponse

_LENGTH = struct.Struct("!i")
_CODE = struct.Struct("!I")
TYPE_BYTES = tuple(bytes((i,)) for i in range(256))  # a message's type byte

# SocketBackend: which type bytes the regular phase accepts and the largest
# length word for each. Everything else is "invalid frontend message type".
REGULAR_LIMITS: dict[int, int] = {
    ord(QUERY): PQ_LARGE_MESSAGE_LIMIT,
    ord(FUNCTION_CALL): PQ_LARGE_MESSAGE_LIMIT,
    ord(BIND): PQ_LARGE_MESSAGE_LIMIT,
    ord(PARSE): PQ_LARGE_MESSAGE_LIMIT,
    ord(COPY_DATA): PQ_LARGE_MESSAGE_LIMIT,
    ord(TERMINATE): PQ_SMALL_MESSAGE_LIMIT,
    ord(CLOSE): PQ_SMALL_MESSAGE_LIMIT,
    ord(DESCRIBE): PQ_SMALL_MESSAGE_LIMIT,
    ord(EXECUTE): PQ_SMALL_MESSAGE_LIMIT,
    ord(FLUSH): PQ_SMALL_MESSAGE_LIMIT,
    ord(SYNC): PQ_SMALL_MESSAGE_LIMIT,
    ord(COPY_DONE): PQ_SMALL_MESSAGE_LIMIT,
    ord(COPY_FAIL): PQ_SMALL_MESSAGE_LIMIT,
}

# CopyGetData: what may arrive during COPY FROM STDIN (Flush/Sync are read
# and ignored there).
COPY_IN_LIMITS: dict[int, int] = {
    ord(COPY_DATA): PQ_LARGE_MESSAGE_LIMIT,
    ord(COPY_DONE): PQ_SMALL_MESSAGE_LIMIT,
    ord(COPY_FAIL): PQ_SMALL_MESSAGE_LIMIT,
    ord(FLUSH): PQ_SMALL_MESSAGE_LIMIT,
    ord(SYNC): PQ_SMALL_MESSAGE_LIMIT,
}

# Compact the buffer once this much of it has been consumed.
_COMPACT_AT = 1 << 16


class Phase(enum.Enum):
    """Which reader of PostgreSQL the decoder stands in for."""

    STARTUP = "startup"    # untyped packets: startup, SSL/GSS, cancel
    AUTH = "auth"          # only 'p' (password or SASL response)
    REGULAR = "regular"    # SocketBackend's typed messages
    COPY_IN = "copy_in"    # COPY FROM STDIN: d, c, f (H, S tolerated)
    DONE = "done"          # after CancelRequest: nothing more is read


class Frame(NamedTuple):
    """One typed message, not yet decoded: its type byte and payload."""

    code: bytes
    payload: bytes


class FrontendDecoder:
    """Frames a client's byte stream the way a PostgreSQL 15 backend reads it."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self._pos = 0
        self._phase = Phase.STARTUP
        # PostgreSQL 15 refuses the same negotiation request twice in a row
        # (the second is read as protocol version 1234.5679 / 1234.5680).
        self._ssl_done = False
        self._gss_done = False
        self._auth_limit = PG_MAX_AUTH_TOKEN_LENGTH
        self._auth_sasl = False

    # -- state -----------------------------------------------------------------
    @property
    def phase(self) -> Phase:
        return self._phase

    @property
    def buffered(self) -> int:
        """Bytes received and not yet consumed by a decoded message."""
        return len(self._buf) - self._pos

    def expect_auth_response(self, *, sasl: bool) -> None:
        """Next comes a 'p' message: a password (sasl=False) or SASL data."""
        self._phase = Phase.AUTH
        self._auth_sasl = sasl
        self._auth_limit = (PG_MAX_SASL_MESSAGE_LENGTH if sasl
                            else PG_MAX_AUTH_TOKEN_LENGTH)

    def start_regular(self) -> None:
        """Authentication is over, or COPY IN ended: typed messages follow."""
        self._phase = Phase.REGULAR

    def start_copy_in(self) -> None:
        """The backend sent CopyInResponse: read as COPY FROM STDIN does."""
        self._phase = Phase.COPY_IN

    def close(self) -> None:
        """The connection is over: drop the buffer, read nothing more."""
        self._phase = Phase.DONE
        self._buf.clear()
        self._pos = 0

    # -- input -------------------------------------------------------------------
    def feed(self, data: bytes) -> None:
        """Append received bytes; nothing is decoded until asked for."""
        if data:
            self._buf += data

    def next_message(self) -> FrontendMessage | None:
        """The next complete message, decoded, or None if more bytes are needed.

        In the startup phase this also moves the decoder on: to REGULAR after a
        StartupMessage, to DONE after a CancelRequest. Raises ProtocolViolation.
        """
        if self._phase is Phase.STARTUP:
            return self._next_startup_packet()
        frame = self.next_frame()
        if frame is None:
            return None
        if self._phase is Phase.AUTH:
            return AuthResponse(frame.payload)
        return decode_frontend(frame.code, frame.payload)

    def next_frame(self) -> Frame | None:
        """The next complete typed message, undecoded, or None.

        Framing errors are fatal ProtocolViolations; payloads are not looked at
        (so a backend skipping messages until Sync can skip them unread).
        """
        phase = self._phase
        if phase is Phase.STARTUP:
            raise RuntimeError("startup packets are untyped: use next_message()")
        if phase is Phase.DONE:
            return None
        buf = self._buf
        pos = self._pos
        available = len(buf) - pos
        if available < 1:
            return None
        code = buf[pos]
        limit = REGULAR_LIMITS.get(code) if phase is Phase.REGULAR else None
        if limit is None:
            limit = self._limit_for(code)  # other phases; raises on a bad code
        if available < 5:
            return None
        (length,) = _LENGTH.unpack_from(buf, pos + 1)
        if length < 4 or length > limit:
            raise ProtocolViolation("invalid message length")
        end = pos + 1 + length
        if len(buf) < end:
            return None
        if length < 4096:
            payload = bytes(buf[pos + 5:end])
        else:  # one copy, not two
            with memoryview(buf) as view:
                payload = view[pos + 5:end].tobytes()
        self._consume(end)
        return Frame(TYPE_BYTES[code], payload)

    def __iter__(self):
        """Every complete message now buffered."""
        while (message := self.next_message()) is not None:
            yield message

    # -- internals -------------------------------------------------------------------
    def _limit_for(self, code: int) -> int:
        phase = self._phase
        if phase is Phase.REGULAR:
            limit = REGULAR_LIMITS.get(code)
            if limit is None:
                raise ProtocolViolation(f"invalid frontend message type {code}")
            return limit
        if phase is Phase.AUTH:
            if code != ord(PASSWORD):
                what = "SASL" if self._auth_sasl else "password"
                raise ProtocolViolation(
                    f"expected {what} response, got message type {code}")
            return self._auth_limit
        limit = COPY_IN_LIMITS.get(code)
        if limit is None:
            raise ProtocolViolation(
                f"unexpected message type 0x{code:02X} during COPY from stdin",
                fatal=False, lost_sync=True)
        return limit

    def _consume(self, end: int) -> None:
        buf = self._buf
        if end >= len(buf):
            buf.clear()
            self._pos = 0
        elif end >= _COMPACT_AT:
            del buf[:end]
            self._pos = 0
        else:
            self._pos = end

    def _next_startup_packet(self) -> FrontendMessage | None:
        buf = self._buf
        pos = self._pos
        if len(buf) - pos < 4:
            return None
        (length,) = _LENGTH.unpack_from(buf, pos)
        body = length - 4
        if body < 4 or body > MAX_STARTUP_PACKET_LENGTH:
            raise ProtocolViolation("invalid length of startup packet")
        end = pos + length
        if len(buf) < end:
            return None
        payload = bytes(buf[pos + 4:end])
        self._consume(end)
        (code,) = _CODE.unpack_from(payload, 0)
        if code == CANCEL_REQUEST_CODE:
            message: FrontendMessage = CancelRequest.decode(payload)
            self._phase = Phase.DONE
        elif code == SSL_REQUEST_CODE and not self._ssl_done:
            message = SSLRequest()
            self._ssl_done, self._gss_done = True, False
        elif code == GSSENC_REQUEST_CODE and not self._gss_done:
            message = GSSENCRequest()
            self._ssl_done, self._gss_done = False, True
        else:
            message = StartupMessage.decode(payload)
            self._phase = Phase.REGULAR
        return message
