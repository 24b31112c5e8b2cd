"""Waiting for another transaction, as PostgreSQL's lock manager does.

Every wait in the store — for a relation lock (`relation_locks.py`), a row lock
(`row_locks.py`), an in-flight unique key (`unique_keys.py`) — goes through
one `Waits`: one condition variable, and the waits-for graph (waiter →
the transaction it waits for) that deadlock detection walks.

A wait polls: the cancel callback (57014 from the session's interrupt, or
True → `WaitCancelled`), lock_timeout (55P03 `canceling statement due to
lock timeout`; 0 = the twin default, since PostgreSQL's "wait forever"
would let one idle session stall another), and once, after
`DEADLOCK_TIMEOUT_MS` (PostgreSQL's `deadlock_timeout` default, 1 s), the
graph: when the chain of waits starting at the transaction it waits for
comes back to the waiter, the waiter gets 40P01 `deadlock detected`, as
the PostgreSQL backend whose deadlock_timeout expires first does (the
other one then proceeds once the victim's locks are gone).
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

from twinning.errors import SqlError, deadlock_detected, lock_not_available

__all__ = ["Cancel", "DEADLOCK_TIMEOUT_MS", "DEFAULT_LOCK_TIMEOUT_MS",
           "WaitCancelled", "Waits", "deadlock_error", "lock_timeout_error"]

DEADLOCK_TIMEOUT_MS = 1000
DEFAULT_LOCK_TIMEOUT_MS = 5000  # the twin's lock_timeout = 0 (see below)
_POLL_SECONDS = 0.005

Cancel = Callable[[], "bool | None"] | threading.Event | None


class WaitCancelled(Exception):
    """The cancel callback asked the wait to stop (the caller raises 57014)."""


def lock_timeout_error() -> SqlError:
    return lock_not_available("canceling statement due to lock timeout")


def _check(cancel: Cancel) -> None:
    if cancel is None:
        return
    if isinstance(cancel, threading.Event):
        if cancel.is_set():
            raise WaitCancelled()
    elif cancel():
        raise WaitCancelled()


def deadlock_error() -> SqlError:
    return deadlock_detected("deadlock detected",
                             hint="See server log for query details.")


class Waits:
    """The store's one condition and waits-for graph."""

    def __init__(self, default_timeout_ms: int) -> None:
        self.default_timeout_ms = default_timeout_ms
        # `lock` is the condition's own: a fast path that finds nothing to
        # wait for takes it without the Condition's Python-level methods
        self.lock = threading.RLock()
        self.cond = threading.Condition(self.lock)
        self._waiting: dict[Any, Any] = {}  # waiter -> what it waits for

    def wait_until_free(self, waiter: Any, blocker: Callable[[], Any],
                        timeout_ms: int = 0, cancel: Cancel = None) -> None:
        """Wait (the caller holds `cond`) until `blocker()` — the
        transaction standing in the way, or None — is None."""
        other = blocker()
        if other is None:
            return
        ms = timeout_ms if timeout_ms > 0 else self.default_timeout_ms
        start = time.monotonic()
        deadline = start + ms / 1000
        detect = start + DEADLOCK_TIMEOUT_MS / 1000
        checked = False
        try:
            while other is not None:
                self._waiting[waiter] = other
                _check(cancel)
                now = time.monotonic()
                if now >= deadline:
                    raise lock_timeout_error()
                if not checked and now >= detect:
                    checked = True
                    if self._cycle(waiter):
                        raise deadlock_error()
                wake = min(deadline, detect) if not checked else deadline
                self.cond.wait(max(0.0, min(wake - now, _POLL_SECONDS)))
                other = blocker()
        finally:
            self._waiting.pop(waiter, None)

    @property
    def waiting(self) -> bool:
        """Is anyone waiting (a hint: a waiter polls anyway)?"""
        return bool(self._waiting)

    def _cycle(self, waiter: Any) -> bool:
        """Does the chain of waits from `waiter` come back to it?"""
        seen = set()
        node = self._waiting.get(waiter)
        while node is not None and id(node) not in seen:
            if node is waiter:
                return True
            seen.add(id(node))
            node = self._waiting.get(node)
        return False

    def wake(self) -> None:
        """Something was released: waiters look again. A waiter registers
        in `_waiting` under the lock before it waits, so with none there,
        no one needs the notification."""
        with self.lock:
            if self._waiting:
                self.cond.notify_all()
