"""COPY … (FORMAT binary) as client libraries use it, twin against
PostgreSQL 15: psycopg 3's `cursor.copy()` with `set_types` + `write_row`
(and raw `write(bytes)` for malformed streams), asyncpg's
`copy_records_to_table` / `copy_from_table` / `copy_from_query`, and ADBC's
`adbc_ingest` (its reads are binary `COPY (query) TO STDOUT` too). Each
test observes the same things on both servers and asserts they are equal:
rows, the raw bytes of binary COPY TO, errors' SQLSTATE, message, detail
and CONTEXT.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import io
import itertools
import struct
import uuid
from decimal import Decimal
from typing import Callable, Iterator

import psycopg
import pytest
from psycopg.types.json import Json, Jsonb

from tests.differential.harness import postgres_database
from twinning.bootstrap import compile_schema
from twinning.server import TwinServer
from twinning.session import Engine
from twinning.state import CommittedState

pytestmark = pytest.mark.realpg

SCHEMA = """
CREATE TABLE kinds (id int PRIMARY KEY, i2 smallint, i8 bigint,
  n numeric(12,3), t text, v varchar(5), b boolean, f8 double precision,
  f4 real, d date, ts timestamp, tz timestamptz, iv interval, u uuid,
  by bytea, j json, jb jsonb, ia int[], ta text[],
  c int NOT NULL DEFAULT 5 CHECK (c > 0));
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id),
  note text DEFAULT 'dflt');
CREATE TABLE small (id int PRIMARY KEY, big bigint, x double precision,
  s text, ok boolean, d date, ts timestamp, tz timestamptz, raw bytea);
