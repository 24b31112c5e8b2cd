-- schema: tests/differential/schemas/reads.sql
-- Parity gaps of corpus/reads_subqueries.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- sub_correlated_grouped_outer_reference: an aggregate of the outer query
--   inside a subquery's WHERE (`max(c.id)`), which belongs to the outer
--   level; the twin raises 42803 as if it were the subquery's own.
-- sub_unreferenced_output_not_evaluated: an output column of a subquery
--   in FROM that the outer query never references is dropped by
--   PostgreSQL's planner (subquery pull-up, remove_unused_subquery_outputs),
--   so its errors, constant-folded or per row, never happen; the twin
--   computes every output column. Found by
--   property/test_random_differential.py, whose generator therefore
--   references every column of its subqueries.

-- case: sub_correlated_grouped_outer_reference
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT c.city, (SELECT count(*) FROM orders o WHERE o.customer_id = max(c.id)) FROM customers c GROUP BY c.city
SELECT c.city, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) FROM customers c GROUP BY c.city




-- case: sub_unreferenced_output_not_evaluated
SELECT id FROM (SELECT id, 1/0 AS x FROM customers) s
SELECT k FROM (SELECT 1 AS k, make_date(-44, 2, 29) AS d) s
INSERT INTO customers (id, name) VALUES (0, 'Zed')
SELECT name FROM (SELECT name, 10 / id AS x FROM customers) s
