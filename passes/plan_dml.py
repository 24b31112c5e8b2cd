"""Plan stage for write statements: `ResolvedWrite` → `CompiledWrite`.

Every typed expression — VALUES items, defaults, SET values, WHERE,
ON CONFLICT's clauses, RETURNING — is compiled once into a closure
`fn(row, ctx)`; the executor (`twinning.execute_write`) only calls them.
A folding error (1/0 in a VALUES item) is raised when the plan runs, as
PostgreSQL raises it at execution of that statement. VALUES constants are
compiled by shape (`_ConstantChains`), which keeps a 1000-row INSERT's
planning in proportion to its literals, not to a compiler walk per item.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Callable

from twinning.errors import SqlError
from twinning.ir import dml as d
from twinning.ir import query as q
from twinning.ir.select import ResolvedQuery
from twinning.ir.types import REG_TYPES
from twinning.passes.plan_select import (_conjuncts, _equi_pair, _hash_key,
                                         compile_read, pinned_columns,
                                         plan_query)
from twinning.passes.expr.ordering import equality_key
from twinning.passes.expr.compile import _relabel, literal_value
from twinning.valueio import cast_function, settings_dependent
from twinning.values.settings import DEFAULT_SETTINGS

Fn = Callable[[tuple, Any], Any]

_TAGS = {d.ResolvedInsert: "INSERT", d.ResolvedUpdate: "UPDATE",
         d.ResolvedDelete: "DELETE", d.ResolvedTruncate: "TRUNCATE TABLE",
         d.ResolvedCopy: "COPY", d.ResolvedMerge: "MERGE"}


@dataclass(frozen=True)
class CompiledWrite:
    """What the executor runs; `resolved` is the dumpable IR behind it."""

    resolved: d.ResolvedWrite
    tag: str
    columns: tuple[q.Column, ...] = ()  # RETURNING's RowDescription
    values: tuple = field(default=(), compare=False, repr=False)
    defaults: tuple = field(default=(), compare=False, repr=False)
    assignments: tuple = field(default=(), compare=False, repr=False)
    where: Fn | None = field(default=None, compare=False, repr=False)
    conflict_where: Fn | None = field(default=None, compare=False, repr=False)
    returning: tuple = field(default=(), compare=False, repr=False)
    # rows read by the read path: INSERT's source query, or the FROM/USING
    # items' rows joined to each target row (fn(ctx) -> list of tuples)
    reads: Any = field(default=None, compare=False, repr=False)
    # UPDATE/DELETE: (slot, fn) per `column = constant` of WHERE, which an
    # index on those columns can answer instead of a scan
    pinned: tuple = field(default=(), compare=False, repr=False)
    # a constant that failed to fold in SET, RETURNING or WHERE: PostgreSQL's
    # planner raises it before any row is read
    planning_error: Any = field(default=None, compare=False, repr=False)
    # INSERT … VALUES: per row, ((slot, fn) of its given values, the slots
    # left to their defaults); and the (row, item) positions whose input
    # runs at parse analysis, before every other value (`at_analysis`)
    layouts: tuple = field(default=(), compare=False, repr=False)
    early: tuple = field(default=(), compare=False, repr=False)
    # MERGE: per WHEN clause (matched, action, condition fn, (slot, fn)
    # pairs of its INSERT values or UPDATE SET list)
    merge: tuple = field(default=(), compare=False, repr=False)
    # MERGE: (target row's key, source row's key) of the ON condition's
    # `target column = source column` conjuncts, to find candidate pairs
    # by hash; () when it has none (every pair is tried)
    join_keys: tuple = field(default=(), compare=False, repr=False)
    # INSERT/UPDATE/COPY into a table with stored generated columns: the
    # (slot, fn(row, ctx)) computing each from the new row; () otherwise
    generated: tuple = field(default=(), compare=False, repr=False)
    # INSERT of one VALUES row of bare parameters (a prepared statement's
    # usual shape): each item's (parameter index, conversion or None), so
    # the row is the Bind values converted, no expression evaluated
    param_row: tuple | None = field(default=None, compare=False, repr=False)


def _fn(expr: Any) -> Any:
    """A compiled value, a sequence draw, or None (the column default)."""
    if expr is None or isinstance(expr, d.SequenceDefault):
        return expr
    return compile_read(expr).fn


def plan_write(resolved: d.ResolvedWrite) -> CompiledWrite:
    tag = _TAGS[type(resolved)]
    returning = getattr(resolved, "returning", ())
    columns = tuple(q.Column(c.name, c.expr.type) for c in returning)
    fns = tuple(compile_read(c.expr).fn for c in returning)
    if isinstance(resolved, d.ResolvedInsert):
        conflict = resolved.on_conflict
        constants = _ConstantChains()
        values = tuple(tuple(constants.compile(e) for e in row)
                       for row in resolved.rows)
        width = len(resolved.defaults)
        return CompiledWrite(
            reads=_reads(resolved.query),
            resolved=resolved, tag=tag, columns=columns,
            values=values, layouts=_layouts(values, resolved.slots, width),
            early=tuple((i, j) for i, fns in enumerate(values)
                        for j, fn in enumerate(fns)
                        if getattr(fn, "at_analysis", False)),
            defaults=tuple(_fn(e) for e in resolved.defaults),
            assignments=tuple((slot, _fn(e)) for slot, e in
                              (conflict.assignments if conflict else ())),
            conflict_where=_fn(conflict.where) if conflict else None,
            returning=fns, generated=_generated(resolved),
            param_row=_param_row(resolved))
    if isinstance(resolved, d.ResolvedUpdate):
        return CompiledWrite(
            reads=_reads(resolved.from_),
            resolved=resolved, tag=tag, columns=columns,
            defaults=tuple(_fn(e) for e in resolved.defaults),
            assignments=tuple((slot, _fn(e)) for slot, e in resolved.assignments),
            where=_fn(resolved.where), returning=fns,
            generated=_generated(resolved),
            pinned=_pinned(resolved.where, resolved.from_),
            planning_error=_folding_error(
                [e for _, e in resolved.assignments]
                + [c.expr for c in returning] + [resolved.where]))
    if isinstance(resolved, d.ResolvedMerge):
        return _merge(resolved, tag)
    if isinstance(resolved, d.ResolvedCopy):
        return CompiledWrite(resolved, tag,
                             defaults=tuple(_fn(e) for e in resolved.defaults),
                             generated=_generated(resolved))
    if isinstance(resolved, d.ResolvedDelete):
        return CompiledWrite(resolved, tag, columns, where=_fn(resolved.where),
                         returning=fns, reads=_reads(resolved.using),
                         pinned=_pinned(resolved.where, resolved.using),
                         planning_error=_folding_error(
                             [c.expr for c in returning] + [resolved.where]))
    return CompiledWrite(resolved, tag)


def _param_row(resolved: d.ResolvedInsert) -> tuple | None:
    """`CompiledWrite.param_row`: None unless every item of the one VALUES
    row is a parameter under casts that are plain functions (no casts
    bound to settings or to the catalog), which compile to exactly these
    conversions of its value (`compile._cast`)."""
    if len(resolved.rows) != 1 or resolved.query is not None:
        return None
    items = []
    for item in resolved.rows[0]:
        casts = []
        while isinstance(item, q.TCast):
            casts.append(item)
            item = item.arg
        if not isinstance(item, q.TParam):
            return None
        steps = []
        for cast in reversed(casts):
            source, target = cast.arg.type, cast.type
            if _relabel(source, target):
                continue
            if settings_dependent(source, target) or target.name in REG_TYPES:
                return None
            steps.append(cast_function(source, target, DEFAULT_SETTINGS,
                                       cast.explicit))
        items.append((item.number - 1, steps[0] if len(steps) == 1 else
                      _composed(tuple(steps)) if steps else None))
    return tuple(items)


def _composed(steps: tuple) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        for step in steps:
            value = step(value)
        return value
    return convert


def _generated(resolved: Any) -> tuple:
    """Each stored generated column's compiled expression."""
    return tuple((slot, compile_read(e).fn) for slot, e in resolved.generated)


