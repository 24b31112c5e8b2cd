"""The functions introspection queries call, over the session's catalog:
format_type, pg_get_constraintdef/indexdef/expr, pg_get_serial_sequence,
the *_is_visible and has_*_privilege families, obj/col_description,
current_schemas, the to_reg* lookups, pg_encoding_to_char, …

Each takes the EvalContext first (`ctx.catalog`, the session's user and
search path) and non-NULL arguments unless registered as non-strict;
`register()` puts them into the expression layer's registry under their
signatures (`install()` calls it). An OID that names nothing gives NULL,
as PostgreSQL's catalog functions do (they are "missing_ok" since 9.x).

The deparser is imported by the pg_get_* functions that use it, not
here: serving starts without it.
"""

from __future__ import annotations

from typing import Any

from twinning.deferred import deferred
from twinning.errors import (
    AMBIGUOUS_FUNCTION, FEATURE_NOT_SUPPORTED, SYNTAX_ERROR, UNDEFINED_OBJECT,
    SqlError, column_of_relation_does_not_exist, database_does_not_exist,
    invalid_parameter_value, role_does_not_exist, schema_does_not_exist,
)
from twinning.ir.catalog import Catalog, Index, Sequence, Table
from twinning.passes.expr import registry
from twinning.system_catalog import regnames
from twinning.system_catalog.names import (parse_qualified, quote_ident,
                                           quote_qualified)
from twinning.system_catalog.oids import BUILTIN_NAMESPACES, OidMap, oid_map

_EMPTY: list[Catalog] = []

# the relations' builders and pg_proc's rows: loaded when a catalog
# function first reads them, not at start-up (install registers these)
pg_catalog = deferred("twinning.system_catalog.pg_catalog", globals(),
                      "pg_catalog")
procs = deferred("twinning.system_catalog.procs", globals(), "procs")
routines = deferred("twinning.system_catalog.routines", globals(), "routines")


def catalog_map(ctx: Any) -> OidMap:
    catalog = getattr(ctx, "catalog", None)
    if catalog is None:
        if not _EMPTY:
            _EMPTY.append(Catalog(("public",), (), (), (), (), ()))
        catalog = _EMPTY[0]
    return oid_map(catalog)


# -- definitions -----------------------------------------------------------------------


def format_type(ctx: Any, oid: int | None, typmod: int | None) -> str | None:
    if oid is None:
        return None
    return regnames.format_type(catalog_map(ctx), int(oid), typmod, ctx)


def pg_get_constraintdef(ctx: Any, oid: int, pretty: bool = False
                         ) -> str | None:
    from twinning.system_catalog import deparse  # lazy: cold start
    m = catalog_map(ctx)
    found = m.constraint_of(int(oid))
    if found is None:
        if int(oid) in m.domain_checks:
            domain, check = m.domain_checks[int(oid)]
            return "CHECK (" + deparse.domain_check(m, check, ctx,
                                                   bool(pretty)) + ")"
        return None
    table, constraint = found
    return deparse.constraint_def(m, table, constraint, ctx, bool(pretty))


def pg_get_indexdef(ctx: Any, oid: int, column: int = 0,
                    pretty: bool = False) -> str | None:
    from twinning.system_catalog import deparse  # lazy: cold start
    m = catalog_map(ctx)
    index = m.index_of(int(oid))
    if index is None:
        return None
    return deparse.index_def(m, index, column, ctx, bool(pretty))


def pg_get_viewdef(ctx: Any, oid: int, pretty: bool = False) -> str | None:
    from twinning.system_catalog.viewdef import view_def  # lazy: cold start
    m = catalog_map(ctx)
    view = m.view_of(int(oid))
    if view is None:
        return None
    return view_def(m, view, ctx, bool(pretty))


