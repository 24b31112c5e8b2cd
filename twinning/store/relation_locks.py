"""Relation locks: PostgreSQL's eight table lock modes, held per
transaction until it ends (or the savepoint that took them is rolled back).

A lock is on a key: a table's, view's, sequence's or index's `QName`, or a
tuple naming another catalog object (("schema", name), ("type", qname), …)
that DDL changes. Modes and their conflicts are lock.c's
(`LockConflicts`): readers take ACCESS SHARE, locking reads and
foreign-key checks ROW SHARE, row writers ROW EXCLUSIVE, CREATE INDEX
SHARE, ALTER/DROP/TRUNCATE ACCESS EXCLUSIVE; LOCK TABLE names any mode.

Each transaction keeps what it holds in its own dict (key → bit mask of
modes). The weak modes (ACCESS SHARE, ROW SHARE, ROW EXCLUSIVE: they
conflict with none of each other) take PostgreSQL's fast path: the
transaction records the lock, then looks whether anyone holds or waits
for a stronger mode on the key (`_strong`, a count per key); only then
does it take the slow path. A stronger request first counts itself in
`_strong`, then scans every holder's dict. Under the GIL each of these
steps is atomic, so either the weak locker sees the count or the strong
one sees the weak lock (the order of the two steps on each side is what
makes it so). The common statement, with no DDL anywhere, costs a few
dict operations and no lock.

The slow path waits (`waits.py`: lock_timeout's 55P03, cancel, 40P01)
until no other transaction holds a conflicting mode and, as PostgreSQL's
wait queue does, no earlier waiter wants one (a reader arriving behind a
waiting ALTER TABLE waits behind it), unless the requester already holds
a lock on the key.
"""

from __future__ import annotations

from typing import Any

from twinning.errors import lock_not_available
from twinning.store.waits import Cancel, Waits

__all__ = ["ACCESS_SHARE", "ROW_SHARE", "ROW_EXCLUSIVE", "SHARE_UPDATE_EXCLUSIVE",
           "SHARE", "SHARE_ROW_EXCLUSIVE", "EXCLUSIVE", "ACCESS_EXCLUSIVE",
           "RelationLocks", "covers"]

(ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE,
 SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE) = range(1, 9)


def _bits(*modes: int) -> int:
    out = 0
    for mode in modes:
        out |= 1 << mode
    return out


# lock.c's LockConflicts, as bit masks of the modes each mode conflicts with
CONFLICTS = (
    0,
    _bits(ACCESS_EXCLUSIVE),
    _bits(EXCLUSIVE, ACCESS_EXCLUSIVE),
    _bits(SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE),
    _bits(SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
          ACCESS_EXCLUSIVE),
    _bits(ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
          ACCESS_EXCLUSIVE),
    _bits(ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE,
          EXCLUSIVE, ACCESS_EXCLUSIVE),
    _bits(ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE,
          SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE),
    _bits(*range(1, 9)),
)

# the modes stronger than the fast path's
STRONG = _bits(*range(SHARE_UPDATE_EXCLUSIVE, 9))

# per mode: the held modes that already keep out everything it keeps out
# (a transaction holding one of them need not take it)
COVERS = tuple(
    0 if mode == 0 else _bits(*(m for m in range(1, 9)
                                if CONFLICTS[m] & CONFLICTS[mode] == CONFLICTS[mode]))
    for mode in range(9))


def covers(mask: int, mode: int) -> bool:
    """Does a transaction holding the modes in `mask` already have `mode`'s
    effect?"""
    return bool(mask & COVERS[mode])


