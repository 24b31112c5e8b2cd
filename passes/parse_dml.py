"""Parse stage for write statements: pglast DML nodes → `twinning.ir.dml`.

One converter per statement. Clauses outside the subset raise `Unsupported`
naming them (OVERRIDING USER VALUE, COPY from a file or a
program, COPY (query), multi-column SET …), so later stages
only meet shapes they were written for. Subqueries inside a write (INSERT …
SELECT, UPDATE … FROM, DELETE … USING) are handed to `select`, the read
path's converter, when one is given; without it they are unsupported.
"""

from __future__ import annotations

from typing import Any, Callable

from pglast import ast
from pglast.enums import CmdType, DropBehavior, OnConflictAction, OverridingKind

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SYNTAX_ERROR, SqlError, invalid_parameter_value,
    syntax_error,
)
from twinning.ir import dml as d
from twinning.passes.parse_expr import (ExprConverter, Unsupported,
                                        constant_text, loc, names)
from twinning.passes.polling import PLANNING, chunks

__all__ = ["convert_write", "WRITE_STATEMENTS"]

Select = Callable[[Any], object] | None


def _table(rv: ast.RangeVar) -> d.TableRef:
    if rv.catalogname:
        raise Unsupported("cross-database reference", loc(rv))
    parts = (rv.schemaname, rv.relname) if rv.schemaname else (rv.relname,)
    alias = rv.alias.aliasname if rv.alias is not None else None
    if rv.alias is not None and rv.alias.colnames:
        raise Unsupported("column aliases on a write target", loc(rv))
    return d.TableRef(parts, alias, loc(rv), rv.inh is False)


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
        return d.BadSource(SYNTAX_ERROR, "number of columns does not match number "
                                "of values", None, loc(source))
    try:
        written = convert(source)
    except Unsupported:
        written = None
    return d.BadSource(FEATURE_NOT_SUPPORTED, "source for a multiple-column UPDATE item must "
                                     "be a sub-SELECT or ROW() expression", written,
                                     loc(source))


def _with(node: Any, select: Select) -> tuple:
    """A write's WITH list (`select.CommonTable`s, resolved by
    `resolve_with`)."""
    if node.withClause is None:
        return ()
    if select is None:
        raise Unsupported("WITH on a write statement (the read path)", -1)
    return select(node.withClause)


def _insert(node: ast.InsertStmt, select: Select) -> d.Insert:
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
        source = d.Values(tuple(tuple(convert(v) for v in row) for block in
                                chunks(query.valuesLists, PLANNING, 64)
                                for row in block), loc(query))
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
                    locations, indirection, _with(node, select))


def _on_conflict(convert: ExprConverter, clause: Any) -> d.OnConflict | None:
    if clause is None:
        return None
    action = {OnConflictAction.ONCONFLICT_NOTHING: "nothing",
              OnConflictAction.ONCONFLICT_UPDATE: "update"}[clause.action]
    columns: tuple[str, ...] = ()
    constraint = None
    infer = clause.infer
    if infer is not None:
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
                        loc(clause), loc(infer),
                        None if infer is None or infer.whereClause is None
                        else convert(infer.whereClause))


def _update(node: ast.UpdateStmt, select: Select) -> d.Update:
    convert = ExprConverter(select)
    return d.Update(_table(node.relation), _assignments(convert, node.targetList),
                    _relations(node.fromClause, select, "UPDATE … FROM"),
                    _where(convert, node), _returning(convert, node.returningList),
                    _with(node, select))


def _delete(node: ast.DeleteStmt, select: Select) -> d.Delete:
    convert = ExprConverter(select)
    return d.Delete(_table(node.relation),
                    _relations(node.usingClause, select, "DELETE … USING"),
                    _where(convert, node), _returning(convert, node.returningList),
                    _with(node, select))


def _relations(items: Any, select: Select, construct: str) -> tuple[object, ...]:
    """UPDATE's FROM or DELETE's USING list, read by the read path's
    parser (`select`; without it the clause is refused)."""
    if not items:
        return ()
    if select is None:
        raise Unsupported(f"{construct} (the read path)", loc(items[0]))
    return tuple(select(item) for item in items)


