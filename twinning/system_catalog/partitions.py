"""Partitioning in the system catalog: pg_inherits, pg_partitioned_table,
the pg_class fields of partitioned tables (relkind p), partitioned indexes
(relkind I) and partitions (relispartition, relpartbound), and the
functions that print them (pg_get_partkeydef, pg_get_expr of a
relpartbound), as ruleutils prints them.
"""

from __future__ import annotations

from typing import Any, Iterable

from twinning.ir import query as q
from twinning.ir.catalog import (MAXVALUE, MINVALUE, Check, Index, QName,
                                  Table)
from twinning.system_catalog import pg_builtin
from twinning.system_catalog.build import Build, facts
from twinning.valueio import formatter
from twinning.values.identifiers import quote_ident
from twinning.passes.partition_keys import key_types
from twinning.values.settings import DEFAULT_SETTINGS

_STRATEGY = {"range": "r", "list": "l", "hash": "h"}


def partbound_tree(relid: int) -> str:
    """pg_class.relpartbound of a partition (pg_get_expr prints it)."""
    return f"{{TWINNING_PARTBOUND :relid {relid}}}"


def class_fields(b: Build, qname: QName, obj: Any) -> dict:
    """What pg_class says of a relation taking part in partitioning."""
    catalog = b.catalog
    if isinstance(obj, Index):
        out: dict = {}
        if catalog.partition_key(obj.table) is not None:
            out.update(relkind="I", relfilenode=0, relpages=0, reltuples=0.0,
                       relhassubclass=bool(catalog.children_of(qname)))
        if catalog.parent_of(qname) is not None:
            out["relispartition"] = True
        return out
    if not isinstance(obj, Table):
        return {}
    out = {}
    if catalog.partition_key(qname) is not None:
        out.update(relam=0, relfilenode=0,
                   relhassubclass=bool(catalog.children_of(qname)))
    row = catalog.parent_of(qname)
    if row is not None and row.bound is not None:
        out.update(relispartition=True,
                   relpartbound=partbound_tree(b.oids.relations[qname]))
    return out


_INHERITED = {"attislocal": False, "attinhcount": 1}


def inherited_columns(catalog: Any, table: Table) -> dict:
    """pg_attribute of a partition: its columns are its parent's
    (attislocal false, attinhcount 1), however it was made."""
    row = catalog.parent_of(table.name)
    if row is None or row.bound is None:
        return {}
    parent = catalog.table(row.parent)
    return {col.name: _INHERITED for col in table.columns
            if parent is not None and parent.column(col.name) is not None}


def constraint_fields(b: Build, table: Table, constraint: Any) -> dict:
    """pg_constraint of a partition's constraint inherited from its
    parent: a CHECK of the same name, or the constraint of an index
    attached to the parent's (conparentid: the parent's constraint)."""
    catalog = b.catalog
    row = catalog.parent_of(table.name)
    if row is None or row.bound is None:
        return {}
    parent = catalog.table(row.parent)
    if isinstance(constraint, Check):
        if any(isinstance(k, Check) and k.name == constraint.name
               for k in parent.constraints):
            return {"conislocal": False, "coninhcount": 1}
        return {}
    index = QName(table.name.schema, constraint.name)
    attached = catalog.parent_of(index)
    if attached is None:
        return {}
    owner = next((i for i in catalog.indexes if i.name == attached.parent), None)
    if owner is None or owner.constraint is None:
        return {}
    return {"conislocal": False, "coninhcount": 1,
            "connoinherit": not attached.made, "conparentid":
            b.oids.constraints.get((owner.table, owner.constraint), 0)}


def index_valid(catalog: Any, index: Index) -> bool:
    """pg_index.indisvalid: an index of a partitioned table is valid once
    every partition has an index attached to it (CREATE INDEX ON ONLY
    makes it invalid until then)."""
    if catalog.partition_key(index.table) is None:
        return True
    by_table = {}
    for name in (i.child for i in catalog.children_of(index.name)):
        child = next((x for x in catalog.indexes if x.name == name), None)
        if child is not None:
            by_table[child.table] = child
    for row in catalog.children_of(index.table):
        if row.bound is None:
            continue
        child = by_table.get(row.child)
        if child is None or not index_valid(catalog, child):
            return False
    return True


def _pg_inherits(b: Build) -> Iterable[dict]:
    m = b.oids
    for row in b.catalog.inherits:
        yield {"inhrelid": m.relations[row.child],
               "inhparent": m.relations[row.parent], "inhseqno": 1,
               "inhdetachpending": False}


