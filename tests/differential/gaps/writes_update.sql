-- schema: tests/differential/schemas/constraints.sql
-- Parity gaps of corpus/writes_update.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- update_multiple_assignment_from_subselect: UPDATE ... SET (a, b) =
--   (SELECT ...), which the twin refuses (0A000).

-- case: update_multiple_assignment_from_subselect
INSERT INTO checks (id, lo, hi) VALUES (1, 1, 2)
UPDATE checks SET (lo, hi) = (SELECT 3, 4) RETURNING lo, hi
UPDATE checks SET (lo, hi) = (SELECT hi, lo) WHERE id = 1 RETURNING lo, hi
