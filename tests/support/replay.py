"""Run-time DDL through a snapshot: a twin of a schema, a logged-in
session on it, and its committed state written and read back (what the
"… survive a snapshot" tests check object kinds against)."""

from __future__ import annotations

from twinning import snapshot
from twinning.bootstrap import compile_schema
from twinning.session import Engine, Session
from twinning.state import CommittedState


def engine_of(schema: str) -> Engine:
    catalog, _ = compile_schema(schema, "<test>")
    return Engine(CommittedState.empty(catalog, schema))


def session_on(engine: Engine) -> Session:
    session = Session(engine)
    session.on_startup({"user": "postgres", "database": "postgres"})
    session.on_authenticated()
    return session


def through_snapshot(engine: Engine) -> tuple[CommittedState, CommittedState]:
    """(the committed state, the same read back from its snapshot); the
    restored catalog, rebuilt from the DDL log, must equal the original."""
    state = engine.committed_state()
    data, _ = snapshot.encode(state)
    restored = snapshot.decode(data, "<snapshot>",
                               lambda ddl: compile_schema(ddl, "<ddl>")[0]).state
    assert restored.catalog == state.catalog
    return state, restored


def run_all(session: Session, statements) -> None:
    """Run STATEMENTS in SESSION; none may fail."""
    for sql in statements:
        assert b"ERROR" not in session.on_query(sql), sql


def snapshot_after(schema: str, statements) -> CommittedState:
    """A twin of SCHEMA runs STATEMENTS in one session (none failing);
    its committed state, read back from its snapshot (through_snapshot)."""
    engine = engine_of(schema)
    run_all(session_on(engine), statements)
    return through_snapshot(engine)[1]
