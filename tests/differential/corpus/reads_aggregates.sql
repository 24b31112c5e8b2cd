-- schema: tests/differential/schemas/reads.sql
-- Aggregates: count(*)/count(x)/count(DISTINCT x), sum/avg/min/max over
-- every numeric type with PostgreSQL's result types (sum(int4) is bigint,
-- sum(int8) numeric, avg(int) numeric with its display scale, sum(real)
-- real, ...), bool_and/bool_or/every, string_agg and array_agg (with and
-- without an ORDER BY inside the call), FILTER, GROUP BY columns,
-- expressions, ordinals and output aliases, HAVING, empty input (one row
-- without GROUP BY, none with it), NULL groups, and the grouping errors
-- (42803). Float sums use binary-exact values so summation order cannot
-- show.

-- case: agg_count
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT count(*) FROM customers
SELECT count(city), count(email), count(credit), count(1), count(NULL) FROM customers
SELECT count(*) FROM customers WHERE city = 'London'
SELECT count(customers.*) FROM customers
SELECT count(DISTINCT city), count(DISTINCT tier), count(DISTINCT signup) FROM customers


-- case: agg_count_column_name
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT count(*) AS n, count(id) FROM customers
SELECT COUNT(*), Count(city) FROM customers


-- case: agg_empty_input
SELECT count(*), count(id), sum(credit), avg(credit), min(name), max(signup) FROM customers
SELECT bool_and(active), bool_or(active), string_agg(name, ','), array_agg(id) FROM customers
SELECT count(*) FROM customers WHERE false
SELECT city, count(*) FROM customers GROUP BY city
SELECT count(*) FROM customers HAVING count(*) > 0
SELECT count(*) FROM customers HAVING count(*) = 0


-- case: agg_all_null_input
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT sum(credit), avg(credit), min(credit), max(credit), count(credit) FROM customers WHERE id IN (3, 6)
SELECT string_agg(city, ','), array_agg(city), bool_and(active) FROM customers WHERE id IN (3, 6)


-- case: agg_sum_integer_types
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT sum(i2), sum(i4), sum(i8) FROM samples WHERE id IN (1, 3)
SELECT sum(i2), sum(i4), sum(i8) FROM samples
SELECT sum(i2) FROM samples WHERE id = 4
SELECT sum(i4) FROM samples WHERE id IN (4, 4)


-- case: agg_sum_result_types
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT sum(stock), sum(qty::smallint), sum(qty), sum(qty::bigint) FROM products, order_items WHERE products.sku = order_items.sku
SELECT sum(price), sum(weight), sum(rating) FROM products
SELECT sum(unit_price), sum(discount) FROM order_items


-- case: agg_sum_overflow
SELECT sum(x) FROM (VALUES (9223372036854775807::int8), (1::int8)) v (x)
SELECT sum(x) FROM (VALUES (2147483647), (2147483647)) v (x)
SELECT sum(x) FROM (VALUES (32767::int2), (32767::int2)) v (x)
SELECT sum(x) FROM (VALUES ('3.4e38'::real), ('3.4e38'::real)) v (x)
SELECT sum(x) FROM (VALUES ('1e308'::float8), ('1e308'::float8)) v (x)


-- case: agg_avg_types_and_scales
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT avg(stock), avg(qty), avg(qty::bigint) FROM products, order_items WHERE products.sku = order_items.sku
SELECT avg(price), avg(weight), avg(rating) FROM products
SELECT avg(x) FROM (VALUES (1), (2)) v (x)
SELECT avg(x) FROM (VALUES (1), (2), (2)) v (x)
SELECT avg(x) FROM (VALUES (1.5), (2.25)) v (x)
SELECT avg(x) FROM (VALUES (1.123456789012345678901), (2)) v (x)
SELECT avg(x) FROM (VALUES (10::int8), (20::int8), (30::int8)) v (x)


-- case: agg_avg_float
SELECT avg(x) FROM (VALUES (0.5::float8), (0.25::float8)) v (x)
SELECT avg(x), sum(x) FROM (VALUES (0.5::real), (0.25::real)) v (x)
SELECT avg(x) FROM (VALUES ('Infinity'::float8), (1)) v (x)
SELECT avg(x) FROM (VALUES ('Infinity'::float8), ('-Infinity')) v (x)
SELECT sum(x) FROM (VALUES ('NaN'::numeric), (1)) v (x)


