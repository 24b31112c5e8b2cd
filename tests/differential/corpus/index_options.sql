-- Index column options (ASC/DESC, NULLS FIRST/LAST), INCLUDE columns and
-- partial indexes (CREATE [UNIQUE] INDEX … WHERE): created at run time,
-- reflected in pg_index (indoption, indnkeyatts, indpred), pg_get_indexdef
-- and pg_indexes; a partial unique index enforces uniqueness among the
-- rows its predicate holds for only; ON CONFLICT infers it from a WHERE
-- that repeats its predicate. Each case starts from an empty database.

-- case: options_in_catalog
CREATE TABLE t (a int PRIMARY KEY, b text, c int, d timestamptz)
CREATE INDEX t_opts ON t (b DESC, c NULLS FIRST, d DESC NULLS LAST, a ASC NULLS LAST)
SELECT indnatts, indnkeyatts, indoption, indkey, indpred IS NULL FROM pg_index WHERE indexrelid = 't_opts'::regclass
SELECT pg_get_indexdef('t_opts'::regclass)
SELECT pg_get_indexdef('t_opts'::regclass, 0, true), pg_get_indexdef('t_opts'::regclass, 1, true), pg_get_indexdef('t_opts'::regclass, 3, false), pg_get_indexdef('t_opts'::regclass, 5, false)
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 't' ORDER BY indexname


-- case: include_columns
CREATE TABLE t (a int, b text, c int)
CREATE UNIQUE INDEX t_a_cover ON t (a) INCLUDE (b, c)
CREATE INDEX ON t (c) INCLUDE (b, b)
CREATE INDEX ON t (a, a)
SELECT c.relname, i.indnatts, i.indnkeyatts, i.indkey, i.indoption, i.indclass, i.indcollation FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 't'::regclass ORDER BY 1
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 't' ORDER BY indexname
SELECT pg_get_indexdef('t_a_cover'::regclass, 2, true), pg_get_indexdef('t_a_cover'::regclass, 3, true)
INSERT INTO t VALUES (1, 'x', 1), (2, 'x', 1)
INSERT INTO t VALUES (1, 'y', 2)
INSERT INTO t VALUES (NULL, 'y', 2), (NULL, 'y', 2)
SELECT * FROM t ORDER BY a, b
CREATE INDEX ON t (a) INCLUDE (nosuch)
CREATE INDEX ON t USING hash (a) INCLUDE (b)
CREATE INDEX ON t USING hash (a DESC)
CREATE INDEX ON t USING hash (a NULLS FIRST)


-- case: partial_unique_enforced
CREATE TABLE t (id int PRIMARY KEY, email text, active bool)
CREATE UNIQUE INDEX t_live_email ON t (email) WHERE active
INSERT INTO t VALUES (1, 'a', true), (2, 'a', false), (3, 'a', false), (4, 'a', NULL)
INSERT INTO t VALUES (5, 'a', true)
INSERT INTO t VALUES (5, 'b', true), (6, 'b', true)
UPDATE t SET active = true WHERE id = 2
UPDATE t SET email = 'c' WHERE id = 1
UPDATE t SET active = true WHERE id = 2
SELECT * FROM t ORDER BY id
SELECT * FROM t WHERE email = 'a' ORDER BY id
SELECT * FROM t WHERE email = 'a' AND active ORDER BY id
DELETE FROM t WHERE email = 'a' AND NOT active
SELECT * FROM t ORDER BY id
SELECT pg_get_indexdef('t_live_email'::regclass), pg_get_indexdef('t_live_email'::regclass, 0, true)
SELECT pg_get_expr(indpred, indrelid), pg_get_expr(indpred, indrelid, true) FROM pg_index WHERE indexrelid = 't_live_email'::regclass


-- case: partial_unique_built_over_rows
CREATE TABLE t (a int, b int)
INSERT INTO t VALUES (1, 1), (1, -1), (2, 5), (2, -5), (3, NULL), (3, NULL)
CREATE UNIQUE INDEX t_pos ON t (a) WHERE b > 0
CREATE UNIQUE INDEX t_neg ON t (a) WHERE b < 0 AND a > 1
CREATE UNIQUE INDEX t_any ON t (a) WHERE b IS NOT NULL
INSERT INTO t VALUES (2, 7)
INSERT INTO t VALUES (2, -7)
INSERT INTO t VALUES (1, -7)
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 't' ORDER BY indexname


