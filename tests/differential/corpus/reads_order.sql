-- schema: tests/differential/schemas/reads.sql
-- ORDER BY: ASC/DESC, NULLS FIRST/LAST and their defaults, expressions,
-- ordinals, output-column aliases (and where an alias may not be used),
-- ORDER BY columns not in the select list, collation-free text order (C
-- locale), LIMIT/OFFSET (ALL, NULL, expressions, negative values, FETCH
-- FIRST), DISTINCT and DISTINCT ON. A top-level ORDER BY is compared in
-- exact order, so every key here is total (a unique tie-breaker) unless the
-- case is about an error.

-- case: order_asc_desc
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, name FROM customers ORDER BY id
SELECT id, name FROM customers ORDER BY id DESC
SELECT id, name FROM customers ORDER BY id ASC
SELECT id, name FROM customers ORDER BY name
SELECT id, name FROM customers ORDER BY name DESC


-- case: order_nulls_default
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, city FROM customers ORDER BY city, id
SELECT id, city FROM customers ORDER BY city DESC, id
SELECT id, credit FROM customers ORDER BY credit, id
SELECT id, credit FROM customers ORDER BY credit DESC, id DESC


-- case: order_nulls_first_last
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, city FROM customers ORDER BY city NULLS FIRST, id
SELECT id, city FROM customers ORDER BY city ASC NULLS LAST, id
SELECT id, city FROM customers ORDER BY city DESC NULLS LAST, id
SELECT id, city FROM customers ORDER BY city DESC NULLS FIRST, id DESC
SELECT id, active FROM customers ORDER BY active NULLS FIRST, id
SELECT id, signup FROM customers ORDER BY signup DESC NULLS LAST, id


-- case: order_multiple_keys
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, city, tier FROM customers ORDER BY city, tier DESC, id
SELECT id, tier, credit FROM customers ORDER BY tier NULLS FIRST, credit DESC NULLS LAST, id
SELECT id, active, signup FROM customers ORDER BY active DESC, signup, id


-- case: order_by_expression
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, name FROM customers ORDER BY id % 3, id
SELECT id, name FROM customers ORDER BY length(name) DESC, lower(name)
SELECT id, credit FROM customers ORDER BY COALESCE(credit, 0), id
SELECT id FROM customers ORDER BY -id
SELECT id, city FROM customers ORDER BY city IS NULL, city, id
SELECT id FROM customers ORDER BY CASE WHEN tier = 'A' THEN 0 ELSE 1 END, id DESC


-- case: order_by_ordinal
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, name FROM customers ORDER BY 2
SELECT name, id FROM customers ORDER BY 2 DESC
SELECT city, id FROM customers ORDER BY 1 NULLS FIRST, 2
SELECT id FROM customers ORDER BY 2
SELECT id FROM customers ORDER BY 0
SELECT id FROM customers ORDER BY -1


-- case: order_by_alias
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id AS k, name FROM customers ORDER BY k DESC
SELECT id, name AS n FROM customers ORDER BY n
SELECT id, credit * 2 AS dbl FROM customers ORDER BY dbl NULLS FIRST, id
SELECT id AS name, name AS id FROM customers ORDER BY id
SELECT id AS k FROM customers ORDER BY k + 1
SELECT id AS k FROM customers ORDER BY -k


-- case: order_by_column_not_selected
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT name FROM customers ORDER BY id DESC
SELECT name FROM customers ORDER BY signup NULLS FIRST, id
SELECT c.name FROM customers c ORDER BY c.credit, c.id


-- case: order_by_ambiguous_alias
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id AS x, name AS x FROM customers ORDER BY x
SELECT id, id FROM customers ORDER BY id
SELECT id AS name, name FROM customers ORDER BY name


-- case: order_text_c_locale
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
SELECT id, name FROM customers ORDER BY name
SELECT sku, name FROM products ORDER BY name
SELECT sku FROM products ORDER BY sku DESC
SELECT sku, category FROM products ORDER BY category NULLS FIRST, sku


