"""pglast expression nodes → syntax IR (`twinning.ir.syntax`).

One function per pglast node type, looked up in a table; a node type with
no entry is outside the subset and raises `Unsupported` naming it. The
query parser supplies `convert_select` for subqueries, so this module knows
nothing about SELECT.
"""

from __future__ import annotations

from typing import Any, Callable

from pglast import ast
from pglast.enums import (A_Expr_Kind, BoolExprType, BoolTestType,
                          MinMaxOp, NullTestType, SubLinkType)

from twinning.values.bits import parse_bits
from twinning.ir import syntax as s
from twinning.passes.stack_depth import EXPRESSION, ascend, descend


NO_TOKEN = -2  # a Literal the grammar made up (no constant token in the text)


class Unsupported(Exception):
    """A construct outside the declared subset, with where it was written."""

    def __init__(self, construct: str, location: int = -1) -> None:
        super().__init__(construct)
        self.construct = construct
        self.location = location


def loc(node: Any) -> int:
    value = getattr(node, "location", None)
    return -1 if value is None else value


def names(nodes: Any) -> tuple[str, ...]:
    """A pglast name list (String nodes) as a tuple of str."""
    return tuple(n.sval for n in nodes or ())


def constant_text(value: Any, true: str = "on", false: str = "off") -> str | None:
    """A String, Integer, Float or Boolean node's text (a Boolean as
    `true`/`false`: SET's on/off, defGetString's true/false); None for
    any other node."""
    if isinstance(value, ast.String):
        return value.sval
    if isinstance(value, ast.Integer):
        return str(value.ival)
    if isinstance(value, ast.Float):
        return value.fval
    if isinstance(value, ast.Boolean):
        return true if value.boolval else false
    return None


def type_spec(node: ast.TypeName) -> s.TypeSpec:
    if node.setof or node.pct_type:
        raise Unsupported("%TYPE / SETOF type reference", loc(node))
    mods = []
    for mod in node.typmods or ():
        value = getattr(mod, "val", None)
        if not isinstance(value, ast.Integer):
            raise Unsupported("non-integer type modifier", loc(node))
        mods.append(value.ival)
    return s.TypeSpec(names(node.names), tuple(mods), bool(node.arrayBounds),
                      loc(node))


