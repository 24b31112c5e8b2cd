-- schema: tests/differential/schemas/identity.sql
-- Sequences: nextval/currval/lastval/setval on free-standing, serial and
-- identity sequences; values are never rolled back (failed inserts,
-- ROLLBACK, ON CONFLICT DO NOTHING all consume them); bounds of serial's
-- integer sequence; TRUNCATE ... RESTART IDENTITY / CONTINUE IDENTITY.
-- Known parity gaps: cases PostgreSQL answers differently from the twin
-- today. tests/differential/test_gaps.py requires each to still differ, so a
-- fixed gap fails until it moves back to tests/differential/corpus/.

-- case: sequence_name_errors
SELECT nextval('nope')
SELECT nextval('public.nope')
SELECT currval('nope')
SELECT setval('nope', 1)
SELECT nextval('ser')
SELECT nextval('Counter')
SELECT nextval('"counter"')
SELECT nextval('public.counter')


-- case: sequence_functions_types
SELECT nextval('counter') + 1, pg_typeof(nextval('counter'))
SELECT setval('counter', 5::int), setval('counter'::regclass, 6)
SELECT nextval(NULL)
SELECT nextval('')