-- case: order_mixed_types
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
SELECT sku, price FROM products ORDER BY price DESC NULLS LAST, sku
SELECT sku, weight FROM products ORDER BY weight, sku
SELECT sku, rating FROM products ORDER BY rating DESC, sku
SELECT sku, stock FROM products ORDER BY stock NULLS FIRST, sku
SELECT sku, added FROM products ORDER BY added DESC NULLS LAST, sku


-- case: order_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers ORDER BY nope
SELECT id FROM customers ORDER BY 'x'
SELECT id FROM customers ORDER BY 1.5
SELECT id FROM customers ORDER BY customers.nope
SELECT id FROM customers c ORDER BY customers.id


-- case: order_limit
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers ORDER BY id LIMIT 2
SELECT id FROM customers ORDER BY id DESC LIMIT 1
SELECT id FROM customers ORDER BY id LIMIT 0
SELECT id FROM customers ORDER BY id LIMIT 100


-- case: order_offset
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers ORDER BY id OFFSET 2
SELECT id FROM customers ORDER BY id LIMIT 2 OFFSET 2
SELECT id FROM customers ORDER BY id OFFSET 10
SELECT id FROM customers ORDER BY id OFFSET 0
SELECT id FROM customers ORDER BY id OFFSET 5 LIMIT 5


-- case: order_limit_all_null
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers ORDER BY id LIMIT ALL
SELECT id FROM customers ORDER BY id LIMIT NULL
SELECT id FROM customers ORDER BY id LIMIT ALL OFFSET 4
SELECT id FROM customers ORDER BY id OFFSET NULL
SELECT id FROM customers ORDER BY id LIMIT NULL OFFSET NULL


-- case: order_limit_expressions
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers ORDER BY id LIMIT 1 + 1
SELECT id FROM customers ORDER BY id LIMIT '3'
SELECT id FROM customers ORDER BY id LIMIT 2.5
SELECT id FROM customers ORDER BY id LIMIT 2.4
SELECT id FROM customers ORDER BY id OFFSET 1.5
SELECT id FROM customers ORDER BY id LIMIT (SELECT 2)


-- case: order_limit_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers ORDER BY id LIMIT -1
SELECT id FROM customers ORDER BY id OFFSET -1
SELECT id FROM customers ORDER BY id LIMIT 'x'
SELECT id FROM customers ORDER BY id LIMIT id
SELECT id FROM customers ORDER BY id LIMIT true
SELECT id FROM customers ORDER BY id LIMIT 9223372036854775808


-- case: order_fetch_first
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers ORDER BY id FETCH FIRST 2 ROWS ONLY
SELECT id FROM customers ORDER BY id FETCH NEXT ROW ONLY
SELECT id FROM customers ORDER BY id OFFSET 1 ROW FETCH FIRST 3 ROWS ONLY
SELECT id FROM customers ORDER BY id OFFSET 4 ROWS


-- case: limit_without_order_full
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers LIMIT 10
SELECT id FROM customers LIMIT 0
SELECT count(*) FROM (SELECT id FROM customers LIMIT 3) s
SELECT id FROM customers OFFSET 6


-- case: distinct_basic
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT DISTINCT city FROM customers
SELECT DISTINCT tier FROM customers ORDER BY tier
SELECT DISTINCT city, tier FROM customers
SELECT DISTINCT active FROM customers ORDER BY active NULLS FIRST
SELECT DISTINCT signup FROM customers ORDER BY 1 DESC


-- case: distinct_nulls_equal
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
SELECT DISTINCT k FROM ta
SELECT DISTINCT k, x FROM ta
SELECT DISTINCT * FROM ta
SELECT DISTINCT v IS NULL FROM ta


-- case: distinct_expressions
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT DISTINCT id % 2 FROM customers
SELECT DISTINCT upper(city) AS c FROM customers ORDER BY c NULLS LAST
SELECT DISTINCT credit > 0 FROM customers
SELECT DISTINCT 1 FROM customers


