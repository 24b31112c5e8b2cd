"""What `pg_stat_activity` shows: each twin session as PostgreSQL 15 shows
a client backend, after the background processes a default server runs.

The engine owns one `Activity` and keeps it current: `join` when a
session registers (its pid and backend start), `leave` when it goes,
`statement(sql)` for each query string a session sends (simple Query or
Parse). The engine is told the text, not the session; the session is the
one whose connection thread registered it (a connection is served by one
thread from start to end). A thread driving several sessions at once
(tests do) records nothing: a wrong attribution is worse than none.

The row builder (`pg_catalog.pg_stat_activity`) finds the reading
session's Activity by its pid: pids are unique in the process
(`next_pid`), so twins sharing a process each list only their own
sessions. What a session is doing now it reads off the session itself:
`interrupt.running` (a statement is running: 'active'),
`activity()` (its transaction status and start), `settings`.
"""

from __future__ import annotations

import itertools
import threading
import time
from typing import Any

# pg_stat_activity's times are timestamptz: µs since 2000-01-01 UTC
_POSTGRES_EPOCH = 946_684_800


def micros(unix_seconds: float) -> int:
    return round((unix_seconds - _POSTGRES_EPOCH) * 1_000_000)


_PIDS = itertools.count(10001)


def next_pid() -> int:
    """A process id no other backend of any twin in this process has."""
    return next(_PIDS)


class Backend:
    """One client session: written by its own thread, read by any."""

    __slots__ = ("pid", "session", "started", "thread_live", "query",
                 "query_start")

    def __init__(self, pid: int, session: Any, thread_live: list) -> None:
        self.pid = pid
        self.session = session  # twinning.session.Session
        self.started = time.time()  # backend_start
        self.thread_live = thread_live  # the live backends of its thread
        self.query = ""  # the last query string it sent
        self.query_start: float | None = None


# PostgreSQL 15's background processes with their wait events, in the
# order pg_stat_activity lists them around the client backends (a default
# server: autovacuum on, logical replication launcher running); the
# logical replication launcher runs as the bootstrap superuser.
BEFORE_CLIENTS = (("logical replication launcher", "LogicalLauncherMain",
                   True),
                  ("autovacuum launcher", "AutoVacuumMain", False))
AFTER_CLIENTS = (("background writer", "BgWriterMain", False),
                 ("checkpointer", "CheckpointerMain", False),
                 ("walwriter", "WalWriterMain", False))


class Activity:
    """One twin's backends: the server's own processes and its sessions."""

    def __init__(self) -> None:
        self.started = time.time()  # the background processes' start
        self.backends: dict[int, Backend] = {}
        self.background = tuple(next_pid() for _ in
                                BEFORE_CLIENTS + AFTER_CLIENTS)
        self._local = threading.local()

    def join(self, pid: int, session: Any) -> None:
        live = getattr(self._local, "live", None)
        if live is None:
            live = self._local.live = []
        backend = Backend(pid, session, live)
        live.append(backend)
        self.backends[pid] = backend
        _ACTIVITIES[pid] = self

    def leave(self, pid: int) -> None:
        backend = self.backends.pop(pid, None)
        _ACTIVITIES.pop(pid, None)
        if backend is not None and backend in backend.thread_live:
            backend.thread_live.remove(backend)

    def statement(self, sql: str) -> None:
        """The calling thread's session sent `sql` (one query string)."""
        live = getattr(self._local, "live", None)
        if live is not None and len(live) == 1:
            backend = live[0]
            backend.query = sql
            backend.query_start = time.time()


_ACTIVITIES: dict[int, Activity] = {}  # pid → the twin it belongs to


def of_pid(pid: Any) -> Activity | None:
    """The Activity of the twin a backend pid belongs to."""
    return _ACTIVITIES.get(pid) if isinstance(pid, int) else None
