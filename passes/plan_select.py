"""Plan stage of the read path: a typed `Relation` → row iterators.

Each relational node becomes a closure `rows(ctx) -> iterable of tuples`;
the choices that make it a plan rather than an interpreter are made here,
once, and named in `describe()` so `twinning explain` shows them:

- a Filter over a table Scan whose conjuncts pin every column of a
  unique (primary key first) or plain index to a constant or parameter
  becomes an **index lookup** (the rest of the predicate still runs);
- a Join whose condition has `a = b` conjuncts between the two sides of
  one type becomes a **hash join** (keys hashed with the type's equality,
  so 1.0 = 1.00 and NULL matches nothing); other joins nest loops;
- uncorrelated subqueries run once per statement (PostgreSQL's initplans),
  correlated ones once per outer row with the row on `ctx.outer`.

Per row, the common shapes cost no closure call: a WHERE conjunct
`column op $n` (what the plan cache makes of a literal), `column IS NULL`
or a boolean column is one list comprehension over the rows with the
value read once per execution; a projection of columns is an itemgetter;
GROUP BY columns group the rows in a dict, and count/sum/avg/min/max of a
column fold each group's values in one go; ORDER BY sorts the values
themselves unless a NULL or NaN needs the type's sort key.

Rows come from the session's store transaction (`ctx.txn`), system
relations from the catalog (`ctx.catalog`). A Scan's rows are an iterator
its consumer takes in one pass (every statement reads all it needs before
it writes). Nothing here walks IR while rows flow.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from decimal import InvalidOperation
from operator import itemgetter
from typing import Any, Callable, Iterable

from twinning.errors import (
    SqlError, cardinality_violation, invalid_row_count_in_limit_clause,
    invalid_row_count_in_result_offset_clause, read_only_sql_transaction,
)
from twinning.values import md_arrays
from twinning.ir import query as q
from twinning.ir import select as r
from twinning.ir.types import REG_TYPES
from twinning.ir.routines import TUserSetCall
from twinning.passes.user_functions import AGGREGATE_PREFIX, run_aggregate
from twinning.passes.column_definitions import checked_rows, populator
from twinning.passes.partition_reads import leaf_oid
from twinning.passes.partition_route import layouts
from twinning.passes.setop_inputs import right_first
from twinning.passes.expr.aggregates import accumulator, fold
from twinning.passes.expr.ordered_set import ordered_set_final
from twinning.passes.expr.compile import (CompiledExpr, Recur,
                                         compile_checked, unwrap_relabel)
from twinning.passes.expr.ordering import equality_key, raw_order, sort_key
from twinning.passes.expr import runtime
from twinning.passes.expr.registry import PY_COMPARE
from twinning.passes.expr.walk import children, outer_levels, shift_columns
from twinning.passes.expr.system import system_catalog
from twinning.passes.plan_columnar import columnar_aggregate
from twinning.passes.plan_grouping import grouping_set_rows
from twinning.passes.plan_window import window_rows
from twinning.passes.polling import chunks

__all__ = ["CompiledQuery", "compile_read", "pinned_columns", "pinned_index",
           "plan_query"]

Rows = Callable[[Any], Iterable[tuple]]


class CompiledQuery:
    """What the session runs for a SELECT: `run(ctx)` → the result rows."""

    __slots__ = ("resolved", "rows", "lines", "error")

    def __init__(self, resolved: r.ResolvedQuery, rows: Rows,
                 lines: list[str], error: SqlError | None = None) -> None:
        self.resolved = resolved
        self.rows = rows
        self.lines = lines
        self.error = error  # a constant that failed to fold: raised at use

    def run(self, ctx: Any) -> list[tuple]:
        return list(self.rows(ctx))

    def describe(self) -> str:
        return "\n".join(self.lines)


def plan_query(resolved: r.ResolvedQuery) -> CompiledQuery:
    planner = _Planner()
    rows = planner.relation(resolved.relation, 0)
    return CompiledQuery(resolved, rows, planner.lines, planner.error)


def _partitions_scan(table: Any, leaves: tuple, rowid: bool) -> Rows:
    """A partitioned table's rows: each partition's (in the table's column
    order), with its OID (and for LockRows the (partition, row id) pair)."""
    def scan(ctx: Any) -> list[tuple]:
        out: list[tuple] = []
        for leaf in leaves:
            oid = (leaf_oid(ctx, leaf),)
            rows = ctx.txn.scan(leaf)
            layout = layouts(ctx.catalog, table, leaf)
            if layout is not None:
                rows = [(rid, layout[0](row)) for rid, row in rows]
            if rowid:
                out.extend(row + oid + ((leaf, rid),) for rid, row in rows)
            else:
                out.extend(row + oid for _, row in rows)
        return out
    return scan


class _Planner:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.error: SqlError | None = None

    def compile(self, expr: Any) -> Callable[[tuple, Any], Any]:
        return self.compile_node(expr).fn

    def compile_node(self, expr: Any) -> CompiledExpr:
        node = compile_read(expr)
        if node.error is not None and self.error is None:
            self.error = node.error
        return node

    def note(self, depth: int, text: str) -> None:
        self.lines.append("  " * depth + text)

    def relation(self, node: r.Relation, depth: int) -> Rows:
        method = getattr(self, "_" + type(node).__name__)
        return method(node, depth)

    # ---- leaves
    def _Scan(self, node: r.Scan, depth: int) -> Rows:
        table = node.table
        if node.system:
            self.note(depth, f"System relation {table}")
            return _system_rows(table)
        if node.leaves is not None:
            self.note(depth, f"Append over the partitions of {table}")
            return _partitions_scan(table, node.leaves, node.rowid)
        self.note(depth, f"Seq Scan on {table}")
        if node.rowid:  # FOR UPDATE/SHARE: the row id as a last column
            return lambda ctx: [row + (rid,) for rid, row in ctx.txn.scan(table)]

        def scan(ctx: Any) -> Iterable[tuple]:
            # lazy: every consumer takes it in one pass before anything
            # writes, so the filter or grouping loop reads the heap itself
            return ctx.txn.scan_rows(table)
        return scan

    def _FunctionScan(self, node: r.FunctionScan, depth: int) -> Rows:
        self.note(depth, "Function Scan on " + ", ".join(
            getattr(c, "function", None) or "a scalar" for c in node.calls))
        ordinality = node.ordinality
        parts = []
        for call in node.calls:
            if isinstance(call, r.TColumnDefinitions):  # record's rows
                inner = call.call
                produce = populator(inner, call.names, call.types, self.compile)
                if produce is None:
                    produce = _set_function(inner, self.compile) if isinstance(
                        inner, r.TSetCall) else (lambda row, ctx, fn=self.compile(
                            inner): [fn(row, ctx)])
                parts.append(checked_rows(produce, len(call.types)))
            elif isinstance(call, r.TSetCall):
                parts.append(_set_function(call, self.compile))
            else:  # a scalar function in FROM: one row of its value
                fn = self.compile(call)
                parts.append(lambda row, ctx, fn=fn: [fn(row, ctx)])
        if len(parts) == 1:
            produce = parts[0]
            if node.composite:  # a user function's rows
                return lambda ctx: produce((), ctx)

            def function_scan(ctx: Any) -> Iterable[tuple]:
                values = produce((), ctx)
                if ordinality:
                    return [(v, i) for i, v in enumerate(values, 1)]
                return [(v,) for v in values]
            return function_scan

        def rows_from(ctx: Any) -> Iterable[tuple]:
            lists = [p((), ctx) for p in parts]
            longest = max(len(values) for values in lists)
            out = [tuple(values[i] if i < len(values) else None
                         for values in lists) for i in range(longest)]
            if ordinality:
                return [row + (i,) for i, row in enumerate(out, 1)]
            return out
        return rows_from

    def _ProjectSet(self, node: r.ProjectSet, depth: int) -> Rows:
        self.note(depth, "ProjectSet")
        source = self.relation(node.input, depth + 1)
        parts = [(True, _set_function(e, self.compile))
                 if isinstance(e, r.TSetCall) else (False, self.compile(e))
                 for e in node.exprs]

        def project_set(ctx: Any) -> Iterable[tuple]:
            out = []
            for row in (row for block in chunks(source(ctx), ctx)
                        for row in block):
                values = [fn(row, ctx) for _, fn in parts]
                longest = max((len(v) for (srf, _), v in zip(parts, values)
                               if srf), default=0)
                for i in range(longest):
                    out.append(tuple(
                        (v[i] if i < len(v) else None) if srf else v
                        for (srf, _), v in zip(parts, values)))
            return out
        return project_set

    def _WorkTable(self, node: r.WorkTable, depth: int) -> Rows:
        self.note(depth, f"WorkTable Scan on {node.name}")
        key = node.key
        return lambda ctx: ctx.worktables[key]

    def _CteScan(self, node: r.CteScan, depth: int) -> Rows:
        """A data-modifying WITH query's RETURNING rows: its write runs
        when first read (`execute_with` leaves a thunk in the slot)."""
        self.note(depth, f"CTE Scan on {node.name}")
        key = ("cte", node.key)

        def cte_scan(ctx: Any) -> list[tuple]:
            rows = ctx.worktables[key]
            return rows if type(rows) is list else rows()
        return cte_scan

    def _RecursiveUnion(self, node: r.RecursiveUnion, depth: int) -> Rows:
        self.note(depth, "Recursive Union" + (" ALL" if node.all else ""))
        base = self.relation(node.base, depth + 1)
        step = self.relation(node.recursive, depth + 1)
        row_key = _equality_key([c.type for c in node.columns])
        key, keep_all = node.key, node.all

        def recursive_union(ctx: Any) -> list[tuple]:
            seen: set = set()

            def fresh(rows: Iterable[tuple]) -> list[tuple]:
                if keep_all:
                    return list(rows)
                out: list[tuple] = []
                _add_unseen(rows, row_key, seen, out)
                return out
            result = working = fresh(base(ctx))
            result = list(result)
            saved = ctx.worktables.get(key)
            try:
                while working:
                    ctx.check()  # a runaway recursion stays cancellable
                    ctx.worktables[key] = working
                    working = fresh(step(ctx))
                    result.extend(working)
            finally:
                ctx.worktables[key] = saved
            return result
        return recursive_union

    def _Values(self, node: r.Values, depth: int) -> Rows:
        if node.rows == ((),):
            self.note(depth, "Result")
            one = [()]
            return lambda ctx: one
        self.note(depth, f"Values Scan ({len(node.rows)} rows)")
        compiled = [[self.compile(e) for e in row] for row in node.rows]

        def values(ctx: Any) -> Iterable[tuple]:
            return [tuple([f((), ctx) for f in row])  # rows of expressions:
                    for block in chunks(compiled, ctx, 16)  # polled often
                    for row in block]
        return values

    # ---- filters and index lookups
    def _Filter(self, node: r.Filter, depth: int) -> Rows:
        pushed = _push_down(node)
        if pushed is not node:
            return self.relation(pushed, depth)
        keep = self.row_filter(node.predicate)
        lookup = self._index_lookup(node, depth)
        if lookup is not None:
            source = lookup
        else:
            self.note(depth, "Filter")
            source = self.relation(node.input, depth + 1)
        return lambda ctx: keep(source(ctx), ctx)

    def row_filter(self, predicate: Any
                   ) -> Callable[[Iterable[tuple], Any], list[tuple]]:
        """A WHERE clause as fn(rows, ctx) → the rows it keeps. Conjuncts
        of a simple shape (`column op $n`, `column IS NULL`, a boolean
        column) run first, each as one list comprehension over the rows
        with its value read once — PostgreSQL also runs its cheapest quals
        first — and the rest as one compiled closure per surviving row."""
        compiled = self.compile_node(predicate)
        whole = compiled.fn
        passes: list[_Pass] = []
        rest: list[Any] = []
        if compiled.error is None and not compiled.constant:
            for conjunct in _conjuncts(predicate):
                found = _simple_pass(conjunct)
                if found is None:
                    rest.append(conjunct)
                else:
                    passes.append(found)
        if not passes:
            def filtered(rows: Iterable[tuple], ctx: Any) -> list[tuple]:
                return [row for block in chunks(rows, ctx) for row in block
                        if whole(row, ctx) is True]
            return filtered
        passes.sort(key=lambda p: not p.lazy_ok)  # stable
        residual = self.compile(_and(rest)) if rest else None

        def run_passes(rows: Iterable[tuple], ctx: Any) -> list[tuple]:
            for one in passes:
                if not one.lazy_ok and not isinstance(rows, list):
                    rows = list(rows)
                rows = one.run(rows, ctx)
            if residual is not None:
                rows = [row for block in chunks(rows, ctx) for row in block
                        if residual(row, ctx) is True]
            return rows
        return run_passes

    def _index_lookup(self, node: r.Filter, depth: int) -> Rows | None:
        scan = node.input
        if not isinstance(scan, r.Scan) or scan.system:
            return None
        pinned = pinned_columns(node.predicate)
        chosen = pinned_index(pinned, [c.name for c in scan.columns],
                              scan.indexes)
        if chosen is None:
            return None
        index, slots = chosen
        table, index_name = scan.table, index.name.name
        values = [self.compile(pinned[s]) for s in slots]
        kind = "Index Scan" if not index.unique else "Index Lookup"
        self.note(depth, f"{kind} using {index_name} on {table} "
                  f"({', '.join(index.columns)})")

        rowid = scan.rowid

        def lookup(ctx: Any) -> Iterable[tuple]:
            key = [f((), ctx) for f in values]
            if None in key:
                return ()
            if rowid:
                return [row + (rid,) for rid, row
                        in ctx.txn.lookup(table, index_name, key)]
            return [row for _rid, row in ctx.txn.lookup(table, index_name, key)]
        return lookup

    # ---- joins
    def _Join(self, node: r.Join, depth: int) -> Rows:
        width_left = len(node.left.columns)
        width_right = len(node.right.columns)
        pairs = [p for p in (_equi_pair(c, width_left)
                             for c in _conjuncts(node.condition)) if p]
        label = {"inner": "Inner", "left": "Left", "right": "Right",
                 "full": "Full"}[node.kind]
        if node.condition is None:
            self.note(depth, "Nested Loop (cross)")
        elif pairs:
            self.note(depth, f"Hash {label} Join on " + ", ".join(
                f"{l.name} = {rr.name}" for l, rr in pairs))
        else:
            self.note(depth, f"Nested Loop {label} Join")
        if node.lateral and outer_levels(node.right):
            return self._lateral_join(node, depth, label)
        left = self.relation(node.left, depth + 1)
        right = self.relation(node.right, depth + 1)
        condition = self.compile(node.condition) if node.condition is not None \
            else None
        kind = node.kind
        null_left = (None,) * width_left
        null_right = (None,) * width_right
        lkey = _hash_key([(l.slot, equality_key(l.type)) for l, _ in pairs])
        rkey = _hash_key([(rr.slot - width_left, equality_key(rr.type))
                          for _, rr in pairs])
        keep_left = kind in ("left", "full")
        keep_right = kind in ("right", "full")

        def join(ctx: Any) -> list[tuple]:
            lrows = list(left(ctx))
            rrows = list(right(ctx))
            out: list[tuple] = []
            lhit: set[int] = set()
            rhit: set[int] = set()
            # a join can run away: poll cancel/timeout and the memory budget
            progress, width = ctx.progress, width_left + width_right
            if not pairs:  # nested loop
                tally = keep_left or keep_right
                for i, lrow in enumerate(lrows):
                    progress(len(out), width)
                    if condition is None and not tally:
                        out += [lrow + rrow for rrow in rrows]
                        continue
                    for j, rrow in enumerate(rrows):
                        row = lrow + rrow
                        if condition is None or condition(row, ctx) is True:
                            out.append(row)
                            lhit.add(i)
                            rhit.add(j)
            else:  # hash the smaller side, probe with the other
                build_left = len(lrows) < len(rrows)
                build, bkey = (lrows, lkey) if build_left else (rrows, rkey)
                probe, pkey = (rrows, rkey) if build_left else (lrows, lkey)
                table: dict = {}
                for i, row in enumerate(build):
                    k = bkey(row)
                    if k is not None:
                        table.setdefault(k, []).append(i)
                for p, prow in enumerate(probe):
                    if not p & 1023:
                        progress(len(out), width)
                    k = pkey(prow)
                    if k is None:
                        continue
                    for b in table.get(k, ()):
                        i, j = (b, p) if build_left else (p, b)
                        row = lrows[i] + rrows[j]
                        if condition is None or condition(row, ctx) is True:
                            out.append(row)
                            lhit.add(i)
                            rhit.add(j)
            if keep_left:
                out.extend(lrow + null_right for i, lrow in enumerate(lrows)
                           if i not in lhit)
            if keep_right:
                out.extend(null_left + rrow for j, rrow in enumerate(rrows)
                           if j not in rhit)
            return out
        return join

    def _lateral_join(self, node: r.Join, depth: int, label: str) -> Rows:
        """The right side computed once per left row, which it reads as
        the innermost outer row (`ctx.outer`)."""
        self.lines.pop()
        self.note(depth, f"Nested Loop {label} Join (lateral)")
        left = self.relation(node.left, depth + 1)
        right = self.relation(node.right, depth + 1)
        condition = self.compile(node.condition) if node.condition is not None \
            else None
        keep_left = node.kind == "left"
        null_right = (None,) * len(node.right.columns)

        def lateral_join(ctx: Any) -> list[tuple]:
            out: list[tuple] = []
            stack, check = ctx.outer, ctx.check
            for lrow in left(ctx):
                check()
                stack.append(lrow)
                try:
                    rrows = list(right(ctx))
                finally:
                    stack.pop()
                hit = False
                for rrow in rrows:
                    row = lrow + rrow
                    if condition is None or condition(row, ctx) is True:
                        out.append(row)
                        hit = True
                if keep_left and not hit:
                    out.append(lrow + null_right)
            return out
        return lateral_join

    # ---- aggregation
    def _Aggregate(self, node: r.Aggregate, depth: int) -> Rows:
        if node.sets is not None:
            self.note(depth, f"MixedAggregate ({len(node.sets)} grouping "
                      f"set(s), {len(node.aggregates)} aggregate(s))")
        else:
            self.note(depth, ("HashAggregate" if node.keys else "Aggregate") +
                      f" ({len(node.aggregates)} aggregate(s))")
        source = self.relation(node.input, depth + 1)
        plans = [_AggPlan(a, self.compile) for a in node.aggregates]
        computes = [p.compute for p in plans]
        if node.sets is not None:
            return grouping_set_rows(node, source, computes, self._grouping)
        group = self._grouping(node.keys) if node.keys else None
        if group is None:
            def aggregate_all(ctx: Any) -> Iterable[tuple]:
                rows = list(source(ctx))  # one group, even when empty
                return [tuple([c(rows, ctx) for c in computes])]
            return aggregate_all
        zeros = (0,) * len(node.groupings)  # GROUPING() of a plain GROUP BY

        def aggregate(ctx: Any) -> Iterable[tuple]:
            return [values + tuple([c(rows, ctx) for c in computes]) + zeros
                    for block in chunks(group(source(ctx), ctx), ctx)
                    for values, rows in block]
        return _columnar(node, plans, zeros, aggregate)

    def _grouping(self, keys: tuple) -> Callable[[Iterable[tuple], Any],
                                                 Iterable[tuple[tuple, list]]]:
        """fn(rows, ctx) → (key values, the group's rows) per group, in
        order of first appearance. Keys that are columns of types whose
        values are their own hash keys are read straight off the rows."""
        slots = [_bare_slot(k) for k in keys]
        if None not in slots and not any(equality_key(k.type) for k in keys):
            # a defaultdict: its missing-key hook runs once per group, so
            # each row costs one subscript and one append (30% less than
            # get-then-branch over 110k rows)
            if len(slots) == 1:
                slot = slots[0]

                def by_column(rows: Iterable[tuple], ctx: Any) -> Any:
                    groups: defaultdict = defaultdict(list)
                    for block in chunks(rows, ctx):
                        for row in block:
                            groups[row[slot]].append(row)
                    return [((k,), g) for k, g in groups.items()]
                return by_column
            get = itemgetter(*slots)

            def by_columns(rows: Iterable[tuple], ctx: Any) -> Any:
                groups: defaultdict = defaultdict(list)
                for block in chunks(rows, ctx):
                    for row in block:
                        groups[get(row)].append(row)
                return groups.items()
            return by_columns
        fns = [self.compile(k) for k in keys]
        group_key = _equality_key([k.type for k in keys])

        def by_value(rows: Iterable[tuple], ctx: Any) -> Any:
            groups: dict = {}
            for block in chunks(rows, ctx):
                for row in block:
                    values = tuple([f(row, ctx) for f in fns])
                    k = group_key(values)
                    found = groups.get(k)
                    if found is None:
                        groups[k] = (values, [row])
                    else:
                        found[1].append(row)
            return groups.values()
        return by_value

    def _Window(self, node: r.Window, depth: int) -> Rows:
        self.note(depth, f"WindowAgg ({len(node.calls)} call(s))")
        return window_rows(node, self.relation(node.input, depth + 1),
                           self.compile)

    # ---- the top of a query
    def _Project(self, node: r.Project, depth: int) -> Rows:
        source = self.relation(node.input, depth)
        slots = [_bare_slot(e) for e in node.exprs]
        if None not in slots:  # columns only: no closure per value
            if slots == list(range(len(node.input.columns))):
                return source  # rows are tuples of exactly these columns
            if len(slots) == 1:
                (slot,) = slots
                return lambda ctx: [(row[slot],) for row in source(ctx)]
            if slots:
                get = itemgetter(*slots)
                return lambda ctx: list(map(get, source(ctx)))
        fns = [self.compile(e) for e in node.exprs]

        def project(ctx: Any) -> Iterable[tuple]:
            return [tuple([f(row, ctx) for f in fns])
                    for block in chunks(source(ctx), ctx) for row in block]
        return project

    def _Sort(self, node: r.Sort, depth: int) -> Rows:
        self.note(depth, "Sort")
        source = self.relation(node.input, depth + 1)
        # the last key first: each stable pass keeps the order of the later
        # keys among rows the earlier ones tie on
        passes = [(self.compile(k.expr), _bare_slot(k.expr), _key_function(k),
                   _raw_kind(k.expr.type), k.descending)
                  for k in node.keys][::-1]

        def sort(ctx: Any) -> Iterable[tuple]:
            rows = list(source(ctx))
            if len(rows) > 4096:  # its keys and positions come on top
                ctx.progress(2 * len(rows), len(passes) + 1)
            for fn, slot, keyfn, raw, descending in passes:
                if slot is not None:
                    values = [row[slot] for row in rows]
                else:
                    values = [fn(row, ctx) for row in rows]
                positions = _raw_positions(values, raw, descending)
                if positions is None:
                    keys = [keyfn(v) for v in values]
                    positions = sorted(range(len(rows)), key=keys.__getitem__,
                                       reverse=descending)  # stable
                rows = [rows[i] for i in positions]
            return rows
        return sort

    def _Distinct(self, node: r.Distinct, depth: int) -> Rows:
        self.note(depth, "Unique" if node.on is None else "Unique (DISTINCT ON)")
        source = self.relation(node.input, depth + 1)
        columns = node.input.columns
        if node.on is None:
            fns = [_slot(i) for i in range(node.width)]
            key = _equality_key([c.type for c in columns[:node.width]])
        else:
            fns = [self.compile(e) for e in node.on]
            key = _equality_key([e.type for e in node.on])

        def distinct(ctx: Any) -> Iterable[tuple]:
            seen: set = set()
            out = []
            for block in chunks(source(ctx), ctx):
                for row in block:
                    k = key([f(row, ctx) for f in fns])
                    if k not in seen:
                        seen.add(k)
                        out.append(row)
            return out
        return distinct

    def _Limit(self, node: r.Limit, depth: int) -> Rows:
        self.note(depth, "Limit")
        source = self.relation(node.input, depth + 1)
        count = self.compile(node.count) if node.count is not None else None
        offset = self.compile(node.offset) if node.offset is not None else None

        ties = [(self.compile(k.expr), _key_function(k)) for k in node.ties]

        def limit(ctx: Any) -> Iterable[tuple]:
            n = count((), ctx) if count is not None else None
            skip = offset((), ctx) if offset is not None else None
            if n is not None and n < 0:
                raise invalid_row_count_in_limit_clause("LIMIT must not be negative")
            if skip is not None and skip < 0:
                raise invalid_row_count_in_result_offset_clause("OFFSET must not be negative")
            if n is None and ties:
                raise invalid_row_count_in_limit_clause("row count cannot be null in FETCH "
                                                        "FIRST ... WITH TIES clause")
            if n == 0:  # ExecLimit's LIMIT_EMPTY: the input never runs
                return []
            skip = skip or 0
            stop = None if n is None else skip + n
            if not ties or not n:
                return list(itertools.islice(source(ctx), skip, stop))
            rows = iter(source(ctx))
            out = list(itertools.islice(rows, skip, stop))
            if len(out) == n:  # then the last row's peers under ORDER BY
                def key(row: tuple) -> list:
                    return [keyfn(fn(row, ctx)) for fn, keyfn in ties]
                last = key(out[-1])
                out.extend(itertools.takewhile(lambda row: key(row) == last,
                                               rows))
            return out
        return limit

    def _LockRows(self, node: r.LockRows, depth: int) -> Rows:
        self.note(depth, "LockRows")
        source = self.relation(node.input, depth + 1)
        targets = node.targets
        command = "SELECT " + r.LOCK_STRENGTHS[targets[0][2]] if targets \
            else None

        def lock_rows(ctx: Any) -> Iterable[tuple]:
            txn = ctx.txn
            if command is not None and txn.read_only:
                raise read_only_sql_transaction(f"cannot execute {command} in a "
                                                "read-only transaction")
            for row in source(ctx):
                for table, slot, strength, wait in targets:
                    rid = row[slot]
                    if type(rid) is tuple:  # a partition's row
                        table, rid = rid
                    if rid is not None and not txn.lock_row(table, rid,
                                                            strength, wait):
                        break
                else:
                    yield row
        return lock_rows

    def _SetOp(self, node: r.SetOp, depth: int) -> Rows:
        self.note(depth, f"{'Append' if node.op == 'union' and node.all else 'SetOp'}"
                  f" {node.op.upper()}{' ALL' if node.all else ''}")
        left = self.relation(node.left, depth + 1)
        right = self.relation(node.right, depth + 1)
        key = _equality_key([c.type for c in node.columns])
        op, keep_all = node.op, node.all
        swap = right_first(op, node.left, node.right)

        def setop(ctx: Any) -> Iterable[tuple]:
            lrows = list(left(ctx))
            rrows = list(right(ctx))
            if swap:  # INTERSECT reads the input of fewer groups first
                lrows, rrows = rrows, lrows
            if op == "union":
                if keep_all:
                    return lrows + rrows
                seen: set = set()
                out = []
                for block in chunks(itertools.chain(lrows, rrows), ctx):
                    _add_unseen(block, key, seen, out)
                return out
            # nodeSetOp: a group's output is copies of its first row (of
            # the input read first: passes/setop_inputs.py), so equal but distinguishable values (0 and -0, 1.0 and
            # 1.00, '1 day' and '24 hours') print as that first row
            first: dict = {}
            lcount: Counter = Counter()
            for block in chunks(lrows, ctx):
                for row in block:
                    k = key(row)
                    first.setdefault(k, row)
                    lcount[k] += 1
            rcount = Counter(key(row) for block in chunks(rrows, ctx)
                             for row in block)
            out = []
            for k, row in first.items():
                n, m = lcount[k], rcount[k]
                if op == "intersect":
                    copies = min(n, m) if keep_all else int(m > 0)
                else:
                    copies = max(n - m, 0) if keep_all else int(m == 0)
                out.extend([row] * copies)
            return out
        return setop


def _set_function(call: r.TSetCall, compile: Callable[[Any], Callable]
                  ) -> Callable[[tuple, Any], list]:
    """A set-returning call → fn(row, ctx) → its values (strict: a NULL
    argument yields nothing)."""
    args = [compile(a) for a in call.args]
    if isinstance(call, TUserSetCall):  # the session runs the body
        oid = call.oid
        return lambda row, ctx: ctx.routines.call_set(
            oid, [f(row, ctx) for f in args])
    fn = runtime.set_returning(call.function)([a.type for a in call.args])
    context = getattr(fn, "context", False)  # reads the catalog: fn(ctx, …)

    def values(row: tuple, ctx: Any) -> list:
        given = [f(row, ctx) for f in args]
        if None in given:
            return []
        found = fn(ctx, *given) if context else fn(*given)
        out = list(itertools.islice(found, _SET_CHUNK))
        while len(out) % _SET_CHUNK == 0 and out:  # a long set: cancellable,
            ctx.progress(len(out), 1)  # within the memory budget
            more = list(itertools.islice(found, _SET_CHUNK))
            if not more:
                break
            out += more
        return out
    return values


_SET_CHUNK = 16384  # a set-returning call's values between polls



def _add_unseen(rows: Iterable[tuple], key: Callable[[tuple], Any],
                seen: set, out: list[tuple]) -> None:
    """Append each row whose key is not in `seen` yet, and note the key:
    UNION's and a recursive UNION's duplicate removal (nodeSetOp,
    nodeRecursiveunion), a block of rows a call."""
    for row in rows:
        k = key(row)
        if k not in seen:
            seen.add(k)
            out.append(row)

def _equality_key(types: list) -> Callable[[Any], tuple]:
    """Values → a hashable key under the types' equality (1.0 = 1.00,
    NULLs alike): what GROUP BY, DISTINCT and set operations compare."""
    norms = [equality_key(t) for t in types]

    def key(values: Any) -> tuple:
        return tuple([None if v is None else (n(v) if n else v)
                      for v, n in zip(values, norms)])
    return key


def _hash_key(keys: list[tuple[int, Any]]) -> Callable[[tuple], Any]:
    """A row's join key under the types' equality; None (no match
    possible) when a key column is NULL."""
    if len(keys) == 1 and keys[0][1] is None:
        slot = keys[0][0]
        return lambda row: row[slot]

    def key(row: tuple) -> tuple | None:
        out = []
        for slot, norm in keys:
            v = row[slot]
            if v is None:
                return None
            out.append(norm(v) if norm is not None else v)
        return tuple(out)
    return key


def _slot(i: int) -> Callable[[tuple, Any], Any]:
    return lambda row, ctx: row[i]




def _columnar(node: r.Aggregate, plans: list[_AggPlan], zeros: tuple,
              rows_path: Rows) -> Rows:
    """The aggregate over the table's columns (passes/plan_columnar.py)
    when its input is a whole table, its keys are columns of types that
    are their own hash keys, and each aggregate folds one column's values
    (or counts rows); else `rows_path`."""
    scan = node.input
    if not isinstance(scan, r.Scan) or scan.system or scan.rowid or \
            scan.leaves is not None or \
            any(equality_key(k.type) for k in node.keys):
        return rows_path
    key_slots = [_bare_slot(k) for k in node.keys]
    if None in key_slots or not all(
            p.filter is None and p.ordered_set is None and
            (p.star or (p.fold is not None and p.slot is not None))
            for p in plans):
        return rows_path
    parts = [None if p.star else (p.slot, p.fold) for p in plans]
    return columnar_aggregate(scan.table, key_slots, parts,  # type: ignore[arg-type]
                              zeros, rows_path)


def _bare_slot(expr: Any) -> int | None:
    """The slot of a plain column reference (under relabelling casts)."""
    bare = unwrap_relabel(expr)
    return bare.slot if isinstance(bare, q.TColumn) else None


def _raw_kind(rtype: Any) -> str | None:
    """How a sort may order the values themselves (see `_raw_positions`):
    "float" when NaN must be looked for first, "plain" when comparing
    raises at whatever Python cannot order, None when it may not."""
    if not raw_order(rtype):
        return None
    return "float" if rtype.name in ("float4", "float8") else "plain"


def _raw_positions(values: list, raw: str | None, descending: bool
                   ) -> list[int] | None:
    """Row positions in the order of the values themselves, when the type
    orders as Python does and no NULL or NaN is among them: comparing one
    raises TypeError (NULL) or InvalidOperation (numeric NaN), float NaN
    is looked for, and the caller then sorts by the type's key. None:
    not sorted here."""
    if raw is None or (raw == "float" and any(v != v for v in values)):
        return None
    try:
        return sorted(range(len(values)), key=values.__getitem__,
                      reverse=descending)
    except (TypeError, InvalidOperation):
        return None


def _key_function(key: r.SortKey) -> Callable[[Any], Any]:
    """NULLs sort as the key says under the direction the sort runs in."""
    inner = sort_key(key.expr.type)
    null_high = key.nulls_first == key.descending
    null_key = (1, None) if null_high else (-1, None)
    if inner is None:
        return lambda v: null_key if v is None else (0, v)
    return lambda v: null_key if v is None else (0, inner(v))


class _AggPlan:
    """One aggregate call compiled, computed over a whole group's rows:
    FILTER first, then the argument values; DISTINCT and ORDER BY sort
    them; common aggregates fold the values in one go, the rest step an
    accumulator through them."""

    def __init__(self, call: r.AggCall,
                 compile_expr: Callable[[Any], Callable]) -> None:
        types = [a.type for a in call.args]
        self.ordered_set = None
        self.user = None  # a user aggregate's OID (CREATE AGGREGATE)
        if call.function.startswith(AGGREGATE_PREFIX):
            self.user = int(call.function[len(AGGREGATE_PREFIX):])
            self.init = self.step = self.final = None
        elif call.within_group:
            self.ordered_set = ordered_set_final(
                call.function, types,
                [(_key_function(k), k.descending) for k in call.order_by],
                lambda v, k=_equality_key(types[:1]): k((v,)))
            self.direct = [compile_expr(a) for a in call.direct]
        else:
            self.init, self.step, self.final = accumulator(call.function,
                                                           types)
        self.star = call.star
        self.args = [compile_expr(a) for a in call.args]
        self.slot = _bare_slot(call.args[0]) if len(call.args) == 1 else None
        self.filter = compile_expr(call.filter) if call.filter is not None \
            else None
        self.distinct = call.distinct
        self.order = [(compile_expr(k.expr), _key_function(k), k.descending)
                      for k in call.order_by]
        self.arg_order = [_key_function(r.SortKey(a, False, False))
                          for a in call.args]
        self.arg_key = _equality_key([a.type for a in call.args])
        # folding skips NULL arguments: only for strict one-argument
        # aggregates (and count(*), which has none)
        self.fold = fold(call.function, types) if len(call.args) <= 1 \
            and not (self.distinct or self.order or self.user) else None

    def compute(self, rows: list, ctx: Any) -> Any:
        if self.ordered_set is not None:  # direct arguments: once per group
            first = rows[0] if rows else ()
            direct = tuple([f(first, ctx) for f in self.direct])
        if self.filter is not None:
            rows = [row for row in rows if self.filter(row, ctx) is True]
        if self.star:
            return len(rows)
        if self.fold is not None:
            if self.slot is not None:
                slot = self.slot
                values = [v for row in rows if (v := row[slot]) is not None]
            else:
                f = self.args[0]
                values = [v for v in (f(row, ctx) for block in chunks(rows, ctx)
                                      for row in block) if v is not None]
            return self.fold(values)
        items = [(tuple([f(row, ctx) for f in self.args]),
                  [f(row, ctx) for f, _, _ in self.order])
                 for block in chunks(rows, ctx) for row in block]
        if self.distinct:
            items = self._distinct(items)
        for i in reversed(range(len(self.order))):
            _, keyfn, descending = self.order[i]
            items = sorted(items, key=lambda it, i=i, k=keyfn: k(it[1][i]),
                           reverse=descending)
        if self.ordered_set is not None:
            return self.ordered_set(direct, [args for args, _ in items])
        if self.user is not None:
            return run_aggregate(self.user, [args for args, _ in items], ctx)
        acc = self.init()
        for args, _ in items:
            acc = self.step(acc, args)
        return self.final(acc)

    def _distinct(self, items: list) -> list:
        """Sorted by the arguments, duplicates (by equality) dropped."""
        for i in reversed(range(len(self.args))):
            keyfn = self.arg_order[i]
            items = sorted(items, key=lambda it, i=i, k=keyfn: k(it[0][i]))
        seen: set = set()
        unique = []
        for args, sort_values in items:
            k = self.arg_key(args)
            if k not in seen:
                seen.add(k)
                unique.append((args, sort_values))
        return unique


def _system_rows(table: Any) -> Rows:
    relation = system_catalog().relation((table.schema, table.name))

    def rows(ctx: Any) -> Iterable[tuple]:
        return relation.rows(ctx.catalog, ctx)
    return rows


# -- predicate analysis --------------------------------------------------------------


def _push_down(node: r.Filter) -> r.Relation:
    """WHERE conjuncts over an inner join move to the side they read (so a
    key lookup can serve them) or into the join condition (so `FROM a, b
    WHERE a.x = b.y` hash-joins). Conjuncts with subqueries stay put."""
    join = node.input
    if not isinstance(join, r.Join) or join.kind != "inner":
        return node
    width = len(join.left.columns)
    left, right, both, kept = [], [], [], []
    for conjunct in _conjuncts(node.predicate):
        slots = _slots(conjunct)
        if slots is None:
            kept.append(conjunct)
        elif slots and max(slots) < width:
            left.append(conjunct)
        elif slots and min(slots) >= width and not join.lateral:
            right.append(shift_columns(conjunct, -width))
        else:
            both.append(conjunct)
    if not (left or right or both):
        return node
    new_left = r.Filter(join.left, _and(left)) if left else join.left
    new_right = r.Filter(join.right, _and(right)) if right else join.right
    condition = _and(([join.condition] if join.condition is not None else [])
                     + both) if (both or join.condition is not None) else None
    out: r.Relation = r.Join("inner", new_left, new_right, condition,
                             join.lateral)
    if kept:
        out = r.Filter(out, _and(kept))
    return out


def _and(parts: list[Any]) -> Any:
    return parts[0] if len(parts) == 1 else q.TBool("and", tuple(parts))


def _slots(expr: Any) -> set[int] | None:
    """The current-level slots an expression reads (None: it holds a
    subquery, which must not move)."""
    if isinstance(expr, q.TColumn):
        return {expr.slot}
    if isinstance(expr, r.TSubquery):
        return None
    found: set[int] = set()
    for child in children(expr):
        inner = _slots(child)
        if inner is None:
            return None
        found |= inner
    return found


def _conjuncts(expr: Any) -> list[Any]:
    if expr is None:
        return []
    if isinstance(expr, q.TBool) and expr.op == "and":
        out = []
        for arg in expr.args:
            out.extend(_conjuncts(arg))
        return out
    return [expr]


class _Pass:
    """One simple conjunct of a WHERE clause: `run(rows, ctx)` → the rows
    it is true for. `lazy_ok`: it cannot stop halfway, so it may consume a
    scan's iterator; the others are given a list they can start over on."""

    __slots__ = ("run", "lazy_ok")

    def __init__(self, run: Callable[[Iterable[tuple], Any], list],
                 lazy_ok: bool = True) -> None:
        self.run = run
        self.lazy_ok = lazy_ok


