"""Resolve stage for client statements: names looked up, expressions typed.

`resolve(parsed, catalog, param_types)` → `ResolvedStatement`. Setting
names are matched against the settings table (SHOW/SET/RESET of an unknown
name is 42704, as PostgreSQL); function names against the built-ins of the
constant subset; every expression gets its PostgreSQL result type and every
output column the name PostgreSQL's FigureColname gives it (`?column?`,
`version`, `int4` for `'1'::integer`, …). Parameter types come from the
client (Parse OIDs, PREPARE types) or are inferred as PostgreSQL infers
them: from an enclosing cast, else `text`.

Pure: the catalog is unused until the read path, but it is in the
signature so the pipeline's shape does not change when it is.
"""

from __future__ import annotations

from typing import Any, Sequence

from twinning import gucs
from twinning.errors import SqlError, feature_not_supported
from twinning.ir import query as q
from twinning.ir.catalog import QName
from twinning.ir import syntax as s
from twinning.ir.types import BY_OID, SqlType
from twinning.passes.lower_ddl import lower_type
from twinning.passes.parse_expr import Unsupported

__all__ = ["resolve", "result_type_of_oid", "FUNCTIONS"]

# name → (min args, max args, result type, argument types)
FUNCTIONS: dict[str, tuple[int, int, q.ResultType, tuple[q.ResultType, ...]]] = {
    "version": (0, 0, q.TEXT, ()),
    "current_schema": (0, 0, q.NAME, ()),
    "current_database": (0, 0, q.NAME, ()),
    "current_user": (0, 0, q.NAME, ()),
    "session_user": (0, 0, q.NAME, ()),
    "pg_backend_pid": (0, 0, q.INT4, ()),
    "current_setting": (1, 2, q.TEXT, (q.TEXT, q.BOOL)),
    "now": (0, 0, q.TIMESTAMPTZ, ()),
    "transaction_timestamp": (0, 0, q.TIMESTAMPTZ, ()),
    "statement_timestamp": (0, 0, q.TIMESTAMPTZ, ()),
    "clock_timestamp": (0, 0, q.TIMESTAMPTZ, ()),
    "pg_sleep": (1, 1, q.VOID, (q.FLOAT8,)),
    "pg_is_in_recovery": (0, 0, q.BOOL, ()),
}

# SQL value functions (no parentheses) → (function, column name, type)
_SQL_VALUES = {
    "current_user": ("current_user", "current_user", q.NAME),
    "current_role": ("current_user", "current_role", q.NAME),
    "user": ("current_user", "user", q.NAME),
    "session_user": ("session_user", "session_user", q.NAME),
    "current_catalog": ("current_database", "current_catalog", q.NAME),
    "current_schema": ("current_schema", "current_schema", q.NAME),
    "current_timestamp": ("now", "current_timestamp", q.TIMESTAMPTZ),
    "current_date": ("current_date", "current_date", q.DATE),
    "localtimestamp": ("localtimestamp", "localtimestamp", q.TIMESTAMP),
}

_NUMERIC_RANK = {"int2": 0, "int4": 1, "int8": 2, "numeric": 3, "float4": 4,
                 "float8": 5}
_ARITHMETIC = frozenset({"+", "-", "*", "/", "%"})
_STRINGS = frozenset({"text", "varchar", "bpchar"})
_COMPARISON = frozenset({"=", "<>", "!=", "<", ">", "<=", ">="})


def result_type_of_oid(oid: int) -> q.ResultType | None:
    """A client-declared parameter type (0: unspecified → None)."""
    if oid == 0:
        return None
    if oid in (q.NAME.oid, q.VOID.oid, q.UNKNOWN.oid):
        return {19: q.NAME, 2278: q.VOID, 705: None}[oid]
    base = BY_OID.get(oid)
    if base is None:
        raise feature_not_supported(f"parameter of type OID {oid}")
    return q.ResultType.of(SqlType(base.name))


def resolve(parsed: q.ParsedStatement, catalog: Any = None,
            param_types: Sequence[q.ResultType | None] = ()) -> q.ResolvedStatement:
    node = parsed.node
    if isinstance(node, q.Refused):
        _check_relations(node.relations, catalog)
        raise feature_not_supported(node.construct, node.position)
    setting = None
    if isinstance(node, (q.SetVar, q.Reset, q.Show)) and node.name:
        setting = _setting(node.name, for_show=isinstance(node, q.Show))
    if isinstance(node, q.Select):
        return q.ResolvedStatement(_Typer(param_types).select(node),
                                   parsed.source)
    if isinstance(node, q.Prepare):
        types = tuple(_declared(t) for t in node.param_types)
        _Typer(types).select(node.body)  # errors surface at PREPARE time
    return q.ResolvedStatement(node, parsed.source, setting)


_SYSTEM_SCHEMAS = ("pg_catalog", "information_schema")


