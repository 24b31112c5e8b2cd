"""`--journal FILE`: a twin killed with SIGKILL restarts from its journal
with exactly the committed state. The real CLI in subprocesses, real
clients (psycopg2; psycopg 3 for a COPY left unfinished), the hash of the
snapshot a clean shutdown writes after the same commits as the judge.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import psycopg
import psycopg2
import pytest

from twinning import schemas

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "deals" / "schema.sql"
TWINNING = [sys.executable, "-m", "twinning.cli"]


def _twinning(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*TWINNING, *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


class Served:
    """`twinning postgres … --serve` in a subprocess."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [*TWINNING, "postgres", "--port", "0", "--serve", "--json", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        line = self.proc.stderr.readline()
        found = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
        if found is None:
            self.proc.kill()
            raise AssertionError(line + self.proc.stderr.read())
        self.port = int(found.group(1))

    def connect(self):
        conn = psycopg2.connect(host="127.0.0.1", port=self.port,
                                user="postgres", dbname="postgres")
        conn.autocommit = True
        return conn

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> dict:
        """SIGTERM: the report (stdout)."""
        self.proc.send_signal(signal.SIGTERM)
        out, err = self.proc.communicate(timeout=60)
        assert self.proc.returncode == 0, err
        report = json.loads(out)
        schemas.validator("twinning.v0").validate(report)
        return report

    def __enter__(self) -> Served:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def _replay(journal: Path, *base: str, snapshot: Path) -> dict:
    """Bootstrap mode over a journal: the report (snapshot written)."""
    out = _twinning("postgres", *base, "--journal", str(journal),
                    "--snapshot", str(snapshot), "--json")
    assert out.returncode == 0, out.stdout + out.stderr
    report = json.loads(out.stdout)
    schemas.validator("twinning.v0").validate(report)
    return report


def _committed_work(conn) -> None:
    """Commits of every kind, with explicit values (no clock, no random
    uuid) so two twins end in the same state."""
    cur = conn.cursor()
    cur.execute("insert into tenants (tenant_id, name, region, created_at) "
                "values (1, 'Acme', 'US', '2024-01-02 03:04:05+00'), "
                "(2, 'Globex', NULL, '2024-02-03 00:00:00+00'), "
                "(3, 'Initech', 'DE', '2024-03-04 00:00:00+00')")
    cur.execute("insert into properties values (1, 10, '1 Main St', 1200.5, "
                "'2001-05-06'), (1, 11, '2 Side St', NULL, NULL), "
                "(2, 20, 'Plaza', 99.25, '1999-12-31')")
    cur.execute(
        "insert into deals (external_ref, tenant_id, property_id, amount, "
        "rate, stage, closes_at, meeting_at, term, attributes, raw_payload, "
        "contract, tags) values "
        "('00000000-0000-0000-0000-000000000001', 1, 10, 1500.25, 0.5, "
        "'won', '2024-05-01 12:00', '09:30', '1 mon 2 days', "
        "'{\"b\": [1, 2], \"a\": null}', '{\"raw\" : true}', '\\xdeadbeef', "
        "'{x,\"y z\",NULL}'), "
        "('00000000-0000-0000-0000-000000000002', 1, 11, 0, 'NaN', 'lead', "
        "NULL, NULL, NULL, NULL, NULL, NULL, NULL), "
        "('00000000-0000-0000-0000-000000000003', 2, 20, 7.5, '-Infinity', "
        "'qualified', 'infinity', '23:59:59.999999', '-3 hours', '[]', '1', "
        "'', '{}')")
    cur.execute("update deals set amount = amount * 2 where stage = 'won'")
    cur.execute("delete from deals where stage = 'lead'")
    cur.execute("delete from properties where tenant_id = 1 and "
                "property_id = 11")
    cur.execute("begin")
    cur.execute("insert into crm.contacts (tenant_id, email) values "
                "(1, 'a@acme'), (1, 'b@acme')")
    cur.execute("savepoint s")
    cur.execute("insert into crm.contacts (tenant_id, email) values "
                "(2, 'gone@globex')")
    cur.execute("rollback to savepoint s")
    cur.execute("commit")
    cur.copy_expert("copy crm.activities from stdin",
                    _lines("1\t2024-06-01 10:00:00+00\tcall\t1\tfirst\n"
                           "1\t2024-06-02 10:00:00+00\tmail\t\\N\t\\N\n"
                           "2\t2024-06-03 10:00:00+00\tvisit\t3\ttab\\there\n"))
    cur.execute("begin")
    cur.execute("select nextval('invoice_numbers')")  # rolled back: kept
    cur.execute("rollback")
    cur.execute("select nextval('invoice_numbers')")  # a read-only commit
    # DDL at run time: a table, its rows, a reshaping, an index, a rename
    cur.execute("create table notes (id serial primary key, body text "
                "not null, at date)")
    cur.execute("insert into notes (body, at) values ('one', '2024-01-01'), "
                "('two', NULL), ('three', '2024-03-03')")
    cur.execute("alter table notes add column weight int default 5")
    cur.execute("create unique index notes_body on notes (body)")
    cur.execute("alter table notes rename to memos")
    cur.execute("update memos set weight = 9 where id = 2")
    cur.execute("create table scratch as select tenant_id, name from tenants")
    cur.execute("truncate scratch")
    cur.execute("insert into scratch values (7, 'seven')")
    cur.execute("create temp table tmp (x int)")  # never journaled
    cur.execute("insert into tmp values (1)")


