-- Scenarios of tests/differential/test_concurrency.py: two or three
-- sessions (A, B, C) against one database, run on PostgreSQL and on the
-- twin. A step is `WHO[ FLAGS]: SQL` on one line; FLAGS are `wait`
-- (record whether it blocked) and `async` (start it in the background);
-- `<join>` collects a background statement, `<disconnect>` closes the
-- session, `<drop socket>` cuts its socket. `-- scenario: name` starts
-- a scenario; other comment lines describe it.

-- scenario: partitioned_table_row_locks
-- Partitioned tables: a row locked through the partitioned table (FOR
-- UPDATE) or written through it holds its partition's row; another
-- partition's rows and a row moving across partitions wait only for it.
A: CREATE TABLE pt (id integer PRIMARY KEY, v text) PARTITION BY RANGE (id)
A: CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10)
A: CREATE TABLE pt2 PARTITION OF pt FOR VALUES FROM (10) TO (20)
A: INSERT INTO pt VALUES (1, 'a'), (11, 'b')
A: BEGIN
A: SELECT * FROM pt WHERE id = 1 FOR UPDATE
B: SET lock_timeout = '200ms'
B wait: UPDATE pt SET v = 'x' WHERE id = 1
B wait: UPDATE pt SET v = 'y' WHERE id = 11
B wait: UPDATE pt1 SET v = 'z' WHERE id = 1
A: UPDATE pt SET id = 12 WHERE id = 1 RETURNING *
A: COMMIT
B: SELECT tableoid::regclass, * FROM pt ORDER BY id
B: BEGIN
B: UPDATE pt SET v = 'w' WHERE id = 12
A: SET lock_timeout = '200ms'
A wait: DELETE FROM pt WHERE id = 12
B: ROLLBACK
A: DELETE FROM pt WHERE id = 12 RETURNING *

-- scenario: second_writer_times_out
-- A holds an open write transaction on k=1; B's write of the same row
-- waits lock_timeout and fails with 55P03; both sessions live on.
A: INSERT INTO kv VALUES (1, 'a')
A: BEGIN
A: UPDATE kv SET v = 'A' WHERE k = 1 RETURNING *
B: SET lock_timeout = '200ms'
B: SHOW lock_timeout
B wait: UPDATE kv SET v = 'B' WHERE k = 1 RETURNING *
B: SELECT 1
B wait: DELETE FROM kv WHERE k = 1
A: UPDATE kv SET v = v || '2' WHERE k = 1 RETURNING *
A: COMMIT
B wait: UPDATE kv SET v = v || 'B' WHERE k = 1 RETURNING *
A: SELECT 1

-- scenario: second_writer_times_out_in_transaction
-- The same inside B's own transaction: the timeout fails B's block.
A: INSERT INTO kv VALUES (1, 'a')
A: BEGIN
A: DELETE FROM kv WHERE k = 1
B: SET lock_timeout = '200ms'
B: BEGIN
B wait: UPDATE kv SET v = 'B' WHERE k = 1
B: SELECT 1
B: ROLLBACK
A: ROLLBACK
B wait: UPDATE kv SET v = v || 'B' WHERE k = 1 RETURNING *

-- scenario: same_key_insert_times_out
-- Two inserts of the same new key: B waits for A's verdict.
A: BEGIN
A: INSERT INTO kv VALUES (1, 'A') RETURNING *
B: SET lock_timeout = '200ms'
B wait: INSERT INTO kv VALUES (1, 'B') RETURNING *
B wait: INSERT INTO kv VALUES (1, 'B') ON CONFLICT DO NOTHING RETURNING *
A: COMMIT
B wait: INSERT INTO kv VALUES (1, 'B')
B: INSERT INTO kv VALUES (1, 'B') ON CONFLICT DO NOTHING RETURNING *
B: INSERT INTO kv VALUES (1, 'B') ON CONFLICT (k) DO UPDATE SET v = kv.v || EXCLUDED.v RETURNING *

-- scenario: no_dirty_read_after_rollback
-- A's uncommitted insert never reaches B: after A rolls back, B can
-- insert the same key; nothing of A's row is left.
A: BEGIN
A: INSERT INTO kv VALUES (1, 'uncommitted') RETURNING *
A: INSERT INTO log VALUES (1, 1, 'uncommitted') RETURNING *
B: SET lock_timeout = '200ms'
B wait: INSERT INTO kv VALUES (1, 'B') ON CONFLICT DO NOTHING RETURNING *
A: ROLLBACK
B wait: INSERT INTO kv VALUES (1, 'B') ON CONFLICT DO NOTHING RETURNING *
B: INSERT INTO log VALUES (1, 1, 'B') RETURNING *