def _check_relations(relations: Sequence[q.RelationRef], catalog: Any) -> None:
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
        if catalog.table(QName(schema or "public", ref.names[-1])) is None:
            raise SqlError("42P01", f'relation "{".".join(ref.names)}" does '
                           "not exist", position=ref.position)


def _setting(name: str, for_show: bool) -> str | None:
    if for_show and name.lower() == "all":
        return None
    guc = gucs.lookup(name)
    if guc is not None:
        return guc.name
    if "." in name:
        return None  # a custom placeholder (SET my.flag = …)
    raise gucs.unrecognized(name)


def _declared(spec: s.TypeSpec) -> q.ResultType:
    try:
        sql_type, _ = lower_type(spec)
    except Unsupported as exc:
        raise feature_not_supported(exc.construct) from exc
    return q.ResultType.of(sql_type)


class _Typer:
    """Types one SELECT; records the parameter types it infers."""

    def __init__(self, declared: Sequence[q.ResultType | None]) -> None:
        self.params: list[q.ResultType | None] = list(declared)

    def select(self, node: q.Select) -> q.ResolvedSelect:
        columns = []
        for target in node.targets:
            expr = self.expr(target.expr)
            if expr.type == q.UNKNOWN:
                expr = q.TCast(expr, q.TEXT, -1)  # unknown output is text
            name = target.alias or _column_name(target.expr)
            columns.append(q.OutputColumn(name, expr))
        params = tuple(t if t is not None else q.TEXT for t in self.params)
        return q.ResolvedSelect(tuple(columns), params)

    def expr(self, node: s.Expr, wanted: q.ResultType | None = None) -> q.TExpr:
        if isinstance(node, s.Literal):
            return q.TLiteral(node.kind, node.text, _literal_type(node),
                              node.location)
        if isinstance(node, s.Param):
            return self.param(node, wanted)
        if isinstance(node, s.Cast):
            target = self.cast_type(node.type)
            arg = self.expr(node.arg, wanted=target)
            return q.TCast(arg, target, node.location)
        if isinstance(node, s.FuncCall):
            return self.call(node)
        if isinstance(node, s.SqlValue):
            if node.name not in _SQL_VALUES or node.precision is not None:
                raise feature_not_supported(node.name.upper(),
                                            _pos(node.location))
            function, _, rtype = _SQL_VALUES[node.name]
            return q.TCall(function, (), rtype, node.location)
        if isinstance(node, s.Operator):
            return self.operator(node)
        raise feature_not_supported(
            f"expression {type(node).__name__} in a constant SELECT",
            _pos(getattr(node, "location", -1)))

    def cast_type(self, spec: s.TypeSpec) -> q.ResultType:
        if spec.names[-1] in ("name", "void", "unknown") and len(spec.names) <= 2:
            raise feature_not_supported(f"cast to {spec.names[-1]}",
                                        _pos(spec.location))
        try:
            sql_type, _ = lower_type(spec)
        except Unsupported as exc:
            raise feature_not_supported(exc.construct,
                                        _pos(exc.location)) from exc
        return q.ResultType.of(sql_type)

    def param(self, node: s.Param, wanted: q.ResultType | None) -> q.TExpr:
        index = node.number - 1
        while len(self.params) <= index:
            self.params.append(None)
        if self.params[index] is None:
            self.params[index] = wanted or q.TEXT
        return q.TParam(node.number, self.params[index], node.location)

    def call(self, node: s.FuncCall) -> q.TExpr:
        name = node.name[-1]
        schema = node.name[0] if len(node.name) > 1 else None
        entry = FUNCTIONS.get(name) if schema in (None, "pg_catalog") else None
        if node.star or node.distinct or node.filter or node.order_by:
            raise feature_not_supported("aggregate call without FROM",
                                        _pos(node.location))
        if entry is None or not entry[0] <= len(node.args) <= entry[1]:
            args = [self.expr(a) for a in node.args]
            shown = ", ".join("unknown" if a.type == q.UNKNOWN else
                              _display(a.type) for a in args)
            raise SqlError("42883", f"function {'.'.join(node.name)}({shown}) "
                           "does not exist", hint="No function matches the "
                           "given name and argument types. You might need to "
                           "add explicit type casts.",
                           position=_pos(node.location))
        _, _, rtype, arg_types = entry
        args = tuple(self.coerce(self.expr(a, wanted=t), t)
                     for a, t in zip(node.args, arg_types))
        return q.TCall(name, args, rtype, node.location)

    def coerce(self, expr: q.TExpr, target: q.ResultType) -> q.TExpr:
        if expr.type == target:
            return expr
        if expr.type == q.UNKNOWN or (expr.type.name in _NUMERIC_RANK and
                                      target.name in _NUMERIC_RANK) or (
                target == q.TEXT and expr.type.name in _STRINGS):
            return q.TCast(expr, target, -1)  # implicit casts only
        raise SqlError("42883", "function argument of type "
                       f"{_display(expr.type)} where {_display(target)} is "
                       "expected", position=_pos(getattr(expr, "location", -1)))

    def operator(self, node: s.Operator) -> q.TExpr:
        op = node.op
        right = self.expr(node.right)
        if node.left is None:
            if op in ("-", "+") and right.type.name in _NUMERIC_RANK:
                return q.TOperator(op, None, right, right.type, node.location)
            raise _no_operator(op, None, right.type, node.location)
        left = self.expr(node.left)
        lt, rt = left.type, right.type
        if lt == q.UNKNOWN and rt == q.UNKNOWN and op in _COMPARISON | {"||"}:
            lt = rt = q.TEXT
        elif lt == q.UNKNOWN:
            lt = rt
        elif rt == q.UNKNOWN:
            rt = lt
        if op == "||" and lt.name in ("text", "varchar", "bpchar") and \
                rt.name in ("text", "varchar", "bpchar"):
            return q.TOperator(op, self.coerce(left, q.TEXT),
                               self.coerce(right, q.TEXT), q.TEXT, node.location)
        if op in _ARITHMETIC | _COMPARISON and lt.name in _NUMERIC_RANK and \
                rt.name in _NUMERIC_RANK:
            wide = max(lt, rt, key=lambda t: _NUMERIC_RANK[t.name])
            if wide.name == "int2":
                wide = q.INT4
            result = q.BOOL if op in _COMPARISON else wide
            return q.TOperator(op, self.coerce(left, wide),
                               self.coerce(right, wide), result, node.location)
        if op in _COMPARISON and lt.name in _STRINGS and rt.name in _STRINGS \
                and lt != rt:
            # varchar and bpchar compare through text (bpchar's own
            # comparison ignores trailing blanks, as the cast to text does)
            return q.TOperator(op, self.coerce(left, q.TEXT),
                               self.coerce(right, q.TEXT), q.BOOL, node.location)
        if op in _COMPARISON and lt == rt:
            return q.TOperator(op, self.coerce(left, lt), self.coerce(right, rt),
                               q.BOOL, node.location)
        raise _no_operator(op, lt, rt, node.location)


