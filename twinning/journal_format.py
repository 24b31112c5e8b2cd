"""The bytes of a `twinning.journal.v0` file: framing and record codec.

A journal is `MAGIC`, then frames. A frame is the payload's length and its
CRC-32 (4 bytes each, big-endian), then the payload: one canonical CBOR map
(RFC 8949 deterministic encoding, as snapshots use). The first frame is the
header, naming the base the records apply to; each later frame is one
committed transaction (`Changes` plus sequence positions), numbered from 1.

`read_frames` stops at the first frame that is cut short, fails its
checksum or does not decode: that is a torn tail (a crash in the middle of
an append), and everything from it on is dropped, never half-applied.

Rows are encoded per column with `values.to_plain_for`, the snapshot
codec, against the catalog of the version the commit made; tables and
sequences are `[schema, name]` pairs; row ids are the store's.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from typing import Any, Mapping

import cbor2

from twinning import values
from twinning.ir.catalog import Catalog, QName
from twinning.state import SequenceState
from twinning.store.changes import Changes, TableChange

JOURNAL_VERSION = "twinning.journal.v0"
MAGIC = b"TWJRNL\x00\x01"
_FRAME = struct.Struct(">II")


class RecordError(Exception):
    """A checksummed record that is not a valid journal record."""


def frame(payload: bytes) -> bytes:
    return _FRAME.pack(len(payload), zlib.crc32(payload)) + payload


def canonical(value: Any) -> bytes:
    return cbor2.dumps(value, canonical=True)


@dataclass(frozen=True)
class Frames:
    """What `read_frames` found: decoded payloads in order, the length of
    the sound prefix and how many bytes after it were dropped."""

    payloads: tuple[Any, ...]
    length: int
    dropped: int


def read_frames(data: bytes) -> Frames:
    """Every whole, checksummed, decodable frame after MAGIC (which the
    caller checked); the first bad one ends the journal."""
    payloads = []
    at = len(MAGIC)
    while at + _FRAME.size <= len(data):
        size, crc = _FRAME.unpack_from(data, at)
        start = at + _FRAME.size
        body = data[start:start + size]
        if len(body) < size or zlib.crc32(body) != crc:
            break
        try:
            payloads.append(cbor2.loads(body))
        except Exception:  # cbor2 raises several types on bad input
            break
        at = start + size
    return Frames(tuple(payloads), at, len(data) - at)


def header(kind: str, digest: str, source: str) -> bytes:
    """The header frame: the base's kind (schema | snapshot), its hash and
    where it was loaded from (to name it in a refusal)."""
    return frame(canonical({"version": JOURNAL_VERSION,
                            "base": {"kind": kind, "hash": digest,
                                     "source": source}}))


# ------------------------------------------------------------------ records

def _name(name: QName) -> list[str]:
    return [name.schema, name.name]


def encode_record(number: int, changes: Changes, catalog: Catalog,
                  sequences: Mapping[QName, SequenceState]) -> bytes:
    """One commit's frame; `catalog` is the one the commit made (its
    tables' column types encode the rows)."""
    tables = []
    for name in sorted(changes.tables, key=lambda n: (n.schema, n.name)):
        change = changes.tables[name]
        entry: dict[str, Any] = {"table": _name(name), "kind": change.kind}
        if change.kind == "renamed":
            assert change.source is not None
            entry["source"] = _name(change.source)
        else:
            convert = [values.to_plain_for(c.type)
                       for c in catalog.table(name).columns]
            entry["rows"] = [[rid, [None if v is None else f(v)
                                    for f, v in zip(convert, row)]]
                             for rid, row in change.rows]
            if change.kind == "delta":
                entry["deleted"] = list(change.deleted)
        tables.append(entry)
    record = {"n": number, "ddl": list(changes.ddl), "tables": tables,
              "sequences": [[*_name(n), s.last_value, s.is_called]
                            for n, s in sorted(sequences.items(),
                                               key=lambda i: (i[0].schema,
                                                              i[0].name))]}
    return frame(canonical(record))


@dataclass(frozen=True)
class Record:
    """A record half-decoded: its rows wait for the catalog they follow
    (which the record's own DDL may change)."""

    number: int
    ddl: tuple[str, ...]
    tables: tuple[dict, ...]
    sequences: tuple[tuple[QName, SequenceState], ...]

    def changes(self, catalog: Catalog) -> Changes:
        out: dict[QName, TableChange] = {}
        for entry in self.tables:
            name = _qname(entry.get("table"))
            kind = entry.get("kind")
            if kind == "renamed":
                out[name] = TableChange(kind, source=_qname(entry.get("source")))
                continue
            if kind not in ("rows", "delta"):
                raise RecordError(f"unknown change kind {kind!r}")
            table = catalog.table(name)
            if table is None:
                raise RecordError(f"table {name} is not in the catalog")
            convert = [values.from_plain_for(c.type) for c in table.columns]
            rows = []
            for item in _list(entry.get("rows")):
                if not (isinstance(item, list) and len(item) == 2
                        and _is_id(item[0]) and isinstance(item[1], list)
                        and len(item[1]) == len(convert)):
                    raise RecordError(f"malformed row of {name}")
                try:
                    rows.append((item[0], tuple([
                        None if v is None else f(v)
                        for f, v in zip(convert, item[1])])))
                except Exception as exc:
                    raise RecordError(f"undecodable value in {name}: {exc}") \
                        from None
            deleted = _list(entry.get("deleted")) if kind == "delta" else []
            if not all(_is_id(rid) for rid in deleted):
                raise RecordError(f"malformed row id of {name}")
            out[name] = TableChange(kind, tuple(rows), tuple(deleted))
        return Changes(self.ddl, out)


def decode_record(payload: Any) -> Record:
    if not isinstance(payload, dict) or not isinstance(payload.get("n"), int):
        raise RecordError("not a journal record")
    ddl = _list(payload.get("ddl"))
    if not all(isinstance(d, str) for d in ddl):
        raise RecordError("malformed DDL list")
    tables = _list(payload.get("tables"))
    if not all(isinstance(t, dict) for t in tables):
        raise RecordError("malformed table list")
    sequences = []
    for item in _list(payload.get("sequences")):
        if not (isinstance(item, list) and len(item) == 4
                and isinstance(item[2], int) and isinstance(item[3], bool)):
            raise RecordError("malformed sequence position")
        sequences.append((_qname(item[:2]), SequenceState(item[2], item[3])))
    return Record(payload["n"], tuple(ddl), tuple(tables), tuple(sequences))


def _list(value: Any) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError("malformed record")
    return value


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _qname(value: Any) -> QName:
    if not (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, str) for v in value)):
        raise RecordError("malformed name")
    return QName(value[0], value[1])

