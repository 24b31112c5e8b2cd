"""The writer slot: at most one transaction writes at a time.

A transaction takes the slot with its first write (or when its statement
declares it will write) and keeps it until commit, rollback or disconnect;
readers never take it and never wait. A second writer waits up to its
`lock_timeout` — 0 means the twin default given to the constructor, since
PostgreSQL's "wait forever" would let one idle session stall every other —
and then gets PostgreSQL's 55P03 `canceling statement due to lock timeout`.

The wait polls a cancel callback every few milliseconds: the callback may
raise (the session's interrupt raises 57014 for a CancelRequest or an
expired statement_timeout) or return True, which raises `WaitCancelled`.
"""

from __future__ import annotations

import threading
import time
from typing import Callable

from twinning.errors import SqlError

DEFAULT_LOCK_TIMEOUT_MS = 5000
_POLL_SECONDS = 0.01

Cancel = Callable[[], "bool | None"] | threading.Event | None


class WaitCancelled(Exception):
    """The cancel callback asked the wait to stop (the caller raises 57014)."""


def lock_timeout_error() -> SqlError:
    return SqlError("55P03", "canceling statement due to lock timeout")


class WriterSlot:
    def __init__(self, default_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS) -> None:
        self.default_timeout_ms = default_timeout_ms
        self._cond = threading.Condition()
        self._holder: object | None = None

    @property
    def holder(self) -> object | None:
        return self._holder

    def acquire(self, owner: object, timeout_ms: int = 0, cancel: Cancel = None) -> None:
        """Take the slot for `owner` (re-entrant), waiting at most the
        timeout; raise 55P03 when it expires."""
        ms = timeout_ms if timeout_ms > 0 else self.default_timeout_ms
        deadline = time.monotonic() + ms / 1000
        with self._cond:
            while self._holder is not None and self._holder is not owner:
                _check(cancel)
                left = deadline - time.monotonic()
                if left <= 0:
                    raise lock_timeout_error()
                self._cond.wait(min(left, _POLL_SECONDS))
            self._holder = owner

    def release(self, owner: object) -> None:
        with self._cond:
            if self._holder is owner:
                self._holder = None
                self._cond.notify()


def _check(cancel: Cancel) -> None:
    if cancel is None:
        return
    if isinstance(cancel, threading.Event):
        if cancel.is_set():
            raise WaitCancelled()
    elif cancel():
        raise WaitCancelled()

