"""Random SQL on real PostgreSQL 15 and on the twin: no silent wrong answer.

Each example draws two tables `t1`, `t2` of random columns (every kind of
`property/random_sql.py`: integers, numeric(p,s), float8, text/varchar/
char, bool, date, timestamp(tz), interval, uuid, jsonb, int4[]/text[])
with edge-case rows, then a few statements over them: projections with
WHERE, GROUP BY with aggregates, joins, window functions, and write
transactions read back (`random_sql.statement`). The tables are created on
one PostgreSQL database (dropped and recreated per example) and on a fresh
twin of the same schema; every statement line runs on both through the
differential harness's `observe` (tests/differential/harness.py) and the
two records are compared as the corpora compare them: tag, columns and
type OIDs, rows, notices, SQLSTATE, error text and position, transaction
status.

Each line is classified:
- *agree*: the records are equal;
- *twin refuses*: the twin answered SQLSTATE 0A000 (feature not
  supported) and PostgreSQL did not (or the twin's message is one of its
  own refusals, "... is not supported by twinning", where PostgreSQL's
  0A000 is another: NaN to bigint, say): allowed and counted, with the
  message, for the report; after a refusal inside a write unit (or of a
  setup INSERT) the rest of the example is not compared, since the two
  servers' data may now differ;
- *wrong answer*: anything else — different results, the twin succeeding
  where PostgreSQL errors or the reverse, a different SQLSTATE or error
  text. A wrong answer fails the test, and Hypothesis shrinks it to a
  minimal falsifying example (the schema and the lines, in `note`s).

Running it:
    .venv/bin/python -m pytest -q -p no:randomly -s property/test_random_differential.py
runs TWINNING_FUZZ_EXAMPLES examples (default 150, about 600 statements
(inserts included) in 10-20 s),
derandomized, so CI sees the same examples every time. `make fuzz` runs
many more with a random seed (TWINNING_FUZZ_RANDOM=1) and in collecting
mode (TWINNING_FUZZ_COLLECT=1): wrong answers are recorded instead of
failing the first example, and the last test fails if there were any.
Both write out/fuzz-report.json (counts, refusal causes, wrong answers)
and print a summary (visible with -s).
"""

from __future__ import annotations

import collections
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from property.random_sql import statement, table
from tests.differential.harness import observe, twin_server

pytestmark = pytest.mark.realpg

EXAMPLES = int(os.environ.get("TWINNING_FUZZ_EXAMPLES", "150"))
COLLECT = os.environ.get("TWINNING_FUZZ_COLLECT") == "1"
RANDOM = os.environ.get("TWINNING_FUZZ_RANDOM") == "1"
REPORT = Path(os.environ.get("TWINNING_FUZZ_REPORT", "out/fuzz-report.json"))
DBNAME = "fuzz_db"

SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    derandomize=not RANDOM, database=None,
                    print_blob=True,
                    suppress_health_check=list(HealthCheck))

STATS: dict = {"examples": 0, "statements": 0, "agree": 0, "refused": 0,
               "wrong": 0}
REFUSALS: collections.Counter = collections.Counter()
WRONG: list[dict] = []


@pytest.fixture(scope="module")
def pg(realpg):
    """One database for the whole module; each example drops and recreates
    its tables (much cheaper than CREATE DATABASE per example)."""
    admin = realpg.connect()
    with admin.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {DBNAME} WITH (FORCE)")
        cur.execute(f"CREATE DATABASE {DBNAME}")
    conn = realpg.connect(dbname=DBNAME)
    conn.autocommit = True
    yield conn
    conn.close()
    with admin.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {DBNAME} WITH (FORCE)")
    admin.close()
    write_report()


def refusal_cause(message: str) -> str:
    """A refusal message without its specifics (names, literals)."""
    first = message.splitlines()[0] if message else ""
    first = re.sub(r'"[^"]*"', '"…"', first)
    return re.sub(r"\b\d+\b", "N", first)


def run_example(pg, schema: str, setup: list[str], units: list[list[str]]
                ) -> list[dict]:
    """Wrong answers of one example (also counted in STATS/REFUSALS)."""
    with pg.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS t1, t2")
        cur.execute(schema)
    del pg.notices[:]
    wrong: list[dict] = []
    with twin_server(schema, DBNAME) as connect_twin:
        twin = connect_twin()
        twin.autocommit = True
        try:
            for unit_no, unit in enumerate([[line] for line in setup] + units):
                for line in unit:
                    want, got = observe(pg, line), observe(twin, line)
                    STATS["statements"] += 1
                    if want == got:
                        STATS["agree"] += 1
                        continue
                    err = got.get("error")
                    if err and err[0] == "0A000" and (
                            (want.get("error") or ("",))[0] != "0A000"
                            or "by twinning" in err[1]):
                        STATS["refused"] += 1
                        REFUSALS[refusal_cause(err[1])] += 1
                        if unit_no < len(setup) or len(unit) > 1:
                            return wrong    # the data (may) now differ
                        break
                    STATS["wrong"] += 1
                    wrong.append({"schema": schema, "setup": setup,
                                  "unit": unit, "line": line,
                                  "pg": repr(want), "twin": repr(got)})
                    return wrong    # later lines would only repeat it
        finally:
            twin.close()
            if pg.info.transaction_status != 0:    # left mid-transaction
                with pg.cursor() as cur:
                    cur.execute("ROLLBACK")
    return wrong


@st.composite
def example(draw):
    t1, t2 = draw(table("t1", "a")), draw(table("t2", "b"))
    units = draw(st.lists(statement(t1, t2), min_size=1, max_size=4))
    return t1, t2, units


@SETTINGS
@given(example())
def test_random_statements_agree(pg, drawn):
    t1, t2, units = drawn
    schema = t1.ddl() + "\n" + t2.ddl() + "\n"
    setup = t1.inserts() + t2.inserts()
    note("schema:\n" + schema + "\n".join(setup))
    note("statements:\n" + "\n".join("\n".join(u) for u in units))
    STATS["examples"] += 1
    wrong = run_example(pg, schema, setup, units)
    if wrong and COLLECT:
        seen = {(w["line"], w["pg"], w["twin"]) for w in WRONG}
        WRONG.extend(w for w in wrong
                     if (w["line"], w["pg"], w["twin"]) not in seen)
        return
    assert not wrong, "silent wrong answer:\n" + "\n".join(
        f"{w['line']}\n  pg:   {w['pg']}\n  twin: {w['twin']}" for w in wrong)


def write_report() -> None:
    total = max(STATS["statements"], 1)
    report = {**STATS, "wrong_distinct": len(WRONG), "refusal_rate": round(STATS["refused"] / total, 4),
              "refusal_causes": REFUSALS.most_common(),
              "wrong_answers": WRONG}
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(f"\nrandom differential: {STATS['examples']} examples, "
          f"{STATS['statements']} statements, {STATS['agree']} agree, "
          f"{STATS['refused']} twin refusals ({report['refusal_rate']:.1%}), "
          f"{STATS['wrong']} wrong answers; report: {REPORT}")
    for cause, count in REFUSALS.most_common(10):
        print(f"  {count:5d}  {cause}")


def test_no_wrong_answers_collected():
    """In collecting mode (`make fuzz`), the run fails if any example
    recorded a wrong answer (they are in the report)."""
    assert not WRONG, f"{len(WRONG)} wrong answers; see {REPORT}"