def _pg_partitioned_table(b: Build) -> Iterable[dict]:
    m, catalog = b.oids, b.catalog
    for key in catalog.partition_keys:
        table = catalog.table(key.table)
        types = key_types(table, key)
        opclass = 1 if key.strategy == "hash" else 0
        default = next((r.child for r in catalog.children_of(key.table)
                        if r.bound is not None and r.bound.default), None)
        yield {"partrelid": m.relations[key.table],
               "partstrat": _STRATEGY[key.strategy],
               "partnatts": len(key.columns),
               "partdefid": 0 if default is None else m.relations[default],
               "partattrs": tuple(table.column(col).attnum if col else 0
                                  for col in key.columns),
               "partclass": tuple(pg_builtin.DEFAULT_OPCLASSES.get(
                   t.name + ("[]" if t.is_array else ""), (0, 0))[opclass]
                   for t in types),
               "partcollation": tuple(facts(t).typcollation for t in types),
               "partexprs": None if all(key.columns) else
               f"{{TWINNING_PARTEXPRS :relid {m.relations[key.table]}}}"}


BUILDERS = {QName("pg_catalog", "pg_inherits"): _pg_inherits,
            QName("pg_catalog", "pg_partitioned_table"): _pg_partitioned_table}


def part_texts(catalog: Any, table: Table, key: Any, session: Any,
               pretty: bool, bare: bool = False) -> list[str]:
    """Each key part as ruleutils prints it: a column's name; an
    expression deparsed, in parentheses unless it is a function call
    (`bare`: as it prints inside a larger expression)."""
    from twinning.ir import query as tq
    from twinning.passes.partition_keys import typed_expression
    from twinning.system_catalog.deparse import Printer
    from twinning.system_catalog.oids import oid_map
    out = []
    for i, name in enumerate(key.columns):
        if name:
            out.append(quote_ident(name))
            continue
        typed = typed_expression(table, key.exprs[i])
        text = Printer(oid_map(catalog), session, pretty).text(typed)
        out.append(text if bare or isinstance(typed, tq.TCall)
                   else f"({text})")
    return out


def partkeydef(catalog: Any, table: Table, session: Any = None) -> str | None:
    """pg_get_partkeydef: `RANGE (a, b)`, `LIST (upper(b))`."""
    key = catalog.partition_key(table.name)
    if key is None:
        return None
    parts = part_texts(catalog, table, key, session, False)
    return f"{key.strategy.upper()} ({', '.join(parts)})"


_NUMERIC = frozenset({"int2", "int4", "int8", "numeric", "float4", "float8",
                      "oid"})


def _constant(sql_type: Any, value: Any, settings: Any) -> str:
    """get_const_expr with showtype -1: numbers bare (a negative one
    quoted), booleans as words, anything else a quoted literal."""
    if value is None:
        return "NULL"
    if value is MINVALUE or value is MAXVALUE:
        return repr(value)
    text = formatter(q.ResultType.of(sql_type), settings)(value)
    if sql_type.name == "bool" and not sql_type.is_array:
        return "true" if value else "false"
    if sql_type.name in _NUMERIC and not sql_type.is_array and \
            not text.startswith("-") and text not in ("NaN", "Infinity"):
        return text
    return "'" + text.replace("'", "''") + "'"


def bound_text(catalog: Any, table: Table, ctx: Any) -> str | None:
    """pg_get_expr of relpartbound: `FOR VALUES FROM (…) TO (…)` & co."""
    row = catalog.parent_of(table.name)
    if row is None or row.bound is None:
        return None
    bound = row.bound
    if bound.default:
        return "DEFAULT"
    if bound.strategy == "hash":
        return (f"FOR VALUES WITH (modulus {bound.modulus}, remainder "
                f"{bound.remainder})")
    parent = catalog.table(row.parent)
    key = catalog.partition_key(row.parent)
    types = key_types(parent, key)
    settings = getattr(ctx, "settings", None) or DEFAULT_SETTINGS
    if bound.strategy == "list":
        return "FOR VALUES IN (" + ", ".join(
            _constant(types[0], v, settings) for v in bound.values) + ")"
    lower = ", ".join(_constant(t, v, settings)
                      for t, v in zip(types, bound.lower))
    upper = ", ".join(_constant(t, v, settings)
                      for t, v in zip(types, bound.upper))
    return f"FOR VALUES FROM ({lower}) TO ({upper})"


# -- pg_get_partition_constraintdef -------------------------------------------

