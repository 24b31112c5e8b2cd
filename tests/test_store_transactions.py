"""The store's transaction behaviour: visibility, READ COMMITTED refresh,
savepoints, relation locks, sequences, truncate, freezing."""

from __future__ import annotations

import threading
import time

import pytest

from twinning import snapshot
from twinning.errors import SqlError
from twinning.ir.catalog import QName
from twinning.passes import load_schema
from twinning.state import CommittedState, SequenceState
from twinning.store import MvccStore, WaitCancelled

DDL = """
CREATE TABLE p (id int PRIMARY KEY, k text UNIQUE);
CREATE TABLE c (id serial PRIMARY KEY, p int REFERENCES p ON DELETE CASCADE);
CREATE INDEX c_p_idx ON c (p);
CREATE SEQUENCE s MAXVALUE 3;
CREATE SEQUENCE cyc MINVALUE 1 MAXVALUE 2 CYCLE;
"""
P, C = QName("public", "p"), QName("public", "c")
S, CYC, C_SEQ = QName("public", "s"), QName("public", "cyc"), QName("public", "c_id_seq")


@pytest.fixture
def store() -> MvccStore:
    catalog = load_schema(DDL).catalog
    return MvccStore(CommittedState.empty(catalog, DDL), lock_timeout_ms=200)


def rows(txn, table=P) -> list[tuple]:
    txn.statement_start()
    return [row for _, row in txn.scan(table)]


def write(store, *rows_, table=P):
    txn = store.begin()
    txn.statement_start(writes="INSERT")
    for row in rows_:
        txn.insert(table, row)
    txn.statement_end()
    txn.commit()


def test_savepoint_markers_round_trip(store) -> None:
    assert isinstance(store, MvccStore)
    txn = store.begin(False)
    marker = txn.savepoint()
    txn.rollback_to(marker)
    txn.release(marker)
    txn.commit()


def test_uncommitted_rows_are_private_and_read_committed(store) -> None:
    writer, reader = store.begin(), store.begin()
    writer.statement_start(writes="INSERT")
    writer.insert(P, (1, "a"))
    writer.statement_end()
    assert rows(writer) == [(1, "a")]
    assert rows(reader) == []
    writer.commit()
    assert rows(reader) == [(1, "a")]  # the next statement sees the commit


def test_a_statement_keeps_its_version(store) -> None:
    write(store, (1, "a"))
    reader = store.begin()
    reader.statement_start()
    scan = reader.scan(P)
    write(store, (2, "b"))
    assert [row for _, row in scan] == [(1, "a")]


def test_update_moves_row_last_and_lookup_is_by_index(store) -> None:
    write(store, (1, "a"), (2, "b"), (3, "c"))
    txn = store.begin()
    txn.statement_start(writes="UPDATE")
    (rid, _), = txn.lookup(P, "p_pkey", (1,))
    new = txn.update(P, rid, (1, "z"))
    assert new != rid and txn.update(P, rid, (1, "y")) is None
    txn.statement_end()
    assert rows(txn) == [(2, "b"), (3, "c"), (1, "z")]
    assert txn.lookup(P, "p_k_key", ("a",)) == []
    assert txn.lookup(P, "p_k_key", ("z",)) == [(new, (1, "z"))]
    assert txn.index_for(P, ["k"]) == "p_k_key"
    assert txn.find_conflict(P, (9, "z")) == ("p_k_key", new)
    txn.commit()


def test_savepoints_discard_exactly_the_later_changes(store) -> None:
    write(store, (1, "a"))
    txn = store.begin()
    txn.statement_start(writes="INSERT")
    txn.insert(P, (2, "b"))
    first = txn.savepoint()
    txn.insert(P, (3, "c"))
    rid = txn.lookup(P, "p_pkey", (1,))[0][0]
    txn.delete(P, rid)
    second = txn.savepoint()
    txn.truncate([P, C])
    assert rows(txn) == []
    txn.rollback_to(second)
    assert rows(txn) == [(2, "b"), (3, "c")]
    txn.rollback_to(first)
    assert rows(txn) == [(1, "a"), (2, "b")]
    txn.insert(P, (4, "d"))
    txn.rollback_to(first)  # the savepoint stays usable
    assert rows(txn) == [(1, "a"), (2, "b")]
    with pytest.raises(ValueError):
        txn.rollback_to(second)  # rolled past: gone
    txn.release(first)
    txn.commit()
    assert store.committed_state().rows[P] == ((1, "a"), (2, "b"))


