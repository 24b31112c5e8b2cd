"""IR of client statements, one family of frozen dataclasses per stage.

    parse   → ParsedStatement  (syntax: what was written, names unresolved)
    resolve → ResolvedStatement (settings and functions looked up, every
                                 expression typed)
    lower   → LoweredStatement (one `Command` for the session to run, or a
                                `Projection` with its output columns)
    plan    → Plan             (ReadPlan | WritePlan | CopyPlan | CommandPlan |
                                ProjectionPlan: compiled code, run by `run`)

Every node is dumpable with `twinning.ir.dump.dump`; compiled callables sit
in `compare=False` fields, so dumps and equality ignore them. This module
holds no behaviour: the stages live in `twinning.passes`, execution in
`twinning.execute` and `twinning.session`.

Utility statements (transaction control, SET/RESET/SHOW, DISCARD ALL,
PREPARE/EXECUTE/DEALLOCATE) live here; a SELECT of constants stays a
`Select` with its one-row `Projection`, every other query is a
`select.Query` (`ir/select.py`), writes are `ir/dml.py`. A statement
outside the subset parses to `Refused`, which raises its 0A000 only when the
session reaches it (as PostgreSQL runs `SELECT 1; INSERT …` up to the
INSERT).
"""

from __future__ import annotations

from dataclasses import field
from typing import Any, Callable, Protocol, Union

from twinning.ir import syntax as s
from twinning.ir.node import node
from twinning.ir.select import Query, ResolvedQuery, Target
from twinning.ir.types import SqlType

LOC = field(default=-1, compare=False)


# -- result types ------------------------------------------------------------


@node
class ResultType:
    """What RowDescription says about a column: pg_type name, OID, typlen,
    typmod. Wider than `SqlType`: `name`, `void` and `unknown` appear in
    results but never as column types of the subset."""

    name: str
    oid: int
    typlen: int
    typmod: int = -1
    sql_type: SqlType | None = field(default=None, compare=False)

    @staticmethod
    def of(sql_type: SqlType) -> ResultType:
        return ResultType(sql_type.name + ("[]" if sql_type.is_array else ""),
                          sql_type.oid, sql_type.typlen, sql_type.typmod,
                          sql_type)


NAME = ResultType("name", 19, 64)
VOID = ResultType("void", 2278, 4)
UNKNOWN = ResultType("unknown", 705, -2)
TEXT = ResultType.of(SqlType("text"))
BOOL = ResultType.of(SqlType("bool"))
INT4 = ResultType.of(SqlType("int4"))
INT8 = ResultType.of(SqlType("int8"))
NUMERIC = ResultType.of(SqlType("numeric"))
FLOAT8 = ResultType.of(SqlType("float8"))
DATE = ResultType.of(SqlType("date"))
TIMESTAMP = ResultType.of(SqlType("timestamp"))
TIMESTAMPTZ = ResultType.of(SqlType("timestamptz"))


# -- parse: statements as written ---------------------------------------------


@node
class TxnOptions:
    """BEGIN / SET TRANSACTION options; None = not given."""

    isolation: str | None = None
    read_only: bool | None = None
    deferrable: bool | None = None


@node
class Begin:
    options: TxnOptions = TxnOptions()
    start: bool = False  # START TRANSACTION (tag differs)


@node
class Commit:
    chain: bool = False


@node
class Rollback:
    chain: bool = False


@node
class Savepoint:
    name: str


@node
class Release:
    name: str


@node
class RollbackTo:
    name: str


@node
class SetVar:
    """SET [LOCAL|SESSION] name TO values; `values` None = DEFAULT."""

    name: str
    values: tuple[str, ...] | None
    local: bool = False


@node
class SetTransaction:
    """SET TRANSACTION … (session=False) or SET SESSION CHARACTERISTICS AS
    TRANSACTION … (session=True)."""

    options: TxnOptions
    session: bool = False


@node
class Reset:
    name: str | None  # None: RESET ALL