def _const(sql_type: Any, value: Any, settings: Any) -> str:
    """get_const_expr with showtype 0: an int4 (non-negative), a numeric
    with a point or a boolean bare; anything else quoted with its type."""
    if sql_type.name == "bool" and not sql_type.is_array:
        return "true" if value else "false"
    text = formatter(q.ResultType.of(sql_type), settings)(value)
    if not sql_type.is_array and not text.startswith("-"):
        if sql_type.name == "int4":
            return text
        if sql_type.name == "numeric" and text[:1].isdigit() and \
                any(ch in text for ch in ".eE"):
            return text
    from twinning.passes.expr.types import display_type
    return ("'" + text.replace("'", "''") + "'::"
            + display_type(q.ResultType.of(sql_type)))


def _own_qual(catalog: Any, b: Build, row: Any, ctx: Any) -> list[str] | None:
    """A partition's own conjuncts (get_qual_from_partbound); None where
    the twin does not print them (a multi-column range key)."""
    parent = catalog.table(row.parent)
    key = catalog.partition_key(row.parent)
    columns = part_texts(catalog, parent, key, ctx, False, bare=True)
    types = key_types(parent, key)
    settings = getattr(ctx, "settings", None) or DEFAULT_SETTINGS
    bound = row.bound
    if key.strategy == "hash":
        return [f"satisfies_hash_partition('{b.oids.relations[row.parent]}'::oid, "
                f"{bound.modulus}, {bound.remainder}, {', '.join(columns)})"]
    if key.strategy == "list":
        if bound.default:
            values, nulls = [], False
            for other in catalog.children_of(row.parent):
                if other.bound is not None and not other.bound.default:
                    values.extend(v for v in other.bound.values if v is not None)
                    nulls = nulls or None in other.bound.values
            from twinning.passes.partition_route import bound_order
            values.sort(key=lambda v: bound_order("list", types)(
                type(bound)("list", values=(v,))))
        else:
            values = [v for v in bound.values if v is not None]
            nulls = None in bound.values
        col = columns[0]
        consts = [_const(types[0], v, settings) for v in values]
        if not consts:
            parts = [f"({col} IS NULL)"]
        else:
            test = (f"({col} = {consts[0]})" if len(consts) == 1 else
                    f"({col} = ANY (ARRAY[{', '.join(consts)}]))")
            parts = ([f"(({col} IS NULL) OR {test})"] if nulls else
                     [f"({col} IS NOT NULL)", test])
        if bound.default:
            inner = parts[0] if len(parts) == 1 else f"({' AND '.join(parts)})"
            return [f"(NOT {inner})"]
        return parts
    if len(columns) > 1:
        return None
    col = columns[0]

    def range_parts(lower: tuple, upper: tuple, nulls: bool = True
                    ) -> list[str]:
        out = [f"({col} IS NOT NULL)"] if nulls else []
        if lower[0] is not MINVALUE and lower[0] is not MAXVALUE:
            out.append(f"({col} >= {_const(types[0], lower[0], settings)})")
        if upper[0] is not MAXVALUE and upper[0] is not MINVALUE:
            out.append(f"({col} < {_const(types[0], upper[0], settings)})")
        return out
    if not bound.default:
        return range_parts(bound.lower, bound.upper)
    from twinning.passes.partition_route import ordered_partitions
    others = []  # get_qual_for_range of a default partition
    for name in ordered_partitions(catalog, row.parent):
        other = catalog.parent_of(name).bound
        if not other.default:
            parts = range_parts(other.lower, other.upper, nulls=False)
            if parts:
                others.append(parts[0] if len(parts) == 1
                              else f"({' AND '.join(parts)})")
    if not others:
        return []
    rest = others[0] if len(others) == 1 else f"({' OR '.join(others)})"
    return [f"(NOT (({col} IS NOT NULL) AND {rest}))"]


def partition_constraintdef(b: Build, table: Table, ctx: Any) -> str | None:
    """pg_get_partition_constraintdef: the ancestors' conjuncts, then the
    partition's own, as one AND."""
    catalog = b.catalog
    parts: list[str] = []
    name = table.name
    chain = []
    while True:
        row = catalog.parent_of(name)
        if row is None or row.bound is None:
            break
        chain.append(row)
        name = row.parent
    if not chain:
        return None
    for row in reversed(chain):
        own = _own_qual(catalog, b, row, ctx)
        if own is None:
            from twinning.errors import feature_not_supported
            raise feature_not_supported("pg_get_partition_constraintdef of a "
                                        "multi-column range partition")
        parts.extend(own)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else f"({' AND '.join(parts)})"
