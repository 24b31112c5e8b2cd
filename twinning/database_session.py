"""`DatabaseSession`: a `Session` that connects to the database its
startup message names, and runs CREATE / DROP / ALTER DATABASE.

The server makes every session on the twin's base engine (`postgres`)
before the startup message arrives; `on_startup` moves it onto the named
database's engine (its store, sequences, LISTEN channels, advisory locks)
once, so the statement path is the plain `Session`'s. A database that does
not exist is PostgreSQL's FATAL 3D000 after authentication (InitPostgres
looks the database up once the client has authenticated), template0 its
FATAL 55000.
"""

from __future__ import annotations

from typing import Any, Mapping

from twinning import determinism
from twinning.databases import Databases
from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SUCCESSFUL_COMPLETION, SqlError,
    active_sql_transaction, database_does_not_exist,
    object_not_in_prerequisite_state,
)
from twinning.ir import query as q
from twinning.session import Session
from twinning.wire.connection import AuthMethod, SessionStart


class DatabaseSession(Session):
    """A session of one of the twin's databases."""

    _missing: SqlError | None = None
    # set after CREATE DATABASE: its client is likely to connect to the
    # new database before it sends here again (the server does not poll)
    client_pauses = False

    def on_startup(self, params: Mapping[str, str]) -> AuthMethod:
        databases = Databases.of(self.engine)
        found = databases.get(params["database"])
        if found is None:
            self._missing = database_does_not_exist(params["database"],
                                                    severity="FATAL")
        elif not found.allow_connections:
            self._missing = object_not_in_prerequisite_state(
                f'database "{found.name}" is not currently accepting '
                "connections", severity="FATAL")
        elif found.engine is not self.engine:
            _attach(self, found.engine)
        return super().on_startup(params)

    def on_authenticated(self) -> SessionStart:
        if self._missing is not None:
            raise self._missing
        determinism.bind(self.engine)  # this thread serves only this session
        return super().on_authenticated()

    def on_disconnect(self) -> None:
        try:
            super().on_disconnect()
        finally:
            databases = self.engine.databases
            if databases is not None:
                databases.left()

    def _cmd_database(self, command: q.Command) -> str:
        """CREATE / DROP / ALTER DATABASE (`Databases`): outside a
        transaction block, as PostgreSQL's PreventInTransactionBlock."""
        node: q.DatabaseCommand = command.node
        databases = Databases.of(self.engine)
        in_block = self._txn.state.is_transaction_block
        if node.action == "create":
            if in_block:
                raise active_sql_transaction("CREATE DATABASE cannot run inside a "
                                             "transaction block")
            databases.create(node.name, node.template)
            self.client_pauses = True
        elif node.action == "drop":
            if in_block:
                raise active_sql_transaction("DROP DATABASE cannot run inside a "
                                             "transaction block")
            notice = databases.drop(node.name, node.missing_ok, self.engine,
                                    node.force)
            if notice is not None:
                self._warn(SUCCESSFUL_COMPLETION, notice, severity="NOTICE")
        else:
            if in_block:
                raise SqlError(FEATURE_NOT_SUPPORTED, "ALTER DATABASE … RENAME TO inside a "
                                             "transaction block is not supported by twinning")
            databases.rename(node.name, node.new_name, self.engine)
        return command.tag


    # -- the twin's own functions (passes/expr/twinning_ops.py)
    def twinning_reset(self) -> str:
        """twinning.reset(): the database back to the state it was made,
        loaded or restored from (the store's origin version), outside a
        transaction block; the twin's journal cannot record it, and other
        sessions' temporary tables would be lost with the catalog."""
        if self._txn is not None and self._txn.state.is_transaction_block:
            raise active_sql_transaction("twinning.reset() cannot run inside a "
                                         "transaction block")
        store = self.engine.store
        if store.journal is not None:
            raise SqlError(FEATURE_NOT_SUPPORTED, "twinning.reset() is not supported with "
                                         "--journal")
        if any(t.name.schema.startswith("pg_temp_")
               for t in store.catalog.tables):
            raise SqlError(FEATURE_NOT_SUPPORTED, "twinning.reset() while temporary tables "
                                         "exist is not supported by twinning")
        store.reset()
        return ""

    def twinning_snapshot_hash(self) -> str:
        """twinning.snapshot_hash(): the newest committed state's hash, as
        a snapshot of this database would record it."""
        from twinning.snapshot import state_hash
        return state_hash(self.engine.committed_state())


def _attach(session: Session, engine: Any) -> None:
    """Move a session made on the base engine, before its first
    statement, onto another database's engine: what `Session.__init__`
    took from the engine is taken again from this one (the listener and
    advisory objects stay: the server holds the listener)."""
    session.engine = engine
    session.sequences = engine.store.session()
    session.notifications._channels = engine.channels
    session.advisory._table = engine.advisory
