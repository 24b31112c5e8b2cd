-- Parity gaps of corpus/cursors.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- default_scrollability_depends_on_the_plan: a cursor declared with
--   neither SCROLL nor NO SCROLL is scrollable in PostgreSQL only when its
--   plan can run backward (a table scan can, `SELECT 1` cannot); the
--   twin's cursors hold their rows and always can, and pg_cursors says so.

-- case: default_scrollability_depends_on_the_plan
BEGIN
DECLARE c1 CURSOR FOR SELECT 1
SELECT name, is_scrollable FROM pg_cursors
FETCH BACKWARD 1 FROM c1
COMMIT
