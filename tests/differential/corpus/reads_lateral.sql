-- schema: tests/differential/schemas/reads.sql
-- LATERAL subqueries and functions in FROM: FROM t, LATERAL (...) s, [LEFT
-- | CROSS] JOIN LATERAL, NULL-extended rows of LEFT JOIN LATERAL, lateral
-- items referencing several earlier items, nested laterals, a lateral inside
-- a subquery that also references an outer query level, aggregates per
-- group inside the lateral subquery (top-N per group, latest row per key);
-- functions in FROM referencing earlier items (implicitly LATERAL): unnest,
-- generate_series, generate_subscripts, a scalar function; WITH ORDINALITY,
-- ROWS FROM (...) zipping with NULL padding, unnest of several arrays,
-- column alias lists and their naming; and the errors: a non-LATERAL item
-- referencing an earlier one (42P01 with its hints), LATERAL on the right of
-- RIGHT/FULL JOIN, references to later items, too many column aliases
-- (42P10), nested set-returning functions in FROM, aggregates of a lateral
-- item's outer columns (42803), LATERAL references to an UPDATE/DELETE
-- target (42P10). A whole-row reference of one scalar function is its value.
-- Known gaps (gaps/reads_outside_subset.sql): json[b]_array_elements,
-- column definition lists, RIGHT/FULL JOIN LATERAL reading an enclosing
-- item, whole-row records of ORDINALITY / ROWS FROM items.

-- case: lateral_subquery_top1
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT c.id, l.id FROM customers c, LATERAL (SELECT o.id FROM orders o WHERE o.customer_id = c.id ORDER BY o.id DESC LIMIT 1) l ORDER BY c.id
SELECT c.id, l.n FROM customers c LEFT JOIN LATERAL (SELECT count(*) AS n FROM orders o WHERE o.customer_id = c.id) l ON true ORDER BY c.id
SELECT c.name, l.id, l.status FROM customers c JOIN LATERAL (SELECT o.id, o.status FROM orders o WHERE o.customer_id = c.id ORDER BY o.placed_at DESC LIMIT 2) l ON true ORDER BY c.name, l.id
SELECT c.name, l.id FROM customers c LEFT JOIN LATERAL (SELECT o.id FROM orders o WHERE o.customer_id = c.id AND o.status = 'shipped' ORDER BY o.id LIMIT 1) l ON true ORDER BY c.id
SELECT c.id, l.id FROM customers c CROSS JOIN LATERAL (SELECT o.id FROM orders o WHERE o.customer_id = c.id) l ORDER BY 1, 2
SELECT c.id, l.id FROM customers c LEFT JOIN LATERAL (SELECT o.id FROM orders o WHERE o.customer_id = c.id) l ON l.id > 11 ORDER BY 1, 2
SELECT * FROM customers c, LATERAL (SELECT c.id * 2 AS twice, upper(c.name) AS up) x ORDER BY c.id


-- case: lateral_aggregates_per_group
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT o.id, t.total, t.lines FROM orders o, LATERAL (SELECT sum(i.qty * i.unit_price) AS total, count(*) AS lines FROM order_items i WHERE i.order_id = o.id) t ORDER BY o.id
SELECT o.id, t.sku, t.qty FROM orders o CROSS JOIN LATERAL (SELECT i.sku, i.qty FROM order_items i WHERE i.order_id = o.id ORDER BY i.qty DESC, i.line LIMIT 2) t ORDER BY o.id, t.qty DESC, t.sku
SELECT c.city, x.max_credit FROM (SELECT DISTINCT city FROM customers) c, LATERAL (SELECT max(credit) AS max_credit FROM customers d WHERE d.city = c.city) x ORDER BY c.city NULLS LAST
SELECT c.id, x.cnt FROM customers c LEFT JOIN LATERAL (SELECT o.customer_id, count(*) AS cnt FROM orders o WHERE o.customer_id = c.id GROUP BY o.customer_id) x ON true ORDER BY c.id


