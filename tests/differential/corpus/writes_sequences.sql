-- schema: tests/differential/schemas/identity.sql
-- Sequences: nextval/currval/lastval/setval on free-standing, serial and
-- identity sequences; values are never rolled back (failed inserts,
-- ROLLBACK, ON CONFLICT DO NOTHING all consume them); bounds of serial's
-- integer sequence; TRUNCATE ... RESTART IDENTITY / CONTINUE IDENTITY.

-- case: nextval_currval_lastval
SELECT nextval('counter')
SELECT nextval('counter'), nextval('counter')
SELECT currval('counter')
SELECT lastval()
SELECT nextval('by10'), currval('by10'), lastval()
SELECT currval('counter')


-- case: currval_before_nextval
SELECT currval('counter')
SELECT lastval()
SELECT currval('by10')
SELECT nextval('by10')
SELECT currval('by10')


-- case: setval_forms
SELECT setval('counter', 42)
SELECT nextval('counter')
SELECT setval('counter', 42, false)
SELECT nextval('counter')
SELECT setval('counter', 7, true), currval('counter')
SELECT nextval('counter')
SELECT setval('by10', 1000), nextval('by10')


-- case: setval_out_of_bounds
SELECT setval('counter', 0)
SELECT setval('counter', -1)
SELECT setval('counter', 9223372036854775807), nextval('counter')
SELECT setval('ser_id_seq', 2147483648)
SELECT setval('by10', 99)


-- case: sequence_not_rolled_back
BEGIN
SELECT nextval('counter')
SELECT nextval('counter')
ROLLBACK
SELECT nextval('counter')
BEGIN
SELECT setval('counter', 100)
ROLLBACK
SELECT nextval('counter')


-- case: sequence_survives_failed_transaction
BEGIN
SELECT nextval('counter')
SELECT 1 / 0
SELECT nextval('counter')
ROLLBACK
SELECT nextval('counter'), currval('counter')


-- case: serial_not_rolled_back
BEGIN
INSERT INTO ser (name) VALUES ('a'), ('b') RETURNING id
ROLLBACK
INSERT INTO ser (name) VALUES ('c') RETURNING id
SELECT currval('ser_id_seq'), lastval()


-- case: serial_consumed_by_failed_insert
INSERT INTO ser (name) VALUES ('a') RETURNING id
INSERT INTO ser (id, name) VALUES (1, 'dup')
INSERT INTO ser (name) VALUES ('b'), (NULL), ('c') RETURNING id
INSERT INTO ser (name) VALUES (1 / 0)
INSERT INTO ser (name) VALUES ('d') RETURNING id


-- case: serial_consumed_by_do_nothing
INSERT INTO idd (name) VALUES ('a') RETURNING id
INSERT INTO idd (name) VALUES ('a') ON CONFLICT (name) DO NOTHING RETURNING id
INSERT INTO idd (name) VALUES ('a') ON CONFLICT (name) DO NOTHING
INSERT INTO idd (name) VALUES ('b') ON CONFLICT (name) DO NOTHING RETURNING id
INSERT INTO idd (name) VALUES ('b') ON CONFLICT (name) DO UPDATE SET name = 'bb' RETURNING id, name
INSERT INTO idd (name) VALUES ('c') RETURNING id


-- case: serial_consumed_by_unique_failure_on_other_column
INSERT INTO stepped (name) VALUES ('a') RETURNING id
INSERT INTO stepped (name) VALUES ('a')
INSERT INTO stepped (name) VALUES ('a')
INSERT INTO stepped (name) VALUES ('b') RETURNING id
SELECT currval('by10')


-- case: setval_moves_serial
SELECT setval('ser_id_seq', 10)
INSERT INTO ser (name) VALUES ('a') RETURNING id
SELECT setval('ida_id_seq', 100, false)
INSERT INTO ida (name) VALUES ('a') RETURNING id
INSERT INTO ida (name) VALUES ('b') RETURNING id


-- case: serial_integer_maximum
SELECT setval('ser_id_seq', 2147483646)
INSERT INTO ser (name) VALUES ('a') RETURNING id
INSERT INTO ser (name) VALUES ('b')
INSERT INTO ser (name) VALUES ('c')
SELECT nextval('ser_id_seq')


-- case: bigserial_maximum
SELECT setval('bser_id_seq', 9223372036854775806)
INSERT INTO bser (name) VALUES ('a') RETURNING id
INSERT INTO bser (name) VALUES ('b')


