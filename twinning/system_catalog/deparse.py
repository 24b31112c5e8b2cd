"""Stored expressions and definitions back to SQL text, as PostgreSQL 15's
ruleutils.c prints them: pg_get_expr, pg_get_constraintdef,
pg_get_indexdef.

Expressions are typed by the expression layer (`passes.expr.analyze`)
exactly as PostgreSQL's parse analysis types them when it stores a
default or a CHECK (the same operator and cast choices), then printed
node by node with ruleutils' rules:

- constants: get_const_expr() — int4 and float-looking numerics bare
  (negative ones quoted and labelled), booleans as true/false, anything
  else quoted with a `::type` label; a string literal coerced to a type
  is a constant of that type (`'lead'::text`);
- casts: explicit ones always shown, implicit ones only where ruleutils
  passes showimplicit (operator and function arguments, not the top
  level); `(x)::type`, without the parentheses in pretty mode;
- operators, AND/OR/NOT, IS [NOT] NULL, IS DISTINCT FROM, `op ANY
  (array)`: fully parenthesized, or with isSimpleNode()'s precedence
  rules in pretty mode (`pretty` = PRETTYFLAG_PAREN).

Parse analysis does not fold constants, and neither does this module:
`CHECK (x > 1 + 1)` prints `(x > (1 + 1))`.
"""

from __future__ import annotations

import contextlib

import dataclasses
import re
from typing import Any

from twinning.ir import query as q
from twinning.ir import syntax as s
from twinning.ir.catalog import (Check, Column, ForeignKey, Index,
                                 PrimaryKey, Table, Unique)
from twinning.passes import extensions, generated
from twinning.passes.resolve_types import types_of
from twinning.passes.expr.analyze import (TypingContext, coerce_to_boolean,
                                          coerce_to_type, resolve_expr)
from twinning.passes.expr.compile import literal_value
from twinning.passes.expr.scope import EmptyScope, TableScope
from twinning.system_catalog.names import quote_ident, quote_qualified
from twinning.system_catalog.oids import OidMap
from twinning.system_catalog.regnames import (format_type, regclass_in,
                                              regclass_text)
from twinning.valueio import formatter, input_function
from twinning.values.settings import DEFAULT_SETTINGS


@dataclasses.dataclass(frozen=True, slots=True)
class SqlValueCall(q.TCall):
    """CURRENT_TIMESTAMP & co.: typed as their function, printed as the
    SQL keyword (ruleutils' SQLValueFunction)."""

    keyword: str = ""


def _typed_check(table: Table, check: Check) -> q.TExpr:
    ctx = TypingContext(kind="CHECK", allow_params=False,
                        sql_value=keyword_call)
    with extensions.stored():
        expr = resolve_expr(check.expr, TableScope(table), ctx)
    return coerce_to_boolean(expr, "CHECK", ctx)


def _typed_default(column: Column, table: Table | None = None,
                   catalog: Any = None) -> q.TExpr:
    ctx = TypingContext(kind="DEFAULT", allow_params=False,
                        sql_value=keyword_call)
    # a cast to a user type ('G'::public.mpaa_rating) needs the catalog's
    # types in scope (written names: qualified, or found in any schema)
    scope = (types_of(catalog, tuple(catalog.schemas)) if catalog is not None
             else contextlib.nullcontext())
    with extensions.stored(), scope:
        expr = generated.typed(table, column) if column.generated else \
            resolve_expr(column.default, EmptyScope(), ctx)
    target = q.ResultType.of(column.type)
    if expr.type == target:
        return expr
    return coerce_to_type(expr, target, ctx, "a")


def keyword_call(node: s.SqlValue, typed: q.TExpr) -> q.TExpr:
    """CURRENT_TIMESTAMP & co. typed as their function, marked with the
    keyword they print as."""
    call = typed.arg if isinstance(typed, q.TCast) else typed
    keyword = node.name.upper()
    if node.precision is not None:
        keyword += f"({node.precision})"
    marked = SqlValueCall(call.function, call.args, call.type,
                          call.location, keyword)
    if isinstance(typed, q.TCast):
        return dataclasses.replace(typed, arg=marked)
    return marked


# -- the printer -------------------------------------------------------------------


