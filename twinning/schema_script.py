"""The rest of a schema file, run as psql -f runs it.

`bootstrap.from_schema` builds the file up to its first statement that
needs rows or a session (`passes/schema_script.py`: a data fix, a SELECT
calling the file's functions, DO, `SET client_encoding`); `run_rest` runs
every statement from there on, in file order, through one superuser
session over that state, as a client's statements run: DDL through the
same builder, writes through the store. What the file's head set
(search_path, check_function_bodies) is set on the session first.

`SET client_encoding` changes how psql's bytes are read by the server: the
file is UTF-8, so after `SET client_encoding = latin1` each statement's
UTF-8 bytes are read as LATIN1 characters, as PostgreSQL reads them
(`'Résumé'` becomes `'RÃ©sumÃ©'`). Other encodings are refused by name.

Errors stop the load as the schema stages' errors do (E_SCHEMA_INVALID
with the file's line and column; a 0A000 is E_SCHEMA_UNSUPPORTED), and
--skip-unsupported skips a 0A000 statement, and after one a statement
failing for a missing object, as `passes/skip_unsupported.py` does.
"""

from __future__ import annotations

from pglast import ast

from twinning.bootstrap import Source, _excerpt, _refusals
from twinning.engine import Engine
from twinning.errors import FEATURE_NOT_SUPPORTED, SqlError
from twinning.passes.parse import (StatementUnsupported, _select,
                                   _without_meta_commands, line_column,
                                   split_statements)
from twinning.passes.parse_expr import Unsupported
from twinning.passes.schema_script import client_encoding
from twinning.passes.skip_unsupported import MISSING_OBJECT
from twinning.session import Session
from twinning.wire.messages import (ErrorResponse, NoticeResponse,
                                    decode_backend_stream)

__all__ = ["run_rest"]

# the encodings the rest of a UTF-8 file can be read in, by Python codec
_CODECS = {"utf8": None, "sqlascii": None, "latin1": "latin-1"}
# a schema file's settings that the statements after its head still see
_CARRIED = frozenset({"search_path", "check_function_bodies"})


def run_rest(path: str, text: str, offset: int, built: Source,
             skip_unsupported: bool) -> Source:
    """`built` (the state of the file before `offset`) with the file's
    statements from `offset` on run on it."""
    session = Session(Engine(built.state))
    session.on_startup({"user": "postgres", "database": "postgres"})
    session.on_authenticated()
    for statement in _carried_settings(text[:offset]):
        _run(session, statement)
    rest = "".join(c if c == "\n" else " " for c in text[:offset]) + text[offset:]
    metas: list[StatementUnsupported] = []
    rest = _without_meta_commands(rest, metas)
    skipped = list(built.skipped) + [_listed(path, m) for m in metas]
    if metas and not skip_unsupported:
        with _refusals(text, path):
            raise metas[0]
    notices = list(built.notices)
    codec = None
    for node, chunk, at in split_statements(rest):
        if isinstance(node, ast.VariableSetStmt) and \
                (node.name or "").lower() == "client_encoding":
            encoding = client_encoding(node)
            if encoding in _CODECS:
                codec = _CODECS[encoding]
                continue
            error: SqlError | None = SqlError(
                FEATURE_NOT_SUPPORTED, f"SET client_encoding = {chunk.split('=')[-1].strip()} "
                "is not supported by twinning")
        else:
            sql = chunk if codec is None else chunk.encode().decode(codec)
            error = _run(session, sql, notices)
            if error is not None and codec is not None:
                error.position = None  # a position in the re-read text
        if error is None:
            continue
        if skip_unsupported and (error.sqlstate == FEATURE_NOT_SUPPORTED or (
                skipped and error.sqlstate in MISSING_OBJECT)):
            skipped.append(_skip(path, text, chunk, at, error))
            continue
        _refuse(path, text, chunk, at, error)
    skipped.sort(key=lambda r: (r["line"], r["column"]))
    return Source(session.engine.committed_state(), path, built.hash,
                  tuple(notices), skipped=tuple(skipped))


def _carried_settings(head: str) -> list[str]:
    """The head's SETs of what later statements read (its last
    search_path, check_function_bodies), as statements for the session."""
    out = []
    for node, chunk, _ in split_statements(_without_meta_commands(head, [])):
        if isinstance(node, ast.VariableSetStmt) and \
                (node.name or "").lower() in _CARRIED:
            out.append(chunk)
        elif isinstance(node, ast.SelectStmt):
            try:
                settings = _select(node)
            except Unsupported:
                continue
            if settings:
                out.append(chunk)
    return out


def _run(session: Session, sql: str, notices: list | None = None
         ) -> SqlError | None:
    """One statement through the session's simple query: its error, if
    any; notices kept as the schema stages keep theirs."""
    error = None
    for message in decode_backend_stream(session.on_query(sql)):
        if isinstance(message, ErrorResponse):
            error = message.to_error()
        elif isinstance(message, NoticeResponse) and notices is not None:
            notices.append(message.field("M") or "")
    return error


def _located(text: str, at: int, error: SqlError) -> tuple[int, int]:
    where = at if error.position is None else at + error.position - 1
    return line_column(text, where)


def _construct(error: SqlError) -> str:
    if error.sqlstate == FEATURE_NOT_SUPPORTED:
        return error.message.removesuffix(" is not supported by twinning")
    return "a statement needing a skipped one"


def _skip(path: str, text: str, chunk: str, at: int, error: SqlError) -> dict:
    line, column = _located(text, at, error)
    return {"path": path, "line": line, "column": column,
            "construct": _construct(error), "sqlstate": error.sqlstate,
            "message": error.message, "statement": _excerpt(chunk)}


def _listed(path: str, refused: StatementUnsupported) -> dict:
    return {"path": path, "line": refused.line, "column": refused.column,
            "construct": refused.construct, "sqlstate": refused.sqlstate,
            "message": refused.message, "statement": _excerpt(refused.statement)}


def _refuse(path: str, text: str, chunk: str, at: int, error: SqlError) -> None:
    """The load's refusal for a statement that failed."""
    with _refusals(text, path):
        if error.sqlstate == FEATURE_NOT_SUPPORTED:
            line, column = _located(text, at, error)
            raise StatementUnsupported(_construct(error), chunk, line,
                                       column, at)
        # the file's line and column: the error's place, or its statement's
        error.position = at + (error.position or 1)
        raise error
