"""Binary wire formats: PostgreSQL's typsend/typreceive for every type.

`encoder_for(t)` / `decoder_for(t)` return per-column callables. Decoding
is typreceive with typmod -1 (as for Bind parameters); the caller applies
the column typmod with `apply_typmod`. Errors are PostgreSQL's: reading
past the end is 08P01 "insufficient data left in message" (pq_getmsg*),
leftover bytes are 22P03, and each type's own range checks keep their
SQLSTATEs.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from typing import Callable

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, character_not_in_repertoire,
    datatype_mismatch, datetime_field_overflow, feature_not_supported,
    integer_out_of_range, internal_error, invalid_binary_representation,
    program_limit_exceeded, protocol_violation,
)
from twinning.deferred import deferred
from twinning.ir.types import BY_ARRAY_OID, BY_OID, RecordType, SqlType
from twinning.values.calendar import (
    TIMESTAMP_NOBEGIN, TIMESTAMP_NOEND, USECS_PER_DAY, is_valid_date, is_valid_timestamp,
)
from twinning.values import enums, records, system
from twinning.values import bits, md_arrays
from twinning.values.datetime import Interval
from twinning.values.json import parse_json, parse_jsonb
from twinning.values.numeric import check_storable, from_base10000, to_base10000

uuid = deferred("uuid", globals(), "uuid")
jsonpath = deferred("twinning.values.jsonpath", globals(), "jsonpath")
timetz = deferred("twinning.values.timetz", globals(), "timetz")
tsearch = deferred("twinning.values.tsearch", globals(), "tsearch")
xml = deferred("twinning.values.xml", globals(), "xml")

_H = struct.Struct(">h")
_HU = struct.Struct(">H")
_I = struct.Struct(">i")
_Q = struct.Struct(">q")
_F = struct.Struct(">f")
_D = struct.Struct(">d")
_NUMHDR = struct.Struct(">HhHH")
_INTERVAL = struct.Struct(">qii")
_ARRHDR = struct.Struct(">iiI")
_DIM = struct.Struct(">ii")


def insufficient() -> SqlError:
    return protocol_violation("insufficient data left in message")


class Reader:
    """A StringInfo cursor with pq_getmsg* semantics."""

    __slots__ = ("data", "pos")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise insufficient()
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def unpack(self, st: struct.Struct):
        if self.pos + st.size > len(self.data):
            raise insufficient()
        values = st.unpack_from(self.data, self.pos)
        self.pos += st.size
        return values

    def element(self) -> bytes | None:
        """An array's or a record's next element (array_recv, record_recv):
        its bytes after their length word, None for a NULL (length -1)."""
        (length,) = self.unpack(_I)
        if length < -1 or length > len(self.data) - self.pos:
            raise invalid_binary_representation("insufficient data left in message")
        return None if length == -1 else self.take(length)

    def byte(self) -> int:
        """pq_getmsgbyte()."""
        if self.pos >= len(self.data):
            raise protocol_violation("no data left in message")
        self.pos += 1
        return self.data[self.pos - 1]

    def rest(self) -> bytes:
        chunk = self.data[self.pos:]
        self.pos = len(self.data)
        return chunk


# -- text decoding (pq_getmsgtext + encoding verification) ---------------------------

def _utf8_mblen(first: int) -> int:
    if first < 0x80:
        return 1
    if first & 0xE0 == 0xC0:
        return 2
    if first & 0xF0 == 0xE0:
        return 3
    if first & 0xF8 == 0xF0:
        return 4
    return 1


def decode_utf8(data: bytes) -> str:
    """Client bytes to text, rejecting what pg_verify_mbstr() rejects."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    else:
        zero = text.find("\0")
        if zero < 0:
            return text
        bad = len(text[:zero].encode("utf-8"))
    nul = data.find(b"\0")
    if 0 <= nul < bad:
        bad = nul
    length = min(_utf8_mblen(data[bad]), len(data) - bad)
    shown = " ".join("0x%02x" % b for b in data[bad:bad + length])
    return _raise(character_not_in_repertoire(f'invalid byte sequence for encoding "UTF8": {shown}'))


