"""Partitioned tables in the DDL builder: PARTITION BY, PARTITION OF,
ATTACH/DETACH PARTITION, ALTER INDEX … ATTACH PARTITION, and the
indexes a partitioned table's own cascade to its partitions.

A partitioned table is a `Table` (its columns and constraints; it holds no
rows) with a `PartitionKey`; a partition is an ordinary table with an
`Inherit` row naming its parent and its typed `PartitionBound`; an index
of a partition made for (or attached to) an index of its parent has an
`Inherit` row too, as pg_inherits has. PARTITION OF takes the parent's
columns, defaults and CHECKs as `LIKE … INCLUDING DEFAULTS INCLUDING
CONSTRAINTS` would; ATTACH checks the table's columns and constraints as
MergeAttributesIntoExisting does. Bounds are typed and checked as
transformPartitionBound and check_new_partition_bound do (their errors,
positions and the partition reported as overlapping). The rows ATTACH must
test (the partition constraint, a default partition's remaining rows) are
left as callables in `ResolvedSchema.validations` for the session, which
has the rows. Routing rows is `passes/partition_route.py`'s.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any, Callable

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, INVALID_OBJECT_DEFINITION,
    OBJECT_NOT_IN_PREREQUISITE_STATE, WRONG_OBJECT_TYPE, SqlError,
    column_does_not_exist, datatype_mismatch, dependent_objects_still_exist,
    duplicate_table, invalid_column_reference, invalid_object_definition,
    invalid_table_definition, relation_does_not_exist, undefined_column,
    undefined_object, undefined_table, wrong_object_type,
)
from twinning.ir import catalog as c
from twinning.ir import ddl as d
from twinning.ir import query as q
from twinning.ir import syntax as s
from twinning.passes.expr.analyze import (TypingContext, can_coerce_expr,
                                          coerce_to_type, pos, resolve_expr)
from twinning.passes.expr.check import CheckContext
from twinning.passes.expr.compile import compile_checked
from twinning.passes.expr.types import display_type
from twinning.passes.parse_expr import Unsupported
from twinning.passes import partition_alter
from twinning.passes import partition_keys as keys
from twinning.passes import partition_route as route
from twinning.values.partition_hash import hashable

_LIKE_PARENT = 1 | 4 | 8  # INCLUDING COMMENTS, CONSTRAINTS, DEFAULTS


# -- builder state ---------------------------------------------------------

def _state(b: Any) -> None:
    """The builder's partitioning (`partition_keys`, `inherits`), taken
    from the catalog it runs against when first needed."""
    if "partition_keys" not in vars(b):
        catalog = b.original
        b.partition_keys = {} if catalog is None else {
            k.table: k for k in catalog.partition_keys}
        b.inherits = [] if catalog is None else list(catalog.inherits)


def adopt(b: Any) -> None:
    """Take the partitioning of the catalog `b` was made from now, before
    it forgets that catalog (`skip_unsupported` rebuilding a builder)."""
    _state(b)


def _stateful(fn: Callable) -> Callable:
    def with_state(b: Any, *args: Any) -> Any:
        _state(b)
        return fn(b, *args)
    with_state.__name__ = fn.__name__
    return with_state


@_stateful
def frozen(b: Any) -> dict:
    """The Catalog's partitioning fields (keys in creation order), rows of
    dropped relations left out. RENAME TO keeps them current itself
    (`partition_alter`)."""
    exists = set(b.tables) | set(b.indexes)
    found = sorted((k for k in b.partition_keys.values() if k.table in b.tables),
                   key=lambda k: b.tables[k.table].created)
    inherits = tuple(i for i in b.inherits
                     if i.child in exists and i.parent in exists)
    return {"partition_keys": tuple(found), "inherits": inherits}


def _children(b: Any, parent: c.QName) -> list[c.Inherit]:
    return [i for i in b.inherits if i.parent == parent]


def _in_bound_order(b: Any, parent: Any) -> list[c.QName]:
    """The partitions of `parent` in PartitionDesc order (what cascades
    visit them in)."""
    key = b.partition_keys[parent.name]
    types = keys.key_types(parent, key)
    order = route.bound_order(key.strategy, types)
    rows = [i for i in _children(b, parent.name)
            if i.bound is not None and i.child in b.tables]
    return [i.child for i in sorted(rows, key=lambda i: order(i.bound))]


def _parent_row(b: Any, child: c.QName) -> c.Inherit | None:
    return next((i for i in b.inherits if i.child == child), None)


@_stateful
def tree(b: Any, targets: list[c.QName]) -> list[c.QName]:
    """Tables to drop and the partitions that go with them (what their
    dependents are looked for on); an index attached to a partitioned
    index's cannot be dropped on its own."""
    for name in targets:
        row = _parent_row(b, name)
        if name in b.indexes and row is not None:
            raise dependent_objects_still_exist(f"cannot drop index {name.name} because "
                                                f"index {row.parent.name} requires it",
                                                hint=f"You can drop index {row.parent.name} instead.")
    out = list(targets)
    for name in out:
        out.extend(i.child for i in b.inherits if i.parent == name
                   and i.bound is not None and i.child not in out)
    return out


