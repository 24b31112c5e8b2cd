-- schema: tests/differential/schemas/identity.sql
-- Parity gaps of corpus/writes_sequences.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- sequence_literal_resolved_per_call: PostgreSQL resolves a sequence
--   function's literal name (a regclass constant) in parse analysis, so a
--   missing one is an error even when no row calls the function; the twin
--   resolves it when the call runs (as it does a literal cast to regclass:
--   compile._reg_cast), so over no rows there is no error.

-- case: sequence_literal_resolved_per_call
SELECT id, nextval('nope') FROM ser
SELECT id, 'nope'::regclass FROM ser
