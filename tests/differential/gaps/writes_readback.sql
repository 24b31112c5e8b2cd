-- schema: tests/differential/schemas/constraints.sql
-- Writes observed through SELECT ... FROM (the read path): these cases pass
-- only once both the write path and table reads exist, so they are kept
-- apart from the RETURNING-only write corpora. Every SELECT orders its rows.
-- Known parity gaps: cases PostgreSQL answers differently from the twin
-- today. tests/differential/test_gaps.py requires each to still differ, so a
-- fixed gap fails until it moves back to tests/differential/corpus/.

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


