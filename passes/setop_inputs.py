"""Which input of an INTERSECT PostgreSQL 15 reads first.

nodeSetOp outputs copies of each group's first row from the input it
reads first, so equal but distinguishable values (1.0 and 1, '24 hours'
and '1 day', 0 and -0) print as that row. EXCEPT reads its left input
first; for INTERSECT generate_nonunion_paths puts the input with fewer
estimated groups first (the left one on a tie), to keep the hash table
small.

The estimate is recurse_set_operations' for each input: the input's rows
when it groups or aggregates, else estimate_num_groups over its output
expressions (selfuncs.c): a constant counts for nothing, a boolean for
2, a column of a VALUES list for its rows (under 200, the
no-statistics default above them), the product clamped to the input's
rows. A table's column is taken as never ANALYZEd and never vacuumed
(10 pages assumed, so at least 200 rows): the default 200 distinct
values, a little fewer under a filter. What rests further on a table's
size or statistics (joins, several columns, selectivities) the twin
cannot know: that input counts as larger than any known one, and two
such inputs tie.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from twinning.ir import query as q
from twinning.ir import select as r

__all__ = ["right_first"]

_UNKNOWN = math.inf
_DEFAULT_NUM_DISTINCT = 200  # selfuncs.h


def right_first(op: str, left: Any, right: Any) -> bool:
    """Does the set operation read its right input first?"""
    return op == "intersect" and _groups(left) > _groups(right)


def _groups(rel: Any) -> float:
    """recurse_set_operations' *pNumGroups of one input."""
    while isinstance(rel, (r.Sort, r.LockRows)):
        rel = rel.input
    if isinstance(rel, r.Project):
        if _grouped(rel.input):
            return _rows(rel.input)
        return _num_groups(rel.exprs, rel.input)
    if isinstance(rel, r.Values):
        return _num_groups(tuple(q.TColumn(i, c.name, c.type)
                                 for i, c in enumerate(rel.columns)), rel)
    return _rows(rel)


def _grouped(rel: Any) -> bool:
    while isinstance(rel, (r.Sort, r.Limit, r.Filter, r.LockRows)):
        rel = rel.input  # (a Filter here is HAVING)
    return isinstance(rel, (r.Aggregate, r.Distinct))


def _rows(rel: Any) -> float:
    """The planner's row estimate, where it does not depend on a table."""
    if isinstance(rel, r.Values):
        return float(len(rel.rows))
    if isinstance(rel, (r.Project, r.Sort, r.LockRows, r.Distinct)):
        return _rows(rel.input)
    if isinstance(rel, r.Aggregate) and not rel.keys and rel.sets is None:
        return 1.0
    if isinstance(rel, r.Limit) and rel.offset is None and \
            isinstance(rel.count, q.TLiteral) and rel.count.kind == "integer":
        return min(float(rel.count.text), _rows(rel.input))
    return _UNKNOWN


def _num_groups(exprs: tuple, rel: Any) -> float:
    """estimate_num_groups(exprs, rows of rel)."""
    rows = _rows(rel)
    found = 1.0
    for expr in exprs:
        if getattr(expr.type, "name", None) == "bool":
            found *= 2.0
            continue
        for column in _columns(expr):
            found *= _distinct(column, rel)
    found = min(found, rows)
    return max(math.ceil(found), 1.0) if found < _UNKNOWN else found


def _distinct(column: q.TColumn, rel: Any) -> float:
    """get_variable_numdistinct of a column of rel's row: a VALUES list
    has no statistics, so its rows (or the default past 200)."""
    if isinstance(rel, r.Values):
        n = len(rel.rows)
        return float(n if n < _DEFAULT_NUM_DISTINCT else _DEFAULT_NUM_DISTINCT)
    filtered = False
    while isinstance(rel, r.Filter):
        rel, filtered = rel.input, True
    if isinstance(rel, r.Scan) and not rel.system:
        # an un-ANALYZEd table of at least 200 estimated rows (10 pages
        # assumed while never vacuumed): the default, which a filter
        # scales down (estimate_num_groups: rows below the table's)
        return _DEFAULT_NUM_DISTINCT - (1.0 if filtered else 0.0)
    return _UNKNOWN


def _columns(expr: Any) -> list:
    """The columns of its own level an expression reads (a subquery's
    relation is another level; outer references are not its vars)."""
    if isinstance(expr, q.TColumn):
        return [expr]
    if isinstance(expr, r.TSubquery):
        return _columns(expr.test) if expr.test is not None else []
    if isinstance(expr, tuple):
        return [c for item in expr for c in _columns(item)]
    if dataclasses.is_dataclass(expr) and not isinstance(
            expr, (q.ResultType, q.TLiteral, q.TParam, r.TOuter)):
        return [c for f in dataclasses.fields(expr)
                for c in _columns(getattr(expr, f.name))]
    return []
