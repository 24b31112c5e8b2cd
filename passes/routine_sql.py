"""SQL text inside a function body: its variables as parameters.

A statement of an SQL function or a PL/pgSQL function (and each PL/pgSQL
expression, run as `SELECT expr`) reads the function's arguments and
variables by name. They become `$n` parameters: the text is parsed with
pglast, each column reference that names a variable (`x`, `new.col`,
`rec.field`, `fname.arg`) is replaced by a ParamRef, and the statement is
printed back, so the twin's ordinary parse → plan path runs it with the
variables' values bound. The rewrite is done once per statement and its
plan cached (the caller keys it by the parameter types).
"""

from __future__ import annotations

from typing import Any, Callable

from pglast import ast, parse_sql
from pglast.parser import ParseError
from pglast.stream import RawStream

from twinning.errors import SqlError

Lookup = Callable[[tuple[str, ...]], "int | None"]


def statements(body: str) -> list[str]:
    """The statements of an SQL function body, each as text."""
    try:
        parsed = parse_sql(body)
    except ParseError as exc:
        raise SqlError("42601", str(exc.args[0]) if exc.args else str(exc)) \
            from None
    return [RawStream()(raw.stmt) for raw in parsed]


def substitute(sql: str, lookup: Lookup) -> tuple[str, Any]:
    """`sql` with the variables `lookup` numbers as `$n`, and its first
    statement's pglast node (so a caller can see its kind)."""
    try:
        parsed = parse_sql(sql)
    except ParseError as exc:
        raise SqlError("42601", str(exc.args[0]) if exc.args else str(exc)) \
            from None
    if len(parsed) != 1:
        raise SqlError("42601", "query \"%s\" returned more than one row"
                       % sql if parsed else "empty query")
    stmt = _walk(parsed[0].stmt, lookup)
    return RawStream()(stmt), stmt


def _walk(node: Any, lookup: Lookup) -> Any:
    if isinstance(node, ast.ColumnRef):
        fields = node.fields or ()
        if fields and all(isinstance(f, ast.String) for f in fields):
            number = lookup(tuple(f.sval for f in fields))
            if number is not None:
                return ast.ParamRef(number=number, location=node.location)
        return node
    if isinstance(node, ast.ResTarget) and node.name is None \
            and isinstance(node.val, ast.ColumnRef):
        value = _walk(node.val, lookup)
        if isinstance(value, ast.ParamRef):  # keeps its FigureColname name
            node.name = node.val.fields[-1].sval
            node.val = value
        return node
    if isinstance(node, tuple):
        return tuple(_walk(x, lookup) for x in node)
    if isinstance(node, ast.Node):
        for name in node:
            value = getattr(node, name)
            if isinstance(value, (ast.Node, tuple)):
                setattr(node, name, _walk(value, lookup))
    return node
