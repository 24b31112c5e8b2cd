"""The jsonpath functions and operators: jsonb_path_exists, _match,
_query, _query_array, _query_first (and their _tz forms, the same here
since .datetime() is refused), `@?` and `@@` (jsonpath_exec.c's SQL
entry points over `jsonpath_eval`).

The operators are the functions with no variables and `silent` true. In
silent mode an error the evaluation raises through RETURN_ERROR makes
exists/match NULL, and the query functions return what was found before
it, as PostgreSQL's ignore the jperError. Installs the like_regex check
that `values/jsonpath` runs at input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

from twinning.errors import singleton_sql_json_item_required
from twinning.deferred import deferred
from twinning.passes.expr.registry import BINARY, SET_RETURNING, define, reg
from twinning.values.jsonpath_hooks import REGEX_CHECK

if TYPE_CHECKING:
    from twinning.values.jsonpath import JsonPath

# the evaluator (and the jsonpath type's scanner) load on first use
ev = deferred("twinning.passes.expr.jsonpath_eval", globals(), "ev")

__all__ = ["register"]


def _found(target: str, path: JsonPath, vars_: str | None,
           silent: bool) -> list:
    found: list = []
    try:
        ev.execute(path, target, vars_, not silent, found)
    except ev.Fail:
        pass
    return found


def path_exists(target: str, path: JsonPath, vars_: str | None = "{}",
                silent: bool = False) -> bool | None:
    try:
        return ev.execute(path, target, vars_, not silent, None) == ev.OK
    except ev.Fail:
        return None


def path_match(target: str, path: JsonPath, vars_: str | None = "{}",
               silent: bool = False) -> bool | None:
    found = _found(target, path, vars_, silent)
    if len(found) == 1:
        value = found[0]
        if isinstance(value, bool):
            return value
        if value is None:
            return None
    if not silent:
        raise singleton_sql_json_item_required("single boolean result is expected")
    return None


def path_query_array(target: str, path: JsonPath, vars_: str = "{}",
                     silent: bool = False) -> str:
    return ev.encode(_found(target, path, vars_, silent))


def path_query_first(target: str, path: JsonPath, vars_: str = "{}",
                     silent: bool = False) -> str | None:
    found = _found(target, path, vars_, silent)
    return ev.encode(found[0]) if found else None


def _path_query(types) -> Any:
    def query(target: str, path: JsonPath, vars_: str = "{}",
              silent: bool = False) -> Iterator[str]:
        for value in _found(target, path, vars_, silent):
            yield ev.encode(value)
    return query


def _check_regex(pattern: str, flags: str) -> None:
    ev.check_regex(pattern, flags)


def register() -> None:
    REGEX_CHECK[:] = [_check_regex]
    args = "(jsonb,jsonpath,jsonb,bool)"
    for suffix in ("", "_tz"):
        define(f"jsonb_path_exists{suffix}{args}", path_exists)
        define(f"jsonb_path_match{suffix}{args}", path_match)
        define(f"jsonb_path_query_array{suffix}{args}", path_query_array)
        define(f"jsonb_path_query_first{suffix}{args}", path_query_first)
        SET_RETURNING[f"jsonb_path_query{suffix}{args}"] = _path_query
    reg(BINARY, "jsonb @? jsonpath",
        lambda t, p: path_exists(t, p, None, True))
    reg(BINARY, "jsonb @@ jsonpath",
        lambda t, p: path_match(t, p, None, True))
