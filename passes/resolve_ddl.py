"""Resolve stage for schema files: DDL definitions → a frozen `Catalog`.

Definitions are applied in file order to a small mutable builder, exactly as
PostgreSQL executes a script: a table must exist before it is referenced, an
unnamed constraint gets the name PostgreSQL would choose at that moment
(`deals_pkey`, `deals_tenant_id_fkey`, `deals_amount_check`, `deals_a_b_key`,
with `1`, `2`… on collisions and PostgreSQL's truncation to 63 bytes), FK
targets must be a primary key or unique constraint with compatible types.
At the end the FK graph gives a deterministic load order and the cycles
(`passes/load_order.py`). Errors are the SqlErrors PostgreSQL raises for
the same script.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, Iterator

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, UNDEFINED_OBJECT, UNDEFINED_TABLE, SqlError,
    column_does_not_exist, column_of_relation_already_exists,
    column_of_relation_does_not_exist, column_specified_more_than_once,
    datatype_mismatch, dependent_objects_still_exist, duplicate_column,
    duplicate_object, duplicate_schema, feature_not_supported,
    invalid_foreign_key, invalid_parameter_value, invalid_schema_name,
    invalid_table_definition, missing_from_entry, relation_already_exists,
    relation_does_not_exist, reserved_name, schema_does_not_exist, skipping,
    syntax_error, undefined_column, undefined_object, wrong_object_type,
)
from twinning.ir import catalog as c
from twinning.ir import ddl as d
from twinning.ir import syntax as s
from twinning.ir.types import SqlType
from twinning.passes import (cluster, composite_types, defaults, generated,
                             index_methods, resolve_domains,
                             resolve_extensions, resolve_owner,
                             resolve_partition, resolve_privileges,
                             resolve_routines, expression_indexes as xi,
                             resolve_types, resolve_view, schema_elements)
from twinning.passes.drop_cascade import report_dependents, schema_missing
from twinning.passes.load_order import load_order
from twinning.values.identifiers import parse_qualified, quote_qualified
from twinning.passes.object_names import column_list_name, make_object_name
from twinning.passes.parse import StatementUnsupported, line_column
from twinning.passes.parse_expr import Unsupported
from twinning.passes.resolve_index import (apply_comment, build_messages,
                                           check_predicate, forget_schema,
                                           new_index_name, uses_column)

DEFAULT_SCHEMA = "public"
NOTICE = "NOTICE"


@dataclass
class _TableBuilder:
    name: c.QName
    columns: list[c.Column]
    created: int  # creation ordinal: PostgreSQL's OID order
    constraints: list[c.Constraint] = field(default_factory=list)
    comment: str | None = None
    dropped: list[tuple[int, SqlType]] = field(default_factory=list)

    def column(self, name: str) -> c.Column | None:
        return next((col for col in self.columns if col.name == name), None)

    def freeze(self) -> c.Table:
        return c.Table(self.name, tuple(self.columns), tuple(self.constraints),
                       self.comment, self.created, tuple(self.dropped))

    def next_attnum(self) -> int:
        return max([col.attnum for col in self.columns]
                   + [attnum for attnum, _ in self.dropped], default=0) + 1


@dataclass
class ResolvedSchema:
    """The catalog plus the notices PostgreSQL would have sent."""

    catalog: c.Catalog
    notices: tuple[str, ...] = ()
    renamed: dict = field(default_factory=dict)  # old table name → new
    # ALTER COLUMN … TYPE: table → {attnum: the new value, typed over the
    # table's row as it was before the statement}
    converted: dict = field(default_factory=dict)
    debug: tuple[str, ...] = ()  # PostgreSQL's DEBUG1 messages (implicit objects)
    validations: tuple = ()  # (table, column, slot, check or None: NOT NULL)


class _Builder:
    """The catalog under construction, with PostgreSQL's naming rules."""

    def __init__(self) -> None:
        self.schemas: list[str] = [DEFAULT_SCHEMA]
        self.tables: dict[c.QName, _TableBuilder] = {}
        self.indexes: dict[c.QName, c.Index] = {}
        self.sequences: dict[c.QName, c.Sequence] = {}
        self.views: dict[c.QName, c.View] = {}  # a materialized one is a table too
        # a NOTICE's text, or (text, detail)
        self.notices: list[str | tuple[str, str]] = []
        # DEBUG1: the sequences and indexes a statement makes implicitly,
        # named after the statement kind doing it
        self.debug: list[str] = []
        self.doing = "CREATE TABLE"
        self.next_created = 0  # the next table's creation ordinal (OID order)
        self.renamed: dict[c.QName, c.QName] = {}  # ALTER TABLE … RENAME TO
        self.converted: dict[c.QName, dict[int, Any]] = {}
        self.original: c.Catalog | None = None  # the catalog DDL runs against
        # a schema file's SET search_path: where unqualified names go and
        # are looked up (PostgreSQL's default "$user", public)
        self.search_path: list[str] = [DEFAULT_SCHEMA]
        # the session's temporary schema (pg_temp_N), made by its first
        # temporary table; None where there is no session (schema files)
        self.temp_schema: str | None = None
        self.schema_comments: dict[str, str | None] = {}  # COMMENT ON SCHEMA
        self.types: dict[c.QName, c.UserType] = {}  # enums (resolve_types)
        self.type_oids = 0  # OIDs given to types so far
        self.validations: list = []  # rows to test (resolve_domains)
        self.extensions: dict[str, c.Extension] = {}  # resolve_extensions
        self.functions: dict = {}  # OID → Function; triggers: (table, name) → Trigger
        self.triggers: dict = {}

    def skip(self, error: SqlError, if_not_exists: bool) -> None:
        """IF NOT EXISTS over an existing object: PostgreSQL's NOTICE (the
        error's SQLSTATE, its message with ", skipping"); else the error."""
        if not if_not_exists:
            raise error
        self.notices.append(skipping(error))

    def skip_missing(self, error: SqlError, if_exists: bool) -> None:
        """IF EXISTS over a missing object: PostgreSQL's NOTICE (00000, the
        error's message with ", skipping"); else the error."""
        if not if_exists:
            raise error
        self.notices.append(f"{error.message}, skipping")

    @classmethod
    def of(cls, catalog: c.Catalog) -> _Builder:
        """A builder holding `catalog`, for DDL run against it."""
        b = cls()
        b.schemas = list(catalog.schemas)
        for t in catalog.tables:
            b.tables[t.name] = _TableBuilder(t.name, list(t.columns), t.created,
                                             list(t.constraints), t.comment,
                                             list(t.dropped))
        b.indexes = {i.name: i for i in catalog.indexes}
        b.sequences = {q.name: q for q in catalog.sequences}
        b.views = {v.name: v for v in catalog.views}
        b.next_created = max([t.created for t in catalog.tables]
                             + [v.created for v in catalog.views]
                             + [catalog.next_created - 1], default=-1) + 1
        b.schema_comments = dict(catalog.schema_comments)
        b.types, b.type_oids = {t.name: t for t in catalog.types}, catalog.type_oids
        b.extensions = {e.name: e for e in catalog.extensions}
        b.functions, b.triggers = {f.oid: f for f in catalog.functions}, {
            (x.table, x.name): x for x in catalog.triggers}
        b.original = catalog
        return b

    # -- names
    def qualify(self, parts: tuple[str, ...], location: int = -1,
                temporary: bool = False) -> c.QName:
        """The name of an object to create: unqualified, in the first
        existing schema of the search path (a temporary one in the
        session's temporary schema, made on first use)."""
        parts = self.unalias(parts)
        if temporary:
            if self.temp_schema is None:
                raise Unsupported("TEMPORARY table in a schema file", location)
            if len(parts) > 1 and parts[0] != self.temp_schema:
                raise invalid_table_definition("cannot create temporary relation in "
                                               "non-temporary schema",
                                               position=_position(location))
            if self.temp_schema not in self.schemas:
                self.schemas.append(self.temp_schema)
            return c.QName(self.temp_schema, parts[-1])
        if len(parts) == 2 and parts[0] == self.temp_schema \
                and parts[0] not in self.schemas:
            self.schemas.append(self.temp_schema)  # CREATE TABLE pg_temp.x
        if len(parts) == 1:
            schema = next((n for n in self.search_path if n in self.schemas),
                          None)
            if schema is None:
                raise invalid_schema_name("no schema has been selected to create in",
                                          position=_position(location))
            return c.QName(schema, parts[0])
        if len(parts) > 2:
            raise Unsupported("cross-database reference")
        if parts[0] not in self.schemas:
            raise schema_does_not_exist(parts[0], position=_position(location))
        return c.QName(parts[0], parts[1])

    def lookup(self, parts: tuple[str, ...], location: int = -1) -> c.QName:
        """The name of an existing relation: unqualified, found along the
        search path (or where it would be created, for the error)."""
        if len(parts) == 1:
            for schema in self.lookup_path():
                name = c.QName(schema, parts[0])
                if self.relation_exists(name):
                    return name
            fallback = next((n for n in self.search_path if n in self.schemas),
                            DEFAULT_SCHEMA)
            return c.QName(fallback, parts[0])
        return self.qualify(parts, location)

    def unalias(self, parts: tuple[str, ...]) -> tuple[str, ...]:
        """`pg_temp.x` names the session's own temporary schema."""
        if len(parts) == 2 and parts[0] == "pg_temp" and self.temp_schema:
            return (self.temp_schema, parts[1])
        return parts

    def lookup_path(self) -> list[str]:
        """Where unqualified relations are found: the session's temporary
        schema first, when it exists and the path does not place it."""
        temp = self.temp_schema
        if temp is None or temp not in self.schemas or temp in self.search_path:
            return self.search_path
        return [temp, *self.search_path]

    def describe(self, name: c.QName) -> str:
        """A relation as PostgreSQL's messages name it: bare when its
        schema is on the search path, else qualified."""
        return name.name if name.schema in self.lookup_path() else str(name)

    def is_temporary(self, name: c.QName) -> bool:
        return c.is_temporary(name.schema)

    def relation_exists(self, name: c.QName) -> bool:
        return (name in self.tables or name in self.indexes
                or name in self.sequences or name in self.views
                or getattr(self.types.get(name), "kind", "") == "c")

    def constraint_exists(self, schema: str, name: str) -> bool:
        return any(t.name.schema == schema and con.name == name
                   for t in self.tables.values() for con in t.constraints)

    def table(self, parts: tuple[str, ...], location: int = -1) -> _TableBuilder:
        name = self.lookup(parts, location)
        if name not in self.tables:
            if name in self.views:
                raise feature_not_supported(f'this statement on view "{name.name}"')
            raise relation_does_not_exist(".".join(parts),
                                          position=_position(location))
        return self.tables[name]

    def choose_relation_name(self, schema: str, name1: str, name2: str | None,
                             label: str, constraint: bool = False) -> str:
        """ChooseRelationName(): first free `name1_name2_labelN`."""
        modlabel, n = label, 0
        while True:
            candidate = make_object_name(name1, name2, modlabel)
            taken = self.relation_exists(c.QName(schema, candidate)) or (
                constraint and self.constraint_exists(schema, candidate))
            if not taken:
                return candidate
            n += 1
            modlabel = f"{label}{n}"

    def choose_constraint_name(self, schema: str, name1: str, name2: str | None,
                               label: str, others: list[str]) -> str:
        """ChooseConstraintName(): like relations, but in pg_constraint."""
        modlabel, n = label, 0
        while True:
            candidate = make_object_name(name1, name2, modlabel)
            if candidate not in others and \
                    not self.constraint_exists(schema, candidate):
                return candidate
            n += 1
            modlabel = f"{label}{n}"


