"""The database slot: many row writers at once, or one DDL writer alone.

A transaction takes the slot *shared* with its first row write (INSERT,
UPDATE, DELETE, COPY FROM, MERGE) and keeps it until commit, rollback or
disconnect: row writers run side by side, kept apart by row locks
(`row_locks.py`) and in-flight unique keys (`unique_keys.py`). DDL,
TRUNCATE and COPY FREEZE take it *exclusive*: they wait for every
in-flight writer, and writers wait for them. PostgreSQL takes ACCESS
EXCLUSIVE on the tables involved only; the twin's slot is database-wide,
which is stricter (a DDL statement also waits for writers of other
tables) but never lets through what PostgreSQL would refuse. Readers never
take it and never wait.

A second holder waits up to its `lock_timeout` (`waits.py`: 55P03,
cancel, deadlock detection).
"""

from __future__ import annotations

from typing import Any

from twinning.store.waits import (Cancel, WaitCancelled, Waits, _check,
                                  lock_timeout_error)

__all__ = ["Cancel", "DEFAULT_LOCK_TIMEOUT_MS", "WaitCancelled", "WriterSlot",
           "_check", "lock_timeout_error"]

DEFAULT_LOCK_TIMEOUT_MS = 5000


class WriterSlot:
    def __init__(self, waits: Waits) -> None:
        self._waits = waits
        self._shared: dict[Any, None] = {}  # in taking order
        self._exclusive: Any = None

    @property
    def default_timeout_ms(self) -> int:
        return self._waits.default_timeout_ms

    @property
    def holder(self) -> Any:
        """The exclusive holder, else the first shared one, else None."""
        if self._exclusive is not None:
            return self._exclusive
        return next(iter(self._shared), None)

    @property
    def exclusive(self) -> Any:
        return self._exclusive

    def holds(self, owner: Any) -> bool:
        return owner is self._exclusive or owner in self._shared

    def holds_exclusive(self, owner: Any) -> bool:
        return owner is self._exclusive

    def acquire(self, owner: Any, timeout_ms: int = 0, cancel: Cancel = None,
                exclusive: bool = False) -> None:
        """Take the slot for `owner` (re-entrant; shared → exclusive is an
        upgrade that waits for the other shared holders), waiting at most
        the timeout."""
        if self._exclusive is owner or (not exclusive and owner in self._shared):
            return
        waits = self._waits
        if not exclusive:  # the usual case, a row writer beside others
            with waits.lock:
                if self._exclusive is None:
                    self._shared[owner] = None
                    return
        with waits.cond:
            if exclusive:
                waits.wait_until_free(owner, lambda: self._exclusive_blocker(owner),
                                      timeout_ms, cancel)
                self._exclusive = owner
                self._shared.pop(owner, None)
            else:
                waits.wait_until_free(owner, lambda: self._shared_blocker(owner),
                                      timeout_ms, cancel)
                self._shared[owner] = None

    def try_acquire_exclusive(self, owner: Any) -> bool:
        """Take the slot exclusively only if no one else holds it (LOCK
        TABLE … NOWAIT); False otherwise."""
        with self._waits.lock:
            if self._exclusive_blocker(owner) is not None:
                return False
            self._exclusive = owner
            self._shared.pop(owner, None)
            return True

    def _shared_blocker(self, owner: Any) -> Any:
        other = self._exclusive
        return None if other is owner else other

    def _exclusive_blocker(self, owner: Any) -> Any:
        other = self._exclusive
        if other is not None and other is not owner:
            return other
        for other in self._shared:
            if other is not owner:
                return other
        return None

    def release(self, owner: Any) -> None:
        if self._exclusive is not owner and owner not in self._shared:
            return  # only its holder releases it: no race on this test
        waits = self._waits
        with waits.lock:
            if self._exclusive is owner:
                self._exclusive = None
            else:
                del self._shared[owner]
        waits.wake()


_MISSING = object()
