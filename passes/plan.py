"""Plan stage for client statements: lowered → `Plan` with compiled code.

A projection's typed expressions are compiled once by the expression
layer (`twinning.passes.expr.compile`) into closures `f(row, ctx)`;
literals and casts of literals are folded there, so `'x'::int` fails at
plan time with the literal's position, as PostgreSQL's parse analysis
does, and a cached plan never re-parses a literal. Other folding errors
(1/0, an overflowing cast of a constant) are kept on the plan and raised
when it is used — at Bind in the extended protocol, as PostgreSQL's
planner raises them. Executing a plan never walks the IR.

`ctx` is the execution context the session supplies (`twinning.execute.
EvalContext`): user, database, settings, transaction clock, cancellation,
and the statement's parameter values (`ctx.params`).
Pure: compiling reads no session state.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable

from twinning.errors import SqlError
from twinning.ir import query as q
from twinning.ir.dml import ResolvedCopy, ResolvedWith
from twinning.passes.expr.compile import compile_checked
from twinning.passes.lower import show_columns
from twinning.passes.plan_dml import plan_write
from twinning.passes.plan_select import plan_query
from twinning.passes.plan_with import plan_with

__all__ = ["plan", "compile_expressions"]

_NO_ROW: tuple = ()


def plan(lowered: q.LoweredStatement, source: str = "") -> q.Plan:
    if isinstance(lowered, q.ResolvedStatement) and isinstance(
            lowered.node, q.ResolvedQuery):
        return _plan_read(lowered.node, source)
    if isinstance(lowered, q.ResolvedStatement):  # a write statement
        write = plan_with(lowered.node) if isinstance(
            lowered.node, ResolvedWith) else plan_write(lowered.node)
        variant = q.CopyPlan if isinstance(lowered.node, ResolvedCopy) \
            else q.WritePlan
        return variant(source, write.columns, lowered.param_types, write,
                       planning_error=write.planning_error)
    if isinstance(lowered, q.Command):
        columns = show_columns(lowered) if lowered.op == "show" else ()
        return q.CommandPlan(source, columns, lowered, lowered.param_types)
    nodes = [compile_checked(e) for e in lowered.exprs]
    failing = next((n.error for n in nodes if n.error is not None), None)
    if failing is not None:
        error = failing

        def fail(ctx: Any, params: tuple) -> tuple:
            raise error
        return q.ProjectionPlan(source, lowered.columns, lowered.param_types,
                                lowered, fail, planning_error=error)
    fns = tuple(n.fn for n in nodes)
    needed = len(lowered.param_types)
    references = _param_references(lowered.exprs)

    def missing(params: tuple) -> SqlError:
        """A simple-protocol statement referencing `$n` (no values bound)."""
        number, location = next(((n, loc) for n, loc in references
                                 if n > len(params)), (needed, -1))
        return SqlError("42P02", f"there is no parameter ${number}",
                        position=location + 1 if location >= 0 else None)
    if len(fns) == 1:
        (only,) = fns

        def row(ctx: Any, params: tuple) -> tuple:
            if len(params) < needed:
                raise missing(params)
            ctx.params = params
            return (only(_NO_ROW, ctx),)
    else:
        def row(ctx: Any, params: tuple) -> tuple:
            if len(params) < needed:
                raise missing(params)
            ctx.params = params
            return tuple([f(_NO_ROW, ctx) for f in fns])
    return q.ProjectionPlan(source, lowered.columns, lowered.param_types,
                            lowered, row)


def _plan_read(resolved: q.ResolvedQuery, source: str) -> q.Plan:
    columns = tuple(q.Column(c.name, c.type, getattr(c, "origin", None))
                    for c in resolved.columns)
    compiled = plan_query(resolved)
    return q.ReadPlan(source, columns, resolved.param_types, compiled,
                      tuple(compiled.lines), planning_error=compiled.error)


def _param_references(value: Any) -> list[tuple[int, int]]:
    """(number, location) of every parameter reference, in tree order."""
    found: list[tuple[int, int]] = []

    def walk(node: Any) -> None:
        if isinstance(node, q.TParam):
            found.append((node.number, node.location))
        elif isinstance(node, tuple):
            for item in node:
                walk(item)
        elif dataclasses.is_dataclass(node) and not isinstance(
                node, q.ResultType):
            for f in dataclasses.fields(node):
                walk(getattr(node, f.name))
    walk(value)
    return found


def compile_expressions(exprs: tuple[q.TExpr, ...]) -> Callable[[Any], tuple]:
    """Compiled EXECUTE arguments: ctx → tuple of parameter values."""
    nodes = [compile_checked(e) for e in exprs]
    for node in nodes:
        if node.error is not None:
            raise node.error
    fns = tuple(n.fn for n in nodes)

    def arguments(ctx: Any) -> tuple:
        ctx.params = ()
        return tuple([f(_NO_ROW, ctx) for f in fns])
    return arguments
