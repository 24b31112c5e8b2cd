-- schema: tests/differential/schemas/constraints.sql
-- INSERT ... ON CONFLICT: DO NOTHING with and without a target, DO UPDATE
-- with EXCLUDED, table and alias references, WHERE, ON CONSTRAINT, composite
-- and unique-index targets, NULLS NOT DISTINCT, 42P10 when nothing matches,
-- 21000 when one command proposes the same key twice, conflicts on another
-- constraint than the target, and RETURNING (only rows inserted or updated);
-- a constant after a multi-row VALUES list of another row count.

-- case: do_nothing_with_target
INSERT INTO parent VALUES (1, 'a', 'first') RETURNING *
INSERT INTO parent VALUES (1, 'b', 'second') ON CONFLICT (id) DO NOTHING RETURNING *
INSERT INTO parent VALUES (1, 'b', 'second') ON CONFLICT (id) DO NOTHING
INSERT INTO parent VALUES (2, 'b', 'second') ON CONFLICT (id) DO NOTHING RETURNING *
INSERT INTO parent VALUES (1, 'c', 'third') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note RETURNING *


-- case: do_nothing_without_target
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO parent VALUES (1, 'z', NULL) ON CONFLICT DO NOTHING RETURNING *
INSERT INTO parent VALUES (2, 'a', NULL) ON CONFLICT DO NOTHING RETURNING *
INSERT INTO parent VALUES (3, 'c', NULL) ON CONFLICT DO NOTHING RETURNING *


-- case: do_nothing_multi_row
INSERT INTO parent VALUES (1, 'a', NULL), (3, 'c', NULL)
INSERT INTO parent VALUES (1, 'x', 'skip'), (2, 'b', 'new'), (3, 'y', 'skip'), (4, 'd', 'new') ON CONFLICT (id) DO NOTHING RETURNING *


-- case: do_nothing_duplicates_in_one_command
INSERT INTO parent VALUES (1, 'a', 'one'), (1, 'b', 'two') ON CONFLICT (id) DO NOTHING RETURNING *
INSERT INTO parent VALUES (2, 'c', 'x'), (3, 'c', 'y') ON CONFLICT DO NOTHING RETURNING *
INSERT INTO parent VALUES (4, 'd', 'x'), (5, 'd', 'y') ON CONFLICT (id) DO NOTHING


-- case: do_update_where
INSERT INTO parent VALUES (1, 'a', 'b')
INSERT INTO parent VALUES (1, 'a', 'a') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note WHERE parent.note < EXCLUDED.note RETURNING *
INSERT INTO parent VALUES (1, 'a', 'a') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note WHERE parent.note < EXCLUDED.note
INSERT INTO parent VALUES (1, 'a', 'c') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note WHERE parent.note < EXCLUDED.note RETURNING *
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note WHERE EXCLUDED.note IS DISTINCT FROM parent.note RETURNING *
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET note = 'never' WHERE EXCLUDED.note <> parent.note RETURNING *


-- case: do_update_mixed_insert_and_update
INSERT INTO parent VALUES (2, 'b', 'old')
INSERT INTO parent VALUES (1, 'a', 'n1'), (2, 'b', 'n2'), (3, 'c', 'n3') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note || '*' RETURNING *
INSERT INTO parent VALUES (3, 'c', 'again'), (4, 'd', 'fresh') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note RETURNING id, note


-- case: on_constraint_name
INSERT INTO parent VALUES (1, 'a', 'old')
INSERT INTO parent VALUES (1, 'z', 'new') ON CONFLICT ON CONSTRAINT parent_pkey DO UPDATE SET note = EXCLUDED.note RETURNING *
INSERT INTO parent VALUES (2, 'z', 'other') ON CONFLICT ON CONSTRAINT parent_code_key DO UPDATE SET note = EXCLUDED.note RETURNING *
INSERT INTO parent VALUES (3, 'z', 'x') ON CONFLICT ON CONSTRAINT parent_code_key DO NOTHING RETURNING *
INSERT INTO parent VALUES (1, 'q', 'x') ON CONFLICT ON CONSTRAINT nope DO NOTHING
INSERT INTO parent VALUES (1, 'q', 'x') ON CONFLICT ON CONSTRAINT child_noaction_pkey DO NOTHING


