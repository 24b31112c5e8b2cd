"""Writing a `twinning.snapshot.v0` file without holding its rows.

`snapshot.encode` builds the whole committed state in memory; a
materialized database may not fit there twice. CBOR is compositional: an
array's encoding is its length header followed by its items' encodings,
so a relation's rows can be encoded one by one into a spool file and
spliced into the canonical encoding of everything else. The document is
encoded by cbor2 with a unique marker in place of each relation's rows,
the marker's bytes are replaced by the spooled array, and the snapshot
hash (over the `state` entry) is computed over the same pieces. The bytes
are exactly `snapshot.encode`'s for the same state (the materialize test
checks it), provided each spool holds its rows in the canonical order
`snapshot.row_order` gives, which `RowSpool.add` checks row by row.
"""

from __future__ import annotations

import hashlib
import tempfile
from typing import Any, BinaryIO, Callable, Iterator

from twinning import values
from twinning.bootstrap import write_file
from twinning.ir.catalog import Catalog, Table
from twinning.ir.dump import dump
from twinning.snapshot import SNAPSHOT_VERSION, canonical, row_order

_COPY_SIZE = 1 << 20


class OutOfOrder(Exception):
    """A row arrived before one it sorts after: the spool cannot be used."""


class RowSpool:
    """One relation's rows, canonically encoded, in a temporary file."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.count = 0
        self.file: BinaryIO = tempfile.TemporaryFile()
        self._convert = [values.to_plain_for(c.type) for c in table.columns]
        self._order: Callable[[tuple], tuple] = row_order(table)
        self._last: tuple | None = None
        self._keyed = table.primary_key is not None

    def add(self, rows: list[tuple]) -> None:
        """Append rows, which must come in canonical order (strictly
        increasing primary keys): OutOfOrder otherwise."""
        if not self._keyed and rows:
            raise OutOfOrder(str(self.table.name))  # ties need the encodings
        order, convert, last = self._order, self._convert, self._last
        out = []
        for row in rows:
            key = order(row)
            if last is not None and not last < key:
                raise OutOfOrder(str(self.table.name))
            last = key
            out.append(canonical([None if v is None else f(v)
                                  for f, v in zip(convert, row)]))
        self._last = last
        self.file.write(b"".join(out))
        self.count += len(rows)

    def add_sorted(self, rows: list[tuple]) -> None:
        """All of a relation's rows at once, in any order: sorted here as
        `snapshot` sorts them (the fallback, in memory)."""
        from twinning.snapshot import _plain_rows
        self.file.seek(0)
        self.file.truncate()
        plain = _plain_rows(self.table, tuple(rows))
        self.file.write(b"".join(canonical(p) for p in plain))
        self.count = len(plain)

    def chunks(self) -> Iterator[bytes]:
        yield _array_header(self.count)
        self.file.seek(0)
        while block := self.file.read(_COPY_SIZE):
            yield block

    def close(self) -> None:
        self.file.close()


def _array_header(n: int) -> bytes:
    if n < 24:
        return bytes([0x80 + n])
    for code, size in ((0x98, 1), (0x99, 2), (0x9a, 4), (0x9b, 8)):
        if n < 1 << (8 * size):
            return bytes([code]) + n.to_bytes(size, "big")
    raise ValueError(n)


def _marker(index: int) -> bytes:
    return b"\xfftwinning-spooled-rows-%d\xff" % index


def _pieces(encoded: bytes, spools: list[RowSpool]) -> list[bytes]:
    """`encoded` cut around each marker's encoding (in relation order)."""
    pieces, start = [], 0
    for index in range(len(spools)):
        mark = canonical(_marker(index))
        at = encoded.find(mark, start)
        if at < 0 or encoded.find(mark, at + 1) >= 0:
            raise AssertionError("snapshot marker not unique")
        pieces.append(encoded[start:at])
        start = at + len(mark)
    pieces.append(encoded[start:])
    return pieces


def _interleave(pieces: list[bytes], spools: list[RowSpool]) -> Iterator[bytes]:
    for piece, spool in zip(pieces, spools):
        yield piece
        yield from spool.chunks()
    yield pieces[-1]


def write(path: str, catalog: Catalog, ddl: str, spools: list[RowSpool],
          sequences: dict, lineage: dict[str, Any]) -> tuple[str, int]:
    """Write the snapshot of `catalog` with the spooled rows (one spool
    per catalog table, in catalog order) and `sequences` (name →
    SequenceState); its hash and size."""
    surface = {
        "catalog": dump(catalog),
        "relations": [{"name": str(t.name),
                       "columns": [c.name for c in t.columns],
                       "rows": _marker(i)}
                      for i, t in enumerate(catalog.tables)],
        "sequences": [{"name": str(s.name),
                       "last_value": sequences[s.name].last_value,
                       "is_called": sequences[s.name].is_called}
                      for s in catalog.sequences],
    }
    digest = hashlib.sha256()
    for chunk in _interleave(_pieces(canonical(surface), spools), spools):
        digest.update(chunk)
    snapshot_hash = "sha256:" + digest.hexdigest()
    doc = {"version": SNAPSHOT_VERSION, "engine": "postgres",
           "snapshot_hash": snapshot_hash, "state": surface, "ddl": ddl,
           "row_counts": {str(t.name): s.count
                          for t, s in zip(catalog.tables, spools)},
           "lineage": lineage}
    size = write_file(path, _interleave(_pieces(canonical(doc), spools), spools),
                      "snapshot")
    return snapshot_hash, size