@_stateful
def roots(b: Any, tables: list) -> list:
    """Of the tables DROP SCHEMA drops, those it names: a partition goes
    with its partitioned table when that goes too."""
    names = {t.name for t in tables}
    return [t for t in tables
            if (row := _parent_row(b, t.name)) is None or row.parent not in names]


@_stateful
def dropped_first(b: Any, name: c.QName, kind_of: Callable,
                  drop: Callable) -> bool:
    """Before DROP of `name`: True when it is gone already (with the
    partitioned table it belonged to); else what goes with it is dropped
    first (`drop(b, kind, name)`)."""
    if kind_of(b, name) is None:
        return True
    for child, what in dropped_with(b, name):
        drop(b, what, child)
    return False


def dropped_with(b: Any, name: c.QName) -> list[tuple[c.QName, str]]:
    """What dropping a partitioned table or index drops with it (no
    NOTICE: the dependency is automatic): its partitions, or the indexes
    attached to it, as (name, kind)."""
    out = []
    for row in _children(b, name):
        if row.child in b.tables:
            out.append((row.child, "table"))
        elif row.child in b.indexes:
            out.append((row.child, "index"))
    b.partition_keys.pop(name, None)
    return out


# -- CREATE TABLE ----------------------------------------------------------

def table_def(b: Any, defn: d.TableDef) -> d.TableDef:
    """PARTITION OF parent: the parent's columns, as LIKE would copy
    them, before the table's own constraints."""
    if defn.partition_of is None:
        return defn
    parent = b.table(defn.partition_of)
    if parent.name not in b.partition_keys:
        raise invalid_object_definition(f'"{parent.name.name}" is not partitioned')
    if defn.columns:
        raise Unsupported("PARTITION OF with column options", defn.location)
    for name in defn.option_columns:  # their options follow as ALTERs
        if parent.column(name) is None:
            raise column_does_not_exist(name)
    return replace(defn, columns=(d.LikeDef(defn.partition_of, _LIKE_PARENT,
                                            defn.location),))


def created(b: Any, defn: d.TableDef, apply: dict) -> None:
    """After CREATE TABLE made the table: its partition key, or its place
    under its parent (bound checked, the parent's indexes cloned)."""
    name = b.lookup(defn.name)
    if name not in b.tables:  # IF NOT EXISTS skipped it
        return
    table = b.tables[name]
    _foreign_keys(b, table, defn.location, defn.partition_by is not None)
    if defn.partition_by is None and defn.partition_of is None:
        return
    if defn.partition_by is not None:
        _define_key(b, table, defn.partition_by)
    if defn.partition_of is not None:
        parent = b.table(defn.partition_of)
        _same_persistence(b, parent.name, name, "create")
        bound = _typed_bound(b, parent, defn.bound, name)
        _check_defaults(b, parent, name, bound, new=True)
        b.inherits.append(c.Inherit(name, parent.name, bound))
        _clone_indexes(b, parent, table, apply)


