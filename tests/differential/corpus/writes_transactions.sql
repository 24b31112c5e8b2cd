-- schema: tests/differential/schemas/constraints.sql
-- Writes inside transactions: ROLLBACK discards everything, an error puts
-- the block in the failed state (25P02 for every further statement, COMMIT
-- answers ROLLBACK), savepoints undo exactly their part (rows, updates,
-- deletes, cascades), RELEASE keeps it, several statements in one simple
-- Query form one implicit transaction. Inserting a key again (23505 or
-- success) shows what survived.

-- case: rollback_discards_insert
BEGIN
INSERT INTO nn VALUES (1, 'a', 1, NULL) RETURNING *
ROLLBACK
INSERT INTO nn VALUES (1, 'b', 1, NULL) RETURNING *


-- case: commit_keeps_insert
BEGIN
INSERT INTO nn VALUES (1, 'a', 1, NULL)
COMMIT
INSERT INTO nn VALUES (1, 'b', 1, NULL)
START TRANSACTION
INSERT INTO nn VALUES (2, 'b', 1, NULL)
END
INSERT INTO nn VALUES (2, 'c', 1, NULL)


-- case: rollback_discards_update_and_delete
INSERT INTO nn VALUES (1, 'a', 1, NULL), (2, 'b', 2, NULL)
BEGIN
UPDATE nn SET a = 'changed' WHERE id = 1 RETURNING *
DELETE FROM nn WHERE id = 2 RETURNING *
INSERT INTO nn VALUES (3, 'c', 3, NULL)
ROLLBACK
UPDATE nn SET b = b WHERE id = 1 RETURNING *
UPDATE nn SET b = b WHERE id = 2 RETURNING *
DELETE FROM nn WHERE id = 3 RETURNING *


-- case: own_writes_visible_inside_transaction
BEGIN
INSERT INTO nn VALUES (1, 'a', 1, NULL)
INSERT INTO nn VALUES (1, 'again', 1, NULL)
ROLLBACK
BEGIN
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_noaction VALUES (10, 1) RETURNING *
UPDATE parent SET note = 'n' WHERE id = 1 RETURNING *
DELETE FROM child_noaction RETURNING *
DELETE FROM parent RETURNING *
INSERT INTO parent VALUES (1, 'b', NULL) RETURNING *
COMMIT
INSERT INTO parent VALUES (1, 'c', NULL) ON CONFLICT (id) DO UPDATE SET note = parent.code RETURNING *


-- case: error_aborts_block
BEGIN
INSERT INTO nn VALUES (1, 'a', 1, NULL)
INSERT INTO nn VALUES (1, 'dup', 1, NULL)
INSERT INTO nn VALUES (2, 'b', 1, NULL)
UPDATE nn SET a = 'x'
DELETE FROM nn
SELECT 1
COMMIT
INSERT INTO nn VALUES (1, 'after', 1, NULL) RETURNING *


-- case: each_error_kind_aborts_block
BEGIN
INSERT INTO nn VALUES (1, NULL, 1, NULL)
ROLLBACK
BEGIN
INSERT INTO checks (id, qty) VALUES (1, 0)
ROLLBACK
BEGIN
INSERT INTO child_noaction VALUES (1, 99)
ROLLBACK
BEGIN
INSERT INTO nn VALUES ('x', 'a', 1, NULL)
ROLLBACK
BEGIN
INSERT INTO nn (nope) VALUES (1)
ROLLBACK
BEGIN
INSERT INTO nope VALUES (1)
ROLLBACK
BEGIN
INSERT INTO nn VALUES (1, 'a', 1, NULL) ON CONFLICT (a) DO NOTHING
ROLLBACK


-- case: failed_block_rejects_writes_and_savepoints
BEGIN
SELECT 1 / 0
INSERT INTO nn VALUES (1, 'a', 1, NULL)
SAVEPOINT s
RELEASE s
ROLLBACK TO s
ROLLBACK
INSERT INTO nn VALUES (1, 'a', 1, NULL) RETURNING id


