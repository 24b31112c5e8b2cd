"""The formatting functions: to_char of date/time values and numbers,
to_number, to_date, to_timestamp(text, text) and to_timestamp(float8),
and format(); registered from `text_ops.register()`.

The template engines are `twinning.values.formatting` (dates and times),
`twinning.values.numformat` (numbers) and `twinning.values.fromchar`
(parsing); this module binds them to PostgreSQL's signatures: NULL for an
empty template or an infinite timestamp (to_char), the session's TimeZone
for timestamptz.
"""

from __future__ import annotations

import math
from typing import Sequence

from twinning.errors import SqlError
from twinning.ir import query as q
from twinning.passes.expr.registry import (FUNCTIONS, Impl, define, output)
from twinning.values import formatting as dch
from twinning.values import numformat
from twinning.values.calendar import (END_TIMESTAMP, MIN_TIMESTAMP,
                                      POSTGRES_EPOCH_JDATE, UNIX_EPOCH_JDATE)
from twinning.values.datetime import timestamptz_local
from twinning.values.identifiers import quote_ident
from twinning.values.timestamps import finite
from twinning.values.timezones import session_zone


def _ts_to_char(value: int, fmt: str) -> str | None:
    if fmt == "" or not finite(value):
        return None
    return dch.to_char_tm(fmt, dch.tm_of_timestamp(value), False)


def _tstz_to_char(settings):
    zone = session_zone(settings.timezone)

    def to_char(value: int, fmt: str) -> str | None:
        if fmt == "" or not finite(value):
            return None
        local, gmtoff, abbrev, _ = timestamptz_local(value, zone)
        tm = dch.tm_of_timestamp(local, gmtoff, abbrev)
        return dch.to_char_tm(fmt, tm, False)
    return to_char


def _interval_to_char(value, fmt: str) -> str | None:
    if fmt == "":
        return None
    tm = dch.tm_of_interval(value.months, value.days, value.micros)
    return dch.to_char_tm(fmt, tm, True)


