"""Execute stage: run a `Plan`'s compiled code and encode its results.

Two jobs, both on the hot path and both free of IR walking:

- `EvalContext` is what compiled expressions see of the session: user,
  database, backend pid, settings, the transaction and statement clocks,
  and cooperative interruption (`sleep`/`check` raise 57014 for a
  CancelRequest or an expired `statement_timeout`).
- `ResultEncoder` binds one output function per column and format once
  per portal (text via the type's output function under the session's
  `FormatSettings`, binary via its send function), then turns rows into
  DataRow bytes with `encode_data_rows`.

Reads run the compiled query of `twinning.passes.plan_select`; writes
`twinning.execute_write`; both through the session's store transaction.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
import time
from typing import Any, Callable, Sequence

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, OUT_OF_MEMORY, QUERY_CANCELED, SqlError,
    invalid_parameter_value, out_of_memory, protocol_violation, query_canceled,
)
from twinning.ir import query as q
from twinning.passes.polling import planning_check
from twinning.valueio import formatter, send_function
from twinning.values.settings import FormatSettings
from twinning.values.wire_text import text_encoder
from twinning.wire.messages import (FieldDescription, RowDescription,
                                    encode_data_rows)

_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
_EPOCH_UNIX_MICROS = 946_684_800_000_000  # 2000-01-01 in µs since 1970
_EPOCH_NAIVE = dt.datetime(2000, 1, 1)
_ZONES: dict[str, dt.tzinfo] = {}


def micros(value: dt.datetime) -> int:
    """An aware datetime → timestamptz (µs since 2000-01-01 UTC)."""
    delta = value - _EPOCH
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def _now_micros() -> int:
    """The clock as timestamptz µs, without building a datetime (every
    statement reads it for statement_timestamp())."""
    return time.time_ns() // 1000 - _EPOCH_UNIX_MICROS


def _zone(name: str) -> dt.tzinfo:
    zone = _ZONES.get(name)
    if zone is None:
        from zoneinfo import ZoneInfo
        zone = dt.timezone.utc if name.lower() in (
            "utc", "gmt", "z", "zulu", "uct") else ZoneInfo(name)
        _ZONES[name] = zone
    return zone


CANCELED_BY_USER = "canceling statement due to user request"
CANCELED_BY_TIMEOUT = "canceling statement due to statement timeout"


def default_memory_limit() -> int:
    """Half the machine's memory: the `--max-memory` default."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2
    except (ValueError, OSError):
        return 4 << 30


def parse_memory(text: str) -> int | None:
    """`--max-memory`'s value, PostgreSQL's memory units (kB, MB, GB, TB;
    plain bytes without one) → bytes; None when it is not one."""
    m = re.fullmatch(r"\s*(\d+)\s*(B|kB|MB|GB|TB)?\s*", text)
    if m is None:
        return None
    scale = {None: 1, "B": 1, "kB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30,
             "TB": 1 << 40}[m.group(2)]
    return int(m.group(1)) * scale


# What one materialized row costs beside its values: a tuple's header and
# the list slot pointing at it, plus a pointer per value (the values
# themselves are mostly shared with the rows they came from).
_ROW_BYTES = 64
_VALUE_BYTES = 8


