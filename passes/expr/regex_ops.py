"""PostgreSQL's regular expressions (ARE) over Python's `re`, and the
functions built on them: substring(text FROM pattern), the SIMILAR forms
(similar_to_escape, substring … SIMILAR … ESCAPE), regexp_match,
regexp_matches, regexp_split_to_array/table, regexp_count, regexp_instr,
regexp_substr and regexp_like; registered from `text_ops.register()`.

`are_regex` translates the ARE subset whose meaning both engines share:
literals, `.`, `^`, `$`, groups and `(?:…)`, alternation, greedy
quantifiers, bracket expressions with ranges, `[:class:]` names and
`\\d \\s \\w` inside them, the class escapes and `\\m \\M \\y \\Y \\A \\Z`.
The twin's collation is C: classes, word characters and case folding are
ASCII-only (re.ASCII), as PostgreSQL's regex engine has them under the C
locale. Anything else is a 0A000 refusal, never an approximation.

Where the engines' match *choice* differs: PostgreSQL takes, at the
leftmost position, the longest match (a greedy RE) where Python takes the
first alternative that succeeds. `Matcher` finds Python's leftmost match
and then lengthens it to the longest that fully matches there; a pattern
whose end is context-sensitive (`$`, `\\M`, `\\y`…) and could match more
than one length is refused instead. Non-greedy quantifiers (PostgreSQL
gives the whole RE the greediness of its first quantifier) and, in the
functions returning capture groups, alternation (PostgreSQL's subexpression
rules) are refused.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Iterator

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, feature_not_supported,
    invalid_escape_sequence, invalid_parameter_value,
    invalid_regular_expression, invalid_use_of_escape_character,
)
from twinning.passes.expr import are_engine
from twinning.passes.expr.registry import SET_RETURNING, define

_WORD = "0-9A-Za-z_"
_CLASSES = {
    "alpha": "A-Za-z", "digit": "0-9", "alnum": "0-9A-Za-z",
    "upper": "A-Z", "lower": "a-z", "space": " \\t\\n\\r\\f\\v",
    "blank": " \\t", "punct": re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
    "xdigit": "0-9A-Fa-f", "word": _WORD, "cntrl": "\\x00-\\x1f\\x7f",
    "print": " -~", "graph": "!-~"}
_ESCAPES = {"d": r"\d", "D": r"\D", "w": r"\w", "W": r"\W", "s": r"\s",
            "S": r"\S", "n": "\n", "t": "\t", "r": "\r", "f": "\f",
            "v": "\v", "b": "\x08", "m": f"(?<![{_WORD}])(?=[{_WORD}])",
            "M": f"(?<=[{_WORD}])(?![{_WORD}])", "y": r"\b", "Y": r"\B",
            "A": r"\A", "Z": r"\Z"}
_IN_BRACKET = {"d": "0-9", "s": " \\t\\n\\r\\f\\v", "w": _WORD,
               "b": "\\x08", "n": "\\n", "t": "\\t", "r": "\\r", "f": "\\f",
               "v": "\\v"}
_END_SENSITIVE = frozenset("MyYZ")


class Are:
    """A translated ARE: the compiled pattern and what `Matcher` needs to
    know about it."""

    __slots__ = ("compiled", "groups", "alternation", "non_greedy",
                 "end_sensitive", "ambiguous", "lookaround")

    def __init__(self, compiled: re.Pattern, alternation: bool,
                 non_greedy: bool, end_sensitive: bool,
                 ambiguous: bool, lookaround: bool = False) -> None:
        self.compiled = compiled
        self.groups = compiled.groups
        self.alternation = alternation
        self.non_greedy = non_greedy
        self.end_sensitive = end_sensitive
        self.ambiguous = ambiguous
        self.lookaround = lookaround


def _bad(reason: str) -> SqlError:
    return invalid_regular_expression(f"invalid regular expression: {reason}")


def _bracket(pattern: str, i: int) -> tuple[str, int]:
    """A bracket expression starting at pattern[i] == '[' → (Python class,
    index after it)."""
    n = len(pattern)
    j = i + 1
    out = ["["]
    if j < n and pattern[j] == "^":
        out.append("^")
        j += 1
    first = True
    items: list[str] = []
    while True:
        if j >= n:
            raise _bad("brackets [] not balanced")
        c = pattern[j]
        if c == "]" and not first:
            j += 1
            break
        first = False
        if pattern.startswith("[:", j):
            end = pattern.find(":]", j + 2)
            if end < 0:
                raise _bad("brackets [] not balanced")
            name = pattern[j + 2:end]
            if name not in _CLASSES:
                raise _bad("invalid character class")
            items.append(_CLASSES[name])
            j = end + 2
            continue
        if pattern.startswith("[.", j) or pattern.startswith("[=", j):
            raise feature_not_supported("regular expression collating "
                                        "elements and equivalence classes")
        atom, j, is_class = _bracket_atom(pattern, j)
        if is_class:
            items.append(atom)
            continue
        if (j + 1 < n and pattern[j] == "-" and pattern[j + 1] != "]"):
            high, j2, high_class = _bracket_atom(pattern, j + 1)
            if high_class:
                raise _bad("invalid character range")
            lo, hi = _unescape(atom), _unescape(high)
            if ord(lo) > ord(hi):
                raise _bad("invalid character range")
            items.append(f"{atom}-{high}")
            j = j2
            continue
        items.append(atom)
    out.extend(items)
    out.append("]")
    return "".join(out), j


def _unescape(atom: str) -> str:
    return atom[1:] if atom.startswith("\\") and len(atom) == 2 else \
        atom.encode().decode("unicode_escape") if atom.startswith("\\") \
        else atom


def _bracket_atom(pattern: str, j: int) -> tuple[str, int, bool]:
    c = pattern[j]
    if c == "\\":
        if j + 1 >= len(pattern):
            raise _bad("invalid escape \\ sequence")
        nxt = pattern[j + 1]
        if nxt in "dsw":
            return _IN_BRACKET[nxt], j + 2, True
        if nxt in _IN_BRACKET:
            return _IN_BRACKET[nxt], j + 2, False
        if nxt in "DSW":
            raise _bad("invalid escape \\ sequence")
        if nxt.isalnum():
            raise feature_not_supported(f"regular expression escape \\{nxt}")
        return "\\" + nxt, j + 2, False
    if c in "\\]^[-":
        return "\\" + c, j + 1, False
    return c, j + 1, False


@lru_cache(maxsize=512)
def translate(pattern: str, fold: bool) -> Are:
    out: list[str] = []
    alternation = non_greedy = end_sensitive = ambiguous = lookaround = False
    parens: list[bool] = []  # per open parenthesis: inside a lookaround
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            if i + 1 >= n:
                raise _bad("invalid escape \\ sequence")
            nxt = pattern[i + 1]
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                end_sensitive |= nxt in _END_SENSITIVE
            elif not nxt.isalnum():
                out.append(re.escape(nxt))
            else:
                raise feature_not_supported(f"regular expression escape "
                                            f"\\{nxt}")
            i += 2
            continue
        if c == "[":
            text, i = _bracket(pattern, i)
            out.append(text)
            continue
        inside_look = bool(parens) and parens[-1]
        if c == "(" and pattern.startswith("(?", i):
            look = next((p for p in ("(?=", "(?!", "(?<=", "(?<!")
                         if pattern.startswith(p, i)), None)
            if look is None and not pattern.startswith("(?:", i):
                raise feature_not_supported("regular expression (? … ) "
                                            "syntax")
            if look is not None:
                lookaround = ambiguous = True
            out.append(look or "(?:")
            parens.append(inside_look or look is not None)
            i += len(look or "(?:")
            continue
        if c == "(":  # a lookaround constraint's parentheses capture nothing
            out.append("(?:" if inside_look else "(")
            parens.append(inside_look)
            i += 1
            continue
        if c == ")" and parens:
            parens.pop()
        if c == "$":
            out.append(r"\Z")
            end_sensitive = True
        elif c == "|":
            alternation = ambiguous = True
            out.append(c)
        elif c in "*+?" or c == "{":
            if c == "{":
                close = pattern.find("}", i)
                body = pattern[i + 1:close] if close > 0 else ""
                if not re.fullmatch(r"\d+(,\d*)?", body):
                    raise feature_not_supported("regular expression "
                                                "literal {")
                out.append(pattern[i:close + 1])
                i = close + 1
                if body != "1" and not re.fullmatch(r"(\d+),\1", body):
                    ambiguous = True
            else:
                out.append(c)
                i += 1
                if c in "*?":
                    ambiguous = True
            if i < n and pattern[i] == "?":
                non_greedy = True
                out.append("?")
                i += 1
            if i < n and pattern[i] == "+":
                raise _bad("quantifier operand invalid")
            continue
        else:
            out.append(c)
        i += 1
    flags = re.DOTALL | re.ASCII | (re.IGNORECASE if fold else 0)
    try:
        compiled = re.compile("".join(out), flags)
    except re.error as exc:
        text = str(exc)
        if "look-behind requires fixed-width" in text:
            # PostgreSQL's lookbehinds may vary in length: the engine alone
            return Are(are_engine.EngineRegex(_program(pattern, fold)),
                       alternation, non_greedy, end_sensitive, True, True)
        reason = next((ours for theirs, ours in RE_ERRORS if theirs in text),
                      "invalid regular expression")
        raise _bad(reason) from None
    return Are(compiled, alternation, non_greedy, end_sensitive, ambiguous,
               lookaround)


_SYNTAX = (_bracket, _ESCAPES)  # what are_engine's parser translates with


@lru_cache(maxsize=256)
def _program(pattern: str, fold: bool) -> are_engine.Program:
    return are_engine.Program(pattern, fold, _SYNTAX)


# Python's re messages → Spencer's regex library messages (regerror.c)
RE_ERRORS = (("missing )", "parentheses () not balanced"),
             ("unbalanced parenthesis", "parentheses () not balanced"),
             ("nothing to repeat", "quantifier operand invalid"),
             ("multiple repeat", "quantifier operand invalid"),
             ("unterminated character set", "brackets [] not balanced"),
             ("bad character range", "invalid character range"),
             ("min repeat greater than max", "invalid repetition count(s)"))


def are_regex(pattern: str, fold: bool) -> re.Pattern:
    return translate(pattern, fold).compiled


# -- flags ----------------------------------------------------------------------------

def parse_flags(flags: str, fn: str | None = None,
                glob_allowed: bool = False) -> tuple[bool, bool]:
    """(fold, global) from a flags string (parse_re_flags); `fn`: the
    function named when g is not allowed."""
    fold = every = False
    for flag in flags:
        if flag == "g":
            if not glob_allowed:
                hint = ("Use the regexp_matches function instead."
                        if fn == "regexp_match()" else None)
                raise invalid_parameter_value(f'{fn} does not support the "global" '
                                              "option", hint=hint)
            every = True
        elif flag in "ic":
            fold = flag == "i"
        elif flag in "bexqnpswtm":
            raise feature_not_supported(f'regular expression option "{flag}"')
        else:
            raise invalid_parameter_value("invalid regular expression option: "
                                          f'"{flag}"')
    return fold, every


# -- matching -------------------------------------------------------------------------

class Matcher:
    """PostgreSQL's choice of matches over a translated pattern.

    Python finds the leftmost start (both engines agree on where a match
    exists). Its own match stands when the pattern leaves no choice
    (`Are.ambiguous` false); otherwise `are_engine` picks the end
    PostgreSQL picks and, when the function reads capture groups whose
    span Python's order could have chosen differently, their spans."""

    def __init__(self, pattern: str, fold: bool, captures: bool,
                 fn: str) -> None:
        are = translate(pattern, fold)
        self.are = are
        self.fn = fn
        self.captures = captures
        self.program = _program(pattern, fold) if are.ambiguous else None
        self._run: are_engine.Run | None = None

    def search(self, text: str, pos: int) -> tuple[int, int, Any] | None:
        """The match PostgreSQL takes at or after `pos`: (start, end, the
        match whose groups stand)."""
        m = self.are.compiled.search(text, pos)
        if m is None or self.program is None:
            return None if m is None else (m.start(), m.end(), m)
        run = self._run
        if run is None or run.text is not text:
            run = self._run = are_engine.Run(self.program, text)
        start = m.start()
        ends = run.ends(self.program.root, start)
        end = max(ends) if self.program.greedy else min(ends)
        are = self.are
        if not are.groups:
            return start, end, m if end == m.end() else \
                are_engine.Found(text, start, end, [])
        # Python's groups come from its own parse, which may not be the
        # one PostgreSQL's subexpression rules pick: read them off the span
        spans = run.groups(start, end, self.fn) if self.captures else \
            [None] * are.groups
        return start, end, are_engine.Found(text, start, end, spans)

    def iterate(self, text: str, start: int = 0,
                ignore_degenerate: bool = False
                ) -> Iterator[tuple[int, int, Any]]:
        """setup_regexp_matches() with the global flag."""
        prev_end = 0
        search = start
        n = len(text)
        while search <= n:
            found = self.search(text, search)
            if found is None:
                return
            so, eo, m = found
            if not ignore_degenerate or (so < n and eo > prev_end):
                yield so, eo, m
            prev_end = eo
            search = eo + 1 if so == eo else eo


