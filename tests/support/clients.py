"""One client session against a server (the twin or PostgreSQL), for the
tests that compare what a client library sees of both.

A client test writes only its body: `body(conn, out)` appends what the
client sees to `out`; these helpers open the connection, run the setup
statements, close it, and `same_on_both` asserts that the twin's record is
PostgreSQL's.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable

from tests.support.twin import running_twin


def with_asyncpg(server, body, setup: Iterable[str] = ()) -> list:
    """Run `await body(conn, out)` on an asyncpg connection to SERVER
    (anything with host, port, user, dbname) after SETUP; return out."""
    import asyncpg

    async def main() -> list:
        conn = await asyncpg.connect(host=server.host, port=server.port,
                                     user=server.user, database=server.dbname)
        out: list = []
        try:
            for sql in setup:
                await conn.execute(sql)
            await body(conn, out)
        finally:
            await conn.close()
        return out
    return asyncio.run(main())


def with_psycopg3(server, body, setup: Iterable[str] = ()) -> list:
    """Run `body(conn, out)` on an autocommit psycopg 3 connection to
    SERVER (anything with a dsn) after SETUP; return out."""
    import psycopg
    out: list = []
    with psycopg.connect(server.dsn, autocommit=True) as conn:
        for sql in setup:
            conn.execute(sql)
        body(conn, out)
    return out


def binary_select(conn, sql: str, out: list):
    """psycopg 3: SQL read by a binary cursor; its column type OIDs and
    its rows go to OUT. Returns the cursor."""
    cur = conn.cursor(binary=True)
    cur.execute(sql)
    out.append([c.type_code for c in cur.description])
    out.append(cur.fetchall())
    return cur


def asyncpg_client(body, setup: Iterable[str] = ()) -> Callable[[object], list]:
    """A client for `same_on_both`: BODY on asyncpg."""
    return lambda server: with_asyncpg(server, body, setup)


def psycopg3_client(body, setup: Iterable[str] = ()) -> Callable[[object], list]:
    """A client for `same_on_both`: BODY on psycopg 3."""
    return lambda server: with_psycopg3(server, body, setup)


def same_on_both(realpg, *clients: Callable[[object], list]) -> None:
    """Each client's record of the twin (one twin for all, in order) equals
    its record of PostgreSQL."""
    with running_twin() as twin:
        for client in clients:
            assert client(twin) == client(realpg)
