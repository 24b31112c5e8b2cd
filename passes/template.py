"""Plan templates: one exact plan turned into a plan for every text with
the same normalized key (`passes/normalize.py`).

A statement is always planned first from its exact text, so every analysis
error comes out as PostgreSQL's. `learn` then looks at the typed IR of
that statement and decides which constants a later text may change:

- an INSERT's VALUES cells (a literal under the casts that coerce it to
  its column, or NULL / DEFAULT / TRUE / FALSE): converters per (column,
  cell shape), so a page of any row count and any mix of shapes binds
  without planning, and a shape not seen yet is a miss that teaches it;
- in WHERE (not HAVING or a target list: those take part in GROUP BY
  matching) and in UPDATE's SET: a literal compared with a column, or
  assigned, becomes a parameter of a second plan made from the rewritten
  IR. A literal the IR holds in any other place too stays part of the key.

Every other constant is *kept*: its text is part of the key of the plan
variant (LIMIT 10, ORDER BY 1, varchar(20), a folded `1 = 1` …).

Binding runs each literal's conversions (the same steps the exact plan
folded: input function with the literal's position, casts) under the
session's settings. A conversion that PostgreSQL would raise at execution
(an overflowing cast) is a miss: the exact path raises it as before.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import compress, count, repeat
from operator import call, itemgetter, not_
from typing import Any, Sequence

from twinning.ir import dml as d
from twinning.ir import query as q
from twinning.ir import select as r
from twinning.ir.types import REG_TYPES, SqlType
from twinning.passes.normalize import (VALUE_PARTS, CAST, DIGITS, KEYWORD,
                                       MINUS, STRING, Normalized, ValuesList,
                                       number_class)
from twinning.errors import SqlError
from twinning.passes.statements import plan_resolved
from twinning.passes.plan_dml import (Deferred, chain_steps, chain_value,
                                      is_function, literal_chain)
from twinning.passes.expr.compile import compile_checked
from twinning.passes.expr.walk import rebuild
from twinning.values.column_input import column_input
from twinning.values.numeric import parse_numeric

__all__ = ["DEFAULT", "Template", "kept_constants", "learn"]

_COMPARISONS = frozenset({"=", "<>", "<", ">", "<=", ">="})


class Converter:
    """How one constant's text becomes its value: the literal's kind and
    type as the exact plan typed it, then the cast steps. Called with the
    constant and the session's format settings; input errors raise at the
    constant's position, a later failing step as `Deferred`."""

    __slots__ = ("kind", "type", "steps", "negated", "_start", "_input",
                 "_only", "batch_type", "_column_input")

    def __init__(self, kind: str, type: q.ResultType, steps: tuple,
                 negated: bool, batch_type: SqlType | None = None) -> None:
        self.kind, self.type, self.steps, self.negated = kind, type, steps, negated
        # the column type whose text input (values.column_input) gives
        # what the steps give, for a whole column at once
        self.batch_type = batch_type
        self._column_input: tuple = (None, None)  # (settings, ColumnInput)
        self._start = None if kind == "string" else \
            (Decimal if kind == "integer" else _numeric_literal) \
            if type == q.NUMERIC else int
        self._input = type == q.UNKNOWN
        self._only = steps[0] if len(steps) == 1 and is_function(steps[0]) \
            else None

    def function(self) -> Any:
        """This converter as a plain function of (constant, settings): the
        common shapes — no conversion, or one plain conversion of an
        unsigned constant — without the general path's tests."""
        start, only, steps = self._start, self._only, self.steps
        if self.negated or (steps and only is None):
            return self.__call__
        if not steps:
            if start is None:
                return _text_of
            return lambda constant, settings: start(constant[1])
        input_step = self._input

        def convert(constant: Any, settings: Any) -> Any:
            try:
                return only(constant[1] if start is None else start(constant[1]))
            except SqlError as exc:
                raise _placed(exc, input_step, constant[0]) from None
        return convert

    def column(self, texts: list[str], settings: Any) -> list:
        """The values of a column of unsigned constants (string contents
        or digits) of this shape, converted at once; errors propagate
        (binding gives up and the exact path places them)."""
        if self.batch_type is not None:
            batched = self._batch(texts, settings)
            if batched is not None:
                return batched
        start, only, steps = self._start, self._only, self.steps
        values = texts if start is None else list(map(start, texts))
        if not steps:
            return values
        if only is not None:
            return list(map(only, values))
        return [chain_value(steps, v, self._input, -1, settings) for v in values]

    def _batch(self, texts: list[str], settings: Any) -> list | None:
        """COPY's batch conversion of the column's texts, or None."""
        found = self._input_for(settings)
        if found is None:  # the text is the value
            return texts
        return None if found.batch is None else found.batch(texts)

    def _input_for(self, settings: Any) -> Any:
        """The batch type's `column_input` under `settings` (kept for the
        last settings object: a session's stays the same)."""
        cached = self._column_input
        if cached[0] is not settings:
            cached = self._column_input = (
                settings, column_input(self.batch_type, settings))
        return cached[1]

    def cell(self, settings: Any) -> Any:
        """This converter as a function of a VALUES cell's lexer parts,
        under `settings`; errors propagate, as in `column`."""
        if self.batch_type is not None:
            return self._input_cell(settings)
        start, only, steps, input_step = self._start, self._only, self.steps, self._input
        if start is None:
            text: Any = _cell_text
        elif self.negated:
            text = lambda cell: start("-" + cell[DIGITS])  # noqa: E731
        else:
            text = lambda cell: start(cell[DIGITS])  # noqa: E731
        if not steps:
            return text
        if only is not None:
            return lambda cell: only(text(cell))
        return lambda cell: chain_value(steps, text(cell), input_step, -1,
                                        settings)

    def _input_cell(self, settings: Any) -> Any:
        """`cell` through the column type's text input, one value at a
        time (what COPY does with a line's field)."""
        found = self._input_for(settings)
        if self._start is None:
            if found is None:
                return _cell_text
            convert = found.convert
            return lambda cell: convert(_cell_text(cell))
        sign = "-" if self.negated else ""
        if found is None:
            return lambda cell: sign + cell[DIGITS]
        convert = found.convert
        if sign:
            return lambda cell: convert("-" + cell[DIGITS])
        return lambda cell: convert(cell[DIGITS])

    def __call__(self, constant: Any, settings: Any) -> Any:
        text = constant[1]
        if self.negated:
            text = "-" + text
        value = text if self._start is None else self._start(text)
        if not self.steps:
            return value
        position = constant[3] if self.negated else constant[0]
        if self._only is None:
            return chain_value(self.steps, value, self._input, position,
                               settings)
        try:  # one plain conversion: chain_value without its loop
            return self._only(value)
        except SqlError as exc:
            raise _placed(exc, self._input, position) from None


