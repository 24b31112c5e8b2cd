"""The delegated backend (`--backend URL`) against a throwaway PostgreSQL 15.

The README example run with `--backend` gives the same report as the
in-memory run, for the good and the buggy extractor, apart from the
fields that name the engine (`storage`, the endpoint's port) and the
values that depend on the clock (`created_at DEFAULT now()` is in the
tenants rows, so their content hash differs between any two runs):
verify results, refused-write counts, row counts, null rates and
foreign-key coverage. A construct the twin refuses is refused with the
twin's 0A000 under `--backend` too, in both protocols, and the backend's
transaction follows the refusal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import psycopg2
import pytest

from twinning import schemas
from twinning.backend import BackendDatabase
from twinning.backend_link import BackendConnection, _Counters
from tests.support.replay import engine_of
from tests.support.twin import serving

pytestmark = pytest.mark.realpg

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "deals"
REFUSED = "SELECT * FROM tenants TABLESAMPLE SYSTEM (50)"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PG") and k != "DATABASE_URL"}
    env["TWINNING_WARM"] = "0"
    return env


def _trace(path: Path) -> list[dict]:
    """The trace lines without the session's process id."""
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    for line in lines:
        line.pop("session")
    return lines


def _run(tmp_path: Path, extractor: str, *extra: str) -> tuple[int, dict, str]:
    report = tmp_path / f"report-{len(list(tmp_path.iterdir()))}.json"
    done = subprocess.run(
        [sys.executable, "-m", "twinning.cli", "postgres", "--schema",
         str(EXAMPLE / "schema.sql"), "--verify",
         str(EXAMPLE / "rules.verify.json"), "--port", "0", "--run",
         f"{sys.executable} examples/deals/{extractor}", "--report",
         str(report), *extra],
        capture_output=True, text=True, timeout=300, cwd=ROOT, env=_env())
    assert report.exists(), done.stderr + done.stdout
    return done.returncode, json.loads(report.read_text()), done.stderr


def _comparable(report: dict) -> dict:
    """The report without what names the engine or depends on the clock."""
    out = dict(report)
    for key in ("storage", "port", "snapshot"):
        out.pop(key, None)
    verify = json.loads(json.dumps(out.get("verify")))
    if verify:
        verify["bindings"]["public.tenants"].pop("content_hash")
        out["verify"] = verify
    return out