def _where(convert: ExprConverter, node: Any) -> object | None:
    return convert(node.whereClause) if node.whereClause is not None else None


_MERGE_ACTIONS = {CmdType.CMD_UPDATE: "update", CmdType.CMD_DELETE: "delete",
                  CmdType.CMD_INSERT: "insert", CmdType.CMD_NOTHING: "nothing"}
_OVERRIDING = {OverridingKind.OVERRIDING_NOT_SET: None,
               OverridingKind.OVERRIDING_SYSTEM_VALUE: "system",
               OverridingKind.OVERRIDING_USER_VALUE: "user"}


def _merge(node: ast.MergeStmt, select: Select) -> d.Merge:
    """MERGE: the source as a FROM item of the read path, each WHEN clause
    with its condition and action (the grammar allows one VALUES row)."""
    if select is None:
        raise Unsupported("MERGE (the read path)", loc(node.sourceRelation))
    convert = ExprConverter(select)
    clauses = []
    for when in node.mergeWhenClauses:
        condition = convert(when.condition) if when.condition is not None \
            else None
        action = _MERGE_ACTIONS[when.commandType]
        if action == "insert":
            cols = when.targetList or ()
            clauses.append(d.MergeWhen(
                bool(when.matched), action, condition,
                columns=tuple(c.name for c in cols) if cols else None,
                values=None if when.values is None
                else tuple(convert(v) for v in when.values),
                overriding=_OVERRIDING[when.override],
                column_locations=tuple(loc(c) for c in cols),
                column_indirection=tuple(_first_indirection(c) for c in cols)))
        else:
            clauses.append(d.MergeWhen(
                bool(when.matched), action, condition,
                _assignments(convert, when.targetList)))
    return d.Merge(_table(node.relation), select(node.sourceRelation),
                   convert(node.joinCondition), tuple(clauses),
                   _with(node, select))


_COPY_STRINGS = ("delimiter", "null", "quote", "escape")
_COPY_LISTS = ("force_not_null", "force_null", "force_quote", "convert_selectively")
# pg_char_to_encoding()'s names, cleaned as clean_encoding_name() does
_ENCODINGS = frozenset("""
    abc alt big5 euccn eucjis2004 eucjp euckr euctw gb18030 gbk iso88595
    iso88596 iso88597 iso88598 iso885910 iso885913 iso885914 iso885915
    iso885916 johab koi8 koi8r koi8u latin1 latin2 latin3 latin4 latin5
    latin6 latin7 latin8 latin9 latin10 mskanji muleinternal shiftjis
    shiftjis2004 sjis sqlascii tcvn tcvn5712 uhc unicode utf8 vscii win
    win866 win874 win932 win936 win949 win950 win1250 win1251 win1252
    win1253 win1254 win1255 win1256 win1257 win1258 windows866 windows874
    windows932 windows936 windows949 windows950 windows1250 windows1251
    windows1252 windows1253 windows1254 windows1255 windows1256 windows1257
    windows1258""".split())


def _stdio_only(node: ast.CopyStmt) -> None:
    """The twin's COPY reads STDIN and writes STDOUT, nothing else."""
    if node.is_program:
        raise Unsupported("COPY … PROGRAM", -1)
    if node.filename is not None:
        raise Unsupported("COPY to or from a server file (use STDIN/STDOUT)", -1)


def copy_query_options(node: ast.CopyStmt) -> tuple[d.CopyOptions, Any]:
    """COPY (query) TO STDOUT's options and their first error (None)."""
    _stdio_only(node)
    try:
        return _copy_options(node.options or (), False), None
    except SqlError as exc:
        return d.CopyOptions(), exc


def _copy(node: ast.CopyStmt, select: Select) -> d.Copy:
    if node.query is not None:
        raise Unsupported("COPY (query)", -1)
    _stdio_only(node)
    if node.whereClause is not None:
        raise Unsupported("COPY … WHERE", -1)
    columns = names(node.attlist) if node.attlist else None
    try:
        options = _copy_options(node.options or (), bool(node.is_from))
        error = None
    except SqlError as exc:  # raised once the table is known (DoCopy's order)
        options, error = d.CopyOptions(), exc
    return d.Copy(_table(node.relation), columns,
                  "from" if node.is_from else "to", options, error)


