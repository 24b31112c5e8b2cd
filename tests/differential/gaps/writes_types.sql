-- schema: tests/differential/schemas/types.sql
-- Parity gaps of corpus/writes_types.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- array_good, array_multidim: arrays with a lower bound other than 1, and
--   multidimensional arrays, which the twin refuses (0A000).

-- case: array_good
INSERT INTO arrs (id, ia) VALUES (1, '{1,2,3}') RETURNING ia
INSERT INTO arrs (id, ia) VALUES (2, '{}') RETURNING ia, cardinality(ia)
INSERT INTO arrs (id, ia) VALUES (3, ' { 1 , NULL , 3 } ') RETURNING ia
INSERT INTO arrs (id, ia) VALUES (4, ARRAY[4, 5]) RETURNING ia
INSERT INTO arrs (id, ta) VALUES (5, '{"a b","c,d","e\"f",NULL,"NULL",""}') RETURNING ta
INSERT INTO arrs (id, ta) VALUES (6, ARRAY['x', NULL, 'y z']) RETURNING ta
INSERT INTO arrs (id, na) VALUES (7, '{1.25, 2.35, -0.05}') RETURNING na
INSERT INTO arrs (id, va) VALUES (8, '{ab, "abc  "}') RETURNING va
INSERT INTO arrs (id, ba) VALUES (9, '{t,f,yes,NULL}') RETURNING ba
INSERT INTO arrs (id, da) VALUES (10, '{2024-02-29,infinity}') RETURNING da::text
INSERT INTO arrs (id, ia) VALUES (11, '[0:1]={7,8}') RETURNING ia
INSERT INTO arrs (id, ia) VALUES (12, ARRAY[]::integer[]) RETURNING ia
INSERT INTO arrs (id, ia) VALUES (13, ARRAY[1.6, 2.4]) RETURNING ia


-- case: array_multidim
INSERT INTO arrs (id, ia) VALUES (1, '{{1,2},{3,4}}') RETURNING ia
INSERT INTO arrs (id, ia) VALUES (2, '{{1,2},{3}}')
INSERT INTO arrs (id, ia) VALUES (3, ARRAY[[1],[2]]) RETURNING ia
