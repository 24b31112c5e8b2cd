"""Row locks and advisory locks between two sessions, against PostgreSQL
and the twin (corpus/scenarios/row_locks.sql, run as test_concurrency.py's), and a
job queue drained by several workers with FOR UPDATE SKIP LOCKED.

SELECT … FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE [OF t] [NOWAIT |
SKIP LOCKED] locks rows as PostgreSQL's heap_lock_tuple does
(`twinning/store/row_locks.py`); the advisory lock functions are
lockfuncs.c's (`twinning/advisory.py`).
"""

from __future__ import annotations

import itertools
import threading
import time

import pytest

from tests.differential.harness import postgres_database, twin_server
from tests.differential.session_scripts import KV_SCHEMA, check_scenario, scenario_params

pytestmark = pytest.mark.realpg

SCHEMA = KV_SCHEMA + """
CREATE TABLE jobs (
    id      integer PRIMARY KEY,
    state   text NOT NULL DEFAULT 'queued',
    worker  integer
);
"""

_numbers = itertools.count(1)

# Known parity gaps, strictly expected to fail until fixed (then the mark
# must go); each is described in corpus/scenarios/row_locks.sql.
GAPS: set[str] = set()

@pytest.mark.parametrize("name", scenario_params("row_locks.sql", GAPS))
def test_scenario(name, realpg):
    check_scenario(realpg, SCHEMA, "row_locks.sql", name, "rowlock")


# -- the job queue ---------------------------------------------------------------

JOBS = 1000
WORKERS = 3


def _drain(connect) -> list[tuple[int, int]]:
    """WORKERS threads, each with its own connection, claim jobs one at a
    time (FOR UPDATE SKIP LOCKED LIMIT 1, UPDATE, COMMIT) until none is
    left; returns every (job, worker) claim."""
    setup = connect()
    setup.autocommit = True
    setup.cursor().execute(
        f"INSERT INTO jobs (id) SELECT g FROM generate_series(1, {JOBS}) g")
    setup.close()
    claims: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker(number: int) -> None:
        conn = connect()
        conn.autocommit = False  # each claim is one transaction
        try:
            cur = conn.cursor()
            mine = []
            while True:
                cur.execute("SELECT id FROM jobs WHERE state = 'queued' "
                            "ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
                row = cur.fetchone()
                if row is None:
                    conn.commit()
                    break
                cur.execute("UPDATE jobs SET state = 'done', worker = %s "
                            "WHERE id = %s", (number, row[0]))
                conn.commit()
                mine.append((row[0], number))
            with lock:
                claims.extend(mine)
        except BaseException as exc:  # reported by the test
            errors.append(exc)
        finally:
            conn.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(1, WORKERS + 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a worker never finished"
    assert not errors, errors
    check = connect()
    cur = check.cursor()
    cur.execute("SELECT count(*) FILTER (WHERE state = 'done'), "
                "count(DISTINCT worker), count(*) FROM jobs")
    done, workers, total = cur.fetchone()
    cur.execute("SELECT id, worker FROM jobs ORDER BY id")
    table = cur.fetchall()
    check.close()
    assert (done, total) == (JOBS, JOBS)
    assert workers >= 1
    assert sorted(claims) == sorted(table), "a job's row disagrees with its claim"
    return claims


@pytest.mark.parametrize("server", ["postgres", "twin"])
def test_job_queue_drained_exactly_once(server, realpg):
    start = time.monotonic()
    if server == "postgres":
        with postgres_database(realpg, SCHEMA, f"queue_{next(_numbers)}") as connect:
            claims = _drain(connect)
    else:
        with twin_server(SCHEMA, f"queue_{next(_numbers)}") as connect:
            claims = _drain(connect)
    ids = [job for job, _ in claims]
    assert len(ids) == JOBS and set(ids) == set(range(1, JOBS + 1)), \
        "some job was claimed twice or never"
    assert time.monotonic() - start < 30
