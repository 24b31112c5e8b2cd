-- schema: tests/differential/schemas/types.sql
-- Multidimensional arrays and arrays with lower bounds other than 1, as
-- PostgreSQL 15's arrays.sql regression test exercises them: text input
-- and output (dimension decoration, nested braces, the malformed-literal
-- DETAILs), storage, equality and ordering (dimensions and bounds count),
-- subscripts and slices over several dimensions, the dimension functions,
-- ARRAY[ARRAY[…]] and ARRAY(SELECT array), array_agg of arrays, unnest,
-- the || and array_cat rules for arrays of different dimensions, and the
-- errors of mismatched dimensions.

-- case: md_text_io
SELECT '{{{1,2,3,4},{2,3,4,5}},{{3,4,5,6},{4,5,6,7}}}'::text[]
SELECT '{ { "," } , { 3 } }'::text[]
SELECT '  {   {  "  0 second  "   ,  0 second  }   }'::text[]
SELECT '[0:1]={1.1,2.2}'::float8[]
SELECT '[-2:0][3:4]={{1,2},{3,4},{5,6}}'::int[]
SELECT '[1:2][1:1]={{a},{NULL}}'::text[], '{{"a b",NULL},{"",c}}'::text[]
SELECT '{{1,2},{3,4}}'::numeric(3,1)[], '{{ab,abcd}}'::varchar(2)[]
SELECT '{{1,2},{3,4}}'::int[]::text, '[2:3]={1,2}'::int[]::text
SELECT ARRAY[['a','bc'],['def','hijk']]::text[]::varchar[]
SELECT CAST(ARRAY[[[[[['a','bb','ccc']]]]]] as text[])
SELECT '{{{{{{{1}}}}}}}'::int[]
SELECT '[1:2][1:2][1:2][1:2][1:2][1:2][1:2]={}'::int[]


-- case: md_text_errors
SELECT '{{1,{2}},{2,3}}'::text[]
SELECT '{{},{}}'::text[]
SELECT '{{"1 2" x},{3}}'::text[]
SELECT '{{1,2},{3}}'::int[]
SELECT '{{1},{2,3}}'::int[]
SELECT '[1:2]={{1},{2}}'::int[]
SELECT '[1:2][1:2]={1,2}'::int[]
SELECT '[1:3]={1,2}'::int[]
SELECT '[2:1]={1}'::int[]
SELECT '{{1,2},3}'::int[]
SELECT '{1,{2,3}}'::int[]
SELECT '[0:1]={x,y}'::int[]


-- case: md_storage
INSERT INTO arrs (id, ia, ta) VALUES (1, '{{1,2},{3,4}}', '{{a,b},{c,NULL}}'), (2, '[0:2]={5,6,7}', '[2:2][2:3]={{x,y}}'), (3, '{1,2}', '{q}')
SELECT id, ia, ta FROM arrs ORDER BY id
SELECT id FROM arrs WHERE ia = '{{1,2},{3,4}}' ORDER BY id
SELECT id FROM arrs WHERE ia = '{1,2,3,4}' ORDER BY id
SELECT id FROM arrs WHERE ia = '[0:2]={5,6,7}' ORDER BY id
SELECT id FROM arrs WHERE ia = '{5,6,7}' ORDER BY id
UPDATE arrs SET ia = '[5:6]={8,9}' WHERE id = 3 RETURNING ia
SELECT id, array_dims(ia), array_dims(ta) FROM arrs ORDER BY id
DELETE FROM arrs WHERE ia = '{{1,2},{3,4}}' RETURNING id