def pg_get_ruledef(ctx: Any, oid: int, pretty: bool = False) -> str | None:
    """pg_get_ruledef (make_ruledef, always indented): the twin's rules are
    its views' _RETURN rules; NULL for an OID that is none."""
    from twinning.system_catalog.viewdef import view_def  # lazy: cold start
    m = catalog_map(ctx)
    view = next((v for v in m.catalog.views if m.rules.get(v.name) == int(oid)),
                None)
    if view is None:
        return None
    relid = m.relations[view.name]
    name = regnames.regclass_text(m, relid, ctx) if pretty else \
        f"{quote_ident(view.name.schema)}.{quote_ident(view.name.name)}"
    return (f'CREATE RULE "_RETURN" AS\n    ON SELECT TO {name} DO INSTEAD '
            f"{view_def(m, view, ctx, bool(pretty))}")


def pg_get_expr(ctx: Any, tree: str, relid: int, pretty: bool = False
                ) -> str | None:
    from twinning.system_catalog import deparse  # lazy: cold start
    from twinning.system_catalog.build import parse_tree
    m = catalog_map(ctx)
    parsed = parse_tree(tree)
    if parsed is None:
        return None
    kind, first, second = parsed
    if kind == "partbound":
        from twinning.system_catalog.partitions import bound_text
        table = m.table_of(first)
        return None if table is None else bound_text(m.catalog, table, ctx)
    if kind == "default":
        table = m.table_of(first)
        if table is None:
            return None
        return deparse.default_expr(m, table, second, ctx, bool(pretty))
    if kind == "indexprs":  # the key expressions, in key order
        index = m.index_of(first)
        if index is None or not index.expressions:
            return None
        return ", ".join(deparse.key_expr(m, index, i, ctx, bool(pretty), False)
                         for i, e in enumerate(index.expressions) if e is not None)
    if kind == "indpred":
        index = m.index_of(first)
        if index is None or index.predicate is None:
            return None
        return deparse.predicate_expr(m, index, ctx, bool(pretty))
    found = m.constraint_of(first)
    if found is None:
        if first in m.domain_checks:
            return deparse.domain_check(m, m.domain_checks[first][1], ctx,
                                        bool(pretty))
        return None
    table, check = found
    return deparse.check_expr(m, table, check, ctx, bool(pretty))


def pg_get_serial_sequence(ctx: Any, table: str, column: str) -> str | None:
    m = catalog_map(ctx)
    oid = regnames.regclass_in(m, table, ctx)
    obj = m.object_of(int(oid))
    qname = m.relation_names[int(oid)]
    if not isinstance(obj, Table) or obj.column(column) is None:
        raise column_of_relation_does_not_exist(column, qname.name)
    # the sequence owned by the column (serial, identity, OWNED BY)
    owner = (qname, column)
    seq = next((q.name for q in m.catalog.sequences if q.owned_by == owner),
               None)
    if seq is None:
        return None
    return quote_qualified(seq.schema, seq.name)


# -- visibility ------------------------------------------------------------------------


def pg_table_is_visible(ctx: Any, oid: int) -> bool | None:
    m = catalog_map(ctx)
    if int(oid) not in m.relation_names:
        return None
    return regnames.relation_visible(m, int(oid), ctx)


def pg_type_is_visible(ctx: Any, oid: int) -> bool | None:
    m = catalog_map(ctx)
    if int(oid) not in m.types:
        return None
    return regnames.type_visible(m, int(oid), ctx)


def pg_collation_is_visible(ctx: Any, oid: int) -> bool | None:
    from twinning.system_catalog.pg_catalog import builtin_rows
    known = {row["oid"] for row in builtin_rows("pg_collation")}
    return True if int(oid) in known else None


def pg_function_is_visible(ctx: Any, oid: int) -> bool | None:
    """Whether the function's schema is on the path (the twin has no
    functions of its own to shadow a built-in one); NULL: no such."""
    found = procs.name_and_namespace(int(oid))
    m = catalog_map(ctx)
    user = m.catalog.function_by_oid(int(oid)) if found is None else None
    if user is not None:
        return user.name.schema in regnames.path(m, ctx)
    if found is None:
        return None
    return found[1] == BUILTIN_NAMESPACES["pg_catalog"] or \
        m.namespace_names.get(found[1]) in regnames.path(m, ctx)


