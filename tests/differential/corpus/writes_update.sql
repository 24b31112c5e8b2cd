-- schema: tests/differential/schemas/constraints.sql
-- UPDATE: SET expressions (old values on the right-hand side, DEFAULT,
-- row-constructor SET), WHERE with three-valued logic, RETURNING, tags,
-- constraint violations, immediate unique checks row by row in scan order,
-- and key updates with every ON UPDATE action (NO ACTION vs RESTRICT,
-- CASCADE, SET NULL, SET DEFAULT, composite and unique-column keys).
-- `UPDATE t SET id = id WHERE ... RETURNING *` reads a row back.

-- case: update_basic
INSERT INTO nn VALUES (1, 'a', 10, NULL), (2, 'b', 20, NULL)
UPDATE nn SET b = b + 1 WHERE id = 1 RETURNING *
UPDATE nn SET c = 'x' WHERE id = 2 RETURNING *
UPDATE nn SET c = 'y' WHERE id = 3 RETURNING *
UPDATE nn SET c = 'z' WHERE id = 3
UPDATE nn SET b = b * 2
UPDATE nn SET b = b WHERE id = 1 RETURNING b


-- case: update_set_default
INSERT INTO nn VALUES (1, 'a', 10, 'c')
UPDATE nn SET b = DEFAULT WHERE id = 1 RETURNING *
UPDATE nn SET c = DEFAULT WHERE id = 1 RETURNING *
UPDATE nn SET a = DEFAULT WHERE id = 1
INSERT INTO parent VALUES (0, 'zero', NULL), (1, 'one', NULL)
INSERT INTO child_setdefault VALUES (1, 1)
UPDATE child_setdefault SET pid = DEFAULT RETURNING *


-- case: update_where_three_valued
INSERT INTO nn VALUES (1, 'a', 1, NULL), (2, 'b', 2, 'x')
UPDATE nn SET b = 0 WHERE c = NULL
UPDATE nn SET b = 0 WHERE c <> 'x'
UPDATE nn SET b = 0 WHERE NOT (c = 'x')
UPDATE nn SET b = 0 WHERE c IS NULL RETURNING id
UPDATE nn SET b = 5 WHERE c IS DISTINCT FROM 'y' AND id > 1 RETURNING id, b
UPDATE nn SET b = 7 WHERE id IN (1, NULL) RETURNING id
UPDATE nn SET b = 8 WHERE id NOT IN (1, NULL) RETURNING id
UPDATE nn SET b = 9 WHERE id BETWEEN 2 AND 5 AND a LIKE 'b%' RETURNING id, b


-- case: update_where_errors
INSERT INTO nn VALUES (1, 'a', 1, NULL)
UPDATE nn SET b = 1 WHERE 1
UPDATE nn SET b = 1 WHERE nope = 1
UPDATE nn SET b = 1 WHERE a = 1
UPDATE nn SET b = 1 WHERE b / 0 = 1
UPDATE nn SET b = 1 WHERE id = 2 AND b / 0 = 1


-- case: update_type_coercions
INSERT INTO checks (id, pct) VALUES (1, 1)
UPDATE checks SET pct = 12.345 WHERE id = 1 RETURNING pct
UPDATE checks SET pct = '99.999' WHERE id = 1
UPDATE checks SET pct = '99.994' WHERE id = 1 RETURNING pct
UPDATE checks SET qty = 2.5 WHERE id = 1 RETURNING qty
UPDATE checks SET qty = '2.5' WHERE id = 1
UPDATE checks SET code = 123 WHERE id = 1 RETURNING code


-- case: update_not_null_violation
INSERT INTO nn VALUES (1, 'a', 1, NULL)
UPDATE nn SET a = NULL
UPDATE nn SET b = NULL WHERE id = 1
UPDATE nn SET id = NULL
UPDATE nn SET a = 'kept' RETURNING *


