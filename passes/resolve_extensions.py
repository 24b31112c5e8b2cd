"""CREATE / ALTER … UPDATE / DROP / COMMENT ON EXTENSION in the DDL builder.

PostgreSQL 15's checks and messages (commands/extension.c): an existing
extension first (42710, or IF NOT EXISTS's NOTICE), then the name's
validity and the control file (a name Debian's postgresql-15 does not ship
is "not available", 0A000 with its DETAIL and HINT), the version (22023),
the schema (3F000). A contrib extension the twin does not provide is
refused by name. DROP finds the defaults and CHECKs that call the
extension's functions (2BP01, or dropped with CASCADE as dependency.c
reports them); the extension's catalog row is `c.Extension`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from twinning.errors import (
    DUPLICATE_OBJECT, FEATURE_NOT_SUPPORTED, Notice, SqlError,
    duplicate_object, invalid_parameter_value, invalid_schema_name,
    schema_does_not_exist, undefined_object,
)
from twinning.ir import catalog as c
from twinning.ir import ddl as d
from twinning.ir import syntax as s
from twinning.passes import extensions
from twinning.passes.drop_cascade import report_dependents
from twinning.passes.parse_expr import Unsupported

_CONTROL = "/usr/share/postgresql/15/extension/{}.control"
_TYPE_NAMES = {"int4": "integer", "float8": "double precision",
               "_text": "text[]"}


def apply(b: Any, defn: d.ExtensionDef) -> None:
    {"create": _create, "update": _update, "drop": _drop,
     "comment": _comment}[defn.action](b, defn)


def _create(b: Any, defn: d.ExtensionDef) -> None:
    (name,) = defn.names
    if name in b.extensions or name == "plpgsql":
        if defn.if_exists:
            b.notices.append(Notice(
                DUPLICATE_OBJECT, f'extension "{name}" already exists, skipping'))
            return
        raise duplicate_object(f'extension "{name}" already exists')
    _check_name(name)
    if name not in extensions.AVAILABLE:
        raise SqlError(FEATURE_NOT_SUPPORTED, f'extension "{name}" is not available',
                                     detail="Could not open extension control file "
                                     f'"{_CONTROL.format(name)}": No such file or directory.',
                                     hint="The extension must first be installed on the "
                                     "system where PostgreSQL is running.")
    default = extensions.AVAILABLE[name]
    if defn.version is not None and defn.version != default:
        raise invalid_parameter_value(f'extension "{name}" has no installation '
                                      f'script nor update path for version "{defn.version}"')
    if name not in extensions.PROVIDED:
        raise Unsupported(f"CREATE EXTENSION {name}", defn.location)
    if defn.schema is not None:
        if defn.schema not in b.schemas:
            raise schema_does_not_exist(defn.schema)
        schema = defn.schema
    else:
        schema = next((n for n in b.search_path if n in b.schemas), None)
        if schema is None:
            raise invalid_schema_name("no schema has been selected to create in")
    created = max((e.created for e in b.extensions.values()), default=-1) + 1
    b.extensions[name] = c.Extension(name, schema, default,
                                     name not in extensions.NOT_RELOCATABLE,
                                     created, extensions.COMMENTS.get(name))


def _check_name(name: str) -> None:
    """check_valid_extension_name()."""
    detail = ("Extension names must not be empty." if not name else
              'Extension names must not contain "--".' if "--" in name else
              'Extension names must not begin or end with "-".'
              if name.startswith("-") or name.endswith("-") else
              "Extension names must not contain directory separator "
              "characters." if "/" in name else None)
    if detail is not None:
        raise invalid_parameter_value(f'invalid extension name: "{name}"',
                                      detail=detail)


def _existing(b: Any, name: str) -> c.Extension:
    found = b.extensions.get(name)
    if found is None:
        raise undefined_object(f'extension "{name}" does not exist')
    return found


def _update(b: Any, defn: d.ExtensionDef) -> None:
    (name,) = defn.names
    if name == "plpgsql":
        raise Unsupported("ALTER EXTENSION plpgsql", defn.location)
    found = _existing(b, name)
    version = defn.version or found.version
    if version != found.version:
        raise invalid_parameter_value(f'extension "{name}" has no update path from '
                                      f'version "{found.version}" to version "{version}"')
    b.notices.append(f'version "{version}" of extension "{name}" is already '
                     "installed")


def _comment(b: Any, defn: d.ExtensionDef) -> None:
    (name,) = defn.names
    if name == "plpgsql":
        raise Unsupported("COMMENT ON EXTENSION plpgsql", defn.location)
    found = _existing(b, name)
    b.extensions[name] = replace(found, comment=defn.comment or None)


def _drop(b: Any, defn: d.ExtensionDef) -> None:
    targets = []
    for name in defn.names:
        if name == "plpgsql":
            raise Unsupported("DROP EXTENSION plpgsql", defn.location)
        if name not in b.extensions:
            if not defn.if_exists:
                raise undefined_object(f'extension "{name}" does not exist')
            b.notices.append(f'extension "{name}" does not exist, skipping')
        elif name not in targets:
            targets.append(name)
    if not targets:
        return
    dependents = [dep for name in targets for dep in _dependents(b, name)]
    report_dependents(b.notices,
                      f"extension {targets[0]}" if len(targets) == 1 else None,
                      [f"{obj} depends on {on}" for obj, on, _ in dependents],
                      [obj for obj, _, _ in dependents], defn.cascade)
    for _, _, drop in dependents:
        drop()
    for name in targets:
        del b.extensions[name]


def _dependents(b: Any, name: str) -> list[tuple[str, str, Any]]:
    """(object, the function it calls, how to drop it) for the column
    defaults and CHECK constraints calling the extension's functions, in
    the order of its script's functions."""
    schema = b.extensions[name].schema
    rows = extensions.FUNCTIONS[name]
    found: list[tuple[int, str, str, Any]] = []
    for table in b.tables.values():
        shown = b.describe(table.name)
        for position, column in enumerate(table.columns):
            index = _calls(column.default, rows, schema)
            if index is not None:
                found.append((index, f"default value for column {column.name} "
                              f"of table {shown}", _signature(rows[index]),
                              _default_dropper(table, position)))
        for constraint in table.constraints:
            index = (_calls(constraint.expr, rows, schema)
                     if isinstance(constraint, c.Check) else None)
            if index is not None:
                found.append((index, f"constraint {constraint.name} on table "
                              f"{shown}", _signature(rows[index]),
                              _constraint_dropper(table, constraint)))
    for view in b.views.values():
        if _calls(view.query, rows, schema) is not None:
            raise Unsupported(f"DROP EXTENSION {name} with a view calling its "
                              "functions")
    found.sort(key=lambda f: f[0])
    return [(obj, f"function {on}", drop) for _, obj, on, drop in found] + \
        _index_dependents(b, name)


