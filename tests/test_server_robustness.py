"""The TCP server under load and abuse: many clients, cancels, timeouts,
passwords, garbage. One bad connection never affects another.
"""

from __future__ import annotations

import os
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg2
import pytest

from tests.support.rawclient import RawClient
from tests.support.twin import running_twin
from twinning import server as server_module
from twinning.errors import Refusal
from twinning.server import TwinServer
from twinning.session import Engine
from twinning.wire.connection import Connection
from twinning.wire.messages import (Bind, ErrorResponse, Execute, Parse,
                                    Query, ReadyForQuery, Sync)


@pytest.fixture(scope="module")
def twin():
    with running_twin() as server:
        yield server


def test_fifty_concurrent_connections(twin):
    barrier = threading.Barrier(50)

    def client(i: int) -> tuple:
        conn = twin.connect()
        try:
            barrier.wait(timeout=30)
            cur = conn.cursor()
            cur.execute("SELECT %s::int, pg_backend_pid()", (i,))
            value, pid = cur.fetchone()
            cur.execute("SELECT pg_sleep(0.05)")
            conn.commit()
            return value, pid
        finally:
            conn.close()

    with ThreadPoolExecutor(50) as pool:
        results = list(pool.map(client, range(50)))
    assert [v for v, _ in results] == list(range(50))
    assert len({pid for _, pid in results}) == 50


def test_slow_client_does_not_block_others(twin):
    slow = twin.connect()
    slow.autocommit = True
    thread = threading.Thread(target=lambda: slow.cursor().execute(
        "SELECT pg_sleep(1.5)"))
    thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    fast = twin.connect()
    cur = fast.cursor()
    cur.execute("SELECT 1")
    assert cur.fetchone() == (1,)
    assert time.monotonic() - started < 1.0
    fast.close()
    thread.join()
    slow.close()


_CANCEL_CLIENT = """
import sys, threading, psycopg2
conn = psycopg2.connect(sys.argv[1]); conn.autocommit = True
threading.Timer(0.3, conn.cancel).start()
try:
    conn.cursor().execute("SELECT pg_sleep(10)")
    print("no error")
except psycopg2.Error as exc:
    print(exc.pgcode, exc.pgerror.splitlines()[0])
cur = conn.cursor(); cur.execute("SELECT 1"); print(cur.fetchone()[0])
"""


def test_cancel_request(twin):
    # The client runs in its own process: libpq's PQcancel holds the GIL
    # while it waits, which would stall an in-process server.
    out = subprocess.run([sys.executable, "-c", _CANCEL_CLIENT, twin.dsn],
                         capture_output=True, text=True, timeout=30)
    assert out.stdout.splitlines() == [
        "57014 ERROR:  canceling statement due to user request", "1"], out.stderr


def test_cancel_with_wrong_key_is_ignored(twin):
    conn = twin.connect()
    conn.autocommit = True
    pid = conn.get_backend_pid()
    done = threading.Event()

    def bogus_cancel():
        time.sleep(0.2)
        with socket.create_connection((twin.host, twin.port)) as s:
            s.sendall(struct.pack("!iiII", 16, 80877102, pid, 12345))
            s.recv(10)
        done.set()

    threading.Thread(target=bogus_cancel).start()
    cur = conn.cursor()
    cur.execute("SELECT pg_sleep(0.6)")
    assert done.is_set()
    conn.close()


def test_statement_timeout(twin):
    with twin.cursor() as cur:
        cur.execute("SET statement_timeout = 100")
        started = time.monotonic()
        with pytest.raises(psycopg2.errors.QueryCanceled) as err:
            cur.execute("SELECT pg_sleep(5)")
        assert time.monotonic() - started < 2
        assert err.value.pgerror.startswith(
            "ERROR:  canceling statement due to statement timeout")


def _raw(twin) -> socket.socket:
    return socket.create_connection((twin.host, twin.port), timeout=10)


def _read_until_closed(sock: socket.socket) -> bytes:
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk


def _sqlstate(data: bytes) -> str | None:
    """The SQLSTATE of a v3 ErrorResponse at the start of `data`."""
    if data[:1] != b"E":
        return None
    length = struct.unpack("!i", data[1:5])[0]
    return ErrorResponse.decode(data[5:1 + length]).field("C")


