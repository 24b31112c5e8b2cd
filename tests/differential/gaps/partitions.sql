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
-- alter_only_add_column: ALTER TABLE ONLY on a partitioned table's ADD
--   COLUMN is 42P16 "column must be added to child tables too" in
--   PostgreSQL; the twin's ALTER TABLE column commands carry no ONLY and
--   add it to the partitions too.

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


-- case: alter_only_add_column
CREATE TABLE p (a int) PARTITION BY LIST (a)
CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)
ALTER TABLE ONLY p ADD COLUMN z int
SELECT attrelid::regclass, attname FROM pg_attribute WHERE attrelid IN ('p'::regclass, 'p1'::regclass) AND attnum > 0 ORDER BY attrelid::regclass::text, attnum
