-- schema: tests/differential/schemas/constraints.sql
-- MERGE (PostgreSQL 15): insert-only, update-only, delete and DO NOTHING
-- clauses; conditional WHEN clauses taken in order (the first whose
-- condition holds acts); the source as a table, a subquery or VALUES, with
-- and without aliases; DEFAULT in SET and VALUES, DEFAULT VALUES, serial and
-- identity columns (OVERRIDING), the tag `MERGE n`; errors in parse
-- analysis' order (unreachable WHEN clauses, the target and source names,
-- target references from NOT MATCHED clauses, ambiguity, arity, views,
-- RETURNING as a syntax error), a target row acted on twice (21000), and
-- constraint violations mid-statement (the whole statement is undone);
-- MERGE inside a transaction block, rolled back or to a savepoint.

-- case: merge_insert_only
INSERT INTO nn VALUES (1, 'a', 10, NULL)
MERGE INTO nn USING (VALUES (1, 'x'), (2, 'y'), (3, 'z')) AS s (id, a) ON nn.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.a)
SELECT * FROM nn ORDER BY id
MERGE INTO nn USING (VALUES (4, 'w')) AS s (id, a) ON nn.id = s.id WHEN NOT MATCHED THEN INSERT (a, id) VALUES (a, id)
SELECT * FROM nn ORDER BY id


-- case: merge_update_only
INSERT INTO nn VALUES (1, 'a', 10, NULL), (2, 'b', 20, NULL), (3, 'c', 30, 'k')
MERGE INTO nn t USING (VALUES (1, 5), (3, 7), (9, 9)) AS s (id, d) ON t.id = s.id WHEN MATCHED THEN UPDATE SET b = t.b + s.d, c = 'm'
SELECT * FROM nn ORDER BY id
MERGE INTO nn t USING (SELECT 2 AS id) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET b = DEFAULT, c = DEFAULT
SELECT * FROM nn ORDER BY id


-- case: merge_upsert_both
INSERT INTO nn VALUES (1, 'a', 10, NULL), (2, 'b', 20, NULL)
CREATE TABLE src (id integer, a text, b integer)
INSERT INTO src VALUES (2, 'B', 21), (3, 'C', 31), (4, 'D', NULL)
MERGE INTO nn USING src ON nn.id = src.id WHEN MATCHED THEN UPDATE SET a = src.a, b = src.b WHEN NOT MATCHED THEN INSERT (id, a, b) VALUES (src.id, src.a, coalesce(src.b, -1))
SELECT * FROM nn ORDER BY id
MERGE INTO nn AS t USING src AS s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = t.a || s.a WHEN NOT MATCHED THEN INSERT DEFAULT VALUES
SELECT * FROM nn ORDER BY id


-- case: merge_delete
INSERT INTO nn VALUES (1, 'a', 10, NULL), (2, 'b', 20, NULL), (3, 'c', 30, NULL)
MERGE INTO nn t USING (VALUES (1), (3), (5)) s (id) ON t.id = s.id WHEN MATCHED THEN DELETE
SELECT * FROM nn ORDER BY id
MERGE INTO nn t USING (VALUES (2)) s (id) ON t.id = s.id WHEN MATCHED AND t.b > 100 THEN DELETE
SELECT * FROM nn ORDER BY id


-- case: merge_do_nothing
INSERT INTO nn VALUES (1, 'a', 10, NULL)
MERGE INTO nn t USING (VALUES (1), (2)) s (id) ON t.id = s.id WHEN MATCHED THEN DO NOTHING WHEN NOT MATCHED THEN DO NOTHING
MERGE INTO nn t USING (VALUES (1), (2)) s (id) ON t.id = s.id WHEN NOT MATCHED AND s.id > 5 THEN INSERT VALUES (s.id, 'n') WHEN NOT MATCHED THEN DO NOTHING
SELECT * FROM nn ORDER BY id


