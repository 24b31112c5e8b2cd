"""OIDs of every object the catalog relations show.

Built-in objects keep PostgreSQL 15's OIDs (`pg_builtin`, generated from a
real server): namespaces pg_catalog 11, pg_toast 99, public 2200 and
information_schema 13207 (what `initdb` of PostgreSQL 15.18 gives it; it
depends on the build, as every OID past the fixed ones does), the types,
the access methods, the system relations.

The user's objects get OIDs from 16384 (FirstNormalObjectId) up, in a
fixed order derived from the frozen catalog alone, so they are stable
across runs and replays:

1. schemas other than public, in the catalog's order;
2. tables and views in creation order (`Table.created`, `View.created`);
   per table: the sequences its serial/identity columns own, the table,
   its row type's array and the row type (PostgreSQL's order), then one
   OID per column default and per constraint (a PRIMARY KEY or UNIQUE
   constraint's index first, then the constraint; a foreign key's four RI
   triggers after it), in column and constraint order; per view: the
   view, its row type's array, the row type and its _RETURN rule (a
   materialized view is numbered as the table of its rows, relkind m);
3. indexes that belong to no constraint, by name;
4. sequences owned by nothing, by name;
5. enum labels (pg_enum), per type in OID order, in sort order.

User types (enums) come first: they keep the OIDs given at creation
(`Catalog.type_oids` counts them).

PostgreSQL itself numbers objects in the order a script creates them,
with OIDs spent on TOAST tables and on every earlier object of the
cluster, so no client can rely on the exact numbers; they are consistent
within the twin (every relation refers to the same OIDs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from types import SimpleNamespace
from typing import Any

from twinning.ir.node import node
from twinning.ir.catalog import (Catalog, Constraint, ForeignKey,
                                 Index, PrimaryKey, QName, Sequence, Table,
                                 Unique, View)

FIRST_NORMAL_OID = 16384
BOOTSTRAP_SUPERUSER = 10
PUBLIC_OWNER = 6171  # pg_database_owner owns public in PostgreSQL 15
BUILTIN_NAMESPACES = {"pg_catalog": 11, "pg_toast": 99, "public": 2200,
                      "information_schema": 13207}
HEAP_AM, BTREE_AM, HASH_AM = 2, 403, 405
DEFAULT_COLLATION, C_COLLATION = 100, 950
# pg_class, pg_constraint, … as classoid values (pg_description)
CLASS_OIDS = {"pg_class": 1259, "pg_constraint": 2606, "pg_namespace": 2615,
              "pg_type": 1247, "pg_attrdef": 2604, "pg_database": 1262,
              "pg_authid": 1260, "pg_am": 2601, "pg_proc": 1255,
              "pg_extension": 3079}


@node
class TypeEntry:
    """One pg_type row's identity: what format_type and regtype need."""

    oid: int
    name: str  # typname
    namespace: str
    element: int = 0  # typelem of a true array type (typlen -1, category A)
    array: int = 0  # typarray
    relation: int = 0  # typrelid of a row type


PLPGSQL = (13559, "PL/pgSQL procedural language")  # the built-in extension


