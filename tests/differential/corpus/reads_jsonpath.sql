-- jsonpath (issue 13): the type's input and output, @? and @@, the
-- jsonb_path_* functions with vars and silent, lax and strict modes,
-- filters, like_regex, starts with, exists, is unknown, arithmetic, last
-- and subscript ranges. Most lines are PostgreSQL's own regression
-- queries (src/test/regress/sql/jsonpath.sql and jsonb_jsonpath.sql).

-- case: jsonpath_io
select '$'::jsonpath, 'strict $'::jsonpath, 'lax $'::jsonpath, '$.a'::jsonpath, '$.a.v'::jsonpath, '$.a.*'::jsonpath, '$.*[*]'::jsonpath
select '$.a[*]'::jsonpath, '$.a[*][*]'::jsonpath, '$[*]'::jsonpath, '$[0]'::jsonpath, '$[*][0]'::jsonpath, '$[*].a'::jsonpath, '$[*][0].a.b'::jsonpath
select '$.a.**.b'::jsonpath, '$.a.**{2}.b'::jsonpath, '$.a.**{2 to 2}.b'::jsonpath, '$.a.**{2 to 5}.b'::jsonpath, '$.a.**{0 to 5}.b'::jsonpath, '$.a.**{5 to last}.b'::jsonpath, '$.a.**{last}.b'::jsonpath, '$.a.**{last to 5}.b'::jsonpath
select '$+1'::jsonpath, '$-1'::jsonpath, '$--+1'::jsonpath, '$.a/+-1'::jsonpath, '1 * 2 + 4 % -3 != false'::jsonpath
select '"\b\f\r\n\t\v\"\''\\"'::jsonpath, '"\x50\u0067\u{53}\u{051}\u{00004C}"'::jsonpath, '$.foo\x50\u0067\u{53}\u{051}\u{00004C}\t\"bar'::jsonpath, '"\z"'::jsonpath
select '$.g ? ($.a == 1)'::jsonpath, '$.g ? (@ == 1)'::jsonpath, '$.g ? (@.a == 1)'::jsonpath, '$.g ? (@.a == 1 || @.a == 4)'::jsonpath, '$.g ? (@.a == 1 && @.a == 4)'::jsonpath
select '$.g ? (@.a == 1 || @.a == 4 && @.b == 7)'::jsonpath, '$.g ? (@.a == 1 || !(@.a == 4) && @.b == 7)'::jsonpath, '$.g ? (@.a == 1 || !(@.x >= 123 || @.a == 4) && @.b == 7)'::jsonpath, '$.g ? (@.x >= @[*]?(@.a > "abc"))'::jsonpath
select '$.g ? ((@.x >= 123 || @.a == 4) is unknown)'::jsonpath, '$.g ? (exists (.x))'::jsonpath
select '$.g ? (exists (@.x))'::jsonpath, '$.g ? (exists (@.x ? (@ == 14)))'::jsonpath, '$.g ? ((@.x >= 123 || @.a == 4) && exists (@.x ? (@ == 14)))'::jsonpath, '$.g ? (+@.x >= +-(+@.a + 2))'::jsonpath
select '$a'::jsonpath, '$a.b'::jsonpath, '$a[*]'::jsonpath, '$.g ? (@.zip == $zip)'::jsonpath, '$.a[1,2, 3 to 16]'::jsonpath, '$.a[$a + 1, ($b[*]) to -($[0] * 2)]'::jsonpath, '$.a[$.a.size() - 3]'::jsonpath
select 'last'::jsonpath
select '"last"'::jsonpath, '$.last'::jsonpath, '$ ? (last > 0)'::jsonpath
select '$[last]'::jsonpath, '$[$[0] ? (last > 0)]'::jsonpath, 'null.type()'::jsonpath, '1.type()'::jsonpath, '(1).type()'::jsonpath, '1.2.type()'::jsonpath, '"aaa".type()'::jsonpath, 'true.type()'::jsonpath
select '$.double().floor().ceiling().abs()'::jsonpath, '$.keyvalue().key'::jsonpath, '$.datetime()'::jsonpath, '$.datetime("datetime template")'::jsonpath
select '$ ? (@ starts with "abc")'::jsonpath, '$ ? (@ starts with $var)'::jsonpath
select '$ ? (@ like_regex "(invalid pattern")'::jsonpath
select '$ ? (@ like_regex "pattern")'::jsonpath, '$ ? (@ like_regex "pattern" flag "")'::jsonpath, '$ ? (@ like_regex "pattern" flag "i")'::jsonpath, '$ ? (@ like_regex "pattern" flag "is")'::jsonpath, '$ ? (@ like_regex "pattern" flag "isim")'::jsonpath
select '$ ? (@ like_regex "pattern" flag "xsms")'::jsonpath
select '$ ? (@ like_regex "pattern" flag "q")'::jsonpath, '$ ? (@ like_regex "pattern" flag "iq")'::jsonpath, '$ ? (@ like_regex "pattern" flag "smixq")'::jsonpath
select '$ ? (@ like_regex "pattern" flag "a")'::jsonpath
select '$ < 1'::jsonpath, '($ < 1) || $.a.b <= $x'::jsonpath, '@ + 1'::jsonpath, '($).a.b'::jsonpath, '($.a.b).c.d'::jsonpath, '($.a.b + -$.x.y).c.d'::jsonpath, '(-+$.a.b).c.d'::jsonpath
select '1 + ($.a.b + 2).c.d'::jsonpath, '1 + ($.a.b > 2).c.d'::jsonpath, '($)'::jsonpath, '(($))'::jsonpath, '((($ + 1)).a + ((2)).b ? ((((@ > 1)) || (exists(@.c)))))'::jsonpath
select '$ ? (@.a < 1)'::jsonpath, '$ ? (@.a < -1)'::jsonpath, '$ ? (@.a < +1)'::jsonpath, '$ ? (@.a < .1)'::jsonpath, '$ ? (@.a < -.1)'::jsonpath, '$ ? (@.a < +.1)'::jsonpath, '$ ? (@.a < 0.1)'::jsonpath
select '$ ? (@.a < -0.1)'::jsonpath, '$ ? (@.a < 10.1)'::jsonpath, '$ ? (@.a < 1e1)'::jsonpath, '$ ? (@.a < -1e1)'::jsonpath, '$ ? (@.a < .1e1)'::jsonpath, '$ ? (@.a < 0.1e1)'::jsonpath, '$ ? (@.a < 10.1e1)'::jsonpath, '$ ? (@.a < -10.1e+1)'::jsonpath, '$ ? (@.a < 10.1e-1)'::jsonpath
select '0'::jsonpath, '0.0'::jsonpath, '0.000'::jsonpath, '0.000e1'::jsonpath, '0.000e2'::jsonpath, '0.000e3'::jsonpath, '0.0010'::jsonpath, '0.0010e-1'::jsonpath, '0.0010e+1'::jsonpath, '0.0010e+2'::jsonpath, '.001'::jsonpath, '.001e1'::jsonpath, '1.'::jsonpath, '1.e1'::jsonpath
select '00'::jsonpath
select '0755'::jsonpath
select '1a'::jsonpath
select '1.a'::jsonpath
select '1.2.e'::jsonpath, '(1.2).e3'::jsonpath, '1..e'::jsonpath, '1..e3'::jsonpath, '(1.).e'::jsonpath, '(1.).e3'::jsonpath, '1?(2>3)'::jsonpath
select '1.e'::jsonpath
select '1e3'::jsonpath, '1e+'::jsonpath
select ''::jsonpath
select '   '::jsonpath
select '$ ? (@ == 1'::jsonpath
select '$.a b'::jsonpath
select '$ ? (@ == truex )'::jsonpath
select '$.a/**/.b'::jsonpath
select '"\u12"'::jsonpath
select '"\x1"'::jsonpath
select '"abc'::jsonpath
select '/* x'::jsonpath
select '$."\ud83d"'::jsonpath
select '"\u0000"'::jsonpath
select '$ ? (@ like_regex "a{2,1}")'::jsonpath
select '$ ? (@.a)'::jsonpath
select '!($)'::jsonpath
select '$.a.foo()'::jsonpath
select '$[1,]'::jsonpath
select 'strict'::jsonpath
select '$ ? (@ == 1 == 2)'::jsonpath
select pg_typeof('$'::jsonpath), '$.a'::jsonpath::text, 'STRICT $.Type()'::jsonpath::text, '$.\"a b\"'::text::jsonpath

