"""The statement normalizer agrees with PostgreSQL's own scanner.

`passes/normalize.py` is a regex lexer; pglast's `scan` is PostgreSQL 15's
scanner. For any text built from SQL's lexical pieces (names, keywords,
numbers glued or not, plain / E / B / X / U& strings with doubled quotes,
quoted identifiers, dollar quotes, line and nested block comments, `$n`,
operators, semicolons):

- every constant the normalizer lifts is a constant token of the scanner,
  starting at the same offset, with the same value;
- the key with the constants written back is the text again, so two texts
  share a key exactly when they differ only in lifted constants;
- an INSERT's collapsed VALUES list holds every cell, and its located
  rows every constant of its cells.
"""

from __future__ import annotations

import pglast
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pglast.parser import scan

from twinning.passes.normalize import normalize

_CONSTANT_TOKENS = {"SCONST", "ICONST", "FCONST"}

pieces = st.one_of(
    st.sampled_from(["SELECT", "select", "FROM", "t", "t1", "x_9", "WHERE",
                     "AND", "values", "=", "<>", "-", "+", "*", ",", "(",
                     ")", "::", "date", "::int", ".", "||", ";", "$1",
                     "e", "E", "N", "U&", "b", "x"]),
    st.integers(-10**20, 10**20).map(str),
    st.sampled_from(["1.5", ".5", "1e5", "1.", "2147483648", "007",
                     "9223372036854775808", "1_000", "0x1F", "12abc"]),
    st.text(st.sampled_from("ab' \\é\n"), max_size=6).map(
        lambda t: "'" + t.replace("'", "''") + "'"),
    st.sampled_from(["E'a\\'b'", "B'101'", "X'1f'", "U&'d\\0061t'",
                     "N'x'", '"a""b"', '"t 1"', "$$a'b$$", "$q$x$q$",
                     "-- c 'x'\n", "/* a /* 'b' */ 1 */", "'a'\n'b'"]),
)
spaces = st.sampled_from([" ", "", "\n", "  "])


@st.composite
def texts(draw):
    parts = draw(st.lists(st.tuples(pieces, spaces), max_size=14))
    return "".join(p + w for p, w in parts)


def _scanner_constants(sql: str) -> dict[int, str]:
    return {tok.start: tok.name for tok in scan(sql)
            if tok.name in _CONSTANT_TOKENS}


def _written(constant) -> str:
    if constant.cls == "s":
        return "'" + constant.text.replace("'", "''") + "'"
    return constant.text


@settings(max_examples=400, deadline=None)
@given(texts())
@example("SELECT.5 ")  # a dot after a keyword starts a number, not a name part
@example("SELECT t.a, t1.b, \"T\".c FROM t WHERE t.x = .5")
def test_lifted_constants_are_scanner_constants(sql):
    norm = normalize(sql)
    if norm is None:
        return
    try:
        tokens = _scanner_constants(sql)
    except pglast.parser.ParseError:
        return  # the scanner refuses the text: no statement runs from it
    for c in norm.constants:
        assert tokens.get(c.start) in _CONSTANT_TOKENS, (sql, c)
        written = _written(c)
        assert sql[c.start:c.start + len(written)] == written, (sql, c)
        kind = tokens[c.start]
        assert (kind == "SCONST") == (c.cls == "s"), (sql, c, kind)


@settings(max_examples=400, deadline=None)
@given(texts())
def test_key_and_constants_give_the_text_back(sql):
    norm = normalize(sql)
    if norm is None or norm.values is not None:
        return
    rebuilt = norm.key
    for c in norm.constants:
        marker = "\x00" + c.cls
        assert marker in rebuilt
        rebuilt = rebuilt.replace(marker, _written(c), 1)
    assert rebuilt == sql


rows = st.lists(st.lists(st.one_of(
    st.integers(-10**12, 10**12).filter(  # edges stay verbatim: no collapse
        lambda n: abs(n) not in (2**31, 2**63)).map(str),
    st.sampled_from(["NULL", "DEFAULT", "true", "1.25", "'x'::date",
                     " -3", "'it''s'", "'é'"])), min_size=3, max_size=3),
    min_size=1, max_size=5)


@settings(max_examples=200, deadline=None)
@given(rows)
def test_values_rows_hold_every_cell_constant(cells):
    sql = "INSERT INTO t VALUES " + ", ".join(
        "(" + ", ".join(row) + ")" for row in cells)
    norm = normalize(sql)
    assert norm is not None and norm.values is not None
    assert norm.key == "INSERT INTO t VALUES\x00V3" and not norm.constants
    assert norm.values.rows == len(cells) and norm.values.width == 3
    rows, constants = norm.values.located(sql)
    assert len(rows) == len(cells)
    tokens = _scanner_constants(sql)
    lifted = sorted(i for _, indexes in rows for i in indexes if i >= 0)
    assert lifted == list(range(len(constants)))
    assert {c.start for c in constants} <= set(tokens)


values_pieces = st.lists(st.one_of(
    st.sampled_from(["(", ")", ",", " ", "1", "-2", "'a'", "'b,c)'", "NULL",
                     "DEFAULT", "2.5", "'x'::date", "now()", "x", "::",
                     "2147483648", "true", " ON CONFLICT DO NOTHING"]),
    st.sampled_from(["(1, 'a')", "(2, NULL)", "(3, 'x''y')", "(1)"])),
    max_size=12)


@settings(max_examples=600, deadline=None)
@given(values_pieces)
@example(["(1, 'a')", ",", "(2, NULL)"])
@example(["(1, 'a')", ",", "(1)"])
@example(["(1, 'a')", ",", ",", "(2, NULL)"])
@example(["(", "1", ",", "(", "2", ")"])
def test_values_list_agrees_with_the_row_walker(parts):
    """What the one-pass VALUES check (`_values_list`) accepts, the
    cell-by-cell walker (`_values`, which learning uses) reads as the same
    rows of one width, up to the same end. (Well-formed lists are
    accepted: `test_values_rows_hold_every_cell_constant`.)"""
    from twinning.passes.normalize import (_ROW_NEXT, _values, _values_list,
                                           _long_rows)

    sql = "INSERT INTO t VALUES " + "".join(parts)
    at = len("INSERT INTO t VALUES")
    found = _values_list(sql, at)
    walked = _values(sql, at, [])
    if found is None:
        assert _long_rows(sql, at) is None, sql
        return
    assert walked is not None and not _ROW_NEXT.match(sql, walked[1]), sql
    values, end = found
    rows, walked_end = walked
    assert end == walked_end, sql
    assert values.width * len(rows) == values.width * values.rows == \
        sum(len(shapes) for shapes, _ in rows), sql

    # a long list's path (row by row) reads what the short one (every
    # cell at once) reads, to the same end
    long = _long_rows(sql, at)
    assert (long is None) is (found is None), sql
    assert long[1] == end and long[0].width == values.width and \
        long[0].cells == values.cells, sql
    if values.columns is not None:
        assert [tuple(c) for c in long[0].columns[:len(values.columns)]] == \
            [tuple(c) for c in values.columns], sql