def test_rollback_to_releases_relation_locks_taken_after_it(store) -> None:
    txn = store.begin()
    marker = txn.savepoint()
    txn.statement_start(writes="INSERT")
    txn.insert(P, (1, "a"))
    assert txn.holds_locks
    txn.rollback_to(marker)
    assert not txn.holds_locks
    other = store.begin()
    other.statement_start(writes="TRUNCATE TABLE", lock_timeout_ms=50)
    other.truncate([P, C])  # ACCESS EXCLUSIVE gets through
    other.commit()
    write(store, (2, "b"))
    assert rows(txn) == [(2, "b")]


def test_writers_of_different_rows_both_commit(store) -> None:
    """Row writers share the table: two transactions inserting different
    keys and updating different rows both proceed and both commit, each
    onto the newest version (the later commit keeps the earlier's rows)."""
    write(store, (1, "a"), (2, "b"))
    first, second = store.begin(), store.begin()
    first.statement_start(writes="INSERT")
    first.insert(P, (3, "c"))
    second.statement_start(writes="INSERT", lock_timeout_ms=50)
    second.insert(P, (4, "d"))
    first.statement_start(writes="UPDATE")
    rid = first.lookup(P, "p_pkey", (1,))[0][0]
    first.update(P, rid, (1, "A"))
    second.statement_start(writes="DELETE", lock_timeout_ms=50)
    second.delete(P, second.lookup(P, "p_pkey", (2,))[0][0])
    assert first.holds_locks and second.holds_locks
    second.statement_end()
    second.commit()
    first.statement_end()
    first.commit()
    assert sorted(store.committed_state().rows[P]) == [(1, "A"), (3, "c"), (4, "d")]
    txn = store.begin()
    assert txn.lookup(P, "p_k_key", ("d",))[0][1] == (4, "d")  # indexes merged
    assert txn.lookup(P, "p_k_key", ("b",)) == []


def test_second_writer_of_a_row_or_key_times_out_with_55p03(store) -> None:
    write(store, (1, "a"))
    first, second = store.begin(), store.begin()
    first.statement_start(writes="INSERT")
    first.insert(P, (2, "b"))
    first.update(P, first.lookup(P, "p_pkey", (1,))[0][0], (1, "A"))
    second.statement_start(writes="INSERT", lock_timeout_ms=50)
    for attempt in (lambda: second.insert(P, (2, "x")),  # an in-flight key
                    lambda: second.delete(P, second.lookup(P, "p_pkey", (1,))[0][0])):
        started = time.monotonic()
        with pytest.raises(SqlError) as err:
            attempt()
        assert time.monotonic() - started >= 0.05
        assert (err.value.sqlstate, err.value.message) == (
            "55P03", "canceling statement due to lock timeout")
    assert rows(second) == [(1, "a")]  # readers never block
    first.commit()
    second.rollback()
    assert sorted(store.committed_state().rows[P]) == [(1, "A"), (2, "b")]


def test_truncate_waits_for_writers_of_its_tables(store) -> None:
    """TRUNCATE takes ACCESS EXCLUSIVE on its tables: it waits for an
    in-flight writer of one of them (not of another table), and a writer
    of them waits for it."""
    first, second = store.begin(), store.begin()
    first.statement_start(writes="INSERT")
    first.insert(P, (1, "a"))
    second.statement_start(writes="TRUNCATE TABLE", lock_timeout_ms=50)
    with pytest.raises(SqlError) as err:
        second.truncate([P, C])
    assert err.value.sqlstate == "55P03"
    second.rollback()
    second = store.begin()
    second.statement_start(writes="TRUNCATE TABLE", lock_timeout_ms=50)
    second.truncate([C])  # first never touched it
    second.rollback()
    first.commit()
    second = store.begin()
    second.statement_start(writes="TRUNCATE TABLE")
    second.truncate([P, C])
    third = store.begin()
    third.statement_start(writes="INSERT", lock_timeout_ms=50)
    with pytest.raises(SqlError) as err:
        third.insert(P, (2, "b"))
    assert err.value.sqlstate == "55P03"
    second.commit()
    third.statement_start(writes="INSERT")
    third.insert(P, (2, "b"))
    assert third.holds_locks
    third.rollback()


