"""User types in the DDL builder: CREATE TYPE … AS ENUM, ALTER TYPE, DROP
TYPE, and the column types that name them.

A user type's `SqlType` is carried by value (an enum's carries its labels),
so a change to the type rewrites every column holding it (`_retype`). OIDs
are given at creation, the type's then its array's, from the builder's
`type_oids` counter (`system_catalog/oids.py` numbers the other objects
after them). Messages are PostgreSQL 15's (pg_enum.c, typecmds.c).
"""

from __future__ import annotations

import struct
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from typing import Any, Callable, Iterator

from twinning.errors import (
    DUPLICATE_OBJECT, Notice, SqlError, duplicate_key, duplicate_object,
    invalid_name, invalid_parameter_value, type_already_exists,
    type_does_not_exist, type_modifier_not_allowed, wrong_object_type,
)
from twinning.ir import catalog as c
from twinning.ir import ddl as d
from twinning.ir import syntax as s
from twinning.ir.types import EnumType, SqlType, enum_key
from twinning.passes import extensions
from twinning.passes.drop_cascade import report_dependents, schema_missing
from twinning.passes.object_names import NAMEDATALEN
from twinning.passes.parse_expr import Unsupported
from twinning.values.identifiers import quote_ident, quote_qualified

FIRST_NORMAL_OID = 16384

# -- user types by written name, for the typer (casts: 'x'::mood) ---------------

_VISIBLE: ContextVar[Callable[[tuple[str, ...]], SqlType | None] | None] = \
    ContextVar("user_types", default=None)


def find_type(names: tuple[str, ...]) -> SqlType | None:
    """The user type a written name means where a statement is typed now
    (None: no such type, or nothing set the scope)."""
    lookup = _VISIBLE.get()
    return None if lookup is None else lookup(names)


@contextmanager
def types_of(catalog: c.Catalog, search_path: tuple[str, ...]) -> Iterator[None]:
    """Make `catalog`'s types (and its extensions' functions) the ones
    `find_type` (and the typer) sees meanwhile."""
    if not catalog.types and not catalog.extensions and not catalog.tables:
        yield
        return

    def lookup(names: tuple[str, ...]) -> SqlType | None:
        found = catalog.type_named(names, search_path)
        if found is None and len(names) <= 2:  # a table's row type
            from twinning.passes.expr.records import table_row_type
            return table_row_type(catalog, catalog.table_named(names,
                                                               search_path))
        return None if found is None else found.sql_type
    token = _VISIBLE.set(lookup)
    try:
        with extensions.visible({e.name: e.schema for e in catalog.extensions},
                                search_path):
            yield
    finally:
        _VISIBLE.reset(token)


@contextmanager
def builder_types(b: Any) -> Iterator[None]:
    """The builder's types for `find_type` while a definition is applied."""
    from twinning.passes.function_scope import builder_functions

    def lookup(names: tuple[str, ...]) -> SqlType | None:
        found = _find(b, names)
        return None if found is None else found.sql_type
    token = _VISIBLE.set(lookup)
    try:
        with extensions.visible({e.name: e.schema for e in
                                 b.extensions.values()}, b.lookup_path()), \
                builder_functions(b):  # and its functions (CREATE VIEW's calls)
            yield
    finally:
        _VISIBLE.reset(token)


def _find(b: Any, names: tuple[str, ...]) -> c.UserType | None:
    names = b.unalias(names)
    if len(names) > 2:
        raise Unsupported("cross-database reference")
    if len(names) == 2:
        return b.types.get(c.QName(*names))
    for schema in b.lookup_path():
        found = b.types.get(c.QName(schema, names[0]))
        if found is not None:
            return found
    return None


def position(location: int) -> int | None:
    return location + 1 if location >= 0 else None


def _missing(names: tuple[str, ...], location: int = -1) -> SqlError:
    return type_does_not_exist(".".join(names), position=position(location))