-- case: jsonpath_exists_operator
select jsonb '{"a": 12}' @? '$', jsonb '{"a": 12}' @? '1', jsonb '{"a": 12}' @? '$.a.b', jsonb '{"a": 12}' @? '$.b', jsonb '{"a": 12}' @? '$.a + 2', jsonb '{"a": 12}' @? '$.b + 2'
select jsonb '{"a": {"a": 12}}' @? '$.a.a', jsonb '{"a": {"a": 12}}' @? '$.*.a', jsonb '{"b": {"a": 12}}' @? '$.*.a', jsonb '{"b": {"a": 12}}' @? '$.*.b', jsonb '{"b": {"a": 12}}' @? 'strict $.*.b'
select jsonb '{}' @? '$.*', jsonb '{"a": 1}' @? '$.*', jsonb '{"a": {"b": 1}}' @? 'lax $.**{1}', jsonb '{"a": {"b": 1}}' @? 'lax $.**{2}', jsonb '{"a": {"b": 1}}' @? 'lax $.**{3}'
select jsonb '[]' @? '$[*]', jsonb '[1]' @? '$[*]', jsonb '[1]' @? '$[1]', jsonb '[1]' @? 'strict $[1]'
select jsonb_path_query('[1]', 'strict $[1]')
select jsonb_path_query('[1]', 'strict $[1]', silent => true)
select jsonb '[1]' @? 'lax $[10000000000000000]', jsonb '[1]' @? 'strict $[10000000000000000]'
select jsonb_path_query('[1]', 'lax $[10000000000000000]')
select jsonb_path_query('[1]', 'strict $[10000000000000000]')
select jsonb '[1]' @? '$[0]', jsonb '[1]' @? '$[0.3]', jsonb '[1]' @? '$[0.5]', jsonb '[1]' @? '$[0.9]', jsonb '[1]' @? '$[1.2]', jsonb '[1]' @? 'strict $[1.2]'
select jsonb '{"a": [1,2,3], "b": [3,4,5]}' @? '$ ? (@.a[*] >  @.b[*])', jsonb '{"a": [1,2,3], "b": [3,4,5]}' @? '$ ? (@.a[*] >= @.b[*])', jsonb '{"a": [1,2,3], "b": [3,4,"5"]}' @? '$ ? (@.a[*] >= @.b[*])'
select jsonb '{"a": [1,2,3], "b": [3,4,"5"]}' @? 'strict $ ? (@.a[*] >= @.b[*])', jsonb '{"a": [1,2,3], "b": [3,4,null]}' @? '$ ? (@.a[*] >= @.b[*])'
select jsonb '1' @? '$ ? ((@ == "1") is unknown)', jsonb '1' @? '$ ? ((@ == 1) is unknown)', jsonb '[{"a": 1}, {"a": 2}]' @? '$[0 to 1] ? (@.a > 1)'
select jsonb_path_exists('[{"a": 1}, {"a": 2}, 3]', 'lax $[*].a', silent => false), jsonb_path_exists('[{"a": 1}, {"a": 2}, 3]', 'lax $[*].a', silent => true)
select jsonb_path_exists('[{"a": 1}, {"a": 2}, 3]', 'strict $[*].a', silent => false)
select jsonb_path_exists('[{"a": 1}, {"a": 2}, 3]', 'strict $[*].a', silent => true)

