"""CREATE/DROP ROLE and GRANT/REVOKE in the DDL builder (aclchk.c,
user.c): roles become `Role` rows (pg_roles, pg_user), privileges the
objects' ACLs (relacl, nspacl) merged as aclupdate merges them — an
object's first grant materializes its owner's default ACL, a grantee's
item is updated in place or appended, an item left without privileges
goes. Every object belongs to the bootstrap superuser (the public schema
to pg_database_owner), which is the grantor of every grant.

Privileges are recorded, not enforced: a session may not log in as a
role made here unless it is a superuser (the session refuses it).
"""

from __future__ import annotations

from typing import Any

from twinning.errors import (
    INVALID_GRANT_OPERATION, dependent_objects_still_exist, duplicate_object,
    invalid_grant_operation, invalid_parameter_value, relation_does_not_exist,
    reserved_name, role_does_not_exist, schema_does_not_exist,
    wrong_object_type,
)
from twinning.ir import catalog as c
from twinning.ir import privileges as p
from twinning.passes.parse_expr import Unsupported

FIRST_NORMAL_OID = 16384
ORDER = "arwdDxtXUCTcsA"  # ACL_ALL_RIGHTS_STR
_LETTERS = {"select": "r", "insert": "a", "update": "w", "delete": "d",
            "truncate": "D", "references": "x", "trigger": "t",
            "usage": "U", "create": "C"}
_ALL = {"table": "arwdDxt", "sequence": "rwU", "schema": "UC"}
# ExecuteGrantStmt's all_privileges per GRANT … ON kind
_ACCEPTED = {"table": "arwdDxtU", "sequence": "rwU", "schema": "UC"}
PREDEFINED = frozenset({
    "postgres", "pg_database_owner", "pg_read_all_data", "pg_write_all_data",
    "pg_monitor", "pg_read_all_settings", "pg_read_all_stats",
    "pg_stat_scan_tables", "pg_read_server_files", "pg_write_server_files",
    "pg_execute_server_program", "pg_signal_backend", "pg_checkpoint"})
_BUILTIN_SCHEMA_ACLS = {
    "public": ("pg_database_owner=UC/pg_database_owner",
               "=U/pg_database_owner"),
    "pg_catalog": ("postgres=UC/postgres", "=U/postgres"),
    "information_schema": ("postgres=UC/postgres", "=U/postgres"),
}


def _state(b: Any) -> None:
    if "roles" not in vars(b):
        catalog = b.original
        b.roles = {} if catalog is None else {
            r.name: r for r in getattr(catalog, "roles", ())}
        b.acls = {} if catalog is None else {
            (a.kind, a.name): a.items for a in getattr(catalog, "acls", ())}


def _stateful(fn):
    def with_state(b: Any, *args: Any) -> Any:
        _state(b)
        return fn(b, *args)
    with_state.__name__ = fn.__name__
    return with_state


# -- aclitems -------------------------------------------------------------


def putid(name: str) -> str:
    """aclitemout's role name: quoted unless plain ASCII letters, digits
    and underscores."""
    if all(ch.isascii() and (ch.isalnum() or ch == "_") for ch in name):
        return name
    return '"' + name.replace('"', '""') + '"'


def _getid(text: str, i: int) -> tuple[str, int]:
    if i < len(text) and text[i] == '"':
        out, i = [], i + 1
        while i < len(text):
            if text[i] == '"':
                if i + 1 < len(text) and text[i + 1] == '"':
                    out.append('"')
                    i += 2
                    continue
                return "".join(out), i + 1
            out.append(text[i])
            i += 1
        return "".join(out), i
    j = i
    while j < len(text) and text[j] not in "=/":
        j += 1
    return text[i:j], j


def parse_item(text: str) -> list:
    """[grantee, privileges, grant options, grantor] of an aclitem."""
    grantee, i = _getid(text, 0)
    i += 1  # '='
    privs, options = set(), set()
    while i < len(text) and text[i] != "/":
        letter = text[i]
        privs.add(letter)
        if i + 1 < len(text) and text[i + 1] == "*":
            options.add(letter)
            i += 1
        i += 1
    grantor, _ = _getid(text, i + 1)
    return [grantee, privs, options, grantor]


