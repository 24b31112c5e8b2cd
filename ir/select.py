"""IR of the read path: queries as written, then as typed relations.

    parse   → Query        (SELECT / VALUES / set operations with their
                            FROM items, names unresolved)
    resolve → Relation     (a tree of typed relational operators over
                            base tables; every expression a `TExpr`)

The plan stage (`twinning.passes.plan_select`) compiles a `Relation` into
row iterators; it chooses index lookups and hash joins, so the relational
tree here says *what* rows a query means, never how to get them.

Rows are tuples. A relation's output row is its `columns` in order; an
expression evaluated over a relation's row reads `TColumn.slot` of it,
`TOuter` reads a row of an enclosing query (correlated subqueries).
"""

from __future__ import annotations

import dataclasses
from dataclasses import field
from typing import Union

from twinning.ir import syntax as s
from twinning.ir.catalog import QName
from twinning.ir.node import node

LOC = field(default=-1, compare=False)


# -- parse: queries as written ---------------------------------------------------


@node
class Target:
    expr: s.Expr
    alias: str | None
    location: int = LOC


@node
class TableRef:
    """A table (or CTE) named in FROM, `names` as written."""

    names: tuple[str, ...]
    alias: str | None = None
    column_aliases: tuple[str, ...] = ()
    location: int = LOC
    only: bool = False  # FROM ONLY t


@node
class SubqueryRef:
    query: Query
    alias: str | None
    column_aliases: tuple[str, ...] = ()
    location: int = LOC
    lateral: bool = False


@node
class JoinRef:
    """`kind` inner | left | right | full | cross; `using` the USING
    column names (NATURAL fills them at resolve time)."""

    kind: str
    left: FromItem
    right: FromItem
    on: s.Expr | None = None
    using: tuple[str, ...] | None = None
    natural: bool = False
    alias: str | None = None
    column_aliases: tuple[str, ...] = ()
    location: int = LOC


@node
class FunctionRef:
    """Functions in FROM (`generate_series(1, 3) s(n)`, `ROWS FROM (f(…),
    g(…))`, a multi-argument `unnest` as one per array): always LATERAL."""

    functions: tuple[s.FuncCall, ...]
    alias: str | None = None
    column_aliases: tuple[str, ...] = ()
    ordinality: bool = False
    location: int = LOC
    rows_from: bool = False
    # `AS t(a int, b text)` of a function returning record: (name, TypeSpec,
    # location) per column (passes/column_definitions.py)
    column_definitions: tuple = ()


@node
class TColumnDefinitions:
    """A call of a function returning record, read through its column
    definition list: each row it gives must have `len(types)` fields."""

    call: object  # TSetCall, or a scalar call giving one row
    types: tuple  # ResultType per column
    location: int = LOC
    names: tuple = ()  # the columns' names (json_to_record reads by name)


FromItem = Union[TableRef, SubqueryRef, JoinRef, FunctionRef]


@node
class GroupingSet:
    """A GROUP BY item that is a grouping set, flattened as PostgreSQL's
    flatten_grouping_sets leaves it: `kind` empty | simple (`content` the
    expressions) | rollup | cube | sets (`content` the element sets,
    each simple, or for sets also empty, rollup or cube)."""

    kind: str
    content: tuple = ()
    location: int = LOC


@node
class SelectCore:
    """One SELECT block. `distinct`: None, () for DISTINCT, or the
    DISTINCT ON expressions."""

    targets: tuple[Target, ...]
    from_: tuple[FromItem, ...] = ()
    where: s.Expr | None = None
    group_by: tuple[s.Expr | GroupingSet, ...] = ()
    having: s.Expr | None = None
    distinct: tuple[s.Expr, ...] | None = None
    location: int = LOC
    windows: tuple[s.WindowDef, ...] = ()  # the WINDOW clause
    group_distinct: bool = False  # GROUP BY DISTINCT


@node
class ValuesList:
    rows: tuple[tuple[s.Expr, ...], ...]
    location: int = LOC


@node
class SetOperation:
    op: str  # union | intersect | except
    all: bool
    left: Query
    right: Query
    location: int = LOC