-- scenario: waiter_proceeds_after_commit
-- B's write waits in the background while A still decides; A commits;
-- B then runs against A's committed row (READ COMMITTED re-check).
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b')
B: SET lock_timeout = '5s'
A: BEGIN
A: UPDATE kv SET v = 'A' WHERE k = 1 RETURNING *
B async: UPDATE kv SET v = v || '+B' WHERE k = 1 RETURNING *
A: UPDATE kv SET v = v || '2' WHERE k = 1 RETURNING *
A: COMMIT
B wait: <join>
A: UPDATE kv SET v = v WHERE k = 1 RETURNING *

-- scenario: waiter_proceeds_after_rollback
A: INSERT INTO kv VALUES (1, 'a')
B: SET lock_timeout = '5s'
A: BEGIN
A: UPDATE kv SET v = 'A' WHERE k = 1 RETURNING *
B async: UPDATE kv SET v = v || '+B' WHERE k = 1 RETURNING *
A: ROLLBACK
B wait: <join>

-- scenario: waiter_rechecks_where_after_commit
-- The waiting UPDATE's WHERE is judged on the committed row, not on
-- the row as it was when B started waiting.
A: INSERT INTO kv VALUES (1, 'a')
B: SET lock_timeout = '5s'
A: BEGIN
A: UPDATE kv SET v = 'changed' WHERE k = 1
B async: UPDATE kv SET v = 'B' WHERE k = 1 AND v = 'a' RETURNING *
A: COMMIT
B wait: <join>
B: UPDATE kv SET v = v WHERE k = 1 RETURNING *

-- scenario: waiting_delete_finds_row_gone
A: INSERT INTO kv VALUES (1, 'a')
A: INSERT INTO log VALUES (10, 1, 'x')
B: SET lock_timeout = '5s'
A: BEGIN
A: DELETE FROM kv WHERE k = 1 RETURNING *
B async: DELETE FROM kv WHERE k = 1 RETURNING *
A: COMMIT
B wait: <join>
B: INSERT INTO log VALUES (10, NULL, 'free again') RETURNING *

-- scenario: waiting_insert_gets_unique_violation_after_commit
B: SET lock_timeout = '5s'
A: BEGIN
A: INSERT INTO kv VALUES (1, 'A')
B async: INSERT INTO kv VALUES (1, 'B') RETURNING *
A: COMMIT
B wait: <join>
B: INSERT INTO kv VALUES (1, 'B') ON CONFLICT (k) DO UPDATE SET v = kv.v || EXCLUDED.v RETURNING *

-- scenario: waiting_insert_succeeds_after_rollback
B: SET lock_timeout = '5s'
A: BEGIN
A: INSERT INTO kv VALUES (1, 'A')
B async: INSERT INTO kv VALUES (1, 'B') RETURNING *
A: ROLLBACK
B wait: <join>

-- scenario: reader_transaction_does_not_block_writer
-- A transaction that has not written anything yet holds nothing.
A: INSERT INTO kv VALUES (1, 'a')
A: BEGIN
A: SELECT 1
B: SET lock_timeout = '200ms'
B wait: UPDATE kv SET v = 'B' WHERE k = 1 RETURNING *
A: UPDATE kv SET v = v || 'A' WHERE k = 1 RETURNING *
A: COMMIT

-- scenario: writer_released_by_commit_and_rollback
-- A committed (or rolled back) transaction releases the row at once.
A: INSERT INTO kv VALUES (1, 'a')
B: SET lock_timeout = '200ms'
A: BEGIN
A: UPDATE kv SET v = 'A' WHERE k = 1
A: COMMIT
B wait: UPDATE kv SET v = v || 'B' WHERE k = 1 RETURNING *
A: BEGIN
A: UPDATE kv SET v = 'lost' WHERE k = 1
A: ROLLBACK
B wait: UPDATE kv SET v = v || 'C' WHERE k = 1 RETURNING *
A: BEGIN
A: UPDATE kv SET v = 'x' WHERE k = 1
A: SELECT 1 / 0
B wait: UPDATE kv SET v = v || 'D' WHERE k = 1 RETURNING *
A: ROLLBACK
B wait: UPDATE kv SET v = v || 'E' WHERE k = 1 RETURNING *

-- scenario: failed_block_releases_at_once
-- An error aborts A's transaction at once: B need not wait for A's
-- ROLLBACK (PostgreSQL releases an aborted transaction's locks when it
-- fails, the block only waits for ROLLBACK to say so).
A: INSERT INTO kv VALUES (1, 'a')
B: SET lock_timeout = '200ms'
A: BEGIN
A: UPDATE kv SET v = 'A' WHERE k = 1
A: INSERT INTO kv VALUES (1, 'dup')
B wait: UPDATE kv SET v = v || 'B' WHERE k = 1 RETURNING *
A: UPDATE kv SET v = 'again' WHERE k = 1
A: COMMIT
B wait: UPDATE kv SET v = v || 'C' WHERE k = 1 RETURNING *

