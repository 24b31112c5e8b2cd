"""The network front end: move bytes between sockets and `Connection`s.

Nothing here knows the protocol or SQL. Each accepted socket gets a
`Session` (the backend) inside a sans-I/O `Connection`, and is served from
start to end by one thread with a blocking socket, PostgreSQL's
backend-per-connection shape:

    data = sock.recv(256 KiB); out = conn.receive(data); sock.sendall(out)

Everything for one message happens on the connection's own thread. An
earlier asyncio front end handed every chunk to a worker thread and back:
two thread switches and GIL handoffs per round trip, which doubled the
latency of a small query. A statement that waits (pg_sleep, a lock wait)
blocks only its own thread; a CancelRequest arrives on a connection of its
own and raises the target session's interrupt from there.

Connection threads come from one process-wide pool and are reused: pglast
takes one pthread key per thread that has parsed SQL and never gives it
back, so a process that opens thousands of connections (the test suite)
would run out of keys (PTHREAD_KEYS_MAX, 1024) with a new thread per
connection. An idle thread waits for the next accepted socket; a new
thread is made only when none is idle, up to `MAX_THREADS`. A client past
`MAX_CONNECTIONS` (PostgreSQL's max_connections) or past the threads gets
PostgreSQL's answer, FATAL 53300, from a short-lived thread that never
parses SQL (a CancelRequest on such a connection still works).

One more thread accepts, on the TCP listeners and, with a socket
directory, on the Unix socket `DIR/.s.PGSQL.<port>` (libpq's name, so
`psql -h DIR -p PORT` finds it). `stop()` is PostgreSQL's fast shutdown:
stop accepting, cancel running statements, FATAL 57P01 to every
connection once its statement has ended, close; a client that does not
go away within the grace period has its socket shut down under it.
"""

from __future__ import annotations

import os
import queue
import selectors
import socket
import stat
import sys
import threading
import time
from collections.abc import Callable

from twinning.deferred import deferred_logger
from twinning.errors import Refusal, admin_shutdown, too_many_connections
from twinning.execute import Interrupt
from twinning.database_session import DatabaseSession
from twinning.session import Engine
from twinning.wire.connection import Connection, State, Trust

log = deferred_logger(globals(), "log")  # logging: on first use

MAX_THREADS = 500   # connection threads per process; stays well below 1024 keys
MAX_CONNECTIONS = 100  # per server: PostgreSQL's max_connections default
_READ_SIZE = 256 * 1024
_BACKLOG = 1024
_GRACE = 5.0        # seconds stop() waits for statements to end
_SHUTDOWN = admin_shutdown("terminating connection due to administrator "
                           "command", severity="FATAL")
_TOO_MANY = too_many_connections("sorry, too many clients already", severity="FATAL")


# Connection threads get a deep C stack: PostgreSQL's parser (pglast) and
# its tree conversion recurse once per nesting level of a statement, and a
# megabyte-long `1+1+…` overflows the default thread stack, which kills the
# process. The memory is reserved, not used, until a statement needs it.
THREAD_STACK = 256 << 20
# With that stack, Python may recurse far deeper than its default 1,000
# frames. The twin's passes take 3 to 10 frames per nesting level; the
# depths PostgreSQL accepts (4,091 nested expressions, 2,111 subselects,
# 7,274 chained SELECTs of a UNION) are enforced as such by
# `passes/stack_depth.py` (54001, exactly where PostgreSQL says it), so
# this limit only has to stay above them: RecursionError (also 54001) is
# the backstop for shapes no budget counts. The limit is process-wide; a
# connection thread's stack holds it with room to spare (measured: under
# 1 KB of C stack per Python frame).
RECURSION_LIMIT = 40_000


