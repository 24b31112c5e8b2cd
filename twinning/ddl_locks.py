"""Which locks a DDL statement takes, read off the catalogs before and after it.

PostgreSQL locks what a DDL statement touches, not the database: ALTER,
DROP and TRUNCATE take ACCESS EXCLUSIVE on their tables, CREATE INDEX
SHARE on its table, a new foreign key SHARE ROW EXCLUSIVE on the table it
references (a dropped one ACCESS EXCLUSIVE: its triggers there go), a new
view ACCESS SHARE on what it reads, and creating an object in a schema
ACCESS SHARE on the schema (DROP SCHEMA takes it exclusively). CREATE TABLE
takes no lock on other tables. The twin works the statement out on the
catalog its transaction sees (`passes.resolve_ddl.apply_definitions` is a
function of the catalog), compares the result with that catalog and locks
every object that differs, by the rules above (`lock_targets`); the
transaction then works it out again if DDL was committed while it waited
(`Transaction.lock_for_ddl`). A new object's own name is locked too: a
second session creating the same name waits for the first, and, as in
PostgreSQL, fails on the system catalog's unique index when the first
commits (`duplicate_name`: PostgreSQL checks the name before it waits).

Keys are `QName`s for relations (tables, views, sequences, indexes) and
tuples for the rest: ("schema", name), ("type", qname), ("function",
qname), ("trigger", table, name), ("catalog", field) for catalog-wide
lists (roles, ACLs, extensions, schema comments).
"""

from __future__ import annotations

from typing import Any, Iterable

from twinning.errors import SqlError, duplicate_key
from twinning.ir.catalog import Catalog, QName
from twinning.store.relation_locks import (ACCESS_EXCLUSIVE, ACCESS_SHARE,
                                           SHARE, SHARE_ROW_EXCLUSIVE)

__all__ = ["created_names", "duplicate_name", "exists", "lock_targets"]

_WHOLE = ("schema_comments", "extensions", "roles", "acls")


def _by(items: Iterable[Any], key: Any = lambda x: x.name) -> dict:
    out: dict = {}
    for item in items:
        out.setdefault(key(item), []).append(item)
    return out


def _changed(before: dict, after: dict) -> Iterable[tuple[Any, Any, Any]]:
    """(key, old items, new items) of every key whose items differ."""
    for key in before.keys() | after.keys():
        old, new = before.get(key), after.get(key)
        if old is new or old == new:
            continue
        yield key, old, new


def lock_targets(before: Catalog, after: Catalog) -> list[tuple[Any, int]]:
    """(key, mode) of every lock the change from `before` to `after`
    takes, in a stable order (sorted by key text)."""
    want: dict[Any, int] = {}

    def lock(key: Any, mode: int) -> None:
        # the modes used here: each higher one keeps out what a lower keeps out
        want[key] = max(want.get(key, 0), mode)

    def created_in(name: QName) -> None:
        lock(("schema", name.schema), ACCESS_SHARE)

    for name, old, new in _changed(_by(before.tables), _by(after.tables)):
        lock(name, ACCESS_EXCLUSIVE)
        if old is None:
            created_in(name)
        was = {fk for t in old or () for fk in t.foreign_keys}
        now = {fk for t in new or () for fk in t.foreign_keys}
        for fk in now - was:
            lock(fk.ref_table, SHARE_ROW_EXCLUSIVE)
        for fk in was - now:
            lock(fk.ref_table, ACCESS_EXCLUSIVE)
    for name, old, new in _changed(_by(before.indexes), _by(after.indexes)):
        lock(name, ACCESS_EXCLUSIVE)
        if old is None:
            created_in(name)
            lock(new[0].table, SHARE)
        else:
            for index in old + (new or []):
                lock(index.table, ACCESS_EXCLUSIVE)
    for name, old, new in _changed(_by(before.views), _by(after.views)):
        lock(name, ACCESS_EXCLUSIVE)
        if old is None:
            created_in(name)
        for view in new or ():
            for read in view.depends:
                if read != name:
                    lock(read, ACCESS_SHARE)
    for name, old, new in _changed(_by(before.sequences), _by(after.sequences)):
        lock(name, ACCESS_EXCLUSIVE)
        if old is None:
            created_in(name)
    for name, old, _ in _changed(_by(before.types), _by(after.types)):
        lock(("type", name), ACCESS_EXCLUSIVE)
        if old is None:
            created_in(name)
    for name, _, _ in _changed(_by(before.functions), _by(after.functions)):
        lock(("function", name), ACCESS_EXCLUSIVE)
    triggers = _changed(_by(before.triggers, lambda t: (t.table, t.name)),
                        _by(after.triggers, lambda t: (t.table, t.name)))
    for (table, name), _, _ in triggers:
        lock(table, SHARE_ROW_EXCLUSIVE)
        lock(("trigger", table, name), ACCESS_EXCLUSIVE)
    for _, old, new in _changed(_by(before.inherits, lambda i: i.child),
                                _by(after.inherits, lambda i: i.child)):
        for inherit in (old or []) + (new or []):
            lock(inherit.child, ACCESS_EXCLUSIVE)
            lock(inherit.parent, ACCESS_EXCLUSIVE)
    for name, _, _ in _changed(_by(before.partition_keys, lambda k: k.table),
                               _by(after.partition_keys, lambda k: k.table)):
        lock(name, ACCESS_EXCLUSIVE)
    for schema in set(before.schemas) ^ set(after.schemas):
        lock(("schema", schema), ACCESS_EXCLUSIVE)
    for field in _WHOLE:
        if getattr(before, field) != getattr(after, field):
            lock(("catalog", field), ACCESS_EXCLUSIVE)
    return sorted(want.items(), key=lambda item: repr(item[0]))


def created_names(before: Catalog, after: Catalog) -> dict[Any, str]:
    """The lock keys of objects `after` has and `before` lacks, with the
    system catalog whose unique name index PostgreSQL checks them in."""
    out: dict[Any, str] = {}
    for items, kind in ((after.tables, "type"), (after.views, "type"),
                        (after.types, "type"), (after.indexes, "class"),
                        (after.sequences, "class")):
        for item in items:
            if not exists(before, item.name):
                out[item.name] = kind
    for schema in set(after.schemas) - set(before.schemas):
        out[("schema", schema)] = "namespace"
    return out


def exists(catalog: Catalog, key: Any) -> bool:
    """Is there an object of this lock key (a relation or type name, or
    ("schema", name)) in `catalog`?"""
    if isinstance(key, tuple) and not isinstance(key, QName):
        return key[0] == "schema" and key[1] in catalog.schemas
    return bool(catalog.table(key) or catalog.view(key) or
                catalog.sequence(key) or catalog.user_type(key) or
                any(i.name == key for i in catalog.indexes))


def duplicate_name(catalog: Catalog, key: Any, kind: str) -> SqlError:
    """PostgreSQL's error for a name another transaction committed while
    this one waited to create it: a unique violation in pg_type, pg_class
    or pg_namespace, naming the key as its index does."""
    from twinning.system_catalog.oids import oid_map
    if kind == "namespace":
        return duplicate_key("pg_namespace_nspname_index", "nspname", key[1],
                             schema="pg_catalog", table="pg_namespace",
                             constraint="pg_namespace_nspname_index")
    namespace = oid_map(catalog).namespaces.get(key.schema)
    column = "typ" if kind == "type" else "rel"
    index = f"pg_{kind}_{column}name_nsp_index"
    return duplicate_key(index, f"{column}name, {column}namespace",
                         f"{key.name}, {namespace}", schema="pg_catalog",
                         table=f"pg_{kind}", constraint=index)