-- case: lateral_several_items
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT o.id, i.line, p.name FROM orders o, order_items i, LATERAL (SELECT p.name FROM products p WHERE p.sku = i.sku AND o.id > 10) p WHERE i.order_id = o.id ORDER BY o.id, i.line
SELECT c.id, a.id, b.line FROM customers c, LATERAL (SELECT o.id FROM orders o WHERE o.customer_id = c.id) a, LATERAL (SELECT i.line FROM order_items i WHERE i.order_id = a.id AND c.id < 3) b ORDER BY 1, 2, 3
SELECT c.id, x.id, y.v FROM customers c JOIN orders x ON x.customer_id = c.id, LATERAL (SELECT c.id + x.id AS v) y ORDER BY 1, 2
SELECT c.id, s.id, s.line FROM customers c, LATERAL (SELECT o.id, l.line FROM orders o, LATERAL (SELECT i.line FROM order_items i WHERE i.order_id = o.id AND i.qty > c.id) l WHERE o.customer_id = c.id) s ORDER BY 1, 2, 3
SELECT c.id, (SELECT max(l.id) FROM orders o2, LATERAL (SELECT o.id FROM orders o WHERE o.id = o2.id AND o.customer_id = c.id) l) FROM customers c ORDER BY c.id
SELECT c.id, s.n FROM customers c, LATERAL (SELECT count(*) AS n FROM orders o WHERE o.customer_id = c.id AND EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND i.qty > c.id)) s ORDER BY c.id


-- case: lateral_functions
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT p.sku, t.tag FROM products p, unnest(p.tags) AS t (tag) ORDER BY p.sku, t.tag
SELECT p.sku, t FROM products p, unnest(p.tags) t ORDER BY p.sku, t
SELECT o.id, g FROM orders o, generate_series(1, o.id - 12) g ORDER BY o.id, g
SELECT o.id, g.n FROM orders o CROSS JOIN LATERAL generate_series(o.id, o.id + 1) AS g (n) ORDER BY 1, 2
SELECT o.id, g FROM orders o LEFT JOIN generate_series(1, o.id - 13) g ON true ORDER BY o.id, g
SELECT p.sku, t.tag, t.ordinality FROM products p, unnest(p.tags) WITH ORDINALITY t (tag) ORDER BY p.sku, t.ordinality
SELECT p.sku, t.* FROM products p, unnest(p.tags) WITH ORDINALITY AS t (tag, pos) WHERE t.pos > 1 ORDER BY 1, 3
SELECT c.id, a FROM customers c, abs(c.id - 3) a ORDER BY c.id
SELECT c.id, x.n FROM customers c, LATERAL (SELECT count(*) AS n FROM generate_series(1, c.id) g WHERE g % 2 = 0) x ORDER BY c.id
SELECT i.order_id, s.k FROM order_items i, generate_subscripts(ARRAY[i.qty, i.line], 1) s (k) WHERE i.order_id = 10 ORDER BY 1, 2


-- case: function_in_from_naming
SELECT g FROM generate_series(1, 2) g
SELECT * FROM generate_series(1, 3) WITH ORDINALITY
SELECT * FROM generate_series(1, 3) WITH ORDINALITY AS t (v, n) ORDER BY n
SELECT t.v, t.ordinality FROM generate_series(5, 7) WITH ORDINALITY AS t (v)
SELECT * FROM generate_series(1, 2) AS g (a)
SELECT generate_series FROM generate_series(1, 2)
SELECT * FROM abs(-4) AS a
SELECT * FROM abs(-4) WITH ORDINALITY AS a
SELECT * FROM upper('x') AS u (v, n)
SELECT * FROM unnest(ARRAY['a', 'b']) WITH ORDINALITY
SELECT * FROM generate_series(1, 2) AS g (a, b)
SELECT * FROM generate_series(1, 2) WITH ORDINALITY AS g (a, b, c)


-- case: rows_from
SELECT * FROM ROWS FROM (generate_series(1, 2), generate_series(1, 3)) AS t (a, b) ORDER BY b
SELECT * FROM ROWS FROM (generate_series(1, 2), generate_series(1, 3)) ORDER BY 2
SELECT * FROM ROWS FROM (generate_series(1, 3), unnest(ARRAY['x', 'y'])) WITH ORDINALITY AS t (a, b, n) ORDER BY n
SELECT * FROM ROWS FROM (generate_series(1, 2)) AS t
SELECT * FROM ROWS FROM (upper('a'), generate_series(1, 2)) AS t (u, g) ORDER BY g
SELECT * FROM ROWS FROM (generate_series(1, 2), generate_series(1, 2)) AS t (a, b, c)
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c']) AS u (n, s) ORDER BY n NULLS LAST
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c']) ORDER BY 2
SELECT * FROM unnest(ARRAY[1, 2], ARRAY[true]) WITH ORDINALITY ORDER BY 3


