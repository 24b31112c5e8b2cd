-- schema: tests/differential/schemas/reads.sql
-- GROUP BY GROUPING SETS / ROLLUP / CUBE: the expansion into the
-- cartesian product of sets (plain items, nested GROUPING SETS,
-- parenthesized lists, empty sets, duplicate sets and GROUP BY DISTINCT),
-- NULLs for the keys outside the current set, GROUPING() in the target
-- list, HAVING, ORDER BY and window functions, an empty set over no rows,
-- functional dependency on a primary key grouped in every set, GROUPING()
-- of an enclosing level's columns inside a subquery, and the
-- errors PostgreSQL gives (GROUPING's arguments and placement 42803, CUBE's
-- 12 elements 54011, 4096 sets 54001, 32 GROUPING arguments 54023).
-- Queries without ORDER BY are compared as multisets.

-- case: gs_grouping_sets
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city, tier, count(*) FROM customers GROUP BY GROUPING SETS ((city), (tier), ()) ORDER BY city NULLS FIRST, tier NULLS FIRST, count(*)
SELECT city, tier, count(*) FROM customers GROUP BY GROUPING SETS ((city, tier), city, ())
SELECT city, tier, count(*) FROM customers GROUP BY GROUPING SETS (city, GROUPING SETS (tier, ()))
SELECT city, tier, sum(credit) FROM customers GROUP BY GROUPING SETS ((city, tier))
SELECT count(*), sum(credit) FROM customers GROUP BY GROUPING SETS (())
SELECT count(*) FROM customers GROUP BY ()
SELECT city, count(*) FROM customers GROUP BY GROUPING SETS ((), ())


-- case: gs_rollup_cube
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city, count(*) FROM customers GROUP BY ROLLUP (city) ORDER BY city NULLS LAST, count(*)
SELECT active, tier, count(*) FROM customers GROUP BY CUBE (active, tier) ORDER BY 1 NULLS FIRST, 2 NULLS FIRST, 3
SELECT city, tier, active, count(*) FROM customers GROUP BY ROLLUP (city, tier, active)
SELECT city, tier, active, count(*) FROM customers GROUP BY ROLLUP ((city, tier), active)
SELECT city, tier, active, count(*) FROM customers GROUP BY CUBE ((city, tier), active)
SELECT city, tier, count(*) FROM customers GROUP BY city, ROLLUP (tier)
SELECT city, tier, active, count(*) FROM customers GROUP BY ROLLUP (city), CUBE (tier, active)
SELECT city, tier, count(*) FROM customers GROUP BY GROUPING SETS (ROLLUP (city), CUBE (tier))
SELECT city, count(*) FROM customers GROUP BY ROLLUP (city), ROLLUP (city)
SELECT city, count(*) FROM customers GROUP BY DISTINCT ROLLUP (city), ROLLUP (city)
SELECT city, tier, count(*) FROM customers GROUP BY DISTINCT CUBE (city, tier), ROLLUP (tier, city)
SELECT city, count(*) FROM customers GROUP BY (city), ROLLUP (city)
SELECT city, tier, count(*) FROM customers GROUP BY (city, tier)


-- case: gs_grouping_function
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city, grouping(city), count(*) FROM customers GROUP BY ROLLUP (city) ORDER BY 2, 1 NULLS FIRST
SELECT city, tier, grouping(city, tier), grouping(tier, city), grouping(tier), count(*) FROM customers GROUP BY CUBE (city, tier)
SELECT city, grouping(city) FROM customers GROUP BY city
SELECT city, count(*) FROM customers GROUP BY ROLLUP (city) ORDER BY grouping(city), city
SELECT CASE WHEN grouping(city) = 1 THEN 'all' ELSE coalesce(city, '(none)') END AS label, count(*) FROM customers GROUP BY ROLLUP (city)
SELECT city, count(*), rank() OVER (ORDER BY grouping(city)) FROM customers GROUP BY ROLLUP (city)
SELECT upper(city), grouping(upper(city)), count(*) FROM customers GROUP BY ROLLUP (upper(city))
SELECT id % 2 AS parity, grouping(id % 2), count(*) FROM customers GROUP BY ROLLUP (id % 2)


-- case: gs_having
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city, count(*) FROM customers GROUP BY ROLLUP (city) HAVING grouping(city) = 1
SELECT city, count(*) FROM customers GROUP BY ROLLUP (city) HAVING city IS NULL
SELECT city, tier, count(*) FROM customers GROUP BY CUBE (city, tier) HAVING count(*) > 1
SELECT tier, sum(credit) FROM customers GROUP BY ROLLUP (tier) HAVING sum(credit) IS NOT NULL ORDER BY 2


