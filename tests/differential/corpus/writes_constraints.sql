-- schema: tests/differential/schemas/constraints.sql
-- Every constraint kind on INSERT: NOT NULL (23502), CHECK (23514, NULL
-- passes, several failing at once), UNIQUE / PRIMARY KEY (23505, composite,
-- NULLs, NULLS NOT DISTINCT, unique index), FOREIGN KEY (23503, composite,
-- MATCH SIMPLE NULLs, self-reference and forward references checked at end
-- of statement, cycles). A failing statement leaves nothing behind: the
-- rows before the failing one can be inserted again afterwards.

-- case: not_null_explicit
INSERT INTO nn VALUES (1, NULL, 0, NULL)
INSERT INTO nn (id, a, b) VALUES (2, 'x', NULL)
INSERT INTO nn VALUES (3, 'x', 0, NULL) RETURNING *

-- case: not_null_omitted
INSERT INTO nn (id) VALUES (1)
INSERT INTO nn (id, a) VALUES (2, 'x') RETURNING *
INSERT INTO nn (a) VALUES ('x')
INSERT INTO nn DEFAULT VALUES

-- case: not_null_empty_string_is_not_null
INSERT INTO nn VALUES (1, '', 0, '') RETURNING *, a IS NULL

-- case: not_null_multi_row_is_atomic
INSERT INTO nn VALUES (1, 'a', 1, NULL), (2, NULL, 2, NULL), (3, 'c', 3, NULL)
INSERT INTO nn VALUES (1, 'a', 1, NULL) RETURNING id
INSERT INTO nn VALUES (3, 'c', 3, NULL) RETURNING id

-- case: not_null_before_check
INSERT INTO checks (id, qty) VALUES (NULL, 0)
INSERT INTO nn (id, a, b) VALUES (NULL, NULL, NULL)

-- case: check_single_column
INSERT INTO checks (id, qty) VALUES (1, 0)
INSERT INTO checks (id, qty) VALUES (2, -5)
INSERT INTO checks (id, qty) VALUES (3, 1) RETURNING *
INSERT INTO checks (id, qty) VALUES (4, NULL) RETURNING qty

-- case: check_multi_column
INSERT INTO checks (id, lo, hi) VALUES (1, 5, 4)
INSERT INTO checks (id, lo, hi) VALUES (2, 4, 4) RETURNING lo, hi
INSERT INTO checks (id, lo, hi) VALUES (3, NULL, 4) RETURNING lo, hi
INSERT INTO checks (id, lo, hi) VALUES (4, 5, NULL) RETURNING lo, hi

-- case: check_named_constraints
INSERT INTO checks (id, pct) VALUES (1, 100.01)
INSERT INTO checks (id, pct) VALUES (2, -0.01)
INSERT INTO checks (id, pct) VALUES (3, 100) RETURNING pct
INSERT INTO checks (id, pct) VALUES (4, 100.004) RETURNING pct
INSERT INTO checks (id, pct) VALUES (5, 100.005)
INSERT INTO checks (id, code) VALUES (6, 'ab')
INSERT INTO checks (id, code) VALUES (7, 'abc') RETURNING code
INSERT INTO checks (id, code) VALUES (8, NULL) RETURNING code
INSERT INTO checks (id, code) VALUES (9, 'abcd')

-- case: check_several_fail_first_by_name
INSERT INTO checks VALUES (1, 0, 5, 1, 200, 'x')
INSERT INTO checks VALUES (2, 1, 5, 1, 200, 'x')
INSERT INTO checks VALUES (3, 1, 1, 5, 200, 'x')
INSERT INTO checks VALUES (4, 1, 1, 5, 50, 'x')
INSERT INTO checks VALUES (5, 1, 1, 5, 50, 'xyz') RETURNING *

-- case: check_multi_row_is_atomic
INSERT INTO checks (id, qty) VALUES (1, 1), (2, 2), (3, 0)
INSERT INTO checks (id, qty) VALUES (1, 1), (2, 2) RETURNING id, qty

-- case: unique_single_column
INSERT INTO uniq (id, email) VALUES (1, 'a@x') RETURNING *
INSERT INTO uniq (id, email) VALUES (2, 'a@x')
INSERT INTO uniq (id, email) VALUES (3, 'A@x') RETURNING email
INSERT INTO uniq (id, email) VALUES (4, NULL), (5, NULL) RETURNING id, email

-- case: unique_primary_key
INSERT INTO uniq (id) VALUES (1)
INSERT INTO uniq (id) VALUES (1)
INSERT INTO uniq (id) VALUES (NULL)
INSERT INTO uniq (id) VALUES (2), (2)
INSERT INTO uniq (id) VALUES (2) RETURNING id

-- case: unique_composite
INSERT INTO uniq (id, a, b) VALUES (1, 1, 1) RETURNING a, b
INSERT INTO uniq (id, a, b) VALUES (2, 1, 2) RETURNING a, b
INSERT INTO uniq (id, a, b) VALUES (3, 1, 1)
INSERT INTO uniq (id, a, b) VALUES (4, 1, NULL), (5, 1, NULL) RETURNING a, b
INSERT INTO uniq (id, a, b) VALUES (6, NULL, NULL), (7, NULL, NULL) RETURNING a, b

