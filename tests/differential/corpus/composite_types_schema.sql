-- schema: tests/differential/schemas/composite.sql
-- Composite types that come with the schema file: columns of them
-- written and read, arrays of them, the catalog.

-- case: writes_and_reads
INSERT INTO customer VALUES (1, 'Ada', '("1 Main St",Springfield,12345)', '(10.5,EUR)', '{"(a,b,00001)","(c,d,00002)"}')
INSERT INTO customer VALUES (2, 'Bob', ROW('2 Elm', 'Shelbyville', '54321'), ROW(3, 'USD'), NULL)
INSERT INTO customer (id, name, home) VALUES (3, 'Cy', '(x,"a very long city name that does not fit in forty chars",1)')
INSERT INTO customer (id, name, balance) VALUES (3, 'Cy', '(1234567890123,EUR)')
SELECT * FROM customer ORDER BY id
SELECT id, (home).city, (balance).amount * 2, previous[2] FROM customer ORDER BY id
SELECT id FROM customer WHERE (home).zip = '54321'
SELECT row_to_json(customer) FROM customer ORDER BY id
UPDATE customer SET balance = ROW((balance).amount + 1, (balance).currency) RETURNING id, balance

-- case: catalog
SELECT t.typname, t.typtype, c.relkind, c.relnatts FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND c.relkind = 'c' ORDER BY 1
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'address'::regclass ORDER BY a.attnum
SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_name = 'customer' ORDER BY ordinal_position