@pytest.mark.parametrize("payload", [
    pytest.param(b"\x00\x00\x00\x03garbage", id="startup-length-too-small"),
    pytest.param(struct.pack("!i", 1 << 30) + b"\x00\x03\x00\x00",
                 id="startup-1GB"),
    pytest.param(struct.pack("!ii", 8, 1234), id="unknown-protocol"),
])
def test_malformed_startup(twin, payload):
    with _raw(twin) as sock:
        sock.sendall(payload)
        data = _read_until_closed(sock)
    if payload[4:8] == struct.pack("!i", 1234):
        # PostgreSQL answers an unknown protocol version in the v2 format
        assert data.startswith(b"EFATAL:  unsupported frontend protocol")
    else:
        assert _sqlstate(data) == "08P01"
    _still_serving(twin)


@pytest.mark.parametrize("payload", [
    pytest.param(b"Q" + struct.pack("!i", 1 << 30) + b"select 1",
                 id="query-1GB-length"),
    pytest.param(b"Q" + struct.pack("!i", 2), id="length-below-4"),
    pytest.param(b"\x01\x02\x03\x04\x05\x06\x07\x08\x09", id="garbage"),
])
def test_malformed_message_closes_only_that_connection(twin, payload):
    other = twin.connect()
    client = RawClient(twin.host, twin.port)
    client.send(payload)
    messages = client.read_all()
    client.close()
    errors = [m for m in messages if isinstance(m, ErrorResponse)]
    assert errors and errors[-1].field("C") == "08P01"
    assert errors[-1].field("V") == "FATAL"
    cur = other.cursor()
    cur.execute("SELECT 1")
    assert cur.fetchone() == (1,)
    other.close()
    _still_serving(twin)


def test_wrong_bind_parameter_count(twin):
    client = RawClient(twin.host, twin.port)
    got = client.exchange(Parse("", "select $1::int"), Bind("", "", (), ()),
                          Execute("", 0), Sync())
    error = next(m for m in got if isinstance(m, ErrorResponse))
    assert error.field("C") == "08P01"
    assert error.field("M") == ('bind message supplies 0 parameters, but '
                                'prepared statement "" requires 1')
    assert isinstance(got[-1], ReadyForQuery)
    client.close()
    _still_serving(twin)


def _still_serving(twin) -> None:
    conn = twin.connect()
    cur = conn.cursor()
    cur.execute("SELECT 42")
    assert cur.fetchone() == (42,)
    conn.close()


def test_scram_password():
    with running_twin(password="s3cret") as twin:
        conn = psycopg2.connect(twin.dsn + " password=s3cret")
        cur = conn.cursor()
        cur.execute("SHOW session_authorization")
        assert cur.fetchone() == ("postgres",)
        conn.close()
        with pytest.raises(psycopg2.OperationalError) as err:
            psycopg2.connect(twin.dsn + " password=wrong")
        assert "password authentication failed" in str(err.value)


def test_bind_failure_is_a_refusal(twin):
    server = TwinServer(Engine(), twin.host, twin.port)
    with pytest.raises(Refusal) as err:
        server.start()
    assert err.value.code == "E_BIND"
    server.stop()


def test_startup_parameters_and_reports(twin):
    conn = psycopg2.connect(twin.dsn + " application_name=app1 "
                            "options='-c TimeZone=Asia/Tokyo -c statement_timeout=5s'")
    cur = conn.cursor()
    cur.execute("SHOW TimeZone")
    assert cur.fetchone() == ("Asia/Tokyo",)
    cur.execute("SHOW statement_timeout")
    assert cur.fetchone() == ("5s",)
    assert conn.get_parameter_status("application_name") == "app1"
    assert conn.get_parameter_status("TimeZone") == "Asia/Tokyo"
    cur.execute("SET TimeZone = 'UTC'")
    assert conn.get_parameter_status("TimeZone") == "UTC"
    conn.rollback()  # the SET was in the driver's transaction: reverted
    assert conn.get_parameter_status("TimeZone") == "Asia/Tokyo"
    cur.execute("RESET ALL")
    conn.commit()
    cur.execute("SHOW TimeZone")
    assert cur.fetchone() == ("Asia/Tokyo",)  # startup value is RESET's
    conn.close()
    with pytest.raises(psycopg2.OperationalError) as err:
        psycopg2.connect(twin.dsn + " options='-c nosuch=1'")
    assert 'unrecognized configuration parameter "nosuch"' in str(err.value)


