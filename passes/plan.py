"""Plan stage for client statements: lowered → `Plan` with compiled code.

A projection's typed expressions are compiled once into nested Python
closures `f(ctx, params) -> value`; constants (literals and casts of
literals) are folded here, so `'x'::int` fails at plan time with the
literal's position, as PostgreSQL's parse analysis does, and a cached plan
never re-parses a literal. Executing a plan never walks the IR.

`ctx` is the execution context the session supplies (`twinning.execute.
EvalContext`): user, database, settings, transaction clock, cancellation.
Pure: compiling reads no session state.
"""

from __future__ import annotations

import operator
from decimal import Decimal, DivisionByZero, InvalidOperation
from typing import Any, Callable

from twinning.errors import SqlError
from twinning.ir import query as q
from twinning.passes.lower import show_columns
from twinning.valueio import cast_function, settings_dependent

__all__ = ["plan"]

Compiled = Callable[[Any, tuple], Any]


def plan(lowered: q.LoweredStatement, source: str = "") -> q.Plan:
    if isinstance(lowered, q.Command):
        columns = show_columns(lowered) if lowered.op == "show" else ()
        return q.Plan(source, columns, command=lowered)
    fns = tuple(_compile(e) for e in lowered.exprs)
    failing = next((f for f in fns if isinstance(f, _Failing)), None)
    if failing is not None:
        return q.Plan(source, lowered.columns, lowered.param_types,
                      projection=lowered, row=failing,
                      planning_error=failing.error)
    if len(fns) == 1:
        only = fns[0]

        def row(ctx: Any, params: tuple) -> tuple:
            return (only(ctx, params),)
    else:
        def row(ctx: Any, params: tuple) -> tuple:
            return tuple([f(ctx, params) for f in fns])
    return q.Plan(source, lowered.columns, lowered.param_types,
                  projection=lowered, row=row)


class _Constant:
    """A folded value (the compiled form of a literal)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __call__(self, ctx: Any, params: tuple) -> Any:
        return self.value


class _Failing:
    """Constant folding failed (1/0, an overflowing cast): PostgreSQL's
    planner raises this when the query is planned — at Bind in the extended
    protocol, not at Parse — so the plan carries it instead of raising."""

    __slots__ = ("error",)

    def __init__(self, error: SqlError) -> None:
        self.error = error

    def __call__(self, ctx: Any, params: tuple) -> Any:
        raise self.error


def _folded(fn: Callable[[], Any]) -> Compiled:
    try:
        return _Constant(fn())
    except SqlError as exc:
        return _Failing(exc)


def _compile(expr: q.TExpr) -> Compiled:
    if isinstance(expr, q.TLiteral):
        return _Constant(_literal_value(expr))
    if isinstance(expr, q.TParam):
        index = expr.number - 1
        return lambda ctx, params: params[index]
    if isinstance(expr, q.TCast):
        return _cast(expr)
    if isinstance(expr, q.TCall):
        return _call(expr)
    if isinstance(expr, q.TOperator):
        return _operator(expr)
    raise TypeError(f"cannot compile {type(expr).__name__}")


def _with_position(exc: SqlError, location: int) -> SqlError:
    if exc.position is None and location >= 0:
        exc.position = location + 1
    return exc


def _literal_value(lit: q.TLiteral) -> Any:
    if lit.kind == "null" or lit.text is None:
        return None
    if lit.kind == "integer":
        return int(lit.text) if lit.type != q.NUMERIC else Decimal(lit.text)
    if lit.kind == "numeric":
        return int(lit.text) if lit.type == q.INT8 else Decimal(lit.text)
    if lit.kind == "boolean":
        return lit.text == "true"
    return lit.text  # string: unknown until cast


def _cast(expr: q.TCast) -> Compiled:
    arg = _compile(expr.arg)
    if isinstance(arg, _Failing):
        return arg
    literal_input = isinstance(expr.arg, q.TLiteral) and \
        expr.arg.type == q.UNKNOWN
    location = expr.arg.location if literal_input else -1
    if settings_dependent(expr.arg.type, expr.type):
        return _runtime_cast(expr, arg, location)
    convert = cast_function(expr.arg.type, expr.type)
    if isinstance(arg, _Constant):
        if arg.value is None:
            return _Constant(None)
        if literal_input:
            # a literal's input function runs in parse analysis (at Parse)
            try:
                return _Constant(convert(arg.value))
            except SqlError as exc:
                raise _with_position(exc, location)
        value = arg.value
        return _folded(lambda: convert(value))

    def cast(ctx: Any, params: tuple) -> Any:
        value = arg(ctx, params)
        return None if value is None else convert(value)
    return cast


def _runtime_cast(expr: q.TCast, arg: Compiled, location: int) -> Compiled:
    """A cast that reads DateStyle/TimeZone/extra_float_digits: bound to
    the session's settings when it runs, never folded into a cached plan."""
    source, target = expr.arg.type, expr.type
    bound: list = [None, None]  # settings, converter

    def cast(ctx: Any, params: tuple) -> Any:
        value = arg(ctx, params)
        if value is None:
            return None
        settings = ctx.settings
        if bound[0] is not settings:
            bound[1] = cast_function(source, target, settings)
            bound[0] = settings
        try:
            return bound[1](value)
        except SqlError as exc:
            raise _with_position(exc, location)
    return cast


