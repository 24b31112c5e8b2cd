"""Catalog IR: the frozen result of loading a schema.

A `Catalog` is what every later stage resolves names against and what the
snapshot carries. It is built once (by `passes.resolve_ddl`) and never
mutated; lookups go through dictionaries built at construction. Object order
is deterministic: tables, indexes and sequences are sorted by qualified
name, columns keep their attribute order, constraints their creation order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from twinning.ir.node import node
from twinning.ir.syntax import Expr
from twinning.ir.types import DomainType, SqlType


def kept_triggers(triggers: tuple) -> tuple:
    return tuple(t for t in triggers if not is_temporary(t.table.schema))


def is_temporary(schema: str) -> bool:
    """A session's temporary schema: pg_temp_N, where PostgreSQL puts
    CREATE TEMP TABLE (`pg_temp` is each session's alias for its own)."""
    return schema.startswith("pg_temp_")


@dataclass(frozen=True, slots=True, order=True)
class QName:
    """A schema-qualified object name, printed `schema.name`."""

    schema: str
    name: str

    def __str__(self) -> str:
        return f"{self.schema}.{self.name}"


@node
class Column:
    name: str
    type: SqlType
    attnum: int
    not_null: bool = False
    default: Expr | None = None
    default_source: str | None = None  # as written, for pg_attrdef / \d
    identity: str | None = None  # "always" | "by default"
    sequence: QName | None = None  # serial/identity sequence it draws from
    comment: str | None = None
    # GENERATED ALWAYS AS (default) STORED: `default` is the generation
    # expression (pg_attrdef holds it, attgenerated 's'), typed over the row
    generated: bool = False


@node
class PrimaryKey:
    name: str
    columns: tuple[str, ...]
    comment: str | None = None


@node
class Unique:
    name: str
    columns: tuple[str, ...]
    nulls_not_distinct: bool = False
    comment: str | None = None


@node
class Check:
    name: str
    expr: Expr
    source: str
    columns: tuple[str, ...]  # the columns the expression reads
    comment: str | None = None


@node
class ForeignKey:
    name: str
    columns: tuple[str, ...]
    ref_table: QName
    ref_columns: tuple[str, ...]
    on_delete: str = "NO ACTION"
    on_update: str = "NO ACTION"
    match: str = "SIMPLE"
    comment: str | None = None
    deferrable: bool = False
    deferred: bool = False  # INITIALLY DEFERRED: checked at commit


Constraint = PrimaryKey | Unique | Check | ForeignKey


@node
class Index:
    """An index; PK and UNIQUE constraints own one of the same name."""

    name: QName
    table: QName
    columns: tuple[str, ...]
    unique: bool = False
    primary: bool = False
    constraint: str | None = None  # owning constraint, if any
    nulls_not_distinct: bool = False
    method: str = "btree"
    include: tuple[str, ...] = ()  # INCLUDE columns, after the key ones
    options: tuple[int, ...] = ()  # indoption per key column (1 DESC, 2 NULLS FIRST)
    predicate: Expr | None = None  # a partial index's WHERE
    comment: str | None = None
    clustered: bool = False  # CLUSTER … USING it (pg_index.indisclustered)
    # per key column: a non-default operator class's name, else None
    opclasses: tuple[str | None, ...] = ()
    # an expression index: per key column the expression (syntax, typed
    # over the table where used) or None for a plain column, whose entry in
    # `columns` is then the index column's name (`lower`, `expr`):
    # passes/expression_indexes.py. Empty when every key is a column.
    expressions: tuple = ()


@node
class Sequence:
    name: QName
    type: SqlType
    start: int
    increment: int
    min_value: int
    max_value: int
    cache: int = 1
    cycle: bool = False
    owned_by: tuple[QName, str] | None = None
    comment: str | None = None


@node
class Table:
    name: QName
    columns: tuple[Column, ...]
    constraints: tuple[Constraint, ...] = ()
    comment: str | None = None
    created: int = 0  # creation order in the schema (PostgreSQL's OID order)
    # (attnum, type) of each dropped column: PostgreSQL keeps their attnums
    # (pg_attribute's attisdropped rows), so later columns keep theirs. Not
    # compared or dumped: the DDL that dropped them is what snapshots keep.
    dropped: tuple[tuple[int, SqlType], ...] = field(default=(), compare=False)
    _by_name: dict = field(default_factory=dict, compare=False, repr=False)
    _slots: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_name.update({c.name: c for c in self.columns})
        self._slots.update({c.name: i for i, c in enumerate(self.columns)})

    def column(self, name: str) -> Column | None:
        return self._by_name.get(name)

    def column_at(self, attnum: int) -> Column | None:
        return next((c for c in self.columns if c.attnum == attnum), None)

    @property
    def natts(self) -> int:
        """relnatts: the attnums given out, dropped columns included."""
        return max([c.attnum for c in self.columns]
                   + [attnum for attnum, _ in self.dropped], default=0)

    def slot(self, name: str) -> int:
        """Where a column's value sits in the table's row tuples: its
        place among the live columns (its attnum counts dropped ones)."""
        return self._slots[name]

    @property
    def primary_key(self) -> PrimaryKey | None:
        return next((c for c in self.constraints
                     if isinstance(c, PrimaryKey)), None)

    def of_kind(self, kind: type) -> tuple:
        return tuple(c for c in self.constraints if isinstance(c, kind))

    @property
    def uniques(self) -> tuple[Unique, ...]:
        return self.of_kind(Unique)

    @property
    def checks(self) -> tuple[Check, ...]:
        return self.of_kind(Check)

    @property
    def foreign_keys(self) -> tuple[ForeignKey, ...]:
        return self.of_kind(ForeignKey)


@node
class View:
    """A view: its query (the read path's syntax, typed again wherever the
    view is read, under the `search_path` it was created with), its output
    columns as they were at creation, and the relations it reads, which
    cannot be dropped or changed under it. A materialized view is also a
    `Table` of the same name (its rows), `populated` once filled."""

    name: QName
    columns: tuple[Column, ...]
    query: Any
    definition: str
    search_path: tuple[str, ...]
    depends: tuple[QName, ...]
    materialized: bool = False
    populated: bool = True
    comment: str | None = None
    created: int = 0
    aliases: int = 0  # leading columns named by CREATE VIEW's column list

    def column_at(self, attnum: int) -> Column | None:
        return next((c for c in self.columns if c.attnum == attnum), None)

    @property
    def constraints(self) -> tuple:
        return ()  # a view has none


@node
class UserType:
    """A type the user created: an enum (`kind` 'e': CREATE TYPE … AS
    ENUM). `sql_type` is what its columns and casts carry (key
    `schema.name`, its `EnumType` row with the labels). OIDs are given at
    creation (the type, then its array type, as PostgreSQL numbers them)
    and kept; `created` orders them."""

    name: QName
    kind: str
    sql_type: SqlType
    oid: int
    array_oid: int
    created: int = 0
    comment: str | None = None
    # a domain's DomainType (sql_type.domain, which SqlType equality
    # ignores): so a changed domain is a changed catalog
    domain: DomainType | None = None
    # a composite type's (`kind` 'c') pg_class OID (relkind 'c'), and its
    # dropped attributes (attnum, type): pg_attribute keeps them
    relid: int = 0
    dropped: tuple = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "domain", self.sql_type.domain)


