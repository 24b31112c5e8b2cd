"""Differential tests: date, time, timestamp, timestamptz and interval
against real PostgreSQL 15, under several DateStyle, IntervalStyle and
TimeZone settings. The words now/today/tomorrow/yesterday depend on the
transaction clock; the twin refuses them with 0A000 (checked separately).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support import assert_same_as_pg, twin_cast
from twinning.ir.types import (
    INTERVAL_FULL_PRECISION, INTERVAL_FULL_RANGE, SqlType, interval_typmod,
)
from twinning.values import FormatSettings
from twinning.values.dtparse import set_transaction_clock

pytestmark = pytest.mark.realpg


DATES = [
    "2024-02-29", "2023-02-29", "2024-02-30", "x", "", " ", "13/01/2024", "01/13/2024",
    "1/2/2024", "2024-1-2", "20240105", "240105", "Jan 5 2024", "5 Jan 2024",
    "January 5, 2024", "2024-Jan-05", "05-Jan-2024", "jan-05-2024", "2024.01.05",
    "2024/01/05", "12/31/99", "1/1/70", "1/1/69", "0001-01-01", "0001-01-01 BC",
    "0000-01-01", "4713-11-24 BC", "4714-11-24 BC", "4714-11-23 BC", "4714-11-01 BC",
    "4714-10-31 BC", "5874897-12-31", "5874898-01-01", "epoch", "infinity", "-infinity",
    "+infinity", " infinity ", "Infinity", "2024-01-01 12:34:56", "2024-01-01T12:34:56",
    "2024-01-01 12:34:56+05", "J2451545", "2024.366", "2023.366", "99-01-01",
    "1999-12-31 BC", "2024-13-01", "2024-00-10", "2024-01-32", "2024-04-31", "Feb 29 2023",
    "2024-01-01 PST", "2024-01-01 America/New_York", "2024-01-01 Foo/Bar", "y2024m1d5",
    "2024-01-05 allballs", "Fri 2024-01-05", "2024-01-05 Friday", "2024-01-05 at",
    "200-01-01", "10000-01-01", "99999-01-01", "2024--01-01", "2024-01-01-01", "2024-01",
    "2024", "01-2024", "   2024-01-05   ", "2024-01-05 24:00", "2024-01-05 25:00", "1 1 1",
    "a long string " * 12, "1997.351", "17.12.1997", "12.17.1997", "2024-01-05 AD",
    "2024-01-05 BC", "0-01-01", "00-01-01", "2024 Jan 5", "Jan-5-2024", "5-Jan-24",
    "24-Jan-5", "2024-Jan", "Jan 2024", "2024-01-05 epoch", "infinity 2024-01-05",
    "January", "Janua 5 2024", "2024-01-05 on", "mon 2024-01-05", "2024/13/13",
    "2024-01-05 z", "2024-01-05 +25", "2024-01-05 12:00 +15:59", "2024-01-05 12:00 +16",
    "2024-01-05 ±1", "２０２４-01-05",
    # found by fuzzing against the server
    "24202401013160", "24epoch5M", "1Y2451545epoch60", "99BC00epoch", "202401012451545",
    "2024-01-05 abc+3", "2024-01-05 12:00 <+0530>-0530", "2024-01-05 12:00 a:b5",
]


@pytest.mark.parametrize("literal", DATES)
def test_date(conn, literal):
    assert_same_as_pg(conn, SqlType("date"), literal)


TIMESTAMPS = DATES + [
    "2024-01-01 12:34:56.1234567", "2024-01-01 12:34:56.9999995", "2024-01-01 23:59:60",
    "2024-12-31 23:59:59.9999999", "2024-01-01 12:00 AM", "2024-01-01 12:00 PM",
    "2024-01-01 13:00 PM", "2024-01-01 00:30 am", "2024-01-01 04:05:06 +05:30",
    "2024-01-01 04:05:06-05", "2024-01-01 04:05:06 +0530", "2024-01-01 04:05:06+05:30:15",
    "2024-01-01 04:05:06+16", "2024-01-01 04:05:06+15:59", "2024-01-01 04:05:06 z",
    "2024-01-01 04:05:06Z", "2024-01-01 04:05:06 UTC", "2024-01-01 04:05:06 GMT",
    "2024-01-01 12:00:00 EST5EDT", "2024-01-01 12:00:00 CET", "2024-07-01 12:00:00 MSK",
    "2010-07-01 12:00:00 MSK", "2024-03-10 02:30 America/New_York",
    "2024-11-03 01:30 America/New_York", "1900-01-01 America/New_York",
    "1800-01-01 00:00 America/New_York", "0001-01-01 00:00:00 Europe/Paris",
    "294276-12-31 23:59:59.999999", "294277-01-01", "4714-11-24 00:00:00 BC",
    "4714-11-23 23:59:59 BC", "2024-01-01 12:00:00.", "20240101T123456", "20240101 123456",
    "2024-01-01T12:34:56.789+01:00", "2024-01-01 12:34:56 America/Argentina/Buenos_Aires",
    "2024-06-01 12:00 Australia/Lord_Howe", "1997-12-17 07:37:16-08",
    "Wed Dec 17 07:37:16 1997 PST", "12/17/1997 07:37:16.00 PST", "J2450000.5",
    "2024-01-01 12:00 foo", "2024-01-01 12:00 +", "2024-01-01 12:00 dst",
    "2024-01-01 12:00 CEST", "2024-01-01 12:00 CET DST", "2024-01-01 12:00 America/New_York DST",
    "2024-01-01 12:00 EST DST", "2024-01-01 12:00 utc+3", "2024-01-01 12:00 abc+3",
    "2024-01-01 12:00 america/new_york", "2024-01-01 12:00 Etc/GMT-14",
    "2024-01-01 12:00:00.5 +05:45", "1969-12-31 23:59:59.999999", "2000-01-01 00:00:00",
    "2024-01-01 T 12:00", "2024-01-01T", "2024-01-01 T12:00", "2024-01-01t12:00:00",
    "2024-01-01 12:00 h", "2024-01-01 h12 mm30", "2024-01-01 12 h", "2024-01-01 s30.5",
    "2024-01-01 12:00 epoch", "12:00", "2024-01-01 12", "2024-01-01 1230",
    "2024-01-01 123045", "2024-01-01 123045.5", "2024-01-01 12:30:45:10",
    "2024-01-01 12:3O", "2024-01-01 -12:00", "2024-01-01 12:00:00-08:00 PST",
    "2024-01-01 12:00 PST PST", "May 5 12:00 2024", "5 May 12:00:00 24",
    "2024-01-01 12:00:00.123456789012345", "2024-01-01 12:00 ago",
    "2024-01-01 12:00 LMT", "1883-11-18 12:00 America/New_York",
    "2038-01-19 03:14:08 Europe/London", "2100-07-01 12:00 Europe/London",
    "12000-07-01 12:00 Europe/London", "2024-10-27 01:30 Europe/London",
    "2024-03-31 01:30 Europe/London", "2024-04-07 02:30 Australia/Lord_Howe",
]


@pytest.mark.parametrize("literal", TIMESTAMPS)
@pytest.mark.parametrize("name", ["timestamp", "timestamptz"])
def test_timestamp(conn, name, literal):
    assert_same_as_pg(conn, SqlType(name), literal)


ZONE_LITERALS = [
    "2024-01-15 12:34:56.789", "2024-07-15 12:34:56", "2024-03-10 02:30", "2024-11-03 01:30",
    "2024-03-31 02:30", "2024-10-27 02:30", "1900-01-01", "1800-06-01 12:00",
    "0001-01-01", "0044-03-15 BC", "294276-12-31 23:59:59", "50000-07-01 12:00",
    "2024-06-01 12:00+02", "2024-01-01 00:00 UTC", "infinity", "epoch",
    "2024-04-07 01:45", "2024-10-06 02:15", "2011-03-27 02:30",
]
ZONES = ["America/New_York", "Asia/Kolkata", "Europe/Moscow", "Australia/Lord_Howe",
         "Europe/London", "Pacific/Chatham", "America/St_Johns", "Asia/Kathmandu", "UTC",
         "Etc/GMT+5", "Africa/Monrovia", "Europe/Amsterdam", "<+05:30>-05:30", "PST8",
         "EST5EDT", "+05:30", "ABC+3"]


@pytest.mark.parametrize("literal", ZONE_LITERALS)
@pytest.mark.parametrize("zone", ZONES)
def test_timestamptz_time_zones(conn, zone, literal):
    settings = FormatSettings(timezone=zone)
    assert_same_as_pg(conn, SqlType("timestamptz"), literal, settings)
    assert_same_as_pg(conn, SqlType("timestamp"), literal, settings)


STYLE_LITERALS = ["2024-01-05 12:34:56.5", "0044-03-15 12:00 BC", "infinity", "1/2/2024",
                  "13/01/2024", "2024-01-05", "Jan 5 2024", "02.01.2024", "5/6/7"]
DATESTYLES = ["ISO, MDY", "ISO, DMY", "ISO, YMD", "SQL, MDY", "SQL, DMY", "Postgres, MDY",
              "Postgres, DMY", "German", "German, MDY", "Postgres, YMD"]


@pytest.mark.parametrize("literal", STYLE_LITERALS)
@pytest.mark.parametrize("datestyle", DATESTYLES)
@pytest.mark.parametrize("name", ["date", "timestamp", "timestamptz"])
def test_datestyles(conn, name, datestyle, literal):
    for zone in ("UTC", "America/New_York"):
        settings = FormatSettings(datestyle=datestyle, timezone=zone)
        assert_same_as_pg(conn, SqlType(name), literal, settings)


TIMES = [
    "12:34:56.5", "24:00", "24:00:00", "24:00:01", "25:00", "allballs", "1:2:3 pm",
    "12:00 AM", "12:00 PM", "13:00 PM", "00:00", "23:59:59.9999995", "23:59:60", "12:60",
    "12:34:56.1234567", "123456", "1234", "12", "12:34:56 PST", "12:34:56+05",
    "12:34:56 America/New_York", "12:34:56 Asia/Tokyo", "12:34:56 Etc/GMT+5",
    "12:34:56 UTC", "2024-01-01 12:34:56", "2024-01-01 12:34:56 America/New_York",
    "T12:34:56", "12:34:56.", "x", "", "04:05:06.789-8", "040506", "040506.789", "0405",
    "z", "12:34 z", "12.34", "12:34:56 foo", "12:34:56 +16", "12:34:56 MSK", "1:2",
    "-12:00", "12:-1", "12:34:56.5.5", "12::34", "12:34:56 BC", "12:34:56 2024",
    "J2451545 12:00", "12:34:56 dst", "12:34:56 CET DST", "   01:02   ", "12:00 h",
    "allballs 12:00", "2024-01-01", "12:34:56-0530", "12:34:56+05:30:15", "23:59:59.999999",
    "0:0:0.000001", "11:59:59.9999999 PM", "12:00:00 pm am",
    # found by fuzzing against the server
    "2400Pzulu31", "s12:34", "12:34:56@m12:3412P", "Jan.123", "monallballst60",
    "12:00 jan.123", "hour.12360.123h", "z040506",
]


@pytest.mark.parametrize("literal", TIMES)
def test_time(conn, literal):
    assert_same_as_pg(conn, SqlType("time"), literal)


@pytest.mark.parametrize("precision", [0, 1, 3, 5, 6])
@pytest.mark.parametrize("literal", ["12:34:56.123456", "23:59:59.9999", "00:00:00.5",
                                     "12:34:56.45", "12:34:56.55"])
def test_time_precision(conn, precision, literal):
    assert_same_as_pg(conn, SqlType("time", precision), literal)


@pytest.mark.parametrize("precision", [0, 1, 2, 4, 6])
@pytest.mark.parametrize("literal", ["2024-01-01 12:34:56.123456", "2024-12-31 23:59:59.5",
                                     "1999-12-31 23:59:59.95 BC", "infinity",
                                     "294276-12-31 23:59:59.49", "2000-01-01 00:00:00.05"])
@pytest.mark.parametrize("name", ["timestamp", "timestamptz"])
def test_timestamp_precision(conn, name, precision, literal):
    assert_same_as_pg(conn, SqlType(name, precision), literal)


INTERVALS = [
    "1 year 2 months 3 days 04:05:06.5", "P1Y2M3DT4H5M6.5S", "-1 days +02:00", "1 day ago",
    "1.5 years", "1. day", "@ 1 minute", "1 day 2 hours ago", "1 day ago 2 hours", "10:00",
    "1:02:03.5", "-1:02:03", "+1:02", "1-2", "-1-2", "1-13", "3 4:05:06", "3 4:05",
    "4:05:06.123456789", "1 week", "2 weeks 3 days", "1.5 weeks", "1 millennium",
    "2 centuries", "3 decades", "0.5 months", "1 quarter", "100000000 years",
    "2147483647 days", "2147483648 days", "9223372036854775807 microseconds",
    "9223372036854775808 microseconds", "1 day 1 day", "1 hour 1 hour", "P", "PT", "P1D",
    "PT1H", "P1W", "P0002-06-07T01:30:00", "P00020607T013000", "PT1.5S", "P1.5Y", "P-1Y",
    "P1Y-2M", "P1DT", "infinity", "", "x", "1", "1.5", "-1.5", "1 2", "1 mon",
    "5 minutes 01:00", "1 microsecond", "1.5 ms", "1e3 seconds", "1 day -1 hour", "-1 day",
    "- 1 day", "+1 day", "1 days 2 days", "0", "00:00:00", "-00:00:00.5", "1 y 2 mon",
    "1 year 1 year", "178956970 years", "178956971 years", "-178956970 years 8 months",
    "1.999999999 seconds", "0.0000005 seconds", "0.0000015 seconds", "-0.0000005 seconds",
    "1.5 days", "1.5 months", "1.25 years 1.5 months", "1 decade 1 year", "2 hours 3 h",
    "@ 1 year 2 mons ago", "1:60", "1:59:60", "1:59:61", "25:00:00", "1 day 25:00:00",
    "1000000:00:00", "2562047788:00:54.775807", "2562047788:00:54.775808",
    "-2562047788:00:54.775808", "P1Y2M3W4DT5H6M7S", "P0.5Y", "PT36H", "P1-2",
    "P1-2-3T4:5:6", "P1-2-3T4:5", "PT4:5:6", "P20240101", "PT120000", "P1Y2", "PT1H2",
    "P1YT", "1 hour 30", "30 1 hour", "1 fortnight", "10 secs ago", "1.5 hours",
    "1 hour 1.5 minutes", "ago", "1 ago", "@", "1 2 3", "1:02 3", "3 1:02", "-3 -1:02",
    "1.5:00", "1:00.5", "1 day 12:00:00 ago", "01:00:00 ago", "  1 day  ", "1\tday",
    "+1 -1:00", "1 -1:00:00", "P1D1D", "P1DT1H1H", "PT1M1H", "P1M1Y",
]


@pytest.mark.parametrize("literal", INTERVALS)
def test_interval(conn, literal):
    assert_same_as_pg(conn, SqlType("interval"), literal)


INTERVAL_STYLE_LITERALS = [
    "1 year 2 months 3 days 04:05:06.5", "-1 year -2 months", "-1 days +02:00",
    "1 day ago", "-3 4:05:06", "0", "1 year 2 months", "3 4:05:06", "-1-2", "4:05",
    "-0.5 seconds", "1 sec", "-1 sec", "1 day -1 sec", "1 mon 1 day", "-1 mon", "2 hours",
    "-2 hours -3 minutes", "@ 1 min ago", "1.5 secs", "1 year -1 day",
]


@pytest.mark.parametrize("literal", INTERVAL_STYLE_LITERALS)
@pytest.mark.parametrize("style", ["postgres", "postgres_verbose", "sql_standard", "iso_8601"])
def test_interval_styles(conn, style, literal):
    assert_same_as_pg(conn, SqlType("interval"), literal, FormatSettings(intervalstyle=style))


@pytest.mark.parametrize("precision", [0, 2, 6])
@pytest.mark.parametrize("literal", ["1 day 01:02:03.456789", "-1.5 seconds", "0.5 seconds",
                                     "1 year 2.5 hours", "-0.5 seconds"])
def test_interval_precision(conn, precision, literal):
    t = SqlType("interval", interval_typmod(INTERVAL_FULL_RANGE, precision))
    assert_same_as_pg(conn, t, literal)


@pytest.mark.parametrize("literal", ["2024-01-01 today", "now 12:00", "today now"])
@pytest.mark.parametrize("name", ["date", "timestamp", "timestamptz"])
def test_clock_words_combine_as_postgres(conn, name, literal):
    """Which fields the relative words may be combined with (PostgreSQL's
    masks: 'now' is a date, a time and a zone; 'today' a date)."""
    assert_same_as_pg(conn, SqlType(name), literal)


_START = dt.datetime(2024, 3, 1, 23, 30, 15, 123456, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("name,literal,zone,expected", [
    # the transaction start is 2024-03-01 23:30:15.123456 UTC
    ("date", "now", "UTC", "2024-03-01"),
    ("date", "today", "Asia/Tokyo", "2024-03-02"),
    ("date", "tomorrow", "UTC", "2024-03-02"),
    ("date", " Yesterday ", "America/Los_Angeles", "2024-02-29"),
    ("date", "tomorrow 10:00", "UTC", "2024-03-02"),
    ("timestamp", "now", "Asia/Tokyo", "2024-03-02 08:30:15.123456"),
    ("timestamp", "today 12:30", "UTC", "2024-03-01 12:30:00"),
    ("timestamp", "yesterday", "UTC", "2024-02-29 00:00:00"),
    ("timestamptz", "now", "Asia/Tokyo", "2024-03-02 08:30:15.123456+09"),
    ("timestamptz", "today", "Asia/Tokyo", "2024-03-02 00:00:00+09"),
    ("timestamptz", "tomorrow 00:00+02", "UTC", "2024-03-01 22:00:00+00"),
    ("time", "now", "Asia/Tokyo", "08:30:15.123456"),
])
def test_clock_words_read_the_transaction_start(name, literal, zone, expected):
    """GetCurrentTimeUsec(): the transaction's start, in the session zone."""
    set_transaction_clock(_START)
    try:
        outcome = twin_cast(SqlType(name), literal, FormatSettings(timezone=zone))
    finally:
        set_transaction_clock(None)
    assert outcome.ok and outcome.text == expected, outcome


