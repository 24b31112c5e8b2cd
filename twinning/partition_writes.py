"""Writes to a partitioned table: the store transaction as the write sees
it, with the partitioned table standing for its partitions.

The write's plan is the ordinary one for the partitioned table (its
columns, defaults, RETURNING); only the store calls naming that table are
redirected here, so no other write pays for partitioning. A row inserted
goes to the partition `passes/partition_route.py` finds for it (23514 when
none), a scan reads every partition, and row ids are (partition, row id)
pairs. An UPDATE whose new row belongs in another partition deletes it
from its partition and inserts it into that one (ExecCrossPartitionUpdate).
ON CONFLICT's arbiters and index lookups use each partition's index
attached to the parent's; rows of a partition whose columns are in another
order are reordered on the way. COPY's blocks follow PostgreSQL's
multi-insert (each row routed and checked as it is read, the unique keys
when a partition's block goes in); INSERT goes row by row. UPDATE/DELETE
ONLY of a partitioned table touch nothing. TRUNCATE of a partitioned table
truncates its partitions.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, Callable, Iterable, Iterator

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, check_violation, wrong_object_type,
)
from twinning.ir import dml as d
from twinning.ir.catalog import Catalog, QName
from twinning.passes.partition_route import (layouts, leaves,
                                              partition_constraint, router)
from twinning.store import RowMoved
from twinning.store.constraints import failing_row


def routed(resolved: Any, txn: Any, ctx: Any) -> Any:
    """The transaction a write to `resolved`'s table runs against."""
    catalog: Catalog = ctx.catalog
    if isinstance(resolved, d.ResolvedTruncate):
        for name in resolved.only:
            if catalog.partition_key(name) is not None:
                raise wrong_object_type("cannot truncate only a partitioned "
                                        "table", hint="Do not specify the ONLY keyword, "
                                        "or use TRUNCATE ONLY on the partitions directly.")
        if any(catalog.partition_key(t) is not None for t in resolved.tables):
            return _Truncating(txn, catalog)
        return txn
    table = getattr(resolved, "table", None)
    if table is None:
        return txn
    copy = isinstance(resolved, d.ResolvedCopy)
    if catalog.partition_key(table) is not None:
        return PartitionedWrites(txn, catalog, table, ctx,
                                 isinstance(resolved, d.ResolvedInsert),
                                 getattr(resolved, "only", False), copy)
    if catalog.parent_of(table) is not None:
        return _Constrained(txn, catalog, table, ctx, copy)
    return txn


class _TableProxy:
    """A transaction proxy for writes to one table (`_table`): what it does
    not redefine goes to the transaction `_txn`; several rows inserted into
    its table go one by one through its own `insert`."""

    def __getattr__(self, name: str) -> Any:
        return getattr(self._txn, name)

    def insert_rows(self, table: QName, rows: Iterable[tuple]
                    ) -> tuple[int, SqlError | None]:
        if table != self._table:  # type: ignore[attr-defined]
            return self._txn.insert_rows(table, rows)  # type: ignore[attr-defined]
        return _row_by_row(self.insert, table, rows)  # type: ignore[attr-defined]


class _Constrained(_TableProxy):
    """Writes straight to a partition: each new row must satisfy its
    partition constraint (checked after NOT NULL and CHECK, before the
    unique keys, as ExecInsert does)."""

    def __init__(self, txn: Any, catalog: Catalog, table: QName,
                 ctx: Any, copy: bool = False) -> None:
        self._txn, self._table, self._ctx, self._copy = txn, table, ctx, copy
        self._test = partition_constraint(catalog, table)

    def _checked(self, table: QName, row: tuple) -> None:
        if table == self._table and self._test is not None:
            self._txn.check(table, row)
            if not self._test(row):
                raise violation(self._txn, table, row, self._ctx)

    def insert(self, table: QName, row: tuple) -> Any:
        self._checked(table, row)
        return self._txn.insert(table, row)

    def insert_block(self, table: QName, rows: list[tuple]
                     ) -> tuple[int, SqlError | None]:
        """INSERT: row by row. COPY (PostgreSQL's multi-insert): each row's
        NOT NULL, CHECK and partition constraint as it is read, the
        unique keys when the block goes in."""
        if table != self._table or self._test is None:
            return self._txn.insert_block(table, rows)
        if not self._copy:
            return self.insert_rows(table, rows)
        test = self._test
        for i, row in enumerate(rows):
            try:
                self._txn.check(table, row)
            except SqlError as exc:
                return i, exc
            if not test(row):
                return i, violation(self._txn, table, row, self._ctx)
        return self._txn.insert_block(table, rows)

    def update(self, table: QName, rid: Any, row: tuple,
               follow: bool = False) -> Any:
        self._checked(table, row)
        return self._txn.update(table, rid, row, follow)


