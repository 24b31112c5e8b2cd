"""The types of PostgreSQL's system catalogs: `oid` and its reg* aliases,
`name`, `"char"`, `int2vector`/`oidvector`, `xid`/`cid`/`tid`,
`pg_node_tree`, `aclitem` — their input/output and binary functions.

Representation:
- oid, xid, cid: int in 0 .. 2**32-1 (oidin accepts a sign and wraps:
  '-1' is 4294967295, as strtoul does);
- reg* types: `RegOid`, an int carrying the text its output function
  prints. The name of a catalog object depends on the catalog and the
  search_path, which only the expression layer sees
  (`twinning.system_catalog`); the value keeps what it resolved to, so
  the output function needs nothing but the value. A reg* value that
  arrived without a name (binary input) prints its number;
- name: str, cut to 63 bytes on a character boundary (NAMEDATALEN);
- "char": a str of at most one character standing for one byte (code
  point = byte value); '' is the zero byte;
- int2vector, oidvector: tuples of int (0-based when subscripted);
- pg_node_tree: the str the catalog stored (see `system_catalog.nodes`);
- tid: a (block, offset) tuple; aclitem: its text.

The name-resolving halves of the reg* input functions live with the
catalog (`twinning.system_catalog.regnames`); here a reg* input accepts
only what needs no catalog (digits, and '-' for 0).
"""

from __future__ import annotations

import re
import struct

from twinning.errors import numeric_value_out_of_range
from twinning.values.common import invalid_syntax

OID_MAX = 2**32 - 1
NAMEDATALEN = 64

_U32 = struct.Struct(">I")
_OID_TEXT = re.compile(r"[ \t\n\v\f\r]*([+-]?[0-9]+)[ \t\n\v\f\r]*\Z")


class RegOid(int):
    """A reg* value: the OID, and the text regclassout & co. print."""

    text: str | None

    def __new__(cls, oid: int, text: str | None = None) -> RegOid:
        value = super().__new__(cls, oid)
        value.text = text
        return value

    def __repr__(self) -> str:
        return f"RegOid({int(self)}, {self.text!r})"


class RegName(str):
    """A reg* value that arrived as a name (a Bind parameter in text
    format): the expression layer resolves it against the session's
    catalog where the parameter is used."""

    type_name: str

    def __new__(cls, text: str, type_name: str) -> RegName:
        value = super().__new__(cls, text)
        value.type_name = type_name
        return value


# -- oid, xid, cid -----------------------------------------------------------


def parse_oid(text: str, type_name: str = "oid") -> int:
    """oidin(): strtoul semantics with PostgreSQL's range checks."""
    match = _OID_TEXT.match(text)
    if match is None:
        raise invalid_syntax(type_name, text)
    value = int(match.group(1))
    # strtoul accepts -N (wrapping) as long as N fits; oidin then checks
    # that the result fits 32 bits either way
    if value > OID_MAX or value < -(2**31):
        raise numeric_value_out_of_range(f'value "{text}" is out of range for type '
                                         f"{type_name}")
    return value & OID_MAX


def parse_xid(text: str) -> int:
    """xidin(): strtoul with base 0, no range error (it wraps)."""
    stripped = text.strip(" \t\n\v\f\r")
    try:
        value = int(stripped, 0) if stripped else 0
    except ValueError:
        value = 0
    return value & OID_MAX


def format_oid(value: int) -> str:
    return str(int(value))


def send_oid(value: int) -> bytes:
    return _U32.pack(int(value))


def recv_oid(data: bytes) -> int:
    return _U32.unpack(data)[0]


# -- reg* -----------------------------------------------------------------------


def format_reg(value: int) -> str:
    """regclassout() and kin: '-' for 0, else the resolved name, else the
    number (an OID that names nothing, or a value that came in binary)."""
    if int(value) == 0:
        return "-"
    text = getattr(value, "text", None)
    return text if text is not None else str(int(value))


def parse_reg_numeric(text: str, type_name: str) -> RegOid | None:
    """The catalog-free part of the reg* input functions: '-' is 0 and a
    string of digits is taken as the OID itself; None otherwise."""
    if text == "-":
        return RegOid(0)
    if text and text.isdigit() and text.isascii():
        return RegOid(parse_oid(text, "oid"))
    return None


# -- name ---------------------------------------------------------------------


def parse_name(text: str) -> str:
    """namein(): at most NAMEDATALEN-1 bytes, cut on a character boundary."""
    if len(text) < NAMEDATALEN // 4:  # cannot exceed 63 bytes in UTF-8
        return text
    encoded = text.encode("utf-8")
    if len(encoded) < NAMEDATALEN:
        return text
    return encoded[:NAMEDATALEN - 1].decode("utf-8", errors="ignore")


# -- "char" ---------------------------------------------------------------------


def parse_char(text: str) -> str:
    """charin(): the first byte of the input, or a \\ooo octal escape."""
    if len(text) == 4 and text[0] == "\\" and all(c in "01234567"
                                                    for c in text[1:]):
        code = int(text[1:], 8) & 0xFF
        return chr(code) if code else ""
    if not text:
        return ""
    first = text[0]
    if ord(first) < 0x80:
        return first
    return chr(first.encode("utf-8")[0])


def format_char(value: str) -> str:
    """charout(): the byte itself, \\ooo for a byte with the high bit set."""
    if not value:
        return ""
    code = ord(value)
    if code < 0x80:
        return value
    return "\\%03o" % code


def char_from_int(value: int) -> str:
    """"char"(integer): the low byte of a value in -128..127."""
    if value < -128 or value > 127:
        raise numeric_value_out_of_range('"char" out of range')
    return "" if value == 0 else chr(value & 0xFF)


def char_to_int(value: str) -> int:
    """int4("char"): the byte as a signed char."""
    if not value:
        return 0
    code = ord(value)
    return code - 256 if code >= 0x80 else code


def send_char(value: str) -> bytes:
    return bytes([ord(value)]) if value else b"\x00"


def recv_char(data: bytes) -> str:
    return "" if not data or data[0] == 0 else chr(data[0])


# -- int2vector, oidvector ------------------------------------------------------


def parse_int2vector(text: str) -> tuple[int, ...]:
    """int2vectorin(): whitespace-separated smallints."""
    from twinning.values.integers import make_int_parser
    parse = make_int_parser("int2")
    return tuple(parse(item) for item in text.split())


def parse_oidvector(text: str) -> tuple[int, ...]:
    return tuple(parse_oid(item) for item in text.split())


def format_vector(value: tuple[int, ...]) -> str:
    return " ".join(str(int(v)) for v in value)


# -- tid ------------------------------------------------------------------------


def format_tid(value: tuple[int, int]) -> str:
    return f"({value[0]},{value[1]})"


_TID = re.compile(r"\(([0-9]+),([0-9]+)\)\Z")


def parse_tid(text: str) -> tuple[int, int]:
    match = _TID.match(text)
    if match is None:
        raise invalid_syntax("tid", text)
    return int(match.group(1)), int(match.group(2))