def _position(location: int) -> int | None:
    """A 0-based source offset as an error's 1-based position."""
    return location + 1 if location >= 0 else None


# ------------------------------------------------------------------ apply


def resolve_schema(program: d.SchemaProgram) -> ResolvedSchema:
    """Apply every definition in order and freeze the result."""
    builder = _Builder()
    for lowered in program.definitions:
        try:
            with resolve_types.builder_types(builder):
                _APPLY[type(lowered.definition)](builder, lowered.definition)
        except Unsupported as exc:
            where = lowered.offset if exc.location < 0 else exc.location
            line, column = line_column(program.source, where)
            raise StatementUnsupported(exc.construct, lowered.statement, line,
                                       column) from exc
    catalog = _freeze(builder)
    notices = tuple(n if isinstance(n, str) else n[0] for n in builder.notices)
    return ResolvedSchema(catalog, notices)


def apply_definitions(catalog: c.Catalog, definitions: tuple[d.Definition, ...],
                      search_path: tuple[str, ...] = (DEFAULT_SCHEMA,),
                      temp_schema: str | None = None,
                      check_bodies: bool = True) -> ResolvedSchema:
    """Run DDL definitions against `catalog`, as a runtime statement does
    under the session's `search_path`: the new catalog and the NOTICEs
    (errors are PostgreSQL's SqlErrors)."""
    builder = _Builder.of(catalog)
    builder.search_path = list(search_path)
    builder.temp_schema, builder.check_bodies = temp_schema, check_bodies
    for definition in definitions:
        try:
            with resolve_types.builder_types(builder):
                _APPLY[type(definition)](builder, definition)
        except Unsupported as exc:  # a client gets 0A000 naming it
            raise feature_not_supported(exc.construct, _position(exc.location)
                                        ) from None
    return ResolvedSchema(_freeze(builder), tuple(builder.notices),
                          builder.renamed, builder.converted,
                          tuple(builder.debug), tuple(builder.validations))


def _apply_schema(b: _Builder, defn: d.SchemaDef) -> None:
    if defn.name in b.schemas or defn.name in ("pg_catalog",
                                               "information_schema"):
        return b.skip(duplicate_schema(f'schema "{defn.name}" already exists'),
                      defn.if_not_exists)
    if defn.name.startswith("pg_"):
        raise reserved_name(f'unacceptable schema name "{defn.name}"',
                            detail='The prefix "pg_" is reserved for system schemas.')
    b.schemas.append(defn.name)


def _apply_table(b: _Builder, defn: d.TableDef) -> None:
    b.doing = "CREATE TABLE"
    name = b.qualify(defn.name, defn.location, defn.temporary)
    if defn.on_commit is not None and not b.is_temporary(name):
        raise invalid_table_definition("ON COMMIT can only be used on temporary tables")
    if b.relation_exists(name):
        return b.skip(relation_already_exists(name.name), defn.if_not_exists)
    resolve_types.check_row_type_name(b, name)
    columns = []
    likes = []
    for col in defn.columns:
        if isinstance(col, d.LikeDef):
            source = b.table(col.table, col.location)
            likes.append((source, col.options))
            columns.extend(_like_column(src, col.options, len(columns) + 1)
                           for src in source.columns)
        else:
            columns.append(_column(b, name, col, len(columns) + 1))
    seen: set[str] = set()
    for col in columns:
        if col.name in seen:
            raise column_specified_more_than_once(col.name)
        seen.add(col.name)
    table = _TableBuilder(name, columns, b.next_created)
    generated.check_columns(table.freeze(), columns)
    b.next_created += 1
    # PostgreSQL creates the relation, then CHECKs, then indexes (primary
    # key first), then foreign keys; each step names against what exists.
    b.tables[name] = table
    for col in columns:
        if col.sequence is not None:
            seq = b.sequences[col.sequence]
            b.sequences[col.sequence] = replace(seq, owned_by=(name, col.name))
    for source, options in likes:
        if options & _LIKE_CONSTRAINTS:  # CHECKs keep their names
            table.constraints.extend(
                k if options & _LIKE_COMMENTS else replace(k, comment=None)
                for k in source.constraints if isinstance(k, c.Check))
    checks = [k for k in defn.constraints if k.kind == "check"]
    _add_checks(b, table, checks)
    _add_index_constraints(b, table, [k for k in defn.constraints
                                      if k.kind in ("primary_key", "unique")])
    for fk in (k for k in defn.constraints if k.kind == "foreign_key"):
        _add_foreign_key(b, table, fk)
    for source, options in likes:
        if options & _LIKE_INDEXES:
            _like_indexes(b, table, source)