-- scenario: failed_block_wakes_waiter
-- A waiter is released by the failure too, not only by ROLLBACK.
A: INSERT INTO kv VALUES (1, 'a')
B: SET lock_timeout = '5s'
A: BEGIN
A: UPDATE kv SET v = 'A' WHERE k = 1
B async: UPDATE kv SET v = v || '+B' WHERE k = 1 RETURNING *
A: SELECT 1 / 0
B wait: <join>
A: ROLLBACK

-- scenario: failed_savepoint_releases_only_its_part
-- Inside a savepoint only the subtransaction aborts: what A wrote
-- after the savepoint is released at once, what it wrote before stays
-- locked until ROLLBACK.
A: INSERT INTO kv VALUES (1, 'a')
B: SET lock_timeout = '200ms'
A: BEGIN
A: SAVEPOINT s
A: UPDATE kv SET v = 'in savepoint' WHERE k = 1
A: SELECT 1 / 0
B wait: UPDATE kv SET v = v || 'B' WHERE k = 1 RETURNING *
A: ROLLBACK TO s
A: UPDATE kv SET v = 'before' WHERE k = 1
A: SAVEPOINT t
A: UPDATE kv SET v = v || ' and after' WHERE k = 1
A: INSERT INTO kv VALUES (1, 'dup')
B wait: UPDATE kv SET v = v || 'C' WHERE k = 1 RETURNING *
A: ROLLBACK TO t
B wait: UPDATE kv SET v = v || 'D' WHERE k = 1 RETURNING *
A: COMMIT
B wait: UPDATE kv SET v = v || 'E' WHERE k = 1 RETURNING *

-- scenario: rollback_to_savepoint_releases_later_writes
-- ROLLBACK TO releases what was written after the savepoint.
A: INSERT INTO kv VALUES (1, 'a')
B: SET lock_timeout = '200ms'
A: BEGIN
A: SAVEPOINT s
A: UPDATE kv SET v = 'A' WHERE k = 1
B wait: UPDATE kv SET v = v || 'B' WHERE k = 1 RETURNING *
A: ROLLBACK TO s
B wait: UPDATE kv SET v = v || 'C' WHERE k = 1 RETURNING *
A: COMMIT

-- scenario: disconnect_mid_transaction_releases_everything
-- A client that disconnects mid-transaction loses its changes and
-- releases what it held.
A: INSERT INTO kv VALUES (1, 'a')
A: BEGIN
A: UPDATE kv SET v = 'A' WHERE k = 1
A: INSERT INTO kv VALUES (2, 'A') RETURNING *
A: <disconnect>
B: SET lock_timeout = '5s'
B: UPDATE kv SET v = v || 'B' WHERE k = 1 RETURNING *
B: INSERT INTO kv VALUES (2, 'B') RETURNING *

-- scenario: dropped_socket_mid_transaction_releases_everything
A: INSERT INTO kv VALUES (1, 'a')
A: BEGIN
A: DELETE FROM kv WHERE k = 1
A: INSERT INTO kv VALUES (2, 'A')
A: <drop socket>
B: SET lock_timeout = '5s'
B: UPDATE kv SET v = v || 'B' WHERE k = 1 RETURNING *
B: INSERT INTO kv VALUES (2, 'B') RETURNING *

-- scenario: disconnect_while_other_waits
A: INSERT INTO kv VALUES (1, 'a')
B: SET lock_timeout = '5s'
A: BEGIN
A: UPDATE kv SET v = 'A' WHERE k = 1
B async: UPDATE kv SET v = v || 'B' WHERE k = 1 RETURNING *
A: <drop socket>
B: <join>

-- scenario: sequence_values_shared_across_sessions
-- Sequences are not transactional: A's nextval inside its open
-- transaction is consumed for B too, and stays consumed.
A: BEGIN
A: SELECT nextval('tickets')
B: SELECT nextval('tickets')
A: SELECT nextval('tickets')
A: ROLLBACK
B: SELECT nextval('tickets'), currval('tickets')
A: SELECT currval('tickets')

-- scenario: no_dirty_read_select
-- B's SELECT sees only committed rows.
A: INSERT INTO kv VALUES (1, 'committed')
A: BEGIN
A: INSERT INTO kv VALUES (2, 'uncommitted')
A: UPDATE kv SET v = 'dirty' WHERE k = 1
B: SELECT k, v FROM kv ORDER BY k
A: SELECT k, v FROM kv ORDER BY k
A: COMMIT
B: SELECT k, v FROM kv ORDER BY k