def _foreign_keys(b: Any, table: Any, location: int, partitioned: bool) -> None:
    """Foreign keys from or to a partitioned table are outside the
    subset (each partition would need its clone of the key)."""
    for k in table.constraints:
        if isinstance(k, c.ForeignKey) and (
                partitioned or table.name in b.partition_keys):
            raise Unsupported("FOREIGN KEY on a partitioned table", location)
        if isinstance(k, c.ForeignKey) and k.ref_table in b.partition_keys:
            raise Unsupported("FOREIGN KEY referencing a partitioned table",
                              location)


def _same_persistence(b: Any, parent: c.QName, child: c.QName,
                      verb: str) -> None:
    """A partition is temporary exactly when its parent is."""
    mine, theirs = b.is_temporary(child), b.is_temporary(parent)
    if mine != theirs:
        kind = "temporary" if mine else "permanent"
        other = "permanent" if mine else "temporary"
        raise wrong_object_type(f"cannot {verb} a {kind} relation as partition "
                                f'of {other} relation "{parent.name}"')


def _define_key(b: Any, table: Any, spec: d.PartitionKeyDef) -> None:
    """ComputePartitionAttrs: the key columns and their operator classes,
    then every unique index already made must cover the key."""
    if spec.strategy == "list" and len(spec.columns) > 1:
        raise invalid_object_definition('cannot use "list" partition strategy with '
                                        "more than one column")
    method = "hash" if spec.strategy == "hash" else "btree"
    for i, (name, where) in enumerate(zip(spec.columns, spec.locations)):
        if not name:  # an expression
            sql_type = keys.typed_expression(table, spec.exprs[i]).type.sql_type
        elif table.column(name) is None:
            raise undefined_column(f'column "{name}" named in partition key '
                                   "does not exist", position=pos(where))
        else:
            sql_type = table.column(name).type
        if sql_type.name in ("json", "xml", "point") and not sql_type.is_array:
            raise undefined_object(f"data type {sql_type.name} has no default "
                                   f'operator class for access method "{method}"',
                                   hint=f"You must specify a {method} operator class or "
                                   f"define a default {method} operator class for the "
                                   "data type.")
        if method == "hash" and not hashable(sql_type):
            raise Unsupported(f"hash partitioning on type "
                              f"{display_type(q.ResultType.of(sql_type))}",
                              spec.location)
    key = c.PartitionKey(table.name, spec.strategy, spec.columns,
                         spec.exprs if not all(spec.columns) else ())
    b.partition_keys[table.name] = key
    for k in table.constraints:
        if isinstance(k, (c.PrimaryKey, c.Unique)):
            _require_key_columns(table, key, k.columns,
                                 isinstance(k, c.PrimaryKey))


def _require_key_columns(table: Any, key: c.PartitionKey,
                         columns: tuple[str, ...], primary: bool) -> None:
    kind = "PRIMARY KEY" if primary else "UNIQUE"
    if not all(key.columns):
        raise SqlError(FEATURE_NOT_SUPPORTED, f"unsupported {kind} constraint with partition "
                                     "key definition", detail=f"{kind} constraints cannot be "
                                     "used when partition keys include expressions.")
    for name in key.columns:
        if name not in columns:
            raise SqlError(
                FEATURE_NOT_SUPPORTED, "unique constraint on partitioned table must include "
                "all partitioning columns",
                detail=f'{"PRIMARY KEY" if primary else "UNIQUE"} constraint on '
                f'table "{table.name.name}" lacks column "{name}" which is part '
                "of the partition key.")


# -- bounds ----------------------------------------------------------------