# CREATE_TABLE_LIKE_* bits (parsenodes.h)
_LIKE_COMMENTS, _LIKE_CONSTRAINTS, _LIKE_DEFAULTS = 1, 4, 8
_LIKE_IDENTITY, _LIKE_INDEXES = 32, 64


def _like_column(src: c.Column, options: int, attnum: int) -> c.Column:
    """transformTableLikeClause: name, type and NOT NULL always; the
    default (a serial's nextval of the source's sequence, not owned) with
    INCLUDING DEFAULTS; comments with INCLUDING COMMENTS."""
    if src.identity and options & _LIKE_IDENTITY:
        raise Unsupported("LIKE … INCLUDING IDENTITY of an identity column")
    made = src.generated and bool(options & 16)  # INCLUDING GENERATED
    keep = bool(options & _LIKE_DEFAULTS) and not src.identity \
        and not src.generated or made
    return replace(src, attnum=attnum, generated=made,
                   default=src.default if keep else None,
                   default_source=src.default_source if keep else None,
                   identity=None, sequence=None,
                   comment=src.comment if options & _LIKE_COMMENTS else None)


def _like_indexes(b: _Builder, table: _TableBuilder, source: _TableBuilder) -> None:
    """INCLUDING INDEXES: the source's key constraints and indexes, named
    afresh for the new table."""
    keys = [d.ConstraintDef("primary_key" if isinstance(k, c.PrimaryKey)
                            else "unique", None, k.columns,
                            nulls_not_distinct=getattr(k, "nulls_not_distinct",
                                                       False))
            for k in source.constraints if isinstance(k, (c.PrimaryKey, c.Unique))]
    _add_index_constraints(b, table, keys)
    for index in sorted(b.indexes.values(), key=lambda i: i.name):
        if index.table == source.name and index.constraint is None:
            _APPLY[d.IndexDef](b, d.IndexDef(None, (table.name.schema, table.name.name),
                                             index.columns, index.unique,
                                             index.nulls_not_distinct,
                                             include=index.include, options=index.options,
                                             where=index.predicate,
                                             expressions=index.expressions))


def _column(b: _Builder, table: c.QName, col: d.ColumnDef,
            attnum: int) -> c.Column:
    default, source, seq_name = col.default, col.default_source, None
    sql_type = resolve_types.column_type(b, col.type)
    if col.sequence is not None:
        seq_name = _create_sequence(b, col.sequence, table, col.name)
        if col.serial:
            literal = quote_qualified(None if seq_name.schema in (
                DEFAULT_SCHEMA, b.temp_schema) else seq_name.schema,
                seq_name.name)  # regclass input: quoted where needed
            default = s.FuncCall(("nextval",), (s.Cast(
                s.Literal("string", literal), s.TypeSpec(("regclass",))),))
            source = "nextval('{}'::regclass)".format(literal.replace("'", "''"))
    elif default is not None and not col.generated:
        defaults.check_default(col.name, sql_type, default,
                               lambda parts: _sequence_ref(b, parts))
        if defaults.is_null_constant(default):
            default = source = None  # PostgreSQL stores no NULL default
    return c.Column(col.name, sql_type, attnum, col.not_null, default, source,
                    col.identity, seq_name, generated=col.generated)


def _sequence_ref(b: _Builder, text: str) -> None:
    name = b.lookup(tuple(parse_qualified(text)))
    if name not in b.sequences:
        raise relation_does_not_exist(text)


_SEQ_BOUNDS = {"int2": 2**15 - 1, "int4": 2**31 - 1, "int8": 2**63 - 1}


def _create_sequence(b: _Builder, defn: d.SequenceDef, table: c.QName | None,
                     column: str | None) -> c.QName:
    if defn.name is not None:
        name = b.qualify(defn.name)
        if b.relation_exists(name):
            b.skip(relation_already_exists(name.name), defn.if_not_exists)
            return name
    else:
        assert table is not None
        name = c.QName(table.schema, b.choose_relation_name(
            table.schema, table.name, column, "seq"))
        b.debug.append(f'{b.doing} will create implicit sequence "{name.name}" '
                       f'for serial column "{table.name}.{column}"')
    seq_type = defn.type or SqlType("int8")
    if seq_type.name not in _SEQ_BOUNDS or seq_type.is_array:
        raise invalid_parameter_value("sequence type must be smallint, integer, "
                                      "or bigint")
    bound = _SEQ_BOUNDS[seq_type.name]
    increment = 1 if defn.increment is None else defn.increment
    if increment == 0:
        raise invalid_parameter_value("INCREMENT must not be zero")
    if increment > 0:
        lo = 1 if defn.min_value is None else defn.min_value
        hi = bound if defn.max_value is None else defn.max_value
    else:
        lo = -bound - 1 if defn.min_value is None else defn.min_value
        hi = -1 if defn.max_value is None else defn.max_value
    label = {"int2": "smallint", "int4": "integer", "int8": "bigint"}[seq_type.name]
    for value, what in ((lo, "MINVALUE"), (hi, "MAXVALUE")):
        if not -bound - 1 <= value <= bound:
            raise invalid_parameter_value(f"{what} ({value}) is out of range for "
                                          f"sequence data type {label}")
    if lo >= hi:
        raise invalid_parameter_value(f"MINVALUE ({lo}) must be less than "
                                      f"MAXVALUE ({hi})")
    start = (lo if increment > 0 else hi) if defn.start is None else defn.start
    if start < lo:
        raise invalid_parameter_value(f"START value ({start}) cannot be less than "
                                      f"MINVALUE ({lo})")
    if start > hi:
        raise invalid_parameter_value(f"START value ({start}) cannot be greater "
                                      f"than MAXVALUE ({hi})")
    cache = 1 if defn.cache is None else defn.cache
    if cache <= 0:
        raise invalid_parameter_value(f"CACHE ({cache}) must be greater than zero")
    owned = None
    if defn.owned_by is not None and defn.owned_by != ("none",):
        owned = _owned_by(b, defn.owned_by)
    b.sequences[name] = c.Sequence(name, seq_type, start, increment, lo, hi,
                                   cache, defn.cycle, owned)
    return name


def _owned_by(b: _Builder, parts: tuple[str, ...]) -> tuple[c.QName, str]:
    if len(parts) < 2:
        raise syntax_error("invalid OWNED BY option",
                           hint="Specify OWNED BY table.column or OWNED BY NONE.")
    table = b.table(parts[:-1])
    if table.column(parts[-1]) is None:
        raise column_of_relation_does_not_exist(parts[-1], table.name.name)
    return table.name, parts[-1]


def _apply_sequence(b: _Builder, defn: d.SequenceDef) -> None:
    _create_sequence(b, defn, None, None)


# -- CHECK

def _expr_columns(expr: object) -> list[tuple[tuple[str, ...], int]]:
    """Every column reference in an expression tree, in order."""
    return [(ref.parts, ref.location) for ref in s.column_refs(expr)]


def _check_columns(table: _TableBuilder, expr: s.Expr) -> tuple[str, ...]:
    names: list[str] = []
    for parts, location in _expr_columns(expr):
        if len(parts) > 1 and tuple(parts[:-1]) not in (
                (table.name.name,), (table.name.schema, table.name.name)):
            raise missing_from_entry(parts[-2], position=location + 1)
        column = parts[-1]
        if table.column(column) is None:
            raise column_does_not_exist(column,
                                        position=location + 1 if location >= 0 else None)
        if column not in names:
            names.append(column)
    return tuple(names)


