-- Parity gaps of corpus/extensions.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- metaphone: fuzzystrmatch's dmetaphone (double metaphone) is typed but
--   refused 0A000 by name when called.
-- crosstab: a column definition list in FROM is outside the read path's
--   subset (0A000), so tablefunc's crosstab cannot be called.
-- citext: a contrib extension the twin does not provide is refused 0A000
--   naming it (hstore, pg_trgm, unaccent, … likewise).

-- case: metaphone
CREATE EXTENSION fuzzystrmatch
SELECT dmetaphone('Thompson')

-- case: crosstab
CREATE EXTENSION tablefunc
SELECT * FROM crosstab('SELECT 1, 2, 3') AS t(a int, b int)

-- case: citext
CREATE EXTENSION citext
