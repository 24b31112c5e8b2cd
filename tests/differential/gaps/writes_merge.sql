-- schema: tests/differential/schemas/constraints.sql
-- Parity gaps of corpus/writes_merge.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- merge_set_returning_insert_values: a set-returning call in an INSERT
--   action's VALUES, which PostgreSQL rejects when the action runs
--   ("set-valued function called in context that cannot accept a set");
--   the twin refuses it (0A000) at analysis.
-- merge_non_boolean_on: an ON condition of a type other than boolean,
--   which PostgreSQL 15 does not coerce (MERGE's join condition); the twin
--   refuses it (0A000).
-- merge_prepare: PREPARE … AS MERGE, refused (0A000) as PREPARE of any
--   write statement is; the extended protocol's Parse runs MERGE.
-- merge_untyped_parameter_in_source: `$n` without a value in a simple query
--   inside the source's VALUES: PostgreSQL's 42P02 comes from parse
--   analysis, the twin types the parameter (as text) and fails on `=` first.

-- case: merge_set_returning_insert_values
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (generate_series(5, 6), 'g')
SELECT * FROM nn ORDER BY id


-- case: merge_untyped_parameter_in_source
MERGE INTO nn t USING (VALUES ($1)) s (id) ON t.id = s.id WHEN MATCHED THEN DELETE


-- case: merge_non_boolean_on
INSERT INTO nn VALUES (1, 'a', 1, NULL)
MERGE INTO nn t USING (VALUES (1)) s (id) ON 1 WHEN MATCHED THEN DO NOTHING


-- case: merge_prepare
INSERT INTO nn VALUES (1, 'a', 1, NULL)
PREPARE m (integer) AS MERGE INTO nn t USING (VALUES ($1)) s (id) ON t.id = s.id WHEN MATCHED THEN DELETE
EXECUTE m (1)
SELECT * FROM nn


