"""Row builders of the pg_catalog relations: one function per relation,
yielding dicts keyed by column name (a column left out is NULL).

Built-in rows come from `pg_builtin` (PostgreSQL's own rows; pg_proc's
from `procs`, loaded when first read); pg_stat_activity's from the
sessions of the reader's twin (`activity`); the user's
objects are derived from the catalog with the values PostgreSQL 15 gives
a freshly created object (never analyzed: reltuples -1, relpages 0; no
ACL; RI triggers for every foreign key). What the twin does not model is
left out on purpose and listed in docs/introspection-queries.md: TOAST
tables (reltoastrelid 0), transaction ids (relfrozenxid 0), pg_depend,
built-in object descriptions.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from twinning import gucs
from twinning.ir.catalog import (Check, ForeignKey, Index, PrimaryKey, QName,
                                 Sequence, Table, Unique, UserType, View,
                                 is_temporary)
from twinning.ir.types import SqlType
from twinning.system_catalog import (activity, domains, partitions,
                                     pg_builtin, procs, routines)
from twinning.system_catalog.build import (Build, check_tree, column_type,
                                           default_tree, expressions_tree,
                                           facts, predicate_tree)
from twinning.passes import index_methods
from twinning.passes.expression_indexes import key_types
from twinning.system_catalog.oids import (BOOTSTRAP_SUPERUSER, PLPGSQL,
                                          CLASS_OIDS, HEAP_AM,
                                          referenced_index)
from twinning.system_catalog.regnames import format_type
from twinning.values.system import RegOid

Rows = Iterator[dict[str, Any]]
BUILDERS: dict[QName, Callable[[Build], Iterable[dict]]] = {}


def builder(name: str, in_column_order: bool = False) -> Callable:
    """Register a relation's row builder: it yields dicts, or with
    `in_column_order` tuples already in the relation's column order."""
    def register(fn: Callable) -> Callable:
        fn.in_column_order = in_column_order  # type: ignore[attr-defined]
        BUILDERS[QName("pg_catalog", name)] = fn
        return fn
    return register


def _columns(name: str) -> list[str]:
    return [c[0] for c in pg_builtin.RELATIONS[("pg_catalog", name)][3]]


def builtin_rows(name: str) -> list[dict[str, Any]]:
    cols = _columns(name)
    return [dict(zip(cols, row)) for row in pg_builtin.ROWS.get(name, ())]


def _proc(name: str) -> RegOid:
    return RegOid(pg_builtin.UNIQUE_PROCS[name], name)


_NO_PROC = RegOid(0, "-")


def _not_null(table: Table) -> set[str]:
    pk = table.primary_key
    out = {c.name for c in table.columns if c.not_null}
    if pk is not None:
        out.update(pk.columns)
    return out


def _attnums(table: Table, names: Iterable[str]) -> tuple[int, ...]:
    return tuple(table.column(n).attnum for n in names)


def _has_triggers(b: Build, table: Table) -> bool:
    if table.foreign_keys:
        return True
    return any(fk.ref_table == table.name for _, fk in
               ((t, c) for t in b.catalog.tables for c in t.foreign_keys))


# ---------------------------------------------------------------- namespaces

@builder("pg_namespace")
def pg_namespace(b: Build) -> Rows:
    acls = {a.name: a.items for a in b.catalog.acls if a.kind == "schema"}
    owners = {a.name for a in b.catalog.acls if a.kind == "owner"}
    for row in builtin_rows("pg_namespace"):
        row["nspacl"] = b.acl(acls.get(row["nspname"], row["nspacl"]))
        if row["nspname"] in owners:  # ALTER SCHEMA public OWNER TO
            row["nspowner"] = BOOTSTRAP_SUPERUSER
        yield row
    for name, oid in b.oids.namespaces.items():
        if oid >= 16384:
            yield {"oid": oid, "nspname": name, "nspowner": BOOTSTRAP_SUPERUSER,
                   "nspacl": b.acl(acls.get(name))}


# ---------------------------------------------------------------- relations

