"""The operators and functions of bit, bit varying (varbit.c) and money
(cash.c), over the values of `twinning/values/bits.py` (str of bits) and
`twinning/values/money.py` (int cents). What is not here (overlay,
position, substring and get_bit of bit strings; sum/min/max of money) is
refused by name as any signature without an implementation is."""

from __future__ import annotations

from twinning.errors import array_subscript_error
from twinning.passes.expr.registry import (BINARY, COMPARE, PY_COMPARE, UNARY,
                                           define, reg)
from twinning.values import bits, money


def _get_byte(data: bytes, n: int) -> int:
    """byteaGetByte."""
    if not 0 <= n < len(data):
        raise array_subscript_error(f"index {n} out of valid range, "
                                    f"0..{len(data) - 1}")
    return data[n]


def register() -> None:
    for op in COMPARE:
        for k in ("bit", "varbit", "money"):
            reg(BINARY, f"{k} {op} {k}", PY_COMPARE[op])
    reg(BINARY, "varbit || varbit", lambda a, b: a + b)
    reg(BINARY, "bit & bit", bits.bit_and)
    reg(BINARY, "bit | bit", bits.bit_or)
    reg(BINARY, "bit # bit", bits.bit_xor)
    reg(UNARY, "~ bit", bits.bit_not)
    reg(BINARY, "bit << int4", bits.shift_left)
    reg(BINARY, "bit >> int4", bits.shift_right)
    define("length(bit)", len)
    define("bit_length(bit)", len)
    define("octet_length(bit)", lambda v: (len(v) + 7) // 8)
    define("get_byte(bytea,int4)", _get_byte)
    reg(BINARY, "money + money", lambda a, b: money.wrap(a + b))
    reg(BINARY, "money - money", lambda a, b: money.wrap(a - b))
    reg(BINARY, "money / money", money.div_cash)
    for k in ("int2", "int4", "int8"):
        reg(BINARY, f"money * {k}", lambda c, i: money.wrap(c * i))
        reg(BINARY, f"{k} * money", lambda i, c: money.wrap(c * i))
        reg(BINARY, f"money / {k}", money.div_int)
    for k in ("float4", "float8"):
        reg(BINARY, f"money * {k}", money.mul_float)
        reg(BINARY, f"{k} * money", lambda f, c: money.mul_float(c, f))
        reg(BINARY, f"money / {k}", money.div_float)