def _merge(resolved: d.ResolvedMerge, tag: str) -> CompiledWrite:
    """MERGE: the source rows (the read path), the join condition, and
    each WHEN clause's condition and values."""
    actions = resolved.actions
    exprs: list = [resolved.on]
    for a in actions:
        exprs.append(a.condition)
        exprs.extend(e for _, e in a.values + a.assignments)
    return CompiledWrite(
        resolved, tag, reads=_reads(resolved.source),
        where=_fn(resolved.on),
        defaults=tuple(_fn(e) for e in resolved.defaults),
        merge=tuple((a.matched, a.action, _fn(a.condition),
                     tuple((slot, _fn(e)) for slot, e in a.values),
                     tuple((slot, _fn(e)) for slot, e in a.assignments))
                    for a in actions),
        join_keys=_merge_keys(resolved.on, len(resolved.defaults)),
        generated=_generated(resolved),
        planning_error=_folding_error(exprs))


def _merge_keys(on: Any, width: int) -> tuple:
    pairs = [p for p in (_equi_pair(c, width) for c in _conjuncts(on)) if p]
    if not pairs:
        return ()
    return (_hash_key([(t.slot, equality_key(t.type)) for t, _ in pairs]),
            _hash_key([(src.slot - width, equality_key(src.type))
                       for _, src in pairs]))


