"""Getting from files on disk to committed state, with SPEC §4 refusals.

Every way a schema file, snapshot or output path can be bad is translated
here into one `Refusal` with a code, a message naming the file and place,
and the command to try next. Nothing below this module knows about files.
"""

from __future__ import annotations

import hashlib
import os
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from twinning import system_catalog
from twinning.errors import Refusal, SqlError
from twinning.ir.catalog import Catalog
from twinning.passes import load_schema
from twinning.passes.parse import (StatementUnsupported, SyntaxErrorAt,
                                   line_column, split_statements,
                                   statement_name)
from twinning.passes.schema_script import ScriptContinues, head
from twinning.state import CommittedState

if TYPE_CHECKING:
    from twinning import snapshot as snap


@dataclass(frozen=True)
class Source:
    """Where the state came from, as the report names it."""

    state: CommittedState
    path: str
    hash: str  # sha256 of the schema text (the snapshot's DDL on restore)
    notices: tuple[str, ...] = ()
    restored: snap.Snapshot | None = None
    # --skip-unsupported: the statements left out (path, line, column,
    # construct, sqlstate, message, statement)
    skipped: tuple[dict, ...] = ()


def read_file(path: str, what: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise Refusal("E_IO_READ", f"cannot read {what} {path}: "
                      f"{exc.strerror or exc}", {"path": path},
                      f"ls -l {path}") from None


def write_file(path: str, data: bytes | Iterable[bytes], what: str) -> int:
    """Write atomically (a reader never sees half a report or snapshot)
    `data` or its chunks; the bytes written."""
    tmp = f"{path}.tmp-{os.getpid()}"
    size = 0
    try:
        with open(tmp, "wb") as handle:
            for chunk in (data,) if isinstance(data, bytes) else data:
                handle.write(chunk)
                size += len(chunk)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise Refusal("E_IO_WRITE", f"cannot write {what} {path}: "
                      f"{exc.strerror or exc}", {"path": path},
                      "check that the directory exists and is writable") from None
    return size


def text_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def compile_schema(text: str, path: str) -> tuple[Catalog, tuple[str, ...]]:
    """Run the schema pipeline, turning stage errors into refusals. A
    statement that needs a session (data, DO, client_encoding: see
    `passes/schema_script.py`) is refused here; `from_schema` runs it."""
    try:
        return _compile(text, path)
    except ScriptContinues as exc:
        with _refusals(text, path):
            raise _needs_session(text, exc.offset) from None
        raise  # unreachable: _refusals turns it into a Refusal


def _compile(text: str, path: str) -> tuple[Catalog, tuple[str, ...]]:
    system_catalog.install()  # CHECKs and DEFAULTs may call its functions
    with _refusals(text, path):
        resolved = load_schema(text)
    return resolved.catalog, resolved.notices


def _needs_session(text: str, offset: int) -> StatementUnsupported:
    node, chunk, _ = split_statements(text[offset:])[0]
    line, column = line_column(text, offset)
    return StatementUnsupported(statement_name(node), chunk, line, column,
                                offset)


def compile_schema_skipping(text: str, path: str):
    """--skip-unsupported: (catalog, notices, the skipped statements as
    the report lists them, the text without them)."""
    from twinning.passes.skip_unsupported import load_schema_skipping
    system_catalog.install()
    with _refusals(text, path):
        resolved, skipped, kept = load_schema_skipping(text)
    listed = tuple({"path": path, "line": r.line, "column": r.column,
                    "construct": r.construct, "sqlstate": r.sqlstate,
                    "message": r.message, "statement": _excerpt(r.statement)}
                   for r in skipped)
    return resolved.catalog, resolved.notices, listed, kept


@contextmanager
def _refusals(text: str, path: str) -> Iterator[None]:
    next_cmd = f"twinning explain --schema {path}"
    try:
        yield
    except StatementUnsupported as exc:
        raise Refusal(
            "E_SCHEMA_UNSUPPORTED",
            f"{path}:{exc.line}:{exc.column}: {exc.construct} is outside "
            "twinning's DDL subset",
            {"path": path, "line": exc.line, "column": exc.column,
             "construct": exc.construct, "statement": _excerpt(exc.statement)},
            "remove or rewrite the statement (or load with "
            "--skip-unsupported); SPEC §5 lists the subset") from None
    except SqlError as exc:
        code = ("E_SCHEMA_PARSE" if isinstance(exc, SyntaxErrorAt)
                else "E_SCHEMA_INVALID")
        detail = {"path": path, "sqlstate": exc.sqlstate}
        where = ""
        if exc.position is not None:
            line, column = line_column(text, exc.position - 1)
            detail.update(line=line, column=column)
            where = f":{line}:{column}"
        if exc.detail:
            detail["detail"] = exc.detail
        raise Refusal(code, f"{path}{where}: {exc.message}", detail,
                      next_cmd) from None


def _excerpt(statement: str, limit: int = 200) -> str:
    flat = " ".join(statement.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


# runs the statements of a schema file from its first data statement on,
# in a session over the state built so far: (path, text, offset, source,
# skip_unsupported) -> Source. Sessions are a layer above this one, so
# the caller hands it in (`twinning.schema_script.run_rest`).
ScriptRunner = Callable[[str, str, int, "Source", bool], "Source"]


def from_schema(path: str, skip_unsupported: bool = False,
                run_rest: ScriptRunner | None = None) -> Source:
    """The state a schema file builds. Its statements from the first one
    that needs a session on (`passes/schema_script.py`) are run by
    `run_rest`; without one they are refused."""
    raw = read_file(path, "schema file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refusal("E_SCHEMA_PARSE", f"{path} is not UTF-8 text: {exc}",
                      {"path": path}, f"iconv -t utf-8 {path}") from None
    try:
        return _from_text(text, path, text, skip_unsupported)
    except ScriptContinues as exc:
        offset = exc.offset
    if run_rest is None:
        with _refusals(text, path):
            raise _needs_session(text, offset)
    built = _from_text(head(text, offset), path, text, skip_unsupported)
    return run_rest(path, text, offset, built, skip_unsupported)


def _from_text(text: str, path: str, whole: str,
               skip_unsupported: bool) -> Source:
    if skip_unsupported:
        catalog, notices, skipped, kept = compile_schema_skipping(text, path)
        return Source(CommittedState.empty(catalog, kept), path,
                      text_hash(whole), notices, skipped=skipped)
    catalog, notices = _compile(text, path)
    return Source(CommittedState.empty(catalog, text), path, text_hash(whole),
                  notices)


def from_snapshot(path: str) -> Source:
    from twinning import snapshot as snap  # lazy: cold start
    data = read_file(path, "snapshot")

    def load(ddl: str) -> Catalog:
        return compile_schema(ddl, f"{path} (embedded DDL)")[0]

    restored = snap.decode(data, path, load)
    state = restored.state
    return Source(state, path, text_hash(state.ddl), (), restored)
