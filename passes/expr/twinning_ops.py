"""The twin's own functions, in its `twinning` schema: the only objects
that are not PostgreSQL's (README "Many databases").

`twinning.reset()` returns the current database to the state it was
created (forked), loaded or restored from; `twinning.snapshot_hash()` is
the hash a snapshot of its committed state would record. Both are reached
only schema-qualified (`passes/extensions.candidates`, which holds their
signatures: `TWINNING_FUNCTIONS`) and run by the
session through the statement's context (`ctx.routines.session`, the
`DatabaseSession`), which the typer's layer cannot import.
"""

from __future__ import annotations

from typing import Any

from twinning.errors import feature_not_supported
from twinning.passes.expr.registry import define


def _session_call(name: str):
    def call(ctx: Any) -> Any:
        session = getattr(getattr(ctx, "routines", None), "session", None)
        method = getattr(session, "twinning_" + name, None)
        if method is None:
            raise feature_not_supported(f"twinning.{name}() outside a twin's "
                                        "session")
        return method()
    return call


def register() -> None:
    define("reset()", _session_call("reset"), context=True, volatile=True)
    define("snapshot_hash()", _session_call("snapshot_hash"), context=True,
           volatile=True)