def pg_get_functiondef(ctx: Any, oid: int) -> str | None:
    """A user function's CREATE OR REPLACE FUNCTION (NULL: no user
    function; a built-in's text is refused)."""
    user = catalog_map(ctx).catalog.function_by_oid(int(oid))
    if user is not None:
        return routines.functiondef(user)
    if procs.signature(int(oid)) is not None:
        raise SqlError(FEATURE_NOT_SUPPORTED, "pg_get_functiondef of a built-in function "
                                     "is not supported by twinning")
    return None


def _signature(part: int) -> Any:
    """pg_get_function_arguments (0), _identity_arguments (1), _result
    (2): PostgreSQL's own text for each built-in function."""
    def text(ctx: Any, oid: int) -> str | None:
        found = procs.signature(int(oid))
        if found is None:
            user = catalog_map(ctx).catalog.function_by_oid(int(oid))
            return None if user is None else routines.signature(user, part)
        return found[part]
    return text


# -- descriptions ----------------------------------------------------------------------


def obj_description(ctx: Any, oid: int, catalog_name: str | None = None
                    ) -> str | None:
    """The comment on a table, index, sequence (pg_class), constraint
    (pg_constraint) or schema (pg_namespace); without `catalog_name`,
    on whichever of them has the OID."""
    m = catalog_map(ctx)
    oid = int(oid)
    if catalog_name in (None, "pg_class"):
        view = m.view_of(oid)
        if view is not None:
            return view.comment
        relation = m.relation_objects.get(oid)
        if isinstance(relation, (Table, Index, Sequence)):
            return relation.comment
    if catalog_name in (None, "pg_constraint"):
        found = m.constraint_of(oid)
        if found is not None:
            return found[1].comment
    if catalog_name in (None, "pg_namespace"):
        schema = m.namespace_names.get(oid)
        if schema is not None:
            return m.catalog.schema_comment(schema)
    found, comment = routines.comment_of(m.catalog, oid, catalog_name)
    if found:
        return comment
    if catalog_name in (None, "pg_extension"):
        return m.extension_comment(oid)
    return None


def col_description(ctx: Any, oid: int, attnum: int) -> str | None:
    m = catalog_map(ctx)
    table = m.view_of(int(oid)) or m.table_of(int(oid))
    column = table.column_at(attnum) if table is not None else None
    return column.comment if column is not None else None


def shobj_description(ctx: Any, oid: int, catalog_name: str) -> None:
    return None


def pg_get_userbyid(ctx: Any, oid: int) -> str:
    name = regnames.roles(ctx).get(int(oid))
    return name if name is not None else f"unknown (OID={int(oid)})"


# -- privileges -------------------------------------------------------------------------

_TABLE_PRIVILEGES = frozenset({"SELECT", "INSERT", "UPDATE", "DELETE",
                               "TRUNCATE", "REFERENCES", "TRIGGER"})
_SCHEMA_PRIVILEGES = frozenset({"CREATE", "USAGE"})
_DATABASE_PRIVILEGES = frozenset({"CREATE", "CONNECT", "TEMPORARY", "TEMP"})
_COLUMN_PRIVILEGES = frozenset({"SELECT", "INSERT", "UPDATE", "REFERENCES"})


def _check_privileges(text: str, allowed: frozenset[str]) -> None:
    """convert_any_priv_string(): comma-separated, optional WITH GRANT
    OPTION, case-insensitive; 22023 for an unknown word."""
    for item in text.split(","):
        word = " ".join(item.split()).upper()
        if word.endswith(" WITH GRANT OPTION"):
            word = word[:-len(" WITH GRANT OPTION")]
        if word not in allowed:
            raise invalid_parameter_value(f'unrecognized privilege type: "{item}"')


