"""Parse stage: SQL text → syntax IR, using PostgreSQL 15's own grammar.

pglast runs the real PostgreSQL parser, so what is a syntax error here is a
syntax error there, with the same message. This module then keeps only the
subset: each pglast statement is converted by a handler, and a statement or
clause without one raises `Unsupported` naming it. Nothing here looks at the
catalog; that is the next stage's job.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pglast
from pglast import ast
from pglast.enums import (AlterTableType, ConstrType, DropBehavior, ObjectType,
                          RoleSpecType, VariableSetKind)
from pglast.parser import ParseError
from pglast.stream import RawStream

from twinning.errors import (
    CHARACTER_NOT_IN_REPERTOIRE, FEATURE_NOT_SUPPORTED,
    INVALID_ESCAPE_SEQUENCE, SYNTAX_ERROR, WINDOWING_ERROR, SqlError,
    syntax_error as syntax_error_err,
)
from twinning.ir import ddl as d
from twinning.ir import syntax as s
from twinning.passes import (cluster, parse_extensions, parse_partition,
                             parse_routines, parse_types, schema_elements,
                             schema_script, statement_names)
from twinning.passes.depth_guard import check_depth
from twinning.passes.numeric_junk import trailing_junk
from twinning.passes.parse_select import convert_query
from twinning.passes import index_methods, parse_privileges
from twinning.passes.parse_expr import (ExprConverter, Unsupported,
                                        constant_text, loc, names, type_spec)

__all__ = ["parse_script", "Unsupported", "StatementUnsupported",
           "SyntaxErrorAt", "line_column"]


class StatementUnsupported(Exception):
    """`Unsupported` located in a script: which statement, which line."""

    def __init__(self, construct: str, statement: str, line: int, column: int,
                 offset: int = -1, sqlstate: str = FEATURE_NOT_SUPPORTED,
                 message: str | None = None):
        super().__init__(f"{construct} (line {line})")
        self.construct = construct
        self.statement = statement
        self.line = line
        self.column = column
        self.offset = offset  # where the statement starts (--skip-unsupported)
        self.sqlstate = sqlstate
        self.message = message or f"{construct} is not supported by twinning"


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a 0-based character offset."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


class SyntaxErrorAt(SqlError):
    """42601 from the grammar itself (not a later semantic 42601)."""


def syntax_error(text: str, exc: ParseError) -> SyntaxErrorAt:
    """PostgreSQL's 42601 with a 1-based character position.

    pglast's error offset is computed in bytes, so it is recomputed on a copy
    of the text where every non-ASCII character is one ASCII letter: the
    grammar sees the same token structure and byte = character offsets.
    """
    message = exc.args[0]
    offset = exc.args[1] if len(exc.args) > 1 else None
    if not text.isascii():
        folded = "".join(c if c.isascii() else "x" for c in text)
        try:
            pglast.parse_sql(folded)
        except ParseError as again:
            offset = again.args[1] if len(again.args) > 1 else offset
    if offset is None and message.endswith("at end of input"):
        offset = len(text)  # the end-of-input token sits past the last byte
    position = None if offset is None else offset + 1
    code, hint = _GRAMMAR_CODES.get(message, SYNTAX_ERROR), _GRAMMAR_HINTS.get(message)
    if message == "invalid Unicode escape":
        # scan.l's E'…' escapes (22025) or parser.c's U&'…' ones (42601)
        quote = text.rfind("'", 0, offset + 1) if offset is not None else -1
        if quote >= 2 and text[quote - 2:quote].upper() == "U&":
            hint = "Unicode escapes must be \\XXXX or \\+XXXXXX."
        else:
            code = INVALID_ESCAPE_SEQUENCE
            hint = "Unicode escapes must be \\uXXXX or \\UXXXXXXXX."
    return SyntaxErrorAt(code, message, position=position, hint=hint)


# gram.y's frame clause errors are windowing errors, not syntax errors
_GRAMMAR_CODES = dict.fromkeys((
    "frame start cannot be UNBOUNDED FOLLOWING",
    "frame starting from following row cannot end with current row",
    "frame end cannot be UNBOUNDED PRECEDING",
    "frame starting from current row cannot have preceding rows",
    "frame starting from following row cannot have preceding rows"), WINDOWING_ERROR)
_GRAMMAR_CODES["CREATE EXTENSION ... FROM is no longer supported"] = FEATURE_NOT_SUPPORTED
# the scanner's E'\000' (pg_verifymbstr on the literal)
_GRAMMAR_CODES['invalid byte sequence for encoding "UTF8": 0x00'] = CHARACTER_NOT_IN_REPERTOIRE


# Hints gram.y attaches to its own errors (pglast keeps only the message).
_GRAMMAR_HINTS = {
    "subquery in FROM must have an alias":
        "For example, FROM (SELECT ...) [AS] foo.",
    "VALUES in FROM must have an alias":
        "For example, FROM (VALUES ...) [AS] foo.",
}


def _junk_error(junk: tuple[str, int]) -> SyntaxErrorAt:
    return SyntaxErrorAt(SYNTAX_ERROR, junk[0], position=junk[1] + 1)


def split_statements(text: str) -> list[tuple[Any, str, int]]:
    """pglast raw statements with their source text and start offset."""
    check_depth(text)
    try:
        raw = pglast.parse_sql(text)
    except ParseError as exc:
        error = syntax_error(text, exc)
        junk = trailing_junk(text)
        if junk is not None and (error.position is None
                                 or junk[1] < error.position):
            raise _junk_error(junk) from exc
        raise error from exc
    junk = trailing_junk(text)
    if junk is not None:
        raise _junk_error(junk)
    out = []
    for stmt in raw:
        start = stmt.stmt_location or 0
        end = start + stmt.stmt_len if stmt.stmt_len else len(text)
        chunk = text[start:end]
        lead = _LEADING.match(chunk).end()  # a refusal's line is its first word's
        out.append((stmt.stmt, chunk[lead:].rstrip(), start + lead))
    return out


_LEADING = re.compile(r"(?:\s+|--[^\n]*|/\*.*?\*/)*", re.DOTALL)


# psql meta-commands a schema file may hold: pg_dump's \restrict and
# \unrestrict (they guard psql's own output), and the ones that only change
# psql's display or its variables. Any other is refused by name.
_IGNORED_META = frozenset("""restrict unrestrict set unset pset echo qecho
encoding timing dt d dn di ds dv df dT l x a t""".split())
_META_SCAN = re.compile(r"""
    '(?:[^']|'')*'
  | \$(?P<tag>[A-Za-z_]\w*)?\$.*?\$(?P=tag)?\$
  | /\*.*?\*/
  | --[^\n]*
  | (?P<meta>^[ \t]*\\(?P<command>[A-Za-z!?]*)[^\n]*)""",
                        re.VERBOSE | re.MULTILINE | re.DOTALL)


def _without_meta_commands(text: str, skipped: list | None = None) -> str:
    """The script with psql's meta-command lines blanked (offsets and
    lines kept); StatementUnsupported for one psql would act on (kept in
    `skipped` instead, when given, and blanked too)."""
    out = None
    for m in _META_SCAN.finditer(text):
        if m.group("meta") is None:
            continue
        command = m.group("command")
        if command not in _IGNORED_META:
            line, column = line_column(text, m.start("meta"))
            refused = StatementUnsupported(
                f"psql meta-command \\{command}", m.group("meta").strip(),
                line, column, m.start("meta"))
            if skipped is None:
                raise refused
            skipped.append(refused)
        out = out if out is not None else list(text)
        out[m.start("meta"):m.end("meta")] = " " * (m.end("meta") - m.start("meta"))
    return text if out is None else "".join(out)


def parse_script(text: str, skipped: list | None = None) -> s.Script:
    """Parse a schema file into DDL syntax IR, refusing what is outside §5
    (`skipped`: --skip-unsupported's list, where refusals go instead)."""
    statements = []
    # meta-commands psql would act on: refused in file order with the
    # statements (the first of either stops the load without `skipped`)
    metas: list[StatementUnsupported] = []
    text = _without_meta_commands(text, metas if skipped is None else skipped)
    for node, chunk, offset in split_statements(text):
        if schema_script.runs_in_session(node, _select_is_ddl):
            raise schema_script.ScriptContinues(offset)
        line, column = line_column(text, offset)
        try:
            converted = [s.SourceStatement(ddl, chunk, offset, line, column)
                         for ddl in ddl_statements(node)]
        except Unsupported as exc:
            where = offset if exc.location < 0 else exc.location
            line, column = line_column(text, where)
            refused = StatementUnsupported(exc.construct, chunk, line, column,
                                           offset)
            if skipped is None:
                raise min([refused, *metas[:1]], key=lambda r: r.line) from exc
            skipped.append(refused)
            continue
        statements.extend(converted)
    if metas:
        raise metas[0]
    return s.Script(tuple(statements), text)


# ------------------------------------------------------------------ statements

_expr = ExprConverter()  # schema expressions never contain subqueries
# ... but a generation expression's subquery is PostgreSQL's own error
# there (passes/generated.py), so it is kept, unconverted
_generation_expr = ExprConverter(select=lambda node: None)


def _source(node: Any) -> str:
    return RawStream()(node)


def _range_var(rv: ast.RangeVar) -> tuple[str, ...]:
    if rv.catalogname:
        raise Unsupported("cross-database reference", loc(rv))
    if rv.relpersistence == "t":
        raise Unsupported("TEMPORARY relation", loc(rv))
    if rv.relpersistence == "u":
        raise Unsupported("UNLOGGED table", loc(rv))
    return (rv.schemaname, rv.relname) if rv.schemaname else (rv.relname,)


def ddl_statements(node: Any) -> list[s.DdlStatement]:
    """A DDL statement's syntax (one or more statements: ALTER TABLE with
    several constraints); `Unsupported` outside the subset."""
    handler = _STATEMENTS.get(type(node))
    if handler is None:
        raise Unsupported(statement_name(node), loc(node))
    return handler(node)


def _create_schema(node: ast.CreateSchemaStmt) -> list[s.DdlStatement]:
    if node.schemaElts:
        return schema_elements.create_schema(node, ddl_statements)
    if node.authrole is not None:
        raise Unsupported("CREATE SCHEMA … AUTHORIZATION")
    return [d.SchemaDef(node.schemaname, bool(node.if_not_exists))]


def _create_table(node: ast.CreateStmt) -> list[s.DdlStatement]:
    if node.inhRelations and node.partbound is None:
        raise Unsupported("INHERITS", loc(node.relation))
    for attr, what in (("ofTypename", "CREATE TABLE … OF type"),
                       ("options", "WITH (storage parameters)"),
                       ("tablespacename", "TABLESPACE"),
                       ("accessMethod", "USING access method")):
        if getattr(node, attr):
            raise Unsupported(what, loc(node.relation))
    name, temporary = _persistence(node.relation)
    columns, constraints, options = [], [], []
    for elt in node.tableElts or ():
        if isinstance(elt, ast.ColumnDef) and node.partbound is not None:
            options.extend(_column_options(name, elt))
        elif isinstance(elt, ast.ColumnDef):
            columns.append(_column(elt))
        elif isinstance(elt, ast.Constraint):
            constraints.append(_table_constraint(elt))
        elif isinstance(elt, ast.TableLikeClause):
            columns.append(s.TableLike(_range_var(elt.relation),
                                       int(elt.options), loc(elt.relation)))
        else:
            raise Unsupported(type(elt).__name__, loc(elt))
    partition_of = _range_var(node.inhRelations[0]) if node.partbound else None
    return [s.CreateTable(name, tuple(columns),
                          tuple(constraints), bool(node.if_not_exists),
                          loc(node.relation), temporary,
                          ON_COMMIT_ACTIONS[node.oncommit.name if node.oncommit
                                            else "ONCOMMIT_NOOP"],
                          node.partspec and parse_partition.partition_key(
                              node.partspec),
                          partition_of, node.partbound and
                          parse_partition.bound(node.partbound),
                          tuple(e.colname for e in node.tableElts or ()
                                if isinstance(e, ast.ColumnDef))), *options]


def _column_options(table: tuple[str, ...], elt: ast.ColumnDef
                    ) -> list[s.DdlStatement]:
    """PARTITION OF's `column WITH OPTIONS …`: the column is the parent's;
    its DEFAULT, NOT NULL and constraints are applied after the table is
    made, as the ALTER TABLE statements they amount to."""
    if elt.typeName is not None or elt.collClause is not None:
        raise Unsupported("PARTITION OF with a column definition", loc(elt))
    out: list[s.DdlStatement] = []
    at = loc(elt)
    for k in _column_constraints(elt.constraints):
        if k.kind == "default":
            out.append(s.AlterColumn(table, "set_default", elt.colname, k.expr,
                                     k.source, location=at))
        elif k.kind == "not_null":
            out.append(s.AlterColumn(table, "set_not_null", elt.colname,
                                     location=at))
        elif k.kind in ("check", "primary_key", "unique"):
            out.append(s.AddConstraint(table, s.TableConstraint(
                k.kind, k.name, () if k.kind == "check" else (elt.colname,),
                expr=k.expr, source=k.source, location=k.location), at))
        elif k.kind != "null":
            raise Unsupported(f"PARTITION OF column option {k.kind}", at)
    return out


ON_COMMIT_ACTIONS = {"ONCOMMIT_NOOP": None, "ONCOMMIT_PRESERVE_ROWS": "preserve",
                     "ONCOMMIT_DELETE_ROWS": "delete", "ONCOMMIT_DROP": "drop"}


def _column(node: ast.ColumnDef) -> s.ColumnDef:
    if node.collClause is not None:
        raise Unsupported("COLLATE", loc(node.collClause))
    if node.fdwoptions:
        raise Unsupported("column OPTIONS", loc(node))
    constraints = _column_constraints(node.constraints)
    return s.ColumnDef(node.colname, type_spec(node.typeName), constraints,
                       loc(node))


def _check_common(c: ast.Constraint) -> None:
    if (c.deferrable or c.initdeferred) and c.contype != ConstrType.CONSTR_FOREIGN:
        raise Unsupported("DEFERRABLE UNIQUE/PRIMARY KEY constraint", loc(c))
    if c.is_no_inherit:
        raise Unsupported("NO INHERIT constraint", loc(c))
    if c.skip_validation:
        raise Unsupported("NOT VALID constraint", loc(c))
    if c.contype in (ConstrType.CONSTR_PRIMARY, ConstrType.CONSTR_UNIQUE):
        if c.including:
            raise Unsupported("INCLUDE columns", loc(c))
        if c.options:
            raise Unsupported("index WITH (storage parameters)", loc(c))
        if c.indexspace:
            raise Unsupported("USING INDEX TABLESPACE", loc(c))
        if c.indexname:
            raise Unsupported("USING INDEX", loc(c))


_FK_ACTIONS = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE",
               "n": "SET NULL", "d": "SET DEFAULT"}


