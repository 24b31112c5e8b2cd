"""The store against a dict model, and the snapshot hash against history.

`StoreMachine` drives up to three transactions over one table in random
interleavings — begin, insert, update, delete, savepoint, rollback to,
release, commit, rollback — writing concurrently. A write that needs a
row or key another open transaction wrote gets 55P03 at once with a 1 ms
lock_timeout; a key taken gets 23505; either failure rolls the
transaction back, as the session's failed state forces. The model is the
committed dict plus, per transaction, the committed keys it replaced or
deleted, the rows it wrote and the keys it inserted (in-flight until it
ends); a commit applies those changes onto the newest committed dict.
After every rule, each open transaction's next statement must see
exactly the model's committed rows plus its own changes, and the store's
committed state must equal the model's.

The model also predicts who holds ROW EXCLUSIVE on the table: a write
statement takes it at its start (as the session does, `lock_target`) and
keeps it, ROLLBACK TO a savepoint taken before it gives it back, commit
and rollback give it back.

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
from twinning.store.relation_locks import ROW_EXCLUSIVE

DDL = "CREATE TABLE t (k int PRIMARY KEY, v int);"
T = QName("public", "t")
CATALOG = load_schema(DDL).catalog
KEYS = st.integers(0, 6)
VALS = st.integers(0, 3)
TXNS = st.integers(0, 2)


# rule preconditions: some transaction is open / has a savepoint
OPEN = precondition(lambda self: self.txns)
SAVED = precondition(lambda self: any(m.savepoints for _, m in self.txns.values()))


class ModelTxn:
    def __init__(self) -> None:
        self.replaced: set[int] = set()  # committed keys deleted or updated
        self.new: dict[int, int] = {}  # rows this transaction wrote (alive)
        self.claimed: set[int] = set()  # keys it inserted (in-flight keys)
        self.savepoints: list[tuple] = []  # (marker, replaced, new, claimed, held)

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
        self.holders: set[int] = set()  # who holds ROW EXCLUSIVE on t

    # -- helpers
    def _start_write(self, i: int, command: str) -> None:
        txn, _ = self.txns[i]
        txn.statement_start(writes=command, lock_timeout_ms=1)
        txn.lock_target(T, command)
        self.holders.add(i)

    def _open(self, data, what: str) -> int:
        """An open transaction, drawn, and the step noted: "T{i} WHAT"."""
        i = data.draw(st.sampled_from(sorted(self.txns)))
        note(f"T{i} {what}")
        return i

    def _writer(self, data, what: str, writes: str):
        """An open transaction, drawn, noted, its write statement started:
        (i, the transaction, its model)."""
        i = self._open(data, what)
        self._start_write(i, writes)
        return (i, *self.txns[i])

    def _savepoint_of(self, data, what: str) -> tuple[int, int]:
        """A transaction with savepoints and one of them, drawn, and the
        step noted: "T{i} WHAT #n"."""
        i = data.draw(st.sampled_from(sorted(j for j, (_, m) in self.txns.items()
                                             if m.savepoints)))
        n = data.draw(st.integers(0, len(self.txns[i][1].savepoints) - 1))
        note(f"T{i} {what} #{n}")
        return i, n

    def _end_statement(self, i: int) -> None:
        txn, model = self.txns[i]
        txn.statement_end()

    def _release(self, i: int) -> None:
        self.holders.discard(i)
        del self.txns[i]

    def _others(self, i: int) -> list[ModelTxn]:
        return [m for j, (_, m) in self.txns.items() if j != i]

    def _fails(self, i: int, sqlstate: str, attempt) -> None:
        """The write must fail with `sqlstate`; the transaction is then
        rolled back, as a session's failed statement forces."""
        try:
            attempt()
        except SqlError as err:
            assert err.sqlstate == sqlstate, err
        else:
            raise AssertionError(f"expected {sqlstate}")
        self.txns[i][0].rollback()
        self._release(i)

    # -- rules
    @rule(i=TXNS)
    def begin(self, i: int) -> None:
        if i not in self.txns:
            note(f"T{i} begin")
            self.txns[i] = (self.store.begin(), ModelTxn())

    @OPEN
    @rule(data=st.data(), k=KEYS, v=VALS)
    def insert(self, data, k: int, v: int) -> None:
        i, txn, model = self._writer(data, f"insert ({k}, {v})", "INSERT")
        others = self._others(i)
        if k in model.new:
            return self._fails(i, "23505", lambda: txn.insert(T, (k, v)))
        if any(k in m.claimed for m in others):  # waits for the claimer
            return self._fails(i, "55P03", lambda: txn.insert(T, (k, v)))
        if k in self.committed and k not in model.replaced:
            if any(k in m.replaced for m in others):  # waits for the deleter
                return self._fails(i, "55P03", lambda: txn.insert(T, (k, v)))
            return self._fails(i, "23505", lambda: txn.insert(T, (k, v)))
        txn.insert(T, (k, v))
        model.new[k] = v
        model.claimed.add(k)
        self._end_statement(i)

    def _matching(self, txn, k: int) -> list[tuple[int, tuple]]:
        return [(rid, row) for rid, row in list(txn.scan(T)) if row[0] == k]

    def _locked_by_other(self, i: int, k: int) -> bool:
        """Is committed row k (visible to T{i}, not its own) written by
        another open transaction?"""
        model = self.txns[i][1]
        return k in self.committed and k not in model.new and \
            any(k in m.replaced for m in self._others(i))

    @OPEN
    @rule(data=st.data(), k=KEYS, v=VALS)
    def update(self, data, k: int, v: int) -> None:
        i, txn, model = self._writer(data, f"update {k} set v = {v}", "UPDATE")
        matching = self._matching(txn, k)
        if self._locked_by_other(i, k):
            return self._fails(i, "55P03", lambda: txn.update(T, matching[0][0], (k, v)))
        for rid, row in matching:
            assert txn.update(T, rid, (k, v)) is not None
        if k in model.visible(self.committed):
            if k in self.committed:
                model.replaced.add(k)
            model.new[k] = v
        self._end_statement(i)

    @OPEN
    @rule(data=st.data(), k=KEYS)
    def delete(self, data, k: int) -> None:
        i, txn, model = self._writer(data, f"delete {k}", "DELETE")
        matching = self._matching(txn, k)
        if self._locked_by_other(i, k):
            return self._fails(i, "55P03", lambda: txn.delete(T, matching[0][0]))
        for rid, _ in matching:
            assert txn.delete(T, rid)
        if k in model.new:
            del model.new[k]
        elif k in self.committed:
            model.replaced.add(k)
        self._end_statement(i)

    @OPEN
    @rule(data=st.data())
    def savepoint(self, data) -> None:
        i = self._open(data, "savepoint")
        txn, model = self.txns[i]
        model.savepoints.append((txn.savepoint(), set(model.replaced), dict(model.new),
                                 set(model.claimed), i in self.holders))

    @SAVED
    @rule(data=st.data())
    def rollback_to(self, data) -> None:
        i, n = self._savepoint_of(data, "rollback to savepoint")
        txn, model = self.txns[i]
        marker, replaced, new, claimed, held = model.savepoints[n]
        txn.rollback_to(marker)
        del model.savepoints[n + 1:]
        model.replaced, model.new = set(replaced), dict(new)
        model.claimed = set(claimed)
        if not held:
            self.holders.discard(i)

    @SAVED
    @rule(data=st.data())
    def release(self, data) -> None:
        i, n = self._savepoint_of(data, "release savepoint")
        txn, model = self.txns[i]
        txn.release(model.savepoints[n][0])
        del model.savepoints[n:]

    @OPEN
    @rule(data=st.data())
    def commit(self, data) -> None:
        i = self._open(data, "commit")
        txn, model = self.txns[i]
        txn.commit()
        self.committed = model.visible(self.committed)  # onto the newest
        self._release(i)

    @OPEN
    @rule(data=st.data())
    def rollback(self, data) -> None:
        i = self._open(data, "rollback")
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
            row_exclusive = txn._held.get(T, 0) & (1 << ROW_EXCLUSIVE)
            assert bool(row_exclusive) == (i in self.holders), f"T{i} lock"

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