-- case: md_equality_ordering
SELECT ARRAY[[1,2],[3,4]] = ARRAY[1,2,3,4], ARRAY[[1,2],[3,4]] = '{{1,2},{3,4}}', '[0:1]={1,2}'::int[] = ARRAY[1,2], ARRAY[[1,2]] <> ARRAY[1,2]
SELECT ARRAY[[1,2],[3,4]] < ARRAY[1,2,3,4], ARRAY[1,2,3,4] < ARRAY[[1,2],[3,4]], ARRAY[[1,2]] < ARRAY[[1],[2]], '[0:1]={1,2}'::int[] < ARRAY[1,2]
SELECT ARRAY[[1,2],[3,4]] < ARRAY[[1,2],[3,5]], ARRAY[[1,2]] < ARRAY[1,2,3], ARRAY[[2]] > ARRAY[1,2,3]
SELECT v FROM (VALUES ('{1,2}'::int[]), ('{{1,2}}'), ('{{1},{2}}'), ('[0:1]={1,2}'), ('{1,2,3}'), ('{{1,2},{3,4}}'), ('{1}')) t(v) ORDER BY v
SELECT DISTINCT v FROM (VALUES ('{1,2}'::int[]), ('{{1,2}}'), ('{{1,2}}'), ('[0:1]={1,2}'), ('{1,2}')) t(v)
SELECT v, count(*) FROM (VALUES ('{1,2}'::int[]), ('{{1,2}}'), ('{{1,2}}'), ('[0:1]={1,2}')) t(v) GROUP BY v
SELECT max(v), min(v) FROM (VALUES ('{{grey,red},{blue,blue}}'::text[]), ('{{grey,red},{grey,blue}}'), ('{{red},{black},{purple},{blue},{blue}}'), ('{{pink,white,blue,red,grey,orange}}')) t(v)
SELECT ARRAY[[1,2],[3,4]] @> ARRAY[4], ARRAY[[1,2],[3,4]] && ARRAY[[9],[3]], ARRAY[1,2] <@ ARRAY[[1,2],[3,4]]
SELECT 3 = ANY (ARRAY[[1,2],[3,4]]), 5 = ANY ('{{1,2},{3,4}}'::int[]), 1 <= ALL ('[0:1][0:1]={{1,2},{3,4}}'::int[])


-- case: md_subscripts
SELECT t.f[1][3][1] AS "131", t.f[2][2][1] AS "221" FROM (SELECT ARRAY[[[111,112],[121,122],[131,132]],[[211,212],[221,122],[231,232]]] AS f) AS t
SELECT a[1], a[1][2], a[2][1], a[3][1], a[0][1], a[1][2][1] FROM (SELECT '{{1,2},{3,4}}'::int[] AS a) t
SELECT a[0], a[1], a[2], a[-1], a[1][1] FROM (SELECT '[0:1]={7,8}'::int[] AS a) t
SELECT a[1:2], a[2:3], a[0:1], a[3:4], a[2:1] FROM (SELECT ARRAY[1,2,3] AS a) t
SELECT a[1:1][1:2], a[1:2][2:2], a[2:2], a[1:2][1], a[:1], a[2:], a[:][1:1] FROM (SELECT '{{1,2},{3,4}}'::int[] AS a) t
SELECT a[0:0], a[:], a[1:], a[:0] FROM (SELECT '[0:2]={5,6,7}'::int[] AS a) t
SELECT (ARRAY[1,2,3])[2:3], (ARRAY[[1,2],[3,4]])[2], ('{a,b,c}'::text[])[NULL:2], ('{a,b,c}'::text[])[2:NULL]
SELECT a[1:3], b[1:1][1:2][1:2], c[1:2], d[1:1][1:2] FROM (SELECT '{16,25,3,4,5}'::int2[] AS a, '{{{113,142},{1,147}}}'::int[] AS b, '{foo,new_word}'::text[] AS c, '{{elt1,elt2}}'::text[] AS d) t
SELECT ia[1][1] FROM arrs
SELECT (1)[1]
SELECT ('{1}'::int[])['a']