def _text_of(constant: Any, settings: Any) -> str:
    return constant[1]


def _placed(exc: SqlError, input_step: bool, position: int) -> Exception:
    """A conversion's error as binding raises it: an input function's at
    the constant (parse analysis), any other one `Deferred`."""
    if not input_step:
        deferred = Deferred()
        deferred.__cause__ = exc
        return deferred
    if exc.position is None and position >= 0:
        exc.position = position + 1
    return exc


def _numeric_literal(text: str) -> Decimal:
    """numeric_in of a numeric constant the lexer matched (digits, a point,
    maybe an exponent): a short plain one is already a valid Decimal."""
    if len(text) < 30 and "e" not in text and "E" not in text:
        value = Decimal(text)
        return value.copy_abs() if value.is_zero() else value
    return parse_numeric(text)


class Fixed:
    """A VALUES cell whose value is the same in every text (NULL, TRUE,
    FALSE under their casts, or DEFAULT)."""

    __slots__ = ("constant",)

    def __init__(self, constant: Any) -> None:
        self.constant = constant

    def __call__(self, constant: Any, settings: Any) -> Any:
        return self.constant

    def function(self) -> Any:
        value = self.constant
        return lambda constant, settings: value

    def cell(self, settings: Any) -> Any:
        value = self.constant
        return lambda cell: value


def _cell_text(cell: tuple) -> str:
    """A string cell's value: its quotes undone."""
    text = cell[STRING][1:-1]
    return text.replace("''", "'") if "''" in text else text


DEFAULT = object()  # a VALUES cell that takes the column default