def _role(ctx: Any, role: Any) -> None:
    if isinstance(role, str):
        if role not in regnames.roles(ctx).values():
            raise role_does_not_exist(role)


def _relation(ctx: Any, relation: Any) -> int | None:
    m = catalog_map(ctx)
    if isinstance(relation, str):
        return int(regnames.regclass_in(m, relation, ctx))
    return int(relation) if int(relation) in m.relation_names else None


def has_table_privilege(ctx: Any, *args: Any) -> bool | None:
    *role, relation, privilege = args
    if role:
        _role(ctx, role[0])
    oid = _relation(ctx, relation)
    _check_privileges(privilege, _TABLE_PRIVILEGES)
    return None if oid is None else True


def has_schema_privilege(ctx: Any, *args: Any) -> bool | None:
    *role, schema, privilege = args
    if role:
        _role(ctx, role[0])
    m = catalog_map(ctx)
    if isinstance(schema, str):
        if schema not in m.namespaces:
            raise schema_does_not_exist(schema)
        exists = True
    else:
        exists = int(schema) in m.namespace_names
    _check_privileges(privilege, _SCHEMA_PRIVILEGES)
    return True if exists else None


def has_database_privilege(ctx: Any, *args: Any) -> bool | None:
    *role, database, privilege = args
    if role:
        _role(ctx, role[0])
    if isinstance(database, str):
        names = {"template0", "template1", "postgres",
                 getattr(ctx, "database", "postgres")}
        databases = pg_catalog.databases_of(ctx)  # the twin's, when known
        if databases is not None:
            names = {d.name for d in databases.all()}
        if database not in names:
            raise database_does_not_exist(database)
    _check_privileges(privilege, _DATABASE_PRIVILEGES)
    return True


def has_column_privilege(ctx: Any, *args: Any) -> bool | None:
    *role, relation, column, privilege = args
    if role:
        _role(ctx, role[0])
    oid = _relation(ctx, relation)
    _check_privileges(privilege, _COLUMN_PRIVILEGES)
    if oid is None:
        return None
    m = catalog_map(ctx)
    obj = m.object_of(oid)
    if isinstance(obj, Table):
        if isinstance(column, str) and obj.column(column) is None:
            raise column_of_relation_does_not_exist(column, m.relation_names[oid].name)
        if isinstance(column, int) and not 1 <= column <= len(obj.columns):
            return None
    return True


# -- names and schemas ------------------------------------------------------------------


def current_schemas(ctx: Any, implicit: bool) -> tuple[str, ...]:
    m = catalog_map(ctx)
    return tuple(regnames.search_path(ctx, m.namespaces, bool(implicit)))


def current_schema(ctx: Any) -> str | None:
    found = current_schemas(ctx, False)
    return found[0] if found else None


_ENCODINGS = ("SQL_ASCII", "EUC_JP", "EUC_CN", "EUC_KR", "EUC_TW",
              "EUC_JIS_2004", "UTF8", "MULE_INTERNAL", "LATIN1", "LATIN2",
              "LATIN3", "LATIN4", "LATIN5", "LATIN6", "LATIN7", "LATIN8",
              "LATIN9", "LATIN10", "WIN1256", "WIN1258", "WIN866", "WIN874",
              "KOI8R", "WIN1251", "WIN1252", "ISO_8859_5", "ISO_8859_6",
              "ISO_8859_7", "ISO_8859_8", "WIN1250", "WIN1253", "WIN1254",
              "WIN1255", "WIN1257", "KOI8U", "SJIS", "BIG5", "GBK", "UHC",
              "GB18030", "JOHAB", "SHIFT_JIS_2004")


def pg_encoding_to_char(encoding: int) -> str:
    return _ENCODINGS[encoding] if 0 <= encoding < len(_ENCODINGS) else ""