def column_type(b: Any, written: SqlType | s.TypeSpec) -> SqlType:
    """A column's type: a built-in as lowered, a user type by name."""
    if isinstance(written, SqlType):
        return written
    found = _find(b, written.names)
    if found is None:
        if len(written.names) == 1 and b.relation_exists(
                b.lookup(written.names)):
            raise Unsupported("a column of a table's row type",
                              written.location)
        raise _missing(written.names, written.location)
    if written.typmods:
        raise type_modifier_not_allowed(found.name.name,
                                        position=position(written.location))
    return found.sql_type.array_of() if written.array else found.sql_type


def cast_type(spec: s.TypeSpec) -> SqlType | None:
    """A cast target or declared type naming a user type (None: none)."""
    found = find_type(spec.names)
    if found is None:
        return None
    if spec.typmods:
        raise type_modifier_not_allowed(spec.names[-1],
                                        position=position(spec.location))
    return found.array_of() if spec.array else found


# -- CREATE TYPE … AS ENUM ----------------------------------------------------------

def display_name(schema: str, name: str) -> str:
    return quote_ident(name) if schema == "public" else \
        quote_qualified(schema, name)


def _enum_sql_type(name: c.QName, oid: int, labels: tuple[str, ...],
                   orders: tuple[float, ...]) -> SqlType:
    row = EnumType(enum_key(name.schema, name.name), oid, oid + 1, 4, "E",
                   display_name(name.schema, name.name), False, name.schema,
                   name.name, labels, orders)
    return SqlType(row.name, -1, False, row)


def _check_label(label: str) -> None:
    if len(label.encode()) > NAMEDATALEN - 1:
        raise invalid_name(f'invalid enum label "{label}"',
                           detail=f"Labels must be {NAMEDATALEN - 1} bytes or less.")


def type_name_taken(b: Any, name: c.QName) -> bool:
    return name in b.types or name in b.tables or name in b.views


def check_row_type_name(b: Any, name: c.QName) -> None:
    """A new relation's row type must not take a user type's name."""
    if name in b.types:
        raise type_already_exists(name.name,
                                  hint="A relation has an associated type of the same "
                                  "name, so you must use a name that doesn't conflict "
                                  "with any existing type.")


def apply_enum(b: Any, defn: d.EnumDef) -> None:
    name = b.qualify(defn.name, defn.location)
    if type_name_taken(b, name):
        raise type_already_exists(name.name)
    for label in defn.labels:
        _check_label(label)
    if len(set(defn.labels)) != len(defn.labels):
        dup = next(x for i, x in enumerate(defn.labels) if x in defn.labels[:i])
        raise duplicate_key("pg_enum_typid_label_index", "enumtypid, enumlabel",
                            f"{FIRST_NORMAL_OID + b.type_oids}, {dup}")
    oid = FIRST_NORMAL_OID + b.type_oids
    b.type_oids += 2
    orders = tuple(float(i) for i in range(1, len(defn.labels) + 1))
    b.types[name] = c.UserType(name, "e", _enum_sql_type(
        name, oid, defn.labels, orders), oid, oid + 1, b.type_oids)


def existing(b: Any, names: tuple[str, ...], location: int = -1
              ) -> c.UserType:
    found = _find(b, names)
    if found is None:
        raise _missing(names, location)
    return found


def _float4(value: float) -> float:
    return struct.unpack("f", struct.pack("f", value))[0]


