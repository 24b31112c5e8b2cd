"""Concurrent writers through real clients: several psycopg2 sessions
insert their own keys, update their own rows, add children and all bump
one shared counter row in every transaction. Nothing may be lost: the
counter equals the number of committed transactions (READ COMMITTED's
re-check of the newest version, no lost update), every row is found
through each of its unique indexes (merged at commit), and no child is
left without its parent.
"""

from __future__ import annotations

import random
import threading

from tests.differential.harness import twin_server

SCHEMA = """
CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL);
CREATE TABLE item (id int PRIMARY KEY, owner int NOT NULL, v int NOT NULL,
                   tag text UNIQUE);
CREATE TABLE child (id serial PRIMARY KEY,
                    item int REFERENCES item ON DELETE CASCADE);
"""
WORKERS, TRANSACTIONS = 4, 60


def _work(connect, worker: int, failures: list) -> None:
    conn = connect()
    cur = conn.cursor()
    cur.execute("SET lock_timeout = '30s'")
    conn.commit()
    rnd = random.Random(worker)
    mine: list[int] = []
    for i in range(TRANSACTIONS):
        key = worker * 100000 + i
        try:
            cur.execute("INSERT INTO item VALUES (%s, %s, 1, %s)",
                        (key, worker, f"t{key}"))
            mine.append(key)
            if rnd.random() < 0.5:
                cur.execute("UPDATE item SET v = v + 1 WHERE id = %s",
                            (rnd.choice(mine),))
            if rnd.random() < 0.3:
                cur.execute("INSERT INTO child (item) VALUES (%s)",
                            (rnd.choice(mine),))
            cur.execute("UPDATE counter SET n = n + 1 WHERE id = 1")
            if rnd.random() < 0.1 and len(mine) > 1:
                cur.execute("DELETE FROM item WHERE id = %s", (mine.pop(0),))
            conn.commit()
        except Exception as exc:  # recorded: the test fails on any
            failures.append(repr(exc))
            conn.rollback()
    conn.close()


def test_concurrent_writers_lose_nothing() -> None:
    with twin_server(SCHEMA) as connect:
        admin = connect()
        admin.autocommit = True
        cur = admin.cursor()
        cur.execute("INSERT INTO counter VALUES (1, 0)")
        failures: list[str] = []
        threads = [threading.Thread(target=_work, args=(connect, w, failures))
                   for w in range(WORKERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert failures == []
        cur.execute("SELECT n FROM counter")
        assert cur.fetchone() == (WORKERS * TRANSACTIONS,)
        cur.execute("SELECT id, tag FROM item")
        rows = cur.fetchall()
        assert len({id_ for id_, _ in rows}) == len(rows) > 0
        for id_, tag in rows:
            cur.execute("SELECT count(*) FROM item WHERE id = %s", (id_,))
            assert cur.fetchone() == (1,)
            cur.execute("SELECT count(*) FROM item WHERE tag = %s", (tag,))
            assert cur.fetchone() == (1,)
        cur.execute("SELECT count(*) FROM child c LEFT JOIN item i "
                    "ON i.id = c.item WHERE i.id IS NULL")
        assert cur.fetchone() == (0,)
        admin.close()