def _raise(err: SqlError):
    raise err


# -- scalar codecs ---------------------------------------------------------------------

def _send_numeric(value) -> bytes:
    digits, weight, sign, dscale = to_base10000(value)
    return _NUMHDR.pack(len(digits), weight, sign, dscale) + \
        b"".join(_H.pack(d) for d in digits)


def _recv_numeric(r: Reader):
    ndigits, weight, sign, dscale = r.unpack(_NUMHDR)
    if sign not in (0x0000, 0x4000, 0xC000, 0xD000, 0xF000):
        raise invalid_binary_representation('invalid sign in external "numeric" value')
    if dscale & 0x3FFF != dscale:
        raise invalid_binary_representation('invalid scale in external "numeric" value')
    digits = []
    for _ in range(ndigits):
        (d,) = r.unpack(_H)
        if d < 0 or d >= 10000:
            raise invalid_binary_representation('invalid digit in external "numeric" value')
        digits.append(d)
    return check_storable(from_base10000(digits, weight, sign, dscale))


def _recv_time(r: Reader) -> int:
    (value,) = r.unpack(_Q)
    if value < 0 or value > USECS_PER_DAY:
        raise datetime_field_overflow("time out of range")
    return value


def _recv_timestamp(r: Reader) -> int:
    (value,) = r.unpack(_Q)
    if value not in (TIMESTAMP_NOBEGIN, TIMESTAMP_NOEND) and not is_valid_timestamp(value):
        raise datetime_field_overflow("timestamp out of range")
    return value


def _recv_date(r: Reader) -> int:
    (value,) = r.unpack(_I)
    if value not in (-(1 << 31), (1 << 31) - 1) and not is_valid_date(value):
        raise datetime_field_overflow("date out of range")
    return value


def _recv_jsonb(r: Reader) -> str:
    (version,) = r.take(1)  # pq_getmsgint(buf, 1)
    if version != 1:
        raise internal_error(f"unsupported jsonb version number {version}")
    return parse_jsonb(decode_utf8(r.rest()))


_SEND: dict[str, Callable[[object], bytes]] = {
    "bool": lambda v: b"\x01" if v else b"\x00",
    "int2": _H.pack,
    "int4": _I.pack,
    "int8": _Q.pack,
    "float4": _F.pack,
    "float8": _D.pack,
    "numeric": _send_numeric,
    "text": lambda v: v.encode("utf-8"),
    "varchar": lambda v: v.encode("utf-8"),
    "bpchar": lambda v: v.encode("utf-8"),
    "json": lambda v: v.encode("utf-8"),
    "jsonb": lambda v: b"\x01" + v.encode("utf-8"),
    "xml": lambda v: v.encode("utf-8"),
    "tsvector": lambda v: tsearch.send_tsvector(v),
    "tsquery": lambda v: tsearch.send_tsquery(v),
    "jsonpath": lambda v: jsonpath.send_jsonpath(v),
    "regconfig": system.send_oid,
    "bytea": bytes,
    "uuid": lambda v: v.bytes,
    "date": _I.pack,
    "time": _Q.pack,
    "timetz": lambda v: timetz.send(v),
    "timestamp": _Q.pack,
    "timestamptz": _Q.pack,
    "interval": lambda v: _INTERVAL.pack(v.micros, v.days, v.months),
    "bit": lambda v: _I.pack(len(v)) + bits.to_bytes(v),
    "varbit": lambda v: _I.pack(len(v)) + bits.to_bytes(v),
    "money": _Q.pack,
}