def format_item(item: list) -> str:
    grantee, privs, options, grantor = item
    letters = "".join(ch + ("*" if ch in options else "")
                      for ch in ORDER if ch in privs)
    return f"{putid(grantee) if grantee else ''}={letters}/{putid(grantor)}"


# -- roles ----------------------------------------------------------------


def _role_exists(b: Any, name: str) -> bool:
    return name in PREDEFINED or name in b.roles


@_stateful
def apply_role(b: Any, defn: p.RoleDef) -> None:
    if defn.action == "create":
        _create_role(b, defn)
    else:
        _drop_roles(b, defn)


def _create_role(b: Any, defn: p.RoleDef) -> None:
    (name,) = defn.names
    if name.startswith("pg_"):
        raise reserved_name(f'role name "{name}" is reserved',
                            detail='Role names starting with "pg_" are reserved.')
    if _role_exists(b, name):
        raise duplicate_object(f'role "{name}" already exists')
    options = dict(defn.options)
    limit = options.get("connectionlimit", -1)
    if limit < -1:
        raise invalid_parameter_value(f"invalid connection limit: {limit}")
    oid = FIRST_NORMAL_OID + b.type_oids
    b.type_oids += 1
    b.roles[name] = p.Role(
        name, oid, superuser=bool(options.get("superuser", False)),
        inherit=bool(options.get("inherit", True)),
        createrole=bool(options.get("createrole", False)),
        createdb=bool(options.get("createdb", False)),
        login=bool(options.get("canlogin", False)),
        replication=bool(options.get("isreplication", False)),
        bypassrls=bool(options.get("bypassrls", False)),
        connlimit=limit, valid_until=options.get("validUntil"))


def _drop_roles(b: Any, defn: p.RoleDef) -> None:
    for name in defn.names:
        if name in PREDEFINED or name == "":
            raise Unsupported(f'DROP ROLE of the predefined role "{name}"',
                              defn.location)
        if name not in b.roles:
            if defn.if_exists:
                b.notices.append(f'role "{name}" does not exist, skipping')
                continue
            raise role_does_not_exist(name)
        users = [f"privileges for {_kind_word(b, kind, obj)}"
                 for (kind, obj), items in b.acls.items()
                 if any(parse_item(x)[0] == name for x in items)]
        if users:
            raise dependent_objects_still_exist(f'role "{name}" cannot be dropped because '
                                                "some objects depend on it",
                                                detail="\n".join(users))
        del b.roles[name]


def _kind_word(b: Any, kind: str, name: str) -> str:
    if kind == "schema":
        return f"schema {name}"
    schema, _, rel = name.partition(".")
    qname = c.QName(schema, rel)
    shown = rel if schema in b.search_path else name
    if qname in b.sequences:
        return f"sequence {shown}"
    if qname in b.views:
        return f"view {shown}"
    return f"table {shown}"


# -- GRANT / REVOKE -------------------------------------------------------


def _relations(b: Any, defn: p.GrantDef) -> list[tuple[c.QName, str]]:
    """(relation, its kind: table/sequence) for each target."""
    out = []
    if defn.all_in_schema:
        for (schema,) in defn.targets:
            if schema not in b.schemas:
                raise schema_does_not_exist(schema)
            if defn.objtype == "sequence":
                names = sorted(n for n in b.sequences if n.schema == schema)
                out.extend((n, "sequence") for n in names)
            else:
                names = sorted([n for n in b.tables if n.schema == schema]
                               + [n for n in b.views if n.schema == schema])
                out.extend((n, "table") for n in names)
        return out
    for parts in defn.targets:
        name = b.lookup(b.unalias(parts))
        if name in b.sequences:
            out.append((name, "sequence"))
        elif name in b.tables or name in b.views:
            if defn.objtype == "sequence":
                raise wrong_object_type(f'"{parts[-1]}" is not a sequence')
            out.append((name, "table"))
        else:
            raise relation_does_not_exist(".".join(parts))
    return out


def _letters(defn: p.GrantDef) -> str:
    if defn.privileges is None:
        return ""
    out = []
    accepted = _ACCEPTED[defn.objtype]
    for name in defn.privileges:
        letter = _LETTERS.get(name)
        if letter is None or letter not in accepted:
            raise invalid_grant_operation(f"invalid privilege type {name.upper()} "
                                          f"for {defn.objtype}")
        out.append(letter)
    return "".join(out)


