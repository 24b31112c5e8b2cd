"""In-flight unique keys: which transaction is writing which key.

PostgreSQL's unique check (`_bt_check_unique`) looks at every version of
the key, committed or not: a key another in-flight transaction inserted,
or holds as an UPDATE's new value, makes the inserter wait for that
transaction, then fail with 23505 if it committed or go on if it rolled
back. The twin's overlays are private, so the store keeps this table
beside them: per (table, unique index position) a dict key → owner
transaction. A transaction claims a key before its row goes in (a dict
`setdefault`, atomic under the GIL: the common uncontended INSERT costs a
probe and a store), and its claims go when it ends (after its commit is
published, so a waiter then finds the key committed) or, for the ones made
after it, at ROLLBACK TO SAVEPOINT. Each transaction keeps a log of
(dict, keys) entries for that.

The committed side of the check (a committed row holding the key, and
whether an in-flight transaction is deleting it) is the transaction's:
`Transaction._claim_unique`.
"""

from __future__ import annotations

from collections import deque
from itertools import repeat
from typing import Any

__all__ = ["UniqueKeys"]


class UniqueKeys:
    def __init__(self) -> None:
        self._tables: dict[tuple[Any, int], dict] = {}

    def claims(self, table: Any, position: int) -> dict:
        """The key → owner dict of one unique index."""
        found = self._tables.get((table, position))
        if found is None:
            found = self._tables.setdefault((table, position), {})
        return found

    def of(self, table: Any, count: int) -> list[dict]:
        """The dicts of a table's first `count` indexes (non-unique ones
        stay empty)."""
        return [self.claims(table, i) for i in range(count)]

    @staticmethod
    def undo(owner: Any, entries: list) -> None:
        """Drop the claims `entries` (a slice of the owner's log) made.
        A log holds exactly the owner's current claims (a key leaves it
        when it is given back), and nobody else can take a claimed key,
        so they are popped without a look, at C speed."""
        for claims, keys in entries:
            if len(keys) == 1:
                claims.pop(keys[0], None)
            else:
                deque(map(claims.pop, keys, repeat(None)), maxlen=0)