def _to_timestamp_float(value: float) -> int:
    """to_timestamp(float8): Unix epoch seconds → timestamptz."""
    if math.isnan(value):
        raise SqlError("22008", 'timestamp cannot be NaN')
    if math.isinf(value):
        return END_TIMESTAMP * 0 + (2**63 - 1 if value > 0 else -2**63)
    lo = (MIN_TIMESTAMP // 1_000_000) + \
        (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * 86400
    hi = (END_TIMESTAMP // 1_000_000) + \
        (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * 86400
    if not (lo <= value < hi):
        raise SqlError("22008", "timestamp out of range: "
                       f'"{_float8_text(value)}"')
    seconds = value - (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * 86400
    return int(_rint(seconds * 1_000_000))


def _rint(x: float) -> float:
    return float(round(x))  # round half to even, as rint()


def _float8_text(value: float) -> str:
    text = repr(value)
    if text.endswith(".0"):
        text = text[:-2]
    if "e+" in text:
        mant, exp = text.split("e+")
        text = f"{mant}e+{int(exp):02d}"
    return text


# -- format() ------------------------------------------------------------------------

class _Format(Impl):
    """format(text, VARIADIC "any"): non-strict, each argument through its
    type's output function (text_format)."""

    def __init__(self) -> None:
        super().__init__(None, strict=False, settings=True)

    def factory(self, arg_types: Sequence[q.ResultType]):
        outs = [output(t.name) for t in arg_types[1:]]

        def make(settings):
            fns = [o(settings) for o in outs]

            def fmt(template, *values):
                if template is None:
                    return None
                texts = [None if v is None else f(v)
                         for f, v in zip(fns, values)]
                return text_format(template, texts, values)
            return fmt
        return make


def _format_error(message: str) -> SqlError:
    return SqlError("22023", message)


def _text_to_int(text: str | None, value) -> int | None:
    """A width argument's value as an int4 (NULL: no width)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _format_error("could not determine data type of format() "
                            "width argument")  # unreachable through SQL
    return value


def text_format(template: str, texts: list, values: tuple) -> str:
    """text_format() of varlena.c."""
    out: list[str] = []
    nargs = len(texts)
    arg = 0
    i, n = 0, len(template)

    def digits(pos: int) -> tuple[int, int] | None:
        if pos < n and template[pos].isdigit():
            j = pos
            val = 0
            while j < n and template[j].isdigit():
                val = val * 10 + int(template[j])
                if val > 2**31 - 1:
                    raise _format_error("number is out of range")
                j += 1
            return val, j
        return None

    def unterminated():
        return _format_error("unterminated format() type specifier")

    while i < n:
        ch = template[i]
        if ch != "%":
            out.append(ch)
            i += 1
            continue
        i += 1
        if i >= n:
            raise SqlError("22023", "unterminated format() type specifier",
                           hint='For a single "%" use "%%".')
        if template[i] == "%":
            out.append("%")
            i += 1
            continue
        # argpos$ flags width (width may be * or *n$)
        argpos = None
        left = False
        width = None
        got = digits(i)
        if got is not None:
            val, j = got
            if j < n and template[j] == "$":
                if val == 0:
                    raise _format_error("format specifies argument 0, but "
                                        "arguments are numbered from 1")
                argpos = val
                i = j + 1
            else:
                width = val
                i = j
        if width is None:
            while i < n and template[i] == "-":
                left = True
                i += 1
            if i >= n:
                raise unterminated()
            if template[i] == "*":
                i += 1
                if i >= n:
                    raise unterminated()
                got = digits(i)
                if got is not None:
                    val, j = got
                    if j >= n or template[j] != "$":
                        raise unterminated() if j >= n else \
                            _format_error(f'unrecognized format() type '
                                          f'specifier "{template[j]}"')
                    if val == 0:
                        raise _format_error("format specifies argument 0, "
                                            "but arguments are numbered "
                                            "from 1")
                    warg = val - 1
                    i = j + 1
                else:
                    warg = arg
                if warg >= nargs:
                    raise _format_error("too few arguments for format()")
                arg = warg + 1
                wvalue = values[warg]
                if wvalue is None:
                    width = None
                else:
                    if not isinstance(wvalue, int) or isinstance(wvalue, bool):
                        raise SqlError("0A000", "format() width argument "
                                       "of a non-integer type is not "
                                       "supported by twinning")
                    width = wvalue
                    if width < 0:
                        left = True
                        width = -width
                        if width > 2**31 - 1:
                            raise _format_error("number is out of range")
            else:
                got = digits(i)
                if got is not None:
                    width, i = got
            if i >= n:
                raise unterminated()
        spec = template[i]
        i += 1
        if spec not in "sIL":
            raise _format_error(f'unrecognized format() type specifier '
                                f'"{spec}"')
        if argpos is not None:
            index = argpos - 1
        else:
            index = arg
        if index >= nargs:
            raise _format_error("too few arguments for format()")
        arg = index + 1
        text = texts[index]
        if spec == "I":
            if text is None:
                raise SqlError("22004", "null values cannot be formatted "
                               "as an SQL identifier")
            text = quote_ident(text)
        elif spec == "L":
            text = "NULL" if text is None else quote_literal(text)
        elif text is None:
            text = ""
        if width is not None and len(text) < width:
            text = text.ljust(width) if left else text.rjust(width)
        out.append(text)
    return "".join(out)


def quote_literal(text: str) -> str:
    """quote_literal(): E'' when the text holds a backslash."""
    body = text.replace("'", "''")
    if "\\" in text:
        return "E'" + body.replace("\\", "\\\\") + "'"
    return "'" + body + "'"


def register() -> None:
    define("to_char(timestamp,text)", _ts_to_char)
    define("to_char(timestamptz,text)", _tstz_to_char, settings=True)
    define("to_char(interval,text)", _interval_to_char)
    define("to_char(numeric,text)", numformat.numeric_to_char)
    define("to_char(int4,text)", lambda v, f: numformat.int_to_char(v, f, 32))
    define("to_char(int8,text)", lambda v, f: numformat.int_to_char(v, f, 64))
    define("to_char(float8,text)",
           lambda v, f: numformat.float_to_char(v, f, True))
    define("to_char(float4,text)",
           lambda v, f: numformat.float_to_char(v, f, False))
    define("to_timestamp(float8)", _to_timestamp_float)
    FUNCTIONS["format(text)"] = Impl(lambda t: text_format(t, [], ()))
    FUNCTIONS["format(text,any)"] = _Format()
