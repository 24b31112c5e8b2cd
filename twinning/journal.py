"""`--journal FILE`: every committed transaction appended before it is
acknowledged, and replayed on the next start.

What the journal guarantees:
- A commit (COMMIT, or a statement's own transaction) is appended to the
  file before it becomes visible to other sessions and before the client
  hears of it; with `--journal-sync commit` (the default) the file is
  fsync'ed first, so the commit survives a power cut; with `off` it is
  only written, which survives the twin being killed but not the machine.
- A record is the commit's effects by row identity (`store.changes`): rows
  that appeared and went per table, a table's whole new contents after
  TRUNCATE or an ALTER TABLE that rebuilt it, renames, the statements the
  commit appended to the DDL log, and sequence positions.
- Starting with `--journal FILE` over the same base (the `--schema` file's
  text, or the `--restore` snapshot) replays every record through the
  store's ordinary commit path: the state, and so the snapshot hash, is
  exactly the committed one. Then new commits are appended to the same
  file. A journal written over another base is refused
  (`E_JOURNAL_BASE_MISMATCH`); a record that does not apply is
  `E_JOURNAL_CORRUPT`; a torn last record (cut short, checksum wrong) is
  dropped and the file cut back before anything is appended.
- Sequences: nextval is not transactional, so each record carries the
  position of every sequence that moved since the last record (a DDL
  record: of every sequence), whoever moved it — also a transaction that
  rolled back, or one that only read. A transaction that ran nextval and
  committed (even read-only: `SELECT nextval(…)`) writes a record, so no
  value a committed transaction saw is handed out twice after a crash.
  Values drawn after the last commit by transactions that then rolled back
  are lost in a crash and may be handed out again, as PostgreSQL's may
  when their WAL was never flushed; unlike PostgreSQL, which logs 32
  values ahead and so skips up to 32 after a crash, the twin restarts at
  the exact journaled position. A clean shutdown journals the final
  positions.
- Temporary tables are never journaled, as they are never snapshotted.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any

from twinning import bootstrap
from twinning.errors import Refusal, SqlError, io_error
from twinning.ir.catalog import Catalog, QName, is_temporary
from twinning.journal_format import (JOURNAL_VERSION, MAGIC, RecordError,
                                     decode_record, encode_record, header,
                                     read_frames)
from twinning.state import SequenceState
from twinning.store import MvccStore
from twinning.store.changes import (ChangeMismatch, Changes, apply_changes,
                                    changes_of)
from twinning.store.versions import appended_ddl

SYNC_MODES = ("commit", "off")


@dataclass(frozen=True)
class Base:
    """What a journal's records apply to: `kind` schema | snapshot, the
    schema text's or the snapshot's hash, and where it was loaded from."""

    kind: str
    hash: str
    source: str


def _corrupt(path: str, message: str, **detail: Any) -> Refusal:
    return Refusal("E_JOURNAL_CORRUPT", f"journal {path}: {message}",
                   {"path": path, **detail},
                   f"mv {path} {path}.bad   # keep it aside; the twin then "
                   "starts from its base alone")


def _flag(base: Base) -> str:
    return "--schema" if base.kind == "schema" else "--restore"


@dataclass
class Replayed:
    """What opening a journal found and did."""

    records: int = 0  # records in the file (replayed)
    length: int = 0  # bytes of the sound prefix
    dropped: int = 0  # bytes of a torn tail
    exists: bool = False


def read(path: str, base: Base, *, must_exist: bool = False
         ) -> tuple[Replayed, list]:
    """The journal's records (payloads), checked against `base`."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        if must_exist:
            raise Refusal("E_IO_READ", f"cannot read journal {path}: no such "
                          "file", {"path": path}, f"ls -l {path}") from None
        return Replayed(), []
    except OSError as exc:
        raise Refusal("E_IO_READ", f"cannot read journal {path}: "
                      f"{exc.strerror or exc}", {"path": path},
                      f"ls -l {path}") from None
    if not data:
        return Replayed(exists=True), []
    if not (data.startswith(MAGIC) or MAGIC.startswith(data)):
        raise _corrupt(path, "not a twinning journal (no twinning.journal.v0 "
                       "magic bytes)")
    frames = read_frames(data)
    if not frames.payloads:  # a crash while the header was written
        return Replayed(0, 0, len(data), True), []
    head = frames.payloads[0]
    if not isinstance(head, dict) or head.get("version") != JOURNAL_VERSION \
            or not isinstance(head.get("base"), dict):
        raise _corrupt(path, f"unsupported journal header "
                       f"{head.get('version') if isinstance(head, dict) else head!r}",
                       expected=JOURNAL_VERSION)
    was = head["base"]
    if (was.get("kind"), was.get("hash")) != (base.kind, base.hash):
        source = was.get("source") or "BASE"
        flag = "--schema" if was.get("kind") == "schema" else "--restore"
        raise Refusal(
            "E_JOURNAL_BASE_MISMATCH",
            f"journal {path} was written over {was.get('kind')} {source} "
            f"({was.get('hash')}), not over this {base.kind} {base.source} "
            f"({base.hash})",
            {"path": path, "journal_base": was,
             "base": {"kind": base.kind, "hash": base.hash,
                      "source": base.source}},
            f"twinning postgres {flag} {source} --journal {path} --serve   "
            f"# or start a new journal over {base.source}")
    return (Replayed(len(frames.payloads) - 1, frames.length, frames.dropped,
                     True), list(frames.payloads[1:]))