def _fk_ref(c: ast.Constraint) -> s.ForeignKeyRef:
    if c.fk_matchtype != "s":
        raise Unsupported("MATCH FULL foreign key", loc(c))
    if c.fk_del_set_cols:
        raise Unsupported("ON DELETE SET NULL/DEFAULT (column list)", loc(c))
    return s.ForeignKeyRef(_range_var(c.pktable), names(c.pk_attrs),
                           _FK_ACTIONS[c.fk_del_action],
                           _FK_ACTIONS[c.fk_upd_action],
                           deferrable=bool(c.deferrable),
                           deferred=bool(c.initdeferred))


_ATTRIBUTES = (ConstrType.CONSTR_ATTR_DEFERRABLE,
               ConstrType.CONSTR_ATTR_NOT_DEFERRABLE,
               ConstrType.CONSTR_ATTR_DEFERRED,
               ConstrType.CONSTR_ATTR_IMMEDIATE)


def _column_constraints(nodes: Any) -> tuple[s.ColumnConstraint, ...]:
    """A column's constraints, with [NOT] DEFERRABLE and INITIALLY
    DEFERRED/IMMEDIATE folded into the constraint before them, as
    transformConstraintAttrs does (only a foreign key may be deferred in
    the twin)."""
    out: list[s.ColumnConstraint] = []
    owner: ast.Constraint | None = None
    seen: set[str] = set()
    for c in nodes or ():
        if c.contype not in _ATTRIBUTES:
            out.append(_column_constraint(c))
            owner, seen = c, set()
            continue
        if owner is None or owner.contype not in (
                ConstrType.CONSTR_FOREIGN, ConstrType.CONSTR_UNIQUE,
                ConstrType.CONSTR_PRIMARY):
            raise syntax_error_err(f"misplaced {_ATTRIBUTE_WORDS[c.contype]} "
                                   "clause", position=loc(c) + 1 if loc(c) >= 0 else None)
        group = "deferrable" if c.contype in _ATTRIBUTES[:2] else "initially"
        if group in seen:
            raise syntax_error_err("multiple DEFERRABLE/NOT DEFERRABLE clauses "
                                   "not allowed" if group == "deferrable" else
                                   "multiple INITIALLY IMMEDIATE/DEFERRED clauses not "
                                   "allowed", position=loc(c) + 1 if loc(c) >= 0 else None)
        seen.add(group)
        deferrable = c.contype == ConstrType.CONSTR_ATTR_DEFERRABLE
        deferred = c.contype == ConstrType.CONSTR_ATTR_DEFERRED
        if (deferrable or deferred) and owner.contype != ConstrType.CONSTR_FOREIGN:
            raise Unsupported("DEFERRABLE UNIQUE/PRIMARY KEY constraint", loc(c))
        ref = out[-1].ref
        if ref is None:
            continue
        if c.contype in _ATTRIBUTES[:2]:
            ref = replace(ref, deferrable=deferrable)
        else:
            ref = replace(ref, deferred=deferred)
        if ref.deferred and not ref.deferrable and "deferrable" in seen:
            raise syntax_error_err("constraint declared INITIALLY DEFERRED "
                                   "must be DEFERRABLE",
                                   position=loc(c) + 1 if loc(c) >= 0 else None)
        if ref.deferred and "deferrable" not in seen:
            ref = replace(ref, deferrable=True)  # INITIALLY DEFERRED implies it
        out[-1] = replace(out[-1], ref=ref)
    return tuple(out)


