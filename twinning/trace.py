"""The query trace `twinning.query-trace.v0` (`--trace FILE`).

One JSON object per line and per statement run: which session, its
sequence number in the twin, the SQL, the compact IR of every pipeline
stage that ran, the plan, and the outcome (command tag and row count, or
SQLSTATE and message). It is the first thing to open when an extractor
fails against the twin: the IR says how the twin understood the statement.

Records are written as statements finish, under a lock, so lines from
concurrent sessions never interleave; the file is line-buffered and closed
when the twin stops.
"""

from __future__ import annotations

import json
import threading
from typing import Any, TextIO

from twinning.errors import SqlError

TRACE_VERSION = "twinning.query-trace.v0"


class QueryTrace:
    def __init__(self, handle: TextIO) -> None:
        self._handle = handle
        self._lock = threading.Lock()
        self._seq = 0

    @classmethod
    def open(cls, path: str) -> QueryTrace:
        return cls(open(path, "w", encoding="utf-8", buffering=1))

    def record(self, session: int, sql: str, protocol: str,
               stages: dict[str, Any], plan: str | None,
               outcome: dict[str, Any]) -> None:
        with self._lock:
            self._seq += 1
            line = json.dumps({
                "version": TRACE_VERSION, "session": session, "seq": self._seq,
                "sql": sql, "protocol": protocol, "stages": stages,
                "plan": plan, "outcome": outcome,
            }, separators=(",", ":"), ensure_ascii=False, default=str)
            self._handle.write(line + "\n")

    def close(self) -> None:
        with self._lock:
            self._handle.close()


def success(tag: str, rows: int) -> dict[str, Any]:
    return {"command_tag": tag, "rows": rows}


def failure(error: SqlError) -> dict[str, Any]:
    return {"sqlstate": error.sqlstate, "message": error.message}
