"""Parse stage for client statements: query text → `ParsedQuery`.

pglast (PostgreSQL 15's grammar) splits and parses the whole string first,
so a syntax error anywhere rejects the string before any statement runs,
as in PostgreSQL. Each statement is then converted to syntax IR on its
own: a statement outside the subset becomes `Refused`, which the session
raises as 0A000 when it reaches that statement — `SELECT 1; INSERT …`
answers the SELECT first, exactly like the real server.

Pure and cacheable by the SQL text. Nothing here knows settings, the
catalog or a session.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

from pglast import ast
from pglast.parser import scan
from pglast.enums import (DiscardMode, ObjectType, TransactionStmtKind,
                          VariableSetKind)

from twinning.ir import dml as d
from twinning.ir import query as q
from twinning.ir import select as r
from twinning.ir import syntax as s
from twinning.ir.ddl import AlterCompositeDef, RenameTypeDef
from twinning.ir.routines import ROUTINE_TAGS
from twinning.passes.expr.walk import rebuild, rebuilt_fields
from twinning.passes.polling import poll_planning
from twinning.passes.stack_depth import reset as reset_stack_depth
from twinning.passes.parse import (ON_COMMIT_ACTIONS, ddl_statements,
                                   split_statements, statement_name)
from twinning.passes.parse_routines import do_block
from twinning.passes.parse_database import (database_command,
                                           is_database_statement,
                                           quick_database_command)
from twinning.passes.parse_dml import convert_write, copy_query_options
from twinning.passes.parse_select import convert_query, convert_read
from twinning.passes.expr import pg_data
from twinning.passes.expr.aggregates import AGGREGATE_NAMES
from twinning.passes.parse_expr import (NO_TOKEN, ExprConverter, Unsupported,
                                       constant_text, loc, type_spec)

__all__ = ["parse_query"]

_expr = ExprConverter()  # EXECUTE arguments: no subqueries


def parse_query(sql: str) -> q.ParsedQuery:
    """Every statement of `sql`, each converted or `Refused`."""
    quick = quick_database_command(sql)
    if quick is not None:
        return quick
    out = []
    for node, chunk, offset in split_statements(sql):
        reset_stack_depth()
        try:
            parsed = _statement(node, chunk)
            if isinstance(parsed, (q.Select, q.Query, q.Execute, q.Prepare,
                                   d.Insert, d.Update, d.Delete, d.Merge,
                                   q.Ddl)):
                parsed = _locate_literals(parsed, chunk, offset)
        except Unsupported as exc:
            where = exc.location if exc.location >= 0 else offset
            # a refused CREATE names what it would create: no 42P01 for it
            named = () if type(node).__name__.startswith("Create") \
                or isinstance(node, (ast.ViewStmt, ast.CompositeTypeStmt)) \
                or _names_a_type(node) else relations_of(node)
            parsed = q.Refused(exc.construct, where + 1, named)
        out.append(q.ParsedStatement(parsed, chunk, offset))
    return q.ParsedQuery(sql, tuple(out))


def _names_a_type(node: object) -> bool:
    """ALTER TYPE … ADD/DROP/ALTER/RENAME ATTRIBUTE: its RangeVar names a
    composite type, not a table (no 42P01 before the refusal)."""
    if isinstance(node, ast.AlterTableStmt):
        return node.objtype == ObjectType.OBJECT_TYPE
    return isinstance(node, ast.RenameStmt) and \
        node.renameType == ObjectType.OBJECT_ATTRIBUTE


# Statement fields in the order parse analysis opens the relations in them
# (the target first, then FROM/USING, then everything else).
_FIRST = {ast.InsertStmt: ("relation",), ast.UpdateStmt: ("relation", "fromClause"),
          ast.MergeStmt: ("relation", "sourceRelation"),
          ast.DeleteStmt: ("relation", "usingClause"),
          ast.SelectStmt: ("withClause", "fromClause")}
_UNLOCATED = (ast.CopyStmt, ast.TruncateStmt)  # PostgreSQL gives no position


def relations_of(node: Any) -> tuple[q.RelationRef, ...]:
    """Tables a statement names (CTE names excluded), in analysis order."""
    found: list[ast.RangeVar] = []
    ctes: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, ast.RangeVar):
            found.append(value)
        elif isinstance(value, ast.CommonTableExpr):
            ctes.add(value.ctename)
            walk(value.ctequery)
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)
        elif isinstance(value, ast.Node):
            first = _FIRST.get(type(value), ())
            for name in first:
                walk(getattr(value, name, None))
            for name in value:
                if name not in first:
                    walk(getattr(value, name))

    walk(node)
    located = not isinstance(node, _UNLOCATED)
    return tuple(
        q.RelationRef(
            tuple(p for p in (rv.schemaname, rv.relname) if p),
            rv.location + 1 if located and rv.location is not None
            and rv.location >= 0 else None)
        for rv in found
        if rv.schemaname or rv.relname not in ctes)


def _statement(node: Any, chunk: str) -> q.Syntax:
    if is_database_statement(node):
        return database_command(node)
    if type(node) in _TAKES_TEXT or (isinstance(node, ast.CreateTableAsStmt)
                                     and node.objtype == ObjectType.OBJECT_MATVIEW):
        return _ddl(node, chunk)
    if isinstance(node, ast.CreateTableAsStmt):
        return _create_table_as(node.into, node.query, node, chunk)
    if isinstance(node, ast.DeclareCursorStmt):
        return _declare_cursor(node, chunk)
    if isinstance(node, ast.CopyStmt) and node.query is not None:
        if not isinstance(node.query, ast.SelectStmt):
            raise Unsupported(f"COPY ({_statement_name(node.query)} … RETURNING)", -1)
        options, error = copy_query_options(node)
        return q.CopyQuery(_select(node.query), options, error, chunk)
    if isinstance(node, ast.SelectStmt) and node.intoClause is not None:
        into, node.intoClause = node.intoClause, None  # the query without it
        try:
            return _create_table_as(into, node, None, chunk)
        finally:
            node.intoClause = into
    handler = _HANDLERS.get(type(node))
    if handler is None:
        raise Unsupported(_statement_name(node), -1)
    return handler(node)


# -- literal positions -----------------------------------------------------------

_LITERAL_TOKENS = frozenset({"SCONST", "USCONST", "ICONST", "FCONST", "BCONST",
                             "XCONST", "TRUE_P", "FALSE_P", "NULL_P"})


def _locate_literals(node: Any, chunk: str, offset: int) -> Any:
    """Give every Literal its source offset.

    pglast drops A_Const locations, but PostgreSQL reports errors in a
    literal's input function at the literal (`'x'::int` → position 8). The
    scanner's constant tokens, in source order, are the tree's literals in
    field order; when the counts disagree (`IS NULL`, `IS TRUE` use the
    same keywords) the locations stay unknown rather than wrong.
    """
    tokens = list(scan(chunk))  # pglast reports character offsets
    starts = []
    for i, tok in enumerate(tokens):
        if tok.name not in _LITERAL_TOKENS:
            continue
        if not len(starts) & 1023:
            poll_planning()  # a huge statement: cancel, statement_timeout
        before = [t.name for t in tokens[max(0, i - 2):i]]
        if before[-1:] == ["IS"] or before == ["IS", "NOT"]:
            continue  # IS [NOT] TRUE/FALSE/NULL: keywords, not constants
        minus = None  # `-1` is one constant located at its minus sign
        if i and tokens[i - 1].name == "ASCII_45":
            minus = offset + tokens[i - 1].start
        starts.append((offset + tok.start, minus))
    if not starts:
        return node
    it = iter(starts)
    polled = [0]

    def locate(value: Any) -> Any:
        if isinstance(value, s.Literal):
            if value.location == NO_TOKEN:
                return value
            start, minus = next(it, (None, None))
            if start is None:
                raise _Miscount
            if minus is not None and (value.text or "").startswith("-"):
                start = minus
            return dataclasses.replace(value, location=start)
        polled[0] += 1
        if not polled[0] & 1023:
            poll_planning()  # thousands of VALUES rows: cancel, statement_timeout
        return None

    try:
        located = rebuild(node, locate, _source_fields)
    except _Miscount:  # more literals than constant tokens
        return node
    return node if next(it, None) is not None else located


class _Miscount(Exception):
    """The tree has more literals than the text has constant tokens."""


@cache
def _source_fields(cls: type) -> tuple[str, ...] | None:
    """A node class's constructor fields in the order their text comes
    (WITH first); None for what is not a node."""
    names = rebuilt_fields(cls)
    return None if names is None else tuple(sorted(names, key="with_".__ne__))


# -- transaction control ------------------------------------------------------------

def _const_text(node: Any) -> str:
    """The text of a SET argument or option constant, as PostgreSQL's
    flatten_set_variable_args renders it."""
    text = constant_text(node.val) if isinstance(node, ast.A_Const) else None
    if text is not None:
        return text
    if isinstance(node, ast.TypeCast):
        raise Unsupported("SET with a typed value (INTERVAL …)", loc(node))
    raise Unsupported("SET with a non-constant value", loc(node))


def _txn_options(options: Any) -> q.TxnOptions:
    isolation = read_only = deferrable = None
    for opt in options or ():
        value = _const_text(opt.arg)
        if opt.defname == "transaction_isolation":
            isolation = value
        elif opt.defname == "transaction_read_only":
            read_only = value in ("1", "on")
        elif opt.defname == "transaction_deferrable":
            deferrable = value in ("1", "on")
    return q.TxnOptions(isolation, read_only, deferrable)


def _transaction(node: ast.TransactionStmt) -> q.Syntax:
    kind = node.kind
    K = TransactionStmtKind
    if kind in (K.TRANS_STMT_BEGIN, K.TRANS_STMT_START):
        return q.Begin(_txn_options(node.options), kind == K.TRANS_STMT_START)
    if kind == K.TRANS_STMT_COMMIT:
        return q.Commit(bool(node.chain))
    if kind == K.TRANS_STMT_ROLLBACK:
        return q.Rollback(bool(node.chain))
    if kind == K.TRANS_STMT_SAVEPOINT:
        return q.Savepoint(node.savepoint_name)
    if kind == K.TRANS_STMT_RELEASE:
        return q.Release(node.savepoint_name)
    if kind == K.TRANS_STMT_ROLLBACK_TO:
        return q.RollbackTo(node.savepoint_name)
    raise Unsupported("two-phase commit (PREPARE TRANSACTION / COMMIT "
                      "PREPARED)", -1)


# -- settings ---------------------------------------------------------------------

def _variable_set(node: ast.VariableSetStmt) -> q.Syntax:
    K = VariableSetKind
    kind = node.kind
    if kind == K.VAR_SET_VALUE:
        return q.SetVar(node.name, tuple(_const_text(a) for a in node.args),
                        bool(node.is_local))
    if kind == K.VAR_SET_DEFAULT:
        return q.SetVar(node.name, None, bool(node.is_local))
    if kind == K.VAR_SET_MULTI:
        return q.SetTransaction(_txn_options(node.args),
                                node.name == "SESSION CHARACTERISTICS")
    if kind == K.VAR_RESET:
        return q.Reset(node.name)
    if kind == K.VAR_RESET_ALL:
        return q.Reset(None)
    raise Unsupported("SET … FROM CURRENT", -1)


def _variable_show(node: ast.VariableShowStmt) -> q.Syntax:
    return q.Show(node.name)


def _discard(node: ast.DiscardStmt) -> q.Syntax:
    return q.Discard({DiscardMode.DISCARD_ALL: "ALL",
                      DiscardMode.DISCARD_PLANS: "PLANS",
                      DiscardMode.DISCARD_SEQUENCES: "SEQUENCES",
                      DiscardMode.DISCARD_TEMP: "TEMP"}[node.target])


# -- SELECT ------------------------------------------------------------------------------

def _select(node: ast.SelectStmt) -> q.Select | q.Query:
    """A SELECT of constants stays on the one-row projection path; every
    other query goes to the read path (`parse_select`)."""
    query = convert_query(node)
    body = query.body
    if isinstance(body, r.SelectCore) and not (
            body.from_ or body.where is not None or body.group_by
            or body.having is not None or body.distinct is not None
            or query.order_by or query.limit is not None
            or query.offset is not None or query.with_ or body.windows
            or query.locking) \
            and not _needs_read_path(body.targets):
        return q.Select(body.targets)
    return query


# aggregates and set-returning functions change how many rows come out
_ROW_FUNCTIONS = AGGREGATE_NAMES | {
    f[0] for f in pg_data.FUNCTIONS if f[5]}


def _needs_read_path(value: Any) -> bool:
    """Subqueries, aggregates, GROUPING() and window functions make even a
    FROM-less SELECT a query."""
    if isinstance(value, (s.SubLink, s.Grouping)) or (
            isinstance(value, s.FuncCall) and value.over is not None):
        return True
    if isinstance(value, s.FuncCall) and (
            value.name[-1] in _ROW_FUNCTIONS or value.name[-1] not in
            pg_data.PROC_NAMES) and value.name[:-1] in ((), ("pg_catalog",)):
        return True  # a user function may return a set: the read path
    if isinstance(value, s.FuncCall) and value.name[:-1] not in (
            (), ("pg_catalog",)):
        return True
    if isinstance(value, tuple):
        return any(_needs_read_path(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return any(_needs_read_path(getattr(value, f.name))
                   for f in dataclasses.fields(value))
    return False


def _write(node: Any) -> Any:
    return convert_write(node, convert_read)


def _prepare(node: ast.PrepareStmt) -> q.Syntax:
    if not isinstance(node.query, ast.SelectStmt):
        raise Unsupported(f"PREPARE of {_statement_name(node.query)}", -1)
    return q.Prepare(node.name, tuple(type_spec(t) for t in node.argtypes or ()),
                     _select(node.query))


def _create_table_as(into: ast.IntoClause, query: Any,
                     stmt: ast.CreateTableAsStmt | None, chunk: str) -> q.Syntax:
    """CREATE TABLE … AS / SELECT … INTO: the table's options as CREATE
    TABLE reads them, the query as any SELECT."""
    if stmt is not None and stmt.objtype != ObjectType.OBJECT_TABLE:
        raise Unsupported("CREATE MATERIALIZED VIEW", loc(stmt))
    if not isinstance(query, ast.SelectStmt):
        raise Unsupported(f"CREATE TABLE AS {_statement_name(query)}", -1)
    for attr, what in (("options", "WITH (storage parameters)"),
                       ("tableSpaceName", "TABLESPACE"),
                       ("accessMethod", "USING access method")):
        if getattr(into, attr):
            raise Unsupported(what, loc(into.rel))
    rel = into.rel
    if rel.relpersistence == "u":
        raise Unsupported("UNLOGGED table", loc(rel))
    if rel.catalogname:
        raise Unsupported("cross-database reference", loc(rel))
    name = (rel.schemaname, rel.relname) if rel.schemaname else (rel.relname,)
    return q.CreateTableAs(
        name, tuple(c.sval for c in into.colNames or ()), _select(query),
        bool(stmt.if_not_exists) if stmt is not None else False,
        rel.relpersistence == "t", ON_COMMIT_ACTIONS[into.onCommit.name],
        not into.skipData, chunk)


# CURSOR_OPT_* (parsenodes.h)
_CURSOR_BINARY, _CURSOR_SCROLL, _CURSOR_NO_SCROLL, _CURSOR_HOLD = 0x1, 0x2, 0x4, 0x20


def _declare_cursor(node: ast.DeclareCursorStmt, chunk: str) -> q.Syntax:
    if node.options & _CURSOR_BINARY:
        raise Unsupported("DECLARE … BINARY CURSOR", -1)
    if not isinstance(node.query, ast.SelectStmt):
        raise Unsupported(f"DECLARE CURSOR FOR {_statement_name(node.query)}", -1)
    return q.DeclareCursor(node.portalname, _select(node.query),
                           bool(node.options & _CURSOR_SCROLL),
                           bool(node.options & _CURSOR_NO_SCROLL),
                           bool(node.options & _CURSOR_HOLD), chunk)


def _fetch(node: ast.FetchStmt) -> q.Syntax:
    return q.Fetch(node.portalname, node.direction.name.removeprefix("FETCH_").lower(),
                   node.howMany, bool(node.ismove))


def _execute(node: ast.ExecuteStmt) -> q.Syntax:
    return q.Execute(node.name, _expr.many(node.params))


def _deallocate(node: ast.DeallocateStmt) -> q.Syntax:
    return q.Deallocate(node.name)


_DDL_TAGS = {ast.CreateStmt: "CREATE TABLE", ast.IndexStmt: "CREATE INDEX",
             ast.CreateSchemaStmt: "CREATE SCHEMA",
             ast.CreateSeqStmt: "CREATE SEQUENCE",
             ast.AlterTableStmt: "ALTER TABLE", ast.CommentStmt: "COMMENT",
             ast.RenameStmt: "ALTER TABLE", ast.ViewStmt: "CREATE VIEW",
             ast.CreateTableAsStmt: "CREATE MATERIALIZED VIEW",
             ast.RefreshMatViewStmt: "REFRESH MATERIALIZED VIEW",
             ast.CreateEnumStmt: "CREATE TYPE", ast.AlterEnumStmt: "ALTER TYPE",
             ast.CompositeTypeStmt: "CREATE TYPE",
             ast.CreateDomainStmt: "CREATE DOMAIN",
             ast.AlterDomainStmt: "ALTER DOMAIN",
             ast.CreateExtensionStmt: "CREATE EXTENSION",
             ast.AlterExtensionStmt: "ALTER EXTENSION",
             ast.ClusterStmt: "CLUSTER"}
_DROP_TAGS = {"table": "DROP TABLE", "index": "DROP INDEX",
              "sequence": "DROP SEQUENCE", "schema": "DROP SCHEMA",
              "view": "DROP VIEW", "materialized view": "DROP MATERIALIZED VIEW",
              "type": "DROP TYPE", "domain": "DROP DOMAIN",
              "extension": "DROP EXTENSION"}


def _ddl(node: Any, chunk: str) -> q.Syntax:
    """DDL at run time: the schema loader's syntax (`passes/parse.py`)."""
    statements = tuple(ddl_statements(node))
    if hasattr(statements[0], "command_tag"):  # GRANT, REVOKE, roles
        tag = statements[0].command_tag
    elif type(statements[0]) in ROUTINE_TAGS:
        tag = ROUTINE_TAGS[type(statements[0])]
        if getattr(statements[0], "aggregate", False) is True:
            tag = tag.replace("FUNCTION", "AGGREGATE")
    elif isinstance(node, ast.CommentStmt):
        tag = "COMMENT"
    elif isinstance(node, ast.DropStmt):
        tag = _DROP_TAGS[statements[0].kind]
    elif isinstance(node, ast.AlterOwnerStmt):
        tag = "ALTER " + statements[0].kind.upper()
    elif getattr(statements[0], "action", None) == "attach_index":
        tag = "ALTER INDEX"
    elif isinstance(statements[0], RenameTypeDef):
        tag = "ALTER DOMAIN" if statements[0].domain else "ALTER TYPE"
    elif isinstance(statements[0], AlterCompositeDef):
        tag = "ALTER TYPE"
    else:
        tag = _DDL_TAGS[type(node)]
    return q.Ddl(statements, tag, chunk)