-- case: merge_conditions_in_order
INSERT INTO nn VALUES (1, 'a', 1, NULL), (2, 'b', 2, NULL), (3, 'c', 3, NULL), (4, 'd', 4, NULL)
MERGE INTO nn t USING (VALUES (1, 'one'), (2, 'two'), (3, 'three'), (4, NULL), (5, 'five'), (6, NULL)) s (id, w) ON t.id = s.id WHEN MATCHED AND t.b = 1 THEN DELETE WHEN MATCHED AND s.w LIKE 't%' THEN UPDATE SET c = s.w WHEN MATCHED AND s.w IS NULL THEN DO NOTHING WHEN MATCHED THEN UPDATE SET c = 'other' WHEN NOT MATCHED AND s.w IS NOT NULL THEN INSERT VALUES (s.id, s.w) WHEN NOT MATCHED THEN INSERT (id, a, c) VALUES (s.id, 'null', 'x')
SELECT * FROM nn ORDER BY id


-- case: merge_source_subquery_join
INSERT INTO parent VALUES (1, 'p1', NULL), (2, 'p2', NULL)
INSERT INTO nn VALUES (1, 'a', 0, NULL)
MERGE INTO nn USING (SELECT p.id, p.code, count(*) AS n FROM parent p GROUP BY p.id, p.code) AS q ON nn.id = q.id WHEN MATCHED THEN UPDATE SET c = q.code, b = q.n WHEN NOT MATCHED THEN INSERT VALUES (q.id, q.code, q.n)
SELECT * FROM nn ORDER BY id
MERGE INTO nn USING parent JOIN child_noaction c ON c.pid = parent.id ON nn.id = c.id WHEN NOT MATCHED THEN INSERT VALUES (c.id, parent.code)
MERGE INTO nn USING parent ON nn.id = parent.id AND parent.code = 'p2' WHEN MATCHED THEN UPDATE SET c = parent.code
SELECT * FROM nn ORDER BY id


-- case: merge_on_false_and_empty_source
INSERT INTO nn VALUES (1, 'a', 0, NULL)
MERGE INTO nn USING (SELECT 1 AS id WHERE false) s ON nn.id = s.id WHEN MATCHED THEN DELETE
MERGE INTO nn USING (VALUES (1)) s (id) ON false WHEN NOT MATCHED THEN INSERT VALUES (7, 'seven') WHEN MATCHED THEN DELETE
MERGE INTO nn USING (VALUES (1)) s (id) ON NULL WHEN NOT MATCHED THEN INSERT VALUES (8, 'eight')
SELECT * FROM nn ORDER BY id


-- case: merge_twice_error
INSERT INTO nn VALUES (1, 'a', 0, NULL), (2, 'b', 0, NULL)
MERGE INTO nn t USING (VALUES (1, 'x'), (1, 'y')) s (id, a) ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a
MERGE INTO nn t USING (VALUES (2), (2)) s (id) ON t.id = s.id WHEN MATCHED THEN DELETE
MERGE INTO nn t USING (VALUES (1), (1)) s (id) ON t.id = s.id WHEN MATCHED THEN DO NOTHING
MERGE INTO nn t USING (VALUES (1, 1), (1, 2)) s (id, k) ON t.id = s.id WHEN MATCHED AND s.k = 1 THEN UPDATE SET b = 5 WHEN MATCHED THEN DO NOTHING
SELECT * FROM nn ORDER BY id


-- case: merge_unreachable_when
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = s.id WHEN MATCHED THEN DELETE WHEN MATCHED THEN DELETE
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = s.id WHEN NOT MATCHED THEN DO NOTHING WHEN MATCHED THEN DELETE WHEN NOT MATCHED AND s.id = 1 THEN DO NOTHING
MERGE INTO nosuch t USING (VALUES (1)) s (id) ON t.id = s.id WHEN MATCHED THEN DELETE WHEN MATCHED THEN DELETE
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = s.id WHEN MATCHED AND s.id = 1 THEN DELETE WHEN MATCHED THEN DELETE