class Interrupt:
    """A per-session flag another thread raises (CancelRequest), plus the
    statement deadline and the engine's memory budget (`progress`). Waiting is an Event wait, so a cancelled sleep
    wakes at once. The flags are plain attributes (each assignment is
    atomic under the GIL): a cancel counts only while `running`, and
    `start` and `finish` lower it, as the lock they replace did."""

    def __init__(self, memory_limit: int | None = None,
                 timeout: Callable[[], int] = lambda: 0) -> None:
        self.memory_limit = memory_limit or default_memory_limit()
        self.timeout = timeout  # statement_timeout now, in ms
        self._event = threading.Event()
        self.cancelled = False
        self.running = False
        self.deadline: float | None = None
        self.arrival: float | None = None  # when the statement came: `arrive`
        self.graveyard: list = []  # what a failed statement built: `salvage`

    def arrive(self, fresh: bool = False) -> None:
        """A statement arrived: it runs (a CancelRequest counts) and its
        statement_timeout counts from now, before it is parsed and
        planned, as PostgreSQL's start_xact_command starts the timer.
        `fresh`: a simple Query, whatever came before; otherwise the
        first of Parse/Execute, or a later statement of a multi-statement
        Query, starts it. `finish` (the statement's end, an error, Sync)
        ends it."""
        if fresh or self.arrival is None:
            self._lower()
            self.arrival = now = time.monotonic()
            timeout_ms = self.timeout()
            self.deadline = now + timeout_ms / 1000 if timeout_ms > 0 else None
            self.running = True
            planning_check(self.check)  # parse analysis polls it too

    def start(self) -> None:
        """Execution begins: on the arrival's clock, or from now."""
        if self.arrival is None:
            self.arrive()

    def finish(self) -> None:
        if self.running:
            planning_check(None)
        self.running = False
        self.deadline = None
        self.arrival = None
        self._lower()

    def _lower(self) -> None:
        if self.cancelled:
            self.cancelled = False
            self._event.clear()

    def cancel(self) -> None:
        """CancelRequest: only a running statement is interrupted."""
        if self.running:
            self.cancelled = True
            self._event.set()

    def check(self) -> None:
        if self.cancelled:
            raise query_canceled(CANCELED_BY_USER)
        if self.deadline is not None and time.monotonic() >= self.deadline:
            raise query_canceled(CANCELED_BY_TIMEOUT)

    def progress(self, rows: int, width: int) -> None:
        """What a loop building `rows` rows of `width` values calls every
        few thousand rows: `check`, then 53200 once the rows would pass
        the memory budget (a runaway cross join fails, not the process)."""
        if self.cancelled or self.deadline is not None:
            self.check()
        size = rows * (_ROW_BYTES + _VALUE_BYTES * width)
        if size > self.memory_limit:
            raise out_of_memory(size)

    def salvage(self, exc: BaseException) -> None:
        """Keep the big lists a failed statement's frames built (a
        cancelled cross join holds millions of rows) until `release`:
        freed as the error unwinds, they would delay its answer by
        hundreds of milliseconds; the server releases them once the
        answer is sent. Only cancels, timeouts and the budget's 53200
        stop a statement mid-build; other errors skip the walk."""
        if getattr(exc, "sqlstate", None) not in (QUERY_CANCELED, OUT_OF_MEMORY):
            return
        tb = exc.__traceback__
        while tb is not None:
            for value in tb.tb_frame.f_locals.values():
                if type(value) is list and len(value) > 10_000:
                    self.graveyard.append(value)
            tb = tb.tb_next

    def release(self) -> None:
        self.graveyard = []

    def sleep(self, seconds: float) -> None:
        end = time.monotonic() + max(0.0, seconds)
        while True:
            self.check()
            now = time.monotonic()
            limit = end if self.deadline is None else min(end, self.deadline)
            if now >= end:
                return
            self._event.wait(max(0.0, limit - now) if limit > now else 0.001)
            if self.deadline is not None and time.monotonic() >= self.deadline \
                    and not self.cancelled:
                raise query_canceled(CANCELED_BY_TIMEOUT)


def _no_session(name: str, value: str, local: bool) -> str:
    raise SqlError(FEATURE_NOT_SUPPORTED, "set_config() outside a session is not supported "
                                 "by twinning")


def _no_signal(kind: str, pid: int) -> bool:
    raise SqlError(FEATURE_NOT_SUPPORTED, f"pg_{kind}_backend() outside a session is not "
                                 "supported by twinning")


def _no_notify(channel: str, payload: str) -> None:
    raise SqlError(FEATURE_NOT_SUPPORTED, "pg_notify() outside a session is not supported "
                                 "by twinning")


def _no_advisory(*args: Any) -> None:
    raise SqlError(FEATURE_NOT_SUPPORTED, "advisory locks outside a session are not "
                                 "supported by twinning")


class _NoRoutines:
    """User functions outside a session (a schema file's defaults)."""

    def call(self, oid: int, args: list) -> Any:
        raise SqlError(FEATURE_NOT_SUPPORTED, "user functions outside a session are not "
                                     "supported by twinning")

    call_set = call

    def fire_write(self, *args: Any) -> None:
        return None  # no session, no triggers


_NO_ROUTINES = _NoRoutines()


