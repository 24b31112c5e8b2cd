"""The wire's CopySink of one COPY FROM STDIN of a session.

The COPY statement runs on after `Session._run_plan` returns its sink:
its interrupt (CancelRequest, statement_timeout) stays raised through the
data, which `CopyFrom` polls per batch and block, and ends at CopyDone or
when the COPY fails. A simple Query's statements after the COPY resume in
`Session._continue`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from twinning.errors import SqlError
from twinning.execute_copy import CopyFrom
from twinning.wire.connection import Reply
from twinning.wire.messages import CommandComplete

if TYPE_CHECKING:
    from twinning.session import Session


class CopySink:
    """The wire's CopySink for one COPY FROM STDIN of this session."""

    def __init__(self, session: Session, copy: CopyFrom,
                 remaining: list | None, kind: str) -> None:
        self.session, self.copy = session, copy
        self.remaining, self.kind = remaining, kind

    def on_copy_data(self, data: bytes) -> None:
        self.copy.feed(data)

    def on_copy_done(self) -> Reply:
        try:  # the COPY ends here (its interrupt ran through the data)
            count = self.copy.finish()
            self.copy.txn.statement_end()
        finally:
            self.session.interrupt.finish()
        out = [CommandComplete(f"COPY {count}").encode()]
        if self.remaining is None:  # extended protocol: Sync follows
            return b"".join(out)
        return self.session._continue(self.remaining, self.kind, out)

    def on_copy_abort(self, error: SqlError) -> SqlError:
        self.session.interrupt.finish()
        self.session.engine.count_refusal(error.sqlstate)
        self.session._failed()
        return error
