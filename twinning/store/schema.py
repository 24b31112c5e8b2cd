"""What the store needs to know about each table, derived once from the
catalog: column positions and types, NOT NULL columns, the caller's compiled
CHECKs in PostgreSQL's evaluation order, every index in the order
PostgreSQL checks uniqueness, and the foreign keys in both directions.

Orders that are observable (which error a row with several problems gets):
- NOT NULL in column order, then CHECK constraints by name (PostgreSQL
  sorts a relation's checks by name), then unique indexes in creation
  order — constraint indexes as the catalog lists them (primary key first
  within CREATE TABLE), then stand-alone unique indexes (by name: the
  catalog does not keep their creation order).
- Foreign keys in creation order. The catalog keeps it per table; across
  tables the store uses the FK load order (parents first, ties by name) as
  the stand-in for PostgreSQL's trigger OIDs.

Nothing here parses SQL: CHECK expressions and column defaults arrive as
callables compiled by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, Callable, Mapping

from twinning.ir.node import node
from twinning.ir.catalog import Catalog, QName, Table
from twinning.ir.types import SqlType
from twinning.store.indexes import IndexDef
from twinning.values.keys import key_function

CheckFn = Callable[[tuple], "bool | None"]
DefaultFn = Callable[[Any], Any]
PredicateFn = Callable[[tuple], bool]


@node
class FkLink:
    """One foreign key seen from both ends."""

    name: str
    ordinal: int  # creation-order stand-in (trigger firing order)
    child: QName
    child_columns: tuple[str, ...]
    child_positions: tuple[int, ...]
    child_index: str  # index on the child's FK columns, in FK order
    parent: QName
    parent_columns: tuple[str, ...]
    parent_positions: tuple[int, ...]  # referenced columns, in FK order
    parent_index: str  # the unique index the FK points at
    parent_order: tuple[int, ...]  # FK position feeding each parent-index column
    on_delete: str
    on_update: str
    deferrable: bool = False
    deferred: bool = False  # INITIALLY DEFERRED

    def child_key(self, row: tuple) -> tuple:
        return tuple(row[p] for p in self.child_positions)

    def parent_key(self, row: tuple) -> tuple:
        return tuple(row[p] for p in self.parent_positions)


@dataclass(slots=True)
class TableInfo:
    name: QName
    table: Table
    columns: tuple[str, ...]
    types: tuple[SqlType, ...]
    not_null: tuple[int, ...]
    checks: tuple[tuple[str, CheckFn], ...]
    indexes: tuple[IndexDef, ...]
    defaults: dict[int, DefaultFn]
    owned_sequences: tuple[QName, ...]
    fks_out: tuple[FkLink, ...] = ()  # this table references others
    fks_in: tuple[FkLink, ...] = ()  # others reference this table
    index_pos: dict[str, int] = field(default_factory=dict)
    # per index, the in-flight unique keys' dict (`unique_keys.py`),
    # looked up once per schema rather than per row
    claims: list = field(default_factory=list, compare=False, repr=False)

    def index(self, name: str) -> IndexDef:
        return self.indexes[self.index_pos[name]]

    def position(self, column: str) -> int:
        return self.table.slot(column)

    def with_own_claims(self) -> TableInfo:
        """The same info with an empty `claims` of its own (a fork's store
        caches its own in-flight keys); dataclasses.replace costs 10× this."""
        return TableInfo(*_SHARED_FIELDS(self))


_SHARED_FIELDS = attrgetter(*(f.name for f in fields(TableInfo)
                               if f.name != "claims"))


def _index_def(table: Table, name: str, columns: tuple[str, ...], **flags: Any) -> IndexDef:
    positions = tuple(table.slot(c) for c in columns)
    return IndexDef(name, columns, positions,
                    tuple(key_function(table.columns[p].type) for p in positions),
                    **flags)


def _expression_index(index: Any, keys: Any, flags: dict) -> IndexDef:
    """An index with expression keys: `keys` is (fn(row) → key values,
    each key's text as pg_get_indexdef shows it, each key's type)."""
    compute, names, types = keys
    return IndexDef(index.name.name, index.columns, (),
                    tuple(key_function(t) for t in types), expression=compute,
                    key_names=names, key_types=types, **flags)


def _table_indexes(catalog: Catalog, table: Table,
                   predicates: Mapping[str, PredicateFn]) -> list[IndexDef]:
    by_constraint = {}
    standalone_unique, plain = [], []
    for index in catalog.indexes_of(table.name):
        if index.method not in ("btree", "hash"):
            continue  # gist, gin, …: catalog entries, answered by scans
        predicate = None
        if index.predicate is not None:  # the caller compiles every one
            predicate = predicates[index.name.name]
        flags = dict(unique=index.unique, primary=index.primary,
                     nulls_not_distinct=index.nulls_not_distinct,
                     constraint=index.constraint, predicate=predicate)
        if index.expressions:  # the caller compiles its keys too
            defn = _expression_index(index, predicates[("keys", index.name.name)],
                                     flags)
        else:
            defn = _index_def(table, index.name.name, index.columns, **flags)
        if index.constraint is not None:
            by_constraint[index.constraint] = defn
        elif index.unique:
            standalone_unique.append(defn)
        else:
            plain.append(defn)
    ordered = [by_constraint.pop(c.name) for c in table.constraints
               if c.name in by_constraint]
    return ordered + list(by_constraint.values()) + standalone_unique + plain


@node
class StoreSchema:
    """Per-table store metadata for one catalog."""

    catalog: Catalog
    tables: Mapping[QName, TableInfo]

    @classmethod
    def build(cls, catalog: Catalog,
              checks: Mapping[QName, Mapping[str, CheckFn]] | None = None,
              defaults: Mapping[QName, Mapping[str, DefaultFn]] | None = None,
              predicates: Mapping[QName, Mapping[str, PredicateFn]] | None = None
              ) -> StoreSchema:
        """`predicates`: each partial index's compiled WHERE, by table
        and index name."""
        checks = checks or {}
        predicates = predicates or {}
        defaults = defaults or {}
        owned: dict[QName, list[QName]] = {}
        for seq in catalog.sequences:
            if seq.owned_by is not None:
                owned.setdefault(seq.owned_by[0], []).append(seq.name)
        infos: dict[QName, TableInfo] = {}
        indexes: dict[QName, list[IndexDef]] = {}
        for table in catalog.tables:
            given = checks.get(table.name, {})
            unknown = set(given) - {c.name for c in table.checks}
            if unknown:
                raise ValueError(f"{table.name}: no CHECK constraint named {sorted(unknown)}")
            indexes[table.name] = _table_indexes(catalog, table,
                                                 predicates.get(table.name, {}))
            infos[table.name] = TableInfo(
                name=table.name, table=table,
                columns=tuple(c.name for c in table.columns),
                types=tuple(c.type for c in table.columns),
                not_null=tuple(i for i, c in enumerate(table.columns) if c.not_null),
                checks=tuple(sorted(given.items(), key=lambda kv: kv[0].encode())),
                indexes=(),
                defaults={table.slot(n): fn
                          for n, fn in defaults.get(table.name, {}).items()},
                owned_sequences=tuple(sorted(owned.get(table.name, ()))))
        order = {t.name: t.created for t in catalog.tables}  # OID order
        links: list[FkLink] = []
        for table in sorted(catalog.tables, key=lambda t: order[t.name]):
            for number, fk in enumerate(table.foreign_keys):
                links.append(_link(catalog, table, fk, order[table.name] * 10000 + number,
                                   indexes))
        for name, info in infos.items():
            info.indexes = tuple(indexes[name])
            info.index_pos = {d.name: i for i, d in enumerate(info.indexes)}
            info.fks_out = tuple(link for link in links if link.child == name)
            info.fks_in = tuple(link for link in links if link.parent == name)
        return cls(catalog, infos)


def _link(catalog: Catalog, table: Table, fk, ordinal: int,
          indexes: dict[QName, list[IndexDef]]) -> FkLink:
    parent = catalog.table(fk.ref_table)
    assert parent is not None and fk.match == "SIMPLE", fk
    parent_index = next(d for d in indexes[parent.name]
                        if d.unique and set(d.columns) == set(fk.ref_columns)
                        and d.predicate is None and d.expression is None)
    order = tuple(fk.ref_columns.index(c) for c in parent_index.columns)
    child_index = next((d for d in indexes[table.name] if d.columns == fk.columns
                        and d.predicate is None and d.expression is None), None)
    if child_index is None:
        child_index = _index_def(table, f"fk:{fk.name}", fk.columns)
        indexes[table.name].append(child_index)
    return FkLink(
        name=fk.name, ordinal=ordinal, child=table.name, child_columns=fk.columns,
        child_positions=tuple(table.slot(c) for c in fk.columns),
        child_index=child_index.name, parent=parent.name, parent_columns=fk.ref_columns,
        parent_positions=tuple(parent.slot(c) for c in fk.ref_columns),
        parent_index=parent_index.name, parent_order=order,
        on_delete=fk.on_delete, on_update=fk.on_update,
        deferrable=fk.deferrable, deferred=fk.deferred)
