"""The system catalog types of twinning.values (oid, xid, name, "char",
int2vector, oidvector, the reg* types' catalog-free forms), differential
against real PostgreSQL 15: text output or error, typsend bytes, and the
binary round trip."""

from __future__ import annotations

import pytest

from tests.support import pg_cast, twin_cast
from twinning.errors import SqlError
from twinning.ir.types import SqlType, numeric_precision_scale, numeric_typmod
from twinning.values import decode_binary, encode_binary, format_text, parse_text
from twinning.values.system import RegName, RegOid

pytestmark = pytest.mark.realpg

SEND = {"oid": "oidsend", "xid": "xidsend", "name": "namesend",
        "char": "charsend", "int2vector": "int2vectorsend",
        "oidvector": "oidvectorsend", "regclass": "regclasssend",
        "regtype": "regtypesend"}
SQL_NAMES = {"char": '"char"'}

CASES = {
    "oid": ["0", "1", "-1", " 12 ", "+5", "4294967295", "4294967296",
            "-2147483648", "-2147483649", "", "12x", "0x10", "1e3", " ",
            "007", "-0"],
    "xid": ["0", "123", "4294967295"],
    "name": ["", "abc", "Mixed Case", "x" * 63, "x" * 64, "ab" * 40,
             "é" * 40, "日本語" * 30, "a\tb"],
    "char": ["", "a", "ab", "é", "\\101", "\\303", "\\", "\\1", "\\400",
             "\\777", " "],
    "int2vector": ["", "1", "1 2  3", " 4 5 ", "1,2", "{1,2}", "1 99999",
                   "-32768 32767", "x"],
    "oidvector": ["", "26 23", "1 -1", "4294967296"],
    "regclass": ["0", "-", "12345", "1259"],
    "regtype": ["0", "-", "23"],
}


@pytest.mark.parametrize("type_name,literal", [
    (t, lit) for t, lits in CASES.items() for lit in lits])
def test_input_output_send(conn, type_name, literal):
    t = SqlType(type_name)
    expected = pg_cast(conn, literal, SQL_NAMES.get(type_name, type_name),
                       SEND[type_name])
    got = twin_cast(t, literal)
    if type_name in ("regclass", "regtype") and got.ok:
        # the catalog names an OID (a RegOid without its name prints the
        # number); compare what needs no catalog: the binary form
        assert got.binary == expected.binary
        return
    assert got == expected
    if got.ok:
        value = decode_binary(t, expected.binary)
        assert encode_binary(t, value) == expected.binary


def test_reg_values_carry_their_text():
    value = RegOid(1259, "pg_class")
    assert value == 1259 and format_text(SqlType("regclass"), value) == \
        "pg_class"
    assert format_text(SqlType("regclass"), RegOid(0)) == "-"
    assert format_text(SqlType("regclass"), RegOid(99999)) == "99999"
    named = parse_text(SqlType("regclass"), "public.deals")
    assert isinstance(named, RegName) and named.type_name == "regclass"
    assert parse_text(SqlType("regtype"), "23") == 23


def test_arrays_of_system_types(conn):
    for type_sql, literal in (("oid[]", "{1,2,NULL}"), ("name[]", '{a,"b c"}'),
                              ('"char"[]', "{a,b}"), ("regtype[]", "{23,25}")):
        base = type_sql.strip('"[]')
        t = SqlType(base, -1, True)
        expected = pg_cast(conn, literal, type_sql, None)
        value = parse_text(t, literal)
        if base == "regtype":
            assert [int(v) for v in value] == [23, 25]
            continue
        assert format_text(t, value) == expected.text
        assert decode_binary(t, encode_binary(t, value)) == value


def test_binary_errors():
    with pytest.raises(SqlError) as exc:
        decode_binary(SqlType("oid"), b"\x00\x00\x01")
    assert exc.value.sqlstate == "08P01"
    with pytest.raises(SqlError) as exc:
        decode_binary(SqlType("int2vector"),
                      bytes.fromhex("000000010000000000000017"
                                    "0000000100000000"))
    assert exc.value.sqlstate == "22P03"


@pytest.mark.parametrize("precision,scale", [(5, 2), (20, -3), (1000, 1000),
                                             (3, -1000), (10, 0)])
def test_numeric_typmod_encoding(conn, precision, scale):
    """make_numeric_typmod(): the scale in 11 bits (negative scales too)."""
    with conn.cursor() as cur:
        cur.execute(f"CREATE TEMP TABLE IF NOT EXISTS tm_{precision}_"
                    f"{abs(scale)}_{int(scale < 0)} "
                    f"(c numeric({precision}, {scale}))")
        cur.execute(f"SELECT atttypmod FROM pg_attribute WHERE attrelid = "
                    f"'tm_{precision}_{abs(scale)}_{int(scale < 0)}'::regclass"
                    f" AND attname = 'c'")
        typmod = int(cur.fetchone()[0])
    assert numeric_typmod(precision, scale) == typmod
    assert numeric_precision_scale(typmod) == (precision, scale)
    assert SqlType("numeric", typmod).display() == \
        f"numeric({precision},{scale})"
