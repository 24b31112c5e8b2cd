"""CHECK constraints: typed against their table's row, compiled once.

`check_constraint_function(table, check)` runs PostgreSQL's
cookConstraint checks — the expression is typed against the table's row
scope, must be boolean (42804 `argument of CHECK must be type boolean,
not type integer`), may not hold parameters, aggregates or subqueries —
and returns `fn(row) -> True | False | None` for the store to call per
row (a constraint is violated only by False; NULL passes, as in SQL).

The row is the table's tuple in catalog column order. Functions that
read the session (now(), current_setting) see `CheckContext`, whose
clock is the wall clock: a CHECK has no transaction of its own here.
"""

from __future__ import annotations

import datetime as dt
import types
from typing import Any, Callable

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, invalid_object_definition,
)
from twinning.ir import query as q
from twinning.ir.catalog import Check, Table
from twinning.ir.routines import TUserCall
from twinning.passes.expr.analyze import (TypingContext, coerce_to_boolean,
                                          refusals, resolve_expr)
from twinning.passes.expr import runtime
from twinning.passes.expr.compile import compile_checked
from twinning.passes.expr.scope import TableScope
from twinning.passes.expr.walk import children
from twinning.passes.parse_expr import Unsupported
from twinning.values.settings import DEFAULT_SETTINGS

__all__ = ["check_constraint_function", "type_check", "CheckContext",
           "type_index_predicate", "index_predicate_function",
           "contains_mutable"]

_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


def _micros(value: dt.datetime) -> int:
    delta = value - _EPOCH
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


class CheckContext:
    """The evaluation context of a CHECK outside any session."""

    __slots__ = ("settings", "params", "case_value", "user", "database",
                 "pid", "version")

    def __init__(self, settings=DEFAULT_SETTINGS) -> None:
        self.settings = settings
        self.params: tuple = ()
        self.case_value: Any = None
        self.user = "postgres"
        self.database = "postgres"
        self.pid = 0
        self.version = ""

    def transaction_start(self) -> int:
        return _micros(dt.datetime.now(dt.timezone.utc))

    statement_start = clock = transaction_start

    def current_date(self) -> int:
        return self.transaction_start() // 86_400_000_000

    def local_timestamp(self) -> int:
        return self.transaction_start()

    def current_schema(self) -> str:
        return "public"

    def current_setting(self, name: str, missing_ok: bool) -> str | None:
        if missing_ok:
            return None
        raise SqlError(FEATURE_NOT_SUPPORTED, "current_setting() in a CHECK constraint is "
                                     "not supported by twinning")

    def sleep(self, seconds: float) -> None:
        return None

    def check(self) -> None:
        return None


def type_check(table: Table, check: Check) -> q.TExpr:
    """The CHECK expression typed against `table`'s row (boolean)."""
    ctx = TypingContext(kind="CHECK", allow_params=False)
    expr = resolve_expr(check.expr, TableScope(table), ctx)
    _no_user_calls(expr, "a CHECK constraint")
    return coerce_to_boolean(expr, "CHECK", ctx)


def _no_user_calls(expr: Any, where: str) -> None:
    """The store runs CHECKs and index predicates without a session:
    a user function there is refused by name."""
    if isinstance(expr, TUserCall):
        raise Unsupported(f"a user function in {where}", expr.location)
    for child in children(expr):
        _no_user_calls(child, where)


def check_constraint_function(table: Table, check: Check,
                              context: Any = None
                              ) -> Callable[[tuple], bool | None]:
    """`fn(row)` evaluating `check` over one row of `table`."""
    compiled = compile_checked(type_check(table, check))
    fn = compiled.fn
    ctx = context if context is not None else CheckContext()
    if isinstance(fn, types.FunctionType) and fn.__code__.co_argcount == 2:
        # the same code and cells with `ctx` bound as a default: the
        # store's per-row call is the compiled closure itself
        bound = types.FunctionType(fn.__code__, fn.__globals__, fn.__name__,
                                   (ctx,), fn.__closure__)
        bound.__dict__.update(fn.__dict__)  # a `column_test` (store/constraints)
        return bound
    return lambda row: fn(row, ctx)


# -- partial indexes: the predicate, as DefineIndex checks it ----------------

# Casts whose function is not immutable in PostgreSQL 15 (pg_cast joined to
# pg_proc, provolatile <> 'i'), and the types whose input or output
# function is not (a cast through text runs them).
_STABLE_CASTS = frozenset({
    ("date", "timestamptz"), ("time", "timetz"), ("timestamptz", "date"),
    ("timestamptz", "timetz"), ("timestamptz", "time"),
    ("timestamptz", "timestamp"), ("timestamp", "timestamptz"),
    ("text", "regclass"), ("varchar", "regclass")})
_STABLE_IO = frozenset({"date", "interval", "time", "timestamp", "timestamptz",
                        "timetz", "regclass", "regtype", "regproc",
                        "regnamespace", "regrole"})
_STRINGS = frozenset({"text", "varchar", "bpchar", "name"})


def _mutable(expr: Any) -> bool:
    """contain_mutable_functions(): a function, operator or cast that is
    not immutable (the twin's registry marks what depends on the session,
    the clock or settings; casts by PostgreSQL's table above)."""
    if isinstance(expr, q.TCall):
        impl = runtime.function_impl(expr.function)
        if impl is None or not impl.foldable:
            return True
    elif isinstance(expr, q.TOperator):
        try:
            impl = runtime.binary(expr.impl, (expr.left.type, expr.right.type)) \
                if expr.left is not None else runtime.unary(expr.impl)
        except KeyError:
            impl = None
        if impl is None or not impl.foldable:
            return True
    elif isinstance(expr, q.TCast) and not (
            isinstance(expr.arg, q.TLiteral)):  # a literal's cast is a constant
        source, target = expr.arg.type.name, expr.type.name
        if source != target and (
                (source, target) in _STABLE_CASTS
                or (source in _STRINGS and target in _STABLE_IO)
                or (target in _STRINGS and source in _STABLE_IO)):
            return True
    return any(_mutable(child) for child in children(expr))


contains_mutable = _mutable


def type_index_predicate(table: Table, predicate: Any) -> q.TExpr:
    """A partial index's WHERE typed over `table` (transformWhereClause
    with EXPR_KIND_INDEX_PREDICATE, then CheckPredicate): boolean, no
    parameters, subqueries or aggregates, immutable functions only."""
    ctx = TypingContext(kind="WHERE", allow_params=False,
                        **refusals("index predicate", "index predicates"))
    expr = coerce_to_boolean(resolve_expr(predicate, TableScope(table), ctx),
                             "WHERE", ctx)
    _no_user_calls(expr, "an index predicate")
    if _mutable(expr):
        raise invalid_object_definition("functions in index predicate must be marked "
                                        "IMMUTABLE")
    return expr


def index_predicate_function(table: Table, predicate: Any
                             ) -> Callable[[tuple], bool]:
    """`fn(row)`: does the row belong in the partial index (its predicate
    is true; NULL and false leave it out)."""
    compiled = compile_checked(type_index_predicate(table, predicate)).fn
    ctx = CheckContext()
    return lambda row: compiled(row, ctx) is True