_RECV: dict[str, Callable[[Reader], object]] = {
    "bool": lambda r: r.byte() != 0,
    "int2": lambda r: r.unpack(_H)[0],
    "int4": lambda r: r.unpack(_I)[0],
    "int8": lambda r: r.unpack(_Q)[0],
    "float4": lambda r: r.unpack(_F)[0],
    "float8": lambda r: r.unpack(_D)[0],
    "numeric": _recv_numeric,
    "text": lambda r: decode_utf8(r.rest()),
    "varchar": lambda r: decode_utf8(r.rest()),
    "bpchar": lambda r: decode_utf8(r.rest()),
    "json": lambda r: parse_json(decode_utf8(r.rest())),
    "jsonb": _recv_jsonb,
    "xml": lambda r: xml.parse_xml(decode_utf8(r.rest())),
    "tsvector": lambda r: tsearch.recv_tsvector(r.rest()),
    "tsquery": lambda r: tsearch.recv_tsquery(r.rest()),
    "jsonpath": lambda r: jsonpath.recv_jsonpath(r.rest()),
    "bytea": lambda r: r.rest(),
    "uuid": lambda r: uuid.UUID(bytes=r.take(16)),
    "date": _recv_date,
    "time": _recv_time,
    "timetz": lambda r: timetz.recv(r.take(12)),
    "timestamp": _recv_timestamp,
    "timestamptz": _recv_timestamp,
    "interval": lambda r: Interval(*reversed(r.unpack(_INTERVAL))),
    "bit": lambda r: _recv_bits(r),
    "varbit": lambda r: _recv_bits(r),
    "money": lambda r: r.unpack(_Q)[0],
}


