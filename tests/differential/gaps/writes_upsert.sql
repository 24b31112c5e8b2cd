-- schema: tests/differential/schemas/constraints.sql
-- INSERT ... ON CONFLICT: DO NOTHING with and without a target, DO UPDATE
-- with EXCLUDED, table and alias references, WHERE, ON CONSTRAINT, composite
-- and unique-index targets, NULLS NOT DISTINCT, 42P10 when nothing matches,
-- 21000 when one command proposes the same key twice, conflicts on another
-- constraint than the target, and RETURNING (only rows inserted or updated).
-- Known parity gaps: cases PostgreSQL answers differently from the twin
-- today. tests/differential/test_gaps.py requires each to still differ, so a
-- fixed gap fails until it moves back to tests/differential/corpus/.

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

