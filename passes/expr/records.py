"""Row values: ROW(…) constructors, whole-row references and field
selection, typed as PostgreSQL's parse analysis types them.

A composite value is a Python tuple of its fields; its `SqlType` carries
a `RecordType` (ir/types.py) naming the fields. `ROW(a, b)` is an
anonymous record (type `record`, fields f1, f2, … — transformRowExpr),
`t` naming a table in FROM is the table's row type (makeWholeRowVar: the
pg_type row PostgreSQL made with the table, its OID from the system
catalog), `t.*` inside ROW(…) stands for t's columns. `(v).name` picks a
field (ParseComplexProjection); an anonymous record's fields cannot be
named (42703 "could not identify column … in record data type").
"""

from __future__ import annotations

from typing import Any

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, cannot_coerce, undefined_column,
    wrong_object_type,
)
from twinning.ir import query as q
from twinning.ir import syntax as s
from twinning.ir.catalog import QName
from twinning.ir.select import TSetCallRows
from twinning.ir.types import RecordType, record_type
from twinning.passes.expr.system import installed

__all__ = ["row", "whole_row", "field_select", "record_of"]


def anonymous_record() -> q.ResultType:
    """The pseudo-type record of a built-in or extension function's result
    (crosstab): its fields come from a column definition list in FROM."""
    return q.ResultType.of(record_type(()))


def _pos(location: int) -> int | None:
    return location + 1 if location >= 0 else None


def record_of(rtype: q.ResultType) -> RecordType | None:
    """The composite a value of `rtype` is (None: not a composite)."""
    sql = rtype.sql_type
    if sql is None or sql.is_array or not isinstance(sql.user, RecordType):
        return None
    return sql.user


def _result(items: tuple, **named: Any) -> q.ResultType:
    fields = tuple((f"f{i}", _sql(item.type))
                   for i, item in enumerate(items, start=1))
    return q.ResultType.of(record_type(fields, **named))


def _sql(rtype: q.ResultType) -> Any:
    if rtype.sql_type is None:
        raise SqlError(FEATURE_NOT_SUPPORTED, f"a field of type {rtype.name} in a row value "
                                     "is not supported by twinning")
    return rtype.sql_type


def row(analyzer: Any, node: s.Row, coerce: Any) -> q.TRow:
    """ROW(a, b, t.*): an anonymous record of the items' values (an
    untyped literal is text: `coerce` is analyze's coerce_to_type)."""
    items: list = []
    unknown: list[int] = []
    for item in node.items:
        if isinstance(item, s.ColumnRef) and item.star and len(item.parts) >= 1:
            whole = analyzer.expr(s.ColumnRef(item.parts, False, item.location))
            if not isinstance(whole, q.TRow):
                raise SqlError(FEATURE_NOT_SUPPORTED, "t.* of this kind in ROW(…) is not "
                                             "supported by twinning",
                                             position=_pos(item.location))
            items.extend(whole.items)
            continue
        typed = analyzer.expr(item)
        if typed.type == q.UNKNOWN:  # an untyped literal: text
            typed = coerce(typed, q.TEXT, analyzer.ctx)
            unknown.append(len(items))
        items.append(typed)
    return q.TRow(tuple(items), _result(tuple(items), unknown=tuple(unknown)),
                  node.location)


def whole_row(catalog: Any, table: QName | None, names: tuple[str, ...],
              exprs: list, location: int) -> q.TRow:
    """A range-table entry's whole row: a table's or view's row type, or
    an anonymous record of a subquery's columns."""
    items = tuple(exprs)
    fields = tuple((name, _sql(e.type)) for name, e in zip(names, items))
    provider = installed()
    if table is not None and catalog is not None and provider is not None:
        oid, array = provider.row_type(catalog, table)
        if oid:
            return q.TRow(items, q.ResultType.of(record_type(
                fields, oid, array, table.schema, table.name)), location)
    return q.TRow(items, q.ResultType.of(record_type(fields)), location)


