"""COPY FROM's bulk shortcuts agree with the general code they bypass.

COPY FROM reads plain runs of lines a CopyData chunk at a time and converts
them a column at a time (see twinning/copy_format.py and
twinning/execute_copy.py); the general scanner, the types' input functions
and the line-by-line load are the reference (they are what the PostgreSQL
comparisons in test_copy_format.py and the differential corpora pin down).
Here each shortcut is checked against its reference on awkward inputs:

- every column converter, one value at a time and a column at a time,
  against the input function plus typmod (values and errors alike), under
  several DateStyle/TimeZone settings;
- the reader with and without its plain-run path, on generated data in
  every format and newline style, whole and in chunks; its field
  splitting against character-by-character loops (the old code);
- whole COPY statements through a session, block by block and line by
  line (with plain nextval and foreign keys checked by statement_end):
  the same outcome (rows, error fields and CONTEXT, sequence draws).
"""

from __future__ import annotations

import datetime as dt
import re

import pglast
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from twinning import values
from twinning.bootstrap import compile_schema
from twinning.copy_format import CopyReader
from twinning.errors import SqlError
from twinning.execute_copy import CopyFrom
from twinning.values.column_input import column_input as _column
from twinning.ir.types import SqlType
from twinning.passes.parse_dml import convert_write
from twinning.session import Engine, Session
from twinning.state import CommittedState
from twinning.store import SequenceSession, Transaction
from twinning.values.dtparse import set_transaction_clock
from twinning.values.settings import DEFAULT_SETTINGS, FormatSettings
from twinning.wire.connection import CopyIn


def _outcome(function, *args):
    try:
        value = function(*args)
    except SqlError as exc:
        return ("error", exc.sqlstate, exc.message, exc.detail)
    return ("value", type(value).__name__, repr(value))


# ------------------------------------------------------------ converters

TYPES = [SqlType("int2"), SqlType("int4"), SqlType("int8"), SqlType("bool"),
         SqlType("float8"), SqlType("numeric"), SqlType("numeric", 786438),  # (12,2)
         SqlType("numeric", 327684), SqlType("numeric", 196613),  # (5,0) (3,1)
         SqlType("date"), SqlType("timestamp"), SqlType("timestamptz"),
         SqlType("timestamptz", 2), SqlType("timestamp", 0),
         SqlType("varchar", 13), SqlType("bpchar", 11), SqlType("text")]  # (9) (7)

SETTINGS = [DEFAULT_SETTINGS,
            FormatSettings(datestyle="SQL, DMY", timezone="America/New_York"),
            FormatSettings(datestyle="German", timezone="Asia/Kolkata")]

EDGES = [
    "0", "-0", "+1", "007", "-12", " 1", "1 ", "", "-", "١٢", "1_0", "32767",
    "32768", "-32768", "999999999", "2147483648", "-2147483648", "1e3",
    "999999999999999999", "9223372036854775807", "9223372036854775808",
    "t", "f", "true", "false", "TRUE", "yes", "on", "1", "tr", "x",
    "0.0", "-0.0", "1.5", ".5", "5.", "1e308", "1e309", "-1e309", "1e-308",
    "2.2250738585072014e-308", "2.225073858507201e-308", "4.9e-324", "1e-400",
    "nan", "NaN", "inf", "-Infinity", "1.7976931348623157e308", "0x1p3",
    "12.34", "-12.34", "-0.00", "0.00", "12.345", "12.355", "-12.355", "12.3",
    "9999999999.99", "99999999999.99", "1234567890123", "0.005", "99999.5",
    "12345", "99.95", "-99.95", "00000000001.25",
    "2024-02-29", "2023-02-29", "0000-01-01", "0001-01-01", "9999-12-31",
    "10000-01-01", "2024-13-01", "24-01-01", "01/02/2024", "today", "epoch",
    "infinity", "2024-01-01 00:00:00", "2024-01-01T00:00:00",
    "2024-01-01 24:00:00", "2024-01-01 23:59:60", "2024-01-01 12:34:56.5",
    "2024-01-01 12:34:56.1234567", "2024-01-01 12:34:56+05:30",
    "2024-01-01 12:34:56-15:59", "2024-01-01 12:34:56+16:00",
    "2024-01-01 12:34:56+15", "2024-01-01 12:34:56Z", "2024-03-10 02:30:00",
    "2024-11-03 01:30:00", "2024-01-01 12:34:56.999999+00",
    "2024-06-01 12:34:56.125-03", "0001-01-01 00:00:00+15",
    "2024-01-01 12:34:56 +05:30", "abcdefghi", "abcdefghij", "abcdefghi   ",
    "ab", "abcdefgh  ", "ünïcödé",
]


