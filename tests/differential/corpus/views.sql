-- Views (issue 15, and the SQLAlchemy reflection fixture of issue 12):
-- CREATE [OR REPLACE] [TEMP] VIEW and CREATE MATERIALIZED VIEW at run
-- time, read like tables; their errors, dependencies and DROP … CASCADE;
-- REFRESH; what pg_class, pg_attribute, pg_views, pg_matviews,
-- pg_get_viewdef and information_schema show. Each case starts from an
-- empty database.

-- case: view_reads
CREATE TABLE t (id int PRIMARY KEY, data text, n numeric(6,2))
INSERT INTO t VALUES (1, 'a', 1.5), (2, 'b', 2.25), (3, NULL, NULL)
CREATE VIEW v AS SELECT id, data FROM t WHERE id > 1
SELECT * FROM v ORDER BY id
SELECT v.data, t.n FROM v JOIN t ON t.id = v.id ORDER BY 1
SELECT count(*), max(id) FROM v
SELECT * FROM (SELECT id FROM v) s ORDER BY id
SELECT id FROM t WHERE id IN (SELECT id FROM v) ORDER BY id
SELECT public.v.id FROM public.v ORDER BY 1
SELECT x.id FROM v x WHERE x.data = 'b'
SELECT nosuch FROM v
INSERT INTO t VALUES (4, 'd', 4)
SELECT * FROM v ORDER BY id


-- case: view_columns_and_aliases
CREATE TABLE t (id int, data text)
INSERT INTO t VALUES (1, 'a')
CREATE VIEW v (x, y) AS SELECT id, data FROM t
CREATE VIEW w (only_first) AS SELECT id, data FROM t
CREATE VIEW k AS SELECT id + 1, 'lit', upper(data) AS up, 2.5 AS num FROM t
SELECT * FROM v
SELECT * FROM w
SELECT * FROM k
SELECT only_first, data FROM w
CREATE VIEW bad (a, b, c) AS SELECT id, data FROM t
CREATE VIEW dup AS SELECT id AS a, data AS a FROM t
CREATE VIEW p AS SELECT $1
CREATE VIEW nosuch_v AS SELECT * FROM nosuch
CREATE VIEW col_v AS SELECT nosuch FROM t
SELECT attname, atttypid::regtype, attnum, attnotnull FROM pg_attribute WHERE attrelid = 'k'::regclass ORDER BY attnum


-- case: views_over_views
CREATE TABLE t (id int PRIMARY KEY, data text)
INSERT INTO t VALUES (1, 'a'), (2, 'b')
CREATE VIEW v1 AS SELECT * FROM t
CREATE VIEW v2 AS SELECT id * 10 AS big FROM v1
CREATE VIEW v3 AS SELECT big, big + 1 AS next FROM v2 WHERE big > 10
SELECT * FROM v3
ALTER TABLE t ADD COLUMN extra int DEFAULT 7
SELECT * FROM v1 ORDER BY id
SELECT * FROM t ORDER BY id


-- case: create_or_replace
CREATE TABLE t (id int, data text)
INSERT INTO t VALUES (1, 'a')
CREATE VIEW v AS SELECT id FROM t
CREATE VIEW v AS SELECT id FROM t
CREATE OR REPLACE VIEW v AS SELECT id, data FROM t
SELECT * FROM v
CREATE OR REPLACE VIEW v AS SELECT id FROM t
CREATE OR REPLACE VIEW v AS SELECT data, id FROM t
CREATE OR REPLACE VIEW v AS SELECT id::text, data FROM t
CREATE OR REPLACE VIEW t AS SELECT 1
CREATE OR REPLACE VIEW v AS SELECT id, data, 3 AS three FROM t
SELECT * FROM v


-- case: drop_views_and_dependencies
CREATE TABLE t (id int PRIMARY KEY)
CREATE VIEW v AS SELECT id FROM t
CREATE VIEW w AS SELECT id FROM v
DROP TABLE t
DROP VIEW v
DROP VIEW nosuch
DROP VIEW IF EXISTS nosuch
DROP TABLE v
DROP VIEW t
DROP VIEW v CASCADE
SELECT * FROM w
CREATE VIEW v AS SELECT id FROM t
DROP TABLE t CASCADE
SELECT relname FROM pg_class WHERE relname IN ('t', 'v', 'w')


-- case: drop_table_cascade_two_views
CREATE TABLE t (id int PRIMARY KEY)
CREATE VIEW a AS SELECT id FROM t
CREATE VIEW b AS SELECT id FROM t
DROP TABLE t
DROP TABLE t CASCADE