-- case: default_nextval_column
INSERT INTO defs (note) VALUES ('a') RETURNING id, ticket
SELECT nextval('counter')
INSERT INTO defs (note) VALUES ('b') RETURNING id, ticket
INSERT INTO defs (note, ticket) VALUES ('c', 500) RETURNING id, ticket
INSERT INTO defs (note) VALUES ('d') RETURNING id, ticket
SELECT currval('defs_id_seq'), currval('counter'), lastval()


-- case: multi_row_insert_draws_in_order
INSERT INTO ser (name) VALUES ('a'), ('b'), ('c') RETURNING id, name
INSERT INTO stepped (name) VALUES ('x'), ('y') RETURNING *
INSERT INTO defs (note) VALUES ('p'), ('q') RETURNING id, ticket, note


-- case: truncate_restart_identity
INSERT INTO ser (name) VALUES ('a'), ('b') RETURNING id
TRUNCATE ser
INSERT INTO ser (name) VALUES ('c') RETURNING id
TRUNCATE ser RESTART IDENTITY
INSERT INTO ser (name) VALUES ('d') RETURNING id
TRUNCATE ser CONTINUE IDENTITY
INSERT INTO ser (name) VALUES ('e') RETURNING id


-- case: truncate_restart_identity_columns
INSERT INTO ida (name) VALUES ('a'), ('b')
INSERT INTO idd (name) VALUES ('a'), ('b')
TRUNCATE ida, idd RESTART IDENTITY
INSERT INTO ida (name) VALUES ('c') RETURNING id
INSERT INTO idd (name) VALUES ('c') RETURNING id


-- case: truncate_restart_identity_leaves_free_sequences
SELECT nextval('counter'), nextval('by10')
INSERT INTO defs (note) VALUES ('a') RETURNING id, ticket
INSERT INTO stepped (name) VALUES ('a') RETURNING id
TRUNCATE defs, stepped RESTART IDENTITY
INSERT INTO defs (note) VALUES ('b') RETURNING id, ticket
INSERT INTO stepped (name) VALUES ('b') RETURNING id


-- case: truncate_restart_identity_rolled_back
INSERT INTO ser (name) VALUES ('a'), ('b')
BEGIN
TRUNCATE ser RESTART IDENTITY
INSERT INTO ser (name) VALUES ('x') RETURNING id
ROLLBACK
INSERT INTO ser (name) VALUES ('c') RETURNING id


-- case: sequences_in_savepoints
BEGIN
SELECT nextval('counter')
SAVEPOINT s
SELECT nextval('counter')
ROLLBACK TO s
SELECT nextval('counter'), currval('counter')
COMMIT


-- case: sequences_in_read_only_transactions
BEGIN READ ONLY
SELECT nextval('counter')
ROLLBACK
BEGIN READ ONLY
SELECT setval('counter', 5)
ROLLBACK
SELECT nextval('counter')
BEGIN READ ONLY
SELECT currval('counter'), lastval()
COMMIT
SET default_transaction_read_only = on
INSERT INTO ser (name) VALUES ('a')
SELECT nextval('ser_id_seq')
SELECT currval('counter')
RESET default_transaction_read_only
INSERT INTO ser (name) VALUES ('a') RETURNING id


-- case: serial_sequence_names
SELECT nextval('ser_id_seq'), nextval('bser_id_seq'), nextval('ida_id_seq'), nextval('idd_id_seq')
INSERT INTO ser (name) VALUES ('a') RETURNING id
INSERT INTO ida (name) VALUES ('a') RETURNING id
SELECT pg_get_serial_sequence('ser', 'id'), pg_get_serial_sequence('ida', 'id'), pg_get_serial_sequence('defs', 'ticket')


-- case: sequence_name_errors
SELECT nextval('nope')
SELECT nextval('public.nope')
SELECT currval('nope')
SELECT setval('nope', 1)
SELECT nextval('ser')
SELECT nextval('Counter')
SELECT nextval('"counter"')
SELECT nextval('public.counter')
SELECT nextval('pg_class'), 1
SELECT currval('ser')
SELECT nextval('nos.x')
SELECT nextval('a.b.c.d')
SELECT nextval('x.y.z')
SELECT nextval('counter'::regclass), nextval('nope'::regclass)


-- case: sequence_functions_types
SELECT nextval('counter') + 1, pg_typeof(nextval('counter'))
SELECT setval('counter', 5::int), setval('counter'::regclass, 6)
SELECT nextval(NULL)
SELECT nextval('')
