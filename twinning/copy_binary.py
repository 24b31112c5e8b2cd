"""COPY's binary format (PostgreSQL 15's copyfromparse.c and copyto.c).

A binary COPY stream is the 11-byte signature `PGCOPY\\n\\377\\r\\n\\0`, an
int32 flags field (bit 16: OIDs, refused; any other of the high 16 bits:
an unknown critical flag), an int32 header-extension length and that many
bytes; then per tuple an int16 field count (-1: the trailer) and per field
an int32 length (-1: NULL) followed by the type's send format. The data
may be split across CopyData messages anywhere.

`BinaryReader` is fed the CopyData payloads as they arrive and returns the
complete tuples, each field converted with the column type's receive
function and the column typmod, plus the error that stopped it (the tuples
before the error are still inserted, then the error raised, in PostgreSQL's
order). Errors carry PostgreSQL's CONTEXT: binary COPY counts tuples as
lines (`COPY t, line 3, column c`, or `COPY t, line 3` outside a field);
header errors have none (PostgreSQL reads the header before it installs
the error callback). `binary_rows` writes COPY TO's stream: the header
travels with the first row, the trailer in a CopyData of its own (with
the header when there are no rows).

A column type without a send or receive function in the twin is a 0A000
naming the type when the COPY starts, never wrong bytes.
"""

from __future__ import annotations

import struct
from typing import Any, Callable, Iterable, Iterator, Sequence

from twinning import values
from twinning.errors import SqlError, bad_copy_file_format
from twinning.ir.types import SqlType
from twinning.values.binary import has_recv, has_send
from twinning.values.common import unsupported

SIGNATURE = b"PGCOPY\n\xff\r\n\x00"
HEADER = SIGNATURE + b"\x00\x00\x00\x00\x00\x00\x00\x00"
TRAILER = b"\xff\xff"

_H = struct.Struct(">h")
_I = struct.Struct(">i")
_NULL = _I.pack(-1)
_OIDS = 1 << 16


def _bad(message: str, where: str | None = None) -> SqlError:
    """ERRCODE_BAD_COPY_FILE_FORMAT."""
    return bad_copy_file_format(message, where=where)


def _unsupported(t: SqlType) -> SqlError:
    name = f"{t.element.name}[]" if t.is_array else t.name
    return unsupported(f"binary COPY of a column of type {name}")


def receivers(types: Sequence[SqlType]) -> list[Callable[[bytes], Any]]:
    """Each column's receive function with its typmod applied (assignment
    semantics, as ReceiveFunctionCall passes atttypmod)."""
    out = []
    for t in types:
        if not has_recv(t):
            raise _unsupported(t)
        decode = values.decoder_for(t)
        typmod = values.typmod_for(t, False)
        out.append(_with_typmod(decode, typmod))
    return out


def _with_typmod(decode: Callable[[bytes], Any], typmod: Callable[[Any], Any]
                 ) -> Callable[[bytes], Any]:
    def receive(data: bytes) -> Any:
        return typmod(decode(data))
    return receive


def senders(types: Sequence[SqlType]) -> list[Callable[[Any], bytes]]:
    for t in types:
        if not has_send(t):
            raise _unsupported(t)
    return [values.encoder_for(t) for t in types]


