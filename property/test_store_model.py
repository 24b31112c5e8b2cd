"""The store against a dict model, and the snapshot hash against history.

`StoreMachine` drives up to three transactions over one table in random
interleavings — begin, insert, update, delete, savepoint, rollback to,
release, commit, rollback — with the writer slot in play (a second writer
gets 55P03 at once with a 1 ms lock_timeout). The model is the committed
dict plus, per transaction, the committed keys it replaced or deleted and
the rows it wrote. After every rule, each open transaction's next
statement must see exactly the model's committed rows plus its own
changes, and the store's committed state must equal the model's.

The model also predicts who holds the writer slot: a write takes it, a
statement that leaves the overlay empty (outside savepoints) gives it back,
ROLLBACK TO a savepoint taken before the slot gives it back, commit and
rollback give it back.

`test_snapshot_hash_depends_only_on_committed_rows`: the same final rows
reached by different histories (order, extra rows inserted and deleted,
rolled-back work, updates undone) hash the same.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import (RuleBasedStateMachine, invariant, precondition,
                                 rule)

from twinning import snapshot
from twinning.errors import SqlError
from twinning.ir.catalog import QName
from twinning.passes import load_schema
from twinning.state import CommittedState
from twinning.store import MvccStore

DDL = "CREATE TABLE t (k int PRIMARY KEY, v int);"
T = QName("public", "t")
CATALOG = load_schema(DDL).catalog
KEYS = st.integers(0, 6)
VALS = st.integers(0, 3)
TXNS = st.integers(0, 2)


class ModelTxn:
    def __init__(self) -> None:
        self.replaced: set[int] = set()  # committed keys deleted or updated
        self.new: dict[int, int] = {}  # rows this transaction wrote (alive)
        self.savepoints: list[tuple] = []  # (marker, replaced, new, held)

    def visible(self, committed: dict[int, int]) -> dict[int, int]:
        out = {k: v for k, v in committed.items() if k not in self.replaced}
        out.update(self.new)
        return out

    @property
    def empty(self) -> bool:
        return not self.replaced and not self.new


class StoreMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.store = MvccStore(CommittedState.empty(CATALOG, DDL), lock_timeout_ms=1)
        self.committed: dict[int, int] = {}
        self.txns: dict[int, tuple] = {}  # slot -> (store txn, model txn)
        self.holder: int | None = None

    # -- helpers
    def _start_write(self, i: int, command: str) -> bool:
        txn, _ = self.txns[i]
        if self.holder not in (None, i):
            try:
                txn.statement_start(writes=command, lock_timeout_ms=1)
            except SqlError as err:
                assert err.sqlstate == "55P03", err
                return False
            raise AssertionError("a second writer got the slot")
        txn.statement_start(writes=command, lock_timeout_ms=1)
        self.holder = i
        return True

    def _end_statement(self, i: int) -> None:
        txn, model = self.txns[i]
        txn.statement_end()
        if self.holder == i and model.empty and not model.savepoints:
            self.holder = None

    def _release(self, i: int) -> None:
        if self.holder == i:
            self.holder = None
        del self.txns[i]

    # -- rules
    @rule(i=TXNS)
    def begin(self, i: int) -> None:
        if i not in self.txns:
            note(f"T{i} begin")
            self.txns[i] = (self.store.begin(), ModelTxn())

    @precondition(lambda self: self.txns)
    @rule(data=st.data(), k=KEYS, v=VALS)
    def insert(self, data, k: int, v: int) -> None:
        i = data.draw(st.sampled_from(sorted(self.txns)))
        note(f"T{i} insert ({k}, {v})")
        if not self._start_write(i, "INSERT"):
            return
        txn, model = self.txns[i]
        if k in model.visible(self.committed):
            try:
                txn.insert(T, (k, v))
            except SqlError as err:
                assert err.sqlstate == "23505" and err.detail == f"Key (k)=({k}) already exists."
                return
            raise AssertionError("duplicate key accepted")
        txn.insert(T, (k, v))
        model.new[k] = v
        self._end_statement(i)

    def _matching(self, txn, k: int) -> list[tuple[int, tuple]]:
        return [(rid, row) for rid, row in list(txn.scan(T)) if row[0] == k]

    @precondition(lambda self: self.txns)
    @rule(data=st.data(), k=KEYS, v=VALS)
    def update(self, data, k: int, v: int) -> None:
        i = data.draw(st.sampled_from(sorted(self.txns)))
        note(f"T{i} update {k} set v = {v}")
        if not self._start_write(i, "UPDATE"):
            return
        txn, model = self.txns[i]
        for rid, row in self._matching(txn, k):
            assert txn.update(T, rid, (k, v)) is not None
        if k in model.visible(self.committed):
            if k in self.committed:
                model.replaced.add(k)
            model.new[k] = v
        self._end_statement(i)

    @precondition(lambda self: self.txns)
    @rule(data=st.data(), k=KEYS)
    def delete(self, data, k: int) -> None:
        i = data.draw(st.sampled_from(sorted(self.txns)))
        note(f"T{i} delete {k}")
        if not self._start_write(i, "DELETE"):
            return
        txn, model = self.txns[i]
        for rid, _ in self._matching(txn, k):
            assert txn.delete(T, rid)
        if k in model.new:
            del model.new[k]
        elif k in self.committed:
            model.replaced.add(k)
        self._end_statement(i)

    @precondition(lambda self: self.txns)
    @rule(data=st.data())
    def savepoint(self, data) -> None:
        i = data.draw(st.sampled_from(sorted(self.txns)))
        note(f"T{i} savepoint")
        txn, model = self.txns[i]
        model.savepoints.append((txn.savepoint(), set(model.replaced), dict(model.new),
                                 self.holder == i))

    @precondition(lambda self: any(m.savepoints for _, m in self.txns.values()))
    @rule(data=st.data())
    def rollback_to(self, data) -> None:
        i = data.draw(st.sampled_from(sorted(j for j, (_, m) in self.txns.items()
                                             if m.savepoints)))
        txn, model = self.txns[i]
        n = data.draw(st.integers(0, len(model.savepoints) - 1))
        note(f"T{i} rollback to savepoint #{n}")
        marker, replaced, new, held = model.savepoints[n]
        txn.rollback_to(marker)
        del model.savepoints[n + 1:]
        model.replaced, model.new = set(replaced), dict(new)
        if not held and model.empty and self.holder == i:
            self.holder = None

    @precondition(lambda self: any(m.savepoints for _, m in self.txns.values()))
    @rule(data=st.data())
    def release(self, data) -> None:
        i = data.draw(st.sampled_from(sorted(j for j, (_, m) in self.txns.items()
                                             if m.savepoints)))
        txn, model = self.txns[i]
        n = data.draw(st.integers(0, len(model.savepoints) - 1))
        note(f"T{i} release savepoint #{n}")
        txn.release(model.savepoints[n][0])
        del model.savepoints[n:]

    @precondition(lambda self: self.txns)
    @rule(data=st.data())
    def commit(self, data) -> None:
        i = data.draw(st.sampled_from(sorted(self.txns)))
        note(f"T{i} commit")
        txn, model = self.txns[i]
        txn.commit()
        if self.holder == i:
            self.committed = model.visible(self.committed)
        self._release(i)

    @precondition(lambda self: self.txns)
    @rule(data=st.data())
    def rollback(self, data) -> None:
        i = data.draw(st.sampled_from(sorted(self.txns)))
        note(f"T{i} rollback")
        self.txns[i][0].rollback()
        self._release(i)

    # -- invariants
    @invariant()
    def each_transaction_sees_committed_plus_its_own(self) -> None:
        for i in sorted(self.txns):
            txn, model = self.txns[i]
            txn.statement_start()
            seen = {row[0]: row[1] for _, row in txn.scan(T)}
            assert seen == model.visible(self.committed), f"T{i}"
            assert txn.holds_writer == (self.holder == i), f"T{i} writer"

    @invariant()
    def committed_state_is_the_model(self) -> None:
        rows = self.store.committed_state().rows[T]
        assert dict(rows) == self.committed and len(rows) == len(self.committed)


StoreMachine.TestCase.settings = settings(
    max_examples=60, stateful_step_count=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
TestStoreModel = StoreMachine.TestCase


# ------------------------------------------------------------ snapshot hash

def _run(store: MvccStore, ops: list[tuple[str, tuple]], commit: bool = True) -> None:
    txn = store.begin()
    txn.statement_start(writes="INSERT")
    for op, row in ops:
        if op == "insert":
            txn.insert(T, row)
        else:
            for rid, old in list(txn.scan(T)):
                if old[0] == row[0]:
                    if op == "delete":
                        txn.delete(T, rid)
                    else:
                        txn.update(T, rid, row)
    txn.statement_end()
    txn.commit() if commit else txn.rollback()


@settings(max_examples=40, deadline=None)
@given(rows=st.dictionaries(st.integers(0, 50), st.none() | VALS, max_size=12),
       order=st.randoms(use_true_random=False),
       extra=st.lists(st.integers(100, 120), unique=True, max_size=4))
def test_snapshot_hash_depends_only_on_committed_rows(rows, order, extra) -> None:
    straight = MvccStore(CommittedState.empty(CATALOG, DDL))
    _run(straight, [("insert", (k, v)) for k, v in sorted(rows.items())])

    winding = MvccStore(CommittedState.empty(CATALOG, DDL))
    items = list(rows.items())
    order.shuffle(items)
    _run(winding, [("insert", (k, 9)) for k in extra])
    _run(winding, [("insert", (k, 7)) for k, _ in items[:3]], commit=False)
    half = len(items) // 2
    _run(winding, [("insert", (k, 0 if v is None else v + 1)) for k, v in items[:half]])
    _run(winding, [("update", (k, v)) for k, v in items[:half]]
         + [("insert", (k, v)) for k, v in items[half:]]
         + [("delete", (k, None)) for k in extra])

    assert snapshot.state_hash(straight.committed_state()) == \
        snapshot.state_hash(winding.committed_state())
    assert dict(winding.committed_state().rows[T]) == rows
