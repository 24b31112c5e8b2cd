"""The session's DDL: statements that change the catalog.

`DdlCommands` is mixed into `twinning.session.Session`: the handlers of
DDL statements (`_cmd_ddl`, CREATE TABLE … AS), the one place they are
applied (`_apply_ddl`: the definitions resolved against the catalog the
transaction sees, the store's tables following it, the DDL log written
unless only temporary objects changed), and the temporary tables'
drops (ON COMMIT DROP / DELETE ROWS, session end, DISCARD TEMP). They use
the session's transaction, settings and search path. A DDL statement's
locks are those of the objects it changes (`twinning/ddl_locks.py`).
LOCK TABLE is here too.
"""

from __future__ import annotations

from typing import Any, Callable

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, NO_ACTIVE_SQL_TRANSACTION, SUCCESSFUL_COMPLETION,
    SqlError, check_violation, feature_not_supported, invalid_table_definition,
    no_active_sql_transaction, not_null_violation, notice_fields,
    relation_does_not_exist, schema_does_not_exist, syntax_error,
    undefined_object, wrong_object_type,
)
from twinning.ir import ddl
from twinning.ir import query as q
from twinning.ir.routines import FunctionDef
from twinning.ir.types import RecordType, canonical_name
from twinning.passes.expr.compile import compile_checked
from twinning.passes.resolve_ddl import apply_definitions
from twinning.ddl_locks import (created_names, duplicate_name, exists,
                                 lock_targets)
from twinning.store import Transaction
from twinning.system_catalog import SYSTEM_SCHEMAS
from twinning.system_catalog import lookup as lookup_system
from twinning.system_catalog.names import quote_ident
from twinning.temp_tables import temporary_objects

__all__ = ["DdlCommands"]


