"""Parse stage for write statements: pglast DML nodes → `twinning.ir.dml`.

One converter per statement. Clauses outside the subset raise `Unsupported`
naming them (WITH on a write, OVERRIDING USER VALUE, COPY from a file or a
program, COPY (query), binary COPY, multi-column SET …), so later stages
only meet shapes they were written for. Subqueries inside a write (INSERT …
SELECT, UPDATE … FROM, DELETE … USING) are handed to `select`, the read
path's converter, when one is given; without it they are unsupported.
"""

from __future__ import annotations

from typing import Any, Callable

from pglast import ast
from pglast.enums import DropBehavior, OnConflictAction, OverridingKind

from twinning.errors import SqlError
from twinning.ir import dml as d
from twinning.passes.parse_expr import ExprConverter, Unsupported, loc, names

__all__ = ["convert_write", "WRITE_STATEMENTS"]

Select = Callable[[Any], object] | None


def _table(rv: ast.RangeVar) -> d.TableRef:
    if rv.catalogname:
        raise Unsupported("cross-database reference", loc(rv))
    parts = (rv.schemaname, rv.relname) if rv.schemaname else (rv.relname,)
    alias = rv.alias.aliasname if rv.alias is not None else None
    if rv.alias is not None and rv.alias.colnames:
        raise Unsupported("column aliases on a write target", loc(rv))
    return d.TableRef(parts, alias, loc(rv))


def _returning(convert: ExprConverter, targets: Any) -> tuple[d.ReturnTarget, ...]:
    return tuple(d.ReturnTarget(convert(t.val), t.name, loc(t))
                 for t in targets or ())


def _assignments(convert: ExprConverter, targets: Any) -> tuple[d.Assignment, ...]:
    out = []
    for t in targets or ():
        if isinstance(t.val, ast.MultiAssignRef):
            expr = _multi_source(convert, t.val)
        else:
            expr = convert(t.val)
        out.append(d.Assignment(t.name, expr, loc(t), _first_indirection(t)))
    return tuple(out)


def _first_indirection(target: Any) -> tuple:
    """`("field", name)` for `col.name`, `("subscript",)` for `col[i]`, ()."""
    for item in target.indirection or ():
        if isinstance(item, ast.String):
            return ("field", item.sval)
        return ("subscript",)
    return ()


def _multi_source(convert: ExprConverter, ref: ast.MultiAssignRef) -> Any:
    """Item `colno` of `(a, b, …) = ROW(…)` (transformMultiAssignRef); the
    errors PostgreSQL raises for the source become a `BadSource` on its
    first column (the others never get typed)."""
    source = ref.source
    if isinstance(source, ast.SubLink):
        raise Unsupported("multiple-column assignment from a sub-SELECT",
                          loc(source))
    if isinstance(source, ast.RowExpr) and len(source.args or ()) == ref.ncolumns:
        return convert(source.args[ref.colno - 1])
    if ref.colno > 1:
        return d.BadSource("", "")
    if isinstance(source, ast.RowExpr):
        return d.BadSource("42601", "number of columns does not match number "
                           "of values", None, loc(source))
    try:
        written = convert(source)
    except Unsupported:
        written = None
    return d.BadSource("0A000", "source for a multiple-column UPDATE item must "
                       "be a sub-SELECT or ROW() expression", written,
                       loc(source))


def _no_with(node: Any) -> None:
    if getattr(node, "withClause", None) is not None:
        raise Unsupported("WITH on a write statement", -1)


def _insert(node: ast.InsertStmt, select: Select) -> d.Insert:
    _no_with(node)
    convert = ExprConverter(select)
    columns = None
    locations: tuple[int, ...] = ()
    indirection: tuple[tuple, ...] = ()
    if node.cols:
        columns = tuple(col.name for col in node.cols)
        locations = tuple(loc(col) for col in node.cols)
        indirection = tuple(_first_indirection(col) for col in node.cols)
    query = node.selectStmt
    if query is None:
        source: d.Values | d.DefaultValues | d.QuerySource = d.DefaultValues()
    elif query.valuesLists and not (query.sortClause or query.limitCount
                                    or query.limitOffset or query.withClause):
        source = d.Values(tuple(tuple(convert(v) for v in row)
                                for row in query.valuesLists), loc(query))
    elif select is not None:
        source = d.QuerySource(select(query), loc(query))
    else:
        raise Unsupported("INSERT … SELECT (the read path)", loc(query))
    overriding = {OverridingKind.OVERRIDING_NOT_SET: None,
                  OverridingKind.OVERRIDING_SYSTEM_VALUE: "system",
                  OverridingKind.OVERRIDING_USER_VALUE: "user"}[node.override]
    return d.Insert(_table(node.relation), columns, source,
                    _on_conflict(convert, node.onConflictClause),
                    _returning(convert, node.returningList), overriding,
                    locations, indirection)


