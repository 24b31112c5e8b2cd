-- schema: tests/differential/schemas/reads.sql
-- Every SPEC §7 type read back from a table, both as the client's typed
-- value and as text (`col::text` is the output function: numeric scale,
-- float formatting under extra_float_digits, timestamps in the session
-- TimeZone and DateStyle, interval styles, json kept verbatim vs jsonb
-- normalised, bytea hex/escape, uuid lower-case, arrays with NULLs and
-- quoting), RowDescription type OIDs for each column, and comparisons,
-- ordering and grouping per type.

-- case: types_row_description
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT * FROM samples WHERE id = 1
SELECT * FROM samples WHERE id = 3


-- case: types_integers_text
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, i2::text, i4::text, i8::text FROM samples
SELECT id, -i2, i4 + 0, i8 - 0 FROM samples WHERE id IN (1, 4)
SELECT -i2 FROM samples WHERE id = 2
SELECT i4 + 1 FROM samples WHERE id = 4
SELECT i8 * 2 FROM samples WHERE id = 4


-- case: types_integer_promotion
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT i2 + i2, i2 + i4, i4 + i8, i2 * 1.5, i4 / 2, i8 / 2.0 FROM samples WHERE id = 1
SELECT pg_typeof(i2 + i2), pg_typeof(i2 + i4), pg_typeof(i4 + i8), pg_typeof(i8 + 1.0) FROM samples WHERE id = 1


-- case: types_numeric_text
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, num::text, n52::text FROM samples
SELECT num * 2, num / 3, n52 * n52, n52 + 0.001 FROM samples WHERE id = 1
SELECT num + 1, n52 - 1 FROM samples WHERE id = 4
SELECT 1.10 + 2.205, 1.5 * 1.5, 10.0 / 4, 1 / 3.0, 0.1 + 0.2


-- case: types_numeric_scale_from_table
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT credit, credit::text, (credit * 1)::text, (credit + 0.001)::text, round(credit, 0)::text FROM customers WHERE credit IS NOT NULL


-- case: types_float_text
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, f4::text, f8::text FROM samples
SELECT f4, f8 FROM samples
SELECT f4 * 3, f8 * 3 FROM samples WHERE id IN (1, 2)
SELECT (f4 * 3)::text, (f8 * 3)::text FROM samples WHERE id IN (1, 2)


-- case: types_float_extra_float_digits
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SET extra_float_digits = 0
SELECT f4::text, f8::text, (f8 * 3)::text FROM samples WHERE id IN (1, 2)
SELECT sku, weight::text, (weight * 3)::text, rating::text FROM products
SET extra_float_digits = -3
SELECT f4::text, f8::text, (f8 * 3)::text FROM samples WHERE id IN (1, 2)
SET extra_float_digits = 3
SELECT f4::text, (f8 * 3)::text FROM samples WHERE id IN (1, 2)
RESET extra_float_digits
SELECT (f8 * 3)::text FROM samples WHERE id = 2


-- case: types_float_special
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id FROM samples WHERE f4 = 'NaN'
SELECT id FROM samples WHERE f8 = 'Infinity'
SELECT id, f4 > 1e30, f8 > 1e300 FROM samples WHERE id IN (1, 4)
SELECT f4::text FROM samples ORDER BY f4 NULLS FIRST, id


-- case: types_text_types
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, t, vc, ch, ch::text, length(ch), ch || '|' FROM samples
SELECT id FROM samples WHERE ch = 'ab'
SELECT id FROM samples WHERE ch = 'ab  '
SELECT id FROM samples WHERE vc = 'short'
SELECT id FROM samples WHERE t = ''
SELECT id, t < vc, vc::char(2), ch::varchar(1) FROM samples WHERE id IN (1, 2)


-- case: types_boolean
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, b, b::text, NOT b, b::int FROM samples
SELECT id FROM samples WHERE b
SELECT id FROM samples WHERE NOT b
SELECT id FROM samples WHERE b IS NULL


-- case: types_timestamp_text
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, ts, ts::text FROM samples
SELECT ts + interval '1 day', ts - interval '1 microsecond' FROM samples WHERE id IN (1, 4)
SELECT id FROM samples WHERE ts > '2024-01-01'
SELECT ts::date, ts::time FROM samples WHERE id = 1


-- case: types_timestamptz_session_conversions
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SET TimeZone = 'Europe/Berlin'
SELECT ts::timestamptz::text, d::timestamptz::text FROM samples WHERE id = 1
SELECT id FROM samples WHERE tstz = '2024-01-31 11:34:56.789+01'
SELECT date_trunc('day', tstz)::text FROM samples WHERE id = 1
SELECT extract(hour from tstz) FROM samples WHERE id = 1


