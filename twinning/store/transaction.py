"""A transaction: reads at the newest committed version, writes into its
own overlay, checks constraints in PostgreSQL's order.

READ COMMITTED: `statement_start()` moves the read base to the newest
committed version, the overlay with it (`TableOverlay.rebase`); the
statement then reads that version plus the transaction's overlay.
REPEATABLE READ keeps the first statement's. Writers run concurrently,
each statement taking PostgreSQL's relation lock on each table it reaches
(`relation_locks.py`: readers ACCESS SHARE, writers ROW EXCLUSIVE,
TRUNCATE and DDL stronger, `lock_for_ddl`): an UPDATE or DELETE takes the
row's lock (`row_locks.py`), waiting for a transaction that holds it; a
row that changed since the snapshot is READ COMMITTED's re-run of the
statement (`LockRetry`, after undoing what the statement wrote: a
statement savepoint, `_retry`) and REPEATABLE READ's 40001. A new unique
key is claimed (`unique_keys.py`), waiting for an in-flight transaction
that claimed it or is deleting the committed row that has it. Foreign-key
checks lock the parent row FOR KEY SHARE. Commit applies the overlay onto
the newest committed version (changes are by row id: ids are drawn
globally, deletions name committed rows this transaction holds locked).

Per written row, in PostgreSQL's order: NOT NULL and CHECK (ExecConstraints),
then each unique index, immediately; foreign keys are queued and checked by
`statement_end()` (`foreign_keys.py`). An update gives the row a new id (a
new tuple version, which is also why an updated row shows up last in a
scan, as in PostgreSQL's heap). Writing a row version that is already gone
is a no-op returning None/False, as PostgreSQL skips rows a statement
already changed.

After a SqlError from a write or from statement_end the transaction's
changes since its last savepoint are partial: the caller rolls back (or
back to a savepoint), which PostgreSQL's failed-transaction state forces
anyway.
"""

from __future__ import annotations

from collections import deque
from itertools import repeat
from operator import is_, itemgetter
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, check_violation, internal_error,
    not_null_violation, serialization_failure,
)
from twinning.ir.catalog import QName
from twinning.state import SequenceState
from twinning.store import constraints as cons
from twinning.store.catalog_merge import merged, owns
from twinning.store.foreign_keys import (ChildCheck, Event, ParentChange,
                                         parent_has,
                                         check_children, fire)
from twinning.store.pmap import DELETE, RowMap
from twinning.store.pmap import PMap, any_of
from twinning.store.relation_locks import (ACCESS_EXCLUSIVE, ACCESS_SHARE,
                                           COVERS, ROW_EXCLUSIVE, ROW_SHARE,
                                           covers)
from twinning.store.row_locks import GONE, SKIPPED, WRITTEN, LockRetry, RowMoved
from twinning.store.schema import TableInfo
from twinning.store.sequences import restarted
from twinning.store.unique_keys import UniqueKeys
from twinning.store.versions import Marker, Overlay, TableOverlay, TableVersion
from twinning.store.waits import Cancel
from twinning.values.settings import DEFAULT_SETTINGS, FormatSettings

if TYPE_CHECKING:
    from twinning.store.store import MvccStore

RowId = int


def _values_at(positions: Sequence[int]) -> Callable[[tuple], tuple]:
    """A row's values at `positions`, as a tuple (an itemgetter that always
    returns one)."""
    if len(positions) > 1:
        return itemgetter(*positions)
    if positions:
        only = positions[0]
        return lambda row: (row[only],)
    return lambda row: ()


# SELECT: one with data-modifying WITH queries (`execute_with`)
_RETRYABLE = frozenset(("INSERT", "UPDATE", "DELETE", "MERGE", "SELECT"))
_WRITE_COVERS = COVERS[ROW_EXCLUSIVE]  # held modes a row writer needs no more


