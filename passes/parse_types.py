"""CREATE TYPE … AS ENUM, ALTER TYPE, CREATE DOMAIN and ALTER DOMAIN as
DDL definitions.

These statements need no lowering (labels are strings, names stay as
written), so they are converted straight into `ir/ddl.py` definitions,
which `lower_ddl` passes through; `passes/parse.py` dispatches to them.
"""

from __future__ import annotations

from pglast import ast
from pglast.enums import ConstrType, DropBehavior, ObjectType

from twinning.ir import ddl as d
from twinning.passes.parse_expr import (ExprConverter, Unsupported, loc,
                                        names, type_spec)


def create_enum(node: ast.CreateEnumStmt) -> list:
    return [d.EnumDef(names(node.typeName),
                      tuple(v.sval for v in node.vals or ()), loc(node))]


def alter_enum(node: ast.AlterEnumStmt) -> list:
    return [d.AlterEnumDef(names(node.typeName), node.newVal, node.oldVal,
                           node.newValNeighbor, bool(node.newValIsAfter),
                           bool(node.skipIfNewValExists), loc(node))]


def rename_type(node: ast.RenameStmt) -> list:
    """ALTER TYPE|DOMAIN … RENAME TO, ALTER DOMAIN … RENAME CONSTRAINT."""
    kind = node.renameType
    if kind == ObjectType.OBJECT_DOMCONSTRAINT:
        return [d.RenameTypeDef(names(node.object), node.newname, loc(node),
                                True, node.subname)]
    if kind not in (ObjectType.OBJECT_TYPE, ObjectType.OBJECT_DOMAIN):
        what = ObjectType(kind).name.removeprefix("OBJECT_")
        raise Unsupported(f"RENAME of a {what.lower().replace('_', ' ')}",
                          loc(node))
    return [d.RenameTypeDef(names(node.object), node.newname, loc(node),
                            kind == ObjectType.OBJECT_DOMAIN)]


# -- domains -----------------------------------------------------------------------

# a subquery is kept as a SubLink without its query: typing refuses it
# with PostgreSQL's message (cannot use subquery in …)
_expr = ExprConverter(select=lambda node: None)

_DOMAIN_CONSTRAINTS = {
    ConstrType.CONSTR_DEFAULT: "default", ConstrType.CONSTR_NOTNULL: "not_null",
    ConstrType.CONSTR_NULL: "null", ConstrType.CONSTR_CHECK: "check",
    ConstrType.CONSTR_UNIQUE: "unique", ConstrType.CONSTR_PRIMARY: "primary key",
    ConstrType.CONSTR_EXCLUSION: "exclusion",
    ConstrType.CONSTR_FOREIGN: "foreign key",
    ConstrType.CONSTR_ATTR_DEFERRABLE: "deferrability",
    ConstrType.CONSTR_ATTR_NOT_DEFERRABLE: "deferrability",
    ConstrType.CONSTR_ATTR_DEFERRED: "deferrability",
    ConstrType.CONSTR_ATTR_IMMEDIATE: "deferrability"}


def _domain_constraint(c: ast.Constraint) -> tuple:
    kind = _DOMAIN_CONSTRAINTS.get(c.contype)
    if kind is None:
        raise Unsupported(f"{ConstrType(c.contype).name} on a domain", loc(c))
    if kind == "check" and c.is_no_inherit:
        kind = "no inherit"
    expr = _expr(c.raw_expr) if kind in ("default", "check") else None
    return kind, c.conname, expr, loc(c)


def create_domain(node: ast.CreateDomainStmt) -> list:
    spec = type_spec(node.typeName)
    collation = names(node.collClause.collname) if node.collClause else None
    return [d.DomainDef(names(node.domainname), spec, tuple(
        _domain_constraint(c) for c in node.constraints or ()), collation,
        loc(node))]


_ALTER_DOMAIN = {"T": "set_default", "N": "drop_not_null", "O": "set_not_null",
                 "C": "add_check", "X": "drop_constraint", "V": "validate"}


def alter_domain(node: ast.AlterDomainStmt) -> list:
    action = _ALTER_DOMAIN[node.subtype]
    name = names(node.typeName)
    if action == "set_default":
        return [d.AlterDomainDef(name, action, _expr(node.def_) if node.def_
                                 else None, location=loc(node))]
    if action == "add_check":
        kind, conname, expr, where = _domain_constraint(node.def_)
        if kind != "check":
            return [d.AlterDomainDef(name, "add_" + kind.replace(" ", "_"),
                                     location=where)]
        return [d.AlterDomainDef(name, action, expr, conname,
                                 bool(node.def_.skip_validation),
                                 location=loc(node))]
    return [d.AlterDomainDef(name, action, None, node.name, False,
                             bool(node.missing_ok),
                             node.behavior == DropBehavior.DROP_CASCADE,
                             loc(node))]


def create_composite(node: ast.CompositeTypeStmt) -> list:
    """CREATE TYPE name AS (attribute type, …)."""
    rel = node.typevar
    name = tuple(p for p in (rel.catalogname, rel.schemaname, rel.relname) if p)
    attributes = []
    for col in node.coldeflist or ():
        if col.collClause is not None:
            raise Unsupported("COLLATE on a composite type attribute",
                              loc(col.collClause))
        attributes.append((col.colname, type_spec(col.typeName)))
    return [d.CompositeTypeDef(name, tuple(attributes), loc(node))]


_ATTRIBUTE_ACTIONS = {"AT_AddColumn": "add", "AT_DropColumn": "drop",
                      "AT_AlterColumnType": "type"}


def alter_composite(node: ast.AlterTableStmt) -> list:
    """ALTER TYPE name ADD|DROP [IF EXISTS]|ALTER ATTRIBUTE …[, …]."""
    from pglast.enums import AlterTableType
    actions = []
    for cmd in node.cmds:
        kind = AlterTableType(cmd.subtype).name
        action = _ATTRIBUTE_ACTIONS.get(kind)
        if action is None:  # CASCADE reaches typed tables: the twin has none
            raise Unsupported(f"ALTER TYPE … {kind.removeprefix('AT_')}",
                              loc(node))
        if action == "drop":
            actions.append(("drop", cmd.name, bool(cmd.missing_ok)))
            continue
        col = cmd.def_
        if col.collClause is not None:
            raise Unsupported("COLLATE on a composite type attribute",
                              loc(col.collClause))
        actions.append((action, col.colname if action == "add" else cmd.name,
                        type_spec(col.typeName)))
    rel = node.relation
    name = tuple(p for p in (rel.catalogname, rel.schemaname, rel.relname) if p)
    return [d.AlterCompositeDef(name, tuple(actions), loc(node))]


def rename_attribute(node: ast.RenameStmt) -> list:
    """ALTER TYPE name RENAME ATTRIBUTE a TO b."""
    rel = node.relation
    name = tuple(p for p in (rel.catalogname, rel.schemaname, rel.relname) if p)
    return [d.AlterCompositeDef(name, (("rename", node.subname, node.newname),),
                                loc(node))]
