"""The type families, registered on first use rather than at import.

A family's `register()` fills `registry`'s tables with its operators and
functions. A cold start (a schema load, a first simple query) needs few of
them, so none registers up front: `registry.lookup` of a signature that is
not in its table asks `family_index` which family registers it, and has it
registered here first. The index is data (tests/test_families.py proves it
is exactly what the families register, so a lookup never misses a
signature the eager tables held); the warm server registers them all
(`load_all`) before it forks.

The tables come out as they did when every family registered at import,
in `ORDER`, then md_guard wrapped them, then the system catalog and
`--seed` (determinism) overwrote a few: no two families register one
signature (the test checks it), md_guard wraps what a family added as it
registers, and a family registered late keeps an entry someone else wrote
first (`pg_partition_ancestors(regclass)`, `random()` & co.), which is
what the eager order left in place. The one effect of a `register()`
outside the tables, jsonpath_ops' like_regex check for the jsonpath input
function, is installed here as a stand-in that registers jsonpath_ops.
"""

from __future__ import annotations

from typing import Any

from twinning.deferred import deferred
from twinning.passes.expr import family_index, md_guard, registry
from twinning.values.jsonpath_hooks import REGEX_CHECK

# the family modules, each imported on its first registration
_MODULES: dict[str, Any] = {
    "numeric_ops": deferred("twinning.passes.expr.numeric_ops", {}, ""),
    "text_ops": deferred("twinning.passes.expr.text_ops", {}, ""),
    "datetime_ops": deferred("twinning.passes.expr.datetime_ops", {}, ""),
    "json_ops": deferred("twinning.passes.expr.json_ops", {}, ""),
    "jsonpath_ops": deferred("twinning.passes.expr.jsonpath_ops", {}, ""),
    "array_ops": deferred("twinning.passes.expr.array_ops", {}, ""),
    "system_ops": deferred("twinning.passes.expr.system_ops", {}, ""),
    "extension_ops": deferred("twinning.passes.expr.extension_ops", {}, ""),
    "tsearch_ops": deferred("twinning.passes.expr.tsearch_ops", {}, ""),
    "bit_money_ops": deferred("twinning.passes.expr.bit_money_ops", {}, ""),
    "xml_ops": deferred("twinning.passes.expr.xml_ops", {}, ""),
    "twinning_ops": deferred("twinning.passes.expr.twinning_ops", {}, ""),
    "timetz_ops": deferred("twinning.passes.expr.timetz_ops", {}, ""),
}

# the order they registered in at import (runtime's docstring says what
# each holds)
ORDER = tuple(_MODULES)
# the families registered so far
LOADED: set[str] = set()

_TABLES = {"BINARY": registry.BINARY, "UNARY": registry.UNARY,
           "FUNCTIONS": registry.FUNCTIONS,
           "SET_RETURNING": registry.SET_RETURNING,
           "SET_RETURNING_COLUMN": registry.SET_RETURNING_COLUMN,
           "SET_RETURNING_ROWS": registry.SET_RETURNING_ROWS}
# md_guard wraps these tables' entries (install() did, after all families)
_GUARDED = ("FUNCTIONS", "BINARY")


def load(name: str) -> None:
    """Register family `name` (once): its entries enter the tables, but
    one already there stays (see the module docstring)."""
    with registry.LOCK:
        if name in LOADED:
            return
        registry.SEQUENCE += 1  # odd: lookups wait for the lock
        try:
            _register(name)
        finally:
            LOADED.add(name)
            registry.SEQUENCE += 1


def _register(name: str) -> None:
    before = {t: dict(table) for t, table in _TABLES.items()}
    _MODULES[name].register()
    added: dict[str, list[str]] = {}
    for t, table in _TABLES.items():
        old, owners = before[t], _OWNERS[id(table)]
        added[t] = []
        for sig, entry in table.items():
            if sig not in old:
                if owners.get(sig) == name:
                    added[t].append(sig)
            elif old[sig] is not entry:
                table[sig] = old[sig]
    for t in _GUARDED:
        md_guard.guard(_TABLES[t], added[t])


def load_all() -> None:
    """Every family, in ORDER (the warm server, the manifest, tests)."""
    for name in ORDER:
        load(name)


def _owner_loaded(table: dict, sig: str) -> bool:
    """registry.lookup's miss: register the family that owns `sig` in
    `table`; False when none does or it is registered already."""
    owner = _OWNERS[id(table)].get(sig)
    if owner is None or owner in LOADED:
        return False
    load(owner)
    return True


def _owners() -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = {}
    for t, table in _TABLES.items():
        by_sig = out[id(table)] = {}
        for family, signatures in getattr(family_index, t).items():
            for sig in signatures:
                by_sig[sig] = family
    return out


def _check_jsonpath_regex(pattern: str, flags: str) -> None:
    """The jsonpath input function's like_regex check, which
    jsonpath_ops.register() installs in place of this one: a jsonpath
    literal may be read before any jsonpath function is looked up."""
    load("jsonpath_ops")
    REGEX_CHECK[0](pattern, flags)


_OWNERS = _owners()
registry.LOAD_OWNER = _owner_loaded
if not REGEX_CHECK:
    REGEX_CHECK.append(_check_jsonpath_regex)