class Printer:
    """get_rule_expr() over typed expressions. `session` supplies the
    search path for names that print qualified when not visible."""

    def __init__(self, m: OidMap, session: Any, pretty: bool) -> None:
        self.m = m
        self.session = session
        self.pretty = pretty
        self.indent = 0  # context->indentLevel

    def text(self, node: Any) -> str:
        """A whole expression: context keywords resolved to line breaks."""
        return _NEWLINE.sub(lambda m: "\n" + " " * int(m.group(1)),
                            self.expr(node))

    def expr(self, node: Any, showimplicit: bool = False) -> str:
        method = getattr(self, "_" + type(node).__name__)
        return method(node, showimplicit)

    def paren(self, node: Any, parent: Any, showimplicit: bool) -> str:
        """get_rule_expr_paren()."""
        text = self.expr(node, showimplicit)
        if self.pretty and not self.simple(node, parent):
            return f"({text})"
        return text

    def wrap(self, text: str) -> str:
        return text if self.pretty else f"({text})"

    # -- isSimpleNode() -------------------------------------------------------------
    def simple(self, node: Any, parent: Any) -> bool:
        node = self._visible(node)
        if isinstance(node, (q.TColumn, q.TParam)) or self._is_const(node):
            return True
        if isinstance(node, (q.TArray, q.TCoalesce, q.TMinMax, q.TNullIf,
                             q.TCall, q.TCase, q.TSubscript, q.TSubscripts)):
            return True
        if isinstance(node, q.TCast):
            return self.simple(node.arg, node)
        kind = _kind(node)
        if kind == "op" and isinstance(parent, q.TOperator):
            op, parent_op = _simple_op(node), _simple_op(parent)
            if op is None or parent_op is None:
                return False
            low, high = op in "+-", op in "*/%"
            plow, phigh = parent_op in "+-", parent_op in "*/%"
            if not (low or high) or not (plow or phigh):
                return False
            if high and plow:
                return True
            if low and phigh:
                return False
            return node is self._visible(parent.left)
        if kind in ("op", "test"):
            return self._parent_separates(parent)
        if kind == "bool":
            if isinstance(parent, q.TBool):
                if node.op in ("not", "and"):
                    return parent.op in ("and", "or")
                return parent.op == "or"
            return self._parent_separates(parent)
        return False

    def _parent_separates(self, parent: Any) -> bool:
        if isinstance(parent, q.TCast):
            return False
        return isinstance(parent, (q.TBool, q.TArray, q.TCoalesce, q.TMinMax,
                                   q.TNullIf, q.TCase, q.TCall))

    def _visible(self, node: Any) -> Any:
        """The node ruleutils sees: an implicit typmod-only relabel is
        no node at all."""
        while isinstance(node, q.TCast) and _invisible_cast(node):
            node = node.arg
        return node

    def _is_const(self, node: Any) -> bool:
        return isinstance(node, q.TLiteral) or (
            isinstance(node, q.TCast) and isinstance(node.arg, q.TLiteral)
            and node.arg.type == q.UNKNOWN)

    # -- leaves -------------------------------------------------------------------
    def _TColumn(self, node: q.TColumn, showimplicit: bool) -> str:
        return quote_ident(node.name)

    def _TLiteral(self, node: q.TLiteral, showimplicit: bool) -> str:
        if node.kind == "null" or node.text is None:
            return "NULL" if node.type == q.UNKNOWN else \
                f"NULL::{self.type_name(node.type)}"
        if node.type == q.UNKNOWN:
            return _quote_literal(node.text)
        text = formatter(node.type, _settings())(literal_value(node))
        return self.const(node.type, text, node.type.typmod)

    def const(self, rtype: q.ResultType, text: str, typmod: int) -> str:
        """get_const_expr(showtype=0) of a value whose output is `text`."""
        name = rtype.name
        if name == "int4":
            if text.startswith("-"):
                return f"{_quote_literal(text)}::integer"
            return text
        if name == "numeric":
            if text[:1].isdigit() and any(c in text for c in "eE."):
                out, label = text, typmod >= 0
            else:
                out, label = _quote_literal(text), True
            return out + (f"::{self.type_name(rtype, typmod)}" if label
                          else "")
        if name == "bool":
            return "true" if text in ("t", "true") else "false"
        if name == "unknown":
            return _quote_literal(text)
        return f"{_quote_literal(text)}::{self.type_name(rtype, typmod)}"

    def type_name(self, rtype: q.ResultType, typmod: int | None = None) -> str:
        mod = rtype.typmod if typmod is None else typmod
        return format_type(self.m, rtype.oid, mod, self.session)

    # -- casts --------------------------------------------------------------------
    def _TCast(self, node: q.TCast, showimplicit: bool) -> str:
        if isinstance(node.arg, q.TLiteral) and node.arg.type == q.UNKNOWN:
            return self._literal_cast(node)
        if _invisible_cast(node):
            return self.expr(node.arg, showimplicit)
        if not node.explicit and not showimplicit:
            return self.paren(node.arg, node, False)
        return self.coercion(node.arg, node.type, node)

    def _TDomain(self, node: q.TDomain, showimplicit: bool) -> str:
        """CoerceToDomain: the value cast to the domain by name."""
        sql_type = node.type.sql_type
        name = sql_type.display() if sql_type is not None else node.type.name
        return f"{self.paren(node.arg, node, False)}::{name}"

    def coercion(self, arg: Any, target: q.ResultType, parent: Any) -> str:
        """get_coercion_expr()."""
        inner = self.paren(arg, parent, False)
        if not self.pretty:
            inner = f"({inner})"
        return f"{inner}::{self.type_name(target)}"

    def _literal_cast(self, node: q.TCast) -> str:
        """An unknown literal coerced to a type: a constant of the type
        (typmod -1), under a length coercion when a typmod applies."""
        target = node.type
        literal = node.arg
        if literal.kind == "null" or literal.text is None:
            return f"NULL::{self.type_name(target)}"
        typmod = target.typmod if target.name == "interval" else -1
        value = input_function(target)(literal.text)
        bare = dataclasses.replace(target, typmod=typmod)
        text = formatter(bare, _settings())(value)
        const = self.const(bare, text, typmod)
        if target.typmod >= 0 and target.name != "interval":
            if node.explicit:
                return f"{self.const_plain(bare, text)}::" \
                       f"{self.type_name(target)}"
        return const

    def const_plain(self, rtype: q.ResultType, text: str) -> str:
        """get_const_expr(showtype=-1): the constant with no label."""
        if rtype.name in ("int4",) and not text.startswith("-"):
            return text
        if rtype.name == "numeric" and text[:1].isdigit() and any(
                c in text for c in "eE."):
            return text
        if rtype.name == "bool":
            return "true" if text in ("t", "true") else "false"
        return _quote_literal(text)

    # -- operators --------------------------------------------------------------------
    def _TOperator(self, node: q.TOperator, showimplicit: bool) -> str:
        if node.left is None:
            return self.wrap(f"{node.op} "
                             f"{self.paren(node.right, node, True)}")
        return self.wrap(f"{self.paren(node.left, node, True)} {node.op} "
                         f"{self.paren(node.right, node, True)}")

    def _TBool(self, node: q.TBool, showimplicit: bool) -> str:
        if node.op == "not":
            return self.wrap("NOT " + self.paren(node.args[0], node, False))
        joiner = f" {node.op.upper()} "
        return self.wrap(joiner.join(self.paren(a, node, False)
                                     for a in node.args))

    def _TNullTest(self, node: q.TNullTest, showimplicit: bool) -> str:
        test = " IS NOT NULL" if node.negated else " IS NULL"
        return self.wrap(self.paren(node.arg, node, True) + test)

    def _TBoolTest(self, node: q.TBoolTest, showimplicit: bool) -> str:
        return self.wrap(self.paren(node.arg, node, True) + " IS "
                         + node.test.upper())

    def _TDistinct(self, node: q.TDistinct, showimplicit: bool) -> str:
        inner = self.wrap(f"{self.paren(node.left, node, True)} IS DISTINCT "
                          f"FROM {self.paren(node.right, node, True)}")
        if not node.negated:
            return inner
        if self.pretty:  # NOT over a DistinctExpr: the test needs parens
            inner = f"({inner})"
        return self.wrap("NOT " + inner)

    def _TScalarArray(self, node: q.TScalarArray, showimplicit: bool) -> str:
        quantifier = "ANY" if node.use_or else "ALL"
        return self.wrap(f"{self.paren(node.left, node, True)} {node.op} "
                         f"{quantifier} ({self.paren(node.right, node, True)})")

    def _TArray(self, node: q.TArray, showimplicit: bool) -> str:
        items = ", ".join(self.expr(i, True) for i in node.items)
        if not node.items:
            return f"ARRAY[]::{self.type_name(node.type)}"
        return f"ARRAY[{items}]"

    def _TRow(self, node: q.TRow, showimplicit: bool) -> str:
        """RowExpr: ROW(…), with its named composite type when cast."""
        text = "ROW(" + ", ".join(self.expr(i, True) for i in node.items) + ")"
        record = node.type.sql_type.user
        return text if record.anonymous else f"{text}::{self.type_name(node.type)}"

    def _TField(self, node: q.TField, showimplicit: bool) -> str:
        record = node.arg.type.sql_type.user
        return f"({self.expr(node.arg, showimplicit)})." \
            f"{quote_ident(record.fields[node.index][0])}"

    def _TSubscript(self, node: q.TSubscript, showimplicit: bool) -> str:
        # ruleutils: the container in parentheses unless it is a column
        arg = self.expr(node.arg, showimplicit)
        if not isinstance(node.arg, q.TColumn):
            arg = f"({arg})"
        return f"{arg}[{self.expr(node.index, showimplicit)}]"

    def _TSubscripts(self, node: q.TSubscripts, showimplicit: bool) -> str:
        """printSubscripts: `[lower:upper]` per subscript of a slice (an
        omitted bound left out), `[index]` otherwise."""
        arg = self.expr(node.arg, showimplicit)
        if not isinstance(node.arg, q.TColumn):
            arg = f"({arg})"
        parts = []
        for lower, upper in zip(node.lowers, node.uppers):
            text = "" if upper is None else self.expr(upper, showimplicit)
            if node.is_slice:
                low = "" if lower is None else self.expr(lower, showimplicit)
                text = f"{low}:{text}"
            parts.append(f"[{text}]")
        return arg + "".join(parts)

    def _TCoalesce(self, node: q.TCoalesce, showimplicit: bool) -> str:
        return "COALESCE(" + ", ".join(self.expr(a, True)
                                       for a in node.args) + ")"

    def _TMinMax(self, node: q.TMinMax, showimplicit: bool) -> str:
        return node.op.upper() + "(" + ", ".join(self.expr(a, True)
                                                for a in node.args) + ")"

    def _TNullIf(self, node: q.TNullIf, showimplicit: bool) -> str:
        return (f"NULLIF({self.expr(node.left, True)}, "
                f"{self.expr(node.right, True)})")

    def _TCase(self, node: q.TCase, showimplicit: bool) -> str:
        """CASE with appendContextKeyword(): PRETTYFLAG_INDENT is always on
        for expressions, so each keyword starts a new line (trailing
        spaces before it removed), indented by PRETTYINDENT_VAR inside."""
        level = self.indent
        parts = [_keyword("CASE", level)]
        self.indent = level + 4
        try:
            if node.arg is not None:
                parts.append(" " + self.expr(node.arg, True))
            for when in node.whens:
                condition = when.condition
                if node.arg is not None and isinstance(condition, q.TOperator) \
                        and isinstance(_strip_implicit(condition.left),
                                       q.TCaseValue):
                    condition = condition.right
                parts.append(_keyword("WHEN ", self.indent))
                parts.append(self.expr(condition, False))
                parts.append(" THEN " + self.expr(when.result, True))
            parts.append(_keyword("ELSE ", self.indent))
            parts.append(self.expr(node.default, True))
        finally:
            self.indent = level
        parts.append(_keyword("END", level))
        return "".join(parts)

    def _TCaseValue(self, node: q.TCaseValue, showimplicit: bool) -> str:
        return "CASE_TEST_EXPR"

    def _TParam(self, node: q.TParam, showimplicit: bool) -> str:
        return f"${node.number}"

    def _TCall(self, node: q.TCall, showimplicit: bool) -> str:
        name = node.function[:node.function.index("(")]
        if name in ("nextval", "currval", "setval") and node.args:
            first = node.args[0]
            if isinstance(first, q.TCast):
                first = first.arg
            if isinstance(first, q.TLiteral) and first.text is not None:
                return self._sequence_call(name, node)
        if node.function in _AT_TIME_ZONE:  # get_func_sql_syntax
            return self.wrap(f"{self.paren(node.args[1], node, False)} AT "
                             f"TIME ZONE {self.paren(node.args[0], node, False)}")
        args = ", ".join(self.expr(a, True) for a in node.args)
        return f"{quote_ident(name)}({args})"

    def _SqlValueCall(self, node: SqlValueCall, showimplicit: bool) -> str:
        return node.keyword

    def _sequence_call(self, name: str, node: q.TCall) -> str:
        """nextval('s') with its regclass constant: the twin types the
        argument as text and resolves it when called."""
        first = node.args[0]
        literal = first.arg if isinstance(first, q.TCast) else first
        resolved = regclass_in(self.m, literal.text, self.session)
        rest = [self.expr(a, True) for a in node.args[1:]]
        head = f"{_quote_literal(resolved.text)}::regclass"
        return f"{name}({', '.join([head] + rest)})"


