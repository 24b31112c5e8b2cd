"""PostgreSQL's function and operator candidate selection
(func_match_argtypes, func_select_candidate) over type keys: used by the
typer for built-in and user functions alike, and by aggregates."""

from __future__ import annotations

from typing import Sequence

from twinning.passes.expr.types import (UNKNOWN, can_coerce, category,
                                        element, is_array, is_preferred_in,
                                        preferred)


class Candidate:
    """One overload: declared argument keys and result key; `defaults`:
    the DEFAULT expressions of its trailing arguments (pg_get_expr's text),
    which a call may leave out."""

    __slots__ = ("name", "args", "result", "variadic", "defaults")

    def __init__(self, name: str, args: tuple[str, ...], result: str,
                 variadic: bool = False, defaults: tuple[str, ...] = ()) -> None:
        self.name = name
        self.args = args
        self.result = result
        self.variadic = variadic
        self.defaults = defaults

    def signature(self) -> str:
        return f"{self.name}({','.join(self.args)})"


_POLY_FAMILY = {"anyelement": "e", "anynonarray": "e", "anyarray": "e", "anyenum": "e",
                "anycompatible": "c", "anycompatiblenonarray": "c", "anycompatiblearray": "c"}


def _consistent(inputs: Sequence[str], declared: Sequence[str]) -> bool:
    """check_generic_type_consistency(), for the families the twin meets."""
    found: dict[str, list[str]] = {"e": [], "c": []}
    for actual, want in zip(inputs, declared):
        family = _POLY_FAMILY.get(want)
        if family is None or actual == UNKNOWN:
            continue
        if want in ("anyarray", "anycompatiblearray"):
            found[family].append(element(actual))
        else:
            found[family].append(actual)
    if len(set(found["e"])) > 1:
        return False
    compat = found["c"]
    if compat and not any(all(can_coerce(x, t) for x in compat)
                          for t in compat):
        return False
    return True


def _expand(cand: Candidate, nargs: int) -> tuple[str, ...] | None:
    if cand.variadic:
        fixed = cand.args[:-1]
        if nargs < len(cand.args):
            return None
        # VARIADIC text[]: each trailing argument is one element
        last = element(cand.args[-1]) if is_array(cand.args[-1]) else \
            cand.args[-1]
        return fixed + (last,) * (nargs - len(fixed))
    if len(cand.args) - len(cand.defaults) <= nargs <= len(cand.args):
        return cand.args[:nargs]  # the rest from their defaults
    return None


def select_candidate(inputs: list[str], candidates: list[Candidate]
                     ) -> tuple[list[tuple[Candidate, tuple[str, ...]]], bool]:
    """PostgreSQL's func_match_argtypes + func_select_candidate.

    Returns (remaining candidates, ambiguous): one candidate on success;
    none (not ambiguous) when nothing matches; several when the
    heuristics cannot decide."""
    nargs = len(inputs)
    matching = []
    for cand in candidates:
        declared = _expand(cand, nargs)
        if declared is None:
            continue
        if all(can_coerce(a, d) for a, d in zip(inputs, declared)) and \
                _consistent(inputs, declared):
            matching.append((cand, declared))
    if len(matching) <= 1:
        return matching, False
    nunknowns = sum(1 for a in inputs if a == UNKNOWN)

    def keep_best(cands, score):
        best, kept = -1, []
        for c in cands:
            n = score(c[1])
            if n > best:
                best, kept = n, [c]
            elif n == best:
                kept.append(c)
        return kept

    cands = keep_best(matching, lambda d: sum(
        1 for a, t in zip(inputs, d) if a != UNKNOWN and a == t))
    if len(cands) == 1:
        return cands, False
    cats = [category(a) for a in inputs]
    cands = keep_best(cands, lambda d: sum(
        1 for a, t, c in zip(inputs, d, cats)
        if a != UNKNOWN and (a == t or is_preferred_in(c, t))))
    if len(cands) == 1:
        return cands, False
    if nunknowns == 0:
        return cands, True
    resolved = True
    slot_cat: dict[int, str] = {}
    slot_pref: dict[int, bool] = {}
    for i, a in enumerate(inputs):
        if a != UNKNOWN:
            continue
        conflict = False
        slot_cat[i] = ""
        for _, d in cands:
            cat, pref = category(d[i]), preferred(d[i])
            if slot_cat[i] == "":
                slot_cat[i], slot_pref[i] = cat, pref
            elif cat == slot_cat[i]:
                slot_pref[i] = slot_pref[i] or pref
            elif cat == "S":
                slot_cat[i], slot_pref[i] = cat, pref
            else:
                conflict = True
        if conflict and slot_cat[i] != "S":
            resolved = False
            break
    if resolved:
        kept = []
        for c in cands:
            ok = True
            for i in slot_cat:
                t = c[1][i]
                if category(t) != slot_cat[i] or (slot_pref[i]
                                                  and not preferred(t)):
                    ok = False
                    break
            if ok:
                kept.append(c)
        if kept:
            cands = kept
        if len(cands) == 1:
            return cands, False
    if nunknowns < nargs:
        known = {a for a in inputs if a != UNKNOWN}
        if len(known) == 1:
            only = known.pop()
            hits = [c for c in cands
                    if all(can_coerce(only, t) for t in c[1])
                    and _consistent([only] * nargs, c[1])]
            if len(hits) == 1:
                return hits, False
    return cands, True
