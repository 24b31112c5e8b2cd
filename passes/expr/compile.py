"""Typed expressions → Python closures `fn(row, ctx)`, compiled once.

`row` is the tuple the expression's scope describes (slot i = column i);
`ctx` is the execution context (`twinning.execute.EvalContext`: session
values, clocks, `settings`, and `params`, the bound parameter values).
Executing a compiled expression never looks at the IR again.

Folding mirrors PostgreSQL's eval_const_expressions: literals and casts
of literals become constants (a literal's input error raises right here,
at the literal, as parse analysis does); immutable operators and
functions over constants are evaluated now, and their errors (1/0,
overflow) are kept and raised when the plan is used, as PostgreSQL's
planner raises them at Bind. AND/OR stop simplifying at a constant that
decides them, CASE drops arms whose condition folds to false, COALESCE
stops at its first non-NULL constant — so exactly the constant errors
PostgreSQL raises are raised.

NULL handling is decided here, by shape: a strict operator's closure
returns None as soon as an operand is None; the common shapes (column op
constant, column op column) get their own closures, so a CHECK such as
`amount >= 0` costs one closure call and one comparison per row.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable, Mapping, Sequence

from twinning.deferred import deferred
from twinning.errors import (
    FEATURE_NOT_SUPPORTED, INVALID_NAME, INVALID_SCHEMA_NAME, SYNTAX_ERROR,
    UNDEFINED_TABLE, SqlError, feature_not_supported, internal_error,
)
from twinning.ir import query as q
from twinning.ir.catalog import Catalog
from twinning.ir.routines import TUserCall
from twinning.ir.types import REG_TYPES, RecordType
from twinning.passes.expr import runtime
from twinning.passes.expr.domain_check import checker
from twinning.passes.expr.registry import Impl
from twinning.passes.expr.strict_closures import strict_closure
from twinning.passes.expr.types import element_type
from twinning.passes.expr.system import system_catalog
from twinning.valueio import cast_function, settings_dependent
from twinning.values import md_arrays
from twinning.values.numeric import parse_numeric
from twinning.values.settings import DEFAULT_SETTINGS

array_ops = deferred("twinning.passes.expr.array_ops", globals(), "array_ops")

__all__ = ["Compiled", "CompiledExpr", "compile_expr", "compile_checked",
           "literal_value", "unwrap_relabel", "domain_checker"]

Compiled = Callable[[tuple, Any], Any]
_NOT_CONST = object()


class CompiledExpr:
    """A compiled node: `fn`, and when folded its constant `value`, or
    the planning `error` PostgreSQL would raise when planning it."""

    __slots__ = ("fn", "value", "error")

    def __init__(self, fn: Compiled, value: Any = _NOT_CONST,
                 error: SqlError | None = None) -> None:
        self.fn = fn
        self.value = value
        self.error = error

    @property
    def constant(self) -> bool:
        return self.value is not _NOT_CONST


# compiles a child node; node compilers take it to compile their children
Recur = Callable[[q.TExpr], CompiledExpr]
NodeCompilers = Mapping[type, Callable[[Any, Recur], CompiledExpr]]


def _const(value: Any) -> CompiledExpr:
    return CompiledExpr(lambda row, ctx: value, value)


def _failed(error: SqlError) -> CompiledExpr:
    def fail(row, ctx):
        raise error
    return CompiledExpr(fail, _NOT_CONST, error)


def compile_expr(expr: q.TExpr, nodes: NodeCompilers | None = None
                 ) -> Compiled:
    """The closure of `expr` (a folding error is raised when it runs)."""
    return compile_checked(expr, nodes).fn


def compile_checked(expr: q.TExpr, nodes: NodeCompilers | None = None
                    ) -> CompiledExpr:
    """Compile with the folding outcome visible to the planner. `nodes`
    compiles the node types of a later stage, which this layer does not
    know: the read path's outer references and subqueries (a subquery
    runs the planner above this module; `plan_select.compile_read`)."""
    return _compiler(nodes or {})(expr)


def _compiler(nodes: NodeCompilers) -> Recur:
    def recur(expr: q.TExpr) -> CompiledExpr:
        method = _COMPILERS.get(type(expr)) or nodes.get(type(expr))
        if method is None:
            raise TypeError(f"cannot compile {type(expr).__name__}")
        return method(expr, recur)
    return recur


def _each(recur: Recur, exprs: Any) -> list[CompiledExpr] | CompiledExpr:
    """`exprs` compiled in order; or the first whose planning failed (the
    ones after it are not compiled: a literal's input error raises at
    compile time, and PostgreSQL stops at the first error)."""
    nodes = []
    for sub in exprs:
        node = recur(sub)
        if node.error is not None:
            return node
        nodes.append(node)
    return nodes


def _fold(fn: Callable[[], Any]) -> CompiledExpr:
    try:
        return _const(fn())
    except SqlError as exc:
        return _failed(exc)


def _compiled(fn: Callable, nodes: Sequence[CompiledExpr], get: Any = None) -> CompiledExpr:
    """`fn` as the node, or its value when every operand is a constant and
    it reads no settings (`get` None)."""
    if get is None and all(n.constant for n in nodes):
        return _fold(lambda: fn((), None))
    return CompiledExpr(fn)


def _impl_getters(impl: Any) -> tuple[Any, Any]:
    """(get, None) for an implementation that reads the settings (get(ctx)
    binds it), else (None, the function itself)."""
    if impl.settings:
        return _bound(impl.fn), None
    return None, impl.fn


def _binary_operands(expr: Any, recur: Recur) -> tuple[Any, Any]:
    """(the operator's implementation, its two operands compiled, or the
    node of the first one's error)."""
    impl = runtime.binary(expr.impl, (expr.left.type, expr.right.type))
    return impl, _each(recur, (expr.left, expr.right))


def _binary_parts(impl: Any, left: CompiledExpr, right: CompiledExpr) -> tuple:
    """A binary operator's closure parts: (get, direct) as _impl_getters
    gives them, then the two operands' functions."""
    return (*_impl_getters(impl), left.fn, right.fn)


def _bound(make: Callable[[Any], Callable]) -> Callable[[Any], Callable]:
    """A settings-dependent callable, rebound when the settings change.
    The cache is one tuple replaced atomically, so sessions sharing a
    plan on several threads never see a half-updated binding."""
    cache: list = [(None, None)]

    def get(ctx: Any) -> Callable:
        settings = ctx.settings
        entry = cache[0]
        if entry[0] is not settings:
            entry = (settings, make(settings))
            cache[0] = entry
        return entry[1]
    return get


# -- leaves ----------------------------------------------------------------------

def literal_value(lit: q.TLiteral) -> Any:
    if lit.kind == "null" or lit.text is None:
        return None
    if lit.kind == "integer":
        return int(lit.text) if lit.type != q.NUMERIC else Decimal(lit.text)
    if lit.kind == "numeric":
        return parse_numeric(lit.text) if lit.type == q.NUMERIC else int(lit.text)
    if lit.kind == "boolean":
        return lit.text == "true"
    return lit.text  # string: unknown until cast; bit: its bits


def _literal(expr: q.TLiteral, recur: Recur) -> CompiledExpr:
    return _const(literal_value(expr))


def _param(expr: q.TParam, recur: Recur) -> CompiledExpr:
    index = expr.number - 1
    if expr.type.name in REG_TYPES:
        return _reg_param(index, expr.type.name)

    def param(row, ctx):
        return ctx.params[index]
    return CompiledExpr(param)


def _reg_param(index: int, type_name: str) -> CompiledExpr:
    """A reg* parameter bound as a name: resolved against the session's
    catalog here (the Bind that received it has no catalog)."""
    reg_input = system_catalog().reg_input

    def reg_param(row, ctx):
        value = ctx.params[index]
        if isinstance(value, str):  # a RegName, or text bound untyped
            return reg_input(type_name, _catalog_of(ctx), value, ctx)
        return value
    return CompiledExpr(reg_param)


def _column(expr: q.TColumn, recur: Recur) -> CompiledExpr:
    slot = expr.slot

    def column(row, ctx):
        return row[slot]
    return CompiledExpr(column)


def _case_value(expr: q.TCaseValue, recur: Recur) -> CompiledExpr:
    def case_value(row, ctx):
        return ctx.case_value
    return CompiledExpr(case_value)


# -- casts -----------------------------------------------------------------------

def _with_position(exc: SqlError, location: int) -> SqlError:
    if exc.position is None and location >= 0:
        exc.position = location + 1
    return exc


_SAME_TEXT = frozenset({"text", "varchar", "name"})


def _relabel(source: q.ResultType, target: q.ResultType) -> bool:
    """A binary-coercible cast with no typmod to apply (RelabelType)."""
    if target.typmod >= 0:
        return False
    if source.name == target.name:
        return True
    if (source.name, target.name) in (("int2vector", "int2[]"),
                                      ("oidvector", "oid[]")):
        return True  # same elements; only the lower bound differs
    return source.name in _SAME_TEXT and target.name in ("text", "varchar")


def _cast(expr: q.TCast, recur: Recur) -> CompiledExpr:
    arg = recur(expr.arg)
    if arg.error is not None:
        return arg
    source, target = expr.arg.type, expr.type
    if _relabel(source, target):
        return arg  # same representation: nothing to run per row
    literal_input = isinstance(expr.arg, q.TLiteral) and source == q.UNKNOWN
    location = expr.arg.location if literal_input else -1
    if arg.constant and arg.value is None:
        return _const(None)
    if target.name in REG_TYPES and source.name != target.name:
        return _reg_cast(expr, arg, location)
    if settings_dependent(source, target):
        get = _bound(lambda settings: cast_function(source, target, settings,
                                                    expr.explicit))
        inner = arg.fn

        def cast(row, ctx):
            value = inner(row, ctx)
            if value is None:
                return None
            try:
                return get(ctx)(value)
            except SqlError as exc:
                raise _with_position(exc, location)
        cast.at_analysis = literal_input  # type: ignore[attr-defined]
        return CompiledExpr(cast)
    convert = cast_function(source, target, DEFAULT_SETTINGS, expr.explicit)
    if arg.constant:
        value = arg.value
        if literal_input:
            # a literal's input function runs in parse analysis
            try:
                return _const(convert(value))
            except SqlError as exc:
                if exc.sqlstate == FEATURE_NOT_SUPPORTED:  # the twin's own refusal
                    return _refused_when_run(_with_position(exc, location))
                raise _with_position(exc, location)
        return _fold(lambda: convert(value))
    inner = arg.fn

    def cast(row, ctx):
        value = inner(row, ctx)
        return None if value is None else convert(value)
    return CompiledExpr(cast)


def _refused_when_run(exc: SqlError) -> CompiledExpr:
    """A literal PostgreSQL reads but the twin refuses (a 2-D array): the
    0A000 is raised when the value is needed, so a statement that never
    evaluates it (a view over no rows) answers as PostgreSQL does."""
    def refused(row, ctx):
        raise exc
    return CompiledExpr(refused)


_NAME_SOURCES = frozenset({"unknown", "text", "varchar", "bpchar", "name"})


def _reg_cast(expr: q.TCast, arg: CompiledExpr, location: int) -> CompiledExpr:
    """A cast to regclass/regtype/…: names resolve against the session's
    catalog and search path when the cast runs (PostgreSQL resolves a
    literal at parse analysis; the twin's catalog never changes, so the
    answer is the same, raised at execution)."""
    names = system_catalog()
    source, target = expr.arg.type, expr.type
    if target.sql_type is not None and target.sql_type.is_array:
        raise feature_not_supported(f"cast to {target.name}")
    type_name = target.name
    from_text = source.name in _NAME_SOURCES
    to_oid = None if from_text else cast_function(source, target)
    inner = arg.fn

    def reg_cast(row, ctx):
        value = inner(row, ctx)
        if value is None:
            return None
        catalog = _catalog_of(ctx)
        try:
            if from_text:
                text = value.rstrip(" ") if source.name == "bpchar" else value
                return names.reg_input(type_name, catalog, text, ctx)
            return names.reg_name(type_name, catalog, to_oid(value), ctx)
        except SqlError as exc:
            raise _with_position(exc, location)
    return CompiledExpr(reg_cast)


_EMPTY_CATALOG: list = []


def _catalog_of(ctx: Any) -> Any:
    """The session's catalog; an empty one where there is none (CHECK)."""
    catalog = getattr(ctx, "catalog", None)
    if catalog is not None:
        return catalog
    if not _EMPTY_CATALOG:
        _EMPTY_CATALOG.append(Catalog(("public",), (), (), (), (), ()))
    return _EMPTY_CATALOG[0]


# -- operators ---------------------------------------------------------------------

def _operator(expr: q.TOperator, recur: Recur) -> CompiledExpr:
    if expr.left is None:
        return _unary(expr, recur)
    impl, operands = _binary_operands(expr, recur)
    if isinstance(operands, CompiledExpr):
        return operands
    left, right = operands
    return _binary_node(impl, left, right, expr.left, expr.right)


def _unwrap(expr: Any) -> Any:
    while isinstance(expr, q.TCast) and _relabel(expr.arg.type, expr.type):
        expr = expr.arg
    return expr


def unwrap_relabel(expr: Any) -> Any:
    """`expr` under its relabelling casts (`numeric(12,2)` read as
    `numeric`, varchar as text): the same value, so plans may read a
    column's slot directly."""
    return _unwrap(expr)


def _plain_param(expr: Any) -> int | None:
    """The index into `ctx.params` of a bare parameter (reg* parameters
    resolve names when read, so they keep their own closure)."""
    if isinstance(expr, q.TParam) and expr.type.name not in REG_TYPES:
        return expr.number - 1
    return None


# the operand reads of the strict closures (passes/expr/strict_closures.py)
_COLUMN = ("a = row[slot]",)
_ONE = ("a = f(row, ctx)",)
_BOTH = ("a = lf(row, ctx)", "b = rf(row, ctx)")
_ALL = ("args = [f(row, ctx) for f in fns]",)


def _strict(name: str, reads: tuple[str, ...], call: str,
            guarded: str | None = None, **cells: Any) -> CompiledExpr:
    return CompiledExpr(strict_closure(name, reads, call, guarded, **cells))


def _binary_node(impl: Impl, left: CompiledExpr, right: CompiledExpr,
                 lexpr: Any = None, rexpr: Any = None) -> CompiledExpr:
    lexpr, rexpr = _unwrap(lexpr), _unwrap(rexpr)
    if impl.context:  # text @@ tsquery reads default_text_search_config
        return _strict("with_context", _BOTH, "cfn(ctx, a, b)", cfn=impl.fn,
                       lf=left.fn, rf=right.fn)
    if impl.settings:
        return _strict("dyn", _BOTH, "get(ctx)(a, b)", get=_bound(impl.fn),
                       lf=left.fn, rf=right.fn)
    fn = impl.fn
    if not impl.strict:
        lf, rf = left.fn, right.fn
        if left.constant and right.constant:
            a, b = left.value, right.value
            return _fold(lambda: fn(a, b))
        return CompiledExpr(lambda row, ctx: fn(lf(row, ctx), rf(row, ctx)))
    if left.constant and right.constant:
        a, b = left.value, right.value
        if a is None or b is None:
            return _const(None)
        return _fold(lambda: fn(a, b))
    if (left.constant and left.value is None) or (
            right.constant and right.value is None):
        return _const(None)
    if isinstance(lexpr, q.TColumn) and right.constant and \
            impl.fast is not None:
        slot, c, fast = lexpr.slot, right.value, impl.fast
        col_const_fast = strict_closure("col_const_fast", _COLUMN, "fn(a, c)",
                                        "fast(a, c)", slot=slot, c=c, fn=fn,
                                        fast=fast)
        # for a whole block of rows: fast(row[slot], c) on every row, where
        # it answers as the closure does unless it raises
        col_const_fast.column_test = (slot, fast, c)  # type: ignore[attr-defined]
        return CompiledExpr(col_const_fast)
    if isinstance(lexpr, q.TColumn) and right.constant:
        return _strict("col_const", _COLUMN, "fn(a, c)", slot=lexpr.slot,
                       c=right.value, fn=fn)
    index = _plain_param(rexpr)
    if isinstance(lexpr, q.TColumn) and index is not None:
        return _column_param(lexpr.slot, index, fn, impl.fast)
    if isinstance(lexpr, q.TColumn) and isinstance(rexpr, q.TColumn):
        return _strict("col_col", ("a = row[ls]", "b = row[rs]"), "fn(a, b)",
                       ls=lexpr.slot, rs=rexpr.slot, fn=fn)
    if right.constant:
        return _strict("any_const", _BOTH[:1], "fn(a, c)", lf=left.fn,
                       c=right.value, fn=fn)
    if left.constant:
        return _strict("const_any", _BOTH[1:], "fn(c, b)", c=left.value,
                       rf=right.fn, fn=fn)
    return _strict("binary", _BOTH, "fn(a, b)", lf=left.fn, rf=right.fn, fn=fn)


def _column_param(slot: int, index: int, fn: Callable,
                  fast: Callable | None) -> CompiledExpr:
    """`column op $n`: what the plan cache makes of `column op literal`,
    so WHERE clauses of client-interpolated statements take this shape.
    Both operands are read before the NULL test, as `binary` does."""
    reads = (*_COLUMN, "b = ctx.params[index]")
    if fast is not None:
        return _strict("col_param_fast", reads, "fn(a, b)", "fast(a, b)",
                       slot=slot, index=index, fn=fn, fast=fast)
    return _strict("col_param", reads, "fn(a, b)", slot=slot, index=index,
                   fn=fn)


def _unary(expr: q.TOperator, recur: Recur) -> CompiledExpr:
    impl = runtime.unary(expr.impl)
    arg = recur(expr.right)
    if arg.error is not None:
        return arg
    fn = impl.fn
    if arg.constant:
        value = arg.value
        return _const(None) if value is None else _fold(lambda: fn(value))
    return _strict("unary", _ONE, "fn(a)", f=arg.fn, fn=fn)


# -- boolean logic ---------------------------------------------------------------

def _bool(expr: q.TBool, recur: Recur) -> CompiledExpr:
    if expr.op == "not":
        arg = recur(expr.args[0])
        if arg.error is not None:
            return arg
        if arg.constant:
            return _const(None if arg.value is None else not arg.value)
        inner = arg.fn

        def not_(row, ctx):
            value = inner(row, ctx)
            return None if value is None else not value
        return CompiledExpr(not_)
    decisive = expr.op == "or"  # the value that ends evaluation
    # every argument is compiled (literal input errors are parse-time
    # errors); simplification then stops at the deciding constant, so
    # folding errors after it are never raised, as in PostgreSQL
    nodes = [recur(sub) for sub in expr.args]
    parts: list[Compiled] = []
    saw_null = False
    for node in nodes:
        if node.error is not None:
            return node
        if node.constant:
            if node.value is None:
                saw_null = True
            elif node.value is decisive:
                return _const(decisive)
            continue  # the neutral constant drops out
        parts.append(node.fn)
    if not parts:
        return _const(None if saw_null else not decisive)
    final = None if saw_null else (not decisive)
    if len(parts) == 1 and not saw_null:
        return CompiledExpr(parts[0])
    if len(parts) == 2:
        f, g = parts

        def two(row, ctx):
            a = f(row, ctx)
            if a is decisive:
                return decisive
            b = g(row, ctx)
            if b is decisive:
                return decisive
            if a is None or b is None:
                return None
            return final
        return CompiledExpr(two)
    fns = tuple(parts)

    def many(row, ctx):
        null = False
        for f in fns:
            v = f(row, ctx)
            if v is decisive:
                return decisive
            if v is None:
                null = True
        return None if null else final
    return CompiledExpr(many)


def _null_test(expr: q.TNullTest, recur: Recur) -> CompiledExpr:
    arg = recur(expr.arg)
    if arg.error is not None:
        return arg
    negated = expr.negated
    sql_type = expr.arg.type.sql_type
    if sql_type is not None and isinstance(sql_type.user, RecordType) \
            and not sql_type.is_array:  # a composite: each field's test
        return _record_null_test(arg, negated)
    if arg.constant:
        return _const((arg.value is None) != negated)
    inner = arg.fn
    if negated:
        return CompiledExpr(lambda row, ctx: inner(row, ctx) is not None)
    return CompiledExpr(lambda row, ctx: inner(row, ctx) is None)


def _record_null_test(arg: CompiledExpr, negated: bool) -> CompiledExpr:
    """A composite IS NULL when it or each field is, IS NOT NULL when it
    is not and no field is (ExecEvalRowNull)."""
    inner = arg.fn

    def test(row, ctx):
        value = inner(row, ctx)
        if value is None:
            return not negated
        if negated:
            return all(v is not None for v in value)
        return all(v is None for v in value)
    return CompiledExpr(test)


_BOOL_TESTS = {
    "true": lambda v: v is True, "not true": lambda v: v is not True,
    "false": lambda v: v is False, "not false": lambda v: v is not False,
    "unknown": lambda v: v is None, "not unknown": lambda v: v is not None,
}


def _bool_test(expr: q.TBoolTest, recur: Recur) -> CompiledExpr:
    arg = recur(expr.arg)
    if arg.error is not None:
        return arg
    test = _BOOL_TESTS[expr.test]
    if arg.constant:
        return _const(test(arg.value))
    inner = arg.fn
    return CompiledExpr(lambda row, ctx: test(inner(row, ctx)))


def _distinct(expr: q.TDistinct, recur: Recur) -> CompiledExpr:
    impl, operands = _binary_operands(expr, recur)
    if isinstance(operands, CompiledExpr):
        return operands
    left, right = operands
    negated = expr.negated
    get, equal, lf, rf = _binary_parts(impl, left, right)

    def distinct(row, ctx):
        a = lf(row, ctx)
        b = rf(row, ctx)
        if a is None or b is None:
            same = a is None and b is None
        else:
            same = (equal or get(ctx))(a, b)
        return same if negated else not same
    return _compiled(distinct, operands)


def _scalar_array(expr: q.TScalarArray, recur: Recur) -> CompiledExpr:
    impl = runtime.binary(expr.impl, (expr.left.type,
                                      element_type(expr.right.type)))
    if isinstance(expr.right, q.TArray):
        # an IN list's items are coerced before its left operand
        right = recur(expr.right)
        left = recur(expr.left)
    else:
        left = recur(expr.left)
        right = recur(expr.right)
    if left.error is not None:
        return left
    if right.error is not None:
        return right
    use_or = expr.use_or
    get, direct, lf, rf = _binary_parts(impl, left, right)

    def any_all(row, ctx):
        a = lf(row, ctx)
        array = rf(row, ctx)
        if array is None:
            return None
        if not array:
            return not use_or
        if a is None:
            return None
        fn = direct or get(ctx)
        null = False
        for element in array:
            if element is None:
                null = True
                continue
            if fn(a, element):
                if use_or:
                    return True
            elif not use_or:
                return False
        if null:
            return None
        return not use_or
    return _compiled(any_all, (left, right), get)


# -- conditionals ------------------------------------------------------------------

def _case(expr: q.TCase, recur: Recur) -> CompiledExpr:
    arg = None
    if expr.arg is not None:
        arg = recur(expr.arg)
        if arg.error is not None:
            return arg
    arms: list[tuple[Compiled, Compiled]] = []
    default: CompiledExpr | None = None
    compiled = [(recur(w.condition), recur(w.result)) for w in expr.whens]
    fallback = recur(expr.default)
    for cond, result in compiled:
        if cond.error is not None:
            return cond
        if cond.constant and arg is None:
            if cond.value is not True:
                continue  # an arm that can never be taken is not simplified
            default = result
            break
        if result.error is not None:
            return result
        arms.append((cond.fn, result.fn))
    if default is None:
        default = fallback
    if default.error is not None and not arms:
        return default
    if not arms:
        return default
    dfn = default.fn
    pairs = tuple(arms)
    if arg is None:
        def searched(row, ctx):
            for cond, result in pairs:
                if cond(row, ctx) is True:
                    return result(row, ctx)
            return dfn(row, ctx)
        return CompiledExpr(searched)
    afn = arg.fn

    def simple(row, ctx):
        value = afn(row, ctx)
        saved = ctx.case_value
        ctx.case_value = value
        try:
            for cond, result in pairs:
                if cond(row, ctx) is True:
                    ctx.case_value = saved
                    return result(row, ctx)
        finally:
            ctx.case_value = saved
        return dfn(row, ctx)
    return CompiledExpr(simple)


def _coalesce(expr: q.TCoalesce, recur: Recur) -> CompiledExpr:
    parts: list[Compiled] = []
    for node in [recur(sub) for sub in expr.args]:
        if node.error is not None:
            return node
        if node.constant:
            if node.value is None:
                continue
            if not parts:
                return node
            value = node.value
            parts.append(lambda row, ctx, value=value: value)
            break
        parts.append(node.fn)
    if not parts:
        return _const(None)
    if len(parts) == 1:
        return CompiledExpr(parts[0])
    fns = tuple(parts)

    def coalesce(row, ctx):
        for f in fns:
            v = f(row, ctx)
            if v is not None:
                return v
        return None
    return CompiledExpr(coalesce)


def _nullif(expr: q.TNullIf, recur: Recur) -> CompiledExpr:
    impl, operands = _binary_operands(expr, recur)
    if isinstance(operands, CompiledExpr):
        return operands
    left, right = operands
    # eval_const_expressions: a NULL constant argument makes NULLIF its
    # first argument, the other never evaluated
    if (left.constant and left.value is None) or \
            (right.constant and right.value is None):
        return left
    get, direct, lf, rf = _binary_parts(impl, left, right)

    def nullif(row, ctx):
        a = lf(row, ctx)
        b = rf(row, ctx)
        if a is not None and b is not None and (direct or get(ctx))(a, b):
            return None
        return a
    return _compiled(nullif, operands, get)


def _minmax(expr: q.TMinMax, recur: Recur) -> CompiledExpr:
    impl = runtime.binary(expr.impl, (expr.type, expr.type))
    nodes = _each(recur, expr.args)
    if isinstance(nodes, CompiledExpr):
        return nodes
    greatest = expr.op == "greatest"
    get, less = _impl_getters(impl)
    fns = tuple(n.fn for n in nodes)

    def minmax(row, ctx):
        lt = less or get(ctx)
        best = None
        for f in fns:
            v = f(row, ctx)
            if v is None:
                continue
            if best is None or (lt(best, v) if greatest else lt(v, best)):
                best = v
        return best
    return _compiled(minmax, nodes, get)


def _array(expr: q.TArray, recur: Recur) -> CompiledExpr:
    nodes = _each(recur, expr.items)
    if isinstance(nodes, CompiledExpr):
        return nodes
    if getattr(expr, "multidims", False):  # ARRAY[] of sub-arrays
        if all(n.constant for n in nodes):
            return _fold(lambda: md_arrays.stack([n.value for n in nodes]))
        subs = tuple(n.fn for n in nodes)
        return CompiledExpr(lambda row, ctx: md_arrays.stack(
            [f(row, ctx) for f in subs]))
    if all(n.constant for n in nodes):
        return _const(tuple(n.value for n in nodes))
    fns = tuple(n.fn for n in nodes)
    return CompiledExpr(lambda row, ctx: tuple([f(row, ctx) for f in fns]))


def _field(expr: q.TField, recur: Recur) -> CompiledExpr:
    arg = recur(expr.arg)
    if arg.error is not None:
        return arg
    af, i = arg.fn, expr.index

    def field(row, ctx):
        value = af(row, ctx)
        return None if value is None else value[i]
    return CompiledExpr(field)


# -- function calls --------------------------------------------------------------

# The sequence functions take a regclass in PostgreSQL: a name written as a
# literal is looked up by the literal's input function, in parse analysis,
# so its errors point at the literal (the twin looks it up when the call
# runs: `system_ops._sequence`).
_SEQUENCE_CALLS = frozenset({"nextval(text)", "currval(text)",
                             "setval(text,int8)", "setval(text,int8,bool)"})
_NAME_ERRORS = frozenset({UNDEFINED_TABLE, INVALID_NAME, SYNTAX_ERROR, INVALID_SCHEMA_NAME, FEATURE_NOT_SUPPORTED})


def _call_or_sequence(expr: q.TCall, recur: Recur) -> CompiledExpr:
    compiled = _call(expr, recur)
    name = expr.args[0] if expr.function in _SEQUENCE_CALLS else None
    while isinstance(name, q.TCast):  # 'unknown' → text
        name = name.arg
    if not isinstance(name, q.TLiteral) or compiled.error is not None:
        return compiled
    location, fn = name.location, compiled.fn

    def sequence_call(row, ctx):
        try:
            return fn(row, ctx)
        except SqlError as exc:
            raise _with_position(exc, location) if exc.sqlstate in \
                _NAME_ERRORS else exc
    return CompiledExpr(sequence_call)


def _call(expr: q.TCall, recur: Recur) -> CompiledExpr:
    impl = runtime.function_impl(expr.function)
    if impl is None:  # the typer refuses these; a stale IR is a bug
        raise internal_error(f"no implementation of {expr.function}")
    nodes = _each(recur, expr.args)
    if isinstance(nodes, CompiledExpr):
        return nodes
    fns = tuple(n.fn for n in nodes)
    factory = getattr(impl, "factory", None)
    if factory is not None:  # typed by its arguments (concat, array_to_string…)
        if getattr(impl, "immutable", False) and all(n.constant for n in nodes):
            values = [n.value for n in nodes]
            if impl.strict and None in values:
                return _const(None)
            make = factory([a.type for a in expr.args])
            return _fold(lambda: make(DEFAULT_SETTINGS)(*values))
        get = _bound(factory([a.type for a in expr.args]))
        if not impl.strict:
            return CompiledExpr(lambda row, ctx: get(ctx)(
                *[f(row, ctx) for f in fns]))
        return _strict("typed", _ALL, "get(ctx)(*args)", fns=fns, get=get)
    fn = impl.fn
    strict = impl.strict
    if any(n.constant and n.value is None for n in nodes) and strict:
        return _const(None)
    if impl.context and not strict:
        return CompiledExpr(lambda row, ctx: fn(ctx, *[f(row, ctx)
                                                      for f in fns]))
    if not strict and not impl.settings:
        if all(n.constant for n in nodes) and impl.foldable:
            values = [n.value for n in nodes]
            return _fold(lambda: fn(*values))
        return CompiledExpr(lambda row, ctx: fn(*[f(row, ctx) for f in fns]))
    if impl.context:
        if not fns:
            return CompiledExpr(lambda row, ctx: fn(ctx))
        if len(fns) == 1:
            return _strict("call1", _ONE, "fn(ctx, a)", f=fns[0], fn=fn)
        return _strict("callc", _ALL, "fn(ctx, *args)", fns=fns, fn=fn)
    if impl.settings:
        return _strict("calls", _ALL, "get(ctx)(*args)", fns=fns,
                       get=_bound(fn))
    if all(n.constant for n in nodes) and impl.foldable:
        values = [n.value for n in nodes]
        return _fold(lambda: fn(*values))
    if not fns:
        return CompiledExpr(lambda row, ctx: fn())
    if len(fns) == 1:
        return _strict("call_one", _ONE, "fn(a)", f=fns[0], fn=fn)
    if len(fns) == 2:
        return _strict("call_two", _BOTH, "fn(a, b)", lf=fns[0], rf=fns[1],
                       fn=fn)
    return _strict("call", _ALL, "fn(*args)", fns=fns, fn=fn)


def _subscript(expr: q.TSubscript, recur: Recur) -> CompiledExpr:
    arg, index = recur(expr.arg), recur(expr.index)
    for part in (arg, index):
        if part.error is not None:
            return part
    low = array_ops.lower_bound(expr.arg.type)
    af, xf = arg.fn, index.fn

    def subscript(row, ctx):
        array = af(row, ctx)
        i = xf(row, ctx)
        if array is None or i is None:
            return None
        if type(array) is md_arrays.MdArray:
            return md_arrays.fetch(array, (i,))
        if not low <= i < low + len(array):
            return None
        return array[i - low]
    return CompiledExpr(subscript)


def _subscripts(expr: q.TSubscripts, recur: Recur) -> CompiledExpr:
    """Several subscripts or a slice: NULL when the array or a given
    subscript is NULL."""
    parts = [recur(p) for p in (expr.arg, *expr.lowers, *expr.uppers)
             if p is not None]
    for part in parts:
        if part.error is not None:
            return part
    fns = iter([p.fn for p in parts])
    af = next(fns)
    lfs = [None if p is None else next(fns) for p in expr.lowers]
    ufs = [None if p is None else next(fns) for p in expr.uppers]
    low = array_ops.lower_bound(expr.arg.type)

    def evaluate(row, ctx):
        array = af(row, ctx)
        lowers = [None if f is None else f(row, ctx) for f in lfs]
        uppers = [None if f is None else f(row, ctx) for f in ufs]
        if array is None or any(v is None and f is not None for v, f in
                                zip(lowers + uppers, lfs + ufs)):
            return None
        if expr.is_slice:
            return md_arrays.slice_of(array, lowers, uppers)
        return md_arrays.fetch(array, uppers, low)
    return _compiled(evaluate, parts)


def domain_checker(sql_type: Any) -> Callable[[Any, Any], Any]:
    """`fn(value, ctx)` checking a value against the domain `sql_type`
    carries (`domain_check`), its CHECKs compiled here."""
    return checker(sql_type, compile_expr)


def _domain(expr: q.TDomain, recur: Recur) -> CompiledExpr:
    """CoerceToDomain: never folded (PostgreSQL's planner keeps it), so
    a constant's violation is raised when the statement runs. A literal
    of an array of a domain is checked by the array's input function
    (domain_in per element): its errors point at the literal."""
    arg = recur(expr.arg)
    if arg.error is not None:
        return arg
    check = domain_checker(expr.type.sql_type)
    inner = arg.fn
    literal = expr.arg
    while isinstance(literal, q.TCast):
        literal = literal.arg
    if expr.type.sql_type.is_array and isinstance(literal, q.TLiteral) \
            and literal.type == q.UNKNOWN:
        location = literal.location

        def coerce_literal(row, ctx):
            try:
                return check(inner(row, ctx), ctx)
            except SqlError as exc:
                raise _with_position(exc, location)
        return CompiledExpr(coerce_literal)

    def coerce(row, ctx):
        return check(inner(row, ctx), ctx)
    return CompiledExpr(coerce)


def _user_call(expr: TUserCall, recur: Recur) -> CompiledExpr:
    """A user function: run by the session (`ctx.routines`)."""
    nodes = _each(recur, expr.args)
    if isinstance(nodes, CompiledExpr):
        return nodes
    fns = tuple(n.fn for n in nodes)
    oid = expr.oid
    constant = all(n.constant for n in nodes)  # PostgreSQL would fold it
    return CompiledExpr(lambda row, ctx: ctx.routines.call(
        oid, [f(row, ctx) for f in fns], constant))


_COMPILERS: NodeCompilers = {
    TUserCall: _user_call,
    q.TDomain: _domain,
    q.TLiteral: _literal,
    q.TParam: _param,
    q.TColumn: _column,
    q.TCaseValue: _case_value,
    q.TCast: _cast,
    q.TOperator: _operator,
    q.TBool: _bool,
    q.TNullTest: _null_test,
    q.TBoolTest: _bool_test,
    q.TDistinct: _distinct,
    q.TScalarArray: _scalar_array,
    q.TCase: _case,
    q.TCoalesce: _coalesce,
    q.TNullIf: _nullif,
    q.TMinMax: _minmax,
    q.TArray: _array,
    q.TRow: _array,  # a tuple of its fields, as an array's items
    q.TField: _field,
    q.TCall: _call_or_sequence,
    q.TSubscript: _subscript,
    q.TSubscripts: _subscripts,
}