-- case: agg_min_max_types
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT min(i2), max(i2), min(i4), max(i4), min(i8), max(i8) FROM samples
SELECT min(num), max(num), min(n52), max(n52) FROM samples
SELECT min(f4), max(f4), min(f8), max(f8) FROM samples
SELECT min(t), max(t), min(vc), max(vc), min(ch), max(ch) FROM samples
SELECT min(d), max(d), min(ts), max(ts), min(tstz), max(tstz) FROM samples
SELECT min(tm), max(tm), min(iv), max(iv) FROM samples


-- case: agg_min_max_text_c_locale
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
SELECT min(name), max(name) FROM customers
SELECT min(sku), max(sku), min(category), max(category) FROM products


-- case: agg_min_max_more_types
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT min(u), max(u) FROM samples
SELECT min(ia), max(ia) FROM samples
SELECT min(b::int), max(b::int) FROM samples
SELECT min(b) FROM samples


-- case: agg_sum_avg_interval
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT sum(iv), avg(iv) FROM samples
SELECT sum(iv) FROM samples WHERE id = 3
SELECT avg(x) FROM (VALUES (interval '1 day'), (interval '1 hour')) v (x)


-- case: agg_sum_text_error
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT sum(name) FROM customers
SELECT avg(signup) FROM customers
SELECT sum(active) FROM customers
SELECT min(active) FROM customers


-- case: agg_bool
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT bool_and(active), bool_or(active), every(active) FROM customers
SELECT bool_and(active), bool_or(active) FROM customers WHERE active IS NOT NULL AND id < 3
SELECT bool_and(credit > 0), bool_or(credit > 1000) FROM customers
SELECT city, bool_and(active), bool_or(NOT active) FROM customers GROUP BY city


-- case: agg_string_agg
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT string_agg(name, ', ' ORDER BY name) FROM customers
SELECT string_agg(city, '|' ORDER BY city DESC NULLS FIRST) FROM customers
SELECT string_agg(name, NULL ORDER BY id) FROM customers
SELECT string_agg(name, '' ORDER BY id DESC) FROM customers
SELECT string_agg(DISTINCT city, ',' ORDER BY city) FROM customers
SELECT string_agg(name, ',') FROM customers WHERE id = 2


-- case: agg_string_agg_scan_order
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT string_agg(name, ',') FROM customers
SELECT string_agg(city, ';') FROM customers
SELECT string_agg(id::text, '-') FROM customers WHERE id > 2


-- case: agg_string_agg_types
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT string_agg(email, ',' ORDER BY id) FROM customers
SELECT string_agg(tier, ',' ORDER BY id) FROM customers
SELECT string_agg(id, ',') FROM customers
SELECT string_agg(name) FROM customers


-- case: agg_array_agg
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT array_agg(id ORDER BY id) FROM customers
SELECT array_agg(city ORDER BY id) FROM customers
SELECT array_agg(credit ORDER BY credit NULLS FIRST) FROM customers
SELECT array_agg(DISTINCT tier ORDER BY tier) FROM customers
SELECT array_agg(id) FROM customers
SELECT tier, array_agg(id ORDER BY id DESC) FROM customers GROUP BY tier


-- case: agg_filter
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT count(*) FILTER (WHERE active), count(*) FILTER (WHERE NOT active), count(*) FROM customers
SELECT sum(credit) FILTER (WHERE city = 'London'), avg(credit) FILTER (WHERE credit > 0) FROM customers
SELECT city, count(*) FILTER (WHERE tier = 'A') FROM customers GROUP BY city
SELECT string_agg(name, ',' ORDER BY name) FILTER (WHERE email IS NOT NULL) FROM customers
SELECT count(*) FILTER (WHERE id > 100) FROM customers


-- case: agg_filter_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT count(*) FILTER (WHERE id) FROM customers
SELECT count(*) FILTER (WHERE count(*) > 1) FROM customers
SELECT lower(name) FILTER (WHERE id > 1) FROM customers


