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
and everything per column is decided once per COPY (`values.column_input`: the input
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

from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from twinning import values
from twinning.copy_binary import BinaryReader, binary_rows, receivers, senders
from twinning.deferred import deferred
from twinning.errors import UNIQUE_VIOLATION, SqlError, wrong_object_type
from twinning.ir import dml as d
from twinning.ir.catalog import Table
from twinning.ir.types import SqlType
from twinning.passes.expr.compile import domain_checker
from twinning.passes.plan_dml import CompiledWrite
from twinning.passes.polling import chunks
from twinning.store import SequenceSession, Transaction
from twinning.values.dtparse import set_transaction_clock
from twinning.values.column_input import column_input
from twinning.values.settings import FormatSettings
from twinning.wire.messages import (COPY_DONE_MSG, CommandComplete, CopyData,
                                    CopyOutResponse)


if TYPE_CHECKING:
    from twinning.copy_format import Block, Line

# COPY text/CSV: the reader and writer load with the first COPY
copy_format = deferred("twinning.copy_format", globals(), "copy_format")
BATCH = 65536  # bytes of COPY data gathered before they are parsed


class CopyFrom:
    def __init__(self, plan: CompiledWrite, table: Table, txn: Transaction,
                 seq: SequenceSession, ctx: Any, triggers: list = ()) -> None:
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
            self.reader = copy_format.CopyReader(
                resolved.options, table.name.name, names, defer_missing=True)
        self.width = len(table.columns)
        # (field index, column) for the fields that are not taken as they are
        self.columns = [(i, column) for i, s in enumerate(self.slots)
                        if (column := column_input(table.columns[s].type, ctx.settings))]
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
        # the table's INSERT triggers: BEFORE STATEMENT now, each row through
        # the BEFORE ROW ones and inserted alone (PostgreSQL's CopyFrom
        # gives up multi-inserts then), AFTER ROW/STATEMENT at the end
        self.firing = None
        if triggers:
            from twinning.execute_triggers import copy_firing
            self.firing = copy_firing(ctx, table, triggers, plan)

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
        self.ctx.check()  # a batch of CopyData: CancelRequest, statement_timeout
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
        if self.firing is not None:
            self.firing.after_rows()
            self.firing.statement("after")
        return self.rows

    def _load(self, blocks: Iterable[Block]) -> None:
        """Convert each block a column at a time and insert its rows; a
        block with a failing value, or a short line, goes line by line."""
        count = len(self.slots)
        for block in blocks:
            self.ctx.check()  # a block of lines: CancelRequest, statement_timeout
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
                    self._insert(copy_format.Block(first, [], []), rows[:at])
                    raise
        if rows:
            self._insert(copy_format.Block(first, [], []), rows)
        if error is not None:
            raise error

    def _insert(self, block: Block, rows: Iterable[Sequence]) -> None:
        """Insert a block's converted rows, in order."""
        if self.firing is not None:
            self._insert_fired(block, rows)
            return
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
                error.where = copy_format.context(self.table.name.name, block.first + count,
                                      None if error.sqlstate == UNIQUE_VIOLATION or
                                      not block.texts else block.texts[count])
            raise error

    def _insert_fired(self, block: Block, rows: Iterable[Sequence]) -> None:
        """Row by row through the BEFORE ROW triggers (a NULL skips the
        row, uncounted), each inserted row queued for the AFTER ones."""
        for offset, fields in enumerate(rows):
            row = self.firing.before_row(None, self._complete(fields))
            if row is None:
                continue
            count, error = self.txn.insert_rows(self.table.name, [row])
            if error is not None:
                if error.where is None:
                    error.where = copy_format.context(
                        self.table.name.name, block.first + offset,
                        block.texts[offset] if offset < len(block.texts)
                        else None)
                raise error
            self.rows += count
            self.firing.row_written(None, row)

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
                    f'"{copy_format.clip(texts[index])}"'
                where = (f'COPY {self.table.name.name}, line {number}, '
                         f'column {column_name}: {shown}')
                # the input function's own context (JSON data, line 1: …) first
                exc.where = f"{exc.where}\n{where}" if exc.where else where
                raise
            if len(fields) < count:
                raise copy_format.missing_data(self.table.name.name, number, line.text,
                                   self.names[len(fields)])
            self._insert(copy_format.Block(number, [line.text], []), [tuple(fields)])

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


def copy_to(plan: CompiledWrite, table: Table, txn: Transaction, ctx: Any
            ) -> tuple[bytes, int]:
    """CopyOutResponse, one CopyData per row, CopyDone, CommandComplete."""
    resolved: d.ResolvedCopy = plan.resolved  # type: ignore[assignment]
    slots = resolved.slots
    if ctx.catalog.partition_key(table.name) is not None:
        raise wrong_object_type("cannot copy from partitioned table "
                                f'"{table.name.name}"',
                                hint="Try the COPY (SELECT ...) TO variant.")
    return copy_out([table.columns[s].name for s in slots],
                    [table.columns[s].type for s in slots],
                    ([row[s] for s in slots] for block in  # polled
                     chunks(txn.scan(table.name), ctx) for _, row in block),
                    resolved.options, ctx.settings)


def copy_out(names: list[str], types: list[SqlType], rows: Iterable[Sequence],
             options: d.CopyOptions, settings: FormatSettings
             ) -> tuple[bytes, int]:
    """COPY … TO STDOUT of a table's or a query's rows: CopyOutResponse,
    one CopyData per row, CopyDone, CommandComplete."""
    dialect = copy_format.Dialect.of(options)
    if options.format == "binary":
        return _binary_out(types, rows)
    fmts = [values.formatter_for(t, settings) for t in types]
    force = options.force_quote
    quoted = frozenset(range(len(names))) if force is True else frozenset(
        i for i, name in enumerate(names) if name in (force or ()))
    out = [CopyOutResponse(0, (0,) * len(names)).encode()]
    if dialect.header:
        out.append(CopyData(copy_format.format_row(list(names), dialect).encode()).encode())
    count = 0
    for row in rows:
        texts = [None if v is None else f(v) for v, f in zip(row, fmts)]
        out.append(CopyData(copy_format.format_row(texts, dialect, quoted).encode()).encode())
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
