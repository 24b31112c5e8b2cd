"""SQL cursors: DECLARE, FETCH, MOVE and CLOSE over a session's portals.

A cursor holds its query's rows, computed at DECLARE: PostgreSQL's cursor
reads the snapshot taken when it was declared, so the rows it will return
are fixed then, and holding them is what a WITH HOLD cursor does at
commit anyway. What is modelled is the cursor's position, the way
portalcmds.c and pquery.c move it: 0 before the first row, k on row k,
n + 1 after the last; FETCH FORWARD/BACKWARD count, ABSOLUTE, RELATIVE,
and the counts MOVE reports.

Cursors without HOLD close when their transaction ends. A WITH HOLD cursor
outlives the commit of the transaction that declared it, but not its
rollback.
"""

from __future__ import annotations

import time
from typing import Any

from twinning.errors import (
    invalid_cursor_name, object_not_in_prerequisite_state,
)

__all__ = ["Cursor", "Cursors"]

FETCH_ALL = 2**63 - 1  # FETCH ALL's count (LONG_MAX)


class Cursor:
    """One declared cursor: its rows, result columns and position."""

    def __init__(self, name: str, columns: tuple, rows: list, *,
                 no_scroll: bool, hold: bool, transaction: Any,
                 statement: str = "") -> None:
        self.name = name
        self.columns = columns
        self.rows = rows
        self.no_scroll = no_scroll  # SCROLL or neither: both directions
        self.hold = hold
        self.transaction = transaction  # the one that declared it
        self.position = 0
        self.statement = statement  # pg_cursors' columns
        self.created = time.time()  # creation_time (Unix seconds)

    def fetch(self, direction: str, count: int, move: bool = False) -> list:
        """The rows FETCH returns (MOVE: how many it passes over)."""
        if direction == "forward" and count < 0:
            direction, count = "backward", -count
        elif direction == "backward" and count < 0:
            direction, count = "forward", -count
        if direction == "absolute":
            if count > 0:
                self._rewind()
                self._step(True, count - 1)
                return self._step(True, 1)
            if count < 0:
                self._step(True, FETCH_ALL)
                self._step(False, -count - 1)
                return self._step(False, 1)
            self._rewind()
            return []
        if direction == "relative":
            if count > 0:
                self._step(True, count - 1)
                return self._step(True, 1)
            if count < 0:
                self._step(False, -count - 1)
                return self._step(False, 1)
            direction = "forward"
        if count == 0:  # the current row again, if there is one
            on_row = 0 < self.position <= len(self.rows)
            if on_row and not move:
                self._backward()  # FETCH backs up over it to read it again
            return [self.rows[self.position - 1]] if on_row else []
        return self._step(direction == "forward", count)

    def _step(self, forward: bool, count: int) -> list:
        """PortalRunSelect: up to `count` rows in one direction."""
        n = len(self.rows)
        if count <= 0:
            return []
        if forward:
            if self.position > n:
                return []
            out = self.rows[self.position:self.position + count]
            self.position = n + 1 if self.position + count > n \
                else self.position + count
            return out
        self._backward()
        if self.position == 0:
            return []
        low = max(self.position - count, 1)
        out = self.rows[low - 1:self.position - 1][::-1]
        self.position = 0 if self.position - count < 1 else self.position - count
        return out

    def _rewind(self) -> None:
        """DoPortalRewind: back to the start."""
        if self.position != 0:
            self._backward()
        self.position = 0

    def _backward(self) -> None:
        if self.no_scroll:
            raise object_not_in_prerequisite_state("cursor can only scan forward",
                                                   hint="Declare it with SCROLL option to enable "
                                                   "backward scan.")


class Cursors(dict):
    """A session's cursors by name."""

    def get_or_fail(self, name: str) -> Cursor:
        cursor = self.get(name)
        if cursor is None:
            raise invalid_cursor_name(f'cursor "{name}" does not exist')
        return cursor

    def transaction_ended(self, transaction: Any, committed: bool) -> None:
        """Close what ends with the transaction: every cursor without
        HOLD, and the WITH HOLD cursors it declared if it rolled back."""
        for name, cursor in list(self.items()):
            if not cursor.hold or (not committed
                                   and cursor.transaction is transaction):
                del self[name]