# -- the threaded front end ----------------------------------------------------


def test_unix_socket(tmp_path):
    engine = Engine()
    server = TwinServer(engine, "127.0.0.1", 0, socket_dir=str(tmp_path))
    port = server.start()
    path = tmp_path / f".s.PGSQL.{port}"
    try:
        assert server.socket_path == str(path) and path.is_socket()
        conn = psycopg2.connect(host=str(tmp_path), port=port, user="postgres",
                                dbname="postgres")
        cur = conn.cursor()
        cur.execute("SELECT 7")
        assert cur.fetchone() == (7,)
        conn.close()
        if shutil.which("psql"):
            out = subprocess.run(["psql", "-X", "-At", "-h", str(tmp_path),
                                  "-p", str(port), "-U", "postgres",
                                  "-c", "select 1 + 1"],
                                 capture_output=True, text=True, timeout=30,
                                 env=dict(os.environ, PGCONNECT_TIMEOUT="10"))
            assert (out.returncode, out.stdout) == (0, "2\n"), out.stderr
        # TCP keeps working next to it
        conn = psycopg2.connect(host="127.0.0.1", port=port, user="postgres")
        conn.close()
    finally:
        server.stop()
    assert not path.exists()


def test_unix_socket_in_use_is_e_bind(tmp_path):
    first = TwinServer(Engine(), "127.0.0.1", 0, socket_dir=str(tmp_path))
    port = first.start()
    path = tmp_path / f".s.PGSQL.{port}"
    try:
        with pytest.raises(OSError):  # a live socket file is never replaced
            server_module._listen_unix(str(path))
        psycopg2.connect(host=str(tmp_path), port=port, user="postgres").close()
    finally:
        first.stop()
    missing = TwinServer(Engine(), "127.0.0.1", 0,
                         socket_dir=str(tmp_path / "no-such-dir"))
    with pytest.raises(Refusal) as err:
        missing.start()
    assert err.value.code == "E_BIND"


def test_stale_unix_socket_file_is_replaced(tmp_path):
    server = TwinServer(Engine(), "127.0.0.1", 0)
    port = server.start()
    server.stop()
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(tmp_path / f".s.PGSQL.{port}"))
    stale.close()  # the file stays, nobody listens
    server = TwinServer(Engine(), "127.0.0.1", port, socket_dir=str(tmp_path))
    server.start()
    try:
        psycopg2.connect(host=str(tmp_path), port=port, user="postgres").close()
    finally:
        server.stop()


def test_connection_threads_are_reused(twin):
    _still_serving(twin)  # at least one idle connection thread exists
    time.sleep(0.1)
    before = threading.active_count()
    for _ in range(30):
        _still_serving(twin)
    assert threading.active_count() <= before + 3  # not one per connection


def test_large_result_is_written_whole(twin):
    conn = twin.connect()
    cur = conn.cursor()
    cur.execute("SELECT repeat('x', 5000000), g FROM generate_series(1, 3) g")
    rows = cur.fetchall()
    assert [(len(text), g) for text, g in rows] == [(5000000, 1), (5000000, 2),
                                                    (5000000, 3)]
    conn.close()


def test_client_gone_mid_send_is_quiet(twin):
    for _ in range(3):
        client = RawClient(twin.host, twin.port)
        client.send(Query("SELECT repeat('x', 20000000)"))
        client.sock.recv(1000)
        client.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                               struct.pack("ii", 1, 0))  # reset, not FIN
        client.close()
    _still_serving(twin)


class _Exploding(Connection):
    def receive(self, data: bytes) -> bytes:
        if b"explode" in data:
            raise RuntimeError("bug in the protocol layer")
        return super().receive(data)


def test_unexpected_exception_closes_only_that_connection(twin, monkeypatch,
                                                          caplog):
    other = twin.connect()
    monkeypatch.setattr(server_module, "Connection", _Exploding)
    client = RawClient(twin.host, twin.port)
    client.send(Query("SELECT 'explode'"))
    assert client.read_all() == []  # closed without an answer
    client.close()
    assert "connection failed" in caplog.text
    assert twin.engine.sessions() == 1  # the failed session was ended
    cur = other.cursor()
    cur.execute("SELECT 1")
    other.close()
    _still_serving(twin)


