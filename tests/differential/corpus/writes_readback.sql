-- schema: tests/differential/schemas/constraints.sql
-- Writes observed through SELECT ... FROM (the read path): these cases pass
-- only once both the write path and table reads exist, so they are kept
-- apart from the RETURNING-only write corpora. Every SELECT orders its rows.

-- case: readback_insert
INSERT INTO nn VALUES (2, 'b', 2, NULL), (1, 'a', 1, 'x')
INSERT INTO nn (id, a) VALUES (3, 'c')
SELECT * FROM nn ORDER BY id
SELECT count(*), sum(b), max(a) FROM nn


-- case: readback_failed_statement_leaves_nothing
INSERT INTO nn VALUES (1, 'a', 1, NULL), (2, NULL, 2, NULL)
INSERT INTO checks (id, qty) VALUES (1, 1), (2, 0)
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_noaction VALUES (1, 1), (2, 2)
SELECT count(*) FROM nn
SELECT count(*) FROM checks
SELECT count(*) FROM child_noaction


-- case: readback_update
INSERT INTO nn VALUES (1, 'a', 1, NULL), (2, 'b', 2, NULL), (3, 'c', 3, NULL)
UPDATE nn SET b = b * 10 WHERE id >= 2
UPDATE nn SET c = a || b
SELECT * FROM nn ORDER BY id
UPDATE nn SET id = id + 10
SELECT id FROM nn ORDER BY id
UPDATE nn SET id = id + 1
SELECT id, a FROM nn ORDER BY id


-- case: readback_delete
INSERT INTO nn VALUES (1, 'a', 1, NULL), (2, 'b', 2, NULL), (3, 'c', 3, NULL)
DELETE FROM nn WHERE b = 2
SELECT * FROM nn ORDER BY id
DELETE FROM nn
SELECT count(*) FROM nn


-- case: readback_on_delete_actions
INSERT INTO parent VALUES (0, 'zero', NULL), (1, 'a', NULL), (2, 'b', NULL)
INSERT INTO child_cascade VALUES (1, 1), (2, 2)
INSERT INTO child_setnull VALUES (1, 1), (2, 2)
INSERT INTO child_setdefault VALUES (1, 1), (2, 2)
INSERT INTO child_code VALUES (1, 'a'), (2, 'b')
DELETE FROM parent WHERE id = 1
SELECT * FROM child_cascade ORDER BY id
SELECT * FROM child_setnull ORDER BY id
SELECT * FROM child_setdefault ORDER BY id
SELECT * FROM child_code ORDER BY id
SELECT * FROM parent ORDER BY id


-- case: readback_on_update_actions
INSERT INTO parent VALUES (0, 'zero', NULL), (1, 'a', NULL)
INSERT INTO child_cascade VALUES (1, 1)
INSERT INTO child_setnull VALUES (1, 1)
INSERT INTO child_setdefault VALUES (1, 1)
INSERT INTO child_code VALUES (1, 'a')
UPDATE parent SET id = 5, code = 'A' WHERE id = 1
SELECT 'cascade', pid FROM child_cascade UNION ALL SELECT 'setnull', pid FROM child_setnull UNION ALL SELECT 'setdefault', pid FROM child_setdefault ORDER BY 1
SELECT pcode FROM child_code


-- case: readback_cascade_chain_and_cycle
INSERT INTO l1 VALUES (1), (2)
INSERT INTO l2 VALUES (10, 1), (20, 2)
INSERT INTO l3 VALUES (100, 10), (200, 20)
DELETE FROM l1 WHERE id = 1
SELECT (SELECT count(*) FROM l1), (SELECT count(*) FROM l2), (SELECT count(*) FROM l3)
INSERT INTO ca VALUES (1, NULL), (2, NULL)
INSERT INTO cb VALUES (10, 1), (20, 2)
UPDATE ca SET b_id = CASE id WHEN 1 THEN 20 ELSE 10 END
DELETE FROM ca WHERE id = 1
SELECT * FROM ca ORDER BY id
SELECT * FROM cb ORDER BY id


