"""boolean: boolin/boolout and the keyword rules of parse_bool_with_len().

Accepted (case-insensitively, surrounding whitespace ignored): any prefix
of 'true'/'false'/'yes'/'no', 'on', 'of'/'off', '1', '0'.
"""

from __future__ import annotations

from twinning.values.common import c_strip, invalid_syntax

_PREFIX_WORDS = (("true", True), ("false", False), ("yes", True), ("no", False))


def _keyword(word: str) -> bool | None:
    if not word or not word.isascii():
        return None
    low = word.lower()
    for full, value in _PREFIX_WORDS:
        if full.startswith(low):
            return value
    if low == "on":
        return True
    if low in ("of", "off"):
        return False
    if low == "1":
        return True
    if low == "0":
        return False
    return None


def parse_bool(text: str) -> bool:
    value = _keyword(c_strip(text))
    if value is None:
        raise invalid_syntax("boolean", text)
    return value


def format_bool(value: bool) -> str:
    return "t" if value else "f"
