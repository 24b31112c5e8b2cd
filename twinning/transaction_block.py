"""PostgreSQL's transaction block states (xact.c's TBLOCK_*), as far as a
client can tell them apart, and the one table of the events that move a
transaction between them.

    state       PostgreSQL                       entered by
    STARTED     TBLOCK_STARTED                   a statement outside a block:
                                                 one statement of a simple
                                                 query, or an extended-protocol
                                                 batch until Sync
    IMPLICIT    TBLOCK_IMPLICIT_INPROGRESS       a Query of several statements
    INPROGRESS  TBLOCK_INPROGRESS, SUBINPROGRESS BEGIN / START TRANSACTION
    ABORT       TBLOCK_ABORT, SUBABORT           an error inside a block

No transaction at all (TBLOCK_DEFAULT) is a session holding none. An error
outside a block, COMMIT, ROLLBACK and Sync end the transaction: the session
drops it (`Session._end_transaction`). Savepoints are the session's stack;
ROLLBACK TO one leaves ABORT.

Two questions PostgreSQL asks of a state, and commands that ask them:
`is_transaction_block` is IsTransactionBlock() (anything but STARTED:
LOCK TABLE, SET CONSTRAINTS, SET LOCAL and SET TRANSACTION run in an
implicit block, CREATE DATABASE and DISCARD ALL refuse it);
`explicit` is a BEGIN's block (SAVEPOINT, COMMIT AND CHAIN, and the
ReadyForQuery status T or E).
"""

from __future__ import annotations

import enum

from twinning.errors import internal_error

__all__ = ["Block", "OPENED", "TRANSITIONS", "move"]


class Block(enum.Enum):
    STARTED = "started"
    IMPLICIT = "implicit"
    INPROGRESS = "inprogress"
    ABORT = "abort"

    @property
    def is_transaction_block(self) -> bool:
        return self is not Block.STARTED

    @property
    def explicit(self) -> bool:
        return self is Block.INPROGRESS or self is Block.ABORT


# how a statement opens a transaction: the session's `_begin(kind)`
OPENED = {"single": Block.STARTED, "implicit": Block.IMPLICIT,
          "block": Block.INPROGRESS}

TRANSITIONS: dict[tuple[Block, str], Block] = {
    (Block.STARTED, "begin"): Block.INPROGRESS,
    (Block.IMPLICIT, "begin"): Block.INPROGRESS,
    (Block.INPROGRESS, "begin"): Block.INPROGRESS,  # WARNING 25001, no change
    (Block.INPROGRESS, "error"): Block.ABORT,
    (Block.ABORT, "error"): Block.ABORT,
    (Block.INPROGRESS, "rollback_to"): Block.INPROGRESS,
    (Block.ABORT, "rollback_to"): Block.INPROGRESS,
}


def move(state: Block, event: str) -> Block:
    """The state after `event`; an event the table has no row for is the
    twin's own bug, reported as such (XX000), never a silent state."""
    found = TRANSITIONS.get((state, event))
    if found is None:
        raise internal_error(f"transaction block: no transition from "
                             f"{state.name} on {event}")
    return found