def _typed_bound(b: Any, parent: Any, spec: d.PartitionBoundDef,
                 name: c.QName) -> c.PartitionBound:
    """transformPartitionBound, then check_new_partition_bound against the
    parent's partitions."""
    key = b.partition_keys[parent.name]
    types = keys.key_types(parent, key)
    strategy = key.strategy
    where = pos(spec.location)
    if spec.strategy == "default":
        if strategy == "hash":
            raise invalid_table_definition("a hash-partitioned table may not have a "
                                           "default partition")
        bound = c.PartitionBound(strategy, default=True)
    elif spec.strategy != strategy:
        raise invalid_table_definition(f"invalid bound specification for a {strategy} "
                                       "partition", position=where)
    elif strategy == "hash":
        if spec.modulus <= 0:
            raise invalid_table_definition("modulus for hash partition must be an "
                                           "integer value greater than zero")
        if spec.remainder < 0:
            raise invalid_table_definition("remainder for hash partition must be a "
                                           "non-negative integer")
        if spec.remainder >= spec.modulus:
            raise invalid_table_definition("remainder for hash partition must be less "
                                           "than modulus")
        bound = c.PartitionBound("hash", modulus=spec.modulus,
                                 remainder=spec.remainder)
    elif strategy == "list":
        values: list = []
        for expr in spec.values:
            value = _value(expr, types[0], _part_name(key, 0))
            if not any(route.same(types[0], value, v) for v in values):
                values.append(value)
        bound = c.PartitionBound("list", values=tuple(values))
    else:
        names = [_part_name(key, i) for i in range(len(types))]
        lower = _range_values(spec.lower, "FROM", types, names)
        upper = _range_values(spec.upper, "TO", types, names)
        bound = c.PartitionBound("range", lower=lower, upper=upper)
    _check_new(b, parent, key, types, bound, spec, name)
    return bound


def _part_name(key: c.PartitionKey, i: int) -> str:
    """The column a bound value's message names (an expression's: the
    expression's text is PostgreSQL's; the twin names no column)."""
    return key.columns[i] or "?column?"


def _range_values(exprs: tuple, word: str, types: list, columns: tuple
                  ) -> tuple:
    if len(exprs) != len(types):
        raise invalid_table_definition(f"{word} must specify exactly one value per "
                                       "partitioning column")
    out = []
    for expr, sql_type, column in zip(exprs, types, columns):
        if isinstance(expr, d.UnboundedDatum):
            out.append(c.MINVALUE if expr.word == "MINVALUE" else c.MAXVALUE)
            continue
        value = _value(expr, sql_type, column)
        if value is None:
            raise invalid_object_definition("cannot specify NULL in range bound")
        out.append(value)
    for i, value in enumerate(out):  # validateInfiniteBounds
        if value is c.MAXVALUE or value is c.MINVALUE:
            for later, expr in zip(out[i + 1:], exprs[i + 1:]):
                if later is not value:
                    raise datatype_mismatch(f"every bound following {value!r} "
                                            f"must also be {value!r}",
                                            position=pos(getattr(expr, "location", -1)))
            break
    return tuple(out)


class _NoColumns:
    def lookup(self, parts: tuple[str, ...], location: int) -> Any:
        raise invalid_column_reference("cannot use column reference in partition "
                                       "bound expression", position=pos(location))


def _value(expr: s.Expr, sql_type: Any, column: str) -> Any:
    """transformPartitionBoundValue: typed, coerced as an assignment to
    the key column's type, and evaluated to a constant."""
    ctx = TypingContext(kind="partition bound", allow_params=False)
    typed = resolve_expr(expr, _NoColumns(), ctx)
    target = q.ResultType.of(sql_type)
    if not can_coerce_expr(typed, target, "a"):
        raise datatype_mismatch("specified value cannot be cast to type "
                                f'{display_type(target)} for column "{column}"',
                                position=pos(getattr(expr, "location", -1)))
    compiled = compile_checked(coerce_to_type(typed, target, ctx, "a"))
    if compiled.error is not None:
        raise compiled.error
    return compiled.fn((), CheckContext())


def _check_new(b: Any, parent: Any, key: c.PartitionKey, types: list,
               bound: c.PartitionBound, spec: d.PartitionBoundDef,
               name: c.QName) -> None:
    siblings = [(i.child, i.bound) for i in _children(b, parent.name)
                if i.bound is not None]
    relname = name.name
    if bound.default:
        for child, other in siblings:
            if other.default:
                raise invalid_object_definition(f'partition "{relname}" conflicts with '
                                                f'existing default partition "{child.name}"',
                                                position=pos(spec.location))
        return
    others = [(child, o) for child, o in siblings if not o.default]
    if bound.strategy == "hash":
        _check_hash(bound, others, relname, spec)
    elif bound.strategy == "list":
        for expr, value in zip(spec.values, bound.values):
            for child, other in others:
                if any(route.same(types[0], value, v) for v in other.values):
                    raise invalid_object_definition(f'partition "{relname}" would '
                                                    f'overlap partition "{child.name}"',
                                                    position=pos(expr.location))
    else:
        _check_range(types, bound, others, relname, spec)


