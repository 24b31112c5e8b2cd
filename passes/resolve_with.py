"""Resolve stage of WITH on a whole statement: a write's WITH list, and
a SELECT's when it holds data-modifying queries (INSERT/UPDATE/DELETE …
RETURNING inside WITH).

PostgreSQL analyses the WITH list first (transformWithClause), in order:
each query sees the ones before it (all of them under RECURSIVE), and the
main statement sees them all, from any depth (FROM, USING, INSERT …
SELECT, sub-selects, VALUES, RETURNING). Here the list goes into the read
path's `root` level, which every level of the statement falls back to
when it looks a WITH name up. A read-only query is inlined where it is
read, as the read path does for a SELECT's own WITH; a data-modifying one
is resolved by `resolve_dml` and read as a `CteScan` of its RETURNING
rows, which `execute_with` produces by running the write once (when first
read, else after the main statement, as PostgreSQL's
ExecPostprocessPlan does). A data-modifying query below the top level is
the read path's 0A000 "WITH clause containing a data-modifying statement
must be at the top level".
"""

from __future__ import annotations

import dataclasses
from typing import Any

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, invalid_recursion, syntax_error,
)
from twinning.ir import dml as d
from twinning.ir import select as r
from twinning.passes.expr import TypingContext
from twinning.passes.expr.analyze import pos
from twinning.passes.read_syntax import cte_columns, mentions
from twinning.passes.resolve_dml import resolve_write
from twinning.passes.resolve_merge import resolve_merge
from twinning.passes.resolve_select import Level, WriteReads

__all__ = ["has_modifying", "resolve_with"]

_MODIFYING = (d.Insert, d.Update, d.Delete, d.Merge)


def has_modifying(query: r.Query) -> bool:
    """Does a SELECT's own WITH list hold a data-modifying query?"""
    return any(isinstance(cte.query, _MODIFYING) for cte in query.with_)


def resolve_with(node: Any, catalog: Any, ctx: TypingContext) -> Any:
    """A statement with a WITH list: a `dml.ResolvedWith` (a SELECT only
    when the list holds data-modifying queries; read-only WITH queries are
    inlined where they are read)."""
    reads = WriteReads(catalog, ctx)
    resolver = reads.resolver
    root = resolver.root = Level(resolver, None, False)
    writes: list[d.CteWrite] = []

    def modifying(cte: r.CommonTable):
        statement = cte.query
        if isinstance(statement, d.Merge):
            raise SqlError(FEATURE_NOT_SUPPORTED, "MERGE not supported in WITH query",
                                         position=pos(cte.location))
        if cte.recursive and mentions(statement, cte.name):
            raise invalid_recursion(f'recursive query "{cte.name}" must not '
                                    "contain data-modifying statements",
                                    position=pos(cte.location))
        saved, outer = ctx.kind, resolver.root
        ctx.kind = type(statement).__name__.upper()
        try:
            if statement.with_:  # its own WITH list, seen by it alone
                level = Level(resolver, outer, False)
                resolver.with_list(statement.with_, level)
                resolver.root = level
                statement = dataclasses.replace(statement, with_=())
            resolved = resolve_write(statement, catalog, ctx, reads)
        finally:
            ctx.kind, resolver.root = saved, outer
        key = len(writes) + 1
        columns = tuple(r.RelColumn(c.name, c.expr.type)
                        for c in resolved.returning)
        columns = cte_columns(cte, columns)
        writes.append(d.CteWrite(cte.name, key, resolved))
        return r.CteScan(cte.name, key, columns,
                         bool(resolved.returning)), columns

    resolver.modifying = modifying
    if isinstance(node, d.Merge) and any(c.recursive for c in node.with_):
        raise syntax_error("WITH RECURSIVE is not supported for MERGE "
                           "statement")
    resolver.with_list(node.with_, root)
    main = dataclasses.replace(node, with_=())
    if isinstance(node, r.Query):
        resolver.top = main  # the one level FOR UPDATE/SHARE may lock
        relation, columns = resolver.query(main, None, False)
        resolved: Any = r.ResolvedQuery(ctx.finish(relation), columns,
                                        ctx.final_param_types())
    elif isinstance(node, d.Merge):
        resolved = resolve_merge(main, catalog, ctx, reads)
    else:
        resolved = resolve_write(main, catalog, ctx, reads)
    if not writes and isinstance(node, r.Query):
        return resolved
    # a write's WITH queries read the statement's snapshot even when they
    # are read after it has written (in RETURNING, say): `execute_with`
    return d.ResolvedWith(tuple(writes), resolved,
                          getattr(resolved, "table", None))