def _on_conflict(convert: ExprConverter, clause: Any) -> d.OnConflict | None:
    if clause is None:
        return None
    action = {OnConflictAction.ONCONFLICT_NOTHING: "nothing",
              OnConflictAction.ONCONFLICT_UPDATE: "update"}[clause.action]
    columns: tuple[str, ...] = ()
    constraint = None
    infer = clause.infer
    if infer is not None:
        if infer.whereClause is not None:
            raise Unsupported("ON CONFLICT with a partial-index predicate",
                              loc(clause))
        constraint = infer.conname
        cols = []
        for elem in infer.indexElems or ():
            if elem.expr is not None or elem.collation or elem.opclass:
                raise Unsupported("ON CONFLICT on an expression", loc(clause))
            cols.append(elem.name)
        columns = tuple(cols)
    where = convert(clause.whereClause) if clause.whereClause is not None else None
    return d.OnConflict(action, columns, constraint,
                        _assignments(convert, clause.targetList), where,
                        loc(clause), loc(infer))


def _update(node: ast.UpdateStmt, select: Select) -> d.Update:
    _no_with(node)
    convert = ExprConverter(select)
    from_: tuple[object, ...] = ()
    if node.fromClause:
        if select is None:
            raise Unsupported("UPDATE … FROM (the read path)",
                              loc(node.fromClause[0]))
        from_ = tuple(select(item) for item in node.fromClause)
    where = convert(node.whereClause) if node.whereClause is not None else None
    return d.Update(_table(node.relation), _assignments(convert, node.targetList),
                    from_, where, _returning(convert, node.returningList))


def _delete(node: ast.DeleteStmt, select: Select) -> d.Delete:
    _no_with(node)
    convert = ExprConverter(select)
    using: tuple[object, ...] = ()
    if node.usingClause:
        if select is None:
            raise Unsupported("DELETE … USING (the read path)",
                              loc(node.usingClause[0]))
        using = tuple(select(item) for item in node.usingClause)
    where = convert(node.whereClause) if node.whereClause is not None else None
    return d.Delete(_table(node.relation), using, where,
                    _returning(convert, node.returningList))


_COPY_FLAGS = ("header",)
_COPY_STRINGS = ("format", "delimiter", "null", "quote", "escape", "encoding")
_COPY_LISTS = ("force_not_null", "force_null", "force_quote")


def _copy(node: ast.CopyStmt, select: Select) -> d.Copy:
    if node.query is not None:
        raise Unsupported("COPY (query)", -1)
    if node.is_program:
        raise Unsupported("COPY … PROGRAM", -1)
    if node.filename is not None:
        raise Unsupported("COPY to or from a server file (use STDIN/STDOUT)", -1)
    if node.whereClause is not None:
        raise Unsupported("COPY … WHERE", -1)
    values: dict[str, Any] = {}
    format_location = -1
    for opt in node.options or ():
        if opt.defname == "format":
            format_location = loc(opt)
        name, arg = opt.defname, opt.arg
        if name in values:
            raise SqlError("42601", "conflicting or redundant options",
                           position=loc(opt) + 1 if loc(opt) >= 0 else None)
        if name in _COPY_STRINGS:
            values[name] = arg.sval if isinstance(arg, ast.String) else str(
                getattr(arg, "ival", arg))
        elif name in _COPY_FLAGS:
            values[name] = _boolean(arg, name)
        elif name in _COPY_LISTS:
            values[name] = True if isinstance(arg, ast.A_Star) else names(arg)
        else:
            raise Unsupported(f"COPY option {name}", loc(opt))
    fmt = values.pop("format", "text")  # checked with the table (resolve)
    encoding = values.pop("encoding", "UTF8")
    if encoding.replace("-", "").replace("_", "").lower() != "utf8":
        raise Unsupported(f"COPY encoding {encoding}", -1)
    force_quote = values.pop("force_quote", ())
    if values.get("header") == "match":
        if not node.is_from:
            raise SqlError("0A000", 'cannot use "match" with HEADER in COPY TO')
        values["header"] = values["header_match"] = True
    options = d.CopyOptions(fmt, force_quote=force_quote,
                            format_location=format_location,
                            **{k: (tuple(v) if isinstance(v, (list, tuple)) else v)
                               for k, v in values.items()})
    columns = names(node.attlist) if node.attlist else None
    return d.Copy(_table(node.relation), columns,
                  "from" if node.is_from else "to", options)


def _boolean(arg: Any, name: str) -> bool | str:
    if arg is None:
        return True
    text = (arg.sval if isinstance(arg, ast.String)
            else str(getattr(arg, "ival", getattr(arg, "boolval", "")))).lower()
    if text in ("true", "on", "1", "yes"):
        return True
    if text in ("false", "off", "0", "no"):
        return False
    if name == "header" and text == "match":
        return "match"
    if name == "header":  # defGetCopyHeaderChoice()
        raise SqlError("42601", 'header requires a Boolean value or "match"')
    raise SqlError("22023", f"{name} requires a Boolean value")


def _truncate(node: ast.TruncateStmt, select: Select) -> d.Truncate:
    return d.Truncate(tuple(_table(rv) for rv in node.relations),
                      bool(node.restart_seqs),
                      node.behavior == DropBehavior.DROP_CASCADE)


WRITE_STATEMENTS: dict[type, Callable[[Any, Select], d.WriteStatement]] = {
    ast.InsertStmt: _insert,
    ast.UpdateStmt: _update,
    ast.DeleteStmt: _delete,
    ast.CopyStmt: _copy,
    ast.TruncateStmt: _truncate,
}


def convert_write(node: Any, select: Select = None) -> d.WriteStatement:
    """A pglast write statement → DML syntax IR (Unsupported outside the subset)."""
    return WRITE_STATEMENTS[type(node)](node, select)