def _type_check(table: _TableBuilder, k: d.ConstraintDef) -> None:
    """Type the CHECK expression as PostgreSQL's cookConstraint does (it
    must be boolean; operators and functions must exist). What the twin's
    expression layer refuses (0A000) is outside the schema subset."""
    from twinning.passes.expr import check_constraint_function
    try:
        check_constraint_function(table.freeze(),
                                  c.Check(k.name or "", k.expr, "", ()))
    except SqlError as exc:
        if exc.sqlstate == FEATURE_NOT_SUPPORTED:
            raise Unsupported(f"CHECK constraint: {exc.message}",
                              (exc.position or 0) - 1) from exc
        raise


def _add_checks(b: _Builder, table: _TableBuilder,
                checks: list[d.ConstraintDef]) -> None:
    used: list[str] = []
    existing = {k.name for k in table.constraints}
    # Named constraints claim their names before unnamed ones are chosen.
    for k in checks:
        if k.name is not None:
            if k.name in used:
                raise duplicate_object(f'check constraint "{k.name}" already '
                                       "exists")
            if k.name in existing:
                raise duplicate_object(f'constraint "{k.name}" for relation '
                                       f'"{table.name.name}" already exists')
            used.append(k.name)
    for k in checks:
        _type_check(table, k)
        columns = _check_columns(table, k.expr)
        name = k.name
        if name is None:
            colname = columns[0] if len(columns) == 1 else None
            name = b.choose_constraint_name(table.name.schema, table.name.name,
                                            colname, "check", used)
            used.append(name)
        table.constraints.append(c.Check(name, k.expr, k.source or "", columns))


# -- PRIMARY KEY / UNIQUE and indexes

def _key_columns(table: _TableBuilder, columns: tuple[str, ...],
                 primary: bool) -> None:
    seen: set[str] = set()
    for col in columns:
        column = table.column(col)
        if column is None:
            raise undefined_column(f'column "{col}" named in key does not exist')
        if col in seen:
            raise duplicate_column(f'column "{col}" appears twice in '
                                   f'{"primary key" if primary else "unique"} constraint')
        seen.add(col)
        _require_btree(column.type)


def _require_btree(sql_type: SqlType, defn: Any = None, col: str = "",
                   extensions: Any = ()) -> None:
    if defn is not None and (defn.method != "btree" or defn.opclasses):
        return index_methods.resolve_column(defn, col, sql_type, extensions)
    if sql_type.name == "json" and not sql_type.is_array:
        raise undefined_object("data type json has no default operator class "
                               'for access method "btree"',
                               hint="You must specify an operator class for the index "
                               "or define a default operator class for the data type.")


def _add_index_constraints(b: _Builder, table: _TableBuilder,
                           keys: list[d.ConstraintDef]) -> None:
    primaries = [k for k in keys if k.kind == "primary_key"]
    if len(primaries) > 1 or (primaries and table.name in b.tables
                              and any(isinstance(k, c.PrimaryKey)
                                      for k in table.constraints)):
        raise invalid_table_definition(f'multiple primary keys for table '
                                       f'"{table.name.name}" are not allowed',
                                       position=_position(primaries[1 if len(primaries) > 1 else 0].location))
    # transformIndexConstraints(): the primary key first, then the others in
    # order, dropping any whose column list repeats an earlier one.
    ordered = primaries + [k for k in keys if k.kind != "primary_key"]
    kept: list[d.ConstraintDef] = []
    for k in ordered:
        columns = k.columns
        prior = next((p for p in kept if p.columns == columns
                      and p.nulls_not_distinct == k.nulls_not_distinct), None)
        if prior is not None:
            if prior.name is None and k.name is not None:
                kept[kept.index(prior)] = replace(prior, name=k.name)
            continue
        kept.append(k)
    for k in kept:
        _add_key(b, table, k)


def _add_key(b: _Builder, table: _TableBuilder, k: d.ConstraintDef) -> None:
    primary = k.kind == "primary_key"
    _key_columns(table, k.columns, primary)
    schema = table.name.schema
    if k.name is not None:
        if b.relation_exists(c.QName(schema, k.name)):
            raise relation_already_exists(k.name)
        if b.constraint_exists(schema, k.name) and any(
                con.name == k.name for con in table.constraints):
            raise duplicate_object(f'constraint "{k.name}" for relation '
                                   f'"{table.name.name}" already exists')
        name = k.name
    elif primary:
        name = b.choose_relation_name(schema, table.name.name, None, "pkey",
                                      constraint=True)
    else:
        name = b.choose_relation_name(schema, table.name.name,
                                      column_list_name(k.columns), "key",
                                      constraint=True)
    if primary:
        table.columns = [replace(col, not_null=True) if col.name in k.columns
                         else col for col in table.columns]
        table.constraints.append(c.PrimaryKey(name, k.columns))
    else:
        table.constraints.append(c.Unique(name, k.columns, k.nulls_not_distinct))
    b.indexes[c.QName(schema, name)] = c.Index(
        c.QName(schema, name), table.name, k.columns, True, primary, name,
        k.nulls_not_distinct)
    b.debug.append(f'{"ALTER TABLE / ADD" if b.doing == "ALTER TABLE" else "CREATE TABLE /"} '
                   f'{"PRIMARY KEY" if primary else "UNIQUE"} will create '
                   f'implicit index "{name}" for table "{table.name.name}"')
    b.debug.extend(build_messages(table, name, k.columns))


def _apply_index(b: _Builder, defn: d.IndexDef) -> None:
    table = b.table(defn.table)
    schema = table.name.schema
    if defn.where is not None:  # transformIndexStmt types it first
        check_predicate(table.freeze(), defn.where)
    for col in defn.columns + defn.include:
        column = table.column(col)
        if column is None:
            raise column_does_not_exist(col)
        if col in defn.columns:
            _require_btree(column.type, defn, col, b.extensions)
    name = new_index_name(b, defn, table.name, defn.columns + defn.include)
    if name is None:
        return None
    b.indexes[c.QName(schema, name)] = c.Index(
        c.QName(schema, name), table.name, defn.columns, defn.unique, False,
        None, defn.nulls_not_distinct, include=defn.include,
        options=defn.options if any(defn.options) else (),
        predicate=defn.where, method=defn.method,
        opclasses=index_methods.shown(defn, table, b.extensions))
    b.debug.extend(build_messages(table, name, defn.columns, defn.include))


def _apply_constraint(b: _Builder, defn: d.ConstraintAdd) -> None:
    b.doing = "ALTER TABLE"
    table = b.table(defn.table)
    k = defn.constraint
    if k.kind == "check":
        _add_checks(b, table, [k])
    elif k.kind == "foreign_key":
        _add_foreign_key(b, table, k)
    else:
        _add_index_constraints(b, table, [k])


# -- FOREIGN KEY

_FAMILY = {"int2": "integer", "int4": "integer", "int8": "integer",
           "float4": "float", "float8": "float", "date": "datetime",
           "timestamp": "datetime", "timestamptz": "datetime",
           "varchar": "text"}
_IMPLICIT = {
    "int2": {"int4", "int8", "float4", "float8", "numeric"},
    "int4": {"int8", "float4", "float8", "numeric"},
    "int8": {"float4", "float8", "numeric"},
    "float4": {"float8"},
    "numeric": {"float4", "float8"},
    "text": {"bpchar", "varchar"},
    "varchar": {"text", "bpchar"},
    "bpchar": {"text", "varchar"},
    "date": {"timestamp", "timestamptz"},
    "timestamp": {"timestamptz"},
    "time": {"interval", "timetz"},
}


