"""psycopg 3, the optional driver (the `[postgres]` extra) of the commands
that talk to a real PostgreSQL: imported when first needed, and a refusal
naming the extra when it is not installed."""

from __future__ import annotations

from typing import Any

from twinning.errors import Refusal


def psycopg_driver(what: str) -> Any:
    """The psycopg module; E_DEPENDENCY saying that `what` needs it."""
    try:
        import psycopg
    except ImportError:
        raise Refusal("E_DEPENDENCY", f"{what} needs the psycopg 3 driver, an "
                      "optional extra", {"package": "psycopg"},
                      "pip install 'twinning[postgres]'") from None
    return psycopg