@builder("pg_class")
def pg_class(b: Build) -> Rows:
    for row in builtin_rows("pg_class"):
        row["relacl"] = b.acl(row["relacl"])
        yield row
    m = b.oids
    acls = {a.name: a.items for a in b.catalog.acls if a.kind == "relation"}
    for oid, obj in sorted(m.relation_objects.items()):
        if isinstance(obj, tuple):
            continue  # a system relation: its built-in row above
        qname = m.relation_names[oid]
        base = {"oid": oid, "relname": qname.name,
                "relacl": b.acl(acls.get(f"{qname.schema}.{qname.name}")),
                "relnamespace": m.namespaces[qname.schema], "reltype": 0,
                "reloftype": 0, "relowner": BOOTSTRAP_SUPERUSER,
                "relfilenode": oid, "reltablespace": 0, "relallvisible": 0,
                "reltoastrelid": 0, "relhasindex": False,
                "relisshared": False,
                "relpersistence": "t" if is_temporary(qname.schema) else "p",
                "relchecks": 0, "relhasrules": False,
                "relhastriggers": False, "relhassubclass": False,
                "relrowsecurity": False, "relforcerowsecurity": False,
                "relispopulated": True, "relreplident": "n",
                "relispartition": False, "relrewrite": 0,
                "relfrozenxid": 0, "relminmxid": 0}
        if isinstance(obj, View):  # a plain view: a rule, no storage
            base.update(reltype=m.row_types[qname][0], relam=0, relpages=0,
                        reltuples=-1.0, relkind="v", relnatts=len(obj.columns),
                        relhasrules=True, relfilenode=0)
        elif isinstance(obj, Table):
            view = b.catalog.view(qname)  # a materialized view's rows
            base.update(reltype=m.row_types[qname][0], relam=HEAP_AM,
                        relpages=0, reltuples=-1.0,
                        relhasindex=bool(b.catalog.indexes_of(qname)),
                        relkind=m.relkinds[oid], relnatts=obj.natts,
                        relchecks=len(obj.checks),
                        relhastriggers=_has_triggers(b, obj),
                        relreplident="d", relminmxid=1,
                        relhasrules=view is not None,
                        relispopulated=view is None or view.populated)
        elif isinstance(obj, UserType):  # CREATE TYPE … AS (…)
            base.update(reltype=obj.oid, relam=0, relpages=0, reltuples=-1.0,
                        relkind="c", relfilenode=0,
                        relnatts=len(obj.sql_type.user.fields) + len(obj.dropped))
        elif isinstance(obj, Index):
            base.update(relam=index_methods.method_oid(obj.method),
                        relpages=index_methods.EMPTY_PAGES[obj.method],
                        # brin's build counts its one summarized range
                        reltuples=1.0 if obj.method == "brin" else 0.0,
                        relkind="i",
                        relnatts=len(obj.columns) + len(obj.include))
        else:
            assert isinstance(obj, Sequence)
            base.update(relam=0, relpages=1, reltuples=1.0, relkind="S",
                        relnatts=3)
        base.update(partitions.class_fields(b, qname, obj))
        yield base


# the system columns every table (and sequence) has, attnum -1 … -6
_SYSTEM_COLUMNS = (("ctid", -1, 27, 6, False, "s"),
                   ("xmin", -2, 28, 4, True, "i"),
                   ("cmin", -3, 29, 4, True, "i"),
                   ("xmax", -4, 28, 4, True, "i"),
                   ("cmax", -5, 29, 4, True, "i"),
                   ("tableoid", -6, 26, 4, True, "i"))
_SEQUENCE_COLUMNS = (("last_value", SqlType("int8")),
                     ("log_cnt", SqlType("int8")),
                     ("is_called", SqlType("bool")))


def _attribute(relid: int, name: str, attnum: int, sql_type: SqlType,
               notnull: bool, **extra: Any) -> dict[str, Any]:
    f = facts(sql_type)
    domain = sql_type.domain
    row = {"attrelid": relid, "attname": name, "atttypid": f.oid,
           "attstattarget": -1, "attlen": f.typlen, "attnum": attnum,
           "attndims": 1 if sql_type.is_array else 0, "attcacheoff": -1,
           "atttypmod": sql_type.typmod if domain is None else -1,
           "attbyval": f.typbyval,
           "attalign": f.typalign, "attstorage": f.typstorage,
           "attcompression": "", "attnotnull": notnull, "atthasdef": False,
           "atthasmissing": False, "attidentity": "", "attgenerated": "",
           "attisdropped": False, "attislocal": True, "attinhcount": 0,
           "attcollation": f.typcollation}
    row.update(extra)
    return row


def _system_columns(relid: int) -> Rows:
    for name, attnum, typid, length, byval, align in _SYSTEM_COLUMNS:
        yield {"attrelid": relid, "attname": name, "atttypid": typid,
               "attstattarget": 0, "attlen": length, "attnum": attnum,
               "attndims": 0, "attcacheoff": -1, "atttypmod": -1,
               "attbyval": byval, "attalign": align, "attstorage": "p",
               "attcompression": "", "attnotnull": True, "atthasdef": False,
               "atthasmissing": False, "attidentity": "", "attgenerated": "",
               "attisdropped": False, "attislocal": True, "attinhcount": 0,
               "attcollation": 0}


_IDENTITY = {"always": "a", "by default": "d"}