-- case: partial_index_transactional
CREATE TABLE t (a int, b int)
BEGIN
CREATE UNIQUE INDEX t_p ON t (a) WHERE b = 1
INSERT INTO t VALUES (1, 1), (1, 2)
INSERT INTO t VALUES (1, 1)
ROLLBACK
INSERT INTO t VALUES (1, 1), (1, 1)
SELECT count(*) FROM pg_indexes WHERE tablename = 't'
BEGIN
SAVEPOINT s
CREATE INDEX t_q ON t (a DESC) WHERE b > 0
ROLLBACK TO SAVEPOINT s
SELECT count(*) FROM pg_indexes WHERE tablename = 't'
CREATE INDEX t_q ON t (a DESC) INCLUDE (b) WHERE b > 0
COMMIT
SELECT indexdef FROM pg_indexes WHERE tablename = 't'


-- case: predicate_errors
CREATE TABLE t (a int, b text, d timestamptz)
CREATE INDEX ON t (a) WHERE d > now()
CREATE INDEX ON t (a) WHERE random() > 0.5
CREATE INDEX ON t (a) WHERE d::date > '2020-01-01'
CREATE INDEX ON t (a) WHERE a > (SELECT 1)
CREATE INDEX ON t (a) WHERE count(*) > 0
CREATE INDEX ON t (a) WHERE a
CREATE INDEX ON t (a) WHERE x.a > 0
CREATE INDEX ON t (a) WHERE nosuch > 0
CREATE INDEX ON t (nosuch) WHERE a > 0
CREATE INDEX ON t (nosuch) WHERE d > now()
CREATE INDEX ON nosuch (a) WHERE a > 0
CREATE INDEX t_ok1 ON t (a) WHERE b ~ 'x'
CREATE INDEX t_ok2 ON t (a) WHERE d > '2020-01-01'
CREATE INDEX t_ok3 ON t (a) WHERE (a > 0 AND b < 'm' OR b IS NULL)
CREATE INDEX t_ok4 ON t (a) WHERE a IN (1, 2, 3) AND d IS DISTINCT FROM NULL
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 't' ORDER BY indexname
SELECT c.relname, pg_get_expr(i.indpred, i.indrelid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 't'::regclass ORDER BY 1


-- case: columns_of_partial_and_covering_indexes
CREATE TABLE t (a int, b int, c int)
CREATE INDEX t_inc ON t (a) INCLUDE (b)
CREATE INDEX t_pred ON t (a) WHERE c > 0
ALTER TABLE t RENAME COLUMN c TO cc
ALTER TABLE t RENAME COLUMN b TO bb
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 't' ORDER BY indexname
ALTER TABLE t DROP COLUMN cc
SELECT indexname FROM pg_indexes WHERE tablename = 't' ORDER BY indexname
ALTER TABLE t DROP COLUMN bb
SELECT indexname FROM pg_indexes WHERE tablename = 't' ORDER BY indexname


-- case: like_including_indexes
CREATE TABLE t (a int, b int)
CREATE INDEX t_x ON t (a DESC NULLS LAST) INCLUDE (b) WHERE b > 0
CREATE TABLE u (LIKE t INCLUDING INDEXES)
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'u' ORDER BY indexname


-- case: fk_needs_a_full_unique_index
CREATE TABLE p (id int)
CREATE UNIQUE INDEX p_pos ON p (id) WHERE id > 0
CREATE TABLE c (pid int REFERENCES p (id))
CREATE UNIQUE INDEX p_all ON p (id)
CREATE TABLE c (pid int REFERENCES p (id))
INSERT INTO p VALUES (1), (-1)
INSERT INTO c VALUES (-1), (1)
INSERT INTO c VALUES (2)


-- case: on_conflict_with_partial_index
CREATE TABLE t (a int PRIMARY KEY, b text, c int)
CREATE UNIQUE INDEX t_b_big ON t (b) WHERE c > 5
INSERT INTO t VALUES (1, 'x', 7), (2, 'x', 3)
INSERT INTO t VALUES (3, 'x', 9) ON CONFLICT (b) DO NOTHING
INSERT INTO t VALUES (3, 'x', 9) ON CONFLICT (b) WHERE c > 5 DO NOTHING
INSERT INTO t VALUES (3, 'x', 9) ON CONFLICT (b) WHERE c > 5 AND a > 0 DO UPDATE SET c = excluded.c RETURNING *
INSERT INTO t VALUES (4, 'x', 9) ON CONFLICT DO NOTHING
INSERT INTO t VALUES (4, 'x', 1) ON CONFLICT DO NOTHING
INSERT INTO t AS tt VALUES (5, 'x', 9) ON CONFLICT (b) WHERE tt.c > 5 DO NOTHING
INSERT INTO t VALUES (6, 'x', 9) ON CONFLICT (a) WHERE c > 5 DO NOTHING
INSERT INTO t VALUES (6, 'x', 9) ON CONFLICT (b) WHERE nosuch > 5 DO NOTHING
SELECT * FROM t ORDER BY a
