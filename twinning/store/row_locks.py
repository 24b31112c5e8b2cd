"""Row locks: the tuple locks of `SELECT … FOR UPDATE / NO KEY UPDATE /
SHARE / KEY SHARE`, and the ones UPDATE, DELETE and foreign-key checks
take implicitly.

The store keeps one `RowLocks` table: (table, row id) → {holder
transaction: strength}, strengths ordered as PostgreSQL's tuple lock
modes, KEY SHARE (0) < SHARE (1) < NO KEY UPDATE (2) < UPDATE (3),
conflicting as heapam.c's table says (KEY SHARE only with UPDATE; SHARE
with the two UPDATEs; NO KEY UPDATE with all but KEY SHARE; UPDATE with
all). A row a transaction updated or deleted carries `WRITTEN` on top of
its strength: UPDATE takes NO KEY UPDATE, or UPDATE when it changes a
unique key; DELETE takes UPDATE (heap_update/heap_delete's choice); a
foreign-key check takes KEY SHARE on the parent row (RI_FKey_check's
`FOR KEY SHARE`). `WRITTEN` is what an inserter of a unique key looks at:
a row being deleted or updated by an in-flight transaction makes it wait
for that transaction, a row merely locked does not (`unique_keys.py`).

A lock request that conflicts waits (`waits.py`: lock_timeout's 55P03,
cancel, deadlock detection); NOWAIT raises 55P03 'could not obtain lock on
row in relation "t"' at once; SKIP LOCKED reports the row skipped. Once no
one conflicts, a row that is no longer the newest committed version
(another transaction updated or deleted it after the statement's snapshot)
is `GONE` and not locked: READ COMMITTED's UPDATE and DELETE of one table
re-check its newest version, found through the store's UPDATE chain
(`RowMoved`, EvalPlanQual: still qualifying, it is written; deleted, it
is skipped); other statements (locking reads, FROM/USING, MERGE, RI
actions) run again on a new snapshot (`LockRetry`: PostgreSQL re-checks
only that row, so rows which *started* to qualify after the first
snapshot are seen by the re-run but not by PostgreSQL); REPEATABLE READ
and SERIALIZABLE raise 40001. Checking and recording happen under the store's
one condition, so two transactions never both win a row. Locks go at
COMMIT/ROLLBACK (after the commit is published) and, for those taken
after it, at ROLLBACK TO SAVEPOINT (each transaction keeps an undo log).
"""

from __future__ import annotations

from typing import Any

from twinning.errors import lock_not_available
from twinning.ir.select import LOCK_STRENGTHS
from twinning.store.waits import Cancel, Waits

__all__ = ["GONE", "LOCKED", "SKIPPED", "LockRetry", "RowLocks", "RowMoved",
           "STRENGTH_NAMES",
           "WRITTEN", "conflicts"]

LOCKED, SKIPPED, GONE = "locked", "skipped", "gone"
STRENGTH_NAMES = LOCK_STRENGTHS
WRITTEN = 4  # or-ed onto a strength: the holder updated or deleted the row


class LockRetry(Exception):
    """Run the statement again on a new snapshot (READ COMMITTED)."""


class RowMoved(Exception):
    """READ COMMITTED's EvalPlanQual: the row to write was updated (`rid`,
    `row`: its newest committed version) or deleted (both None) by a
    transaction that committed after the statement's snapshot."""

    def __init__(self, rid: int | None, row: tuple | None) -> None:
        super().__init__(rid)
        self.rid = rid
        self.row = row


def conflicts(a: int, b: int) -> bool:
    """Do tuple lock strengths `a` and `b` conflict (heapam.c's
    tupleLockExtraInfo / the lock conflict table)?"""
    return a == 3 or b == 3 or (a >= 1 and b >= 2) or (a >= 2 and b >= 1)


class RowLocks:
    def __init__(self, store: Any, waits: Waits) -> None:
        self._store = store
        self._waits = waits
        self._held: dict[tuple[Any, int], dict[Any, int]] = {}

    # ------------------------------------------------------------ queries
    def _blocker(self, txn: Any, key: tuple[Any, int], strength: int) -> Any:
        holders = self._held.get(key)
        if holders:
            for other, held in holders.items():
                if other is not txn and conflicts(held & 3, strength):
                    return other
        return None  # a TRUNCATE of the table: its ACCESS EXCLUSIVE lock

    def writer_of(self, table: Any, rid: int) -> Any:
        """The in-flight transaction that updated or deleted row `rid`, if
        any (an inserter of the row's unique key waits for it)."""
        holders = self._held.get((table, rid))
        if holders:
            for other, held in list(holders.items()):
                if held & WRITTEN:
                    return other
        return None

    # ------------------------------------------------------------ taking
    def lock(self, txn: Any, table: Any, rid: int, strength: int, wait: str,
             timeout_ms: int, cancel: Cancel, log: list, own: bool = False) -> str:
        """Lock row `rid` of `table` for `txn` (`strength`, with `WRITTEN`
        for a write): LOCKED, SKIPPED (SKIP LOCKED met a conflict) or GONE
        (no longer the newest committed version; not locked). NOWAIT
        raises 55P03; a wait past the timeout too. `own`: the row is the
        transaction's own uncommitted one (nothing to check or record)."""
        if own:
            return LOCKED
        key = (table, rid)
        mode = strength & 3
        waits = self._waits
        with waits.cond:
            if wait != "block":
                if self._blocker(txn, key, mode) is not None:
                    if wait == "skip":
                        return SKIPPED
                    raise lock_not_available("could not obtain lock on row in "
                                             f'relation "{table.name}"')
            else:
                waits.wait_until_free(txn, lambda: self._blocker(txn, key, mode),
                                      timeout_ms, cancel)
            current = self._store.latest.tables.get(table)
            if current is None or current.rows.get(rid) is None:
                return GONE
            holders = self._held.setdefault(key, {})
            before = holders.get(txn)
            if before is None or (before & 3) < mode or (strength & ~before & WRITTEN):
                holders[txn] = max(before & 3 if before else 0, mode) | \
                    ((before or 0) & WRITTEN) | (strength & WRITTEN)
                log.append((key, before))
            return LOCKED

    # ------------------------------------------------------------ release
    def undo(self, txn: Any, entries: list) -> None:
        """Give back the locks `entries` (a slice of txn's log) took,
        newest first (ROLLBACK TO SAVEPOINT, a statement run again)."""
        if not entries:
            return
        with self._waits.cond:
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
            self._waits.cond.notify_all()

    def release_all(self, txn: Any, log: list) -> None:
        """COMMIT / ROLLBACK: every lock txn holds."""
        with self._waits.cond:
            for key, _ in log:
                holders = self._held.get(key)
                if holders is not None:
                    holders.pop(txn, None)
                    if not holders:
                        del self._held[key]
            self._waits.cond.notify_all()
