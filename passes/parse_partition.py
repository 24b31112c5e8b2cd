"""Parse stage for partitioning: PARTITION BY, PARTITION OF … FOR VALUES,
ALTER TABLE … ATTACH/DETACH PARTITION and ALTER INDEX … ATTACH PARTITION,
straight into `ir/ddl.py` definitions (`passes/resolve_partition.py`
applies them). A key part's COLLATE or operator class and DETACH …
CONCURRENTLY/FINALIZE stay outside the subset, refused by name.
"""

from __future__ import annotations

from typing import Any

from pglast import ast
from pglast.enums import AlterTableType

from twinning.ir import ddl as d
from twinning.passes.parse_expr import ExprConverter, Unsupported, loc

_expr = ExprConverter()
_STRATEGIES = {"r": "range", "l": "list", "h": "hash"}


def partition_key(spec: ast.PartitionSpec) -> d.PartitionKeyDef:
    columns, locations, exprs = [], [], []
    for elem in spec.partParams or ():
        expr = elem.expr
        if isinstance(expr, ast.ColumnRef) and len(expr.fields) == 1 and \
                isinstance(expr.fields[0], ast.String):
            elem, expr = ast.PartitionElem(name=expr.fields[0].sval,
                                           location=elem.location), None
        if expr is not None:
            columns.append("")
            exprs.append(_expr(expr))
            locations.append(loc(elem))
            if elem.collation or elem.opclass:
                raise Unsupported("partition key COLLATE or operator class",
                                  loc(elem))
            continue
        if elem.collation:
            raise Unsupported("partition key COLLATE", loc(elem))
        if elem.opclass:
            raise Unsupported("partition key operator class", loc(elem))
        columns.append(elem.name)
        locations.append(loc(elem))
        exprs.append(None)
    return d.PartitionKeyDef(str(spec.strategy).lower(), tuple(columns),
                             loc(spec), tuple(locations), tuple(exprs))


def _datum(node: Any) -> Any:
    """A bound value as written; MINVALUE/MAXVALUE as those words (the
    grammar gives them as column references)."""
    if isinstance(node, ast.ColumnRef) and len(node.fields) == 1 and \
            isinstance(node.fields[0], ast.String) and \
            node.fields[0].sval in ("minvalue", "maxvalue"):
        return d.UnboundedDatum(node.fields[0].sval.upper(), loc(node))
    return _expr(node)


def bound(spec: ast.PartitionBoundSpec) -> d.PartitionBoundDef:
    if spec.is_default:
        return d.PartitionBoundDef("default", location=loc(spec))
    strategy = _STRATEGIES[spec.strategy]
    return d.PartitionBoundDef(
        strategy,
        values=tuple(_datum(v) for v in spec.listdatums or ()),
        lower=tuple(_datum(v) for v in spec.lowerdatums or ()),
        upper=tuple(_datum(v) for v in spec.upperdatums or ()),
        modulus=spec.modulus or 0, remainder=spec.remainder or 0,
        location=loc(spec))


def partition_command(table: tuple[str, ...], cmd: ast.AlterTableCmd,
                      range_var: Any, index: bool = False) -> d.PartitionCmdDef:
    """ATTACH/DETACH PARTITION of ALTER TABLE or ALTER INDEX."""
    part: ast.PartitionCmd = cmd.def_
    kind = AlterTableType(cmd.subtype)
    if part.concurrent:
        raise Unsupported("DETACH PARTITION … CONCURRENTLY", loc(part.name))
    if kind == AlterTableType.AT_DetachPartitionFinalize:
        raise Unsupported("DETACH PARTITION … FINALIZE", loc(part.name))
    child = range_var(part.name)
    if index:
        return d.PartitionCmdDef(table, child, "attach_index",
                                 location=loc(part.name))
    if kind == AlterTableType.AT_AttachPartition:
        return d.PartitionCmdDef(table, child, "attach", bound(part.bound),
                                 loc(part.name))
    return d.PartitionCmdDef(table, child, "detach", location=loc(part.name))


PARTITION_COMMANDS = (AlterTableType.AT_AttachPartition,
                      AlterTableType.AT_DetachPartition,
                      AlterTableType.AT_DetachPartitionFinalize)
