"""Roles and privileges made at run time (CREATE ROLE, GRANT/REVOKE) are
recorded, survive a snapshot with the rest of the catalog, and a session
cannot log in as a role made by CREATE ROLE unless it is a superuser
(privileges are not enforced, so letting it in would silently give it the
superuser's rights). Their catalog rows are compared with PostgreSQL in
tests/differential/corpus/privileges.sql."""

from __future__ import annotations

import pytest

from tests.support.replay import engine_of, session_on, through_snapshot
from twinning.errors import SqlError
from twinning.session import Session
from twinning.wire.messages import DataRow, ErrorResponse, decode_backend_stream


def _run(session: Session, sql: str) -> list[tuple]:
    rows = []
    for message in decode_backend_stream(session.on_query(sql)):
        assert not isinstance(message, ErrorResponse), (sql, message)
        if isinstance(message, DataRow):
            rows.append(tuple(None if v is None else v.decode()
                              for v in message.values))
    return rows


def _setup() -> tuple:
    engine = engine_of("CREATE TABLE t (a int);\n")
    session = session_on(engine)
    for sql in ("CREATE ROLE reader", "CREATE ROLE boss SUPERUSER LOGIN",
                "GRANT SELECT ON t TO reader",
                "REVOKE USAGE ON SCHEMA public FROM PUBLIC"):
        _run(session, sql)
    return engine, session


def test_roles_and_acls_survive_a_snapshot():
    engine, _ = _setup()
    state, restored = through_snapshot(engine)
    assert [r.name for r in restored.catalog.roles] == ["reader", "boss"]
    assert {(a.kind, a.name): a.items for a in restored.catalog.acls} == {
        ("relation", "public.t"): ("postgres=arwdDxt/postgres",
                                   "reader=r/postgres"),
        ("schema", "public"): ("pg_database_owner=UC/pg_database_owner",)}


def test_a_created_role_that_is_not_a_superuser_cannot_log_in():
    engine, _ = _setup()
    with pytest.raises(SqlError) as refused:
        Session(engine).on_startup({"user": "reader", "database": "postgres"})
    assert refused.value.sqlstate == "0A000"
    assert 'role "reader"' in str(refused.value)


def test_a_created_superuser_and_unknown_names_still_log_in():
    engine, _ = _setup()
    for user in ("boss", "someone_else"):
        session = Session(engine)
        session.on_startup({"user": user, "database": "postgres"})
        session.on_authenticated()
        assert _run(session, "SELECT current_user") == [(user,)]


def test_a_rolled_back_grant_leaves_no_acl():
    engine, session = _setup()
    _run(session, "BEGIN")
    _run(session, "GRANT INSERT ON t TO reader")
    _run(session, "ROLLBACK")
    assert _run(session, "SELECT relacl FROM pg_class WHERE relname = 't'") \
        == [("{postgres=arwdDxt/postgres,reader=r/postgres}",)]