def test_waiting_truncate_gets_the_lock_on_release(store) -> None:
    write(store, (1, "a"))
    first, second = store.begin(), store.begin()
    first.statement_start(writes="DELETE")
    first.delete(P, first.lookup(P, "p_pkey", (1,))[0][0])
    got = []

    def wait():
        second.statement_start(writes="TRUNCATE TABLE", lock_timeout_ms=5000)
        second.truncate([P, C])
        got.append(second.holds_locks)
    thread = threading.Thread(target=wait)
    thread.start()
    time.sleep(0.05)
    first.rollback()
    thread.join(5)
    assert got == [True]
    second.rollback()


def test_waiting_is_cancellable(store) -> None:
    first, second = store.begin(), store.begin()
    first.statement_start(writes="INSERT")
    first.insert(P, (1, "a"))
    cancel = threading.Event()
    threading.Timer(0.05, cancel.set).start()
    started = time.monotonic()
    second.statement_start(writes="TRUNCATE TABLE", lock_timeout_ms=5000,
                           cancel=cancel)
    with pytest.raises(WaitCancelled):
        second.truncate([P, C])
    assert time.monotonic() - started < 2

    def interrupt():
        raise SqlError("57014", "canceling statement due to user request")
    second.statement_start(writes="TRUNCATE TABLE", cancel=interrupt)
    with pytest.raises(SqlError) as err:
        second.truncate([P, C])
    assert err.value.sqlstate == "57014"
    first.commit()


def test_deadlock_is_40p01_for_the_first_waiter(store) -> None:
    """Two transactions each waiting for a row the other wrote: after the
    deadlock timeout the first to wait gets 40P01, the other proceeds."""
    write(store, (1, "a"), (2, "b"))
    first, second = store.begin(), store.begin()
    for txn, key in ((first, 1), (second, 2)):
        txn.statement_start(writes="UPDATE", lock_timeout_ms=5000)
        txn.update(P, txn.lookup(P, "p_pkey", (key,))[0][0], (key, f"x{key}"))
    outcome = {}

    def first_waits():
        try:
            first.delete(P, first.lookup(P, "p_pkey", (2,))[0][0])
            outcome["first"] = "deleted"
        except SqlError as exc:
            outcome["first"] = exc.sqlstate
            first.rollback()
    thread = threading.Thread(target=first_waits)
    thread.start()
    time.sleep(0.2)
    second.delete(P, second.lookup(P, "p_pkey", (1,))[0][0])  # waits, then wins
    thread.join(5)
    assert outcome == {"first": "40P01"}
    second.commit()
    assert store.committed_state().rows[P] == ((2, "x2"),)


def test_statement_that_writes_nothing_keeps_its_lock(store) -> None:
    """An UPDATE that changed no row still holds ROW EXCLUSIVE on its
    table until the transaction ends, as in PostgreSQL: other writers
    proceed, TRUNCATE waits."""
    txn = store.begin()
    txn.statement_start(writes="UPDATE")
    txn.lock_target(P, "UPDATE")
    txn.statement_end()
    assert txn.holds_locks
    write(store, (1, "a"))
    other = store.begin()
    other.statement_start(writes="TRUNCATE TABLE", lock_timeout_ms=50)
    with pytest.raises(SqlError) as err:
        other.truncate([P])
    assert err.value.sqlstate == "55P03"
    other.rollback()
    txn.commit()


def test_read_only_transactions_refuse_writes(store) -> None:
    txn = store.begin(read_only=True)
    for command in ("INSERT", "UPDATE", "DELETE", "TRUNCATE TABLE"):
        with pytest.raises(SqlError) as err:
            txn.statement_start(writes=command)
        assert err.value.message == f"cannot execute {command} in a read-only transaction"
    with pytest.raises(SqlError) as err:
        store.session().nextval(S, txn)
    assert err.value.message == "cannot execute nextval() in a read-only transaction"


def test_read_only_can_follow_the_session(store) -> None:
    """A callable is asked at each write: SET TRANSACTION READ ONLY after
    the transaction began still applies to its next write."""
    flag = [False]
    txn = store.begin(lambda: flag[0])
    txn.statement_start(writes="INSERT")
    txn.insert(P, (1, "a"))
    txn.statement_end()
    flag[0] = True
    with pytest.raises(SqlError) as err:
        txn.statement_start(writes="UPDATE")
    assert err.value.sqlstate == "25006"
    txn.rollback()


