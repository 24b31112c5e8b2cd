-- WITH on write statements and data-modifying WITH queries (issue 13 item
-- 9): read-only WITH (RECURSIVE too) on INSERT/UPDATE/DELETE/MERGE, read
-- from FROM, USING, sub-selects, VALUES, RETURNING and INSERT … SELECT;
-- INSERT/UPDATE/DELETE … RETURNING inside WITH at the top level of a
-- SELECT, INSERT, UPDATE or DELETE, several in one statement, each run
-- exactly once whether read or not; PostgreSQL's snapshot rules (every
-- part reads the rows as they were when the statement started, only one
-- of two changes of one row takes effect); the main statement's command
-- tag; errors anywhere undo the whole statement, in and out of
-- transaction blocks and savepoints; and PostgreSQL's errors for
-- data-modifying WITH where it is not allowed. Each case starts from an
-- empty database.

-- case: read_only_with_on_update_delete
CREATE TABLE t (id int PRIMARY KEY, v int, note text)
INSERT INTO t VALUES (1, 10, 'a'), (2, 20, 'b'), (3, 30, 'c'), (4, 40, 'd')
WITH x AS (SELECT 2 AS k, 200 AS nv) UPDATE t SET v = x.nv FROM x WHERE t.id = x.k RETURNING t.*, x.k
WITH x AS (SELECT id FROM t WHERE v > 25) UPDATE t SET note = 'big' WHERE id IN (SELECT id FROM x) RETURNING id, note
WITH x (k) AS (VALUES (3), (4)) DELETE FROM t USING x WHERE t.id = x.k RETURNING t.id, x.k
WITH x AS (SELECT max(v) AS m FROM t) UPDATE t SET v = (SELECT m FROM x) + 1 WHERE id = 1 RETURNING v, (SELECT m FROM x) AS m
SELECT * FROM t ORDER BY id
WITH x AS (SELECT 1 AS k) DELETE FROM t WHERE id = (SELECT k FROM x)
SELECT * FROM t ORDER BY id
WITH x AS (SELECT 1) UPDATE t SET v = 0 FROM nosuch WHERE true
WITH x AS (SELECT 1 AS k) UPDATE t SET v = x.nosuch FROM x
WITH x AS (SELECT 1 AS k), x AS (SELECT 2) DELETE FROM t


-- case: read_only_with_on_insert
CREATE TABLE t (id int PRIMARY KEY, v int)
WITH x AS (SELECT 5 AS a) INSERT INTO t VALUES ((SELECT a FROM x), 50) RETURNING *, (SELECT a FROM x) AS again
WITH x AS (SELECT g AS id, g * 10 AS v FROM generate_series(6, 8) g) INSERT INTO t SELECT * FROM x RETURNING *
WITH RECURSIVE r (n) AS (SELECT 10 UNION ALL SELECT n + 1 FROM r WHERE n < 13) INSERT INTO t SELECT n, n * n FROM r RETURNING *
INSERT INTO t WITH y AS (SELECT 20 AS id) SELECT id, 0 FROM y RETURNING *
WITH x AS (SELECT 30 AS id) INSERT INTO t SELECT id, 1 FROM x ON CONFLICT (id) DO NOTHING RETURNING *
WITH x AS (SELECT 30 AS id) INSERT INTO t SELECT id, 2 FROM x ON CONFLICT (id) DO UPDATE SET v = excluded.v + (SELECT id FROM x) RETURNING *
SELECT * FROM t ORDER BY id
WITH x AS (SELECT 1 AS a, 2 AS b, 3 AS c) INSERT INTO t SELECT * FROM x
WITH x AS (SELECT 'no' AS a) INSERT INTO t SELECT a::int, 0 FROM x
WITH x AS (SELECT y.a FROM y), y AS (SELECT 1 AS a) INSERT INTO t SELECT a, a FROM x


-- case: read_only_with_on_merge
CREATE TABLE t (id int PRIMARY KEY, v int)
INSERT INTO t VALUES (1, 10), (2, 20)
WITH src AS (SELECT * FROM (VALUES (1, 100), (3, 300)) s (id, v)) MERGE INTO t USING src ON t.id = src.id WHEN MATCHED THEN UPDATE SET v = src.v WHEN NOT MATCHED THEN INSERT VALUES (src.id, src.v)
SELECT * FROM t ORDER BY id
WITH RECURSIVE src AS (SELECT 1 AS id) MERGE INTO t USING src ON t.id = src.id WHEN MATCHED THEN DELETE
WITH gone AS (SELECT 2 AS id) MERGE INTO t USING gone ON t.id = gone.id WHEN MATCHED THEN DELETE
SELECT * FROM t ORDER BY id