-- case: rows_from_lateral
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT p.sku, t.* FROM products p, ROWS FROM (unnest(p.tags), generate_series(1, p.stock % 3)) WITH ORDINALITY AS t (tag, g, n) ORDER BY p.sku, t.n
SELECT p.sku, u.* FROM products p, unnest(p.tags, ARRAY[p.name]) AS u (tag, nm) ORDER BY 1, 2 NULLS LAST, 3


-- case: lateral_reference_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT * FROM customers c, (SELECT * FROM orders o WHERE o.customer_id = c.id) s
SELECT * FROM customers c JOIN (SELECT * FROM orders WHERE customer_id = c.id) s ON true
SELECT * FROM customers c RIGHT JOIN LATERAL (SELECT * FROM orders o WHERE o.customer_id = c.id) s ON true
SELECT * FROM customers c FULL JOIN LATERAL (SELECT c.id AS x) s ON true
SELECT * FROM customers c RIGHT JOIN generate_series(1, c.id) g ON true
SELECT * FROM LATERAL (SELECT c.id FROM customers x) s, customers c
SELECT * FROM generate_series(1, c.id) g, customers c
SELECT * FROM customers c, (SELECT id FROM orders WHERE customer_id = id) s, LATERAL (SELECT s.id) t
SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id, (SELECT o.id) s
SELECT * FROM customers c, LATERAL (SELECT * FROM orders o WHERE o.customer_id = c.id) c
SELECT * FROM customers c, (SELECT 1 FROM orders o JOIN order_items i ON i.order_id = c.id) s
SELECT * FROM generate_series(1, generate_series(1, 3)) g
SELECT * FROM generate_series(1, sum(1)) g
SELECT * FROM customers c, LATERAL (SELECT credit FROM orders) s


-- case: lateral_gap_subquery
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT c.id, l.id FROM customers c, LATERAL (SELECT o.id FROM orders o WHERE o.customer_id = c.id ORDER BY o.id DESC LIMIT 1) l ORDER BY c.id
SELECT c.id, l.n FROM customers c LEFT JOIN LATERAL (SELECT count(*) AS n FROM orders o WHERE o.customer_id = c.id) l ON true ORDER BY c.id


-- case: lateral_gap_unnest_in_from
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
SELECT p.sku, t.tag FROM products p, unnest(p.tags) AS t (tag) ORDER BY p.sku, t.tag
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c']) AS u (n, s) ORDER BY n NULLS LAST


-- case: lateral_gap_table_functions
SELECT * FROM ROWS FROM (generate_series(1, 2), generate_series(1, 3)) AS t (a, b) ORDER BY b
SELECT * FROM generate_series(1, 3) WITH ORDINALITY AS t (v, n) ORDER BY n


-- case: lateral_outer_levels
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT c.id, (SELECT max(x.v) FROM orders o, LATERAL (SELECT o.id + c.id AS v) x WHERE o.customer_id = c.id) FROM customers c ORDER BY c.id
SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o, LATERAL (SELECT c.id AS cid, o.id) z WHERE z.cid = o.customer_id) ORDER BY c.id
SELECT c.id, (SELECT count(*) FROM orders o, generate_series(1, c.id) g WHERE o.customer_id = g) FROM customers c ORDER BY c.id
SELECT c.city, count(l.id) FROM customers c LEFT JOIN LATERAL (SELECT o.id FROM orders o WHERE o.customer_id = c.id) l ON true GROUP BY c.city ORDER BY c.city NULLS LAST
SELECT c.city, (SELECT count(*) FROM orders o, LATERAL (SELECT c.city AS cc) z WHERE z.cc IS NOT NULL AND o.status = 'shipped') FROM customers c GROUP BY c.city ORDER BY c.city NULLS LAST
SELECT c.id, l.id FROM customers c, LATERAL (SELECT o.id FROM orders o WHERE o.customer_id = c.id) l WHERE l.id > 12 AND c.id < 4 ORDER BY 1, 2
SELECT c.id, l.id, l.rn FROM customers c, LATERAL (SELECT o.id, row_number() OVER (ORDER BY o.id) AS rn FROM orders o WHERE o.customer_id = c.id) l ORDER BY 1, 2
SELECT * FROM customers c, generate_series(1, 2) g WHERE c.id = 1 ORDER BY g
SELECT c.id, u FROM customers c, upper(c.city) u ORDER BY c.id
SELECT c.id, s.* FROM customers c, LATERAL (SELECT DISTINCT o.status FROM orders o WHERE o.customer_id = c.id) s ORDER BY 1, 2
SELECT x.id, y.n FROM (SELECT c.id FROM customers c, LATERAL (SELECT 1) z) x, LATERAL (SELECT count(*) AS n FROM orders o WHERE o.customer_id = x.id) y ORDER BY 1
WITH w AS (SELECT id FROM customers WHERE id < 3) SELECT w.id, l.id FROM w, LATERAL (SELECT o.id FROM orders o WHERE o.customer_id = w.id) l ORDER BY 1, 2
SELECT c.id, l.id FROM customers c JOIN orders o2 ON o2.customer_id = c.id JOIN LATERAL (SELECT o.id FROM orders o WHERE o.id = o2.id) l ON l.id = o2.id ORDER BY 1, 2
SELECT c.id, j.gid FROM customers c, (orders o JOIN LATERAL generate_series(1, o.id - 14) g (gid) ON true) j WHERE j.customer_id = c.id ORDER BY 1, 2
SELECT c.id, j.s FROM customers c, (orders o CROSS JOIN LATERAL (SELECT c.id * 100 + o.id AS s) x) j WHERE o.customer_id = c.id ORDER BY 1, 2


