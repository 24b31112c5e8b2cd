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


-- case: add_constraint_checks_existing_rows
CREATE TABLE p (id int PRIMARY KEY)
CREATE TABLE c (id int, p_id int, qty int)
INSERT INTO p VALUES (1), (2)
INSERT INTO c VALUES (1, 1, 5), (2, NULL, 0), (3, 7, 1)
ALTER TABLE c ADD CONSTRAINT qty_positive CHECK (qty > 0)
ALTER TABLE c ADD CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id)
ALTER TABLE c ADD PRIMARY KEY (id)
ALTER TABLE c ADD UNIQUE (p_id)
DELETE FROM c WHERE id = 3
ALTER TABLE c ADD CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id)
INSERT INTO c VALUES (4, 9, 1)
ALTER TABLE c ADD CONSTRAINT qty_nonneg CHECK (qty >= 0)
INSERT INTO c VALUES (5, 1, -1)
INSERT INTO c VALUES (1, 2, 2)
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'c'::regclass ORDER BY conname


-- case: add_constraint_in_transaction
CREATE TABLE t (a int)
INSERT INTO t VALUES (1), (1)
BEGIN
ALTER TABLE t ADD UNIQUE (a)
ROLLBACK
BEGIN
DELETE FROM t WHERE a = 1
INSERT INTO t VALUES (2)
ALTER TABLE t ADD CONSTRAINT a_small CHECK (a < 2)
ROLLBACK
SELECT * FROM t


-- case: alter_add_column
CREATE TABLE t (id int PRIMARY KEY, name text)
INSERT INTO t VALUES (1, 'a'), (2, 'b')
ALTER TABLE t ADD COLUMN score numeric(6,2) DEFAULT 1.5
ALTER TABLE t ADD COLUMN note text
ALTER TABLE t ADD COLUMN seq serial
ALTER TABLE t ADD COLUMN name text
ALTER TABLE t ADD COLUMN IF NOT EXISTS name text
ALTER TABLE t ADD COLUMN must text NOT NULL
ALTER TABLE t ADD COLUMN must text NOT NULL DEFAULT 'x'
ALTER TABLE t ADD COLUMN code int UNIQUE
ALTER TABLE t ADD COLUMN pos int CHECK (pos > 0)
ALTER TABLE t ADD COLUMN pos2 int DEFAULT 0 CHECK (pos2 > 0)
SELECT * FROM t ORDER BY id
INSERT INTO t (id, name) VALUES (3, 'c') RETURNING *
SELECT column_name, data_type, column_default, is_nullable FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position
ALTER TABLE nosuch ADD COLUMN x int


-- case: alter_column_defaults_and_nulls
CREATE TABLE t (id int PRIMARY KEY, a text, b int DEFAULT 5)
INSERT INTO t (id, a) VALUES (1, 'x'), (2, NULL)
ALTER TABLE t ALTER COLUMN a SET DEFAULT 'dflt'
ALTER TABLE t ALTER COLUMN b DROP DEFAULT
INSERT INTO t (id) VALUES (3) RETURNING *
ALTER TABLE t ALTER COLUMN a SET NOT NULL
UPDATE t SET a = 'y' WHERE a IS NULL
ALTER TABLE t ALTER COLUMN a SET NOT NULL
INSERT INTO t (id, a) VALUES (4, NULL)
ALTER TABLE t ALTER COLUMN a DROP NOT NULL
INSERT INTO t (id, a) VALUES (4, NULL) RETURNING *
ALTER TABLE t ALTER COLUMN id DROP NOT NULL
ALTER TABLE t ALTER COLUMN nosuch SET DEFAULT 1
ALTER TABLE t ALTER COLUMN b SET DEFAULT 'text'
ALTER TABLE t ALTER COLUMN b SET DEFAULT NULL
INSERT INTO t (id) VALUES (5) RETURNING *
SELECT column_name, column_default, is_nullable FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position


