"""bit(n) and bit varying(n) (varbit.c): a value is the Python str of its
bits, '0' and '1', so comparison is PostgreSQL's bit_cmp (bytes compared
over the shorter length, zero-padded, then the shorter is less: the same
order as comparing the strings) and `||` is concatenation.

Input reads `B`/`b` + binary or `X`/`x` + hex digits (4 bits each) and
plain binary digits; a typmod is a length in bits. The length coercions
are bit()/varbit(): an implicit one (assignment, COPY) raises, an
explicit cast pads with zeros or truncates.
"""

from __future__ import annotations

from typing import Callable

from twinning.errors import (
    invalid_text_representation, numeric_value_out_of_range,
    string_data_length_mismatch, string_data_right_truncation,
)

MAX_BITS = 83886080  # VARBITMAXLEN (bit(n)'s n above is 22023 in the grammar)


def parse_bits(text: str) -> str:
    """bit_in / varbit_in with no typmod."""
    if text[:1] in ("b", "B"):
        body, hex_digits = text[1:], False
    elif text[:1] in ("x", "X"):
        body, hex_digits = text[1:], True
    else:
        body, hex_digits = text, False
    if not hex_digits:
        for c in body:
            if c not in "01":
                raise invalid_text_representation(f'"{c}" is not a valid binary digit')
        return body
    out = []
    for c in body:
        try:
            out.append(format(int(c, 16), "04b"))
        except ValueError:
            raise invalid_text_representation(f'"{c}" is not a valid hexadecimal digit'
                                              ) from None
    return "".join(out)


def bit_typmod(length: int, explicit: bool) -> Callable[[str], str]:
    """bit(bit, int4, bool): the length of bit(n)."""
    def coerce(v: str) -> str:
        if length <= 0 or len(v) == length:
            return v
        if not explicit:
            raise string_data_length_mismatch(f"bit string length {len(v)} does not "
                                              f"match type bit({length})")
        return v[:length].ljust(length, "0")
    return coerce


def varbit_typmod(length: int, explicit: bool) -> Callable[[str], str]:
    """varbit(varbit, int4, bool): the most bits of bit varying(n)."""
    def coerce(v: str) -> str:
        if length <= 0 or len(v) <= length:
            return v
        if not explicit:
            raise string_data_right_truncation("bit string too long for type bit "
                                               f"varying({length})")
        return v[:length]
    return coerce


def from_int(typmod: int) -> Callable[[int], str]:
    """bitfromint4/bitfromint8: the low bits of the integer, sign-extended
    past its width (Python's >> is arithmetic, as the C sign fill)."""
    length = typmod if typmod > 0 else 1
    return lambda a: "".join("1" if (a >> p) & 1 else "0"
                             for p in range(length - 1, -1, -1))


def to_int(width: int) -> Callable[[str], int]:
    """bittoint4/bittoint8: the bits as an unsigned number, wrapped into
    the signed type; longer strings are out of range."""
    label = "integer" if width == 32 else "bigint"

    def convert(v: str) -> int:
        if len(v) > width:
            raise numeric_value_out_of_range(f"{label} out of range")
        value = int(v, 2) if v else 0
        return value - (1 << width) if value >= 1 << (width - 1) else value
    return convert


def _same_size(verb: str) -> Callable:
    def check(a: str, b: str) -> None:
        if len(a) != len(b):
            raise string_data_length_mismatch(f"cannot {verb} bit strings of different "
                                              "sizes")
    return check


_AND, _OR, _XOR = _same_size("AND"), _same_size("OR"), _same_size("XOR")


def bit_and(a: str, b: str) -> str:
    _AND(a, b)
    return "".join("1" if x == y == "1" else "0" for x, y in zip(a, b))


def bit_or(a: str, b: str) -> str:
    _OR(a, b)
    return "".join("1" if "1" in (x, y) else "0" for x, y in zip(a, b))


def bit_xor(a: str, b: str) -> str:
    _XOR(a, b)
    return "".join("1" if x != y else "0" for x, y in zip(a, b))


def bit_not(a: str) -> str:
    return "".join("0" if x == "1" else "1" for x in a)


def shift_left(a: str, n: int) -> str:
    """bitshiftleft: the length kept, zeros shifted in; a negative count
    shifts right."""
    if n < 0:
        return shift_right(a, -n if n != -2**31 else 2**31)
    n = min(n, len(a))
    return a[n:] + "0" * n


def shift_right(a: str, n: int) -> str:
    if n < 0:
        return shift_left(a, -n if n != -2**31 else 2**31)
    n = min(n, len(a))
    return "0" * n + a[:len(a) - n]


def to_bytes(v: str) -> bytes:
    """bit_send's payload after the length: the bits packed, zero-padded."""
    padded = v + "0" * (-len(v) % 8)
    return int(padded, 2).to_bytes(len(padded) // 8, "big") if padded else b""


def from_bytes(length: int, data: bytes) -> str:
    bits = "".join(format(b, "08b") for b in data)
    return bits[:length]