-- case: update_check_violation
INSERT INTO checks (id, qty, lo, hi) VALUES (1, 5, 1, 2)
UPDATE checks SET qty = qty - 5
UPDATE checks SET lo = 3
UPDATE checks SET lo = 3, hi = 3 RETURNING lo, hi
UPDATE checks SET qty = NULL RETURNING qty
UPDATE checks SET code = 'no'


-- case: update_unique_violation
INSERT INTO uniq (id, email) VALUES (1, 'a'), (2, 'b')
UPDATE uniq SET email = 'a' WHERE id = 2
UPDATE uniq SET email = 'c' WHERE id = 2 RETURNING *
UPDATE uniq SET id = 1 WHERE id = 2
UPDATE uniq SET email = NULL RETURNING id, email


-- case: update_unique_mid_statement_upward
INSERT INTO uniq (id) VALUES (1), (2), (3)
UPDATE uniq SET id = id + 1
UPDATE uniq SET id = id + 10 RETURNING id
UPDATE uniq SET id = id WHERE id = 11 RETURNING id


-- case: update_unique_mid_statement_downward
INSERT INTO uniq (id) VALUES (1), (2), (3)
UPDATE uniq SET id = id - 1 RETURNING id


-- case: update_unique_swap_fails
INSERT INTO uniq (id, email) VALUES (1, 'a'), (2, 'b')
UPDATE uniq SET email = CASE id WHEN 1 THEN 'b' ELSE 'a' END
UPDATE uniq SET email = CASE id WHEN 1 THEN 'b' ELSE 'a' END WHERE id = 1


-- case: update_unique_collision_within_statement
INSERT INTO uniq (id, email) VALUES (1, 'a'), (2, 'b'), (3, 'c')
UPDATE uniq SET email = 'z' WHERE id >= 2
UPDATE uniq SET email = 'z' WHERE id = 2 RETURNING id, email


-- case: update_composite_unique
INSERT INTO uniq (id, a, b) VALUES (1, 1, 1), (2, 1, 2)
UPDATE uniq SET b = 1 WHERE id = 2
UPDATE uniq SET b = NULL RETURNING id, a, b
UPDATE nnd SET x = 1
INSERT INTO nnd VALUES (1, NULL, NULL), (2, 1, NULL)
UPDATE nnd SET x = NULL WHERE id = 2


-- case: update_fk_child_side
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL)
INSERT INTO child_noaction VALUES (1, 1)
UPDATE child_noaction SET pid = 2 RETURNING *
UPDATE child_noaction SET pid = 3
UPDATE child_noaction SET pid = NULL RETURNING *


-- case: on_update_no_action
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL)
INSERT INTO child_noaction VALUES (10, 1)
UPDATE parent SET id = 3 WHERE id = 1
UPDATE parent SET id = 4 WHERE id = 2 RETURNING *
UPDATE parent SET note = 'touch' WHERE id = 1 RETURNING *
UPDATE parent SET id = id WHERE id = 1 RETURNING *


-- case: on_update_restrict
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_restrict VALUES (10, 1)
UPDATE parent SET id = 3 WHERE id = 1
UPDATE parent SET code = 'b' WHERE id = 1 RETURNING *
UPDATE parent SET id = 1 WHERE id = 1 RETURNING *


-- case: no_action_sees_key_reappear_restrict_does_not
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL)
INSERT INTO child_noaction VALUES (10, 1)
INSERT INTO child_restrict VALUES (20, 2)
UPDATE parent SET id = CASE id WHEN 1 THEN 3 WHEN 3 THEN 1 END WHERE id IN (1, 3)
INSERT INTO parent VALUES (3, 'c', NULL)
UPDATE parent SET id = CASE id WHEN 1 THEN 5 WHEN 3 THEN 1 END WHERE id IN (1, 3) RETURNING *
UPDATE parent SET id = CASE id WHEN 2 THEN 6 WHEN 5 THEN 2 END WHERE id IN (2, 5)


