"""Resolve stage for client statements: names looked up, expressions typed.

One function per statement kind (`statement_kind`; the table is
`passes.STATEMENT_KINDS`), each `(parsed, StageInput)` →
`ResolvedStatement`. Setting
names are matched against the settings table (SHOW/SET/RESET of an unknown
name is 42704, as PostgreSQL); expressions are typed by the expression
layer (`twinning.passes.expr`: PostgreSQL's operator and function
resolution, coercions, FigureColname output names). Parameter types come
from the client (Parse OIDs, PREPARE types) or are inferred as
PostgreSQL's variable parameters are: from the first context that
coerces them; one nothing determines is 42P18.

Queries (`select.Query`) resolve in `resolve_select`, writes in
`resolve_dml`; both bind table names against the catalog. Pure.
"""

from __future__ import annotations

from typing import Any, NamedTuple, NoReturn, Sequence

from twinning import gucs
from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, datatype_mismatch, feature_not_supported,
    relation_does_not_exist, syntax_error,
)
from twinning.ir import dml
from twinning.ir import query as q
from twinning.passes.lower_ddl import lower_definition
from twinning.passes.parse_expr import Unsupported
from twinning.ir import syntax as s
from twinning.ir.types import BY_OID, SqlType
from twinning.passes.expr import (EmptyScope, TypingContext, declared_type,
                                  figure_colname, resolve_target)
from twinning.passes.expr.analyze import (can_coerce_expr, coerce_to_type,
                                          pos, resolve_expr)
from twinning.passes.expr.records import expand_star, type_of_oid
from twinning.passes.expr.types import display_type
from twinning.passes.resolve_dml import resolve_write as resolve_dml_write
from twinning.passes.resolve_merge import resolve_merge
from twinning.passes.resolve_select import resolve_query
from twinning.passes.resolve_with import has_modifying, resolve_with

__all__ = ["StageInput", "statement_kind", "resolve_refused", "resolve_read",
           "resolve_projection", "resolve_write", "resolve_ddl",
           "resolve_command", "result_type_of_oid", "resolve_arguments",
           "resolve_setting"]

_EMPTY = EmptyScope()

def result_type_of_oid(oid: int, catalog_of: Any = None) -> q.ResultType | None:
    """A client-declared parameter type (0: unspecified → None); a user
    type's OID looked up in the catalog `catalog_of()` gives, if any."""
    if oid == 0:
        return None
    if oid in (q.NAME.oid, q.VOID.oid, q.UNKNOWN.oid):
        return {19: q.NAME, 2278: q.VOID, 705: None}[oid]
    base = BY_OID.get(oid)
    if base is None:
        found = type_of_oid(catalog_of(), oid) if catalog_of else None
        if found is not None:
            return q.ResultType.of(found)
        raise feature_not_supported(f"parameter of type OID {oid}")
    return q.ResultType.of(SqlType(base.name))


class StageInput(NamedTuple):
    """What a statement's stages read beside the previous stage's value."""

    catalog: Any = None
    param_types: Sequence[q.ResultType | None] = ()
    search_path: tuple[str, ...] = ("public",)
    source: str = ""

    def typing(self, **kw: Any) -> TypingContext:
        return TypingContext(self.param_types, search_path=self.search_path, **kw)


def resolve_refused(parsed: q.ParsedStatement, env: StageInput) -> NoReturn:
    """A construct outside the subset: 42P01 first for a table that does
    not exist (PostgreSQL would say so before anything else), else 0A000
    naming the construct."""
    node = parsed.node
    _check_relations(node.relations, env.catalog, env.search_path)
    raise feature_not_supported(node.construct, node.position)


def resolve_read(parsed: q.ParsedStatement, env: StageInput) -> q.ResolvedStatement:
    return q.ResolvedStatement(resolve_query(parsed.node, env.catalog, env.typing()),
                               parsed.source)


def resolve_projection(parsed: q.ParsedStatement, env: StageInput
                       ) -> q.ResolvedStatement:
    return q.ResolvedStatement(_select(parsed.node, env.param_types), parsed.source)


def resolve_write(parsed: q.ParsedStatement, env: StageInput) -> q.ResolvedStatement:
    """INSERT/UPDATE/DELETE/MERGE/TRUNCATE/COPY, and any statement with a
    data-modifying WITH."""
    node = parsed.node
    if isinstance(node, q.Query):
        ctx = env.typing()
        resolved = resolve_with(node, env.catalog, ctx)
    else:
        ctx = env.typing(kind=type(node).__name__.upper())
        if env.catalog is None:
            raise relation_does_not_exist(".".join(node.table.names))
        if getattr(node, "with_", ()):
            resolved = resolve_with(node, env.catalog, ctx)
        elif isinstance(node, dml.Merge):
            resolved = resolve_merge(node, env.catalog, ctx)
        else:
            resolved = resolve_dml_write(node, env.catalog, ctx)
    return q.ResolvedStatement(resolved, parsed.source, None,
                               ctx.final_param_types())


def resolve_ddl(parsed: q.ParsedStatement, env: StageInput) -> q.ResolvedStatement:
    """DDL's definitions, applied to the catalog when the statement runs."""
    node = parsed.node
    try:
        definitions = tuple(lower_definition(st) for st in node.statements)
    except Unsupported as exc:  # a type outside the subset, say
        raise feature_not_supported(
            exc.construct, exc.location + 1 if exc.location >= 0 else None
        ) from None
    return q.ResolvedStatement(q.DdlDefinitions(
        definitions, node.tag, node.source), parsed.source)


