"""Parse analysis of expressions: syntax IR → typed IR, as PostgreSQL 15's
transformExpr does it for the twin's subset.

`resolve_expr(node, scope, ctx)` types one expression. The rules are
PostgreSQL's, not approximations of them:

- literals: integers are int4/int8/numeric by size, decimals numeric,
  strings and NULL `unknown` (coerced later by whoever consumes them);
- operators and functions are chosen by PostgreSQL's candidate selection
  (exact match, implicit-coercion filter, most exact matches, preferred
  types, unknown-literal category rules, the "last gasp" heuristic) over
  the same candidates PostgreSQL has (`pg_data`), so the chosen overload,
  the 42883/42725 errors, their hints and positions match; a candidate
  the twin does not implement is refused with 0A000, never guessed;
- CASE, COALESCE, GREATEST/LEAST, ARRAY and IN use select_common_type and
  its 42804 `… types X and Y cannot be matched`;
- AND/OR/NOT/CASE WHEN/CHECK arguments go through coerce_to_boolean;
- BETWEEN is rewritten into comparisons exactly as transformAExprBetween;
- parameters take the type of the first context that coerces them, as
  variable parameters do (`TypingContext.params`).

Every typed node's `location` is PostgreSQL's exprLocation() of it (the
leftmost of an operator and its operands), which is where errors point.
Nothing here evaluates anything: folding happens in `compile`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import replace
import functools
from typing import Any, Callable, Sequence

from pglast.parser import parse_sql

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, UNDEFINED_OBJECT, SqlError, ambiguous_function,
    ambiguous_parameter, cannot_coerce, datatype_mismatch,
    feature_not_supported, function_not_unique, grouping_error,
    indeterminate_datatype, syntax_error, type_does_not_exist, type_modifier_not_allowed,
    undefined_function, undefined_object, undefined_parameter, windowing_error,
    wrong_object_type,
)
from twinning.ir import query as q
from twinning.ir import syntax as s
from twinning.ir.select import TSetCall, TSetCallRows
from twinning.passes import extensions
from twinning.passes.polling import poll_planning
from twinning.passes.expr import array_typing, pg_data, records, runtime
from twinning.passes.expr.registry import rows_result
from twinning.passes.expr.variadic import variadic_call
from twinning.passes.expr.scope import EMPTY, Scope
from twinning.passes.expr.walk import rebuild
from twinning.passes.expr.typmods import call_result, nullif_result
from twinning.passes.expr.types import (UNKNOWN, VECTORS, array_type,
                                        can_coerce, cast_context, element_type,
                                        category, display, display_type,
                                        element, is_array,
                                        key, key_of_pg, preferred,
                                        result_type)
from twinning.passes.lower_ddl import lower_type
from twinning.passes.resolve_types import cast_type
from twinning.passes.parse_expr import ExprConverter, Unsupported
from twinning.passes.expr.candidates import (Candidate, _consistent,  # noqa: F401
                                             _expand, select_candidate)
from twinning.passes import user_functions
from twinning.passes.user_functions import candidates_for, is_user_aggregate, typed_call

__all__ = ["TypingContext", "resolve_expr", "resolve_target",
           "coerce_to_boolean", "coerce_to_type", "figure_colname",
           "declared_type"]

TEXT = result_type("text")
BOOL = q.BOOL
INT4 = q.INT4


def pos(location: int | None) -> int | None:
    return location + 1 if location is not None and location >= 0 else None


def leftmost(*locations: int) -> int:
    found = [loc for loc in locations if loc is not None and loc >= 0]
    return min(found) if found else -1


class TypingContext:
    """What one statement's expressions share while being typed.

    `params` holds the parameter types, declared (Parse OIDs, PREPARE) or
    inferred so far (None: not known yet). `kind` names the clause for
    messages (`CHECK`, `WHERE`, …). `aggregate` is the read path's hook:
    called with the FuncCall of an aggregate and the scope, it returns the
    typed expression standing for the aggregate's result; without it an
    aggregate is refused (0A000). `aggregates` records every aggregate
    call met, in order, so a caller can plan them later. `sql_value` is
    the deparser's hook: given CURRENT_TIMESTAMP & co. and their typed
    call, it returns what stands for them (ruleutils prints the keyword).
    """

    def __init__(self, params: Sequence[q.ResultType | None] = (), *,
                 kind: str = "SELECT",
                 aggregate: Callable[[s.FuncCall, Scope, TypingContext],
                                     q.TExpr] | None = None,
                 sublink: Callable[[s.SubLink, Scope, TypingContext],
                                   q.TExpr] | None = None,
                 allow_params: bool = True,
                 sql_value: Callable[[s.SqlValue, q.TExpr], q.TExpr]
                 | None = None,
                 search_path: tuple[str, ...] = ("public",)) -> None:
        self.params: list[q.ResultType | None] = list(params)
        # where unqualified table names are looked for, in order (the
        # session's search_path; pg_catalog's relations are found apart)
        self.search_path = search_path
        self.allow_params = allow_params
        self.kind = kind
        self.aggregate = aggregate
        self.sublink = sublink
        self.sql_value = sql_value
        self.aggregates: list[s.FuncCall] = []
        # the read path's hook for a call with OVER (like `aggregate`)
        self.window: Callable[[s.FuncCall, Scope, TypingContext],
                              q.TExpr] | None = None
        # … and for GROUPING(…)
        self.grouping: Callable[[s.Grouping, Scope, TypingContext],
                                q.TExpr] | None = None
        # a clause that refuses set-returning calls as they are typed
        # (check_srf_call_placement), e.g. MERGE's "UPDATE"; None: allowed
        self.no_sets: str | None = None

    def param(self, number: int) -> q.ResultType | None:
        while len(self.params) < number:
            self.params.append(None)
        return self.params[number - 1]

    def infer_param(self, number: int, rtype: q.ResultType) -> None:
        known = self.param(number)
        if known is None or known == q.UNKNOWN:
            self.params[number - 1] = rtype
        elif known != rtype:
            raise ambiguous_parameter("inconsistent types deduced for parameter "
                                      f"${number}", detail=f"{display_type(known)} versus "
                                      f"{display_type(rtype)}")

    def final_param_types(self) -> tuple[q.ResultType, ...]:
        """The parameter types once typing is done (42P18 for a parameter
        nothing determined, as PostgreSQL's Parse/PREPARE)."""
        out = []
        for i, rtype in enumerate(self.params):
            if rtype is None or rtype == q.UNKNOWN:
                raise indeterminate_datatype("could not determine data type of "
                                             f"parameter ${i + 1}")
            out.append(rtype)
        return tuple(out)

    def finish(self, expr: q.TExpr) -> q.TExpr:
        """Give parameters still typed `unknown` in `expr` the type a later
        occurrence settled (check_variable_parameters)."""
        return _fix_params(expr, self)


def refusals(subquery_in: str, aggregates_in: str) -> dict[str, Callable]:
    """The `sublink` and `aggregate` hooks of a clause that allows neither
    (a DEFAULT, a CHECK, an index or partition key expression):
    transformSubLink's 0A000 "cannot use subquery in …" and
    check_agg_arguments' 42803 "aggregate functions are not allowed in …"."""
    def sublink(node: s.SubLink, scope: Any, ctx: TypingContext) -> Any:
        raise SqlError(FEATURE_NOT_SUPPORTED, f"cannot use subquery in {subquery_in}",
                       position=pos(node.location))

    def aggregate(node: s.FuncCall, scope: Any, ctx: TypingContext) -> Any:
        raise grouping_error(f"aggregate functions are not allowed in {aggregates_in}",
                             position=pos(node.location))
    return {"sublink": sublink, "aggregate": aggregate}


def _fix_params(value: Any, ctx: TypingContext) -> Any:
    def settle(node: Any) -> Any:
        if isinstance(node, q.TParam):
            known = ctx.param(node.number) if node.type == q.UNKNOWN else None
            return node if known is None else dataclasses.replace(node, type=known)
        return None
    return rebuild(value, settle)


def declared_type(spec: s.TypeSpec) -> q.ResultType:
    """A written type (PREPARE argument, cast target) as a ResultType."""
    internal = _internal_type(spec)
    if internal is not None:
        return internal
    if spec.names[-1] in ("void", "unknown") and len(spec.names) <= 2 \
            and not spec.typmods:
        raise feature_not_supported(f"type {spec.names[-1]} here",
                                    pos(spec.location))
    try:
        sql_type, serial = lower_type(spec)
    except Unsupported as exc:
        raise feature_not_supported(exc.construct,
                                    pos(exc.location)) from exc
    except SqlError as exc:  # not a built-in: the user's types
        found = cast_type(spec) if exc.sqlstate == UNDEFINED_OBJECT else None
        if found is None:
            raise
        return q.ResultType.of(found)
    if serial:
        raise type_does_not_exist(spec.names[-1], position=pos(spec.location))
    return q.ResultType.of(sql_type)


def _internal_type(spec: s.TypeSpec) -> q.ResultType | None:
    """The introspection types (`oid`, `name`, `"char"`, `regclass`, …):
    cast targets and parameter types, never column types."""
    from twinning.ir.types import BASE_TYPES, SqlType
    if len(spec.names) > 2 or (len(spec.names) == 2
                               and spec.names[0] != "pg_catalog"):
        return None
    base = BASE_TYPES.get(spec.names[-1])
    if base is None or not base.internal:
        return None
    if spec.typmods:
        raise type_modifier_not_allowed(spec.names[-1],
                                        position=pos(spec.location))
    if spec.array and not base.array_oid:
        raise undefined_object(f'could not find array type for data type '
                               f"{base.display}", position=pos(spec.location))
    return q.ResultType.of(SqlType(base.name, -1, spec.array))


# ---------------------------------------------------------------- candidates

def _build_operators() -> dict[tuple[str, bool], list[Candidate]]:
    out: dict[tuple[str, bool], list[Candidate]] = {}
    for op, left, right, result in pg_data.OPERATORS:
        prefix = left == ""
        args = (key_of_pg(right),) if prefix else (key_of_pg(left),
                                                   key_of_pg(right))
        out.setdefault((op, prefix), []).append(
            Candidate(op, args, key_of_pg(result)))
    return out


def _build_functions() -> tuple[dict[str, list[Candidate]], set[str]]:
    out: dict[str, list[Candidate]] = {}
    aggregates: set[str] = set()
    for name, args, result, variadic, kind, retset in pg_data.FUNCTIONS:
        if kind == "a":
            aggregates.add(name)
            continue
        _, defaults = pg_data.FUNCTION_ARGS.get(f"{name}({','.join(args)})",
                                                ((), ()))
        out.setdefault(name, []).append(Candidate(
            name, tuple(key_of_pg(a) for a in args), key_of_pg(result),
            variadic, defaults))
    return out, aggregates


# Sequence functions take regclass in PostgreSQL; the twin passes the name
# as text and resolves it at run time (system_ops registers these)
SEQUENCE_SIGNATURES = {
    ("nextval", 1): "nextval(text)", ("currval", 1): "currval(text)",
    ("setval", 2): "setval(text,int8)", ("setval", 3): "setval(text,int8,bool)",
    ("lastval", 0): "lastval()",
}
OPERATORS = _build_operators()
FUNCTIONS, AGGREGATES = _build_functions()
ORDERED_SET_NAMES = frozenset(row[0] for row in
                              pg_data.ORDERED_SET_AGGREGATES)
# pg_proc's window functions (prokind 'w'); rank() & co. are also
# hypothetical-set aggregates, so only the rest land on this check
WINDOW_FUNCTIONS = frozenset(("row_number", "rank", "dense_rank", "percent_rank", "cume_dist",
                             "ntile", "lag", "lead", "first_value", "last_value", "nth_value"))
# ---------------------------------------------------------------- coercion

def _strip_typmod(rtype: q.ResultType) -> q.ResultType:
    if rtype.typmod < 0 or rtype.sql_type is None:
        return rtype
    st = rtype.sql_type
    return q.ResultType.of(type(st)(st.name, -1, st.is_array))


def can_coerce_expr(expr: q.TExpr, target: q.ResultType,
                    context: str = "i") -> bool:
    rows = records.coercible(expr, target) if key(target) == "record" else None
    return can_coerce(key(expr.type), key(target), context) if rows is None \
        else rows


def coerce_to_type(expr: q.TExpr, target: q.ResultType, ctx: TypingContext,
                   context: str = "i", location: int = -1,
                   explicit: bool = False) -> q.TExpr:
    """coerce_type() (+ typmod coercion) assuming the coercion exists."""
    source = expr.type
    if source == target:
        return expr
    if source == q.UNKNOWN:
        if isinstance(expr, q.TParam):
            base = _strip_typmod(target)
            ctx.infer_param(expr.number, base)
            expr = q.TParam(expr.number, base, expr.location)
            if base == target:
                return expr
            return q.TCast(expr, target, expr.location, explicit)
        # an unknown literal: its input function runs on the text
        return q.TCast(expr, target, expr.location, explicit)
    if key(source) == "record" and key(target) == "record":
        row = records.coerce_row(expr, target, ctx, location, coerce_to_type,
                                 can_coerce_expr)
        if row is not None:  # ROW(…) to a named composite, field by field
            return row
    if key(source) == key(target) and target.typmod < 0:
        # same type, dropping a typmod: a relabel, nothing to run
        return q.TCast(expr, target, expr.location, False)
    return q.TCast(expr, target, leftmost(location, expr.location), explicit)


def coerce_to_domain(expr: q.TExpr, target: q.ResultType) -> q.TExpr:
    """CoerceToDomain over a value already of the domain's base type
    (nothing to check when it is of that domain already)."""
    have = expr.type.sql_type
    if have is not None and have.domain is not None and \
            have.domain.oid == target.sql_type.domain.oid and \
            have.is_array == target.sql_type.is_array:
        return expr
    return q.TDomain(expr, target, expr.location)


def resolve_filter(node: Any, level: Any, ctx: TypingContext) -> q.TExpr | None:
    """An aggregate's FILTER (WHERE …), None when it has none: resolved
    with its level marked as inside FILTER, then coerced to boolean."""
    if node is None:
        return None
    level.agg_clause = "FILTER"
    try:
        return coerce_to_boolean(resolve_expr(node, level, ctx), "FILTER", ctx)
    finally:
        level.agg_clause = None


def coerce_to_boolean(expr: q.TExpr, construct: str,
                      ctx: TypingContext) -> q.TExpr:
    """coerce_to_boolean(): 42804 unless the argument is (coercible to)
    boolean."""
    return _coerce_or_raise(expr, BOOL, ctx, lambda: datatype_mismatch(
        f"argument of {construct} must be type boolean, not type "
        f"{display_type(expr.type)}", position=pos(expr.location)))


def _coerce_or_raise(expr: q.TExpr, target: q.ResultType, ctx: TypingContext,
                     failure: Callable[[], Exception]) -> q.TExpr:
    """`expr` coerced to `target`; failure()'s error when it cannot be."""
    if expr.type == target:
        return expr
    if not can_coerce_expr(expr, target):
        raise failure()
    return coerce_to_type(expr, target, ctx)


def select_common_type(exprs: Sequence[q.TExpr], construct: str | None
                       ) -> q.ResultType | None:
    """select_common_type(); None (construct None) instead of an error."""
    first = exprs[0].type
    if first != q.UNKNOWN and all(e.type == first for e in exprs[1:]):
        return first
    ptype = key(first)
    prtype = first
    pcat = category(ptype)
    ppref = preferred(ptype)
    for e in exprs[1:]:
        ntype = key(e.type)
        if ntype == UNKNOWN or ntype == ptype:
            continue
        ncat = category(ntype)
        if ptype == UNKNOWN:
            ptype, prtype, pcat, ppref = ntype, e.type, ncat, preferred(ntype)
        elif ncat != pcat:
            if construct is None:
                return None
            raise datatype_mismatch(f"{construct} types {display(ptype)} and "
                                    f"{display(ntype)} cannot be matched",
                                    position=pos(e.location))
        elif not ppref and can_coerce(ptype, ntype) and \
                not can_coerce(ntype, ptype):
            ptype, prtype, pcat, ppref = ntype, e.type, ncat, preferred(ntype)
    if ptype == UNKNOWN:
        return TEXT
    rtype = result_type(ptype)
    if rtype is None and prtype.sql_type is not None:  # a user enum
        rtype = q.ResultType.of(replace(prtype.sql_type, typmod=-1))
    if rtype is None:
        raise feature_not_supported(f"values of type {display(ptype)}")
    # a typmod survives only when every input has it (an unknown literal
    # coerced to the type has none: select_common_typmod)
    if all(e.type == prtype for e in exprs):
        return prtype
    return rtype


def coerce_to_common_type(expr: q.TExpr, target: q.ResultType,
                          construct: str, ctx: TypingContext) -> q.TExpr:
    return _coerce_or_raise(expr, target, ctx, lambda: cannot_coerce(
        f"{construct} could not convert type {display_type(expr.type)} to "
        f"{display_type(target)}", position=pos(expr.location)))


_COERCIONS = array_typing.Coercions(can_coerce_expr, coerce_to_type,
                                    select_common_type, coerce_to_common_type)


# ---------------------------------------------------------------- the walker

def resolve_expr(node: s.Expr, scope: Scope = EMPTY,
                 ctx: TypingContext | None = None) -> q.TExpr:
    """Type one expression (its result may still be `unknown`)."""
    poll_planning()  # thousands of VALUES rows: a cancel point per cell
    return _Resolver(scope, ctx or TypingContext()).expr(node)


def resolve_target(node: s.Expr, scope: Scope, ctx: TypingContext
                   ) -> q.TExpr:
    """A SELECT output expression: unknown results become text."""
    expr = resolve_expr(node, scope, ctx)
    if expr.type == q.UNKNOWN:
        expr = coerce_to_type(expr, TEXT, ctx)
    return expr


_LIKE_OPS = {(False, False): "~~", (False, True): "!~~",
             (True, False): "~~*", (True, True): "!~~*"}


class _Resolver:
    def __init__(self, scope: Scope, ctx: TypingContext) -> None:
        self.scope = scope
        self.ctx = ctx

    def expr(self, node: s.Expr) -> q.TExpr:
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            raise feature_not_supported(
                f"expression {type(node).__name__}",
                pos(getattr(node, "location", -1)))
        return method(node)

    # -- leaves
    def _Literal(self, node: s.Literal) -> q.TExpr:
        return q.TLiteral(node.kind, node.text, literal_type(node),
                          node.location)

    def _Param(self, node: s.Param) -> q.TExpr:
        if not self.ctx.allow_params:
            raise undefined_parameter(f"there is no parameter ${node.number}",
                                      position=pos(node.location))
        known = self.ctx.param(node.number)
        return q.TParam(node.number, known or q.UNKNOWN, node.location)

    def _ColumnRef(self, node: s.ColumnRef) -> q.TExpr:
        if node.star and len(node.parts) == 1:  # t.*: t's whole row
            whole = self.expr(s.ColumnRef(node.parts, False, node.location))
            if isinstance(whole, q.TRow):
                return whole
        if node.star:
            raise feature_not_supported("* in an expression",
                                        pos(node.location))
        binding = self.scope.lookup(node.parts, node.location)
        if binding.expr is not None:
            return binding.expr
        return q.TColumn(binding.slot, binding.name, binding.type,
                         node.location)

    def _SetToDefault(self, node: s.SetToDefault) -> q.TExpr:
        raise syntax_error("DEFAULT is not allowed in this context",
                           position=pos(node.location))

    def _Grouping(self, node: s.Grouping) -> q.TExpr:
        if self.ctx.grouping is None:
            raise feature_not_supported("GROUPING()", pos(node.location))
        return self.ctx.grouping(node, self.scope, self.ctx)

    def _SubLink(self, node: s.SubLink) -> q.TExpr:
        if self.ctx.sublink is None:
            raise feature_not_supported("subquery in an expression",
                                        pos(node.location))
        return self.ctx.sublink(node, self.scope, self.ctx)

    # -- casts
    def _Cast(self, node: s.Cast) -> q.TExpr:
        target = declared_type(node.type)
        if isinstance(node.arg, s.ArrayLit) and target.sql_type is not None \
                and target.sql_type.is_array:
            arg = self._array(node.arg, target)
        else:
            arg = self.expr(node.arg)
        return self.cast(arg, target, node.location)

    def cast(self, arg: q.TExpr, target: q.ResultType,
             location: int) -> q.TExpr:
        if target.sql_type is not None and target.sql_type.domain is not None:
            return coerce_to_domain(self.cast(arg, q.ResultType.of(
                target.sql_type.without_domain), location), target)
        source = key(arg.type)
        if source != UNKNOWN and cast_context(source, key(target)) is None:
            raise cannot_coerce(f"cannot cast type "
                                f"{display_type(arg.type)} to "
                                f"{display_type(target)}", position=pos(location))
        if source != UNKNOWN and arg.type == target:
            return arg
        runtime.check_cast(arg.type, target, pos(location))
        return coerce_to_type(arg, target, self.ctx, "e", location,
                              explicit=True)

    # -- operators
    def _Operator(self, node: s.Operator) -> q.TExpr:
        if isinstance(node.left, s.Row) and isinstance(node.right, s.Row):
            return self.row_comparison(node.op, node.left.items,
                                       node.right.items, node.location)
        if isinstance(node.left, s.Row) and isinstance(node.right, s.SubLink) \
                and node.right.kind == "expr":
            # row op (SELECT …): a ROWCOMPARE sublink (transformAExprOp)
            return self._SubLink(s.SubLink("rowcompare", node.right.select,
                                           node.left, node.op, node.location))
        right = self.expr(node.right)
        left = self.expr(node.left) if node.left is not None else None
        return self.operator(node.op, left, right, node.location)

    def operator(self, op: str, left: q.TExpr | None, right: q.TExpr,
                 location: int) -> q.TExpr:
        cand, declared = self.find_operator(op, left, right, location)
        return self.make_op(op, cand, declared, left, right, location)

    def find_operator(self, op: str, left: q.TExpr | None, right: q.TExpr,
                      location: int) -> tuple[Candidate, tuple[str, ...]]:
        prefix = left is None
        inputs = [key(right.type)] if prefix else [key(left.type),
                                                   key(right.type)]
        candidates = OPERATORS.get((op, prefix))
        if candidates is None:
            if op in pg_data.OPERATOR_SYMBOLS:
                raise feature_not_supported(f"operator {op}", pos(location))
            raise _no_operator(op, left, right, location)
        # binary_oper_exact(): an unknown side takes the other side's type
        probe = list(inputs)
        if not prefix:
            if probe[0] == UNKNOWN and probe[1] != UNKNOWN:
                probe[0] = probe[1]
            elif probe[1] == UNKNOWN and probe[0] != UNKNOWN:
                probe[1] = probe[0]
        for cand in candidates:
            if list(cand.args) == probe:
                return cand, cand.args
        found, ambiguous = select_candidate(inputs, candidates)
        if len(found) == 1:
            return found[0]
        if ambiguous:
            raise ambiguous_function(f"operator is not unique: "
                                     f"{_op_signature(op, left, right)}",
                                     hint="Could not choose a best candidate operator. "
                                     "You might need to add explicit type casts.",
                                     position=pos(location))
        raise _no_operator(op, left, right, location)

    def make_op(self, op: str, cand: Candidate, declared: tuple[str, ...],
                left: q.TExpr | None, right: q.TExpr,
                location: int) -> q.TExpr:
        operands = [right] if left is None else [left, right]
        impl, result, targets = runtime.operator_impl(
            op, cand.args, cand.result, [o.type for o in operands])
        if impl is None:
            shown = " ".join(display(a) for a in cand.args)
            raise feature_not_supported(
                f"operator {op} on {' and '.join(display(a) for a in cand.args)}"
                if left is not None else f"operator {op} {shown}",
                pos(location))
        coerced = [coerce_to_type(o, t, self.ctx) for o, t in
                   zip(operands, targets)]
        where = leftmost(location, *(o.location for o in coerced))
        if left is None:
            return q.TOperator(op, None, coerced[0], result, where, impl)
        return q.TOperator(op, coerced[0], coerced[1], result, where, impl)

    def _BoolOp(self, node: s.BoolOp) -> q.TExpr:
        construct = node.op.upper()
        args = tuple(coerce_to_boolean(self.expr(a), construct, self.ctx)
                     for a in node.args)
        return q.TBool(node.op, args,
                       leftmost(node.location, *(a.location for a in args)))

    def _NullTest(self, node: s.NullTest) -> q.TExpr:
        if isinstance(node.arg, s.Row):
            # a row IS NULL when every field is, IS NOT NULL when none is
            tests = tuple(q.TNullTest(self.expr(item), node.negated,
                                      node.location)
                          for item in node.arg.items)
            if not tests:  # ROW(): both, vacuously
                return q.TLiteral("boolean", "true", BOOL, node.location)
            return q.TBool("and", tests, node.location) if len(tests) > 1 \
                else tests[0]
        arg = self.expr(node.arg)
        return q.TNullTest(arg, node.negated,
                           leftmost(node.location, arg.location))

    def _BoolTest(self, node: s.BoolTest) -> q.TExpr:
        arg = coerce_to_boolean(self.expr(node.arg), "IS " + node.test.upper(),
                                self.ctx)
        return q.TBoolTest(arg, node.test, leftmost(node.location,
                                                    arg.location))

    def _Distinct(self, node: s.Distinct) -> q.TExpr:
        # transformAExprDistinct(): against an undecorated NULL literal it
        # is a NullTest of the other side (what ruleutils prints back)
        for bare, other in ((node.right, node.left), (node.left, node.right)):
            if isinstance(bare, s.Literal) and bare.kind == "null":
                if isinstance(other, s.Row):  # a row value is never NULL
                    for item in other.items:  # (argisrow = false)
                        self.expr(item)
                    return q.TLiteral("boolean", "false" if node.negated
                                      else "true", BOOL, node.location)
                return q.TNullTest(self.expr(other), not node.negated,
                                   node.location)
        if isinstance(node.left, s.Row) and isinstance(node.right, s.Row):
            return self.row_distinct(node)
        _, made = self._boolean_equality(node, "IS DISTINCT FROM")
        return q.TDistinct(made.left, made.right, node.negated, made.impl,
                           made.location)

    def row_distinct(self, node: s.Distinct) -> q.TExpr:
        """make_row_distinct_op(): the columns' IS DISTINCT FROM ORed
        (constant false for zero columns), under NOT for NOT DISTINCT."""
        left, right = node.left.items, node.right.items
        if len(left) != len(right):
            raise syntax_error("unequal number of entries in row "
                               "expressions", position=pos(node.location))
        parts = tuple(self._Distinct(s.Distinct(a, b, False, node.location))
                      for a, b in zip(left, right))
        if not parts:
            result: q.TExpr = q.TLiteral("boolean", "false", BOOL,
                                         node.location)
        else:
            result = parts[0] if len(parts) == 1 else q.TBool(
                "or", parts, node.location)
        if node.negated:
            return q.TBool("not", (result,), node.location)
        return result

    def _NullIf(self, node: s.NullIf) -> q.TExpr:
        left, made = self._boolean_equality(node, "NULLIF")
        return q.TNullIf(made.left, made.right, made.impl,
                         nullif_result(left, made.left), made.location)

    def _boolean_equality(self, node: s.Distinct | s.NullIf, construct: str
                          ) -> tuple[q.TExpr, q.TOperator]:
        """make_distinct_op() / NULLIF's: (the left operand as analyzed,
        the = operator between the two, which must yield boolean)."""
        left, right = self.expr(node.left), self.expr(node.right)
        made = self.operator("=", left, right, node.location)
        assert isinstance(made, q.TOperator)
        if made.type != BOOL:
            raise datatype_mismatch(f"{construct} requires = operator to yield "
                                    "boolean", position=pos(node.location))
        return left, made

    def _Between(self, node: s.Between) -> q.TExpr:
        a, lo, hi, where = node.arg, node.low, node.high, node.location

        def op(name, x, y):
            return s.Operator(name, x, y, where)

        def both(kind, x, y):
            return s.BoolOp(kind, (x, y), where)
        if not node.negated and not node.symmetric:
            rewritten = both("and", op(">=", a, lo), op("<=", a, hi))
        elif node.negated and not node.symmetric:
            rewritten = both("or", op("<", a, lo), op(">", a, hi))
        elif not node.negated:
            rewritten = both("or", both("and", op(">=", a, lo), op("<=", a, hi)),
                             both("and", op(">=", a, hi), op("<=", a, lo)))
        else:
            rewritten = both("and", both("or", op("<", a, lo), op(">", a, hi)),
                             both("or", op("<", a, hi), op(">", a, lo)))
        return self.expr(rewritten)

    def _Like(self, node: s.Like) -> q.TExpr:
        pattern = node.pattern
        if node.escape is not None:
            pattern = s.FuncCall(("pg_catalog", "like_escape"),
                                 (node.pattern, node.escape),
                                 location=node.location)
        op = _LIKE_OPS[(node.case_insensitive, node.negated)]
        return self.expr(s.Operator(op, node.arg, pattern, node.location))

    def _Subscript(self, node: s.Subscript) -> q.TExpr:
        arg = self.expr(node.arg)
        if not (is_array(key(arg.type)) or key(arg.type) in VECTORS):
            raise datatype_mismatch("cannot subscript type "
                                    f"{display_type(arg.type)} because it does not "
                                    "support subscripting",
                                    position=pos(leftmost(node.location, arg.location)))
        index = self.expr(node.index)
        if not can_coerce_expr(index, INT4):
            raise datatype_mismatch("array subscript must have type integer",
                                    position=pos(index.location))
        return q.TSubscript(arg, coerce_to_type(index, INT4, self.ctx),
                            element_type(arg.type),
                            node.location)

    def _Subscripts(self, node: s.Subscripts) -> q.TExpr:
        return array_typing.subscripts(self, node, _COERCIONS)

    def _Row(self, node: s.Row) -> q.TExpr:
        return records.row(self, node, coerce_to_type)

    def _FieldSelect(self, node: s.FieldSelect) -> q.TExpr:
        return records.field_select(self, node)

    def row_comparison(self, op: str, left: Sequence[s.Expr],
                       right: Sequence[s.Expr], location: int) -> q.TExpr:
        """make_row_comparison_op() for = and <> (AND / OR of the
        column-wise comparisons); ordering comparisons of rows are
        outside the subset."""
        if len(left) != len(right):
            raise syntax_error("unequal number of entries in row "
                               "expressions", position=pos(location))
        if not left:
            raise SqlError(FEATURE_NOT_SUPPORTED, "cannot compare rows of zero length",
                                         position=pos(location))
        if op not in ("=", "<>", "<", "<=", ">", ">="):
            raise feature_not_supported(f"row comparison with {op}",
                                        pos(location))
        pairs = [(self.expr(l), self.expr(r)) for l, r in zip(left, right)]

        def compare(operator: str, pair) -> q.TExpr:
            cmp = self.operator(operator, pair[0], pair[1], location)
            if cmp.type != BOOL:
                raise datatype_mismatch("row comparison operator must yield "
                                        f"type boolean, not type "
                                        f"{display_type(cmp.type)}",
                                        position=pos(location))
            return cmp

        if len(pairs) == 1:
            return compare(op, pairs[0])
        where = leftmost(location, *(e.location for p in pairs for e in p))
        if op in ("=", "<>"):
            return q.TBool("and" if op == "=" else "or",
                           tuple(compare(op, p) for p in pairs), where)
        # RowCompareExpr: the first unequal column decides; as a formula
        # a < c OR (a = c AND (b < d ...)), with the last column's own op
        strict = op[0]
        result = compare(op, pairs[-1])
        for pair in reversed(pairs[:-1]):
            result = q.TBool("or", (compare(strict, pair), q.TBool(
                "and", (compare("=", pair), result), where)), where)
        return result

    def _InList(self, node: s.InList) -> q.TExpr:
        if isinstance(node.arg, s.Row):
            op = "<>" if node.negated else "="
            parts = []
            for item in node.items:
                items = item.items if isinstance(item, s.Row) else (item,)
                parts.append(self.row_comparison(op, node.arg.items, items,
                                                 node.location))
            if len(parts) == 1:
                return parts[0]
            return q.TBool("and" if node.negated else "or", tuple(parts),
                           node.location)
        op = "<>" if node.negated else "="
        left = self.expr(node.arg)
        items = [self.expr(i) for i in node.items]
        consts = [i for i in items if not _has_columns(i)]
        variables = [i for i in items if _has_columns(i)]
        result: q.TExpr | None = None
        rest = items
        if len(consts) > 1:
            common = select_common_type([left] + consts, None)
            if common is not None and all(
                    can_coerce_expr(e, common) for e in [left] + consts):
                array_type = q.ResultType.of(common.sql_type.array_of()) \
                    if common.sql_type is not None else None
                if array_type is not None:
                    elems = tuple(coerce_to_common_type(e, common, "IN",
                                                        self.ctx)
                                  for e in consts)
                    array = q.TArray(elems, array_type, node.location)
                    result = self.scalar_array(op, left, array, not node.negated,
                                               node.location)
                    rest = variables
        for item in rest:
            cmp = coerce_to_boolean(self.operator(op, left, item, node.location),
                                    "IN", self.ctx)
            if result is None:
                result = cmp
            else:
                kind = "and" if node.negated else "or"
                result = q.TBool(kind, (result, cmp),
                                 leftmost(node.location, result.location))
        assert result is not None
        return result

    def _Quantified(self, node: s.Quantified) -> q.TExpr:
        left = self.expr(node.left)
        right = self.expr(node.right)
        return self.scalar_array(node.op, left, right,
                                 node.quantifier == "any", node.location)

    def scalar_array(self, op: str, left: q.TExpr, right: q.TExpr,
                     use_or: bool, location: int) -> q.TExpr:
        rkey = key(right.type)
        if rkey == UNKNOWN:
            element_expr: q.TExpr = right
        elif is_array(rkey):
            element_expr = q.TCaseValue(element_type(right.type))
        else:
            raise wrong_object_type("op ANY/ALL (array) requires array on "
                                    "right side", position=pos(location))
        probe = element_expr if not isinstance(element_expr, q.TCaseValue) \
            else _Typed(element_expr.type, right.location)
        cand, declared = self.find_operator(op, left, probe, location)
        impl, result, targets = runtime.operator_impl(
            op, cand.args, cand.result, [left.type, probe.type])
        if impl is None:
            raise feature_not_supported(f"operator {op} on "
                                        f"{display(cand.args[0])}",
                                        pos(location))
        if result != BOOL:
            raise wrong_object_type("op ANY/ALL (array) requires operator to "
                                    "yield boolean", position=pos(location))
        array_type = q.ResultType.of(targets[1].sql_type.array_of())
        left = coerce_to_type(left, targets[0], self.ctx)
        if right.type != array_type:
            if not can_coerce_expr(right, array_type):
                raise _no_operator(op, left, right, location)
            right = coerce_to_type(right, array_type, self.ctx)
        return q.TScalarArray(op, impl, left, right, use_or,
                              leftmost(location, left.location,
                                       right.location))

    # -- conditional
    def _Case(self, node: s.Case) -> q.TExpr:
        arg = None
        if node.arg is not None:
            arg = self.expr(node.arg)
            if arg.type == q.UNKNOWN:
                arg = coerce_to_common_type(arg, TEXT, "CASE", self.ctx)
        conditions = []
        results = []
        for when in node.whens:
            if arg is not None:
                placeholder = _Typed(arg.type, -1)
                value = self.expr(when.condition)
                cond = self.operator("=", placeholder, value,
                                     getattr(when.condition, "location", -1))
                cond = _replace_placeholder(cond, placeholder,
                                            q.TCaseValue(arg.type))
            else:
                cond = self.expr(when.condition)
            conditions.append(coerce_to_boolean(cond, "CASE/WHEN", self.ctx))
            results.append(self.expr(when.result))
        if node.default is not None:
            default = self.expr(node.default)
        else:
            default = q.TLiteral("null", None, q.UNKNOWN, -1)
        rtype = select_common_type([default] + results, "CASE")
        default = coerce_to_common_type(default, rtype, "CASE", self.ctx)
        results = [coerce_to_common_type(r, rtype, "CASE", self.ctx)
                   for r in results]
        whens = tuple(q.TWhen(c, r) for c, r in zip(conditions, results))
        return q.TCase(arg, whens, default, rtype, node.location)

    def _Coalesce(self, node: s.Coalesce) -> q.TExpr:
        args = [self.expr(a) for a in node.args]
        rtype = select_common_type(args, "COALESCE")
        args = [coerce_to_common_type(a, rtype, "COALESCE", self.ctx)
                for a in args]
        return q.TCoalesce(tuple(args), rtype, node.location)

    def _MinMax(self, node: s.MinMax) -> q.TExpr:
        construct = node.op.upper()
        args = [self.expr(a) for a in node.args]
        rtype = select_common_type(args, construct)
        args = [coerce_to_common_type(a, rtype, construct, self.ctx)
                for a in args]
        impl = runtime.comparison_impl(key(rtype))
        if impl is None and key(rtype) not in _UNORDERED:
            raise feature_not_supported(f"{construct} of type "
                                        f"{display_type(rtype)}",
                                        pos(node.location))
        if impl is None:  # raised when the executor starts: no position
            raise undefined_function("could not identify a comparison function "
                                     f"for type {display_type(rtype)}")
        return q.TMinMax(node.op, tuple(args), impl, rtype, node.location)

    def _ArrayLit(self, node: s.ArrayLit) -> q.TExpr:
        return self._array(node, None)

    def _array(self, node: s.ArrayLit, target: q.ResultType | None) -> q.TExpr:
        if array_typing.is_multidim(node):
            return array_typing.array_expr(self, node, target, _COERCIONS)
        items = [self.expr(i) for i in node.items]
        if array_typing.is_multidim(node, items):
            return array_typing.array_expr(self, node, target, _COERCIONS,
                                           items)
        if target is not None:
            elem = q.ResultType.of(target.sql_type.element)
            return q.TArray(array_typing.explicit_items(
                items, elem, coerce_to_type, self.ctx),
                q.ResultType.of(target.sql_type), node.location)
        if not items:
            raise indeterminate_datatype("cannot determine type of empty array",
                                         hint="Explicitly cast to the desired type, for "
                                         "example ARRAY[]::integer[].",
                                         position=pos(node.location))
        elem = select_common_type(items, "ARRAY")
        if elem.sql_type is None or elem.sql_type.is_array:
            raise feature_not_supported("ARRAY[] of this type",
                                        pos(node.location))
        items = [coerce_to_common_type(i, elem, "ARRAY", self.ctx)
                 for i in items]
        return q.TArray(tuple(items), q.ResultType.of(elem.sql_type.array_of()),
                        node.location)

    # -- functions
    def _SqlValue(self, node: s.SqlValue) -> q.TExpr:
        typed = self._sql_value_call(node)
        if self.ctx.sql_value is not None:
            return self.ctx.sql_value(node, typed)
        return typed

    def _sql_value_call(self, node: s.SqlValue) -> q.TExpr:
        entry = SQL_VALUES.get(node.name)
        if entry is None:
            raise feature_not_supported(node.name.upper(), pos(node.location))
        function, rtype = entry
        if node.precision is not None:
            if node.name not in ("current_timestamp", "localtimestamp",
                                 "current_time", "localtime"):
                raise feature_not_supported(f"{node.name.upper()}(n)",
                                            pos(node.location))
            sql_type = rtype.sql_type
            precision = min(node.precision, 6)
            call = q.TCall(function, (), rtype, node.location)
            return q.TCast(call, q.ResultType.of(type(sql_type)(
                sql_type.name, precision)), node.location, False)
        return q.TCall(function, (), rtype, node.location)

    def _FuncCall(self, node: s.FuncCall) -> q.TExpr:
        name = node.name[-1]
        schema = node.name[0] if len(node.name) > 1 else None
        shown_name = ".".join(node.name)
        builtin = schema in (None, "pg_catalog") and len(node.name) <= 2
        if node.variadic:
            return variadic_call(self, node, builtin, coerce_to_type,
                                 can_coerce_expr)
        if node.over is not None:
            return self.window(node)
        if builtin and (name in AGGREGATES or name in ORDERED_SET_NAMES and (
                node.within_group or node.args or
                name not in WINDOW_FUNCTIONS)):
            return self.aggregate(node)
        if node.within_group:  # no aggregate of the name
            args = [self.expr(a) for a in node.args] + [
                self.expr(o.expr) for o in node.order_by]
            raise _no_function(shown_name, args, node.location)
        if builtin and name in WINDOW_FUNCTIONS:
            raise wrong_object_type(f"window function {name} requires an "
                                    "OVER clause", position=pos(node.location))
        if (node.star or node.distinct or node.filter is not None
                or node.order_by) and not is_user_aggregate(node.name):
            what = ("*" if node.star else "DISTINCT" if node.distinct else
                    "FILTER" if node.filter is not None else "ORDER BY")
            if builtin and name in pg_data.AGGREGATE_NAMES:
                raise feature_not_supported(f"aggregate function {name}",
                                            pos(node.location))
            if builtin and name in pg_data.PROC_NAMES:
                raise wrong_object_type(f"{what} specified, but {name} is "
                                        "not an aggregate function",
                                        position=pos(node.location))
            raise feature_not_supported(f"{what} in a call of {shown_name}",
                                        pos(node.location))
        signature = SEQUENCE_SIGNATURES.get((name, len(node.args)))
        if builtin and signature is not None:
            return self._sequence_call(node, signature)
        names = _argument_names(node.args)
        args = [self.expr(a.arg if isinstance(a, s.NamedArg) else a)
                for a in node.args]
        candidates = extensions.merged(node.name, FUNCTIONS.get(name) if
                                       builtin else None, Candidate)
        user = candidates_for(node.name)  # None: no user function of the name
        if user is not None and (found := typed_call(
                self, node, args, names, user, candidates)) is not None:
            return found
        if candidates is None:
            if builtin and name in pg_data.PROC_NAMES:
                raise feature_not_supported(f"function {name}()",
                                            pos(node.location))
            raise _no_function(shown_name, args, node.location, names)
        inputs = [key(a.type) for a in args]
        positions = None  # each argument's parameter, for a named call
        if any(names):
            placed = {}
            for c in candidates:
                where = _match_named(c, names)
                if where is not None:
                    placed[Candidate(name, tuple(c.args[i] for i in where),
                                     c.result)] = (c, where)
            found, ambiguous = select_candidate(inputs, list(placed))
            if len(found) == 1:
                (cand, positions), declared = placed[found[0][0]], found[0][1]
                found = [(cand, declared)]
        else:
            exact = [c for c in candidates
                     if not c.variadic and list(c.args) == inputs]
            if exact:
                found = [(exact[0], exact[0].args)]
                ambiguous = False
            else:
                found, ambiguous = select_candidate(inputs, candidates)
        if len(found) != 1:
            if ambiguous:
                raise function_not_unique(
                    f"{shown_name}({_arg_list(args, names)})", pos(node.location))
            raise _no_function(shown_name, args, node.location, names)
        cand, declared = found[0]
        impl = runtime.function_impl(cand.signature())
        set_returning = runtime.set_returning(cand.signature()) is not None
        if impl is None and not set_returning:
            raise feature_not_supported(
                f"function {name}({', '.join(display(a) for a in cand.args)})",
                pos(node.location))
        targets = []
        poly_element: q.ResultType | None = None
        compat = _compatible_type(args, declared)
        for arg, want in zip(args, declared):
            if want in _COMPATIBLE:
                if compat is None:
                    raise _no_function(shown_name, args, node.location, names)
                targets.append(result_type(compat + "[]") if want ==
                               "anycompatiblearray" else result_type(compat))
            elif want == "any":
                targets.append(arg.type if arg.type != q.UNKNOWN else TEXT)
            elif want in ("anyarray", "anyelement", "anynonarray", "record"):
                # polymorphic: the argument keeps its type (enforce_generic_
                # type_consistency for the single-family case)
                if arg.type == q.UNKNOWN:
                    # enforce_generic_type_consistency: no position
                    raise datatype_mismatch("could not determine polymorphic "
                                            "type because input has type unknown")
                targets.append(arg.type)
                poly_element = (arg.type if want != "anyarray" else
                                element_type(arg.type))
            else:
                rtype = result_type(want)
                if rtype is None:
                    raise feature_not_supported(
                        f"function {name}({display(want)})", pos(node.location))
                targets.append(rtype)
        coerced = tuple(coerce_to_type(a, t, self.ctx)
                        for a, t in zip(args, targets))
        if cand.variadic and is_array(cand.args[-1]) and positions is None:
            fixed = len(cand.args) - 1  # the trailing arguments as one array
            coerced = coerced[:fixed] + (q.TArray(
                coerced[fixed:], result_type(cand.args[-1]),
                coerced[fixed].location if coerced[fixed:] else -1),)
        if positions is not None:
            given = dict(zip(positions, coerced))
            coerced = tuple(given[i] if i in given else
                            self._default_argument(cand, i)
                            for i in range(len(cand.args)))
        elif len(coerced) < len(cand.args):
            coerced += tuple(self._default_argument(cand, i)
                             for i in range(len(coerced), len(cand.args)))
        rows = rows_result(cand.signature()) if set_returning else None
        rtype = result_type(cand.result) if rows is None else rows[0]
        if cand.result in _COMPATIBLE and compat is not None:
            rtype = result_type(compat + "[]" if cand.result ==
                                "anycompatiblearray" else compat)
        if cand.result in ("anyelement", "anyarray") and poly_element is not None:
            rtype = (poly_element if cand.result == "anyelement" else
                     array_type(poly_element))
        if rtype is None and cand.result == "record":
            rtype = records.anonymous_record()  # a column definition list
        if rtype is None:
            raise feature_not_supported(f"function {name} returning "
                                        f"{display(cand.result)}",
                                        pos(node.location))
        rtype = call_result(rtype)
        where = leftmost(node.location, *(a.location for a in coerced))
        if set_returning:
            if self.ctx.no_sets is not None:
                raise SqlError(FEATURE_NOT_SUPPORTED, "set-returning functions are not "
                                             f"allowed in {self.ctx.no_sets}",
                                             position=pos(node.location))
            if rows is not None:
                return TSetCallRows(cand.signature(), coerced, rtype, where,
                                    rows[1])
            return TSetCall(cand.signature(), coerced, rtype, where)
        impl.check_args(coerced)
        return q.TCall(cand.signature(), coerced, rtype, where)

    def _default_argument(self, cand: Candidate, index: int) -> q.TExpr:
        """An argument the call left out: its DEFAULT, typed as declared."""
        text = cand.defaults[index - (len(cand.args) - len(cand.defaults))]
        typed = resolve_expr(_default_syntax(text), EMPTY, TypingContext())
        return coerce_to_type(typed, result_type(cand.args[index]), self.ctx)

    def _sequence_call(self, node: s.FuncCall, signature: str) -> q.TExpr:
        """nextval/currval/setval/lastval: the name as text, bigint result."""
        wanted = signature[signature.index("(") + 1:-1].split(",") if \
            signature[-2] != "(" else []
        args = []
        for arg, want in zip(node.args, wanted):
            typed = self.expr(_regclass_text(arg) if want == "text" else arg)
            target = result_type(want)
            if not can_coerce_expr(typed, target, "i"):
                raise _no_function(".".join(node.name), [typed], node.location)
            args.append(coerce_to_type(typed, target, self.ctx))
        return q.TCall(signature, tuple(args), result_type("int8"), node.location)

    def window(self, node: s.FuncCall) -> q.TExpr:
        if node.within_group and node.name[-1] in ORDERED_SET_NAMES:
            raise SqlError(FEATURE_NOT_SUPPORTED, "OVER is not supported for ordered-set "
                                         f"aggregate {node.name[-1]}",
                                         position=pos(node.location))
        clause = {"CHECK": "check constraints", "DEFAULT": "DEFAULT expressions",
                  "GENERATED": "column generation expressions"}.get(self.ctx.kind)
        if clause is not None:
            raise windowing_error(f"window functions are not allowed in "
                                  f"{clause}", position=pos(node.location))
        if self.ctx.window is None:
            raise feature_not_supported("window function",
                                        pos(node.location))
        return self.ctx.window(node, self.scope, self.ctx)

    def aggregate(self, node: s.FuncCall) -> q.TExpr:
        self.ctx.aggregates.append(node)
        if self.ctx.kind == "CHECK":
            raise grouping_error("aggregate functions are not allowed in "
                                 "check constraints", position=pos(node.location))
        if self.ctx.aggregate is None:
            raise feature_not_supported(f"aggregate function {node.name[-1]}()"
                                        " (the read path)", pos(node.location))
        return self.ctx.aggregate(node, self.scope, self.ctx)


def _regclass_text(node: s.Expr) -> s.Expr:
    """`'s'::regclass` is just the name, for the sequence functions."""
    if isinstance(node, s.Cast) and node.type.name == "regclass":
        return node.arg
    return node


class _Typed:
    """A stand-in operand of a known type (CASE test value, array element)."""

    __slots__ = ("type", "location")

    def __init__(self, rtype: q.ResultType, location: int) -> None:
        self.type = rtype
        self.location = location


def _replace_placeholder(expr: Any, placeholder: _Typed,
                         value: q.TExpr) -> Any:
    if expr is placeholder:
        return value
    if dataclasses.is_dataclass(expr) and not isinstance(expr, q.ResultType):
        changes = {}
        for f in dataclasses.fields(expr):
            old = getattr(expr, f.name)
            if isinstance(old, tuple):
                new = tuple(_replace_placeholder(v, placeholder, value)
                            for v in old)
            else:
                new = _replace_placeholder(old, placeholder, value)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(expr, **changes) if changes else expr
    return expr


def _has_columns(expr: Any) -> bool:
    if isinstance(expr, q.TColumn):
        return True
    if dataclasses.is_dataclass(expr) and not isinstance(expr, q.ResultType):
        for f in dataclasses.fields(expr):
            value = getattr(expr, f.name)
            if isinstance(value, tuple):
                if any(_has_columns(v) for v in value):
                    return True
            elif _has_columns(value):
                return True
    return False


SQL_VALUES: dict[str, tuple[str, q.ResultType]] = {
    "current_user": ("current_user()", q.NAME),
    "current_role": ("current_user()", q.NAME),
    "user": ("current_user()", q.NAME),
    "session_user": ("session_user()", q.NAME),
    "current_catalog": ("current_database()", q.NAME),
    "current_schema": ("current_schema()", q.NAME),
    "current_timestamp": ("now()", q.TIMESTAMPTZ),
    "current_date": ("current_date()", q.DATE),
    "localtimestamp": ("localtimestamp()", q.TIMESTAMP),
    "localtime": ("localtime()", result_type("time")),
    "current_time": ("current_time()", result_type("timetz")),
}


def literal_type(node: s.Literal) -> q.ResultType:
    if node.kind == "integer":
        value = int(node.text or "0")
        if -2**31 <= value < 2**31:
            return q.INT4
        return q.INT8 if -2**63 <= value < 2**63 else q.NUMERIC
    if node.kind == "numeric":
        # the lexer makes integers beyond int4 "floats"; make_const gives
        # them int8 when they fit (2147483648 is a bigint, not a numeric)
        text = node.text or ""
        digits = text[1:] if text.startswith("-") else text
        if digits.isdigit() and -2**63 <= int(text) < 2**63:
            return q.INT4 if -2**31 <= int(text) < 2**31 else q.INT8
        return q.NUMERIC
    if node.kind == "boolean":
        return BOOL
    if node.kind == "bit":
        return result_type("bit")
    return q.UNKNOWN  # strings and NULL


def _shown(rtype: q.ResultType) -> str:
    """format_type_be(): signatures in messages show no typmod (a
    composite: its type's name)."""
    record = records.record_of(rtype)
    return record.display if record is not None else display(key(rtype))


def _arg_list(args: Sequence[Any], names: Sequence[str | None] = ()) -> str:
    """funcname_signature_string's list: `name => type` for named ones."""
    names = names or (None,) * len(args)
    return ", ".join(_shown(a.type) if n is None else f"{n} => {_shown(a.type)}"
                     for a, n in zip(args, names))


def _op_signature(op: str, left: Any, right: Any) -> str:
    if left is None:
        return f"{op} {_shown(right.type)}"
    return f"{_shown(left.type)} {op} {_shown(right.type)}"


def _no_operator(op: str, left: Any, right: Any, location: int) -> SqlError:
    hint = ("No operator matches the given name and argument type. You might "
            "need to add an explicit type cast." if left is None else
            "No operator matches the given name and argument types. You might "
            "need to add explicit type casts.")
    return undefined_function(f"operator does not exist: "
                              f"{_op_signature(op, left, right)}", hint=hint,
                              position=pos(location))


@functools.lru_cache(maxsize=None)
def _default_syntax(text: str) -> s.Expr:
    """A built-in function's DEFAULT expression (pg_get_expr's text) as
    syntax, parsed once."""
    statement = parse_sql(f"SELECT {text}")[0].stmt
    return ExprConverter()(statement.targetList[0].val)


_COMPATIBLE = ("anycompatible", "anycompatiblearray", "anycompatiblenonarray")


def _compatible_type(args: Sequence[q.TExpr], declared: Sequence[str]
                     ) -> str | None:
    """The anycompatible family's type (enforce_generic_type_consistency):
    the common type, in argument order, of the anycompatible arguments and
    the elements of the anycompatiblearray ones; text when all are unknown;
    None when the call has no such parameter or no common type."""
    found = []
    for arg, want in zip(args, declared):
        k = key(arg.type)
        if want in _COMPATIBLE and k != UNKNOWN:
            found.append(element(k) if want == "anycompatiblearray" else k)
    if not any(w in _COMPATIBLE for w in declared):
        return None
    if not found:
        return "text"
    common: str | None = found[0]
    for k in found[1:]:
        common = runtime.common_element(common, k) if common else None
    return common if common and result_type(common + "[]") else None


# the twin's types with no btree opclass in PostgreSQL: GREATEST/LEAST
# over them is PostgreSQL's own 42883; over any other it is the twin's gap
_UNORDERED = frozenset({"json", "jsonpath", "pg_node_tree", "aclitem", "xid",
                        "cid"})


def _argument_names(args: Sequence[s.Expr]) -> tuple[str | None, ...]:
    """Each argument's name (None: positional), with ParseFuncOrColumn's
    checks: named arguments last, each name once."""
    names: list[str | None] = []
    for arg in args:
        if isinstance(arg, s.NamedArg):
            if arg.name in names:
                raise syntax_error(f'argument name "{arg.name}" used '
                                   "more than once", position=pos(arg.location))
            names.append(arg.name)
        elif any(names):
            raise syntax_error("positional argument cannot follow named "
                               "argument", position=pos(arg.location))
        else:
            names.append(None)
    return tuple(names)


def _match_named(cand: Candidate, names: Sequence[str | None]
                 ) -> tuple[int, ...] | None:
    """MatchNamedCall: the parameter each argument fills, or None when the
    names do not fit `cand` (unknown, already filled positionally, or a
    parameter left out that has no default)."""
    declared, defaults = pg_data.FUNCTION_ARGS.get(cand.signature(), ((), ()))
    if cand.variadic or not declared or len(names) > len(cand.args):
        return None
    where = [i for i, n in enumerate(names) if n is None]
    positional = len(where)
    for name in names[positional:]:
        if name not in declared or declared.index(name) < positional:
            return None
        where.append(declared.index(name))
    first_default = len(cand.args) - len(defaults)
    if any(i not in where for i in range(first_default)):
        return None
    return tuple(where)


def _no_function(name: str, args: Sequence[Any], location: int,
                 names: Sequence[str | None] = ()) -> SqlError:
    return undefined_function(f"function {name}({_arg_list(args, names)}) does not "
                              "exist", hint="No function matches the given name and "
                              "argument types. You might need to add explicit type "
                              "casts.", position=pos(location))


# ---------------------------------------------------------------- FigureColname

_SQL_VALUE_NAMES = frozenset({
    "current_date", "current_time", "current_timestamp", "localtime",
    "localtimestamp", "current_role", "current_user", "user", "session_user",
    "current_catalog", "current_schema"})


def figure_colname(node: s.Expr) -> str:
    """PostgreSQL's FigureColname: the output name of an unaliased target."""
    name, _ = _figure(node)
    return name or "?column?"


def _figure(node: Any) -> tuple[str | None, int]:
    if isinstance(node, s.ColumnRef):
        if not node.parts:
            return None, 0
        return node.parts[-1], 2
    if isinstance(node, s.FuncCall):
        return node.name[-1], 2
    if isinstance(node, s.NullIf):
        return "nullif", 2
    if isinstance(node, s.Grouping):
        return "grouping", 2
    if isinstance(node, (s.Subscript, s.Subscripts)):
        return _figure(node.arg)
    if isinstance(node, s.Cast):
        name, strength = _figure(node.arg)
        if strength <= 1:
            return node.type.names[-1], 1
        return name, strength
    if isinstance(node, s.Case):
        name, strength = _figure(node.default) if node.default is not None \
            else (None, 0)
        if strength <= 1:
            return "case", 1
        return name, strength
    if isinstance(node, s.ArrayLit):
        return "array", 2
    if isinstance(node, s.Row):
        return "row", 2
    if isinstance(node, s.FieldSelect):
        return node.name, 2
    if isinstance(node, s.Coalesce):
        return "coalesce", 2
    if isinstance(node, s.MinMax):
        return node.op, 2
    if isinstance(node, s.SqlValue):
        return (node.name if node.name in _SQL_VALUE_NAMES else None), 2
    if isinstance(node, s.SubLink):
        if node.kind == "exists":
            return "exists", 2
        if node.kind == "array":
            return "array", 2
        if node.kind == "expr":
            body = getattr(node.select, "body", node.select)
            targets = getattr(body, "targets", ())
            if targets:
                first = targets[0]
                if getattr(first, "alias", None):
                    return first.alias, 2
                return _figure(first.expr)
        return None, 0
    return None, 0


# ---------------------------------------------------------------- for the read path

def typed_operator(op: str, left: q.TExpr, right: q.TExpr, location: int,
                   ctx: TypingContext) -> q.TExpr:
    """`left op right` over operands already typed (JOIN USING)."""
    return _Resolver(EMPTY, ctx).operator(op, left, right, location)


def sublink_comparison(op: str, left: q.TExpr, right_type: q.ResultType,
                       location: int, ctx: TypingContext
                       ) -> tuple[str, q.TExpr, q.ResultType]:
    """`left op ANY/ALL (subquery)`: the operator chosen for the subquery's
    column type, the coerced left operand and the type the column must be
    coerced to (make_scalar_array_op's rules, without the array)."""
    resolver = _Resolver(EMPTY, ctx)
    probe = _Typed(right_type, location)
    cand, declared = resolver.find_operator(op, left, probe, location)
    impl, result, targets = runtime.operator_impl(
        op, cand.args, cand.result, [left.type, right_type])
    if impl is None:
        raise feature_not_supported(f"operator {op} on "
                                    f"{display(cand.args[0])}", pos(location))
    if result != BOOL:
        raise datatype_mismatch(f"operator {op} must return type boolean, "
                                f"not type {display_type(result)}",
                                position=pos(location))
    return impl, coerce_to_type(left, targets[0], ctx), targets[1]


user_functions.install(coerce_to_type=coerce_to_type, resolve_expr=resolve_expr,
                       TypingContext=TypingContext, arg_list=_arg_list)
