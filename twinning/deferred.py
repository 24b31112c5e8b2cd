"""Modules a start-up does not load: imported on the first attribute read.

`name = deferred("pkg.module", globals(), "name")` binds a placeholder in
the caller's namespace. The first `name.attr` imports the module (an
ordinary import, under importlib's own locks, so two threads may race
without harm) and rebinds `name` in that namespace to the module itself:
from then on a read is a plain global lookup and attribute read, so code
that runs per row pays nothing for the deferral. Use it for the modules of
type families and features a cold start (schema load, a first simple
query) never runs; the warm server imports them all up front
(`load_all`, called by `warm_server._preload`), so a forked child never
pays for one.

tests/test_layering.py reads `deferred("…")` calls as imports, and
tests/test_deferred.py checks the warm server's preload covers each.

`deferred_pattern` does the same for a regular expression a start-up
never matches (a few compile in a millisecond or more): the first
attribute read (`.match`, `.sub`) compiles it and rebinds the name; and
`deferred_logger` for a module's `logging.getLogger(__name__)`, which
only a failure writes to (`logging` takes ~3 ms to import, with
`string`, `traceback` and their patterns).
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any, Callable

# every placeholder made, for load_all (the warm server's preload)
PENDING: list[Deferred] = []


class Deferred:
    """A module, pattern or logger not made yet: the first attribute read
    makes it and binds it in the placeholder's place (see the module
    docstring)."""

    __slots__ = ("_make", "_namespace", "_binding", "_what")

    def __init__(self, make: Callable[[], Any], namespace: dict[str, Any],
                 binding: str, what: str) -> None:
        self._make = make
        self._namespace = namespace
        self._binding = binding
        self._what = what

    def load(self) -> Any:
        made = self._make()
        if self._namespace.get(self._binding) is self:
            self._namespace[self._binding] = made
        return made

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.load(), attr)

    def __repr__(self) -> str:
        return f"<deferred {self._what}>"


def _placeholder(make: Callable[[], Any], namespace: dict[str, Any],
                 binding: str, what: str) -> Deferred:
    placeholder = Deferred(make, namespace, binding, what)
    PENDING.append(placeholder)
    return placeholder


def deferred(module_name: str, namespace: dict[str, Any],
             binding: str) -> Any:
    """A placeholder for `module_name`, bound as `binding` in `namespace`;
    the module itself when something imported it already."""
    loaded = sys.modules.get(module_name)
    if loaded is not None:
        return loaded
    return _placeholder(lambda: importlib.import_module(module_name),
                        namespace, binding, f"module {module_name!r}")


def deferred_pattern(namespace: dict[str, Any], binding: str, source: str,
                     flags: int = 0) -> Any:
    """A placeholder for `re.compile(source, flags)`, bound as `binding`
    in `namespace`."""
    return _placeholder(lambda: re.compile(source, flags), namespace,
                        binding, f"pattern {source!r}")


def deferred_logger(namespace: dict[str, Any], binding: str) -> Any:
    """A placeholder for the logger of the module whose globals are
    `namespace` (its `__name__`), bound as `binding` there."""
    name = namespace["__name__"]

    def make() -> Any:
        import logging
        return logging.getLogger(name)
    return _placeholder(make, namespace, binding, f"logger {name!r}")


def load_all() -> None:
    """Import every deferred module, compile every deferred pattern and
    make every deferred logger now (the warm server's zygote)."""
    for placeholder in list(PENDING):
        placeholder.load()
