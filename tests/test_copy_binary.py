"""twinning/copy_binary.py on its own: the reader gives the same tuples
however the stream is cut into CopyData messages, the writer's stream
reads back, and the errors are PostgreSQL's (the full comparison with
PostgreSQL 15 is tests/test_copy_binary_clients.py)."""

from __future__ import annotations

import struct

import pytest

from twinning.copy_binary import BinaryReader, binary_rows, receivers, senders
from twinning.errors import SqlError
from twinning.ir.types import SqlType

TYPES = [SqlType("int4"), SqlType("text"), SqlType("int4", is_array=True)]
ROWS = [(1, "a", (1, None)), (2, None, ()), (-3, "é\n", None)]


def _stream() -> bytes:
    return b"".join(binary_rows(senders(TYPES), ROWS))


def _read(chunks: list[bytes]) -> tuple[list[tuple], SqlError | None]:
    reader = BinaryReader("t", ["a", "b", "c"], receivers(TYPES))
    rows: list[tuple] = []
    for chunk in chunks + [None]:
        _, got, error = reader.finish() if chunk is None else reader.feed(chunk)
        rows += got
        if error is not None:
            return rows, error
    return rows, None


def test_round_trip_whatever_the_cuts():
    data = _stream()
    assert _read([data]) == (ROWS, None)
    assert _read([data[i:i + 1] for i in range(len(data))]) == (ROWS, None)
    for cut in range(len(data)):
        assert _read([data[:cut], data[cut:]]) == (ROWS, None)


def test_errors_name_the_tuple_and_column():
    data = _stream()
    rows, error = _read([data[:-9]])  # the last tuple cut inside a field
    assert rows == ROWS[:2]
    assert (error.sqlstate, error.message, error.where) == (
        "22P04", "unexpected EOF in COPY data", "COPY t, line 3, column b")
    rows, error = _read([data + b"x"])
    assert (error.message, error.where) == (
        "received copy data after EOF marker", "COPY t, line 4")
    bad = data[:19] + struct.pack(">hi", 3, 2) + b"\0\0"
    rows, error = _read([bad])
    assert (error.sqlstate, error.message, error.where) == (
        "08P01", "insufficient data left in message", "COPY t, line 1, column a")
    rows, error = _read([b"PGCOPY\n\xff\r\n\x00"])
    assert (error.message, error.where) == (
        "invalid COPY file header (missing flags)", None)


def test_unsupported_types_are_named():
    with pytest.raises(SqlError) as caught:
        senders([SqlType("aclitem", is_array=True)])
    assert caught.value.sqlstate == "0A000"
    assert "aclitem[]" in caught.value.message
