"""Which partition a row belongs in (ExecFindPartition), and the bound
comparisons the DDL checks share with it.

A router is built per partitioned table from the catalog (once per
catalog: `router` caches by it) and called with a row in the parent's
column order and the evaluation context; it returns the leaf partition
the row goes to, following sub-partitioned partitions, or raises
PostgreSQL's 23514 `no partition of relation … found for row` naming the
(sub)partitioned table where routing failed, with the key's values as the
session prints them. Range bounds compare as PostgreSQL's
partition_rbound_cmp: per column MINVALUE < any value < MAXVALUE, nothing
after an unbounded column counts; a row with a NULL in a range key goes
to the default partition only.
"""

from __future__ import annotations

import bisect
from typing import Any, Callable, Iterable

from twinning.errors import SqlError, check_violation
from twinning.ir import catalog as c
from twinning.ir import query as q
from twinning.passes.expr.ordering import sort_key
from twinning.passes.expr.system import system_catalog
from twinning.passes.partition_keys import key_function, key_types
from twinning.valueio import formatter
from twinning.values.partition_hash import row_hasher


def _key(sql_type: Any) -> Callable[[Any], Any]:
    return sort_key(q.ResultType.of(sql_type)) or (lambda v: v)


def same(sql_type: Any, a: Any, b: Any) -> bool:
    """Equal as the key's btree opclass says (NULL equals NULL here:
    a list bound holds NULL at most once)."""
    if a is None or b is None:
        return a is None and b is None
    key = _key(sql_type)
    return key(a) == key(b)


def _encode(keys: list, datums: tuple) -> tuple:
    """A range bound as a tuple comparing as partition_rbound_cmp does."""
    out = []
    for key, value in zip(keys, datums):
        if value is c.MINVALUE:
            out.append((-1, ()))
        elif value is c.MAXVALUE:
            out.append((1, ()))
        else:
            out.append((0, key(value)))
    return tuple(out)


def range_bound_cmp(types: list) -> Callable[..., int]:
    """cmp(datums1, lower1, datums2, lower2): 0, or ±(1-based number of
    the first column that differs), an upper bound below an equal lower."""
    keys = [_key(t) for t in types]

    def cmp(d1: tuple, lower1: bool, d2: tuple, lower2: bool) -> int:
        e1, e2 = _encode(keys, d1), _encode(keys, d2)
        colnum, result = 0, 0
        for x, y in zip(e1, e2):
            colnum += 1
            if x != y:
                result = -1 if x < y else 1
                break
            if x[0] != 0:
                break
        if result == 0 and lower1 != lower2:
            result = 1 if lower1 else -1
        return 0 if result == 0 else result * colnum
    return cmp


# -- routing ------------------------------------------------------------------

class _Router:
    """One partitioned table's routing: its key slots and, per strategy,
    a lookup from the key to the partition."""

    def __init__(self, catalog: c.Catalog, table: c.Table) -> None:
        self.catalog = catalog
        self.table = table
        key = catalog.partition_key(table.name)
        self.key = key
        self.values = key_function(table, key)
        self.types = key_types(table, key)
        self.strategy = key.strategy
        rows = [i for i in catalog.children_of(table.name) if i.bound is not None]
        self.default = next((i.child for i in rows if i.bound.default), None)
        rows = [i for i in rows if not i.bound.default]
        keys = [_key(t) for t in self.types]
        self.keys = keys
        self.children: dict[c.QName, Any] = {}
        if self.strategy == "list":
            self.listed = {}
            self.null = None
            for i in rows:
                for v in i.bound.values:
                    if v is None:
                        self.null = i.child
                    else:
                        self.listed[keys[0](v)] = i.child
        elif self.strategy == "range":
            ranges = sorted(((_encode(keys, i.bound.lower),
                              _encode(keys, i.bound.upper), i.child)
                             for i in rows), key=lambda r: r[0])
            self.lowers = [r[0] for r in ranges]
            self.ranges = ranges
        else:
            self.hash = row_hasher(self.types)
            self.hashes = [(i.bound.modulus, i.bound.remainder, i.child)
                           for i in rows]

    def find(self, values: tuple) -> c.QName | None:
        if self.strategy == "list":
            value = values[0]
            if value is None:
                return self.null or self.default
            return self.listed.get(self.keys[0](value)) or self.default
        if self.strategy == "range":
            if any(v is None for v in values):
                return self.default
            probe = tuple((0, k(v)) for k, v in zip(self.keys, values))
            at = bisect.bisect_right(self.lowers, probe) - 1
            if at >= 0 and probe < self.ranges[at][1]:
                return self.ranges[at][2]
            return self.default
        h = self.hash(values)
        for modulus, remainder, child in self.hashes:
            if h % modulus == remainder:
                return child
        return None

    def route(self, row: tuple, ctx: Any) -> c.QName:
        values = self.values(row)
        child = self.find(values)
        if child is None:
            raise self.no_partition(values, ctx)
        if self.catalog.partition_key(child) is None:
            return child
        sub = self.children.get(child)
        if sub is None:
            sub = self.children[child] = _Router(self.catalog,
                                                 self.catalog.table(child))
        return sub.route(_reordered(self.table, sub.table, row), ctx)

    def no_partition(self, values: tuple, ctx: Any) -> SqlError:
        settings = getattr(ctx, "settings", None)
        texts = []
        for sql_type, value in zip(self.types, values):
            if value is None:
                texts.append("null")
            else:
                texts.append(formatter(q.ResultType.of(sql_type), settings)(value)
                             if settings is not None else str(value))
        name = self.table.name
        labels = system_catalog().key_texts(self.catalog, self.table, self.key,
                                            ctx)
        return check_violation(f'no partition of relation "{name.name}" '
                               "found for row", detail="Partition key of the failing "
                               f"row contains ({', '.join(labels)}) = "
                               f"({', '.join(texts)}).", schema=name.schema,
                               table=name.name)


