-- Domains: CREATE DOMAIN, columns of domains (defaults, NOT NULL and CHECK
-- on writes and casts), domains over domains and enums, arrays of domains,
-- ALTER DOMAIN, DROP DOMAIN, the catalogs (PostgreSQL 15's answers through
-- the harness).

-- case: create_and_use
CREATE DOMAIN posint AS int CHECK (VALUE > 0)
CREATE DOMAIN label AS text NOT NULL DEFAULT 'none'
CREATE TABLE item (id int PRIMARY KEY, qty posint, tag label)
INSERT INTO item (id) VALUES (1)
INSERT INTO item VALUES (2, 5, 'a'), (3, NULL, 'b')
INSERT INTO item VALUES (4, 0, 'c')
INSERT INTO item VALUES (4, 1, NULL)
INSERT INTO item (id, qty) VALUES (5, -3)
SELECT * FROM item ORDER BY id
SELECT qty + 1, qty * 2, tag || '!' FROM item ORDER BY id
SELECT id FROM item WHERE qty > 1
UPDATE item SET qty = qty - 5 WHERE id = 2
UPDATE item SET tag = DEFAULT WHERE id = 2 RETURNING *
UPDATE item SET tag = NULL WHERE id = 2
SELECT sum(qty), max(tag) FROM item

-- case: casts
CREATE DOMAIN posint AS int CHECK (VALUE > 0)
SELECT 5::posint, '7'::posint, 3::posint + 1
SELECT (-1)::posint
SELECT '-1'::posint
SELECT 'x'::posint
SELECT NULL::posint
SELECT CAST(0 AS posint)
SELECT pg_typeof(5::posint)
SELECT 2.7::posint

-- case: create_errors
CREATE DOMAIN posint AS int CHECK (VALUE > 0)
CREATE DOMAIN posint AS int
CREATE DOMAIN d1 AS nosuch
CREATE DOMAIN d1 AS int DEFAULT 1 DEFAULT 2
CREATE DOMAIN d1 AS int NOT NULL NULL
CREATE DOMAIN d1 AS int NULL NOT NULL
CREATE DOMAIN d1 AS int UNIQUE
CREATE DOMAIN d1 AS int PRIMARY KEY
CREATE DOMAIN d1 AS int CHECK (VALUE > 0) DEFERRABLE
CREATE DOMAIN d1 AS int DEFAULT 'x'
CREATE DOMAIN d1 AS int DEFAULT true
CREATE DOMAIN d1 AS int DEFAULT (SELECT 1)
CREATE DOMAIN d1 AS int CHECK (VALUE)
CREATE DOMAIN d1 AS int CHECK (x > 1)
CREATE DOMAIN d1 AS int CHECK (t.value > 1)
CREATE DOMAIN d1 AS int CHECK (VALUE > (SELECT 1))
CREATE DOMAIN d1 AS int CHECK (sum(VALUE) > 1)
CREATE DOMAIN d1 AS int CONSTRAINT c CHECK (VALUE > 0) CONSTRAINT c CHECK (VALUE < 9)
CREATE DOMAIN d1 AS serial
CREATE DOMAIN d1 AS posint(3)
CREATE DOMAIN nosuch.d1 AS int
CREATE TABLE posint (x int)
CREATE DOMAIN d1 AS text COLLATE "default"
CREATE DOMAIN d2 AS int NULL
SELECT NULL::d2

-- case: constraint_names
CREATE TABLE t (a int CONSTRAINT d_check CHECK (a > 0))
CREATE DOMAIN d AS int CHECK (VALUE > 0) CHECK (VALUE < 100) CONSTRAINT named CHECK (VALUE <> 50)
SELECT conname, pg_get_constraintdef(oid), contypid::regtype, conrelid FROM pg_constraint WHERE contypid <> 0 AND connamespace = 'public'::regnamespace ORDER BY 1
SELECT 50::d
SELECT 100::d
SELECT 0::d