def _simple_pass(expr: Any) -> _Pass | None:
    """A pass for `column IS [NOT] NULL`, a boolean column, `NOT` one, or
    a comparison of a column with a value fixed for the statement."""
    if isinstance(expr, q.TNullTest):
        slot = _bare_slot(expr.arg)
        if slot is None:
            return None
        if expr.negated:
            return _Pass(lambda rows, ctx: [
                row for row in rows if row[slot] is not None])
        return _Pass(lambda rows, ctx: [row for row in rows if row[slot] is None])
    negated = isinstance(expr, q.TBool) and expr.op == "not"
    slot = _bare_slot(expr.args[0] if negated else expr)
    if slot is not None:  # a boolean column: true (or false) rows only
        wanted = not negated
        return _Pass(lambda rows, ctx: [
            row for row in rows if row[slot] is wanted])
    if isinstance(expr, q.TOperator):
        return _comparison_pass(expr)
    return None


_FLIPPED = {"=": "=", "<>": "<>", "<": ">", ">": "<", "<=": ">=", ">=": "<="}
_NAN_EQUALITY = frozenset({"numeric = numeric", "numeric <> numeric"})


def _comparison_pass(expr: q.TOperator) -> _Pass | None:
    """`column op value` (either way round) where the operator is Python's
    own comparison of the two values: exactly (integers, text, dates, …);
    unless it raises InvalidOperation (numeric ordering: NaN); or unless
    the value is NaN (numeric equality). The comparison is inlined in a
    list comprehension; the fallback is the operator's implementation."""
    if expr.left is None or expr.op not in _FLIPPED:
        return None
    impl = runtime.binary(expr.impl, (expr.left.type, expr.right.type))
    if impl.settings or not impl.strict:
        return None
    python = PY_COMPARE[expr.op]
    exact, nan_equality = impl.fn is python, expr.impl in _NAN_EQUALITY
    may_fail = not exact and impl.fast is python
    if not (exact or nan_equality or may_fail):
        return None
    fn = impl.fn
    for column, other, op in ((expr.left, expr.right, expr.op),
                              (expr.right, expr.left, _FLIPPED[expr.op])):
        slot, value = _bare_slot(column), _statement_value(other)
        if slot is not None and value is not None:
            slow = fn if column is expr.left else (lambda a, b: fn(b, a))
            return _Pass(_comparing(slot, value, _INLINE[op], slow,
                                    nan_equality, may_fail),
                         lazy_ok=not may_fail)
    return None


