"""CREATE / DROP / ALTER DATABASE … RENAME TO as `ir.query.DatabaseCommand`.

The twin holds many databases (`twinning/databases.py`): a new one is a
fork of its template's committed state. Only what that model runs is
accepted: CREATE DATABASE's TEMPLATE option (others — OWNER, ENCODING,
LOCALE, IS_TEMPLATE, … — are 0A000 by name), DROP DATABASE [IF EXISTS]
[WITH (FORCE)], and ALTER DATABASE … RENAME TO; every other ALTER
DATABASE form is refused by the statement name as before.
"""

from __future__ import annotations

from typing import Any

from pglast import ast
from pglast.enums import ObjectType

from twinning.ir import query as q
from twinning.passes.parse_expr import Unsupported


def is_database_statement(node: Any) -> bool:
    return isinstance(node, (ast.CreatedbStmt, ast.DropdbStmt)) or (
        isinstance(node, ast.RenameStmt)
        and node.renameType == ObjectType.OBJECT_DATABASE)


def database_command(node: Any) -> q.DatabaseCommand:
    if isinstance(node, ast.CreatedbStmt):
        template = None
        for option in node.options or ():
            if option.defname != "template":
                raise Unsupported("CREATE DATABASE … "
                                  f"{option.defname.upper()}", -1)
            arg = option.arg
            if arg is not None and not isinstance(arg, ast.String):
                raise Unsupported("CREATE DATABASE … TEMPLATE of this form", -1)
            template = arg.sval if arg is not None else None  # DEFAULT
        return q.DatabaseCommand("create", node.dbname, template)
    if isinstance(node, ast.DropdbStmt):
        force = False
        for option in node.options or ():
            if option.defname != "force":
                raise Unsupported("DROP DATABASE … WITH "
                                  f"({option.defname.upper()})", -1)
            force = True
        return q.DatabaseCommand("drop", node.dbname,
                                 missing_ok=bool(node.missing_ok), force=force)
    return q.DatabaseCommand("rename", node.subname, new_name=node.newname)
