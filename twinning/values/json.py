"""json and jsonb: validation, jsonb normalisation, PostgreSQL's errors.

json values are stored as the validated input text, verbatim. jsonb values
are stored as PostgreSQL's canonical jsonb output text: object keys
de-duplicated (last wins) and ordered by (byte length, bytes), `", "` and
`": "` separators, numbers re-printed by numeric_out, strings de-escaped
and re-escaped by escape_json.

Valid input takes a fast path through the C-accelerated `json` module
(whose grammar is JSON's, the same as PostgreSQL's lexer once NaN and
Infinity are refused). Anything it rejects, and any jsonb string that
decodes to NUL or a lone surrogate, is re-run through an exact port of
PostgreSQL's lexer and recursive-descent parser so the DETAIL and the
`JSON data, line N: …` CONTEXT match byte for byte.

Nesting deeper than `JSON_DEPTH` is PostgreSQL's 54001 "stack depth limit
exceeded" (its parser recurses per level; measured on PostgreSQL 15 with
the default max_stack_depth, see passes/stack_depth.py), checked before
parsing in a long text; a syntax error before the too-deep point is not
reported first, as PostgreSQL would.
"""

from __future__ import annotations

import json as _json
import re
from itertools import accumulate

from twinning.errors import (
    SqlError, invalid_text_representation, stack_depth_exceeded,
    untranslatable_character,
)
from twinning.values.numeric import format_numeric, parse_numeric

# -- escape_json ----------------------------------------------------------------

_ESCAPES = {i: f"\\u{i:04x}" for i in range(0x20)}
_ESCAPES.update({0x08: "\\b", 0x0C: "\\f", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t",
                 0x22: '\\"', 0x5C: "\\\\"})
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\]')


def escape_json(value: str) -> str:
    if _NEEDS_ESCAPE.search(value) is None:
        return f'"{value}"'
    return '"' + value.translate(_ESCAPES) + '"'


# -- fast path --------------------------------------------------------------------

class _Raw(str):
    """Already-serialised jsonb text (an object or a number)."""


def _reject_constant(name: str):
    raise ValueError(name)


def _number(token: str) -> _Raw:
    return _Raw(format_numeric(parse_numeric(token)))


def _object(pairs: list) -> _Raw:
    if not pairs:
        return _Raw("{}")
    merged: dict[str, object] = {}
    for key, value in pairs:
        merged[key] = value
    keys = sorted(merged, key=lambda k: (len(k.encode("utf-8", "surrogatepass")),
                                        k.encode("utf-8", "surrogatepass")))
    return _Raw("{" + ", ".join(f"{escape_json(k)}: {_serialise(merged[k])}"
                                for k in keys) + "}")


