"""The plan cache by normalized statement stays bounded and stays correct
when it gives up on a key (`twinning/statement_cache.py`).

A constant the cache keeps in the key (here a literal in the target list)
makes a new plan variant for every distinct value; past the variant limit
the key is disabled and its statements take the exact path, answering the
same as before.
"""

from __future__ import annotations

from twinning.bootstrap import compile_schema
from twinning.database_session import DatabaseSession
from twinning.passes.normalize import normalize
from twinning.session import Engine, Session
from twinning.state import CommittedState
from twinning.statement_cache import _SIZE, _VARIANTS

SCHEMA = "CREATE TABLE t (a integer PRIMARY KEY, b text);"


def _session() -> tuple[Engine, Session]:
    catalog, _ = compile_schema(SCHEMA, "<test>")
    engine = Engine(CommittedState.empty(catalog, SCHEMA))
    session = Session(engine)
    session.on_startup({"user": "postgres", "database": "postgres"})
    session.on_authenticated()
    return engine, session


def test_kept_constants_do_not_grow_an_entry_without_bound():
    engine, session = _session()
    session.on_query("INSERT INTO t VALUES (1, 'one')")
    sql = "SELECT 'tag {}' AS tag, b FROM t WHERE a = 1"
    replies = [session.on_query(sql.format(i)) for i in range(3 * _VARIANTS)]
    entry = engine.templates._entries[normalize(sql.format(0)).key]
    assert entry.disabled and not entry.variants
    for i, reply in enumerate(replies):
        assert f"tag {i}".encode() in reply and b"one" in reply


def test_the_number_of_keys_is_bounded():
    engine, session = _session()
    for i in range(_SIZE + 50):  # a different alias: a different key
        reply = session.on_query(f"SELECT a AS c{i} FROM t WHERE a = 1")
        assert f"c{i}".encode() in reply
    assert len(engine.templates._entries) == _SIZE


def test_a_fork_loop_leaves_the_caches_alone():
    """Each fork's CREATE / DROP DATABASE names a new database, so no cache
    entry of theirs would ever hit: they are read and planned apart, and
    a loop of more forks than the caches hold evicts nothing."""
    catalog, _ = compile_schema(SCHEMA, "<test>")
    engine = Engine(CommittedState.empty(catalog, SCHEMA))
    session = DatabaseSession(engine)
    session.on_startup({"user": "postgres", "database": "postgres"})
    session.on_authenticated()
    select = "SELECT b FROM t WHERE a = 1"
    session.on_query(select)
    cached = (dict(engine._parsed), dict(engine._plans),
              dict(engine.templates._entries))
    for i in range(_SIZE + 50):
        created = session.on_query(f"CREATE DATABASE fork_{i} TEMPLATE postgres")
        dropped = session.on_query(f"drop database IF EXISTS fork_{i};")
        assert b"CREATE DATABASE" in created and b"DROP DATABASE" in dropped
    assert (engine._parsed, engine._plans, engine.templates._entries) == cached
    assert b"DROP DATABASE" in session.on_query("DROP DATABASE IF EXISTS fork_0")
