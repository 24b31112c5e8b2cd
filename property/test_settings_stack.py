"""The settings stack against a model of PostgreSQL's GUC rules: SET is
kept by COMMIT and undone by ROLLBACK, SET LOCAL ends with the
transaction, ROLLBACK TO a savepoint gives back the values it saw (and
what COMMIT would keep then), and `current` is always the same dict."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from twinning.settings_stack import SettingsStack

NAMES = ("a", "b")
step = st.one_of(
    st.tuples(st.just("set"), st.sampled_from(NAMES), st.sampled_from("xyz"),
              st.booleans()),
    st.tuples(st.just("savepoint")), st.tuples(st.just("rollback_to")),
    st.tuples(st.just("commit")), st.tuples(st.just("rollback")))


@settings(max_examples=300, deadline=None)
@given(st.lists(step, max_size=25))
def test_stack_agrees_with_the_model(steps):
    stack = SettingsStack({"a": "0", "b": "0"})
    current = stack.current
    session = {"a": "0", "b": "0"}  # the model: values outside transactions
    txn = None  # (values now, kept at commit, savepoints)
    for op, *args in steps:
        if txn is None:
            stack.begin()
            txn = (dict(session), dict(session), [])
        now, kept, points = txn
        if op == "set":
            name, value, local = args
            stack.assign(name, value, local)
            now[name] = value
            if not local:
                kept[name] = value
        elif op == "savepoint":
            points.append((stack.savepoint(), dict(now), dict(kept)))
        elif op == "rollback_to" and points:
            snapshot, now_then, kept_then = points[-1]
            stack.rollback_to(snapshot)
            txn = (dict(now_then), dict(kept_then), points)
        elif op == "commit":
            stack.commit()
            session, txn = dict(kept), None
        elif op == "rollback":
            stack.rollback()
            txn = None
        assert stack.current is current
        assert current == (session if txn is None else txn[0])
