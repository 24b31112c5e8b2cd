-- schema: tests/differential/schemas/partitions.sql
-- Partitioned tables that come with the schema file (pagila's payment:
-- monthly partitions made by PARTITION OF and by ATTACH PARTITION, its
-- primary key and index cascading to them; a sub-partitioned list table;
-- a hash-partitioned one): routing, reads and the catalog.

-- case: schema_payment_routing
INSERT INTO payment (customer_id, amount, payment_date) VALUES (1, 2.99, '2022-01-15 10:00:00+00'), (2, 4.99, '2022-02-01 00:00:00+00'), (3, 0.99, '2022-03-31 23:59:59+00')
INSERT INTO payment (customer_id, amount, payment_date) VALUES (4, 1.00, '2022-04-01 00:00:00+00')
INSERT INTO payment (customer_id, amount, payment_date) VALUES (4, -1.00, '2022-02-01 00:00:00+00')
SELECT tableoid::regclass, * FROM payment ORDER BY payment_id
SELECT tableoid::regclass, count(*), sum(amount) FROM payment GROUP BY 1 ORDER BY 1
UPDATE payment SET payment_date = payment_date + interval '1 month' WHERE customer_id = 1 RETURNING payment_id, payment_date
SELECT tableoid::regclass, payment_id FROM payment ORDER BY payment_id
INSERT INTO payment VALUES (2, 9, 1.00, '2022-02-01 00:00:00+00')
DELETE FROM payment WHERE payment_date >= '2022-03-01' RETURNING payment_id
SELECT * FROM ONLY payment
COPY payment (customer_id, amount, payment_date) FROM STDIN
7	3.50	2022-01-02 03:04:05+00
8	4.50	2022-03-02 03:04:05+00
\.
SELECT tableoid::regclass, customer_id FROM payment ORDER BY customer_id

-- case: schema_orders_and_events
INSERT INTO orders VALUES (1, 'de', 'retail'), (2, 'us', 'retail'), (3000, 'us', 'bulk'), (4, 'br', NULL)
INSERT INTO orders VALUES (2, 'us', 'again')
SELECT tableoid::regclass, * FROM orders ORDER BY id
INSERT INTO events SELECT i, 'e' || i FROM generate_series(1, 20) i
SELECT tableoid::regclass, id FROM events ORDER BY id
INSERT INTO readings VALUES (NULL, '2024-01-01', 1), (3, '2024-01-02', 2), (9, '2024-01-03', 3), (1, '2024-01-04', 4)
SELECT tableoid::regclass, sensor FROM readings ORDER BY taken
INSERT INTO stamps VALUES ('1999-12-31 23:59:59', 'old'), ('2000-01-01', 'new'), (NULL, 'none')

-- case: schema_partition_catalog
SELECT c.relname, c.relkind, c.relispartition, c.relhassubclass, pg_get_expr(c.relpartbound, c.oid), pg_get_partkeydef(c.oid) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind <> 'S' ORDER BY 1
SELECT inhrelid::regclass, inhparent::regclass, inhseqno FROM pg_inherits ORDER BY inhrelid::regclass::text
SELECT partrelid::regclass, partstrat, partnatts, partattrs, partdefid::regclass, partclass, partcollation FROM pg_partitioned_table ORDER BY partrelid::regclass::text
SELECT conrelid::regclass, conname, contype, conislocal, coninhcount, conparentid <> 0 FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY conrelid::regclass::text, 2
SELECT attrelid::regclass, attname, attnotnull, attislocal, attinhcount, atthasdef FROM pg_attribute WHERE attrelid::regclass::text LIKE 'payment%' AND attnum > 0 ORDER BY attrelid::regclass::text, attnum
SELECT indexrelid::regclass, indrelid::regclass, indisunique, indisprimary FROM pg_index WHERE indrelid::regclass::text LIKE 'payment%' ORDER BY indexrelid::regclass::text
SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2
SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1
SELECT pg_get_partition_constraintdef(c.oid) FROM pg_class c WHERE c.relispartition AND c.relkind = 'r' AND c.relname NOT LIKE 'events%' ORDER BY c.relname

-- case: schema_partition_ddl_at_run_time
CREATE TABLE payment_p2022_04 PARTITION OF payment FOR VALUES FROM ('2022-04-01 00:00:00+00') TO ('2022-05-01 00:00:00+00')
CREATE TABLE payment_p2022_04b PARTITION OF payment FOR VALUES FROM ('2022-04-15 00:00:00+00') TO ('2022-05-15 00:00:00+00')
INSERT INTO payment (customer_id, amount, payment_date) VALUES (1, 1, '2022-04-02 00:00:00+00')
SELECT tableoid::regclass, customer_id FROM payment
ALTER TABLE payment DETACH PARTITION payment_p2022_01
SELECT count(*) FROM pg_inherits WHERE inhparent = 'payment'::regclass
SELECT count(*) FROM pg_inherits WHERE inhparent = 'payment_pkey'::regclass
INSERT INTO payment (customer_id, amount, payment_date) VALUES (1, 1, '2022-01-02 00:00:00+00')
ALTER TABLE payment ATTACH PARTITION payment_p2022_01 FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00')
SELECT count(*) FROM pg_inherits WHERE inhparent = 'payment_pkey'::regclass
DROP TABLE orders_us
SELECT relname FROM pg_class WHERE relname LIKE 'orders%' ORDER BY 1
DROP TABLE payment
SELECT relname FROM pg_class WHERE relname LIKE 'payment%' ORDER BY 1