class _Unbounded:
    """MINVALUE / MAXVALUE in a range bound: below / above every value."""

    __slots__ = ("word",)

    def __init__(self, word: str) -> None:
        self.word = word

    def __repr__(self) -> str:
        return self.word

    def __reduce__(self) -> tuple:
        return (_unbounded, (self.word,))


def _unbounded(word: str) -> _Unbounded:
    return MINVALUE if word == "MINVALUE" else MAXVALUE


MINVALUE = _Unbounded("MINVALUE")
MAXVALUE = _Unbounded("MAXVALUE")


@node
class PartitionKey:
    """PARTITION BY of a partitioned table (relkind p): the strategy
    (range | list | hash) and its key columns, "" where a key part is an
    expression (its syntax in `exprs` at that place:
    passes/partition_keys.py)."""

    table: QName
    strategy: str
    columns: tuple[str, ...]
    exprs: tuple[Any, ...] = ()


@node
class PartitionBound:
    """FOR VALUES of a partition, its values in the key columns' types:
    `values` of a list partition (None: NULL), `lower`/`upper` of a range
    one (a value, MINVALUE or MAXVALUE per key column), `modulus` and
    `remainder` of a hash one; or DEFAULT."""

    strategy: str
    default: bool = False
    values: tuple = ()
    lower: tuple = ()
    upper: tuple = ()
    modulus: int = 0
    remainder: int = 0


