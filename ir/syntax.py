"""Syntax IR: the parse stage's output, pglast's tree cut down to the subset.

Every node the twin understands has a frozen dataclass here; anything pglast
produces that has no counterpart is refused during parsing (0A000 for
queries, E_SCHEMA_UNSUPPORTED for schema files), so later stages never meet
a construct they were not written for. Nodes carry their source `location`
(a character offset, -1 when unknown) outside equality, so two statements
that differ only in layout compare equal.

Names are already case-folded by PostgreSQL's scanner; they are kept as
tuples of parts (`("public", "deals")`).
"""

from __future__ import annotations

from dataclasses import field, fields, is_dataclass, replace
from typing import Any, Iterator, Union

from twinning.ir.node import node

LOC = field(default=-1, compare=False, repr=False)


# ---------------------------------------------------------------- expressions

@node
class TypeSpec:
    """A type as written: `numeric(10,2)`, `varchar`, `int[]`."""

    names: tuple[str, ...]
    typmods: tuple[int, ...] = ()
    array: bool = False
    location: int = LOC

    @property
    def name(self) -> str:
        return self.names[-1]


@node
class Literal:
    """A constant. `kind` is integer, numeric, string, bitstring, boolean or null."""

    kind: str
    text: str | None
    location: int = LOC


@node
class ColumnRef:
    parts: tuple[str, ...]
    star: bool = False  # `t.*` or `*`
    location: int = LOC



def column_refs(node: object) -> Iterator[ColumnRef]:
    """Every column reference in a syntax tree, in order."""
    if isinstance(node, ColumnRef):
        yield node
    elif isinstance(node, (tuple, list)):
        for item in node:
            yield from column_refs(item)
    elif hasattr(node, "__dataclass_fields__"):
        for name in node.__dataclass_fields__:
            yield from column_refs(getattr(node, name))


def renamed_column(node: Any, old: str, new: str) -> Any:
    """`node` with every reference to column `old` naming `new` (RENAME
    COLUMN in defaults, CHECKs and key expressions); what does not change
    stays the same object."""
    if isinstance(node, ColumnRef):
        if node.parts and node.parts[-1] == old and not node.star:
            return replace(node, parts=node.parts[:-1] + (new,))
        return node
    if isinstance(node, tuple):
        return tuple(renamed_column(e, old, new) for e in node)
    if is_dataclass(node) and not isinstance(node, type):
        changes = {f.name: renamed_column(getattr(node, f.name), old, new)
                   for f in fields(node) if f.init}
        if any(changes[k] is not getattr(node, k) for k in changes):
            return replace(node, **changes)
    return node


@node
class Param:
    number: int
    location: int = LOC


@node
class Cast:
    arg: Expr
    type: TypeSpec
    location: int = LOC


@node
class FuncCall:
    name: tuple[str, ...]
    args: tuple[Expr, ...] = ()
    star: bool = False  # count(*)
    distinct: bool = False
    filter: Expr | None = None
    order_by: tuple[SortBy, ...] = ()  # string_agg(x, ',' ORDER BY y)
    location: int = LOC
    over: WindowDef | None = None  # a window function call's OVER
    # WITHIN GROUP (ORDER BY …): `order_by` holds its keys
    within_group: bool = False
    variadic: bool = False  # f(…, VARIADIC array)


@node
class WindowDef:
    """A window as written: `WINDOW name AS (...)`, `OVER name` (only
    `name` set) or `OVER ([refname] PARTITION BY … ORDER BY … frame)`.
    `frame_options` is PostgreSQL's FRAMEOPTION_* bit set."""

    name: str | None = None
    refname: str | None = None
    partition_by: tuple[Expr, ...] = ()
    order_by: tuple[SortBy, ...] = ()
    frame_options: int = 0x00422  # FRAMEOPTION_DEFAULTS
    start_offset: Expr | None = None
    end_offset: Expr | None = None
    location: int = LOC


@node
class Operator:
    """A binary or prefix operator (`left` is None for prefix)."""

    op: str
    left: Expr | None
    right: Expr
    location: int = LOC


@node
class BoolOp:
    op: str  # and | or | not
    args: tuple[Expr, ...]
    location: int = LOC


@node
class NullTest:
    arg: Expr
    negated: bool  # IS NOT NULL
    location: int = LOC


@node
class BoolTest:
    arg: Expr
    test: str  # true | not true | false | not false | unknown | not unknown
    location: int = LOC


@node
class Distinct:
    """`a IS [NOT] DISTINCT FROM b`."""

    left: Expr
    right: Expr
    negated: bool  # IS NOT DISTINCT FROM
    location: int = LOC


