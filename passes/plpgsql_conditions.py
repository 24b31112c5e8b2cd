"""PL/pgSQL condition names (plerrcodes.h) → SQLSTATE, for RAISE and
EXCEPTION WHEN: the error catalog's `CONDITION_NAMES`, generated from
PostgreSQL 15's errcodes.txt (errors only, as plerrcodes.h; a name two
conditions share, such as null_value_not_allowed, is the first one's, as
plpgsql_recognize_err_condition finds it)."""

from twinning.errors import CONDITION_NAMES as CONDITIONS

__all__ = ["CONDITIONS"]
