-- schema: tests/differential/schemas/constraints.sql
-- COPY FROM STDIN against constraints: NOT NULL, CHECK and UNIQUE failures
-- carry the COPY line in CONTEXT; foreign keys are checked once the whole
-- COPY is in (so rows may reference rows later in the same data); a failed
-- COPY leaves nothing behind. Text-format data lines are tab separated.

-- case: copy_good_rows_then_duplicates_rejected
COPY nn FROM STDIN
1	a	1	\N
2	b	2	x
\.
INSERT INTO nn VALUES (1, 'a', 1, NULL)
COPY nn TO STDOUT

-- case: copy_not_null_failure
COPY nn FROM STDIN
1	a	1	\N
2	\N	2	\N
\.
COPY nn (id, a) FROM STDIN
3	c
\.
COPY nn (id, b) FROM STDIN
4	4
\.
COPY nn TO STDOUT

-- case: copy_check_failure
COPY checks (id, qty, lo, hi) FROM STDIN
1	1	1	2
2	0	1	2
\.
COPY checks (id, lo, hi) FROM STDIN WITH (FORMAT csv)
3,5,4
\.
COPY checks (id, qty, pct, code) FROM STDIN WITH (FORMAT csv)
4,,,
5,1,100.004,abc
\.
COPY checks TO STDOUT

-- case: copy_unique_within_data
COPY uniq (id, email) FROM STDIN
1	a
2	b
3	a
\.
COPY uniq (id, email) TO STDOUT
COPY uniq (id, email) FROM STDIN
1	a
2	\N
3	\N
\.
COPY uniq (id, email) TO STDOUT

-- case: copy_unique_against_existing
INSERT INTO uniq (id, email) VALUES (1, 'a')
COPY uniq (id, email) FROM STDIN WITH (FORMAT csv)
2,b
3,a
\.
COPY uniq (id, email) FROM STDIN WITH (FORMAT csv)
1,z
\.
COPY uniq (id, email) TO STDOUT WITH (FORMAT csv)

-- case: copy_composite_keys
COPY pk2 FROM STDIN
1	x	v1
1	y	v2
\.
COPY pk2 FROM STDIN
2	x	v3
1	x	v4
\.
COPY nnd FROM STDIN
1	\N	\N
2	\N	\N
\.
COPY pk2 TO STDOUT
COPY nnd TO STDOUT

-- case: copy_fk_failure
INSERT INTO parent VALUES (1, 'a', NULL)
COPY child_noaction FROM STDIN
10	1
11	2
12	\N
\.
COPY child_noaction TO STDOUT
COPY child_noaction FROM STDIN
10	1
12	\N
\.
COPY child_noaction TO STDOUT

-- case: copy_fk_composite_failure
INSERT INTO pk2 VALUES (1, 'x', NULL)
COPY line FROM STDIN WITH (FORMAT csv)
1,x,1
1,y,1
\.
COPY line FROM STDIN WITH (FORMAT csv)
1,x,1
1,,2
\.
COPY line TO STDOUT WITH (FORMAT csv)

-- case: copy_fk_forward_reference
COPY emp FROM STDIN
1	3
2	\N
3	2
\.
COPY emp TO STDOUT
COPY node FROM STDIN
10	11
11	12
\.
COPY node TO STDOUT

-- case: copy_parent_then_child_in_transaction
BEGIN
COPY parent FROM STDIN WITH (FORMAT csv, HEADER)
id,code,note
1,a,
2,b,"with, comma"
\.
COPY child_cascade FROM STDIN WITH (FORMAT csv)
10,1
11,2
\.
COMMIT
DELETE FROM parent WHERE id = 1
COPY child_cascade TO STDOUT
COPY parent TO STDOUT WITH (FORMAT csv)

-- case: copy_cycle
COPY ca FROM STDIN
1	\N
\.
COPY cb FROM STDIN
10	1
\.
COPY ca FROM STDIN
2	10
3	99
\.
COPY ca TO STDOUT

-- case: copy_into_table_with_default
INSERT INTO parent VALUES (0, 'zero', NULL)
COPY child_setdefault (id) FROM STDIN
1
2
\.
COPY child_setdefault TO STDOUT
COPY nn (id, a) FROM STDIN
1	a
\.
COPY nn TO STDOUT

-- case: copy_error_in_transaction_then_savepoint
BEGIN
COPY nn FROM STDIN
1	a	1	\N
\.
SAVEPOINT s
COPY nn FROM STDIN
1	dup	1	\N
\.
ROLLBACK TO s
COPY nn FROM STDIN
2	b	2	\N
\.
COMMIT
COPY nn TO STDOUT

