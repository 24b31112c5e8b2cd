-- schema: tests/differential/schemas/reads.sql
-- SELECT ... FROM one table: projection (*, expressions, aliases, duplicate
-- and quoted names, table-qualified columns), WHERE with three-valued logic,
-- IS [NOT] NULL, IS [NOT] DISTINCT FROM, IN / NOT IN with NULLs, BETWEEN
-- [SYMMETRIC], LIKE/ILIKE with escapes, CASE, casts, and the errors of name
-- resolution and typing. Rows without a top-level ORDER BY compare as a
-- multiset (see harness.py); every case seeds the tables it reads.

-- case: scan_star
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT * FROM customers
SELECT customers.* FROM customers
SELECT c.* FROM customers c
SELECT *, id FROM customers WHERE id = 1


-- case: scan_empty_table
SELECT * FROM customers
SELECT id, name FROM customers WHERE id > 0
SELECT count(*) FROM customers


-- case: scan_columns_and_aliases
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, name FROM customers
SELECT name AS who, id AS "ID" FROM customers
SELECT name who, city FROM customers
SELECT id, id, name AS id FROM customers
SELECT customers.name, c2.city FROM customers, customers c2 WHERE customers.id = c2.id AND customers.id < 3


-- case: scan_expressions
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id * 2, id + 0.5, -id, name || '!' FROM customers
SELECT id, credit * 2 AS double, credit / 3 AS third FROM customers
SELECT id % 4, id / 4, id::float8 / 4 FROM customers
SELECT 1, 'x', NULL FROM customers
SELECT upper(name), length(name), credit IS NULL FROM customers


-- case: scan_column_names
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id::text, name::varchar(2), credit::int, (id), ((id)) FROM customers WHERE id = 1
SELECT CASE WHEN id = 1 THEN 'one' END, COALESCE(city, '?'), NULLIF(tier, 'A') FROM customers WHERE id < 3
SELECT id + 1, -id, NOT active, active AND true FROM customers WHERE id < 3
SELECT customers.id, "name", "customers"."city" FROM customers WHERE id = 2


-- case: scan_where_comparisons
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE id > 3
SELECT id FROM customers WHERE id >= 3 AND id <> 5
SELECT id FROM customers WHERE id != 2 AND id < 4
SELECT id FROM customers WHERE name = 'Ada'
SELECT id FROM customers WHERE name < 'C'
SELECT id FROM customers WHERE credit > 100
SELECT id FROM customers WHERE credit <= 0
SELECT id FROM customers WHERE signup < '2023-06-01'


-- case: scan_where_three_valued
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE city = NULL
SELECT id FROM customers WHERE city <> 'London'
SELECT id FROM customers WHERE NOT (city = 'London')
SELECT id FROM customers WHERE city = 'London' OR active
SELECT id FROM customers WHERE city = 'London' AND active
SELECT id FROM customers WHERE NOT active
SELECT id FROM customers WHERE active IS NOT TRUE
SELECT id FROM customers WHERE active IS UNKNOWN
SELECT id FROM customers WHERE active IS NOT FALSE
SELECT id, active OR NULL, active AND NULL, NOT active FROM customers


-- case: scan_where_constant
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE true
SELECT id FROM customers WHERE false
SELECT id FROM customers WHERE NULL
SELECT id FROM customers WHERE 1 = 1
SELECT id FROM customers WHERE NULL::boolean IS NULL


-- case: scan_is_null
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE city IS NULL
SELECT id FROM customers WHERE city IS NOT NULL
SELECT id FROM customers WHERE email ISNULL
SELECT id FROM customers WHERE email NOTNULL
SELECT id, city IS NULL, tier IS NOT NULL FROM customers


-- case: scan_is_distinct_from
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE city IS DISTINCT FROM 'London'
SELECT id FROM customers WHERE city IS NOT DISTINCT FROM 'London'
SELECT id FROM customers WHERE city IS NOT DISTINCT FROM NULL
SELECT id FROM customers WHERE tier IS DISTINCT FROM NULL
SELECT id, city IS DISTINCT FROM email FROM customers


-- case: scan_in_list
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE id IN (1, 3, 5)
SELECT id FROM customers WHERE id NOT IN (1, 3, 5)
SELECT id FROM customers WHERE city IN ('London', 'Berlin')
SELECT id FROM customers WHERE city NOT IN ('London', 'Berlin')
SELECT id FROM customers WHERE id IN (2)
SELECT id FROM customers WHERE tier IN ('A', 'B')


-- case: scan_in_list_nulls
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE id IN (1, NULL)
SELECT id FROM customers WHERE id NOT IN (1, NULL)
SELECT id FROM customers WHERE city IN ('London', NULL)
SELECT id, city IN ('London', NULL), city NOT IN ('Paris', NULL) FROM customers


-- case: scan_in_list_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE id IN ('a', 2)
SELECT id FROM customers WHERE id IN (1, 'x'::text)
SELECT id FROM customers WHERE name IN (1, 2)