def _lines(text: str):
    import io
    return io.StringIO(text)


def _clean_hash(tmp_path: Path) -> str:
    """The snapshot hash a clean shutdown writes after `_committed_work`."""
    snap = tmp_path / "clean.twin"
    with Served("--schema", str(EXAMPLE), "--snapshot", str(snap)) as twin:
        conn = twin.connect()
        _committed_work(conn)
        conn.close()
        return twin.stop()["snapshot"]["snapshot_hash"]


def _check_restarted(journal: Path, clean: str, tmp_path: Path) -> None:
    """A twin restarted from the journal: the clean run's hash, the
    committed rows and no uncommitted ones, sequences past every value
    handed out; it keeps journaling."""
    replayed = _replay(journal, "--schema", str(EXAMPLE),
                       snapshot=tmp_path / "replayed.twin")
    assert replayed["snapshot"]["snapshot_hash"] == clean
    assert replayed["journal"]["replayed"] == replayed["journal"]["records"] > 0
    assert "dropped_bytes" not in replayed["journal"]
    snap = tmp_path / "restarted.twin"
    with Served("--schema", str(EXAMPLE), "--journal", str(journal),
                "--snapshot", str(snap)) as twin:
        cur = twin.connect().cursor()
        cur.execute("select tenant_id from tenants order by 1")
        assert cur.fetchall() == [(1,), (2,), (3,)]
        cur.execute("select count(*) from crm.activities")
        assert cur.fetchone() == (3,)
        cur.execute("select id, body, weight from memos order by id")
        assert cur.fetchall() == [(1, "one", 5), (2, "two", 9),
                                  (3, "three", 5)]
        cur.execute("select * from scratch")
        assert cur.fetchall() == [(7, "seven")]
        cur.execute("select nextval('invoice_numbers'), "
                    "nextval('deals_deal_id_seq'), nextval('notes_id_seq')")
        assert cur.fetchone() == (1002, 4, 4)
        cur.execute("select to_regclass('tmp')")
        assert cur.fetchone() == (None,)
        cur.execute("insert into memos (body) values ('after restart')")
        report = twin.stop()
    assert report["journal"]["records"] == report["journal"]["replayed"] + 2
    again = _replay(journal, "--schema", str(EXAMPLE),
                    snapshot=tmp_path / "again.twin")
    assert again["snapshot"]["snapshot_hash"] == \
        report["snapshot"]["snapshot_hash"] != clean