-- case: varchar_domain
CREATE DOMAIN code AS varchar(5) CHECK (VALUE ~ '^[A-Z]+$')
CREATE TABLE country (c code PRIMARY KEY, name text)
INSERT INTO country VALUES ('FRA', 'France'), ('DEU', 'Germany')
INSERT INTO country VALUES ('TOOLONG', 'x')
INSERT INTO country VALUES ('abc', 'x')
INSERT INTO country VALUES ('AB   ', 'x')
SELECT c, length(c), c || '-' FROM country ORDER BY c
SELECT * FROM country WHERE c = 'FRA'
SELECT 'abcdefgh'::code

-- case: domain_over_domain
CREATE DOMAIN posint AS int CHECK (VALUE > 0)
CREATE DOMAIN small AS posint CHECK (VALUE < 10) NOT NULL
CREATE TABLE s (x small)
INSERT INTO s VALUES (5)
INSERT INTO s VALUES (0)
INSERT INTO s VALUES (10)
INSERT INTO s VALUES (NULL)
INSERT INTO s DEFAULT VALUES
SELECT 0::small, 1::small
SELECT x, x + 100 FROM s

-- case: domain_over_enum
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')
CREATE DOMAIN good_mood AS mood CHECK (VALUE > 'sad')
CREATE TABLE m (x good_mood)
INSERT INTO m VALUES ('ok'), ('happy')
INSERT INTO m VALUES ('sad')
INSERT INTO m VALUES ('angry')
SELECT x FROM m ORDER BY x DESC
SELECT x FROM m WHERE x::mood < 'happy'

-- case: array_of_domain
CREATE DOMAIN posint AS int CHECK (VALUE > 0)
CREATE TABLE a (xs posint[])
INSERT INTO a VALUES ('{1,2,3}')
INSERT INTO a VALUES ('{1,-2}')
INSERT INTO a VALUES (ARRAY[4, 0])
INSERT INTO a VALUES (ARRAY[NULL, 7]::int[])
SELECT xs, xs[1] FROM a ORDER BY 1
SELECT '{5,-5}'::posint[]

-- case: defaults
CREATE DOMAIN dflt AS int DEFAULT 42
CREATE DOMAIN dflt2 AS dflt CHECK (VALUE > 0)
CREATE TABLE t (id int, a dflt, b dflt DEFAULT 7, c dflt2)
INSERT INTO t (id) VALUES (1)
INSERT INTO t VALUES (2, DEFAULT, DEFAULT, DEFAULT)
SELECT * FROM t ORDER BY id
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position

-- case: alter_domain
CREATE DOMAIN posint AS int
CREATE TABLE t (id int, x posint)
INSERT INTO t VALUES (1, 5), (2, -1), (3, NULL)
ALTER DOMAIN posint ADD CONSTRAINT positive CHECK (VALUE > 0)
ALTER DOMAIN posint ADD CONSTRAINT positive CHECK (VALUE > 0) NOT VALID
INSERT INTO t VALUES (4, 0)
ALTER DOMAIN posint VALIDATE CONSTRAINT positive
DELETE FROM t WHERE id = 2
ALTER DOMAIN posint VALIDATE CONSTRAINT positive
ALTER DOMAIN posint VALIDATE CONSTRAINT nosuch
ALTER DOMAIN posint SET NOT NULL
UPDATE t SET x = 1 WHERE id = 3
ALTER DOMAIN posint SET NOT NULL
INSERT INTO t VALUES (5, NULL)
ALTER DOMAIN posint DROP NOT NULL
INSERT INTO t VALUES (5, NULL)
ALTER DOMAIN posint SET DEFAULT 9
INSERT INTO t (id) VALUES (6)
ALTER DOMAIN posint DROP DEFAULT
INSERT INTO t (id) VALUES (7)
ALTER DOMAIN posint DROP CONSTRAINT positive
INSERT INTO t VALUES (8, -8)
ALTER DOMAIN posint DROP CONSTRAINT positive
ALTER DOMAIN posint DROP CONSTRAINT IF EXISTS positive
ALTER DOMAIN posint ADD CHECK (VALUE < 100)
ALTER DOMAIN posint RENAME CONSTRAINT posint_check TO below_100
ALTER DOMAIN posint RENAME CONSTRAINT nosuch TO x
INSERT INTO t VALUES (9, 100)
ALTER DOMAIN posint RENAME TO smallint_ish
INSERT INTO t VALUES (9, 100)
SELECT 5::smallint_ish
SELECT 5::posint
ALTER DOMAIN smallint_ish OWNER TO postgres
ALTER DOMAIN nosuch SET NOT NULL
ALTER DOMAIN smallint_ish ADD CONSTRAINT u UNIQUE (VALUE)
SELECT * FROM t ORDER BY id