# the built-in timezone(zone, value) calls ruleutils prints as AT TIME ZONE
_AT_TIME_ZONE = frozenset(f"timezone({z},{t})" for z in ("text", "interval")
                          for t in ("timestamp", "timestamptz", "timetz"))

# appendContextKeyword(): "remove trailing spaces, newline, indent"
_MARK = "\x00"
_NEWLINE = re.compile(r" *\x00(\d+)\x01")


def _keyword(word: str, indent: int) -> str:
    return f"{_MARK}{min(indent, 40)}\x01{word}"


def _strip_implicit(node: Any) -> Any:
    while isinstance(node, q.TCast) and not node.explicit:
        node = node.arg
    return node


def _settings():
    return DEFAULT_SETTINGS


def _invisible_cast(node: q.TCast) -> bool:
    """An implicit cast that only drops a typmod: parse analysis adds no
    node for it."""
    return (not node.explicit and node.arg.type != q.UNKNOWN
            and node.arg.type.name == node.type.name and node.type.typmod < 0)


def _kind(node: Any) -> str:
    if isinstance(node, q.TOperator):
        return "op"
    if isinstance(node, (q.TNullTest, q.TBoolTest, q.TDistinct)):
        return "test" if not (isinstance(node, q.TDistinct)
                              and node.negated) else "bool"
    if isinstance(node, q.TBool):
        return "bool"
    return ""