def layouts(catalog: c.Catalog, parent: c.QName, leaf: c.QName
            ) -> tuple[Callable[[tuple], tuple], Callable[[tuple], tuple]] | None:
    """(leaf row → parent row, parent row → leaf row) for a partition
    whose columns are in another order than the partitioned table's (an
    attached table's may be); None when they are in the same order."""
    def make() -> Any:
        mine, theirs = catalog.table(parent), catalog.table(leaf)
        names = [col.name for col in mine.columns]
        if names == [col.name for col in theirs.columns]:
            return None
        up = tuple(theirs.slot(n) for n in names)
        down = tuple(mine.slot(col.name) for col in theirs.columns)
        return (lambda row: tuple(row[i] for i in up),
                lambda row: tuple(row[i] for i in down))
    return _cached(catalog, ("layouts", parent), leaf, make)


def _reordered(parent: c.Table, child: c.Table, row: tuple) -> tuple:
    """A parent's row in a partition's column order (the same unless the
    partition was attached with its columns ordered otherwise)."""
    names = [col.name for col in parent.columns]
    if names == [col.name for col in child.columns]:
        return row
    return tuple(row[parent.slot(col.name)] for col in child.columns)


# routers of the catalogs seen last (a catalog is immutable; a new one
# after DDL gets its own)
_ROUTERS: dict[int, tuple[c.Catalog, dict]] = {}


def _cached(catalog: c.Catalog, what: str, table: c.QName,
            make: Callable[[], Any]) -> Any:
    """What is built from a catalog, built once per catalog."""
    held = _ROUTERS.get(id(catalog))
    if held is None or held[0] is not catalog:
        if len(_ROUTERS) > 16:
            _ROUTERS.clear()
        held = _ROUTERS[id(catalog)] = (catalog, {})
    cache = held[1]
    key = (what, table)
    if key not in cache:
        cache[key] = make()
    return cache[key]


def router(catalog: c.Catalog, table: c.QName) -> Callable[[tuple, Any], c.QName]:
    """fn(row, ctx) → the leaf partition of `table` the row goes to."""
    return _cached(catalog, "router", table,
                   lambda: _Router(catalog, catalog.table(table)).route)


def leaves(catalog: c.Catalog, table: c.QName) -> list[c.QName]:
    """The tables holding a partitioned table's rows, in PostgreSQL's
    partition order (bound order, the default partition last), sub-
    partitioned ones expanded; a plain table is its own leaf."""
    if catalog.partition_key(table) is None:
        return [table]
    return list(_cached(catalog, "leaves", table,
                        lambda: _leaves(catalog, table)))


def _leaves(catalog: c.Catalog, table: c.QName) -> tuple[c.QName, ...]:
    out: list[c.QName] = []
    for child in ordered_partitions(catalog, table):
        out.extend(leaves(catalog, child))
    return tuple(out)


def ordered_partitions(catalog: c.Catalog, table: c.QName) -> list[c.QName]:
    key = catalog.partition_key(table)
    parent = catalog.table(table)
    rows = [i for i in catalog.children_of(table) if i.bound is not None]
    order = bound_order(key.strategy, key_types(parent, key))
    return [i.child for i in sorted(rows, key=lambda i: order(i.bound))]