@node
class Show:
    name: str  # 'all' for SHOW ALL


@node
class Discard:
    what: str  # ALL | PLANS | SEQUENCES | TEMP


@node
class Select:
    """SELECT of constant expressions (no FROM)."""

    targets: tuple[Target, ...]
    location: int = LOC


@node
class Prepare:
    name: str
    param_types: tuple[s.TypeSpec, ...]
    body: Select | Query
    body_source: str = field(default="", compare=False)


@node
class ResolvedPrepare:
    """PREPARE with its parameter types resolved (once, at its resolve
    stage): what the session keeps as the prepared statement's types."""

    name: str
    declared: tuple[ResultType, ...]
    body: Select | Query
    body_source: str = field(default="", compare=False)


@node
class CreateTableAs:
    """CREATE TABLE … AS query (and SELECT … INTO): `columns`, the names
    given before AS; `with_data`: False for WITH NO DATA; `source`: the
    statement's text, which the query's positions count in."""

    target: tuple[str, ...]
    columns: tuple[str, ...]
    query: Select | Query
    if_not_exists: bool = False
    temporary: bool = False
    on_commit: str | None = None
    with_data: bool = True
    source: str = field(default="", compare=False)


@node
class CopyQuery:
    """COPY (query) TO STDOUT; `error`: its options' first error, raised
    when it runs (after the query is analysed, as DoCopy)."""

    query: Select | Query
    options: Any
    error: Any = field(default=None, compare=False)
    source: str = field(default="", compare=False)


@node
class DeclareCursor:
    """DECLARE name [NO] SCROLL CURSOR [WITH HOLD] FOR query; `source`:
    the statement's text, which the query's positions count in."""

    name: str
    query: Select | Query
    scroll: bool = False
    no_scroll: bool = False
    hold: bool = False
    source: str = field(default="", compare=False)


@node
class Fetch:
    """FETCH / MOVE: `direction` forward | backward | absolute | relative."""

    name: str
    direction: str
    count: int
    move: bool = False


@node
class CloseCursor:
    name: str | None  # None: CLOSE ALL


@node
class Execute:
    name: str
    args: tuple[s.Expr, ...]


@node
class Deallocate:
    name: str | None  # None: DEALLOCATE ALL


@node
class Refused:
    """Outside the subset: raised as 0A000 when the session reaches it.

    `relations` are the tables it names, in the order PostgreSQL's parse
    analysis opens them, with 1-based positions (None where PostgreSQL
    reports none): resolve still checks they exist, so a missing table is
    the 42P01 a client expects rather than a refusal.
    """

    construct: str
    position: int | None = field(default=None, compare=False)
    relations: tuple[RelationRef, ...] = ()


@node
class RelationRef:
    names: tuple[str, ...]
    position: int | None = field(default=None, compare=False)


@node
class Ddl:
    """A DDL statement run by a client: its syntax (`ir/syntax.py`'s DDL
    statements, as schema files use them), the CommandComplete tag and the
    statement's text (kept in the catalog's DDL for snapshots)."""

    statements: tuple[Any, ...]
    tag: str
    source: str = field(default="", compare=False)


@node
class DdlDefinitions:
    """A runtime DDL statement lowered to definitions (`ir/ddl.py`); they
    are applied to the catalog the statement runs against, not planned."""

    definitions: tuple[Any, ...]
    tag: str
    source: str = field(default="", compare=False)


@node
class Listen:
    channel: str


@node
class Unlisten:
    channel: str | None  # None: UNLISTEN *


@node
class Notify:
    channel: str
    payload: str | None = None


@node
class LockTables:
    """LOCK [TABLE] [ONLY] name, … [IN mode MODE] [NOWAIT]: `mode` is
    PostgreSQL's LOCKMODE number (1 ACCESS SHARE … 8 ACCESS EXCLUSIVE)."""

    names: tuple[tuple[str, ...], ...]
    mode: int
    nowait: bool