-- case: types_time_text
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, tm, tm::text FROM samples
SELECT tm + interval '1 hour', tm - interval '13 hours' FROM samples WHERE id IN (1, 4)
SELECT id FROM samples WHERE tm > '12:00'


-- case: types_interval_text
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, iv, iv::text FROM samples
SELECT iv * 2, iv / 2, -iv FROM samples WHERE id IN (1, 2)
SELECT (iv * 2)::text, (iv / 3)::text FROM samples WHERE id IN (1, 2, 4)
SELECT id FROM samples WHERE iv > interval '1 day'


-- case: types_uuid
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, u, u::text FROM samples
SELECT id FROM samples WHERE u = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'
SELECT id FROM samples WHERE u = '{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a12}'
SELECT id FROM samples WHERE u > '00000000-0000-0000-0000-000000000000' ORDER BY u
SELECT id FROM samples WHERE u = 'not-a-uuid'


-- case: types_arrays
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, ia, ia::text, ta, ta::text FROM samples
SELECT id, ia[1], ia[2], ta[2], array_length(ia, 1), cardinality(ta) FROM samples
SELECT id FROM samples WHERE ia = '{1,2,3}'
SELECT id FROM samples WHERE 2 = ANY (ia)
SELECT id, ia || 4, ta || 'w'::text FROM samples WHERE id IN (1, 2)


-- case: types_array_quoting
SELECT ARRAY['a b', 'c,d', '"q"', 'back\slash', '', NULL, 'NULL']::text
SELECT ARRAY['a b', 'c,d', '"q"', 'back\slash', '', NULL, 'NULL']
SELECT ARRAY[1.50, 2, NULL]::numeric(4, 1)[], ARRAY[true, false], ARRAY[date '2024-01-01']


-- case: types_group_and_order_per_type
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT d, count(*) FROM samples GROUP BY d ORDER BY d NULLS FIRST
SELECT tstz, count(*) FROM samples GROUP BY tstz ORDER BY tstz NULLS LAST
SELECT iv FROM samples ORDER BY iv NULLS FIRST, id
SELECT u FROM samples ORDER BY u DESC NULLS LAST, id
SELECT raw FROM samples ORDER BY raw NULLS FIRST, id
SELECT ia FROM samples ORDER BY ia NULLS FIRST, id


-- case: types_json_equality_error
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT DISTINCT j FROM samples
SELECT j FROM samples ORDER BY j


-- case: types_null_typed_columns
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT i2, num, f8, t, b, d, ts, tstz, tm, iv, u, j, jb, raw, ia FROM samples WHERE id = 3
SELECT coalesce(i2, 0), coalesce(t, '-'), coalesce(iv, interval '0'), coalesce(ia, '{}') FROM samples WHERE id = 3


-- case: types_typed_literal_columns
SELECT 1::int2, 1::int4, 1::int8, 1::numeric(5, 2), 1::float4, 1::float8, 'x'::varchar(3), 'x'::char(3), true, date '2024-01-01', time '10:00', timestamp '2024-01-01', timestamptz '2024-01-01', interval '1 day', gen_random_uuid() IS NOT NULL, '{}'::json, '{}'::jsonb, '\x00'::bytea, '{1}'::int[]


-- case: types_comparison_across_types
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id FROM samples WHERE i2 * 100 = i4
SELECT id FROM samples WHERE i8 > num
SELECT id FROM samples WHERE f4 = f8 - 0.75
SELECT id FROM samples WHERE d = ts
SELECT id FROM samples WHERE d = ts::date
SELECT id FROM samples WHERE ts = tstz + interval '2 hours'
SELECT id FROM samples WHERE ts::date = tstz
SELECT id FROM samples WHERE t > vc
SELECT id FROM samples WHERE ch = 'x'::varchar
SELECT id FROM samples WHERE ch::text = 'x'
SELECT id, ch = vc, ch < t FROM samples


-- case: types_numeric_special_values
SELECT x, x::text FROM (VALUES ('NaN'::numeric), ('Infinity'), ('-Infinity'), (0.000)) v (x)
SELECT x FROM (VALUES ('NaN'::numeric), (1), ('Infinity')) v (x) ORDER BY x
SELECT x FROM (VALUES ('NaN'::numeric)) v (x) WHERE x = 'NaN'


