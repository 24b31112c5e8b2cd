-- schema: tests/differential/schemas/reads.sql
-- Answers a random differential run found wrong (issue 13), each at its
-- root: left/right past the string's length, an infinite timestamp cast
-- to time, extract(julian …)'s scale, an array of text concatenated with
-- char(n), date arithmetic on infinities, ordered and filtered json[b]_agg,
-- GREATEST/LEAST over varchar and jsonb, NaN in jsonb_build_object, and
-- operations that used to leak internal errors (NULL arrays with ||,
-- power with NaN, interval overflow).

-- case: edge_left_right
SELECT right('abc', 4), right('abc', 3), right('abc', -5), right('abc', -1), left('abc', 4), left('abc', -5), left('abc', -1), right('', 2)

-- case: edge_infinite_timestamp_to_time
SELECT 'infinity'::timestamp::time

-- case: edge_infinite_timestamptz_to_time
SELECT '-infinity'::timestamptz::time

-- case: edge_extract_julian
SELECT extract(julian FROM '2024-01-02 03:04:05+00'::timestamptz), extract(julian FROM '2024-01-02 03:04:05'::timestamp), extract(julian FROM '2024-01-02'::date)

-- case: edge_array_concat_bpchar
SELECT ARRAY['a'] || 'ab'::char(4), pg_typeof(ARRAY['a'] || 'ab'::char(4)), 'ab'::char(4) || ARRAY['a']

-- case: edge_infinite_dates
SELECT 'infinity'::date + 1, 'infinity'::date - 1, '-infinity'::date + 7, 7 + 'infinity'::date
SELECT 'infinity'::date - '2024-01-01'::date

-- case: edge_json_agg_order_filter
SELECT json_agg(x ORDER BY x DESC), jsonb_agg(x) FILTER (WHERE x > 1) FROM (VALUES (1),(2),(3)) v(x)
SELECT json_object_agg(k, v ORDER BY k), jsonb_object_agg(k, v) FILTER (WHERE v > 1) FROM (VALUES ('b', 2), ('a', 1), ('c', 3)) v(k, v)

-- case: edge_greatest_least
SELECT greatest('a'::varchar, 'b'::varchar), least('x'::varchar(3), 'y')
SELECT greatest('{"a":1}'::json, '{"b":1}'::json)

-- case: edge_jsonb_build_nan
SELECT jsonb_build_object('a', 'NaN'::numeric), json_build_object('a', 'NaN'::numeric), jsonb_build_object('i', 'Infinity'::numeric)

-- case: edge_null_array_concat
SELECT NULL::int[] || 3, 3 || NULL::int[], NULL::int[] || NULL::int[], ARRAY[1] || NULL::int

-- case: edge_power_nan
SELECT power(-1.5::float8, 'NaN'), power('NaN'::float8, 0), power(1::float8, 'NaN'), power(-1.5, 'NaN'::numeric)

-- case: edge_interval_overflow
SELECT interval '1 day' * 1e300

-- case: edge_interval_overflow_int
SELECT interval '1 day' * 2147483648

-- case: edge_json_aggregates
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5)
SELECT json_agg(name ORDER BY id), jsonb_agg(credit ORDER BY id), json_agg(city), json_agg(active ORDER BY id DESC) FROM customers
SELECT tier, json_agg(id ORDER BY id), jsonb_object_agg(name, credit) FROM customers GROUP BY tier ORDER BY tier
SELECT json_object_agg(name, city ORDER BY name), jsonb_object_agg(id, email) FILTER (WHERE email IS NOT NULL) FROM customers
SELECT json_agg(id) FROM customers WHERE false
SELECT jsonb_object_agg(city, id) FROM customers
SELECT json_agg(x), jsonb_agg(x) FROM (VALUES ('{"a": 1}'::jsonb), ('[1, 2]'), (NULL)) v(x)
SELECT jsonb_agg(id) OVER (ORDER BY id) FROM customers ORDER BY id

-- case: edge_greatest_least_jsonb
SELECT least('{"a":1}'::jsonb, '{"b":1}'::jsonb), greatest('[1]'::jsonb, '2'::jsonb, '{}'::jsonb)


-- case: edge_timestamp_minus_wraps
-- found by property/test_random_differential.py: PostgreSQL 15 does not
-- check timestamp - timestamp for int64 overflow; the span wraps
SELECT timestamp '294276-12-31 23:59:59' - timestamp '4713-01-01 00:00:00 BC'
SELECT timestamp '4713-01-01 00:00:00 BC' - timestamp '294276-12-31 23:59:59', timestamptz '294276-12-31 23:59:59+00' - timestamptz '4713-01-01 00:00:00+00 BC'
SELECT (timestamp '294276-12-31 23:59:59' - timestamp '4713-01-01 00:00:00 BC')::text