-- scenario: repeatable_read_keeps_its_snapshot
-- REPEATABLE READ: the snapshot is the first statement's (not BEGIN's)
-- and serves the whole transaction; READ COMMITTED's is per statement.
A: BEGIN ISOLATION LEVEL REPEATABLE READ
B: INSERT INTO kv VALUES (1, 'before first query')
A: SELECT count(*) FROM kv
B: INSERT INTO kv VALUES (2, 'after')
B: UPDATE kv SET v = 'changed' WHERE k = 1
A: SELECT k, v FROM kv ORDER BY k
A: SHOW transaction_isolation
A: COMMIT
A: SELECT k, v FROM kv ORDER BY k
A: BEGIN
A: SELECT count(*) FROM kv
B: INSERT INTO kv VALUES (3, 'seen at once')
A: SELECT count(*) FROM kv
A: COMMIT
A: BEGIN ISOLATION LEVEL REPEATABLE READ
A: SELECT 1
B: INSERT INTO kv VALUES (4, 'after SELECT 1')
A: SELECT count(*) FROM kv
A: COMMIT

-- scenario: repeatable_read_write_after_concurrent_update
-- A write to a row another transaction changed after the snapshot:
-- 40001, under REPEATABLE READ and SERIALIZABLE alike.
A: INSERT INTO kv VALUES (1, 'a')
A: BEGIN ISOLATION LEVEL REPEATABLE READ
A: SELECT v FROM kv WHERE k = 1
B: UPDATE kv SET v = 'B' WHERE k = 1
A: UPDATE kv SET v = 'A' WHERE k = 1
A: ROLLBACK
A: SET default_transaction_isolation = 'serializable'
A: BEGIN
A: SELECT v FROM kv WHERE k = 1
B: UPDATE kv SET v = 'B2' WHERE k = 1
A: DELETE FROM kv WHERE k = 1
A: ROLLBACK
A: SHOW transaction_isolation
A: INSERT INTO kv VALUES (5, 'serializable, alone') RETURNING *

-- scenario: repeatable_read_write_to_other_row_after_concurrent_commit
-- PostgreSQL fails only writes to rows changed since the snapshot,
-- and names a concurrent delete as such.
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b')
A: BEGIN ISOLATION LEVEL REPEATABLE READ
A: SELECT count(*) FROM kv
B: UPDATE kv SET v = 'B' WHERE k = 1
A: UPDATE kv SET v = 'A' WHERE k = 2
A: COMMIT
A: BEGIN ISOLATION LEVEL REPEATABLE READ
A: SELECT count(*) FROM kv
B: DELETE FROM kv WHERE k = 1
A: UPDATE kv SET v = 'A' WHERE k = 1
A: ROLLBACK

-- -- writers that PostgreSQL lets run side by side
-- scenario: writers_of_different_rows_proceed
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
B: SET lock_timeout = '200ms'
A: BEGIN
A: UPDATE kv SET v = 'A' WHERE k = 1 RETURNING *
B wait: UPDATE kv SET v = 'B' WHERE k = 2 RETURNING *
B wait: DELETE FROM kv WHERE k = 3 RETURNING *
B: SELECT k, v FROM kv ORDER BY k
A: SELECT k, v FROM kv ORDER BY k
A: COMMIT
A: SELECT k, v FROM kv ORDER BY k

-- scenario: writers_of_different_tables_proceed
B: SET lock_timeout = '200ms'
A: BEGIN
A: INSERT INTO kv VALUES (1, 'A') RETURNING *
B: BEGIN
B wait: INSERT INTO other VALUES (1, 10) RETURNING *
B wait: UPDATE other SET n = n + 1 RETURNING *
B: COMMIT
A: SELECT * FROM other
A: COMMIT
B: SELECT * FROM kv

-- scenario: inserts_of_different_keys_proceed
B: SET lock_timeout = '200ms'
A: BEGIN
A: INSERT INTO kv VALUES (10, 'A'), (12, 'A') RETURNING *
B: BEGIN
B wait: INSERT INTO kv VALUES (11, 'B') RETURNING *
B wait: INSERT INTO kv SELECT g, 'B' FROM generate_series(13, 15) g
B: COMMIT
A: INSERT INTO kv VALUES (16, 'A')
A: COMMIT
A: SELECT k, v FROM kv ORDER BY k
B: SELECT count(*) FROM kv

-- scenario: on_conflict_waits_then_takes_its_path
-- B waits for A's in-flight key, then takes its conflict path.
B: SET lock_timeout = '5s'
A: BEGIN
A: INSERT INTO kv VALUES (1, 'A')
B async: INSERT INTO kv VALUES (1, 'B') ON CONFLICT DO NOTHING RETURNING *
A: COMMIT
B wait: <join>
A: BEGIN
A: INSERT INTO kv VALUES (2, 'A')
B async: INSERT INTO kv VALUES (2, 'B') ON CONFLICT (k) DO UPDATE SET v = kv.v || '+' || EXCLUDED.v RETURNING *
A: COMMIT
B wait: <join>
A: BEGIN
A: INSERT INTO kv VALUES (3, 'A')
B async: INSERT INTO kv VALUES (3, 'B') ON CONFLICT (k) DO UPDATE SET v = 'updated' RETURNING *
A: ROLLBACK
B wait: <join>

