-- schema: tests/differential/schemas/reads.sql
-- The json and jsonb functions ETL code calls: the builders (to_json,
-- to_jsonb, json[b]_build_array, json[b]_build_object over arrays and
-- timestamps, json_object, jsonb_object, array_to_json), the editing
-- functions (jsonb_set, jsonb_set_lax, jsonb_insert, the - and #-
-- operators, || concatenation, strip_nulls, jsonb_pretty), the inspectors
-- (typeof, array_length, extract_path) and the one-column set-returning
-- functions (array_elements[_text], object_keys) in the target list and in
-- FROM, with PostgreSQL's errors.

-- case: json_build_array_and_to_json
SELECT jsonb_build_array(1, 'a', true, NULL, 2.50, '{"x":1}'::jsonb), json_build_array(1, 'a', true, NULL, 2.50, '{"x" : 1}'::json)
SELECT json_build_array(), jsonb_build_array(), json_build_array(ARRAY[1,2], ARRAY['a',NULL]::text[]), jsonb_build_array(ARRAY[1,2])
SELECT to_json(1), to_json('a"b'::text), to_json(true), to_json(NULL::int), to_json(1.50::numeric), to_json('NaN'::numeric), to_json('Infinity'::float8), to_json(1e20::float8)
SELECT to_jsonb(1), to_jsonb('a"b'::text), to_jsonb(false), to_jsonb(1.50), to_jsonb(1e20::float8), to_jsonb('{"b":1, "a":[1, 2]}'::json), to_jsonb('{"b":1}'::jsonb)
SELECT to_json(ARRAY[1,2,3]), to_jsonb(ARRAY['x','y']), to_json(ARRAY[]::int[]), to_json('{"a" : 1}'::json), to_json(ARRAY['{"a":1}'::jsonb])
SELECT to_json(date '2024-01-31'), to_json(timestamp '2024-01-31 12:34:56.789'), to_json(timestamptz '2024-01-31 12:34:56+02'), to_json(time '12:34:56'), to_json(interval '1 day 2 hours')
SELECT to_jsonb(timestamp '2024-01-31 12:34:56'), to_json('infinity'::timestamp), to_json('epoch'::date), json_build_object('d', date '2024-02-29', 'ts', timestamp '2024-02-29 01:02:03')
SET TimeZone = 'Asia/Kolkata'
SELECT to_json(timestamptz '2024-01-31 12:34:56+00'), jsonb_build_object('t', timestamptz '2024-01-31 12:34:56+00')
RESET TimeZone
SELECT json_build_object('a', ARRAY[1,2], 'b', ARRAY[]::text[])
SELECT to_json('abc')

-- case: json_object_builders
SELECT json_object('{a,1,b,2}'), json_object('{a,b}', '{1,NULL}'), json_object('{}'::text[]), jsonb_object('{b,2,a,1,a,3}'), jsonb_object('{a,b}', '{x,y}')
SELECT json_object('{a,1,b}')
SELECT json_object('{a,b}', '{1}')
SELECT json_object('{NULL,1}')
SELECT jsonb_object('{"a b",NULL}')
SELECT array_to_json(ARRAY[1,2,3]), array_to_json(ARRAY['a','b'], true), array_to_json(ARRAY[1,NULL]::int[], false), array_to_json('{}'::int[], true)

-- case: json_builders_over_rows
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, to_json(t), to_jsonb(num), to_json(ia), to_jsonb(ta), json_build_array(id, b, d) FROM samples ORDER BY id
SELECT id, to_json(ts), to_json(tstz), to_jsonb(f8), to_json(j), to_jsonb(jb) FROM samples ORDER BY id