def _call(expr: q.TCall) -> Compiled:
    impl = _FUNCTIONS[expr.function]
    args = tuple(_compile(a) for a in expr.args)
    for arg in args:
        if isinstance(arg, _Failing):
            return arg
    if not args:
        return lambda ctx, params: impl(ctx)
    if len(args) == 1:
        (a,) = args
        return lambda ctx, params: impl(ctx, a(ctx, params))
    return lambda ctx, params: impl(ctx, *[f(ctx, params) for f in args])


def _current_setting(ctx: Any, name: str | None, missing_ok: bool = False):
    if name is None:
        return None
    return ctx.current_setting(name, bool(missing_ok))


def _pg_sleep(ctx: Any, seconds: float | None) -> str:
    if seconds is not None:
        ctx.sleep(seconds)
    return ""


_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "version": lambda ctx: ctx.version,
    "current_schema": lambda ctx: ctx.current_schema(),
    "current_database": lambda ctx: ctx.database,
    "current_user": lambda ctx: ctx.user,
    "session_user": lambda ctx: ctx.user,
    "pg_backend_pid": lambda ctx: ctx.pid,
    "current_setting": _current_setting,
    "now": lambda ctx: ctx.transaction_start(),
    "transaction_timestamp": lambda ctx: ctx.transaction_start(),
    "statement_timestamp": lambda ctx: ctx.statement_start(),
    "clock_timestamp": lambda ctx: ctx.clock(),
    "current_date": lambda ctx: ctx.current_date(),
    "localtimestamp": lambda ctx: ctx.local_timestamp(),
    "pg_sleep": _pg_sleep,
    "pg_is_in_recovery": lambda ctx: False,
}


# -- operators -------------------------------------------------------------------

def _int_checked(name: str, fn: Callable[[int, int], int]) -> Callable[[Any, Any], Any]:
    bound = {"int4": 2**31, "int8": 2**63}[name]
    label = {"int4": "integer", "int8": "bigint"}[name]

    def apply(a: int, b: int) -> int:
        value = fn(a, b)
        if not -bound <= value < bound:
            raise SqlError("22003", f"{label} out of range")
        return value
    return apply


def _int_div(a: int, b: int) -> int:
    if b == 0:
        raise SqlError("22012", "division by zero")
    quotient = abs(a) // abs(b)
    return quotient if (a >= 0) == (b >= 0) else -quotient


def _int_mod(a: int, b: int) -> int:
    if b == 0:
        raise SqlError("22012", "division by zero")
    return a - b * _int_div(a, b)


def _numeric_div(a: Decimal, b: Decimal) -> Decimal:
    try:
        if b == 0:
            raise DivisionByZero
        return a / b
    except (DivisionByZero, InvalidOperation):
        raise SqlError("22012", "division by zero") from None


def _float_div(a: float, b: float) -> float:
    if b == 0:
        raise SqlError("22012", "division by zero")
    return a / b


_COMPARE = {"=": operator.eq, "<>": operator.ne, "!=": operator.ne,
            "<": operator.lt, ">": operator.gt, "<=": operator.le,
            ">=": operator.ge}


def _binary_function(op: str, operand: q.ResultType) -> Callable[[Any, Any], Any]:
    if op in _COMPARE:
        return _COMPARE[op]
    if op == "||":
        return operator.add
    name = operand.name
    if name in ("int4", "int8"):
        base = {"+": operator.add, "-": operator.sub, "*": operator.mul,
                "/": _int_div, "%": _int_mod}[op]
        return _int_checked(name, base)
    if name == "numeric":
        if op == "/":
            return _numeric_div
        if op == "%":
            raise SqlError("0A000", "numeric % is not supported by twinning")
        return {"+": operator.add, "-": operator.sub, "*": operator.mul}[op]
    if op == "/":
        return _float_div
    if op == "%":
        raise SqlError("42883", f"operator does not exist: {operand.name} % "
                       f"{operand.name}")
    return {"+": operator.add, "-": operator.sub, "*": operator.mul}[op]


def _operator(expr: q.TOperator) -> Compiled:
    right = _compile(expr.right)
    if isinstance(right, _Failing):
        return right
    if expr.left is None:
        neg = expr.op == "-"
        check = _int_checked(expr.type.name, lambda a, b: a) \
            if expr.type.name in ("int4", "int8") else (lambda a, b: a)

        def unary(ctx: Any, params: tuple) -> Any:
            value = right(ctx, params)
            if value is None:
                return None
            return check(-value, 0) if neg else value
        return unary
    left = _compile(expr.left)
    fn = _binary_function(expr.op, expr.left.type)
    location = expr.location

    def binary(ctx: Any, params: tuple) -> Any:
        a = left(ctx, params)
        if a is None:
            return None
        b = right(ctx, params)
        if b is None:
            return None
        return fn(a, b)
    for side in (left, right):
        if isinstance(side, _Failing):
            return side
    if isinstance(left, _Constant) and isinstance(right, _Constant):
        # folded as PostgreSQL's eval_const_expressions does; its errors
        # (overflow, division by zero) carry no position
        return _folded(lambda: binary(None, ()))
    return binary


def compile_expressions(exprs: tuple[q.TExpr, ...]) -> Callable[[Any], tuple]:
    """Compiled EXECUTE arguments: ctx → tuple of parameter values."""
    fns = tuple(_compile(e) for e in exprs)
    return lambda ctx: tuple(f(ctx, ()) for f in fns)