def replay(store: MvccStore, path: str, payloads: list) -> None:
    """Apply the records in order through the store's commit path."""
    for expected, payload in enumerate(payloads, 1):
        try:
            record = decode_record(payload)
            if record.number != expected:
                raise RecordError(f"record {record.number} where {expected} "
                                  "was expected")
            schema, catalog = None, store.catalog
            if record.ddl:
                catalog = _catalog(store.latest.ddl, record.ddl, path)
                schema = store.schema_for(catalog)
                for seq in catalog.sequences:
                    if store.sequences.defs.get(seq.name) != seq:
                        store.sequences.define(seq)
            apply_changes(store, record.changes(catalog), schema)
            for name, state in record.sequences:
                if name not in store.sequences.defs:
                    raise RecordError(f"sequence {name} does not exist")
            store.sequences.publish(dict(record.sequences))
        except (RecordError, ChangeMismatch) as exc:
            raise _corrupt(path, f"record {expected} does not apply: {exc}",
                           record=expected) from None


def _catalog(ddl: str, statements: tuple[str, ...], path: str) -> Catalog:
    text = appended_ddl(ddl, list(statements))
    try:
        return bootstrap.compile_schema(text, f"{path} (journal DDL)")[0]
    except Refusal as exc:
        raise RecordError(f"its DDL does not load: {exc}") from None