-- case: alter_drop_constraint
CREATE TABLE p (id int PRIMARY KEY, code text CONSTRAINT p_code UNIQUE)
CREATE TABLE c (id int PRIMARY KEY, p_id int REFERENCES p, qty int CONSTRAINT qty_pos CHECK (qty > 0))
INSERT INTO p VALUES (1, 'a')
ALTER TABLE c DROP CONSTRAINT qty_pos
INSERT INTO c VALUES (1, 1, -5)
ALTER TABLE c DROP CONSTRAINT qty_pos
ALTER TABLE c DROP CONSTRAINT IF EXISTS qty_pos
ALTER TABLE p DROP CONSTRAINT p_pkey
ALTER TABLE p DROP CONSTRAINT p_code
INSERT INTO p VALUES (2, 'a')
ALTER TABLE p DROP CONSTRAINT p_pkey CASCADE
INSERT INTO c VALUES (2, 99, 1)
INSERT INTO p VALUES (1, 'again')
SELECT conname FROM pg_constraint WHERE conrelid IN ('p'::regclass, 'c'::regclass) ORDER BY conname
SELECT indexname FROM pg_indexes WHERE tablename IN ('p', 'c') ORDER BY indexname


-- case: alter_rename_table
CREATE TABLE old_name (id serial PRIMARY KEY, v text)
CREATE TABLE other (id int, ref int REFERENCES old_name)
INSERT INTO old_name (v) VALUES ('a'), ('b')
ALTER TABLE old_name RENAME TO new_name
SELECT * FROM old_name
SELECT * FROM new_name ORDER BY id
INSERT INTO new_name (v) VALUES ('c') RETURNING *
INSERT INTO other VALUES (1, 3), (2, 99)
ALTER TABLE new_name RENAME TO other
SELECT indexname FROM pg_indexes WHERE tablename = 'new_name'
SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1
BEGIN
ALTER TABLE new_name RENAME TO renamed_again
SELECT count(*) FROM renamed_again
ROLLBACK
SELECT count(*) FROM new_name


-- case: search_path_decides_unqualified_names
CREATE SCHEMA app
SET search_path TO app
CREATE TABLE t (a int)
INSERT INTO t VALUES (1)
SELECT * FROM t
SELECT * FROM app.t
SELECT * FROM public.t
SELECT table_schema, table_name FROM information_schema.tables WHERE table_name = 't' ORDER BY 1
SET search_path TO public
SELECT * FROM t
CREATE TABLE t (b text)
INSERT INTO t VALUES ('p')
SET search_path TO app, public
SELECT * FROM t
INSERT INTO t VALUES (2)
UPDATE t SET a = a + 10 RETURNING *
SET search_path TO public, app
SELECT * FROM t
SET search_path TO nosuch, "$user", app
SELECT * FROM t
SET search_path = ''
SELECT * FROM t
CREATE TABLE u (a int)
RESET search_path
SELECT * FROM t
DROP TABLE t
SET search_path TO app
DROP TABLE t


-- case: search_path_finds_sequences
CREATE SCHEMA app
CREATE SEQUENCE app.s START 100
CREATE SEQUENCE s START 5
SELECT nextval('s')
SET search_path TO app, public
SELECT nextval('s'), currval('s')
SELECT nextval('public.s'), current_schema()
SET search_path TO nosuch
SELECT current_schema()


-- case: create_table_like
CREATE TABLE target (id serial PRIMARY KEY, code text UNIQUE NOT NULL, qty int DEFAULT 1 CONSTRAINT qty_pos CHECK (qty > 0), note text)
CREATE INDEX target_note_idx ON target (note)
COMMENT ON COLUMN target.note IS 'free text'
CREATE TABLE plain (LIKE target)
CREATE TABLE stage (LIKE target INCLUDING DEFAULTS)
CREATE TABLE full_copy (extra int, LIKE target INCLUDING ALL, tail text)
CREATE TABLE twice (LIKE target, LIKE target)
CREATE TABLE clash (code int, LIKE target)
CREATE TABLE nolike (LIKE nosuch)
SELECT table_name, column_name, ordinal_position, column_default, is_nullable FROM information_schema.columns WHERE table_name IN ('plain', 'stage', 'full_copy') ORDER BY table_name, ordinal_position
SELECT conrelid::regclass::text, conname, contype FROM pg_constraint WHERE conrelid IN ('plain'::regclass, 'stage'::regclass, 'full_copy'::regclass) ORDER BY 1, 2
SELECT tablename, indexname FROM pg_indexes WHERE tablename IN ('plain', 'stage', 'full_copy') ORDER BY 1, 2
INSERT INTO stage (code) VALUES ('a') RETURNING *
INSERT INTO full_copy (code, qty) VALUES ('a', 0)
INSERT INTO full_copy (code) VALUES ('a') RETURNING *
INSERT INTO full_copy (code) VALUES ('a')
INSERT INTO plain (code) VALUES ('x') RETURNING *
SELECT col_description('full_copy'::regclass, 5)