@builder("pg_attribute")
def pg_attribute(b: Build) -> Rows:
    m = b.oids
    for (schema, name), (_, relkind, _, spec) in \
            pg_builtin.RELATIONS.items():
        relid = m.relations[QName(schema, name)]
        for attnum, (column, base, typmod, array, notnull) in enumerate(
                spec, start=1):
            yield _attribute(relid, column, attnum,
                             column_type(base, typmod, array), notnull)
        if relkind == "r":
            yield from _system_columns(relid)
    for oid, obj in sorted(m.relation_objects.items()):
        if isinstance(obj, View):
            for column in obj.columns:
                yield _attribute(oid, column.name, column.attnum, column.type,
                                 False)
        elif isinstance(obj, Table):
            not_null = _not_null(obj)
            inherited = partitions.inherited_columns(b.catalog, obj)
            for column in obj.columns:
                yield _attribute(
                    oid, column.name, column.attnum, column.type,
                    column.name in not_null,
                    atthasdef=column.default is not None,
                    attidentity=_IDENTITY.get(column.identity or "", ""),
                    attgenerated="s" if column.generated else "",
                    **inherited.get(column.name, {}))
            for attnum, sql_type in obj.dropped:  # RemoveAttributeById()
                yield _attribute(oid, f"........pg.dropped.{attnum}........",
                                 attnum, sql_type, False, atttypid=0,
                                 attstattarget=0, attisdropped=True,
                                 atttypmod=-1, attndims=0, attcollation=0)
            yield from _system_columns(oid)
        elif isinstance(obj, Index):
            from twinning.passes.resolve_index import index_attribute_names
            table = b.catalog.table(obj.table)
            columns = obj.columns + obj.include
            keys = key_types(table, obj)
            classes = _indclass(obj, keys, 0 if obj.method == "btree" else 1, {
                e.name for e in b.catalog.extensions})
            for attnum, (name, attname) in enumerate(
                    zip(columns, index_attribute_names(columns)), start=1):
                column = _KeyColumn(keys[attnum - 1]) if attnum <= len(keys) \
                    else table.column(name)
                extra = {} if attnum <= len(obj.columns) else {"attcollation": 0}
                stored = (index_methods.key_type(obj.method, classes[attnum - 1])
                          if attnum <= len(classes) else None)
                if stored is not None and stored[0] == index_methods.ANYELEMENT:
                    f = facts(column.type.element)
                    stored = (f.oid, f.typlen, f.typbyval, f.typalign,
                              f.typstorage)
                if stored is not None:  # opckeytype: what the index stores
                    extra.update(zip(("atttypid", "attlen", "attbyval",
                                      "attalign", "attstorage"), stored))
                yield _attribute(oid, attname, attnum, column.type, False,
                                 **extra)  # INCLUDE columns have no collation
        elif isinstance(obj, UserType):  # a composite type's attributes
            gone = dict(obj.dropped)
            live = iter(obj.sql_type.user.fields)
            for attnum in range(1, len(gone) + len(obj.sql_type.user.fields) + 1):
                if attnum in gone:  # RemoveAttributeById()
                    yield _attribute(oid, f"........pg.dropped.{attnum}........",
                                     attnum, gone[attnum], False, atttypid=0,
                                     attstattarget=0, attisdropped=True,
                                     atttypmod=-1, attndims=0, attcollation=0)
                else:
                    name, sql_type = next(live)
                    yield _attribute(oid, name, attnum, sql_type, False)
        elif isinstance(obj, Sequence):
            for attnum, (name, sql_type) in enumerate(_SEQUENCE_COLUMNS, 1):
                yield _attribute(oid, name, attnum, sql_type, True)
            yield from _system_columns(oid)


# ---------------------------------------------------------------- types

@builder("pg_type")
def pg_type(b: Build) -> Rows:
    yield from builtin_rows("pg_type")
    yield from _user_types(b)
    yield from domains.type_rows(b)
    m = b.oids
    views = [v for v in b.catalog.views if not v.materialized]
    for table in [*b.catalog.tables, *views]:
        rowtype, array = m.row_types[table.name]
        nsp = m.namespaces[table.name.schema]
        common = {"typnamespace": nsp, "typowner": BOOTSTRAP_SUPERUSER,
                  "typlen": -1, "typbyval": False, "typispreferred": False,
                  "typisdefined": True, "typdelim": ",", "typmodin": _NO_PROC,
                  "typmodout": _NO_PROC, "typalign": "d", "typstorage": "x",
                  "typnotnull": False, "typbasetype": 0, "typtypmod": -1,
                  "typndims": 0, "typcollation": 0}
        yield {**common, "oid": rowtype, "typname": table.name.name,
               "typtype": "c", "typcategory": "C",
               "typrelid": m.relations[table.name], "typsubscript": _NO_PROC,
               "typelem": 0, "typarray": array,
               "typinput": _proc("record_in"),
               "typoutput": _proc("record_out"),
               "typreceive": _proc("record_recv"),
               "typsend": _proc("record_send"), "typanalyze": _NO_PROC}
        yield {**common, "oid": array, "typname": "_" + table.name.name,
               "typtype": "b", "typcategory": "A", "typrelid": 0,
               "typsubscript": _proc("array_subscript_handler"),
               "typelem": rowtype, "typarray": 0,
               "typinput": _proc("array_in"), "typoutput": _proc("array_out"),
               "typreceive": _proc("array_recv"),
               "typsend": _proc("array_send"),
               "typanalyze": _proc("array_typanalyze")}


def _user_types(b: Build) -> Rows:
    """An enum's or a composite type's pg_type row and its array type's."""
    m = b.oids
    for utype in b.catalog.types:
        if utype.kind == "c":
            yield from _composite_type(b, utype)
            continue
        if utype.kind != "e":
            continue
        common = {"typnamespace": m.namespaces[utype.name.schema],
                  "typowner": BOOTSTRAP_SUPERUSER, "typispreferred": False,
                  "typisdefined": True, "typdelim": ",", "typrelid": 0,
                  "typmodin": _NO_PROC, "typmodout": _NO_PROC,
                  "typnotnull": False, "typbasetype": 0, "typtypmod": -1,
                  "typndims": 0, "typcollation": 0, "typalign": "i"}
        yield {**common, "oid": utype.oid, "typname": utype.name.name,
               "typlen": 4, "typbyval": True, "typtype": "e",
               "typcategory": "E", "typsubscript": _NO_PROC, "typelem": 0,
               "typarray": utype.array_oid, "typinput": _proc("enum_in"),
               "typoutput": _proc("enum_out"),
               "typreceive": _proc("enum_recv"),
               "typsend": _proc("enum_send"), "typanalyze": _NO_PROC,
               "typstorage": "p"}
        yield domains.array_type_row(common, utype)


