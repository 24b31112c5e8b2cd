"""The error catalog (`twinning.errors`): one place spells SQLSTATEs.

- no string literal in `twinning/`, `passes/` or `ir/` equals a SQLSTATE
  of PostgreSQL 15's errcodes.txt, outside the generated catalog module:
  code names a condition by its constant or constructor;
- each generated constructor gives its condition's SQLSTATE, as an
  instance of its class's subclass, and `SqlError(code, ...)` picks the
  same class for any code;
- the semantic constructors keep PostgreSQL's spelling;
- errors survive pickling with their class and fields.
"""

from __future__ import annotations

import ast
import inspect
import pickle
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from twinning import errors
from twinning.errors import base, conditions

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "twinning" / "errors" / "conditions.py"
SQLSTATE = re.compile(r"[0-9A-Z]{5}")
CLASS_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

CONSTANTS = {name: value for name, value in vars(conditions).items()
             if name.isupper() and isinstance(value, str)
             and SQLSTATE.fullmatch(value)}
CODES = set(CONSTANTS.values())


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text())
    pieces = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)
              for v in n.values}
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and n.value in CODES and id(n) not in pieces]


def test_the_catalog_covers_errcodes():
    # every class of errcodes.txt has its subclass, every code a constant
    assert len(CODES) == 260 and len(CONSTANTS) == 266
    assert {code[:2] for code in CODES} == set(base.CLASSES)


def test_no_sqlstate_literal_outside_the_catalog():
    found = []
    for folder in ("twinning", "passes", "ir"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path == CATALOG:
                continue
            for line, value in _literals(path):
                found.append(f"{path.relative_to(ROOT)}:{line}: {value!r}")
    assert not found, ("SQLSTATE literals outside twinning/errors/conditions.py "
                       "(use the catalog's constant or constructor):\n  "
                       + "\n  ".join(found))


def test_the_grep_sees_a_literal(tmp_path):
    path = tmp_path / "m.py"
    path.write_text('x = "42P01"\ny = f"{x}42P01"\nz = "HELLO"\n')
    assert _literals(path) == [(1, "42P01")]


def _constructors():
    for name, const in CONSTANTS.items():
        ctor = getattr(conditions, name.lower(), None)
        if ctor is not None:
            yield name.lower(), const, ctor


def test_each_constructor_gives_its_condition():
    count = 0
    for name, code, ctor in _constructors():
        error = ctor("message", detail="d", position=3)
        assert error.sqlstate == code, name
        assert type(error) is base.CLASSES[code[:2]], name
        assert isinstance(error, errors.SqlError)
        assert error.fields() == {"sqlstate": code, "message": "message",
                                  "detail": "d", "position": 3}
        count += 1
    assert count == len(CONSTANTS) - 2  # feature_not_supported, out_of_memory


def test_names_follow_postgres():
    assert errors.UNDEFINED_TABLE == "42P01"
    assert errors.UNIQUE_VIOLATION == "23505"
    assert errors.STRING_DATA_RIGHT_TRUNCATION == "22001"
    assert errors.WARNING_STRING_DATA_RIGHT_TRUNCATION == "01004"
    assert errors.UNDEFINED_SCHEMA == errors.INVALID_SCHEMA_NAME == "3F000"
    assert errors.CONDITION_NAMES["null_value_not_allowed"] == "22004"
    assert errors.CONDITION_NAMES["modifying_sql_data_not_permitted"] == "2F002"
    assert "deprecated_feature" not in errors.CONDITION_NAMES  # a warning
    assert errors.IntegrityConstraintViolation.sqlstate_class == "23"
    assert errors.SqlWarning.sqlstate_class == "01"


def test_except_by_class():
    try:
        raise errors.SqlError("23505", "dup")
    except errors.IntegrityConstraintViolation as exc:
        assert exc.sqlstate == "23505"
    try:
        raise errors.feature_not_supported("FOO")
    except errors.FeatureNotSupported as exc:
        assert exc.message == "FOO is not supported by twinning"


@given(st.text(CLASS_CHARS, min_size=5, max_size=5))
def test_any_code_maps_to_its_class(code):
    error = errors.SqlError(code, "m")
    expected = base.CLASSES.get(code[:2], errors.SqlError)
    assert type(error) is expected
    assert error.sqlstate == code and error.fields()["sqlstate"] == code


@given(st.sampled_from(sorted(CODES)), st.text(max_size=20),
       st.none() | st.text(max_size=20), st.none() | st.integers(1, 999))
def test_errors_pickle(code, message, detail, position):
    error = errors.SqlError(code, message, detail=detail, position=position,
                            severity="FATAL")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert again.fields() == error.fields() and again.severity == "FATAL"
    assert str(again) == str(error) == message


def test_subclasses_keep_their_class():
    from twinning.wire.violation import ProtocolViolation

    error = ProtocolViolation("bad message")
    assert type(error) is ProtocolViolation
    assert type(pickle.loads(pickle.dumps(error))) is ProtocolViolation


def test_semantic_constructors():
    # texts as parse_relation.c, varchar.c, nbtinsert.c spell them
    assert errors.missing_from_entry("t", 8).fields() == {
        "sqlstate": "42P01", "position": 8,
        "message": 'missing FROM-clause entry for table "t"'}
    assert errors.relation_does_not_exist("s.t").message == \
        'relation "s.t" does not exist'
    assert errors.column_does_not_exist("c").sqlstate == "42703"
    assert errors.duplicate_key("t_pkey", "id", "1",
                                constraint="t_pkey").fields() == {
        "sqlstate": "23505",
        "message": 'duplicate key value violates unique constraint "t_pkey"',
        "detail": "Key (id)=(1) already exists.", "constraint": "t_pkey"}
    assert errors.value_too_long("character varying(3)").fields() == {
        "sqlstate": "22001",
        "message": "value too long for type character varying(3)"}
    assert errors.invalid_input_syntax("integer", "x").fields() == {
        "sqlstate": "22P02",
        "message": 'invalid input syntax for type integer: "x"'}
    spelt = {
        errors.schema_does_not_exist("s"): ("3F000", 'schema "s" does not exist'),
        errors.type_does_not_exist("t"): ("42704", 'type "t" does not exist'),
        errors.type_already_exists("t"): ("42710", 'type "t" already exists'),
        errors.role_does_not_exist("r"): ("42704", 'role "r" does not exist'),
        errors.database_does_not_exist("d"):
            ("3D000", 'database "d" does not exist'),
        errors.column_specified_more_than_once("c"):
            ("42701", 'column "c" specified more than once'),
        errors.column_of_relation_does_not_exist("c", "t"):
            ("42703", 'column "c" of relation "t" does not exist'),
        errors.column_of_relation_already_exists("c", "t"):
            ("42701", 'column "c" of relation "t" already exists'),
        errors.type_modifier_not_allowed("text"):
            ("42601", 'type modifier is not allowed for type "text"'),
        errors.integer_out_of_range(): ("22003", "integer out of range"),
        errors.conflicting_options(): ("42601", "conflicting or redundant options"),
        errors.relation_already_exists("t"): ("42P07", 'relation "t" already exists'),
    }
    for error, (code, message) in spelt.items():
        assert (error.sqlstate, error.message) == (code, message)


def test_generated_constructors_are_plain_functions():
    # import cost: no classes beyond the per-class ones, no closures
    classes = [v for v in vars(conditions).values() if inspect.isclass(v)
               and issubclass(v, errors.SqlError) and v is not errors.SqlError]
    assert len(classes) == len(base.CLASSES)
