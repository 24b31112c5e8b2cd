-- schema: tests/differential/schemas/reads.sql
-- The read path's compiled shapes: WHERE conjuncts `column op value`
-- (either way round, a literal the statement cache binds as a parameter),
-- IS [NOT] NULL and boolean columns, each run as one pass over the rows,
-- the rest after them; projections of plain columns; ORDER BY on the
-- values themselves unless a NULL or NaN needs the type's key; GROUP BY
-- columns; count/sum/avg/min/max folded over a group's values. Rows hold
-- NULL, NaN and infinities so every fallback is taken.

-- case: fast_compare_numeric_with_nan
INSERT INTO samples (id, i2, i4, i8, num, n52, f4, f8, t, vc, ch, b, d) VALUES (1, 1, 0, 10, 3.5, 1.50, 1.5, 2.25, 'b', 'x', 'ab', true, '2024-01-31'), (2, 2, 7, -5, 'NaN', -2.00, 'NaN', 'NaN', 'a', 'y', 'ab  ', false, '1999-12-31'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 1, 14, 9223372036854775807, 'Infinity', 1.5, '-Infinity', 'Infinity', 'b', 'x', 'cd', NULL, 'infinity'), (5, 3, -7, 10, 1.50, 0, 0, -0.0, 'c', NULL, NULL, true, '2024-01-31'), (6, 2, 7, 3, '-Infinity', 2.5, 2.5, 1e308, '', 'y', 'ab', false, '-infinity'), (7, 1, 0, 3, 1.5, 1.5, 1.5, 1e308, 'b', 'x', 'ab', true, '2000-02-29')
SELECT id FROM samples WHERE num > 1.5 ORDER BY id
SELECT id FROM samples WHERE num >= 1.5 ORDER BY id
SELECT id FROM samples WHERE num < 3.5 ORDER BY id
SELECT id FROM samples WHERE num <= 'NaN' ORDER BY id
SELECT id FROM samples WHERE num = 1.5 ORDER BY id
SELECT id FROM samples WHERE num = 'NaN' ORDER BY id
SELECT id FROM samples WHERE num <> 1.5 ORDER BY id
SELECT id FROM samples WHERE num <> 'NaN' ORDER BY id
SELECT id FROM samples WHERE 1.5 < num ORDER BY id
SELECT id FROM samples WHERE 'NaN' > num ORDER BY id
SELECT id FROM samples WHERE n52 = 1.5 AND num > 0 ORDER BY id
SELECT id FROM samples WHERE num > NULL


-- case: fast_compare_int_text_date
INSERT INTO samples (id, i2, i4, i8, num, n52, f4, f8, t, vc, ch, b, d) VALUES (1, 1, 0, 10, 3.5, 1.50, 1.5, 2.25, 'b', 'x', 'ab', true, '2024-01-31'), (2, 2, 7, -5, 'NaN', -2.00, 'NaN', 'NaN', 'a', 'y', 'ab  ', false, '1999-12-31'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 1, 14, 9223372036854775807, 'Infinity', 1.5, '-Infinity', 'Infinity', 'b', 'x', 'cd', NULL, 'infinity'), (5, 3, -7, 10, 1.50, 0, 0, -0.0, 'c', NULL, NULL, true, '2024-01-31'), (6, 2, 7, 3, '-Infinity', 2.5, 2.5, 1e308, '', 'y', 'ab', false, '-infinity'), (7, 1, 0, 3, 1.5, 1.5, 1.5, 1e308, 'b', 'x', 'ab', true, '2000-02-29')
SELECT id FROM samples WHERE i4 = 7 ORDER BY id
SELECT id FROM samples WHERE i4 <> 7 ORDER BY id
SELECT id FROM samples WHERE i2 < 2 AND i8 >= 10 ORDER BY id
SELECT id FROM samples WHERE 3 <= i8 ORDER BY id
SELECT id FROM samples WHERE i8 = 9223372036854775807
SELECT id FROM samples WHERE t = 'b' ORDER BY id
SELECT id FROM samples WHERE t > 'a' ORDER BY id
SELECT id FROM samples WHERE t <> '' ORDER BY id
SELECT id FROM samples WHERE vc = 'x' ORDER BY id
SELECT id FROM samples WHERE ch = 'ab' ORDER BY id
SELECT id FROM samples WHERE d = '2024-01-31' ORDER BY id
SELECT id FROM samples WHERE d > '2000-01-01' ORDER BY id
SELECT id FROM samples WHERE d < 'infinity' ORDER BY id