-- case: delete_returning_in_select
CREATE TABLE t (id int PRIMARY KEY, v int)
INSERT INTO t VALUES (1, 10), (2, 20), (3, 30), (4, 40)
WITH d AS (DELETE FROM t WHERE id <= 2 RETURNING *) SELECT * FROM d ORDER BY id
WITH d AS (DELETE FROM t WHERE id = 3 RETURNING id, v * 2 AS doubled) SELECT count(*), sum(doubled) FROM d
WITH d (a, b) AS (DELETE FROM t WHERE id = 99 RETURNING *) SELECT a, b FROM d
SELECT * FROM t ORDER BY id
WITH d AS (DELETE FROM t RETURNING *) SELECT t.id FROM t
SELECT count(*) FROM t


-- case: update_and_insert_returning_in_select
CREATE TABLE t (id int PRIMARY KEY, v int)
INSERT INTO t VALUES (1, 10), (2, 20), (3, 30)
WITH u AS (UPDATE t SET v = v + 1 RETURNING *) SELECT t.v AS old, u.v AS new FROM t JOIN u USING (id) ORDER BY id
WITH i AS (INSERT INTO t VALUES (4, 40), (5, 50) RETURNING id) SELECT (SELECT count(*) FROM t) AS before, (SELECT count(*) FROM i) AS inserted
WITH i AS (INSERT INTO t VALUES (6, 60) RETURNING id) SELECT * FROM t WHERE id = 6
SELECT * FROM t ORDER BY id
WITH u AS (UPDATE t SET v = 0 WHERE id = 99 RETURNING id) SELECT count(*) FROM u
WITH u AS (UPDATE t SET v = -v WHERE id > 4 RETURNING id) SELECT id FROM u WHERE id IN (SELECT id FROM t) ORDER BY id
SELECT * FROM t ORDER BY id


-- case: unreferenced_writes_run_once
CREATE TABLE t (id int PRIMARY KEY, v int)
CREATE TABLE log (msg text)
INSERT INTO t VALUES (1, 10), (2, 20)
WITH a AS (INSERT INTO log VALUES ('a')), b AS (UPDATE t SET v = v + 1 RETURNING id) SELECT 1 AS one
SELECT * FROM log
SELECT * FROM t ORDER BY id
WITH a AS (INSERT INTO log VALUES ('twice?') RETURNING msg) SELECT * FROM a, (VALUES (1), (2)) v (n) ORDER BY n
WITH a AS (INSERT INTO log VALUES ('limit') RETURNING msg), b AS (INSERT INTO log SELECT 'lim-' || g FROM generate_series(1, 3) g RETURNING msg) SELECT * FROM b ORDER BY msg LIMIT 1
SELECT msg FROM log ORDER BY msg
WITH d AS (DELETE FROM log WHERE msg LIKE 'lim-%') DELETE FROM t WHERE id = 2
SELECT msg FROM log ORDER BY msg
SELECT * FROM t ORDER BY id


-- case: writes_in_with_on_writes
CREATE TABLE staging (id int, payload text)
CREATE TABLE target (id int PRIMARY KEY, payload text, loads int DEFAULT 1)
INSERT INTO staging VALUES (1, 'one'), (2, 'two'), (3, 'three')
WITH moved AS (DELETE FROM staging RETURNING *) INSERT INTO target (id, payload) SELECT * FROM moved
SELECT * FROM staging
SELECT * FROM target ORDER BY id
INSERT INTO staging VALUES (2, 'TWO'), (4, 'four')
WITH upd AS (UPDATE target SET payload = s.payload, loads = loads + 1 FROM staging s WHERE target.id = s.id RETURNING target.id) INSERT INTO target (id, payload) SELECT s.id, s.payload FROM staging s WHERE NOT EXISTS (SELECT 1 FROM upd WHERE upd.id = s.id) RETURNING *
SELECT * FROM target ORDER BY id
WITH ins AS (INSERT INTO target (id, payload) SELECT id, payload FROM staging ON CONFLICT (id) DO UPDATE SET loads = target.loads + 1 RETURNING id, loads) SELECT count(*), sum(loads) FROM ins
SELECT * FROM target ORDER BY id
WITH d AS (DELETE FROM staging WHERE id = 4 RETURNING id) UPDATE target SET payload = 'gone' FROM d WHERE target.id = d.id RETURNING target.*
WITH d AS (DELETE FROM target WHERE payload = 'gone' RETURNING id) DELETE FROM staging USING d WHERE staging.id = d.id RETURNING staging.*
SELECT * FROM staging ORDER BY id
SELECT * FROM target ORDER BY id


