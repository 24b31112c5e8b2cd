"""A session's settings through its transactions and savepoints, as
PostgreSQL's guc.c stacks them: SET survives COMMIT and is undone by
ROLLBACK, SET LOCAL lasts until the transaction ends, ROLLBACK TO a
savepoint gives back the values it saw, and RESET returns to the values
the session started with (the defaults overlaid by its startup options).

`current` is the one dict every reader holds: it keeps its identity, and
the stack changes it in place.
"""

from __future__ import annotations

from typing import Mapping

__all__ = ["SettingsStack", "Snapshot"]

Snapshot = tuple[dict[str, str], dict[str, str]]  # (current, kept at commit)


class SettingsStack:
    __slots__ = ("current", "reset", "_start", "_kept", "_changed")

    def __init__(self, defaults: Mapping[str, str]) -> None:
        self.reset: dict[str, str] = dict(defaults)
        self.current: dict[str, str] = dict(defaults)
        self._start: dict[str, str] | None = None  # at the transaction's start
        self._kept: dict[str, str] | None = None  # what COMMIT keeps
        self._changed = False  # since the transaction began (else: no copy)

    def restart(self) -> None:
        """The session's values are `reset` now (startup's options)."""
        self._replace(self.reset)

    def begin(self) -> None:
        """A transaction starts: what it may restore is taken now (the
        copies are made when something first changes)."""
        self._start = self._kept = self.current
        self._changed = False

    def assign(self, name: str, value: str, local: bool = False) -> None:
        """SET (kept by COMMIT) or SET LOCAL (until the transaction ends).
        Every change goes through here (the session's writes all do)."""
        current = self.current
        if current.get(name) == value and (local or self._kept is None
                                           or self._kept.get(name) == value):
            return
        if self._start is not None and not self._changed:
            self._start, self._kept = dict(current), dict(current)
            self._changed = True
        current[name] = value
        if not local and self._kept is not None:
            self._kept[name] = value

    def commit(self) -> None:
        if self._changed:
            self._replace(self._kept)
        self._start = self._kept = None

    def rollback(self) -> None:
        if self._changed:
            self._replace(self._start)
        self._start = self._kept = None

    def savepoint(self) -> Snapshot:
        assert self._kept is not None
        return dict(self.current), dict(self._kept)

    def rollback_to(self, snapshot: Snapshot) -> None:
        current, kept = snapshot
        if not self._changed:  # nothing changed since BEGIN: nothing to undo
            return
        self._replace(current)
        self._kept = dict(kept)

    def _replace(self, values: Mapping[str, str]) -> None:
        current = self.current
        current.clear()
        current.update(values)