-- case: on_update_cascade
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_cascade VALUES (10, 1), (11, 1)
UPDATE parent SET id = 7 WHERE id = 1 RETURNING *
UPDATE child_cascade SET id = id WHERE id = 10 RETURNING *
UPDATE child_cascade SET id = id WHERE id = 11 RETURNING *
INSERT INTO child_cascade VALUES (12, 1)


-- case: on_update_cascade_unique_column
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_code VALUES (10, 'a')
UPDATE parent SET code = 'A' RETURNING *
UPDATE child_code SET id = id RETURNING *
UPDATE parent SET code = NULL RETURNING *
UPDATE child_code SET id = id RETURNING *


-- case: on_update_set_null
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_setnull VALUES (10, 1)
UPDATE parent SET id = 2 RETURNING *
UPDATE child_setnull SET id = id RETURNING *


-- case: on_update_set_default
INSERT INTO parent VALUES (0, 'zero', NULL), (1, 'a', NULL)
INSERT INTO child_setdefault VALUES (10, 1)
UPDATE parent SET id = 2 WHERE id = 1 RETURNING *
UPDATE child_setdefault SET id = id RETURNING *
UPDATE parent SET id = 3 WHERE id = 0


-- case: on_update_cascade_violates_child_check
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_guarded VALUES (1, 1)
UPDATE parent SET id = 200
UPDATE parent SET id = 50 RETURNING *
UPDATE child_guarded SET id = id RETURNING *


-- case: on_update_set_default_missing_default_parent
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_setdefault VALUES (10, 1)
UPDATE parent SET id = 2 WHERE id = 1


-- case: on_update_composite_cascade
INSERT INTO pk2 VALUES (1, 'x', NULL)
INSERT INTO line VALUES (1, 'x', 1), (1, 'x', 2)
UPDATE pk2 SET b = 'y' RETURNING *
UPDATE line SET n = n WHERE n = 1 RETURNING *
UPDATE pk2 SET a = 2, b = 'z' RETURNING *
UPDATE line SET n = n WHERE n = 2 RETURNING *


-- case: on_update_cascade_chain
INSERT INTO l1 VALUES (1)
INSERT INTO l2 VALUES (10, 1)
INSERT INTO l3 VALUES (100, 10)
UPDATE l1 SET id = 2 RETURNING *
UPDATE l2 SET id = id RETURNING *
UPDATE l2 SET id = 11
UPDATE l3 SET id = id RETURNING *


-- case: on_update_self_reference
INSERT INTO emp VALUES (1, NULL), (2, 1)
UPDATE emp SET id = 3 WHERE id = 1
UPDATE emp SET boss = NULL WHERE id = 2 RETURNING *
UPDATE emp SET id = 3 WHERE id = 1 RETURNING *
UPDATE emp SET boss = id RETURNING *


-- case: update_tags
INSERT INTO nn VALUES (1, 'a', 1, NULL), (2, 'b', 2, NULL), (3, 'c', 3, NULL)
UPDATE nn SET c = 'x'
UPDATE nn SET c = 'y' WHERE id > 1
UPDATE nn SET c = 'z' WHERE false
UPDATE nn SET c = 'w' WHERE id = 99 RETURNING *


-- case: update_uses_old_values
INSERT INTO checks (id, lo, hi) VALUES (1, 1, 2)
UPDATE checks SET lo = hi, hi = lo + 10 WHERE id = 1 RETURNING lo, hi
UPDATE checks SET (lo, hi) = (hi, hi + 1) WHERE id = 1 RETURNING lo, hi
UPDATE checks SET (lo, hi) = (5) WHERE id = 1
UPDATE checks SET (lo, hi) = (1, 2, 3) WHERE id = 1
UPDATE checks SET (qty, code) = (DEFAULT, 'abc') WHERE id = 1 RETURNING qty, code


