-- schema: tests/differential/schemas/reads.sql
-- Parity gaps of corpus/reads_windows.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- win_view_definition: pg_get_viewdef / pg_views / information_schema.views
--   of a view whose query has window functions; the twin's deparser refuses
--   window functions (0A000).

-- case: win_view_definition
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c')
CREATE VIEW vw AS SELECT v, k, row_number() OVER (PARTITION BY k ORDER BY v) AS rn, sum(x) OVER w AS s FROM ta WINDOW w AS (ORDER BY v ROWS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW)
SELECT pg_get_viewdef('vw'::regclass)
SELECT definition FROM pg_views WHERE viewname = 'vw'
SELECT table_name, is_updatable, is_insertable_into FROM information_schema.views WHERE table_name = 'vw'