-- case: unique_nulls_not_distinct
INSERT INTO nnd (id, x, y) VALUES (1, NULL, NULL) RETURNING x, y
INSERT INTO nnd (id, x, y) VALUES (2, NULL, NULL)
INSERT INTO nnd (id) VALUES (2)
INSERT INTO nnd (id, x, y) VALUES (3, 1, NULL) RETURNING x, y
INSERT INTO nnd (id, x, y) VALUES (4, 1, NULL)
INSERT INTO nnd (id, x, y) VALUES (5, NULL, 1), (6, 1, 2) RETURNING x, y
INSERT INTO nnd (id, x, y) VALUES (7, 1, 2)
INSERT INTO nnd (id, x, y) VALUES (8, 2, NULL), (9, 2, NULL)

-- case: unique_two_constraints_fail_which_first
INSERT INTO uniq (id, email, a, b) VALUES (1, 'e', 1, 1)
INSERT INTO uniq (id, email, a, b) VALUES (1, 'e', 1, 1)
INSERT INTO uniq (id, email, a, b) VALUES (2, 'e', 1, 1)
INSERT INTO uniq (id, email, a, b) VALUES (2, 'f', 1, 1)
INSERT INTO uniq (id, email, a, b) VALUES (2, 'f', 2, 1) RETURNING *
INSERT INTO nnd VALUES (1, NULL, NULL)
INSERT INTO nnd VALUES (1, NULL, NULL)

-- case: unique_within_one_statement
INSERT INTO uniq (id, email) VALUES (1, 'a'), (2, 'b'), (3, 'a')
INSERT INTO uniq (id, email) VALUES (1, 'a'), (2, 'b'), (3, 'c') RETURNING id, email

-- case: unique_text_key_rendering
INSERT INTO uniq (id, email) VALUES (1, 'it''s "quoted", (x)') RETURNING email
INSERT INTO uniq (id, email) VALUES (2, 'it''s "quoted", (x)')
INSERT INTO uniq (id, email) VALUES (3, '') RETURNING email
INSERT INTO uniq (id, email) VALUES (4, '')
INSERT INTO uniq (id, email) VALUES (5, 'ünï') RETURNING email
INSERT INTO uniq (id, email) VALUES (6, 'ünï')

-- case: primary_key_composite
INSERT INTO pk2 VALUES (1, 'x', 'v1') RETURNING *
INSERT INTO pk2 VALUES (1, 'y', 'v2') RETURNING *
INSERT INTO pk2 VALUES (1, 'x', 'v3')
INSERT INTO pk2 VALUES (NULL, 'x', 'v4')
INSERT INTO pk2 VALUES (2, NULL, 'v5')
INSERT INTO pk2 (a, b) VALUES (3, 'z') RETURNING *

-- case: unique_index_not_constraint
INSERT INTO pk2 VALUES (1, 'x', 'same') RETURNING *
INSERT INTO pk2 VALUES (2, 'x', 'same')
INSERT INTO pk2 VALUES (3, 'x', NULL), (4, 'x', NULL) RETURNING *

-- case: fk_insert_missing_parent
INSERT INTO parent VALUES (1, 'one', NULL)
INSERT INTO child_noaction VALUES (1, 1) RETURNING *
INSERT INTO child_noaction VALUES (2, 99)
INSERT INTO child_restrict VALUES (1, 99)
INSERT INTO child_cascade VALUES (1, 99)
INSERT INTO child_setnull VALUES (1, 99)
INSERT INTO child_setdefault VALUES (1, 99)
INSERT INTO child_noaction VALUES (3, NULL) RETURNING *

-- case: fk_insert_by_unique_column
INSERT INTO parent VALUES (1, 'one', NULL)
INSERT INTO child_code VALUES (1, 'one') RETURNING *
INSERT INTO child_code VALUES (2, 'One')
INSERT INTO child_code VALUES (3, NULL) RETURNING *

-- case: fk_set_default_column_default
INSERT INTO child_setdefault (id) VALUES (1)
INSERT INTO parent VALUES (0, 'zero', NULL)
INSERT INTO child_setdefault (id) VALUES (1) RETURNING *

-- case: fk_composite
INSERT INTO pk2 VALUES (1, 'x', NULL)
INSERT INTO line VALUES (1, 'x', 1) RETURNING *
INSERT INTO line VALUES (1, 'y', 1)
INSERT INTO line VALUES (2, 'x', 1)
INSERT INTO line VALUES (1, 'X', 2)

-- case: fk_self_reference
INSERT INTO emp VALUES (1, NULL) RETURNING *
INSERT INTO emp VALUES (2, 1) RETURNING *
INSERT INTO emp VALUES (3, 3) RETURNING *
INSERT INTO emp VALUES (4, 5)
INSERT INTO emp VALUES (5, 6), (6, 5) RETURNING *