def _copy_options(options: Any, is_from: bool) -> d.CopyOptions:
    """ProcessCopyOptions()' loop: each option once, in the order written,
    with PostgreSQL's errors (the cross-option checks come later, with the
    dialect)."""
    values: dict[str, Any] = {}
    format_location = -1
    refusal = None
    for opt in options:
        name, arg, where = opt.defname, opt.arg, loc(opt)
        position = where + 1 if where >= 0 else None
        if name in values:
            raise syntax_error("conflicting or redundant options",
                               position=position)
        if name == "format":
            fmt = _option_string(arg, name)
            if fmt not in ("text", "csv", "binary"):
                raise invalid_parameter_value(f'COPY format "{fmt}" not recognized',
                                              position=position)
            values[name], format_location = fmt, where
        elif name == "freeze":
            values[name] = _boolean(arg, name)
        elif name == "header":
            values[name] = _header(arg, is_from)
        elif name in _COPY_STRINGS:
            values[name] = _option_string(arg, name)
        elif name in _COPY_LISTS:
            if isinstance(arg, ast.A_Star) and name == "force_quote":
                values[name] = True
            elif isinstance(arg, (list, tuple)):
                values[name] = names(arg)
            else:
                raise invalid_parameter_value(f'argument to option "{name}" must be a '
                                              "list of column names", position=position)
        elif name == "encoding":
            encoding = _option_string(arg, name)
            cleaned = "".join(c for c in encoding.lower() if c.isalnum())
            if cleaned not in _ENCODINGS:
                raise invalid_parameter_value('argument to option "encoding" must be '
                                              "a valid encoding name", position=position)
            if cleaned not in ("utf8", "unicode") and refusal is None:
                refusal = f"COPY encoding {encoding}"
            values[name] = encoding
        else:
            raise syntax_error(f'option "{name}" not recognized',
                               position=position)
    # binary COPY takes no encoding conversion: any valid ENCODING is moot
    if refusal is not None and values.get("format") != "binary":
        raise SqlError(FEATURE_NOT_SUPPORTED, f"{refusal} is not supported by twinning")
    values.pop("encoding", None)
    values.pop("convert_selectively", None)
    header = values.pop("header", False)
    return d.CopyOptions(values.pop("format", "text"),
                         header=bool(header), header_match=header == "match",
                         format_location=format_location,
                         **{k: (tuple(v) if isinstance(v, (list, tuple)) else v)
                            for k, v in values.items()})


def _option_string(arg: Any, name: str) -> str:
    """defGetString()."""
    text = None if arg is None else constant_text(arg, "true", "false")
    if text is None:
        raise syntax_error(f"{name} requires a parameter")
    return text


def _boolean(arg: Any, name: str) -> bool:
    """defGetBoolean(): no argument, 0/1, or true/false/on/off."""
    value = _boolean_or_none(arg, name)
    if value is None:
        raise syntax_error(f"{name} requires a Boolean value")
    return value


def _boolean_or_none(arg: Any, name: str) -> bool | None:
    """defGetBoolean()'s spellings; None for any other."""
    if arg is None:
        return True
    if isinstance(arg, ast.Integer):
        return bool(arg.ival) if arg.ival in (0, 1) else None
    return {"true": True, "on": True, "false": False, "off": False}.get(
        _option_string(arg, name).lower())


def _header(arg: Any, is_from: bool) -> bool | str:
    """defGetCopyHeaderChoice(): a Boolean or MATCH (COPY FROM only)."""
    value = _boolean_or_none(arg, "header")
    if value is not None:
        return value
    if not isinstance(arg, ast.Integer) and \
            _option_string(arg, "header").lower() == "match":
        if not is_from:
            raise SqlError(FEATURE_NOT_SUPPORTED, 'cannot use "match" with HEADER in COPY TO')
        return "match"
    raise syntax_error('header requires a Boolean value or "match"')


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
    ast.MergeStmt: _merge,
}


def convert_write(node: Any, select: Select = None) -> d.WriteStatement:
    """A pglast write statement → DML syntax IR (Unsupported outside the subset)."""
    return WRITE_STATEMENTS[type(node)](node, select)