-- case: scan_between
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE id BETWEEN 2 AND 4
SELECT id FROM customers WHERE id NOT BETWEEN 2 AND 4
SELECT id FROM customers WHERE id BETWEEN 4 AND 2
SELECT id FROM customers WHERE id BETWEEN SYMMETRIC 4 AND 2
SELECT id FROM customers WHERE credit BETWEEN 0 AND 1000
SELECT id FROM customers WHERE signup BETWEEN '2023-01-01' AND '2023-12-31'
SELECT id FROM customers WHERE name BETWEEN 'B' AND 'D'
SELECT id, credit BETWEEN NULL AND 10 FROM customers


-- case: scan_like
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
SELECT sku FROM products WHERE name LIKE 'W%'
SELECT sku FROM products WHERE name LIKE '%get%'
SELECT sku FROM products WHERE name LIKE '_adget'
SELECT sku FROM products WHERE name NOT LIKE '%e%'
SELECT sku FROM products WHERE category LIKE '%'
SELECT sku FROM products WHERE name ~~ 'G%'
SELECT sku FROM products WHERE name !~~ 'G%'


-- case: scan_ilike
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
SELECT sku FROM products WHERE name ILIKE 'w%'
SELECT sku FROM products WHERE name NOT ILIKE '%WIDGET%'
SELECT sku FROM products WHERE name ~~* 'GADGET'
SELECT sku FROM products WHERE name !~~* 'gadget'


-- case: scan_like_null
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
SELECT sku FROM products WHERE category LIKE NULL
SELECT sku, category LIKE 't%', category NOT LIKE 't%' FROM products


-- case: scan_case
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, CASE WHEN credit > 1000 THEN 'gold' WHEN credit > 0 THEN 'silver' ELSE 'none' END FROM customers
SELECT id, CASE tier WHEN 'A' THEN 1 WHEN 'B' THEN 2 END AS rank FROM customers
SELECT id, CASE WHEN active THEN 'on' WHEN NOT active THEN 'off' END FROM customers
SELECT id, CASE city WHEN NULL THEN 'null city' ELSE city END FROM customers
SELECT id FROM customers WHERE CASE WHEN city IS NULL THEN true ELSE city = 'Paris' END


-- case: scan_case_types
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, CASE WHEN id < 3 THEN id ELSE credit END FROM customers
SELECT id, CASE WHEN id < 3 THEN 1 ELSE 2.5 END FROM customers
SELECT id, CASE WHEN id < 3 THEN name ELSE 'other' END FROM customers
SELECT id, CASE WHEN id < 3 THEN id ELSE name END FROM customers
SELECT id, CASE WHEN id < 3 THEN id ELSE 'x' END FROM customers


-- case: scan_casts
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id::text, credit::integer, credit::float8, signup::text, active::text FROM customers
SELECT CAST(id AS bigint), CAST(credit AS numeric(4, 0)), CAST(name AS char(2)) FROM customers
SELECT id, tier::text || '.', name::varchar(1) FROM customers
SELECT id FROM customers WHERE id::text = '3'
SELECT id, signup::timestamp, signup::timestamptz FROM customers WHERE signup IS NOT NULL


-- case: scan_cast_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT name::integer FROM customers
SELECT credit::numeric(3, 0) FROM customers
SELECT id::boolean FROM customers
SELECT signup::integer FROM customers
SELECT id, credit::numeric(5, 1) FROM customers WHERE id = 4


-- case: scan_arithmetic_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id / 0 FROM customers
SELECT id FROM customers WHERE id / (id - 3) > 0
SELECT credit / 0 FROM customers WHERE credit IS NULL
SELECT 2147483647 + id FROM customers
SELECT id, 1 / (id - 9) FROM customers


-- case: scan_undefined_column
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT nope FROM customers
SELECT id FROM customers WHERE nope = 1
SELECT customers.nope FROM customers
SELECT c.id FROM customers
SELECT x.* FROM customers
SELECT "Name" FROM customers


-- case: scan_undefined_table
SELECT * FROM nope
SELECT * FROM public.nope
SELECT * FROM nope.customers
SELECT id FROM "Customers"


-- case: scan_alias_hides_table_name
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT customers.id FROM customers c
SELECT c.id FROM customers AS c WHERE c.id = 1
SELECT c.id FROM customers c (a, b) WHERE a = 2
SELECT a, b, city FROM customers c (a, b) WHERE a = 2
SELECT c.name FROM customers c (a, b)


-- case: scan_schema_qualified
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM public.customers WHERE id = 1
SELECT public.customers.id FROM public.customers WHERE id = 2
SELECT customers.id FROM public.customers WHERE id = 3


-- case: scan_where_type_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE id
SELECT id FROM customers WHERE name
SELECT id FROM customers WHERE 'yes'
SELECT id FROM customers WHERE id = 'x'
SELECT id FROM customers WHERE name = 1
SELECT id FROM customers WHERE active = 'maybe'


-- case: scan_where_boolean_literals
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE active = 't'
SELECT id FROM customers WHERE active = 'no'
SELECT id FROM customers WHERE active
SELECT id FROM customers WHERE active IS TRUE


