"""Hash indexes: a key per row, equality as PostgreSQL's default operator
class sees it, and a transaction's uncommitted changes to each index.

A key is the normalised column values (`twinning.values.keys`), so that
Python `==`/`hash` agree with PostgreSQL's `=` for the column type: the
value itself for a one-column index (NULLS DISTINCT, the usual kind), a
tuple of them otherwise. The bare value saves a tuple and its hash, which
is not cached, at every probe, claim and commit of a key.

Committed index maps are `PMap`s: unique index key -> row id, non-unique
key -> frozenset of row ids. Keys holding a NULL are left out (`=` never
matches NULL, and NULLs never conflict), except in a NULLS NOT DISTINCT
unique index, where NULL is a value like any other. A partial index's
`predicate` leaves out the rows it is not true for: they have no key, so
they are never found through it and never conflict in it.

An overlay records one transaction's changes to one index on top of the
committed map; rows appear and disappear in it (an update is one of each),
which is also how savepoint undo replays them backwards.
"""

from __future__ import annotations

from itertools import repeat
from operator import is_, itemgetter
from typing import Any, Callable, Hashable, Iterable

from twinning.ir.node import node
from twinning.store.pmap import DELETE, PMap, any_of, evolved

Key = Hashable
_NOTHING: frozenset = frozenset()


@node
class IndexDef:
    """One index of a table: which columns, how keys compare, and whether it
    is unique. `name` is the catalog index name, or `fk:<constraint>` for the
    index the store keeps on a foreign key's columns for parent-side checks."""

    name: str
    columns: tuple[str, ...]
    positions: tuple[int, ...]
    normalisers: tuple[Callable[[Any], Hashable] | None, ...]
    unique: bool = False
    nulls_not_distinct: bool = False
    primary: bool = False
    constraint: str | None = None  # the PK/UNIQUE constraint owning it
    predicate: Callable[[tuple], bool] | None = None  # a partial index's WHERE
    # an expression index: the row's key values (`positions` is then
    # empty), and each key's text and type for 23505's DETAIL
    expression: Callable[[tuple], tuple] | None = None
    key_names: tuple[str, ...] = ()
    key_types: tuple = ()

    def key(self, row: tuple) -> Key | None:
        """The row's key, or None when it holds a NULL the index leaves
        out (or the row is outside a partial index)."""
        if self.predicate is not None and not self.predicate(row):
            return None
        if len(self.positions) == 1 and not self.nulls_not_distinct:
            value = row[self.positions[0]]  # the common case, kept cheap
            if value is None:
                return None
            norm = self.normalisers[0]
            return value if norm is None else norm(value)
        if self.expression is not None:
            return self.key_of_values(self.expression(row))
        return self.key_of_values(row[p] for p in self.positions)

    def keys(self, rows: list[tuple]) -> list[Key | None]:
        """`key` of each row; for a plain one-column index with no NULL
        among the rows, a column at a time at C speed."""
        if self.predicate is None and len(self.positions) == 1 \
                and not self.nulls_not_distinct:
            values = list(map(itemgetter(self.positions[0]), rows))
            if not any(map(is_, values, repeat(None))):
                norm = self.normalisers[0]
                return values if norm is None else list(map(norm, values))
        return list(map(self.key, rows))

    def key_of_values(self, values: Iterable[Any]) -> Key | None:
        """A key for values given in this index's column order."""
        if len(self.positions) == 1 and not self.nulls_not_distinct:
            (value,) = values
            if value is None:
                return None
            norm = self.normalisers[0]
            return value if norm is None else norm(value)
        out = []
        for value, norm in zip(values, self.normalisers):
            if value is None:
                if not self.nulls_not_distinct:
                    return None
                out.append(None)
            else:
                out.append(value if norm is None else norm(value))
        return tuple(out)

    def build(self, rows: Iterable[tuple[int, tuple]]) -> tuple[PMap, tuple[int, int] | None]:
        """The committed map for `rows`, and the first duplicate (rid, rid)
        of a unique index, if any."""
        if len(self.positions) == 1 and not self.nulls_not_distinct \
                and self.predicate is None:
            # the common index, keyed in comprehensions (a restore of
            # 100,000s of rows builds every index here)
            p, norm = self.positions[0], self.normalisers[0]
            if norm is None:
                keyed = [(row[p], rid) for rid, row in rows if row[p] is not None]
            else:
                keyed = [(norm(row[p]), rid) for rid, row in rows
                         if row[p] is not None]
        else:
            keyed = [(key, rid) for rid, row in rows
                     if (key := self.key(row)) is not None]
        if self.unique:
            pairs = dict(keyed)
            if len(pairs) == len(keyed):
                return PMap(pairs), None
            seen: dict = {}
            for key, rid in keyed:
                other = seen.get(key)
                if other is not None:
                    return PMap(), (other, rid)
                seen[key] = rid
        groups: dict = {}
        for key, rid in keyed:
            groups.setdefault(key, set()).add(rid)
        return PMap({k: frozenset(v) for k, v in groups.items()}), None


