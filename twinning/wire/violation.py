"""The one error the wire layer raises about what a client sent.

PostgreSQL reads a client in two layers and the error's weight follows the
layer. Framing problems (a bad type byte, a bad length word, a startup packet
of the wrong size) mean message boundaries are lost: the backend reports them
and the connection ends, so they are FATAL. Problems inside a well-framed
message (a string without its terminator, a count that runs past the end)
are ordinary ERRORs from `pqformat.c`: the message is dropped, the session
goes on (in the extended protocol it then discards until Sync).

`ProtocolViolation` carries that distinction in its severity, and the
SQLSTATE PostgreSQL uses: 08P01 almost always, 0A000 for a protocol version
the server does not speak, 22021 for text that is not valid UTF-8.
"""

from __future__ import annotations

from twinning.errors import PROTOCOL_VIOLATION, SqlError


class ProtocolViolation(SqlError):
    """A frontend message PostgreSQL would refuse while reading it."""

    def __init__(
        self,
        message: str,
        *,
        fatal: bool = True,
        sqlstate: str = PROTOCOL_VIOLATION,
        detail: str | None = None,
        lost_sync: bool = False,
        v2: bool = False,
    ) -> None:
        super().__init__(sqlstate, message, detail=detail,
                         severity="FATAL" if fatal else "ERROR")
        # An ERROR raised after the message type byte was consumed but before
        # the message was read (COPY's "unexpected message type"): PostgreSQL
        # reports it, then ends the connection because sync is lost.
        self.lost_sync = lost_sync
        # A startup packet asking for protocol 2.x or older: PostgreSQL
        # answers in the old protocol's error format, which such a client reads.
        self.v2 = v2

    @property
    def fatal(self) -> bool:
        """True when the connection cannot go on after this error."""
        return self.severity == "FATAL" or self.lost_sync


def payload_error(message: str) -> ProtocolViolation:
    """An ERROR-level 08P01 about the inside of a well-framed message."""
    return ProtocolViolation(message, fatal=False)