-- case: writes_to_views_refused
CREATE TABLE t (id int PRIMARY KEY, data text)
CREATE VIEW v AS SELECT id, data FROM t
CREATE MATERIALIZED VIEW mv AS SELECT id, data FROM t
TRUNCATE v
TRUNCATE mv
COPY v TO STDOUT
COPY mv TO STDOUT
INSERT INTO mv VALUES (1, 'a')
UPDATE mv SET data = 'x'
DELETE FROM mv


-- case: materialized_views
CREATE TABLE t (id int PRIMARY KEY, data text)
INSERT INTO t VALUES (1, 'a'), (2, 'b')
CREATE MATERIALIZED VIEW mv AS SELECT id, data FROM t WHERE id > 0
SELECT * FROM mv ORDER BY id
INSERT INTO t VALUES (3, 'c')
SELECT count(*) FROM mv
REFRESH MATERIALIZED VIEW mv
SELECT count(*) FROM mv
CREATE INDEX mat_index ON mv (data)
SELECT * FROM mv WHERE data = 'c'
CREATE MATERIALIZED VIEW mv AS SELECT 1
CREATE MATERIALIZED VIEW IF NOT EXISTS mv AS SELECT 1
CREATE MATERIALIZED VIEW empty_mv AS SELECT * FROM t WITH NO DATA
SELECT * FROM empty_mv
SELECT relispopulated FROM pg_class WHERE relname = 'empty_mv'
REFRESH MATERIALIZED VIEW CONCURRENTLY empty_mv
REFRESH MATERIALIZED VIEW CONCURRENTLY mv
REFRESH MATERIALIZED VIEW empty_mv
SELECT count(*) FROM empty_mv
REFRESH MATERIALIZED VIEW mv WITH NO DATA
SELECT * FROM mv
REFRESH MATERIALIZED VIEW t
REFRESH MATERIALIZED VIEW nosuch
CREATE MATERIALIZED VIEW named (a, b) AS SELECT id, data FROM t
SELECT a, b FROM named ORDER BY a
CREATE MATERIALIZED VIEW toomany (a, b, c) AS SELECT id, data FROM t
DROP VIEW mv
DROP TABLE mv
DROP MATERIALIZED VIEW mv
DROP MATERIALIZED VIEW IF EXISTS mv
SELECT relname, relkind FROM pg_class WHERE relname IN ('mv', 'empty_mv', 'named', 'mat_index') ORDER BY 1


-- case: temporary_views
CREATE TABLE t (id int)
CREATE TEMP TABLE tt (x int)
INSERT INTO tt VALUES (5)
CREATE VIEW auto_temp AS SELECT x FROM tt
CREATE TEMP VIEW tv AS SELECT id FROM t
SELECT * FROM auto_temp
SELECT relname, relpersistence FROM pg_class WHERE relname IN ('auto_temp', 'tv') ORDER BY 1
CREATE MATERIALIZED VIEW tmv AS SELECT x FROM tt
DROP TABLE tt
DROP TABLE tt CASCADE
SELECT * FROM auto_temp


-- case: views_in_the_catalog
CREATE TABLE t (id int PRIMARY KEY, data text, n int)
CREATE VIEW v AS SELECT id, data FROM t WHERE id > 1
CREATE VIEW v2 (x) AS SELECT * FROM v
CREATE VIEW v3 AS SELECT id + 1 AS n, upper(data) FROM t tt
CREATE VIEW v4 AS SELECT t.* FROM t
CREATE MATERIALIZED VIEW mv AS SELECT * FROM t
SELECT relname, relkind, relnatts, relhasrules, relispopulated, relpersistence FROM pg_class WHERE relname IN ('t', 'v', 'v2', 'v3', 'mv') ORDER BY 1
SELECT schemaname, viewname, definition FROM pg_views WHERE schemaname = 'public' ORDER BY viewname
SELECT schemaname, matviewname, hasindexes, ispopulated, definition FROM pg_matviews
SELECT pg_get_viewdef('v'::regclass), pg_get_viewdef('v'::regclass, true)
SELECT pg_get_viewdef('v3'::regclass, true)
SELECT pg_get_viewdef('t'::regclass)
SELECT c.relname, r.rulename, pg_get_ruledef(r.oid), pg_get_ruledef(r.oid, true) FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class WHERE c.relname IN ('v', 'v3', 'mv') ORDER BY 1
SELECT pg_get_ruledef(0) IS NULL AS none
SELECT table_name, table_type, is_insertable_into FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1
SELECT table_name, view_definition, check_option, is_updatable, is_insertable_into FROM information_schema.views WHERE table_schema = 'public' ORDER BY 1
SELECT table_name, column_name, ordinal_position, is_nullable, is_updatable, data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 3
SELECT c.relname, a.attname, a.attnum FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname IN ('v2', 'mv') AND a.attnum > 0 ORDER BY 1, 3
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = ANY (ARRAY['v', 'm']) ORDER BY 1


