"""Plan stage for client statements: lowered → `Plan` with compiled code,
one function per statement kind (the table is `passes.STATEMENT_KINDS`).

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

from twinning.errors import SqlError, undefined_parameter
from twinning.ir import query as q
from twinning.ir.dml import ResolvedCopy, ResolvedWith
from twinning.passes.expr.compile import compile_checked
from twinning.passes.lower import show_columns
from twinning.passes.plan_dml import plan_write as plan_dml
from twinning.passes.plan_select import plan_query
from twinning.passes.plan_with import plan_with

__all__ = ["plan_read", "plan_write", "plan_command", "plan_projection",
           "compile_expressions"]

_NO_ROW: tuple = ()


def plan_read(resolved: q.ResolvedStatement, env: Any) -> q.ReadPlan:
    query: q.ResolvedQuery = resolved.node  # type: ignore[assignment]
    columns = tuple(q.Column(c.name, c.type, getattr(c, "origin", None))
                    for c in query.columns)
    compiled = plan_query(query)
    return q.ReadPlan(env.source, columns, query.param_types, compiled,
                      tuple(compiled.lines), planning_error=compiled.error)


def plan_write(resolved: q.ResolvedStatement, env: Any) -> q.WritePlan | q.CopyPlan:
    node = resolved.node
    write = plan_with(node) if isinstance(node, ResolvedWith) else plan_dml(node)
    variant = q.CopyPlan if isinstance(node, ResolvedCopy) else q.WritePlan
    return variant(env.source, write.columns, resolved.param_types, write,
                   planning_error=write.planning_error)


def plan_command(command: q.Command, env: Any) -> q.CommandPlan:
    columns = show_columns(command) if command.op == "show" else ()
    return q.CommandPlan(env.source, columns, command, command.param_types)


def plan_projection(lowered: q.Projection, env: Any) -> q.ProjectionPlan:
    """A SELECT without FROM: its expressions compiled into one row."""
    source = env.source
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
        return undefined_parameter(f"there is no parameter ${number}",
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
