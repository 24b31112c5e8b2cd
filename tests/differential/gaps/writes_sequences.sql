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


-- case: serial_sequence_names
SELECT nextval('ser_id_seq'), nextval('bser_id_seq'), nextval('ida_id_seq'), nextval('idd_id_seq')
INSERT INTO ser (name) VALUES ('a') RETURNING id
INSERT INTO ida (name) VALUES ('a') RETURNING id
SELECT pg_get_serial_sequence('ser', 'id'), pg_get_serial_sequence('ida', 'id'), pg_get_serial_sequence('defs', 'ticket')


-- case: sequence_functions_types
SELECT nextval('counter') + 1, pg_typeof(nextval('counter'))
SELECT setval('counter', 5::int), setval('counter'::regclass, 6)
SELECT nextval(NULL)
SELECT nextval('')
