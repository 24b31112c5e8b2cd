"""bytea: byteain (hex '\\x…' and traditional escape format) and the hex
output format (bytea_output = hex, the default).
"""

from __future__ import annotations

import re

from twinning.errors import SqlError

_HEX = {c: int(c, 16) for c in "0123456789abcdefABCDEF"}
_HEX_SKIP = frozenset(" \n\t\r")
_PLAIN_HEX = re.compile(r"[0-9a-fA-F]*\Z")


def _hex_decode(src: str) -> bytes:
    out = bytearray()
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c in _HEX_SKIP:
            i += 1
            continue
        hi = _HEX.get(c)
        if hi is None:
            raise SqlError("22023", f'invalid hexadecimal digit: "{c}"')
        i += 1
        if i >= n:
            raise SqlError("22023", "invalid hexadecimal data: odd number of digits")
        lo = _HEX.get(src[i])
        if lo is None:
            raise SqlError("22023", f'invalid hexadecimal digit: "{src[i]}"')
        i += 1
        out.append(hi << 4 | lo)
    return bytes(out)


def parse_bytea(text: str) -> bytes:
    if text.startswith("\\x"):
        body = text[2:]
        if len(body) % 2 == 0 and _PLAIN_HEX.match(body):
            return bytes.fromhex(body)
        return _hex_decode(body)
    if "\\" not in text:
        return text.encode("utf-8", "surrogatepass")
    raw = text.encode("utf-8", "surrogatepass")
    out = bytearray()
    i, n = 0, len(raw)
    while i < n:
        b = raw[i]
        if b != 0x5C:  # not a backslash
            out.append(b)
            i += 1
        elif i + 3 < n and 0x30 <= raw[i + 1] <= 0x33 and 0x30 <= raw[i + 2] <= 0x37 \
                and 0x30 <= raw[i + 3] <= 0x37:
            out.append(((raw[i + 1] - 48) << 6) | ((raw[i + 2] - 48) << 3) | (raw[i + 3] - 48))
            i += 4
        elif i + 1 < n and raw[i + 1] == 0x5C:
            out.append(0x5C)
            i += 2
        else:
            raise SqlError("22P02", "invalid input syntax for type bytea")
    return bytes(out)


def format_bytea(value: bytes) -> str:
    return "\\x" + value.hex()


# byteaout under bytea_output = escape: a backslash doubled, bytes outside
# 0x20–0x7e as three octal digits, the rest as themselves
_ESCAPED = tuple("\\\\" if b == 0x5C else chr(b) if 0x20 <= b <= 0x7E
                 else f"\\{b:03o}" for b in range(256))


def format_bytea_escape(value: bytes) -> str:
    return "".join(map(_ESCAPED.__getitem__, value))