class DdlCommands:
    """DDL handlers of a `Session` (see the module's docstring)."""

    def _cmd_ddl(self, command: q.Command) -> str:
        """A DDL statement: its definitions applied to the catalog this
        transaction sees, under the locks of what it changes; the new
        catalog is the transaction's until it commits (and gone if it
        rolls back)."""
        node: q.DdlDefinitions = command.node
        txn = self._txn.store
        txn.statement_start(writes=command.tag,
                            lock_timeout_ms=int(self.settings["lock_timeout"]),
                            cancel=self.interrupt.check)
        txn.context = self._context()  # defaults filling added columns
        before = txn.catalog
        for notice in self._apply_ddl(node.definitions, node.source):
            message, detail, severity, sqlstate = notice_fields(notice)
            self._warn(sqlstate, message, severity=severity, detail=detail)
        tag = self._fill_materialized(node.definitions, before) or command.tag
        txn.statement_end()
        return tag

    def _cmd_do(self, command: q.Command) -> None:
        """DO: the block runs now, as a function of no arguments."""
        from twinning.plpgsql_run import run_do
        txn = self._txn.store
        txn.statement_start(lock_timeout_ms=int(self.settings["lock_timeout"]),
                            cancel=self.interrupt.check)
        self._context()
        run_do(self.routines, command.node)
        txn.statement_end()

    def _fill_materialized(self, definitions: tuple, before: Any) -> str | None:
        """The rows of a materialized view made or refreshed WITH DATA:
        its query run now, in this transaction; CREATE's tag counts them."""
        txn = self._txn.store
        for defn in definitions:
            if isinstance(defn, ddl.ViewDef) and defn.materialized:
                made = [v for v in txn.catalog.views
                        if v.materialized and before.view(v.name) is None]
                if not made or not defn.with_data:
                    return None
                return f"SELECT {self._refill(made[0])}"
            if isinstance(defn, ddl.RefreshViewDef):
                catalog = txn.catalog
                view = catalog.view(catalog.table_named(defn.name,
                                                        self._path[2]))
                txn.truncate([view.name])
                if defn.with_data:
                    self._refill(view)
        return None

    def _refill(self, view: Any) -> int:
        txn = self._txn.store
        plan = self.engine.plan(q.ParsedStatement(view.query, view.definition, -1),
                                catalog=txn.catalog, generation=None,
                                search_path=view.search_path)
        self._planned = txn.schema  # planned on the catalog just made
        rows = plan.run(self, (), None).rows
        count, error = txn.insert_rows(view.name, rows)
        if error is not None:
            raise error
        return count

    def _cmd_create_table_as(self, command: q.Command) -> str:
        """CREATE TABLE … AS / SELECT … INTO: the query planned and run
        first (it cannot see the new table), then a table of its result
        columns made and filled. The DDL log gets the plain CREATE TABLE;
        the rows are data."""
        node: q.CreateTableAs = command.node
        txn = self._txn.store
        schema, plan = self._plan(q.ParsedStatement(node.query, node.source, -1), ())
        columns = plan.columns
        if len(node.columns) > len(columns):
            raise syntax_error("too many column names were specified")
        names = node.columns + tuple(c.name for c in columns[len(node.columns):])
        for name, column in zip(names, columns):
            if column.type.sql_type is not None and isinstance(
                    column.type.sql_type.user, RecordType):
                raise feature_not_supported("CREATE TABLE AS with a column of "
                                            "a composite type")
            if column.type.name in ("record", "void", "unknown"):
                raise invalid_table_definition(f'column "{name}" has pseudo-type '
                                               f"{column.type.name}")
            if column.type.sql_type is None or \
                    canonical_name(column.type.sql_type.name) is None:
                raise feature_not_supported(
                    f"CREATE TABLE AS with a column of type {column.type.name}")
        txn.statement_start(writes="CREATE TABLE AS",
                            lock_timeout_ms=int(self.settings["lock_timeout"]),
                            cancel=self.interrupt.check)
        rows = plan.run(self, (), None).rows if node.with_data else []
        defn = ddl.TableDef(
            node.target, tuple(ddl.ColumnDef(name, column.type.sql_type)
                               for name, column in zip(names, columns)),
            (), node.if_not_exists, -1, node.temporary, node.on_commit)
        # (-1: no position, as PostgreSQL reports none for this target)
        before = txn.catalog
        for notice in self._apply_ddl((defn,), _created_table_ddl):
            message, detail, severity, sqlstate = notice_fields(notice)
            self._warn(sqlstate, message, severity=severity, detail=detail)
        made = [t.name for t in txn.catalog.tables if before.table(t.name) is None]
        count = 0
        if made:  # else IF NOT EXISTS found it
            count, error = txn.insert_rows(made[0], rows)
            if error is not None:
                raise error
        txn.statement_end()
        return f"SELECT {count}" if made and node.with_data else "CREATE TABLE AS"

    def _cmd_set_constraints(self, command: q.Command) -> None:
        """SET CONSTRAINTS: the deferral of DEFERRABLE constraints for the
        rest of the transaction (outside a block: a WARNING, no effect)."""
        node: q.SetConstraints = command.node
        if not self._txn.state.is_transaction_block:
            self._warn(NO_ACTIVE_SQL_TRANSACTION, "SET CONSTRAINTS can only be used in "
                                         "transaction blocks")
            return
        names = None
        if node.names is not None:
            catalog = self._txn.store.catalog
            self._search_path(catalog)
            names = [self._deferrable(catalog, parts) for parts in node.names]
        self._txn.store.set_constraints(names, node.deferred)

    def _cmd_lock(self, command: q.Command) -> None:
        """LOCK TABLE: in a transaction block only; every name a table,
        view or system relation, each table and view locked in the mode
        given, a view's tables with it (nothing the twin does locks a
        system relation: there is nothing to take)."""
        node: q.LockTables = command.node
        if not self._txn.state.is_transaction_block:
            raise no_active_sql_transaction("LOCK TABLE can only be used in "
                                            "transaction blocks")
        txn = self._txn.store
        catalog = txn.catalog
        path = self._search_path(catalog)
        names = []
        for parts in node.names:
            if len(parts) > 1 and parts[0] not in catalog.schemas and \
                    parts[0] not in ("pg_temp", *SYSTEM_SCHEMAS):
                raise schema_does_not_exist(parts[0])
            name = catalog.table_named(parts, path)
            if catalog.table(name) is not None or catalog.view(name) is not None:
                names.append(name)
                continue
            if lookup_system(parts) is not None:
                continue
            if catalog.sequence(name) is not None:
                raise wrong_object_type(f'cannot lock relation "{parts[-1]}"',
                                        detail="This operation is not supported for "
                                        "sequences.")
            raise relation_does_not_exist(".".join(parts))
        seen: set = set()
        while names:  # a view's tables too, as LockViewRecurse
            name = names.pop(0)
            if name in seen:
                continue
            seen.add(name)
            txn.lock_relation(name, node.mode, node.nowait,
                              int(self.settings["lock_timeout"]),
                              self.interrupt.check)
            view = catalog.view(name)
            if view is not None:
                names.extend(view.depends)

    def _deferrable(self, catalog: Any, parts: tuple[str, ...]) -> str:
        """A constraint SET CONSTRAINTS names: in that schema, else along
        the search path; it must be DEFERRABLE."""
        schemas = parts[:1] if len(parts) > 1 else self._path[2]
        found = [k for t in catalog.tables if t.name.schema in schemas
                 for k in t.constraints if k.name == parts[-1]]
        if not found:
            raise undefined_object(f'constraint "{parts[-1]}" does not exist')
        if not all(getattr(k, "deferrable", False) for k in found):
            raise wrong_object_type(f'constraint "{parts[-1]}" is not deferrable')
        return parts[-1]

    def _apply_ddl(self, definitions: tuple,
                   source: str | Callable[[Any, Any], str]) -> tuple:
        """Definitions applied to the transaction's catalog: its new
        catalog, logged unless only temporary objects changed (`source`:
        the text to log, or a function of the catalogs before and after
        that writes it). Returns the NOTICEs. The locks of what changes
        are taken first (`ddl_locks`); DDL committed while they were
        waited for means working the statement out again on the newest
        catalog."""
        txn = self._txn.store
        checks = self.settings.get("check_function_bodies", "on") == "on"
        created: dict = {}
        while True:
            before = txn.catalog
            for key, kind in created.items():  # committed while it waited
                if exists(before, key):
                    raise duplicate_name(before, key, kind)
            self._search_path(before)
            path, temp = self._path[3], self._temp.schema
            resolved = apply_definitions(before, definitions, path, temp, checks)
            after = resolved.catalog
            if after == before and not resolved.converted:
                break
            moved, waited = txn.lock_for_ddl(lock_targets(before, after))
            if not moved:
                break
            made = created_names(before, after)
            created = {key: made[key] for key in waited if key in made}
        for message in resolved.debug:
            self._warn(SUCCESSFUL_COMPLETION, message, severity="DEBUG1")
        self._validate_domains(resolved.validations)
        if after == before and not resolved.converted:
            return resolved.notices
        persistent = after.without_temporary() != before.without_temporary()
        if persistent and temporary_objects(after) != temporary_objects(before):
            raise SqlError(FEATURE_NOT_SUPPORTED, "a statement changing temporary and "
                                         "permanent objects together is not supported by "
                                         "twinning")
        store = self.engine.store
        known = {seq.name for seq in before.sequences}
        for seq in after.sequences:
            if seq.name not in known:
                store.sequences.define(seq)
        if callable(source):
            source = source(before, after)
        written = self._path[3]
        if source and persistent and not checks and any(
                isinstance(d, FunctionDef) for d in definitions):
            # replayed as made: its body is not typed (pg_dump's order)
            source = (f"SET check_function_bodies = false;\n{source};\n"
                      "SET check_function_bodies = true")
        if source and persistent and written != ("public",):
            # the log is replayed under the default path: name the session's
            path = ", ".join(quote_ident(s) for s in written) or "''"
            source = f"SET search_path = {path};\n{source};\nSET search_path = public"
        conversions = {table: {attnum: compile_checked(expr).fn
                               for attnum, expr in converted.items()}
                       for table, converted in resolved.converted.items()}
        def step(catalog: Any) -> Any:  # the statement on a newer catalog
            return apply_definitions(catalog, definitions, path, temp,
                                     checks).catalog
        txn.apply_schema(store.schema_for(after),
                         source if persistent else None, resolved.renamed,
                         conversions, step)
        self._temp.created(after, definitions)
        return resolved.notices

    def _validate_domains(self, validations: tuple) -> None:
        """ALTER DOMAIN's test of the stored values against a constraint
        it adds (validateDomainConstraint, validateDomainNotNullConstraint)."""
        txn, ctx = self._txn.store, self._context()
        for entry in validations:
            if callable(entry):  # ATTACH PARTITION's (resolve_partition)
                entry(txn.scan)
                continue
            table, column, slot, check = entry
            test = None if check is None else compile_checked(check).fn
            for _, row in txn.scan(table):
                value = row[slot]
                if test is None and value is None:
                    raise not_null_violation(f'column "{column}" of table '
                                             f'"{table.name}" contains null values',
                                             schema=table.schema, table=table.name,
                                             column=column)
                if test is not None and value is not None and \
                        test((value,), ctx) is False:
                    raise check_violation(f'column "{column}" of table '
                                          f'"{table.name}" contains values that '
                                          "violate the new constraint",
                                          schema=table.schema, table=table.name,
                                          column=column)

    def _drop_temporary(self) -> None:
        """Session end and DISCARD TEMP: the temporary schema and what is
        in it go."""
        definitions = self._temp.everything(self._txn.store.catalog)
        if definitions:
            self._internal_ddl(definitions)

    def _internal_ddl(self, definitions: tuple) -> None:
        """DDL the session runs on its own (temporary tables' drops):
        no statement of the client's, so no NOTICEs."""
        txn = self._txn.store
        txn.statement_start(writes="DROP TABLE", lock_timeout_ms=0,
                            cancel=self.interrupt.check)
        self._apply_ddl(definitions, "")
        txn.statement_end()

    def _on_commit(self, txn: Transaction) -> None:
        """ON COMMIT DROP and DELETE ROWS of the session's temporary
        tables, just before the transaction commits."""
        drop, delete = self._temp.due(txn.catalog)
        delete = [name for name in delete if txn.count(name)]
        if delete:
            txn.truncate(delete)
        if drop:
            self._internal_ddl(self._temp.drops(drop))


def _created_table_ddl(before: Any, after: Any) -> str:
    """The DDL log's text for a table CREATE TABLE AS made: a plain
    CREATE TABLE of its columns, schema-qualified."""
    (table,) = [t for t in after.tables if before.table(t.name) is None]
    columns = ", ".join(f"{quote_ident(c.name)} {c.type.display()}"
                        for c in table.columns)
    return (f"CREATE TABLE {quote_ident(table.name.schema)}."
            f"{quote_ident(table.name.name)} ({columns})")