-- case: fk_forward_reference_in_one_statement
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO node VALUES (10, 11), (11, NULL) RETURNING *
INSERT INTO node VALUES (20, 21), (21, 22)
INSERT INTO node VALUES (21, NULL) RETURNING *

-- case: fk_checked_after_all_rows
INSERT INTO emp VALUES (1, 3), (2, NULL), (3, 2) RETURNING *
INSERT INTO emp VALUES (4, 9), (5, 8)

-- case: fk_multi_row_is_atomic
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_noaction VALUES (1, 1), (2, 2), (3, 1)
INSERT INTO child_noaction VALUES (1, 1), (3, 1) RETURNING *

-- case: fk_cycle_insert_order
INSERT INTO ca VALUES (1, 10)
INSERT INTO ca VALUES (1, NULL) RETURNING *
INSERT INTO cb VALUES (10, 1) RETURNING *
UPDATE ca SET b_id = 10 WHERE id = 1 RETURNING *
UPDATE ca SET b_id = 11 WHERE id = 1
INSERT INTO cb VALUES (11, 2)

-- case: fk_cycle_both_directions
INSERT INTO cx VALUES (1, NULL)
INSERT INTO cy VALUES (1, 1)
UPDATE cx SET y_id = 1 WHERE id = 1 RETURNING *
INSERT INTO cx VALUES (2, 2)
INSERT INTO cy VALUES (2, 2)

-- case: fk_three_levels
INSERT INTO l2 VALUES (1, 1)
INSERT INTO l1 VALUES (1)
INSERT INTO l2 VALUES (1, 1) RETURNING *
INSERT INTO l3 VALUES (1, 1) RETURNING *
INSERT INTO l3 VALUES (2, 2)
INSERT INTO l3 VALUES (3, NULL)

-- case: constraint_order_not_null_check_unique_fk
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_noaction VALUES (1, 1)
INSERT INTO child_noaction VALUES (1, 99)
INSERT INTO child_noaction VALUES (NULL, 99)
INSERT INTO checks (id, qty) VALUES (1, 1)
INSERT INTO checks (id, qty) VALUES (1, 0)

-- case: violations_in_a_transaction
BEGIN
INSERT INTO nn VALUES (1, 'a', 0, NULL)
INSERT INTO nn VALUES (1, 'b', 0, NULL)
INSERT INTO nn VALUES (2, 'b', 0, NULL)
ROLLBACK
INSERT INTO nn VALUES (1, 'c', 0, NULL) RETURNING *


-- case: deferrable_foreign_keys
CREATE TABLE dnode (id int PRIMARY KEY, parent int REFERENCES dnode (id) DEFERRABLE INITIALLY DEFERRED, other int CONSTRAINT dnode_other_fk REFERENCES dnode DEFERRABLE)
BEGIN
INSERT INTO dnode VALUES (2, 1)
INSERT INTO dnode VALUES (1, NULL)
COMMIT
SELECT * FROM dnode ORDER BY id
BEGIN
INSERT INTO dnode VALUES (3, 99)
SELECT 'still open'
COMMIT
SELECT count(*) FROM dnode
INSERT INTO dnode VALUES (4, 98)
INSERT INTO dnode VALUES (5, NULL, 97)
BEGIN
SET CONSTRAINTS dnode_other_fk DEFERRED
INSERT INTO dnode VALUES (6, NULL, 7)
INSERT INTO dnode VALUES (7, NULL, NULL)
COMMIT
BEGIN
INSERT INTO dnode VALUES (8, 96)
SET CONSTRAINTS ALL IMMEDIATE
ROLLBACK
BEGIN
DELETE FROM dnode WHERE id = 1
INSERT INTO dnode VALUES (1, NULL)
COMMIT
BEGIN
DELETE FROM dnode WHERE id = 1
COMMIT
BEGIN
INSERT INTO dnode VALUES (9, 95)
SAVEPOINT s
INSERT INTO dnode VALUES (10, 94)
ROLLBACK TO SAVEPOINT s
DELETE FROM dnode WHERE id = 9
COMMIT
SET CONSTRAINTS ALL DEFERRED
BEGIN
SET CONSTRAINTS dnode_pkey DEFERRED
ROLLBACK
BEGIN
SET CONSTRAINTS nosuch IMMEDIATE
ROLLBACK
SELECT conname, condeferrable, condeferred, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'dnode'::regclass ORDER BY conname
SELECT constraint_name, is_deferrable, initially_deferred FROM information_schema.table_constraints WHERE table_name = 'dnode' AND constraint_type <> 'CHECK' ORDER BY 1
SELECT tgdeferrable, tginitdeferred, count(*) FROM pg_trigger WHERE tgrelid = 'dnode'::regclass GROUP BY 1, 2 ORDER BY 1, 2
CREATE TABLE bad (a int REFERENCES dnode INITIALLY DEFERRED NOT DEFERRABLE)
CREATE TABLE bad2 (a int NOT NULL DEFERRABLE)
