"""Syntax IR of the write statements: INSERT, UPDATE, DELETE, COPY, TRUNCATE.

What the parse stage keeps of pglast's DML nodes, before any name is
resolved: target tables as written, column lists, VALUES rows (with
`SetToDefault` where DEFAULT was written), ON CONFLICT clauses, SET
assignments, RETURNING targets and COPY options. Resolution against the
catalog (which columns exist, which constraint an ON CONFLICT names, what
type each value must coerce to) is the resolve stage's job.
"""

from __future__ import annotations

from dataclasses import field
from typing import Union

from twinning.ir.catalog import QName
from twinning.ir.node import node
from twinning.ir.syntax import Expr

LOC = field(default=-1, compare=False, repr=False)


@node
class TableRef:
    names: tuple[str, ...]  # ("t",) or ("schema", "t")
    alias: str | None = None
    location: int = LOC
    only: bool = False  # ONLY t: not its partitions


@node
class ReturnTarget:
    """One RETURNING item: an expression (or `*`) and its alias."""

    expr: Expr
    alias: str | None = None
    location: int = LOC


@node
class Assignment:
    """`column = expr` in UPDATE … SET or ON CONFLICT … DO UPDATE SET; one
    per column of a multiple-column `(a, b) = (x, y)`. `indirection`: the
    target was `column.field` (`("field", name)`) or `column[i]`
    (`("subscript",)`)."""

    column: str
    expr: Expr | BadSource
    location: int = LOC
    indirection: tuple = ()


@node
class BadSource:
    """A multiple-column SET source parse analysis refuses (wrong arity, not
    a ROW()): the resolve stage raises it when it types that item, in
    PostgreSQL's order. `expr` is the source as written, when converted."""

    sqlstate: str
    message: str
    expr: Expr | None = None
    location: int = LOC


@node
class Values:
    rows: tuple[tuple[Expr, ...], ...]
    location: int = LOC


@node
class DefaultValues:
    """`INSERT … DEFAULT VALUES`."""


@node
class QuerySource:
    """`INSERT … SELECT …`: the query, converted by the read path's parser."""

    query: object
    location: int = LOC


@node
class OnConflict:
    action: str  # nothing | update
    columns: tuple[str, ...] = ()  # conflict target (cols)
    constraint: str | None = None  # ON CONSTRAINT name
    assignments: tuple[Assignment, ...] = ()
    where: Expr | None = None
    location: int = LOC
    # the conflict target, where its errors point (not LOC: one Field
    # object per name, dataclasses rename a shared one)
    infer_location: int = field(default=-1, compare=False, repr=False)
    infer_where: Expr | None = None  # ON CONFLICT (cols) WHERE …: partial indexes


@node
class Insert:
    table: TableRef
    columns: tuple[str, ...] | None  # None: all columns in order
    source: Values | DefaultValues | QuerySource
    on_conflict: OnConflict | None = None
    returning: tuple[ReturnTarget, ...] = ()
    overriding: str | None = None  # system | user (OVERRIDING … VALUE)
    column_locations: tuple[int, ...] = field(default=(), compare=False,
                                              repr=False)
    column_indirection: tuple[tuple, ...] = ()  # per column, as Assignment
    with_: tuple = ()  # WITH …: `select.CommonTable`s (writes_with.py)


@node
class Update:
    table: TableRef
    assignments: tuple[Assignment, ...]
    from_: tuple[object, ...] = ()  # FROM items, converted by the read path
    where: Expr | None = None
    returning: tuple[ReturnTarget, ...] = ()
    with_: tuple = ()


@node
class Delete:
    table: TableRef
    using: tuple[object, ...] = ()
    where: Expr | None = None
    returning: tuple[ReturnTarget, ...] = ()
    with_: tuple = ()


@node
class CopyOptions:
    """COPY's options after PostgreSQL's defaults for the format."""

    format: str = "text"  # text | csv | binary
    delimiter: str | None = None  # None: the format's default
    null: str | None = None
    header: bool = False
    header_match: bool = False  # HEADER MATCH (COPY FROM): check the names
    quote: str | None = None
    escape: str | None = None
    force_not_null: tuple[str, ...] = ()
    force_null: tuple[str, ...] = ()
    force_quote: tuple[str, ...] | bool = ()  # True: FORCE_QUOTE *
    freeze: bool = False
    # where FORMAT was written: an unknown format is reported there
    format_location: int = field(default=-1, compare=False, repr=False)


@node
class Copy:
    table: TableRef
    columns: tuple[str, ...] | None
    direction: str  # from (STDIN) | to (STDOUT)
    options: CopyOptions = CopyOptions()
    # the options' first error: raised after the table lookup, as DoCopy
    error: object = field(default=None, compare=False, repr=False)


@node
class Truncate:
    tables: tuple[TableRef, ...]
    restart_identity: bool = False
    cascade: bool = False