def _groups(m: re.Match, so: int, eo: int, text: str) -> tuple:
    if m.re.groups:
        return tuple(m.groups())
    return (text[so:eo],)


def textregexsubstr(text: str, pattern: str) -> str | None:
    """substring(text FROM pattern)."""
    matcher = Matcher(pattern, False, True, "substring()")
    found = matcher.search(text, 0)
    if found is None:
        return None
    so, eo, m = found
    if m.re.groups:
        return m.group(1)
    return text[so:eo]


def regexp_match(text: str, pattern: str, flags: str = "") -> tuple | None:
    fold, _ = parse_flags(flags, "regexp_match()")
    matcher = Matcher(pattern, fold, True, "regexp_match()")
    found = matcher.search(text, 0)
    if found is None:
        return None
    so, eo, m = found
    return _groups(m, so, eo, text)


def _regexp_matches(arg_types):
    def rows(text: str, pattern: str, flags: str = "") -> Iterator[tuple]:
        fold, every = parse_flags(flags, glob_allowed=True)
        matcher = Matcher(pattern, fold, True, "regexp_matches()")
        for so, eo, m in matcher.iterate(text):
            yield _groups(m, so, eo, text)
            if not every:
                return
    return rows


def regexp_split(text: str, pattern: str, flags: str = "") -> tuple:
    fold, _ = parse_flags(flags, "regexp_split_to_array()")
    matcher = Matcher(pattern, fold, False, "regexp_split_to_array()")
    pieces, prev = [], 0
    for so, eo, _m in matcher.iterate(text, ignore_degenerate=True):
        pieces.append(text[prev:so])
        prev = eo
    pieces.append(text[prev:])
    return tuple(pieces)


