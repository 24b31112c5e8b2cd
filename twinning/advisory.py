"""Advisory locks (lockfuncs.c): pg_advisory_lock, pg_try_advisory_lock,
pg_advisory_xact_lock, pg_try_advisory_xact_lock, their `_shared` forms,
pg_advisory_unlock[_shared] and pg_advisory_unlock_all, with bigint and
(int, int) keys.

The engine keeps one `AdvisoryLocks` table: key → {session: [shared,
exclusive] hold counts}. A key is PostgreSQL's LOCKTAG: a bigint k is
(k >> 32, k & 0xffffffff, 1), an (int, int) pair (a, b, 2), so the two
spaces never meet. Holds of one session never conflict with each other
(the lock manager grants a backend what it already holds); across
sessions ExclusiveLock conflicts with both modes, ShareLock with
ExclusiveLock. Each session (`AdvisorySession`) counts its session-level
holds (re-entrant, kept until unlocked, pg_advisory_unlock_all or
disconnect) apart from its transaction-level ones (released when the
transaction ends, committed or not — the session calls
`transaction_ended`). Unlocking a lock the session does not hold at
session level returns false with PostgreSQL's WARNING "you don't own a
lock of type ExclusiveLock" (or ShareLock).

A blocking request waits like a relation lock: polling the cancel
callback (CancelRequest, statement_timeout → 57014) and giving up at
lock_timeout (0: the twin's default) with 55P03 "canceling statement due
to lock timeout". Rolling back to a savepoint does not release
transaction-level locks taken after it (PostgreSQL does): a known gap.
pg_locks is not served by the twin, so these locks are not shown there.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

from twinning.store.waits import Cancel, _check, lock_timeout_error

__all__ = ["AdvisoryLocks", "AdvisorySession"]

_POLL_SECONDS = 0.005
SHARE, EXCLUSIVE = 0, 1
_MODE_NAMES = ("ShareLock", "ExclusiveLock")


def tag(*key: int) -> tuple[int, int, int]:
    if len(key) == 1:
        k = key[0]
        return ((k >> 32) & 0xFFFFFFFF, k & 0xFFFFFFFF, 1)
    return (key[0] & 0xFFFFFFFF, key[1] & 0xFFFFFFFF, 2)


class AdvisoryLocks:
    """The engine's table of advisory locks."""

    def __init__(self, default_timeout_ms: int) -> None:
        self.default_timeout_ms = default_timeout_ms
        self._cond = threading.Condition()
        self._held: dict[tuple, dict[Any, list[int]]] = {}

    def _conflicts(self, owner: Any, key: tuple, mode: int) -> bool:
        for other, counts in self._held.get(key, {}).items():
            if other is not owner and (counts[EXCLUSIVE] or
                                       (mode == EXCLUSIVE and counts[SHARE])):
                return True
        return False

    def acquire(self, owner: Any, key: tuple, mode: int, wait: bool,
                timeout_ms: int, cancel: Cancel) -> bool:
        ms = timeout_ms if timeout_ms > 0 else self.default_timeout_ms
        deadline = time.monotonic() + ms / 1000
        with self._cond:
            while self._conflicts(owner, key, mode):
                if not wait:
                    return False
                _check(cancel)
                left = deadline - time.monotonic()
                if left <= 0:
                    raise lock_timeout_error()
                self._cond.wait(min(left, _POLL_SECONDS))
            self._held.setdefault(key, {}).setdefault(owner, [0, 0])[mode] += 1
            return True

    def release(self, owner: Any, key: tuple, mode: int, count: int = 1) -> None:
        with self._cond:
            holders = self._held.get(key)
            if holders is None or owner not in holders:
                return
            counts = holders[owner]
            counts[mode] = max(0, counts[mode] - count)
            if not any(counts):
                del holders[owner]
                if not holders:
                    del self._held[key]
            self._cond.notify_all()


class AdvisorySession:
    """One session's advisory locks, what the SQL functions call
    (through `EvalContext.advisory`)."""

    def __init__(self, table: AdvisoryLocks, warn: Callable[[str], None],
                 timeout: Callable[[], int], cancel: Cancel) -> None:
        self._table = table
        self._warn = warn
        self._timeout = timeout
        self._cancel = cancel
        self._session: dict[tuple, int] = {}  # (key, mode) → holds
        self._xact: dict[tuple, int] = {}

    def __call__(self, op: str, key: tuple, shared: bool, xact: bool,
                 wait: bool) -> bool | str:
        """What the SQL functions ask: op "lock" ("" — void — when it
        waits, else whether it got the lock), "unlock", "unlock_all"."""
        mode = SHARE if shared else EXCLUSIVE
        if op == "lock":
            got = self.lock(tag(*key), mode, xact, wait)
            return got if not wait else ""
        if op == "unlock":
            return self.unlock(tag(*key), mode)
        self.unlock_all()
        return ""

    def lock(self, key: tuple, mode: int, xact: bool, wait: bool = True) -> bool:
        got = self._table.acquire(self, key, mode, wait, self._timeout(),
                                  self._cancel)
        if got:
            counts = self._xact if xact else self._session
            counts[(key, mode)] = counts.get((key, mode), 0) + 1
        return got

    def unlock(self, key: tuple, mode: int) -> bool:
        held = self._session.get((key, mode), 0)
        if not held:
            self._warn(f"you don't own a lock of type {_MODE_NAMES[mode]}")
            return False
        if held == 1:
            del self._session[(key, mode)]
        else:
            self._session[(key, mode)] = held - 1
        self._table.release(self, key, mode)
        return True

    def unlock_all(self) -> None:
        held, self._session = self._session, {}
        for (key, mode), count in held.items():
            self._table.release(self, key, mode, count)

    def transaction_ended(self) -> None:
        if self._xact:
            held, self._xact = self._xact, {}
            for (key, mode), count in held.items():
                self._table.release(self, key, mode, count)

    def close(self) -> None:
        self.transaction_ended()
        self.unlock_all()