_ATTRIBUTE_WORDS = {ConstrType.CONSTR_ATTR_DEFERRABLE: "DEFERRABLE",
                    ConstrType.CONSTR_ATTR_NOT_DEFERRABLE: "NOT DEFERRABLE",
                    ConstrType.CONSTR_ATTR_DEFERRED: "INITIALLY DEFERRED",
                    ConstrType.CONSTR_ATTR_IMMEDIATE: "INITIALLY IMMEDIATE"}


_ATTRIBUTE_CONSTRAINTS = {
    ConstrType.CONSTR_EXCLUSION: "EXCLUDE constraint",
    ConstrType.CONSTR_GENERATED: "GENERATED ALWAYS AS (…) STORED column",
}


def _column_constraint(c: ast.Constraint) -> s.ColumnConstraint:
    kind = c.contype
    if kind == ConstrType.CONSTR_GENERATED:  # STORED: the grammar's only kind
        return s.ColumnConstraint("generated", c.conname,
                                  _generation_expr(c.raw_expr),
                                  _source(c.raw_expr), location=loc(c))
    if kind in _ATTRIBUTE_CONSTRAINTS:
        raise Unsupported(_ATTRIBUTE_CONSTRAINTS[kind], loc(c))
    _check_common(c)
    where = loc(c)
    if kind == ConstrType.CONSTR_NOTNULL:
        return s.ColumnConstraint("not_null", c.conname, location=where)
    if kind == ConstrType.CONSTR_NULL:
        return s.ColumnConstraint("null", c.conname, location=where)
    if kind == ConstrType.CONSTR_DEFAULT:
        return s.ColumnConstraint("default", c.conname, _expr(c.raw_expr),
                                  _source(c.raw_expr), location=where)
    if kind == ConstrType.CONSTR_IDENTITY:
        identity = "always" if c.generated_when == "a" else "by default"
        return s.ColumnConstraint("identity", c.conname, identity=identity,
                                  sequence_options=_seq_options(c.options),
                                  location=where)
    if kind == ConstrType.CONSTR_PRIMARY:
        return s.ColumnConstraint("primary_key", c.conname, location=where)
    if kind == ConstrType.CONSTR_UNIQUE:
        return s.ColumnConstraint("unique", c.conname, location=where,
                                  nulls_not_distinct=bool(c.nulls_not_distinct))
    if kind == ConstrType.CONSTR_CHECK:
        return s.ColumnConstraint("check", c.conname, _expr(c.raw_expr),
                                  _source(c.raw_expr), location=where)
    if kind == ConstrType.CONSTR_FOREIGN:
        return s.ColumnConstraint("references", c.conname, ref=_fk_ref(c),
                                  location=where)
    raise Unsupported(f"constraint {kind.name}", where)


