"""The PostgreSQL v3 wire protocol, sans I/O.

Bytes in, messages and bytes out; no sockets, no asyncio. The modules, each
with one job:

- `messages`: every frontend and backend message as a frozen value with
  `encode()`/`decode(payload)`; fast encoders for the hot path.
- `framing`: `FrontendDecoder`, the incremental reader of a client's stream
  with PostgreSQL 15's phases and size limits.
- `scram`: the server side of SCRAM-SHA-256 and the cleartext check.
- `connection`: `Connection`, the per-connection state machine that drives
  an injected `Backend` (the session).
- `violation`: `ProtocolViolation`, the error for what a client sent.
"""

from twinning.wire.connection import (
    AuthMethod, Backend, CleartextPassword, Connection, CopyIn, CopySink,
    Reply, ReplyError, ScramSha256, SessionStart, State, Trust,
)
from twinning.wire.framing import Frame, FrontendDecoder, Phase
from twinning.wire.messages import SSL_DENY
from twinning.wire.scram import (
    ScramSecret, ScramServer, check_cleartext, password_matches,
)
from twinning.wire.violation import ProtocolViolation

__all__ = [
    "AuthMethod", "Backend", "CleartextPassword", "Connection", "CopyIn",
    "CopySink", "Frame", "FrontendDecoder", "Phase", "ProtocolViolation",
    "Reply", "ReplyError", "SSL_DENY", "ScramSecret", "ScramServer",
    "ScramSha256", "SessionStart", "State", "Trust", "check_cleartext",
    "password_matches",
]
