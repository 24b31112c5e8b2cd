"""Round-trip properties of twinning.values, and agreement with PostgreSQL.

For every type (scalars, typmods, arrays):
- plain trees: from_plain(to_plain(v)) is v, also through canonical CBOR;
- binary: decode_binary(encode_binary(v)) is v;
- text: parse_text(format_text(v)) is v (PostgreSQL guarantees this for
  its default output settings; NaN payloads are not part of it);
- PostgreSQL agreement: v sent to the real server as a binary parameter
  is printed by the server exactly as format_text prints it, and sent back
  in binary exactly as encode_binary encodes it — also under other
  DateStyle / IntervalStyle / TimeZone / extra_float_digits settings.

"is v" means `same_value` (NaN equals NaN, -0.0 differs from 0.0, Decimal
scale counts).
"""

from __future__ import annotations

import cbor2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from property.strategies import BASE_NAMES, sql_types, values_of
from twinning.values import (
    FormatSettings, decode_binary, encode_binary, format_text, from_plain, parse_text,
    same_value, to_plain,
)

FAST = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def per_type(names=BASE_NAMES):
    """A property run for each type name (a test parameter `name`), drawing
    its examples from `data` under FAST."""
    def wrap(test):
        return pytest.mark.parametrize("name", names)(FAST(given(data=st.data())(test)))
    return wrap


def _drawn(data, name: str):
    """A type of NAME (typmods, arrays) and a value of it."""
    t = data.draw(sql_types(names=(name,)), label="type")
    return t, data.draw(values_of(t), label="value")


@per_type()
def test_plain_roundtrip(name, data):
    t, value = _drawn(data, name)
    plain = to_plain(t, value)
    assert same_value(t, from_plain(t, plain), value)
    wire = cbor2.dumps(plain, canonical=True)
    assert same_value(t, from_plain(t, cbor2.loads(wire)), value)
    # deterministic: equal values give identical bytes
    assert cbor2.dumps(to_plain(t, from_plain(t, plain)), canonical=True) == wire


@per_type()
def test_binary_roundtrip(name, data):
    t, value = _drawn(data, name)
    assert same_value(t, decode_binary(t, encode_binary(t, value)), value)


@per_type()
def test_text_roundtrip(name, data):
    t, value = _drawn(data, name)
    text = format_text(t, value)
    assert same_value(t, parse_text(t, text), value), text


# -- agreement with the real server ---------------------------------------------------

@pytest.fixture(scope="module")
def pgconn(realpg):
    psycopg = pytest.importorskip("psycopg")
    conn = psycopg.connect(realpg.dsn, autocommit=True)
    yield conn
    conn.close()


def _server_round_trip(pgconn, t, value):
    """Bind v in binary; the server's text and binary output of it."""
    data = encode_binary(t, value)
    text = pgconn.pgconn.exec_params(b"SELECT $1", [data], [t.oid], [1], 0)
    assert not text.error_message, (text.error_message, data.hex())
    binary = pgconn.pgconn.exec_params(b"SELECT $1", [data], [t.oid], [1], 1)
    return text.get_value(0, 0).decode("utf-8"), binary.get_value(0, 0)


def _apply_session(pgconn, fs: FormatSettings) -> None:
    pgconn.execute(f"SET DateStyle = '{fs.datestyle}'; SET IntervalStyle = "
                   f"'{fs.intervalstyle}'; SET TimeZone = '{fs.timezone}'; "
                   f"SET extra_float_digits = {fs.extra_float_digits}")


@pytest.mark.realpg
@per_type()
def test_output_matches_postgres(pgconn, name, data):
    t, value = _drawn(data, name)
    fs = FormatSettings()
    _apply_session(pgconn, fs)
    text, binary = _server_round_trip(pgconn, t, value)
    assert format_text(t, value, fs) == text
    assert encode_binary(t, value) == bytes(binary)


_SETTINGS = st.builds(
    FormatSettings,
    datestyle=st.sampled_from(["ISO, MDY", "ISO, DMY", "SQL, MDY", "SQL, DMY",
                               "Postgres, MDY", "Postgres, DMY", "German"]),
    intervalstyle=st.sampled_from(["postgres", "postgres_verbose", "sql_standard",
                                   "iso_8601"]),
    timezone=st.sampled_from(["UTC", "America/New_York", "Asia/Kolkata", "Europe/Moscow",
                              "Australia/Lord_Howe", "Pacific/Chatham", "Europe/Dublin",
                              "America/Sao_Paulo", "Etc/GMT-14", "Africa/Casablanca"]),
    extra_float_digits=st.sampled_from([1, 0, -4, 3]),
)


@pytest.mark.realpg
@per_type(["date", "time", "timestamp", "timestamptz", "interval", "float4", "float8"])
def test_output_matches_postgres_under_settings(pgconn, name, data):
    t, value = _drawn(data, name)
    fs = data.draw(_SETTINGS, label="settings")
    _apply_session(pgconn, fs)
    text, _ = _server_round_trip(pgconn, t, value)
    assert format_text(t, value, fs) == text
