-- schema: tests/differential/schemas/constraints.sql
-- Writes inside transactions: ROLLBACK discards everything, an error puts
-- the block in the failed state (25P02 for every further statement, COMMIT
-- answers ROLLBACK), savepoints undo exactly their part (rows, updates,
-- deletes, cascades), RELEASE keeps it, several statements in one simple
-- Query form one implicit transaction. Inserting a key again (23505 or
-- success) shows what survived.
-- Known parity gaps: cases PostgreSQL answers differently from the twin
-- today. tests/differential/test_gaps.py requires each to still differ, so a
-- fixed gap fails until it moves back to tests/differential/corpus/.

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

