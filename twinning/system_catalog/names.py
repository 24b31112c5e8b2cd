"""Names as PostgreSQL prints and reads them: identifier quoting, the
search path, visibility, and qualified-name parsing.

`quote_ident` is quote_identifier() and `parse_qualified`
stringToQualifiedNameList(), from `twinning.values.identifiers` (the
passes use them too); `search_path(session)` is the effective namespace list of
fetch_search_path(): pg_catalog first unless listed, `$user` as the
session user's schema when it exists, schemas that do not exist dropped.
A relation or type is *visible* when looking its bare name up through
that path finds it (RelationIsVisible / TypeIsVisible).
"""

from __future__ import annotations

from typing import Any, Iterable

from twinning.errors import SqlError
from twinning.ir.catalog import is_temporary
from twinning.values.identifiers import (invalid_name, parse_qualified,
                                         quote_ident, quote_qualified,
                                         read_quoted)

__all__ = ["quote_ident", "quote_qualified", "parse_qualified",
           "invalid_name", "split_identifiers", "user_of", "search_path"]


def split_identifiers(text: str) -> list[str]:
    """SplitIdentifierString(text, ','): quoted parts kept, bare parts
    down-cased and trimmed."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            break
        if text[i] == '"':
            part, j = read_quoted(text, i)
            out.append(part)
            i = j + 1
        else:
            j = i
            while j < n and text[j] != "," and not text[j].isspace():
                j += 1
            out.append(text[i:j].lower())
            i = j
        while i < n and text[i].isspace():
            i += 1
        if i < n and text[i] == ",":
            i += 1
    return out


def user_of(session: Any) -> str:
    return getattr(session, "user", None) or "postgres"


def search_path(session: Any, schemas: Iterable[str],
                include_implicit: bool = True) -> list[str]:
    """The effective search path: existing schemas in order (`schemas`:
    every schema that exists, built-in ones included)."""
    existing = set(schemas)
    raw = '"$user", public'
    if session is not None and hasattr(session, "current_setting"):
        try:
            raw = session.current_setting("search_path", True) or raw
        except SqlError:
            pass
    # the session's temporary schema, when it has one: first in the
    # statement's lookup path, or where the path places `pg_temp`
    temp = next((s for s in getattr(session, "search_path", ())
                 if is_temporary(s)), None)
    out: list[str] = []
    for part in split_identifiers(raw):
        name = user_of(session) if part == "$user" else \
            temp if part == "pg_temp" and temp else part
        if name in existing and name not in out:
            out.append(name)
    if include_implicit and "pg_catalog" not in out:
        out.insert(0, "pg_catalog")
    if include_implicit and temp is not None and temp not in out:
        out.insert(0, temp)
    return out
