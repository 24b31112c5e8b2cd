-- schema: tests/differential/schemas/types.sql
-- COPY FROM STDIN / TO STDOUT in text and CSV format against the per-type
-- tables: good rows for every type, NULL markers, escapes and quoting,
-- HEADER, DELIMITER, FORCE_NULL / FORCE_NOT_NULL, bad rows (the error's
-- CONTEXT line names the COPY line and column), atomicity (a failed COPY
-- leaves nothing), COPY inside transactions, and option errors. A COPY
-- FROM STDIN line is followed by its data up to a line holding only `\.`
-- (text-format data lines are tab separated); COPY TO STDOUT output is
-- compared byte for byte.

-- case: copy_text_basic
COPY ints FROM STDIN
1	1	2	3
2	\N	-5	9223372036854775807
3	-32768	  7	+8
\.
INSERT INTO ints (id) VALUES (2)
COPY ints TO STDOUT


-- case: copy_column_list
COPY ints (id, b) FROM STDIN
1	10
2	\N
\.
COPY ints (b, id) FROM STDIN
30	3
\.
COPY ints TO STDOUT
COPY ints (b) TO STDOUT


-- case: copy_empty_data
COPY ints FROM STDIN
\.
COPY ints TO STDOUT
COPY ints (id) FROM STDIN WITH (FORMAT csv)
\.


-- case: copy_bad_integer_has_context
COPY ints FROM STDIN
1	1	2	3
2	1	x	3
\.
COPY ints FROM STDIN
1	1	2	3
2	99999	1	1
\.
COPY ints FROM STDIN
1	1	2	3
\.
COPY ints TO STDOUT


-- case: copy_extra_and_missing_columns
COPY ints FROM STDIN
1	2	3	4	5
\.
COPY ints FROM STDIN
1	2
\.
COPY ints (id, s) FROM STDIN
1
\.
COPY ints TO STDOUT


-- case: copy_text_comment_like_rows
COPY bag (b) FROM STDIN
-- not a comment
--
---- neither is this
\.
COPY bag (b) TO STDOUT


-- case: copy_varchar_and_char
COPY strs (id, v, c, t) FROM STDIN
1	abcde	ab	end
2	ab   	abc   	end
\.
COPY strs (id, v) FROM STDIN
3	abcdefg
\.
COPY strs (id, c) FROM STDIN
4	abcd
\.
COPY strs (id, v, c, t) TO STDOUT


-- case: copy_csv_basic
COPY strs (id, t) FROM STDIN WITH (FORMAT csv)
1,"a,b"
2,"say ""hi"""
3,
4,""
5,plain text
6,"multi
line"
7, spaced
\.
COPY strs (id, t) TO STDOUT WITH (FORMAT csv)
COPY strs (id, t) TO STDOUT


-- case: copy_csv_header
COPY ints (id, i) FROM STDIN WITH (FORMAT csv, HEADER true)
id,i
1,10
2,20
\.
COPY ints (id, i) FROM STDIN WITH (FORMAT csv, HEADER)
whatever,header
3,30
\.
COPY ints (id, i) TO STDOUT WITH (FORMAT csv, HEADER)
COPY ints TO STDOUT WITH CSV HEADER


-- case: copy_text_header
COPY ints (id, i) FROM STDIN WITH (HEADER true)
id	i
1	10
\.
COPY ints (id, i) TO STDOUT WITH (HEADER true)


-- case: copy_csv_null_marker
COPY strs (id, t) FROM STDIN WITH (FORMAT csv, NULL 'NULL')
1,NULL
2,"NULL"
3,
4,""
\.
COPY strs (id, t) TO STDOUT WITH (FORMAT csv, NULL 'NULL')
COPY strs (id, t) TO STDOUT WITH (FORMAT csv)


-- case: copy_csv_force_null_and_not_null
COPY strs (id, t, vu) FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL (t), FORCE_NULL (vu))
1,,""
2,"",
3,a,b
\.
COPY strs (id, t, vu) TO STDOUT WITH (FORMAT csv)
COPY strs (id, t, vu) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE *)
COPY strs (id, t, vu) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE (t))


