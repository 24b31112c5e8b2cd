"""jsonpath: PostgreSQL 15's input and output functions (jsonpath.c,
jsonpath_scan.l, jsonpath_gram.y).

The scanner follows the flex rules' longest-match-first-rule choice, so a
number followed by a letter is "trailing junk" exactly where PostgreSQL
says so, and an error names the text flex's `yytext` holds at that moment:
an unquoted word ended by a special character or the end of the input has
none (PostgreSQL's "at end of jsonpath input"), one ended by blanks names
those blanks. The parser is a recursive descent over the grammar's
precedence levels that stops at the token where the LALR parser detects
its error. `flatten` then checks what jsonpath.c's flattenJsonPathParseItem
checks (`@` outside a filter, `last` outside a subscript) in its order.

A value is a `JsonPath`: the mode and a tree of `Item`s, each with the
`next` item of its accessor chain, as PostgreSQL's binary form links
them; `format_jsonpath` is printJsonPathItem. The evaluator lives in
`passes/expr/jsonpath_eval.py`. like_regex patterns are compiled at input
as PostgreSQL does, through `REGEX_CHECK`, which the expression layer
installs (the regular-expression engine lives above this layer).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Callable

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, internal_error, invalid_input_syntax,
    invalid_text_representation, numeric_value_out_of_range, syntax_error,
    untranslatable_character,
)
from twinning.values.json import escape_json
from twinning.values.numeric import format_numeric, parse_numeric
from twinning.values import jsonpath_hooks

__all__ = ["Item", "JsonPath", "parse_jsonpath", "format_jsonpath",
           "REGEX_CHECK", "UINT32_MAX"]

UINT32_MAX = 0xFFFFFFFF
# (pattern, flags) -> None or raises; installed by passes/expr/jsonpath_ops
REGEX_CHECK = jsonpath_hooks.REGEX_CHECK


class Item:
    """One jsonpath item: `kind`, its operands `a`/`b` (items), a `value`
    (a key, string, Decimal, bool, subscripts, bounds, regex) and the
    `next` item of the chain."""

    __slots__ = ("kind", "a", "b", "value", "next")

    def __init__(self, kind: str, a: Item | None = None, b: Item | None = None,
                 value=None) -> None:
        self.kind = kind
        self.a = a
        self.b = b
        self.value = value
        self.next: Item | None = None

    def last(self) -> Item:
        item = self
        while item.next is not None:
            item = item.next
        return item


class JsonPath:
    __slots__ = ("lax", "root", "_text")

    def __init__(self, lax: bool, root: Item) -> None:
        self.lax = lax
        self.root = root
        self._text = None

    def __str__(self) -> str:
        if self._text is None:
            self._text = format_jsonpath(self)
        return self._text

    def __repr__(self) -> str:
        return f"JsonPath({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JsonPath) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


# -- scanner --------------------------------------------------------------------

_SPECIAL = set("?%$.[]{}()|&!=<>@#,*:-+/")
_BLANK = set(" \t\n\r\f")
_OTHER = r'[^?%$.\[\]{}()|&!=<>@#,*:\-+/\\" \t\n\r\f]'
_INTEGER = r"(?:0|[1-9][0-9]*)"
_DECIMAL = rf"(?:{_INTEGER}\.[0-9]*|\.[0-9]+)"
_REAL = rf"(?:(?:{_INTEGER}|{_DECIMAL})[Ee][-+]?[0-9]+)"
# flex rules tried at one position: (kind, regex); the longest match wins,
# the first rule among equals (jsonpath_scan.l's order)
_RULES = [(kind, re.compile(rx)) for kind, rx in (
    ("&&", r"&&"), ("||", r"\|\|"), ("!", r"!"), ("**", r"\*\*"),
    ("<", r"<"), ("<=", r"<="), ("==", r"=="), ("!=", r"<>"), ("!=", r"!="),
    (">=", r">="), (">", r">"),
    ("VARIABLE", rf"\${_OTHER}+"), ("XVQ", r'\$"'),
    ("SPECIAL", r'[?%$.\[\]{}()|&!=<>@#,*:\-+/]'),
    ("BLANK", r"[ \t\n\r\f]+"), ("COMMENT", r"/\*"),
    ("NUMERIC", _REAL), ("NUMERIC", _DECIMAL), ("INT", _INTEGER),
    ("REALFAIL", rf"(?:{_INTEGER}|{_DECIMAL})[Ee][-+]"),
    ("JUNK", rf"{_INTEGER}{_OTHER}"), ("JUNK", rf"{_DECIMAL}{_OTHER}"),
    ("JUNK", rf"{_REAL}{_OTHER}"),
    ("XNQ", rf"{_OTHER}+"), ("XQ", r'"'), ("BACKSLASH", r"\\"))]

_HEX = "[0-9A-Fa-f]"
_UNICODE = rf"\\u(?:{_HEX}{{4}}|\{{{_HEX}{{1,6}}\}})"
_ESCAPE_RULES = [(kind, re.compile(rx)) for kind, rx in (
    ("CHAR", r"\\[bfnrtv]"),
    ("UNICODE", rf"(?:{_UNICODE})+"), ("HEX", rf"\\x{_HEX}{{2}}"),
    ("UNICODEFAIL", rf"(?:{_UNICODE})*\\u(?:{_HEX}{{0,3}}|\{{{_HEX}{{0,6}})"),
    ("HEXFAIL", rf"\\x{_HEX}{{0,1}}"),
    ("UNICODE_BS", rf"(?:{_UNICODE})+\\"),
    ("ANY", r"\\(?s:.)"), ("LONE", r"\\"))]
_CHAR_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
                 "v": "\v"}

_KEYWORDS = {
    "is": "IS", "to": "TO", "abs": "ABS", "lax": "LAX", "flag": "FLAG",
    "last": "LAST", "size": "SIZE", "type": "TYPE", "with": "WITH",
    "floor": "FLOOR", "double": "DOUBLE", "exists": "EXISTS",
    "starts": "STARTS", "strict": "STRICT", "ceiling": "CEILING",
    "unknown": "UNKNOWN", "datetime": "DATETIME", "keyvalue": "KEYVALUE",
    "like_regex": "LIKE_REGEX"}
_LOWER_KEYWORDS = {"null": "NULL", "true": "TRUE", "false": "FALSE"}
METHODS = {"ABS": "abs", "SIZE": "size", "TYPE": "type", "FLOOR": "floor",
           "DOUBLE": "double", "CEILING": "ceiling", "KEYVALUE": "keyvalue"}


class _Token:
    __slots__ = ("kind", "text", "value")

    def __init__(self, kind: str, text: str, value=None) -> None:
        self.kind = kind      # token kind
        self.text = text      # flex's yytext when the parser reads it
        self.value = value    # a string's or word's value


def _error(message: str, yytext: str) -> SqlError:
    if yytext == "":
        return syntax_error(f"{message} at end of jsonpath input")
    return syntax_error(f'{message} at or near "{yytext}" of jsonpath '
                        "input")


def _longest(rules, text: str, pos: int) -> tuple[str, int]:
    best, length = "", -1
    for kind, rx in rules:
        m = rx.match(text, pos)
        if m is not None and m.end() - pos > length:
            best, length = kind, m.end() - pos
    return best, length


def _keyword(word: str) -> str:
    kind = _KEYWORDS.get(word.lower())
    if kind is not None:
        return kind
    return _LOWER_KEYWORDS.get(word, "IDENT")


def _surrogate_error(detail: str) -> SqlError:
    return invalid_text_representation("invalid input syntax for type jsonpath",
                                       detail=detail)


def _unicode(seq: str) -> str:
    """parseUnicode: \\uXXXX and \\u{X…} escapes, surrogate pairs joined."""
    out, high = [], -1
    for m in re.finditer(r"\\u(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{4}))", seq):
        ch = int(m.group(1) or m.group(2), 16)
        if 0xD800 <= ch <= 0xDBFF:
            if high != -1:
                raise _surrogate_error("Unicode high surrogate must not "
                                       "follow a high surrogate.")
            high = (ch & 0x3FF) << 10
            continue
        if 0xDC00 <= ch <= 0xDFFF:
            if high == -1:
                raise _surrogate_error("Unicode low surrogate must follow a "
                                       "high surrogate.")
            ch = 0x10000 + high + (ch & 0x3FF)
            high = -1
        elif high != -1:
            raise _surrogate_error("Unicode low surrogate must follow a high "
                                   "surrogate.")
        out.append(_char(ch))
    if high != -1:
        raise _surrogate_error("Unicode low surrogate must follow a high "
                               "surrogate.")
    return "".join(out)


def _char(ch: int) -> str:
    if ch == 0:
        raise untranslatable_character("unsupported Unicode escape sequence",
                                       detail="\\u0000 cannot be converted to text.")
    return chr(ch)


def _escape(text: str, pos: int) -> tuple[str, int] | None:
    """One escape at `pos` (a backslash): (its characters, new position)."""
    kind, length = _longest(_ESCAPE_RULES, text, pos)
    piece = text[pos:pos + length]
    if kind == "CHAR":
        return _CHAR_ESCAPES[piece[1]], pos + length
    if kind == "UNICODE":
        return _unicode(piece), pos + length
    if kind == "UNICODE_BS":
        return _unicode(piece[:-1]), pos + length - 1
    if kind == "HEX":
        return _char(int(piece[2:], 16)), pos + length
    if kind == "UNICODEFAIL":
        raise _error("invalid unicode sequence", piece)
    if kind == "HEXFAIL":
        raise _error("invalid hex character sequence", piece)
    if kind == "ANY":
        return piece[1], pos + length
    raise _error("unexpected end after backslash", piece)


def _quoted(text: str, pos: int) -> tuple[str, int]:
    """The body of a "…" string from `pos` (past the quote)."""
    out = []
    n = len(text)
    while True:
        if pos >= n:
            raise _error("unexpected end of quoted string", "")
        ch = text[pos]
        if ch == '"':
            return "".join(out), pos + 1
        if ch == "\\":
            piece, pos = _escape(text, pos)
            out.append(piece)
            continue
        end = pos
        while end < n and text[end] not in '"\\':
            end += 1
        out.append(text[pos:end])
        pos = end


def _unquoted(text: str, pos: int, start: str) -> tuple[_Token | None, int]:
    """The <xnq> state: a word up to a special character, a quote, blanks,
    a comment or the end. A word cut by a comment is lost, as flex's rule
    drops it."""
    out = [start]
    n = len(text)
    while True:
        if pos >= n:
            word = "".join(out)
            return _Token(_keyword(word), "", word), pos
        ch = text[pos]
        if ch in _BLANK:
            end = pos
            while end < n and text[end] in _BLANK:
                end += 1
            word = "".join(out)
            return _Token(_keyword(word), text[pos:end], word), end
        if text.startswith("/*", pos):
            return None, _comment(text, pos + 2)
        if ch in _SPECIAL or ch == '"':
            word = "".join(out)
            return _Token(_keyword(word), "", word), pos
        if ch == "\\":
            piece, pos = _escape(text, pos)
            out.append(piece)
            continue
        m = re.compile(f"{_OTHER}+").match(text, pos)
        out.append(m.group())
        pos = m.end()


def _comment(text: str, pos: int) -> int:
    end = text.find("*/", pos)
    if end < 0:
        raise _error("unexpected end of comment", "")
    return end + 2


def tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos, n = 0, len(text)
    while pos < n:
        kind, length = _longest(_RULES, text, pos)
        piece = text[pos:pos + length]
        if kind in ("BLANK",):
            pos += length
        elif kind == "COMMENT":
            pos = _comment(text, pos + 2)
        elif kind == "SPECIAL":
            tokens.append(_Token(piece, piece))
            pos += length
        elif kind == "VARIABLE":
            tokens.append(_Token("VARIABLE", piece, piece[1:]))
            pos += length
        elif kind == "XVQ":
            value, pos = _quoted(text, pos + 2)
            tokens.append(_Token("VARIABLE", '"', value))
        elif kind == "XQ":
            value, pos = _quoted(text, pos + 1)
            tokens.append(_Token("STRING", '"', value))
        elif kind in ("NUMERIC", "INT"):
            tokens.append(_Token(kind, piece, piece))
            pos += length
        elif kind == "REALFAIL":
            raise _error("invalid numeric literal", piece)
        elif kind == "JUNK":
            raise _error("trailing junk after numeric literal", piece)
        elif kind in ("XNQ", "BACKSLASH"):
            start = piece if kind == "XNQ" else ""
            token, pos = _unquoted(text, pos + len(start), start)
            if token is not None:
                tokens.append(token)
        else:
            tokens.append(_Token(kind, piece))
            pos += length
    tokens.append(_Token("EOF", ""))
    return tokens


# -- parser ---------------------------------------------------------------------

_COMPARE = ("==", "!=", "<", ">", "<=", ">=")
_SCALARS = ("STRING", "NULL", "TRUE", "FALSE", "NUMERIC", "INT", "VARIABLE")
_KEY_NAMES = frozenset({"IDENT", "STRING", "TO", "NULL", "TRUE", "FALSE", "IS",
                        "UNKNOWN", "EXISTS", "STRICT", "LAX", "ABS", "SIZE",
                        "TYPE", "FLOOR", "DOUBLE", "CEILING", "DATETIME",
                        "KEYVALUE", "LAST", "STARTS", "WITH", "LIKE_REGEX",
                        "FLAG"})
_REGEX_FLAGS = "ismxq"


class _Parsed:
    """A parse result and whether the grammar sees it as a predicate."""
    __slots__ = ("item", "pred")

    def __init__(self, item: Item, pred: bool) -> None:
        self.item = item
        self.pred = pred


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.i = 0

    @property
    def tok(self) -> _Token:
        return self.tokens[self.i]

    def advance(self) -> _Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def fail(self) -> SqlError:
        return _error("syntax error", self.tok.text)

    def expect(self, kind: str) -> _Token:
        if self.tok.kind != kind:
            raise self.fail()
        return self.advance()

    def need_pred(self, parsed: _Parsed) -> Item:
        if not parsed.pred:
            raise self.fail()
        return parsed.item

    def need_expr(self, parsed: _Parsed) -> Item:
        if parsed.pred:
            raise self.fail()
        return parsed.item

    # predicate levels
    def parse_or(self) -> _Parsed:
        return self._logical("||", self.parse_and)

    def parse_and(self) -> _Parsed:
        return self._logical("&&", self.parse_not)

    def _logical(self, op: str, operand: Callable[[], _Parsed]) -> _Parsed:
        """`operand (op operand)*`, left-associative; both sides predicates."""
        left = operand()
        while self.tok.kind == op:
            item = self.need_pred(left)
            self.advance()
            right = self.need_pred(operand())
            left = _Parsed(Item(op, item, right), True)
        return left

    def parse_not(self) -> _Parsed:
        if self.tok.kind != "!":
            return self.parse_comparison()
        self.advance()
        if self.tok.kind == "EXISTS":
            return _Parsed(Item("!", self.parse_exists()), True)
        self.expect("(")
        inner = self.parse_or()
        item = self.need_pred(inner)
        self.expect(")")
        return _Parsed(Item("!", item), True)

    def parse_exists(self) -> Item:
        self.expect("EXISTS")
        self.expect("(")
        inner = self.need_expr(self.parse_additive(False))
        self.expect(")")
        return Item("exists", inner)

    def parse_comparison(self) -> _Parsed:
        left = self.parse_additive(True)
        if left.pred:
            return left
        kind = self.tok.kind
        if kind in _COMPARE:
            self.advance()
            right = self.parse_additive(False).item
            return _Parsed(Item(kind, left.item, right), True)
        if kind == "STARTS":
            self.advance()
            self.expect("WITH")
            if self.tok.kind == "STRING":
                initial = Item("string", value=self.advance().value)
            elif self.tok.kind == "VARIABLE":
                initial = Item("variable", value=self.advance().value)
            else:
                raise self.fail()
            return _Parsed(Item("starts with", left.item, initial), True)
        if kind == "LIKE_REGEX":
            self.advance()
            pattern = self.expect("STRING").value
            flags = ""
            if self.tok.kind == "FLAG":
                self.advance()
                flags = self.expect("STRING").value
            return _Parsed(_like_regex(left.item, pattern, flags), True)
        return left

    # expression levels
    def parse_additive(self, allow_pred: bool) -> _Parsed:
        return self._arithmetic(("+", "-"), self.parse_multiplicative, allow_pred)

    def parse_multiplicative(self, allow_pred: bool) -> _Parsed:
        return self._arithmetic(("*", "/", "%"), self.parse_unary, allow_pred)

    def _arithmetic(self, ops: tuple[str, ...],
                    operand: Callable[[bool], _Parsed], allow_pred: bool
                    ) -> _Parsed:
        """`operand (op operand)*` over `ops`, left-associative; only the
        first operand may be a predicate (in parentheses)."""
        left = operand(allow_pred)
        while self.tok.kind in ops:
            item = self.need_expr(left)
            op = self.advance().kind
            right = operand(False).item
            left = _Parsed(Item(op, item, right), False)
        return left

    def parse_unary(self, allow_pred: bool) -> _Parsed:
        if self.tok.kind in ("+", "-"):
            op = self.advance().kind
            arg = self.parse_unary(False).item
            return _Parsed(_unary(op, arg), False)
        return self.parse_accessor_expr(allow_pred)

    def parse_accessor_expr(self, allow_pred: bool) -> _Parsed:
        tok = self.tok
        if tok.kind == "(":
            return self.parse_paren(allow_pred)
        if tok.kind == "EXISTS" and allow_pred:
            return _Parsed(self.parse_exists(), True)
        item = self.parse_primary()
        self.accessors(item)
        return _Parsed(item, False)

    def parse_primary(self) -> Item:
        tok = self.tok
        kind = tok.kind
        if kind == "STRING":
            item = Item("string", value=tok.value)
        elif kind == "VARIABLE":
            item = Item("variable", value=tok.value)
        elif kind == "NULL":
            item = Item("null")
        elif kind in ("TRUE", "FALSE"):
            item = Item("bool", value=kind == "TRUE")
        elif kind in ("NUMERIC", "INT"):
            item = Item("numeric", value=parse_numeric(tok.value))
        elif kind == "$":
            item = Item("$")
        elif kind == "@":
            item = Item("@")
        elif kind == "LAST":
            item = Item("last")
        else:
            raise self.fail()
        self.advance()
        return item

    def parse_paren(self, allow_pred: bool) -> _Parsed:
        self.expect("(")
        inner = self.parse_or()
        self.expect(")")
        if self.tok.kind in (".", "[", "?"):
            self.accessors(inner.item)
            return _Parsed(inner.item, False)
        if not inner.pred:
            return inner
        if not allow_pred:
            raise self.fail()
        if self.tok.kind == "IS":
            self.advance()
            self.expect("UNKNOWN")
            return _Parsed(Item("is unknown", inner.item), True)
        return inner

    def accessors(self, item: Item) -> None:
        while self.tok.kind in (".", "[", "?"):
            item.last().next = self.accessor()

    def accessor(self) -> Item:
        kind = self.advance().kind
        if kind == "?":
            self.expect("(")
            pred = self.need_pred(self.parse_or())
            self.expect(")")
            return Item("filter", pred)
        if kind == "[":
            return self.subscripts()
        tok = self.tok
        if tok.kind == "*":
            self.advance()
            return Item(".*")
        if tok.kind == "**":
            self.advance()
            return self.any_path()
        if tok.kind not in _KEY_NAMES:
            raise self.fail()
        self.advance()
        if self.tok.kind == "(" and tok.kind in METHODS:
            self.advance()
            self.expect(")")
            return Item(METHODS[tok.kind])
        if self.tok.kind == "(" and tok.kind == "DATETIME":
            self.advance()
            template = None
            if self.tok.kind == "STRING":
                template = Item("string", value=self.advance().value)
            self.expect(")")
            return Item("datetime", template)
        return Item("key", value=tok.value)

    def subscripts(self) -> Item:
        if self.tok.kind == "*":
            self.advance()
            self.expect("]")
            return Item("[*]")
        elems = []
        while True:
            start = self.parse_additive(False).item
            end = None
            if self.tok.kind == "TO":
                self.advance()
                end = self.parse_additive(False).item
            elems.append((start, end))
            if self.tok.kind != ",":
                break
            self.advance()
        self.expect("]")
        return Item("[]", value=tuple(elems))

    def any_path(self) -> Item:
        first, last = 0, UINT32_MAX
        if self.tok.kind == "{":
            self.advance()
            first = last = self.any_level()
            if self.tok.kind == "TO":
                self.advance()
                last = self.any_level()
            self.expect("}")
        return Item("**", value=(first, last))

    def any_level(self) -> int:
        tok = self.tok
        if tok.kind == "LAST":
            self.advance()
            return UINT32_MAX
        if tok.kind == "INT":
            self.advance()
            value = int(tok.text)
            if value > 2**31 - 1:
                raise numeric_value_out_of_range(f'value "{tok.text}" is out of range '
                                                 "for type integer")
            return value
        raise self.fail()


def _unary(op: str, arg: Item) -> Item:
    """makeItemUnary: a sign on a bare number is folded into it."""
    if arg.kind == "numeric" and arg.next is None:
        if op == "+":
            return arg
        value = arg.value
        return Item("numeric", value=value.copy_negate() if value else value)
    return Item("unary" + op, arg)


def _like_regex(expr: Item, pattern: str, flags: str) -> Item:
    """makeItemLikeRegex: flags checked, the pattern compiled."""
    seen = ""
    for ch in flags:
        if ch not in _REGEX_FLAGS:
            raise syntax_error("invalid input syntax for type jsonpath",
                               detail=f'Unrecognized flag character "{ch}" in '
                               "LIKE_REGEX predicate.")
        if ch not in seen:
            seen += ch
    if "x" in seen and "q" not in seen:
        raise SqlError(FEATURE_NOT_SUPPORTED, 'XQuery "x" flag (expanded regular '
                                     "expressions) is not implemented")
    canonical = "".join(ch for ch in _REGEX_FLAGS if ch in seen)
    for check in REGEX_CHECK:
        check(pattern, canonical)
    return Item("like_regex", expr, value=(pattern, canonical))


def _flatten(item: Item | None, nesting: int, subscript: bool) -> None:
    """flattenJsonPathParseItem's checks, in its order."""
    while item is not None:
        kind = item.kind
        if kind == "@" and nesting <= 0:
            raise syntax_error("@ is not allowed in root expressions")
        if kind == "last" and not subscript:
            raise syntax_error("LAST is allowed only in array subscripts")
        if kind == "[]":
            for start, end in item.value:
                _flatten(start, nesting, True)
                _flatten(end, nesting, True)
        else:
            inner = nesting + 1 if kind == "filter" else nesting
            _flatten(item.a, inner, subscript)
            _flatten(item.b, inner, subscript)
        item = item.next


