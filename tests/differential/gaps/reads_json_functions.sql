-- schema: tests/differential/schemas/reads.sql
-- Parity gaps of corpus/reads_json_functions.sql: cases PostgreSQL 15 still
-- answers differently from the twin. tests/differential/test_gaps.py runs
-- each as a strict expected failure, so a case that starts to agree fails
-- until it moves back to that corpus.
--
-- json_each_record: json[b]_each[_text] return records (key, value); the
--   twin has no record results in the target list nor multi-column
--   functions in FROM (0A000).

-- case: json_each_record
SELECT * FROM jsonb_each('{"a":1,"b":"x"}')
SELECT key, value FROM json_each_text('{"a":1,"b":null}')
SELECT jsonb_each('{"a":1}')
