"""Committed versions and a transaction's copy-on-write overlay.

A `Version` is immutable: per table a `TableVersion` (the row map and one
map per index, all persistent). Readers hold a version for as long as a
statement runs; nothing ever changes under them.

An `Overlay` is one transaction's uncommitted changes on top of the version
its statement reads (`TableOverlay.rebase` moves it to a newer one, and
commit applies the changes onto the newest, which other writers may have
moved on). Per table it keeps a dict of changed rows (new ids ->
row, deleted committed ids -> DELETE) and one overlay per index, so reads
are a dict probe before the committed map and commit is
`TableVersion.evolve`-by-changes: cost proportional to what changed.

Every change is a row id appearing or disappearing (an update is both,
with a fresh id, like PostgreSQL's new tuple version). While a savepoint
exists the overlay logs each change; `rollback_to(marker)` replays the log
backwards to the marker, so it discards exactly the changes made after it.
TRUNCATE swaps the table's overlay for one over an empty base, logging the
old overlay object. Without savepoints nothing is logged: a rollback simply
drops the overlay.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, Iterable, Iterator, Mapping

from twinning.ir.node import node
from twinning.ir.catalog import QName
from twinning.state import SequenceState
from twinning.store.indexes import MultiOverlay, UniqueOverlay, overlay_for
from twinning.store.pmap import DELETE, PMap, RowMap
from twinning.store.schema import TableInfo

_MISSING: Any = object()


@node
class TableVersion:
    rows: RowMap
    indexes: tuple[PMap, ...]  # parallel to TableInfo.indexes

    @classmethod
    def empty(cls, info: TableInfo) -> TableVersion:
        return cls(RowMap(), tuple(PMap() for _ in info.indexes))


@node
class Version:
    """One committed state: the tables' rows and indexes, the store schema
    (and so the catalog) they follow, how many DDL commits made that
    catalog (the key plan caches use), and the DDL text that rebuilds it."""

    number: int
    tables: Mapping[QName, TableVersion]
    schema: Any = None  # StoreSchema; its `catalog` is this version's catalog
    generation: int = 0
    ddl: str = ""


class TableOverlay:
    """One table's uncommitted rows and index changes."""

    __slots__ = ("info", "base", "truncated", "rows", "indexes")

    def __init__(self, info: TableInfo, base: TableVersion, truncated: bool = False) -> None:
        self.info = info
        self.base = base
        self.truncated = truncated
        self.rows: dict[int, Any] = {}
        self.indexes: list[UniqueOverlay | MultiOverlay] = [
            overlay_for(d, m) for d, m in zip(info.indexes, base.indexes)]

    def get(self, rid: int) -> tuple | None:
        row = self.rows.get(rid, _MISSING)
        if row is _MISSING:
            return self.base.rows.get(rid)
        return None if row is DELETE else row

    def is_new(self, rid: int) -> bool:
        """Was this row written by the transaction (not committed before)?"""
        row = self.rows.get(rid)
        return row is not None and row is not DELETE

    def scan(self) -> Iterator[tuple[int, tuple]]:
        """Rows in id order, as of the call (later writes are not seen)."""
        if not self.rows:
            yield from self.base.rows.items()
            return
        deleted = {rid for rid, row in self.rows.items() if row is DELETE}
        added = sorted(((rid, row) for rid, row in self.rows.items() if row is not DELETE),
                       key=itemgetter(0))
        for rid, row in self.base.rows.items():
            if rid not in deleted:
                yield rid, row
        yield from added

    def scan_rows(self) -> Iterator[tuple]:
        """The rows of `scan`, without their ids."""
        if not self.rows:
            return self.base.rows.values()
        return map(itemgetter(1), self.scan())

    def appear(self, rid: int, row: tuple) -> None:
        if self.base.rows.get(rid) is not None:
            del self.rows[rid]  # an undone delete of a committed row
        else:
            self.rows[rid] = row
        for defn, index in zip(self.info.indexes, self.indexes):
            key = defn.key(row)
            if key is not None:
                index.appear(key, rid)

    def appear_new(self, rid: int, row: tuple, keys: list) -> None:
        """appear() of a row id just allocated (never committed, so the
        committed maps need no look), given its key per index (None for
        one the index leaves out)."""
        self.rows[rid] = row
        for key, index in zip(keys, self.indexes):
            if key is not None:
                index.appear_new(key, rid)

    def disappear(self, rid: int, row: tuple) -> None:
        if self.base.rows.get(rid) is not None:
            self.rows[rid] = DELETE
        else:
            del self.rows[rid]
        for defn, index in zip(self.info.indexes, self.indexes):
            key = defn.key(row)
            if key is not None:
                index.disappear(key, rid)

    @property
    def changed(self) -> bool:
        return self.truncated or bool(self.rows)

    def rebase(self, base: TableVersion) -> None:
        """Read through a newer committed version of the table (READ
        COMMITTED's next statement). The changes stay valid: they are by
        row id, and the committed rows they delete cannot have gone since,
        because the transaction holds their row locks."""
        if self.truncated or base is self.base:
            return
        self.base = base
        for index, committed in zip(self.indexes, base.indexes):
            index.base = committed

    def commit(self, onto: TableVersion | None = None) -> TableVersion:
        """The table with these changes applied onto `onto`, the newest
        committed version (other transactions may have committed other
        rows since this overlay's base), or onto the base itself."""
        if onto is None or self.truncated:
            onto = self.base
        return TableVersion(onto.rows.evolve(self.rows),
                            tuple(index.commit(committed) for index, committed
                                  in zip(self.indexes, onto.indexes)))