-- case: lateral_name_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT * FROM customers c, (SELECT city) s
SELECT * FROM customers c, LATERAL (SELECT nope) s
SELECT * FROM customers c, LATERAL (SELECT x.id) s
SELECT * FROM customers c, orders o, LATERAL (SELECT id) s
SELECT * FROM customers c, LATERAL (SELECT c.id)
SELECT * FROM customers c, LATERAL (SELECT c.id) s (a, b)
SELECT * FROM customers c LEFT JOIN orders o ON o.customer_id = c.id FULL JOIN LATERAL (SELECT o.id AS x) s ON true
SELECT * FROM customers c, (orders o JOIN order_items i ON i.order_id = c.id) j
SELECT * FROM customers c, generate_series(1, customers.id) g
SELECT * FROM customers c, LATERAL (SELECT sum(c.id)) s
SELECT * FROM customers c, LATERAL (SELECT count(*) FROM orders WHERE customer_id = c.id GROUP BY c.city) s
SELECT * FROM customers c, generate_series(1, count(c.id)) g
SELECT * FROM generate_series(1, 2) g, LATERAL (SELECT g.nope) s
SELECT * FROM generate_series(1, 2) g (a), LATERAL (SELECT g.g) s


-- case: lateral_json_and_samples
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT s.id, e FROM samples s, unnest(s.ia) e ORDER BY 1, 2
SELECT s.id, e.* FROM samples s, unnest(s.ta) WITH ORDINALITY e ORDER BY 1, 3
SELECT s.id, x.n FROM samples s LEFT JOIN LATERAL (SELECT count(*) AS n FROM unnest(s.ia) v WHERE v > 1) x ON true ORDER BY 1


-- case: lateral_in_writes
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
UPDATE orders o SET note = x.n FROM LATERAL (SELECT o.id::text AS n) x
UPDATE orders o SET note = x.n FROM customers c, LATERAL (SELECT c.name || '-' || c.id AS n) x WHERE o.customer_id = c.id RETURNING o.id, o.note
DELETE FROM order_items i USING orders o, LATERAL (SELECT o.id AS oid WHERE o.status = 'cancelled') z WHERE i.order_id = z.oid RETURNING i.order_id, i.line
INSERT INTO order_items SELECT o.id, 10 + g, 'P-100', g, 1, NULL FROM orders o, generate_series(1, 2) g WHERE o.id = 16 RETURNING order_id, line