class BinaryReader:
    """The incremental parser of one binary COPY FROM: `feed` each
    CopyData payload, then `finish`; each returns (first tuple number,
    converted tuples, error or None)."""

    def __init__(self, table: str, names: Sequence[str],
                 receive: Sequence[Callable[[bytes], Any]]) -> None:
        self.table, self.names, self.receive = table, list(names), list(receive)
        self.buf = b""
        self.in_header = True
        self.ended = False  # the trailer was read
        self.number = 0  # cur_lineno: the tuples begun
        self.failed = False

    def feed(self, data: bytes) -> tuple[int, list[tuple], SqlError | None]:
        if self.failed:
            return self.number + 1, [], None
        self.buf = self.buf + bytes(data) if self.buf else bytes(data)
        return self._parse(False)

    def finish(self) -> tuple[int, list[tuple], SqlError | None]:
        if self.failed:
            return self.number + 1, [], None
        return self._parse(True)

    def _parse(self, final: bool) -> tuple[int, list[tuple], SqlError | None]:
        first = self.number + 1
        rows: list[tuple] = []
        try:
            if self.in_header and not self._header(final):
                return first, rows, None
            self._tuples(rows, final)
        except SqlError as exc:
            self.failed = True
            return first, rows, exc
        return first, rows, None

    def _header(self, final: bool) -> bool:
        """ReceiveCopyBinaryHeader(): True once the header is consumed."""
        buf = self.buf

        def short(size: int, message: str) -> bool:
            """Fewer than `size` bytes: wait for more, or at the end fail
            as the blocking read would."""
            if len(buf) < size and final:
                raise _bad(message)
            return len(buf) < size

        if short(11, "COPY file signature not recognized"):
            return False
        if buf[:11] != SIGNATURE:
            raise _bad("COPY file signature not recognized")
        if short(15, "invalid COPY file header (missing flags)"):
            return False
        (flags,) = _I.unpack_from(buf, 11)
        if flags & _OIDS:
            raise _bad("invalid COPY file header (WITH OIDS)")
        if (flags & ~_OIDS) >> 16:
            raise _bad("unrecognized critical flags in COPY file header")
        if short(19, "invalid COPY file header (missing length)"):
            return False
        (extension,) = _I.unpack_from(buf, 15)
        if extension < 0:
            raise _bad("invalid COPY file header (missing length)")
        if short(19 + extension, "invalid COPY file header (wrong length)"):
            return False
        self.buf = buf[19 + extension:]
        self.in_header = False
        return True

    def _tuples(self, rows: list[tuple], final: bool) -> None:
        """NextCopyFrom()'s binary branch over the complete tuples; an
        incomplete one waits for more data (or, at the end, fails as
        PostgreSQL's blocking reads would)."""
        buf, pos, size = self.buf, 0, len(self.buf)
        width, receive, names = len(self.names), self.receive, self.names
        unpack_h, unpack_i = _H.unpack_from, _I.unpack_from
        try:
            while True:
                if self.ended:
                    if pos < size:
                        raise _bad("received copy data after EOF marker",
                                   self._where())
                    return
                if size - pos < 2:  # CopyGetInt16() short: the end of the data
                    return
                number = self.number + 1
                (count,) = unpack_h(buf, pos)
                if count == -1:
                    self.number, self.ended = number, True
                    pos += 2
                    continue
                if count != width:
                    self.number = number
                    raise _bad(f"row field count is {count}, expected {width}",
                               self._where())
                at = pos + 2
                fields: list[Any] = []
                for index in range(width):
                    if size - at < 4:
                        break
                    (length,) = unpack_i(buf, at)
                    at += 4
                    if length == -1:
                        fields.append(None)
                        continue
                    if length < 0:
                        self.number = number
                        raise _bad("invalid field size", self._where(names[index]))
                    if size - at < length:
                        break
                    try:
                        fields.append(receive[index](buf[at:at + length]))
                    except SqlError as exc:
                        self.number = number
                        where = self._where(names[index])
                        exc.where = f"{exc.where}\n{where}" if exc.where else where
                        raise
                    at += length
                else:
                    rows.append(tuple(fields))
                    self.number, pos = number, at
                    continue
                if final:  # the tuple is cut short: a field's length or data
                    self.number = number
                    raise _bad("unexpected EOF in COPY data",
                               self._where(names[len(fields)]))
                return
        finally:
            self.buf = buf[pos:]

    def _where(self, column: str | None = None) -> str:
        """CopyFromErrorCallback()'s binary rendering."""
        if column is None:
            return f"COPY {self.table}, line {self.number}"
        return f"COPY {self.table}, line {self.number}, column {column}"


def binary_rows(send: Sequence[Callable[[Any], bytes]], rows: Iterable[Sequence]
                ) -> Iterator[bytes]:
    """CopyTo()'s binary payloads: one per row (the header with the first),
    then the trailer (alone, or with the header when there are no rows)."""
    count = _H.pack(len(send))
    pack = _I.pack
    header = HEADER
    for row in rows:
        out = [header, count] if header else [count]
        header = b""
        for value, encode in zip(row, send):
            if value is None:
                out.append(_NULL)
            else:
                data = encode(value)
                out.append(pack(len(data)))
                out.append(data)
        yield b"".join(out)
    yield header + TRAILER