@contextlib.contextmanager
def _killed_mid_work(tmp_path: Path):
    """A journaled twin of the example schema that did _committed_work;
    the block starts more and SIGKILLs the twin; started again from its
    journal, the twin holds the committed work alone (_check_restarted)."""
    clean = _clean_hash(tmp_path)
    journal = tmp_path / "twin.journal"
    with Served("--schema", str(EXAMPLE), "--journal", str(journal)) as twin:
        conn = twin.connect()  # kept open until the kill
        _committed_work(conn)
        yield twin
    _check_restarted(journal, clean, tmp_path)


def test_sigkill_mid_transaction(tmp_path):
    with _killed_mid_work(tmp_path) as twin:
        other = twin.connect()
        cur = other.cursor()
        cur.execute("begin")
        cur.execute("insert into tenants (tenant_id, name) values "
                    "(99, 'Uncommitted')")
        cur.execute("insert into deals (tenant_id, amount) values (99, 1)")
        cur.execute("update memos set weight = 0")
        cur.execute("create table never (a int)")
        twin.kill()


def test_sigkill_mid_copy(tmp_path):
    with _killed_mid_work(tmp_path) as twin:
        with psycopg.connect(twin.url, autocommit=True) as copier:
            with pytest.raises(psycopg.OperationalError):
                with copier.cursor().copy(
                        "copy crm.activities from stdin") as copy:
                    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
                    for i in range(20000):
                        at = start + timedelta(seconds=i)
                        copy.write(f"1\t{at.isoformat()}\tbulk\t\\N\t"
                                   f"row {i}\n")
                    time.sleep(0.5)
                    twin.kill()
                    copy.write("2\t2025-02-02 00:00:00+00\tlast\t\\N\t\\N\n")


def _small(tmp_path: Path) -> Path:
    schema = tmp_path / "small.sql"
    schema.write_text("CREATE TABLE t (id serial PRIMARY KEY, v text);\n")
    return schema


def test_concurrent_commits_replay_to_the_same_state(tmp_path):
    """Two writers at once, committing in the other order than they drew
    row ids (and indexes merged at commit): the journal replays to the
    same state, and the same heap order."""
    journal = tmp_path / "twin.journal"
    with Served("--schema", str(EXAMPLE), "--journal", str(journal)) as twin:
        a, b = twin.connect(), twin.connect()
        ca, cb = a.cursor(), b.cursor()
        ca.execute("insert into tenants (tenant_id, name, created_at) values "
                   "(1, 'one', '2024-01-01 00:00+00'), (2, 'two', '2024-01-01 00:00+00')")
        ca.execute("begin")
        ca.execute("insert into tenants (tenant_id, name, created_at) values "
                   "(10, 'A ten', '2024-01-01 00:00+00')")
        cb.execute("begin")
        cb.execute("insert into tenants (tenant_id, name, created_at) values "
                   "(20, 'B twenty', '2024-01-01 00:00+00')")
        ca.execute("update tenants set region = 'AA' where tenant_id = 1")
        cb.execute("delete from tenants where tenant_id = 2")
        ca.execute("insert into tenants (tenant_id, name, created_at) values "
                   "(11, 'A eleven', '2024-01-01 00:00+00')")
        cb.execute("commit")
        ca.execute("commit")
        ca.execute("select tenant_id, name, region from tenants")
        heap = ca.fetchall()
        assert sorted(heap) == [(1, "one", "AA"), (10, "A ten", None),
                                (11, "A eleven", None), (20, "B twenty", None)]
        twin.kill()
    with Served("--schema", str(EXAMPLE), "--journal", str(journal)) as twin:
        cur = twin.connect().cursor()
        cur.execute("select tenant_id, name, region from tenants")
        assert cur.fetchall() == heap
        cur.execute("select tenant_id from tenants where name = 'B twenty'")
        assert cur.fetchall() == [(20,)]
        cur.execute("select count(*) from tenants where name = 'two'")
        assert cur.fetchone() == (0,)


