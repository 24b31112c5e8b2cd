"""Reads of partitioned tables and the `tableoid` system column.

A partitioned table named in FROM is read as the union of its leaf
partitions in PostgreSQL's partition order (Append over the partitions'
scans, no pruning): its `Scan` lists them in `leaves` and carries one more
column after the table's, the OID of the partition each row came from,
which is what `tableoid` reads (and, under FOR UPDATE/SHARE, one more:
the (partition, row id) pair LockRows locks). `FROM ONLY` a partitioned table reads
nothing (it holds no rows itself). Of any other table, `tableoid` is that
table's OID, `'schema.table'::regclass::oid` typed as such.
"""

from __future__ import annotations

from typing import Any

from twinning.ir import query as q
from twinning.ir import select as r
from twinning.ir import syntax as s
from twinning.ir.types import SqlType
from twinning.passes.expr.analyze import TypingContext, resolve_expr
from twinning.passes.expr.scope import EMPTY
from twinning.passes.expr.system import system_catalog
from twinning.passes.partition_route import leaves
from twinning.values.identifiers import quote_qualified

OID = q.ResultType.of(SqlType("oid"))


def partitioned_scan(catalog: Any, table: Any, columns: tuple, only: bool,
                     rowid: bool, location: int) -> r.Scan | None:
    """The Scan of a partitioned table (None: `table` is not one)."""
    if catalog.partition_key(table.name) is None:
        return None
    found = () if only else tuple(leaves(catalog, table.name))
    extra = (r.RelColumn("tableoid", OID),)
    if rowid:  # FOR UPDATE/SHARE: (partition, row id) after the tableoid
        extra += (r.RelColumn("ctid", q.INT8),)
    return r.Scan(table.name, columns + extra, rowid=rowid, leaves=found)


def tableoid(entry: Any, location: int) -> Any | None:
    """What `tableoid` of a range-table entry reads (None: the entry is no
    table's)."""
    extra = len(entry.exprs) > len(entry.names)
    if extra:
        return entry.exprs[len(entry.names)]
    table = entry.catalog_table
    if table is None:
        return None
    literal = s.Literal("string", quote_qualified(table.name.schema,
                                                  table.name.name), location)
    expr = s.Cast(s.Cast(literal, s.TypeSpec(("regclass",))),
                  s.TypeSpec(("oid",)))
    return resolve_expr(expr, EMPTY, TypingContext(kind="SELECT"))


def leaf_oid(ctx: Any, leaf: Any) -> int:
    return int(system_catalog().reg_input(
        "regclass", ctx.catalog, quote_qualified(leaf.schema, leaf.name), ctx))
