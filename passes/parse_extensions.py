"""CREATE EXTENSION, ALTER EXTENSION … UPDATE, DROP EXTENSION and COMMENT
ON EXTENSION as DDL definitions (`ir/ddl.py` `ExtensionDef`).

Like the type statements they need no lowering; `passes/parse.py`
dispatches to them and `resolve_extensions` applies them.
"""

from __future__ import annotations

from pglast import ast
from pglast.enums import DropBehavior

from twinning.errors import syntax_error
from twinning.ir import ddl as d
from twinning.passes.parse_expr import Unsupported, loc

_OPTIONS = {"schema": "schema", "new_version": "version", "cascade": "cascade"}


def create_extension(node: ast.CreateExtensionStmt) -> list:
    """CreateExtension()'s option loop: each at most once (42601 at the
    second; FROM is the grammar's own 0A000)."""
    given: dict[str, object] = {}
    for option in node.options or ():
        field = _OPTIONS[option.defname]
        if field in given:
            raise syntax_error("conflicting or redundant options",
                               position=_position(option))
        arg = option.arg
        given[field] = (bool(arg.boolval) if isinstance(arg, ast.Boolean)
                        else arg.sval)
    return [d.ExtensionDef("create", (node.extname,), given.get("schema"),
                           given.get("version"), bool(node.if_not_exists),
                           bool(given.get("cascade")), location=loc(node))]


def alter_extension(node: ast.AlterExtensionStmt) -> list:
    """ALTER EXTENSION … UPDATE [TO version]."""
    version = None
    for option in node.options or ():
        if version is not None:
            raise syntax_error("conflicting or redundant options",
                               position=_position(option))
        version = option.arg.sval
    return [d.ExtensionDef("update", (node.extname,), version=version,
                           location=loc(node))]


def alter_extension_contents(node: ast.AlterExtensionContentsStmt) -> list:
    raise Unsupported("ALTER EXTENSION … ADD/DROP", loc(node))


def drop_extension(node: ast.DropStmt) -> list:
    return [d.ExtensionDef("drop", tuple(o.sval for o in node.objects),
                           if_exists=bool(node.missing_ok),
                           cascade=node.behavior == DropBehavior.DROP_CASCADE,
                           location=loc(node))]


def comment_extension(node: ast.CommentStmt) -> list:
    return [d.ExtensionDef("comment", (node.object.sval,),
                           comment=node.comment, location=loc(node))]


def _position(option: ast.DefElem) -> int | None:
    where = loc(option)
    return where + 1 if where >= 0 else None