def _composite_type(b: Build, utype: UserType) -> Rows:
    """CREATE TYPE … AS (…): the row type of its relkind 'c' relation."""
    common = {"typnamespace": b.oids.namespaces[utype.name.schema],
              "typowner": BOOTSTRAP_SUPERUSER, "typlen": -1, "typbyval": False,
              "typispreferred": False, "typisdefined": True, "typdelim": ",",
              "typmodin": _NO_PROC, "typmodout": _NO_PROC, "typalign": "d",
              "typstorage": "x", "typnotnull": False, "typbasetype": 0,
              "typtypmod": -1, "typndims": 0, "typcollation": 0}
    yield {**common, "oid": utype.oid, "typname": utype.name.name,
           "typtype": "c", "typcategory": "C", "typrelid": utype.relid,
           "typsubscript": _NO_PROC, "typelem": 0, "typarray": utype.array_oid,
           "typinput": _proc("record_in"), "typoutput": _proc("record_out"),
           "typreceive": _proc("record_recv"), "typsend": _proc("record_send"),
           "typanalyze": _NO_PROC}
    yield {**domains.array_type_row(common, utype), "typrelid": 0}


@builder("pg_enum")
def pg_enum(b: Build) -> Rows:
    for utype in b.catalog.types:
        row = utype.sql_type.user
        if row is None or utype.kind != "e":
            continue
        for label, order in zip(row.labels, row.sort_orders):
            yield {"oid": b.oids.enum_labels[(utype.oid, label)],
                   "enumtypid": utype.oid, "enumsortorder": order,
                   "enumlabel": label}


# ---------------------------------------------------------------- constraints

_FK_ACTIONS = {"NO ACTION": "a", "RESTRICT": "r", "CASCADE": "c",
               "SET NULL": "n", "SET DEFAULT": "d"}
_MATCH = {"SIMPLE": "s", "FULL": "f", "PARTIAL": "p"}
_CONTYPE = {PrimaryKey: "p", Unique: "u", Check: "c", ForeignKey: "f"}


def _opc_type(t: SqlType) -> str:
    """The input type of the default btree operator class of a column
    type (varchar columns use text_ops; arrays array_ops)."""
    if t.is_array:
        return "anyarray"
    return "text" if t.name == "varchar" else t.name


def _fk_operators(pk: SqlType, fk: SqlType) -> tuple[int, int, int]:
    """(conpfeqop, conppeqop, conffeqop) of one key column, chosen as
    ATAddForeignKeyConstraint does: the PK opclass family's operator for
    (pk, fk) and (fk, fk) when it has both, else the PK's own equality
    (the FK type coerces to it implicitly)."""
    ops = pg_builtin.EQ_OPERATORS
    opc = _opc_type(pk)
    ppeqop = ops.get((opc, opc), ops.get(("anyarray", "anyarray"), 0))
    fk_name = "_" + fk.name if fk.is_array else fk.name
    pfeqop = ops.get((opc, fk_name))
    ffeqop = ops.get((fk_name, fk_name)) if pfeqop else None
    if pfeqop and ffeqop:
        return pfeqop, ppeqop, ffeqop
    return ppeqop, ppeqop, ppeqop


@builder("pg_constraint")
def pg_constraint(b: Build) -> Rows:
    m = b.oids
    for table, constraint in b.catalog.constraints():
        oid = m.constraints[(table.name, constraint.name)]
        row = {"oid": oid, "conname": constraint.name,
               "connamespace": m.namespaces[table.name.schema],
               "contype": _CONTYPE[type(constraint)],
               "condeferrable": getattr(constraint, "deferrable", False),
               "condeferred": getattr(constraint, "deferred", False),
               "convalidated": True,
               "conrelid": m.relations[table.name], "contypid": 0,
               "conindid": 0, "conparentid": 0, "confrelid": 0,
               "confupdtype": " ", "confdeltype": " ", "confmatchtype": " ",
               "conislocal": True, "coninhcount": 0,
               "connoinherit": not isinstance(constraint, Check),
               "conkey": _attnums(table, constraint.columns)}
        if isinstance(constraint, (PrimaryKey, Unique)):
            row["conindid"] = m.constraint_indexes.get(
                (table.name, constraint.name), 0)
        elif isinstance(constraint, Check):
            row["conbin"] = check_tree(oid)
        elif isinstance(constraint, ForeignKey):
            ref = b.catalog.table(constraint.ref_table)
            fk_types = [table.column(c).type for c in constraint.columns]
            pk_types = [ref.column(c).type for c in constraint.ref_columns]
            row.update(
                conindid=referenced_index(m, constraint),
                confrelid=m.relations[constraint.ref_table],
                confupdtype=_FK_ACTIONS[constraint.on_update],
                confdeltype=_FK_ACTIONS[constraint.on_delete],
                confmatchtype=_MATCH[constraint.match],
                confkey=_attnums(ref, constraint.ref_columns),
                conpfeqop=tuple(_fk_operators(p, f)[0]
                                for p, f in zip(pk_types, fk_types)),
                conppeqop=tuple(_fk_operators(p, f)[1]
                                for p, f in zip(pk_types, fk_types)),
                conffeqop=tuple(_fk_operators(p, f)[2]
                                for p, f in zip(pk_types, fk_types)))
        row.update(partitions.constraint_fields(b, table, constraint))
        yield row
    yield from domains.constraint_rows(b)


