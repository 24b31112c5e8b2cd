"""DDL IR: schema statements after lowering, before names are resolved.

Lowering turns syntax into these definitions (statements with nothing to
lower are parsed straight into them): type names become `SqlType`s,
serial columns become integer columns with an owned sequence, and column
constraints are hoisted to table constraints, so resolution deals with one
shape per constraint kind. Names are still unqualified and unchecked; which
schema they land in, what they are called by default and whether what they
reference exists is decided by `passes.resolve_ddl`.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from twinning.ir.node import node
from twinning.ir.syntax import Expr, ForeignKeyRef, TypeSpec
from twinning.ir.types import SqlType

LOC = field(default=-1, compare=False, repr=False)


@node
class SequenceDef:
    name: tuple[str, ...] | None  # None: named after its column
    type: SqlType | None = None
    start: int | None = None
    increment: int | None = None
    min_value: int | None = None  # None: the type's default
    max_value: int | None = None
    cache: int | None = None
    cycle: bool = False
    owned_by: tuple[str, ...] | None = None
    if_not_exists: bool = False
    location: int = LOC


@node
class ColumnDef:
    name: str
    type: SqlType
    not_null: bool = False
    default: Expr | None = None
    default_source: str | None = None
    identity: str | None = None  # always | by default
    serial: bool = False
    sequence: SequenceDef | None = None  # serial / identity
    location: int = LOC
    generated: bool = False  # GENERATED ALWAYS AS (default) STORED


@node
class ConstraintDef:
    """primary_key, unique, check or foreign_key, as declared."""

    kind: str
    name: str | None
    columns: tuple[str, ...] = ()
    expr: Expr | None = None
    source: str | None = None
    ref: ForeignKeyRef | None = None
    nulls_not_distinct: bool = False
    column_level: bool = False  # written on a column (naming differs)
    location: int = LOC


@node
class LikeDef:
    """A CREATE TABLE's `LIKE source` (CREATE_TABLE_LIKE_* `options`),
    among its columns where it was written."""

    table: tuple[str, ...]
    options: int = 0
    location: int = LOC


@node
class TableDef:
    name: tuple[str, ...]
    columns: tuple[ColumnDef, ...]
    constraints: tuple[ConstraintDef, ...]
    if_not_exists: bool = False
    location: int = LOC
    temporary: bool = False
    on_commit: str | None = None  # preserve | delete | drop
    partition_by: Any = None  # PartitionKeyDef: a partitioned table
    partition_of: tuple[str, ...] | None = None  # … PARTITION OF parent
    bound: Any = None  # its PartitionBoundDef
    option_columns: tuple[str, ...] = ()  # columns given options (must exist)


@node
class IndexDef:
    name: str | None
    table: tuple[str, ...]
    columns: tuple[str, ...]
    unique: bool = False
    nulls_not_distinct: bool = False
    if_not_exists: bool = False
    location: int = LOC
    include: tuple[str, ...] = ()
    options: tuple[int, ...] = ()  # indoption of each key column
    where: Expr | None = None  # partial index predicate
    where_source: str | None = None
    method: str = "btree"
    only: bool = False  # ON ONLY a partitioned table: not cascaded
    concurrently: bool = False
    opclasses: tuple[str | None, ...] = ()  # written operator classes
    expressions: tuple = ()  # per key: an expression or None (syntax.CreateIndex)


@node
class ConstraintAdd:
    table: tuple[str, ...]
    constraint: ConstraintDef
    location: int = LOC
    only: bool = False  # ALTER TABLE ONLY: not cascaded to partitions


@node
class SchemaDef:
    name: str
    if_not_exists: bool = False
    location: int = LOC


@node
class CommentDef:
    """`COMMENT ON TABLE|COLUMN|CONSTRAINT|INDEX|SEQUENCE|SCHEMA|VIEW … IS
    '…'` (feeds pg_description)."""

    target: str  # table | column | constraint | index | sequence | schema
    name: tuple[str, ...]  # a constraint's: (…table, constraint)
    text: str | None
    location: int = LOC


@node
class AlterColumnDef:
    """ADD COLUMN (`column` a ColumnDef, with its hoisted `constraints`) or
    a change to an existing column (`column` its name)."""

    table: tuple[str, ...]
    action: str  # add | drop | type | set_default | drop_default | set_not_null | drop_not_null
    column: Any
    default: Expr | None = None
    default_source: str | None = None
    constraints: tuple[ConstraintDef, ...] = ()
    if_not_exists: bool = False
    location: int = LOC
    if_exists: bool = False
    cascade: bool = False
    new_type: SqlType | None = None  # ALTER COLUMN … TYPE … USING `using`
    using: Expr | None = None
    only: bool = False  # ALTER TABLE ONLY (passes/partition_alter.py)


@node
class DropConstraintDef:
    table: tuple[str, ...]
    name: str
    if_exists: bool = False
    cascade: bool = False
    location: int = LOC
    only: bool = False


@node
class RenameTableDef:
    table: tuple[str, ...]
    new_name: str
    location: int = LOC


@node
class RenameColumnDef:
    table: tuple[str, ...]
    column: str
    new_name: str
    location: int = LOC
    only: bool = False


@node
class IfTableExistsDef:
    table: tuple[str, ...]
    definitions: tuple[Any, ...]
    location: int = LOC


@node
class SettingDef:
    """A schema file's `SET name = value` (or pg_dump's
    `SELECT pg_catalog.set_config('search_path', '', false)`)."""

    name: str
    values: tuple[str, ...]
    location: int = LOC


@node
class SequenceOwnerDef:
    """`ALTER SEQUENCE s OWNED BY t.c | NONE` (pg_dump's serial columns)."""

    sequence: tuple[str, ...]
    owned_by: tuple[str, ...]
    location: int = LOC


@node
class OwnerDef:
    """`ALTER TABLE|SCHEMA|SEQUENCE|DOMAIN|TYPE … OWNER TO role`."""

    kind: str  # table | schema | sequence | domain | type
    names: tuple[str, ...]
    role: str
    location: int = LOC


@node
class DropDef:
    """`DROP TABLE|INDEX|SEQUENCE|SCHEMA|VIEW|… [IF EXISTS] name, … [CASCADE]`."""

    kind: str  # table | index | sequence | schema | view | type | domain
    names: tuple[tuple[str, ...], ...]
    if_exists: bool = False
    cascade: bool = False
    location: int = LOC


@node
class ViewDef:
    """CREATE [OR REPLACE] [TEMP] VIEW and CREATE MATERIALIZED VIEW:
    `query` in the read path's syntax (`ir/select.py`), `definition` its
    text as pglast prints it; the catalog `View` gets its columns and
    dependencies from typing `query` (`passes/resolve_view.py`)."""

    name: tuple[str, ...]
    columns: tuple[str, ...]
    query: Any
    definition: str
    replace: bool = False
    temporary: bool = False
    materialized: bool = False
    with_data: bool = True
    if_not_exists: bool = False
    location: int = LOC


@node
class RefreshViewDef:
    """REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]."""

    name: tuple[str, ...]
    with_data: bool = True
    concurrently: bool = False
    location: int = LOC


@node
class EnumDef:
    """CREATE TYPE name AS ENUM ('label', …)."""

    name: tuple[str, ...]
    labels: tuple[str, ...]
    location: int = LOC


@node
class CompositeTypeDef:
    """CREATE TYPE name AS (attribute type, …): each attribute's type as
    lowered, or as written when it names a user type."""

    name: tuple[str, ...]
    attributes: tuple[tuple[str, Any], ...]
    location: int = LOC


@node
class AlterCompositeDef:
    """ALTER TYPE name ADD/DROP/ALTER/RENAME ATTRIBUTE: each action
    ("add", name, TypeSpec), ("drop", name, if_exists), ("type", name,
    TypeSpec) or ("rename", old, new), in order."""

    name: tuple[str, ...]
    actions: tuple[tuple, ...]
    location: int = LOC


@node
class AlterEnumDef:
    """ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' [BEFORE|AFTER 'n']
    (`old` None) or RENAME VALUE 'old' TO 'v'."""

    name: tuple[str, ...]
    value: str
    old: str | None = None
    neighbor: str | None = None
    after: bool = False
    if_not_exists: bool = False
    location: int = LOC


@node
class RenameTypeDef:
    """ALTER TYPE|DOMAIN name RENAME TO new_name (`domain`: ALTER
    DOMAIN), or ALTER DOMAIN name RENAME CONSTRAINT `constraint` TO
    new_name."""

    name: tuple[str, ...]
    new_name: str
    location: int = LOC
    domain: bool = False
    constraint: str | None = None


@node
class DomainDef:
    """CREATE DOMAIN name [AS] type [COLLATE c] [DEFAULT e] [NOT NULL |
    NULL] [CONSTRAINT n] CHECK (e) …: `base` as written (lowered when the
    domain is made, a user type found by name then); `constraints` in
    written order as (kind: default | not_null | null | check, name or
    None, expression or None, location)."""

    name: tuple[str, ...]
    base: TypeSpec
    constraints: tuple[tuple[str, str | None, Expr | None, int], ...] = ()
    collation: tuple[str, ...] | None = None
    location: int = LOC


@node
class AlterDomainDef:
    """ALTER DOMAIN name: `action` set_default (`expr` None: DROP
    DEFAULT), set_not_null, drop_not_null, add_check (`constraint` the
    name given, `expr` the CHECK, `not_valid`), drop_constraint
    (`missing_ok`, `cascade`) or validate."""

    name: tuple[str, ...]
    action: str
    expr: Expr | None = None
    constraint: str | None = None
    not_valid: bool = False
    missing_ok: bool = False
    cascade: bool = False
    location: int = LOC


@node
class ExtensionDef:
    """CREATE EXTENSION (create), DROP EXTENSION (drop: `names`), ALTER
    EXTENSION … UPDATE (update) and COMMENT ON EXTENSION (comment)."""

    action: str
    names: tuple[str, ...]
    schema: str | None = None
    version: str | None = None
    if_exists: bool = False  # IF NOT EXISTS for create
    cascade: bool = False
    comment: str | None = None
    location: int = LOC

    @property
    def kind(self) -> str:  # DROP's command tag
        return "extension"


@node
class SchemaPathDef:
    """CREATE SCHEMA's elements run with the new schema first on the
    search path: push it (`schema`), or pop it (None) after them."""

    schema: str | None
    location: int = LOC


@node
class ClusterDef:
    """CLUSTER table [USING index] (cluster), ALTER TABLE … CLUSTER ON
    index (on) or SET WITHOUT CLUSTER (without)."""

    table: tuple[str, ...]
    index: str | None
    action: str
    location: int = LOC


# -- partitioning (passes/parse_partition.py, passes/resolve_partition.py)

@node
class PartitionKeyDef:
    """PARTITION BY strategy (column or (expression), …): `columns` names
    each key column, "" for an expression (in `exprs` at its place)."""

    strategy: str  # range | list | hash
    columns: tuple[str, ...]
    location: int = LOC
    locations: tuple[int, ...] = ()  # each key part's
    exprs: tuple[Any, ...] = ()


@node
class UnboundedDatum:
    """MINVALUE or MAXVALUE in a range bound, where it was written."""

    word: str
    location: int = LOC


@node
class PartitionBoundDef:
    """FOR VALUES …, as written: `values` of IN (…), `lower`/`upper` of
    FROM (…) TO (…) (MINVALUE/MAXVALUE as `UnboundedDatum`s), MODULUS and
    REMAINDER of WITH (…); or DEFAULT."""

    strategy: str  # range | list | hash | default
    values: tuple[Any, ...] = ()
    lower: tuple[Any, ...] = ()
    upper: tuple[Any, ...] = ()
    modulus: int = 0
    remainder: int = 0
    location: int = LOC


@node
class PartitionCmdDef:
    """ALTER TABLE parent ATTACH PARTITION child FOR VALUES … (`action`
    attach), DETACH PARTITION child (detach), or ALTER INDEX parent
    ATTACH PARTITION child (attach_index)."""

    table: tuple[str, ...]
    partition: tuple[str, ...]
    action: str
    bound: PartitionBoundDef | None = None
    location: int = LOC


Definition = (TableDef | IndexDef | ConstraintAdd | SchemaDef | SequenceDef
              | CommentDef | DropDef | AlterColumnDef | DropConstraintDef
              | RenameTableDef | RenameColumnDef | IfTableExistsDef | SettingDef
              | OwnerDef | SequenceOwnerDef | ViewDef | RefreshViewDef
              | EnumDef | CompositeTypeDef | AlterCompositeDef | AlterEnumDef
              | RenameTypeDef
              | DomainDef
              | AlterDomainDef | ExtensionDef | SchemaPathDef | ClusterDef
              | PartitionCmdDef)


@node
class Lowered:
    """One definition with the source statement it came from."""

    definition: Definition
    statement: str
    offset: int = field(compare=False)


@node
class SchemaProgram:
    """A lowered schema file: definitions in execution order."""

    definitions: tuple[Lowered, ...]
    source: str = field(compare=False, repr=False)


