"""What every row builder shares: the catalog, its OIDs, the session, and
the facts of the built-in types (length, alignment, storage, collation).

Stored expressions (column defaults, CHECK constraints) appear in the
catalog relations as `pg_node_tree` values. PostgreSQL stores its parse
tree there (nodeToString); the twin stores a reference to the object,
`{TWINNING_DEFAULT :relid 16409 :adnum 1}` or `{TWINNING_CHECK :conid
16415}`, which pg_get_expr() turns back into the expression's text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from twinning.ir.node import node
from twinning.ir.catalog import Catalog
from twinning.ir.types import BASE_TYPES, RecordType, SqlType
from twinning.system_catalog.names import user_of
from twinning.system_catalog.oids import OidMap


@node
class TypeFacts:
    oid: int
    typlen: int
    typbyval: bool
    typalign: str
    typstorage: str
    typcollation: int


@lru_cache(maxsize=None)
def _type_facts() -> dict[int, TypeFacts]:
    from twinning.system_catalog import pg_builtin
    cols = [c[0] for c in pg_builtin.RELATIONS[("pg_catalog", "pg_type")][3]]
    at = {n: i for i, n in enumerate(cols)}
    return {row[at["oid"]]: TypeFacts(row[at["oid"]], row[at["typlen"]],
                                      row[at["typbyval"]], row[at["typalign"]],
                                      row[at["typstorage"]],
                                      row[at["typcollation"]])
            for row in pg_builtin.ROWS["pg_type"]}


# A column type of PostgreSQL's relations the twin has no type for, and
# the type it serves instead (pg_stat_activity.client_addr, inet: always
# NULL in the twin, which does not know the client's address).
STAND_INS = {"inet": "text"}


def column_type(base: str, typmod: int, array: bool) -> SqlType:
    """A system relation column's type (`pg_builtin.RELATIONS`)."""
    if base not in BASE_TYPES:
        base, typmod = STAND_INS[base], -1
    return SqlType(base, typmod, array)


def facts(sql_type: SqlType) -> TypeFacts:
    """The type's storage facts and the OID pg_attribute names it by (a
    domain's, or its array type's)."""
    domain = sql_type.domain
    if domain is not None:
        return replace(facts(sql_type.without_domain), oid=domain.array_oid
                       if sql_type.is_array else domain.oid)
    if isinstance(sql_type.user, RecordType) or (  # a composite: varlena
            sql_type.user is not None and sql_type.is_array):
        return TypeFacts(sql_type.oid, -1, False, "d" if not sql_type.is_array
                         or isinstance(sql_type.user, RecordType) else "i",
                         "x", 0)
    if sql_type.user is not None:  # an enum (4 bytes by value) or its array
        return TypeFacts(sql_type.oid, -1, False, "i", "x", 0) \
            if sql_type.is_array else TypeFacts(sql_type.oid, 4, True, "i",
                                                "p", 0)
    return _type_facts()[sql_type.oid]


def facts_of_oid(oid: int) -> TypeFacts | None:
    return _type_facts().get(oid)


@node
class Build:
    catalog: Catalog
    oids: OidMap
    session: Any

    @property
    def superuser(self) -> str:
        return user_of(self.session)

    @property
    def database(self) -> str:
        return getattr(self.session, "database", None) or "postgres"

    def acl(self, items: Any) -> Any:
        """Built-in ACLs name the bootstrap superuser `postgres`."""
        if items is None or self.superuser == "postgres":
            return items
        pattern = re.compile(r"(?<![A-Za-z0-9_])postgres(?=[=/]|$)")
        return tuple(pattern.sub(self.superuser, item) for item in items)


def default_tree(relid: int, adnum: int) -> str:
    return f"{{TWINNING_DEFAULT :relid {relid} :adnum {adnum}}}"


def check_tree(conid: int) -> str:
    return f"{{TWINNING_CHECK :conid {conid}}}"


def predicate_tree(indexrelid: int) -> str:
    """pg_index.indpred of a partial index."""
    return f"{{TWINNING_INDPRED :indexrelid {indexrelid}}}"


def expressions_tree(indexrelid: int) -> str:
    """pg_index.indexprs of an expression index."""
    return f"{{TWINNING_INDEXPRS :indexrelid {indexrelid}}}"


_TREE = re.compile(r"\{TWINNING_(DEFAULT|CHECK|INDPRED|INDEXPRS|PARTBOUND) :(\w+) (\d+)"
                   r"(?: :adnum (\d+))?\}\Z")


def parse_tree(text: str) -> tuple[str, int, int] | None:
    """('default', relid, adnum), ('check', conid, 0) or ('indpred',
    indexrelid, 0); None: not ours."""
    match = _TREE.match(text)
    if match is None:
        return None
    kind, _, first, second = match.groups()
    return kind.lower(), int(first), int(second or 0)
