-- schema: tests/differential/schemas/types.sql
-- Parity gaps of corpus/writes_copy.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- copy_encoding_latin1: COPY ... WITH (ENCODING 'latin1').

-- case: copy_encoding_latin1
COPY strs (id, t) FROM STDIN WITH (ENCODING 'latin1')
1	café
\.
COPY strs (id, t) TO STDOUT
COPY strs (id, t) TO STDOUT WITH (ENCODING 'LATIN1')