def field_select(analyzer: Any, node: s.FieldSelect) -> q.TExpr:
    """`(value).name`: the field's own expression when the value is built
    right there, else a TField of the composite."""
    if node.name == "*":  # only a select list expands it
        raise SqlError(FEATURE_NOT_SUPPORTED, 'row expansion via "*" is not supported here',
                                     position=_pos(node.location))
    arg = analyzer.expr(node.arg)
    record = record_of(arg.type)
    if record is None:
        raise wrong_object_type(f'column notation .{node.name} applied to type '
                                f"{arg.type.sql_type.display() if arg.type.sql_type else arg.type.name}"
                                ", which is not a composite type",
                                position=_pos(node.location))
    names = [name for name, _ in record.fields]
    if node.name not in names or (record.anonymous and not isinstance(
            arg, (q.TRow, TSetCallRows))):
        if isinstance(arg, q.TRow) and isinstance(node.arg, s.ColumnRef):
            raise undefined_column(f"column {'.'.join(node.arg.parts)}."
                                   f"{node.name} does not exist",
                                   position=_pos(node.location))
        if record.anonymous:
            raise undefined_column(f'could not identify column "{node.name}" '
                                   "in record data type", position=_pos(node.location))
        raise undefined_column(f'column "{node.name}" not found in data type '
                               f"{record.typname}", position=_pos(node.location))
    index = names.index(node.name)
    if isinstance(arg, q.TRow):
        return arg.items[index]
    return q.TField(arg, index, q.ResultType.of(record.fields[index][1]),
                    node.location)


def coercible(expr: q.TExpr, target: q.ResultType) -> bool | None:
    """can_coerce_type() between composites (None: not two composites):
    to an anonymous record or the same type always; an anonymous record
    to a named composite (coerce_record_to_complex decides); one named
    composite to another never."""
    want, have = record_of(target), record_of(expr.type)
    if want is None or have is None:
        return None
    return want.anonymous or have.oid == want.oid or have.anonymous


def coerce_row(expr: q.TExpr, target: q.ResultType, ctx: Any, location: int,
               coerce: Any, can_coerce: Any) -> q.TExpr | None:
    """coerce_record_to_complex(): ROW(…) to a named composite, field by
    field (None: not that case)."""
    want, have = record_of(target), record_of(expr.type)
    if want is None or have is None or want.anonymous or have.oid == want.oid:
        return None
    shown = want.display
    where = _pos(location if location >= 0 else expr.location)
    if not isinstance(expr, q.TRow):
        raise cannot_coerce(f"cannot cast type {'record' if have.anonymous else have.display}"
                            f" to {shown}", position=where)
    if len(expr.items) != len(want.fields):
        raise cannot_coerce(f"cannot cast type record to {shown}",
                            detail="Input has too "
                            f"{'few' if len(expr.items) < len(want.fields) else 'many'}"
                            " columns.", position=where)
    items = []
    for number, (item, (_, field)) in enumerate(zip(expr.items, want.fields), 1):
        if number - 1 in have.unknown and isinstance(item, q.TCast) \
                and item.arg.type == q.UNKNOWN:  # the literal, still untyped
            item = item.arg
        field_type = q.ResultType.of(field)
        if not can_coerce(item, field_type, "e"):
            raise cannot_coerce(f"cannot cast type record to {shown}",
                                detail=f"Cannot cast type {_shown(item.type)} to "
                                f"{field.display()} in column {number}.",
                                position=_pos(location if location >= 0
                                              else item.location))
        items.append(coerce(item, field_type, ctx, "e"))
    return q.TRow(tuple(items), target, expr.location)


def _shown(rtype: q.ResultType) -> str:
    return rtype.sql_type.display() if rtype.sql_type is not None else rtype.name


def table_row_type(catalog: Any, table: QName) -> Any:
    """A table's or view's row type as a type name names it (a cast
    target: `'(1,x)'::t`, `ROW(…)::t`); None when the system catalog
    gives it no OID."""
    relation = catalog.table(table) or catalog.view(table)
    provider = installed()
    if relation is None or provider is None:
        return None
    oid, array = provider.row_type(catalog, table)
    if not oid:
        return None
    return record_type(tuple((col.name, col.type) for col in relation.columns), oid,
                array, table.schema, table.name)


def expand_star(typed: q.TExpr, location: int) -> list[tuple[str, q.TExpr]]:
    """`(value).*` in a select list: one output column per field."""
    record = record_of(typed.type)
    if record is None:
        raise wrong_object_type(f"type {_shown(typed.type)} is not composite")
    if isinstance(typed, q.TRow):
        return [(name, item) for (name, _), item in zip(record.fields,
                                                        typed.items)]
    return [(name, q.TField(typed, i, q.ResultType.of(t), location))
            for i, (name, t) in enumerate(record.fields)]


def type_of_oid(catalog: Any, oid: int) -> Any:
    """The user type (enum, domain, composite, a table's row type) or its
    array type a client names by OID in Parse; None when there is none."""
    for utype in catalog.types:
        if utype.oid == oid:
            return utype.sql_type
        if utype.array_oid == oid:
            return utype.sql_type.array_of()
    provider = installed()
    if provider is None:
        return None
    for relation in (*catalog.tables, *catalog.views):
        row, array = provider.row_type(catalog, relation.name)
        if oid in (row, array):
            found = table_row_type(catalog, relation.name)
            return found if oid == row else found.array_of()
    return None
