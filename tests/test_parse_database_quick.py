"""CREATE / DROP DATABASE read without the grammar
(`parse_database.quick_database_command`) agree with pglast's reading
(`parse_query`'s own path) wherever the quick reader answers; where the
grammar refuses or reads otherwise, the quick reader declines."""

from __future__ import annotations

import importlib

from hypothesis import given, settings
from hypothesis import strategies as st

from twinning.errors import SqlError
from twinning.passes.parse_database import quick_database_command

pq = importlib.import_module("twinning.passes.parse_query")  # the module


def _grammar(sql: str):
    """parse_query without the quick path."""
    saved = pq.quick_database_command
    pq.quick_database_command = lambda sql: None
    try:
        return pq.parse_query(sql)
    except SqlError as exc:
        return exc.sqlstate
    finally:
        pq.quick_database_command = saved


def _cased(word: str) -> st.SearchStrategy[str]:
    return st.lists(st.booleans(), min_size=len(word), max_size=len(word)).map(
        lambda ups: "".join(c.upper() if u else c for c, u in zip(word, ups)))


_blank = st.text(" \t\n\r\f", min_size=1, max_size=3)
_blank0 = st.text(" \t\n\r\f\v", max_size=2)
_plain = st.one_of(
    st.from_regex(r"[A-Za-z_][A-Za-z0-9_$]{0,8}", fullmatch=True),
    st.sampled_from(["template", "with", "select", "default", "postgres",
                     "template1", "a" * 63, "a" * 64, "Fork_1", "é"]))
_quoted = st.text(st.characters(blacklist_categories=("Cs",),
                                blacklist_characters="\0"),
                  max_size=8).map(lambda t: '"' + t.replace('"', '""') + '"')
_name = st.one_of(_plain, _plain, _quoted)


@st.composite
def _statement(draw) -> str:
    parts = [draw(_blank0)]
    if draw(st.booleans()):
        parts += [draw(_cased("create")), draw(_blank), draw(_cased("database")),
                  draw(_blank), draw(_name)]
        if draw(st.booleans()):
            parts.append(draw(_blank))
            if draw(st.booleans()):
                parts += [draw(_cased("with")), draw(_blank)]
            parts.append(draw(_cased("template")))
            parts.append(draw(st.sampled_from([" ", " = ", "=", "  =\t"])))
            parts.append(draw(_name))
    else:
        parts += [draw(_cased("drop")), draw(_blank), draw(_cased("database")),
                  draw(_blank)]
        if draw(st.booleans()):
            parts += [draw(_cased("if")), draw(_blank), draw(_cased("exists")),
                      draw(_blank)]
        parts.append(draw(_name))
    parts.append(draw(st.sampled_from(["", ";", " ; ", ";\n", ";;", " -- c",
                                       " owner x", " WITH (FORCE)", ",x"])))
    return "".join(parts)


@settings(max_examples=600, deadline=None)
@given(_statement())
def test_the_quick_reader_agrees_with_the_grammar(sql: str) -> None:
    quick = quick_database_command(sql)
    if quick is not None:
        assert quick == _grammar(sql), sql


def test_the_fork_loop_statements_are_read_quickly() -> None:
    for sql in ("CREATE DATABASE fork_1 TEMPLATE fork_template",
                "DROP DATABASE fork_1", 'drop database if exists "Fork 1";',
                "create database x with template = y ;"):
        assert quick_database_command(sql) == _grammar(sql)


def test_what_the_grammar_reads_otherwise_is_left_to_it() -> None:
    for sql in ("CREATE DATABASE template TEMPLATE x",  # a keyword as name
                "CREATE DATABASE x TEMPLATE DEFAULT",
                "CREATE DATABASE " + "a" * 64,           # truncated, NOTICE
                'CREATE DATABASE "a""b"', "CREATE DATABASE x -- c",
                "DROP DATABASE x WITH (FORCE)", "CREATE DATABASE x OWNER y",
                "CREATE DATABASE \u00e9t\u00e9"):
        assert quick_database_command(sql) is None, sql
