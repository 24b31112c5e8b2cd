"""User enums: the anyenum comparison operators (enum_eq … enum_ge) over
the labels' declaration order, which the type's `EnumType` row carries
(`SqlType.user`); ORDER BY and min/max use the same order
(`ordering.sort_key`, `aggregates`)."""

from __future__ import annotations

from typing import Sequence

from twinning.ir import query as q
from twinning.passes.expr.registry import COMPARE, PY_COMPARE, Impl


def operator(op: str, actual: Sequence[q.ResultType]
             ) -> tuple[str | None, q.ResultType, list[q.ResultType]]:
    """operator_impl for (anyenum, anyenum): both operands the one enum
    (an unknown literal takes the other side's type)."""
    left, right = actual
    if left.name == "unknown":
        left = right
    if right.name == "unknown":
        right = left
    if op not in COMPARE or left != right or left.sql_type is None \
            or left.sql_type.user is None:
        return None, q.UNKNOWN, []
    return f"{op} enum", q.BOOL, [left, left]


def comparison(sig: str, types: Sequence[q.ResultType]) -> Impl:
    op = sig.split(" ", 1)[0]
    if op in ("=", "<>"):
        return Impl(PY_COMPARE[op])
    row = types[0].sql_type.user  # type: ignore[union-attr]
    rank = row.rank()
    compare = PY_COMPARE[op]
    return Impl(lambda a, b: compare(rank[a], rank[b]))
