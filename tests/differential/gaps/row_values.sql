-- Parity gaps of corpus/row_values.sql and corpus/composite_types.sql:
-- cases PostgreSQL 15 still answers differently from the twin.
-- tests/differential/test_gaps.py runs each as a strict expected failure,
-- so a case that starts to agree fails until it moves back to a corpus.
--
-- table_row_type_column: a column of a table's row type (PostgreSQL keeps
--   it in step with the table: ALTER TABLE on t then checks u.c); the twin
--   refuses it by name (0A000).
-- alter_type_attributes: ALTER TYPE … ADD/DROP ATTRIBUTE of a composite
--   type an array column, a domain or another composite type holds is
--   refused by name (0A000): PostgreSQL reads the stored values with the
--   new shape, the twin rewrites only plain columns of the type.

-- case: table_row_type_column
CREATE TABLE t (a int, b text)
CREATE TABLE u (c t)

-- case: alter_type_attributes
CREATE TYPE comp AS (x int, y text)
CREATE TABLE t (c comp[])
ALTER TYPE comp ADD ATTRIBUTE z int
ALTER TYPE comp DROP ATTRIBUTE y