def fk_types_compatible(fk: SqlType, pk: SqlType) -> bool:
    """Whether PostgreSQL finds an equality operator for an FK column pair:
    a cross-type member of the PK opclass's family, or an implicit cast of
    the FK type to the opclass input type."""
    if fk.is_array or pk.is_array:
        return fk.is_array and pk.is_array and fk_types_compatible(
            fk.element, pk.element)
    if fk.name == pk.name:
        return True
    pk_family = _FAMILY.get(pk.name, pk.name)
    if pk_family != "text" and _FAMILY.get(fk.name, fk.name) == pk_family:
        return True
    opcintype = "text" if pk.name == "varchar" else pk.name
    return fk.name == opcintype or opcintype in _IMPLICIT.get(fk.name, ())


def _add_foreign_key(b: _Builder, table: _TableBuilder,
                     k: d.ConstraintDef) -> None:
    ref = k.ref
    assert ref is not None
    parent = b.table(ref.table)
    if b.is_temporary(table.name) != b.is_temporary(parent.name):
        which = "temporary" if b.is_temporary(table.name) else "permanent"
        raise invalid_table_definition(f"constraints on {which} tables may reference "
                                       f"only {which} tables")
    for col in k.columns:
        if table.column(col) is None:
            raise undefined_column(f'column "{col}" referenced in foreign key '
                                   "constraint does not exist")
    if ref.columns:
        for col in ref.columns:
            if parent.column(col) is None:
                raise undefined_column(f'column "{col}" referenced in foreign '
                                       "key constraint does not exist")
        if len(set(ref.columns)) != len(ref.columns):
            raise invalid_foreign_key("foreign key referenced-columns list must "
                                      "not contain duplicates")
        ref_columns = ref.columns
    else:
        pk = next((x for x in parent.constraints if isinstance(x, c.PrimaryKey)),
                  None)
        if pk is None:
            raise undefined_object("there is no primary key for referenced "
                                   f'table "{parent.name.name}"')
        ref_columns = pk.columns
    if len(k.columns) != len(ref_columns):
        raise invalid_foreign_key("number of referencing and referenced columns "
                                  "for foreign key disagree")
    if ref.columns and not _has_unique_on(b, parent, ref_columns):
        raise invalid_foreign_key("there is no unique constraint matching given "
                                  f'keys for referenced table "{parent.name.name}"')
    generated.check_foreign_key([table.column(x) for x in k.columns], ref)
    schema = table.name.schema
    used = [x.name for x in table.constraints if isinstance(x, c.ForeignKey)]
    if k.name is not None:
        if k.name in [x.name for x in table.constraints]:
            raise duplicate_object(f'constraint "{k.name}" for relation '
                                   f'"{table.name.name}" already exists')
        name = k.name
    else:
        name = b.choose_constraint_name(schema, table.name.name,
                                        column_list_name(k.columns), "fkey",
                                        used)
    for fk_col, pk_col in zip(k.columns, ref_columns):
        fk_type = table.column(fk_col).type
        pk_type = parent.column(pk_col).type
        if not fk_types_compatible(fk_type, pk_type):
            raise datatype_mismatch(
                f'foreign key constraint "{name}" cannot be implemented',
                detail=f'Key columns "{fk_col}" and "{pk_col}" are of '
                f"incompatible types: {fk_type.display()} and "
                f"{pk_type.display()}.")
    table.constraints.append(c.ForeignKey(
        name, k.columns, parent.name, ref_columns, ref.on_delete,
        ref.on_update, ref.match, deferrable=ref.deferrable,
        deferred=ref.deferred))


def _has_unique_on(b: _Builder, table: _TableBuilder,
                   columns: tuple[str, ...]) -> bool:
    wanted = set(columns)
    return any(i.table == table.name and i.unique and set(i.columns) == wanted
               and len(i.columns) == len(columns) and i.predicate is None
               and not i.expressions for i in b.indexes.values())


# -- ALTER TABLE

def _apply_alter_column(b: _Builder, defn: d.AlterColumnDef) -> None:
    """ADD COLUMN, ALTER COLUMN … SET/DROP DEFAULT, SET/DROP NOT NULL,
    with ATExecAddColumn's and ATExecColumnDefault's checks."""
    b.doing = "ALTER TABLE"
    table = b.table(defn.table)
    relation = table.name.name
    if defn.action == "add":
        new = defn.column
        if table.column(new.name) is not None:
            return b.skip(column_of_relation_already_exists(new.name, relation),
                          defn.if_not_exists)
        with _unplaced():  # ALTER TABLE's defaults: no source text, no position
            column = _column(b, table.name, new, table.next_attnum())
        table.columns.append(column)
        with _unplaced():
            generated.check_columns(table.freeze(), [column])
        if column.generated:  # the rows it has: computed
            from twinning.passes.resolve_dml import generated_value
            b.converted.setdefault(table.name, {})[column.attnum] = \
                generated_value(table.freeze(), column)
        if column.sequence is not None:
            seq = b.sequences[column.sequence]
            b.sequences[column.sequence] = replace(
                seq, owned_by=(table.name, column.name))
        keys = defn.constraints
        _add_checks(b, table, [k for k in keys if k.kind == "check"])
        _add_index_constraints(b, table, [k for k in keys
                                          if k.kind in ("primary_key", "unique")])
        for fk in (k for k in keys if k.kind == "foreign_key"):
            _add_foreign_key(b, table, fk)
        return
    column = table.column(defn.column)
    if column is None:
        b.skip_missing(undefined_column(f'column "{defn.column}" of relation '
                                        f'"{relation}" does not exist'),
                       defn.if_exists)
        return
    if defn.action == "drop":
        _drop_column(b, table, column, defn.cascade)
        _drop_column_views(b, table.name, column.name, defn.cascade)
        return
    if defn.action == "type":
        generated.check_retype(table.freeze(), column)
        _retype_column(b, table, column, resolve_types.column_type(
            b, defn.new_type), defn.using)
        viewed = resolve_view.changed_views(b, table.name, _freeze(b))
        if viewed:
            raise SqlError(FEATURE_NOT_SUPPORTED, "cannot alter type of a column used by a "
                                         "view or rule", detail=f"rule _RETURN on view "
                                         f'{viewed[0].name.name} depends on column "{column.name}"')
        return
    position = table.columns.index(column)
    if defn.action.startswith("drop_expression"):
        table.columns[position] = generated.drop_expression(
            column, relation, defn.action.endswith("if_exists"), b.notices)
        return
    generated.check_default_change(column, relation, defn.action)
    if defn.action in ("set_default", "drop_default") and column.identity:
        raise syntax_error(f'column "{column.name}" of relation '
                           f'"{relation}" is an identity column',
                           hint="Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY "
                           "instead." if defn.action == "drop_default" else None)
    if defn.action == "set_default":
        with _unplaced():
            defaults.check_default(column.name, column.type, defn.default,
                                   lambda parts: _sequence_ref(b, parts))
        if defaults.is_null_constant(defn.default):
            changed = replace(column, default=None, default_source=None,
                              sequence=None)
        else:
            changed = replace(column, default=defn.default,
                              default_source=defn.default_source, sequence=None)
    elif defn.action == "drop_default":
        changed = replace(column, default=None, default_source=None,
                          sequence=None)
    elif defn.action == "set_not_null":
        changed = replace(column, not_null=True)
    else:
        primary = next((k for k in table.constraints
                        if isinstance(k, c.PrimaryKey)), None)
        if primary is not None and column.name in primary.columns:
            raise invalid_table_definition(f'column "{column.name}" is in a primary key')
        if column.identity:
            raise invalid_table_definition(f'column "{column.name}" of relation '
                                           f'"{relation}" is an identity column')
        changed = replace(column, not_null=False)
    table.columns[position] = changed