def _indclass(index: Index, types: list, opclass: int,
              extensions: Any = ()) -> tuple[int, ...]:
    """pg_index.indclass: btree/hash defaults from PostgreSQL's table,
    other methods and written operator classes resolved by name."""
    if index.method in ("btree", "hash") and not index.opclasses:
        return tuple(pg_builtin.DEFAULT_OPCLASSES.get(
            t.name + ("[]" if t.is_array else ""), (0, 0))[opclass]
            for t in types)
    names = index.opclasses or (None,) * len(types)
    return tuple(index_methods.opclass_oid(index.method, t, n, extensions)
                 for t, n in zip(types, names))


def _index_attnums(table: Table, index: Index) -> tuple[int, ...]:
    """pg_index.indkey: 0 for an expression key."""
    exprs = index.expressions
    return tuple(0 if i < len(exprs) and exprs[i] is not None
                 else table.column(name).attnum
                 for i, name in enumerate(index.columns + index.include))


class _KeyColumn:
    """An index key column's type (an expression key's result type)."""

    def __init__(self, sql_type: SqlType) -> None:
        self.type = sql_type


@builder("pg_index")
def pg_index(b: Build) -> Rows:
    m = b.oids
    for index in b.catalog.indexes:
        table = b.catalog.table(index.table)
        types = key_types(table, index)
        opclass = 0 if index.method == "btree" else 1
        oid = m.relations[index.name]
        yield {"indexrelid": oid,
               "indrelid": m.relations[index.table],
               "indnatts": len(index.columns) + len(index.include),
               "indnkeyatts": len(index.columns),
               "indisunique": index.unique,
               "indnullsnotdistinct": index.nulls_not_distinct,
               "indisprimary": index.primary, "indisexclusion": False,
               "indimmediate": True, "indisclustered": index.clustered,
               "indisvalid": partitions.index_valid(b.catalog, index),
               "indcheckxmin": False, "indisready": True,
               "indislive": True, "indisreplident": False,
               "indkey": _index_attnums(table, index),
               "indcollation": tuple(facts(t).typcollation for t in types),
               "indclass": _indclass(index, types, opclass, {
                   e.name for e in b.catalog.extensions}),
               "indoption": index.options or tuple(0 for _ in types),
               "indexprs": expressions_tree(oid) if index.expressions
               else None,
               "indpred": None if index.predicate is None
               else predicate_tree(oid)}


@builder("pg_attrdef")
def pg_attrdef(b: Build) -> Rows:
    m = b.oids
    for (qname, attnum), oid in m.attrdefs.items():
        relid = m.relations[qname]
        yield {"oid": oid, "adrelid": relid, "adnum": attnum,
               "adbin": default_tree(relid, attnum)}


@builder("pg_description")
def pg_description(b: Build) -> Rows:
    m = b.oids
    catalog = b.catalog
    for table in [*(t for t in catalog.tables if catalog.view(t.name) is None),
                  *catalog.views]:  # a materialized view's comments: its View's
        relid = m.relations[table.name]
        if table.comment is not None:
            yield {"objoid": relid, "classoid": CLASS_OIDS["pg_class"],
                   "objsubid": 0, "description": table.comment}
        for column in table.columns:
            if column.comment is not None:
                yield {"objoid": relid, "classoid": CLASS_OIDS["pg_class"],
                       "objsubid": column.attnum,
                       "description": column.comment}
        for constraint in table.constraints:
            if constraint.comment is not None:
                yield {"objoid": m.constraints[(table.name, constraint.name)],
                       "classoid": CLASS_OIDS["pg_constraint"], "objsubid": 0,
                       "description": constraint.comment}
    for relation in b.catalog.indexes + b.catalog.sequences:
        if relation.comment is not None:
            yield {"objoid": m.relations[relation.name],
                   "classoid": CLASS_OIDS["pg_class"], "objsubid": 0,
                   "description": relation.comment}
    for schema, oid in m.namespaces.items():
        text = b.catalog.schema_comment(schema)
        if text is not None:
            yield {"objoid": oid, "classoid": CLASS_OIDS["pg_namespace"],
                   "objsubid": 0, "description": text}
    for oid in [PLPGSQL[0], *m.extensions.values()]:
        text = m.extension_comment(oid)
        if text is not None:
            yield {"objoid": oid, "classoid": CLASS_OIDS["pg_extension"],
                   "objsubid": 0, "description": text}
    yield from routines.descriptions(b.catalog)


@builder("pg_sequence")
def pg_sequence(b: Build) -> Rows:
    for seq in b.catalog.sequences:
        yield {"seqrelid": b.oids.relations[seq.name],
               "seqtypid": seq.type.oid, "seqstart": seq.start,
               "seqincrement": seq.increment, "seqmax": seq.max_value,
               "seqmin": seq.min_value, "seqcache": seq.cache,
               "seqcycle": seq.cycle}


# RI trigger functions per action, on the referenced table
_RI_DELETE = {"NO ACTION": "RI_FKey_noaction_del",
              "RESTRICT": "RI_FKey_restrict_del",
              "CASCADE": "RI_FKey_cascade_del",
              "SET NULL": "RI_FKey_setnull_del",
              "SET DEFAULT": "RI_FKey_setdefault_del"}