def _reference(t: SqlType, setting: FormatSettings):
    parse, typmod = values.parser_for(t, setting), values.typmod_for(t, False)
    return lambda text: typmod(parse(text))


@pytest.mark.parametrize("t", TYPES, ids=lambda t: f"{t.name}:{t.typmod}")
@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.timezone)
def test_converters_agree_with_input_functions(t, setting):
    column = _column(t, setting)
    reference = _reference(t, setting)
    convert = (lambda text: text) if column is None else column.convert
    for text in EDGES:
        expected = _outcome(reference, text)
        assert _outcome(convert, text) == expected, text
        if column is not None and expected[0] == "value":
            # a column at a time, NULLs kept in place
            assert [_outcome(lambda v: v, v) for v in
                    column.convert_all([None, text, None, text])] == \
                [("value", "NoneType", "None"), expected,
                 ("value", "NoneType", "None"), expected], text


def _valid_texts(t: SqlType) -> list[str]:
    reference = _reference(t, DEFAULT_SETTINGS)
    return [text for text in EDGES if _outcome(reference, text)[0] == "value"]


@pytest.mark.parametrize("t", TYPES, ids=lambda t: f"{t.name}:{t.typmod}")
def test_column_conversion_matches_value_by_value(t):
    """A whole column of valid texts (the batch shortcuts' case), with and
    without NULLs."""
    column = _column(t, DEFAULT_SETTINGS)
    if column is None:
        return
    reference = _reference(t, DEFAULT_SETTINGS)
    texts = _valid_texts(t)
    for batch in (texts, texts + [None], [text for text in texts if
                                          re.fullmatch(r"[0-9.:+ T-]*", text)]):
        got = column.convert_all(batch)
        expected = [None if text is None else reference(text) for text in batch]
        assert [(type(v), repr(v)) for v in got] == \
            [(type(v), repr(v)) for v in expected]


NUMBERISH = st.text(st.sampled_from("0123456789-+.eE :T"), max_size=28)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(TYPES), st.sampled_from(SETTINGS), st.lists(
    NUMBERISH | st.sampled_from(EDGES) | st.builds(
        "{:04d}-{:02d}-{:02d}{}{:02d}:{:02d}:{:02d}{}".format,
        st.integers(0, 10000), st.integers(0, 13), st.integers(0, 32),
        st.sampled_from([" ", "T", "  "]), st.integers(0, 24), st.integers(0, 60),
        st.integers(0, 60), st.sampled_from(["", ".5", ".123456", "+00", "-03:30",
                                             "+15:59", "+16", "Z", ".1234567"])),
    min_size=1, max_size=6))
def test_generated_texts_agree(t, setting, texts):
    column = _column(t, setting)
    if column is None:
        return
    reference = _reference(t, setting)
    expected = [_outcome(reference, text) for text in texts]
    assert [_outcome(column.convert, text) for text in texts] == expected
    if all(e[0] == "value" for e in expected):
        assert [(type(v).__name__, repr(v)) for v in column.convert_all(texts)] \
            == [e[1:] for e in expected]
    else:
        with pytest.raises(SqlError):
            column.convert_all(texts)


@st.composite
def _same_shaped(draw) -> list[str]:
    """Timestamps that share one shape (separator, fraction and offset
    spelled alike, digits anywhere, in range or not): the batch's
    one-translation shape test, not its per-text match, decides them."""
    sep = draw(st.sampled_from([" ", "T"]))
    tail = draw(st.sampled_from(["", ".5", ".123456", "+00", "+00:00", "-03:30",
                                 "+15:59", "+16:00", ".1234567", "Z"]))
    stamp = st.builds("{:04d}-{:02d}-{:02d}{}{:02d}:{:02d}:{:02d}{}".format,
                      st.integers(0, 9999), st.integers(0, 13),
                      st.integers(0, 32), st.just(sep), st.integers(0, 24),
                      st.integers(0, 60), st.integers(0, 60), st.just(tail))
    return draw(st.lists(stamp, min_size=1, max_size=8))


