"""Getting from files on disk to committed state, with SPEC §4 refusals.

Every way a schema file, snapshot or output path can be bad is translated
here into one `Refusal` with a code, a message naming the file and place,
and the command to try next. Nothing below this module knows about files.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from twinning import system_catalog
from twinning.errors import Refusal, SqlError
from twinning.ir.catalog import Catalog
from twinning.passes import load_schema
from twinning.passes.parse import (StatementUnsupported, SyntaxErrorAt,
                                   line_column)
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


def read_file(path: str, what: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise Refusal("E_IO_READ", f"cannot read {what} {path}: "
                      f"{exc.strerror or exc}", {"path": path},
                      f"ls -l {path}") from None


def write_file(path: str, data: bytes, what: str) -> None:
    """Write atomically: a reader never sees half a report or snapshot."""
    tmp = f"{path}.tmp-{os.getpid()}"
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise Refusal("E_IO_WRITE", f"cannot write {what} {path}: "
                      f"{exc.strerror or exc}", {"path": path},
                      "check that the directory exists and is writable") from None


def text_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def compile_schema(text: str, path: str) -> tuple[Catalog, tuple[str, ...]]:
    """Run the schema pipeline, turning stage errors into refusals."""
    next_cmd = f"twinning explain --schema {path}"
    system_catalog.install()  # CHECKs and DEFAULTs may call its functions
    try:
        resolved = load_schema(text)
    except StatementUnsupported as exc:
        raise Refusal(
            "E_SCHEMA_UNSUPPORTED",
            f"{path}:{exc.line}:{exc.column}: {exc.construct} is outside "
            "twinning's DDL subset",
            {"path": path, "line": exc.line, "column": exc.column,
             "construct": exc.construct, "statement": _excerpt(exc.statement)},
            "remove or rewrite the statement; SPEC §5 lists the subset") from None
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
    return resolved.catalog, resolved.notices


def _excerpt(statement: str, limit: int = 200) -> str:
    flat = " ".join(statement.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def from_schema(path: str) -> Source:
    raw = read_file(path, "schema file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refusal("E_SCHEMA_PARSE", f"{path} is not UTF-8 text: {exc}",
                      {"path": path}, f"iconv -t utf-8 {path}") from None
    catalog, notices = compile_schema(text, path)
    return Source(CommittedState.empty(catalog, text), path, text_hash(text),
                  notices)


def from_snapshot(path: str) -> Source:
    from twinning import snapshot as snap  # lazy: cold start
    data = read_file(path, "snapshot")

    def load(ddl: str) -> Catalog:
        return compile_schema(ddl, f"{path} (embedded DDL)")[0]

    restored = snap.decode(data, path, load)
    state = restored.state
    return Source(state, path, text_hash(state.ddl), (), restored)