-- case: update_set_errors
INSERT INTO nn VALUES (1, 'a', 1, NULL)
UPDATE nn SET nope = 1
UPDATE nn SET b = 1, b = 2
UPDATE nn SET b = 'x'
UPDATE nn SET b = 'x'::text
UPDATE nn SET b = true
UPDATE nn SET b = 2147483648
UPDATE nn SET b = b + 2147483647 WHERE id = 1
UPDATE nn SET nn.b = 1
UPDATE nope SET b = 1
UPDATE nn SET b = 1 RETURNING nope
UPDATE nn SET b = 5 WHERE id = 1 RETURNING b


-- case: update_returning_expressions
INSERT INTO parent VALUES (1, 'a', 'x'), (2, 'b', NULL)
UPDATE parent SET note = upper(code) WHERE id = 1 RETURNING id, note, note || '!' AS loud, length(note) > 0
UPDATE parent AS p SET note = 'y' WHERE p.id = 2 RETURNING p.id, p.note
UPDATE parent AS p SET note = 'y' WHERE parent.id = 2
UPDATE parent SET note = NULL WHERE id = 1 RETURNING *, coalesce(note, '-')


-- case: update_set_order_of_errors
INSERT INTO nn VALUES (1, 'a', 1, NULL)
UPDATE nn SET nope = zzz
UPDATE nn SET nope = 1, a = zzz
UPDATE nn SET a = 'x', a = zzz
UPDATE nn SET b = 'x', b = 1
UPDATE nn SET b = 1, b = 'x'
UPDATE nn SET a.x = 1
UPDATE nn SET a[1] = 'x'
UPDATE nn SET nope[1] = 'x'
INSERT INTO nn (id, a.x) VALUES (1, 'x')
INSERT INTO nn (id, nope.x) VALUES (1, 'x')


-- case: update_multiple_column_assignment
INSERT INTO checks (id, lo, hi) VALUES (1, 1, 2)
UPDATE checks SET (lo, hi) = (5), nope = 1
UPDATE checks SET nope = 1, (lo, hi) = (5)
UPDATE checks SET (lo, hi) = (1, 2, 3), code = zzz
UPDATE checks SET (lo, hi) = ROW(3, 4) RETURNING lo, hi
UPDATE checks SET (lo, hi) = ROW(1)
UPDATE checks SET (lo, nope) = (1, 2)
UPDATE checks SET (lo, lo) = (1, 2)
UPDATE checks SET (lo) = (1)
UPDATE checks SET (lo) = ROW(7) RETURNING lo, hi
UPDATE checks SET (lo, hi) = (1, 'x')
UPDATE checks SET (lo, hi) = (DEFAULT, DEFAULT) RETURNING lo, hi
UPDATE checks SET lo = DEFAULT, (hi) = (DEFAULT)
UPDATE checks SET (lo, hi) = (1, 2), qty = 5 RETURNING *
UPDATE checks SET (lo, hi) = ROW(hi, lo)
UPDATE checks SET (lo, hi) = nn
UPDATE checks SET (lo, hi) = 1
UPDATE checks SET (lo, hi) = ((3, 4)) RETURNING lo, hi
UPDATE checks SET (lo, hi) = (zzz, 1)
UPDATE checks SET (hi, lo) = (lo, hi) RETURNING lo, hi
INSERT INTO checks (id, lo, hi) VALUES (1, 0, 0) ON CONFLICT (id) DO UPDATE SET (lo, hi) = (excluded.hi, 9) RETURNING lo, hi
INSERT INTO checks (id, lo, hi) VALUES (1, 0, 0) ON CONFLICT (id) DO UPDATE SET (lo, hi) = (1, 2, 3)
-- case: update_from_values
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL)
UPDATE parent SET note = v.note FROM (VALUES (1, 'one'), (3, 'three')) AS v(id, note) WHERE parent.id = v.id RETURNING parent.*, v.note
UPDATE parent p SET note = v.n FROM (VALUES (2, 'two')) v(id, n) WHERE p.id = v.id RETURNING p.id, p.note


