"""Composite values (records): record_out, record_in and record_send.

A composite value is a tuple of its fields' values. Text output
(record_out): `(f1,f2,…)`, a NULL field empty, a field quoted when it is
empty or holds `"`, `\\`, `(`, `)`, `,` or white space, with `"` and `\\`
doubled inside the quotes. Input (record_in, for a named composite type):
the same grammar read back, each field through its type's input function
and typmod; malformed text is 22P02 "malformed record literal" with
PostgreSQL's DETAIL. Binary output (record_send): the field count, then
per field its type OID and its length-prefixed send form (-1: NULL);
record_recv reads it back with its 42804/22P03 errors.
"""

from __future__ import annotations

import struct
from typing import Any, Callable

from twinning.errors import (
    INVALID_BINARY_REPRESENTATION, SqlError, datatype_mismatch,
    invalid_binary_representation, invalid_text_representation,
)

__all__ = ["record_out", "record_in", "record_send", "record_recv"]

_QUOTE_IF = frozenset('"\\(),')
_I = struct.Struct("!i")
_II = struct.Struct("!ii")
_U = struct.Struct("!I")


def _needs_quotes(text: str) -> bool:
    return not text or any(ch in _QUOTE_IF or ch.isspace() for ch in text)


def record_out(formatters: list[Callable[[Any], str]]) -> Callable[[tuple], str]:
    """The text output of a record whose fields print with `formatters`."""
    def out(value: tuple) -> str:
        parts = []
        for fmt, field in zip(formatters, value):
            if field is None:
                parts.append("")
                continue
            text = fmt(field)
            if _needs_quotes(text):
                text = '"' + text.replace("\\", "\\\\").replace('"', '""') + '"'
            parts.append(text)
        return "(" + ",".join(parts) + ")"
    return out


def _malformed(text: str, detail: str) -> SqlError:
    return invalid_text_representation(f'malformed record literal: "{text}"', detail=detail)


def record_in(parsers: list[Callable[[str], Any]]) -> Callable[[str], tuple]:
    """record_in(): text → a tuple, each field through its parser (which
    applies the field's typmod)."""
    def parse(text: str) -> tuple:
        n, i = len(text), 0
        while i < n and text[i].isspace():
            i += 1
        if i >= n or text[i] != "(":
            raise _malformed(text, "Missing left parenthesis.")
        i += 1
        values = []
        for index, parser in enumerate(parsers):
            if index:
                if i < n and text[i] == ",":
                    i += 1
                else:
                    raise _malformed(text, "Too few columns.")
            if i < n and text[i] in ",)":
                values.append(None)
                continue
            buf, quoted = [], False
            while quoted or not (i < n and text[i] in ",)"):
                if i >= n:
                    raise _malformed(text, "Unexpected end of input.")
                ch = text[i]
                i += 1
                if ch == "\\":
                    if i >= n:
                        raise _malformed(text, "Unexpected end of input.")
                    buf.append(text[i])
                    i += 1
                elif ch == '"':
                    if not quoted:
                        quoted = True
                    elif i < n and text[i] == '"':
                        buf.append('"')
                        i += 1
                    else:
                        quoted = False
                else:
                    buf.append(ch)
            values.append(parser("".join(buf)))
        if i >= n or text[i] != ")":
            raise _malformed(text, "Too many columns.")
        i += 1
        if text[i:].strip():
            raise _malformed(text, "Junk after right parenthesis.")
        return tuple(values)
    return parse


def record_send(fields: list[tuple[int, Callable[[Any], bytes]]]
                ) -> Callable[[tuple], bytes]:
    """record_send(): (type OID, send function) per field."""
    def send(value: tuple) -> bytes:
        out = [_I.pack(len(fields))]
        for (oid, encode), field in zip(fields, value):
            if field is None:
                out.append(_II.pack(oid, -1))
            else:
                data = encode(field)
                out.append(_II.pack(oid, len(data)))
                out.append(data)
        return b"".join(out)
    return send


def record_recv(fields: list[tuple[int, str, Callable[[bytes], Any]]],
                type_name: Callable[[int], str]) -> Callable[[Any], tuple]:
    """record_recv(): (type OID, its name, its decoder) per attribute;
    `type_name` names another OID for the mismatch error. Reads from a
    `binary.Reader`."""
    def recv(r: Any) -> tuple:
        (count,) = r.unpack(_I)
        if count != len(fields):
            raise datatype_mismatch(f"wrong number of columns: {count}, "
                                    f"expected {len(fields)}")
        out = []
        for number, (oid, shown, decode) in enumerate(fields, start=1):
            (given,) = r.unpack(_U)
            if given != oid:
                raise datatype_mismatch(f"binary data has type {given} "
                                        f"({type_name(given)}) instead of expected "
                                        f"{oid} ({shown}) in record column {number}")
            data = r.element()
            if data is None:
                out.append(None)
                continue
            try:
                out.append(decode(data))
            except SqlError as exc:
                if exc.sqlstate != INVALID_BINARY_REPRESENTATION or \
                        "incorrect binary data format" not in exc.message:
                    raise
                raise invalid_binary_representation("improper binary format in record "
                                                    f"column {number}") from None
        return tuple(out)
    return recv
