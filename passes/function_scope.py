"""Which user functions a call typed now may mean: the catalog's (or the
DDL builder's) functions, made visible for the statement being typed
through a context variable, as `resolve_types` does for types. Kept apart
from `user_functions` (which types the calls) so the type lookups can
install it without importing the typer."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterator

from twinning.ir.catalog import Catalog
from twinning.ir.routines import Function

_VISIBLE: ContextVar[Any] = ContextVar("user_functions", default=None)


@contextmanager
def functions_of(catalog: Catalog, search_path: tuple[str, ...]
                 ) -> Iterator[None]:
    """Make `catalog`'s functions the ones calls may mean meanwhile."""
    if not catalog.functions:
        token = _VISIBLE.set(None)
    else:
        token = _VISIBLE.set((catalog, search_path))
    try:
        yield
    finally:
        _VISIBLE.reset(token)


class _Building:
    """The DDL builder's functions, as `functions_named` finds them."""

    def __init__(self, b: Any) -> None:
        self.b = b

    def functions_named(self, name: str) -> list[Function]:
        return [f for f in self.b.functions.values() if f.name.name == name]

    def table(self, name: Any) -> Any:
        found = self.b.tables.get(name)
        return found.freeze() if found is not None else None


@contextmanager
def builder_functions(b: Any) -> Iterator[None]:
    """The builder's functions for calls typed while DDL is applied (a
    view's query, a default)."""
    if not b.functions:
        yield
        return
    token = _VISIBLE.set((_Building(b), tuple(b.lookup_path())))
    try:
        yield
    finally:
        _VISIBLE.reset(token)


def candidates_for(name: tuple[str, ...]) -> list[Function] | None:
    """The user functions a written name may mean (None: none)."""
    seen = _VISIBLE.get()
    if seen is None:
        return None
    catalog, path = seen
    by_name = catalog.functions_named(name[-1])
    if not by_name:
        return None
    if len(name) > 1:
        found = [f for f in by_name if f.name.schema == name[-2]]
    else:
        found = [f for f in by_name if f.name.schema in path]
    return found or None