-- case: agg_group_by_column
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city, count(*) FROM customers GROUP BY city
SELECT tier, count(*), sum(credit) FROM customers GROUP BY tier
SELECT active, min(id), max(id) FROM customers GROUP BY active
SELECT city, tier, count(*) FROM customers GROUP BY city, tier
SELECT count(*) FROM customers GROUP BY city


-- case: agg_group_by_ordered
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city, count(*) FROM customers GROUP BY city ORDER BY city
SELECT city, count(*) AS n FROM customers GROUP BY city ORDER BY n DESC, city NULLS FIRST
SELECT tier, sum(credit) FROM customers GROUP BY tier ORDER BY sum(credit) NULLS FIRST, tier
SELECT tier, count(*) FROM customers GROUP BY 1 ORDER BY 1 DESC NULLS LAST


-- case: agg_group_by_expression
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id % 2, count(*) FROM customers GROUP BY id % 2
SELECT lower(city), count(*) FROM customers GROUP BY lower(city)
SELECT credit > 0 AS positive, count(*) FROM customers GROUP BY credit > 0
SELECT date_trunc('year', signup), count(*) FROM customers GROUP BY date_trunc('year', signup)
SELECT id % 2 + 1, count(*) FROM customers GROUP BY id % 2
SELECT upper(lower(city)), count(*) FROM customers GROUP BY lower(city)


-- case: agg_group_by_ordinal_and_alias
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city, count(*) FROM customers GROUP BY 1
SELECT tier AS t, count(*) FROM customers GROUP BY t
SELECT id % 3 AS bucket, count(*) FROM customers GROUP BY bucket
SELECT city AS c, tier, count(*) FROM customers GROUP BY 1, tier
SELECT city, count(*) FROM customers GROUP BY 3
SELECT city, count(*) FROM customers GROUP BY 2


-- case: agg_group_by_name_precedence
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id % 2 AS city, count(*) FROM customers GROUP BY city
SELECT name AS id, count(*) FROM customers GROUP BY id


-- case: agg_group_by_primary_key_dependency
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, name, city FROM customers GROUP BY id
SELECT c.id, c.name, count(*) FROM customers c GROUP BY c.id
SELECT name, city FROM customers GROUP BY name


-- case: agg_group_by_nulls
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
SELECT k, count(*), count(x), sum(x) FROM ta GROUP BY k
SELECT x, count(*) FROM ta GROUP BY x
SELECT k, x, count(*) FROM ta GROUP BY k, x
SELECT v, count(*) FROM ta GROUP BY v


-- case: agg_group_by_not_selected
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT count(*) FROM customers GROUP BY tier
SELECT max(name) FROM customers GROUP BY city, tier
SELECT 'x' FROM customers GROUP BY city


-- case: agg_having
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city, count(*) FROM customers GROUP BY city HAVING count(*) > 1
SELECT tier, sum(credit) FROM customers GROUP BY tier HAVING sum(credit) IS NULL
SELECT tier FROM customers GROUP BY tier HAVING min(id) < 3
SELECT city, count(*) FROM customers GROUP BY city HAVING city LIKE 'L%'
SELECT city FROM customers GROUP BY city HAVING bool_or(active) AND count(*) >= 1
SELECT count(*) FROM customers HAVING min(id) = 1


-- case: agg_having_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city FROM customers GROUP BY city HAVING name = 'Ada'
SELECT city FROM customers GROUP BY city HAVING count(*)
SELECT city FROM customers GROUP BY city HAVING nope > 1
SELECT city, count(*) AS n FROM customers GROUP BY city HAVING n > 1


-- case: agg_having_without_group_by
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT 1 FROM customers HAVING count(*) > 5
SELECT 1 FROM customers HAVING count(*) > 6
SELECT sum(credit) FROM customers HAVING true


-- case: agg_must_appear_in_group_by
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city, name FROM customers GROUP BY city
SELECT name, count(*) FROM customers
SELECT id, count(*) FROM customers
SELECT city, tier, count(*) FROM customers GROUP BY city
SELECT lower(name), count(*) FROM customers GROUP BY city
SELECT city, count(*) FROM customers GROUP BY lower(city)
SELECT c.name FROM customers c GROUP BY c.city


-- case: agg_in_where_error
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE count(*) > 1
SELECT id FROM customers WHERE sum(credit) > 0
SELECT city FROM customers GROUP BY city HAVING city = max(city) AND id = 1
SELECT id FROM customers WHERE id = max(id)


