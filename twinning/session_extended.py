"""The extended query protocol and SQL's PREPARE/EXECUTE/DEALLOCATE: the
half of a session that keeps prepared statements and portals.

Parse plans a statement once (on the catalog the transaction sees) and
keeps it by name; Bind decodes the parameters (typreceive for binary, the
input function for text, each decoder made once per statement, formats
and format settings) into a portal; Describe answers from the plan's
columns; Execute runs the plan once per portal and sends its rows in
pieces of max_rows (PortalSuspended between); Sync ends the implicit
transaction, as PostgreSQL's finish_xact_command. A mixin of `Session`,
whose transactions, results and notices it uses.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

from twinning import trace
from twinning.copy_sink import CopySink
from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, duplicate_cursor,
    duplicate_prepared_statement, protocol_violation, syntax_error,
)
from twinning.execute import formats_for
from twinning.ir import query as q
from twinning.passes.resolve import result_type_of_oid
from twinning.passes.statements import execute_arguments
from twinning.session_records import (TEXT_FORMATS, Portal, Prepared, Result,
                                      command_complete, no_portal,
                                      no_statement, tag_rows)
from twinning.valueio import recv_function, text_input
from twinning.values.settings import FormatSettings
from twinning.wire.connection import CopyIn, Reply
from twinning.wire.messages import (BIND_COMPLETE_MSG, CLOSE_COMPLETE_MSG,
                                    EMPTY_QUERY_RESPONSE_MSG, NO_DATA_MSG,
                                    PARSE_COMPLETE_MSG, PORTAL_SUSPENDED_MSG,
                                    Bind, Close, Describe, Execute,
                                    FunctionCall, ParameterDescription, Parse)

__all__ = ["ExtendedQuery"]


def _fails_the_transaction(arrive: bool) -> Callable:
    """The handler of one extended-protocol message: an SqlError out of it
    fails the transaction (`_failed`) on its way to the client. `arrive`:
    the message starts the statement's clock (Parse, Execute)."""
    def wrap(handler: Callable) -> Callable:
        @functools.wraps(handler)
        def run(self: Any, message: Any) -> Any:
            if arrive:
                self.interrupt.arrive()
            try:
                return handler(self, message)
            except SqlError:
                self._failed()
                raise
        return run
    return wrap


