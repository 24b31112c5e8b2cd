-- DDL run by a client (issue 12): CREATE/DROP TABLE, INDEX, SEQUENCE and
-- SCHEMA as ordinary statements, with PostgreSQL's tags, notices and
-- errors; transactional (ROLLBACK and savepoints undo them); the new
-- objects usable at once (serial defaults, constraints, FKs) and visible in
-- information_schema and pg_catalog. Each case starts from an empty database.

-- case: create_insert_select
CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL, price numeric(8,2) DEFAULT 0)
INSERT INTO items (name) VALUES ('a'), ('b') RETURNING *
INSERT INTO items (name, price) VALUES ('c', 2.5) RETURNING id, price
INSERT INTO items (name) VALUES (NULL)
INSERT INTO items (id, name) VALUES (1, 'dup')
SELECT * FROM items ORDER BY id
SELECT currval('items_id_seq'), nextval('items_id_seq')


-- case: create_errors
CREATE TABLE t (a int)
CREATE TABLE t (b int)
CREATE TABLE IF NOT EXISTS t (b int)
SELECT * FROM t
CREATE TABLE u (a int, a text)
CREATE TABLE v (a nosuchtype)
CREATE TABLE w (a int REFERENCES nosuch (id))
CREATE TABLE nosuchschema.x (a int)
CREATE TABLE y (a int PRIMARY KEY, b int PRIMARY KEY)
SELECT * FROM u


-- case: create_with_constraints_and_fk
CREATE TABLE parent (id int PRIMARY KEY, code text UNIQUE)
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id) ON DELETE CASCADE, qty int CHECK (qty > 0))
INSERT INTO parent VALUES (1, 'a'), (2, 'b')
INSERT INTO child VALUES (10, 1, 5), (11, 2, 1)
INSERT INTO child VALUES (12, 3, 1)
INSERT INTO child VALUES (13, 1, 0)
DELETE FROM parent WHERE id = 1
SELECT * FROM child ORDER BY id
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'child'::regclass ORDER BY conname


-- case: drop_table
CREATE TABLE a (x int)
INSERT INTO a VALUES (1)
DROP TABLE a
SELECT * FROM a
DROP TABLE a
DROP TABLE IF EXISTS a
DROP TABLE IF EXISTS a, b
CREATE TABLE a (y text)
SELECT * FROM a


-- case: drop_with_dependents
CREATE TABLE p (id int PRIMARY KEY)
CREATE TABLE c1 (id int, p_id int REFERENCES p)
CREATE TABLE c2 (id int, p_id int CONSTRAINT c2_to_p REFERENCES p)
DROP TABLE p
DROP TABLE p, c1
DROP TABLE p CASCADE
INSERT INTO c1 VALUES (1, 99)
SELECT count(*) FROM pg_constraint WHERE contype = 'f'
DROP TABLE c1, c2


-- case: drop_cascade_one
CREATE TABLE p (id int PRIMARY KEY)
CREATE TABLE c (id int, p_id int REFERENCES p)
DROP TABLE p CASCADE
INSERT INTO c VALUES (1, 5)
SELECT * FROM c


-- case: drop_wrong_kind
CREATE TABLE t (id serial PRIMARY KEY)
DROP INDEX t
DROP SEQUENCE t
DROP TABLE t_pkey
DROP TABLE t_id_seq
DROP INDEX t_pkey
DROP SEQUENCE t_id_seq
DROP SEQUENCE IF EXISTS nosuch
DROP INDEX IF EXISTS nosuch
DROP SEQUENCE nosuch
DROP INDEX nosuch


-- case: ddl_rolls_back
BEGIN
CREATE TABLE t (a int)
INSERT INTO t VALUES (1)
SELECT * FROM t
ROLLBACK
SELECT * FROM t
CREATE TABLE t (b text)
INSERT INTO t VALUES ('x')
SELECT * FROM t


-- case: ddl_and_savepoints
CREATE TABLE keep (a int)
BEGIN
INSERT INTO keep VALUES (1)
SAVEPOINT s1
DROP TABLE keep
SELECT * FROM keep
ROLLBACK TO s1
SELECT * FROM keep
SAVEPOINT s2
CREATE TABLE extra (b int)
INSERT INTO extra VALUES (2)
RELEASE s2
SELECT * FROM extra
COMMIT
SELECT * FROM keep
SELECT * FROM extra


-- case: failed_ddl_in_block
BEGIN
CREATE TABLE t (a int)
CREATE TABLE t (a int)
SELECT 1
ROLLBACK
SELECT * FROM t


-- case: create_index
CREATE TABLE t (a int, b text)
INSERT INTO t VALUES (1, 'x'), (2, 'y'), (2, 'z')
CREATE INDEX ON t (a)
CREATE INDEX t_b_idx ON t (b)
CREATE INDEX t_b_idx ON t (b)
CREATE INDEX IF NOT EXISTS t_b_idx ON t (b)
CREATE UNIQUE INDEX t_a_key ON t (a)
CREATE UNIQUE INDEX t_b_key ON t (b)
INSERT INTO t VALUES (3, 'x')
SELECT indexname FROM pg_indexes WHERE tablename = 't' ORDER BY indexname
DROP INDEX t_a_idx
SELECT indexname FROM pg_indexes WHERE tablename = 't' ORDER BY indexname
CREATE INDEX ON nosuch (a)
CREATE INDEX ON t (nosuch)


-- case: sequences_and_schemas
CREATE SEQUENCE s START 10 INCREMENT 5
SELECT nextval('s'), nextval('s')
CREATE SEQUENCE s
CREATE SEQUENCE IF NOT EXISTS s
CREATE SCHEMA app
CREATE SCHEMA app
CREATE SCHEMA IF NOT EXISTS app
CREATE TABLE app.things (id bigserial PRIMARY KEY, note text)
INSERT INTO app.things (note) VALUES ('n') RETURNING *
DROP SCHEMA app
DROP TABLE app.things
DROP SCHEMA app
DROP SCHEMA app
DROP SCHEMA IF EXISTS app
CREATE TABLE d (id int DEFAULT nextval('s'))
DROP SEQUENCE s
INSERT INTO d DEFAULT VALUES RETURNING *


-- case: information_schema_after_ddl
CREATE TABLE t1 (id int PRIMARY KEY, v varchar(10) NOT NULL)
CREATE TABLE t2 (id int REFERENCES t1)
SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position
SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1
DROP TABLE t2
SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1


-- case: read_only_transaction_refuses_ddl
BEGIN READ ONLY
CREATE TABLE t (a int)
ROLLBACK
SET default_transaction_read_only = on
DROP TABLE IF EXISTS t
RESET default_transaction_read_only
