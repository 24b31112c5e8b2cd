"""Differential tests: integer, float and numeric input/output/send against
real PostgreSQL 15. Every expected value comes from the server at test
time; each literal is its own test id."""

from __future__ import annotations

import pytest

from tests.support import assert_same_as_pg, pg_assign, twin_cast
from twinning.ir.types import SqlType, numeric_typmod

pytestmark = pytest.mark.realpg


INT_LITERALS = [
    "42", "  42 ", "-0", "+12", "\t5\n", "1e3", "0x1F", "1_000", "", " ", "N/A",
    "99999999999", "99999999999x", "12abc", "1.0", "--1", "+-1", "- 1", "1 2", "٣",
    "0000000000000000000001", "32767", "32768", "-32768", "-32769", "2147483647",
    "2147483648", "-2147483648", "-2147483649", "9223372036854775807",
    "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "+", "-",
    "\v7\f", "1\u00a0",
]


@pytest.mark.parametrize("name", ["int2", "int4", "int8"])
@pytest.mark.parametrize("literal", INT_LITERALS)
def test_integers(conn, name, literal):
    assert_same_as_pg(conn, SqlType(name), literal)


FLOAT_LITERALS = [
    "1.5", "0.1", "1e15", "1e16", "1e-4", "1e-5", "-0", "  -0.0  ", "NaN", "nan", "-nan",
    "Infinity", "-Infinity", "+Infinity", "inf", "+inf", "-INF", "infinity x", "infinit",
    " 3.14 ", "1e400", "-1e400", " 1e-400 ", "1e-310", "0x1p3", "0x1.8p1", "0x",
    "1.7976931348623157e308", "5e-324", "2.2250738585072014e-308", "123456789012345678",
    "abc", "", " ", "1,5", "1.5.3", ".5", "5.", "e5", "1e", "1e+", "3.4028235e38",
    "3.4028236e38", "3.40282357e38", "1e-45", "1e-46", "7e-46", "1.17549435e-38",
    "16777217", "0.3", "1e10", "-1.5e-7", "100", "1234567", "123456", "7.038531e-26",
    "nan(123)", "1e+308", "0.1e-3", "123.456e2", "9007199254740993", "1.00000005960464477539",
    "33554431", "0.000012345", "4.35", "2.5e-5", "1e22", "1e23", "8.589973e9",
]


@pytest.mark.parametrize("name", ["float4", "float8"])
@pytest.mark.parametrize("literal", FLOAT_LITERALS)
def test_floats(conn, name, literal):
    assert_same_as_pg(conn, SqlType(name), literal)


NUMERIC_LITERALS = [
    "1.50", "  1.50 ", "-0.00", "0", "-0", "1e3", "1.5e-3", "1e 5", "1e+5", "1E-2", "NaN",
    " nan ", "Infinity", "-inf", "+Infinity", "infinit", "Infinityx", "1.2.3", ".", "1e",
    ".5", "5.", "+.5", "-.5e2", "abc", "", " ", "0e-16383", "0e-16384", "1e131071",
    "1e131072", "9999e131068", "1e2147483647", "1e-2147483648", "1e99999999999999999999",
    "0.0000001", "-1.5", "123456789012345678901234567890.123456789", "1 000", "1,5",
    "00012.3400", "+-1", "1e-16383", "12e-16384", "٣",
    "+123456789e123456789", "1e1000000000", "0e1000000000", "1e1073741822",
    "0e-1073741822", "1e-1073741823",
]


@pytest.mark.parametrize("literal", NUMERIC_LITERALS)
def test_numeric(conn, literal):
    assert_same_as_pg(conn, SqlType("numeric"), literal)


NUMERIC_TYPMOD_CASES = [
    ((5, 2), "123.456"), ((5, 2), "999.995"), ((5, 2), "999.994"), ((5, 2), "-999.995"),
    ((5, 2), "1000"), ((5, 2), "0.001"), ((5, 2), "0.005"), ((5, 2), "-0.005"),
    ((5, 2), "NaN"), ((5, 2), "Infinity"), ((5, 2), "-Infinity"), ((5, 2), "abc"),
    ((4, 2), "99.995"), ((4, 2), "99.994"), ((2, -3), "12345"), ((2, -3), "99500"),
    ((2, -3), "-12345"), ((2, -3), "100000"), ((3, 5), "0.001"), ((3, 5), "0.01"),
    ((3, 5), "0.012345"), ((1, 0), "0.5"), ((1, 0), "-0.5"), ((1, 0), "9.5"),
    ((10, 0), "1e9"), ((10, 0), "1e10"), ((3, 3), "0.9995"), ((3, 3), "0.9994"),
    ((1000, 500), "1.5"),
]


@pytest.mark.parametrize("typmod,literal", NUMERIC_TYPMOD_CASES,
                         ids=[f"{p}_{s}-{lit}" for (p, s), lit in NUMERIC_TYPMOD_CASES])
def test_numeric_typmod(conn, typmod, literal):
    t = SqlType("numeric", numeric_typmod(*typmod))
    assert_same_as_pg(conn, t, literal)
    # assignment to a numeric(p,s) column behaves the same as the cast
    assert twin_cast(t, literal, explicit=False, send=False) == \
        pg_assign(conn, literal, t.display())


@pytest.mark.parametrize("efd", [-15, -3, 0, 2, 3])
@pytest.mark.parametrize("literal", ["1.5", "0.1", "3.141592653589793", "1e100", "-2.5e-7",
                                     "123456789.123", "NaN", "-0"])
def test_float_output_with_extra_float_digits(conn, efd, literal):
    from twinning.values import FormatSettings

    settings = FormatSettings(extra_float_digits=efd)
    for name in ("float4", "float8"):
        assert_same_as_pg(conn, SqlType(name), literal, settings)
