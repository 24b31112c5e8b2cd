"""Lower stage for schema files: syntax IR → DDL definitions.

Per statement, independent of every other statement: resolve type names to
`SqlType`s with PostgreSQL's typmod rules, expand serial columns, hoist
column constraints to table constraints and apply the per-column checks
PostgreSQL makes while transforming a CREATE TABLE (conflicting NULL/NOT
NULL, several defaults, identity with a default). Errors are the SqlErrors
PostgreSQL would raise; constructs outside the subset raise `Unsupported`.
"""

from __future__ import annotations

from dataclasses import replace

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, UNDEFINED_OBJECT, SqlError,
    column_specified_more_than_once, invalid_parameter_value, syntax_error,
    type_does_not_exist, type_modifier_not_allowed,
)
from twinning.ir import ddl as d
from twinning.ir.privileges import GrantDef, RoleDef
from twinning.ir.routines import ROUTINE_TAGS
from twinning.ir import syntax as s
from twinning.ir.types import (INTERVAL_FULL_PRECISION, INTERVAL_FULL_RANGE,
                               SERIALS, VARHDRSZ, SqlType, canonical_name,
                               interval_typmod, numeric_typmod)
from twinning.passes.parse import StatementUnsupported, line_column
from twinning.passes.parse_expr import Unsupported

# PostgreSQL built-in types the twin does not implement: refused as such,
# rather than reported as nonexistent.
KNOWN_UNSUPPORTED_TYPES = frozenset("""
inet cidr macaddr macaddr8 point line lseg box path
polygon circle oid regclass regproc regtype name char
int4range int8range numrange tsrange tstzrange daterange int4multirange
txid_snapshot pg_lsn cstring record void anyelement hstore citext
""".split())

MAX_VARCHAR = 10485760
MAX_BITS = 83886080  # varbit.c's VARBITMAXLEN
NUMERIC_MAX_PRECISION = 1000


def lower_schema(script: s.Script, skipped: list | None = None
                 ) -> d.SchemaProgram:
    """Lower every statement of a parsed schema file, in order
    (`skipped`: --skip-unsupported's list, where refusals go instead)."""
    out = []
    refused_at = None  # a statement of several definitions goes whole
    for stmt in script.statements:
        if stmt.offset == refused_at:
            continue
        try:
            definition = _LOWER[type(stmt.node)](stmt.node)
        except Unsupported as exc:
            where = stmt.offset if exc.location < 0 else exc.location
            line, column = line_column(script.source, where)
            refused = StatementUnsupported(exc.construct, stmt.text, line,
                                           column, stmt.offset)
            if skipped is None:
                raise refused from exc
            skipped.append(refused)
            refused_at = stmt.offset
            out = [lowered for lowered in out if lowered.offset != stmt.offset]
            continue
        out.append(d.Lowered(definition, stmt.text, stmt.offset))
    return d.SchemaProgram(tuple(out), script.source)


# ----------------------------------------------------------------------- types

def lower_type(spec: s.TypeSpec) -> tuple[SqlType, bool]:
    """A written type → (SqlType, is_serial), with PostgreSQL's checks."""
    qualified = ".".join(spec.names)
    schema = spec.names[0] if len(spec.names) > 1 else None
    raw = spec.name
    if raw in SERIALS and schema is None:
        if spec.array:
            raise SqlError(FEATURE_NOT_SUPPORTED, "array of serial is not implemented",
                                         position=spec.location + 1)
        return SqlType(SERIALS[raw]), True
    name = canonical_name(raw) if schema in (None, "pg_catalog") else None
    if name is None:
        if raw in KNOWN_UNSUPPORTED_TYPES and schema in (None, "pg_catalog"):
            raise Unsupported(f"type {raw}", spec.location)
        raise type_does_not_exist(qualified,
                                  position=spec.location + 1 if spec.location >= 0 else None)
    typmod = _typmod(name, spec)
    return SqlType(name, typmod, spec.array), False


