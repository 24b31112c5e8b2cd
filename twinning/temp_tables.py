"""A session's temporary tables: its pg_temp_N schema and ON COMMIT actions.

As in PostgreSQL, a temporary table lives in the session's own schema,
`pg_temp_N` (N: the backend's slot number), which its first temporary
table creates. The catalog is shared, so other sessions see the schema
and its tables in pg_class, but only the owner's search path finds them,
ahead of every other schema unless the path places `pg_temp` itself.

The twin keeps temporary objects out of what outlives the session: they
are dropped when it ends (or at DISCARD TEMP/ALL), their DDL never joins
the DDL log, and snapshots leave them out (`Catalog.without_temporary`).

ON COMMIT actions are the session's, as in PostgreSQL (not catalog
state): `drop` drops the table when the transaction that made it commits,
`delete` empties it at every commit. Each CREATE TEMP TABLE sets or
clears the action of its name, and a rollback forgets the actions its
transaction registered, so none reaches a later table of the same name.
"""

from __future__ import annotations

from twinning.ir import ddl as d
from twinning.ir.catalog import Catalog, QName, is_temporary


class TempTables:
    """The temporary objects of one session."""

    def __init__(self, schema: str) -> None:
        self.schema = schema
        self._actions: dict[QName, str] = {}  # table → drop | delete
        self._registered: list[QName] = []  # by the open transaction

    def created(self, catalog: Catalog, definitions: tuple) -> None:
        """After a DDL statement: the ON COMMIT DROP / DELETE ROWS of the
        temporary tables it made."""
        for defn in definitions:
            if not isinstance(defn, d.TableDef):
                continue
            name = QName(self.schema, defn.name[-1])
            if catalog.table(name) is None:
                continue
            if defn.on_commit in ("drop", "delete"):
                self._actions[name] = defn.on_commit
                self._registered.append(name)
            else:
                self._actions.pop(name, None)

    def rolled_back(self) -> None:
        for name in self._registered:
            self._actions.pop(name, None)
        self._registered.clear()

    def due(self, catalog: Catalog) -> tuple[list[QName], list[QName]]:
        """At commit: (tables to drop, tables to empty), forgetting the
        actions of tables that are gone."""
        self._registered.clear()
        drop, delete = [], []
        for name, action in list(self._actions.items()):
            if catalog.table(name) is None:
                del self._actions[name]
            elif action == "drop":
                drop.append(name)
            else:
                delete.append(name)
        return drop, delete

    def drops(self, tables: list[QName]) -> tuple[d.Definition, ...]:
        """The DROP that removes `tables` (with their indexes and owned
        sequences)."""
        for name in tables:
            self._actions.pop(name, None)
        return (d.DropDef("table", tuple((n.schema, n.name) for n in tables),
                          cascade=True),)

    def everything(self, catalog: Catalog) -> tuple[d.Definition, ...]:
        """The DROPs that remove the schema and all it holds (session end,
        DISCARD TEMP); empty when the session made none."""
        if self.schema not in catalog.schemas:
            return ()
        views = [v.name for v in catalog.views if v.name.schema == self.schema]
        tables = [t.name for t in catalog.tables if t.name.schema == self.schema
                  and t.name not in views]
        owned = {seq.name for seq in catalog.sequences if seq.owned_by}
        sequences = [s.name for s in catalog.sequences
                     if s.name.schema == self.schema and s.name not in owned]
        out: list[d.Definition] = []
        if views:
            out.append(d.DropDef("view", tuple((n.schema, n.name) for n in views),
                                 cascade=True))
        out.extend(self.drops(tables) if tables else ())
        if sequences:
            out.append(d.DropDef("sequence", tuple((n.schema, n.name)
                                                   for n in sequences)))
        out.append(d.DropDef("schema", ((self.schema,),)))
        return tuple(out)


def temporary_objects(catalog: Catalog) -> tuple:
    """The temporary part of a catalog, to tell whether DDL changed it."""
    return (tuple(t for t in catalog.tables if is_temporary(t.name.schema)),
            tuple(i for i in catalog.indexes if is_temporary(i.name.schema)),
            tuple(s for s in catalog.sequences if is_temporary(s.name.schema)),
            tuple(s for s in catalog.schemas if is_temporary(s)),
            tuple(v for v in catalog.views if is_temporary(v.name.schema)))
