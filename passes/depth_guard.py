"""Statements too deep for PostgreSQL, found before pglast builds them.

`SELECT 1+1+…+1` of a megabyte parses (the grammar's operator rules are
left-recursive, so the parser's own stack stays flat) and PostgreSQL then
fails in parse analysis with 54001 after some 4,000 levels, in a fraction
of a second. pglast, asked for the same tree, builds a million Python
nodes first (15 seconds, holding the GIL every session needs) before the
twin's conversion runs out of recursion. So a long text is looked at
first: a stretch without `,` `;` or brackets that holds `CHAIN_LIMIT`
operators (string literals, quoted identifiers and comments aside) is
an operator chain nested at least `CHAIN_LIMIT / 5` deep (five levels of
binary precedence at most alternate in one chain), far past PostgreSQL's
limit: 54001 at once, once the text is known to be free of syntax errors
(PostgreSQL reports those first). Anything the estimate misses still ends
in the twin's RecursionError → 54001, only slower.
"""

from __future__ import annotations

import re

from pglast.parser import ParseError, split

from twinning.deferred import deferred_pattern
from twinning.errors import stack_depth_exceeded

__all__ = ["check_depth"]

LONG_TEXT = 64 * 1024       # shorter texts are never examined
CHAIN_LIMIT = 40_000        # operators in one stretch: certainly too deep

_QUOTED = deferred_pattern(globals(), "_QUOTED", r"""
    [Ee]'(?:[^'\\]|\\.|'')*'        # E'…' with backslash escapes
  | '(?:[^']|'')*'                  # '…'
  | "(?:[^"]|"")*"                  # "identifier"
  | \$(?P<tag>[A-Za-z_]\w*)?\$.*?\$(?P=tag)?\$   # dollar quoting
  | --[^\n]*
  | /\*.*?\*/""", re.VERBOSE | re.DOTALL)
_SEPARATOR = deferred_pattern(globals(), "_SEPARATOR", r"[,;()\[\]]")
_BLOCK = CHAIN_LIMIT // 2   # a stretch of 2 * CHAIN_LIMIT holds one whole
_OPERATOR = deferred_pattern(globals(), "_OPERATOR", r"[-+*/<>=~!@#%^&|`?]+")


def check_depth(text: str) -> None:
    """Raise PostgreSQL's 54001 for a text holding an operator chain far
    deeper than PostgreSQL's stack allows."""
    if len(text) < LONG_TEXT:
        return
    for stretch in _long_stretches(text):  # quotes may hold separators:
        bare = _QUOTED.sub(" ", stretch)  # this is only an estimate
        if len(_OPERATOR.findall(bare)) >= CHAIN_LIMIT:
            try:
                split(text)  # the raw parser alone: syntax errors first
            except ParseError:
                return  # the caller's parse reports it
            raise stack_depth_exceeded()


def _long_stretches(text: str):
    """The stretches without separators of at least 2 * CHAIN_LIMIT
    characters (and some shorter ones). A block-aligned probe finds a
    separator within a few characters in ordinary text, so a megabyte
    bulk INSERT costs some fifty searches, not a scan."""
    n, i = len(text), 0
    while i + _BLOCK <= n:
        if _SEPARATOR.search(text, i, i + _BLOCK) is not None:
            i += _BLOCK
            continue
        start = max(text.rfind(c, max(0, i - _BLOCK), i) for c in ",;()[]") + 1
        found = _SEPARATOR.search(text, i + _BLOCK)
        end = found.start() if found is not None else n
        if end - start >= 2 * CHAIN_LIMIT:
            yield text[start:end]
        i = end
