"""Small helpers every value module shares: C-locale character classes,
C `strtol`/`strtod` prefix parsing, and the error constructors whose texts
PostgreSQL uses for every input function.

PostgreSQL's input functions are written against the C library in the C
locale; the twin mirrors that, so "whitespace" here is exactly `isspace()`
of the C locale (space, \\t, \\n, \\v, \\f, \\r) and never Unicode spaces.
"""

from __future__ import annotations

import math
import re

from twinning.deferred import deferred_pattern
from twinning.errors import (
    SqlError, feature_not_supported, invalid_input_syntax,
    numeric_value_out_of_range,
)

C_SPACE = " \t\n\v\f\r"
_C_SPACE_SET = frozenset(C_SPACE)

INT16_MIN, INT16_MAX = -(1 << 15), (1 << 15) - 1
INT32_MIN, INT32_MAX = -(1 << 31), (1 << 31) - 1
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1


def is_c_space(ch: str) -> bool:
    return ch in _C_SPACE_SET


def c_strip(text: str) -> str:
    """Strip C-locale whitespace at both ends."""
    return text.strip(C_SPACE)


# `invalid input syntax for type X: "..."` (22P02 unless told)
invalid_syntax = invalid_input_syntax


def out_of_range(type_name: str, text: str) -> SqlError:
    return numeric_value_out_of_range(f'value "{text}" is out of range for type {type_name}')


def unsupported(what: str) -> SqlError:
    """The one refusal for inputs PostgreSQL accepts but the twin cannot
    represent faithfully: 0A000, never an approximation."""
    return feature_not_supported(what)


# -- C strtol -----------------------------------------------------------------

_STRTOL = re.compile(r"[ \t\n\v\f\r]*([+-]?)([0-9]+)")


def c_strtol(s: str, pos: int = 0, lo: int = INT64_MIN, hi: int = INT64_MAX):
    """C `strtol(s + pos, &end, 10)`: (value, end, overflowed).

    With no digits the value is 0 and end == pos (nothing consumed). On
    overflow the value saturates to lo/hi and overflowed is True (ERANGE).
    """
    m = _STRTOL.match(s, pos)
    if m is None:
        return 0, pos, False
    value = int(m.group(2))
    if m.group(1) == "-":
        value = -value
    if value > hi:
        return hi, m.end(), True
    if value < lo:
        return lo, m.end(), True
    return value, m.end(), False


def c_strtoint(s: str, pos: int = 0):
    """PostgreSQL's strtoint(): strtol limited to int32 (ERANGE beyond)."""
    return c_strtol(s, pos, INT32_MIN, INT32_MAX)


# -- C strtod -----------------------------------------------------------------

_STRTOD = deferred_pattern(
    globals(), "_STRTOD",
    r"""[ \t\n\v\f\r]*
    (?P<num>[+-]?
      (?: (?P<hex>0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?)
        | (?P<dec>(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)
        | (?P<inf>[iI][nN][fF](?:[iI][nN][iI][tT][yY])?)
        | (?P<nan>[nN][aA][nN](?:\([0-9A-Za-z_]*\))?)
      ))""",
    re.VERBOSE,
)

_DBL_MIN = 2.2250738585072014e-308


def c_strtod(s: str, pos: int = 0):
    """glibc `strtod(s + pos, &end)`: (value, end, erange).

    end == pos when nothing was converted. erange mirrors errno == ERANGE:
    overflow to ±inf, or underflow to zero/denormal from a nonzero input.
    """
    m = _STRTOD.match(s, pos)
    if m is None:
        return 0.0, pos, False
    text = m.group("num")
    if m.group("hex"):
        body = text.lstrip("+-")
        try:
            value = float.fromhex(text)
        except OverflowError:
            value = math.copysign(math.inf, -1.0 if text[0] == "-" else 1.0)
        nonzero = any(c not in "0.xX" for c in body.split("p")[0].split("P")[0])
    elif m.group("dec"):
        value = float(text)
        mant = re.split(r"[eE]", text)[0]
        nonzero = any(c in "123456789" for c in mant)
    elif m.group("inf"):
        return (-math.inf if text[0] == "-" else math.inf), m.end(), False
    else:
        value = math.nan if text[0] != "-" else -math.nan
        return value, m.end(), False
    erange = math.isinf(value) or (nonzero and abs(value) < _DBL_MIN)
    return value, m.end(), erange
