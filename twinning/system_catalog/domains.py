"""Domains in pg_catalog: their pg_type rows (typtype 'd' with the base
type's storage and output/send functions, domain_in/domain_recv, and the
array type PostgreSQL makes beside each) and the pg_constraint rows of
their CHECK constraints (conrelid 0, contypid the domain)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterator

from twinning.ir.types import DomainType
from twinning.system_catalog import pg_builtin
from twinning.system_catalog.build import Build, check_tree
from twinning.system_catalog.oids import BOOTSTRAP_SUPERUSER
from twinning.values.system import RegOid

Rows = Iterator[dict[str, Any]]
_NO_PROC = RegOid(0, "-")
# an enum under a domain: what enum types have (pg_catalog._user_types)
_ENUM = {"typlen": 4, "typbyval": True, "typalign": "i", "typstorage": "p",
         "typcategory": "E", "typcollation": 0, "typsubscript": _NO_PROC,
         "typanalyze": _NO_PROC}


def _proc(name: str) -> RegOid:
    return RegOid(pg_builtin.UNIQUE_PROCS[name], name)


def array_type_row(common: dict[str, Any], utype: Any) -> dict[str, Any]:
    """The pg_type row of a user type's array type, `_name`."""
    return {**common, "oid": utype.array_oid,
            "typname": "_" + utype.name.name, "typlen": -1,
            "typbyval": False, "typtype": "b", "typcategory": "A",
            "typsubscript": _proc("array_subscript_handler"),
            "typelem": utype.oid, "typarray": 0,
            "typinput": _proc("array_in"), "typoutput": _proc("array_out"),
            "typreceive": _proc("array_recv"),
            "typsend": _proc("array_send"),
            "typanalyze": _proc("array_typanalyze"), "typstorage": "x"}


@lru_cache(maxsize=None)
def _builtin_types() -> dict[int, dict[str, Any]]:
    cols = [c[0] for c in pg_builtin.RELATIONS[("pg_catalog", "pg_type")][3]]
    return {row[0]: dict(zip(cols, row)) for row in pg_builtin.ROWS["pg_type"]}


def _bottom(domain: DomainType) -> dict[str, Any]:
    """The pg_type facts of the type at the bottom of the domain stack."""
    base = domain.levels()[0].base
    if base.user is not None:
        return {**_ENUM, "typoutput": _proc("enum_out"),
                "typsend": _proc("enum_send")}
    return _builtin_types()[base.oid]


def user_domains(b: Build) -> Iterator[tuple[Any, DomainType]]:
    """Each domain among the catalog's user types, with its DomainType."""
    for utype in b.catalog.types:
        domain = utype.sql_type.domain
        if utype.kind == "d" and domain is not None:
            yield utype, domain


def type_rows(b: Build) -> Rows:
    """Each domain's pg_type row and its array type's."""
    from twinning.system_catalog.deparse import domain_default  # lazy
    m = b.oids
    for utype, domain in user_domains(b):
        bottom = _bottom(domain)
        base = domain.base
        common = {"typnamespace": m.namespaces[utype.name.schema],
                  "typowner": BOOTSTRAP_SUPERUSER, "typispreferred": False,
                  "typisdefined": True, "typdelim": ",", "typrelid": 0,
                  "typmodin": _NO_PROC, "typmodout": _NO_PROC,
                  "typndims": 0, "typalign": bottom["typalign"],
                  "typcollation": bottom["typcollation"]}
        yield {**common, "oid": utype.oid, "typname": utype.name.name,
               "typlen": bottom["typlen"], "typbyval": bottom["typbyval"],
               "typtype": "d", "typcategory": bottom["typcategory"],
               "typsubscript": bottom["typsubscript"], "typelem": 0,
               "typarray": utype.array_oid, "typinput": _proc("domain_in"),
               "typoutput": bottom["typoutput"],
               "typreceive": _proc("domain_recv"),
               "typsend": bottom["typsend"],
               "typanalyze": bottom["typanalyze"],
               "typstorage": bottom["typstorage"],
               "typnotnull": domain.not_null,
               "typbasetype": base.domain.oid if base.domain is not None
               else base.oid, "typtypmod": base.typmod,
               "typdefault": domain_default(m, domain, b.session),
               "typdefaultbin": None if domain.default is None else
               f"{{TWINNING_DOMAIN_DEFAULT :typid {utype.oid}}}"}
        yield {**array_type_row(common, utype),
               "typnotnull": False, "typbasetype": 0, "typtypmod": -1}


def constraint_rows(b: Build) -> Rows:
    """The CHECK constraints of the domains."""
    m = b.oids
    for utype, domain in user_domains(b):
        for check in domain.checks:
            yield {"oid": check.oid, "conname": check.name,
                   "connamespace": m.namespaces[domain.schema],
                   "contype": "c", "condeferrable": False,
                   "condeferred": False, "convalidated": check.validated,
                   "conrelid": 0, "contypid": utype.oid, "conindid": 0,
                   "conparentid": 0, "confrelid": 0, "confupdtype": " ",
                   "confdeltype": " ", "confmatchtype": " ",
                   "conislocal": True, "coninhcount": 0,
                   "connoinherit": False, "conbin": check_tree(check.oid)}
