"""COPY's block insert (`Transaction.insert_block`) changes a store exactly
as inserting the block's rows one at a time (`insert_rows`) does.

For any block over a table with NOT NULL, CHECK, a primary key, a unique
column and a foreign key (rows that break any of them, repeat keys inside
the block, or collide with committed rows): the same rows inserted, the
same first error, the same visible rows and index answers, the same foreign
key checks queued.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from twinning.bootstrap import compile_schema
from twinning.engine import store_schema
from twinning.ir.catalog import QName
from twinning.state import CommittedState
from twinning.store import MvccStore

SCHEMA = """
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE t (id int PRIMARY KEY, u int UNIQUE, n int NOT NULL,
                c int CHECK (c > 0), p_id int REFERENCES p,
                x numeric CHECK (x >= 0));
"""
CATALOG, _ = compile_schema(SCHEMA, "<test>")
T = QName("public", "t")
SMALL = st.integers(0, 6)
ROW = st.tuples(SMALL, st.one_of(st.none(), SMALL), st.one_of(st.none(), SMALL),
                st.one_of(st.none(), st.integers(-1, 3)), st.one_of(st.none(), SMALL),
                st.one_of(st.none(), st.sampled_from(
                    [Decimal(-1), Decimal(0), Decimal("2.5"), Decimal("NaN")])))


def _store(committed: list[tuple]) -> MvccStore:
    state = CommittedState.empty(CATALOG, SCHEMA)
    rows = dict(state.rows)
    rows[QName("public", "p")] = tuple((i,) for i in range(4))
    rows[T] = tuple(committed)
    return MvccStore(CommittedState(CATALOG, SCHEMA, rows, state.sequences),
                     schema_for=store_schema)


def _outcome(store: MvccStore, block: list[tuple], bulk: bool):
    txn = store.begin()
    txn.statement_start(writes="COPY FROM")
    insert = txn.insert_block if bulk else txn.insert_rows
    count, error = insert(T, list(block))
    visible = sorted(row for _, row in txn.scan(T))
    found = [txn.lookup(T, "t_u_key", (v,)) for v in range(7)]
    return (count, error and error.fields(), visible, found,
            [(e.link.name, e.rid) for e in txn._pending])


@settings(max_examples=300, deadline=None)
@example(block=[(1, None, 1, 1, None, None), (2, None, 1, 1, None, Decimal(-1))],
         committed=[])  # a NULL, then a failing value, for the column test
@example(block=[(1, None, 1, 1, None, Decimal("NaN")), (2, None, 1, 1, None, Decimal(-1))],
         committed=[])
@given(block=st.lists(ROW, max_size=8), committed=st.lists(ROW, max_size=3,
                                                          unique_by=lambda r: r[0]))
def test_block_insert_is_rows_one_at_a_time(block, committed):
    committed = [(i, None, 1, 1, None, None) for i, *_ in committed]  # valid rows
    assert _outcome(_store(committed), block, True) == \
        _outcome(_store(committed), block, False)
