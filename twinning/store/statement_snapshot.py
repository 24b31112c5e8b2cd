"""One statement's snapshot over a transaction that the statement itself
writes: PostgreSQL's rule for data-modifying WITH queries (and for any
sub-select of a write).

Every part of such a statement (each WITH query and the main statement)
reads the tables as they were when the statement started; none sees what
another part wrote, only its RETURNING rows. A `StatementSnapshot` is the
transaction as those parts see it: writes go through to the transaction,
and reads of a table the statement has written answer as of its start.

Nothing is copied. At the first write to a table the snapshot notes its
committed rows (a persistent map) and the first row id the statement can
allocate (`watermark`: row ids only grow, so every row the statement adds
has one at least as large); each row the statement updates away or
deletes is kept (`removed`). The rows as of the start are then the
transaction's rows below the watermark, with the removed ones put back.
A table nobody writes is read live, at no cost. An UPDATE or DELETE of a
row another part already changed finds it gone and skips it
(PostgreSQL's "updated by the current command": only one change takes
effect); unique keys and foreign keys are checked against the live rows,
as PostgreSQL's are.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, Iterable, Iterator, Sequence

from twinning.ir.catalog import QName
from twinning.store.pmap import DELETE

__all__ = ["StatementSnapshot"]

_MISSING: Any = object()


class _Kept:
    """One written table as of the statement's start."""

    __slots__ = ("base", "watermark", "removed")

    def __init__(self, base: Any, watermark: int) -> None:
        self.base = base  # the committed row map the statement started on
        self.watermark = watermark  # row ids from here on are the statement's
        self.removed: dict[int, tuple] = {}  # rid -> row it updated/deleted


class StatementSnapshot:
    """A `Transaction` whose reads stay at the statement's start."""

    def __init__(self, txn: Any) -> None:
        self._txn = txn
        self._kept: dict[QName, _Kept] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._txn, name)

    def _keep(self, table: QName) -> _Kept:
        kept = self._kept.get(table)
        if kept is None:
            txn = self._txn
            overlay = txn.overlay_table(table)
            base = overlay.base.rows if overlay is not None else \
                txn._tables[table].rows
            # the store's next row id (store-internal: one package)
            watermark = txn._store._next_ids.get(table, 0)
            kept = self._kept[table] = _Kept(base, watermark)
        return kept

    def _changes(self, table: QName) -> dict:
        """The transaction's own changed rows as of the start."""
        kept = self._kept[table]
        overlay = self._txn.overlay_table(table)
        watermark, removed = kept.watermark, kept.removed
        changes = {} if overlay is None else {
            rid: row for rid, row in overlay.rows.items()
            if rid < watermark and rid not in removed}
        for rid, row in removed.items():
            if kept.base.get(rid) is None:  # its own row, then updated away
                changes[rid] = row
        return changes

    def _start_row(self, table: QName, kept: _Kept, rid: int) -> tuple | None:
        row = kept.removed.get(rid)
        if row is not None:
            return row
        if rid >= kept.watermark:
            return None
        overlay = self._txn.overlay_table(table)
        if overlay is not None:
            row = overlay.rows.get(rid, _MISSING)
            if row is not _MISSING:
                return None if row is DELETE else row
        return kept.base.get(rid)

    # ---- reads
    def get(self, table: QName, rid: int) -> tuple | None:
        kept = self._kept.get(table)
        if kept is None:
            return self._txn.get(table, rid)
        return self._start_row(table, kept, rid)

    def scan(self, table: QName) -> Iterable[tuple[int, tuple]]:
        if table not in self._kept:
            return self._txn.scan(table)
        return self._scan(table)

    def committed_rows(self, table: QName) -> Any:
        return None if table in self._kept else self._txn.committed_rows(table)

    def scan_rows(self, table: QName) -> Iterable[tuple]:
        if table not in self._kept:
            return self._txn.scan_rows(table)
        return map(itemgetter(1), self._scan(table))

    def _scan(self, table: QName) -> Iterator[tuple[int, tuple]]:
        """As `TableOverlay.scan` at the start: committed rows it had not
        deleted, then its own in id order."""
        changes = self._changes(table)
        for rid, row in self._kept[table].base.items():
            if rid not in changes:
                yield rid, row
        yield from sorted(((rid, row) for rid, row in changes.items()
                           if row is not DELETE), key=itemgetter(0))

    def count(self, table: QName) -> int:
        if table not in self._kept:
            return self._txn.count(table)
        return sum(1 for _ in self._scan(table))

    def lookup_ids(self, table: QName, index: str,
                   values: Sequence[Any]) -> Iterable[int]:
        kept = self._kept.get(table)
        live = self._txn.lookup_ids(table, index, values)
        if kept is None:
            return live
        info = self._txn.schema.tables[table]
        defn = info.indexes[info.index_pos[index]]
        key = defn.key_of_values(values)
        out = [rid for rid in live if rid < kept.watermark
               and rid not in kept.removed]
        if key is not None:
            out.extend(rid for rid, row in kept.removed.items()
                       if defn.key(row) == key)
        return out

    def lookup(self, table: QName, index: str,
               values: Sequence[Any]) -> list[tuple[int, tuple]]:
        """As `Transaction.lookup`, over this snapshot's `lookup_ids` and
        `get`."""
        out = []
        for rid in sorted(self.lookup_ids(table, index, values)):
            row = self.get(table, rid)
            if row is not None:
                out.append((rid, row))
        return out

    # ---- writes: what they take from the start's rows is kept first
    def insert(self, table: QName, row: Sequence[Any]) -> int:
        self._keep(table)
        return self._txn.insert(table, row)

    def insert_rows(self, table: QName, rows: Iterable[tuple]) -> Any:
        self._keep(table)
        return self._txn.insert_rows(table, rows)

    def insert_block(self, table: QName, rows: list[tuple]) -> Any:
        self._keep(table)
        return self._txn.insert_block(table, rows)

    def update(self, table: QName, rid: int, row: Sequence[Any],
               follow: bool = False) -> int | None:
        kept = self._keep(table)
        old = self._start_row(table, kept, rid)
        new = self._txn.update(table, rid, row, follow)
        if new is not None and old is not None:
            kept.removed.setdefault(rid, old)
        return new

    def delete(self, table: QName, rid: int, follow: bool = False) -> bool:
        kept = self._keep(table)
        old = self._start_row(table, kept, rid)
        done = self._txn.delete(table, rid, follow)
        if done and old is not None:
            kept.removed.setdefault(rid, old)
        return done
