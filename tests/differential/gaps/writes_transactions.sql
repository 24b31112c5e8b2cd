-- schema: tests/differential/schemas/constraints.sql
-- Parity gaps of corpus/writes_transactions.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- read_write_mode_after_first_query: SET TRANSACTION READ WRITE after the
--   transaction's first query, or inside a read-only one, is 25001 in
--   PostgreSQL; the twin accepts it.

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