@dataclass
class Template:
    """One normalized statement's plan variant: `stmt` and `plan` as
    learned, `slots` (constant index, converter) bound as $1…$n, or `cells`
    for an INSERT's VALUES rows ((column, cell shape) → converter)."""

    stmt: q.ParsedStatement
    plan: q.Plan
    slots: tuple[tuple[int, Converter], ...] = ()
    cells: dict | None = field(default=None)
    _functions: dict = field(default_factory=dict, repr=False)
    _signatures: dict = field(default_factory=dict, repr=False)
    generation: int = 0  # the catalog generation it was planned on

    def bind(self, norm: Normalized, settings: Any) -> tuple | None:
        """(plan, params, VALUES rows or None) for `norm`; None for a miss
        (a conversion that fails is one too: the exact path raises it)."""
        constants = norm.constants
        try:
            if self.cells is not None:
                rows = self._rows(norm.values, settings)  # type: ignore[arg-type]
                return None if rows is None else (self.plan, (), rows)
            return self.plan, tuple([conv(constants[index], settings)
                                     for index, conv in self.slots]), None
        except (Deferred, SqlError):
            return None

    def _rows(self, values: ValuesList, settings: Any) -> list | None:
        """Each VALUES row's values (`DEFAULT` where the default applies):
        a single row cell by cell, more a column at a time."""
        if values.columns is None:
            row = self._row(values.cells, settings)  # type: ignore[arg-type]
            return None if row is None else [row]
        columns = []
        parts = values.columns
        for j in range(values.width):
            column = self._column(j, *parts[j * VALUE_PARTS:(j + 1) * VALUE_PARTS], settings)
            if column is None:
                return None
            columns.append(column)
        return list(zip(*columns))

    def _column(self, j: int, texts: Sequence[str], minus: Sequence[str],
                digits: Sequence[str], keywords: Sequence[str],
                casts: Sequence[str], settings: Any) -> list | None:
        """Column `j`'s values from its cells' parts. The usual columns
        take one converter for all their cells: every cell a string, an
        unsigned int4 or one keyword (each under one cast), or strings and
        NULLs; any other column goes cell by cell."""
        if casts.count(casts[0]) == len(casts):
            cast = casts[0] or None
            if "" not in texts:
                conv = self.cells.get((j, ("s", cast)))  # type: ignore[union-attr]
                return None if conv is None else conv.column(_contents(texts), settings)
            if "" not in digits:
                shape = _numbers_shape(digits, minus, cast)
                if shape is not None:
                    conv = self.cells.get((j, shape))  # type: ignore[union-attr]
                    if conv is None:
                        return None
                    return conv.column(["-" + d for d in digits] if shape[2]
                                       else list(digits), settings)
            spelled = set(keywords)
            if "" not in spelled:  # NULL, TRUE, FALSE, DEFAULT: fixed values
                fixed = {}
                for keyword in spelled:
                    conv = self.cells.get((j, (keyword.upper(), cast)))  # type: ignore[union-attr]
                    if conv is None:
                        return None
                    fixed[keyword] = conv.constant
                return list(map(fixed.__getitem__, keywords))
            spelled.discard("")
            blank = texts.count("")
            if {k.upper() for k in spelled} == {"NULL"} and \
                    len(keywords) - keywords.count("") == blank:
                return self._strings_and_nulls(j, cast, texts, blank, settings)
        cells = zip(repeat(""), repeat(""), texts, minus, digits, keywords, casts)
        return self._cells([(j, cell + ("", "")) for cell in cells], settings)

    def _strings_and_nulls(self, j: int, cast: str | None, texts: list[str],
                           blank: int, settings: Any) -> list | None:
        """A column of string cells and NULLs (`blank` of them, where
        `texts` is empty): the strings converted at once, the NULLs put
        back in their places."""
        conv = self.cells.get((j, ("s", cast)))  # type: ignore[union-attr]
        null = self.cells.get((j, ("NULL", cast)))  # type: ignore[union-attr]
        if conv is None or null is None:
            return None
        values = conv.column(_contents(list(filter(None, texts))), settings)
        if blank * 8 > len(texts):
            given = iter(values)
            return [next(given) if t else null.constant for t in texts]
        out = list(values)
        for i in compress(count(), map(not_, texts)):  # in increasing order
            out.insert(i, null.constant)
        return out

    def _row(self, cells: list, settings: Any) -> list | None:
        """A one-row VALUES: its cells' signature (which are strings,
        keywords, digit runs, signed, cast — found at C speed) picks the
        row's converters, learned the first time it is seen."""
        digits = list(map(_DIGITS, cells))
        if max(map(len, filter(str.isdigit, digits)), default=0) >= 10:
            return self._cells(list(enumerate(cells)), settings)  # int8 or wider
        signature = (tuple(map(bool, map(_STRING, cells))),
                     tuple(map(_KEYWORD, cells)), tuple(map(str.isdigit, digits)),
                     tuple(map(bool, map(_MINUS, cells))), tuple(map(_CAST, cells)))
        found = self._signatures.get(signature)
        if found is None or found[0] is not settings:
            functions = self._row_functions(cells, settings)
            if functions is None:
                return None
            if len(self._signatures) < _SIGNATURES or found is not None:
                self._signatures[signature] = (settings, functions)
        else:
            functions = found[1]
        return list(map(call, functions, cells))

    def _row_functions(self, cells: list, settings: Any) -> list | None:
        """The cell functions of a one-row signature, bound to `settings`
        (kept per signature for the last settings object)."""
        out = []
        for j, (_, _, text, minus, digits, keyword, cast, _, _) in enumerate(cells):
            cast = cast or None
            shape: tuple = ("s", cast) if text else \
                ("i" if digits.isdigit() else "n", cast, bool(minus)) if digits \
                else (keyword.upper(), cast)
            conv = self.cells.get((j, shape))  # type: ignore[union-attr]
            if conv is None:
                return None
            out.append(conv.cell(settings))
        return out

    def _cells(self, cells: list, settings: Any) -> list | None:
        """(column, cell) pairs cell by cell, each cell's shape finding its
        converter (as a plain function, kept per column and shape)."""
        functions = self._functions
        out = []
        for j, (_, _, text, minus, digits, keyword, cast, _, _) in cells:
            cast = cast or None
            if text:
                key: tuple = (j, ("s", cast))
                text = text[1:-1]
                constant: tuple = (-1, text.replace("''", "'") if "''" in text
                                   else text, "s", -1)
            elif digits:
                cls = "i" if len(digits) < 10 and digits.isdigit() \
                    else number_class(digits)
                key = (j, (cls, cast, bool(minus)))
                constant = (-1, digits, cls, -1)
            else:
                key, constant = (j, (keyword.upper(), cast)), ()
            function = functions.get(key)
            if function is None:
                conv = self.cells.get(key)  # type: ignore[union-attr]
                if conv is None:
                    return None
                function = functions[key] = conv.function()
            out.append(function(constant, settings))
        return out