"""
COLUMNS = ("id", "i2", "i8", "n", "t", "v", "b", "f8", "f4", "d", "ts", "tz",
           "iv", "u", "by", "j", "jb", "ia", "ta")
TYPES = ("int4", "int2", "int8", "numeric", "text", "varchar", "bool",
         "float8", "float4", "date", "timestamp", "timestamptz", "interval",
         "uuid", "bytea", "json", "jsonb", "int4[]", "text[]")
UTC = dt.timezone.utc
ROW = (1, -2, 9_000_000_000, Decimal("12.345"), "héllo\ttab\n", "abc", True,
       1.5, 2.25, dt.date(2024, 1, 2), dt.datetime(2024, 1, 2, 3, 4, 5, 6),
       dt.datetime(2024, 6, 1, 12, 0, tzinfo=UTC),
       dt.timedelta(days=3, seconds=5, microseconds=7),
       uuid.UUID("12345678-1234-5678-1234-567812345678"), b"\x00\xff\\",
       {"a": [1, "x"]}, {"b": None, "a": 2.5}, [1, None, 3], ["x", "y z", None])
_NAMES = (f"copy_binary_{i}" for i in itertools.count())


@contextlib.contextmanager
def _twin() -> Iterator[str]:
    catalog, _ = compile_schema(SCHEMA, "<copy binary schema>")
    server = TwinServer(Engine(CommittedState.empty(catalog, SCHEMA)),
                        "127.0.0.1", 0)
    server.start()
    try:
        yield f"host={server.host} port={server.port} user=postgres dbname=postgres"
    finally:
        server.stop()


@contextlib.contextmanager
def _postgres(realpg) -> Iterator[str]:
    name = next(_NAMES)
    with postgres_database(realpg, SCHEMA, name):
        yield (f"host={realpg.host} port={realpg.port} user={realpg.user} "
               f"dbname={name}")


def _same(realpg, observe: Callable[[str], object]) -> object:
    """observe(dsn) on PostgreSQL and on the twin: equal, and returned."""
    with _postgres(realpg) as dsn:
        expected = observe(_setup(dsn))
    with _twin() as dsn:
        got = observe(_setup(dsn))
    assert got == expected
    return expected


def _setup(dsn: str) -> str:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("INSERT INTO parent VALUES (1), (2)")
    return dsn


def _error(exc: psycopg.Error) -> tuple:
    d = exc.diag
    return (d.sqlstate, d.message_primary, d.message_detail, d.context)


def _rows(conn: psycopg.Connection, sql: str) -> list:
    return conn.execute(sql).fetchall()


# ------------------------------------------------------------ psycopg 3

def _psycopg_round_trip(dsn: str) -> dict:
    out: dict = {}
    with psycopg.connect(dsn, autocommit=True) as conn:
        cur = conn.cursor()
        cols = ", ".join(COLUMNS)
        with cur.copy(f"COPY kinds ({cols}) FROM STDIN (FORMAT binary)") as copy:
            copy.set_types(list(TYPES))
            row = list(ROW)
            row[15], row[16] = Json(ROW[15]), Jsonb(ROW[16])
            copy.write_row(row)
            copy.write_row([2] + [None] * (len(COLUMNS) - 1))
            copy.write_row([3, 0, -1, Decimal("-0.5"), "", "", False, -0.0,
                            float("inf"), dt.date(1999, 12, 31),
                            dt.datetime(1, 1, 1), dt.datetime(2000, 1, 1, tzinfo=UTC),
                            dt.timedelta(0), uuid.UUID(int=0), b"", Json([]),
                            Jsonb("s"), [], []])
        out["tag"] = cur.statusmessage
        out["rowcount"] = cur.rowcount
        out["select"] = _rows(conn, "SELECT * FROM kinds ORDER BY id")
        out["select_binary"] = conn.cursor(binary=True).execute(
            "SELECT * FROM kinds ORDER BY id").fetchall()
        with cur.copy("COPY kinds TO STDOUT (FORMAT binary)") as copy:
            out["raw"] = b"".join(bytes(b) for b in copy)
        with cur.copy(f"COPY kinds ({cols}) TO STDOUT (FORMAT binary)") as copy:
            copy.set_types(list(TYPES))
            out["read_rows"] = list(copy.rows())
        with cur.copy("COPY (SELECT id, t, ia FROM kinds WHERE id < 3 ORDER BY id) "
                      "TO STDOUT (FORMAT binary)") as copy:
            copy.set_types(["int4", "text", "int4[]"])
            out["query_rows"] = list(copy.rows())
        with cur.copy("COPY (SELECT 1 WHERE false) TO STDOUT (FORMAT binary)") as copy:
            out["empty"] = [bytes(b) for b in copy]
        with cur.copy("COPY kinds (id, c) TO STDOUT (FORMAT binary)") as copy:
            out["partial"] = [bytes(b) for b in copy]
    return out


def test_psycopg_write_row_every_type(realpg):
    seen = _same(realpg, _psycopg_round_trip)
    assert seen["rowcount"] == 3 and len(seen["read_rows"]) == 3
    assert seen["read_rows"][0][:4] == (1, -2, 9_000_000_000, Decimal("12.345"))
    assert seen["select"][0][-1] == 5  # the default of the unlisted column
    assert seen["raw"].startswith(b"PGCOPY\n\xff\r\n\x00") and \
        seen["raw"].endswith(b"\xff\xff")


SIG = b"PGCOPY\n\xff\r\n\x00"
HEADER = SIG + struct.pack(">ii", 0, 0)
TRAILER = struct.pack(">h", -1)


def _tuple(*fields: bytes | None) -> bytes:
    out = struct.pack(">h", len(fields))
    for f in fields:
        out += struct.pack(">i", -1) if f is None else struct.pack(">i", len(f)) + f
    return out


def _i4(v: int) -> bytes:
    return struct.pack(">i", v)


# (COPY statement, CopyData payloads): malformed streams and refused rows
RAW_CASES = {
    "bad_signature": ("COPY child FROM STDIN (FORMAT binary)",
                      [b"PGCOPY\n\xff\r\n\x01" + bytes(8) + TRAILER]),
    "text_for_binary": ("COPY child FROM STDIN (FORMAT binary)", [b"1\t1\tx\n"]),
    "missing_flags": ("COPY child FROM STDIN (FORMAT binary)", [SIG]),
    "with_oids": ("COPY child FROM STDIN (FORMAT binary)",
                  [SIG + struct.pack(">ii", 1 << 16, 0) + TRAILER]),
    "critical_flag": ("COPY child FROM STDIN (FORMAT binary)",
                      [SIG + struct.pack(">ii", 1 << 20, 0) + TRAILER]),
    "missing_length": ("COPY child FROM STDIN (FORMAT binary)", [SIG + bytes(4)]),
    "wrong_length": ("COPY child FROM STDIN (FORMAT binary)",
                     [SIG + struct.pack(">ii", 0, 9) + b"abc"]),
    "header_extension": ("COPY child FROM STDIN (FORMAT binary)",
                         [SIG + struct.pack(">ii", 0, 3) + b"ext"
                          + _tuple(_i4(7), _i4(1), b"e") + TRAILER]),
    "field_count": ("COPY child (id, parent_id) FROM STDIN (FORMAT binary)",
                    [HEADER + _tuple(_i4(7), _i4(1)) + _tuple(_i4(8), _i4(1), b"x")]),
    "truncated_field": ("COPY child FROM STDIN (FORMAT binary)",
                        [HEADER + _tuple(_i4(7), _i4(1), b"note")[:-2]]),
    "truncated_length": ("COPY child FROM STDIN (FORMAT binary)",
                         [HEADER + _tuple(_i4(7), _i4(1), b"x")[:-7]]),
    "invalid_field_size": ("COPY child FROM STDIN (FORMAT binary)",
                           [HEADER + struct.pack(">hi", 3, -5)]),
    "int_too_long": ("COPY child FROM STDIN (FORMAT binary)",
                     [HEADER + _tuple(_i4(7), b"\0\0\0\0\1", b"x") + TRAILER]),
    "int_too_short": ("COPY child FROM STDIN (FORMAT binary)",
                      [HEADER + _tuple(b"\0\1", _i4(1), b"x") + TRAILER]),
    "bad_utf8": ("COPY child FROM STDIN (FORMAT binary)",
                 [HEADER + _tuple(_i4(7), _i4(1), b"\xc3") + TRAILER]),
    "varchar_too_long": ("COPY kinds (id, v) FROM STDIN (FORMAT binary)",
                         [HEADER + _tuple(_i4(7), b"abcdef") + TRAILER]),
    "data_after_trailer": ("COPY child FROM STDIN (FORMAT binary)",
                           [HEADER + _tuple(_i4(7), _i4(1), b"x") + TRAILER, b"z"]),
    "no_trailer": ("COPY child FROM STDIN (FORMAT binary)",
                   [HEADER + _tuple(_i4(7), _i4(1), b"x")]),
    "split_anywhere": ("COPY child (id, parent_id) FROM STDIN (FORMAT binary)",
                       [HEADER[:5], HEADER[5:] + _tuple(_i4(7), _i4(2))[:7],
                        _tuple(_i4(7), _i4(2))[7:], _tuple(_i4(8), None),
                        TRAILER]),
    "not_null": ("COPY kinds (id, c) FROM STDIN (FORMAT binary)",
                 [HEADER + _tuple(_i4(7), _i4(1)) + _tuple(_i4(8), None) + TRAILER]),
    "check": ("COPY kinds (id, c) FROM STDIN (FORMAT binary)",
              [HEADER + _tuple(_i4(7), _i4(-3)) + TRAILER]),
    "unique": ("COPY child (id) FROM STDIN (FORMAT binary)",
               [HEADER + _tuple(_i4(7)) + _tuple(_i4(8)) + _tuple(_i4(7)) + TRAILER]),
    "foreign_key": ("COPY child (id, parent_id) FROM STDIN (FORMAT binary)",
                    [HEADER + _tuple(_i4(7), _i4(1)) + _tuple(_i4(8), _i4(99))
                     + TRAILER]),
    "bad_row_after_good": ("COPY child (id, parent_id) FROM STDIN (FORMAT binary)",
                           [HEADER + _tuple(_i4(7), _i4(1)) + _tuple(_i4(7), b"\0")
                            + TRAILER]),
}


def _raw_cases(dsn: str) -> dict:
    out = {}
    with psycopg.connect(dsn, autocommit=True) as conn:
        for name, (sql, chunks) in RAW_CASES.items():
            conn.execute("DELETE FROM child")
            conn.execute("DELETE FROM kinds")
            cur = conn.cursor()
            try:
                with cur.copy(sql) as copy:
                    for chunk in chunks:
                        copy.write(chunk)
            except psycopg.Error as exc:
                outcome: object = _error(exc)
            else:
                outcome = cur.statusmessage
            out[name] = (outcome, _rows(conn, "SELECT * FROM child ORDER BY id"),
                         _rows(conn, "SELECT id, v, c FROM kinds ORDER BY id"))
    return out


def test_psycopg_malformed_streams_and_refused_rows(realpg):
    seen = _same(realpg, _raw_cases)
    assert seen["bad_signature"][0][:2] == ("22P04", "COPY file signature not recognized")
    assert seen["field_count"][0][3] == "COPY child, line 2"
    assert seen["split_anywhere"][0] == "COPY 2"
    assert seen["foreign_key"][0][0] == "23503"


OPTION_CASES = [
    "COPY child TO STDOUT (FORMAT binary, DELIMITER ',')",
    "COPY child FROM STDIN (FORMAT binary, NULL 'x')",
    "COPY child FROM STDIN (FORMAT binary, HEADER)",
    "COPY child TO STDOUT (FORMAT binary, HEADER match)",
    "COPY child TO STDOUT (FORMAT binary, QUOTE '\"')",
    "COPY child FROM STDIN (FORMAT binary, ESCAPE '\"')",
    "COPY child TO STDOUT (FORMAT binary, FORCE_QUOTE *)",
    "COPY child FROM STDIN (FORMAT binary, FORCE_NULL (note))",
    "COPY child FROM STDIN (FORMAT binary, FREEZE)",
    "COPY child TO STDOUT (FORMAT binary, ENCODING 'latin1')",
    "COPY child TO STDOUT (FORMAT binary, ENCODING 'nosuch')",
    "COPY child (nosuch) TO STDOUT (FORMAT binary)",
]


def _options(dsn: str) -> list:
    out = []
    with psycopg.connect(dsn, autocommit=True) as conn:
        for sql in OPTION_CASES:
            try:
                with conn.cursor().copy(sql) as copy:
                    if "TO STDOUT" in sql:
                        out.append([bytes(b) for b in copy])
                    else:
                        copy.write(HEADER + TRAILER)
                out.append("ok")
            except psycopg.Error as exc:
                out.append(_error(exc))
    return out


def test_binary_option_errors(realpg):
    seen = _same(realpg, _options)
    assert seen[0] == ("42601", "cannot specify DELIMITER in BINARY mode", None, None)


# ------------------------------------------------------------ asyncpg

def _asyncpg(dsn: str) -> dict:
    import asyncpg

    params = dict(p.split("=", 1) for p in dsn.split())

    async def run() -> dict:
        conn = await asyncpg.connect(host=params["host"], port=int(params["port"]),
                                     user=params["user"], database=params["dbname"])
        out: dict = {}
        try:
            records = [
                (1, -2, 9_000_000_000, Decimal("12.345"), "héllo", "abc", True, 1.5,
                 2.25, dt.date(2024, 1, 2), dt.datetime(2024, 1, 2, 3, 4, 5, 6),
                 dt.datetime(2024, 6, 1, 12, 0, tzinfo=UTC),
                 dt.timedelta(days=3, seconds=5), uuid.UUID(int=5), b"\x00\x01",
                 '{"a": 1}', '{"b": [1, 2]}', [1, None, 3], ["x", None]),
                (2,) + (None,) * (len(COLUMNS) - 1),
            ]
            out["tag"] = await conn.copy_records_to_table(
                "kinds", records=records, columns=list(COLUMNS))
            out["select"] = [tuple(r) for r in
                             await conn.fetch("SELECT * FROM kinds ORDER BY id")]
            buf = io.BytesIO()
            out["to_tag"] = await conn.copy_from_table("kinds", output=buf,
                                                       format="binary")
            out["to_bytes"] = buf.getvalue()
            buf = io.BytesIO()
            out["query_tag"] = await conn.copy_from_query(
                "SELECT id, n, ta FROM kinds ORDER BY id", output=buf, format="binary")
            out["query_bytes"] = buf.getvalue()
            buf = io.BytesIO()
            await conn.copy_from_table("kinds", columns=["id", "t", "ia"], output=buf,
                                       format="csv")
            out["csv"] = buf.getvalue()
            try:
                await conn.copy_records_to_table(
                    "child", records=[(5, 1, "a"), (5, 2, "b")])
            except asyncpg.PostgresError as exc:
                out["unique"] = (exc.sqlstate, str(exc), exc.detail,
                                 getattr(exc, "context", None))
            try:
                await conn.copy_records_to_table(
                    "kinds", records=[(9, "toolong")], columns=["id", "v"])
            except asyncpg.PostgresError as exc:
                out["too_long"] = (exc.sqlstate, str(exc),
                                   getattr(exc, "context", None))
            out["child"] = [tuple(r) for r in
                            await conn.fetch("SELECT * FROM child ORDER BY id")]
        finally:
            await conn.close()
        return out

    return asyncio.run(run())


def test_asyncpg_copy_records_and_copy_from(realpg):
    seen = _same(realpg, _asyncpg)
    assert seen["tag"] == "COPY 2" and seen["to_tag"] == "COPY 2"
    assert seen["unique"][0] == "23505" and seen["too_long"][0] == "22001"


# ------------------------------------------------------------ ADBC

def _adbc(dsn: str) -> dict:
    import pyarrow as pa
    from adbc_driver_postgresql import dbapi

    params = dict(p.split("=", 1) for p in dsn.split())
    uri = (f"postgresql://{params['user']}@{params['host']}:{params['port']}/"
           f"{params['dbname']}")
    table = pa.table({
        "id": pa.array([1, 2, 3], pa.int32()),
        "big": pa.array([2**40, None, -1], pa.int64()),
        "x": pa.array([1.5, None, -0.25], pa.float64()),
        "s": pa.array(["a", None, "ü\tz"], pa.string()),
        "ok": pa.array([True, False, None], pa.bool_()),
        "d": pa.array([dt.date(2024, 1, 2), None, dt.date(1970, 1, 1)], pa.date32()),
        "ts": pa.array([dt.datetime(2024, 1, 2, 3, 4, 5, 6), None,
                        dt.datetime(1999, 12, 31)], pa.timestamp("us")),
        "tz": pa.array([dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC), None,
                        dt.datetime(2000, 1, 1, tzinfo=UTC)],
                       pa.timestamp("us", tz="UTC")),
        "raw": pa.array([b"\x00\x01", None, b""], pa.binary()),
    })
    out: dict = {}
    with dbapi.connect(uri) as conn:
        with conn.cursor() as cur:
            out["ingested"] = cur.adbc_ingest("small", table, mode="append")
        conn.commit()
        with conn.cursor() as cur:
            cur.execute("SELECT * FROM small ORDER BY id")
            out["rows"] = cur.fetchall()
        with conn.cursor() as cur:
            try:
                cur.adbc_ingest("small", table.slice(0, 1), mode="append")
                out["duplicate"] = "ok"
            except dbapi.Error as exc:
                out["duplicate"] = (getattr(exc, "sqlstate", None),
                                    str(exc).splitlines()[0])
        conn.rollback()
    return out


def test_adbc_ingest_into_existing_table(realpg):
    pytest.importorskip("adbc_driver_postgresql")
    pytest.importorskip("pyarrow")
    seen = _same(realpg, _adbc)
    assert len(seen["rows"]) == 3
    assert seen["duplicate"][0] == "23505"


# ------------------------------------------------------------ refusals

def test_types_without_send_recv_are_refused_by_name():
    """A column type whose send/receive the twin lacks is a 0A000 naming
    it when the COPY starts, never wrong bytes (PostgreSQL would answer)."""
    with _twin() as dsn, psycopg.connect(dsn, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.FeatureNotSupported) as caught:
            with conn.cursor().copy("COPY (SELECT relacl FROM pg_class) "
                                    "TO STDOUT (FORMAT binary)") as copy:
                list(copy)
        assert caught.value.diag.message_primary == (
            "binary COPY of a column of type aclitem[] is not supported by twinning")
        assert conn.execute("SELECT 1").fetchone() == (1,)