@_stateful
def apply_grant(b: Any, defn: p.GrantDef) -> None:
    if defn.objtype == "schema":
        for (schema,) in defn.targets:
            if schema not in b.schemas:
                raise schema_does_not_exist(schema)
        objects = [("schema", schema, "schema") for (schema,) in defn.targets]
    else:
        objects = [("relation", f"{n.schema}.{n.name}", kind)
                   for n, kind in _relations(b, defn)]
    for grantee in defn.grantees:
        if grantee and not _role_exists(b, grantee):
            raise role_does_not_exist(grantee)
    letters = _letters(defn)
    for acl_kind, name, kind in objects:
        privs = set(letters or _ALL[kind])
        if kind == "sequence" and defn.objtype == "table" and letters:
            if privs - set(_ALL["sequence"]):
                b.notices.append((f'sequence "{name.partition(".")[2]}" '
                                  "only supports USAGE, SELECT, and UPDATE "
                                  "privileges", None, "WARNING", INVALID_GRANT_OPERATION))
                privs &= set(_ALL["sequence"])
        elif kind == "table" and "U" in privs:
            raise invalid_grant_operation("invalid privilege type USAGE for table")
        _update(b, acl_kind, name, kind, privs, defn)


def _default(acl_kind: str, name: str, kind: str) -> tuple[str, ...]:
    if acl_kind == "schema" and name in _BUILTIN_SCHEMA_ACLS:
        return _BUILTIN_SCHEMA_ACLS[name]
    return (f"postgres={_ALL[kind]}/postgres",)


def _schema_owner(b: Any, schema: str) -> str:
    return b.acls.get(("owner", schema), (
        "pg_database_owner" if schema == "public" else "postgres",))[0]


@_stateful
def schema_owner(b: Any, schema: str, role: str) -> None:
    """ALTER SCHEMA … OWNER TO: the new owner, and its ACL with the old
    owner replaced as grantee and grantor (aclnewowner)."""
    old = _schema_owner(b, schema)
    if old == role:
        return
    b.acls[("owner", schema)] = (role,)
    key = ("schema", schema)
    current = b.acls.get(key, _BUILTIN_SCHEMA_ACLS.get(schema))
    if current is None:
        return
    items = [parse_item(x) for x in current]
    for item in items:
        if item[0] == old:
            item[0] = role
        if item[3] == old:
            item[3] = role
    b.acls[key] = tuple(format_item(i) for i in items)


def _update(b: Any, acl_kind: str, name: str, kind: str, privs: set,
            defn: p.GrantDef) -> None:
    key = (acl_kind, name)
    items = [parse_item(x) for x in b.acls.get(key)
             or _default(acl_kind, name, kind)]
    grantor = _schema_owner(b, name) if acl_kind == "schema" else "postgres"
    for grantee in defn.grantees:
        found = next((i for i in items if i[0] == grantee and i[3] == grantor),
                     None)
        if defn.is_grant:
            if found is None:
                found = [grantee, set(), set(), grantor]
                items.append(found)
            found[1] |= privs
            if defn.grant_option:
                found[2] |= privs
        elif found is not None:
            found[1] -= privs
            found[2] -= privs
    b.acls[key] = tuple(format_item(i) for i in items if i[1])


# -- freeze ---------------------------------------------------------------


@_stateful
def frozen(b: Any) -> dict:
    """The Catalog's roles (by OID) and ACLs of the objects that remain
    (a renamed table keeps its ACL)."""
    acls = []
    for (kind, name), items in b.acls.items():
        if kind in ("schema", "owner"):
            if name in b.schemas:
                acls.append(p.Acl(kind, name, items))
            continue
        schema, _, rel = name.partition(".")
        qname = c.QName(schema, rel)
        qname = b.renamed.get(qname, qname)
        if qname in b.tables or qname in b.views or qname in b.sequences:
            acls.append(p.Acl(kind, f"{qname.schema}.{qname.name}", items))
    return {"roles": tuple(sorted(b.roles.values(), key=lambda r: r.oid)),
            "acls": tuple(acls)}


def handlers() -> dict:
    return {p.RoleDef: apply_role, p.GrantDef: apply_grant}