def _typmod(name: str, spec: s.TypeSpec) -> int:
    mods = spec.typmods
    if not mods:
        return -1
    if name in ("varchar", "bpchar"):
        if len(mods) != 1:
            raise invalid_parameter_value("invalid type modifier")
        label = "varchar" if name == "varchar" else "char"
        if mods[0] < 1:
            raise invalid_parameter_value(f"length for type {label} must be at least 1")
        if mods[0] > MAX_VARCHAR:
            raise invalid_parameter_value(f"length for type {label} cannot exceed "
                                          f"{MAX_VARCHAR}")
        return mods[0] + VARHDRSZ
    if name in ("bit", "varbit"):
        if len(mods) != 1:
            raise invalid_parameter_value("invalid type modifier")
        if mods[0] < 1:
            raise invalid_parameter_value(f"length for type {name} must be at least 1")
        if mods[0] > MAX_BITS:
            raise invalid_parameter_value(f"length for type {name} cannot exceed "
                                          f"{MAX_BITS}")
        return mods[0]
    if name == "numeric":
        if len(mods) > 2:
            raise invalid_parameter_value("invalid NUMERIC type modifier")
        precision, scale = mods[0], mods[1] if len(mods) == 2 else 0
        if not 1 <= precision <= NUMERIC_MAX_PRECISION:
            raise invalid_parameter_value(f"NUMERIC precision {precision} must be "
                                          f"between 1 and {NUMERIC_MAX_PRECISION}")
        if not -1000 <= scale <= 1000:
            raise invalid_parameter_value(f"NUMERIC scale {scale} must be between "
                                          "-1000 and 1000")
        return numeric_typmod(precision, scale)
    if name in ("timestamp", "timestamptz", "time", "timetz"):
        label = "TIME" if name in ("time", "timetz") else "TIMESTAMP"
        suffix = " WITH TIME ZONE" if name in ("timestamptz", "timetz") else ""
        if len(mods) != 1:
            raise invalid_parameter_value("invalid type modifier")
        if mods[0] < 0:
            raise invalid_parameter_value(f"{label}({mods[0]}){suffix} precision "
                                          "must not be negative")
        return min(mods[0], 6)  # PostgreSQL warns and reduces to 6
    if name == "interval":
        return _interval_typmod(mods, spec)
    raise type_modifier_not_allowed(name,
                                    position=spec.location + 1 if spec.location >= 0 else None)


def _interval_typmod(mods: tuple[int, ...], spec: s.TypeSpec) -> int:
    """intervaltypmodin(): (range mask[, precision]) → packed typmod."""
    if len(mods) == 1:
        if mods[0] == INTERVAL_FULL_RANGE:
            return -1
        return interval_typmod(mods[0], INTERVAL_FULL_PRECISION)
    if len(mods) != 2:
        raise invalid_parameter_value("invalid INTERVAL type modifier")
    if mods[1] < 0:
        raise invalid_parameter_value(f"INTERVAL({mods[1]}) precision must not be "
                                      "negative")
    return interval_typmod(mods[0], min(mods[1], 6))


# ---------------------------------------------------------------- statements

def _sequence_def(options: tuple[s.SequenceOption, ...],
                  name: tuple[str, ...] | None = None,
                  if_not_exists: bool = False, location: int = -1
                  ) -> d.SequenceDef:
    values: dict[str, object] = {}
    for opt in options:
        if opt.name in values:
            raise syntax_error("conflicting or redundant options",
                               position=opt.location + 1 if opt.location >= 0 else None)
        values[opt.name] = opt.value
    if "restart" in values:
        raise Unsupported("sequence option RESTART", location)
    seq_type = None
    if "as" in values:
        seq_type, _ = lower_type(values["as"])  # type: ignore[arg-type]
    return d.SequenceDef(
        name, seq_type, values.get("start"), values.get("increment"),
        values.get("minvalue"), values.get("maxvalue"), values.get("cache"),
        bool(values.get("cycle", False)), values.get("owned_by"),
        if_not_exists, location)


def _lower_table(node: s.CreateTable) -> d.TableDef:
    table = node.name[-1]
    columns: list[d.ColumnDef] = []
    constraints: list[d.ConstraintDef] = []
    seen: set[str] = set()
    for col in node.columns:
        if isinstance(col, s.TableLike):  # expanded against the catalog
            columns.append(d.LikeDef(col.relation, col.options, col.location))
            continue
        if col.name in seen:
            raise column_specified_more_than_once(col.name)
        seen.add(col.name)
        column, hoisted = _lower_column(table, col)
        columns.append(column)
        constraints.extend(hoisted)
    constraints.extend(_lower_constraint(c) for c in node.constraints)
    return d.TableDef(node.name, tuple(columns), tuple(constraints),
                      node.if_not_exists, node.location, node.temporary,
                      node.on_commit, node.partition_by, node.partition_of,
                      node.bound, node.option_columns)


def column_type(spec: s.TypeSpec) -> tuple[SqlType | s.TypeSpec, bool]:
    """A column's type: a built-in lowered now, any other name kept as
    written for `resolve_ddl` to find among the user's types then."""
    try:
        return lower_type(spec)
    except SqlError as exc:
        if exc.sqlstate != UNDEFINED_OBJECT:
            raise
        return spec, False


