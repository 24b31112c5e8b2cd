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

from typing import Any, Callable, Iterable

from pglast import ast, parse_sql
from pglast.parser import ParseError, scan
from pglast.stream import RawStream

from twinning.errors import ambiguous_column, syntax_error

Lookup = Callable[[tuple[str, ...]], "int | None"]


def statements(body: str) -> list[str]:
    """The statements of an SQL function body, each as text."""
    try:
        parsed = parse_sql(body)
    except ParseError as exc:
        raise syntax_error(str(exc.args[0]) if exc.args else str(exc)) \
            from None
    return [RawStream()(raw.stmt) for raw in parsed]


class Substituted:
    """A statement with its variables as `$n`: the new text, its pglast
    node (as parsed before the rewrite), and the edits that map a
    position in the new text back to the text as written."""

    __slots__ = ("sql", "node", "edits")

    def __init__(self, sql: str, node: Any, edits: list) -> None:
        self.sql, self.node, self.edits = sql, node, edits

    def original(self, position: int) -> int:
        """A 1-based position in `sql` → the same place as written."""
        offset = position - 1
        shift = 0
        for new_start, new_len, old_len in self.edits:
            if offset >= new_start + new_len:
                shift += old_len - new_len
            elif offset >= new_start:
                return new_start + shift + 1
        return offset + shift + 1


def substitute(sql: str, lookup: Lookup, columns_of: Any = None,
               conflict: str = "column",
               zero_based: tuple[str, ...] = ()) -> Substituted:
    """`sql` with the variables `lookup` numbers as `$n`, rewritten in
    the text itself (the rest stays as written, so positions map back);
    a bare variable in a SELECT list keeps its name as the column's.

    A bare name that is also a column of a table the statement reads
    (`columns_of(names)`: that table's column names, or None) is the
    column in an SQL function (`conflict="column"`, as PostgreSQL's SQL
    functions resolve it) and 42702 in PL/pgSQL (`conflict="error"`,
    plpgsql.variable_conflict = error)."""
    try:
        parsed = parse_sql(sql)
    except ParseError as exc:
        raise syntax_error(str(exc.args[0]) if exc.args else str(exc)) \
            from None
    if len(parsed) != 1:
        raise syntax_error("cannot insert multiple commands into a "
                           "prepared statement")
    found: list = []
    _collect(parsed[0].stmt, found, False)
    if not found:
        return Substituted(sql, parsed[0].stmt, [])
    tokens = {tok.start: i for i, tok in enumerate(scan(sql))}
    spans = scan(sql)
    columns = _columns_in_scope(parsed[0].stmt, columns_of) \
        if columns_of is not None else set()
    edits = []
    for node, names, named in sorted(found, key=lambda x: x[0].location):
        number = lookup(names)
        if number is None:
            continue
        if len(names) == 1 and names[0] in columns:
            if conflict == "column":
                continue
            raise ambiguous_column(f'column reference "{names[0]}" is '
                                   "ambiguous", detail="It could refer to either a "
                                   "PL/pgSQL variable or a table column.",
                                   position=node.location + 1)
        i = tokens.get(node.location)
        if i is None:
            continue
        last = i + 2 * (len(names) - 1)
        end = spans[last].end + 1
        text = f"${number}" + (f' AS "{names[-1]}"' if named else "")
        edits.append((node.location, end, text))
        if names[-1] in zero_based and last + 1 < len(spans) and \
                sql[spans[last + 1].start] == "[":
            close = _closing(sql, spans, last + 1)  # TG_ARGV[0]: 0-based
            if close is not None:
                edits.append((spans[last + 1].end + 1,
                              spans[last + 1].end + 1, "1 + ("))
                edits.append((close, close, ")"))
    out, last, mapped, shift = [], 0, [], 0
    for start, end, text in sorted(edits, key=lambda e: (e[0], e[1])):
        out.append(sql[last:start])
        out.append(text)
        mapped.append((start + shift, len(text), end - start))
        shift += len(text) - (end - start)
        last = end
    out.append(sql[last:])
    return Substituted("".join(out), parsed[0].stmt, mapped)


def _closing(sql: str, spans: list, opening: int) -> int | None:
    """The offset of the `]` matching the `[` token at `opening`."""
    depth = 0
    for tok in spans[opening:]:
        ch = sql[tok.start]
        if ch == "[" and tok.start == tok.end:
            depth += 1
        elif ch == "]" and tok.start == tok.end:
            depth -= 1
            if depth == 0:
                return tok.start
    return None


def ast_children(value: Any) -> Iterable[Any]:
    """What a walk over a pglast tree descends into from `value`: a
    tuple's items, a node's attribute values, nothing from a leaf."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, ast.Node):
        return [getattr(value, name) for name in value]
    return ()


def _columns_in_scope(stmt: Any, columns_of: Any) -> set[str]:
    """The column names of the tables the statement reads (an INSERT's
    target excepted: its VALUES do not see it)."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, ast.RangeVar):
            names = tuple(p for p in (node.schemaname, node.relname) if p)
            found.update(columns_of(names) or ())
        elif isinstance(node, ast.InsertStmt):
            for name in node:
                if name != "relation":
                    walk(getattr(node, name))
        else:
            for child in ast_children(node):
                walk(child)
    walk(stmt)
    return found


def _collect(node: Any, found: list, target: bool) -> None:
    """Each column reference of plain names: (node, names, whether it is
    a SELECT list item without an alias)."""
    if isinstance(node, ast.ColumnRef):
        fields = node.fields or ()
        if fields and all(isinstance(f, ast.String) for f in fields):
            found.append((node, tuple(f.sval for f in fields), target))
        return
    if isinstance(node, ast.ResTarget):
        _collect(node.val, found, node.name is None and
                 isinstance(node.val, ast.ColumnRef) and target)
        _collect(node.indirection, found, False)
        return
    if isinstance(node, ast.SelectStmt):
        for name in node:
            value = getattr(node, name)
            _collect(value, found, name == "targetList")
        return
    if isinstance(node, tuple):
        for x in node:
            _collect(x, found, target)
    elif isinstance(node, ast.Node):
        for name in node:
            _collect(getattr(node, name), found, False)
