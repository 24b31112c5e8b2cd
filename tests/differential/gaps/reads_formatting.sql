-- schema: tests/differential/schemas/reads.sql
-- Parity gaps of corpus/reads_formatting.sql: cases PostgreSQL 15 still
-- answers differently from the twin. tests/differential/test_gaps.py runs
-- each as a strict expected failure, so a case that starts to agree fails
-- until it moves back to that corpus.
--
-- regex_non_greedy: non-greedy quantifiers, whose meaning differs (in
--   PostgreSQL the whole RE takes the greediness of its first quantifier);
--   refused (0A000) by the functions that return matched text.
-- regex_alternation_captures: alternation in a pattern with capture
--   groups (PostgreSQL's subexpression rules); refused (0A000).
-- regex_lookahead: (?= … ) and the other (? … ) forms but (?: … ); 0A000.
-- regex_context_sensitive_end: a pattern ending in $, \M or \y whose
--   longest match differs from Python's first one; refused (0A000).

-- case: regex_non_greedy
SELECT regexp_match('XY1234Z', 'Y*?([0-9]{1,3})')
SELECT regexp_match('aaa', 'a*?')


-- case: regex_alternation_captures
SELECT regexp_match('abcd', '(a|ab)(c|bcd)')


-- case: regex_lookahead
SELECT regexp_match('abc', '(?=b)')


-- case: regex_context_sensitive_end
SELECT regexp_substr('ab', 'a|ab$')
