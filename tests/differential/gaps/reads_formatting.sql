-- schema: tests/differential/schemas/reads.sql
-- Parity gaps of corpus/reads_formatting.sql: cases PostgreSQL 15 still
-- answers differently from the twin. tests/differential/test_gaps.py runs
-- each as a strict expected failure, so a case that starts to agree fails
-- until it moves back to that corpus.
--
-- format_variadic_array: format(text, VARIADIC array); the typer refuses
--   a VARIADIC argument (0A000).

-- case: format_variadic_array
SELECT format('%s', VARIADIC ARRAY['a','b']), format('%2$s', VARIADIC ARRAY['a','b'])