def _comparing(slot: int, value: Callable[[Any], Any], inline: Callable,
               slow: Callable, nan_equality: bool, may_fail: bool
               ) -> Callable[[Iterable[tuple], Any], list[tuple]]:
    """The pass of `_comparison_pass`: the value read once; NULL keeps no
    row; the inlined comparison unless NaN makes it Python's no longer."""
    def compare(rows: Iterable[tuple], ctx: Any) -> list[tuple]:
        v = value(ctx)
        if v is None:
            return []
        if not (nan_equality and v != v):
            try:
                return inline(rows, slot, v)
            except InvalidOperation:  # a NaN row: rows is a list (may_fail)
                if not may_fail:
                    raise
        return [row for row in rows
                if (x := row[slot]) is not None and slow(x, v)]
    return compare


def _statement_value(expr: Any) -> Callable[[Any], Any] | None:
    """fn(ctx) → the value of a bare parameter or a folded constant (None
    for anything else, which may vary by row or fail)."""
    bare = unwrap_relabel(expr)
    if isinstance(bare, q.TParam) and bare.type.name not in REG_TYPES:
        index = bare.number - 1
        return lambda ctx: ctx.params[index]
    if not _is_constant(expr):
        return None
    node = compile_read(expr)
    if node.constant:
        value = node.value
        return lambda ctx: value
    return None


