-- schema: tests/differential/schemas/reads.sql
-- make_date, make_time, make_timestamp, make_timestamptz and make_interval,
-- called with positional arguments, named ones (`name => value`, and the
-- older `name := value`) and defaults: the fields' range checks and their
-- messages (years before 1 are refused by make_timestamp, BC by
-- make_date), seconds rounded to microseconds, 24:00:00, and the call
-- errors named arguments bring (unknown or repeated names, a positional
-- argument after a named one, a parameter without a default left out).

-- case: make_positional
SELECT make_date(2024, 2, 29), make_time(12, 34, 56.5), make_timestamp(2024, 1, 2, 3, 4, 5.5), make_interval(1, 2, 3, 4, 5, 6, 7.5)
SELECT make_interval(), make_interval(2), make_interval(0, 0, 0, 0, 0, 0, 0.0000005), make_interval(0, 0, 0, 0, 0, 0, -1.25)
SELECT make_time(24, 0, 0), make_time(0, 0, 59.9999999), make_time(23, 59, 60)
SELECT pg_typeof(make_time(1, 2, 3)), pg_typeof(make_interval(1)), pg_typeof(make_timestamptz(2024, 1, 1, 0, 0, 0))


-- case: make_timestamptz_in_zones
SELECT make_timestamptz(2024, 7, 1, 12, 0, 0), make_timestamptz(2024, 1, 1, 0, 0, 0.5)
SET TimeZone = 'America/New_York'
SELECT make_timestamptz(2024, 7, 1, 12, 0, 0), make_timestamptz(2024, 3, 10, 2, 30, 0), make_timestamptz(2024, 11, 3, 1, 30, 0)
SET TimeZone = 'Asia/Kolkata'
SELECT make_timestamptz(2024, 1, 1, 0, 0, 0)


-- case: make_field_errors
SELECT make_time(24, 0, 0.1)
SELECT make_time(-1, 0, 0)
SELECT make_time(1, 60, 0)
SELECT make_time(1, 2, 'NaN')
SELECT make_timestamp(0, 1, 1, 0, 0, 0)
SELECT make_timestamp(2023, 2, 29, 0, 0, 0)
SELECT make_timestamp(2024, 13, 1, 0, 0, 0)
SELECT make_timestamp(2024, 1, 1, 25, 0, 0)
SELECT make_timestamp(294277, 1, 1, 0, 0, 0)
SELECT make_interval(secs => 'Infinity')
SELECT make_interval(secs => 'NaN')


-- case: make_named_arguments
SELECT make_interval(days => 3, hours => 2), make_interval(1, days => 10), make_interval(secs => 1.5), make_interval(weeks := 2)
SELECT make_date(year => 2024, month => 2, day => 29), make_date(2024, day => 1, month => 3), make_date(day => 31, month => 12, year => -44)
SELECT make_interval(mins => 90, secs => 30) AS ninety, make_time(hour => 8, min => 30, sec => 0)
SELECT make_interval(days => 3, days => 4)
SELECT make_interval(days => 3, 4)
SELECT make_interval(nope => 1)
SELECT make_interval(1, years => 2)
SELECT make_date(year => 2024, month => 2)
SELECT make_interval(days => 'x')
SELECT make_interval(hours => 1.5)


-- case: make_over_columns
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL)
SELECT id, signup + make_interval(days => id) AS due, make_interval(months => id::int, days => 1) FROM customers ORDER BY id
SELECT id, make_date(2024, id, 1) FROM customers ORDER BY id


-- case: make_seconds_spelled
SELECT make_time(1, 2, '-Infinity')
SELECT make_timestamp(294277, 1, 1, 0, 0, 0.25)


-- case: fn_make_date_time
SELECT make_date(2024, 2, 29), make_time(12, 34, 56.5), make_timestamp(2024, 1, 2, 3, 4, 5.5), make_interval(days => 3, hours => 2)
SELECT make_date(2023, 2, 29)
SELECT make_date(-44, 3, 15)::text


-- case: make_date_bc_errors
-- found by property/test_random_differential.py: the messages print the
-- year after ValidateDate's BC conversion (-44 is 44 BC, internally -43)
SELECT make_date(-44, 2, 29)
SELECT make_date(-1, 13, 1)
SELECT make_date(-5000000, 1, 1)
SELECT make_date(-45, 2, 29)