def violation(txn: Any, table: QName, row: tuple, ctx: Any) -> SqlError:
    """ExecPartitionCheckEmitError."""
    return check_violation(f'new row for relation "{table.name}" violates '
                           "partition constraint", detail=failing_row(
                               txn.schema.tables[table], row, ctx.settings),
                           schema=table.schema, table=table.name)


class _Truncating:
    def __init__(self, txn: Any, catalog: Catalog) -> None:
        self._txn, self._catalog = txn, catalog

    def __getattr__(self, name: str) -> Any:
        return getattr(self._txn, name)

    def truncate(self, tables: Iterable[QName], **kw: Any) -> list[str]:
        """The named tables (a partitioned one's sequences restart with
        RESTART IDENTITY) and their partitions."""
        expanded: list[QName] = []
        for table in tables:
            for name in [table, *leaves(self._catalog, table)]:
                if name not in expanded:
                    expanded.append(name)
        return self._txn.truncate(expanded, **kw)


class PartitionedWrites(_TableProxy):
    """A Transaction whose `table` is the partitioned table's partitions."""

    def __init__(self, txn: Any, catalog: Catalog, table: QName,
                 ctx: Any, upsert: bool = False, only: bool = False,
                 copy: bool = False) -> None:
        self._txn, self._catalog, self._table, self._ctx = \
            txn, catalog, table, ctx
        self._upsert = upsert  # an INSERT's updates are ON CONFLICT's
        self._copy = copy  # blocks are COPY's (checks first, keys last)
        self._route = router(catalog, table)
        # UPDATE/DELETE ONLY: the partitioned table's own rows, none
        self._leaves = [] if only else leaves(catalog, table)
        self._own = partition_constraint(catalog, table)  # a partition too

    def _leaf(self, row: tuple) -> QName:
        if self._own is not None and not self._own(row):
            raise violation(self._txn, self._table, row, self._ctx)
        return self._route(row, self._ctx)

    def _up(self, leaf: QName, row: Any) -> Any:
        """A partition's row in the partitioned table's column order."""
        layout = layouts(self._catalog, self._table, leaf)
        return row if layout is None or row is None else layout[0](row)

    def _down(self, leaf: QName, row: tuple) -> tuple:
        """A row of the partitioned table in a partition's column order."""
        layout = layouts(self._catalog, self._table, leaf)
        return row if layout is None else layout[1](row)

    def _leaf_index(self, leaf: QName, index: str) -> str | None:
        """The name of `leaf`'s index attached (through any levels) to the
        parent's `index`."""
        mine = {i.name for i in self._catalog.indexes_of(leaf)}
        frontier = {QName(self._table.schema, index)}
        while frontier:
            children = [i.child for i in self._catalog.inherits
                        if i.parent in frontier]
            for child in children:
                if child in mine:
                    return child.name
            frontier = set(children)
        return None

    # -- inserts
    def insert(self, table: QName, row: tuple) -> Any:
        if table != self._table:
            return self._txn.insert(table, row)
        leaf = self._leaf(row)
        return (leaf, self._txn.insert(leaf, self._down(leaf, row)))

    def insert_block(self, table: QName, rows: list[tuple]
                     ) -> tuple[int, SqlError | None]:
        """INSERT: row by row. COPY (PostgreSQL's multi-insert, a buffer
        per partition): each row routed and its NOT NULL and CHECK tested
        as it is read, then one block per partition, whose unique keys
        fail at the first colliding row in input order (rows of different
        partitions cannot collide)."""
        if table != self._table:
            return self._txn.insert_block(table, rows)
        if not self._copy:
            return self.insert_rows(table, rows)
        groups: dict[QName, list[int]] = {}
        for i, row in enumerate(rows):
            try:
                leaf = self._leaf(row)
                self._txn.check(leaf, self._down(leaf, row))
            except SqlError as exc:
                return i, exc
            groups.setdefault(leaf, []).append(i)
        first, error = len(rows), None
        for leaf, positions in groups.items():
            done, failed = self._txn.insert_block(
                leaf, [self._down(leaf, rows[i]) for i in positions])
            if failed is not None and positions[done] < first:
                first, error = positions[done], failed
        return (len(rows), None) if error is None else (first, error)

    def check(self, table: QName, row: tuple) -> None:
        if table != self._table:
            return self._txn.check(table, row)
        target = self._leaf(row)
        self._txn.check(target, self._down(target, row))

    def find_conflict(self, table: QName, row: tuple,
                      indexes: Iterable[str] | None = None) -> Any:
        if table != self._table:
            return self._txn.find_conflict(table, row, indexes)
        leaf = self._leaf(row)
        mapped = None if indexes is None else [
            n for n in (self._leaf_index(leaf, i) for i in indexes) if n]
        hit = self._txn.find_conflict(leaf, self._down(leaf, row), mapped)
        return None if hit is None else (hit[0], (leaf, hit[1]))

    # -- reads
    def scan(self, table: QName) -> Iterator[tuple[Any, tuple]]:
        if table != self._table:
            yield from self._txn.scan(table)
            return
        for leaf in self._leaves:
            for rid, row in self._txn.scan(leaf):
                yield (leaf, rid), self._up(leaf, row)

    def scan_rows(self, table: QName) -> Iterator[tuple]:
        return map(itemgetter(1), self.scan(table))

    def committed_rows(self, table: QName) -> Any:
        return None if table == self._table else self._txn.committed_rows(table)

    def lookup(self, table: QName, index: str, values: Any) -> list:
        if table != self._table:
            return self._txn.lookup(table, index, values)
        out = []
        for leaf in self._leaves:
            name = self._leaf_index(leaf, index)
            if name is None:
                out.extend((r, row) for r, row in self.scan(table)
                           if r[0] == leaf)
                continue
            out.extend(((leaf, rid), self._up(leaf, row))
                       for rid, row in self._txn.lookup(leaf, name, values))
        return out

    def get(self, table: QName, rid: Any) -> tuple | None:
        if table != self._table:
            return self._txn.get(table, rid)
        return self._up(rid[0], self._txn.get(rid[0], rid[1]))

    def count(self, table: QName) -> int:
        if table != self._table:
            return self._txn.count(table)
        return sum(self._txn.count(leaf) for leaf in self._leaves)

    # -- changes
    def update(self, table: QName, rid: Any, row: tuple,
               follow: bool = False) -> Any:
        if table != self._table:
            return self._txn.update(table, rid, row, follow)
        leaf, own = rid
        target = self._leaf(row)
        try:
            if target == leaf:
                new = self._txn.update(leaf, own, self._down(leaf, row), follow)
                return None if new is None else (leaf, new)
            if self._upsert:
                raise SqlError(FEATURE_NOT_SUPPORTED, "invalid ON UPDATE specification",
                                             detail="The result tuple would appear in a "
                                             "different partition than the original tuple.")
            if not self._txn.delete(leaf, own, follow):
                return None
        except RowMoved as moved:
            raise RowMoved(None if moved.rid is None else (leaf, moved.rid),
                           self._up(leaf, moved.row)) from None
        return (target, self._txn.insert(target, self._down(target, row)))

    def delete(self, table: QName, rid: Any, follow: bool = False) -> bool:
        if table != self._table:
            return self._txn.delete(table, rid, follow)
        leaf, own = rid
        try:
            return self._txn.delete(leaf, own, follow)
        except RowMoved as moved:
            raise RowMoved(None if moved.rid is None else (leaf, moved.rid),
                           self._up(leaf, moved.row)) from None


def _row_by_row(insert: Callable[[QName, tuple], Any], table: QName,
                rows: Iterable[tuple]) -> tuple[int, SqlError | None]:
    """insert_rows() through `insert`: the rows in order as far as the
    first error; (rows inserted, that error or None)."""
    count = 0
    for row in rows:
        try:
            insert(table, row)
        except SqlError as exc:
            return count, exc
        count += 1
    return count, None
