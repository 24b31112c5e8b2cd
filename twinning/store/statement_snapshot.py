"""One statement's snapshot over a transaction that the statement itself
writes: PostgreSQL's rule for data-modifying WITH queries.

Every part of such a statement (each WITH query and the main statement)
reads the tables as they were when the statement started; none sees what
another part wrote, only its RETURNING rows. A `StatementSnapshot` is the
transaction as those parts see it: writes go through to the transaction,
and just before the first write to a table its rows are copied (the
overlay's changed rows; the committed rows are persistent), so reads of
that table keep answering from the copy. Tables nobody writes are read
live, at no cost. An UPDATE or DELETE of a row another part already
changed finds it gone and skips it (PostgreSQL's "updated by the current
command": only one change takes effect); unique keys and foreign keys are
checked against the live rows, as PostgreSQL's are.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, Iterable, Iterator, Sequence

from twinning.ir.catalog import QName
from twinning.store.pmap import DELETE

__all__ = ["StatementSnapshot"]

_MISSING: Any = object()


class _Frozen:
    """One table's rows as of the statement's start."""

    __slots__ = ("base", "rows")

    def __init__(self, base: Any, rows: dict) -> None:
        self.base = base  # the committed row map
        self.rows = rows  # the transaction's changes then (rid -> row | DELETE)

    def get(self, rid: int) -> tuple | None:
        row = self.rows.get(rid, _MISSING)
        if row is _MISSING:
            return self.base.get(rid)
        return None if row is DELETE else row

    def scan(self) -> Iterator[tuple[int, tuple]]:
        """As `TableOverlay.scan`: committed rows not deleted, then the
        transaction's own in id order."""
        changes = self.rows
        if not changes:
            yield from self.base.items()
            return
        for rid, row in self.base.items():
            if rid not in changes:
                yield rid, row
        yield from sorted(((rid, row) for rid, row in changes.items()
                           if row is not DELETE), key=itemgetter(0))


class StatementSnapshot:
    """A `Transaction` whose reads stay at the statement's start."""

    def __init__(self, txn: Any) -> None:
        self._txn = txn
        self._frozen: dict[QName, _Frozen] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._txn, name)

    def _freeze(self, table: QName) -> None:
        if table in self._frozen:
            return
        txn = self._txn
        overlay = txn.overlay_table(table)
        if overlay is None:
            self._frozen[table] = _Frozen(txn._tables[table].rows, {})
        else:
            self._frozen[table] = _Frozen(overlay.base.rows,
                                          dict(overlay.rows))

    # ---- reads
    def get(self, table: QName, rid: int) -> tuple | None:
        frozen = self._frozen.get(table)
        return self._txn.get(table, rid) if frozen is None else frozen.get(rid)

    def scan(self, table: QName) -> Iterable[tuple[int, tuple]]:
        frozen = self._frozen.get(table)
        return self._txn.scan(table) if frozen is None else frozen.scan()

    def count(self, table: QName) -> int:
        frozen = self._frozen.get(table)
        if frozen is None:
            return self._txn.count(table)
        return sum(1 for _ in frozen.scan())

    def lookup_ids(self, table: QName, index: str,
                   values: Sequence[Any]) -> Iterable[int]:
        frozen = self._frozen.get(table)
        if frozen is None:
            return self._txn.lookup_ids(table, index, values)
        info = self._txn.schema.tables[table]
        defn = info.indexes[info.index_pos[index]]
        key = defn.key_of_values(values)
        if key is None:
            return ()
        return [rid for rid, row in frozen.scan() if defn.key(row) == key]

    def lookup(self, table: QName, index: str,
               values: Sequence[Any]) -> list[tuple[int, tuple]]:
        frozen = self._frozen.get(table)
        if frozen is None:
            return self._txn.lookup(table, index, values)
        return [(rid, frozen.get(rid))
                for rid in sorted(self.lookup_ids(table, index, values))]

    # ---- writes: the table's rows are kept first
    def insert(self, table: QName, row: Sequence[Any]) -> int:
        self._freeze(table)
        return self._txn.insert(table, row)

    def insert_rows(self, table: QName, rows: Iterable[tuple]) -> Any:
        self._freeze(table)
        return self._txn.insert_rows(table, rows)

    def insert_block(self, table: QName, rows: list[tuple]) -> Any:
        self._freeze(table)
        return self._txn.insert_block(table, rows)

    def update(self, table: QName, rid: int, row: Sequence[Any],
               follow: bool = False) -> int | None:
        self._freeze(table)
        return self._txn.update(table, rid, row, follow)

    def delete(self, table: QName, rid: int, follow: bool = False) -> bool:
        self._freeze(table)
        return self._txn.delete(table, rid, follow)