-- case: savepoint_rollback_to_after_error
BEGIN
INSERT INTO nn VALUES (1, 'a', 1, NULL)
SAVEPOINT s
INSERT INTO nn VALUES (2, 'b', 1, NULL)
INSERT INTO nn VALUES (2, 'dup', 1, NULL)
INSERT INTO nn VALUES (3, 'c', 1, NULL)
ROLLBACK TO s
INSERT INTO nn VALUES (3, 'c', 1, NULL)
COMMIT
INSERT INTO nn VALUES (1, 'x', 1, NULL)
INSERT INTO nn VALUES (2, 'x', 1, NULL) RETURNING id
INSERT INTO nn VALUES (3, 'x', 1, NULL)


-- case: savepoint_rollback_to_without_error
BEGIN
INSERT INTO nn VALUES (1, 'a', 1, NULL)
SAVEPOINT s
UPDATE nn SET a = 'inner' WHERE id = 1 RETURNING *
INSERT INTO nn VALUES (2, 'b', 1, NULL)
ROLLBACK TO SAVEPOINT s
UPDATE nn SET b = b + 1 WHERE id = 1 RETURNING *
INSERT INTO nn VALUES (2, 'c', 1, NULL) RETURNING *
COMMIT


-- case: savepoint_release_keeps_changes
BEGIN
SAVEPOINT s
INSERT INTO nn VALUES (1, 'a', 1, NULL)
RELEASE SAVEPOINT s
ROLLBACK TO s
ROLLBACK
BEGIN
SAVEPOINT s
INSERT INTO nn VALUES (1, 'a', 1, NULL)
RELEASE s
COMMIT
INSERT INTO nn VALUES (1, 'b', 1, NULL)


-- case: nested_savepoints
BEGIN
INSERT INTO nn VALUES (1, 'a', 1, NULL)
SAVEPOINT s1
INSERT INTO nn VALUES (2, 'b', 1, NULL)
SAVEPOINT s2
INSERT INTO nn VALUES (3, 'c', 1, NULL)
SAVEPOINT s3
INSERT INTO nn VALUES (4, 'd', 1, NULL)
ROLLBACK TO s2
INSERT INTO nn VALUES (4, 'd2', 1, NULL)
ROLLBACK TO s3
RELEASE s1
COMMIT
INSERT INTO nn VALUES (1, 'x', 1, NULL)
INSERT INTO nn VALUES (2, 'x', 1, NULL)
INSERT INTO nn VALUES (3, 'x', 1, NULL) RETURNING id
INSERT INTO nn VALUES (4, 'x', 1, NULL)


-- case: nested_savepoints_commit
BEGIN
INSERT INTO nn VALUES (1, 'a', 1, NULL)
SAVEPOINT s1
INSERT INTO nn VALUES (2, 'b', 1, NULL)
SAVEPOINT s2
INSERT INTO nn VALUES (3, 'c', 1, NULL)
SAVEPOINT s3
INSERT INTO nn VALUES (4, 'd', 1, NULL)
ROLLBACK TO s2
INSERT INTO nn VALUES (5, 'e', 1, NULL)
RELEASE s1
COMMIT
INSERT INTO nn VALUES (1, 'x', 1, NULL)
INSERT INTO nn VALUES (2, 'x', 1, NULL)
INSERT INTO nn VALUES (3, 'x', 1, NULL) RETURNING id
INSERT INTO nn VALUES (4, 'x', 1, NULL) RETURNING id
INSERT INTO nn VALUES (5, 'x', 1, NULL)