def _regexp_split_to_table(arg_types):
    def rows(text: str, pattern: str, flags: str = "") -> Iterator[str]:
        fold, _ = parse_flags(flags, "regexp_split_to_table()")
        matcher = Matcher(pattern, fold, False, "regexp_split_to_table()")
        prev = 0
        for so, eo, _m in matcher.iterate(text, ignore_degenerate=True):
            yield text[prev:so]
            prev = eo
        yield text[prev:]
    return rows


def _check_param(name: str, value: int, low: int) -> None:
    if value < low:
        raise invalid_parameter_value(f'invalid value for parameter "{name}": '
                                      f"{value}")


def regexp_count(text: str, pattern: str, start: int = 1,
                 flags: str = "") -> int:
    _check_param("start", start, 1)
    fold, _ = parse_flags(flags, "regexp_count()")
    matcher = Matcher(pattern, fold, False, "regexp_count()")
    return sum(1 for _ in matcher.iterate(text, start - 1))


def _nth(text: str, pattern: str, start: int, nth: int, flags: str,
         subexpr: int, fn: str):
    _check_param("start", start, 1)
    _check_param("n", nth, 1)
    _check_param("subexpr", subexpr, 0)
    fold, _ = parse_flags(flags, fn)
    matcher = Matcher(pattern, fold, subexpr > 0, fn)
    if subexpr > matcher.are.groups:
        return None
    for count, (so, eo, m) in enumerate(matcher.iterate(text, start - 1), 1):
        if count == nth:
            if subexpr == 0:
                return so, eo
            if m.start(subexpr) < 0:
                return None
            return m.span(subexpr)
    return None


