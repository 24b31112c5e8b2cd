"""Session behaviour, twin against real PostgreSQL 15, through psycopg2.

Each case of `tests/corpus/session/*.sql` runs on a fresh autocommit
connection to both servers, one line per simple Query message. For every
line the observable outcome must be identical: command tag, column names
and type OIDs, rows, notices, SQLSTATE and the full error text (with
PostgreSQL's LINE/caret rendering of the position), and the transaction
status the ReadyForQuery carried.
"""

from __future__ import annotations

import psycopg2
import pytest

from tests.support.corpus import CORPUS, cases
from tests.support.twin import running_twin

pytestmark = pytest.mark.realpg

CASES = [case for path in sorted(CORPUS.glob("session/*.sql"))
         for case in cases(f"session/{path.name}")]


@pytest.fixture(scope="module")
def twin():
    with running_twin() as server:
        yield server


def _lines(script: str) -> list[str]:
    return [line for line in script.splitlines()
            if line.strip() and not line.lstrip().startswith("--")]


def _run(conn, line: str) -> dict:
    cur = conn.cursor()
    outcome: dict = {}
    try:
        cur.execute(line)
        outcome["tag"] = cur.statusmessage
        if cur.description is not None:
            outcome["columns"] = [(d.name, d.type_code) for d in cur.description]
            outcome["rows"] = repr([tuple(  # repr: NaN != NaN; bytes, not views
                bytes(v) if isinstance(v, memoryview) else v for v in row)
                for row in cur.fetchall()])
    except psycopg2.Error as exc:
        outcome["error"] = (exc.pgcode, exc.pgerror)
    outcome["notices"] = list(conn.notices)
    del conn.notices[:]
    outcome["status"] = conn.info.transaction_status
    return outcome


def _session(connect, script: str) -> list[tuple[str, dict]]:
    conn = connect()
    conn.autocommit = True
    try:
        return [(line, _run(conn, line)) for line in _lines(script)]
    finally:
        conn.close()


@pytest.mark.parametrize("name,script", CASES, ids=[n for n, _ in CASES])
def test_session_case(name, script, realpg, twin):
    expected = _session(realpg.connect, script)
    actual = _session(twin.connect, script)
    diffs = [f"{line}\n  pg:   {want}\n  twin: {got}"
             for (line, want), (_, got) in zip(expected, actual) if got != want]
    assert not diffs, f"{name}:\n" + "\n".join(diffs)