def _table_constraint(c: ast.Constraint) -> s.TableConstraint:
    kind = c.contype
    if kind in _ATTRIBUTE_CONSTRAINTS:
        raise Unsupported(_ATTRIBUTE_CONSTRAINTS[kind], loc(c))
    _check_common(c)
    where = loc(c)
    if kind == ConstrType.CONSTR_PRIMARY:
        return s.TableConstraint("primary_key", c.conname, names(c.keys),
                                 location=where)
    if kind == ConstrType.CONSTR_UNIQUE:
        return s.TableConstraint("unique", c.conname, names(c.keys),
                                 nulls_not_distinct=bool(c.nulls_not_distinct),
                                 location=where)
    if kind == ConstrType.CONSTR_CHECK:
        return s.TableConstraint("check", c.conname, expr=_expr(c.raw_expr),
                                 source=_source(c.raw_expr), location=where)
    if kind == ConstrType.CONSTR_FOREIGN:
        return s.TableConstraint("foreign_key", c.conname, names(c.fk_attrs),
                                 ref=_fk_ref(c), location=where)
    raise Unsupported(f"table constraint {kind.name}", where)


def _seq_options(options: Any) -> tuple[s.SequenceOption, ...]:
    out = []
    for option in options or ():
        name, arg = option.defname, option.arg
        if name == "as":
            value: object = type_spec(arg)
        elif name == "owned_by":
            value = names(arg)
        elif name == "cycle":
            value = bool(arg.boolval) if arg is not None else True
        elif name in ("start", "increment", "minvalue", "maxvalue", "cache",
                      "restart"):
            if arg is None:
                value = None  # NO MINVALUE / NO MAXVALUE
            elif isinstance(arg, ast.Integer):
                value = arg.ival
            elif isinstance(arg, ast.Float):
                value = int(arg.fval)
            else:
                raise Unsupported(f"sequence option {name.upper()}", loc(option))
        else:
            raise Unsupported(f"sequence option {name.upper()}", loc(option))
        out.append(s.SequenceOption(name, value, loc(option)))
    return tuple(out)


