"""Resolve stage for write statements: DML syntax → `ResolvedWrite`.

Binds the target table and columns against the catalog and types every
value with the expression layer, as PostgreSQL's transformInsertStmt /
transformUpdateStmt / transformDeleteStmt do: VALUES items are coerced to
their column's type one by one (assignment coercion, 42804 when none
exists), `DEFAULT` stays a marker for the column default, identity columns
refuse explicit values (428C9), ON CONFLICT finds its arbiter indexes
(42P10 when none matches), RETURNING sees the table's row. Errors carry
PostgreSQL's SQLSTATE, message and position, and come in parse analysis'
order: UPDATE types WHERE, RETURNING, then SET (every SET expression, then
each target column); INSERT its VALUES, ON CONFLICT, then RETURNING; the
rewriter's checks (a column SET twice, identity ALWAYS) come last. A
literal's input function runs at analysis time in PostgreSQL, so clauses
analysed before a later one are compiled here once (`_analysed`) to raise
those errors in the same order. Column references go through
`_WriteScope` (the statement's range table: the target, EXCLUDED).

Many-row VALUES (a bulk `execute_values` page) type their constant items
by shape (`_LiteralShapes`): the first literal of each kind in a column is
typed the general way, the rest reuse its chain of casts.

Pure: nothing here runs a value; the plan stage compiles, the session
executes against the store.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import replace
from typing import Any, Sequence

from twinning.deferred import deferred
from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, ambiguous_column,
    column_of_relation_does_not_exist, column_specified_more_than_once,
    datatype_mismatch, feature_not_supported, generated_always, grouping_error,
    invalid_column_reference, missing_from_entry, relation_does_not_exist,
    syntax_error, undefined_object, undefined_table, wrong_object_type,
)
from twinning.ir import dml as d
from twinning.ir import query as q
from twinning.ir import syntax as s
from twinning.ir.catalog import Catalog, Column, QName, Table
from twinning.ir.types import SqlType
from twinning.values.identifiers import parse_qualified
from twinning.passes.expr import (EmptyScope, TypingContext,
                                  coerce_to_boolean, figure_colname,
                                  resolve_expr, resolve_target,
                                  type_index_predicate)
from twinning.passes.expr.analyze import (can_coerce_expr, coerce_to_domain,
                                          coerce_to_type,
                                          literal_type, pos)
from twinning.ir.select import Project, RelColumn, ResolvedQuery
from twinning.passes.expr.scope import ColumnBinding, column_not_found
from twinning.passes.plan_select import compile_read
from twinning.passes import generated
from twinning.passes.expr.records import whole_row
from twinning.passes.resolve_select import WriteReads
from twinning.passes.expr.types import display, display_type, key

# COPY's options are checked by its format module, loaded with the first COPY
copy_format = deferred("twinning.copy_format", globals(), "copy_format")

__all__ = ["resolve_write", "column_default"]

_EMPTY = EmptyScope()


def _no_aggregates(call: s.FuncCall, scope: object, ctx: TypingContext) -> object:
    raise grouping_error(f"aggregate functions are not allowed in {ctx.kind}",
                         position=pos(call.location))


def _clause(ctx: TypingContext, kind: str) -> TypingContext:
    """Name the clause being typed (for messages like 42803's)."""
    ctx.kind = kind
    ctx.aggregate = _no_aggregates
    return ctx


def resolve_write(node: d.WriteStatement, catalog: Catalog,
                  ctx: TypingContext, reads: WriteReads | None = None
                  ) -> d.ResolvedWrite:
    """`reads`: the statement's (a WITH query's), whose WITH list it sees.

    A statement with sub-selects outside WHERE (RETURNING, SET, VALUES,
    ON CONFLICT) comes back as a `ResolvedWith` of no WITH queries: the
    executor then runs it over the statement's snapshot
    (`execute_with`), so a sub-select evaluated after a row was written
    still reads the rows as they were when the statement started, as
    every PostgreSQL sub-select does. WHERE's run before any write."""
    token = _CATALOG.set(catalog)  # the target's row type, for `RETURNING t`
    try:
        return _resolve_write(node, catalog, ctx, reads)
    finally:
        _CATALOG.reset(token)


_CATALOG: ContextVar[Catalog | None] = ContextVar("write_catalog", default=None)


def _resolve_write(node: d.WriteStatement, catalog: Catalog,
                   ctx: TypingContext, reads: WriteReads | None
                   ) -> d.ResolvedWrite:
    if reads is not None:
        return _resolve(node, catalog, ctx, reads)
    reads = WriteReads(catalog, ctx)  # subqueries, FROM/USING, INSERT … SELECT
    hook, seen = ctx.sublink, []

    def sublink(node: Any, scope: Any, ctx: TypingContext) -> Any:
        if ctx.kind != "WHERE":
            seen.append(node)
        return hook(node, scope, ctx)
    ctx.sublink = sublink
    resolved = _resolve(node, catalog, ctx, reads)
    if seen and isinstance(resolved, (d.ResolvedInsert, d.ResolvedUpdate,
                                      d.ResolvedDelete)):
        return d.ResolvedWith((), resolved, resolved.table)
    return resolved


def _resolve(node: d.WriteStatement, catalog: Catalog, ctx: TypingContext,
             reads: WriteReads) -> d.ResolvedWrite:
    if isinstance(node, d.Insert):
        return _insert(node, catalog, ctx, reads)
    if isinstance(node, d.Update):
        return _update(node, catalog, ctx, reads)
    if isinstance(node, d.Delete):
        return _delete(node, catalog, ctx, reads)
    if isinstance(node, d.Copy):
        return _copy(node, catalog, ctx)
    if isinstance(node, d.Truncate):
        # PostgreSQL reports no position for TRUNCATE's relations
        names = tuple(_table(catalog, t, False, ctx.search_path,
                             "truncate").name for t in node.tables)
        return d.ResolvedTruncate(
            names, node.restart_identity, node.cascade,
            tuple(n for n, t in zip(names, node.tables) if t.only))
    raise TypeError(type(node).__name__)


def _table(catalog: Catalog, ref: d.TableRef, located: bool = True,
           search_path: tuple[str, ...] = ("public",), action: str = "") -> Table:
    name = catalog.table_named(ref.names, search_path)
    view = catalog.view(name)
    if view is not None:
        raise _not_writable(view, action)
    table = catalog.table(name)
    if table is None:
        raise relation_does_not_exist(".".join(ref.names),
                                      position=pos(ref.location) if located else None)
    return table


def _not_writable(view: Any, action: str) -> SqlError:
    """A view or materialized view as the target of a write (PostgreSQL's
    CheckValidResultRel, truncate_check_rel and COPY's checks); updating
    through a simple view is not supported by the twin."""
    kind = "materialized view" if view.materialized else "view"
    name = view.name.name
    if action == "truncate":
        return wrong_object_type(f'"{name}" is not a table')
    if action == "copy from":
        return wrong_object_type(f'cannot copy to {kind} "{name}"', hint=None
                                 if view.materialized else "To enable copying to a view, "
                                 "provide an INSTEAD OF INSERT trigger.")
    if action == "copy to":
        return wrong_object_type(f'cannot copy from {kind} "{name}"',
                                 hint="Try the COPY (SELECT ...) TO variant.")
    if view.materialized:
        return wrong_object_type(f'cannot change materialized view "{name}"')
    return feature_not_supported(f'{action.upper()} on view "{name}"')


def _column_of(table: Table, name: str, location: int) -> Column:
    column = table.column(name)
    if column is None:
        raise column_of_relation_does_not_exist(name, table.name.name,
                                                position=pos(location))
    return column


def column_default(column: Column, ctx: TypingContext,
                   copy: bool = False) -> object | None:
    """The column's default as a typed expression (or a sequence draw); a
    column of a domain without one has the domain's, or (but for COPY) a
    NULL coerced to the domain when that has NOT NULL
    (build_column_default, expand_targetlist)."""
    if column.sequence is not None:
        return d.SequenceDefault(column.sequence)
    if column.generated:  # computed from the row (`_generation`)
        return None
    default = column.default
    if default is None:
        domain = column.type.domain
        if domain is None or column.type.is_array:
            return None
        if domain.default is None:
            return None if copy or not domain.any_not_null() else \
                coerce_to_domain(q.TLiteral("null", None, q.ResultType.of(
                    column.type.without_domain)), q.ResultType.of(column.type))
        default = domain.default
    if isinstance(default, s.FuncCall) and default.name[-1] == "nextval":
        arg = default.args[0]
        while isinstance(arg, s.Cast):
            arg = arg.arg
        parts = parse_qualified(arg.text or "")
        return d.SequenceDefault(QName(parts[0] if len(parts) > 1 else "public",
                                       parts[-1]))
    typed = resolve_expr(default, _EMPTY, TypingContext(kind="DEFAULT"))
    return assign(typed, column, ctx, -1)  # a length check runs per row


def _finish(ctx: TypingContext, expr: object) -> object:
    """`ctx.finish`, skipped when the statement has no parameters: the walk
    only retypes `$n`, and it dominates planning a 1000-row VALUES."""
    return ctx.finish(expr) if ctx.params else expr


def assign(expr: object, column: Column, ctx: TypingContext,
           location: int) -> object:
    """Assignment coercion of a value to its column (transformAssignedExpr);
    a domain's constraints checked after the base type's coercion."""
    if column.type.domain is not None:
        return coerce_to_domain(assign(expr, _base_column(column), ctx,
                                       location), q.ResultType.of(column.type))
    target = q.ResultType.of(column.type)
    if not can_coerce_expr(expr, target, "a"):
        bare = q.ResultType.of(SqlType(column.type.name, -1, column.type.is_array))
        raise datatype_mismatch(f'column "{column.name}" is of type '
                                f"{display_type(bare)} but expression is of type "
                                f"{display(key(expr.type))}",
                                hint="You will need to rewrite or cast the expression.",
                                position=pos(location))
    if target.typmod < 0:
        return coerce_to_type(expr, target, ctx, "a", location)
    # The input function runs at the value (its errors point there); the
    # length/precision coercion runs on the stored value, without a position.
    bare = q.ResultType.of(SqlType(column.type.name, -1, column.type.is_array))
    return q.TCast(coerce_to_type(expr, bare, ctx, "a", location), target, -1,
                   False)


def _base_column(column: Column) -> Column:
    """The column as if of its domain's base type (for the coercion)."""
    return replace(column, type=column.type.without_domain)


class _Entry:
    """One range-table entry of a write statement: the target table (under
    its alias, if any) or EXCLUDED; its columns start at `offset` in the
    row compiled expressions receive."""

    __slots__ = ("refname", "table", "alias", "offset", "columns")

    def __init__(self, table: Table, alias: str | None, offset: int = 0,
                 refname: str | None = None) -> None:
        self.table = table
        self.alias = alias
        self.refname = refname or alias or table.name.name
        self.offset = offset
        self.columns = {c.name: ColumnBinding(offset + i, q.ResultType.of(c.type),
                                              c.name)
                        for i, c in enumerate(table.columns)}

    def is_relation(self, parts: tuple[str, ...]) -> bool:
        """Does a schema-qualified `schema.table` name this entry's table
        (which only its real name, without an alias, can reference)?"""
        name = self.table.name
        return self.refname == name.name and parts == (name.schema, name.name)


class _WriteScope:
    """Column references in a write statement, with PostgreSQL's errors.

    `rtable` is every range-table entry parse analysis made (the target,
    EXCLUDED for ON CONFLICT), `visible` the ones this clause may name:
    RETURNING and UPDATE/DELETE clauses see the target, DO UPDATE sees the
    target and EXCLUDED, VALUES items see nothing. What does not resolve
    fails as errorMissingRTE and errorMissingColumn fail: "invalid
    reference to FROM-clause entry" with the alias hint, ambiguity (42702),
    and the fuzzy "Perhaps you meant …" over the whole range table."""

    def __init__(self, rtable: Sequence[_Entry], visible: Sequence[_Entry]) -> None:
        self.rtable = tuple(rtable)
        self.visible = tuple(visible)

    # -- relations
    def entry(self, qualifier: tuple[str, ...], location: int) -> _Entry:
        """The visible entry `qualifier` (`t` or `schema.t`) names."""
        for entry in self.visible:
            if (len(qualifier) == 1 and entry.refname == qualifier[0]) or \
                    (len(qualifier) == 2 and entry.is_relation(qualifier)):
                return entry
        raise self._missing_entry(qualifier, location)

    def _missing_entry(self, qualifier: tuple[str, ...], location: int) -> SqlError:
        """errorMissingRTE()."""
        relname = qualifier[-1]
        found = None
        for entry in self.rtable:
            real = entry.table.name
            if entry.refname != "excluded" and real.name == relname and (
                    len(qualifier) == 1 or real.schema == qualifier[0]):
                found = entry
                break
            if entry.refname == relname:
                found = entry
                break
        if found is None:
            return missing_from_entry(relname, position=pos(location))
        if found.alias is not None and found.alias != relname and \
                found in self.visible:
            hint = f'Perhaps you meant to reference the table alias "{found.alias}".'
        else:
            hint = (f'There is an entry for table "{found.refname}", but it '
                    "cannot be referenced from this part of the query.")
        return undefined_table("invalid reference to FROM-clause entry for "
                               f'table "{relname}"', hint=hint, position=pos(location))

    # -- columns
    def lookup(self, parts: tuple[str, ...], location: int) -> ColumnBinding:
        if len(parts) > 3:
            raise SqlError(FEATURE_NOT_SUPPORTED, "cross-database references are not "
                                         f"implemented: {'.'.join(parts)}",
                                         position=pos(location))
        name = parts[-1]
        if len(parts) > 1:
            entry = self.entry(parts[:-1], location)
            found = entry.columns.get(name)
            if found is None:
                if name in _SYSTEM_COLUMNS:
                    raise _refuse(f"system column {name}", location)
                raise self._missing_column(parts[-2], name, location)
            return found
        hits = [e.columns[name] for e in self.visible if name in e.columns]
        if len(hits) > 1:
            raise ambiguous_column(f'column reference "{name}" is ambiguous',
                                   position=pos(location))
        if not hits:
            if name in _SYSTEM_COLUMNS and self.visible:
                raise _refuse(f"system column {name}", location)
            entry = next((e for e in self.visible if e.refname == name), None)
            if entry is not None:  # the whole row (makeWholeRowVar)
                table = entry.table
                row = whole_row(_CATALOG.get(), table.name,
                                tuple(c.name for c in table.columns),
                                [q.TColumn(b.slot, b.name, b.type, location)
                                 for b in entry.columns.values()], location)
                return ColumnBinding(-1, row.type, name, row)
            raise self._missing_column(None, name, location)
        return hits[0]

    def _missing_column(self, relname: str | None, name: str,
                        location: int) -> SqlError:
        return column_not_found(relname, name, location, [
            (e.refname, list(e.columns)) for e in self.rtable])


_SYSTEM_COLUMNS = frozenset({"ctid", "xmin", "xmax", "cmin", "cmax", "tableoid"})


def _refuse(construct: str, location: int) -> SqlError:
    return SqlError(FEATURE_NOT_SUPPORTED, f"{construct} is not supported by twinning",
                                  position=pos(location))


def _returning(targets: Sequence[d.ReturnTarget], scope: _WriteScope,
               table: Table, ctx: TypingContext) -> tuple[d.OutputColumn, ...]:
    _clause(ctx, "RETURNING")
    out = []
    for target in targets:
        expr = target.expr
        if isinstance(expr, s.ColumnRef) and expr.star and \
                hasattr(scope, "star_columns"):  # target joined to FROM items
            out.extend(d.OutputColumn(n, e) for n, e in scope.star_columns(expr))
            continue
        if isinstance(expr, s.ColumnRef) and expr.star:
            if expr.parts:
                scope.entry(tuple(expr.parts), expr.location)
            for i, column in enumerate(table.columns):
                out.append(d.OutputColumn(column.name, q.TColumn(
                    i, column.name, q.ResultType.of(column.type))))
            continue
        typed = resolve_target(expr, scope, ctx)
        out.append(d.OutputColumn(target.alias or figure_colname(expr),
                                  _analysed(_finish(ctx, typed))))
    return tuple(out)


# ------------------------------------------------------------------ INSERT

def _insert(node: d.Insert, catalog: Catalog, ctx: TypingContext,
            reads: WriteReads) -> d.ResolvedInsert:
    table = _table(catalog, node.table, True, ctx.search_path, "insert")
    if node.columns is None:
        slots = list(range(len(table.columns)))
        locations = [-1] * len(slots)
    else:
        slots, locations = [], list(node.column_locations or
                                    [-1] * len(node.columns))
        indirection = node.column_indirection or ((),) * len(node.columns)
        for name, location, indirect in zip(node.columns, locations, indirection):
            column = _column_of(table, name, location)
            if indirect:
                raise _indirection(column, indirect, location)
            slot = table.slot(column.name)
            if slot in slots:
                raise column_specified_more_than_once(name,
                                                      position=pos(location))
            slots.append(slot)
    rows: list[tuple[object, ...]] = []
    query = None
    if isinstance(node.source, d.QuerySource):
        query = _insert_query(node, table, slots, locations, reads, ctx)
        slots = slots[:len(query.columns)]
    elif isinstance(node.source, d.DefaultValues):
        slots = []
        rows.append(())
    else:
        rows = _values(node.source, table, node.table.alias, slots, locations,
                       node.columns is not None, ctx)
        if node.columns is None and rows:
            slots = slots[:len(rows[0])]
    if node.on_conflict is not None or node.returning:
        # VALUES are coerced (literal input functions run) before ON
        # CONFLICT and RETURNING are analysed; without those clauses the
        # plan stage's folding comes in the same order anyway
        for row in rows:
            for item in row:
                if item is not None:
                    _analysed(item)
    defaults = tuple(column_default(c, ctx) for c in table.columns)
    target = _Entry(table, node.table.alias)
    rtable = [target]
    if node.on_conflict is not None and node.on_conflict.action == "update":
        rtable.append(_Entry(table, None, len(table.columns), "excluded"))
    conflict = _on_conflict(node.on_conflict, table, catalog,
                            _WriteScope(rtable, rtable), ctx) \
        if node.on_conflict else None
    returning = _returning(node.returning, _WriteScope(rtable, [target]),
                           table, ctx)
    # the rewriter: identity columns of the VALUES, then the DO UPDATE SET
    if node.overriding == "user":  # supplied identity values are ignored
        rows = [tuple(None if table.columns[slot].identity else value
                      for slot, value in zip(slots, row)) for row in rows]
    elif node.overriding is None:
        for slot in slots:
            column = table.columns[slot]
            if column.identity == "always" and any(
                    row[slots.index(slot)] is not None for row in rows):
                raise identity_always(column.name)
    for index, slot in enumerate(slots):
        column = table.columns[slot]
        if column.generated and (query is not None or any(
                row[index] is not None for row in rows)):
            raise generated_insert(column.name)
    if conflict is not None:
        _rewrite_checks(table, conflict.assignments)
    return d.ResolvedInsert(table.name, tuple(slots), tuple(rows), defaults,
                            conflict, returning, query,
                            _generation(table, ctx))


def generated_value(table: Table, column: Column) -> object:
    """A generated column's value over the row (ALTER TABLE ADD COLUMN
    computes it for the rows the table has)."""
    return assign(generated.typed(table, column), column,
                  TypingContext(kind="DEFAULT"), -1)


def _generation(table: Table, ctx: TypingContext) -> tuple:
    """(slot, expression) of each generated column, typed over the row
    and assigned to the column; () for most tables."""
    if not generated.has_generated(table):
        return ()
    return tuple((slot, assign(generated.typed(table, column), column, ctx, -1))
                 for slot, column in enumerate(table.columns)
                 if column.generated)


def _insert_query(node: d.Insert, table: Table, slots: list[int],
                  locations: list[int], reads: WriteReads,
                  ctx: TypingContext) -> object:
    """INSERT … SELECT: the query, each output assigned to its column."""
    relation, columns = reads.source(node.source.query)
    if len(columns) > len(slots):
        raise syntax_error("INSERT has more expressions than target "
                           "columns", position=pos(columns[len(slots)].location))
    if node.columns is not None and len(columns) < len(slots):
        raise syntax_error("INSERT has more target columns than "
                           "expressions", position=pos(locations[len(columns)]))
    _clause(ctx, "INSERT")
    # coerced where each value is computed when the query ends in a
    # projection (a literal's input error then points at the literal)
    inner = isinstance(relation, Project)
    exprs = relation.exprs if inner else [
        q.TColumn(i, c.name, c.type, c.location) for i, c in enumerate(columns)]
    coerced = tuple(_finish(ctx, assign(e, table.columns[slot], ctx,
                                        c.location))
                    for e, c, slot in zip(exprs, columns, slots))
    out = tuple(RelColumn(table.columns[slot].name, e.type)
                for e, slot in zip(coerced, slots))
    source = relation.input if inner else relation
    return ResolvedQuery(Project(source, coerced, out), out, ())


def _values(values: d.Values, table: Table, alias: str | None,
            slots: list[int], locations: list[int], explicit: bool,
            ctx: TypingContext) -> list[tuple[object, ...]]:
    scope = _WriteScope([_Entry(table, alias)], [])
    shapes = _LiteralShapes()
    _clause(ctx, "VALUES")
    width = len(values.rows[0])
    out = []
    for row in values.rows:
        if len(row) != width:
            raise syntax_error("VALUES lists must all be the same length",
                               position=pos(_location(row[0])))
        if len(row) > len(slots):
            raise syntax_error("INSERT has more expressions than target "
                               "columns", position=pos(_location(row[len(slots)])))
        if explicit and len(row) < len(slots):
            raise syntax_error("INSERT has more target columns than "
                               "expressions", position=pos(locations[len(row)]))
        typed_row = []
        for item, slot in zip(row, slots):
            if isinstance(item, s.SetToDefault):
                typed_row.append(None)
                continue
            typed = shapes.typed(item, slot)
            if typed is None:
                typed = _finish(ctx, assign(resolve_expr(item, scope, ctx),
                                            table.columns[slot], ctx,
                                            _location(item)))
                shapes.learn(item, slot, typed)
            typed_row.append(typed)
        out.append(tuple(typed_row))
    return out


class _LiteralShapes:
    """Typing of constant VALUES items by example, for many-row VALUES.

    How a literal (or `literal::type`) is coerced to its column depends on
    the literal's kind and type, the cast and the column — never on its
    text: parse analysis builds the same chain of casts over it. So the
    first item of each such shape is typed the general way, and the chain
    it produced is rebuilt around later literals of that shape (with their
    own text and locations). A 1000-row `execute_values` page then costs a
    few node constructions per item instead of a full analysis."""

    def __init__(self) -> None:
        self._chains: dict[tuple, tuple | None] = {}

    @staticmethod
    def _key(item: object, slot: int) -> tuple | None:
        if isinstance(item, s.Literal):
            return slot, item.kind, literal_type(item)
        if isinstance(item, s.Cast) and isinstance(item.arg, s.Literal) \
                and item.arg.location >= 0:
            lit = item.arg
            return (slot, lit.kind, literal_type(lit), item.type,
                    lit.location == item.location)
        return None

    def typed(self, item: object, slot: int) -> object | None:
        key = self._key(item, slot)
        chain = self._chains.get(key) if key is not None else None
        if chain is None:
            return None
        lit, cast_location = (item, -1) if isinstance(item, s.Literal) \
            else (item.arg, item.location)  # type: ignore[attr-defined]
        expr: object = q.TLiteral(lit.kind, lit.text, key[2], lit.location)
        for rtype, role, explicit in chain:
            location = lit.location if role == "literal" else \
                cast_location if role == "cast" else -1
            expr = q.TCast(expr, rtype, location, explicit)
        return expr

    def learn(self, item: object, slot: int, typed: object) -> None:
        key = self._key(item, slot)
        if key is None or key in self._chains:
            return
        lit = item if isinstance(item, s.Literal) else item.arg  # type: ignore[attr-defined]
        cast_location = getattr(item, "location", -1) if lit is not item else -1
        casts = []
        while isinstance(typed, q.TCast):
            casts.append(typed)
            typed = typed.arg
        if not (isinstance(typed, q.TLiteral) and typed.text == lit.text
                and typed.kind == lit.kind and typed.location == lit.location):
            self._chains[key] = None  # another shape: always type it fully
            return
        chain = []
        for cast in reversed(casts):
            if cast.location == lit.location and lit.location >= 0:
                role = "literal"
            elif cast.location == cast_location and cast_location >= 0:
                role = "cast"
            elif cast.location == -1:
                role = "none"
            else:
                self._chains[key] = None
                return
            chain.append((cast.type, role, cast.explicit))
        self._chains[key] = tuple(chain)


def _location(node: object) -> int:
    """exprLocation(): a cast is located at its leftmost part."""
    here = getattr(node, "location", -1)
    if isinstance(node, s.Cast):
        inner = _location(node.arg)
        return min((x for x in (here, inner) if x >= 0), default=-1)
    return here


def _on_conflict(clause: d.OnConflict, table: Table, catalog: Catalog,
                 scope: _WriteScope, ctx: TypingContext) -> d.ResolvedConflict:
    indexes = [i for i in catalog.indexes_of(table.name) if i.unique]
    if clause.constraint is not None:
        owned = [k for k in table.constraints if k.name == clause.constraint]
        if not owned:
            raise undefined_object(f'constraint "{clause.constraint}" for table '
                                   f'"{table.name.name}" does not exist')
        arbiters = tuple(i.name.name for i in indexes
                         if i.constraint == clause.constraint)
        if not arbiters:
            raise wrong_object_type("constraint in ON CONFLICT clause has no "
                                    "associated index")
    elif clause.columns:
        # each column is a ColumnRef located at the inference clause; the
        # EXCLUDED entry exists already (for the hint) but is not visible
        target = _WriteScope(scope.rtable, scope.rtable[:1])
        for name in clause.columns:
            target.lookup((name,), clause.infer_location)
        wanted = set(clause.columns)
        arbiters = _inferred(clause, table, target, ctx,
                             [i for i in indexes if set(i.columns) == wanted
                              and not i.expressions])
        if not arbiters:
            raise invalid_column_reference("there is no unique or exclusion constraint "
                                           "matching the ON CONFLICT specification")
    elif clause.action == "update":
        raise syntax_error("ON CONFLICT DO UPDATE requires inference "
                           "specification or constraint name",
                           hint="For example, ON CONFLICT (column_name).",
                           position=pos(clause.location))
    else:
        arbiters = tuple(i.name.name for i in indexes)
    if clause.action == "nothing":
        return d.ResolvedConflict("nothing", arbiters)
    assignments = _assignments(clause.assignments, table, scope, ctx)
    where = None
    if clause.where is not None:
        where = _analysed(_finish(ctx, coerce_to_boolean(
            resolve_expr(clause.where, scope, ctx), "WHERE", ctx)))
    return d.ResolvedConflict("update", arbiters, assignments, where)


def _inferred(clause: d.OnConflict, table: Table, target: _WriteScope,
              ctx: TypingContext, candidates: list) -> tuple[str, ...]:
    """infer_arbiter_indexes(): a unique index on the inferred columns is
    an arbiter when it is not partial or when the inference WHERE implies
    its predicate. The twin proves that only where each conjunct of the
    predicate is one of the WHERE's (PostgreSQL's predicate_implied_by
    proves more): any other partial candidate is refused, not guessed."""
    given: list = []
    if clause.infer_where is not None:
        typed = coerce_to_boolean(resolve_expr(clause.infer_where, target, ctx),
                                  "WHERE", ctx)
        given = _and_conjuncts(typed)
    out = []
    for index in candidates:
        if index.predicate is None:
            out.append(index.name.name)
            continue
        if not given:
            continue  # nothing implies a predicate
        wanted = _and_conjuncts(type_index_predicate(table, index.predicate))
        if all(w in given for w in wanted):
            out.append(index.name.name)
        else:
            raise feature_not_supported(
                "ON CONFLICT … WHERE that does not repeat the predicate of the "
                f'partial index "{index.name.name}"', pos(clause.infer_location))
    return tuple(out)


def _and_conjuncts(expr: object) -> list:
    if isinstance(expr, q.TBool) and expr.op == "and":
        return [c for arg in expr.args for c in _and_conjuncts(arg)]
    return [expr]


def _assignments(assignments: Sequence[d.Assignment], table: Table,
                 scope: _WriteScope, ctx: TypingContext
                 ) -> tuple[tuple[int, object], ...]:
    """transformUpdateTargetList(): every SET expression is typed first (in
    order), then each target column is looked up and the value coerced to
    it (a literal's input function runs there)."""
    _clause(ctx, "UPDATE")
    typed_items: list[object] = []
    for a in assignments:
        expr = a.expr
        if isinstance(expr, d.BadSource):
            where = _location(expr.expr) if expr.expr is not None else -1
            raise SqlError(expr.sqlstate, expr.message,
                           position=pos(where if where >= 0 else expr.location))
        typed_items.append(None if isinstance(expr, s.SetToDefault)
                           else resolve_expr(expr, scope, ctx))
    out: list[tuple[int, object]] = []
    for a, typed in zip(assignments, typed_items):
        column = _column_of(table, a.column, a.location)
        if a.indirection:
            raise _indirection(column, a.indirection, a.location)
        if typed is None:
            out.append((table.slot(column.name), None))
            continue
        out.append((table.slot(column.name), _analysed(_finish(ctx, assign(
            typed, column, ctx, _location(a.expr))))))
    return tuple(out)


def _rewrite_checks(table: Table, assignments: Sequence[tuple[int, object]]) -> None:
    """The rewriter's checks of a SET list (rewriteTargetListIU), after all
    of parse analysis: a column assigned twice (42601, no position), then a
    non-DEFAULT value for an identity ALWAYS column, in column order."""
    seen: set[int] = set()
    for slot, _ in assignments:
        if slot in seen:
            raise syntax_error(f'multiple assignments to same column '
                               f'"{table.columns[slot].name}"')
        seen.add(slot)
    for slot, value in sorted(assignments, key=lambda item: item[0]):
        column = table.columns[slot]
        if value is not None and (column.identity == "always"
                                  or column.generated):
            raise generated_always(f'column "{column.name}" can only be '
                                   "updated to DEFAULT",
                                   detail=f'Column "{column.name}" is a generated column.'
                                   if column.generated else f'Column "{column.name}" '
                                   "is an identity column defined as GENERATED ALWAYS.")


def _indirection(column: Column, first: tuple, location: int) -> SqlError:
    """Assigning to `column.field` or `column[i]` (transformAssignmentIndirection):
    PostgreSQL's error for a type that has neither; the twin does not
    assign into arrays."""
    shown = display_type(q.ResultType.of(SqlType(column.type.name, -1,
                                                 column.type.is_array)))
    if first[0] == "field":
        return datatype_mismatch(f'cannot assign to field "{first[1]}" of '
                                 f'column "{column.name}" because its type {shown} is '
                                 "not a composite type", position=pos(location))
    if not column.type.is_array:
        return datatype_mismatch(f"cannot subscript type {shown} because it "
                                 "does not support subscripting", position=pos(location))
    return SqlError(FEATURE_NOT_SUPPORTED, "assignment to an array element is not supported "
                                  "by twinning", position=pos(location))


def _analysed(expr: object) -> object:
    """Run what parse analysis runs of a typed expression: a literal's
    input function (the plan stage folds the rest), so its error comes in
    PostgreSQL's order relative to the other clauses' errors."""
    compile_read(expr)
    return expr


# ------------------------------------------------------------ UPDATE, DELETE

def _where(where: s.Expr | None, scope: _WriteScope,
           ctx: TypingContext) -> object | None:
    if where is None:
        return None
    _clause(ctx, "WHERE")
    return _analysed(_finish(ctx, coerce_to_boolean(
        resolve_expr(where, scope, ctx), "WHERE", ctx)))


def _target_scope(table: Table, alias: str | None) -> _WriteScope:
    """UPDATE and DELETE: the target is the only entry."""
    entry = _Entry(table, alias)
    return _WriteScope([entry], [entry])


def _update(node: d.Update, catalog: Catalog, ctx: TypingContext,
            reads: WriteReads) -> d.ResolvedUpdate:
    table = _table(catalog, node.table, True, ctx.search_path, "update")
    scope, from_ = _joined_scope(table, node.table.alias, node.from_, reads)
    # transformUpdateStmt: WHERE, RETURNING, then the SET list
    where = _where(node.where, scope, ctx)
    returning = _returning(node.returning, scope, table, ctx)
    assignments = _assignments(node.assignments, table, scope, ctx)
    _rewrite_checks(table, assignments)
    defaults = tuple(column_default(c, ctx) for c in table.columns)
    return d.ResolvedUpdate(table.name, assignments, defaults, where, returning,
                            from_, node.table.only, _generation(table, ctx))


def _delete(node: d.Delete, catalog: Catalog, ctx: TypingContext,
            reads: WriteReads) -> d.ResolvedDelete:
    table = _table(catalog, node.table, True, ctx.search_path, "delete")
    scope, using = _joined_scope(table, node.table.alias, node.using, reads)
    return d.ResolvedDelete(table.name, _where(node.where, scope, ctx),
                            _returning(node.returning, scope, table, ctx),
                            using, node.table.only)


def _joined_scope(table: Table, alias: str | None, items: Sequence[object],
                  reads: WriteReads) -> tuple[object, object | None]:
    """The target alone, or joined to FROM/USING items by the read path
    (whose relation then feeds the executor the items' rows)."""
    if not items:
        return _target_scope(table, alias), None
    return reads.target_level(table, alias, items)


# ------------------------------------------------------------------ COPY

def _copy(node: d.Copy, catalog: Catalog, ctx: TypingContext) -> d.ResolvedCopy:
    """DoCopy()'s order: the table, the column list, the options
    (ProcessCopyOptions), then the FORCE_* column lists. PostgreSQL names
    no position for COPY's relation or columns."""
    table = _table(catalog, node.table, False, ctx.search_path,
                   "copy from" if node.direction == "from" else "copy to")
    if node.columns is None:  # generated columns are not copied
        slots = [i for i, c in enumerate(table.columns) if not c.generated]
    else:
        slots = _copy_columns(table, node.columns)
    if node.error is not None:
        raise node.error
    options = node.options
    copy_format.Dialect.of(options, is_from=node.direction == "from")
    if options.force_quote and options.force_quote is not True:
        _force_columns(table, options.force_quote, slots, "FORCE_QUOTE")
    _force_columns(table, options.force_not_null, slots, "FORCE_NOT_NULL")
    _force_columns(table, options.force_null, slots, "FORCE_NULL")
    defaults = tuple(column_default(c, ctx, copy=True) for c in table.columns)
    return d.ResolvedCopy(table.name, tuple(slots), node.direction,
                          options, defaults, _generation(table, ctx))


def _copy_columns(table: Table, names: Sequence[str]) -> list[int]:
    """CopyGetAttnums(): 42703 for an unknown column, 42701 for a repeat."""
    slots: list[int] = []
    for name in names:
        column = _column_of(table, name, -1)
        slot = table.slot(column.name)
        if column.generated:
            raise invalid_column_reference(f'column "{name}" is a generated column',
                                           detail="Generated columns cannot be used in COPY.")
        if slot in slots:
            raise column_specified_more_than_once(name)
        slots.append(slot)
    return slots


def _force_columns(table: Table, names: Sequence[str], listed: list[int],
                   option: str) -> None:
    """A FORCE_* list: existing columns that the COPY column list holds."""
    for slot in _copy_columns(table, names):
        if slot not in listed:
            raise invalid_column_reference(f'{option} column "{table.columns[slot].name}" '
                                           "not referenced by COPY")


def generated_insert(column: str) -> SqlError:
    """A value for a stored generated column (INSERT, MERGE's INSERT)."""
    return generated_always("cannot insert a non-DEFAULT value into column "
                            f'"{column}"', detail=f'Column "{column}" is a generated '
                            "column.")


def identity_always(column: str) -> SqlError:
    """A value for a GENERATED ALWAYS identity column without OVERRIDING
    SYSTEM VALUE (INSERT and MERGE's INSERT)."""
    return generated_always("cannot insert a non-DEFAULT value into column "
                            f'"{column}"', detail=f'Column "{column}" is an identity '
                            "column defined as GENERATED ALWAYS.",
                            hint="Use OVERRIDING SYSTEM VALUE to override.")
