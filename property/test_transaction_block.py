"""The transaction block table (`twinning/transaction_block.py`) against a
plain model of PostgreSQL's rules: BEGIN opens an explicit block from
anywhere outside one, an error inside a block aborts it until ROLLBACK
TO, and events the table leaves out (an error outside a block ends the
transaction; the session never asks) are reported as the twin's bug."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from twinning.errors import SqlError
from twinning.transaction_block import OPENED, Block, move

EVENTS = ("begin", "error", "rollback_to")


def model(opened: str, events: list[str]) -> tuple[bool, bool] | None:
    """(explicit, failed) after `events`, or None where the session would
    have ended the transaction instead (an error or ROLLBACK TO outside
    a block)."""
    explicit, failed = opened == "block", False
    for event in events:
        if event == "begin":
            if failed:
                return None  # 25P02 stops it before the table is asked
            explicit = True
        elif not explicit:
            return None
        elif event == "error":
            failed = True
        else:
            failed = False
    return explicit, failed


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(OPENED)), st.lists(st.sampled_from(EVENTS), max_size=12))
def test_table_agrees_with_the_model(opened, events):
    expected = model(opened, events)
    state = OPENED[opened]
    try:
        for event in events:
            state = move(state, event)
    except SqlError as exc:
        assert exc.sqlstate == "XX000"
        assert expected is None
        return
    assert expected is not None, "the table moved where the session may not"
    explicit, failed = expected
    assert state.explicit is explicit
    assert (state is Block.ABORT) is failed
    assert state.is_transaction_block is (explicit or opened != "single")