def _simple_op(node: Any) -> str | None:
    """get_simple_binary_op_name(): a one-character binary operator."""
    if isinstance(node, q.TOperator) and node.left is not None \
            and len(node.op) == 1:
        return node.op
    return None


def _quote_literal(text: str) -> str:
    """simple_quote_literal() with standard_conforming_strings on."""
    return "'" + text.replace("'", "''") + "'"


# -- the catalog functions ---------------------------------------------------------


def default_expr(m: OidMap, table: Table, attnum: int, session: Any,
                 pretty: bool = False) -> str:
    column = table.column_at(attnum)
    return Printer(m, session, pretty).text(
        _typed_default(column, table, m.catalog))


def _path(session: Any) -> tuple[str, ...]:
    """Where a stored expression's type names are looked for (the
    session's search path, else public)."""
    path = getattr(session, "search_path", None)
    return tuple(path) if path else ("public",)


class _DomainPrinter(Printer):
    """A domain CHECK's value prints as VALUE (relabeled to the base type
    where implicit casts show, when it is of a domain over a domain)."""

    def _TColumn(self, node: q.TColumn, showimplicit: bool) -> str:
        sql_type = node.type.sql_type
        if showimplicit and sql_type is not None and sql_type.domain:
            return f"(VALUE)::{sql_type.without_domain.display()}"
        return "VALUE"


