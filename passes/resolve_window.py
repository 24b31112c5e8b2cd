"""Window functions in the read path's resolve stage.

PostgreSQL's parse analysis of window functions, for one query level:

- `window_call` is the typing context's `window` hook (a call with OVER):
  the placement checks of transformWindowFuncCall (not in WHERE, GROUP BY,
  HAVING, FILTER, window definitions, aggregate arguments; not nested),
  ParseFuncOrColumn's refusals (DISTINCT, ORDER BY inside the call, FILTER
  on a non-aggregate), the call typed (window functions here, aggregates
  by `aggregates.type_aggregate`), and its window found (`OVER w` names a
  WINDOW clause entry) or added to the level's window list. It returns a
  `TWindowRef` standing for the call's result.
- `define` is transformWindowDefinitions: every window of the level in
  order (the WINDOW clause's, then the OVER clauses'), with the rules for
  referencing and overriding a named window, PARTITION BY / ORDER BY typed
  over the level, the frame checked and its offsets typed (ROWS/GROUPS:
  bigint; RANGE: the in_range offset type of the one ORDER BY column).
- `apply` puts a `Window` relation over the level's (grouped) rows and
  re-points every `TWindowRef` at the Window's output column.

Window expressions are typed over the level's FROM row like the target
list, so a grouped query regroups them with the rest (`expressions`,
`replace`).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Sequence

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, GROUPING_ERROR, WINDOWING_ERROR, WRONG_OBJECT_TYPE,
    SqlError, datatype_mismatch, feature_not_supported,
    invalid_column_reference, undefined_object, windowing_error,
)
from twinning.ir import query as q
from twinning.ir import select as r
from twinning.ir import syntax as s
from twinning.passes.expr.aggregates import AGGREGATE_NAMES, type_aggregate
from twinning.passes.expr.analyze import (_no_function, can_coerce_expr,
                                          coerce_to_type, pos, resolve_expr,
                                          resolve_filter, resolve_target,
                                          select_common_type)
from twinning.passes.expr import pg_data
from twinning.passes.expr.ordering import require_equality, require_ordering
from twinning.passes.expr.types import display_type, key, result_type
from twinning.passes.expr.walk import rebuild
from twinning.passes.expr.typmods import call_result

__all__ = ["Windows", "window_call", "define", "apply", "expressions",
           "replace"]

# FRAMEOPTION_* (nodes/parsenodes.h)
NONDEFAULT = 0x00001
RANGE = 0x00002
ROWS = 0x00004
GROUPS = 0x00008
START_UNBOUNDED_PRECEDING = 0x00020
START_UNBOUNDED_FOLLOWING = 0x00080
START_CURRENT_ROW = 0x00200
END_UNBOUNDED_PRECEDING = 0x00040
END_UNBOUNDED_FOLLOWING = 0x00100
END_CURRENT_ROW = 0x00400
START_OFFSET_PRECEDING = 0x00800
END_OFFSET_PRECEDING = 0x01000
START_OFFSET_FOLLOWING = 0x02000
END_OFFSET_FOLLOWING = 0x04000
EXCLUDE_CURRENT_ROW = 0x08000
EXCLUDE_GROUP = 0x10000
EXCLUDE_TIES = 0x20000
DEFAULTS = 0x00422
START_OFFSET = START_OFFSET_PRECEDING | START_OFFSET_FOLLOWING
END_OFFSET = END_OFFSET_PRECEDING | END_OFFSET_FOLLOWING

# the window functions of pg_proc (prokind 'w') the twin runs: name →
# (argument count range); their types are worked out in `_type_window`
_WINDOW = {"row_number": (0, 0), "rank": (0, 0), "dense_rank": (0, 0),
           "percent_rank": (0, 0), "cume_dist": (0, 0), "ntile": (1, 1),
           "lag": (1, 3), "lead": (1, 3), "first_value": (1, 1),
           "last_value": (1, 1), "nth_value": (2, 2)}
WINDOW_NAMES = frozenset(_WINDOW)

# the offset types of each ORDER BY type's in_range support functions
# (pg_amproc, btree support function 3), in pg_amproc's order
IN_RANGE = {"int2": ("int8", "int4", "int2"), "int4": ("int8", "int4", "int2"),
            "int8": ("int8",), "numeric": ("numeric",),
            "float4": ("float8",), "float8": ("float8",),
            "date": ("interval",), "timestamp": ("interval",),
            "timestamptz": ("interval",), "interval": ("interval",),
            "time": ("interval",), "timetz": ("interval",)}


class Windows:
    """One query level's windows: the WINDOW clause and the OVER clauses
    met so far (PostgreSQL's p_windowdefs), the calls, and where a window
    function is refused right now (`clause`)."""

    def __init__(self, clause: Sequence[s.WindowDef]) -> None:
        self.defs: list[s.WindowDef] = list(clause)
        self.named = len(self.defs)
        self.calls: list[r.WindowCall] = []
        self.specs: list[r.WindowSpec] = []
        self.inside = False
        self.clause: str | None = None


def _refuse(construct: str, location: int, sqlstate: str = WINDOWING_ERROR) -> None:
    raise SqlError(sqlstate, construct, position=pos(location))


def window_call(node: s.FuncCall, level: Any, ctx: Any) -> Any:
    """transformWindowFuncCall & ParseFuncOrColumn for a call with OVER."""
    clause = getattr(level, "agg_clause", None)
    if clause is not None:
        _refuse(f"window functions are not allowed in {clause}", node.location)
    state: Windows | None = getattr(level, "window", None)
    if state is None:  # a write statement's clauses
        if ctx.kind == "SELECT":
            raise feature_not_supported("window function here",
                                        pos(node.location))
        _refuse(f"window functions are not allowed in {ctx.kind}",
                node.location)
    if state.clause is not None:
        _refuse(f"window functions are not allowed in {state.clause}",
                node.location)
    if state.inside:
        _refuse("window function calls cannot be nested", node.location)
    if level.in_aggregate:
        _refuse("aggregate function calls cannot contain window function "
                "calls", node.location, GROUPING_ERROR)
    name = node.name[-1]
    builtin = len(node.name) == 1 or (len(node.name) == 2 and
                                      node.name[0] == "pg_catalog")
    state.inside = True
    try:
        star = node.star or (len(node.args) == 1 and name == "count" and
                             isinstance(node.args[0], s.ColumnRef) and
                             node.args[0].star and bool(node.args[0].parts))
        args = [] if star else [resolve_expr(a, level, ctx) for a in node.args]
    finally:
        state.inside = False
    srf = _set_returning(args)
    if srf is not None:
        raise SqlError(FEATURE_NOT_SUPPORTED, "window function calls cannot contain "
                                     "set-returning function calls",
                                     hint="You might be able to move the set-returning "
                                     "function into a LATERAL FROM item.", position=pos(srf))
    # rank() & co. are also hypothetical-set aggregates: with OVER, the
    # window function
    aggregate = builtin and name in AGGREGATE_NAMES and name not in _WINDOW
    if not aggregate and not (builtin and name in WINDOW_NAMES):
        if builtin and name in pg_data.PROC_NAMES:
            _refuse(f"OVER specified, but {name} is not a window function nor "
                    "an aggregate function", node.location, WRONG_OBJECT_TYPE)
        raise _no_function(".".join(node.name), args, node.location)
    if node.distinct:
        _refuse("DISTINCT is not implemented for window functions",
                node.location, FEATURE_NOT_SUPPORTED)
    if node.order_by:
        _refuse("aggregate ORDER BY is not implemented for window functions",
                node.location, FEATURE_NOT_SUPPORTED)
    if node.filter is not None and not aggregate:
        _refuse("FILTER is not implemented for non-aggregate window functions",
                node.location, FEATURE_NOT_SUPPORTED)
    filt = None
    if aggregate:
        signature, targets, rtype = type_aggregate(name, args, star,
                                                   node.location)
        args = [coerce_to_type(a, t, ctx) for a, t in zip(args, targets)]
        function = signature
        filt = resolve_filter(node.filter, level, ctx)
    else:
        if star:
            raise _no_function(name, [], node.location)
        function = name
        args, rtype = _type_window(name, args, node.location, ctx)
    index = _window_index(state, node.over)
    call = r.WindowCall(function, tuple(args), rtype, index, aggregate, star,
                        filt)
    if call not in state.calls:  # equal calls are one (as equal() sees them)
        state.calls.append(call)
    return r.TWindowRef(state.calls.index(call), rtype, node.location)


def _set_returning(args: list) -> int | None:
    found: list[int] = []

    def visit(n: Any) -> Any:
        if isinstance(n, r.TSetCall):
            found.append(n.location)
            return n
        return n if isinstance(n, r.TSubquery) else None
    rebuild(tuple(args), visit)
    return found[0] if found else None


def _type_window(name: str, args: list, location: int, ctx: Any
                 ) -> tuple[list, q.ResultType]:
    low, high = _WINDOW.get(name, (-1, -1))
    if not low <= len(args) <= high:
        raise _no_function(name, args, location)
    int4 = q.INT4

    def integer(arg: Any) -> Any:
        if arg.type != q.UNKNOWN and not can_coerce_expr(arg, int4):
            raise _no_function(name, args, location)
        return coerce_to_type(arg, int4, ctx)

    if name in ("row_number", "rank", "dense_rank"):
        return [], q.INT8
    if name in ("percent_rank", "cume_dist"):
        return [], q.FLOAT8
    if name == "ntile":
        return [integer(args[0])], int4
    value = args[0]
    if len(args) == 3:  # lag/lead(anycompatible, integer, anycompatible)
        common = select_common_type([value, args[2]], None)
        if common is None:
            raise _no_function(name, args, location)
        if common == q.UNKNOWN:
            common = q.TEXT
        return [coerce_to_type(value, common, ctx), integer(args[1]),
                coerce_to_type(args[2], common, ctx)], common
    if value.type == q.UNKNOWN:
        raise datatype_mismatch("could not determine polymorphic type because "
                                "input has type unknown")
    out = [value] + [integer(a) for a in args[1:]]
    return out, call_result(value.type)


def _window_index(state: Windows, over: s.WindowDef) -> int:
    if over.name is not None:  # OVER w
        for i, d in enumerate(state.defs[:state.named]):
            if d.name == over.name:
                return i
        raise undefined_object(f'window "{over.name}" does not exist',
                               position=pos(over.location))
    # an OVER clause equal to a window met before (a WINDOW clause entry
    # included) shares it, as transformWindowFuncCall matches them
    for i, d in enumerate(state.defs):
        if d.refname == over.refname and d.partition_by == over.partition_by \
                and d.order_by == over.order_by \
                and d.frame_options == over.frame_options \
                and d.start_offset == over.start_offset \
                and d.end_offset == over.end_offset:
            return i
    state.defs.append(over)
    return len(state.defs) - 1


# -- transformWindowDefinitions ---------------------------------------------------


def define(resolver: Any, level: Any) -> None:
    """Type every window of the level, in order, into `state.specs`."""
    state: Windows | None = level.window
    if state is None or not state.defs:
        return
    done: list[tuple[s.WindowDef, r.WindowSpec, bool]] = []
    state.clause = "window definitions"
    try:
        for i, wdef in enumerate(state.defs):
            if wdef.name is not None and i < state.named and any(
                    d.name == wdef.name for d, _, _ in done):
                _refuse(f'window "{wdef.name}" is already defined',
                        wdef.location)
            ref = None
            if wdef.refname is not None:
                ref = next((d for d in done if d[0].name == wdef.refname),
                           None)
                if ref is None:
                    raise undefined_object(f'window "{wdef.refname}" does '
                                           "not exist", position=pos(wdef.location))
            done.append((wdef, _spec(resolver, level, wdef, ref), False))
    finally:
        state.clause = None
    state.specs = [spec for _, spec, _ in done]


def _spec(resolver: Any, level: Any, wdef: s.WindowDef, ref: Any
          ) -> r.WindowSpec:
    ctx = resolver.ctx
    order = []
    for sort in wdef.order_by:
        expr = resolve_target(sort.expr, level, ctx)
        require_ordering(expr.type, getattr(sort.expr, "location", -1))
        nulls_first = sort.nulls_first
        if nulls_first is None:
            nulls_first = sort.descending
        order.append(r.SortKey(expr, sort.descending, nulls_first))
    partition = []
    for item in wdef.partition_by:
        expr = resolve_target(item, level, ctx)
        require_equality(expr.type, _leftmost(item))
        partition.append(expr)
    if ref is not None:
        rdef, rspec, _ = ref
        if partition:
            _refuse("cannot override PARTITION BY clause of window "
                    f'"{wdef.refname}"', wdef.location)
        partition = list(rspec.partition)
        if order and rspec.order:
            _refuse("cannot override ORDER BY clause of window "
                    f'"{wdef.refname}"', wdef.location)
        if not order:
            order = list(rspec.order)
        if rdef.frame_options != DEFAULTS:
            hint = None
            if wdef.name is None and not wdef.order_by and not (
                    wdef.frame_options & NONDEFAULT):
                hint = "Omit the parentheses in this OVER clause."
            raise windowing_error(f'cannot copy window "{wdef.refname}" '
                                  "because it has a frame clause", hint=hint,
                                  position=pos(wdef.location))
    options = wdef.frame_options
    mode = "rows" if options & ROWS else "groups" if options & GROUPS \
        else "range"
    offsets = options & (START_OFFSET | END_OFFSET)
    if mode == "range" and offsets and len(order) != 1:
        _refuse("RANGE with offset PRECEDING/FOLLOWING requires exactly one "
                "ORDER BY column", wdef.location)
    if mode == "groups" and not order:
        _refuse("GROUPS mode requires an ORDER BY clause", wdef.location)
    start = _bound(options, "START")
    end = _bound(options, "END")
    start_offset = end_offset = None
    if wdef.start_offset is not None:
        start_offset = _offset(resolver, level, mode, order, wdef.start_offset)
    if wdef.end_offset is not None:
        end_offset = _offset(resolver, level, mode, order, wdef.end_offset)
    exclude = ("current" if options & EXCLUDE_CURRENT_ROW else
               "group" if options & EXCLUDE_GROUP else
               "ties" if options & EXCLUDE_TIES else "none")
    return r.WindowSpec(tuple(partition), tuple(order), mode, start, end,
                        start_offset, end_offset, exclude)


def _leftmost(node: Any) -> int:
    """exprLocation() of a written expression: its leftmost token."""
    found: list[int] = []

    def visit(n: Any) -> Any:
        where = getattr(n, "location", -1)
        if isinstance(where, int) and where >= 0:
            found.append(where)
        return None
    rebuild(node, visit)
    return min(found, default=-1)


def _bound(options: int, side: str) -> str:
    g = globals()
    for kind, bit in (("unbounded_preceding", "UNBOUNDED_PRECEDING"),
                      ("unbounded_following", "UNBOUNDED_FOLLOWING"),
                      ("current", "CURRENT_ROW"),
                      ("preceding", "OFFSET_PRECEDING"),
                      ("following", "OFFSET_FOLLOWING")):
        if options & g[f"{side}_{bit}"]:
            return kind
    return "current" if side == "END" else "unbounded_preceding"


def _offset(resolver: Any, level: Any, mode: str, order: list,
            node: s.Expr) -> Any:
    """transformFrameOffset: the offset typed, coerced and free of
    variables (checkExprIsVarFree)."""
    ctx = resolver.ctx
    construct = mode.upper()
    saved = level.agg_clause
    level.agg_clause = f"window {construct}"
    try:
        expr = resolve_expr(node, level, ctx)
    finally:
        level.agg_clause = saved
    if mode == "range":
        sort_type = order[0].expr.type
        wanted = IN_RANGE.get(key(sort_type))
        if wanted is None:
            raise SqlError(FEATURE_NOT_SUPPORTED, "RANGE with offset PRECEDING/FOLLOWING is "
                                         "not supported for column type "
                                         f"{display_type(sort_type)}",
                                         position=pos(_location(expr, node)))
        target = _in_range_type(expr, sort_type, wanted, node)
    else:
        target = q.INT8
        if expr.type != q.UNKNOWN and not can_coerce_expr(expr, target, "a"):
            raise datatype_mismatch(f"argument of {construct} must be type "
                                    f"bigint, not type {display_type(expr.type)}",
                                    position=pos(_location(expr, node)))
    expr = coerce_to_type(expr, target, ctx, "a" if mode != "range" else "i")
    variable = _first_variable(expr)
    if variable is not None:
        raise invalid_column_reference(f"argument of {construct} must not contain "
                                       "variables", position=pos(variable))
    return expr


def _in_range_type(expr: Any, sort_type: Any, wanted: tuple, node: Any) -> Any:
    have = key(expr.type)
    if have in wanted:
        return result_type(have)
    fits = [w for w in wanted if can_coerce_expr(expr, result_type(w))]
    if key(sort_type) in fits:
        return sort_type
    if fits:
        return result_type(fits[0])
    raise SqlError(FEATURE_NOT_SUPPORTED, "RANGE with offset PRECEDING/FOLLOWING is not "
                                 "supported for column type "
                                 f"{display_type(sort_type)} and offset type "
                                 f"{display_type(expr.type)}",
                                 hint="Cast the offset value to an appropriate type.",
                                 position=pos(_location(expr, node)))


def _location(expr: Any, node: Any) -> int:
    where = getattr(expr, "location", -1)
    return where if where is not None and where >= 0 else \
        getattr(node, "location", -1)


def _first_variable(expr: Any) -> int | None:
    found: list[int] = []

    def visit(n: Any) -> Any:
        if isinstance(n, (q.TColumn, r.TOuter)):
            found.append(n.location)
            return n
        return None
    rebuild(expr, visit)
    return found[0] if found else None


# -- the Window relation ------------------------------------------------------------


def expressions(level: Any) -> list:
    """Every expression the level's windows evaluate over its rows."""
    state: Windows | None = level.window
    if state is None or not state.calls:
        return []
    out: list = []
    for call in state.calls:
        out.extend(call.args)
        if call.filter is not None:
            out.append(call.filter)
    for spec in state.specs:
        out.extend(spec.partition)
        out.extend(k.expr for k in spec.order)
    return out


def replace(level: Any, exprs: list) -> None:
    """`expressions(level)` rewritten (over the grouped row), put back."""
    state: Windows | None = level.window
    if state is None or not state.calls:
        return
    items = iter(exprs)
    calls = []
    for call in state.calls:
        args = tuple(next(items) for _ in call.args)
        filt = next(items) if call.filter is not None else None
        calls.append(dataclasses.replace(call, args=args, filter=filt))
    specs = []
    for spec in state.specs:
        partition = tuple(next(items) for _ in spec.partition)
        order = tuple(dataclasses.replace(k, expr=next(items))
                      for k in spec.order)
        specs.append(dataclasses.replace(spec, partition=partition,
                                         order=order))
    state.calls, state.specs = calls, specs


def apply(level: Any, relation: r.Relation, exprs: list
          ) -> tuple[r.Relation, list]:
    """The Window over `relation`, and `exprs` reading its columns."""
    state: Windows | None = level.window
    if state is None or not state.calls:
        return relation, exprs
    width = len(relation.columns)
    columns = relation.columns + tuple(
        r.RelColumn(f"window{i}", c.type) for i, c in enumerate(state.calls))
    window = r.Window(relation, tuple(state.specs), tuple(state.calls),
                      columns)

    def swap(node: Any) -> Any:
        if isinstance(node, r.TWindowRef):
            return q.TColumn(width + node.index, f"window{node.index}",
                             node.type, node.location)
        if isinstance(node, r.TSubquery):
            return node
        return None
    return window, [rebuild(e, swap) for e in exprs]
