"""Resolve stage of the read path: `select.Query` → `select.ResolvedQuery`.

This is PostgreSQL 15's parse analysis of SELECT (transformSelectStmt and
friends), in its order, so the first error a client sees is PostgreSQL's:

  WITH → FROM → target list → WHERE → HAVING → ORDER BY → GROUP BY →
  DISTINCT → LIMIT/OFFSET → the ungrouped-column check.

Names resolve through `Level`, one per query level, holding PostgreSQL's
two structures: the range table (every FROM entry, used for error hints)
and the namespace (what a name may reference here: joins hide their
children's columns behind the join's own column list, JOIN USING merges a
column, an alias hides the table name). A name not found at a level is
looked up in the enclosing levels: a correlated reference, typed as
`TOuter` with the number of subquery boundaries it crosses.

The output is a relational tree (`ir/select.py`) whose expressions are all
typed; nothing here decides how rows are fetched (that is `plan_select`).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Sequence

from twinning.errors import (
    AMBIGUOUS_ALIAS, DUPLICATE_ALIAS, FEATURE_NOT_SUPPORTED, UNDEFINED_COLUMN,
    UNDEFINED_TABLE, SqlError, ambiguous_column, datatype_mismatch,
    duplicate_alias, duplicate_column, feature_not_supported, grouping_error,
    invalid_column_reference, invalid_recursion, missing_from_entry,
    object_not_in_prerequisite_state, relation_does_not_exist, syntax_error,
    undefined_table,
)
from twinning.ir import query as q
from twinning.ir import select as r
from twinning.ir import syntax as s
from twinning.ir.catalog import QName
from twinning.passes.expr import TypingContext, figure_colname
from twinning.passes.expr.aggregates import type_aggregate
from twinning.passes.expr.records import expand_star, whole_row
from twinning.passes.expr.analyze import (coerce_to_boolean, resolve_filter,
                                          coerce_to_common_type,
                                          coerce_to_type, pos,
                                          resolve_expr, resolve_target,
                                          select_common_type,
                                          sublink_comparison, typed_operator)
from twinning.passes.expr.ordering import require_equality, require_ordering
from twinning.passes.expr.scope import ColumnBinding, column_not_found
from twinning.passes.expr.walk import outer_levels, shift_columns
from twinning.passes.expr.system import system_catalog
from twinning.passes.resolve_group import (Regrouper as _Regrouper,
                                           agg_location as _agg_location,
                                           contains_aggregate as
                                           _contains_aggregate)
from twinning.passes import partition_reads, project_sets
from twinning.passes import resolve_locking as locking
from twinning.passes import resolve_window as windows
from twinning.passes import resolve_grouping as grouping
from twinning.passes.resolve_ordered_set import (ORDERED_SET_NAMES,
                                                 ordered_set_call)
from twinning.passes.read_syntax import (
    aliased as _aliased,
    has_set_returning as _has_set_returning,
    no_set_returning as _no_set_returning,
    whole_row as _whole_row,
    cte_columns as _cte_columns,
    mentions as _mentions,
    distinct_on_mismatch as _distinct_on_mismatch,
    sort_key as _sort_key,
    using_index as _using_index,
    leftmost as _leftmost,
    expr_location as _expr_location,
    location as _location,
    first_target_location as _first_target_location,
    check_returning as _check_returning,
    misplaced_write as _misplaced_write,
)
from twinning.passes import resolve_lateral as lateral

__all__ = ["resolve_query", "resolve_view_query", "WriteReads"]

TEXT = q.TEXT


def resolve_query(query: r.Query, catalog: Any, ctx: TypingContext
                  ) -> r.ResolvedQuery:
    """The statement-level entry: a top-level SELECT."""
    resolver = _Resolver(catalog, ctx)
    resolver.top = query  # the one level FOR UPDATE/SHARE may lock
    relation, columns = resolver.query(query, None, False)
    relation = ctx.finish(relation)
    return r.ResolvedQuery(relation, columns, ctx.final_param_types())


def resolve_view_query(query: r.Query, catalog: Any, ctx: TypingContext
                       ) -> tuple[r.ResolvedQuery, list[QName]]:
    """A view's query, and the tables and views it names (its
    dependencies; the views it reads are not looked into)."""
    resolver = _Resolver(catalog, ctx)
    relation, columns = resolver.query(query, None, False)
    return (r.ResolvedQuery(ctx.finish(relation), columns, ()),
            list(dict.fromkeys(resolver.relations)))


class WriteReads:
    """What a write statement reads, typed by the read path: its INSERT
    source query, the FROM/USING items joined to the target, and
    subqueries anywhere in its expressions (whose enclosing level is the
    write's own scope: a correlated reference reads the target row)."""

    def __init__(self, catalog: Any, ctx: TypingContext) -> None:
        self.resolver = _Resolver(catalog, ctx)

    def source(self, query: r.Query) -> tuple[r.Relation,
                                              tuple[r.RelColumn, ...]]:
        """INSERT … SELECT: unknown-typed outputs stay unknown, so the
        target columns' types decide them (transformInsertStmt)."""
        return self.resolver.query(query, None, False, unknown_to_text=False)

    def target_level(self, table: Any, alias: str | None,
                     items: Sequence[r.FromItem]
                     ) -> tuple[Level, r.Relation | None]:
        """UPDATE … FROM / DELETE … USING: a level whose row is the target
        row followed by the FROM items' row; the relation computing the
        latter (None without items)."""
        level = Level(self.resolver, None, False)
        names = [c.name for c in table.columns]
        target = Entry(alias or table.name.name, names, [
            q.TColumn(i, c.name, q.ResultType.of(c.type))
            for i, c in enumerate(table.columns)], aliased=alias is not None,
            table=table.name, catalog_table=table)
        level.rtable.append(target)
        level.namespace.append(Item(target))
        if not items:
            return level, None
        relation = self.resolver.from_clause(items, level,
                                             offset=len(table.columns))
        return level, relation


# -- range table and namespace ------------------------------------------------------


class Entry:
    """One range-table entry: a table, subquery, CTE or join, with its
    column names and the expression reading each from the FROM row."""

    __slots__ = ("refname", "aliased", "table", "names", "exprs",
                 "catalog_table", "is_join", "cte", "origins", "source",
                 "scalar_function")

    def __init__(self, refname: str, names: Sequence[str],
                 exprs: Sequence[Any], *, aliased: bool = False,
                 table: QName | None = None, catalog_table: Any = None,
                 is_join: bool = False, cte: bool = False,
                 origins: Sequence[Any] = (),
                 scalar_function: bool = False) -> None:
        self.refname = refname
        self.names = tuple(names)
        self.exprs = list(exprs)
        self.aliased = aliased
        self.table = table
        self.catalog_table = catalog_table
        self.is_join = is_join
        self.cte = cte
        self.origins = tuple(origins)  # per column: (relation, attnum) or None
        self.source: Entry | None = None  # what a LATERAL frame's copy copies
        self.scalar_function = scalar_function  # its whole row: its value

    def shift(self, delta: int) -> None:
        if delta:
            self.exprs = [shift_columns(e, delta) for e in self.exprs]


class Item:
    """A namespace item: an entry and how it may be referenced."""

    __slots__ = ("entry", "rel_visible", "cols_visible")

    def __init__(self, entry: Entry, rel_visible: bool = True,
                 cols_visible: bool = True) -> None:
        self.entry = entry
        self.rel_visible = rel_visible
        self.cols_visible = cols_visible


def _located(expr: Any, location: int) -> Any:
    if isinstance(expr, (q.TColumn, r.TOuter)):
        return dataclasses.replace(expr, location=location)
    return expr


def _outer(expr: Any, depth: int) -> Any:
    """A current-level expression as seen from `depth` levels inside."""
    if isinstance(expr, q.TColumn):
        return r.TOuter(depth, expr.slot, expr.name, expr.type, expr.location)
    if isinstance(expr, r.TOuter):
        return dataclasses.replace(expr, depth=expr.depth + depth)
    if isinstance(expr, tuple):
        return tuple(_outer(e, depth) for e in expr)
    if dataclasses.is_dataclass(expr) and not isinstance(
            expr, (q.ResultType, r.TSubquery)):
        changes = {f.name: _outer(getattr(expr, f.name), depth)
                   for f in dataclasses.fields(expr)}
        return dataclasses.replace(expr, **changes)
    return expr


class Level:
    """One query level: the `Scope` its expressions resolve names in."""

    def __init__(self, resolver: _Resolver, parent: Level | None,
                 via_sublink: bool) -> None:
        self.resolver = resolver
        self.parent = parent
        self.via_sublink = via_sublink
        self.rtable: list[Entry] = []
        self.namespace: list[Item] = []
        self.ctes: dict[str, tuple[r.Relation, tuple[r.RelColumn, ...]]] = {}
        self.pending: set[str] = set()  # WITH names not resolved yet
        self.correlated = False  # a name inside resolved to an outer level
        self.aggregates: list[r.AggCall] = []
        self.groupings: list[tuple] = []  # GROUPING() calls' typed arguments
        self.agg_clause: str | None = None  # where aggregates are refused
        self.in_aggregate = False
        self.window: Any = None  # resolve_window.Windows of a SELECT
        self.frame: _Frame | None = None  # innermost LATERAL frame in FROM

    # ---- Scope
    def lookup(self, parts: tuple[str, ...], location: int) -> ColumnBinding:
        if len(parts) > 3:
            raise feature_not_supported("a cross-database reference",
                                        pos(location))
        colname = parts[-1]
        level: Level | None = self
        depth = 0
        crossed: list[Level] = []
        while level is not None:
            found = level._find(parts, location)
            if found is not None:
                for inner in crossed:
                    inner.correlated = True
                expr = _located(found, location)
                if depth:
                    expr = _outer(expr, depth)
                return ColumnBinding(-1, expr.type, colname, expr)
            crossed.append(level)
            if level.via_sublink:
                depth += 1
            level = level.parent
        if len(parts) == 1:
            expr = self._whole_row(colname, location)
            return ColumnBinding(-1, expr.type, colname, expr)
        raise self._missing_rte(parts[:-1], location)

    def _find(self, parts: tuple[str, ...], location: int) -> Any | None:
        colname = parts[-1]
        if len(parts) == 1:
            matches = []
            for item in self.namespace:
                if not item.cols_visible:
                    continue
                hits = [i for i, n in enumerate(item.entry.names)
                        if n == colname]
                if len(hits) > 1:
                    raise _ambiguous_column(colname, location)
                if hits:
                    matches.append(item.entry.exprs[hits[0]])
            if len(matches) > 1:
                raise _ambiguous_column(colname, location)
            if not matches and colname == "tableoid":
                return self._tableoid(None, location)
            return matches[0] if matches else None
        item = self._refname_item(parts[:-1], location)
        if item is None:
            return None
        hits = [i for i, n in enumerate(item.entry.names) if n == colname]
        if len(hits) > 1:
            raise _ambiguous_column(colname, location)
        if not hits and colname == "tableoid":
            found = partition_reads.tableoid(item.entry, location)
            if found is not None:
                return found
        if not hits:
            raise self._missing_column(parts[-2], colname, location)
        return item.entry.exprs[hits[0]]

    def _tableoid(self, item: Item | None, location: int) -> Any | None:
        """An unqualified `tableoid`: of the one table in the namespace."""
        found = [partition_reads.tableoid(i.entry, location)
                 for i in self.namespace if i.rel_visible]
        found = [f for f in found if f is not None]
        if len(found) > 1:
            raise _ambiguous_column("tableoid", location)
        return found[0] if found else None

    def _refname_item(self, qualifier: tuple[str, ...], location: int
                      ) -> Item | None:
        found: Item | None = None
        for item in self.namespace:
            if not item.rel_visible:
                continue
            entry = item.entry
            if len(qualifier) == 1:
                hit = entry.refname == qualifier[0]
            else:
                hit = (not entry.aliased and entry.table is not None
                       and (entry.table.schema, entry.table.name)
                       == tuple(qualifier))
            if hit:
                if found is not None:
                    raise SqlError(AMBIGUOUS_ALIAS if len(qualifier) > 1 else DUPLICATE_ALIAS,
                                   f'table reference "{qualifier[-1]}" is '
                                   "ambiguous", position=pos(location))
                found = item
        return found

    def _whole_row(self, name: str, location: int) -> Any:
        """A whole-row reference: of one scalar function without
        ORDINALITY, its value (makeWholeRowVar); of anything else, 0A000."""
        level: Level | None = self
        depth = 0
        while level is not None:
            item = level._refname_item((name,), location)
            if item is not None:
                entry = item.entry
                if entry.scalar_function:
                    expr = _located(entry.exprs[0], location)
                else:
                    expr = whole_row(self.resolver.catalog, entry.table if not
                                     entry.is_join else None, entry.names,
                                     [_located(e, location) for e in entry.exprs],
                                     location)
                return _outer(expr, depth) if depth else expr
            if level.via_sublink:
                depth += 1
            level = level.parent
        raise self._missing_column(None, name, location)

    # ---- PostgreSQL's error texts for names that do not resolve
    def _missing_column(self, relname: str | None, colname: str,
                        location: int) -> SqlError:
        entries = []
        level: Level | None = self
        seen: list[list[Entry]] = []
        while level is not None:
            if not any(level.rtable is r for r in seen):  # frames share it
                seen.append(level.rtable)
                entries.extend((e.refname, e.names) for e in level.rtable
                               if not e.is_join)
            level = level.parent
        return column_not_found(relname, colname, location, entries)

    def _missing_rte(self, qualifier: tuple[str, ...], location: int
                     ) -> SqlError:
        """errorMissingRTE()."""
        relname = qualifier[-1]
        target = self.resolver.table_name(qualifier)
        found: Entry | None = None
        level: Level | None = self
        while level is not None and found is None:
            for entry in level.rtable:
                if (len(qualifier) == 1 and entry.refname == relname) or (
                        target is not None and entry.table == target):
                    found = entry
                    break
            level = level.parent
        if found is None:
            return missing_from_entry(relname, position=pos(location))
        hint = (f'There is an entry for table "{found.refname}", but it '
                "cannot be referenced from this part of the query.")
        if found.aliased and found.refname != relname:
            level = self
            while level is not None:
                item = level._refname_item((found.refname,), location)
                if item is not None:
                    if found in (item.entry, item.entry.source):
                        hint = ("Perhaps you meant to reference the table "
                                f'alias "{found.refname}".')
                    break
                level = level.parent
        return undefined_table("invalid reference to FROM-clause entry for "
                               f'table "{relname}"', hint=hint, position=pos(location))

    def star_columns(self, ref: s.ColumnRef) -> list[tuple[str, Any]]:
        """`*` / `t.*` over this level's namespace (RETURNING of a write
        joined to FROM items)."""
        return self.resolver.star(ref, self)

    def forward_cte(self, name: str) -> bool:
        level: Level | None = self
        while level is not None:
            if name in level.pending:
                return True
            level = level.parent
        root = self.resolver.root
        return root is not None and root is not self and root.forward_cte(name)

    def find_cte(self, name: str):
        level: Level | None = self
        while level is not None:
            if name in level.ctes:
                return level.ctes[name]
            level = level.parent
        root = self.resolver.root
        return None if root is None or root is self else root.find_cte(name)


class _ScopeLevel(Level):
    """Another stage's scope (a write statement's) seen as the level
    enclosing a subquery: names it resolves become this level's columns."""

    def __init__(self, resolver: _Resolver, scope: Any) -> None:
        super().__init__(resolver, None, False)
        self.scope = scope

    def _find(self, parts: tuple[str, ...], location: int) -> Any | None:
        try:
            found = self.scope.lookup(parts, location)
        except SqlError as exc:
            if exc.sqlstate in (UNDEFINED_COLUMN, UNDEFINED_TABLE):
                return None
            raise
        if found.expr is not None:
            return found.expr
        return q.TColumn(found.slot, found.name, found.type, location)


class _Frame(Level):
    """The FROM items left of a LATERAL-capable item as a level of their
    own (see `resolve_lateral`): its row is the left row, which the
    lateral join pushes as the innermost outer row. `visible` is off
    while an item that is not LATERAL is analysed (the items still count
    as a boundary and feed the error hints)."""

    def __init__(self, resolver: _Resolver, level: Level, items: list[Item],
                 lateral_ok: bool, guard: bool = False) -> None:
        outer = level.frame
        if outer is None:
            super().__init__(resolver, level.parent, level.via_sublink)
        else:
            super().__init__(resolver, outer, not outer.guard)
        self.rtable, self.ctes = level.rtable, level.ctes
        self.pending = level.pending
        self.namespace = items
        self.visible = True
        self.lateral_ok = lateral_ok
        # a write's target: visible to LATERAL items only to refuse them
        # (check_lateral_ref_ok), never a row of its own
        self.guard = guard

    def _find(self, parts: tuple[str, ...], location: int) -> Any | None:
        if not self.visible:
            return None
        found = super()._find(parts, location)
        if found is not None and not self.lateral_ok:
            refname = parts[-2] if len(parts) > 1 else next(
                i.entry.refname for i in self.namespace
                if i.cols_visible and parts[-1] in i.entry.names)
            raise lateral.lateral_ok_error(refname, location, self.guard)
        return found

    def _refname_item(self, qualifier: tuple[str, ...], location: int
                      ) -> Item | None:
        return super()._refname_item(qualifier, location) if self.visible \
            else None


def _frames(level: Level) -> list[_Frame]:
    out = []
    frame: Any = level.frame
    while isinstance(frame, _Frame):
        out.append(frame)
        frame = frame.parent
    return out


def _ambiguous_column(name: str, location: int) -> SqlError:
    return ambiguous_column(f'column reference "{name}" is ambiguous',
                            position=pos(location))


# -- FROM items -------------------------------------------------------------------


class _From:
    """A resolved FROM item: its relation, the entries in it (slots
    relative to the item's first column), its namespace items, and the
    column list a `*` or an enclosing join sees."""

    __slots__ = ("relation", "entries", "items", "names", "exprs")

    def __init__(self, relation: r.Relation, entries: list[Entry],
                 items: list[Item], names: Sequence[str],
                 exprs: Sequence[Any]) -> None:
        self.relation = relation
        self.entries = entries
        self.items = items
        self.names = list(names)
        self.exprs = list(exprs)

    @property
    def width(self) -> int:
        return len(self.relation.columns)

    def shift(self, delta: int) -> None:
        for entry in self.entries:
            entry.shift(delta)
        self.exprs = [shift_columns(e, delta) for e in self.exprs]


def _target_position(node: s.Literal, count: int, clause: str) -> int:
    """`clause`'s integer constant: an output column's 1-based position
    (findTargetlistEntrySQL92's 42P10 outside the select list)."""
    n = int(node.text or "0")
    if not 1 <= n <= count:
        raise invalid_column_reference(f"{clause} position {n} is not in select "
                                       "list", position=pos(node.location))
    return n - 1


class _Resolver:
    def __init__(self, catalog: Any, ctx: TypingContext) -> None:
        self.catalog = catalog
        self.ctx = ctx
        self.recursions = 0  # numbers the recursive CTEs' work tables
        self.relations: list[QName] = []  # tables and views read, outside views
        self.in_view = 0  # how deep inside views being read
        self.top: r.Query | None = None  # a statement's own SELECT
        # a write's WITH list (or a SELECT's with data-modifying queries),
        # seen from every level; `modifying` resolves such a query there
        self.root: Level | None = None
        self.modifying: Any = None
        self.lock: tuple[Level, locking.Request] | None = None
        ctx.aggregate = self._aggregate
        ctx.sublink = self._sublink
        ctx.window = windows.window_call
        ctx.grouping = grouping.grouping_call

    # ---- relations
    def table_name(self, names: tuple[str, ...]) -> QName | None:
        if len(names) > 2:
            return None
        return self.catalog.table_named(names, self.ctx.search_path)

    def _system(self, names: tuple[str, ...]) -> Any:
        return system_catalog().relation(names)

    def table_ref(self, ref: r.TableRef, level: Level) -> _From:
        names = ref.names
        if len(names) == 3:
            raise feature_not_supported("a cross-database reference",
                                        pos(ref.location))
        if len(names) == 1:
            cte = level.find_cte(names[0])
            if cte is not None:
                self._lock_note(level, ref, names[0], "cte")
                relation, columns = cte
                _check_returning(relation, ref)
                return self._entry_from(relation, ref, names[0],
                                        [c.name for c in columns], cte=True)
        table = None
        system = None
        qname = self.table_name(names)
        if len(names) == 1 or names[0] in ("pg_catalog", "information_schema"):
            system = self._system(names)
        if system is None and self.catalog is not None and qname is not None:
            table = self.catalog.table(qname)
            view = self.catalog.view(qname)
            if view is not None or table is not None:
                if not self.in_view:
                    self.relations.append(qname)
            if view is not None and not view.materialized:
                self._lock_note(level, ref, names[-1], "view")
                return self._view(view, ref)
            if view is not None and not view.populated:
                raise object_not_in_prerequisite_state(f'materialized view "{qname.name}" has '
                                                       "not been populated",
                                                       hint="Use the REFRESH MATERIALIZED VIEW command.")
        if system is not None:
            columns = tuple(r.RelColumn(n, q.ResultType.of(t),
                                        origin=(system.name, i))
                            for i, (n, t) in enumerate(system.columns, 1))
            self._lock_note(level, ref, names[-1], "system")
            scan = r.Scan(system.name, columns, system=True)
            return self._entry_from(scan, ref, names[-1],
                                    [c.name for c in columns],
                                    table=system.name)
        if table is None:
            detail = hint = None
            if len(names) == 1 and level.forward_cte(names[0]):
                detail = (f'There is a WITH item named "{names[0]}", but it '
                          "cannot be referenced from this part of the query.")
                hint = ("Use WITH RECURSIVE, or re-order the WITH items to "
                        "remove forward references.")
            raise relation_does_not_exist(".".join(names),
                                          detail=detail, hint=hint,
                                          position=pos(ref.location))
        columns = tuple(r.RelColumn(c.name, q.ResultType.of(c.type),
                                    origin=(table.name, c.attnum))
                        for c in table.columns)
        request = self._lock_note(level, ref, names[-1], "table")
        rowid = request is not None and \
            request.wanted(ref.alias or names[-1]) is not None
        scan = partition_reads.partitioned_scan(
            self.catalog, table, columns, ref.only, rowid, ref.location) or \
            r.Scan(table.name, columns + ((r.RelColumn("ctid", q.INT8),)
                                          if rowid else ()),
                   indexes=tuple(
                       i for i in self.catalog.indexes_of(table.name)
                       if i.method in ("btree", "hash")), rowid=rowid)
        out = self._entry_from(scan, ref, names[-1],
                               [c.name for c in columns], table=table.name,
                               catalog_table=table)
        if scan.leaves is not None:  # its tableoid column
            out.entries[0].exprs.append(q.TColumn(len(columns), "tableoid",
                                                  partition_reads.OID))
        if rowid:
            request.tables.append((ref.alias or names[-1], out.entries[0],
                                   table.name))
        return out

    def _lock_note(self, level: Level, ref: Any, name: str, kind: str
                   ) -> locking.Request | None:
        """Record what a FROM item of the locking level is (its OF name)."""
        if self.lock is None or self.lock[0] is not level:
            return None
        self.lock[1].note(getattr(ref, "alias", None) or name, kind)
        return self.lock[1]

    def _view(self, view: Any, ref: r.TableRef) -> _From:
        """A view read as the subquery it stands for, typed under the
        search path it was made with, cut to the columns it was made with."""
        ctx = self.ctx
        saved = ctx.search_path
        ctx.search_path = view.search_path
        self.in_view += 1
        try:
            relation, columns = self.query(view.query, None, False)
        finally:
            ctx.search_path = saved
            self.in_view -= 1
        names = [col.name for col in view.columns]
        if len(columns) > len(names):  # SELECT * over a table that grew since
            columns = columns[:len(names)]
            relation = r.Project(relation, tuple(
                q.TColumn(i, col.name, col.type)
                for i, col in enumerate(columns)), tuple(columns))
        return self._entry_from(relation, ref, view.name.name, names,
                                table=view.name, origins=[
                                    (view.name, col.attnum)
                                    for col in view.columns])

    def _entry_from(self, relation: r.Relation, ref: Any, default_name: str,
                    names: list[str], **kw: Any) -> _From:
        refname = ref.alias or default_name
        names = _aliased(names, ref.column_aliases, refname, ref.location)
        exprs = [q.TColumn(i, n, c.type) for i, (n, c) in
                 enumerate(zip(names, relation.columns))]
        kw.setdefault("origins", [getattr(c, "origin", None)
                                  for c in relation.columns])
        entry = Entry(refname, names, exprs, aliased=ref.alias is not None,
                      **kw)
        return _From(relation, [entry], [Item(entry)], names, exprs)

    def from_item(self, item: r.FromItem, level: Level) -> _From:
        if isinstance(item, r.TableRef):
            out = self.table_ref(item, level)
        elif isinstance(item, r.FunctionRef):
            out = self.function_ref(item, level)
        elif isinstance(item, r.SubqueryRef):
            if item.alias is None:
                raise syntax_error("subquery in FROM must have an alias",
                                   hint="For example, FROM (SELECT ...) [AS] foo.",
                                   position=pos(item.location))
            self._lock_note(level, item, item.alias, "subquery")
            with lateral.frames_visible(_frames(level), item.lateral):
                relation, columns = self.query(item.query, self.hidden(level),
                                               False)
            out = self._entry_from(relation, item, item.alias,
                                   [c.name for c in columns])
        else:
            return self.join(item, level)
        level.rtable.extend(out.entries)
        return out

    def function_ref(self, ref: r.FunctionRef, level: Level) -> _From:
        hidden = self.hidden(level)
        hidden.agg_clause = "functions in FROM"
        scan, names, refname = lateral.function_scan(ref, hidden, self.ctx)
        self._lock_note(level, ref, refname, "function")
        # addRangeTableEntryForFunction reports too many aliases unplaced
        return self._entry_from(scan, dataclasses.replace(ref, location=-1),
                                refname, names, scalar_function=len(
                                    scan.calls) == 1 and not scan.columns[1:])

    def hidden(self, level: Level) -> Level:
        """The level a FROM item is analysed in: the FROM clause around it
        is invisible (its entries still feed the error hints) but for a
        LATERAL frame's items, enclosing levels and WITH queries are not."""
        if level.frame is not None:
            hidden = Level(self, level.frame, not level.frame.guard)
        else:
            hidden = Level(self, level.parent, level.via_sublink)
        hidden.rtable = level.rtable
        hidden.ctes = level.ctes
        hidden.pending = level.pending
        return hidden

    def join(self, join: r.JoinRef, level: Level) -> _From:
        left = self.from_item(join.left, level)
        is_lateral = lateral.lateral_capable(join.right)
        right = self.lateral_item(join.right, level, left.items, 0,
                                  join.kind in ("inner", "left", "cross")) \
            if is_lateral else self.from_item(join.right, level)
        right.shift(left.width)
        kind = join.kind
        condition = None
        using = join.using
        if join.natural:
            using = tuple(n for n in left.names if n in right.names)
        names: list[str] = []
        exprs: list[Any] = []
        merged_left: set[int] = set()
        merged_right: set[int] = set()
        if using is not None:
            conds = []
            seen: set[str] = set()
            for name in using:
                if name in seen:
                    raise duplicate_column(f'column name "{name}" appears '
                                           "more than once in USING clause",
                                           position=pos(join.location))
                seen.add(name)
                li = _using_index(left.names, name, "left", join.location)
                ri = _using_index(right.names, name, "right", join.location)
                merged_left.add(li)
                merged_right.add(ri)
                lexpr, rexpr = left.exprs[li], right.exprs[ri]
                common = select_common_type([lexpr, rexpr], "JOIN/USING")
                lc = coerce_to_common_type(lexpr, common, "JOIN/USING", self.ctx)
                rc = coerce_to_common_type(rexpr, common, "JOIN/USING", self.ctx)
                conds.append(coerce_to_boolean(
                    typed_operator("=", lc, rc, -1, self.ctx), "JOIN/USING",
                    self.ctx))
                names.append(name)
                if kind == "full":
                    exprs.append(q.TCoalesce((lc, rc), common))
                elif kind == "right":
                    exprs.append(rc)
                else:
                    exprs.append(lc)
            condition = conds[0] if len(conds) == 1 else (
                q.TBool("and", tuple(conds)) if conds else None)
        names += [n for i, n in enumerate(left.names) if i not in merged_left]
        exprs += [e for i, e in enumerate(left.exprs) if i not in merged_left]
        names += [n for i, n in enumerate(right.names) if i not in merged_right]
        exprs += [e for i, e in enumerate(right.exprs) if i not in merged_right]
        if join.on is not None:
            scope = level
            if level.frame is not None:  # evaluated inside the frames
                scope = self.hidden(level)
            saved_ns, saved_clause = scope.namespace, scope.agg_clause
            scope.namespace = left.items + right.items
            scope.agg_clause = "JOIN conditions"
            try:
                with lateral.frames_visible(_frames(level), False):
                    condition = coerce_to_boolean(resolve_expr(
                        join.on, scope, self.ctx), "JOIN/ON", self.ctx)
                _no_set_returning(condition, "JOIN conditions")
            finally:
                scope.namespace, scope.agg_clause = saved_ns, saved_clause
        if kind == "cross":
            kind = "inner"
        if is_lateral and kind in ("right", "full") and \
                outer_levels(right.relation):
            raise feature_not_supported(f"{kind.upper()} JOIN with a LATERAL "
                                        "item", pos(join.location))
        relation = r.Join(kind, left.relation, right.relation, condition,
                          is_lateral)
        if join.alias is not None:
            self._lock_note(level, join, join.alias, "join")
            # an aliased join hides what it contains completely
            names = _aliased(names, join.column_aliases, join.alias,
                             join.location)
            entry = Entry(join.alias, names, exprs, aliased=True,
                          is_join=True)
            items = [Item(entry)]
        else:
            entry = Entry("unnamed_join", names, exprs, is_join=True)
            for item in left.items + right.items:
                item.cols_visible = False
            items = left.items + right.items + [Item(entry, rel_visible=False)]
        level.rtable.append(entry)
        return _From(relation, left.entries + right.entries + [entry], items,
                     names, exprs)

    def from_clause(self, items: Sequence[r.FromItem], level: Level,
                    offset: int = 0) -> r.Relation:
        """The items' cross product; their columns start at `offset` in
        the level's row (after an UPDATE/DELETE target's columns)."""
        if not items:
            return r.Values(((),), ())
        seen: list[Item] = []
        saved_frame = level.frame
        if level.namespace and level.frame is None:  # UPDATE/DELETE target
            level.frame = _Frame(self, level, lateral.rebased(
                level.namespace, 0), False, guard=True)
        try:
            relation = self._from_list(items, level, offset, seen)
        finally:
            level.frame = saved_frame
        return relation

    def _from_list(self, items: Sequence[r.FromItem], level: Level,
                   offset: int, seen: list[Item]) -> r.Relation:
        base = offset
        relation: r.Relation | None = None
        for item in items:
            is_lateral = relation is not None and lateral.lateral_capable(item)
            if is_lateral:
                done = self.lateral_item(item, level, seen, -base, True)
            else:
                done = self.from_item(item, level)
            done.shift(offset)
            seen.extend(done.items)
            for ns in done.items:
                _check_duplicate_refname(ns, level, item)
                level.namespace.append(ns)
            relation = done.relation if relation is None else r.Join(
                "inner", relation, done.relation, None, is_lateral)
            offset += done.width
        assert relation is not None
        return relation

    def lateral_item(self, item: r.FromItem, level: Level, left: list[Item],
                     delta: int, lateral_ok: bool) -> _From:
        """A FROM item that may read the items left of it: analysed under a
        frame holding them (their columns as the left row has them)."""
        saved = level.frame
        level.frame = _Frame(self, level, lateral.rebased(left, delta),
                             lateral_ok)
        try:
            return self.from_item(item, level)
        finally:
            level.frame = saved

    # ---- queries
    def query(self, query: r.Query, parent: Level | None, via_sublink: bool,
              unknown_to_text: bool = True
              ) -> tuple[r.Relation, tuple[r.RelColumn, ...]]:
        ctx = self.ctx
        saved = ctx.aggregate, ctx.sublink, ctx.kind, ctx.window, ctx.no_sets
        ctx.aggregate, ctx.sublink, ctx.kind, ctx.window, ctx.no_sets = (
            self._aggregate, self._sublink, "SELECT", windows.window_call, None)
        try:
            return self._query(query, parent, via_sublink, unknown_to_text)
        finally:
            (ctx.aggregate, ctx.sublink, ctx.kind, ctx.window,
             ctx.no_sets) = saved

    def _query(self, query: r.Query, parent: Level | None, via_sublink: bool,
               unknown_to_text: bool
               ) -> tuple[r.Relation, tuple[r.RelColumn, ...]]:
        level = Level(self, parent, via_sublink)
        self.with_list(query.with_, level, parent is None and query is self.top)
        body = query.body
        if query.locking and query is not self.top:
            locking.refuse_nested(query)
        if isinstance(body, r.SetOperation):
            relation, columns = self.set_operation(query, level)
            if query.locking:
                locking.refuse_on(query, "set")
        elif isinstance(body, r.ValuesList):
            if query.locking:
                locking.refuse_on(query, "values")
            relation, columns = self.values(body, level, unknown_to_text)
            relation, columns = self.finish_simple(query, level, relation,
                                                   columns)
        else:
            relation, columns = self.select(body, query, level,
                                            unknown_to_text)
        return relation, columns

    def with_list(self, ctes: Sequence[r.CommonTable], level: Level,
                  top: bool = False) -> None:
        """A WITH list; a data-modifying query goes to `modifying` at the
        statement's top level (`resolve_with`)."""
        level.pending = {cte.name for cte in ctes}
        for cte in ctes:
            if cte.name in level.ctes:
                raise duplicate_alias(f'WITH query name "{cte.name}" '
                                      "specified more than once",
                                      position=pos(cte.location))
            if not isinstance(cte.query, r.Query):
                if self.modifying is None or level is not self.root:
                    raise _misplaced_write(cte, top)
                relation, columns = self.modifying(cte)
            elif cte.recursive and _mentions(cte.query, cte.name):
                relation, columns = self.recursive_cte(cte, level)
            else:
                relation, columns = self.query(cte.query, level, False)
                columns = _cte_columns(cte, columns)
            level.ctes[cte.name] = (relation, columns)
            level.pending.discard(cte.name)

    def recursive_cte(self, cte: r.CommonTable, level: Level):
        """`base UNION [ALL] recursive term`: the base fixes the column
        types; the recursive term reads the work table under the CTE's
        name and is coerced to those types."""
        body = cte.query.body
        if not (isinstance(body, r.SetOperation) and body.op == "union") \
                or cte.query.order_by or cte.query.limit is not None:
            raise invalid_recursion(f'recursive query "{cte.name}" does not '
                                    "have the form non-recursive-term UNION [ALL] "
                                    "recursive-term", position=pos(cte.location))
        if _mentions(body.left, cte.name):
            raise invalid_recursion("recursive reference to query "
                                    f'"{cte.name}" must not appear within its '
                                    "non-recursive term", position=pos(cte.location))
        base, columns = self.query(body.left, level, False)
        columns = _cte_columns(cte, columns)
        self.recursions += 1
        key = self.recursions
        level.ctes[cte.name] = (r.WorkTable(cte.name, key, columns), columns)
        level.pending.discard(cte.name)
        recursive, rcols = self.query(body.right, level, False)
        if len(rcols) != len(columns):
            raise syntax_error("each UNION query must have the same "
                               "number of columns",
                               position=pos(_first_target_location(body.right)))
        types = [c.type for c in columns]
        for i, (lc, rc) in enumerate(zip(columns, rcols)):
            overall = select_common_type(
                [q.TColumn(i, lc.name, lc.type, lc.location),
                 q.TColumn(i, rc.name, rc.type, rc.location)], "UNION")
            if overall != lc.type:
                raise datatype_mismatch(f'recursive query "{cte.name}" column '
                                        f"{i + 1} has type {_display(lc.type)} in "
                                        "non-recursive term but type "
                                        f"{_display(overall)} overall",
                                        hint="Cast the output of the non-recursive term "
                                        "to the correct type.",
                                        position=pos(lc.location))
        recursive = self.coerce_outputs(recursive, rcols, types, "UNION")
        return r.RecursiveUnion(base, recursive, body.all, key,
                                columns), columns

    def values(self, body: r.ValuesList, level: Level, unknown_to_text: bool
               ) -> tuple[r.Relation, tuple[r.RelColumn, ...]]:
        width = len(body.rows[0])
        for row in body.rows[1:]:
            if len(row) != width:
                raise syntax_error("VALUES lists must all be the same "
                                   "length", position=pos(_location(row)))
        level.agg_clause = "VALUES"
        typed = [[resolve_expr(e, level, self.ctx) for e in row]
                 for row in body.rows]
        level.agg_clause = None
        types = []
        for i in range(width):
            column = [row[i] for row in typed]
            common = select_common_type(column, "VALUES")
            if common == q.UNKNOWN or (common == TEXT and all(
                    e.type == q.UNKNOWN for e in column)):
                common = TEXT if unknown_to_text else q.UNKNOWN
            types.append(common)
        rows = tuple(tuple(coerce_to_common_type(e, t, "VALUES", self.ctx)
                           if t != q.UNKNOWN else e
                           for e, t in zip(row, types)) for row in typed)
        columns = tuple(r.RelColumn(f"column{i + 1}", t)
                        for i, t in enumerate(types))
        return r.Values(rows, columns), columns

    def finish_simple(self, query: r.Query, level: Level,
                      relation: r.Relation,
                      columns: tuple[r.RelColumn, ...], leaves: list = ()):
        """ORDER BY / LIMIT over a VALUES or set operation: only output
        columns (by name or position) can be sorted by."""
        if query.order_by:
            keys = []
            for sort in query.order_by:
                index = self.output_position(sort.expr, columns, leaves)
                require_ordering(columns[index].type, sort.location)
                keys.append(_sort_key(
                    q.TColumn(index, columns[index].name, columns[index].type),
                    sort))
            relation = r.Sort(relation, tuple(keys))
        return self.limit(query, level, relation), columns

    def output_position(self, expr: s.Expr, columns, leaves) -> int:
        """ORDER BY of a set operation or VALUES: an output column's name
        or position; the branches' own columns only feed the hints."""
        if isinstance(expr, s.Literal) and expr.kind == "integer":
            return _target_position(expr, len(columns), "ORDER BY")
        if isinstance(expr, s.ColumnRef) and not expr.star:
            if len(expr.parts) > 1:
                raise missing_from_entry(expr.parts[-2],
                                         position=pos(expr.location))
            for i, c in enumerate(columns):
                if c.name == expr.parts[0]:
                    return i
            hints = Level(self, None, False)
            hints.rtable = [Entry(f"*SELECT* {i + 1}", [c.name for c in leaf],
                                  []) for i, leaf in enumerate(leaves)]
            raise hints._missing_column(None, expr.parts[0], expr.location)
        raise SqlError(FEATURE_NOT_SUPPORTED, "invalid UNION/INTERSECT/EXCEPT ORDER BY "
                                     "clause", detail="Only result column names can be "
                                     "used, not expressions or functions.",
                                     hint="Add the expression/function to every SELECT, or "
                                     "move the UNION into a FROM clause.",
                                     position=pos(_leftmost(expr)))

    def limit(self, query: r.Query, level: Level, relation: r.Relation
              ) -> r.Relation:
        if query.limit is None and query.offset is None:
            return relation
        count = self.limit_expr(query.limit, "LIMIT", level)
        offset = self.limit_expr(query.offset, "OFFSET", level)
        ties: tuple = ()
        if query.with_ties:  # the parser wants an ORDER BY: a Sort below
            sort = relation
            while not isinstance(sort, r.Sort):
                sort = sort.input
            ties = sort.keys
        return r.Limit(relation, count, offset, ties)

    def limit_expr(self, node: s.Expr | None, clause: str, level: Level):
        if node is None:
            return None
        if isinstance(node, s.Literal) and node.kind == "null":
            return None
        empty = Level(self, level.parent, level.via_sublink)
        empty.agg_clause = clause
        try:
            expr = resolve_expr(node, empty, self.ctx)
        except SqlError as exc:
            if exc.sqlstate in (UNDEFINED_COLUMN, UNDEFINED_TABLE):
                raise invalid_column_reference(f"argument of {clause} must not "
                                               "contain variables",
                                               position=pos(getattr(node, "location", -1))
                                               ) from exc
            raise
        if not _can_bigint(expr):
            raise datatype_mismatch(f"argument of {clause} must be type "
                                    f"bigint, not type {_display(expr.type)}",
                                    position=pos(expr.location))
        return coerce_to_type(expr, q.INT8, self.ctx, "a")

    # ---- set operations
    def set_operation(self, query: r.Query, level: Level):
        leaves: list = []
        relation, columns = self.set_tree(query.body, level, leaves)
        return self.finish_simple(query, level, relation, columns, leaves)

    def set_tree(self, node: Any, level: Level, leaves: list | None = None):
        """A set operation tree: leaves resolved as subqueries that see the
        WITH list, each column's type the common type of both sides
        (select_common_type, in leaf order), coerced where it is computed."""
        leaves = [] if leaves is None else leaves
        if isinstance(node, r.Query) and (
                not isinstance(node.body, r.SetOperation) or node.order_by
                or node.limit or node.offset or node.with_):
            relation, columns = self.query(node, level, False,
                                           unknown_to_text=False)
            leaves.append(columns)
            return relation, columns
        if isinstance(node, r.Query):
            node = node.body
        left, lcols = self.set_tree(node.left, level, leaves)
        right, rcols = self.set_tree(node.right, level, leaves)
        construct = node.op.upper()
        if len(lcols) != len(rcols):
            raise syntax_error(f"each {construct} query must have the "
                               "same number of columns",
                               position=pos(_first_target_location(node.right)))
        types = []
        for i, (lc, rc) in enumerate(zip(lcols, rcols)):
            common = select_common_type(
                [q.TColumn(i, lc.name, lc.type, lc.location),
                 q.TColumn(i, rc.name, rc.type, rc.location)], construct)
            common = TEXT if common == q.UNKNOWN else common
            if node.op != "union" or not node.all:  # at select_common_type's
                best = lc if lc.type == common else rc  # chosen column
                require_equality(common, best.location)
            types.append(common)
        left = self.coerce_outputs(left, lcols, types, construct)
        right = self.coerce_outputs(right, rcols, types, construct)
        columns = tuple(r.RelColumn(c.name, t, c.location)
                        for c, t in zip(lcols, types))
        return r.SetOp(node.op, node.all, left, right, columns), columns

    def coerce_outputs(self, relation: r.Relation, columns, types,
                       construct: str) -> r.Relation:
        """Each output column coerced to its set operation type, inside
        the leaf's projection when there is one (so a literal's input
        error points at the literal, as PostgreSQL's does)."""
        if all(c.type == t for c, t in zip(columns, types)):
            return relation
        if isinstance(relation, r.Project):
            exprs = tuple(coerce_to_common_type(e, t, construct, self.ctx)
                          for e, t in zip(relation.exprs, types))
            return r.Project(relation.input, exprs, tuple(
                r.RelColumn(c.name, t, c.location)
                for c, t in zip(relation.columns, types)))
        exprs = tuple(coerce_to_common_type(
            q.TColumn(i, c.name, c.type, c.location), t, construct, self.ctx)
            for i, (c, t) in enumerate(zip(columns, types)))
        return r.Project(relation, exprs, tuple(
            r.RelColumn(c.name, t, c.location) for c, t in zip(columns, types)))

    # ---- SELECT
    def select(self, core: r.SelectCore, query: r.Query, level: Level,
               unknown_to_text: bool):
        request = None
        if query.locking:
            request = locking.Request(query)
            self.lock = (level, request)
            for item in core.from_:
                locking.nullable_refnames(item, False, request.nullable)
        source = self.from_clause(core.from_, level)
        level.window = windows.Windows(core.windows)
        targets = self.targets(core.targets, level, unknown_to_text)
        origins = _origins(level, [e for _, e in targets])
        relation: r.Relation = source
        if core.where is not None:
            level.agg_clause = "WHERE"
            where = coerce_to_boolean(resolve_expr(core.where, level, self.ctx),
                                      "WHERE", self.ctx)
            _no_set_returning(where, "WHERE")
            level.agg_clause = None
            relation = r.Filter(relation, where)
        having = None
        if core.having is not None:
            level.window.clause = "HAVING"
            having = coerce_to_boolean(resolve_expr(core.having, level,
                                                    self.ctx), "HAVING",
                                       self.ctx)
            level.window.clause = None
            _no_set_returning(having, "HAVING")
        names = [n for n, _ in targets]
        exprs = [e for _, e in targets]
        sort_keys = self.order_by(query.order_by, names, exprs, level)
        groups, sets = grouping.group_clause(
            core.group_by, core.group_distinct,
            lambda item: self.group_item(item, names, exprs, level))
        distinct_on = None
        visible = len(targets)
        if core.distinct is not None:
            if core.distinct:
                distinct_on = self.distinct_on(core.distinct, names, exprs,
                                               sort_keys, level)
            else:
                for i, key in enumerate(sort_keys):
                    if key[0] >= visible:
                        raise invalid_column_reference("for SELECT DISTINCT, ORDER BY "
                                                       "expressions must appear in select "
                                                       "list", position=pos(key[2]))
                for e in exprs:
                    require_equality(e.type, e.location)
        windows.define(self, level)
        grouped = bool(groups) or sets is not None or bool(
            level.aggregates) or having is not None or bool(level.groupings)
        if grouped:
            relation, exprs, having = self.aggregate(
                relation, groups, sets, exprs, having, level)
            if having is not None:
                relation = r.Filter(relation, having)
        windowed = bool(level.window.calls)
        relation, exprs = windows.apply(level, relation, exprs)
        lock_targets = ()
        if request is not None:
            exprs = list(exprs)
            lock_targets = request.finish(
                distinct=core.distinct is not None, group_by=bool(groups),
                having=having is not None, aggregates=bool(level.aggregates),
                windows=windowed,
                set_returning=any(_has_set_returning(e) for e in exprs))
            lock_targets = tuple(self._rowid_column(exprs, t)
                                 for t in lock_targets)
        columns = tuple(r.RelColumn(n, e.type, getattr(e, "location", -1),
                                    origins[i] if i < len(origins) else None)
                        for i, (n, e) in enumerate(zip(names + [
                            f"?sort{i}" for i in range(len(exprs) - len(names))],
                            exprs)))
        relation = project_sets.project(relation, exprs, columns)
        if core.distinct is not None and distinct_on is None:
            relation = r.Distinct(relation, visible)
        if sort_keys:
            relation = r.Sort(relation, tuple(
                _sort_key(q.TColumn(i, columns[i].name, columns[i].type), sort)
                for i, sort, _ in sort_keys))
        if distinct_on is not None:
            relation = r.Distinct(relation, visible, tuple(
                q.TColumn(i, columns[i].name, columns[i].type)
                for i in distinct_on))
        if lock_targets:
            relation = r.LockRows(relation, lock_targets)
        relation = self.limit(query, level, relation)
        out = columns[:visible]
        if len(columns) > visible:
            relation = r.Project(relation, tuple(
                q.TColumn(i, c.name, c.type) for i, c in enumerate(out)), out)
        return relation, out

    @staticmethod
    def _rowid_column(exprs: list, target: tuple) -> tuple:
        """A locked table's row id as a hidden output column."""
        table, slot, strength, wait = target
        exprs.append(q.TColumn(slot, "ctid", q.INT8))
        return table, len(exprs) - 1, strength, wait

    def targets(self, targets: Sequence[r.Target], level: Level,
                unknown_to_text: bool) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = []
        for target in targets:
            expr = target.expr
            if isinstance(expr, s.ColumnRef) and expr.star:
                out.extend(self.star(expr, level))
                continue
            if isinstance(expr, s.FieldSelect) and expr.name == "*":
                out.extend(expand_star(resolve_expr(expr.arg, level, self.ctx),
                                       expr.location))
                continue
            if unknown_to_text:
                typed = resolve_target(expr, level, self.ctx)
            else:
                typed = resolve_expr(expr, level, self.ctx)
            project_sets.check_nesting(typed)
            out.append((target.alias or figure_colname(expr), typed))
        return out

    def star(self, ref: s.ColumnRef, level: Level) -> list[tuple[str, Any]]:
        qualifier = ref.parts
        if not qualifier:
            items = [i for i in level.namespace if i.cols_visible]
            if not items:
                raise syntax_error("SELECT * with no tables specified is "
                                   "not valid", position=pos(ref.location))
            return [(n, _located(e, ref.location)) for item in items
                    for n, e in zip(item.entry.names, item.entry.exprs)]
        item = level._refname_item(qualifier, ref.location)
        if item is None:
            raise level._missing_rte(qualifier, ref.location)
        return [(n, _located(e, ref.location))
                for n, e in zip(item.entry.names, item.entry.exprs)]

    def order_by(self, sorts: Sequence[s.SortBy], names: list[str],
                 exprs: list[Any], level: Level) -> list[tuple[int, Any, int]]:
        """(target index, SortBy, location) per key; expressions not in the
        target list are appended to it (resjunk)."""
        out = []
        for sort in sorts:
            index = self.find_target(sort.expr, names, exprs, level, "ORDER BY")
            require_ordering(exprs[index].type, _expr_location(sort.expr))
            out.append((index, sort, _expr_location(sort.expr)))
        return out

    def group_item(self, item: s.Expr, names: list[str], exprs: list[Any],
                   level: Level) -> int:
        """One GROUP BY expression's target index (appended when new)."""
        saved = level.agg_clause
        level.agg_clause = "GROUP BY"
        try:
            index = self.find_target(item, names, exprs, level, "GROUP BY")
        finally:
            level.agg_clause = saved
        if _contains_aggregate(exprs[index]):
            raise grouping_error("aggregate functions are not allowed "
                                 "in GROUP BY", position=pos(_agg_location(
                                     exprs[index])))
        require_equality(exprs[index].type, _expr_location(item))
        return index

    def distinct_on(self, items: Sequence[s.Expr], names: list[str],
                    exprs: list[Any], sort_keys: list, level: Level) -> list[int]:
        """transformDistinctOnClause: the DISTINCT ON expressions must be the
        leading ORDER BY expressions, in any order."""
        out: list[int] = []
        where: dict[int, int] = {}
        for item in items:
            index = self.find_target(item, names, exprs, level, "DISTINCT ON")
            if index not in out:
                out.append(index)
                where[index] = _expr_location(item)
        skipped = False
        covered = set()
        for index, _sort, _loc in sort_keys:
            if index in where:
                if skipped:
                    raise _distinct_on_mismatch(where[index])
                covered.add(index)
            else:
                skipped = True
        for index in out:
            if index not in covered and skipped:
                raise _distinct_on_mismatch(where[index])
        return out

    def find_target(self, node: s.Expr, names: list[str], exprs: list[Any],
                    level: Level, clause: str) -> int:
        """findTargetlistEntrySQL92 then SQL99: an output name or position,
        else the expression typed over FROM (appended when new)."""
        if isinstance(node, s.Literal) and node.kind == "integer":
            return _target_position(node, len(names), clause)
        if isinstance(node, s.Literal) and node.kind in ("string", "numeric",
                                                         "boolean", "null") \
                and clause != "DISTINCT ON":
            raise syntax_error(f"non-integer constant in {clause}",
                               position=pos(node.location))
        if isinstance(node, s.ColumnRef) and len(node.parts) == 1 \
                and not node.star:
            name = node.parts[0]
            # GROUP BY takes a FROM column first, ORDER BY an output name
            if clause != "GROUP BY" or level._find(node.parts,
                                                   node.location) is None:
                hits = [i for i, n in enumerate(names) if n == name]
                if any(exprs[h] != exprs[hits[0]] for h in hits[1:]):
                    raise ambiguous_column(f'{clause} "{name}" is ambiguous',
                                           position=pos(node.location))
                if hits:
                    return hits[0]
        typed = resolve_target(node, level, self.ctx)
        for i, e in enumerate(exprs):
            if e == typed:
                return i
        exprs.append(typed)
        return len(exprs) - 1

    # ---- aggregation
    def _aggregate(self, node: s.FuncCall, scope: Any, ctx: TypingContext
                   ) -> Any:
        level = scope if isinstance(scope, Level) else None
        if level is None:
            raise feature_not_supported("aggregate function here",
                                        pos(node.location))
        if level.agg_clause is not None:
            raise grouping_error("aggregate functions are not allowed in "
                                 f"{level.agg_clause}", position=pos(node.location))
        if level.in_aggregate:
            raise grouping_error("aggregate function calls cannot be "
                                 "nested", position=pos(node.location))
        if node.within_group or node.name[-1] in ORDERED_SET_NAMES:
            return ordered_set_call(node, level, ctx)
        level.in_aggregate = True
        try:
            star = node.star or (len(node.args) == 1 and _whole_row(
                node.args[0]) and node.name[-1] == "count")
            args = [] if star else [resolve_expr(a, level, ctx)
                                    for a in node.args]
            signature, targets, rtype = type_aggregate(
                node.name[-1], args, star, node.location, tuple(node.name))
            args = [coerce_to_type(a, t, ctx) for a, t in zip(args, targets)]
            filt = resolve_filter(node.filter, level, ctx)
            order = []
            for sort in node.order_by:
                expr = resolve_target(sort.expr, level, ctx)
                require_ordering(expr.type, _expr_location(sort.expr))
                order.append(_sort_key(expr, sort))
            if node.distinct:
                for a in args:
                    require_equality(a.type, a.location)
                    require_ordering(a.type, a.location)
            lateral.check_aggregate_level(level, args, node.location)
        finally:
            level.in_aggregate = False
        level.aggregates.append(r.AggCall(signature, tuple(args), rtype,
                                          star, node.distinct, filt,
                                          tuple(order)))
        return r.TAggRef(len(level.aggregates) - 1, rtype, node.location)

    def aggregate(self, relation: r.Relation, groups: list[int],
                  sets: list[tuple[int, ...]] | None, exprs: list[Any],
                  having: Any, level: Level):
        keys = [exprs[i] for i in groups]
        calls = grouping.grouping_keys(level.groupings, keys)
        regroup = _Regrouper(keys, level, [
            exprs[i] for i in grouping.common_keys(sets, groups)])
        inner = windows.expressions(level)
        regroup.check(exprs + inner)
        if having is not None:
            regroup.check([having])
        extra = tuple(range(len(keys), len(regroup.keys)))  # dependent keys
        keys = regroup.keys
        nkeys = len(keys)
        regroup.grouping_base = nkeys + len(level.aggregates)
        columns = tuple(r.RelColumn(f"key{i}", k.type) for i, k in
                        enumerate(keys)) + tuple(
            r.RelColumn(f"agg{i}", a.type) for i, a in
            enumerate(level.aggregates)) + tuple(
            r.RelColumn(f"grouping{i}", q.INT4) for i in range(len(calls)))
        key_sets = None if sets is None else tuple(
            tuple(dict.fromkeys(groups.index(i) for i in x)) + extra
            for x in sets)
        aggregate = r.Aggregate(relation, tuple(keys),
                                tuple(level.aggregates), columns, key_sets,
                                calls)
        new_exprs = [regroup.rewrite(e, nkeys) for e in exprs]
        windows.replace(level, [regroup.rewrite(e, nkeys) for e in inner])
        new_having = regroup.rewrite(having, nkeys) if having is not None \
            else None
        return aggregate, new_exprs, new_having

    # ---- subqueries in expressions
    def _sublink(self, node: s.SubLink, scope: Any, ctx: TypingContext) -> Any:
        level = scope if isinstance(scope, Level) else (
            None if scope is None else _ScopeLevel(self, scope))
        relation, columns = self.query(node.select, level, True)
        kind = node.kind
        if kind == "exists":
            return r.TSubquery("exists", relation, q.BOOL,
                               location=node.location)
        if kind in ("expr", "array"):
            if len(columns) != 1:
                raise syntax_error("subquery must return only one column",
                                   position=pos(node.location))
            rtype = columns[0].type
            if rtype == q.UNKNOWN:
                rtype = TEXT
            if kind == "array":  # of arrays: "arrays", stacked one more dimension
                if rtype.sql_type is None:
                    raise feature_not_supported("ARRAY() of this type", pos(node.location))
                kind = "arrays" if rtype.sql_type.is_array else kind
                rtype = rtype if kind == "arrays" else q.ResultType.of(rtype.sql_type.array_of())
            return r.TSubquery(kind, relation, rtype, location=node.location)
        # ANY / ALL (IN is = ANY) / a row compared with one row, of one
        # value or of a row of them
        tests = node.test.items if isinstance(node.test, s.Row) else \
            (node.test,)
        if len(columns) != len(tests):
            raise syntax_error("subquery has too many columns"
                               if len(columns) > len(tests) else
                               "subquery has too few columns",
                               position=pos(node.location))
        op = node.op or "="
        ordered = len(tests) > 1 and op not in ("=", "<>")
        lefts, impls, casts = [], [], []
        for i, (test, column) in enumerate(zip(tests, columns)):
            typed = resolve_expr(test, scope, ctx)
            impl, left, target = sublink_comparison(op, typed, column.type,
                                                    node.location, ctx)
            if ordered:  # RowCompareExpr: the first unequal column decides
                impl = tuple(sublink_comparison(o, typed, column.type,
                                                node.location, ctx)[0]
                             for o in (op[0], "="))
            lefts.append(left)
            impls.append(impl)
            casts.append(coerce_to_type(q.TColumn(i, column.name, column.type),
                                        target, ctx))
        if any(c.type != col.type for c, col in zip(casts, columns)):
            relation = r.Project(relation, tuple(casts), tuple(
                r.RelColumn(col.name, c.type) for c, col in zip(casts, columns)))
        location = lefts[0].location if lefts[0].location >= 0 \
            else node.location
        if len(tests) == 1:
            return r.TSubquery(kind, relation, q.BOOL, lefts[0], op, impls[0],
                               location=location)
        return r.TSubquery(kind, relation, q.BOOL, tuple(lefts), op,
                           tuple(impls), location=location)


def _origins(level: Level, exprs: Sequence[Any]) -> list[Any]:
    """Where each target reads from when it is a plain column of a table,
    view or a subquery's such column: (relation, attnum), else None."""
    by_slot: dict[int, Any] = {}
    for entry in level.rtable:
        for expr, origin in zip(entry.exprs, entry.origins):
            if origin is not None and isinstance(expr, q.TColumn):
                by_slot.setdefault(expr.slot, origin)
    return [by_slot.get(e.slot) if type(e) is q.TColumn else None
            for e in exprs]


def _check_duplicate_refname(item: Item, level: Level, ref: Any) -> None:
    if not item.rel_visible:
        return
    for other in level.namespace:
        if not other.rel_visible:
            continue
        a, b = item.entry, other.entry
        if a.refname == b.refname and (a.aliased or b.aliased or
                                       a.table == b.table or a.table is None
                                       or b.table is None):
            raise duplicate_alias(f'table name "{a.refname}" specified more '
                                  "than once")


def _can_bigint(expr: Any) -> bool:
    from twinning.passes.expr.analyze import can_coerce_expr
    return expr.type == q.UNKNOWN or can_coerce_expr(expr, q.INT8, "a")


def _display(rtype: q.ResultType) -> str:
    from twinning.passes.expr.types import display_type
    return display_type(rtype)
