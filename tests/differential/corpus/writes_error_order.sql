-- schema: tests/differential/schemas/error_order.sql
-- Which error a write reports when several of its constants are bad:
-- PostgreSQL reads every literal with its input function during parse
-- analysis (with the literal's position), applies length limits and casts
-- of constants when planning, and only then builds rows, draws defaults
-- and checks constraints. One line is one simple Query.

-- case: input_errors_before_typmod_errors
INSERT INTO tb VALUES (1, 'toolong', '2024-02-30')
INSERT INTO tb VALUES (1, 'ok', '2024-01-01'), (2, 'toolong', 'x')
INSERT INTO tb VALUES (3, 'toolong', '2024-01-01'), (4, 'ok', '2024-13-01')
SELECT * FROM tb ORDER BY k


-- case: planning_errors_before_rows
INSERT INTO tb VALUES (NULL, 'ok', '2024-01-01'), (2, 'toolong', '2024-01-01')
INSERT INTO tb VALUES (1, 'ok', '2024-01-01'), (1, 'ok', '2024-01-02'), (2, 'toolong', NULL)
UPDATE tb SET label = 'toolong' WHERE k = 42
DELETE FROM tb WHERE k = 2147483648
SELECT * FROM tb ORDER BY k