@node
class CommonTable:
    name: str
    column_names: tuple[str, ...]
    query: Query
    location: int = LOC
    recursive: bool = False  # in a WITH RECURSIVE list


@node
class Query:
    """A complete query: its body plus the clauses that apply to the
    body's result (ORDER BY, LIMIT/OFFSET) and the WITH list it sees."""

    body: Union[SelectCore, ValuesList, SetOperation]
    order_by: tuple[s.SortBy, ...] = ()
    limit: s.Expr | None = None
    offset: s.Expr | None = None
    with_: tuple[CommonTable, ...] = ()
    location: int = LOC
    locking: tuple[LockingClause, ...] = ()  # FOR UPDATE/SHARE … clauses
    with_ties: bool = False  # FETCH FIRST n ROWS WITH TIES


LOCK_STRENGTHS = ("FOR KEY SHARE", "FOR SHARE", "FOR NO KEY UPDATE", "FOR UPDATE")


@node
class LockingClause:
    """FOR {UPDATE | NO KEY UPDATE | SHARE | KEY SHARE} [OF names]
    [NOWAIT | SKIP LOCKED]: `strength` 0 (KEY SHARE) … 3 (UPDATE),
    `wait` "block" | "skip" | "error" (NOWAIT)."""

    strength: int
    names: tuple[tuple[str, ...], ...]  # OF's relation names, as written
    wait: str
    locations: tuple[int, ...] = ()  # per OF name


# -- resolve: typed relations --------------------------------------------------------


@node
class RelColumn:
    name: str
    type: object  # ResultType
    location: int = LOC  # of the expression that computes it, for errors
    # (table or view, attnum) a plain column reference reads: what
    # RowDescription names (markTargetListOrigin); None for the rest
    origin: object = field(default=None, compare=False, repr=False)


@node
class Scan:
    """Every row of a base table (`system`: a pg_catalog /
    information_schema relation generated from the catalog)."""

    table: QName
    columns: tuple[RelColumn, ...]
    system: bool = False
    indexes: tuple[object, ...] = ()  # the table's catalog `Index`es
    # FOR UPDATE/SHARE: a last column (not in the namespace) holds the
    # row's id, which LockRows locks
    rowid: bool = False
    # a partitioned table: the partitions holding its rows (a last column
    # holds the OID of each row's; passes/partition_reads.py)
    leaves: tuple[QName, ...] | None = None


@node
class FunctionScan:
    """The rows of functions in FROM zipped (shorter ones padded with
    NULLs; a scalar call gives one row), plus the ordinality. The
    arguments read no row: a lateral one reads its frame (`Join.lateral`)."""

    calls: tuple[object, ...]  # TSetCall or a scalar TExpr each
    columns: tuple[RelColumn, ...]
    ordinality: bool = False
    composite: bool = False  # one user function returning rows


@node
class Values:
    rows: tuple[tuple[object, ...], ...]  # TExpr per cell
    columns: tuple[RelColumn, ...]


@node
class Filter:
    input: Relation
    predicate: object  # TExpr over input's row

    @property
    def columns(self) -> tuple[RelColumn, ...]:
        return self.input.columns


@node
class Join:
    """Output row = left row + right row; `condition` over that row
    (None: cross join). Outer joins pad the missing side with NULLs."""

    kind: str  # inner | left | right | full
    left: Relation
    right: Relation
    condition: object | None
    # the right side is computed per left row, which it reads as the
    # innermost outer row (`TOuter` depth 1 from inside the right side)
    lateral: bool = False

    @property
    def columns(self) -> tuple[RelColumn, ...]:
        return self.left.columns + self.right.columns


@node
class AggCall:
    """One aggregate: `function` is its signature (`sum(int4)`); `args`,
    `filter` and `order_by` are typed over the aggregate's input row."""

    function: str
    args: tuple[object, ...]
    type: object  # ResultType of the result
    star: bool = False
    distinct: bool = False
    filter: object | None = None
    order_by: tuple[SortKey, ...] = ()
    # an ordered-set aggregate: `args` are its WITHIN GROUP expressions,
    # `order_by` their keys, `direct` its direct arguments (over the input
    # row too, but only grouped columns: evaluated once per group)
    within_group: bool = False
    direct: tuple[object, ...] = ()


