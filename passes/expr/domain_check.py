"""Domain constraints at run time: what CoerceToDomain and domain_in do
to a value on its way into a domain (a write to a domain column, a cast
`x::d`, COPY's input).

A NULL fails a NOT NULL anywhere in the domain's stack (23502 `domain d
does not allow null values`); any other value is tested against the
CHECKs of the innermost domain first, each domain's in name order, as
typcache.c loads them (23514 `value for domain d violates check
constraint "c"`; a CHECK yielding NULL passes). Both messages name the
domain the value is coerced to, whichever level the constraint belongs
to. An array of a domain is checked element by element. The CHECK
expressions are compiled by the caller's `compile` (this module sits
below the compiler): each reads the value as column 0 of its row.
"""

from __future__ import annotations

from typing import Any, Callable

from twinning.errors import SqlError, check_violation, not_null_violation
from twinning.ir.types import DomainType, SqlType

Check = Callable[[Any, Any], Any]


def _null_error(domain: DomainType) -> SqlError:
    return not_null_violation(f"domain {domain.display} does not allow null "
                              "values", schema=domain.schema, datatype=domain.typname)


def _check_error(domain: DomainType, name: str) -> SqlError:
    return check_violation(f"value for domain {domain.display} violates "
                           f'check constraint "{name}"', schema=domain.schema,
                           datatype=domain.typname, constraint=name)


def checker(sql_type: SqlType, compile: Callable[[Any], Callable]
            ) -> Callable[[Any, Any], Any]:
    """`fn(value, ctx) -> value` raising the domain's errors (`sql_type`
    carries the domain; for an array, each element is checked)."""
    domain = sql_type.domain
    assert domain is not None
    levels = domain.levels()
    not_null = any(level.not_null for level in levels)
    checks = [(check.name, compile(check.expr)) for level in levels
              for check in sorted(level.checks, key=lambda c: c.name)]

    def one(value: Any, ctx: Any) -> Any:
        if value is None:
            if not_null:
                raise _null_error(domain)
            return None
        for name, fn in checks:
            if fn((value,), ctx) is False:
                raise _check_error(domain, name)
        return value

    if not sql_type.is_array:
        return one

    def each(value: Any, ctx: Any) -> Any:
        if value is None:
            return None
        for item in value:
            if isinstance(item, tuple):
                each(item, ctx)
            else:
                one(item, ctx)
        return value
    return each


def null_allowed(sql_type: SqlType) -> bool:
    """Does a NULL pass the domain (no NOT NULL in its stack)?"""
    return sql_type.domain is None or sql_type.is_array or \
        not sql_type.domain.any_not_null()
