-- schema: tests/differential/schemas/reads.sql
-- Row-locking clauses in one session: FOR UPDATE / NO KEY UPDATE / SHARE /
-- KEY SHARE, OF a table or an alias, NOWAIT and SKIP LOCKED, several
-- clauses, under ORDER BY / LIMIT / OFFSET, in joins, through an index
-- lookup, in a transaction block and after a savepoint; SELECT without
-- FROM; and PostgreSQL's refusals (CheckSelectLocking: GROUP BY, DISTINCT,
-- HAVING, aggregates, window functions, set-returning targets, UNION,
-- VALUES; OF names that are missing, qualified, a join, a function or a
-- WITH query; the nullable side of an outer join; a read-only
-- transaction). The advisory lock functions in one session: results,
-- re-entrancy, the unlock warnings, NULL keys. Two-session behaviour is
-- tests/differential/test_row_locks.py's.

-- case: lock_strengths
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5)
SELECT id, name FROM customers WHERE id = 1 FOR UPDATE
SELECT id, name FROM customers WHERE id = 1 FOR NO KEY UPDATE
SELECT id, name FROM customers WHERE id = 1 FOR SHARE
SELECT id, name FROM customers WHERE id = 1 FOR KEY SHARE
SELECT * FROM customers ORDER BY id FOR UPDATE NOWAIT
SELECT id FROM customers WHERE city = 'London' ORDER BY id FOR SHARE SKIP LOCKED
SELECT id FROM customers ORDER BY id LIMIT 2 OFFSET 1 FOR UPDATE
SELECT id FROM customers ORDER BY id DESC LIMIT 1 FOR UPDATE SKIP LOCKED
SELECT id FROM customers ORDER BY id FETCH FIRST 2 ROWS ONLY FOR NO KEY UPDATE
SELECT id, upper(name) AS n, credit * 2 FROM customers WHERE credit > 0 ORDER BY 3 FOR UPDATE
SELECT id FROM customers WHERE id = 2 FOR UPDATE OF customers
SELECT 1 AS one FOR UPDATE
SELECT id FROM customers WHERE false FOR UPDATE

-- case: lock_of_and_joins
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL)
SELECT c.id, o.id FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY o.id FOR UPDATE
SELECT c.id, o.id FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY o.id FOR UPDATE OF o
SELECT c.id, o.id FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY o.id FOR UPDATE OF c FOR SHARE OF o NOWAIT
SELECT customers.id FROM customers, orders WHERE orders.customer_id = customers.id AND orders.id = 12 FOR KEY SHARE OF customers, orders
SELECT c.id FROM customers c JOIN orders o USING (id) FOR UPDATE
SELECT c.id, s.n FROM customers c, generate_series(1, 2) s(n) WHERE c.id = 1 ORDER BY 2 FOR UPDATE
SELECT c.id FROM customers c WHERE c.id IN (SELECT customer_id FROM orders) ORDER BY 1 FOR UPDATE OF c
SELECT c.id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE c.id = 3 FOR UPDATE OF c
WITH w AS (SELECT 1 AS x) SELECT c.id FROM customers c, w WHERE c.id = w.x FOR UPDATE

-- case: lock_in_transaction
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5)
BEGIN
SELECT id FROM customers WHERE id = 2 FOR UPDATE
UPDATE customers SET city = 'Rome' WHERE id = 2 RETURNING id, city
SELECT id, city FROM customers WHERE id = 2 FOR SHARE
SAVEPOINT s
SELECT id FROM customers WHERE id = 3 FOR NO KEY UPDATE
ROLLBACK TO s
DELETE FROM customers WHERE id = 4 RETURNING id
SELECT id FROM customers ORDER BY id FOR UPDATE
COMMIT
BEGIN ISOLATION LEVEL REPEATABLE READ
SELECT id FROM customers ORDER BY id FOR KEY SHARE
COMMIT
BEGIN READ ONLY
SELECT id FROM customers WHERE id = 1 FOR UPDATE
ROLLBACK
BEGIN READ ONLY
SELECT id FROM customers WHERE id = 1 FOR KEY SHARE NOWAIT
ROLLBACK

