"""Test support shared by every test suite of the project.

`realpg.RealPostgres` is the judge of the differential tests: a throwaway
PostgreSQL 15 server, started fresh per test session.
"""

from tests.support.realpg import RealPostgres, RealPostgresError, find_bindir

__all__ = ["RealPostgres", "RealPostgresError", "find_bindir"]
