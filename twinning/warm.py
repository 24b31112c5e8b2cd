"""Warm start: hand a `twinning postgres` command to a forking server that
has already imported twinning.

A cold `twinning postgres` spends most of its start importing some 300
modules (about 0.2 s); the schema load and the first answer take a few
milliseconds. So the command line first tries a warm server (a zygote,
`twinning.warm_server`) listening on a Unix socket private to the user.
The zygote forks a child that takes over this process's standard streams,
working directory, environment and umask, and runs the command; this
process waits, forwards the signals it gets, and exits as the child did.
When no zygote listens, the command runs here as before and a zygote is
started in the background for the next command; it exits after
`TWINNING_WARM_IDLE` seconds (default 600) without work.

The socket's name carries a key of the code (every module's path, size
and mtime, and the interpreter), so an edited checkout never runs stale
code. `TWINNING_WARM=0` turns all of this off; so does a terminal on
stdin, where job control and a controlling terminal would differ.

This module runs before anything else is imported: it stays stdlib-only
and cheap (its own cost is the 2 ms of stat calls for the key).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import struct
import sys
import zlib

import twinning

FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)
# Replies from the zygote: a tag byte and a signed 32-bit number.
REPLY = struct.Struct("!ci")
PID, EXIT = b"P", b"X"
_SUBPACKAGES = ("ir", "passes")  # beside twinning/ in a checkout, inside it


def enabled() -> bool:
    return os.environ.get("TWINNING_WARM", "1").lower() not in (
        "0", "off", "no", "false")


def socket_path_in(base: str) -> str | None:
    """The zygote's socket for this code, in a directory of `base` only
    this user can write; None when no such directory can be had."""
    folder = os.path.join(base, f"twinning-{os.getuid()}")
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    if (info.st_uid != os.getuid() or info.st_mode & 0o077
            or not os.path.isdir(folder) or os.path.islink(folder)):
        return None
    return os.path.join(folder, f"warm-{code_key()}.sock")


def code_key() -> str:
    """What must match for a zygote's imported code to be this code (a
    checksum, not a digest: hashlib's import alone costs 4 ms here)."""
    parts = [sys.executable, sys.version, sys.prefix]
    for folder in _package_folders():
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith(".py"):
                    path = os.path.join(root, name)
                    info = os.stat(path)
                    parts += (path, str(info.st_size), str(info.st_mtime_ns))
    data = "\0".join(parts).encode()
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _package_folders() -> list[str]:
    own = twinning.__path__[0]
    parent = os.path.dirname(own)
    return [own] + [os.path.join(parent, name) for name in _SUBPACKAGES
                    if not os.path.isdir(os.path.join(own, name))
                    and os.path.isdir(os.path.join(parent, name))]


def delegate(argv: list[str]) -> int | None:
    """Run `argv` in a warm child and return its exit code, or None when
    it must run in this process (no zygote yet: one is started)."""
    if not argv or argv[0] != "postgres" or not enabled():
        return None
    try:
        if os.isatty(0) or not all(_open(fd) for fd in (0, 1, 2)):
            return None
        path = socket_path_in(os.environ.get("XDG_RUNTIME_DIR") or "/tmp")
    except OSError:
        return None
    if path is None:
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(path)
        pid = _hand_over(sock, argv)
    except OSError:
        sock.close()
        start_zygote(path)
        return None
    if pid is None:  # the zygote went away before it forked
        sock.close()
        return None
    return _wait(sock, pid)


def _open(fd: int) -> bool:
    try:
        os.fstat(fd)
        return True
    except OSError:
        return False


def _hand_over(sock: socket.socket, argv: list[str]) -> int | None:
    request = json.dumps({
        "argv": argv, "cwd": os.getcwd(), "env": dict(os.environ),
        "umask": _umask(),
        "streams": [[s.encoding, s.errors] if s is not None else None
                    for s in (sys.stdin, sys.stdout, sys.stderr)],
    }).encode()
    socket.send_fds(sock, [struct.pack("!I", len(request)) + request],
                    [0, 1, 2])
    reply = _read_reply(sock)
    return reply[1] if reply is not None and reply[0] == PID else None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _read_reply(sock: socket.socket) -> tuple[bytes, int] | None:
    data = b""
    while len(data) < REPLY.size:
        chunk = sock.recv(REPLY.size - len(data))
        if not chunk:
            return None
        data += chunk
    return REPLY.unpack(data)


def _wait(sock: socket.socket, pid: int) -> int:
    """Forward signals to the child until the zygote reports its exit;
    a child killed by a signal kills this process the same way."""
    def forward(signum: int, _frame: object) -> None:
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass

    for signum in FORWARDED:
        signal.signal(signum, forward)
    try:
        reply = _read_reply(sock)
    finally:
        sock.close()
    if reply is None or reply[0] != EXIT:
        sys.stderr.write("twinning: refused (E_INTERNAL): the warm server "
                         "went away before the command finished\n"
                         "next: rerun with TWINNING_WARM=0\n")
        return 2
    code = reply[1]
    if code < 0:
        for signum in FORWARDED:
            signal.signal(signum, signal.SIG_DFL)
        sys.stdout.flush()
        os.kill(os.getpid(), -code)
        return 128 - code
    return code


def start_zygote(path: str) -> None:
    """Start a zygote for the next command, detached from this one (its
    own session, no inherited streams); a second one racing it exits."""
    import subprocess
    try:
        subprocess.Popen(
            [sys.executable, "-m", "twinning.warm_server", path],
            cwd="/", stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True,
            env={**os.environ, "PYTHONSAFEPATH": "1"})
    except OSError:
        pass
