"""Persistent maps: immutable values that are cheap to derive from.

Committed versions share almost everything with their predecessor, so the
maps here never change once built; a new version's map is derived from the
old one by copying only what the changes touch.

- `RowMap`: row id -> row, iterated in row-id order (PostgreSQL's heap order
  for a table that is only appended to, which is what an unordered SELECT
  shows). Plain dicts inside, so a lookup is two subscripts in C and a scan
  chains the chunks' own views. Ids are grouped into chunks of 256
  consecutive ids; a commit copies the touched chunks and the chunk tuple
  (n/256 pointers): for a one-row commit, a copy of ~128 entries on average.
- `PMap`: any hashable key -> value, for indexes: `immutables.Map`, the
  hash array mapped trie of PEP 567 (contextvars) in C. A one-key commit
  copies one path of the trie: 0.1–0.4 µs at any size, where the hashed
  buckets this replaced copied ~4·sqrt(n) pointers (1–7 µs at 5,000–110,000
  keys); a lookup is one C call (~70–90 ns against ~100–150 ns). Its order
  of iteration is unspecified. `evolved` applies a changes mapping.

Deletion is spelled `DELETE` in a changes mapping.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import chain, repeat
from operator import is_, itemgetter
from typing import Any, Hashable, Iterator, Mapping

from immutables import Map as PMap

DELETE: Any = type("Delete", (), {"__repr__": lambda self: "DELETE"})()

CHUNK_BITS = 8
_EMPTY: dict = {}  # shared by every empty chunk/bucket; never mutated


class RowMap:
    """row id (int >= 0) -> row, in id order; immutable."""

    __slots__ = ("_chunks", "_first", "_len", "_columns")

    def __init__(self, chunks: tuple[dict, ...] = (), first: int = 0,
                 length: int = 0) -> None:
        self._chunks = chunks
        self._first = first  # chunk number of _chunks[0]
        self._len = length
        self._columns: dict[int, tuple[list, bool]] | None = None

    @classmethod
    def build(cls, rows: Iterator[tuple[int, tuple]] | list) -> RowMap:
        """From (id, row) pairs in increasing id order."""
        chunks: dict[int, dict] = {}
        count = 0
        for rid, row in rows:
            chunks.setdefault(rid >> CHUNK_BITS, {})[rid] = row
            count += 1
        return cls._assemble(chunks, count)

    @classmethod
    def _assemble(cls, by_number: dict[int, dict], count: int) -> RowMap:
        live = [n for n, c in by_number.items() if c]
        if not live:
            return cls()
        first, last = min(live), max(live)
        chunks = tuple(by_number.get(n) or _EMPTY for n in range(first, last + 1))
        return cls(chunks, first, count)

    def __len__(self) -> int:
        return self._len

    def get(self, rid: int) -> tuple | None:
        i = (rid >> CHUNK_BITS) - self._first
        if 0 <= i < len(self._chunks):
            return self._chunks[i].get(rid)
        return None

    def __contains__(self, rid: int) -> bool:
        return self.get(rid) is not None

    # chain over the chunks' own views: the scan loops of plans and COPY
    # pull every row through these, so no Python frame is resumed per row
    def items(self) -> Iterator[tuple[int, tuple]]:
        return chain.from_iterable(map(dict.items, self._chunks))

    def values(self) -> Iterator[tuple]:
        return chain.from_iterable(map(dict.values, self._chunks))

    def column(self, slot: int) -> tuple[list, bool]:
        """Every row's value at `slot` in id order, and whether any is
        None: a columnar copy made on first use and kept with the map,
        which never changes (so the copy lives until a write replaces the
        table's map). Aggregation reads a column of every row many times
        over; a pass over one list of pointers touches a few cache lines
        where a pass over the row tuples misses on each row.
        Concurrent first uses may both build it; either copy is right."""
        columns = self._columns
        if columns is None:
            columns = self._columns = {}
        found = columns.get(slot)
        if found is None:
            values = list(map(itemgetter(slot), self.values()))
            found = columns[slot] = (values, any(map(is_, values, repeat(None))))
        return found

    def evolve(self, changes: Mapping[int, Any]) -> RowMap:
        """A new map with `changes` (id -> row or DELETE) applied.

        New ids are usually larger than every id already present (the
        store allocates them monotonically), which keeps each chunk's dict
        in id order without sorting it; a transaction that commits after
        a later-started one has smaller new ids, and a chunk they land
        before existing ids in is sorted again."""
        if not changes:
            return self
        if len(changes) == 1:  # a one-row commit: its chunk, or a new last one
            (rid, value), = changes.items()
            i = (rid >> CHUNK_BITS) - self._first
            chunks = self._chunks
            if not chunks and value is not DELETE:  # the first row
                return RowMap(({rid: value},), rid >> CHUNK_BITS, 1)
            if value is not DELETE and 0 <= i <= len(chunks):
                chunk = dict(chunks[i]) if i < len(chunks) else {}
                before = len(chunk)
                chunk[rid] = value
                if before and rid < next(reversed(chunks[i])):
                    chunk = dict(sorted(chunk.items()))  # committed out of order
                return RowMap(chunks[:i] + (chunk,) + chunks[i + 1:], self._first,
                              self._len + len(chunk) - before)
        if not any(map(is_, changes.values(), repeat(DELETE))):
            return self._appended(changes)
        touched: dict[int, dict] = {}
        unsorted: set[int] = set()
        count = self._len
        for rid in sorted(changes):
            number = rid >> CHUNK_BITS
            chunk = touched.get(number)
            if chunk is None:
                chunk = touched[number] = dict(self._chunk(number))
            value = changes[rid]
            if value is DELETE:
                if chunk.pop(rid, None) is not None:
                    count -= 1
            else:
                if rid not in chunk:
                    count += 1
                    if chunk and rid < next(reversed(chunk)):
                        unsorted.add(number)
                chunk[rid] = value
        for number in unsorted:  # committed out of order
            touched[number] = dict(sorted(touched[number].items()))
        return self._with(touched, count)

    def _chunk(self, number: int) -> dict:
        i = number - self._first
        return self._chunks[i] if 0 <= i < len(self._chunks) else _EMPTY

    def _appended(self, rows: Mapping[int, Any]) -> RowMap:
        """evolve() without deletions: each touched chunk copied and
        extended (or updated in place) once, at C speed."""
        rids = sorted(rows)
        touched: dict[int, dict] = {}
        count = self._len
        i, n = 0, len(rids)
        while i < n:
            number = rids[i] >> CHUNK_BITS
            j = bisect_left(rids, (number + 1) << CHUNK_BITS, i)
            chunk = touched[number] = dict(self._chunk(number))
            count -= len(chunk)
            part = rids[i:j]
            late = bool(chunk) and part[0] < next(reversed(chunk))
            chunk.update(zip(part, map(rows.__getitem__, part)))
            if late:  # committed out of order
                chunk = touched[number] = dict(sorted(chunk.items()))
            count += len(chunk)
            i = j
        return self._with(touched, count)

    def _with(self, touched: dict[int, dict], count: int) -> RowMap:
        """This map with the `touched` chunks (by number) replaced."""
        first = self._first
        chunks = list(self._chunks)
        if not chunks or min(touched) < first \
                or max(touched) > first + len(chunks):
            by_number = {first + i: c for i, c in enumerate(chunks)}
            by_number.update(touched)
            return RowMap._assemble(by_number, count)
        # the common case, inside the range or one chunk past its end: the
        # untouched chunks are not looked at
        for number, chunk in touched.items():
            i = number - first
            if i == len(chunks):
                chunks.append(chunk or _EMPTY)
            else:
                chunks[i] = chunk or _EMPTY
        while chunks and not chunks[-1]:
            chunks.pop()
        skip = 0
        while skip < len(chunks) and not chunks[skip]:
            skip += 1
        if skip == len(chunks):
            return RowMap()
        return RowMap(tuple(chunks[skip:]), first + skip, count)

    def __repr__(self) -> str:
        return f"RowMap({self._len} rows)"


def evolved(base: PMap, changes: Mapping[Hashable, Any]) -> PMap:
    """`base` with `changes` (key -> value or DELETE) applied."""
    if not changes:
        return base
    if len(changes) == 1:  # a one-row commit
        (key, value), = changes.items()
        if value is not DELETE:
            return base.set(key, value)
        return base.delete(key) if key in base else base
    if not any(map(is_, changes.values(), repeat(DELETE))):
        return base.update(changes)
    with base.mutate() as draft:
        for key, value in changes.items():
            if value is DELETE:
                draft.pop(key, None)
            else:
                draft[key] = value
        return draft.finish()


def any_of(base: PMap, keys: list) -> bool:
    """Is any of `keys` present? Probed at C speed (a bulk load's
    uniqueness test)."""
    return bool(keys) and any(map(base.__contains__, keys))