-- case: alter_errors
CREATE TYPE mood AS ENUM ('a')
CREATE DOMAIN d AS int
ALTER DOMAIN mood SET NOT NULL
ALTER DOMAIN mood OWNER TO postgres
ALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE > 0)
ALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE > 1)
CREATE TABLE t (xs d[])
ALTER DOMAIN d ADD CONSTRAINT c2 CHECK (VALUE > 0)
ALTER DOMAIN d SET NOT NULL

-- case: drop_domain
CREATE DOMAIN posint AS int CHECK (VALUE > 0)
CREATE DOMAIN small AS posint
CREATE TYPE mood AS ENUM ('a')
CREATE TABLE t (p posint)
DROP DOMAIN mood
DROP DOMAIN nosuch
DROP DOMAIN IF EXISTS nosuch, public.nosuch2, nos.x
DROP DOMAIN small
DROP DOMAIN posint
DROP TABLE t
DROP DOMAIN posint
DROP DOMAIN posint RESTRICT
SELECT 1::posint
CREATE DOMAIN posint AS bigint
SELECT pg_typeof(1::posint)

-- case: in_transaction
BEGIN
CREATE DOMAIN d AS int CHECK (VALUE <> 13)
CREATE TABLE t (x d)
INSERT INTO t VALUES (12)
ROLLBACK
SELECT 1::d
BEGIN
CREATE DOMAIN d AS int CHECK (VALUE <> 13)
COMMIT
SELECT 13::d

-- case: copy_into_domain
CREATE DOMAIN posint AS int CHECK (VALUE > 0)
CREATE DOMAIN nn AS text NOT NULL
CREATE TABLE c (a posint, b nn)
COPY c FROM STDIN
1	x
2	y
\.
COPY c FROM STDIN
3	z
-4	w
\.
COPY c FROM STDIN
5	\N
\.
COPY c (a) FROM STDIN
6
\.
SELECT * FROM c ORDER BY a
COPY c TO STDOUT

-- case: catalogs
CREATE DOMAIN posint AS int CHECK (VALUE > 0)
CREATE DOMAIN code AS varchar(10) NOT NULL DEFAULT 'x'
CREATE DOMAIN small AS posint
CREATE TABLE t (a posint, b code, c small, d posint[])
SELECT typname, typtype, typbasetype::regtype, typtypmod, typnotnull, typdefault, typndims, typcategory, typlen, typinput, typoutput, typreceive, typsend, typalign, typstorage, typelem::regtype FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typname IN ('posint', 'code', 'small', '_posint', '_code') ORDER BY typname
SELECT a.attname, a.atttypid::regtype, a.atttypmod, format_type(a.atttypid, a.atttypmod), a.attnotnull FROM pg_attribute a WHERE attrelid = 't'::regclass AND attnum > 0 ORDER BY attnum
SELECT 'posint'::regtype, 'code'::regtype, 'posint[]'::regtype
SELECT column_name, data_type, domain_schema, domain_name, udt_name, character_maximum_length, numeric_precision FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position
SELECT domain_schema, domain_name, data_type, character_maximum_length, numeric_precision, domain_default, udt_name, dtd_identifier FROM information_schema.domains WHERE domain_schema = 'public' ORDER BY domain_name
SELECT conname, contype, convalidated, pg_get_constraintdef(oid) FROM pg_constraint WHERE contypid = 'posint'::regtype
SELECT * FROM t
