-- schema: tests/differential/schemas/reads.sql
-- Parity gaps of corpus/reads_types.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- types_timestamptz_time_zones: a numeric TimeZone offset such as '+05'.

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
