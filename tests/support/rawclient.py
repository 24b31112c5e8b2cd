"""A bare v3 protocol client for message-level differential tests.

It speaks exactly the frontend messages a test gives it (encoded with
`twinning.wire.messages`) and returns the backend messages up to the next
ReadyForQuery, so the same byte stream can be sent to real PostgreSQL and
to the twin and the answers compared message by message.
"""

from __future__ import annotations

import socket
import struct

from twinning.wire.messages import (ErrorResponse, NoticeResponse,
                                    ParameterStatus, BackendKeyData,
                                    ReadyForQuery, decode_backend)

# Error fields PostgreSQL adds that are about its C source, not the error.
_SOURCE_FIELDS = frozenset({"F", "L", "R"})


class RawClient:
    def __init__(self, host: str, port: int, user: str = "postgres",
                 database: str = "postgres") -> None:
        self.sock = socket.create_connection((host, port), timeout=10)
        body = b"".join(k.encode() + b"\0" + v.encode() + b"\0"
                        for k, v in (("user", user), ("database", database)))
        body += b"\0"
        self.sock.sendall(struct.pack("!ii", len(body) + 8, 196608) + body)
        self._buf = b""
        self.startup = self.until_ready()

    def send(self, *messages) -> None:
        self.sock.sendall(b"".join(m if isinstance(m, bytes) else m.encode()
                                   for m in messages))

    def _message(self):
        while True:
            if len(self._buf) >= 5:
                code = self._buf[:1]
                length = struct.unpack("!i", self._buf[1:5])[0]
                if len(self._buf) >= length + 1:
                    payload = self._buf[5:length + 1]
                    self._buf = self._buf[length + 1:]
                    return decode_backend(code, payload)
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            self._buf += chunk

    def until_ready(self) -> list:
        out = []
        while True:
            msg = self._message()
            if msg is None:
                out.append("EOF")
                return out
            out.append(msg)
            if isinstance(msg, ReadyForQuery):
                return out

    def exchange(self, *messages) -> list:
        self.send(*messages)
        return normalize(self.until_ready())

    def read_all(self) -> list:
        """Everything until the server closes the connection."""
        out = []
        while (msg := self._message()) is not None:
            out.append(msg)
        return normalize(out)

    def close(self) -> None:
        self.sock.close()


def normalize(messages: list) -> list:
    """Drop what legitimately differs: ParameterStatus values, key data and
    the source-location fields of errors."""
    out = []
    for msg in messages:
        if isinstance(msg, (ParameterStatus, BackendKeyData)):
            continue
        if isinstance(msg, (ErrorResponse, NoticeResponse)):
            msg = type(msg)(tuple(f for f in msg.fields
                                  if f[0] not in _SOURCE_FIELDS))
        out.append(msg)
    return out
