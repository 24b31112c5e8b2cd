-- schema: tests/differential/schemas/constraints.sql
-- DELETE: WHERE, RETURNING, tags, USING, and every ON DELETE action: NO
-- ACTION and RESTRICT refuse (23503 naming the referencing table), CASCADE
-- removes children (through three levels, through self-references and
-- through FK cycles), SET NULL / SET DEFAULT rewrite them, and a cascade
-- that reaches a NO ACTION reference one level down fails as a whole.
-- `DELETE ... RETURNING` and `UPDATE t SET id = id RETURNING *` read rows
-- back; inserting a key again proves it was deleted.

-- case: delete_basic
INSERT INTO nn VALUES (1, 'a', 1, NULL), (2, 'b', 2, NULL), (3, 'c', 3, NULL)
DELETE FROM nn WHERE id = 2 RETURNING *
DELETE FROM nn WHERE id = 2 RETURNING *
DELETE FROM nn WHERE id = 2
DELETE FROM nn RETURNING id, a
DELETE FROM nn
INSERT INTO nn VALUES (2, 'again', 0, NULL) RETURNING *


-- case: delete_where_three_valued
INSERT INTO nn VALUES (1, 'a', 1, NULL), (2, 'b', 2, 'x'), (3, 'c', 3, 'y')
DELETE FROM nn WHERE c = NULL
DELETE FROM nn WHERE c <> 'x' RETURNING id
DELETE FROM nn WHERE c IS NULL RETURNING id
DELETE FROM nn WHERE id NOT IN (3, NULL)
DELETE FROM nn WHERE b > 1 AND a LIKE '_' RETURNING id, c


-- case: delete_returning_expressions
INSERT INTO parent VALUES (1, 'a', 'note')
DELETE FROM parent WHERE id = 1 RETURNING id * 10 AS ten, upper(code), note IS NOT NULL, parent.*
INSERT INTO parent VALUES (2, 'b', NULL)
DELETE FROM parent AS p WHERE p.code = 'b' RETURNING p.id
DELETE FROM parent RETURNING count(*)


-- case: on_delete_no_action
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL)
INSERT INTO child_noaction VALUES (10, 1)
DELETE FROM parent WHERE id = 1
DELETE FROM parent WHERE id = 2 RETURNING *
DELETE FROM parent
DELETE FROM child_noaction RETURNING *
DELETE FROM parent RETURNING *


-- case: on_delete_restrict
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_restrict VALUES (10, 1), (11, 1)
DELETE FROM parent WHERE id = 1
DELETE FROM child_restrict WHERE id = 10
DELETE FROM parent WHERE id = 1
DELETE FROM child_restrict WHERE id = 11 RETURNING *
DELETE FROM parent WHERE id = 1 RETURNING *


-- case: on_delete_cascade
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL)
INSERT INTO child_cascade VALUES (10, 1), (11, 1), (12, 2)
DELETE FROM parent WHERE id = 1 RETURNING *
DELETE FROM child_cascade WHERE id IN (10, 11) RETURNING *
UPDATE child_cascade SET id = id RETURNING *
INSERT INTO child_cascade VALUES (10, 2) RETURNING *


-- case: on_delete_cascade_by_unique_column
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_code VALUES (10, 'a'), (11, NULL)
DELETE FROM parent RETURNING *
DELETE FROM child_code RETURNING *


-- case: on_delete_set_null
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL)
INSERT INTO child_setnull VALUES (10, 1), (11, 2)
DELETE FROM parent WHERE id = 1 RETURNING *
UPDATE child_setnull SET id = id WHERE id = 10 RETURNING *
UPDATE child_setnull SET id = id WHERE id = 11 RETURNING *


-- case: on_delete_set_default
INSERT INTO parent VALUES (0, 'zero', NULL), (1, 'a', NULL)
INSERT INTO child_setdefault VALUES (10, 1)
DELETE FROM parent WHERE id = 1 RETURNING *
UPDATE child_setdefault SET id = id RETURNING *
DELETE FROM parent WHERE id = 0


-- case: on_delete_set_default_without_default_parent
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_setdefault VALUES (10, 1)
DELETE FROM parent WHERE id = 1


-- case: on_delete_set_default_pointing_at_deleted_row
INSERT INTO parent VALUES (0, 'zero', NULL)
INSERT INTO child_setdefault VALUES (10, 0)
DELETE FROM parent WHERE id = 0


-- case: on_delete_every_action_at_once
INSERT INTO parent VALUES (0, 'zero', NULL), (1, 'a', NULL)
INSERT INTO child_cascade VALUES (1, 1)
INSERT INTO child_setnull VALUES (1, 1)
INSERT INTO child_setdefault VALUES (1, 1)
INSERT INTO child_code VALUES (1, 'a')
DELETE FROM parent WHERE id = 1 RETURNING *
UPDATE child_setnull SET id = id RETURNING *
UPDATE child_setdefault SET id = id RETURNING *
DELETE FROM child_cascade RETURNING *
DELETE FROM child_code RETURNING *


-- case: on_delete_cascade_and_restrict_together
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_cascade VALUES (1, 1)
INSERT INTO child_restrict VALUES (1, 1)
DELETE FROM parent WHERE id = 1
UPDATE child_cascade SET id = id RETURNING *
DELETE FROM child_restrict
DELETE FROM parent WHERE id = 1 RETURNING *
DELETE FROM child_cascade RETURNING *


-- case: set_null_into_not_null_child
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_guarded VALUES (1, 1)
DELETE FROM parent
DELETE FROM child_guarded RETURNING *
DELETE FROM parent RETURNING *