@node
class SetConstraints:
    """SET CONSTRAINTS {ALL | name, …} {DEFERRED | IMMEDIATE}; `names`
    None for ALL."""

    names: tuple[tuple[str, ...], ...] | None
    deferred: bool


@node
class DatabaseCommand:
    """CREATE DATABASE name [TEMPLATE t], DROP DATABASE [IF EXISTS] name,
    ALTER DATABASE name RENAME TO new (`action`: create, drop, rename);
    run by the databases of the twin (`twinning/databases.py`)."""

    action: str
    name: str
    template: str | None = None
    new_name: str | None = None
    missing_ok: bool = False
    force: bool = False  # DROP DATABASE … WITH (FORCE)


Syntax = Union[Begin, Commit, Rollback, Savepoint, Release, RollbackTo, SetVar,
               SetTransaction, Reset, Show, Discard, Select, CreateTableAs,
               DeclareCursor, Fetch, CloseCursor, CopyQuery, Query, Prepare,
               Execute, Deallocate, Refused, Ddl, Listen, Unlisten, Notify,
               SetConstraints, LockTables, DatabaseCommand]


@node
class ParsedStatement:
    node: Syntax
    source: str  # this statement's text
    # in the query string; -1: inside another statement (CREATE TABLE AS)
    offset: int = field(default=0, compare=False)


@node
class ParsedQuery:
    """One query string: its statements in order (empty: EmptyQueryResponse)."""

    sql: str
    statements: tuple[ParsedStatement, ...]


# -- resolve: typed expressions ------------------------------------------------


@node
class TLiteral:
    """A constant as written: kind integer|numeric|string|boolean|null."""

    kind: str
    text: str | None
    type: ResultType
    location: int = LOC


@node
class TParam:
    number: int  # 1-based
    type: ResultType
    location: int = LOC


@node
class TColumn:
    """A column of the row the expression is evaluated over (`row[slot]`)."""

    slot: int
    name: str
    type: ResultType
    location: int = LOC


@node
class TCast:
    """A coercion: explicit (`::`, CAST) or inserted by the typer."""

    arg: TExpr
    type: ResultType
    location: int = LOC
    explicit: bool = True


@node
class TCall:
    """A built-in function; `function` is its signature (`round(numeric,int4)`)."""

    function: str
    args: tuple[TExpr, ...]
    type: ResultType
    location: int = LOC


@node
class TOperator:
    """An operator; `impl` is the signature PostgreSQL's operator lookup
    chose (`int4 + int4`); operands are already coerced to it."""

    op: str
    left: TExpr | None
    right: TExpr
    type: ResultType
    location: int = LOC
    impl: str = ""


@node
class TBool:
    """AND / OR / NOT with three-valued logic."""

    op: str
    args: tuple[TExpr, ...]
    location: int = LOC
    type: ResultType = field(default=BOOL, compare=False)


@node
class TNullTest:
    arg: TExpr
    negated: bool
    location: int = LOC
    type: ResultType = field(default=BOOL, compare=False)


@node
class TBoolTest:
    arg: TExpr
    test: str  # true | not true | false | not false | unknown | not unknown
    location: int = LOC
    type: ResultType = field(default=BOOL, compare=False)


@node
class TDistinct:
    """`IS [NOT] DISTINCT FROM` over the `=` operator `impl`."""

    left: TExpr
    right: TExpr
    negated: bool
    impl: str
    location: int = LOC
    type: ResultType = field(default=BOOL, compare=False)


@node
class TScalarArray:
    """`left op ANY/ALL (right)`; `right` is an array, `impl` the element op."""

    op: str
    impl: str
    left: TExpr
    right: TExpr
    use_or: bool  # ANY
    location: int = LOC
    type: ResultType = field(default=BOOL, compare=False)


@node
class TCaseValue:
    """The simple CASE's test value inside a WHEN condition."""

    type: ResultType


