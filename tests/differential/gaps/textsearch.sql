-- Parity gaps of corpus/textsearch.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- empty_tsquery_literal_notice: tsqueryin of a text without lexemes raises
--   a NOTICE ("text-search query doesn't contain lexemes") positioned at
--   the literal; the twin's input functions cannot raise notices, so the
--   value is right but the NOTICE is missing.

-- case: empty_tsquery_literal_notice
SELECT ''::tsquery
SELECT 'a:1'::tsvector @@ ''::tsquery
