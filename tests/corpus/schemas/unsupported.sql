-- Valid PostgreSQL DDL outside the twin's subset: PostgreSQL accepts each case,
-- the twin refuses it with E_SCHEMA_UNSUPPORTED naming the construct.

-- case: view_check_option
CREATE TABLE t (a int);
CREATE VIEW v AS SELECT a FROM t WITH CHECK OPTION;

-- case: create_operator
CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq);

-- case: domain_type
CREATE DOMAIN years AS integer[] CHECK (VALUE[1] >= 1901);

-- case: inherits
CREATE TABLE p (a int);
CREATE TABLE c (b int) INHERITS (p);

-- case: partition_key_collate
CREATE TABLE p (a text) PARTITION BY RANGE (a COLLATE "C");

-- case: hash_partition_numeric
CREATE TABLE p (a numeric) PARTITION BY HASH (a);

-- case: foreign_key_on_partitioned_table
CREATE TABLE r (id int PRIMARY KEY);
CREATE TABLE p (a int REFERENCES r) PARTITION BY RANGE (a);

-- case: temp_table
CREATE TEMP TABLE t (a int);

-- case: unlogged_table
CREATE UNLOGGED TABLE t (a int);

-- case: composite_alter_attribute
CREATE TYPE c AS (a int);
CREATE TABLE t (x c[]);
ALTER TYPE c ADD ATTRIBUTE b int;

-- case: exclusion
CREATE TABLE t (a int, EXCLUDE USING btree (a WITH =));

-- case: index_collate
CREATE TABLE t (a text);
CREATE INDEX ON t (a COLLATE "C");

-- case: comment_on_function
CREATE TABLE t (a int);
COMMENT ON FUNCTION now() IS 'x';

-- case: unsupported_type_inet
CREATE TABLE t (a inet);

-- case: collate
CREATE TABLE t (a text COLLATE "C");

-- case: set_standard_conforming_strings_off
SET standard_conforming_strings = off;
CREATE TABLE t (a int);

-- case: extension
CREATE EXTENSION IF NOT EXISTS citext;

-- case: match_full
CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE c (a int, b int, FOREIGN KEY (a, b) REFERENCES p MATCH FULL);

-- case: table_like_including_identity
CREATE TABLE p (a int GENERATED ALWAYS AS IDENTITY);
CREATE TABLE c (LIKE p INCLUDING IDENTITY);


-- case: deferrable_unique
CREATE TABLE t (a int UNIQUE DEFERRABLE INITIALLY DEFERRED);