@node
class Inherit:
    """A pg_inherits row: a partition of a partitioned table (with its
    bound), or an index attached to a partitioned index (bound None)."""

    child: QName
    parent: QName
    bound: PartitionBound | None = None
    made: bool = False  # an index made for its parent's (not attached)


@node
class Extension:
    """An installed extension (pg_extension): CREATE EXTENSION put its
    objects in `schema`; the typer sees its functions only while it is
    installed (`passes/expr/extensions.py`)."""

    name: str
    schema: str
    version: str
    relocatable: bool = True
    created: int = 0  # creation order (OID order)
    comment: str | None = None


@node
class Catalog:
    """The loaded schema: schemas, tables, indexes, sequences, FK order,
    views."""

    schemas: tuple[str, ...]
    tables: tuple[Table, ...]
    indexes: tuple[Index, ...]
    sequences: tuple[Sequence, ...]
    load_order: tuple[QName, ...]  # parents before children
    fk_cycles: tuple[tuple[QName, ...], ...]  # strongly connected groups
    views: tuple[View, ...] = ()
    # COMMENT ON SCHEMA: (schema, text or None), None where a comment
    # PostgreSQL gives itself was removed (public's)
    schema_comments: tuple[tuple[str, str | None], ...] = ()
    # enums and domains, by name; `type_oids`: the OIDs given to types so
    # far (the other user objects are numbered after them)
    types: tuple[UserType, ...] = ()
    type_oids: int = 0
    extensions: tuple[Extension, ...] = ()  # by name
    # user functions (by OID order) and triggers (ir/routines.py)
    functions: tuple = ()
    triggers: tuple = ()
    # partitioning (passes/resolve_partition.py): the partitioned tables'
    # keys, and the partitions and attached indexes, in attach order
    partition_keys: tuple[PartitionKey, ...] = ()
    inherits: tuple[Inherit, ...] = ()
    # CREATE ROLE's roles and GRANT/REVOKE's ACLs (ir/privileges.py)
    roles: tuple = ()
    acls: tuple = ()
    # the next relation's creation ordinal (`Table.created`, PostgreSQL's
    # OID order): a relation made after a DROP of the newest one still
    # comes after it, as its OID would (derived from the DDL, so neither
    # compared nor dumped)
    next_created: int = field(default=0, compare=False, repr=False)
    _tables: dict = field(default_factory=dict, compare=False, repr=False)
    _sequences: dict = field(default_factory=dict, compare=False, repr=False)
    _views: dict = field(default_factory=dict, compare=False, repr=False)
    _types: dict = field(default_factory=dict, compare=False, repr=False)
    _routines: dict = field(default_factory=dict, compare=False, repr=False)
    _keys: dict = field(default_factory=dict, compare=False, repr=False)
    _parents: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._keys.update({k.table: k for k in self.partition_keys})
        self._parents.update({i.child: i for i in self.inherits})
        self._tables.update({t.name: t for t in self.tables})
        self._sequences.update({s.name: s for s in self.sequences})
        self._views.update({v.name: v for v in self.views})
        self._types.update({t.name: t for t in self.types})
        if self.functions or self.triggers:
            by_name: dict = {}
            for f in self.functions:
                by_name.setdefault(f.name.name, []).append(f)
            by_table: dict = {}
            for trig in sorted(self.triggers, key=lambda x: x.name):
                by_table.setdefault(trig.table, []).append(trig)
            self._routines.update(
                names=by_name, oids={f.oid: f for f in self.functions},
                tables={k: tuple(v) for k, v in by_table.items()})

    def functions_named(self, name: str) -> list:
        return self._routines["names"].get(name, []) if self._routines else []

    def function_by_oid(self, oid: int) -> Any:
        return self._routines["oids"].get(oid) if self._routines else None

    def triggers_of(self, table: QName) -> tuple:
        """A table's triggers in firing order (by name, as PostgreSQL)."""
        return self._routines["tables"].get(table, ()) if self._routines else ()

    def verify(self) -> None:
        """Structural invariants every builder must keep."""
        assert list(self.tables) == sorted(self.tables, key=lambda t: t.name)
        assert sorted(self.load_order) == sorted(self._tables)
        for table in self.tables:
            for fk in table.foreign_keys:
                assert fk.ref_table in self._tables, fk

    def table(self, name: QName) -> Table | None:
        return self._tables.get(name)

    def sequence(self, name: QName) -> Sequence | None:
        return self._sequences.get(name)

    def view(self, name: QName) -> View | None:
        return self._views.get(name)

    def extension(self, name: str) -> Extension | None:
        return next((e for e in self.extensions if e.name == name), None)

    def partition_key(self, name: QName) -> PartitionKey | None:
        """PARTITION BY of a partitioned table; None for any other."""
        return self._keys.get(name)

    def parent_of(self, name: QName) -> Inherit | None:
        """The pg_inherits row of a partition or an attached index."""
        return self._parents.get(name)

    def children_of(self, name: QName) -> tuple[Inherit, ...]:
        """The partitions of a partitioned table (or the indexes attached
        to a partitioned index), in attach order."""
        return tuple(i for i in self.inherits if i.parent == name)

    def user_type(self, name: QName) -> UserType | None:
        return self._types.get(name)

    def type_named(self, names: tuple[str, ...],
                   search_path: tuple[str, ...] = ("public",)
                   ) -> UserType | None:
        """The user type a written name means (pg_catalog's built-ins
        are looked for first, by the caller)."""
        if len(names) > 1:
            return self._types.get(QName(names[-2], names[-1]))
        for schema in search_path:
            found = self._types.get(QName(schema, names[0]))
            if found is not None:
                return found
        return None

    def relation_kind(self, name: QName) -> str:
        """pg_class.relkind of a table or view: r, p, v or m."""
        view = self._views.get(name)
        if view is None:
            return "p" if name in self._keys else "r"
        return "m" if view.materialized else "v"

    def table_named(self, names: tuple[str, ...],
                    search_path: tuple[str, ...] = ("public",)) -> QName:
        """The table a written name means: a qualified one as it is, an
        unqualified one in the first schema of `search_path` that has it
        (else where it would be, for the 42P01 that follows)."""
        if len(names) > 1:
            if names[0] == "pg_temp":  # the session's own temporary schema
                return QName(next((s for s in search_path if is_temporary(s)),
                                  "pg_temp"), names[1])
            return QName(names[0], names[1])
        for schema in search_path:
            name = QName(schema, names[0])
            if name in self._tables or name in self._views:
                return name
        return QName(search_path[0] if search_path else "", names[0])

    def without_temporary(self) -> Catalog:
        """The catalog less the sessions' temporary schemas (pg_temp_N)
        and what they hold: what snapshots and the DDL log keep. Foreign
        keys never cross between the two, so the order stays valid."""
        if not any(is_temporary(s) for s in self.schemas):
            return self

        def kept(items: Iterable[Any]) -> tuple:
            return tuple(x for x in items if not is_temporary(
                (x if isinstance(x, QName) else x.name).schema))
        return Catalog(
            tuple(s for s in self.schemas if not is_temporary(s)),
            kept(self.tables), kept(self.indexes), kept(self.sequences),
            kept(self.load_order),
            tuple(c for c in self.fk_cycles if not is_temporary(c[0].schema)),
            views=kept(self.views), types=self.types,
            type_oids=self.type_oids, extensions=self.extensions,
            functions=self.functions, triggers=kept_triggers(self.triggers),
            roles=self.roles, acls=tuple(
                a for a in self.acls
                if not is_temporary(a.name.split(".", 1)[0])),
            next_created=self.next_created,
            partition_keys=tuple(k for k in self.partition_keys
                                 if not is_temporary(k.table.schema)),
            inherits=tuple(i for i in self.inherits
                           if not is_temporary(i.child.schema)),
            schema_comments=tuple(x for x in self.schema_comments
                                  if not is_temporary(x[0])))

    def schema_comment(self, schema: str) -> str | None:
        """COMMENT ON SCHEMA's text; public's own when never changed."""
        given = dict(self.schema_comments)
        if schema in given:
            return given[schema]
        return "standard public schema" if schema == "public" else None

    def indexes_of(self, table: QName) -> tuple[Index, ...]:
        return tuple(i for i in self.indexes if i.table == table)

    def constraints(self) -> Iterator[tuple[Table, Constraint]]:
        for table in self.tables:
            for constraint in table.constraints:
                yield table, constraint

    def counts(self) -> dict[str, int]:
        return {
            "table_count": len(self.tables),
            "column_count": sum(len(t.columns) for t in self.tables),
            "index_count": len(self.indexes),
            "constraint_count": sum(len(t.constraints) for t in self.tables),
            "sequence_count": len(self.sequences),
        }
