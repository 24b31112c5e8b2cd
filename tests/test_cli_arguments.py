"""`cli.parse_arguments` keeps docopt's parsed usage between calls; it must
answer exactly as `docopt(__doc__, argv)` does, for any command line."""

from __future__ import annotations

import docopt
from hypothesis import given, settings
from hypothesis import strategies as st

from twinning import cli

WORDS = ("postgres", "tournament", "explain", "snapshot", "inspect", "proof",
         "twin-pair", "materialize", "mysql", "x.twin", "SELECT 1", "--")
OPTIONS = ("--schema", "--restore", "--verify", "--host", "--port", "--serve",
           "--run", "--report", "--snapshot", "--candidate", "--where",
           "--jobs", "--json", "--describe", "--help", "-h", "--version",
           "--skip-unsupported", "--clock", "--seed", "--schema-only",
           "--port=0", "--candidate=a=true", "--bogus", "-x")
VALUES = ("s.sql", "0", "a=true", "t=a > 1", "2024-01-01")


def docopt_says(argv: list[str]):
    try:
        return dict(docopt.docopt(cli.__doc__, argv, default_help=False,
                                  version=None))
    except docopt.DocoptExit:
        return "usage error"


def twin_says(argv: list[str]):
    try:
        return dict(cli.parse_arguments(argv))
    except docopt.DocoptExit:
        return "usage error"


EXAMPLES = [
    ["postgres", "--schema", "s.sql", "--run", "python x.py", "--report", "r.json"],
    ["postgres", "--schema=s.sql", "--port", "0", "--serve", "--snapshot-dir", "d"],
    ["tournament", "--schema", "s.sql", "--candidate", "a=true",
     "--candidate", "b=false", "--jobs", "2", "--json"],
    ["tournament", "--schema", "s.sql"],
    ["materialize", "--where", "t=a > 1", "--where", "u=b", "--from", "postgresql://x"],
    ["explain", "SELECT 1", "--schema", "s.sql"],
    ["snapshot", "inspect", "x.twin", "--json"],
    ["proof", "twin-pair", "--left", "a", "--right", "b", "--queries", "q"],
    ["mysql"], ["--describe"], ["--help"], ["-h"], ["--version"], [],
    ["postgres", "--bogus"], ["postgres", "--schema"], ["nope"],
]


def test_examples_read_as_docopt_reads_them():
    for argv in EXAMPLES:
        assert twin_says(argv) == docopt_says(argv), argv


def test_the_usage_defaults_are_not_shared_between_calls():
    first = cli.parse_arguments(["tournament", "--candidate", "a=true"])
    first["--where"].append("changed")
    again = cli.parse_arguments(["postgres"])
    assert again["--where"] == [] and again["--candidate"] == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS + OPTIONS + VALUES), max_size=8))
def test_any_command_line_reads_as_docopt_reads_it(argv):
    assert twin_says(argv) == docopt_says(argv)