@node
class TWhen:
    condition: TExpr
    result: TExpr


@node
class TCase:
    arg: TExpr | None
    whens: tuple[TWhen, ...]
    default: TExpr
    type: ResultType
    location: int = LOC


@node
class TCoalesce:
    args: tuple[TExpr, ...]
    type: ResultType
    location: int = LOC


@node
class TNullIf:
    left: TExpr
    right: TExpr
    impl: str
    type: ResultType
    location: int = LOC


@node
class TMinMax:
    op: str  # greatest | least
    args: tuple[TExpr, ...]
    impl: str  # the type's `<` operator
    type: ResultType
    location: int = LOC


@node
class TArray:
    """ARRAY[…]; `multidims`: its items are arrays, stacked into one more
    dimension (ExecEvalArrayExpr's multidims case)."""

    items: tuple[TExpr, ...]
    type: ResultType
    location: int = LOC
    multidims: bool = False


@node
class TRow:
    """A composite value built from its fields: ROW(…), or a whole-row
    reference `t` (its columns); `type`'s RecordType names the fields."""

    items: tuple[TExpr, ...]
    type: ResultType
    location: int = LOC


@node
class TField:
    """`(composite).field`: the field at `index` (NULL of a NULL value)."""

    arg: TExpr
    index: int
    type: ResultType
    location: int = LOC


@node
class TSubscript:
    """`array[index]`: NULL outside the bounds (int2vector and oidvector
    count from 0, other arrays from 1)."""

    arg: TExpr
    index: TExpr
    type: ResultType
    location: int = LOC


@node
class TDomain:
    """CoerceToDomain: `arg`, of the domain's base type, checked against
    the domain `type.sql_type.domain` carries (its NOT NULL and CHECKs,
    those of the domains under it first; for an array of a domain, each
    element's)."""

    arg: TExpr
    type: ResultType
    location: int = LOC


@node
class TSubscripts:
    """`array[i][j]…` (element fetch) or a slice (`is_slice`: an array of
    the same type, lower bounds 1). `lowers[k]`/`uppers[k]` are None where
    the subscript has none; a NULL subscript gives NULL."""

    arg: TExpr
    lowers: tuple[TExpr | None, ...]
    uppers: tuple[TExpr | None, ...]
    is_slice: bool
    type: ResultType
    location: int = LOC


TExpr = Union[TLiteral, TParam, TColumn, TCast, TCall, TOperator, TBool,
              TNullTest, TBoolTest, TDistinct, TScalarArray, TCaseValue,
              TCase, TCoalesce, TNullIf, TMinMax, TArray, TSubscript,
              TSubscripts, TDomain, TRow, TField]


@node
class OutputColumn:
    name: str
    expr: TExpr


@node
class ResolvedSelect:
    columns: tuple[OutputColumn, ...]
    param_types: tuple[ResultType, ...]


@node
class ResolvedStatement:
    """`node` is the parse node unchanged for utility statements, a
    `ResolvedSelect` for SELECT; `setting` is the canonical setting name a
    SET/SHOW/RESET names (None for custom `x.y` names and the rest)."""

    node: Any
    source: str
    setting: str | None = None
    param_types: tuple = ()  # a write's parameter types (SELECT keeps its own)


# -- lower: what the session runs ---------------------------------------------


@node
class Command:
    """A utility statement: `op` names the session handler; `tag` is the
    CommandComplete tag PostgreSQL sends for it."""

    op: str
    node: Any
    tag: str
    setting: str | None = None
    param_types: tuple = ()  # DECLARE CURSOR's: its query's parameters


@node
class Column:
    name: str
    type: ResultType
    origin: Any = None  # (table QName, attnum) for RowDescription, or None


@node
class Projection:
    """One output row computed from constants, parameters and the session."""

    columns: tuple[Column, ...]
    exprs: tuple[TExpr, ...]
    param_types: tuple[ResultType, ...]


LoweredStatement = Union[Command, Projection]