_MINUS, _DIGITS, _STRING, _KEYWORD, _CAST = map(itemgetter, (MINUS, DIGITS, STRING,
                                                         KEYWORD, CAST))
_SIGNATURES = 256  # one-row signatures kept per template (shapes mix: NULLs)
_UNQUOTE = itemgetter(slice(1, -1))


def _numbers_shape(digits: list[str], minus: list[str], cast: str | None
                   ) -> tuple | None:
    """The one shape of a column of numbers when they share it: all int4
    or all plain decimals, all signed or none; else None."""
    negated = any(minus)
    if negated and not all(minus):
        return None
    joined = "".join(digits)
    if max(map(len, digits)) < 10 and joined.isdigit():
        return ("i", cast, negated)
    if joined.count(".") == len(digits) and "e" not in joined and "E" not in joined:
        return ("n", cast, negated)
    return None


def _contents(quoted: list[str]) -> list[str]:
    """The values of quoted string literals."""
    texts = list(map(_UNQUOTE, quoted))
    if "'" in "".join(texts):
        texts = [t.replace("''", "'") for t in texts]
    return texts


def kept_constants(norm: Normalized, template: Template) -> tuple[int, ...]:
    """Indexes of the constants whose text is part of the variant key (a
    VALUES list's cells are never among the constants)."""
    bound = {i for i, _ in template.slots}
    return tuple(i for i in range(len(norm.constants)) if i not in bound)