-- case: lateral_more_shapes
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
INSERT INTO tb VALUES (2, 20, 'x'), (3, 30, 'y'), (3, NULL, 'z'), (NULL, 40, 'w'), (6, 60, 'v'), (2, 20, 'x')
SELECT c.id, g FROM customers c LEFT JOIN LATERAL generate_series(1, c.id) g ON g > 4 ORDER BY 1, 2
SELECT k, s.kk FROM ta JOIN tb USING (k), LATERAL (SELECT k * 10 AS kk) s ORDER BY 1, 2
SELECT c.id, s.* FROM customers c, LATERAL (SELECT o.id, o.status FROM orders o WHERE o.customer_id = c.id) AS s (oid) ORDER BY 1, 2
SELECT g FROM generate_series(1, 2) AS g (x)
SELECT count(*) FROM customers c, LATERAL (SELECT c.id UNION ALL SELECT c.id + 1) s (v)
SELECT c.id, s.v FROM customers c, LATERAL (VALUES (c.id), (c.id * 2)) s (v) WHERE c.id < 3 ORDER BY 1, 2
SELECT c.id, s.n FROM customers c, LATERAL (WITH w AS (SELECT o.id FROM orders o WHERE o.customer_id = c.id) SELECT count(*) AS n FROM w) s ORDER BY 1
SELECT * FROM (SELECT 1 AS a) x, LATERAL (SELECT x.a + 1 AS b) y, LATERAL (SELECT y.b + x.a AS c) z
SELECT x.a, y.t FROM (VALUES (1, ARRAY['p', 'q']), (2, NULL)) x (a, arr) LEFT JOIN LATERAL unnest(x.arr) y (t) ON true ORDER BY 1, 2
SELECT c.id, s.m FROM customers c, LATERAL (SELECT max(o.id) FILTER (WHERE o.status = 'shipped') AS m FROM orders o WHERE o.customer_id = c.id HAVING count(*) > 1) s ORDER BY 1
CREATE VIEW cust_series AS SELECT c.id, g FROM customers c, generate_series(1, c.id) g WHERE c.id < 3
SELECT * FROM cust_series ORDER BY 1, 2
SELECT c.id, l.status FROM customers c JOIN LATERAL (SELECT DISTINCT ON (o.customer_id) o.status FROM orders o WHERE o.customer_id = c.id ORDER BY o.customer_id, o.placed_at DESC) l ON true ORDER BY 1


-- case: function_whole_row_reference
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT u FROM unnest(ARRAY[1, 2]) AS u (v) ORDER BY 1
SELECT x, x.x FROM upper('a') AS x
SELECT c.id, g FROM customers c, generate_series(1, c.id) AS g (n) WHERE c.id < 3 ORDER BY 1, 2
SELECT (SELECT max(g) FROM generate_series(1, c.id) AS g (n)) FROM customers c ORDER BY 1
SELECT count(g) FROM generate_series(1, 3) AS g (n)


-- case: out_json_array_elements_in_from
INSERT INTO samples VALUES (1, 1, 100, 10000000000, 3.14159, 1.5, 1.5, 2.25, 'alpha', 'short', 'ab', true, '2024-01-31', '2024-01-31 12:34:56.789', '2024-01-31 12:34:56.789+02', '12:34:56', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '{"b": [1, 2], "a": 1}', '\xdeadbeef', '{1,2,3}', '{x,"y z"}'), (2, -32768, -2147483648, -9223372036854775808, -0.5, -999.99, -0.1, 0.1, '', 'x', 'abcd', false, '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '00:00:00', '-3 mons +4 days -00:00:01', '00000000-0000-0000-0000-000000000000', '[]', '{}', '\x', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 32767, 2147483647, 9223372036854775807, 12345678901234567890.0001, 0, 'NaN', 'Infinity', 'Ünïcödé', 'a''b', 'x ', NULL, 'infinity', '2000-02-29 00:00:00.000001', '2024-07-01 00:00:00+00', '23:59:59.999999', '1 year 2 mons 3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '{"k": null, "k": 2}', '{"k": null, "k": 2}', '\x00ff', '{NULL,-1}', '{NULL,""}')
SELECT s.id, e FROM samples s, jsonb_array_elements(s.jb -> 'b') e ORDER BY 1, 2
SELECT * FROM jsonb_array_elements_text('[1, "a", null, {"k": [true]}, "x\"y"]')
SELECT * FROM json_array_elements('[1, "a" , null, {"k" : [true]}, 2.50]')
SELECT s.id, x.n FROM samples s LEFT JOIN LATERAL (SELECT count(*) AS n FROM jsonb_array_elements(s.jb -> 'b')) x ON true ORDER BY 1

-- case: function_whole_row_record
SELECT g FROM generate_series(1, 2) WITH ORDINALITY AS g ORDER BY 1
SELECT r FROM ROWS FROM (generate_series(1, 2), upper('a')) AS r ORDER BY 1