def domain_check(m: OidMap, check: Any, session: Any,
                 pretty: bool = False) -> str:
    """A domain CHECK's expression (kept typed over VALUE)."""
    return _DomainPrinter(m, session, pretty).text(check.expr)


def domain_default(m: OidMap, domain: Any, session: Any) -> str | None:
    """pg_type.typdefault: the domain's DEFAULT as stored, coerced to the
    base type (None: no default)."""
    if domain.default is None:
        return None
    ctx = TypingContext(kind="DEFAULT", allow_params=False,
                        sql_value=keyword_call)
    expr = resolve_expr(domain.default, EmptyScope(), ctx)
    target = q.ResultType.of(domain.base.without_domain)
    if expr.type != target:
        expr = coerce_to_type(expr, target, ctx, "a")
    return Printer(m, session, False).text(expr)


def check_expr(m: OidMap, table: Table, check: Check, session: Any,
               pretty: bool = False) -> str:
    with types_of(m.catalog, _path(session)):  # casts to user types
        typed = _typed_check(table, check)
    return Printer(m, session, pretty).text(typed)


def _columns(names: tuple[str, ...]) -> str:
    return ", ".join(quote_ident(n) for n in names)


_ACTIONS = {"CASCADE": "CASCADE", "SET NULL": "SET NULL",
            "SET DEFAULT": "SET DEFAULT", "RESTRICT": "RESTRICT"}