-- case: jsonpath_structural_errors
select jsonb_path_query('1', 'lax $.a')
select jsonb_path_query('1', 'strict $.a')
select jsonb_path_query('1', 'strict $.*')
select jsonb_path_query('1', 'strict $.a', silent => true)
select jsonb_path_query('1', 'strict $.*', silent => true)
select jsonb_path_query('[]', 'lax $.a')
select jsonb_path_query('[]', 'strict $.a')
select jsonb_path_query('[]', 'strict $.a', silent => true)
select jsonb_path_query('{}', 'lax $.a')
select jsonb_path_query('{}', 'strict $.a')
select jsonb_path_query('{}', 'strict $.a', silent => true)
select jsonb_path_query('1', 'strict $[1]')
select jsonb_path_query('1', 'strict $[*]')
select jsonb_path_query('[]', 'strict $[1]')
select jsonb_path_query('[]', 'strict $["a"]')
select jsonb_path_query('1', 'strict $[1]', silent => true)
select jsonb_path_query('1', 'strict $[*]', silent => true)
select jsonb_path_query('[]', 'strict $[1]', silent => true)
select jsonb_path_query('[]', 'strict $["a"]', silent => true)

-- case: jsonpath_accessors
select jsonb_path_query('{"a": 12, "b": {"a": 13}}', '$.a')
select jsonb_path_query('{"a": 12, "b": {"a": 13}}', '$.b')
select jsonb_path_query('{"a": 12, "b": {"a": 13}}', '$.*')
select jsonb_path_query('{"a": 12, "b": {"a": 13}}', 'lax $.*.a')
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[*].a')
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[*].*')
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[0].a')
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[1].a')
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[2].a')
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[0,1].a')
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[0 to 10].a')
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[0 to 10 / 0].a')
select jsonb_path_query('[12, {"a": 13}, {"b": 14}, "ccc", true]', '$[2.5 - 1 to $.size() - 2]')
select jsonb_path_query('1', 'lax $[0]')
select jsonb_path_query('1', 'lax $[*]')
select jsonb_path_query('[1]', 'lax $[0]')
select jsonb_path_query('[1]', 'lax $[*]')
select jsonb_path_query('[1,2,3]', 'lax $[*]')
select jsonb_path_query('[1,2,3]', 'strict $[*].a')
select jsonb_path_query('[1,2,3]', 'strict $[*].a', silent => true)

-- case: jsonpath_last
select jsonb_path_query('[]', '$[last]')
select jsonb_path_query('[]', '$[last ? (exists(last))]')
select jsonb_path_query('[]', 'strict $[last]')
select jsonb_path_query('[]', 'strict $[last]', silent => true)
select jsonb_path_query('[1]', '$[last]')
select jsonb_path_query('[1,2,3]', '$[last]')
select jsonb_path_query('[1,2,3]', '$[last - 1]')
select jsonb_path_query('[1,2,3]', '$[last ? (@.type() == "number")]')
select jsonb_path_query('[1,2,3]', '$[last ? (@.type() == "string")]')
select jsonb_path_query('[1,2,3]', '$[last ? (@.type() == "string")]', silent => true)
select jsonb_path_query('[1,2,3,4,5]', '$[1 to last, 0]')
select jsonb_path_query_array('[1,2,3,4,5]', 'strict $[last to 1]')
select jsonb_path_query_array('[1,2,3,4,5]', 'lax $[last to 1]')

-- case: jsonpath_vars
select * from jsonb_path_query('{"a": 10}', '$')
select * from jsonb_path_query('{"a": 10}', '$ ? (@.a < $value)')
select * from jsonb_path_query('{"a": 10}', '$ ? (@.a < $value)', '1')
select * from jsonb_path_query('{"a": 10}', '$ ? (@.a < $value)', '[{"value" : 13}]')
select * from jsonb_path_query('{"a": 10}', '$ ? (@.a < $value)', '{"value" : 13}')
select * from jsonb_path_query('{"a": 10}', '$ ? (@.a < $value)', '{"value" : 8}')
select * from jsonb_path_query('{"a": 10}', '$.a ? (@ < $value)', '{"value" : 13}')
select * from jsonb_path_query('[10,11,12,13,14,15]', '$[*] ? (@ < $value)', '{"value" : 13}')
select * from jsonb_path_query('[10,11,12,13,14,15]', '$[0,1] ? (@ < $x.value)', '{"x": {"value" : 13}}')
select * from jsonb_path_query('[10,11,12,13,14,15]', '$[0 to 2] ? (@ < $value)', '{"value" : 15}')
select * from jsonb_path_query('[1,"1",2,"2",null]', '$[*] ? (@ == "1")')
select * from jsonb_path_query('[1,"1",2,"2",null]', '$[*] ? (@ == $value)', '{"value" : "1"}')
select * from jsonb_path_query('[1,"1",2,"2",null]', '$[*] ? (@ == $value)', '{"value" : null}')
select * from jsonb_path_query('[1, "2", null]', '$[*] ? (@ != null)')
select * from jsonb_path_query('[1, "2", null]', '$[*] ? (@ == null)')
select * from jsonb_path_query('{}', '$ ? (@ == @)')
select * from jsonb_path_query('[]', 'strict $ ? (@ == @)')
select jsonb '{"a": 1}' @? '$.a ? (@ == $x)', jsonb '{"a": 1}' @@ '$x == null'

-- case: jsonpath_any_levels
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**')
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{0}')
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{0 to last}')
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{1}')
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{1 to last}')
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{2}')
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{2 to last}')
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{3 to last}')
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{last}')
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**.b ? (@ > 0)')
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{0}.b ? (@ > 0)')
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{1}.b ? (@ > 0)')
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{0 to last}.b ? (@ > 0)')
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{1 to last}.b ? (@ > 0)')
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{1 to 2}.b ? (@ > 0)')
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**.b ? (@ > 0)')
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**{0}.b ? (@ > 0)')
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**{1}.b ? (@ > 0)')
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**{0 to last}.b ? (@ > 0)')
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**{1 to last}.b ? (@ > 0)')
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**{1 to 2}.b ? (@ > 0)')
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**{2 to 3}.b ? (@ > 0)')
select jsonb '{"a": {"b": 1}}' @? '$.**.b ? ( @ > 0)', jsonb '{"a": {"b": 1}}' @? '$.**{0}.b ? ( @ > 0)', jsonb '{"a": {"b": 1}}' @? '$.**{1}.b ? ( @ > 0)', jsonb '{"a": {"b": 1}}' @? '$.**{0 to last}.b ? ( @ > 0)'
select jsonb '{"a": {"c": {"b": 1}}}' @? '$.**{1}.b ? ( @ > 0)', jsonb '{"a": {"c": {"b": 1}}}' @? '$.**{0 to last}.b ? ( @ > 0)', jsonb '{"a": {"c": {"b": 1}}}' @? '$.**{2 to 3}.b ? ( @ > 0)'
select jsonb_path_query_array('[1, [2, [3, {"a": [4]}]]]', 'strict $.**'), jsonb_path_query_array('[1, [2, [3, {"a": [4]}]]]', 'lax $.**{last}'), jsonb_path_query_array('{"x": [1, {"y": 2}]}', 'strict $.**{2 to last}')