def _keep_eq(rows: Iterable[tuple], s: int, v: Any) -> list[tuple]:
    return [row for row in rows if row[s] == v]  # None == v is false


def _keep_ne(rows: Iterable[tuple], s: int, v: Any) -> list[tuple]:
    return [row for row in rows if (x := row[s]) is not None and x != v]


def _keep_lt(rows: Iterable[tuple], s: int, v: Any) -> list[tuple]:
    return [row for row in rows if (x := row[s]) is not None and x < v]


def _keep_gt(rows: Iterable[tuple], s: int, v: Any) -> list[tuple]:
    return [row for row in rows if (x := row[s]) is not None and x > v]


def _keep_le(rows: Iterable[tuple], s: int, v: Any) -> list[tuple]:
    return [row for row in rows if (x := row[s]) is not None and x <= v]


def _keep_ge(rows: Iterable[tuple], s: int, v: Any) -> list[tuple]:
    return [row for row in rows if (x := row[s]) is not None and x >= v]


_INLINE = {"=": _keep_eq, "<>": _keep_ne, "<": _keep_lt, ">": _keep_gt,
           "<=": _keep_le, ">=": _keep_ge}


# Types whose values compare equal exactly when their Python values do, so
# one hash (index key, join key) serves the cross-type `=` of the family.
_FAMILIES = ({"int2", "int4", "int8"}, {"float4", "float8"},
             {"text", "varchar"})


