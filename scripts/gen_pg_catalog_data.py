"""Regenerate PostgreSQL 15's catalog rows the twin carries, from a real
PostgreSQL 15:

- `passes/expr/pg_data.py`: the rows of pg_operator, pg_proc, pg_cast and
  pg_type the expression typer resolves operators and functions over. The
  typer is only faithful when it sees the same candidates PostgreSQL sees —
  including overloads on types the twin does not support (selecting one of
  those is a 0A000, never a wrong answer).
- `twinning/system_catalog/pg_builtin.py`: the system relations the twin
  serves (their OIDs and PostgreSQL 15's column lists, domains resolved to
  their base types as RowDescription reports them) and the built-in rows
  of the relations whose content does not come from the user's schema
  (access methods, collations, predefined roles, the types, …).
- `twinning/system_catalog/pg_builtin_proc.py`: every row of pg_proc, with
  what pg_get_function_arguments/identity_arguments/result say of each.
  Its own module, imported when pg_proc is first read: ~3,200 rows the
  twin's start-up does not pay for.

    python scripts/gen_pg_catalog_data.py "host=… port=… user=postgres"

Run it against a freshly initialized server: the built-in rows are read
as they are (a GRANT on schema public there would become the twin's
default nspacl).
"""

from __future__ import annotations

import sys
from pathlib import Path

import psycopg2

from frozenset_literal import frozenset_literal

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OPERATORS = ("+", "-", "*", "/", "%", "^", "=", "<>", "<", ">", "<=", ">=",
             "||", "~~", "!~~", "~~*", "!~~*", "@", "|/", "~", "!~", "~*",
             "!~*", "&", "|", "#", "<<", ">>", "->", "->>", "#>", "#>>", "@>",
             "<@", "?", "?|", "?&", "#-", "@@", "@@@", "&&", "!!", "<->", "@?")