def pg_char_to_encoding(name: str) -> int:
    wanted = name.upper().replace("-", "").replace("_", "")
    for i, known in enumerate(_ENCODINGS):
        if known.replace("_", "") == wanted:
            return i
    return -1


def to_reg(type_name: str):
    def lookup(ctx: Any, text: str):
        m = catalog_map(ctx)
        if type_name != "regtype":
            try:
                parse_qualified(text)
            except SqlError:
                if type_name in ("regclass", "regproc"):
                    raise
                return None
        try:
            return regnames.reg_input(type_name, m, text, ctx,
                                      missing_ok=True)
        except SqlError as exc:
            if exc.sqlstate in (UNDEFINED_OBJECT, SYNTAX_ERROR, AMBIGUOUS_FUNCTION) and \
                    type_name != "regproc":  # its name errors are raised
                return None
            raise
    return lookup


def pg_relation_is_publishable(ctx: Any, oid: int) -> bool | None:
    m = catalog_map(ctx)
    obj = m.object_of(int(oid))
    if obj is None:
        return None
    return isinstance(obj, Table)


def quote_literal(text: str) -> str:
    """quote_literal(): E'' when the text holds a backslash."""
    body = text.replace("'", "''")
    if "\\" in text:
        return "E'" + body.replace("\\", "\\\\") + "'"
    return "'" + body + "'"


def quote_ident_fn(text: str) -> str:
    return quote_ident(text)


def _quote_literal_any(arg_types: Any):
    out = registry.output(arg_types[0].name, as_cast=True)
    return lambda settings: (lambda v, fmt=out(settings): quote_literal(fmt(v)))


# -- registration -----------------------------------------------------------------------


def pg_get_partkeydef(ctx: Any, oid: int) -> str | None:
    from twinning.system_catalog.partitions import partkeydef
    m = catalog_map(ctx)
    table = m.table_of(int(oid))
    return None if table is None else partkeydef(m.catalog, table, ctx)


def pg_get_partition_constraintdef(ctx: Any, oid: int) -> str | None:
    from twinning.system_catalog.build import Build
    from twinning.system_catalog.partitions import partition_constraintdef
    m = catalog_map(ctx)
    table = m.table_of(int(oid))
    if table is None:
        return None
    return partition_constraintdef(Build(m.catalog, m, ctx), table, ctx)


def _ancestor_names(m: Any, oid: int) -> list:
    """A relation, then its parents up to the root; nothing for a relation
    outside any partition tree."""
    catalog = m.catalog
    name = m.relation_names.get(int(oid))
    if name is None or (catalog.parent_of(name) is None
                        and catalog.partition_key(name) is None):
        return []
    out = []
    while name is not None:
        out.append(name)
        row = catalog.parent_of(name)
        name = None if row is None else row.parent
    return out


def pg_partition_root(ctx: Any, oid: int) -> Any:
    """The top of the partition tree a relation is in (NULL outside any)."""
    m = catalog_map(ctx)
    names = _ancestor_names(m, oid)
    if not names:
        return None
    return regnames.reg_name("regclass", m, m.relations[names[-1]], ctx)


def _partition_ancestors(types: Any) -> Any:
    """pg_partition_ancestors: the relation, then its parents up to the
    root; nothing for a relation outside any partition tree."""
    def ancestors(ctx: Any, oid: int) -> Any:
        m = catalog_map(ctx)
        return iter([regnames.reg_name("regclass", m, m.relations[name], ctx)
                     for name in _ancestor_names(m, oid)])
    ancestors.context = True  # type: ignore[attr-defined]
    return ancestors