class _Threads:
    """The process-wide pool of connection threads. A job is put on the
    queue only when a thread is known to be idle (waiting on it), so no
    connection ever waits behind another."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._idle = 0
        self._count = 0

    def submit(self, job: Callable[[], None]) -> bool:
        """Run `job` on an idle thread or a new one; False when at the cap."""
        with self._lock:
            if not self._idle:
                if self._count >= MAX_THREADS:
                    return False
                self._count += 1
                threading.stack_size(THREAD_STACK)
                threading.Thread(target=self._work, args=(job,), daemon=True,
                                 name=f"twin-conn-{self._count}").start()
                return True
            self._idle -= 1
        self._jobs.put(job)
        return True

    def _work(self, job: Callable[[], None]) -> None:
        while True:
            try:
                job()
            except BaseException:
                log.exception("connection thread job failed")
            with self._lock:
                self._idle += 1
            job = self._jobs.get()


_THREADS = _Threads()


class _TooMany:
    """The backend of a connection beyond the cap: refused after the
    startup packet, as PostgreSQL does. A CancelRequest still works."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def on_startup(self, params) -> Trust:
        raise _TOO_MANY

    def on_cancel(self, process_id: int, secret_key: int) -> None:
        self.engine.cancel(process_id, secret_key)

    def on_disconnect(self) -> None:
        pass


class _Client:
    """One accepted socket. Only its own thread calls `conn`; `stop()`
    touches the socket through `shutdown`, under the lock `close` takes."""

    __slots__ = ("sock", "conn", "interrupt", "stopping", "done", "_lock",
                 "_closed", "listener", "session")

    def __init__(self, sock: socket.socket, conn: Connection,
                 interrupt: Interrupt | None) -> None:
        self.sock = sock
        self.conn = conn
        self.interrupt = interrupt
        self.stopping = False
        self.done = threading.Event()
        self._lock = threading.Lock()
        self._closed = False
        self.listener = None  # the session's LISTEN side, told busy / idle
        self.session = None  # the backend, asked whether its client pauses

    def cancel(self) -> None:
        if self.interrupt is not None:
            self.interrupt.cancel()

    def terminate(self) -> None:
        """pg_terminate_backend: as a fast shutdown does to one client:
        its statement cancelled, FATAL 57P01 once it ends, closed."""
        self.stopping = True
        self.cancel()
        self.shutdown(socket.SHUT_RD)

    def shutdown(self, how: int) -> None:
        with self._lock:
            if not self._closed:
                try:
                    self.sock.shutdown(how)
                except OSError:
                    pass

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self.sock.close()


