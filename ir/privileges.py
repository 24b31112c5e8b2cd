"""Roles and privileges: CREATE/DROP ROLE and GRANT/REVOKE as DDL
definitions, and the catalog rows they leave (`Role`, `Acl`).

An `Acl` holds an object's aclitems as PostgreSQL prints them
("grantee=privs/grantor", the empty grantee for PUBLIC); the twin's own
superuser is spelled `postgres` there and renamed when shown, as the
built-in rows are.
"""

from __future__ import annotations

from dataclasses import field

from twinning.ir.node import node

LOC = field(default=-1, compare=False, repr=False)


@node
class Role:
    name: str
    oid: int
    superuser: bool = False
    inherit: bool = True
    createrole: bool = False
    createdb: bool = False
    login: bool = False
    replication: bool = False
    bypassrls: bool = False
    connlimit: int = -1
    valid_until: str | None = None


@node
class Acl:
    kind: str  # "schema" | "relation"
    name: str  # the schema's name, or the relation's "schema.name"
    items: tuple[str, ...] = ()


@node
class RoleDef:
    """CREATE ROLE/USER/GROUP (action create) and DROP ROLE (drop)."""

    action: str
    names: tuple[str, ...]
    options: tuple[tuple[str, object], ...] = ()
    if_exists: bool = False
    location: int = LOC

    @property
    def command_tag(self) -> str:
        return "CREATE ROLE" if self.action == "create" else "DROP ROLE"


@node
class GrantDef:
    """GRANT/REVOKE privileges ON TABLE/SEQUENCE/SCHEMA/ALL … IN SCHEMA."""

    is_grant: bool
    objtype: str  # "table" | "sequence" | "schema"
    targets: tuple[tuple[str, ...], ...]
    privileges: tuple[str, ...] | None  # None: ALL [PRIVILEGES]
    grantees: tuple[str, ...]  # "" for PUBLIC
    grant_option: bool = False
    all_in_schema: bool = False
    cascade: bool = False
    location: int = LOC

    @property
    def command_tag(self) -> str:
        return "GRANT" if self.is_grant else "REVOKE"