def _layouts(values: tuple, slots: tuple, width: int) -> tuple:
    """Each VALUES row's (slot, fn) pairs and its defaulted slots."""
    out = []
    for fns in values or ((),):
        given = tuple((slot, fn) for slot, fn in zip(slots, fns)
                      if fn is not None)
        present = {slot for slot, _ in given}
        out.append((given, tuple(s for s in range(width) if s not in present)))
    return tuple(out)


def _pinned(where: Any, joined: Any) -> tuple:
    if joined is not None:
        return ()
    return tuple((slot, compile_read(e).fn)
                 for slot, e in pinned_columns(where).items())


def _folding_error(exprs: list) -> SqlError | None:
    """The first constant-folding error among `exprs` (planner order)."""
    for expr in exprs:
        if expr is not None and not isinstance(expr, d.SequenceDefault):
            error = compile_read(expr).error
            if error is not None:
                return error
    return None


def _reads(read: Any) -> Any:
    """The read path's rows for a write: a `ResolvedQuery` (INSERT …
    SELECT) or a FROM/USING relation, compiled to fn(ctx) -> rows."""
    if read is None:
        return None
    if not isinstance(read, ResolvedQuery):
        read = ResolvedQuery(read, read.columns, ())
    compiled = plan_query(read)
    if compiled.error is not None:
        raise compiled.error
    return compiled.run


_RELABEL = None


class _ConstantChains:
    """VALUES items that are a literal under a chain of casts, compiled by
    shape (many-row VALUES: one `execute_values` page is 1000 rows).

    `compile_read` folds such an item: the literal's value, then each
    cast's conversion — the first one (an unknown literal's input function)
    raising at once with the literal's position, a later one folding its
    error into a closure that raises when the plan runs; a cast whose
    result depends on the session's settings (date/time input) ends the
    folding and runs per execution, rebound when the settings change.
    Which conversions run depends only on the types in the chain, so they
    are looked up once per shape and applied to each literal. The first
    item of every shape is compiled both ways, and the shape is only used
    when the two agree."""

    def __init__(self) -> None:
        self._shapes: dict[tuple, tuple | None] = {}

    def compile(self, expr: Any) -> Any:
        if not isinstance(expr, q.TCast):
            if isinstance(expr, q.TLiteral):
                value = literal_value(expr)
                return lambda row, ctx: value
            return _fn(expr)
        chain = literal_chain(expr)
        if chain is None:
            return _fn(expr)
        node, casts = chain
        key = (node.kind, node.type,
               tuple((c.arg.type, c.type, c.explicit) for c in casts))
        steps = self._shapes.get(key, ())
        if steps is None:
            return _fn(expr)
        if steps == ():
            general = compile_read(expr)  # raises a literal's input error
            self._shapes[key] = chain_steps(node, casts, general.fn)
            return general.fn
        return _run(steps, node)


def literal_chain(expr: Any) -> tuple[q.TLiteral, list] | None:
    """`literal::a::b…` as (the literal, its casts innermost first)."""
    casts = []
    node = expr
    while isinstance(node, q.TCast):
        casts.append(node)
        node = node.arg
    if not isinstance(node, q.TLiteral):
        return None
    casts.reverse()
    return node, casts


