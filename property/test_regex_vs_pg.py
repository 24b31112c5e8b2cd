"""Random regular expressions on real PostgreSQL 15 and on the twin.

Patterns over a small alphabet mix what makes PostgreSQL's ARE choice of
match differ from Python's backtracking one: alternation, greedy and
non-greedy quantifiers, capture and non-capturing groups, lookahead and
lookbehind constraints, anchors and word boundaries. Each example runs a
batch of calls (regexp_match, regexp_replace with and without group
references, regexp_count, substring, regexp_substr, regexp_split_to_array,
`~`) on one twin and one PostgreSQL connection through the differential
harness's `observe`. A twin refusal (0A000 "... by twinning") is allowed;
any other difference is a wrong answer and fails the test.

TWINNING_REGEX_EXAMPLES (default 20, of 25 calls each) sets the size.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from tests.differential.harness import observe, twin_server

pytestmark = pytest.mark.realpg

EXAMPLES = int(os.environ.get("TWINNING_REGEX_EXAMPLES", "20"))

_SIMPLE = st.sampled_from(["a", "b", "c", ".", "[ab]", "[^a]"])
_CONSTRAINT = st.sampled_from(["^", "$", "\\y", "\\m", "\\M"])
_LOOK = st.tuples(st.sampled_from(["(?=", "(?!", "(?<=", "(?<!"]),
                  st.sampled_from(["a", "b", "ab", "[bc]", "a|bb", "b+",
                                   "c?a"])).map(
    lambda t: t[0] + t[1] + ")")
_QUANT = st.sampled_from(["", "", "", "*", "+", "?", "{1,2}", "{2}",
                          "{0,1}", "{1,}", "*?", "+?", "??", "{1,2}?"])


def _regex(depth: int) -> st.SearchStrategy[str]:
    atom = _SIMPLE if depth >= 2 else st.one_of(
        _SIMPLE, _SIMPLE, _CONSTRAINT, _LOOK,
        st.deferred(lambda: _regex(depth + 1)).map(lambda r: f"({r})"),
        st.deferred(lambda: _regex(depth + 1)).map(lambda r: f"(?:{r})"))
    piece = st.tuples(atom, _QUANT).map(
        lambda t: t[0] if t[0].startswith(("(?=", "(?!", "(?<", "^", "$", "\\"))
        else t[0] + t[1])
    branch = st.lists(piece, min_size=1, max_size=3).map("".join)
    return st.lists(branch, min_size=1, max_size=3).map("|".join)


_TEXT = st.text(alphabet="abc ", max_size=8)
_CALLS = ["regexp_match('{t}', '{p}')", "regexp_replace('{t}', '{p}', 'X', 'g')",
          "regexp_replace('{t}', '{p}', '<\\1>')", "regexp_count('{t}', '{p}')",
          "substring('{t}', '{p}')", "regexp_substr('{t}', '{p}')",
          "regexp_split_to_array('{t}', '{p}')", "'{t}' ~ '{p}'"]
_LINE = st.tuples(st.sampled_from(_CALLS), _TEXT, _regex(0)).map(
    lambda c: "SELECT " + c[0].format(t=c[1], p=c[2]))


@pytest.fixture(scope="module")
def servers(realpg):
    pg = realpg.connect()
    pg.autocommit = True
    with twin_server("", "postgres") as connect:
        twin = connect()
        twin.autocommit = True
        yield pg, twin
        twin.close()
    pg.close()


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          database=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_LINE, min_size=25, max_size=25))
def test_regex_calls_agree_or_are_refused(servers, lines):
    pg, twin = servers
    for line in lines:
        want, got = observe(pg, line), observe(twin, line)
        if want == got:
            continue
        err = got.get("error")
        if err and err[0] == "0A000" and "by twinning" in err[1]:
            continue
        note(line)
        assert got == want, f"{line}\n  pg:   {want}\n  twin: {got}"