-- case: alter_drop_column
CREATE TABLE p (id serial PRIMARY KEY, code text UNIQUE, a int CHECK (a > 0), b int, c int, CHECK (b > c))
CREATE INDEX ON p (b, c)
CREATE TABLE ch (id int, pid int REFERENCES p (id), pcode text REFERENCES p (code))
INSERT INTO p (code, a, b, c) VALUES ('x', 1, 3, 2)
ALTER TABLE p DROP COLUMN nosuch
ALTER TABLE p DROP COLUMN IF EXISTS nosuch
ALTER TABLE p DROP COLUMN b
SELECT conname FROM pg_constraint WHERE conrelid = 'p'::regclass ORDER BY 1
SELECT indexname FROM pg_indexes WHERE tablename = 'p' ORDER BY 1
SELECT attname, attnum, attisdropped, atttypid FROM pg_attribute WHERE attrelid = 'p'::regclass AND attnum > 0 ORDER BY attnum
SELECT column_name, ordinal_position FROM information_schema.columns WHERE table_name = 'p' ORDER BY 2
SELECT relnatts FROM pg_class WHERE relname = 'p'
SELECT * FROM p
ALTER TABLE p DROP COLUMN id
ALTER TABLE p DROP COLUMN id CASCADE
SELECT conname FROM pg_constraint WHERE conrelid = 'ch'::regclass ORDER BY 1
SELECT relname FROM pg_class WHERE relname LIKE 'p_id%'
ALTER TABLE p ADD COLUMN d int DEFAULT 7
SELECT attname, attnum FROM pg_attribute WHERE attrelid = 'p'::regclass AND attnum > 0 ORDER BY attnum
SELECT * FROM p
BEGIN
ALTER TABLE p DROP COLUMN a
SELECT * FROM p
ROLLBACK
SELECT * FROM p
CREATE TABLE q (a int, b int NOT NULL, c text)
INSERT INTO q VALUES (1, 2, 'x')
ALTER TABLE q DROP COLUMN a, DROP COLUMN c
SELECT * FROM q
ALTER TABLE q DROP COLUMN b
SELECT count(*) FROM q
ALTER TABLE q ADD COLUMN z int
INSERT INTO q VALUES (5)
SELECT * FROM q


-- case: alter_rename_column
CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE, a int CHECK (a > 0), c int)
CREATE TABLE ch (id int, pcode text REFERENCES p (code))
INSERT INTO p VALUES (1, 'x', 1, 2)
ALTER TABLE p RENAME COLUMN code TO kode
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('p'::regclass, 'ch'::regclass) ORDER BY 1
ALTER TABLE p RENAME COLUMN nosuch TO x
ALTER TABLE p RENAME COLUMN a TO c
ALTER TABLE p RENAME a TO aa
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'p'::regclass ORDER BY 1
INSERT INTO p (id, kode, aa, c) VALUES (2, 'y', 0, 1)
INSERT INTO p (id, kode, aa, c) VALUES (2, 'y', 5, 1)
INSERT INTO ch VALUES (1, 'zz')
INSERT INTO ch VALUES (1, 'y')
ALTER TABLE p RENAME COLUMN kode TO kode
SELECT * FROM p ORDER BY id
SELECT indexdef FROM pg_indexes WHERE tablename = 'p' ORDER BY 1


-- case: alter_table_if_exists
ALTER TABLE IF EXISTS nosuch ADD COLUMN x int
ALTER TABLE IF EXISTS nosuch RENAME COLUMN a TO b
ALTER TABLE IF EXISTS nosuch RENAME TO other
CREATE TABLE p (a int)
ALTER TABLE IF EXISTS p ADD COLUMN e int, ADD COLUMN f text
ALTER TABLE IF EXISTS p RENAME TO p2
SELECT * FROM p2