-- case: view_comments
CREATE TABLE t (id int)
CREATE VIEW v AS SELECT id FROM t
CREATE MATERIALIZED VIEW mv AS SELECT id FROM t
COMMENT ON VIEW v IS 'a view'
COMMENT ON MATERIALIZED VIEW mv IS 'a matview'
COMMENT ON COLUMN v.id IS 'the id'
COMMENT ON VIEW mv IS 'wrong'
COMMENT ON MATERIALIZED VIEW v IS 'wrong'
COMMENT ON TABLE v IS 'wrong'
COMMENT ON VIEW t IS 'wrong'
COMMENT ON COLUMN v.nosuch IS 'x'
SELECT obj_description('v'::regclass, 'pg_class'), obj_description('mv'::regclass, 'pg_class'), col_description('v'::regclass, 1)


-- case: views_and_alter_table
CREATE TABLE t (id int, data text, spare int)
INSERT INTO t VALUES (1, 'a', 2)
CREATE VIEW v AS SELECT id, data FROM t
CREATE VIEW w AS SELECT data FROM v
CREATE VIEW star AS SELECT * FROM t
ALTER TABLE t ADD COLUMN more int
SELECT * FROM v
SELECT * FROM star
ALTER TABLE t DROP COLUMN more
ALTER TABLE t DROP COLUMN data
ALTER TABLE t DROP COLUMN spare
ALTER TABLE t ALTER COLUMN data TYPE varchar(10)
ALTER TABLE t ALTER COLUMN id TYPE bigint
DROP VIEW star
ALTER TABLE t ALTER COLUMN spare TYPE bigint
ALTER TABLE t DROP COLUMN spare
ALTER TABLE t DROP COLUMN data CASCADE
SELECT relname FROM pg_class WHERE relname IN ('v', 'w') ORDER BY 1
SELECT * FROM t


-- case: drop_schema_with_views
CREATE SCHEMA s
CREATE TABLE s.t (id int)
CREATE VIEW s.v AS SELECT id FROM s.t
CREATE VIEW outside AS SELECT id FROM s.v
DROP SCHEMA s
DROP SCHEMA s CASCADE
SELECT relname FROM pg_class WHERE relname IN ('t', 'v', 'outside')


-- case: views_transactional
CREATE TABLE t (id int)
BEGIN
CREATE VIEW v AS SELECT id FROM t
SELECT * FROM v
ROLLBACK
SELECT * FROM v
BEGIN
CREATE VIEW v AS SELECT id FROM t
SAVEPOINT s
DROP VIEW v
ROLLBACK TO SAVEPOINT s
SELECT * FROM v
COMMIT
SELECT * FROM v


-- case: views_in_schemas
CREATE SCHEMA s
CREATE TABLE s.t (id int)
INSERT INTO s.t VALUES (1)
CREATE VIEW s.v AS SELECT id FROM s.t
SELECT * FROM s.v
SELECT schemaname, viewname, definition FROM pg_views WHERE schemaname = 's'
DROP SCHEMA s
DROP SCHEMA s CASCADE


-- case: view_definitions_printed
CREATE TABLE t (id int PRIMARY KEY, grp text, amount numeric(10,2), at timestamptz)
CREATE VIEW g AS SELECT grp, count(*), sum(amount) AS total, avg(amount) FROM t GROUP BY grp
CREATE VIEW h AS SELECT grp, max(amount) FROM t WHERE amount > 0 GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 DESC, grp
CREATE VIEW o AS SELECT id, amount * 2 AS twice, amount IS NULL AS missing, coalesce(grp, 'none') AS g2, at::date AS day FROM t ORDER BY id DESC NULLS LAST LIMIT 10 OFFSET 2
CREATE VIEW w AS SELECT id FROM t WHERE grp IN ('a', 'b') AND (amount BETWEEN 1 AND 5 OR id = 3) AND at > now() - interval '1 day'
SELECT viewname, definition FROM pg_views WHERE viewname IN ('g', 'h', 'o', 'w') ORDER BY 1
SELECT pg_get_viewdef('h'::regclass, true), pg_get_viewdef('o'::regclass, true)
SELECT table_name, is_updatable, is_insertable_into FROM information_schema.views WHERE table_schema = 'public' ORDER BY 1
