-- schema: tests/differential/schemas/generated.sql
-- Stored generated columns that come with the schema file: computed on
-- writes, read through an index, shown by the catalog.

-- case: writes
INSERT INTO item (id, price, qty) VALUES (1, 2.50, 4), (2, 10, DEFAULT) RETURNING *
INSERT INTO item (id, price) VALUES (3, 1.25) RETURNING total, label
UPDATE item SET qty = qty + 1 WHERE id = 2 RETURNING *
INSERT INTO item VALUES (4, 1, 1, 1)
UPDATE item SET label = 'x'
SELECT id FROM item WHERE total = 22.00
SELECT * FROM item ORDER BY total DESC
INSERT INTO person VALUES ('Ada', 'Lovelace') RETURNING *
INSERT INTO person (first_name, last_name) VALUES ('Ada', 'Lovelace')
UPDATE person SET last_name = 'Byron' RETURNING *

-- case: catalog
SELECT attname, attgenerated, atthasdef FROM pg_attribute WHERE attrelid = 'item'::regclass AND attnum > 0 ORDER BY attnum
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'item'::regclass ORDER BY adnum
SELECT table_name, column_name, column_default, is_generated, generation_expression FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position
SELECT indexdef FROM pg_indexes WHERE tablename = 'item' ORDER BY indexname
