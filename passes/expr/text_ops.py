"""Strings and bytea: comparisons (char(n) without its padding), `||`,
LIKE/ILIKE, the POSIX regular expression operators, the string
functions, concat/concat_ws and `any || text`.

Case mapping is ASCII-only and ordering by code point: the C collation
and SQL_ASCII-style case rules the twin declares. Regular expressions
are `regex_ops`' translation of PostgreSQL's AREs to Python's `re`; the
formatting functions (to_char & co., format) live in `formatting`; both
are registered from `register()` here.
"""

from __future__ import annotations

import hashlib
import operator as _op
import re
from functools import lru_cache
from typing import Callable, Sequence

from twinning.errors import (
    SqlError, integer_out_of_range, invalid_escape_sequence,
    invalid_parameter_value, program_limit_exceeded, substring_error,
)
from twinning.ir import query as q
from twinning.passes.expr import formatting, regex_ops, variadic
from twinning.passes.expr.regex_ops import are_regex
from twinning.values import bytea
from twinning.passes.expr.registry import (BINARY, COMPARE, FUNCTIONS,
                                           PY_COMPARE, Impl, define, output,
                                           reg)


def bpchar_trim(value: str) -> str:
    return value.rstrip(" ")


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                             "abcdefghijklmnopqrstuvwxyz")


_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz",
                             "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def ascii_lower(value: str) -> str:
    """lower() under the C locale: ASCII letters only."""
    return value.translate(_ASCII_LOWER)


def ascii_upper(value: str) -> str:
    return value.translate(_ASCII_UPPER)


def initcap(value: str) -> str:
    """initcap() in the C locale: a letter after an ASCII letter or digit
    is lowered, any other is raised; only ASCII letters change."""
    out = []
    after_alnum = False
    for ch in value:
        if ch.isascii():
            out.append(ch.lower() if after_alnum else ch.upper())
            after_alnum = ch.isalnum()
        else:
            out.append(ch)
            after_alnum = False
    return "".join(out)


def like_escape(pattern: str, escape: str) -> str:
    """like_escape(): rewrite `pattern` to use backslash escapes."""
    if len(escape) > 1:
        raise invalid_escape_sequence("invalid escape string",
                                      hint="Escape string must be empty or one character.")
    if escape == "\\":
        return pattern
    out = []
    if escape == "":
        return pattern.replace("\\", "\\\\")
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == escape:
            i += 1
            if i >= len(pattern):   # kept: matching may never reach it
                out.append("\\")
                break
            nxt = pattern[i]
            out.append("\\" + nxt)
        elif ch == "\\":
            out.append("\\\\")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


@lru_cache(maxsize=4096)
def like_regex(pattern: str, fold: bool) -> re.Pattern:
    """A LIKE pattern (backslash escapes) as an anchored regex."""
    parts = []
    i = 0
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 1
            if i >= n:
                raise invalid_escape_sequence("LIKE pattern must not end with "
                                              "escape character")
            parts.append(re.escape(pattern[i]))
        elif ch == "%":
            parts.append(".*")
        elif ch == "_":
            parts.append(".")
        else:
            parts.append(re.escape(ch))
        i += 1
    return re.compile("".join(parts) + r"\Z", re.S)


def like(value: str, pattern: str) -> bool:
    try:
        compiled = like_regex(pattern, False)
    except SqlError:    # a dangling escape: an error only if reached
        return _match_text(value, pattern) is True
    return compiled.match(value) is not None


def ilike(value: str, pattern: str) -> bool:
    pattern = ascii_lower(pattern)
    try:
        compiled = like_regex(pattern, True)
    except SqlError:
        return _match_text(ascii_lower(value), pattern) is True
    return compiled.match(ascii_lower(value)) is not None


def _dangling_escape() -> SqlError:
    return invalid_escape_sequence("LIKE pattern must not end with escape "
                                   "character")


