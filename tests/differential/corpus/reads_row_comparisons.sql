-- schema: tests/differential/schemas/reads.sql
-- Row constructors in comparisons: = and <> column by column, <, <=, >,
-- >= lexicographically (the first unequal column decides, a NULL before
-- it makes NULL), IS [NOT] DISTINCT FROM row-wise (and against a bare
-- NULL, which a row value never is), ROW(…) IS [NOT] NULL field by field
-- (ROW() is both), IN lists of rows, and a row against a subquery: IN /
-- ANY / ALL with any of the six operators, and `row op (SELECT …)` (at
-- most one row, none is NULL); the errors for unequal lengths and too
-- many rows.

-- case: row_compare_values
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE (id, city) = (1, 'London')
SELECT id FROM customers WHERE (id, city) <> (1, 'London')
SELECT id, (id, tier) < (3, 'B'), (id, tier) >= (3, 'B'), (id, tier) <= (3, 'A'), (id, tier) > (3, NULL) FROM customers ORDER BY id
SELECT (1, 2) < (1, NULL), (1, 2) < (2, NULL), (NULL, 1) <= (NULL, 2), (1, NULL) = (1, 2), (1, NULL) = (2, NULL), (1, NULL) <> (2, NULL)
SELECT ROW(1, 2) = ROW(1, 2), ROW(1, 2) < ROW(1, 3), ROW(1, 'b') >= ROW(1, 'a')
SELECT (1, 2) < (1, 2, 3)
SELECT (1, 'a') < (1, 2)
SELECT (1, 2) = ROW()


-- case: row_distinct_and_null_tests
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT (1, 2) IS DISTINCT FROM (1, NULL), (1, NULL) IS NOT DISTINCT FROM (1, NULL), (1, 2) IS DISTINCT FROM (1, 2), ROW() IS DISTINCT FROM ROW(), ROW() IS NOT DISTINCT FROM ROW()
SELECT id FROM customers WHERE (id, tier) IS NOT DISTINCT FROM (4, NULL)
SELECT id, (city, tier) IS DISTINCT FROM ('London', 'A') FROM customers
SELECT (1, NULL) IS DISTINCT FROM NULL, (NULL, NULL) IS DISTINCT FROM NULL, (1, 2) IS NOT DISTINCT FROM NULL, NULL IS DISTINCT FROM (1, 2)
SELECT ROW(1, NULL) IS NULL, ROW(NULL, NULL) IS NULL, ROW(1, NULL) IS NOT NULL, ROW(1, 2) IS NOT NULL, ROW() IS NULL, ROW() IS NOT NULL
SELECT id FROM customers WHERE (city, tier) IS NULL
SELECT id FROM customers WHERE (city, tier) IS NOT NULL
SELECT (1, 2) IS DISTINCT FROM (1, 2, 3)
SELECT (1, 2) IS NOT DISTINCT FROM (1, 'x')


-- case: row_in_lists_and_subqueries
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE (id, tier) IN ((1, 'A'), (2, 'B'), (4, NULL))
SELECT id FROM customers WHERE (id, tier) NOT IN ((1, 'A'), (2, 'B'))
SELECT id FROM customers WHERE (id, tier) IN (SELECT id, tier FROM customers WHERE id < 3)
SELECT id FROM customers WHERE (id, tier) NOT IN (SELECT id, tier FROM customers WHERE id < 3)
SELECT id FROM customers WHERE (id, city) = ANY (SELECT id, city FROM customers WHERE id < 3)
SELECT id FROM customers WHERE (id, tier) < ANY (SELECT 3, 'B')
SELECT id FROM customers WHERE (id, tier) >= ALL (SELECT id, tier FROM customers WHERE id IN (2, 3))
SELECT id FROM customers WHERE (id, city) = (SELECT id, city FROM customers WHERE id = 1)
SELECT id FROM customers WHERE (id, city) <> (SELECT id, city FROM customers WHERE id = 1)
SELECT id FROM customers WHERE (id, city) < (SELECT id, city FROM customers WHERE id = 2)
SELECT id, (id, tier) >= (SELECT 3, 'B'), (id, tier) <= (SELECT 3, 'B'), (id, tier) > (SELECT 3, NULL) FROM customers
SELECT c.id FROM customers c WHERE (c.city, c.tier) = (SELECT d.city, d.tier FROM customers d WHERE d.id = c.id)
SELECT (1, 2) = (SELECT 1, 2 WHERE false)
SELECT (1, 2) = (SELECT id, id FROM customers)
SELECT (1, 2) = (SELECT 1, 2, 3)
SELECT (1, 2, 3) = (SELECT 1, 2)
SELECT (1, 'a') = (SELECT 1, 2)

-- case: whole_row_references
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT c::text FROM customers c WHERE id = 1
SELECT c.*::text FROM customers c WHERE id = 1
SELECT ROW(id, name) FROM customers WHERE id = 1