-- case: merge_bad_names
MERGE INTO nosuch USING nn ON true WHEN MATCHED THEN DELETE
MERGE INTO nn USING nosuch ON true WHEN MATCHED THEN DELETE
MERGE INTO nn t USING nn s ON t.zz = 1 WHEN MATCHED THEN DELETE
MERGE INTO nn t USING nn s ON t.id = s.id WHEN MATCHED THEN UPDATE SET zz = 1
MERGE INTO nn t USING nn s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, zz) VALUES (1, 2)
MERGE INTO nn USING nn ON true WHEN MATCHED THEN DELETE
MERGE INTO nn t USING parent t ON true WHEN MATCHED THEN DELETE
MERGE INTO nn t USING (VALUES (1)) s (id) ON nn.id = s.id WHEN MATCHED THEN DELETE
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = x.id WHEN MATCHED THEN DELETE


-- case: merge_not_matched_sees_only_source
MERGE INTO nn t USING (VALUES (5, 'x')) s (id, a) ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (t.id, s.a)
MERGE INTO nn t USING (VALUES (5, 'x')) s (id, a) ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, c)
MERGE INTO nn t USING (VALUES (5, 'x')) s (id, a) ON t.id = s.id WHEN NOT MATCHED AND t.b > 0 THEN INSERT VALUES (1, s.a)
MERGE INTO nn t USING (VALUES (5, 'x')) s (id, a) ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (id, a)
SELECT * FROM nn ORDER BY id


-- case: merge_ambiguous
INSERT INTO nn VALUES (5, 'a', 0, NULL)
MERGE INTO nn t USING (VALUES (5, 'x')) s (id, a) ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = id
MERGE INTO nn t USING (VALUES (5, 'x')) s (id, a) ON id = 1 WHEN MATCHED THEN DELETE
MERGE INTO nn t USING (VALUES (5, 'x')) s (id, a) ON t.id = s.id WHEN MATCHED AND id > 1 THEN DELETE
MERGE INTO nn t USING (VALUES (5, 'x')) s (id, q) ON t.id = s.id WHEN MATCHED THEN UPDATE SET c = q || a
SELECT * FROM nn ORDER BY id


-- case: merge_insert_arity_and_types
MERGE INTO nn t USING (SELECT 1 AS id) s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, a, id) VALUES (1, 'a', 1)
MERGE INTO nn t USING (SELECT 1 AS id) s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, a) VALUES (1, 'a', 1)
MERGE INTO nn t USING (SELECT 1 AS id) s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, a) VALUES (1)
MERGE INTO nn t USING (SELECT 1 AS id) s ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (1, 'a', 'zz')
MERGE INTO nn t USING (SELECT 1 AS id) s ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (1, 'a', true)
MERGE INTO nn t USING (SELECT 1 AS id) s ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (1, 'a', 2, 'c')
MERGE INTO nn t USING (SELECT 1 AS id) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET b = 'x'
MERGE INTO nn t USING (SELECT 1 AS id) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = 'q', a = 'r'
MERGE INTO nn t USING (SELECT 1 AS id) s ON t.id = s.id WHEN MATCHED AND 1 THEN DO NOTHING
MERGE INTO nn t USING (SELECT 1 AS id) s ON t.id = s.id WHEN MATCHED AND count(*) > 1 THEN DO NOTHING
MERGE INTO nn t USING (SELECT 1 AS id) s ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (1, 'a', sum(s.id))
MERGE INTO nn t USING (SELECT 1 AS id) s ON count(*) > 0 WHEN MATCHED THEN DELETE
SELECT count(*) FROM nn


-- case: merge_returning_is_syntax_error
MERGE INTO nn t USING (SELECT 1 AS id) s ON t.id = s.id WHEN MATCHED THEN DELETE RETURNING *
MERGE INTO nn t USING (SELECT 1 AS id) s ON t.id = s.id


-- case: merge_into_view
CREATE VIEW nn_view AS SELECT * FROM nn
MERGE INTO nn_view v USING (SELECT 1 AS id) s ON v.id = s.id WHEN MATCHED THEN DELETE
CREATE MATERIALIZED VIEW nn_mat AS SELECT * FROM nn
MERGE INTO nn_mat v USING (SELECT 1 AS id) s ON v.id = s.id WHEN MATCHED THEN DELETE
MERGE INTO nn t USING nn_view v ON t.id = v.id WHEN MATCHED THEN DELETE