def test_check_runs_not_null_and_check_without_writing(store) -> None:
    """ON CONFLICT's first step: the proposed row's NOT NULL and CHECKs."""
    catalog = load_schema("CREATE TABLE q (id int PRIMARY KEY, n int NOT NULL "
                          "CHECK (n > 0));").catalog
    from twinning.engine import compiled_checks
    q = QName("public", "q")
    store = MvccStore(CommittedState.empty(catalog, ""),
                      checks=compiled_checks(catalog))
    txn = store.begin()
    txn.statement_start(writes="INSERT")
    txn.insert(q, (1, 5))
    with pytest.raises(SqlError) as err:
        txn.check(q, (1, 0))  # collides on id too: the CHECK comes first
    assert (err.value.sqlstate, err.value.constraint) == ("23514", "q_n_check")
    with pytest.raises(SqlError) as err:
        txn.check(q, (2, None))
    assert err.value.sqlstate == "23502"
    txn.check(q, (1, 7))  # passes; nothing written
    assert [row for _, row in txn.scan(q)] == [(1, 5)]


def test_rollback_to_after_a_failure_frees_its_locks(store) -> None:
    """A failed statement inside a savepoint: undoing to the savepoint
    releases the relation locks taken after it."""
    write(store, (1, "a"))
    txn = store.begin()
    marker = txn.savepoint()
    txn.statement_start(writes="INSERT")
    txn.insert(P, (2, "b"))
    with pytest.raises(SqlError):
        txn.insert(P, (1, "dup"))
    assert [t for t, _ in store.relation_locks.holders(P)] == [txn]
    txn.rollback_to(marker)
    assert store.relation_locks.holders(P) == []
    other = store.begin()
    other.statement_start(writes="INSERT")
    other.insert(P, (2, "other"))
    other.statement_end()
    other.commit()
    txn.rollback()


def test_commit_is_atomic_and_versions_count(store) -> None:
    before = store.latest
    write(store, (1, "a"), (2, "b"))
    assert store.latest.number == before.number + 1
    assert len(before.tables[P].rows) == 0  # the old version is untouched
    reader = store.begin()
    reader.statement_start()
    reader.commit()  # a read-only commit publishes nothing
    assert store.latest.number == before.number + 1


def test_fk_checks_wait_for_statement_end(store) -> None:
    txn = store.begin()
    txn.statement_start(writes="INSERT")
    txn.insert(C, (1, 5))
    txn.insert(P, (5, "x"))  # the parent after the child: fine at the end
    txn.statement_end()
    txn.statement_start(writes="DELETE")
    rid = txn.lookup(P, "p_pkey", (5,))[0][0]
    txn.delete(P, rid)
    txn.statement_end()  # ON DELETE CASCADE
    assert rows(txn, C) == []
    txn.commit()


def test_sequences_are_not_rolled_back(store) -> None:
    session = store.session()
    with pytest.raises(SqlError) as err:
        session.currval(S)
    assert err.value.message == 'currval of sequence "s" is not yet defined in this session'
    with pytest.raises(SqlError) as err:
        session.lastval()
    assert err.value.message == "lastval is not yet defined in this session"
    txn = store.begin()
    assert [session.nextval(S, txn) for _ in range(3)] == [1, 2, 3]
    txn.rollback()
    assert store.committed_state().sequences[S] == SequenceState(3, True)
    with pytest.raises(SqlError) as err:
        session.nextval(S)
    assert (err.value.sqlstate, err.value.message) == (
        "2200H", 'nextval: reached maximum value of sequence "s" (3)')
    assert [session.nextval(CYC) for _ in range(3)] == [1, 2, 1]
    assert session.currval(S) == 3 and session.lastval() == 1
    with pytest.raises(SqlError) as err:
        session.setval(S, 0)
    assert (err.value.sqlstate, err.value.message) == (
        "22003", 'setval: value 0 is out of bounds for sequence "s" (1..3)')
    session.setval(S, 2, False)
    assert session.currval(S) == 3 and session.nextval(S) == 2
    other = store.session()
    with pytest.raises(SqlError):
        other.currval(S)


def test_truncate_restart_identity_is_transactional(store) -> None:
    session = store.session()
    write(store, (1, "a"))
    for _ in range(3):
        session.nextval(C_SEQ)
    txn = store.begin()
    txn.statement_start(writes="TRUNCATE TABLE")
    assert txn.truncate([C], restart_identity=True) == []
    assert session.nextval(C_SEQ, txn) == 1
    assert session.nextval(C_SEQ) == 4  # other sessions: the shared sequence
    txn.rollback()
    assert store.committed_state().sequences[C_SEQ] == SequenceState(4, True)
    txn = store.begin()
    txn.statement_start(writes="TRUNCATE TABLE")
    txn.truncate([C], restart_identity=True)
    txn.commit()
    assert store.committed_state().sequences[C_SEQ] == SequenceState(1, False)