def _same_type_equality(expr: Any) -> bool:
    """`a = b` whose operator is the equality of one btree family."""
    if not isinstance(expr, q.TOperator) or expr.op != "=" or expr.left is None:
        return False
    lt, rt = _unrelabel(expr.left).type.name, _unrelabel(expr.right).type.name
    if expr.impl != f"{expr.left.type.name} = {expr.right.type.name}":
        return False
    return lt == rt or any(lt in f and rt in f for f in _FAMILIES)


def _unrelabel(expr: Any) -> Any:
    """varchar read as text is the same value: see through that cast."""
    if isinstance(expr, q.TCast) and expr.type.name == "text" and \
            expr.arg.type.name == "varchar":
        return expr.arg
    return expr


def _is_constant(expr: Any) -> bool:
    """No column of this level, no subquery: fixed for the statement."""
    if isinstance(expr, (q.TColumn, r.TSubquery, r.TOuter)):
        return False
    if isinstance(expr, q.TCall):
        impl = runtime.function_impl(expr.function)
        if impl is None or not impl.foldable:
            return False  # volatile (random(), nextval()) or not a function
    return all(_is_constant(c) for c in children(expr))


def pinned_columns(predicate: Any) -> dict[int, Any]:
    """Slot → constant expression for each `column = constant` conjunct."""
    pinned: dict[int, Any] = {}
    for conjunct in _conjuncts(predicate):
        found = _pinned_column(conjunct)
        if found is not None and found[0] not in pinned:
            pinned[found[0]] = found[1]
    return pinned


