"""CLUSTER t [USING index] and ALTER TABLE … CLUSTER ON / SET WITHOUT
CLUSTER: which index of a table is marked clustered (pg_index's
indisclustered, psql's "CLUSTER"). The rows' physical order is not
observable through the twin's reads (no ORDER BY means no order), so
CLUSTER changes only that mark. Checks and messages are cluster.c's
(check_index_is_clusterable) and tablecmds.c's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pglast import ast

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, undefined_object, wrong_object_type,
)
from twinning.ir import catalog as c
from twinning.ir import ddl as d
from twinning.passes.parse_expr import Unsupported, loc


def cluster(node: ast.ClusterStmt) -> list:
    if node.relation is None:  # every clustered table, outside a block
        raise Unsupported("CLUSTER without a table", loc(node))
    if node.params:
        raise Unsupported("CLUSTER (options)", loc(node))
    rv = node.relation
    table = tuple(p for p in (rv.catalogname, rv.schemaname, rv.relname) if p)
    return [d.ClusterDef(table, node.indexname, "cluster")]  # 42P01 unplaced


def alter(table: tuple[str, ...], cmd: ast.AlterTableCmd, at: int) -> d.ClusterDef:
    """ALTER TABLE … CLUSTER ON index (`cmd.name`) / SET WITHOUT CLUSTER."""
    return d.ClusterDef(table, cmd.name, "on" if cmd.name else "without", at)


def apply(b: Any, defn: d.ClusterDef) -> None:
    table = b.table(defn.table, defn.location)
    ours = [i for i in b.indexes.values() if i.table == table.name]
    if defn.action == "without":
        _mark(b, ours, None)
        return
    if defn.index is None:  # CLUSTER t: the index marked before
        found = next((i for i in ours if i.clustered), None)
        if found is None:
            raise undefined_object("there is no previously clustered index "
                                   f'for table "{table.name.name}"')
    else:
        found = b.indexes.get(c.QName(table.name.schema, defn.index))
        if found is None:
            raise undefined_object(f'index "{defn.index}" for table '
                                   f'"{table.name.name}" does not exist')
        if found.table != table.name:
            raise wrong_object_type(f'"{defn.index}" is not an index for table '
                                    f'"{table.name.name}"')
        if found.method != "btree":
            raise SqlError(FEATURE_NOT_SUPPORTED, f'cannot cluster on index "{defn.index}" '
                                         "because access method does not support clustering")
        if found.predicate is not None:
            raise SqlError(FEATURE_NOT_SUPPORTED, "cannot cluster on partial index "
                                         f'"{defn.index}"')
    _mark(b, ours, found.name)


def _mark(b: Any, indexes: list[c.Index], name: c.QName | None) -> None:
    for index in indexes:
        if index.clustered != (index.name == name):
            b.indexes[index.name] = replace(index, clustered=index.name == name)
