"""Typing of the array constructs with more than one dimension: subscripts
and slices (`a[i][j]`, `a[1:2][:3]`, transformContainerSubscripts) and
ARRAY[…] of sub-arrays (transformArrayExpr's multidims case).

The analyzer (`analyze.Analyzer`) calls in here with its coercion
helpers (`Coercions`), as analyze imports this module.
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

from twinning.errors import (
    cannot_coerce, datatype_mismatch, feature_not_supported,
    program_limit_exceeded, undefined_object,
)
from twinning.ir import query as q
from twinning.ir import syntax as s
from twinning.passes.expr.types import (UNKNOWN, VECTORS, cast_context,
                                        display_type, element_type, is_array,
                                        key)
from twinning.values.md_arrays import MAXDIM


class Coercions(NamedTuple):
    """analyze's can_coerce_expr, coerce_to_type, select_common_type and
    coerce_to_common_type."""

    can_coerce: Callable
    coerce: Callable
    common_type: Callable
    to_common: Callable


def _pos(location: int | None) -> int | None:
    return None if location is None or location < 0 else location + 1


def subscripts(an: Any, node: s.Subscripts, helpers: Coercions) -> q.TExpr:
    """array_subscript_transform(): in a slice, a plain index `i` is `1:i`."""
    can_coerce_expr, coerce_to_type = helpers.can_coerce, helpers.coerce
    arg = an.expr(node.arg)
    if not (is_array(key(arg.type)) or key(arg.type) in VECTORS):
        raise datatype_mismatch("cannot subscript type "
                                f"{display_type(arg.type)} because it does not "
                                "support subscripting", position=_pos(
                                    node.location if node.location >= 0 else arg.location))
    if key(arg.type) in VECTORS:
        raise feature_not_supported(f"slices and several subscripts of "
                                    f"{display_type(arg.type)}",
                                    _pos(node.location))

    def index(expr: s.Expr) -> q.TExpr:
        typed = an.expr(expr)
        if not can_coerce_expr(typed, q.INT4, "a"):
            raise datatype_mismatch("array subscript must have type integer",
                                    position=_pos(typed.location))
        return coerce_to_type(typed, q.INT4, an.ctx, "a")

    is_slice = any(node.slices)
    lowers: list[q.TExpr | None] = []
    uppers: list[q.TExpr | None] = []
    one = q.TLiteral("integer", "1", q.INT4, -1)
    for lower, upper, sliced in zip(node.lowers, node.uppers, node.slices):
        if is_slice:
            lowers.append(index(lower) if lower is not None else
                          None if sliced else one)
        uppers.append(None if upper is None else index(upper))
    if len(uppers) > MAXDIM:
        raise program_limit_exceeded(f"number of array dimensions ({len(uppers)}) "
                                     f"exceeds the maximum allowed ({MAXDIM})")
    rtype = arg.type if is_slice else element_type(arg.type)
    if not is_slice:
        lowers = [None] * len(uppers)
    return q.TSubscripts(arg, tuple(lowers), tuple(uppers), is_slice,
                         rtype, node.location)


def is_multidim(node: s.ArrayLit, items: list[q.TExpr] | None = None) -> bool:
    """An ARRAY[…] with a nested […] or an array-typed item."""
    if any(isinstance(i, s.ArrayLit) for i in node.items):
        return True
    return items is not None and any(is_array(key(i.type)) for i in items)


def explicit_items(items: list[q.TExpr], target: q.ResultType,
                   coerce_to_type: Callable, ctx: Any) -> tuple[q.TExpr, ...]:
    """The items of an ARRAY[…] that was cast, coerced explicitly to the
    element type `target` (transformArrayExpr's coerce_type with
    COERCION_EXPLICIT): an item that cannot be cast is 42846 at its
    position."""
    out = []
    for item in items:
        if key(item.type) != UNKNOWN and cast_context(
                key(item.type), key(target)) is None:
            raise cannot_coerce("cannot cast type "
                                f"{display_type(item.type)} to "
                                f"{display_type(target)}",
                                position=_pos(item.location))
        out.append(coerce_to_type(item, target, ctx, "e", explicit=True))
    return tuple(out)


def array_expr(an: Any, node: s.ArrayLit, target: q.ResultType | None,
               helpers: Coercions, typed: list[q.TExpr] | None = None
               ) -> q.TExpr:
    """transformArrayExpr() of a multidimensional ARRAY[…]: its items are
    arrays (nested `[…]` take the target type down), coerced to one array
    type, explicitly when the whole was cast (`target`). `typed`: the
    items already typed by the caller."""
    coerce_to_type = helpers.coerce
    select_common_type, coerce_to_common_type = (helpers.common_type,
                                                  helpers.to_common)
    items: list[q.TExpr] = list(typed or ())
    for item in node.items[len(items):]:
        if isinstance(item, s.ArrayLit):
            items.append(an._array(item, target))
        else:
            items.append(an.expr(item))
    if target is not None:
        return q.TArray(explicit_items(items, target, coerce_to_type, an.ctx),
                        q.ResultType.of(target.sql_type), node.location, True)
    common = select_common_type(items, "ARRAY")
    if common.sql_type is None or not common.sql_type.is_array:
        raise undefined_object("could not find element type for data type "
                               f"{display_type(common)}", position=_pos(node.location))
    items = [coerce_to_common_type(i, common, "ARRAY", an.ctx) for i in items]
    return q.TArray(tuple(items), q.ResultType.of(common.sql_type),
                    node.location, True)