def test_too_many_clients(twin, monkeypatch):
    monkeypatch.setattr(server_module, "MAX_THREADS",
                        server_module._THREADS._count)  # no new threads
    held = []
    try:
        with pytest.raises(psycopg2.OperationalError) as err:
            for _ in range(server_module.MAX_THREADS + 1):
                held.append(twin.connect())
        assert "sorry, too many clients already" in str(err.value)
    finally:
        for conn in held:
            conn.close()
    monkeypatch.undo()
    _still_serving(twin)


def test_stop_is_prompt_and_says_why(tmp_path):
    server = TwinServer(Engine(), "127.0.0.1", 0, socket_dir=str(tmp_path))
    port = server.start()
    idle = RawClient("127.0.0.1", port)
    idle_unix = psycopg2.connect(host=str(tmp_path), port=port, user="postgres")
    busy = psycopg2.connect(host="127.0.0.1", port=port, user="postgres")
    busy.autocommit = True
    failures: list[str] = []

    def sleeper():
        try:
            busy.cursor().execute("SELECT pg_sleep(30)")
        except psycopg2.Error as exc:
            failures.append(str(exc))

    thread = threading.Thread(target=sleeper)
    thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 2
    thread.join(timeout=5)
    # the running statement is cancelled, then the connection ends
    assert failures and "canceling statement due to user request" in failures[0]
    # an idle one gets what PostgreSQL's fast shutdown sends, then EOF
    [fatal] = idle.read_all()
    assert (fatal.field("V"), fatal.field("C"), fatal.field("M")) == (
        "FATAL", "57P01", "terminating connection due to administrator command")
    idle.close()
    with pytest.raises(psycopg2.OperationalError):
        idle_unix.cursor().execute("SELECT 1")  # libpq: "server closed …"
    idle_unix.close()
    busy.close()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    assert not (tmp_path / f".s.PGSQL.{port}").exists()
    server.stop()  # idempotent


@pytest.mark.realpg
@pytest.mark.parametrize("sql", [
    "SELECT " + "1+" * 500_000 + "1",
    " UNION ".join(["SELECT 1"] * 20_000),
    "SELECT " + "(SELECT " * 3_000 + "1" + ")" * 3_000,
], ids=["megabyte_expression", "unions", "subselects"])
def test_too_deep_a_statement_is_54001_not_a_crash(twin, realpg, sql):
    """Statements nested far too deep: PostgreSQL answers 54001 and so does
    the twin, whose connection threads have a stack deep enough for the
    parser (a megabyte `1+1+…` used to kill it with SIGSEGV, taking every
    session along; deep UNIONs were XX000); both keep serving."""
    answers = []
    for conn in (realpg.connect(), twin.connect()):
        cur = conn.cursor()
        with pytest.raises(psycopg2.Error) as err:
            cur.execute(sql)
        answers.append((err.value.pgcode, err.value.pgerror))
        conn.rollback()
        cur.execute("SELECT 1")
        assert cur.fetchone() == (1,)
        conn.close()
    assert answers[0] == answers[1] and answers[0][0] == "54001"
    _still_serving(twin)


_RUNAWAY = ("SELECT count(*) FROM runaway a, runaway b, runaway c, runaway d "
            "WHERE a.x + b.x + c.x + d.x < 0")
_CANCEL_RUNAWAY = """
import sys, threading, time, psycopg2
conn = psycopg2.connect(sys.argv[1]); conn.autocommit = True
cur = conn.cursor()
cur.execute("DROP TABLE IF EXISTS runaway")
cur.execute("CREATE TABLE runaway AS SELECT generate_series(1, 300) AS x")
threading.Timer(0.5, conn.cancel).start()
started = time.monotonic()
try:
    cur.execute(sys.argv[2])
    print("no error")
except psycopg2.Error as exc:
    print(exc.pgcode, exc.pgerror.splitlines()[0])
print(time.monotonic() - started < 10)
cur.execute("SET statement_timeout = '500ms'")
try:
    cur.execute(sys.argv[2])
    print("no error")
except psycopg2.Error as exc:
    print(exc.pgcode, exc.pgerror.splitlines()[0])
cur.execute("RESET statement_timeout")
cur.execute("SELECT count(*) FROM runaway"); print(cur.fetchone()[0])
cur.execute("DROP TABLE runaway")
"""


