"""Views in the catalog: CREATE [OR REPLACE] [TEMP] VIEW, CREATE
MATERIALIZED VIEW, REFRESH's populated flag, COMMENT ON VIEW, and the
objects that depend on views and tables.

A view keeps its query as the read path's syntax and is typed again
wherever it is read (`resolve_select` inlines it as a subquery), under the
search path it was created with; its columns are fixed at creation, as
PostgreSQL fixes a view's target list (`SELECT *` does not grow when the
table gains a column). What it reads is recorded (`View.depends`): a
relation a view reads cannot be dropped without CASCADE, and ALTER TABLE
steps that would change what the view's text means (renaming or dropping
a column, changing its type, renaming the table) are refused by name
where PostgreSQL, which keeps the view bound by attribute number, would
still run them.

The builder `b` is `resolve_ddl`'s catalog under construction; these
functions read and change its `views`, `tables`, `notices` and naming
helpers, and get the catalog so far (`catalog`) to type queries against.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from twinning.errors import (
    DUPLICATE_TABLE, FEATURE_NOT_SUPPORTED, Notice, SqlError,
    column_of_relation_does_not_exist, column_specified_more_than_once,
    feature_not_supported, invalid_table_definition,
    object_not_in_prerequisite_state, relation_already_exists,
    relation_does_not_exist, syntax_error, wrong_object_type,
)
from twinning.ir.types import RecordType
from twinning.ir import catalog as c
from twinning.ir import ddl as d
from twinning.passes.expr import TypingContext
from twinning.passes.resolve_select import resolve_view_query
from twinning.passes.resolve_with import has_modifying, resolve_with

__all__ = ["create_view", "refresh_view", "comment_view", "dependent_views",
           "refuse_if_viewed"]


def _position(location: int) -> int | None:
    return location + 1 if location >= 0 else None


def create_view(b: Any, defn: d.ViewDef, catalog: c.Catalog) -> c.View | None:
    """The view `defn` creates (None: IF NOT EXISTS found the name taken).
    The caller adds a materialized view's table."""
    path = tuple(b.lookup_path())
    ctx = TypingContext(allow_params=False, search_path=path)
    if has_modifying(defn.query):  # analysed first, as PostgreSQL does
        resolve_with(defn.query, catalog, ctx)
        raise SqlError(FEATURE_NOT_SUPPORTED, "materialized views must not use data-"
                                     "modifying statements in WITH" if defn.materialized
                                     else "views must not contain data-modifying "
                                     "statements in WITH")
    resolved, reads = resolve_view_query(defn.query, catalog, ctx)
    temporary = defn.temporary
    if not temporary and any(c.is_temporary(name.schema) for name in reads):
        if defn.materialized:
            raise SqlError(FEATURE_NOT_SUPPORTED, "materialized views must not use "
                                         "temporary tables or views")
        temporary = True
    name = b.qualify(defn.name, defn.location, temporary=temporary)
    if temporary and not defn.temporary:
        b.notices.append(f'view "{name.name}" will be a temporary view')
    columns = _columns(defn, resolved.columns)
    existing = b.views.get(name)
    if b.relation_exists(name):
        if defn.materialized and defn.if_not_exists:
            b.notices.append(Notice(
                DUPLICATE_TABLE, f'relation "{name.name}" already exists, skipping'))
            return None
        if not defn.replace:
            raise relation_already_exists(name.name)
        if existing is None or existing.materialized:
            raise wrong_object_type(f'"{name.name}" is not a view')
        _check_replacement(existing.columns, columns)
        created = existing.created
    else:
        created = b.next_created
        b.next_created += 1
    stored_path = path if temporary else tuple(
        s for s in path if not c.is_temporary(s))
    view = c.View(name, columns, defn.query, defn.definition, stored_path,
                  tuple(reads), defn.materialized,
                  defn.with_data or not defn.materialized,
                  existing.comment if existing else None, created,
                  len(defn.columns))
    b.views[name] = view
    return view


def _columns(defn: d.ViewDef, outputs: tuple) -> tuple[c.Column, ...]:
    """The view's columns: the query's outputs, the first ones renamed by
    the column list (DefineView's and checkViewColumns' checks)."""
    if len(defn.columns) > len(outputs):
        raise syntax_error("too many column names were specified"
                           if defn.materialized else
                           "CREATE VIEW specifies more column names than columns")
    names = list(defn.columns) + [o.name for o in outputs[len(defn.columns):]]
    seen: set[str] = set()
    columns = []
    for attnum, (name, output) in enumerate(zip(names, outputs), start=1):
        if name in seen:
            raise column_specified_more_than_once(name)
        seen.add(name)
        sql_type = output.type.sql_type
        if sql_type is None:
            raise feature_not_supported(
                f"a view column of type {output.type.name}")
        if isinstance(sql_type.user, RecordType):
            if sql_type.user.anonymous:
                raise invalid_table_definition(f'column "{name}" has pseudo-type record')
            if defn.materialized:
                raise feature_not_supported("a materialized view column of a "
                                            "composite type")
        columns.append(c.Column(name, sql_type, attnum))
    return tuple(columns)


def _check_replacement(old: tuple[c.Column, ...],
                       new: tuple[c.Column, ...]) -> None:
    """CREATE OR REPLACE VIEW may only add columns at the end."""
    if len(new) < len(old):
        raise invalid_table_definition("cannot drop columns from view")
    for was, now in zip(old, new):
        if was.name != now.name:
            raise invalid_table_definition(f'cannot change name of view column '
                                           f'"{was.name}" to "{now.name}"',
                                           hint="Use ALTER VIEW ... RENAME COLUMN ... to "
                                           "change name of view column instead.")
        if was.type != now.type:
            raise invalid_table_definition(f'cannot change data type of view column '
                                           f'"{was.name}" from {was.type.display()} to '
                                           f"{now.type.display()}")


