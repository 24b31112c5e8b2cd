"""Comparisons of composite values (record_eq, btrecordcmp): `t = t`,
`t < u`, ORDER BY, DISTINCT, GROUP BY of whole rows. Field by field with
each field's own ordering; two NULL fields are equal and a NULL field
sorts after any value (unlike `ROW(…) = ROW(…)`, whose fields compare as
SQL does: `analyze.row_comparison`). Records of other field types or
counts fail when compared, as record_eq fails: 42804."""

from __future__ import annotations

from typing import Any, Sequence

from twinning.errors import SqlError, datatype_mismatch
from twinning.ir import query as q
from twinning.ir.types import record_type
from twinning.passes.expr.ordering import sort_key
from twinning.passes.expr.registry import COMPARE, PY_COMPARE, Impl
from twinning.passes.expr.records import record_of

__all__ = ["operator", "comparison"]


def _fields(rtype: q.ResultType) -> list[tuple[Any, str]]:
    """(identity, display) of each field's type."""
    record = record_of(rtype)
    return [(("unknown",) if i in record.unknown else (t.name, t.is_array, t.user),
             "unknown" if i in record.unknown else t.display())
            for i, (_, t) in enumerate(record.fields)]


def operator(op: str, actual: Sequence[q.ResultType]
             ) -> tuple[str | None, q.ResultType, list[q.ResultType]]:
    """operator_impl for (record, record): two composites."""
    left, right = actual
    if left == q.UNKNOWN:  # an untyped literal or parameter: a record
        left = _ANONYMOUS  # (whose input PostgreSQL does not implement)
    if right == q.UNKNOWN:
        right = _ANONYMOUS
    if op not in COMPARE or record_of(left) is None or record_of(right) is None:
        return None, q.UNKNOWN, []
    return f"{op} record", q.BOOL, [left, right]


_ANONYMOUS = q.ResultType.of(record_type(()))


def _mismatch(left: q.ResultType, right: q.ResultType) -> SqlError | None:
    a, b = _fields(left), _fields(right)
    for i, ((x, shown_x), (y, shown_y)) in enumerate(zip(a, b), start=1):
        if x != y:
            return datatype_mismatch("cannot compare dissimilar column types "
                                     f"{shown_x} and {shown_y} at record column {i}")
    if len(a) != len(b):
        return datatype_mismatch("cannot compare record types with different "
                                 "numbers of columns")
    return None


def comparison(sig: str, types: Sequence[q.ResultType]) -> Impl:
    error = _mismatch(types[0], types[1])
    if error is not None:  # raised per comparison, as record_eq does
        def fail(a: Any, b: Any) -> bool:
            raise error
        return Impl(fail)
    key = sort_key(types[0])
    compare = PY_COMPARE[sig.split(" ", 1)[0]]
    return Impl(lambda a, b: compare(key(a), key(b)))
