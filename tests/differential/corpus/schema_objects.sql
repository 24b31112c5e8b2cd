-- Statement kinds real schema files hold beside tables: CREATE SCHEMA with
-- schema elements, CLUSTER and ALTER TABLE … CLUSTER ON, the xml type.

-- case: create_schema_elements
CREATE SCHEMA shop CREATE TABLE item (id serial PRIMARY KEY, name text) CREATE VIEW cheap AS SELECT id FROM item WHERE id < 10 CREATE INDEX item_name ON item (name) CREATE SEQUENCE counter
SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE table_schema = 'shop' ORDER BY table_name
SELECT schemaname, indexname, indexdef FROM pg_indexes WHERE schemaname = 'shop' ORDER BY indexname
SELECT sequence_schema, sequence_name FROM information_schema.sequences WHERE sequence_schema = 'shop' ORDER BY 2
INSERT INTO shop.item (name) VALUES ('a') RETURNING *
SELECT * FROM shop.cheap
SHOW search_path
CREATE SCHEMA other CREATE TABLE shop.t (a int)
CREATE SCHEMA other CREATE VIEW v AS SELECT * FROM item
CREATE SCHEMA other2 CREATE TABLE other2.t (a int) CREATE TABLE u (b int REFERENCES t (a))
CREATE SCHEMA other3 CREATE TABLE t3 (a int PRIMARY KEY) CREATE TABLE u3 (b int REFERENCES t3 (a))
SELECT conrelid::regclass, confrelid::regclass FROM pg_constraint WHERE contype = 'f' ORDER BY 1
CREATE SCHEMA shop CREATE TABLE x (a int)
SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'other%'

-- case: create_schema_element_order
CREATE SCHEMA ord CREATE VIEW v AS SELECT a FROM t CREATE TABLE t (a int)
SELECT * FROM ord.v

-- case: cluster
CREATE TABLE ct (a int PRIMARY KEY, b int)
CREATE INDEX ct_b ON ct USING hash (b)
CREATE INDEX ct_p ON ct (b) WHERE b > 0
CREATE INDEX ct_c ON ct (b)
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'ct' ORDER BY 1
CLUSTER ct USING nope
CLUSTER nope USING x
CLUSTER ct
CLUSTER ct USING ct_b
CLUSTER ct USING ct_p
ALTER TABLE ct CLUSTER ON nope
CLUSTER ct USING ct_pkey
SELECT indexrelid::regclass, indisclustered FROM pg_index WHERE indrelid = 'ct'::regclass ORDER BY indexrelid::regclass::text
ALTER TABLE ct CLUSTER ON ct_c
SELECT indexrelid::regclass, indisclustered FROM pg_index WHERE indrelid = 'ct'::regclass ORDER BY indexrelid::regclass::text
CLUSTER ct
ALTER TABLE ct SET WITHOUT CLUSTER
SELECT count(*) FROM pg_index WHERE indisclustered
CREATE TABLE ct2 (a int PRIMARY KEY)
CLUSTER ct USING ct2_pkey
BEGIN
CLUSTER ct USING ct_pkey
ROLLBACK
SELECT count(*) FROM pg_index WHERE indisclustered

-- case: xml_type
CREATE TABLE doc (id int, body xml, extra XML NULL)
INSERT INTO doc VALUES (1, '<a>x</a>', '<?xml version="1.0"?><b/>'), (2, 'plain text <i>y</i>', NULL), (3, '<a/><b/>', '<?xml version="1.1"?><c/>')
SELECT * FROM doc ORDER BY id
SELECT body::text, extra::varchar, pg_typeof(body) FROM doc ORDER BY id
SELECT '<x y="1"/>'::xml, 'just text'::xml, ''::xml
SELECT '<?xml version="1.0" standalone="yes"?><a/>'::xml
SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_name = 'doc' ORDER BY ordinal_position
SELECT body = body FROM doc
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'doc'::regclass AND attnum > 0 ORDER BY attnum
SELECT ARRAY['<a/>'::xml, '<b/>'::xml]
