"""Snapshots `twinning.snapshot.v0`: committed state as canonical CBOR.

The file is one CBOR map (RFC 8949 core deterministic encoding, via
`cbor2.dumps(canonical=True)`). Its `state` entry is the committed-state
surface — catalog dump, every relation's rows and every sequence position —
and `snapshot_hash` is `sha256:` over exactly the canonical bytes of that
entry. Everything else in the file (the DDL text, row counts, lineage, the
verify artifact hash) is context: it can be read without decoding rows, and
changing it does not change what the state is.

Determinism: relations in `schema.table` order, rows in primary-key order
(full-tuple order without one), columns in catalog order, values lowered by
`twinning.values.to_plain`, maps ordered by the canonical encoding. So the
hash depends on the committed rows only — not on insertion order.

Restore trusts nothing: version, structure, hash, the catalog re-derived
from the DDL, and every value's decoding are checked, and any failure is an
`E_SNAPSHOT_VERIFY` refusal.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Callable

import cbor2

from twinning import values
from twinning.errors import Refusal, SqlError
from twinning.ir.catalog import Catalog, QName, Table
from twinning.ir.dump import dump
from twinning.ir.types import SqlType
from twinning.state import CommittedState, SequenceState

SNAPSHOT_VERSION = "twinning.snapshot.v0"


@dataclass(frozen=True)
class Snapshot:
    """A decoded snapshot: the state plus the context stored beside it."""

    state: CommittedState
    snapshot_hash: str
    lineage: dict[str, Any] = field(default_factory=dict)
    verify_artifact_hash: str | None = None


def canonical(value: Any) -> bytes:
    return cbor2.dumps(value, canonical=True)


def hash_bytes(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


# ------------------------------------------------------------------ ordering

def _natural(value: Any) -> tuple:
    if isinstance(value, float) and math.isnan(value):
        return (1,)
    if isinstance(value, Decimal) and value.is_nan():
        return (1,)
    return (0, value)


_NATURAL_TYPES = frozenset({"bool", "int2", "int4", "int8", "numeric",
                            "float4", "float8", "text", "varchar", "bpchar",
                            "bytea", "date", "time", "timetz", "timestamp",
                            "timestamptz", "json", "jsonb"})


def _key_for(sql_type: SqlType) -> Callable[[Any], tuple]:
    """A total order on one column's values; NULLs last, as PostgreSQL."""
    if sql_type.name in _NATURAL_TYPES and not sql_type.is_array:
        natural = _natural
    else:
        def natural(value: Any) -> tuple:
            return (0, canonical(values.to_plain(sql_type, value)))

    def key(value: Any) -> tuple:
        return (2,) if value is None else natural(value)
    return key


def row_order(table: Table) -> Callable[[tuple], tuple]:
    """Sort key for a table's rows: primary key order, else full tuple."""
    pk = table.primary_key
    positions = ([table.slot(n) for n in pk.columns] if pk
                 else list(range(len(table.columns))))
    keys = [(_key_for(table.columns[p].type), p) for p in positions]
    if pk is not None:  # unique and never NULL: the key alone is total

        def order(row: tuple) -> tuple:
            return tuple([k(row[p]) for k, p in keys])
        return order
    rest = [(_key_for(c.type), i) for i, c in enumerate(table.columns)]

    def full(row: tuple) -> tuple:
        return (tuple([k(row[p]) for k, p in keys]),
                tuple([k(row[p]) for k, p in rest]))
    return full


# ------------------------------------------------------------------ encoding

def _plain_rows(table: Table, rows: tuple) -> list[list[Any]]:
    """The rows in their canonical order, as plain values. Without a
    primary key, rows the type orderings call equal may still differ
    (0.0 and -0.0, numeric 1.0 and 1.00, interval '1 day' and '24
    hours'): their encodings break the tie, so the order never depends on
    the order the rows were inserted in."""
    convert = [values.to_plain_for(c.type) for c in table.columns]
    order = row_order(table)
    if table.primary_key is not None:
        return [[None if v is None else f(v) for f, v in zip(convert, row)]
                for row in sorted(rows, key=order)]
    plain = [[None if v is None else f(v) for f, v in zip(convert, row)]
             for row in rows]
    keys = [(order(row), canonical(p)) for row, p in zip(rows, plain)]
    return [plain[i] for i in sorted(range(len(plain)), key=keys.__getitem__)]


def relation_surface(table: Table, rows: tuple) -> dict[str, Any]:
    """One relation's entry of the surface: name, columns, canonical rows."""
    return {"name": str(table.name),
            "columns": [c.name for c in table.columns],
            "rows": _plain_rows(table, rows)}


def relation_hash(table: Table, rows: tuple) -> str:
    """`sha256:` over one relation's canonical entry (verify content_hash)."""
    return hash_bytes(canonical(relation_surface(table, rows)))


