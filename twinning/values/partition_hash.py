"""PostgreSQL's hash of a row's partition key (compute_partition_hash_value),
so a hash-partitioned table puts each row in the partition PostgreSQL puts
it in.

Each non-NULL key value goes through its type's extended hash function
(hashint4extended & co., hash_bytes_extended for strings) with
HASH_PARTITION_SEED, and the results are folded with hash_combine64; the
row belongs to the partition whose remainder is that hash modulo its
modulus. The hashes are Bob Jenkins' lookup3 as hashfn.c has it (the
little-endian byte order of the machines PostgreSQL runs on here).
"""

from __future__ import annotations

import struct
from typing import Any, Callable

from twinning.ir.types import SqlType

HASH_PARTITION_SEED = 0x7A5B22367996DCFD
_M32 = 0xFFFFFFFF
_M64 = 0xFFFFFFFFFFFFFFFF


def _rot(x: int, k: int) -> int:
    return ((x << k) | (x >> (32 - k))) & _M32


def _mix(a: int, b: int, c: int) -> tuple[int, int, int]:
    a = (a - c) & _M32; a ^= _rot(c, 4); c = (c + b) & _M32
    b = (b - a) & _M32; b ^= _rot(a, 6); a = (a + c) & _M32
    c = (c - b) & _M32; c ^= _rot(b, 8); b = (b + a) & _M32
    a = (a - c) & _M32; a ^= _rot(c, 16); c = (c + b) & _M32
    b = (b - a) & _M32; b ^= _rot(a, 19); a = (a + c) & _M32
    c = (c - b) & _M32; c ^= _rot(b, 4); b = (b + a) & _M32
    return a, b, c


def _final(a: int, b: int, c: int) -> tuple[int, int, int]:
    c ^= b; c = (c - _rot(b, 14)) & _M32
    a ^= c; a = (a - _rot(c, 11)) & _M32
    b ^= a; b = (b - _rot(a, 25)) & _M32
    c ^= b; c = (c - _rot(b, 16)) & _M32
    a ^= c; a = (a - _rot(c, 4)) & _M32
    b ^= a; b = (b - _rot(a, 14)) & _M32
    c ^= b; c = (c - _rot(b, 24)) & _M32
    return a, b, c


def _seeded(length: int, seed: int) -> tuple[int, int, int]:
    a = b = c = (0x9E3779B9 + length + 3923095) & _M32
    if seed:
        a = (a + (seed >> 32)) & _M32
        b = (b + (seed & _M32)) & _M32
        a, b, c = _mix(a, b, c)
    return a, b, c


def hash_uint32_extended(k: int, seed: int) -> int:
    a, b, c = _seeded(4, seed)
    a = (a + (k & _M32)) & _M32
    a, b, c = _final(a, b, c)
    return (b << 32) | c


def hash_bytes_extended(k: bytes, seed: int) -> int:
    a, b, c = _seeded(len(k), seed)
    n, i = len(k), 0
    while n >= 12:
        a = (a + int.from_bytes(k[i:i + 4], "little")) & _M32
        b = (b + int.from_bytes(k[i + 4:i + 8], "little")) & _M32
        c = (c + int.from_bytes(k[i + 8:i + 12], "little")) & _M32
        a, b, c = _mix(a, b, c)
        i += 12
        n -= 12
    tail = k[i:]
    if n > 8:  # the lowest byte of c is the length's
        c = (c + (int.from_bytes(tail[8:], "little") << 8)) & _M32
    if n > 4:
        b = (b + int.from_bytes(tail[4:8], "little")) & _M32
    if n > 0:
        a = (a + int.from_bytes(tail[:4], "little")) & _M32
    a, b, c = _final(a, b, c)
    return (b << 32) | c


def _int8(value: int, seed: int) -> int:
    """hashint8extended: the low half xor the high half (complemented for
    negatives), so int8 values equal to int4 ones hash alike."""
    lo = value & _M32
    hi = (value >> 32) & _M32
    lo ^= hi if value >= 0 else (~hi & _M32)
    return hash_uint32_extended(lo, seed)


_NAN = struct.pack("<d", float("nan"))  # get_float8_nan(): 0x7ff8…


def _float(value: float, seed: int) -> int:
    """hashfloat8extended (float4 widened first): ±0 hash to the seed
    itself, every NaN as the canonical one."""
    if value == 0:
        return seed
    raw = _NAN if value != value else struct.pack("<d", value)
    return hash_bytes_extended(raw, seed)


def _text(value: str, seed: int) -> int:
    return hash_bytes_extended(value.encode("utf-8"), seed)


def _uuid(value: Any, seed: int) -> int:
    raw = value.bytes if hasattr(value, "bytes") else bytes(value)
    return hash_bytes_extended(raw, seed)


def _timetz(value: Any, seed: int) -> int:
    """timetz_hash_extended: the time's int8 hash xor the zone's."""
    return _int8(value.time, seed) ^ hash_uint32_extended(value.zone, seed)


_BY_TYPE: dict[str, Callable[[Any, int], int]] = {
    "int2": hash_uint32_extended, "int4": hash_uint32_extended,
    "date": hash_uint32_extended, "oid": hash_uint32_extended,
    "bool": lambda v, seed: hash_uint32_extended(int(v), seed),
    "int8": _int8, "timestamp": _int8, "timestamptz": _int8, "time": _int8,
    "text": _text, "varchar": _text,
    "bpchar": lambda v, seed: _text(v.rstrip(" "), seed),
    "uuid": _uuid, "float4": _float, "float8": _float, "timetz": _timetz,
}


def hashable(sql_type: SqlType) -> bool:
    """Whether the twin computes PostgreSQL's hash for this key type."""
    return not sql_type.is_array and sql_type.user is None and \
        sql_type.name in _BY_TYPE


def hash_combine64(a: int, b: int) -> int:
    return (a ^ ((b + 0x49A0F4DD15E5A8E3 + (a << 54) + (a >> 7)) & _M64)) & _M64


def row_hasher(types: list[SqlType]) -> Callable[[tuple], int]:
    """fn(key values) → the row's 64-bit partition hash."""
    fns = [_BY_TYPE[t.name] for t in types]

    def row_hash(values: tuple) -> int:
        out = 0
        for fn, value in zip(fns, values):
            if value is not None:
                out = hash_combine64(out, fn(value, HASH_PARTITION_SEED))
        return out
    return row_hash