def register() -> None:
    """These functions into the runtime registry, by pg_proc signature."""
    fn = registry.define
    ctx = {"context": True}
    # the functions that read the session (the catalog, the search path)
    for signature, impl in (
            ("pg_get_constraintdef(oid)", pg_get_constraintdef),
            ("pg_get_constraintdef(oid,bool)", pg_get_constraintdef),
            ("pg_get_indexdef(oid)", pg_get_indexdef),
            ("pg_get_indexdef(oid,int4,bool)", pg_get_indexdef),
            ("pg_get_expr(pg_node_tree,oid)", pg_get_expr),
            ("pg_get_expr(pg_node_tree,oid,bool)", pg_get_expr),
            ("pg_get_serial_sequence(text,text)", pg_get_serial_sequence),
            ("pg_table_is_visible(oid)", pg_table_is_visible),
            ("pg_type_is_visible(oid)", pg_type_is_visible),
            ("pg_collation_is_visible(oid)", pg_collation_is_visible),
            ("pg_function_is_visible(oid)", pg_function_is_visible),
            ("pg_get_functiondef(oid)", pg_get_functiondef),
            ("obj_description(oid)", obj_description),
            ("obj_description(oid,name)", obj_description),
            ("col_description(oid,int4)", col_description),
            ("shobj_description(oid,name)", shobj_description),
            ("pg_get_userbyid(oid)", pg_get_userbyid),
            ("current_schemas(bool)", current_schemas),
            ("current_schema()", current_schema),
            ("pg_relation_is_publishable(regclass)", pg_relation_is_publishable),
            ("pg_get_ruledef(oid)", pg_get_ruledef),
            ("pg_get_ruledef(oid,bool)", pg_get_ruledef),
            ("pg_get_viewdef(oid)", pg_get_viewdef),
            ("pg_get_viewdef(oid,bool)", pg_get_viewdef),
            ("pg_get_partkeydef(oid)", pg_get_partkeydef),
            ("pg_get_partition_constraintdef(oid)", pg_get_partition_constraintdef),
            ("pg_partition_root(regclass)", pg_partition_root),
    ):
        fn(signature, impl, context=True)
    fn("format_type(oid,int4)", format_type, context=True, strict=False)
    for part, name in enumerate(("arguments", "identity_arguments",
                                 "result")):
        fn(f"pg_get_function_{name}(oid)", _signature(part), **ctx)
    for family, check in (("has_table_privilege", has_table_privilege),
                          ("has_schema_privilege", has_schema_privilege),
                          ("has_database_privilege", has_database_privilege),
                          ("has_column_privilege", has_column_privilege)):
        for _, args, *_rest in registry.signatures(family):
            fn(f"{family}({','.join(args)})", check, **ctx)
    fn("pg_encoding_to_char(int4)", pg_encoding_to_char)
    fn("pg_char_to_encoding(name)", pg_char_to_encoding)
    fn("quote_ident(text)", quote_ident_fn)
    fn("quote_literal(text)", quote_literal)
    registry.FUNCTIONS["quote_literal(anyelement)"] = registry.TypedImpl(
        _quote_literal_any)
    fn("pg_get_statisticsobjdef_columns(oid)", lambda oid: None)
    # objects the twin never has: no triggers, partitions,
    # tablespaces or temporary schemas
    fn("pg_get_triggerdef(oid)", lambda oid: None)
    fn("pg_get_triggerdef(oid,bool)", lambda oid, pretty: None)
    registry.SET_RETURNING["pg_partition_ancestors(regclass)"] = \
        _partition_ancestors
    registry.SET_RETURNING_COLUMN["pg_partition_ancestors(regclass)"] = "relid"
    fn("pg_tablespace_location(oid)", lambda oid: "")
    fn("pg_my_temp_schema()", lambda: 0)
    fn("pg_is_other_temp_schema(oid)", lambda oid: False)
    for name, type_name in (("to_regclass", "regclass"),
                            ("to_regtype", "regtype"),
                            ("to_regnamespace", "regnamespace"),
                            ("to_regproc", "regproc")):
        fn(f"{name}(text)", to_reg(type_name), **ctx)
