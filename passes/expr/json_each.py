"""json_each, json_each_text, jsonb_each, jsonb_each_text: an object's
members as (key, value) rows, the value cut from the object's own text
(json: verbatim, duplicates kept in order; jsonb: its canonical form),
the _text forms de-escaping strings and giving SQL NULL for JSON null.
They are `registry.SET_RETURNING_ROWS` functions: tuples in FROM, an
anonymous record in a target list.
"""

from __future__ import annotations

import json
from json.decoder import scanstring
from typing import Iterator

from twinning.errors import invalid_parameter_value
from twinning.passes.expr.registry import SET_RETURNING, SET_RETURNING_ROWS

__all__ = ["register"]

DECODER = json.JSONDecoder()
WHITESPACE = " \t\n\r"  # JSON's own


def skip_space(text: str, i: int) -> int:
    """Past the JSON whitespace at `i`."""
    while i < len(text) and text[i] in WHITESPACE:
        i += 1
    return i


def members(text: str) -> Iterator[tuple[str, str]]:
    """(key, value text) of a JSON object's members, in order."""
    i = skip_space(text, skip_space(text, 0) + 1)
    while i < len(text) and text[i] != "}":
        key, i = scanstring(text, i + 1)
        i = skip_space(text, skip_space(text, i) + 1)    # past ':'
        end = DECODER.raw_decode(text, i)[1]
        yield key, text[i:end]
        i = skip_space(text, end)
        if text.startswith(",", i):
            i = skip_space(text, i + 1)


def _as_text(piece: str) -> str | None:
    if piece.startswith('"'):
        return scanstring(piece, 1)[0]
    return None if piece == "null" else piece


def _each(name: str, binary: bool, as_text: bool):
    def factory(types):
        def each(text: str) -> Iterator[tuple]:
            first = text.lstrip(WHITESPACE)[:1]
            if first != "{":
                if binary:
                    raise invalid_parameter_value(f"cannot call {name} on a "
                                                  "non-object")
                raise invalid_parameter_value("cannot deconstruct an array as an "
                                              "object" if first == "[" else
                                              "cannot deconstruct a scalar")
            for key, value in members(text):
                yield key, (_as_text(value) if as_text else value)
        return each
    return factory


def register() -> None:
    for t in ("json", "jsonb"):
        for suffix in ("", "_text"):
            name = f"{t}_each{suffix}"
            sig = f"{name}({t})"
            SET_RETURNING[sig] = _each(name, t == "jsonb", bool(suffix))
            SET_RETURNING_ROWS[sig] = (("key", "text"),
                                       ("value", "text" if suffix else t))
