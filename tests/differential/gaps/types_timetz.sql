-- Parity gaps of corpus/types_timetz.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- precision_over_six_warns: TIME(7) WITH TIME ZONE (a cast, a column, or
--   CURRENT_TIME(7)) is reduced to 6 with a WARNING in PostgreSQL; the twin
--   reduces it silently (time and timestamp share the gap).
-- negative_precision_position: the 22023 for timetz(-1) in CREATE TABLE
--   carries PostgreSQL's error position; the twin's has none.

-- case: precision_over_six_warns
SELECT '10:00+01'::timetz(7)::text


-- case: negative_precision_position
CREATE TABLE q (a timetz(-1))