-- case: readback_self_reference
INSERT INTO node VALUES (1, NULL), (2, 1), (3, 2), (4, 1), (5, NULL)
DELETE FROM node WHERE id = 2
SELECT * FROM node ORDER BY id
INSERT INTO emp VALUES (1, NULL), (2, 1), (3, 2)
DELETE FROM emp WHERE id = 2
SELECT * FROM emp ORDER BY id


-- case: readback_upsert
INSERT INTO parent VALUES (1, 'a', 'old'), (2, 'b', 'old')
INSERT INTO parent VALUES (2, 'b', 'new'), (3, 'c', 'new') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note
INSERT INTO parent VALUES (1, 'x', 'ignored') ON CONFLICT DO NOTHING
SELECT * FROM parent ORDER BY id


-- case: readback_transactions
INSERT INTO nn VALUES (1, 'a', 1, NULL)
BEGIN
INSERT INTO nn VALUES (2, 'b', 2, NULL)
SELECT count(*) FROM nn
SAVEPOINT s
DELETE FROM nn
SELECT count(*) FROM nn
ROLLBACK TO s
SELECT id FROM nn ORDER BY id
ROLLBACK
SELECT id FROM nn ORDER BY id


-- case: readback_truncate_cascade
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_cascade VALUES (1, 1)
INSERT INTO nn VALUES (1, 'a', 1, NULL)
TRUNCATE parent, nn CASCADE
SELECT (SELECT count(*) FROM parent), (SELECT count(*) FROM child_cascade), (SELECT count(*) FROM nn)


-- case: readback_copy
COPY nn FROM STDIN WITH (FORMAT csv)
2,b,2,
1,a,1,"x, y"
\.
SELECT * FROM nn ORDER BY id
COPY nn FROM STDIN WITH (FORMAT csv)
3,c,3,
1,dup,1,
\.
SELECT count(*) FROM nn


-- case: readback_unique_update_order
INSERT INTO uniq (id) VALUES (1), (2), (3)
UPDATE uniq SET id = id + 1
SELECT id FROM uniq ORDER BY id
UPDATE uniq SET id = id - 1
SELECT id FROM uniq ORDER BY id
-- case: readback_insert_select
INSERT INTO parent VALUES (1, 'a', 'x'), (2, 'b', NULL), (3, 'c', 'y')
INSERT INTO child_cascade SELECT id * 10, id FROM parent WHERE note IS NOT NULL RETURNING *
SELECT * FROM child_cascade ORDER BY id
INSERT INTO nn (id, a) SELECT id, code FROM parent ORDER BY id DESC RETURNING id, a
INSERT INTO nn (id, a) SELECT id + 100, a FROM nn
SELECT count(*) FROM nn
INSERT INTO nn (id, a) SELECT id, a FROM nn WHERE id < 100


-- case: readback_insert_select_on_conflict
INSERT INTO parent VALUES (1, 'a', 'x'), (2, 'b', NULL)
INSERT INTO nn (id, a, c) VALUES (1, 'keep', 'old')
INSERT INTO nn (id, a, c) SELECT id, code, note FROM parent ON CONFLICT (id) DO UPDATE SET c = EXCLUDED.c RETURNING *
SELECT * FROM nn ORDER BY id


-- case: readback_update_from_and_delete_using
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL), (3, 'c', NULL)
INSERT INTO child_noaction VALUES (10, 1), (20, 2)
UPDATE parent SET note = 'has child' FROM child_noaction c WHERE c.pid = parent.id
SELECT * FROM parent ORDER BY id
DELETE FROM child_noaction USING parent p WHERE p.id = child_noaction.pid AND p.code = 'a' RETURNING child_noaction.*
SELECT * FROM child_noaction ORDER BY id


-- case: readback_subqueries_in_writes
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL), (3, 'c', NULL)
INSERT INTO child_noaction VALUES (10, 1), (20, 3)
DELETE FROM parent WHERE id NOT IN (SELECT pid FROM child_noaction WHERE pid IS NOT NULL) RETURNING id
UPDATE parent SET note = (SELECT count(*)::text FROM child_noaction c WHERE c.pid = parent.id) RETURNING id, note
UPDATE parent SET note = (SELECT code FROM parent)
DELETE FROM child_noaction WHERE EXISTS (SELECT 1 FROM parent p WHERE p.id = child_noaction.pid AND p.code = 'c') RETURNING *
SELECT * FROM child_noaction ORDER BY id