-- case: distinct_order_by_rule
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT DISTINCT city FROM customers ORDER BY id
SELECT DISTINCT city FROM customers ORDER BY city
SELECT DISTINCT city AS c FROM customers ORDER BY c DESC
SELECT DISTINCT lower(city) FROM customers ORDER BY lower(city)
SELECT DISTINCT lower(city) FROM customers ORDER BY upper(city)


-- case: distinct_numeric_scale
SELECT count(DISTINCT x), count(x) FROM (VALUES (1.0), (1.00), (1)) v (x)
SELECT DISTINCT x::text FROM (VALUES (1.0), (1.00), (1)) v (x)
SELECT count(DISTINCT x) FROM (VALUES (0.0::float8), (-0.0::float8)) v (x)
SELECT DISTINCT x FROM (VALUES (0.0::float8), (0.0::float8)) v (x)
SELECT DISTINCT x FROM (VALUES ('a'::char(3)), ('a  '::char(3))) v (x)


-- case: distinct_with_limit
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT DISTINCT city FROM customers ORDER BY city LIMIT 2
SELECT DISTINCT city FROM customers ORDER BY city NULLS FIRST OFFSET 1


-- case: distinct_on_basic
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT DISTINCT ON (customer_id) customer_id, id FROM orders ORDER BY customer_id, id
SELECT DISTINCT ON (customer_id) customer_id, id, placed_at FROM orders ORDER BY customer_id, placed_at DESC
SELECT DISTINCT ON (status) status, id FROM orders ORDER BY status, id DESC


-- case: distinct_on_expressions
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT DISTINCT ON (tier) tier, id FROM customers ORDER BY tier NULLS FIRST, id
SELECT DISTINCT ON (city IS NULL) city IS NULL AS no_city, id FROM customers ORDER BY city IS NULL, id
SELECT DISTINCT ON (1) tier, name FROM customers ORDER BY 1, 2


-- case: distinct_on_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT DISTINCT ON (city) city, id FROM customers ORDER BY id
SELECT DISTINCT ON (city) city, id FROM customers ORDER BY city, id LIMIT 2
SELECT DISTINCT ON (nope) id FROM customers


-- case: distinct_on_without_order
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT DISTINCT ON (tier) tier FROM customers
SELECT DISTINCT ON (id) id, name FROM customers


-- case: order_by_multi_column_ties_distinct
INSERT INTO ta VALUES (1, 10, 'a'), (2, 20, 'b'), (2, 20, 'b'), (3, NULL, 'c'), (NULL, 40, 'd'), (5, 50, NULL)
SELECT k, x, v FROM ta ORDER BY k NULLS FIRST, x, v
SELECT DISTINCT k, x, v FROM ta ORDER BY 1, 2, 3


-- case: order_limit_offset_empty
SELECT id FROM customers ORDER BY id LIMIT 5
SELECT id FROM customers ORDER BY id OFFSET 5
SELECT DISTINCT city FROM customers


-- case: order_by_boolean_and_dates
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, active FROM customers ORDER BY active, id
SELECT id, active FROM customers ORDER BY active DESC, id
SELECT id, signup FROM customers ORDER BY signup, id
SELECT id FROM customers ORDER BY signup IS NULL DESC, id


-- case: order_by_in_subquery_not_top_level
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT * FROM (SELECT id FROM customers ORDER BY id DESC) s
SELECT * FROM (SELECT id FROM customers ORDER BY id DESC LIMIT 2) s
SELECT s.id FROM (SELECT id, name FROM customers ORDER BY name LIMIT 3) s ORDER BY s.id


-- case: order_by_numeric_float_special
SELECT x FROM (VALUES (1.5::float8), ('NaN'), ('-Infinity'), ('Infinity'), (NULL), (0)) v (x) ORDER BY x
SELECT x FROM (VALUES (1.5::numeric), ('NaN'), ('-Infinity'), ('Infinity'), (NULL), (0)) v (x) ORDER BY x DESC
SELECT x FROM (VALUES (2.50), (2.5), (10)) v (x) ORDER BY x, x::text