def pinned_index(pinned: dict[int, Any], names: list[str], indexes: Any
                 ) -> tuple[Any, list[int]] | None:
    """The index (primary first, then unique) whose every column is pinned,
    with its columns' slots."""
    if not pinned:
        return None
    for index in sorted(indexes, key=lambda i: (not i.primary, not i.unique)):
        if index.predicate is not None or index.expressions:
            continue  # a partial index holds only some of the rows
        slots = [names.index(c) for c in index.columns]
        if all(s in pinned for s in slots):
            return index, slots
    return None


def _pinned_column(expr: Any) -> tuple[int, Any] | None:
    """`column = constant` (either way round): (slot, constant expr)."""
    if not _same_type_equality(expr):
        return None
    for col, other in ((expr.left, expr.right), (expr.right, expr.left)):
        col = _unrelabel(col)
        if isinstance(col, q.TColumn) and _is_constant(other):
            return col.slot, other
    return None


def _equi_pair(expr: Any, width_left: int
               ) -> tuple[q.TColumn, q.TColumn] | None:
    """`left column = right column` of one type: a hash-join key pair."""
    if not _same_type_equality(expr):
        return None
    a, b = _unrelabel(expr.left), _unrelabel(expr.right)
    if not (isinstance(a, q.TColumn) and isinstance(b, q.TColumn)):
        return None
    if a.slot < width_left <= b.slot:
        return a, b
    if b.slot < width_left <= a.slot:
        return b, a
    return None


