-- schema: tests/differential/schemas/constraints.sql
-- Column and table references in write statements, and which clause's
-- error comes first: VALUES see no columns; RETURNING, SET and WHERE see
-- the target (under its alias, if any); DO UPDATE sees the target and
-- EXCLUDED (an unqualified name in both is ambiguous); PostgreSQL's
-- "invalid reference to FROM-clause entry" with its alias hint, the fuzzy
-- "Perhaps you meant" hints over the whole range table, and parse
-- analysis' order (UPDATE: WHERE, RETURNING, then SET; INSERT: VALUES,
-- ON CONFLICT, RETURNING; the rewriter's duplicate-SET check last).

-- case: write_scope_errors
INSERT INTO nn VALUES (nn.id, 'a', 1, NULL)
INSERT INTO nn VALUES (id, 'a', 1, NULL)
INSERT INTO nn AS n VALUES (n.id, 'a', 1, NULL)
INSERT INTO nn VALUES (1, 'a', 1, NULL) RETURNING nn.nope
INSERT INTO nn AS n VALUES (1, 'a', 1, NULL) RETURNING n.nope
INSERT INTO nn AS n VALUES (1, 'a', 1, NULL) RETURNING nn.nope
INSERT INTO nn AS n VALUES (1, 'a', 1, NULL) RETURNING public.nn.id
INSERT INTO nn VALUES (1, 'a', 1, NULL) RETURNING public.nn.id, nn.*
INSERT INTO nn VALUES (2, 'a', 1, NULL) RETURNING x.nn.id
INSERT INTO nn VALUES (2, 'a', 1, NULL) RETURNING excluded.id
INSERT INTO nn VALUES (2, 'a', 1, NULL) RETURNING other.*
INSERT INTO nn AS n VALUES (2, 'a', 1, NULL) RETURNING nn.*
INSERT INTO nn VALUES (1, 'a', 1, NULL) ON CONFLICT (id) DO UPDATE SET a = nope
INSERT INTO nn VALUES (1, 'a', 1, NULL) ON CONFLICT (id) DO UPDATE SET a = excluded.aa
INSERT INTO nn VALUES (1, 'a', 1, NULL) ON CONFLICT (id) DO UPDATE SET a = nn.aa
INSERT INTO nn AS x VALUES (1, 'a', 1, NULL) ON CONFLICT (id) DO UPDATE SET a = excluded.a RETURNING excluded.a
INSERT INTO nn VALUES (1, 'a', 1, NULL) ON CONFLICT (id) DO NOTHING RETURNING excluded.a
INSERT INTO nn VALUES (1, 'a', 1, NULL) ON CONFLICT (id) DO UPDATE SET a = a
INSERT INTO nn VALUES (1, 'a', 1, NULL) ON CONFLICT (id) DO UPDATE SET a = 'x' WHERE b > 0
INSERT INTO nn VALUES (1, 'a', 1, NULL) ON CONFLICT (id) DO UPDATE SET a = 'x' RETURNING b, c IS NULL
INSERT INTO nn VALUES (1, 'a', 1, NULL) ON CONFLICT (id) DO UPDATE SET a = 'y' RETURNING cc
INSERT INTO nn VALUES (1, 'a', 1, NULL) ON CONFLICT (idd) DO NOTHING
INSERT INTO nn VALUES (1, 'a', 1, NULL) ON CONFLICT (id, aa) DO UPDATE SET a = 'x'
UPDATE nn SET a = nope.a
UPDATE nn n SET a = nn.a
UPDATE nn SET a = aa
UPDATE nn n SET a = n.aa
UPDATE nn n SET a = n.a RETURNING n.*, n.id
DELETE FROM nn n WHERE n.idd = 1
DELETE FROM nn n WHERE public.nn.id = 1
DELETE FROM nn WHERE public.nn.id = 1 RETURNING public.nn.a
INSERT INTO nn (id, a) VALUES (1, 'x'), (2, column1)


-- case: write_clause_order_of_errors
INSERT INTO parent VALUES (1, 'a', NULL)
UPDATE nn SET nope = 1 RETURNING zzz
UPDATE nn SET nope = 1 WHERE zzz
UPDATE nn SET b = zzz WHERE id = 'x'
UPDATE nn SET b = 'x', nope = 1
UPDATE nn SET b = 'x' WHERE id = 'y'
UPDATE nn SET b = 'x' RETURNING id + 'y'
DELETE FROM nn WHERE id = 'x' RETURNING zzz
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET note = 'x', note = 'y' RETURNING zzz
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET note = 'x' WHERE zzz
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET id = 'x' WHERE zzz
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET note = 'x', note = 'y' WHERE id = 'z'
INSERT INTO parent VALUES ('x', 'a', NULL) RETURNING zzz
INSERT INTO parent VALUES ('x', 'a', NULL) ON CONFLICT (zzz) DO NOTHING
INSERT INTO parent VALUES (zzz, 'a', NULL) RETURNING id + 'y'
INSERT INTO parent VALUES (1, 'a', NULL) ON CONFLICT (id) DO UPDATE SET note = 'x', note = 'y'
INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', NULL) ON CONFLICT (id) DO UPDATE SET note = 'x' RETURNING *


-- case: write_shapes_misc
INSERT INTO nn DEFAULT VALUES RETURNING *
INSERT INTO nn VALUES (1, 'a', DEFAULT, DEFAULT) RETURNING *
UPDATE nn SET a = DEFAULT
UPDATE nn SET c = DEFAULT RETURNING c
INSERT INTO nn VALUES (1, 'b') ON CONFLICT ON CONSTRAINT nn_pkey DO NOTHING RETURNING *
INSERT INTO nn VALUES (1, 'b') ON CONFLICT ON CONSTRAINT nope DO NOTHING
INSERT INTO nn (id, a) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET a = excluded.a || '2' WHERE nn.b = 0 RETURNING *
INSERT INTO nn (id, a) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET a = excluded.a || '3' WHERE nn.b = 1 RETURNING *
UPDATE ONLY nn SET b = b + 1 WHERE id IN (1, 2) RETURNING b
DELETE FROM ONLY nn WHERE false
TRUNCATE ONLY nn
TRUNCATE TABLE nn, nn
INSERT INTO public.nn VALUES (3, 'c') RETURNING id
INSERT INTO "NN" VALUES (3, 'c')
INSERT INTO nn VALUES (8, 'h') RETURNING *, *
INSERT INTO nn VALUES (9, repeat('x', 3)) RETURNING a
INSERT INTO nn VALUES (10, 'i', 1 + 1, 'c' || 1) RETURNING b, c