-- case: cascade_three_levels
INSERT INTO l1 VALUES (1), (2)
INSERT INTO l2 VALUES (10, 1), (20, 2)
INSERT INTO l3 VALUES (100, 10), (101, 10), (200, 20)
DELETE FROM l1 WHERE id = 1 RETURNING *
DELETE FROM l2 RETURNING *
INSERT INTO l1 VALUES (1) RETURNING *


-- case: cascade_three_levels_check_leaves
INSERT INTO l1 VALUES (1), (2)
INSERT INTO l2 VALUES (10, 1), (20, 2)
INSERT INTO l3 VALUES (100, 10), (101, 10), (200, 20)
DELETE FROM l1 WHERE id = 1
DELETE FROM l3 RETURNING *


-- case: cascade_blocked_one_level_down
INSERT INTO m1 VALUES (1)
INSERT INTO m2 VALUES (10, 1), (11, 1)
INSERT INTO m3 VALUES (100, 11)
DELETE FROM m1
DELETE FROM m2 WHERE id = 10 RETURNING *
DELETE FROM m3 RETURNING *
DELETE FROM m1 RETURNING *
DELETE FROM m2 RETURNING *


-- case: cascade_composite_key
INSERT INTO pk2 VALUES (1, 'x', NULL), (1, 'y', NULL)
INSERT INTO line VALUES (1, 'x', 1), (1, 'x', 2), (1, 'y', 1)
DELETE FROM pk2 WHERE b = 'x' RETURNING *
DELETE FROM line RETURNING *


-- case: self_reference_set_null
INSERT INTO emp VALUES (1, NULL), (2, 1), (3, 1), (4, 2)
DELETE FROM emp WHERE id = 1 RETURNING *
UPDATE emp SET id = id WHERE id = 2 RETURNING *
UPDATE emp SET id = id WHERE id = 3 RETURNING *
UPDATE emp SET id = id WHERE id = 4 RETURNING *


-- case: self_reference_row_points_at_itself
INSERT INTO emp VALUES (1, 1), (2, 1)
DELETE FROM emp WHERE id = 1 RETURNING *
UPDATE emp SET id = id RETURNING *


-- case: self_reference_cascade_tree
INSERT INTO node VALUES (1, NULL), (2, 1), (3, 1), (4, 2), (5, 4), (6, NULL)
DELETE FROM node WHERE id = 2 RETURNING *
DELETE FROM node RETURNING *


-- case: self_reference_cascade_whole_tree_at_once
INSERT INTO node VALUES (1, NULL), (2, 1), (3, 2)
DELETE FROM node WHERE id = 1
INSERT INTO node VALUES (3, NULL), (2, 3), (1, 2) RETURNING *
DELETE FROM node WHERE id IN (1, 2, 3) RETURNING *


-- case: cycle_cascade_then_set_null
INSERT INTO ca VALUES (1, NULL), (2, NULL)
INSERT INTO cb VALUES (10, 1), (20, 2)
UPDATE ca SET b_id = 20 WHERE id = 1 RETURNING *
UPDATE ca SET b_id = 10 WHERE id = 2 RETURNING *
DELETE FROM ca WHERE id = 1 RETURNING *
UPDATE ca SET id = id RETURNING *
DELETE FROM cb RETURNING *


-- case: cycle_delete_from_other_side
INSERT INTO ca VALUES (1, NULL)
INSERT INTO cb VALUES (10, 1)
UPDATE ca SET b_id = 10 RETURNING *
DELETE FROM cb RETURNING *
UPDATE ca SET id = id RETURNING *


-- case: cycle_cascade_both_ways
INSERT INTO cx VALUES (1, NULL), (2, NULL)
INSERT INTO cy VALUES (1, 1), (2, 2)
UPDATE cx SET y_id = 2 WHERE id = 1 RETURNING *
UPDATE cx SET y_id = 1 WHERE id = 2 RETURNING *
DELETE FROM cx WHERE id = 1 RETURNING *
DELETE FROM cy RETURNING *
DELETE FROM cx RETURNING *


-- case: delete_then_reinsert_key
INSERT INTO uniq (id, email) VALUES (1, 'a')
DELETE FROM uniq WHERE email = 'a'
INSERT INTO uniq (id, email) VALUES (1, 'a') RETURNING *
DELETE FROM uniq
INSERT INTO uniq (id, email) VALUES (2, 'a') RETURNING *


-- case: delete_tags
INSERT INTO nn VALUES (1, 'a', 1, NULL), (2, 'b', 2, NULL), (3, 'c', 3, NULL)
DELETE FROM nn WHERE false
DELETE FROM nn WHERE id < 3
DELETE FROM nn
DELETE FROM nn


-- case: delete_errors
DELETE FROM nope
DELETE FROM nn WHERE nope = 1
DELETE FROM nn WHERE 1
DELETE FROM nn WHERE id = 'x'
DELETE FROM nn RETURNING nope
DELETE nn WHERE id = 1
DELETE FROM nn AS n WHERE nn.id = 1
INSERT INTO nn VALUES (1, 'a', 1, NULL)
DELETE FROM nn WHERE 1 / (id - 1) = 0
-- case: delete_using_values
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL), (3, 'c', NULL)
DELETE FROM parent USING (VALUES (1), (3), (5)) AS v(id) WHERE parent.id = v.id RETURNING parent.id, v.id
DELETE FROM parent p USING (VALUES ('b')) v(code) WHERE p.code = v.code RETURNING p.*
