-- schema: tests/differential/schemas/reads.sql
-- ln, log (one argument: base 10; two: any base), log10 and exp over
-- numeric: the result scale PostgreSQL chooses from its estimate of the
-- result's weight (at least 16 significant digits, never fewer decimals
-- than an input has), rounding, results near 1 and far from it, NaN and
-- the infinities, and the errors for zero, negative inputs, base 1 and
-- overflow. Integer arguments choose the numeric or float8 variant as
-- PostgreSQL's candidate selection does.

-- case: numeric_ln_log
SELECT ln(2.0), ln(10::numeric), ln(0.5), ln(1.0), ln(1.000001), ln(0.999999), ln(123456789.123456789)
SELECT log(100.0), log(2.0, 8.0), log(2, 8), log(10, 1000), log(0.5, 0.125), log(3.0, 10), log10(1000::numeric)
SELECT log(1e-20::numeric), ln(1e100::numeric), log(2, 1e50::numeric), ln(1.1), ln(0.9)
SELECT pg_typeof(log(2, 8)), pg_typeof(ln(2)), pg_typeof(ln(2.0)), pg_typeof(exp(1)), pg_typeof(log(100))


-- case: numeric_exp
SELECT exp(1.0), exp(0.0), exp(-1.0), exp(10.5), exp(1::numeric), exp(100::numeric)
SELECT exp(-100.0), exp(0.000001), exp(2.302585092994046)
SELECT exp(-7000.0)
SELECT exp(7000.0)


-- case: numeric_log_specials
SELECT ln('NaN'::numeric), log('NaN'::numeric, 2), exp('NaN'::numeric), ln('Infinity'::numeric), exp('Infinity'::numeric), exp('-Infinity'::numeric)
SELECT log('Infinity'::numeric, 2), log(2, 'Infinity'::numeric), log('Infinity'::numeric, 'Infinity'::numeric)
SELECT ln(0::numeric)
SELECT ln(-1::numeric)
SELECT log(0, 2.0)
SELECT log(2.0, -8)
SELECT log(1.0, 8)
SELECT log('-Infinity'::numeric, 2)


-- case: numeric_logs_over_columns
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5)
SELECT id, ln(credit), log(credit), round(exp(credit / 1000), 4) FROM customers WHERE credit > 0 ORDER BY id
SELECT id, log(2, credit) FROM customers WHERE credit IS NOT NULL ORDER BY id


-- case: fn_power_sqrt_exp
SELECT power(2, 10), power(2.0, 10), power(2, 0.5), power(2::float8, -1), 2 ^ 3, 2.0 ^ 3
SELECT sqrt(16), sqrt(2), sqrt(2.0), exp(1), ln(exp(1)), log(100), log(2, 8)
SELECT sqrt(-1)
SELECT power(0, -1)
SELECT power(-8, 1.0 / 3)

-- case: numeric_scale_functions
SELECT scale(1.50), scale(0::numeric), scale('NaN'::numeric), scale('Infinity'::numeric), min_scale(1.500), trim_scale(1.500), min_scale(0.000), trim_scale(0.000), trim_scale('NaN'::numeric), min_scale(-12.3400), trim_scale(100.00), scale(1e-20), trim_scale(1e20)
SELECT trim_scale(-0.0100), min_scale(12345678901234567890.000000001000), trim_scale('-Infinity'::numeric), scale(NULL::numeric), pg_typeof(scale(1.0)), pg_typeof(trim_scale(1.0))
SELECT scale(x), trim_scale(x) FROM (VALUES (1.10), (2.000), (-3)) v(x) ORDER BY 1, 2
