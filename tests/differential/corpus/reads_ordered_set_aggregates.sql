-- schema: tests/differential/schemas/reads.sql
-- Ordered-set aggregates with WITHIN GROUP (ORDER BY …): percentile_cont
-- over double precision and interval (one fraction and an array of them,
-- interpolating between rows), percentile_disc over any sortable type,
-- mode() (the earliest of equally frequent values in the WITHIN GROUP
-- order), NULL inputs skipped, DESC keys, FILTER, GROUP BY and grouping
-- sets; the hypothetical-set rank/dense_rank/percent_rank/cume_dist of a
-- row over one or several columns (NULLs sorted, not skipped); and the
-- errors: fractions outside [0, 1] (22003), candidate selection (42883
-- with PostgreSQL's hints), WITHIN GROUP missing or on a plain aggregate
-- (42809), OVER (0A000), DISTINCT / a second ORDER BY (42601), direct
-- arguments over ungrouped columns or aggregates (42803), unmatched
-- hypothetical types (42804).

-- case: osa_percentiles
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY credit), percentile_disc(0.5) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT percentile_cont(0) WITHIN GROUP (ORDER BY credit), percentile_cont(1) WITHIN GROUP (ORDER BY credit), percentile_cont(0.3) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY credit DESC), percentile_disc(0.25) WITHIN GROUP (ORDER BY credit DESC) FROM customers
SELECT percentile_disc(0) WITHIN GROUP (ORDER BY name), percentile_disc(0.5) WITHIN GROUP (ORDER BY name), percentile_disc(1) WITHIN GROUP (ORDER BY name) FROM customers
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY signup), percentile_disc(0.5) WITHIN GROUP (ORDER BY tier), percentile_disc(0.9) WITHIN GROUP (ORDER BY email) FROM customers
SELECT percentile_cont(ARRAY[0.5, NULL, 1, 0]) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT percentile_disc(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY name), percentile_disc('{}'::float8[]) WITHIN GROUP (ORDER BY id) FROM customers
SELECT percentile_cont(NULL) WITHIN GROUP (ORDER BY credit), percentile_cont(NULL::float8[]) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY credit) FROM customers WHERE false
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY credit) FROM customers WHERE credit IS NULL
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY id) AS median, percentile_cont(0.5) WITHIN GROUP (ORDER BY id::float4) FROM customers
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY name) FILTER (WHERE id > 2) FROM customers
SELECT percentile_cont(0.5 + 0.25) WITHIN GROUP (ORDER BY credit) FROM customers


-- case: osa_percentile_interval
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FROM (VALUES (interval '1 day'), (interval '2 days 3 hours'), (NULL), (interval '1 month')) t(v)
SELECT percentile_cont(0.4) WITHIN GROUP (ORDER BY v), percentile_cont(ARRAY[0, 0.75]) WITHIN GROUP (ORDER BY v) FROM (VALUES (interval '1 day'), (interval '2 days 3 hours'), (interval '1 month')) t(v)
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY v) FROM (VALUES (interval '1 day'), (interval '30 days'), (interval '1 month')) t(v)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FROM (VALUES (1::float8), ('Infinity'), ('-Infinity')) t(v)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v), percentile_cont(1) WITHIN GROUP (ORDER BY v) FROM (VALUES (1::float8), ('NaN'), (3)) t(v)


-- case: osa_mode
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT mode() WITHIN GROUP (ORDER BY city), mode() WITHIN GROUP (ORDER BY tier), mode() WITHIN GROUP (ORDER BY email) FROM customers
SELECT mode() WITHIN GROUP (ORDER BY status), mode() WITHIN GROUP (ORDER BY customer_id), mode() WITHIN GROUP (ORDER BY customer_id DESC) FROM orders
SELECT mode() WITHIN GROUP (ORDER BY v), mode() WITHIN GROUP (ORDER BY v DESC) FROM (VALUES (2), (1), (2), (1), (3)) t(v)
SELECT mode() WITHIN GROUP (ORDER BY v) FROM (VALUES (1.0), (1.00), (2)) t(v)
SELECT mode() WITHIN GROUP (ORDER BY v) FROM (VALUES (NULL::int), (NULL)) t(v)
SELECT mode() WITHIN GROUP (ORDER BY city) FROM customers WHERE false


-- case: osa_grouped
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT city, percentile_disc(0.5) WITHIN GROUP (ORDER BY id), mode() WITHIN GROUP (ORDER BY tier) FROM customers GROUP BY city
SELECT status, percentile_cont(0.5) WITHIN GROUP (ORDER BY id), count(*) FROM orders GROUP BY status ORDER BY status
SELECT customer_id, percentile_cont(customer_id / 10.0) WITHIN GROUP (ORDER BY id) FROM orders GROUP BY customer_id
SELECT city, percentile_disc(0.5) WITHIN GROUP (ORDER BY id) FROM customers GROUP BY ROLLUP (city)
SELECT status FROM orders GROUP BY status HAVING percentile_cont(0.5) WITHIN GROUP (ORDER BY id) > 12 ORDER BY 1
SELECT id, percentile_cont(0.5) WITHIN GROUP (ORDER BY credit / id) FROM customers GROUP BY id ORDER BY id
SELECT (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY o.id) FROM orders o WHERE o.customer_id = c.id) FROM customers c


