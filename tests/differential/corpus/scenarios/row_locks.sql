-- Scenarios of tests/differential/test_row_locks.py (row locks and
-- advisory locks); the step format is concurrency.sql's.

-- scenario: for_update_blocks_for_update_until_commit
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
B: SET lock_timeout = '200ms'
A: BEGIN
A: SELECT * FROM kv WHERE k = 1 FOR UPDATE
B wait: SELECT * FROM kv WHERE k = 1 FOR UPDATE
B wait: SELECT * FROM kv WHERE k = 2 FOR UPDATE
B: SELECT * FROM kv ORDER BY k
A: COMMIT
B wait: SELECT * FROM kv WHERE k = 1 FOR UPDATE

-- scenario: for_update_blocks_update_until_commit
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
B: SET lock_timeout = '5s'
A: BEGIN
A: SELECT * FROM kv WHERE k = 1 FOR UPDATE
B async: UPDATE kv SET v = v || '+B' WHERE k = 1 RETURNING *
A: COMMIT
B wait: <join>

-- scenario: for_update_holder_updates_then_waiter_updates
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
B: SET lock_timeout = '5s'
A: BEGIN
A: SELECT * FROM kv WHERE k = 1 FOR UPDATE
B async: UPDATE kv SET v = v || '+B' WHERE k = 1 RETURNING *
A: UPDATE kv SET v = v || '+A' WHERE k = 1 RETURNING *
A: COMMIT
B wait: <join>

-- scenario: update_blocks_for_update_then_sees_new_version
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
B: SET lock_timeout = '5s'
A: BEGIN
A: UPDATE kv SET v = 'A' WHERE k = 1
B async: SELECT * FROM kv WHERE k = 1 FOR UPDATE
A: COMMIT
B wait: <join>

-- scenario: waiter_rechecks_where_on_new_version
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
B: SET lock_timeout = '5s'
A: BEGIN
A: UPDATE kv SET v = 'changed' WHERE k = 1
B async: SELECT * FROM kv WHERE v = 'a' FOR UPDATE
A: COMMIT
B wait: <join>

-- scenario: waiter_skips_deleted_row
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
B: SET lock_timeout = '5s'
A: BEGIN
A: DELETE FROM kv WHERE k = 1
B async: SELECT * FROM kv WHERE k <= 2 ORDER BY k FOR UPDATE
A: COMMIT
B wait: <join>

-- scenario: repeatable_read_waiter_gets_serialization_failure
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
B: SET lock_timeout = '5s'
B: BEGIN ISOLATION LEVEL REPEATABLE READ
B: SELECT count(*) FROM kv
A: BEGIN
A: UPDATE kv SET v = 'A' WHERE k = 1
B async: SELECT * FROM kv WHERE k = 1 FOR UPDATE
A: COMMIT
B wait: <join>
B: ROLLBACK

-- scenario: repeatable_read_lock_of_row_changed_since_snapshot
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
B: BEGIN ISOLATION LEVEL REPEATABLE READ
B: SELECT count(*) FROM kv
A: UPDATE kv SET v = 'A' WHERE k = 1
B: SELECT * FROM kv WHERE k = 2 FOR UPDATE
B: SELECT * FROM kv WHERE k = 1 FOR SHARE
B: ROLLBACK

-- scenario: nowait_fails_at_once
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
B: SET lock_timeout = '5s'
A: BEGIN
A: SELECT * FROM kv WHERE k = 1 FOR NO KEY UPDATE
B wait: SELECT * FROM kv WHERE k = 1 FOR UPDATE NOWAIT
B wait: SELECT * FROM kv WHERE k = 1 FOR SHARE NOWAIT
B wait: SELECT * FROM kv WHERE k = 1 FOR KEY SHARE NOWAIT
B: BEGIN
B: SELECT * FROM kv ORDER BY k FOR UPDATE NOWAIT
B: ROLLBACK
A: ROLLBACK
B: SELECT * FROM kv WHERE k = 1 FOR UPDATE NOWAIT

-- scenario: skip_locked_skips
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
A: BEGIN
A: SELECT k FROM kv WHERE k IN (1, 3) FOR UPDATE
B wait: SELECT * FROM kv ORDER BY k FOR UPDATE SKIP LOCKED
B: SELECT k FROM kv ORDER BY k LIMIT 1 FOR UPDATE SKIP LOCKED
B: SELECT k FROM kv ORDER BY k DESC LIMIT 1 FOR SHARE SKIP LOCKED
A: COMMIT
B: SELECT k FROM kv ORDER BY k LIMIT 1 FOR UPDATE SKIP LOCKED