class Transaction:
    """One session transaction over an `MvccStore` (not thread-safe: one
    session drives it)."""

    def __init__(self, store: MvccStore,
                 read_only: bool | Callable[[], bool] = False,
                 keeps_snapshot: bool | Callable[[], bool] = False) -> None:
        self._store = store
        self._read_only = read_only
        # REPEATABLE READ / SERIALIZABLE: the first statement's snapshot
        # serves the whole transaction (asked like `read_only`)
        self._keeps_snapshot = keeps_snapshot
        self._snapshot_taken = False
        self.settings: FormatSettings = DEFAULT_SETTINGS  # for error details
        self.context: Any = None  # handed to SET DEFAULT callables
        self._base = store.latest
        self.schema = self._base.schema  # the tables' shape this txn sees
        self._tables = self._base.tables
        self._overlay = Overlay()
        self._pending: deque[Event] = deque()
        # DEFERRABLE foreign keys' checks waiting for COMMIT, and SET
        # CONSTRAINTS' modes (constraint name, or None for ALL → deferred?)
        self._deferred: deque[Event] = deque()
        self._modes: dict[str | None, bool] = {}
        self._lock_timeout_ms = 0
        self._cancel: Cancel = None
        self._open = True
        self._row_locks: list = []  # what this transaction locked (undo log)
        self._claims: list = []  # unique keys it claimed: [(claims, keys)]
        # (table, rid) → new version's rid, of every row it updated
        self._successors: dict[tuple[QName, int], int] = {}
        # the running write statement's undo point: (overlay marker or
        # None for "nothing written before", row locks, claims)
        self._stmt: tuple | None = None
        # relation locks (`relation_locks.py`): key -> mask of modes held,
        # and the undo log of (key, mask before) savepoints cut
        self._held: dict = {}
        self._lock_log: list = []
        self._wrote = False  # wrote a table or changed the catalog (else: no publish)
        # may a lock wait in this statement run it again on a new snapshot
        # (LockRetry: the caller's loop catches it)?
        self.restartable = False

    @property
    def read_only(self) -> bool:
        """READ ONLY: writes and nextval/setval get 25006. A callable is
        asked each time (the session's transaction_read_only can change
        until the transaction's first query)."""
        flag = self._read_only
        return flag() if callable(flag) else flag

    @property
    def snapshot_taken(self) -> bool:
        """Has a statement read the store yet (PostgreSQL's
        FirstSnapshotSet)?"""
        return self._snapshot_taken

    def take_snapshot(self) -> None:
        """A statement that reads no table (SELECT 1) still fixes a
        REPEATABLE READ transaction's snapshot, as PostgreSQL's does."""
        if not self._snapshot_taken:
            self._refresh()

    @property
    def keeps_snapshot(self) -> bool:
        flag = self._keeps_snapshot
        return self._snapshot_taken and (flag() if callable(flag) else flag)

    # ------------------------------------------------------------ statements
    def statement_start(self, *, writes: str | None = None, lock_timeout_ms: int = 0,
                        cancel: Cancel = None, retry: bool = False) -> None:
        """Begin a statement: read the newest committed version (READ
        COMMITTED). A statement that will write names its command
        (`writes="UPDATE"`): a read-only transaction gets 25006 naming it.
        Its relation locks are taken as it reaches each table (waiting up
        to `lock_timeout_ms`, 0 = the store default; `cancel` is polled
        while waiting); `retry`: the caller runs the statement again on
        LockRetry (reads; the retryable writes always do)."""
        self._assert_open()
        self._lock_timeout_ms = lock_timeout_ms
        self._cancel = cancel
        self._pending.clear()
        self._stmt = None
        self.restartable = retry or writes == "TRUNCATE TABLE"
        if writes:
            if self.read_only:
                raise cons.read_only(writes)
            self._refresh()
            if writes in _RETRYABLE:
                overlay = self._overlay
                marker = overlay.savepoint(len(self._lock_log)) \
                    if overlay.logging or not overlay.empty else None
                self._stmt = (marker, len(self._row_locks), len(self._claims))
                self.restartable = True
        else:
            self._refresh()

    def statement_end(self) -> None:
        """Run the statement's queued foreign-key checks and actions (a
        deferred constraint's checks wait for `check_deferred`); under
        READ COMMITTED they see the newest committed rows, as the RI
        queries' fresh snapshot does."""
        pending = self._pending
        if pending and not self.keeps_snapshot:
            self._rebase()
        while pending:
            event = pending.popleft()
            if event.link.deferrable and self._is_deferred(event):
                self._deferred.append(event)
            else:
                fire(self, event)
        stmt, self._stmt = self._stmt, None
        self.restartable = False
        if stmt is not None and stmt[0] is not None:
            try:
                self._overlay.release(stmt[0])
            except ValueError:  # already undone
                pass

    def _retry(self) -> None:
        """A row changed since this statement's snapshot (READ COMMITTED):
        undo what the statement wrote and locked, and have it run again
        on a new snapshot (LockRetry, caught by the session)."""
        stmt, self._stmt = self._stmt, None
        if stmt is None:  # a statement that cannot be undone (COPY)
            raise serialization_failure("could not serialize access due to "
                                        "concurrent update")
        marker, locks, claims = stmt
        if marker is None:
            self._overlay = Overlay()
        else:
            self._overlay.rollback_to(marker)
            self._overlay.release(marker)
        self._pending.clear()
        taken = self._row_locks[locks:]
        del self._row_locks[locks:]
        undone = self._claims[claims:]
        del self._claims[claims:]
        UniqueKeys.undo(self, undone)
        self._store.row_locks.undo(self, taken)
        raise LockRetry()

    def check_inserted(self) -> None:
        """Run the statement's queued foreign-key checks now, when they are
        all child checks of inserted rows (a bulk load): as
        statement_end() would, in order, with the same first error, but
        each parent key looked up once (`foreign_keys.check_children`)."""
        pending = self._pending
        if pending and not self.keeps_snapshot:
            self._rebase()
        if all(type(event) is ChildCheck and not event.link.deferrable
               for event in pending):
            events = list(pending)
            pending.clear()
            check_children(self, events)  # type: ignore[arg-type]

    # ------------------------------------------------------- deferred checks
    def _is_deferred(self, event: Event) -> bool:
        """A check of a DEFERRABLE foreign key in deferred mode (SET
        CONSTRAINTS, else INITIALLY DEFERRED); actions other than NO
        ACTION never wait, as PostgreSQL's RI action triggers do not."""
        link = event.link
        if isinstance(event, ParentChange):
            action = link.on_delete if event.new is None else link.on_update
            if action != "NO ACTION":
                return False
        modes = self._modes
        if link.name in modes:
            return modes[link.name]
        return modes.get(None, link.deferred)

    def set_constraints(self, names: list[str] | None, deferred: bool) -> None:
        """SET CONSTRAINTS {ALL | names} {DEFERRED | IMMEDIATE}; checks
        that become immediate run now."""
        if names is None:
            self._modes = {None: deferred}
        else:
            for name in names:
                self._modes[name] = deferred
        if not deferred:
            waiting, self._deferred = self._deferred, deque()
            for event in waiting:
                if self._is_deferred(event):
                    self._deferred.append(event)
                else:
                    fire(self, event)

    def check_deferred(self) -> None:
        """COMMIT: the deferred foreign-key checks, in the order queued
        (under READ COMMITTED on the newest committed rows)."""
        waiting = self._deferred
        if waiting and not self.keeps_snapshot:
            self._rebase()
        while waiting:
            fire(self, waiting.popleft())

    def _refresh(self) -> None:
        """Read the newest version, the overlay moved onto it; a
        REPEATABLE READ transaction stays on its first statement's."""
        if not self.keeps_snapshot:
            self._rebase()
        self._snapshot_taken = True

    def _rebase(self) -> None:
        latest = self._store.latest
        overlay = self._overlay
        if overlay.schema is not None:  # its own DDL, merged onto the newest
            if overlay.ddl_base is not latest:
                schema, tables = merged(overlay, latest, self._store.schema_for)
                overlay.rebased(schema, tables, latest)
                self.schema, self._tables = schema, tables
            self._base = latest
            return
        if latest is self._base:
            return
        if overlay.empty and not overlay.logging:
            overlay.tables.clear()
        else:
            for name, table in overlay.tables.items():
                committed = latest.tables.get(name)
                if committed is not None:
                    table.rebase(committed)
        self._base = latest
        self.schema = latest.schema
        self._tables = latest.tables

    @property
    def catalog(self):
        """The catalog this transaction sees: its own DDL's, else the
        committed one its statement reads."""
        return self.schema.catalog

    def view(self) -> tuple[Any, int | None]:
        """(store schema, catalog generation) the next statement plans
        against: this transaction's own DDL (generation None: a catalog no
        other statement shares), else the newest committed version, which
        the statement's start moves to (READ COMMITTED), or the snapshot
        REPEATABLE READ keeps (planning on a newer catalog than the one it
        reads would re-plan for ever)."""
        overlay = self._overlay
        if overlay.schema is not None:
            if overlay.ddl_base.schema is not self._store.latest.schema and \
                    not self.keeps_snapshot:
                self._rebase()  # DDL committed since: its own merged onto it
            return self.schema, None
        base = self._store.latest
        if base is not self._base and self.keeps_snapshot:
            base = self._base
        return base.schema, base.generation

    def apply_schema(self, schema: Any, text: str | None,
                     renamed: dict[QName, QName] | None = None,
                     converted: dict[QName, dict[int, Callable]] | None = None,
                     step: Callable | None = None) -> None:
        """A DDL statement (the caller took its locks, `lock_for_ddl`;
        `step`: the statement as a function of a catalog, for merging
        onto a newer one): the tables
        follow `schema` from now on. New tables start empty, dropped ones
        go, a renamed one keeps its rows; a table that gained columns has
        them filled from their defaults (per row, as PostgreSQL does) and
        one with other indexes has them built over its rows; a column of a
        new type has each row's value from `converted` (table → attnum →
        fn(old row, context)); the rows are checked against the
        constraints the table gained (all of them after a type change)."""
        old = self.schema.tables
        before = self.schema
        origin = {new: was for was, new in (renamed or {}).items()}
        converted = converted or {}
        tables = {}
        for name, info in schema.tables.items():
            was = origin.get(name, name)
            current = self._tables.get(was) if was in old else None
            if current is None:
                tables[name] = TableVersion.empty(info)
                continue
            if was != name:
                self._renamed(was, name)
            prior = old[was]
            if _attnums(prior) == _attnums(info) and name not in converted and \
                    [d.name for d in info.indexes] == [d.name for d in prior.indexes]:
                tables[name] = current
            else:
                tables[name] = self._rebuilt(was, prior, info,
                                             converted.get(name, {}))
        self._wrote = True
        self._overlay.change_schema(schema, tables, text, self._base, step)
        self.schema = schema
        self._tables = tables
        for name, info in schema.tables.items():
            was = origin.get(name, name)
            if was in old:
                self._validate(before.tables[was], info, name in converted)

    def _renamed(self, was: QName, name: QName) -> None:
        overlay = self._overlay.tables.get(was)
        if overlay is not None and overlay.changed:
            raise SqlError(FEATURE_NOT_SUPPORTED, "renaming a table written in the same "
                                         "transaction is not supported by twinning")
        self._overlay.tables.pop(was, None)
        self._store.continue_ids(was, name)

    def _rebuilt(self, name: QName, prior: TableInfo, info: TableInfo,
                 converted: dict[int, Callable]) -> TableVersion:
        """A table's version for a new shape: each column's values moved
        to its new place (columns are known by attnum, which renames keep),
        dropped ones gone, added ones filled per row from their defaults,
        every index built over the rows (23505 when a new unique index
        finds duplicates)."""
        overlay = self._overlay.tables.get(name)
        if overlay is not None and overlay.changed:
            raise SqlError(FEATURE_NOT_SUPPORTED, "ALTER TABLE or CREATE INDEX on a table "
                                         "written in the same transaction is not supported "
                                         "by twinning")
        rows = self._tables[name].rows
        was_at = {attnum: slot for slot, attnum in enumerate(_attnums(prior))}
        sources = [was_at.get(attnum) for attnum in _attnums(info)]
        if sources != list(range(len(prior.columns))) or converted:
            fills = {slot: info.defaults.get(slot)
                     for slot, source in enumerate(sources) if source is None}
            convert = {slot: converted[attnum]
                       for slot, attnum in enumerate(_attnums(info))
                       if attnum in converted}
            context = self.context

            def moved(row: tuple) -> tuple:
                return tuple(
                    convert[slot](row, context) if slot in convert
                    else row[source] if source is not None
                    else None if fills[slot] is None else fills[slot](context)
                    for slot, source in enumerate(sources))
            rows = RowMap.build([(rid, moved(row)) for rid, row in rows.items()])
        return self._indexed(name, info, rows)

    def _validate(self, before: TableInfo, info: TableInfo,
                  rewritten: bool = False) -> None:
        """ALTER TABLE's check of the rows a table already has against
        the constraints it just gained, or all of them when its rows were
        `rewritten` with new values (ATRewriteTable, validateForeignKey-
        Constraint): NOT NULL, CHECK, then FOREIGN KEY."""
        had_not_null = set() if rewritten else \
            {before.table.columns[p].attnum for p in before.not_null}
        not_null = [p for p in info.not_null
                    if info.table.columns[p].attnum not in had_not_null]
        had = set() if rewritten else {n for n, _ in before.checks}
        checks = [(n, f) for n, f in info.checks if n not in had]
        had = set() if rewritten else {link.name for link in before.fks_out}
        links = [link for link in info.fks_out if link.name not in had]
        if rewritten:  # the keys other tables reference may have changed
            for link in info.fks_in:
                child = self.schema.tables[link.child]
                for _, row in self.scan(link.child):
                    key = link.child_key(row)
                    if None not in key and not parent_has(self, link, key):
                        raise cons.fk_missing_parent(link, child, row,
                                                     self.settings)
        if not (not_null or checks or links):
            return
        rows = [row for _, row in self.scan(info.name)]
        table = info.name.name
        for position in not_null:
            if any(row[position] is None for row in rows):
                raise not_null_violation(f'column "{info.columns[position]}" of '
                                         f'relation "{table}" contains null values',
                                         schema=info.name.schema, table=table,
                                         column=info.columns[position])
        for name, check in checks:
            if any(check(row) is False for row in rows):
                raise check_violation(f'check constraint "{name}" of relation '
                                      f'"{table}" is violated by some row',
                                      schema=info.name.schema, table=table,
                                      constraint=name)
        for link in links:
            for row in rows:
                key = link.child_key(row)
                if None not in key and not parent_has(self, link, key):
                    raise cons.fk_missing_parent(link, info, row, self.settings)

    def _reindexed(self, name: QName, info: TableInfo) -> TableVersion:
        """A table's version with the indexes `info` lists, built over its
        committed rows (23505 when a new unique index finds duplicates)."""
        overlay = self._overlay.tables.get(name)
        if overlay is not None and overlay.changed:
            raise SqlError(FEATURE_NOT_SUPPORTED, "CREATE INDEX on a table written in the "
                                         "same transaction is not supported by twinning")
        rows = self._tables[name].rows
        return self._indexed(name, info, rows)

    def _indexed(self, name: QName, info: TableInfo, rows: Any) -> TableVersion:
        """The table's new version: `rows` with every index `info` lists
        built over them (23505 when a unique one finds duplicates); the
        overlay's changes to the table are in `rows` now."""
        pairs = list(rows.items())
        indexes = []
        for defn in info.indexes:
            built, duplicate = defn.build(pairs)
            if duplicate is not None:
                raise cons.duplicate_on_build(info, defn, rows.get(duplicate[1]),
                                              self.settings)
            indexes.append(built)
        self._overlay.tables.pop(name, None)
        return TableVersion(rows, tuple(indexes))

    @property
    def version(self) -> int:
        """The committed version number this transaction reads."""
        return self._base.number

    @property
    def holds_locks(self) -> bool:
        """Does it hold a relation lock?"""
        return bool(self._held)

    # ------------------------------------------------------- relation locks
    def _lock(self, key: Any, mode: int, nowait: bool = False) -> bool:
        """Take a relation lock (True: it waited)."""
        return self._store.relation_locks.take(
            self, self._held, self._lock_log, key, mode, self._lock_timeout_ms,
            self._cancel, nowait)

    def _lock_read(self, table: QName, mode: int = ACCESS_SHARE,
                   first: bool = True) -> None:
        """The first read of a table in this transaction (ACCESS SHARE;
        ROW SHARE for locking reads and foreign-key checks, ROW EXCLUSIVE
        for writes, on a table it may hold already: not `first`). A statement
        that waited, or that finds DDL committed since its snapshot, runs
        again on a new one when it can (`restartable`), as PostgreSQL
        takes its locks before its snapshot."""
        store = self._store
        waited = store.relation_locks.first(
            self, self._held, self._lock_log, table, mode, self._lock_timeout_ms,
            self._cancel) if first else store.relation_locks.take(
            self, self._held, self._lock_log, table, mode, self._lock_timeout_ms,
            self._cancel)
        latest, base = store._latest, self._base
        if ((waited and latest is not base) or latest.generation != base.generation) \
                and self.restartable and not self.keeps_snapshot:
            if self._stmt is not None:
                self._retry()
            self.restartable = False
            raise LockRetry()

    def _lock_write(self, table: QName, command: str) -> None:
        """A row writer's ROW EXCLUSIVE lock, at its first write of the
        table in this transaction."""
        if self.read_only:
            raise cons.read_only(command)
        self._lock_read(table, ROW_EXCLUSIVE, False)
        latest = self._store.latest
        if latest.generation != self._base.generation and \
                not owns(self._overlay, table) and \
                latest.schema.catalog.table(table) != self.catalog.table(table):
            # DDL on it committed since the snapshot (REPEATABLE READ's,
            # or a statement that cannot run again): never write rows of
            # the old shape
            raise _serialization("update")

    def lock_target(self, table: QName, command: str) -> None:
        """A write statement's ROW EXCLUSIVE lock on its target, taken at
        its start whether it writes a row or not (LockRetry when it waited
        for DDL that committed)."""
        if not self._held.get(table, 0) & _WRITE_COVERS:
            self._lock_write(table, command)

    def lock_relation(self, key: Any, mode: int, nowait: bool = False,
                      lock_timeout_ms: int = 0, cancel: Cancel = None) -> None:
        """LOCK TABLE: `mode` on `key` until the transaction (or the
        subtransaction that took it) ends; NOWAIT's 55P03."""
        self._assert_open()
        if covers(self._held.get(key, 0), mode):
            return
        self._lock_timeout_ms, self._cancel = lock_timeout_ms, cancel
        self._lock(key, mode, nowait)

    def lock_for_ddl(self, targets: Iterable[tuple[Any, int]]
                     ) -> tuple[bool, list]:
        """A DDL statement's locks (`ddl_locks.lock_targets`): (moved, the
        keys it waited for). `moved`: DDL was committed meanwhile, the
        transaction has moved onto the newest version and the statement
        must be worked out again on it (it also moves when only rows were
        committed: the locked tables' rows are then the newest, and stay
        so). Under REPEATABLE READ, a catalog or locked table changed
        since the snapshot is 40001."""
        targets = list(targets)
        waited = [key for key, mode in targets
                  if not covers(self._held.get(key, 0), mode) and self._lock(key, mode)]
        latest, base = self._store.latest, self._base
        if self.keeps_snapshot:
            if latest.generation != base.generation or any(
                    latest.tables.get(key) is not base.tables.get(key)
                    for key, _ in targets if isinstance(key, QName)):
                raise _serialization("update")
            return False, waited
        overlay = self._overlay
        if latest is base and (overlay.schema is None or overlay.ddl_base is latest):
            return False, waited
        catalog_moved = latest.schema is not (
            overlay.ddl_base.schema if overlay.schema is not None else base.schema)
        self._rebase()
        return catalog_moved, waited

    # ------------------------------------------------------------ reads
    def info(self, table: QName) -> TableInfo:
        return self.schema.tables[table]

    def get(self, table: QName, rid: RowId) -> tuple | None:
        if table not in self._held:
            self._lock_read(table)
        overlay = self._overlay.tables.get(table)
        if overlay is not None:
            return overlay.get(rid)
        return self._tables[table].rows.get(rid)

    def scan(self, table: QName) -> Iterator[tuple[RowId, tuple]]:
        """(row id, row) in heap order; writes made while iterating are not
        visited."""
        overlay = self._read_overlay(table)
        if overlay is not None:
            return overlay.scan()
        return self._tables[table].rows.items()

    def scan_rows(self, table: QName) -> Iterator[tuple]:
        """The rows of `scan`, without their ids."""
        overlay = self._read_overlay(table)
        if overlay is not None:
            return overlay.scan_rows()
        return self._tables[table].rows.values()

    def _read_overlay(self, table: QName) -> Any:
        """`table` locked for reading; this transaction's overlay of it
        (None where it has not written it)."""
        if table not in self._held:
            self._lock_read(table)
        return self._overlay.tables.get(table)

    def committed_rows(self, table: QName) -> RowMap | None:
        """The committed rows this transaction reads of `table`, or None
        once it has written the table (then only `scan` shows its rows)."""
        if table not in self._held:
            self._lock_read(table)
        if table in self._overlay.tables:
            return None
        return self._tables[table].rows

    def count(self, table: QName) -> int:
        if table not in self._held:
            self._lock_read(table)
        overlay = self._overlay.tables.get(table)
        if overlay is None:
            return len(self._tables[table].rows)
        return sum(1 for _ in overlay.scan())

    def lookup_ids(self, table: QName, index: str, values: Sequence[Any]) -> Iterable[RowId]:
        """Row ids whose index columns equal `values` (in the index's column
        order); nothing for a NULL unless the index is NULLS NOT DISTINCT."""
        if table not in self._held:
            self._lock_read(table)
        info = self.schema.tables[table]
        i = info.index_pos[index]
        key = info.indexes[i].key_of_values(values)
        if key is None:
            return ()
        overlay = self._overlay.tables.get(table)
        if overlay is not None:
            return overlay.indexes[i].lookup(key)
        found = self._tables[table].indexes[i].get(key)
        if found is None:
            return ()
        return (found,) if info.indexes[i].unique else found

    def lookup(self, table: QName, index: str, values: Sequence[Any]) -> list[tuple[RowId, tuple]]:
        """The rows an index lookup finds, in row-id order."""
        out = []
        rids = self.lookup_ids(table, index, values)  # locks the table
        if not rids:
            return out
        overlay = self._overlay.tables.get(table)
        get = overlay.get if overlay is not None else self._tables[table].rows.get
        for rid in sorted(rids):
            row = get(rid)
            if row is not None:
                out.append((rid, row))
        return out

    def index_for(self, table: QName, columns: Sequence[str]) -> str | None:
        """The name of an index on exactly `columns` (unique ones first)."""
        info = self.schema.tables[table]
        wanted = tuple(columns)
        for defn in sorted(info.indexes, key=lambda d: not d.unique):
            if defn.columns == wanted and not defn.name.startswith("fk:"):
                return defn.name
        return None

    def find_conflict(self, table: QName, row: tuple,
                      indexes: Iterable[str] | None = None) -> tuple[str, RowId] | None:
        """The first unique index (in check order) where `row` collides with
        a row: what ON CONFLICT arbitrates on. A key an in-flight
        transaction is writing is waited for first; a conflicting row
        committed after this statement's snapshot is 40001 under
        REPEATABLE READ (PostgreSQL's ExecCheckTIDVisible), and under READ
        COMMITTED the table's overlay moves onto the newest version so
        that DO UPDATE reads and writes that row (ExecOnConflictUpdate)."""
        overlay = self._table(table, "INSERT")
        info = overlay.info
        wanted = None if indexes is None else set(indexes)
        for i, defn in enumerate(info.indexes):
            if not defn.unique or (wanted is not None and defn.name not in wanted):
                continue
            key = defn.key(row)
            if key is None:
                continue
            rid = self._key_holder(overlay, i, key, claim=False)
            if rid is not None:
                if overlay.get(rid) is None:  # committed after the snapshot
                    if self.keeps_snapshot:
                        raise _serialization("update")
                    # READ COMMITTED acts on the newest committed row
                    overlay.rebase(self._store.latest.tables[table])
                return defn.name, rid
        return None

    def _committed_index(self, overlay: TableOverlay, i: int) -> PMap:
        """The newest committed map of index `i` (what a unique check
        looks at: rows committed after the snapshot count too)."""
        if overlay.truncated or self._base is self._store.latest or \
                owns(self._overlay, overlay.info.name):
            return overlay.indexes[i].base  # the newest, or this txn's alone
        latest = self._store.latest.tables.get(overlay.info.name)
        return overlay.indexes[i].base if latest is None else latest.indexes[i]

    def _key_holder(self, overlay: TableOverlay, i: int, key: tuple,
                    claim: bool) -> RowId | None:
        """The row that has `key` in unique index `i` — this transaction's
        own, or a committed one it has not deleted — after waiting for an
        in-flight transaction that claimed the key or is deleting that
        committed row (None: the key is free). With `claim`, the key is
        claimed for this transaction first (kept even when taken: the
        caller's 23505 aborts the statement)."""
        own = overlay.indexes[i].changes.get(key)
        if own is not None and own is not DELETE:
            return own
        info = overlay.info
        table = info.name
        if not info.claims:
            info.claims = self._store.unique_keys.of(table, len(info.indexes))
        claims = info.claims[i]
        while True:
            holder = claims.get(key)
            fresh = False
            if holder is None and claim:
                holder = claims.setdefault(key, self)
                fresh = holder is self
            if holder is not None and holder is not self:
                self._wait(lambda: _other(claims.get(key), self))
                continue
            if fresh:
                self._claims.append((claims, (key,)))
            if own is DELETE:
                return None
            rid = self._committed_index(overlay, i).get(key)
            if rid is None or overlay.rows.get(rid) is DELETE:
                return None
            writer = self._store.row_locks.writer_of(table, rid)
            if writer is None or writer is self:
                return rid
            if fresh:  # not held while waiting: the writer may want it
                self._claims.pop()
                claims.pop(key, None)
            self._wait(lambda: _other(self._store.row_locks.writer_of(table, rid),
                                      self))

    def _wait(self, blocker: Callable[[], Any]) -> None:
        waits = self._store.waits
        with waits.cond:
            waits.wait_until_free(self, blocker, self._lock_timeout_ms, self._cancel)

    # ------------------------------------------------------------ row locks
    def lock_row(self, table: QName, rid: RowId, strength: int, wait: str) -> bool:
        """SELECT … FOR …: lock row `rid` (`row_locks.py`); False when
        SKIP LOCKED skips it. A row changed by a transaction that committed
        after this statement's snapshot: 40001 when the snapshot is kept,
        else LockRetry (the statement runs again)."""
        if not covers(self._held.get(table, 0), ROW_SHARE):
            self._lock_read(table, ROW_SHARE, False)
        overlay = self._overlay.tables.get(table)
        result = self._store.row_locks.lock(
            self, table, rid, strength, wait, self._lock_timeout_ms,
            self._cancel, self._row_locks,
            own=overlay is not None and overlay.is_new(rid))
        if result is GONE:
            if self.keeps_snapshot:
                raise _serialization("update")
            raise LockRetry()
        return result is not SKIPPED

    def lock_parent(self, table: QName, index: str, values: Sequence[Any]) -> bool:
        """A foreign-key check: is there a parent row with `values` in
        `index`? It is locked FOR KEY SHARE (waiting for a transaction
        deleting it or changing its key). A parent gone since the
        snapshot is looked for again in the newest version (READ
        COMMITTED) or is 40001 (REPEATABLE READ)."""
        if not covers(self._held.get(table, 0), ROW_SHARE):
            self._lock_read(table, ROW_SHARE, False)
        while True:
            rid = next(iter(self.lookup_ids(table, index, values)), None)
            if rid is None:
                return False
            overlay = self._overlay.tables.get(table)
            result = self._store.row_locks.lock(
                self, table, rid, 0, "block", self._lock_timeout_ms,
                self._cancel, self._row_locks,
                own=overlay is not None and overlay.is_new(rid))
            if result is not GONE:
                return True
            if self.keeps_snapshot:
                raise _serialization("update")
            self._rebase()

    def _lock_for_write(self, table: QName, rid: RowId, strength: int,
                        follow: bool = False) -> None:
        """UPDATE/DELETE of committed row `rid`: its lock, WRITTEN (waits
        for a holder that conflicts); a row changed since the snapshot is
        40001 (REPEATABLE READ), else — with `follow` — `RowMoved` naming
        its newest version for the caller to re-check (EvalPlanQual), or
        the statement's re-run."""
        result = self._store.row_locks.lock(
            self, table, rid, strength | WRITTEN, "block", self._lock_timeout_ms,
            self._cancel, self._row_locks)
        if result is GONE:
            if self.keeps_snapshot:
                moved = (table, rid) in self._store.moved
                raise _serialization("update" if moved else "delete")
            if follow:
                raise RowMoved(*(self._store.newest(table, rid) or (None, None)))
            self._retry()

    def _changed_since(self, overlay: TableOverlay, rid: RowId, follow: bool
                       ) -> tuple | None:
        """UPDATE/DELETE of a row id the transaction does not see: None
        (already gone: this statement changed it, or a caller that does
        not `follow`); under READ COMMITTED with `follow`, the newest
        version EvalPlanQual handed back (the table's overlay moves onto
        the newest version to write it), or `RowMoved` when that row too
        changed since."""
        if not follow or self.keeps_snapshot or rid in overlay.rows:
            return None
        latest = self._store.latest.tables[overlay.info.name]
        row = latest.rows.get(rid)
        if row is None:
            raise RowMoved(*(self._store.newest(overlay.info.name, rid)
                             or (None, None)))
        overlay.rebase(latest)
        return row

    def overlay_table(self, table: QName) -> TableOverlay | None:
        """This transaction's uncommitted changes to `table` (what another
        session's locker looks at)."""
        return self._overlay.tables.get(table)

    def _committed_successors(self) -> dict[tuple[QName, int], int]:
        """Committed rows this transaction updated → the id of their last
        version (its own intermediate versions skipped); rows it then
        deleted, or whose update a savepoint undid, are left out."""
        successors, tables = self._successors, self._overlay.tables
        out = {}
        for key, new in successors.items():
            table = tables.get(key[0])
            if table is None or table.rows.get(key[1]) is not DELETE:
                continue  # its own row, or the update was undone
            while not table.is_new(new) and (key[0], new) in successors:
                new = successors[key[0], new]  # updated again (not undone)
            if table.is_new(new):
                out[key] = new
        return out

    def _end_locks(self) -> None:
        """Give back the relation locks, claimed keys and row locks
        (waiters woken)."""
        if self._held:
            self._store.relation_locks.release_all(self, self._held)
            self._lock_log.clear()
        claims, locks = self._claims, self._row_locks
        if claims:
            UniqueKeys.undo(self, claims)
            self._claims = []
        if locks:
            self._store.row_locks.release_all(self, locks)
            self._row_locks = []
        elif claims and self._store.waits.waiting:
            self._store.waits.wake()  # an inserter waits for a key
        self._successors = {}

    # ------------------------------------------------------------ writes
    def take_writer(self, command: str) -> None:
        """DDL run inside a statement (a function's): 25006 in a read-only
        transaction (its locks are `lock_for_ddl`'s)."""
        self._assert_open()
        if self.read_only:
            raise cons.read_only(command)

    def _table(self, table: QName, command: str) -> TableOverlay:
        if not self._held.get(table, 0) & _WRITE_COVERS:
            self._lock_write(table, command)
        overlay = self._overlay.tables.get(table)
        if overlay is None:
            self._wrote = True  # (a lock held already may cover the write)
            overlay = self._overlay.table(self.schema.tables[table], self._tables[table])
        return overlay

    def check(self, table: QName, row: tuple) -> None:
        """NOT NULL and CHECK on a proposed row (23502 / 23514), as
        ExecInsert runs them before looking for an ON CONFLICT arbiter."""
        cons.check_row(self.schema.tables[table], row, self.settings)

    def insert(self, table: QName, row: Sequence[Any]) -> RowId:
        """Insert a complete row (column order, values already coerced)."""
        overlay = self._table(table, "INSERT")
        info = overlay.info
        row = tuple(row)
        cons.check_row(info, row, self.settings)
        for i, defn in enumerate(info.indexes):
            if defn.unique:
                key = defn.key(row)
                if key is not None and \
                        self._key_holder(overlay, i, key, True) is not None:
                    raise cons.unique_violation(info, defn, row, self.settings)
        rid = self._store.allocate(table)
        self._overlay.appear(overlay, rid, row)
        for link in info.fks_out:
            if None not in link.child_key(row):
                self._pending.append(ChildCheck(link, rid))
        return rid

    def insert_rows(self, table: QName, rows: Iterable[tuple]
                    ) -> tuple[int, SqlError | None]:
        """`insert` each row in turn, for a bulk load (COPY FROM): the same
        checks in the same order, the same errors and changes, with what
        `insert` looks up per row (the table's lock, its overlay,
        constraints and indexes) looked up once and each index key computed
        once. Stops at the first row a constraint refuses: returns how many
        rows were inserted and that error (None when all were). `rows` is
        consumed lazily, and an error raised while producing a row
        propagates as it is."""
        overlay = self._table(table, "INSERT")
        info = overlay.info
        settings = self.settings
        checks = info.checks
        fks = [(link, _values_at(link.child_positions)) for link in info.fks_out]
        not_null = _values_at(info.not_null)
        key_of = [defn.key for defn in info.indexes]
        uniques = [(i, defn) for i, defn in enumerate(info.indexes) if defn.unique]
        appear_new, pending = self._overlay.appear_new, self._pending
        allocate, holder = self._store.allocate, self._key_holder
        count = 0
        for row in rows:
            try:
                if None in not_null(row):
                    cons.check_row(info, row, settings)  # the first NOT NULL error
                for name, check in checks:
                    if check(row) is False:
                        raise cons.check_violation(info, name, row, settings)
                keys = [key(row) for key in key_of]
                for i, defn in uniques:
                    key = keys[i]
                    if key is not None and holder(overlay, i, key, True) is not None:
                        raise cons.unique_violation(info, defn, row, settings)
            except SqlError as exc:
                return count, exc
            rid = allocate(table)
            count += 1
            appear_new(overlay, rid, row, keys)
            for link, child_key in fks:
                if None not in child_key(row):
                    pending.append(ChildCheck(link, rid))
        return count, None

    def insert_block(self, table: QName, rows: list[tuple]
                     ) -> tuple[int, SqlError | None]:
        """`insert_rows` of a block already in memory (COPY, a multi-row
        VALUES): when no row breaks a constraint, checked a constraint at a
        time over the whole block, and no key is another transaction's,
        the rows go in with one update per map (and one claim per key);
        otherwise `insert_rows` runs as before and finds the first error
        (or waits) in order. Either way the block's changes are the same.
        The NOT NULL and key work is done a column at a time with C-level
        iteration (an identity test for NULL: `None in` would compare each
        value)."""
        overlay = self._table(table, "INSERT")
        info = overlay.info
        for position in info.not_null:
            if any(map(is_, map(itemgetter(position), rows), repeat(None))):
                return self.insert_rows(table, rows)
        for _, check in info.checks:
            if not cons.block_passes(check, rows):
                return self.insert_rows(table, rows)
        keys = [defn.keys(rows) for defn in info.indexes]
        claimed: list = []
        for i, (defn, index) in enumerate(zip(info.indexes, overlay.indexes)):
            if defn.unique:
                given = keys[i]
                if any(map(is_, given, repeat(None))):
                    given = [k for k in given if k is not None]
                committed = self._committed_index(overlay, i)
                if len(set(given)) != len(given) or index.any_taken(given) or \
                        (committed is not index.base and any_of(committed, given)) \
                        or not self._claim_all(table, i, given, claimed):
                    UniqueKeys.undo(self, claimed)
                    return self.insert_rows(table, rows)
        self._claims.extend(claimed)
        first = self._store.allocate_many(table, len(rows))
        rids = range(first, first + len(rows))
        overlay.rows.update(zip(rids, rows))
        for index_keys, index in zip(keys, overlay.indexes):
            index.appear_new_many(index_keys, rids)
        self._overlay.logged_new(info.name, rids, rows)
        pending = self._pending
        for link in info.fks_out:
            child_key = _values_at(link.child_positions)
            pending.extend(ChildCheck(link, rid) for rid, row in zip(rids, rows)
                           if None not in child_key(row))
        return len(rows), None

    def _claim_all(self, table: QName, i: int, given: list, claimed: list) -> bool:
        """Claim every key of `given` at once when none is claimed yet
        (by anyone); False, claiming nothing, otherwise."""
        claims = self._store.unique_keys.claims(table, i)
        if claims and not claims.keys().isdisjoint(given):
            return False
        owners = list(map(claims.setdefault, given, repeat(self)))
        if owners.count(self) == len(given):  # the common case: all ours
            claimed.append((claims, given))
            return True
        claimed.append((claims, [key for key, owner in zip(given, owners)
                                 if owner is self]))
        return False

    def update(self, table: QName, rid: RowId, row: Sequence[Any],
               follow: bool = False) -> RowId | None:
        """Replace row `rid`; returns the new version's id (None when the
        row is already gone). `follow`: a row another transaction changed
        since the snapshot raises `RowMoved` (READ COMMITTED; the caller
        re-checks the newest version) instead of running the statement
        again."""
        overlay = self._table(table, "UPDATE")
        info = overlay.info
        old = overlay.get(rid)
        if old is None:
            old = self._changed_since(overlay, rid, follow)
            if old is None:
                return None
        row = tuple(row)
        cons.check_row(info, row, self.settings)
        own = overlay.is_new(rid)
        changed = [i for i, defn in enumerate(info.indexes)
                   if defn.unique and defn.key(old) != defn.key(row)]
        if not own:  # FOR NO KEY UPDATE, or FOR UPDATE when a key changes
            self._lock_for_write(table, rid, 3 if changed else 2, follow)
        for i in changed:
            defn = info.indexes[i]
            key = defn.key(row)
            if key is not None:
                other = self._key_holder(overlay, i, key, True)
                if other is not None and other != rid:
                    raise cons.unique_violation(info, defn, row, self.settings)
        new_rid = self._store.allocate(table)
        self._overlay.disappear(overlay, rid, old)
        self._successors[table, rid] = new_rid
        self._overlay.appear(overlay, new_rid, row)
        for link in info.fks_in:  # "a" triggers sort before "c" triggers
            if None in link.parent_key(old):
                continue
            defn = info.index(link.parent_index)
            if defn.key(old) != defn.key(row):
                self._pending.append(ParentChange(link, old, row))
        for link in info.fks_out:
            key = link.child_key(row)
            if None not in key and (own or key != link.child_key(old)):
                self._pending.append(ChildCheck(link, new_rid))
        return new_rid

    def delete(self, table: QName, rid: RowId, follow: bool = False) -> bool:
        """Delete row `rid`; False when it is already gone (`follow`: as
        for `update`)."""
        overlay = self._table(table, "DELETE")
        old = overlay.get(rid)
        if old is None:
            old = self._changed_since(overlay, rid, follow)
            if old is None:
                return False
        if not overlay.is_new(rid):
            self._lock_for_write(table, rid, 3, follow)
        self._overlay.disappear(overlay, rid, old)
        for link in overlay.info.fks_in:
            if None not in link.parent_key(old):
                self._pending.append(ParentChange(link, old, None))
        return True

    def truncate(self, tables: Sequence[QName], *, restart_identity: bool = False,
                 cascade: bool = False) -> list[str]:
        """TRUNCATE: refuse (0A000) when a table outside the list references
        one inside it, unless `cascade`; returns the NOTICEs PostgreSQL
        sends ("truncate cascades to table ...")."""
        self._assert_open()
        if self.read_only:
            raise cons.read_only("TRUNCATE TABLE")
        names = list(dict.fromkeys(tables))
        self._wrote = True
        for name in names:  # the named tables first, as ExecuteTruncate
            self._lock_ddl(name)
        schema = self.schema.tables
        notices: list[str] = []
        if cascade:
            while True:
                chosen = set(names)
                more = sorted({link.child for t in names for link in schema[t].fks_in}
                              - chosen, key=lambda n: schema[n].table.created)
                if not more:
                    break
                notices += [f'truncate cascades to table "{n.name}"' for n in more]
                for name in more:
                    self._lock_ddl(name)
                names += more
        else:
            chosen = set(names)
            for name in names:
                for link in schema[name].fks_in:
                    if link.child not in chosen:
                        raise cons.truncate_referenced(link.child.name, name.name)
        for name in names:
            self._overlay.truncate(schema[name])
        if restart_identity:
            for name in names:
                for seq in schema[name].owned_sequences:
                    self._overlay.set_sequence(
                        seq, restarted(self._store.sequences.definition(seq)))
        return notices

    def _lock_ddl(self, table: QName) -> None:
        """TRUNCATE's ACCESS EXCLUSIVE lock; after a wait, the table's
        newest rows (the commit it waited for may have changed them)."""
        if covers(self._held.get(table, 0), ACCESS_EXCLUSIVE):
            return
        moved, waited = self.lock_for_ddl([(table, ACCESS_EXCLUSIVE)])
        if moved and waited:  # DDL committed while it waited
            raise LockRetry() if self.restartable else _serialization("update")

    def truncated_here(self, table: QName) -> bool:
        """COPY FREEZE's condition: the table was truncated in the current
        subtransaction."""
        return self._overlay.truncated_here(table)

    # ------------------------------------------------------------ sequences
    def local_sequence(self, name: QName) -> SequenceState | None:
        """This transaction's own copy of a sequence (after TRUNCATE ...
        RESTART IDENTITY), if any."""
        return self._overlay.sequences.get(name)

    def set_local_sequence(self, name: QName, state: SequenceState) -> None:
        self._wrote = True
        self._overlay.set_sequence(name, state)

    # ------------------------------------------------------------ savepoints
    def savepoint(self) -> Marker:
        self._assert_open()
        marker = self._overlay.savepoint(len(self._lock_log))
        marker.row_locks = len(self._row_locks)
        marker.claims = len(self._claims)
        return marker

    def rollback_to(self, marker: object) -> None:
        """Discard the changes made after `marker`; the savepoint stays. A
        relation lock taken after it is released, as PostgreSQL releases a
        subtransaction's locks."""
        assert isinstance(marker, Marker)
        self._overlay.rollback_to(marker)
        overlay = self._overlay
        self.schema = overlay.schema or self._base.schema
        self._tables = overlay.ddl_tables if overlay.ddl_tables is not None \
            else self._base.tables
        for name in [n for n in overlay.tables if n not in self.schema.tables]:
            del overlay.tables[name]  # made after the savepoint: gone with it
        for name, table in overlay.tables.items():
            table.info = self.schema.tables[name]
        self._pending.clear()
        taken = self._row_locks[marker.row_locks:]
        del self._row_locks[marker.row_locks:]
        undone = self._claims[marker.claims:]
        del self._claims[marker.claims:]
        UniqueKeys.undo(self, undone)
        self._store.row_locks.undo(self, taken)
        released = self._lock_log[marker.relation_locks:]
        del self._lock_log[marker.relation_locks:]
        self._store.relation_locks.undo(self, self._held, released)
        self._store.waits.wake()

    def release(self, marker: object) -> None:
        assert isinstance(marker, Marker)
        self._overlay.release(marker)

    # ------------------------------------------------------------ end
    def commit(self) -> None:
        """Publish the overlay onto the newest version (atomically), then
        free the relation locks, the row locks and the claimed keys (so a waiter
        finds the commit)."""
        if not self._open:
            return
        self._open = False
        store = self._store
        if not self._wrote or self._overlay.empty:  # nothing to publish
            self._end_locks()
            journal = store.journal
            if journal is not None:  # its nextval calls are durable now
                journal.committed(None, None, None)
            return
        try:
            if self._successors:
                store.replaced(self._committed_successors())
            store.publish(self._overlay)
        finally:
            self._overlay = Overlay()
            self._end_locks()

    def rollback(self) -> None:
        if not self._open:
            return
        self._open = False
        self._overlay = Overlay()
        self._pending.clear()
        self._deferred.clear()
        self._end_locks()

    def _assert_open(self) -> None:
        if not self._open:
            raise internal_error("store transaction used after it ended")

    def __repr__(self) -> str:
        return f"<Transaction v{self._base.number} {sorted(map(str, self._held))}>"


__all__ = ["DELETE", "RowId", "Transaction"]


def _other(holder: Any, me: Any) -> Any:
    """`holder` unless it is `me` (a waits' blocker)."""
    return None if holder is me else holder


def _serialization(what: str) -> SqlError:
    return serialization_failure(f"could not serialize access due to concurrent {what}")


def _attnums(info: TableInfo) -> tuple[int, ...]:
    """A table's columns as PostgreSQL knows them through ALTER TABLE."""
    return tuple(c.attnum for c in info.table.columns)
