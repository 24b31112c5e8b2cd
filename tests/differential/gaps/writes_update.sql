-- schema: tests/differential/schemas/constraints.sql
-- UPDATE: SET expressions (old values on the right-hand side, DEFAULT,
-- row-constructor SET), WHERE with three-valued logic, RETURNING, tags,
-- constraint violations, immediate unique checks row by row in scan order,
-- and key updates with every ON UPDATE action (NO ACTION vs RESTRICT,
-- CASCADE, SET NULL, SET DEFAULT, composite and unique-column keys).
-- `UPDATE t SET id = id WHERE ... RETURNING *` reads a row back.
-- Known parity gaps: cases PostgreSQL answers differently from the twin
-- today. tests/differential/test_gaps.py requires each to still differ, so a
-- fixed gap fails until it moves back to tests/differential/corpus/.

-- case: update_multiple_assignment_from_subselect
INSERT INTO checks (id, lo, hi) VALUES (1, 1, 2)
UPDATE checks SET (lo, hi) = (SELECT 3, 4) RETURNING lo, hi
UPDATE checks SET (lo, hi) = (SELECT hi, lo) WHERE id = 1 RETURNING lo, hi