def _recv_bits(r: Reader) -> str:
    """bit_recv/varbit_recv: the length in bits, then the packed bits."""
    (length,) = r.unpack(_I)
    if not 0 <= length <= bits.MAX_BITS:
        raise invalid_binary_representation("invalid length in external bit string")
    return bits.from_bytes(length, r.take((length + 7) // 8))


# -- the system catalog types -------------------------------------------------------------

def _send_vector(elem_oid: int, send: Callable[[object], bytes]):
    """int2vector/oidvector: a one-dimensional array with lower bound 0."""
    def encode(value: tuple) -> bytes:
        out = [_ARRHDR.pack(1, 0, elem_oid), _DIM.pack(len(value), 0)]
        for v in value:
            body = send(v)
            out.append(_I.pack(len(body)))
            out.append(body)
        return b"".join(out)
    return encode


def _recv_vector(name: str, elem_oid: int, recv: Callable[[Reader], object]):
    """int2vectorrecv/oidvectorrecv: 1-D, no NULLs, lower bound 0."""
    def decode(r: Reader) -> tuple:
        ndim, flags, got = r.unpack(_ARRHDR)
        if ndim == 0:
            return ()
        if ndim != 1 or flags != 0 or got != elem_oid:
            raise invalid_binary_representation(f"invalid {name} data")
        dim, lbound = r.unpack(_DIM)
        if lbound != 0 or dim < 0:
            raise invalid_binary_representation(f"invalid {name} data")
        items = []
        for _ in range(dim):
            (length,) = r.unpack(_I)
            if length < 0:
                raise invalid_binary_representation(f"invalid {name} data")
            items.append(recv(Reader(r.take(length))))
        return tuple(items)
    return decode


def _recv_u32(r: Reader) -> int:
    return r.unpack(_IU)[0]


def _recv_reg(r: Reader) -> int:
    from twinning.values.system import RegOid
    return RegOid(r.unpack(_IU)[0])


def _recv_char(r: Reader) -> str:
    return system.recv_char(r.take(1))


_IU = struct.Struct(">I")
_SYSTEM_SEND: dict[str, Callable[[object], bytes]] = {
    "oid": system.send_oid, "xid": system.send_oid, "cid": system.send_oid,
    "regproc": system.send_oid, "regclass": system.send_oid,
    "regtype": system.send_oid, "regnamespace": system.send_oid,
    "regrole": system.send_oid,
    "name": lambda v: v.encode("utf-8"),
    "pg_node_tree": lambda v: v.encode("utf-8"),
    "char": system.send_char,
    "tid": lambda v: struct.pack(">IH", v[0], v[1]),
    "int2vector": _send_vector(21, _H.pack),
    "oidvector": _send_vector(26, system.send_oid),
}
_SYSTEM_RECV: dict[str, Callable[[Reader], object]] = {
    "oid": _recv_u32, "xid": _recv_u32, "cid": _recv_u32,
    "regproc": _recv_reg, "regclass": _recv_reg, "regtype": _recv_reg,
    "regnamespace": _recv_reg, "regrole": _recv_reg, "regconfig": _recv_reg,
    "name": lambda r: system.parse_name(decode_utf8(r.rest())),
    "char": _recv_char,
    "tid": lambda r: struct.unpack(">IH", r.take(6)),
    "int2vector": _recv_vector("int2vector", 21, lambda r: r.unpack(_H)[0]),
    "oidvector": _recv_vector("oidvector", 26, _recv_u32),
}
_SEND.update(_SYSTEM_SEND)
_RECV.update(_SYSTEM_RECV)


# -- arrays ------------------------------------------------------------------------------

def _send_array(elem_name: str, value: tuple) -> bytes:
    return _send_array_of(_SEND[elem_name], BY_NAME_OID[elem_name], value)


def _send_array_of(send: Callable, oid: int, value: tuple) -> bytes:
    """array_send() of an array of `oid` elements."""
    if not value:
        return _ARRHDR.pack(0, 0, oid)
    has_null = any(v is None for v in value)
    dims, lbounds = md_arrays.shape(value)
    out = [_ARRHDR.pack(len(dims), 1 if has_null else 0, oid)]
    out.extend(_DIM.pack(d, lb) for d, lb in zip(dims, lbounds))
    for v in value:
        if v is None:
            out.append(_I.pack(-1))
        else:
            body = send(v)
            out.append(_I.pack(len(body)))
            out.append(body)
    return b"".join(out)


BY_NAME_OID = {b.name: b.oid for b in BY_OID.values()}


def _recv_array(elem_name: str, r: Reader) -> tuple:
    ndim, flags, elem_oid = r.unpack(_ARRHDR)
    if ndim < 0:
        raise invalid_binary_representation(f"invalid number of dimensions: {ndim}")
    if ndim > 6:
        raise program_limit_exceeded(f"number of array dimensions ({ndim}) exceeds the maximum "
                                     f"allowed (6)")
    if flags not in (0, 1):
        raise invalid_binary_representation("invalid array flags")
    expected = BY_NAME_OID[elem_name]
    if elem_oid != expected:
        got = BY_OID.get(elem_oid)
        if elem_oid < 10000:
            got_name = got.display if got else "???"
            raise datatype_mismatch(f"binary data has array element type {elem_oid} "
                                    f"({got_name}) instead of expected {expected} "
                                    f"({BY_OID[expected].display})")
    dims = []
    lbounds = []
    for _ in range(ndim):
        dim, lb = r.unpack(_DIM)
        if dim != 0 and lb + dim - 1 > 2**31 - 1:  # the upper bound overflows
            raise integer_out_of_range()
        dims.append(dim)
        lbounds.append(lb)
    nitems = 1
    for d in dims:
        if d < 0:
            raise program_limit_exceeded("array size exceeds the maximum allowed (134217727)")
        nitems *= d
    if ndim == 0 or nitems == 0:
        return ()
    md_arrays.check_size(dims)
    recv = _RECV[elem_name]
    items: list[object] = []
    for i in range(nitems):
        data = r.element()
        if data is None:
            items.append(None)
            continue
        sub = Reader(data)
        items.append(recv(sub))
        if sub.pos != len(data):
            raise invalid_binary_representation(f"improper binary format in array element {i + 1}")
    return md_arrays.make(items, dims, lbounds)


# -- public -----------------------------------------------------------------------------

def has_send(t: SqlType) -> bool:
    """Does the twin have `t`'s typsend (an array's: its element's)?"""
    if isinstance(t.user, RecordType):  # a composite or an array of them
        return all(has_send(f) for _, f in t.user.fields)
    return t.element.name in _SEND or (t.user is not None and not t.is_array)


def has_recv(t: SqlType) -> bool:
    """Does the twin have `t`'s typreceive (an array's: its element's)?"""
    if isinstance(t.user, RecordType) and not t.is_array:
        return all(has_recv(f) for _, f in t.user.fields)
    return t.element.name in _RECV or (t.user is not None and not t.is_array)


@lru_cache(maxsize=None)
def encoder_for(t: SqlType) -> Callable[[object], bytes]:
    if isinstance(t.user, RecordType) and not t.is_array:
        return records.record_send([(f.oid, encoder_for(f))
                                    for _, f in t.user.fields])
    if isinstance(t.user, RecordType):  # an array of composites
        element = t.element
        send, oid = encoder_for(element), element.oid
        return lambda value: _send_array_of(send, oid, value)
    if t.user is not None:
        if t.is_array:
            raise feature_not_supported(f"binary output of type {t.display()}")
        return enums.send
    if t.is_array:
        name = t.name
        return lambda value: _send_array(name, value)
    return _SEND[t.name]


# Fixed-width types whose value is the unpacked number (date and the
# timestamps once their range is checked): a value of exactly the width is
# one unpack; any other length takes the general path and its error.
_FIXED: dict[str, tuple[struct.Struct, Callable[[int], bool] | None]] = {
    "int2": (_H, None), "int4": (_I, None), "int8": (_Q, None),
    "float4": (_F, None), "float8": (_D, None),
    "date": (_I, is_valid_date),
    "timestamp": (_Q, is_valid_timestamp),
    "timestamptz": (_Q, is_valid_timestamp),
}


def _type_name(oid: int) -> str:
    """format_type_extended(oid, -1, FORMAT_TYPE_ALLOW_INVALID) for the
    built-in types; "???" for the others."""
    if oid in BY_OID:
        return BY_OID[oid].display
    if oid in BY_ARRAY_OID:
        return BY_ARRAY_OID[oid].display + "[]"
    return "???"


@lru_cache(maxsize=None)
def decoder_for(t: SqlType) -> Callable[[bytes], object]:
    if isinstance(t.user, RecordType) and not t.is_array:
        if t.user.anonymous:
            raise SqlError(FEATURE_NOT_SUPPORTED, "input of anonymous composite types is "
                                         "not implemented")
        if any(f.typmod >= 0 for _, f in t.user.fields):  # not applied here
            raise feature_not_supported(f"binary input of type {t.display()} "
                                        "(an attribute with a length or "
                                        "precision)")
        recv = records.record_recv(
            [(f.oid, f.display(), decoder_for(f)) for _, f in t.user.fields],
            _type_name)
    elif t.user is not None:
        if t.is_array:
            raise feature_not_supported(f"binary input of type {t.display()}")
        return enums.recv(t.user)
    elif t.is_array:
        name = t.name

        def recv(r: Reader):
            return _recv_array(name, r)
    else:
        recv = _RECV[t.name]

    def decode(data: bytes, param: int | None = None):
        r = Reader(bytes(data))
        value = recv(r)
        if r.pos != len(r.data):
            where = f" in bind parameter {param}" if param is not None else ""
            raise invalid_binary_representation(f"incorrect binary data format{where}")
        return value

    fixed = None if t.is_array else _FIXED.get(t.name)
    if fixed is None:
        return decode
    unpack, valid = fixed[0].unpack, fixed[1]
    size = fixed[0].size

    def decode_fixed(data: bytes, param: int | None = None):
        if len(data) == size:
            value = unpack(data)[0]
            if valid is None or valid(value):
                return value
        return decode(data, param)
    return decode_fixed


def encode_binary(t: SqlType, value) -> bytes:
    return encoder_for(t)(value)


def decode_binary(t: SqlType, data: bytes, *, param: int | None = None):
    """typreceive. Leftover bytes are 22P03 "incorrect binary data format"
    (COPY's wording), "... in bind parameter N" when `param` is given."""
    return decoder_for(t)(data, param)
