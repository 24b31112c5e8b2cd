"""Foreign keys: PostgreSQL's RI triggers as a per-statement queue.

PostgreSQL checks foreign keys in AFTER ROW triggers that fire when the
statement ends, in the order the rows were written (per row, in trigger
name order: the parent-side "action" triggers before the child-side
"check" ones, each in FK creation order). Writes done by a cascading action
queue their own events behind the ones already waiting. So the store
queues an event per written row and FK, and `Transaction.statement_end()`
runs the queue to empty. Within one multi-row INSERT a child may come
before its parent; the check only runs at the end.

Every check is an index lookup at the time the event fires:
- child check (insert, or update that changed the key or touched a row
  this transaction inserted): skip when the row version is gone (deleted
  or updated again later in the statement) or a key column is NULL (MATCH
  SIMPLE); else the parent's unique index must hold the key, and the
  parent row is locked FOR KEY SHARE (`Transaction.lock_parent`: a
  concurrent delete of it waits for the child's transaction, and the
  check waits for a transaction deleting it).
- parent delete/update with the old key (NULL-free, and for updates
  changed): NO ACTION first looks whether another parent row now carries
  the old key (then nothing is referenced any more); NO ACTION and
  RESTRICT raise when a child row still references the key; CASCADE
  deletes the children or rewrites their key; SET NULL / SET DEFAULT
  rewrite the FK columns (defaults from the caller's callables). A SET
  DEFAULT that leaves a child pointing at the deleted key fails the way
  PostgreSQL's re-check does, and a default no parent has fails the
  child's own check. Cascades over cycles end because a cascaded write
  of a row that is already gone finds nothing to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from twinning.ir.node import node
from twinning.errors import FEATURE_NOT_SUPPORTED, SqlError
from twinning.store.constraints import fk_missing_parent, fk_still_referenced
from twinning.store.schema import FkLink

if TYPE_CHECKING:
    from twinning.store.transaction import Transaction


@node
class ChildCheck:
    link: FkLink
    rid: int  # the child row version that was written


@node
class ParentChange:
    link: FkLink
    old: tuple  # the parent row before
    new: tuple | None  # after an update; None for a delete


Event = ChildCheck | ParentChange


def fire(txn: Transaction, event: Event) -> None:
    if isinstance(event, ChildCheck):
        _check_child(txn, event)
    else:
        _parent_changed(txn, event)


def parent_has(txn: Transaction, link: FkLink, key: tuple) -> bool:
    """Does a visible parent row have `key` (in the FK's column order)?"""
    values = tuple(key[i] for i in link.parent_order)
    return next(iter(txn.lookup_ids(link.parent, link.parent_index, values)), None) is not None


def _parent_locked(txn: Transaction, link: FkLink, key: tuple) -> bool:
    """parent_has(), the parent row locked FOR KEY SHARE as RI_FKey_check's
    query does (so it cannot go while the child's transaction runs)."""
    values = tuple(key[i] for i in link.parent_order)
    return txn.lock_parent(link.parent, link.parent_index, values)


def _check_child(txn: Transaction, event: ChildCheck,
                 found: dict | None = None) -> None:
    """The child row still has its parent; `found` remembers parent keys
    already looked up (valid while the statement changes no parent)."""
    link = event.link
    row = txn.get(link.child, event.rid)
    if row is None:
        return
    key = link.child_key(row)
    if None in key:
        return
    if found is None:
        present = _parent_locked(txn, link, key)
    else:
        present = found.get((id(link), key))
        if present is None:
            present = found[id(link), key] = _parent_locked(txn, link, key)
    if not present:
        raise fk_missing_parent(link, txn.info(link.child), row, txn.settings)


def check_children(txn: Transaction, events: list[ChildCheck]) -> None:
    """_check_child() for each event in order, for a statement that only
    inserted (COPY FROM): child checks change nothing, so within the run
    each parent key is looked up once."""
    found: dict[tuple[int, tuple], bool] = {}
    for event in events:
        _check_child(txn, event, found)


def _parent_changed(txn: Transaction, event: ParentChange) -> None:
    link, old = event.link, event.old
    action = link.on_delete if event.new is None else link.on_update
    key = link.parent_key(old)
    if action == "NO ACTION" and parent_has(txn, link, key):
        return
    children = list(txn.lookup_ids(link.child, link.child_index, key))
    if not children:
        return
    if action in ("NO ACTION", "RESTRICT"):
        raise fk_still_referenced(link, txn.info(link.parent), old, txn.settings)
    if txn.catalog.triggers and any(  # PostgreSQL fires them for the rows
            ("delete" if action == "CASCADE" and event.new is None else "update")
            in trigger.events for trigger in txn.catalog.triggers_of(link.child)):
        raise SqlError(FEATURE_NOT_SUPPORTED, f"foreign key action {action} on a table with "
                                     "triggers is not supported by twinning")
    try:
        _apply_action(txn, link, action, event, children, key)
    except SqlError as exc:
        line = f'SQL statement "{ri_query(link, action, event.new is None)}"'
        exc.where = f"{exc.where}\n{line}" if exc.where else line
        raise
    if action == "SET DEFAULT" and not parent_has(txn, link, key) \
            and next(iter(txn.lookup_ids(link.child, link.child_index, key)), None) is not None:
        raise fk_still_referenced(link, txn.info(link.parent), old, txn.settings)


def ri_query(link: FkLink, action: str, delete: bool) -> str:
    """The SQL ri_triggers.c runs for an action: PostgreSQL names it in the
    CONTEXT of any error the action meets."""
    child = f'"{link.child.schema}"."{link.child.name}"'
    columns = [f'"{c}"' for c in link.child_columns]
    if action == "CASCADE" and delete:
        where = " AND ".join(f"${i} OPERATOR(pg_catalog.=) {c}"
                             for i, c in enumerate(columns, 1))
        return f"DELETE FROM ONLY {child} WHERE {where}"
    if action == "CASCADE":
        sets = ", ".join(f"{c} = ${i}" for i, c in enumerate(columns, 1))
        first = len(columns) + 1
    else:
        value = "NULL" if action == "SET NULL" else "DEFAULT"
        sets = ", ".join(f"{c} = {value}" for c in columns)
        first = 1
    where = " AND ".join(f"${i} OPERATOR(pg_catalog.=) {c}"
                         for i, c in enumerate(columns, first))
    return f"UPDATE ONLY {child} SET {sets} WHERE {where}"


def _apply_action(txn: Transaction, link: FkLink, action: str,
                  event: ParentChange, children: list, key: tuple) -> None:
    if action == "CASCADE" and event.new is None:
        for rid in children:
            txn.delete(link.child, rid)
        return
    if action == "CASCADE":
        values = link.parent_key(event.new)
    elif action == "SET NULL":
        values = (None,) * len(link.child_positions)
    else:  # SET DEFAULT
        defaults = txn.info(link.child).defaults
        values = tuple(defaults[p](txn.context) if p in defaults else None
                       for p in link.child_positions)
    for rid in children:
        row = txn.get(link.child, rid)
        if row is None:
            continue
        new_row = list(row)
        for p, value in zip(link.child_positions, values):
            new_row[p] = value
        txn.update(link.child, rid, tuple(new_row))
