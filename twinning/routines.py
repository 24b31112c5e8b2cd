"""Running user functions inside a session.

`Routines` is what compiled calls reach (`EvalContext.routines`): it finds
the function in the catalog the statement runs on, and runs an SQL
function's statements or a PL/pgSQL function's body (`plpgsql_run`).
A statement inside a function runs through `Nested`, the plan runner for
inner statements: the same transaction and snapshot as the calling
statement (its own writes visible, as a volatile function's later
commands see them), a context of its own (parameters, subquery results),
no statement start (the caller's snapshot and savepoint stay), NOTICEs
passed on at once. Compiled bodies are kept per catalog: a DDL statement
that changes the catalog starts a new cache.

Errors raised inside carry PostgreSQL's CONTEXT lines (`where`): the
statement or expression and the function and line, innermost first.
"""

from __future__ import annotations

from typing import Any

from twinning.deferred import deferred
from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SUCCESSFUL_COMPLETION, SqlError, notice_fields,
    statement_too_complex, undefined_function,
)
from twinning.execute_triggers import fire_write
from twinning.execute_write import execute_write
from twinning.ir import query as q
from twinning.ir.routines import Function
from twinning.passes.sql_functions import (argument_types, inlinable,
                                           parsed_statements)
from twinning.passes.user_functions import result_rtype
from twinning.routine_common import Result, add_context
from twinning.valueio import cast_function

# PL/pgSQL's interpreter, imported when a PL/pgSQL function first runs
plpgsql_run = deferred("twinning.plpgsql_run", globals(), "plpgsql_run")

MAX_DEPTH = 200  # nested calls before 54001, near PostgreSQL's stack depth


class Nested:
    """The `q.Runner` for statements inside a function."""

    def __init__(self, session: Any) -> None:
        self.session = session

    def _ctx(self, params: tuple) -> Any:
        ctx = self.session._ctx.nested()
        ctx.params = params
        # the transaction itself, not a statement's snapshot (execute_with):
        # a function's queries see what the calling statement wrote so far
        ctx.txn = self.session._txn.store
        return ctx

    def run_read(self, plan: q.ReadPlan, params: tuple) -> Result:
        if plan.planning_error is not None:
            raise plan.planning_error
        rows = plan.query.run(self._ctx(params))
        rows = rows if isinstance(rows, list) else list(rows)
        return Result(plan.columns, rows, len(rows))

    def run_projection(self, plan: q.ProjectionPlan, params: tuple) -> Result:
        if plan.planning_error is not None:
            raise plan.planning_error
        return Result(plan.columns, [plan.row(self._ctx(params), params)], 1)

    def run_write(self, plan: q.WritePlan, params: tuple, rows: Any) -> Result:
        if plan.planning_error is not None:
            raise plan.planning_error
        session = self.session
        ctx = self._ctx(params)
        returned, tag = execute_write(plan.write, session._txn.store,
                                      session.sequences, ctx, None)
        for notice in ctx.notices:
            session._warn(SUCCESSFUL_COMPLETION, notice, severity="NOTICE")
        count = len(returned) if tag == "SELECT" else \
            int(tag.rsplit(" ", 1)[-1])  # SELECT: data-modifying WITH
        return Result(plan.columns, returned, count)

    def run_command(self, plan: q.CommandPlan, params: tuple = ()) -> Result:
        """DDL inside a function (a PL/pgSQL body's CREATE TEMP TABLE):
        applied to the transaction's catalog as the session applies it,
        under the locks of what it changes; other commands (COMMIT,
        SET, …) are refused."""
        command = plan.command
        if command.op != "ddl":
            raise SqlError(FEATURE_NOT_SUPPORTED, f"{command.tag} inside a function is not "
                                         "supported by twinning")
        session = self.session
        session._txn.store.take_writer(command.tag)
        for notice in session._apply_ddl(command.node.definitions,
                                         command.node.source):
            message, detail, severity, sqlstate = notice_fields(notice)
            session._warn(sqlstate, message, severity=severity, detail=detail)
        return Result((), [], 0)

    def run_copy(self, plan: q.CopyPlan, params: tuple) -> Result:
        raise SqlError(FEATURE_NOT_SUPPORTED, "COPY inside a function is not supported by "
                                     "twinning")


