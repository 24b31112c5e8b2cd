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
    INVALID_TEXT_REPRESENTATION,
    duplicate_table,
    string_data_right_truncation,
    undefined_column,
    undefined_table,
    unique_violation,
)

__all__ = ["column_does_not_exist", "duplicate_key", "invalid_input_syntax",
           "missing_from_entry", "relation_already_exists",
           "relation_does_not_exist", "value_too_long"]


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
