-- schema: tests/differential/schemas/types.sql
-- COPY … (FORMAT binary) against the per-type tables: COPY TO STDOUT of a
-- table, a column list and a query in every type's send format (compared
-- byte for byte: header, per-tuple field counts and lengths, NULLs, the
-- trailer), binary COPY FROM STDIN fed text (the signature check, with
-- no CONTEXT line) and the options binary mode refuses. Well-formed binary
-- input needs raw bytes: tests/test_copy_binary_clients.py sends it through
-- psycopg 3, asyncpg and ADBC.

-- case: copy_binary_to_every_type
INSERT INTO ints VALUES (1, -32768, 2147483647, -9223372036854775808), (2, NULL, 0, NULL)
INSERT INTO nums VALUES (1, 'NaN', 123.45, -999, 0.0001), (2, 1e-20, -0.5, NULL, 123456.7891)
INSERT INTO floats VALUES (1, 1.5, -0.0), (2, 'Infinity', 'NaN'), (3, NULL, 1e300)
INSERT INTO strs VALUES (1, E'tab\there é', 'abc', 'x', '', 'z'), (2, NULL, NULL, NULL, NULL, NULL)
INSERT INTO bools VALUES (1, true), (2, false), (3, NULL)
INSERT INTO times VALUES (1, '2024-02-29', '2024-01-02 03:04:05.678', '2024-06-01 12:00+02', '23:59:59.5', '1 year 2 mons 3 days 04:05:06'), (2, 'infinity', '-infinity', NULL, NULL, '-1 day')
INSERT INTO uuids VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), (2, NULL)
INSERT INTO docs VALUES (1, '{"b": 1, "a": [1, 2]}', '{"b": 1, "a": [1, 2]}'), (2, '"s"', 'null')
INSERT INTO blobs VALUES (1, '\x00ff10'), (2, ''), (3, NULL)
INSERT INTO arrs VALUES (1, '{1,NULL,3}', '{a,"b c"}', '{1.5,-2}', '{ab}', '{t,f}', '{2024-01-01}'), (2, '{}', NULL, '{}', '{NULL}', NULL, '{}')
COPY ints TO STDOUT (FORMAT binary)
COPY nums TO STDOUT (FORMAT binary)
COPY floats TO STDOUT (FORMAT binary)
COPY strs TO STDOUT (FORMAT binary)
COPY bools TO STDOUT (FORMAT binary)
COPY times TO STDOUT (FORMAT binary)
COPY uuids TO STDOUT (FORMAT binary)
COPY docs TO STDOUT (FORMAT binary)
COPY blobs TO STDOUT (FORMAT binary)
COPY arrs TO STDOUT (FORMAT binary)
COPY arrs (va, id) TO STDOUT WITH (FORMAT binary)
COPY bag TO STDOUT (FORMAT binary)


-- case: copy_binary_query_to_stdout
INSERT INTO ints VALUES (1, 1, 2, 3), (2, NULL, 5, 6)
COPY (SELECT id, i + 1 AS next, 'x' || id AS label, NULL::text AS nothing FROM ints ORDER BY id) TO STDOUT (FORMAT binary)
COPY (SELECT 1 WHERE false) TO STDOUT (FORMAT binary)
COPY (VALUES (1.5::numeric, true)) TO STDOUT WITH (FORMAT binary)


-- case: copy_binary_from_text_data
COPY ints FROM STDIN (FORMAT binary)
1	1	2	3
\.
COPY ints (id) FROM STDIN WITH (FORMAT 'binary')
PGCOPY
\.
COPY ints TO STDOUT


-- case: copy_binary_option_errors
COPY ints TO STDOUT (FORMAT binary, DELIMITER '|')
COPY ints FROM STDIN (FORMAT binary, NULL '')
\.
COPY ints TO STDOUT (FORMAT binary, HEADER)
COPY ints FROM STDIN (FORMAT binary, HEADER match)
\.
COPY ints TO STDOUT (FORMAT binary, QUOTE '"')
COPY ints TO STDOUT (FORMAT binary, FORCE_QUOTE (i))
COPY ints FROM STDIN (FORMAT binary, FORCE_NOT_NULL (i))
\.
COPY ints TO STDOUT (FORMAT binary, FREEZE)
COPY ints TO STDOUT (FORMAT binary, ENCODING 'latin1')
COPY ints TO STDOUT (FORMAT binary, ENCODING 'klingon')
COPY ints (nosuch) TO STDOUT (FORMAT binary, DELIMITER '|')
