"""The declared-subset decision of the delegated backend (`--backend`).

A statement the in-memory twin would refuse with 0A000 is refused under
`--backend` too, so an extractor that passes there also runs on the
in-memory twin. The decision is the twin's own front half, run against
the twin's catalog without executing anything: `Engine.parse` (the whole
query string, as PostgreSQL parses it first) and `Engine.plan` (resolve,
lower and plan of each statement; a plan may carry a `planning_error`
the twin raises when it runs). A 0A000 from either is the refusal; any
other error is not the twin's to decide (the backend answers it: a
syntax error, or a table created by a client's DDL that the catalog the
twin holds does not have).

Why not rewrite, or run a data-less twin beside the backend: the original
text is what the backend runs (its answers are PostgreSQL's own), and the
twin never holds rows. What this does not see: refusals the twin only
raises while executing (a cached plan whose result type changed), and
statements the schema's catalog cannot plan — on objects a client's own
DDL made, or found through a client's `search_path` (plans use the
default path) — whose refusal would come after name resolution.

A refused statement is sent to the backend as `MARKER` instead (a query
that fails at parse analysis, so at Parse in the extended protocol and
at its place in a simple Query; a refusal the twin's plan defers to
when it runs is met at Bind in the extended protocol, which then names
`MARKER_STATEMENT`, a statement that does not exist), and the backend's
error for it is replaced by the twin's 0A000: the backend's transaction state then
follows the refusal exactly as the twin's does (a block is aborted, the
statements after it in the same Query do not run).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from twinning.errors import FEATURE_NOT_SUPPORTED, SqlError
from twinning.ir import query as q
from twinning.ir.dml import WRITES

NONCE = f"twinning refused {secrets.token_hex(8)}"
MARKER = f'SELECT "{NONCE}"'
MARKER_STATEMENT = NONCE  # a prepared statement name no client has
REFUSED = FEATURE_NOT_SUPPORTED


@dataclass
class Statement:
    """One statement of a query string as the twin understood it."""

    stmt: q.ParsedStatement
    plan: Any = None  # the twin's plan, for the trace
    refusal: SqlError | None = None
    declared: tuple = ()  # Parse's parameter types (the trace's stages)
    # a plan's `planning_error`: the twin raises it when the plan runs,
    # so in the extended protocol at Bind, not at Parse
    deferred: bool = False

    @property
    def is_write(self) -> bool:
        return isinstance(self.stmt.node, WRITES)


@dataclass
class Checked:
    """A query string's statements (up to a refused one) and the text to
    send to the backend; `refusal`: the twin refuses the whole string (at
    parse) or one statement of it (the last of `statements`)."""

    sql: str
    statements: list[Statement] = field(default_factory=list)
    refusal: SqlError | None = None


def _refusal(exc: SqlError | None) -> SqlError | None:
    return exc if exc is not None and exc.sqlstate == REFUSED else None


def check(engine: Any, sql: str, declared: tuple = ()) -> Checked:
    """Decide `sql` with the twin's front half (nothing runs)."""
    try:
        parsed = engine.parse(sql)
    except SqlError as exc:
        refusal = _refusal(exc)
        return Checked(MARKER if refusal else sql, [], refusal)
    out = Checked(sql)
    for stmt in parsed.statements:
        deferred = False
        try:
            plan = engine.plan(stmt, declared)
            refusal = _refusal(getattr(plan, "planning_error", None))
            deferred = refusal is not None
        except SqlError as exc:
            plan, refusal = None, _refusal(exc)
        out.statements.append(Statement(stmt, plan, refusal, declared,
                                        deferred))
        if refusal is not None:
            out.refusal = refusal
            out.sql = _cut(sql, out.statements)
            break
    return out


def _cut(sql: str, statements: list[Statement]) -> str:
    """The text up to the refused (last) statement, then the marker: the
    statements before it keep their exact text and positions."""
    last = statements[-1].stmt
    if last.offset >= 0 and sql[last.offset:].startswith(last.source):
        return sql[:last.offset] + MARKER
    before = [s.stmt.source for s in statements[:-1]]
    return ";\n".join(before + [MARKER])


def is_marker(message: str | None) -> bool:
    return message is not None and NONCE in message
