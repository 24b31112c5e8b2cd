"""Lookups over PostgreSQL's pg_proc rows: the generated
`pg_builtin_proc` (~3,200 rows), imported on first use so that neither
`import twinning` nor the server's start pays for it. What needs a
function by name or OID alone keeps to `pg_builtin.UNIQUE_PROCS` (the
pg_catalog names of one function each) and comes here for the rest:
overloaded names, functions of other schemas, signatures.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_OID, _NAME, _NAMESPACE = 0, 1, 2  # pg_proc's first columns


def data() -> Any:
    """The generated module: ROWS in pg_proc's column order, SIGNATURES
    per row (pg_get_function_arguments, identity_arguments or None when
    the same, pg_get_function_result)."""
    from twinning.system_catalog import pg_builtin_proc
    return pg_builtin_proc


@lru_cache(maxsize=None)
def _index() -> tuple[dict[int, int], dict[tuple[int, str], tuple[int, ...]]]:
    """(oid → row number, (namespace oid, proname) → oids)."""
    at: dict[int, int] = {}
    named: dict[tuple[int, str], list[int]] = {}
    for number, row in enumerate(data().ROWS):
        at[row[_OID]] = number
        named.setdefault((row[_NAMESPACE], row[_NAME]), []).append(row[_OID])
    return at, {key: tuple(oids) for key, oids in named.items()}


def row(oid: int) -> tuple | None:
    number = _index()[0].get(int(oid))
    return None if number is None else data().ROWS[number]


def name_and_namespace(oid: int) -> tuple[str, int] | None:
    found = row(oid)
    return None if found is None else (found[_NAME], found[_NAMESPACE])


def named(namespace: int, name: str) -> tuple[int, ...]:
    """The OIDs of the functions `name` in one namespace."""
    return _index()[1].get((namespace, name), ())


def signature(oid: int) -> tuple[str, str, str | None] | None:
    """(arguments, identity arguments, result) as PostgreSQL's
    pg_get_function_* print them; None: no such function."""
    number = _index()[0].get(int(oid))
    if number is None:
        return None
    arguments, identity, result = data().SIGNATURES[number]
    return arguments, arguments if identity is None else identity, result
