-- Parity gaps of corpus/reads_regex_are.sql: cases PostgreSQL 15 still
-- answers differently from the twin. tests/differential/test_gaps.py runs
-- each as a strict expected failure, so a case that starts to agree fails
-- until it moves back to that corpus.
--
-- are_ambiguous_captures: capture groups that two parses of the chosen
--   match would place differently (PostgreSQL's subexpression priority
--   decides: earlier groups first, each by its own greediness), and a
--   capture group inside a repetition (its last iteration): refused
--   (0A000) by the functions that read the groups.

-- case: are_ambiguous_captures
SELECT regexp_match('abcd', '(a|ab)(c|bcd)(d*)')
SELECT regexp_match('abb', 'a*b*?(b*)')
SELECT regexp_match('xabcx', '(a|b)*c')
SELECT regexp_replace('xaby', '(a|ab)(y|by)', '<\2>', 'g')
SELECT regexp_match('aaab', '(a+?)(a*)b')
SELECT regexp_replace('bbbbacab', '([ab]{1,}){1,2}', '<\1>')
