"""DDL of two transactions on disjoint objects commits as some serial order.

Two sessions on one engine each run a transaction of DDL and row writes
on their own objects (tables, indexes, sequences, views named a_… and
b_…) plus inserts of their own keys into one shared table, their
statements interleaved in any order, then commit in either order. Their
relation locks never conflict, so neither waits; every statement answers
what it answers when the transactions run one after the other, and the
committed state — catalog, DDL log, rows — is the state of running them
one after the other in commit order (the second commit's DDL merged onto
the first's catalog, `store/catalog_merge.py`). Its snapshot restores the
same catalog from the DDL log.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from tests.support.replay import engine_of, session_on, through_snapshot

SCHEMA = "CREATE TABLE shared (id int PRIMARY KEY, who text);"

OPS = st.tuples(st.sampled_from(["create", "add_column", "index", "insert",
                                 "drop", "sequence", "view", "shared",
                                 "savepoint", "rollback_to"]),
                st.integers(0, 2), st.integers(0, 3))


def _sql(prefix: str, op: tuple, key: int) -> str:
    kind, n, m = op
    table = f"{prefix}_t{n}"
    return {
        "create": f"CREATE TABLE {table} (id int PRIMARY KEY, v text)",
        "add_column": f"ALTER TABLE {table} ADD COLUMN c{m} int DEFAULT {m}",
        "index": f"CREATE INDEX ON {table} (v)",
        "insert": f"INSERT INTO {table} (id, v) VALUES ({key}, '{prefix}{m}')",
        "drop": f"DROP TABLE {table} CASCADE",
        "sequence": f"CREATE SEQUENCE {prefix}_s{n}",
        "view": f"CREATE VIEW {prefix}_v{n} AS SELECT * FROM {table}",
        "shared": f"INSERT INTO shared VALUES ({key}, '{prefix}')",
        "savepoint": f"SAVEPOINT s{n}",
        "rollback_to": f"ROLLBACK TO SAVEPOINT s{n}",
    }[kind]


def _script(prefix: str, ops: list, parity: int) -> list[str]:
    return ["BEGIN"] + [_sql(prefix, op, 2 * i + parity)
                        for i, op in enumerate(ops)]


def _state(engine) -> tuple:
    state = engine.committed_state()
    rows = {str(name): sorted(rows, key=repr) for name, rows in state.rows.items()}
    return state.catalog, state.ddl, rows


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(first=st.lists(OPS, max_size=8), second=st.lists(OPS, max_size=8),
       turns=st.lists(st.booleans(), max_size=16),
       second_commits_first=st.booleans())
def test_disjoint_ddl_commits_as_serial(first, second, turns,
                                        second_commits_first) -> None:
    scripts = [_script("a", first, 0), _script("b", second, 1)]
    order = (1, 0) if second_commits_first else (0, 1)

    serial = engine_of(SCHEMA)
    expected: list[list[bytes]] = [[], []]
    for who in order:
        session = session_on(serial)
        for sql in scripts[who] + ["COMMIT"]:
            expected[who].append(session.on_query(sql))

    mixed = engine_of(SCHEMA)
    sessions = [session_on(mixed), session_on(mixed)]
    for session in sessions:
        session.on_query("SET lock_timeout = '100ms'")  # a wait fails fast
    got: list[list[bytes]] = [[], []]
    queues = [list(scripts[0]), list(scripts[1])]
    for turn in turns + [False] * len(queues[0]) + [True] * len(queues[1]):
        queue = queues[int(turn)]
        if queue:
            sql = queue.pop(0)
            note(f"{'ab'[int(turn)]}: {sql}")
            got[int(turn)].append(sessions[int(turn)].on_query(sql))
    for who in order:
        got[who].append(sessions[who].on_query("COMMIT"))

    assert got == expected
    assert _state(mixed) == _state(serial)
    through_snapshot(mixed)