def _interval_typmod(fields: int, precision: int = INTERVAL_FULL_PRECISION) -> int:
    return interval_typmod(fields, precision)


_Y, _MO, _D, _H, _MI, _S = 1 << 2, 1 << 1, 1 << 3, 1 << 10, 1 << 11, 1 << 12
INTERVAL_FIELDS = [
    ("year", _Y), ("month", _MO), ("day", _D), ("hour", _H), ("minute", _MI),
    ("second", _S), ("year to month", _Y | _MO), ("day to hour", _D | _H),
    ("day to minute", _D | _H | _MI), ("day to second", _D | _H | _MI | _S),
    ("hour to minute", _H | _MI), ("hour to second", _H | _MI | _S),
    ("minute to second", _MI | _S),
]


@pytest.mark.parametrize("literal", ["1", "1.5", "1-2", "1 2", "3 4:05:06.789", "4:05",
                                     "4:05:06", "1 year 2 months 3 days 4 hours 5 minutes 6.7 s",
                                     "-1 1:00", "P1Y2M3DT4H5M6.789S", "12:34.5", "1:2"])
@pytest.mark.parametrize("fields,mask", INTERVAL_FIELDS, ids=[f[0] for f in INTERVAL_FIELDS])
def test_interval_fields(conn, fields, mask, literal):
    t = SqlType("interval", _interval_typmod(mask))
    assert t.display() == f"interval {fields}"
    assert_same_as_pg(conn, t, literal)
    if mask & _S:
        t = SqlType("interval", _interval_typmod(mask, 1))
        assert_same_as_pg(conn, t, literal)


@pytest.mark.parametrize("literal", ["-1 2:03:04", "1 2:03:04", "-1 -2:03:04", "-1-2",
                                     "-2:03", "-1 +2:03:04", "-1.5 1:00"])
def test_interval_sql_standard_input(conn, literal):
    settings = FormatSettings(intervalstyle="sql_standard")
    assert_same_as_pg(conn, SqlType("interval"), literal, settings)


@pytest.mark.parametrize("literal", ["2024-01-05 12:00 abc5def", "2024-07-05 12:00 xyz3uvw2",
                                     "2024-07-05 12:00 est5edt4"])
def test_posix_dst_zone_specs_are_refused(conn, literal):
    """PostgreSQL accepts POSIX zone specs with daylight rules as zone names;
    the twin only implements the rule-less ones and refuses the rest."""
    from tests.support import pg_cast

    assert pg_cast(conn, literal, "timestamptz", None).ok
    outcome = twin_cast(SqlType("timestamptz"), literal)
    assert not outcome.ok and outcome.sqlstate == "0A000"