# ------------------------------------------------ concurrent = one after other

def _apply(txn, op: tuple) -> None:
    kind, k, v = op
    txn.statement_start(writes=kind.upper(), lock_timeout_ms=1)
    if kind == "insert":
        if not txn.lookup(T, "t_pkey", (k,)):
            txn.insert(T, (k, v))
    else:
        for rid, _ in txn.lookup(T, "t_pkey", (k,)):
            if kind == "delete":
                txn.delete(T, rid)
            else:
                txn.update(T, rid, (k, v))
    txn.statement_end()


def _ops(keys):
    return st.lists(st.tuples(st.sampled_from(["insert", "update", "delete"]),
                              keys, VALS), max_size=8)


@settings(max_examples=80, deadline=None)
@given(start=st.dictionaries(st.integers(0, 11), VALS, max_size=8),
       first=_ops(st.sampled_from([0, 2, 4, 6, 8, 10])),
       second=_ops(st.sampled_from([1, 3, 5, 7, 9, 11])),
       turns=st.lists(st.booleans(), max_size=16), second_commits_first=st.booleans())
def test_interleaved_disjoint_writers_commit_as_serial(start, first, second, turns,
                                                       second_commits_first) -> None:
    """Two transactions writing disjoint keys, their statements interleaved
    in any order and committed in either order, leave the same committed
    rows (and index) as running one transaction after the other."""
    def fresh() -> MvccStore:
        store = MvccStore(CommittedState.empty(CATALOG, DDL), lock_timeout_ms=1)
        _run(store, [("insert", (k, v)) for k, v in sorted(start.items())])
        return store

    serial = fresh()
    for ops in (first, second):
        txn = serial.begin()
        for op in ops:
            _apply(txn, op)
        txn.commit()

    mixed = fresh()
    a, b = mixed.begin(), mixed.begin()
    queues = [list(first), list(second)]
    for turn in turns:
        queue = queues[int(turn)]
        if queue:
            _apply(b if turn else a, queue.pop(0))
    for op in queues[0]:
        _apply(a, op)
    for op in queues[1]:
        _apply(b, op)
    for txn in ((b, a) if second_commits_first else (a, b)):
        txn.commit()

    want = dict(serial.committed_state().rows[T])
    got = mixed.committed_state().rows[T]
    assert dict(got) == want and len(got) == len(want)
    reader = mixed.begin()
    reader.statement_start()
    for k, v in want.items():  # the merged primary-key index finds each row
        assert [row for _, row in reader.lookup(T, "t_pkey", (k,))] == [(k, v)]
    assert len(list(reader.scan(T))) == len(want)
