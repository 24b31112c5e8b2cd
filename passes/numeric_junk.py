"""PostgreSQL 15's scanner rejects a number or a parameter run into an
identifier (`0x1F`, `1_000`, `5y`, `$1x`): "trailing junk after numeric
literal" (scan.l's integer_junk, decimal_junk, real_junk, param_junk).
pglast's scanner splits them into two tokens instead, so its grammar
reports a later syntax error, or none at all (`SELECT 5y` is `5 AS y`
there). `trailing_junk` finds the first such pair in pglast's tokens; the
parse stage raises it where PostgreSQL's lexer would have stopped.
"""

from __future__ import annotations

import re

from pglast import parser

__all__ = ["trailing_junk"]

# cheap pre-check: a digit directly followed by an identifier character
# (ASCII letter, _, or any non-ASCII one); spelled as a negated ASCII class, which compiles in 0.1 ms where the
# range up to U+10FFFF takes 2 ms at every start
_MAYBE = re.compile(r"[0-9](?:[A-Za-z_]|[^\x00-\x7f])")
_NUMBERS = {"ICONST": "numeric literal", "FCONST": "numeric literal",
            "PARAM": "parameter"}


def trailing_junk(text: str) -> tuple[str, int] | None:
    """(message, 0-based offset) of the first junk token, or None."""
    if _MAYBE.search(text) is None:
        return None
    folded = text if text.isascii() else \
        "".join(c if c.isascii() else "x" for c in text)
    try:
        tokens = parser.scan(folded)
    except Exception:   # the scanner's own errors are the parser's to report
        return None
    for a, b in zip(tokens, tokens[1:]):
        what = _NUMBERS.get(a.name)
        if what is None or b.start != a.end + 1:
            continue
        first = folded[b.start]
        if not (first.isalpha() or first == "_"):
            continue
        junk = text[a.start:b.end + 1]
        return (f'trailing junk after {what} at or near "{junk}"', a.start)
    return None