@node
class Aggregate:
    """Output row = group key values, then aggregate results, then the
    GROUPING() values. No keys: exactly one row, even over no input.
    `sets`: GROUPING SETS / ROLLUP / CUBE expanded, each set the indices
    of the keys it groups by (the others are NULL in its rows; an empty
    set is one row, even over no input); None: group by all keys."""

    input: Relation
    keys: tuple[object, ...]  # TExpr over input's row
    aggregates: tuple[AggCall, ...]
    columns: tuple[RelColumn, ...]
    sets: tuple[tuple[int, ...], ...] | None = None
    groupings: tuple[tuple[int, ...], ...] = ()  # per GROUPING(): key indices


@node
class Project:
    input: Relation
    exprs: tuple[object, ...]  # TExpr over input's row
    columns: tuple[RelColumn, ...]


@node
class ProjectSet:
    """A projection whose top-level `TSetCall`s expand each input row into
    as many rows as the longest of them yields (the shorter padded with
    NULLs), as PostgreSQL 10+ evaluates set-returning target lists."""

    input: Relation
    exprs: tuple[object, ...]
    columns: tuple[RelColumn, ...]


@node
class SortKey:
    """`expr` over the sorted relation's row; ordering by the type's
    btree order, NULLs where `nulls_first` says."""

    expr: object
    descending: bool
    nulls_first: bool


@node
class Sort:
    input: Relation
    keys: tuple[SortKey, ...]

    @property
    def columns(self) -> tuple[RelColumn, ...]:
        return self.input.columns


@node
class Distinct:
    """Duplicates removed (by the first `width` columns when the rest
    are sort-only columns); `on`: DISTINCT ON, the first row of each
    group of equal `on` values, in input order."""

    input: Relation
    width: int
    on: tuple[object, ...] | None = None

    @property
    def columns(self) -> tuple[RelColumn, ...]:
        return self.input.columns


@node
class Limit:
    """LIMIT/OFFSET; `ties`: FETCH … WITH TIES's sort keys (over the
    input's rows), whose peers of the last row counted come too."""

    input: Relation
    count: object | None  # TExpr (int8) or None
    offset: object | None
    ties: tuple[SortKey, ...] = ()

    @property
    def columns(self) -> tuple[RelColumn, ...]:
        return self.input.columns


@node
class LockRows:
    """FOR UPDATE/SHARE: each row's `targets` (table, slot of its row id,
    strength, wait policy) locked as the row is consumed (under LIMIT);
    a row whose lock is skipped (SKIP LOCKED) is not passed on."""

    input: Relation
    targets: tuple[tuple[object, int, int, str], ...]

    @property
    def columns(self) -> tuple[RelColumn, ...]:
        return self.input.columns


@node
class SetOp:
    op: str  # union | intersect | except
    all: bool
    left: Relation
    right: Relation
    columns: tuple[RelColumn, ...]


@node
class WorkTable:
    """Inside a recursive CTE's recursive term: the rows the previous
    iteration produced (`key` names the RecursiveUnion that fills it)."""

    name: str
    key: int
    columns: tuple[RelColumn, ...]


@node
class CteScan:
    """The RETURNING rows of a data-modifying WITH query (`key` names its
    `dml.CteWrite`); `returning`: False when it has no RETURNING."""

    name: str
    key: int
    columns: tuple[RelColumn, ...]
    returning: bool = True


@node
class RecursiveUnion:
    """WITH RECURSIVE's `base UNION [ALL] recursive`: the base rows, then
    the recursive term over the last iteration's rows until it yields no
    new ones (UNION drops rows already produced)."""

    base: Relation
    recursive: Relation
    all: bool
    key: int
    columns: tuple[RelColumn, ...]


