"""Sequences as PostgreSQL runs them: outside transactions.

`nextval` and `setval` change the shared position at once and are never
rolled back, so a value handed out by a transaction that later aborts is
still gone — and still part of committed state, as in PostgreSQL. The one
transactional exception is `TRUNCATE ... RESTART IDENTITY`, which gives the
truncating transaction its own copy of the sequence (PostgreSQL gives it a
new relfilenode): it is published on commit and dropped on rollback.

`currval`/`lastval` are per client session (`SequenceSession`): currval is
the last value nextval returned (or setval set with is_called) in this
session; lastval follows the sequence nextval last touched.

Caching (`CACHE n`) is not modelled: every nextval advances the shared
position by one step.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Callable, Mapping

from twinning.errors import (
    numeric_value_out_of_range, object_not_in_prerequisite_state,
    sequence_generator_limit_exceeded,
)
from twinning.ir.catalog import QName, Sequence
from twinning.state import SequenceState
from twinning.store.constraints import read_only

if TYPE_CHECKING:
    from twinning.store.transaction import Transaction


def advance(seq: Sequence, state: SequenceState) -> tuple[int, SequenceState]:
    """nextval_internal(): the value handed out and the new position."""
    if not state.is_called:
        return state.last_value, SequenceState(state.last_value, True)
    nxt = state.last_value + seq.increment
    if seq.increment > 0 and nxt > seq.max_value:
        if not seq.cycle:
            raise sequence_generator_limit_exceeded(f'nextval: reached maximum value of sequence '
                                                    f'"{seq.name.name}" ({seq.max_value})')
        nxt = seq.min_value
    elif seq.increment < 0 and nxt < seq.min_value:
        if not seq.cycle:
            raise sequence_generator_limit_exceeded(f'nextval: reached minimum value of sequence '
                                                    f'"{seq.name.name}" ({seq.min_value})')
        nxt = seq.max_value
    return nxt, SequenceState(nxt, True)


def check_setval(seq: Sequence, value: int) -> None:
    if not seq.min_value <= value <= seq.max_value:
        raise numeric_value_out_of_range(f'setval: value {value} is out of bounds for sequence '
                                         f'"{seq.name.name}" ({seq.min_value}..{seq.max_value})')


def restarted(seq: Sequence) -> SequenceState:
    return SequenceState(seq.start, False)


class SequenceTable:
    """Every sequence's shared position (store-wide, lock-protected)."""

    def __init__(self, defs: Mapping[QName, Sequence],
                 states: Mapping[QName, SequenceState]) -> None:
        self.defs = dict(defs)
        self._states = {name: states.get(name, restarted(seq)) for name, seq in defs.items()}
        self._lock = threading.Lock()

    def define(self, seq: Sequence) -> None:
        """A sequence created at run time, at its start (it is invisible to
        other sessions until its catalog commits; a rolled-back one stays
        here unused, and `committed_state` leaves it out)."""
        with self._lock:
            self.defs[seq.name] = seq
            self._states[seq.name] = restarted(seq)

    def definition(self, name: QName) -> Sequence:
        seq = self.defs.get(name)
        if seq is None:
            raise KeyError(name)
        return seq

    def nextval(self, name: QName) -> int:
        seq = self.definition(name)
        with self._lock:
            value, self._states[name] = advance(seq, self._states[name])
        return value

    def drawer(self, name: QName) -> Callable[[], int]:
        """nextval(name) with the definition looked up once."""
        seq, states, lock = self.definition(name), self._states, self._lock

        def draw() -> int:
            with lock:
                value, states[name] = advance(seq, states[name])
            return value
        return draw

    def setval(self, name: QName, value: int, is_called: bool) -> None:
        seq = self.definition(name)
        check_setval(seq, value)
        with self._lock:
            self._states[name] = SequenceState(value, is_called)

    def publish(self, states: Mapping[QName, SequenceState]) -> None:
        with self._lock:
            self._states.update(states)

    def snapshot(self) -> dict[QName, SequenceState]:
        with self._lock:
            return dict(self._states)

    def copy(self) -> SequenceTable:
        """An independent table at the same positions (a forked database's)."""
        twin = SequenceTable.__new__(SequenceTable)
        with self._lock:
            twin.defs, twin._states = dict(self.defs), dict(self._states)
        twin._lock = threading.Lock()
        return twin

    def restore(self, other: SequenceTable) -> None:
        """Take `other`'s definitions and positions, in place (the dicts
        are shared with the drawers handed out: `drawer`)."""
        defs, states = other.snapshot_all()
        with self._lock:
            self.defs.clear()
            self.defs.update(defs)
            self._states.clear()
            self._states.update(states)

    def snapshot_all(self) -> tuple[dict, dict]:
        with self._lock:
            return dict(self.defs), dict(self._states)


class SequenceSession:
    """One client session's view: currval per sequence and lastval."""

    def __init__(self, table: SequenceTable) -> None:
        self._table = table
        self._current: dict[QName, int] = {}
        self._last_used: QName | None = None

    def nextval(self, name: QName, txn: Transaction | None = None) -> int:
        if txn is not None and txn.read_only:
            raise read_only("nextval()")
        local = txn.local_sequence(name) if txn is not None else None
        if local is not None:
            value, state = advance(self._table.definition(name), local)
            txn.set_local_sequence(name, state)
        else:
            value = self._table.nextval(name)
        self._current[name] = value
        self._last_used = name
        return value

    def drawer(self, name: QName, txn: Transaction) -> Callable[[], int]:
        """`nextval(name, txn)` for the rows of one statement (a bulk load's
        defaults): the same values, errors and currval/lastval, with the
        per-call checks done once. A read-only transaction or one with its
        own copy of the sequence gets plain nextval calls."""
        if not self.exists(name) or txn.read_only or \
                txn.local_sequence(name) is not None:
            return lambda: self.nextval(name, txn)
        shared, current = self._table.drawer(name), self._current

        def draw() -> int:
            value = shared()
            current[name] = value
            self._last_used = name
            return value
        return draw

    def setval(self, name: QName, value: int, is_called: bool = True,
               txn: Transaction | None = None) -> int:
        if txn is not None and txn.read_only:
            raise read_only("setval()")
        seq = self._table.definition(name)
        check_setval(seq, value)
        if txn is not None and txn.local_sequence(name) is not None:
            txn.set_local_sequence(name, SequenceState(value, is_called))
        else:
            self._table.setval(name, value, is_called)
        if is_called:
            self._current[name] = value
        return value

    def exists(self, name: QName) -> bool:
        return name in self._table.defs

    def discard(self) -> None:
        """DISCARD SEQUENCES: no currval or lastval until the next nextval."""
        self._current.clear()
        self._last_used = None

    def currval(self, name: QName) -> int:
        value = self._current.get(name)
        if value is None:
            self._table.definition(name)
            raise object_not_in_prerequisite_state(f'currval of sequence "{name.name}" is not yet '
                                                   "defined in this session")
        return value

    def lastval(self) -> int:
        if self._last_used is None:
            raise object_not_in_prerequisite_state("lastval is not yet defined in this session")
        return self._current[self._last_used]