def _match_text(t: str, p: str) -> bool | None:
    """like_match.c's MatchText (True, False, None for LIKE_ABORT), for a
    pattern ending in its escape character: PostgreSQL raises 22025 only
    when matching reaches that character."""
    ti = pi = 0
    tlen, plen = len(t), len(p)
    while ti < tlen and pi < plen:
        c = p[pi]
        if c == "\\":
            pi += 1
            if pi >= plen:
                raise _dangling_escape()
            if p[pi] != t[ti]:
                return False
        elif c == "%":
            pi += 1
            while pi < plen:
                if p[pi] == "%":
                    pi += 1
                elif p[pi] == "_":
                    if ti >= tlen:
                        return None
                    ti += 1
                    pi += 1
                else:
                    break
            if pi >= plen:
                return True
            if p[pi] == "\\":
                if plen - pi < 2:
                    raise _dangling_escape()
                first = p[pi + 1]
            else:
                first = p[pi]
            while ti < tlen:
                if t[ti] == first:
                    matched = _match_text(t[ti:], p[pi:])
                    if matched is not False:
                        return matched
                ti += 1
            return None
        elif c != "_" and c != t[ti]:
            return False
        pi += 1
        ti += 1
    if ti < tlen:
        return False
    while pi < plen and p[pi] == "%":
        pi += 1
    return True if pi >= plen else None


def _substr(s: str, start: int, length: int | None = None) -> str:
    if length is None:
        return s[max(start - 1, 0):]
    if length < 0:
        raise substring_error("negative substring length not allowed")
    end = start + length - 1
    if end < 1:
        return ""
    return s[max(start - 1, 0):end]


def _overlay(s, put, start: int, length: int):
    """text_overlay()/byteaoverlay(): OVERLAY(s PLACING put FROM start FOR
    length), the parts before `start` and from `start + length` on."""
    if start <= 0:
        raise substring_error("negative substring length not allowed")
    end = start + length
    if end > 2**31 - 1:
        raise integer_out_of_range()
    return s[:start - 1] + put + s[max(end, 1) - 1:]


def _replace(s: str, old: str, new: str) -> str:
    return s if old == "" else s.replace(old, new)


def _left(s: str, n: int) -> str:
    return s[:n] if n >= 0 else s[:max(len(s) + n, 0)]


def _right(s: str, n: int) -> str:
    if n >= 0:
        return s[max(len(s) - n, 0):] if n else ""
    return s[-n:]


def _strpos(s: str, sub: str) -> int:
    return s.find(sub) + 1