-- case: merge_not_null_mid_statement
INSERT INTO nn VALUES (1, 'a', 0, NULL), (2, 'b', 0, NULL)
MERGE INTO nn t USING (VALUES (1, 'x'), (2, NULL)) s (id, a) ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a
SELECT * FROM nn ORDER BY id
MERGE INTO nn t USING (VALUES (3, 'x'), (4, NULL)) s (id, a) ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.a)
SELECT * FROM nn ORDER BY id


-- case: merge_check_and_unique
INSERT INTO checks (id, qty) VALUES (1, 5)
MERGE INTO checks t USING (VALUES (1, -1)) s (id, q) ON t.id = s.id WHEN MATCHED THEN UPDATE SET qty = s.q
MERGE INTO checks t USING (VALUES (2, 0)) s (id, q) ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, qty) VALUES (s.id, s.q)
INSERT INTO uniq VALUES (1, 'a@x', 1, 1), (2, 'b@x', 2, 2)
MERGE INTO uniq t USING (VALUES (3, 'a@x')) s (id, e) ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, email) VALUES (s.id, s.e)
MERGE INTO uniq t USING (VALUES (2, 'a@x')) s (id, e) ON t.id = s.id WHEN MATCHED THEN UPDATE SET email = s.e
MERGE INTO uniq t USING (VALUES (1, 'c@x'), (5, 'b@x')) s (id, e) ON t.id = s.id WHEN MATCHED THEN UPDATE SET email = s.e WHEN NOT MATCHED THEN INSERT (id, email) VALUES (s.id, s.e)
MERGE INTO uniq t USING (VALUES (1, 'b@x'), (2, 'a@x')) s (id, e) ON t.id = s.id WHEN MATCHED THEN UPDATE SET email = s.e
SELECT * FROM uniq ORDER BY id
SELECT * FROM checks ORDER BY id


-- case: merge_foreign_keys
INSERT INTO parent VALUES (1, 'p1', NULL), (2, 'p2', NULL)
INSERT INTO child_noaction VALUES (10, 1)
MERGE INTO child_noaction t USING (VALUES (11, 3)) s (id, pid) ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.pid)
MERGE INTO child_noaction t USING (VALUES (11, 2)) s (id, pid) ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.pid)
MERGE INTO parent t USING (VALUES (1)) s (id) ON t.id = s.id WHEN MATCHED THEN DELETE
MERGE INTO parent t USING (VALUES (2)) s (id) ON t.id = s.id WHEN MATCHED THEN UPDATE SET id = 20
INSERT INTO child_cascade VALUES (1, 1)
MERGE INTO parent t USING (VALUES (1, 100)) s (id, n) ON t.id = s.id WHEN MATCHED THEN UPDATE SET id = s.n
SELECT * FROM child_cascade
SELECT * FROM parent ORDER BY id


-- case: merge_deferred_fk_and_transactions
INSERT INTO nn VALUES (1, 'a', 0, NULL)
BEGIN
MERGE INTO nn t USING (VALUES (1, 'x'), (2, 'y')) s (id, a) ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.a)
SELECT * FROM nn ORDER BY id
ROLLBACK
SELECT * FROM nn ORDER BY id
BEGIN
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = s.id WHEN MATCHED THEN DELETE
SAVEPOINT sp
MERGE INTO nn t USING (VALUES (3, 'z')) s (id, a) ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.a)
MERGE INTO nn t USING (VALUES (3, NULL)) s (id, a) ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a
SELECT * FROM nn ORDER BY id
ROLLBACK TO SAVEPOINT sp
SELECT * FROM nn ORDER BY id
COMMIT
SELECT * FROM nn ORDER BY id