-- case: alter_column_type
CREATE TABLE t (id int PRIMARY KEY, s varchar(5) DEFAULT 'ab', n text, amt numeric(10,3) CHECK (amt >= 0), ts text)
INSERT INTO t VALUES (1, 'abc', '12', 1.2345, '2024-01-01'), (2, 'xy', 'x', 2, NULL)
ALTER TABLE t ALTER COLUMN s TYPE varchar(10)
ALTER TABLE t ALTER COLUMN s TYPE varchar(2)
ALTER TABLE t ALTER COLUMN n TYPE int
ALTER TABLE t ALTER COLUMN n TYPE int USING n::int
ALTER TABLE t ALTER COLUMN n TYPE int USING CASE WHEN n ~ '^\d+$' THEN n::int END
SELECT * FROM t ORDER BY id
ALTER TABLE t ALTER COLUMN amt TYPE numeric(10,1)
SELECT * FROM t ORDER BY id
ALTER TABLE t ALTER COLUMN amt TYPE int
ALTER TABLE t ALTER COLUMN ts TYPE date USING ts::date
ALTER TABLE t ALTER COLUMN ts SET DATA TYPE timestamptz
SELECT attname, atttypid::regtype, atttypmod FROM pg_attribute WHERE attrelid = 't'::regclass AND attnum > 0 ORDER BY attnum
SELECT * FROM t ORDER BY id
ALTER TABLE t ALTER COLUMN id TYPE bigint
CREATE TABLE r (tid int REFERENCES t (id))
INSERT INTO r VALUES (1)
ALTER TABLE t ALTER COLUMN id TYPE text
ALTER TABLE t ALTER COLUMN id TYPE int USING id * 10
ALTER TABLE t ALTER COLUMN s TYPE int USING length(s)
ALTER TABLE t ALTER COLUMN s TYPE boolean USING s > 1
ALTER TABLE t ALTER COLUMN nosuch TYPE int
ALTER TABLE t ALTER COLUMN amt TYPE int USING amt * -1
ALTER TABLE t ALTER COLUMN amt TYPE serial
ALTER TABLE t ALTER COLUMN s TYPE nosuchtype
SELECT * FROM t ORDER BY id


-- case: alter_column_type_indexes_and_rollback
CREATE TABLE u (a int, b text)
INSERT INTO u VALUES (1, '1'), (2, '1')
CREATE UNIQUE INDEX ON u (b)
INSERT INTO u VALUES (3, ' 1')
ALTER TABLE u ALTER COLUMN b TYPE int USING b::int
SELECT * FROM u ORDER BY a
BEGIN
ALTER TABLE u ALTER COLUMN a TYPE text
INSERT INTO u VALUES ('zz', 9)
SELECT * FROM u ORDER BY a
ROLLBACK
SELECT * FROM u ORDER BY a
INSERT INTO u VALUES (4, 'x4')
ALTER TABLE u ALTER COLUMN b TYPE int
ALTER TABLE u ALTER COLUMN b TYPE int, ALTER COLUMN a TYPE bigint
SELECT attname, atttypid::regtype FROM pg_attribute WHERE attrelid = 'u'::regclass AND attnum > 0 ORDER BY attnum


-- case: drop_schema_cascade
CREATE SCHEMA s1
CREATE TABLE s1.a (id serial PRIMARY KEY)
CREATE TABLE s1.b (id int REFERENCES s1.a)
CREATE SEQUENCE s1.q
CREATE TABLE public.pc (aid int REFERENCES s1.a)
CREATE INDEX ON s1.b (id)
INSERT INTO s1.a DEFAULT VALUES
INSERT INTO pc VALUES (1)
DROP TABLE s1.a
DROP SCHEMA s1
DROP SCHEMA s1 RESTRICT
DROP SCHEMA s1 CASCADE
SELECT conname FROM pg_constraint WHERE conrelid = 'pc'::regclass
SELECT count(*) FROM pg_class WHERE relnamespace = 's1'::regnamespace
SELECT nspname FROM pg_namespace WHERE nspname = 's1'
SELECT * FROM pc
INSERT INTO pc VALUES (2)
CREATE SCHEMA s2
CREATE TABLE s2.x (a int)
DROP SCHEMA s2 CASCADE
DROP SCHEMA IF EXISTS s2 CASCADE
BEGIN
CREATE SCHEMA s3
CREATE TABLE s3.t (a int)
DROP SCHEMA s3 CASCADE
ROLLBACK
SELECT nspname FROM pg_namespace WHERE nspname = 's3'
CREATE TABLE dflt (c0 int, c1 int DEFAULT 0, c2 text DEFAULT 'abc', c3 text DEFAULT '7'::text, c4 varchar(5) DEFAULT 'x')
ALTER TABLE dflt ALTER COLUMN c1 TYPE text
ALTER TABLE dflt ALTER COLUMN c1 TYPE bigint USING c1::bigint
ALTER TABLE dflt ALTER COLUMN c2 TYPE int USING 1
ALTER TABLE dflt ALTER COLUMN c3 TYPE int USING 1
ALTER TABLE dflt ALTER COLUMN c4 TYPE text
INSERT INTO dflt (c0) VALUES (1) RETURNING *