def _lower_column(table: str, col: s.ColumnDef
                  ) -> tuple[d.ColumnDef, list[d.ConstraintDef]]:
    sql_type, serial = column_type(col.type)
    nullness: bool | None = None
    default = default_source = identity = None
    generated = saw_default = False
    sequence = d.SequenceDef(None, sql_type) if serial else None
    hoisted: list[d.ConstraintDef] = []
    where = f'column "{col.name}" of table "{table}"'
    for c in col.constraints:
        if c.kind in ("not_null", "null"):
            wanted = c.kind == "not_null"
            if nullness is not None and nullness != wanted:
                raise syntax_error(f"conflicting NULL/NOT NULL "
                                   f"declarations for {where}")
            nullness = wanted
        elif c.kind == "default":
            if generated:
                saw_default = True
                continue
            if default is not None or serial:
                raise syntax_error(f"multiple default values specified "
                                   f"for {where}")
            if identity is not None:
                raise syntax_error(f"both default and identity "
                                   f"specified for {where}")
            default, default_source = c.expr, c.source
        elif c.kind == "generated":
            if generated:
                raise syntax_error(f"multiple generation clauses "
                                   f"specified for {where}",
                                   position=c.location + 1)
            saw_default = default is not None
            generated, default, default_source = True, c.expr, c.source
        elif c.kind == "identity":
            if identity is not None:
                raise syntax_error(f"multiple identity specifications "
                                   f"for {where}")
            if default is not None and not generated:
                raise syntax_error(f"both default and identity "
                                   f"specified for {where}")
            if serial or not isinstance(sql_type, SqlType) or \
                    sql_type.name not in ("int2", "int4", "int8") \
                    or sql_type.is_array:
                raise invalid_parameter_value("identity column type must be "
                                              "smallint, integer, or bigint")
            identity = c.identity
            sequence = _sequence_def(c.sequence_options)
            if sequence.type is None:
                sequence = _replace_type(sequence, sql_type)
        else:
            hoisted.append(_hoist(col.name, c))
    if generated and (saw_default or serial or identity):
        last = col.constraints[-1].location
        raise syntax_error(f"both {'identity' if identity else 'default'}"
                           f" and generation expression specified for {where}",
                           position=last + 1 if last >= 0 and not serial else None)
    if identity and nullness is False:
        raise syntax_error(f"conflicting NULL/NOT NULL declarations "
                           f"for {where}")
    not_null = bool(nullness) or serial or identity is not None
    return d.ColumnDef(col.name, sql_type, not_null, default, default_source,
                       identity, serial, sequence, col.location,
                       generated), hoisted


def _replace_type(seq: d.SequenceDef, sql_type: SqlType) -> d.SequenceDef:
    from dataclasses import replace
    return replace(seq, type=sql_type)


def _hoist(column: str, c: s.ColumnConstraint) -> d.ConstraintDef:
    kind = {"primary_key": "primary_key", "unique": "unique", "check": "check",
            "references": "foreign_key"}[c.kind]
    columns = () if kind == "check" else (column,)
    return d.ConstraintDef(kind, c.name, columns, c.expr, c.source, c.ref,
                           c.nulls_not_distinct, True, c.location)


def _lower_constraint(c: s.TableConstraint) -> d.ConstraintDef:
    return d.ConstraintDef(c.kind, c.name, c.columns, c.expr, c.source, c.ref,
                           c.nulls_not_distinct, False, c.location)


_LOWER = {
    s.CreateTable: _lower_table,
    s.CreateIndex: lambda n: d.IndexDef(n.name, n.table, n.columns, n.unique,
                                        n.nulls_not_distinct, n.if_not_exists,
                                        n.location, n.include, n.options,
                                        n.where, n.where_source, n.method,
                                        n.only, n.concurrently, n.opclasses,
                                        n.expressions),
    s.AddConstraint: lambda n: d.ConstraintAdd(
        n.table, _lower_constraint(n.constraint), n.location, n.only),
    s.CreateSequence: lambda n: _sequence_def(n.options, n.name,
                                              n.if_not_exists, n.location),
    s.AlterColumn: lambda n: _lower_alter_column(n),
    s.IfTableExists: lambda n: d.IfTableExistsDef(
        n.table, tuple(lower_definition(st) for st in n.statements), n.location),
    # statements with nothing to lower are parsed straight into definitions:
    # the plain ones (parse), types and domains (parse_types), extensions,
    # partitions, CLUSTER, routines and privileges
    **{kind: (lambda n: n) for kind in (
        d.SchemaDef, d.CommentDef, d.DropDef, d.DropConstraintDef,
        d.RenameTableDef, d.RenameColumnDef, d.SettingDef, d.OwnerDef,
        d.SequenceOwnerDef, d.ViewDef, d.RefreshViewDef,
        d.EnumDef, d.CompositeTypeDef, d.AlterCompositeDef, d.AlterEnumDef,
        d.RenameTypeDef, d.DomainDef, d.AlterDomainDef, d.ExtensionDef,
        d.SchemaPathDef, d.ClusterDef, *ROUTINE_TAGS, d.PartitionCmdDef,
        GrantDef, RoleDef)},
}


def _lower_alter_column(node: s.AlterColumn) -> d.AlterColumnDef:
    if node.action != "add":
        new_type = None
        if node.new_type is not None:  # errors without a position, as there
            new_type, serial = column_type(replace(node.new_type, location=-1))
            if serial:
                raise type_does_not_exist(node.new_type.name)
        return d.AlterColumnDef(node.table, node.action, node.column,
                                node.default, node.default_source,
                                location=node.location, if_exists=node.if_exists,
                                cascade=node.cascade, new_type=new_type,
                                using=node.using, only=node.only)
    column, hoisted = _lower_column(node.table[-1], node.column)
    return d.AlterColumnDef(node.table, "add", column,
                            constraints=tuple(hoisted),
                            if_not_exists=node.if_not_exists,
                            location=node.location, only=node.only)


def lower_definition(statement: s.DdlStatement) -> d.Definition:
    """One DDL statement's definition (a runtime statement's lower step)."""
    return _LOWER[type(statement)](statement)