_HANDLERS = {
    ast.TransactionStmt: _transaction,
    ast.VariableSetStmt: _variable_set,
    ast.VariableShowStmt: _variable_show,
    ast.DiscardStmt: _discard,
    ast.SelectStmt: _select,
    ast.PrepareStmt: _prepare,
    ast.ExecuteStmt: _execute,
    ast.DeallocateStmt: _deallocate,
    ast.FetchStmt: _fetch,
    ast.ClosePortalStmt: lambda node: q.CloseCursor(node.portalname),
    ast.ListenStmt: lambda node: q.Listen(node.conditionname),
    ast.UnlistenStmt: lambda node: q.Unlisten(node.conditionname),
    ast.NotifyStmt: lambda node: q.Notify(node.conditionname, node.payload),
    ast.LockStmt: lambda node: q.LockTables(
        tuple(tuple(p for p in (rv.schemaname, rv.relname) if p)
              for rv in node.relations), node.mode, bool(node.nowait)),
    ast.ConstraintsSetStmt: lambda node: q.SetConstraints(
        None if node.constraints is None else tuple(
            (rv.schemaname, rv.relname) if rv.schemaname else (rv.relname,)
            for rv in node.constraints), bool(node.deferred)),
    ast.InsertStmt: _write,
    ast.UpdateStmt: _write,
    ast.DeleteStmt: _write,
    ast.MergeStmt: _write,
    ast.TruncateStmt: convert_write,
    ast.CopyStmt: convert_write,
    ast.DoStmt: do_block,
}
_TAKES_TEXT = {ast.CreateStmt, ast.IndexStmt, ast.CreateSchemaStmt,
               ast.CreateSeqStmt, ast.AlterTableStmt, ast.CommentStmt,
               ast.DropStmt, ast.RenameStmt, ast.ViewStmt,
               ast.RefreshMatViewStmt, ast.CreateEnumStmt, ast.AlterEnumStmt,
               ast.CompositeTypeStmt,
               ast.CreateDomainStmt, ast.AlterDomainStmt, ast.AlterOwnerStmt,
               ast.CreateExtensionStmt, ast.AlterExtensionStmt, ast.ClusterStmt,
               ast.AlterExtensionContentsStmt, ast.CreateFunctionStmt,
               ast.CreateTrigStmt, ast.DefineStmt, ast.GrantStmt,
               ast.CreateRoleStmt, ast.DropRoleStmt}

_NAMES = {
    "InsertStmt": "INSERT (the write path)",
    "UpdateStmt": "UPDATE (the write path)",
    "DeleteStmt": "DELETE (the write path)",
    "MergeStmt": "MERGE",
    "CopyStmt": "COPY",
    "TruncateStmt": "TRUNCATE",
    "ExplainStmt": "EXPLAIN",
    "DeclareCursorStmt": "DECLARE CURSOR",
    "ListenStmt": "LISTEN",
    "NotifyStmt": "NOTIFY",
    "DoStmt": "DO",
    "CallStmt": "CALL",
    "VacuumStmt": "VACUUM",
}


def _statement_name(node: Any) -> str:
    name = type(node).__name__
    if name in _NAMES:
        return _NAMES[name]
    return statement_name(node)  # the schema loader's names (CREATE VIEW, …)
