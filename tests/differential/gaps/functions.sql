-- Parity gaps of corpus/functions.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- body_error_positions: an error found in a function body at CREATE
--   FUNCTION (a PL/pgSQL compile error, an SQL body's unknown column) has
--   PostgreSQL's position inside the CREATE statement's text; the twin's
--   parses the body apart (pglast's parse_plpgsql, the body's own
--   statements) and sends the error without a position.
-- cursors_and_procedures: PL/pgSQL cursor variables (DECLARE c CURSOR,
--   OPEN/FETCH/CLOSE) and CREATE PROCEDURE are refused with 0A000 naming
--   them; PostgreSQL creates both.
-- function_dependencies: the twin does not record what depends on a
--   function (column defaults, views); DROP FUNCTION of one they call
--   fails on the dependent's re-typing (42883) where PostgreSQL answers
--   2BP01 listing them, or drops them with CASCADE.
-- record_values: a PL/pgSQL record variable used as a value (RAISE '%',
--   rec; rec::text) and a row-returning function in a SELECT list are
--   refused with 0A000; PostgreSQL prints the row, (1,x).

-- case: body_error_positions
CREATE FUNCTION f3() RETURNS int LANGUAGE plpgsql AS $$ BEGIN x := 1; RETURN 1; END $$
CREATE FUNCTION f7(x int) RETURNS int LANGUAGE sql AS 'SELECT nosuchcol'

-- case: cursors_and_procedures
CREATE FUNCTION f8() RETURNS int LANGUAGE plpgsql AS $$ DECLARE c CURSOR FOR SELECT 1; BEGIN OPEN c; RETURN 1; END $$
CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1'

-- case: function_dependencies
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 42'
CREATE TABLE t (a int DEFAULT f())
CREATE VIEW v AS SELECT f() AS x
DROP FUNCTION f()
DROP FUNCTION f() CASCADE

-- case: record_values
CREATE FUNCTION r() RETURNS text LANGUAGE plpgsql AS $$ DECLARE rec record; BEGIN SELECT 1 AS a, 'x' AS b INTO rec; RAISE NOTICE '%', rec; RETURN rec::text; END $$
SELECT r()
CREATE FUNCTION t3() RETURNS TABLE(a int, b text) LANGUAGE sql AS $$ SELECT 1, 'x' $$
SELECT t3()
