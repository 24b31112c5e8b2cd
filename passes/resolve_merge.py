"""Resolve stage for MERGE: `dml.Merge` → `dml.ResolvedMerge`.

PostgreSQL 15's transformMergeStmt in its order: the WHEN clauses'
reachability (42601 for a clause after an unconditional one of its kind),
the target table (42P01; a view or materialized view is 0A000 "cannot
execute MERGE on relation"), the source as a FROM item (the target not yet
visible to it), the name conflict between the two (42712), the join
condition with both visible, then each WHEN clause: its condition and its
action, under setNamespaceForMergeWhen's rule — a MATCHED clause sees the
target and the source, a NOT MATCHED one only the source (a target
reference there fails as errorMissingRTE/errorMissingColumn fail). INSERT
is transformInsertStmt's single-row VALUES (checkInsertTargets, then the
expressions, then transformInsertRow's arity checks and assignment
coercion); UPDATE is transformUpdateTargetList, shared with UPDATE. The
rewriter's checks (rewriteTargetListIU: a column SET twice, identity
ALWAYS) run per action after all of parse analysis.

Every expression reads one row: the target row followed by the source row
(`Level` of the read path, the target first), with the target's part all
NULL for a source row no target row matched.
"""

from __future__ import annotations

from typing import Sequence

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, column_specified_more_than_once,
    duplicate_alias, feature_not_supported, relation_does_not_exist,
    syntax_error,
)
from twinning.ir import dml as d
from twinning.ir import query as q
from twinning.ir import syntax as s
from twinning.ir.catalog import Catalog, Table
from twinning.passes.expr import TypingContext, coerce_to_boolean, resolve_expr
from twinning.ir.select import TSetCall, TSubquery
from twinning.passes.expr.analyze import pos
from twinning.passes.expr.walk import children
from twinning.passes import resolve_dml as dml
from twinning.passes.resolve_select import Entry, Item, Level, WriteReads

__all__ = ["resolve_merge"]


def resolve_merge(node: d.Merge, catalog: Catalog, ctx: TypingContext,
                  reads: WriteReads | None = None) -> d.ResolvedMerge:
    if reads is None:  # the source, subqueries (else the WITH list's)
        reads = WriteReads(catalog, ctx)
    _reachable(node.clauses)
    table = _target(catalog, node.table, ctx)
    level, target, source = _join(table, node, reads)
    # the join condition: both sides visible (EXPR_KIND_JOIN_ON, not
    # coerced to boolean by PostgreSQL 15)
    dml._clause(ctx, "JOIN conditions")
    ctx.no_sets = "JOIN conditions"
    on = resolve_expr(node.on, level, ctx)
    if isinstance(on, q.TLiteral) and on.kind == "null":
        on = q.TLiteral("boolean", "false", q.BOOL, on.location)
    if on.type != q.BOOL:
        raise feature_not_supported("MERGE … ON with a condition of type "
                                    "other than boolean", pos(_at(node.on)))
    on = dml._analysed(dml._finish(ctx, on))
    actions = []
    for clause in node.clauses:
        target.rel_visible = target.cols_visible = clause.matched
        actions.append(_action(clause, table, level, ctx))
    target.rel_visible = target.cols_visible = True
    ctx.no_sets = None
    for i, clause in enumerate(node.clauses):  # the rewriter, per action
        if clause.action == "update":
            dml._rewrite_checks(table, actions[i].assignments)
        elif clause.action == "insert":
            actions[i] = _identity(clause, table, actions[i])
    defaults = tuple(dml.column_default(c, ctx) for c in table.columns)
    return d.ResolvedMerge(table.name, source, on, tuple(actions), defaults,
                           dml._generation(table, ctx))


def _at(expr: object) -> int:
    return getattr(expr, "location", -1)


def _reachable(clauses: Sequence[d.MergeWhen]) -> None:
    terminal = {True: False, False: False}
    for clause in clauses:
        if terminal[clause.matched]:
            raise syntax_error("unreachable WHEN clause specified after "
                               "unconditional WHEN clause")
        if clause.condition is None:
            terminal[clause.matched] = True


def _target(catalog: Catalog, ref: d.TableRef, ctx: TypingContext) -> Table:
    name = catalog.table_named(ref.names, ctx.search_path)
    view = catalog.view(name)
    if view is not None:
        kind = "materialized views" if view.materialized else "views"
        raise SqlError(FEATURE_NOT_SUPPORTED, "cannot execute MERGE on relation "
                                     f'"{view.name.name}"',
                                     detail=f"This operation is not supported for {kind}.")
    table = catalog.table(name)
    if table is None:
        raise relation_does_not_exist(".".join(ref.names),
                                      position=pos(ref.location))
    return table