-- case: copy_csv_delimiter_and_quote
COPY strs (id, t) FROM STDIN WITH (FORMAT csv, DELIMITER ';')
1;a,b
2;"x;y"
\.
COPY strs (id, t) FROM STDIN WITH (FORMAT csv, QUOTE '''')
3,'it''s, quoted'
\.
COPY strs (id, t) TO STDOUT WITH (FORMAT csv, DELIMITER '|')
COPY strs (id, t) TO STDOUT WITH (FORMAT csv, QUOTE '''')


-- case: copy_csv_errors
COPY strs (id, t) FROM STDIN WITH (FORMAT csv)
1,"unterminated
\.
COPY strs (id, t) FROM STDIN WITH (FORMAT csv)
1,a,b
\.
COPY strs (id, t) FROM STDIN WITH (FORMAT csv)
x,a
\.
COPY strs (id, t) TO STDOUT


-- case: copy_text_options
COPY strs (id, t) FROM STDIN WITH (DELIMITER ',', NULL 'NA')
1,NA
2,x
3,\N
\.
COPY strs (id, t) TO STDOUT WITH (DELIMITER ',', NULL 'NA')
COPY strs (id, t) TO STDOUT WITH (NULL '')


-- case: copy_numeric_and_float_values
COPY nums FROM STDIN
1	1.5	123.456	12.5	0.00005
2	NaN	-0.001	-7	1e3
3	\N	\N	\N	\N
\.
COPY nums TO STDOUT
COPY floats FROM STDIN
1	0.1	0.1
2	NaN	-Infinity
3	1e-45	1e308
4	-0	123456789.123456789
\.
COPY floats TO STDOUT
COPY floats TO STDOUT WITH (FORMAT csv)


-- case: copy_numeric_overflow
COPY nums (id, n52) FROM STDIN
1	999.99
2	1000
\.
COPY nums (id, n52) TO STDOUT


-- case: copy_bool_and_uuid_values
COPY bools FROM STDIN
1	t
2	yes
3	off
4	\N
5	  TRUE
\.
COPY bools TO STDOUT
COPY uuids FROM STDIN
1	A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11
2	{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12}
\.
COPY uuids TO STDOUT


-- case: copy_bool_and_uuid_errors
COPY bools FROM STDIN
1	maybe
\.
COPY uuids FROM STDIN
1	not-a-uuid
\.


-- case: copy_datetime_values
COPY times FROM STDIN
1	2024-02-29	2024-02-29 23:59:59.5	2024-01-01 10:00+05	24:00:00	1 day 02:00:00
2	infinity	-infinity	epoch	allballs	-1 mons
3	4713-01-01 BC	0001-01-01 00:00:00 BC	2024-07-01 12:00 Europe/Berlin	10:00 PM	P1Y2M
\.
COPY times TO STDOUT
COPY times TO STDOUT WITH (FORMAT csv)
SET TimeZone = 'America/New_York'
COPY times (id, tstz) TO STDOUT


-- case: copy_datetime_errors
COPY times (id, d) FROM STDIN
1	2024-02-29
2	2023-02-29
\.
COPY times (id, ts) FROM STDIN
1	2024-01-01 25:00
\.
COPY times (id, iv) FROM STDIN
1	1 fortnight
\.
COPY times (id, d) TO STDOUT


-- case: copy_json_bytea_arrays
COPY docs FROM STDIN
1	{"b": [1, 2], "a": 1}	{"b": [1, 2], "a": 1}
2	"tab\\tinside"	[1, 2.50, null]
\.
COPY docs TO STDOUT
COPY docs TO STDOUT WITH (FORMAT csv)
COPY blobs FROM STDIN
1	\\x0102ff
2	abc
3	\\000
\.
COPY blobs TO STDOUT
COPY arrs (id, ia, ta) FROM STDIN
1	{1,2,NULL}	{"a b","c,d",NULL}
2	{}	{}
\.
COPY arrs (id, ia, ta) TO STDOUT
COPY arrs (id, ia, ta) TO STDOUT WITH (FORMAT csv)


-- case: copy_atomic_on_error
COPY bag FROM STDIN
1	a	1.5
2	b	bad
\.
COPY bag TO STDOUT
COPY bag FROM STDIN
1	a	1.5
\.
COPY bag TO STDOUT


-- case: copy_in_transaction
BEGIN
COPY bag FROM STDIN
1	a	1
\.
ROLLBACK
COPY bag TO STDOUT
BEGIN
COPY bag FROM STDIN
2	b	2
\.
COPY bag FROM STDIN
3	c	x
\.
COPY bag FROM STDIN
4	d	4
\.
ROLLBACK
COPY bag TO STDOUT
BEGIN
COPY bag FROM STDIN
5	e	5
\.
SAVEPOINT s
COPY bag FROM STDIN
6	f	6
\.
ROLLBACK TO s
COMMIT
COPY bag TO STDOUT


-- case: copy_many_rows
COPY bag (a, b) FROM STDIN WITH (FORMAT csv)
1,r1
2,r2
3,r3
4,r4
5,r5
6,r6
7,r7
8,r8
9,r9
10,r10
11,r11
12,r12
13,r13
14,r14
15,r15
16,r16
17,r17
18,r18
19,r19
20,r20
21,r21
22,r22
23,r23
24,r24
25,r25
\.
COPY bag (a) TO STDOUT


-- case: copy_in_failed_transaction
BEGIN
SELECT 1 / 0
COPY bag FROM STDIN
1	a	1
\.
COPY bag TO STDOUT
ROLLBACK
COPY bag TO STDOUT


-- case: copy_tags
COPY bag FROM STDIN WITH (FORMAT csv)
1,a,1
2,b,2
\.
COPY bag TO STDOUT
COPY bag (a) TO STDOUT WITH (FORMAT csv, HEADER)


-- case: copy_blank_line_is_a_row
COPY strs (t) FROM STDIN
\.
COPY bag (b) FROM STDIN
first

last
\.
COPY bag TO STDOUT
COPY ints FROM STDIN
1	1	1	1

\.


-- case: copy_text_escapes
COPY strs (id, t) FROM STDIN
1	tab\there
2	back\\slash
3	new\nline
4	\x41\102\103
5	--not a comment
6	\N
7	\\N
8	carriage\rreturn
9	\v\f\b
10	ünïcödé
\.
COPY strs (id, t) TO STDOUT
COPY strs (id, t) TO STDOUT WITH (FORMAT csv)


-- case: copy_csv_header_match
COPY ints (id, i) FROM STDIN WITH (FORMAT csv, HEADER match)
id,i
1,10
\.
COPY ints (id, i) FROM STDIN WITH (FORMAT csv, HEADER match)
id,wrong
2,20
\.
COPY ints (id, i) TO STDOUT


-- case: copy_json_bytea_array_errors
COPY docs (id, jb) FROM STDIN
1	{"a":
\.
COPY blobs FROM STDIN
1	\\xZZ
\.
COPY arrs (id, ia) FROM STDIN
1	{1,2
\.
COPY arrs (id, va) FROM STDIN
1	{abcd}
\.


-- case: copy_option_errors
COPY nope FROM STDIN
\.
COPY ints (nope) FROM STDIN
\.
COPY ints (id, id) FROM STDIN
\.
COPY ints FROM STDIN WITH (FORMAT xml)
\.
COPY ints FROM STDIN WITH (FORMAT csv, DELIMITER ',,')
\.
COPY ints FROM STDIN WITH (DELIMITER '\')
\.
COPY ints FROM STDIN WITH (FORMAT csv, QUOTE '"', QUOTE '"')
\.
COPY ints FROM STDIN WITH (QUOTE '"')
\.
COPY ints FROM STDIN WITH (FORCE_NULL (i))
\.
COPY ints TO STDOUT WITH (FORMAT csv, FORCE_NULL (i))
COPY ints TO STDOUT WITH (FORMAT csv, FORCE_QUOTE (nope))
COPY nope TO STDOUT
COPY ints (nope) TO STDOUT


-- case: copy_special_words
COPY times (id, d, ts, tstz) FROM STDIN
1	today	now	now
2	tomorrow	today	yesterday
3	epoch	infinity	-infinity
\.
UPDATE times SET id = id WHERE d = current_date AND ts = localtimestamp AND tstz = now() RETURNING id
UPDATE times SET id = id WHERE d = current_date + 1 AND ts = current_date AND tstz = current_date - 1 RETURNING id


-- case: copy_header_match
COPY ints (id, i) FROM STDIN WITH (FORMAT csv, HEADER match)
id,i
1,10
\.
COPY ints (id, i) FROM STDIN WITH (FORMAT csv, HEADER match)
id,wrong
2,20
\.
COPY ints (id, i) FROM STDIN WITH (HEADER match)
id	i
3	30
\.
COPY ints (id, i) FROM STDIN WITH (HEADER match)
id
\.
COPY ints (id, i) FROM STDIN WITH (HEADER match)
\N	i
\.
COPY ints (id, i) FROM STDIN WITH (HEADER match, FORMAT csv)
ID,i
\.
COPY ints (id, i) FROM STDIN WITH (HEADER match, FORMAT csv)
"id","i"
5,50
\.
COPY ints (id, i) FROM STDIN WITH (HEADER match, FORMAT csv)
\.
COPY ints (id, i) FROM STDIN WITH (HEADER match, FORMAT csv)
id,i,x
\.
COPY ints (id, i) FROM STDIN WITH (HEADER match, FORMAT csv, NULL 'id')
id,i
\.
COPY ints (id, i) FROM STDIN WITH (HEADER true)
\.
COPY ints TO STDOUT WITH (HEADER match)
COPY ints FROM STDIN WITH (HEADER maybe)
\.
COPY ints FROM STDIN WITH (HEADER 2)
\.
COPY ints FROM STDIN WITH (FORMAT csv, HEADER)
id,s,i,b
6,,,
\.
COPY ints (id, i) TO STDOUT
COPY ints TO STDOUT WITH (FORMAT csv, HEADER on)


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