class TwinServer:
    """TCP (and optionally Unix-socket) server; `start()` returns the port."""

    def __init__(self, engine: Engine, host: str = "127.0.0.1",
                 port: int = 5432, socket_dir: str | None = None,
                 poll: float = 0.0) -> None:
        self.engine = engine
        self.poll = poll  # POLL_SECONDS when the twin has its own process
        self.host = host
        self.port = port
        self.socket_dir = socket_dir
        self.socket_path: str | None = None
        self._listeners: list[socket.socket] = []
        self._wake: tuple[socket.socket, socket.socket] | None = None
        self._acceptor: threading.Thread | None = None
        self._clients: set[_Client] = set()
        self._lock = threading.Lock()

    # -- lifecycle -------------------------------------------------------------------
    def start(self) -> int:
        if sys.getrecursionlimit() < RECURSION_LIMIT:
            sys.setrecursionlimit(RECURSION_LIMIT)
        try:
            self._listeners = _listen_tcp(self.host, self.port)
        except (OSError, OverflowError) as exc:
            raise Refusal("E_BIND", f"cannot listen on {self.host}:{self.port}: "
                          f"{exc}", {"host": self.host, "port": self.port},
                          "twinning postgres … --port 0") from None
        self.port = self._listeners[0].getsockname()[1]
        if self.socket_dir is not None:
            path = os.path.join(self.socket_dir, f".s.PGSQL.{self.port}")
            try:
                self._listeners.append(_listen_unix(path))
            except OSError as exc:
                self._close_listeners()
                raise Refusal("E_BIND", f"cannot listen on {path}: {exc}",
                              {"path": path}, "twinning postgres … "
                              "--socket-dir /tmp") from None
            self.socket_path = path
        self._wake = socket.socketpair()
        self._acceptor = threading.Thread(target=self._accept_loop,
                                          name="twin-accept", daemon=True)
        self._acceptor.start()
        return self.port

    def __enter__(self) -> TwinServer:
        """`with TwinServer(...) as server:` serves inside the block."""
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        acceptor, self._acceptor = self._acceptor, None
        if acceptor is None:
            return
        assert self._wake is not None
        self._wake[1].send(b"\0")
        acceptor.join(timeout=5)
        self._close_listeners()
        for end in self._wake:
            end.close()
        if self.socket_path is not None:
            try:
                os.unlink(self.socket_path)
            except OSError:
                pass
        with self._lock:
            clients = list(self._clients)
        for client in clients:   # idle ones wake from recv() with EOF
            client.stopping = True
            client.cancel()
            client.shutdown(socket.SHUT_RD)
        deadline = time.monotonic() + _GRACE
        for client in clients:
            while not client.done.wait(0.05):
                client.cancel()  # again: the statement may have begun since
                if time.monotonic() > deadline:
                    client.shutdown(socket.SHUT_RDWR)  # ends a blocked send
                    break

    def _close_listeners(self) -> None:
        for sock in self._listeners:
            sock.close()
        self._listeners = []

    # -- the accept thread ----------------------------------------------------------
    def _accept_loop(self) -> None:
        assert self._wake is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self._wake[0], selectors.EVENT_READ)
            for sock in self._listeners:
                sock.setblocking(False)
                selector.register(sock, selectors.EVENT_READ)
            while True:
                for key, _ in selector.select():
                    if key.fileobj is self._wake[0]:
                        return
                    try:
                        sock, _ = key.fileobj.accept()  # type: ignore[union-attr]
                    except (BlockingIOError, InterruptedError):
                        continue
                    except OSError:
                        log.exception("accept failed")  # e.g. out of files
                        time.sleep(0.1)
                        continue
                    try:
                        self._admit(sock)
                    except Exception:
                        log.exception("cannot serve an accepted connection")
                        sock.close()

    def _admit(self, sock: socket.socket) -> None:
        sock.setblocking(True)
        if sock.family != socket.AF_UNIX:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        session = DatabaseSession(self.engine)  # moved to its database at startup
        conn = Connection(session)
        wrap = getattr(self.engine, "wrap_connection", None)  # --shadow
        client = _Client(sock, conn if wrap is None else wrap(conn),
                         session.interrupt)
        client.listener = session.notifications
        client.session = session
        session.notifications.push = sock.sendall  # NOTIFY to an idle session
        session.terminate = client.terminate  # pg_terminate_backend
        with self._lock:
            crowded = len(self._clients) >= MAX_CONNECTIONS
            self._clients.add(client)
        try:
            if crowded or not _THREADS.submit(lambda: self._serve(client)):
                client.conn = Connection(_TooMany(self.engine))  # type: ignore[arg-type]
                client.interrupt = client.session = None
                threading.Thread(target=self._serve, args=(client,),
                                 daemon=True, name="twin-refuse").start()
        except BaseException:  # no thread to serve it (the system is out)
            with self._lock:
                self._clients.discard(client)
            raise

    # -- a connection thread --------------------------------------------------------
    def _serve(self, client: _Client) -> None:
        sock, conn = client.sock, client.conn
        # recv_into one buffer: recv(256 KiB) allocates a fresh 256 KiB
        # bytes per call, ~10 µs, a fifth of a small query's round trip
        buffer = bytearray(_READ_SIZE)
        view = memoryview(buffer)
        listener = client.listener
        interrupt = client.interrupt
        answered = 0  # chunks taken since startup (queries, COPY data)
        try:
            while not conn.closed and not client.stopping:
                if listener is not None:
                    listener.set_busy(False)  # notifications may go out now
                pauses = _pauses(client.session)
                poll = self.poll if answered >= _LOOPING and not pauses else 0.0
                size = _wait_and_receive(sock, buffer, poll)
                if not size or client.stopping:  # terminated while waiting:
                    break  # what arrived since is never run, as in PostgreSQL
                if listener is not None:
                    listener.set_busy(True)
                started = conn.state in _STARTED
                out = conn.receive(bytes(view[:size]))
                if out:
                    sock.sendall(out)
                answered += started
                if interrupt is not None and interrupt.graveyard:
                    interrupt.release()  # a failed statement's rows, now
            if client.stopping and not conn.closed:
                sock.sendall(conn.fatal(_SHUTDOWN))
        except ConnectionError:
            pass  # the client went away (reset, broken pipe): close quietly
        except Exception:
            log.exception("connection failed")
        finally:
            if not conn.closed:
                try:
                    conn.receive_eof()  # rolls back, unregisters the session
                except Exception:
                    log.exception("closing the session failed")
            client.close()
            with self._lock:
                self._clients.discard(client)
            client.done.set()