def _check_hash(bound: c.PartitionBound, others: list, relname: str,
                spec: d.PartitionBoundDef) -> None:
    ordered = sorted(others, key=lambda x: (x[1].modulus, x[1].remainder))
    if not ordered:
        return
    pairs = [(o.modulus, o.remainder) for _, o in ordered]
    mine = (bound.modulus, bound.remainder)
    below = [i for i, pair in enumerate(pairs) if pair <= mine]
    if not below:
        first_mod = pairs[0][0]
        if first_mod % bound.modulus:
            _factor_error(bound.modulus, first_mod, ordered[0][0].name, "factor")
    else:
        at = below[-1]
        if bound.modulus % pairs[at][0]:
            _factor_error(bound.modulus, pairs[at][0], ordered[at][0].name,
                          "divisible")
        if at + 1 < len(pairs) and pairs[at + 1][0] % bound.modulus:
            _factor_error(bound.modulus, pairs[at + 1][0],
                          ordered[at + 1][0].name, "factor")
    greatest = max(m for m, _ in pairs)
    taken: dict[int, c.QName] = {}
    for child, other in ordered:
        for r in range(other.remainder, greatest, other.modulus):
            taken.setdefault(r, child)
    remainder = bound.remainder % greatest if bound.remainder >= greatest \
        else bound.remainder
    while remainder < greatest:
        if remainder in taken:
            raise invalid_object_definition(f'partition "{relname}" would overlap '
                                            f'partition "{taken[remainder].name}"',
                                            position=pos(spec.location))
        remainder += bound.modulus


def _factor_error(modulus: int, other: int, name: str, how: str) -> None:
    detail = (f"The new modulus {modulus} is not a factor of {other}, the "
              f'modulus of existing partition "{name}".' if how == "factor"
              else f"The new modulus {modulus} is not divisible by {other}, "
              f'the modulus of existing partition "{name}".')
    raise invalid_object_definition("every hash partition modulus must be a factor of "
                                    "the next larger modulus", detail=detail)


def _check_range(types: list, bound: c.PartitionBound, others: list,
                 relname: str, spec: d.PartitionBoundDef) -> None:
    cmp = route.range_bound_cmp(types)
    order = cmp(bound.lower, True, bound.upper, False)
    if order > 0:
        raise invalid_object_definition(f'empty range bound specified for partition '
                                        f'"{relname}"', detail="Specified lower bound "
                                        f"{_bound_text(spec.lower)} is greater than or equal to "
                                        f"upper bound {_bound_text(spec.upper)}.",
                                        position=pos(_location(spec.lower[order - 1])))
    if not others:
        return
    # PartitionBoundInfo: every bound in order, an upper bound standing for
    # the equal lower bound after it; each upper one indexes its partition
    bounds = sorted([(o.lower, True, k) for k, (_, o) in enumerate(others)]
                    + [(o.upper, False, k) for k, (_, o) in enumerate(others)],
                    key=functools.cmp_to_key(
                        lambda x, y: cmp(x[0], x[1], y[0], y[1])))
    info: list[tuple] = []
    for datums, lower, k in bounds:
        if info and cmp(info[-1][0], True, datums, True) == 0:
            continue  # the same datums (an upper bound sorts first)
        info.append((datums, lower, -1 if lower else k))
    indexes = [x[2] for x in info] + [-1]
    lo, hi, at = -1, len(info) - 1, 0  # partition_range_bsearch
    while lo < hi:
        mid = (lo + hi + 1) // 2
        at = cmp(info[mid][0], info[mid][2] == -1, bound.lower, True)
        if at <= 0:
            lo = mid
            if at == 0:
                break
        else:
            hi = mid - 1
    offset = lo
    if indexes[offset + 1] < 0:  # in a gap: the new upper bound must fit
        if offset + 1 >= len(info):
            return
        following = info[offset + 1]
        at = cmp(following[0], indexes[offset + 1] == -1, bound.upper, False)
        if at >= 0:
            return
        datum = spec.upper[abs(at) - 1]
        with_ = indexes[offset + 2]
    else:
        datum = spec.lower[0] if at == 0 else spec.lower[abs(at) - 1]
        with_ = indexes[offset + 1]
    raise invalid_object_definition(f'partition "{relname}" would overlap partition '
                                    f'"{others[with_][0].name}"', position=pos(_location(datum)))