def test_truncate_refuses_referenced_tables(store) -> None:
    txn = store.begin()
    txn.statement_start(writes="TRUNCATE TABLE")
    with pytest.raises(SqlError) as err:
        txn.truncate([P])
    assert err.value.fields() == {
        "sqlstate": "0A000",
        "message": "cannot truncate a table referenced in a foreign key constraint",
        "detail": 'Table "c" references "p".',
        "hint": 'Truncate table "c" at the same time, or use TRUNCATE ... CASCADE.'}
    assert txn.truncate([P], cascade=True) == ['truncate cascades to table "c"']
    txn.rollback()


def test_state_round_trip_builds_indexes(store) -> None:
    write(store, (1, "a"), (2, "b"))
    write(store, (1, 1), table=C)
    state = store.committed_state()
    again = MvccStore(state)
    assert snapshot.state_hash(again.committed_state()) == snapshot.state_hash(state)
    txn = again.begin()
    txn.statement_start(writes="INSERT")
    with pytest.raises(SqlError) as err:
        txn.insert(P, (2, "z"))
    assert err.value.detail == "Key (id)=(2) already exists."
    assert txn.lookup(C, "c_p_idx", (1,))[0][1] == (1, 1)


def test_loading_duplicate_rows_is_refused() -> None:
    catalog = load_schema(DDL).catalog
    state = CommittedState(catalog, DDL, {P: ((1, "a"), (1, "b")), C: ()},
                           CommittedState.empty(catalog, DDL).sequences)
    with pytest.raises(SqlError) as err:
        MvccStore(state)
    assert (err.value.sqlstate, err.value.message, err.value.detail) == (
        "23505", 'could not create unique index "p_pkey"', "Key (id)=(1) is duplicated.")


def test_commit_cost_does_not_grow_with_table_size() -> None:
    """A one-row commit on a 200k-row table shares almost all structure."""
    catalog = load_schema(DDL).catalog
    big = tuple((i, f"k{i}") for i in range(200_000))
    state = CommittedState(catalog, DDL, {P: big, C: ()},
                           CommittedState.empty(catalog, DDL).sequences)
    store = MvccStore(state)
    before = store.latest.tables[P]
    started = time.perf_counter()
    for i in range(200):
        write(store, (10**6 + i, f"n{i}"))
    elapsed = time.perf_counter() - started
    after = store.latest.tables[P]
    shared = sum(1 for a, b in zip(before.rows._chunks, after.rows._chunks) if a is b)
    assert shared >= len(before.rows._chunks) - 2
    assert elapsed < 5  # ~ms per commit, not a copy of 200k rows


def test_read_committed_write_follows_the_update_chain(store) -> None:
    """EvalPlanQual's seam: a row updated (twice, one update undone by a
    savepoint) and committed after a writer's snapshot is handed back in
    its newest version (`RowMoved`), which the writer may then update
    although its snapshot does not show it; a deleted one as None."""
    from twinning.store import RowMoved
    write(store, (1, "a"), (2, "b"))
    late = store.begin()
    late.statement_start(writes="UPDATE")
    rid = late.lookup(P, "p_pkey", (1,))[0][0]
    gone = late.lookup(P, "p_pkey", (2,))[0][0]
    other = store.begin()
    other.statement_start(writes="UPDATE")
    r1 = other.update(P, rid, (1, "b1"))
    marker = other.savepoint()
    other.update(P, r1, (1, "b2"))
    other.rollback_to(marker)
    other.delete(P, other.lookup(P, "p_pkey", (2,))[0][0])
    other.statement_end()
    other.commit()
    assert store.newest(P, rid) == (r1, (1, "b1"))
    with pytest.raises(RowMoved) as moved:
        late.update(P, rid, (1, "x"), follow=True)
    assert (moved.value.rid, moved.value.row) == (r1, (1, "b1"))
    with pytest.raises(RowMoved) as moved:
        late.delete(P, gone, follow=True)
    assert (moved.value.rid, moved.value.row) == (None, None)
    assert late.update(P, r1, (1, "x"), follow=True) is not None
    late.statement_end()
    late.commit()
    assert store.committed_state().rows[P] == ((1, "x"),)