-- case: scan_char_padding
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, tier, tier || '|', length(tier), tier = 'A ' FROM customers
SELECT id FROM customers WHERE tier = 'A'
SELECT id FROM customers WHERE tier::text = 'A'
SELECT id FROM customers WHERE tier LIKE 'A'


-- case: scan_numeric_compare_mixed
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE credit = 0
SELECT id FROM customers WHERE credit = 250.50
SELECT id FROM customers WHERE credit < 0.0::float8
SELECT id FROM customers WHERE credit > 1e3
SELECT id FROM customers WHERE id = 1.0
SELECT id FROM customers WHERE id = '1'


-- case: scan_date_compare
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE signup = '2023-03-02'
SELECT id FROM customers WHERE signup > date '2023-03-01'
SELECT id FROM customers WHERE signup < timestamp '2023-03-02 00:00:01'
SELECT id FROM customers WHERE signup >= '2024-02-29'::date - 1
SELECT id FROM customers WHERE signup = 'not a date'


-- case: scan_timestamptz_compare
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT id FROM orders WHERE placed_at > '2024-02-11 09:00:00+00'
SELECT id FROM orders WHERE placed_at < '2024-01-01'
SELECT id FROM orders WHERE placed_at::date = '2024-03-02'
SELECT id FROM orders WHERE placed_at BETWEEN '2024-03-01' AND '2024-03-03'
SELECT id, placed_at FROM orders WHERE id IN (12, 14)


-- case: scan_values_in_from
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (n, s)
SELECT n FROM (VALUES (1), (NULL), (3)) AS v (n) WHERE n > 1
SELECT column1, column2 FROM (VALUES (1, 2.5), (2, NULL)) v
SELECT * FROM (VALUES (1), ('x')) v


-- case: scan_select_no_from
SELECT 1 AS one, 'two' AS two
SELECT 1 WHERE false
SELECT 1 WHERE true
SELECT 1 WHERE NULL


-- case: scan_quoted_identifiers
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id AS "Select", name AS "a b", city AS "" FROM customers
SELECT id AS "Select", name AS "a b" FROM customers
SELECT "id" FROM "customers" WHERE "id" = 1
SELECT id AS "x""y" FROM customers WHERE id = 1


-- case: scan_predicates_on_text
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE name > 'b'
SELECT id FROM customers WHERE lower(name) > 'b'
SELECT id FROM customers WHERE email LIKE '%.org'
SELECT id FROM customers WHERE email IS NULL OR email LIKE 'a%'
SELECT id FROM customers WHERE city || '-' || tier = 'London-A'


-- case: scan_row_comparisons
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE (id, name) = (1, 'Ada')
SELECT id FROM customers WHERE (tier, id) > ('A', 1)
SELECT id FROM customers WHERE (city, tier) IS NULL
SELECT id FROM customers WHERE (city, tier) IS NOT NULL


-- case: scan_negative_zero_and_precedence
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE - id = -3
SELECT id, -id * 2 + 1, (id + 1) * 2, 2 ^ id FROM customers WHERE id < 4
SELECT id FROM customers WHERE NOT id = 1 AND NOT id = 2 OR id = 2


-- case: scan_boolean_output
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT active, active IS TRUE, active IS NOT NULL FROM customers
SELECT active, count(*) FROM customers GROUP BY active


-- case: scan_syntax_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE
SELECT id, FROM customers
SELECT id FROM customers WHERE id = = 1
SELECT id FROM customers c c
SELEC id FROM customers


-- case: scan_coalesce_and_nullif_in_where
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE coalesce(city, 'none') = 'none'
SELECT id FROM customers WHERE nullif(tier, 'A') IS NULL
SELECT id FROM customers WHERE coalesce(active, false) = false


-- case: scan_boolean_precedence
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE NOT active IS NULL
SELECT id FROM customers WHERE NOT (active IS NULL)
SELECT id FROM customers WHERE active = true OR city = 'Paris' AND tier = 'B'
SELECT id FROM customers WHERE (active = true OR city = 'Paris') AND tier = 'B'

-- case: scan_like_escapes
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
SELECT sku FROM products WHERE sku LIKE 'P\_%'
SELECT sku FROM products WHERE sku LIKE 'P_%'
SELECT sku FROM products WHERE sku LIKE 'P#_%' ESCAPE '#'
SELECT sku FROM products WHERE name LIKE '100\%%'
SELECT sku FROM products WHERE name LIKE '100!%%' ESCAPE '!'
SELECT sku FROM products WHERE name LIKE '%\%%'
SELECT sku FROM products WHERE name LIKE '%' ESCAPE ''
SELECT sku FROM products WHERE name LIKE 'x\' ESCAPE '\'
SELECT sku FROM products WHERE name LIKE 'a' ESCAPE 'ab'


SELECT 'x' LIKE 'x#' ESCAPE '#', 'x' LIKE 'x\', 'ab' LIKE 'a%b\', '' LIKE '%\', 'x' ILIKE 'X\'
SELECT 'xa' LIKE 'x%\'
SELECT 'x\' ILIKE 'X%\'
SELECT like_escape('x#', '#'), like_escape('x#y', '#'), like_escape('x\', '#'), 'xa' LIKE 'x%#' ESCAPE '#'