class Routines:
    """A session's runner of user functions."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.nested = Nested(session)
        self.depth = 0
        self._catalog: Any = None
        self._compiled: dict = {}

    # -- lookups
    def catalog(self) -> Any:
        session = self.session
        txn = session._txn
        return session.engine.catalog if txn is None else txn.store.catalog

    def compiled(self, fn: Function, make: Any) -> Any:
        """The function's compiled body for the current catalog."""
        catalog = self.catalog()
        if catalog is not self._catalog:
            self._catalog, self._compiled = catalog, {}
        found = self._compiled.get(fn.oid)  # one catalog: one object per OID
        if found is None:
            found = self._compiled[fn.oid] = make(fn, self)
        return found

    def path(self) -> tuple[str, ...]:
        """The search path statements are planned under now."""
        return self.session._search_path(self.catalog())

    def plan(self, stmt: q.ParsedStatement, types: tuple) -> q.Plan:
        session = self.session
        schema, generation = session._txn.store.view()
        return session.engine.plan(
            stmt, types, catalog=schema.catalog, generation=generation,
            search_path=session._search_path(schema.catalog))

    def run(self, stmt: q.ParsedStatement, types: tuple, params: tuple
            ) -> Result:
        return self.plan(stmt, types).run(self.nested, params)

    def coerce(self, value: Any, source: q.ResultType, target: q.ResultType
               ) -> Any:
        """An assignment's value in the target's type (PostgreSQL's
        assignment cast, typmod included)."""
        if value is None or (source.name == target.name
                             and source.typmod == target.typmod):
            return value
        if source.name == "unknown":
            source = q.TEXT
        return cast_function(source, target, self.session._format_settings(),
                             explicit=False)(value)

    def fire_write(self, plan: Any, txn: Any, seq: Any, ctx: Any,
                   rows: list | None) -> tuple | None:
        """A write to a table with triggers (None: none fire for it);
        `execute_write` asks through the context, not by import."""
        return fire_write(plan, txn, seq, ctx, rows)

    # -- calls (EvalContext.routines)
    def _function(self, oid: int) -> Function:
        fn = self.catalog().function_by_oid(oid)
        if fn is None:
            raise undefined_function(f"cache lookup failed for function {oid}")
        return fn

    def call(self, oid: int, args: list, constant: bool = False) -> Any:
        fn = self._function(oid)
        if fn.strict and None in args:
            return None
        return self._enter(fn, args, False, constant)

    def call_set(self, oid: int, args: list) -> list:
        fn = self._function(oid)
        if fn.strict and None in args:
            return []
        return self._enter(fn, args, True)

    def _enter(self, fn: Function, args: list, want_set: bool,
               constant: bool = False) -> Any:
        if self.depth >= MAX_DEPTH:
            raise statement_too_complex("stack depth limit exceeded",
                                        hint='Increase the configuration parameter '
                                        '"max_stack_depth" (currently 2048kB), after '
                                        "ensuring the platform's stack depth limit is "
                                        "adequate.")
        self.session.interrupt.check()
        self.depth += 1
        saved = None
        stack = self.session.settings_stack
        if fn.config:  # SET search_path = …: the call runs under it
            settings = self.session.settings
            saved = {k: settings.get(k) for k, _ in fn.config}
            for name, value in fn.config:
                stack.assign(name, value, True)
        try:
            if fn.language == "sql":
                body = self.compiled(fn, SqlBody)
                return body.run(self, tuple(args), want_set, constant)
            return plpgsql_run.call_function(self, fn, args, want_set)
        finally:
            self.depth -= 1
            if saved is not None:
                for name, value in saved.items():
                    stack.assign(name, value, True)


class SqlBody:
    """An SQL function's statements, parsed once per catalog."""

    def __init__(self, fn: Function, routines: Routines) -> None:
        self.function = fn
        session = routines.session
        catalog = routines.catalog()
        self.statements = parsed_statements(fn, catalog,
                                            session._search_path(catalog))
        self.types = argument_types(fn)
        self.result = result_rtype(fn)
        self.inlined = inlinable(fn)

    def run(self, routines: Routines, args: tuple, want_set: bool,
            constant: bool = False) -> Any:
        fn = self.function
        result = None
        for number, stmt in enumerate(self.statements, 1):
            try:
                result = routines.run(stmt, self.types, args)
            except SqlError as exc:
                if not self.inlined:
                    raise add_context(exc, f'SQL function "{fn.name.name}" '
                                      f"statement {number}")
                if constant:  # folded while the caller was planned
                    raise add_context(exc, f'SQL function "{fn.name.name}" '
                                      "during inlining")
                raise  # inlined into the caller: no frame of its own
        if fn.kind == "void":
            return [] if want_set else None
        rows = result.rows if result is not None else []
        if fn.kind in ("record", "row"):
            return [tuple(row) for row in rows] if want_set else \
                (tuple(rows[0]) if rows else None)
        column = result.columns[0].type if result and result.columns else \
            self.result
        values = [routines.coerce(row[0], column, self.result) for row in rows]
        if want_set:
            return values
        return values[0] if values else None
