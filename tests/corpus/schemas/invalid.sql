-- Schemas PostgreSQL rejects: the twin must fail with the same SQLSTATE and message.

-- case: fk_to_missing_table
CREATE TABLE t (a int REFERENCES missing (id));

-- case: fk_to_table_created_later
CREATE TABLE c (p int REFERENCES p);
CREATE TABLE p (id int PRIMARY KEY);

-- case: fk_no_unique
CREATE TABLE p (id int, x int);
CREATE TABLE c (p int REFERENCES p (x));

-- case: fk_no_primary_key
CREATE TABLE p (id int UNIQUE);
CREATE TABLE c (p int REFERENCES p);

-- case: fk_missing_column
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (p int, FOREIGN KEY (q) REFERENCES p);

-- case: fk_missing_ref_column
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (p int REFERENCES p (nope));

-- case: fk_count_mismatch
CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE c (x int REFERENCES p);

-- case: fk_incompatible_types
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (p text REFERENCES p);

-- case: fk_incompatible_numeric_to_int
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (p numeric REFERENCES p);

-- case: fk_incompatible_named
CREATE TABLE p (id uuid PRIMARY KEY);
CREATE TABLE c (p int, CONSTRAINT my_fk FOREIGN KEY (p) REFERENCES p);

-- case: duplicate_table
CREATE TABLE t (a int);
CREATE TABLE t (b int);

-- case: duplicate_column
CREATE TABLE t (a int, a text);

-- case: two_primary_keys
CREATE TABLE t (a int PRIMARY KEY, b int PRIMARY KEY);

-- case: primary_key_missing_column
CREATE TABLE t (a int, PRIMARY KEY (b));

-- case: unique_missing_column
CREATE TABLE t (a int, UNIQUE (a, zz));

-- case: check_unknown_column
CREATE TABLE t (a int CHECK (b > 0));

-- case: unknown_type
CREATE TABLE t (a flubber);

-- case: missing_schema
CREATE TABLE nope.t (a int);

-- case: duplicate_constraint_name
CREATE TABLE t (a int, CONSTRAINT c1 CHECK (a > 0), CONSTRAINT c1 CHECK (a < 9));

-- case: index_name_taken
CREATE TABLE t (a int);
CREATE INDEX t ON t (a);

-- case: constraint_name_is_relation
CREATE TABLE x (a int);
CREATE TABLE t (a int CONSTRAINT x PRIMARY KEY);

-- case: index_on_missing_table
CREATE INDEX ON nope (a);

-- case: index_missing_column
CREATE TABLE t (a int);
CREATE INDEX ON t (b);

-- case: alter_missing_table
ALTER TABLE nope ADD CONSTRAINT c CHECK (true);

-- case: varchar_zero
CREATE TABLE t (a varchar(0));

-- case: numeric_precision_zero
CREATE TABLE t (a numeric(0));

-- case: numeric_precision_too_big
CREATE TABLE t (a numeric(1001, 2));

-- case: bad_default_literal
CREATE TABLE t (a int DEFAULT 'abc');

-- case: default_wrong_type
CREATE TABLE t (a int DEFAULT now());

-- case: default_bool_to_int
CREATE TABLE t (a int DEFAULT true);

-- case: default_bad_date
CREATE TABLE t (a date DEFAULT '2024-02-30');

-- case: conflicting_null
CREATE TABLE t (a int NULL NOT NULL);

-- case: two_defaults
CREATE TABLE t (a int DEFAULT 1 DEFAULT 2);

-- case: serial_with_default
CREATE TABLE t (a serial DEFAULT 1);

-- case: identity_on_text
CREATE TABLE t (a text GENERATED ALWAYS AS IDENTITY);

-- case: identity_with_default
CREATE TABLE t (a int DEFAULT 1 GENERATED ALWAYS AS IDENTITY);

-- case: sequence_bad_bounds
CREATE SEQUENCE s MINVALUE 10 MAXVALUE 5;

-- case: sequence_start_below_min
CREATE SEQUENCE s MINVALUE 10 START 5;