def test_torn_tail_is_dropped_then_overwritten(tmp_path):
    schema, journal = _small(tmp_path), tmp_path / "j"
    with Served("--schema", str(schema), "--journal", str(journal),
                "--journal-sync", "off") as twin:
        cur = twin.connect().cursor()
        for value in ("a", "b", "c"):
            cur.execute("insert into t (v) values (%s)", (value,))
        twin.kill()
    size = journal.stat().st_size
    os.truncate(journal, size - 3)
    report = _replay(journal, "--schema", str(schema),
                     snapshot=tmp_path / "s.twin")
    assert report["journal"]["records"] == 2
    assert report["journal"]["dropped_bytes"] > 3
    assert report["tables"]["public.t"]["rows"] == 2
    with Served("--schema", str(schema), "--journal", str(journal),
                "--snapshot", str(tmp_path / "restarted.twin")) as twin:
        cur = twin.connect().cursor()
        cur.execute("select id, v from t order by id")
        assert cur.fetchall() == [(1, "a"), (2, "b")]
        cur.execute("insert into t (v) values ('d')")
        cur.execute("select currval('t_id_seq')")
        assert cur.fetchone() == (3,)  # the dropped commit's value, again
        report = twin.stop()
    assert report["journal"]["dropped_bytes"] > 3
    assert report["journal"]["records"] == 3
    again = _replay(journal, "--schema", str(schema),
                    snapshot=tmp_path / "again.twin")
    assert "dropped_bytes" not in again["journal"]
    assert again["snapshot"]["snapshot_hash"] == \
        report["snapshot"]["snapshot_hash"]


def _refusal(out: subprocess.CompletedProcess) -> dict:
    assert out.returncode == 2, out.stdout + out.stderr
    doc = json.loads(out.stdout)
    schemas.validator("twinning.v0").validate(doc)
    return doc["refusal"]


def test_mismatched_base_is_refused(tmp_path):
    schema, journal = _small(tmp_path), tmp_path / "j"
    with Served("--schema", str(schema), "--journal", str(journal),
                "--snapshot", str(tmp_path / "s.twin")) as twin:
        twin.connect().cursor().execute("insert into t (v) values ('a')")
        twin.stop()
    other = tmp_path / "other.sql"
    other.write_text("CREATE TABLE t (id serial PRIMARY KEY, v text, w int);\n")
    refusal = _refusal(_twinning("postgres", "--schema", str(other),
                                 "--journal", str(journal), "--json"))
    assert refusal["code"] == "E_JOURNAL_BASE_MISMATCH"
    assert f"--schema {schema} --journal {journal}" in refusal["next_command"]
    assert refusal["detail"]["journal_base"]["kind"] == "schema"
    # the snapshot written after the commits is another base too
    refusal = _refusal(_twinning("postgres", "--restore",
                                 str(tmp_path / "s.twin"), "--journal",
                                 str(journal), "--json"))
    assert refusal["code"] == "E_JOURNAL_BASE_MISMATCH"
    assert journal.stat().st_size > 0  # a refused journal is left alone


def test_restore_base_and_bad_files(tmp_path):
    schema = _small(tmp_path)
    snap, journal = tmp_path / "base.twin", tmp_path / "j"
    out = _twinning("postgres", "--schema", str(schema), "--snapshot",
                    str(snap), "--json")
    assert out.returncode == 0, out.stderr
    with Served("--restore", str(snap), "--journal", str(journal)) as twin:
        twin.connect().cursor().execute("insert into t (v) values ('a')")
        twin.kill()
    report = _replay(journal, "--restore", str(snap),
                     snapshot=tmp_path / "out.twin")
    assert report["tables"]["public.t"]["rows"] == 1
    garbage = tmp_path / "garbage"
    garbage.write_text("not a journal\n")
    refusal = _refusal(_twinning("postgres", "--schema", str(schema),
                                 "--journal", str(garbage), "--json"))
    assert refusal["code"] == "E_JOURNAL_CORRUPT"
    assert garbage.read_text() == "not a journal\n"
    refusal = _refusal(_twinning("postgres", "--schema", str(schema),
                                 "--journal", str(tmp_path / "missing"),
                                 "--json"))
    assert refusal["code"] == "E_IO_READ"  # bootstrap only reads
    refusal = _refusal(_twinning("postgres", "--schema", str(schema),
                                 "--journal-sync", "off", "--json"))
    assert refusal["code"] == "E_USAGE"
    refusal = _refusal(_twinning("postgres", "--schema", str(schema),
                                 "--journal", str(journal), "--journal-sync",
                                 "always", "--json"))
    assert refusal["code"] == "E_USAGE"


