"""Resolve stage for write statements: DML syntax → `ResolvedWrite`.

Binds the target table and columns against the catalog and types every
value with the expression layer, as PostgreSQL's transformInsertStmt /
transformUpdateStmt / transformDeleteStmt do: VALUES items are coerced to
their column's type one by one (assignment coercion, 42804 when none
exists), `DEFAULT` stays a marker for the column default, identity columns
refuse explicit values (428C9), ON CONFLICT finds its arbiter indexes
(42P10 when none matches), RETURNING sees the table's row. Errors carry
PostgreSQL's SQLSTATE, message and position.

Pure: nothing here runs a value; the plan stage compiles, the session
executes against the store.
"""

from __future__ import annotations

from typing import Sequence

from twinning.errors import SqlError
from twinning.ir import dml as d
from twinning.ir import query as q
from twinning.ir import syntax as s
from twinning.ir.catalog import Catalog, Column, QName, Table
from twinning.ir.types import SqlType
from twinning.passes.expr import (EmptyScope, TableScope, TypingContext,
                                  coerce_to_boolean, figure_colname,
                                  resolve_expr, resolve_target)
from twinning.passes.expr.analyze import can_coerce_expr, coerce_to_type, pos
from twinning.passes.expr.scope import ColumnBinding
from twinning.passes.expr.types import display_type

__all__ = ["resolve_write", "column_default"]

_EMPTY = EmptyScope()


def _no_aggregates(call: s.FuncCall, scope: object, ctx: TypingContext) -> object:
    raise SqlError("42803", f"aggregate functions are not allowed in {ctx.kind}",
                   position=pos(call.location))


def _clause(ctx: TypingContext, kind: str) -> TypingContext:
    """Name the clause being typed (for messages like 42803's)."""
    ctx.kind = kind
    ctx.aggregate = _no_aggregates
    return ctx


def resolve_write(node: d.WriteStatement, catalog: Catalog,
                  ctx: TypingContext) -> d.ResolvedWrite:
    if isinstance(node, d.Insert):
        return _insert(node, catalog, ctx)
    if isinstance(node, d.Update):
        return _update(node, catalog, ctx)
    if isinstance(node, d.Delete):
        return _delete(node, catalog, ctx)
    if isinstance(node, d.Copy):
        return _copy(node, catalog, ctx)
    if isinstance(node, d.Truncate):
        # PostgreSQL reports no position for TRUNCATE's relations
        return d.ResolvedTruncate(
            tuple(_table(catalog, t, located=False).name for t in node.tables),
            node.restart_identity, node.cascade)
    raise TypeError(type(node).__name__)


def _table(catalog: Catalog, ref: d.TableRef, located: bool = True) -> Table:
    schema = ref.names[0] if len(ref.names) > 1 else "public"
    table = catalog.table(QName(schema, ref.names[-1]))
    if table is None:
        raise SqlError("42P01", f'relation "{".".join(ref.names)}" does not '
                       "exist", position=pos(ref.location) if located else None)
    return table


def _column_of(table: Table, name: str, location: int) -> Column:
    column = table.column(name)
    if column is None:
        raise SqlError("42703", f'column "{name}" of relation '
                       f'"{table.name.name}" does not exist',
                       position=pos(location))
    return column


def column_default(column: Column, ctx: TypingContext) -> object | None:
    """The column's default as a typed expression (or a sequence draw)."""
    if column.sequence is not None:
        return d.SequenceDefault(column.sequence)
    if column.default is None:
        return None
    default = column.default
    if isinstance(default, s.FuncCall) and default.name[-1] == "nextval":
        arg = default.args[0]
        while isinstance(arg, s.Cast):
            arg = arg.arg
        parts = tuple((arg.text or "").split("."))
        return d.SequenceDefault(QName(parts[0] if len(parts) > 1 else "public",
                                       parts[-1]))
    typed = resolve_expr(default, _EMPTY, TypingContext(kind="DEFAULT"))
    return coerce_to_type(typed, q.ResultType.of(column.type), ctx, "a")


def assign(expr: object, column: Column, ctx: TypingContext,
           location: int) -> object:
    """Assignment coercion of a value to its column (transformAssignedExpr)."""
    target = q.ResultType.of(column.type)
    if not can_coerce_expr(expr, target, "a"):
        bare = q.ResultType.of(SqlType(column.type.name, -1, column.type.is_array))
        raise SqlError("42804", f'column "{column.name}" is of type '
                       f"{display_type(bare)} but expression is of type "
                       f"{display_type(expr.type)}",
                       hint="You will need to rewrite or cast the expression.",
                       position=pos(location))
    if target.typmod < 0:
        return coerce_to_type(expr, target, ctx, "a", location)
    # The input function runs at the value (its errors point there); the
    # length/precision coercion runs on the stored value, without a position.
    bare = q.ResultType.of(SqlType(column.type.name, -1, column.type.is_array))
    return q.TCast(coerce_to_type(expr, bare, ctx, "a", location), target, -1,
                   False)


