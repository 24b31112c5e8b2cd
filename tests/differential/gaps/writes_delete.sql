-- schema: tests/differential/schemas/constraints.sql
-- DELETE: WHERE, RETURNING, tags, USING, and every ON DELETE action: NO
-- ACTION and RESTRICT refuse (23503 naming the referencing table), CASCADE
-- removes children (through three levels, through self-references and
-- through FK cycles), SET NULL / SET DEFAULT rewrite them, and a cascade
-- that reaches a NO ACTION reference one level down fails as a whole.
-- `DELETE ... RETURNING` and `UPDATE t SET id = id RETURNING *` read rows
-- back; inserting a key again proves it was deleted.
-- Known parity gaps: cases PostgreSQL answers differently from the twin
-- today. tests/differential/test_gaps.py requires each to still differ, so a
-- fixed gap fails until it moves back to tests/differential/corpus/.

-- case: delete_using_values
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL), (3, 'c', NULL)
DELETE FROM parent USING (VALUES (1), (3), (5)) AS v(id) WHERE parent.id = v.id RETURNING parent.id, v.id
DELETE FROM parent p USING (VALUES ('b')) v(code) WHERE p.code = v.code RETURNING p.*