@node
class InList:
    arg: Expr
    items: tuple[Expr, ...]
    negated: bool
    location: int = LOC


@node
class Between:
    arg: Expr
    low: Expr
    high: Expr
    negated: bool
    symmetric: bool = False
    location: int = LOC


@node
class Like:
    arg: Expr
    pattern: Expr
    case_insensitive: bool
    negated: bool
    escape: Expr | None = None
    location: int = LOC


@node
class Quantified:
    """`x op ANY/ALL (array)`."""

    op: str
    left: Expr
    quantifier: str  # any | all
    right: Expr
    location: int = LOC


@node
class When:
    condition: Expr
    result: Expr


@node
class Case:
    arg: Expr | None
    whens: tuple[When, ...]
    default: Expr | None
    location: int = LOC


@node
class Coalesce:
    args: tuple[Expr, ...]
    location: int = LOC


@node
class NullIf:
    left: Expr
    right: Expr
    location: int = LOC


@node
class MinMax:
    op: str  # greatest | least
    args: tuple[Expr, ...]
    location: int = LOC


@node
class SqlValue:
    """Niladic SQL functions: current_timestamp, current_date, current_user…"""

    name: str
    precision: int | None = None
    location: int = LOC


@node
class ArrayLit:
    items: tuple[Expr, ...]
    location: int = LOC


@node
class Subscript:
    """`array[index]` (no slices)."""

    arg: Expr
    index: Expr
    location: int = LOC


@node
class Subscripts:
    """`array[i][j]…` with several subscripts or any slice (`a[1:2]`,
    `a[:2][1]`): `slices[k]` says whether subscript k has a colon;
    `lowers[k]` is None for a plain index or an omitted lower bound,
    `uppers[k]` None for an omitted upper bound."""

    arg: Expr
    lowers: tuple[Expr | None, ...]
    uppers: tuple[Expr | None, ...]
    slices: tuple[bool, ...]
    location: int = LOC


@node
class Row:
    """`(a, b)` / `ROW(a, b)`: compared with another row, or a record."""

    items: tuple[Expr, ...]
    location: int = LOC


@node
class FieldSelect:
    """`(arg).name`: a field of a composite value."""

    arg: Expr
    name: str
    location: int = LOC


@node
class SubLink:
    """A subquery used as an expression: exists, any (IN), all, or scalar."""

    kind: str  # exists | any | all | expr | array | rowcompare
    select: object  # a query node (queries live in twinning.ir.query)
    test: Expr | None = None
    op: str | None = None
    location: int = LOC


@node
class SortBy:
    expr: Expr
    descending: bool = False
    nulls_first: bool | None = None  # None: the default for the direction
    location: int = LOC


@node
class SetToDefault:
    """`DEFAULT` in a VALUES list or SET clause."""

    location: int = LOC


@node
class NamedArg:
    """`name => value` in a function call's argument list."""

    name: str
    arg: Expr
    location: int = LOC


@node
class Grouping:
    """`GROUPING(a, b)`: which of its arguments the current grouping set
    leaves out, as bits."""

    args: tuple[Expr, ...]
    location: int = LOC


Expr = Union[
    Literal, ColumnRef, Param, Cast, FuncCall, Operator, BoolOp, NullTest,
    BoolTest, Distinct, InList, Between, Like, Quantified, Case, Coalesce,
    NullIf, MinMax, SqlValue, ArrayLit, Row, Subscript, Subscripts,
    SubLink, SetToDefault, NamedArg, Grouping,
]


# ------------------------------------------------------------------------ DDL

@node
class ColumnConstraint:
    """A constraint written on a column: kind is one of not_null, null,
    default, identity, generated, primary_key, unique, check, references."""

    kind: str
    name: str | None = None
    expr: Expr | None = None  # default / check / generated
    source: str | None = None  # original text of a check/default/generated
    identity: str | None = None  # always | by default
    sequence_options: tuple[SequenceOption, ...] = ()
    ref: ForeignKeyRef | None = None
    nulls_not_distinct: bool = False
    location: int = LOC


@node
class ForeignKeyRef:
    table: tuple[str, ...]
    columns: tuple[str, ...]  # empty: the referenced table's primary key
    on_delete: str = "NO ACTION"
    on_update: str = "NO ACTION"
    match: str = "SIMPLE"
    deferrable: bool = False
    deferred: bool = False  # INITIALLY DEFERRED


@node
class ColumnDef:
    name: str
    type: TypeSpec
    constraints: tuple[ColumnConstraint, ...] = ()
    location: int = LOC


