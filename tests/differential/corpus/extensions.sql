-- CREATE / ALTER / DROP / COMMENT ON EXTENSION and the functions of the
-- contrib extensions the twin provides (uuid-ossp, pgcrypto,
-- fuzzystrmatch, tablefunc; btree_gin/btree_gist only accepted).
-- Random results are compared through their shape only.

-- case: create_and_catalog
CREATE EXTENSION IF NOT EXISTS "uuid-ossp"
CREATE EXTENSION IF NOT EXISTS "uuid-ossp"
CREATE EXTENSION "uuid-ossp"
CREATE EXTENSION pgcrypto WITH SCHEMA public VERSION '1.3' CASCADE
CREATE EXTENSION fuzzystrmatch VERSION '1.1'
CREATE EXTENSION tablefunc SCHEMA public
CREATE EXTENSION btree_gin
CREATE EXTENSION btree_gist
SELECT extname, extowner::regrole, extnamespace::regnamespace, extrelocatable, extversion, extconfig, extcondition FROM pg_extension ORDER BY extname
CREATE EXTENSION plpgsql
CREATE EXTENSION IF NOT EXISTS plpgsql

-- case: create_errors
CREATE EXTENSION nope
CREATE EXTENSION IF NOT EXISTS nope
CREATE EXTENSION "bad--name"
CREATE EXTENSION "-bad"
CREATE EXTENSION "uuid-ossp" VERSION '1.0'
CREATE EXTENSION "uuid-ossp" VERSION '9.9'
CREATE EXTENSION "uuid-ossp" SCHEMA nosuch
CREATE EXTENSION "uuid-ossp" SCHEMA public SCHEMA public
CREATE EXTENSION "uuid-ossp" FROM '1.0'
SET search_path = ''
CREATE EXTENSION fuzzystrmatch
RESET search_path
SELECT count(*) FROM pg_extension

-- case: functions_need_the_extension
SELECT uuid_generate_v4()
SELECT levenshtein('kitten', 'sitting')
SELECT public.uuid_nil()
SELECT normal_rand(3, 0, 1)
CREATE EXTENSION "uuid-ossp"
SELECT uuid_nil(), public.uuid_nil()
SELECT pg_catalog.uuid_nil()

-- case: uuid_ossp
CREATE EXTENSION "uuid-ossp"
SELECT uuid_nil(), uuid_ns_dns(), uuid_ns_url(), uuid_ns_oid(), uuid_ns_x500()
SELECT uuid_generate_v3(uuid_ns_dns(), 'www.example.com'), uuid_generate_v5(uuid_ns_url(), 'http://example.com/ä')
SELECT uuid_generate_v3(uuid_nil(), ''), uuid_generate_v5(uuid_ns_oid(), '1.3.6.1')
SELECT substr(uuid_generate_v1()::text, 15, 1), substr(uuid_generate_v1mc()::text, 15, 1), substr(uuid_generate_v4()::text, 15, 1)
SELECT uuid_generate_v4() = uuid_generate_v4(), uuid_generate_v1() = uuid_generate_v1()
SELECT uuid_generate_v3(NULL, 'x'), uuid_generate_v5(uuid_nil(), NULL)
SELECT pg_typeof(uuid_generate_v4())
CREATE TABLE item (id uuid PRIMARY KEY DEFAULT uuid_generate_v4(), name text)
INSERT INTO item (name) VALUES ('a'), ('b'), ('c')
SELECT count(DISTINCT id), count(*) FROM item
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'item' ORDER BY ordinal_position

-- case: pgcrypto_digests
CREATE EXTENSION pgcrypto
SELECT encode(digest('abc', 'md5'), 'hex'), encode(digest('abc', 'sha1'), 'hex')
SELECT encode(digest('abc', 'sha224'), 'hex'), encode(digest('abc', 'SHA256'), 'hex')
SELECT encode(digest('abc', 'sha384'), 'hex'), encode(digest('abc', 'sha512'), 'hex')
SELECT encode(digest('\x00ff'::bytea, 'sha256'), 'hex'), encode(digest('', 'md5'), 'hex')
SELECT encode(hmac('message', 'key', 'sha256'), 'hex'), encode(hmac('\x01'::bytea, '\x02'::bytea, 'md5'), 'hex')
SELECT digest('abc', 'nope')
SELECT hmac('a', 'k', 'whirlpool-x')
SELECT length(gen_random_bytes(16)), length(gen_random_bytes(1024))
SELECT gen_random_bytes(0)
SELECT gen_random_bytes(1025)
SELECT substr(gen_random_uuid()::text, 15, 1)