class ExprConverter:
    """Converts one statement's expressions; `select` handles subqueries."""

    def __init__(self, select: Callable[[Any], object] | None = None) -> None:
        self._select = select

    def __call__(self, node: Any) -> s.Expr:
        handler = _HANDLERS.get(type(node))
        if handler is None:
            raise Unsupported(_describe(node), loc(node))
        descend(EXPRESSION)  # PostgreSQL's stack depth limit (54001)
        try:
            return handler(self, node)
        finally:
            ascend(EXPRESSION)

    def many(self, nodes: Any) -> tuple[s.Expr, ...]:
        return tuple(self(n) for n in nodes or ())

    # -- leaves
    def a_const(self, node: ast.A_Const) -> s.Expr:
        if node.isnull:
            return s.Literal("null", None, loc(node))
        val = node.val
        if isinstance(val, ast.Integer):
            return s.Literal("integer", str(val.ival), loc(node))
        if isinstance(val, ast.Float):
            return s.Literal("numeric", val.fval, loc(node))
        if isinstance(val, ast.String):
            return s.Literal("string", val.sval, loc(node))
        if isinstance(val, ast.Boolean):
            return s.Literal("boolean", "true" if val.boolval else "false",
                             loc(node))
        if isinstance(val, ast.BitString):  # make_const: bit_in of B'…'/X'…'
            return s.Literal("bit", parse_bits(val.bsval), loc(node))
        raise Unsupported(f"constant {type(val).__name__}", loc(node))

    def column_ref(self, node: ast.ColumnRef) -> s.Expr:
        parts: list[str] = []
        star = False
        for f in node.fields:
            if isinstance(f, ast.A_Star):
                star = True
            else:
                parts.append(f.sval)
        return s.ColumnRef(tuple(parts), star, loc(node))

    def param_ref(self, node: ast.ParamRef) -> s.Expr:
        return s.Param(node.number, loc(node))

    def type_cast(self, node: ast.TypeCast) -> s.Expr:
        return s.Cast(self(node.arg), type_spec(node.typeName), loc(node))

    def func_call(self, node: ast.FuncCall) -> s.Expr:
        order = tuple(self.sort_by(o) for o in node.agg_order or ())
        filt = self(node.agg_filter) if node.agg_filter is not None else None
        args = self.many(node.args)
        if names(node.funcname) == ("pg_catalog", "extract") and args and \
                isinstance(args[0], s.Literal):
            # EXTRACT(field FROM …): the field is a keyword, not a constant
            # token; NO_TOKEN keeps literal relocation from counting it
            args = (s.Literal(args[0].kind, args[0].text, NO_TOKEN),) + args[1:]
        over = self.window_def(node.over) if node.over is not None else None
        return s.FuncCall(names(node.funcname), args,
                          bool(node.agg_star), bool(node.agg_distinct),
                          filt, order, loc(node), over,
                          bool(node.agg_within_group), bool(node.func_variadic))

    def window_def(self, node: ast.WindowDef) -> s.WindowDef:
        return s.WindowDef(
            node.name, node.refname, self.many(node.partitionClause),
            tuple(self.sort_by(o) for o in node.orderClause or ()),
            node.frameOptions,
            self(node.startOffset) if node.startOffset is not None else None,
            self(node.endOffset) if node.endOffset is not None else None,
            loc(node))

    def sort_by(self, node: ast.SortBy) -> s.SortBy:
        from pglast.enums import SortByDir, SortByNulls
        if node.useOp:
            raise Unsupported("ORDER BY … USING", loc(node))
        nulls = {SortByNulls.SORTBY_NULLS_FIRST: True,
                 SortByNulls.SORTBY_NULLS_LAST: False}.get(node.sortby_nulls)
        return s.SortBy(self(node.node),
                        node.sortby_dir == SortByDir.SORTBY_DESC, nulls,
                        loc(node))

    # -- operators
    def a_expr(self, node: ast.A_Expr) -> s.Expr:
        kind = node.kind
        op = names(node.name)[-1] if node.name else ""
        where = loc(node)
        if kind == A_Expr_Kind.AEXPR_OP:
            left = self(node.lexpr) if node.lexpr is not None else None
            return s.Operator(op, left, self(node.rexpr), where)
        if kind in (A_Expr_Kind.AEXPR_OP_ANY, A_Expr_Kind.AEXPR_OP_ALL):
            quant = "any" if kind == A_Expr_Kind.AEXPR_OP_ANY else "all"
            return s.Quantified(op, self(node.lexpr), quant, self(node.rexpr),
                                where)
        if kind in (A_Expr_Kind.AEXPR_DISTINCT, A_Expr_Kind.AEXPR_NOT_DISTINCT):
            return s.Distinct(self(node.lexpr), self(node.rexpr),
                              kind == A_Expr_Kind.AEXPR_NOT_DISTINCT, where)
        if kind == A_Expr_Kind.AEXPR_NULLIF:
            return s.NullIf(self(node.lexpr), self(node.rexpr), where)
        if kind == A_Expr_Kind.AEXPR_IN:
            return s.InList(self(node.lexpr), self.many(node.rexpr),
                            op == "<>", where)
        if kind in (A_Expr_Kind.AEXPR_LIKE, A_Expr_Kind.AEXPR_ILIKE):
            pattern, escape = node.rexpr, None
            if (isinstance(pattern, ast.FuncCall)
                    and names(pattern.funcname)[-1] == "like_escape"):
                pattern, escape = pattern.args
                escape = self(escape)
            return s.Like(self(node.lexpr), self(pattern),
                          kind == A_Expr_Kind.AEXPR_ILIKE, op.startswith("!"),
                          escape, where)
        if kind in (A_Expr_Kind.AEXPR_BETWEEN, A_Expr_Kind.AEXPR_NOT_BETWEEN,
                    A_Expr_Kind.AEXPR_BETWEEN_SYM,
                    A_Expr_Kind.AEXPR_NOT_BETWEEN_SYM):
            low, high = node.rexpr
            negated = kind in (A_Expr_Kind.AEXPR_NOT_BETWEEN,
                               A_Expr_Kind.AEXPR_NOT_BETWEEN_SYM)
            symmetric = kind in (A_Expr_Kind.AEXPR_BETWEEN_SYM,
                                 A_Expr_Kind.AEXPR_NOT_BETWEEN_SYM)
            return s.Between(self(node.lexpr), self(low), self(high), negated,
                             symmetric, where)
        if kind == A_Expr_Kind.AEXPR_SIMILAR:
            # `a SIMILAR TO b` is `a ~ similar_to_escape(b)` (or !~), typed
            # as any operator, as transformAExpr does
            return s.Operator(op, self(node.lexpr), self(node.rexpr), where)
        raise Unsupported(str(kind), where)

    def bool_expr(self, node: ast.BoolExpr) -> s.Expr:
        op = {BoolExprType.AND_EXPR: "and", BoolExprType.OR_EXPR: "or",
              BoolExprType.NOT_EXPR: "not"}[node.boolop]
        return s.BoolOp(op, self.many(node.args), loc(node))

    def null_test(self, node: ast.NullTest) -> s.Expr:
        if node.argisrow:
            pass  # row-wise IS NULL has the same meaning for scalars
        return s.NullTest(self(node.arg),
                          node.nulltesttype == NullTestType.IS_NOT_NULL,
                          loc(node))

    def boolean_test(self, node: ast.BooleanTest) -> s.Expr:
        test = {BoolTestType.IS_TRUE: "true", BoolTestType.IS_NOT_TRUE: "not true",
                BoolTestType.IS_FALSE: "false",
                BoolTestType.IS_NOT_FALSE: "not false",
                BoolTestType.IS_UNKNOWN: "unknown",
                BoolTestType.IS_NOT_UNKNOWN: "not unknown"}[node.booltesttype]
        return s.BoolTest(self(node.arg), test, loc(node))

    def case_expr(self, node: ast.CaseExpr) -> s.Expr:
        arg = self(node.arg) if node.arg is not None else None
        whens = tuple(s.When(self(w.expr), self(w.result)) for w in node.args)
        default = self(node.defresult) if node.defresult is not None else None
        return s.Case(arg, whens, default, loc(node))

    def coalesce(self, node: ast.CoalesceExpr) -> s.Expr:
        return s.Coalesce(self.many(node.args), loc(node))

    def min_max(self, node: ast.MinMaxExpr) -> s.Expr:
        op = "greatest" if node.op == MinMaxOp.IS_GREATEST else "least"
        return s.MinMax(op, self.many(node.args), loc(node))

    def sql_value(self, node: ast.SQLValueFunction) -> s.Expr:
        name = node.op.name.removeprefix("SVFOP_").lower()
        precision = None
        if name.endswith("_n"):
            name, precision = name[:-2], node.typmod
        return s.SqlValue(name, precision, loc(node))

    def collate(self, node: ast.CollateClause) -> s.Expr:
        """The twin compares in the C locale: COLLATE "C", "POSIX" and
        "default" change nothing; any other collation is refused."""
        name = names(node.collname)
        if name[-1] not in ("C", "POSIX", "default") or name[:-1] not in (
                (), ("pg_catalog",)):
            raise Unsupported(f'COLLATE "{name[-1]}"', loc(node))
        return self(node.arg)

    def indirection(self, node: ast.A_Indirection) -> s.Expr:
        out = self(node.arg)
        run: list[ast.A_Indices] = []
        for step in (*node.indirection, None):
            if isinstance(step, ast.A_Indices):
                run.append(step)
                continue
            if run:  # consecutive subscripts form one subscripting
                out = self._subscripts(out, run, loc(node.arg))
                run = []
            if isinstance(step, ast.String):  # (composite).field
                out = s.FieldSelect(out, step.sval, loc(node.arg))
            elif isinstance(step, ast.A_Star):  # (composite).*: a select list's
                out = s.FieldSelect(out, "*", loc(node.arg))
            elif step is not None:
                raise Unsupported("field selection", loc(node.arg))
        return out

    def _subscripts(self, arg: s.Expr, run: list, location: int) -> s.Expr:
        """One index: `Subscript`; several, or any slice: `Subscripts`."""
        if len(run) == 1 and not run[0].is_slice:
            return s.Subscript(arg, self(run[0].uidx), location)
        return s.Subscripts(
            arg, tuple(None if i.lidx is None else self(i.lidx) for i in run),
            tuple(None if i.uidx is None else self(i.uidx) for i in run),
            tuple(bool(i.is_slice) for i in run), location)

    def row_expr(self, node: ast.RowExpr) -> s.Expr:
        return s.Row(self.many(node.args), loc(node))

    def grouping_func(self, node: ast.GroupingFunc) -> s.Expr:
        return s.Grouping(self.many(node.args), loc(node))

    def array_expr(self, node: ast.A_ArrayExpr) -> s.Expr:
        return s.ArrayLit(self.many(node.elements), loc(node))

    def sub_link(self, node: ast.SubLink) -> s.Expr:
        if self._select is None:
            raise Unsupported("subquery", loc(node))
        kind = {SubLinkType.EXISTS_SUBLINK: "exists",
                SubLinkType.ANY_SUBLINK: "any",
                SubLinkType.ALL_SUBLINK: "all",
                SubLinkType.EXPR_SUBLINK: "expr",
                SubLinkType.ARRAY_SUBLINK: "array"}.get(node.subLinkType)
        if kind is None:
            raise Unsupported("row comparison subquery", loc(node))
        test = self(node.testexpr) if node.testexpr is not None else None
        op = names(node.operName)[-1] if node.operName else None
        return s.SubLink(kind, self._select(node.subselect), test, op, loc(node))

    def set_to_default(self, node: ast.SetToDefault) -> s.Expr:
        return s.SetToDefault(loc(node))

    def named_arg(self, node: ast.NamedArgExpr) -> s.Expr:
        return s.NamedArg(node.name, self(node.arg), loc(node))