def learn(norm: Normalized, stmt: q.ParsedStatement,
          resolved: q.ResolvedStatement, exact: q.Plan,
          known: Template | None = None) -> Template | None:
    """The template of the statement just planned exactly, or None when
    it has no reusable shape. `known`: the variant learned before, whose
    VALUES cell converters grow with the shapes of this statement."""
    if norm.values is not None:
        return _learn_rows(norm, stmt, resolved, exact, known)
    return _learn_slots(norm, stmt, resolved, exact)


# -- INSERT … VALUES -------------------------------------------------------------

def _learn_rows(norm, stmt, resolved, exact, known) -> Template | None:
    node = resolved.node
    rows, constants = norm.values.located(norm.sql)
    if not isinstance(node, d.ResolvedInsert) or node.query is not None \
            or not isinstance(exact, q.WritePlan) or len(node.rows) != len(rows):
        return None
    cells = dict(known.cells) if known is not None and known.cells else {}
    for i, ((shapes, indexes), exprs) in enumerate(zip(rows, node.rows)):
        if len(shapes) != len(exprs):
            return None
        for j, (shape, index, expr) in enumerate(zip(shapes, indexes, exprs)):
            if (j, shape) in cells:
                continue
            if index < 0:  # NULL, DEFAULT, TRUE, FALSE: one value per shape
                fixed = _fixed(shape[0], expr, exact.write.values[i][j])
                if fixed is None:
                    return None
                cells[(j, shape)] = fixed
                continue
            conv = _converter(expr, constants[index], shape[-1] is True)
            if conv is None:
                return None
            cells[(j, shape)] = conv
    return Template(stmt, exact, cells=cells)


def _fixed(keyword: str, expr: Any, compiled: Any) -> Fixed | None:
    if keyword == "DEFAULT":
        return Fixed(DEFAULT) if expr is None else None
    chain = literal_chain(expr)
    if chain is None or compiled is None:
        return None
    try:
        return Fixed(compiled((), None))
    except Exception:  # noqa: BLE001 - not a constant after all
        return None


# -- parameters in WHERE and SET ------------------------------------------------

def _learn_slots(norm, stmt, resolved, exact) -> Template | None:
    node = resolved.node
    if not isinstance(node, (r.ResolvedQuery, d.ResolvedUpdate,
                             d.ResolvedDelete)) or not norm.constants:
        return Template(stmt, exact)
    sites = _sites(norm)
    lifted: dict[int, tuple[q.TExpr, Converter]] = {}
    for expr in _candidates(node):
        literal = literal_chain(expr)
        index = _constant_of(literal[0], sites) if literal else None
        if index is None or index in lifted:
            continue
        conv = _converter(expr, norm.constants[index], sites[
            literal[0].location][1])
        if conv is not None and expr.type.name not in REG_TYPES:
            lifted[index] = (expr, conv)
    # a literal the IR also holds elsewhere stays in the key
    counts: dict[int, int] = {}
    for lit in _literals(node):
        index = _constant_of(lit, sites)
        if index is not None:
            counts[index] = counts.get(index, 0) + 1
    lifted = {i: v for i, v in lifted.items() if counts.get(i) == 1}
    if not lifted:
        return Template(stmt, exact)
    order = sorted(lifted)
    params = {id(lifted[i][0]): q.TParam(n + 1, lifted[i][0].type,
                                         norm.constants[i].start)
              for n, i in enumerate(order)}
    rewritten = _replace(node, params)
    try:
        templated = plan_resolved(stmt, dataclasses.replace(resolved, node=rewritten))
    except Exception:  # noqa: BLE001 - a shape the planner cannot take
        return Template(stmt, exact)
    if templated.columns != exact.columns:
        return Template(stmt, exact)
    return Template(stmt, templated,
                    slots=tuple((i, lifted[i][1]) for i in order))


def _candidates(node: Any):
    """Literal chains in WHERE / SET positions that may become parameters."""
    if isinstance(node, d.ResolvedUpdate):
        if node.from_ is None:
            yield from (e for _, e in node.assignments if e is not None)
        yield from _compared(node.where)
    elif isinstance(node, d.ResolvedDelete):
        yield from _compared(node.where)
    else:
        yield from _where_literals(node.relation)