FUNCTIONS = (
    "lower", "upper", "length", "char_length", "character_length",
    "octet_length", "btrim", "ltrim", "rtrim", "substring", "substr",
    "replace", "concat", "concat_ws", "left", "right", "position", "strpos",
    "lpad", "rpad", "split_part", "abs", "round", "trunc", "floor", "ceil",
    "ceiling", "mod", "power", "pow", "sqrt", "sign", "now",
    "clock_timestamp", "statement_timestamp", "transaction_timestamp",
    "date_trunc", "date_part", "extract", "age", "to_char", "md5", "encode",
    "decode", "sha224", "sha256", "sha384", "sha512", "to_hex", "gcd", "lcm",
    "bit_length", "quote_nullable", "overlay", "convert_from", "convert_to",
    "num_nulls", "num_nonnulls",
    "gen_random_uuid", "current_setting", "version", "pg_backend_pid",
    "pg_notify", "pg_listening_channels", "pg_terminate_backend",
    "pg_cancel_backend", "pg_advisory_lock", "pg_advisory_lock_shared",
    "pg_advisory_unlock", "pg_advisory_unlock_shared", "pg_advisory_unlock_all",
    "pg_advisory_xact_lock", "pg_advisory_xact_lock_shared",
    "pg_try_advisory_lock", "pg_try_advisory_lock_shared",
    "pg_try_advisory_xact_lock", "pg_try_advisory_xact_lock_shared",
    "current_database", "current_schema", "current_user", "session_user",
    "like_escape", "exp", "ln", "log", "log10", "cbrt", "div", "initcap",
    "reverse", "repeat", "starts_with", "translate", "ascii", "chr",
    "pi", "pg_sleep", "pg_is_in_recovery", "random", "uuid_generate_v4",
    "justify_days", "justify_hours", "justify_interval", "isfinite",
    "make_date", "make_time", "make_timestamp", "make_timestamptz",
    "make_interval", "to_timestamp", "timezone", "scale", "min_scale",
    "trim_scale",
    # what the introspection queries of psql, SQLAlchemy and pgjdbc call
    # (docs/introspection-queries.md)
    "format_type", "pg_get_constraintdef", "pg_get_indexdef", "pg_get_expr",
    "pg_get_serial_sequence", "pg_table_is_visible", "pg_type_is_visible",
    "pg_collation_is_visible", "pg_function_is_visible",
    "obj_description", "col_description", "shobj_description",
    "pg_get_userbyid", "has_table_privilege", "has_schema_privilege",
    "has_database_privilege", "has_column_privilege", "current_schemas",
    "pg_encoding_to_char", "pg_char_to_encoding", "array_to_string",
    "quote_ident", "quote_literal", "pg_get_statisticsobjdef_columns",
    "pg_relation_is_publishable", "pg_get_triggerdef", "pg_get_viewdef",
    "pg_get_ruledef",
    "array_upper", "array_lower", "array_length", "cardinality",
    "to_regclass", "to_regtype", "to_regnamespace", "to_regproc",
    "json_build_object", "jsonb_build_object", "pg_my_temp_schema",
    "pg_is_other_temp_schema", "unnest", "generate_series",
    "generate_subscripts", "pg_partition_ancestors", "row_number",
    "pg_get_partkeydef", "pg_get_partition_constraintdef", "pg_partition_root",
    "pg_tablespace_location", "pg_total_relation_size",
    "pg_table_size", "pg_relation_size", "pg_indexes_size",
    "pg_size_pretty", "txid_current", "inet_server_addr",
    "inet_server_port", "pg_postmaster_start_time", "current_catalog",
    "pg_get_function_identity_arguments", "pg_get_function_result",
    "pg_get_function_arguments", "pg_get_functiondef", "oid", "int8",
    "text", "name",
    "pg_typeof", "set_config", "string_to_array", "regexp_replace",
    "array_position", "array_positions", "array_append", "array_prepend",
    "array_cat", "array_remove", "array_replace", "coalesce",
    # formatting and string functions ETL code calls
    "to_date", "to_number", "format", "regexp_match", "regexp_matches",
    "regexp_split_to_array", "regexp_split_to_table", "regexp_count",
    "regexp_instr", "regexp_substr", "regexp_like", "similar_to_escape",
    "similar_escape", "textregexsubstr",
    # the json functions ETL code calls
    "json_build_array", "jsonb_build_array", "to_json", "to_jsonb",
    "row_to_json",
    "json_object", "jsonb_object", "array_to_json", "jsonb_set",
    "jsonb_set_lax", "jsonb_insert", "jsonb_strip_nulls", "json_strip_nulls",
    "jsonb_pretty", "jsonb_typeof", "json_typeof", "json_array_length",
    "jsonb_array_length", "jsonb_extract_path", "jsonb_extract_path_text",
    "json_extract_path", "json_extract_path_text", "json_array_elements",
    "json_array_elements_text", "jsonb_array_elements",
    "jsonb_array_elements_text", "json_each", "json_each_text", "jsonb_each",
    "jsonb_each_text", "json_object_keys", "jsonb_object_keys",
    # jsonpath (values/jsonpath, passes/expr/jsonpath_eval)
    "jsonb_path_exists", "jsonb_path_match", "jsonb_path_query",
    "jsonb_path_query_array", "jsonb_path_query_first",
    "jsonb_path_exists_tz", "jsonb_path_match_tz", "jsonb_path_query_tz",
    "jsonb_path_query_array_tz", "jsonb_path_query_first_tz",
    # text search (values/tsearch, values/tsparse)
    "to_tsvector", "to_tsquery", "plainto_tsquery", "phraseto_tsquery",
    "websearch_to_tsquery", "setweight", "strip", "numnode", "querytree",
    "tsvector_to_array", "array_to_tsvector", "ts_delete", "ts_filter",
    "get_current_ts_config", "tsquery_phrase", "ts_rank", "get_byte",
    "xpath", "xpath_exists", "json_to_record", "jsonb_to_record",
    "json_to_recordset", "jsonb_to_recordset",
    "tsvector_update_trigger", "tsvector_update_trigger_column")
AGGREGATES = ("count", "sum", "avg", "min", "max", "bool_and", "bool_or",
              "every", "string_agg", "array_agg", "json_agg", "jsonb_agg",
              "json_object_agg", "jsonb_object_agg", "stddev", "stddev_samp",
              "stddev_pop", "variance", "var_samp", "var_pop", "corr",
              "covar_pop", "covar_samp", "regr_count", "regr_sxx", "regr_syy",
              "regr_sxy", "regr_avgx", "regr_avgy", "regr_slope",
              "regr_intercept", "regr_r2")
