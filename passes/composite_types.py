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

from twinning.errors import SqlError
from twinning.ir import catalog as c
from twinning.ir import ddl as d
from twinning.ir import syntax as s
from twinning.ir.types import record_type
from twinning.passes import resolve_types
from twinning.passes.lower_ddl import column_type

__all__ = ["apply_composite"]


def apply_composite(b: Any, defn: d.CompositeTypeDef) -> None:
    name = b.qualify(defn.name, defn.location)
    if resolve_types.type_name_taken(b, name):
        raise SqlError("42710", f'type "{name.name}" already exists')
    fields: list = []
    for attribute, written in defn.attributes:
        if any(attribute == f for f, _ in fields):
            raise SqlError("42701", f'column "{attribute}" specified more '
                           "than once")
        if isinstance(written, s.TypeSpec):  # DefineRelation: no positions
            written = replace(written, location=-1)
            lowered, serial = column_type(written)
            if serial:
                raise SqlError("42704", f'type "{written.names[-1]}" does '
                               "not exist")
            written = lowered
        fields.append((attribute, resolve_types.column_type(b, written)))
    relid = resolve_types.FIRST_NORMAL_OID + b.type_oids
    b.type_oids += 3
    sql_type = record_type(tuple(fields), relid + 2, relid + 1, name.schema,
                           name.name, resolve_types.display_name(
                               name.schema, name.name))
    b.types[name] = c.UserType(name, "c", sql_type, relid + 2, relid + 1,
                               b.type_oids, relid=relid)
