-- Expression indexes: CREATE [UNIQUE] INDEX on expressions (typed and
-- checked as DefineIndex does), UNIQUE ones enforced with PostgreSQL's
-- DETAIL, shown in pg_index, pg_attribute, pg_indexes and
-- pg_get_indexdef; gin over to_tsvector.

-- case: catalog_of_expression_indexes
CREATE TABLE ie (a int, email varchar(40), body text)
CREATE UNIQUE INDEX ON ie (lower(email))
CREATE INDEX ON ie ((a + 1), a)
CREATE INDEX ON ie USING gin (to_tsvector('simple', body))
CREATE INDEX ON ie ((email::text), (a::text))
CREATE INDEX named_desc ON ie (upper(body) DESC NULLS LAST, (a * 2)) WHERE a > 0
SELECT c.relname, i.indkey, pg_get_expr(i.indexprs, i.indrelid), pg_get_indexdef(i.indexrelid), pg_get_indexdef(i.indexrelid, 1, true), pg_get_indexdef(i.indexrelid, 2, false), i.indisunique, i.indoption FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'ie'::regclass ORDER BY 1
SELECT c.relname, a.attname, a.atttypid::regtype, a.attnum, a.atttypmod, a.attcollation FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE a.attrelid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'ie'::regclass) ORDER BY 1, 4
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'ie' ORDER BY 1
SELECT c.relname, pg_get_indexdef(c.oid, 0, true) FROM pg_class c WHERE c.relkind = 'i' AND c.relname LIKE 'ie%' ORDER BY 1

-- case: unique_expression_enforced
CREATE TABLE users (id int PRIMARY KEY, email varchar(40))
CREATE UNIQUE INDEX users_email_lower ON users (lower(email))
INSERT INTO users VALUES (1, 'Ada@example.com')
INSERT INTO users VALUES (2, 'ada@EXAMPLE.com')
INSERT INTO users VALUES (2, 'b'), (3, 'B')
INSERT INTO users VALUES (4, NULL), (5, NULL)
UPDATE users SET email = 'ADA@example.com' WHERE id = 4
UPDATE users SET email = 'ada@example.com' WHERE id = 1
BEGIN
DELETE FROM users WHERE id = 1
INSERT INTO users VALUES (6, 'ada@example.com')
COMMIT
SELECT * FROM users ORDER BY id
INSERT INTO users VALUES (7, 'ADA@example.com') ON CONFLICT DO NOTHING
SELECT count(*) FROM users

-- case: unique_build_over_duplicates
CREATE TABLE d (id int, name text)
INSERT INTO d VALUES (1, 'x'), (2, 'X'), (3, 'y')
CREATE UNIQUE INDEX d_upper ON d (upper(name))
CREATE UNIQUE INDEX d_upper_id ON d (upper(name), id)
INSERT INTO d VALUES (1, 'x')
INSERT INTO d VALUES (4, 'Y'), (4, 'y')

-- case: expression_errors
CREATE TABLE e (a int, t text, ts timestamptz)
CREATE INDEX ON e (random())
CREATE INDEX ON e ((ts::date))
CREATE INDEX ON e (count(a))
CREATE INDEX ON e (generate_series(1, a))
CREATE INDEX ON e (nosuch(a))
CREATE INDEX ON e ((nosuch + 1))
CREATE INDEX ON e ((a + 1)) INCLUDE (t)
CREATE INDEX e_x ON e (lower(t))
CREATE INDEX e_x ON e (upper(t))
CREATE INDEX IF NOT EXISTS e_x ON e (upper(t))

-- case: rename_and_drop_columns
CREATE TABLE r (a int, email text, other int)
CREATE INDEX r_lower ON r (lower(email))
CREATE INDEX r_sum ON r ((a + other))
ALTER TABLE r RENAME COLUMN email TO mail
SELECT pg_get_indexdef('r_lower'::regclass)
ALTER TABLE r DROP COLUMN mail
ALTER TABLE r DROP COLUMN other
SELECT indexname FROM pg_indexes WHERE tablename = 'r' ORDER BY 1
CREATE TABLE r2 (LIKE r INCLUDING INDEXES)
CREATE INDEX ON r ((a * 2))
CREATE TABLE r3 (LIKE r INCLUDING INDEXES)
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'r3' ORDER BY 1