class UniqueOverlay:
    """A transaction's changes to a unique index: key -> row id or DELETE."""

    __slots__ = ("base", "changes")

    def __init__(self, base: PMap) -> None:
        self.base = base
        self.changes: dict = {}

    def get(self, key: Key) -> int | None:
        value = self.changes.get(key)
        if value is None:
            return self.base.get(key)
        return None if value is DELETE else value

    def lookup(self, key: Key) -> Iterable[int]:
        rid = self.get(key)
        return () if rid is None else (rid,)

    def appear(self, key: Key, rid: int) -> None:
        if self.base.get(key) == rid:
            self.changes.pop(key, None)
        else:
            self.changes[key] = rid

    def appear_new(self, key: Key, rid: int) -> None:
        """appear() of a row id that was never committed."""
        self.changes[key] = rid

    def appear_new_many(self, keys: list[Key | None],
                        rids: Iterable[int]) -> None:
        """appear_new() of each (key, row id), None keys left out."""
        if any(map(is_, keys, repeat(None))):
            self.changes.update((k, r) for k, r in zip(keys, rids) if k is not None)
        else:
            self.changes.update(zip(keys, rids))

    def any_taken(self, keys: list[Key]) -> bool:
        """Does any of `keys` (no None among them) have a row, as `get`
        sees it? The committed map is asked for the keys the transaction
        has not changed."""
        changes = self.changes
        if changes:
            changed = changes.keys() & set(keys)
            if any(changes[k] is not DELETE for k in changed):
                return True
            if changed:
                keys = [k for k in keys if k not in changed]
        return any_of(self.base, keys)

    def disappear(self, key: Key, rid: int) -> None:
        if self.get(key) != rid:
            return
        if key in self.base:
            self.changes[key] = DELETE
        else:
            self.changes.pop(key, None)

    def commit(self, onto: PMap | None = None) -> PMap:
        """The committed map with these changes, applied onto `onto` (a
        newer committed map: other transactions' keys merge in)."""
        return evolved(self.base if onto is None else onto, self.changes)


class MultiOverlay:
    """A transaction's changes to a non-unique index: per key, the row ids
    added and removed (so a key shared by many rows is never copied per
    change, only once at commit)."""

    __slots__ = ("base", "changes")

    def __init__(self, base: PMap) -> None:
        self.base = base
        self.changes: dict[Key, tuple[set, set]] = {}

    def lookup(self, key: Key) -> Iterable[int]:
        committed = self.base.get(key, _NOTHING)
        delta = self.changes.get(key)
        if delta is None:
            return committed
        added, removed = delta
        return (committed - removed) | added

    def get(self, key: Key) -> int | None:
        return next(iter(self.lookup(key)), None)

    def _delta(self, key: Key) -> tuple[set, set]:
        delta = self.changes.get(key)
        if delta is None:
            delta = self.changes[key] = (set(), set())
        return delta

    def appear(self, key: Key, rid: int) -> None:
        """Undo a removal of `rid`, or add it (disappear() mirrors this)."""
        added, removed = self._delta(key)
        (removed.discard if rid in removed else added.add)(rid)

    def appear_new(self, key: Key, rid: int) -> None:
        """appear() of a row id that was never committed (nor removed)."""
        self._delta(key)[0].add(rid)

    def appear_new_many(self, keys: Iterable[Key | None],
                        rids: Iterable[int]) -> None:
        for key, rid in zip(keys, rids):
            if key is not None:
                self._delta(key)[0].add(rid)

    def disappear(self, key: Key, rid: int) -> None:
        added, removed = self._delta(key)
        (added.discard if rid in added else removed.add)(rid)

    def commit(self, onto: PMap | None = None) -> PMap:
        """The committed map with these changes, applied per key onto
        `onto` (a newer committed map: other transactions' ids stay)."""
        base = self.base if onto is None else onto
        out: dict = {}
        for key, (added, removed) in self.changes.items():
            if not added and not removed:
                continue
            ids = (base.get(key, _NOTHING) - removed) | added
            out[key] = frozenset(ids) if ids else DELETE
        return evolved(base, out)


def overlay_for(defn: IndexDef, base: PMap) -> UniqueOverlay | MultiOverlay:
    return UniqueOverlay(base) if defn.unique else MultiOverlay(base)