def _index_dependents(b: Any, name: str) -> list[tuple[str, str, Any]]:
    """Indexes using one of the extension's operator classes (btree_gist's
    gist_int4_ops), each named once, for its first such column."""
    from twinning.passes.expression_indexes import key_types
    from twinning.passes.index_methods import extension_opclass
    out = []
    for key, index in list(b.indexes.items()):
        table = b.tables.get(index.table)
        if table is None:
            continue
        names = index.opclasses or (None,) * len(index.columns)
        types = key_types(table.freeze(), index)  # expression keys typed
        for column, written, sql_type in zip(index.columns, names, types):
            found = extension_opclass(index.method, sql_type, written, name)
            if found is not None:
                out.append((f"index {index.name.name}", f"operator class "
                            f"{found} for access method {index.method}",
                            lambda key=key: b.indexes.pop(key, None)))
                break
    return out


def _calls(expr: Any, rows: tuple, schema: str) -> int | None:
    """The index in `rows` of the first extension function `expr` calls
    (a call of a built-in's name, gen_random_uuid, only when qualified)."""
    hits: list[int] = []

    def walk(node: Any) -> None:
        if isinstance(node, s.FuncCall):
            name = node.name
            if len(name) == 1 and name[0] != "gen_random_uuid" or \
                    len(name) == 2 and name[0] == schema:
                hits.extend(i for i, row in enumerate(rows)
                            if row[0] == name[-1] and len(row[1]) == len(node.args))
        if isinstance(node, (tuple, list)):
            for item in node:
                walk(item)
        elif hasattr(node, "__dataclass_fields__"):
            for field in node.__dataclass_fields__:
                walk(getattr(node, field))
    walk(expr)
    return min(hits) if hits else None


def _signature(row: tuple) -> str:
    name, args = row[0], row[1]
    return f"{name}({','.join(_TYPE_NAMES.get(a, a) for a in args)})"


def _default_dropper(table: Any, position: int):
    def drop() -> None:
        table.columns[position] = replace(table.columns[position], default=None,
                                          default_source=None)
    return drop


def _constraint_dropper(table: Any, constraint: Any):
    def drop() -> None:
        table.constraints.remove(constraint)
    return drop


def in_schema(b: Any, schema: str) -> list[tuple[str, str]]:
    """DROP SCHEMA's dependency lines for the extensions in it."""
    return [(f"extension {e.name}", f"schema {schema}") for e in
            sorted(b.extensions.values(), key=lambda e: e.created)
            if e.schema == schema]


def drop_in_schema(b: Any, schema: str) -> None:
    """DROP SCHEMA … CASCADE: its extensions go with it."""
    for name in [e.name for e in b.extensions.values() if e.schema == schema]:
        del b.extensions[name]
