"""Comparisons of composite values (record_eq, btrecordcmp): `t = t`,
`t < u`, ORDER BY, DISTINCT, GROUP BY of whole rows. Field by field with
each field's own ordering; two NULL fields are equal and a NULL field
sorts after any value (unlike `ROW(…) = ROW(…)`, whose fields compare as
SQL does: `analyze.row_comparison`). Records whose field types differ
are outside the subset (PostgreSQL compares some such pairs)."""

from __future__ import annotations

from typing import Sequence

from twinning.ir import query as q
from twinning.passes.expr.ordering import sort_key
from twinning.passes.expr.registry import COMPARE, PY_COMPARE, Impl
from twinning.passes.expr.records import record_of

__all__ = ["operator", "comparison"]


def _shape(rtype: q.ResultType) -> tuple | None:
    record = record_of(rtype)
    if record is None:
        return None
    return tuple((t.name, t.is_array, t.user) for _, t in record.fields)


def operator(op: str, actual: Sequence[q.ResultType]
             ) -> tuple[str | None, q.ResultType, list[q.ResultType]]:
    """operator_impl for (record, record): both composites of the same
    field types."""
    left, right = actual
    shape = _shape(left)
    if op not in COMPARE or shape is None or shape != _shape(right):
        return None, q.UNKNOWN, []
    return f"{op} record", q.BOOL, [left, right]


def comparison(sig: str, types: Sequence[q.ResultType]) -> Impl:
    key = sort_key(types[0])
    compare = PY_COMPARE[sig.split(" ", 1)[0]]
    return Impl(lambda a, b: compare(key(a), key(b)))
