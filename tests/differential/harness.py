r"""The differential harness: one statement stream, two servers, one verdict.

A `Pair` is a fresh database on the throwaway real PostgreSQL 15 and a fresh
twin, both loaded from the same schema text. `run_script` sends the same
lines through the same client (psycopg2, autocommit, one simple Query per
line) to each and records everything a client can observe: command tag,
column names and type OIDs (a user type's as "user"), rows, notices, SQLSTATE and full error text
(PostgreSQL's LINE/caret rendering included), and the transaction status
after the line. The verdict is plain equality of the two records.

Corpora are data (`tests/differential/corpus/*.sql`, `-- case: NAME`
blocks); a corpus names its schema on a `-- schema: PATH` line (relative to
the repository) or runs on an empty database. Later areas add corpora, not
harness code.

COPY: a line that starts with `COPY` and says `FROM STDIN` is followed by
its data lines, verbatim (blank lines and lines starting with `--`
included), up to a line that is exactly `\.`; the statement goes through
`cursor.copy_expert` with those lines, each ended by a newline (the `\.`
line itself is not sent). A `COPY ... TO STDOUT` line goes through
`copy_expert` too, and the text it writes is recorded as its `rows`.
psycopg2 leaves `statusmessage` empty after `copy_expert` and exposes the
`COPY n` tag only as `rowcount`, so COPY outcomes record both. (Corpus
files are split into cases first: a data line may not start `-- case:`.)

Row order: without ORDER BY, PostgreSQL's row order is an implementation
detail of its plan (hash joins, hash aggregates, ...), so a query whose
top-level statement is a SELECT (plain, `WITH ... SELECT`, `VALUES`,
`TABLE`, or a set operation) without a top-level ORDER BY has its rows
recorded sorted by their repr: the two servers must agree on the multiset
of rows, not on their order. A top-level ORDER BY keeps the exact order
(a corpus must make such a key total), and so does everything else: write
statements with RETURNING, COPY TO, SHOW, EXECUTE, FETCH. "Top-level" is
decided on pglast's parse of the line (the last statement of the line,
whose rows psycopg2 returns: `SelectStmt.sortClause`), never by pattern
matching; an ORDER BY inside a subquery, CTE or set-operation branch does
not count. A line pglast cannot parse keeps exact order (it has no rows).
Rows psycopg2 cannot convert (a BC date, say) are recorded as the
conversion error, on both sides alike, instead of aborting the run.
"""

from __future__ import annotations

import contextlib
import functools
import io
import itertools
import re
from pathlib import Path
from typing import Callable, Iterator

import pglast
import psycopg2
from pglast import ast

from tests.support.corpus import CORPUS
from twinning.bootstrap import compile_schema
from twinning.databases import Databases
from twinning.server import TwinServer
from twinning.session import Engine
from twinning.state import CommittedState

ROOT = Path(__file__).resolve().parents[2]
DIFF_CORPUS = Path(__file__).resolve().parent / "corpus"
_SCHEMA_LINE = re.compile(r"^-- schema: *(\S+) *$", re.M)
_COPY_IN = re.compile(r"^\s*COPY\b.*\bFROM\s+STDIN\b", re.I)
_COPY_OUT = re.compile(r"^\s*COPY\b.*\bTO\s+STDOUT\b", re.I)
_COPY_END = "\\."
_numbers = itertools.count(1)


def corpus_schema(text: str) -> str:
    """The schema a corpus file declares (empty when it declares none)."""
    match = _SCHEMA_LINE.search(text)
    return (ROOT / match.group(1)).read_text() if match else ""


@contextlib.contextmanager
def twin_server(schema: str, dbname: str = "postgres", templates=None
                ) -> Iterator[Callable[[], object]]:
    """A fresh twin of `schema`; `templates`: a statement cache to start
    with (one another twin learned), so statements bind cached templates."""
    catalog, _ = compile_schema(schema, "<differential schema>")
    engine = Engine(CommittedState.empty(catalog, schema))
    if templates is not None:
        engine.templates = templates
    if dbname != "postgres":  # as PostgreSQL's CREATE DATABASE beside it
        Databases.of(engine).create(dbname, "postgres")
    server = TwinServer(engine, "127.0.0.1", 0)
    server.start()
    try:
        yield lambda: psycopg2.connect(host=server.host, port=server.port,
                                       user="postgres", dbname=dbname)
    finally:
        server.stop()


@contextlib.contextmanager
def postgres_database(realpg, schema: str, name: str
                      ) -> Iterator[Callable[[], object]]:
    admin = realpg.connect()
    try:
        with admin.cursor() as cur:
            cur.execute(f"CREATE DATABASE {name}")
        if schema.strip():
            conn = realpg.connect(dbname=name)
            try:
                with conn.cursor() as cur:
                    cur.execute(schema)
            finally:
                conn.close()
        yield lambda: realpg.connect(dbname=name)
    finally:
        with admin.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


