"""COPY FROM STDIN and COPY TO STDOUT against one store transaction.

`CopyFrom` is fed the CopyData payloads as they arrive: each line the
`CopyReader` yields is converted column by column with the type's input
function and the column typmod (assignment semantics), completed with the
defaults of the columns not listed, and inserted; errors carry PostgreSQL's
CONTEXT (`COPY t, line 3, column c: "x"` for a conversion, `COPY t, line 3:
"…"` for a row the store refuses). `copy_to` renders the table's rows in
heap order, as a sequential scan returns them. FORMAT binary takes
`copy_binary`: its reader returns each CopyData's complete tuples already
converted (typreceive and typmod) plus the error that stopped it, and the
tuples go through the same `_insert` before the error is raised; COPY TO
writes each value's typsend.

Bulk speed: the reader hands over runs of lines in column form (`Block`),
and everything per column is decided once per COPY (`_Column`: the input
function bound to the session's settings, with the typmod, plus shortcuts
for the spellings that COPY TO, pg_dump and client libraries write, which
give exactly what the input function gives and leave everything else,
errors included, to it). A block's columns are converted a column at a
time — mostly by C-level `map`s — and its rows go to the store in one
`Transaction.insert_rows` call (the checks of `insert`, row by row, with
the per-table look-ups done once); defaults of unlisted columns are drawn
per row, sequences through `SequenceSession.drawer`; foreign keys are
checked when the data is in (`Transaction.check_inserted`, each parent
key looked up once). Converting has no side effects, so when a value in a
block fails the block is simply redone line by line (`_load_lines`, the
reference behaviour), which raises the first error in line order, as
PostgreSQL does.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from itertools import repeat
from operator import floordiv, sub
from typing import Any, Callable, Iterable, Sequence

from twinning import values
from twinning.copy_binary import BinaryReader, binary_rows, receivers, senders
from twinning.copy_format import (Block, CopyReader, Dialect, Line, clip, context,
                                  format_row, missing_data)
from twinning.errors import SqlError
from twinning.ir import dml as d
from twinning.ir.catalog import Table
from twinning.ir.types import VARHDRSZ, SqlType, numeric_precision_scale
from twinning.passes.expr.compile import domain_checker
from twinning.passes.plan_dml import CompiledWrite
from twinning.store import SequenceSession, Transaction
from twinning.values.calendar import (POSTGRES_EPOCH_JDATE, UNIX_EPOCH_JDATE,
                                      USECS_PER_SEC)
from twinning.values.dtparse import set_transaction_clock
from twinning.values.numeric import CTX
from twinning.values.settings import FormatSettings
from twinning.values.timezones import session_zone
from twinning.wire.messages import (COPY_DONE_MSG, CommandComplete, CopyData,
                                    CopyOutResponse)

Converter = Callable[[str], Any]

BATCH = 65536  # bytes of COPY data gathered before they are parsed


class CopyFrom:
    def __init__(self, plan: CompiledWrite, table: Table, txn: Transaction,
                 seq: SequenceSession, ctx: Any) -> None:
        resolved: d.ResolvedCopy = plan.resolved  # type: ignore[assignment]
        self.plan, self.table, self.txn, self.seq, self.ctx = \
            plan, table, txn, seq, ctx
        self.slots = resolved.slots
        names = [table.columns[s].name for s in self.slots]
        self.names = names
        self.binary: BinaryReader | None = None
        if resolved.options.format == "binary":
            self.binary = BinaryReader(table.name.name, names, receivers(
                [table.columns[s].type for s in self.slots]))
        else:
            self.reader = CopyReader(resolved.options, table.name.name, names,
                                     defer_missing=True)
        self.width = len(table.columns)
        # (field index, column) for the fields that are not taken as they are
        self.columns = [(i, column) for i, s in enumerate(self.slots)
                        if (column := _column(table.columns[s].type, ctx.settings))]
        # (field index, check) for the fields of a domain (domain_in's
        # checks, NULLs included)
        self.domains = [(i, domain_checker(table.columns[s].type))
                        for i, s in enumerate(self.slots)
                        if table.columns[s].type.domain is not None]
        checks = dict(self.domains)
        converters = dict(self.columns)
        # per field in order: its converter and its domain's check, if any
        self.steps = [(i, converters.get(i), checks.get(i))
                      for i in sorted(set(converters) | set(checks))]
        listed = set(self.slots)
        # (slot, draw) for the columns not listed, drawn per row in column order
        self.defaults = [(slot, self._default(plan.defaults[slot]))
                         for slot in range(self.width) if slot not in listed]
        self.in_order = list(self.slots) == list(range(self.width))
        self.generated = plan.generated
        self.rows = 0
        self._pending: list[bytes] = []
        self._pending_size = 0

    def _default(self, value: Any) -> Callable[[], Any]:
        """execute_write.default_value() bound to its column."""
        if value is None:
            return lambda: None
        if isinstance(value, d.SequenceDefault):
            return self.seq.drawer(value.sequence, self.txn)
        return lambda: value((), self.ctx)

    def feed(self, data: bytes) -> None:
        """Take a CopyData's bytes, parsed once BATCH bytes are gathered:
        clients send small messages (psycopg2's copy_expert 8 kB), and
        each parse has a fixed cost a bigger batch spreads. A failing
        COPY inserts nothing and its client reads the error when it
        next reads, so reporting it a few messages later changes no
        result."""
        self._pending.append(data)
        self._pending_size += len(data)
        if self._pending_size >= BATCH:
            self._feed_pending()

    def _feed_pending(self) -> None:
        data = b"".join(self._pending)
        self._pending, self._pending_size = [], 0
        # CopyData may be handled on another thread than the COPY statement:
        # 'now'/'today' in the data read this transaction's start
        set_transaction_clock(self.ctx.transaction_start())
        if self.binary is not None:
            self._load_binary(*self.binary.feed(data))
        else:
            self._load(self.reader.feed_blocks(data))

    def finish(self) -> int:
        if self._pending:
            self._feed_pending()
        set_transaction_clock(self.ctx.transaction_start())
        if self.binary is not None:
            self._load_binary(*self.binary.finish())
        else:
            self._load(self.reader.finish_blocks())
        self.txn.check_inserted()  # the foreign keys, before statement_end()
        return self.rows

    def _load(self, blocks: Iterable[Block]) -> None:
        """Convert each block a column at a time and insert its rows; a
        block with a failing value, or a short line, goes line by line."""
        count = len(self.slots)
        for block in blocks:
            columns = block.columns
            if len(columns) == count:
                try:
                    converted = list(columns)
                    for index, column in self.columns:
                        converted[index] = column.convert_all(columns[index])
                    for index, check in self.domains:
                        for value in converted[index]:
                            check(value, self.ctx)
                except SqlError:
                    pass  # redone line by line below, for the error in line order
                else:
                    self._insert(block, zip(*converted))
                    continue
            self._load_lines(block.lines())

    def _load_binary(self, first: int, rows: list[tuple],
                     error: SqlError | None) -> None:
        """Binary COPY: the tuples read (already converted), then the
        error that stopped the reader, in PostgreSQL's order."""
        if rows and self.domains:
            for at, row in enumerate(rows):
                try:
                    for index, check in self.domains:
                        check(row[index], self.ctx)
                except SqlError:
                    self._insert(Block(first, [], []), rows[:at])
                    raise
        if rows:
            self._insert(Block(first, [], []), rows)
        if error is not None:
            raise error

    def _insert(self, block: Block, rows: Iterable[Sequence]) -> None:
        """Insert a block's converted rows, in order."""
        if self.in_order:  # every column given: the block checked at once
            count, error = self.txn.insert_block(self.table.name, list(rows))
        else:  # defaults drawn row by row, as far as the first error
            count, error = self.txn.insert_rows(self.table.name,
                                                map(self._complete, rows))
        self.rows += count
        if error is not None:
            if error.where is None:
                # NOT NULL and CHECK fail while the line is current; a
                # unique violation surfaces when PostgreSQL's multi-insert
                # buffer is flushed, after the line text is gone.
                error.where = context(self.table.name.name, block.first + count,
                                      None if error.sqlstate == "23505" or
                                      not block.texts else block.texts[count])
            raise error

    def _load_lines(self, lines: Iterable[Line]) -> None:
        """Line by line: convert each field in turn, then insert."""
        count = len(self.slots)
        for line in lines:
            number, fields = line.number, line.fields
            texts = list(fields)
            index = -1
            try:
                for index, column, check in self.steps:
                    if index >= len(fields):
                        break
                    if column is not None and fields[index] is not None:
                        fields[index] = column.convert(fields[index])
                    if check is not None:
                        check(fields[index], self.ctx)
            except SqlError as exc:
                column_name = self.table.columns[self.slots[index]].name
                shown = "null input" if texts[index] is None else \
                    f'"{clip(texts[index])}"'
                where = (f'COPY {self.table.name.name}, line {number}, '
                         f'column {column_name}: {shown}')
                # the input function's own context (JSON data, line 1: …) first
                exc.where = f"{exc.where}\n{where}" if exc.where else where
                raise
            if len(fields) < count:
                raise missing_data(self.table.name.name, number, line.text,
                                   self.names[len(fields)])
            self._insert(Block(number, [line.text], []), [tuple(fields)])

    def _complete(self, fields: Sequence) -> tuple:
        """The table row: listed fields in their slots, defaults drawn for
        the others (in column order, as PostgreSQL evaluates them)."""
        row: list[Any] = [None] * self.width
        for slot, value in zip(self.slots, fields):
            row[slot] = value
        for slot, draw in self.defaults:
            row[slot] = draw()
        if self.generated:  # stored generated columns, from the row
            done = tuple(row)
            for slot, fn in self.generated:
                row[slot] = fn(done, self.ctx)
        return tuple(row)


# ------------------------------------------------------------ converters

class _Column:
    """One column's input: `convert` one text (the input function, then the
    typmod), `convert_all` a block's column (None stays None). `batch`, if
    any, converts a list of texts in one go, or returns None to leave them
    to `convert`."""

    def __init__(self, convert: Converter,
                 batch: Callable[[list[str]], list | None] | None = None) -> None:
        self.convert, self.batch = convert, batch

    def convert_all(self, texts: Sequence[str | None]) -> Sequence:
        present = [t for t in texts if t is not None] if None in texts else texts
        out = None if self.batch is None else self.batch(present)  # type: ignore[arg-type]
        if out is None:
            out = list(map(self.convert, present))
        if present is texts:
            return out
        converted = iter(out)
        return [None if t is None else next(converted) for t in texts]


def _column(t: SqlType, settings: FormatSettings) -> _Column | None:
    """The column's converters under `settings`; None when its input is the
    text itself (text without a length)."""
    parse = values.parser_for(t, settings)
    typmod = values.typmod_for(t, False)

    def general(text: str) -> Any:
        return typmod(parse(text))

    if t.is_array:
        return _Column(general)
    name = t.name
    if name in ("text", "varchar", "bpchar"):
        if t.typmod < 0:
            return None
        if name == "varchar" and t.typmod >= VARHDRSZ:
            return _varchar(t.typmod - VARHDRSZ, general)
        return _Column(general)
    if name in _INT_DIGITS:
        return _int(_INT_DIGITS[name], general)
    if name == "bool":
        return _bool(general)
    if name == "float8":
        return _float8(general)
    if name == "numeric":
        return _numeric(t.typmod, general)
    if name == "date":
        return _memo(general)
    if name in ("timestamp", "timestamptz"):
        return _timestamp(name == "timestamptz", settings,
                          typmod if t.typmod >= 0 else None, general)
    return _Column(general)


def _varchar(limit: int, general: Converter) -> _Column:
    def batch(texts: list[str]) -> list | None:
        return texts if max(map(len, texts), default=0) <= limit else None
    return _Column(lambda text: text if len(text) <= limit else general(text), batch)


# at most this many digits cannot overflow the type (a sign aside)
_INT_DIGITS = {"int2": 4, "int4": 9, "int8": 18}


def _int(digits: int, general: Converter) -> _Column:
    def convert(text: str) -> Any:
        if len(text) <= digits and text.isascii():
            if text.isdigit() or (text[:1] == "-" and text[1:].isdigit()):
                return int(text)
        return general(text)

    def batch(texts: list[str]) -> list | None:
        joined = "".join(texts)
        if joined.isdigit() and joined.isascii() and "" not in texts and \
                max(map(len, texts)) <= digits:
            return list(map(int, texts))
        return None
    return _Column(convert, batch)


_BOOLS = {"t": True, "f": False, "true": True, "false": False}


def _bool(general: Converter) -> _Column:
    def convert(text: str) -> Any:
        value = _BOOLS.get(text)
        return general(text) if value is None else value

    def batch(texts: list[str]) -> list | None:
        try:
            return list(map(_BOOLS.__getitem__, texts))
        except KeyError:
            return None
    return _Column(convert, batch)


# strtod's decimal syntax; a result that is zero, subnormal or infinite
# (where float8in's range rules come in) takes the input function. Over
# these characters float() takes exactly that syntax (what else it takes
# needs a letter, a space or an underscore), so a batch checks the alphabet.
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z")
_NOT_DECIMAL = str.maketrans("", "", "0123456789.eE+-")
_DBL_MIN, _DBL_MAX = 2.2250738585072014e-308, 1.7976931348623157e308


def _float8(general: Converter) -> _Column:
    match = _DECIMAL.match

    def convert(text: str) -> Any:
        if match(text) is not None:
            value = float(text)
            if _DBL_MIN <= abs(value) <= _DBL_MAX:
                return value
        return general(text)

    def batch(texts: list[str]) -> list | None:
        if not texts or "".join(texts).translate(_NOT_DECIMAL):
            return None
        try:
            out = list(map(float, texts))
        except ValueError:
            return None
        magnitudes = list(map(abs, out))
        if min(magnitudes) >= _DBL_MIN and max(magnitudes) <= _DBL_MAX:
            return out
        return None
    return _Column(convert, batch)


def _numeric(typmod: int, general: Converter) -> _Column:
    """Plain `-ddd.dd` within the declared precision and scale: the value
    is in range and needs no rounding, only a shorter fraction padded to
    the scale; negative zero, exponents, NaN etc. take the input function.
    A batch takes only texts with exactly the scale's digits."""
    if typmod < VARHDRSZ:
        before, scale = 1000, 1000
    else:
        precision, scale = numeric_precision_scale(typmod)
        before = precision - scale
        if scale < 0 or before < 1:
            return _Column(general)
    fraction = rf"(?:\.([0-9]{{1,{scale}}}))?" if scale else ""
    match = re.compile(rf"-?[0-9]{{1,{before}}}{fraction}\Z").match
    quantum = None if typmod < VARHDRSZ else Decimal((0, (1,), -scale))
    exact = match if quantum is None else re.compile(
        rf"[0-9]{{1,{before}}}" + (rf"\.[0-9]{{{scale}}}" if scale else "") + r"\Z").match

    def convert(text: str) -> Any:
        m = match(text)
        if m is not None:
            value = Decimal(text)
            if quantum is not None and scale and len(m.group(1) or "") != scale:
                value = value.quantize(quantum, context=CTX)
            if not (value.is_signed() and value.is_zero()):
                return value
        return general(text)

    def batch(texts: list[str]) -> list | None:
        if all(map(exact, texts)) and (quantum is not None or
                                        "-" not in "".join(texts)):
            return list(map(Decimal, texts))
        return None
    return _Column(convert, batch)


_MEMO_LIMIT = 65536


def _memo(general: Converter) -> _Column:
    """For a pure input function whose values repeat (dates): each distinct
    text is converted once per COPY (while there are not too many)."""
    seen: dict[str, Any] = {}

    def convert(text: str) -> Any:
        value = seen.get(text)
        if value is None:
            value = general(text)
            if len(seen) < _MEMO_LIMIT:
                seen[text] = value
        return value

    def batch(texts: list[str]) -> list | None:
        new = set(texts).difference(seen)
        if len(seen) + len(new) > _MEMO_LIMIT:
            seen.clear()
            new = set(texts)
        for text in new:
            seen[text] = general(text)
        return list(map(seen.__getitem__, texts))
    return _Column(convert, batch)


# `YYYY-MM-DD HH:MM:SS[.ffffff][±HH[:MM]]` (or a T for the space), as
# timestamptz_out under DateStyle ISO and isoformat() write it: a subset of
# what the input function's own shortcut (values.datetime._fast_timestamp)
# takes, and fromisoformat() reads it the same way (a year >= 1, a real day,
# hour < 24, second < 60, or ValueError)
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}"
                        r"(?:\.[0-9]{1,6})?(?:[+-][0-9]{2}(?::[0-9]{2})?)?\Z")
