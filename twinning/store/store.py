"""`MvccStore`: the committed versions, the lock tables and the sequences.

The store holds the newest committed `Version` and swaps it for a new one
when a writer commits; that one reference assignment is the atomic publish
(under a lock: concurrent writers commit one at a time, each overlay
applied onto the newest version). Older versions live exactly as long as
some statement still reads them. Row ids are allocated per table,
monotonically, under a lock (several writers draw them), so a row id names
one row version for good.

`MvccStore(state)` starts from a `CommittedState` (a loaded schema, or a
restored snapshot), building every index; `committed_state()` freezes the
newest version back into one for snapshots and reports.
"""

from __future__ import annotations

import threading
from types import MappingProxyType
from typing import Any, Callable, Mapping

from twinning.ir.catalog import Catalog, QName
from twinning.state import CommittedState
from twinning.store.catalog_merge import committed
from twinning.store.constraints import duplicate_on_build
from twinning.store.schema import CheckFn, DefaultFn, StoreSchema, TableInfo
from twinning.store.sequences import SequenceSession, SequenceTable
from twinning.store.transaction import Transaction
from twinning.store.versions import Overlay, TableVersion, Version
from twinning.store.pmap import RowMap
from twinning.store.relation_locks import RelationLocks
from twinning.store.row_locks import RowLocks
from twinning.store.unique_keys import UniqueKeys
from twinning.store.waits import DEFAULT_LOCK_TIMEOUT_MS, Waits
from twinning.values.settings import DEFAULT_SETTINGS


MOVED_LIMIT = 1 << 18


