"""Row builders of the information_schema views, computed as PostgreSQL
15's information_schema.sql computes them (its _pg_char_max_length,
_pg_numeric_precision, … helpers, the NOT NULL pseudo-constraints named
`<nspoid>_<reloid>_<attnum>_not_null`), for the user's objects; the
schemata view lists every schema. The session user owns everything (as
the superuser who loaded the schema), so no row is hidden by privilege
checks.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from twinning.ir.catalog import (Check, Column, ForeignKey, PrimaryKey,
                                 QName, Table, Unique, View, is_temporary)
from twinning.ir.types import (INTERVAL_FULL_PRECISION, INTERVAL_RANGES,
                               SqlType, numeric_precision_scale)

__all__ = ["BUILDERS"]
from twinning.system_catalog.build import Build
from twinning.system_catalog.domains import user_domains
from twinning.system_catalog.oids import referenced_index
from twinning.system_catalog.pg_catalog import _not_null
from twinning.system_catalog.regnames import format_type

Rows = Iterator[dict[str, Any]]
BUILDERS: dict[QName, Callable[[Build], Iterable[dict]]] = {}


def builder(name: str) -> Callable:
    def register(fn: Callable) -> Callable:
        BUILDERS[QName("information_schema", name)] = fn
        return fn
    return register


def _yes(flag: bool) -> str:
    return "YES" if flag else "NO"


# -- the type helpers of information_schema.sql -----------------------------------

_CHAR_TYPES = ("varchar", "bpchar")
_MAX_OCTETS = 1073741824
_INT_PRECISION = {"int2": 16, "int4": 32, "int8": 64}
_FLOAT_PRECISION = {"float4": 24, "float8": 53}


def char_max_length(t: SqlType) -> int | None:
    if t.is_array or t.name not in _CHAR_TYPES or t.typmod < 0:
        return None
    return t.typmod - 4


def char_octet_length(t: SqlType) -> int | None:
    if t.is_array or t.name not in _CHAR_TYPES + ("text",):
        return None
    length = char_max_length(t)
    return _MAX_OCTETS if length is None else length * 4  # UTF8: 4 bytes max


def numeric_precision(t: SqlType) -> int | None:
    if t.is_array:
        return None
    if t.name in _INT_PRECISION:
        return _INT_PRECISION[t.name]
    if t.name in _FLOAT_PRECISION:
        return _FLOAT_PRECISION[t.name]
    if t.name == "numeric" and t.typmod >= 0:
        return numeric_precision_scale(t.typmod)[0]
    return None


def numeric_radix(t: SqlType) -> int | None:
    if t.is_array:
        return None
    if t.name in _INT_PRECISION or t.name in _FLOAT_PRECISION:
        return 2
    if t.name == "numeric":
        return 10
    return None


def numeric_scale(t: SqlType) -> int | None:
    if t.is_array:
        return None
    if t.name in _INT_PRECISION:
        return 0
    if t.name == "numeric" and t.typmod >= 0:
        return (t.typmod - 4) & 0xFFFF  # _pg_numeric_scale: no sign
    return None


def datetime_precision(t: SqlType) -> int | None:
    if t.is_array:
        return None
    if t.name == "date":
        return 0
    if t.name in ("time", "timetz", "timestamp", "timestamptz"):
        return t.typmod if t.typmod >= 0 else 6
    if t.name == "interval":
        if t.typmod < 0 or t.typmod & 0xFFFF == INTERVAL_FULL_PRECISION:
            return 6
        return t.typmod & 0xFFFF
    return None


def interval_type(t: SqlType) -> str | None:
    """_pg_interval_type(): format_type() after `interval` and its own
    precision, upper-cased (`DAY TO SECOND(2)`); NULL without fields."""
    if t.is_array or t.name != "interval" or t.typmod < 0:
        return None
    fields = INTERVAL_RANGES.get((t.typmod >> 16) & 0x7FFF, "")
    if not fields:
        return None
    shown = t.display()[len("interval"):]
    return shown.strip().upper()


def data_type(b: Build, t: SqlType) -> str:
    if t.is_array:
        return "ARRAY"
    if t.user is not None:
        return "USER-DEFINED"
    return format_type(b.oids, t.oid, None)


def _udt_name(t: SqlType) -> str:
    name = t.domain.typname if t.domain is not None else \
        t.user.typname if t.user is not None else t.name
    return ("_" if t.is_array else "") + name


def type_columns(b: Build, t: SqlType) -> dict[str, Any]:
    """The columns describing a type (data_type … udt_name) of
    information_schema.columns and .domains; a domain (as the base of
    another) is USER-DEFINED, its facts unknown (_pg_truetypid)."""
    udt = {"udt_catalog": b.database, "udt_name": _udt_name(t),
           "udt_schema": t.domain.schema if t.domain is not None else
           t.user.schema if t.user is not None else "pg_catalog"}
    if t.domain is not None and not t.is_array:
        return {"data_type": "USER-DEFINED", **udt}
    return {"data_type": data_type(b, t),
            "character_maximum_length": char_max_length(t),
            "character_octet_length": char_octet_length(t),
            "numeric_precision": numeric_precision(t),
            "numeric_precision_radix": numeric_radix(t),
            "numeric_scale": numeric_scale(t),
            "datetime_precision": datetime_precision(t),
            "interval_type": interval_type(t), **udt}


# -- views --------------------------------------------------------------------------


@builder("schemata")
def schemata(b: Build) -> Rows:
    for name, oid in sorted(b.oids.namespaces.items(), key=lambda x: x[1]):
        owner = "pg_database_owner" if oid == 2200 else b.superuser
        yield {"catalog_name": b.database, "schema_name": name,
               "schema_owner": owner}


@builder("tables")
def tables(b: Build) -> Rows:
    for table in _relations(b):
        view = isinstance(table, View)
        yield {"table_catalog": b.database,
               "table_schema": table.name.schema,
               "table_name": table.name.name,
               "table_type": "VIEW" if view else "LOCAL TEMPORARY"
               if is_temporary(table.name.schema) else "BASE TABLE",
               "is_insertable_into": _yes(not view or bool(
                   _updatable(b, table)[1])),
               "is_typed": "NO"}


def _relations(b: Build) -> list:
    """The tables and plain views information_schema shows (a
    materialized view is in neither)."""
    catalog = b.catalog
    return [*(t for t in catalog.tables if catalog.view(t.name) is None),
            *(v for v in catalog.views if not v.materialized)]


def _updatable(b: Build, view: View) -> tuple[bool, frozenset[str]]:
    from twinning.system_catalog.viewdef import updatable  # lazy: cold start
    return updatable(b.oids, view)


@builder("views")
def views(b: Build) -> Rows:
    from twinning.system_catalog.viewdef import view_def  # lazy: cold start
    for view in b.catalog.views:
        if view.materialized:
            continue
        auto, columns = _updatable(b, view)
        yield {"table_catalog": b.database, "table_schema": view.name.schema,
               "table_name": view.name.name,
               "view_definition": view_def(b.oids, view, b.session, False),
               "check_option": "NONE",
               "is_updatable": _yes(auto and bool(columns)),
               "is_insertable_into": _yes(auto and bool(columns)),
               "is_trigger_updatable": "NO", "is_trigger_deletable": "NO",
               "is_trigger_insertable_into": "NO"}


@builder("columns")
def columns(b: Build) -> Rows:
    from twinning.system_catalog.deparse import default_expr  # lazy: cold start
    for table in _relations(b):
        view = isinstance(table, View)
        not_null = set() if view else _not_null(table)
        writable = _updatable(b, table)[1] if view else None
        for column in table.columns:
            t = column.type
            domain = t.domain if not t.is_array else None
            row = {"table_catalog": b.database,
                   "table_schema": table.name.schema,
                   "table_name": table.name.name,
                   "column_name": column.name,
                   "ordinal_position": column.attnum,
                   "is_nullable": _yes(column.name not in not_null and not (
                       domain is not None and domain.not_null)),
                   **type_columns(b, t if domain is None else domain.base),
                   "dtd_identifier": str(column.attnum),
                   "is_self_referencing": "NO",
                   "is_identity": _yes(column.identity is not None),
                   "identity_cycle": "NO", "is_generated": "NEVER",
                   "is_updatable": _yes(writable is None
                                        or column.name in writable)}
            if domain is not None:
                row.update(domain_catalog=b.database,
                           domain_schema=domain.schema,
                           domain_name=domain.typname)
            if column.generated:
                row.update(is_generated="ALWAYS", generation_expression=
                           default_expr(b.oids, table, column.attnum, b.session))
            elif column.default is not None and column.identity is None:
                row["column_default"] = default_expr(
                    b.oids, table, column.attnum, b.session)
            if column.identity is not None:
                row.update(_identity(b, column))
            yield row


def _identity(b: Build, column: Column) -> dict[str, Any]:
    seq = b.catalog.sequence(column.sequence) if column.sequence else None
    out: dict[str, Any] = {"identity_generation": column.identity.upper()}
    if seq is not None:
        out.update(identity_start=str(seq.start),
                   identity_increment=str(seq.increment),
                   identity_maximum=str(seq.max_value),
                   identity_minimum=str(seq.min_value),
                   identity_cycle=_yes(seq.cycle))
    return out


_TYPES = {PrimaryKey: "PRIMARY KEY", Unique: "UNIQUE",
          ForeignKey: "FOREIGN KEY", Check: "CHECK"}


def _not_null_name(b: Build, table: Table, attnum: int) -> str:
    m = b.oids
    return (f"{m.namespaces[table.name.schema]}_{m.relations[table.name]}_"
            f"{attnum}_not_null")


@builder("table_constraints")
def table_constraints(b: Build) -> Rows:
    for table in b.catalog.tables:
        common = {"constraint_catalog": b.database,
                  "constraint_schema": table.name.schema,
                  "table_catalog": b.database,
                  "table_schema": table.name.schema,
                  "table_name": table.name.name, "is_deferrable": "NO",
                  "initially_deferred": "NO", "enforced": "YES"}
        for constraint in table.constraints:
            row = {**common, "constraint_name": constraint.name,
                   "constraint_type": _TYPES[type(constraint)],
                   "is_deferrable": _yes(getattr(constraint, "deferrable", False)),
                   "initially_deferred": _yes(getattr(constraint, "deferred",
                                                      False))}
            if isinstance(constraint, Unique):
                row["nulls_distinct"] = _yes(not constraint.nulls_not_distinct)
            yield row
        not_null = _not_null(table)
        for column in table.columns:
            if column.name in not_null:
                yield {**common, "constraint_type": "CHECK",
                       "constraint_name": _not_null_name(b, table,
                                                         column.attnum)}


@builder("check_constraints")
def check_constraints(b: Build) -> Rows:
    """The view is a UNION (not UNION ALL): two tables' CHECKs of the same
    name and text in one schema are one row, as in PostgreSQL."""
    seen: set = set()
    for row in _check_rows(b):
        key = tuple(row.values())
        if key not in seen:
            seen.add(key)
            yield row


def _check_rows(b: Build) -> Rows:
    from twinning.system_catalog.deparse import constraint_def  # lazy: cold start
    for table in b.catalog.tables:
        common = {"constraint_catalog": b.database,
                  "constraint_schema": table.name.schema}
        for check in table.checks:
            text = constraint_def(b.oids, table, check, b.session)
            yield {**common, "constraint_name": check.name,
                   "check_clause": text[len("CHECK "):]}
        not_null = _not_null(table)
        for column in table.columns:
            if column.name in not_null:
                yield {**common,
                       "constraint_name": _not_null_name(b, table,
                                                         column.attnum),
                       "check_clause": f"{column.name} IS NOT NULL"}
    from twinning.system_catalog.deparse import domain_check  # lazy
    for _, domain in user_domains(b):
        for check in domain.checks:
            yield {"constraint_catalog": b.database,
                   "constraint_schema": domain.schema,
                   "constraint_name": check.name,
                   "check_clause": f"({domain_check(b.oids, check, b.session)})"}


def _referenced_constraint(b: Build, fk: ForeignKey) -> tuple[Table, Any]:
    """The PRIMARY KEY or UNIQUE constraint owning the referenced index."""
    index_oid = referenced_index(b.oids, fk)
    ref = b.catalog.table(fk.ref_table)
    for constraint in ref.constraints:
        if isinstance(constraint, (PrimaryKey, Unique)) and \
                b.oids.constraint_indexes.get(
                    (ref.name, constraint.name)) == index_oid:
            return ref, constraint
    return ref, None


@builder("key_column_usage")
def key_column_usage(b: Build) -> Rows:
    for table in b.catalog.tables:
        for constraint in table.constraints:
            if isinstance(constraint, Check):
                continue
            unique = None
            if isinstance(constraint, ForeignKey):
                _, unique = _referenced_constraint(b, constraint)
            for position, name in enumerate(constraint.columns, start=1):
                row = {"constraint_catalog": b.database,
                       "constraint_schema": table.name.schema,
                       "constraint_name": constraint.name,
                       "table_catalog": b.database,
                       "table_schema": table.name.schema,
                       "table_name": table.name.name, "column_name": name,
                       "ordinal_position": position}
                if isinstance(constraint, ForeignKey):
                    ref_column = constraint.ref_columns[position - 1]
                    columns = unique.columns if unique is not None else \
                        constraint.ref_columns
                    row["position_in_unique_constraint"] = \
                        columns.index(ref_column) + 1
                yield row


_RULES = {"NO ACTION": "NO ACTION", "RESTRICT": "RESTRICT",
          "CASCADE": "CASCADE", "SET NULL": "SET NULL",
          "SET DEFAULT": "SET DEFAULT"}
_MATCH = {"SIMPLE": "NONE", "FULL": "FULL", "PARTIAL": "PARTIAL"}


@builder("referential_constraints")
def referential_constraints(b: Build) -> Rows:
    for table in b.catalog.tables:
        for fk in table.foreign_keys:
            ref, unique = _referenced_constraint(b, fk)
            yield {"constraint_catalog": b.database,
                   "constraint_schema": table.name.schema,
                   "constraint_name": fk.name,
                   "unique_constraint_catalog": b.database,
                   "unique_constraint_schema": ref.name.schema,
                   "unique_constraint_name": unique.name if unique else None,
                   "match_option": _MATCH[fk.match],
                   "update_rule": _RULES[fk.on_update],
                   "delete_rule": _RULES[fk.on_delete]}


@builder("constraint_column_usage")
def constraint_column_usage(b: Build) -> Rows:
    for table in b.catalog.tables:
        for constraint in table.constraints:
            if isinstance(constraint, ForeignKey):
                owner, columns = constraint.ref_table, constraint.ref_columns
            else:
                owner, columns = table.name, constraint.columns
            for name in dict.fromkeys(columns):
                yield {"table_catalog": b.database,
                       "table_schema": owner.schema,
                       "table_name": owner.name, "column_name": name,
                       "constraint_catalog": b.database,
                       "constraint_schema": table.name.schema,
                       "constraint_name": constraint.name}


@builder("sequences")
def sequences(b: Build) -> Rows:
    identity = {c.sequence for t in b.catalog.tables for c in t.columns
                if c.identity is not None and c.sequence is not None}
    for seq in b.catalog.sequences:
        if seq.name in identity:
            continue  # identity sequences are internal: not listed
        yield {"sequence_catalog": b.database,
               "sequence_schema": seq.name.schema,
               "sequence_name": seq.name.name,
               "data_type": format_type(b.oids, seq.type.oid, None),
               "numeric_precision": numeric_precision(seq.type),
               "numeric_precision_radix": 2, "numeric_scale": 0,
               "start_value": str(seq.start),
               "minimum_value": str(seq.min_value),
               "maximum_value": str(seq.max_value),
               "increment": str(seq.increment),
               "cycle_option": _yes(seq.cycle)}


@builder("domains")
def domains(b: Build) -> Rows:
    from twinning.system_catalog.deparse import domain_default  # lazy
    for _, domain in user_domains(b):
        yield {"domain_catalog": b.database, "domain_schema": domain.schema,
               "domain_name": domain.typname,
               **type_columns(b, domain.base),
               "domain_default": domain_default(b.oids, domain, b.session),
               "dtd_identifier": "1"}


@builder("attributes")
def attributes(b: Build) -> Rows:
    """Each attribute of a composite type (relkind 'c'), as columns
    describes a column; the attribute's own type in attribute_udt_*."""
    for utype in sorted(b.catalog.types, key=lambda t: t.oid):
        if utype.kind != "c":
            continue
        gone = {attnum for attnum, _ in utype.dropped}
        attnums = (n for n in range(1, len(gone) + len(
            utype.sql_type.user.fields) + 1) if n not in gone)
        for attnum, (name, t) in zip(attnums, utype.sql_type.user.fields):
            described = type_columns(b, t)
            yield {"udt_catalog": b.database, "udt_schema": utype.name.schema,
                   "udt_name": utype.name.name, "attribute_name": name,
                   "ordinal_position": attnum, "is_nullable": "YES",
                   **{k: v for k, v in described.items()
                      if not k.startswith("udt_")},
                   "attribute_udt_catalog": described["udt_catalog"],
                   "attribute_udt_schema": described["udt_schema"],
                   "attribute_udt_name": described["udt_name"],
                   "dtd_identifier": str(attnum),
                   "is_derived_reference_attribute": "NO"}


@builder("user_defined_types")
def user_defined_types(b: Build) -> Rows:
    """The composite types (PostgreSQL lists no other kind here)."""
    for utype in sorted(b.catalog.types, key=lambda t: t.oid):
        if utype.kind == "c":
            yield {"user_defined_type_catalog": b.database,
                   "user_defined_type_schema": utype.name.schema,
                   "user_defined_type_name": utype.name.name,
                   "user_defined_type_category": "STRUCTURED",
                   "is_instantiable": "YES"}
