-- A schema file with views: plain, over other views, in a second schema,
-- materialized with an index, and commented (tests/differential/corpus/views_schema.sql).
CREATE SCHEMA reporting;
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, region text);
CREATE TABLE orders (id serial PRIMARY KEY, customer_id int REFERENCES customers, amount numeric(10,2), placed date);
CREATE VIEW big_orders AS SELECT id, customer_id, amount FROM orders WHERE amount > 100;
CREATE VIEW reporting.eu_customers AS SELECT * FROM customers WHERE region = 'EU';
CREATE VIEW reporting.eu_names (customer) AS SELECT name FROM reporting.eu_customers;
CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id;
CREATE UNIQUE INDEX order_totals_customer ON order_totals (customer_id);
COMMENT ON VIEW big_orders IS 'orders above 100';
COMMENT ON COLUMN big_orders.amount IS 'in euros';