-- case: jsonb_set_cases
SELECT jsonb_set('{"a":1,"b":[1,2,3]}', '{a}', '"x"'), jsonb_set('{"a":1}', '{c}', '2'), jsonb_set('{"a":1}', '{c}', '2', false)
SELECT jsonb_set('{"a":{"b":1}}', '{a,b}', '[1]'), jsonb_set('{"a":{"b":1}}', '{a,c}', 'null'), jsonb_set('{"a":{"b":1}}', '{x,y}', '1')
SELECT jsonb_set('[1,2,3]', '{0}', '9'), jsonb_set('[1,2,3]', '{-1}', '9'), jsonb_set('[1,2,3]', '{10}', '9'), jsonb_set('[1,2,3]', '{-10}', '9'), jsonb_set('[1,2,3]', '{-10}', '9', false)
SELECT jsonb_set('[]', '{0}', '1'), jsonb_set('[]', '{0}', '1', false), jsonb_set('{}', '{a}', '1', false), jsonb_set('{"a":[1,{"b":2}]}', '{a,1,b}', '3'), jsonb_set('{"a":1}', '{}', '2')
SELECT jsonb_set('{"a":1}', '{a,b}', '2'), jsonb_set('[1]', '{" 0"}', '5'), jsonb_set('{"a":1}', '{a}', NULL)
SELECT jsonb_set('1', '{a}', '2')
SELECT jsonb_set('[1,2]', '{x}', '2')
SELECT jsonb_set('{"a":1}', '{NULL}', '2')
SELECT jsonb_set('[1,2]', '{0 }', '2')

-- case: jsonb_set_lax_cases
SELECT jsonb_set_lax('{"a":1,"b":2}', '{a}', NULL), jsonb_set_lax('{"a":1,"b":2}', '{a}', NULL, true, 'delete_key'), jsonb_set_lax('{"a":1}', '{a}', NULL, true, 'return_target'), jsonb_set_lax('{"a":1}', '{a}', '5')
SELECT jsonb_set_lax(NULL, '{a}', NULL), jsonb_set_lax('{"a":1}', '{a}', '2', NULL)
SELECT jsonb_set_lax('{"a":1}', '{a}', NULL, true, 'raise_exception')
SELECT jsonb_set_lax('{"a":1}', '{a}', NULL, true, 'nope')
SELECT jsonb_set_lax('{"a":1}', '{a}', '1', true, NULL)

-- case: jsonb_insert_cases
SELECT jsonb_insert('{"a":[0,1,2]}', '{a,1}', '"new"'), jsonb_insert('{"a":[0,1,2]}', '{a,1}', '"new"', true), jsonb_insert('{"a":[0,1,2]}', '{a,-1}', '"new"'), jsonb_insert('{"a":[0,1,2]}', '{a,10}', '"new"')
SELECT jsonb_insert('{"a":[0,1,2]}', '{a,-10}', '"new"'), jsonb_insert('[]', '{0}', '1'), jsonb_insert('{"a":1}', '{b}', '2'), jsonb_insert('{"a":{"b":1}}', '{a,c}', '2', true)
SELECT jsonb_insert('{"a":1}', '{a}', '2')
SELECT jsonb_insert('"s"', '{0}', '2')

-- case: jsonb_delete_operators
SELECT '{"a":1,"b":2}'::jsonb - 'a', '["a","b","a",1]'::jsonb - 'a', '{"a":1}'::jsonb - 'x', '[]'::jsonb - 'a', '{"a":1,"b":2,"c":3}'::jsonb - '{a,c}'::text[], '["a","b"]'::jsonb - '{a,NULL}'::text[]
SELECT '[1,2,3]'::jsonb - 0, '[1,2,3]'::jsonb - -1, '[1,2,3]'::jsonb - 5, '[1,2,3]'::jsonb - -5, '[]'::jsonb - 0
SELECT '{"a":{"b":[1,2]}}'::jsonb #- '{a,b,0}', '{"a":1}'::jsonb #- '{b}', '[1,[2,3]]'::jsonb #- '{1,-1}', '{"a":1}'::jsonb #- '{}', '[1,2]'::jsonb #- '{-9}'
SELECT '"x"'::jsonb - 'x'
SELECT '{"a":1}'::jsonb - 1
SELECT '1'::jsonb #- '{a}'
SELECT '[1,2]'::jsonb #- '{a}'
SELECT '3'::jsonb - 0

