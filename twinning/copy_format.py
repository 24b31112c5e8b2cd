"""COPY's text and CSV formats, read and written as PostgreSQL 15 does.

`CopyReader` takes the CopyData payloads as they arrive and yields, per
input line, its number, its raw text (for error context) and its fields as
`str` or `None` — exactly the splitting, unescaping, NULL and end-of-data
rules of PostgreSQL's copyfromparse.c, with the same errors (22P04 for bad
file format, 22021 for invalid UTF-8) and the same CONTEXT lines (`COPY t,
line 3: "…"`), and HEADER MATCH's check of the header line. Converting a
field to its column type is the caller's job (the write path), which adds
`, column c: "…"` context on failure (and, with `defer_missing`, raises
`missing_data` once the fields before the absent one are converted, as
NextCopyFrom does).

For bulk loads the reader yields `Block`s: runs of consecutive lines with
their fields in column form, so that the caller can convert a column at a
time. Complete lines ending in `\n` or `\r\n` (as the first line does),
with no other newline, no end marker and no escaped newline (in CSV: with
quote = escape and an even number of quotes, else no quote) are cut out of
the buffer a whole CopyData chunk at a time and split with `str.split`
(`_plain_lines`, `_split_plain`); a line that the split does not settle
(escapes other than a NULL marker, quoted CSV fields holding a quote or
the delimiter, a wrong field count) goes through `_fields`. Other input
goes through the general scanner (a regex finds the next newline,
backslash or quote, so a line costs per special character, not per byte).
A block ends before a line that raises, so errors come in line order.
tests/test_copy_format.py checks the result against PostgreSQL,
tests/test_copy_speed_paths.py the two ways against each other.

`format_row` is the other direction (COPY … TO STDOUT).

Pure text processing: no catalog, no store, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import repeat
from typing import Any, Callable, Iterator, NamedTuple, Sequence

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, bad_copy_file_format,
    character_not_in_repertoire, invalid_parameter_value, syntax_error,
)
from twinning.ir.dml import CopyOptions

MAX_DISPLAY = 100  # MAX_COPY_DATA_DISPLAY: longer lines are cut in CONTEXT

_TEXT_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
                 "v": "\v"}


@dataclass(frozen=True)
class Dialect:
    """Options resolved to PostgreSQL's defaults for the format."""

    csv: bool
    delimiter: str
    null: str
    header: bool
    quote: str
    escape: str
    force_not_null: frozenset[str]
    force_null: frozenset[str]
    header_match: bool = False

    @classmethod
    def of(cls, options: CopyOptions, is_from: bool | None = None) -> Dialect:
        """The dialect, after ProcessCopyOptions()' checks (those that
        depend on the direction only when `is_from` is given)."""
        csv = options.format == "csv"
        delimiter = options.delimiter if options.delimiter is not None else (
            "," if csv else "\t")
        null = options.null if options.null is not None else ("" if csv else "\\N")
        quote = options.quote if options.quote is not None else '"'
        escape = options.escape if options.escape is not None else quote
        _check(options, csv, delimiter, null, quote, escape, is_from)
        return cls(csv, delimiter, null, options.header, quote, escape,
                   frozenset(options.force_not_null), frozenset(options.force_null),
                   options.header_match)


