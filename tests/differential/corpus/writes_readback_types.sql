-- schema: tests/differential/schemas/types.sql
-- Stored values of every type read back with SELECT ... FROM (needs the
-- read path): what INSERT, UPDATE and COPY stored must come back with the
-- same text, type OIDs and typmod-shaped output as in PostgreSQL.

-- case: readback_ints_and_numerics
INSERT INTO ints VALUES (1, -32768, -2147483648, -9223372036854775808), (2, 32767, 2147483647, 9223372036854775807), (3, NULL, 0, NULL)
SELECT * FROM ints ORDER BY id
INSERT INTO nums VALUES (1, 1.50, 123.456, 12.5, 0.00005), (2, 'NaN', 'NaN', NULL, '-Infinity'::numeric(10,4))
INSERT INTO nums VALUES (2, 'NaN', 'NaN', NULL, 1), (3, '-inf', -999.994, 999.4, 123456.78905)
SELECT * FROM nums ORDER BY id
SELECT id, n52::text, n10::text FROM nums ORDER BY id


-- case: readback_floats
INSERT INTO floats VALUES (1, 0.1, 0.1), (2, 'NaN', '-Infinity'), (3, '-0', 1e308), (4, 16777217, 123456789.123456789)
SELECT * FROM floats ORDER BY id
SELECT id, r::text, d::text FROM floats ORDER BY id
SET extra_float_digits = 0
SELECT id, r::text, d::text FROM floats ORDER BY id


-- case: readback_strings
INSERT INTO strs VALUES (1, 'it''s', 'ab   ', 'ab', 'x', 'y'), (2, E'tab\tnl\n', 'abcde   ', 'abc   ', NULL, 'z ')
SELECT * FROM strs ORDER BY id
SELECT id, length(v), length(c), octet_length(c), c = 'ab', c1 FROM strs ORDER BY id
UPDATE strs SET v = v || 'x' WHERE id = 1
UPDATE strs SET v = v || 'x' WHERE id = 2
SELECT id, v FROM strs ORDER BY id


-- case: readback_copy_round_trip
COPY bag FROM STDIN WITH (FORMAT csv)
1,"a,b",1.5
2,,2
,"",
\.
SELECT * FROM bag ORDER BY a NULLS LAST
SELECT a, b IS NULL, b = '', c FROM bag ORDER BY a NULLS FIRST


-- case: readback_uuid_json_bytea_arrays
INSERT INTO uuids VALUES (1, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')
INSERT INTO docs VALUES (1, '{"b":1, "a":[1,2]}', '{"b":1, "a":[1,2]}')
INSERT INTO blobs VALUES (1, '\x00ff'), (2, 'a\\b')
INSERT INTO arrs (id, ia, ta, na) VALUES (1, '{1,NULL}', '{"a b",""}', '{1.25}')
SELECT * FROM uuids
SELECT id, j::text, jb::text, jb -> 'a', j ->> 'b' FROM docs
SELECT * FROM blobs ORDER BY id
SET bytea_output = 'escape'
SELECT id, b::text FROM blobs ORDER BY id
SELECT id, ia, ta, na, ia[2] IS NULL, array_length(ta, 1) FROM arrs


-- case: readback_datetimes
INSERT INTO times VALUES (1, '2024-02-29', '2024-02-29 24:00', '2024-01-01 10:00+05', '24:00', '1-2'), (2, 'infinity', '2024-01-01 10:00:00.1234567', '2024-07-01 12:00 Europe/Berlin', '10:00 PM', 'P1DT2H')
SELECT id, d::text, ts::text, tstz::text, tm::text, iv::text FROM times ORDER BY id
SET TimeZone = 'Asia/Kolkata'
SELECT id, tstz::text FROM times ORDER BY id
SET IntervalStyle = 'iso_8601'
SELECT id, iv::text FROM times ORDER BY id
SET DateStyle = 'German'
SELECT id, d::text, ts::text FROM times ORDER BY id
