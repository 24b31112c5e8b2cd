-- Roles and privileges: CREATE ROLE/USER, DROP ROLE, GRANT/REVOKE on
-- tables, views, sequences and schemas, recorded in pg_roles, pg_user,
-- pg_class.relacl and pg_namespace.nspacl (PostgreSQL 15's answers through
-- the harness). Privileges are recorded, not enforced.

-- case: roles
CREATE ROLE reader
CREATE USER writer
CREATE ROLE admin WITH SUPERUSER CREATEDB CREATEROLE NOINHERIT LOGIN CONNECTION LIMIT 3 PASSWORD 'secret'
SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolconnlimit, rolpassword, rolbypassrls FROM pg_roles WHERE oid >= 16384 ORDER BY rolname
SELECT usename, usecreatedb, usesuper FROM pg_user ORDER BY usename
CREATE ROLE reader
CREATE ROLE pg_mine
CREATE ROLE badlimit CONNECTION LIMIT -2
DROP ROLE nosuch
DROP ROLE IF EXISTS nosuch, admin
SELECT rolname FROM pg_roles WHERE oid >= 16384 ORDER BY rolname
DROP ROLE reader, writer
SELECT count(*) FROM pg_roles WHERE oid >= 16384

-- case: table_privileges
CREATE TABLE t (a int)
CREATE VIEW v AS SELECT a FROM t
CREATE SEQUENCE s
CREATE ROLE reader
CREATE ROLE "Odd Name"
SELECT relname, relacl FROM pg_class WHERE relname IN ('t', 'v', 's') ORDER BY relname
GRANT SELECT ON t TO PUBLIC
SELECT relacl FROM pg_class WHERE relname = 't'
GRANT SELECT, INSERT ON TABLE t TO reader WITH GRANT OPTION
GRANT UPDATE ON t TO reader
GRANT SELECT ON t TO "Odd Name", CURRENT_USER
SELECT relacl FROM pg_class WHERE relname = 't'
REVOKE INSERT ON t FROM reader
REVOKE ALL ON t FROM postgres
SELECT relacl FROM pg_class WHERE relname = 't'
REVOKE ALL PRIVILEGES ON t FROM PUBLIC, "Odd Name", reader
SELECT relacl FROM pg_class WHERE relname = 't'
GRANT ALL ON v, s TO reader
SELECT relname, relacl FROM pg_class WHERE relname IN ('v', 's') ORDER BY relname
GRANT USAGE ON t TO reader
GRANT USAGE ON t TO nosuch
GRANT SELECT ON nosuch TO nosuch
GRANT INSERT ON SEQUENCE s TO reader
GRANT SELECT ON SEQUENCE t TO reader
GRANT INSERT ON s TO PUBLIC
SELECT relacl FROM pg_class WHERE relname = 's'
GRANT USAGE ON SEQUENCE s TO PUBLIC
SELECT relacl FROM pg_class WHERE relname = 's'
DROP ROLE reader
DROP TABLE t CASCADE
CREATE TABLE t (a int)
SELECT relacl FROM pg_class WHERE relname = 't'
ALTER TABLE t RENAME TO t2
GRANT SELECT ON t2 TO "Odd Name"
ALTER TABLE t2 RENAME TO t3
SELECT relname, relacl FROM pg_class WHERE relname IN ('t2', 't3')
DROP TABLE t3
DROP SEQUENCE s
DROP VIEW v
DROP ROLE reader, "Odd Name"

-- case: schema_privileges
SELECT nspname, nspacl FROM pg_namespace WHERE nspname = 'public'
REVOKE USAGE ON SCHEMA public FROM PUBLIC
SELECT nspacl FROM pg_namespace WHERE nspname = 'public'
GRANT ALL ON SCHEMA public TO PUBLIC
SELECT nspacl FROM pg_namespace WHERE nspname = 'public'
CREATE SCHEMA app
CREATE ROLE reader
SELECT nspacl FROM pg_namespace WHERE nspname = 'app'
GRANT USAGE ON SCHEMA app TO reader
SELECT nspacl FROM pg_namespace WHERE nspname = 'app'
GRANT CREATE ON SCHEMA nosuch TO reader
GRANT SELECT ON SCHEMA app TO reader
CREATE TABLE app.x (a int)
CREATE TABLE app.y (a int)
CREATE SEQUENCE app.z
GRANT SELECT ON ALL TABLES IN SCHEMA app TO reader
GRANT USAGE ON ALL SEQUENCES IN SCHEMA app TO reader
SELECT relname, relacl FROM pg_class WHERE relnamespace = 'app'::regnamespace ORDER BY relname
GRANT SELECT ON ALL TABLES IN SCHEMA nosuch TO reader
DROP ROLE reader
REVOKE ALL ON ALL TABLES IN SCHEMA app FROM reader
REVOKE ALL ON ALL SEQUENCES IN SCHEMA app FROM reader
REVOKE ALL ON SCHEMA app FROM reader
DROP ROLE reader
BEGIN
CREATE ROLE temp_role
GRANT SELECT ON app.x TO temp_role
ROLLBACK
SELECT count(*) FROM pg_roles WHERE rolname = 'temp_role'
SELECT relacl FROM pg_class WHERE relname = 'x'

-- case: schema_owner
SELECT nspowner::regrole, nspacl FROM pg_namespace WHERE nspname = 'public'
ALTER SCHEMA public OWNER TO postgres
SELECT nspowner::regrole, nspacl FROM pg_namespace WHERE nspname = 'public'
REVOKE USAGE ON SCHEMA public FROM PUBLIC
GRANT ALL ON SCHEMA public TO PUBLIC
SELECT nspowner::regrole, nspacl FROM pg_namespace WHERE nspname = 'public'
