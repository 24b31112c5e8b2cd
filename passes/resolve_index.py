"""What `resolve_ddl` does for index options, partial indexes and
COMMENT ON, kept apart from its builder (it passes itself in).

- Index names: ChooseIndexColumnNames() — key and INCLUDE columns in
  order, a name repeated in the list gets a number (`b`, `b1`) — joined
  as ChooseIndexNameAddition() joins them.
- A partial index's predicate is typed over the table as DefineIndex
  checks it (`passes.expr.type_index_predicate`: boolean, no subquery,
  aggregate or parameter, immutable functions only); what the typer
  does not run is outside the subset, as for CHECK.
- COMMENT ON TABLE, COLUMN, CONSTRAINT … ON, INDEX, SEQUENCE and SCHEMA
  with CommentObject()'s lookups and errors; `IS NULL` or `IS ''`
  removes the comment. The comment lives on the object, so it goes when
  the object goes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, column_of_relation_does_not_exist,
    relation_already_exists, relation_does_not_exist, schema_does_not_exist,
    undefined_object,
    wrong_object_type,
)
from twinning.ir import catalog as c
from twinning.ir import ddl as d
from twinning.ir import syntax as s
from twinning.passes.object_names import NAMEDATALEN, clip, column_list_name
from twinning.passes.parse_expr import Unsupported


# Types whose btree operator class has an equalimage function, so an
# index on them may deduplicate (_bt_allequalimage)
_EQUAL_IMAGE = frozenset({"int2", "int4", "int8", "text", "varchar", "bpchar",
                          "bool", "bytea", "date", "time", "timetz", "timestamp",
                          "timestamptz", "uuid"})


def build_messages(table: Any, name: str, columns: tuple[str, ...],
                   include: tuple[str, ...] = ()) -> list[str]:
    """The DEBUG1 messages PostgreSQL writes when it builds index `name`
    (index_build, and btbuild's deduplication check, which an index with
    INCLUDE columns skips)."""
    out = [f'building index "{name}" on table "{table.name.name}" serially']
    if not include:
        types = [table.column(col).type for col in columns]
        safe = all(t.name in _EQUAL_IMAGE and not t.is_array for t in types)
        out.append(f'index "{name}" can safely use deduplication' if safe
                   else f'index "{name}" cannot use deduplication')
    return out


def new_index_name(b: Any, defn: Any, table: c.QName,
                   columns: tuple[str, ...]) -> str | None:
    """CREATE INDEX's name: as written (None when it exists and IF NOT
    EXISTS skips the statement), or ChooseRelationName's from `columns`."""
    if defn.name is None:
        return b.choose_relation_name(table.schema, table.name,
                                      index_column_names(columns), "idx")
    if b.relation_exists(c.QName(table.schema, defn.name)):
        b.skip(relation_already_exists(defn.name), defn.if_not_exists)
        return None
    return defn.name


def index_column_names(columns: tuple[str, ...]) -> str:
    """ChooseIndexColumnNames() + ChooseIndexNameAddition()."""
    return column_list_name(index_attribute_names(columns))


def index_attribute_names(columns: tuple[str, ...]) -> list[str]:
    """ChooseIndexColumnNames(): the index's own attribute names, a
    name repeated in the list numbered (`b`, `b1`)."""
    chosen: list[str] = []
    for name in columns:
        current, n = name, 0
        while current in chosen:
            n += 1
            suffix = str(n)
            current = clip(name, NAMEDATALEN - 1 - len(suffix)) + suffix
        chosen.append(current)
    return chosen


def check_predicate(table: c.Table, predicate: Any) -> None:
    """The predicate as DefineIndex takes it, or its SqlError."""
    from twinning.passes.expr import type_index_predicate
    try:
        type_index_predicate(table, predicate)
    except SqlError as exc:
        if exc.sqlstate == FEATURE_NOT_SUPPORTED and "subquery" not in exc.message:
            raise Unsupported(f"index predicate: {exc.message}",
                              (exc.position or 0) - 1) from exc
        raise


def predicate_columns(expr: Any) -> set[str]:
    """The column names a predicate reads."""
    return {ref.parts[-1] for ref in s.column_refs(expr) if ref.parts}


def uses_column(index: c.Index, column: str) -> bool:
    """Whether dropping `column` takes the index along (an expression
    key's entry in `columns` is the index column's name, not the table's)."""
    keys = [n for i, n in enumerate(index.columns)
            if not index.expressions or index.expressions[i] is None]
    return column in keys or column in index.include or (
        index.predicate is not None and column in predicate_columns(index.predicate)) or any(
        e is not None and column in predicate_columns(e) for e in index.expressions)


# -- COMMENT ON


def apply_comment(b: Any, defn: d.CommentDef) -> None:
    text = defn.text if defn.text else None
    if defn.target == "table":
        b.table(defn.name).comment = text
    elif defn.target == "column":
        table = b.table(defn.name[:-1])
        column = defn.name[-1]
        if table.column(column) is None:
            raise column_of_relation_does_not_exist(column, table.name.name)
        table.columns = [replace(col, comment=text) if col.name == column
                         else col for col in table.columns]
    elif defn.target == "constraint":
        table = b.table(defn.name[:-1])
        found = next((k for k in table.constraints if k.name == defn.name[-1]),
                     None)
        if found is None:
            raise undefined_object(f'constraint "{defn.name[-1]}" for table '
                                   f'"{table.name.name}" does not exist')
        table.constraints[table.constraints.index(found)] = replace(
            found, comment=text)
    elif defn.target == "schema":
        (schema,) = defn.name
        if schema not in b.schemas:
            raise schema_does_not_exist(schema)
        b.schema_comments[schema] = text
    else:
        _comment_relation(b, defn, text)


def _comment_relation(b: Any, defn: d.CommentDef, text: str | None) -> None:
    """COMMENT ON INDEX / SEQUENCE: the relation must be one."""
    parts = b.unalias(defn.name)
    if len(parts) == 2 and parts[0] not in b.schemas:
        raise schema_does_not_exist(parts[0])
    name = b.lookup(parts)
    objects = b.indexes if defn.target == "index" else b.sequences
    if name in objects:
        objects[name] = replace(objects[name], comment=text)
        return
    if b.relation_exists(name):
        article = "an" if defn.target == "index" else "a"
        raise wrong_object_type(f'"{name.name}" is not {article} {defn.target}')
    raise relation_does_not_exist(".".join(defn.name))


def forget_schema(b: Any, schema: str) -> None:
    """DROP SCHEMA: its comment goes (public's own too, for good)."""
    if schema == "public":
        b.schema_comments[schema] = None
    else:
        b.schema_comments.pop(schema, None)
