-- Row values (issue 13 item 8): ROW(…) and (a, b) as records, whole-row
-- references (a table's row type, a subquery's record), t.* in ROW(…),
-- (v).field, record_out's quoting, IS [NOT] NULL of composites, record
-- comparison (record_eq/btrecordcmp) beside row-constructor comparison,
-- row_to_json/to_json/to_jsonb/json_agg of rows.

-- case: row_constructors
SELECT ROW(1,'a')
SELECT ROW(1, 'x', NULL, 2.5)
SELECT (1, 'a'), ROW(1), ROW()
SELECT ROW('a"b', 'c\d', '(', ' ', 'x,y', '', 'é')
SELECT ROW(1, ROW(2, 'x y')), ROW(ARRAY[1,2], 'a')
SELECT ROW(1.5::float8, '2020-01-01'::date, true, NULL::int, 'ab'::bytea)
SELECT (ROW(1,2)).f1, (ROW(1, 'x'::text)).f2
SELECT (ROW(1,2)).f3
SELECT ROW(1,2)::text, ROW(NULL, NULL)::text
SELECT ROW(NULL, NULL) IS NULL, ROW(1, NULL) IS NOT NULL, ROW(1, NULL) IS NULL
SELECT ROW(1, 'a') = ROW(1, 'a'), ROW(1,2) < ROW(1,3), (1, NULL) = (1, 2)

-- case: whole_rows
CREATE TABLE t (a int, b text)
INSERT INTO t VALUES (1, 'a b'), (2, NULL), (3, ''), (1, 'a b')
SELECT t FROM t ORDER BY a
SELECT x FROM t AS x ORDER BY a
SELECT (t).a, (t).b FROM t ORDER BY a
SELECT ROW(t.*) FROM t ORDER BY a
SELECT ROW(t.*, 5) FROM t ORDER BY a
SELECT t IS NULL, t IS NOT NULL FROM t ORDER BY a
SELECT (t).nosuch FROM t
SELECT (a).x FROM t
SELECT s FROM (SELECT 1 AS x, 'y' AS z) s
SELECT (x).a FROM (SELECT t AS x FROM t) s ORDER BY 1
SELECT x FROM (SELECT t FROM t) x ORDER BY 1
SELECT (SELECT t FROM t ORDER BY a LIMIT 1)
SELECT t::text FROM t ORDER BY a
SELECT t FROM t WHERE t.a = 3
PREPARE q AS SELECT t FROM t WHERE a = $1
EXECUTE q(1)
COPY (SELECT t FROM t ORDER BY a) TO STDOUT

-- case: record_comparison
CREATE TABLE t (a int, b text)
INSERT INTO t VALUES (1, 'a b'), (2, NULL), (3, ''), (1, 'a b'), (2, 'z')
SELECT DISTINCT t FROM t ORDER BY 1
SELECT t, count(*) FROM t GROUP BY t ORDER BY t
SELECT t FROM t ORDER BY t DESC
SELECT t1.a, t1.b, t2.a, t2.b, t1 = t2, t1 < t2, t1 >= t2 FROM t t1, t t2 WHERE t1.a <= 2 AND t2.a <= 2 ORDER BY 1, 2, 3, 4
SELECT t = ROW(1, 'a b') FROM t
SELECT t = t2 FROM t, (SELECT 1 AS a, 2 AS b) t2
SELECT t = t2 FROM t, (SELECT 1 AS a) t2
SELECT (a, b) IN ((1, 'a b'), (2, 'x')) FROM t ORDER BY a, b
SELECT (a, b) IS DISTINCT FROM (1, 'a b') FROM t ORDER BY a, b

-- case: json_of_rows
CREATE TABLE t (a int, "Key" text, c numeric)
INSERT INTO t VALUES (1, 'a b', 1.50), (2, NULL, NULL)
SELECT row_to_json(t) FROM t ORDER BY a
SELECT row_to_json(t, true) FROM t WHERE a = 1
SELECT to_jsonb(t), to_json(t) FROM t ORDER BY a
SELECT row_to_json(ROW(1, 'a')), to_jsonb(ROW(1, NULL, true))
SELECT row_to_json(x) FROM (SELECT a, "Key" AS k FROM t) x ORDER BY 1
SELECT json_agg(t ORDER BY a), jsonb_agg(t ORDER BY a) FROM t
SELECT array_agg(t ORDER BY a) FROM t
SELECT row_to_json(a) FROM t