def _check(options: CopyOptions, csv: bool, delimiter: str, null: str,
           quote: str, escape: str, is_from: bool | None) -> None:
    """ProcessCopyOptions()' checks, in its order, with its messages."""
    binary = options.format == "binary"
    if binary and options.delimiter is not None:
        raise syntax_error("cannot specify DELIMITER in BINARY mode")
    if binary and options.null is not None:
        raise syntax_error("cannot specify NULL in BINARY mode")
    if len(delimiter.encode()) != 1:
        raise SqlError(FEATURE_NOT_SUPPORTED, "COPY delimiter must be a single one-byte character")
    if delimiter in "\r\n":
        raise invalid_parameter_value("COPY delimiter cannot be newline or carriage return")
    if "\r" in null or "\n" in null:
        raise invalid_parameter_value("COPY null representation cannot use newline "
                                      "or carriage return")
    if not csv and delimiter in "\\.abcdefghijklmnopqrstuvwxyz0123456789":
        raise invalid_parameter_value(f'COPY delimiter cannot be "{delimiter}"')
    if binary and options.header:
        raise SqlError(FEATURE_NOT_SUPPORTED, "cannot specify HEADER in BINARY mode")
    if not csv and options.quote is not None:
        raise SqlError(FEATURE_NOT_SUPPORTED, "COPY quote available only in CSV mode")
    if csv and len(quote.encode()) != 1:
        raise SqlError(FEATURE_NOT_SUPPORTED, "COPY quote must be a single one-byte character")
    if csv and delimiter == quote:
        raise invalid_parameter_value("COPY delimiter and quote must be different")
    if not csv and options.escape is not None:
        raise SqlError(FEATURE_NOT_SUPPORTED, "COPY escape available only in CSV mode")
    if csv and len(escape.encode()) != 1:
        raise SqlError(FEATURE_NOT_SUPPORTED, "COPY escape must be a single one-byte character")
    if options.force_quote:
        if not csv:
            raise SqlError(FEATURE_NOT_SUPPORTED, "COPY force quote available only in CSV mode")
        if is_from:
            raise SqlError(FEATURE_NOT_SUPPORTED, "COPY force quote only available using COPY TO")
    if options.force_not_null:
        if not csv:
            raise SqlError(FEATURE_NOT_SUPPORTED, "COPY force not null available only in CSV mode")
        if is_from is False:
            raise SqlError(FEATURE_NOT_SUPPORTED, "COPY force not null only available using "
                                         "COPY FROM")
    if options.force_null:
        if not csv:
            raise SqlError(FEATURE_NOT_SUPPORTED, "COPY force null available only in CSV mode")
        if is_from is False:
            raise SqlError(FEATURE_NOT_SUPPORTED, "COPY force null only available using COPY FROM")
    if delimiter in null:
        raise SqlError(FEATURE_NOT_SUPPORTED, "COPY delimiter must not appear in the NULL "
                                     "specification")
    if csv and quote in null:
        raise SqlError(FEATURE_NOT_SUPPORTED, "CSV quote character must not appear in the "
                                     "NULL specification")


class Line(NamedTuple):
    number: int
    text: str  # the raw line, for error context
    fields: list[str | None]


class SplitLines(Sequence[str]):
    """The lines of a run of text that ends in a newline, split only when
    first asked for: a block's lines serve error context and the line by
    line fallback, and most blocks need neither."""

    __slots__ = ("_text", "_eol", "_lines")

    def __init__(self, text: str, eol: str) -> None:
        self._text, self._eol = text, eol
        self._lines: list[str] | None = None

    def _split(self) -> list[str]:
        if self._lines is None:
            self._lines = self._text.split(self._eol)
            self._lines.pop()  # after the last newline
        return self._lines

    def __getitem__(self, i: Any) -> Any:
        return self._split()[i]

    def __len__(self) -> int:
        return len(self._split())

    def __iter__(self) -> Iterator[str]:
        return iter(self._split())


class Block(NamedTuple):
    """Consecutive lines: `columns[j][i]` is field j of line `first + i`
    (a line with too few fields, under `defer_missing`, is a block of its
    own with fewer columns)."""

    first: int  # the number of the first line
    texts: Sequence[str]  # the raw lines, for error context
    columns: list[Sequence[str | None]]

    def lines(self) -> Iterator[Line]:
        for i, text in enumerate(self.texts):
            yield Line(self.first + i, text, [column[i] for column in self.columns])


def context(table: str, number: int, text: str | None = None) -> str:
    """PostgreSQL's CopyFromErrorCallback rendering."""
    if text is None:
        return f"COPY {table}, line {number}"
    return f'COPY {table}, line {number}: "{clip(text)}"'


def clip(text: str) -> str:
    raw = text.encode()
    if len(raw) <= MAX_DISPLAY:
        return text
    return raw[:MAX_DISPLAY].decode("utf-8", errors="ignore") + "..."


def missing_data(table: str, number: int, text: str, column: str) -> SqlError:
    """22P04 for a line with fewer fields than columns."""
    return _bad_format(f'missing data for column "{column}"',
                       context(table, number, text))


