-- schema: tests/differential/schemas/constraints.sql
-- TRUNCATE: refusal when another table references the target (0A000 with
-- the referencing table in DETAIL and the HINT), CASCADE with one NOTICE
-- per extra table, several tables at once, self-references, cycles, and
-- TRUNCATE inside transactions and savepoints (rolled back with them).

-- case: truncate_leaf
INSERT INTO nn VALUES (1, 'a', 1, NULL), (2, 'b', 2, NULL)
TRUNCATE nn
INSERT INTO nn VALUES (1, 'a', 1, NULL) RETURNING *
TRUNCATE TABLE nn
TRUNCATE ONLY nn
TRUNCATE public.nn
DELETE FROM nn RETURNING *

-- case: truncate_referenced_refused
INSERT INTO parent VALUES (1, 'a', NULL)
TRUNCATE parent
TRUNCATE l1
TRUNCATE m2
DELETE FROM parent RETURNING *

-- case: truncate_referenced_refused_even_when_empty
TRUNCATE parent
TRUNCATE pk2
TRUNCATE ca
TRUNCATE cx

-- case: truncate_with_children_listed
INSERT INTO l1 VALUES (1)
INSERT INTO l2 VALUES (10, 1)
INSERT INTO l3 VALUES (100, 10)
TRUNCATE l1, l2
TRUNCATE l1, l2, l3
INSERT INTO l3 VALUES (100, 10)
INSERT INTO l1 VALUES (1) RETURNING *

-- case: truncate_cascade_notices
INSERT INTO l1 VALUES (1)
INSERT INTO l2 VALUES (10, 1)
INSERT INTO l3 VALUES (100, 10)
TRUNCATE l1 CASCADE
INSERT INTO l2 VALUES (10, 1)
DELETE FROM l3 RETURNING *

-- case: truncate_cascade_fan_out
INSERT INTO parent VALUES (0, 'zero', NULL), (1, 'a', NULL)
INSERT INTO child_noaction VALUES (1, 1)
INSERT INTO child_restrict VALUES (1, 1)
INSERT INTO child_cascade VALUES (1, 1)
INSERT INTO child_setnull VALUES (1, 1)
INSERT INTO child_setdefault VALUES (1, 1)
INSERT INTO child_code VALUES (1, 'a')
TRUNCATE parent CASCADE
DELETE FROM child_noaction RETURNING *
DELETE FROM child_setnull RETURNING *
INSERT INTO parent VALUES (1, 'a', NULL) RETURNING *

-- case: truncate_cascade_on_leaf_is_quiet
INSERT INTO nn VALUES (1, 'a', 1, NULL)
TRUNCATE nn CASCADE
TRUNCATE nn RESTRICT
TRUNCATE l1, l2, l3 CASCADE

-- case: truncate_self_reference
INSERT INTO emp VALUES (1, NULL), (2, 1)
TRUNCATE emp
INSERT INTO emp VALUES (2, 1)
INSERT INTO node VALUES (1, NULL), (2, 1)
TRUNCATE node
INSERT INTO node VALUES (1, NULL) RETURNING *

-- case: truncate_cycle
INSERT INTO ca VALUES (1, NULL)
INSERT INTO cb VALUES (10, 1)
UPDATE ca SET b_id = 10
TRUNCATE ca
TRUNCATE cb
TRUNCATE ca, cb
INSERT INTO cb VALUES (10, 1)
INSERT INTO ca VALUES (1, NULL) RETURNING *
TRUNCATE cb CASCADE

-- case: truncate_errors
TRUNCATE nope
TRUNCATE nn, nope
TRUNCATE nn, nn
TRUNCATE
TRUNCATE nn RESTART IDENTITY
TRUNCATE nn CONTINUE IDENTITY

-- case: truncate_in_transaction_rolled_back
INSERT INTO nn VALUES (1, 'a', 1, NULL)
BEGIN
TRUNCATE nn
INSERT INTO nn VALUES (1, 'b', 1, NULL) RETURNING *
ROLLBACK
INSERT INTO nn VALUES (1, 'c', 1, NULL)
DELETE FROM nn RETURNING *

-- case: truncate_in_transaction_committed
INSERT INTO nn VALUES (1, 'a', 1, NULL)
BEGIN
TRUNCATE nn
COMMIT
INSERT INTO nn VALUES (1, 'c', 1, NULL) RETURNING *

-- case: truncate_in_savepoint
INSERT INTO nn VALUES (1, 'a', 1, NULL)
BEGIN
INSERT INTO nn VALUES (2, 'b', 1, NULL)
SAVEPOINT s
TRUNCATE nn
INSERT INTO nn VALUES (1, 'x', 1, NULL) RETURNING *
ROLLBACK TO s
INSERT INTO nn VALUES (3, 'c', 1, NULL)
COMMIT
DELETE FROM nn RETURNING *

-- case: truncate_cascade_in_failed_transaction
BEGIN
TRUNCATE parent
TRUNCATE parent CASCADE
ROLLBACK

-- case: truncate_tag
TRUNCATE nn
TRUNCATE nn, checks, uniq
