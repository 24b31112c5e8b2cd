-- schema: tests/differential/schemas/reads.sql
-- Parity gaps of corpus/reads_functions.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- fn_power_sqrt_exp: log(numeric, numeric).
-- fn_make_date_time: make_time, make_timestamp and make_interval with
--   named arguments.
-- The twin refuses each of these functions (0A000).

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