-- case: gs_expressions_and_nulls
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT city, tier || '!' AS t, count(*) FROM customers GROUP BY GROUPING SETS (city, tier)
SELECT c.city, o.status, count(o.id) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY ROLLUP (c.city, o.status)
SELECT extract(year FROM signup) AS y, count(*) FROM customers GROUP BY ROLLUP (extract(year FROM signup))
SELECT city, count(*) FROM customers WHERE false GROUP BY ROLLUP (city)
SELECT count(*) FROM customers WHERE false GROUP BY ()
SELECT count(*) FROM customers WHERE false GROUP BY GROUPING SETS ((city), (tier))
SELECT city, array_agg(id ORDER BY id), string_agg(name, ',' ORDER BY name) FROM customers GROUP BY ROLLUP (city)
SELECT city, count(DISTINCT tier), count(*) FILTER (WHERE active) FROM customers GROUP BY CUBE (city)
SELECT (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) AS n, count(*) FROM customers c GROUP BY ROLLUP (c.id)


-- case: gs_functional_dependency
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, name, count(*) FROM customers GROUP BY id, ROLLUP (city)
SELECT city, name FROM customers GROUP BY id, ROLLUP (city)
SELECT city, name FROM customers GROUP BY ROLLUP (id, city)


-- case: gs_in_subqueries_and_views
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT * FROM (SELECT city, count(*) AS n FROM customers GROUP BY ROLLUP (city)) s WHERE n > 1
WITH t AS (SELECT tier, grouping(tier) AS g, count(*) AS n FROM customers GROUP BY CUBE (tier)) SELECT g, sum(n) FROM t GROUP BY g ORDER BY g
CREATE VIEW city_rollup AS SELECT city, grouping(city) AS g, count(*) AS n FROM customers GROUP BY ROLLUP (city)
SELECT * FROM city_rollup ORDER BY g, city NULLS FIRST


-- case: gs_outer_level_grouping
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT (SELECT grouping(c.city)) FROM customers c GROUP BY ROLLUP (city)
SELECT city, (SELECT grouping(c.city, c.tier) + count(*) FROM customers d WHERE d.city = c.city) AS g FROM customers c GROUP BY CUBE (city, tier)
SELECT (SELECT grouping(c.tier)) FROM customers c GROUP BY ROLLUP (city)
SELECT c.id FROM customers c WHERE (SELECT grouping(c.city)) = 0
SELECT (SELECT (SELECT grouping(c.city))) FROM customers c GROUP BY ROLLUP (city)
SELECT city FROM customers c GROUP BY ROLLUP (city) HAVING (SELECT grouping(c.city)) = 1
SELECT (SELECT grouping(c.city, d.id) FROM customers d LIMIT 1) FROM customers c GROUP BY ROLLUP (city)


-- case: gs_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT grouping(id) FROM customers
SELECT city, grouping(tier) FROM customers GROUP BY city
SELECT city, grouping(tier) FROM customers GROUP BY ROLLUP (city)
SELECT city FROM customers WHERE grouping(city) = 0 GROUP BY city
SELECT city FROM customers GROUP BY city, grouping(city)
SELECT city, sum(grouping(city)) FROM customers GROUP BY city
SELECT count(*) FILTER (WHERE grouping(city) = 0) FROM customers GROUP BY city
SELECT grouping(city) FROM customers ORDER BY 1
SELECT city, name, count(*) FROM customers GROUP BY ROLLUP (city)
SELECT city, tier FROM customers GROUP BY GROUPING SETS (city, ())
SELECT 1 FROM customers GROUP BY CUBE (id, name, email, city, tier, active, signup, credit, id, name, email, city, tier)
SELECT 1 FROM customers GROUP BY CUBE (id, name, email, city), CUBE (id, name, email, city), CUBE (id, name, email, city), ROLLUP (nope)
SELECT 1 FROM customers GROUP BY CUBE (id, name, email, city), CUBE (id, name, email, city), CUBE (id, name, email, city), ROLLUP (id)
SELECT grouping(id, name, email, city, tier, active, signup, credit, id, name, email, city, tier, id, name, email, city, tier, active, signup, credit, id, name, email, city, tier, id, name, email, city, tier, id, name) FROM customers GROUP BY id
SELECT city FROM customers GROUP BY ROLLUP (nope)
SELECT city FROM customers GROUP BY ROLLUP (count(*))
SELECT city FROM customers GROUP BY GROUPING SETS (city, 7)
SELECT grouping(id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id) FROM customers GROUP BY id
SELECT grouping(id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id) FROM customers GROUP BY id
UPDATE customers SET id = grouping(id)
SELECT grouping(1)

-- case: grouping_row_key
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT city FROM customers GROUP BY ROLLUP (ROW(city, tier))