-- case: agg_nested_error
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT sum(count(*)) FROM customers
SELECT max(min(id)) FROM customers GROUP BY city
SELECT count(*) FROM customers GROUP BY count(*)


-- case: agg_order_by_must_be_grouped
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city, count(*) FROM customers GROUP BY city ORDER BY name
SELECT city, count(*) FROM customers GROUP BY city ORDER BY max(name)
SELECT count(*) FROM customers ORDER BY id


-- case: agg_expressions_of_aggregates
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT count(*) * 2, sum(credit) / count(credit), max(id) - min(id) FROM customers
SELECT city, count(*)::text || ' customers' FROM customers GROUP BY city
SELECT round(avg(credit), 2), coalesce(sum(credit), 0) FROM customers
SELECT city, CASE WHEN count(*) > 1 THEN 'many' ELSE 'one' END FROM customers GROUP BY city
SELECT sum(credit * 2), sum(id + 1), max(length(name)) FROM customers


-- case: agg_arguments_with_nulls
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT count(city || tier), sum(credit + id), max(city || '!') FROM customers
SELECT min(coalesce(city, 'zzz')), max(coalesce(city, '')) FROM customers


-- case: agg_numeric_scales
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT sum(unit_price), sum(unit_price * qty), avg(unit_price), min(unit_price * 1.000) FROM order_items
SELECT sum(x) FROM (VALUES (1.1), (2.22), (3.333)) v (x)
SELECT avg(x) FROM (VALUES (1.1), (2.22), (3.333)) v (x)
SELECT avg(x) FROM (VALUES (1::numeric(10, 4)), (2)) v (x)
SELECT sum(x), avg(x) FROM (VALUES (0.000001), (0.000002)) v (x)
SELECT sum(x), avg(x) FROM (VALUES (100000000000000000000), (1)) v (x)


-- case: agg_group_order_items_totals
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT order_id, sum(qty * unit_price) AS total, count(*) FROM order_items GROUP BY order_id ORDER BY order_id
SELECT sku, sum(qty) FROM order_items GROUP BY sku ORDER BY sum(qty) DESC, sku
SELECT order_id, max(line), bool_or(discount > 0) FROM order_items GROUP BY order_id


-- case: agg_group_by_multiple_types
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT placed_at::date, count(*) FROM orders GROUP BY placed_at::date
SELECT ship_date IS NULL, status, count(*) FROM orders GROUP BY 1, 2
SELECT tags, count(*) FROM products GROUP BY tags
SELECT added, count(*) FROM products GROUP BY added


-- case: agg_group_by_float_and_numeric_equality
SELECT count(*) FROM (VALUES (1.0), (1.00), (2)) v (x) GROUP BY x
SELECT x * 0 + 1 = 1, count(*) FROM (VALUES (1.0), (1.00), (1)) v (x) GROUP BY x
SELECT x::text, count(*) FROM (VALUES (1.0), (1.00), (2)) v (x) GROUP BY x::text
SELECT x, count(*) FROM (VALUES ('NaN'::float8), ('NaN'), (1)) v (x) GROUP BY x
SELECT x, count(*) FROM (VALUES ('a'::char(3)), ('a  '), ('a')) v (x) GROUP BY x


-- case: agg_group_by_constant_and_no_from
SELECT count(*)
SELECT count(*), sum(1), max('x'::text)
SELECT count(*) WHERE false
SELECT 1 GROUP BY 1


-- case: agg_count_star_rules
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT count(DISTINCT *) FROM customers
SELECT count(*, id) FROM customers
SELECT sum(*) FROM customers


-- case: agg_unknown_function
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT median(credit) FROM customers
SELECT sum(credit, 1) FROM customers
SELECT count(nope) FROM customers


-- case: agg_group_by_with_where_and_having
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT o.status, count(*) FROM orders o WHERE o.customer_id IS NOT NULL GROUP BY o.status HAVING count(*) > 1
SELECT customer_id, count(*) FROM orders WHERE status <> 'cancelled' GROUP BY customer_id HAVING count(*) >= 1
SELECT customer_id FROM orders GROUP BY customer_id HAVING max(placed_at) > '2024-02-01'