-- case: osa_hypothetical
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT rank(3) WITHIN GROUP (ORDER BY id), dense_rank(3) WITHIN GROUP (ORDER BY id), percent_rank(3) WITHIN GROUP (ORDER BY id), cume_dist(3) WITHIN GROUP (ORDER BY id) FROM customers
SELECT rank('London') WITHIN GROUP (ORDER BY city), dense_rank('London') WITHIN GROUP (ORDER BY city), percent_rank('London') WITHIN GROUP (ORDER BY city), cume_dist('London') WITHIN GROUP (ORDER BY city) FROM customers
SELECT rank('London') WITHIN GROUP (ORDER BY city DESC), dense_rank('London') WITHIN GROUP (ORDER BY city DESC NULLS LAST), cume_dist('London') WITHIN GROUP (ORDER BY city NULLS FIRST) FROM customers
SELECT rank(NULL) WITHIN GROUP (ORDER BY city), dense_rank(NULL) WITHIN GROUP (ORDER BY city), cume_dist(NULL) WITHIN GROUP (ORDER BY city) FROM customers
SELECT rank('A', 3) WITHIN GROUP (ORDER BY tier, id), dense_rank('A', 3) WITHIN GROUP (ORDER BY tier, id DESC), percent_rank('B', 0) WITHIN GROUP (ORDER BY tier DESC, id) FROM customers
SELECT rank(100.5) WITHIN GROUP (ORDER BY credit), rank(100) WITHIN GROUP (ORDER BY credit), cume_dist(0) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT rank(1) WITHIN GROUP (ORDER BY id), percent_rank(1) WITHIN GROUP (ORDER BY id), cume_dist(1) WITHIN GROUP (ORDER BY id), dense_rank(1) WITHIN GROUP (ORDER BY id) FROM customers WHERE false
SELECT tier, rank(3) WITHIN GROUP (ORDER BY id) FROM customers GROUP BY tier
SELECT rank(2) WITHIN GROUP (ORDER BY v), dense_rank(2) WITHIN GROUP (ORDER BY v) FROM (VALUES (1), (1), (2), (2), (3)) t(v)


-- case: osa_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT percentile_cont('a') WITHIN GROUP (ORDER BY name) FROM customers
SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY credit) FROM customers WHERE false
SELECT percentile_cont(ARRAY[1.5]) WITHIN GROUP (ORDER BY credit) FROM customers WHERE false
SELECT percentile_cont(ARRAY[0.5, 1.5]) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT percentile_disc(-0.000001) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT percentile_cont('NaN') WITHIN GROUP (ORDER BY credit) FROM customers
SELECT percentile_disc('Infinity') WITHIN GROUP (ORDER BY credit) FROM customers
SELECT sum(credit) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT string_agg(',') WITHIN GROUP (ORDER BY name) FROM customers
SELECT lower(name) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT nosuch(name) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT percentile_cont(0.5) FROM customers
SELECT percentile_cont(0.5, credit) FROM customers
SELECT mode() FROM customers
SELECT rank(1) FROM customers
SELECT rank() FROM customers
SELECT percentile_cont(DISTINCT 0.5) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT percentile_cont(0.5 ORDER BY id) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY credit) OVER () FROM customers
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY credit, id) FROM customers
SELECT percentile_cont() WITHIN GROUP (ORDER BY credit, id) FROM customers
SELECT rank(1, 2) WITHIN GROUP (ORDER BY id) FROM customers
SELECT rank(1) WITHIN GROUP (ORDER BY id, name) FROM customers
SELECT rank('x') WITHIN GROUP (ORDER BY id) FROM customers
SELECT rank(true) WITHIN GROUP (ORDER BY id) FROM customers
SELECT percentile_cont(id) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT city, percentile_cont(id) WITHIN GROUP (ORDER BY credit) FROM customers GROUP BY city
SELECT percentile_cont(count(*)) WITHIN GROUP (ORDER BY credit) FROM customers
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY count(*)) FROM customers
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY tags) FROM products
SELECT mode() WITHIN GROUP (ORDER BY '{"a": 1}'::json)
SELECT id FROM customers WHERE percentile_cont(0.5) WITHIN GROUP (ORDER BY credit) > 0
SELECT percentile_disc(ARRAY[0.5]) WITHIN GROUP (ORDER BY x) FROM (VALUES (ARRAY[1])) t(x)
