"""numeric_in's fast path (a plain decimal read by `Decimal`) gives what
the general scanner gives, for any plain decimal text: same value, same
scale, same sign of zero (`twinning/values/numeric.py`). The general
scanner is held to PostgreSQL by tests/test_values_numeric.py."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from twinning.values.numeric import _parse_numeric, parse_numeric

digits = st.text("0123456789", min_size=1, max_size=40)
plain = st.builds(lambda sign, whole, frac: sign + whole + ("." + frac if frac else ""),
                  st.sampled_from(["", "-"]), digits,
                  st.one_of(st.just(""), digits))


@settings(max_examples=500, deadline=None)
@given(text=plain)
def test_fast_path_is_the_scanner(text):
    fast, slow = parse_numeric(text), _parse_numeric(text)
    assert (str(fast), fast.is_signed()) == (str(slow), slow.is_signed())