-- scenario: insert_of_key_being_deleted_waits
-- An insert of a key whose committed row A is deleting waits for A.
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b')
B: SET lock_timeout = '5s'
A: BEGIN
A: DELETE FROM kv WHERE k = 1
B async: INSERT INTO kv VALUES (1, 'B') RETURNING *
A: COMMIT
B wait: <join>
A: BEGIN
A: DELETE FROM kv WHERE k = 2
B async: INSERT INTO kv VALUES (2, 'B') RETURNING *
A: ROLLBACK
B wait: <join>

-- scenario: insert_waits_for_key_changing_update
-- An UPDATE's new key is in flight, its old key is being deleted: an
-- insert of either waits for the updater.
A: INSERT INTO kv VALUES (1, 'a')
B: SET lock_timeout = '5s'
A: BEGIN
A: UPDATE kv SET k = 5 WHERE k = 1
B async: INSERT INTO kv VALUES (5, 'B') RETURNING *
A: ROLLBACK
B wait: <join>
A: BEGIN
A: UPDATE kv SET k = 6 WHERE k = 1
B async: INSERT INTO kv VALUES (1, 'B') RETURNING *
A: COMMIT
B wait: <join>
B: SELECT k, v FROM kv ORDER BY k

-- scenario: child_insert_waits_for_parent_delete
-- A child insert's FK check waits for the parent's deleter.
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b')
B: SET lock_timeout = '5s'
A: BEGIN
A: DELETE FROM kv WHERE k = 1
B async: INSERT INTO note VALUES (1, 1) RETURNING *
A: COMMIT
B wait: <join>
A: BEGIN
A: DELETE FROM kv WHERE k = 2
B async: INSERT INTO note VALUES (2, 2) RETURNING *
A: ROLLBACK
B wait: <join>
B: SELECT * FROM note ORDER BY id