MINE = ("bool", "bytea", "int8", "int2", "int4", "text", "json", "float4",
        "float8", "bpchar", "varchar", "date", "time", "timestamp",
        "timestamptz", "interval", "numeric", "uuid", "jsonb", "name",
        "char", "oid", "int2vector", "oidvector", "regproc", "regclass",
        "regtype", "regnamespace", "regrole", "pg_node_tree", "aclitem",
        "xid", "cid", "tid", "anyarray", "xml", "tsvector", "tsquery",
        "regconfig", "jsonpath", "bit", "varbit", "money")

# The system relations the twin serves (twinning.system_catalog).
SYSTEM_RELATIONS = (
    ("pg_catalog", (
        "pg_namespace", "pg_class", "pg_attribute", "pg_type",
        "pg_constraint", "pg_index", "pg_attrdef", "pg_description",
        "pg_sequence", "pg_am", "pg_opclass", "pg_inherits", "pg_trigger",
        "pg_collation", "pg_roles", "pg_user", "pg_database", "pg_settings",
        "pg_tablespace", "pg_extension", "pg_enum", "pg_policy",
        "pg_statistic_ext", "pg_publication", "pg_publication_namespace",
        "pg_publication_rel", "pg_tables", "pg_views", "pg_matviews",
        "pg_indexes", "pg_sequences", "pg_range", "pg_shdescription",
        "pg_foreign_table", "pg_partitioned_table", "pg_rewrite", "pg_proc",
        "pg_stat_activity", "pg_cursors", "pg_auth_members")),
    ("information_schema", (
        "schemata", "tables", "columns", "table_constraints",
        "key_column_usage", "referential_constraints",
        "constraint_column_usage", "check_constraints", "sequences",
        "views", "domains", "attributes", "user_defined_types")),
)
# Relations whose rows are (partly) PostgreSQL's own built-in rows.
BUILTIN_ROWS = {
    "pg_namespace": "oid < 16384",
    "pg_am": "true",
    "pg_collation": "collprovider in ('d', 'c')",
    "pg_tablespace": "true",
    "pg_extension": "true",
    "pg_database": "datname in ('template0', 'template1', 'postgres')",
    "pg_roles": "oid < 16384",
    "pg_user": "usesysid < 16384",
    "pg_opclass": "true",
    "pg_auth_members": "true",
}
# pseudo-types a pg_type join may meet beside the twin's own types
EXTRA_TYPES = ("unknown", "void", "record", "cstring", "trigger", "internal",
               "any", "anyelement", "anynonarray", "language_handler")



# a pg_proc row's argument type names, in order
_ARG_TYPES = ("array(select t.typname from unnest(p.proargtypes) with ordinality "
              "a(oid, n) join pg_type t on t.oid = a.oid order by a.n)")


def _name_set(comment: str, name: str, names: list[str]) -> list[str]:
    """`NAME = frozenset((…))` wrapped at 79 columns, with its comment."""
    return frozenset_literal(name, names, comment)

