"""The built-in trigger functions CREATE TRIGGER may name: pg_proc's
OIDs of those the twin runs (`twinning/builtin_triggers.py`)."""

from __future__ import annotations

BUILTIN_TRIGGERS = {
    "tsvector_update_trigger": 3752,
    "tsvector_update_trigger_column": 3753,
}