def _create_index(node: ast.IndexStmt) -> list[s.DdlStatement]:
    method = node.accessMethod or "btree"
    for attr, what in (("options", "index WITH (storage parameters)"),
                       ("tableSpace", "TABLESPACE")):
        if getattr(node, attr):
            raise Unsupported(what, loc(node))
    params = node.indexParams or ()
    index_methods.check_method(
        method, bool(node.unique), bool(node.indexIncludingParams),
        len(params), any(e.ordering.name != "SORTBY_DEFAULT" for e in params),
        any(e.nulls_ordering.name != "SORTBY_NULLS_DEFAULT" for e in params))
    columns, options, opclasses, expressions = [], [], [], []
    for elem in params:
        _index_elem(elem, node)
        expressions.append(None if elem.expr is None else
                           _index_expr(elem.expr, "index expression"))
        desc = elem.ordering.name == "SORTBY_DESC"
        nulls = elem.nulls_ordering.name
        opclasses.append(elem.opclass[-1].sval if elem.opclass else None)
        # indoption: DESC implies NULLS FIRST unless NULLS LAST is written
        first = nulls == "SORTBY_NULLS_FIRST" or (
            desc and nulls == "SORTBY_NULLS_DEFAULT")
        options.append((1 if desc else 0) | (2 if first else 0))
        columns.append(elem.name or "")
    include = []
    for elem in node.indexIncludingParams or ():
        _index_elem(elem, node)
        if elem.expr is not None:
            raise SqlError(FEATURE_NOT_SUPPORTED, "expressions are not supported in "
                                         "included columns")
        include.append(elem.name)
    where = node.whereClause
    predicate = None if where is None else _index_expr(where, "index predicate")
    return [s.CreateIndex(node.idxname, _range_var(node.relation),
                          tuple(columns), bool(node.unique),
                          bool(node.if_not_exists),
                          bool(node.nulls_not_distinct), loc(node),
                          tuple(include), tuple(options),
                          predicate, None if where is None else _source(where),
                          method, not node.relation.inh,
                          bool(node.concurrent),
                          tuple(opclasses) if any(opclasses) else (),
                          tuple(expressions) if any(expressions) else ())]


def _index_expr(node: Any, what: str) -> s.Expr:
    """An index's expression or WHERE: a subquery is PostgreSQL's 0A000."""
    try:
        return _expr(node)
    except Unsupported as exc:
        if exc.construct != "subquery":
            raise
        raise SqlError(FEATURE_NOT_SUPPORTED, f"cannot use subquery in {what}",
                                     position=exc.location + 1) from None


def _index_elem(elem: ast.IndexElem, node: ast.IndexStmt) -> None:
    """A key: COLLATE and operator class options stay outside the subset
    (an expression is `passes/expression_indexes.py`'s)."""
    if elem.collation:
        raise Unsupported("index column COLLATE", loc(node))
    if elem.opclassopts:
        raise Unsupported("index operator class options", loc(node))


def _create_view(node: ast.ViewStmt) -> list[s.DdlStatement]:
    if node.withCheckOption:
        raise Unsupported("WITH CHECK OPTION", loc(node.view))
    if node.options:
        raise Unsupported("view WITH (options)", loc(node.view))
    if not isinstance(node.query, ast.SelectStmt):
        raise Unsupported("CREATE VIEW of a non-SELECT", loc(node.view))
    name, temporary = _persistence(node.view)
    return [d.ViewDef(name, tuple(a.sval for a in node.aliases or ()),
                      convert_query(node.query), _source(node.query),
                      bool(node.replace), temporary, location=loc(node.view))]


def _create_materialized_view(node: ast.CreateTableAsStmt) -> list[s.DdlStatement]:
    """CREATE MATERIALIZED VIEW (CREATE TABLE AS is a run-time statement)."""
    into = node.into
    if node.objtype != ObjectType.OBJECT_MATVIEW:
        raise Unsupported("CREATE TABLE AS", loc(into.rel))
    for attr, what in (("options", "WITH (storage parameters)"),
                       ("tableSpaceName", "TABLESPACE"),
                       ("accessMethod", "USING access method")):
        if getattr(into, attr):
            raise Unsupported(what, loc(into.rel))
    if into.rel.relpersistence == "u":
        raise Unsupported("UNLOGGED materialized view", loc(into.rel))
    return [d.ViewDef(_range_var(into.rel),
                      tuple(a.sval for a in into.colNames or ()),
                      convert_query(node.query), _source(node.query),
                      materialized=True, with_data=not into.skipData,
                      if_not_exists=bool(node.if_not_exists),
                      location=loc(into.rel))]


def _refresh_view(node: ast.RefreshMatViewStmt) -> list[s.DdlStatement]:
    return [d.RefreshViewDef(_range_var(node.relation), not node.skipData,
                             bool(node.concurrent), loc(node.relation))]


