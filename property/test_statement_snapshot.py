"""`StatementSnapshot` against the rows as they were: whatever one
statement writes through it (inserts, updates, deletes, over rows
committed before and rows its own transaction wrote in earlier
statements), every read through it — scan order included, row lookups
by id and by index — answers exactly what the transaction saw when the
statement started, while the transaction itself sees the writes.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from twinning.errors import SqlError
from twinning.ir.catalog import QName
from twinning.passes import load_schema
from twinning.state import CommittedState
from twinning.store import MvccStore
from twinning.store.statement_snapshot import StatementSnapshot

DDL = "CREATE TABLE t (k int PRIMARY KEY, v int);"
T = QName("public", "t")
CATALOG = load_schema(DDL).catalog
INDEX = CATALOG.indexes_of(T)[0].name.name

OPS = st.lists(st.tuples(st.sampled_from(["insert", "update", "delete"]),
                         st.integers(0, 9), st.integers(0, 3)), max_size=12)


def _apply(txn, ops, through=None) -> None:
    """Run `ops` as statements' writes, on THROUGH when given (a statement
    snapshot: its rows chosen by what the transaction sees now, as a
    second WITH query's would not be, which is the point of the snapshot),
    else on the transaction; a write a constraint refuses is skipped (the
    model is the transaction's own reads)."""
    writer = txn if through is None else through
    for op, k, v in ops:
        rows = {row[0]: rid for rid, row in txn.scan(T)}
        try:
            if op == "insert":
                writer.insert(T, (k, v))
            elif k in rows:
                if op == "update":
                    writer.update(T, rows[k], ((k + v) % 10, v))
                else:
                    writer.delete(T, rows[k])
        except SqlError:
            pass


@settings(max_examples=150, deadline=None)
@given(committed=OPS, earlier=OPS, during=OPS)
def test_reads_stay_at_the_statement_start(committed, earlier, during):
    store = MvccStore(CommittedState.empty(CATALOG, DDL))
    setup = store.begin()
    setup.statement_start(writes="INSERT")
    _apply(setup, committed)
    setup.statement_end()
    setup.commit()
    txn = store.begin()
    txn.statement_start(writes="UPDATE")
    _apply(txn, earlier)  # the transaction's own rows, before the statement
    txn.statement_end()
    txn.statement_start(writes="UPDATE")
    start = list(txn.scan(T))
    snapshot = StatementSnapshot(txn)
    _apply(txn, during, through=snapshot)
    assert list(snapshot.scan(T)) == start
    assert snapshot.count(T) == len(start)
    by_rid = dict(start)
    for rid, row in start:
        assert snapshot.get(T, rid) == row
        assert snapshot.lookup(T, INDEX, [row[0]]) == [(rid, row)]
    for rid, _ in txn.scan(T):
        assert snapshot.get(T, rid) == by_rid.get(rid)
    for k in range(10):
        if k not in {row[0] for row in by_rid.values()}:
            assert snapshot.lookup(T, INDEX, [k]) == []
    txn.rollback()