-- case: md_dimension_functions
SELECT array_ndims(ARRAY[1,2]), array_ndims(ARRAY[[1,2],[3,4]]), array_ndims('{}'::int[]), array_ndims('[0:1]={1,2}'::int[]), array_ndims(NULL::int[])
SELECT array_dims(ARRAY[1,2]), array_dims(ARRAY[[1,2],[3,4]]), array_dims('{}'::int[]), array_dims('[-1:0][2:4]={{1,2,3},{4,5,6}}'::int[]), array_dims(NULL::int[])
SELECT array_length(array[1,2,3], 1), array_length(array[[1,2,3], [4,5,6]], 0), array_length(array[[1,2,3], [4,5,6]], 1), array_length(array[[1,2,3], [4,5,6]], 2), array_length(array[[1,2,3], [4,5,6]], 3)
SELECT array_lower(a, 1), array_upper(a, 1), array_lower(a, 2), array_upper(a, 2), array_lower(a, 3), array_upper(a, 0) FROM (SELECT '[-1:0][2:4]={{1,2,3},{4,5,6}}'::int[] AS a) t
SELECT cardinality(NULL::int[]), cardinality('{}'::int[]), cardinality(array[1,2,3]), cardinality('[2:4]={5,6,7}'::int[]), cardinality('{{1,2}}'::int[]), cardinality('{{1,2},{3,4},{5,6}}'::int[])
SELECT array_upper('[0:1]={7,8}'::int[], 1), array_length('[0:1]={7,8}'::int[], 1)
SELECT s FROM generate_subscripts('[-1:0][2:4]={{1,2,3},{4,5,6}}'::int[], 2) s ORDER BY s
SELECT s FROM generate_subscripts('[-1:0][2:4]={{1,2,3},{4,5,6}}'::int[], 1, true) s
SELECT count(*) FROM generate_subscripts('{{1,2}}'::int[], 3) s
SELECT a[s1][s2] FROM (SELECT array[[1,2,3],[4,5,6]] AS a) t, generate_subscripts(a, 1) g1(s1), generate_subscripts(a, 2) g2(s2) ORDER BY s1, s2


-- case: md_constructors
SELECT ARRAY[[[[[['hello'],['world']]]]]]
SELECT ARRAY[ARRAY['hello'],ARRAY['world']]
SELECT ARRAY[[1,2],[3,4]], pg_typeof(ARRAY[[1,2],[3,4]]), ARRAY[[1.5],[2]], ARRAY[ARRAY[1,2], ARRAY[3,4]]
SELECT ARRAY[a, b] FROM (SELECT ARRAY[1,2] AS a, ARRAY[3,4] AS b) t
SELECT ARRAY[a, a] FROM (SELECT '[0:1]={1,2}'::int[] AS a) t
SELECT ARRAY[ARRAY[1,2], NULL, ARRAY[3,4]]
SELECT ARRAY[ARRAY[]::int[], ARRAY[]::int[]], ARRAY[ARRAY[1,2], '{}'::int[]]
SELECT ARRAY[[1,2],[3]]
SELECT ARRAY[[1,2],[[3,4]]]
SELECT ARRAY[ARRAY[1,2], ARRAY[[3,4]]]
SELECT ARRAY[ARRAY[1,2], ARRAY[3]]
SELECT ARRAY[[1,2], 3]
SELECT ARRAY[1, [2]]
SELECT ARRAY[[1,2],[3,4]]::text[], ARRAY[['1'],['2']]::int[]
SELECT ARRAY[[1,2],[3,4]]::int[][], pg_typeof(ARRAY[[1,2]]::int[][])


-- case: md_array_subquery
SELECT ARRAY(SELECT ARRAY[i, i * 10] FROM generate_series(1, 3) i)
SELECT ARRAY(SELECT ARRAY[i, i * 10] FROM generate_series(1, 0) i)
SELECT ARRAY(SELECT a FROM (VALUES ('{1,2}'::int[]), ('{3}')) t(a))
SELECT ARRAY(SELECT a FROM (VALUES ('{1,2}'::int[]), (NULL)) t(a))
SELECT ARRAY(SELECT a FROM (VALUES ('{{1,2}}'::int[]), ('{{3,4}}')) t(a))
SELECT ARRAY(SELECT a FROM (VALUES ('{}'::int[])) t(a))