-- case: jsonpath_exists_filters
select jsonb_path_query('{"g": {"x": 2}}', '$.g ? (exists (@.x))')
select jsonb_path_query('{"g": {"x": 2}}', '$.g ? (exists (@.y))')
select jsonb_path_query('{"g": {"x": 2}}', '$.g ? (exists (@.x ? (@ >= 2) ))')
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'lax $.g ? (exists (@.x))')
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'lax $.g ? (exists (@.x + "3"))')
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'lax $.g ? ((exists (@.x + "3")) is unknown)')
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'strict $.g[*] ? (exists (@.x))')
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'strict $.g[*] ? ((exists (@.x)) is unknown)')
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'strict $.g ? (exists (@[*].x))')
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'strict $.g ? ((exists (@[*].x)) is unknown)')
select x, y, jsonb_path_query('[true, false, null]', '$[*] ? (@ == true  &&  ($x == true && $y == true) || @ == false && !($x == true && $y == true) || @ == null  &&  ($x == true && $y == true) is unknown)', jsonb_build_object('x', x, 'y', y)) as "x && y" from (values (jsonb 'true'), ('false'), ('"null"')) x(x), (values (jsonb 'true'), ('false'), ('"null"')) y(y)
select x, y, jsonb_path_query('[true, false, null]', '$[*] ? (@ == true  &&  ($x == true || $y == true) || @ == false && !($x == true || $y == true) || @ == null  &&  ($x == true || $y == true) is unknown)', jsonb_build_object('x', x, 'y', y)) as "x || y" from (values (jsonb 'true'), ('false'), ('"null"')) x(x), (values (jsonb 'true'), ('false'), ('"null"')) y(y)
select jsonb '{"a": 1, "b":1}' @? '$ ? (@.a == @.b)', jsonb '{"c": {"a": 1, "b":1}}' @? '$ ? (@.a == @.b)', jsonb '{"c": {"a": 1, "b":1}}' @? '$.c ? (@.a == @.b)', jsonb '{"c": {"a": 1, "b":1}}' @? '$.c ? ($.c.a == @.b)'
select jsonb '{"c": {"a": 1, "b":1}}' @? '$.* ? (@.a == @.b)', jsonb '{"a": 1, "b":1}' @? '$.** ? (@.a == @.b)', jsonb '{"c": {"a": 1, "b":1}}' @? '$.** ? (@.a == @.b)'

-- case: jsonpath_arithmetic
select jsonb_path_query('{"c": {"a": 2, "b":1}}', '$.** ? (@.a == 1 + 1)')
select jsonb_path_query('{"c": {"a": 2, "b":1}}', '$.** ? (@.a == (1 + 1))')
select jsonb_path_query('{"c": {"a": 2, "b":1}}', '$.** ? (@.a == @.b + 1)')
select jsonb_path_query('{"c": {"a": 2, "b":1}}', '$.** ? (@.a == (@.b + 1))')
select jsonb '{"c": {"a": -1, "b":1}}' @? '$.** ? (@.a == - 1)', jsonb '{"c": {"a": -1, "b":1}}' @? '$.** ? (@.a == -1)', jsonb '{"c": {"a": -1, "b":1}}' @? '$.** ? (@.a == -@.b)', jsonb '{"c": {"a": -1, "b":1}}' @? '$.** ? (@.a == - @.b)'
select jsonb '{"c": {"a": 0, "b":1}}' @? '$.** ? (@.a == 1 - @.b)', jsonb '{"c": {"a": 2, "b":1}}' @? '$.** ? (@.a == 1 - - @.b)', jsonb '{"c": {"a": 0, "b":1}}' @? '$.** ? (@.a == 1 - +@.b)'
select jsonb '[1,2,3]' @? '$ ? (+@[*] > +2)', jsonb '[1,2,3]' @? '$ ? (+@[*] > +3)', jsonb '[1,2,3]' @? '$ ? (-@[*] < -2)', jsonb '[1,2,3]' @? '$ ? (-@[*] < -3)', jsonb '1' @? '$ ? ($ > 0)'
select jsonb_path_query('[1,2,0,3]', '$[*] ? (2 / @ > 0)')
select jsonb_path_query('[1,2,0,3]', '$[*] ? ((2 / @ > 0) is unknown)')
select jsonb_path_query('0', '1 / $')
select jsonb_path_query('0', '1 / $ + 2')
select jsonb_path_query('0', '-(3 + 1 % $)')
select jsonb_path_query('1', '$ + "2"')
select jsonb_path_query('[1, 2]', '3 * $')
select jsonb_path_query('"a"', '-$')
select jsonb_path_query('[1,"2",3]', '+$')
select jsonb_path_query('1', '$ + "2"', silent => true)
select jsonb_path_query('[1, 2]', '3 * $', silent => true)
select jsonb_path_query('"a"', '-$', silent => true)
select jsonb_path_query('[1,"2",3]', '+$', silent => true)
select jsonb '["1",2,0,3]' @? '-$[*]', jsonb '[1,"2",0,3]' @? '-$[*]', jsonb '["1",2,0,3]' @? 'strict -$[*]', jsonb '[1,"2",0,3]' @? 'strict -$[*]'
select jsonb_path_query('{"a": [2]}', 'lax $.a * 3')
select jsonb_path_query('{"a": [2]}', 'lax $.a + 3')
select jsonb_path_query('{"a": [2, 3, 4]}', 'lax -$.a')
select jsonb_path_query('{"a": [1, 2]}', 'lax $.a * 3')
select jsonb_path_query('{"a": [1, 2]}', 'lax $.a * 3', silent => true)
select jsonb_path_query('{"a": 2}', '($.a - 5).abs() + 10')
select jsonb_path_query('{"a": 2.5}', '-($.a * $.a).floor() % 4.3')
select jsonb_path_query_array('[1.5, 7, -2]', '$[*] / 3'), jsonb_path_query_array('[10, 3.0]', '$[0] % $[1]'), jsonb_path_query_first('[2]', '$[0] * 1.50')