class Marker:
    """A savepoint: a position in the undo log (plus what the transaction
    wants to restore with it)."""

    __slots__ = ("position", "relation_locks", "row_locks", "claims")

    def __init__(self, position: int, relation_locks: int) -> None:
        self.position = position
        self.relation_locks = relation_locks  # its relation lock log's length
        self.row_locks = 0  # how many row locks the transaction had taken
        self.claims = 0  # how many unique-key claims it had logged


class Overlay:
    """All of one transaction's uncommitted changes, with savepoint undo."""

    def __init__(self) -> None:
        self.tables: dict[QName, TableOverlay] = {}
        self.sequences: dict[QName, SequenceState] = {}
        # DDL in this transaction: the new schema, the table versions it
        # has (created ones empty, dropped ones gone), the statements' text,
        # the committed version they were last merged onto and the steps
        # that make its catalog again on a newer one (`catalog_merge.py`)
        self.schema: Any = None
        self.ddl_tables: Mapping[QName, TableVersion] | None = None
        self.ddl_text: list[str] = []
        self.ddl_base: Version | None = None
        self.ddl_steps: list = []
        self._undo: list[tuple] | None = None
        self._markers: list[Marker] = []
        # table -> savepoint depth of its last TRUNCATE (COPY FREEZE's test)
        self._truncated_at: dict[QName, int] = {}

    # -- changes
    def table(self, info: TableInfo, base: TableVersion) -> TableOverlay:
        overlay = self.tables.get(info.name)
        if overlay is None:
            overlay = self.tables[info.name] = TableOverlay(info, base)
        return overlay

    def appear(self, table: TableOverlay, rid: int, row: tuple) -> None:
        table.appear(rid, row)
        if self._undo is not None:
            self._undo.append(("appear", table.info.name, rid, row))

    def appear_new(self, table: TableOverlay, rid: int, row: tuple, keys: list) -> None:
        """appear() for a freshly allocated row id (`TableOverlay.appear_new`)."""
        table.appear_new(rid, row, keys)
        if self._undo is not None:
            self._undo.append(("appear", table.info.name, rid, row))

    def logged_new(self, table: QName, rids: Iterable[int],
                   rows: Iterable[tuple]) -> None:
        """The undo entries of rows a block insert just added."""
        if self._undo is not None:
            self._undo.extend(("appear", table, rid, row)
                              for rid, row in zip(rids, rows))

    def disappear(self, table: TableOverlay, rid: int, row: tuple) -> None:
        table.disappear(rid, row)
        if self._undo is not None:
            self._undo.append(("disappear", table.info.name, rid, row))

    def truncate(self, info: TableInfo) -> None:
        old = self.tables.get(info.name)
        self.tables[info.name] = TableOverlay(info, TableVersion.empty(info), truncated=True)
        self._truncated_at[info.name] = len(self._markers)
        if self._undo is not None:
            self._undo.append(("table", info.name, old))

    def truncated_here(self, name: QName) -> bool:
        """Was the table truncated in the current subtransaction (not
        before the innermost savepoint, and not undone)?"""
        table = self.tables.get(name)
        return (table is not None and table.truncated
                and self._truncated_at.get(name) == len(self._markers))

    def set_sequence(self, name: QName, state: SequenceState) -> None:
        old = self.sequences.get(name, _MISSING)
        self.sequences[name] = state
        if self._undo is not None:
            self._undo.append(("sequence", name, old))

    @property
    def empty(self) -> bool:
        return not self.sequences and self.schema is None and \
            not any(t.changed for t in self.tables.values())

    def change_schema(self, schema: Any, tables: Mapping[QName, TableVersion],
                      text: str | None, base: Version, step: Any = None) -> None:
        """A DDL statement: from now on the tables follow `schema`. Its
        text joins the DDL log unless it is None (temporary objects);
        `base`: the committed version it was made on (the first DDL's,
        or the one the earlier ones were merged onto); `step`: the
        statement as a function of a catalog."""
        if self._undo is not None:
            self._undo.append(("ddl", None, self.schema, self.ddl_tables,
                               len(self.ddl_text), self.ddl_base,
                               len(self.ddl_steps)))
        for name in [n for n in self.tables if n not in tables]:
            self.drop_table(name)
        for name, overlay in self.tables.items():  # FKs in and out may change
            overlay.info = schema.tables[name]
        self.schema = schema
        self.ddl_tables = tables
        if self.ddl_base is None:
            self.ddl_base = base
        if step is not None:
            self.ddl_steps.append(step)
        if text is not None:
            self.ddl_text.append(text)

    def rebased(self, schema: Any, tables: Mapping[QName, TableVersion],
                base: Version) -> None:
        """Its DDL merged onto the newer committed version `base`
        (`catalog_merge.merged`)."""
        self.schema = schema
        self.ddl_tables = tables
        self.ddl_base = base
        for name in [n for n in self.tables if n not in tables]:
            del self.tables[name]
        for name, overlay in self.tables.items():
            overlay.info = schema.tables[name]
            overlay.rebase(tables[name])

    def drop_table(self, name: QName) -> None:
        if self._undo is not None:
            self._undo.append(("table", name, self.tables[name]))
        del self.tables[name]

    @property
    def logging(self) -> bool:
        return self._undo is not None

    # -- savepoints
    def savepoint(self, relation_locks: int) -> Marker:
        if self._undo is None:
            self._undo = []
        marker = Marker(len(self._undo), relation_locks)
        self._markers.append(marker)
        return marker

    def _index(self, marker: Marker) -> int:
        for i in range(len(self._markers) - 1, -1, -1):
            if self._markers[i] is marker:
                return i
        raise ValueError("savepoint marker is not active in this transaction")

    def rollback_to(self, marker: Marker) -> None:
        """Undo every change made after `marker`; the savepoint stays."""
        del self._markers[self._index(marker) + 1:]
        undo = self._undo
        assert undo is not None
        while len(undo) > marker.position:
            entry = undo.pop()
            kind, name = entry[0], entry[1]
            if kind == "appear":
                self.tables[name].disappear(entry[2], entry[3])
            elif kind == "disappear":
                self.tables[name].appear(entry[2], entry[3])
            elif kind == "table":
                if entry[2] is None:
                    del self.tables[name]
                else:
                    self.tables[name] = entry[2]
            elif kind == "ddl":  # the transaction re-points table infos
                self.schema, self.ddl_tables = entry[2], entry[3]
                del self.ddl_text[entry[4]:]
                self.ddl_base = entry[5]
                del self.ddl_steps[entry[6]:]
            else:
                if entry[2] is _MISSING:
                    del self.sequences[name]
                else:
                    self.sequences[name] = entry[2]

    def release(self, marker: Marker) -> None:
        """Forget `marker` and every later one; keep the changes (a
        released subtransaction's TRUNCATE now belongs to its parent)."""
        del self._markers[self._index(marker):]
        depth = len(self._markers)
        for name, at in self._truncated_at.items():
            if at > depth:
                self._truncated_at[name] = depth
        if not self._markers:
            self._undo = None

    # -- commit
    def commit(self, version: Version, number: int) -> Version:
        """The newest version `version` with these row changes applied by
        row id (a transaction with DDL commits through
        `catalog_merge.committed`)."""
        assert self.ddl_tables is None
        if not any(t.changed for t in self.tables.values()):
            return version
        tables = dict(version.tables)
        for name, overlay in self.tables.items():
            if overlay.changed:
                tables[name] = overlay.commit(version.tables.get(name))
        return Version(number, tables, version.schema, version.generation,
                       version.ddl)


def appended_ddl(ddl: str, statements: list[str]) -> str:
    """The DDL text with runtime statements after it, each ending in `;`
    (the text before may end in a comment or lack its last semicolon)."""
    text = ddl.rstrip()
    if text and not text.endswith(";"):
        text += "\n;"
    for statement in statements:
        text += ("\n" if text else "") + statement.rstrip().rstrip(";") + ";"
    return text + "\n"
