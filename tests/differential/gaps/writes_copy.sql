-- schema: tests/differential/schemas/types.sql
-- COPY FROM STDIN / TO STDOUT in text and CSV format against the per-type
-- tables: good rows for every type, NULL markers, escapes and quoting,
-- HEADER, DELIMITER, FORCE_NULL / FORCE_NOT_NULL, bad rows (the error's
-- CONTEXT line names the COPY line and column), atomicity (a failed COPY
-- leaves nothing), COPY inside transactions, and option errors. A COPY
-- FROM STDIN line is followed by its data up to a line holding only `\.`
-- (text-format data lines are tab separated); COPY TO STDOUT output is
-- compared byte for byte.
-- Known parity gaps: cases PostgreSQL answers differently from the twin
-- today. tests/differential/test_gaps.py requires each to still differ, so a
-- fixed gap fails until it moves back to tests/differential/corpus/.

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
