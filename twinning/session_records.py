"""What a session keeps per statement and per prepared statement: the
result a plan's run gives (`Result`), prepared statements and portals
(shared by PREPARE/EXECUTE and the extended protocol, as in PostgreSQL),
and the CommandComplete bytes of a tag. Records only: the session and its
extended-protocol half (`session_extended`) act on them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from twinning.errors import (
    SqlError, invalid_cursor_name, invalid_sql_statement_name,
)
from twinning.execute_copy import CopyFrom
from twinning.ir import query as q
from twinning.wire.messages import CommandComplete

__all__ = ["Prepared", "Portal", "Result", "TEXT_FORMATS", "command_complete",
           "no_portal", "no_statement", "tag_rows"]


@dataclass
class Prepared:
    """A prepared statement (PREPARE or Parse)."""

    plan: q.Plan | None  # None: the empty query
    param_types: tuple[q.ResultType, ...]
    node: Any = None
    stmt: q.ParsedStatement | None = None  # for the query trace
    declared: tuple = ()  # the Parse message's parameter types (plan key)
    # per (Bind's parameter formats, format settings): each parameter's decoder
    decoders: dict = field(default_factory=dict, repr=False)
    schema: Any = None  # the store schema `plan` was made on


@dataclass
class Result:
    """What running one plan gave."""

    columns: tuple[q.Column, ...]
    rows: list[tuple]
    tag: str
    raw: bytes | None = None  # COPY TO STDOUT: the whole message sequence
    copy: CopyFrom | None = None  # COPY FROM STDIN: the rows arrive later
    copy_response: bytes = b""


@dataclass
class Portal:
    """A bound prepared statement (Bind): its result kept across Executes."""

    prepared: Prepared
    params: tuple
    formats: tuple[int, ...]
    columns: tuple[q.Column, ...]
    result: Result | None = None
    sent: int = 0


_COMPLETES: dict[str, bytes] = {}


def command_complete(tag: str) -> bytes:
    """CommandComplete bytes, kept per tag (most repeat: `INSERT 0 1`)."""
    done = _COMPLETES.get(tag)
    if done is None:
        if len(_COMPLETES) >= 4096:
            _COMPLETES.clear()
        done = _COMPLETES[tag] = CommandComplete(tag).encode()
    return done


def tag_rows(tag: str, rows: int) -> str:
    """A SELECT's tag with its row count; any other tag as it is."""
    return f"SELECT {rows}" if tag == "SELECT" else tag


class _AllText(dict):
    """n → the format codes of n text columns, made on first use (a
    table is made on first use, not at import: start-up time counts)."""

    def __missing__(self, n: int) -> tuple[int, ...]:
        self[n] = codes = (0,) * n
        return codes


TEXT_FORMATS = _AllText()


def no_statement(name: str) -> SqlError:
    if not name:
        return invalid_sql_statement_name("unnamed prepared statement does not exist")
    return invalid_sql_statement_name(f'prepared statement "{name}" does not exist')


def no_portal(name: str) -> SqlError:
    return invalid_cursor_name(f'portal "{name}" does not exist')