-- scenario: parent_delete_waits_for_uncommitted_child
-- A parent delete waits for a transaction whose uncommitted child
-- references it (the child's FK check holds FOR KEY SHARE).
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b')
B: SET lock_timeout = '5s'
A: BEGIN
A: INSERT INTO note VALUES (1, 1)
B async: DELETE FROM kv WHERE k = 1
A: COMMIT
B wait: <join>
A: BEGIN
A: INSERT INTO note VALUES (2, 2)
B async: DELETE FROM kv WHERE k = 2 RETURNING *
A: ROLLBACK
B wait: <join>
B wait: UPDATE kv SET v = 'not a key change' WHERE k = 1 RETURNING *

-- scenario: read_committed_rechecks_newest_version
-- READ COMMITTED re-checks the newest version: still qualifying, it is
-- updated (from its new values); deleted, it is skipped.
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b')
B: SET lock_timeout = '5s'
A: BEGIN
A: UPDATE kv SET v = 'a2' WHERE k = 1
B async: UPDATE kv SET v = v || '+B' WHERE v LIKE 'a%' RETURNING *
A: COMMIT
B wait: <join>
A: BEGIN
A: DELETE FROM kv WHERE k = 2
B async: UPDATE kv SET v = 'B' WHERE k IN (1, 2) RETURNING *
A: COMMIT
B wait: <join>
B: SELECT k, v FROM kv ORDER BY k

-- scenario: read_committed_recheck_keeps_its_snapshot
-- EvalPlanQual re-checks only the rows of B's snapshot: a row A
-- inserted is not updated by B's waiting statement even though it
-- qualifies; A's row updated twice is re-checked in its last version.
A: INSERT INTO kv VALUES (1, 'a'), (3, 'a')
B: SET lock_timeout = '5s'
A: BEGIN
A: UPDATE kv SET v = 'a1' WHERE k = 1
A: UPDATE kv SET v = v || '1' WHERE k = 1
A: INSERT INTO kv VALUES (2, 'a2')
B async: UPDATE kv SET v = v || '+B' WHERE v LIKE 'a%' RETURNING *
A: COMMIT
B wait: <join>
A: BEGIN
A: UPDATE kv SET v = 'x' WHERE k = 1
A: INSERT INTO kv VALUES (4, 'a4')
B async: DELETE FROM kv WHERE v LIKE 'a%' RETURNING *
A: COMMIT
B wait: <join>
B: SELECT k, v FROM kv ORDER BY k

-- scenario: writable_cte_waits_and_rechecks
-- A data-modifying WITH query waits like its statement alone, and
-- re-checks the newest version; the main statement's wait re-runs the
-- whole statement (the WITH query's insert undone first, not doubled).
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b')
B: SET lock_timeout = '5s'
A: BEGIN
A: UPDATE kv SET v = 'a2' WHERE k = 1
B async: WITH u AS (UPDATE kv SET v = v || '+B' WHERE v LIKE 'a%' RETURNING *) SELECT * FROM u
A: COMMIT
B wait: <join>
A: BEGIN
A: DELETE FROM kv WHERE k = 2
B async: WITH d AS (DELETE FROM kv WHERE k = 2 RETURNING *) INSERT INTO other SELECT k, 0 FROM d RETURNING *
A: COMMIT
B wait: <join>
A: BEGIN
A: UPDATE kv SET v = 'A' WHERE k = 1
B async: WITH l AS (INSERT INTO other VALUES (1, 1) RETURNING id) UPDATE kv SET v = v || '+B' FROM l WHERE kv.k = l.id RETURNING kv.*
A: COMMIT
B wait: <join>
B: SELECT k, v FROM kv ORDER BY k
B: SELECT id, n FROM other ORDER BY id

-- scenario: repeatable_read_waits_then_40001
-- REPEATABLE READ: waiting for a writer that commits is 40001 (update
-- or delete), one that rolls back lets the write through.
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
A: SET lock_timeout = '5s'
A: BEGIN ISOLATION LEVEL REPEATABLE READ
A: SELECT count(*) FROM kv
B: BEGIN
B: UPDATE kv SET v = 'B' WHERE k = 1
A async: UPDATE kv SET v = 'A' WHERE k = 1
B: COMMIT
A wait: <join>
A: ROLLBACK
A: BEGIN ISOLATION LEVEL REPEATABLE READ
A: SELECT count(*) FROM kv
B: BEGIN
B: DELETE FROM kv WHERE k = 2
A async: DELETE FROM kv WHERE k = 2
B: COMMIT
A wait: <join>
A: ROLLBACK
A: BEGIN ISOLATION LEVEL REPEATABLE READ
A: SELECT count(*) FROM kv
B: BEGIN
B: UPDATE kv SET v = 'lost' WHERE k = 3
A async: UPDATE kv SET v = 'A' WHERE k = 3 RETURNING *
B: ROLLBACK
A wait: <join>
A: INSERT INTO kv VALUES (4, 'A') RETURNING *
A: COMMIT
A: SELECT k, v FROM kv ORDER BY k

-- scenario: repeatable_read_insert_of_key_committed_since
-- A key committed after a REPEATABLE READ snapshot is still taken.
A: BEGIN ISOLATION LEVEL REPEATABLE READ
A: SELECT count(*) FROM kv
B: INSERT INTO kv VALUES (1, 'B')
A: SELECT count(*) FROM kv
A: INSERT INTO kv VALUES (1, 'A')
A: ROLLBACK

-- scenario: deadlock_detected
-- Each waits for a row the other updated: the first to wait gets
-- 40P01 after deadlock_timeout, the other then proceeds.
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b')
A: SET lock_timeout = '10s'
B: SET lock_timeout = '10s'
A: BEGIN
A: UPDATE kv SET v = 'A' WHERE k = 1
B: BEGIN
B: UPDATE kv SET v = 'B' WHERE k = 2
A async: UPDATE kv SET v = 'A' WHERE k = 2
B wait: UPDATE kv SET v = 'B' WHERE k = 1 RETURNING *
A wait: <join>
A: ROLLBACK
B: COMMIT
A: SELECT k, v FROM kv ORDER BY k

-- scenario: truncate_waits_for_writer
-- TRUNCATE (like DDL) waits for an in-flight writer of the table.
B: SET lock_timeout = '200ms'
A: BEGIN
A: INSERT INTO kv VALUES (1, 'A')
B wait: TRUNCATE kv CASCADE
A: COMMIT
B wait: TRUNCATE other
B: SELECT count(*) FROM kv

-- scenario: lock_share_holds_off_writers
-- LOCK TABLE in SHARE mode holds off the table's writers until the
-- lock's transaction ends; readers go on.
A: BEGIN
A: LOCK TABLE kv IN SHARE MODE
B: SET lock_timeout = '200ms'
B wait: INSERT INTO kv VALUES (1, 'B')
B wait: SELECT count(*) FROM kv
A: INSERT INTO kv VALUES (2, 'A')
A: COMMIT
B wait: INSERT INTO kv VALUES (1, 'B')
B: SELECT k, v FROM kv ORDER BY k

-- scenario: lock_waits_for_writers
-- A lock waits for the table's writers: NOWAIT fails at once (55P03
-- naming the relation), otherwise lock_timeout; once A is done, it
-- is taken.
A: BEGIN
A: INSERT INTO kv VALUES (1, 'A')
B: SET lock_timeout = '200ms'
B: BEGIN
B wait: LOCK TABLE kv IN SHARE MODE NOWAIT
B: ROLLBACK
B: BEGIN
B wait: LOCK kv
B: ROLLBACK
B: BEGIN
B wait: LOCK TABLE kv IN ACCESS SHARE MODE
B: COMMIT
A: COMMIT
B: BEGIN
B wait: LOCK TABLE kv IN EXCLUSIVE MODE NOWAIT
B: DELETE FROM kv RETURNING *
B: COMMIT

-- scenario: ddl_beside_a_writer_of_another_table
-- DDL runs beside writers of other tables: CREATE TABLE takes no lock
-- on the others, CREATE INDEX a SHARE lock on its table (it waits for
-- the writer of kv, not for a reader), a new foreign key SHARE ROW
-- EXCLUSIVE on the table it references, TRUNCATE and ALTER ACCESS
-- EXCLUSIVE on theirs.
A: BEGIN
A: INSERT INTO kv VALUES (5, 'x')
B: SET lock_timeout = '200ms'
B wait: CREATE TABLE c2 (k int REFERENCES kv)
B wait: CREATE TABLE c3 (k int)
B wait: CREATE INDEX ON other (n)
B wait: CREATE INDEX ON kv (v)
B wait: CREATE VIEW vk AS SELECT * FROM kv
B wait: DROP VIEW vk
B wait: TRUNCATE other
B wait: TRUNCATE kv CASCADE
B wait: ALTER TABLE other ADD COLUMN z int
A: COMMIT
B: SELECT * FROM other
B: DROP TABLE c3

-- scenario: ddl_waits_for_a_reader_transaction
-- A reader's ACCESS SHARE lock holds off ALTER and DROP of its table
-- (and of a table referencing it: the foreign key's triggers go),
-- not a CREATE TABLE that references it.
A: BEGIN
A: SELECT count(*) FROM kv
B: SET lock_timeout = '200ms'
B wait: ALTER TABLE kv ADD COLUMN z int
B wait: DROP TABLE note
B wait: ALTER TABLE note DROP CONSTRAINT note_k_fkey
B wait: CREATE TABLE c2 (k int REFERENCES kv)
B wait: CREATE INDEX ON kv (v)
A: COMMIT
B wait: ALTER TABLE kv ADD COLUMN z int
A: SELECT * FROM kv

-- scenario: reader_waits_for_uncommitted_ddl
-- Uncommitted DDL holds off readers and writers of its table only;
-- a waiting reader sees the new shape once it commits.
A: INSERT INTO other VALUES (1, 1)
A: BEGIN
A: ALTER TABLE other ADD COLUMN extra int DEFAULT 7
B: SET lock_timeout = '200ms'
B wait: SELECT * FROM other
B wait: SELECT * FROM kv
B wait: INSERT INTO other VALUES (2, 2)
B: BEGIN
B: SELECT * FROM kv
B wait: SELECT * FROM other
B: ROLLBACK
B: SET lock_timeout = '5s'
B async: SELECT * FROM other
A: COMMIT
B wait: <join>
B: INSERT INTO other VALUES (2, 2) RETURNING *

-- scenario: reader_waits_for_a_drop
-- A reader that waited for a DROP finds the table gone.
A: BEGIN
A: DROP TABLE other
B async: SELECT * FROM other
A: COMMIT
B wait: <join>

-- scenario: reader_queues_behind_a_waiting_alter
-- A waiting ALTER TABLE queues a later reader behind it; the
-- reader's own transaction, which holds the lock, reads on.
A: BEGIN
A: SELECT count(*) FROM kv
B async: ALTER TABLE kv ADD COLUMN z int
C: SET lock_timeout = '200ms'
C wait: SELECT count(*) FROM kv
A wait: SELECT count(*) FROM kv
A: COMMIT
B wait: <join>
C: SELECT * FROM kv

-- scenario: ddl_deadlock_detected
-- Two ALTERs each waiting for the other's reader: 40P01 for the
-- first to wait, the other goes on.
A: SET lock_timeout = '10s'
B: SET lock_timeout = '10s'
A: BEGIN
A: SELECT count(*) FROM kv
B: BEGIN
B: SELECT count(*) FROM other
A async: ALTER TABLE other ADD COLUMN z int
B wait: ALTER TABLE kv ADD COLUMN z int
A wait: <join>
A: ROLLBACK
B: COMMIT
A: SELECT * FROM kv

-- scenario: ddl_of_two_transactions_both_commit
-- DDL of two transactions on different objects: both commit, and
-- each sees the other's once it is committed (A, after B's commit,
-- within its own transaction that made DDL too).
A: BEGIN
A: CREATE TABLE a1 (x int PRIMARY KEY)
A: INSERT INTO a1 VALUES (1)
B: BEGIN
B: CREATE TABLE b1 (y text)
B: INSERT INTO b1 VALUES ('b')
B: ALTER TABLE other ADD COLUMN z int DEFAULT 3
B: INSERT INTO other VALUES (1, 1)
A: CREATE INDEX ON kv (v)
A: INSERT INTO kv VALUES (1, 'a')
B: COMMIT
A: SELECT * FROM b1
A: SELECT * FROM other
A: INSERT INTO other VALUES (2, 2) RETURNING *
A: INSERT INTO a1 VALUES (2)
A: COMMIT
B: SELECT * FROM a1
B: SELECT * FROM other ORDER BY id
B: SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname IN ('a1', 'b1', 'other') AND a.attnum > 0 ORDER BY 1, 2
B: SELECT indexname FROM pg_indexes WHERE tablename = 'kv' ORDER BY 1
B: SELECT * FROM kv

-- scenario: same_name_created_concurrently
-- Two sessions creating one name: the second waits for the first,
-- then fails on the system catalog's unique index if it committed
-- (IF NOT EXISTS too: PostgreSQL checked before it waited) ...
A: BEGIN
A: CREATE TABLE dup (x int)
A: CREATE INDEX ix ON kv (v)
A: CREATE SEQUENCE sq
A: CREATE VIEW vv AS SELECT 1 AS a
B async: CREATE TABLE dup (y int)
A: COMMIT
B wait: <join>
B: SELECT * FROM dup
A: BEGIN
A: CREATE TABLE dup2 (x int)
B async: CREATE TABLE IF NOT EXISTS dup2 (y int)
A: COMMIT
B wait: <join>
B: CREATE INDEX ix ON other (n)

-- scenario: same_name_created_after_a_rollback
-- ... and succeeds if it rolled back.
A: BEGIN
A: CREATE TABLE dup (x int)
B async: CREATE TABLE dup (y int)
A: ROLLBACK
B wait: <join>
B: SELECT * FROM dup

-- scenario: same_schema_sequence_index_view_created_concurrently
A: BEGIN
A: CREATE SCHEMA sc
B async: CREATE SCHEMA sc
A: COMMIT
B wait: <join>
A: BEGIN
A: CREATE INDEX ix ON kv (v)
B async: CREATE INDEX ix ON other (n)
A: COMMIT
B wait: <join>
A: BEGIN
A: CREATE SEQUENCE sq
B async: CREATE SEQUENCE sq
A: COMMIT
B wait: <join>
A: BEGIN
A: CREATE VIEW vv AS SELECT 1 AS a
B async: CREATE VIEW vv AS SELECT 2 AS b
A: COMMIT
B wait: <join>

-- scenario: lock_table_locks_its_table_only
-- LOCK TABLE locks the tables it names only.
A: BEGIN
A: LOCK TABLE kv IN SHARE MODE
B: SET lock_timeout = '200ms'
B wait: INSERT INTO other VALUES (1, 1)
B wait: INSERT INTO kv VALUES (1, 'x')
B: BEGIN
B wait: LOCK TABLE kv IN SHARE MODE
B wait: LOCK TABLE kv IN ACCESS EXCLUSIVE MODE NOWAIT
B: ROLLBACK
A: COMMIT

-- scenario: repeatable_read_writes_after_unrelated_ddl
-- A REPEATABLE READ transaction reads and writes on after DDL of
-- other tables was committed since its snapshot.
A: BEGIN ISOLATION LEVEL REPEATABLE READ
A: SELECT count(*) FROM kv
B: CREATE TABLE x (a int)
B: ALTER TABLE other ADD COLUMN z int
A: SELECT count(*) FROM kv
A: INSERT INTO kv VALUES (1, 'a') RETURNING *
A: UPDATE kv SET v = 'b' RETURNING *
A: COMMIT
B: SELECT * FROM kv

-- scenario: lock_view_locks_its_tables
-- LOCK on a view locks the tables it reads too.
A: CREATE VIEW vk AS SELECT * FROM kv
A: BEGIN
A: LOCK vk IN ACCESS EXCLUSIVE MODE
B: SET lock_timeout = '200ms'
B wait: SELECT * FROM kv
B wait: SELECT * FROM other
A: COMMIT
B wait: SELECT * FROM vk

-- scenario: savepoint_rollback_releases_ddl_locks
-- ROLLBACK TO SAVEPOINT gives back the locks taken after it.
A: BEGIN
A: SAVEPOINT s
A: ALTER TABLE other ADD COLUMN q int
B: SET lock_timeout = '200ms'
B wait: SELECT * FROM other
A: ROLLBACK TO SAVEPOINT s
B wait: SELECT * FROM other
A: COMMIT