_RI_UPDATE = {k: v.replace("_del", "_upd") for k, v in _RI_DELETE.items()}
# tgtype bits: ROW 1, INSERT 4, DELETE 8, UPDATE 16 (AFTER is 0)
_TG_ROW, _TG_INSERT, _TG_DELETE, _TG_UPDATE = 1, 4, 8, 16


@builder("pg_trigger")
def pg_trigger(b: Build) -> Rows:
    m = b.oids
    for table, fk in b.catalog.constraints():
        if not isinstance(fk, ForeignKey):
            continue
        conid = m.constraints[(table.name, fk.name)]
        a_del, a_upd, c_ins, c_upd = m.fk_triggers[(table.name, fk.name)]
        child, parent = m.relations[table.name], m.relations[fk.ref_table]
        index = referenced_index(m, fk)
        for oid, relid, other, proc, tgtype, side, action in (
                (a_del, parent, child, _RI_DELETE[fk.on_delete],
                 _TG_ROW | _TG_DELETE, "a", fk.on_delete),
                (a_upd, parent, child, _RI_UPDATE[fk.on_update],
                 _TG_ROW | _TG_UPDATE, "a", fk.on_update),
                (c_ins, child, parent, "RI_FKey_check_ins",
                 _TG_ROW | _TG_INSERT, "c", "NO ACTION"),
                (c_upd, child, parent, "RI_FKey_check_upd",
                 _TG_ROW | _TG_UPDATE, "c", "NO ACTION")):
            # only the checks defer: an action other than NO ACTION never
            deferrable = fk.deferrable and action == "NO ACTION"
            yield {"oid": oid, "tgrelid": relid, "tgparentid": 0,
                   "tgname": f"RI_ConstraintTrigger_{side}_{oid}",
                   "tgfoid": pg_builtin.UNIQUE_PROCS[proc], "tgtype": tgtype,
                   "tgenabled": "O", "tgisinternal": True,
                   "tgconstrrelid": other, "tgconstrindid": index,
                   "tgconstraint": conid, "tgdeferrable": deferrable,
                   "tginitdeferred": deferrable and fk.deferred,
                   "tgnargs": 0, "tgattr": (),
                   "tgargs": b""}
    for trigger in b.catalog.triggers:
        yield routines.trigger_row(trigger, m, b.catalog)


# ---------------------------------------------------------------- built-in

@builder("pg_am")
def pg_am(b: Build) -> Rows:
    return iter(builtin_rows("pg_am"))


@builder("pg_opclass")
def pg_opclass(b: Build) -> Rows:
    return iter(builtin_rows("pg_opclass"))


@builder("pg_collation")
def pg_collation(b: Build) -> Rows:
    return iter(builtin_rows("pg_collation"))


@builder("pg_tablespace")
def pg_tablespace(b: Build) -> Rows:
    for row in builtin_rows("pg_tablespace"):
        row["spcacl"] = b.acl(row["spcacl"])
        yield row


@builder("pg_extension")
def pg_extension(b: Build) -> Rows:
    yield from builtin_rows("pg_extension")
    for extension in b.catalog.extensions:  # CREATE EXTENSION's
        yield {"oid": b.oids.extensions[extension.name],
               "extname": extension.name, "extowner": BOOTSTRAP_SUPERUSER,
               "extnamespace": b.oids.namespaces[extension.schema],
               "extrelocatable": extension.relocatable,
               "extversion": extension.version, "extconfig": None,
               "extcondition": None}


def _builtin_roles(b: Build, view: str, oid: str, name: str) -> Rows:
    """The built-in roles of pg_roles or pg_user, the bootstrap superuser
    under the name the twin was started with."""
    for row in builtin_rows(view):
        if row[oid] == BOOTSTRAP_SUPERUSER:
            row[name] = b.superuser
        yield row


@builder("pg_roles")
def pg_roles(b: Build) -> Rows:
    yield from _builtin_roles(b, "pg_roles", "oid", "rolname")
    for role in b.catalog.roles:  # CREATE ROLE
        yield {"rolname": role.name, "rolsuper": role.superuser,
               "rolinherit": role.inherit, "rolcreaterole": role.createrole,
               "rolcreatedb": role.createdb, "rolcanlogin": role.login,
               "rolreplication": role.replication,
               "rolconnlimit": role.connlimit, "rolpassword": "********",
               "rolvaliduntil": None, "rolbypassrls": role.bypassrls,
               "rolconfig": None, "oid": role.oid}


@builder("pg_auth_members")
def pg_auth_members(b: Build) -> Rows:
    """The predefined roles' memberships (GRANT role TO role is refused)."""
    yield from builtin_rows("pg_auth_members")


@builder("pg_user")
def pg_user(b: Build) -> Rows:
    yield from _builtin_roles(b, "pg_user", "usesysid", "usename")
    for role in b.catalog.roles:
        if role.login:
            yield {"usename": role.name, "usesysid": role.oid,
                   "usecreatedb": role.createdb, "usesuper": role.superuser,
                   "userepl": role.replication,
                   "usebypassrls": role.bypassrls, "passwd": "********",
                   "valuntil": None, "useconfig": None}


