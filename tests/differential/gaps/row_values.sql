-- Parity gaps of corpus/row_values.sql and corpus/composite_types.sql:
-- cases PostgreSQL 15 still answers differently from the twin.
-- tests/differential/test_gaps.py runs each as a strict expected failure,
-- so a case that starts to agree fails until it moves back to a corpus.
--
-- table_row_type_column: a column of a table's row type (PostgreSQL keeps
--   it in step with the table: ALTER TABLE on t then checks u.c); the twin
--   refuses it by name (0A000).
-- alter_type_attributes: ALTER TYPE … ADD/DROP/ALTER/RENAME ATTRIBUTE of a
--   composite type is refused by name (0A000).
-- drop_type_with_array_column: PostgreSQL lists a column of the array
--   type (found through the array type's own dependency) before the
--   column of the type itself; the twin lists them in column order.

-- case: table_row_type_column
CREATE TABLE t (a int, b text)
CREATE TABLE u (c t)

-- case: alter_type_attributes
CREATE TYPE comp AS (x int, y text)
ALTER TYPE comp ADD ATTRIBUTE z int
ALTER TYPE comp DROP ATTRIBUTE y
ALTER TYPE comp RENAME ATTRIBUTE x TO x2

-- case: drop_type_with_array_column
CREATE TYPE comp AS (x int, y text)
CREATE TABLE t (id int, c comp, cs comp[])
DROP TYPE comp
