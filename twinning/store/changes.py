"""One commit's effects as data, and those effects applied again.

`changes_of(before, after, overlay)` says what a commit did to the
persistent (non-temporary) tables, by row identity: per table either a
delta (row ids that appeared with their rows, committed ids that went), the
whole new contents (a TRUNCATE, a table created or rebuilt by ALTER TABLE
in the transaction) or a rename of an untouched table; plus the DDL
statements the commit appended to the DDL log. It costs in proportion to
what the transaction changed (a DDL commit also looks at each table once).

`apply_changes(store, changes, schema)` makes the same commit on another
store that holds the same committed state, through the ordinary commit
path: an `Overlay` filled with the same appear/disappear/truncate steps and
`MvccStore.publish`. Row ids are kept, so the replayed store scans rows in
the same order and later deltas name the same rows; the store's row-id
allocation moves past every id it sees. A change that does not fit the
state it is applied to raises `ChangeMismatch`.

This is the journal's seam (`twinning/journal.py`); nothing here encodes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping

from twinning.ir.catalog import QName, is_temporary
from twinning.store.pmap import DELETE
from twinning.store.versions import Overlay, TableVersion, Version

if TYPE_CHECKING:
    from twinning.store.store import MvccStore


class ChangeMismatch(Exception):
    """A change that does not apply to the state it was given."""


@dataclass(frozen=True)
class TableChange:
    """`kind`: "delta" (`rows` appeared, `deleted` committed ids went),
    "rows" (`rows` are the table's whole contents) or "renamed" (the table
    is `source`'s committed version under a new name)."""

    kind: str
    rows: tuple[tuple[int, tuple], ...] = ()
    deleted: tuple[int, ...] = ()
    source: QName | None = None


@dataclass(frozen=True)
class Changes:
    ddl: tuple[str, ...] = ()  # statements appended to the DDL log
    tables: Mapping[QName, TableChange] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.ddl and not self.tables


def _delta(rows: Mapping[int, Any]) -> TableChange:
    put = tuple(sorted((rid, row) for rid, row in rows.items()
                       if row is not DELETE))
    gone = tuple(sorted(rid for rid, row in rows.items() if row is DELETE))
    return TableChange("delta", put, gone)


def _whole(version: TableVersion) -> TableChange:
    return TableChange("rows", tuple(version.rows.items()))


def changes_of(before: Version, after: Version, overlay: Overlay) -> Changes:
    """What the commit that turned `before` into `after` (with `overlay`,
    the transaction's changes) did to persistent tables."""
    if after is before:
        return Changes()
    out: dict[QName, TableChange] = {}
    if overlay.schema is None:  # rows only: the changed overlays say it all
        for name, table in overlay.tables.items():
            if table.changed and not is_temporary(name.schema):
                out[name] = _whole(after.tables[name]) if table.truncated \
                    else _delta(table.rows)
        return Changes((), out)
    committed = {id(version): name for name, version in before.tables.items()}
    for name, version in after.tables.items():
        prior = before.tables.get(name)
        if version is prior or is_temporary(name.schema):
            continue
        table = overlay.tables.get(name)
        if table is not None and table.changed and not table.truncated \
                and prior is not None and table.base is prior:
            out[name] = _delta(table.rows)
        elif id(version) in committed:
            out[name] = TableChange("renamed",
                                    source=committed[id(version)])
        else:
            out[name] = _whole(version)
    return Changes(tuple(overlay.ddl_text), out)


def apply_changes(store: MvccStore, changes: Changes, schema: Any = None
                  ) -> None:
    """Commit `changes` on `store`; `schema` is the store schema of the
    catalog the DDL statements made (None when there are none)."""
    base = store.latest
    overlay = Overlay()
    if schema is not None:
        tables: dict[QName, TableVersion] = {}
        for name, info in schema.tables.items():
            change = changes.tables.get(name)
            if change is None:
                if name not in base.tables:
                    raise ChangeMismatch(f"table {name} has no contents")
                tables[name] = base.tables[name]
            elif change.kind == "renamed":
                source = change.source
                if source not in base.tables:
                    raise ChangeMismatch(f"renamed table {source} is missing")
                tables[name] = base.tables[source]
                store.continue_ids(source, name)
            elif change.kind == "rows":
                tables[name] = TableVersion.empty(info)
            elif name in base.tables:
                tables[name] = base.tables[name]
            else:
                raise ChangeMismatch(f"table {name} is missing")
        overlay.change_schema(schema, tables, None, base)
        overlay.ddl_text.extend(changes.ddl)
    else:
        schema, tables = base.schema, dict(base.tables)
    for name, change in changes.tables.items():
        info = schema.tables.get(name)
        if info is None or name not in tables:
            raise ChangeMismatch(f"table {name} does not exist")
        if change.kind == "renamed":
            continue
        if change.kind == "rows":
            if overlay.schema is None:
                overlay.truncate(info)
                table = overlay.tables[name]
            else:
                table = overlay.table(info, tables[name])
        else:
            table = overlay.table(info, tables[name])
            for rid in change.deleted:
                row = table.base.rows.get(rid)
                if row is None or rid in table.rows:
                    raise ChangeMismatch(f"row {rid} of {name} is not there")
                overlay.disappear(table, rid, row)
        for rid, row in change.rows:
            if table.base.rows.get(rid) is not None or rid in table.rows:
                raise ChangeMismatch(f"row {rid} of {name} already exists")
            if len(row) != len(info.table.columns):
                raise ChangeMismatch(f"a row of {name} has the wrong width")
            overlay.appear(table, rid, row)
        if change.rows:
            store.reserve_ids(name, max(rid for rid, _ in change.rows) + 1)
    store.publish(overlay)