def resolve_command(parsed: q.ParsedStatement, env: StageInput
                    ) -> q.ResolvedStatement:
    """A utility statement: a setting's name checked (42704), a cursor's
    or a prepared statement's query analysed now, as PostgreSQL does."""
    node = parsed.node
    setting = None
    if isinstance(node, (q.SetVar, q.Reset, q.Show)) and node.name:
        setting = _setting(node.name, for_show=isinstance(node, q.Show))
    if isinstance(node, q.DeclareCursor):  # its parameters are the query's
        query = node.query
        if isinstance(query, q.Query) and has_modifying(query):
            resolve_with(query, env.catalog, env.typing())  # analysed first
            raise SqlError(FEATURE_NOT_SUPPORTED, "DECLARE CURSOR must not contain "
                                         "data-modifying statements in WITH")
        types = resolve_query(query, env.catalog, env.typing()).param_types \
            if isinstance(query, q.Query) else _select(query, env.param_types).param_types
        return q.ResolvedStatement(node, parsed.source, None, types)
    if isinstance(node, q.Prepare):
        types = tuple(declared_type(t) for t in node.param_types)
        if isinstance(node.body, q.Query):  # errors surface at PREPARE time
            analyse = resolve_with if has_modifying(node.body) else resolve_query
            analyse(node.body, env.catalog,
                    TypingContext(types, search_path=env.search_path))
        else:
            _select(node.body, types)
        return q.ResolvedStatement(q.ResolvedPrepare(
            node.name, types, node.body, node.body_source), parsed.source)
    return q.ResolvedStatement(node, parsed.source, setting)


def statement_kind(node: Any) -> str:
    """Which row of the pipeline's table (`passes.STATEMENT_KINDS`) a
    parsed statement takes."""
    if isinstance(node, q.Refused):
        return "refused"
    if isinstance(node, q.Select):
        return "projection"
    if isinstance(node, q.Query):
        return "write" if has_modifying(node) else "read"
    if isinstance(node, dml.WRITES):
        return "write"
    if isinstance(node, q.Ddl):
        return "ddl"
    return "command"


_SYSTEM_SCHEMAS = ("pg_catalog", "information_schema")


def _check_relations(relations: Sequence[q.RelationRef], catalog: Any,
                     search_path: tuple[str, ...] = ("public",)) -> None:
    """42P01 for a named table the catalog does not have.

    System relations (pg_catalog, information_schema, unqualified `pg_*`)
    are not in the twin's catalog yet; they are left to the refusal rather
    than claimed missing."""
    if catalog is None:
        return
    for ref in relations:
        schema = ref.names[0] if len(ref.names) > 1 else None
        if schema in _SYSTEM_SCHEMAS or (schema is None
                                         and ref.names[-1].startswith("pg_")):
            continue
        name = catalog.table_named(ref.names, search_path)
        if catalog.table(name) is None and catalog.view(name) is None:
            raise relation_does_not_exist(".".join(ref.names),
                                          position=ref.position)


def resolve_setting(name: str) -> str | None:
    """The canonical name SET uses for `name` (None: a custom x.y name);
    42704 for a name that is neither."""
    return _setting(name, for_show=False)


def _setting(name: str, for_show: bool) -> str | None:
    if for_show and name.lower() == "all":
        return None
    guc = gucs.lookup(name)
    if guc is not None:
        return guc.name
    if "." in name:
        return None  # a custom placeholder (SET my.flag = …)
    raise gucs.unrecognized(name)


def _select(node: q.Select, param_types: Sequence[q.ResultType | None]
            ) -> q.ResolvedSelect:
    ctx = TypingContext(param_types)
    columns = []
    for target in node.targets:
        expr = target.expr
        if isinstance(expr, s.ColumnRef) and expr.star:
            raise syntax_error("SELECT * with no tables specified is not "
                               "valid", position=pos(expr.location))
        if isinstance(expr, s.FieldSelect) and expr.name == "*":
            columns.extend(expand_star(resolve_expr(expr.arg, _EMPTY, ctx),
                                       expr.location))
            continue
        typed = resolve_target(expr, _EMPTY, ctx)
        columns.append((target.alias or figure_colname(expr), typed))
    out = tuple(q.OutputColumn(name, ctx.finish(expr))
                for name, expr in columns)
    return q.ResolvedSelect(out, ctx.final_param_types())


def resolve_arguments(args: Sequence[s.Expr],
                      types: Sequence[q.ResultType]) -> tuple[q.TExpr, ...]:
    """EXECUTE's argument list, each coerced to its parameter's type with
    assignment semantics (PostgreSQL's EvaluateParams)."""
    ctx = TypingContext(allow_params=False)
    out = []
    for i, (arg, target) in enumerate(zip(args, types)):
        expr = resolve_expr(arg, _EMPTY, ctx)
        if not can_coerce_expr(expr, target, "a"):
            raise datatype_mismatch(f"parameter ${i + 1} of type "
                                    f"{display_type(expr.type)} cannot be coerced to "
                                    f"the expected type {display_type(target)}",
                                    hint="You will need to rewrite or cast the "
                                    "expression.", position=pos(expr.location))
        out.append(coerce_to_type(expr, target, ctx, "a"))
    return tuple(out)