-- case: merge_serial_and_identity
CREATE TABLE ms (id serial PRIMARY KEY, name text)
CREATE TABLE mi (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text)
CREATE TABLE md (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text)
MERGE INTO ms USING (VALUES ('a')) s (n) ON ms.name = s.n WHEN NOT MATCHED THEN INSERT (name) VALUES (s.n)
MERGE INTO ms USING (VALUES ('a'), ('b')) s (n) ON ms.name = s.n WHEN MATCHED THEN UPDATE SET id = DEFAULT WHEN NOT MATCHED THEN INSERT (name) VALUES (s.n)
SELECT * FROM ms ORDER BY id
MERGE INTO mi USING (VALUES ('a')) s (n) ON mi.name = s.n WHEN NOT MATCHED THEN INSERT (id, name) VALUES (5, s.n)
MERGE INTO mi USING (VALUES ('a')) s (n) ON mi.name = s.n WHEN NOT MATCHED THEN INSERT (id, name) OVERRIDING SYSTEM VALUE VALUES (5, s.n)
MERGE INTO mi USING (VALUES ('b')) s (n) ON mi.name = s.n WHEN NOT MATCHED THEN INSERT (id, name) OVERRIDING USER VALUE VALUES (5, s.n)
MERGE INTO mi USING (VALUES ('c')) s (n) ON mi.name = s.n WHEN NOT MATCHED THEN INSERT (id, name) VALUES (DEFAULT, s.n)
MERGE INTO mi USING (VALUES ('a')) s (n) ON mi.name = s.n WHEN MATCHED THEN UPDATE SET id = 9
MERGE INTO mi USING (VALUES ('a')) s (n) ON mi.name = s.n WHEN MATCHED THEN UPDATE SET id = DEFAULT
SELECT * FROM mi ORDER BY id
MERGE INTO md USING (VALUES (7, 'a'), (NULL, 'b')) s (i, n) ON md.name = s.n WHEN NOT MATCHED AND s.i IS NOT NULL THEN INSERT VALUES (s.i, s.n) WHEN NOT MATCHED THEN INSERT (name) VALUES (s.n)
SELECT * FROM md ORDER BY id
SELECT nextval('ms_id_seq')


-- case: merge_defaults
CREATE TABLE mdef (id integer PRIMARY KEY, status text NOT NULL DEFAULT 'new', qty integer DEFAULT 1)
MERGE INTO mdef USING (VALUES (1), (2)) s (id) ON mdef.id = s.id WHEN NOT MATCHED AND s.id = 1 THEN INSERT (id) VALUES (s.id) WHEN NOT MATCHED THEN INSERT VALUES (s.id, DEFAULT, 5)
MERGE INTO mdef USING (VALUES (1, 'old')) s (id, st) ON mdef.id = s.id WHEN MATCHED THEN UPDATE SET status = s.st, qty = DEFAULT
SELECT * FROM mdef ORDER BY id
MERGE INTO mdef USING (VALUES (3)) s (id) ON mdef.id = s.id WHEN NOT MATCHED THEN INSERT DEFAULT VALUES


-- case: merge_expressions_and_casts
INSERT INTO nn VALUES (1, 'a', 10, NULL)
MERGE INTO nn t USING (VALUES ('1', '2.5')) s (id, x) ON t.id = s.id::int WHEN MATCHED THEN UPDATE SET b = s.x::numeric * 2, c = upper(t.a) || s.id
MERGE INTO nn t USING (VALUES (2)) s (id) ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, 'b', '12', 'lit')
MERGE INTO nn t USING (VALUES (3)) s (id) ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, 'c', 'abc')
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = s.id WHEN MATCHED THEN UPDATE SET b = 1 / 0
MERGE INTO nn t USING (VALUES (1, 0)) s (id, z) ON t.id = s.id WHEN MATCHED THEN UPDATE SET b = 1 / s.z
SELECT * FROM nn ORDER BY id


-- case: merge_processing_order
CREATE TABLE ms (id serial PRIMARY KEY, name text UNIQUE)
CREATE TABLE feed (n text, k integer)
INSERT INTO feed VALUES ('c', 3), ('a', 1), ('d', 4), ('b', 2)
MERGE INTO ms USING feed ON ms.name = feed.n WHEN NOT MATCHED THEN INSERT (name) VALUES (feed.n)
SELECT * FROM ms ORDER BY id
INSERT INTO feed VALUES ('e', 5), ('f', 6)
MERGE INTO ms USING feed ON ms.name = feed.n WHEN MATCHED AND feed.k % 2 = 0 THEN UPDATE SET name = upper(ms.name) WHEN NOT MATCHED THEN INSERT (name) VALUES (feed.n)
SELECT * FROM ms ORDER BY id