-- case: md_array_agg
SELECT array_agg(a) FROM (VALUES (ARRAY[1,2]), (ARRAY[3,4])) t(a)
SELECT array_agg(a ORDER BY a DESC) FROM (VALUES (ARRAY[1,2]), (ARRAY[3,4]), (ARRAY[5,6])) t(a)
SELECT array_agg(a) FROM (VALUES ('{{1,2}}'::int[]), ('{{3,4}}')) t(a)
SELECT array_agg(a) FROM (VALUES ('[0:1]={1,2}'::int[]), ('[0:1]={3,4}')) t(a)
SELECT array_agg(a) FROM (VALUES ('{a,NULL}'::text[]), ('{NULL,b}')) t(a)
SELECT array_agg(a) FROM (VALUES (ARRAY[1,2]), (ARRAY[3])) t(a)
SELECT array_agg(a) FROM (VALUES (ARRAY[1,2]), (NULL)) t(a)
SELECT array_agg(a) FROM (VALUES ('{}'::int[])) t(a)
SELECT array_agg(a) FROM (VALUES (ARRAY[1,2])) t(a) WHERE false
SELECT k, array_agg(a ORDER BY a) FROM (VALUES (1, ARRAY[1,2]), (1, ARRAY[0,5]), (2, ARRAY[7,8])) t(k, a) GROUP BY k ORDER BY k
SELECT pg_typeof(array_agg(a)) FROM (VALUES (ARRAY[1,2])) t(a)
SELECT array_agg(DISTINCT a) FROM (VALUES (ARRAY[1,2]), (ARRAY[1,2]), (ARRAY[0,1])) t(a)


-- case: md_unnest
SELECT unnest(ARRAY[[1,2],[3,4]])
SELECT x FROM unnest('[0:1][5:6]={{a,b},{c,NULL}}'::text[]) WITH ORDINALITY u(x, n) ORDER BY n
SELECT * FROM unnest(ARRAY[[1,2],[3,4]], ARRAY['a'])
SELECT array_to_string(ARRAY[[1,2],[3,NULL]], ',', '*'), array_to_string('[0:1]={7,8}'::int[], '-')


-- case: md_concat
SELECT array_cat(ARRAY[1,2], ARRAY[[3,4],[5,6]]), array_cat(ARRAY[[3,4],[5,6]], ARRAY[1,2])
SELECT ARRAY[[['hello','world']]] || ARRAY[[['happy','birthday']]]
SELECT ARRAY[[1,2],[3,4]] || ARRAY[5,6], ARRAY[0,0] || ARRAY[1,1] || ARRAY[2,2], 0 || ARRAY[1,2] || 3
SELECT '[0:1]={1,2}'::int[] || 3, 0 || '[0:1]={1,2}'::int[], '[0:1]={1,2}'::int[] || ARRAY[3], ARRAY[0] || '[0:1]={1,2}'::int[]
SELECT '[0:1]={1,2}'::int[] || '[5:6]={3,4}'::int[], '{}'::int[] || '[3:4]={1,2}'::int[], '[3:4]={1,2}'::int[] || '{}'::int[]
SELECT ARRAY[[1,2]] || ARRAY[[3,4],[5,6]], '[0:0][2:3]={{1,2}}'::int[] || ARRAY[[3,4]]
SELECT ARRAY[[1,2],[3,4]] || ARRAY[5]
SELECT ARRAY[[1,2]] || ARRAY[[3],[4]]
SELECT ARRAY[[[1]]] || ARRAY[2]
SELECT ARRAY[[1,2]] || 3
SELECT 3 || ARRAY[[1,2]]
SELECT array_append(ARRAY[[1,2]], 3)


-- case: md_array_fill
SELECT array_fill(7, array[3,3], array[2,2])::text, array_fill(7, array[3,3])
SELECT array_fill(null::integer, array[3,3], array[2,2])::text, array_fill('juhu'::text, array[2,2])
SELECT array_fill(1, array[0]), array_fill(1, '{}'::int[]), array_fill(1, array[2], array[-3])::text
SELECT array_fill(1, null, array[2,2])
SELECT array_fill(1, array[2,2], null)
SELECT array_fill(1, array[3,3], array[1,1,1])
SELECT array_fill(1, array[1,2,null])
SELECT array_fill(1, array[[1,2]])


