-- Enum types: CREATE TYPE … AS ENUM, columns, input, ordering, comparisons,
-- ALTER TYPE, DROP TYPE (PostgreSQL 15's answers through the harness).

-- case: create_and_use
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')
CREATE TABLE person (id int PRIMARY KEY, m mood)
INSERT INTO person VALUES (1, 'happy'), (2, 'sad'), (3, 'ok'), (4, NULL)
SELECT * FROM person ORDER BY m, id
SELECT * FROM person ORDER BY m DESC NULLS LAST, id
SELECT id FROM person WHERE m > 'sad' ORDER BY id
SELECT id FROM person WHERE m = 'ok'
SELECT id, m < 'happy' AS lt, m >= 'ok' AS ge, m <> 'sad' AS ne FROM person ORDER BY id
SELECT min(m), max(m), count(m) FROM person
SELECT 'happy'::mood, 'ok'::mood < 'happy'::mood
SELECT m::text, m::text || '!' FROM person ORDER BY id
INSERT INTO person VALUES (5, 'angry')
SELECT 'angry'::mood
UPDATE person SET m = 'ok' WHERE id = 1 RETURNING *

-- case: create_errors
CREATE TYPE mood AS ENUM ('a', 'b')
CREATE TYPE mood AS ENUM ('c')
CREATE TABLE mood (x int)
CREATE TYPE nosuch.mood AS ENUM ('a')
CREATE TABLE t (m nosuchtype)
CREATE TABLE t (m mood(3))
CREATE TYPE empty AS ENUM ()
SELECT 'x'::empty

-- case: text_comparisons
CREATE TYPE color AS ENUM ('red', 'green', 'blue')
CREATE TABLE paint (c color, name text)
INSERT INTO paint VALUES ('blue', 'sky'), ('red', 'rose')
SELECT c = name FROM paint
SELECT c = name::color FROM paint ORDER BY 1
SELECT c FROM paint WHERE c IN ('red', 'green')
SELECT c, c::text = 'red' FROM paint ORDER BY c
SELECT DISTINCT c FROM paint ORDER BY c
SELECT c FROM paint ORDER BY c DESC

-- case: alter_type
CREATE TYPE size AS ENUM ('small', 'large')
CREATE TABLE shirt (s size)
INSERT INTO shirt VALUES ('small'), ('large')
ALTER TYPE size ADD VALUE 'medium' BEFORE 'large'
ALTER TYPE size ADD VALUE 'huge' AFTER 'large'
ALTER TYPE size ADD VALUE 'tiny' BEFORE 'small'
ALTER TYPE size ADD VALUE 'medium'
ALTER TYPE size ADD VALUE IF NOT EXISTS 'medium'
ALTER TYPE size ADD VALUE 'x' AFTER 'nope'
INSERT INTO shirt VALUES ('medium'), ('huge'), ('tiny')
SELECT s FROM shirt ORDER BY s
ALTER TYPE nosuch ADD VALUE 'a'
ALTER TYPE size RENAME TO shirt_size
SELECT s FROM shirt WHERE s > 'medium' ORDER BY s
SELECT 'huge'::size
SELECT 'huge'::shirt_size

-- case: drop_type
CREATE TYPE mood AS ENUM ('sad', 'happy')
CREATE TABLE person (m mood)
DROP TYPE mood
DROP TYPE nosuch
DROP TYPE IF EXISTS nosuch
DROP TABLE person
DROP TYPE mood
SELECT 'sad'::mood
DROP TYPE IF EXISTS mood

-- case: transactional
BEGIN
CREATE TYPE t1 AS ENUM ('a', 'b')
CREATE TABLE x (v t1)
INSERT INTO x VALUES ('b'), ('a')
SELECT v FROM x ORDER BY v
ROLLBACK
SELECT 'a'::t1
CREATE TYPE t1 AS ENUM ('z')
SELECT 'z'::t1

-- case: arrays
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')
CREATE TABLE diary (days mood[])
INSERT INTO diary VALUES ('{happy,sad}'), (ARRAY['ok'::mood])
SELECT days FROM diary ORDER BY days[1]
SELECT days[1], array_length(days, 1) FROM diary ORDER BY 1
SELECT '{happy,nope}'::mood[]

-- case: catalog_rows
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')
CREATE TABLE person (m mood, ms mood[])
SELECT typname, typtype, typcategory, typlen FROM pg_type WHERE typname IN ('mood', '_mood') ORDER BY typname
SELECT e.enumlabel, e.enumsortorder FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'mood' ORDER BY e.enumsortorder
SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_name = 'person' ORDER BY ordinal_position
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'person'::regclass AND attnum > 0 ORDER BY attnum
SELECT pg_typeof(m), pg_typeof(ms) FROM person
SELECT 'mood'::regtype, 'mood[]'::regtype, 'mood'::regtype::oid = (SELECT oid FROM pg_type WHERE typname = 'mood')
SELECT t.typname FROM pg_type t WHERE t.oid = (SELECT typarray FROM pg_type WHERE typname = 'mood')

-- case: copy
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')
CREATE TABLE person (id int, m mood)
COPY person FROM STDIN
1	happy
2	\N
\.
COPY person TO STDOUT
COPY person FROM STDIN
3	angry
\.
SELECT * FROM person ORDER BY id

-- case: stored_expressions_naming_user_types
CREATE TYPE mood AS ENUM ('a', 'b')
CREATE TABLE h (m text CHECK (m::mood = 'a'::mood), d mood DEFAULT 'a'::mood)
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'h'::regclass
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'h'::regclass

-- case: prepare_with_user_types
CREATE TYPE mood AS ENUM ('a', 'b')
CREATE TABLE h (m mood)
INSERT INTO h VALUES ('a'), ('b')
PREPARE q(mood) AS SELECT count(*) FROM h WHERE m = $1
EXECUTE q('b')
EXECUTE q('c')