def chain_steps(literal: q.TLiteral, casts: list, general: Any) -> tuple | None:
    """The conversions of a literal's cast chain, one per cast; None when
    they cannot be applied step by step or disagree with `general` (the
    compiled item) on this literal."""
    steps: list = []
    for i, cast in enumerate(casts):
        source, target = cast.arg.type, cast.type
        if _relabel(source, target):
            steps.append(_RELABEL)
        elif settings_dependent(source, target):
            if i != len(casts) - 1:  # only a last dynamic step
                return None
            steps.append(_Dynamic(source, target, cast.explicit))
        else:
            steps.append(cast_function(source, target, DEFAULT_SETTINGS,
                                       cast.explicit))
    fast = _run(tuple(steps), literal)
    return tuple(steps) if _agree(general, fast) else None


class _Dynamic:
    """A settings-dependent cast: its function is rebound when the
    session's settings object changes (one tuple swapped atomically, so
    threads sharing the plan never see half an update)."""

    def __init__(self, source: q.ResultType, target: q.ResultType,
                 explicit: bool) -> None:
        self.source, self.target, self.explicit = source, target, explicit
        self._bound: tuple = (None, None)

    def get(self, settings: Any) -> Any:
        bound = self._bound
        if bound[0] is not settings:
            bound = (settings, cast_function(self.source, self.target,
                                             settings, self.explicit))
            self._bound = bound
        return bound[1]


def _run(steps: tuple, literal: q.TLiteral) -> Any:
    return run_chain(steps, literal_value(literal),
                     literal.type == q.UNKNOWN, literal.location)


def run_chain(steps: tuple, value: Any, input_step: bool, location: int) -> Any:
    """The closure of a literal's value through its conversions: the
    input function's error raises now, at the literal; a later step's
    error is raised when the closure runs."""
    for i, convert in enumerate(steps):
        if convert is _RELABEL or value is None:
            continue
        position = location + 1 if i == 0 and input_step \
            and location >= 0 else None
        if isinstance(convert, _Dynamic):
            cast = _dynamic(convert, value, position)
            cast.at_analysis = i == 0 and input_step  # type: ignore[attr-defined]
            return cast
        try:
            value = convert(value)
        except SqlError as exc:
            if i == 0 and input_step:  # the input function: parse analysis
                if exc.position is None:
                    exc.position = position
                raise
            return _failing(exc)
    return lambda row, ctx: value


def is_function(step: Any) -> bool:
    """A chain step that is a plain conversion (not a relabel, not bound
    to the session's settings)."""
    return step is not _RELABEL and not isinstance(step, _Dynamic)


class Deferred(Exception):
    """A literal's conversion fails after its input step: PostgreSQL raises
    that error when the plan runs, so a bound value cannot stand for it."""


def chain_value(steps: tuple, value: Any, input_step: bool, location: int,
                settings: Any) -> Any:
    """`run_chain` evaluated now, under the session's `settings`: the value
    itself (input errors raise at the literal, later ones as `Deferred`)."""
    for i, convert in enumerate(steps):
        if convert is _RELABEL or value is None:
            continue
        if isinstance(convert, _Dynamic):
            convert = convert.get(settings)
        try:
            value = convert(value)
        except SqlError as exc:
            if i == 0 and input_step:
                if exc.position is None and location >= 0:
                    exc.position = location + 1
                raise
            raise Deferred() from exc
    return value


def _dynamic(step: _Dynamic, value: Any, position: int | None) -> Any:
    get = step.get

    def cast(row: tuple, ctx: Any) -> Any:
        try:
            return get(ctx.settings)(value)
        except SqlError as exc:
            if exc.position is None:
                exc.position = position
            raise
    return cast


def _failing(error: SqlError) -> Any:
    def fail(row: tuple, ctx: Any) -> Any:
        raise error
    return fail


def _agree(general: Any, fast: Any) -> bool:
    """Do both closures give the same value (or the same error)?"""
    ctx = SimpleNamespace(settings=DEFAULT_SETTINGS)

    def outcome(fn: Any) -> tuple:
        try:
            return ("value", repr(fn((), ctx)))
        except SqlError as exc:
            return ("error", exc.sqlstate, exc.message, exc.position)
        except Exception:  # noqa: BLE001 - a shape this fast path misreads
            return ("unknown", id(fn))
    return outcome(general) == outcome(fast)
