"""Bad schema files of any shape end in a refusal, never a traceback.

Mutations of real schema files (slices deleted, duplicated or swapped,
tokens replaced) reach every stage — parse, lower, resolve — with input no
one wrote on purpose. `compile_schema` must either load the file or raise a
`Refusal`; any other exception is a bug.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.corpus import cases
from twinning.bootstrap import compile_schema
from twinning.errors import Refusal

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    [script for _, script in cases("schemas/valid.sql")]
    + [script for _, script in cases("schemas/invalid.sql")]
    + [p.read_text() for p in (ROOT / "examples").glob("*/schema.sql")])
TOKENS = ["(", ")", ",", ";", "NULL", "NOT", "PRIMARY KEY", "REFERENCES t",
          "CHECK (a > 0)", "DEFAULT", "'x'", "1e400", "-", "int", "text[]",
          "UNIQUE", "CONSTRAINT c", "\"q\"", "ON DELETE CASCADE", "serial",
          "numeric(3,", "GENERATED ALWAYS AS IDENTITY", "::", "é"]


@st.composite
def mutated(draw) -> str:
    text = draw(st.sampled_from(SOURCES))
    for _ in range(draw(st.integers(1, 3))):
        if not text:
            break
        i = draw(st.integers(0, len(text) - 1))
        j = draw(st.integers(i, min(len(text), i + 40)))
        action = draw(st.sampled_from(["delete", "duplicate", "insert"]))
        if action == "delete":
            text = text[:i] + text[j:]
        elif action == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        else:
            text = text[:i] + " " + draw(st.sampled_from(TOKENS)) + " " + text[i:]
    return text


@settings(max_examples=300, deadline=None)
@given(mutated())
def test_any_schema_loads_or_is_refused(text):
    try:
        compile_schema(text, "mutant.sql")
    except Refusal as refusal:
        assert refusal.code.startswith("E_SCHEMA_")
        assert refusal.message
