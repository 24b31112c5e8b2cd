"""ALTER … OWNER TO in the DDL builder: the twin's objects all belong to
postgres, so that owner is a no-op once the object is found (with
PostgreSQL's error when it is not), and another role is refused (roles
are not modelled)."""

from __future__ import annotations

from typing import Any

from twinning.errors import (
    relation_does_not_exist, schema_does_not_exist, wrong_object_type,
)
from twinning.ir import ddl as d
from twinning.passes.parse_expr import Unsupported
from twinning.passes import resolve_privileges
from twinning.passes.resolve_types import existing

_ROLES = ("postgres", "CURRENT_USER", "SESSION_USER", "CURRENT_ROLE")


def apply_owner(b: Any, defn: d.OwnerDef) -> None:
    if defn.kind == "schema":
        if defn.names[0] not in b.schemas:
            raise schema_does_not_exist(defn.names[0])
    elif defn.kind in ("domain", "type"):
        found = existing(b, defn.names, defn.location)
        if defn.kind == "domain" and found.kind != "d":
            raise wrong_object_type(f"{found.sql_type.display()} is not a "
                                    "domain")
    elif defn.kind == "table":  # ALTER TABLE works on any relation
        if not b.relation_exists(b.lookup(defn.names)):
            raise relation_does_not_exist(".".join(defn.names))
    elif b.lookup(defn.names) not in b.sequences:
        raise relation_does_not_exist(".".join(defn.names))
    if defn.role not in _ROLES:
        raise Unsupported(f'OWNER TO role "{defn.role}" (the twin has the role '
                          'postgres only)', defn.location)
    if defn.kind == "schema":  # public belongs to pg_database_owner first
        resolve_privileges.schema_owner(b, defn.names[0], "postgres")
