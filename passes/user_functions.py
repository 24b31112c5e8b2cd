"""User functions in the typer: which ones a written call may mean, and
the typed call of the one PostgreSQL's candidate selection picks.

The catalog's functions are made visible for the statement being typed
(`functions_of`, a context variable as `resolve_types.types_of` does for
types); a catalog without functions installs nothing, so a built-in
call costs one dictionary miss more (`candidates_for`). A user function
competes with the built-ins of its name (func_get_detail over both; a
built-in of the same argument types hides it, pg_catalog being first on
the path) and wins or loses by the same rules; a built-in win goes on
through the built-in path.
"""

from __future__ import annotations

from typing import Any, Sequence

from pglast.parser import parse_sql

from twinning.errors import FEATURE_NOT_SUPPORTED, SqlError, function_not_unique
from twinning.ir import query as q
from twinning.ir.routines import Function, TUserCall, TUserSetCall
from twinning.passes.expr.candidates import Candidate, select_candidate
from twinning.passes.expr.scope import EMPTY
from twinning.passes.expr.types import result_type
from twinning.passes.function_scope import (_VISIBLE, builder_functions,
                                            candidates_for, functions_of)
from twinning.passes.parse_expr import ExprConverter

__all__ = ["builder_functions", "candidates_for", "functions_of",
           "typed_call", "is_user_aggregate", "type_user_aggregate",
           "run_aggregate", "result_columns", "result_rtype"]

# the typer's own functions, handed down by `analyze` when it is imported
# (it imports this module: no import back)
_TYPER: dict[str, Any] = {}


def install(**parts: Any) -> None:
    _TYPER.update(parts)


def is_user_aggregate(name: tuple[str, ...]) -> bool:
    return any(f.aggregate for f in candidates_for(name) or ())


def typed_call(resolver: Any, node: Any, args: list, names: Sequence,
               found: list[Function], builtins: list | None) -> Any:
    """The typed call of a user function, or None when a built-in wins
    (or no user function fits and there are built-ins to try)."""
    coerce_to_type = _TYPER["coerce_to_type"]
    inputs = [a.type.name for a in args]
    by_candidate: dict = {}
    user_cands = []
    builtin_args = {tuple(c.args) for c in builtins or ()}
    for fn in found:
        keys = tuple(q.ResultType.of(t).name for t in fn.input_types)
        if keys in builtin_args:
            continue  # pg_catalog's comes first on the path
        where = _placed(fn, names, len(args))
        if where is None:
            continue
        declared = tuple(keys[i] for i in where)
        cand = Candidate(fn.name.name, declared, "", False, ())
        by_candidate[cand] = (fn, where)
        user_cands.append(cand)
    if not user_cands:
        return None
    chosen, ambiguous = select_candidate(inputs, user_cands + (
        list(builtins or ()) if not any(names) else []))
    if len(chosen) != 1:
        if builtins:
            return None
        if ambiguous:
            raise function_not_unique(
                f"{'.'.join(node.name)}({_shown_args(args, names)})",
                node.location + 1)
        return None
    cand, declared = chosen[0]
    if cand not in by_candidate:
        return None  # a built-in: its own path types it
    fn, where = by_candidate[cand]
    if fn.aggregate is not None:  # typed again by the read path's hook
        return resolver.aggregate(node)
    coerced = [coerce_to_type(a, result_type(k) or q.ResultType.of(
        fn.input_types[i]), resolver.ctx)
        for a, k, i in zip(args, declared, where)]
    given = dict(zip(where, coerced))
    full = []
    for i, arg in enumerate(fn.inputs):
        if i in given:
            full.append(given[i])
        else:
            full.append(_default(arg, resolver))
    location = node.location
    signature = f"{fn.name}({','.join(q.ResultType.of(t).name for t in fn.input_types)})"
    rtype = result_rtype(fn)
    if fn.retset:
        if resolver.ctx.no_sets is not None:
            raise SqlError(FEATURE_NOT_SUPPORTED, "set-returning functions are not allowed "
                                         f"in {resolver.ctx.no_sets}",
                                         position=location + 1)
        outs = fn.outputs
        return TUserSetCall(signature, tuple(full), rtype, location, fn.oid,
                            result_columns(fn),
                            outs[0].name if len(outs) == 1 else None)
    return TUserCall(signature, tuple(full), rtype, location, fn.oid,
                     result_columns(fn))