-- case: merge_first_error_wins
INSERT INTO nn VALUES (1, 'a', 0, NULL), (2, 'b', 0, NULL), (3, 'c', 0, NULL)
INSERT INTO checks (id, qty) VALUES (1, 1), (2, 2), (3, 3)
MERGE INTO checks t USING (VALUES (1, 1, 'ab'), (2, -1, 'abc'), (3, 5, 'x')) s (id, q, c) ON t.id = s.id WHEN MATCHED THEN UPDATE SET qty = s.q, code = s.c
MERGE INTO checks t USING (VALUES (3, 5, 'x'), (2, -1, 'abc'), (1, 1, 'ab')) s (id, q, c) ON t.id = s.id WHEN MATCHED THEN UPDATE SET qty = s.q, code = s.c
SELECT * FROM checks ORDER BY id


-- case: merge_subqueries
INSERT INTO parent VALUES (1, 'p1', 'n1'), (2, 'p2', NULL)
INSERT INTO nn VALUES (1, 'a', 0, NULL), (2, 'b', 0, NULL)
MERGE INTO nn t USING (VALUES (1), (2), (3)) s (id) ON t.id = s.id WHEN MATCHED AND EXISTS (SELECT 1 FROM parent p WHERE p.id = t.id AND p.note IS NOT NULL) THEN UPDATE SET c = (SELECT code FROM parent WHERE parent.id = s.id) WHEN NOT MATCHED THEN INSERT VALUES (s.id, (SELECT max(code) FROM parent), (SELECT count(*) FROM parent))
SELECT * FROM nn ORDER BY id
MERGE INTO nn t USING (SELECT id FROM parent WHERE id IN (SELECT id FROM nn)) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET b = b + 10
SELECT * FROM nn ORDER BY id


-- case: merge_self_source
INSERT INTO nn VALUES (1, 'a', 1, NULL), (2, 'b', 2, NULL)
MERGE INTO nn t USING nn s ON t.id = s.id + 1 WHEN MATCHED THEN UPDATE SET c = s.a WHEN NOT MATCHED THEN INSERT VALUES (s.id + 1, s.a || '+', s.b)
SELECT * FROM nn ORDER BY id
MERGE INTO nn t USING (SELECT * FROM nn) s ON t.id = s.id WHEN MATCHED AND s.b > 1 THEN DELETE
SELECT * FROM nn ORDER BY id


-- case: merge_cte_source_and_qualified_names
INSERT INTO nn VALUES (1, 'a', 1, NULL)
MERGE INTO public.nn USING (WITH w AS (SELECT 1 AS id, 'w' AS a) SELECT * FROM w) s ON nn.id = s.id WHEN MATCHED THEN UPDATE SET c = s.a
MERGE INTO public.nn USING (VALUES (1)) s (id) ON public.nn.id = s.id WHEN MATCHED THEN UPDATE SET c = 'q'
MERGE INTO public.nn AS x USING (VALUES (1)) s (id) ON public.nn.id = s.id WHEN MATCHED THEN UPDATE SET c = 'q'
SELECT * FROM nn ORDER BY id


-- case: merge_in_failed_transaction
BEGIN
MERGE INTO nn t USING (VALUES (1, NULL)) s (id, a) ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.a)
MERGE INTO nn t USING (VALUES (1, 'a')) s (id, a) ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.a)
ROLLBACK
BEGIN READ ONLY
MERGE INTO nn t USING (VALUES (1, 'a')) s (id, a) ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.a)
ROLLBACK
SELECT * FROM nn


