"""Differential tests of binary input (typreceive): malformed and edge-case
bytes are bound as binary parameters on real PostgreSQL 15 (libpq
PQexecParams through psycopg 3) and decoded by the twin; errors must agree
on SQLSTATE and message, accepted values on their text output."""

from __future__ import annotations

import struct

import pytest

from twinning.errors import SqlError
from twinning.ir.types import SqlType
from twinning.values import decode_binary, format_text

pytestmark = pytest.mark.realpg


@pytest.fixture(scope="module")
def pgconn(realpg):
    psycopg = pytest.importorskip("psycopg")
    conn = psycopg.connect(realpg.dsn, autocommit=True)
    conn.execute("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, MDY'")
    yield conn.pgconn
    conn.close()


def pg_recv(pgconn, t: SqlType, data: bytes):
    res = pgconn.exec_params(b"SELECT $1", [data], [t.oid], [1], 0)
    if res.error_message:
        return ("error", res.error_field(ord("C")).decode(),
                res.error_field(ord("M")).decode("utf-8", "replace"))
    return ("ok", res.get_value(0, 0).decode("utf-8"))


def twin_recv(t: SqlType, data: bytes):
    try:
        return ("ok", format_text(t, decode_binary(t, data, param=1)))
    except SqlError as exc:
        return ("error", exc.sqlstate, exc.message)


def arr(elem_oid: int, dims: list[tuple[int, int]], items: list[bytes | None], flags=None):
    has_null = any(i is None for i in items)
    out = struct.pack(">iiI", len(dims), (1 if has_null else 0) if flags is None else flags,
                      elem_oid)
    for dim, lb in dims:
        out += struct.pack(">ii", dim, lb)
    for item in items:
        out += struct.pack(">i", -1) if item is None else struct.pack(">i", len(item)) + item
    return out