-- scenario: job_queue_limit_locks_only_what_it_returns
A: INSERT INTO jobs (id) SELECT g FROM generate_series(1, 5) g
A: BEGIN
A: SELECT id FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
B: BEGIN
B: SELECT id FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
B: SELECT id FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 2 OFFSET 1 FOR UPDATE SKIP LOCKED
A: SELECT id FROM jobs WHERE state = 'queued' ORDER BY id FOR UPDATE SKIP LOCKED
A: UPDATE jobs SET state = 'done', worker = 1 WHERE id = 1 RETURNING *
A: COMMIT
B: UPDATE jobs SET state = 'done', worker = 2 WHERE id = 2 RETURNING *
B: COMMIT
A: SELECT * FROM jobs ORDER BY id

-- scenario: share_and_share_coexist
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
B: SET lock_timeout = '200ms'
A: BEGIN
A: SELECT * FROM kv WHERE k = 1 FOR SHARE
B: BEGIN
B wait: SELECT * FROM kv WHERE k = 1 FOR SHARE
B wait: SELECT * FROM kv WHERE k = 1 FOR KEY SHARE
B: SAVEPOINT s
B wait: SELECT * FROM kv WHERE k = 1 FOR NO KEY UPDATE
B: ROLLBACK TO s
B: COMMIT
A: COMMIT

-- scenario: key_share_and_no_key_update_coexist
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
B: SET lock_timeout = '200ms'
A: BEGIN
A: SELECT * FROM kv WHERE k = 1 FOR KEY SHARE
B: BEGIN
B wait: SELECT * FROM kv WHERE k = 1 FOR NO KEY UPDATE
B wait: UPDATE kv SET v = 'B' WHERE k = 1 RETURNING *
B: COMMIT
A: COMMIT
A: BEGIN
A: SELECT * FROM kv WHERE k = 2 FOR KEY SHARE
B wait: SELECT * FROM kv WHERE k = 2 FOR UPDATE
B wait: DELETE FROM kv WHERE k = 2
A: ROLLBACK

-- scenario: rollback_releases
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
B: SET lock_timeout = '5s'
A: BEGIN
A: SELECT * FROM kv WHERE k = 1 FOR UPDATE
B async: SELECT * FROM kv WHERE k = 1 FOR UPDATE
A: ROLLBACK
B wait: <join>

-- scenario: rollback_to_savepoint_releases_later_locks
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
A: BEGIN
A: SELECT * FROM kv WHERE k = 1 FOR UPDATE
A: SAVEPOINT s
A: SELECT * FROM kv WHERE k = 2 FOR UPDATE
A: ROLLBACK TO s
B: SELECT * FROM kv WHERE k = 2 FOR UPDATE NOWAIT
B: SELECT * FROM kv WHERE k = 1 FOR UPDATE NOWAIT
A: COMMIT

-- scenario: error_in_block_releases
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
A: BEGIN
A: SELECT * FROM kv WHERE k = 1 FOR UPDATE
A: SELECT 1/0
B: SELECT * FROM kv WHERE k = 1 FOR UPDATE NOWAIT
A: ROLLBACK

-- scenario: for_update_of_locks_only_named_table
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
A: INSERT INTO log VALUES (10, 1, 'x'), (20, 2, 'y')
A: BEGIN
A: SELECT l.id, kv.v FROM kv JOIN log l ON l.k = kv.k WHERE kv.k = 1 FOR UPDATE OF l
B: SELECT * FROM kv WHERE k = 1 FOR UPDATE NOWAIT
B: SELECT * FROM log WHERE id = 10 FOR UPDATE NOWAIT
B: SELECT * FROM log WHERE id = 20 FOR UPDATE NOWAIT
A: SELECT * FROM kv, log WHERE log.k = kv.k AND log.id = 20 FOR SHARE OF kv FOR UPDATE OF log
B: SELECT * FROM kv WHERE k = 2 FOR SHARE NOWAIT
B: SELECT * FROM kv WHERE k = 2 FOR UPDATE NOWAIT
A: COMMIT