def _pad(left: bool) -> Callable:
    def pad(s: str, n: int, fill: str = " ") -> str:
        if n <= 0:
            return ""
        if len(s) >= n:
            return s[:n]
        if fill == "":
            return s
        need = n - len(s)
        filler = (fill * (need // len(fill) + 1))[:need]
        return filler + s if left else s + filler
    return pad


def _split_part(s: str, delim: str, n: int) -> str:
    if n == 0:
        raise invalid_parameter_value("field position must not be zero")
    if delim == "":
        return s if n in (1, -1) else ""
    parts = s.split(delim)
    if n > 0:
        return parts[n - 1] if n <= len(parts) else ""
    return parts[n] if -n <= len(parts) else ""


def _trim(which: str) -> Callable:
    def trim(s: str, chars: str = " ") -> str:
        if which == "b":
            return s.strip(chars) if chars else s
        if which == "l":
            return s.lstrip(chars) if chars else s
        return s.rstrip(chars) if chars else s
    return trim


def _repeat(s: str, n: int) -> str:
    return s * max(n, 0)


def _chr(n: int) -> str:
    if n == 0:
        raise program_limit_exceeded("null character not permitted")
    if n < 0 or n > 0x10FFFF or 0xD800 <= n <= 0xDFFF:
        raise program_limit_exceeded("requested character too large for encoding: "
                                     f"{n}")
    return chr(n)


def _ascii(s: str) -> int:
    return ord(s[0]) if s else 0


def _translate(s: str, src: str, dst: str) -> str:
    table = {}
    for i, ch in enumerate(src):
        if ord(ch) in table:
            continue
        table[ord(ch)] = dst[i] if i < len(dst) else None
    return s.translate(table)


def _md5(value: str | bytes) -> str:
    data = value.encode("utf-8") if isinstance(value, str) else value
    return hashlib.md5(data).hexdigest()


def _string_to_array(text, delimiter, null_text=None):
    if text is None:
        return None
    if text == "":
        return ()
    if delimiter is None:
        parts = list(text)
    elif delimiter == "":
        parts = [text]
    else:
        parts = text.split(delimiter)
    return tuple(None if null_text is not None and p == null_text else p
                 for p in parts)


# -- regular expressions ------------------------------------------------------------

def _regex_match(fold: bool, negate: bool) -> Callable[[str, str], bool]:
    def match(value: str, pattern: str) -> bool:
        found = are_regex(pattern, fold).search(value) is not None
        return found != negate
    return match


def regexp_replace(source: str, pattern: str, replacement: str,
                   flags: str = "") -> str:
    """regexp_replace(source, pattern, replacement [, flags]): the first
    match replaced, every one with flag g; `\\1`…`\\9` and `\\&` in the
    replacement stand for a group and the whole match (textregexreplace).
    Flags other than g, i and c are outside the shared ARE subset."""
    fold, every = regex_ops.parse_flags(flags, glob_allowed=True)
    compiled = are_regex(pattern, fold)
    refers = re.search(r"\\[1-9]", replacement) is not None
    matcher = regex_ops.Matcher(pattern, fold, refers, "regexp_replace()")

    def substitute(match) -> str:
        out, i, n = [], 0, len(replacement)
        while i < n:
            c = replacement[i]
            if c == "\\" and i + 1 < n:
                nxt = replacement[i + 1]
                if nxt.isdigit() and nxt != "0":
                    group = int(nxt)
                    if group <= compiled.groups:
                        out.append(match.group(group) or "")
                    i += 2
                    continue
                if nxt == "&":
                    out.append(match.group(0))
                    i += 2
                    continue
                if nxt == "\\":
                    out.append("\\")
                    i += 2
                    continue
            out.append(c)
            i += 1
        return "".join(out)
    if matcher.program is None:  # Python's matches are PostgreSQL's
        return compiled.sub(substitute, source, count=0 if every else 1)
    pieces, last = [], 0
    for so, eo, match in matcher.iterate(source):
        pieces.append(source[last:so])
        pieces.append(substitute(match))
        last = eo
        if not every:
            break
    pieces.append(source[last:])
    return "".join(pieces)


# -- output functions of any type (concat, anytextcat) ------------------------------

_SETTINGS_FREE_OUTPUT = frozenset({"int2", "int4", "int8", "numeric", "text",
                                   "varchar", "bpchar", "name", "bool",
                                   "uuid", "json", "jsonb"})


def anytextcat(sig: str, types: Sequence[q.ResultType]) -> Impl:
    """`any || text` / `text || any`: the non-text side through its
    output function (as a cast to text)."""
    other = types[0] if sig.startswith("any") else types[1]
    out = output(other.name, as_cast=True)
    if sig.startswith("any"):
        def make(settings):
            fn = out(settings)
            return lambda a, b: fn(a) + b
    else:
        def make(settings):
            fn = out(settings)
            return lambda a, b: a + fn(b)
    return Impl(make, settings=other.name not in _SETTINGS_FREE_OUTPUT) \
        if other.name not in _SETTINGS_FREE_OUTPUT else \
        Impl(make(None))


class _Concat(Impl):
    """concat / concat_ws: non-strict, output functions per argument."""

    def __init__(self, with_separator: bool) -> None:
        super().__init__(None, strict=False, settings=True)
        self.sep = with_separator

    def factory(self, arg_types: Sequence[q.ResultType]):
        return concat_factory(arg_types, self.sep)


def concat_factory(arg_types: Sequence[q.ResultType], with_sep: bool):
    outs = [output(t.name) for t in arg_types]

    def make(settings):
        fns = [o(settings) for o in outs]
        if with_sep:
            rest = fns[1:]

            def concat_ws(sep, *values):
                if sep is None:
                    return None
                return sep.join(f(v) for f, v in zip(rest, values)
                                if v is not None)
            return concat_ws

        def concat(*values):
            return "".join(f(v) for f, v in zip(fns, values) if v is not None)
        return concat
    return make


def register() -> None:
    for op in COMPARE:
        reg(BINARY, f"text {op} text", PY_COMPARE[op])
        reg(BINARY, f"name {op} name", PY_COMPARE[op])
        reg(BINARY, f"name {op} text", PY_COMPARE[op])
        reg(BINARY, f"text {op} name", PY_COMPARE[op])
        test = PY_COMPARE[op]
        reg(BINARY, f"bpchar {op} bpchar",
            lambda a, b, test=test: test(a.rstrip(" "), b.rstrip(" ")))
        reg(BINARY, f"bytea {op} bytea", PY_COMPARE[op])
    reg(BINARY, "text || text", _op.add)
    reg(BINARY, "bytea || bytea", _op.add)
    for left in ("text", "name", "bpchar"):
        for op, match in (("~~", like), ("~~*", ilike)):
            reg(BINARY, f"{left} {op} text", match)
            reg(BINARY, f"{left} !{op} text",
                lambda a, b, match=match: not match(a, b))
        for op, fold, negate in (("~", False, False), ("!~", False, True),
                                 ("~*", True, False), ("!~*", True, True)):
            reg(BINARY, f"{left} {op} text", _regex_match(fold, negate))
    define("regexp_replace(text,text,text)", regexp_replace)
    define("regexp_replace(text,text,text,text)", regexp_replace)
    define("lower(text)", ascii_lower)
    define("upper(text)", ascii_upper)
    define("initcap(text)", initcap)
    for name in ("length", "char_length", "character_length"):
        define(f"{name}(text)", len)
        define(f"{name}(bpchar)", lambda s: len(s.rstrip(" ")))
    define("length(bytea)", len)
    define("encode(bytea,text)", bytea.encode)
    define("convert_to(text,name)", bytea.convert_to)
    define("convert_from(bytea,name)", bytea.convert_from)
    define("decode(text,text)", bytea.decode)
    for bits in (224, 256, 384, 512):
        define(f"sha{bits}(bytea)",
               lambda b, h=getattr(hashlib, f"sha{bits}"): h(b).digest())
    define("bit_length(text)", lambda s: 8 * len(s.encode("utf-8")))
    define("bit_length(bytea)", lambda b: 8 * len(b))
    define("quote_nullable(text)", lambda s: "NULL" if s is None
           else formatting.quote_literal(s), strict=False)
    for kind in ("text", "bytea"):
        define(f"overlay({kind},{kind},int4,int4)", _overlay)
        define(f"overlay({kind},{kind},int4)",
               lambda s, put, start: _overlay(s, put, start, len(put)))
    define("octet_length(text)", lambda s: len(s.encode("utf-8")))
    define("octet_length(bpchar)", lambda s: len(s.encode("utf-8")))
    define("octet_length(bytea)", len)
    for name, which in (("btrim", "b"), ("ltrim", "l"), ("rtrim", "r")):
        define(f"{name}(text)", _trim(which))
        define(f"{name}(text,text)", _trim(which))
    for name in ("substring", "substr"):
        define(f"{name}(text,int4)", _substr)
        define(f"{name}(text,int4,int4)", _substr)
    define("replace(text,text,text)", _replace)
    define("left(text,int4)", _left)
    define("right(text,int4)", _right)
    for name in ("position", "strpos"):
        define(f"{name}(text,text)", _strpos)
    define("lpad(text,int4)", _pad(True))
    define("lpad(text,int4,text)", _pad(True))
    define("rpad(text,int4)", _pad(False))
    define("rpad(text,int4,text)", _pad(False))
    define("split_part(text,text,int4)", _split_part)
    define("reverse(text)", lambda s: s[::-1])
    define("repeat(text,int4)", _repeat)
    define("starts_with(text,text)", lambda s, p: s.startswith(p))
    define("translate(text,text,text)", _translate)
    define("ascii(text)", _ascii)
    define("chr(int4)", _chr)
    define("md5(text)", _md5)
    define("md5(bytea)", _md5)
    define("like_escape(text,text)", like_escape)
    FUNCTIONS["concat(any)"] = _Concat(False)
    FUNCTIONS["num_nulls(any)"] = Impl(
        lambda *values: sum(v is None for v in values), strict=False)
    FUNCTIONS["num_nonnulls(any)"] = Impl(
        lambda *values: sum(v is not None for v in values), strict=False)
    FUNCTIONS["concat_ws(text,any)"] = _Concat(True)
    define("string_to_array(text,text)", _string_to_array, strict=False)
    define("string_to_array(text,text,text)", _string_to_array, strict=False)
    formatting.register()
    variadic.register()
    regex_ops.register()