@settings(max_examples=300, deadline=None)
@example(SqlType("timestamp"), DEFAULT_SETTINGS, ["2024-01-01 12:34:56.1234567"] * 2)
@given(st.sampled_from([t for t in TYPES if t.name.startswith("timestamp")]),
       st.sampled_from(SETTINGS), _same_shaped())
def test_same_shaped_timestamps_agree(t, setting, texts):
    test_generated_texts_agree.hypothesis.inner_test(t, setting, texts)


FIXED_POINT = st.builds("{}{}{}".format, st.text("0123456789", max_size=12),
                        st.sampled_from([".", ".", "", "..", "\t", "-", "\t."]),
                        st.text("0123456789", max_size=4))


@settings(max_examples=300, deadline=None)
@example(SqlType("numeric", 786438), ["1.00\t2.00", "3"])
@example(SqlType("numeric", 786438), ["1.00", "22.50", "333.25"])
@given(st.sampled_from([t for t in TYPES if t.name == "numeric"]),
       st.lists(FIXED_POINT, min_size=1, max_size=8))
def test_fixed_point_columns_agree(t, texts):
    """Columns of `d.dd`-like texts: the batch's counting test over the
    joined shape against the input function, text by text."""
    test_generated_texts_agree.hypothesis.inner_test(t, DEFAULT_SETTINGS, texts)


def test_remembered_dates_follow_the_transaction_clock():
    """A date column's converter remembers the values of texts it has
    seen, but not of 'today' & co.: the converter of a template or a
    prepared statement outlives the transaction whose clock they read."""
    column = _column(SqlType("date"), DEFAULT_SETTINGS)
    days = []
    try:
        for start in (dt.datetime(2024, 3, 1, 12, tzinfo=dt.timezone.utc),
                      dt.datetime(2024, 3, 2, 12, tzinfo=dt.timezone.utc)):
            set_transaction_clock(start)
            days.append((column.convert("today"), column.convert_all(
                ["today", "2024-01-01"]), column.convert("2024-01-01")))
    finally:
        set_transaction_clock(None)
    assert days[1][0] == days[0][0] + 1 and days[1][1][0] == days[1][0]
    assert days[0][2] == days[1][2] == days[1][1][1]


# ------------------------------------------------------------ reader

def _options(text: str):
    return convert_write(pglast.parse_sql(
        f"COPY t FROM STDIN WITH ({text})")[0].stmt).options


def _read(options: str, data: bytes, cuts: list[int], plain: bool):
    reader = CopyReader(_options(options), "t", ["a", "b", "c"],
                        defer_missing=True)
    if not plain:
        reader._plain_lines = lambda: None  # the general scanner only
    pieces, start = [], 0
    for cut in sorted({c % (len(data) + 1) for c in cuts}):
        pieces.append(data[start:cut])
        start = cut
    pieces.append(data[start:])
    lines = []
    try:
        for piece in pieces:
            lines.extend(tuple(line) for line in reader.feed(piece))
        lines.extend(tuple(line) for line in reader.finish())
    except SqlError as exc:
        return lines, ("error", exc.sqlstate, exc.message, exc.hint, exc.where)
    return lines, None


OPTIONS = ["format text", "format text, null 'NULL'", "format text, null ''",
           "format text, delimiter ','", "format csv", "format csv, header",
           "format csv, quote '''', escape '\\'", "format csv, null 'N'",
           "format csv, force_not_null (b), force_null (c)",
           "format text, header"]
DATA = st.lists(st.sampled_from(
    ["a", "b", "\t", "\t", ",", "\\", "N", "\\N", '"', "'", "\n", "\n", "\n",
     "\r", ".", "\\.", "é", "\\x41", "\\303", "\\\\"]), max_size=40).map(
    lambda parts: "".join(parts).encode())
GOOD = st.lists(st.lists(st.sampled_from(["x", "\\N", "", "y y", "\\t", '"q"',
                                          '"a,""b"""', "N", "é", '""', '"N"',
                                          "\\\\N", "\\\\"]),
                         min_size=3, max_size=3), min_size=1, max_size=12)




