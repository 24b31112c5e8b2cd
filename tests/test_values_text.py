"""Differential tests: text, varchar(n), char(n), boolean, bytea and uuid
against real PostgreSQL 15 (cast and assignment semantics)."""

from __future__ import annotations

import pytest

from tests.support import assert_same_as_pg, pg_assign, twin_cast
from twinning.ir.types import SqlType

pytestmark = pytest.mark.realpg


STRINGS = [
    "", "hello", "  spaces  ", "abc", "abcde", "abcdef", "abc   ", "abcde     ", "ab  cd",
    "abcdef   ", "a\tb", "tab\t", "unicode ✓ é 日本", "日本語日本語", "日本語  ", "emoji 😀😀😀😀",
    "back\\slash", "quote'", 'dq"', "new\nline", "trailing\n", "x" * 300, "NULL", "   ",
    "\u00e9\u0301", "ｆｕｌｌ",
]


@pytest.mark.parametrize("literal", STRINGS)
@pytest.mark.parametrize("type_", [SqlType("text"), SqlType("varchar"), SqlType("bpchar"),
                                   SqlType("varchar", 5 + 4), SqlType("bpchar", 5 + 4),
                                   SqlType("bpchar", 1 + 4), SqlType("varchar", 1 + 4)],
                         ids=lambda t: t.display().replace(" ", "_"))
def test_strings_cast(conn, type_, literal):
    assert_same_as_pg(conn, type_, literal)


@pytest.mark.parametrize("literal", STRINGS)
@pytest.mark.parametrize("type_", [SqlType("varchar", 5 + 4), SqlType("bpchar", 5 + 4),
                                   SqlType("bpchar", 1 + 4)],
                         ids=lambda t: t.display().replace(" ", "_"))
def test_strings_assignment(conn, type_, literal):
    """INSERT semantics: too long is 22001 unless the excess is spaces."""
    assert twin_cast(type_, literal, explicit=False, send=False) == \
        pg_assign(conn, literal, type_.display())


BOOLS = [
    "t", "true", "TRUE", "True", " yes ", "y", "ye", "on", "ON", "off", "of", "Of", "o", "1",
    "0", "2", "tr", "tru", "truex", "", " ", "no", "n", "f", "fa", "FALSE", "  f  ", "\tt\n",
    "yes please", "é", "01", "10", "-1", "nope", "onn", "yess",
]


@pytest.mark.parametrize("literal", BOOLS)
def test_bool(conn, literal):
    assert_same_as_pg(conn, SqlType("bool"), literal)


BYTEAS = [
    "\\x4142", "\\x", "\\X4142", "\\x41 42", "\\x4 142", "\\x414", "\\xzz", "\\x41g2",
    "abc", "a\\\\b", "\\101\\102", "\\400", "\\377", "\\", "é", "\\x41\n42", "\\x 41",
    "\\x41\t", "plain text", "\\xDEADbeef", "\\x0", "\\x4\u00e9", "a\\b", "\\12", "\\1234",
    "x\\x41", "", "\\\\x41", "\\x41\v42",
]


@pytest.mark.parametrize("literal", BYTEAS)
def test_bytea(conn, literal):
    assert_same_as_pg(conn, SqlType("bytea"), literal)


UUIDS = [
    "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
    "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "a0eebc999c0b4ef8bb6d6bb9bd380a11",
    "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", "{a0eebc999c0b4ef8bb6d6bb9bd380a11}",
    "a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
    "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", " a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
    "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11 ", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1",
    "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111", "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
    "a0eebc9-99c0b-4ef8-bb6d-6bb9bd380a11", "", "00000000-0000-0000-0000-000000000000",
    "a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-",
    "ffffffff-ffff-ffff-ffff-ffffffffffff", "{}", "-a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
]


@pytest.mark.parametrize("literal", UUIDS)
def test_uuid(conn, literal):
    assert_same_as_pg(conn, SqlType("uuid"), literal)
