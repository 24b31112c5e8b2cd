-- schema: tests/differential/schemas/reads.sql
-- Set operations: UNION (duplicates removed, NULLs equal), UNION ALL,
-- INTERSECT [ALL], EXCEPT [ALL] with multiset counts, precedence
-- (INTERSECT binds tighter), parentheses, type resolution across branches
-- (integer/numeric/bigint promotion, unknown literals, text vs varchar,
-- 42804 when types cannot be matched), column names from the first branch,
-- ORDER BY / LIMIT / OFFSET applying to the whole result (and only output
-- column names or ordinals allowed there), and the column-count mismatch
-- (42601).

-- case: setop_union
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
INSERT INTO tb VALUES (2, 20, 'x'), (3, 30, 'y'), (3, NULL, 'z'), (NULL, 40, 'w'), (6, 60, 'v'), (2, 20, 'x')
SELECT k FROM ta UNION SELECT k FROM tb
SELECT k, x FROM ta UNION SELECT k, x FROM tb
SELECT v FROM ta UNION SELECT w FROM tb
SELECT 1 UNION SELECT 1
SELECT NULL::int UNION SELECT NULL::int


-- case: setop_union_all
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
INSERT INTO tb VALUES (2, 20, 'x'), (3, 30, 'y'), (3, NULL, 'z'), (NULL, 40, 'w'), (6, 60, 'v'), (2, 20, 'x')
SELECT k FROM ta UNION ALL SELECT k FROM tb
SELECT k, x FROM ta UNION ALL SELECT k, x FROM tb
SELECT 1 UNION ALL SELECT 1 UNION ALL SELECT 2


-- case: setop_union_ordered
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
INSERT INTO tb VALUES (2, 20, 'x'), (3, 30, 'y'), (3, NULL, 'z'), (NULL, 40, 'w'), (6, 60, 'v'), (2, 20, 'x')
SELECT k FROM ta UNION SELECT k FROM tb ORDER BY k
SELECT k FROM ta UNION SELECT k FROM tb ORDER BY k DESC NULLS LAST
SELECT k, v FROM ta UNION ALL SELECT k, w FROM tb ORDER BY 1 NULLS FIRST, 2 NULLS FIRST
SELECT v AS label FROM ta UNION SELECT w FROM tb ORDER BY label


-- case: setop_intersect
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
INSERT INTO tb VALUES (2, 20, 'x'), (3, 30, 'y'), (3, NULL, 'z'), (NULL, 40, 'w'), (6, 60, 'v'), (2, 20, 'x')
SELECT k FROM ta INTERSECT SELECT k FROM tb
SELECT k, x FROM ta INTERSECT SELECT k, x FROM tb
SELECT x FROM ta INTERSECT SELECT x FROM tb
SELECT k FROM ta INTERSECT ALL SELECT k FROM tb
SELECT k, x FROM ta INTERSECT ALL SELECT k, x FROM tb


-- case: setop_except
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
INSERT INTO tb VALUES (2, 20, 'x'), (3, 30, 'y'), (3, NULL, 'z'), (NULL, 40, 'w'), (6, 60, 'v'), (2, 20, 'x')
SELECT k FROM ta EXCEPT SELECT k FROM tb
SELECT k FROM tb EXCEPT SELECT k FROM ta
SELECT k, x FROM ta EXCEPT SELECT k, x FROM tb
SELECT k FROM ta EXCEPT ALL SELECT k FROM tb
SELECT k FROM tb EXCEPT ALL SELECT k FROM ta
SELECT x FROM ta EXCEPT SELECT x FROM tb


-- case: setop_multiset_counts
SELECT x FROM (VALUES (1), (1), (1), (2), (NULL), (NULL)) a (x) INTERSECT ALL SELECT x FROM (VALUES (1), (1), (NULL), (3)) b (x)
SELECT x FROM (VALUES (1), (1), (1), (2), (NULL), (NULL)) a (x) EXCEPT ALL SELECT x FROM (VALUES (1), (NULL), (3)) b (x)
SELECT x FROM (VALUES (1), (1), (2)) a (x) UNION SELECT x FROM (VALUES (2), (2), (3)) b (x)
SELECT x FROM (VALUES (1), (1), (2)) a (x) EXCEPT SELECT x FROM (VALUES (3)) b (x)