@node
class TableConstraint:
    """A table-level constraint: primary_key, unique, check or foreign_key."""

    kind: str
    name: str | None = None
    columns: tuple[str, ...] = ()
    expr: Expr | None = None
    source: str | None = None
    ref: ForeignKeyRef | None = None
    nulls_not_distinct: bool = False
    location: int = LOC


@node
class SequenceOption:
    name: str  # as, start, increment, minvalue, maxvalue, cache, cycle, owned_by
    value: object  # int | bool | None | str | tuple
    location: int = LOC


@node
class TableLike:
    """`LIKE source [INCLUDING …]` among a CREATE TABLE's columns;
    `options` is PostgreSQL's CREATE_TABLE_LIKE_* bit set."""

    relation: tuple[str, ...]
    options: int = 0
    location: int = LOC


@node
class CreateTable:
    """`temporary`: CREATE TEMP TABLE; `on_commit`: its ON COMMIT action
    (`preserve`, `delete`, `drop`), None without the clause."""

    name: tuple[str, ...]
    columns: tuple[ColumnDef, ...]
    constraints: tuple[TableConstraint, ...]
    if_not_exists: bool = False
    location: int = LOC
    temporary: bool = False
    on_commit: str | None = None
    partition_by: object = None  # ddl.PartitionKeyDef
    partition_of: tuple[str, ...] | None = None
    bound: object = None  # ddl.PartitionBoundDef
    option_columns: tuple[str, ...] = ()  # PARTITION OF's `column WITH OPTIONS`


@node
class CreateIndex:
    name: str | None
    table: tuple[str, ...]
    columns: tuple[str, ...]
    unique: bool = False
    if_not_exists: bool = False
    nulls_not_distinct: bool = False
    location: int = LOC
    include: tuple[str, ...] = ()  # INCLUDE (…): stored, not part of the key
    options: tuple[int, ...] = ()  # per key column: indoption bits (1 DESC, 2 NULLS FIRST)
    where: Expr | None = None  # a partial index's predicate
    where_source: str | None = None
    method: str = "btree"  # USING btree | hash | gist | gin | spgist | brin
    only: bool = False  # ON ONLY t: not cascaded to partitions
    concurrently: bool = False
    opclasses: tuple[str | None, ...] = ()  # written operator classes
    # per key: the expression of `(expr)` (its `columns` entry is "") or
    # None; empty when every key is a column
    expressions: tuple = ()


@node
class AddConstraint:
    """`ALTER TABLE t ADD [CONSTRAINT name] …`."""

    table: tuple[str, ...]
    constraint: TableConstraint
    location: int = LOC
    only: bool = False  # ALTER TABLE ONLY t


@node
class CreateSequence:
    name: tuple[str, ...]
    options: tuple[SequenceOption, ...] = ()
    if_not_exists: bool = False
    location: int = LOC


@node
class AlterColumn:
    """`ALTER TABLE t ADD COLUMN …`, `DROP COLUMN`, or `ALTER COLUMN c
    SET|DROP DEFAULT`, `SET|DROP NOT NULL`. `column` is the new ColumnDef
    for `add`, else the column's name."""

    table: tuple[str, ...]
    action: str  # add | drop | type | set_default | drop_default | set_not_null | drop_not_null
    column: Any
    default: Expr | None = None
    default_source: str | None = None
    if_not_exists: bool = False
    location: int = LOC
    if_exists: bool = False  # DROP COLUMN IF EXISTS
    cascade: bool = False  # DROP COLUMN … CASCADE
    new_type: TypeSpec | None = None  # ALTER COLUMN … TYPE (`using`: USING)
    using: Expr | None = None
    only: bool = False  # ALTER TABLE ONLY: not a partitioned table's partitions


@node
class IfTableExists:
    """ALTER TABLE IF EXISTS: `statements` run when the table exists,
    else a NOTICE."""

    table: tuple[str, ...]
    statements: tuple[Any, ...]
    location: int = LOC


# the other DDL statements are parsed straight into `ir/ddl.py` definitions
DdlStatement = Union[CreateTable, CreateIndex, AddConstraint, CreateSequence,
                     AlterColumn, IfTableExists]


@node
class SourceStatement:
    """One statement of a script with where it came from (for messages)."""

    node: object
    text: str
    offset: int = field(compare=False)
    line: int = field(compare=False)
    column: int = field(compare=False)


@node
class Script:
    """A parsed DDL file: statements in source order."""

    statements: tuple[SourceStatement, ...]
    source: str = field(compare=False, repr=False)