def _no_operator(op: str, left: q.ResultType | None, right: q.ResultType,
                 location: int) -> SqlError:
    shown = f"{_display(left)} {op} {_display(right)}" if left else \
        f"{op} {_display(right)}"
    return SqlError("42883", f"operator does not exist: {shown}",
                    hint="No operator matches the given name and argument "
                    "types. You might need to add explicit type casts.",
                    position=_pos(location))


def _display(rtype: q.ResultType) -> str:
    if rtype.sql_type is not None:
        return rtype.sql_type.display()
    return rtype.name


def _pos(location: int) -> int | None:
    return location + 1 if location is not None and location >= 0 else None


def _literal_type(node: s.Literal) -> q.ResultType:
    if node.kind == "integer":
        value = int(node.text or "0")
        if -2**31 <= value < 2**31:
            return q.INT4
        return q.INT8 if -2**63 <= value < 2**63 else q.NUMERIC
    if node.kind == "numeric":
        # the lexer makes integers beyond int4 "floats"; make_const gives
        # them int8 when they fit (2147483648 is a bigint, not a numeric)
        text = node.text or ""
        if text.isdigit() and int(text) < 2**63:
            return q.INT8
        return q.NUMERIC
    if node.kind == "boolean":
        return q.BOOL
    return q.UNKNOWN  # strings and NULL


def _column_name(node: s.Expr) -> str:
    """PostgreSQL's FigureColname for the constant subset."""
    name, _ = _figure(node)
    return name or "?column?"


def _figure(node: s.Expr) -> tuple[str | None, int]:
    if isinstance(node, s.FuncCall):
        return node.name[-1], 2
    if isinstance(node, s.SqlValue):
        entry = _SQL_VALUES.get(node.name)
        return (entry[1] if entry else node.name), 2
    if isinstance(node, s.Cast):
        name, strength = _figure(node.arg)
        if strength <= 1:
            return node.type.names[-1], 1
        return name, strength
    if isinstance(node, s.Case):
        return "case", 1
    if isinstance(node, s.Coalesce):
        return "coalesce", 2
    if isinstance(node, s.MinMax):
        return node.op, 2
    if isinstance(node, s.NullIf):
        return "nullif", 2
    return None, 0


def resolve_arguments(args: Sequence[s.Expr],
                      types: Sequence[q.ResultType]) -> tuple[q.TExpr, ...]:
    """EXECUTE's argument list, each coerced to its parameter's type."""
    typer = _Typer(())
    out = []
    for arg, target in zip(args, types):
        expr = typer.expr(arg, wanted=target)
        out.append(expr if expr.type == target else
                   q.TCast(expr, target, getattr(expr, "location", -1)))
    return tuple(out)