class MvccStore:
    """Versioned MVCC-lite store: the one the engine's sessions use."""

    def __init__(self, state: CommittedState, *,
                 checks: Mapping[QName, Mapping[str, CheckFn]] | None = None,
                 defaults: Mapping[QName, Mapping[str, DefaultFn]] | None = None,
                 lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS,
                 schema_for: Callable[[Catalog], StoreSchema] | None = None
                 ) -> None:
        """`checks`/`defaults` compile the starting catalog's CHECKs and
        column defaults; `schema_for` does that for any catalog (DDL)."""
        catalog = state.catalog
        schema_for = schema_for or (
            lambda cat: StoreSchema.build(cat, checks, defaults))
        schema = schema_for(catalog)
        self._start(schema_for, lock_timeout_ms, SequenceTable(
            {s.name: s for s in catalog.sequences}, state.sequences))
        tables = {}
        for table in catalog.tables:
            info = schema.tables[table.name]
            rows = state.rows.get(table.name, ())
            tables[table.name] = _build_table(info, rows)
            self._next_ids[table.name] = len(rows)
        self._latest = Version(0, MappingProxyType(tables), schema, 0,
                               state.ddl)
        self._origin = (self._latest, self.sequences.copy())

    def _start(self, schema_for: Callable[[Catalog], StoreSchema],
               lock_timeout_ms: int, sequences: SequenceTable) -> None:
        """Everything but the versions: locks, waits, row ids, sequences."""
        self.schema_for: Callable[[Catalog], StoreSchema] = schema_for
        self.waits = Waits(lock_timeout_ms)
        self.relation_locks = RelationLocks(self.waits)
        self.row_locks = RowLocks(self, self.waits)
        self.unique_keys = UniqueKeys()
        # (table, row id) of a committed row an UPDATE replaced → the row
        # id of its new version (PostgreSQL's ctid chain): READ COMMITTED
        # re-checks the newest version (`newest`), REPEATABLE READ's 40001
        # names "update" or "delete"; the oldest entries are forgotten
        # past MOVED_LIMIT (such a row then counts as deleted)
        self.moved: dict[tuple[QName, int], int] = {}
        self._id_lock = threading.Lock()
        self.sequences = sequences
        self._next_ids: dict[QName, int] = {}
        self._publish_lock = threading.Lock()
        # `twinning.journal.JournalWriter` when --journal is on: told of
        # every commit before it is published (`publish`, `Transaction.commit`)
        self.journal: Any = None

    # -- forks (CREATE DATABASE … TEMPLATE) and twinning.reset()
    def fork(self) -> MvccStore:
        """A new store whose first version is this one's newest committed
        version, shared: versions are immutable, so the cost is one dict
        copy per table and sequence list, whatever the rows. The fork has
        its own locks, sequences, row ids and journal (none)."""
        with self._publish_lock:
            latest = self._latest
            sequences = self.sequences.copy()
        twin = MvccStore.__new__(MvccStore)
        twin._start(self.schema_for, self.waits.default_timeout_ms, sequences)
        with self._id_lock:
            twin._next_ids = dict(self._next_ids)
        twin._latest = Version(latest.number, latest.tables,
                               _own_schema(latest.schema), latest.generation,
                               latest.ddl)
        twin._origin = (twin._latest, sequences.copy())
        return twin

    def reset(self) -> None:
        """Back to the version this store started from (loaded, restored
        or forked), published as the newest; sequences back to their
        positions then. Row ids keep growing (they name row versions)."""
        origin, sequences = self._origin
        with self._publish_lock:
            current = self._latest
            self._latest = Version(current.number + 1, origin.tables,
                                   origin.schema, origin.generation, origin.ddl)
            self.sequences.restore(sequences)
            self.moved.clear()

    @property
    def schema(self) -> StoreSchema:
        """The newest committed version's store schema."""
        return self._latest.schema

    @property
    def catalog(self) -> Catalog:
        """The newest committed catalog."""
        return self._latest.schema.catalog

    # -- the engine seam
    def begin(self, read_only: bool | Callable[[], bool] = False,
              keeps_snapshot: bool | Callable[[], bool] = False) -> Transaction:
        """A transaction; `read_only` may be a callable asked at each
        write, `keeps_snapshot` (REPEATABLE READ) at each statement."""
        return Transaction(self, read_only, keeps_snapshot)

    def session(self) -> SequenceSession:
        """Per-client-session sequence state (currval/lastval)."""
        return SequenceSession(self.sequences)

    @property
    def latest(self) -> Version:
        return self._latest

    # -- used by the writing transactions
    def allocate(self, table: QName) -> int:
        with self._id_lock:
            rid = self._next_ids.get(table, 0)
            self._next_ids[table] = rid + 1
        return rid

    def allocate_many(self, table: QName, count: int) -> int:
        """`count` consecutive row ids (as many allocate() calls): the
        first one."""
        with self._id_lock:
            rid = self._next_ids.get(table, 0)
            self._next_ids[table] = rid + count
        return rid

    def continue_ids(self, source: QName, target: QName) -> None:
        """`target`'s row ids continue after `source`'s (a renamed table
        keeps its rows, whose ids new ones must exceed)."""
        with self._id_lock:
            self._next_ids[target] = max(self._next_ids.get(target, 0),
                                         self._next_ids.get(source, 0))

    def reserve_ids(self, table: QName, next_id: int) -> None:
        """Row ids below `next_id` are taken (a replayed commit's)."""
        with self._id_lock:
            self._next_ids[table] = max(self._next_ids.get(table, 0), next_id)

    def replaced(self, successors: dict[tuple[QName, int], int]) -> None:
        """Committed rows an UPDATE replaced, with their new versions'
        ids (see `moved`)."""
        moved = self.moved
        with self._publish_lock:
            moved.update(successors)
            if len(moved) > MOVED_LIMIT:
                for key in list(moved)[:len(moved) - MOVED_LIMIT // 2]:
                    del moved[key]

    def publish(self, overlay: Overlay) -> None:
        """Make the overlay the newest version; with a journal, the commit
        is journaled first (an error there publishes nothing)."""
        with self._publish_lock:
            current = self._latest
            new = overlay.commit(current, current.number + 1) \
                if overlay.ddl_tables is None else \
                committed(overlay, current, current.number + 1, self.schema_for)
            if self.journal is not None:
                self.journal.committed(current, new, overlay)
            self._latest = new
            if overlay.sequences:
                self.sequences.publish(overlay.sequences)

    def newest(self, table: QName, rid: int) -> tuple[int, tuple] | None:
        """The newest committed version of row `rid` (id, row) following
        the UPDATE chain; None when it was deleted (or its chain was
        forgotten: see `moved`)."""
        rows = self._latest.tables[table].rows
        moved = self.moved
        while True:
            nxt = moved.get((table, rid))
            if nxt is None:
                return None
            row = rows.get(nxt)
            if row is not None:
                return nxt, row
            rid = nxt

    # -- freezing
    def committed_state(self) -> CommittedState:
        version = self._latest
        catalog = version.schema.catalog.without_temporary()  # sessions' own
        rows = {name: tuple(version.tables[name].rows.values())
                for name in (t.name for t in catalog.tables)}
        states = self.sequences.snapshot()  # may hold rolled-back creations
        return CommittedState(catalog, version.ddl, MappingProxyType(rows),
                              MappingProxyType({s.name: states[s.name]
                                                for s in catalog.sequences}))


def _own_schema(schema: StoreSchema) -> StoreSchema:
    """The same store schema with the fork's own TableInfo objects: each
    caches its store's in-flight unique-key dicts (`TableInfo.claims`)."""
    return StoreSchema(schema.catalog, {
        name: info.with_own_claims()
        for name, info in schema.tables.items()})


def _build_table(info: TableInfo, rows: tuple) -> TableVersion:
    pairs = list(enumerate(rows))
    indexes = []
    for defn in info.indexes:
        built, duplicate = defn.build(pairs)
        if duplicate is not None:
            raise duplicate_on_build(info, defn, rows[duplicate[1]],
                                     DEFAULT_SETTINGS)
        indexes.append(built)
    return TableVersion(RowMap.build(pairs), tuple(indexes))