def apply_alter_enum(b: Any, defn: d.AlterEnumDef) -> None:
    utype = existing(b, defn.name, defn.location)
    if utype.kind != "e":
        raise wrong_object_type(f"{utype.sql_type.display()} is not an enum")
    row = utype.sql_type.user
    assert row is not None
    labels, orders = list(row.labels), list(row.sort_orders)
    if defn.old is not None:  # RENAME VALUE
        if defn.old not in labels:
            raise invalid_parameter_value(f'"{defn.old}" is not an existing enum label')
        _check_label(defn.value)
        if defn.value in labels:
            raise duplicate_object(f'enum label "{defn.value}" already exists')
        if _users(b, {utype.oid}):  # stored values are labels
            raise Unsupported("ALTER TYPE … RENAME VALUE of an enum in use")
        labels[labels.index(defn.old)] = defn.value
        _replace(b, utype, tuple(labels), tuple(orders))
        return
    _check_label(defn.value)
    if defn.value in labels:
        if defn.if_not_exists:
            b.notices.append(Notice(
                DUPLICATE_OBJECT, f'enum label "{defn.value}" already exists, skipping'))
            return
        raise duplicate_object(f'enum label "{defn.value}" already exists')
    if defn.neighbor is None:
        at, order = len(labels), (orders[-1] + 1 if orders else 1.0)
    else:
        if defn.neighbor not in labels:
            raise invalid_parameter_value(f'"{defn.neighbor}" is not an existing '
                                          "enum label")
        i = labels.index(defn.neighbor)
        at = i + 1 if defn.after else i
        low = orders[at - 1] if at > 0 else None
        high = orders[at] if at < len(orders) else None
        if low is None:
            order = high - 1 if high is not None else 1.0
        elif high is None:
            order = low + 1
        else:
            order = _float4((low + high) / 2)
    labels.insert(at, defn.value)
    orders.insert(at, order)
    _replace(b, utype, tuple(labels), tuple(orders))


def _replace(b: Any, utype: c.UserType, labels: tuple[str, ...],
             orders: tuple[float, ...], name: c.QName | None = None) -> None:
    """The type with new labels or a new name; every column holding it
    follows."""
    new_name = name or utype.name
    sql_type = _enum_sql_type(new_name, utype.oid, labels, orders)
    del b.types[utype.name]
    b.types[new_name] = replace(utype, name=new_name, sql_type=sql_type)
    def holds(col: c.Column) -> bool:
        return col.type.domain is None and col.type.user is not None and \
            col.type.user.oid == utype.oid
    for table in b.tables.values():
        for i, col in enumerate(table.columns):
            if holds(col):
                new = sql_type.array_of() if col.type.is_array else sql_type
                table.columns[i] = replace(col, type=new)
    for vname, view in list(b.views.items()):
        if any(holds(col) for col in view.columns):
            b.views[vname] = replace(view, columns=tuple(
                replace(col, type=(sql_type.array_of() if col.type.is_array
                                   else sql_type))
                if holds(col) else col for col in view.columns))
    refresh_domains(b)


def refresh_domains(b: Any) -> None:
    """After a user type changed: each domain rebuilt over the current
    type under it (in creation order, so a domain over a domain sees the
    new one), and every column and view column of a domain given the
    domain's current SqlType."""
    current: dict[int, SqlType] = {t.oid: t.sql_type for t in b.types.values()}
    for utype in sorted(b.types.values(), key=lambda t: t.oid):
        domain = utype.sql_type.domain
        if utype.kind != "d" or domain is None:
            continue
        base = domain.base
        under = base.domain.oid if base.domain is not None else \
            base.user.oid if base.user is not None else None
        if under is not None and under in current:
            base = current[under]
        domain = replace(domain, base=base)
        sql_type = SqlType(base.name, base.typmod, False, base.user, domain)
        current[utype.oid] = sql_type
        b.types[utype.name] = replace(utype, sql_type=sql_type)

    def follow(col: Any) -> Any:
        domain = col.type.domain
        if domain is None or domain.oid not in current:
            return col
        new = current[domain.oid]
        return replace(col, type=new.array_of() if col.type.is_array else new)
    for table in b.tables.values():
        table.columns[:] = [follow(col) for col in table.columns]
    for vname, view in list(b.views.items()):
        b.views[vname] = replace(view, columns=tuple(
            follow(col) for col in view.columns))


def apply_rename_type(b: Any, defn: d.RenameTypeDef) -> None:
    """ALTER TYPE … RENAME TO of an enum."""
    utype = existing(b, defn.name, defn.location)
    new_name = c.QName(utype.name.schema, defn.new_name)
    if type_name_taken(b, new_name):
        raise type_already_exists(defn.new_name)
    row = utype.sql_type.user
    assert row is not None
    _replace(b, utype, row.labels, row.sort_orders, name=new_name)


