-- schema: tests/differential/schemas/reads.sql
-- IntervalStyle: each of PostgreSQL's four styles for interval output
-- (postgres, postgres_verbose, sql_standard, iso_8601: signs, mixed-sign
-- fields, fractions, zero, years and months), for input under
-- sql_standard (a leading minus applies to every field), in casts to
-- text, in errors that print an interval, and the SHOW/SET round trip.

-- case: interval_style_output
SET IntervalStyle = 'postgres_verbose'
SELECT INTERVAL '1 year 2 mons 3 days 04:05:06.789', INTERVAL '-1 year -2 mons', INTERVAL '0', INTERVAL '-3 days 04:00', INTERVAL '1.5 seconds', INTERVAL '-0.000001 sec'
SHOW IntervalStyle
SET IntervalStyle = 'sql_standard'
SELECT INTERVAL '1 year 2 mons 3 days 04:05:06.789', INTERVAL '-1 year -2 mons', INTERVAL '0', INTERVAL '-3 days 04:00', INTERVAL '1.5 seconds', INTERVAL '-1 day -02:03:04'
SELECT INTERVAL '1 year 2 mons', INTERVAL '3 days', INTERVAL '-3 days', INTERVAL '1 year -2 mons', INTERVAL '04:05:06'
SET IntervalStyle = 'iso_8601'
SELECT INTERVAL '1 year 2 mons 3 days 04:05:06.789', INTERVAL '-1 year -2 mons', INTERVAL '0', INTERVAL '-3 days 04:00', INTERVAL '1.5 seconds', INTERVAL '-0.000001 sec'
SELECT (INTERVAL '1 day 2 hours')::text, INTERVAL '1 day' * 1.5, age('2024-03-01'::date, '2023-01-15'::date)
RESET IntervalStyle
SELECT INTERVAL '1 year 2 mons 3 days 04:05:06.789'


-- case: interval_style_sql_standard_input
SET IntervalStyle = 'sql_standard'
SELECT INTERVAL '-1 2:03:04', INTERVAL '-1-2 3 4:05:06', INTERVAL '1-2', INTERVAL '-1 2', INTERVAL '+1 -2:03:04'
SELECT '-1 2:03:04'::interval = '-1 days -2:03:04'::interval
SET IntervalStyle = 'postgres'
SELECT INTERVAL '-1 2:03:04', INTERVAL '-1-2 3 4:05:06'


-- case: interval_style_values_from_tables
INSERT INTO orders VALUES (10, NULL, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, NULL, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, NULL, '2024-07-11 09:15:00+01', '2024-02-15', 'shipped', '')
SET IntervalStyle = 'iso_8601'
SELECT id, ship_date - placed_at::date AS days, '2024-12-31 00:00+00'::timestamptz - placed_at AS left_in_year FROM orders ORDER BY id
SET IntervalStyle = 'sql_standard'
SELECT id, '2024-12-31 00:00+00'::timestamptz - placed_at FROM orders ORDER BY id
SET IntervalStyle = 'postgres_verbose'
SELECT id, placed_at - '2024-12-31 00:00+00'::timestamptz FROM orders ORDER BY id
SET IntervalStyle = 'nonsense'