def _persistence(rv: ast.RangeVar) -> tuple[tuple[str, ...], bool]:
    """The name of a relation to create and whether it is TEMPORARY."""
    temporary = rv.relpersistence == "t"
    if temporary:  # the name itself is read by _range_var, which refuses TEMP
        rv = ast.RangeVar(catalogname=rv.catalogname, schemaname=rv.schemaname,
                          relname=rv.relname, location=rv.location)
    return _range_var(rv), temporary


def _alter_table(node: ast.AlterTableStmt) -> list[s.DdlStatement]:
    if node.objtype == ObjectType.OBJECT_INDEX and len(node.cmds) == 1 and \
            node.cmds[0].subtype == AlterTableType.AT_AttachPartition:
        return [parse_partition.partition_command(
            _range_var(node.relation), node.cmds[0], _range_var, index=True)]
    if node.objtype == ObjectType.OBJECT_TYPE:  # a composite's attributes
        return parse_types.alter_composite(node)
    if node.objtype != ObjectType.OBJECT_TABLE:
        what = node.objtype.name[7:].replace("_", " ")
        if node.cmds:  # ALTER INDEX … ATTACH PARTITION
            sub = AlterTableType(node.cmds[0].subtype).name.removeprefix("AT_")
            words = _ALTER_WORDS.get(sub) or _words(sub)
            if node.objtype == ObjectType.OBJECT_TYPE:  # a composite's
                words = words.replace("COLUMN", "ATTRIBUTE")
            what += f" … {words}"
        raise Unsupported(f"ALTER {what}", loc(node))
    table = _range_var(node.relation)
    out: list[s.DdlStatement] = []
    at = loc(node.relation)
    for cmd in node.cmds:
        kind = AlterTableType(cmd.subtype)
        if kind == AlterTableType.AT_AddConstraint:
            out.append(s.AddConstraint(table, _table_constraint(cmd.def_), at,
                                       not node.relation.inh))
        elif kind == AlterTableType.AT_AddColumn:
            out.append(s.AlterColumn(table, "add", _column(cmd.def_),
                                     if_not_exists=bool(cmd.missing_ok),
                                     location=at))
        elif kind == AlterTableType.AT_ColumnDefault:
            if cmd.def_ is None:
                out.append(s.AlterColumn(table, "drop_default", cmd.name,
                                         location=at))
            else:
                out.append(s.AlterColumn(table, "set_default", cmd.name,
                                         _expr(cmd.def_), _source(cmd.def_),
                                         location=at))
        elif kind == AlterTableType.AT_AlterColumnType:
            column = cmd.def_
            if column.collClause is not None:
                raise Unsupported("COLLATE", loc(column.collClause))
            out.append(s.AlterColumn(
                table, "type", cmd.name, location=at,
                new_type=type_spec(column.typeName),
                using=None if column.raw_default is None else _expr(column.raw_default)))
        elif kind == AlterTableType.AT_DropColumn:
            out.append(s.AlterColumn(
                table, "drop", cmd.name, location=at, if_exists=bool(cmd.missing_ok),
                cascade=cmd.behavior == DropBehavior.DROP_CASCADE))
        elif kind == AlterTableType.AT_DropExpression:
            out.append(s.AlterColumn(table, "drop_expression_if_exists"
                                     if cmd.missing_ok else "drop_expression",
                                     cmd.name, location=at))
        elif kind in (AlterTableType.AT_SetNotNull, AlterTableType.AT_DropNotNull):
            action = "set_not_null" if kind == AlterTableType.AT_SetNotNull \
                else "drop_not_null"
            out.append(s.AlterColumn(table, action, cmd.name, location=at))
        elif kind == AlterTableType.AT_ChangeOwner:
            out.append(d.OwnerDef("table", table, _role(cmd.newowner), at))
        elif kind in (AlterTableType.AT_ClusterOn, AlterTableType.AT_DropCluster):
            out.append(cluster.alter(table, cmd, at))
        elif kind in parse_partition.PARTITION_COMMANDS:
            out.append(parse_partition.partition_command(table, cmd, _range_var))
        elif kind == AlterTableType.AT_DropConstraint:
            out.append(d.DropConstraintDef(
                table, cmd.name, bool(cmd.missing_ok),
                cmd.behavior == DropBehavior.DROP_CASCADE, at))
        else:
            what = kind.name.removeprefix("AT_")
            raise Unsupported(f"ALTER TABLE … {_ALTER_WORDS.get(what) or _words(what)}",
                              loc(node))
    if node.relation.inh is False:  # ALTER TABLE ONLY
        out = [replace(st, only=True) if hasattr(st, "only") else st
               for st in out]
    if node.missing_ok:
        return [s.IfTableExists(table, tuple(out), at)]
    return out


def _role(spec: ast.RoleSpec) -> str:
    if spec.rolename is not None:
        return spec.rolename
    return RoleSpecType(spec.roletype).name.removeprefix("ROLESPEC_")


_OWNED = {ObjectType.OBJECT_SCHEMA: "schema", ObjectType.OBJECT_SEQUENCE: "sequence",
          ObjectType.OBJECT_TABLE: "table", ObjectType.OBJECT_DOMAIN: "domain",
          ObjectType.OBJECT_TYPE: "type"}


def _alter_owner(node: ast.AlterOwnerStmt) -> list[s.DdlStatement]:
    if node.objectType in (ObjectType.OBJECT_FUNCTION, ObjectType.OBJECT_AGGREGATE):
        return parse_routines.alter_owner(node, _role(node.newowner))
    kind = _OWNED.get(node.objectType)
    if kind is None:
        what = statement_names.object_words(node.objectType)
        raise Unsupported(f"ALTER {what} … OWNER TO", loc(node))
    target = (node.object.sval,) if isinstance(node.object, ast.String) \
        else _range_var(node.relation) if node.relation else names(node.object)
    return [d.OwnerDef(kind, target, _role(node.newowner), loc(node))]