class JournalWriter:
    """The store's journal (`MvccStore.journal`): appends one record per
    commit under its lock, syncing as configured."""

    def __init__(self, store: MvccStore, path: str, sync: str,
                 replayed: Replayed, base: Base) -> None:
        self.store = store
        self.path = path
        self.sync = sync
        self.records = replayed.records
        self.replayed = replayed.records
        self.dropped = replayed.dropped
        self._lock = threading.Lock()
        self._positions: dict[QName, SequenceState] = store.sequences.snapshot()
        self._broken: str | None = None
        try:
            if replayed.exists and replayed.length:
                if replayed.dropped:
                    os.truncate(path, replayed.length)
                self._fd = os.open(path, os.O_WRONLY | os.O_APPEND)
                self.size = replayed.length
            else:
                self._fd = os.open(path, os.O_WRONLY | os.O_CREAT |
                                   os.O_TRUNC | os.O_APPEND, 0o644)
                self.size = 0
                self._append(MAGIC + header(base.kind, base.hash, base.source))
                if sync == "commit":
                    os.fsync(self._fd)
                    self._sync_directory()
        except OSError as exc:
            raise Refusal("E_IO_WRITE", f"cannot write journal {path}: "
                          f"{exc.strerror or exc}", {"path": path},
                          "check that the directory exists and is "
                          "writable") from None

    # -- the store's hook
    def committed(self, before: Any, after: Any, overlay: Any) -> None:
        """A commit (before → after with `overlay`), or with Nones a
        transaction that published nothing: append its record unless it
        changed nothing, not even a sequence. Raises 58030 when the file
        cannot be written (the commit then does not happen); for a
        transaction that published nothing the positions just wait for
        the next record (it may not have drawn them: a SELECT must not
        fail for another session's nextval)."""
        with self._lock:
            if before is None:
                changes, catalog = None, self.store.catalog
            else:
                changes = changes_of(before, after, overlay)
                catalog = after.schema.catalog
            moved = self._moved(catalog, overlay, changes)
            if not moved and (changes is None or changes.empty):
                return
            if changes is None:
                if self._broken is not None:
                    return
                try:
                    self._write(encode_record(self.records + 1, Changes(),
                                              catalog, moved))
                except SqlError:
                    return
            else:
                if self._broken is not None:
                    raise io_error(self._broken)
                self._write(encode_record(self.records + 1, changes, catalog,
                                          moved))
            self._positions.update(moved)
            self.records += 1

    def _moved(self, catalog: Catalog, overlay: Any, changes: Any
               ) -> dict[QName, SequenceState]:
        """Persistent sequences whose position the journal has not got
        (all of them with DDL: a sequence may be new under an old name)."""
        states = self.store.sequences.snapshot()
        if overlay is not None and overlay.sequences:
            states.update(overlay.sequences)
        every = changes is not None and bool(changes.ddl)
        last = self._positions
        out = {}
        for seq in catalog.sequences:
            name = seq.name
            if is_temporary(name.schema):
                continue
            state = states.get(name)
            if state is not None and (every or last.get(name) != state):
                out[name] = state
        return out

    def _write(self, data: bytes) -> None:
        size = self.size
        try:
            self._append(data)
            if self.sync == "commit":
                os.fsync(self._fd)
        except OSError as exc:
            message = (f'could not write to file "{self.path}": '
                       f"{exc.strerror or exc}")
            try:
                os.ftruncate(self._fd, size)
                self.size = size
            except OSError:
                self._broken = message  # a torn record: no more commits
            raise io_error(message) from None

    def _append(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
            self.size += written

    def _sync_directory(self) -> None:
        folder = os.open(os.path.dirname(os.path.abspath(self.path)),
                         os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)

    def close(self) -> None:
        """A clean shutdown: the final sequence positions, then the file."""
        try:
            self.committed(None, None, None)
        except SqlError:
            pass
        with self._lock:
            if self._fd >= 0:
                os.close(self._fd)
                self._fd = -1

    def report(self) -> dict[str, Any]:
        """The report's `journal` block."""
        out = {"path": self.path, "sync": self.sync, "records": self.records,
               "bytes": self.size, "replayed": self.replayed}
        if self.dropped:
            out["dropped_bytes"] = self.dropped
        return out


def open_journal(store: MvccStore, path: str, sync: str, base: Base
                 ) -> JournalWriter:
    """Replay `path` (if it exists) into `store` and attach a writer that
    appends every later commit."""
    replayed, payloads = read(path, base)
    replay(store, path, payloads)
    writer = JournalWriter(store, path, sync, replayed, base)
    store.journal = writer
    return writer


def replay_only(store: MvccStore, path: str, sync: str, base: Base
                ) -> dict[str, Any]:
    """Bootstrap mode: replay without writing; the report's block."""
    replayed, payloads = read(path, base, must_exist=True)
    replay(store, path, payloads)
    out: dict[str, Any] = {"path": path, "sync": sync,
                           "records": replayed.records,
                           "bytes": replayed.length,
                           "replayed": replayed.records}
    if replayed.dropped:
        out["dropped_bytes"] = replayed.dropped
    return out


__all__ = ["Base", "JournalWriter", "SYNC_MODES", "open_journal",
           "replay_only"]