# -- plan: compiled ----------------------------------------------------------------
#
# A closed union, one variant per way of running a statement. `run` is the
# one call that executes a plan: it hands the plan to the matching method of
# the `Runner` (the session), which supplies the transaction, context and
# result shape. The compiled code sits in `compare=False` fields.

RowFunction = Callable[[Any, tuple], tuple]  # (EvalContext, params) -> row


class Runner(Protocol):
    """What runs plans: one method per plan variant (`twinning.session`)."""

    def run_read(self, plan: ReadPlan, params: tuple) -> Any: ...
    def run_write(self, plan: WritePlan, params: tuple, rows: Any) -> Any: ...
    def run_copy(self, plan: CopyPlan, params: tuple) -> Any: ...
    def run_command(self, plan: CommandPlan, params: tuple) -> Any: ...
    def run_projection(self, plan: ProjectionPlan, params: tuple) -> Any: ...


@node
class ReadPlan:
    """A query: `query` is the compiled plan (`passes.plan_select`)."""

    source: str
    columns: tuple[Column, ...]
    param_types: tuple[ResultType, ...]
    query: Any = field(default=None, compare=False)  # CompiledQuery
    query_plan: tuple[str, ...] = ()  # the read's plan, one line per node
    # constant folding failed: raised when the plan is used (PostgreSQL
    # plans at Bind), not when it is made
    planning_error: Any = field(default=None, compare=False, repr=False)

    def run(self, runner: Runner, params: tuple = (), rows: Any = None) -> Any:
        return runner.run_read(self, params)

    def summary(self) -> str:
        return " → ".join(line.strip() for line in self.query.lines)


@node
class WritePlan:
    """INSERT, UPDATE, DELETE, TRUNCATE: `write` is the compiled write
    (`passes.plan_dml.CompiledWrite`); `rows`, when given to `run`, are an
    INSERT template's bound VALUES rows."""

    source: str
    columns: tuple[Column, ...]
    param_types: tuple[ResultType, ...]
    write: Any = None
    planning_error: Any = field(default=None, compare=False, repr=False)

    def run(self, runner: Runner, params: tuple = (), rows: Any = None) -> Any:
        return runner.run_write(self, params, rows)

    def summary(self) -> str:
        return f"{self.write.tag.lower()} {self.write.resolved.table}"


@node
class CopyPlan:
    """COPY FROM STDIN or TO STDOUT, with its compiled defaults."""

    source: str
    columns: tuple[Column, ...]
    param_types: tuple[ResultType, ...]
    write: Any = None
    planning_error: Any = field(default=None, compare=False, repr=False)

    def run(self, runner: Runner, params: tuple = (), rows: Any = None) -> Any:
        return runner.run_copy(self, params)

    def summary(self) -> str:
        return f"copy {self.write.resolved.table}"


@node
class CommandPlan:
    """A utility statement, run by the session's handler for `command.op`."""

    source: str
    columns: tuple[Column, ...]
    command: Command
    param_types: tuple[ResultType, ...] = ()
    planning_error: Any = field(default=None, compare=False, repr=False)

    def run(self, runner: Runner, params: tuple = (), rows: Any = None) -> Any:
        return runner.run_command(self, params)

    def summary(self) -> str:
        return f"command {self.command.op}"


@node
class ProjectionPlan:
    """A SELECT of constants: `row` computes its one row."""

    source: str
    columns: tuple[Column, ...]
    param_types: tuple[ResultType, ...]
    projection: Projection
    row: RowFunction = field(compare=False, repr=False)
    planning_error: Any = field(default=None, compare=False, repr=False)

    def run(self, runner: Runner, params: tuple = (), rows: Any = None) -> Any:
        return runner.run_projection(self, params)

    def summary(self) -> str:
        return f"constant projection of {len(self.columns)} column(s)"


Plan = Union[ReadPlan, WritePlan, CopyPlan, CommandPlan, ProjectionPlan]
