-- schema: tests/differential/schemas/index_options.sql
-- Index options, INCLUDE, partial indexes and COMMENT ON constraint/index/
-- sequence/schema from a schema file, as catalogs show them and as the
-- partial unique index enforces them; the same statements run against the
-- loaded schema at run time.

-- case: catalog_of_the_schema_file
SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'app' ORDER BY indexname
SELECT c.relname, i.indnatts, i.indnkeyatts, i.indoption, i.indkey, pg_get_expr(i.indpred, i.indrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'app.accounts'::regclass ORDER BY 1
SELECT pg_get_indexdef('app.accounts_recent'::regclass, 0, true), pg_get_indexdef('app.accounts_score_desc'::regclass, 2, true)
SELECT d.classoid::regclass, d.objsubid, d.description FROM pg_description d WHERE d.objoid IN (SELECT oid FROM pg_constraint WHERE conrelid = 'app.accounts'::regclass) ORDER BY 3
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conrelid = 'app.accounts'::regclass ORDER BY 1
SELECT relname, obj_description(oid, 'pg_class') FROM pg_class WHERE relnamespace = 'app'::regnamespace ORDER BY 1
SELECT obj_description('app'::regnamespace, 'pg_namespace'), obj_description('public'::regnamespace, 'pg_namespace')
SELECT col_description('app.accounts'::regclass, 2)


-- case: partial_unique_from_the_schema_file
INSERT INTO app.accounts (email, active, score) VALUES ('a@x', true, 1), ('a@x', false, 2), ('a@x', false, 3)
INSERT INTO app.accounts (email, active, score) VALUES ('a@x', true, 4)
UPDATE app.accounts SET active = true WHERE score = 2
UPDATE app.accounts SET email = 'b@x' WHERE score = 1
UPDATE app.accounts SET active = true WHERE score = 2
INSERT INTO app.accounts (email, active, score) VALUES ('b@x', true, 5) ON CONFLICT (email) WHERE active DO UPDATE SET score = excluded.score RETURNING id, email, score
INSERT INTO app.accounts (email, active, score) VALUES ('c@x', false, 6) ON CONFLICT (email) WHERE active DO NOTHING
SELECT id, email, active, score FROM app.accounts ORDER BY id
SELECT id FROM app.accounts WHERE email = 'a@x' ORDER BY id


-- case: runtime_comments_on_the_loaded_schema
COMMENT ON CONSTRAINT accounts_pkey ON app.accounts IS NULL
COMMENT ON INDEX app.accounts_score_desc IS 'by score'
COMMENT ON INDEX accounts_score_desc IS 'not on the path'
COMMENT ON SCHEMA app IS ''
SET search_path = app, public
COMMENT ON INDEX accounts_recent IS 'recent'
COMMENT ON SEQUENCE accounts_id_seq IS NULL
SELECT c.relname, d.description FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass WHERE d.objsubid = 0 ORDER BY 1
SELECT count(*) FROM pg_description WHERE classoid = 'pg_constraint'::regclass
SELECT obj_description('app'::regnamespace, 'pg_namespace')
DROP INDEX accounts_recent
SELECT count(*) FROM pg_description WHERE description = 'recent'