-- case: savepoint_same_name_twice
BEGIN
INSERT INTO nn VALUES (1, 'a', 1, NULL)
SAVEPOINT s
INSERT INTO nn VALUES (2, 'b', 1, NULL)
SAVEPOINT s
INSERT INTO nn VALUES (3, 'c', 1, NULL)
ROLLBACK TO s
RELEASE s
ROLLBACK TO s
COMMIT
INSERT INTO nn VALUES (2, 'x', 1, NULL)
INSERT INTO nn VALUES (3, 'x', 1, NULL) RETURNING id


-- case: rollback_to_unknown_savepoint
BEGIN
INSERT INTO nn VALUES (1, 'a', 1, NULL)
ROLLBACK TO nope
INSERT INTO nn VALUES (2, 'b', 1, NULL)
ROLLBACK
INSERT INTO nn VALUES (1, 'a', 1, NULL) RETURNING id


-- case: savepoint_undoes_cascade
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_cascade VALUES (10, 1)
INSERT INTO child_setnull VALUES (20, 1)
BEGIN
SAVEPOINT s
DELETE FROM parent RETURNING *
UPDATE child_setnull SET id = id RETURNING *
ROLLBACK TO s
UPDATE child_cascade SET id = id RETURNING *
UPDATE child_setnull SET id = id RETURNING *
COMMIT


-- case: savepoint_undoes_failed_cascade_statement
INSERT INTO m1 VALUES (1)
INSERT INTO m2 VALUES (10, 1)
INSERT INTO m3 VALUES (100, 10)
BEGIN
SAVEPOINT s
DELETE FROM m1
ROLLBACK TO s
UPDATE m2 SET id = id RETURNING *
DELETE FROM m3 RETURNING *
DELETE FROM m1 RETURNING *
DELETE FROM m2 RETURNING *
ROLLBACK
DELETE FROM m3 RETURNING *


-- case: savepoint_undoes_upsert_update
INSERT INTO parent VALUES (1, 'a', 'v0')
BEGIN
SAVEPOINT s
INSERT INTO parent VALUES (1, 'a', 'v1') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note RETURNING *
ROLLBACK TO s
INSERT INTO parent VALUES (1, 'a', 'v2') ON CONFLICT (id) DO UPDATE SET note = parent.note || EXCLUDED.note RETURNING *
COMMIT


-- case: unique_check_sees_own_delete
INSERT INTO uniq (id, email) VALUES (1, 'a')
BEGIN
DELETE FROM uniq WHERE id = 1
INSERT INTO uniq (id, email) VALUES (1, 'a') RETURNING *
ROLLBACK TO nope
ROLLBACK
INSERT INTO uniq (id, email) VALUES (2, 'a')


-- case: fk_sees_own_uncommitted_parent
BEGIN
INSERT INTO l1 VALUES (1)
INSERT INTO l2 VALUES (10, 1)
INSERT INTO l3 VALUES (100, 10) RETURNING *
ROLLBACK
INSERT INTO l3 VALUES (100, 10)
INSERT INTO l2 VALUES (10, 1)


-- case: implicit_transaction_multi_statement
INSERT INTO nn VALUES (1, 'a', 1, NULL); INSERT INTO nn VALUES (1, 'b', 1, NULL)
INSERT INTO nn VALUES (1, 'c', 1, NULL) RETURNING *
INSERT INTO nn VALUES (2, 'a', 1, NULL); INSERT INTO nn VALUES (3, 'b', 1, NULL)
INSERT INTO nn VALUES (2, 'x', 1, NULL)
INSERT INTO nn VALUES (3, 'x', 1, NULL)


-- case: explicit_block_in_one_query
BEGIN; INSERT INTO nn VALUES (1, 'a', 1, NULL); COMMIT
INSERT INTO nn VALUES (1, 'b', 1, NULL)
BEGIN; INSERT INTO nn VALUES (2, 'a', 1, NULL); ROLLBACK
INSERT INTO nn VALUES (2, 'b', 1, NULL) RETURNING id
BEGIN; INSERT INTO nn VALUES (3, 'a', 1, NULL)
INSERT INTO nn VALUES (3, 'dup', 1, NULL)
COMMIT
INSERT INTO nn VALUES (3, 'c', 1, NULL) RETURNING id


