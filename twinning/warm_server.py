"""The warm server (zygote) behind `twinning.warm`: import twinning once,
then fork a child per `twinning postgres` command.

The loop is single-threaded on purpose: fork copies only the calling
thread, so the zygote never starts a thread. It waits on its listening
socket and on a pidfd per running child; a child's exit goes back to the
client that asked for it. A lock file beside the socket makes a second
zygote for the same code exit at once. Nothing here knows PostgreSQL: the
child runs `twinning.cli.main` with the client's streams, directory,
environment and umask, exactly as the command line would.
"""

from __future__ import annotations

import fcntl
import gc
import io
import json
import os
import selectors
import signal
import socket
import struct
import sys
import time
import traceback

from twinning.warm import EXIT, PID, REPLY

IDLE_SECONDS = 600.0

_HEADER = struct.Struct("!I")
_REQUEST_LIMIT = 16 << 20
_WARM_UP_SCHEMA = """
CREATE TABLE warm (id bigint PRIMARY KEY, name text NOT NULL UNIQUE,
                   at timestamptz DEFAULT now(), amount numeric(12, 2));
"""
_WARM_UP_STATEMENTS = (
    "SELECT 1",
    "INSERT INTO warm (id, name, amount) VALUES (1, 'a', 1.5)",
    "SELECT id, name FROM warm WHERE id = 1",
    "UPDATE warm SET amount = amount + 1 WHERE id = 1",
    "SELECT count(*), sum(amount) FROM warm GROUP BY name ORDER BY 1",
)


def main(path: str) -> int:
    lock = open(path + ".lock", "a")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return 0  # another zygote serves this code
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    warm_up()
    idle = float(os.environ.get("TWINNING_WARM_IDLE", IDLE_SECONDS))
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(64)
    inode = os.stat(path).st_ino
    gc.collect()
    gc.freeze()  # children share these pages; a collection would copy them
    try:
        Zygote(listener, idle).serve()
    finally:
        _unlink_if_ours(path, inode)
    return 0


def warm_up() -> None:
    """Import what a `twinning postgres` command runs, and run a little of
    it, so lazily built tables are built once here, not in every child."""
    _preload()
    from twinning.bootstrap import compile_schema
    from twinning.session import Engine, Session
    from twinning.state import CommittedState

    _command_line_parts()
    catalog, _ = compile_schema(_WARM_UP_SCHEMA, "<warm-up>")
    session = Session(Engine(CommittedState.empty(catalog, _WARM_UP_SCHEMA)))
    session.on_startup({"user": "postgres", "database": "postgres"})
    session.on_authenticated()
    for sql in _WARM_UP_STATEMENTS:
        session.on_query(sql)
    session.on_disconnect()


def _command_line_parts() -> None:
    """What every command reads before its work: the usage, parsed once
    (`cli.parse_arguments` keeps it), and the stdlib modules that reading
    a packaged JSON Schema and resolving the listen address import."""
    import codecs

    from twinning import cli, schemas
    cli.parse_arguments(["postgres"])
    schemas.load.__wrapped__("verify.constraint.v1")
    codecs.lookup("idna")


# modules a `twinning postgres` command never runs (pytest_plugin needs
# pytest); everything else is imported by _preload
NOT_PRELOADED = frozenset({"twinning.pytest_plugin"})


def _preload() -> list[str]:
    """Every module of the package, every module `twinning.deferred`
    put off and every type family registered, so a forked child never
    imports or registers one: a cold start loads only
    what schema loading and a first query run, the zygote loads the rest
    once (tests/test_deferred.py holds this list to the package)."""
    import importlib
    import pkgutil

    from twinning import deferred
    names: set[str] = set()
    # ir/ and passes/ sit beside twinning/ in a source tree (pyproject's
    # package-dir): each is walked from its own path
    for package in ("twinning", "twinning.ir", "twinning.passes"):
        root = importlib.import_module(package)
        names.update(info.name for info in pkgutil.walk_packages(
            root.__path__, package + "."))
    names -= NOT_PRELOADED
    for name in sorted(names):
        importlib.import_module(name)
    deferred.load_all()
    from twinning.passes.expr import families
    families.load_all()  # the type families register on first use too
    return sorted(names)