-- scenario: read_only_transaction_refuses_locking
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
A: BEGIN READ ONLY
A: SELECT * FROM kv WHERE k = 1 FOR SHARE
A: ROLLBACK

-- scenario: fk_check_waits_for_parent_row_lock
-- PostgreSQL's RI check takes FOR KEY SHARE on the parent row, which
-- conflicts with A's FOR UPDATE: B waits.
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
B: SET lock_timeout = '200ms'
A: BEGIN
A: SELECT * FROM kv WHERE k = 1 FOR UPDATE
B wait: INSERT INTO log VALUES (1, 1, 'x')
A: ROLLBACK

-- scenario: holder_writes_while_a_writer_waits_for_it
-- B has written and then waits for A's row lock; A's write of another
-- row goes through at once (ROW EXCLUSIVE locks share).
A: INSERT INTO kv VALUES (1, 'a'), (2, 'b'), (3, 'c')
B: SET lock_timeout = '5s'
A: SET lock_timeout = '300ms'
A: BEGIN
A: SELECT * FROM kv WHERE k = 1 FOR SHARE
B: BEGIN
B: UPDATE kv SET v = 'x' WHERE k = 2
B async: UPDATE kv SET v = 'B' WHERE k = 1 RETURNING *
A wait: UPDATE kv SET v = 'A' WHERE k = 3 RETURNING *
A: COMMIT
B: <join>
B: COMMIT

-- -- advisory locks
-- scenario: advisory_session_locks
A: SELECT pg_advisory_lock(1), pg_advisory_lock(1)
B: SELECT pg_try_advisory_lock(1), pg_try_advisory_lock(1, 0), pg_try_advisory_lock(0, 1)
A: SELECT pg_advisory_unlock(1)
B: SELECT pg_try_advisory_lock(1)
A: SELECT pg_advisory_unlock(1)
B: SELECT pg_try_advisory_lock(1)
A: SELECT pg_advisory_unlock(1)
B: SELECT pg_advisory_unlock(1), pg_advisory_unlock(1)
B: SELECT pg_advisory_unlock_shared(0, 1)
B: SELECT pg_advisory_unlock_all()
A: SELECT pg_try_advisory_lock(0, 1)

-- scenario: advisory_shared_and_exclusive
A: SELECT pg_advisory_lock_shared(7)
B: SELECT pg_try_advisory_lock_shared(7), pg_try_advisory_lock(7)
A: SELECT pg_try_advisory_lock(7)
A: SELECT pg_advisory_unlock_shared(7), pg_advisory_unlock(7)
A: SELECT pg_try_advisory_lock(7)
B: SELECT pg_advisory_unlock_shared(7)
A: SELECT pg_try_advisory_lock(7)
A: SELECT pg_advisory_unlock_all()

-- scenario: advisory_transaction_locks
A: BEGIN
A: SELECT pg_advisory_xact_lock(5), pg_try_advisory_xact_lock_shared(6)
B: SELECT pg_try_advisory_xact_lock(5), pg_try_advisory_xact_lock_shared(6), pg_try_advisory_xact_lock(6)
A: SELECT pg_advisory_unlock(5)
A: COMMIT
B: SELECT pg_try_advisory_xact_lock(5), pg_try_advisory_lock(6)
A: SELECT pg_try_advisory_lock(6)
B: SELECT pg_advisory_unlock(6)
A: BEGIN
A: SELECT pg_advisory_xact_lock(8, 9)
A: SELECT 1/0
B: SELECT pg_try_advisory_lock(8, 9), pg_advisory_unlock(8, 9)
A: ROLLBACK

-- scenario: advisory_lock_waits
B: SET lock_timeout = '5s'
A: SELECT pg_advisory_lock(3)
B async: SELECT pg_advisory_lock(3)
A: SELECT pg_advisory_unlock(3)
B wait: <join>
A: SET lock_timeout = '200ms'
A wait: SELECT pg_advisory_xact_lock_shared(3)
B: SELECT pg_advisory_unlock(3)
A wait: SELECT pg_advisory_xact_lock_shared(3)

-- scenario: advisory_lock_released_on_disconnect
B: SELECT pg_advisory_lock(4)
A: SELECT pg_try_advisory_lock(4)
B: <disconnect>
A: SELECT pg_sleep(0.2)
A: SELECT pg_try_advisory_lock(4)