-- case: setop_precedence
SELECT 1 UNION SELECT 2 INTERSECT SELECT 3
SELECT 1 UNION (SELECT 2 INTERSECT SELECT 3)
(SELECT 1 UNION SELECT 2) INTERSECT SELECT 2
SELECT 1 UNION ALL SELECT 1 EXCEPT SELECT 2
SELECT 1 EXCEPT SELECT 1 UNION ALL SELECT 1
SELECT 1 UNION ALL (SELECT 1 EXCEPT SELECT 2)


-- case: setop_chain_of_three
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO staff VALUES (1, 'Grace', NULL, 'exec', 250000, '2010-05-01'), (2, 'Alan', 1, 'eng', 180000.50, '2012-09-17'), (3, 'Edsger', 2, 'eng', 150000, '2015-01-05'), (4, 'Barbara', 2, 'eng', 150000, '2016-07-11'), (5, 'Ken', 1, 'ops', 120000, NULL), (6, 'Dennis', 5, 'ops', NULL, '2019-12-31'), (7, 'Frances', NULL, NULL, 99000.99, '2021-03-15')
SELECT name FROM customers UNION SELECT name FROM staff UNION SELECT 'Zed'
SELECT city FROM customers UNION ALL SELECT dept FROM staff EXCEPT SELECT NULL
SELECT id FROM customers INTERSECT SELECT id FROM staff INTERSECT SELECT 3


-- case: setop_column_names_from_first_branch
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO staff VALUES (1, 'Grace', NULL, 'exec', 250000, '2010-05-01'), (2, 'Alan', 1, 'eng', 180000.50, '2012-09-17'), (3, 'Edsger', 2, 'eng', 150000, '2015-01-05'), (4, 'Barbara', 2, 'eng', 150000, '2016-07-11'), (5, 'Ken', 1, 'ops', 120000, NULL), (6, 'Dennis', 5, 'ops', NULL, '2019-12-31'), (7, 'Frances', NULL, NULL, 99000.99, '2021-03-15')
SELECT id AS a, name AS b FROM customers UNION SELECT id, name FROM staff
SELECT 1 UNION SELECT 2 AS two
SELECT 1 AS one UNION SELECT 2 AS two
SELECT count(*) FROM customers UNION ALL SELECT count(*) FROM staff


-- case: setop_type_resolution_numeric
SELECT 1 UNION SELECT 2.5
SELECT 1::smallint UNION ALL SELECT 100000
SELECT 1 UNION ALL SELECT 10000000000
SELECT 1.5 UNION ALL SELECT 2::float8
SELECT (SELECT 2.50 UNION SELECT 2.5) = 2.5
SELECT 2.50 UNION ALL SELECT 2.5
SELECT 1::real UNION ALL SELECT 0.5


-- case: setop_type_resolution_text
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT name FROM customers WHERE id = 1 UNION ALL SELECT email FROM customers WHERE id = 1
SELECT email FROM customers WHERE id = 1 UNION ALL SELECT name FROM customers WHERE id = 1
SELECT tier FROM customers WHERE id = 1 UNION ALL SELECT 'long text'
SELECT 'a' UNION SELECT 'b'
SELECT 'a' UNION ALL SELECT NULL
SELECT NULL UNION ALL SELECT NULL
SELECT tier FROM customers WHERE id < 3 UNION SELECT tier::varchar FROM customers WHERE id = 5


-- case: setop_type_resolution_unknown_literals
SELECT '1' UNION SELECT 2
SELECT 1 UNION SELECT '2'
SELECT 'x' UNION SELECT 2
SELECT '2024-01-01'::date UNION SELECT '2024-01-02'
SELECT true UNION SELECT 'f'
SELECT NULL UNION SELECT 1


-- case: setop_type_mismatch
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers UNION SELECT name FROM customers
SELECT signup FROM customers UNION SELECT 1
SELECT true UNION SELECT 1
SELECT 1 UNION SELECT 'a'::text
SELECT id, name FROM customers UNION SELECT id, credit FROM customers