def result_rtype(fn: Function) -> q.ResultType:
    if fn.kind == "scalar":
        return q.ResultType.of(fn.result)
    if fn.kind == "void":
        return q.VOID
    if fn.kind == "trigger":
        return q.ResultType("trigger", 2279, 4)
    return q.ResultType("record", 2249, -1)


def result_kind(oid: int) -> str | None:
    """The kind of the visible user function `oid` ("record": OUT
    parameters, "row": a named composite type, …), None when unknown."""
    seen = _VISIBLE.get()
    lookup = getattr(seen[0], "function_by_oid", None) if seen else None
    fn = lookup(oid) if lookup is not None and oid else None
    return getattr(fn, "kind", None)


def result_columns(fn: Function, catalog: Any = None) -> tuple:
    """(name, ResultType) of each result column of a row result."""
    if fn.kind == "record":
        return tuple((a.name, q.ResultType.of(a.type)) for a in fn.outputs)
    if fn.kind == "row":
        seen = _VISIBLE.get()
        catalog = catalog or (seen[0] if seen else None)
        table = catalog.table(fn.row_table) if catalog else None
        if table is not None:
            return tuple((c.name, q.ResultType.of(c.type))
                         for c in table.columns)
    return ()


def _placed(fn: Function, names: Sequence, nargs: int) -> tuple | None:
    """The parameter each argument fills (MatchNamedCall), or None."""
    inputs = fn.inputs
    if nargs > len(inputs):
        return None
    where = [i for i, n in enumerate(names) if n is None] if names else \
        list(range(nargs))
    positional = len(where)
    declared = [a.name for a in inputs]
    for name in (names or ())[positional:]:
        if name not in declared or declared.index(name) < positional \
                or declared.index(name) in where:
            return None
        where.append(declared.index(name))
    for i, arg in enumerate(inputs):
        if i not in where and arg.default is None:
            return None
    return tuple(where)


def _default(arg: Any, resolver: Any) -> q.TExpr:
    coerce_to_type, resolve_expr = _TYPER["coerce_to_type"], \
        _TYPER["resolve_expr"]
    syntax = ExprConverter()(parse_sql(f"SELECT {arg.default}")[0]
                             .stmt.targetList[0].val)
    typed = resolve_expr(syntax, EMPTY, _TYPER["TypingContext"]())
    return coerce_to_type(typed, q.ResultType.of(arg.type), resolver.ctx)


def _shown_args(args: list, names: Sequence) -> str:
    return _TYPER["arg_list"](args, names)


# -- aggregates ---------------------------------------------------------------------

AGGREGATE_PREFIX = "user_aggregate:"


def type_user_aggregate(name: str, args: Sequence[Any], location: int,
                        qualified: tuple[str, ...] | None = None
                        ) -> tuple | None:
    """(signature, argument types, result type) of a call of a user
    aggregate (CREATE AGGREGATE), or None when the name has none; a
    schema-qualified call looks in its schema (pg_dump's public.f(…)
    under an empty search_path)."""
    found = [f for f in candidates_for(qualified or (name,)) or ()
             if f.aggregate]
    if not found:
        return None
    inputs = [a.type.name for a in args]
    cands = {Candidate(name, tuple(q.ResultType.of(t).name
                                   for t in f.input_types), ""): f
             for f in found}
    chosen, _ = select_candidate(inputs, list(cands))
    if len(chosen) != 1:
        return None
    fn = cands[chosen[0][0]]
    return (f"{AGGREGATE_PREFIX}{fn.oid}",
            tuple(q.ResultType.of(t) for t in fn.input_types),
            q.ResultType.of(fn.result))


def run_aggregate(oid: int, rows: list, ctx: Any) -> Any:
    """A user aggregate over one group's argument tuples: the state
    function stepped from INITCOND (a strict one skips NULL inputs and
    starts from the first input when INITCOND is NULL), then the final
    function."""
    from twinning.valueio import input_function
    fn = ctx.catalog.function_by_oid(oid)
    sfunc_oid, stype, initcond, final = fn.aggregate
    sfunc = ctx.catalog.function_by_oid(sfunc_oid)
    state = None if initcond is None else \
        input_function(q.ResultType.of(stype))(initcond)
    call = ctx.routines.call
    for args in rows:
        if sfunc.strict:
            if None in args:
                continue
            if state is None:
                if initcond is None:
                    state = args[0]
                    continue
        state = call(sfunc_oid, [state, *args])
    if final:
        return call(final, [state])
    return state