-- case: on_constraint_not_a_unique_constraint
INSERT INTO checks (id, qty) VALUES (1, 1) ON CONFLICT ON CONSTRAINT checks_qty_check DO NOTHING
INSERT INTO pk2 VALUES (1, 'x', 'v') ON CONFLICT ON CONSTRAINT pk2_v_idx DO NOTHING
INSERT INTO child_noaction VALUES (1, NULL) ON CONFLICT ON CONSTRAINT child_noaction_pid_fkey DO NOTHING


-- case: target_on_unique_column
INSERT INTO parent VALUES (1, 'a', 'old')
INSERT INTO parent VALUES (2, 'a', 'new') ON CONFLICT (code) DO UPDATE SET note = EXCLUDED.note || ' from ' || EXCLUDED.id RETURNING *
INSERT INTO parent VALUES (3, 'a', 'x') ON CONFLICT (code) DO NOTHING RETURNING *
INSERT INTO parent VALUES (1, 'b', 'x') ON CONFLICT (code) DO NOTHING RETURNING *


-- case: conflict_on_another_constraint
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL)
INSERT INTO parent VALUES (3, 'a', NULL) ON CONFLICT (id) DO NOTHING
INSERT INTO parent VALUES (3, 'a', NULL) ON CONFLICT (id) DO UPDATE SET note = 'x'
INSERT INTO parent VALUES (1, 'c', NULL) ON CONFLICT (code) DO NOTHING
INSERT INTO parent VALUES (1, 'c', 'x') ON CONFLICT (id) DO UPDATE SET code = 'b'
INSERT INTO parent VALUES (1, 'c', 'x') ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code RETURNING *


-- case: composite_target
INSERT INTO pk2 VALUES (1, 'x', 'v1')
INSERT INTO pk2 VALUES (1, 'x', 'v2') ON CONFLICT (a, b) DO UPDATE SET v = EXCLUDED.v RETURNING *
INSERT INTO pk2 VALUES (1, 'x', 'v3') ON CONFLICT (b, a) DO UPDATE SET v = EXCLUDED.v RETURNING *
INSERT INTO pk2 VALUES (1, 'y', 'v4') ON CONFLICT (a, b) DO UPDATE SET v = EXCLUDED.v RETURNING *
INSERT INTO pk2 VALUES (1, 'x', 'v5') ON CONFLICT (a) DO NOTHING
INSERT INTO pk2 VALUES (1, 'x', 'v5') ON CONFLICT (a, b, v) DO NOTHING
INSERT INTO pk2 VALUES (1, 'x', 'v6') ON CONFLICT (a, a, b) DO UPDATE SET v = EXCLUDED.v RETURNING v


-- case: unique_index_target
INSERT INTO pk2 VALUES (1, 'x', 'same')
INSERT INTO pk2 VALUES (2, 'y', 'same') ON CONFLICT (v) DO UPDATE SET b = EXCLUDED.b RETURNING *
INSERT INTO pk2 VALUES (3, 'z', 'same') ON CONFLICT (v) DO NOTHING RETURNING *
INSERT INTO pk2 VALUES (1, 'y', 'other') ON CONFLICT (v) DO NOTHING


-- case: composite_unique_with_nulls
INSERT INTO uniq (id, a, b) VALUES (1, 1, NULL)
INSERT INTO uniq (id, a, b) VALUES (2, 1, NULL) ON CONFLICT (a, b) DO UPDATE SET id = 99 RETURNING *
INSERT INTO uniq (id, a, b) VALUES (3, 1, 1) ON CONFLICT (a, b) DO NOTHING RETURNING *
INSERT INTO uniq (id, a, b) VALUES (4, 1, 1) ON CONFLICT (a, b) DO UPDATE SET id = EXCLUDED.id RETURNING *


