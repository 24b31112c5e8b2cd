"""Constructors for the messages raised from more than one place, spelt as
PostgreSQL's elog sites spell them (the C function is named on each).

A message built in two modules belongs here, so that its wording, SQLSTATE
and fields cannot drift apart; one built once stays at its site with its
condition's constructor.
"""

from __future__ import annotations

from typing import Any

from twinning.errors.base import SqlError
from twinning.errors.conditions import (
    INVALID_TEXT_REPRESENTATION, ambiguous_function, duplicate_column, duplicate_object,
    duplicate_table, numeric_value_out_of_range, string_data_right_truncation,
    syntax_error, undefined_column, undefined_database, undefined_object,
    undefined_schema, undefined_table, unique_violation,
)

__all__ = ["column_does_not_exist", "column_of_relation_already_exists",
           "column_of_relation_does_not_exist",
           "column_specified_more_than_once", "conflicting_options",
           "database_does_not_exist", "duplicate_key",
           "function_not_unique", "integer_out_of_range",
           "invalid_input_syntax", "missing_from_entry",
           "relation_already_exists", "relation_does_not_exist",
           "role_does_not_exist", "schema_does_not_exist",
           "type_already_exists", "type_does_not_exist",
           "type_modifier_not_allowed", "value_too_long"]


def function_not_unique(call: str, position: int | None = None) -> SqlError:
    """ParseFuncOrColumn / func_select_candidate: `call`, the function's
    name and argument types, fits several candidates equally."""
    return ambiguous_function(f"function {call} is not unique",
                              hint="Could not choose a best candidate function. "
                              "You might need to add explicit type casts.",
                              position=position)


def missing_from_entry(table: str, position: int | None = None,
                       **fields: Any) -> SqlError:
    """parse_relation.c errorMissingRTE: a qualifier naming no FROM item."""
    return undefined_table(f'missing FROM-clause entry for table "{table}"',
                           position=position, **fields)


def relation_does_not_exist(name: str, position: int | None = None,
                            **fields: Any) -> SqlError:
    """parserOpenTable / RangeVarGetRelid: `name` as written (qualified or
    not)."""
    return undefined_table(f'relation "{name}" does not exist',
                           position=position, **fields)


def relation_already_exists(name: str, **fields: Any) -> SqlError:
    """heap_create_with_catalog / index_create: the new relation's name
    taken (CREATE TABLE, INDEX, VIEW, SEQUENCE, ALTER … RENAME)."""
    return duplicate_table(f'relation "{name}" already exists', **fields)


def column_does_not_exist(name: str, position: int | None = None,
                          **fields: Any) -> SqlError:
    """errorMissingColumn's unqualified form (and ALTER TABLE's)."""
    return undefined_column(f'column "{name}" does not exist',
                            position=position, **fields)


def duplicate_key(name: str, key: str, value: str,
                  **fields: Any) -> SqlError:
    """_bt_check_unique: the unique index (constraint) `name`, the key's
    columns and values as BuildIndexValueDescription prints them; the
    `constraint` field is the caller's to give."""
    return unique_violation(
        f'duplicate key value violates unique constraint "{name}"',
        detail=f"Key ({key})=({value}) already exists.", **fields)


def value_too_long(type_name: str, **fields: Any) -> SqlError:
    """varchar()/bpchar(): `type_name` with its length, as
    "character varying(5)"."""
    return string_data_right_truncation(f"value too long for type {type_name}",
                                        **fields)


def invalid_input_syntax(type_name: str, text: str,
                         sqlstate: str = INVALID_TEXT_REPRESENTATION,
                         **fields: Any) -> SqlError:
    """The input functions' `invalid input syntax for type X: "text"`
    (22P02, or the code the type's input function gives, 22007 for
    datetimes)."""
    return SqlError(sqlstate, f'invalid input syntax for type {type_name}: '
                    f'"{text}"', **fields)


def schema_does_not_exist(name: str, **fields: Any) -> SqlError:
    """namespace.c get_namespace_oid & co. (3F000)."""
    return undefined_schema(f'schema "{name}" does not exist', **fields)


def type_does_not_exist(name: str, **fields: Any) -> SqlError:
    """parse_type.c LookupTypeName's callers: `name` as written."""
    return undefined_object(f'type "{name}" does not exist', **fields)


def type_already_exists(name: str, **fields: Any) -> SqlError:
    """typecmds.c / pg_type.c: CREATE TYPE/DOMAIN over a taken name."""
    return duplicate_object(f'type "{name}" already exists', **fields)


def role_does_not_exist(name: str, **fields: Any) -> SqlError:
    """acl.c get_role_oid."""
    return undefined_object(f'role "{name}" does not exist', **fields)


def database_does_not_exist(name: str, **fields: Any) -> SqlError:
    """dbcommands.c get_database_oid's callers (3D000)."""
    return undefined_database(f'database "{name}" does not exist', **fields)


def column_specified_more_than_once(name: str, **fields: Any) -> SqlError:
    """A column list naming one column twice (INSERT, COPY, CREATE TABLE,
    views, composite types)."""
    return duplicate_column(f'column "{name}" specified more than once',
                            **fields)


def column_of_relation_does_not_exist(column: str, relation: str,
                                      **fields: Any) -> SqlError:
    """tablecmds.c's ALTER TABLE, COMMENT ON COLUMN, INSERT targets."""
    return undefined_column(f'column "{column}" of relation "{relation}" '
                            "does not exist", **fields)


def column_of_relation_already_exists(column: str, relation: str,
                                      **fields: Any) -> SqlError:
    """tablecmds.c check_for_column_name_collision."""
    return duplicate_column(f'column "{column}" of relation "{relation}" '
                            "already exists", **fields)


def type_modifier_not_allowed(type_name: str, **fields: Any) -> SqlError:
    """parse_type.c typenameTypeMod: a typmod on a type without typmodin."""
    return syntax_error(f'type modifier is not allowed for type "{type_name}"',
                        **fields)


def integer_out_of_range(**fields: Any) -> SqlError:
    """int.c and its casts: a value past int4."""
    return numeric_value_out_of_range("integer out of range", **fields)


def conflicting_options(**fields: Any) -> SqlError:
    """define.c errorConflictingDefElem: an option given twice."""
    return syntax_error("conflicting or redundant options", **fields)
