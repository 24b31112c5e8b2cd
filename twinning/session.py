"""One client session: the wire `Backend` behind a `Connection`.

The session owns what PostgreSQL keeps per backend and nothing else:

- settings: current values, the values a transaction started with, the
  values RESET returns to (defaults overlaid by startup parameters), SET
  LOCAL reverting at transaction end (`settings_stack.SettingsStack`),
  ParameterStatus for reported settings sent just before ReadyForQuery
  (as PostgreSQL 14+ does);
- the transaction: its block state (PostgreSQL 15's TBLOCK_*, reduced to
  what a client can observe, and moved only through the table of
  `transaction_block.py`), the settings it started with, its savepoint
  stack;
- prepared statements and portals, shared between PREPARE/EXECUTE and the
  extended protocol as in PostgreSQL (`session_extended.ExtendedQuery`);
- cancellation and statement_timeout through `execute.Interrupt`.

Parsing and planning go through the `Engine`'s caches (`twinning.engine`),
so a repeated statement is never re-parsed or re-planned. Data lives behind
the engine's MVCC store; this module only drives its transactions.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from twinning import gucs, trace
from twinning.deferred import deferred_logger
from twinning.engine import Engine
from twinning.advisory import AdvisorySession
from twinning.ir.catalog import QName
from twinning.store.row_locks import LockRetry
from twinning.store import Transaction
from twinning.errors import (
    ACTIVE_SQL_TRANSACTION, FEATURE_NOT_SUPPORTED, NO_ACTIVE_SQL_TRANSACTION,
    SUCCESSFUL_COMPLETION, WARNING, SqlError, active_sql_transaction,
    admin_shutdown, duplicate_cursor, feature_not_supported,
    in_failed_sql_transaction, invalid_savepoint_specification,
    no_active_sql_transaction, object_not_in_prerequisite_state,
)
from twinning.copy_sink import CopySink
from twinning.execute_copy import CopyFrom, copy_out, copy_to
from twinning.partition_writes import routed
from twinning.execute_write import execute_write, missing_parameter
from twinning.ir.dml import WRITES
from twinning.routines import Routines
from twinning.execute import (EvalContext, Interrupt, ResultEncoder,
                              row_description)
from twinning.ir import query as q
from twinning.notify import Listener
from twinning.passes.parse_database import QUICK_INITIALS
from twinning.passes.polling import chunks
from twinning.cursors import Cursor, Cursors
from twinning.session_ddl import DdlCommands
from twinning.settings_stack import SettingsStack, Snapshot
from twinning.transaction_block import OPENED, Block
from twinning.transaction_block import move as move_block
from twinning.session_extended import ExtendedQuery
from twinning.session_records import (TEXT_FORMATS, Portal, Prepared, Result,
                                      command_complete, tag_rows)
from twinning.system_catalog import relation_oid
from twinning.system_catalog.names import quote_ident
from twinning.temp_tables import TempTables
from twinning.passes.resolve import resolve_setting
from twinning.values.dtparse import set_transaction_clock
from twinning.values.settings import FormatSettings
from twinning.wire.connection import (AuthMethod, CopyIn, Reply, ScramSha256,
                                      SessionStart, Trust)
from twinning.wire.messages import (EMPTY_QUERY_RESPONSE_MSG, CopyInResponse,
                                    ParameterStatus, encode_error,
                                    encode_notice)

log = deferred_logger(globals(), "log")  # logging: on first use

__all__ = ["Session", "Engine"]

_EXIT = (q.Commit, q.Rollback, q.RollbackTo)
_ABORTED = ("current transaction is aborted, commands ignored until end of "
            "transaction block")
_MESSAGE_LEVELS = ("debug5", "debug4", "debug3", "debug2", "debug1", "log",
                   "notice", "warning", "error")


# -- per-session records ----------------------------------------------------------------


@dataclass
class _Savepoint:
    name: str
    settings: Snapshot  # the settings stack's, to give back at ROLLBACK TO
    marker: object
    notify_mark: int = 0  # the LISTEN/NOTIFY actions before it


@dataclass
class _Transaction:
    state: Block  # its transaction block state (`transaction_block`)
    store: Transaction
    started: dt.datetime
    savepoints: list[_Savepoint] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.state is Block.ABORT

    def move(self, event: str) -> None:
        self.state = move_block(self.state, event)


class _Replan(Exception):
    """A statement's start found a catalog newer than its plan's."""


class Session(ExtendedQuery, DdlCommands):
    """The `twinning.wire.Backend` of one connection."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.interrupt = Interrupt(engine.max_memory, lambda: int(
            self.settings.get("statement_timeout", "0")))
        self.params: dict[str, str] = {}
        self.user = ""
        self.database = ""
        self.pid = 0
        self._secret = 0
        self.settings_stack = SettingsStack(gucs.DEFAULTS)
        self.settings: dict[str, str] = self.settings_stack.current  # (never replaced)
        self._reported: dict[str, str] = {}
        self._reported_raw: tuple = ()  # settings behind `_reported`
        self._results: dict = {}  # (columns, formats) → descriptions, encoders
        self._txn: _Transaction | None = None
        self._prepared: dict[str, Prepared] = {}
        self._portals: dict[str, Portal] = {}
        self._cursors = Cursors()  # DECLARE … CURSOR
        self._notices: list[bytes] = []
        self._format: tuple[tuple, Any] = ((), None)  # key, FormatSettings
        self._ctx: EvalContext | None = None  # made at the first statement
        self._planned: Any = None  # the store schema the running plan was made on
        # search_path: setting, schemas, lookup path, the path as written
        self._path: tuple = ("", None, _PUBLIC, _PUBLIC)
        self._temp = TempTables("pg_temp_0")  # named at authentication
        self.sequences = engine.store.session()
        self.notifications = Listener(engine.channels,
                                      lambda: self._txn is not None)
        self.advisory = AdvisorySession(
            engine.advisory, lambda text: self._warn(WARNING, text),
            lambda: int(self.settings["lock_timeout"]),
            lambda: self.interrupt.check())
        self.routines = Routines(self)  # user functions, DO
        # pg_terminate_backend of this session from another: the server's
        self.terminate: Callable[[], None] | None = None

    # ================================================================ startup
    def on_startup(self, params: Mapping[str, str]) -> AuthMethod:
        self.params = dict(params)
        self.user = params["user"]
        self.database = params["database"]
        self._refuse_created_role(self.user)
        if params.get("replication", "false").lower() not in ("false", "0", "off", "no"):
            raise SqlError(FEATURE_NOT_SUPPORTED, "replication connections are not supported "
                                         "by twinning", severity="FATAL")
        startup: list[tuple[str, str]] = []
        for name, value in params.items():
            if name in ("user", "database", "replication"):
                continue
            if name == "options":
                startup.extend(_parse_options(value))
            else:
                startup.append((name, value))
        for name, value in startup:
            guc = gucs.lookup(name)
            if guc is None:
                if "." in name:
                    self.settings_stack.reset[name.lower()] = value
                    continue
                raise gucs.unrecognized(name)
            self.settings_stack.reset[guc.name] = guc.normalize(value)
        self.settings_stack.reset["session_authorization"] = self.user
        self.settings_stack.restart()
        if self.engine.password:
            return ScramSha256(self.engine.password)
        return Trust()

    def _refuse_created_role(self, user: str) -> None:
        """A role made by CREATE ROLE has its privileges recorded but not
        enforced: logging in as one that is not a superuser is refused
        rather than silently given the superuser's rights."""
        for role in getattr(self.engine.catalog, "roles", ()):
            if role.name == user and not role.superuser:
                raise SqlError(FEATURE_NOT_SUPPORTED, f'logging in as role "{user}" is not '
                                             "supported by twinning (privileges of roles "
                                             "made by CREATE ROLE are recorded, not "
                                             "enforced)", severity="FATAL")

    def on_authenticated(self) -> SessionStart:
        self.pid, self._secret, backend = self.engine.register(self)
        self._temp = TempTables(f"pg_temp_{backend}")
        raw = tuple([self.settings.get(name) for name in _REPORTED])
        parameters = _STARTS.get(raw)
        if parameters is None:  # shown once per set of startup settings
            parameters = tuple((g.name, self._show(g.name)) for g in gucs.REPORTED)
            if len(_STARTS) < 256:
                _STARTS[raw] = parameters
        self._reported = dict(parameters)
        self._reported_raw = raw  # the first statement compares, not shows
        return SessionStart(parameters, self.pid, self._secret)

    def on_cancel(self, process_id: int, secret_key: int) -> None:
        self.engine.cancel(process_id, secret_key)

    def on_disconnect(self) -> None:
        if self._txn is not None:
            self._end_transaction(commit=False)
        self._portals.clear()
        self.notifications.close()
        self.advisory.close()
        if self._temp.schema in self.engine.catalog.schemas:
            self._end_temporaries()
        self.engine.unregister(self.pid)

    def _end_temporaries(self) -> None:
        """The session's temporary schema and objects go, in a transaction
        of their own (only a session that made some pays for one)."""
        try:
            self._begin("single")
            self._drop_temporary()
            self._end_transaction(commit=True)
        except SqlError:
            log.exception("dropping the temporary tables of session %s",
                          self.pid)
            if self._txn is not None:
                self._end_transaction(commit=False)

    def transaction_status(self) -> str:
        txn = self._txn
        if txn is None or not txn.state.explicit:
            return "I"
        return "E" if txn.failed else "T"

    # ============================================================ simple query
    def on_query(self, sql: str) -> Reply:
        """statement_timeout runs from here, before parsing (`arrive`);
        the Query's statements end it, or its COPY's sink."""
        self.interrupt.arrive(fresh=True)
        reply = None
        try:
            return (reply := self._query(sql))
        except Exception as exc:  # parsing failed: a block is aborted too
            if getattr(exc, "severity", None) not in ("FATAL", "PANIC"):
                self._failed()
            raise
        finally:
            if not isinstance(reply, CopyIn):
                self.interrupt.finish()

    def _query(self, sql: str) -> Reply:
        parsed = self.engine.quick_parse(sql) if sql[:1] in QUICK_INITIALS \
            else None
        if parsed is not None:  # CREATE / DROP DATABASE: no cache serves it
            return self._continue([(parsed.statements[0], None, None)],
                                  "single", [])
        norm, template = self.engine.find_template(sql)
        if template is not None:
            return self._continue([(template.stmt, norm, template)],
                                  "single", [])
        parsed = self.engine.parse(sql)
        if not parsed.statements:
            return EMPTY_QUERY_RESPONSE_MSG + self._reports()
        if len(parsed.statements) > 1:
            return self._continue([(stmt, None, None) for stmt in
                                   parsed.statements], "implicit", [])
        return self._continue([(parsed.statements[0], norm, None)], "single",
                              [])

    def _continue(self, statements: list, kind: str, out: list[bytes]) -> Reply:
        """Run a simple query's statements in order; a COPY FROM STDIN
        hands the rest to its sink, which resumes here at CopyDone. Each
        item is (statement, normalized text, template): a template binds
        the text's constants; without one the exact plan is learned."""
        while statements:
            stmt, norm, template = statements.pop(0)
            try:
                self._begin(kind)
                result = self._run(stmt, norm, template)
                if self._notices:
                    out.extend(self._take_notices())
                if result.copy is not None:
                    return CopyIn(b"".join(out) + result.copy_response,
                                  CopySink(self, result.copy, statements, kind))
                if result.raw is not None:
                    out.append(result.raw)
                    continue
                columns = result.columns
                if columns:
                    description, encoder = self._result_codec(
                        columns, TEXT_FORMATS[len(columns)])
                    out.append(description)
                    out.append(encoder.encode(result.rows))
                if not statements:  # the commit's errors come before the tag
                    self._commit_implicit()
                out.append(command_complete(result.tag))
            except SqlError as exc:
                if exc.severity in ("FATAL", "PANIC"):
                    raise
                self._failed()
                out.extend(self._take_notices())
                out.append(encode_error(exc))
                out.append(self._reports())
                return b"".join(out)
        try:
            self._commit_implicit()
        except SqlError as exc:
            out.append(encode_error(exc))
        out.append(self._reports())
        return b"".join(out)

    def _commit_implicit(self) -> None:
        """The end of a simple query's own transaction (outside a block)."""
        txn = self._txn
        if txn is not None and not txn.state.explicit:
            self._end_transaction(commit=True)

    # ========================================================= running statements
    def _run(self, stmt: q.ParsedStatement, norm: Any = None,
             template: Any = None) -> Result:
        """One simple-protocol statement: a template's plan bound to this
        text's constants, or the exact plan (learning a template)."""
        plan = None
        self.interrupt.arrive()  # a later statement of the Query: from here
        try:
            self._check_aborted(stmt.node)
            while True:
                schema, generation = self._txn.store.view()
                self._planned = schema
                path = self._search_path(schema.catalog)
                bound = template.bind(norm, self._format_settings()) \
                    if template is not None and path is _PUBLIC \
                    and template.generation == generation else None
                if bound is None:
                    if template is not None:  # a shape the template lacks
                        stmt = self.engine.parse(norm.sql).statements[0]
                        template = None
                    plan, params, rows = self.engine.plan(
                        stmt, learn=norm, catalog=schema.catalog,
                        generation=generation, search_path=path), (), None
                else:
                    plan, params, rows = bound
                try:
                    result = self._run_plan(plan, params, rows)
                    break
                except _Replan:  # DDL committed since: plan on the new catalog
                    template = None
        except SqlError as exc:
            self._trace(stmt, "simple", None, trace.failure(exc))
            self._count_refusal(stmt, exc)
            raise
        if result.tag == "SELECT":
            result.tag = tag_rows("SELECT", len(result.rows))
        if self.engine.trace is not None:
            self._trace(stmt, "simple", plan,
                        trace.success(result.tag, len(result.rows)))
        return result

    def _catalog_now(self) -> Any:
        """The catalog the transaction sees (a user type's OID in Parse)."""
        return self._txn.store.view()[0].catalog

    def _plan(self, stmt: q.ParsedStatement, declared: tuple) -> tuple:
        """(schema, plan) of a statement to prepare, on the catalog the
        transaction sees now."""
        schema, generation = self._txn.store.view()
        return schema, self.engine.plan(
            stmt, declared, catalog=schema.catalog, generation=generation,
            search_path=self._search_path(schema.catalog))

    def _search_path(self, catalog: Any) -> tuple[str, ...]:
        """The schemas unqualified table names are looked for in, from the
        search_path setting: its existing schemas, `$user` as the user's
        (pg_catalog's relations are found apart). Kept per setting text
        and catalog schema list; the usual answer is `_PUBLIC` itself."""
        raw = self.settings.get("search_path", "")
        cached = self._path
        if cached[0] == raw and cached[1] is catalog.schemas:
            return cached[2]
        temp = self._temp.schema
        names = []
        for item in _LIST_ITEM.findall(raw):
            name = item[1:-1].replace('""', '"') if item.startswith('"') \
                else item.lower()
            if name == "$user":
                name = self.user
            elif name == "pg_temp":
                name = temp
            if name in catalog.schemas and name not in names:
                names.append(name)
        written = _PUBLIC if names == ["public"] else tuple(names)
        path = written if temp in names or temp not in catalog.schemas \
            else (temp, *names)  # the temporary schema first, unless placed
        self._path = (raw, catalog.schemas, path, written)
        return path

    def _run_prepared(self, prepared: Prepared, params: tuple) -> Result:
        """A prepared plan; re-planned first when DDL changed the catalog
        since it was made (0A000 if that changes its result or parameters,
        as PostgreSQL's plan cache says)."""
        while True:
            self._planned = prepared.schema
            try:
                return self._run_plan(prepared.plan, params)
            except _Replan:
                schema, plan = self._plan(prepared.stmt, prepared.declared)
                old = prepared.plan
                if plan.columns != old.columns or \
                        plan.param_types[:len(params)] != old.param_types[:len(params)]:
                    raise SqlError(FEATURE_NOT_SUPPORTED, "cached plan must not change "
                                                 "result type") from None
                prepared.plan, prepared.schema = plan, schema

    def _started(self, txn: Transaction) -> None:
        """After the statement's start moved the transaction to the newest
        version: a catalog other than the one planned on means re-plan."""
        if txn.schema is not self._planned and self._planned is not None:
            raise _Replan()

    def _count_refusal(self, stmt: q.ParsedStatement | None,
                       exc: SqlError) -> None:
        """A refused write, for the report's `constraints` counters."""
        if stmt is not None and isinstance(stmt.node, WRITES):
            self.engine.count_refusal(exc.sqlstate)

    def _trace(self, stmt: q.ParsedStatement | None, protocol: str,
               plan: q.Plan | None, outcome: dict,
               param_types: tuple = ()) -> None:
        recorder = self.engine.trace
        if recorder is None or stmt is None:
            return
        stages = self.engine.stages(stmt, param_types)
        summary = plan.summary() if plan is not None else None
        recorder.record(self.pid, stmt.source, protocol, stages, summary,
                        outcome)

    def _run_plan(self, plan: q.Plan, params: tuple,
                  rows: list | None = None) -> Result:
        """Run a plan; `rows`: an INSERT template's bound VALUES rows."""
        interrupt = self.interrupt
        interrupt.start()
        result = None  # COPY FROM STDIN runs on until its sink ends it
        try:
            interrupt.check()  # parsing and planning count (`arrive`)
            return (result := plan.run(self, params, rows))
        except SqlError as exc:
            interrupt.salvage(exc)  # freed after the answer: server.py
            raise
        finally:
            if result is None or result.copy is None:
                interrupt.finish()

    # ---- the plan variants (`q.Runner`)
    def run_read(self, plan: q.ReadPlan, params: tuple) -> Result:
        """A query over the current transaction's snapshot (READ COMMITTED:
        refreshed at every statement)."""
        if plan.planning_error is not None:
            raise plan.planning_error
        if len(params) < len(plan.param_types):
            raise missing_parameter(plan.query.resolved, len(params))
        txn = self._txn.store
        while True:  # again after a lock wait met a newer version (LockRetry)
            txn.statement_start(lock_timeout_ms=int(self.settings["lock_timeout"]),
                                cancel=self.interrupt.check, retry=True)
            self._started(txn)
            ctx = self._context()
            ctx.params = params
            try:
                rows = plan.query.run(ctx)
                break
            except LockRetry:
                continue
            finally:
                txn.restartable = False
        self._forward_notices(ctx)
        self.interrupt.check()
        return Result(plan.columns, rows, "SELECT")

    def _forward_notices(self, ctx: EvalContext) -> None:
        """NOTICEs an expression raised (to_tsquery's 'contains only stop
        words'), sent before the rows as PostgreSQL sends them."""
        if ctx.notices:
            for notice in ctx.notices:
                self._warn(SUCCESSFUL_COMPLETION, notice, severity="NOTICE")
            ctx.notices.clear()

    def run_projection(self, plan: q.ProjectionPlan, params: tuple) -> Result:
        if plan.planning_error is not None:
            raise plan.planning_error
        self._txn.store.take_snapshot()
        ctx = self._context()
        row = plan.row(ctx, params)
        self._forward_notices(ctx)
        self.interrupt.check()
        return Result(plan.columns, [row], "SELECT")

    def run_command(self, plan: q.CommandPlan, params: tuple = ()) -> Result:
        if plan.command.op == "declare":  # the one command with parameters
            return self._declare(plan.command, params)
        return self._command(plan.command, plan.columns)

    def _write_context(self, plan: q.WritePlan | q.CopyPlan,
                       params: tuple) -> EvalContext:
        if plan.planning_error is not None:
            raise plan.planning_error
        if len(params) < len(plan.param_types):
            raise missing_parameter(plan.write.resolved, len(params))
        txn = self._txn.store
        ctx = self._context()
        ctx.params = params
        txn.settings = ctx.settings
        txn.context = ctx
        return ctx

    def run_write(self, plan: q.WritePlan, params: tuple,
                  rows: list | None) -> Result:
        """A write statement in the current transaction's store view."""
        ctx = self._write_context(plan, params)
        txn = self._txn.store
        while True:  # again after waiting for a row lock's holder (LockRetry)
            txn.statement_start(writes=plan.write.tag,
                                lock_timeout_ms=int(self.settings["lock_timeout"]),
                                cancel=self.interrupt.check)
            self._started(txn)
            try:
                target = getattr(plan.write.resolved, "table", None)
                if type(target) is QName:  # ROW EXCLUSIVE first, as PostgreSQL
                    txn.lock_target(target, plan.write.tag)
                returned, tag = execute_write(plan.write, txn, self.sequences,
                                              ctx, rows)
                txn.statement_end()  # RI actions may meet a changed row too
                break
            except LockRetry:
                ctx.notices.clear()
        for notice in ctx.notices:
            self._warn(SUCCESSFUL_COMPLETION, notice, severity="NOTICE")
        self.interrupt.check()
        return Result(plan.columns, returned, tag)

    def run_copy(self, plan: q.CopyPlan, params: tuple) -> Result:
        """COPY TO STDOUT runs now; COPY FROM STDIN returns its sink."""
        ctx = self._write_context(plan, params)
        txn = self._txn.store
        resolved = plan.write.resolved
        timeout = int(self.settings["lock_timeout"])
        while True:  # again after a lock wait met a newer version (LockRetry)
            to = resolved.direction == "to"
            txn.statement_start(writes=None if to else "COPY FROM",
                                lock_timeout_ms=timeout,
                                cancel=self.interrupt.check, retry=True)
            self._started(txn)
            try:
                if to:
                    table = txn.catalog.table(resolved.table)
                    raw, count = copy_to(plan.write, table, txn, ctx)
                    return Result((), [], f"COPY {count}", raw=raw)
                txn.lock_target(resolved.table, "COPY FROM")  # before any row
                break
            except LockRetry:
                continue
            finally:
                txn.restartable = False
        table = txn.catalog.table(resolved.table)
        triggers = [t for t in txn.catalog.triggers_of(table.name)
                    if "insert" in t.events] if txn.catalog.triggers else []
        if triggers and txn.catalog.partition_key(table.name) is not None:
            raise SqlError(FEATURE_NOT_SUPPORTED, "COPY FROM into a partitioned table with "
                                         "triggers is not supported by twinning")
        if resolved.options.freeze and not txn.truncated_here(table.name):
            raise object_not_in_prerequisite_state("cannot perform COPY FREEZE because the "
                                                   "table was not created or truncated in the "
                                                   "current subtransaction")
        binary = int(resolved.options.format == "binary")
        return Result((), [], "COPY", copy=CopyFrom(
            plan.write, table, routed(resolved, txn, ctx), self.sequences, ctx,
            triggers),
            copy_response=CopyInResponse(
                binary, (binary,) * len(resolved.slots)).encode())

    def _context(self) -> EvalContext:
        """The session's evaluation context, reset for a new statement."""
        ctx = self._ctx
        if ctx is None:
            ctx = self._ctx = EvalContext(
                user=self.user, database=self.database, pid=self.pid,
                version=gucs.VERSION_STRING, setting=self._current_setting,
                transaction_start=self._transaction_start,
                interrupt=self.interrupt, settings=self._format_settings())
            ctx.sequences = self.sequences
            ctx.set_config = self._set_config
            ctx.notify = self.notifications.notify
            ctx.advisory = self.advisory
            ctx.cursors = lambda: list(self._cursors.values())
            ctx.signal_backend = self._signal_backend
            ctx.routines = self.routines
        txn = self._txn
        catalog = self.engine.catalog if txn is None else txn.store.catalog
        ctx.begin(self._format_settings(), txn and txn.store, catalog,
                  self._search_path(catalog))
        return ctx

    def _transaction_start(self) -> dt.datetime:
        txn = self._txn
        return txn.started if txn is not None else dt.datetime.now(dt.timezone.utc)

    def _command(self, command: q.Command, columns: tuple[q.Column, ...]) -> Result:
        handler: Callable[[q.Command], Any] = getattr(self, "_cmd_" + command.op)
        outcome = handler(command)
        if isinstance(outcome, Result):
            return outcome
        if isinstance(outcome, list):
            return Result(columns, outcome, command.tag)
        return Result((), [], outcome or command.tag)

    # ---- transactions
    def _begin(self, kind: str) -> None:
        """Open a transaction unless one is open; every statement passes
        here first, on the thread that runs it, so the date/time input
        clock ('now', 'today', …) is the transaction's start."""
        if self._txn is None:
            self.settings_stack.begin()
            self._txn = _Transaction(OPENED[kind],
                                     self.engine.store.begin(self._read_only,
                                                             self._repeatable),
                                     dt.datetime.now(dt.timezone.utc))
            self._init_transaction_settings()
        set_transaction_clock(self._txn.started)

    def _init_transaction_settings(self) -> None:
        settings = self.settings
        for name, default in _TRANSACTION_DEFAULTS:
            if settings[name] != settings[default]:
                self.settings_stack.assign(name, settings[default], True)

    def _read_only(self) -> bool:
        """The store asks at each write: BEGIN READ ONLY, SET TRANSACTION
        and `SET transaction_read_only` all land in this setting."""
        return self.settings["transaction_read_only"] == "on"

    def _repeatable(self) -> bool:
        """REPEATABLE READ and SERIALIZABLE keep the first statement's
        snapshot (SERIALIZABLE runs as REPEATABLE READ: with one writer at
        a time, a transaction that writes after another committed fails
        with 40001 whatever it touches, so no anomaly gets through)."""
        return self.settings["transaction_isolation"] in ("repeatable read",
                                                          "serializable")

    def _end_transaction(self, commit: bool) -> None:
        txn = self._txn
        assert txn is not None
        if commit and not txn.failed:
            try:
                txn.store.check_deferred()  # DEFERRABLE foreign keys
            except SqlError:
                self._end_transaction(commit=False)  # the commit fails: all goes
                raise
            self._on_commit(txn.store)  # may fail: the transaction stays
        self._txn = None
        if commit and not txn.failed:
            txn.store.commit()
            self.settings_stack.commit()
            self.notifications.commit(self.pid)
        else:
            txn.store.rollback()
            self._temp.rolled_back()
            self.notifications.rollback_to(0)
            self.settings_stack.rollback()
        self._cursors.transaction_ended(txn, commit and not txn.failed)
        self._portals.clear()
        self.advisory.transaction_ended()
        if self._ctx is not None:
            # the ended transaction holds the version it started on: a
            # TRUNCATE's old rows are freed now, not in the next statement
            self._ctx.txn = None

    def _failed(self) -> None:
        """An error: a block becomes failed, anything else is rolled back.

        PostgreSQL aborts the failed (sub)transaction at once, releasing
        its locks; only the block's state waits for ROLLBACK. So the store
        discards the changes now — back to the innermost savepoint, or all
        of them — which frees the locks taken after that savepoint."""
        self.interrupt.finish()
        txn = self._txn
        if txn is None:
            return
        if not txn.state.explicit:
            self._end_transaction(commit=False)
            return
        txn.move("error")
        if txn.savepoints:
            txn.store.rollback_to(txn.savepoints[-1].marker)
            self.notifications.rollback_to(txn.savepoints[-1].notify_mark)
        else:
            txn.store.rollback()
            self.notifications.rollback_to(0)
            self.advisory.transaction_ended()

    def _check_aborted(self, node: Any) -> None:
        txn = self._txn
        if txn is not None and txn.failed and not isinstance(node, _EXIT):
            raise in_failed_sql_transaction(_ABORTED)

    def _in_block(self) -> bool:
        return self._txn is not None and self._txn.state.explicit

    def _cmd_begin(self, command: q.Command) -> None:
        txn = self._txn
        assert txn is not None
        if txn.state.explicit:
            self._warn(ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress")
        # options are checked before the block opens: a refused BEGIN
        # leaves no transaction behind, as a failed one in PostgreSQL
        self._apply_txn_options(command.node.options)
        txn.move("begin")

    def _apply_txn_options(self, options: q.TxnOptions) -> None:
        values = _txn_option_values(options)
        if "transaction_isolation" in values:
            self._check_isolation_change(values["transaction_isolation"])
        for name, value in values.items():
            self.settings_stack.assign(name, value, True)

    def _check_isolation_change(self, level: str) -> None:
        """check_XactIsoLevel(): the level is fixed by the first query."""
        txn = self._txn
        if level == self.settings["transaction_isolation"] or txn is None:
            return
        if txn.store.snapshot_taken:
            raise active_sql_transaction("SET TRANSACTION ISOLATION LEVEL must be "
                                         "called before any query")
        if txn.savepoints:
            raise active_sql_transaction("SET TRANSACTION ISOLATION LEVEL must not "
                                         "be called in a subtransaction")

    def _chain_options(self) -> q.TxnOptions:
        s = self.settings
        return q.TxnOptions(s["transaction_isolation"],
                            s["transaction_read_only"] == "on",
                            s["transaction_deferrable"] == "on")

    def _cmd_commit(self, command: q.Command) -> str:
        return self._finish(command, commit=True)

    def _cmd_rollback(self, command: q.Command) -> str:
        return self._finish(command, commit=False)

    def _finish(self, command: q.Command, commit: bool) -> str:
        chain = command.node.chain
        word = "COMMIT" if commit else "ROLLBACK"
        if not self._in_block():
            if chain:
                raise no_active_sql_transaction(f"{word} AND CHAIN can only be used in "
                                                "transaction blocks")
            self._warn(NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress")
            self._end_transaction(commit=commit)
            return word
        txn = self._txn
        assert txn is not None
        failed = txn.failed
        options = self._chain_options()
        self._end_transaction(commit=commit)
        if chain:
            self._begin("block")
            self._apply_txn_options(options)
        return "ROLLBACK" if failed else word

    def _cmd_savepoint(self, command: q.Command) -> None:
        if not self._in_block():
            raise no_active_sql_transaction("SAVEPOINT can only be used in transaction "
                                            "blocks")
        txn = self._txn
        assert txn is not None
        txn.savepoints.append(_Savepoint(command.node.name,
                                         self.settings_stack.savepoint(),
                                         txn.store.savepoint(),
                                         self.notifications.mark()))

    def _find_savepoint(self, command: q.Command, verb: str) -> tuple[Any, int]:
        """The block's transaction and the innermost savepoint `command`
        (RELEASE or ROLLBACK TO, spelt `verb`) names."""
        if not self._in_block():
            raise no_active_sql_transaction(f"{verb} can only be used in "
                                            "transaction blocks")
        txn = self._txn
        assert txn is not None
        name = command.node.name
        for i in range(len(txn.savepoints) - 1, -1, -1):
            if txn.savepoints[i].name == name:
                return txn, i
        raise invalid_savepoint_specification(f'savepoint "{name}" does not exist')

    def _cmd_release(self, command: q.Command) -> None:
        txn, index = self._find_savepoint(command, "RELEASE SAVEPOINT")
        txn.store.release(txn.savepoints[index].marker)
        del txn.savepoints[index:]

    def _cmd_rollback_to(self, command: q.Command) -> None:
        txn, index = self._find_savepoint(command, "ROLLBACK TO SAVEPOINT")
        point = txn.savepoints[index]
        txn.store.rollback_to(point.marker)
        self.notifications.rollback_to(point.notify_mark)
        del txn.savepoints[index + 1:]
        self.settings_stack.rollback_to(point.settings)
        txn.move("rollback_to")

    # ---- settings
    def _cmd_set(self, command: q.Command) -> None:
        node: q.SetVar = command.node
        name = command.setting or node.name.lower()
        guc = gucs.GUCS.get(name.lower()) if command.setting else None
        if guc is not None and name in ("transaction_isolation",
                                        "transaction_read_only",
                                        "transaction_deferrable"):
            if node.values is None:
                value = self.settings["default_" + name]
            else:
                value = guc.normalize(", ".join(node.values))
            if name == "transaction_isolation":
                self._check_isolation_change(value)
            self.settings_stack.assign(name, value, True)
            return
        if node.values is None:
            if guc is not None and guc.context == "internal":
                guc.normalize("")
            value = self.settings_stack.reset.get(name, "")
        elif guc is not None:
            values = node.values
            if guc.name == "search_path":  # GUC_LIST_QUOTE
                values = tuple(quote_ident(v) for v in values)
            value = guc.normalize(", ".join(values), node.name,
                                  self.settings.get(guc.name))
        else:
            value = ", ".join(node.values)
        self._assign(name, value, node.local)

    def _assign(self, name: str, value: str, local: bool) -> None:
        txn = self._txn
        assert txn is not None
        if local:
            if not txn.state.is_transaction_block:
                self._warn(NO_ACTIVE_SQL_TRANSACTION, "SET LOCAL can only be used in transaction "
                                             "blocks")
        self.settings_stack.assign(name, value, local)

    def _cmd_set_transaction(self, command: q.Command) -> None:
        node: q.SetTransaction = command.node
        txn = self._txn
        assert txn is not None
        if node.session:
            for name, value in (
                    ("default_transaction_isolation", node.options.isolation),
                    ("default_transaction_read_only", _onoff(node.options.read_only)),
                    ("default_transaction_deferrable",
                     _onoff(node.options.deferrable))):
                if value is not None:
                    self._assign(name, gucs.GUCS[name].normalize(value), False)
            return
        if not txn.state.is_transaction_block:
            self._warn(NO_ACTIVE_SQL_TRANSACTION, "SET TRANSACTION can only be used in "
                                         "transaction blocks")
        self._apply_txn_options(node.options)

    def _cmd_reset(self, command: q.Command) -> None:
        node: q.Reset = command.node
        if node.name is None:
            self._reset_all()
            return
        name = command.setting or node.name.lower()
        guc = gucs.GUCS.get(name.lower()) if command.setting else None
        if guc is not None and guc.context == "internal":
            guc.normalize("")  # 55P02
        if name.startswith("transaction_"):
            self.settings_stack.assign(name, self.settings["default_" + name], True)
            return
        self._assign(name, self.settings_stack.reset.get(name, ""), False)

    def _reset_all(self) -> None:
        for name, value in list(self.settings_stack.reset.items()):
            guc = gucs.GUCS.get(name.lower())
            if guc is not None and (guc.context == "internal" or
                                    name.startswith("transaction_")):
                continue
            self.settings_stack.assign(name, value)

    def _cmd_show(self, command: q.Command) -> list[tuple]:
        if command.setting is None and command.node.name.lower() == "all":
            rows = []
            for guc in sorted(gucs.GUCS.values(), key=lambda g: g.name.lower()):
                if guc.name in gucs.NO_SHOW_ALL:
                    continue
                rows.append((guc.name, self._show(guc.name),
                             gucs.DESCRIPTIONS.get(guc.name.lower(), "")))
            return rows
        value = self._current_setting(command.setting or command.node.name, False)
        return [(value,)]

    def _show(self, name: str) -> str:
        guc = gucs.GUCS.get(name.lower())
        value = self.settings.get(name, "")
        return guc.show(value) if guc is not None else value

    def _set_config(self, name: str, value: str, local: bool) -> str:
        """set_config(): SET [LOCAL] from inside a query; the new value."""
        setting = resolve_setting(name)
        self._cmd_set(q.Command("set", q.SetVar(name, (value,), local), "SET",
                                setting))
        return self._current_setting(name, False)

    def _current_setting(self, name: str, missing_ok: bool) -> str | None:
        guc = gucs.lookup(name)
        if guc is not None:
            return self._show(guc.name)
        if name.lower() in self.settings:
            return self.settings[name.lower()]
        if missing_ok:
            return None
        raise gucs.unrecognized(name)

    def _cmd_copy_query(self, command: q.Command) -> Result:
        """COPY (query) TO STDOUT: the query's rows in COPY's format."""
        node: q.CopyQuery = command.node
        _, plan = self._plan(q.ParsedStatement(node.query, node.source, -1), ())
        if node.error is not None:
            raise node.error
        result = plan.run(self, (), None)
        for column in result.columns:
            if column.type.sql_type is None:
                raise feature_not_supported(
                    f"COPY (query) of a column of type {column.type.name}")
        raw, count = copy_out([c.name for c in result.columns],
                              [c.type.sql_type for c in result.columns],
                              (row for block in chunks(result.rows, self.interrupt)
                               for row in block), node.options, self._format_settings())
        return Result((), [], f"COPY {count}", raw=raw)

    # ---- cursors (`twinning/cursors.py`)
    def _declare(self, command: q.Command, params: tuple) -> Result:
        """DECLARE: the query runs now, on the transaction's snapshot,
        with the statement's parameters (the extended protocol's)."""
        node: q.DeclareCursor = command.node
        if not node.hold and not self._txn.state.explicit:
            raise no_active_sql_transaction("DECLARE CURSOR can only be used in "
                                            "transaction blocks")
        if node.name in self._cursors:
            raise duplicate_cursor(f'cursor "{node.name}" already exists')
        _, plan = self._plan(q.ParsedStatement(node.query, node.source, -1),
                             command.param_types)
        result = plan.run(self, params, None)
        self._cursors[node.name] = Cursor(
            node.name, result.columns, list(result.rows),
            no_scroll=node.no_scroll, hold=node.hold, transaction=self._txn,
            statement=node.source)
        return Result((), [], command.tag)

    def _cmd_fetch(self, command: q.Command) -> Result:
        node: q.Fetch = command.node
        cursor = self._cursors.get_or_fail(node.name)
        rows = cursor.fetch(node.direction, node.count, node.move)
        if node.move:
            return Result((), [], f"MOVE {len(rows)}")
        return Result(cursor.columns, rows, f"FETCH {len(rows)}")

    def _cmd_close(self, command: q.Command) -> None:
        name = command.node.name
        if name is None:
            self._cursors.clear()
        else:
            del self._cursors[self._cursors.get_or_fail(name).name]

    def _cmd_discard(self, command: q.Command) -> None:
        """DISCARD: PLANS changes nothing a client sees (the twin's caches
        are invisible); ALL is all of them plus RESET ALL and DEALLOCATE
        ALL, outside a transaction block."""
        what = command.node.what
        if what == "ALL":
            if self._txn.state.is_transaction_block:
                raise active_sql_transaction("DISCARD ALL cannot run inside a "
                                             "transaction block")
            self._reset_all()
            self._prepared.clear()
            self._portals.clear()
            self._cursors.clear()
            self.notifications.unlisten(None)  # UNLISTEN *, at its commit
        if what in ("ALL", "SEQUENCES"):
            self.sequences.discard()
        if what in ("ALL", "TEMP"):
            self._drop_temporary()

    # ---- pg_terminate_backend / pg_cancel_backend
    def _signal_backend(self, kind: str, pid: int) -> bool:
        """Cancel another session's statement, or end a session: its
        client gets FATAL 57P01 (this session's own at once)."""
        target = self.engine.session_of(pid)
        if target is None:
            self._warn(WARNING, f"PID {pid} is not a PostgreSQL backend "
                       "process")
            return False
        if kind == "cancel":
            target.interrupt.cancel()
        elif target is self:
            raise admin_shutdown("terminating connection due to "
                                 "administrator command", severity="FATAL")
        elif target.terminate is not None:
            target.terminate()  # the server's: FATAL to its client, close
        else:
            target.interrupt.cancel()
        return True

    # ---- LISTEN / NOTIFY (`twinning/notify.py`): at commit
    def _cmd_listen(self, command: q.Command) -> None:
        self.notifications.listen(command.node.channel)

    def _cmd_unlisten(self, command: q.Command) -> None:
        self.notifications.unlisten(command.node.channel)

    def _cmd_notify(self, command: q.Command) -> None:
        self.notifications.notify(command.node.channel,
                                  command.node.payload or "")

    # ---- prepared statements (SQL level)
    def _format_settings(self) -> FormatSettings:
        key = _format_key(self.settings)
        cached = self._format
        if cached[0] != key:
            cached = self._format = (key, FormatSettings(
                key[0], key[1], key[2], int(key[3]), key[4]))
        return cached[1]

    def _warn(self, sqlstate: str, message: str, severity: str = "WARNING",
              detail: str | None = None) -> None:
        threshold = self.settings.get("client_min_messages", "notice")
        if _MESSAGE_LEVELS.index(severity.lower()) < _MESSAGE_LEVELS.index(threshold):
            return
        shown = "DEBUG" if severity.startswith("DEBUG") else severity
        self._notices.append(encode_notice(SqlError(
            sqlstate, message, severity=shown, detail=detail)))

    def _take_notices(self) -> list[bytes]:
        notices, self._notices = self._notices, []
        return notices

    def _reports(self) -> bytes:
        """ParameterStatus for each reported setting whose value changed
        (the raw values are compared first: most statements change none)."""
        settings = self.settings
        try:
            raw = _reported_values(settings)
        except KeyError:  # a reported setting missing: compare them all
            raw = tuple([settings.get(name) for name in _REPORTED])
        notes = self.notifications.take() if self._txn is None else b""
        if raw == self._reported_raw:
            return notes
        self._reported_raw = raw
        out = []
        for name in _REPORTED:
            shown = self._show(name)
            if self._reported.get(name) != shown:
                self._reported[name] = shown
                out.append(ParameterStatus(name, shown).encode())
        return notes + b"".join(out)

    def _result_codec(self, columns: tuple, formats: tuple
                      ) -> tuple[bytes, ResultEncoder]:
        """RowDescription bytes and the DataRow encoder of a result shape,
        made once per shape and format settings (a cached plan's columns
        are the same tuple each time, so identity finds them)."""
        settings = self._format_settings()
        key = (id(columns), formats)
        hit = self._results.get(key)
        if hit is not None and hit[0] is columns and hit[1] is settings:
            return hit[2], hit[3]
        catalog = self._txn.store.catalog if self._txn is not None \
            else self.engine.catalog
        codec = (row_description(columns, formats,
                                 lambda name: relation_oid(catalog, name)),
                 ResultEncoder(columns, formats, settings))
        if len(self._results) > 256:
            self._results.clear()
        self._results[key] = (columns, settings) + codec
        return codec

    def activity(self) -> tuple[str, Any]:
        """pg_stat_activity's view, read from any thread: the transaction
        status ('I', 'T', 'E') and the open transaction's start, or None."""
        txn = self._txn
        return self.transaction_status(), txn.started if txn else None


def _txn_option_values(options: q.TxnOptions) -> dict[str, str]:
    """BEGIN / SET TRANSACTION options as settings (refused ones raise)."""
    out = {}
    for name, value in (("transaction_isolation", options.isolation),
                        ("transaction_read_only", _onoff(options.read_only)),
                        ("transaction_deferrable", _onoff(options.deferrable))):
        if value is not None:
            out[name] = gucs.GUCS[name].normalize(value)
    return out


_PUBLIC = ("public",)  # the search path of a default session
_TRANSACTION_DEFAULTS = tuple((name, "default_" + name) for name in (
    "transaction_isolation", "transaction_read_only", "transaction_deferrable"))
_LIST_ITEM = re.compile(r'"(?:[^"]|"")*"|[^,\s]+')
# in guc.c's order (by name), as ReportChangedGUCOptions sends them
_REPORTED = tuple(g.name for g in gucs.REPORTED)
_STARTS: dict[tuple, tuple] = {}  # reported settings → startup's ParameterStatus
_reported_values = operator.itemgetter(*_REPORTED)
_format_key = operator.itemgetter("DateStyle", "IntervalStyle", "TimeZone",
                                  "extra_float_digits", "bytea_output")


def _onoff(flag: bool | None) -> str | None:
    return None if flag is None else ("on" if flag else "off")




def _parse_options(options: str) -> list[tuple[str, str]]:
    """The startup `options` string: `-c name=value` and `--name=value`,
    backslash escaping spaces, as pg_split_opts and process_postgres_switches
    read it."""
    words: list[str] = []
    current: list[str] = []
    escaped = False
    for ch in options:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch.isspace():
            if current:
                words.append("".join(current))
                current = []
        else:
            current.append(ch)
    if current:
        words.append("".join(current))
    out = []
    i = 0
    while i < len(words):
        word = words[i]
        if word == "-c" and i + 1 < len(words):
            word, i = "--" + words[i + 1], i + 1
        elif word.startswith("-c"):
            word = "--" + word[2:]
        if not word.startswith("--") or "=" not in word:
            raise SqlError(FEATURE_NOT_SUPPORTED, f'startup option "{word}" is not supported '
                                         "by twinning", severity="FATAL")
        name, _, value = word[2:].partition("=")
        out.append((name.replace("-", "_"), value))
        i += 1
    return out
