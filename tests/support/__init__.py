"""Test support shared by every test suite of the project.

`RealPostgres` (realpg.py) is the judge of the differential tests: a
throwaway PostgreSQL 15 server, one per test session (the `realpg` fixture
of the root conftest.py).

The helpers below run one literal through real PostgreSQL and through
twinning.values the same way, so value tests stay one line per case:
`pg_cast()` asks the server for `SELECT $lit::type` (text output as the
server printed it, plus the typsend bytes), `twin_cast()` does
parse_text + apply_typmod(explicit) + format_text + encode_binary. Both
return an `Outcome` that compares equal exactly when PostgreSQL and the
twin agree on output text and binary form, or on SQLSTATE, message,
detail, hint and context.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.support.realpg import RealPostgres, RealPostgresError, find_bindir

__all__ = ["Outcome", "RealPostgres", "RealPostgresError", "assert_same_as_pg",
           "find_bindir", "pg_assign", "pg_cast", "raw_text_connection",
           "session_settings_sql", "twin_cast"]

# typsend function of each base type (arrays use array_send).
SEND_FUNCTIONS = {
    "bool": "boolsend", "bytea": "byteasend", "int2": "int2send", "int4": "int4send",
    "int8": "int8send", "text": "textsend", "json": "json_send", "float4": "float4send",
    "float8": "float8send", "bpchar": "bpcharsend", "varchar": "varcharsend",
    "date": "date_send", "time": "time_send", "timestamp": "timestamp_send",
    "timestamptz": "timestamptz_send", "interval": "interval_send",
    "numeric": "numeric_send", "uuid": "uuid_send", "jsonb": "jsonb_send",
}


@dataclass(frozen=True)
class Outcome:
    """What one literal produced: output text and send bytes, or an error."""

    ok: bool
    text: str | None = None
    binary: bytes | None = None
    sqlstate: str | None = None
    message: str | None = None
    detail: str | None = None
    hint: str | None = None
    context: str | None = None

    def __str__(self) -> str:
        if self.ok:
            return f"OK {self.text!r} {self.binary.hex() if self.binary else ''}"
        return (f"ERROR {self.sqlstate} {self.message!r} detail={self.detail!r} "
                f"hint={self.hint!r} context={self.context!r}")


def raw_text_connection(server: RealPostgres):
    """An autocommit psycopg2 connection whose results are the server's raw
    text (no Python conversion), with the session settings the value
    layer's DEFAULT_SETTINGS describe."""
    import psycopg2.extensions as ext

    conn = server.connect()
    with conn.cursor() as cur:
        cur.execute("SELECT oid FROM pg_type WHERE typtype IN ('b', 'p') "
                    "AND oid < 10000")
        oids = tuple(row[0] for row in cur.fetchall())
    # Array types are base types too, so they stay raw text as well.
    ext.register_type(ext.new_type(oids, "RAWTEXT", lambda value, cursor: value), conn)
    with conn.cursor() as cur:
        cur.execute(session_settings_sql())
    return conn


def session_settings_sql(datestyle: str = "ISO, MDY", intervalstyle: str = "postgres",
                         timezone: str = "UTC", extra_float_digits: int = 1) -> str:
    return (f"SET DateStyle = '{datestyle}'; SET IntervalStyle = '{intervalstyle}'; "
            f"SET TimeZone = '{timezone}'; SET extra_float_digits = {extra_float_digits}")


def _bytea(text: str) -> bytes:
    assert text.startswith("\\x"), text
    return bytes.fromhex(text[2:])


def _pg_error(exc) -> Outcome:
    """PostgreSQL's error (a psycopg2.Error) as an Outcome."""
    diag = exc.diag
    return Outcome(False, sqlstate=exc.pgcode, message=diag.message_primary,
                   detail=diag.message_detail, hint=diag.message_hint,
                   context=diag.context)


def pg_cast(conn, literal: str, type_sql: str, send: str | None) -> Outcome:
    """`SELECT literal::type_sql` (and its typsend bytes) on real PostgreSQL."""
    import psycopg2

    with conn.cursor() as cur:
        try:
            if send:
                cur.execute(f"SELECT x, {send}(x) FROM (SELECT %s::{type_sql} AS x) s",
                            (literal,))
                text, binary = cur.fetchone()
                return Outcome(True, text, _bytea(binary))
            cur.execute(f"SELECT %s::{type_sql}", (literal,))
            return Outcome(True, cur.fetchone()[0])
        except psycopg2.Error as exc:
            return _pg_error(exc)


def twin_cast(t, literal: str, settings=None, send: bool = True,
              explicit: bool = True) -> Outcome:
    """The same literal through twinning.values."""
    from twinning.errors import SqlError
    from twinning.values import (
        DEFAULT_SETTINGS, apply_typmod, encode_binary, format_text, parse_text,
    )

    settings = settings or DEFAULT_SETTINGS
    try:
        value = apply_typmod(t, parse_text(t, literal, settings), explicit=explicit)
        text = format_text(t, value, settings)
        return Outcome(True, text, encode_binary(t, value) if send else None)
    except SqlError as exc:
        return Outcome(False, sqlstate=exc.sqlstate, message=exc.message,
                       detail=exc.detail, hint=exc.hint, context=exc.where)


def pg_assign(conn, literal: str, type_sql: str) -> Outcome:
    """INSERT the literal into a temp column of type_sql (assignment
    coercion, as for an INSERT or COPY) and return the stored text."""
    import psycopg2

    table = "assign_" + "".join(c if c.isalnum() else "_" for c in type_sql)
    with conn.cursor() as cur:
        try:
            cur.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (c {type_sql})")
            cur.execute(f"INSERT INTO {table} VALUES (%s) RETURNING c", (literal,))
            return Outcome(True, cur.fetchone()[0])
        except psycopg2.Error as exc:
            return _pg_error(exc)


_CONN_SETTINGS: dict[int, tuple] = {}


def _settings_key(settings) -> tuple:
    return (settings.datestyle, settings.intervalstyle, settings.timezone,
            settings.extra_float_digits)


def assert_same_as_pg(conn, t, literal: str, settings=None,
                      type_sql: str | None = None) -> Outcome:
    """The differential check of one literal of type t (a SqlType).

    Output text (or the error) must match PostgreSQL exactly; for accepted
    input the twin's typsend bytes must equal PostgreSQL's and decoding
    PostgreSQL's bytes must give back a value that re-encodes identically.
    """
    from twinning.values import DEFAULT_SETTINGS, decode_binary, encode_binary

    settings = settings or DEFAULT_SETTINGS
    key = _settings_key(settings)
    if _CONN_SETTINGS.get(id(conn)) != key:
        with conn.cursor() as cur:
            cur.execute(session_settings_sql(*key))
        _CONN_SETTINGS[id(conn)] = key
    send = "array_send" if t.is_array else SEND_FUNCTIONS[t.name]
    pg = pg_cast(conn, literal, type_sql or t.display(), send)
    twin = twin_cast(t, literal, settings)
    assert twin == pg, f"\n  literal: {literal!r}\n  pg:   {pg}\n  twin: {twin}"
    if pg.ok:
        decoded = decode_binary(t, pg.binary)
        assert encode_binary(t, decoded) == pg.binary
    return pg
