-- Parity gaps of corpus/reads_jsonpath.sql: cases PostgreSQL 15 still
-- answers differently from the twin. tests/differential/test_gaps.py runs
-- each as a strict expected failure, so a case that starts to agree fails
-- until it moves back to that corpus.
--
-- jsonpath_datetime_other_forms: .datetime() reads only the exact ISO
--   forms (yyyy-mm-dd, HH24:MI:SS, TZH[:TZM], space or T) with valid
--   fields; PostgreSQL's parse_datetime reads more (one-digit fields,
--   longer years, fractions, leading spaces) and rejects the rest with
--   22031; .datetime(template) and comparisons of datetime values are
--   refused as well (0A000).

-- case: jsonpath_datetime_other_forms
SELECT jsonb_path_query('"abc"', '$.datetime()')
SELECT jsonb_path_query('"2017-13-10"', '$.datetime()')
SELECT jsonb_path_query('"2017-03-10 12:34:56.5"', '$.datetime()')
SELECT jsonb_path_query('"2017-3-1"', '$.datetime()')
SELECT jsonb_path_query('"10-03-2017"', '$.datetime("dd-mm-yyyy")')
SELECT jsonb_path_query('"2017-03-10"', '$.datetime() ? (@ > "2017-01-01".datetime())')
