"""The databases of one twin: name → `Engine`, and what CREATE / DROP /
ALTER DATABASE do to them.

The state loaded by --schema/--restore is the database `postgres`;
`template1` (CREATE DATABASE's default template) and `template0` are empty,
as after initdb, and made only when first used. `CREATE DATABASE x
TEMPLATE t` is `Engine.fork`: the new store's first version *is* the
template's newest committed version (versions are immutable), so a fork
costs the same whatever the rows; afterwards each database has its own
store, row and relation locks, sequences, advisory locks, LISTEN channels
and refusal counters, so sessions of different databases never block or
see each other. A fork shares its template's plan caches (plans are keyed
by catalog generation, unique in the process).

Unlike PostgreSQL, a template may have open sessions while it is forked
(the fork takes its newest committed state; PostgreSQL refuses with
55006 "source database … is being accessed by other users").

A connection picks its database at startup (`DatabaseSession`); the
statement path never looks here again.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from twinning import determinism
from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, database_does_not_exist,
    duplicate_database, invalid_catalog_name, object_in_use, wrong_object_type,
)

if TYPE_CHECKING:
    from twinning.engine import Engine

# pg_database.oid of initdb's databases; CREATE DATABASE numbers from
# FirstNormalObjectId as a fresh cluster does
_INITDB = (("template1", 1, True, True), ("template0", 4, True, False),
           ("postgres", 5, False, True))
_FIRST_OID = 16384
# DROP DATABASE waits this long for other sessions to leave (PostgreSQL's
# CountOtherDBBackends: 50 tries, 100 ms apart)
_LEAVE_WAIT = 5.0
_MAKING = threading.Lock()


@dataclass
class Database:
    name: str
    oid: int
    engine: Any  # Engine, or None until a template is first used
    is_template: bool = False
    allow_connections: bool = True


class Databases:
    """The twin's databases; one per twin, shared by all its engines."""

    def __init__(self, base: Engine) -> None:
        self._base = base
        self._changed = threading.Condition()  # guards the dict, told of leaves
        self._by_name: dict[str, Database] = {}
        for name, oid, template, allow in _INITDB:
            self._by_name[name] = Database(
                name, oid, base if name == "postgres" else None, template,
                allow)
        self._next_oid = _FIRST_OID

    @staticmethod
    def of(engine: Engine) -> Databases:
        """The registry of `engine`'s twin (made with the first ask; two
        first connections may ask at once)."""
        found = engine.databases
        if found is None:
            with _MAKING:
                found = engine.databases
                if found is None:
                    found = engine.databases = Databases(engine)
        return found

    # -- lookups
    def get(self, name: str) -> Database | None:
        with self._changed:
            found = self._by_name.get(name)
            if found is not None and found.engine is None:
                found.engine = self._empty()
            return found

    def _empty(self) -> Engine:
        from twinning.passes import load_schema
        from twinning.state import CommittedState
        return self._base.fork(CommittedState.empty(load_schema("").catalog, ""))

    def all(self) -> list[Database]:
        """Every database, by oid (pg_database's order after initdb)."""
        with self._changed:
            return sorted(self._by_name.values(), key=lambda d: d.oid)

    def engines(self) -> list[tuple[str, Engine]]:
        """(name, engine) of every database that has been used."""
        return [(d.name, d.engine) for d in self.all() if d.engine is not None]

    def left(self) -> None:
        """A session ended: a DROP DATABASE waiting for it looks again."""
        with self._changed:
            self._changed.notify_all()

    # -- CREATE / DROP / ALTER DATABASE
    def create(self, name: str, template: str | None) -> None:
        source = self.get(template or "template1")
        if source is None:
            raise invalid_catalog_name(f'template database "{template}" does '
                                       "not exist")
        engine = source.engine.fork()
        determinism.forked(source.engine, engine)
        with self._changed:
            if name in self._by_name:
                raise duplicate_database(f'database "{name}" already exists')
            self._by_name[name] = Database(name, self._next_oid, engine)
            self._next_oid += 1

    def drop(self, name: str, missing_ok: bool, current: Engine | None,
             force: bool = False) -> str | None:
        """DROP DATABASE; the NOTICE of IF EXISTS when it was missing.
        `force` (WITH (FORCE)): its sessions are terminated first, as
        pg_terminate_backend does, then waited for."""
        with self._changed:
            found = self._by_name.get(name)
            if found is None:
                if missing_ok:
                    return f'database "{name}" does not exist, skipping'
                raise database_does_not_exist(name)
            if found.is_template:
                raise wrong_object_type("cannot drop a template database")
            if found.engine is current:
                raise object_in_use("cannot drop the currently open database")
            if force and found.engine is not None:
                for session in found.engine.sessions_of(found.engine):
                    if session.terminate is not None:
                        session.terminate()
            self._wait_unused(found)
            del self._by_name[name]
        return None

    def rename(self, name: str, new_name: str, current: Engine) -> None:
        with self._changed:
            found = self._by_name.get(name)
            if found is None:
                raise database_does_not_exist(name)
            if new_name in self._by_name:
                raise duplicate_database(f'database "{new_name}" already exists')
            if found.engine is current:
                raise SqlError(FEATURE_NOT_SUPPORTED, "current database cannot be renamed")
            self._wait_unused(found)
            del self._by_name[name]
            found.name = new_name
            self._by_name[new_name] = found

    def _wait_unused(self, found: Database) -> None:
        """Until no session is connected to it (55006 after _LEAVE_WAIT,
        as PostgreSQL's DROP DATABASE and RENAME); holding `_changed`."""
        if found.engine is None:
            return
        deadline = time.monotonic() + _LEAVE_WAIT
        while True:
            others = len(found.engine.sessions_of(found.engine))
            if not others:
                return
            left = deadline - time.monotonic()
            if left <= 0:
                raise _in_use(found.name, others)
            self._changed.wait(min(left, 0.1))


def _in_use(name: str, others: int) -> SqlError:
    detail = ("There is 1 other session using the database." if others == 1
              else f"There are {others} other sessions using the database.")
    return object_in_use(f'database "{name}" is being accessed by other '
                         "users", detail=detail)