def _location(datum: Any) -> int:
    return getattr(datum, "location", -1)


def _bound_text(exprs: tuple) -> str:
    """get_range_partbound_string: the values as written, deparsed."""
    parts = []
    for expr in exprs:
        if isinstance(expr, d.UnboundedDatum):
            parts.append(expr.word)
            continue
        while isinstance(expr, s.Cast):
            expr = expr.arg
        if isinstance(expr, s.Literal) and expr.kind == "string":
            parts.append("'" + (expr.text or "").replace("'", "''") + "'")
        elif isinstance(expr, s.Literal):
            parts.append(expr.text or "NULL")
        else:
            parts.append("?")
    return "(" + ", ".join(parts) + ")"


# -- indexes ---------------------------------------------------------------

def _clone_indexes(b: Any, parent: Any, child: Any, apply: dict) -> None:
    """Each index of the parent gets its counterpart on the new partition:
    a matching one it already has is attached, else one is made (a
    constraint's as the same kind of constraint)."""
    for index in sorted((i for i in b.indexes.values()
                         if i.table == parent.name), key=lambda i: i.name):
        _clone_index(b, index, child, apply)


def _clone_index(b: Any, index: c.Index, child: Any, apply: dict) -> None:
    attached = {i.child for i in b.inherits}
    for mine in sorted(b.indexes.values(), key=lambda i: i.name):
        if mine.table == child.name and mine.name not in attached and \
                _matches(mine, index):
            b.inherits.append(c.Inherit(mine.name, index.name))
            return
    before = set(b.indexes)
    table = (child.name.schema, child.name.name)
    if index.constraint is not None:
        kind = "primary_key" if index.primary else "unique"
        apply[d.ConstraintAdd](b, d.ConstraintAdd(table, d.ConstraintDef(
            kind, None, index.columns,
            nulls_not_distinct=index.nulls_not_distinct)))
    else:
        apply[d.IndexDef](b, d.IndexDef(
            None, table, index.columns, index.unique, index.nulls_not_distinct,
            include=index.include, options=index.options,
            where=index.predicate, method=index.method))
    made = [n for n in b.indexes if n not in before]
    made = [n for n in made if b.indexes[n].table == child.name]
    if made:
        b.inherits.append(c.Inherit(made[0], index.name, made=True))


def _matches(mine: c.Index, index: c.Index) -> bool:
    """CompareIndexInfo, for what the twin's indexes hold; a constraint's
    index is matched only by a constraint's of the same kind."""
    return (mine.columns == index.columns and mine.unique == index.unique
            and mine.include == index.include
            and mine.options == index.options
            and mine.predicate == index.predicate
            and mine.method == index.method
            and mine.primary == index.primary
            and (mine.constraint is None) == (index.constraint is None))


def wrap_index_handlers(apply: dict) -> dict:
    """CREATE INDEX and ADD PRIMARY KEY/UNIQUE on a partitioned table:
    the key must be covered, and (without ONLY) every partition gets the
    index as well."""
    plain, constraint = apply[d.IndexDef], apply[d.ConstraintAdd]

    def index(b: Any, defn: d.IndexDef) -> None:
        name = b.lookup(defn.table)
        if defn.concurrently and name in b.partition_keys:
            raise SqlError(FEATURE_NOT_SUPPORTED, "cannot create index on partitioned table "
                                         f'"{name.name}" concurrently')
        before = set(b.indexes)
        plain(b, defn)
        _cascade(b, defn.table, defn.unique, defn.only, before, apply)

    def add(b: Any, defn: d.ConstraintAdd) -> None:
        before = set(b.indexes)
        constraint(b, defn)
        if defn.constraint.kind == "foreign_key":
            _foreign_keys(b, b.tables[b.lookup(defn.table)], defn.location,
                          False)
        if defn.constraint.kind in ("primary_key", "unique"):
            _cascade(b, defn.table, True, defn.only, before, apply,
                     defn.constraint.kind == "primary_key")
    return {d.IndexDef: index, d.ConstraintAdd: add}


