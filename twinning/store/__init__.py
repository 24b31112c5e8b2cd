"""The versioned MVCC-lite store (SPEC §6): committed versions, one overlay
per transaction, concurrent writers kept apart by row locks and in-flight
unique keys, and nothing that knows SQL syntax.

Modules, one job each:
  pmap         persistent maps (row map in id order, hash map for indexes)
  indexes      index keys with PostgreSQL's equality; per-transaction index overlays
  schema       per-table metadata from the catalog (orders that errors depend on)
  constraints  NOT NULL / CHECK / unique / FK error texts, Failing row rendering
  foreign_keys the per-statement FK event queue (RI triggers)
  versions     Version / TableVersion, the transaction Overlay and savepoint undo
  waits        waiting: lock_timeout, cancel, deadlock detection (40P01)
  relation_locks  PostgreSQL's table lock modes (ACCESS SHARE … ACCESS
               EXCLUSIVE), per transaction, with the weak modes' fast path
  catalog_merge   a transaction's DDL merged onto the newest committed catalog
  row_locks    row locks: SELECT … FOR …, UPDATE/DELETE's, FK checks' KEY SHARE
  unique_keys  in-flight unique keys (an inserter waits for their owner)
  sequences    nextval/setval (non-transactional), currval/lastval per session
  transaction  Transaction: reads, writes, truncate, savepoints, commit
  store        MvccStore: latest version, publish, freeze to CommittedState
  changes      a commit's effects by row id (the journal's records), and
               applying them again through an Overlay and publish

API (rows are tuples in catalog column order, values already coerced to the
column type by the caller; tables are `QName`s; row ids are ints):

  store = MvccStore(state: CommittedState, *,
                    checks: {QName: {constraint_name: (row) -> bool | None}} = None,
                    defaults: {QName: {column: (txn.context) -> value}} = None,
                    lock_timeout_ms: int = 5000)      # the twin's "0" lock_timeout
  store.begin(read_only: bool | () -> bool = False) -> Transaction  # the sessions' seam
  store.session() -> SequenceSession                   # one per client session
  store.committed_state() -> CommittedState            # newest committed version
  store.latest -> Version                              # .number grows per commit
  store.journal = None | obj with .committed(before, after, overlay)
      told of every commit before it is published (Nones: a commit that
      published nothing); raising there fails the commit

  txn.settings: FormatSettings   # session output settings used in error details
  txn.context: object            # passed to SET DEFAULT callables
  txn.statement_start(*, writes: str | None = None, lock_timeout_ms: int = 0,
                      cancel: Callable[[], bool | None] | threading.Event | None = None,
                      retry: bool = False)
      READ COMMITTED: read the newest committed version; 25006 in a
      read-only transaction when `writes` names a command. Relation locks
      are taken as the statement reaches each table: ACCESS SHARE by
      reads, ROW SHARE by locking reads and FK checks, ROW EXCLUSIVE by
      row writes, ACCESS EXCLUSIVE by TRUNCATE (55P03 "canceling
      statement due to lock timeout" after the timeout; `cancel` may
      raise 57014 itself or return True -> WaitCancelled). A lock that
      waited for a commit, in a statement that can run again (`retry`, or
      writes="INSERT"/"UPDATE"/"DELETE"/"MERGE"/"SELECT"), raises
      row_locks.LockRetry. Any write below may wait for another
      transaction (55P03, 57014, 40P01) and may raise LockRetry (READ
      COMMITTED: the statement's work is undone, run it again) or 40001.
  txn.lock_relation(key, mode, nowait=False, lock_timeout_ms=0, cancel=None)
      LOCK TABLE (relation_locks' modes 1..8)
  txn.lock_for_ddl([(key, mode)]) -> bool   # DDL's locks; True: DDL was
      committed meanwhile, work the statement out again on txn.catalog
  txn.apply_schema(schema, text, renamed=None, converted=None, step=None)
  txn.statement_end()            # fire queued FK checks/actions (23503 ...)
  txn.scan(table) -> Iterator[(rid, row)]          # heap order, stable view
  txn.get(table, rid) -> row | None
  txn.lookup(table, index_name, values) -> [(rid, row)]   # O(1) hash lookup
  txn.lookup_ids(table, index_name, values) -> Iterable[rid]
  txn.index_for(table, columns) -> index_name | None
  txn.find_conflict(table, row, indexes=None) -> (index_name, rid) | None
  txn.count(table) -> int
  txn.check(table, row)                            # 23502 / 23514 only (ON CONFLICT)
  txn.insert(table, row) -> rid                    # 23502 / 23514 / 23505 now
                                                   # (after waiting for a key's owner)
  txn.lock_row(table, rid, strength 0..3, wait "block"|"skip"|"error") -> bool
      FOR KEY SHARE … FOR UPDATE; False: skipped (SKIP LOCKED); 55P03
      (NOWAIT, lock_timeout); 40001 / row_locks.LockRetry when the row
      changed after the snapshot (REPEATABLE READ / READ COMMITTED)
  txn.update(table, rid, row, follow=False) -> new rid | None  # None: row already gone
  txn.delete(table, rid, follow=False) -> bool     # False: row already gone
      follow=True: a row changed by a transaction that committed after the
      snapshot raises RowMoved(newest rid, row) / RowMoved(None, None) for
      the caller to re-check (READ COMMITTED's EvalPlanQual)
  txn.truncate(tables, *, restart_identity=False, cascade=False) -> [notice]
  txn.truncated_here(table) -> bool                # COPY FREEZE's condition
  txn.savepoint() -> marker; txn.rollback_to(marker); txn.release(marker)
  txn.commit(); txn.rollback()     # both free the locks and keys

  seq = store.session()
  seq.nextval(name, txn=None) -> int    # 2200H at the bound, CYCLE wraps
  seq.setval(name, value, is_called=True, txn=None) -> int   # 22003 out of bounds
  seq.currval(name) -> int; seq.lastval() -> int             # 55000 when undefined

Guarantees: a transaction sees committed rows as of its statement's start
plus its own changes, never another session's uncommitted rows; commit
publishes atomically onto the newest version and costs in proportion to
the changes; concurrent transactions whose writes do not conflict commit
to the same state as running one after the other; rollback
drops the overlay; rollback_to discards exactly the changes after the
savepoint. Errors are `SqlError`s with PostgreSQL 15's SQLSTATE, message,
detail, hint and schema/table/column/constraint fields.
"""

from twinning.store.sequences import SequenceSession
from twinning.store.row_locks import RowMoved
from twinning.store.store import MvccStore
from twinning.store.transaction import RowId, Transaction
from twinning.store.versions import Marker, Version
from twinning.store.waits import WaitCancelled

__all__ = ["Marker", "MvccStore", "RowId", "RowMoved", "SequenceSession", "Transaction",
           "Version", "WaitCancelled"]
