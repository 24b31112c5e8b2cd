"""SQL identifiers as PostgreSQL quotes and parses them: quote_identifier()
and stringToQualifiedNameList() (reg* input, nextval's text argument),
shared by the passes and the system catalog."""

from __future__ import annotations

import re

from pglast import keywords

from twinning.errors import SqlError, invalid_name as invalid_name_err

_SAFE = re.compile(r"[a-z_][a-z0-9_]*\Z")
_UNQUOTED = frozenset(keywords.UNRESERVED_KEYWORDS)


def quote_ident(name: str) -> str:
    """quote_identifier(): quotes unless lower-case, safe and no keyword
    other than an unreserved one."""
    if _SAFE.match(name) and (name not in ALL_KEYWORDS or
                              name in _UNQUOTED):
        return name
    return '"' + name.replace('"', '""') + '"'


ALL_KEYWORDS = frozenset(keywords.RESERVED_KEYWORDS) | frozenset(
    keywords.COL_NAME_KEYWORDS) | frozenset(
    keywords.TYPE_FUNC_NAME_KEYWORDS) | _UNQUOTED


def quote_qualified(schema: str | None, name: str) -> str:
    return (f"{quote_ident(schema)}." if schema else "") + quote_ident(name)


def parse_qualified(text: str) -> list[str]:
    """stringToQualifiedNameList() for reg* input: dotted identifiers,
    quoted or down-cased; 42602 `invalid name syntax` otherwise."""
    parts: list[str] = []
    i, n = 0, len(text)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i < n and text[i] == '"':
            part, j = read_quoted(text, i)
            if j >= n or not part:  # unterminated, or ""
                raise invalid_name()
            parts.append(part)
            i = j + 1
        else:
            j = i
            while j < n and text[j] not in '."' and not text[j].isspace():
                j += 1
            if j == i:
                raise invalid_name()
            parts.append(text[i:j].lower())
            i = j
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            return parts
        if text[i] != ".":
            raise invalid_name()
        i += 1


def read_quoted(text: str, i: int) -> tuple[str, int]:
    """The quoted identifier opening at text[i] (`""` inside is a quote)
    and the position of its closing quote: len(text) when there is none."""
    part = []
    j, n = i + 1, len(text)
    while j < n:
        if text[j] == '"':
            if j + 1 < n and text[j + 1] == '"':
                part.append('"')
                j += 2
                continue
            break
        part.append(text[j])
        j += 1
    return "".join(part), j


def invalid_name() -> SqlError:
    return invalid_name_err("invalid name syntax")