-- case: jsonpath_match
select jsonb_path_query('2', '$ > 1')
select jsonb_path_query('2', '$ <= 1')
select jsonb_path_query('2', '$ == "2"')
select jsonb '2' @? '$ == "2"', jsonb '2' @@ '$ > 1', jsonb '2' @@ '$ <= 1', jsonb '2' @@ '$ == "2"', jsonb '2' @@ '1', jsonb '{}' @@ '$', jsonb '[]' @@ '$', jsonb '[1,2,3]' @@ '$[*]', jsonb '[]' @@ '$[*]'
select jsonb_path_match('[[1, true], [2, false]]', 'strict $[*] ? (@[0] > $x) [1]', '{"x": 1}')
select jsonb_path_match('[[1, true], [2, false]]', 'strict $[*] ? (@[0] < $x) [1]', '{"x": 2}')
select jsonb_path_match('[{"a": 1}, {"a": 2}, 3]', 'lax exists($[*].a)', silent => false)
select jsonb_path_match('[{"a": 1}, {"a": 2}, 3]', 'lax exists($[*].a)', silent => true)
select jsonb_path_match('[{"a": 1}, {"a": 2}, 3]', 'strict exists($[*].a)', silent => false)
select jsonb_path_match('[{"a": 1}, {"a": 2}, 3]', 'strict exists($[*].a)', silent => true)
select jsonb_path_match('1', '$')
select jsonb_path_match('1', '$', silent => true)
select jsonb_path_match('null', '$'), jsonb_path_match('[true]', '$[0]'), jsonb_path_match('[true, true]', '$[*]', silent => true)
SELECT jsonb '[{"a": 1}, {"a": 2}]' @@ '$[*].a > 1', jsonb '[{"a": 1}, {"a": 2}]' @@ '$[*].a > 2', jsonb_path_match('[{"a": 1}, {"a": 2}]', '$[*].a > 1')

-- case: jsonpath_item_methods
select jsonb_path_query('[null,1,true,"a",[],{}]', '$.type()')
select jsonb_path_query('[null,1,true,"a",[],{}]', 'lax $.type()')
select jsonb_path_query('[null,1,true,"a",[],{}]', '$[*].type()')
select jsonb_path_query('null', 'null.type()')
select jsonb_path_query('null', 'true.type()')
select jsonb_path_query('null', '(123).type()')
select jsonb_path_query('null', '"123".type()')
select jsonb_path_query('[1, 2, 3]', '($[*] > 2) ? (@ == true)')
select jsonb_path_query('[1, 2, 3]', '($[*] > 3).type()')
select jsonb_path_query('[1, 2, 3]', '($[*].a > 3).type()')
select jsonb_path_query('[1, 2, 3]', 'strict ($[*].a > 3).type()')
select jsonb_path_query('[1,null,true,"11",[],[1],[1,2,3],{},{"a":1,"b":2}]', 'strict $[*].size()')
select jsonb_path_query('[1,null,true,"11",[],[1],[1,2,3],{},{"a":1,"b":2}]', 'strict $[*].size()', silent => true)
select jsonb_path_query('[1,null,true,"11",[],[1],[1,2,3],{},{"a":1,"b":2}]', 'lax $[*].size()')
select jsonb_path_query('[0, 1, -2, -3.4, 5.6]', '$[*].abs()')
select jsonb_path_query('[0, 1, -2, -3.4, 5.6]', '$[*].floor()')
select jsonb_path_query('[0, 1, -2, -3.4, 5.6]', '$[*].ceiling()')
select jsonb_path_query('[0, 1, -2, -3.4, 5.6]', '$[*].ceiling().abs()')
select jsonb_path_query('[0, 1, -2, -3.4, 5.6]', '$[*].ceiling().abs().type()')
select jsonb_path_query('[{},1]', '$[*].keyvalue()')
select jsonb_path_query('[{},1]', '$[*].keyvalue()', silent => true)
select jsonb_path_query('{}', '$.keyvalue()')
select jsonb_path_query('{"a": 1, "b": [1, 2], "c": {"a": "bbb"}}', '$.keyvalue()')
select jsonb '{"a": 1, "b": [1, 2]}' @? 'lax $.keyvalue()', jsonb '{"a": 1, "b": [1, 2]}' @? 'lax $.keyvalue().key'
select jsonb_path_query('{}', '$.abs()')
select jsonb_path_query('true', '$.floor()')
select jsonb_path_query('"1.2"', '$.ceiling()')
select jsonb_path_query('{}', '$.abs()', silent => true)
select jsonb_path_query('true', '$.floor()', silent => true)
select jsonb_path_query('"1.2"', '$.ceiling()', silent => true)

-- case: jsonpath_double
select jsonb_path_query('null', '$.double()')
select jsonb_path_query('true', '$.double()')
select jsonb_path_query('null', '$.double()', silent => true)
select jsonb_path_query('true', '$.double()', silent => true)
select jsonb_path_query('[]', '$.double()')
select jsonb_path_query('[]', 'strict $.double()')
select jsonb_path_query('{}', '$.double()')
select jsonb_path_query('[]', 'strict $.double()', silent => true)
select jsonb_path_query('{}', '$.double()', silent => true)
select jsonb_path_query('1.23', '$.double()')
select jsonb_path_query('"1.23"', '$.double()')
select jsonb_path_query('"1.23aaa"', '$.double()')
select jsonb_path_query('"nan"', '$.double()')
select jsonb_path_query('"NaN"', '$.double()')
select jsonb_path_query('"inf"', '$.double()')
select jsonb_path_query('"-inf"', '$.double()')
select jsonb_path_query('"inf"', '$.double()', silent => true)
select jsonb_path_query('"-inf"', '$.double()', silent => true)
select jsonb_path_query('1e400', '$.double()')
select jsonb_path_query_array('["1.23456789012345678", " 12 ", "1e3", "-0"]', '$[*].double()')