-- case: fast_compare_float
INSERT INTO samples (id, i2, i4, i8, num, n52, f4, f8, t, vc, ch, b, d) VALUES (1, 1, 0, 10, 3.5, 1.50, 1.5, 2.25, 'b', 'x', 'ab', true, '2024-01-31'), (2, 2, 7, -5, 'NaN', -2.00, 'NaN', 'NaN', 'a', 'y', 'ab  ', false, '1999-12-31'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 1, 14, 9223372036854775807, 'Infinity', 1.5, '-Infinity', 'Infinity', 'b', 'x', 'cd', NULL, 'infinity'), (5, 3, -7, 10, 1.50, 0, 0, -0.0, 'c', NULL, NULL, true, '2024-01-31'), (6, 2, 7, 3, '-Infinity', 2.5, 2.5, 1e308, '', 'y', 'ab', false, '-infinity'), (7, 1, 0, 3, 1.5, 1.5, 1.5, 1e308, 'b', 'x', 'ab', true, '2000-02-29')
SELECT id FROM samples WHERE f8 > 2 ORDER BY id
SELECT id FROM samples WHERE f8 = 'NaN' ORDER BY id
SELECT id FROM samples WHERE f4 <= 1.5 ORDER BY id
SELECT id FROM samples WHERE f8 = 0 ORDER BY id


-- case: fast_null_and_boolean_conjuncts
INSERT INTO samples (id, i2, i4, i8, num, n52, f4, f8, t, vc, ch, b, d) VALUES (1, 1, 0, 10, 3.5, 1.50, 1.5, 2.25, 'b', 'x', 'ab', true, '2024-01-31'), (2, 2, 7, -5, 'NaN', -2.00, 'NaN', 'NaN', 'a', 'y', 'ab  ', false, '1999-12-31'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 1, 14, 9223372036854775807, 'Infinity', 1.5, '-Infinity', 'Infinity', 'b', 'x', 'cd', NULL, 'infinity'), (5, 3, -7, 10, 1.50, 0, 0, -0.0, 'c', NULL, NULL, true, '2024-01-31'), (6, 2, 7, 3, '-Infinity', 2.5, 2.5, 1e308, '', 'y', 'ab', false, '-infinity'), (7, 1, 0, 3, 1.5, 1.5, 1.5, 1e308, 'b', 'x', 'ab', true, '2000-02-29')
SELECT id FROM samples WHERE b ORDER BY id
SELECT id FROM samples WHERE NOT b ORDER BY id
SELECT id FROM samples WHERE b IS NOT TRUE ORDER BY id
SELECT id FROM samples WHERE t IS NULL ORDER BY id
SELECT id FROM samples WHERE t IS NOT NULL AND b ORDER BY id
SELECT id FROM samples WHERE vc IS NULL OR b ORDER BY id
SELECT id FROM samples WHERE b AND i4 > 0 AND t = 'b' ORDER BY id
SELECT id FROM samples WHERE true AND i4 = 0 ORDER BY id
SELECT id FROM samples WHERE NULL AND i4 = 0
SELECT id FROM samples WHERE i4 = 0 AND false


-- case: fast_conjunct_order_and_errors
INSERT INTO samples (id, i2, i4, i8, num, n52, f4, f8, t, vc, ch, b, d) VALUES (1, 1, 0, 10, 3.5, 1.50, 1.5, 2.25, 'b', 'x', 'ab', true, '2024-01-31'), (2, 2, 7, -5, 'NaN', -2.00, 'NaN', 'NaN', 'a', 'y', 'ab  ', false, '1999-12-31'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 1, 14, 9223372036854775807, 'Infinity', 1.5, '-Infinity', 'Infinity', 'b', 'x', 'cd', NULL, 'infinity'), (5, 3, -7, 10, 1.50, 0, 0, -0.0, 'c', NULL, NULL, true, '2024-01-31'), (6, 2, 7, 3, '-Infinity', 2.5, 2.5, 1e308, '', 'y', 'ab', false, '-infinity'), (7, 1, 0, 3, 1.5, 1.5, 1.5, 1e308, 'b', 'x', 'ab', true, '2000-02-29')
SELECT id FROM samples WHERE 70 / i4 > 1 AND i4 <> 0 ORDER BY id
SELECT id FROM samples WHERE i4 <> 0 AND 70 / i4 > 1 ORDER BY id
SELECT id FROM samples WHERE i4 = 0 AND 70 / i4 > 1
SELECT id FROM samples WHERE t = 'zzz' AND 1 / i4 = 1
SELECT id FROM samples WHERE 1 / 0 = 1 AND t = 'b'


