"""Differential tests: arrays (array_in's structure checks and DETAILs,
dimension decoration, element quoting on output, element typmods,
array_send) against real PostgreSQL 15, multidimensional arrays and lower
bounds other than 1 included."""

from __future__ import annotations

import pytest

from tests.support import assert_same_as_pg, twin_cast
from twinning.ir.types import SqlType, numeric_typmod

pytestmark = pytest.mark.realpg


STRUCTURE = [
    "{}", "{ }", "  {1,2,3}  ", "{1,2,NULL}", "{1, 2 , 3}", "{null,NULL,Null}", '{"1","2"}',
    "{1,2", "{1,,2}", "{,1}", "{1,}", "1,2", "", "{1}}", "{{1}", "{1}x", "{1 2}", '{"1"2}',
    '{1"2"}', "{1,2}{3}", "[1:3]={1,2,3}", "[1:2]={1,2,3}", "[0:2]={1,2,3}", "[2]={1,2}",
    "[1:3={1,2,3}", "[a]={1}", "[1:]={1}", "[3:1]={1}", "[1:3]{1,2,3}", "[1:3]=1,2,3",
    "{{1,2},{3,4}}", "{{1,2},{3}}", "{{}}", "{{},{}}", "{1,{2}}", "{\\1,2}", "{1\\,2}",
    '{"\\"",2}', "{1,2}  x", "{{{{{{{1}}}}}}}", "[1:1][1:1]={{1}}", "{\\}", "{1\\",
    '{"', "{", "}", "{NULL}", '{"NULL"}', "{NULLx}", "{ NULL }", "{1,\n2}", "{\t1\t}",
    "[1:2] = {1,2}", " [1:2]={1,2}", "[-1:1]={1,2,3}", "[+1:+2]={1,2}", "[1:2]= {1,2}",
    " {", "\t{{", '\t{}""[', "[1:2]={}}\\", "\t{ ]{}{",
]


@pytest.mark.parametrize("literal", STRUCTURE)
def test_int_array_structure(conn, literal):
    t = SqlType("int4", is_array=True)
    assert_same_as_pg(conn, t, literal)


TEXT_ARRAYS = [
    '{a,"b c","",NULL,"NULL"}', '{"a\\"b","c\\\\d"}', "{a b,c  d  ,  e}", '{"  x  "}',
    "{a\\ b}", '{"{",  "}", ",", "\\\\"}', "{é,日本,😀}", '{"a\tb"}', "{null,NuLl}",
    '{"null"}', "{nulls}", '{""}', "{a,b,c}", '{a"b}', '{"a"b"}', "{\\a\\b}",
    '{"with,comma"}', '{"new\nline"}', "{ab\\ }", "{\\ ab}", '{"ab" }', '{ "ab"}',
    "{x y z}", "{x\\\"y}",
]


@pytest.mark.parametrize("literal", TEXT_ARRAYS)
@pytest.mark.parametrize("type_", [SqlType("text", is_array=True),
                                   SqlType("varchar", 3 + 4, True),
                                   SqlType("bpchar", 3 + 4, True),
                                   SqlType("bpchar", is_array=True)],
                         ids=lambda t: t.display().replace(" ", "_"))
def test_text_arrays(conn, type_, literal):
    assert_same_as_pg(conn, type_, literal)


# element type -> literals of its array type
ELEMENT_LITERALS = {
    "int2": ["{1,70000}"],
    "int8": ["{-9223372036854775808, 9223372036854775807}"],
    "int4": ["{1,x}"],
    "numeric": ["{1.50,NaN,-Infinity,1e3}"],
    "float8": ["{1.5,NaN,-Infinity,1e-5,-0}"],
    "float4": ["{0.1,3.4028235e38}"],
    "bool": ["{t,false,yes,NULL,0}", "{t,maybe}"],
    "date": ["{2024-01-05,infinity,0044-03-15 BC,NULL}", "{2024-02-30}"],
    "time": ['{12:00,"12:34:56.5",allballs}'],
    "timestamp": ['{"2024-01-05 12:00",epoch,-infinity}'],
    "timestamptz": ['{"2024-01-05 12:00+02","2024-01-05 12:00"}'],
    "interval": ['{"1 day","-1 days +02:00",P1Y}'],
    "uuid": ["{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11,NULL}", "{a0eebc99}"],
    "bytea": ['{"\\\\x4142",abc,"\\\\101"}'],
    "json": ['{"{\\"a\\": 1}","[1,2]",null,"\\"s\\""}'],
    "jsonb": ['{"{\\"b\\":1,\\"a\\":2}","[1,2]","3"}', '{"{bad"}'],
}
# arrays of element types with a typmod: (array type, literal)
TYPMOD_CASES = [
    (SqlType("numeric", numeric_typmod(5, 2), True), "{1.234,99.999}"),
    (SqlType("numeric", numeric_typmod(5, 2), True), "{1.234,9999.999}"),
    (SqlType("timestamptz", 0, True), '{"2024-01-05 12:00:00.5+02"}'),
    (SqlType("varchar", 2 + 4, True), "{ab,abcd}"),
    (SqlType("bpchar", 2 + 4, True), '{a,"ab   ",abc}'),
]
ELEMENT_CASES = [(SqlType(name, is_array=True), literal)
                 for name, literals in ELEMENT_LITERALS.items()
                 for literal in literals] + TYPMOD_CASES


@pytest.mark.parametrize("type_,literal", ELEMENT_CASES,
                         ids=[f"{t.display()}-{lit}" for t, lit in ELEMENT_CASES])
def test_element_types(conn, type_, literal):
    assert_same_as_pg(conn, type_, literal)


SHAPES = ["{{1,2},{3,4}}", "[0:1]={1,2}", "[2:3]={1,2}", "[1:1][1:2]={{1,2}}",
          "[-3:-2][0:0]={{1},{NULL}}", '{{"a b"},{NULL}}', "{{{1}},{{2}}}",
          "[1:1][1:1][1:1][1:1][1:1][1:1]={{{{{{7}}}}}}"]


@pytest.mark.parametrize("literal", SHAPES)
def test_shapes(conn, literal):
    assert_same_as_pg(conn, SqlType("int4", is_array=True)
                      if '"' not in literal else SqlType("text", is_array=True),
                      literal)
