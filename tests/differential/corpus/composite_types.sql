-- Composite types (issue 15 item 1): CREATE TYPE … AS (…), columns of
-- composite type, record_in/record_out (quoting, NULL fields, 22P02 with
-- PostgreSQL's DETAIL), ROW(…) cast to a named composite (42846), field
-- selection, comparison, JSON, COPY, the catalog and DROP TYPE.

-- case: create_and_errors
CREATE TYPE comp AS (x int, y text)
CREATE TYPE comp AS (z int)
CREATE TYPE c2 AS (a int, a text)
CREATE TYPE c3 AS (a serial)
CREATE TYPE c4 AS (a nosuch)
CREATE TYPE c5 AS ()
SELECT '()'::c5
CREATE TABLE comp (a int)
CREATE TABLE t (a int)
CREATE TYPE t AS (a int)
CREATE TYPE nosuch.c AS (a int)
CREATE TYPE c6 AS (a comp, b comp[])
SELECT '(1,"(2,x)","{""(3,y)""}")'::c6
SELECT ('(1,"(2,x)",)'::c6).a

-- case: text_input_output
CREATE TYPE comp AS (x int, y text)
SELECT '(1,"a b")'::comp
SELECT ('(1,"a b")'::comp).y, ('(1,"a b")'::comp).x
SELECT '(1,)'::comp, '(,)'::comp, '(,"")'::comp
SELECT '(1,"a""b\\c")'::comp, ('(1,"a""b\\c")'::comp).y
SELECT '(1,a\,b)'::comp, ('(1, x )'::comp).y
SELECT '()'::comp
SELECT '(1,2,3)'::comp
SELECT '1,2'::comp
SELECT '(x,2)'::comp
SELECT '(1,2) x'::comp
SELECT '(1,"2'::comp
SELECT ' (1,2)  '::comp
SELECT '(99999999999,a)'::comp
SELECT (NULL::comp).x, NULL::comp IS NULL

-- case: columns
CREATE TYPE comp AS (x int, y text, z numeric(5,2))
CREATE TABLE t (id int PRIMARY KEY, c comp)
INSERT INTO t VALUES (1, '(1,"a b",1.5)'), (2, NULL), (3, '(,,)')
INSERT INTO t VALUES (4, ROW(5, 'five', 2.555))
INSERT INTO t (id, c) SELECT 5, ROW(6, 'six', NULL)::comp
INSERT INTO t VALUES (6, ROW(1, 'x'))
INSERT INTO t VALUES (6, ROW(1, 'x', 1, 2))
INSERT INTO t VALUES (6, ROW('a', 'x', 1))
INSERT INTO t VALUES (6, '(1,x,1234.5)')
SELECT * FROM t ORDER BY id
SELECT id, (c).x, (c).y, (c).z FROM t ORDER BY id
SELECT (c).nosuch FROM t
SELECT id FROM t WHERE (c).x > 1 ORDER BY id
UPDATE t SET c = '(9,nine,0)' WHERE id = 2 RETURNING *
UPDATE t SET c = ROW((c).x + 1, upper((c).y), (c).z) WHERE id = 1 RETURNING c
SELECT c FROM t ORDER BY c, id
SELECT id FROM t WHERE c = '(9,nine,0)'::comp
SELECT count(DISTINCT c), count(c) FROM t
SELECT row_to_json(t), to_jsonb(c) FROM t ORDER BY id
SELECT c IS NULL, c IS NOT NULL FROM t ORDER BY id
SELECT pg_typeof(c), c::text FROM t WHERE id = 1

-- case: row_casts
CREATE TYPE comp AS (x int, y text)
SELECT (ROW(1, 'x')::comp).x, ROW(1, 'x')::comp
SELECT ROW(1, 'x', 3)::comp
SELECT ROW(1)::comp
SELECT ROW('a', 'x')::comp
SELECT ROW('7', 8)::comp
SELECT CAST(ROW(1, NULL) AS comp)
SELECT '(1,x)'::text::comp
SELECT ROW(1, 'x')::comp = '(1,x)'::comp, ROW(1, 'x')::comp < ROW(2, 'a')::comp

-- case: copy
CREATE TYPE comp AS (x int, y text)
CREATE TABLE t (id int, c comp)
COPY t FROM STDIN
1	(1,"a b")
2	\N
3	(,)
\.
COPY t TO STDOUT
COPY t FROM STDIN (FORMAT csv)
4,"(4,""x,y"")"
\.
COPY t FROM STDIN
5	(5
\.
SELECT * FROM t ORDER BY id
COPY t TO STDOUT (FORMAT binary)
COPY (SELECT ROW(1, 'x'::text, NULL::int)) TO STDOUT (FORMAT binary)
COPY (SELECT ARRAY[ROW(1, 2)], ARRAY[ROW(1, 'x'::text), NULL]) TO STDOUT (FORMAT binary)

-- case: catalog
CREATE TYPE comp AS (x int, y text, z numeric(5,2))
CREATE TABLE t (id int, c comp, cs comp[])
SELECT typname, typtype, typcategory, typlen, typbyval, typalign, typstorage, typinput, typoutput, typreceive, typsend, typrelid = c.oid AS relid_ok, typarray <> 0 FROM pg_type JOIN pg_class c ON c.relname = typname WHERE typname = 'comp'
SELECT relname, relkind, relnatts, relam, relpages, reltuples, relhasindex, relpersistence, reltype = (SELECT oid FROM pg_type WHERE typname = 'comp') FROM pg_class WHERE relname = 'comp'
SELECT attname, atttypid::regtype, atttypmod, attnum, attnotnull, attlen, attalign, attstorage, attcollation FROM pg_attribute WHERE attrelid = 'comp'::regclass ORDER BY attnum
SELECT 'comp'::regtype, '_comp'::regtype, format_type('comp'::regtype, NULL), pg_typeof(ROW(1, 'a', 2)::comp)
SELECT column_name, data_type, udt_name, udt_schema FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position
SELECT attname, atttypid::regtype FROM pg_attribute WHERE attrelid = 't'::regclass AND attnum > 0 ORDER BY attnum
SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE nspname = 'public' ORDER BY 1

-- case: drop_type
CREATE TYPE comp AS (x int, y text)
CREATE TABLE t (id int, c comp)
CREATE TYPE outer_t AS (a comp)
DROP TYPE comp
DROP TYPE outer_t
DROP TYPE comp
DROP TABLE t
DROP TYPE comp
SELECT '(1,2)'::comp
DROP TYPE IF EXISTS comp
ALTER TYPE comp ADD VALUE 'x'

-- case: star_expansion
CREATE TYPE comp AS (x int, y text)
CREATE TABLE t (id int, c comp)
INSERT INTO t VALUES (1, '(1,a)'), (2, NULL)
SELECT (c).* FROM t ORDER BY id
SELECT (t).* FROM t ORDER BY id
SELECT id, (c).*, id FROM t ORDER BY id
SELECT (ROW(1,2)).*
SELECT (id).* FROM t
SELECT ((c).*) IS NULL FROM t
SELECT (x).* FROM (SELECT ROW(1,2) AS x) s
SELECT max(c) FROM t
CREATE INDEX t_c ON t (c)
SELECT c, count(*) FROM t GROUP BY c ORDER BY c

-- case: alter_type_attributes
CREATE TYPE comp AS (x int, y text)
ALTER TYPE comp ADD ATTRIBUTE z int
ALTER TYPE comp DROP ATTRIBUTE y
ALTER TYPE comp RENAME ATTRIBUTE x TO x2
ALTER TYPE comp ALTER ATTRIBUTE z TYPE bigint
ALTER TYPE comp ALTER ATTRIBUTE z SET DATA TYPE numeric(4,1)
ALTER TYPE comp ADD ATTRIBUTE z int
ALTER TYPE comp DROP ATTRIBUTE nosuch
ALTER TYPE comp DROP ATTRIBUTE IF EXISTS nosuch
ALTER TYPE comp RENAME ATTRIBUTE nosuch TO a
ALTER TYPE comp RENAME ATTRIBUTE x2 TO z
ALTER TYPE comp ALTER ATTRIBUTE nosuch TYPE int
ALTER TYPE comp ADD ATTRIBUTE w nosuchtype
SELECT attname, attnum, atttypid::regtype, atttypmod, attisdropped FROM pg_attribute WHERE attrelid = 'comp'::regclass ORDER BY attnum
SELECT relnatts FROM pg_class WHERE relname = 'comp'
SELECT '(1,2.5)'::comp, ('(1,2.25)'::comp).z
ALTER TYPE comp ADD ATTRIBUTE v int, DROP ATTRIBUTE z
SELECT '(1,2)'::comp
CREATE TABLE t (c comp, cs comp[])
INSERT INTO t VALUES ('(1,2)', '{"(3,4)"}')
ALTER TYPE comp RENAME ATTRIBUTE v TO v2
SELECT (c).v2, cs[1], row_to_json(t) FROM t
ALTER TYPE comp ALTER ATTRIBUTE v2 TYPE bigint
ALTER TYPE nosuch ADD ATTRIBUTE a int
CREATE TABLE tt (a int)
ALTER TYPE tt ADD ATTRIBUTE b int
CREATE TYPE e AS ENUM ('a')
ALTER TYPE e ADD ATTRIBUTE b int

-- case: drop_type_with_array_column
CREATE TYPE comp AS (x int, y text)
CREATE TABLE t (id int, c comp, cs comp[])
DROP TYPE comp
CREATE TYPE mood AS ENUM ('a')
CREATE TABLE u (m mood, ms mood[])
DROP TYPE mood

-- case: rename_type
CREATE TYPE comp AS (x int, y text)
CREATE TABLE t (c comp, cs comp[])
INSERT INTO t VALUES ('(1,a)', '{"(2,b)"}')
CREATE TABLE busy (a int)
CREATE TYPE e AS ENUM ('a')
ALTER TYPE comp RENAME TO busy
ALTER TYPE comp RENAME TO e
ALTER TYPE comp RENAME TO comp2
SELECT c, cs, pg_typeof(c), pg_typeof(cs) FROM t
SELECT '(3,c)'::comp2
SELECT '(3,c)'::comp
SELECT relname, relkind FROM pg_class WHERE relname LIKE 'comp%' ORDER BY 1
SELECT typname FROM pg_type WHERE typname LIKE '%comp_' ORDER BY 1
SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = 't' ORDER BY 1
DROP TYPE comp2

-- case: record_edges
CREATE TYPE comp AS (x int, y int)
SELECT ROW(1,2) = ROW(1,2)::comp
SELECT ROW(1,2)::comp = ROW(1,2)
SELECT ARRAY[ROW(1,2)], ARRAY[ROW(1,'a b')]
SELECT ARRAY[ROW(1,2)::comp, NULL]
SELECT ROW(1,2) UNION SELECT ROW(3,4) ORDER BY 1
SELECT ROW(1,'a') UNION ALL SELECT ROW(3,4)
SELECT (ARRAY[ROW(1,2)::comp])[1].x
SELECT ((ARRAY[ROW(1,2)::comp])[1]).x
SELECT ROW(1,2) IS DISTINCT FROM NULL, NULL::comp IS DISTINCT FROM NULL
SELECT ROW(1,2)::comp IS NULL
SELECT ROW(1,2)::comp IN (ROW(1,2)::comp, ROW(3,4)::comp)
SELECT ROW(1, 2) < ROW(1, NULL)

-- case: information_schema
CREATE TYPE comp2 AS (a int)
CREATE TYPE comp AS (x int, y varchar(5), z numeric(6,2), w timestamp(3), v text[], u comp2)
SELECT * FROM information_schema.attributes ORDER BY udt_name, ordinal_position
SELECT * FROM information_schema.user_defined_types ORDER BY 3
CREATE TYPE comp3 AS (a int, c int)
ALTER TYPE comp3 ADD ATTRIBUTE b text, DROP ATTRIBUTE a
SELECT udt_name, attribute_name, ordinal_position, data_type FROM information_schema.attributes WHERE udt_name = 'comp3'

-- case: alter_type_in_use
CREATE TYPE comp AS (x int, y text)
CREATE TABLE t (id int, c comp, n int CHECK (n > 0))
INSERT INTO t VALUES (1, '(1,a)', 1), (2, NULL, 2), (3, '(,)', 3)
ALTER TYPE comp ADD ATTRIBUTE z int
SELECT * FROM t ORDER BY id
SELECT id, (c).z, c IS NULL FROM t ORDER BY id
INSERT INTO t VALUES (4, '(4,d,44)', 4)
ALTER TYPE comp DROP ATTRIBUTE x
SELECT * FROM t ORDER BY id
ALTER TYPE comp ADD ATTRIBUTE w text, DROP ATTRIBUTE y
SELECT * FROM t ORDER BY id
SELECT attname, attnum, attisdropped FROM pg_attribute WHERE attrelid = 'comp'::regclass ORDER BY attnum
BEGIN
ALTER TYPE comp RENAME ATTRIBUTE z TO z2
ROLLBACK
SELECT (c).z FROM t WHERE id = 4

-- case: untyped_record_operands
CREATE TYPE pair AS (x int, y text)
CREATE TABLE t (id int, p pair)
INSERT INTO t VALUES (1, '(5,a)')
SELECT p = '(5,a)' FROM t
SELECT p = '(5,a)'::pair FROM t
SELECT '(5,a)' = p FROM t
PREPARE q AS SELECT p = $1 FROM t
PREPARE q2(pair) AS SELECT p = $1 FROM t
EXECUTE q2('(5,a)')
