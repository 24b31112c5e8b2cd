-- schema: tests/differential/schemas/constraints.sql
-- References the twin refuses (0A000) where PostgreSQL answers: whole-row
-- references (a composite value of the table's row type) and system
-- columns (ctid, tableoid, ...) in RETURNING, SET and WHERE.
-- Known parity gaps: cases PostgreSQL answers differently from the twin
-- today. tests/differential/test_gaps.py requires each to still differ, so a
-- fixed gap fails until it moves back to tests/differential/corpus/.


-- case: whole_row_and_system_columns
INSERT INTO nn VALUES (1, 'a') RETURNING nn
INSERT INTO nn AS x VALUES (2, 'b') RETURNING x
INSERT INTO nn VALUES (3, 'c') RETURNING nn.*, tableoid::regclass
INSERT INTO nn VALUES (4, 'd') RETURNING ctid
UPDATE nn SET a = 'z' WHERE ctid = '(0,1)'