def _drop_column(b: _Builder, table: _TableBuilder, column: c.Column,
                 cascade: bool) -> None:
    """ATExecDropColumn: what is built on the column alone goes with it
    (its indexes and key, CHECK and FOREIGN KEY constraints, its owned
    sequence); another constraint's foreign key onto it only with CASCADE.
    The attnum stays taken, as a dropped attribute."""
    name = column.name
    gone = [k for k in table.constraints if name in k.columns]
    dependents = [(child, k) for child in sorted(b.tables.values(),
                                                 key=lambda t: t.created)
                  for k in child.constraints
                  if isinstance(k, c.ForeignKey) and k.ref_table == table.name
                  and name in k.ref_columns and k not in gone]
    users = generated.users(table.freeze(), name)  # generated columns
    _cascade(b, [*(f"column {u.name} of table {table.name.name}" for u in users),
                 *(f"constraint {k.name} on table {child.name.name}"
                   for child, k in dependents)],
             f"column {name} of table {table.name.name}", cascade)
    for user in users:
        _drop_column(b, table, user, cascade)
    for child, k in dependents:
        child.constraints.remove(k)
    table.constraints = [k for k in table.constraints if k not in gone]
    for index_name, index in list(b.indexes.items()):
        if index.table == table.name and uses_column(index, name):
            del b.indexes[index_name]
    for seq_name, seq in list(b.sequences.items()):
        if seq.owned_by == (table.name, name):
            del b.sequences[seq_name]
    table.columns.remove(column)
    table.dropped.append((column.attnum, column.type))


@contextmanager
def _unplaced() -> Iterator[None]:
    """Errors without a position: ALTER TABLE cooks defaults with no
    source text (PostgreSQL's AddRelationNewConstraints)."""
    try:
        yield
    except SqlError as exc:
        exc.position = None
        raise


def _drop_column_views(b: _Builder, table: c.QName, column: str,
                       cascade: bool) -> None:
    """The views a dropped column takes along (CASCADE) or that stop it."""
    target = f"column {column} of table {table.name}"
    viewed = resolve_view.changed_views(b, table, _freeze(b))
    gone = {v.name for v in viewed}
    lines = []
    for view in viewed:
        lines.append((f"{resolve_view.kind_of(view)} {b.describe(view.name)}",
                      target, resolve_view.dropper(b, view.name)))
        lines += resolve_view.dependent_views(b, [view.name], gone)
    _cascade(b, [what for what, _, _ in lines], target, cascade,
             details=[f"{what} depends on {on}" for what, on, _ in lines])
    for _, _, drop in lines:
        drop()


def _retype_column(b: _Builder, table: _TableBuilder, column: c.Column,
                   new_type: SqlType, using: s.Expr | None) -> None:
    """ATPrepAlterColumnType / ATExecAlterColumnType: the new value of
    each row is USING's (else the column's) value under assignment
    coercion, typed here over the row as it was; the default must coerce
    too, and foreign keys on the column must stay implementable. The
    store converts the rows and checks them (`Transaction.apply_schema`)."""
    from twinning.ir import query as q
    from twinning.ir.dml import SequenceDefault
    from twinning.passes.expr.analyze import (TypingContext, can_coerce_expr,
                                              resolve_expr)
    from twinning.passes.expr.scope import TableScope
    from twinning.passes.resolve_dml import assign, column_default
    name = column.name
    # a schema file's tables are empty: their rows never need converting
    before = table.freeze() if b.original is None \
        else b.original.table(table.name)
    if before is None or before.column(name) is None or \
            before.column(name).attnum != column.attnum:
        raise Unsupported("ALTER COLUMN … TYPE of a column made in the same "
                          "statement")
    ctx = TypingContext(kind="USING", allow_params=False)
    source = using if using is not None else s.ColumnRef((name,))
    typed = resolve_expr(source, TableScope(before), ctx)
    target = q.ResultType.of(new_type)
    shown = new_type.display()
    if not can_coerce_expr(typed, target, "a"):
        if using is None:
            raise datatype_mismatch(f'column "{name}" cannot be cast '
                                    f"automatically to type {shown}",
                                    hint=f'You might need to specify "USING {name}::{shown}".')
        raise datatype_mismatch(f'result of USING clause for column "{name}" '
                                f"cannot be cast automatically to type {shown}",
                                hint="You might need to add an explicit cast.")
    changed = replace(column, type=new_type)
    default = column_default(column, TypingContext(kind="DEFAULT"))
    while isinstance(default, q.TCast) and not default.explicit and \
            default.arg.type != q.UNKNOWN:  # a literal's is its own type
        default = default.arg  # strip_implicit_coercions()
    if default is not None and not isinstance(default, SequenceDefault) and \
            not can_coerce_expr(default, target, "a"):
        raise datatype_mismatch(f'default for column "{name}" cannot be cast '
                                f"automatically to type {shown}")
    b.converted.setdefault(table.name, {})[column.attnum] = \
        assign(typed, changed, ctx, -1)
    table.columns[table.columns.index(column)] = changed
    for owner in b.tables.values():
        for k in owner.constraints:
            if not isinstance(k, c.ForeignKey):
                continue
            pairs = list(zip(k.columns, k.ref_columns))
            parent = b.tables[k.ref_table]
            for fk_col, pk_col in pairs:
                if (owner is table and fk_col == name) or \
                        (parent is table and pk_col == name):
                    fk_type = owner.column(fk_col).type
                    pk_type = parent.column(pk_col).type
                    if not fk_types_compatible(fk_type, pk_type):
                        raise datatype_mismatch(
                            f'foreign key constraint "{k.name}" '
                            "cannot be implemented",
                            detail=f'Key columns "{fk_col}" and "{pk_col}" are '
                            f"of incompatible types: {fk_type.display()} and "
                            f"{pk_type.display()}.")
    for k in table.constraints:
        if isinstance(k, c.Check) and name in k.columns:
            _type_check(table, d.ConstraintDef("check", k.name, k.columns, k.expr))


def _cascade(b: _Builder, dependents: list[str], target: str,
             cascade: bool, depends_on: str | None = None,
             details: list[str] | None = None) -> None:
    """reportDependentObjects(): without CASCADE, 2BP01 listing what
    depends on `target` (or on `depends_on`, the object that carries
    it; or the lines of `details`); with it, the NOTICE of what goes
    along."""
    report_dependents(b.notices, target, details or [
        f"{what} depends on {depends_on or target}" for what in dependents],
        dependents, cascade)