-- case: setop_column_count_mismatch
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers UNION SELECT id, name FROM customers
SELECT id, name FROM customers UNION ALL SELECT id FROM customers
SELECT 1 INTERSECT SELECT 1, 2
SELECT 1, 2 EXCEPT SELECT 1


-- case: setop_order_limit_whole_result
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
INSERT INTO tb VALUES (2, 20, 'x'), (3, 30, 'y'), (3, NULL, 'z'), (NULL, 40, 'w'), (6, 60, 'v'), (2, 20, 'x')
SELECT k FROM ta UNION ALL SELECT k FROM tb ORDER BY k NULLS FIRST LIMIT 3
SELECT k FROM ta UNION SELECT k FROM tb ORDER BY k LIMIT 2 OFFSET 1
(SELECT k FROM ta ORDER BY k LIMIT 1) UNION ALL (SELECT k FROM tb ORDER BY k DESC LIMIT 1)
(SELECT k FROM ta ORDER BY k LIMIT 1) UNION ALL (SELECT k FROM tb ORDER BY k DESC LIMIT 1) ORDER BY 1
SELECT k FROM ta UNION SELECT k FROM tb LIMIT 10


-- case: setop_order_by_rules
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
INSERT INTO tb VALUES (2, 20, 'x'), (3, 30, 'y'), (3, NULL, 'z'), (NULL, 40, 'w'), (6, 60, 'v'), (2, 20, 'x')
SELECT k FROM ta UNION SELECT k FROM tb ORDER BY x
SELECT k FROM ta UNION SELECT k FROM tb ORDER BY ta.k
SELECT k FROM ta UNION SELECT k FROM tb ORDER BY k + 1
SELECT k FROM ta UNION SELECT k FROM tb ORDER BY 2
SELECT k AS kk FROM ta UNION SELECT k FROM tb ORDER BY kk NULLS FIRST


-- case: setop_inner_order_without_parentheses
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
INSERT INTO tb VALUES (2, 20, 'x'), (3, 30, 'y'), (3, NULL, 'z'), (NULL, 40, 'w'), (6, 60, 'v'), (2, 20, 'x')
SELECT k FROM ta ORDER BY k UNION SELECT k FROM tb
SELECT k FROM ta LIMIT 1 UNION SELECT k FROM tb


-- case: setop_with_where_group_having
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT customer_id FROM orders WHERE status = 'shipped' UNION SELECT customer_id FROM orders WHERE status = 'pending'
SELECT status, count(*) FROM orders GROUP BY status UNION ALL SELECT 'total', count(*) FROM orders
SELECT customer_id FROM orders GROUP BY customer_id HAVING count(*) > 1 UNION SELECT 99
SELECT city FROM customers UNION SELECT category FROM products EXCEPT SELECT 'toys'


-- case: setop_distinct_in_branches
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
INSERT INTO tb VALUES (2, 20, 'x'), (3, 30, 'y'), (3, NULL, 'z'), (NULL, 40, 'w'), (6, 60, 'v'), (2, 20, 'x')
SELECT DISTINCT k FROM ta UNION ALL SELECT DISTINCT k FROM tb
SELECT count(*) FROM (SELECT k FROM ta UNION SELECT k FROM tb) s
SELECT count(*) FROM (SELECT k FROM ta UNION ALL SELECT k FROM tb) s


-- case: setop_in_subquery_and_from
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT * FROM (SELECT id, 'customer' AS kind FROM customers UNION ALL SELECT id, 'order' FROM orders) s WHERE id < 3 OR id > 15
SELECT id FROM customers WHERE id IN (SELECT customer_id FROM orders INTERSECT SELECT id FROM customers WHERE city = 'London')
SELECT (SELECT max(x) FROM (SELECT 1 UNION SELECT 2) v (x))


-- case: setop_values_branches
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v UNION SELECT 3, 'c'
VALUES (1), (2) UNION VALUES (2), (3)
VALUES (1, 'x') EXCEPT VALUES (1, 'x')
VALUES (2), (1) ORDER BY 1