def _cascade(b: Any, parts: tuple[str, ...], unique: bool, only: bool,
             before: set, apply: dict, primary: bool = False) -> None:
    name = b.lookup(parts)
    key = b.partition_keys.get(name)
    made = [n for n in b.indexes if n not in before]
    if key is None or not made:
        return
    index = b.indexes[made[0]]
    table = b.tables[name]
    if unique:
        _require_key_columns(table, key, index.columns, primary)
    if only:
        return
    for child in _in_bound_order(b, table):
        _clone_index(b, index, b.tables[child], apply)


# -- ALTER TABLE … ATTACH/DETACH PARTITION, ALTER INDEX … ATTACH PARTITION --

def handlers(apply: dict) -> dict:
    """The DDL builder's handlers, made partition-aware: CREATE TABLE's
    PARTITION BY / PARTITION OF, indexes and keys cascading, ATTACH/DETACH
    PARTITION, and ALTER TABLE following the partition tree
    (`partition_alter`). Each first makes sure the builder holds the
    partitioning of the catalog it runs against."""
    apply = dict(apply)
    apply.update(wrap_index_handlers(apply))
    plain_table = apply[d.TableDef]

    def table(b: Any, defn: d.TableDef) -> None:
        if b.relation_exists(b.qualify(defn.name, defn.location,
                                       defn.temporary)):
            return plain_table(b, defn)  # its 42P07, or IF NOT EXISTS's NOTICE
        defn = table_def(b, defn)
        plain_table(b, defn)
        created(b, defn, apply)

    def command(b: Any, defn: d.PartitionCmdDef) -> None:
        if defn.action == "attach_index":
            _attach_index(b, defn)
        elif defn.action == "detach":
            _detach(b, defn)
        else:
            _attach(b, defn, apply)
    made = {d.TableDef: table, d.PartitionCmdDef: command,
            d.IndexDef: apply[d.IndexDef],
            d.ConstraintAdd: apply[d.ConstraintAdd],
            **partition_alter.wrap_alter_handlers(apply)}
    return {kind: _stateful(handler) for kind, handler in made.items()}


def _partitioned(b: Any, parts: tuple[str, ...], location: int) -> Any:
    table = b.table(parts, location)
    if table.name not in b.partition_keys:
        raise invalid_object_definition(f'table "{table.name.name}" is not partitioned')
    return table


def _detach(b: Any, defn: d.PartitionCmdDef) -> None:
    b.doing = "ALTER TABLE"
    parent = _partitioned(b, defn.table, defn.location)
    child = b.table(defn.partition, defn.location)
    row = _parent_row(b, child.name)
    if row is None or row.parent != parent.name:
        raise undefined_table(f'relation "{child.name.name}" is not a '
                              f'partition of relation "{parent.name.name}"')
    b.inherits.remove(row)
    mine = {i.name for i in b.indexes.values() if i.table == child.name}
    b.inherits = [i for i in b.inherits if i.child not in mine]


