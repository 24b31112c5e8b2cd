-- LOCK TABLE (issue 13: loaders lock their target before a merge): only in
-- a transaction block (25P01), every name a table, view or system
-- relation (42P01, sequences 42809 with their DETAIL), any mode, ONLY and
-- NOWAIT; a lock taken after a savepoint goes with ROLLBACK TO; a READ
-- ONLY transaction may lock. Each case starts from an empty database.
-- What a lock blocks is tests/differential/test_concurrency.py's.

-- case: lock_needs_a_block
CREATE TABLE t (id int)
LOCK t
LOCK TABLE t IN SHARE MODE
BEGIN
LOCK t
INSERT INTO t VALUES (1)
COMMIT
SELECT * FROM t


-- case: lock_names_and_modes
CREATE TABLE t (id int)
CREATE VIEW v AS SELECT * FROM t
CREATE SCHEMA other
CREATE TABLE other.u (id int)
BEGIN
LOCK TABLE t IN ACCESS SHARE MODE
LOCK TABLE t IN ROW SHARE MODE
LOCK TABLE public.t IN ROW EXCLUSIVE MODE
LOCK TABLE t IN SHARE UPDATE EXCLUSIVE MODE
LOCK TABLE t IN SHARE MODE
LOCK TABLE ONLY t, v IN SHARE ROW EXCLUSIVE MODE NOWAIT
LOCK TABLE other.u, t IN EXCLUSIVE MODE
LOCK v IN ACCESS EXCLUSIVE MODE
LOCK TABLE pg_class, pg_catalog.pg_type IN ACCESS SHARE MODE
LOCK TABLE information_schema.tables
INSERT INTO t VALUES (1)
COMMIT
SELECT count(*) FROM t


-- case: lock_errors
CREATE TABLE t (id int)
CREATE SEQUENCE s
BEGIN
LOCK nosuch
ROLLBACK
BEGIN
LOCK t, nosuch
ROLLBACK
BEGIN
LOCK s
ROLLBACK
BEGIN
LOCK TABLE u
SELECT 1
ROLLBACK
BEGIN
LOCK other.t
ROLLBACK


-- case: lock_with_savepoints_and_read_only
CREATE TABLE t (id int)
BEGIN
SAVEPOINT a
LOCK t
ROLLBACK TO a
LOCK t IN EXCLUSIVE MODE
INSERT INTO t VALUES (1)
COMMIT
BEGIN READ ONLY
LOCK t IN SHARE ROW EXCLUSIVE MODE
SELECT count(*) FROM t
INSERT INTO t VALUES (2)
ROLLBACK
BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ
LOCK t IN ACCESS EXCLUSIVE MODE
SELECT count(*) FROM t
COMMIT

-- case: lock_in_an_implicit_block
-- A Query of several statements runs as one implicit transaction block
-- (IsTransactionBlock): LOCK TABLE and SET CONSTRAINTS run there, as in
-- a BEGIN block; SAVEPOINT and DISCARD ALL still refuse it.
CREATE TABLE t (id int PRIMARY KEY)
CREATE TABLE c (id int REFERENCES t DEFERRABLE)
SELECT 1; LOCK TABLE t
LOCK TABLE t IN SHARE MODE; INSERT INTO t VALUES (1); SELECT count(*) FROM t
SELECT 1; SET CONSTRAINTS ALL DEFERRED
SET CONSTRAINTS ALL DEFERRED; INSERT INTO c VALUES (5); INSERT INTO t VALUES (5)
SELECT * FROM c ORDER BY id
SET CONSTRAINTS ALL DEFERRED; INSERT INTO c VALUES (6)
SELECT * FROM c ORDER BY id
SELECT 1; SAVEPOINT s
SELECT 1; DISCARD ALL
SELECT 1; SET LOCAL work_mem = '1MB'; SHOW work_mem
SHOW work_mem