@contextlib.contextmanager
def both_servers(realpg, schema: str, prefix: str
                 ) -> Iterator[tuple[Callable[[], object], Callable[[], object]]]:
    """(PostgreSQL connect, twin connect): a new database PREFIX_n on
    realpg and a new twin, both loaded with SCHEMA."""
    with postgres_database(realpg, schema, f"{prefix}_{next(_numbers)}") as pg, \
            twin_server(schema) as twin:
        yield pg, twin


def steps(script: str) -> list[tuple[str, str | None]]:
    """(line, COPY data) per statement: data is None except for a
    `COPY ... FROM STDIN` line, whose data lines follow it up to `\\.`."""
    found: list[tuple[str, str | None]] = []
    pending = iter(script.splitlines())
    for line in pending:
        if not line.strip() or line.lstrip().startswith("--"):
            continue
        if not _COPY_IN.match(line):
            found.append((line, None))
            continue
        data: list[str] = []
        for row in pending:
            if row == _COPY_END:
                break
            data.append(row)
        else:
            raise ValueError(f"COPY data without a closing \\. line: {line}")
        found.append((line, "".join(row + "\n" for row in data)))
    return found


def lines(script: str) -> list[str]:
    """One statement stream entry per non-blank, non-comment line (COPY
    data lines are not statements)."""
    return [line for line, _ in steps(script)]


@functools.lru_cache(maxsize=4096)
def unordered(line: str) -> bool:
    """Whether `line` returns rows in no defined order: its last statement
    is a SELECT (set operations and `WITH ... SELECT` included) without a
    top-level ORDER BY."""
    try:
        parsed = pglast.parse_sql(line)
    except pglast.parser.ParseError:
        return False
    if not parsed:
        return False
    stmt = parsed[-1].stmt
    return isinstance(stmt, ast.SelectStmt) and not stmt.sortClause


FIRST_NORMAL_OID = 16384


def _type_oid(oid: int) -> int | str:
    """A column's type OID; a user type's (an enum's) is the cluster's
    next free OID, which the twin cannot know: recorded as "user"."""
    return "user" if oid >= FIRST_NORMAL_OID else oid


def observe(conn, line: str, data: str | None = None) -> dict:
    """Everything a psycopg2 client can see of one simple Query (for COPY
    FROM STDIN, with `data` as the copied text)."""
    cur = conn.cursor()
    outcome: dict = {}
    try:
        if data is not None:
            cur.copy_expert(line, io.StringIO(data))
            outcome["tag"] = cur.statusmessage  # psycopg2 leaves it empty
            outcome["rowcount"] = cur.rowcount  # ... and parses COPY n here
        elif _COPY_OUT.match(line):
            out = io.BytesIO()
            cur.copy_expert(line, out)
            outcome["tag"] = cur.statusmessage
            outcome["rowcount"] = cur.rowcount
            outcome["rows"] = out.getvalue().decode("utf-8", "backslashreplace")
        else:
            cur.execute(line)
            outcome["tag"] = cur.statusmessage
            if cur.description is not None:
                outcome["columns"] = [(d.name, _type_oid(d.type_code))
                                      for d in cur.description]
                try:
                    fetched = cur.fetchall()
                except (ValueError, OverflowError) as exc:  # e.g. a BC date
                    outcome["rows"] = f"psycopg2 cannot convert: {exc}"
                else:
                    rows = [tuple(  # repr: NaN != NaN; bytes, not views
                        bytes(v) if isinstance(v, memoryview) else v
                        for v in row) for row in fetched]
                    if unordered(line):  # a multiset: compare sorted by repr
                        rows.sort(key=repr)
                    outcome["rows"] = repr(rows)
    except psycopg2.Error as exc:
        outcome["error"] = (exc.pgcode, exc.pgerror)
    outcome["notices"] = list(conn.notices)
    del conn.notices[:]
    outcome["status"] = conn.info.transaction_status
    return outcome


def run_script(connect: Callable[[], object], script: str) -> list[tuple[str, dict]]:
    conn = connect()
    conn.autocommit = True
    try:
        return [(line, observe(conn, line, data))
                for line, data in steps(script)]
    finally:
        conn.close()


def differences(expected: list[tuple[str, dict]],
                actual: list[tuple[str, dict]]) -> list[str]:
    return [f"{line}\n  pg:   {want}\n  twin: {got}"
            for (line, want), (_, got) in zip(expected, actual) if got != want]


def compare(realpg, schema: str, script: str, warm: bool = False) -> list[str]:
    """Run `script` on fresh PostgreSQL and twin databases from `schema`
    (of the same name: current_database() is observable). `warm`: the twin
    starts with the plan templates a first twin learned from the same
    script, so its statements run as cache hits."""
    name = f"diff_{next(_numbers)}"
    templates = learned_templates(schema, script, name) if warm else None
    with postgres_database(realpg, schema, name) as pg, \
            twin_server(schema, name, templates) as twin:
        return differences(run_script(pg, script), run_script(twin, script))


def learned_templates(schema: str, script: str, name: str):
    """The statement cache of a twin that ran `script` once."""
    from twinning.statement_cache import StatementCache
    cache = StatementCache()
    with twin_server(schema, name, cache) as twin:
        run_script(twin, script)
    return cache