-- case: setop_null_handling
SELECT NULL::int UNION ALL SELECT NULL::int
SELECT x FROM (VALUES (NULL::int), (NULL)) v (x) UNION SELECT NULL
SELECT x FROM (VALUES (NULL::int), (1)) v (x) INTERSECT SELECT NULL
SELECT x FROM (VALUES (NULL::int), (1)) v (x) EXCEPT SELECT NULL


-- case: setop_numeric_equality_across_scales
SELECT count(*) FROM (SELECT 1.0 UNION SELECT 1.00) s
SELECT count(*) FROM (SELECT 1.0 UNION SELECT 1.00 UNION SELECT 1) s
SELECT 1.0 INTERSECT SELECT 1
SELECT 1.0 EXCEPT SELECT 1


-- case: setop_char_padding_equality
SELECT 'a'::char(3) UNION SELECT 'a  '::char(3)
SELECT count(*) FROM (SELECT 'a'::char(3) UNION SELECT 'a'::char(5)) s
SELECT 'a'::char(3) UNION ALL SELECT 'a'::char(5)
SELECT 'a'::char(3) UNION ALL SELECT 'abcdef'::varchar


-- case: setop_errors_in_branches
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT nope FROM customers UNION SELECT 1
SELECT 1 UNION SELECT nope FROM customers
SELECT 1 / 0 UNION SELECT 2
SELECT id FROM customers UNION SELECT 1 FROM nope


-- case: setop_empty_branches
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE false UNION SELECT id FROM customers WHERE false
SELECT id FROM customers UNION ALL SELECT id FROM customers WHERE false
SELECT id FROM customers INTERSECT SELECT id FROM customers WHERE false
SELECT id FROM customers EXCEPT SELECT id FROM customers WHERE false


-- case: setop_arrays_and_dates
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
SELECT tags FROM products UNION SELECT ARRAY['metal', 'small']
SELECT signup FROM customers UNION SELECT added::date FROM products
SELECT signup FROM customers UNION ALL SELECT added FROM products WHERE sku = 'P-100'


-- case: setop_parenthesised_branches
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
INSERT INTO tb VALUES (2, 20, 'x'), (3, 30, 'y'), (3, NULL, 'z'), (NULL, 40, 'w'), (6, 60, 'v'), (2, 20, 'x')
(SELECT k FROM ta) UNION (SELECT k FROM tb)
((SELECT k FROM ta) EXCEPT (SELECT k FROM tb)) ORDER BY 1
(SELECT k FROM ta UNION SELECT k FROM tb) EXCEPT (SELECT 2 UNION SELECT 3)


-- case: setop_order_by_name_from_first_branch_only
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
INSERT INTO tb VALUES (2, 20, 'x'), (3, 30, 'y'), (3, NULL, 'z'), (NULL, 40, 'w'), (6, 60, 'v'), (2, 20, 'x')
SELECT k AS a FROM ta UNION SELECT k AS b FROM tb ORDER BY a
SELECT k AS a FROM ta UNION SELECT k AS b FROM tb ORDER BY b


-- case: setop_varchar_text_result_type
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
SELECT email FROM customers WHERE id = 1 UNION ALL SELECT sku FROM products WHERE sku = 'P-100'
SELECT sku FROM products WHERE sku = 'P-100' UNION ALL SELECT name FROM products WHERE sku = 'P-100'
SELECT tier FROM customers WHERE id = 1 UNION SELECT tier FROM customers WHERE id = 3


-- case: setop_two_column_except_intersect_all
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
INSERT INTO tb VALUES (2, 20, 'x'), (3, 30, 'y'), (3, NULL, 'z'), (NULL, 40, 'w'), (6, 60, 'v'), (2, 20, 'x')
SELECT k, v FROM ta EXCEPT ALL SELECT k, w FROM tb
SELECT x, k FROM ta INTERSECT ALL SELECT x, k FROM tb
SELECT x, k FROM tb EXCEPT ALL SELECT x, k FROM ta


