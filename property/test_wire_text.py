"""The result hot path's text encoders equal the general output functions.

`twinning/values/wire_text.py` formats the common types with C-level
helpers (`repr`, `datetime`, `%d`) and falls back to the type's output
function outside the range where they agree. For any value of the type's
storable range, under several DateStyle and TimeZone settings, the fast
encoder's bytes are the general formatter's text in UTF-8. The general
formatters are themselves held to PostgreSQL by the differential corpus.
"""

from __future__ import annotations

import math
import uuid
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from twinning.values import SqlType, formatter_for
from twinning.values.calendar import (DATE_END_JULIAN, DATE_NOBEGIN,
                                      DATE_NOEND, DATETIME_MIN_JULIAN,
                                      END_TIMESTAMP, MIN_TIMESTAMP,
                                      POSTGRES_EPOCH_JDATE, TIMESTAMP_NOBEGIN,
                                      TIMESTAMP_NOEND)
from twinning.values.settings import FormatSettings
from twinning.values.wire_text import text_encoder

SETTINGS = [FormatSettings(),
            FormatSettings(datestyle="ISO, DMY", timezone="America/New_York"),
            FormatSettings(timezone="Asia/Kolkata", extra_float_digits=3),
            FormatSettings(timezone="Australia/Lord_Howe"),
            FormatSettings(datestyle="SQL, MDY"),
            FormatSettings(extra_float_digits=0)]

_DATES = st.one_of(
    st.integers(DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE,
                DATE_END_JULIAN - POSTGRES_EPOCH_JDATE - 1),
    st.integers(-800_000, 3_000_000),  # around years 1 and 9999
    st.sampled_from([DATE_NOBEGIN, DATE_NOEND]))
_TIMESTAMPS = st.one_of(
    st.integers(MIN_TIMESTAMP, END_TIMESTAMP - 1),
    st.integers(-63_113_904_000_000_000, 252_423_993_600_000_000),
    st.integers(-10**12, 10**12),
    st.sampled_from([TIMESTAMP_NOBEGIN, TIMESTAMP_NOEND]))
_VALUES = {
    "int2": st.integers(-2**15, 2**15 - 1),
    "int4": st.integers(-2**31, 2**31 - 1),
    "int8": st.integers(-2**63, 2**63 - 1),
    "text": st.text(), "varchar": st.text(), "bpchar": st.text(),
    "bool": st.booleans(),
    "float8": st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.floats(1e-5, 1e16), st.floats(-1e16, -1e-5),
        st.integers(-2**53, 2**53).map(float),
        st.sampled_from([1e-4, 1e15, math.nextafter(1e15, 0),
                         math.nextafter(1e-4, 0), 1e23, 5e-324, -0.0])),
    "numeric": st.decimals(allow_nan=True, allow_infinity=False, places=None)
    .filter(lambda d: d.is_nan() or abs(d.adjusted()) < 1000),
    "uuid": st.uuids(),
    "date": _DATES,
    "timestamp": _TIMESTAMPS,
    "timestamptz": _TIMESTAMPS,
}


@pytest.mark.parametrize("format_settings", SETTINGS, ids=repr)
@pytest.mark.parametrize("name", sorted(_VALUES))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
@example(data=None)
def test_fast_text_is_the_output_function(name, format_settings, data):
    encode = text_encoder(name, format_settings)
    general = formatter_for(SqlType(name), format_settings)
    if data is None:  # the explicit example: the encoder exists where it should
        fast_expected = format_settings.datestyle.startswith("ISO") or \
            name not in ("date", "timestamp", "timestamptz")
        if name == "float8" and format_settings.extra_float_digits <= 0:
            fast_expected = False
        assert (encode is not None) == fast_expected
        return
    if encode is None:
        return
    value = data.draw(_VALUES[name])
    if name == "numeric" and value.is_nan():
        value = Decimal("NaN")
    if name == "uuid":
        value = uuid.UUID(int=value.int)
    assert encode(value) == general(value).encode("utf-8")