-- case: pgcrypto_crypt
CREATE EXTENSION pgcrypto
SELECT crypt('secret', '$1$abcdefgh'), crypt('secret', '$1$x')
SELECT crypt('secret', '$2a$06$abcdefghijklmnopqrstuu')
SELECT crypt('secret', 'ab'), crypt('', 'zz')
SELECT crypt('secret', 'x')
SELECT length(gen_salt('md5')), substr(gen_salt('md5'), 1, 3), length(gen_salt('des'))
SELECT length(gen_salt('bf')), substr(gen_salt('bf'), 1, 7), substr(gen_salt('bf', 8), 1, 7)
SELECT crypt('pw', s) = crypt('pw', crypt('pw', s)) FROM (VALUES (gen_salt('md5')), (gen_salt('bf', 4))) AS v(s)
SELECT gen_salt('nope')
SELECT gen_salt('md5', 5)
SELECT gen_salt('bf', 3)
SELECT gen_salt('bf', 32)

-- case: fuzzystrmatch
CREATE EXTENSION fuzzystrmatch
SELECT levenshtein('kitten', 'sitting'), levenshtein('', 'abc'), levenshtein('abc', ''), levenshtein('', '')
SELECT levenshtein('GUMBO', 'GAMBOL'), levenshtein('naïve', 'naive'), levenshtein('flaw', 'lawn')
SELECT levenshtein('kitten', 'sitting', 2, 3, 4), levenshtein('abc', '', 2, 5, 1), levenshtein('', 'ab', 7, 1, 1)
SELECT levenshtein(repeat('a', 256), 'b')
SELECT levenshtein(repeat('a', 255), repeat('b', 255)) > 0
SELECT soundex('Robert'), soundex('Rupert'), soundex('Rubin'), soundex('Ashcraft'), soundex('Tymczak'), soundex('Pfister')
SELECT soundex(''), soundex('123'), soundex('  hello'), soundex('a'), soundex('Éclair'), text_soundex('Lloyd')
SELECT difference('Anne', 'Ann'), difference('Robert', 'Rupert'), difference('abc', 'xyz'), difference('', 'abc'), difference('', '')
SELECT soundex(NULL), levenshtein(NULL, 'a'), difference('a', NULL)
SELECT w, metaphone(w, 10), metaphone(w, 3) FROM (VALUES ('Thompson'), ('Knight'), ('Wright'), ('Aeon'), ('Xavier'), ('Schwartz'), ('Christmas'), ('School'), ('Cicero'), ('Science'), ('Ciao'), ('Edge'), ('Dodgy'), ('Ghost'), ('Laugh'), ('Though'), ('Bought'), ('Gnome'), ('Signed'), ('Sign'), ('Gigantic'), ('Egg'), ('Hello'), ('Ahead'), ('Chad'), ('Kick'), ('Phone'), ('Queen'), ('Mission'), ('Asia'), ('Shoe'), ('Nation'), ('Thumb'), ('Vivid'), ('Wow'), ('Box'), ('Yes'), ('Lazy'), ('Whale'), ('Wrack'), ('Whyeo'), ('123 abc'), ('ümlaut'), ('  '), ('McDonald''s'), ('Pneumonia'), ('Aardvark'), ('Xerxes'), ('Jose'), ('cc'), ('bb')) AS v(w)
SELECT metaphone('', 4), metaphone('abc', 255)
SELECT metaphone('abc', 0)
SELECT metaphone('abc', 256)
SELECT metaphone(repeat('a', 256), 4)
SELECT levenshtein_less_equal('extensive', 'exhaustive', 2), levenshtein_less_equal('extensive', 'exhaustive', 4), levenshtein_less_equal('extensive', 'exhaustive', 0)
SELECT levenshtein_less_equal('kitten', 'sitting', 1), levenshtein_less_equal('kitten', 'sitting', 3), levenshtein_less_equal('kitten', 'sitting', -1)
SELECT levenshtein_less_equal('abcdefghij', 'jihgfedcba', 3), levenshtein_less_equal('abcdefghij', 'jihgfedcba', 5), levenshtein_less_equal('a', 'abcdefg', 2)
SELECT levenshtein_less_equal('extensive', 'exhaustive', 2, 1, 3, 5), levenshtein_less_equal('extensive', 'exhaustive', 1, 2, 5, 3), levenshtein_less_equal('', 'abc', 1, 1, 1, 1)
SELECT s, t, d, levenshtein_less_equal(s, t, d) FROM (VALUES ('abcdef', 'azced'), ('sunday', 'saturday'), ('book', 'back'), ('naïve', 'naive'), ('aaaa', 'bbbbbbbb')) AS p(s, t), generate_series(0, 6) AS d ORDER BY 1, 2, 3

