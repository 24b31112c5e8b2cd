"""LANGUAGE sql functions: their statements as the twin plans them.

The body's statements (the AS string split by pglast, or the
SQL-standard body's) get their argument names rewritten to `$n`
(`routine_sql`); `$n` written as such stays. At CREATE they are typed
against the catalog and the last one's result checked against the
declared result (check_sql_fn_retval: 42P13 "return type mismatch");
at a call the session plans them with the argument types (plans cached
by the engine) and runs them in order, the last one giving the result.
"""

from __future__ import annotations

from typing import Any

from twinning.errors import SqlError, invalid_function_definition
from twinning.ir import query as q
from twinning.ir.routines import Function
from twinning.passes import routine_sql
from twinning.passes.expr.types import can_coerce


def statement_texts(fn: Function, columns_of: Any = None) -> list[str]:
    """Each statement of the body, its argument names as `$n` (a name
    that is also a column of a table the statement reads stays the
    column, as in PostgreSQL's SQL functions)."""
    texts = list(fn.standard) if fn.standard is not None else \
        routine_sql.statements(fn.body)
    numbers: dict[tuple[str, ...], int] = {}
    for i, arg in enumerate(fn.inputs, 1):
        if arg.name:
            numbers[(arg.name,)] = i
            numbers[(fn.name.name, arg.name)] = i
    if not numbers:
        return texts
    return [routine_sql.substitute(text, numbers.get, columns_of).sql
            for text in texts]


def columns_of(catalog: Any, path: tuple[str, ...]) -> Any:
    """names → the column names of the table or view they mean."""
    def found(names: tuple[str, ...]) -> set[str] | None:
        name = catalog.table_named(names, path)
        relation = catalog.table(name) or catalog.view(name)
        return None if relation is None else {c.name for c in
                                              relation.columns}
    return found


def parsed_statements(fn: Function, catalog: Any = None,
                      path: tuple[str, ...] = ("public",)
                      ) -> list[q.ParsedStatement]:
    from twinning.passes.parse_query import parse_query
    out = []
    scope = columns_of(catalog, path) if catalog is not None else None
    for text in statement_texts(fn, scope):
        out.extend(parse_query(text).statements)
    return out


def argument_types(fn: Function) -> tuple[q.ResultType, ...]:
    return tuple(q.ResultType.of(t) for t in fn.input_types)


def check_body(fn: Function, catalog: Any, path: tuple[str, ...]) -> None:
    from twinning.passes.statements import plan_statement
    from twinning.passes.function_scope import functions_of
    from twinning.passes.resolve_types import types_of
    plans = []
    with types_of(catalog, path), functions_of(catalog, path):
        for stmt in parsed_statements(fn, catalog, path):
            if isinstance(stmt.node, q.Ddl):
                return  # later statements may read what it makes
            try:
                plans.append(plan_statement(stmt, catalog, argument_types(fn),
                                            search_path=path))
            except SqlError as exc:
                exc.position = None  # a position in the body, not the text
                raise
    check_result(fn, plans[-1] if plans else None)


def _mismatch(fn: Function, detail: str) -> SqlError:
    from twinning.passes.user_functions import result_rtype
    from twinning.passes.expr.types import display_type
    return invalid_function_definition("return type mismatch in function declared to "
                                       f"return {display_type(result_rtype(fn))}",
                                       detail=detail, where=f'SQL function "{fn.name.name}"')


def check_result(fn: Function, plan: Any) -> None:
    """check_sql_fn_retval for a scalar result."""
    if fn.kind in ("void", "record", "row"):
        return
    columns = getattr(plan, "columns", ()) if plan is not None else ()
    is_query = isinstance(plan, (q.ReadPlan, q.ProjectionPlan)) or \
        (isinstance(plan, q.WritePlan) and columns)
    if not is_query:
        raise _mismatch(fn, "Function's final statement must be SELECT or "
                        "INSERT/UPDATE/DELETE RETURNING.")
    if len(columns) != 1:
        raise _mismatch(fn, "Final statement must return exactly one column.")
    source = columns[0].type.name
    target = q.ResultType.of(fn.result).name
    if source != target and not can_coerce(source, target, "a"):
        from twinning.passes.expr.types import display_type
        raise _mismatch(fn, "Actual return type is "
                        f"{display_type(columns[0].type)}.")


def inlinable(fn: Function) -> bool:
    """Whether PostgreSQL inlines calls of `fn` (inline_function): a
    plain SQL scalar function whose body is one `SELECT expr` without
    FROM, WHERE or any other clause. A STRICT one is taken as not inlined
    (PostgreSQL inlines it only when the expression is strict in every
    argument)."""
    from pglast import ast, parse_sql
    if fn.language != "sql" or fn.retset or fn.security_definer or \
            fn.strict or fn.kind != "scalar":
        return False
    texts = statement_texts(fn)
    if len(texts) != 1:
        return False
    stmt = parse_sql(texts[0])[0].stmt
    return isinstance(stmt, ast.SelectStmt) and stmt.targetList is not None \
        and len(stmt.targetList) == 1 and not any(getattr(stmt, name) for name in (
            "fromClause", "whereClause", "groupClause", "havingClause",
            "sortClause", "limitCount", "limitOffset", "distinctClause",
            "withClause", "windowClause", "valuesLists", "larg"))
