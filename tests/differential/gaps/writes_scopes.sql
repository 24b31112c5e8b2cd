-- schema: tests/differential/schemas/constraints.sql
-- Parity gaps of corpus/writes_scopes.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- whole_row_and_system_columns: whole-row references (`RETURNING nn`) and
--   system columns (ctid, tableoid) in RETURNING and WHERE; the twin
--   refuses both (0A000).

-- case: whole_row_and_system_columns
INSERT INTO nn VALUES (1, 'a') RETURNING nn
INSERT INTO nn AS x VALUES (2, 'b') RETURNING x
INSERT INTO nn VALUES (3, 'c') RETURNING nn.*, tableoid::regclass
INSERT INTO nn VALUES (4, 'd') RETURNING ctid
UPDATE nn SET a = 'z' WHERE ctid = '(0,1)'
