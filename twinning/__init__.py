"""twinning: a protocol-faithful PostgreSQL 15 twin (see docs/ARCHITECTURE.md)."""

__version__ = "0.1.0"