class Zygote:
    def __init__(self, listener: socket.socket, idle: float) -> None:
        self.listener = listener
        self.idle = idle
        self.selector = selectors.DefaultSelector()
        self.selector.register(listener, selectors.EVENT_READ)
        self.children: dict[int, tuple[int, socket.socket]] = {}  # pidfd ->

    def serve(self) -> None:
        last = time.monotonic()
        while True:
            timeout = None if self.children else max(
                0.0, self.idle - (time.monotonic() - last))
            events = self.selector.select(timeout)
            if not events and not self.children:
                return
            for key, _ in events:
                if key.fileobj is self.listener:
                    self._accept()
                elif key.data is not None:
                    self._client_gone(key.data)
                else:
                    self._reap(key.fd)
            last = time.monotonic()

    def _accept(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        try:
            conn.settimeout(5.0)
            request, fds = _receive(conn)
        except (OSError, ValueError):
            conn.close()
            return
        try:
            pid = os.fork()
        except OSError:
            for fd in fds:
                os.close(fd)
            conn.close()
            return
        if pid == 0:
            self._become_child(conn, request, fds)  # never returns
        for fd in fds:
            os.close(fd)
        pidfd = os.pidfd_open(pid)
        self.children[pidfd] = (pid, conn)
        self.selector.register(pidfd, selectors.EVENT_READ)
        _send(conn, PID, pid)
        self.selector.register(conn, selectors.EVENT_READ, pid)

    def _client_gone(self, pid: int) -> None:
        """The client's socket is readable only when it closed: it died
        (SIGKILL) without forwarding a signal. Its command dies with it,
        as it would have in the client's own process."""
        for child, conn in self.children.values():
            if child == pid:
                self.selector.unregister(conn)
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                return

    def _reap(self, pidfd: int) -> None:
        pid, conn = self.children.pop(pidfd)
        self.selector.unregister(pidfd)
        if conn.fileno() in self.selector.get_map():
            self.selector.unregister(conn)
        os.close(pidfd)
        _, status = os.waitpid(pid, 0)
        _send(conn, EXIT, os.waitstatus_to_exitcode(status))
        conn.close()

    def _become_child(self, conn: socket.socket, request: dict,
                      fds: list[int]) -> None:
        code = 1
        try:
            self.selector.close()
            self.listener.close()
            for pidfd, (_, other) in self.children.items():
                os.close(pidfd)
                other.close()
            conn.close()
            os.setsid()
            _take_over(request, fds)
            from twinning.cli import main
            code = main(list(request["argv"]))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (
                0 if exc.code is None else 1)
        except BaseException:
            traceback.print_exc()
        finally:
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except Exception:
                    pass
            os._exit(code)


def _take_over(request: dict, fds: list[int]) -> None:
    """Become the client's process in what a program can observe: its
    streams, directory, environment, umask, argv and signal handlers."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    time.tzset()
    os.umask(int(request["umask"]))
    sys.argv = ["twinning", *request["argv"]]
    streams = request["streams"]
    sys.stdin = _text(0, "r", streams[0], False)
    sys.stdout = _text(1, "w", streams[1], os.isatty(1))
    sys.stderr = _text(2, "w", streams[2], True)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    gc.enable()


def _text(fd: int, mode: str, encoding: list | None,
          line_buffering: bool) -> io.TextIOWrapper:
    name, errors = encoding or ("utf-8", "strict")
    raw = io.FileIO(fd, mode, closefd=False)
    buffered = io.BufferedReader(raw) if mode == "r" else io.BufferedWriter(raw)
    return io.TextIOWrapper(buffered, encoding=name, errors=errors,
                            line_buffering=line_buffering)


def _receive(conn: socket.socket) -> tuple[dict, list[int]]:
    data, fds, _, _ = socket.recv_fds(conn, 65536, 3)
    if len(fds) != 3:
        for fd in fds:
            os.close(fd)
        raise ValueError("a request carries the three standard streams")
    try:
        while len(data) < _HEADER.size:
            data += _recv_some(conn)
        (size,) = _HEADER.unpack_from(data)
        if size > _REQUEST_LIMIT:
            raise ValueError("request too large")
        while len(data) < _HEADER.size + size:
            data += _recv_some(conn)
        return json.loads(data[_HEADER.size:_HEADER.size + size]), fds
    except BaseException:
        for fd in fds:
            os.close(fd)
        raise


def _recv_some(conn: socket.socket) -> bytes:
    chunk = conn.recv(65536)
    if not chunk:
        raise ValueError("the client went away mid-request")
    return chunk


def _send(conn: socket.socket, tag: bytes, number: int) -> None:
    try:
        conn.sendall(REPLY.pack(tag, number))
    except OSError:
        pass  # the client went away; the child runs on regardless


def _unlink_if_ours(path: str, inode: int) -> None:
    """Remove the socket unless a newer zygote has replaced it."""
    try:
        if os.stat(path).st_ino == inode:
            os.unlink(path)
    except OSError:
        pass


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