-- case: lock_refused_with
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5)
SELECT city, count(*) FROM customers GROUP BY city FOR UPDATE
SELECT city FROM customers GROUP BY city FOR SHARE
SELECT DISTINCT city FROM customers FOR UPDATE
SELECT DISTINCT ON (city) city, id FROM customers ORDER BY city, id FOR KEY SHARE
SELECT 1 FROM customers HAVING count(*) > 1 FOR UPDATE
SELECT count(*) FROM customers FOR NO KEY UPDATE
SELECT max(id) FROM customers FOR SHARE NOWAIT
SELECT id, row_number() OVER () FROM customers FOR UPDATE
SELECT id, generate_series(1, 2) FROM customers FOR UPDATE
SELECT id FROM customers UNION SELECT id FROM customers FOR UPDATE
SELECT id FROM customers INTERSECT SELECT 1 FOR SHARE
VALUES (1), (2) FOR UPDATE
VALUES (1) FOR KEY SHARE
SELECT count(*) FROM customers FOR UPDATE OF customers

-- case: lock_of_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL)
SELECT id FROM customers FOR UPDATE OF orders
SELECT id FROM customers c FOR UPDATE OF customers
SELECT id FROM customers FOR UPDATE OF public.customers
SELECT id FROM customers FOR SHARE OF customers, nope
SELECT c.id FROM customers c JOIN orders o ON o.customer_id = c.id FOR UPDATE OF o, x
SELECT * FROM (customers c JOIN orders o ON o.customer_id = c.id) j FOR UPDATE OF j
SELECT * FROM customers, generate_series(1, 2) g FOR UPDATE OF g
WITH w AS (SELECT 1 AS x) SELECT * FROM customers, w FOR UPDATE OF w
SELECT * FROM customers c LEFT JOIN orders o ON o.customer_id = c.id FOR UPDATE
SELECT * FROM customers c LEFT JOIN orders o ON o.customer_id = c.id FOR UPDATE OF o
SELECT * FROM customers c RIGHT JOIN orders o ON o.customer_id = c.id FOR SHARE OF c
SELECT * FROM customers c FULL JOIN orders o ON o.customer_id = c.id FOR KEY SHARE OF o
SELECT * FROM customers c LEFT JOIN orders o ON o.customer_id = c.id FOR UPDATE OF x
SELECT id FROM customers FOR UPDATE OF nope FOR UPDATE OF customers

-- case: advisory_functions
SELECT pg_advisory_lock(1), pg_advisory_lock(1), pg_try_advisory_lock(1)
SELECT pg_advisory_unlock(1), pg_advisory_unlock(1), pg_advisory_unlock(1)
SELECT pg_advisory_unlock(1)
SELECT pg_advisory_lock_shared(2), pg_try_advisory_lock_shared(2), pg_try_advisory_lock(2)
SELECT pg_advisory_unlock(2)
SELECT pg_advisory_unlock_shared(2), pg_advisory_unlock_shared(2), pg_advisory_unlock(2)
SELECT pg_advisory_lock(1, 2), pg_try_advisory_lock(1, 2), pg_advisory_unlock(1, 2)
SELECT pg_advisory_unlock_shared(1, 2)
SELECT pg_advisory_unlock_all()
SELECT pg_advisory_unlock(1, 2)
SELECT pg_advisory_xact_lock(3), pg_try_advisory_xact_lock(3), pg_advisory_xact_lock_shared(3), pg_try_advisory_xact_lock_shared(3, 4)
SELECT pg_advisory_unlock(3)
BEGIN
SELECT pg_advisory_xact_lock(3)
SELECT pg_advisory_unlock(3)
COMMIT
SELECT pg_advisory_lock(NULL), pg_try_advisory_lock(NULL::bigint), pg_advisory_unlock(1, NULL)
SELECT pg_advisory_lock(-1), pg_advisory_lock(4294967296), pg_advisory_unlock(-1), pg_advisory_unlock(4294967296)
SELECT pg_advisory_lock(2147483647, -2147483648), pg_advisory_unlock(2147483647, -2147483648)
SELECT pg_try_advisory_lock(id) FROM customers
SELECT pg_advisory_unlock_all()
SELECT pg_advisory_lock('1')
SELECT pg_advisory_lock(1.5)
SELECT pg_advisory_lock()