def regexp_instr(text: str, pattern: str, start: int = 1, nth: int = 1,
                 endoption: int = 0, flags: str = "",
                 subexpr: int = 0) -> int:
    _check_param("start", start, 1)
    _check_param("n", nth, 1)
    if endoption not in (0, 1):
        raise invalid_parameter_value('invalid value for parameter "endoption": '
                                      f"{endoption}")
    span = _nth(text, pattern, start, nth, flags, subexpr, "regexp_instr()")
    if span is None:
        return 0
    return span[1] + 1 if endoption else span[0] + 1


def regexp_substr(text: str, pattern: str, start: int = 1, nth: int = 1,
                  flags: str = "", subexpr: int = 0) -> str | None:
    span = _nth(text, pattern, start, nth, flags, subexpr, "regexp_substr()")
    if span is None:
        return None
    return text[span[0]:span[1]]


def regexp_like(text: str, pattern: str, flags: str = "") -> bool:
    fold, _ = parse_flags(flags, "regexp_like()")
    return translate(pattern, fold).compiled.search(text) is not None


# -- SIMILAR TO ------------------------------------------------------------------------

def similar_to_escape(pattern: str, escape: str | None = "\\") -> str:
    """similar_escape_internal(): a SIMILAR TO pattern as an ARE."""
    if escape is not None and len(escape) > 1:
        raise invalid_escape_sequence("invalid escape string",
                                      hint="Escape string must be empty or one character.")
    esc = escape or None
    out = ["^(?:"]
    afterescape = False
    nquotes = 0
    depth = 0
    pos = 0
    for ch in pattern:
        if afterescape:
            if ch == '"' and depth < 1:
                if nquotes == 0:
                    out.append("){1,1}?(")
                elif nquotes == 1:
                    out.append("){1,1}(?:")
                else:
                    raise invalid_use_of_escape_character("SQL regular expression may not "
                                                          "contain more than two escape-double-"
                                                          "quote separators")
                nquotes += 1
            else:
                out.append("\\" + ch)
                pos = 3
            afterescape = False
        elif esc is not None and ch == esc:
            afterescape = True
        elif depth > 0:
            if ch == "\\":
                out.append("\\")
            out.append(ch)
            if ch == "]" and pos > 2:
                depth -= 1
            elif ch == "[":
                depth += 1
                pos = 3
            elif ch == "^":
                pos += 1
            else:
                pos = 3
        elif ch == "[":
            out.append(ch)
            depth = 1
            pos = 1
        elif ch == "%":
            out.append(".*")
        elif ch == "_":
            out.append(".")
        elif ch == "(":
            out.append("(?:")
        elif ch in "\\.^$":
            out.append("\\" + ch)
        else:
            out.append(ch)
    out.append(")$")
    return "".join(out)


