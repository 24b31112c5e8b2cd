-- Temporary tables (issue 12): CREATE TEMP TABLE in the session's own
-- pg_temp_N schema, found ahead of every other schema unless the search
-- path places pg_temp; ON COMMIT PRESERVE ROWS / DELETE ROWS / DROP;
-- pg_temp as a qualifier; the 42P16 errors for temporary and permanent
-- objects mixed; DISCARD TEMP. The number N differs between servers, so
-- no case prints it.

-- case: temp_table_lives_in_pg_temp
CREATE TABLE perm (id int PRIMARY KEY, v text DEFAULT 'x')
INSERT INTO perm VALUES (1, 'a'), (2, 'b')
CREATE TEMP TABLE stage (LIKE perm INCLUDING DEFAULTS) ON COMMIT PRESERVE ROWS
SELECT c.relname, c.relpersistence, n.nspname LIKE 'pg_temp\_%' FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname IN ('stage', 'perm') ORDER BY 1
SELECT table_name, table_type FROM information_schema.tables WHERE table_name IN ('stage', 'perm') ORDER BY 1
SELECT array_length(current_schemas(true), 1), (current_schemas(true))[1] LIKE 'pg_temp\_%', current_schemas(false)
INSERT INTO stage VALUES (1, 'new'), (3, 'c')
INSERT INTO stage (id) VALUES (4)
SELECT * FROM stage ORDER BY id
INSERT INTO perm SELECT * FROM stage ON CONFLICT (id) DO UPDATE SET v = excluded.v
SELECT * FROM perm ORDER BY id
SELECT * FROM pg_temp.stage ORDER BY id


-- case: temp_table_shadows_and_search_path
CREATE TABLE perm (id int)
INSERT INTO perm VALUES (1), (2)
CREATE TEMP TABLE perm (id int)
SELECT count(*) FROM perm
SELECT count(*) FROM public.perm
SET search_path = public, pg_temp
SELECT count(*) FROM perm
SELECT count(*) FROM pg_temp.perm
RESET search_path
INSERT INTO perm VALUES (9)
SELECT * FROM perm


-- case: temp_serial_and_pg_temp_qualifier
CREATE TEMP TABLE t5 (id serial PRIMARY KEY, x int)
INSERT INTO t5 (x) VALUES (10), (20) RETURNING id, x
SELECT column_default FROM information_schema.columns WHERE table_name = 't5' AND column_name = 'id'
SELECT currval('t5_id_seq')
CREATE TABLE pg_temp.t6 (a int)
SELECT relpersistence FROM pg_class WHERE relname = 't6'
DROP TABLE pg_temp.t6
SELECT count(*) FROM pg_class WHERE relname = 't6'


-- case: temp_errors
CREATE TABLE perm (id int PRIMARY KEY)
CREATE TEMP TABLE stage (id int PRIMARY KEY)
CREATE TEMP TABLE t2 (id int REFERENCES perm)
CREATE TABLE p2 (id int REFERENCES stage)
CREATE TEMP TABLE public.t3 (id int)
CREATE TABLE t4 (id int) ON COMMIT DROP
CREATE TEMP TABLE stage (a int)
CREATE TEMP TABLE IF NOT EXISTS stage (a int)
CREATE TEMP TABLE t7 (id int REFERENCES stage)
INSERT INTO t7 VALUES (1)
SELECT count(*) FROM pg_class WHERE relname IN ('t2', 'p2', 't3', 't4')


-- case: on_commit_drop_and_delete_rows
CREATE TEMP TABLE tt (a int) ON COMMIT DROP
SELECT count(*) FROM pg_class WHERE relname = 'tt'
BEGIN
CREATE TEMP TABLE tt (a int) ON COMMIT DROP
INSERT INTO tt VALUES (1), (2)
SELECT count(*) FROM tt
COMMIT
SELECT count(*) FROM tt
BEGIN
CREATE TEMP TABLE td (a int) ON COMMIT DELETE ROWS
INSERT INTO td VALUES (1)
SELECT * FROM td
COMMIT
SELECT * FROM td
BEGIN
INSERT INTO td VALUES (2)
SELECT * FROM td
COMMIT
SELECT * FROM td
INSERT INTO td VALUES (3)
SELECT * FROM td


-- case: temp_ddl_rolls_back
BEGIN
CREATE TEMP TABLE gone (a int) ON COMMIT DROP
ROLLBACK
CREATE TEMP TABLE gone (a int)
COMMIT
SELECT count(*) FROM gone
BEGIN
CREATE TEMP TABLE s1 (a int)
SAVEPOINT sp
CREATE TEMP TABLE s2 (a int)
ROLLBACK TO sp
SELECT relname FROM pg_class WHERE relname IN ('s1', 's2') ORDER BY 1
COMMIT
SELECT relname FROM pg_class WHERE relname IN ('s1', 's2') ORDER BY 1


-- case: discard
CREATE TEMP TABLE d1 (id serial, a int)
INSERT INTO d1 (a) VALUES (1)
SELECT currval('d1_id_seq')
BEGIN
DISCARD TEMP
SELECT count(*) FROM pg_class WHERE relname IN ('d1', 'd1_id_seq')
ROLLBACK
SELECT count(*) FROM d1
DISCARD SEQUENCES
SELECT lastval()
DISCARD PLANS
DISCARD TEMP
SELECT count(*) FROM d1
BEGIN
DISCARD ALL
ROLLBACK
DISCARD ALL