@dataclass(slots=True)
class OidMap:
    """Every object's OID and the reverse lookups: `OidMap(catalog)`
    numbers the catalog's objects; `oid_map(catalog)` is the same, built
    once per catalog."""

    catalog: Catalog
    namespaces: dict[str, int] = field(default_factory=dict)
    namespace_names: dict[int, str] = field(default_factory=dict)
    relations: dict[QName, int] = field(default_factory=dict)
    relation_names: dict[int, QName] = field(default_factory=dict)
    relkinds: dict[int, str] = field(default_factory=dict)
    # what a relation OID is: Table, Index, Sequence, or ("system", relkind)
    relation_objects: dict[int, Any] = field(default_factory=dict)
    row_types: dict[QName, tuple[int, int]] = field(default_factory=dict)
    constraints: dict[tuple[QName, str], int] = field(default_factory=dict)
    constraint_objects: dict[int, tuple[Table, Constraint]] = field(
        default_factory=dict)
    constraint_indexes: dict[tuple[QName, str], int] = field(
        default_factory=dict)
    attrdefs: dict[tuple[QName, int], int] = field(default_factory=dict)
    attrdef_objects: dict[int, tuple[Table, int]] = field(default_factory=dict)
    # a foreign key's RI triggers: (a_del, a_upd) on the referenced
    # table, (c_ins, c_upd) on the referencing one
    fk_triggers: dict[tuple[QName, str], tuple[int, int, int, int]] = field(
        default_factory=dict)
    rules: dict[QName, int] = field(default_factory=dict)  # a view's _RETURN
    types: dict[int, TypeEntry] = field(default_factory=dict)
    type_names: dict[tuple[str, str], int] = field(default_factory=dict)
    # pg_enum's rows' OIDs: (enum type OID, label) → OID
    enum_labels: dict[tuple[int, str], int] = field(default_factory=dict)
    # a domain CHECK's OID → (the domain, the check)
    domain_checks: dict[int, tuple[Any, Any]] = field(default_factory=dict)
    extensions: dict[str, int] = field(default_factory=dict)  # pg_extension

    def __post_init__(self) -> None:
        _populate(self)

    # -- lookups ----------------------------------------------------------------
    def extension_comment(self, oid: int) -> str | None:
        """COMMENT ON EXTENSION's text (CREATE EXTENSION sets its control
        file's comment; plpgsql's is built in)."""
        if oid == PLPGSQL[0]:
            return PLPGSQL[1]
        name = next((n for n, o in self.extensions.items() if o == oid), None)
        found = self.catalog.extension(name) if name is not None else None
        return found.comment if found is not None else None

    def relation(self, qname: QName) -> int | None:
        return self.relations.get(qname)

    def object_of(self, oid: int) -> Any:
        return self.relation_objects.get(oid)

    def table_of(self, oid: int) -> Table | None:
        found = self.relation_objects.get(oid)
        return found if isinstance(found, Table) else None

    def constraint_of(self, oid: int) -> tuple[Table, Constraint] | None:
        return self.constraint_objects.get(oid)

    def view_of(self, oid: int) -> View | None:
        """The view (materialized or not) of a relation OID."""
        found = self.relation_objects.get(oid)
        if isinstance(found, (Table, View)):
            return self.catalog.view(found.name)
        return None

    def index_of(self, oid: int) -> Index | None:
        found = self.relation_objects.get(oid)
        return found if isinstance(found, Index) else None

    def sequence_of(self, oid: int) -> Sequence | None:
        found = self.relation_objects.get(oid)
        return found if isinstance(found, Sequence) else None

    def index_oid(self, index: Index) -> int:
        return self.relations[index.name]

    def user_schemas(self) -> list[str]:
        return [n for n in self.namespaces if n not in BUILTIN_NAMESPACES
                or n == "public"]


_CACHE: dict[int, tuple[Catalog, OidMap]] = {}


def oid_map(catalog: Catalog) -> OidMap:
    """The OidMap of a catalog, built once per catalog object."""
    found = _CACHE.get(id(catalog))
    if found is not None and found[0] is catalog:
        return found[1]
    built = OidMap(catalog)
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[id(catalog)] = (catalog, built)
    return built


def _populate(m: OidMap) -> None:
    catalog = m.catalog
    for name, table in _builtin_tables().items():
        getattr(m, name).update(table)
    # user types keep the OIDs they were given (resolve_types); the other
    # objects are numbered after them
    counter = iter(range(FIRST_NORMAL_OID + catalog.type_oids, 2**32))
    for utype in catalog.types:
        for check in utype.domain.checks if utype.domain is not None else ():
            m.domain_checks[check.oid] = (utype.domain, check)
        _type(m, TypeEntry(utype.oid, utype.name.name, utype.name.schema,
                           array=utype.array_oid, relation=utype.relid))
        if utype.kind == "c":  # a composite type is a relation too
            _relation(m, utype.name, utype.relid, "c", utype)
        _type(m, TypeEntry(utype.array_oid, "_" + utype.name.name,
                           utype.name.schema, element=utype.oid))
    for schema in catalog.schemas:
        if schema not in m.namespaces:
            m.namespaces[schema] = next(counter)
    m.namespace_names.update({v: k for k, v in m.namespaces.items()})
    owned: dict[QName, list[Sequence]] = {}
    for seq in catalog.sequences:
        if seq.owned_by is not None:
            owned.setdefault(seq.owned_by[0], []).append(seq)
    constraint_indexes = {(i.table, i.constraint): i for i in catalog.indexes
                          if i.constraint is not None}
    views = [v for v in catalog.views if not v.materialized]
    for table in sorted([*catalog.tables, *views],
                        key=lambda t: (t.created, t.name)):
        for seq in sorted(owned.get(table.name, ()), key=lambda s: s.name):
            _relation(m, seq.name, next(counter), "S", seq)
        _relation(m, table.name, next(counter),
                  "v" if isinstance(table, View) else
                  catalog.relation_kind(table.name), table)
        array, rowtype = next(counter), next(counter)
        m.row_types[table.name] = (rowtype, array)
        _type(m, TypeEntry(rowtype, table.name.name, table.name.schema,
                           array=array, relation=m.relations[table.name]))
        _type(m, TypeEntry(array, "_" + table.name.name, table.name.schema,
                           element=rowtype))
        if isinstance(table, View) or catalog.view(table.name) is not None:
            m.rules[table.name] = next(counter)  # its _RETURN rule
        if isinstance(table, View):
            continue
        for column in table.columns:
            if column.default is not None:
                oid = next(counter)
                m.attrdefs[(table.name, column.attnum)] = oid
                m.attrdef_objects[oid] = (table, column.attnum)
        for constraint in table.constraints:
            index = constraint_indexes.get((table.name, constraint.name))
            if index is not None and isinstance(constraint,
                                                (PrimaryKey, Unique)):
                _relation(m, index.name, next(counter), "i", index)
                m.constraint_indexes[(table.name, constraint.name)] = \
                    m.relations[index.name]
            oid = next(counter)
            m.constraints[(table.name, constraint.name)] = oid
            m.constraint_objects[oid] = (table, constraint)
            if isinstance(constraint, ForeignKey):
                m.fk_triggers[(table.name, constraint.name)] = (
                    next(counter), next(counter), next(counter),
                    next(counter))
    for index in catalog.indexes:
        if index.name not in m.relations:
            _relation(m, index.name, next(counter), "i", index)
    for seq in catalog.sequences:
        if seq.name not in m.relations:
            _relation(m, seq.name, next(counter), "S", seq)
    for utype in catalog.types:
        row = utype.sql_type.user if utype.kind == "e" else None
        for label in row.labels if row is not None else ():
            m.enum_labels[(utype.oid, label)] = next(counter)
    for extension in sorted(catalog.extensions, key=lambda e: e.created):
        m.extensions[extension.name] = next(counter)