-- case: fast_projection_columns
INSERT INTO samples (id, i2, i4, i8, num, n52, f4, f8, t, vc, ch, b, d) VALUES (1, 1, 0, 10, 3.5, 1.50, 1.5, 2.25, 'b', 'x', 'ab', true, '2024-01-31'), (2, 2, 7, -5, 'NaN', -2.00, 'NaN', 'NaN', 'a', 'y', 'ab  ', false, '1999-12-31'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 1, 14, 9223372036854775807, 'Infinity', 1.5, '-Infinity', 'Infinity', 'b', 'x', 'cd', NULL, 'infinity'), (5, 3, -7, 10, 1.50, 0, 0, -0.0, 'c', NULL, NULL, true, '2024-01-31'), (6, 2, 7, 3, '-Infinity', 2.5, 2.5, 1e308, '', 'y', 'ab', false, '-infinity'), (7, 1, 0, 3, 1.5, 1.5, 1.5, 1e308, 'b', 'x', 'ab', true, '2000-02-29')
SELECT t, id FROM samples WHERE id < 3 ORDER BY id
SELECT id FROM samples WHERE id < 3 ORDER BY id
SELECT * FROM samples WHERE id = 5
SELECT n52, n52, id FROM samples WHERE id = 1
SELECT s.id, s.t FROM (SELECT * FROM samples) s WHERE s.id = 2


-- case: fast_order_by_values
INSERT INTO samples (id, i2, i4, i8, num, n52, f4, f8, t, vc, ch, b, d) VALUES (1, 1, 0, 10, 3.5, 1.50, 1.5, 2.25, 'b', 'x', 'ab', true, '2024-01-31'), (2, 2, 7, -5, 'NaN', -2.00, 'NaN', 'NaN', 'a', 'y', 'ab  ', false, '1999-12-31'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 1, 14, 9223372036854775807, 'Infinity', 1.5, '-Infinity', 'Infinity', 'b', 'x', 'cd', NULL, 'infinity'), (5, 3, -7, 10, 1.50, 0, 0, -0.0, 'c', NULL, NULL, true, '2024-01-31'), (6, 2, 7, 3, '-Infinity', 2.5, 2.5, 1e308, '', 'y', 'ab', false, '-infinity'), (7, 1, 0, 3, 1.5, 1.5, 1.5, 1e308, 'b', 'x', 'ab', true, '2000-02-29')
SELECT id, num FROM samples ORDER BY num, id
SELECT id, num FROM samples WHERE num IS NOT NULL AND num <> 'NaN' ORDER BY num DESC, id
SELECT id, f8 FROM samples ORDER BY f8 DESC, id
SELECT id, f8 FROM samples WHERE f8 <> 'NaN' ORDER BY f8, id DESC
SELECT id, t FROM samples ORDER BY t NULLS FIRST, id
SELECT id, t FROM samples WHERE t IS NOT NULL ORDER BY t DESC, id DESC
SELECT id, d FROM samples ORDER BY d, id
SELECT id, ch FROM samples ORDER BY ch, id
SELECT id, i4 FROM samples ORDER BY i4 * 2 DESC NULLS LAST, id
SELECT id FROM samples ORDER BY 1 / (i4 - 7), id
SELECT id FROM samples WHERE id = 1 ORDER BY 1 / i4