def _expression_data(cur) -> str:
    cur.execute("""
        select o.oprname, coalesce(l.typname, ''), r.typname, t.typname
        from pg_operator o left join pg_type l on l.oid = o.oprleft
        join pg_type r on r.oid = o.oprright join pg_type t on t.oid = o.oprresult
        where o.oprname = any(%s) order by 1, 2, 3""", (list(OPERATORS),))
    operators = cur.fetchall()
    cur.execute(f"""
        select p.proname,
               {_ARG_TYPES},
               r.typname, p.provariadic <> 0, p.prokind, p.proretset
        from pg_proc p join pg_type r on r.oid = p.prorettype
        where p.pronamespace = 'pg_catalog'::regnamespace and p.proname = any(%s)
        order by 1, 2""", (list(FUNCTIONS + AGGREGATES),))
    functions = cur.fetchall()
    cur.execute(f"""
        select p.proname,
               {_ARG_TYPES},
               coalesce(p.proargnames, '{{}}'), pg_get_expr(p.proargdefaults, 0)
        from pg_proc p
        where p.pronamespace = 'pg_catalog'::regnamespace and p.proname = any(%s)
          and (p.pronargdefaults > 0 or p.proargnames is not null)
          and p.prokind = 'f' and p.proallargtypes is null
        order by 1, 2""", (list(FUNCTIONS),))
    arguments = [(n, a, names, _split_defaults(d)) for n, a, names, d
                 in cur.fetchall()]
    cur.execute(f"""
        select p.proname,
               {_ARG_TYPES},
               r.typname, p.provariadic <> 0, a.aggkind, a.aggnumdirectargs
        from pg_aggregate a join pg_proc p on p.oid = a.aggfnoid
        join pg_type r on r.oid = p.prorettype
        where p.pronamespace = 'pg_catalog'::regnamespace and a.aggkind <> 'n'
        order by 1, 2""")
    ordered_sets = cur.fetchall()
    cur.execute("""select distinct proname from pg_proc
                   where pronamespace = 'pg_catalog'::regnamespace order by 1""")
    names = [r[0] for r in cur.fetchall()]
    cur.execute("""select distinct proname from pg_proc
                   where pronamespace = 'pg_catalog'::regnamespace
                     and prokind = 'a' order by 1""")
    aggregate_names = [r[0] for r in cur.fetchall()]
    cur.execute("select distinct oprname from pg_operator order by 1")
    symbols = [r[0] for r in cur.fetchall()]
    used = set(MINE) | {"unknown"}
    for _, left, right, result in operators:
        used.update((left, right, result))
    for _, args, result, *_ in functions + ordered_sets:
        used.update(args)
        used.add(result)
    used.discard("")
    cur.execute("""select typname, typcategory, typispreferred from pg_type
                   where typname = any(%s) order by 1""", (sorted(used),))
    types = cur.fetchall()
    cur.execute("""
        select s.typname, t.typname, c.castcontext from pg_cast c
        join pg_type s on s.oid = c.castsource join pg_type t on t.oid = c.casttarget
        where s.typname = any(%s) and t.typname = any(%s) order by 1, 2""",
                (sorted(used), sorted(used)))
    casts = cur.fetchall()
    out = ['"""PostgreSQL 15 catalog rows the expression typer needs.',
           "",
           "Generated by scripts/gen_pg_catalog_data.py from a real server;",
           'do not edit by hand."""',
           "",
           "# typname: (typcategory, typispreferred)",
           "TYPES = {"]
    out += [f"    {n!r}: ({c!r}, {p!r})," for n, c, p in types]
    out += ["}", "", "# (source, target): castcontext", "CASTS = {"]
    out += [f"    ({s!r}, {t!r}): {c!r}," for s, t, c in casts]
    out += ["}", "", "# (oprname, left ('' for prefix), right, result)",
            "OPERATORS = ("]
    out += [f"    ({o!r}, {l!r}, {r!r}, {t!r})," for o, l, r, t in operators]
    out += [")", "", "# (proname, argtypes, result, variadic, prokind, retset)",
            "FUNCTIONS = ("]
    out += [f"    ({n!r}, {tuple(a)!r}, {r!r}, {v!r}, {k!r}, {s!r}),"
            for n, a, r, v, k, s in functions]
    out += [")", "", "# proname(argtypes): (argument names, the trailing "
            "arguments' DEFAULT",
            "# expressions as pg_get_expr prints them)", "FUNCTION_ARGS = {"]
    out += [f"    {n + '(' + ','.join(a) + ')'!r}: ({tuple(names)!r}, {d!r}),"
            for n, a, names, d in arguments]
    out += ["}", "", "# ordered-set (aggkind o) and hypothetical-set (h) "
            "aggregates:",
            "# (proname, argtypes, result, variadic, aggkind, "
            "aggnumdirectargs)", "ORDERED_SET_AGGREGATES = ("]
    out += [f"    ({n!r}, {tuple(a)!r}, {r!r}, {v!r}, {k!r}, {d!r}),"
            for n, a, r, v, k, d in ordered_sets]
    out += [")", ""]
    out += _name_set("every function name of pg_catalog", "PROC_NAMES", names)
    out += _name_set("every aggregate function name of pg_catalog",
                     "AGGREGATE_NAMES", aggregate_names)
    out += ["# every operator symbol of pg_operator",
            f"OPERATOR_SYMBOLS = frozenset({tuple(symbols)!r})", ""]
    print(f"pg_data: {len(types)} types, {len(casts)} casts, "
          f"{len(operators)} operators, {len(functions)} functions")
    return "\n".join(out)


