-- schema: tests/differential/schemas/reads.sql
-- Valid PostgreSQL 15 reads outside SPEC §9's SELECT subset. The twin
-- refuses them (0A000 naming the construct, or the error its subset gives),
-- so each case is a known gap; tests/differential/test_gaps.py runs each as
-- a strict expected failure, and one that starts to agree moves to the
-- corpus of its area in tests/differential/corpus/. Here: FOR
-- UPDATE/SHARE in a subquery, CTE or INSERT … SELECT and through a subquery
-- in FROM, a view or a system catalog, TABLESAMPLE, pg_get_viewdef of a view
-- with grouping sets
-- (GROUPING SETS themselves: see corpus/reads_grouping_sets.sql; WITHIN
-- GROUP: corpus/reads_ordered_set_aggregates.sql; data-modifying WITH:
-- corpus/writable_ctes.sql), ORDER BY ... USING,
-- (column definition lists: corpus/column_definitions.sql; LATERAL:
-- corpus/reads_lateral.sql), a RIGHT/FULL JOIN
-- whose LATERAL right side reads an enclosing FROM item,
-- convert_to/convert_from with an encoding other than UTF8.

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


-- case: out_viewdef_grouping_sets
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
CREATE VIEW city_rollup AS SELECT city, grouping(city) AS g, count(*) AS n FROM customers GROUP BY ROLLUP (city)
SELECT pg_get_viewdef('city_rollup'::regclass)




-- case: out_order_by_using
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers ORDER BY id USING <
SELECT id FROM customers ORDER BY id USING >




-- case: out_right_join_lateral_reading_outer_item
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT c.id, j.id FROM customers c, (orders o RIGHT JOIN LATERAL (SELECT c.id AS x) s ON o.customer_id = s.x) j ORDER BY 1, 2


-- case: out_convert_other_encodings
SELECT convert_to('é', 'LATIN1'), convert_from('\xe9'::bytea, 'latin1')