def _drop(realpg, name: str) -> None:
    with psycopg.connect(realpg.url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.parametrize("extractor, code", [("extract.py", 0),
                                             ("extract_buggy.py", 1)])
def test_readme_example_reports_as_in_memory(realpg, tmp_path, extractor,
                                             code):
    twin_trace = tmp_path / "twin-trace.jsonl"
    twin_code, twin, _ = _run(tmp_path, extractor, "--trace", str(twin_trace))
    snapshot = tmp_path / "backend.twin"
    trace = tmp_path / "trace.jsonl"
    backend_code, backend, stderr = _run(
        tmp_path, extractor, "--backend", realpg.url, "--trace", str(trace),
        "--snapshot", str(snapshot))
    try:
        assert (twin_code, backend_code) == (code, code), stderr
        schemas.validator("twinning.v0").validate(backend)
        assert _comparable(backend) == _comparable(twin)
        assert backend["storage"]["backend"].startswith("PostgreSQL 15")
        assert twin["verify"]["outcome"] == ("PASS" if code == 0 else "FAIL")
        if code:  # the buggy extractor's refused writes were counted
            assert any(twin["constraints"].values())
        # the same trace: statements, the twin's stages and plans, and
        # PostgreSQL's outcomes equal to the twin's
        lines = _trace(trace)
        assert len(lines) > 50 and lines == _trace(twin_trace)
        # the streamed snapshot restores into a twin with the same rows
        inspect = subprocess.run(
            [sys.executable, "-m", "twinning.cli", "snapshot", "inspect",
             str(snapshot), "--json"], capture_output=True, text=True,
            cwd=ROOT, env=_env(), timeout=120)
        tables = json.loads(inspect.stdout)["tables"]
        assert tables == {name: info["rows"]
                          for name, info in twin["tables"].items()}
    finally:
        _drop(realpg, backend["storage"]["database"])


@pytest.fixture
def backend_server(realpg):
    schema = (EXAMPLE / "schema.sql").read_text()
    engine = engine_of(schema)
    database = BackendDatabase(realpg.url, schema)
    counters = _Counters()
    engine.wrap_connection = lambda conn: BackendConnection(
        conn, engine, database.conninfo, counters)
    try:
        with serving(engine) as twin:
            yield twin, database, counters
    finally:
        _drop(realpg, database.name)


def test_a_refused_construct_is_refused_with_0a000(backend_server):
    server, database, counters = backend_server
    conn = psycopg2.connect(host=server.host, port=server.port,
                            user="postgres", dbname="postgres")
    try:
        with conn.cursor() as cur:
            cur.execute("insert into tenants (tenant_id, name) values (1, 'a')")
            with pytest.raises(psycopg2.errors.FeatureNotSupported) as caught:
                cur.execute(REFUSED)
            assert "TABLESAMPLE" in str(caught.value)
            # the refusal aborted the backend's transaction as the twin's
            with pytest.raises(psycopg2.errors.InFailedSqlTransaction):
                cur.execute("select 1")
        conn.rollback()  # the insert went with the block
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("select count(*) from tenants")
            assert cur.fetchone() == (0,)
            with pytest.raises(psycopg2.errors.UniqueViolation):
                cur.execute("insert into tenants (tenant_id, name) values "
                            "(4, 'd'), (5, 'd')")
    finally:
        conn.close()
    assert counters.refused == {"23505": 1}


# Each answer as (SQLSTATE or None, rows): what a client sees.
SCRIPT = [
    "select nextval('invoice_numbers'); " + REFUSED + "; select 1",
    "select nextval('invoice_numbers')",
    "begin",
    "select nextval('invoice_numbers')",
    "select nextval('invoice_numbers') as n, 1/0",
    "select 1",
    "rollback",
    "select nextval('invoice_numbers'); select * from tenants for update "
    "skip locked; select 2",
    "insert into tenants (tenant_id, name) values (1, 'x') returning name",
    "select 3; create rule r as on insert to tenants do nothing",
    "select name from tenants",
]


def _answers(host: str, port: int) -> list:
    out = []
    conn = psycopg2.connect(host=host, port=port, user="postgres",
                            dbname="postgres")
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            for sql in SCRIPT:
                try:
                    cur.execute(sql)
                    out.append((None, cur.fetchall() if cur.description
                                else cur.statusmessage))
                except psycopg2.Error as exc:
                    out.append((exc.pgcode, exc.pgerror))
    finally:
        conn.close()
    return out


def _from_in_memory_twin(answers) -> list:
    """answers(host, port) of an in-memory twin of the example schema
    (started empty, stopped afterwards): what the backend must answer."""
    with serving(engine_of((EXAMPLE / "schema.sql").read_text())) as twin:
        return answers(twin.host, twin.port)


def test_refusals_answer_as_the_in_memory_twin(backend_server):
    """The same statements, refused ones among them, answered by the
    in-memory twin and through the backend: the same answers."""
    server, _, _ = backend_server
    expected = _from_in_memory_twin(_answers)
    assert any(code == "0A000" for code, _ in expected)
    assert _answers(server.host, server.port) == expected


def test_extended_protocol_and_refusal(backend_server):
    server, database, _ = backend_server
    with psycopg.connect(host=server.host, port=server.port, user="postgres",
                         dbname="postgres", autocommit=True) as conn:
        conn.execute("insert into tenants (tenant_id, name) values (%s, %s)",
                     (7, "seven"))
        assert conn.execute("select name from tenants where tenant_id = %s",
                            (7,)).fetchall() == [("seven",)]
        with pytest.raises(psycopg.errors.FeatureNotSupported):
            conn.execute(REFUSED + " WHERE tenant_id = %s", (7,))
        assert conn.execute("select count(*) from tenants").fetchone() == (1,)
    with psycopg.connect(database.conninfo) as direct:  # the data is there
        assert direct.execute("select name from tenants").fetchall() == \
            [("seven",)]


def _psycopg3_answers(host: str, port: int) -> list:
    """COPY both ways, named prepared statements, a pipeline (Flush
    without Sync), an error inside a pipeline, a refusal: the answers."""
    out: list = []
    with psycopg.connect(host=host, port=port, user="postgres",
                         dbname="postgres", autocommit=True) as conn:
        with conn.cursor() as cur:
            with cur.copy("COPY tenants (tenant_id, name) FROM STDIN") as copy:
                for i in range(1, 200):
                    copy.write_row((i, f"t{i}"))
            out.append(cur.statusmessage)
            chunks = []
            with cur.copy("COPY (SELECT tenant_id, name FROM tenants "
                          "ORDER BY 1 LIMIT 5) TO STDOUT") as copy:
                for data in copy:
                    chunks.append(bytes(data))
            out.append(b"".join(chunks))
            for i in (3, 4, 5):
                cur.execute("select name from tenants where tenant_id = %s",
                            (i,), prepare=True)
                out.append(cur.fetchall())
            try:
                with conn.pipeline():
                    cur.execute("update tenants set region = %s where "
                                "tenant_id < %s", ("EU", 10))
                    cur.execute("select count(*) from tenants where "
                                "region = %s", ("EU",))
                    out.append(cur.fetchall())
                    cur.execute("insert into tenants (tenant_id, name) "
                                "values (%s, %s)", (1, "dup"))
                    cur.execute("select 1")
            except psycopg.Error as exc:
                out.append(exc.sqlstate)
            try:
                cur.execute(REFUSED)
            except psycopg.Error as exc:
                out.append((exc.sqlstate, str(exc)))
            cur.execute("select count(*), count(region) from tenants")
            out.append(cur.fetchall())
    return out


def test_copy_prepared_and_pipelines_answer_as_the_in_memory_twin(
        backend_server):
    server, _, _ = backend_server
    expected = _from_in_memory_twin(_psycopg3_answers)
    assert "23505" in expected
    assert _psycopg3_answers(server.host, server.port) == expected


def _until(sock, code: bytes, timeout: float = 10.0) -> list:
    """Backend messages read until one of type `code` (raw sockets)."""
    from twinning.wire.messages import decode_backend_stream
    sock.settimeout(timeout)
    data = b""
    while True:
        data += sock.recv(1 << 16)
        messages, pos = [], 0
        while pos + 5 <= len(data):
            length = int.from_bytes(data[pos + 1:pos + 5], "big")
            if pos + 1 + length > len(data):
                break
            messages.append(data[pos:pos + 1 + length])
            pos += 1 + length
        if any(m[:1] == code for m in messages):
            return decode_backend_stream(data)


def test_extended_messages_are_answered_at_flush_and_sync(backend_server):
    """PostgreSQL sends an extended-protocol answer at Flush or Sync only:
    messages sent alone are forwarded without waiting for theirs."""
    import socket
    from twinning.wire.messages import (Bind, Execute, Flush, Parse,
                                        StartupMessage, Sync)
    server, _, _ = backend_server
    with socket.create_connection((server.host, server.port)) as sock:
        sock.sendall(StartupMessage(params=(("user", "postgres"),
                                            ("database", "postgres"))).encode())
        _until(sock, b"Z")
        sock.sendall(Parse("", "select $1::int + 1").encode())
        sock.sendall(Bind("", "", (), (b"41",)).encode()
                     + Execute("").encode())
        sock.sendall(Flush().encode())
        answers = _until(sock, b"C")
        assert [type(m).__name__ for m in answers] == \
            ["ParseComplete", "BindComplete", "DataRow", "CommandComplete"]
        assert answers[2].values == (b"42",)
        sock.sendall(Parse("", "select * from tenants tablesample system (1)"
                           ).encode() + Bind("", "").encode())
        sock.sendall(Execute("").encode() + Sync().encode())
        answers = _until(sock, b"Z")
        assert [type(m).__name__ for m in answers] == \
            ["ErrorResponse", "ReadyForQuery"]
        assert answers[0].field("C") == "0A000"


_CANCEL_CLIENT = """
import sys, threading, time, psycopg2
conn = psycopg2.connect(sys.argv[1])
threading.Timer(0.5, conn.cancel).start()
started = time.monotonic()
try:
    conn.cursor().execute("SELECT pg_sleep(30)")
    print("no error")
except psycopg2.Error as exc:
    print(exc.pgcode, exc.pgerror.splitlines()[0])
print(time.monotonic() - started < 10)
conn.rollback()
cur = conn.cursor(); cur.execute("SELECT 1"); print(cur.fetchone()[0])
"""


def test_cancel_request_reaches_the_backend(backend_server):
    # The client runs in its own process: libpq's PQcancel holds the GIL
    # while it waits, which would stall the in-process server.
    server, _, _ = backend_server
    dsn = f"host={server.host} port={server.port} user=postgres dbname=postgres"
    out = subprocess.run([sys.executable, "-c", _CANCEL_CLIENT, dsn],
                         capture_output=True, text=True, timeout=60)
    assert out.stdout.splitlines() == [
        "57014 ERROR:  canceling statement due to user request", "True",
        "1"], out.stderr


def _raw_exchange(host: str, port: int, batches: list[bytes]) -> list:
    """Each batch's answer up to ReadyForQuery: message types, an error's
    SQLSTATE and message."""
    import socket
    from twinning.wire.messages import StartupMessage
    out = []
    with socket.create_connection((host, port)) as sock:
        sock.sendall(StartupMessage(params=(("user", "postgres"),
                                            ("database", "postgres"))).encode())
        _until(sock, b"Z")
        for batch in batches:
            sock.sendall(batch)
            out.append([(type(m).__name__, m.field("C"), m.field("M"))
                        if type(m).__name__ == "ErrorResponse"
                        else type(m).__name__ for m in _until(sock, b"Z")])
    return out


def test_refusals_meet_the_extended_protocol_where_the_twin_does(
        backend_server):
    """A refusal at plan time fails the Parse; one the twin's plan defers
    to when it runs (a regular expression's group under a repeating
    quantifier, whose capture PostgreSQL's engine places otherwise than
    Python's) fails the Bind, after a ParseComplete — as on the in-memory
    twin."""
    from twinning.wire.messages import Bind, Execute, Parse, Sync
    deferred = "select regexp_match('abab', '([ab]+){1,2}')"
    batches = [
        Parse("s1", deferred).encode() + Sync().encode(),
        Bind("", "s1").encode() + Execute("").encode() + Sync().encode(),
        Parse("s2", REFUSED).encode() + Bind("", "s2").encode()
        + Execute("").encode() + Sync().encode(),
        Parse("", "select 1").encode() + Bind("", "").encode()
        + Execute("").encode() + Sync().encode(),
        Parse("", deferred).encode() + Bind("", "").encode()
        + Execute("").encode() + Sync().encode(),
        Parse("", "select 2").encode() + Bind("", "").encode()
        + Execute("").encode() + Parse("", deferred).encode()
        + Bind("", "").encode() + Execute("").encode() + Sync().encode(),
    ]
    server, _, _ = backend_server
    expected = _from_in_memory_twin(lambda host, port: _raw_exchange(host, port, batches))
    assert expected[0] == ["ParseComplete", "ReadyForQuery"]
    assert expected[1][0][1] == expected[2][0][1] == "0A000"
    assert expected[4][1][1] == expected[5][5][1] == "0A000"
    assert _raw_exchange(server.host, server.port, batches) == expected


def test_the_schema_files_rows_start_the_backend(realpg, tmp_path):
    """A schema file's own INSERTs (and the sequence they advance) are in
    the backend database before the first client, as in the twin."""
    schema = tmp_path / "schema.sql"
    schema.write_text("CREATE TABLE t (id serial PRIMARY KEY, name text,\n"
                      "    up text GENERATED ALWAYS AS (upper(name)) STORED);\n"
                      "INSERT INTO t (name) VALUES ('a'), (E'tab\\there');\n")
    report = tmp_path / "report.json"
    client = tmp_path / "client.py"
    client.write_text(
        "import os, psycopg2\n"
        "c = psycopg2.connect(os.environ['DATABASE_URL'])\n"
        "c.autocommit = True\n"
        "k = c.cursor()\n"
        "k.execute(\"insert into t (name) values ('b') returning id, up\")\n"
        "assert k.fetchone() == (3, 'B')\n"
        "k.execute('select name from t order by id')\n"
        "assert k.fetchall() == [('a',), ('tab\\there',), ('b',)]\n")
    done = subprocess.run(
        [sys.executable, "-m", "twinning.cli", "postgres", "--schema",
         str(schema), "--port", "0", "--backend", realpg.url, "--run",
         f"{sys.executable} {client}", "--report", str(report)],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env=_env())
    doc = json.loads(report.read_text())
    try:
        assert done.returncode == 0 and doc["run"]["exit_code"] == 0, \
            done.stderr
        assert doc["tables"]["public.t"]["rows"] == 3
        assert f"database {doc['storage']['database']} (kept)\nnext: " \
            in done.stdout
    finally:
        _drop(realpg, doc["storage"]["database"])


def test_serve_until_a_signal_then_report(realpg, tmp_path):
    import re
    import signal
    report = tmp_path / "report.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "twinning.cli", "postgres", "--schema",
         str(EXAMPLE / "schema.sql"), "--port", "0", "--backend", realpg.url,
         "--serve", "--report", str(report)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env=_env())
    try:
        line = proc.stderr.readline()
        port = int(re.search(r":(\d+)$", line.strip()).group(1))
        conn = psycopg2.connect(host="127.0.0.1", port=port, user="postgres",
                                dbname="postgres")
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("insert into tenants (tenant_id, name) values "
                        "(1, 'a'), (2, 'b')")
            with pytest.raises(psycopg2.errors.NotNullViolation):
                cur.execute("insert into tenants (tenant_id) values (3)")
        conn.close()
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    doc = json.loads(report.read_text())
    try:
        assert proc.returncode == 0
        assert doc["mode"] == "serve"
        assert doc["tables"]["public.tenants"]["rows"] == 2
        assert doc["constraints"]["not_null_violations"] == 1
    finally:
        _drop(realpg, doc["storage"]["database"])


def test_a_big_result_streams_through(backend_server, monkeypatch):
    """Rows beyond STREAM_BYTES go out as they come, in order."""
    server, _, _ = backend_server
    sent = []
    send_now = BackendConnection._send_now
    monkeypatch.setattr(BackendConnection, "_send_now", lambda self, data: (
        sent.append(len(data)), send_now(self, data))[1])
    with psycopg.connect(host=server.host, port=server.port, user="postgres",
                         dbname="postgres", autocommit=True) as conn:
        rows = conn.execute("select g, repeat('x', 100) from "
                            "generate_series(1, 100000) g").fetchall()
        assert len(rows) == 100000 and rows[-1][0] == 100000
        assert [r[0] for r in rows[:3]] == [1, 2, 3]
        with conn.cursor() as cur, cur.copy(
                "COPY (select g from generate_series(1, 300000) g) "
                "TO STDOUT") as copy:
            data = b"".join(bytes(b) for b in copy)
        assert data.count(b"\n") == 300000
        assert conn.execute("select 7").fetchone() == (7,)
    assert len(sent) > 5 and all(size < 2 << 20 for size in sent)