-- case: jsonpath_starts_with_like_regex
select jsonb_path_query('["", "a", "abc", "abcabc"]', '$[*] ? (@ starts with "abc")')
select jsonb_path_query('["", "a", "abc", "abcabc"]', 'strict $ ? (@[*] starts with "abc")')
select jsonb_path_query('["", "a", "abd", "abdabc"]', 'strict $ ? (@[*] starts with "abc")')
select jsonb_path_query('["abc", "abcabc", null, 1]', 'strict $ ? (@[*] starts with "abc")')
select jsonb_path_query('["abc", "abcabc", null, 1]', 'strict $ ? ((@[*] starts with "abc") is unknown)')
select jsonb_path_query('[[null, 1, "abc", "abcabc"]]', 'lax $ ? (@[*] starts with "abc")')
select jsonb_path_query('[[null, 1, "abd", "abdabc"]]', 'lax $ ? ((@[*] starts with "abc") is unknown)')
select jsonb_path_query('[null, 1, "abd", "abdabc"]', 'lax $[*] ? ((@ starts with "abc") is unknown)')
select jsonb_path_query('["abc", "xyz"]', '$[*] ? (@ starts with $p)', '{"p": "x"}')
select jsonb_path_query('[null, 1, "abc", "abd", "aBdC", "abdacb", "babc"]', 'lax $[*] ? (@ like_regex "^ab.*c")')
select jsonb_path_query('[null, 1, "abc", "abd", "aBdC", "abdacb", "adc\nabc", "babc"]', 'lax $[*] ? (@ like_regex "^ab.*c" flag "s")')
select jsonb_path_query('[null, 1, "abc", "abd", "aBdC", "abdacb", "babc"]', 'lax $[*] ? (@ like_regex "^ab.*c" flag "i")')
select jsonb_path_query('[null, 1, "a\b", "a\\b", "^a\\b$"]', 'lax $[*] ? (@ like_regex "a\\b" flag "q")')
select jsonb_path_query('[null, 1, "a\b", "a\\b", "^a\\b$"]', 'lax $[*] ? (@ like_regex "a\\b" flag "")')
select jsonb_path_query('[null, 1, "a\b", "a\\b", "^a\\b$"]', 'lax $[*] ? (@ like_regex "^a\\b$" flag "q")')
select jsonb_path_query('[null, 1, "a\b", "a\\b", "^a\\b$"]', 'lax $[*] ? (@ like_regex "^A\\B$" flag "iq")')
select jsonb_path_query('[null, 1, "a\b", "a\\b", "^a\\b$"]', 'lax $[*] ? (@ like_regex "^a\\b$" flag "")')
select jsonb_path_query('["abc", "x1y2", "x"]', 'strict $[*] ? (@ like_regex "[0-9]")')

-- case: jsonpath_query_functions
SELECT jsonb_path_query('[{"a": 1}, {"a": 2}]', '$[*]')
SELECT jsonb_path_query('[{"a": 1}, {"a": 2}]', '$[*] ? (@.a > 10)')
SELECT jsonb_path_query_array('[{"a": 1}, {"a": 2}, {}]', 'strict $[*].a')
SELECT jsonb_path_query_array('[{"a": 1}, {"a": 2}]', '$[*].a')
SELECT jsonb_path_query_array('[{"a": 1}, {"a": 2}]', '$[*].a ? (@ == 1)')
SELECT jsonb_path_query_array('[{"a": 1}, {"a": 2}]', '$[*].a ? (@ > 10)')
SELECT jsonb_path_query_array('[{"a": 1}, {"a": 2}, {"a": 3}, {"a": 5}]', '$[*].a ? (@ > $min && @ < $max)', vars => '{"min": 1, "max": 4}')
SELECT jsonb_path_query_array('[{"a": 1}, {"a": 2}, {"a": 3}, {"a": 5}]', '$[*].a ? (@ > $min && @ < $max)', vars => '{"min": 3, "max": 4}')
SELECT jsonb_path_query_first('[{"a": 1}, {"a": 2}, {}]', 'strict $[*].a')
SELECT jsonb_path_query_first('[{"a": 1}, {"a": 2}, {}]', 'strict $[*].a', silent => true)
SELECT jsonb_path_query_first('[{"a": 1}, {"a": 2}]', '$[*].a')
SELECT jsonb_path_query_first('[{"a": 1}, {"a": 2}]', '$[*].a ? (@ == 1)')
SELECT jsonb_path_query_first('[{"a": 1}, {"a": 2}]', '$[*].a ? (@ > 10)')
SELECT jsonb_path_query_first('[{"a": 1}, {"a": 2}, {"a": 3}, {"a": 5}]', '$[*].a ? (@ > $min && @ < $max)', vars => '{"min": 1, "max": 4}')
SELECT jsonb '[{"a": 1}, {"a": 2}]' @? '$[*].a ? (@ > 1)', jsonb '[{"a": 1}, {"a": 2}]' @? '$[*] ? (@.a > 2)', jsonb_path_exists('[{"a": 1}, {"a": 2}]', '$[*].a ? (@ > 1)')
SELECT jsonb_path_exists('[{"a": 1}, {"a": 2}, {"a": 3}, {"a": 5}]', '$[*] ? (@.a > $min && @.a < $max)', vars => '{"min": 1, "max": 4}'), jsonb_path_exists('[{"a": 1}, {"a": 2}, {"a": 3}, {"a": 5}]', '$[*] ? (@.a > $min && @.a < $max)', vars => '{"min": 3, "max": 4}')
SELECT jsonb_path_query_tz('[1, "x"]', '$[*] ? (@ == "x")'), jsonb_path_exists_tz('{"a": 1}', '$.a'), jsonb_path_match_tz('1', '$ == 1'), jsonb_path_query_array_tz('[1, 2]', '$[*]'), jsonb_path_query_first_tz('[1, 2]', '$[last]')
SELECT jsonb_path_query(NULL, '$'), jsonb_path_exists('{}', NULL), jsonb_path_query_array('[1]', '$[*]', NULL), jsonb '{}' @? NULL
SELECT n, jsonb_path_query_array(j, '$.items[*] ? (@.qty > 1).sku') FROM (VALUES (1, jsonb '{"items": [{"sku": "a", "qty": 2}, {"sku": "b", "qty": 1}]}'), (2, '{"items": []}'), (3, '{}')) v(n, j) ORDER BY n
SELECT x.j FROM jsonb_path_query('{"a": [{"b": 1}, {"b": "x"}, {"c": 3}]}', '$.a[*].b') x(j)
SELECT count(*) FROM jsonb_path_query('[1,2,3,4,5,6,7,8,9,10]', '$[*] ? (@ % 2 == 0)')
SELECT '$.a ? (@ > 1)'::jsonpath AS p, pg_typeof(jsonb_path_query_first('[1]', '$[0]'))

