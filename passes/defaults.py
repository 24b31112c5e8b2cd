"""Column DEFAULT expressions, checked as PostgreSQL checks them when it
stores one (transformColumnDefault / cookDefault).

Any expression PostgreSQL accepts is a default: it is typed by the
expression layer with no columns in scope, and must be assignable to the
column type (42804 otherwise). As in PostgreSQL, a constant's input
function runs now (`DEFAULT 'abc'` on an integer column fails here with
22P02), while a length or precision coercion and any function run only
when a row takes the default. Column references, subqueries, aggregates
and set-returning functions are refused with PostgreSQL's errors. A
`nextval('seq')` default must name an existing sequence.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, datatype_mismatch,
)
from twinning.ir import query as q
from twinning.ir import syntax as s
from twinning.ir.select import TSetCall
from twinning.ir.types import SqlType
from twinning.values.settings import DEFAULT_SETTINGS
from twinning.passes.expr.analyze import (TypingContext, can_coerce_expr,
                                          coerce_to_type, pos, refusals,
                                          resolve_expr)
from twinning.passes.expr.compile import compile_checked
from twinning.passes.expr.types import display_type
from twinning.passes.expr.walk import children


class _NoColumns:
    """A DEFAULT's scope: no column may be referenced."""

    def lookup(self, parts: tuple[str, ...], location: int) -> Any:
        raise SqlError(FEATURE_NOT_SUPPORTED, "cannot use column reference in DEFAULT "
                                     "expression", position=pos(location))


def is_null_constant(expr: s.Expr) -> bool:
    """`NULL` or `NULL::type`: a default PostgreSQL does not store."""
    while isinstance(expr, s.Cast):
        expr = expr.arg
    return isinstance(expr, s.Literal) and expr.kind == "null"


def check_default(column: str, target: SqlType, expr: s.Expr,
                  sequence_exists: Callable[[str], None]) -> None:
    """Raise what PostgreSQL raises when it stores this DEFAULT."""
    for name, location in _sequences_named(expr):
        try:
            sequence_exists(name)
        except SqlError as exc:
            if exc.position is None:
                exc.position = pos(location)
            raise
    ctx = TypingContext(kind="DEFAULT", allow_params=False,
                        **refusals("DEFAULT expression", "DEFAULT expressions"))
    typed = resolve_expr(expr, _NoColumns(), ctx)
    if _returns_set(typed):
        raise SqlError(FEATURE_NOT_SUPPORTED, "set-returning functions are not allowed in "
                                     "DEFAULT expressions",
                                     position=pos(getattr(expr, "location", -1)))
    bare = q.ResultType.of(replace(target, typmod=-1))
    if not can_coerce_expr(typed, q.ResultType.of(target), "a"):
        raise datatype_mismatch(f'column "{column}" is of type '
                                f"{display_type(bare)} but default expression is of "
                                f"type {display_type(typed.type)}",
                                hint="You will need to rewrite or cast the expression.")
    # the constants' input functions run now; a length or precision
    # coercion only when a row takes the default
    _run_literal_inputs(coerce_to_type(typed, bare, ctx, "a"))


class _Analysis:
    """What a literal's input function sees at CREATE: the default
    settings (DateStyle and the like)."""

    settings = DEFAULT_SETTINGS


def _run_literal_inputs(expr: Any) -> None:
    """Each constant's input function, now (its errors at the constant);
    one that depends on the settings is compiled to run per row, so it is
    called here once."""
    compile_checked(expr)
    _settings_inputs(expr)


def _settings_inputs(node: Any) -> None:
    if isinstance(node, q.TCast):
        fn = compile_checked(node).fn
        if getattr(fn, "at_analysis", False):
            fn((), _Analysis)
    for child in children(node):
        _settings_inputs(child)


def _sequences_named(expr: Any) -> list[tuple[str, int]]:
    """The sequences `nextval('name')` calls in `expr` draw from, with
    where each name is written."""
    out = []
    if isinstance(expr, s.FuncCall) and expr.name[-1] == "nextval" \
            and len(expr.args) == 1:
        arg = expr.args[0]
        while isinstance(arg, s.Cast):
            arg = arg.arg
        if isinstance(arg, s.Literal) and arg.kind == "string":
            out.append((arg.text or "", arg.location))
    if isinstance(expr, tuple):
        for item in expr:
            out.extend(_sequences_named(item))
    elif hasattr(expr, "__dataclass_fields__"):
        for name in expr.__dataclass_fields__:
            out.extend(_sequences_named(getattr(expr, name)))
    return out


def _returns_set(expr: Any) -> bool:
    if isinstance(expr, TSetCall):
        return True
    return any(_returns_set(child) for child in children(expr))
