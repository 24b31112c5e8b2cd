-- Parity gaps of corpus/ddl_runtime.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus. All are physical-storage traces
-- PostgreSQL keeps in pg_catalog and the twin's catalog does not model.
--
-- add_column_default_sets_atthasmissing: ADD COLUMN with a non-volatile
--   DEFAULT stores a "missing value" (pg_attribute.atthasmissing true).
-- rewrite_changes_relfilenode: a table rewrite (ADD COLUMN with a volatile
--   default such as serial) gives the table a new relfilenode.
-- toast_and_rewrite_debug_messages: at client_min_messages debug1,
--   PostgreSQL also reports building its TOAST table's index (named by
--   OID) and rewriting a table; the twin has neither.
-- dropped_fk_leaves_relhastriggers: pg_class.relhastriggers stays true on
--   a table whose foreign key DROP … CASCADE removed (VACUUM clears it).

-- case: add_column_default_sets_atthasmissing
CREATE TABLE t (a int)
ALTER TABLE t ADD COLUMN b int DEFAULT 3
SELECT attname, atthasmissing FROM pg_attribute WHERE attrelid = 't'::regclass AND attnum > 0 ORDER BY attnum


-- case: rewrite_changes_relfilenode
CREATE TABLE t (a int)
ALTER TABLE t ADD COLUMN id serial
SELECT relfilenode = oid AS same FROM pg_class WHERE relname = 't'


-- case: dropped_fk_leaves_relhastriggers
CREATE TABLE p (id int PRIMARY KEY)
CREATE TABLE c (p_id int REFERENCES p)
DROP TABLE p CASCADE
SELECT relhastriggers FROM pg_class WHERE relname = 'c'


-- case: toast_and_rewrite_debug_messages
SET client_min_messages = debug1
CREATE TABLE t (id int PRIMARY KEY, body text)
ALTER TABLE t ADD COLUMN s serial
