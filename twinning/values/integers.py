"""smallint/integer/bigint: pg_strtoint16/32/64 and int*out.

Input is optional C whitespace, an optional sign, ASCII digits and optional
trailing whitespace; nothing else (no '1e3', no '0x1F', no '1_000' in 15).
Overflow is detected while scanning digits, so '99999999999x' reports
out-of-range before the junk.
"""

from __future__ import annotations

import re

from twinning.values.common import invalid_syntax, out_of_range

_DIGITS = re.compile(r"[ \t\n\v\f\r]*([+-]?[0-9]+)")
_TRAILING_SPACE = re.compile(r"[ \t\n\v\f\r]*\Z")

INT_TYPES = {
    "int2": ("smallint", -(1 << 15), (1 << 15) - 1),
    "int4": ("integer", -(1 << 31), (1 << 31) - 1),
    "int8": ("bigint", -(1 << 63), (1 << 63) - 1),
}


def make_int_parser(base: str):
    """A parser for one integer width (bound once per column)."""
    type_name, lo, hi = INT_TYPES[base]

    def parse(text: str) -> int:
        m = _DIGITS.match(text)
        if m is None:
            raise invalid_syntax(type_name, text)
        value = int(m.group(1))
        if value < lo or value > hi:
            raise out_of_range(type_name, text)
        if m.end() != len(text) and _TRAILING_SPACE.match(text, m.end()) is None:
            raise invalid_syntax(type_name, text)
        return value

    return parse


def format_int(value: int) -> str:
    return str(value)