def bound_order(strategy: str, types: list) -> Callable[[c.PartitionBound], tuple]:
    """A sort key putting partitions in PartitionDesc order: by bound
    (a list partition by its least value, the NULL-only one after),
    the default partition last."""
    keys = [_key(t) for t in types]

    def order(b: c.PartitionBound) -> tuple:
        if b.default:
            return (2,)
        if strategy == "range":
            return (0, _encode(keys, b.lower))
        if strategy == "hash":
            return (0, b.modulus, b.remainder)
        present = [keys[0](v) for v in b.values if v is not None]
        return (0, min(present)) if present else (1,)
    return order


def attach_check(key: c.PartitionKey, parent: Any, child: c.QName,
                 bound: c.PartitionBound, defaults: list,
                 new: bool = False, child_leaves: tuple = ()) -> Callable:
    """What ATTACH PARTITION tests against stored rows, for the session:
    each of the new partition's rows (in `child_leaves`, the tables holding
    them) satisfies its bound, and no row of the default partition
    (`defaults`: (name, its tables)) belongs in it; tables are the DDL
    builder's (each read in its own column order). `fn(scan)`, scan(name)
    giving (row id, row) pairs."""
    if hasattr(parent, "freeze"):  # the DDL builder's table
        parent = parent.freeze()
    types = key_types(parent, key)
    fits = _bound_test(key.strategy, types, bound)

    def rows(table: Any) -> Iterable[tuple]:
        frozen = table.freeze() if hasattr(table, "freeze") else table
        values = key_function(frozen, key)
        return (values(row) for _, row in scan_of[0](frozen.name))
    scan_of: list = [None]

    def check(scan: Callable) -> None:
        scan_of[0] = scan
        for table in () if new else child_leaves:
            for row in rows(table):
                if not fits(row):  # named by the leaf holding it
                    name = table.name
                    raise check_violation("partition constraint of relation "
                                          f'"{name.name}" is violated by some row',
                                          schema=name.schema, table=name.name)
        for default, tables in defaults:
            for row in (r for table in tables for r in rows(table)):
                if fits(row):
                    raise check_violation("updated partition constraint for "
                                          f'default partition "{default.name}" would '
                                          "be violated by some row",
                                          schema=default.schema, table=default.name)
    return check


def partition_constraint(catalog: c.Catalog, table: c.QName
                         ) -> Callable[[tuple], bool] | None:
    """fn(row of `table`) → whether it satisfies `table`'s partition
    constraint (its bound and its ancestors'); None for a table that is
    no partition. A NULL range key fails it, as in PostgreSQL."""
    return _cached(catalog, "constraint", table,
                   lambda: _partition_constraint(catalog, table))


def _partition_constraint(catalog: c.Catalog, table: c.QName
                          ) -> Callable[[tuple], bool] | None:
    tests = []
    name = table
    mine = catalog.table(table)
    while True:
        row = catalog.parent_of(name)
        if row is None or row.bound is None:
            break
        parent = catalog.table(row.parent)
        key = catalog.partition_key(row.parent)
        types = key_types(parent, key)
        if row.bound.default:  # in none of its siblings
            siblings = [i.bound for i in catalog.children_of(row.parent)
                        if i.bound is not None and not i.bound.default]
            others = [_bound_test(key.strategy, types, b) for b in siblings]
            test = (lambda others: lambda v: not any(f(v) for f in others)
                    )(others)
        else:
            test = _bound_test(key.strategy, types, row.bound)
        tests.append((key_function(mine, key), test))
        name = row.parent
    if not tests:
        return None

    def satisfied(row: tuple) -> bool:
        return all(test(values(row)) for values, test in tests)
    return satisfied


def _bound_test(strategy: str, types: list, bound: c.PartitionBound
                ) -> Callable[[tuple], bool]:
    keys = [_key(t) for t in types]
    if bound.default:
        return lambda values: False
    if strategy == "list":
        wanted = {keys[0](v) for v in bound.values if v is not None}
        nulls = any(v is None for v in bound.values)
        return lambda values: (nulls if values[0] is None
                               else keys[0](values[0]) in wanted)
    if strategy == "range":
        lower, upper = _encode(keys, bound.lower), _encode(keys, bound.upper)

        def in_range(values: tuple) -> bool:
            if any(v is None for v in values):
                return False
            probe = tuple((0, k(v)) for k, v in zip(keys, values))
            return lower <= probe < upper
        return in_range
    hasher = row_hasher(types)
    return lambda values: hasher(values) % bound.modulus == bound.remainder