def _attach(b: Any, defn: d.PartitionCmdDef, apply: dict) -> None:
    """ATTACH PARTITION (ATExecAttachPartition): the table's columns and
    constraints against the parent's, the bound, then its rows (left for
    the session) and the parent's indexes."""
    b.doing = "ALTER TABLE"
    parent = _partitioned(b, defn.table, defn.location)
    child = b.table(defn.partition, defn.location)
    if _parent_row(b, child.name) is not None:
        raise wrong_object_type(f'"{child.name.name}" is already a partition')
    _same_persistence(b, parent.name, child.name, "attach")
    if child.name == parent.name:
        raise duplicate_table('circular inheritance not allowed',
                              detail=f'"{child.name.name}" is already a child of '
                              f'"{parent.name.name}".')
    for col in child.columns:
        if parent.column(col.name) is None:
            raise datatype_mismatch(f'table "{child.name.name}" contains column '
                                    f'"{col.name}" not found in parent '
                                    f'"{parent.name.name}"', detail="The new partition "
                                    "may contain only the columns present in parent.")
    for col in parent.columns:
        mine = child.column(col.name)
        if mine is None:
            raise datatype_mismatch(f'child table is missing column "{col.name}"')
        if mine.type != col.type:
            raise datatype_mismatch(f'child table "{child.name.name}" has '
                                    f'different type for column "{col.name}"')
        if col.not_null and not mine.not_null:
            raise datatype_mismatch(f'column "{col.name}" in child table must '
                                    "be marked NOT NULL")
    for k in parent.constraints:
        if isinstance(k, c.Check):
            if not any(isinstance(m, c.Check) and m.name == k.name
                       for m in child.constraints):
                raise datatype_mismatch(f'child table is missing constraint '
                                        f'"{k.name}"')
    bound = _typed_bound(b, parent, defn.bound, child.name)
    _check_defaults(b, parent, child.name, bound)
    b.inherits.append(c.Inherit(child.name, parent.name, bound))
    _clone_indexes(b, parent, child, apply)


def _check_defaults(b: Any, parent: Any, child: c.QName,
                    bound: c.PartitionBound, new: bool = False) -> None:
    """The rows to test once the statement's catalog is known: the
    attached table's (not a new one's), and the default partition's."""
    defaults = [(i.child, _leaf_tables(b, i.child))
                for i in _children(b, parent.name)
                if i.bound is not None and i.bound.default]
    if new and not defaults:
        return
    b.validations.append(route.attach_check(
        b.partition_keys[parent.name], parent, child, bound, defaults, new,
        _leaf_tables(b, child)))


def _leaf_tables(b: Any, name: c.QName) -> tuple[Any, ...]:
    """The tables holding the rows of `name` (its leaf partitions when it
    is partitioned), as the builder has them."""
    if name not in b.partition_keys:
        return (b.tables[name],) if name in b.tables else ()
    return tuple(leaf for i in _children(b, name) if i.bound is not None
                 for leaf in _leaf_tables(b, i.child))


def _attach_index(b: Any, defn: d.PartitionCmdDef) -> None:
    """ALTER INDEX parent ATTACH PARTITION child (AttachPartitionEnsureIndexes'
    checks for one index)."""
    b.doing = "ALTER INDEX"
    parent_name = b.lookup(defn.table)
    child_name = b.lookup(defn.partition)
    for name, parts, code in ((parent_name, defn.table, WRONG_OBJECT_TYPE),
                              (child_name, defn.partition, INVALID_OBJECT_DEFINITION)):
        if name not in b.indexes:
            if b.relation_exists(name):
                raise SqlError(code, f'"{name.name}" is not an index')
            raise relation_does_not_exist(".".join(parts))
    parent, child = b.indexes[parent_name], b.indexes[child_name]
    existing = _parent_row(b, child.name)
    if existing is not None and existing.parent == parent.name:
        return  # attaching again is a no-op
    table_row = _parent_row(b, child.table)

    def refuse(code: str, detail: str) -> SqlError:
        return SqlError(code, f'cannot attach index "{child.name.name}" as a '
                        f'partition of index "{parent.name.name}"',
                        detail=detail)
    if table_row is None or table_row.parent != parent.table:
        raise refuse(OBJECT_NOT_IN_PREREQUISITE_STATE, f'Index "{child.name.name}" is not an index on '
                                              f'any partition of table "{parent.table.name}".')
    if any(i.parent == parent.name and i.child in b.indexes
           and b.indexes[i.child].table == child.table for i in b.inherits):
        raise refuse(OBJECT_NOT_IN_PREREQUISITE_STATE, "Another index is already attached for "
                                              f'partition "{child.table.name}".')
    if existing is not None:
        raise refuse(OBJECT_NOT_IN_PREREQUISITE_STATE, f'Index "{child.name.name}" is already attached '
                                              "to another index.")
    if not _matches(child, parent):
        raise refuse(INVALID_OBJECT_DEFINITION, "The index definitions do not match.")
    b.inherits.append(c.Inherit(child.name, parent.name))