@node
class WindowSpec:
    """One window, typed (transformWindowDefinitions): `partition` and
    `order` over the Window's input row; the frame as `mode` (range |
    rows | groups), each bound a kind (unbounded_preceding | preceding |
    current | following | unbounded_following) with its offset (an int8
    TExpr for ROWS/GROUPS, the in_range offset type for RANGE, over no
    row), and `exclude` (none | current | group | ties)."""

    partition: tuple[object, ...]
    order: tuple[SortKey, ...]
    mode: str = "range"
    start: str = "unbounded_preceding"
    end: str = "current"
    start_offset: object | None = None
    end_offset: object | None = None
    exclude: str = "none"


@node
class WindowCall:
    """One window function call: `function` is a window function's name
    (row_number, lag, …) or, with `aggregate`, an aggregate signature
    (`sum(int4)`); `args` and `filter` over the Window's input row;
    `window` indexes the Window's `windows`."""

    function: str
    args: tuple[object, ...]
    type: object
    window: int
    aggregate: bool = False
    star: bool = False
    filter: object | None = None


@node
class Window:
    """Output row = the input row, then one value per call (WindowAgg);
    rows come out in the order the last window sorted them."""

    input: Relation
    windows: tuple[WindowSpec, ...]
    calls: tuple[WindowCall, ...]
    columns: tuple[RelColumn, ...]


Relation = Union[Scan, FunctionScan, Values, Filter, Join, Aggregate,
                 Project, ProjectSet, Sort, Distinct, Limit, SetOp, WorkTable,
                 RecursiveUnion, Window, LockRows, CteScan]


# -- expressions the read path adds to the typed expression IR ----------------------


@node
class TOuter:
    """A column of an enclosing query's row, `depth` levels out."""

    depth: int
    slot: int
    name: str
    type: object
    location: int = LOC


@node
class TSubquery:
    """A subquery used as an expression. kind: exists | expr (scalar) |
    any | all | rowcompare (with `test` compared by the operator `impl` to
    the subquery's one column, or a tuple of tests and impls compared
    column by column as rows; for `<` & co. over rows each impl is the
    strict operator's and `=`'s; rowcompare: `(a, b) op (SELECT …)`, its
    at most one row) | array | arrays (ARRAY(SELECT array): the rows'
    arrays stacked as one more dimension)."""

    kind: str
    relation: Relation
    type: object
    test: object | None = None
    op: str | None = None
    impl: str | None = None
    location: int = LOC


@node
class TSetCall:
    """A set-returning function (`registry.SET_RETURNING` signature); only a
    target list or FROM may hold one."""

    function: str
    args: tuple[object, ...]
    type: object
    location: int = LOC


@dataclasses.dataclass(frozen=True, slots=True)
class TSetCallRows(TSetCall):
    """A built-in set-returning function of several OUT columns
    (jsonb_each: key, value; `registry.SET_RETURNING_ROWS`): its values
    are tuples, `columns` ((name, ResultType), …) in FROM; in a target
    list it is an anonymous record of those fields."""

    columns: tuple = ()


@node
class TAggRef:
    """Stands for aggregate `index` of the query while its expressions
    are typed; replaced by a column of the Aggregate's row afterwards."""

    index: int
    type: object
    location: int = LOC


@node
class TGroupingRef:
    """Stands for GROUPING() call `index` of the query level while its
    expressions are typed; replaced by a column of the Aggregate's row."""

    index: int
    type: object
    location: int = LOC


@node
class TOuterGrouping:
    """GROUPING() of an enclosing query level's expressions inside a
    subquery: call `index` of the level `depth` levels out; becomes a
    `TOuter` of that level's Aggregate row when it is regrouped."""

    depth: int
    index: int
    type: object
    location: int = LOC


@node
class TWindowRef:
    """Stands for window call `index` of the query while its expressions
    are typed; replaced by a column of the Window's row afterwards."""

    index: int
    type: object
    location: int = LOC


@node
class ResolvedQuery:
    """What resolve hands on: the relation and its visible output
    columns (the relation may carry trailing sort-only columns)."""

    relation: Relation
    columns: tuple[RelColumn, ...]
    param_types: tuple[object, ...]