-- case: nulls_not_distinct_target
INSERT INTO nnd VALUES (1, NULL, NULL)
INSERT INTO nnd VALUES (2, NULL, NULL) ON CONFLICT (x, y) DO UPDATE SET x = 5 RETURNING *
INSERT INTO nnd VALUES (3, 5, NULL) ON CONFLICT (x, y) DO NOTHING RETURNING *
INSERT INTO nnd VALUES (4, NULL, NULL) ON CONFLICT (x, y) DO NOTHING RETURNING *


-- case: do_update_requires_target
INSERT INTO parent VALUES (1, 'a', 'n') ON CONFLICT DO UPDATE SET note = 'x'


-- case: affect_row_twice_21000
INSERT INTO parent VALUES (1, 'a', 'x'), (1, 'b', 'y') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note
INSERT INTO parent VALUES (1, 'a', 'x') RETURNING *
INSERT INTO parent VALUES (1, 'a', 'p'), (1, 'a', 'q') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note
INSERT INTO parent VALUES (2, 'z', 'p'), (3, 'z', 'q') ON CONFLICT (code) DO UPDATE SET note = EXCLUDED.note
INSERT INTO parent VALUES (1, 'a', 'still x?') ON CONFLICT (id) DO UPDATE SET note = parent.note RETURNING *


-- case: affect_row_twice_with_where_false
INSERT INTO parent VALUES (1, 'a', 'x')
INSERT INTO parent VALUES (1, 'a', 'p'), (1, 'a', 'q') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note WHERE false RETURNING *


-- case: excluded_sees_defaults_and_coercions
INSERT INTO nn VALUES (1, 'a', 5, NULL)
INSERT INTO nn (id, a) VALUES (1, 'b') ON CONFLICT (id) DO UPDATE SET b = EXCLUDED.b, a = EXCLUDED.a RETURNING *
INSERT INTO nn (id, a, b) VALUES (1, 'c', '7') ON CONFLICT (id) DO UPDATE SET b = EXCLUDED.b + nn.b RETURNING *
INSERT INTO nn (id, a, b) VALUES (1, 'c', 7.6) ON CONFLICT (id) DO UPDATE SET b = EXCLUDED.b RETURNING b


-- case: do_update_set_default_and_null
INSERT INTO nn VALUES (1, 'a', 5, 'c')
INSERT INTO nn VALUES (1, 'a', 9, 'd') ON CONFLICT (id) DO UPDATE SET b = DEFAULT, c = NULL RETURNING *
INSERT INTO nn VALUES (1, 'a', 9, 'd') ON CONFLICT (id) DO UPDATE SET a = NULL


-- case: do_update_key_change
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL)
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id + 100 RETURNING *
INSERT INTO parent VALUES (2, 'b', NULL) ON CONFLICT (id) DO UPDATE SET id = 101
INSERT INTO parent VALUES (1, 'a', 'back') ON CONFLICT (id) DO UPDATE SET note = 'unexpected' RETURNING *


-- case: do_update_key_change_cascades
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_cascade VALUES (10, 1)
INSERT INTO child_restrict VALUES (20, NULL)
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET id = 2 RETURNING *
UPDATE child_cascade SET id = id RETURNING *


-- case: upsert_in_transaction
BEGIN
INSERT INTO parent VALUES (1, 'a', 'v1')
INSERT INTO parent VALUES (1, 'a', 'v2') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note RETURNING *
SAVEPOINT s
INSERT INTO parent VALUES (1, 'a', 'v3') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note RETURNING *
ROLLBACK TO s
INSERT INTO parent VALUES (1, 'a', 'v4') ON CONFLICT (id) DO UPDATE SET note = parent.note || '>' || EXCLUDED.note RETURNING *
COMMIT
INSERT INTO parent VALUES (1, 'a', '') ON CONFLICT (id) DO UPDATE SET note = parent.note RETURNING *