-- case: sequence_zero_increment
CREATE SEQUENCE s INCREMENT 0;

-- case: sequence_out_of_type_range
CREATE SEQUENCE s AS smallint MAXVALUE 100000;

-- case: duplicate_schema
CREATE SCHEMA s;
CREATE SCHEMA s;

-- case: nextval_missing_sequence
CREATE TABLE t (a bigint DEFAULT nextval('nope'));

-- case: comment_missing_column
CREATE TABLE t (a int);
COMMENT ON COLUMN t.b IS 'x';

-- case: json_primary_key
CREATE TABLE t (a json PRIMARY KEY);

-- case: pk_twice_via_alter
CREATE TABLE t (a int PRIMARY KEY, b int);
ALTER TABLE t ADD PRIMARY KEY (b);

-- case: check_not_boolean
CREATE TABLE t (a int CHECK (a + 1));

-- case: check_column_not_boolean
CREATE TABLE t (a int, b int, CHECK (b));

-- case: check_operator_does_not_exist
CREATE TABLE t (a text CHECK (a > 0));

-- case: check_function_does_not_exist
CREATE TABLE t (a int CHECK (nosuch(a) > 0));

-- case: check_bad_literal
CREATE TABLE t (a int CHECK (a > 'x'));

-- case: check_case_types
CREATE TABLE t (a int CHECK (CASE WHEN a > 0 THEN 1 ELSE 'x'::text END = '1'));

-- case: check_coalesce_types
CREATE TABLE t (a int, b text, CHECK (coalesce(a, b) IS NOT NULL));

-- case: check_parameter
CREATE TABLE t (a int CHECK (a > $1));

-- case: check_aggregate
CREATE TABLE t (a int CHECK (sum(a) > 0));

-- case: check_other_table
CREATE TABLE t (a int CHECK (u.a > 0));

-- case: check_alter_add_not_boolean
CREATE TABLE t (a int);
ALTER TABLE t ADD CONSTRAINT t_a CHECK (a * 2);

-- case: check_and_not_boolean
CREATE TABLE t (a int, CHECK (a > 0 AND a));

-- case: check_cannot_cast
CREATE TABLE t (a date CHECK (a::int > 0));

-- case: index_predicate_not_immutable
CREATE TABLE t (a int, d timestamptz);
CREATE INDEX ON t (a) WHERE d > now();

-- case: index_predicate_stable_cast
CREATE TABLE t (a int, d timestamptz);
CREATE INDEX ON t (a) WHERE d::date > '2020-01-01';

-- case: index_predicate_not_boolean
CREATE TABLE t (a int);
CREATE INDEX ON t (a) WHERE a;

-- case: index_predicate_subquery
CREATE TABLE t (a int);
CREATE INDEX ON t (a) WHERE a > (SELECT 1);

-- case: index_predicate_aggregate
CREATE TABLE t (a int);
CREATE INDEX ON t (a) WHERE count(*) > 0;

-- case: index_include_missing_column
CREATE TABLE t (a int);
CREATE INDEX ON t (a) INCLUDE (nosuch);

-- case: hash_index_desc
CREATE TABLE t (a int);
CREATE INDEX ON t USING hash (a DESC);

-- case: hash_index_include
CREATE TABLE t (a int, b int);
CREATE INDEX ON t USING hash (a) INCLUDE (b);

-- case: fk_to_partial_unique_index
CREATE TABLE p (id int);
CREATE UNIQUE INDEX ON p (id) WHERE id > 0;
CREATE TABLE c (p int REFERENCES p (id));

-- case: comment_on_missing_constraint
CREATE TABLE t (a int);
COMMENT ON CONSTRAINT nosuch ON t IS 'x';

-- case: comment_on_index_of_a_table
CREATE TABLE t (a int);
COMMENT ON INDEX t IS 'x';

-- case: comment_on_missing_sequence
COMMENT ON SEQUENCE nosuch IS 'x';

-- case: comment_on_missing_schema
COMMENT ON SCHEMA nosuch IS 'x';
