"""Lower stage for client statements: resolved → what the session runs.

Only the statement kinds that change shape here have a lower stage (the
table is `passes.STATEMENT_KINDS`); reads and writes are planned from
their resolved form.

A utility statement becomes a `Command` naming its session handler and the
CommandComplete tag PostgreSQL sends (`START TRANSACTION`, `DISCARD ALL`,
`DEALLOCATE ALL`, …; COMMIT of a failed block turning into `ROLLBACK` is
the session's business, since it depends on state). `SET TIME ZONE` is
`SET timezone`, `SHOW ALL` gets its three columns. A SELECT becomes a
`Projection`: output columns with their RowDescription types, and the
typed expressions the planner compiles.

Pure: no session, no settings values.
"""

from __future__ import annotations

from typing import Any

from twinning.ir import query as q
from twinning.ir.routines import DoBlock

__all__ = ["lower_projection", "lower_ddl", "lower_command"]


def lower_projection(resolved: q.ResolvedStatement, env: Any) -> q.Projection:
    node = resolved.node
    return q.Projection(
        tuple(q.Column(c.name, c.expr.type) for c in node.columns),
        tuple(c.expr for c in node.columns), node.param_types)


def lower_ddl(resolved: q.ResolvedStatement, env: Any) -> q.Command:
    node = resolved.node
    return q.Command("ddl", node, node.tag)


def lower_command(resolved: q.ResolvedStatement, env: Any) -> q.Command:
    node = resolved.node
    op, tag = _COMMANDS[type(node)]
    if isinstance(node, q.Begin) and node.start:
        tag = "START TRANSACTION"
    elif isinstance(node, q.Deallocate) and node.name is None:
        tag = "DEALLOCATE ALL"
    elif isinstance(node, q.Discard):
        tag = f"DISCARD {node.what}"
    elif isinstance(node, q.DatabaseCommand):
        tag = ("ALTER DATABASE" if node.action == "rename" else
               f"{node.action.upper()} DATABASE")
    elif isinstance(node, q.CloseCursor) and node.name is None:
        tag = "CLOSE CURSOR ALL"
    return q.Command(op, node, tag, resolved.setting, resolved.param_types)


_COMMANDS = {
    q.Begin: ("begin", "BEGIN"),
    q.Commit: ("commit", "COMMIT"),
    q.Rollback: ("rollback", "ROLLBACK"),
    q.Savepoint: ("savepoint", "SAVEPOINT"),
    q.Release: ("release", "RELEASE"),
    q.RollbackTo: ("rollback_to", "ROLLBACK"),
    q.SetVar: ("set", "SET"),
    q.SetTransaction: ("set_transaction", "SET"),
    q.Reset: ("reset", "RESET"),
    q.Show: ("show", "SHOW"),
    q.Discard: ("discard", "DISCARD"),
    q.CreateTableAs: ("create_table_as", "SELECT"),
    q.DeclareCursor: ("declare", "DECLARE CURSOR"),
    q.CopyQuery: ("copy_query", "COPY"),
    q.Fetch: ("fetch", "FETCH"),
    q.CloseCursor: ("close", "CLOSE CURSOR"),
    q.ResolvedPrepare: ("prepare", "PREPARE"),
    q.Execute: ("execute", "EXECUTE"),
    q.Deallocate: ("deallocate", "DEALLOCATE"),
    q.Listen: ("listen", "LISTEN"),
    q.Unlisten: ("unlisten", "UNLISTEN"),
    q.Notify: ("notify", "NOTIFY"),
    q.SetConstraints: ("set_constraints", "SET CONSTRAINTS"),
    q.LockTables: ("lock", "LOCK TABLE"),
    DoBlock: ("do", "DO"),
    q.DatabaseCommand: ("database", "CREATE DATABASE"),
}


def show_columns(command: q.Command) -> tuple[q.Column, ...]:
    """SHOW's RowDescription: one text column named like the setting, or
    name/setting/description for SHOW ALL."""
    if command.setting is None and command.node.name.lower() == "all":
        return tuple(q.Column(n, q.TEXT) for n in
                     ("name", "setting", "description"))
    return (q.Column(command.setting or command.node.name, q.TEXT),)
