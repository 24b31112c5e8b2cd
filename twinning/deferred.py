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
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

# every placeholder made, for load_all (the warm server's preload)
PENDING: list["Deferred"] = []


class Deferred:
    """A module not imported yet; see the module docstring."""

    __slots__ = ("_module_name", "_namespace", "_binding")

    def __init__(self, module_name: str, namespace: dict[str, Any],
                 binding: str) -> None:
        self._module_name = module_name
        self._namespace = namespace
        self._binding = binding

    def load(self) -> Any:
        module = importlib.import_module(self._module_name)
        if self._namespace.get(self._binding) is self:
            self._namespace[self._binding] = module
        return module

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.load(), attr)

    def __repr__(self) -> str:
        return f"<deferred module {self._module_name!r}>"


def deferred(module_name: str, namespace: dict[str, Any],
             binding: str) -> Any:
    """A placeholder for `module_name`, bound as `binding` in `namespace`;
    the module itself when something imported it already."""
    loaded = sys.modules.get(module_name)
    if loaded is not None:
        return loaded
    placeholder = Deferred(module_name, namespace, binding)
    PENDING.append(placeholder)
    return placeholder


def load_all() -> None:
    """Import every deferred module now (the warm server's zygote)."""
    for placeholder in list(PENDING):
        placeholder.load()
