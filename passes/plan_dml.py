"""Plan stage for write statements: `ResolvedWrite` → `WritePlan`.

Every typed expression — VALUES items, defaults, SET values, WHERE,
ON CONFLICT's clauses, RETURNING — is compiled once into a closure
`fn(row, ctx)`; the executor (`twinning.execute_write`) only calls them.
A folding error (1/0 in a VALUES item) is raised when the plan runs, as
PostgreSQL raises it at execution of that statement.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from twinning.ir import dml as d
from twinning.ir import query as q
from twinning.passes.expr.compile import compile_expr

Fn = Callable[[tuple, Any], Any]

_TAGS = {d.ResolvedInsert: "INSERT", d.ResolvedUpdate: "UPDATE",
         d.ResolvedDelete: "DELETE", d.ResolvedTruncate: "TRUNCATE TABLE",
         d.ResolvedCopy: "COPY"}


@dataclass(frozen=True)
class WritePlan:
    """What the executor runs; `resolved` is the dumpable IR behind it."""

    resolved: d.ResolvedWrite
    tag: str
    columns: tuple[q.Column, ...] = ()  # RETURNING's RowDescription
    values: tuple = field(default=(), compare=False, repr=False)
    defaults: tuple = field(default=(), compare=False, repr=False)
    assignments: tuple = field(default=(), compare=False, repr=False)
    where: Fn | None = field(default=None, compare=False, repr=False)
    conflict_where: Fn | None = field(default=None, compare=False, repr=False)
    returning: tuple = field(default=(), compare=False, repr=False)


def _fn(expr: Any) -> Any:
    """A compiled value, a sequence draw, or None (the column default)."""
    if expr is None or isinstance(expr, d.SequenceDefault):
        return expr
    return compile_expr(expr)


def plan_write(resolved: d.ResolvedWrite) -> WritePlan:
    tag = _TAGS[type(resolved)]
    returning = getattr(resolved, "returning", ())
    columns = tuple(q.Column(c.name, c.expr.type) for c in returning)
    fns = tuple(compile_expr(c.expr) for c in returning)
    if isinstance(resolved, d.ResolvedInsert):
        conflict = resolved.on_conflict
        return WritePlan(
            resolved, tag, columns,
            values=tuple(tuple(_fn(e) for e in row) for row in resolved.rows),
            defaults=tuple(_fn(e) for e in resolved.defaults),
            assignments=tuple((slot, _fn(e)) for slot, e in
                              (conflict.assignments if conflict else ())),
            conflict_where=_fn(conflict.where) if conflict else None,
            returning=fns)
    if isinstance(resolved, d.ResolvedUpdate):
        return WritePlan(
            resolved, tag, columns,
            defaults=tuple(_fn(e) for e in resolved.defaults),
            assignments=tuple((slot, _fn(e)) for slot, e in resolved.assignments),
            where=_fn(resolved.where), returning=fns)
    if isinstance(resolved, d.ResolvedCopy):
        return WritePlan(resolved, tag,
                         defaults=tuple(_fn(e) for e in resolved.defaults))
    if isinstance(resolved, d.ResolvedDelete):
        return WritePlan(resolved, tag, columns, where=_fn(resolved.where),
                         returning=fns)
    return WritePlan(resolved, tag)
