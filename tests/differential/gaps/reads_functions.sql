-- schema: tests/differential/schemas/reads.sql
-- Parity gaps of corpus/reads_functions.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- fn_substring: substring(text FROM pattern), the regular-expression form.
-- fn_format: format() with %s, %I, %L, widths and positional arguments.
-- fn_to_char: to_char of timestamps and numerics.
-- The twin refuses each of these functions (0A000).

-- case: fn_substring
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, substring(name from 2), substring(name from 1 for 2), substr(name, 2, 1) FROM customers
SELECT substring('hello' from 0 for 3), substring('hello' from -1 for 3), substr('hello', 10)
SELECT substring('hello', 2), substr('hello', 2, 0), substring('hello' for 2)
SELECT substr('hello', 1, -1)
SELECT substring('hello' from 'l+'), substring('abc123' from '[0-9]+')


-- case: fn_format
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT format('%s lives in %s', name, city) FROM customers
SELECT format('%I.%L', 'My Table', E'it''s'), format('%L', NULL), format('%s|%-5s|%5s', 'a', 'b', 'c')
SELECT format('%2$s %1$s', 'world', 'hello'), format('100%%')
SELECT format('%s %s', 'only one')


-- case: fn_to_char
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT to_char(signup, 'YYYY-MM-DD'), to_char(signup, 'DD Mon YYYY'), to_char(signup, 'Day') FROM customers WHERE id = 1
SELECT to_char(placed_at, 'YYYY-MM-DD HH24:MI:SS TZ') FROM orders WHERE id = 12
SELECT to_char(credit, 'FM999990.00'), to_char(credit, '9,999.99') FROM customers WHERE credit IS NOT NULL
SELECT to_char(1234.5, '99999.99'), to_char(-0.5, 'S0.9'), to_char(42, '000')


