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
-- (42P10), nested set-returning functions in FROM.

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