-- case: md_search_functions
SELECT array_replace(ARRAY[[1,2],[3,2]], 2, 9), array_replace('[0:1]={1,2}'::int[], 1, 5)::text
SELECT array_remove('[0:2]={1,2,1}'::int[], 1)::text, array_position('[0:2]={1,2,1}'::int[], 2), array_positions('[0:2]={1,2,1}'::int[], 1), array_position('[0:2]={1,2,1}'::int[], 1, 1)
SELECT array_remove(ARRAY[[1,2],[3,4]], 2)
SELECT array_position(ARRAY[[1,2],[3,4]], 2)
SELECT array_positions(ARRAY[[1,2],[3,4]], 2)


-- case: md_json
SELECT to_json(ARRAY[[1,2],[3,4]]), to_jsonb(ARRAY[[1,2],[3,4]]), array_to_json('[0:1][1:2]={{1,NULL},{3,4}}'::int[])
SELECT array_to_json(ARRAY[[1,2],[3,4]], true), array_to_json('[2:3]={a,b}'::text[], true)
SELECT json_build_array(ARRAY[[1,2]]), json_build_object('k', ARRAY[['a'],['b']])
SELECT row_to_json(t) FROM (SELECT ARRAY[[1,2],[3,4]] AS a) t


-- case: md_lower_bounds_text
SELECT '[0:1]={1,2}'::int[]::text, ('[0:1]={1,2}'::int[] || 3)::text, (0 || '[0:1]={1,2}'::int[])::text
SELECT ('[0:1]={1,2}'::int[] || ARRAY[3])::text, (ARRAY[0] || '[0:1]={1,2}'::int[])::text, ('[0:1]={1,2}'::int[] || '[5:6]={3,4}'::int[])::text
SELECT ('{}'::int[] || '[3:4]={1,2}'::int[])::text, ('[3:4]={1,2}'::int[] || '{}'::int[])::text, array_append('[3:4]={1,2}'::int[], NULL)::text
SELECT array_agg(a)::text FROM (VALUES ('[0:1]={1,2}'::int[]), ('[0:1]={3,4}')) t(a)
SELECT ARRAY[a, a]::text FROM (SELECT '[0:1]={1,2}'::int[] AS a) t
SELECT a[0:1]::text, a[1:]::text, a[:][2:]::text FROM (SELECT '[0:2][2:3]={{1,2},{3,4},{5,6}}'::int[] AS a) t
SELECT '[0:1]={a,b}'::text[]::varchar(1)[]::text, '[-1:-1][0:0]={{1.5}}'::numeric[]::int[]::text
SELECT '[0:1]={1,2}'::int[] = '[0:1]={1,2}'::int[], '[0:1]={1,2}'::int[] = '[1:2]={1,2}'::int[]


-- case: md_views_and_copy
CREATE VIEW v1 AS SELECT ia[1][2] AS e, ia[1:2] AS s, ia[:1][2:] AS s2, ARRAY[[1,2],[3,4]] AS m, ARRAY[ia, ia] AS mm FROM arrs
SELECT pg_get_viewdef('v1'::regclass)
COPY arrs (id, ia, ta) FROM STDIN
1	{{1,2},{3,4}}	[0:1]={a,"b c"}
2	[2:3]={5,NULL}	{{x}}
\.
COPY arrs (id, ia, ta) TO STDOUT
SELECT * FROM v1 ORDER BY e
COPY (SELECT ia, ta FROM arrs ORDER BY id) TO STDOUT (FORMAT csv)
COPY (SELECT ia, ta FROM arrs ORDER BY id) TO STDOUT (FORMAT binary)
COPY (SELECT ARRAY[[1.5,2],[3,NULL]]::numeric[], '[0:0][1:2]={{2024-01-01,infinity}}'::date[]) TO STDOUT (FORMAT binary)