-- case: several_writes_chained
CREATE TABLE a (id int PRIMARY KEY, v int)
CREATE TABLE b (id int PRIMARY KEY, v int)
CREATE TABLE c (id int, total int)
INSERT INTO a VALUES (1, 1), (2, 2), (3, 3)
WITH d AS (DELETE FROM a WHERE id < 3 RETURNING *), i AS (INSERT INTO b SELECT id, v * 10 FROM d RETURNING *), s AS (INSERT INTO c SELECT count(*), sum(v) FROM i RETURNING *) SELECT * FROM s
SELECT * FROM a ORDER BY id
SELECT * FROM b ORDER BY id
SELECT * FROM c
WITH x AS (SELECT 3 AS k), u AS (UPDATE a SET v = 99 FROM x WHERE a.id = x.k RETURNING a.*) SELECT * FROM u
WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3), i AS (INSERT INTO c SELECT n, n FROM r RETURNING *) SELECT count(*) FROM i
SELECT * FROM c ORDER BY id


-- case: snapshot_same_row_twice
CREATE TABLE t (id int PRIMARY KEY, v int)
INSERT INTO t VALUES (1, 10), (2, 20), (3, 30)
WITH a AS (UPDATE t SET v = v + 1 WHERE id = 1 RETURNING *), b AS (UPDATE t SET v = v + 100 WHERE id = 1 RETURNING *) SELECT 1 AS done
WITH a AS (UPDATE t SET v = 1 WHERE id = 2 RETURNING *), b AS (UPDATE t SET v = 2 WHERE id = 2 RETURNING *) SELECT * FROM a, b
WITH a AS (DELETE FROM t WHERE id = 3 RETURNING *), b AS (UPDATE t SET v = 0 WHERE id = 3 RETURNING *) SELECT (SELECT count(*) FROM a) AS deleted, (SELECT count(*) FROM b) AS updated
SELECT * FROM t ORDER BY id
WITH u AS (UPDATE t SET v = 5 WHERE id = 1 RETURNING *) UPDATE t SET v = 6 WHERE id = 1 RETURNING *
WITH u AS (UPDATE t SET v = 7 WHERE id = 1 RETURNING *) DELETE FROM t WHERE id IN (SELECT id FROM u) RETURNING *
SELECT * FROM t ORDER BY id


-- case: snapshot_main_query_sees_the_start
CREATE TABLE t (id int PRIMARY KEY, v int)
INSERT INTO t VALUES (1, 10), (2, 20)
WITH i AS (INSERT INTO t VALUES (3, 30) RETURNING id) SELECT (SELECT count(*) FROM t) AS rows_seen, (SELECT count(*) FROM i) AS inserted
WITH d AS (DELETE FROM t WHERE id = 1 RETURNING id) SELECT id, v FROM t ORDER BY id
WITH u AS (UPDATE t SET v = v * 2 RETURNING id, v) SELECT t.id, t.v AS before, u.v AS after FROM t LEFT JOIN u ON u.id = t.id ORDER BY t.id
SELECT * FROM t ORDER BY id
WITH d AS (DELETE FROM t WHERE id = 2 RETURNING *) INSERT INTO t SELECT id, v + 1 FROM d RETURNING *
WITH d AS (DELETE FROM t WHERE id = 2 RETURNING *) INSERT INTO t VALUES (2, 0)
SELECT * FROM t ORDER BY id