# After a reply, a connection thread of a twin in its own process polls
# its socket for this long before it sleeps in recv. A client in a loop
# sends its next statement within tens of microseconds; caught by the
# poll, the statement starts on a core that is still running this process,
# with its caches warm. Asleep, the thread is woken by the kernel onto a
# cold (in a VM, descheduled) core, and a short statement then costs three
# times its warm CPU time. One thread polls at a time. A twin embedded in
# a client's process (tests, the pytest plugin) does not poll: the poller
# would hold the GIL the client needs to send that next statement.
#
# Where the client's next message is not that close, a poll only takes a
# core from the client (two cores, shared) and the GIL from the twin's
# other threads (the poller drops and retakes it around every recv, and a
# thread woken to take it loses the race): the accept thread of the
# client's next connection, say. So a connection polls only once it has
# taken `_LOOPING` chunks since its startup: the startup exchange and
# the first statement are set-up on the client's side (libpq's connect,
# a driver's first queries), and a connection that makes one statement
# and leaves (a fork in bench/forks.py) never polls. Nor after a reply
# its session marks as followed by a pause (CREATE DATABASE: its client
# connects to the new database before it writes here again). Measured on
# the fork loop (2 cores, load 0.8–1.8): median 1.35 ms polling after
# every reply, 0.95 ms never polling; statement loops keep the poll
# (insert_autocommit: 5,900 rows/s polling, 4,600 not).
POLL_SECONDS = 200e-6
_LOOPING = 2
_STARTED = frozenset({State.READY, State.COPY_IN})
_poller = threading.Lock()
_clock = time.perf_counter


def _pauses(session) -> bool:
    """Whether `session` expects its client to pause before the next
    message (read once: the flag is for one reply)."""
    if session is None or not session.client_pauses:
        return False
    session.client_pauses = False
    return True


def _wait_and_receive(sock: socket.socket, buffer: bytearray, poll: float) -> int:
    """recv_into(buffer), polling without blocking first (POLL_SECONDS)."""
    if poll and _poller.acquire(blocking=False):
        try:
            deadline = _clock() + poll
            while True:
                try:
                    return sock.recv_into(buffer, 0, socket.MSG_DONTWAIT)
                except BlockingIOError:
                    if _clock() > deadline:
                        break
        finally:
            _poller.release()
    return sock.recv_into(buffer)


def _listen_tcp(host: str, port: int) -> list[socket.socket]:
    """Listening sockets on every address `host` resolves to (as
    PostgreSQL's listen_addresses: one that binds is enough). With port 0
    the first socket picks the port and the others reuse it."""
    infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                               flags=socket.AI_PASSIVE)
    listeners: list[socket.socket] = []
    error: OSError | None = None
    for family, kind, proto, _, address in dict.fromkeys(infos):
        if listeners:
            address = (address[0], listeners[0].getsockname()[1], *address[2:])
        sock = socket.socket(family, kind, proto)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind(address)
            sock.listen(_BACKLOG)
        except OSError as exc:
            sock.close()
            error = error or exc
            continue
        listeners.append(sock)
    if not listeners:
        raise error or OSError(f"{host!r} resolves to no address")
    return listeners


def _listen_unix(path: str) -> socket.socket:
    """A Unix socket at `path`, replacing a stale socket file left by a
    server that is gone (one that still answers is "address in use")."""
    try:
        if stat.S_ISSOCK(os.stat(path).st_mode):
            with socket.socket(socket.AF_UNIX) as probe:
                try:
                    probe.connect(path)
                except ConnectionRefusedError:
                    os.unlink(path)
    except FileNotFoundError:
        pass
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(path)
        os.chmod(path, 0o777)  # unix_socket_permissions' default
        sock.listen(_BACKLOG)
    except OSError:
        sock.close()
        raise
    return sock
