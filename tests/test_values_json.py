"""Differential tests: json and jsonb input (validation, DETAIL and CONTEXT
of errors, jsonb normalisation) and output against real PostgreSQL 15."""

from __future__ import annotations

import pytest

from tests.support import assert_same_as_pg
from twinning.ir.types import SqlType

pytestmark = pytest.mark.realpg


GOOD = [
    '{"b":1,"a":[1,2.50,true,null],"aa":"x\\ty"}', "1e3", '"abc"', " [ ] ", "{}", "[]",
    '{"a":1,"a":2}', '{"a":{"b":1,"b":[]},"a":0}', "  123  ", "-0", "0.000", "1E-2",
    "-1.5e+3", '"\\u00e9\\u0041"', '"\\ud83d\\ude00"', '"😀 ✓ é"', '"\\/\\b\\f\\n\\r\\t"',
    '"\\u001f"', "true", "false", "null", '[1,[2,[3,[4]]]]', '{"":""}',
    '{"aaa":1,"b":2,"cc":3,"é":4,"e":5}', "\n[\n1\n]\n", "\t{\"k\" : \"v\"}\r",
    '[1e308, 1e-308, 123456789012345678901234567890]', '{"x":"' + "y" * 100 + '"}',
    '["\\u0000"]', '"\\ud800"', '"\\udc00x"', '"a\\u0000b"', '[1.0, 10, 1.10]',
]

BAD = [
    "", "  ", "[,]", "[1,]", '{"a" 1}', "{,}", '{"a":1,}', "[1 2]", '{"a":1}x', '"abc',
    "01", "[1,2", "nul", "é", "{'a':1}", "[NaN]", "Infinity", "-", "1.", ".5", "+1", "1e",
    "1e+", "0x10", '"\\x"', '"\\u12"', '"\\u12zz"', '"tab\there"', '"\\', "[1,]", '{"a"}',
    '{"a":}', '{1:2}', "[}", "{]", "]", "}", ":", "truefalse", "true false", "[true,,]",
    '{"a":1 "b":2}', "1 2", '"a" "b"', "\n\n  [1,\n  2,,\n3]",
    '{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": xyz}',
    '[' + '"😀",' * 30 + ' bad]', "1.5.5", "--1", "[-]", "tru", "nulll", "[1]]", "{{}}",
    '"\\ud800\\ud800"', '"\\udc00"', '"\\ud800x"', '"\\ud800\\n"', '"\\u0000"',
]


@pytest.mark.parametrize("literal", GOOD + BAD)
@pytest.mark.parametrize("name", ["json", "jsonb"])
def test_json(conn, name, literal):
    assert_same_as_pg(conn, SqlType(name), literal)