SESSION_DATABASE_OID = 16383  # the database the session named, if not postgres


def database_oid(name: str, session: Any = None) -> int:
    """pg_database.oid of a database a session names."""
    databases = databases_of(session)
    if databases is not None:
        found = databases.get(name)
        if found is not None:
            return found.oid
    for row in builtin_rows("pg_database"):
        if row["datname"] == name:
            return row["oid"]
    return SESSION_DATABASE_OID


def databases_of(session: Any) -> Any:
    """The twin's databases (`twinning.databases.Databases`) when it has
    more than its one, else None. `session` is a session or a statement's
    evaluation context: the session is then found by its pid."""
    engine = getattr(session, "engine", None)
    if engine is None:
        pid = getattr(session, "pid", None)
        board = activity.of_pid(pid)
        backend = None if board is None else dict(board.backends).get(pid)
        engine = getattr(getattr(backend, "session", None), "engine", None)
    return getattr(engine, "databases", None)


@builder("pg_database")
def pg_database(b: Build) -> Rows:
    rows = builtin_rows("pg_database")
    databases = databases_of(b.session)
    if databases is not None:  # initdb's three (maybe renamed) and forks
        by_oid = {row["oid"]: row for row in rows}
        postgres = next(r for r in rows if r["datname"] == "postgres")
        for database in databases.all():
            row = by_oid.get(database.oid) or {**postgres, "oid": database.oid}
            row["datname"] = database.name
            row["datacl"] = b.acl(row["datacl"])
            yield row
        return
    for row in rows:
        row["datacl"] = b.acl(row["datacl"])
        yield row
    if b.database not in {row["datname"] for row in rows}:
        postgres = next(r for r in rows if r["datname"] == "postgres")
        yield {**postgres, "oid": SESSION_DATABASE_OID,
               "datname": b.database}


# ---------------------------------------------------------------- functions

_PROC_ROWS: dict[str, tuple[tuple, ...]] = {}  # by superuser name


@builder("pg_proc", in_column_order=True)
def pg_proc(b: Build) -> tuple[tuple, ...]:
    """Every built-in function, as PostgreSQL 15 has it (the twin has no
    functions of its own), from `procs` (not loaded at start-up); built
    once per superuser name (proacl)."""
    found = _PROC_ROWS.get(b.superuser)
    if found is None:
        found = _builtin_procs(b)
    if not b.catalog.functions:
        return found
    columns = _columns("pg_proc")
    return found + tuple(routines.proc_row(fn, b.oids, columns)
                         for fn in b.catalog.functions)


def _builtin_procs(b: Build) -> tuple[tuple, ...]:
    columns = _columns("pg_proc")
    support, acl = columns.index("prosupport"), columns.index("proacl")
    rows = []
    for row in procs.data().ROWS:
        values = list(row)
        values[support] = RegOid(*row[support])
        values[acl] = b.acl(row[acl])
        rows.append(tuple(values))
    found = _PROC_ROWS[b.superuser] = tuple(rows)
    return found


# settings only pg_settings shows (read-only facts of the server)
_EXTRA_SETTINGS = (("max_index_keys", "32", "integer", "internal",
                    "Shows the maximum number of index keys."),
                   ("max_function_args", "100", "integer", "internal",
                    "Shows the maximum number of function arguments."))


@builder("pg_settings")
def pg_settings(b: Build) -> Rows:
    for key, guc in sorted(gucs.GUCS.items()):
        if key in gucs.NO_SHOW_ALL:
            continue
        shown = guc.default
        if b.session is not None and hasattr(b.session, "current_setting"):
            shown = b.session.current_setting(guc.name, True) or shown
        setting = shown
        if guc.unit is not None:
            try:
                setting = guc.parse(guc.name, shown)
            except Exception:
                setting = shown
        yield {"name": guc.name, "setting": setting, "unit": guc.unit,
               "short_desc": gucs.DESCRIPTIONS.get(key),
               "context": guc.context, "vartype": guc.vartype,
               "source": "default" if setting == guc.default else "session",
               "boot_val": guc.default, "reset_val": guc.default,
               "pending_restart": False}
    for name, value, vartype, context, desc in _EXTRA_SETTINGS:
        yield {"name": name, "setting": value, "context": context,
               "vartype": vartype, "short_desc": desc, "source": "default",
               "boot_val": value, "reset_val": value,
               "pending_restart": False}


# ---------------------------------------------------------------- activity

def _background(b: Build, pid: int, backend_type: str, wait_event: str,
                superuser: bool, started: int) -> dict[str, Any]:
    return {"pid": pid, "usesysid": BOOTSTRAP_SUPERUSER if superuser else None,
            "usename": b.superuser if superuser else None,
            "application_name": "", "backend_start": started,
            "wait_event_type": "Activity", "wait_event": wait_event,
            "query": "", "backend_type": backend_type}


_STATES = {"I": "idle", "T": "idle in transaction",
           "E": "idle in transaction (aborted)"}