class _ValuesScope(EmptyScope):
    """VALUES items see no columns; naming the target's column gets
    PostgreSQL's hint that it exists but cannot be referenced here."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def lookup(self, parts: tuple[str, ...], location: int) -> ColumnBinding:
        try:
            return super().lookup(parts, location)
        except SqlError as exc:
            if len(parts) == 1 and self.table.column(parts[0]) is not None:
                exc.hint = (f'There is a column named "{parts[0]}" in table '
                            f'"{self.table.name.name}", but it cannot be '
                            "referenced from this part of the query.")
            raise


def _returning(targets: Sequence[d.ReturnTarget], scope: TableScope,
               table: Table, ctx: TypingContext) -> tuple[d.OutputColumn, ...]:
    _clause(ctx, "RETURNING")
    out = []
    for target in targets:
        expr = target.expr
        if isinstance(expr, s.ColumnRef) and expr.star:
            for i, column in enumerate(table.columns):
                out.append(d.OutputColumn(column.name, q.TColumn(
                    i, column.name, q.ResultType.of(column.type))))
            continue
        typed = resolve_target(expr, scope, ctx)
        out.append(d.OutputColumn(target.alias or figure_colname(expr),
                                  ctx.finish(typed)))
    return tuple(out)


# ------------------------------------------------------------------ INSERT

def _insert(node: d.Insert, catalog: Catalog, ctx: TypingContext) -> d.ResolvedInsert:
    table = _table(catalog, node.table)
    if node.columns is None:
        slots = list(range(len(table.columns)))
        locations = [-1] * len(slots)
    else:
        slots, locations = [], list(node.column_locations or
                                    [-1] * len(node.columns))
        for name, location in zip(node.columns, locations):
            column = _column_of(table, name, location)
            slot = column.attnum - 1
            if slot in slots:
                raise SqlError("42701", f'column "{name}" specified more than '
                               "once", position=pos(location))
            slots.append(slot)
    if isinstance(node.source, d.QuerySource):
        raise SqlError("0A000", "INSERT … SELECT is not supported by twinning "
                       "yet", position=pos(node.source.location))
    rows: list[tuple[object, ...]] = []
    if isinstance(node.source, d.DefaultValues):
        slots = []
        rows.append(())
    else:
        rows = _values(node.source, table, slots, locations,
                       node.columns is not None, ctx)
        if node.columns is None and rows:
            slots = slots[:len(rows[0])]
    if node.overriding == "user":  # supplied identity values are ignored
        rows = [tuple(None if table.columns[slot].identity else value
                      for slot, value in zip(slots, row)) for row in rows]
    elif node.overriding is None:
        for slot in slots:
            column = table.columns[slot]
            if column.identity == "always" and any(
                    row[slots.index(slot)] is not None for row in rows):
                raise SqlError(
                    "428C9", "cannot insert a non-DEFAULT value into column "
                    f'"{column.name}"',
                    detail=f'Column "{column.name}" is an identity column '
                    "defined as GENERATED ALWAYS.",
                    hint="Use OVERRIDING SYSTEM VALUE to override.")
    defaults = tuple(column_default(c, ctx) for c in table.columns)
    scope = TableScope(table, node.table.alias)
    conflict = _on_conflict(node.on_conflict, table, catalog, node.table.alias,
                            ctx) if node.on_conflict else None
    returning = _returning(node.returning, scope, table, ctx)
    return d.ResolvedInsert(table.name, tuple(slots), tuple(rows), defaults,
                            conflict, returning)


def _values(values: d.Values, table: Table, slots: list[int],
            locations: list[int], explicit: bool,
            ctx: TypingContext) -> list[tuple[object, ...]]:
    scope = _ValuesScope(table)
    _clause(ctx, "VALUES")
    width = len(values.rows[0])
    out = []
    for row in values.rows:
        if len(row) != width:
            raise SqlError("42601", "VALUES lists must all be the same length",
                           position=pos(_location(row[0])))
        if len(row) > len(slots):
            raise SqlError("42601", "INSERT has more expressions than target "
                           "columns", position=pos(_location(row[len(slots)])))
        if explicit and len(row) < len(slots):
            raise SqlError("42601", "INSERT has more target columns than "
                           "expressions", position=pos(locations[len(row)]))
        typed_row = []
        for item, slot in zip(row, slots):
            if isinstance(item, s.SetToDefault):
                typed_row.append(None)
                continue
            typed = resolve_expr(item, scope, ctx)
            typed_row.append(ctx.finish(assign(typed, table.columns[slot], ctx,
                                               _location(item))))
        out.append(tuple(typed_row))
    return out


def _location(node: object) -> int:
    """exprLocation(): a cast is located at its leftmost part."""
    here = getattr(node, "location", -1)
    if isinstance(node, s.Cast):
        inner = _location(node.arg)
        return min((x for x in (here, inner) if x >= 0), default=-1)
    return here


class _ConflictScope(TableScope):
    """The target's row (slots 0..n-1) and EXCLUDED's (slots n..2n-1)."""

    def lookup(self, parts: tuple[str, ...], location: int) -> ColumnBinding:
        if len(parts) == 2 and parts[0] == "excluded":
            found = super().lookup(parts[1:], location)
            return ColumnBinding(found.slot + len(self.table.columns),
                                 found.type, found.name)
        return super().lookup(parts, location)


def _on_conflict(clause: d.OnConflict, table: Table, catalog: Catalog,
                 alias: str | None, ctx: TypingContext) -> d.ResolvedConflict:
    indexes = [i for i in catalog.indexes_of(table.name) if i.unique]
    if clause.constraint is not None:
        owned = [k for k in table.constraints if k.name == clause.constraint]
        if not owned:
            raise SqlError("42704", f'constraint "{clause.constraint}" for table '
                           f'"{table.name.name}" does not exist')
        arbiters = tuple(i.name.name for i in indexes
                         if i.constraint == clause.constraint)
        if not arbiters:
            raise SqlError("42809", "constraint in ON CONFLICT clause has no "
                           "associated index")
    elif clause.columns:
        for name in clause.columns:
            _column_of(table, name, clause.location)
        wanted = set(clause.columns)
        arbiters = tuple(i.name.name for i in indexes if set(i.columns) == wanted)
        if not arbiters:
            raise SqlError("42P10", "there is no unique or exclusion constraint "
                           "matching the ON CONFLICT specification")
    elif clause.action == "update":
        raise SqlError("42601", "ON CONFLICT DO UPDATE requires inference "
                       "specification or constraint name",
                       hint="For example, ON CONFLICT (column_name).",
                       position=pos(clause.location))
    else:
        arbiters = tuple(i.name.name for i in indexes)
    if clause.action == "nothing":
        return d.ResolvedConflict("nothing", arbiters)
    scope = _ConflictScope(table, alias)
    assignments = _assignments(clause.assignments, table, scope, ctx)
    where = None
    if clause.where is not None:
        where = ctx.finish(coerce_to_boolean(
            resolve_expr(clause.where, scope, ctx), "WHERE", ctx))
    return d.ResolvedConflict("update", arbiters, assignments, where)


def _assignments(assignments: Sequence[d.Assignment], table: Table,
                 scope: TableScope, ctx: TypingContext
                 ) -> tuple[tuple[int, object], ...]:
    out: list[tuple[int, object]] = []
    seen: set[int] = set()
    _clause(ctx, "UPDATE")
    for a in assignments:
        column = _column_of(table, a.column, a.location)
        slot = column.attnum - 1
        if slot in seen:
            raise SqlError("42601", f'multiple assignments to same column '
                           f'"{a.column}"')
        seen.add(slot)
        if isinstance(a.expr, s.SetToDefault):
            out.append((slot, None))
            continue
        if column.identity == "always":
            raise SqlError("428C9", f'column "{column.name}" can only be '
                           "updated to DEFAULT",
                           detail=f'Column "{column.name}" is an identity column '
                           "defined as GENERATED ALWAYS.")
        typed = resolve_expr(a.expr, scope, ctx)
        out.append((slot, ctx.finish(assign(typed, column, ctx,
                                            _location(a.expr)))))
    return tuple(out)


# ------------------------------------------------------------ UPDATE, DELETE

def _where(where: s.Expr | None, scope: TableScope,
           ctx: TypingContext) -> object | None:
    if where is None:
        return None
    _clause(ctx, "WHERE")
    return ctx.finish(coerce_to_boolean(resolve_expr(where, scope, ctx),
                                        "WHERE", ctx))


def _update(node: d.Update, catalog: Catalog, ctx: TypingContext) -> d.ResolvedUpdate:
    table = _table(catalog, node.table)
    if node.from_:
        raise SqlError("0A000", "UPDATE … FROM is not supported by twinning yet")
    scope = TableScope(table, node.table.alias)
    assignments = _assignments(node.assignments, table, scope, ctx)
    where = _where(node.where, scope, ctx)
    defaults = tuple(column_default(c, ctx) for c in table.columns)
    return d.ResolvedUpdate(table.name, assignments, defaults, where,
                            _returning(node.returning, scope, table, ctx))


def _delete(node: d.Delete, catalog: Catalog, ctx: TypingContext) -> d.ResolvedDelete:
    table = _table(catalog, node.table)
    if node.using:
        raise SqlError("0A000", "DELETE … USING is not supported by twinning yet")
    scope = TableScope(table, node.table.alias)
    return d.ResolvedDelete(table.name, _where(node.where, scope, ctx),
                            _returning(node.returning, scope, table, ctx))


# ------------------------------------------------------------------ COPY

def _copy(node: d.Copy, catalog: Catalog, ctx: TypingContext) -> d.ResolvedCopy:
    """PostgreSQL names no position for COPY's relation or columns."""
    table = _table(catalog, node.table, located=False)
    if node.columns is None:
        slots = list(range(len(table.columns)))
    else:
        slots = []
        for name in node.columns:
            slot = _column_of(table, name, -1).attnum - 1
            if slot in slots:
                raise SqlError("42701", f'column "{name}" specified more than '
                               "once")
            slots.append(slot)
    defaults = tuple(column_default(c, ctx) for c in table.columns)
    return d.ResolvedCopy(table.name, tuple(slots), node.direction,
                          node.options, defaults)