-- case: fast_group_by_columns
INSERT INTO samples (id, i2, i4, i8, num, n52, f4, f8, t, vc, ch, b, d) VALUES (1, 1, 0, 10, 3.5, 1.50, 1.5, 2.25, 'b', 'x', 'ab', true, '2024-01-31'), (2, 2, 7, -5, 'NaN', -2.00, 'NaN', 'NaN', 'a', 'y', 'ab  ', false, '1999-12-31'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 1, 14, 9223372036854775807, 'Infinity', 1.5, '-Infinity', 'Infinity', 'b', 'x', 'cd', NULL, 'infinity'), (5, 3, -7, 10, 1.50, 0, 0, -0.0, 'c', NULL, NULL, true, '2024-01-31'), (6, 2, 7, 3, '-Infinity', 2.5, 2.5, 1e308, '', 'y', 'ab', false, '-infinity'), (7, 1, 0, 3, 1.5, 1.5, 1.5, 1e308, 'b', 'x', 'ab', true, '2000-02-29')
SELECT t, count(*), count(i4), sum(i4), avg(i4) FROM samples GROUP BY t ORDER BY t
SELECT i2, t, count(*), min(num), max(num) FROM samples GROUP BY i2, t ORDER BY i2, t
SELECT vc, sum(n52), avg(n52), min(d), max(d) FROM samples GROUP BY vc ORDER BY vc
SELECT b, sum(i8), avg(i8), sum(i2), avg(i2) FROM samples GROUP BY b ORDER BY b
SELECT ch, count(*) FROM samples GROUP BY ch ORDER BY ch
SELECT n52, count(*) FROM samples GROUP BY n52 ORDER BY n52
SELECT t, count(*) FROM samples WHERE i4 > 100 GROUP BY t
SELECT count(*), sum(num), avg(num) FROM samples WHERE i4 > 100


-- case: fast_float_sums
INSERT INTO samples (id, i2, i4, i8, num, n52, f4, f8, t, vc, ch, b, d) VALUES (1, 1, 0, 10, 3.5, 1.50, 1.5, 2.25, 'b', 'x', 'ab', true, '2024-01-31'), (2, 2, 7, -5, 'NaN', -2.00, 'NaN', 'NaN', 'a', 'y', 'ab  ', false, '1999-12-31'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 1, 14, 9223372036854775807, 'Infinity', 1.5, '-Infinity', 'Infinity', 'b', 'x', 'cd', NULL, 'infinity'), (5, 3, -7, 10, 1.50, 0, 0, -0.0, 'c', NULL, NULL, true, '2024-01-31'), (6, 2, 7, 3, '-Infinity', 2.5, 2.5, 1e308, '', 'y', 'ab', false, '-infinity'), (7, 1, 0, 3, 1.5, 1.5, 1.5, 1e308, 'b', 'x', 'ab', true, '2000-02-29')
SELECT sum(f8), avg(f8), sum(f4), avg(f4) FROM samples WHERE id IN (1, 5)
SELECT sum(f8), avg(f8) FROM samples WHERE id IN (1, 4, 5)
SELECT sum(f8), avg(f8) FROM samples WHERE id IN (1, 2)
SELECT sum(f8) FROM samples WHERE id IN (6, 7)
SELECT avg(f8) FROM samples WHERE id IN (6, 7)
SELECT sum(f8) FROM samples WHERE id IN (4, 6, 7)
SELECT t, sum(f8), avg(f8) FROM samples WHERE id <> 7 GROUP BY t ORDER BY t
SELECT sum(x), avg(x) FROM (VALUES (0.1::float8), (0.2), (0.3), (1e16), (-1e16), (0.7)) v (x)
SELECT sum(x), avg(x) FROM (VALUES (1e308::float8), (-1e308), (1e308)) v (x)
SELECT sum(x) FROM (VALUES (-0.0::float8)) v (x)
SELECT avg(x) FROM (VALUES (-0.0::float8)) v (x)