-- case: jsonpath_edges
select jsonb_path_query_array('{"b": 1, "a": 2, "aa": {"x": [1, {"y": 2}]}}', '$.**')
select jsonb_path_query_array('{"b": 1, "a": 2, "aa": {"x": [1, {"y": 2}]}}', 'lax $.*.*')
select jsonb_path_query_array('[[1, [2]], {"a": [3]}]', 'lax $[*][*]')
select jsonb_path_query_array('[[1, [2]], {"a": [3]}]', 'strict $[*][*]')
select jsonb_path_query_array('[[1, [2]], {"a": [3]}]', 'strict $[*][*]', silent => true)
select jsonb_path_query_array('[1, "a", null, true, [1], {"a": 1}]', '$[*] ? (@ < 2)'), jsonb_path_query_array('[1, "a", null, true, [1], {"a": 1}]', '$[*] ? (@ != 1)'), jsonb_path_query_array('[1, "a", null, true, [1], {"a": 1}]', 'strict $[*] ? (@ != 1)')
select jsonb_path_query_array('["a", "b", "ab", "B", "é", "e"]', '$[*] ? (@ > "a")'), jsonb_path_query_array('[true, false]', '$[*] ? (@ > false)'), jsonb_path_query_array('[null]', '$[*] ? (@ >= null)')
select jsonb_path_query_array('[1, 2.0, 2.00, 3]', '$[*] ? (@ == 2)'), jsonb_path_query_array('[1, 2, 3]', '$[*] ? (@ == $x)', '{"x": 2.000}')
select jsonb_path_query('[1,2,3]', '$[$[0]]'), jsonb_path_query_array('[1,2,3]', '$[0 to -1]'), jsonb_path_query_array('[1,2,3]', 'lax $[-5 to 1]')
select jsonb_path_query('[1,2,3]', 'strict $[-1]')
select jsonb_path_query('[1,2,3]', 'strict $[2 to 1]')
select jsonb_path_query('[1,2,3]', '$[$[*]]')
select jsonb_path_query('[1,2,3]', '$["x"]')
select jsonb_path_query('[1,2,3]', '$[1e10]')
select jsonb_path_query('{"a": 1}', '$.a + $.b')
select jsonb_path_query('{"a": 1}', 'strict $.a + $.b')
select jsonb_path_query('{"a": [1, 2]}', '$.a.size() + $.a[last]'), jsonb_path_query('{"a": 5}', '$.a.size()'), jsonb_path_query('"x"', '$.type()')
select jsonb_path_query('{"a": 1}', '$.b.size()')
select jsonb_path_query('{"a": {"b": [1, 2]}}', 'strict $.a.b.size()')
select jsonb_path_query('1', '$.a', '{"a": 1}'), jsonb_path_query('{"a": {"b": 3}}', '$x.b', '{"x": {"b": 4}}'), jsonb_path_query('{}', '$x[*]', '{"x": [5, 6]}')
select jsonb_path_query('{}', '$y', '{"x": 1}')
select jsonb_path_query('{}', '$y', '{"x": 1}', true)
select jsonb_path_query('{}', '$', '"s"')
select jsonb_path_exists('{}', '$ ? (@ == $y)', '{}', true)
select jsonb_path_match('{"a": true}', '$.a'), jsonb_path_match('{"a": true}', '$.b', silent => true), jsonb_path_match('{"a": "t"}', '$.a', silent => true)
select jsonb_path_match('{"a": "t"}', '$.a')
select jsonb_path_match('[]', '$[*]')
select jsonb_path_query('{"a": 10}', '$.a / 3'), jsonb_path_query('{"a": 10}', '$.a / 3.0'), jsonb_path_query('{"a": 1e-3}', '$.a * 1000'), jsonb_path_query('{"a": 2}', '$.a % 0.7')
select jsonb_path_query('{"a": 10}', '$.a / 0')
select jsonb_path_query('{"a": 10}', '$.a % 0', silent => true)
select jsonb_path_query('[1, 2]', '$ ? (@[*] > 1)'), jsonb_path_query_array('[{"a": [1, 5]}, {"a": [0]}]', '$[*] ? (@.a[*] > 4)'), jsonb_path_query_array('[{"a": [1, 5]}, {"a": [0]}]', 'strict $[*] ? (@.a[*] > 4)')
select jsonb_path_query_array('[{"a": 1}, {"b": 2}, 3]', 'strict $[*] ? (@.a == 1)'), jsonb_path_query_array('[{"a": 1}, {"b": 2}, 3]', 'strict $[*] ? ((@.a == 1) is unknown)')
select jsonb_path_query_array('["ab", "cd", 1]', '$[*] ? (@ starts with "a" || @ == 1)'), jsonb_path_query_array('["ab", "cd", 1]', '$[*] ? (!(@ starts with "a"))')
select jsonb_path_query_array('{"k": [{"id": 1, "tags": ["x", "y"]}, {"id": 2, "tags": ["z"]}]}', '$.k[*] ? (@.tags[*] == "y").id'), jsonb_path_query_array('{"k": [{"id": 1, "tags": ["x", "y"]}, {"id": 2, "tags": ["z"]}]}', '$.k[*].tags.size()')
select jsonb_path_query_array('{"a": {"x": 1}, "b": {"x": 2}}', '$.* ? (@.x > 1)'), jsonb_path_query_array('{"a": [1, 2], "b": 3}', '$.*[*]'), jsonb_path_query_array('{"a": [1, 2], "b": 3}', 'strict $.*[*]', silent => true)
select jsonb_path_query_array('[1, [2, 3], [[4]]]', '$[*].type()'), jsonb_path_query_array('[1, [2, 3], [[4]]]', 'lax $.size()'), jsonb_path_query_array('[1, [2, 3], [[4]]]', '$[*].size()')
select jsonb_path_query_array('{"a": 1, "bb": [2], "c": {"d": null}}', '$.keyvalue()'), jsonb_path_query_array('{"a": 1, "bb": [2]}', '$.keyvalue().value'), jsonb_path_query_array('{"a": 1, "bb": [2]}', '$.keyvalue() ? (@.key == "bb").id')
select jsonb_path_query('{"a": 1}', '$.keyvalue().a')
select jsonb_path_query('{"a": 1}', 'strict $.keyvalue().a')
select jsonb_path_query_array('[-1.5, 2.4, -0.5]', '$[*].floor()'), jsonb_path_query_array('[-1.5, 2.4, -0.5]', '$[*].ceiling()'), jsonb_path_query_array('[-1.5, 2.4, -0.5, 0]', '$[*].abs()'), jsonb_path_query_array('[[-1.5, [2]]]', '$[*].abs()')
select jsonb_path_query('[[-1.5, [2]]]', 'strict $[*].abs()')
select jsonb_path_query('[[-1.5, [2]]]', '$[*].abs()')
select jsonb_path_query('{"a": [1, 2]}', '-$.a')
select jsonb_path_query('{"a": ["x", 2]}', '-$.a')
select jsonb_path_query('{"a": ["x", 2]}', '-$.a', silent => true)
select jsonb '{"a": ["x", 2]}' @? '-$.a', jsonb '{"a": ["x", "y"]}' @? '-$.a', jsonb '{"a": [1]}' @? '-$.a', jsonb '{"a": 1}' @? '$.a ? (@ like_regex "1")'
select jsonb_path_query('{"a": 1}', '$ ? (@.a like_regex "a" flag "m")')
select jsonb_path_query('[1, 2, 3]', '$[*] ? (@ > 1) ? (@ < 3)'), jsonb_path_query('{"a": {"a": {"a": 1}}}', '$.a.a ? ($.a.a.a == 1).a')
select jsonb_path_query('{"x": [1, 2, 3]}', '$.x[last - 1 to last]'), jsonb_path_query('{"x": [1, 2, 3]}', '$.x[last] + $.x[0]')

