"""Values follow their columns through ALTER TABLE ADD / DROP / RENAME
COLUMN and ALTER COLUMN … TYPE, in any order, committed or rolled back.

The model is a list of (name, values by row) columns; the twin is a
session over an engine. After every step `SELECT *` must show the model's
columns in order with the same values, and the attnums must be the ones
PostgreSQL gives out: increasing in creation order, never reused after a
DROP COLUMN.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from twinning.session import Engine, Session

ROWS = 3


def _session() -> Session:
    session = Session(Engine())
    session.on_startup({"user": "postgres", "database": "postgres"})
    session.on_authenticated()
    return session


def _run(session: Session, sql: str) -> bytes:
    reply = session.on_query(sql)
    assert b"SERROR" not in reply, (sql, reply)
    return reply


steps = st.lists(st.tuples(st.sampled_from(["add", "drop", "rename", "retype"]),
                           st.integers(0, 10), st.booleans()),
                 min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(steps)
def test_values_follow_their_columns(plan):
    session = _session()
    _run(session, "CREATE TABLE t (c0 int)")
    _run(session, "INSERT INTO t VALUES " + ", ".join(f"({r})" for r in range(ROWS)))
    model = [("c0", [r for r in range(ROWS)], 1)]  # name, values, attnum
    next_attnum, fresh = 2, 1
    for action, pick, rollback in plan:
        saved = list(model), next_attnum
        if action == "add":
            name = f"c{fresh}"
            fresh += 1
            sql = f"ALTER TABLE t ADD COLUMN {name} int DEFAULT {pick}"
            model.append((name, [pick] * ROWS, next_attnum))
            next_attnum += 1
        elif not model:
            continue
        elif action == "drop":
            name = model[pick % len(model)][0]
            sql = f"ALTER TABLE t DROP COLUMN {name}"
            model = [c for c in model if c[0] != name]
        elif action == "retype":  # int ↔ text; the values read the same
            name = model[pick % len(model)][0]
            sql = (f"ALTER TABLE t ALTER COLUMN {name} TYPE bigint USING {name}::bigint"
                   if pick % 2 else f"ALTER TABLE t ALTER COLUMN {name} TYPE text")
        else:
            old = model[pick % len(model)]
            name = f"c{fresh}"
            fresh += 1
            sql = f"ALTER TABLE t RENAME COLUMN {old[0]} TO {name}"
            model = [(name, v, a) if n == old[0] else (n, v, a) for n, v, a in model]
        if rollback:
            _run(session, "BEGIN")
            _run(session, sql)
            _run(session, "ROLLBACK")
            model, next_attnum = saved
        else:
            _run(session, sql)
        expected = "|".join(
            ",".join(f"{n}={v[r]}" for n, v, _ in model) for r in range(ROWS))
        cols = ", ".join(f"'{n}=' || {n}" for n, _, _ in model) or "''"
        got = sorted(_values(_run(session, f"SELECT concat_ws(',', {cols}) FROM t")))
        assert got == sorted(expected.split("|")), (plan, got, expected)
        attnums = _values(_run(session, "SELECT string_agg(attnum::text, ',' "
                                        "ORDER BY attnum) FROM pg_attribute WHERE "
                                        "attrelid = 't'::regclass AND attnum > 0 "
                                        "AND NOT attisdropped"))
        assert attnums == [",".join(str(a) for _, _, a in model) if model
                           else None], (plan, attnums)


def _values(reply: bytes) -> list:
    """The first column of every DataRow in a reply."""
    out, i = [], 0
    while i < len(reply):
        tag, size = reply[i:i + 1], int.from_bytes(reply[i + 1:i + 5], "big")
        body = reply[i + 5:i + 1 + size]
        if tag == b"D":
            length = int.from_bytes(body[2:6], "big", signed=True)
            out.append(None if length < 0 else body[6:6 + length].decode())
        i += 1 + size
    return out
