"""The type modifier a call or NULLIF hands on, as exprTypmod (nodeFuncs.c)
finds it for RowDescription and for whatever reads the expression.

A function, aggregate or window function call has none (-1), even when
its result type is its argument's (anyelement: percentile_disc, mode,
last_value, lag, unnest, array_agg's element): exprTypmod knows only a
length coercion's FuncExpr, and the twin types those as casts.

NULLIF keeps its first argument's: make_op coerces the argument to the
`=` operator's input type with coerce_type, which leaves a value already
of that type (any typmod; a polymorphic input too) as it is, and
exprTypmod of the NullIfExpr is that argument's. A typmod the twin's
coercion dropped only as a relabel (same type) is the argument's again.
"""

from __future__ import annotations

from twinning.ir import query as q

__all__ = ["call_result", "nullif_result"]


def call_result(rtype: q.ResultType) -> q.ResultType:
    """A call's result type without a typmod."""
    if rtype.typmod < 0 or rtype.sql_type is None:
        return rtype
    st = rtype.sql_type
    return q.ResultType.of(type(st)(st.name, -1, st.is_array))


def nullif_result(left: q.TExpr, coerced: q.TExpr) -> q.ResultType:
    """NULLIF(left, …)'s result type, `coerced` being left as the `=`
    operator takes it."""
    if coerced.type.name == left.type.name and coerced.type.typmod < 0:
        return left.type
    return coerced.type