def _bad_format(message: str, where: str, hint: str | None = None) -> SqlError:
    return bad_copy_file_format(message, hint=hint, where=where)


def _utf8(raw: bytes, where: str | Callable[[], str]) -> str:
    """Decode a line or field; `where` (the CONTEXT) may be a callable, so
    the common, valid case never formats it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if callable(where):
            where = where()
        start = exc.start
        lead = raw[start]
        size = 1 if lead < 0x80 else 2 if lead >> 5 == 6 else 3 if lead >> 4 == 14 \
            else 4 if lead >> 3 == 30 else 1
        shown = " ".join(f"0x{b:02x}" for b in raw[start:start + size])
        raise character_not_in_repertoire(f'invalid byte sequence for encoding "UTF8": '
                                          f"{shown}", where=where) from None
    if "\x00" in text:
        raise character_not_in_repertoire('invalid byte sequence for encoding "UTF8": 0x00',
                                          where=where() if callable(where) else where)
    return text


class CopyReader:
    """Incremental COPY FROM parser: feed() CopyData, then finish()."""

    def __init__(self, options: CopyOptions, table: str,
                 columns: list[str], defer_missing: bool = False) -> None:
        """`defer_missing`: yield lines with too few fields (the caller
        raises `missing_data` when it reaches the first absent column, after
        converting the ones before it, as NextCopyFrom does)."""
        self.dialect = Dialect.of(options)
        self.table = table
        self.columns = columns
        self.defer_missing = defer_missing
        self._buffer = bytearray()
        self._line_no = 0
        self._eol: str | None = None  # "\n" | "\r" | "\r\n", from line 1
        self._done = False  # the \. marker was seen
        # the bytes _next_line must stop at; everything else is skipped in C
        specials = b"\n\r\\"
        if self.dialect.csv:
            specials += self.dialect.quote.encode() + self.dialect.escape.encode()
        self._special = re.compile(b"[" + re.escape(specials) + b"]")
        # what _plain_lines leaves to _next_line, per newline style (found
        # with bytes.find: a regex alternation scans far slower): another
        # newline (for \r\n: see _plain_lines), a possible end marker, an
        # escaped newline (text); in CSV a quote only when the escape is
        # another character (with quote = escape, lines with an even number
        # of quotes are whole lines)
        d = self.dialect
        self._quote_parity = d.csv and d.escape == d.quote
        other = () if not d.csv else () if self._quote_parity else (d.quote.encode(),)
        self._hazards = {
            "\n": (b"\r", b"\\.") + (other if d.csv else (b"\\\n",)),
            "\r\n": (b"\\.",) + (other if d.csv else (b"\\\r",))}
        # text format: a line whose every backslash is in a NULL field needs
        # no unescaping (the NULL marker is compared before de-escaping);
        # a marker ending in a backslash could escape the delimiter after it
        self._null_backslashes = d.null.count("\\") if not d.csv and not \
            d.null.endswith("\\") else -1
        self._keep_null = frozenset(i for i, c in enumerate(columns)
                                    if c in d.force_not_null)
        if d.csv:
            q, e, sep = (re.escape(c) for c in (d.quote, d.escape, d.delimiter))
            inside = f"(?:[^{q}]|{q}{q})*" if self._quote_parity else \
                f"(?:[^{q}{e}]|{e}[{q}{e}]|{e}(?![{q}{e}]))*"
            # a field: unquoted runs and quoted parts, in any order
            self._csv_field = re.compile(f"(?:[^{sep}{q}]+|{q}{inside}{q})*", re.S)
            self._csv_quoted = re.compile(f"{q}({inside}){q}", re.S)
            self._csv_unescape = re.compile(f"{e}([{q}{e}])")
            # a line whose quoted fields hold neither quote nor delimiter:
            # split on the delimiter, a field's value is between its quotes
            simple = f"(?:{q}[^{q}{sep}]*{q}|[^{q}{sep}]*)"
            self._csv_simple = re.compile(f"{simple}(?:{sep}{simple})*\\Z").match
        self._force_null = frozenset(i for i, c in enumerate(columns)
                                     if c in d.force_null)

    def feed(self, data: bytes) -> Iterator[Line]:
        for block in self.feed_blocks(data):
            yield from block.lines()

    def finish(self) -> Iterator[Line]:
        for block in self.finish_blocks():
            yield from block.lines()

    def feed_blocks(self, data: bytes) -> Iterator[Block]:
        """feed(), a run of lines at a time."""
        if self._done:
            return
        self._buffer += data
        yield from self._blocks(final=False)

    def finish_blocks(self) -> Iterator[Block]:
        if not self._done:
            yield from self._blocks(final=True)
        if self._line_no == 0 and self.dialect.header_match:
            self._line_no = 1  # no input at all: an empty header line
            self._check_header("")
        self._done = True

    # -- line splitting (CopyReadLineText)
    def _blocks(self, final: bool) -> Iterator[Block]:
        """Plain runs split in one go; the other lines one by one, gathered
        into blocks (each yielded before anything after it can raise)."""
        pending: list[tuple[int, str, list[str | None]]] = []
        error = None
        try:
            while not self._done:
                if self._eol != "\r" and self.columns and (
                        self._line_no or not (self.dialect.header or
                                              self.dialect.header_match)):
                    plain = self._plain_lines()
                    if plain is not None:
                        if pending:
                            yield _gathered(pending)
                            pending = []
                        yield from self._split_plain(*plain)
                        continue
                line = self._general_line(final)
                if line is None:
                    break
                if len(line[2]) != len(self.columns):  # short, under defer_missing
                    if pending:
                        yield _gathered(pending)
                        pending = []
                    yield _gathered([line])
                else:
                    pending.append(line)
        except SqlError as exc:
            error = exc
        if pending:
            yield _gathered(pending)
        if error is not None:
            raise error

    def _general_line(self, final: bool) -> tuple[int, str, list[str | None]] | None:
        """The next data line through the general scanner; None when there
        is none (yet)."""
        while not self._done:
            found = self._next_line(final)
            if found is None:
                return None
            raw, end_marker = found
            self._line_no += 1
            number = self._line_no
            text = _utf8(raw, lambda: context(self.table, number))
            if self._line_no == 1 and self.dialect.header_match:
                self._check_header(text)
            if end_marker:
                self._done = True
                if not text:
                    return None
            if self._line_no == 1 and self.dialect.header:
                continue
            return number, text, self._fields(text)
        return None

    def _plain_lines(self) -> tuple[str, Sequence[str]] | None:
        """The complete lines at the front of the buffer that none of
        _next_line's special cases touch, consumed: their text and the
        lines; None when the first line needs the general scanner."""
        buf = self._buffer
        eol = self._eol or "\n"  # the first line ends in \n, or must wait
        newline = eol.encode()
        end = buf.rfind(newline) + len(newline)
        stops = [buf.find(hazard, 0, end) for hazard in self._hazards[eol]]
        if eol == "\r\n" and not buf.count(b"\r", 0, end) == buf.count(
                b"\n", 0, end) == buf.count(b"\r\n", 0, end):
            stops.append(_LONE_NEWLINE.search(buf, 0, end).start())  # type: ignore[union-attr]
        stops = [at for at in stops if at >= 0]
        if stops:
            end = buf.rfind(newline, 0, min(stops)) + len(newline)
        if end < len(newline):
            return None
        try:
            text = buf[:end].decode("utf-8")
        except UnicodeDecodeError:
            return None  # _next_line reports it, with its line number
        if "\x00" in text:
            return None
        lines: Sequence[str] = SplitLines(text, eol)
        quote = self.dialect.quote
        if self._quote_parity and quote in text:
            # a quoted newline: that line and the rest wait for _next_line
            odd = next((i for i, line in enumerate(lines)
                        if line.count(quote) % 2), None)
            if odd == 0:
                return None
            if odd is not None:
                lines = lines[:odd]
                text = "".join(line + eol for line in lines)
                end = len(text.encode())
        del buf[:end]
        self._eol = eol
        return text, lines

    def _split_plain(self, text: str, lines: Sequence[str]) -> Iterator[Block]:
        """The plain lines' fields, as _fields splits them, in blocks. Most
        lines are split on the delimiter; the others (a field count other
        than the columns', a backslash that is not part of a NULL marker,
        a CSV quote) go through _fields in line order, and a block ends
        before one that raises or has too few fields."""
        delimiter = self.dialect.delimiter
        width = len(self.columns)
        first = self._line_no + 1
        flat = self._flat_fields(text, width)
        if flat is not None:  # the usual block: every line plain, no odd one
            self._line_no = first + len(flat) // width - 1
            yield Block(first, lines, self._nulls(
                [flat[j::width] for j in range(width)]))
            return
        rows = [line.split(delimiter) for line in lines]
        start, fixed = 0, {}
        for i in self._odd_lines(text, lines, rows):
            self._line_no = first + i
            try:
                fields = self._fields(lines[i])
            except SqlError as exc:
                error: SqlError | None = exc
            else:
                error = None
                if len(fields) == width:
                    fixed[i - start] = fields
                    continue
            if start < i:
                yield Block(first + start, lines[start:i],
                            self._columns(rows[start:i], fixed))
            if error is not None:
                raise error
            yield Block(first + i, [lines[i]], [[f] for f in fields])
            start, fixed = i + 1, {}
        self._line_no = first + len(lines) - 1
        if start < len(lines):
            yield Block(first + start, lines[start:], self._columns(rows[start:], fixed))

    def _flat_fields(self, text: str, width: int) -> list[str] | None:
        """Every line's fields in one list, row after row, when each line
        has exactly `width` of them and `_odd_lines` would find none: one
        split of the whole text, at C speed, and no list of lines. Each
        line end becomes a delimiter and a NUL (which no plain run holds):
        the lines have `width` fields each exactly when the NULs, the only
        characters a field can start with after a delimiter only, are the
        first characters of fields width, 2·width, …. None otherwise."""
        d = self.dialect
        delimiter, eol = d.delimiter, self._eol
        if d.csv and d.quote in text:
            return None
        count = text.count(eol)
        if text.count(delimiter) != (width - 1) * count:
            return None
        flat = text.replace(eol, delimiter + "\x00").split(delimiter)
        flat.pop()  # the NUL after the last line end
        starts = "".join(flat[width::width])
        if starts.count("\x00") != count - 1:
            return None
        flat[width::width] = starts.split("\x00")[1:]
        if not d.csv and "\\" in text:
            per_null = self._null_backslashes
            if per_null <= 0 or text.count("\\") != per_null * flat.count(d.null):
                return None
        return flat

    def _odd_lines(self, text: str, lines: list[str], rows: list[list[str]]) -> list[int]:
        """The lines a split on the delimiter does not settle, in order."""
        d = self.dialect
        width = len(self.columns)
        lengths = list(map(len, rows))
        odd = set() if min(lengths) == max(lengths) == width else \
            {i for i, n in enumerate(lengths) if n != width}
        if d.csv:
            if d.quote in text:
                simple = self._csv_simple
                odd.update(i for i, line in enumerate(lines)
                           if d.quote in line and simple(line) is None)
        elif "\\" in text:
            per_null = self._null_backslashes
            if per_null <= 0 or text.count("\\") != per_null * sum(
                    map(list.count, rows, repeat(d.null))):
                odd.update(i for i, line in enumerate(lines) if "\\" in line and (
                    per_null <= 0 or line.count("\\") != per_null * rows[i].count(d.null)))
        return sorted(odd)

    def _columns(self, rows: list[list[str]],
                 fixed: dict[int, list[str | None]]) -> list[Sequence[str | None]]:
        """Split lines' fields in column form: the NULL marker as None (CSV:
        unquoted, and not in FORCE NOT NULL columns), a quoted CSV field as
        its text (None for the marker in FORCE NULL columns); the `fixed`
        rows (by position) as _fields gave them."""
        if fixed:
            blank = [""] * len(self.columns)
            for r in fixed:
                rows[r] = blank  # filled in below
        columns = self._nulls(list(zip(*rows)))
        if fixed:
            columns = [list(column) for column in columns]
            for r, fields in fixed.items():
                for j, value in enumerate(fields):
                    columns[j][r] = value  # type: ignore[index]
        return columns

    def _nulls(self, columns: list[Sequence[str | None]]
               ) -> list[Sequence[str | None]]:
        """Columns of split fields with the NULL marker as None (CSV:
        unquoted, and not in FORCE NOT NULL columns) and a quoted CSV
        field as its text (None for the marker in FORCE NULL columns)."""
        d = self.dialect
        null, keep, quote = d.null, self._keep_null, d.quote
        nulled = {null: None}.get  # (field, field): None for the marker
        for j, column in enumerate(columns):
            if d.csv and quote in "".join(column):  # type: ignore[arg-type]
                to_null = j in self._force_null
                columns[j] = [
                    (None if to_null and f[1:-1] == null else f[1:-1])  # type: ignore[index]
                    if f[:1] == quote else None if f == null and j not in keep else f
                    for f in column]
            elif null in column and j not in keep:
                columns[j] = list(map(nulled, column, column))
        return columns

    def _check_header(self, text: str) -> None:
        """HEADER MATCH: the header line names the columns, in order."""
        fields = self._csv_fields(text) if self.dialect.csv else \
            self._text_fields(text)
        where = context(self.table, self._line_no, text)
        if len(fields) != len(self.columns):
            raise _bad_format(f"wrong number of fields in header line: got "
                              f"{len(fields)}, expected {len(self.columns)}", where)
        for number, (got, column) in enumerate(zip(fields, self.columns), 1):
            if got is None:
                raise _bad_format(f"column name mismatch in header line field "
                                  f'{number}: got null value ("{self.dialect.null}"), '
                                  f'expected "{column}"', where)
            if got != column:
                raise _bad_format(f"column name mismatch in header line field "
                                  f'{number}: got "{got}", expected "{column}"',
                                  where)

    def _next_line(self, final: bool) -> tuple[bytes, bool] | None:
        """The next complete line (without its newline), or None to wait."""
        buf = self._buffer
        csv = self.dialect.csv
        quote = self.dialect.quote.encode()[0] if csv else -1
        escape = self.dialect.escape.encode()[0] if csv else -1
        in_quote = False
        i, n = 0, len(buf)
        special = self._special.search
        while i < n:
            found = special(buf, i)
            if found is None:
                i = n
                break
            i = found.start()
            c = buf[i]
            if csv:
                if in_quote and c == escape and escape != quote and i + 1 < n \
                        and buf[i + 1] in (quote, escape):
                    i += 2
                    continue
                if c == quote:
                    in_quote = not in_quote
                    i += 1
                    continue
            if c in (0x0A, 0x0D) and not in_quote:
                if c == 0x0D and i + 1 >= n and not final:
                    return None  # is it \r\n? wait for the next byte
                eol = "\r\n" if c == 0x0D and i + 1 < n and buf[i + 1] == 0x0A \
                    else "\r" if c == 0x0D else "\n"
                self._check_eol(eol, c)
                line = bytes(buf[:i])
                del buf[:i + len(eol)]
                return line, False
            if c == 0x5C and (not csv or i == 0):  # backslash
                if i + 1 >= n:
                    if not final:
                        return None
                    i += 1
                    continue
                if buf[i + 1] == 0x2E:  # "\." end-of-copy marker
                    found = self._end_marker(i, final)
                    if found != "data":
                        return found
                    i += 2
                    continue
                if not csv:
                    i += 2  # the escaped character is data, even a newline
                    continue
            i += 1
        if not final:
            return None
        if csv and in_quote:
            self._line_no += 1
            raise _bad_format("unterminated CSV quoted field", context(
                self.table, self._line_no, buf.decode("utf-8", errors="replace")))
        if not buf:
            return None
        line = bytes(buf)
        buf.clear()
        return line, False

    def _check_eol(self, eol: str, c: int) -> None:
        if self._eol is None:
            self._eol = eol
            return
        if eol == self._eol:
            return
        where = context(self.table, self._line_no + 1)
        csv = self.dialect.csv
        if c == 0x0D:
            raise _bad_format(
                "unquoted carriage return found in data" if csv else
                "literal carriage return found in data", where,
                'Use quoted CSV field to represent carriage return.' if csv else
                'Use "\\r" to represent carriage return.')
        raise _bad_format(
            "unquoted newline found in data" if csv else
            "literal newline found in data", where,
            'Use quoted CSV field to represent newline.' if csv else
            'Use "\\n" to represent newline.')

    def _end_marker(self, at: int, final: bool) -> tuple[bytes, bool] | str | None:
        """At a `\\.`: the data before it and True, "data" when CSV mode
        takes it as data, None to wait for more input."""
        buf = self._buffer
        need = 2 if self._eol == "\r\n" else 1
        rest = bytes(buf[at + 2:at + 2 + need])
        if len(rest) < need and not final:
            return None
        where = context(self.table, self._line_no + 1)

        def not_a_marker(message: str) -> str:
            if self.dialect.csv:
                return "data"
            raise _bad_format(message, where)

        if self._eol == "\r\n":
            if rest[:1] == b"\n":
                return not_a_marker("end-of-copy marker does not match "
                                    "previous newline style")
            if rest[:1] != b"\r":
                return not_a_marker("end-of-copy marker corrupt")
            c2 = rest[1:2]
        else:
            c2 = rest[:1]
        if c2 not in (b"\r", b"\n"):
            return not_a_marker("end-of-copy marker corrupt")
        if (self._eol in ("\n", "\r\n") and c2 != b"\n") or (
                self._eol == "\r" and c2 != b"\r"):
            raise _bad_format("end-of-copy marker does not match previous "
                              "newline style", where)
        line = bytes(buf[:at])
        buf.clear()
        return line, True

    # -- attribute splitting
    def _fields(self, text: str) -> list[str | None]:
        fields = self._csv_fields(text) if self.dialect.csv else \
            self._text_fields(text)
        if len(fields) == len(self.columns):
            return fields
        where = context(self.table, self._line_no, text)
        if len(fields) > len(self.columns):
            raise _bad_format("extra data after last expected column", where)
        if self.defer_missing:
            return fields
        raise missing_data(self.table, self._line_no, text,
                           self.columns[len(fields)])

    def _text_fields(self, text: str) -> list[str | None]:
        d = self.dialect
        null = d.null
        raws = text.split(d.delimiter)
        if "\\" not in text:  # nothing escaped: a plain split
            return [None if raw == null else raw for raw in raws]
        if any(raw.endswith("\\") for raw in raws):  # an escaped delimiter?
            raws = _split_unescaped(text, d.delimiter)
        number = self._line_no

        def where() -> str:
            return context(self.table, number, text)

        return [None if raw == null else _unescape_text(raw, where)
                for raw in raws]

    def _csv_fields(self, text: str) -> list[str | None]:
        """CopyReadAttributesCSV: each field a run of unquoted characters and
        quoted parts (the quote doubled, or escaped, inside them); NULL is
        the unquoted marker (not in FORCE NOT NULL columns) or, in FORCE
        NULL columns, the quoted one."""
        d = self.dialect
        out: list[str | None] = []
        columns, width = self.columns, len(self.columns)
        field, quoted_part = self._csv_field.match, self._csv_quoted.sub
        at, n = 0, len(text)
        while True:
            end = field(text, at).end()
            if end < n and text[end] != d.delimiter:  # a quote left open
                raise _bad_format("unterminated CSV quoted field",
                                  context(self.table, self._line_no, text))
            raw = text[at:end]
            quoted = d.quote in raw
            value = quoted_part(self._unquote, raw) if quoted else raw
            column = columns[len(out)] if len(out) < width else None
            if not quoted and value == d.null and column not in d.force_not_null:
                out.append(None)
            elif quoted and value == d.null and column in d.force_null:
                out.append(None)
            else:
                out.append(value)
            if end >= n:
                return out
            at = end + 1  # the delimiter

    def _unquote(self, part: re.Match[str]) -> str:
        inner = part.group(1)
        d = self.dialect
        if self._quote_parity:
            return inner.replace(d.quote * 2, d.quote)
        return self._csv_unescape.sub(r"\1", inner) if d.escape in inner else inner


def _gathered(lines: list[tuple[int, str, list[str | None]]]) -> Block:
    """Consecutive lines, already split, as a block."""
    first = lines[0][0]
    return Block(first, [text for _, text, _ in lines],
                 list(zip(*(fields for _, _, fields in lines))))


def _split_unescaped(text: str, delimiter: str) -> list[str]:
    """Split on the delimiter, keeping backslash escapes (raw fields)."""
    fields, start = [], 0
    for match in _splitter(delimiter).finditer(text):
        if match.end() - match.start() == 1:  # the delimiter, not an escape
            fields.append(text[start:match.start()])
            start = match.end()
    fields.append(text[start:])
    return fields


_SPLITTERS: dict[str, re.Pattern[str]] = {}


def _splitter(delimiter: str) -> re.Pattern[str]:
    """A backslash and the character it escapes, or the delimiter."""
    found = _SPLITTERS.get(delimiter)
    if found is None:
        found = _SPLITTERS[delimiter] = re.compile(
            r"\\.|" + re.escape(delimiter), re.S)
    return found


def _unescape_text(raw: str, where: str | Callable[[], str]) -> str:
    """De-escape a text-format field; escapes make bytes, which must then
    be valid UTF-8 (as CopyReadAttributesText + pg_verifymbstr)."""
    if "\\" not in raw:
        return raw
    if _BYTE_ESCAPE.search(raw) is None:  # only character escapes
        return _CHAR_ESCAPE.sub(_char_escape, raw)
    out, i, n = bytearray(), 0, len(raw)
    while i < n:
        c = raw[i]
        if c != "\\" or i + 1 >= n:
            out += c.encode()
            i += 1
            continue
        nxt = raw[i + 1]
        if nxt in "01234567":
            j = i + 1
            while j < n and j < i + 4 and raw[j] in "01234567":
                j += 1
            out.append(int(raw[i + 1:j], 8) & 0xFF)
            i = j
        elif nxt == "x" and i + 2 < n and raw[i + 2] in _HEX:
            j = i + 2
            while j < n and j < i + 4 and raw[j] in _HEX:
                j += 1
            out.append(int(raw[i + 2:j], 16))
            i = j
        else:
            out += _TEXT_ESCAPES.get(nxt, nxt).encode()
            i += 2
    return _utf8(bytes(out), where)


_HEX = "0123456789abcdefABCDEF"
_LONE_NEWLINE = re.compile(b"\r(?!\n)|(?<!\r)\n")
# octal and hex escapes make bytes (to be checked as UTF-8); without them a
# backslash and the character after it make that character or its control
_BYTE_ESCAPE = re.compile(r"\\[0-7x]")
_CHAR_ESCAPE = re.compile(r"\\(.)", re.S)


def _char_escape(match: re.Match[str]) -> str:
    c = match.group(1)
    return _TEXT_ESCAPES.get(c, c)


# ------------------------------------------------------------------ COPY TO

def format_row(values: list[str | None], dialect: Dialect,
               force_quote: frozenset[int] = frozenset()) -> str:
    """One output line (with its newline) from output-function texts."""
    if not dialect.csv:
        return dialect.delimiter.join(
            dialect.null if v is None else _escape_text(v, dialect.delimiter)
            for v in values) + "\n"
    parts = []
    for index, v in enumerate(values):
        if v is None:
            parts.append(dialect.null)
        elif index in force_quote or _needs_quote(v, dialect):
            doubled = v.replace(dialect.escape, dialect.escape * 2) \
                if dialect.escape != dialect.quote else v
            doubled = doubled.replace(dialect.quote, dialect.escape + dialect.quote)
            parts.append(dialect.quote + doubled + dialect.quote)
        else:
            parts.append(v)
    return dialect.delimiter.join(parts) + "\n"


def _needs_quote(v: str, d: Dialect) -> bool:
    return (v == d.null or v == "\\." or any(ch in v for ch in (
        d.delimiter, d.quote, d.escape, "\n", "\r")))


def _escape_text(v: str, delimiter: str) -> str:
    """CopyAttributeOutText(): the control characters with a letter escape
    first (a tab delimiter is written \\t), then backslash and the
    delimiter get a backslash; other characters pass unchanged."""
    table = _ESCAPES.get(delimiter)
    if table is None:
        mapping = {"\\": "\\\\", delimiter: "\\" + delimiter}
        mapping.update({"\b": "\\b", "\f": "\\f", "\n": "\\n",
                        "\r": "\\r", "\t": "\\t", "\v": "\\v"})
        table = _ESCAPES[delimiter] = str.maketrans(mapping)
    return v.translate(table)


_ESCAPES: dict[str, dict[int, str]] = {}