def _setting(node: ast.VariableSetStmt) -> list[s.DdlStatement]:
    if node.kind != VariableSetKind.VAR_SET_VALUE or node.is_local:
        raise Unsupported("SET LOCAL, SET … TO DEFAULT and RESET in a schema "
                          "file", loc(node))
    values = tuple(_constant(arg) for arg in node.args or ())
    return [d.SettingDef(node.name, values, loc(node))]


def _constant(arg: Any) -> str:
    text = constant_text(arg.val if isinstance(arg, ast.A_Const) else arg)
    if text is None:
        raise Unsupported("SET to an expression", loc(arg))
    return text


def _select(node: ast.SelectStmt) -> list[s.DdlStatement]:
    """pg_dump's `SELECT pg_catalog.set_config('search_path', '', false)`,
    or a SELECT of constants (a script's progress message): the SELECTs a
    schema file may hold."""
    target = node.targetList[0].val if node.targetList and \
        len(node.targetList) == 1 and not node.fromClause else None
    if isinstance(target, ast.FuncCall) and \
            tuple(n.sval for n in target.funcname) in (
                ("pg_catalog", "set_config"), ("set_config",)) \
            and len(target.args or ()) == 3 \
            and all(isinstance(a, ast.A_Const) for a in target.args) \
            and _constant(target.args[2]) == "off":
        return [d.SettingDef(_constant(target.args[0]),
                             (_constant(target.args[1]),), loc(node))]
    if node.targetList and not node.fromClause and all(
            isinstance(t.val, ast.A_Const) for t in node.targetList) and \
            not any(getattr(node, k) for k in ("whereClause", "intoClause",
                                               "valuesLists", "withClause")):
        return []  # SELECT 'a progress message': psql prints it, no effect
    raise Unsupported("SELECT", loc(node))


def _select_is_ddl(node: ast.SelectStmt) -> bool:
    try:
        _select(node)
    except Unsupported:
        return False
    return True


def _alter_sequence(node: ast.AlterSeqStmt) -> list[s.DdlStatement]:
    options = _seq_options(node.options)
    if node.missing_ok or [o.name for o in options] != ["owned_by"]:
        raise Unsupported("ALTER SEQUENCE (other than OWNED BY)", loc(node))
    return [d.SequenceOwnerDef(_range_var(node.sequence), tuple(options[0].value),
                               loc(node.sequence))]


def _rename(node: ast.RenameStmt) -> list[s.DdlStatement]:
    table = _range_var(node.relation) if node.relation else ()
    at = loc(node.relation) if node.relation else loc(node)
    if node.renameType in (ObjectType.OBJECT_TYPE, ObjectType.OBJECT_DOMAIN,
                           ObjectType.OBJECT_DOMCONSTRAINT):
        return parse_types.rename_type(node)
    if node.renameType == ObjectType.OBJECT_TABLE:
        statement: s.DdlStatement = d.RenameTableDef(table, node.newname, at)
    elif node.renameType == ObjectType.OBJECT_COLUMN and \
            node.relationType == ObjectType.OBJECT_TABLE:
        statement = d.RenameColumnDef(table, node.subname, node.newname, at,
                                      node.relation.inh is False)
    elif node.renameType == ObjectType.OBJECT_ATTRIBUTE:
        return parse_types.rename_attribute(node)
    else:
        what = statement_names.object_words(node.renameType)
        raise Unsupported(f"ALTER {what} … RENAME", loc(node))
    return [s.IfTableExists(table, (statement,), at) if node.missing_ok
            else statement]


def _create_sequence(node: ast.CreateSeqStmt) -> list[s.DdlStatement]:
    if node.sequence.relpersistence == "t":
        raise Unsupported("CREATE TEMPORARY SEQUENCE", loc(node.sequence))
    return [s.CreateSequence(_range_var(node.sequence),
                             _seq_options(node.options),
                             bool(node.if_not_exists), loc(node.sequence))]


_COMMENTABLE = {ObjectType.OBJECT_TABLE: "table",
                ObjectType.OBJECT_COLUMN: "column",
                ObjectType.OBJECT_TABCONSTRAINT: "constraint",
                ObjectType.OBJECT_INDEX: "index",
                ObjectType.OBJECT_SEQUENCE: "sequence",
                ObjectType.OBJECT_SCHEMA: "schema",
                ObjectType.OBJECT_VIEW: "view",
                ObjectType.OBJECT_MATVIEW: "materialized view"}


def _object_kind(node: Any, object_type: Any, kinds: dict) -> str:
    """COMMENT ON's or DROP's object kind; another is refused by name."""
    kind = kinds.get(object_type)
    if kind is None:
        raise Unsupported(statement_names.statement_name(node), loc(node))
    return kind


def _comment(node: ast.CommentStmt) -> list[s.DdlStatement]:
    parse_own = _OWN_COMMENTS.get(node.objtype)
    if parse_own is not None:
        return parse_own(node)
    target = _object_kind(node, node.objtype, _COMMENTABLE)
    name = (node.object.sval,) if target == "schema" else names(node.object)
    return [d.CommentDef(target, name, node.comment)]


# the objects whose own parser reads COMMENT ON or DROP for them
_ROUTINES = (ObjectType.OBJECT_FUNCTION, ObjectType.OBJECT_AGGREGATE,
             ObjectType.OBJECT_TRIGGER)
_OWN_COMMENTS = {**dict.fromkeys(_ROUTINES, parse_routines.comment),
                 ObjectType.OBJECT_EXTENSION: parse_extensions.comment_extension}