-- case: jsonpath_values
SELECT DISTINCT p FROM (VALUES ('$.a'::jsonpath), ('$.a')) v(p)
SELECT p FROM (VALUES ('$.a'::jsonpath), ('$.b')) v(p) ORDER BY p
SELECT p, count(*) FROM (VALUES ('$.a'::jsonpath), ('$.a')) v(p) GROUP BY p
SELECT '$.a'::jsonpath UNION SELECT '$.b'::jsonpath
SELECT '$.a'::jsonpath UNION ALL SELECT '$.b'::jsonpath
SELECT '$.a'::jsonpath = '$.a'::jsonpath
SELECT greatest('$.a'::jsonpath, '$.b')
SELECT ARRAY['$.a'::jsonpath, '$[*]'], ('$.a'::jsonpath)::text, '$.a'::text::jsonpath, pg_typeof(ARRAY['$'::jsonpath])
SELECT max(p) FROM (VALUES ('$.a'::jsonpath)) v(p)
SELECT count(DISTINCT p) FROM (VALUES ('$.a'::jsonpath)) v(p)
SELECT array_agg(p) FROM (VALUES ('$.a'::jsonpath), (NULL)) v(p)
SELECT p IS DISTINCT FROM p FROM (VALUES ('$.a'::jsonpath)) v(p)
SELECT CASE WHEN true THEN '$.a'::jsonpath ELSE '$.b' END, coalesce(NULL, '$'::jsonpath), nullif('$'::jsonpath, '$')
SELECT '{}'::json UNION SELECT '{}'::json
SELECT 1, '{}'::json INTERSECT SELECT 2, '[]'::json


-- case: jsonpath_datetime_iso
SELECT jsonb_path_query('"2017-03-10"', '$.datetime()'), jsonb_path_query('"12:34:56"', '$.datetime()'), jsonb_path_query('"12:34:56+3"', '$.datetime()'), jsonb_path_query('"12:34:56+05:30"', '$.datetime()')
SELECT jsonb_path_query('"2017-03-10 12:34:56"', '$.datetime()'), jsonb_path_query('"2017-03-10T12:34:56-08"', '$.datetime()'), jsonb_path_query('"2017-03-10 12:34:56+00"', '$.datetime()'), jsonb_path_query('"2017-03-10T12:34:56+00:00"', '$.datetime()')
SELECT jsonb_path_query('["2017-03-10", "12:34:56", "12:34:56+3", "2017-03-10 12:34:56", "2017-03-10T12:34:56+3"]', '$[*].datetime().type()')
SELECT jsonb_path_query('"2017-03-10"', '$.datetime().type()'), jsonb_path_query_array('["2017-03-10", "2017-03-11"]', '$[*].datetime()'), jsonb_path_exists('"2017-03-10"', '$.datetime()'), jsonb_path_query_tz('"2017-03-10"', '$.datetime()')
SELECT jsonb_path_query('1', '$.datetime()')
SELECT jsonb_path_query('1', '$.datetime()', '{}', true), jsonb_path_query('"2017-03-10"', '$.datetime().size()'), jsonb_path_query('"2017-03-10"', '$.datetime() ? (@ starts with "2")')
SELECT jsonb_path_query('"2017-03-10"', '$.datetime() + 1')
SELECT jsonb_path_query('"2017-03-10"', '$.datetime() ? (@ == "2017-03-10")'), jsonb_path_query('"0099-03-10"', '$.datetime()'), jsonb_path_query('"2020-02-29"', '$.datetime()')
SELECT jsonb_path_match('"2017-03-10"', '$.datetime()')
SELECT jsonb_path_query('"2017-03-10"', 'strict $.datetime().a')
SELECT jsonb_path_query('"2017-03-10"', 'lax $.datetime().a'), jsonb_path_query('"2017-03-10"', '$.datetime().double()', silent => true)
SELECT jsonb_path_query('"2017-03-10"', '$.datetime().datetime()')
