-- CREATE FUNCTION (LANGUAGE sql and plpgsql), DO, DROP/ALTER FUNCTION,
-- CREATE AGGREGATE: calls in expressions and FROM, candidate selection
-- with built-ins, errors with their CONTEXT lines, catalog rows
-- (PostgreSQL 15's answers through the harness).

-- case: sql_functions_basic
CREATE FUNCTION add1(a int, b int DEFAULT 2) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b'
SELECT add1(1), add1(1, 5), add1(b => 3, a => 1)
CREATE FUNCTION add1(a int, b int DEFAULT 2) RETURNS int LANGUAGE sql AS 'SELECT a + b'
CREATE OR REPLACE FUNCTION add1(a int, b int DEFAULT 2) RETURNS bigint LANGUAGE sql AS 'SELECT a + b'
SELECT nosuch(1)
SELECT add1('x')
CREATE FUNCTION p1(x int) RETURNS int LANGUAGE plpgsql AS $$ DECLARE y int := 2; BEGIN RAISE NOTICE 'x is %, %%', x; y := y * x; RETURN y; END $$
SELECT p1(21), p1(NULL)
DROP FUNCTION add1(int, int)
SELECT add1(1)
DROP FUNCTION IF EXISTS add1(int, int)
DROP FUNCTION add1
DO $$ BEGIN RAISE NOTICE 'hello %', 1 + 1; END $$

-- case: plpgsql_statements
CREATE TABLE t (a int PRIMARY KEY, b text)
INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')
CREATE FUNCTION getb(x int) RETURNS text LANGUAGE plpgsql AS $$ DECLARE r text; BEGIN SELECT b INTO r FROM t WHERE a = x; IF NOT FOUND THEN RETURN 'none'; END IF; RETURN r; END $$
SELECT getb(1), getb(9)
SELECT a, getb(a) FROM t ORDER BY a
CREATE FUNCTION strict1(x int) RETURNS text LANGUAGE plpgsql AS $$ DECLARE r text; BEGIN SELECT b INTO STRICT r FROM t WHERE a > x; RETURN r; END $$
SELECT strict1(2)
SELECT strict1(5)
SELECT strict1(0)
CREATE FUNCTION loops(n int) RETURNS int LANGUAGE plpgsql AS $$ DECLARE s int := 1; BEGIN FOR i IN 1..n LOOP s := s + i; END LOOP; FOR i IN REVERSE n..1 BY 2 LOOP s := s + 100; END LOOP; WHILE s < 1000 LOOP s := s * 2; EXIT WHEN s > 500; END LOOP; LOOP s := s + 1; CONTINUE WHEN s % 2 = 0; EXIT; END LOOP; RETURN s; END $$
SELECT loops(4), loops(0)
CREATE FUNCTION rows1() RETURNS text LANGUAGE plpgsql AS $$ DECLARE r record; acc text := ''; BEGIN FOR r IN SELECT a, b FROM t ORDER BY a DESC LOOP acc := acc || r.b || ':' || r.a; END LOOP; RETURN acc; END $$
SELECT rows1()
CREATE FUNCTION zdiv() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1/0; END $$
SELECT zdiv()
CREATE FUNCTION boom() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom %', 1 USING DETAIL = 'dd', HINT = 'hh', ERRCODE = '22012'; END $$
SELECT boom()
CREATE FUNCTION catch() RETURNS text LANGUAGE plpgsql AS $$ BEGIN INSERT INTO t VALUES (10, 'ten'); BEGIN INSERT INTO t VALUES (11, 'x'); PERFORM 1/0; EXCEPTION WHEN division_by_zero THEN RETURN 'caught ' || SQLSTATE || ' ' || SQLERRM; END; RETURN 'no'; END $$
SELECT catch()
SELECT * FROM t ORDER BY a
CREATE FUNCTION dup() RETURNS int LANGUAGE plpgsql AS $$ BEGIN INSERT INTO t VALUES (1, 'dup'); RETURN 1; END $$
SELECT dup()
CREATE FUNCTION noret() RETURNS int LANGUAGE plpgsql AS $$ BEGIN END $$
SELECT noret()
CREATE FUNCTION diag() RETURNS bigint LANGUAGE plpgsql AS $$ DECLARE n bigint; BEGIN UPDATE t SET b = b || '!' WHERE a < 3; GET DIAGNOSTICS n = ROW_COUNT; RETURN n; END $$
SELECT diag()
CREATE FUNCTION dyn(tab text) RETURNS bigint LANGUAGE plpgsql AS $$ DECLARE n bigint; BEGIN EXECUTE 'SELECT count(*) FROM ' || quote_ident(tab) || ' WHERE a > $1' INTO n USING 1; RETURN n; END $$
SELECT dyn('t')
CREATE FUNCTION casef(x int) RETURNS text LANGUAGE plpgsql AS $$ BEGIN CASE x WHEN 1, 2 THEN RETURN 'low'; WHEN 3 THEN RETURN 'three'; ELSE RETURN 'other'; END CASE; END $$
SELECT casef(1), casef(3), casef(7)
CREATE FUNCTION casen(x int) RETURNS text LANGUAGE plpgsql AS $$ BEGIN CASE WHEN x > 5 THEN RETURN 'big'; END CASE; RETURN 'x'; END $$
SELECT casen(9)
SELECT casen(1)
DO $$ DECLARE r record; BEGIN FOR r IN SELECT a FROM t ORDER BY a LOOP RAISE NOTICE 'a=%', r.a; END LOOP; END $$
DO $$ BEGIN PERFORM 1/0; END $$
CREATE FUNCTION w() RETURNS void LANGUAGE plpgsql AS $$ BEGIN RAISE WARNING 'w %', NULL; RAISE INFO 'i'; RAISE DEBUG 'd'; END $$
SELECT w()
CREATE FUNCTION assertf(x int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN ASSERT x > 0, 'x must be positive'; ASSERT x < 100; RETURN x; END $$
SELECT assertf(5)
SELECT assertf(-1)
SELECT assertf(500)
CREATE FUNCTION reraise() RETURNS int LANGUAGE plpgsql AS $$ BEGIN BEGIN RAISE division_by_zero; EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'got %', SQLSTATE; RAISE; END; END $$
SELECT reraise()
CREATE FUNCTION sqlst() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RAISE SQLSTATE '22023' USING MESSAGE = 'custom'; END $$
SELECT sqlst()

-- case: set_returning_and_standard_bodies
CREATE TABLE t (a int PRIMARY KEY, b text)
INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')
CREATE FUNCTION s1() RETURNS SETOF int LANGUAGE sql AS 'SELECT a FROM t ORDER BY a'
SELECT s1()
SELECT * FROM s1()
SELECT * FROM s1() AS x(q) WHERE q > 1
CREATE FUNCTION t3(lim int) RETURNS TABLE(a int, b text) LANGUAGE sql AS $$ SELECT a, b FROM t WHERE a <= lim ORDER BY a $$
SELECT * FROM t3(2)
SELECT b FROM t3(5) WHERE a > 1 ORDER BY b
CREATE FUNCTION rowsof() RETURNS SETOF t LANGUAGE sql AS 'SELECT * FROM t ORDER BY a DESC'
SELECT * FROM rowsof()
CREATE FUNCTION pl_set(n int) RETURNS SETOF int LANGUAGE plpgsql AS $$ BEGIN FOR i IN 1..n LOOP RETURN NEXT i * 10; END LOOP; RETURN QUERY SELECT a FROM t ORDER BY a; END $$
SELECT * FROM pl_set(2)
SELECT pl_set(1)
CREATE FUNCTION pl_tab() RETURNS TABLE(x int, y text) LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT a, b FROM t ORDER BY a; x := 99; y := 'extra'; RETURN NEXT; END $$
SELECT * FROM pl_tab()
CREATE FUNCTION std(x int) RETURNS int LANGUAGE sql RETURN x * 2
SELECT std(21)
CREATE FUNCTION atomic(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT x + 1; END
SELECT atomic(1)
CREATE FUNCTION bad(int) RETURNS int LANGUAGE sql AS 'SELECT ''x'''
CREATE FUNCTION bad2(int) RETURNS int LANGUAGE sql AS 'SELECT 1, 2'
CREATE FUNCTION bad3(int) RETURNS int LANGUAGE sql AS 'INSERT INTO t VALUES (9, ''n'')'
CREATE FUNCTION ok4(int) RETURNS bigint LANGUAGE sql AS 'SELECT $1'
SELECT ok4(7)
CREATE FUNCTION vol() RETURNS int LANGUAGE sql AS 'INSERT INTO t VALUES (4, ''four'') RETURNING a'
SELECT vol()
SELECT count(*) FROM t
CREATE FUNCTION sq(x numeric) RETURNS numeric LANGUAGE sql IMMUTABLE STRICT AS 'SELECT x * x'
SELECT sq(NULL), sq(1.5), sq(2)
SELECT a, sq(a) FROM t WHERE sq(a) > 3 ORDER BY a
CREATE FUNCTION dz(x int) RETURNS int LANGUAGE sql AS 'SELECT 10 / x'
SELECT dz(0)
SELECT dz(a - 1) FROM t
CREATE FUNCTION over1(x int) RETURNS text LANGUAGE sql AS 'SELECT ''int'''
CREATE FUNCTION over1(x text) RETURNS text LANGUAGE sql AS 'SELECT ''text'''
SELECT over1(1), over1('a'), over1(1.5)

-- case: catalog_rows
CREATE TABLE t (a int PRIMARY KEY, b text)
CREATE FUNCTION add1(a int, b int DEFAULT 2) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b'
CREATE FUNCTION tf(lim int) RETURNS TABLE(x int, y text) LANGUAGE sql STABLE STRICT AS 'SELECT a, b FROM t'
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$
CREATE TRIGGER zz BEFORE INSERT OR UPDATE OF b ON t FOR EACH ROW EXECUTE FUNCTION trg('x', 'y')
SELECT proname, pronamespace::regnamespace, prolang, provolatile, proisstrict, proretset, pronargs, pronargdefaults, prorettype::regtype, proargtypes, proargmodes, proargnames, prosrc FROM pg_proc WHERE proname IN ('add1', 'tf', 'trg') ORDER BY proname
SELECT p.proname, pg_get_function_arguments(p.oid), pg_get_function_identity_arguments(p.oid), pg_get_function_result(p.oid), pg_function_is_visible(p.oid) FROM pg_proc p WHERE proname IN ('add1', 'tf', 'trg') ORDER BY 1
SELECT tgname, tgrelid::regclass, tgfoid::regproc, tgtype, tgenabled, tgisinternal, tgnargs, tgattr, tgargs FROM pg_trigger WHERE NOT tgisinternal
SELECT 'add1'::regproc, 'add1'::regproc::oid = (SELECT oid FROM pg_proc WHERE proname = 'add1')

-- case: user_aggregates
CREATE TABLE t (a int PRIMARY KEY, b text, g int)
INSERT INTO t VALUES (1, 'one', 1), (2, 'two', 1), (3, NULL, 2), (4, 'four', 2), (5, 'five', 3)
CREATE FUNCTION _group_concat(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END $$
CREATE AGGREGATE group_concat(text) (SFUNC = _group_concat, STYPE = text)
SELECT g, group_concat(b ORDER BY a) FROM t GROUP BY g ORDER BY g
SELECT group_concat(b) FROM t WHERE a < 3
SELECT group_concat(b) FROM t WHERE false
CREATE AGGREGATE group_concat(text) (SFUNC = _group_concat, STYPE = text)
CREATE AGGREGATE nope(text) (SFUNC = nosuch, STYPE = text)
CREATE FUNCTION add_state(int, int) RETURNS int LANGUAGE sql STRICT AS 'SELECT $1 + $2'
CREATE AGGREGATE mysum(int) (SFUNC = add_state, STYPE = int)
CREATE AGGREGATE mysum0(int) (SFUNC = add_state, STYPE = int, INITCOND = '100')
SELECT g, mysum(a), mysum0(a) FROM t GROUP BY g ORDER BY g
CREATE VIEW v AS SELECT g, group_concat(b) AS names FROM t GROUP BY g
SELECT * FROM v ORDER BY g
SELECT proname, prokind, prolang FROM pg_proc WHERE proname IN ('group_concat', 'mysum') ORDER BY 1
DROP AGGREGATE mysum(int)
ALTER AGGREGATE group_concat(text) OWNER TO postgres
DROP VIEW v
DROP FUNCTION _group_concat(text, text)
DROP FUNCTION _group_concat(text, text) CASCADE
SELECT group_concat(b) FROM t

-- case: function_ddl_in_transactions
BEGIN
CREATE FUNCTION f1() RETURNS int LANGUAGE sql AS 'SELECT 1'
SELECT f1()
ROLLBACK
SELECT f1()
BEGIN
CREATE FUNCTION f1() RETURNS int LANGUAGE sql AS 'SELECT 1'
SAVEPOINT s
CREATE OR REPLACE FUNCTION f1() RETURNS int LANGUAGE sql AS 'SELECT 2'
SELECT f1()
ROLLBACK TO SAVEPOINT s
SELECT f1()
COMMIT
SELECT f1()
CREATE FUNCTION f1() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 3 $$
CREATE FUNCTION f2() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN nosuchvar; END $$
CREATE FUNCTION f4() RETURNS int LANGUAGE plpython3u AS 'return 1'
CREATE FUNCTION f5() RETURNS int LANGUAGE nosuchlang AS 'x'
CREATE FUNCTION f6() RETURNS int AS 'SELECT 1'
SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1
DROP FUNCTION f1, f1
DROP FUNCTION nosuch
DROP FUNCTION IF EXISTS nosuch
ALTER FUNCTION f1() OWNER TO postgres
ALTER FUNCTION nosuch(int) OWNER TO postgres

-- case: ddl_inside_plpgsql
CREATE TABLE customer (customer_id int PRIMARY KEY, name text)
INSERT INTO customer VALUES (1, 'a'), (2, 'b'), (3, 'c')
CREATE TABLE payment (customer_id int, amount numeric)
INSERT INTO payment VALUES (1, 5), (1, 7), (2, 1), (3, 20)
CREATE FUNCTION rewards(min_amount numeric) RETURNS SETOF customer LANGUAGE plpgsql AS $$ DECLARE rr RECORD; tmpSQL TEXT; BEGIN CREATE TEMPORARY TABLE tmpCustomer (customer_id INTEGER NOT NULL PRIMARY KEY); tmpSQL := 'INSERT INTO tmpCustomer (customer_id) SELECT customer_id FROM payment GROUP BY customer_id HAVING SUM(amount) > ' || min_amount; EXECUTE tmpSQL; FOR rr IN EXECUTE 'SELECT c.* FROM tmpCustomer AS t INNER JOIN customer AS c ON t.customer_id = c.customer_id ORDER BY 1' LOOP RETURN NEXT rr; END LOOP; tmpSQL := 'DROP TABLE tmpCustomer'; EXECUTE tmpSQL; RETURN; END $$
SELECT * FROM rewards(10)
SELECT * FROM rewards(0)
SELECT count(*) FROM pg_class WHERE relname = 'tmpcustomer'

-- case: plpgsql_more
CREATE TABLE emp (id int PRIMARY KEY, name text, salary numeric(8,2))
INSERT INTO emp VALUES (1, 'ann', 1000.50), (2, 'bob', 2000)
CREATE FUNCTION inner_fail(x int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN IF x < 0 THEN RAISE EXCEPTION 'negative: %', x USING HINT = 'use a positive number'; END IF; RETURN x; END $$
CREATE FUNCTION outer_call(x int) RETURNS int LANGUAGE plpgsql AS $$ DECLARE y int; BEGIN y := inner_fail(x) + 1; RETURN y; END $$
SELECT outer_call(1)
SELECT outer_call(-5)
CREATE FUNCTION stacked() RETURNS text LANGUAGE plpgsql AS $$ DECLARE st text; msg text; det text; BEGIN BEGIN INSERT INTO emp VALUES (1, 'dup', 0); EXCEPTION WHEN unique_violation THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL; RETURN st || ' / ' || msg || ' / ' || det; END; RETURN 'none'; END $$
SELECT stacked()
CREATE FUNCTION arr_sum(a int[]) RETURNS int LANGUAGE plpgsql AS $$ DECLARE s int := 0; x int; BEGIN FOREACH x IN ARRAY a LOOP s := s + x; END LOOP; RETURN s; END $$
SELECT arr_sum(ARRAY[1, 2, 3]), arr_sum('{}')
CREATE FUNCTION rowtype(i int) RETURNS text LANGUAGE plpgsql AS $$ DECLARE r emp%ROWTYPE; n emp.name%TYPE; BEGIN SELECT * INTO r FROM emp WHERE id = i; n := r.name; RETURN n || ':' || r.salary; END $$
SELECT rowtype(1), rowtype(2)
CREATE FUNCTION outs(a int, OUT doubled int, OUT label text) LANGUAGE plpgsql AS $$ BEGIN doubled := a * 2; label := 'n' || a; END $$
SELECT * FROM outs(4)
CREATE FUNCTION inout_f(INOUT a int, b int DEFAULT 10) LANGUAGE plpgsql AS $$ BEGIN a := a + b; END $$
SELECT inout_f(1), inout_f(1, 2), inout_f(a => 3)
CREATE FUNCTION numfmt(v numeric) RETURNS numeric(6,1) LANGUAGE plpgsql AS $$ DECLARE r numeric(6,1); BEGIN r := v; RETURN r; END $$
SELECT numfmt(3.14159), numfmt(2.25)
CREATE FUNCTION nn() RETURNS int LANGUAGE plpgsql AS $$ DECLARE x int NOT NULL := 1; BEGIN x := NULL; RETURN x; END $$
SELECT nn()
CREATE FUNCTION recf() RETURNS text LANGUAGE plpgsql AS $$ DECLARE r record; BEGIN RETURN r.x; END $$
SELECT recf()
CREATE FUNCTION badfield() RETURNS text LANGUAGE plpgsql AS $$ DECLARE r record; BEGIN SELECT 1 AS a INTO r; RETURN r.b; END $$
SELECT badfield()
CREATE FUNCTION ret_query_err() RETURNS SETOF int LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT 1/0; END $$
SELECT * FROM ret_query_err()
CREATE FUNCTION whileexit() RETURNS int LANGUAGE plpgsql AS $$ DECLARE i int := 0; BEGIN <<outer>> LOOP i := i + 1; WHILE true LOOP EXIT outer WHEN i > 3; EXIT; END LOOP; END LOOP; RETURN i; END $$
SELECT whileexit()
CREATE FUNCTION trg_err() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no inserts into %', TG_TABLE_NAME; END $$
CREATE TRIGGER no_ins BEFORE INSERT ON emp FOR EACH ROW EXECUTE FUNCTION trg_err()
INSERT INTO emp VALUES (9, 'x', 1)

-- case: functions_in_defaults_and_views
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 42'
CREATE TABLE t (a int DEFAULT f(), b int)
INSERT INTO t (b) VALUES (1) RETURNING *
CREATE VIEW v AS SELECT f() AS x, a + f() AS y FROM t
SELECT * FROM v
CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 7'
SELECT * FROM v
INSERT INTO t (b) VALUES (2) RETURNING *

-- case: function_search_path
CREATE SCHEMA other
CREATE TABLE other.things (a int)
INSERT INTO other.things VALUES (1), (2)
CREATE TABLE things (a int)
INSERT INTO things VALUES (10)
CREATE FUNCTION count_things() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = other, public AS 'SELECT count(*) FROM things'
CREATE FUNCTION pl_count() RETURNS bigint LANGUAGE plpgsql SET search_path TO 'other' AS $$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM things; RAISE NOTICE 'path %', current_setting('search_path'); RETURN n; END $$
SELECT count_things(), pl_count(), (SELECT count(*) FROM things)
SHOW search_path
SELECT proname, proconfig, prosecdef FROM pg_proc WHERE proname IN ('count_things', 'pl_count') ORDER BY 1

-- case: comments_on_functions_and_triggers
CREATE TABLE t (a int)
CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x'
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$
CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg()
COMMENT ON FUNCTION f(int) IS 'identity'
COMMENT ON FUNCTION f IS 'by name'
COMMENT ON TRIGGER tr ON t IS 'a trigger'
COMMENT ON FUNCTION nosuch(int) IS 'x'
COMMENT ON TRIGGER nosuch ON t IS 'x'
SELECT obj_description('f'::regproc, 'pg_proc'), obj_description((SELECT oid FROM pg_trigger WHERE tgname = 'tr'), 'pg_trigger')
SELECT d.description, d.classoid::regclass FROM pg_description d JOIN pg_proc p ON p.oid = d.objoid WHERE p.proname = 'f'
COMMENT ON FUNCTION f(int) IS NULL
SELECT obj_description('f'::regproc, 'pg_proc')

-- case: recursion
CREATE FUNCTION fact(n int) RETURNS numeric LANGUAGE plpgsql AS $$ BEGIN IF n <= 1 THEN RETURN 1; END IF; RETURN n * fact(n - 1); END $$
SELECT fact(1), fact(20), fact(50)
CREATE FUNCTION fib(n int) RETURNS int LANGUAGE sql AS 'SELECT CASE WHEN n < 2 THEN n ELSE fib(n - 1) + fib(n - 2) END'
SELECT fib(15)

-- case: function_traits
CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql IMMUTABLE LEAKPROOF PARALLEL SAFE COST 5 AS 'SELECT x'
CREATE FUNCTION g() RETURNS SETOF int LANGUAGE sql STABLE PARALLEL RESTRICTED ROWS 10 AS 'SELECT 1'
SELECT proname, provolatile, proleakproof, proparallel, procost, prorows FROM pg_proc WHERE proname IN ('f', 'g') ORDER BY 1
SELECT f(3), (SELECT count(*) FROM g())

-- case: functiondef
CREATE FUNCTION fd1(a int, b int default 2) RETURNS int LANGUAGE sql IMMUTABLE STRICT AS 'select a + b'
CREATE FUNCTION fd2(x int, out y int, out z text) RETURNS SETOF record LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$ begin return; end $$
CREATE FUNCTION fd3() RETURNS TABLE(q int) LANGUAGE sql PARALLEL SAFE LEAKPROOF COST 5 ROWS 7 AS $$select 1$$
CREATE FUNCTION fd5() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$
SELECT pg_get_functiondef('fd1'::regproc)
SELECT pg_get_functiondef('fd2'::regproc)
SELECT pg_get_functiondef('fd3'::regproc)
SELECT pg_get_functiondef('fd5'::regproc)

-- case: name_conflicts
CREATE TABLE amb (id int, name text)
INSERT INTO amb VALUES (1, 'x'), (2, NULL)
CREATE FUNCTION amb1(id int) RETURNS text LANGUAGE plpgsql AS $$ DECLARE r text; BEGIN SELECT name INTO r FROM amb WHERE amb.id = id; RETURN r; END $$
SELECT amb1(1)
CREATE FUNCTION amb2(id int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN INSERT INTO amb VALUES (id, 'y'); RETURN id; END $$
SELECT amb2(3)
CREATE FUNCTION amb3(name text) RETURNS int LANGUAGE sql AS $$ SELECT count(*)::int FROM amb WHERE amb.name = name $$
SELECT amb3('zz')
CREATE FUNCTION amb4(p_id int) RETURNS text LANGUAGE sql AS $$ SELECT name FROM amb WHERE id = p_id $$
SELECT amb4(1)
CREATE FUNCTION amb5(id int) RETURNS text LANGUAGE sql AS $$ SELECT name FROM amb WHERE amb.id = amb5.id $$
SELECT amb5(1)

-- case: replace_rules
CREATE FUNCTION rp(a int, b int DEFAULT 1) RETURNS int LANGUAGE sql AS 'SELECT a'
CREATE OR REPLACE FUNCTION rp(x int, b int DEFAULT 1) RETURNS int LANGUAGE sql AS 'SELECT x'
CREATE OR REPLACE FUNCTION rp(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a'
CREATE OR REPLACE FUNCTION rp(a int, b int DEFAULT 5) RETURNS int LANGUAGE sql AS 'SELECT a + b'
SELECT rp(1)
CREATE OR REPLACE FUNCTION rp(a int, b int DEFAULT 5, OUT c int) RETURNS int LANGUAGE sql AS 'SELECT a * b'
SELECT rp(2), proargmodes, proargnames FROM pg_proc WHERE proname = 'rp'
CREATE FUNCTION rt() RETURNS trigger LANGUAGE plpgsql AS 'begin return new; end'
CREATE OR REPLACE FUNCTION rt() RETURNS trigger LANGUAGE sql AS 'select 1'
CREATE OR REPLACE FUNCTION rp(a int, b int DEFAULT 5) RETURNS SETOF int LANGUAGE sql AS 'SELECT a'

-- case: plans_follow_search_path
CREATE SCHEMA s2
CREATE TABLE things (v text)
CREATE TABLE s2.things (v text)
INSERT INTO things VALUES ('public')
INSERT INTO s2.things VALUES ('s2')
CREATE FUNCTION which() RETURNS text LANGUAGE plpgsql AS $$ DECLARE r text; BEGIN SELECT v INTO r FROM things; RETURN r; END $$
CREATE FUNCTION which_sql() RETURNS text LANGUAGE sql AS 'SELECT v FROM things'
SELECT which(), which_sql()
SET search_path = s2, public
SELECT which(), which_sql()
RESET search_path
SELECT which(), which_sql()

-- case: unknown_conditions
CREATE FUNCTION c1() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RAISE nosuch_cond; END $$
CREATE FUNCTION c2() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; EXCEPTION WHEN nosuch_cond THEN RETURN 2; END $$
SELECT count(*) FROM pg_proc WHERE proname IN ('c1', 'c2')