-- case: edge_float_sign_nan
-- found by property/test_random_differential.py: float8_sign of NaN is 0
SELECT sign('NaN'::float8), sign('-Infinity'::float8), sign('-0'::float8), sign('NaN'::numeric)


-- case: edge_numeric_negation_exact
-- found by property/test_random_differential.py: unary minus of a numeric
-- with more digits than Python's default context lost the last ones
SELECT -(1e308 + 0.1), abs(-(1e308 + 0.1)), -(1e1000 + 0.5)
SELECT -x FROM (VALUES (1e308 + 0.1), (0), (-0.0), ('NaN'), ('-Infinity')) v(x)
SELECT -(12345678901234567890123456789.123456789::numeric)

-- case: edge_limit_zero_never_runs_input
SELECT * FROM (SELECT '1'::jsonb - 'a' AS x) s ORDER BY 1 LIMIT 0
SELECT * FROM (SELECT now()::timestamp - 'infinity'::timestamp AS x, 1/0 AS y FROM generate_series(1, 3)) s ORDER BY 1 LIMIT 0
SELECT x FROM (VALUES (1), (0)) v(x) ORDER BY 1 / x FETCH FIRST 0 ROWS WITH TIES
SELECT 1/0 LIMIT 0 OFFSET 2
SELECT 1 LIMIT -1

-- case: edge_nullif_null_constant_folds
CREATE TABLE dates (d date)
INSERT INTO dates VALUES ('5874897-12-31')
SELECT nullif(NULL::date, d + 1), nullif(d + 1, NULL), nullif(NULL::date, 'infinity'::date + 1) FROM dates
SELECT nullif(NULL::date, d + 1) FROM dates WHERE d IS NOT NULL LIMIT 1
SELECT nullif(d, d + 1) FROM dates
SELECT nullif(NULL::int, 1/0)

-- case: edge_bpchar_array_in_messages
SELECT nullif(ARRAY['a'::char(3)], ARRAY['b'::text])
SELECT ARRAY['a'::char(3)] = ARRAY['b'::text]

-- case: edge_other_aggregates
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0)
SELECT stddev(credit ORDER BY id) FROM customers
SELECT stddev(x), stddev_samp(x), stddev_pop(x), variance(x), var_samp(x), var_pop(x) FROM (VALUES (1.5), (2.25), (-3), (NULL)) v(x)
SELECT stddev(x), variance(x), var_pop(x), stddev_pop(x) FROM (VALUES (1), (2), (4), (7)) v(x)
SELECT stddev(x::int8), variance(x::int2), stddev_pop(x::float4), var_samp(x::float8) FROM (VALUES (1), (2), (4), (7)) v(x)
SELECT stddev(x), variance(x), stddev_pop(x), var_pop(x) FROM (VALUES (1.0::numeric)) v(x)
SELECT stddev(x), variance(x), stddev_pop(x), var_pop(x) FROM (VALUES (1.0::float8)) v(x)
SELECT stddev(x), var_pop(x) FROM (VALUES (1.0), ('NaN'), (2)) v(x)
SELECT stddev(x), var_pop(x) FROM (VALUES (1.0::float8), ('Infinity'), (2)) v(x)
SELECT stddev(x), var_pop(x) FROM (VALUES (1.0), ('Infinity'::numeric)) v(x)
SELECT stddev(x) FROM (VALUES (1e308::float8), (-1e308)) v(x)
SELECT k, stddev(x), round(variance(x), 3) FROM (VALUES (1, 0.1), (1, 0.2), (1, 0.4), (2, 5), (2, 5), (3, NULL)) v(k, x) GROUP BY k ORDER BY k
SELECT stddev(x), variance(x) FROM (VALUES (0.000001), (0.000003), (123456789.123)) v(x)
SELECT stddev(x) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), var_pop(x) OVER () FROM (VALUES (1, 2.5), (2, 3.5), (3, 10)) v(i, x) ORDER BY i
SELECT stddev(DISTINCT x), variance(x) FILTER (WHERE x > 1), pg_typeof(stddev(x)), pg_typeof(variance(x::real)), pg_typeof(stddev(x::int)) FROM (VALUES (1), (1), (3)) v(x)