-- case: two_inserts_of_one_key
CREATE TABLE t (id int PRIMARY KEY, v int)
WITH i AS (INSERT INTO t VALUES (7, 1) RETURNING id), j AS (INSERT INTO t VALUES (7, 2) RETURNING id) SELECT * FROM i, j
SELECT count(*) FROM t
WITH i AS (INSERT INTO t VALUES (8, 1) RETURNING id) SELECT * FROM t
SELECT count(*) FROM t
WITH i AS (INSERT INTO t VALUES (9, 1)) INSERT INTO t VALUES (9, 2)
SELECT count(*) FROM t


-- case: errors_undo_the_whole_statement
CREATE TABLE parent (id int PRIMARY KEY)
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent, n int CHECK (n > 0))
INSERT INTO parent VALUES (1), (2)
INSERT INTO child VALUES (10, 1, 1)
WITH d AS (DELETE FROM parent WHERE id = 2 RETURNING id) INSERT INTO child SELECT 20, id, 1 FROM d
SELECT * FROM parent ORDER BY id
WITH d AS (DELETE FROM parent WHERE id = 1 RETURNING id) SELECT count(*) FROM d
SELECT * FROM parent ORDER BY id
WITH i AS (INSERT INTO parent VALUES (3) RETURNING id) INSERT INTO child SELECT 30, id, 0 FROM i
SELECT * FROM parent ORDER BY id
WITH i AS (INSERT INTO child VALUES (40, 9, 1) RETURNING id) SELECT * FROM i
WITH i AS (INSERT INTO parent VALUES (4) RETURNING id), j AS (INSERT INTO child SELECT 40, id, 1 FROM i RETURNING *) SELECT * FROM j
SELECT * FROM parent ORDER BY id
SELECT * FROM child ORDER BY id


-- case: errors_in_transaction_blocks
CREATE TABLE t (id int PRIMARY KEY, v int CHECK (v < 100))
INSERT INTO t VALUES (1, 10), (2, 20)
BEGIN
WITH u AS (UPDATE t SET v = v + 1 RETURNING *) SELECT count(*) FROM u
SAVEPOINT s
WITH u AS (UPDATE t SET v = v * 10 RETURNING *), i AS (INSERT INTO t VALUES (3, 30) RETURNING *) SELECT count(*) FROM i
ROLLBACK TO SAVEPOINT s
SELECT * FROM t ORDER BY id
WITH d AS (DELETE FROM t WHERE id = 1 RETURNING *) INSERT INTO t SELECT id + 10, v FROM d RETURNING *
SELECT * FROM t ORDER BY id
WITH i AS (INSERT INTO t VALUES (2, 0) RETURNING *) SELECT * FROM i
SELECT * FROM t ORDER BY id
ROLLBACK
SELECT * FROM t ORDER BY id
BEGIN
WITH d AS (DELETE FROM t RETURNING *) SELECT count(*) FROM d
COMMIT
SELECT count(*) FROM t


-- case: not_at_top_level
CREATE TABLE t (id int PRIMARY KEY, v int)
INSERT INTO t VALUES (1, 10)
SELECT * FROM (WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d) s
SELECT 1 FROM t WHERE id IN (WITH d AS (DELETE FROM t RETURNING *) SELECT id FROM d)
WITH x AS (WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d) SELECT * FROM x
INSERT INTO t WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d
UPDATE t SET v = (WITH d AS (DELETE FROM t RETURNING v) SELECT v FROM d)
SELECT count(*) FROM t


-- case: where_writes_in_with_are_refused
CREATE TABLE t (id int PRIMARY KEY, v int)
INSERT INTO t VALUES (1, 10)
WITH RECURSIVE d AS (DELETE FROM t WHERE id IN (SELECT id FROM d) RETURNING *) SELECT * FROM d
WITH m AS (MERGE INTO t USING t s ON t.id = s.id WHEN MATCHED THEN DO NOTHING) SELECT 1
WITH d AS (DELETE FROM t WHERE id = 9) SELECT * FROM d
WITH d AS (DELETE FROM t WHERE id = 9) SELECT 1 AS ok
WITH d (a, b, c) AS (DELETE FROM t RETURNING *) SELECT 1
WITH d AS (DELETE FROM t RETURNING *), d AS (SELECT 1) SELECT 1
WITH d AS (DELETE FROM t RETURNING nosuch) SELECT 1
WITH d AS (DELETE FROM nosuch RETURNING *) SELECT 1
WITH d AS (UPDATE t SET v = 'x' RETURNING *) SELECT 1
BEGIN
DECLARE c CURSOR FOR WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d
ROLLBACK
CREATE VIEW v AS WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d
CREATE MATERIALIZED VIEW mv AS WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d
SELECT count(*) FROM t


