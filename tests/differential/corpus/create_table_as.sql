-- CREATE TABLE … AS and SELECT … INTO (issue 12): the query runs, a table
-- of its result columns (names, types and typmods as PostgreSQL gives
-- them; no constraints, no defaults) is made and filled; the tag is
-- SELECT n, or CREATE TABLE AS for WITH NO DATA and an IF NOT EXISTS that
-- found the table; errors in the query come before the relation check.

-- case: ctas_copies_columns_and_rows
CREATE TABLE src (id int PRIMARY KEY, amount numeric(8,2) NOT NULL DEFAULT 0, name varchar(10), tags text[], at timestamptz)
INSERT INTO src VALUES (1, 2.5, 'a', '{x}', '2024-01-01 10:00+00'), (2, 3, 'b', NULL, NULL)
CREATE TABLE c1 AS SELECT * FROM src
SELECT attname, atttypid::regtype, atttypmod, attnotnull, atthasdef FROM pg_attribute WHERE attrelid = 'c1'::regclass AND attnum > 0 ORDER BY attnum
SELECT * FROM c1 ORDER BY id
SELECT count(*) FROM pg_constraint WHERE conrelid = 'c1'::regclass
INSERT INTO c1 (id) VALUES (1) RETURNING *
CREATE TABLE c12 AS TABLE src
SELECT count(*) FROM c12


-- case: ctas_column_names
CREATE TABLE src (id int, amount numeric(8,2))
INSERT INTO src VALUES (1, 2.5), (2, 3)
CREATE TABLE c2 (a, b) AS SELECT id, amount * 2, 'lit', 1 + 1 FROM src WHERE id > 1
CREATE TABLE c2 (a, b) AS SELECT id, amount * 2, 'lit' AS c, 1 + 1 AS d FROM src WHERE id > 1
SELECT * FROM c2
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'c2' ORDER BY ordinal_position
CREATE TABLE c2b (a, b, c) AS SELECT 1, 2
CREATE TABLE c4 AS SELECT 1 AS x, 2 AS x
CREATE TABLE c9 AS SELECT 'abc' AS t, NULL AS n, 1::int2 AS s, 2.5::float4 AS f, true AS b, DATE '2024-02-29' AS d
SELECT attname, atttypid::regtype FROM pg_attribute WHERE attrelid = 'c9'::regclass AND attnum > 0 ORDER BY attnum
SELECT * FROM c9
CREATE TABLE c13 AS SELECT count(*), sum(amount) FROM src
SELECT * FROM c13
CREATE TABLE c8 AS VALUES (1, 'a'), (2, 'b')
SELECT * FROM c8 ORDER BY 1


-- case: ctas_existing_and_no_data
CREATE TABLE c3 AS SELECT 1 AS a WITH NO DATA
SELECT count(*) FROM c3
CREATE TABLE c3 AS SELECT 1 AS a
CREATE TABLE IF NOT EXISTS c3 AS SELECT 1 AS a
SELECT count(*) FROM c3
CREATE TABLE c10 AS SELECT id, nosuch FROM c3
CREATE TABLE c3 AS SELECT nosuch
CREATE TABLE nosuchschema.c11 AS SELECT 1


-- case: select_into
CREATE TABLE src (id int, v text)
INSERT INTO src VALUES (1, 'a'), (2, 'b'), (3, 'c')
SELECT * INTO c5 FROM src WHERE false
SELECT count(*) FROM c5
SELECT id, upper(v) AS v INTO c6 FROM src WHERE id < 3 ORDER BY id DESC
SELECT * FROM c6 ORDER BY id
SELECT * INTO TEMP c7 FROM src
SELECT relpersistence, (SELECT count(*) FROM c7) FROM pg_class WHERE relname = 'c7'
SELECT * INTO c6 FROM src


-- case: ctas_transactional_and_temporary
CREATE TABLE src (id int)
INSERT INTO src VALUES (1), (2)
BEGIN
CREATE TABLE c16 AS SELECT 1 AS a
ROLLBACK
SELECT count(*) FROM pg_class WHERE relname = 'c16'
CREATE TEMP TABLE c17 ON COMMIT DROP AS SELECT 1
SELECT count(*) FROM pg_class WHERE relname = 'c17'
BEGIN
CREATE TEMP TABLE c18 ON COMMIT DROP AS SELECT id * 10 AS x FROM src
INSERT INTO src SELECT x FROM c18
COMMIT
SELECT * FROM src ORDER BY id
CREATE TABLE c19 AS SELECT * FROM src WHERE id = 1
CREATE TABLE c20 AS SELECT * FROM src WHERE id = 2
SELECT * FROM c19 UNION ALL SELECT * FROM c20
CREATE TEMP TABLE public.c21 AS SELECT 1
SELECT 1 INTO TEMP public.c22
