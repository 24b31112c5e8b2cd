"""text, varchar(n), char(n): input is the identity; the typmod coercions
are PostgreSQL's varchar()/bpchar() length functions.

Lengths count characters, not bytes. On assignment (implicit) a value that
is too long is an error unless everything past the limit is spaces, which
are then cut; an explicit cast cuts silently. char(n) is stored padded
with spaces to n characters.
"""

from __future__ import annotations

from twinning.errors import value_too_long
from twinning.ir.types import VARHDRSZ


def parse_text(text: str) -> str:
    return text


def apply_varchar_typmod(value: str, typmod: int, explicit: bool) -> str:
    if typmod < VARHDRSZ:
        return value
    maxlen = typmod - VARHDRSZ
    if len(value) <= maxlen:
        return value
    if not explicit and value[maxlen:].strip(" "):
        raise value_too_long(f"character varying({maxlen})")
    return value[:maxlen]


def apply_bpchar_typmod(value: str, typmod: int, explicit: bool) -> str:
    if typmod < VARHDRSZ:
        return value
    maxlen = typmod - VARHDRSZ
    n = len(value)
    if n == maxlen:
        return value
    if n > maxlen:
        if not explicit and value[maxlen:].strip(" "):
            raise value_too_long(f"character({maxlen})")
        return value[:maxlen]
    return value + " " * (maxlen - n)