def _split_defaults(text: str | None) -> tuple[str, ...]:
    """pg_get_expr's comma-separated list of DEFAULT expressions, split at
    the commas outside quotes and parentheses."""
    if not text:
        return ()
    out, depth, quoted, start = [], 0, False, 0
    for i, ch in enumerate(text):
        if ch == "'":
            quoted = not quoted
        elif not quoted and ch in "([":
            depth += 1
        elif not quoted and ch in ")]":
            depth -= 1
        elif not quoted and depth == 0 and text.startswith(", ", i):
            out.append(text[start:i])
            start = i + 2
    out.append(text[start:])
    return tuple(out)


# -- system catalog data ------------------------------------------------------

_COLUMNS = """
    select a.attname,
           bt.typname, bt.typcategory = 'A' and bt.typelem <> 0
                       and bt.typname like '\\_%%',
           case when t.typtype = 'd' then t.typtypmod else a.atttypmod end,
           a.attnotnull
    from pg_attribute a join pg_type t on t.oid = a.atttypid
    join pg_type bt on bt.oid = case when t.typtype = 'd' then t.typbasetype
                                     else t.oid end
    where a.attrelid = %s and a.attnum > 0 and not a.attisdropped
    order by a.attnum"""


def _column_key(typname: str, is_array: bool) -> tuple[str, bool]:
    if is_array:
        return typname[1:], True
    return typname, False


def _relations(cur) -> list[tuple]:
    out = []
    for schema, names in SYSTEM_RELATIONS:
        for name in names:
            cur.execute("""select c.oid, c.relkind, c.reltype from pg_class c
                           join pg_namespace n on n.oid = c.relnamespace
                           where n.nspname = %s and c.relname = %s""",
                        (schema, name))
            oid, relkind, reltype = cur.fetchone()
            cur.execute(_COLUMNS, (oid,))
            columns = []
            for attname, typname, is_array, typmod, notnull in cur.fetchall():
                base, array = _column_key(typname, is_array)
                columns.append((attname, base, typmod, array, notnull))
            out.append((schema, name, oid, relkind, reltype, tuple(columns)))
    return out


def _value(text: str | None, base: str, array: bool, oid_text: str | None):
    """A column's text output → the twin's Python representation."""
    from twinning.ir.types import SqlType
    from twinning.values import parse_text
    from twinning.values.system import RegOid
    if text is None:
        return None
    if base in ("regproc", "regclass", "regtype", "regnamespace", "regrole") \
            and not array:
        return RegOid(int(oid_text), text)
    if base in ("aclitem", "pg_node_tree", "anyarray"):
        if not array:
            return text
        from twinning.values.arrays import parse_array
        return parse_array(text, str)
    return parse_text(SqlType(base, -1, array), text)


