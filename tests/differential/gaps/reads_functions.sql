-- schema: tests/differential/schemas/reads.sql
-- Parity gaps of corpus/reads_functions.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- fn_substring: substring(text FROM pattern), the regular-expression form.
-- fn_power_sqrt_exp: log(numeric, numeric).
-- fn_make_date_time: make_time, make_timestamp and make_interval with
--   named arguments.
-- The twin refuses each of these functions (0A000).

-- case: fn_substring
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, substring(name from 2), substring(name from 1 for 2), substr(name, 2, 1) FROM customers
SELECT substring('hello' from 0 for 3), substring('hello' from -1 for 3), substr('hello', 10)
SELECT substring('hello', 2), substr('hello', 2, 0), substring('hello' for 2)
SELECT substr('hello', 1, -1)
SELECT substring('hello' from 'l+'), substring('abc123' from '[0-9]+')


-- case: fn_power_sqrt_exp
SELECT power(2, 10), power(2.0, 10), power(2, 0.5), power(2::float8, -1), 2 ^ 3, 2.0 ^ 3
SELECT sqrt(16), sqrt(2), sqrt(2.0), exp(1), ln(exp(1)), log(100), log(2, 8)
SELECT sqrt(-1)
SELECT power(0, -1)
SELECT power(-8, 1.0 / 3)


-- case: fn_make_date_time
SELECT make_date(2024, 2, 29), make_time(12, 34, 56.5), make_timestamp(2024, 1, 2, 3, 4, 5.5), make_interval(days => 3, hours => 2)
SELECT make_date(2023, 2, 29)
SELECT make_date(-44, 3, 15)::text