@st.composite
def lines(draw):
    """Good rows, \n or \r\n ended, with a few odd bits in between."""
    rows, sep = draw(GOOD), draw(st.sampled_from([",", "\t"]))
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    out = [sep.join(row) + eol for row in rows]
    for _ in range(draw(st.integers(0, 2))):
        out.insert(draw(st.integers(1, len(out))), draw(st.sampled_from(
            ["\r", "\n", "x\n", "x\r", "\\.\n", '"\n', "\\\r\n", "\\\n"])))
    return "".join(out).encode()


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(OPTIONS), DATA | lines(), st.lists(st.integers(0, 400), max_size=4))
def test_plain_runs_read_like_the_general_scanner(options, data, cuts):
    assert _read(options, data, cuts, plain=True) == \
        _read(options, data, [], plain=False)


def _csv_fields_char_by_char(reader: CopyReader, text: str) -> list[str | None]:
    """CopyReadAttributesCSV as a character loop: the reference for the
    reader's regex-based CSV splitting."""
    d = reader.dialect
    out: list[str | None] = []
    i, n = 0, len(text)
    while True:
        chars: list[str] = []
        quoted = False
        while i < n:
            c = text[i]
            if c == d.delimiter:
                break
            if c == d.quote:
                quoted = True
                i += 1
                while i < n:
                    c = text[i]
                    if c == d.escape and i + 1 < n and text[i + 1] in (
                            d.quote, d.escape) and (d.escape != d.quote or
                                                    text[i + 1] == d.quote):
                        chars.append(text[i + 1])
                        i += 2
                        continue
                    if c == d.quote:
                        i += 1
                        break
                    chars.append(c)
                    i += 1
                else:
                    raise SqlError("22P04", "unterminated CSV quoted field")
                continue
            chars.append(c)
            i += 1
        value = "".join(chars)
        column = reader.columns[len(out)] if len(out) < len(reader.columns) else None
        # the marker is NULL unquoted outside FORCE NOT NULL columns,
        # quoted only in FORCE NULL ones
        forced = column in d.force_null if quoted else column not in d.force_not_null
        out.append(None if value == d.null and forced else value)
        if i >= n:
            return out
        i += 1


_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _text_fields_char_by_char(reader: CopyReader, text: str) -> list[str | None]:
    """CopyReadAttributesText as a character loop (escapes make bytes, then
    UTF-8): the reference for the reader's text splitting."""
    d = reader.dialect
    fields, raw, i = [], "", 0
    while i <= len(text):
        if i == len(text) or text[i] == d.delimiter:
            fields.append(raw)
            raw, i = "", i + 1
        elif text[i] == "\\" and i + 1 < len(text):
            raw, i = raw + text[i:i + 2], i + 2
        else:
            raw, i = raw + text[i], i + 1
    out: list[str | None] = []
    for field in fields:
        if field == d.null:
            out.append(None)
            continue
        data, i = bytearray(), 0
        while i < len(field):
            if field[i] != "\\" or i + 1 >= len(field):
                data += field[i].encode()
                i += 1
                continue
            octal = re.match(r"[0-7]{1,3}", field[i + 1:])
            hexa = re.match(r"x([0-9a-fA-F]{1,2})", field[i + 1:])
            if octal:
                data.append(int(octal.group(), 8) & 0xFF)
                i += 1 + len(octal.group())
            elif hexa:
                data.append(int(hexa.group(1), 16))
                i += 1 + len(hexa.group())
            else:
                data += _ESCAPES.get(field[i + 1], field[i + 1]).encode()
                i += 2
        try:
            out.append(data.decode())
        except UnicodeDecodeError:
            raise SqlError("22021", "invalid byte sequence") from None
        if "\x00" in out[-1]:
            raise SqlError("22021", "invalid byte sequence")
    return out


def _fields_outcome(function, reader, text):
    try:
        return function(reader, text)
    except SqlError as exc:
        return ("error", exc.sqlstate)


