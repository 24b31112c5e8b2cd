"""`--skip-unsupported`: a schema file loaded without the statements the
twin cannot run, each one kept for the report.

The stages run as `load_schema` runs them, with a list where refusals go
instead of stopping the load: psql meta-commands psql would act on and
statements outside the subset (parse, lower), and at resolve a statement
refused by name (`Unsupported`, or a 0A000 from typing). A statement is
skipped whole: its definitions applied so far are undone by rebuilding the
builder from the last frozen catalog and replaying the statements since.
Once a statement has been skipped, a later one that fails because an
object is missing (42P01, 42703, 42704, 3F000, 42883: it probably needed
the skipped one) is skipped too, with PostgreSQL's error; any other error
still stops the load, as without the flag.

`kept_text` is the file with the skipped statements blanked (lines and
offsets kept): what a snapshot carries as its DDL, so a restore rebuilds
the same catalog without the flag.
"""

from __future__ import annotations

import itertools
from typing import Any

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, INVALID_SCHEMA_NAME, UNDEFINED_COLUMN,
    UNDEFINED_FUNCTION, UNDEFINED_OBJECT, UNDEFINED_TABLE, SqlError,
)
from twinning.passes import resolve_ddl, resolve_partition, resolve_types
from twinning.passes.lower_ddl import lower_schema
from twinning.passes.parse import StatementUnsupported, line_column, parse_script
from twinning.passes.parse_expr import Unsupported

# what a statement meets when an earlier, skipped one made what it needs
MISSING_OBJECT = frozenset({UNDEFINED_TABLE, UNDEFINED_COLUMN, UNDEFINED_OBJECT, INVALID_SCHEMA_NAME, UNDEFINED_FUNCTION})


def load_schema_skipping(text: str) -> tuple[resolve_ddl.ResolvedSchema,
                                             tuple[StatementUnsupported, ...],
                                             str]:
    """(the resolved schema, the skipped statements in file order, the
    text without them)."""
    skipped: list[StatementUnsupported] = []
    program = lower_schema(parse_script(text, skipped), skipped)
    resolved = _resolve(program, skipped)
    skipped.sort(key=lambda r: (r.line, r.column))
    return resolved, tuple(skipped), kept_text(text, skipped)


def _apply(b: Any, group: list) -> None:
    for lowered in group:
        with resolve_types.builder_types(b):
            resolve_ddl._APPLY[type(lowered.definition)](b, lowered.definition)


def _rebuild(base: Any, path: list[str], since: list[list]) -> Any:
    b = resolve_ddl._Builder.of(base)
    resolve_partition.adopt(b)
    b.original = None
    b.search_path = list(path)
    for group in since:
        _apply(b, group)
    return b


def _resolve(program: Any, skipped: list) -> resolve_ddl.ResolvedSchema:
    b = resolve_ddl._Builder()
    base, path, since = resolve_ddl._freeze(b), list(b.search_path), []
    notices: list = []
    for offset, grouped in itertools.groupby(program.definitions,
                                             key=lambda lowered: lowered.offset):
        group = list(grouped)
        before = len(b.notices)
        try:
            _apply(b, group)
        except (Unsupported, SqlError) as exc:
            skipped.append(_refusal(exc, program.source, group[0], bool(skipped)))
            b = _rebuild(base, path, since)
            b.notices = []
            base, path, since = resolve_ddl._freeze(b), list(b.search_path), []
            continue
        notices.extend(b.notices[before:])
        since.append(group)
    catalog = resolve_ddl._freeze(b)
    return resolve_ddl.ResolvedSchema(
        catalog, tuple(n if isinstance(n, str) else n[0] for n in notices))


def _refusal(exc: Exception, source: str, lowered: Any,
             after_skip: bool) -> StatementUnsupported:
    """The skipped statement's record, or `exc` again when it must stop
    the load."""
    if isinstance(exc, Unsupported):
        where = lowered.offset if exc.location < 0 else exc.location
        line, column = line_column(source, where)
        return StatementUnsupported(exc.construct, lowered.statement, line,
                                    column, lowered.offset)
    if exc.sqlstate != FEATURE_NOT_SUPPORTED and not (after_skip and
                                        exc.sqlstate in MISSING_OBJECT):
        raise exc
    where = lowered.offset if exc.position is None else exc.position - 1
    line, column = line_column(source, where)
    construct = (exc.message.removesuffix(" is not supported by twinning")
                 if exc.sqlstate == FEATURE_NOT_SUPPORTED else
                 "a statement needing a skipped one")
    return StatementUnsupported(construct, lowered.statement, line, column,
                                lowered.offset, exc.sqlstate, exc.message)


def kept_text(text: str, skipped: list[StatementUnsupported]) -> str:
    """`text` with each skipped statement blanked (newlines kept)."""
    out = list(text)
    for refused in skipped:
        if refused.offset < 0:
            continue
        end = refused.offset + len(refused.statement)
        if refused.construct.startswith("psql meta-command"):
            newline = text.find("\n", refused.offset)
            end = len(text) if newline < 0 else newline
        for i in range(refused.offset, min(end, len(text))):
            if out[i] != "\n":
                out[i] = " "
    return "".join(out)
