"""Many databases over one base (issue 16) against a dict model.

`ForksMachine` drives a twin's databases (`twinning.databases`): CREATE
DATABASE … TEMPLATE of any existing one, DROP, RENAME, upserts and deletes
committed in one database, a transaction left open in one database
holding a key while another database writes the same key (which must
neither wait nor fail: a 1 ms lock_timeout would turn a shared lock or
in-flight key into 55P03), sequence draws, and twinning.reset(). The model
is a dict per database name of its committed rows and sequence position,
plus the state each was created (forked) or loaded with. After every rule
each database's committed rows and sequence equal the model's, and a fork
has never changed its template.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (RuleBasedStateMachine, invariant, precondition,
                                 rule, run_state_machine_as_test)

from twinning.databases import Databases
from twinning.engine import Engine
from twinning.errors import SqlError
from twinning.ir.catalog import QName
from twinning.passes import load_schema
from twinning.state import CommittedState

DDL = "CREATE TABLE t (k int PRIMARY KEY, v int); CREATE SEQUENCE s;"
T = QName("public", "t")
S = QName("public", "s")
KEYS = st.integers(0, 5)
VALS = st.integers(0, 3)
NAMES = st.sampled_from(["a", "b", "c", "d"])


def _write(engine: Engine, op: str, k: int, v: int = 0) -> None:
    txn = engine.store.begin()
    txn.statement_start(writes="INSERT" if op == "upsert" else "DELETE",
                        lock_timeout_ms=1)
    found = txn.lookup(T, "t_pkey", (k,))
    if op == "upsert":
        if found:
            txn.update(T, found[0][0], (k, v))
        else:
            txn.insert(T, (k, v))
    else:
        for rid, _ in found:
            txn.delete(T, rid)
    txn.statement_end()
    txn.commit()


class ForksMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        catalog = load_schema(DDL).catalog
        self.base = Engine(CommittedState.empty(catalog, DDL))
        self.databases = Databases.of(self.base)
        # name → (rows, sequence draws); origin: the state at creation
        self.model: dict[str, tuple[dict[int, int], int]] = {"postgres": ({}, 0)}
        self.origin: dict[str, tuple[dict[int, int], int]] = {"postgres": ({}, 0)}
        self.sequences = {"postgres": self.base.store.session()}
        self.held = None  # (name, open transaction) holding a key

    def _engine(self, name: str) -> Engine:
        return self.databases.get(name).engine

    def _pick(self, data) -> str:
        return data.draw(st.sampled_from(sorted(self.model)))

    @rule(data=st.data(), name=NAMES)
    def create(self, data, name: str) -> None:
        template = self._pick(data)
        if name in self.model:
            try:
                self.databases.create(name, template)
            except SqlError as exc:
                assert exc.sqlstate == "42P04"
            return
        self.databases.create(name, template)
        rows, draws = self.model[template]
        self.model[name] = (dict(rows), draws)
        self.origin[name] = (dict(rows), draws)
        self.sequences[name] = self._engine(name).store.session()

    @precondition(lambda self: len(self.model) > 1)
    @rule(data=st.data())
    def drop(self, data) -> None:
        name = self._pick(data)
        if name == "postgres" or (self.held and self.held[0] == name):
            return
        self.databases.drop(name, False, self.base)
        for table in (self.model, self.origin, self.sequences):
            del table[name]

    @rule(data=st.data(), new=NAMES)
    def rename(self, data, new: str) -> None:
        name = self._pick(data)
        if name == "postgres" or new in self.model or (
                self.held and self.held[0] == name):
            return
        self.databases.rename(name, new, self.base)
        for table in (self.model, self.origin, self.sequences):
            table[new] = table.pop(name)

    @rule(data=st.data(), k=KEYS, v=VALS)
    def upsert(self, data, k: int, v: int) -> None:
        name = self._pick(data)
        if self.held and self.held[0] == name and k == self.held[2]:
            return  # the same database's key: PostgreSQL would wait too
        _write(self._engine(name), "upsert", k, v)
        self.model[name][0][k] = v

    @rule(data=st.data(), k=KEYS)
    def delete(self, data, k: int) -> None:
        name = self._pick(data)
        if self.held and self.held[0] == name and k == self.held[2]:
            return
        _write(self._engine(name), "delete", k)
        self.model[name][0].pop(k, None)

    @rule(data=st.data())
    def nextval(self, data) -> None:
        name = self._pick(data)
        rows, draws = self.model[name]
        assert self.sequences[name].nextval(S) == draws + 1
        self.model[name] = (rows, draws + 1)

    @precondition(lambda self: self.held is None)
    @rule(data=st.data(), k=KEYS)
    def hold(self, data, k: int) -> None:
        """An open transaction in one database that wrote key k."""
        name = self._pick(data)
        txn = self._engine(name).store.begin()
        txn.statement_start(writes="INSERT", lock_timeout_ms=1)
        found = txn.lookup(T, "t_pkey", (k,))
        if found:
            txn.update(T, found[0][0], (k, 9))
        else:
            txn.insert(T, (k, 9))
        txn.statement_end()
        self.held = (name, txn, k)

    @precondition(lambda self: self.held is not None and len(self.model) > 1)
    @rule(data=st.data(), v=VALS)
    def write_held_key_elsewhere(self, data, v: int) -> None:
        """Another database writes the key the open transaction holds: no
        wait, no 55P03 (each database has its own in-flight keys)."""
        held_name, _, k = self.held
        name = data.draw(st.sampled_from(sorted(set(self.model) - {held_name})))
        _write(self._engine(name), "upsert", k, v)
        self.model[name][0][k] = v

    @precondition(lambda self: self.held is not None)
    @rule(commit=st.booleans())
    def release(self, commit: bool) -> None:
        name, txn, k = self.held
        self.held = None
        if commit:
            txn.commit()
            self.model[name][0][k] = 9
        else:
            txn.rollback()

    @rule(data=st.data())
    def reset(self, data) -> None:
        name = self._pick(data)
        if self.held and self.held[0] == name:
            return
        self._engine(name).store.reset()
        rows, draws = self.origin[name]
        self.model[name] = (dict(rows), draws)
        self.sequences[name].discard()

    @invariant()
    def every_database_is_its_model(self) -> None:
        names = {d.name for d in self.databases.all()} - {"template0",
                                                          "template1"}
        assert names == set(self.model)
        for name, (rows, draws) in self.model.items():
            state = self._engine(name).committed_state()
            assert {r[0]: r[1] for r in state.rows[T]} == rows, name
            assert state.sequences[S].last_value == (draws or 1), name
            assert state.sequences[S].is_called == bool(draws), name

    def teardown(self) -> None:
        if self.held is not None:
            self.held[1].rollback()


def test_forks_against_the_model() -> None:
    run_state_machine_as_test(ForksMachine, settings=settings(
        max_examples=60, stateful_step_count=30, deadline=None,
        suppress_health_check=[HealthCheck.too_slow]))