def scalar_text(value) -> str:
    """A scalar's json text: a _Raw (number, or object already written)
    as it is, a string quoted, true, false or null."""
    if isinstance(value, _Raw):
        return value
    if isinstance(value, str):
        return escape_json(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    return "null"


def _serialise(value) -> str:
    """jsonb text of a decoded tree (lists nest; objects are already _Raw).

    Iterative, so nesting depth is not limited by Python's stack."""
    if not isinstance(value, list):
        return scalar_text(value)
    out: list[str] = []
    stack = [(value, 0)]
    while stack:
        items, i = stack.pop()
        if i == 0:
            out.append("[")
        if i == len(items):
            out.append("]")
            continue
        if i > 0:
            out.append(", ")
        stack.append((items, i + 1))
        item = items[i]
        if isinstance(item, list):
            stack.append((item, 0))
        else:
            out.append(scalar_text(item))
    return "".join(out)


_DECODER_JSON = _json.JSONDecoder(parse_constant=_reject_constant)
_DECODER_JSONB = _json.JSONDecoder(parse_constant=_reject_constant, parse_float=_number,
                                   parse_int=_number, object_pairs_hook=_object)
_WS = " \t\n\r"


JSON_DEPTH = 14_544  # the deepest nesting PostgreSQL 15's json/jsonb input takes
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NESTING = re.compile(r"[\[\]{}]")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _check_depth(text: str) -> None:
    """54001 for nesting past `JSON_DEPTH` (strings aside); a short text,
    or one with fewer openings than the limit, is not looked at."""
    if len(text) <= 2 * JSON_DEPTH or \
            text.count("[") + text.count("{") <= JSON_DEPTH:
        return
    marks = _NESTING.findall(_STRING.sub("", text))
    if max(accumulate(map(_STEP.__getitem__, marks)), default=0) > JSON_DEPTH:
        raise stack_depth_exceeded()


def parse_json(text: str) -> str:
    """json_in: validate, keep the text verbatim."""
    _check_depth(text)
    try:
        _DECODER_JSON.decode(text)
        # The decoder strips surrounding whitespace itself; it also accepts
        # whitespace json_lex would not (none: both use [ \t\n\r]).
        return text
    except (ValueError, RecursionError):
        pass
    _Parser(text, need_escapes=False).parse()
    return text


def parse_jsonb(text: str) -> str:
    """jsonb_in: validate and return the canonical output text."""
    _check_depth(text)
    if "\\u" in text and _BAD_ESCAPE_HINT.search(text):
        # NUL or surrogate escapes: let the exact parser decide and report.
        return _Parser(text, need_escapes=True, build=True).parse()
    try:
        return _serialise(_DECODER_JSONB.decode(text))
    except (ValueError, RecursionError):
        pass
    return _Parser(text, need_escapes=True, build=True).parse()


# \u0000 and \uD800-\uDFFF escapes need the exact path (the fast decoder
# would happily pair or keep them).
_BAD_ESCAPE_HINT = re.compile(r"\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})")


def format_json(value: str) -> str:
    return value


# -- the exact port of PostgreSQL's jsonapi.c -------------------------------------

T_OBJ_START, T_OBJ_END, T_ARR_START, T_ARR_END = "{", "}", "[", "]"
T_COMMA, T_COLON = ",", ":"
T_STRING, T_NUMBER, T_TRUE, T_FALSE, T_NULL, T_END = "S", "N", "T", "F", "0", "E"
_PUNCT = {"{": T_OBJ_START, "}": T_OBJ_END, "[": T_ARR_START, "]": T_ARR_END,
          ",": T_COMMA, ":": T_COLON}


def _alnum(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z") or ("0" <= ch <= "9") \
        or ch == "_" or ord(ch) >= 0x80


def _digit_run(text: str, s: int, n: int) -> tuple[int, bool]:
    """Past the digits from `s`; True when there is none (json_lex_number's
    error for a fraction or exponent without digits)."""
    if s == n or not ("0" <= text[s] <= "9"):
        return s, True
    while s < n and "0" <= text[s] <= "9":
        s += 1
    return s, False


class _JsonFail(Exception):
    def __init__(self, code: str, arg: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.arg = arg


class _Parser:
    """pg_parse_json() with json_lex(); error positions as PostgreSQL keeps them."""

    def __init__(self, text: str, need_escapes: bool, build: bool = False) -> None:
        self.text = text
        self.n = len(text)
        self.need_escapes = need_escapes
        self.build = build
        self.token_start: int | None = 0
        self.token_terminator = 0
        self.prev_token_terminator = 0
        self.token_type: str | None = None
        self.line_number = 1
        self.line_start = 0
        self.strval: str | None = None

    # -- errors -----------------------------------------------------------------
    def _error(self, code: str) -> SqlError:
        token = self.text[self.token_start:self.token_terminator] \
            if self.token_start is not None else ""
        details = {
            "INVALID_TOKEN": f'Token "{token}" is invalid.',
            "ESCAPING_INVALID": f'Escape sequence "\\{token}" is invalid.',
            "ESCAPING_REQUIRED": "Character with value 0x%02x must be escaped."
                                 % (ord(self.text[self.token_terminator])
                                    if self.token_terminator < self.n else 0),
            "EXPECTED_ARRAY_FIRST": f'Expected array element or "]", but found "{token}".',
            "EXPECTED_ARRAY_NEXT": f'Expected "," or "]", but found "{token}".',
            "EXPECTED_COLON": f'Expected ":", but found "{token}".',
            "EXPECTED_END": f'Expected end of input, but found "{token}".',
            "EXPECTED_JSON": f'Expected JSON value, but found "{token}".',
            "EXPECTED_MORE": "The input string ended unexpectedly.",
            "EXPECTED_OBJECT_FIRST": f'Expected string or "}}", but found "{token}".',
            "EXPECTED_OBJECT_NEXT": f'Expected "," or "}}", but found "{token}".',
            "EXPECTED_STRING": f'Expected string, but found "{token}".',
            "UNICODE_CODE_POINT_ZERO": "\\u0000 cannot be converted to text.",
            "UNICODE_ESCAPE_FORMAT": '"\\u" must be followed by four hexadecimal digits.',
            "UNICODE_HIGH_SURROGATE": "Unicode high surrogate must not follow a high surrogate.",
            "UNICODE_LOW_SURROGATE": "Unicode low surrogate must follow a high surrogate.",
        }
        detail = details[code]
        if code == "UNICODE_CODE_POINT_ZERO":
            return untranslatable_character("unsupported Unicode escape sequence",
                                            detail=detail, where=self._context())
        return invalid_text_representation("invalid input syntax for type json",
                                           detail=detail, where=self._context())

    def _context(self) -> str:
        text = self.text
        line_start = self.line_start
        end = self.token_terminator
        start = line_start
        span = len(text[start:end].encode("utf-8", "surrogatepass"))
        while span >= 50:
            span -= len(text[start].encode("utf-8", "surrogatepass"))
            start += 1
        if len(text[line_start:start].encode("utf-8", "surrogatepass")) <= 3:
            start = line_start
        prefix = "..." if start > line_start else ""
        suffix = "..." if (self.token_type != T_END and end < self.n
                           and text[end] not in "\n\r") else ""
        return f"JSON data, line {self.line_number}: {prefix}{text[start:end]}{suffix}"

    # -- lexer ------------------------------------------------------------------
    def lex(self) -> None:
        text, n = self.text, self.n
        s = self.token_terminator
        while s < n and text[s] in _WS:
            if text[s] == "\n":
                self.line_number += 1
                self.line_start = s + 1
            s += 1
        self.token_start = s
        if s >= n:
            self.token_start = None
            self.prev_token_terminator = self.token_terminator
            self.token_terminator = s
            self.token_type = T_END
            return
        ch = text[s]
        if ch in _PUNCT:
            self.prev_token_terminator = self.token_terminator
            self.token_terminator = s + 1
            self.token_type = _PUNCT[ch]
        elif ch == '"':
            self._lex_string(s)
            self.token_type = T_STRING
        elif ch == "-" or "0" <= ch <= "9":
            self._lex_number(s + 1 if ch == "-" else s)
            self.token_type = T_NUMBER
        else:
            p = s
            while p < n and _alnum(text[p]):
                p += 1
            if p == s:
                self.prev_token_terminator = self.token_terminator
                self.token_terminator = s + 1
                raise _JsonFail("INVALID_TOKEN")
            self.prev_token_terminator = self.token_terminator
            self.token_terminator = p
            word = text[s:p]
            if word == "true":
                self.token_type = T_TRUE
            elif word == "false":
                self.token_type = T_FALSE
            elif word == "null":
                self.token_type = T_NULL
            else:
                raise _JsonFail("INVALID_TOKEN")

    def _lex_number(self, s: int) -> None:
        text, n = self.text, self.n
        error = False
        if s < n and text[s] == "0":
            s += 1
        elif s < n and "1" <= text[s] <= "9":
            while s < n and "0" <= text[s] <= "9":
                s += 1
        else:
            error = True
        if s < n and text[s] == ".":
            s, missing = _digit_run(text, s + 1, n)
            error = error or missing
        if s < n and text[s] in "eE":
            s += 1
            if s < n and text[s] in "+-":
                s += 1
            s, missing = _digit_run(text, s, n)
            error = error or missing
        while s < n and _alnum(text[s]):
            error = True
            s += 1
        self.prev_token_terminator = self.token_terminator
        self.token_terminator = s
        if error:
            raise _JsonFail("INVALID_TOKEN")

    def _fail_start(self, s: int, code: str):
        self.token_terminator = s
        raise _JsonFail(code)

    def _fail_end(self, s: int, code: str):
        self.token_terminator = s + 1
        raise _JsonFail(code)

    def _lex_string(self, start: int) -> None:
        text, n = self.text, self.n
        out: list[str] | None = [] if self.need_escapes else None
        hi_surrogate = -1
        s = start
        while True:
            s += 1
            if s >= n:
                self._fail_start(s, "INVALID_TOKEN")
            ch = text[s]
            if ch == '"':
                break
            if ord(ch) < 32:
                self._fail_start(s, "ESCAPING_REQUIRED")
            if ch == "\\":
                s += 1
                if s >= n:
                    self._fail_start(s, "INVALID_TOKEN")
                esc = text[s]
                if esc == "u":
                    code = 0
                    for _ in range(4):
                        s += 1
                        if s >= n:
                            self._fail_start(s, "INVALID_TOKEN")
                        h = text[s]
                        if h in "0123456789abcdefABCDEF":
                            code = code * 16 + int(h, 16)
                        else:
                            self._fail_end(s, "UNICODE_ESCAPE_FORMAT")
                    if out is not None:
                        if 0xD800 <= code <= 0xDBFF:
                            if hi_surrogate != -1:
                                self._fail_end(s, "UNICODE_HIGH_SURROGATE")
                            hi_surrogate = code
                            continue
                        if 0xDC00 <= code <= 0xDFFF:
                            if hi_surrogate == -1:
                                self._fail_end(s, "UNICODE_LOW_SURROGATE")
                            code = 0x10000 + ((hi_surrogate & 0x3FF) << 10) + (code & 0x3FF)
                            hi_surrogate = -1
                        if hi_surrogate != -1:
                            self._fail_end(s, "UNICODE_LOW_SURROGATE")
                        if code == 0:
                            self._fail_end(s, "UNICODE_CODE_POINT_ZERO")
                        out.append(chr(code))
                elif out is not None:
                    if hi_surrogate != -1:
                        self._fail_end(s, "UNICODE_LOW_SURROGATE")
                    mapped = _SIMPLE_ESCAPES.get(esc)
                    if mapped is None:
                        self.token_start = s
                        self._fail_end(s, "ESCAPING_INVALID")
                    out.append(mapped)
                elif esc not in _SIMPLE_ESCAPES:
                    self.token_start = s
                    self._fail_end(s, "ESCAPING_INVALID")
            elif out is not None:
                if hi_surrogate != -1:
                    self._fail_end(s, "UNICODE_LOW_SURROGATE")
                out.append(ch)
        if hi_surrogate != -1:
            self._fail_end(s, "UNICODE_LOW_SURROGATE")
        self.prev_token_terminator = self.token_terminator
        self.token_terminator = s + 1
        self.strval = "".join(out) if out is not None else None

    # -- parser -----------------------------------------------------------------
    def _parse_error(self, ctx: str) -> _JsonFail:
        if self.token_start is None or self.token_type == T_END:
            return _JsonFail("EXPECTED_MORE")
        return _JsonFail({"END": "EXPECTED_END", "VALUE": "EXPECTED_JSON",
                          "STRING": "EXPECTED_STRING",
                          "ARRAY_START": "EXPECTED_ARRAY_FIRST",
                          "ARRAY_NEXT": "EXPECTED_ARRAY_NEXT",
                          "OBJECT_START": "EXPECTED_OBJECT_FIRST",
                          "OBJECT_LABEL": "EXPECTED_COLON",
                          "OBJECT_NEXT": "EXPECTED_OBJECT_NEXT",
                          "OBJECT_COMMA": "EXPECTED_STRING"}[ctx])

    def _expect(self, ctx: str, token: str) -> None:
        if self.token_type != token:
            raise self._parse_error(ctx)
        self.lex()

    def _scalar(self):
        tok = self.token_type
        if tok not in (T_STRING, T_NUMBER, T_TRUE, T_FALSE, T_NULL):
            raise self._parse_error("VALUE")
        value = None
        if self.build:
            if tok == T_STRING:
                value = self.strval
            elif tok == T_NUMBER:
                value = _number(self.text[self.token_start:self.token_terminator])
            else:
                value = {T_TRUE: True, T_FALSE: False, T_NULL: None}[tok]
        self.lex()
        return value

    def parse(self):
        try:
            self.lex()
            value = self._value()
            self._expect("END", T_END)
        except _JsonFail as fail:
            raise self._error(fail.code) from None
        return _serialise(value) if self.build else None

    def _value(self):
        """Parse one value iteratively (objects/arrays nest on a stack)."""
        stack: list[list] = []  # frames: [kind, items, pending_key]
        while True:
            tok = self.token_type
            if tok == T_OBJ_START:
                self.lex()
                if self.token_type == T_OBJ_END:
                    self.lex()
                    value = _Raw("{}") if self.build else None
                elif self.token_type == T_STRING:
                    stack.append(["o", [], self._field_name()])
                    continue
                else:
                    raise self._parse_error("OBJECT_START")
            elif tok == T_ARR_START:
                self.lex()
                if self.token_type == T_ARR_END:
                    self.lex()
                    value = [] if self.build else None
                else:
                    stack.append(["a", [], None])
                    continue
            else:
                value = self._scalar()
            # value complete: hand it to the enclosing frame(s)
            while True:
                if not stack:
                    return value
                frame = stack[-1]
                if frame[0] == "a":
                    frame[1].append(value)
                    if self.token_type == T_COMMA:
                        self.lex()
                        break
                    self._expect("ARRAY_NEXT", T_ARR_END)
                    stack.pop()
                    value = frame[1] if self.build else None
                else:
                    frame[1].append((frame[2], value))
                    if self.token_type == T_COMMA:
                        self.lex()
                        if self.token_type != T_STRING:
                            raise self._parse_error("STRING")
                        frame[2] = self._field_name()
                        break
                    self._expect("OBJECT_NEXT", T_OBJ_END)
                    stack.pop()
                    value = _object(frame[1]) if self.build else None

    def _field_name(self):
        name = self.strval
        self.lex()
        self._expect("OBJECT_LABEL", T_COLON)
        return name


_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f",
                   "n": "\n", "r": "\r", "t": "\t"}
