-- schema: tests/differential/schemas/views.sql
-- Views that come with the schema file: read after data is written, the
-- materialized one refreshed, and the catalog's view of them.

-- case: schema_views_read
INSERT INTO customers VALUES (1, 'ada', 'EU'), (2, 'bo', 'US'), (3, 'cy', 'EU')
INSERT INTO orders (customer_id, amount, placed) VALUES (1, 50, '2024-01-01'), (1, 150, '2024-01-02'), (2, 500, '2024-01-03')
SELECT * FROM big_orders ORDER BY id
SELECT * FROM reporting.eu_customers ORDER BY id
SELECT * FROM reporting.eu_names ORDER BY 1
SELECT * FROM order_totals
REFRESH MATERIALIZED VIEW order_totals
SELECT * FROM order_totals ORDER BY customer_id
REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals
SELECT * FROM order_totals WHERE customer_id = 2


-- case: schema_views_catalog
SELECT c.relname, c.relkind, n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND n.nspname IN ('public', 'reporting') ORDER BY 1
SELECT schemaname, viewname, definition FROM pg_views WHERE schemaname IN ('public', 'reporting') ORDER BY 1, 2
SELECT obj_description('big_orders'::regclass, 'pg_class'), col_description('big_orders'::regclass, 3)
SELECT matviewname, hasindexes, ispopulated, definition FROM pg_matviews
DROP TABLE orders
DROP TABLE customers CASCADE
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND n.nspname IN ('public', 'reporting') ORDER BY 1