-- case: setop_with_limit_in_subquery_branches
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO staff VALUES (1, 'Grace', NULL, 'exec', 250000, '2010-05-01'), (2, 'Alan', 1, 'eng', 180000.50, '2012-09-17'), (3, 'Edsger', 2, 'eng', 150000, '2015-01-05'), (4, 'Barbara', 2, 'eng', 150000, '2016-07-11'), (5, 'Ken', 1, 'ops', 120000, NULL), (6, 'Dennis', 5, 'ops', NULL, '2019-12-31'), (7, 'Frances', NULL, NULL, 99000.99, '2021-03-15')
SELECT * FROM ((SELECT name FROM customers ORDER BY name LIMIT 2) UNION ALL (SELECT name FROM staff ORDER BY name DESC LIMIT 2)) s ORDER BY name


-- case: setop_all_prints_first_row_of_group
-- found by property/test_random_differential.py: INTERSECT/EXCEPT [ALL]
-- output copies of each group's first left row, so equal but
-- distinguishable values print as that row
SELECT x FROM (VALUES (0::float8), ('-0'::float8), (1.5::float8)) v(x) EXCEPT ALL SELECT 7::float8 ORDER BY 1
SELECT x FROM (VALUES ('-0'::float8), (0::float8)) v(x) EXCEPT ALL SELECT 7::float8 ORDER BY 1
SELECT x FROM (VALUES (1.0), (1.00), (2.50)) v(x) INTERSECT ALL SELECT y FROM (VALUES (1), (1.000), (2.5)) w(y) ORDER BY 1
SELECT x FROM (VALUES (interval '1 day'), (interval '24 hours'), (interval '1 mon')) v(x) EXCEPT ALL SELECT interval '30 days' ORDER BY 1
SELECT x FROM (VALUES (interval '24 hours'), (interval '1 day')) v(x) INTERSECT SELECT interval '1 day' ORDER BY 1
SELECT x FROM (VALUES (1.0), (1.00), (3)) v(x) EXCEPT SELECT 3 ORDER BY 1


-- case: intersect_reads_the_input_of_fewer_groups_first
-- generate_nonunion_paths puts the INTERSECT input of fewer estimated
-- groups first (the left one on a tie), and each group prints as that
-- input's first row: a constant is one group, a VALUES list its rows, an
-- aggregate without GROUP BY one row, a table's column the no-statistics
-- default (fewer under a filter)
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (3, 30, 'c'), (3, 24, 'd')
SELECT x FROM (VALUES (1.0), (1.00)) v(x) INTERSECT SELECT 1 ORDER BY 1
SELECT 1 INTERSECT SELECT x FROM (VALUES (1.00), (1.0)) v(x) ORDER BY 1
SELECT x FROM (VALUES (1.0), (1.00), (2.50)) v(x) INTERSECT ALL SELECT y FROM (VALUES (1), (1.000)) w(y) ORDER BY 1
SELECT k * 1.0 FROM ta INTERSECT SELECT 1 ORDER BY 1
SELECT 1.00 INTERSECT SELECT k * 1.0 FROM ta ORDER BY 1
SELECT k * 1.0 FROM ta INTERSECT SELECT y FROM (VALUES (1), (2.00)) w(y) ORDER BY 1
SELECT k * 1.0 FROM ta INTERSECT ALL SELECT k * 1.00 FROM ta WHERE x > 10 ORDER BY 1
SELECT k * 1.00 FROM ta WHERE x > 10 INTERSECT SELECT k * 1.0 FROM ta ORDER BY 1
SELECT max(k) * 1.0 FROM ta INTERSECT SELECT y FROM (VALUES (3), (3.00)) w(y) ORDER BY 1
SELECT y FROM (VALUES (3), (3.00)) w(y) INTERSECT SELECT max(k) * 1.0 FROM ta ORDER BY 1
SELECT x * interval '1 hour' FROM ta INTERSECT SELECT interval '1 day' ORDER BY 1
SELECT interval '1 day' INTERSECT SELECT x * interval '1 hour' FROM ta ORDER BY 1
SELECT interval '24 hours', k > 2 FROM ta INTERSECT SELECT interval '1 day', true ORDER BY 1
