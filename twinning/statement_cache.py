"""The plan cache by normalized statement (SPEC §14).

    text ──normalize──► key ──► Entry ──kept constants──► Template ──bind──► (plan, params)

A simple-protocol query string is normalized (`passes/normalize.py`); its
key finds an `Entry`, the texts of the constants the entry keeps find a
`Template` (`passes/template.py`), and binding the other constants gives
the plan and its parameters. A hit costs the lexer pass, two dict lookups
and the conversions of the bound constants; nothing is parsed or planned.

A miss plans the exact text through the whole pipeline (errors exactly as
PostgreSQL's) and then learns the template from that statement's typed IR.
An entry remembers which constants it keeps; a later statement of the same
key that would keep others, or a 65th variant, disables the entry rather
than guess or grow: that key then takes the exact path (whose plan cache
is a bounded LRU).

Keys name tables and columns as written, so a cache belongs to one
catalog generation (the count of committed DDL statements): the engine
replaces it when a statement plans on a newer catalog, and a session
uses a template only when its own statement sees that generation.
Tracing bypasses the cache (the trace records each statement's own stage
dumps).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from twinning.ir import query as q
from twinning.passes.depth_guard import check_depth
from twinning.passes.normalize import Normalized, normalize
from twinning.passes.template import Template, kept_constants, learn

_SIZE = 1024
# Plan variants per key: a constant kept in the key that changes with every
# statement (a literal in a target list, say) would otherwise grow one
# entry without bound; past this the key takes the exact path.
_VARIANTS = 64


@dataclass
class Entry:
    kept: tuple[int, ...]
    variants: dict = field(default_factory=dict)  # kept texts → Template
    disabled: bool = False


class StatementCache:
    """Templates by normalized key; shared by every session of an engine."""

    def __init__(self, size: int = _SIZE, generation: int = 0) -> None:
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size
        self.generation = generation  # the catalog its templates were planned on

    def find(self, sql: str) -> tuple[Normalized | None, Template | None]:
        check_depth(sql)  # before the lexer spends seconds on a deep text
        norm = normalize(sql)
        if norm is None:
            return None, None
        entry = self._entries.get(norm.key)
        if entry is None or entry.disabled:
            return norm, None
        constants = norm.constants
        variant = tuple([constants[i].text for i in entry.kept])
        return norm, entry.variants.get(variant)

    def learn(self, norm: Normalized, stmt: q.ParsedStatement,
              resolved: q.ResolvedStatement, exact: q.Plan) -> None:
        """Remember the template of a statement just planned exactly."""
        if exact.planning_error is not None:
            return
        with self._lock:
            entry = self._entries.get(norm.key)
        known = None
        if entry is not None:
            if entry.disabled:
                return
            known = entry.variants.get(
                tuple(norm.constants[i].text for i in entry.kept))
        template = learn(norm, stmt, resolved, exact, known)
        if template is not None:
            template.generation = self.generation
        with self._lock:
            entry = self._entries.get(norm.key)
            kept = kept_constants(norm, template) if template else ()
            if entry is None:
                entry = self._entries[norm.key] = Entry(kept)
                if len(self._entries) > self._size:
                    self._entries.popitem(last=False)
            variant = tuple(norm.constants[i].text for i in kept)
            if template is None or entry.kept != kept or (
                    variant not in entry.variants
                    and len(entry.variants) >= _VARIANTS):
                entry.disabled = True  # the exact path from now on
                entry.variants.clear()
                return
            entry.variants[variant] = template