_BUILTIN_TABLES = ("namespaces", "types", "type_names", "relations",
                   "relation_names", "relkinds", "relation_objects", "row_types")


@cache
def _builtin_tables() -> dict[str, dict]:
    """The built-in objects' entries of every OidMap, the same whatever the
    catalog: made once (~1,000 entries), copied into each map."""
    from twinning.system_catalog import pg_builtin
    m = SimpleNamespace(**{name: {} for name in _BUILTIN_TABLES})
    m.namespaces.update(BUILTIN_NAMESPACES)
    _builtin_types(m, pg_builtin)
    # every pg_catalog relation resolves (regclass, visibility), whether
    # the twin serves its rows or not
    for name, (oid, relkind) in pg_builtin.CATALOG_RELATIONS.items():
        _relation(m, QName("pg_catalog", name), oid, relkind,
                  ("system", relkind))
    for (schema, name), (oid, relkind, reltype, _) in \
            pg_builtin.RELATIONS.items():
        _relation(m, QName(schema, name), oid, relkind, ("system", relkind))
        if reltype:
            entry = m.types.get(reltype)
            m.row_types[QName(schema, name)] = (
                reltype, entry.array if entry else 0)
    return vars(m)


def _relation(m: OidMap, qname: QName, oid: int, relkind: str,
              obj: Any) -> None:
    m.relations[qname] = oid
    m.relation_names[oid] = qname
    m.relkinds[oid] = relkind
    m.relation_objects[oid] = obj


def _type(m: OidMap, entry: TypeEntry) -> None:
    m.types[entry.oid] = entry
    m.type_names[(entry.namespace, entry.name)] = entry.oid


def _builtin_types(m: OidMap, pg_builtin: Any) -> None:
    for oid, name, element, array, relation in pg_builtin.CATALOG_TYPES:
        _type(m, TypeEntry(oid, name, "pg_catalog", element, array, relation))
    columns = [c[0] for c in pg_builtin.RELATIONS[("pg_catalog", "pg_type")][3]]
    at = {name: i for i, name in enumerate(columns)}
    names = {v: k for k, v in BUILTIN_NAMESPACES.items()}
    for row in pg_builtin.ROWS["pg_type"]:
        element = row[at["typelem"]] if (
            row[at["typcategory"]] == "A" and row[at["typlen"]] == -1
            and row[at["typname"]].startswith("_")) else 0
        _type(m, TypeEntry(row[at["oid"]], row[at["typname"]],
                           names[row[at["typnamespace"]]], element,
                           row[at["typarray"]], row[at["typrelid"]]))


def referenced_index(m: OidMap, fk: ForeignKey) -> int:
    """conindid of a foreign key: the referenced table's PRIMARY KEY or
    UNIQUE index over exactly the referenced columns."""
    wanted = set(fk.ref_columns)
    found = [index for index in m.catalog.indexes_of(fk.ref_table)
             if index.unique and set(index.columns) == wanted
             and index.predicate is None and not index.expressions]
    if not found:
        return 0
    best = min(found, key=lambda i: (not i.primary, m.relations[i.name]))
    return m.relations[best.name]