_OWN_DROPS = {**dict.fromkeys(_ROUTINES, parse_routines.drop),
              ObjectType.OBJECT_EXTENSION: parse_extensions.drop_extension}
_DROPPABLE = {ObjectType.OBJECT_TABLE: "table", ObjectType.OBJECT_INDEX: "index",
              ObjectType.OBJECT_SEQUENCE: "sequence",
              ObjectType.OBJECT_SCHEMA: "schema", ObjectType.OBJECT_VIEW: "view",
              ObjectType.OBJECT_MATVIEW: "materialized view",
              ObjectType.OBJECT_TYPE: "type", ObjectType.OBJECT_DOMAIN: "domain"}


def _drop(node: ast.DropStmt) -> list[s.DdlStatement]:
    parse_own = _OWN_DROPS.get(node.removeType)
    if parse_own is not None:
        return parse_own(node)
    kind = _object_kind(node, node.removeType, _DROPPABLE)
    if kind == "schema":
        targets = tuple((o.sval,) for o in node.objects)
    elif kind in ("type", "domain"):
        for o in node.objects:
            if o.arrayBounds or o.typmods:
                raise Unsupported(f"DROP {kind.upper()} of an array or typmod",
                                  loc(o))
        targets = tuple(names(o.names) for o in node.objects)
    else:
        targets = tuple(names(o) for o in node.objects)
    for target in targets:
        if len(target) > 2:
            raise Unsupported("cross-database reference", loc(node))
    return [d.DropDef(kind, targets, bool(node.missing_ok),
                      node.behavior == DropBehavior.DROP_CASCADE, loc(node))]


_STATEMENTS = {
    ast.DropStmt: _drop,
    ast.RenameStmt: _rename,
    ast.AlterOwnerStmt: _alter_owner,
    ast.VariableSetStmt: _setting,
    ast.SelectStmt: _select,
    ast.AlterSeqStmt: _alter_sequence,
    ast.CreateSchemaStmt: _create_schema,
    ast.CreateStmt: _create_table,
    ast.IndexStmt: _create_index,
    ast.AlterTableStmt: _alter_table,
    ast.CreateSeqStmt: _create_sequence,
    ast.CommentStmt: _comment,
    ast.ViewStmt: _create_view,
    ast.CreateTableAsStmt: _create_materialized_view,
    ast.RefreshMatViewStmt: _refresh_view,
    ast.CreateEnumStmt: parse_types.create_enum,
    ast.CompositeTypeStmt: parse_types.create_composite,
    ast.AlterEnumStmt: parse_types.alter_enum,
    ast.CreateDomainStmt: parse_types.create_domain,
    ast.AlterDomainStmt: parse_types.alter_domain,
    ast.ClusterStmt: cluster.cluster,
    ast.CreateExtensionStmt: parse_extensions.create_extension,
    ast.AlterExtensionStmt: parse_extensions.alter_extension,
    ast.AlterExtensionContentsStmt: parse_extensions.alter_extension_contents,
    ast.CreateFunctionStmt: parse_routines.create_function,
    ast.CreateTrigStmt: parse_routines.create_trigger,
    ast.DefineStmt: parse_routines.define,
    ast.GrantStmt: parse_privileges.grant,
    ast.CreateRoleStmt: parse_privileges.create_role,
    ast.DropRoleStmt: parse_privileges.drop_role,
    ast.GrantRoleStmt: parse_privileges.refuse_grant_role,
    ast.AlterRoleStmt: parse_privileges.refuse_alter_role,
}

def statement_name(node: Any) -> str:
    """A statement kind in SQL words, for refusals (`CREATE VIEW`)."""
    return statement_names.statement_name(node)


_words = statement_names.words

_ALTER_WORDS = {
    "ChangeOwner": "OWNER TO",
    "EnableTrig": "ENABLE TRIGGER",
    "DisableTrig": "DISABLE TRIGGER",
    "EnableTrigAll": "ENABLE TRIGGER ALL",
    "DisableTrigAll": "DISABLE TRIGGER ALL",
    "EnableTrigUser": "ENABLE TRIGGER USER",
    "DisableTrigUser": "DISABLE TRIGGER USER",
    "EnableAlwaysTrig": "ENABLE ALWAYS TRIGGER",
    "EnableReplicaTrig": "ENABLE REPLICA TRIGGER",
    "SetRelOptions": "SET (storage parameters)",
    "ResetRelOptions": "RESET (storage parameters)",
    "SetUnLogged": "SET UNLOGGED",
    "SetTableSpace": "SET TABLESPACE",
    "GenericOptions": "OPTIONS",
    "AddInherit": "INHERIT",
    "DropInherit": "NO INHERIT",
    "AddOf": "OF",
    "DropOf": "NOT OF",
    "SetOptions": "ALTER COLUMN … SET (attribute options)",
    "ResetOptions": "ALTER COLUMN … RESET (attribute options)",
    "SetStatistics": "ALTER COLUMN … SET STATISTICS",
    "SetStorage": "ALTER COLUMN … SET STORAGE",
    "SetCompression": "ALTER COLUMN … SET COMPRESSION",
    "AddIdentity": "ALTER COLUMN … ADD GENERATED AS IDENTITY",
    "SetIdentity": "ALTER COLUMN … SET identity option",
    "DropIdentity": "ALTER COLUMN … DROP IDENTITY",
    "DropExpression": "ALTER COLUMN … DROP EXPRESSION",
    "ColumnDefault": "ALTER COLUMN … SET/DROP DEFAULT",
    "AlterColumnType": "ALTER COLUMN … TYPE",
    "SetNotNull": "ALTER COLUMN … SET NOT NULL",
    "DropNotNull": "ALTER COLUMN … DROP NOT NULL",
}
