"""Two kinds of failure, kept apart on purpose.

`SqlError` is what a client sees: a PostgreSQL ErrorResponse with SQLSTATE,
message and the optional fields PostgreSQL fills in (detail, hint, position,
schema/table/column/constraint names). Every stage raises it; the protocol
layer turns it into a message, the session goes on.

This package is the error catalog, the one place a SQLSTATE is spelled:

- `conditions` (generated from errcodes.txt by scripts/gen_error_catalog.py):
  a constant and a constructor per condition (`UNDEFINED_TABLE`,
  `undefined_table(message, **fields)`), a `SqlError` subclass per class;
- `messages`: constructors for messages built in more than one place, with
  PostgreSQL's spelling (`missing_from_entry`, `relation_does_not_exist`, …);
- here: the refusal shape (`feature_not_supported(construct)`), the two
  resource errors and notices.

To raise an error, call its condition's constructor; a message raised from
two places gets a constructor in `messages`. Compare `error.sqlstate` with
the constants, never with a literal (tests/test_error_catalog.py greps for
them). A condition PostgreSQL adds comes with a rerun of the generator on
the new errcodes.txt.

`Refusal` is process level (SPEC §4): bootstrap or configuration problems
that end the CLI with exit code 2 and a `REFUSAL` envelope. After startup
nothing is a Refusal any more.

Internal bugs are neither: the server logs them and answers `XX000`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from twinning.errors.base import CLASSES, SqlError
from twinning.errors.conditions import *  # noqa: F403 (the catalog)
from twinning.errors.conditions import (
    FEATURE_NOT_SUPPORTED,
    OUT_OF_MEMORY,
    SUCCESSFUL_COMPLETION,
    statement_too_complex,
)
from twinning.errors.messages import *  # noqa: F403 (the catalog)


def feature_not_supported(construct: str, position: int | None = None) -> SqlError:
    """The one refusal shape for anything outside the declared subset."""
    return SqlError(FEATURE_NOT_SUPPORTED,
                    f"{construct} is not supported by twinning",
                    position=position)


def stack_depth_exceeded() -> SqlError:
    """PostgreSQL's check_stack_depth() error at the default
    max_stack_depth: a statement nested too deep."""
    return statement_too_complex(
        "stack depth limit exceeded",
        hint='Increase the configuration parameter "max_stack_depth" '
        "(currently 2048kB), after ensuring the platform's stack depth "
        "limit is adequate.")


def out_of_memory(request: int, context: str = "ExecutorState") -> SqlError:
    """PostgreSQL's palloc failure, raised where the twin's memory budget
    (`--max-memory`) would be passed."""
    return SqlError(OUT_OF_MEMORY, "out of memory", detail=f"Failed on request of "
                    f"size {request} in memory context \"{context}\".")


class Notice(str):
    """A NOTICE's text that carries its own SQLSTATE. PostgreSQL gives
    most NOTICEs none (00000), but IF NOT EXISTS's "already exists,
    skipping" names the duplicate-object condition it skipped (42P07,
    42P06, 42701, 42710); the DDL stages keep their notices as texts, so
    this one is still a str wherever they are shown."""

    sqlstate: str

    def __new__(cls, sqlstate: str, text: str) -> Notice:
        notice = super().__new__(cls, text)
        notice.sqlstate = sqlstate
        return notice

    def __reduce__(self) -> tuple:
        return (Notice, (self.sqlstate, str(self)))


def skipping(error: SqlError) -> Notice:
    """IF NOT EXISTS's NOTICE for the duplicate-object error it skips: the
    error's SQLSTATE, its message with ", skipping"."""
    return Notice(error.sqlstate, f"{error.message}, skipping")


def notice_fields(notice: str | tuple) -> tuple[str, str | None, str, str]:
    """(message, detail, severity, SQLSTATE) of a DDL stage's notice: a
    text (a `Notice` has its own SQLSTATE, any other 00000), a (text,
    detail) pair, or (text, detail, severity, SQLSTATE) as GRANT's
    WARNINGs are."""
    if isinstance(notice, str):
        return notice, None, "NOTICE", getattr(notice, "sqlstate",
                                                      SUCCESSFUL_COMPLETION)
    if len(notice) < 4:
        return notice[0], notice[1], "NOTICE", SUCCESSFUL_COMPLETION
    return notice[0], notice[1], notice[2], notice[3]


@dataclass(frozen=True)
class Refusal(Exception):
    """A process-level refusal: code, message, structured detail, next step."""

    code: str
    message: str
    detail: dict[str, Any] = field(default_factory=dict)
    next_command: str | None = None

    def envelope(self) -> dict[str, Any]:
        return {
            "version": "twinning.v0",
            "outcome": "REFUSAL",
            "refusal": {
                "code": self.code,
                "message": self.message,
                "detail": self.detail,
                "next_command": self.next_command,
            },
        }

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


# Every refusal code the CLI can emit, with the condition that triggers it.
REFUSAL_CODES: dict[str, str] = {
    "E_BOOTSTRAP_SOURCE_REQUIRED": "neither --schema nor --restore was given",
    "E_AMBIGUOUS_BOOTSTRAP_SOURCE": "both --schema and --restore were given",
    "E_AMBIGUOUS_LIVE_MODE": "both --serve and --run were given",
    "E_ENGINE_UNIMPLEMENTED": "an engine other than postgres was requested",
    "E_IO_READ": "an input file is missing or unreadable",
    "E_IO_WRITE": "an output file cannot be written",
    "E_SCHEMA_PARSE": "the schema file is not valid SQL",
    "E_SCHEMA_UNSUPPORTED": "the schema uses DDL outside the supported subset",
    "E_SCHEMA_INVALID": "the schema is valid SQL but PostgreSQL would reject it",
    "E_VERIFY_ARTIFACT_PARSE": "the verify artifact is malformed",
    "E_VERIFY_BINDING": "a verify binding or column does not exist in the catalog",
    "E_VERIFY_BATCH_ONLY": "the verify artifact has batch_only rules",
    "E_SNAPSHOT_VERIFY": "the snapshot is tampered, truncated or of another version",
    "E_JOURNAL_BASE_MISMATCH": "the --journal file was written over another "
    "schema or snapshot than the one given",
    "E_JOURNAL_CORRUPT": "the --journal file is not a twinning journal, or a "
    "record in it does not apply to its base",
    "E_BIND": "the listen address cannot be bound",
    "E_INSECURE_BIND": "a non-loopback --host without --password (or "
                       "TWINNING_PASSWORD) and without --trust-remote",
    "E_USAGE": "the command line does not match the usage",
    "E_PROOF_QUERIES": "the proof's query file is not valid SQL or holds no "
                       "statement",
    "E_PROOF_TRACE": "a --trace line is not a twinning.query-trace.v0 record",
    "E_DEPENDENCY": "an optional dependency (psycopg: twinning[postgres], "
                    "pg_dump) is missing",
    "E_MATERIALIZE_SOURCE": "materialize cannot read the source database",
    "E_MATERIALIZE_UNSUPPORTED": "a source value is outside what the twin "
                                 "holds (named by table, column and row)",
    "E_MATERIALIZE_VALUE": "a source value the twin's input function rejects",
    "E_MATERIALIZE_FK": "--where leaves out parent rows that kept rows refer to",
    "E_SHADOW": "the --shadow database cannot be built",
    "E_BACKEND": "the --backend database cannot be built or read",
    "E_SERIALIZATION": "an artifact could not be serialized (a bug)",
    "E_INTERNAL": "an unexpected internal error (a bug; TWINNING_DEBUG=1 shows it)",
}
