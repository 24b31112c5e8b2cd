"""Statement normalization: the key of the plan cache (SPEC §14).

Clients such as psycopg2, pandas and SQLAlchemy's insertmanyvalues put
values into the SQL text, so the same statement arrives with new text every
time. A cheap lexer finds the constants PostgreSQL's scanner would see
(plain `'…'` strings and numbers) and replaces each with a marker naming
its lexical class; the result is the cache key, and the constants' texts
are what a cached plan binds. `passes/template.py` decides, per cached
statement, which constants become parameters and which stay part of the key.

The class of a number is the type PostgreSQL gives the constant: int4 when
it fits, int8 when it fits, numeric otherwise, and the two values whose type
flips under a folded minus sign (2147483648, 9223372036854775808) are kept
verbatim. Strings are lifted only in their plain form: `E'…'`, `B'…'`,
`X'…'`, `U&'…'`, `N'…'` and dollar quotes stay verbatim in the key, as do
comments and identifiers.

An INSERT's VALUES list of simple cells (a constant with an optional minus
sign and `::type`, NULL, DEFAULT, TRUE, FALSE) is replaced whole by one
marker naming the row width, so every `execute_values` page, whatever
its row count, has the same key. Its cells are not lifted one by one: one
regex match checks the whole list and one `findall` collects every cell's
parts (`ValuesList`), which a template binds a column at a time; the
cells' offsets, which only learning and errors need, come from
`ValuesList.located`. The VALUES constants are not in `constants`, so a
constant after the list keeps its index whatever the row count.

Nothing is normalized when the text has `$n` parameters, more than one
statement, or a construct the lexer does not follow (a number glued to a
name, string continuation across lines): `normalize` returns None and the
statement takes the exact-text path.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

from twinning.deferred import deferred_pattern

__all__ = ["Constant", "Normalized", "ValuesList", "normalize"]

INT4_MAX = 2**31 - 1
INT8_MAX = 2**63 - 1
_EDGES = frozenset({"2147483648", "9223372036854775808"})

# Only the tokens that matter are matched, and each starts with a quote, a
# digit, `.`, `$`, `-`, `/` or `;`, so the text between them (names,
# keywords, operators, white space) is skipped fast and copied into the key
# as it is. A number never starts inside a name (`t1`). What a letter
# before a quote or a name before a `$` changes is decided in `normalize`.
_TOKENS = r"""
    (?P<str>'[^']*(?:''[^']*)*')
  | (?P<quoted>"[^"]*(?:""[^"]*)*")
  | (?P<num>(?:(?<!\w)(?<![^\x00-\x7f])\d+(?:\.(?!\.)\d*)?|(?<!\.)\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<param>\$\d)
  | (?P<dollar>\$(?:[A-Za-z_][\w]*)?\$)
  | (?P<line>--[^\n]*)
  | (?P<block>/\*)
  | (?P<semi>;)"""
_TOKEN = deferred_pattern(globals(), "_TOKEN", _TOKENS, re.VERBOSE)
_TOKEN_INSERT = deferred_pattern(
    globals(), "_TOKEN_INSERT",
    _TOKENS + r"\n  | (?<![\w$])(?<![^\x00-\x7f])(?P<values>(?i:values))(?![\w$])",
    re.VERBOSE)
# The text up to the next character a token can start with (`v` too while
# an INSERT's VALUES keyword is still ahead): one fast scan between tokens.
# A dot right after a name character or a quote and before no digit
# qualifies a name (`t.col`, `"T".col`): it starts no number, so it is
# skipped too (`SELECT.5` keeps its `.5`).
_SKIP = deferred_pattern(globals(), "_SKIP", r"[^'\"\d.$\-/;]*(?:(?<=[A-Za-z_\"])\.(?!\d)[^'\"\d.$\-/;]*)*")
_SKIP_INSERT = deferred_pattern(
    globals(), "_SKIP_INSERT",
    r"[^'\"\d.$\-/;vV]*(?:(?<=[A-Za-z_\"])\.(?!\d)[^'\"\d.$\-/;vV]*)*")
_ESCAPE_STRING = deferred_pattern(globals(), "_ESCAPE_STRING", r"'(?:[^'\\]|''|\\[\s\S])*'")
_INSERT = deferred_pattern(globals(), "_INSERT", r"\s*(?i:insert)\b")

# One VALUES cell with what precedes it (a row's `(`, and the `,` between
# rows) and what closes it (`,` or `)`), or — the last branch, tried where
# no cell starts — the whole rest of the text: so `findall` from the list's
# start returns contiguous cells, then the tail after them, and never
# skips text. A cell's parts, in the tuple's order: separator `,` or '',
# `(` or '', quoted string, minus sign, digits, keyword, cast, close.
# (Strings first, and possessive quantifiers: a fifth faster.)
_CELL = deferred_pattern(globals(), "_CELL", r"""\s*+(,?)\s*+(\(?)\s*+(?:
    ('[^']*+(?:''[^']*+)*+')
  | (-\s*)?((?:\d++\.?\d*+|\.\d++)(?:[eE][+-]?\d++)?+)(?![\w$])
  | ((?i:null|default|true|false))(?![\w$])
  )(?:\s*::\s*([A-Za-z_][\w]*+))?+\s*+([,)])
  | ([\s\S]*)""", re.VERBOSE)
# One cell alone, for `_values` (which walks the rows with its offsets):
# minus sign, digits, quoted string, keyword, cast, close.
_ONE_CELL = deferred_pattern(globals(), "_ONE_CELL", r"""\s*(?:
    (-\s*)?((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(?![\w$])
  | ('[^']*(?:''[^']*)*')
  | ((?i:null|default|true|false))(?![\w$])
  )(?:\s*::\s*([A-Za-z_][\w]*))?\s*([,)])""", re.VERBOSE)
SEPARATOR, OPEN, STRING, MINUS, DIGITS, KEYWORD, CAST, CLOSE, TAIL = range(9)
VALUE_PARTS = CAST + 1 - STRING  # a cell's value parts, as `ValuesList.columns` holds them
# A cell's value parts alone (as in `_CELL`), for a whole row's pattern.
_VALUE = r"""\s*+(?:('[^']*+(?:''[^']*+)*+')
  | (-\s*)?((?:\d++\.?\d*+|\.\d++)(?:[eE][+-]?\d++)?+)(?![\w$])
  | ((?i:null|default|true|false))(?![\w$])
  )(?:\s*::\s*([A-Za-z_][\w]*+))?+\s*+"""
_ROW_PATTERN_WIDTH = 64  # wider rows' patterns take long to compile
_LONG_LIST = 2000  # characters: a shorter list is cheaper in one `findall`


@lru_cache(maxsize=32)
def _row_pattern(width: int) -> re.Pattern:
    """A `,` then a row of `width` simple cells (their value parts as
    groups, the last group empty), or — tried where no such row starts —
    the rest of the text in the last group: `findall` returns contiguous
    rows, then the tail, as `_CELL` does for cells."""
    row = r"\s*+,\s*+\(" + ",".join([_VALUE] * width) + r"\)"
    return re.compile(row + r"|([\s\S]*)", re.VERBOSE)
_OPENS = itemgetter(OPEN)
_SEPARATORS = itemgetter(SEPARATOR)
_CLOSES = itemgetter(CLOSE)
_DIGITS = itemgetter(DIGITS)
_ROW_START = deferred_pattern(globals(), "_ROW_START", r"\s*\(")
_ROW_NEXT = deferred_pattern(globals(), "_ROW_NEXT", r"\s*,")
_CONTINUED = deferred_pattern(globals(), "_CONTINUED", r"[ \t\f\r]*\n\s*'")
_GLUED = deferred_pattern(globals(), "_GLUED", r"[\w$]")
_NAME_CHARS = deferred_pattern(globals(), "_NAME_CHARS", r"(?:[\w$]|[^\x00-\x7f])*\Z")
_NAME_REST = deferred_pattern(globals(), "_NAME_REST", r"(?:[\w$]|[^\x00-\x7f])*")


class Constant(NamedTuple):
    """One lifted constant: where it starts, its value text (a string's
    quotes undone), its class (`s` string, `i` int4, `l` int8, `n`
    numeric), and the offset of a minus sign right before it (-1: none).
    A tuple: a 1000-row page makes thousands of them."""

    start: int
    text: str
    cls: str
    minus: int = -1


class ValuesList(NamedTuple):
    """An INSERT's VALUES list of simple cells: where its first row starts
    and its width. A single row's `cells` are each cell's parts as `_CELL`
    groups them (indexed by SEPARATOR, OPEN, STRING, MINUS, DIGITS,
    KEYWORD, CAST, CLOSE; '' for a part the cell lacks); more rows come as
    `columns` instead (`cells` None): for each column in turn, its cells'
    STRING, MINUS, DIGITS, KEYWORD and CAST parts, each a sequence over
    the rows (`VALUE_PARTS` sequences per column; more may follow)."""

    start: int
    width: int
    cells: list | None
    columns: list | None = None

    @property
    def rows(self) -> int:
        return 1 if self.columns is None else len(self.columns[0])

    def located(self, sql: str) -> tuple[tuple, list[Constant]]:
        """The rows as (their cells' shapes, their indexes into the
        returned constants or -1), and the constants with their offsets:
        what learning a template and placing an error need."""
        constants: list[Constant] = []
        rows, _ = _values(sql, self.start, constants)  # type: ignore[misc]
        return rows, constants


class Normalized(NamedTuple):
    """`key`: the text with constants replaced by class markers; `constants`
    in text order (an INSERT's VALUES cells aside); `values`: that VALUES
    list, or None; `sql`: the text."""

    key: str
    constants: tuple[Constant, ...]
    values: ValuesList | None = None
    sql: str = ""


_new = tuple.__new__  # a NamedTuple without its Python-level __new__


def number_class(text: str) -> str | None:
    if len(text) < 10 and text.isdigit():
        return "i"
    if "." in text or "e" in text or "E" in text:
        return "n"
    if text in _EDGES or text.lstrip("0") in _EDGES:
        return None  # the type depends on a folded minus sign: verbatim
    value = int(text)
    return "i" if value <= INT4_MAX else "l" if value <= INT8_MAX else "n"


def _minus_before(sql: str, start: int) -> int:
    i = start - 1
    if i < 0 or sql[i] not in " \t\n\r\f-":
        return -1  # the usual case: `(`, `,`, `=` or a letter before it
    while i >= 0 and sql[i] in " \t\n\r\f":
        i -= 1
    return i if i >= 0 and sql[i] == "-" else -1


def normalize(sql: str) -> Normalized | None:
    """The cache key and constants of `sql`, or None (exact text only)."""
    pieces: list[str] = []
    constants: list[Constant] = []
    values = None
    pos = 0  # text before `pos` is in `pieces`
    end = len(sql)
    at = 0  # where the next token may start; what is before is skipped text
    insert = _INSERT.match(sql) is not None
    token = (_TOKEN_INSERT if insert else _TOKEN).match
    skip = (_SKIP_INSERT if insert else _SKIP).match
    skipped = 0  # where the text since the last token starts
    consumed = True
    while True:
        if consumed:
            skipped = at
        start = skip(sql, at).end()
        if start >= end:
            break
        m = token(sql, start)
        consumed = m is not None
        if m is None:  # `-` or `.` alone, a digit inside a name
            at = start + 1
            continue
        kind = m.lastgroup
        at = m.end()
        if kind == "str":
            if _CONTINUED.match(sql, at):
                return None
            prefix = _prefix(sql, skipped, start)
            if prefix:  # E'…', B'…', X'…', N'…', U&'…': kept as written
                if prefix in "eE":
                    e = _ESCAPE_STRING.match(sql, start)
                    if e is None:
                        return None
                    at = e.end()
                    if _CONTINUED.match(sql, at):
                        return None
                continue
            pieces.append(sql[pos:start])
            pieces.append("\x00s")
            pos = at
            text = m.group()[1:-1]
            if "''" in text:
                text = text.replace("''", "'")
            constants.append(Constant(start, text, "s"))
        elif kind == "num":
            if at < end and _GLUED.match(sql, at):
                return None
            text = m.group()
            cls = number_class(text)
            if cls is None:
                continue
            pieces.append(sql[pos:start])
            pieces.append("\x00" + cls)
            pos = at
            constants.append(Constant(start, text, cls,
                                      _minus_before(sql, start)))
        elif kind == "values":
            found = _values_list(sql, at)
            if found is not None:
                values, after = found
                pieces.append(sql[pos:at])
                pieces.append(f"\x00V{values.width}")
                pos = at = after
            token, skip = _TOKEN.match, _SKIP.match
        elif kind in ("param", "dollar"):
            if _in_name(sql, skipped, start):
                at = _NAME_REST.match(sql, start).end()  # `a$1`, `a$$b`: a name
            elif kind == "param":
                return None
            else:
                close = sql.find(m.group(), at)
                if close < 0:
                    return None
                at = close + len(m.group())
        elif kind == "block":
            at = _block_end(sql, at)
            if at < 0:
                return None
        elif kind == "semi":
            if sql[at:].strip():
                return None
    pieces.append(sql[pos:])
    return _new(Normalized, ("".join(pieces), tuple(constants), values, sql))


def _in_name(sql: str, skipped: int, start: int) -> bool:
    """Does the name characters run ending at `start` (within the skipped
    text) start a name, so that `sql[start]` continues it?"""
    run = _NAME_CHARS.search(sql, skipped, start)
    first = run.start() if run else start
    return first < start and not sql[first].isdigit() and sql[first] != "$"


def _prefix(sql: str, skipped: int, start: int) -> str:
    """The letter that makes the string at `start` an E/B/X/N/U& string
    (standing alone, not ending a longer name), or ''."""
    if start - 1 < skipped:
        return ""
    before = sql[start - 1]
    at = start - 1
    if before == "&":
        if start - 2 < skipped or sql[start - 2] not in "uU":
            return ""
        at = start - 2
    elif before not in "eEbBxXnN":
        return ""
    if at > skipped and not _in_name_char(sql[at - 1]):
        return before
    return before if at == skipped else ""


def _in_name_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_$" or ch >= "\x80"


def _block_end(sql: str, at: int) -> int:
    """The end of a (nested) block comment opened before `at`."""
    depth = 1
    while depth:
        close = sql.find("*/", at)
        if close < 0:
            return -1
        opened = sql.find("/*", at, close)
        if opened >= 0:
            depth += 1
            at = opened + 2
        else:
            depth -= 1
            at = close + 2
    return at


def _values_list(sql: str, at: int) -> tuple[ValuesList, int] | None:
    """The VALUES list of simple cells starting at `at` and its end, or
    None when a row is not simple, the rows differ in width, or a number's
    type would depend on a folded minus sign. A long list's first row is
    read cell by cell, which gives the width, and the others one match per
    row with the pattern of a row of that width (`_row_pattern`); a short
    list or a wide row, every cell in one `findall` (`_cell_rows`)."""
    return (_cell_rows if len(sql) - at < _LONG_LIST else _long_rows)(sql, at)


def _long_rows(sql: str, at: int) -> tuple[ValuesList, int] | None:
    """`_values_list` of a long list: the first row cell by cell, the
    others one match per row."""
    cells = []
    pos = at
    match = _CELL.match
    while True:
        m = match(sql, pos)
        cell = m.groups("")
        if not cell[CLOSE] or cell[SEPARATOR] or \
                (cell[OPEN] == "(") is bool(cells):
            return None  # no simple cell, or a `,` or `(` out of place
        cells.append(cell)
        pos = m.end()
        if cell[CLOSE] == ")":
            break
    width = len(cells)
    if _ROW_NEXT.match(sql, pos) is None:  # one row: its cells as they are
        if _cell_follows(sql, pos) or _edge_digits(map(_DIGITS, cells)):
            return None
        return ValuesList(at, width, cells), pos
    if width > _ROW_PATTERN_WIDTH:
        return _cell_rows(sql, at)
    found = _row_pattern(width).findall(sql, pos)
    tail = ""
    while found and not (found[-1][0] or found[-1][2] or found[-1][3]):
        tail = found.pop()[-1]  # the text after the rows, then an empty match
        if tail:
            break
    if _ROW_NEXT.match(tail) or _cell_follows(tail, 0):
        return None  # a row that is not simple, or of another width, follows
    first = tuple([part for c in cells for part in c[STRING:CAST + 1]]) + ("",)
    columns = list(zip(first, *found))
    end = len(sql) - len(tail)
    if _maybe_edge(sql, at, end) and _edge_digits(
            chain.from_iterable(columns[DIGITS - STRING:-1:VALUE_PARTS])):
        return None
    return ValuesList(at, width, None, columns), end


def _cell_rows(sql: str, at: int) -> tuple[ValuesList, int] | None:
    """`_values_list` cell by cell: every cell in one `findall`, then the
    rows' shape checked over the cells' parts."""
    cells = _CELL.findall(sql, at)
    while cells and not cells[-1][CLOSE]:  # the tail, and an empty match
        tail = cells.pop()[TAIL]
        if tail:
            break
    else:
        tail = ""
    # each row: `(` on its first cell, `)` closing its last, `,` before
    # it unless it is the first (counted, then their places checked)
    closes = list(map(_CLOSES, cells))
    rows = closes.count(")")
    if not rows:
        return None
    width, extra = divmod(len(cells), rows)
    if extra or closes[width - 1::width].count(")") != rows:
        return None  # ragged rows get PostgreSQL's errors: the exact path
    opens = list(map(_OPENS, cells))
    separators = list(map(_SEPARATORS, cells))
    if opens.count("(") != rows or opens[::width].count("(") != rows or \
            separators.count(",") != rows - 1 or \
            separators[width::width].count(",") != rows - 1:
        return None  # not a list of rows (a stray `,` or `(`)
    if _ROW_NEXT.match(tail) or _edge_digits(map(_DIGITS, cells)):
        return None
    end = len(sql) - len(tail)
    if rows == 1:
        return ValuesList(at, width, cells), end
    parts = list(zip(*cells))
    columns = [parts[k][j::width] for j in range(width)
               for k in range(STRING, CAST + 1)]
    return ValuesList(at, width, None, columns), end


def _cell_follows(sql: str, pos: int) -> bool:
    """Does a simple cell follow the rows (a row with no `,` before it),
    which makes the list one `_cell_rows` refuses?"""
    return bool(_CELL.match(sql, pos)[CLOSE + 1])


def _maybe_edge(sql: str, at: int, end: int) -> bool:
    return sql.find("2147483648", at, end) >= 0 or \
        sql.find("9223372036854775808", at, end) >= 0


def _edge_digits(digits) -> bool:
    """Is one of the digit runs an edge value (`_EDGES`, leading zeros or
    not), whose type depends on a folded minus sign?"""
    joined = " ".join(digits)
    return ("2147483648" in joined or "9223372036854775808" in joined) and any(
        number_class(d) is None for d in joined.split() if d)


def _values(sql: str, at: int, constants: list[Constant]):
    """An INSERT's VALUES rows of simple cells starting at `at`: (rows,
    end offset), appending their constants; None if any cell is not simple.
    (A string continued on the next line is not a simple cell: the cell
    pattern wants `,` or `)` after it.)"""
    rows = []
    mark = len(constants)
    cell = _ONE_CELL.match
    add = constants.append
    new = tuple.__new__  # a Constant without NamedTuple's Python-level __new__
    while True:
        m = _ROW_START.match(sql, at)
        if m is None:
            break
        at = m.end()
        shapes = []
        indexes = []
        while True:
            c = cell(sql, at)
            if c is None:
                del constants[mark:]
                return None
            at = c.end()
            minus, digits, text, kw, cast, close = c.groups()
            if text is not None:
                text = text[1:-1]
                if "''" in text:
                    text = text.replace("''", "'")
                indexes.append(len(constants))
                add(new(Constant, (c.start(3), text, "s", -1)))
                shapes.append(("s", cast))
            elif kw is not None:
                shapes.append((kw.upper(), cast))
                indexes.append(-1)
            else:
                cls = "i" if len(digits) < 10 and digits.isdigit() \
                    else number_class(digits)
                if cls is None:
                    del constants[mark:]
                    return None
                indexes.append(len(constants))
                if minus is None:
                    add(new(Constant, (c.start(2), digits, cls, -1)))
                    shapes.append((cls, cast, False))
                else:
                    add(new(Constant, (c.start(2), digits, cls, c.start(1))))
                    shapes.append((cls, cast, True))
            if close == ")":
                break
        rows.append((tuple(shapes), tuple(indexes)))
        m = _ROW_NEXT.match(sql, at)
        if m is None:
            break
        at = m.end()
    width = len(rows[0][0]) if rows else 0
    if not rows or any(len(shapes) != width for shapes, _ in rows):
        del constants[mark:]
        return None  # PostgreSQL's errors for ragged lists: the exact path
    return tuple(rows), at