class ExtendedQuery:
    """Parse/Bind/Describe/Execute/Close/Sync and PREPARE/EXECUTE/
    DEALLOCATE (a mixin of `Session`)."""

    _prepared: dict[str, Prepared]
    _portals: dict[str, Portal]

    @_fails_the_transaction(arrive=True)
    def on_parse(self, message: Parse) -> bytes:
        parsed = self.engine.parse(message.query)
        if len(parsed.statements) > 1:
            raise syntax_error("cannot insert multiple commands into "
                               "a prepared statement")
        stmt = parsed.statements[0] if parsed.statements else None
        self._check_aborted(stmt.node if stmt else None)
        if message.name and message.name in self._prepared:
            raise duplicate_prepared_statement(f'prepared statement "{message.name}" '
                                               "already exists")
        self._begin("single")
        declared = tuple(result_type_of_oid(o, self._catalog_now)
                         for o in message.param_oids)
        if stmt is None:
            prepared = Prepared(None, tuple(t or q.TEXT for t in declared))
        else:
            try:
                schema, plan = self._plan(stmt, declared)
            except SqlError as exc:
                self._trace(stmt, "extended", None, trace.failure(exc),
                            declared)
                self._count_refusal(stmt, exc)
                raise
            types = plan.param_types \
                if not isinstance(plan, q.CommandPlan) else \
                tuple(t or q.TEXT for t in declared)
            if len(types) < len(declared):
                types = types + tuple(t or q.TEXT for t in declared[len(types):])
            prepared = Prepared(plan, types, stmt.node, stmt, declared,
                                 schema=schema)
        self._prepared[message.name] = prepared
        return PARSE_COMPLETE_MSG

    @_fails_the_transaction(arrive=False)
    def on_bind(self, message: Bind) -> bytes:
        prepared = self._prepared.get(message.statement)
        if prepared is None:
            raise no_statement(message.statement)
        self._check_aborted(prepared.node)
        needed = len(prepared.param_types)
        if len(message.params) != needed:
            raise protocol_violation(f"bind message supplies "
                                     f"{len(message.params)} parameters, but prepared "
                                     f'statement "{message.statement}" requires {needed}')
        if message.portal and message.portal in self._portals:
            raise duplicate_cursor(f'cursor "{message.portal}" already exists')
        self._begin("single")
        if prepared.plan is not None and prepared.plan.planning_error:
            raise prepared.plan.planning_error
        params = self._decode_params(message, prepared)
        columns = self._columns(prepared)
        formats = formats_for(message.result_formats, len(columns))
        if columns:
            self._result_codec(columns, formats)  # bad formats fail at Bind
        self._portals[message.portal] = Portal(prepared, params, formats,
                                                columns)
        return BIND_COMPLETE_MSG

    @_fails_the_transaction(arrive=False)
    def on_describe(self, message: Describe) -> bytes:
        if message.kind == "S":
            prepared = self._prepared.get(message.name)
            if prepared is None:
                raise no_statement(message.name)
            columns = self._columns(prepared)
            out = ParameterDescription(
                tuple(t.oid for t in prepared.param_types)).encode()
            return out + (self._result_codec(
                columns, TEXT_FORMATS[len(columns)])[0]
                          if columns else NO_DATA_MSG)
        portal = self._portals.get(message.name)
        if portal is None:
            cursor = self._cursors.get(message.name)
            if cursor is None:
                raise no_portal(message.name)
            columns = cursor.columns  # a cursor is a portal too
            return (self._result_codec(columns, TEXT_FORMATS[len(columns)])[0]
                    if columns else NO_DATA_MSG)
        return (self._result_codec(portal.columns, portal.formats)[0]
                if portal.columns else NO_DATA_MSG)

    @_fails_the_transaction(arrive=True)
    def on_execute(self, message: Execute) -> Reply:
        portal = self._portals.get(message.portal)
        if portal is None:
            raise no_portal(message.portal)
        prepared = portal.prepared
        if prepared.plan is None:
            return EMPTY_QUERY_RESPONSE_MSG
        self._check_aborted(prepared.node)
        self._begin("single")
        out: list[bytes] = []
        if portal.result is None:
            try:
                portal.result = self._run_prepared(prepared, portal.params)
            except SqlError as exc:
                self._trace(prepared.stmt, "extended", prepared.plan,
                            trace.failure(exc), prepared.declared)
                self._count_refusal(prepared.stmt, exc)
                raise
            if self.engine.trace is not None:
                self._trace(prepared.stmt, "extended", prepared.plan,
                            trace.success(portal.result.tag,
                                          len(portal.result.rows)),
                            prepared.declared)
        result = portal.result
        out.extend(self._take_notices())
        if result.copy is not None:
            portal.result = None  # a COPY portal runs once per Execute
            return CopyIn(b"".join(out) + result.copy_response,
                          CopySink(self, result.copy, None, "single"))
        if result.raw is not None:
            return b"".join(out) + result.raw
        rows = result.rows[portal.sent:]
        limit = message.max_rows
        # PostgreSQL stops at max_rows without looking further
        suspended = 0 < limit <= len(rows)
        if suspended:
            rows = rows[:limit]
        if rows:
            out.append(self._result_codec(portal.columns, portal.formats)[1]
                       .encode(rows))
        portal.sent += len(rows)
        if suspended:
            out.append(PORTAL_SUSPENDED_MSG)
        else:
            out.append(command_complete(
                result.tag if not result.columns or result.tag != "SELECT"
                else tag_rows("SELECT", len(rows))))
        return b"".join(out)

    def on_close(self, message: Close) -> bytes:
        if message.kind == "S":
            self._prepared.pop(message.name, None)
        else:
            self._portals.pop(message.name, None)
        return CLOSE_COMPLETE_MSG

    def on_sync(self) -> bytes:
        self.interrupt.finish()  # finish_xact_command: no statement runs
        if self._txn is not None and not self._txn.state.explicit:
            self._end_transaction(commit=not self._txn.failed)
        return self._reports()

    def on_function_call(self, message: FunctionCall) -> bytes:
        raise SqlError(FEATURE_NOT_SUPPORTED, "fastpath function calls are not supported "
                                     "by twinning")

    # ---- PREPARE, EXECUTE, DEALLOCATE
    def _cmd_prepare(self, command: q.Command) -> None:
        node: q.ResolvedPrepare = command.node
        if node.name in self._prepared:
            raise duplicate_prepared_statement(f'prepared statement "{node.name}" already '
                                               "exists")
        declared = node.declared
        body = q.ParsedStatement(node.body, node.body_source or
                                 f"PREPARE {node.name}")
        schema, plan = self._plan(body, declared)
        self._prepared[node.name] = Prepared(plan, plan.param_types, node.body,
                                              body, declared, schema=schema)

    def _cmd_execute(self, command: q.Command) -> Result:
        node: q.Execute = command.node
        prepared = self._prepared.get(node.name)
        if prepared is None:
            raise no_statement(node.name)
        expected = len(prepared.param_types)
        if len(node.args) != expected:
            raise syntax_error("wrong number of parameters for prepared "
                               f'statement "{node.name}"', detail=f"Expected "
                               f"{expected} parameters but got {len(node.args)}.")
        params = execute_arguments(node.args, prepared.param_types)(
            self._context())
        if prepared.plan is None:
            return Result((), [], "EXECUTE")
        result = self._run_prepared(prepared, params)
        if result.tag == "SELECT":
            result.tag = tag_rows("SELECT", len(result.rows))
        return result

    def _cmd_deallocate(self, command: q.Command) -> None:
        name = command.node.name
        if name is None:
            self._prepared.clear()
        elif self._prepared.pop(name, None) is None:
            raise no_statement(name)

    def _columns(self, prepared: Prepared) -> tuple[q.Column, ...]:
        plan = prepared.plan
        if plan is None:
            return ()
        if isinstance(plan, q.CommandPlan) and plan.command.op == "execute":
            inner = self._prepared.get(plan.command.node.name)
            return self._columns(inner) if inner is not None else ()
        if isinstance(plan, q.CommandPlan) and plan.command.op == "fetch" \
                and not plan.command.node.move:  # the cursor's, as it is now
            cursor = self._cursors.get(plan.command.node.name)
            return cursor.columns if cursor is not None else ()
        return plan.columns

    # ---- parameters and output
    def _decode_params(self, message: Bind, prepared: Prepared) -> tuple:
        formats = message.param_formats
        decoders = self._param_decoders(prepared, formats)
        try:
            return tuple([None if raw is None else decode(raw)
                          for raw, decode in zip(message.params, decoders)])
        except SqlError:
            pass  # decoded again one at a time, to name the parameter
        for i, (raw, decode) in enumerate(zip(message.params, decoders)):
            if raw is None:
                continue
            try:
                decode(raw)
            except SqlError as exc:
                portal = ("unnamed portal" if not message.portal
                          else f'portal "{message.portal}"')
                fmt = formats[i] if len(formats) > 1 else (
                    formats[0] if formats else 0)
                # log_parameter_max_length_on_error = 0 shows no value
                exc.where = (f"{portal} parameter ${i + 1} = '...'" if fmt == 0
                             else f"{portal} parameter ${i + 1}")
                raise
        raise AssertionError("a parameter failed to decode only once")

    def _param_decoders(self, prepared: Prepared, formats: tuple) -> tuple:
        """Each parameter's bytes → value function for these formats, made
        once per prepared statement, formats and format settings."""
        settings = self._format_settings()
        key = (formats, settings)
        hit = prepared.decoders.get(key)
        if hit is None:
            hit = prepared.decoders[key] = tuple(
                _param_decoder(rtype, i, formats[i] if len(formats) > 1 else
                               (formats[0] if formats else 0), settings)
                for i, rtype in enumerate(prepared.param_types))
        return hit


def _param_decoder(rtype: q.ResultType, index: int, fmt: int,
                   settings: FormatSettings) -> Callable[[bytes], Any]:
    """Bind's parameter value → Python value: typreceive for binary, the
    input function (and the type's typmod) for text."""
    if fmt == 1:
        return recv_function(rtype, index + 1)
    try:
        convert = text_input(rtype, settings)
    except SqlError as exc:  # raised for a value, not for a NULL
        error = exc

        def fail(raw: bytes) -> Any:
            raise error
        return fail
    return lambda raw: convert(raw.decode("utf-8"))