-- case: json_agg_text_of_structured_elements
-- json_agg_transfn sets each array or composite element after the first
-- on a new line (", \n "), a NULL element aside; the text shows it
CREATE TABLE t (a int, b text)
INSERT INTO t VALUES (1, 'x'), (2, NULL), (3, 'z')
SELECT json_agg(t ORDER BY a)::text FROM t
SELECT json_agg(ROW(a, b) ORDER BY a DESC)::text FROM t
SELECT json_agg(ARRAY[a] ORDER BY a)::text, json_agg(a ORDER BY a)::text, json_agg(b ORDER BY a)::text FROM t
SELECT json_agg(CASE WHEN a = 1 THEN NULL ELSE t END ORDER BY a)::text FROM t
SELECT json_agg(CASE WHEN a = 2 THEN NULL ELSE ARRAY[b] END ORDER BY a)::text FROM t
SELECT json_agg(to_json(t) ORDER BY a)::text, jsonb_agg(t ORDER BY a)::text FROM t
SELECT json_agg(t) FILTER (WHERE a > 1)::text FROM t
SELECT a, json_agg(t) OVER (ORDER BY a)::text FROM t ORDER BY a
SELECT json_object_agg(a, t ORDER BY a)::text FROM t

-- case: views_and_tables
CREATE TABLE t (a int, b text)
INSERT INTO t VALUES (1, 'a b')
CREATE VIEW v AS SELECT t, a FROM t
SELECT * FROM v
SELECT (v.t).b FROM v
SELECT attname, atttypid::regtype, attlen FROM pg_attribute WHERE attrelid = 'v'::regclass AND attnum > 0 ORDER BY attnum
SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_name = 'v' ORDER BY ordinal_position
CREATE VIEW w AS SELECT ROW(1, 'x') AS r

-- case: table_row_type_casts
CREATE TABLE t (a int, b text)
INSERT INTO t VALUES (1, 'a b'), (2, NULL)
SELECT ROW(1, 'x')::t, '(1,x)'::t, ('(1,x)'::t).b
SELECT t IS DISTINCT FROM ROW(1, 'a b')::t, t = ROW(1, 'a b')::t FROM t ORDER BY a
SELECT ROW(1)::t
SELECT pg_typeof(ROW(1, 'x')::t), pg_typeof(t) FROM t WHERE a = 1

-- case: whole_row_sources
CREATE TABLE p (a int, b text) PARTITION BY RANGE (a)
CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10)
INSERT INTO p VALUES (1, 'x')
SELECT p FROM p
SELECT p1 FROM p1
SELECT row_to_json(p) FROM p
CREATE TABLE t (a int, b text, c int)
INSERT INTO t VALUES (1, 'x', 3)
ALTER TABLE t DROP COLUMN b
SELECT t FROM t
WITH w AS (SELECT 1 AS k, 'v' AS v) SELECT w FROM w
SELECT j FROM (t JOIN p USING (a)) j
CREATE VIEW v AS SELECT a, c FROM t
SELECT v FROM v
SELECT x FROM generate_series(1,2) x
SELECT s FROM generate_series(1,2) WITH ORDINALITY s
SELECT u FROM unnest(ARRAY[1,2]) AS u(n)
SELECT t.*::text FROM t
SELECT row_to_json(t.*) FROM t

-- case: whole_rows_in_writes_and_expressions
CREATE TABLE t (a int, b text)
INSERT INTO t VALUES (1, 'x') RETURNING t
INSERT INTO t VALUES (2, 'y') RETURNING row_to_json(t), (t).b
UPDATE t SET b = 'z' WHERE a = 1 RETURNING t, t.*
DELETE FROM t WHERE a = 2 RETURNING t
SELECT ARRAY(SELECT t FROM t)
SELECT t FROM t WHERE t IN (SELECT t FROM t)
SELECT t FROM t WHERE (a, b) = (SELECT a, b FROM t LIMIT 1)
SELECT t FROM t WHERE ROW(a, b) = ANY (SELECT a, b FROM t)
SELECT json_build_object('r', t) FROM t
SELECT jsonb_build_array(t, ROW(1, 'q')) FROM t
SELECT string_agg(t::text, ';') FROM t
SELECT CASE WHEN a = 1 THEN t END FROM t
SELECT coalesce(NULL, t) FROM t
SELECT u FROM t u WHERE u.a = 1
INSERT INTO t SELECT (x).* FROM (SELECT ROW(5, 'w')::t AS x) s RETURNING *
SELECT DISTINCT ON (t) a FROM t ORDER BY t
SELECT t FROM t UNION SELECT t FROM t
SELECT min(a), t FROM t GROUP BY t ORDER BY t