-- case: merge_deferred_foreign_key
CREATE TABLE dp (id integer PRIMARY KEY)
CREATE TABLE dc (id integer PRIMARY KEY, pid integer REFERENCES dp DEFERRABLE INITIALLY DEFERRED)
BEGIN
MERGE INTO dc USING (VALUES (1, 10)) s (id, pid) ON dc.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.pid)
MERGE INTO dp USING (VALUES (10)) s (id) ON dp.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id)
COMMIT
BEGIN
MERGE INTO dc USING (VALUES (2, 20)) s (id, pid) ON dc.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.pid)
COMMIT
SET CONSTRAINTS ALL IMMEDIATE
MERGE INTO dc USING (VALUES (1, 30)) s (id, pid) ON dc.id = s.id WHEN MATCHED THEN UPDATE SET pid = s.pid
SELECT * FROM dc ORDER BY id


-- case: merge_windows_and_set_returning
INSERT INTO nn VALUES (1, 'a', 1, NULL)
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = s.id WHEN MATCHED AND row_number() OVER () = 1 THEN DELETE
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = s.id WHEN MATCHED THEN UPDATE SET b = generate_series(1, 2)
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = s.id WHEN MATCHED THEN UPDATE SET b = sum(s.id) OVER ()
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = s.id WHEN MATCHED AND generate_series(1, 2) = 1 THEN DELETE
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = generate_series(1, 2) WHEN MATCHED THEN DELETE
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = s.id WHEN MATCHED AND s.id = 0 THEN UPDATE SET b = 'x', c = generate_series(1, 2)
MERGE INTO nn t USING (VALUES (1)) s (id) ON row_number() OVER () = 1 WHEN MATCHED THEN DELETE
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = s.id WHEN MATCHED THEN UPDATE SET b = (SELECT generate_series(7, 7))
MERGE INTO nn t USING generate_series(1, 3) s (id) ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, 'g')
SELECT * FROM nn ORDER BY id


-- case: merge_parameters_missing
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = $1 WHEN MATCHED THEN DELETE


-- case: merge_odd_shapes
INSERT INTO nn VALUES (1, 'a', 1, NULL)
MERGE INTO nn t USING (VALUES (1, 'q')) s (id, a) ON t.id = s.id WHEN MATCHED THEN UPDATE SET (a, c) = (s.a, 'z')
MERGE INTO nn t USING (VALUES (1, 'q')) s (id, a) ON t.id = s.id WHEN MATCHED THEN UPDATE SET (a, c) = (s.a)
MERGE INTO nn t USING (VALUES (1, 'q')) s (id, a) ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.a = 'r'
MERGE INTO nn t USING (VALUES (2)) s (id) ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, a) VALUES (s.id, DEFAULT)
MERGE INTO nn t USING (VALUES (2)) s (id) ON t.id = 'x' WHEN NOT MATCHED THEN INSERT (id, a) VALUES (s.id, 'x')
MERGE INTO nn t USING (VALUES (2, 'y')) s (id) ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, a) VALUES (s.id, s.column2)
MERGE INTO nn t USING (VALUES (2, 'y')) s (id, a, b) ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, a) VALUES (s.id, s.a)
MERGE INTO nn t USING (SELECT 2 AS id, 'w') s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, a) VALUES (s.id, s."?column?")
MERGE INTO nn t USING (SELECT 3) ON true WHEN NOT MATCHED THEN INSERT (id, a) VALUES (3, 'x')
MERGE INTO nn t USING parent ON t.id = parent.id WHEN MATCHED THEN UPDATE SET c = parent.nosuch
MERGE INTO nn t USING nn ON t.id = nn.id WHEN MATCHED THEN UPDATE SET c = 'self'
SELECT * FROM nn ORDER BY id


-- case: merge_with_clause
INSERT INTO nn VALUES (1, 'a', 1, NULL)
WITH w AS (SELECT 1 AS id) MERGE INTO nn USING w ON nn.id = w.id WHEN MATCHED THEN DELETE
SELECT * FROM nn ORDER BY id

-- case: merge_whole_row_reference
INSERT INTO nn VALUES (1, 'a', 1, NULL)
MERGE INTO nn t USING (VALUES (1)) s (id) ON t.id = s.id WHEN MATCHED THEN UPDATE SET c = t
SELECT * FROM nn