def _similar_parts(pattern: str, escape: str | None) -> list[str]:
    """The SIMILAR pattern cut at its escape-double-quote separators, each
    part as its own anchored ARE body."""
    regex = similar_to_escape(pattern, escape)
    body = regex[len("^(?:"):-len(")$")]
    return re.split(r"\)\{1,1\}\?\(|\)\{1,1\}\(\?:", body)


def similar_substring(text: str, pattern: str, escape: str) -> str | None:
    """substring(text SIMILAR pattern ESCAPE escape): the shortest first
    part, then the longest second part, as the SQL standard has it (its
    errors come from inside PostgreSQL's SQL function substring)."""
    try:
        return _similar_substring(text, pattern, escape)
    except SqlError as exc:
        if exc.where is None and exc.sqlstate != FEATURE_NOT_SUPPORTED:
            exc.where = 'SQL function "substring" statement 1'
        raise


def _similar_substring(text: str, pattern: str, escape: str) -> str | None:
    parts = _similar_parts(pattern, escape)
    if len(parts) == 1:
        are = _similar_part(parts[0])
        return text if are.fullmatch(text) else None
    first = _similar_part(parts[0])
    second = _similar_part(parts[1])
    third = _similar_part(parts[2]) if len(parts) > 2 else None
    n = len(text)
    for i in range(n + 1):
        if not first.fullmatch(text, 0, i):
            continue
        if third is None:
            if second.fullmatch(text, i, n):
                return text[i:]
            continue
        for j in range(n, i - 1, -1):
            if second.fullmatch(text, i, j) and third.fullmatch(text, j, n):
                return text[i:j]
    return None


def _similar_part(body: str) -> re.Pattern:
    are = translate(body, False)
    return are.compiled


def similar_match(negate: bool) -> Callable[[str, str], bool]:
    def match(value: str, regex: str) -> bool:
        return (translate(regex, False).compiled.search(value)
                is not None) != negate
    return match


def register() -> None:
    define("substring(text,text)", textregexsubstr)
    define("substring(text,text,text)", similar_substring)
    define("similar_to_escape(text)", similar_to_escape)
    define("similar_to_escape(text,text)", similar_to_escape)
    define("regexp_match(text,text)", regexp_match)
    define("regexp_match(text,text,text)", regexp_match)
    SET_RETURNING["regexp_matches(text,text)"] = _regexp_matches
    SET_RETURNING["regexp_matches(text,text,text)"] = _regexp_matches
    define("regexp_split_to_array(text,text)", regexp_split)
    define("regexp_split_to_array(text,text,text)", regexp_split)
    SET_RETURNING["regexp_split_to_table(text,text)"] = _regexp_split_to_table
    SET_RETURNING["regexp_split_to_table(text,text,text)"] = \
        _regexp_split_to_table
    for sig in ("text,text", "text,text,int4", "text,text,int4,text"):
        define(f"regexp_count({sig})", regexp_count)
    for sig in ("text,text", "text,text,int4", "text,text,int4,int4",
                "text,text,int4,int4,int4", "text,text,int4,int4,int4,text",
                "text,text,int4,int4,int4,text,int4"):
        define(f"regexp_instr({sig})", regexp_instr)
    for sig in ("text,text", "text,text,int4", "text,text,int4,int4",
                "text,text,int4,int4,text", "text,text,int4,int4,text,int4"):
        define(f"regexp_substr({sig})", regexp_substr)
    define("regexp_like(text,text)", regexp_like)
    define("regexp_like(text,text,text)", regexp_like)