@pytest.mark.realpg
def test_a_runaway_join_is_cancelled_and_times_out(twin, realpg):
    """A four-way cross join of 300 rows runs for minutes: a CancelRequest
    and statement_timeout stop it as they stop PostgreSQL's (the join
    loops poll the session's interrupt), and the session goes on."""
    answers = []
    for dsn in (realpg.dsn, twin.dsn):
        out = subprocess.run([sys.executable, "-c", _CANCEL_RUNAWAY, dsn, _RUNAWAY],
                             capture_output=True, text=True, timeout=60)
        answers.append(out.stdout.splitlines())
    assert answers[0] == answers[1] == [
        "57014 ERROR:  canceling statement due to user request", "True",
        "57014 ERROR:  canceling statement due to statement timeout", "300"], \
        answers
    _still_serving(twin)


def test_a_connection_polls_only_in_a_statement_loop(monkeypatch):
    """The poll after a reply is for a client in a statement loop: none
    during the startup exchange, before the connection's first two
    statements are answered, or after CREATE DATABASE (its client
    connects to the new database before it writes here again)."""
    waits: list[tuple[float, bytes]] = []
    receive = server_module._wait_and_receive
    ports: list[int] = []  # this server's: another test's connection may
    # still be reading its last message on another server's thread

    def recording(sock, buffer, poll):
        size = receive(sock, buffer, poll)
        try:
            mine = sock.getsockname()[1] in ports
        except OSError:
            mine = False
        if mine:
            waits.append((poll, bytes(buffer[:1]) if size else b""))
        return size

    monkeypatch.setattr(server_module, "_wait_and_receive", recording)
    server = TwinServer(Engine(), "127.0.0.1", 0,
                        poll=server_module.POLL_SECONDS)
    port = server.start()
    ports.append(port)
    try:
        conn = psycopg2.connect(host="127.0.0.1", port=port, user="postgres",
                                sslmode="prefer", gssencmode="disable")
        conn.autocommit = True
        cur = conn.cursor()
        for sql in ("SELECT 1", "SELECT 2", "SELECT 3",
                    "CREATE DATABASE polled", "SELECT 4"):
            cur.execute(sql)
        conn.close()
        deadline = time.monotonic() + 5
        while len(waits) < 8 and time.monotonic() < deadline:
            time.sleep(0.01)  # the Terminate, read on the server's thread
    finally:
        server.stop()
    polled = [poll > 0 for poll, _ in waits]
    kinds = [first for _, first in waits]
    # SSLRequest and the startup packet (both start with a length byte 0),
    # five queries, Terminate
    assert kinds == [b"\0", b"\0", b"Q", b"Q", b"Q", b"Q", b"Q", b"X"]
    assert polled == [False, False, False, False, True, True, False, True]


def test_polling_server_serves_fast_and_slow_clients_and_stops():
    """A twin in its own process polls its sockets after each reply
    (server.POLL_SECONDS): statements that arrive within the poll, after
    it, from two clients at once, a statement timeout and a shutdown all
    behave as with a sleeping thread. (Cancels from a client in this
    process cannot be tested here: libpq's PQcancel holds the GIL.)"""
    server = TwinServer(Engine(), "127.0.0.1", 0,
                        poll=server_module.POLL_SECONDS)
    port = server.start()
    try:
        a, b = (psycopg2.connect(host="127.0.0.1", port=port, user="postgres")
                for _ in range(2))
        a.autocommit = b.autocommit = True
        ca, cb = a.cursor(), b.cursor()
        for i in range(50):  # back to back: caught by the poll
            ca.execute("SELECT %s::int", (i,))
            cb.execute("SELECT %s::int * 2", (i,))
            assert (ca.fetchone(), cb.fetchone()) == ((i,), (i * 2,))
        time.sleep(3 * server_module.POLL_SECONDS)  # past it: a blocking recv
        ca.execute("SELECT 'after the poll'")
        assert ca.fetchone() == ("after the poll",)
        cb.execute("SET statement_timeout = '100ms'")
        with pytest.raises(psycopg2.errors.QueryCanceled):
            cb.execute("SELECT pg_sleep(5)")
        cb.execute("SELECT 1")
        assert cb.fetchone() == (1,)
    finally:
        server.stop()
    with pytest.raises(psycopg2.OperationalError):
        cb.execute("SELECT 1")  # libpq: "server closed the connection …"
    a.close()
    b.close()