def parse_jsonpath(text: str) -> JsonPath:
    tokens = tokenize(text)
    if tokens[0].kind == "EOF":
        raise invalid_input_syntax("jsonpath", text)
    parser = _Parser(tokens)
    lax = True
    if parser.tok.kind in ("STRICT", "LAX"):
        lax = parser.advance().kind == "LAX"
    parsed = parser.parse_or()
    if parser.tok.kind != "EOF":
        raise parser.fail()
    _flatten(parsed.item, 0, False)
    return JsonPath(lax, parsed.item)


# -- output ---------------------------------------------------------------------

_PRIORITY = {"||": 0, "&&": 1, "==": 2, "!=": 2, "<": 2, ">": 2, "<=": 2,
             ">=": 2, "starts with": 2, "+": 3, "-": 3, "*": 4, "/": 4,
             "%": 4, "unary+": 5, "unary-": 5}
_BINARY = frozenset(k for k in _PRIORITY if not k.startswith("unary"))


def _priority(kind: str) -> int:
    return _PRIORITY.get(kind, 6)


# the items printed as their operand between two fixed texts
_WRAPPED = {"!": ("!(", ")"), "is unknown": ("(", ") is unknown"),
            "filter": ("?(", ")"), "exists": ("exists (", ")")}


def _print(out: list, v: Item, in_key: bool, brackets: bool) -> None:
    """printJsonPathItem."""
    kind = v.kind
    if kind == "null":
        out.append("null")
    elif kind == "string":
        out.append(escape_json(v.value))
    elif kind == "numeric":
        text = format_numeric(v.value)
        out.append(f"({text})" if v.next is not None else text)
    elif kind == "bool":
        out.append("true" if v.value else "false")
    elif kind in _BINARY:
        if brackets:
            out.append("(")
        _print(out, v.a, False, _priority(v.a.kind) <= _priority(kind))
        out.append(f" {kind} ")
        _print(out, v.b, False, _priority(v.b.kind) <= _priority(kind))
        if brackets:
            out.append(")")
    elif kind in _WRAPPED:
        opening, closing = _WRAPPED[kind]
        out.append(opening)
        _print(out, v.a, False, False)
        out.append(closing)
    elif kind in ("unary+", "unary-"):
        if brackets:
            out.append("(")
        out.append(kind[-1])
        _print(out, v.a, False, _priority(v.a.kind) <= _priority(kind))
        if brackets:
            out.append(")")
    elif kind == "[*]":
        out.append("[*]")
    elif kind == ".*":
        out.append(".*" if in_key else "*")
    elif kind == "[]":
        out.append("[")
        for i, (start, end) in enumerate(v.value):
            if i:
                out.append(",")
            _print(out, start, False, False)
            if end is not None:
                out.append(" to ")
                _print(out, end, False, False)
        out.append("]")
    elif kind == "**":
        if in_key:
            out.append(".")
        out.append(_any_bounds(*v.value))
    elif kind == "key":
        if in_key:
            out.append(".")
        out.append(escape_json(v.value))
    elif kind in ("@", "$"):
        out.append(kind)
    elif kind == "variable":
        out.append("$" + escape_json(v.value))
    elif kind == "datetime":
        out.append(".datetime(")
        if v.a is not None:
            _print(out, v.a, False, False)
        out.append(")")
    elif kind == "last":
        out.append("last")
    elif kind == "like_regex":
        if brackets:
            out.append("(")
        _print(out, v.a, False, _priority(v.a.kind) <= _priority(kind))
        pattern, flags = v.value
        out.append(" like_regex " + escape_json(pattern))
        if flags:
            out.append(f' flag "{flags}"')
        if brackets:
            out.append(")")
    else:  # the item methods
        out.append(f".{kind}()")
    if v.next is not None:
        _print(out, v.next, True, True)


def _any_bounds(first: int, last: int) -> str:
    if first == 0 and last == UINT32_MAX:
        return "**"
    if first == last:
        return "**{last}" if first == UINT32_MAX else f"**{{{first}}}"
    if first == UINT32_MAX:
        return f"**{{last to {last}}}"
    if last == UINT32_MAX:
        return f"**{{{first} to last}}"
    return f"**{{{first} to {last}}}"


def format_jsonpath(value: JsonPath) -> str:
    out = [] if value.lax else ["strict "]
    _print(out, value.root, False, True)
    return "".join(out)


def send_jsonpath(value: JsonPath) -> bytes:
    return b"\x01" + str(value).encode("utf-8")


def recv_jsonpath(data: bytes) -> JsonPath:
    if data[:1] != b"\x01":
        raise internal_error("unsupported jsonpath version number: "
                             f"{data[0] if data else 0}")
    return parse_jsonpath(data[1:].decode("utf-8"))


def numeric_value(item: Item) -> Decimal:
    return item.value
