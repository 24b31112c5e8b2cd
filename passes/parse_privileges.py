"""GRANT/REVOKE (privileges on tables, sequences and schemas), CREATE
ROLE/USER/GROUP and DROP ROLE as `ir/privileges.py` definitions, which
`resolve_privileges` applies. Column privileges, other object kinds,
GRANTED BY and role membership are refused by name."""

from __future__ import annotations

from pglast import ast
from pglast.enums import DropBehavior, GrantTargetType, ObjectType, RoleSpecType

from twinning.errors import conflicting_options
from twinning.ir import privileges as p
from twinning.passes.parse_expr import Unsupported, loc

_OBJECTS = {ObjectType.OBJECT_TABLE: "table",
            ObjectType.OBJECT_SEQUENCE: "sequence",
            ObjectType.OBJECT_SCHEMA: "schema"}
_OBJECT_WORDS = {ObjectType.OBJECT_FUNCTION: "FUNCTION",
                 ObjectType.OBJECT_PROCEDURE: "PROCEDURE",
                 ObjectType.OBJECT_ROUTINE: "ROUTINE",
                 ObjectType.OBJECT_DATABASE: "DATABASE",
                 ObjectType.OBJECT_DOMAIN: "DOMAIN",
                 ObjectType.OBJECT_TYPE: "TYPE",
                 ObjectType.OBJECT_LANGUAGE: "LANGUAGE",
                 ObjectType.OBJECT_LARGEOBJECT: "LARGE OBJECT",
                 ObjectType.OBJECT_FDW: "FOREIGN DATA WRAPPER",
                 ObjectType.OBJECT_FOREIGN_SERVER: "FOREIGN SERVER",
                 ObjectType.OBJECT_TABLESPACE: "TABLESPACE",
                 ObjectType.OBJECT_PARAMETER_ACL: "PARAMETER"}


def _role_name(spec: ast.RoleSpec) -> str:
    kind = spec.roletype
    if kind == RoleSpecType.ROLESPEC_PUBLIC:
        return ""
    if kind == RoleSpecType.ROLESPEC_CSTRING:
        return spec.rolename
    # CURRENT_USER, SESSION_USER, CURRENT_ROLE: the twin's superuser
    return "postgres"


def grant(node: ast.GrantStmt) -> list:
    verb = "GRANT" if node.is_grant else "REVOKE"
    if node.targtype == GrantTargetType.ACL_TARGET_DEFAULTS:
        raise Unsupported("ALTER DEFAULT PRIVILEGES", loc(node))
    kind = _OBJECTS.get(node.objtype)
    if kind is None:
        word = _OBJECT_WORDS.get(node.objtype, node.objtype.name)
        raise Unsupported(f"{verb} … ON {word}", loc(node))
    if getattr(node, "grantor", None) is not None:
        raise Unsupported(f"{verb} … GRANTED BY", loc(node))
    privileges = None
    if node.privileges:
        names = []
        for priv in node.privileges:
            if priv.cols:
                raise Unsupported(f"{verb} of column privileges", loc(node))
            names.append(priv.priv_name)
        privileges = tuple(names)
    all_in_schema = node.targtype == GrantTargetType.ACL_TARGET_ALL_IN_SCHEMA
    targets = []
    for obj in node.objects or ():
        if isinstance(obj, ast.RangeVar):
            targets.append(tuple(x for x in (obj.schemaname, obj.relname) if x))
        else:
            targets.append((obj.sval,))
    if not node.is_grant and node.grant_option:
        raise Unsupported("REVOKE GRANT OPTION FOR", loc(node))
    return [p.GrantDef(bool(node.is_grant), kind, tuple(targets), privileges,
                       tuple(_role_name(g) for g in node.grantees),
                       bool(node.grant_option), all_in_schema,
                       node.behavior == DropBehavior.DROP_CASCADE,
                       location=loc(node))]


_ROLE_OPTIONS = {"superuser", "inherit", "createrole", "createdb",
                 "canlogin", "isreplication", "bypassrls", "connectionlimit",
                 "password"}


def create_role(node: ast.CreateRoleStmt) -> list:
    options = []
    seen = set()
    for option in node.options or ():
        name = option.defname
        if name not in _ROLE_OPTIONS:
            raise Unsupported(f"CREATE ROLE option {name.upper()}", loc(node))
        if name in seen:
            raise conflicting_options()
        seen.add(name)
        arg = option.arg
        value = (bool(arg.boolval) if isinstance(arg, ast.Boolean) else
                 arg.ival if isinstance(arg, ast.Integer) else
                 None if arg is None else arg.sval)
        options.append((name, value))
    if node.stmt_type.name == "ROLESTMT_USER" and "canlogin" not in seen:
        options.append(("canlogin", True))
    return [p.RoleDef("create", (node.role,), tuple(options),
                      location=loc(node))]


def drop_role(node: ast.DropRoleStmt) -> list:
    return [p.RoleDef("drop", tuple(_role_name(r) for r in node.roles),
                      if_exists=bool(node.missing_ok), location=loc(node))]


def refuse_grant_role(node: ast.GrantRoleStmt) -> list:
    raise Unsupported("GRANT/REVOKE role", loc(node))


def refuse_alter_role(node: ast.AlterRoleStmt) -> list:
    raise Unsupported("ALTER ROLE", loc(node))
