"""ALTER TABLE across a partition tree: what a partitioned table's column
and constraint changes do to its partitions, and what a partition may not
change of what it inherits (tablecmds.c's recursion and its 42P16/42809
errors).

A partitioned table's ADD/DROP/RENAME COLUMN, ALTER COLUMN TYPE, SET/DROP
DEFAULT, SET/DROP NOT NULL, ADD CHECK and DROP CONSTRAINT are applied to
it, then to each partition (a CHECK under the name the parent's got, so
the partitions' copies are inherited ones); a partition refuses to add a
column, or to drop, rename or retype one, or drop an inherited CHECK or
NOT NULL, as PostgreSQL refuses. A partition key column cannot be dropped
or retyped. RENAME TO of a table keeps its place in the tree.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from twinning.errors import invalid_table_definition, wrong_object_type
from twinning.ir import catalog as c
from twinning.ir import ddl as d
from twinning.ir import syntax as s
from twinning.passes import partition_keys as keys
from twinning.passes.parse_expr import Unsupported


def _partitions(b: Any, name: c.QName) -> list[c.QName]:
    return [i.child for i in b.inherits
            if i.parent == name and i.bound is not None and i.child in b.tables]


def _parent(b: Any, name: c.QName) -> c.QName | None:
    return next((i.parent for i in b.inherits
                 if i.child == name and i.bound is not None), None)


def _parts(name: c.QName) -> tuple[str, str]:
    return (name.schema, name.name)


def _in_key(b: Any, name: c.QName, column: str, verb: str) -> None:
    key = b.partition_keys.get(name)
    if key is not None and keys.uses_column(key, column):
        raise invalid_table_definition(f'cannot {verb} column "{column}" because it '
                                       "is part of the partition key of relation "
                                       f'"{name.name}"')


def wrap_alter_handlers(apply: dict) -> dict:
    """The handlers of `apply` for ALTER TABLE statements, made to follow
    the partition tree."""
    alter, rename = apply[d.AlterColumnDef], apply[d.RenameColumnDef]
    add, drop = apply[d.ConstraintAdd], apply[d.DropConstraintDef]
    rename_table = apply[d.RenameTableDef]

    def down(b: Any, name: c.QName, defn: Any, handler: Callable) -> None:
        for child in _partitions(b, name):
            handler(b, replace(defn, table=_parts(child)))
            down(b, child, defn, handler)

    def column(b: Any, defn: d.AlterColumnDef) -> None:
        name = b.lookup(defn.table)
        if name not in b.tables:
            return alter(b, defn)
        _refuse_on_partition(b, name, defn)
        partitioned = name in b.partition_keys
        if partitioned and defn.only and _partitions(b, name):
            _only(b, name, defn)
        if partitioned and defn.action in ("drop", "type"):
            _in_key(b, name, defn.column, defn.action == "drop" and "drop"
                    or "alter")
        if partitioned and defn.action == "add" and _partitions(b, name) and (
                defn.column.sequence is not None or any(
                    k.kind != "check" for k in defn.constraints)):
            raise Unsupported("ADD COLUMN with a sequence or a key to a "
                              "partitioned table", defn.location)
        before = {k.name for k in b.tables[name].constraints}
        alter(b, defn)
        if not partitioned or name not in b.tables or defn.only:
            return
        if defn.action == "add":  # its CHECKs under the parent's names
            made = [k.name for k in b.tables[name].constraints
                    if k.name not in before and isinstance(k, c.Check)]
            checks = [k for k in defn.constraints if k.kind == "check"]
            defn = replace(defn, constraints=tuple(
                replace(k, name=n) for k, n in zip(checks, made)))
            if b.tables[name].column(defn.column.name) is None:
                return
        down(b, name, defn, alter)

    def rename_column(b: Any, defn: d.RenameColumnDef) -> None:
        name = b.lookup(defn.table)
        if name in b.tables and _parent(b, name) is not None:
            raise invalid_table_definition(f'cannot rename inherited column '
                                           f'"{defn.column}"')
        if defn.only and name in b.partition_keys and _partitions(b, name):
            raise invalid_table_definition(f'inherited column "{defn.column}" must be '
                                           "renamed in child tables too")
        rename(b, defn)
        if name in b.partition_keys:
            key = b.partition_keys[name]
            b.partition_keys[name] = _key_renamed(key, defn.column,
                                                  defn.new_name)
            down(b, name, defn, rename_with_key)

    def rename_with_key(b: Any, defn: d.RenameColumnDef) -> None:
        rename(b, defn)
        name = b.lookup(defn.table)
        key = b.partition_keys.get(name)
        if key is not None:
            b.partition_keys[name] = _key_renamed(key, defn.column,
                                                  defn.new_name)

    def add_constraint(b: Any, defn: d.ConstraintAdd) -> None:
        name = b.lookup(defn.table)
        if defn.only and defn.constraint.kind == "check" and \
                name in b.partition_keys and _partitions(b, name):
            raise invalid_table_definition("constraint must be added to child tables "
                                           "too")
        before = {k.name for k in b.tables[name].constraints} \
            if name in b.tables else set()
        add(b, defn)
        if defn.constraint.kind != "check" or name not in b.partition_keys:
            return
        made = [k.name for k in b.tables[name].constraints
                if k.name not in before and isinstance(k, c.Check)]
        if made and not defn.only:
            down(b, name, replace(defn, constraint=replace(
                defn.constraint, name=made[0])), add)

    def drop_constraint(b: Any, defn: d.DropConstraintDef) -> None:
        name = b.lookup(defn.table)
        parent = _parent(b, name) if name in b.tables else None
        index = c.QName(name.schema, defn.name)
        if parent is not None and (any(
                k.name == defn.name and isinstance(k, c.Check)
                for k in b.tables[parent].constraints) or any(
                i.child == index for i in b.inherits)):
            raise invalid_table_definition("cannot drop inherited constraint "
                                           f'"{defn.name}" of relation "{name.name}"')
        clones = [i.child for i in b.inherits if i.parent == index]
        if defn.only and name in b.partition_keys and _partitions(b, name) and \
                name in b.tables and any(k.name == defn.name for k in
                                         b.tables[name].constraints):
            raise invalid_table_definition("cannot remove constraint from only the "
                                           "partitioned table when partitions exist",
                                           hint="Do not specify the ONLY keyword.")
        drop(b, defn)
        if name not in b.partition_keys:
            return
        for child in _partitions(b, name):
            table = b.tables[child]
            mine = next((k for k in table.constraints
                         if (isinstance(k, c.Check) and k.name == defn.name)
                         or c.QName(child.schema, k.name) in clones), None)
            if mine is not None:
                drop_constraint_below(b, child, mine.name)

    def drop_constraint_below(b: Any, name: c.QName, constraint: str) -> None:
        index = c.QName(name.schema, constraint)
        clones = [i.child for i in b.inherits if i.parent == index]
        drop(b, d.DropConstraintDef(_parts(name), constraint))
        for child in _partitions(b, name):
            mine = next((k for k in b.tables[child].constraints
                         if k.name == constraint
                         or c.QName(child.schema, k.name) in clones), None)
            if mine is not None:
                drop_constraint_below(b, child, mine.name)

    def renamed_table(b: Any, defn: d.RenameTableDef) -> None:
        old = b.lookup(defn.table)
        rename_table(b, defn)
        new = c.QName(old.schema, defn.new_name)
        if new == old or new not in b.tables:
            return
        if old in b.partition_keys:
            b.partition_keys[new] = replace(b.partition_keys.pop(old), table=new)
        b.inherits = [replace(i, child=new if i.child == old else i.child,
                              parent=new if i.parent == old else i.parent)
                      for i in b.inherits]

    return {d.AlterColumnDef: column, d.RenameColumnDef: rename_column,
            d.ConstraintAdd: add_constraint, d.DropConstraintDef: drop_constraint,
            d.RenameTableDef: renamed_table}


_NO_ONLY = "Do not specify the ONLY keyword."


def _only(b: Any, name: c.QName, defn: d.AlterColumnDef) -> None:
    """ALTER TABLE ONLY on a partitioned table that has partitions: what
    tablecmds.c refuses (a default may change on the parent alone; SET
    NOT NULL only when every partition has it already)."""
    if defn.action == "add":
        raise invalid_table_definition("column must be added to child tables too")
    if defn.action == "drop":
        raise invalid_table_definition("cannot drop column from only the partitioned "
                                       "table when partitions exist", hint=_NO_ONLY)
    if defn.action == "drop_not_null":
        raise invalid_table_definition("cannot remove constraint from only the "
                                       "partitioned table when partitions exist", hint=_NO_ONLY)
    if defn.action == "type":
        raise invalid_table_definition(f'type of inherited column "{defn.column}" '
                                       "must be changed in child tables too")
    if defn.action == "set_not_null":
        for child in _partitions(b, name):
            column = b.tables[child].column(defn.column)
            if column is not None and not column.not_null:
                raise invalid_table_definition("constraint must be added to child "
                                               "tables too", detail=f'Column "{defn.column}" of '
                                               f'relation "{child.name}" is not already NOT '
                                               "NULL.", hint=_NO_ONLY)


def _key_renamed(key: c.PartitionKey, old: str, new: str) -> c.PartitionKey:
    return replace(key, columns=tuple(new if col == old else col
                                      for col in key.columns),
                   exprs=tuple(None if e is None else s.renamed_column(e, old, new)
                               for e in key.exprs))


def _refuse_on_partition(b: Any, name: c.QName, defn: d.AlterColumnDef) -> None:
    """What a partition may not do to the columns it inherits."""
    parent = _parent(b, name)
    if parent is None:
        return
    if defn.action == "add":
        raise wrong_object_type("cannot add column to a partition")
    inherited = b.tables[parent].column(defn.column)
    if inherited is None:
        return
    if defn.action == "drop":
        raise invalid_table_definition(f'cannot drop inherited column "{defn.column}"')
    if defn.action == "type":
        raise invalid_table_definition(f'cannot alter inherited column "{defn.column}"')
    if defn.action == "drop_not_null" and inherited.not_null:
        raise invalid_table_definition(f'column "{defn.column}" is marked NOT NULL '
                                       "in parent table")
