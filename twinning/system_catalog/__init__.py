"""The system relations of SPEC §10 — `pg_catalog.pg_class`,
`information_schema.columns`, … — generated from the frozen `Catalog`.

A `SystemRelation` is what the read path scans: its qualified name,
PostgreSQL 15's column list (names, order and types, domains resolved to
their base types as RowDescription reports them) and a `rows` function
building the rows from a catalog, in `twinning.values`' representation.
Values PostgreSQL has but the twin does not model are NULL (or the
neutral value PostgreSQL shows for a fresh object: 0 pages, no ACL).

    lookup(("pg_class",)) / lookup(("pg_catalog", "pg_class"))
    relation.rows(catalog)            # the rows, session-independent part
    relation.rows(catalog, session)   # with the session's user, database
                                      # and search path (pg_roles,
                                      # pg_database, pg_settings, names);
                                      # pg_stat_activity: its twin's sessions
    relation_oid(catalog, qname)      # pg_class.oid of any relation
    oid_map(catalog) / OidMap         # every object's OID

Unqualified names resolve in pg_catalog only: information_schema is not
on the search path. OIDs are PostgreSQL's for built-in objects and
deterministic from 16384 up for the user's (`oids`). The module knows
nothing of query execution: the read path resolves, joins and filters.

The passes sit below this package (it types stored expressions with
them), so they reach it only through what `install()` hands them: the
engine and bootstrap call it before anything is typed.
"""

from __future__ import annotations

from typing import Any, Callable

from twinning.ir.catalog import Catalog, QName
from twinning.ir.system import SystemRelation
from twinning.passes.expr import system
from twinning.system_catalog import functions, regnames
from twinning.system_catalog.oids import OidMap, oid_map

__all__ = ["SystemRelation", "lookup", "relation_oid", "relations",
           "OidMap", "oid_map", "SYSTEM_SCHEMAS", "install"]

SYSTEM_SCHEMAS = ("pg_catalog", "information_schema")


class _SystemCatalog:
    """`ir.system.SystemCatalog` over this package."""

    def relation(self, names: tuple[str, ...]) -> SystemRelation | None:
        return lookup(names)

    def reg_input(self, type_name: str, catalog: Catalog, text: str,
                  session: Any) -> Any:
        return regnames.reg_input(type_name, oid_map(catalog), text, session)

    def reg_name(self, type_name: str, catalog: Catalog, oid: int,
                 session: Any) -> Any:
        return regnames.reg_name(type_name, oid_map(catalog), oid, session)

    def relation_name(self, catalog: Catalog, oid: int) -> Any:
        return oid_map(catalog).relation_names.get(oid)

    def row_type(self, catalog: Catalog, table: Any) -> tuple[int, int]:
        return oid_map(catalog).row_types.get(table, (0, 0))

    def key_texts(self, catalog: Catalog, table: Any, key: Any,
                  session: Any) -> list[str]:
        from twinning.system_catalog.partitions import part_texts
        return part_texts(catalog, table, key, session, True)


_PROVIDER = _SystemCatalog()


def install() -> None:
    """Connect this package to the passes below it: they read system
    relations and reg* names through `ir.system.SystemCatalog`, and call
    the catalog functions from the runtime registry. Idempotent."""
    if system.installed() is _PROVIDER:
        return
    functions.register()
    system.install(_PROVIDER)


_RELATIONS: dict[QName, SystemRelation] | None = None


def relations() -> dict[QName, SystemRelation]:
    """Every system relation the twin serves, by qualified name."""
    global _RELATIONS
    if _RELATIONS is None:
        _RELATIONS = _build()
    return _RELATIONS


def lookup(names: tuple[str, ...]) -> SystemRelation | None:
    """A relation named as written: (`pg_class`,), (`pg_catalog`,
    `pg_class`), (`information_schema`, `columns`)."""
    if len(names) == 1:
        return relations().get(QName("pg_catalog", names[0]))
    if len(names) == 2:
        return relations().get(QName(names[0], names[1]))
    return None


def relation_oid(catalog: Catalog, qname: QName) -> int | None:
    """pg_class.oid of a user or system relation (None: no such)."""
    return oid_map(catalog).relation(qname)


def _build() -> dict[QName, SystemRelation]:
    from twinning.system_catalog import information_schema, partitions, \
        pg_builtin, pg_catalog
    from twinning.system_catalog.build import column_type
    builders: dict[QName, Callable[[Any], Any]] = {}
    builders.update(pg_catalog.BUILDERS)
    builders.update(information_schema.BUILDERS)
    builders.update(partitions.BUILDERS)
    out = {}
    for (schema, name), (oid, relkind, _, columns) in \
            pg_builtin.RELATIONS.items():
        qname = QName(schema, name)
        cols = tuple((col, column_type(base, typmod, array))
                     for col, base, typmod, array, _ in columns)
        builder = builders.get(qname)
        out[qname] = SystemRelation(
            qname, cols, _rows_function(qname, cols, builder), oid, relkind)
    return out


def _rows_function(qname: QName, columns: tuple, builder: Any
                   ) -> Callable[..., tuple[tuple, ...]]:
    """rows(catalog, session=None): the builder's dicts as tuples in the
    relation's column order (a missing key is NULL)."""
    names = tuple(name for name, _ in columns)
    # rows depend on the catalog (frozen) and on the session's user,
    # database and search path; pg_settings on every setting and
    # pg_stat_activity on every session, pg_database on the twin's
    # databases (CREATE DATABASE): not cached
    cache: list = [(None, None, ())]  # one tuple, replaced atomically
    cacheable = qname.name not in ("pg_settings", "pg_stat_activity",
                                   "pg_cursors", "pg_database")
    in_order = getattr(builder, "in_column_order", False)

    def rows(catalog: Catalog, session: Any = None) -> tuple[tuple, ...]:
        if builder is None:
            return ()
        from twinning.system_catalog.build import Build
        key = (getattr(session, "user", None),
               getattr(session, "database", None), _search_path(session))
        cached_catalog, cached_key, cached = cache[0]
        if cacheable and cached_catalog is catalog and cached_key == key:
            return cached
        context = Build(catalog, oid_map(catalog), session)
        if in_order:
            built = tuple(builder(context))
        else:
            built = tuple(tuple(row.get(n) for n in names)
                          for row in builder(context))
        if cacheable:
            cache[0] = (catalog, key, built)
        return built
    rows.__name__ = f"rows_of_{qname.name}"
    return rows


def _search_path(session: Any) -> str | None:
    getter = getattr(session, "current_setting", None)
    if getter is None:
        return None
    try:
        return getter("search_path", True)
    except Exception:  # a session that cannot say: do not cache on it
        return repr(object())
