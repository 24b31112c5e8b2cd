-- schema: tests/differential/schemas/reads.sql
-- Parity gaps of corpus/reads_edge_answers.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- edge_datetime_constant_folding_errors: PostgreSQL's planner folds an
--   immutable operator over date/timestamp/interval literals and raises
--   its error (infinite operands, out of range) at planning, even when no
--   row reaches it or COALESCE would stop before it. The twin does not
--   fold datetime literals (their input depends on DateStyle/TimeZone and
--   plans are cached across settings), so it raises such an error only
--   per row; and conversely, a COALESCE that PostgreSQL decides at a
--   datetime literal drops its later arguments unevaluated, where the
--   twin keeps them and raises their folding errors (make_date here).
--   Found by property/test_random_differential.py, whose generator
--   therefore gives every such operator a column operand.


-- case: edge_datetime_constant_folding_errors
SELECT ('-infinity'::timestamp - 'infinity'::timestamp) FROM customers
SELECT coalesce(id, ('infinity'::date - '5874897-12-31'::date)) FROM customers
SELECT '5874897-12-31'::date + 30 FROM customers WHERE false
SELECT age('294276-12-31 23:59:59'::timestamp, '-infinity'::timestamp) FROM customers
SELECT coalesce('infinity'::date, make_date(-44, 2, 29))
