-- The database SQLAlchemy's test suite expects (README.unittests.rst): an
-- empty database with the schemas test_schema and test_schema_2 for its
-- dotted-name tests. Loaded as the twin's --schema and run on PostgreSQL.
CREATE SCHEMA test_schema;
CREATE SCHEMA test_schema_2;