@node
class MergeWhen:
    """One `WHEN [NOT] MATCHED [AND condition] THEN …` clause of MERGE.
    `action`: update | delete | insert | nothing. INSERT keeps its column
    list (None: all columns) and its one VALUES row (None: DEFAULT VALUES);
    UPDATE its SET list."""

    matched: bool
    action: str
    condition: Expr | None = None
    assignments: tuple[Assignment, ...] = ()
    columns: tuple[str, ...] | None = None
    values: tuple[Expr, ...] | None = None
    overriding: str | None = None  # system | user
    column_locations: tuple[int, ...] = field(default=(), compare=False,
                                              repr=False)
    column_indirection: tuple[tuple, ...] = ()


@node
class Merge:
    """`MERGE INTO target USING source ON condition WHEN …`: the source is
    a FROM item converted by the read path."""

    table: TableRef
    source: object
    on: Expr
    clauses: tuple[MergeWhen, ...]
    with_: tuple = ()


WriteStatement = Union[Insert, Update, Delete, Copy, Truncate, Merge]
WRITES = (Insert, Update, Delete, Truncate, Copy, Merge)  # through the statement pipeline


# ------------------------------------------------------------ resolved writes
# The resolve stage's output: names bound to the catalog, every value typed
# and coerced to its column (`None` where the column's default applies).


@node
class OutputColumn:
    """A RETURNING column: its name and typed expression over the row."""

    name: str
    expr: object  # TExpr over the table's row


@node
class ResolvedConflict:
    action: str  # nothing | update
    arbiters: tuple[str, ...]  # unique index names whose conflict counts
    # (slot, TExpr | None) over existing row ++ excluded row; None: DEFAULT
    assignments: tuple[tuple[int, object], ...] = ()
    where: object | None = None


@node
class ResolvedInsert:
    table: QName
    slots: tuple[int, ...]  # the target columns, in VALUES order
    rows: tuple[tuple[object, ...], ...]  # TExpr | None (DEFAULT) per slot
    defaults: tuple[object, ...]  # per table column: its default, or None
    on_conflict: ResolvedConflict | None = None
    returning: tuple[OutputColumn, ...] = ()
    # INSERT … SELECT: the query (its row holds one value per slot, already
    # coerced to the column) instead of `rows`
    query: object | None = None
    # (slot, TExpr over the new row) per stored generated column
    generated: tuple[tuple[int, object], ...] = ()


@node
class ResolvedUpdate:
    table: QName
    assignments: tuple[tuple[int, object], ...]  # (slot, TExpr | None)
    defaults: tuple[object, ...]
    where: object | None = None
    returning: tuple[OutputColumn, ...] = ()
    # UPDATE … FROM: the FROM items' relation; WHERE, SET and RETURNING
    # then read the target row followed by one FROM row
    from_: object | None = None
    only: bool = False  # UPDATE ONLY: a partitioned table's own rows (none)
    generated: tuple[tuple[int, object], ...] = ()  # as ResolvedInsert's


@node
class ResolvedDelete:
    table: QName
    where: object | None = None
    returning: tuple[OutputColumn, ...] = ()
    using: object | None = None  # DELETE … USING, as UPDATE's `from_`
    only: bool = False  # DELETE FROM ONLY


@node
class ResolvedTruncate:
    tables: tuple[QName, ...]
    restart_identity: bool = False
    cascade: bool = False
    only: tuple[QName, ...] = ()  # the tables named with ONLY


@node
class SequenceDefault:
    """A default drawn from a sequence (serial, identity, nextval('s'))."""

    sequence: QName


@node
class ResolvedCopy:
    table: QName
    slots: tuple[int, ...]  # the listed columns, in data order
    direction: str  # from | to
    options: CopyOptions
    defaults: tuple[object, ...] = ()  # for the columns COPY FROM omits
    generated: tuple[tuple[int, object], ...] = ()  # as ResolvedInsert's


@node
class MergeAction:
    """A resolved WHEN clause. Its condition and values read the target
    row followed by the source row (the target's part all NULL for NOT
    MATCHED). INSERT: (slot, TExpr | None) per given column, None for
    DEFAULT; UPDATE: (slot, TExpr | None) per SET item."""

    matched: bool
    action: str  # update | delete | insert | nothing
    condition: object | None = None
    values: tuple[tuple[int, object], ...] = ()
    assignments: tuple[tuple[int, object], ...] = ()


@node
class ResolvedMerge:
    table: QName
    source: object  # the source's relation (the read path's)
    on: object  # TExpr over target row ++ source row
    actions: tuple[MergeAction, ...]
    defaults: tuple[object, ...]
    generated: tuple[tuple[int, object], ...] = ()  # as ResolvedInsert's


@node
class CteWrite:
    """A data-modifying WITH query: its write, whose RETURNING rows the
    statement reads as `select.CteScan(key)`."""

    name: str
    key: int
    write: object  # ResolvedInsert | ResolvedUpdate | ResolvedDelete


@node
class ResolvedWith:
    """A statement with data-modifying WITH queries (`resolve_with`):
    the writes, then the main statement (a `select.ResolvedQuery` or a
    resolved write), all over the snapshot taken when it starts."""

    writes: tuple[CteWrite, ...]
    main: object
    table: object = None  # the main write's target (None for a SELECT)


ResolvedWrite = Union[ResolvedInsert, ResolvedUpdate, ResolvedDelete,
                      ResolvedTruncate, ResolvedCopy, ResolvedMerge,
                      ResolvedWith]