-- case: agg_min_max_on_empty_groups_after_filter
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city, max(credit) FILTER (WHERE credit > 1000) FROM customers GROUP BY city
SELECT tier, min(signup) FILTER (WHERE active) FROM customers GROUP BY tier


-- case: agg_over_generate_series
SELECT count(*), sum(g), avg(g), min(g), max(g) FROM generate_series(1, 1000) g
SELECT g % 3, count(*), sum(g) FROM generate_series(1, 100) g GROUP BY g % 3 ORDER BY 1


-- case: out_json_aggregates
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT json_agg(name ORDER BY id) FROM customers
SELECT jsonb_object_agg(id, name ORDER BY id) FROM customers WHERE id < 3


-- case: agg_min_max_equal_values_last_wins
-- found by property/test_random_differential.py: min/max's transition
-- functions keep the new value among equal ones (bpchar keeps the old)
SELECT min(x), max(x) FROM (VALUES (0.0), (0), (0.00)) v(x)
SELECT min(x), max(x) FROM (VALUES ('-0'::float8), (0::float8)) v(x)
SELECT min(x), max(x) FROM (VALUES (interval '1 day'), (interval '24 hours')) v(x)
SELECT min(x), max(x) FROM (VALUES (ARRAY[1.0]), (ARRAY[1.00])) v(x)
SELECT min(x), max(x) FROM (VALUES ('a'::char(3)), ('a'::bpchar)) v(x)
SELECT g, min(x), max(x) FROM (VALUES (1, 2.0), (1, 2.000), (2, 5), (2, 5.0), (2, 4)) v(g, x) GROUP BY g ORDER BY g
SELECT min(x ORDER BY y), max(x ORDER BY y DESC) FROM (VALUES (1.0, 1), (1.00, 2)) v(x, y)

-- case: agg_distinct_aggregates
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT count(DISTINCT sku), count(sku), count(DISTINCT order_id) FROM order_items
SELECT sum(DISTINCT qty), sum(qty), avg(DISTINCT qty) FROM order_items
SELECT order_id, count(DISTINCT sku) FROM order_items GROUP BY order_id
SELECT count(DISTINCT (order_id, sku)) FROM order_items
SELECT count(DISTINCT unit_price) FROM order_items

-- case: agg_statistics
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT stddev(credit), variance(credit), corr(id, credit) FROM customers
SELECT corr(y, x), covar_pop(y, x), covar_samp(y, x), regr_count(y, x), regr_sxx(y, x), regr_syy(y, x), regr_sxy(y, x), regr_avgx(y, x), regr_avgy(y, x), regr_slope(y, x), regr_intercept(y, x), regr_r2(y, x) FROM (VALUES (1, 2.5), (2, 3.5), (NULL, 1), (4, NULL), (7, 10.25), (3, 3)) v(y, x)
SELECT corr(y, x), covar_pop(y, x), covar_samp(y, x), regr_count(y, x), regr_slope(y, x), regr_r2(y, x), regr_intercept(y, x) FROM (VALUES (1, 2)) v(y, x)
SELECT corr(y, x), covar_pop(y, x), regr_count(y, x), regr_avgx(y, x) FROM (VALUES (1, 2)) v(y, x) WHERE false
SELECT corr(y, x), regr_r2(y, x), regr_slope(y, x) FROM (VALUES (1, 2), (1, 3)) v(y, x)
SELECT corr(y, x), regr_r2(y, x), regr_slope(y, x) FROM (VALUES (1, 2), (3, 2)) v(y, x)
SELECT corr(y, x), covar_pop(y, x), regr_sxx(y, x) FROM (VALUES (1, 'Infinity'::float8), (3, 2)) v(y, x)
SELECT corr(y, x), covar_pop(y, x) FROM (VALUES (1e308, 1e308::float8), (-1e308, -1e308)) v(y, x)
SELECT k, corr(y, x), regr_count(y, x) FILTER (WHERE x > 1) FROM (VALUES (1, 1, 2), (1, 2, 4), (2, 5, 5), (2, 6, 1), (2, 1, 1)) v(k, y, x) GROUP BY k ORDER BY k
SELECT pg_typeof(corr(1, 2)), pg_typeof(regr_count(1, 2)), corr(1::numeric, 2::int8)
