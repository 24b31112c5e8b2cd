-- schema: tests/differential/schemas/reads.sql
-- Parity gaps of corpus/reads_edge_answers.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- edge_other_aggregates: aggregates the twin does not run (stddev here)
--   are a clean 0A000, even with ORDER BY inside the call.

-- case: edge_other_aggregates
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0)
SELECT stddev(credit ORDER BY id) FROM customers