-- case: order_by_text_special_chars
SELECT s FROM (VALUES ('b'), ('B'), ('a'), ('_'), (' '), (''), ('Z'), ('ä'), ('10'), ('9')) v (s) ORDER BY s
SELECT s FROM (VALUES ('ab'), ('a'), ('abc'), ('a b')) v (s) ORDER BY s DESC


-- case: order_by_nulls_with_limit
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, credit FROM customers ORDER BY credit NULLS FIRST, id LIMIT 3
SELECT id, credit FROM customers ORDER BY credit DESC, id LIMIT 3 OFFSET 1


-- case: order_by_join_columns
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
INSERT INTO order_items VALUES (10, 1, 'P-100', 2, 9.99, NULL), (10, 2, 'P-200', 1, 24.50, 0.125), (11, 1, 'P-300', 10, 4.00, NULL), (12, 1, 'P-100', 1, 9.99, 0.25), (12, 2, 'P-500', 1, 99.95, NULL), (12, 3, 'P_600', 3, 15.00, 0.5), (13, 1, 'P-200', 2, NULL, NULL), (15, 1, 'P-100', 5, 9.50, NULL), (16, 1, 'P-300', 1, 4.00, 0)
SELECT c.city, o.id FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY c.city DESC NULLS LAST, o.id
SELECT o.id, c.name FROM orders o LEFT JOIN customers c ON c.id = o.customer_id ORDER BY c.name NULLS FIRST, o.id


-- case: fetch_first_with_ties
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL), (7, 'Gus', NULL, 'Paris', 'B', true, '2023-03-02', 0.00)
SELECT id FROM (SELECT id FROM customers ORDER BY tier FETCH FIRST 1 ROW WITH TIES) s ORDER BY id
SELECT id FROM (SELECT id FROM customers ORDER BY tier FETCH FIRST 3 ROWS WITH TIES) s ORDER BY id
SELECT id FROM (SELECT id FROM customers ORDER BY tier NULLS FIRST FETCH FIRST ROW WITH TIES) s ORDER BY id
SELECT id FROM (SELECT id FROM customers ORDER BY signup DESC NULLS LAST OFFSET 1 ROW FETCH NEXT 1 ROWS WITH TIES) s ORDER BY id
SELECT id FROM (SELECT id FROM customers ORDER BY credit FETCH FIRST 2 ROWS WITH TIES) s ORDER BY id
SELECT id FROM (SELECT id FROM customers ORDER BY city, signup FETCH FIRST 2 ROWS WITH TIES) s ORDER BY id
SELECT id, tier FROM customers ORDER BY tier, id FETCH FIRST 2 ROWS WITH TIES
SELECT id FROM customers ORDER BY tier FETCH FIRST 0 ROWS WITH TIES
SELECT count(*) FROM (SELECT 1 FROM customers ORDER BY upper(city) FETCH FIRST (1 + 1) ROWS WITH TIES) s
SELECT x FROM (VALUES (1), (1), (2)) v(x) ORDER BY x FETCH FIRST 1 ROW WITH TIES
SELECT tier FROM customers UNION SELECT 'Z' ORDER BY 1 FETCH FIRST 1 ROW WITH TIES
SELECT id FROM customers ORDER BY tier FETCH FIRST NULL ROWS WITH TIES
SELECT id FROM customers ORDER BY tier FETCH FIRST -1 ROWS WITH TIES
SELECT id FROM customers FETCH FIRST 1 ROW WITH TIES
SELECT id FROM customers ORDER BY tier FETCH FIRST 1 ROW WITH TIES FOR UPDATE SKIP LOCKED


-- case: fetch_with_ties_in_sort_order
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, tier FROM customers ORDER BY tier FETCH FIRST 1 ROWS WITH TIES
