"""Peer test suites run against the twin: SQLAlchemy's dialect compliance
suite and psycopg2's own tests, from their PyPI sdists (see README.md)."""