-- case: tablefunc
CREATE EXTENSION tablefunc
SELECT count(*) FROM normal_rand(100, 5.0, 2.0)
SELECT count(*) FROM normal_rand(0, 5.0, 2.0)
SELECT pg_typeof(n) FROM normal_rand(1, 0, 1) AS n

-- case: other_schema
CREATE SCHEMA fx
CREATE EXTENSION fuzzystrmatch SCHEMA fx
SELECT extname, extnamespace::regnamespace FROM pg_extension WHERE extname = 'fuzzystrmatch'
SELECT soundex('Robert')
SELECT fx.soundex('Robert')
SET search_path = fx, public
SELECT soundex('Robert'), levenshtein('a', 'ab')
RESET search_path
DROP SCHEMA fx
DROP SCHEMA fx CASCADE
SELECT count(*) FROM pg_extension

-- case: drop_extension
CREATE EXTENSION "uuid-ossp"
CREATE TABLE t (id uuid DEFAULT uuid_generate_v4(), b uuid CHECK (b <> uuid_nil()))
DROP EXTENSION "uuid-ossp"
DROP EXTENSION nope
DROP EXTENSION IF EXISTS nope, "uuid-ossp" CASCADE
SELECT column_default FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position
SELECT conname FROM pg_constraint WHERE conrelid = 't'::regclass
SELECT uuid_nil()
SELECT count(*) FROM pg_extension
CREATE EXTENSION "uuid-ossp"
DROP EXTENSION "uuid-ossp"
SELECT uuid_nil()

-- case: alter_and_comment
CREATE EXTENSION "uuid-ossp"
ALTER EXTENSION "uuid-ossp" UPDATE
ALTER EXTENSION "uuid-ossp" UPDATE TO '1.1'
ALTER EXTENSION "uuid-ossp" UPDATE TO '2.0'
ALTER EXTENSION nope UPDATE
COMMENT ON EXTENSION "uuid-ossp" IS 'uuids'
COMMENT ON EXTENSION nope IS 'x'
SELECT d.description FROM pg_description d JOIN pg_extension e ON d.objoid = e.oid WHERE e.extname = 'uuid-ossp'
COMMENT ON EXTENSION "uuid-ossp" IS NULL
SELECT count(*) FROM pg_description d JOIN pg_extension e ON d.objoid = e.oid WHERE e.extname = 'uuid-ossp'
CREATE EXTENSION pgcrypto
SELECT e.extname, obj_description(e.oid, 'pg_extension'), obj_description(e.oid) FROM pg_extension e ORDER BY 1
SELECT e.extname, d.description FROM pg_extension e JOIN pg_description d ON d.objoid = e.oid AND d.classoid = 'pg_extension'::regclass ORDER BY 1

-- case: transactional
BEGIN
CREATE EXTENSION "uuid-ossp"
SELECT uuid_nil()
ROLLBACK
SELECT uuid_nil()
SELECT count(*) FROM pg_extension WHERE extname = 'uuid-ossp'
