"""jsonpath's .datetime() without a template, for the ISO forms whose
reading is certain: `yyyy-mm-dd`, `HH24:MI:SS`, each with a `TZH[:TZM]`
offset where the standard allows one, and the two joined by a space or
`T` (executeDateTimeMethod's list of formats). The value keeps its kind
(date, time/timetz, timestamp/timestamptz), prints as JsonEncodeDateTime
does (`2017-03-10T12:34:56+03:00`) and answers `.type()`.

A text outside those exact shapes, or with a field out of range, is
refused with 0A000 (PostgreSQL's parse_datetime reads more — one-digit
fields, longer years, fractions — and its errors are not all modelled),
and so are a template argument and comparisons between datetime values.
"""

from __future__ import annotations

import calendar
import re

from twinning.errors import feature_not_supported

_DATE = r"(\d{4})-(\d{2})-(\d{2})"
_TIME = r"(\d{2}):(\d{2}):(\d{2})"
_TZ = r"([+-])(\d{1,2})(?::(\d{2}))?"
_FORMS = (
    ("date", re.compile(_DATE + r"\Z")),
    ("time with time zone", re.compile(_TIME + _TZ + r"\Z")),
    ("time without time zone", re.compile(_TIME + r"\Z")),
    ("timestamp with time zone", re.compile(_DATE + r"[ T]" + _TIME + _TZ + r"\Z")),
    ("timestamp without time zone", re.compile(_DATE + r"[ T]" + _TIME + r"\Z")),
)


class JsonDatetime:
    """A datetime item: its SQL type name and its JSON text."""

    __slots__ = ("kind", "text")

    def __init__(self, kind: str, text: str) -> None:
        self.kind = kind
        self.text = text


def _refuse(text: str):
    return feature_not_supported(f'jsonpath .datetime() of "{text}" (only '
                                 "valid yyyy-mm-dd, HH24:MI:SS and their "
                                 "TZH:TZM forms)")


def parse(text: str) -> JsonDatetime:
    for kind, form in _FORMS:
        m = form.match(text)
        if m is not None:
            return _build(kind, m.groups(), text)
    raise _refuse(text)


def _build(kind: str, fields: tuple, text: str) -> JsonDatetime:
    parts = []
    i = 0
    if kind in ("date", "timestamp with time zone", "timestamp without time zone"):
        year, month, day = (int(f) for f in fields[0:3])
        if not (1 <= year and 1 <= month <= 12 and
                1 <= day <= calendar.monthrange(year, month)[1]):
            raise _refuse(text)
        parts.append(f"{fields[0]}-{fields[1]}-{fields[2]}")
        i = 3
    if kind != "date":
        hour, minute, second = (int(f) for f in fields[i:i + 3])
        if hour > 23 or minute > 59 or second > 59:
            raise _refuse(text)
        parts.append(f"{fields[i]}:{fields[i + 1]}:{fields[i + 2]}")
        i += 3
    out = "T".join(parts)
    if kind.endswith("with time zone"):
        sign, hours, minutes = fields[i:i + 3]
        hours_n, minutes_n = int(hours), int(minutes or 0)
        if hours_n > 15 or minutes_n > 59 or (hours_n == 0 and minutes_n == 0
                                               and sign == "-"):
            raise _refuse(text)
        out += f"{sign}{hours_n:02d}:{minutes_n:02d}"
    return JsonDatetime(kind, out)
