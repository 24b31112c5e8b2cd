"""money (cash.c) under lc_monetary C: a value is a Python int of cents
(int64, two fraction digits), read and printed with `$`, `.`, `,` and `-`
as cash_in and cash_out use them when the locale gives none.

cash_in skips blanks and a `$`, takes a leading `-` or `(` as negative
(or a trailing `-`), ignores `,`, keeps two fraction digits and rounds on
a third digit of 5 or more; cash_out groups by three and prints a negative
amount as `-$1,234.56`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Callable

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, division_by_zero, invalid_input_syntax,
    numeric_value_out_of_range,
)

INT64_MIN, INT64_MAX = -2**63, 2**63 - 1


def _out_of_range(text: str) -> SqlError:
    return numeric_value_out_of_range(f'value "{text}" is out of range for type money')


def _skip_space(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\n\r\f\v":
        i += 1
    return i


def parse_money(text: str) -> int:
    """cash_in."""
    s, i = text, _skip_space(text, 0)
    if s.startswith("$", i):
        i += 1
    i = _skip_space(s, i)
    negative = False
    if s.startswith("-", i):
        negative, i = True, i + 1
    elif s.startswith("(", i):
        negative, i = True, i + 1
    elif s.startswith("+", i):
        i += 1
    i = _skip_space(s, i)
    if s.startswith("$", i):
        i += 1
    i = _skip_space(s, i)
    value, dec, seen_dot = 0, 0, False
    while i < len(s):
        c = s[i]
        if c.isdigit() and c.isascii() and (not seen_dot or dec < 2):
            value = value * 10 + int(c)
            if value > -INT64_MIN:
                raise _out_of_range(text)
            if seen_dot:
                dec += 1
        elif c == "." and not seen_dot:
            seen_dot = True
        elif c != ",":
            break
        i += 1
    if i < len(s) and s[i].isascii() and s[i].isdigit() and s[i] >= "5":
        value += 1
        if value > -INT64_MIN:
            raise _out_of_range(text)
    value *= 10 ** (2 - dec)
    if value > -INT64_MIN:
        raise _out_of_range(text)
    while i < len(s) and s[i].isascii() and s[i].isdigit():
        i += 1
    while i < len(s):
        c = s[i]
        if c in " \t\n\r\f\v)" or c in "+$":
            i += 1
        elif c == "-":
            negative, i = True, i + 1
        else:
            raise invalid_input_syntax("money", text)
    if not negative:
        if value == -INT64_MIN:
            raise _out_of_range(text)
        return value
    return -value


def format_money(value: int) -> str:
    """cash_out."""
    digits = str(abs(value)).rjust(3, "0")
    whole, cents = digits[:-2], digits[-2:]
    groups = []
    while len(whole) > 3:
        groups.append(whole[-3:])
        whole = whole[:-3]
    groups.append(whole)
    amount = ",".join(reversed(groups)) + "." + cents
    return ("-$" if value < 0 else "$") + amount


def wrap(value: int) -> int:
    """int64 arithmetic as C's (cash_pl/cash_mi do not check overflow in
    PostgreSQL 15: the sum wraps)."""
    return (value - INT64_MIN) % 2**64 + INT64_MIN


def to_numeric(value: int) -> Decimal:
    """cash_numeric: the amount with two decimal places."""
    return Decimal(value).scaleb(-2)


def from_numeric(value: Decimal) -> int:
    """numeric_cash: times 100, rounded half away from zero as
    numeric_int8 rounds, then int64's range."""
    if not value.is_finite():
        raise SqlError(FEATURE_NOT_SUPPORTED,
                       f"cannot convert {'NaN' if value.is_nan() else 'infinity'} to bigint")
    cents = int((value * 100).to_integral_value(ROUND_HALF_UP))
    if not INT64_MIN <= cents <= INT64_MAX:
        raise numeric_value_out_of_range("bigint out of range")
    return cents


def from_int(value: int) -> int:
    """int4_cash/int8_cash: whole amounts."""
    cents = value * 100
    if not INT64_MIN <= cents <= INT64_MAX:
        raise numeric_value_out_of_range("bigint out of range")
    return cents


def rint(x: float) -> int:
    """C's rint: round half to even (Python's round)."""
    if x != x or x in (float("inf"), float("-inf")):
        raise numeric_value_out_of_range("money out of range")
    return round(x)


def mul_float(c: int, f: float) -> int:
    return wrap(rint(c * f))


def div_float(c: int, f: float) -> int:
    if f == 0.0:
        raise division_by_zero("division by zero")
    return wrap(rint(c / f))


def div_int(c: int, i: int) -> int:
    """cash_div_int8/4/2: C's truncating division."""
    if i == 0:
        raise division_by_zero("division by zero")
    q = abs(c) // abs(i)
    return wrap(q if (c < 0) == (i < 0) else -q)


def div_cash(a: int, b: int) -> float:
    """cash_div_cash: the ratio as float8."""
    if b == 0:
        raise division_by_zero("division by zero")
    return a / b


CASTS: dict[tuple[str, str], Callable] = {
    ("money", "numeric"): to_numeric,
    ("numeric", "money"): from_numeric,
    ("int4", "money"): from_int,
    ("int8", "money"): from_int,
}