# -- expressions of the read path ------------------------------------------------------


def compile_read(expr: Any) -> CompiledExpr:
    """`compile_checked` for an expression that may hold the read path's
    own nodes: outer references and subqueries (a subquery runs this
    planner, which the expression compiler below cannot import)."""
    return compile_checked(expr, READ_NODES)


def _compile_outer(expr: r.TOuter, recur: Recur) -> CompiledExpr:
    depth, slot = expr.depth, expr.slot

    def outer(row, ctx):
        return ctx.outer[-depth][slot]
    return CompiledExpr(outer)


_ONE_ROW = 2  # a scalar or row subquery reads two rows to tell "more than one"


def _compile_subquery(expr: r.TSubquery, recur: Recur) -> CompiledExpr:
    planner = _Planner()
    rows = planner.relation(expr.relation, 0)
    if planner.error is not None:
        return CompiledExpr(_raiser(planner.error), error=planner.error)
    correlated = bool(outer_levels(expr.relation))
    kind = expr.kind
    marker = object()

    def run(row: tuple, ctx: Any, limit: int | None) -> list[tuple]:
        result = None if correlated else ctx.subqueries.get(marker)
        if result is None:
            ctx.outer.append(row)
            try:
                found = rows(ctx)
                result = list(itertools.islice(found, limit)) if limit else \
                    list(found)
            finally:
                ctx.outer.pop()
            if not correlated:
                ctx.subqueries[marker] = result
        if limit == _ONE_ROW and len(result) > 1:
            raise cardinality_violation("more than one row returned by a "
                                        "subquery used as an expression")
        return result

    if kind == "exists":
        return CompiledExpr(lambda row, ctx: bool(run(row, ctx, 1)))
    if kind == "expr":
        def scalar(row, ctx):
            found = run(row, ctx, _ONE_ROW)
            return found[0][0] if found else None
        return CompiledExpr(scalar)
    if kind == "array":
        return CompiledExpr(lambda row, ctx: tuple(
            v[0] for v in run(row, ctx, None)))
    if kind == "arrays":
        return CompiledExpr(lambda row, ctx: md_arrays.stack_rows(
            v[0] for v in run(row, ctx, None)))
    want_any = kind == "any"
    compare = _row_comparison(expr)
    tests = [recur(t).fn for t in (
        expr.test if isinstance(expr.test, tuple) else (expr.test,))]
    if kind == "rowcompare":
        def rowcompare(row, ctx):
            found = run(row, ctx, _ONE_ROW)
            if not found:
                return None
            return compare([t(row, ctx) for t in tests], found[0])
        return CompiledExpr(rowcompare)

    def quantified(row, ctx):
        left = [t(row, ctx) for t in tests]
        saw_null = False
        for values in run(row, ctx, None):
            outcome = compare(left, values)
            if outcome is None:
                saw_null = True
            elif outcome is want_any:
                return want_any
        return None if saw_null else not want_any
    return CompiledExpr(quantified)