LINE = st.lists(st.sampled_from(
    list("ab,\t;'\"N") + ["\\", "\\N", "\\x", "\\x4", "\\1", "\\303", "\\251",
                         "\\0", "é", "\\\t", "\\,", "\\\\", "\\n", "\\q"]),
    max_size=16).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["format csv", "format csv, quote '''', escape '\\'",
                        "format csv, escape ''''", "format csv, null 'N'",
                        "format csv, force_not_null (b), force_null (a, c)",
                        "format csv, delimiter ';'"]), LINE)
@example("format csv, quote '''', escape '\\'", r"'a\'b\\',c'\x'")
@example("format csv, escape ''''", "\"a'\"b''\",'\"")
@example("format csv", '"a""b""",""""')
def test_csv_fields_split_like_the_character_loop(options, text):
    reader = CopyReader(_options(options), "t", ["a", "b", "c"])
    assert _fields_outcome(CopyReader._csv_fields, reader, text) == \
        _fields_outcome(_csv_fields_char_by_char, reader, text)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["format text", "format text, null 'N'",
                        "format text, delimiter ','", "format text, null ''"]), LINE)
def test_text_fields_split_like_the_character_loop(options, text):
    reader = CopyReader(_options(options), "t", ["a", "b", "c"])
    assert _fields_outcome(CopyReader._text_fields, reader, text) == \
        _fields_outcome(_text_fields_char_by_char, reader, text)


# ------------------------------------------------------------ whole COPY

SCHEMA = """
CREATE TABLE owners (id integer PRIMARY KEY);
CREATE TABLE t (
    id     integer PRIMARY KEY,
    code   varchar(6) NOT NULL UNIQUE,
    qty    integer CHECK (qty >= 0),
    price  numeric(6, 2),
    seen   timestamptz,
    owner  integer REFERENCES owners (id),
    serial bigint GENERATED BY DEFAULT AS IDENTITY,
    note   text DEFAULT 'none'
);
"""


def _session() -> Session:
    catalog, _ = compile_schema(SCHEMA, "<copy speed paths>")
    session = Session(Engine(CommittedState.empty(catalog, SCHEMA)))
    session.on_startup({"user": "postgres", "database": "postgres"})
    session.on_authenticated()
    session.on_query("INSERT INTO owners VALUES (1), (2)")
    return session


def _copy(session: Session, sql: str, data: bytes, cuts: list[int]):
    reply = session.on_query(sql)
    assert isinstance(reply, CopyIn), reply
    pieces, start = [], 0
    for cut in sorted({c % (len(data) + 1) for c in cuts}):
        pieces.append(data[start:cut])
        start = cut
    pieces.append(data[start:])
    try:
        for piece in pieces:
            reply.sink.on_copy_data(piece)
        return ("done", reply.sink.on_copy_done())
    except SqlError as exc:
        reply.sink.on_copy_abort(exc)
        return ("error", exc.sqlstate, exc.message, exc.detail, exc.where)


def _run(statements: list[tuple[str, bytes]], cuts: list[int], by_line: bool,
         monkeypatch) -> list:
    if by_line:  # the reference: no blocks, nextval, FKs at statement end
        monkeypatch.setattr(CopyFrom, "_load", lambda self, blocks: [
            self._load_lines(block.lines()) for block in blocks])
        monkeypatch.setattr(SequenceSession, "drawer", lambda self, name, txn:
                            lambda: self.nextval(name, txn))
        monkeypatch.setattr(Transaction, "check_inserted", lambda self: None)
    session = _session()
    out = [_copy(session, sql, data, cuts) for sql, data in statements]
    out.append(session.on_query("COPY t TO STDOUT"))
    out.append(session.on_query("SELECT currval('t_serial_seq')"))
    out.append(session.on_query("SELECT nextval('t_serial_seq')"))
    monkeypatch.undo()
    return out