-- case: fast_numeric_sums
INSERT INTO samples (id, i2, i4, i8, num, n52, f4, f8, t, vc, ch, b, d) VALUES (1, 1, 0, 10, 3.5, 1.50, 1.5, 2.25, 'b', 'x', 'ab', true, '2024-01-31'), (2, 2, 7, -5, 'NaN', -2.00, 'NaN', 'NaN', 'a', 'y', 'ab  ', false, '1999-12-31'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 1, 14, 9223372036854775807, 'Infinity', 1.5, '-Infinity', 'Infinity', 'b', 'x', 'cd', NULL, 'infinity'), (5, 3, -7, 10, 1.50, 0, 0, -0.0, 'c', NULL, NULL, true, '2024-01-31'), (6, 2, 7, 3, '-Infinity', 2.5, 2.5, 1e308, '', 'y', 'ab', false, '-infinity'), (7, 1, 0, 3, 1.5, 1.5, 1.5, 1e308, 'b', 'x', 'ab', true, '2000-02-29')
SELECT sum(num), avg(num) FROM samples WHERE id IN (1, 5, 7)
SELECT sum(num), avg(num) FROM samples WHERE id IN (1, 4)
SELECT sum(num), avg(num) FROM samples WHERE id IN (4, 6)
SELECT sum(num), avg(num) FROM samples WHERE id IN (1, 2)
SELECT sum(i8), avg(i8) FROM samples
SELECT sum(x), avg(x) FROM (VALUES (1.10::numeric), (2.205), (-0.005)) v (x)


-- case: fast_group_by_table_columns
-- A table of 5,000 rows (at least plan_columnar.MIN_ROWS): GROUP BY over
-- the whole table reads columnar copies of its columns, kept until a write
-- replaces the table's rows; inside a transaction that wrote the table the
-- row path runs. NULL keys and values, NaN and infinities in the folds.
INSERT INTO samples (id, i2, i4, i8, num, n52, f4, f8, t, vc, ch, b, d) SELECT g, (g % 7)::smallint, CASE WHEN g % 11 = 0 THEN NULL ELSE g % 1000 END, g::bigint * 1000000007, CASE WHEN g % 13 = 0 THEN NULL WHEN g = 77 THEN 'NaN' WHEN g = 1234 THEN 'Infinity' ELSE (g % 500) / 4.0 END, (g % 300) / 4.0, (g % 64) / 8.0, CASE WHEN g = 4001 THEN 'NaN' WHEN g = 2002 THEN '-Infinity' ELSE (g % 128) / 16.0 END, CASE WHEN g % 5 = 0 THEN NULL ELSE chr(97 + g % 4) END, CASE WHEN g % 3 = 0 THEN 'x' WHEN g % 3 = 1 THEN 'y' END, CASE WHEN g % 2 = 0 THEN 'ab' ELSE 'ab  ' END, CASE WHEN g % 9 = 0 THEN NULL ELSE g % 2 = 0 END, DATE '2024-01-01' + g % 40 FROM generate_series(1, 5000) g
SELECT t, count(*), count(i4), sum(i4), avg(i4), min(i4), max(i4) FROM samples GROUP BY t ORDER BY t
SELECT t, count(*), sum(num), avg(num), min(num), max(num) FROM samples GROUP BY t ORDER BY t
SELECT i2, b, count(*), sum(i8), avg(i8), sum(f8), avg(f8), sum(f4) FROM samples GROUP BY i2, b ORDER BY i2, b
SELECT vc, sum(n52), avg(n52), min(d), max(d), min(t), max(t) FROM samples GROUP BY vc ORDER BY vc
SELECT ch, count(*), sum(i2) FROM samples GROUP BY ch ORDER BY ch
SELECT d, count(*), sum(i4) FROM samples GROUP BY d ORDER BY d LIMIT 5
SELECT b, count(*) FROM samples GROUP BY b HAVING count(*) > 1000 ORDER BY b
SELECT t, count(*) FROM samples WHERE i4 > 500 GROUP BY t ORDER BY t
UPDATE samples SET i4 = i4 + 1, t = 'e' WHERE id % 97 = 0
SELECT t, count(*), count(i4), sum(i4), avg(i4) FROM samples GROUP BY t ORDER BY t
DELETE FROM samples WHERE id % 10 = 1
SELECT t, count(*), sum(i4), sum(num) FROM samples GROUP BY t ORDER BY t
BEGIN
INSERT INTO samples (id, t, i4) SELECT g, 'f', g FROM generate_series(5001, 5100) g
SELECT t, count(*), sum(i4) FROM samples GROUP BY t ORDER BY t
ROLLBACK
SELECT t, count(*), sum(i4) FROM samples GROUP BY t ORDER BY t
