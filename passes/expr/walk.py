"""Generic walks over typed expressions, shared by the read path's stages.

Typed IR nodes are frozen dataclasses; these functions see through them
without knowing every node type. A subquery (`TSubquery`) is a boundary:
its relation belongs to an inner query level, its `test` operand to the
level that holds it.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from operator import is_
from typing import Any

from twinning.ir import query as q
from twinning.ir import select as r

__all__ = ["children", "rebuild", "shift_columns", "outer_levels"]

_LEAVES = (q.ResultType, q.TLiteral, q.TParam, r.TOuter)
_ATOMS = frozenset({str, int, bool, float, bytes, type(None)})


def rebuild(value: Any, replace: Any, fields: Any = None) -> Any:
    """`value` with every node for which `replace(node)` is not None
    replaced by that result; unchanged subtrees are the same objects.
    Inside `value`, names, numbers, flags and None (`_ATOMS`) are not
    offered to `replace`: no caller replaces them, and they are most of
    a tree's fields.
    `fields(cls)`: the constructor fields of a node class to look into, in
    the order to visit them, None for a leaf (default: `rebuilt_fields`)."""
    new = replace(value)
    if new is not None:
        return new
    if isinstance(value, tuple):
        items = tuple([item if type(item) in _ATOMS else
                       rebuild(item, replace, fields) for item in value])
        return value if all(map(is_, items, value)) else items
    names = (fields or rebuilt_fields)(type(value))
    if names is None:
        return value
    changes = {}
    for name in names:
        old = getattr(value, name)
        if type(old) in _ATOMS:
            continue
        new = rebuild(old, replace, fields)
        if new is not old:
            changes[name] = new
    return dataclasses.replace(value, **changes) if changes else value


@cache
def rebuilt_fields(cls: type) -> tuple[str, ...] | None:
    """A node class's constructor fields in declaration order, None for a
    leaf (what is not a dataclass, and ResultType)."""
    if not dataclasses.is_dataclass(cls) or issubclass(cls, q.ResultType):
        return None
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)


def children(node: Any) -> list[Any]:
    """The direct sub-values of a node (tuples are flattened one level)."""
    if isinstance(node, tuple):
        return list(node)
    if dataclasses.is_dataclass(node) and not isinstance(node, _LEAVES):
        return [getattr(node, f.name) for f in dataclasses.fields(node)]
    return []


def shift_columns(expr: Any, delta: int) -> Any:
    """The expression with every column of its own level moved by
    `delta` slots (a FROM item placed after others, a conjunct pushed
    into the right side of a join)."""
    if isinstance(expr, q.TColumn):
        return dataclasses.replace(expr, slot=expr.slot + delta)
    if isinstance(expr, r.TSubquery):
        if expr.test is None:
            return expr
        return dataclasses.replace(expr, test=shift_columns(expr.test, delta))
    if isinstance(expr, tuple):
        return tuple(shift_columns(e, delta) for e in expr)
    if dataclasses.is_dataclass(expr) and not isinstance(expr, _LEAVES):
        return dataclasses.replace(expr, **{
            f.name: shift_columns(getattr(expr, f.name), delta)
            for f in dataclasses.fields(expr)})
    return expr


def outer_levels(node: Any, depth: int = 1) -> set[int]:
    """Which enclosing levels (1 = the one right outside `node`) a
    relation or expression reads through `TOuter` references."""
    found: set[int] = set()

    def walk(value: Any, nesting: int) -> None:
        if isinstance(value, r.TOuter):
            if value.depth >= nesting:
                found.add(value.depth - nesting + 1)
        elif isinstance(value, r.TSubquery):
            walk(value.relation, nesting + 1)
            walk(value.test, nesting)
        elif isinstance(value, r.Join) and value.lateral:
            walk(value.left, nesting)  # the right side runs in a frame
            walk(value.right, nesting + 1)
            walk(value.condition, nesting)
        elif isinstance(value, tuple):
            for item in value:
                walk(item, nesting)
        elif dataclasses.is_dataclass(value) and not isinstance(
                value, q.ResultType):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name), nesting)

    walk(node, depth)
    return found