-- case: md_ordered_set_fractions
SELECT percentile_cont(ARRAY[[0.5],[0.25]]) WITHIN GROUP (ORDER BY x), percentile_disc('[0:1]={0,1}'::float8[]) WITHIN GROUP (ORDER BY x)::text FROM generate_series(1, 5) x
SELECT percentile_cont(ARRAY[[0.5, NULL]]) WITHIN GROUP (ORDER BY x) FROM generate_series(1, 4) x


-- case: md_flattening_functions
SELECT '{"a":1}'::jsonb ?| '{{a},{b}}'
SELECT '{"a":1,"b":2}'::jsonb ?& '[0:1]={a,b}'
SELECT '{"a":1,"b":2,"c":3}'::jsonb - '[0:1]={a,c}'::text[]
SELECT '{"a":1}'::jsonb ?| '[0:1]={a,b}'
SELECT '{"a":{"b":1}}'::jsonb #>> '{{a},{b}}', '{"a":{"b":1}}'::jsonb #> '[2:3]={a,b}', '{"a":{"b":1}}'::json #>> '{{a},{b}}'
SELECT array_to_tsvector('{{a,b},{c,a}}'), ts_delete('a:1 b:2 c:3'::tsvector, '{{a},{c}}'::text[]), setweight('a:1 b:2'::tsvector, 'A', '{{a}}'), ts_filter('a:1A b:2B'::tsvector, '{{a}}'::"char"[])
SELECT format('%s-%s', VARIADIC '[0:1]={a,b}'::text[])


-- case: md_one_dimensional_functions
SELECT '{"a":1,"b":2,"c":3}'::jsonb - '{{a},{c}}'::text[]
SELECT '{"a":1,"b":2,"c":3}'::jsonb - '[0:1]={a,c}'::text[], '{"a":{"b":1,"c":2}}'::jsonb #- '[0:1]={a,b}'::text[]
SELECT '{"a":{"b":1}}'::jsonb #- '{{a},{b}}'::text[]
SELECT jsonb_set('{"a":{"b":1}}', '{{a},{b}}', '2')
SELECT jsonb_set('{"a":{"b":1}}', '[5:6]={a,b}', '2'), jsonb_insert('{"a":[1]}', '[0:1]={a,0}', '2'), jsonb_set_lax('{"a":1}', '[3:3]={a}', NULL)
SELECT jsonb_insert('{"a":[1]}', '{{a},{0}}', '2')
SELECT jsonb_set_lax('{"a":1}', '{{a}}', NULL)
SELECT ts_rank('{{0.1,0.2},{0.4,1.0}}', 'a:1'::tsvector, 'a'::tsquery)
SELECT ts_rank('[0:3]={0.1,0.2,0.4,1.0}', 'a:1'::tsvector, 'a'::tsquery)
SELECT json_object('{{a,b},{c,d}}'::text[], '{{1,2},{3,4}}'::text[])


-- case: md_constant_errors_at_plan_time
INSERT INTO arrs (id) VALUES (1)
SELECT id, x0 FROM (SELECT id, array_remove('{{1,2},{3,4}}'::int4[], 1) AS x0 FROM arrs WHERE NULL::bool) s ORDER BY 1, 2
SELECT id, x0 FROM (SELECT id, 1/0 AS x0 FROM arrs WHERE NULL::bool) s ORDER BY 1, 2
SELECT id, x0 FROM (SELECT id, array_position('{{1,2},{3,4}}'::int4[], 1) AS x0 FROM arrs WHERE NULL::bool) s ORDER BY 1, 2
SELECT id, array_remove('{{1,2},{3,4}}'::int4[], 1) AS x0 FROM arrs WHERE NULL::bool
SELECT id, x0 FROM (SELECT id, array_cat(ARRAY[[1]], ARRAY[1,2]) AS x0 FROM arrs WHERE NULL::bool) s ORDER BY 1, 2