-- case: multi_statement_error_midway_in_block
BEGIN
INSERT INTO nn VALUES (1, 'a', 1, NULL); INSERT INTO nn VALUES (1, 'b', 1, NULL); INSERT INTO nn VALUES (2, 'c', 1, NULL)
ROLLBACK
INSERT INTO nn VALUES (2, 'c', 1, NULL) RETURNING id


-- case: commit_in_failed_block_is_rollback
BEGIN
INSERT INTO nn VALUES (1, 'a', 1, NULL)
INSERT INTO checks (id, qty) VALUES (1, -1)
COMMIT
COMMIT
INSERT INTO nn VALUES (1, 'a', 1, NULL) RETURNING id


-- case: default_transaction_read_only
SET default_transaction_read_only = on
INSERT INTO nn VALUES (1, 'a', 1, NULL)
RESET default_transaction_read_only
INSERT INTO nn VALUES (1, 'a', 1, NULL) RETURNING id


-- case: write_then_error_in_autocommit_keeps_earlier
INSERT INTO nn VALUES (1, 'a', 1, NULL)
INSERT INTO nn VALUES (2, NULL, 1, NULL)
INSERT INTO nn VALUES (2, 'b', 1, NULL) RETURNING id
INSERT INTO nn VALUES (1, 'x', 1, NULL)


-- case: read_only_transaction
START TRANSACTION READ ONLY
INSERT INTO nn VALUES (1, 'a', 1, NULL)
ROLLBACK
BEGIN READ ONLY
SELECT 1
UPDATE nn SET a = 'x'
ROLLBACK
BEGIN READ ONLY
DELETE FROM nn
ROLLBACK
BEGIN READ ONLY
TRUNCATE nn
ROLLBACK
BEGIN READ ONLY
INSERT INTO nn VALUES (1, 'a', 1, NULL) ON CONFLICT DO NOTHING
ROLLBACK
INSERT INTO nn VALUES (1, 'a', 1, NULL) RETURNING id


-- case: read_only_sequences_and_copy
BEGIN READ ONLY
COPY nn FROM STDIN
2	b	2	\N
\.
ROLLBACK
BEGIN READ ONLY
COPY nn TO STDOUT
INSERT INTO nope VALUES (1)
ROLLBACK
BEGIN READ ONLY
INSERT INTO nn VALUES (1, 'a', 1, NULL, 5)
ROLLBACK


-- case: read_only_by_default_and_set_transaction
SET default_transaction_read_only = on
INSERT INTO nn VALUES (1, 'a', 1, NULL)
TRUNCATE nn
SHOW transaction_read_only
BEGIN READ WRITE
INSERT INTO nn VALUES (1, 'a', 1, NULL)
COMMIT
BEGIN
SET TRANSACTION READ WRITE
INSERT INTO nn VALUES (2, 'b', 1, NULL)
COMMIT
RESET default_transaction_read_only
BEGIN
INSERT INTO nn VALUES (3, 'c', 1, NULL)
SET TRANSACTION READ ONLY
INSERT INTO nn VALUES (4, 'd', 1, NULL)
ROLLBACK
BEGIN
SET LOCAL default_transaction_read_only = on
INSERT INTO nn VALUES (3, 'c', 1, NULL) RETURNING id
ROLLBACK
BEGIN
SAVEPOINT s
SET TRANSACTION READ ONLY
INSERT INTO nn VALUES (4, 'd', 1, NULL)
ROLLBACK TO s
SHOW transaction_read_only
INSERT INTO nn VALUES (4, 'd', 1, NULL) RETURNING id
COMMIT
BEGIN READ ONLY
SET transaction_read_only = off
INSERT INTO nn VALUES (5, 'e', 1, NULL) RETURNING id
ROLLBACK
INSERT INTO nn VALUES (1, 'a', 1, NULL)
