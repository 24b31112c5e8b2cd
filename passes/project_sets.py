"""Set-returning functions inside target-list expressions.

PostgreSQL 10+ evaluates `SELECT CAST(unnest(a) AS date), f(x) …` by
computing the set-returning calls in a ProjectSet node (all of them in
lockstep, the shorter padded with NULLs) and the expressions around them
in a projection above it (split_pathtarget_at_srfs). `project` does the
same for the read path: each nested `TSetCall` becomes a column of the
ProjectSet, and the expression holding it is computed over that column.
A target list whose set-returning calls are all top-level keeps the one
ProjectSet it always had. A set-returning call in another one's
arguments is still refused by name (`check_nesting`).
"""

from __future__ import annotations

from typing import Any, Sequence

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, feature_not_supported,
)
from twinning.ir import query as q
from twinning.ir import select as r
from twinning.passes.expr.analyze import pos
from twinning.passes.expr.walk import children, rebuild
from twinning.passes.read_syntax import has_set_returning

__all__ = ["check_nesting", "project"]


def check_nesting(expr: Any) -> None:
    """A target's expression: a set-returning call inside CASE or
    COALESCE is PostgreSQL's 0A000 (transformCaseExpr and
    transformCoalesceExpr: the last one's position); inside another's
    arguments it is outside the twin's subset."""
    _conditional(expr)
    for call in _set_calls(expr):
        if any(has_set_returning(a) for a in call.args):
            raise feature_not_supported("a set-returning function inside "
                                        "another's arguments",
                                        pos(call.location))


def project(relation: Any, exprs: Sequence[Any],
            columns: tuple[r.RelColumn, ...]) -> Any:
    """The projection of `exprs` over `relation`."""
    nested = [i for i, e in enumerate(exprs)
              if not isinstance(e, r.TSetCall) and has_set_returning(e)]
    if not nested:
        if any(isinstance(e, r.TSetCall) for e in exprs):
            return r.ProjectSet(relation, tuple(exprs), columns)
        return r.Project(relation, tuple(exprs), columns)
    inner = list(exprs)
    inner_columns = list(columns)
    outer: list[Any] = [q.TColumn(i, c.name, c.type)
                        for i, c in enumerate(columns)]
    passed: dict[int, int] = {}  # an input column → its ProjectSet slot

    def add(expr: Any, name: str) -> q.TColumn:
        inner.append(expr)
        inner_columns.append(r.RelColumn(name, expr.type))
        return q.TColumn(len(inner) - 1, name, expr.type)

    def lift(node: Any) -> Any:
        if isinstance(node, r.TSubquery):
            raise feature_not_supported("a subquery beside a set-returning "
                                        "function in an expression",
                                        pos(node.location))
        if isinstance(node, r.TSetCall):
            return add(node, f"?srf{len(inner)}")
        if isinstance(node, q.TColumn):  # the input row's: passed through
            if node.slot not in passed:
                passed[node.slot] = add(node, node.name).slot
            return q.TColumn(passed[node.slot], node.name, node.type)
        return None
    for i in nested:
        outer[i] = rebuild(exprs[i], lift)
        inner[i] = q.TLiteral("null", None, q.UNKNOWN)  # computed above
    return r.Project(r.ProjectSet(relation, tuple(inner), tuple(inner_columns)),
                     tuple(outer), columns)


_CONDITIONAL = {q.TCase: "CASE", q.TCoalesce: "COALESCE"}


def _conditional(expr: Any) -> None:
    if isinstance(expr, r.TSubquery) or not has_set_returning(expr):
        return
    for child in children(expr):
        _conditional(child)
    clause = _CONDITIONAL.get(type(expr))
    if clause is not None:
        last = _set_calls(expr)[-1]
        raise SqlError(FEATURE_NOT_SUPPORTED, "set-returning functions are not allowed in "
                                     f"{clause}", hint="You might be able to move the "
                                     "set-returning function into a LATERAL FROM item.",
                                     position=pos(last.location))


def _set_calls(expr: Any) -> list[r.TSetCall]:
    found: list[r.TSetCall] = []

    def visit(node: Any) -> Any:
        if isinstance(node, r.TSubquery):
            return node
        if isinstance(node, r.TSetCall):
            found.append(node)
        return None
    rebuild(expr, visit)
    return found
