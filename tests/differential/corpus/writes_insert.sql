-- schema: tests/differential/schemas/identity.sql
-- INSERT's shape: column lists, multi-row VALUES, DEFAULT and DEFAULT
-- VALUES, INSERT ... SELECT of constants, arity and name errors, assignment
-- coercion errors, identity ALWAYS / BY DEFAULT with OVERRIDING, and
-- RETURNING (expressions, *, aliases, output names). Random and clock
-- defaults are only ever printed as facts (IS NOT NULL, = now()).

-- case: column_list_order
INSERT INTO ser (name) VALUES ('a') RETURNING *
INSERT INTO ser (name, id) VALUES ('b', 10) RETURNING *
INSERT INTO ser VALUES (20, 'c') RETURNING id, name
INSERT INTO ser (id) VALUES (30) RETURNING *


-- case: multi_row_values
INSERT INTO ser (name) VALUES ('a'), ('b'), ('c') RETURNING id, name
INSERT INTO ser (name) VALUES ('d'), (NULL) RETURNING *
INSERT INTO ser (name) VALUES ('e'), ('f')


-- case: multi_row_values_mixed_types
INSERT INTO defs (qty, price) VALUES (1, 2.5), ('2', '3'), (3.7, 4) RETURNING qty, price
INSERT INTO defs (qty) VALUES (1), ('x')
INSERT INTO defs (qty) VALUES (1), (2.5::float8), (NULL) RETURNING qty


-- case: multi_row_values_lengths
INSERT INTO ser (id, name) VALUES (1, 'a'), (2)
INSERT INTO ser (id, name) VALUES (1), (2, 'b')
INSERT INTO ser (name) VALUES ('a'), ('b', 'c')


-- case: default_keyword
INSERT INTO ser VALUES (DEFAULT, 'x') RETURNING *
INSERT INTO ser (id, name) VALUES (DEFAULT, DEFAULT) RETURNING *
INSERT INTO defs (status, qty, price, flag) VALUES (DEFAULT, DEFAULT, DEFAULT, DEFAULT) RETURNING id, status, qty, price, flag
INSERT INTO ser (name) VALUES (DEFAULT), ('y') RETURNING *
INSERT INTO defs (status) VALUES (DEFAULT), ('done') RETURNING id, status, ticket


-- case: default_values
INSERT INTO ser DEFAULT VALUES RETURNING *
INSERT INTO ser DEFAULT VALUES
INSERT INTO ser DEFAULT VALUES RETURNING id
INSERT INTO defs DEFAULT VALUES RETURNING id, status, qty, price, flag, ticket, note
INSERT INTO ida DEFAULT VALUES RETURNING *
INSERT INTO idd DEFAULT VALUES RETURNING *


-- case: default_clock_and_random
INSERT INTO defs DEFAULT VALUES RETURNING created_at = now(), made_on = now()::timestamp, ext IS NOT NULL, created_at <= clock_timestamp()
INSERT INTO defs (id) VALUES (100) RETURNING id, ticket, created_at IS NOT NULL, length(ext::text)
BEGIN
INSERT INTO defs DEFAULT VALUES RETURNING created_at = now()
INSERT INTO defs DEFAULT VALUES RETURNING created_at = now(), created_at = transaction_timestamp()
COMMIT


-- case: default_random_differs_per_row
INSERT INTO defs (note) VALUES ('a'), ('b') RETURNING id, note, ext <> gen_random_uuid()


