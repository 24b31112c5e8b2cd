"""tsvector_update_trigger and tsvector_update_trigger_column
(tsvector_op.c): a BEFORE ROW trigger that sets a tsvector column from
text columns, parsed one after another with positions running on.

Arguments: the tsvector column, the configuration (a name, or for the
_column form a regconfig column), then the text columns. Errors as
PostgreSQL raises them when the trigger fires.
"""

from __future__ import annotations

from typing import Any

from twinning.deferred import deferred
from twinning.errors import (
    column_does_not_exist, datatype_mismatch, internal_error,
    invalid_parameter_value, null_value_not_allowed, undefined_column,
    undefined_object,
)

tsparse = deferred("twinning.values.tsparse", globals(), "tsparse")
tsearch = deferred("twinning.values.tsearch", globals(), "tsearch")

_CHARACTER = frozenset({"text", "varchar", "bpchar"})


def _column(table: Any, name: str) -> int | None:
    for i, column in enumerate(table.columns):
        if column.name == name:
            return i
    return None


def _qualified_config(text: str) -> int:
    """get_ts_config_oid(stringToQualifiedNameList(text)), the name
    required to be schema-qualified."""
    parts = [p.strip() for p in text.split(".")]
    names = [p[1:-1] if p.startswith('"') and p.endswith('"') else p.lower()
             for p in parts]
    if len(names) < 2:
        raise invalid_parameter_value(f'text search configuration name "{text}" '
                                      "must be schema-qualified")
    shown = ".".join(names)
    if len(names) > 2 or (len(names) == 2 and names[0] != "pg_catalog") or \
            names[-1] not in tsparse.CONFIG_OIDS:
        raise undefined_object(f'text search configuration "{shown}" does '
                               "not exist")
    return tsparse.CONFIG_OIDS[names[-1]]


def run(fn_oid: int, trigger: Any, op: str, table: Any,
        old: tuple | None, new: tuple | None,
        updated: set[str] | None = None) -> tuple | None:
    """The row to write: NEW with the tsvector column recomputed (on
    UPDATE only when a text column is among the SET targets, as
    tg_updatedcols says)."""
    name = ("tsvector_update_trigger" if fn_oid == 3752 else
            "tsvector_update_trigger_column")
    if not trigger.row:
        raise internal_error(f"{name}: must be fired for row")
    if trigger.timing != "before":
        raise internal_error(f"{name}: must be fired BEFORE event")
    if op not in ("INSERT", "UPDATE"):
        raise internal_error(f"{name}: must be fired for INSERT or UPDATE")
    row = new
    args = trigger.args
    if len(args) < 3:
        raise internal_error(f"{name}: arguments must be tsvector_field, "
                             "ts_config, text_field1, ...)")
    slot = _column(table, args[0])
    if slot is None:
        raise undefined_column(f'tsvector column "{args[0]}" does not exist')
    if table.columns[slot].type.name != "tsvector" or \
            table.columns[slot].type.is_array:
        raise datatype_mismatch(f'column "{args[0]}" is not of tsvector type')
    if fn_oid == 3752:
        config = _qualified_config(args[1])
    else:
        cslot = _column(table, args[1])
        if cslot is None:
            raise undefined_column(f'configuration column "{args[1]}" does '
                                   "not exist")
        if table.columns[cslot].type.name != "regconfig":
            raise datatype_mismatch(f'column "{args[1]}" is not of regconfig '
                                    "type")
        if row[cslot] is None:
            raise null_value_not_allowed(f'configuration column "{args[1]}" must '
                                         "not be null")
        config = int(row[cslot])
    words: list = []
    pos = 0
    needed = op == "INSERT"
    for text_column in args[2:]:
        tslot = _column(table, text_column)
        if tslot is None:
            raise column_does_not_exist(text_column)
        column_type = table.columns[tslot].type
        if column_type.name not in _CHARACTER or column_type.is_array:
            raise datatype_mismatch(f'column "{text_column}" is not of a '
                                    "character type")
        if updated is not None and text_column in updated:
            needed = True
        value = row[tslot]
        if value is None:
            continue
        found, pos = tsparse.parsetext(config, value, pos)
        words.extend(found)
    if not needed:
        return row
    vector = tsparse.words_vector(words) if words else tsearch.TsVector(())
    out = list(row)
    out[slot] = vector
    return tuple(out)
