"""Functions and triggers: their DDL definitions and catalog objects.

A `Function` keeps what pg_proc says of it (arguments with modes and
defaults, result, language, volatility, strictness, the body text) plus
the body in the form the executor needs: an SQL function's statements as
text, a PL/pgSQL function's tree as pglast's `parse_plpgsql` gives it
(parsed once, when the function is created). A `Trigger` keeps what
pg_trigger says of it. Both live on the `Catalog` (`functions`,
`triggers`), so snapshots and the journal rebuild them from the DDL log
like any other object.
"""

from __future__ import annotations

import dataclasses
from dataclasses import field
from typing import Any

from twinning.ir.catalog import QName
from twinning.ir.node import node
from twinning.ir.query import TCall
from twinning.ir.select import TSetCall
from twinning.ir.syntax import TypeSpec
from twinning.ir.types import SqlType

LOC = field(default=-1, compare=False, repr=False)

INPUT_MODES = ("i", "b", "v")  # IN, INOUT, VARIADIC
OUTPUT_MODES = ("o", "b", "t")  # OUT, INOUT, TABLE


# -- definitions (parse → resolve) ------------------------------------------------

@node
class ArgumentDef:
    name: str | None
    type: TypeSpec
    mode: str  # i o b v t (pg_proc.proargmodes)
    default: str | None = None  # the DEFAULT expression as SQL text


@node
class FunctionDef:
    """CREATE [OR REPLACE] FUNCTION; `returns` None: RETURNS omitted
    (OUT arguments give the result), `body` the AS string (prosrc) or the
    SQL-standard body's statements as text (`standard`); `plpgsql` the
    parsed PL/pgSQL tree."""

    name: tuple[str, ...]
    args: tuple[ArgumentDef, ...]
    returns: TypeSpec | None
    retset: bool
    language: str
    body: str
    volatility: str = "v"
    strict: bool = False
    security_definer: bool = False
    replace: bool = False
    standard: tuple[str, ...] | None = None  # BEGIN ATOMIC / RETURN
    plpgsql: Any = field(default=None, compare=False, repr=False)
    location: int = LOC
    config: tuple[tuple[str, str], ...] = ()  # SET name = value (proconfig)
    # LEAKPROOF, PARALLEL, COST, ROWS: what pg_proc shows (None: default)
    traits: tuple[bool, str, float | None, float | None] = (False, "u", None,
                                                            None)


@node
class AggregateDef:
    """CREATE AGGREGATE name (args) (SFUNC = f, STYPE = t [, INITCOND =
    '…'] [, FINALFUNC = g])."""

    name: tuple[str, ...]
    args: tuple[TypeSpec, ...]
    sfunc: tuple[str, ...]
    stype: TypeSpec
    initcond: str | None = None
    finalfunc: tuple[str, ...] | None = None
    location: int = LOC


@node
class FunctionRef:
    """A function named in DROP/ALTER FUNCTION: argument types, or None
    when the name alone was written."""

    name: tuple[str, ...]
    args: tuple[TypeSpec, ...] | None
    location: int = LOC


@node
class DropFunctionDef:
    functions: tuple[FunctionRef, ...]
    if_exists: bool = False
    cascade: bool = False
    location: int = LOC
    aggregate: bool = False  # DROP AGGREGATE


@node
class FunctionOwnerDef:
    function: FunctionRef
    role: str
    location: int = LOC
    aggregate: bool = False  # ALTER AGGREGATE


@node
class TriggerDef:
    name: str
    table: tuple[str, ...]
    function: tuple[str, ...]
    timing: str  # before | after | instead
    events: tuple[str, ...]  # insert, delete, update, truncate
    row: bool
    columns: tuple[str, ...] = ()
    when: str | None = None  # the WHEN condition as SQL text
    args: tuple[str, ...] = ()
    replace: bool = False
    location: int = LOC
    # (first name, location) of each column reference in WHEN
    when_refs: tuple = field(default=(), compare=False, repr=False)


@node
class RoutineCommentDef:
    """COMMENT ON FUNCTION|AGGREGATE f(args) / TRIGGER t ON table IS …"""

    kind: str  # function | aggregate | trigger
    function: FunctionRef | None
    trigger: tuple[str, tuple[str, ...]] | None  # (name, table)
    comment: str | None
    location: int = LOC


@node
class DropTriggerDef:
    name: str
    table: tuple[str, ...]
    if_exists: bool = False
    cascade: bool = False
    location: int = LOC


# -- catalog objects --------------------------------------------------------------

@node
class Argument:
    name: str | None
    type: SqlType
    mode: str
    default: str | None = None


@node
class Function:
    """A user function. `kind` of result: scalar (`result`), void,
    trigger, row (a table's row type: `row_table`), record (OUT/TABLE
    columns: the output `args`)."""

    name: QName
    args: tuple[Argument, ...]
    kind: str
    result: SqlType | None
    retset: bool
    language: str
    body: str
    volatility: str
    strict: bool
    oid: int
    row_table: QName | None = None
    security_definer: bool = False
    standard: tuple[str, ...] | None = None
    plpgsql: Any = field(default=None, compare=False, repr=False)
    # an aggregate's (state function OID, state type, INITCOND text or
    # None, final function OID or 0); None: a plain function
    aggregate: tuple | None = None
    config: tuple[tuple[str, str], ...] = ()  # SET search_path = … for a call
    comment: str | None = None
    traits: tuple = (False, "u", None, None)  # FunctionDef.traits

    @property
    def inputs(self) -> tuple[Argument, ...]:
        return tuple(a for a in self.args if a.mode in INPUT_MODES)

    @property
    def outputs(self) -> tuple[Argument, ...]:
        return tuple(a for a in self.args if a.mode in OUTPUT_MODES)

    @property
    def input_types(self) -> tuple[SqlType, ...]:
        return tuple(a.type for a in self.inputs)


@node
class Trigger:
    name: str
    table: QName
    function: QName
    function_oid: int
    timing: str
    events: tuple[str, ...]
    row: bool
    columns: tuple[str, ...] = ()
    when: str | None = None
    args: tuple[str, ...] = ()
    oid: int = 0
    comment: str | None = None


@node
class DoBlock:
    """DO: an anonymous PL/pgSQL block, run once by the session."""

    body: str
    plpgsql: Any = field(default=None, compare=False, repr=False)


# CommandComplete tags of the routine statements
ROUTINE_TAGS = {FunctionDef: "CREATE FUNCTION", TriggerDef: "CREATE TRIGGER",
                AggregateDef: "CREATE AGGREGATE",
                DropFunctionDef: "DROP FUNCTION",
                DropTriggerDef: "DROP TRIGGER",
                FunctionOwnerDef: "ALTER FUNCTION",
                RoutineCommentDef: "COMMENT"}


# -- typed calls ------------------------------------------------------------------

@dataclasses.dataclass(frozen=True, slots=True)
class TUserCall(TCall):
    """A call of a user function (`oid`); `function` its signature text.
    A TCall with no built-in implementation: never folded, never
    immutable to the checks that look (contain_mutable_functions)."""

    oid: int = 0
    columns: tuple = ()  # its result columns when it returns a row


@dataclasses.dataclass(frozen=True, slots=True)
class TUserSetCall(TSetCall):
    """A set-returning user function; `columns`: its result columns when
    it returns rows (TABLE, OUT arguments, a table's row type)."""

    oid: int = 0
    columns: tuple = ()
    out_name: str | None = None  # its one OUT argument's: the column's name