def _apply_rename_column(b: _Builder, defn: d.RenameColumnDef) -> None:
    """renameatt(): the column keeps its attnum, values, constraints and
    indexes, which now name it anew (CHECK expressions included)."""
    table = b.table(defn.table)
    column = table.column(defn.column)
    if column is None:
        raise column_does_not_exist(defn.column)
    if table.column(defn.new_name) is not None:
        raise column_of_relation_already_exists(defn.new_name, table.name.name)
    old, new = defn.column, defn.new_name

    def renamed(names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(new if n == old else n for n in names)
    table.columns[table.columns.index(column)] = replace(column, name=new)
    table.columns = [replace(col, default=s.renamed_column(col.default, old, new))
                     if col.generated else col for col in table.columns]
    table.constraints = [
        replace(k, columns=renamed(k.columns), expr=s.renamed_column(k.expr, old, new))
        if isinstance(k, c.Check) else replace(k, columns=renamed(k.columns))
        for k in table.constraints]
    for other in b.tables.values():
        other.constraints = [
            replace(k, ref_columns=renamed(k.ref_columns))
            if isinstance(k, c.ForeignKey) and k.ref_table == table.name else k
            for k in other.constraints]
    for index_name, index in list(b.indexes.items()):
        if index.table == table.name:
            b.indexes[index_name] = xi.renamed(
                index, renamed, lambda e: s.renamed_column(e, old, new))
    for seq_name, seq in list(b.sequences.items()):
        if seq.owned_by == (table.name, old):
            b.sequences[seq_name] = replace(seq, owned_by=(table.name, new))
    viewed = resolve_view.changed_views(b, table.name, _freeze(b))
    if viewed:  # PostgreSQL renames it in the view too; the twin keeps text
        raise feature_not_supported(
            f"RENAME COLUMN of a column {resolve_view.kind_of(viewed[0])} "
            f"{b.describe(viewed[0].name)} reads")


def _apply_if_table_exists(b: _Builder, defn: d.IfTableExistsDef) -> None:
    """ALTER TABLE IF EXISTS: a NOTICE when the table is missing."""
    name = b.lookup(b.unalias(defn.table))
    if name not in b.tables:
        b.notices.append(f'relation "{defn.table[-1]}" does not exist, skipping')
        return
    for definition in defn.definitions:
        _APPLY[type(definition)](b, definition)


def _apply_drop_constraint(b: _Builder, defn: d.DropConstraintDef) -> None:
    """ATExecDropConstraint: a missing one is 42704; a key other tables'
    foreign keys depend on goes only with CASCADE (and takes them along)."""
    table = b.table(defn.table)
    relation = table.name.name
    found = next((k for k in table.constraints if k.name == defn.name), None)
    if found is None:
        b.skip_missing(undefined_object(f'constraint "{defn.name}" of relation '
                                        f'"{relation}" does not exist'),
                       defn.if_exists)
        return
    if isinstance(found, (c.PrimaryKey, c.Unique)):
        dependents = [(child, k) for child in sorted(b.tables.values(),
                                                     key=lambda t: t.created)
                      for k in child.constraints
                      if isinstance(k, c.ForeignKey) and k.ref_table == table.name
                      and set(k.ref_columns) == set(found.columns)]
        _cascade(b, [f"constraint {k.name} on table {child.name.name}"
                     for child, k in dependents],
                 f"constraint {found.name} on table {relation}", defn.cascade,
                 f"index {found.name}")
        for child, k in dependents:
            child.constraints.remove(k)
        b.indexes.pop(c.QName(table.name.schema, found.name), None)
    table.constraints.remove(found)


def _apply_rename_table(b: _Builder, defn: d.RenameTableDef) -> None:
    """ALTER TABLE … RENAME TO: the table keeps its indexes, constraints,
    sequences and rows (RenameRelation)."""
    table = b.table(defn.table)
    old = table.name
    resolve_view.refuse_if_viewed(b, old, "RENAME")
    new = c.QName(old.schema, defn.new_name)
    if b.relation_exists(new):
        raise relation_already_exists(new.name)
    del b.tables[old]
    table.name = new
    b.tables[new] = table
    for name, index in list(b.indexes.items()):
        if index.table == old:
            b.indexes[name] = replace(index, table=new)
    for other in b.tables.values():
        other.constraints = [replace(k, ref_table=new)
                             if isinstance(k, c.ForeignKey) and k.ref_table == old
                             else k for k in other.constraints]
    for name, seq in list(b.sequences.items()):
        if seq.owned_by is not None and seq.owned_by[0] == old:
            b.sequences[name] = replace(seq, owned_by=(new, seq.owned_by[1]))
    first = next((k for k, v in b.renamed.items() if v == old), old)
    b.renamed[first] = new


# -- a schema file's settings, owners, sequence ownership

# Settings that change nothing a schema file builds (pg_dump writes them).
_INERT_SETTINGS = frozenset("""
statement_timeout lock_timeout idle_in_transaction_session_timeout
client_min_messages check_function_bodies xmloption row_security
default_tablespace default_table_access_method synchronous_commit
maintenance_work_mem work_mem escape_string_warning search_path
""".split())
# Settings with the one value the twin runs with.
_FIXED_SETTINGS = {"standard_conforming_strings": "on", "client_encoding": "utf8",
                   "default_with_oids": "off"}


def _apply_setting(b: _Builder, defn: d.SettingDef) -> None:
    name = defn.name.lower()
    if name == "search_path":
        b.search_path = [v.strip().strip('"') for value in defn.values
                         for v in value.split(",") if v.strip()]
        return
    fixed = _FIXED_SETTINGS.get(name)
    if fixed is not None:
        value = ",".join(defn.values).lower().replace("-", "")
        if value not in (fixed, {"on": "true", "off": "false"}.get(fixed)):
            raise Unsupported(f"SET {defn.name} = {','.join(defn.values)}",
                              defn.location)
        return
    if name not in _INERT_SETTINGS:
        raise Unsupported(f"SET {defn.name}", defn.location)
    if name == "check_function_bodies":  # pg_dump's: functions before tables
        b.check_bodies = ",".join(defn.values).lower() in ("on", "true", "1")


def _apply_sequence_owner(b: _Builder, defn: d.SequenceOwnerDef) -> None:
    name = b.lookup(defn.sequence, defn.location)
    if name not in b.sequences:
        raise relation_does_not_exist(".".join(defn.sequence),
                                      position=_position(defn.location))
    owned = None if defn.owned_by == ("none",) else _owned_by(b, defn.owned_by)
    b.sequences[name] = replace(b.sequences[name], owned_by=owned)


# -- DROP

_HINT_KIND = {"table": "Use DROP TABLE to remove a table.",
              "index": "Use DROP INDEX to remove an index.",
              "sequence": "Use DROP SEQUENCE to remove a sequence.",
              "view": "Use DROP VIEW to remove a view.",
              "materialized view": "Use DROP MATERIALIZED VIEW to remove a "
              "materialized view."}


def _relation_kind(b: _Builder, name: c.QName) -> str | None:
    if name in b.views:
        return resolve_view.kind_of(b.views[name])
    if name in b.tables:
        return "table"
    if name in b.indexes:
        return "index"
    if name in b.sequences:
        return "sequence"
    return None


def _apply_drop(b: _Builder, defn: d.DropDef) -> None:
    """DROP TABLE|INDEX|SEQUENCE|SCHEMA with RemoveRelations()'s lookups
    and messages, then the dependent objects (FKs of other tables, serial
    defaults) refused or dropped with CASCADE, as dependency.c reports."""
    if defn.kind in ("schema", "type", "domain"):
        return (_drop_schemas if defn.kind == "schema" else
                resolve_types.drop_types)(b, defn)
    targets: list[c.QName] = []
    for parts in defn.names:
        parts = b.unalias(parts)
        if schema_missing(b, parts, defn.if_exists):
            continue
        name = b.lookup(parts)
        kind = _relation_kind(b, name)
        if kind is None:
            if not defn.if_exists:
                raise SqlError(UNDEFINED_OBJECT if defn.kind == "index" else UNDEFINED_TABLE,
                               f'{defn.kind} "{name.name}" does not exist')
            b.notices.append(f'{defn.kind} "{name.name}" does not exist, skipping')
            continue
        if kind != defn.kind:
            raise wrong_object_type(f'"{name.name}" is not {_article(defn.kind)}',
                                    hint=_HINT_KIND[kind])
        if name not in targets:
            targets.append(name)
    if not targets:
        return
    dependents = _dependents(b, defn.kind, resolve_partition.tree(b, targets))
    described = (f"{defn.kind} {b.describe(targets[0])}" if len(targets) == 1
                 else None)
    report_dependents(b.notices, described,
                      [f"{what} depends on {on}" for what, on, _ in dependents],
                      [what for what, _, _ in dependents], defn.cascade)
    for _, _, drop in dependents:
        drop()
    for name in targets:
        _drop_relation(b, defn.kind, name)


def _article(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def _dependents(b: _Builder, kind: str, targets: list[c.QName]) -> list:
    """(what, on what, how to drop it) of each object outside `targets`
    that depends on one of them, in creation order."""
    out = []
    chosen = set(targets)
    if kind in ("table", "materialized view"):
        for table in sorted(b.tables.values(), key=lambda t: t.created):
            if table.name in chosen:
                continue
            for k in table.constraints:
                if isinstance(k, c.ForeignKey) and k.ref_table in chosen:
                    out.append((f"constraint {k.name} on table "
                                f"{b.describe(table.name)}",
                                f"table {b.describe(k.ref_table)}",
                                _dropper(table, k)))
    elif kind == "sequence":
        for table in sorted(b.tables.values(), key=lambda t: t.created):
            for i, col in enumerate(table.columns):
                seq = col.sequence if col.sequence in chosen else \
                    _default_sequence(b, col)
                if seq in chosen:
                    out.append((f"default value for column {col.name} of table "
                                f"{table.name.name}", f"sequence {seq.name}",
                                _default_dropper(table, i)))
    if kind in ("table", "view", "materialized view"):
        out.extend(resolve_view.dependent_views(b, targets))
    elif kind == "index":
        for name in targets:
            index = b.indexes[name]
            if index.constraint is not None:
                raise dependent_objects_still_exist(
                    f"cannot drop index {name.name} because constraint "
                    f"{index.constraint} on table {index.table.name} requires it",
                    hint=f"You can drop constraint {index.constraint} on table "
                    f"{index.table.name} instead.")
    return out


def _default_sequence(b: _Builder, col: c.Column) -> c.QName | None:
    """The sequence a `DEFAULT nextval('name')` draws from (PostgreSQL
    records that dependency when it stores the default)."""
    default = col.default
    if not isinstance(default, s.FuncCall) or default.name[-1] != "nextval" \
            or len(default.args) != 1:
        return None
    arg = default.args[0]
    if isinstance(arg, s.Cast):
        arg = arg.arg
    if not isinstance(arg, s.Literal) or arg.kind != "string":
        return None
    try:
        parts = parse_qualified(arg.text or "")
    except SqlError:
        return None
    return c.QName(*parts) if len(parts) == 2 else c.QName(DEFAULT_SCHEMA, parts[-1])


def _dropper(table: _TableBuilder, constraint: c.Constraint):
    def drop() -> None:
        table.constraints.remove(constraint)
    return drop


def _default_dropper(table: _TableBuilder, position: int):
    def drop() -> None:
        table.columns[position] = replace(table.columns[position], default=None,
                                          default_source=None, sequence=None)
    return drop


def _drop_relation(b: _Builder, kind: str, name: c.QName) -> None:
    if resolve_partition.dropped_first(b, name, _relation_kind, _drop_relation):
        return  # gone already, with the partitioned table it belonged to
    if kind in ("view", "materialized view"):
        resolve_view.drop_view(b, name)
    elif kind == "index":
        del b.indexes[name]
    elif kind == "sequence":
        del b.sequences[name]
    else:
        del b.tables[name]
        for index in [i for i in b.indexes.values() if i.table == name]:
            del b.indexes[index.name]
        for seq in [q for q in b.sequences.values()
                    if q.owned_by is not None and q.owned_by[0] == name]:
            del b.sequences[seq.name]


def _drop_schemas(b: _Builder, defn: d.DropDef) -> None:
    """DROP SCHEMA: its tables (creation order, each followed by the
    foreign keys of other schemas' tables onto it) and free sequences
    depend on it; they go only with CASCADE."""
    for (name,) in defn.names:
        if name not in b.schemas:
            if not defn.if_exists:
                raise schema_does_not_exist(name)
            b.notices.append(f'schema "{name}" does not exist, skipping')
            continue
        resolve_routines.refuse_schema_drop(b, name)
        relations = [*(t for t in b.tables.values() if t.name not in b.views),
                     *b.views.values()]  # a materialized view once
        tables = resolve_partition.roots(b, sorted(
            (t for t in relations if t.name.schema == name), key=lambda t: t.created))
        sequences = [q.name for q in sorted(b.sequences.values(),
                                            key=lambda q: q.name)
                     if q.name.schema == name and q.owned_by is None]
        outside = _dependents(b, "table", [t.name for t in tables])
        lines: list[tuple[str, str]] = []
        for t in tables:
            what = f"{_relation_kind(b, t.name)} {b.describe(t.name)}"
            lines.append((what, f"schema {name}"))
            lines.extend((dep, on) for dep, on, _ in outside if on == what)
        lines.extend((f"sequence {b.describe(q)}", f"schema {name}")
                     for q in sequences)
        lines.extend(resolve_extensions.in_schema(b, name))
        _cascade(b, [what for what, _ in lines], f"schema {name}", defn.cascade,
                 details=[f"{what} depends on {on}" for what, on in lines])
        for _, _, drop in outside:
            drop()
        for t in tables:
            _drop_relation(b, _relation_kind(b, t.name), t.name)
        for q in sequences:
            _drop_relation(b, "sequence", q)
        resolve_extensions.drop_in_schema(b, name)
        b.schemas.remove(name)
        forget_schema(b, name)


def _apply_comment(b: _Builder, defn: d.CommentDef) -> None:
    if not resolve_view.comment_view(b, defn):
        apply_comment(b, defn)


def _apply_view(b: _Builder, defn: d.ViewDef) -> None:
    """CREATE VIEW (`resolve_view`): a materialized one is also a table."""
    view = resolve_view.create_view(b, defn, _freeze(b))
    if view is not None and view.materialized:
        b.tables[view.name] = _TableBuilder(view.name, list(view.columns),
                                            view.created)


_APPLY = {
    d.SchemaDef: _apply_schema,
    d.TableDef: _apply_table,
    d.IndexDef: _apply_index,
    d.ConstraintAdd: _apply_constraint,
    d.SequenceDef: _apply_sequence,
    d.CommentDef: _apply_comment,
    d.DropDef: _apply_drop,
    d.AlterColumnDef: _apply_alter_column,
    d.DropConstraintDef: _apply_drop_constraint,
    d.RenameTableDef: _apply_rename_table,
    d.RenameColumnDef: _apply_rename_column,
    d.IfTableExistsDef: _apply_if_table_exists,
    d.SettingDef: _apply_setting,
    d.OwnerDef: resolve_owner.apply_owner,
    d.SequenceOwnerDef: _apply_sequence_owner,
    d.ViewDef: _apply_view,
    d.RefreshViewDef: resolve_view.refresh_view,
    d.EnumDef: resolve_types.apply_enum,
    d.CompositeTypeDef: composite_types.apply_composite,
    d.AlterCompositeDef: composite_types.apply_alter,
    d.AlterEnumDef: resolve_types.apply_alter_enum,
    d.RenameTypeDef: resolve_domains.apply_rename,
    d.DomainDef: resolve_domains.apply_domain,
    d.AlterDomainDef: resolve_domains.apply_alter_domain,
    d.ExtensionDef: resolve_extensions.apply,
    d.SchemaPathDef: schema_elements.apply_path,
    d.ClusterDef: cluster.apply,
    **resolve_routines.handlers(lambda b: _freeze(b)),
    **resolve_privileges.handlers(),
}
_APPLY.update(xi.handlers(_APPLY, resolve_partition.handlers(_APPLY)))


# ------------------------------------------------------------------ freeze

def _freeze(b: _Builder) -> c.Catalog:
    tables = tuple(b.tables[k].freeze() for k in sorted(b.tables))
    order, cycles = load_order({
        str(t.name): [str(k.ref_table) for k in t.foreign_keys] for t in tables})
    by_text = {str(t.name): t.name for t in tables}
    catalog = c.Catalog(
        schemas=tuple(sorted(b.schemas)),
        tables=tables,
        indexes=tuple(b.indexes[k] for k in sorted(b.indexes)),
        sequences=tuple(b.sequences[k] for k in sorted(b.sequences)),
        load_order=tuple(by_text[n] for n in order),
        fk_cycles=tuple(tuple(by_text[n] for n in cyc) for cyc in cycles),
        views=tuple(b.views[k] for k in sorted(b.views)),
        schema_comments=tuple(sorted(b.schema_comments.items())),
        types=tuple(sorted(b.types.values(), key=lambda t: t.oid)),
        type_oids=b.type_oids, next_created=b.next_created,
        extensions=tuple(b.extensions[k] for k in sorted(b.extensions)),
        **resolve_routines.frozen(b), **resolve_partition.frozen(b),
        **resolve_privileges.frozen(b))
    catalog.verify()
    return catalog
