"""Row locks: `SELECT … FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE`
between transactions, beside the writer slot.

Design. Writes stay serialised by the single writer slot (`writer.py`);
row locks need no second writer. The store keeps one `RowLocks` table:
(table, row id) → {holder transaction: strength}, strengths ordered as
PostgreSQL's tuple lock modes, KEY SHARE (0) < SHARE (1) < NO KEY UPDATE
(2) < UPDATE (3), conflicting as heapam.c's table says (KEY SHARE only
with UPDATE; SHARE with the two UPDATEs; NO KEY UPDATE with all but KEY
SHARE; UPDATE with all). A locking read takes entries; UPDATE and DELETE
do not record entries (they hold the writer slot, and their uncommitted
change itself is the lock: a locker finds the row gone from the writer's
overlay and waits for that transaction), but they check the table and wait
for conflicting holders (a DELETE or a key-changing UPDATE counts as
UPDATE, any other UPDATE as NO KEY UPDATE). Checking and recording happen
under one condition lock, so a locker and the writer never both win a row.

A lock request that conflicts waits, polling the cancel callback and
giving up at lock_timeout with 55P03 (as the writer slot does); NOWAIT
raises 55P03 'could not obtain lock on row in relation "t"' at once; SKIP
LOCKED reports the row skipped. Once no one conflicts, a row that is no
longer the newest committed version (another transaction updated or
deleted it after the statement's snapshot) is `GONE`: READ COMMITTED runs
the statement again on a new snapshot with the locks it holds
(`LockRetry`; PostgreSQL re-checks only that row, EvalPlanQual — the
result is the same for the query shapes the twin locks: the row's newest
version is re-checked against the WHERE and a deleted one is skipped),
REPEATABLE READ and SERIALIZABLE raise 40001 'could not serialize access
due to concurrent update'. Locks go at COMMIT/ROLLBACK (after the commit
is published) and, for those taken after it, at ROLLBACK TO SAVEPOINT
(each transaction keeps an undo log of what it took).

An UPDATE/DELETE that meets a conflicting holder before its transaction
has written anything gives the writer slot back while it waits (the
holder may want to write too) and runs its statement again
(`LockRetry`); one that has written waits holding the slot, so a holder
that then writes waits for it until lock_timeout (PostgreSQL would let
that holder write: a known gap). Foreign-key checks take no FOR KEY SHARE
lock on the parent row as PostgreSQL's RI triggers do (a known gap too;
both are strict expected failures in tests/differential/test_row_locks.py).
"""

from __future__ import annotations

import threading
import time
from typing import Any

from twinning.errors import SqlError
from twinning.ir.select import LOCK_STRENGTHS
from twinning.store.pmap import DELETE
from twinning.store.writer import Cancel, _check, lock_timeout_error

__all__ = ["GONE", "LOCKED", "SKIPPED", "LockRetry", "RowLocks", "STRENGTH_NAMES",
           "conflicts"]

LOCKED, SKIPPED, GONE = "locked", "skipped", "gone"
STRENGTH_NAMES = LOCK_STRENGTHS
_POLL_SECONDS = 0.005


class LockRetry(Exception):
    """Run the statement again on a new snapshot (READ COMMITTED)."""


def conflicts(a: int, b: int) -> bool:
    """Do tuple lock strengths `a` and `b` conflict (heapam.c's
    tupleLockExtraInfo / the lock conflict table)?"""
    return a == 3 or b == 3 or (a >= 1 and b >= 2) or (a >= 2 and b >= 1)


def _writer_changed(writer: Any, table: Any, rid: int) -> int | None:
    """The strength the slot holder's uncommitted change of row `rid`
    amounts to (None: it did not touch the row)."""
    overlay = writer.overlay_table(table)
    if overlay is None:
        return None
    if overlay.truncated:
        return 3
    if overlay.rows.get(rid) is DELETE:
        return 2 if writer.kept_key(table, rid) else 3
    return None


