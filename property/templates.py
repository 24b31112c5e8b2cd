"""Expression grammars as data: a kind's alternatives are SQL templates,
and one strategy fills them (the random-expression properties use it).

A template's slots, `{…}`, are filled left to right:
- `{kind}`: a sub-expression of that kind (the caller's `sub`);
- `{kind*}`: one to four of them, comma-separated;
- `{NAME}`: a draw of the named strategy (a literal, a constant);
- `{lo..hi}`: a whole number in that range;
- `{a|b|…}`: one of the alternatives, filled as a slot when it names one
  (a kind or a NAME), else taken as written (the empty word included).
`{{` and `}}` stand for literal braces (as in str.format). `fill` does the
substitution for any slot meaning (random_sql.py's generator has its own).
"""

from __future__ import annotations

import re
from typing import Callable

from hypothesis import strategies as st

_SLOT = re.compile(r"(\{\{|\}\}|\{[^{}]*\})")
_RANGE = re.compile(r"^(-?\d+)\.\.(-?\d+)$")


def fill(template: str, slot: Callable[[str], str]) -> str:
    """TEMPLATE with each `{text}` replaced, left to right, by slot(text)."""
    out = []
    for part in _SLOT.split(template):
        if part in ("{{", "}}"):
            out.append(part[0])
        elif part.startswith("{") and part.endswith("}"):
            out.append(slot(part[1:-1]))
        else:
            out.append(part)
    return "".join(out)


@st.composite
def filled(draw, templates: list[str], sub: Callable[[str], st.SearchStrategy],
           kinds, named: dict[str, st.SearchStrategy] | None = None) -> str:
    """One of TEMPLATES, drawn, with its slots filled: sub(kind) draws a
    sub-expression of a kind among KINDS, NAMED maps the other names."""
    named = named or {}

    def slot(text: str) -> str:
        if "|" in text:
            choice = draw(st.sampled_from(text.split("|")))
            return slot(choice) if choice in kinds or choice in named else choice
        if text.endswith("*"):
            return ", ".join(draw(st.lists(sub(text[:-1]), min_size=1, max_size=4)))
        if text in kinds:
            return draw(sub(text))
        if text in named:
            return draw(named[text])
        bounds = _RANGE.match(text)
        assert bounds, f"not a template slot: {{{text}}}"
        return str(draw(st.integers(int(bounds[1]), int(bounds[2]))))

    return fill(draw(st.sampled_from(templates)), slot)
