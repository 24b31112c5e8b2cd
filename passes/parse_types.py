"""CREATE TYPE … AS ENUM and ALTER TYPE as DDL definitions.

These statements need no lowering (labels are strings, names stay as
written), so they are converted straight into `ir/ddl.py` definitions,
which `lower_ddl` passes through; `passes/parse.py` dispatches to them.
"""

from __future__ import annotations

from pglast import ast
from pglast.enums import ObjectType

from twinning.ir import ddl as d
from twinning.passes.parse_expr import Unsupported, loc, names


def create_enum(node: ast.CreateEnumStmt) -> list:
    return [d.EnumDef(names(node.typeName),
                      tuple(v.sval for v in node.vals or ()), loc(node))]


def alter_enum(node: ast.AlterEnumStmt) -> list:
    return [d.AlterEnumDef(names(node.typeName), node.newVal, node.oldVal,
                           node.newValNeighbor, bool(node.newValIsAfter),
                           bool(node.skipIfNewValExists), loc(node))]


def rename_type(node: ast.RenameStmt) -> list:
    if node.renameType != ObjectType.OBJECT_TYPE:
        what = ObjectType(node.renameType).name.removeprefix("OBJECT_")
        raise Unsupported(f"RENAME of a {what.lower().replace('_', ' ')}",
                          loc(node))
    return [d.RenameTypeDef(names(node.object), node.newname, loc(node))]