@contextlib.contextmanager
def _replayed(tmp_path: Path, schema_sql: str, writes: list[str], query: str):
    """A journaled twin of SCHEMA_SQL runs WRITES and is killed; started
    again from its journal, QUERY reads the same rows there. Yields (those
    rows, a cursor on the restarted twin)."""
    schema = tmp_path / "schema.sql"
    schema.write_text(schema_sql)
    journal = tmp_path / "twin.journal"
    with Served("--schema", str(schema), "--journal", str(journal)) as twin:
        cur = twin.connect().cursor()
        for sql in writes:
            cur.execute(sql)
        cur.execute(query)
        rows = cur.fetchall()
        twin.kill()
    with Served("--schema", str(schema), "--journal", str(journal)) as twin:
        cur = twin.connect().cursor()
        cur.execute(query)
        assert cur.fetchall() == rows
        yield rows, cur


def test_partitioned_writes_replay(tmp_path):
    """Rows routed to partitions, a partition made and one attached at run
    time, a row moved across partitions: the journal replays to the same
    rows in the same partitions."""
    with _replayed(
            tmp_path,
            "CREATE TABLE m (id int NOT NULL, at date NOT NULL, PRIMARY KEY (at, id))"
            " PARTITION BY RANGE (at);\n"
            "CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2024-01-01') "
            "TO ('2024-02-01');\n",
            ["insert into m values (1, '2024-01-05'), (2, '2024-01-06')",
             "create table m2 partition of m for values from "
             "('2024-02-01') to ('2024-03-01')",
             "create table m3 (id int not null, at date not null)",
             "insert into m3 values (3, '2024-03-03')",
             "alter table m attach partition m3 for values from "
             "('2024-03-01') to ('2024-04-01')",
             "update m set at = '2024-02-02' where id = 2"],
            "select tableoid::regclass::text, id, at::text from m order by id"
    ) as (rows, cur):
        assert rows == [("m1", 1, "2024-01-05"), ("m2", 2, "2024-02-02"),
                        ("m3", 3, "2024-03-03")]
        cur.execute("insert into m values (4, '2024-03-09')")
        cur.execute("select tableoid::regclass::text from m where id = 4")
        assert cur.fetchall() == [("m3",)]


def test_composite_and_generated_columns_replay(tmp_path):
    """Composite values, stored generated columns and an ALTER TYPE that
    rewrites the stored composites: the journal replays to the same rows,
    and the restarted twin still computes the generated column."""
    with _replayed(
            tmp_path,
            "CREATE TYPE pair AS (x int, y text);\n"
            "CREATE TABLE t (id int PRIMARY KEY, p pair, "
            "twice int GENERATED ALWAYS AS (id * 2) STORED);\n",
            ["insert into t (id, p) values (1, '(1,a b)'), (2, NULL), "
             "(3, ROW(3, NULL))",
             "alter type pair add attribute z date, drop attribute x",
             "update t set p = ROW('c', '2024-01-02') where id = 2"],
            "select id, p::text, twice from t order by id") as (rows, cur):
        assert rows == [(1, '("a b",)', 2), (2, "(c,2024-01-02)", 4),
                        (3, "(,)", 6)]
        cur.execute("insert into t (id) values (4) returning twice")
        assert cur.fetchall() == [(8,)]
