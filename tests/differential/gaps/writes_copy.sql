-- schema: tests/differential/schemas/types.sql
-- Parity gaps of corpus/writes_copy.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- copy_datestyle_affects_input: COPY FROM reading dates under DateStyle
--   DMY (the twin speaks ISO, MDY only).
-- copy_encoding_latin1: COPY ... WITH (ENCODING 'latin1').

-- case: copy_datestyle_affects_input
SET DateStyle = 'ISO, DMY'
COPY times (id, d) FROM STDIN
1	02/03/2024
\.
SET DateStyle = 'ISO, MDY'
COPY times (id, d) FROM STDIN
2	02/03/2024
\.
COPY times (id, d) TO STDOUT


-- case: copy_encoding_latin1
COPY strs (id, t) FROM STDIN WITH (ENCODING 'latin1')
1	café
\.
COPY strs (id, t) TO STDOUT
COPY strs (id, t) TO STDOUT WITH (ENCODING 'LATIN1')
