"""CREATE SCHEMA … CREATE TABLE/VIEW/INDEX/SEQUENCE …: the schema's
elements, as PostgreSQL 15 runs them.

transformCreateSchemaStmt: an element's unqualified name is put in the new
schema, another schema is 42P15, and the elements run sequences first,
then tables, views and indexes (triggers and grants are refused by name
as they are elsewhere). CreateSchemaCommand runs them with the new schema
pushed on the front of the search path, so their references find its
objects first: `SchemaPathDef` pushes it and pops it after the last one.
"""

from __future__ import annotations

from typing import Any, Callable

from pglast import ast

from twinning.errors import invalid_schema_definition
from twinning.ir import ddl as d
from twinning.passes.parse_expr import Unsupported, loc

_ORDER = {ast.CreateSeqStmt: 0, ast.CreateStmt: 1, ast.ViewStmt: 2,
          ast.IndexStmt: 3, ast.CreateTrigStmt: 4, ast.GrantStmt: 5}


def create_schema(node: ast.CreateSchemaStmt,
                  convert: Callable[[Any], list]) -> list:
    """[CREATE SCHEMA, push, each element's statements…, pop]."""
    schema = node.schemaname
    if schema is None:
        raise Unsupported("CREATE SCHEMA … AUTHORIZATION", loc(node))
    elements = sorted(node.schemaElts, key=lambda e: _ORDER.get(type(e), 6))
    out: list = [d.SchemaDef(schema, bool(node.if_not_exists)),
                 d.SchemaPathDef(schema, loc(node))]
    for element in elements:
        relation = _relation(element)
        if relation is not None:
            if relation.schemaname is None:
                relation.schemaname = schema
            elif relation.schemaname != schema:
                raise invalid_schema_definition("CREATE specifies a schema "
                                                f"({relation.schemaname}) different from the "
                                                f"one being created ({schema})")
        out.extend(convert(element))
    out.append(d.SchemaPathDef(None, loc(node)))
    return out


def _relation(element: Any) -> Any:
    if isinstance(element, (ast.CreateStmt, ast.CreateSeqStmt)):
        return element.relation if isinstance(element, ast.CreateStmt) \
            else element.sequence
    if isinstance(element, ast.ViewStmt):
        return element.view
    if isinstance(element, ast.IndexStmt):
        return element.relation
    return None


def apply_path(b: Any, defn: d.SchemaPathDef) -> None:
    """Push the schema being created on the search path, or pop it."""
    pushed = b.__dict__.setdefault("pushed_paths", [])
    if defn.schema is not None:
        pushed.append(list(b.search_path))
        b.search_path = [defn.schema, *b.search_path]
    else:
        b.search_path = pushed.pop()