-- case: jsonb_concat_cases
SELECT '{"a":1}'::jsonb || '{"b":2,"a":3}', '[1,2]'::jsonb || '[3]', '[1]'::jsonb || '{"a":1}', '{"a":1}'::jsonb || '[1]', '1'::jsonb || '2', '"a"'::jsonb || '[1]'
SELECT '{}'::jsonb || '[]', '[]'::jsonb || '{}', '[]'::jsonb || '1', '{}'::jsonb || '{"a":1}', '[]'::jsonb || '[1]', '{"a":1}'::jsonb || NULL
SELECT id, jb || '{"z":0}' FROM (VALUES (1, '{"a":1}'::jsonb), (2, '[1]'), (3, NULL)) v(id, jb) ORDER BY id

-- case: json_strip_and_pretty
SELECT jsonb_strip_nulls('{"a":1,"b":null,"c":[1,null,{"d":null,"e":2}]}'), jsonb_strip_nulls('null'), jsonb_strip_nulls('[null]')
SELECT json_strip_nulls('{"a": 1, "b": null, "c" : [1, null, {"d": null, "e": "\u00e9"}], "a": 2.50}'), json_strip_nulls(' 1 '), json_strip_nulls('"x"')
SELECT jsonb_pretty('{"a":1,"b":[1,2,{"c":null}],"d":{},"e":[]}'), jsonb_pretty('[]'), jsonb_pretty('{}'), jsonb_pretty('"s"'), jsonb_pretty('[[1],{"a":[]}]')

-- case: json_inspectors
SELECT jsonb_typeof('{}'), jsonb_typeof('[1]'), jsonb_typeof('"x"'), jsonb_typeof('1.5'), jsonb_typeof('true'), jsonb_typeof('null'), json_typeof(' {"a":1}'), json_typeof('-1'), json_typeof('false'), json_typeof('null')
SELECT jsonb_array_length('[1,2,[3]]'), jsonb_array_length('[]'), json_array_length('[1, 2, {"a":[1]}]'), json_array_length(' [] ')
SELECT jsonb_array_length('{"a":1}')
SELECT jsonb_array_length('5')
SELECT json_array_length('{"a":1}')
SELECT json_array_length('"x"')
SELECT jsonb_extract_path('{"a":{"b":[10,20]}}', 'a', 'b', '1'), jsonb_extract_path_text('{"a":{"b":"x"}}', 'a', 'b'), json_extract_path('{"a" : {"b" : [10, 20]}}', 'a', 'b'), json_extract_path_text('{"a":null}', 'a'), jsonb_extract_path('{"a":1}', 'z')
SELECT id, jsonb_typeof(jb), json_typeof(j), jsonb_extract_path_text(jb, 'a') FROM samples ORDER BY id

-- case: json_set_returning
SELECT jsonb_array_elements('[1,"a",null,{"b":2}]'), jsonb_array_elements_text('[1,"a",null,{"b":2}]')
SELECT json_array_elements('[1, "a" , null,{"b" : 2}]'), json_array_elements_text('[1, "a\"", null]')
SELECT jsonb_object_keys('{"b":1,"a":2,"aa":3}'), json_object_keys('{"b":1,"a":2,"b":3}')
SELECT * FROM jsonb_array_elements('[1,[2],"x"]')
SELECT * FROM json_array_elements_text('["x",1]') WITH ORDINALITY
SELECT e.value FROM jsonb_array_elements_text('["p","q"]') AS e
SELECT v.x FROM jsonb_array_elements('[3,4]') AS v(x)
SELECT * FROM jsonb_object_keys('{"k":1,"j":2}') AS k
SELECT count(*) FROM jsonb_array_elements('[]')
SELECT jsonb_array_elements(NULL)
SELECT jsonb_array_elements('{"a":1}')
SELECT jsonb_array_elements('1')
SELECT json_array_elements('{"a":1}')
SELECT json_array_elements_text('2')
SELECT jsonb_object_keys('[1]')
SELECT jsonb_object_keys('1')
SELECT json_object_keys('[1]')
SELECT json_object_keys('"s"')

