"""PostgreSQL's reportDependentObjects(), for every DROP that cascades.

Without CASCADE a DROP whose target others depend on fails with 2BP01,
its detail one line per dependency; with CASCADE it goes on and a NOTICE
names what goes along (one line, or a count and the lines as detail).
"""

from __future__ import annotations

from twinning.errors import SqlError

CASCADE_HINT = "Use DROP ... CASCADE to drop the dependent objects too."


def report_dependents(notices: list, described: str | None,
                      depends: list[str], cascades: list[str],
                      cascade: bool) -> None:
    """`depends`: the "X depends on Y" lines; `cascades`: the objects that
    would go along; `described`: the one object dropped ("table t"),
    None when several are."""
    if not depends and not cascades:
        return
    if not cascade:
        raise SqlError(
            "2BP01", f"cannot drop {described} because other objects depend "
            "on it" if described else "cannot drop desired object(s) because "
            "other objects depend on them",
            detail="\n".join(depends), hint=CASCADE_HINT)
    lines = [f"drop cascades to {what}" for what in cascades]
    notices.append(lines[0] if len(lines) == 1 else
                   (f"drop cascades to {len(lines)} other objects",
                    "\n".join(lines)))
