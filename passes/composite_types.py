"""CREATE TYPE … AS (…): composite types in the DDL builder.

A composite type is a `UserType` of kind 'c' whose `SqlType` carries a
`RecordType` (ir/types.py) with its attributes, so values, casts and the
catalog need nothing else. PostgreSQL makes a composite type as a
relation of relkind 'c' (DefineCompositeType → DefineRelation): it takes
three OIDs, the relation's, its array type's and its row type's, in that
order, from the builder's `type_oids` counter. Its name is taken in both
pg_type and pg_class. DROP TYPE goes through `resolve_types.drop_types`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, column_does_not_exist,
    column_of_relation_already_exists, column_specified_more_than_once,
    relation_already_exists, relation_does_not_exist, type_already_exists,
    type_does_not_exist, undefined_column, wrong_object_type,
)
from twinning.ir import catalog as c
from twinning.ir import ddl as d
from twinning.ir import query as q
from twinning.ir import syntax as s
from twinning.ir.types import record_type
from twinning.passes import resolve_types
from twinning.passes.lower_ddl import column_type
from twinning.passes.parse_expr import Unsupported

__all__ = ["apply_composite", "apply_alter"]


def apply_composite(b: Any, defn: d.CompositeTypeDef) -> None:
    name = b.qualify(defn.name, defn.location)
    if resolve_types.type_name_taken(b, name):
        raise type_already_exists(name.name)
    fields: list = []
    for attribute, written in defn.attributes:
        if any(attribute == f for f, _ in fields):
            raise column_specified_more_than_once(attribute)
        if isinstance(written, s.TypeSpec):  # DefineRelation: no positions
            written = replace(written, location=-1)
            lowered, serial = column_type(written)
            if serial:
                raise type_does_not_exist(written.names[-1])
            written = lowered
        fields.append((attribute, resolve_types.column_type(b, written)))
    relid = resolve_types.FIRST_NORMAL_OID + b.type_oids
    b.type_oids += 3
    sql_type = record_type(tuple(fields), relid + 2, relid + 1, name.schema,
                           name.name, resolve_types.display_name(
                               name.schema, name.name))
    b.types[name] = c.UserType(name, "c", sql_type, relid + 2, relid + 1,
                               b.type_oids, relid=relid)


# -- ALTER TYPE … ATTRIBUTE ----------------------------------------------------------

def _target(b: Any, defn: d.AlterCompositeDef) -> c.UserType:
    """The composite type ALTER TYPE names, found as AlterTable finds its
    relation: 42P01 when no relation has the name, 42809 for a table."""
    name = b.lookup(b.unalias(defn.name))
    found = b.types.get(name)
    if found is not None and found.kind == "c":
        return found
    if b.relation_exists(name):
        raise wrong_object_type(f'"{name.name}" is not a composite type')
    raise relation_does_not_exist(".".join(defn.name))


def _attribute_type(b: Any, written: Any, placed: bool = False) -> Any:
    """An attribute's type; only ADD ATTRIBUTE's errors point at it."""
    if not placed:
        written = replace(written, location=-1)
    lowered, serial = column_type(written)
    if serial:
        raise type_does_not_exist(written.names[-1])
    return resolve_types.column_type(b, lowered)


def apply_alter(b: Any, defn: d.AlterCompositeDef) -> None:
    """ATExecAddColumn / ATExecDropColumn / ATExecAlterColumnType /
    renameatt of a composite type's attributes. Attributes keep their
    attnums (a dropped one stays in pg_attribute). A type some column or
    other type holds is outside the subset: its stored values would need
    rewriting (PostgreSQL reads them with the new shape)."""
    utype = _target(b, defn)
    relation = utype.name.name
    users = resolve_types.type_users(b, utype)
    columns = resolve_types.column_users(b, utype.oid)  # (table, column)
    plain = all(not col.type.is_array and col.type.domain is None
                for _, col in columns) and len(columns) == len(users)

    def unused(action: str) -> None:
        if not users or (action != "type" and plain):
            return  # plain columns' stored values are rewritten below
        if action == "type" and "." in users[0]:  # find_composite_type_dependencies
            raise SqlError(FEATURE_NOT_SUPPORTED, f'cannot alter type "{relation}" because '
                                         f'column "{users[0]}" uses it')
        raise Unsupported(f"ALTER TYPE … {action.upper()} ATTRIBUTE of a "
                          f"composite type an array, domain or other type "
                          f"holds ({users[0]})")
    fields = list(utype.sql_type.user.fields)
    natts = len(fields) + len(utype.dropped)
    attnums = [n for n in range(1, natts + 1)
               if n not in {a for a, _ in utype.dropped}]
    dropped = list(utype.dropped)
    names = [f for f, _ in fields]
    origin: list = list(range(len(fields)))  # each field's old index
    for action, attribute, arg in defn.actions:
        if action == "rename":
            if attribute not in names:
                raise column_does_not_exist(attribute)
            if arg in names:
                raise column_of_relation_already_exists(arg, relation)
            i = names.index(attribute)
            fields[i] = (arg, fields[i][1])
        elif action == "add":
            if attribute in names:
                raise column_of_relation_already_exists(attribute, relation)
            unused(action)
            fields.append((attribute, _attribute_type(b, arg, True)))
            origin.append(None)
            natts += 1
            attnums.append(natts)
        elif attribute not in names:
            b.skip_missing(undefined_column(f'column "{attribute}" of relation '
                                            f'"{relation}" does not exist'),
                           action == "drop" and arg)
            continue
        elif action == "drop":
            unused(action)
            i = names.index(attribute)
            dropped.append((attnums.pop(i), fields.pop(i)[1]))
            origin.pop(i)
        else:  # ALTER ATTRIBUTE … TYPE
            unused("type")
            i = names.index(attribute)
            fields[i] = (attribute, _attribute_type(b, arg))
        names = [f for f, _ in fields]
    record = utype.sql_type.user
    sql_type = record_type(tuple(fields), utype.oid, utype.array_oid,
                           record.schema, record.typname, record.display)
    b.types[utype.name] = replace(utype, sql_type=sql_type,
                                  dropped=tuple(dropped))
    if users:  # the columns holding the type follow, their values rewritten
        if origin != list(range(len(record.fields))):
            _rewrite(b, columns, utype.sql_type, sql_type, origin)
        resolve_types.retype_columns(b, utype.oid, sql_type)


def _rewrite(b: Any, columns: list, old: Any, new: Any, origin: list) -> None:
    """Each stored value of the type with the new attributes: the kept
    ones moved, the added ones NULL, a NULL value still NULL (the
    builder's `converted`, applied by the store as ALTER COLUMN TYPE's)."""
    new_type = q.ResultType.of(new)
    old_fields = old.user.fields
    for table, col in columns:
        value = q.TColumn(table.columns.index(col), col.name,
                          q.ResultType.of(old))
        items = tuple(
            q.TLiteral("null", None, q.ResultType.of(new.user.fields[j][1]))
            if i is None else
            q.TField(value, i, q.ResultType.of(old_fields[i][1]))
            for j, i in enumerate(origin))
        null = q.TLiteral("null", None, value.type)  # the value itself NULL,
        is_null = q.TDistinct(value, null, True, "= record")  # not its fields
        b.converted.setdefault(table.name, {})[col.attnum] = q.TCase(
            None, (q.TWhen(is_null, q.TLiteral("null", None, new_type)),),
            q.TRow(items, new_type), new_type)


def rename_composite(b: Any, utype: c.UserType, new: str) -> None:
    """ALTER TYPE … RENAME TO of a composite: its relation's name, then its
    type's; every column holding it follows."""
    name = c.QName(utype.name.schema, new)
    if b.relation_exists(name):
        raise relation_already_exists(new)
    if name in b.types:
        raise type_already_exists(new)
    record = utype.sql_type.user
    sql_type = record_type(record.fields, utype.oid, utype.array_oid,
                           name.schema, new, resolve_types.display_name(
                               name.schema, new))
    del b.types[utype.name]
    b.types[name] = replace(utype, name=name, sql_type=sql_type)
    resolve_types.retype_columns(b, utype.oid, sql_type)