-- case: explicit_values_override_defaults
INSERT INTO defs (status, qty, price, flag, ticket, created_at, made_on, ext, note) VALUES ('x', 5, 1.5, true, -1, '2024-01-01 00:00+00', '2024-01-01', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'n') RETURNING *
INSERT INTO defs (qty, price, note) VALUES (NULL, NULL, NULL) RETURNING qty, price, note
INSERT INTO defs (status, created_at, made_on, ext) VALUES (NULL, '2024-01-01 00:00+00', '2024-01-01', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')
INSERT INTO defs (flag, created_at, made_on, ext) VALUES (NULL, '2024-01-01 00:00+00', NULL, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')
INSERT INTO defs (ext, created_at, made_on) VALUES (NULL, '2024-01-01 00:00+00', NULL)


-- case: unknown_table
INSERT INTO nope VALUES (1)
INSERT INTO nope (a) VALUES (1) RETURNING *
INSERT INTO public.nope VALUES (1)
INSERT INTO nosuchschema.ser VALUES (1)
INSERT INTO "Ser" (name) VALUES ('a')
INSERT INTO public.ser (name) VALUES ('qualified') RETURNING *
INSERT INTO "ser" ("name") VALUES ('quoted') RETURNING *


-- case: type_mismatch_42804
INSERT INTO defs (qty) VALUES ('abc'::text)
INSERT INTO defs (flag) VALUES (1)
INSERT INTO defs (qty) VALUES (true)
INSERT INTO defs (created_at) VALUES (1)
INSERT INTO defs (ext) VALUES (1)
INSERT INTO defs (price) VALUES ('1.5'::text)
INSERT INTO defs (made_on) VALUES (time '10:00')


-- case: assignment_coercions_that_work
INSERT INTO defs (qty) VALUES ('12') RETURNING qty
INSERT INTO defs (qty) VALUES (12.7) RETURNING qty
INSERT INTO defs (note) VALUES (42) RETURNING note
INSERT INTO defs (note) VALUES (4.50) RETURNING note
INSERT INTO defs (note) VALUES (false) RETURNING note
INSERT INTO defs (price) VALUES ('1e3') RETURNING price
INSERT INTO defs (price) VALUES (7) RETURNING price
INSERT INTO defs (created_at) VALUES (date '2024-01-01') RETURNING created_at
INSERT INTO defs (made_on) VALUES ('2024-01-01 10:00+02'::timestamptz) RETURNING made_on
INSERT INTO defs (status) VALUES ('a'::char(3)) RETURNING status, length(status)
INSERT INTO defs (ext) VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid) RETURNING ext


-- case: literal_errors_have_positions
INSERT INTO defs (ext) VALUES ('x')
INSERT INTO defs (qty, price) VALUES (1, 'abc')
INSERT INTO defs (qty) VALUES (1), (2), ('three')
INSERT INTO defs (created_at) VALUES ('2024-02-30')
INSERT INTO defs (qty) VALUES (2147483648)
INSERT INTO defs (price) VALUES (12345678.9)


-- case: expression_errors_at_execution
INSERT INTO defs (qty) VALUES (1 / 0)
INSERT INTO defs (qty) VALUES (2147483647 + 1)
INSERT INTO defs (qty, note) VALUES (1, 'ok'), (1 / 0, 'bad')
INSERT INTO defs (note) VALUES ('ok') RETURNING 1 / (id - id)
INSERT INTO defs (price) VALUES (1.0 / 3) RETURNING price
INSERT INTO defs (qty) VALUES (nosuch(1))
INSERT INTO defs (qty) VALUES (length(42))


-- case: identity_always
INSERT INTO ida (name) VALUES ('a') RETURNING *
INSERT INTO ida (id, name) VALUES (5, 'b')
INSERT INTO ida VALUES (5, 'b')
INSERT INTO ida (id, name) VALUES (DEFAULT, 'c') RETURNING *
INSERT INTO ida (id, name) VALUES (NULL, 'd')
INSERT INTO ida (name) VALUES ('e'), ('f') RETURNING id, name


-- case: identity_always_overriding
INSERT INTO ida (id, name) OVERRIDING SYSTEM VALUE VALUES (5, 'a') RETURNING *
INSERT INTO ida (name) VALUES ('b') RETURNING *
INSERT INTO ida (id, name) OVERRIDING SYSTEM VALUE VALUES (1, 'c') RETURNING *
INSERT INTO ida (name) VALUES ('d') RETURNING *
INSERT INTO ida (name) VALUES ('e') RETURNING *
INSERT INTO ida (id, name) OVERRIDING USER VALUE VALUES (99, 'f') RETURNING *
INSERT INTO ida (id, name) OVERRIDING SYSTEM VALUE VALUES (DEFAULT, 'g') RETURNING *


-- case: identity_by_default
INSERT INTO idd (name) VALUES ('a') RETURNING *
INSERT INTO idd (id, name) VALUES (2, 'b') RETURNING *
INSERT INTO idd (name) VALUES ('c')
INSERT INTO idd (name) VALUES ('d') RETURNING *
INSERT INTO idd (id, name) OVERRIDING USER VALUE VALUES (50, 'e') RETURNING *
INSERT INTO idd (id, name) OVERRIDING SYSTEM VALUE VALUES (60, 'f') RETURNING *
INSERT INTO idd (id, name) VALUES (NULL, 'g')


-- case: identity_update
INSERT INTO ida (name) VALUES ('a'), ('b') RETURNING *
UPDATE ida SET id = 7 WHERE name = 'a'
UPDATE ida SET id = DEFAULT WHERE name = 'a' RETURNING *
UPDATE ida SET name = 'z' WHERE id = 2 RETURNING *
INSERT INTO idd (name) VALUES ('x') RETURNING *
UPDATE idd SET id = 7 WHERE name = 'x' RETURNING *
UPDATE idd SET id = DEFAULT WHERE name = 'x' RETURNING *


-- case: serial_collides_with_explicit_id
INSERT INTO ser (id, name) VALUES (2, 'manual') RETURNING *
INSERT INTO ser (name) VALUES ('a') RETURNING id
INSERT INTO ser (name) VALUES ('b')
INSERT INTO ser (name) VALUES ('c') RETURNING id
INSERT INTO ser (id) VALUES (NULL)


-- case: bigserial_values
INSERT INTO bser (name) VALUES ('a') RETURNING *
INSERT INTO bser (id, name) VALUES (9223372036854775807, 'max') RETURNING *
INSERT INTO bser (id, name) VALUES (9223372036854775808, 'over')
INSERT INTO bser (name) VALUES ('b') RETURNING id


-- case: stepped_sequence_default
INSERT INTO stepped (name) VALUES ('a'), ('b') RETURNING *
INSERT INTO stepped (name) VALUES ('a')
INSERT INTO stepped (name) VALUES ('c') RETURNING id
INSERT INTO stepped (id, name) VALUES (DEFAULT, 'd') RETURNING id


-- case: parameters_are_not_there
INSERT INTO ser (name) VALUES ($1)
INSERT INTO ser (name) VALUES ('a') RETURNING $1


-- case: insert_syntax_errors
INSERT INTO ser (name) VALUES ('a'
INSERT INTO ser (name) VALUE ('a')
INSERT ser (name) VALUES ('a')
INSERT INTO ser (name) VALUES ('a') RETURNING
INSERT INTO ser (name) VALUES ('a'),


-- case: unknown_and_duplicate_columns
INSERT INTO ser (nope) VALUES (1)
INSERT INTO ser (id, Name) VALUES (1, 'a') RETURNING *
INSERT INTO ser (id, "Name") VALUES (2, 'a')
INSERT INTO ser (name, name) VALUES ('a', 'b')
INSERT INTO ser (id, name, id) VALUES (1, 'a', 2)
INSERT INTO ser (name) VALUES ('a') RETURNING nope
INSERT INTO ser (name) VALUES ('a') RETURNING ser.nope
INSERT INTO ser (name) VALUES ('a') RETURNING other.id
INSERT INTO ser (ser.name) VALUES ('a')


-- case: returning_expressions
INSERT INTO ser (name) VALUES ('abc') RETURNING id * 2 AS doubled, upper(name), name || '!', 1, id > 0
INSERT INTO ser (name) VALUES ('def') RETURNING *, id
INSERT INTO ser (name) VALUES ('ghi') RETURNING ser.*
INSERT INTO ser (name) VALUES ('jkl') RETURNING ser.id, ser.name AS "Name"
INSERT INTO ser AS s (name) VALUES ('mno') RETURNING s.id, s.name
INSERT INTO ser AS s (name) VALUES ('pqr') RETURNING ser.id
INSERT INTO ser (name) VALUES ('stu') RETURNING length(name), name::varchar(2), coalesce(NULL, name), CASE WHEN id = 7 THEN 'seven' END
INSERT INTO ser (name) VALUES (NULL) RETURNING name IS NULL, coalesce(name, '<null>')
-- case: arity_errors
INSERT INTO ser (name) VALUES ('a', 'b')
INSERT INTO ser (id, name) VALUES (1)
INSERT INTO ser VALUES (1, 'a', 'b')
INSERT INTO ser (name) VALUES ()
INSERT INTO ser (name) SELECT 'a', 'b'
INSERT INTO ser (id, name) SELECT 1


-- case: returning_aggregate_and_subquery_errors
INSERT INTO ser (name) VALUES ('a') RETURNING count(*)
INSERT INTO ser (name) VALUES ('a') RETURNING (SELECT 1)
INSERT INTO ser (name) VALUES ('a') RETURNING id, id + 'x'


-- case: insert_select_constants
INSERT INTO ser (name) SELECT 'x' RETURNING *
INSERT INTO ser (name) SELECT 'a' UNION ALL SELECT 'b' RETURNING *
INSERT INTO ser (name) SELECT 'never' WHERE false RETURNING *
INSERT INTO ser (id, name) SELECT 100, 'hundred' RETURNING *
INSERT INTO ser (name) VALUES ('v') RETURNING (id = 6)


-- case: insert_tags
INSERT INTO ser (name) VALUES ('a')
INSERT INTO ser (name) VALUES ('a'), ('b'), ('c'), ('d')
INSERT INTO ser (name) SELECT 'x' WHERE false
INSERT INTO ida (name) VALUES ('a')
