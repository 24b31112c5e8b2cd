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


-- case: read_write_mode_after_first_query
BEGIN READ ONLY
SELECT 1
SET TRANSACTION READ WRITE
ROLLBACK
BEGIN READ ONLY
SAVEPOINT s
SET TRANSACTION READ WRITE
ROLLBACK
BEGIN READ ONLY
SHOW transaction_read_only
SET transaction_read_only = off
SHOW transaction_read_only
ROLLBACK
