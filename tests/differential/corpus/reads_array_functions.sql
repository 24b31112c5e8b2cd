-- schema: tests/differential/schemas/reads.sql
-- The array functions over anycompatible arguments: array_append,
-- array_prepend, array_cat (the || operators as functions), array_remove,
-- array_replace, array_position (with a start) and array_positions, with
-- the element type chosen as PostgreSQL's anycompatible resolution does
-- (select_common_type over the arguments in order: int and numeric give
-- numeric, unknown literals take the array's element type, all unknown is
-- text), NULL arrays and NULL elements (matched as IS NOT DISTINCT FROM),
-- and the errors of arguments with no common type.

-- case: arr_append_prepend_cat
SELECT array_append(ARRAY[1, 2], 3), array_prepend(0, ARRAY[1, 2]), array_cat(ARRAY[1], ARRAY[2, 3])
SELECT array_append(ARRAY[1, 2], 2.5), pg_typeof(array_append(ARRAY[1, 2], 2.5)), array_append(ARRAY['a'], 'b'), pg_typeof(array_append(ARRAY['a'], 'b'))
SELECT array_append(NULL::int[], 3), array_prepend(3, NULL::int[]), array_cat(NULL::int[], ARRAY[1]), array_cat(NULL::int[], NULL::int[]), array_append(ARRAY[1], NULL)
SELECT array_append('{x,y}', 'z'), pg_typeof(array_append('{x,y}', 'z'))
SELECT array_append(ARRAY[1, 2], 'x')
SELECT array_cat(ARRAY[1], ARRAY['a'])


-- case: arr_remove_replace
SELECT array_remove(ARRAY[1, 2, 3, 2], 2), array_remove(ARRAY[1, NULL, 3], NULL), array_remove(NULL::int[], 1), array_remove(ARRAY['a', 'b'], 'c')
SELECT array_replace(ARRAY[1, 2, 3, 2], 2, 9), array_replace(ARRAY[1, NULL, 3], NULL, 0), array_replace(ARRAY[1.0, 2.00], 2, 5)
SELECT array_remove(ARRAY[1.0, 1.00, 2], 1), pg_typeof(array_remove(ARRAY[1, 2], 1.5))


-- case: arr_position
SELECT array_position(ARRAY['a', 'b', 'c', 'b'], 'b'), array_position(ARRAY['a', 'b', 'c', 'b'], 'b', 3), array_position(ARRAY[1, 2], 5), array_position(ARRAY[1, NULL], NULL)
SELECT array_positions(ARRAY[1, 2, 1, 3, 1], 1), array_positions(ARRAY[1, 2], 7), array_positions(NULL::int[], 1), array_position(ARRAY[1, 2, 3], 2, -5)


-- case: arr_over_columns
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
SELECT sku, array_append(tags, 'new'), array_remove(tags, 'metal'), array_position(tags, 'small'), array_replace(tags, NULL, 'none') FROM products ORDER BY sku
SELECT sku FROM products WHERE array_position(tags, 'plastic') IS NOT NULL ORDER BY sku

-- case: array_order_and_containment
SELECT ARRAY[1,2] < ARRAY[1,3], ARRAY[1,2] < ARRAY[1,2,0], '{}'::int[] < '{1}', ARRAY[1,NULL] > ARRAY[1,5], ARRAY[NULL::int] = ARRAY[NULL::int], ARRAY[1,NULL] >= ARRAY[1,NULL], ARRAY['b'] > ARRAY['a','z']
SELECT ARRAY[1,2,3] @> ARRAY[3,1], ARRAY[1,2] @> ARRAY[1,NULL], ARRAY[1,NULL] @> '{}', ARRAY[1] <@ ARRAY[1,2], ARRAY[1,2] && ARRAY[2,5], ARRAY[NULL::int] && ARRAY[NULL::int], ARRAY[1.0] @> ARRAY[1.00], '{a}'::text[] @> '{a,a}'
SELECT greatest(ARRAY[1,2], ARRAY[1,3], NULL), least('{b}'::text[], '{a,z}', '{}'), greatest(ARRAY['NaN'::float8], ARRAY[1e308])
SELECT ARRAY[1,2]::int8[] < ARRAY[1,2]::int8[], ARRAY['2024-01-01'::date] < ARRAY['infinity'::date], ARRAY[0.0::float8] <= ARRAY['-0'::float8], ARRAY['-0'::float8] @> ARRAY[0::float8]
SELECT ARRAY[1] < ARRAY['1'::text]
SELECT '{1,2}' @> ARRAY[1], ARRAY['x']::varchar[] > ARRAY['y']::varchar[], ARRAY['ab '::char(3)] = ARRAY['ab'::char(3)], ARRAY['ab '::char(3)] < ARRAY['ab'::char(4)]
SELECT x FROM (VALUES (ARRAY[2]), (ARRAY[1,5]), ('{}'), (ARRAY[NULL::int]), (NULL)) v(x) WHERE x > ARRAY[1] ORDER BY x
SELECT ARRAY['{"a":1}'::jsonb] < ARRAY['[]'::jsonb], ARRAY['{"a":1}'::jsonb] @> ARRAY['{"a":1}'::jsonb]
SELECT nullif(ARRAY['a'::varchar(5)], ARRAY['a'::varchar(5)]), ARRAY['a'::varchar] = ARRAY['a'::varchar], ARRAY['a'::varchar] <> ARRAY['b'::varchar], ARRAY['a'::varchar] < ARRAY['b'::varchar], ARRAY['a'::varchar] @> ARRAY['a'::varchar]
SELECT x = y, x IS DISTINCT FROM y, nullif(x, y) FROM (VALUES (ARRAY['Ünï'::varchar(5)], ARRAY['Ünï'::varchar(5)]), (ARRAY[NULL::varchar], ARRAY['x'::varchar])) v(x, y) ORDER BY 1