def _client(backend: activity.Backend, reader: Any) -> dict[str, Any]:
    """A session as PostgreSQL shows a client backend. The reader's own
    row is the running statement's: its statement and transaction start
    (statement_timestamp(), now()). Another session is 'active' while a
    statement runs, else idle as its transaction status says; the twin
    does not see when a statement ends, so an idle session's
    state_change is its last statement's start."""
    session = backend.session
    status, xact = session.activity()
    query_start = None if backend.query_start is None \
        else activity.micros(backend.query_start)
    row = {"datid": database_oid(session.database, session),
           "datname": session.database, "pid": backend.pid,
           "usesysid": BOOTSTRAP_SUPERUSER, "usename": session.user,
           "application_name": session.settings.get("application_name", ""),
           "backend_start": activity.micros(backend.started),
           "query": backend.query, "backend_type": "client backend"}
    if backend.pid == getattr(reader, "pid", None):
        start = reader.statement_start()
        row.update(xact_start=reader.transaction_start(), query_start=start,
                   state_change=start, state="active")
        return row
    row.update(xact_start=None if xact is None or status == "E"
               else activity.micros(xact.timestamp()),
               query_start=query_start,
               state_change=query_start or row["backend_start"])
    if session.interrupt.running:
        row["state"] = "active"
    else:
        row.update(state=_STATES[status], wait_event_type="Client",
                   wait_event="ClientRead")
    return row


@builder("pg_stat_activity")
def pg_stat_activity(b: Build) -> Rows:
    """The reading session's twin: PostgreSQL's background processes
    around its client sessions (by pid), as a default server lists them."""
    board = activity.of_pid(getattr(b.session, "pid", None))
    if board is None:
        return
    started = activity.micros(board.started)
    pids = iter(board.background)
    for backend_type, wait_event, superuser in activity.BEFORE_CLIENTS:
        yield _background(b, next(pids), backend_type, wait_event, superuser,
                          started)
    for _, backend in sorted(dict(board.backends).items()):
        yield _client(backend, b.session)
    for backend_type, wait_event, superuser in activity.AFTER_CLIENTS:
        yield _background(b, next(pids), backend_type, wait_event, superuser,
                          started)


# ---------------------------------------------------------------- views

@builder("pg_tables")
def pg_tables(b: Build) -> Rows:
    for table in b.catalog.tables:
        if b.catalog.view(table.name) is not None:
            continue  # a materialized view
        yield {"schemaname": table.name.schema, "tablename": table.name.name,
               "tableowner": b.superuser, "tablespace": None,
               "hasindexes": bool(b.catalog.indexes_of(table.name)),
               "hasrules": False, "hastriggers": _has_triggers(b, table),
               "rowsecurity": False}


@builder("pg_cursors")
def pg_cursors(b: Build) -> Rows:
    """The session's open cursors (DECLARE)."""
    cursors = getattr(b.session, "cursors", None)
    for cursor in cursors() if cursors is not None else ():
        yield {"name": cursor.name, "statement": cursor.statement,
               "is_holdable": cursor.hold, "is_binary": False,
               "is_scrollable": not cursor.no_scroll,
               "creation_time": activity.micros(cursor.created)}


@builder("pg_rewrite")
def pg_rewrite(b: Build) -> Rows:
    """Each view's _RETURN rule; its action is a reference to the view
    (pg_get_viewdef prints it), not PostgreSQL's node tree."""
    m = b.oids
    for view in b.catalog.views:
        relid = m.relations[view.name]
        yield {"oid": m.rules[view.name], "rulename": "_RETURN",
               "ev_class": relid, "ev_type": "1", "ev_enabled": "O",
               "is_instead": True, "ev_qual": "<>",
               "ev_action": f"{{TWINNING_VIEW :relid {relid}}}"}


@builder("pg_views")
def pg_views(b: Build) -> Rows:
    """The user's views (PostgreSQL's own system views are not listed)."""
    from twinning.system_catalog.viewdef import view_def  # lazy: cold start
    for view in b.catalog.views:
        if not view.materialized:
            yield {"schemaname": view.name.schema, "viewname": view.name.name,
                   "viewowner": b.superuser,
                   "definition": view_def(b.oids, view, b.session, False)}


@builder("pg_matviews")
def pg_matviews(b: Build) -> Rows:
    from twinning.system_catalog.viewdef import view_def  # lazy: cold start
    for view in b.catalog.views:
        if view.materialized:
            yield {"schemaname": view.name.schema,
                   "matviewname": view.name.name, "matviewowner": b.superuser,
                   "tablespace": None,
                   "hasindexes": bool(b.catalog.indexes_of(view.name)),
                   "ispopulated": view.populated,
                   "definition": view_def(b.oids, view, b.session, False)}


@builder("pg_indexes")
def pg_indexes(b: Build) -> Rows:
    from twinning.system_catalog.deparse import index_def  # lazy: cold start
    for index in b.catalog.indexes:
        yield {"schemaname": index.table.schema, "tablename": index.table.name,
               "indexname": index.name.name, "tablespace": None,
               "indexdef": index_def(b.oids, index, 0, b.session)}


@builder("pg_sequences")
def pg_sequences(b: Build) -> Rows:
    for seq in b.catalog.sequences:
        yield {"schemaname": seq.name.schema, "sequencename": seq.name.name,
               "sequenceowner": b.superuser,
               "data_type": RegOid(seq.type.oid,
                                   format_type(b.oids, seq.type.oid, -1)),
               "start_value": seq.start, "min_value": seq.min_value,
               "max_value": seq.max_value, "increment_by": seq.increment,
               "cycle": seq.cycle, "cache_size": seq.cache,
               "last_value": None}