def _users(b: Any, oids: set[int]) -> list[tuple[Any, c.Column]]:
    """(table, column) of each column of one of the types, or of a domain
    over one, in creation order."""
    return [(table, col) for table in sorted(b.tables.values(),
                                             key=lambda t: t.created)
            for col in table.columns if _type_uses(col.type, oids)]


def retype_columns(b: Any, oid: int, sql_type: SqlType) -> None:
    """Table and view columns of type `oid` (or arrays of it) given its
    new SqlType (a composite whose attributes were renamed)."""
    def follow(col: Any) -> Any:
        t = col.type
        if t.domain is not None or t.user is None or t.user.oid != oid:
            return col
        return replace(col, type=sql_type.array_of() if t.is_array else sql_type)
    for table in b.tables.values():
        table.columns[:] = [follow(col) for col in table.columns]
    for vname, view in list(b.views.items()):
        b.views[vname] = replace(view, columns=tuple(
            follow(col) for col in view.columns))


def column_users(b: Any, oid: int) -> list[tuple[Any, c.Column]]:
    """(table, column) of each column holding the type (its arrays and
    domains over it included), in creation order."""
    return _users(b, {oid})


def type_users(b: Any, utype: c.UserType) -> list[str]:
    """What holds a value of `utype`: table columns, other composite
    types' attributes, domains over it (as `table.column` / type names)."""
    oids = {utype.oid}
    out = [f"{table.name.name}.{col.name}" for table, col in _users(b, oids)]
    # pg_depend leads through the array type first
    out.sort(key=lambda name: not any(
        col.type.is_array for table, col in _users(b, oids)
        if f"{table.name.name}.{col.name}" == name))
    for other in b.types.values():
        if other.oid == utype.oid:
            continue
        if other.kind == "c" and any(_type_uses(f, oids) for _, f in
                                     other.sql_type.user.fields):
            out.append(other.name.name)
        elif other.kind == "d" and _type_uses(other.sql_type.domain.base, oids):
            out.append(other.name.name)
    return out


def _type_uses(t: SqlType, oids: set[int]) -> bool:
    if t.domain is not None:
        return any(level.oid in oids for level in t.domain.levels()) or \
            _type_uses(t.domain.levels()[0].base, oids)
    return t.user is not None and t.user.oid in oids


# -- DROP TYPE ------------------------------------------------------------------------



def drop_types(b: Any, defn: d.DropDef) -> None:
    targets: list[c.UserType] = []
    for parts in defn.names:
        parts = b.unalias(parts)
        if schema_missing(b, parts, defn.if_exists):
            continue
        found = _find(b, parts)
        if found is None:
            if not defn.if_exists:
                raise _missing(parts)
            b.notices.append(f'type "{".".join(parts)}" does not exist, skipping')
            continue
        if defn.kind == "domain" and found.kind != "d":
            raise wrong_object_type(f'"{found.sql_type.display()}" is not a '
                                    "domain")
        if found not in targets:
            targets.append(found)
    if not targets:
        return
    oids = {t.oid for t in targets}
    # pg_depend leads through the array type first
    users = sorted(_users(b, oids), key=lambda tc: not tc[1].type.is_array)
    over = [t for t in sorted(b.types.values(), key=lambda t: t.oid)
            if t.kind == "d" and t not in targets and _type_uses(
                t.sql_type.domain.base, oids)]
    what = targets[0].sql_type.display() if targets else ""
    fields = [f"column {name} of composite type {t.sql_type.display()} "
              f"depends on type {f.display()}"
              for t in sorted(b.types.values(), key=lambda t: t.oid)
              if t.kind == "c" and t not in targets
              for name, f in t.sql_type.user.fields if _type_uses(f, oids)]
    if users or over or fields:
        lines = [f"type {t.sql_type.display()} depends on type {what}"
                 for t in over] + [
            f"column {col.name} of table {b.describe(table.name)} "
            f"depends on type {col.type.display()}"
            for table, col in users] + fields
        if not defn.cascade:
            report_dependents(b.notices, f"type {what}", lines, lines, False)
        raise Unsupported(f"DROP {defn.kind.upper()} … CASCADE of a type in "
                          "use")
    for t in targets:
        del b.types[t.name]
