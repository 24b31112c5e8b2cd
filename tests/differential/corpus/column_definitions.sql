-- Column definition lists (`FROM f() AS t(a int, …)`) and set-returning
-- functions inside target-list expressions; crosstab and xpath are typed
-- (views over them are created) and refused by name when they run.

-- case: definition_list_errors
CREATE EXTENSION tablefunc
SELECT * FROM crosstab('select 1, 2, 3')
SELECT * FROM generate_series(1, 2) AS t(a int)
SELECT * FROM unnest(ARRAY[1, 2]) AS t(a int, b int)
CREATE FUNCTION outp(OUT a int, OUT b text) LANGUAGE sql AS $$ SELECT 1, 'a'::text $$
SELECT * FROM outp() AS t(a int, b text)
CREATE TABLE pair (a int, b text)
CREATE FUNCTION pairs() RETURNS SETOF pair LANGUAGE sql AS $$ SELECT * FROM pair $$
SELECT * FROM pairs() AS t(a int, b text)
CREATE FUNCTION one_out(OUT a int) LANGUAGE sql AS $$ SELECT 1 $$
SELECT * FROM one_out() AS t(a int)

-- case: crosstab_view
CREATE EXTENSION tablefunc
CREATE TABLE ct (r text, c text, v int)
CREATE VIEW ctv AS SELECT * FROM crosstab('select r, c, v from ct order by 1, 2') AS t(r text, x int, y int)
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'ctv' ORDER BY ordinal_position
SELECT count(*) FROM ct

-- case: xpath_view
CREATE TABLE docs (id int, doc xml)
CREATE VIEW docv AS SELECT id, (xpath('/a/text()', doc))[1]::text AS t, CAST(CAST((xpath('/n:a/text()', doc, '{{n,http://x}}'))[1] AS text) AS money) AS m FROM docs
SELECT * FROM docv
SELECT xpath('/a', '<a/>'::xml) FROM docs WHERE false
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'docv' ORDER BY ordinal_position

-- case: set_returning_in_expressions
SELECT CAST(unnest(ARRAY['2020-01-01', '2021-02-02']) AS date) AS d, 5 AS k
SELECT unnest(ARRAY[1, 2, 3]) + x, x FROM (VALUES (10), (20)) v(x)
SELECT unnest(ARRAY[1, 2]) * 2, generate_series(1, 3), upper(unnest(ARRAY['a', 'b', 'c'])) ORDER BY 1
SELECT x, unnest(ARRAY[x, x + 1])::text || '!' FROM (VALUES (1), (2)) v(x) ORDER BY 1, 2
SELECT DISTINCT abs(unnest(ARRAY[-1, 1, 2])) ORDER BY 1
SELECT nullif(unnest(ARRAY[1, 2]), 1), greatest(unnest(ARRAY[1, 5]), 3)
SELECT CASE WHEN true THEN unnest(ARRAY[1]) END
SELECT coalesce(1, unnest(ARRAY[1]), unnest(ARRAY[2]))
SELECT coalesce(unnest(ARRAY[1, NULL]), 0)

-- case: json_to_record
SELECT * FROM json_to_record('{"a": 1, "b": "x"}') AS x (a int, b text)
SELECT * FROM json_to_record('{"a":1,"b":"x","c":{"d":[1, 2]},"e":true, "f": null, "g": 1.50}') AS t(a int, b text, c text, e bool, f int, g numeric, h text)
SELECT * FROM jsonb_to_record('{"a":1,"b":"x","c":{"d":[1, 2]},"e":true, "g": 1.50}') AS t(a int, b text, c text, e text, g text)
SELECT * FROM json_to_record('{"a":"x"}') AS t(a int)
SELECT * FROM json_to_record('{"a":"xyz"}') AS t(a varchar(2))
SELECT * FROM json_to_record('[1]') AS t(a int)
SELECT * FROM json_to_record('1') AS t(a int)
SELECT * FROM json_to_recordset('[{"a":1},{"a":2,"b":"y"}]') AS t(a int, b text)
SELECT * FROM jsonb_to_recordset('[{"a":1},{"a":2,"b":"y"}]') AS t(a int, b text)
SELECT * FROM json_to_recordset('{"a":1}') AS t(a int)
SELECT * FROM json_to_recordset('[1]') AS t(a int)
SELECT * FROM json_to_recordset('[]') AS t(a int)
SELECT * FROM json_to_record('{"a":{"x":1}, "b": "s", "c": 2}') AS t(a json, b json, c jsonb)
SELECT * FROM json_to_record('{"a":"{1,2}"}') AS t(a int[])
SELECT * FROM json_to_record(NULL) AS t(a int)
SELECT * FROM json_to_recordset(NULL) AS t(a int)
SELECT * FROM json_to_record('{"A":1, "a": 2}') AS t("A" int, a int)
SELECT * FROM json_to_record('{"a":1, "a": 2}') AS t(a int)
SELECT json_to_record('{"a":1}')
SELECT * FROM json_to_record('{"a":1}')
SELECT x.id, r.* FROM (VALUES (1, '{"a":5}'::json), (2, '{"a":6}')) x(id, j), json_to_record(x.j) AS r(a int) ORDER BY 1
