-- schema: tests/differential/schemas/reads.sql
-- Valid PostgreSQL 15 reads outside SPEC §9's SELECT subset. The twin
-- refuses them (0A000 naming the construct, or the error its subset gives),
-- so each case is a known gap; tests/differential/test_gaps.py runs each as
-- a strict expected failure, and one that starts to agree moves to the
-- corpus of its area in tests/differential/corpus/. Here: LATERAL, FOR
-- UPDATE/SHARE in a subquery, CTE or INSERT … SELECT and through a subquery
-- in FROM, a view or a system catalog, TABLESAMPLE, GROUPING SETS / ROLLUP / CUBE and grouping(),
-- unnest of several arrays and set-returning
-- functions in FROM next to other tables, ROWS FROM, data-modifying WITH,
-- ordered-set aggregates (WITHIN GROUP), FETCH ... WITH TIES,
-- ORDER BY ... USING, whole-row references and ROW(), statistics
-- aggregates, to_hex and quote_nullable.

-- case: out_lateral_subquery
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT c.id, l.id FROM customers c, LATERAL (SELECT o.id FROM orders o WHERE o.customer_id = c.id ORDER BY o.id DESC LIMIT 1) l ORDER BY c.id
SELECT c.id, l.n FROM customers c LEFT JOIN LATERAL (SELECT count(*) AS n FROM orders o WHERE o.customer_id = c.id) l ON true ORDER BY c.id


-- case: out_for_update_nested
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT * FROM (SELECT id FROM customers WHERE id = 1 FOR UPDATE) s
SELECT id FROM customers WHERE id IN (SELECT id FROM customers WHERE id < 3 FOR SHARE) ORDER BY id
WITH w AS (SELECT id FROM customers FOR UPDATE) SELECT count(*) FROM w
INSERT INTO customers SELECT id + 10, name FROM customers WHERE id = 1 FOR UPDATE RETURNING id


-- case: out_for_update_through_subquery_or_view
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT * FROM (SELECT id FROM customers WHERE id = 1) s FOR UPDATE
SELECT * FROM (SELECT id FROM customers WHERE id = 1) s FOR SHARE OF s
CREATE VIEW london AS SELECT id, name FROM customers WHERE city = 'London'
SELECT id FROM london ORDER BY id FOR UPDATE
SELECT relname FROM pg_class WHERE relname = 'customers' FOR SHARE


-- case: out_tablesample
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT count(*) FROM customers TABLESAMPLE SYSTEM (100)
SELECT count(*) FROM customers TABLESAMPLE BERNOULLI (100) REPEATABLE (1)


-- case: out_grouping_sets
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city, tier, count(*) FROM customers GROUP BY GROUPING SETS ((city), (tier), ()) ORDER BY city NULLS FIRST, tier NULLS FIRST, count(*)


-- case: out_rollup_cube
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city, count(*) FROM customers GROUP BY ROLLUP (city) ORDER BY city NULLS LAST, count(*)
SELECT active, tier, count(*) FROM customers GROUP BY CUBE (active, tier) ORDER BY 1 NULLS FIRST, 2 NULLS FIRST, 3


-- case: out_grouping_function
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city, grouping(city), count(*) FROM customers GROUP BY ROLLUP (city) ORDER BY 2, 1 NULLS FIRST


-- case: out_unnest_in_from
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
SELECT p.sku, t.tag FROM products p, unnest(p.tags) AS t (tag) ORDER BY p.sku, t.tag
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c']) AS u (n, s) ORDER BY n NULLS LAST


-- case: out_data_modifying_cte
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
WITH moved AS (DELETE FROM customers WHERE id = 6 RETURNING id, name) SELECT * FROM moved
WITH up AS (UPDATE customers SET credit = 1 WHERE id = 5 RETURNING id) SELECT count(*) FROM up


-- case: out_ordered_set_aggregates
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT mode() WITHIN GROUP (ORDER BY city) FROM customers


-- case: out_fetch_with_ties
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, tier FROM customers ORDER BY tier FETCH FIRST 1 ROWS WITH TIES


-- case: out_order_by_using
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers ORDER BY id USING <
SELECT id FROM customers ORDER BY id USING >


-- case: out_whole_row_reference
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT c::text FROM customers c WHERE id = 1
SELECT c.*::text FROM customers c WHERE id = 1
SELECT ROW(id, name) FROM customers WHERE id = 1


-- case: out_statistics_aggregates
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT stddev(credit), variance(credit), corr(id, credit) FROM customers


-- case: out_misc_functions
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT md5(name) FROM customers WHERE id = 1
SELECT md5(''), ascii('A'), chr(65), chr(8364), to_hex(255), to_hex(-1)
SELECT quote_ident('a b'), quote_literal('it''s'), quote_nullable(NULL)


-- case: out_table_functions_and_values_rows
SELECT * FROM ROWS FROM (generate_series(1, 2), generate_series(1, 3)) AS t (a, b) ORDER BY b
SELECT * FROM generate_series(1, 3) WITH ORDINALITY AS t (v, n) ORDER BY n
