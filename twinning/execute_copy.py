"""COPY FROM STDIN and COPY TO STDOUT against one store transaction.

`CopyFrom` is fed the CopyData payloads as they arrive: each line the
`CopyReader` yields is converted column by column with the type's input
function and the column typmod (assignment semantics), completed with the
defaults of the columns not listed, and inserted; errors carry PostgreSQL's
CONTEXT (`COPY t, line 3, column c: "x"` for a conversion, `COPY t, line 3:
"…"` for a row the store refuses). `copy_to` renders the table's rows in
heap order, as a sequential scan returns them.
"""

from __future__ import annotations

from typing import Any

from twinning import values
from twinning.copy_format import (CopyReader, Dialect, clip, context, format_row,
                                  missing_data)
from twinning.errors import SqlError
from twinning.execute_write import default_value
from twinning.ir import dml as d
from twinning.ir.catalog import Table
from twinning.passes.plan_dml import WritePlan
from twinning.store import SequenceSession, Transaction
from twinning.values.dtparse import set_transaction_clock
from twinning.wire.messages import (COPY_DONE_MSG, CommandComplete, CopyData,
                                    CopyOutResponse)


class CopyFrom:
    def __init__(self, plan: WritePlan, table: Table, txn: Transaction,
                 seq: SequenceSession, ctx: Any) -> None:
        resolved: d.ResolvedCopy = plan.resolved  # type: ignore[assignment]
        self.plan, self.table, self.txn, self.seq, self.ctx = \
            plan, table, txn, seq, ctx
        self.slots = resolved.slots
        names = [table.columns[s].name for s in self.slots]
        self.names = names
        self.reader = CopyReader(resolved.options, table.name.name, names,
                                 defer_missing=True)
        converters = []
        for slot in self.slots:
            sql_type = table.columns[slot].type
            parse = values.parser_for(sql_type, ctx.settings)
            typmod = values.typmod_for(sql_type, False)
            converters.append((parse, typmod))
        self.converters = converters
        self.width = len(table.columns)
        listed = set(self.slots)
        self.unlisted = [slot for slot in range(self.width) if slot not in listed]
        self.rows = 0

    def feed(self, data: bytes) -> None:
        # CopyData may be handled on another thread than the COPY statement:
        # 'now'/'today' in the data read this transaction's start
        set_transaction_clock(self.ctx.transaction_start())
        for line in self.reader.feed(data):
            self._insert(line)

    def finish(self) -> int:
        set_transaction_clock(self.ctx.transaction_start())
        for line in self.reader.finish():
            self._insert(line)
        return self.rows

    def _insert(self, line) -> None:
        row: list[Any] = [None] * self.width
        slots = self.slots
        index = 0
        try:
            for index, field in enumerate(line.fields):
                if field is not None:
                    parse, typmod = self.converters[index]
                    row[slots[index]] = typmod(parse(field))
        except SqlError as exc:
            column = self.table.columns[slots[index]].name
            where = (f'COPY {self.table.name.name}, line {line.number}, '
                     f'column {column}: "{clip(line.fields[index])}"')
            # the input function's own context (JSON data, line 1: …) first
            exc.where = f"{exc.where}\n{where}" if exc.where else where
            raise
        if len(line.fields) < len(slots):
            raise missing_data(self.table.name.name, line.number, line.text,
                               self.names[len(line.fields)])
        for slot in self.unlisted:
            row[slot] = default_value(self.plan.defaults[slot], self.seq,
                                      self.txn, self.ctx)
        try:
            self.txn.insert(self.table.name, tuple(row))
        except SqlError as exc:
            if exc.where is None:
                # NOT NULL and CHECK fail while the line is current; a
                # unique violation surfaces when PostgreSQL's multi-insert
                # buffer is flushed, after the line text is gone.
                exc.where = context(self.table.name.name, line.number,
                                    None if exc.sqlstate == "23505" else line.text)
            raise
        self.rows += 1


def copy_to(plan: WritePlan, table: Table, txn: Transaction, ctx: Any
            ) -> tuple[bytes, int]:
    """CopyOutResponse, one CopyData per row, CopyDone, CommandComplete."""
    resolved: d.ResolvedCopy = plan.resolved  # type: ignore[assignment]
    dialect = Dialect.of(resolved.options)
    slots = resolved.slots
    fmts = [values.formatter_for(table.columns[s].type, ctx.settings)
            for s in slots]
    force = resolved.options.force_quote
    quoted = frozenset(range(len(slots))) if force is True else frozenset(
        i for i, s in enumerate(slots) if table.columns[s].name in (force or ()))
    out = [CopyOutResponse(0, (0,) * len(slots)).encode()]
    if dialect.header:
        out.append(CopyData(format_row([table.columns[s].name for s in slots],
                                       dialect).encode()).encode())
    count = 0
    for _, row in txn.scan(table.name):
        texts = [None if row[s] is None else f(row[s]) for s, f in zip(slots, fmts)]
        out.append(CopyData(format_row(texts, dialect, quoted).encode()).encode())
        count += 1
    out.append(COPY_DONE_MSG)
    out.append(CommandComplete(f"COPY {count}").encode())
    return b"".join(out), count