def _join(table: Table, node: d.Merge, reads: WriteReads
          ) -> tuple[Level, Item, object]:
    """The level of the target row followed by the source row: the source
    is analysed before the target joins the namespace, then the two names
    must differ."""
    resolver = reads.resolver
    level = Level(resolver, None, False)
    alias = node.table.alias
    refname = alias or table.name.name
    entry = Entry(refname, [c.name for c in table.columns], [
        q.TColumn(i, c.name, q.ResultType.of(c.type))
        for i, c in enumerate(table.columns)], aliased=alias is not None,
        table=table.name, catalog_table=table)
    level.rtable.append(entry)
    target = Item(entry, rel_visible=False, cols_visible=False)
    level.namespace.append(target)
    source = resolver.from_clause([node.source], level,
                                  offset=len(table.columns))
    added = level.rtable[-1] if len(level.rtable) > 1 else None
    if added is not None and added.refname == refname:
        raise duplicate_alias(f'name "{refname}" specified more than once',
                              detail="The name is used both as MERGE target table "
                              "and data source.")
    target.rel_visible = target.cols_visible = True
    return level, target, source


def _action(clause: d.MergeWhen, table: Table, level: Level,
            ctx: TypingContext) -> d.MergeAction:
    condition = None
    if clause.condition is not None:
        dml._clause(ctx, "MERGE WHEN conditions")
        ctx.no_sets = "MERGE WHEN conditions"
        condition = dml._analysed(dml._finish(ctx, coerce_to_boolean(
            resolve_expr(clause.condition, level, ctx), "WHEN", ctx)))
    ctx.no_sets = None
    if clause.action == "update":
        ctx.no_sets = "UPDATE"
        return d.MergeAction(clause.matched, "update", condition,
                             assignments=dml._assignments(
                                 clause.assignments, table, level, ctx))
    if clause.action == "insert":
        return d.MergeAction(clause.matched, "insert", condition,
                             values=_insert_row(clause, table, level, ctx))
    return d.MergeAction(clause.matched, clause.action, condition)


def _insert_row(clause: d.MergeWhen, table: Table, level: Level,
                ctx: TypingContext) -> tuple[tuple[int, object], ...]:
    """checkInsertTargets, the VALUES row's expressions, transformInsertRow."""
    if clause.columns is None:
        slots = list(range(len(table.columns)))
        locations = [-1] * len(slots)
    else:
        slots, locations = [], list(clause.column_locations)
        for name, location, indirect in zip(
                clause.columns, locations, clause.column_indirection):
            column = dml._column_of(table, name, location)
            if indirect:
                raise dml._indirection(column, indirect, location)
            slot = table.slot(column.name)
            if slot in slots:
                raise column_specified_more_than_once(name,
                                                      position=pos(location))
            slots.append(slot)
    if clause.values is None:  # DEFAULT VALUES
        return ()
    dml._clause(ctx, "VALUES")
    typed = [None if isinstance(v, s.SetToDefault)
             else resolve_expr(v, level, ctx) for v in clause.values]
    row = clause.values
    if len(row) > len(slots):
        raise syntax_error("INSERT has more expressions than target "
                           "columns", position=pos(dml._location(row[len(slots)])))
    if clause.columns is not None and len(row) < len(slots):
        raise syntax_error("INSERT has more target columns than "
                           "expressions", position=pos(locations[len(row)]))
    out = []
    for item, value, slot in zip(row, typed, slots):
        if value is not None and _set_call(value):
            raise feature_not_supported("a set-returning function in MERGE … "
                                        "INSERT VALUES", pos(dml._location(item)))
        if value is None:
            out.append((slot, None))
            continue
        out.append((slot, dml._analysed(dml._finish(ctx, dml.assign(
            value, table.columns[slot], ctx, dml._location(item))))))
    return tuple(out)


def _identity(clause: d.MergeWhen, table: Table,
              action: d.MergeAction) -> d.MergeAction:
    """rewriteTargetListIU for an INSERT action: identity ALWAYS refuses a
    value unless OVERRIDING SYSTEM VALUE; OVERRIDING USER VALUE drops the
    values given for identity columns."""
    values = action.values
    if clause.overriding == "user":
        values = tuple((slot, None if table.columns[slot].identity else v)
                       for slot, v in values)
    elif clause.overriding is None:
        for slot, value in sorted(values, key=lambda item: item[0]):
            column = table.columns[slot]
            if column.identity == "always" and value is not None:
                raise dml.identity_always(column.name)
    for slot, value in sorted(values, key=lambda item: item[0]):
        column = table.columns[slot]
        if column.generated and value is not None:
            raise dml.generated_insert(column.name)
    return d.MergeAction(action.matched, action.action, action.condition,
                         values=values)


def _set_call(expr: object) -> bool:
    """Does a set-returning call appear outside any subquery?"""
    if isinstance(expr, TSetCall):
        return True
    return any(_set_call(c) for c in children(expr)
               if not isinstance(c, TSubquery))
