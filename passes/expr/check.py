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

from twinning.errors import SqlError
from twinning.ir import query as q
from twinning.ir.catalog import Check, Table
from twinning.passes.expr.analyze import (TypingContext, coerce_to_boolean,
                                          resolve_expr)
from twinning.passes.expr.compile import compile_checked
from twinning.passes.expr.scope import TableScope
from twinning.values.settings import DEFAULT_SETTINGS

__all__ = ["check_constraint_function", "type_check", "CheckContext"]

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
        raise SqlError("0A000", "current_setting() in a CHECK constraint is "
                       "not supported by twinning")

    def sleep(self, seconds: float) -> None:
        return None

    def check(self) -> None:
        return None


def type_check(table: Table, check: Check) -> q.TExpr:
    """The CHECK expression typed against `table`'s row (boolean)."""
    ctx = TypingContext(kind="CHECK", allow_params=False)
    expr = resolve_expr(check.expr, TableScope(table), ctx)
    return coerce_to_boolean(expr, "CHECK", ctx)


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
        return types.FunctionType(fn.__code__, fn.__globals__, fn.__name__,
                                  (ctx,), fn.__closure__)
    return lambda row: fn(row, ctx)
