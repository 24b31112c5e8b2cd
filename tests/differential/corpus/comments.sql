-- COMMENT ON CONSTRAINT … ON table, INDEX, SEQUENCE and SCHEMA (with
-- TABLE and COLUMN): pg_description rows (objoid/classoid/objsubid as
-- PostgreSQL's), obj_description per catalog, IS NULL / IS '' removing a
-- comment, PostgreSQL's errors, and transactions undoing them. Each case
-- starts from an empty database.

-- case: constraint_comments
CREATE TABLE t (a int CONSTRAINT t_pk PRIMARY KEY, b int CONSTRAINT b_pos CHECK (b > 0), c int REFERENCES t)
COMMENT ON CONSTRAINT b_pos ON t IS 'b is positive'
COMMENT ON CONSTRAINT t_pk ON public.t IS 'the key'
COMMENT ON CONSTRAINT t_c_fkey ON t IS 'self reference'
SELECT con.conname, d.classoid::regclass, d.objsubid, d.description FROM pg_description d JOIN pg_constraint con ON con.oid = d.objoid ORDER BY 1
SELECT conname, obj_description(oid, 'pg_constraint'), obj_description(oid, 'pg_class'), obj_description(oid) FROM pg_constraint WHERE conrelid = 't'::regclass ORDER BY 1
COMMENT ON CONSTRAINT t_c_fkey ON t IS NULL
COMMENT ON CONSTRAINT b_pos ON t IS ''
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conrelid = 't'::regclass ORDER BY 1
COMMENT ON CONSTRAINT nosuch ON t IS 'x'
COMMENT ON CONSTRAINT t_pk ON nosuch IS 'x'
ALTER TABLE t DROP CONSTRAINT b_pos
ALTER TABLE t ADD CONSTRAINT b_pos CHECK (b > 0)
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conrelid = 't'::regclass ORDER BY 1


-- case: index_and_sequence_comments
CREATE TABLE t (a serial PRIMARY KEY, b text)
CREATE INDEX t_b ON t (b)
CREATE SEQUENCE q
COMMENT ON INDEX t_b IS 'b index'
COMMENT ON INDEX t_pkey IS 'key index'
COMMENT ON SEQUENCE q IS 'free sequence'
COMMENT ON SEQUENCE t_a_seq IS 'serial sequence'
SELECT c.relname, d.classoid::regclass, d.objsubid, d.description FROM pg_description d JOIN pg_class c ON c.oid = d.objoid ORDER BY 1
SELECT obj_description('t_b'::regclass, 'pg_class'), obj_description('q'::regclass, 'pg_class'), obj_description('t_b'::regclass), obj_description('q'::regclass, 'pg_constraint')
COMMENT ON INDEX t IS 'x'
COMMENT ON INDEX q IS 'x'
COMMENT ON SEQUENCE t_b IS 'x'
COMMENT ON INDEX nosuch IS 'x'
COMMENT ON SEQUENCE nosuch IS 'x'
COMMENT ON INDEX nosch.t_b IS 'x'
COMMENT ON INDEX t_b IS NULL
DROP SEQUENCE q
SELECT c.relname, d.description FROM pg_description d JOIN pg_class c ON c.oid = d.objoid ORDER BY 1


-- case: schema_comments
CREATE SCHEMA s
COMMENT ON SCHEMA s IS 'schema s'
SELECT nspname, obj_description(oid, 'pg_namespace'), obj_description(oid, 'pg_class') FROM pg_namespace WHERE nspname IN ('s', 'public') ORDER BY 1
SELECT n.nspname, d.description FROM pg_description d JOIN pg_namespace n ON n.oid = d.objoid WHERE n.nspname IN ('s', 'public') ORDER BY 1
COMMENT ON SCHEMA public IS 'the public one'
SELECT obj_description('public'::regnamespace, 'pg_namespace')
COMMENT ON SCHEMA public IS NULL
SELECT obj_description('public'::regnamespace, 'pg_namespace')
COMMENT ON SCHEMA nosuch IS 'x'
DROP SCHEMA s
CREATE SCHEMA s
SELECT obj_description('s'::regnamespace, 'pg_namespace')


-- case: comments_are_transactional
CREATE TABLE t (a int CONSTRAINT t_pk PRIMARY KEY)
COMMENT ON CONSTRAINT t_pk ON t IS 'before'
BEGIN
COMMENT ON CONSTRAINT t_pk ON t IS 'inside'
COMMENT ON INDEX t_pk IS 'index inside'
SELECT obj_description('t_pk'::regclass, 'pg_class'), (SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conname = 't_pk')
ROLLBACK
SELECT obj_description('t_pk'::regclass, 'pg_class'), (SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conname = 't_pk')
BEGIN
SAVEPOINT s
COMMENT ON CONSTRAINT t_pk ON t IS 'undone'
ROLLBACK TO SAVEPOINT s
COMMENT ON SCHEMA public IS 'kept'
COMMIT
SELECT (SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conname = 't_pk'), obj_description('public'::regnamespace, 'pg_namespace')