class RelationLocks:
    """The lock table of one store (see the module docstring)."""

    def __init__(self, waits: Waits) -> None:
        self._waits = waits
        self._owners: dict[Any, dict] = {}  # transaction -> its held dict
        self._strong: dict[Any, int] = {}  # key -> strong holders and waiters
        self._queue: dict[Any, list] = {}  # key -> waiting [owner, mode]

    def take(self, owner: Any, held: dict, log: list, key: Any, mode: int,
             timeout_ms: int = 0, cancel: Cancel = None,
             nowait: bool = False) -> bool:
        """Lock `key` in `mode` for `owner` (`held`: its dict; `log`: its
        undo log of (key, mask before)). True when it had to wait. NOWAIT
        raises 55P03 naming the relation when it would."""
        before = held.get(key, 0)
        bit = 1 << mode
        if before & bit:
            return False
        if not bit & STRONG:  # the fast path
            if owner not in self._owners:
                self._owners[owner] = held
            held[key] = before | bit
            strong = self._strong
            if not strong or not strong.get(key):
                log.append((key, before))
                return False
            if before:
                held[key] = before
            else:
                del held[key]
        return self._slow(owner, held, log, key, mode, before, timeout_ms,
                          cancel, nowait)

    def first(self, owner: Any, held: dict, log: list, key: Any, mode: int,
              timeout_ms: int = 0, cancel: Cancel = None) -> bool:
        """`take` of a weak mode on a key the owner holds nothing on (a
        transaction's first read of a table): when no one holds or waits
        for a strong mode anywhere, one dict store."""
        if owner not in self._owners:
            self._owners[owner] = held
        bit = 1 << mode
        held[key] = bit
        strong = self._strong
        if not strong or not strong.get(key):
            log.append((key, 0))
            return False
        del held[key]
        return self._slow(owner, held, log, key, mode, 0, timeout_ms, cancel,
                          False)

    def _slow(self, owner: Any, held: dict, log: list, key: Any, mode: int,
              before: int, timeout_ms: int, cancel: Cancel, nowait: bool) -> bool:
        waits = self._waits
        bit = 1 << mode
        strong = bool(bit & STRONG)
        entry = [owner, mode]
        with waits.cond:
            self._owners.setdefault(owner, held)
            if strong:
                self._strong[key] = self._strong.get(key, 0) + 1
            granted = False
            try:
                blocker = self._blocker(owner, held, key, mode, entry)
                if blocker is not None and nowait:
                    raise lock_not_available("could not obtain lock on relation "
                                             f'"{getattr(key, "name", key)}"')
                waited = blocker is not None
                if waited:
                    queue = self._queue.setdefault(key, [])
                    queue.append(entry)
                    try:
                        waits.wait_until_free(
                            owner, lambda: self._blocker(owner, held, key, mode, entry),
                            timeout_ms, cancel)
                    finally:
                        queue.remove(entry)
                        if not queue:
                            del self._queue[key]
                held[key] = held.get(key, 0) | bit
                log.append((key, before))
                granted = True
            finally:
                if strong and not granted:
                    self._drop_strong(key)
        if waited or strong:
            waits.wake()  # waiters queued behind this request look again
        return waited

    def _blocker(self, owner: Any, held: dict, key: Any, mode: int,
                 entry: list) -> Any:
        """The transaction in the way of `owner`'s request, or None."""
        conflicts = CONFLICTS[mode]
        for other, theirs in list(self._owners.items()):
            if other is not owner and theirs.get(key, 0) & conflicts:
                return other
        if held.get(key):  # holds the key already: goes before the queue
            return None
        for waiting in self._queue.get(key, ()):
            if waiting is entry:
                break
            if waiting[0] is not owner and CONFLICTS[waiting[1]] & (1 << mode):
                return waiting[0]
        return None

    def _drop_strong(self, key: Any) -> None:
        count = self._strong.get(key, 0) - 1
        if count > 0:
            self._strong[key] = count
        else:
            self._strong.pop(key, None)

    def holds_strong(self, held: dict) -> bool:
        return any(mask & STRONG for mask in held.values())

    def undo(self, owner: Any, held: dict, entries: list) -> None:
        """Give back what `entries` (a tail of the owner's log, oldest
        first) took: a rolled-back savepoint's locks."""
        if not entries:
            return
        with self._waits.lock:
            for key, before in reversed(entries):
                now = held.get(key, 0)
                for _ in range(bin(now & ~before & STRONG).count("1")):
                    self._drop_strong(key)
                if before:
                    held[key] = before
                else:
                    held.pop(key, None)
        self._waits.wake()

    def release_all(self, owner: Any, held: dict) -> None:
        """The transaction ended: every lock it holds goes."""
        if self._owners.pop(owner, None) is None:
            return
        if self._strong:  # someone holds or waits for a strong lock: us?
            strong = [(key, mask) for key, mask in held.items() if mask & STRONG]
            if strong:
                with self._waits.lock:
                    for key, mask in strong:
                        for _ in range(bin(mask & STRONG).count("1")):
                            self._drop_strong(key)
        held.clear()
        if self._waits._waiting:  # (the `waiting` property, without a call)
            self._waits.wake()

    def holders(self, key: Any) -> list[tuple[Any, int]]:
        """(transaction, mask) of every holder of `key` (pg_locks-like)."""
        return [(o, h[key]) for o, h in list(self._owners.items()) if h.get(key)]