def _where_literals(rel: Any):
    """Comparisons in the Filters over base tables (a WHERE clause)."""
    if isinstance(rel, r.Filter) and _base(rel.input):
        yield from _compared(rel.predicate)
    if isinstance(rel, (r.Filter, r.Project, r.Sort, r.Limit)):
        yield from _where_literals(rel.input)


def _base(rel: Any) -> bool:
    if isinstance(rel, r.Scan):
        return not rel.system
    if isinstance(rel, r.Join):
        return _base(rel.left) and _base(rel.right)
    return False


def _compared(expr: Any):
    """Operands of `column op literal` comparisons under AND."""
    if isinstance(expr, q.TBool) and expr.op == "and":
        for arg in expr.args:
            yield from _compared(arg)
    elif isinstance(expr, q.TOperator) and expr.op in _COMPARISONS \
            and expr.left is not None:
        for col, other in ((expr.left, expr.right), (expr.right, expr.left)):
            while isinstance(col, q.TCast) and not col.explicit:
                col = col.arg
            if isinstance(col, q.TColumn):
                yield other


def _sites(norm: Normalized) -> dict[int, tuple[int, bool]]:
    """Source offset → (constant index, negated), for constants whose text
    is unique in the statement: literal locations come from matching
    scanner tokens to the tree, so a text match is what confirms them."""
    seen: dict[str, int] = {}
    for c in norm.constants:
        seen[c.text] = seen.get(c.text, 0) + 1
    out = {}
    for i, c in enumerate(norm.constants):
        if seen[c.text] > 1:
            continue
        out[c.start] = (i, False)
        if c.minus >= 0:
            out[c.minus] = (i, True)
    return out


def _constant_of(lit: q.TLiteral, sites: dict) -> int | None:
    site = sites.get(lit.location)
    return None if site is None else site[0]


def _converter(expr: Any, constant: Any, negated: bool) -> Converter | None:
    """The converter of a literal chain written as `constant`."""
    chain = literal_chain(expr)
    if chain is None:
        return None
    literal, casts = chain
    if literal.kind not in ("string", "integer", "numeric") or \
            literal.text != ("-" if negated else "") + constant.text:
        return None
    try:
        general = compile_checked(expr).fn
    except Exception:  # noqa: BLE001
        return None
    steps = chain_steps(literal, casts, general)
    if steps is None:
        return None
    return Converter(literal.kind, literal.type, steps, negated,
                     _batch_type(literal, casts))


# the column types a literal of each kind reaches, under assignment or
# typmod-free casts to that type alone, exactly as the type's input
# function (and the column typmod) reads the literal's text
_BATCH_TARGETS = {
    "string": frozenset({"int2", "int4", "int8", "bool", "float8", "numeric",
                         "date", "timestamp", "timestamptz", "text",
                         "varchar"}),
    "integer": frozenset({"int2", "int4", "int8", "numeric", "float8"}),
    "numeric": frozenset({"numeric", "float8"}),  # numeric_float8 is float8in
}


def _batch_type(literal: q.TLiteral, casts: list) -> SqlType | None:
    """The column type whose `column_input` converts this literal's text
    as its chain of casts does, or None (an explicit typmod cast
    truncates where assignment fails; a cast through another type may
    round; domains and arrays check more)."""
    if not casts:
        return None
    final = casts[-1].type.sql_type
    if final is None or final.is_array or final.domain is not None \
            or final.user is not None \
            or final.name not in _BATCH_TARGETS.get(literal.kind, ()):
        return None
    for cast in casts:
        target = cast.type
        if target.name != final.name or (cast.explicit and target.typmod >= 0):
            return None
    return final


def _literals(node: Any):
    if isinstance(node, q.TLiteral):
        yield node
    elif isinstance(node, tuple):
        for item in node:
            yield from _literals(item)
    elif dataclasses.is_dataclass(node) and not isinstance(
            node, (type, q.ResultType)):
        for f in dataclasses.fields(node):
            yield from _literals(getattr(node, f.name))


def _replace(node: Any, params: dict) -> Any:
    """`node` with the expressions whose id is in `params` replaced."""
    return rebuild(node, lambda value: params.get(id(value)))