FIELD = {
    "id": st.sampled_from(["1", "2", "3", "2", "x", "-1", "99999999999", "\\N"]),
    "code": st.sampled_from(["a", "b", "abcdef", "abcdefg", "abcdef  ", "\\N", "a"]),
    "qty": st.sampled_from(["0", "5", "-1", "\\N", "1.5", "007"]),
    "price": st.sampled_from(["1.25", "9999.99", "10000", "-0.00", "\\N", "1e2",
                              "3.145", "abc"]),
    "seen": st.sampled_from(["2024-01-01 10:00:00+00", "2024-01-01T10:00:00",
                             "2024-02-30 10:00:00", "\\N", "2024-01-01"]),
    "note": st.sampled_from(["n", "\\N", "tab\\there", "x\\\\y"]),
    "owner": st.sampled_from(["1", "2", "3", "\\N"]),
}
COLUMN_LISTS = [["id", "code", "qty", "price", "seen"],
                ["code", "id", "owner", "note"],
                ["id", "code", "qty", "price", "seen", "owner", "serial", "note"]]


@st.composite
def copies(draw):
    statements = []
    for _ in range(draw(st.integers(1, 3))):
        columns = draw(st.sampled_from(COLUMN_LISTS))
        rows = draw(st.lists(st.tuples(*(
            FIELD.get(c, st.sampled_from(["7", "\\N"])) for c in columns)),
            min_size=1, max_size=8))
        lines = ["\t".join(row) for row in rows]
        if draw(st.booleans()):  # a wrong field count somewhere
            at = draw(st.integers(0, len(lines) - 1))
            lines[at] = draw(st.sampled_from([lines[at] + "\textra",
                                              lines[at].rsplit("\t", 1)[0]]))
        statements.append((f"COPY t ({', '.join(columns)}) FROM STDIN",
                           "".join(line + "\n" for line in lines).encode()))
    return statements


@settings(max_examples=150, deadline=None)
@given(copies(), st.lists(st.integers(0, 300), max_size=3))
@example([("COPY t (code, id, owner, note) FROM STDIN",
           b"a\t1\t1\tn\nb\t2\t3\tn\nc\t3\t\\N\tn\nd\t4\t3\tn\n")], [])
@example([("COPY t (code, id, owner, note) FROM STDIN", b"a\t1\t2\tn\nb\t2\t1\tn\n"),
          ("COPY t (id, code, qty, price, seen, owner, serial, note) FROM STDIN",
           b"5\tx\t1\t1.5\t\\N\t2\t7\t\\N\n")], [5])
def test_blocks_load_like_line_by_line(statements, cuts):
    with pytest.MonkeyPatch.context() as monkeypatch:
        by_block = _run(statements, cuts, False, monkeypatch)
        by_line = _run(statements, [], True, monkeypatch)
    assert by_block == by_line


def test_csv_quoted_fields_take_the_plain_path():
    """CSV lines with balanced quotes are whole lines: read in one go, with
    the same fields as the general scanner."""
    reader = CopyReader(_options("format csv"), "t", ["a", "b", "c"])
    data = b'"x, y",2,"say ""hi"""\n"",,"a\nb"\n'
    plain = [tuple(line) for line in reader.feed(data)]
    assert plain == [(1, '"x, y",2,"say ""hi"""', ["x, y", "2", 'say "hi"']),
                     (2, '"",,"a\nb"', ["", None, "a\nb"])]


def test_float_batch_alphabet_admits_only_strtod_syntax():
    """The float8 batch checks only the characters, then calls float():
    over those characters float() must take exactly strtod's decimal
    syntax (what the input function accepts)."""
    from itertools import product

    from twinning.values.column_input import _DECIMAL
    for size in range(1, 6):
        for chars in product("01.eE+-", repeat=size):
            text = "".join(chars)
            try:
                float(text)
                taken = True
            except ValueError:
                taken = False
            assert taken == (_DECIMAL.match(text) is not None), text


def test_date_memo_starts_over_when_full(monkeypatch):
    """The per-COPY memo of date conversions is bounded; emptied when a
    block brings more new texts than it has room for."""
    import twinning.values.column_input as column_input
    monkeypatch.setattr(column_input, "_MEMO_LIMIT", 3)
    column = _column(SqlType("date"), DEFAULT_SETTINGS)
    reference = _reference(SqlType("date"), DEFAULT_SETTINGS)
    for texts in (["2024-01-01", "2024-01-02"], ["2024-01-01", "2024-01-03", "2024-01-04"],
                  ["2024-01-02", "2024-01-05", "2024-01-02", "2024-01-01"]):
        assert column.convert_all(texts) == [reference(t) for t in texts]
        assert [column.convert(t) for t in texts] == [reference(t) for t in texts]
