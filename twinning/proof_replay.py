"""Replaying statements on a twin at the wire, in process, for proofs.

A `WireClient` is one logged-in session of an `Engine` behind the same
sans-I/O `Connection` the server runs, so what it records is exactly what
a client would receive: RowDescription, DataRows (text format), the
command tag or the ErrorResponse. `Outcome` is one statement's answer in
that form. No sockets: a proof of two snapshots needs no ports.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Any

from twinning.session import Engine, Session
from twinning.wire.connection import Connection
from twinning.wire.messages import (CommandComplete, CopyData, CopyFail,
                                    CopyInResponse, DataRow,
                                    EmptyQueryResponse, ErrorResponse, Query,
                                    ReadyForQuery, RowDescription,
                                    decode_backend_stream)
from twinning.errors import FEATURE_NOT_SUPPORTED

SUBSET_SQLSTATE = FEATURE_NOT_SUPPORTED  # feature_not_supported: outside the subset


@dataclass
class Outcome:
    """What one statement answered: columns, rows and tag, or an error."""

    columns: list[tuple[str, int, int]] | None = None  # name, type oid, typmod
    rows: list[tuple[bytes | None, ...]] = field(default_factory=list)
    command_tag: str | None = None
    sqlstate: str | None = None
    message: str | None = None
    copy_in: bool = False  # COPY FROM STDIN: no data to replay with
    # the error's other fields (D, H, P, W) and the notices before the
    # outcome, as (severity, SQLSTATE, message): the shadow ledger's
    error_fields: tuple = ()
    notices: list = field(default_factory=list)

    @property
    def refused(self) -> bool:
        return self.sqlstate == SUBSET_SQLSTATE

    def take(self, message: Any) -> bool:
        """Record one backend message of the statement's answer (the proof's
        replay and the shadow read the same ones); False for a message
        that is none of them, which is the caller's to handle."""
        if isinstance(message, RowDescription):
            self.columns = [(f.name, f.type_oid, f.type_modifier)
                            for f in message.fields]
            self.rows = []
        elif isinstance(message, DataRow):
            self.rows.append(message.values)
        elif isinstance(message, CopyData):
            if not self.copy_in:
                self.rows.append((message.data,))
        elif isinstance(message, CommandComplete):
            self.command_tag = message.tag
        elif isinstance(message, EmptyQueryResponse):
            self.command_tag = ""
        elif isinstance(message, ErrorResponse):
            self.sqlstate = message.field("C")
            self.message = message.field("M")
        else:
            return False
        return True


def _startup(user: str = "postgres", database: str = "postgres") -> bytes:
    body = f"user\0{user}\0database\0{database}\0\0".encode()
    return struct.pack("!ii", len(body) + 8, 196608) + body


class WireClient:
    """One session on `engine`, fed simple Query messages."""

    def __init__(self, engine: Engine) -> None:
        self.connection = Connection(Session(engine))
        for message in decode_backend_stream(self.connection.receive(_startup())):
            if isinstance(message, ErrorResponse):
                raise RuntimeError(f"start-up failed: {message.fields}")

    def run(self, sql: str) -> Outcome:
        """Run one statement's text; its outcome (the last statement's, if
        the text holds several; the first error stops a simple Query)."""
        out = Outcome()
        messages = decode_backend_stream(self.connection.receive(
            Query(sql).encode()))
        if any(isinstance(m, CopyInResponse) for m in messages):
            out.copy_in = True
            messages += decode_backend_stream(self.connection.receive(
                CopyFail("twinning proof: no COPY data to replay").encode()))
        for message in messages:
            if isinstance(message, ReadyForQuery):
                break
            out.take(message)
        return out

    def close(self) -> None:
        self.connection.receive_eof()