-- case: defaults_any_expression
CREATE TABLE t (id serial PRIMARY KEY, a int DEFAULT 3 + 5, b text DEFAULT lower('ABC') || 'x', c text[] DEFAULT '{}'::text[], d numeric(5,2) DEFAULT 2.5 * 2, e boolean DEFAULT NOT false, f int DEFAULT abs(-4), g date DEFAULT '2024-01-31'::date + 1)
INSERT INTO t DEFAULT VALUES RETURNING *
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position
CREATE TABLE e1 (a int, b int DEFAULT a)
CREATE TABLE e3 (a int DEFAULT count(*))
CREATE TABLE e4 (a int DEFAULT generate_series(1, 2))
CREATE TABLE e5 (a int DEFAULT 'abc')
CREATE TABLE e6 (a int DEFAULT now())
CREATE TABLE e7 (a varchar(2) DEFAULT 'abcdef')
INSERT INTO e7 DEFAULT VALUES
CREATE TABLE e8 (a int DEFAULT nextval('nosuch'))
CREATE TABLE e9 (a int DEFAULT 1 / 0)
INSERT INTO e9 DEFAULT VALUES
ALTER TABLE t ALTER COLUMN a SET DEFAULT 2 * 21
INSERT INTO t (b) VALUES ('z') RETURNING id, a
ALTER TABLE t ALTER COLUMN a SET DEFAULT 'x'
ALTER TABLE t ADD COLUMN h int DEFAULT 'nope'
ALTER TABLE t ADD COLUMN h int DEFAULT nextval('nosuch')
ALTER TABLE t ADD COLUMN h int DEFAULT 7 * 6
SELECT id, h FROM t ORDER BY id


-- case: debug_messages_name_implicit_objects
SET client_min_messages = debug1
CREATE TABLE chatty (id serial PRIMARY KEY, u int UNIQUE, i int GENERATED ALWAYS AS IDENTITY, v int, UNIQUE (v, u))
ALTER TABLE chatty ADD COLUMN s int, ADD CONSTRAINT x UNIQUE (s)
CREATE INDEX ON chatty (v, u)
CREATE TABLE kinds (n int PRIMARY KEY, f float8 UNIQUE, t timestamptz UNIQUE, d date, u uuid, b boolean)
CREATE INDEX kinds_mixed ON kinds (d, f)
CREATE INDEX kinds_d ON kinds (d) INCLUDE (n)
CREATE INDEX ON kinds (u, b, t)
CREATE TABLE quiet (id serial PRIMARY KEY)
RESET client_min_messages
CREATE TABLE silent (id serial PRIMARY KEY)


-- case: serial_columns_with_names_that_need_quotes
CREATE TABLE "per % cent" ("(3)" serial PRIMARY KEY, "Mixed" bigserial)
CREATE SCHEMA "S"
CREATE TABLE "S"."we'ird" (id serial)
INSERT INTO "per % cent" DEFAULT VALUES RETURNING *
INSERT INTO "S"."we'ird" DEFAULT VALUES RETURNING *
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum ORDER BY 1
SELECT table_name, column_name, column_default FROM information_schema.columns WHERE column_default IS NOT NULL ORDER BY 1, 2
SELECT pg_get_serial_sequence('"per % cent"', '(3)'), pg_get_serial_sequence('"S"."we''ird"', 'id')
SELECT nextval('"per % cent_(3)_seq"')


-- case: rollback_to_forgets_a_table_made_and_written_after_it
CREATE TABLE a (x int)
BEGIN
INSERT INTO a VALUES (1)
SAVEPOINT s
CREATE TABLE b (y int PRIMARY KEY)
INSERT INTO b VALUES (1), (2)
ROLLBACK TO SAVEPOINT s
SELECT * FROM b
ROLLBACK TO SAVEPOINT s
CREATE TABLE b (z text)
INSERT INTO b VALUES ('again')
COMMIT
SELECT * FROM a
SELECT * FROM b