-- case: types_varchar_result_types
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT email || email, pg_typeof(email || email), left(email, 3), pg_typeof(left(email, 3)) FROM customers WHERE id = 1
SELECT vc, upper(vc), pg_typeof(upper(vc)), vc::varchar(2), ch::varchar FROM samples WHERE id = 1
SELECT pg_typeof(coalesce(vc, t)), pg_typeof(coalesce(ch, vc)), pg_typeof(CASE WHEN true THEN ch ELSE vc END) FROM samples WHERE id = 1


-- case: types_date_infinity
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT d::text FROM samples ORDER BY d NULLS FIRST, id
SELECT id FROM samples WHERE d = 'infinity'
SELECT id, d > now() FROM samples WHERE d IS NOT NULL
-- case: types_json
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, j, j::text FROM samples
SELECT id, j -> 'a', j ->> 'b', j -> 'b' -> 1 FROM samples WHERE id = 1
SELECT j::jsonb::text FROM samples WHERE id IN (1, 4)
SELECT id FROM samples WHERE j::text = '[]'
SELECT j = j FROM samples


-- case: types_interval_styles
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SET IntervalStyle = 'iso_8601'
SELECT id, iv::text FROM samples
SET IntervalStyle = 'sql_standard'
SELECT id, iv::text FROM samples
SET IntervalStyle = 'postgres_verbose'
SELECT id, iv::text FROM samples


-- case: types_date_text
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, d, d::text FROM samples
SELECT d + 1, d - 1 FROM samples WHERE id IN (1, 2)
SELECT d + 1 FROM samples WHERE id = 4
SELECT id FROM samples WHERE d > '2000-01-01'

-- case: types_jsonb
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, jb, jb::text FROM samples
SELECT id, jb -> 'a', jb ->> 'b', jb -> 'b' -> 1, jb ? 'a' FROM samples
SELECT id FROM samples WHERE jb = '{"a": 1, "b": [1, 2]}'
SELECT id FROM samples WHERE jb @> '{"a": 1}'
SELECT jb FROM samples WHERE jb IS NOT NULL ORDER BY jb, id

-- case: types_distinct_per_type
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT DISTINCT b FROM samples
SELECT count(DISTINCT ch), count(DISTINCT jb), count(DISTINCT ia) FROM samples
SELECT count(DISTINCT j::text) FROM samples


-- case: types_bytea
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, raw, raw::text, length(raw), octet_length(raw) FROM samples
SET bytea_output = 'escape'
SELECT id, raw::text FROM samples
RESET bytea_output
SELECT id FROM samples WHERE raw = '\xDEADBEEF'
SELECT raw || '\x01'::bytea FROM samples WHERE id = 1


-- case: types_date_styles
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SET DateStyle = 'SQL, DMY'
SELECT d::text, ts::text, tstz::text FROM samples WHERE id = 1
SET DateStyle = 'German'
SELECT d::text, ts::text, tstz::text FROM samples WHERE id = 1
SET DateStyle = 'Postgres, MDY'
SELECT d::text, ts::text, tstz::text FROM samples WHERE id = 1
SET DateStyle = 'ISO, DMY'
SELECT d::text, ts::text FROM samples WHERE id = 1

-- case: types_timestamptz_time_zones
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT id, tstz::text FROM samples
SET TimeZone = 'America/New_York'
SELECT id, tstz::text FROM samples
SELECT id, placed_at::text FROM orders
SELECT tstz::date, tstz::time, tstz::timestamp FROM samples WHERE id = 1
SET TimeZone = 'Asia/Kolkata'
SELECT id, tstz::text FROM samples WHERE id IN (1, 2)
SET TimeZone = '+05'
SELECT id, tstz::text FROM samples WHERE id = 1
RESET TimeZone
SELECT id, tstz::text FROM samples WHERE id = 1

-- case: types_numeric_time_zone_offsets
SET TimeZone = '+05'
SHOW TimeZone
SELECT current_setting('TimeZone'), '2024-01-31 12:34:56+00'::timestamptz, to_char('2024-01-31 12:34:56+00'::timestamptz, 'TZ OF'), '2024-01-31 12:34'::timestamp::timestamptz
SET TimeZone = '-3.5'
SHOW TimeZone
SELECT '2024-06-30 23:00:00+00'::timestamptz, '2024-06-30 23:00:00'::timestamptz::text, extract(timezone FROM '2024-06-30 23:00:00+00'::timestamptz)
SET TimeZone = 0
SHOW TimeZone
SET TimeZone = '5.25'
SHOW TimeZone
SELECT '2000-01-01 00:00:00+00'::timestamptz
SET TimeZone = '200'
SHOW TimeZone
RESET TimeZone
SHOW TimeZone
