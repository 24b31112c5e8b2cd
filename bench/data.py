"""Deterministic benchmark rows for the 11-column tables of bench/schema.sql.

Every run builds the same rows from the same seed, so both servers and
every round see identical data: as Python tuples for parameterised
statements, and as COPY text (the same bytes) for bulk loads.
"""

from __future__ import annotations

import random
import tracemalloc
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

SEED = 20240615
COLUMNS = ("id", "tenant", "name", "email", "amount", "status", "created",
           "updated", "flag", "score", "note")
STATUSES = ("new", "active", "paused", "closed", "churned")
_FIRST = ("ada", "bo", "cy", "dee", "eli", "fay", "gus", "hal", "ivy", "jo")
_LAST = ("stone", "marsh", "reed", "hale", "frost", "vale", "moss", "wren")
_EPOCH_DAY = date(2020, 1, 1)
_EPOCH_TS = datetime(2024, 1, 1, tzinfo=timezone.utc)


def make_row(rng: random.Random, row_id: int) -> tuple:
    """One row of `wide` (and of its same-shaped siblings)."""
    tenant = rng.randrange(1, 501)
    cents = rng.randrange(0, 1_000_000)
    return (
        row_id,
        tenant,
        f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {row_id}",
        None if rng.random() < 0.05 else f"user{row_id}@t{tenant}.example.com",
        Decimal(cents).scaleb(-2),
        rng.choice(STATUSES),
        _EPOCH_DAY + timedelta(days=rng.randrange(1500)),
        _EPOCH_TS + timedelta(seconds=rng.randrange(31_536_000)),
        rng.random() < 0.3,
        rng.random() * 100.0,
        None if rng.random() < 0.5 else f"note {rng.randrange(1_000_000)}",
    )


def make_rows(count: int, seed: int = SEED) -> list[tuple]:
    """Rows with ids 1..count, the same for a given seed."""
    rng = random.Random(seed)
    return [make_row(rng, i) for i in range(1, count + 1)]


def measured_rows(count: int) -> tuple[list[tuple], int]:
    """`make_rows(count)` and the bytes those tuples occupy (tracemalloc:
    the list, the tuples and every value they hold; shared constants such
    as the status strings are counted once)."""
    tracemalloc.start()
    try:
        rows = make_rows(count)
        size, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return rows, size


def _copy_field(value: object) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def copy_text(rows: list[tuple]) -> str:
    """The rows in COPY text format (no value needs escaping)."""
    return "".join("\t".join(map(_copy_field, row)) + "\n" for row in rows)
