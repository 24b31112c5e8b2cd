"""bytea: byteain (hex '\\x…' and traditional escape format) and the hex
output format (bytea_output = hex, the default).
"""

from __future__ import annotations

import re

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, character_not_in_repertoire,
    invalid_parameter_value, invalid_text_representation,
)

_HEX = {c: int(c, 16) for c in "0123456789abcdefABCDEF"}
_HEX_SKIP = frozenset(" \n\t\r")
_PLAIN_HEX = re.compile(r"[0-9a-fA-F]*\Z")


def _hex_decode(src: str) -> bytes:
    """hex_decode(): pairs of hex digits, blanks allowed between pairs."""
    out = bytearray()
    chars = iter(src)
    for c in chars:
        if c in _HEX_SKIP:
            continue
        hi = _HEX.get(c)
        if hi is None:
            raise invalid_parameter_value(f'invalid hexadecimal digit: "{c}"')
        c = next(chars, None)
        if c is None:
            raise invalid_parameter_value("invalid hexadecimal data: odd number of digits")
        lo = _HEX.get(c)
        if lo is None:
            raise invalid_parameter_value(f'invalid hexadecimal digit: "{c}"')
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
    return parse_bytea_escape(text.encode("utf-8", "surrogatepass"))


def parse_bytea_escape(raw: bytes) -> bytes:
    """The escape format: `\\\\` and `\\ooo` (first digit 0-3) stand for
    one byte each, other bytes for themselves."""
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
            raise invalid_text_representation("invalid input syntax for type bytea")
    return bytes(out)


def format_bytea(value: bytes) -> str:
    return "\\x" + value.hex()


# byteaout under bytea_output = escape: a backslash doubled, bytes outside
# 0x20–0x7e as three octal digits, the rest as themselves
_ESCAPED = tuple("\\\\" if b == 0x5C else chr(b) if 0x20 <= b <= 0x7E
                 else f"\\{b:03o}" for b in range(256))


def format_bytea_escape(value: bytes) -> str:
    return "".join(map(_ESCAPED.__getitem__, value))


# -- encode() / decode() (encode.c): hex, base64 and escape ---------------------

_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_BASE64_VALUE = {c: i for i, c in enumerate(_BASE64)}
_SPACES = " \t\n\r"


def _bad_encoding(name: str) -> SqlError:
    return invalid_parameter_value(f'unrecognized encoding: "{name}"')


def encode(data: bytes, encoding: str) -> str:
    """encode(bytea, text): binary data as hex, base64 (a newline after each
    76 characters, as pg_base64_encode writes) or escape text."""
    name = encoding.lower()
    if name == "hex":
        return data.hex()
    if name == "base64":
        out: list[str] = []
        line = 0
        for i in range(0, len(data), 3):
            chunk = data[i:i + 3]
            buf = int.from_bytes(chunk.ljust(3, b"\0"), "big")
            quad = "".join(_BASE64[(buf >> shift) & 0x3F] for shift in (18, 12, 6, 0))
            if len(chunk) < 3:
                quad = quad[:len(chunk) + 1] + "=" * (3 - len(chunk))
                out.append(quad)
                break
            out.append(quad)
            line += 4
            if line >= 76:
                out.append("\n")
                line = 0
        return "".join(out)
    if name == "escape":
        return "".join("\\000" if b == 0 else "\\\\" if b == 0x5C
                       else f"\\{b:03o}" if b >= 0x80 else chr(b) for b in data)
    raise _bad_encoding(encoding)


def decode(text: str, encoding: str) -> bytes:
    """decode(text, text): the inverse of `encode`, with encode.c's errors."""
    name = encoding.lower()
    if name == "hex":
        out = bytearray()
        chars = [c for c in text if c not in _SPACES]
        for i in range(0, len(chars), 2):
            if chars[i] not in _HEX_DIGITS:
                raise invalid_parameter_value(f'invalid hexadecimal digit: "{chars[i]}"')
            if i + 1 >= len(chars):
                raise invalid_parameter_value("invalid hexadecimal data: odd number of digits")
            if chars[i + 1] not in _HEX_DIGITS:
                raise invalid_parameter_value(f'invalid hexadecimal digit: "{chars[i + 1]}"')
            out.append(int(chars[i] + chars[i + 1], 16))
        return bytes(out)
    if name == "base64":
        return _base64_decode(text)
    if name == "escape":
        return parse_bytea_escape(text.encode("utf-8"))
    raise _bad_encoding(encoding)