def constraint_def(m: OidMap, table: Table, constraint: Any, session: Any,
                   pretty: bool = False) -> str:
    """pg_get_constraintdef(oid[, pretty])."""
    if isinstance(constraint, PrimaryKey):
        return f"PRIMARY KEY ({_columns(constraint.columns)})"
    if isinstance(constraint, Unique):
        nnd = " NULLS NOT DISTINCT" if constraint.nulls_not_distinct else ""
        return f"UNIQUE{nnd} ({_columns(constraint.columns)})"
    if isinstance(constraint, ForeignKey):
        ref = regclass_text(m, m.relations[constraint.ref_table], session)
        out = (f"FOREIGN KEY ({_columns(constraint.columns)}) REFERENCES "
               f"{ref}({_columns(constraint.ref_columns)})")
        if constraint.match == "FULL":
            out += " MATCH FULL"
        if constraint.on_update in _ACTIONS:
            out += f" ON UPDATE {_ACTIONS[constraint.on_update]}"
        if constraint.on_delete in _ACTIONS:
            out += f" ON DELETE {_ACTIONS[constraint.on_delete]}"
        if constraint.deferrable:
            out += " DEFERRABLE"
        if constraint.deferred:
            out += " INITIALLY DEFERRED"
        return out
    assert isinstance(constraint, Check)
    return f"CHECK ({check_expr(m, table, constraint, session, pretty)})"


def predicate_expr(m: OidMap, index: Index, session: Any,
                   pretty: bool = False) -> str:
    """pg_get_expr(indpred, indrelid): a partial index's WHERE."""
    from twinning.passes.expr import type_index_predicate
    table = m.catalog.table(index.table)
    return Printer(m, session, pretty).text(
        type_index_predicate(table, index.predicate))


def key_expr(m: OidMap, index: Index, position: int, session: Any,
             pretty: bool = False, wrap: bool = True) -> str | None:
    """An expression key's text (pg_get_indexdef's, wrapped in
    parentheses unless it looks like a function call, as
    looks_like_function decides; `wrap` False: pg_get_expr(indexprs)'s);
    None for a plain column."""
    expr = index.expressions[position] if index.expressions else None
    if expr is None:
        return None
    from twinning.passes.expression_indexes import type_expression
    typed = type_expression(m.catalog.table(index.table), expr)
    text = Printer(m, session, pretty).text(typed)
    function_like = isinstance(typed, (q.TCall, q.TCoalesce, q.TMinMax,
                                       q.TNullIf))
    return text if function_like or not wrap else f"({text})"


def _key_column(m: OidMap, index: Index, position: int, session: Any,
                pretty: bool) -> str:
    """A key column with its DESC / NULLS options (btree's defaults:
    ASC NULLS LAST, and DESC NULLS FIRST, are not printed)."""
    text = key_expr(m, index, position, session, pretty) or \
        quote_ident(index.columns[position])
    if index.opclasses and index.opclasses[position]:
        text += " " + quote_ident(index.opclasses[position])
    option = index.options[position] if index.options else 0
    if option & 1:
        text += " DESC"
        if not option & 2:
            text += " NULLS LAST"
    elif option & 2:
        text += " NULLS FIRST"
    return text


def index_def(m: OidMap, index: Index, column: int, session: Any,
              pretty: bool = False) -> str:
    """pg_get_indexdef(oid[, column, pretty]); `column` 0 is the whole
    CREATE INDEX statement, n > 0 the n-th column (key or INCLUDE) alone,
    its name only."""
    if column > 0:
        columns = index.columns + index.include
        if column > len(columns):
            return ""
        if column <= len(index.columns):
            found = key_expr(m, index, column - 1, session, pretty)
            if found is not None:
                return found
        return quote_ident(columns[column - 1])
    table_oid = m.relations[index.table]
    table = (regclass_text(m, table_oid, session) if pretty else
             quote_qualified(index.table.schema, index.table.name))
    unique = "UNIQUE " if index.unique else ""
    keys = ", ".join(_key_column(m, index, i, session, pretty)
                     for i in range(len(index.columns)))
    include = f" INCLUDE ({_columns(index.include)})" if index.include else ""
    nnd = " NULLS NOT DISTINCT" if index.nulls_not_distinct else ""
    where = ""
    if index.predicate is not None:
        where = f" WHERE {predicate_expr(m, index, session, pretty)}"
    only = "ONLY " if m.catalog.partition_key(index.table) is not None else ""
    return (f"CREATE {unique}INDEX {quote_ident(index.name.name)} ON {only}"
            f"{table} USING {index.method} ({keys}){include}{nnd}{where}")
