-- CREATE TRIGGER: BEFORE/AFTER, ROW/STATEMENT, INSERT/UPDATE [OF]/DELETE,
-- WHEN, RETURN NULL skipping a row, TG_* variables, firing order by name,
-- DROP TRIGGER and DROP FUNCTION … CASCADE (PostgreSQL 15's answers).

-- case: triggers_basic
CREATE TABLE actor (id int PRIMARY KEY, name text, last_update timestamptz DEFAULT '2000-01-01')
CREATE FUNCTION last_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.last_update = '2020-02-02 00:00:00+00'; RETURN NEW; END $$
CREATE TRIGGER last_updated BEFORE UPDATE ON actor FOR EACH ROW EXECUTE FUNCTION last_updated()
INSERT INTO actor VALUES (1, 'a'), (2, 'b')
UPDATE actor SET name = 'c' WHERE id = 1 RETURNING *
SELECT * FROM actor ORDER BY id
CREATE TABLE log (msg text)
CREATE FUNCTION logit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO log VALUES (TG_NAME || ' ' || TG_WHEN || ' ' || TG_LEVEL || ' ' || TG_OP || ' ' || TG_TABLE_NAME || ' ' || coalesce(NEW.id::text, '-') || ' ' || coalesce(OLD.id::text, '-')); IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$
CREATE TRIGGER b1 BEFORE INSERT OR UPDATE OR DELETE ON actor FOR EACH ROW EXECUTE FUNCTION logit()
CREATE TRIGGER a1 AFTER INSERT OR UPDATE OR DELETE ON actor FOR EACH ROW EXECUTE FUNCTION logit()
CREATE TRIGGER s1 BEFORE INSERT ON actor FOR EACH STATEMENT EXECUTE FUNCTION logit()
CREATE TRIGGER s2 AFTER DELETE ON actor FOR EACH STATEMENT EXECUTE FUNCTION logit()
INSERT INTO actor VALUES (3, 'x'), (4, 'y')
UPDATE actor SET name = 'z' WHERE id > 2
DELETE FROM actor WHERE id = 4
SELECT * FROM log
CREATE FUNCTION skip() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.name = 'skip' THEN RETURN NULL; END IF; RETURN NEW; END $$
CREATE TRIGGER c_skip BEFORE INSERT ON actor FOR EACH ROW WHEN (NEW.id > 10) EXECUTE FUNCTION skip()
INSERT INTO actor VALUES (11, 'skip'), (12, 'keep'), (5, 'skip')
SELECT id, name FROM actor ORDER BY id
CREATE TRIGGER b1 BEFORE INSERT ON actor FOR EACH ROW EXECUTE FUNCTION logit()
CREATE TRIGGER bad BEFORE INSERT ON actor FOR EACH ROW EXECUTE FUNCTION nosuch()
CREATE TRIGGER bad BEFORE INSERT ON nosuch FOR EACH ROW EXECUTE FUNCTION logit()
CREATE TRIGGER bad BEFORE UPDATE OF zz ON actor FOR EACH ROW EXECUTE FUNCTION logit()
CREATE TRIGGER bad BEFORE INSERT ON actor FOR EACH ROW WHEN (OLD.id > 1) EXECUTE FUNCTION logit()
CREATE TRIGGER bad BEFORE TRUNCATE ON actor FOR EACH ROW EXECUTE FUNCTION logit()
DROP FUNCTION logit()
DROP TRIGGER nosuch ON actor
DROP TRIGGER IF EXISTS nosuch ON actor
DROP TRIGGER a1 ON actor
SELECT logit()
DROP FUNCTION logit() CASCADE
INSERT INTO actor VALUES (20, 'q')
SELECT count(*) FROM log

-- case: triggers_more
CREATE TABLE t (id int PRIMARY KEY, v int, note text)
CREATE TABLE audit (op text, id int, v int)
CREATE FUNCTION aud() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'TRUNCATE' THEN INSERT INTO audit VALUES (TG_OP, NULL, NULL); RETURN NULL; END IF; INSERT INTO audit VALUES (TG_OP, coalesce(NEW.id, OLD.id), coalesce(NEW.v, OLD.v)); RETURN NULL; END $$
CREATE TRIGGER t_aud AFTER INSERT OR UPDATE OF v OR DELETE ON t FOR EACH ROW EXECUTE FUNCTION aud()
CREATE TRIGGER t_trunc BEFORE TRUNCATE ON t FOR EACH STATEMENT EXECUTE FUNCTION aud()
INSERT INTO t VALUES (1, 10, 'a'), (2, 20, 'b')
UPDATE t SET note = 'x' WHERE id = 1
UPDATE t SET v = v + 1 WHERE id = 2
DELETE FROM t WHERE id = 1
SELECT * FROM audit
TRUNCATE t
SELECT * FROM audit WHERE op = 'TRUNCATE'
CREATE FUNCTION bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.v := NEW.v * 100; NEW.note := upper(NEW.note); RETURN NEW; END $$
CREATE TRIGGER t_bump BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION bump()
INSERT INTO t VALUES (5, 1, 'low') RETURNING *
CREATE FUNCTION guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.v > 1000 THEN RAISE EXCEPTION 'v too big: %', NEW.v USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$
CREATE TRIGGER u_guard BEFORE INSERT OR UPDATE ON t FOR EACH ROW EXECUTE FUNCTION guard()
INSERT INTO t VALUES (6, 50, 'q')
SELECT id, v FROM t ORDER BY id
BEGIN
INSERT INTO t VALUES (7, 2, 'r')
SELECT count(*) FROM audit
ROLLBACK
SELECT count(*) FROM audit
ALTER TABLE t RENAME TO t2
INSERT INTO t2 VALUES (8, 3, 's')
SELECT tgname, tgrelid::regclass FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1
DROP TABLE t2
SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal

-- case: plpgsql_idioms
CREATE TABLE items (id int PRIMARY KEY, qty int, label text, changed text)
INSERT INTO items VALUES (1, 5, 'a', NULL), (2, 0, 'b', NULL)
CREATE FUNCTION guard_qty() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.qty < 0 THEN NEW := OLD; NEW.changed := 'reverted by ' || TG_ARGV[0]; ELSIF NEW.qty IS DISTINCT FROM OLD.qty THEN NEW.changed := TG_ARGV[1] || ':' || TG_NARGS; END IF; RETURN NEW; END $$
CREATE TRIGGER g BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION guard_qty('guard', 'qty')
UPDATE items SET qty = -1 WHERE id = 1
UPDATE items SET qty = 7 WHERE id = 2
SELECT * FROM items ORDER BY id
CREATE FUNCTION two_into(i int) RETURNS text LANGUAGE plpgsql AS $$ DECLARE q int; l text; n bigint; BEGIN SELECT qty, label INTO q, l FROM items WHERE id = i; GET DIAGNOSTICS n = ROW_COUNT; IF EXISTS (SELECT 1 FROM items WHERE qty > 100) THEN RETURN 'big'; END IF; RETURN l || q || '/' || n || '/' || FOUND; END $$
SELECT two_into(1), two_into(2), two_into(9)
CREATE FUNCTION upd_found() RETURNS text LANGUAGE plpgsql AS $$ DECLARE n int; BEGIN UPDATE items SET label = label || '!' WHERE qty > 100; IF NOT FOUND THEN n := 0; END IF; DELETE FROM items WHERE id = 99; RETURN coalesce(n, -1)::text || FOUND::text; END $$
SELECT upd_found()
CREATE FUNCTION fmt(i int) RETURNS text LANGUAGE plpgsql AS $$ DECLARE r text; BEGIN EXECUTE format('SELECT label FROM %I WHERE id = %s', 'items', i) INTO r; RETURN r; END $$
SELECT fmt(2)

-- case: copy_from_fires_insert_triggers
CREATE TABLE audit (msg text)
CREATE TABLE items (id int PRIMARY KEY, name text, touched text)
CREATE FUNCTION items_before() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.name = 'skip' THEN RETURN NULL; END IF; NEW.touched := upper(NEW.name); RETURN NEW; END $$
CREATE FUNCTION items_after() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO audit VALUES (TG_WHEN || ' ' || TG_LEVEL || ' ' || coalesce(NEW.name, '-')); RETURN NULL; END $$
CREATE FUNCTION items_stmt() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO audit VALUES (TG_WHEN || ' ' || TG_LEVEL); RETURN NULL; END $$
CREATE TRIGGER b_row BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION items_before()
CREATE TRIGGER a_row AFTER INSERT ON items FOR EACH ROW EXECUTE FUNCTION items_after()
CREATE TRIGGER b_stmt BEFORE INSERT ON items FOR EACH STATEMENT EXECUTE FUNCTION items_stmt()
CREATE TRIGGER a_stmt AFTER INSERT ON items FOR EACH STATEMENT EXECUTE FUNCTION items_stmt()
COPY items (id, name) FROM STDIN
1	apple
2	skip
3	pear
\.
SELECT * FROM items ORDER BY id
SELECT msg FROM audit
COPY items (id, name) FROM STDIN
4	plum
1	dup
\.
SELECT count(*) FROM items