I4 = SqlType("int4")
CASES = [
    (SqlType("bool"), b"\x01"), (SqlType("bool"), b"\x02"), (SqlType("bool"), b""),
    (SqlType("bool"), b"\x00\x00"), (I4, b"\x00\x00\x05"), (I4, b"\x00\x00\x00\x05\x00"),
    (I4, b"\xff\xff\xff\xff"), (SqlType("int2"), b"\x80\x00"), (SqlType("int8"), b"\x00" * 7),
    (SqlType("float4"), b"\x7f\xc0\x00\x01"), (SqlType("float8"), struct.pack(">d", -0.0)),
    (SqlType("float8"), b"\x7f\xf0\x00\x00\x00\x00\x00\x00"),
    (SqlType("numeric"), bytes.fromhex("000200000000000200011388")),
    (SqlType("numeric"), bytes.fromhex("0002000000000001000113880000")),
    (SqlType("numeric"), bytes.fromhex("00010000123400000001")),
    (SqlType("numeric"), bytes.fromhex("0001000000004000270f")),
    (SqlType("numeric"), bytes.fromhex("00010000000000002710")),
    (SqlType("numeric"), bytes.fromhex("0001000000000000ffff")),
    (SqlType("numeric"), bytes.fromhex("0000000000000000")),
    (SqlType("numeric"), bytes.fromhex("0000000000c00000")),
    (SqlType("numeric"), bytes.fromhex("0000000000d00020")),
    (SqlType("numeric"), bytes.fromhex("0000000000f00000")),
    (SqlType("numeric"), bytes.fromhex("000100010000000300011234")),
    (SqlType("numeric"), bytes.fromhex("00027fff0000000000010001")),
    (SqlType("numeric"), bytes.fromhex("0001000000000001000c")),
    (SqlType("numeric"), bytes.fromhex("0003fffe0000000900010002")),
    (SqlType("text"), "héllo".encode()), (SqlType("text"), b"\xff\xfe"),
    (SqlType("text"), b"ab\xc3"), (SqlType("text"), b"a\x00b"), (SqlType("text"), b""),
    (SqlType("varchar"), b"\xed\xa0\x80"), (SqlType("bpchar"), b"x  "),
    (SqlType("bytea"), b"\x00\xff"), (SqlType("uuid"), bytes(range(16))),
    (SqlType("uuid"), bytes(15)), (SqlType("uuid"), bytes(17)),
    (SqlType("date"), struct.pack(">i", 0)), (SqlType("date"), struct.pack(">i", 2**31 - 1)),
    (SqlType("date"), struct.pack(">i", -(2**31))),
    (SqlType("date"), struct.pack(">i", 2147483494 - 2451545)),
    (SqlType("date"), struct.pack(">i", -2451546)),
    (SqlType("time"), struct.pack(">q", 86400000000)),
    (SqlType("time"), struct.pack(">q", 86400000001)), (SqlType("time"), struct.pack(">q", -1)),
    (SqlType("timestamp"), struct.pack(">q", 2**63 - 1)),
    (SqlType("timestamp"), struct.pack(">q", 9223371331200000000)),
    (SqlType("timestamp"), struct.pack(">q", 9223371331199999999)),
    (SqlType("timestamptz"), struct.pack(">q", -211813488000000000)),
    (SqlType("timestamptz"), struct.pack(">q", -211813488000000001)),
    (SqlType("interval"), struct.pack(">qii", -1, -2, -3)),
    # timetz: int64 local micros, int32 zone in seconds west
    (SqlType("timetz"), struct.pack(">qi", 45296789000, -19800)),
    (SqlType("timetz"), struct.pack(">qi", 86400000000, 57599)),
    (SqlType("timetz"), struct.pack(">qi", 0, -57599)),
    (SqlType("timetz"), struct.pack(">qi", 86400000001, 0)),
    (SqlType("timetz"), struct.pack(">qi", -1, 0)),
    (SqlType("timetz"), struct.pack(">qi", 0, 57600)),
    (SqlType("timetz"), struct.pack(">qi", 0, -57600)),
    (SqlType("timetz"), struct.pack(">qi", 3600000000, 37)),
    (SqlType("timetz"), struct.pack(">q", 0)),
    (SqlType("timetz"), struct.pack(">qih", 0, 0, 0)),
    (SqlType("timetz", is_array=True), arr(1266, [(2, 1)], [struct.pack(">qi", 1, -3600), None])),
    (SqlType("interval"), struct.pack(">qii", 2**63 - 1, 2**31 - 1, 2**31 - 1)),
    (SqlType("interval"), struct.pack(">qi", 1, 2)),
    (SqlType("json"), b'{"a": 1}'), (SqlType("json"), b"{bad"),
    (SqlType("jsonb"), b'\x01{"b":1,"a":2}'), (SqlType("jsonb"), b'\x02{}'),
    (SqlType("jsonb"), b""), (SqlType("jsonb"), b"\x01[1,"),
    (SqlType("int4", is_array=True), arr(23, [(2, 1)], [b"\0\0\0\1", None])),
    (SqlType("int4", is_array=True), arr(23, [], [])),
    (SqlType("int4", is_array=True), arr(23, [(0, 1)], [])),
    (SqlType("int4", is_array=True), arr(23, [(1, 1)], [b"\0\0\0\1"], flags=2)),
    (SqlType("int4", is_array=True), arr(20, [(1, 1)], [b"\0" * 8])),
    (SqlType("int4", is_array=True), arr(23, [(1, 1)], [b"\0\0\0\0\0"])),
    (SqlType("int4", is_array=True), arr(23, [(2, 1)], [b"\0\0\0\1"])),
    (SqlType("int4", is_array=True), arr(23, [(1, 1)], [b"\0\0\1"])),
    (SqlType("int4", is_array=True), struct.pack(">iiI", -1, 0, 23)),
    (SqlType("int4", is_array=True), struct.pack(">iiI", 7, 0, 23)),
    (SqlType("text", is_array=True), arr(25, [(2, 1)], [b"a,b", b'"q"'])),
    (SqlType("text", is_array=True), arr(25, [(1, 1)], [b"\xff"])),
    (SqlType("numeric", is_array=True), arr(1700, [(1, 1)],
                                            [bytes.fromhex("0001000000000000ffff")])),
]


@pytest.mark.parametrize("type_,data", CASES,
                         ids=[f"{t.display()}-{d.hex()[:40]}" for t, d in CASES])
def test_recv(pgconn, type_, data):
    assert twin_recv(type_, data) == pg_recv(pgconn, type_, data)