class RowLocks:
    def __init__(self, store: Any) -> None:
        self._store = store
        self._cond = threading.Condition()
        self._held: dict[tuple[Any, int], dict[Any, int]] = {}

    # ------------------------------------------------------------ queries
    def _blocker(self, txn: Any, key: tuple[Any, int], strength: int) -> Any:
        holders = self._held.get(key)
        if holders:
            for other, held in holders.items():
                if other is not txn and conflicts(held, strength):
                    return other
        writer = self._store.writer.holder
        if writer is not None and writer is not txn:
            changed = _writer_changed(writer, key[0], key[1])
            if changed is not None and conflicts(changed, strength):
                return writer
        return None

    def _wait(self, deadline: float, cancel: Cancel) -> None:
        _check(cancel)
        left = deadline - time.monotonic()
        if left <= 0:
            raise lock_timeout_error()
        self._cond.wait(min(left, _POLL_SECONDS))

    def _deadline(self, timeout_ms: int) -> float:
        ms = timeout_ms if timeout_ms > 0 else self._store.writer.default_timeout_ms
        return time.monotonic() + ms / 1000

    # ------------------------------------------------------------ locking reads
    def lock(self, txn: Any, table: Any, rid: int, strength: int, wait: str,
             timeout_ms: int, cancel: Cancel, log: list) -> str:
        """Lock row `rid` of `table` for `txn`: LOCKED, SKIPPED (SKIP
        LOCKED met a conflict) or GONE (no longer the newest version; not
        locked). NOWAIT raises 55P03; a wait past the timeout too."""
        key = (table, rid)
        deadline = self._deadline(timeout_ms)
        with self._cond:
            while self._blocker(txn, key, strength) is not None:
                if wait == "error":
                    raise SqlError("55P03", "could not obtain lock on row in "
                                   f'relation "{table.name}"')
                if wait == "skip":
                    return SKIPPED
                self._wait(deadline, cancel)
            if self._store.writer.holder is not txn:
                current = self._store.latest.tables.get(table)
                if current is None or current.rows.get(rid) is None:
                    return GONE
            holders = self._held.setdefault(key, {})
            before = holders.get(txn)
            if before is None or before < strength:
                holders[txn] = strength
                log.append((key, before))
            return LOCKED

    # ------------------------------------------------------------ writes
    def write(self, txn: Any, table: Any, rid: int, strength: int,
              timeout_ms: int, cancel: Cancel, first_write: bool) -> threading.Condition:
        """Before UPDATE/DELETE of row `rid`: wait for holders that
        conflict with `strength`. Returns the condition, held: the caller
        changes the row and then releases it (so no locker slips in
        between). With `first_write`, a conflict gives the writer slot
        back, waits for the holder to end and raises LockRetry."""
        key = (table, rid)
        cond = self._cond
        cond.acquire()
        try:
            if key not in self._held:
                return cond
            deadline = self._deadline(timeout_ms)
            if first_write and self._blocker_lock(txn, key, strength):
                self._store.writer.release(txn)
                while self._blocker_lock(txn, key, strength):
                    self._wait(deadline, cancel)
                raise LockRetry()
            while self._blocker_lock(txn, key, strength):
                self._wait(deadline, cancel)
            return cond
        except BaseException:
            cond.release()
            raise

    def _blocker_lock(self, txn: Any, key: tuple[Any, int], strength: int) -> bool:
        holders = self._held.get(key)
        return bool(holders) and any(
            other is not txn and conflicts(held, strength)
            for other, held in holders.items())

    # ------------------------------------------------------------ release
    def undo(self, txn: Any, entries: list) -> None:
        """Give back the locks `entries` (a slice of txn's log) took,
        newest first (ROLLBACK TO SAVEPOINT)."""
        if not entries:
            return
        with self._cond:
            for key, before in reversed(entries):
                holders = self._held.get(key)
                if holders is None:
                    continue
                if before is None:
                    holders.pop(txn, None)
                    if not holders:
                        del self._held[key]
                else:
                    holders[txn] = before
            self._cond.notify_all()

    def release_all(self, txn: Any, log: list) -> None:
        """COMMIT / ROLLBACK: every lock txn holds."""
        with self._cond:
            for key, _ in log:
                holders = self._held.get(key)
                if holders is not None:
                    holders.pop(txn, None)
                    if not holders:
                        del self._held[key]
            self._cond.notify_all()

    def wake(self) -> None:
        """A writer ended: lockers waiting on its changes look again."""
        with self._cond:
            self._cond.notify_all()
