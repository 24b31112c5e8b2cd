-- Parity gaps of corpus/partitions.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- rollback_to_savepoint_after_writing_a_new_partition: ROLLBACK TO a
--   savepoint taken before a table (here a partition) was created and
--   then written is an internal error in the twin: the store's rollback
--   keeps the new table's overlay while the catalog forgets the table
--   (twinning/store/transaction.py rollback_to; any table, not only
--   partitions).

-- case: rollback_to_savepoint_after_writing_a_new_partition
CREATE TABLE p (a int) PARTITION BY LIST (a)
BEGIN
CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)
SAVEPOINT s
CREATE TABLE p2 PARTITION OF p FOR VALUES IN (2)
INSERT INTO p VALUES (1), (2)
ROLLBACK TO SAVEPOINT s
INSERT INTO p VALUES (1)
COMMIT
SELECT tableoid::regclass, * FROM p