_FROM_ISO = _dt.datetime.fromisoformat
_EPOCH = _dt.datetime(2000, 1, 1)
_EPOCH_UTC = _EPOCH.replace(tzinfo=_dt.timezone.utc)
_MICROSECOND = _dt.timedelta(microseconds=1)
_MAX_OFFSET = _dt.timedelta(hours=15, minutes=59)  # beyond: the input function
_UNIX_SHIFT = (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * 86400


def _timestamp(with_tz: bool, settings: FormatSettings,
               typmod: Converter | None, general: Converter) -> _Column:
    """timestamp[tz] in microseconds since 2000-01-01 (UTC for tz): an
    explicit offset is applied (timestamp ignores it), none means the
    session TimeZone (timestamptz) or nothing (timestamp)."""
    match = _TIMESTAMP.match
    zone: list = []  # the session zone, looked up when first needed

    def local(stamp: _dt.datetime) -> int:
        micros = (stamp.replace(tzinfo=None) - _EPOCH) // _MICROSECOND
        if stamp.tzinfo is not None or not with_tz:
            return micros
        if not zone:
            zone.append(session_zone(settings.timezone))
        secs = micros // USECS_PER_SEC + _UNIX_SHIFT
        return micros + zone[0].tz_for_local(secs) * USECS_PER_SEC

    def convert(text: str) -> Any:
        if match(text) is not None:
            try:
                stamp = _FROM_ISO(text)
            except ValueError:
                return general(text)
            offset = stamp.utcoffset()
            if offset is None or abs(offset) <= _MAX_OFFSET:
                value = (stamp - _EPOCH_UTC) // _MICROSECOND if offset is not None \
                    and with_tz else local(stamp)
                return value if typmod is None else typmod(value)
        return general(text)

    def batch(texts: list[str]) -> list | None:
        """All with offsets in range (timestamptz) or all without
        (timestamp): C-level date arithmetic; else value by value."""
        if not texts or not all(map(match, texts)):
            return None
        try:
            stamps = list(map(_FROM_ISO, texts))
        except ValueError:
            return None
        offsets = set(map(_dt.datetime.utcoffset, stamps))
        if not with_tz and offsets == {None}:
            epoch = _EPOCH
        elif with_tz and None not in offsets and max(map(abs, offsets)) <= _MAX_OFFSET:
            epoch = _EPOCH_UTC
        else:
            return None
        out = list(map(floordiv, map(sub, stamps, repeat(epoch)), repeat(_MICROSECOND)))
        return out if typmod is None else list(map(typmod, out))
    return _Column(convert, batch)


def copy_to(plan: CompiledWrite, table: Table, txn: Transaction, ctx: Any
            ) -> tuple[bytes, int]:
    """CopyOutResponse, one CopyData per row, CopyDone, CommandComplete."""
    resolved: d.ResolvedCopy = plan.resolved  # type: ignore[assignment]
    slots = resolved.slots
    if ctx.catalog.partition_key(table.name) is not None:
        raise SqlError("42809", "cannot copy from partitioned table "
                       f'"{table.name.name}"',
                       hint="Try the COPY (SELECT ...) TO variant.")
    return copy_out([table.columns[s].name for s in slots],
                    [table.columns[s].type for s in slots],
                    ([row[s] for s in slots] for _, row in txn.scan(table.name)),
                    resolved.options, ctx.settings)


def copy_out(names: list[str], types: list[SqlType], rows: Iterable[Sequence],
             options: d.CopyOptions, settings: FormatSettings
             ) -> tuple[bytes, int]:
    """COPY … TO STDOUT of a table's or a query's rows: CopyOutResponse,
    one CopyData per row, CopyDone, CommandComplete."""
    dialect = Dialect.of(options)
    if options.format == "binary":
        return _binary_out(types, rows)
    fmts = [values.formatter_for(t, settings) for t in types]
    force = options.force_quote
    quoted = frozenset(range(len(names))) if force is True else frozenset(
        i for i, name in enumerate(names) if name in (force or ()))
    out = [CopyOutResponse(0, (0,) * len(names)).encode()]
    if dialect.header:
        out.append(CopyData(format_row(list(names), dialect).encode()).encode())
    count = 0
    for row in rows:
        texts = [None if v is None else f(v) for v, f in zip(row, fmts)]
        out.append(CopyData(format_row(texts, dialect, quoted).encode()).encode())
        count += 1
    out.append(COPY_DONE_MSG)
    out.append(CommandComplete(f"COPY {count}").encode())
    return b"".join(out), count


def _binary_out(types: list[SqlType], rows: Iterable[Sequence]) -> tuple[bytes, int]:
    """Binary COPY TO STDOUT: every column in its send format."""
    payloads = list(binary_rows(senders(types), rows))
    count = len(payloads) - 1
    out = [CopyOutResponse(1, (1,) * len(types)).encode()]
    out.extend(CopyData(p).encode() for p in payloads)
    out.append(COPY_DONE_MSG)
    out.append(CommandComplete(f"COPY {count}").encode())
    return b"".join(out), count