-- case: read_only_transaction
CREATE TABLE t (id int PRIMARY KEY, v int)
INSERT INTO t VALUES (1, 10)
BEGIN READ ONLY
WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d
ROLLBACK
BEGIN READ ONLY
WITH d AS (DELETE FROM t RETURNING *) INSERT INTO t SELECT * FROM d
ROLLBACK
BEGIN READ ONLY
WITH x AS (SELECT 1 AS id) SELECT * FROM x
COMMIT
SELECT count(*) FROM t


-- case: prepared_statements
CREATE TABLE t (id int PRIMARY KEY, v int)
INSERT INTO t VALUES (1, 10), (2, 20), (3, 30)
PREPARE p (int) AS WITH d AS (DELETE FROM t WHERE id = $1 RETURNING *) SELECT * FROM d
EXECUTE p (1)
EXECUTE p (1)
EXECUTE p (2)
SELECT * FROM t ORDER BY id
PREPARE q AS WITH u AS (UPDATE t SET v = v + $1 RETURNING *) SELECT sum(v) FROM u
EXECUTE q (5)
SELECT * FROM t ORDER BY id


-- case: triggers_fire
CREATE TABLE t (id int PRIMARY KEY, v int)
CREATE TABLE audit (op text, id int)
CREATE FUNCTION note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'DELETE' THEN INSERT INTO audit VALUES (TG_OP, OLD.id); RETURN OLD; END IF; INSERT INTO audit VALUES (TG_OP, NEW.id); RETURN NEW; END $$
CREATE TRIGGER t_note AFTER INSERT OR UPDATE OR DELETE ON t FOR EACH ROW EXECUTE FUNCTION note()
INSERT INTO t VALUES (1, 10), (2, 20)
WITH d AS (DELETE FROM t WHERE id = 1 RETURNING *) INSERT INTO t SELECT id + 10, v FROM d RETURNING *
SELECT * FROM audit ORDER BY op, id
SELECT * FROM t ORDER BY id


-- case: functions_ctas_copy_and_other_shapes
CREATE TABLE t (id int PRIMARY KEY, v int)
INSERT INTO t VALUES (1, 10), (2, 20), (3, 30), (4, 40), (5, 50)
CREATE FUNCTION pop(k int) RETURNS SETOF t LANGUAGE sql AS $$ WITH d AS (DELETE FROM t WHERE id = k RETURNING *) SELECT * FROM d $$
SELECT * FROM pop(1)
CREATE FUNCTION bump() RETURNS int LANGUAGE plpgsql AS $$ DECLARE n int; BEGIN WITH u AS (UPDATE t SET v = v + 1 RETURNING id) SELECT count(*) INTO n FROM u; RETURN n; END $$
SELECT bump()
SELECT * FROM t ORDER BY id
CREATE TABLE ct AS WITH d AS (DELETE FROM t WHERE id = 3 RETURNING *) SELECT * FROM d
SELECT * FROM ct
WITH d AS (DELETE FROM t WHERE id = 2 RETURNING *) SELECT * INTO moved FROM d
SELECT * FROM moved
COPY (WITH d AS (DELETE FROM t WHERE id = 4 RETURNING *) SELECT * FROM d) TO STDOUT
WITH d AS (DELETE FROM t WHERE id = 5 RETURNING *) TABLE d
INSERT INTO t VALUES (6, 60), (7, 70)
WITH d AS (DELETE FROM t WHERE id = 6 RETURNING *) SELECT * FROM d UNION ALL SELECT * FROM d
WITH d AS (DELETE FROM t WHERE id = 7 RETURNING *) VALUES (1)
WITH t AS (DELETE FROM t WHERE id = 7 RETURNING *) SELECT * FROM t
WITH a AS (INSERT INTO t VALUES (8, 8) RETURNING *) SELECT * FROM a WHERE id > (SELECT max(id) FROM t)
SELECT * FROM t ORDER BY id