def refresh_view(b: Any, defn: d.RefreshViewDef) -> None:
    """REFRESH MATERIALIZED VIEW's checks and its populated flag (the
    session refills the rows)."""
    name = b.lookup(b.unalias(defn.name), defn.location)
    view = b.views.get(name)
    if view is None or not view.materialized:
        if b.relation_exists(name):  # (0A000 is PostgreSQL's, in matview.c)
            raise SqlError(FEATURE_NOT_SUPPORTED, f'"{name.name}" is not a materialized view')
        raise relation_does_not_exist(".".join(defn.name))
    if defn.concurrently:
        if not defn.with_data:
            raise syntax_error("REFRESH options CONCURRENTLY and WITH NO "
                               "DATA cannot be used together")
        if not view.populated:
            raise SqlError(FEATURE_NOT_SUPPORTED, "CONCURRENTLY cannot be used when the "
                                         "materialized view is not populated")
        if not any(i.unique and i.table == name for i in b.indexes.values()):
            raise object_not_in_prerequisite_state(f'cannot refresh materialized view '
                                                   f'"{name}" concurrently',
                                                   hint="Create a unique index with no WHERE clause on "
                                                   "one or more columns of the materialized view.")
    if view.populated != defn.with_data:
        b.views[name] = replace(view, populated=defn.with_data)


def comment_view(b: Any, defn: d.CommentDef) -> bool:
    """COMMENT ON VIEW / MATERIALIZED VIEW, and on a view's column; False
    when the comment is not about a view."""
    text = defn.text if defn.text else None
    if defn.target in ("view", "materialized view"):
        name = b.lookup(b.unalias(defn.name))
        view = b.views.get(name)
        if view is None or view.materialized != (defn.target != "view"):
            if not b.relation_exists(name):
                raise relation_does_not_exist(".".join(defn.name))
            raise wrong_object_type(f'"{name.name}" is not a '
                                    f"{defn.target}")
        b.views[name] = replace(view, comment=text)
        return True
    if defn.target == "table":
        if b.lookup(b.unalias(defn.name)) in b.views:
            raise wrong_object_type(f'"{defn.name[-1]}" is not a table')
        return False
    if defn.target != "column" or len(defn.name) < 2:
        return False
    view = b.views.get(b.lookup(b.unalias(defn.name[:-1])))
    if view is None:
        return False
    column = defn.name[-1]
    if not any(col.name == column for col in view.columns):  # (a view's)
        raise column_of_relation_does_not_exist(column, view.name.name)
    b.views[view.name] = replace(view, columns=tuple(
        replace(col, comment=text) if col.name == column else col
        for col in view.columns))
    if view.materialized:
        table = b.tables[view.name]
        table.columns = [replace(col, comment=text) if col.name == column
                         else col for col in table.columns]
    return True


def kind_of(view: c.View) -> str:
    return "materialized view" if view.materialized else "view"


def dependent_views(b: Any, targets: list[c.QName],
                    gone: set | None = None) -> list:
    """(what, on what, how to drop it) of every view that reads one of
    `targets`, directly or through other views, in the order PostgreSQL
    reports them: depth first, each view followed by those reading it.
    `gone`: views already listed (and the targets), shared by calls."""
    out: list = []
    gone = set() if gone is None else gone
    gone.update(targets)

    def visit(names: set) -> None:
        for view in sorted(b.views.values(), key=lambda v: v.created):
            on = next((n for n in view.depends if n in names), None)
            if on is None or view.name in gone:
                continue
            gone.add(view.name)
            what = kind_of(b.views[on]) if on in b.views else "table"
            out.append((f"{kind_of(view)} {b.describe(view.name)}",
                        f"{what} {b.describe(on)}", dropper(b, view.name)))
            visit({view.name})
    visit(set(targets))
    return out


def dropper(b: Any, name: c.QName):
    def drop() -> None:
        drop_view(b, name)
    return drop


def drop_view(b: Any, name: c.QName) -> None:
    view = b.views.pop(name, None)
    if view is not None and view.materialized:
        del b.tables[name]
        for index in [i for i in b.indexes.values() if i.table == name]:
            del b.indexes[index.name]


def changed_views(b: Any, table: c.QName, catalog: c.Catalog) -> list[c.View]:
    """The views reading `table` that a change to it (already made:
    `catalog` is the catalog after it) would alter: their query no longer
    types, or gives other columns than the view was made with. This is
    how the twin finds which views depend on a column (PostgreSQL
    records the dependency per column when it stores the view)."""
    out = []
    for view in sorted(b.views.values(), key=lambda v: v.created):
        if table not in view.depends:
            continue
        ctx = TypingContext(allow_params=False, search_path=view.search_path)
        try:
            resolved, _ = resolve_view_query(view.query, catalog, ctx)
        except SqlError:
            out.append(view)
            continue
        outputs = resolved.columns
        if len(outputs) < len(view.columns) or any(
                out_col.type.sql_type != col.type
                or (i >= view.aliases and out_col.name != col.name)
                for i, (out_col, col) in enumerate(zip(outputs, view.columns))):
            out.append(view)
    return out


def refuse_if_viewed(b: Any, table: c.QName, action: str) -> None:
    """0A000 for an ALTER TABLE step on a relation a view reads."""
    for view in b.views.values():
        if table in view.depends:
            raise feature_not_supported(
                f"{action} of a table that {kind_of(view)} "
                f"{b.describe(view.name)} depends on")