_HANDLERS: dict[type, Callable[[ExprConverter, Any], s.Expr]] = {
    ast.A_Const: ExprConverter.a_const,
    ast.ColumnRef: ExprConverter.column_ref,
    ast.ParamRef: ExprConverter.param_ref,
    ast.TypeCast: ExprConverter.type_cast,
    ast.FuncCall: ExprConverter.func_call,
    ast.A_Expr: ExprConverter.a_expr,
    ast.BoolExpr: ExprConverter.bool_expr,
    ast.NullTest: ExprConverter.null_test,
    ast.BooleanTest: ExprConverter.boolean_test,
    ast.CaseExpr: ExprConverter.case_expr,
    ast.CoalesceExpr: ExprConverter.coalesce,
    ast.MinMaxExpr: ExprConverter.min_max,
    ast.SQLValueFunction: ExprConverter.sql_value,
    ast.A_ArrayExpr: ExprConverter.array_expr,
    ast.RowExpr: ExprConverter.row_expr,
    ast.GroupingFunc: ExprConverter.grouping_func,
    ast.A_Indirection: ExprConverter.indirection,
    ast.CollateClause: ExprConverter.collate,
    ast.SubLink: ExprConverter.sub_link,
    ast.SetToDefault: ExprConverter.set_to_default,
    ast.NamedArgExpr: ExprConverter.named_arg,
}

_NAMES = {
    "XmlExpr": "XML expression",
    "XmlSerialize": "XMLSERIALIZE",
}


def _describe(node: Any) -> str:
    name = type(node).__name__
    return _NAMES.get(name, f"expression {name}")