def _row_comparison(expr: r.TSubquery) -> Callable[[list, tuple], Any]:
    """Three-valued comparison of the test values with one subquery row:
    column-wise, combined with AND for = and OR for <> (rows)."""
    tests = expr.test if isinstance(expr.test, tuple) else (expr.test,)
    impls = expr.impl if isinstance(expr.impl, tuple) else (expr.impl,)
    if len(tests) > 1 and expr.op not in ("=", "<>"):
        return _row_order(expr.op, tests, impls, expr.relation.columns)
    fns = [runtime.binary(impl, (t.type, c.type)).fn for impl, t, c in
           zip(impls, tests, expr.relation.columns)]
    decisive = expr.op != "<>"  # AND stops at false, OR at true

    def compare(left: list, values: tuple) -> Any:
        unknown = False
        for fn, a, b in zip(fns, left, values):
            if a is None or b is None:
                unknown = True
            elif bool(fn(a, b)) is not decisive:
                return not decisive
        return None if unknown else decisive
    return compare


def _row_order(op: str, tests: tuple, impls: tuple, columns: tuple
               ) -> Callable[[list, tuple], Any]:
    """RowCompareExpr (`<`, `<=`, `>`, `>=`): the first column whose values
    differ decides by the strict operator; a NULL before that is NULL;
    all equal is whether `op` admits equality."""
    fns = [(runtime.binary(strict, (t.type, c.type)).fn,
            runtime.binary(equal, (t.type, c.type)).fn)
           for (strict, equal), t, c in zip(impls, tests, columns)]
    inclusive = op in ("<=", ">=")

    def compare(left: list, values: tuple) -> Any:
        for (strict, equal), a, b in zip(fns, left, values):
            if a is None or b is None:
                return None
            if not equal(a, b):
                return bool(strict(a, b))
        return inclusive
    return compare


def _raiser(error: SqlError) -> Callable[[tuple, Any], Any]:
    def fail(row, ctx):
        raise error
    return fail


READ_NODES = {r.TOuter: _compile_outer, r.TSubquery: _compile_subquery}