_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


def _base64_decode(text: str) -> bytes:
    out = bytearray()
    buf = pos = end = 0
    for c in text:
        if c in _SPACES:
            continue
        if c == "=":
            if not end:
                if pos == 2:
                    end = 1
                elif pos == 3:
                    end = 2
                else:
                    raise invalid_parameter_value('unexpected "=" while decoding '
                                                  "base64 sequence")
            b = 0
        else:
            b = _BASE64_VALUE.get(c, -1)
            if b < 0:
                raise invalid_parameter_value(f'invalid symbol "{c}" found while '
                                              "decoding base64 sequence")
        buf = (buf << 6) + b
        pos += 1
        if pos == 4:
            out.append((buf >> 16) & 255)
            if end == 0 or end > 1:
                out.append((buf >> 8) & 255)
            if end == 0 or end > 2:
                out.append(buf & 255)
            buf = pos = 0
    if pos:
        raise invalid_parameter_value("invalid base64 end sequence",
                                      hint="Input data is missing padding, is truncated, or "
                                      "is otherwise corrupted.")
    return bytes(out)


# -- convert_to() / convert_from() (mbutils.c), UTF8 only ---------------------

# pg_encname_tbl's names as clean_encoding_name leaves them (letters and
# digits, lower case): every server and client encoding PostgreSQL knows
_ENCODING_NAMES = frozenset((
    "abc", "alt", "big5", "euccn", "eucjis2004", "eucjp", "euckr", "euctw",
    "gb18030", "gbk", "iso88591", "iso885910", "iso885913", "iso885914",
    "iso885915", "iso885916", "iso88592", "iso88593", "iso88594", "iso88595",
    "iso88596", "iso88597", "iso88598", "iso88599", "johab", "koi8", "koi8r",
    "koi8u", "latin1", "latin10", "latin2", "latin3", "latin4", "latin5",
    "latin6", "latin7", "latin8", "latin9", "mskanji", "muleinternal",
    "shiftjis", "shiftjis2004", "sjis", "sqlascii", "tcvn", "tcvn5712",
    "uhc", "unicode", "utf8", "vscii", "win", "win1250", "win1251",
    "win1252", "win1253", "win1254", "win1255", "win1256", "win1257",
    "win1258", "win866", "win874", "win932", "win936", "win949", "win950",
    "windows1250", "windows1251", "windows1252", "windows1253",
    "windows1254", "windows1255", "windows1256", "windows1257",
    "windows1258", "windows866", "windows874", "windows932", "windows936",
    "windows949", "windows950"))


def _utf8_encoding(name: str, direction: str) -> None:
    """pg_char_to_encoding() of a convert_* encoding argument: UTF8 (or
    its alias UNICODE) is run; another known encoding is a 0A000; an
    unknown name is PostgreSQL's 22023."""
    clean = "".join(c for c in name.lower() if c.isascii() and c.isalnum())
    if clean in ("utf8", "unicode"):
        return
    if clean in _ENCODING_NAMES:
        raise SqlError(FEATURE_NOT_SUPPORTED, f"conversion to or from encoding {name} is "
                                     "not supported by twinning (UTF8 only)")
    raise invalid_parameter_value(f'invalid {direction} encoding name "{name}"')


def convert_to(text: str, encoding: str) -> bytes:
    _utf8_encoding(encoding, "destination")
    return text.encode("utf-8")


def convert_from(data: bytes, encoding: str) -> str:
    """The bytes as UTF8 text, verified as pg_verify_mbstr verifies them:
    the first invalid sequence (or NUL) is 22021 with its bytes."""
    _utf8_encoding(encoding, "source")
    try:
        text = data.decode("utf-8")
        bad = data.find(b"\0")
    except UnicodeDecodeError as exc:
        nul = data.find(b"\0", 0, exc.start)
        bad = exc.start if nul < 0 else nul
    else:
        if bad < 0:
            return text
    lead = data[bad]
    length = 1 if lead < 0x80 else 2 if lead & 0xE0 == 0xC0 else \
        3 if lead & 0xF0 == 0xE0 else 4 if lead & 0xF8 == 0xF0 else 1
    shown = " ".join(f"0x{b:02x}" for b in data[bad:bad + length])
    raise character_not_in_repertoire(f'invalid byte sequence for encoding "UTF8": {shown}')
