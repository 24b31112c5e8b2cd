-- schema: tests/differential/schemas/identity.sql
-- Parity gaps of corpus/writes_sequences.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- sequence_name_errors: nextval/currval/setval of a missing sequence; the
--   twin's 42P01 lacks the position PostgreSQL gives (LINE 1 and caret).
-- sequence_functions_types: nextval('') is 42602 (invalid name syntax) in
--   PostgreSQL; the twin says 42P01.

-- case: sequence_name_errors
SELECT nextval('nope')
SELECT nextval('public.nope')
SELECT currval('nope')
SELECT setval('nope', 1)
SELECT nextval('ser')
SELECT nextval('Counter')
SELECT nextval('"counter"')
SELECT nextval('public.counter')


-- case: sequence_functions_types
SELECT nextval('counter') + 1, pg_typeof(nextval('counter'))
SELECT setval('counter', 5::int), setval('counter'::regclass, 6)
SELECT nextval(NULL)
SELECT nextval('')
