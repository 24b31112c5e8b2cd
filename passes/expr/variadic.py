"""Calls with a VARIADIC argument. PostgreSQL passes the array itself as
the variadic parameter; the twin runs that form for format(text,
VARIADIC "any"), whose elements are then its arguments (text_format with
get_fn_expr_variadic: a NULL array is no arguments), as
`format_variadic(text,anyarray)`. Any other VARIADIC call is refused by
name.
"""

from __future__ import annotations

from typing import Any, Sequence

from twinning.deferred import deferred
from twinning.errors import datatype_mismatch, feature_not_supported
from twinning.ir import query as q
from twinning.ir import syntax as s
from twinning.ir.types import SqlType
from twinning.passes.expr.registry import FUNCTIONS, TypedImpl, output
from twinning.passes.expr.types import element_of, is_array, key

formatting = deferred("twinning.passes.expr.formatting", globals(),
                      "formatting")

__all__ = ["variadic_call", "register"]

_TEXT = q.ResultType.of(SqlType("text"))
SIGNATURE = "format_variadic(text,anyarray)"


def variadic_call(analyzer: Any, node: s.FuncCall, builtin: bool,
                  coerce: Any, can_coerce: Any) -> q.TExpr:
    """format(template, VARIADIC array), typed; 0A000 for the rest."""
    position = node.location + 1 if node.location >= 0 else None
    if not (builtin and node.name[-1] == "format" and len(node.args) == 2
            and not any(isinstance(a, s.NamedArg) for a in node.args)):
        raise feature_not_supported("VARIADIC argument", position)
    template = analyzer.expr(node.args[0])
    values = analyzer.expr(node.args[1])
    if not is_array(key(values.type)):
        where = values.location + 1 if values.location >= 0 else None
        raise datatype_mismatch("VARIADIC argument must be an array",
                                position=where)
    if not can_coerce(template, _TEXT, "i"):
        raise feature_not_supported("VARIADIC argument", position)
    template = coerce(template, _TEXT, analyzer.ctx)
    return q.TCall(SIGNATURE, (template, values), _TEXT, node.location)


def _factory(arg_types: Sequence[q.ResultType]):
    out = output(element_of(arg_types[1]).name)

    def make(settings):
        fmt = out(settings)
        text_format = formatting.text_format

        def format_variadic(template, values=None):
            if template is None:
                return None
            items = tuple(values or ())
            texts = [None if v is None else fmt(v) for v in items]
            return text_format(template, texts, items)
        return format_variadic
    return make


def register() -> None:
    FUNCTIONS[SIGNATURE] = TypedImpl(_factory, strict=False)
