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

from twinning.errors import (
    SqlError, datetime_field_overflow, invalid_parameter_value,
    null_value_not_allowed, numeric_value_out_of_range,
)
from twinning.ir import query as q
from twinning.passes.expr.registry import (FUNCTIONS, Impl, define, output)
from twinning.deferred import deferred
from twinning.values.calendar import (END_TIMESTAMP, MIN_TIMESTAMP,
                                      TIMESTAMP_NOBEGIN, TIMESTAMP_NOEND,
                                      POSTGRES_EPOCH_JDATE, UNIX_EPOCH_JDATE)
from twinning.values.datetime import timestamptz_local
from twinning.values.identifiers import quote_ident
from twinning.values.integers import make_int_parser
from twinning.values.timestamps import finite
from twinning.values.timezones import session_zone

# the template engines load on the first call of one of these functions
dch = deferred("twinning.values.formatting", globals(), "dch")
fromchar = deferred("twinning.values.fromchar", globals(), "fromchar")
numformat = deferred("twinning.values.numformat", globals(), "numformat")


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


def _to_timestamp_text(settings):
    zone = session_zone(settings.timezone)
    return lambda text, fmt: fromchar.to_timestamp(text, fmt, zone)


def _to_timestamp_float(value: float) -> int:
    """to_timestamp(float8): Unix epoch seconds → timestamptz."""
    if math.isnan(value):
        raise datetime_field_overflow('timestamp cannot be NaN')
    if math.isinf(value):
        return TIMESTAMP_NOEND if value > 0 else TIMESTAMP_NOBEGIN
    lo = (MIN_TIMESTAMP // 1_000_000) + \
        (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * 86400
    hi = (END_TIMESTAMP // 1_000_000) + \
        (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * 86400
    if not (lo <= value < hi):
        raise datetime_field_overflow("timestamp out of range: "
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


_HINT = 'For a single "%" use "%%".'
_parse_int4 = make_int_parser("int4")


def _format_error(message: str, hint: str | None = None) -> SqlError:
    return invalid_parameter_value(message, hint=hint)


class _Cursor:
    """text_format's parse pointer (ADVANCE_PARSE_POINTER)."""

    def __init__(self, text: str, pos: int) -> None:
        self.text, self.pos = text, pos

    @property
    def ch(self) -> str:
        return self.text[self.pos]

    def advance(self) -> None:
        self.pos += 1
        if self.pos >= len(self.text):
            raise _format_error("unterminated format() type specifier", _HINT)

    def digits(self) -> int | None:
        found, val = False, 0
        while "0" <= self.ch <= "9":
            val = val * 10 + int(self.ch)
            if val > 2**31 - 1:
                raise numeric_value_out_of_range("number is out of range")
            self.advance()
            found = True
        return val if found else None


def _argument_zero() -> SqlError:
    return _format_error("format specifies argument 0, but arguments are "
                         "numbered from 1")


def _parse_spec(cur: _Cursor) -> tuple[int, int, bool, int]:
    """text_format_parse_format(): (argpos, widthpos, minus, width);
    -1 for an absent position, widthpos 0 for `*` without one."""
    argpos, widthpos, minus, width = -1, -1, False, 0
    n = cur.digits()
    if n is not None:
        if cur.ch != "$":
            return argpos, widthpos, minus, n
        argpos = n
        if n == 0:
            raise _argument_zero()
        cur.advance()
    while cur.ch == "-":
        minus = True
        cur.advance()
    if cur.ch == "*":
        cur.advance()
        n = cur.digits()
        if n is not None:
            if cur.ch != "$":
                raise _format_error('width argument position must be ended '
                                    'by "$"')
            widthpos = n
            if n == 0:
                raise _argument_zero()
            cur.advance()
        else:
            widthpos = 0
    else:
        n = cur.digits()
        if n is not None:
            width = n
    return argpos, widthpos, minus, width


def text_format(template: str, texts: list, values: tuple) -> str:
    """text_format() of varlena.c (`texts`: each argument's output text,
    None for NULL; `values`: the arguments, for integer widths)."""
    out: list[str] = []
    nargs = len(texts)
    arg = 0
    i, n = 0, len(template)
    while i < n:
        ch = template[i]
        if ch != "%":
            out.append(ch)
            i += 1
            continue
        cur = _Cursor(template, i)
        cur.advance()
        if cur.ch == "%":
            out.append("%")
            i = cur.pos + 1
            continue
        argpos, widthpos, minus, width = _parse_spec(cur)
        spec = cur.ch
        i = cur.pos + 1
        if spec not in "sIL":
            raise _format_error("unrecognized format() type specifier "
                                f'"{spec}"', _HINT)
        if widthpos >= 0:
            if widthpos > 0:
                arg = widthpos - 1
            if arg >= nargs:
                raise _format_error("too few arguments for format()")
            wvalue = values[arg]
            if wvalue is None:
                width = 0
            elif isinstance(wvalue, int) and not isinstance(wvalue, bool) \
                    and -2**31 <= wvalue < 2**31:
                width = wvalue
            else:
                width = _parse_int4(texts[arg])
            if width < 0:
                minus = True
                if width == -2**31:
                    raise numeric_value_out_of_range("number is out of range")
                width = -width
            arg += 1
        if argpos > 0:
            arg = argpos - 1
        if arg >= nargs:
            raise _format_error("too few arguments for format()")
        text = texts[arg]
        arg += 1
        if spec == "I":
            if text is None:
                raise null_value_not_allowed("null values cannot be formatted "
                                             "as an SQL identifier")
            text = quote_ident(text)
        elif spec == "L":
            text = "NULL" if text is None else quote_literal(text)
        elif text is None:
            text = ""
        if width and len(text) < width:
            text = text.ljust(width) if minus else text.rjust(width)
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
    define("to_char(numeric,text)", lambda v, f: numformat.numeric_to_char(v, f))
    define("to_char(int4,text)", lambda v, f: numformat.int_to_char(v, f, 32))
    define("to_char(int8,text)", lambda v, f: numformat.int_to_char(v, f, 64))
    define("to_char(float8,text)",
           lambda v, f: numformat.float_to_char(v, f, True))
    define("to_char(float4,text)",
           lambda v, f: numformat.float_to_char(v, f, False))
    define("to_timestamp(float8)", _to_timestamp_float)
    define("to_timestamp(text,text)", _to_timestamp_text, settings=True)
    define("to_date(text,text)", lambda t, f: fromchar.to_date(t, f))
    define("to_number(text,text)", lambda t, f: numformat.to_number(t, f))
    FUNCTIONS["format(text)"] = Impl(lambda t: text_format(t, [], ()))
    FUNCTIONS["format(text,any)"] = _Format()