def state_surface(state: CommittedState) -> dict[str, Any]:
    """The committed-state surface: what the hash covers."""
    catalog = state.catalog
    return {
        "catalog": dump(catalog),
        "relations": [relation_surface(t, state.rows.get(t.name, ()))
                      for t in catalog.tables],
        "sequences": [
            {"name": str(s.name),
             "last_value": state.sequences[s.name].last_value,
             "is_called": state.sequences[s.name].is_called}
            for s in catalog.sequences],
    }


def state_hash(state: CommittedState) -> str:
    return hash_bytes(canonical(state_surface(state)))


def encode(state: CommittedState, *, lineage: dict[str, Any] | None = None,
           verify_artifact_hash: str | None = None) -> tuple[bytes, str]:
    """The snapshot file's bytes and its snapshot hash."""
    surface = state_surface(state)
    digest = hash_bytes(canonical(surface))
    doc: dict[str, Any] = {
        "version": SNAPSHOT_VERSION,
        "engine": "postgres",
        "snapshot_hash": digest,
        "state": surface,
        "ddl": state.ddl,
        "row_counts": state.row_counts(),
        "lineage": lineage or {},
    }
    if verify_artifact_hash is not None:
        doc["verify_artifact_hash"] = verify_artifact_hash
    return canonical(doc), digest


# ------------------------------------------------------------------ decoding

def _refuse(message: str, source: str, **detail: Any) -> Refusal:
    return Refusal("E_SNAPSHOT_VERIFY", message, {"path": source, **detail},
                   "twinning postgres --schema schema.sql --snapshot "
                   "out.twin   # re-emit the snapshot from its schema")


def decode(data: bytes, source: str,
           load_catalog: Callable[[str], Catalog]) -> Snapshot:
    """Check and decode a snapshot file; `load_catalog` runs the DDL."""
    try:
        doc = cbor2.loads(data)
    except Exception as exc:  # cbor2 raises several types on bad input
        raise _refuse("snapshot is not valid CBOR (truncated or corrupted)",
                      source, error=str(exc)) from None
    if not isinstance(doc, dict):
        raise _refuse("snapshot is not a twinning snapshot", source)
    version = doc.get("version")
    if version != SNAPSHOT_VERSION:
        raise _refuse(f"unsupported snapshot version {version!r}", source,
                      expected=SNAPSHOT_VERSION)
    try:
        surface, claimed, ddl = doc["state"], doc["snapshot_hash"], doc["ddl"]
    except KeyError as exc:
        raise _refuse(f"snapshot lacks its {exc.args[0]!r} entry", source) from None
    if canonical(doc) != data:
        raise _refuse("snapshot bytes are not in canonical form", source)
    actual = hash_bytes(canonical(surface))
    if actual != claimed:
        raise _refuse("snapshot hash mismatch: the committed state was "
                      "modified after it was written", source,
                      expected=claimed, actual=actual)
    try:
        catalog = load_catalog(ddl)
    except (Refusal, SqlError) as exc:
        raise _refuse("the snapshot's DDL no longer loads", source,
                      error=str(exc)) from None
    if dump(catalog) != surface.get("catalog"):
        raise _refuse("the snapshot's catalog does not match its DDL", source)
    state = _decode_state(surface, catalog, ddl, source)
    lineage = doc.get("lineage") if isinstance(doc.get("lineage"), dict) else {}
    return Snapshot(state, claimed, lineage, doc.get("verify_artifact_hash"))


def _decode_state(surface: dict, catalog: Catalog, ddl: str,
                  source: str) -> CommittedState:
    relations = surface.get("relations")
    if not isinstance(relations, list) or \
            [r.get("name") for r in relations] != [str(t.name) for t in catalog.tables]:
        raise _refuse("snapshot relations do not match its catalog", source)
    rows: dict[QName, tuple] = {}
    for table, rel in zip(catalog.tables, relations):
        if rel.get("columns") != [c.name for c in table.columns]:
            raise _refuse(f"columns of {table.name} do not match", source)
        convert = [values.from_plain_for(c.type) for c in table.columns]
        width = len(convert)
        decoded = []
        for plain in rel.get("rows") or ():
            if not isinstance(plain, list) or len(plain) != width:
                raise _refuse(f"malformed row in {table.name}", source)
            try:
                decoded.append(tuple([
                    None if v is None else f(v)
                    for f, v in zip(convert, plain)]))
            except Exception as exc:
                raise _refuse(f"undecodable value in {table.name}", source,
                              error=str(exc)) from None
        rows[table.name] = tuple(decoded)
    sequences: dict[QName, SequenceState] = {}
    plain_seqs = surface.get("sequences")
    if not isinstance(plain_seqs, list) or \
            [s.get("name") for s in plain_seqs] != [str(s.name) for s in catalog.sequences]:
        raise _refuse("snapshot sequences do not match its catalog", source)
    for seq, plain in zip(catalog.sequences, plain_seqs):
        last, called = plain.get("last_value"), plain.get("is_called")
        if not isinstance(last, int) or not isinstance(called, bool):
            raise _refuse(f"malformed sequence {seq.name}", source)
        sequences[seq.name] = SequenceState(last, called)
    return CommittedState(catalog, ddl, MappingProxyType(rows),
                          MappingProxyType(sequences))