-- case: copy_to_after_deletes
COPY nn FROM STDIN
1	a	1	\N
2	b	2	\N
3	c	3	\N
\.
DELETE FROM nn WHERE id = 2
COPY nn TO STDOUT
COPY nn (a, id) TO STDOUT WITH (FORMAT csv, HEADER, DELIMITER ';')


-- case: copy_quote_delimiter_and_force_options
COPY nn (id, a) FROM STDIN WITH (FORMAT csv, QUOTE '''')
1,'a,b'
\.
COPY nn (id, a) FROM STDIN WITH (DELIMITER E'\t')
2	x
\.
COPY nn (a) FROM STDIN
zz
\.
COPY nn FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL (c), NULL 'N')
3,x,1,N
4,y,1,"N"
\.
COPY nn FROM STDIN WITH (FORMAT csv, FORCE_NULL (c), NULL 'N')
5,x,1,N
6,y,1,"N"
\.
COPY nn (id, a) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE *)
COPY nn TO STDOUT WITH (FORMAT csv, FORCE_QUOTE (c), HEADER)
COPY nn TO STDOUT WITH (FORMAT csv, FORCE_QUOTE (c, c))
COPY nn (id) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE (c))
COPY nn (id, id) TO STDOUT
COPY nn FROM STDIN WITH (FORMAT csv, FORCE_NULL (nope))
\.
COPY nn (id) FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL (c))
\.
COPY nn FROM STDIN WITH (FORMAT text, FORCE_NULL (c))
\.
COPY nn TO STDOUT WITH (FORMAT csv, FORCE_NOT_NULL (c))
COPY nn FROM STDIN WITH (FORMAT csv, FORCE_QUOTE (c))
\.
COPY nn FROM STDIN WITH (FORMAT Text)
7	t	1	\N
\.
COPY nn FROM STDIN WITH (FORMAT 'csv', FORMAT 'text')
\.
COPY nn FROM STDIN WITH (FREEZE)
\.
COPY nn FROM STDIN WITH (nope)
\.
COPY nope FROM STDIN WITH (FORMAT xml)
\.


-- case: copy_freeze
COPY nn FROM STDIN WITH (FREEZE)
1	a	1	\N
\.
COPY nn FROM STDIN WITH (FREEZE false)
1	a	1	\N
\.
COPY nn TO STDOUT WITH (FREEZE)
BEGIN
TRUNCATE nn
COPY nn FROM STDIN WITH (FREEZE)
2	b	1	\N
\.
SAVEPOINT s
COPY nn FROM STDIN WITH (FREEZE true)
3	c	1	\N
\.
ROLLBACK TO s
TRUNCATE nn
COPY nn FROM STDIN WITH (FREEZE 1)
4	d	1	\N
\.
RELEASE s
COPY nn FROM STDIN WITH (FREEZE on)
5	e	1	\N
\.
COMMIT
COPY nn TO STDOUT
COPY nn FROM STDIN WITH (FREEZE 'yes')
\.
COPY nn FROM STDIN WITH (FREEZE 2)
\.


-- case: copy_option_order
COPY nope FROM STDIN WITH (FORMAT xml)
\.
COPY nope FROM STDIN WITH (nope)
\.
COPY nn FROM STDIN WITH (FORMAT 'Text')
\.
COPY nn FROM STDIN WITH (FORMAT csv, FORMAT csv)
\.
COPY nn FROM STDIN WITH (nope, FORMAT xml)
\.
COPY nn FROM STDIN WITH (FORMAT xml, nope)
\.
COPY nn FROM STDIN WITH (ENCODING 'nope')
\.
COPY nn FROM STDIN WITH (ENCODING 'UTF-8')
\.
COPY nn FROM STDIN WITH (FORCE_QUOTE 'x')
\.
COPY nn FROM STDIN WITH (HEADER 'x', nope)
\.
COPY nn FROM STDIN WITH (DELIMITER 1)
\.
COPY nn FROM STDIN WITH (NULL 1.5)
\.
COPY nn FROM STDIN WITH (HEADER 1)
\.
COPY nn FROM STDIN WITH (HEADER 'yes')
\.
COPY nn FROM STDIN WITH (FREEZE 'maybe')
\.
COPY nn FROM STDIN WITH (CONVERT_SELECTIVELY (a))
\.
COPY nn FROM STDIN WITH (FORCE_NULL *)
\.
COPY nn TO STDOUT WITH (FORMAT csv, FORCE_QUOTE *, FORCE_QUOTE (a))
COPY nn FROM STDIN CSV HEADER
id,a,b,c
1,x,1,
\.
COPY nn TO STDOUT CSV HEADER FORCE QUOTE a
COPY nn (id, nope) FROM STDIN WITH (FORMAT xml)
\.
COPY nn (id, id) FROM STDIN WITH (FORCE_QUOTE (id))
\.