class EvalContext:
    """The session as compiled expressions see it. Times come out in
    `twinning.values`' representation (µs / days since 2000-01-01).
    `params` (the bound parameters) and `case_value` are set by the plan
    while it runs; everything else is read-only."""

    __slots__ = ("user", "database", "pid", "version", "_setting",
                 "_txn_start", "_statement_start", "_interrupt", "settings",
                 "params", "case_value", "sequences", "notices", "txn",
                 "catalog", "outer", "subqueries", "worktables",
                 "set_config", "search_path", "notify", "cursors",
                 "signal_backend", "advisory", "routines")

    def __init__(self, *, user: str, database: str, pid: int, version: str,
                 setting: Callable[[str, bool], str | None],
                 transaction_start: Callable[[], dt.datetime],
                 interrupt: Interrupt, settings: FormatSettings) -> None:
        self.user = user
        self.database = database
        self.pid = pid
        self.version = version
        self._setting = setting
        self._txn_start = transaction_start
        self._statement_start = _now_micros()
        self._interrupt = interrupt
        self.settings = settings
        self.params: tuple = ()  # the statement's bound parameter values
        self.case_value: Any = None  # a simple CASE's test value
        self.sequences: Any = None  # the session's SequenceSession (writes)
        self.notices: list[str] = []  # NOTICE texts a statement raised
        self.txn: Any = None  # the store transaction (sequence functions)
        self.catalog: Any = None  # the engine's Catalog (regclass, pg_get_*)
        self.search_path: tuple[str, ...] = ("public",)  # existing schemas
        self.outer: list[tuple] = []  # enclosing rows of correlated subqueries
        self.subqueries: dict = {}  # uncorrelated subquery results, per statement
        self.worktables: dict = {}  # a recursive CTE's last iteration's rows
        # set_config(name, value, is_local): the session's SET, from a query
        self.set_config: Callable[[str, str, bool], str] = _no_session
        # pg_notify(channel, payload): the session's NOTIFY
        self.notify: Callable[[str, str], None] = _no_notify
        self.cursors: Callable[[], list] = list  # the session's (pg_cursors)
        # pg_terminate_backend / pg_cancel_backend: (kind, pid) -> sent?
        self.signal_backend: Callable[[str, int], bool] = _no_signal
        # the advisory lock functions: (op, key, shared, xact, wait) -> result
        self.advisory: Callable[..., Any] = _no_advisory
        # user functions: .call(oid, args), .call_set(oid, args) (routines.py)
        self.routines: Any = _NO_ROUTINES

    def nested(self) -> EvalContext:
        """A context for a statement run inside a function: the session's
        and the statement's clock, its own parameters and per-statement
        state."""
        child = EvalContext.__new__(EvalContext)
        for name in EvalContext.__slots__:
            setattr(child, name, getattr(self, name))
        child.params, child.case_value, child.notices = (), None, []
        child.outer, child.subqueries, child.worktables = [], {}, {}
        return child

    def begin(self, settings: FormatSettings, txn: Any, catalog: Any,
              search_path: tuple[str, ...] = ("public",)) -> None:
        """Make this context the next statement's: a session keeps one
        and resets what belongs to a statement (its clock, parameters,
        notices, subquery results) instead of building a new one."""
        self._statement_start = _now_micros()
        self.settings = settings
        self.txn = txn
        self.catalog = catalog
        self.search_path = search_path  # the statement's, for nextval('s')
        self.params = ()
        self.case_value = None
        if self.notices:
            self.notices = []
        if self.outer:
            self.outer = []
        if self.subqueries:
            self.subqueries = {}
        if self.worktables:
            self.worktables = {}

    def current_setting(self, name: str, missing_ok: bool) -> str | None:
        return self._setting(name, missing_ok)

    def current_schema(self) -> str:
        return "public"

    def transaction_start(self) -> int:
        return micros(self._txn_start())

    def statement_start(self) -> int:
        return self._statement_start

    def clock(self) -> int:
        return _now_micros()

    def _local(self) -> dt.datetime:
        zone = _zone(self.settings.timezone)
        return self._txn_start().astimezone(zone).replace(tzinfo=None)

    def local_timestamp(self) -> int:
        delta = self._local() - _EPOCH_NAIVE
        return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds

    def current_date(self) -> int:
        return (self._local().date() - _EPOCH_NAIVE.date()).days

    def sleep(self, seconds: float) -> None:
        self._interrupt.sleep(seconds)

    def check(self) -> None:
        self._interrupt.check()

    def progress(self, rows: int, width: int) -> None:
        self._interrupt.progress(rows, width)


# -- results ------------------------------------------------------------------


def formats_for(result_formats: Sequence[int], ncolumns: int) -> tuple[int, ...]:
    """Bind's result-format codes → one per column (08P01 on a bad count)."""
    n = len(result_formats)
    if n == 0:
        return (0,) * ncolumns
    if n == 1:
        return (result_formats[0],) * ncolumns
    if n != ncolumns:
        raise protocol_violation(f"bind message has {n} result formats but "
                                 f"query has {ncolumns} columns")
    return tuple(result_formats)


def row_description(columns: Sequence[q.Column], formats: Sequence[int],
                    relation_oid: Callable[[Any], int | None] = lambda name: None
                    ) -> bytes:
    """RowDescription; a column read straight from a table or view names
    it (`relation_oid` of its origin) and its attnum, as PostgreSQL's do."""
    fields = []
    for c, f in zip(columns, formats):
        table, attnum = 0, 0
        if c.origin is not None:
            table = relation_oid(c.origin[0]) or 0
            attnum = c.origin[1] if table else 0
        fields.append(FieldDescription(c.name, c.type.oid, table, attnum,
                                       c.type.typlen, c.type.typmod, f))
    return RowDescription(tuple(fields)).encode()


class ResultEncoder:
    """Rows of Python values → DataRow bytes, one bound function per column."""

    def __init__(self, columns: Sequence[q.Column], formats: Sequence[int],
                 settings: FormatSettings) -> None:
        fns: list[Callable[[Any], bytes]] = []
        for column, fmt in zip(columns, formats):
            if fmt == 1:
                fns.append(send_function(column.type))
            elif fmt == 0:
                fast = None if column.type.name.endswith("[]") \
                    else text_encoder(column.type.name, settings)
                if fast is None:
                    out = formatter(column.type, settings)
                    fast = lambda v, out=out: out(v).encode("utf-8")  # noqa: E731
                fns.append(fast)
            else:
                raise invalid_parameter_value(f"unsupported format code: {fmt}")
        self._fns = tuple(fns)

    def encode(self, rows: Sequence[tuple]) -> bytes:
        return encode_data_rows(rows, self._fns)
