"""LATERAL and functions in FROM, for the read path's resolve stage.

PostgreSQL's transformFromClause makes each FROM item's left neighbours
visible to it as *lateral-only* namespace items: a LATERAL subquery and a
function in FROM (always LATERAL) may reference them, anything else may
not (42P01 with PostgreSQL's hint). `resolve_select` models the left
neighbours as a *frame*: a `Level` of its own whose row is the left row,
placed between the item and the enclosing query level, so a reference to
a left item is a `TOuter` of depth 1 and a reference to an enclosing query
counts the frame as one more boundary. The planner runs such a `Join`
(`lateral=True`) as a nested loop that pushes each left row onto
`ctx.outer` while the right side is computed, so the depths agree.

This module holds what does not need the `Level` class itself: which items
need a frame, the frame's copies of the left items, and the typing of the
functions of a function item (ROWS FROM, ORDINALITY, column names as
chooseScalarFunctionAlias picks them).
"""

from __future__ import annotations

import contextlib
import copy
from typing import Any, Iterator, Sequence

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, feature_not_supported, grouping_error,
    invalid_column_reference,
)
from twinning.ir import query as q
from twinning.ir import select as r
from twinning.passes.expr import runtime
from twinning.passes import column_definitions
from twinning.passes.expr.analyze import declared_type, pos, resolve_expr
from twinning.passes.expr.walk import children, outer_levels, shift_columns

__all__ = ["agg_levels_up", "check_aggregate_level", "frames_visible",
           "function_scan", "lateral_capable", "rebased",
           "lateral_ok_error"]


def lateral_capable(item: r.FromItem) -> bool:
    """Whether `item` (a right side of a join or a later FROM-list item)
    may read the items to its left: then it gets a frame."""
    if isinstance(item, r.FunctionRef):
        return True
    if isinstance(item, r.SubqueryRef):
        return item.lateral
    if isinstance(item, r.JoinRef):
        return lateral_capable(item.left) or lateral_capable(item.right)
    return False


def rebased(items: Sequence[Any], delta: int) -> list[Any]:
    """Copies of namespace items (and their entries) with their columns
    moved by `delta`: the left items as the frame's row holds them."""
    out = []
    for item in items:
        entry = copy.copy(item.entry)
        entry.exprs = [shift_columns(e, delta) for e in entry.exprs]
        entry.source = item.entry.source or item.entry
        clone = copy.copy(item)
        clone.entry = entry
        out.append(clone)
    return out


def lateral_ok_error(refname: str, location: int, target: bool
                     ) -> SqlError:
    """check_lateral_ref_ok(): the left side of a RIGHT or FULL join, or
    the target of UPDATE/DELETE."""
    if target:
        return invalid_column_reference("invalid reference to FROM-clause entry "
                                        f'for table "{refname}"', hint=f'There is an entry '
                                        f'for table "{refname}", but it cannot be referenced '
                                        "from this part of the query.", position=pos(location))
    return invalid_column_reference("invalid reference to FROM-clause entry for "
                                    f'table "{refname}"',
                                    detail="The combining JOIN type must be INNER or LEFT "
                                    "for a LATERAL reference.", position=pos(location))


def function_scan(ref: r.FunctionRef, level: Any, ctx: Any
                  ) -> tuple[r.FunctionScan, list[str], str]:
    """The functions of `ref` typed in `level` (which sees the frame):
    the scan, its column names before the alias list, the default
    reference name."""
    calls = []
    names = []
    single = len(ref.functions) == 1
    for call in ref.functions:
        typed = resolve_expr(call, level, ctx)
        inner = _nested_set_call(typed.args if isinstance(typed, r.TSetCall)
                                 else children(typed))
        if inner is not None:
            raise SqlError(FEATURE_NOT_SUPPORTED, "set-returning functions must appear at "
                                         "top level of FROM", position=pos(inner.location))
        if ref.column_definitions:
            scan, names = column_definitions.typed_scan(ref, typed,
                                                        declared_type)
            return scan, names, call.name[-1]
        if column_definitions.returns_record(typed):
            raise column_definitions.required_error(call.location)
        if getattr(typed, "columns", ()):
            if not single or ref.ordinality:
                raise feature_not_supported(
                    "a function returning rows in ROWS FROM or WITH "
                    "ORDINALITY", pos(typed.location))
            columns = tuple(r.RelColumn(n, t) for n, t in typed.columns)
            return (r.FunctionScan((typed,), columns, False, True),
                    [n for n, _ in typed.columns], call.name[-1])
        calls.append(typed)
        # a function with one named OUT parameter names its column by it
        # (json_array_elements: value), whatever the alias
        names.append((isinstance(typed, r.TSetCall) and (
            getattr(typed, "out_name", None) or
            runtime.set_returning_column(typed.function))) or
                     (ref.alias if single and ref.alias else call.name[-1]))
    columns = tuple(r.RelColumn(n, c.type) for n, c in zip(names, calls))
    if ref.ordinality:
        columns += (r.RelColumn("ordinality", q.INT8),)
        names.append("ordinality")
    return (r.FunctionScan(tuple(calls), columns, ref.ordinality), names,
            ref.functions[0].name[-1])


@contextlib.contextmanager
def frames_visible(frames: Sequence[Any], visible: bool) -> Iterator[None]:
    """The frames' items seen (a LATERAL item) or not (any other item, a
    JOIN's ON) while something is analysed under them."""
    saved = [f.visible for f in frames]
    for frame in frames:
        frame.visible = visible
    try:
        yield
    finally:
        for frame, was in zip(frames, saved):
            frame.visible = was


def check_aggregate_level(level: Any, args: Sequence[Any], location: int
                          ) -> None:
    """An aggregate whose arguments' innermost columns are a frame's
    belongs to the query level of the FROM clause itself: 42803."""
    found = level
    depth = agg_levels_up(args)
    while depth and found is not None:
        if found.via_sublink:
            depth -= 1
        found = found.parent
    while found is not None and not hasattr(found, "lateral_ok") and \
            not found.via_sublink and not found.namespace and \
            found.parent is not None:
        found = found.parent  # a hidden level between: no boundary
    if hasattr(found, "lateral_ok"):
        raise grouping_error("aggregate functions are not allowed in FROM "
                             "clause of their own query level",
                             position=pos(location))


def agg_levels_up(args: Sequence[Any]) -> int:
    """The aggregate's level as PostgreSQL picks it: the innermost level
    its arguments' columns come from (0 here; no column: 0)."""
    depths: list[int] = []

    def walk(value: Any) -> None:
        if isinstance(value, q.TColumn):
            depths.append(0)
        elif isinstance(value, r.TOuter):
            depths.append(value.depth)
        elif isinstance(value, r.TSubquery):
            depths.extend(d - 1 for d in outer_levels(value.relation))
            walk(value.test)
        else:
            for child in children(value):
                walk(child)

    for arg in args:
        walk(arg)
    return min(depths) if depths else 0


def _nested_set_call(exprs: Any) -> Any:
    found = None
    for expr in exprs:
        if isinstance(expr, r.TSubquery):
            continue
        deeper = _nested_set_call(children(expr))
        if deeper is not None:
            found = deeper
        elif isinstance(expr, r.TSetCall):
            found = expr
    return found
