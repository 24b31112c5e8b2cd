"""What the analysis of a written read asks of its syntax and typed
parts, apart from the range tables `resolve_select` keeps: where a part
is written (exprLocation), whether a query names a table, set-returning
calls in a typed expression, sort keys, the column alias lists of FROM
items and WITH queries, and JOIN USING's column lookup."""

from __future__ import annotations

import dataclasses
from typing import Any, Sequence

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, ambiguous_column, feature_not_supported,
    invalid_column_reference, undefined_column,
)
from twinning.ir import select as r
from twinning.ir import syntax as s
from twinning.passes.expr.analyze import pos
from twinning.passes.expr.walk import children


def aliased(names: list[str], aliases: Sequence[str], refname: str,
             location: int) -> list[str]:
    if len(aliases) > len(names):
        raise invalid_column_reference(f'table "{refname}" has {len(names)} columns '
                                       f"available but {len(aliases)} columns specified",
                                       position=pos(location))
    return list(aliases) + list(names[len(aliases):])


def has_set_returning(expr: Any) -> bool:
    if isinstance(expr, r.TSubquery):
        return False
    if isinstance(expr, r.TSetCall):
        return True
    return any(has_set_returning(c) for c in children(expr)
               if not isinstance(c, r.TSubquery))


def no_set_returning(expr: Any, clause: str) -> None:
    """A set-returning call outside a target list or FROM."""
    if isinstance(expr, r.TSubquery):
        return
    if isinstance(expr, r.TSetCall):
        raise SqlError(FEATURE_NOT_SUPPORTED, "set-returning functions are not allowed in "
                                     f"{clause}", position=pos(expr.location))
    for child in children(expr):
        if not isinstance(child, r.TSubquery):
            no_set_returning(child, clause)


def whole_row(node: s.Expr) -> bool:
    """`t.*` as an aggregate argument: count(t.*) counts t's rows."""
    return isinstance(node, s.ColumnRef) and node.star and bool(node.parts)


def cte_columns(cte: r.CommonTable, columns: tuple[r.RelColumn, ...]
                 ) -> tuple[r.RelColumn, ...]:
    """The column list a WITH query's own names give its columns."""
    names = cte.column_names
    if not names:
        return columns
    if len(names) > len(columns):
        raise invalid_column_reference(f'WITH query "{cte.name}" has {len(columns)} '
                                       f"columns available but {len(names)} columns "
                                       "specified", position=pos(cte.location))
    names = names + tuple(c.name for c in columns[len(names):])
    return tuple(r.RelColumn(n, c.type, c.location)
                 for n, c in zip(names, columns))


def mentions(node: Any, name: str) -> bool:
    """Whether a query names `name` as a table (a self-reference)."""
    if isinstance(node, r.TableRef):
        return node.names == (name,)
    if isinstance(node, tuple):
        return any(mentions(n, name) for n in node)
    if dataclasses.is_dataclass(node):
        return any(mentions(getattr(node, f.name), name)
                   for f in dataclasses.fields(node))
    return False


def distinct_on_mismatch(location: int) -> SqlError:
    return invalid_column_reference("SELECT DISTINCT ON expressions must match "
                                    "initial ORDER BY expressions", position=pos(location))


def sort_key(expr: Any, sort: s.SortBy) -> r.SortKey:
    nulls_first = sort.nulls_first
    if nulls_first is None:
        nulls_first = sort.descending
    return r.SortKey(expr, sort.descending, nulls_first)


def using_index(names: list[str], name: str, side: str, location: int) -> int:
    hits = [i for i, n in enumerate(names) if n == name]
    if not hits:
        raise undefined_column(f'column "{name}" specified in USING clause '
                               f"does not exist in {side} table",
                               position=pos(location))
    if len(hits) > 1:
        raise ambiguous_column(f'common column name "{name}" appears more '
                               f"than once in {side} table", position=pos(location))
    return hits[0]


def leftmost(node: Any) -> int:
    """exprLocation() of a written expression: its leftmost token."""
    found = [loc for loc in (getattr(node, "location", -1),) if loc >= 0]
    if dataclasses.is_dataclass(node) and not isinstance(node, r.Query):
        for f in dataclasses.fields(node):
            value = getattr(node, f.name)
            for item in value if isinstance(value, tuple) else (value,):
                if dataclasses.is_dataclass(item):
                    inner = leftmost(item)
                    if inner >= 0:
                        found.append(inner)
    return min(found, default=-1)


def expr_location(node: Any) -> int:
    return getattr(node, "location", -1)


def location(row: Sequence[s.Expr]) -> int:
    return expr_location(row[0]) if row else -1


def first_target_location(query: Any) -> int:
    body = getattr(query, "body", None)
    while isinstance(body, r.SetOperation):
        body = getattr(body.left, "body", None)
    targets = getattr(body, "targets", ())
    return expr_location(targets[0].expr) if targets else -1


def misplaced_write(cte: r.CommonTable, top: bool) -> SqlError:
    """A data-modifying WITH query where the statement cannot run one:
    below its top level (analyzeCTE's error), or at the top of a query
    read elsewhere (refused)."""
    if top:
        return feature_not_supported(
            "data-modifying statement in WITH of this statement")
    return SqlError(FEATURE_NOT_SUPPORTED, "WITH clause containing a data-modifying "
                                  "statement must be at the top level",
                                  position=pos(cte.location))


def check_returning(relation: Any, ref: r.TableRef) -> None:
    """A data-modifying WITH query read without RETURNING (0A000, at the
    reference, as addRangeTableEntryForCTE)."""
    if isinstance(relation, r.CteScan) and not relation.returning:
        raise SqlError(FEATURE_NOT_SUPPORTED, f'WITH query "{relation.name}" does not have '
                                     "a RETURNING clause", position=pos(ref.location))