def _literal(value) -> str:
    from twinning.values.system import RegOid
    if isinstance(value, RegOid):
        return f"R({int(value)}, {value.text!r})"
    if isinstance(value, tuple):
        inner = ", ".join(_literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return repr(value)


def _rows(cur, schema: str, name: str, columns, where: str) -> list[tuple]:
    selects = []
    for attname, base, _, array, _ in columns:
        quoted = f'"{attname}"'
        selects.append(f"{quoted}::text")
        if base.startswith("reg") and not array:
            selects.append(f"{quoted}::oid::text")
    order = f"t.{columns[0][0]}"
    cur.execute(f"select {', '.join(selects)} from {schema}.{name} t "
                f"where {where} order by {order}")
    rows = []
    for raw in cur.fetchall():
        values, i = [], 0
        for attname, base, _, array, _ in columns:
            oid_text = None
            text = raw[i]
            i += 1
            if base.startswith("reg") and not array:
                oid_text = raw[i]
                i += 1
            values.append(_value(text, base, array, oid_text))
        rows.append(tuple(values))
    return rows


def _system_data(cur) -> str:
    from twinning.ir.types import BASE_TYPES
    relations = _relations(cur)
    out = ['"""PostgreSQL 15\'s system relations and built-in catalog rows.',
           "",
           "Generated by scripts/gen_pg_catalog_data.py from a real server;",
           'do not edit by hand."""',
           "",
           "from twinning.values.system import RegOid as R",
           "",
           "# (schema, name): (pg_class oid, relkind, reltype,",
           "#                  ((attname, base type, typmod, is_array, attnotnull), ...))",
           "RELATIONS = {"]
    for schema, name, oid, relkind, reltype, columns in relations:
        out.append(f"    ({schema!r}, {name!r}): ({oid}, {relkind!r}, {reltype}, (")
        for column in columns:
            out.append(f"        {column!r},")
        out.append("    )),")
    out.append("}")
    by_name = {(s, n): c for s, n, _, _, _, c in relations}
    # the type rows: every base type of the twin, its array, the row types
    # of the system relations and a few pseudo-types
    type_names = set(BASE_TYPES) | set(EXTRA_TYPES)
    cur.execute("select typarray from pg_type where typname = any(%s) "
                "and typarray <> 0", (sorted(type_names),))
    type_oids = {r[0] for r in cur.fetchall()}
    cur.execute("select oid from pg_type where typname = any(%s)",
                (sorted(type_names),))
    type_oids |= {r[0] for r in cur.fetchall()}
    type_oids |= {reltype for *_, reltype, _ in relations if reltype}
    cur.execute("select typarray from pg_type where oid = any(%s) "
                "and typarray <> 0", (sorted(type_oids),))
    type_oids |= {r[0] for r in cur.fetchall()}
    wheres = dict(BUILTIN_ROWS)
    wheres["pg_type"] = f"oid in ({', '.join(map(str, sorted(type_oids)))})"
    rel_oids = ", ".join(str(oid) for _, _, oid, *_ in relations)
    wheres["pg_class"] = f"oid in ({rel_oids})"
    out += ["", "# relation name: its built-in rows, in column order",
            "ROWS = {"]
    for name, where in sorted(wheres.items()):
        rows = _rows(cur, "pg_catalog", name, by_name[("pg_catalog", name)],
                     where)
        out.append(f"    {name!r}: (")
        for row in rows:
            out.append(f"        {_literal(row)},")
        out.append("    ),")
        print(f"pg_builtin: {name}: {len(rows)} rows")
    out.append("}")
    # regproc input: the function names that name exactly one function
    cur.execute("""select proname, min(oid) from pg_proc
                   where pronamespace = 11 group by proname
                   having count(*) = 1 order by 1""")
    out += ["", "# pg_catalog functions with a unique name: proname → oid",
            "# (regproc input; an overloaded name is not unique)",
            "UNIQUE_PROCS = {"]
    out += [f"    {n!r}: {o}," for n, o in cur.fetchall()]
    out.append("}")
    # every pg_catalog relation and type, modelled or not: names a user
    # object may be shadowed by on the search path, and reg* input
    cur.execute("""select relname, oid, relkind from pg_class
                   where relnamespace = 11 order by oid""")
    out += ["", "# pg_catalog relations: relname -> (oid, relkind)",
            "CATALOG_RELATIONS = {"]
    out += [f"    {n!r}: ({o}, {k!r})," for n, o, k in cur.fetchall()]
    out.append("}")
    cur.execute("""select oid, typname,
                          case when typlen = -1 and typsubscript =
                               'array_subscript_handler'::regproc
                               and typname like '\\_%%' then typelem
                               else 0 end,
                          typarray, typrelid from pg_type
                   where typnamespace = 11 order by oid""")
    out += ["", "# pg_catalog types: (oid, typname, element of a true array,",
            "#                     typarray, typrelid)",
            "CATALOG_TYPES = ("]
    out += [f"    {row!r}," for row in cur.fetchall()]
    out.append(")")
    cur.execute("select oid, rolname from pg_roles where oid = 10")
    out += ["", f"BOOTSTRAP_SUPERUSER = {cur.fetchone()!r}", ""]
    out += _opclasses(cur, [n for n, b in BASE_TYPES.items() if not b.internal])
    cur.execute("""select l.typname, r.typname, o.oid from pg_operator o
                   join pg_type l on l.oid = o.oprleft
                   join pg_type r on r.oid = o.oprright
                   where o.oprname = '=' and l.typname = any(%s)
                   and r.typname = any(%s) order by 1, 2""",
                (sorted(BASE_TYPES), sorted(BASE_TYPES)))
    out += ["# (left, right) typname: the oid of their = operator",
            "EQ_OPERATORS = {"]
    out += [f"    ({l!r}, {r!r}): {o}," for l, r, o in cur.fetchall()]
    out += ["}", ""]
    return "\n".join(out)


def _opclasses(cur, type_names: list[str]) -> list[str]:
    """The default btree and hash operator classes of each column type,
    as CREATE INDEX picks them (GetDefaultOpClass)."""
    found: dict[str, list[int]] = {}
    for name in type_names:
        for array in ("", "[]"):
            key = name + array
            found[key] = []
            for method in ("btree", "hash"):
                cur.execute("drop table if exists opc_probe")
                cur.execute(f"create temp table opc_probe (c {name}{array})")
                try:
                    cur.execute(f"create index opc_probe_i on opc_probe "
                                f"using {method} (c)")
                except psycopg2.Error:
                    found[key].append(0)
                    continue
                cur.execute("select indclass[0] from pg_index where "
                            "indexrelid = 'opc_probe_i'::regclass")
                found[key].append(cur.fetchone()[0])
    cur.execute("drop table if exists opc_probe")
    out = ["# column type: (default btree opclass, default hash opclass)",
           "DEFAULT_OPCLASSES = {"]
    out += [f"    {k!r}: ({v[0]}, {v[1]})," for k, v in sorted(found.items())]
    return out + ["}", ""]


def _proc_data(cur) -> str:
    """pg_proc's rows as plain literals (one constant tuple the import
    loads from the .pyc at once): prosupport, a regproc, is (oid, text)."""
    columns = next(c for s, n, _, _, _, c in _relations(cur)
                   if (s, n) == ("pg_catalog", "pg_proc"))
    rows = _rows(cur, "pg_catalog", "pg_proc", columns, "true")
    cur.execute("""select pg_get_function_arguments(oid),
                          pg_get_function_identity_arguments(oid),
                          pg_get_function_result(oid)
                   from pg_proc order by oid""")
    signatures = cur.fetchall()
    out = ['"""PostgreSQL 15\'s pg_proc: every built-in function\'s row.',
           "",
           "Generated by scripts/gen_pg_catalog_data.py from a real server;",
           "do not edit by hand. Imported when pg_proc is first read (never",
           'at start-up: twinning.system_catalog.pg_catalog.pg_proc)."""',
           "",
           "# pg_proc's columns in order; a regproc is (oid, its text)",
           "ROWS = ("]
    for row in rows:
        values = tuple((int(v), v.text) if hasattr(v, "text") else v
                       for v in row)
        out.append(f"    {_literal(values)},")
    out += [")", "",
            "# per row of ROWS: (pg_get_function_arguments,",
            "#   pg_get_function_identity_arguments (None: the same),",
            "#   pg_get_function_result)",
            "SIGNATURES = ("]
    for arguments, identity, result in signatures:
        same = None if identity == arguments else identity
        out.append(f"    {(arguments, same, result)!r},")
    out += [")", ""]
    print(f"pg_builtin_proc: pg_proc: {len(rows)} rows")
    return "\n".join(out)


def main(dsn: str) -> None:
    conn = psycopg2.connect(dsn)
    conn.autocommit = True
    cur = conn.cursor()
    target = ROOT / "passes/expr/pg_data.py"
    target.write_text(_expression_data(cur))
    print(f"wrote {target}")
    target = ROOT / "twinning/system_catalog/pg_builtin.py"
    target.write_text(_system_data(cur))
    print(f"wrote {target}")
    target = ROOT / "twinning/system_catalog/pg_builtin_proc.py"
    target.write_text(_proc_data(cur))
    print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1])
