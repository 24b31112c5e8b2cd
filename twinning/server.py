"""The TCP front end: move bytes between sockets and `Connection`s.

Nothing here knows the protocol or SQL. Each accepted socket gets a
`Session` (the backend) inside a sans-I/O `Connection`; every chunk read
is handed to `Connection.receive` in a worker thread, so a slow statement
(pg_sleep, later a lock wait) blocks only its own client, and the bytes it
returns are written back. Per connection the calls are strictly
sequential, which is all `Connection` asks for.

`TwinServer` runs the asyncio loop in a background thread so the CLI's
main thread stays free for signals and the `--run` child. Shutdown stops
accepting, ends open connections with FATAL 57P01 as PostgreSQL's fast
shutdown does. Worker threads come from one process-wide pool.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from twinning.errors import Refusal, SqlError
from twinning.session import Engine, Session
from twinning.wire.connection import Connection

log = logging.getLogger(__name__)

_READ_SIZE = 256 * 1024
_WORKERS = 128
_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _workers() -> ThreadPoolExecutor:
    """The process-wide worker pool every server shares. A thread that has
    parsed SQL holds pglast's per-thread parser state (one pthread key
    each, never returned), so threads are reused rather than made per
    server: a process starting many servers (the test suite) would
    otherwise run out of thread-specific keys."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(_WORKERS, thread_name_prefix="twin")
        return _POOL
_SHUTDOWN = SqlError("57P01", "terminating connection due to administrator "
                     "command", severity="FATAL")


class _Client:
    __slots__ = ("conn", "writer", "session", "busy")

    def __init__(self, conn: Connection, writer: asyncio.StreamWriter,
                 session: Session) -> None:
        self.conn = conn
        self.writer = writer
        self.session = session
        self.busy = False

    def conn_interrupt(self) -> None:
        """Wake a statement that is waiting (pg_sleep) so shutdown is quick."""
        self.session.interrupt.cancel()


class TwinServer:
    """An asyncio server on its own thread; `start()` returns the port."""

    def __init__(self, engine: Engine, host: str = "127.0.0.1",
                 port: int = 5432) -> None:
        self.engine = engine
        self.host = host
        self.port = port
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.AbstractServer | None = None
        self._thread: threading.Thread | None = None
        self._pool = _workers()
        self._clients: dict[asyncio.Task, _Client] = {}
        self._ready = threading.Event()
        self._error: BaseException | None = None

    # -- lifecycle (called from the main thread) -----------------------------------
    def start(self) -> int:
        self._thread = threading.Thread(target=self._main, name="twin-server",
                                        daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._error is not None:
            raise Refusal("E_BIND", f"cannot listen on {self.host}:{self.port}: "
                          f"{self._error}", {"host": self.host, "port": self.port},
                          "twinning postgres … --port 0")
        return self.port

    def stop(self) -> None:
        loop = self._loop
        if loop is None or self._thread is None:
            return
        future = asyncio.run_coroutine_threadsafe(self._shutdown(), loop)
        try:
            future.result(timeout=10)
        except Exception:
            log.exception("server shutdown")
        loop.call_soon_threadsafe(loop.stop)
        self._thread.join(timeout=10)
        self._loop = None

    # -- the loop thread ----------------------------------------------------------------
    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            self._server = loop.run_until_complete(asyncio.start_server(
                self._handle, self.host, self.port, reuse_address=True,
                limit=_READ_SIZE))
        except (OSError, OverflowError) as exc:
            self._error = exc
            self._loop = None
            loop.close()
            self._ready.set()
            return
        sock = self._server.sockets[0]
        self.port = sock.getsockname()[1]
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.close()

    async def _handle(self, reader: asyncio.StreamReader,
                      writer: asyncio.StreamWriter) -> None:
        loop = asyncio.get_running_loop()
        session = Session(self.engine)
        conn = Connection(session)
        task = asyncio.current_task()
        assert task is not None
        client = self._clients[task] = _Client(conn, writer, session)
        try:
            while not conn.closed:
                data = await reader.read(_READ_SIZE)
                if not data:
                    await loop.run_in_executor(self._pool, conn.receive_eof)
                    break
                client.busy = True
                try:
                    out = await loop.run_in_executor(self._pool, conn.receive, data)
                finally:
                    client.busy = False
                if out:
                    writer.write(out)
                    await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            if not conn.closed:
                await loop.run_in_executor(self._pool, conn.receive_eof)
        except Exception:
            log.exception("connection failed")
            if not conn.closed:
                conn.receive_eof()
        finally:
            self._clients.pop(task, None)
            try:
                writer.close()
            except Exception:
                pass

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        loop = asyncio.get_running_loop()
        for task, client in list(self._clients.items()):
            client.conn_interrupt()
            if not client.busy:  # a busy connection is inside receive()
                try:
                    out = await loop.run_in_executor(self._pool, client.conn.fatal,
                                                     _SHUTDOWN)
                    if out:
                        client.writer.write(out)
                        await client.writer.drain()
                except Exception:
                    pass
            task.cancel()
        if self._clients:
            await asyncio.wait(list(self._clients), timeout=5)
