"""What every DROP reports: a missing schema, and (reportDependent-
Objects) the objects that depend on what it drops.

Without CASCADE a DROP whose target others depend on fails with 2BP01,
its detail one line per dependency; with CASCADE it goes on and a NOTICE
names what goes along (one line, or a count and the lines as detail).
"""

from __future__ import annotations

from typing import Any

from twinning.errors import (
    dependent_objects_still_exist, schema_does_not_exist,
)

CASCADE_HINT = "Use DROP ... CASCADE to drop the dependent objects too."


def schema_missing(b: Any, parts: tuple[str, ...], if_exists: bool) -> bool:
    """A qualified name in a schema that does not exist: 3F000, or with
    IF EXISTS a NOTICE and True (the name is skipped)."""
    if len(parts) != 2 or parts[0] in b.schemas:
        return False
    if not if_exists:
        raise schema_does_not_exist(parts[0])
    b.notices.append(f'schema "{parts[0]}" does not exist, skipping')
    return True


def report_dependents(notices: list, described: str | None,
                      depends: list[str], cascades: list[str],
                      cascade: bool) -> None:
    """`depends`: the "X depends on Y" lines; `cascades`: the objects that
    would go along; `described`: the one object dropped ("table t"),
    None when several are."""
    if not depends and not cascades:
        return
    if not cascade:
        raise dependent_objects_still_exist(
            f"cannot drop {described} because other objects depend "
            "on it" if described else "cannot drop desired object(s) because "
            "other objects depend on them",
            detail="\n".join(depends), hint=CASCADE_HINT)
    lines = [f"drop cascades to {what}" for what in cascades]
    notices.append(lines[0] if len(lines) == 1 else
                   (f"drop cascades to {len(lines)} other objects",
                    "\n".join(lines)))