-- case: jsonb_btree_order
SELECT v FROM (VALUES ('{"a":1}'::jsonb), ('[1,2]'), ('[]'), ('1'), ('"a"'), ('null'), ('true'), ('false'), ('{}'), ('[1]'), ('2.5'), ('"B"'), ('{"b":1}'), ('{"a":2}'), ('{"aa":1}'), ('[[1]]'), ('["a"]'), ('{"a":1,"b":2}'), ('[null]'), ('[1,"a"]'), ('[true]')) t(v) ORDER BY v
SELECT v FROM (VALUES ('{"a":[1,2]}'::jsonb), ('{"a":{"x":1}}'), ('{"a":"s"}'), ('{"a":null}'), ('{"b":[]}'), ('1.0'), ('1'), ('-3'), ('"é"'), ('"e"')) t(v) ORDER BY v DESC
SELECT '1'::jsonb < '[]', '1'::jsonb > '[1,2]', '[1]'::jsonb > '1', '{}'::jsonb > '[1,2,3]', '"z"'::jsonb < '0', 'true'::jsonb > '1', '1.0'::jsonb <= '1', '{"a":1}'::jsonb >= '{"a":1}'
SELECT DISTINCT v FROM (VALUES ('{"a":1.0}'::jsonb), ('{"a":1}'), ('[1]'), ('null')) t(v) ORDER BY v
SELECT greatest('[1]'::jsonb, '2', '{}'), least('"a"'::jsonb, 'null', '1'), max(v::text), min(v::text) FROM (VALUES ('[1]'::jsonb)) t(v)
SELECT v, rank() OVER (ORDER BY v) FROM (VALUES ('[2]'::jsonb), ('1'), ('{"a":1}'), ('[1]')) t(v) ORDER BY v

-- case: json_functions_over_rows
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, jsonb_typeof(jb), json_typeof(j), jsonb_extract_path_text(jb, 'a'), jsonb_set(jb, '{z}', to_jsonb(id)), jb - 'a', jsonb_strip_nulls(jb) FROM samples ORDER BY id
SELECT id, jsonb_array_elements(jb -> 'b') FROM samples ORDER BY id, 2
SELECT id, json_array_length(j -> 'b'), to_jsonb(ia) || to_jsonb(ta) FROM samples ORDER BY jb, id


-- case: json_srf_whole_row
SELECT e FROM jsonb_array_elements_text('["p","q"]') AS e

-- case: json_each_record
SELECT * FROM jsonb_each('{"a":1,"b":"x"}')
SELECT key, value FROM json_each_text('{"a":1,"b":null}')
SELECT jsonb_each('{"a":1}')
SELECT * FROM json_each('{"a" : [1, 2 ], "a":null,"b":"x\u00e9", "c": {"d" :1.50}}')
SELECT * FROM json_each_text('{"a" : [1, 2 ], "a":null,"b":"x\u00e9", "c": {"d" :1.50}}')
SELECT * FROM jsonb_each_text('{"a" : [1, 2 ], "b":null,"c":"x","d":{"e": 1.50}}')
SELECT * FROM jsonb_each('{}')
SELECT * FROM jsonb_each('[1]')
SELECT * FROM jsonb_each_text('1')
SELECT * FROM json_each('[1]')
SELECT * FROM json_each_text('"x"')
SELECT * FROM jsonb_each(NULL)
SELECT jsonb_each('{"a":"x y", "b": null}'), json_each_text('{"q": "it''s"}')
SELECT e.k, e.v FROM jsonb_each('{"b": 2, "a": [1]}') AS e(k, v) ORDER BY e.k
SELECT e FROM jsonb_each('{"b": 2, "a": [1]}') e ORDER BY 1
SELECT n, e.key, e.value FROM (VALUES (1, jsonb '{"x": 1, "y": true}'), (2, '{"z": null}')) v(n, j), jsonb_each(v.j) e ORDER BY n, e.key
SELECT n, count(*) FROM (VALUES (1, jsonb '{"x": 1, "y": true}'), (2, '{}')) v(n, j) LEFT JOIN LATERAL jsonb_each_text(j) e ON true GROUP BY n ORDER BY n
SELECT key, sum(value::int) FROM jsonb_each_text('{"a": "1", "b": "2"}') GROUP BY key ORDER BY key
SELECT pg_typeof(value), pg_typeof(key) FROM json_each('{"a": 1}')