-- case: upsert_tags
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT DO NOTHING
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT DO NOTHING
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL) ON CONFLICT (id) DO UPDATE SET note = 'u'
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL) ON CONFLICT (id) DO UPDATE SET note = 'u' WHERE parent.id = 2


-- case: do_update_excluded
INSERT INTO parent VALUES (1, 'a', 'old')
INSERT INTO parent VALUES (1, 'a', 'new') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note RETURNING *
INSERT INTO parent VALUES (1, 'b', 'newer') ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, note = EXCLUDED.note RETURNING *
INSERT INTO parent VALUES (1, 'c', 'x') ON CONFLICT (id) DO UPDATE SET note = parent.note || '+' || EXCLUDED.note RETURNING *
INSERT INTO parent VALUES (1, 'c', 'y') ON CONFLICT (id) DO UPDATE SET note = note || '!' RETURNING note


-- case: do_update_alias
INSERT INTO parent VALUES (1, 'a', 'old')
INSERT INTO parent AS p VALUES (1, 'a', 'new') ON CONFLICT (id) DO UPDATE SET note = p.note || '/' || excluded.note RETURNING p.*
INSERT INTO parent AS p VALUES (1, 'a', 'new') ON CONFLICT (id) DO UPDATE SET note = parent.note
INSERT INTO parent AS p VALUES (1, 'a', 'z') ON CONFLICT (id) DO UPDATE SET note = p.note WHERE p.note < EXCLUDED.note RETURNING note


-- case: no_matching_constraint_42P10
INSERT INTO parent VALUES (1, 'a', 'n') ON CONFLICT (note) DO NOTHING
INSERT INTO parent VALUES (1, 'a', 'n') ON CONFLICT (id, note) DO NOTHING
INSERT INTO parent VALUES (1, 'a', 'n') ON CONFLICT (id, code) DO UPDATE SET note = 'x'
INSERT INTO nn VALUES (1, 'a', 0, NULL) ON CONFLICT (a) DO NOTHING
INSERT INTO bag_does_not_exist VALUES (1) ON CONFLICT DO NOTHING
INSERT INTO parent VALUES (1, 'a', 'n') ON CONFLICT (nope) DO NOTHING


-- case: do_update_violations
INSERT INTO checks (id, qty) VALUES (1, 1)
INSERT INTO checks (id, qty) VALUES (1, 5) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty - 10
INSERT INTO checks (id, qty) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET qty = 3 RETURNING *
INSERT INTO checks (id, qty) VALUES (1, 0) ON CONFLICT (id) DO NOTHING
INSERT INTO parent VALUES (1, 'a', NULL)
INSERT INTO child_noaction VALUES (1, 1)
INSERT INTO child_noaction VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET pid = 42
INSERT INTO child_noaction VALUES (1, 42) ON CONFLICT (id) DO NOTHING RETURNING *


-- case: upsert_errors
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET nope = 1
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.nope
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET note = 1 + 'x'
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET note = 'x', note = 'y'
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET id = 'abc'
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO NOTHING RETURNING EXCLUDED.id
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET note = 'x' WHERE nope
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET note = 'x' WHERE 1


-- case: constant_after_values_of_another_length
INSERT INTO parent VALUES (1, 'a', 'x'), (2, 'b', 'x') ON CONFLICT (id) DO UPDATE SET note = '3'
INSERT INTO parent VALUES (1, 'a', 'x'), (2, 'b', 'x'), (3, 'c', 'x') ON CONFLICT (id) DO UPDATE SET note = '7'
SELECT * FROM parent ORDER BY id
INSERT INTO parent VALUES (4, 'd', 'x'), (5, 'e', NULL), (6, NULL, 'y'), (-7, 'g', 'z') ON CONFLICT (id) DO UPDATE SET note = 'w' RETURNING *
INSERT INTO parent VALUES (4, 'd', 'x'), (8, 'h', NULL), (-7, 'g', 'q') ON CONFLICT (id) DO UPDATE SET note = 'w2' RETURNING *
